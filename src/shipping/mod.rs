//! Shipping facts the shop's features share: the countries a parcel can go to (checkout's form,
//! the addresses on orders and emails) and the carriers parcels go with, with their public
//! tracking pages (the back office, the customer's order page, the "on its way" email).

pub mod carriers;
pub mod countries;
