-- Issue 14, survivor safety. The day an artisan joined the programme (NTSAS: no story or photo
-- about someone in their first year); backfilled from the day their row was made.
ALTER TABLE artisans ADD COLUMN joined_on DATE NOT NULL DEFAULT '1970-01-01';
UPDATE artisans SET joined_on = date(created_at);
-- Consent to be named (by alias) on public pages; without it a maker is "a goldsmith of the
-- Kolkata workshop".
ALTER TABLE artisans ADD COLUMN attribution_consent_until DATE;

-- SQLite cannot change a CHECK: the history table is rebuilt with the new kind and the signed
-- consent form (a re-encoded scan in the private directory, never under /media).
CREATE TABLE artisan_consents_new (
    id INTEGER PRIMARY KEY NOT NULL,
    artisan_id BIGINT NOT NULL REFERENCES artisans(id),
    kind TEXT NOT NULL CHECK (kind IN ('story', 'photo', 'profile', 'attribution')),
    action TEXT NOT NULL CHECK (action IN ('given', 'withdrawn')),
    given_on DATE,
    expires_on DATE,
    recorded_by BIGINT REFERENCES staff(id),
    recorded_at TIMESTAMP NOT NULL,
    form_path TEXT
);
INSERT INTO artisan_consents_new (id, artisan_id, kind, action, given_on, expires_on, recorded_by, recorded_at)
    SELECT id, artisan_id, kind, action, given_on, expires_on, recorded_by, recorded_at FROM artisan_consents;
DROP TABLE artisan_consents;
ALTER TABLE artisan_consents_new RENAME TO artisan_consents;
CREATE INDEX artisan_consents_artisan ON artisan_consents(artisan_id);
