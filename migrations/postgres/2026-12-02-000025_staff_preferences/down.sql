ALTER TABLE staff DROP COLUMN time_zone;
ALTER TABLE staff DROP COLUMN language;
