-- Carts, orders with holds on pieces, payments (Stripe or the development page), webhook
-- events, refunds and the email outbox.

CREATE TABLE carts (
    id_hash TEXT PRIMARY KEY NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE cart_items (
    cart_id TEXT NOT NULL REFERENCES carts(id_hash) ON DELETE CASCADE,
    piece_id BIGINT NOT NULL REFERENCES pieces(id),
    added_at TIMESTAMP NOT NULL,
    PRIMARY KEY (cart_id, piece_id)
);

CREATE TABLE orders (
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
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX orders_status ON orders(status);

CREATE TABLE order_items (
    id INTEGER PRIMARY KEY NOT NULL,
    order_id BIGINT NOT NULL REFERENCES orders(id),
    piece_id BIGINT NOT NULL REFERENCES pieces(id),
    center_id BIGINT NOT NULL REFERENCES centers(id),
    sku TEXT NOT NULL,
    title TEXT NOT NULL,
    price_minor BIGINT NOT NULL,
    currency TEXT NOT NULL
);
CREATE INDEX order_items_order ON order_items(order_id);
CREATE INDEX order_items_piece ON order_items(piece_id);

-- The timeline: every event of an order, who and when.
CREATE TABLE order_events (
    id INTEGER PRIMARY KEY NOT NULL,
    order_id BIGINT NOT NULL REFERENCES orders(id),
    at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    details TEXT NOT NULL
);
CREATE INDEX order_events_order ON order_events(order_id);

-- A piece is held by one order at a time; a hold past its expiry can be taken over.
ALTER TABLE pieces ADD COLUMN held_by_order_id BIGINT REFERENCES orders(id);
ALTER TABLE pieces ADD COLUMN hold_expires_at TIMESTAMP;

-- One row per attempt to create a payment session: a retry sends the stored parameters.
CREATE TABLE payment_attempts (
    id INTEGER PRIMARY KEY NOT NULL,
    order_id BIGINT NOT NULL REFERENCES orders(id),
    idempotency_key TEXT NOT NULL UNIQUE,
    session_expires_at TIMESTAMP NOT NULL,
    request TEXT NOT NULL,
    session_id TEXT,
    session_url TEXT,
    created_at TIMESTAMP NOT NULL
);

-- Webhook events by Stripe's id: each is applied once, whatever the order of arrival.
CREATE TABLE stripe_events (
    id TEXT PRIMARY KEY NOT NULL,
    event_type TEXT NOT NULL,
    received_at TIMESTAMP NOT NULL,
    processed_at TIMESTAMP,
    payload TEXT NOT NULL
);

CREATE TABLE refunds (
    id INTEGER PRIMARY KEY NOT NULL,
    order_id BIGINT NOT NULL REFERENCES orders(id),
    amount_minor BIGINT NOT NULL CHECK (amount_minor > 0),
    currency TEXT NOT NULL,
    reason TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    provider_refund_id TEXT UNIQUE,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- Email written in the same transaction as the change that causes it; a worker sends it.
CREATE TABLE email_outbox (
    id INTEGER PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    to_address TEXT NOT NULL,
    order_id BIGINT REFERENCES orders(id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    last_error TEXT,
    sent_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX email_outbox_due ON email_outbox(status, next_attempt_at);
