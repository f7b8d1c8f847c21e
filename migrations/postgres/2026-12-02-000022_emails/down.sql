ALTER TABLE email_outbox DROP COLUMN message_key;
ALTER TABLE orders DROP COLUMN lang;
