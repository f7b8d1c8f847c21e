ALTER TABLE invoice_issuer DROP COLUMN shipping_names;
