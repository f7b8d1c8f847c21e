-- Where a buyer's money goes (issue 14): the gold rate finance records per day, and the costs
-- of a piece beyond its gold and its makers' wages.
-- A gold rate: the price of one gram of fine (24-karat) gold on a day, in minor units of a
-- currency, with where it was read. Rows are only inserted: a correction of a day's rate is a
-- later row for the same day, and the latest recorded for a day is the one in force.
CREATE TABLE gold_rates (
    id INTEGER PRIMARY KEY NOT NULL,
    rate_date DATE NOT NULL,
    per_gram_minor BIGINT NOT NULL CHECK (per_gram_minor > 0),
    currency TEXT NOT NULL,
    source TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL
);
CREATE INDEX gold_rates_by_day ON gold_rates (rate_date, id);
CREATE TRIGGER gold_rates_no_update BEFORE UPDATE ON gold_rates
BEGIN SELECT RAISE(ABORT, 'gold_rates is append-only'); END;
CREATE TRIGGER gold_rates_no_delete BEFORE DELETE ON gold_rates
BEGIN SELECT RAISE(ABORT, 'gold_rates is append-only'); END;

-- A piece's recorded costs, other than gold and wages: stones, hallmarking, shipping and
-- packing, in minor units of `currency` (the workshops pay them in rupees).
CREATE TABLE piece_costs (
    piece_id BIGINT PRIMARY KEY NOT NULL REFERENCES pieces(id),
    stone_cost_minor BIGINT NOT NULL CHECK (stone_cost_minor >= 0),
    hallmarking_minor BIGINT NOT NULL CHECK (hallmarking_minor >= 0),
    packing_minor BIGINT NOT NULL CHECK (packing_minor >= 0),
    currency TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL
);
