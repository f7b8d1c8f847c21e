-- Issue 15, customers' privacy rights (DPDP 2023, GDPR): each request a customer makes from
-- their order's page (a copy of their data, erasure), and each pass of the retention job that
-- masked old orders. What was kept and why is written in `outcome` (JSON). Never the
-- customer's email: the orders are named by reference.
CREATE TABLE privacy_requests (
    id INTEGER PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('export', 'erasure', 'retention')),
    status TEXT NOT NULL CHECK (status IN ('completed', 'refused')),
    order_id BIGINT REFERENCES orders(id),
    received_at TIMESTAMP NOT NULL,
    completed_at TIMESTAMP,
    outcome TEXT NOT NULL
);
CREATE INDEX privacy_requests_received ON privacy_requests(received_at);
