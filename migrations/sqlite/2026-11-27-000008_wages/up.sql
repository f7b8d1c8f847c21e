-- The fair-wage ledger: wage policy per center with effective dates, the exchange rates
-- finance records, the piece's wage and its acceptance into inventory, and the append-only,
-- hash-chained ledger of what each artisan earned and was paid (INR minor units).

-- A policy version applies from its date until the next one of the same center. Versions are
-- never edited: a change is a new version (so a past month is always judged by its own rules).
CREATE TABLE wage_policies (
    id INTEGER PRIMARY KEY NOT NULL,
    center_id BIGINT NOT NULL REFERENCES centers(id),
    effective_from DATE NOT NULL,
    legal_min_monthly_minor BIGINT NOT NULL CHECK (legal_min_monthly_minor > 0),
    living_wage_monthly_minor BIGINT CHECK (living_wage_monthly_minor > 0),
    standard_hours_per_month BIGINT NOT NULL CHECK (standard_hours_per_month BETWEEN 1 AND 300),
    target_multiplier TEXT NOT NULL,
    sale_bonus_percent TEXT NOT NULL,
    source_note TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    UNIQUE (center_id, effective_from)
);

-- Rupees per unit of a sale currency, as finance recorded it for a day. One rate per
-- currency and day, never changed (bonuses were computed with it).
CREATE TABLE exchange_rates (
    currency TEXT NOT NULL,
    rate_date DATE NOT NULL,
    inr_per_unit TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (currency, rate_date)
);

-- The wage agreed for a piece (INR minor units, shared by its makers by hours) and when it
-- was accepted into inventory (its wages are in the ledger from then on).
ALTER TABLE pieces ADD COLUMN wage_minor BIGINT CHECK (wage_minor > 0);
ALTER TABLE pieces ADD COLUMN accepted_at TIMESTAMP;

-- The ledger. `id` is the entry's number in one chain (1, 2, 3… with no gaps); `hash` is
-- SHA-256 over the entry's content and `prev_hash`. Amounts are signed from the artisan's
-- side: earnings positive, payouts negative.
CREATE TABLE ledger_entries (
    id BIGINT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('wage_earned', 'sale_bonus', 'payout', 'adjustment',
        'adjustment_approved', 'adjustment_rejected')),
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
CREATE INDEX ledger_entries_artisan_on ON ledger_entries(artisan_id, occurred_on);
CREATE INDEX ledger_entries_center_on ON ledger_entries(center_id, occurred_on);
CREATE INDEX ledger_entries_occurred_on ON ledger_entries(occurred_on);
CREATE INDEX ledger_entries_order ON ledger_entries(order_id);
CREATE INDEX ledger_entries_piece ON ledger_entries(piece_id);
CREATE INDEX ledger_entries_refers_to ON ledger_entries(refers_to);
-- A piece earns its wage once per maker, and a paid order its bonus once per piece and maker.
CREATE UNIQUE INDEX ledger_entries_one_wage ON ledger_entries(piece_id, artisan_id) WHERE kind = 'wage_earned';
CREATE UNIQUE INDEX ledger_entries_one_bonus ON ledger_entries(order_id, piece_id, artisan_id) WHERE kind = 'sale_bonus';
CREATE UNIQUE INDEX ledger_entries_one_decision ON ledger_entries(refers_to)
    WHERE kind IN ('adjustment_approved', 'adjustment_rejected');

CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END;
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger_entries is append-only'); END;

-- The chain's head: appenders take this row first (a write lock), so entries are numbered
-- and chained one at a time across every app instance.
CREATE TABLE ledger_head (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    last_id BIGINT NOT NULL,
    last_hash TEXT NOT NULL
);
INSERT INTO ledger_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
