-- Issue 17.7. The language the customer's emails are written in (a code of `i18n::Lang`,
-- chosen at checkout from the languages the emails exist in; English by default).
ALTER TABLE orders ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
-- The random part of a message's Message-ID, chosen when it is enqueued: a retried send, or a
-- send repeated after a crash, is the same message to the recipient's mail program.
ALTER TABLE email_outbox ADD COLUMN message_key TEXT;
