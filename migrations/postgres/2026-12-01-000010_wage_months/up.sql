-- Wage truth by the month (issue 13): employment terms, the time register, month closes and
-- the minimum-wage top-up entry kind. See the SQLite migration of the same name.
CREATE TABLE employment_terms (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    center_id BIGINT NOT NULL REFERENCES centers(id),
    month TEXT NOT NULL,
    closed_by TEXT NOT NULL,
    closed_at TIMESTAMP NOT NULL,
    UNIQUE (center_id, month)
);

ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_kind_check;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_kind_check CHECK (kind IN ('wage_earned',
    'sale_bonus', 'payout', 'adjustment', 'adjustment_approved', 'adjustment_rejected', 'minimum_wage_top_up'));
-- One top-up per artisan and month (dated the month's last day).
CREATE UNIQUE INDEX ledger_entries_one_top_up ON ledger_entries(artisan_id, occurred_on)
    WHERE kind = 'minimum_wage_top_up';
