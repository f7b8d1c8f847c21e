-- Month close, second part of issue 13:
-- * a close is requested by one finance person and approved by another (four eyes); the
--   request is kept, month_closes.closed_by names the approver;
-- * "confirmed by the artisan" for a week of the time register;
-- * the wage policy lists the deductions it allows (Code on Wages s.18; never fines);
-- * new ledger entry kinds posted at close (salary or stipend, overtime premium) and the
--   deduction kind, with at most one salary and one overtime line per artisan and month.
PRAGMA foreign_keys = OFF;
BEGIN;

CREATE TABLE month_close_requests (
    id INTEGER PRIMARY KEY NOT NULL,
    center_id BIGINT NOT NULL REFERENCES centers(id),
    month TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    requested_by_staff_id BIGINT,
    requested_at TIMESTAMP NOT NULL,
    UNIQUE (center_id, month)
);

CREATE TABLE register_confirmations (
    id INTEGER PRIMARY KEY NOT NULL,
    artisan_id BIGINT NOT NULL REFERENCES artisans(id),
    center_id BIGINT NOT NULL REFERENCES centers(id),
    week_start DATE NOT NULL,
    confirmed_on DATE NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    UNIQUE (artisan_id, week_start)
);
CREATE INDEX register_confirmations_center_week ON register_confirmations(center_id, week_start);

ALTER TABLE wage_policies ADD COLUMN deduction_kinds TEXT NOT NULL
    DEFAULT 'absence,advance_recovery,income_tax,provident_fund,social_security';

CREATE TABLE ledger_entries_new (
    id BIGINT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('wage_earned', 'sale_bonus', 'payout', 'adjustment',
        'adjustment_approved', 'adjustment_rejected', 'minimum_wage_top_up', 'salary',
        'overtime_premium', 'deduction')),
    artisan_id BIGINT NOT NULL REFERENCES artisans(id),
    center_id BIGINT NOT NULL REFERENCES centers(id),
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    occurred_on DATE NOT NULL,
    labor_minutes BIGINT,
    piece_id BIGINT REFERENCES pieces(id),
    order_id BIGINT REFERENCES orders(id),
    refers_to BIGINT REFERENCES ledger_entries(id),
    details TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
);
INSERT INTO ledger_entries_new SELECT id, kind, artisan_id, center_id, amount_minor, currency, occurred_on,
    labor_minutes, piece_id, order_id, refers_to, details, recorded_by, recorded_at, prev_hash, hash
FROM ledger_entries;
DROP TABLE ledger_entries;
ALTER TABLE ledger_entries_new RENAME TO ledger_entries;
CREATE INDEX ledger_entries_artisan_on ON ledger_entries(artisan_id, occurred_on);
CREATE INDEX ledger_entries_center_on ON ledger_entries(center_id, occurred_on);
CREATE INDEX ledger_entries_occurred_on ON ledger_entries(occurred_on);
CREATE INDEX ledger_entries_order ON ledger_entries(order_id);
CREATE INDEX ledger_entries_piece ON ledger_entries(piece_id);
CREATE INDEX ledger_entries_refers_to ON ledger_entries(refers_to);
CREATE UNIQUE INDEX ledger_entries_one_wage ON ledger_entries(piece_id, artisan_id) WHERE kind = 'wage_earned';
CREATE UNIQUE INDEX ledger_entries_one_bonus ON ledger_entries(order_id, piece_id, artisan_id) WHERE kind = 'sale_bonus';
CREATE UNIQUE INDEX ledger_entries_one_decision ON ledger_entries(refers_to)
    WHERE kind IN ('adjustment_approved', 'adjustment_rejected');
-- One top-up, one salary line and one overtime line per artisan and month (each dated the
-- month's last day).
CREATE UNIQUE INDEX ledger_entries_one_top_up ON ledger_entries(artisan_id, occurred_on)
    WHERE kind = 'minimum_wage_top_up';
CREATE UNIQUE INDEX ledger_entries_one_salary ON ledger_entries(artisan_id, occurred_on)
    WHERE kind = 'salary';
CREATE UNIQUE INDEX ledger_entries_one_overtime ON ledger_entries(artisan_id, occurred_on)
    WHERE kind = 'overtime_premium';
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END;
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END;

COMMIT;
PRAGMA foreign_keys = ON;
