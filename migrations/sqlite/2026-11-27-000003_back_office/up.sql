-- Staff back office: accounts, sessions, login throttling, setup links, recovery codes,
-- API tokens, the append-only audit log, and consent with expiry dates for artisans.

CREATE TABLE staff (
    id INTEGER PRIMARY KEY NOT NULL,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'finance', 'manager')),
    center_id BIGINT REFERENCES centers(id),
    password_hash TEXT,
    totp_secret TEXT,
    totp_enabled BOOLEAN NOT NULL DEFAULT 0,
    totp_last_step BIGINT,
    disabled_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK ((role = 'manager') = (center_id IS NOT NULL))
);

CREATE TABLE staff_tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    staff_id BIGINT NOT NULL REFERENCES staff(id),
    purpose TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);

CREATE TABLE recovery_codes (
    id INTEGER PRIMARY KEY NOT NULL,
    staff_id BIGINT NOT NULL REFERENCES staff(id),
    code_hash TEXT NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX recovery_codes_staff ON recovery_codes(staff_id);

CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY NOT NULL,
    staff_id BIGINT NOT NULL REFERENCES staff(id),
    csrf_token TEXT NOT NULL,
    mfa_passed BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    ip TEXT,
    user_agent TEXT
);
CREATE INDEX sessions_staff ON sessions(staff_id);

CREATE TABLE login_attempts (
    id INTEGER PRIMARY KEY NOT NULL,
    at TIMESTAMP NOT NULL,
    ip TEXT NOT NULL,
    email TEXT NOT NULL,
    succeeded BOOLEAN NOT NULL
);
CREATE INDEX login_attempts_email_at ON login_attempts(email, at);
CREATE INDEX login_attempts_ip_at ON login_attempts(ip, at);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY NOT NULL,
    staff_id BIGINT NOT NULL REFERENCES staff(id),
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at TIMESTAMP
);
CREATE INDEX api_tokens_staff ON api_tokens(staff_id);

-- Append-only: every staff write and every view of private data.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY NOT NULL,
    at TIMESTAMP NOT NULL,
    staff_id BIGINT REFERENCES staff(id),
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT,
    center_id BIGINT,
    details TEXT NOT NULL,
    ip TEXT
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_staff ON audit_log(staff_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Consent now has an end date (at most three years after it was given); a public story,
-- photo or profile is shown only while its date is today or later.
ALTER TABLE artisans ADD COLUMN story_consent_until DATE;
ALTER TABLE artisans ADD COLUMN photo_consent_until DATE;
ALTER TABLE artisans ADD COLUMN profile_consent_until DATE;
UPDATE artisans SET story_consent_until = date('now', '+3 years') WHERE story_consent;
UPDATE artisans SET photo_consent_until = date('now', '+3 years') WHERE photo_consent;
UPDATE artisans SET profile_consent_until = date('now', '+3 years') WHERE profile_consent;
ALTER TABLE artisans DROP COLUMN story_consent;
ALTER TABLE artisans DROP COLUMN photo_consent;
ALTER TABLE artisans DROP COLUMN profile_consent;

-- The history of every consent given or withdrawn, and who recorded it.
CREATE TABLE artisan_consents (
    id INTEGER PRIMARY KEY NOT NULL,
    artisan_id BIGINT NOT NULL REFERENCES artisans(id),
    kind TEXT NOT NULL CHECK (kind IN ('story', 'photo', 'profile')),
    action TEXT NOT NULL CHECK (action IN ('given', 'withdrawn')),
    given_on DATE,
    expires_on DATE,
    recorded_by BIGINT REFERENCES staff(id),
    recorded_at TIMESTAMP NOT NULL
);
CREATE INDEX artisan_consents_artisan ON artisan_consents(artisan_id);

-- Private fields are stored encrypted (see src/crypto.rs); payout details join them.
ALTER TABLE artisan_private ADD COLUMN payout_details TEXT;

-- Resized variants of an image, by width: "400,800,1600" (empty: the single file at `path`).
ALTER TABLE piece_images ADD COLUMN variants TEXT NOT NULL DEFAULT '';
