ALTER TABLE piece_images DROP COLUMN variants;
ALTER TABLE artisan_private DROP COLUMN payout_details;
DROP TABLE artisan_consents;
ALTER TABLE artisans ADD COLUMN story_consent BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE artisans ADD COLUMN photo_consent BOOLEAN NOT NULL DEFAULT 0;
ALTER TABLE artisans ADD COLUMN profile_consent BOOLEAN NOT NULL DEFAULT 0;
UPDATE artisans SET story_consent = story_consent_until IS NOT NULL, photo_consent = photo_consent_until IS NOT NULL,
    profile_consent = profile_consent_until IS NOT NULL;
ALTER TABLE artisans DROP COLUMN story_consent_until;
ALTER TABLE artisans DROP COLUMN photo_consent_until;
ALTER TABLE artisans DROP COLUMN profile_consent_until;
DROP TABLE audit_log;
DROP TABLE api_tokens;
DROP TABLE login_attempts;
DROP TABLE sessions;
DROP TABLE recovery_codes;
DROP TABLE staff_tokens;
DROP TABLE staff;
