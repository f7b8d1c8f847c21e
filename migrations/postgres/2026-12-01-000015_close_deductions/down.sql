DROP INDEX ledger_entries_one_overtime;
DROP INDEX ledger_entries_one_salary;
ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_kind_check;
ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_kind_check CHECK (kind IN ('wage_earned',
    'sale_bonus', 'payout', 'adjustment', 'adjustment_approved', 'adjustment_rejected', 'minimum_wage_top_up'));
ALTER TABLE wage_policies DROP COLUMN deduction_kinds;
DROP TABLE register_confirmations;
DROP TABLE month_close_requests;
