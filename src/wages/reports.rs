//! What finance reads from the ledger: monthly statements, center summaries, earnings against
//! the legal minimum and the living wage, late payments and the reconciliation of bonuses with
//! paid orders. Computed from the ledger (and the policy in force), never stored.
