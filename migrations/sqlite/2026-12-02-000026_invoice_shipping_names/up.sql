-- Issue 15.2: the tax invoice names the shipping option in words ("Insured express courier,
-- 5–8 working days"), not by its code. The configured options' names are stored with the
-- seller's facts at start-up (a JSON object, code → name), where the paid write of every path
-- reads the issuer from; an invoice keeps the name in its snapshot. '' until the first start.
ALTER TABLE invoice_issuer ADD COLUMN shipping_names TEXT NOT NULL DEFAULT '';
