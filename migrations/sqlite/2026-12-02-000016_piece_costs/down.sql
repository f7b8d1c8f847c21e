DROP TABLE piece_costs;
DROP TABLE gold_rates;
