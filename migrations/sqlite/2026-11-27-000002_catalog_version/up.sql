-- One row: the catalog's version. Every inventory write bumps it in the same transaction;
-- app instances compare it to know when their cached public pages are stale.
CREATE TABLE catalog_state (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO catalog_state (id, version) VALUES (1, 1);
