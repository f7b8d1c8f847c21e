-- What an email needs that the database cannot give back later, written with the message when
-- it is enqueued (JSON): the customer's status link (only the token's hash is stored), the
-- center a staff alert is about, the amount of this refund.
ALTER TABLE email_outbox ADD COLUMN payload TEXT NOT NULL DEFAULT '{}';
