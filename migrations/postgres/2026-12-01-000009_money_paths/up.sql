-- Money paths that hold in production (issue 9):
-- * the order's payment state and its fulfilment are separate: `status` says what happened to
--   the money (pending, paid, partly/fully refunded, cancelled, or a payment that needs review),
--   `fulfilment` is derived from one shipment per center (`shipments`);
-- * `received_minor` is what the payment provider reported as paid (a refund is judged against
--   it), `phone` is the courier's contact, `cart_key`/`client_key` let a cart's new checkout
--   replace its earlier one and limit how much one client may hold;
-- * disputes follow Stripe's lifecycle, one row per dispute;
-- * a payment attempt remembers when the shop closed its session at the provider.

CREATE TABLE shipments (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id BIGINT NOT NULL REFERENCES orders(id),
    center_id BIGINT NOT NULL REFERENCES centers(id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'packed', 'shipped', 'delivered')),
    carrier TEXT,
    tracking_number TEXT,
    packed_at TIMESTAMP,
    shipped_at TIMESTAMP,
    delivered_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (order_id, center_id)
);
CREATE INDEX shipments_center_status ON shipments(center_id, status);

-- One shipment per center of every existing order, in the state the order's timeline shows.
INSERT INTO shipments (order_id, center_id, status, carrier, tracking_number, packed_at, shipped_at,
                       delivered_at, created_at, updated_at)
SELECT o.id, c.center_id,
       CASE
         WHEN EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id AND e.kind = 'delivered') THEN 'delivered'
         WHEN EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id AND e.kind = 'shipped') THEN 'shipped'
         WHEN EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id AND e.kind = 'packed') THEN 'packed'
         ELSE 'pending'
       END,
       o.carrier, o.tracking_number,
       (SELECT MIN(e.at) FROM order_events e WHERE e.order_id = o.id AND e.kind = 'packed'),
       (SELECT MIN(e.at) FROM order_events e WHERE e.order_id = o.id AND e.kind = 'shipped'),
       (SELECT MIN(e.at) FROM order_events e WHERE e.order_id = o.id AND e.kind = 'delivered'),
       o.created_at, o.updated_at
FROM orders o
JOIN (SELECT DISTINCT order_id, center_id FROM order_items) c ON c.order_id = o.id;

ALTER TABLE orders ADD COLUMN fulfilment TEXT NOT NULL DEFAULT 'unfulfilled' CHECK (fulfilment IN
    ('unfulfilled', 'packed', 'partially_shipped', 'shipped', 'delivered'));
ALTER TABLE orders ADD COLUMN phone TEXT;
ALTER TABLE orders ADD COLUMN received_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN cart_key TEXT;
ALTER TABLE orders ADD COLUMN client_key TEXT;

UPDATE orders o SET
    fulfilment = CASE
         WHEN NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id AND s.status <> 'delivered') THEN
           CASE WHEN EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id) THEN 'delivered' ELSE 'unfulfilled' END
         WHEN NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id AND s.status IN ('pending', 'packed')) THEN 'shipped'
         WHEN EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id AND s.status IN ('shipped', 'delivered')) THEN 'partially_shipped'
         WHEN NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id AND s.status = 'pending') THEN 'packed'
         ELSE 'unfulfilled'
       END,
    received_minor = CASE
         WHEN o.status IN ('paid', 'packed', 'shipped', 'delivered', 'refunded', 'partially_refunded') THEN o.total_minor
         ELSE o.refunded_minor
       END;

ALTER TABLE orders DROP CONSTRAINT orders_status_check;
UPDATE orders SET status = 'paid' WHERE status IN ('packed', 'shipped', 'delivered');
ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN ('pending_payment', 'paid',
    'partially_refunded', 'refunded', 'cancelled', 'needs_review'));
ALTER TABLE orders DROP COLUMN carrier;
ALTER TABLE orders DROP COLUMN tracking_number;
DROP INDEX orders_status;
CREATE INDEX orders_status ON orders(status, hold_expires_at);
CREATE INDEX orders_fulfilment ON orders(fulfilment);
CREATE INDEX orders_cart ON orders(cart_key);
CREATE INDEX orders_client ON orders(client_key, created_at);

CREATE TABLE disputes (
    id TEXT PRIMARY KEY NOT NULL,
    order_id BIGINT NOT NULL REFERENCES orders(id),
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL,
    evidence_due_by TIMESTAMP,
    opened_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    closed_at TIMESTAMP
);
CREATE INDEX disputes_order ON disputes(order_id);

-- Disputes recorded before this table existed (their amounts were not kept).
INSERT INTO disputes (id, order_id, amount_minor, currency, reason, status, evidence_due_by, opened_at,
                      updated_at, closed_at)
SELECT e.details::json->>'dispute_id', e.order_id, 0, o.currency, 'unknown', 'needs_response', NULL,
       MIN(e.at), MIN(e.at), NULL
FROM order_events e JOIN orders o ON o.id = e.order_id
WHERE e.kind = 'dispute_opened' AND e.details::json->>'dispute_id' IS NOT NULL
GROUP BY e.details::json->>'dispute_id', e.order_id, o.currency;

ALTER TABLE payment_attempts ADD COLUMN closed_at TIMESTAMP;
CREATE INDEX payment_attempts_order ON payment_attempts(order_id);

-- An event about a payment the shop has not seen yet (a refund or a dispute that arrived
-- before the payment): parked under the payment intent and applied when the payment arrives.
ALTER TABLE stripe_events ADD COLUMN parked_for TEXT;
ALTER TABLE stripe_events ADD COLUMN parked_action TEXT;
CREATE INDEX stripe_events_parked ON stripe_events(parked_for);
