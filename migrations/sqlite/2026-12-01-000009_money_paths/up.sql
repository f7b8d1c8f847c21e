-- Money paths that hold in production (issue 9):
-- * the order's payment state and its fulfilment are separate: `status` says what happened to
--   the money (pending, paid, partly/fully refunded, cancelled, or a payment that needs review),
--   `fulfilment` is derived from one shipment per center (`shipments`);
-- * `received_minor` is what the payment provider reported as paid (a refund is judged against
--   it), `phone` is the courier's contact, `cart_key`/`client_key` let a cart's new checkout
--   replace its earlier one and limit how much one client may hold;
-- * disputes follow Stripe's lifecycle, one row per dispute;
-- * a payment attempt remembers when the shop closed its session at the provider.
PRAGMA foreign_keys = OFF;
BEGIN;

CREATE TABLE shipments (
    id INTEGER PRIMARY KEY NOT NULL,
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

CREATE TABLE orders_new (
    id INTEGER PRIMARY KEY NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    status_token_hash TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('pending_payment', 'paid', 'partially_refunded', 'refunded',
        'cancelled', 'needs_review')),
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
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    status_token_sealed TEXT,
    fulfilment TEXT NOT NULL DEFAULT 'unfulfilled' CHECK (fulfilment IN ('unfulfilled', 'packed',
        'partially_shipped', 'shipped', 'delivered')),
    phone TEXT,
    received_minor BIGINT NOT NULL DEFAULT 0,
    cart_key TEXT,
    client_key TEXT
);

INSERT INTO orders_new (id, reference, status_token_hash, status, disputed, email, ship_name, ship_line1,
    ship_line2, ship_city, ship_region, ship_postal_code, ship_country, shipping_option, subtotal_minor,
    shipping_minor, total_minor, refunded_minor, currency, payment_provider, checkout_session_id,
    payment_intent_id, hold_expires_at, created_at, updated_at, status_token_sealed, fulfilment, phone,
    received_minor, cart_key, client_key)
SELECT o.id, o.reference, o.status_token_hash,
       CASE WHEN o.status IN ('packed', 'shipped', 'delivered') THEN 'paid' ELSE o.status END,
       o.disputed, o.email, o.ship_name, o.ship_line1, o.ship_line2, o.ship_city, o.ship_region,
       o.ship_postal_code, o.ship_country, o.shipping_option, o.subtotal_minor, o.shipping_minor,
       o.total_minor, o.refunded_minor, o.currency, o.payment_provider, o.checkout_session_id,
       o.payment_intent_id, o.hold_expires_at, o.created_at, o.updated_at, o.status_token_sealed,
       CASE
         WHEN NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id AND s.status <> 'delivered') THEN
           CASE WHEN EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id) THEN 'delivered' ELSE 'unfulfilled' END
         WHEN NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id AND s.status IN ('pending', 'packed')) THEN 'shipped'
         WHEN EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id AND s.status IN ('shipped', 'delivered')) THEN 'partially_shipped'
         WHEN NOT EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = o.id AND s.status = 'pending') THEN 'packed'
         ELSE 'unfulfilled'
       END,
       NULL,
       CASE
         WHEN o.status IN ('paid', 'packed', 'shipped', 'delivered', 'refunded', 'partially_refunded') THEN o.total_minor
         ELSE o.refunded_minor
       END,
       NULL, NULL
FROM orders o;

DROP TABLE orders;
ALTER TABLE orders_new RENAME TO orders;
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
SELECT json_extract(e.details, '$.dispute_id'), e.order_id, 0, o.currency, 'unknown', 'needs_response', NULL,
       MIN(e.at), MIN(e.at), NULL
FROM order_events e JOIN orders o ON o.id = e.order_id
WHERE e.kind = 'dispute_opened' AND json_extract(e.details, '$.dispute_id') IS NOT NULL
GROUP BY json_extract(e.details, '$.dispute_id'), e.order_id, o.currency;

ALTER TABLE payment_attempts ADD COLUMN closed_at TIMESTAMP;
CREATE INDEX payment_attempts_order ON payment_attempts(order_id);

-- An event about a payment the shop has not seen yet (a refund or a dispute that arrived
-- before the payment): parked under the payment intent and applied when the payment arrives.
ALTER TABLE stripe_events ADD COLUMN parked_for TEXT;
ALTER TABLE stripe_events ADD COLUMN parked_action TEXT;
CREATE INDEX stripe_events_parked ON stripe_events(parked_for);

COMMIT;
PRAGMA foreign_keys = ON;
