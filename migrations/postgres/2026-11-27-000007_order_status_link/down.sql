ALTER TABLE orders DROP COLUMN status_token_sealed;
