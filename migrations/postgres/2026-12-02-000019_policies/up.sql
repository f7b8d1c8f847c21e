-- Shop policies (issue 15): shipping, returns and refunds, privacy, terms of sale and the
-- grievance officer, each a Markdown text. Every save is a new version: rows are only
-- inserted, and the highest version in effect on a day is the one the public page shows.
CREATE TABLE policy_versions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL,
    version BIGINT NOT NULL CHECK (version > 0),
    body TEXT NOT NULL,
    effective_on DATE NOT NULL,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (kind, version)
);
CREATE TRIGGER policy_versions_append_only BEFORE UPDATE OR DELETE ON policy_versions
FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER policy_versions_no_truncate BEFORE TRUNCATE ON policy_versions
FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();

-- The version of each policy a buyer accepted when placing an order (terms of sale, returns),
-- written in the same transaction as the order.
CREATE TABLE order_policy_acceptances (
    order_id BIGINT NOT NULL REFERENCES orders(id),
    kind TEXT NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (order_id, kind)
);
