-- See the SQLite migration of the same name.
CREATE TABLE month_close_requests (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    center_id BIGINT NOT NULL REFERENCES centers(id),
    month TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    requested_by_staff_id BIGINT,
    requested_at TIMESTAMP NOT NULL,
    UNIQUE (center_id, month)
);

CREATE TABLE register_confirmations (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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

ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_kind_check;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_kind_check CHECK (kind IN ('wage_earned',
    'sale_bonus', 'payout', 'adjustment', 'adjustment_approved', 'adjustment_rejected', 'minimum_wage_top_up',
    'salary', 'overtime_premium', 'deduction'));
CREATE UNIQUE INDEX ledger_entries_one_salary ON ledger_entries(artisan_id, occurred_on)
    WHERE kind = 'salary';
CREATE UNIQUE INDEX ledger_entries_one_overtime ON ledger_entries(artisan_id, occurred_on)
    WHERE kind = 'overtime_premium';
