-- Issue 17: each staff member's back-office language and time zone. NULL means not chosen:
-- the language then follows the browser (Accept-Language, else English) and the time zone the
-- staff member's center (centers.time_zone, else the shop's, Asia/Kolkata). The time zone is
-- an IANA name checked by the application (chrono-tz) before it is stored.
ALTER TABLE staff ADD COLUMN language TEXT CHECK (language IN ('en', 'bn', 'hi', 'mr'));
ALTER TABLE staff ADD COLUMN time_zone TEXT;
