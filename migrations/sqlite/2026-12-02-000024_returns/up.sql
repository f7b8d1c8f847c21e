-- Issue 15, returns: a customer asks from their order's page to return delivered pieces within
-- the window (`returns.window_days` after the parcel's delivery); the manager of the pieces'
-- center approves or declines, records their condition on receipt (and whether they go back on
-- sale or are withdrawn); finance refunds through the order's refund path (credit note) or
-- closes the request. One request per center of the order (its manager decides it).
CREATE TABLE return_requests (
    id INTEGER PRIMARY KEY NOT NULL,
    order_id BIGINT NOT NULL REFERENCES orders(id),
    center_id BIGINT NOT NULL REFERENCES centers(id),
    status TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'declined', 'received', 'refunded', 'closed')),
    reason TEXT NOT NULL,
    -- The staff's last message to the customer (decision, closing).
    message TEXT,
    -- Recorded on receipt.
    received_condition TEXT,
    restocked BOOLEAN,
    refund_minor BIGINT,
    currency TEXT NOT NULL,
    requested_at TIMESTAMP NOT NULL,
    decided_at TIMESTAMP,
    received_at TIMESTAMP,
    finished_at TIMESTAMP,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX return_requests_order ON return_requests(order_id);
CREATE INDEX return_requests_status ON return_requests(status, requested_at);

-- The pieces of a request. `open` is true until the request is declined, refunded or closed:
-- a piece is in at most one open request.
CREATE TABLE return_items (
    id INTEGER PRIMARY KEY NOT NULL,
    return_id BIGINT NOT NULL REFERENCES return_requests(id),
    order_id BIGINT NOT NULL REFERENCES orders(id),
    piece_id BIGINT NOT NULL REFERENCES pieces(id),
    title TEXT NOT NULL,
    price_minor BIGINT NOT NULL,
    open BOOLEAN NOT NULL
);
CREATE INDEX return_items_return ON return_items(return_id);
CREATE UNIQUE INDEX return_items_one_open ON return_items(order_id, piece_id) WHERE open;
