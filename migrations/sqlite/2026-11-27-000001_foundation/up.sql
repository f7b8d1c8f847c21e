-- Foundation: centers, artisans (public and private data kept apart), pieces.
-- Timestamps are UTC, set by the application (not by the database).

CREATE TABLE centers (
    id INTEGER PRIMARY KEY NOT NULL,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    city TEXT NOT NULL,
    country TEXT NOT NULL,
    currency TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    public_blurb TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE artisans (
    id INTEGER PRIMARY KEY NOT NULL,
    public_id TEXT NOT NULL UNIQUE,
    center_id BIGINT NOT NULL REFERENCES centers(id),
    public_alias TEXT NOT NULL,
    public_story TEXT,
    story_consent BOOLEAN NOT NULL DEFAULT 0,
    photo_path TEXT,
    photo_consent BOOLEAN NOT NULL DEFAULT 0,
    profile_consent BOOLEAN NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX artisans_center_id ON artisans(center_id);

-- Private data of an artisan. Never read by any public module.
CREATE TABLE artisan_private (
    artisan_id BIGINT PRIMARY KEY NOT NULL REFERENCES artisans(id) ON DELETE CASCADE,
    legal_name TEXT NOT NULL,
    phone TEXT,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE pieces (
    id INTEGER PRIMARY KEY NOT NULL,
    sku TEXT NOT NULL UNIQUE,
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    kind TEXT NOT NULL,
    metal TEXT NOT NULL,
    purity TEXT NOT NULL,
    gross_weight_mg BIGINT NOT NULL CHECK (gross_weight_mg > 0),
    net_weight_mg BIGINT NOT NULL CHECK (net_weight_mg > 0 AND net_weight_mg <= gross_weight_mg),
    ring_size INTEGER CHECK (ring_size BETWEEN 1 AND 30),
    huid TEXT UNIQUE,
    price_minor BIGINT NOT NULL CHECK (price_minor >= 0),
    currency TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'listed', 'held', 'sold', 'withdrawn')),
    center_id BIGINT NOT NULL REFERENCES centers(id),
    featured BOOLEAN NOT NULL DEFAULT 0,
    listed_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX pieces_status_listed_at ON pieces(status, listed_at);
CREATE INDEX pieces_center_id ON pieces(center_id);
CREATE INDEX pieces_price ON pieces(price_minor);

-- Who made a piece and how long it took them.
CREATE TABLE piece_makers (
    piece_id BIGINT NOT NULL REFERENCES pieces(id) ON DELETE CASCADE,
    artisan_id BIGINT NOT NULL REFERENCES artisans(id),
    labor_minutes BIGINT NOT NULL CHECK (labor_minutes > 0),
    PRIMARY KEY (piece_id, artisan_id)
);
CREATE INDEX piece_makers_artisan_id ON piece_makers(artisan_id);

CREATE TABLE piece_stones (
    id INTEGER PRIMARY KEY NOT NULL,
    piece_id BIGINT NOT NULL REFERENCES pieces(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count > 0),
    carats_hundredths BIGINT NOT NULL CHECK (carats_hundredths >= 0)
);
CREATE INDEX piece_stones_piece_id ON piece_stones(piece_id);

CREATE TABLE piece_images (
    id INTEGER PRIMARY KEY NOT NULL,
    piece_id BIGINT NOT NULL REFERENCES pieces(id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    alt_text TEXT NOT NULL,
    width INTEGER NOT NULL CHECK (width > 0),
    height INTEGER NOT NULL CHECK (height > 0),
    position INTEGER NOT NULL,
    UNIQUE (piece_id, position)
);
