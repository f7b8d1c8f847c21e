-- Signed ledger checkpoints: at each month close the ledger's head (entry number and hash) is
-- signed with the shop's Ed25519 key and published at /transparency/ledger. Rows are only ever
-- inserted, like the ledger itself.
CREATE TABLE ledger_checkpoints (
    id INTEGER PRIMARY KEY NOT NULL,
    entry_id BIGINT NOT NULL,
    entry_hash TEXT NOT NULL,
    signed_at TIMESTAMP NOT NULL,
    month TEXT NOT NULL,
    center_id BIGINT NOT NULL REFERENCES centers(id),
    public_key TEXT NOT NULL,
    signature TEXT NOT NULL,
    UNIQUE (center_id, month)
);
CREATE TRIGGER ledger_checkpoints_no_update BEFORE UPDATE ON ledger_checkpoints
BEGIN SELECT RAISE(ABORT, 'ledger_checkpoints is append-only'); END;
CREATE TRIGGER ledger_checkpoints_no_delete BEFORE DELETE ON ledger_checkpoints
BEGIN SELECT RAISE(ABORT, 'ledger_checkpoints is append-only'); END;
