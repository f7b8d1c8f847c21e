// One schema for both backends (see diesel.toml). Keep in step with migrations/{sqlite,postgres}.

diesel::table! {
    centers (id) {
        id -> BigInt,
        code -> Text,
        name -> Text,
        city -> Text,
        country -> Text,
        currency -> Text,
        time_zone -> Text,
        public_blurb -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    artisans (id) {
        id -> BigInt,
        public_id -> Text,
        center_id -> BigInt,
        public_alias -> Text,
        public_story -> Nullable<Text>,
        story_consent -> Bool,
        photo_path -> Nullable<Text>,
        photo_consent -> Bool,
        profile_consent -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    artisan_private (artisan_id) {
        artisan_id -> BigInt,
        legal_name -> Text,
        phone -> Nullable<Text>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    pieces (id) {
        id -> BigInt,
        sku -> Text,
        slug -> Text,
        title -> Text,
        description -> Text,
        kind -> Text,
        metal -> Text,
        purity -> Text,
        gross_weight_mg -> BigInt,
        net_weight_mg -> BigInt,
        ring_size -> Nullable<Integer>,
        huid -> Nullable<Text>,
        price_minor -> BigInt,
        currency -> Text,
        status -> Text,
        center_id -> BigInt,
        featured -> Bool,
        listed_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    piece_makers (piece_id, artisan_id) {
        piece_id -> BigInt,
        artisan_id -> BigInt,
        labor_minutes -> BigInt,
    }
}

diesel::table! {
    piece_stones (id) {
        id -> BigInt,
        piece_id -> BigInt,
        kind -> Text,
        count -> Integer,
        carats_hundredths -> BigInt,
    }
}

diesel::table! {
    piece_images (id) {
        id -> BigInt,
        piece_id -> BigInt,
        path -> Text,
        alt_text -> Text,
        width -> Integer,
        height -> Integer,
        position -> Integer,
    }
}

diesel::table! {
    catalog_state (id) {
        id -> BigInt,
        version -> BigInt,
    }
}

diesel::joinable!(artisans -> centers (center_id));
diesel::joinable!(artisan_private -> artisans (artisan_id));
diesel::joinable!(pieces -> centers (center_id));
diesel::joinable!(piece_makers -> pieces (piece_id));
diesel::joinable!(piece_makers -> artisans (artisan_id));
diesel::joinable!(piece_stones -> pieces (piece_id));
diesel::joinable!(piece_images -> pieces (piece_id));

diesel::allow_tables_to_appear_in_same_query!(
    centers,
    artisans,
    artisan_private,
    pieces,
    piece_makers,
    piece_stones,
    piece_images,
    catalog_state,
);
