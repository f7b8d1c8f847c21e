-- Wage truth by the month (issue 13):
-- * employment terms per artisan, versions by effective date (pay basis, monthly salary or
--   stipend, standard hours) with an optional end of employment;
-- * the time register: minutes per artisan, day and kind of hour;
-- * month closes per center: a closed month takes no more ledger entries or register hours;
-- * a new ledger entry kind, the minimum-wage top-up posted at month close (Code on Wages s.12).
PRAGMA foreign_keys = OFF;
BEGIN;

CREATE TABLE employment_terms (
    id INTEGER PRIMARY KEY NOT NULL,
    artisan_id BIGINT NOT NULL REFERENCES artisans(id),
    effective_from DATE NOT NULL,
    ends_on DATE,
    pay_basis TEXT NOT NULL CHECK (pay_basis IN ('monthly_salary', 'piece_rate', 'trainee_stipend')),
    monthly_salary_minor BIGINT CHECK (monthly_salary_minor > 0),
    standard_hours_per_month BIGINT NOT NULL CHECK (standard_hours_per_month BETWEEN 1 AND 300),
    note TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    UNIQUE (artisan_id, effective_from)
);

CREATE TABLE time_register (
    id INTEGER PRIMARY KEY NOT NULL,
    artisan_id BIGINT NOT NULL REFERENCES artisans(id),
    center_id BIGINT NOT NULL REFERENCES centers(id),
    work_date DATE NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('production', 'training', 'design', 'rework', 'waiting',
        'leave_paid', 'leave_unpaid', 'holiday')),
    minutes BIGINT NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
    recorded_by TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    UNIQUE (artisan_id, work_date, kind)
);
CREATE INDEX time_register_center_date ON time_register(center_id, work_date);

CREATE TABLE month_closes (
    id INTEGER PRIMARY KEY NOT NULL,
    center_id BIGINT NOT NULL REFERENCES centers(id),
    month TEXT NOT NULL,
    closed_by TEXT NOT NULL,
    closed_at TIMESTAMP NOT NULL,
    UNIQUE (center_id, month)
);

CREATE TABLE ledger_entries_new (
    id BIGINT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('wage_earned', 'sale_bonus', 'payout', 'adjustment',
        'adjustment_approved', 'adjustment_rejected', 'minimum_wage_top_up')),
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
-- One top-up per artisan and month (dated the month's last day).
CREATE UNIQUE INDEX ledger_entries_one_top_up ON ledger_entries(artisan_id, occurred_on)
    WHERE kind = 'minimum_wage_top_up';
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END;
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END;

COMMIT;
PRAGMA foreign_keys = ON;
