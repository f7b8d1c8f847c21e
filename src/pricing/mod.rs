//! Prices and what they are made of: the gold rate finance records per day (`gold`), a
//! piece's recorded costs beyond gold and wages (`costs`), and "where your money goes" — a
//! piece's price split into parts that add up to it exactly, from recorded data only
//! (`breakdown`). `admin` holds the back-office pages (gold rates, a piece's costs).
//!
//! Below `catalog` (which shows the breakdown) and above `wages` (whose ledger and exchange
//! rates it reads): it knows a piece only by the values its caller passes and by the rows of
//! its own tables.

pub mod admin;
pub mod breakdown;
pub mod costs;
pub mod gold;
pub mod presentment;
pub mod switcher;

pub use switcher::routes;

pub use gold::{gold_value, Fineness};
