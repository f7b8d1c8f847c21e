ALTER TABLE artisans DROP COLUMN slip_language;
