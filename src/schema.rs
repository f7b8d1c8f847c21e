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
        photo_path -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        story_consent_until -> Nullable<Date>,
        photo_consent_until -> Nullable<Date>,
        profile_consent_until -> Nullable<Date>,
        slip_language -> Text,
        joined_on -> Date,
        attribution_consent_until -> Nullable<Date>,
    }
}

diesel::table! {
    artisan_private (artisan_id) {
        artisan_id -> BigInt,
        legal_name -> Text,
        phone -> Nullable<Text>,
        updated_at -> Timestamp,
        payout_details -> Nullable<Text>,
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
        held_by_order_id -> Nullable<BigInt>,
        hold_expires_at -> Nullable<Timestamp>,
        wage_minor -> Nullable<BigInt>,
        accepted_at -> Nullable<Timestamp>,
        huid_exemption -> Nullable<Text>,
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
        variants -> Text,
    }
}

diesel::table! {
    catalog_state (id) {
        id -> BigInt,
        version -> BigInt,
    }
}

diesel::table! {
    staff (id) {
        id -> BigInt,
        email -> Text,
        display_name -> Text,
        role -> Text,
        center_id -> Nullable<BigInt>,
        password_hash -> Nullable<Text>,
        totp_secret -> Nullable<Text>,
        totp_enabled -> Bool,
        totp_last_step -> Nullable<BigInt>,
        disabled_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        language -> Nullable<Text>,
        time_zone -> Nullable<Text>,
    }
}

