//! Inventory writes for staff: create, edit, publish and withdraw pieces, and record who made
//! them. Every write checks the editor's center, is audit-logged with what changed, and bumps
//! the catalog version (cached public pages refresh) — all in one transaction.
//!
//! Wages: a piece's wage is checked against its center's wage floors whenever it is saved (below
//! the legal minimum per hour is refused). Publishing a draft accepts it into inventory, which
//! posts its makers' wages to the ledger (`wages::service::accept_piece`); from then on its
//! labor record and wage are fixed, and a correction is a ledger adjustment by finance.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::json;

use super::input::{LaborInput, PieceForm, PieceInput};
use super::publishing;
use crate::audit::{self, AuditEvent};
use crate::auth::{Scope, Subject};
use crate::catalog::models::{NewPiece, PieceRow};
use crate::catalog::queries as catalog_queries;
use crate::catalog::types::{PieceStatus, Slug};
use crate::centers;
use crate::config::PublishingSettings;
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::schema::{artisans, piece_makers, piece_stones, pieces};
use crate::wages::policy::{self, Policy, WageCheck};
use crate::wages::service::{self as wages, WageProposal};
use crate::wages::types::india_date;
use crate::web::form::FieldErrors;
use crate::web::page_cache;

fn invalid(field: &str, message: impl Into<String>) -> AppError {
    AppError::Invalid(FieldErrors::one(field, message))
}

/// Resolves the center (a manager's own when none is given) and the makers, checking each
/// belongs to that center.
fn resolve(conn: &mut DbConn, editor: &Scope, input: &PieceInput) -> Result<(i64, Vec<(i64, i64)>), AppError> {
    let center_id = match (&input.center, editor.center_scope) {
        (Some(code), _) => {
            centers::find_by_code(conn, code)?.ok_or_else(|| invalid("center", format!("unknown center `{code}`")))?.id
        }
        (None, Some(own)) => own,
        (None, None) => return Err(invalid("center", "choose the workshop the piece comes from")),
    };
    editor.check(center_id, Subject::Pieces)?;
    let mut makers = Vec::new();
    for l in &input.labor {
        let found: Option<(i64, i64)> = artisans::table
            .filter(artisans::public_id.eq(&l.artisan_public_id))
            .select((artisans::id, artisans::center_id))
            .first(conn)
            .optional()?;
        match found {
            Some((id, c)) if c == center_id => makers.push((id, l.minutes)),
            Some(_) => {
                return Err(invalid("labor", format!("artisan {} works at another center", l.artisan_public_id)))
            }
            None => return Err(invalid("labor", format!("no artisan with id {}", l.artisan_public_id))),
        }
    }
    Ok((center_id, makers))
}

/// The wage floor: a wage (chosen, or the proposal) below the legal minimum per hour is
/// refused. Below the living wage is allowed; the piece page shows the warning. A center with
/// no policy in force is not checked here: publishing refuses until finance adds one.
fn check_wage(
    conn: &mut DbConn,
    center_id: i64,
    makers: &[(i64, i64)],
    wage: Option<i64>,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    if makers.is_empty() {
        return match wage {
            Some(_) => {
                Err(invalid("wage", "record who made the piece and their hours first: the wage is shared by hours"))
            }
            None => Ok(()),
        };
    }
    let Some(policy) = policy::at(conn, center_id, india_date(now))? else {
        return Ok(());
    };
    let minutes: i64 = makers.iter().map(|m| m.1).sum();
    let wage = match wage {
        Some(w) => w,
        None => policy.proposed_wage(minutes)?,
    };
    match policy.check(wage, minutes) {
        WageCheck::BelowLegalMinimum { message } => Err(invalid("wage", message)),
        _ => Ok(()),
    }
}

/// A piece's wage and when it was accepted into inventory (wages in the ledger).
pub fn wage_state(conn: &mut DbConn, id: i64) -> QueryResult<(Option<i64>, Option<NaiveDateTime>)> {
    pieces::table.find(id).select((pieces::wage_minor, pieces::accepted_at)).first(conn)
}

/// One maker on the piece page's wage panel: the public id and alias (never a legal name).
#[derive(Debug, Clone)]
pub struct MakerShare {
    pub public_id: String,
    pub alias: String,
    pub minutes: i64,
    pub share_minor: i64,
}

