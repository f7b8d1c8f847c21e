-- See the SQLite migration of the same name.
ALTER TABLE pieces ADD COLUMN huid_exemption TEXT;

CREATE TABLE text_approvals (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    context TEXT NOT NULL,
    entity_id BIGINT NOT NULL,
    center_id BIGINT REFERENCES centers(id),
    text_sha256 TEXT NOT NULL,
    match_kinds TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    requested_by_staff_id BIGINT,
    requested_at TIMESTAMP NOT NULL,
    approved_by TEXT,
    approved_by_staff_id BIGINT,
    approved_at TIMESTAMP,
    UNIQUE (context, entity_id, text_sha256)
);
CREATE INDEX text_approvals_pending ON text_approvals(approved_at, center_id);