diesel::table! {
    staff_tokens (token_hash) {
        token_hash -> Text,
        staff_id -> BigInt,
        purpose -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    recovery_codes (id) {
        id -> BigInt,
        staff_id -> BigInt,
        code_hash -> Text,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    sessions (id_hash) {
        id_hash -> Text,
        staff_id -> BigInt,
        csrf_token -> Text,
        mfa_passed -> Bool,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
        ip -> Nullable<Text>,
        user_agent -> Nullable<Text>,
    }
}

diesel::table! {
    login_attempts (id) {
        id -> BigInt,
        at -> Timestamp,
        ip -> Text,
        email -> Text,
        succeeded -> Bool,
    }
}

diesel::table! {
    login_throttle (key) {
        key -> Text,
        alerted_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> BigInt,
        staff_id -> BigInt,
        name -> Text,
        prefix -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        last_used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        scope -> Text,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (id) {
        id -> BigInt,
        at -> Timestamp,
        staff_id -> Nullable<BigInt>,
        actor -> Text,
        action -> Text,
        entity_type -> Text,
        entity_id -> Nullable<Text>,
        center_id -> Nullable<BigInt>,
        details -> Text,
        ip -> Nullable<Text>,
    }
}

diesel::table! {
    artisan_consents (id) {
        id -> BigInt,
        artisan_id -> BigInt,
        kind -> Text,
        action -> Text,
        given_on -> Nullable<Date>,
        expires_on -> Nullable<Date>,
        recorded_by -> Nullable<BigInt>,
        recorded_at -> Timestamp,
        form_path -> Nullable<Text>,
    }
}

diesel::table! {
    carts (id_hash) {
        id_hash -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    cart_items (cart_id, piece_id) {
        cart_id -> Text,
        piece_id -> BigInt,
        added_at -> Timestamp,
    }
}

diesel::table! {
    orders (id) {
        id -> BigInt,
        reference -> Text,
        status_token_hash -> Text,
        status -> Text,
        disputed -> Bool,
        email -> Text,
        ship_name -> Text,
        ship_line1 -> Text,
        ship_line2 -> Nullable<Text>,
        ship_city -> Text,
        ship_region -> Nullable<Text>,
        ship_postal_code -> Text,
        ship_country -> Text,
        shipping_option -> Text,
        subtotal_minor -> BigInt,
        shipping_minor -> BigInt,
        total_minor -> BigInt,
        refunded_minor -> BigInt,
        currency -> Text,
        payment_provider -> Text,
        checkout_session_id -> Nullable<Text>,
        payment_intent_id -> Nullable<Text>,
        hold_expires_at -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        status_token_sealed -> Nullable<Text>,
        fulfilment -> Text,
        phone -> Nullable<Text>,
        received_minor -> BigInt,
        cart_key -> Nullable<Text>,
        client_key -> Nullable<Text>,
        lang -> Text,
    }
}
diesel::table! {
    shipments (id) {
        id -> BigInt,
        order_id -> BigInt,
        center_id -> BigInt,
        status -> Text,
        carrier -> Nullable<Text>,
        tracking_number -> Nullable<Text>,
        packed_at -> Nullable<Timestamp>,
        shipped_at -> Nullable<Timestamp>,
        delivered_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}
diesel::table! {
    disputes (id) {
        id -> Text,
        order_id -> BigInt,
        amount_minor -> BigInt,
        currency -> Text,
        reason -> Text,
        status -> Text,
        evidence_due_by -> Nullable<Timestamp>,
        opened_at -> Timestamp,
        updated_at -> Timestamp,
        closed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    order_items (id) {
        id -> BigInt,
        order_id -> BigInt,
        piece_id -> BigInt,
        center_id -> BigInt,
        sku -> Text,
        title -> Text,
        price_minor -> BigInt,
        currency -> Text,
    }
}

diesel::table! {
    order_events (id) {
        id -> BigInt,
        order_id -> BigInt,
        at -> Timestamp,
        actor -> Text,
        kind -> Text,
        details -> Text,
    }
}

diesel::table! {
    payment_attempts (id) {
        id -> BigInt,
        order_id -> BigInt,
        idempotency_key -> Text,
        session_expires_at -> Timestamp,
        request -> Text,
        session_id -> Nullable<Text>,
        session_url -> Nullable<Text>,
        created_at -> Timestamp,
        closed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    stripe_events (id) {
        id -> Text,
        event_type -> Text,
        received_at -> Timestamp,
        processed_at -> Nullable<Timestamp>,
        payload -> Text,
        parked_for -> Nullable<Text>,
        parked_action -> Nullable<Text>,
    }
}

diesel::table! {
    refunds (id) {
        id -> BigInt,
        order_id -> BigInt,
        amount_minor -> BigInt,
        currency -> Text,
        reason -> Text,
        idempotency_key -> Text,
        provider_refund_id -> Nullable<Text>,
        status -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    email_outbox (id) {
        id -> BigInt,
        kind -> Text,
        to_address -> Text,
        order_id -> Nullable<BigInt>,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        payload -> Text,
        message_key -> Nullable<Text>,
    }
}

diesel::joinable!(cart_items -> carts (cart_id));
diesel::joinable!(cart_items -> pieces (piece_id));
diesel::joinable!(order_items -> orders (order_id));
diesel::joinable!(order_items -> pieces (piece_id));
diesel::joinable!(order_events -> orders (order_id));
diesel::joinable!(payment_attempts -> orders (order_id));
diesel::joinable!(refunds -> orders (order_id));
diesel::joinable!(shipments -> orders (order_id));
diesel::joinable!(shipments -> centers (center_id));
diesel::joinable!(disputes -> orders (order_id));
diesel::joinable!(email_outbox -> orders (order_id));
diesel::joinable!(staff -> centers (center_id));
diesel::joinable!(sessions -> staff (staff_id));
diesel::joinable!(api_tokens -> staff (staff_id));
diesel::joinable!(artisan_consents -> artisans (artisan_id));
diesel::joinable!(artisans -> centers (center_id));
diesel::joinable!(artisan_private -> artisans (artisan_id));
diesel::joinable!(pieces -> centers (center_id));
diesel::joinable!(piece_makers -> pieces (piece_id));
diesel::joinable!(piece_makers -> artisans (artisan_id));
diesel::joinable!(piece_stones -> pieces (piece_id));
diesel::joinable!(piece_images -> pieces (piece_id));

diesel::table! {
    wage_policies (id) {
        id -> BigInt,
        center_id -> BigInt,
        effective_from -> Date,
        legal_min_monthly_minor -> BigInt,
        living_wage_monthly_minor -> Nullable<BigInt>,
        standard_hours_per_month -> BigInt,
        target_multiplier -> Text,
        sale_bonus_percent -> Text,
        source_note -> Text,
        recorded_by -> Text,
        recorded_at -> Timestamp,
        deduction_kinds -> Text,
    }
}

diesel::table! {
    exchange_rates (currency, rate_date) {
        currency -> Text,
        rate_date -> Date,
        inr_per_unit -> Text,
        recorded_by -> Text,
        recorded_at -> Timestamp,
        source -> Text,
    }
}

diesel::table! {
    ledger_entries (id) {
        id -> BigInt,
        kind -> Text,
        artisan_id -> BigInt,
        center_id -> BigInt,
        amount_minor -> BigInt,
        currency -> Text,
        occurred_on -> Date,
        labor_minutes -> Nullable<BigInt>,
        piece_id -> Nullable<BigInt>,
        order_id -> Nullable<BigInt>,
        refers_to -> Nullable<BigInt>,
        details -> Text,
        recorded_by -> Text,
        recorded_at -> Timestamp,
        prev_hash -> Text,
        hash -> Text,
    }
}

diesel::table! {
    ledger_head (id) {
        id -> BigInt,
        last_id -> BigInt,
        last_hash -> Text,
    }
}

diesel::table! {
    employment_terms (id) {
        id -> BigInt,
        artisan_id -> BigInt,
        effective_from -> Date,
        ends_on -> Nullable<Date>,
        pay_basis -> Text,
        monthly_salary_minor -> Nullable<BigInt>,
        standard_hours_per_month -> BigInt,
        note -> Text,
        recorded_by -> Text,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    time_register (id) {
        id -> BigInt,
        artisan_id -> BigInt,
        center_id -> BigInt,
        work_date -> Date,
        kind -> Text,
        minutes -> BigInt,
        recorded_by -> Text,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    month_closes (id) {
        id -> BigInt,
        center_id -> BigInt,
        month -> Text,
        closed_by -> Text,
        closed_at -> Timestamp,
    }
}

diesel::table! {
    month_close_requests (id) {
        id -> BigInt,
        center_id -> BigInt,
        month -> Text,
        requested_by -> Text,
        requested_by_staff_id -> Nullable<BigInt>,
        requested_at -> Timestamp,
    }
}

diesel::table! {
    register_confirmations (id) {
        id -> BigInt,
        artisan_id -> BigInt,
        center_id -> BigInt,
        week_start -> Date,
        confirmed_on -> Date,
        recorded_by -> Text,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    ledger_checkpoints (id) {
        id -> BigInt,
        entry_id -> BigInt,
        entry_hash -> Text,
        signed_at -> Timestamp,
        month -> Text,
        center_id -> BigInt,
        public_key -> Text,
        signature -> Text,
    }
}

diesel::table! {
    text_approvals (id) {
        id -> BigInt,
        context -> Text,
        entity_id -> BigInt,
        center_id -> Nullable<BigInt>,
        text_sha256 -> Text,
        match_kinds -> Text,
        requested_by -> Text,
        requested_by_staff_id -> Nullable<BigInt>,
        requested_at -> Timestamp,
        approved_by -> Nullable<Text>,
        approved_by_staff_id -> Nullable<BigInt>,
        approved_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    gold_rates (id) {
        id -> BigInt,
        rate_date -> Date,
        per_gram_minor -> BigInt,
        currency -> Text,
        source -> Text,
        recorded_by -> Text,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    piece_costs (piece_id) {
        piece_id -> BigInt,
        stone_cost_minor -> BigInt,
        hallmarking_minor -> BigInt,
        packing_minor -> BigInt,
        currency -> Text,
        recorded_by -> Text,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    invoice_issuer (id) {
        id -> BigInt,
        prefix -> Text,
        seller_name -> Text,
        gstin -> Text,
        registered_office -> Text,
        state_code -> Text,
        lut_number -> Text,
        gst_percent -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    invoice_series (series, financial_year) {
        series -> Text,
        financial_year -> Text,
        last_number -> BigInt,
    }
}

diesel::table! {
    invoices (id) {
        id -> BigInt,
        kind -> Text,
        number -> Text,
        financial_year -> Text,
        order_id -> BigInt,
        invoice_id -> Nullable<BigInt>,
        issued_at -> Timestamp,
        issued_on -> Date,
        currency -> Text,
        place_of_supply -> Text,
        export -> Bool,
        taxable_minor -> BigInt,
        cgst_minor -> BigInt,
        sgst_minor -> BigInt,
        igst_minor -> BigInt,
        total_minor -> BigInt,
        document -> Text,
    }
}

diesel::joinable!(invoices -> orders (order_id));

diesel::joinable!(piece_costs -> pieces (piece_id));

diesel::table! {
    policy_versions (id) {
        id -> BigInt,
        kind -> Text,
        version -> BigInt,
        body -> Text,
        effective_on -> Date,
        created_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    order_policy_acceptances (order_id, kind) {
        order_id -> BigInt,
        kind -> Text,
        version -> BigInt,
    }
}

diesel::joinable!(order_policy_acceptances -> orders (order_id));

diesel::table! {
    order_charges (order_id) {
        order_id -> BigInt,
        currency -> Text,
        amount_minor -> BigInt,
        base_currency -> Text,
        base_minor -> BigInt,
        rate -> Text,
        base_inr_per_unit -> Text,
        rate_date -> Date,
        rate_source -> Text,
        rounding -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(order_charges -> orders (order_id));

diesel::table! {
    privacy_requests (id) {
        id -> BigInt,
        kind -> Text,
        status -> Text,
        order_id -> Nullable<BigInt>,
        received_at -> Timestamp,
        completed_at -> Nullable<Timestamp>,
        outcome -> Text,
    }
}

diesel::joinable!(privacy_requests -> orders (order_id));

diesel::table! {
    return_requests (id) {
        id -> BigInt,
        order_id -> BigInt,
        center_id -> BigInt,
        status -> Text,
        reason -> Text,
        message -> Nullable<Text>,
        received_condition -> Nullable<Text>,
        restocked -> Nullable<Bool>,
        refund_minor -> Nullable<BigInt>,
        currency -> Text,
        requested_at -> Timestamp,
        decided_at -> Nullable<Timestamp>,
        received_at -> Nullable<Timestamp>,
        finished_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    return_items (id) {
        id -> BigInt,
        return_id -> BigInt,
        order_id -> BigInt,
        piece_id -> BigInt,
        title -> Text,
        price_minor -> BigInt,
        open -> Bool,
    }
}

diesel::joinable!(return_requests -> orders (order_id));
diesel::joinable!(return_items -> return_requests (return_id));

diesel::joinable!(wage_policies -> centers (center_id));
diesel::joinable!(month_close_requests -> centers (center_id));
diesel::joinable!(register_confirmations -> artisans (artisan_id));
diesel::joinable!(employment_terms -> artisans (artisan_id));
diesel::joinable!(time_register -> artisans (artisan_id));
diesel::joinable!(time_register -> centers (center_id));
diesel::joinable!(month_closes -> centers (center_id));
diesel::joinable!(ledger_checkpoints -> centers (center_id));
diesel::joinable!(ledger_entries -> artisans (artisan_id));
diesel::joinable!(ledger_entries -> centers (center_id));
diesel::joinable!(ledger_entries -> pieces (piece_id));
diesel::joinable!(ledger_entries -> orders (order_id));

diesel::allow_tables_to_appear_in_same_query!(
    centers,
    artisans,
    artisan_private,
    pieces,
    piece_makers,
    piece_stones,
    piece_images,
    catalog_state,
    staff,
    staff_tokens,
    recovery_codes,
    sessions,
    login_attempts,
    login_throttle,
    api_tokens,
    audit_log,
    artisan_consents,
    carts,
    cart_items,
    orders,
    shipments,
    disputes,
    order_items,
    order_events,
    payment_attempts,
    stripe_events,
    refunds,
    email_outbox,
    wage_policies,
    exchange_rates,
    ledger_entries,
    ledger_head,
    employment_terms,
    time_register,
    month_closes,
    month_close_requests,
    register_confirmations,
    ledger_checkpoints,
    text_approvals,
    gold_rates,
    piece_costs,
    policy_versions,
    order_policy_acceptances,
    order_charges,
    privacy_requests,
    invoice_issuer,
    invoice_series,
    invoices,
    return_requests,
    return_items,
);
