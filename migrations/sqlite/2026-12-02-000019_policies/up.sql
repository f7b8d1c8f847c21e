-- Shop policies (issue 15): shipping, returns and refunds, privacy, terms of sale and the
-- grievance officer, each a Markdown text. Every save is a new version: rows are only
-- inserted, and the highest version in effect on a day is the one the public page shows.
CREATE TABLE policy_versions (
    id INTEGER PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    version BIGINT NOT NULL CHECK (version > 0),
    body TEXT NOT NULL,
    effective_on DATE NOT NULL,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (kind, version)
);
CREATE TRIGGER policy_versions_no_update BEFORE UPDATE ON policy_versions
BEGIN SELECT RAISE(ABORT, 'policy_versions is append-only'); END;
CREATE TRIGGER policy_versions_no_delete BEFORE DELETE ON policy_versions
BEGIN SELECT RAISE(ABORT, 'policy_versions is append-only'); END;

-- The version of each policy a buyer accepted when placing an order (terms of sale, returns),
-- written in the same transaction as the order.
CREATE TABLE order_policy_acceptances (
    order_id BIGINT NOT NULL REFERENCES orders(id),
    kind TEXT NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (order_id, kind)
);
