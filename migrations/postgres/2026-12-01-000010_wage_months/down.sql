DROP INDEX ledger_entries_one_top_up;
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_kind_check;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_kind_check CHECK (kind IN ('wage_earned',
    'sale_bonus', 'payout', 'adjustment', 'adjustment_approved', 'adjustment_rejected'));
DROP TABLE month_closes;
DROP TABLE time_register;
DROP TABLE employment_terms;