/// What the wage panel shows: the center's policy today, the proposal and check for the labor
/// record and wage (as typed, or as fixed at acceptance), and each maker's share.
#[derive(Debug, Clone)]
pub struct WagePreview {
    pub policy: Option<Policy>,
    pub proposal: Option<WageProposal>,
    pub makers: Vec<MakerShare>,
    /// Ids on the labor record that are not artisans of the piece's center.
    pub unknown: Vec<String>,
    pub accepted_at: Option<NaiveDateTime>,
}

/// The wage panel of a piece form. `center_code` empty = the editor's own center; `None` when
/// no center is chosen yet, or when the typed center is one the editor may not see (a manager
/// typing another workshop's code must learn nothing of its artisans or rates). An accepted
/// piece shows its fixed labor record and wage, whatever was typed.
pub fn wage_preview(
    conn: &mut DbConn,
    editor: &Scope,
    center_code: &str,
    labor: &[LaborInput],
    wage: Option<i64>,
    piece_id: Option<i64>,
    now: NaiveDateTime,
) -> Result<Option<WagePreview>, AppError> {
    let center_id = match (center_code.trim(), editor.center_scope) {
        ("", Some(own)) => own,
        ("", None) => return Ok(None),
        (code, _) => match centers::find_by_code(conn, &code.to_lowercase())? {
            Some(c) => c.id,
            None => return Ok(None),
        },
    };
    if !editor.allows(center_id) {
        return Ok(None);
    }
    let (stored_wage, accepted_at) = match piece_id {
        Some(id) => wage_state(conn, id)?,
        None => (None, None),
    };
    let (labor, wage): (Vec<(String, i64)>, Option<i64>) = match (accepted_at, piece_id) {
        (Some(_), Some(id)) => {
            let fixed: Vec<(String, i64)> = piece_makers::table
                .inner_join(artisans::table)
                .filter(piece_makers::piece_id.eq(id))
                .order(artisans::id)
                .select((artisans::public_id, piece_makers::labor_minutes))
                .load(conn)?;
            (fixed, stored_wage)
        }
        _ => (labor.iter().map(|l| (l.artisan_public_id.clone(), l.minutes)).collect(), wage),
    };
    let mut makers = Vec::new();
    let mut pairs = Vec::new();
    let mut unknown = Vec::new();
    for (public_id, minutes) in labor {
        let found: Option<(i64, i64, String)> = artisans::table
            .filter(artisans::public_id.eq(&public_id))
            .select((artisans::id, artisans::center_id, artisans::public_alias))
            .first(conn)
            .optional()?;
        match found {
            Some((id, center, alias)) if center == center_id => {
                pairs.push((id, minutes));
                makers.push(MakerShare { public_id, alias, minutes, share_minor: 0 });
            }
            _ => unknown.push(public_id),
        }
    }
    let on = india_date(now);
    let policy = policy::at(conn, center_id, on)?;
    let proposal = match (&policy, pairs.is_empty(), unknown.is_empty()) {
        (Some(_), false, true) => Some(wages::propose(conn, center_id, &pairs, wage, on)?),
        _ => None,
    };
    if let Some(p) = &proposal {
        for (m, (_, share)) in makers.iter_mut().zip(&p.shares) {
            m.share_minor = *share;
        }
    }
    Ok(Some(WagePreview { policy, proposal, makers, unknown, accepted_at }))
}

fn unique_checks(conn: &mut DbConn, input: &PieceInput, except: Option<i64>) -> Result<(), AppError> {
    let mut e = FieldErrors::default();
    let sku_owner: Option<i64> =
        pieces::table.filter(pieces::sku.eq(input.sku.as_str())).select(pieces::id).first(conn).optional()?;
    if sku_owner.is_some_and(|id| Some(id) != except) {
        e.add("sku", format!("another piece already has SKU {}", input.sku.as_str()));
    }
    if let Some(h) = &input.huid {
        let owner: Option<i64> =
            pieces::table.filter(pieces::huid.eq(h.as_str())).select(pieces::id).first(conn).optional()?;
        if owner.is_some_and(|id| Some(id) != except) {
            e.add("huid", format!("another piece already has HUID {}", h.as_str()));
        }
    }
    if e.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid(e))
    }
}

