-- Issue 15.1. Where finance took each exchange rate from (a bank's reference rate, RBI, …):
-- rates recorded before this say so.
ALTER TABLE exchange_rates ADD COLUMN source TEXT NOT NULL DEFAULT 'not recorded';

-- What an order's buyer was actually charged when they paid in another currency than the
-- shop's (the order itself stays in the shop's currency: invoices and wages read it). One row
-- per order, written in the order's own write, never changed: the Stripe session asks for
-- `amount_minor` in `currency`, payments are matched against it, and the makers' sale bonus
-- converts at `base_inr_per_unit` of `rate_date`.
CREATE TABLE order_charges (
    order_id BIGINT PRIMARY KEY REFERENCES orders(id),
    currency TEXT NOT NULL,
    amount_minor BIGINT NOT NULL,
    base_currency TEXT NOT NULL,
    base_minor BIGINT NOT NULL,
    -- Units of `currency` per unit of `base_currency` (a decimal as text).
    rate TEXT NOT NULL,
    -- Rupees per unit of `base_currency` on `rate_date` (1 for rupees).
    base_inr_per_unit TEXT NOT NULL,
    rate_date DATE NOT NULL,
    rate_source TEXT NOT NULL,
    rounding TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
