DROP INDEX stripe_events_parked;
ALTER TABLE stripe_events DROP COLUMN parked_action;
ALTER TABLE stripe_events DROP COLUMN parked_for;
DROP INDEX payment_attempts_order;
ALTER TABLE payment_attempts DROP COLUMN closed_at;
DROP TABLE disputes;
DROP INDEX orders_client;
DROP INDEX orders_cart;
DROP INDEX orders_fulfilment;
DROP INDEX orders_status;
CREATE INDEX orders_status ON orders(status);
ALTER TABLE orders ADD COLUMN carrier TEXT;
ALTER TABLE orders ADD COLUMN tracking_number TEXT;
UPDATE orders o SET
    carrier = (SELECT s.carrier FROM shipments s WHERE s.order_id = o.id AND s.carrier IS NOT NULL ORDER BY s.id LIMIT 1),
    tracking_number = (SELECT s.tracking_number FROM shipments s WHERE s.order_id = o.id
                       AND s.tracking_number IS NOT NULL ORDER BY s.id LIMIT 1);
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
UPDATE orders SET status = CASE
    WHEN status = 'paid' AND fulfilment IN ('packed', 'shipped', 'delivered') THEN fulfilment
    WHEN status = 'paid' AND fulfilment = 'partially_shipped' THEN 'packed'
    WHEN status = 'needs_review' THEN 'cancelled'
    ELSE status END;
ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN ('pending_payment', 'paid', 'packed',
    'shipped', 'delivered', 'cancelled', 'refunded', 'partially_refunded'));
ALTER TABLE orders DROP COLUMN client_key;
ALTER TABLE orders DROP COLUMN cart_key;
ALTER TABLE orders DROP COLUMN received_minor;
ALTER TABLE orders DROP COLUMN phone;
ALTER TABLE orders DROP COLUMN fulfilment;
DROP TABLE shipments;
