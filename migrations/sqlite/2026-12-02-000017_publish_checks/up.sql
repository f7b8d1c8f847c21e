-- Issue 14, points 4 and 8: publishing a piece needs its basics, and public free text that
-- screening flags needs a second staff member's approval.
-- * pieces.huid_exemption: why a piece has no HUID (a code from inventory::types::HuidExemption);
-- * text_approvals: one request per (context, entity, text hash); approved by someone other
--   than the requester. The text itself is not stored (a story withdrawn must leave nothing
--   behind); only its SHA-256 and the kinds of passage screening found.
ALTER TABLE pieces ADD COLUMN huid_exemption TEXT;

CREATE TABLE text_approvals (
    id INTEGER PRIMARY KEY NOT NULL,
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
