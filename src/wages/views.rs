//! Finance report pages under `/admin/wages` (finance and admin only, every view audit-logged).

use actix_web::web;

pub fn routes(_cfg: &mut web::ServiceConfig) {}