/// A slug from the title that no other piece uses: "lotus-ring", then "lotus-ring-2"…
fn free_slug(conn: &mut DbConn, title: &str, except: Option<i64>) -> QueryResult<String> {
    let base = Slug::from_title(title).as_str().to_string();
    for n in 1.. {
        let candidate = if n == 1 { base.clone() } else { format!("{base}-{n}") };
        let owner: Option<i64> =
            pieces::table.filter(pieces::slug.eq(&candidate)).select(pieces::id).first(conn).optional()?;
        if owner.is_none() || owner == except {
            return Ok(candidate);
        }
    }
    unreachable!("some slug is free")
}

fn stones_of(input: &PieceInput) -> Vec<(String, i32, i64)> {
    input.stones.iter().map(|s| (s.kind.clone(), s.count, s.carats_hundredths)).collect()
}

/// Creates a piece as a draft; returns its id.
pub fn create(conn: &mut DbConn, editor: &Scope, input: &PieceInput, now: NaiveDateTime) -> Result<i64, AppError> {
    db::write(conn, |conn| {
        let (center_id, makers) = resolve(conn, editor, input)?;
        check_wage(conn, center_id, &makers, input.wage, now)?;
        unique_checks(conn, input, None)?;
        let slug = free_slug(conn, &input.title, None)?;
        let new = NewPiece {
            sku: input.sku.as_str().into(),
            slug,
            title: input.title.clone(),
            description: input.description.clone(),
            kind: input.kind,
            metal: input.metal,
            purity: input.purity,
            gross_weight_mg: input.gross_weight.get(),
            net_weight_mg: input.net_weight.get(),
            ring_size: input.ring_size.map(|r| r.get()),
            huid: input.huid.as_ref().map(|h| h.as_str().to_string()),
            price_minor: input.price.minor,
            currency: input.price.currency,
            status: PieceStatus::Draft,
            center_id,
            featured: false,
            listed_at: None,
            created_at: now,
            updated_at: now,
        };
        let id = catalog_queries::insert_piece(conn, &new, &stones_of(input), &makers, &[])?;
        if input.wage.is_some() || input.huid_exemption.is_some() {
            diesel::update(pieces::table.find(id))
                .set((pieces::wage_minor.eq(input.wage), pieces::huid_exemption.eq(input.huid_exemption)))
                .execute(conn)?;
        }
        audit::record(
            conn,
            &editor.actor,
            &AuditEvent {
                action: "piece.create",
                entity_type: "piece",
                entity_id: Some(id.to_string()),
                center_id: Some(center_id),
                details: snapshot(input, &makers, input.wage),
            },
            now,
        )?;
        Ok(id)
    })
}

