DROP TABLE order_charges;
ALTER TABLE exchange_rates DROP COLUMN source;
