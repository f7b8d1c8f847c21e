DROP TABLE ledger_head;
DROP TABLE ledger_entries;
ALTER TABLE pieces DROP COLUMN accepted_at;
ALTER TABLE pieces DROP COLUMN wage_minor;
DROP TABLE exchange_rates;
DROP TABLE wage_policies;
