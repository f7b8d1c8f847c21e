PRAGMA foreign_keys = OFF;
BEGIN;
DROP INDEX stripe_events_parked;
ALTER TABLE stripe_events DROP COLUMN parked_action;
ALTER TABLE stripe_events DROP COLUMN parked_for;
DROP INDEX payment_attempts_order;
ALTER TABLE payment_attempts DROP COLUMN closed_at;
DROP TABLE disputes;

CREATE TABLE orders_old (
    id INTEGER PRIMARY KEY NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    status_token_hash TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('pending_payment', 'paid', 'packed', 'shipped', 'delivered',
        'cancelled', 'refunded', 'partially_refunded')),
    disputed BOOLEAN NOT NULL DEFAULT 0,
    email TEXT NOT NULL,
    ship_name TEXT NOT NULL,
    ship_line1 TEXT NOT NULL,
    ship_line2 TEXT,
    ship_city TEXT NOT NULL,
    ship_region TEXT,
    ship_postal_code TEXT NOT NULL,
    ship_country TEXT NOT NULL,
    shipping_option TEXT NOT NULL,
    subtotal_minor BIGINT NOT NULL,
    shipping_minor BIGINT NOT NULL,
    total_minor BIGINT NOT NULL,
    refunded_minor BIGINT NOT NULL DEFAULT 0,
    currency TEXT NOT NULL,
    payment_provider TEXT NOT NULL CHECK (payment_provider IN ('stripe', 'development')),
    checkout_session_id TEXT UNIQUE,
    payment_intent_id TEXT,
    hold_expires_at TIMESTAMP NOT NULL,
    carrier TEXT,
    tracking_number TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    status_token_sealed TEXT
);
INSERT INTO orders_old
SELECT o.id, o.reference, o.status_token_hash,
       CASE WHEN o.status = 'paid' AND o.fulfilment IN ('packed', 'shipped', 'delivered') THEN o.fulfilment
            WHEN o.status = 'paid' AND o.fulfilment = 'partially_shipped' THEN 'packed'
            WHEN o.status = 'needs_review' THEN 'cancelled'
            ELSE o.status END,
       o.disputed, o.email, o.ship_name, o.ship_line1, o.ship_line2, o.ship_city, o.ship_region,
       o.ship_postal_code, o.ship_country, o.shipping_option, o.subtotal_minor, o.shipping_minor,
       o.total_minor, o.refunded_minor, o.currency, o.payment_provider, o.checkout_session_id,
       o.payment_intent_id, o.hold_expires_at,
       (SELECT s.carrier FROM shipments s WHERE s.order_id = o.id AND s.carrier IS NOT NULL ORDER BY s.id LIMIT 1),
       (SELECT s.tracking_number FROM shipments s WHERE s.order_id = o.id AND s.tracking_number IS NOT NULL ORDER BY s.id LIMIT 1),
       o.created_at, o.updated_at, o.status_token_sealed
FROM orders o;
DROP TABLE orders;
ALTER TABLE orders_old RENAME TO orders;
CREATE INDEX orders_status ON orders(status);
DROP TABLE shipments;
COMMIT;
PRAGMA foreign_keys = ON;
