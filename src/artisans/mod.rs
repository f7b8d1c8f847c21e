//! Artisans: the people who make the pieces. This module owns the split between an
//! artisan's public face (alias, consented story) and their private record, and consent. (Their
//! public profile page is a storefront page: `catalog::handlers::artisan`.)

pub mod admin;
pub mod consent;
pub mod models;
pub mod portraits;
pub mod private;
pub mod queries;
pub mod service;

pub use models::PublicArtisan;

/// A random public id for URLs (`/artisans/{public_id}`), so profiles cannot be enumerated.
pub fn new_public_id(rng: &mut fastrand::Rng) -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    (0..10).map(|_| ALPHABET[rng.usize(..ALPHABET.len())] as char).collect()
}
