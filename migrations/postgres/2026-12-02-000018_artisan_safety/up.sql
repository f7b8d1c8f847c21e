-- Issue 14, survivor safety. The day an artisan joined the programme (NTSAS: no story or photo
-- about someone in their first year); backfilled from the day their row was made.
ALTER TABLE artisans ADD COLUMN joined_on DATE;
UPDATE artisans SET joined_on = CAST(created_at AS DATE);
ALTER TABLE artisans ALTER COLUMN joined_on SET NOT NULL;
-- Consent to be named (by alias) on public pages; without it a maker is "a goldsmith of the
-- Kolkata workshop".
ALTER TABLE artisans ADD COLUMN attribution_consent_until DATE;

ALTER TABLE artisan_consents DROP CONSTRAINT artisan_consents_kind_check;
ALTER TABLE artisan_consents ADD CONSTRAINT artisan_consents_kind_check
    CHECK (kind IN ('story', 'photo', 'profile', 'attribution'));
-- The signed consent form: a re-encoded scan in the private directory (never under /media).
ALTER TABLE artisan_consents ADD COLUMN form_path TEXT;