/// Replaces a piece's attributes, stones and labor. Once the piece is accepted into inventory
/// its makers, hours and wage are in the ledger and cannot change here (everything else can).
pub fn update(
    conn: &mut DbConn,
    editor: &Scope,
    id: i64,
    input: &PieceInput,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    db::write(conn, |conn| {
        catalog_queries::lock_piece(conn, id)?;
        let before = find(conn, id)?;
        editor.check(before.center_id, Subject::Pieces)?;
        let (center_id, mut makers) = resolve(conn, editor, input)?;
        makers.sort();
        let (stored_wage, accepted_at) = wage_state(conn, id)?;
        let wage = if let Some(at) = accepted_at {
            let fixed = |field: &str, what: &str| {
                invalid(
                    field,
                    format!(
                        "this piece was accepted into inventory on {}, so its {what} can no longer change: its wages \
                         are in the ledger; ask finance for an adjustment",
                        india_date(at).format("%-d %B %Y")
                    ),
                )
            };
            if makers != wages::makers_of(conn, id)? {
                return Err(fixed("labor", "makers and hours"));
            }
            if input.wage.is_some_and(|w| Some(w) != stored_wage) {
                return Err(fixed("wage", "wage"));
            }
            stored_wage
        } else {
            check_wage(conn, center_id, &makers, input.wage, now)?;
            input.wage
        };
        unique_checks(conn, input, Some(id))?;
        let slug =
            if before.title == input.title { before.slug.clone() } else { free_slug(conn, &input.title, Some(id))? };
        diesel::update(pieces::table.find(id))
            .set((
                pieces::sku.eq(input.sku.as_str()),
                pieces::slug.eq(&slug),
                pieces::title.eq(&input.title),
                pieces::description.eq(&input.description),
                pieces::kind.eq(input.kind.code()),
                pieces::metal.eq(input.metal.code()),
                pieces::purity.eq(input.purity.code()),
                pieces::gross_weight_mg.eq(input.gross_weight.get()),
                pieces::net_weight_mg.eq(input.net_weight.get()),
                pieces::ring_size.eq(input.ring_size.map(|r| r.get())),
                pieces::huid.eq(input.huid.as_ref().map(|h| h.as_str())),
                pieces::huid_exemption.eq(input.huid_exemption),
                pieces::price_minor.eq(input.price.minor),
                pieces::currency.eq(input.price.currency.code()),
                pieces::center_id.eq(center_id),
                pieces::wage_minor.eq(wage),
                pieces::updated_at.eq(now),
            ))
            .execute(conn)?;
        diesel::delete(piece_stones::table.filter(piece_stones::piece_id.eq(id))).execute(conn)?;
        for (kind, count, carats) in stones_of(input) {
            diesel::insert_into(piece_stones::table)
                .values((
                    piece_stones::piece_id.eq(id),
                    piece_stones::kind.eq(kind),
                    piece_stones::count.eq(count),
                    piece_stones::carats_hundredths.eq(carats),
                ))
                .execute(conn)?;
        }
        if accepted_at.is_none() {
            diesel::delete(piece_makers::table.filter(piece_makers::piece_id.eq(id))).execute(conn)?;
            for (artisan_id, minutes) in &makers {
                diesel::insert_into(piece_makers::table)
                    .values((
                        piece_makers::piece_id.eq(id),
                        piece_makers::artisan_id.eq(artisan_id),
                        piece_makers::labor_minutes.eq(minutes),
                    ))
                    .execute(conn)?;
            }
        }
        page_cache::bump_version(conn)?;
        audit::record(
            conn,
            &editor.actor,
            &AuditEvent {
                action: "piece.update",
                entity_type: "piece",
                entity_id: Some(id.to_string()),
                center_id: Some(center_id),
                details: json!({
                    "before": row_snapshot(&before, stored_wage),
                    "after": snapshot(input, &makers, wage),
                }),
            },
            now,
        )?;
        Ok(())
    })
}

/// Publish (draft or withdrawn → listed) or withdraw (listed → withdrawn). Held and sold
/// pieces belong to an order and cannot be withdrawn here.
///
/// Publishing first checks the piece's basics and the screening of its description
/// (`publishing::check`, under the piece's lock), then accepts the piece into inventory in the
/// same transaction: its makers' wages are posted to the ledger, shared by hours (once:
/// publishing again after a withdrawal pays nothing twice). A piece whose wage is below the
/// legal minimum is refused with a message for the piece page and stays as it was.
pub fn set_status(
    conn: &mut DbConn,
    editor: &Scope,
    id: i64,
    to: PieceStatus,
    rules: &PublishingSettings,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    db::write(conn, |conn| {
        catalog_queries::lock_piece(conn, id)?;
        let piece = find(conn, id)?;
        editor.check(piece.center_id, Subject::Pieces)?;
        let from = piece.status;
        let allowed = matches!(
            (from, to),
            (PieceStatus::Draft | PieceStatus::Withdrawn, PieceStatus::Listed)
                | (PieceStatus::Listed | PieceStatus::Draft, PieceStatus::Withdrawn)
        );
        if !allowed {
            return Err(invalid(
                "status",
                format!("a {} piece cannot become {}", from.label().to_lowercase(), to.label().to_lowercase()),
            ));
        }
        if to == PieceStatus::Listed {
            publishing::check(conn, &piece, rules, now)?;
        }
        // A conditional update: if an order took the piece meanwhile, nothing changes.
        let n = diesel::update(pieces::table.find(id).filter(pieces::status.eq(from.code())))
            .set((
                pieces::status.eq(to.code()),
                pieces::listed_at.eq(if to == PieceStatus::Listed {
                    piece.listed_at.or(Some(now))
                } else {
                    piece.listed_at
                }),
                pieces::updated_at.eq(now),
            ))
            .execute(conn)?;
        if n != 1 {
            return Err(invalid("status", "the piece changed meanwhile; reload and try again"));
        }
        let wage_entries =
            if to == PieceStatus::Listed { wages::accept_piece(conn, id, &editor.actor, now)? } else { Vec::new() };
        page_cache::bump_version(conn)?;
        let action = if to == PieceStatus::Listed { "piece.publish" } else { "piece.withdraw" };
        audit::record(
            conn,
            &editor.actor,
            &AuditEvent {
                action,
                entity_type: "piece",
                entity_id: Some(id.to_string()),
                center_id: Some(piece.center_id),
                details: json!({ "from": from.code(), "to": to.code(), "wage_entries": wage_entries }),
            },
            now,
        )?;
        Ok(())
    })
}

