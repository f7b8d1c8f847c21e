//! Adding, removing and reordering a piece's photos. Each change checks the editor's center,
//! is audit-logged and bumps the catalog version (the storefront shows photos) in one
//! transaction. Files are written before the row and removed after it, so a row never points
//! at a missing file.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde_json::json;

use crate::audit::{self, AuditEvent};
use crate::auth::{Scope, Subject};
use crate::catalog::models::{ImageRow, NewImage, PieceRow};
use crate::catalog::queries;
use crate::db::{self, DbConn};
use crate::error::AppError;
use crate::images::store::Stored;
use crate::images::AltText;
use crate::schema::piece_images;
use crate::web::page_cache;

/// Records stored copies as the piece's last photo; returns the image id.
pub fn add(
    conn: &mut DbConn,
    editor: &Scope,
    piece: &PieceRow,
    stored: &Stored,
    alt: &AltText,
    now: NaiveDateTime,
) -> Result<i64, AppError> {
    editor.check(piece.center_id, Subject::Pieces)?;
    db::write(conn, |conn| {
        let position = queries::next_image_position(conn, piece.id)?;
        let id = queries::insert_image(
            conn,
            &NewImage {
                piece_id: piece.id,
                path: stored.path.clone(),
                alt_text: alt.as_str().to_string(),
                width: stored.width as i32,
                height: stored.height as i32,
                position,
                variants: stored.variants.clone(),
            },
        )?;
        page_cache::bump_version(conn)?;
        audit::record(
            conn,
            &editor.actor,
            &AuditEvent {
                action: "piece.image.add",
                entity_type: "piece",
                entity_id: Some(piece.id.to_string()),
                center_id: Some(piece.center_id),
                details: json!({ "image_id": id, "path": stored.path, "variants": stored.variants, "alt": alt.as_str() }),
            },
            now,
        )?;
        Ok(id)
    })
}

/// Removes a photo's row. Returns it, and whether its files are now unused (demo pieces can
/// share a file), so the caller can delete them after the commit.
pub fn delete(
    conn: &mut DbConn,
    editor: &Scope,
    piece: &PieceRow,
    image_id: i64,
    now: NaiveDateTime,
) -> Result<(ImageRow, bool), AppError> {
    editor.check(piece.center_id, Subject::Pieces)?;
    db::write(conn, |conn| {
        let image = queries::image_of_piece(conn, piece.id, image_id)?.ok_or(AppError::NotFound)?;
        queries::delete_image(conn, image.id)?;
        let still_used: i64 =
            piece_images::table.filter(piece_images::path.eq(&image.path)).count().get_result(conn)?;
        page_cache::bump_version(conn)?;
        audit::record(
            conn,
            &editor.actor,
            &AuditEvent {
                action: "piece.image.delete",
                entity_type: "piece",
                entity_id: Some(piece.id.to_string()),
                center_id: Some(piece.center_id),
                details: json!({ "image_id": image.id, "path": image.path, "alt": image.alt_text }),
            },
            now,
        )?;
        Ok((image, still_used == 0))
    })
}

/// Moves a photo one place up (towards the cover) or down. At either end nothing changes.
pub fn move_one(
    conn: &mut DbConn,
    editor: &Scope,
    piece: &PieceRow,
    image_id: i64,
    up: bool,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    editor.check(piece.center_id, Subject::Pieces)?;
    db::write(conn, |conn| {
        let image = queries::image_of_piece(conn, piece.id, image_id)?.ok_or(AppError::NotFound)?;
        let Some(other) = queries::neighbour_image(conn, piece.id, image.position, up)? else {
            return Ok(());
        };
        queries::swap_image_positions(conn, &image, &other)?;
        page_cache::bump_version(conn)?;
        audit::record(
            conn,
            &editor.actor,
            &AuditEvent {
                action: "piece.image.move",
                entity_type: "piece",
                entity_id: Some(piece.id.to_string()),
                center_id: Some(piece.center_id),
                details: json!({ "image_id": image.id, "direction": if up { "up" } else { "down" },
                    "from": image.position, "to": other.position }),
            },
            now,
        )?;
        Ok(())
    })
}
