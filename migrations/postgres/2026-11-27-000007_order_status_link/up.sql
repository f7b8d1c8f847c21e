-- The order's status token, encrypted with the app's key (crypto::Cipher), so that emails
-- sent later (confirmation, shipped) can carry the customer's status link. Lookups still go
-- through status_token_hash; a copy of the database alone does not open any status page.
ALTER TABLE orders ADD COLUMN status_token_sealed TEXT;