/// A sold piece that came back to its workshop on a return (`returns`): back on sale
/// (sold → listed) or withdrawn (sold → withdrawn), in the caller's write. No publishing check
/// and no wage acceptance: the piece was public when it sold, and its makers' wages were
/// accepted into the ledger when it was first published (a return never touches them).
/// Audit-logged; the catalog version moves, so cached pages show it again (or not).
pub fn take_back(
    conn: &mut DbConn,
    editor: &Scope,
    id: i64,
    restock: bool,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    db::write(conn, |conn| {
        catalog_queries::lock_piece(conn, id)?;
        let piece = find(conn, id)?;
        editor.check(piece.center_id, Subject::Pieces)?;
        let to = if restock { PieceStatus::Listed } else { PieceStatus::Withdrawn };
        let n = diesel::update(pieces::table.find(id).filter(pieces::status.eq(PieceStatus::Sold.code())))
            .set((pieces::status.eq(to.code()), pieces::updated_at.eq(now)))
            .execute(conn)?;
        if n != 1 {
            return Err(AppError::conflict(
                "piece_not_sold",
                format!(
                    "{} is {}, not sold: it cannot be taken back.",
                    piece.title,
                    piece.status.label().to_lowercase()
                ),
            ));
        }
        page_cache::bump_version(conn)?;
        audit::record(
            conn,
            &editor.actor,
            &AuditEvent {
                action: if restock { "piece.restock" } else { "piece.withdraw" },
                entity_type: "piece",
                entity_id: Some(id.to_string()),
                center_id: Some(piece.center_id),
                details: json!({ "from": "sold", "to": to.code(), "why": "returned" }),
            },
            now,
        )?;
        Ok(())
    })
}

pub fn find(conn: &mut DbConn, id: i64) -> Result<PieceRow, AppError> {
    pieces::table.find(id).select(PieceRow::as_select()).first(conn).optional()?.ok_or(AppError::NotFound)
}

/// The form of an existing piece, for editing.
pub fn form_of(conn: &mut DbConn, piece: &PieceRow) -> QueryResult<PieceForm> {
    let stones = catalog_queries::stones_of(conn, piece.id)?;
    let makers: Vec<(String, i64)> = piece_makers::table
        .inner_join(artisans::table)
        .filter(piece_makers::piece_id.eq(piece.id))
        .order(artisans::id)
        .select((artisans::public_id, piece_makers::labor_minutes))
        .load(conn)?;
    let center = centers::all(conn)?.into_iter().find(|c| c.id == piece.center_id).map(|c| c.code).unwrap_or_default();
    let (wage, _) = wage_state(conn, piece.id)?;
    let grams = |mg: i64| format!("{}.{:03}", mg / 1000, mg % 1000);
    let major = crate::money::Money::new(piece.price_minor, piece.currency);
    Ok(PieceForm {
        sku: piece.sku.clone(),
        title: piece.title.clone(),
        description: piece.description.clone(),
        kind: piece.kind.code().to_string(),
        metal: piece.metal.code().to_string(),
        purity: piece.purity.code().to_string(),
        gross_weight_g: grams(piece.gross_weight_mg),
        net_weight_g: grams(piece.net_weight_mg),
        ring_size: piece.ring_size.map(|r| r.to_string()).unwrap_or_default(),
        huid: piece.huid.clone().unwrap_or_default(),
        huid_exemption: piece.huid_exemption.map(|e| e.code().to_string()).unwrap_or_default(),
        price: major.major_string(),
        center,
        stones: stones
            .iter()
            .map(|s| format!("{}, {}, {}.{:02}", s.kind, s.count, s.carats_hundredths / 100, s.carats_hundredths % 100))
            .collect::<Vec<_>>()
            .join("\n"),
        labor: makers
            .iter()
            .map(|(id, m)| {
                let hundredths = (m * 100 + 30) / 60;
                format!("{id}, {}.{:02}", hundredths / 100, hundredths % 100)
            })
            .collect::<Vec<_>>()
            .join("\n"),
        wage: wage.map(|w| format!("{}.{:02}", w / 100, w % 100)).unwrap_or_default(),
    })
}

