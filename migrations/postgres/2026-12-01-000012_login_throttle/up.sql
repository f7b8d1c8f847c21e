-- Sign-in throttling (issue 12): one row per throttled key (`account:<email>` or
-- `client:<address>`), locked (SELECT … FOR UPDATE) while an attempt is checked and recorded,
-- so that parallel attempts are counted one after the other; `alerted_at` is when admins were
-- last emailed that the account is being attacked.
CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY,
    alerted_at TIMESTAMP
);

-- Recovery codes are now 25 characters and stored as a keyed hash (HMAC-SHA256 under a key
-- derived from the secret key); the old 10-character codes, stored as bare SHA-256, are void.
-- Their owners sign in with their authenticator; new codes come with a new enrolment.
DELETE FROM recovery_codes;
