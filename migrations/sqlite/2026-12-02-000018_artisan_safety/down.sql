CREATE TABLE artisan_consents_old (
    id INTEGER PRIMARY KEY NOT NULL,
    artisan_id BIGINT NOT NULL REFERENCES artisans(id),
    kind TEXT NOT NULL CHECK (kind IN ('story', 'photo', 'profile')),
    action TEXT NOT NULL CHECK (action IN ('given', 'withdrawn')),
    given_on DATE,
    expires_on DATE,
    recorded_by BIGINT REFERENCES staff(id),
    recorded_at TIMESTAMP NOT NULL
);
INSERT INTO artisan_consents_old (id, artisan_id, kind, action, given_on, expires_on, recorded_by, recorded_at)
    SELECT id, artisan_id, kind, action, given_on, expires_on, recorded_by, recorded_at FROM artisan_consents
    WHERE kind <> 'attribution';
DROP TABLE artisan_consents;
ALTER TABLE artisan_consents_old RENAME TO artisan_consents;
CREATE INDEX artisan_consents_artisan ON artisan_consents(artisan_id);
ALTER TABLE artisans DROP COLUMN attribution_consent_until;
ALTER TABLE artisans DROP COLUMN joined_on;
