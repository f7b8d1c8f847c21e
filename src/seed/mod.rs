//! Demo data: both centers, eight artisans (aliases; some with consented stories), sixty
//! pieces with believable attributes and prices, and generated SVG renders of each piece
//! (abstract jewelry, never people). Run by `fairgold seed --demo`, and by `cargo run` in
//! development when the database is empty.

pub mod content;
pub mod pricing;
pub mod render;
pub mod wages;

use std::path::Path;

use chrono::{Duration, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::artisans::{self, models::NewArtisan};
use crate::catalog::models::NewPiece;
use crate::catalog::queries;
use crate::catalog::types::{Huid, Kind, Metal, Milligrams, PieceStatus, Purity, RingSize, Sku, Slug};
use crate::centers;
use crate::crypto::{Cipher, LedgerSigner};
use crate::db::{self, DbConn};
use crate::money::{Currency, Money};

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    #[error("could not write demo image {0}: {1}")]
    Image(String, std::io::Error),
    #[error("demo data is invalid: {0}")]
    Invalid(String),
}

/// The day each demo artisan joined the programme (their stories name the years).
const JOINED_ON: [&str; 10] = [
    "2021-03-01",
    "2019-06-03",
    "2022-01-10",
    "2022-02-01",
    "2020-08-03",
    "2021-09-01",
    "2023-04-03",
    "2024-06-03",
    "2023-11-06",
    "2024-02-05",
];

