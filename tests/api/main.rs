//! The one integration test binary: each module boots the real app (see `helpers`).

mod api;
mod auth;
mod cache;
mod cli;
mod helpers;
mod operations;
mod safety;
mod storefront;
