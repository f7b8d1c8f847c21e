//! The pay slip page (`/admin/wages/artisans/{public_id}/slips/{YYYY-MM}`): one artisan's month,
//! in the artisan's language (`?lang=` lets staff read it in another), printable on A5. Finance
//! and admins see every artisan's; a manager only their own center's (404 otherwise).
//! Amounts, hours and dates are formatted here (`i18n::number`, `i18n::date`); every word comes
//! from the `.ftl` files through the template's `fluent(…)` calls.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use tera::Context;

use super::{html, parse_month};
use crate::auth::CurrentStaff;
use crate::db;
use crate::error::AppError;
use crate::i18n::{self, date, number, Lang};
use crate::state::AppState;
use crate::wages::payslip::{self, PaySlip, SlipLine};

#[derive(Deserialize)]
pub struct SlipQuery {
    lang: Option<String>,
}

#[derive(Serialize)]
struct LineView {
    kind: String,
    date: Option<String>,
    amount: String,
    count: i64,
    deduction_kind: Option<String>,
    reason: Option<String>,
    method: Option<String>,
    expected: bool,
}

fn line(lang: Lang, l: &SlipLine) -> LineView {
    LineView {
        kind: l.kind.clone(),
        date: l.on.map(|d| date::day_month_year(lang, d)),
        amount: number::rupees(l.amount_minor),
        count: l.count,
        deduction_kind: l.deduction_kind.clone(),
        reason: l.reason.clone(),
        method: l.method.clone(),
        expected: l.expected,
    }
}

fn context(slip: &PaySlip, lang: Lang) -> Context {
    let r = number::rupees;
    let mut ctx = Context::new();
    ctx.insert("lang", lang.code());
    ctx.insert("alias", &slip.alias);
    ctx.insert("public_id", &slip.public_id);
    let center = i18n::t_opt(lang, &format!("center-{}", slip.center_code)).unwrap_or_else(|| slip.center_city.clone());
    ctx.insert("center", &center);
    ctx.insert("month_label", &date::month_year(lang, slip.month.year, slip.month.month));
    ctx.insert("closed", &slip.closed);
    ctx.insert("pay_basis", slip.pay_basis.map_or("none", |b| b.code()));
    let hours: Vec<(&str, String)> = slip.hours.iter().map(|(k, m)| (k.code(), number::hours_minutes(*m))).collect();
    ctx.insert("hours", &hours);
    ctx.insert("overtime_hours", &number::hours_minutes(slip.overtime_minutes));
    ctx.insert("paid_hours", &number::hours_minutes(slip.paid_minutes));
    ctx.insert("earnings", &slip.earnings.iter().map(|l| line(lang, l)).collect::<Vec<_>>());
    ctx.insert("gross", &r(slip.gross_minor));
    ctx.insert("deductions", &slip.deductions.iter().map(|l| line(lang, l)).collect::<Vec<_>>());
    ctx.insert("deductions_total", &r(slip.deductions_minor));
    ctx.insert("net_wages", &r(slip.net_wages_minor));
    ctx.insert("bonuses", &slip.bonuses.as_ref().map(|b| line(lang, b)));
    ctx.insert("net_pay", &r(slip.net_pay_minor));
    ctx.insert("balance_start", &r(slip.balance_start_minor));
    ctx.insert("payments", &slip.payments.iter().map(|l| line(lang, l)).collect::<Vec<_>>());
    ctx.insert("paid", &r(slip.paid_minor));
    ctx.insert("balance_end", &r(slip.balance_end_minor));
    ctx.insert("balance_negative", &(slip.balance_end_minor < 0));
    ctx.insert("guaranteed", &r(slip.guaranteed_minor));
    ctx.insert("legal_rate", &number::rupees_decimal(slip.legal_min_hourly_rupees));
    ctx.insert("paid_leave", &(slip.paid_leave_minor > 0).then(|| r(slip.paid_leave_minor)));
    let base = format!("/admin/wages/artisans/{}/slips", slip.public_id);
    ctx.insert("prev_url", &format!("{base}/{}", slip.month.prev()));
    ctx.insert("next_url", &format!("{base}/{}", slip.month.next()));
    ctx.insert("artisan_url", &format!("/admin/artisans/{}", slip.artisan_id));
    let languages: Vec<(&str, &str, String)> = Lang::ALL
        .iter()
        .map(|l| (l.code(), l.native_name(), format!("{base}/{}?lang={}", slip.month, l.code())))
        .collect();
    ctx.insert("languages", &languages);
    ctx.insert("slip_language", slip.language.code());
    ctx
}

pub async fn pay_slip(
    state: web::Data<AppState>,
    me: CurrentStaff,
    path: web::Path<(String, String)>,
    query: web::Query<SlipQuery>,
) -> Result<HttpResponse, AppError> {
    let (public_id, month) = path.into_inner();
    let month = parse_month(&month)?;
    let asked = match query.lang.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(code) => Some(
            Lang::parse(code).ok_or_else(|| AppError::bad_request("lang", "choose en, bn, hi or mr".to_string()))?,
        ),
        None => None,
    };
    let scope = me.center_scope();
    let slip = db::run(&state.pool, move |conn| payslip::pay_slip(conn, &public_id, month, scope))
        .await?
        .ok_or(AppError::NotFound)?;
    let lang = asked.unwrap_or(slip.language);
    let title = i18n::t_with(
        lang,
        "slip-document-title",
        &[
            ("alias", slip.alias.clone().into()),
            ("month", date::month_year(lang, slip.month.year, slip.month.month).into()),
        ],
    );
    let body = state.templates.render_admin("admin/wages/payslip.html", &title, Some(&me), context(&slip, lang))?;
    Ok(html(StatusCode::OK, body))
}