/// An abstract portrait (a warm disc on a gradient: never a face) processed and stored like an
/// upload, in the private directory beside the media directory (`Settings::private_dir`), so it
/// is served only through `/portraits/…` while consent holds.
fn demo_portrait(media_dir: &Path, n: usize) -> Result<String, SeedError> {
    let private_dir = media_dir.parent().unwrap_or(Path::new(".")).join("private");
    let side = 480u32;
    let hue = (n as u32 * 37) % 60;
    let img = image::RgbImage::from_fn(side, side, |x, y| {
        let (dx, dy) = (x as i64 - 240, y as i64 - 200);
        if dx * dx + dy * dy < 110 * 110 || (y > 330 && (x as i64 - 240).abs() < (y as i64 - 250)) {
            image::Rgb([150 + hue as u8, 96, 52])
        } else {
            image::Rgb([235 - (y / 8) as u8, 214 - (y / 10) as u8, 170 + (hue as u8) / 2])
        }
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&img)
        .map_err(|e| SeedError::Invalid(format!("demo portrait: {e}")))?;
    let copies = crate::images::process(&jpeg).map_err(|e| SeedError::Invalid(format!("demo portrait: {e}")))?;
    let stored = crate::images::store::save_on_disk(&private_dir, crate::artisans::portraits::FOLDER, &copies)
        .map_err(|e| SeedError::Image(private_dir.display().to_string(), e))?;
    Ok(stored.path)
}

/// Seeds the demo shop if there are no pieces yet; returns whether it did.
pub fn demo_if_empty(
    conn: &mut DbConn,
    media_dir: &Path,
    currency: Currency,
    cipher: &Cipher,
    signer: Option<&LedgerSigner>,
) -> Result<bool, SeedError> {
    if !queries::is_empty(conn)? {
        return Ok(false);
    }
    demo(conn, media_dir, currency, cipher, signer, Utc::now().naive_utc())?;
    Ok(true)
}

/// A demo price, written in US cents, in the shop's currency: converted at fixed demo rates
/// (not market rates) and rounded half up to a whole multiple of 5 major units, as a shop
/// would price a piece.
pub fn demo_price(usd_minor: i64, currency: Currency) -> Money {
    // Units of the currency per 100 US dollars.
    let per_100_usd: i64 = match currency {
        Currency::Usd => 100,
        Currency::Eur => 92,
        Currency::Gbp => 79,
        Currency::Cad => 138,
        Currency::Aud => 152,
        Currency::Inr => 8_400,
    };
    let minor = usd_minor * per_100_usd / 100;
    let step = 5 * 10i64.pow(currency.exponent());
    Money::new((minor + step / 2) / step * step, currency)
}

/// Demo staff, one per role, all with this password. Development only: production refuses
/// to seed demo data at all (see `config::Settings::check_production`).
pub const DEMO_PASSWORD: &str = "fairgold-demo-password";
pub const DEMO_STAFF: [(&str, &str, crate::staff::Role, Option<&str>); 4] = [
    ("admin@fairgold.test", "Demo Admin", crate::staff::Role::Admin, None),
    ("finance@fairgold.test", "Demo Finance", crate::staff::Role::Finance, None),
    ("kolkata@fairgold.test", "Demo Kolkata Manager", crate::staff::Role::Manager, Some("kolkata")),
    ("mumbai@fairgold.test", "Demo Mumbai Manager", crate::staff::Role::Manager, Some("mumbai")),
];

fn demo_staff(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<()> {
    let hash = crate::staff::service::hash_password(DEMO_PASSWORD);
    for (email, name, role, center) in DEMO_STAFF {
        let center_id = match center {
            Some(code) => centers::find_by_code(conn, code)?.map(|c| c.id),
            None => None,
        };
        crate::staff::queries::insert(
            conn,
            &crate::staff::models::NewStaff {
                email: email.into(),
                display_name: name.into(),
                role,
                center_id,
                password_hash: Some(hash.clone()),
                totp_enabled: false,
                created_at: now,
                updated_at: now,
            },
        )?;
    }
    Ok(())
}

/// Tells a developer how to sign in to the demo back office.
pub fn print_demo_sign_in(base_url: &str) {
    println!("\nDemo back office: {base_url}/admin/login  (password: {DEMO_PASSWORD})");
    for (email, _, role, center) in DEMO_STAFF {
        let what = match center {
            Some(c) => format!("{} ({c})", role.label()),
            None => role.label().to_string(),
        };
        println!("  {email:<24} {what}");
    }
    println!("Every staff member sets up an authenticator app (TOTP) at first sign-in.\n");
}

/// Writes the demo data and its images; everything in one transaction.
pub fn demo(
    conn: &mut DbConn,
    media_dir: &Path,
    currency: Currency,
    cipher: &Cipher,
    signer: Option<&LedgerSigner>,
    now: NaiveDateTime,
) -> Result<(), SeedError> {
    let image_dir = media_dir.join("pieces");
    std::fs::create_dir_all(&image_dir).map_err(|e| SeedError::Image(image_dir.display().to_string(), e))?;
    db::write(conn, |conn| {
        let (kolkata, mumbai) = crate::reference::ensure(conn, now)?;
        demo_staff(conn, now)?;
        let center_id = |code: &str| if code == "mumbai" { mumbai } else { kolkata };
        let mut rng = fastrand::Rng::with_seed(2026);

        let mut artisan_ids = Vec::new();
        for (n, a) in content::artisans().into_iter().enumerate() {
            // Consent given today for two years (the policy allows at most three). A recorded
            // story is published only by those who also agreed to a public profile; a maker who
            // did not agree to be named is "a goldsmith of the … workshop".
            let consent = |given: bool| given.then(|| now.date() + chrono::Months::new(24));
            let until = consent(a.profile_consent && a.attribution);
            let photo_path = if a.portrait { Some(demo_portrait(media_dir, n)?) } else { None };
            let id = artisans::service::create(
                conn,
                cipher,
                &NewArtisan {
                    public_id: artisans::new_public_id(&mut rng),
                    center_id: center_id(a.center),
                    public_alias: a.alias.into(),
                    public_story: a.story.map(str::to_string),
                    photo_consent_until: consent(photo_path.is_some()),
                    photo_path,
                    story_consent_until: until.filter(|_| a.story.is_some()),
                    profile_consent_until: until,
                    attribution_consent_until: consent(a.attribution),
                    // Everyone in the demo joined the programme more than a year ago (NTSAS: no
                    // story or portrait in the first year), as their stories tell.
                    joined_on: chrono::NaiveDate::parse_from_str(JOINED_ON[n % JOINED_ON.len()], "%Y-%m-%d")
                        .map_err(|e| SeedError::Invalid(e.to_string()))?,
                    created_at: now,
                    updated_at: now,
                },
                a.legal_name,
                Some(a.phone),
            )?;
            artisan_ids.push(id);
        }

        for (n, p) in content::pieces().into_iter().enumerate() {
            let kind = kind_of(p.kind);
            let prefix = if p.center == "mumbai" { "MUM" } else { "KOL" };
            let sku = Sku::parse(&format!(
                "{prefix}-{}-{:04}",
                &kind.code().replace('_', "")[..3].to_ascii_uppercase(),
                n + 1
            ))
            .map_err(|e| SeedError::Invalid(e.0))?;
            // Parse every value as an editor's form would, so the demo cannot hold what a user could not enter.
            let metal = Metal::parse(p.metal).map_err(|e| SeedError::Invalid(e.0))?;
            let purity = Purity::parse(p.purity).map_err(|e| SeedError::Invalid(e.0))?;
            let gross = Milligrams::new(p.gross_weight_mg).map_err(|e| SeedError::Invalid(e.0))?;
            let net = Milligrams::new(p.net_weight_mg).map_err(|e| SeedError::Invalid(e.0))?;
            let ring_size = p.ring_size.map(RingSize::new).transpose().map_err(|e| SeedError::Invalid(e.0))?;
            let huid = p.huid.as_deref().map(Huid::parse).transpose().map_err(|e| SeedError::Invalid(e.0))?;
            let status = PieceStatus::parse(p.status).map_err(|e| SeedError::Invalid(e.0))?;
            let listed_at = p.listed_days_ago.map(|d| now - Duration::days(d) - Duration::minutes(n as i64 * 7));

            let mut images = Vec::new();
            for view in 0..p.image_count {
                let file = format!("{}-{}.svg", sku.as_str().to_ascii_lowercase(), view + 1);
                // One seed per piece: the seed picks the design, `view` the angle.
                let svg = render::piece_svg(p.kind, p.metal, &p.stones, view, n as u64 * 31);
                let path = image_dir.join(&file);
                std::fs::write(&path, svg).map_err(|e| SeedError::Image(path.display().to_string(), e))?;
                let angle = ["front view", "detail view", "flat lay"][usize::from(view).min(2)];
                let alt = format!(
                    "{}, {} {} {}, {angle}",
                    p.title,
                    purity.code(),
                    metal.label().to_lowercase(),
                    kind.label().to_lowercase()
                );
                images.push((format!("pieces/{file}"), alt, render::SIZE as i32, render::SIZE as i32));
            }

            let piece = NewPiece {
                sku: sku.as_str().into(),
                slug: Slug::from_title(&p.title).as_str().into(),
                title: p.title.clone(),
                description: p.description.clone(),
                kind,
                metal,
                purity,
                gross_weight_mg: gross.get(),
                net_weight_mg: net.get(),
                ring_size: ring_size.map(|r| r.get()),
                huid: huid.map(|h| h.as_str().to_string()),
                price_minor: demo_price(p.price_minor, currency).minor,
                currency,
                status,
                center_id: center_id(p.center),
                featured: p.featured,
                listed_at,
                created_at: now,
                updated_at: now,
            };
            let stones: Vec<(String, i32, i64)> =
                p.stones.iter().map(|s| (s.kind.to_string(), s.count, s.carats_hundredths)).collect();
            let makers: Vec<(i64, i64)> = p.makers.iter().map(|(i, minutes)| (artisan_ids[*i], *minutes)).collect();
            let id = queries::insert_piece(conn, &piece, &stones, &makers, &images)?;
            if piece.huid.is_none() {
                // Every demo piece can be published: one without a HUID records its exemption
                // (under 2 g, or the small-turnover exemption for the rest).
                let exemption = if gross.get() < 2_000 {
                    crate::catalog::types::HuidExemption::UnderTwoGrams
                } else {
                    crate::catalog::types::HuidExemption::SmallTurnover
                };
                diesel::update(crate::schema::pieces::table.find(id))
                    .set(crate::schema::pieces::huid_exemption.eq(exemption))
                    .execute(conn)?;
            }
        }
        // Months of wage history through the ledger, ending today.
        wages::demo_history(conn, cipher, signer, now, currency)?;
        pricing::demo_pricing(conn, now)?;
        Ok(())
    })
}

/// Adds `n` more listed pieces, variations of the demo catalog reusing its images, so that
/// benchmarks run against a catalog of realistic size. Needs the demo shop first.
pub fn bench_pieces(conn: &mut DbConn, n: usize, currency: Currency, now: NaiveDateTime) -> Result<(), SeedError> {
    use crate::schema::{artisans as a, piece_images as pi, pieces as p};
    let artisan_ids: Vec<i64> = a::table.order(a::id).select(a::id).load(conn)?;
    let covers: Vec<(String, String)> = pi::table
        .inner_join(p::table)
        .filter(pi::position.eq(0))
        .order(p::id)
        .select((pi::path, pi::alt_text))
        .load(conn)?;
    if artisan_ids.is_empty() || covers.is_empty() {
        return Err(SeedError::Invalid("seed the demo shop before benchmark pieces".into()));
    }
    let (kolkata, mumbai) = crate::reference::ensure(conn, now)?;
    let templates = content::pieces();
    db::write(conn, |conn| {
        for i in 0..n {
            let t = &templates[i % templates.len()];
            let title = format!("{} no. {}", t.title, i + 1);
            let piece = NewPiece {
                sku: format!("BEN-{:06}", i + 1),
                slug: Slug::from_title(&title).as_str().into(),
                title,
                description: t.description.clone(),
                kind: kind_of(t.kind),
                metal: Metal::parse(t.metal).map_err(|e| SeedError::Invalid(e.0))?,
                purity: Purity::parse(t.purity).map_err(|e| SeedError::Invalid(e.0))?,
                gross_weight_mg: t.gross_weight_mg,
                net_weight_mg: t.net_weight_mg,
                ring_size: t.ring_size,
                huid: None,
                price_minor: demo_price(t.price_minor, currency).minor,
                currency,
                status: PieceStatus::Listed,
                center_id: if t.center == "mumbai" { mumbai } else { kolkata },
                featured: false,
                listed_at: Some(now - Duration::minutes(i as i64 * 13 + 1)),
                created_at: now,
                updated_at: now,
            };
            let stones: Vec<(String, i32, i64)> =
                t.stones.iter().map(|s| (s.kind.to_string(), s.count, s.carats_hundredths)).collect();
            let makers: Vec<(i64, i64)> =
                t.makers.iter().filter_map(|(idx, minutes)| artisan_ids.get(*idx).map(|id| (*id, *minutes))).collect();
            let (path, alt) = &covers[i % covers.len()];
            queries::insert_piece(
                conn,
                &piece,
                &stones,
                &makers,
                &[(path.clone(), alt.clone(), render::SIZE as i32, render::SIZE as i32)],
            )?;
        }
        Ok(())
    })
}

fn kind_of(kind: content::Kind) -> Kind {
    use content::Kind as K;
    match kind {
        K::Ring => Kind::Ring,
        K::Pendant => Kind::Pendant,
        K::Earrings => Kind::Earrings,
        K::Bangle => Kind::Bangle,
        K::Necklace => Kind::Necklace,
        K::Bracelet => Kind::Bracelet,
        K::NosePin => Kind::NosePin,
        K::Chain => Kind::Chain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_prices_convert_and_round_to_fives() {
        assert_eq!(demo_price(62_500, Currency::Usd), Money::new(62_500, Currency::Usd));
        // 625 × 0.92 = 575.00 → 575
        assert_eq!(demo_price(62_500, Currency::Eur).minor, 57_500);
        // 625 × 0.79 = 493.75 → 495 (nearest 5)
        assert_eq!(demo_price(62_500, Currency::Gbp).minor, 49_500);
        // 625 × 84 = 52,500 exactly
        assert_eq!(demo_price(62_500, Currency::Inr).minor, 5_250_000);
        // 137.50 × 0.92 = 126.50 → 125; a price exactly between two fives rounds up
        assert_eq!(demo_price(13_750, Currency::Eur).minor, 12_500);
        assert_eq!(demo_price(12_750, Currency::Usd).minor, 13_000);
        assert_eq!(demo_price(12_749, Currency::Usd).minor, 12_500);
    }

    #[test]
    fn the_demo_artisans_follow_the_safety_rules() {
        let artisans = content::artisans();
        assert_eq!(artisans.len(), JOINED_ON.len());
        for a in &artisans {
            // Aliases not taken from legal names; stories with nothing for screening to flag
            // (they are published without a second person's approval).
            assert_eq!(crate::artisans::service::alias_taken_from(a.alias, a.legal_name), None, "{}", a.alias);
            let flagged = a.story.map(crate::screening::screen).unwrap_or_default();
            assert!(flagged.is_empty(), "{}: {flagged:?}", a.alias);
        }
        assert!(artisans.iter().any(|a| !a.attribution), "one maker shows the anonymous wording");
    }
}