fn snapshot(input: &PieceInput, makers: &[(i64, i64)], wage_minor: Option<i64>) -> serde_json::Value {
    json!({
        "sku": input.sku.as_str(), "title": input.title, "kind": input.kind.code(), "metal": input.metal.code(),
        "purity": input.purity.code(), "gross_weight_mg": input.gross_weight.get(), "net_weight_mg": input.net_weight.get(),
        "ring_size": input.ring_size.map(|r| r.get()), "huid": input.huid.as_ref().map(|h| h.as_str()),
        "huid_exemption": input.huid_exemption.map(|e| e.code()),
        "price_minor": input.price.minor, "currency": input.price.currency.code(),
        "stones": input.stones.iter().map(|s| json!([s.kind, s.count, s.carats_hundredths])).collect::<Vec<_>>(),
        "makers": makers.iter().map(|(a, m)| json!({ "artisan_id": a, "labor_minutes": m })).collect::<Vec<_>>(),
        "wage_minor": wage_minor,
    })
}

fn row_snapshot(p: &PieceRow, wage_minor: Option<i64>) -> serde_json::Value {
    json!({
        "wage_minor": wage_minor,
        "sku": p.sku, "title": p.title, "kind": p.kind, "metal": p.metal, "purity": p.purity,
        "gross_weight_mg": p.gross_weight_mg, "net_weight_mg": p.net_weight_mg, "ring_size": p.ring_size,
        "huid": p.huid, "huid_exemption": p.huid_exemption, "price_minor": p.price_minor, "currency": p.currency, "status": p.status, "center_id": p.center_id,
    })
}

/// Drafts that cannot be published yet for want of a photo or of their makers (the dashboard's
/// count; `publishing` lists every missing basic on the piece's own page).
pub fn drafts_missing_photo_or_makers(conn: &mut DbConn, center_id: Option<i64>) -> QueryResult<i64> {
    use crate::schema::piece_images;
    let mut q = pieces::table
        .filter(pieces::status.eq(PieceStatus::Draft.code()))
        .filter(
            diesel::dsl::not(diesel::dsl::exists(piece_images::table.filter(piece_images::piece_id.eq(pieces::id))))
                .or(diesel::dsl::not(diesel::dsl::exists(
                    piece_makers::table.filter(piece_makers::piece_id.eq(pieces::id)),
                ))),
        )
        .into_boxed();
    if let Some(c) = center_id {
        q = q.filter(pieces::center_id.eq(c));
    }
    q.count().get_result(conn)
}

/// The SKU proposed for a new piece left without one: the workshop's and the kind's letters
/// and the next number after the highest used with them, `KOL-RNG-0013`. Only a proposal:
/// the unique index refuses a number someone took meanwhile, and the form says so.
pub fn propose_sku(conn: &mut DbConn, center_code: &str, kind: crate::catalog::types::Kind) -> QueryResult<String> {
    use crate::catalog::types::Kind;
    let place: String =
        center_code.chars().filter(char::is_ascii_alphabetic).take(3).collect::<String>().to_uppercase();
    let kind = match kind {
        Kind::Ring => "RNG",
        Kind::Pendant => "PND",
        Kind::Earrings => "EAR",
        Kind::Bangle => "BNG",
        Kind::Necklace => "NKL",
        Kind::Bracelet => "BRC",
        Kind::NosePin => "NSP",
        Kind::Chain => "CHN",
    };
    let prefix = format!("{place}-{kind}-");
    let taken: Vec<String> =
        pieces::table.filter(pieces::sku.like(format!("{prefix}%"))).select(pieces::sku).load(conn)?;
    let next = taken.iter().filter_map(|s| s.strip_prefix(&prefix)?.parse::<u32>().ok()).max().unwrap_or(0) + 1;
    Ok(format!("{prefix}{next:04}"))
}
