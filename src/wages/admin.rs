//! Finance forms under `/admin/wages`: the overview, wage policy, exchange rates, payouts,
//! adjustments and their approval, the ledger list and the audit export.

use actix_web::web;

pub fn routes(_cfg: &mut web::ServiceConfig) {}
