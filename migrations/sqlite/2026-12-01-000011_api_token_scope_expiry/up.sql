-- API tokens get a scope (read or write) and an expiry. Tokens made before this keep what they
-- could do (write) and expire 90 days after they were made.
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'write';
ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMP NOT NULL DEFAULT '1970-01-01 00:00:00';
UPDATE api_tokens SET expires_at = datetime(created_at, '+90 days');
