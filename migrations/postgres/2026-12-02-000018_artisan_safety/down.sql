ALTER TABLE artisan_consents DROP COLUMN form_path;
DELETE FROM artisan_consents WHERE kind = 'attribution';
ALTER TABLE artisan_consents DROP CONSTRAINT artisan_consents_kind_check;
ALTER TABLE artisan_consents ADD CONSTRAINT artisan_consents_kind_check
    CHECK (kind IN ('story', 'photo', 'profile'));
ALTER TABLE artisans DROP COLUMN attribution_consent_until;
ALTER TABLE artisans DROP COLUMN joined_on;
