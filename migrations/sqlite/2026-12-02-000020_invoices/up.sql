-- Issue 15 part 2: GST tax invoices and credit notes (CGST Rules r.46 and r.53).
-- Who issues them: one row, written at start-up from the `invoice.*` settings, so that the
-- paid write (webhook, development page, CLI) reads the seller's facts in its own transaction.
CREATE TABLE invoice_issuer (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    prefix TEXT NOT NULL,
    seller_name TEXT NOT NULL,
    gstin TEXT NOT NULL,
    registered_office TEXT NOT NULL,
    state_code TEXT NOT NULL,
    lut_number TEXT NOT NULL,
    gst_percent TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- One consecutive series per kind of document and Indian financial year (April–March): the
-- paid (or refund) write takes the next number with one UPDATE of this row, so a rolled-back
-- payment never burns a number and two payments at once get consecutive ones.
CREATE TABLE invoice_series (
    series TEXT NOT NULL,
    financial_year TEXT NOT NULL,
    last_number BIGINT NOT NULL,
    PRIMARY KEY (series, financial_year)
);

-- Tax invoices and credit notes as issued: the figures GSTR-1 needs in columns, the whole
-- document (seller, buyer, lines) as a JSON snapshot. Never changed after issue.
CREATE TABLE invoices (
    id INTEGER PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
    number TEXT NOT NULL UNIQUE CHECK (length(number) <= 16),
    financial_year TEXT NOT NULL,
    order_id BIGINT NOT NULL REFERENCES orders(id),
    invoice_id BIGINT REFERENCES invoices(id),
    issued_at TIMESTAMP NOT NULL,
    issued_on DATE NOT NULL,
    currency TEXT NOT NULL,
    place_of_supply TEXT NOT NULL,
    export BOOLEAN NOT NULL,
    taxable_minor BIGINT NOT NULL,
    cgst_minor BIGINT NOT NULL,
    sgst_minor BIGINT NOT NULL,
    igst_minor BIGINT NOT NULL,
    total_minor BIGINT NOT NULL,
    document TEXT NOT NULL,
    CHECK ((kind = 'invoice') = (invoice_id IS NULL)),
    CHECK (taxable_minor + cgst_minor + sgst_minor + igst_minor = total_minor)
);
CREATE UNIQUE INDEX invoices_one_per_order ON invoices (order_id) WHERE kind = 'invoice';
CREATE INDEX invoices_by_order ON invoices (order_id, id);
CREATE INDEX invoices_by_day ON invoices (issued_on, id);
CREATE TRIGGER invoices_no_update BEFORE UPDATE ON invoices
BEGIN SELECT RAISE(ABORT, 'invoices are never changed after issue'); END;
CREATE TRIGGER invoices_no_delete BEFORE DELETE ON invoices
BEGIN SELECT RAISE(ABORT, 'invoices are never changed after issue'); END;
