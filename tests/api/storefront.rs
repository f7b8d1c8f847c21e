//! The public storefront as a customer sees it.

use crate::helpers::{ArtisanFixture, PieceFixture, TestApp};

fn titles_in_order(html: &str, titles: &[&str]) -> Vec<usize> {
    titles.iter().map(|t| html.find(t).unwrap_or_else(|| panic!("`{t}` missing from page"))).collect()
}

#[tokio::test]
async fn home_shows_featured_pieces_the_mission_and_both_centers() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture { featured: true, ..PieceFixture::new("Lotus bud ring") });
    app.piece(PieceFixture { mumbai: true, ..PieceFixture::new("Peacock pendant") });
    app.piece(PieceFixture { status: "draft", ..PieceFixture::new("Secret draft ring") });

    let html = app.page("/", 200).await;
    assert!(html.contains("Lotus bud ring"));
    assert!(html.contains("Peacock pendant"));
    assert!(!html.contains("Secret draft ring"), "drafts are not public");
    assert!(html.contains("Kolkata") && html.contains("Mumbai"));
    assert!(html.contains("living wage"), "the mission is stated");
    assert!(html.contains("href=\"/pieces?center=kolkata\"") || html.contains("href=\"&#x2F;pieces?center=kolkata\""));
}

#[tokio::test]
async fn catalog_shows_available_pieces_newest_first_by_default() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture { listed_days_ago: 10, ..PieceFixture::new("Older ring") });
    app.piece(PieceFixture { listed_days_ago: 1, ..PieceFixture::new("Newer ring") });
    app.piece(PieceFixture { status: "sold", ..PieceFixture::new("Sold ring") });
    app.piece(PieceFixture { status: "withdrawn", ..PieceFixture::new("Withdrawn ring") });

    let html = app.page("/pieces", 200).await;
    let pos = titles_in_order(&html, &["Newer ring", "Older ring"]);
    assert!(pos[0] < pos[1], "newest first");
    assert!(!html.contains("Sold ring"), "the default view is what can be bought now");
    assert!(!html.contains("Withdrawn ring"));
    assert!(html.contains("Showing 1–2 of 2 pieces"));

    let all = app.page("/pieces?availability=all", 200).await;
    assert!(all.contains("Sold ring") && all.contains("Newer ring"));
    assert!(!all.contains("Withdrawn ring"));
    let sold = app.page("/pieces?availability=sold", 200).await;
    assert!(sold.contains("Sold ring") && !sold.contains("Newer ring"));
}

#[tokio::test]
async fn catalog_filters_by_center_metal_purity_and_price() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture { price_minor: 30_000, ..PieceFixture::new("Kolkata yellow 22K") });
    app.piece(PieceFixture { mumbai: true, price_minor: 90_000, ..PieceFixture::new("Mumbai yellow 22K") });
    app.piece(PieceFixture {
        metal: "rose_gold",
        purity: "18K750",
        price_minor: 60_000,
        ..PieceFixture::new("Kolkata rose 18K")
    });

    let html = app.page("/pieces?center=mumbai", 200).await;
    assert!(html.contains("Mumbai yellow 22K") && !html.contains("Kolkata yellow 22K"));

    let html = app.page("/pieces?metal=rose_gold", 200).await;
    assert!(html.contains("Kolkata rose 18K") && !html.contains("Mumbai yellow 22K"));

    let html = app.page("/pieces?purity=22K916&center=kolkata", 200).await;
    assert!(
        html.contains("Kolkata yellow 22K") && !html.contains("Kolkata rose 18K") && !html.contains("Mumbai yellow")
    );

    let html = app.page("/pieces?price_min=500&price_max=900", 200).await;
    assert!(html.contains("Kolkata rose 18K") && html.contains("Mumbai yellow 22K"));
    assert!(!html.contains("Kolkata yellow 22K"), "$300 is below the range");

    // Empty form fields mean "any".
    let html = app.page("/pieces?center=&metal=&purity=&price_min=&price_max=&sort=newest", 200).await;
    assert!(html.contains("Showing 1–3 of 3 pieces"));
}

#[tokio::test]
async fn catalog_sorts_by_price_both_ways() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture { price_minor: 70_000, ..PieceFixture::new("Middle") });
    app.piece(PieceFixture { price_minor: 10_000, ..PieceFixture::new("Cheapest") });
    app.piece(PieceFixture { price_minor: 99_000, ..PieceFixture::new("Dearest") });

    let html = app.page("/pieces?sort=price_asc", 200).await;
    let p = titles_in_order(&html, &["Cheapest", "Middle", "Dearest"]);
    assert!(p[0] < p[1] && p[1] < p[2]);
    let html = app.page("/pieces?sort=price_desc", 200).await;
    let p = titles_in_order(&html, &["Dearest", "Middle", "Cheapest"]);
    assert!(p[0] < p[1] && p[1] < p[2]);
    assert!(html.contains("$990.00") && html.contains("$100.00"), "prices in the shop currency");
}

#[tokio::test]
async fn catalog_paginates_and_keeps_the_filter_in_its_links() {
    let app = TestApp::spawn().await;
    for i in 0..26 {
        app.piece(PieceFixture {
            listed_days_ago: i,
            metal: "rose_gold",
            ..PieceFixture::new(&format!("Rose piece {i:02}"))
        });
    }
    app.piece(PieceFixture::new("Yellow piece"));

    let first = app.page("/pieces?metal=rose_gold", 200).await;
    assert!(first.contains("Showing 1–24 of 26 pieces"));
    assert!(first.contains("Rose piece 00") && !first.contains("Rose piece 25"));
    assert!(first.contains("metal=rose_gold&amp;page=2"), "next link keeps the filter");

    let second = app.page("/pieces?metal=rose_gold&page=2", 200).await;
    assert!(second.contains("Showing 25–26 of 26 pieces"));
    assert!(second.contains("Rose piece 25") && !second.contains("Rose piece 00"));
    assert!(!second.contains("Yellow piece"));

    app.page("/pieces?metal=rose_gold&page=3", 404).await;
}

#[tokio::test]
async fn catalog_with_no_match_shows_an_empty_state() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture::new("Only ring"));
    let html = app.page("/pieces?metal=white_gold", 200).await;
    assert!(html.contains("No pieces match these filters"));
    assert!(!html.contains("Only ring"));
}

#[tokio::test]
async fn bad_catalog_parameters_are_400_with_a_clear_message() {
    let app = TestApp::spawn().await;
    let cases = [
        ("price_min=abc", "price_min must be an amount such as 250"),
        ("price_max=-5", "price_max must not be negative"),
        ("page=-1", "page must be a whole number from 1"),
        ("page=0", "page must be a whole number from 1"),
        ("page=two", "page must be a whole number from 1"),
        ("center=paris", "unknown center `paris`; expected one of: kolkata, mumbai"),
        ("metal=silver", "unknown metal `silver`"),
        ("purity=21K", "unknown purity `21K`"),
        ("sort=random", "unknown sort `random`"),
        ("price_min=900&price_max=100", "price_min is more than price_max"),
    ];
    for (query, message) in cases {
        let res = app.get(&format!("/pieces?{query}")).await;
        assert_eq!(res.status().as_u16(), 400, "{query}");
        assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
        let html = res.text().await.unwrap();
        let escaped = message.replace('`', "&#96;");
        assert!(html.contains(message) || html.contains(&escaped), "{query}: page lacks `{message}`");
        assert!(html.contains("href=\"/pieces\"") || html.contains("href=\"&#x2F;pieces\""), "a way back");
    }
}

#[tokio::test]
async fn piece_page_shows_every_attribute_and_the_makers_public_alias() {
    let app = TestApp::spawn().await;
    let (asha, asha_public) = app.artisan(ArtisanFixture {
        alias: "Asha K.",
        story: Some("Asha loves filigree."),
        story_consent: true,
        profile_consent: true,
        ..Default::default()
    });
    app.piece(PieceFixture {
        huid: Some("AB12CD"),
        gross_weight_mg: 4_650,
        net_weight_mg: 4_550,
        ring_size: Some(12),
        price_minor: 62_500,
        stones: vec![("ruby".into(), 3, 45)],
        makers: vec![(asha, 1_110)],
        ..PieceFixture::new("Lotus bud ring")
    });
    let html = app.page("/pieces/lotus-bud-ring", 200).await;
    for expected in [
        "Lotus bud ring",
        "$625.00",
        "22K916",
        "22 karat, 91.6% gold",
        "Yellow gold",
        "AB12CD",
        "BIS hallmark 22K916",
        "4.650 g",
        "4.550 g",
        "3 rubies, 0.45 ct total",
        "12",
        "Kolkata",
        "18.5 hours of handwork",
        "Asha K.",
        "Asha loves filigree.",
        "A second paragraph.",
        "application/ld+json",
    ] {
        assert!(html.contains(expected), "piece page lacks `{expected}`");
    }
    assert!(
        html.contains(&format!("artisans&#x2F;{asha_public}")) || html.contains(&format!("artisans/{asha_public}"))
    );
}

#[tokio::test]
async fn sold_pieces_stay_visible_marked_sold_while_drafts_and_withdrawn_are_404() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture { status: "sold", ..PieceFixture::new("Sold bangle") });
    app.piece(PieceFixture { status: "draft", ..PieceFixture::new("Draft bangle") });
    app.piece(PieceFixture { status: "withdrawn", ..PieceFixture::new("Withdrawn bangle") });

    let html = app.page("/pieces/sold-bangle", 200).await;
    assert!(html.contains("Sold"));
    assert!(html.contains("SoldOut"), "structured data says sold out");
    for slug in ["draft-bangle", "withdrawn-bangle", "never-existed"] {
        let html = app.page(&format!("/pieces/{slug}"), 404).await;
        assert!(html.contains("Page not found"), "404 in the shop's style for {slug}");
        assert!(html.contains("<nav"), "with the site navigation");
    }
}

#[tokio::test]
async fn artisan_profile_exists_only_with_consent() {
    let app = TestApp::spawn().await;
    let (with, with_id) = app.artisan(ArtisanFixture {
        alias: "Moni",
        story: Some("Moni makes chains."),
        story_consent: true,
        profile_consent: true,
        ..Default::default()
    });
    let (_, without_id) =
        app.artisan(ArtisanFixture { alias: "Parveen B.", profile_consent: false, ..Default::default() });
    let (_, no_story_id) = app.artisan(ArtisanFixture {
        alias: "Kavita M.",
        story: Some("A story she has not agreed to share."),
        story_consent: false,
        profile_consent: true,
        ..Default::default()
    });
    app.piece(PieceFixture { makers: vec![(with, 600)], ..PieceFixture::new("Rope chain") });
    app.piece(PieceFixture { makers: vec![(with, 600)], status: "draft", ..PieceFixture::new("Unfinished chain") });

    let html = app.page(&format!("/artisans/{with_id}"), 200).await;
    assert!(html.contains("Moni") && html.contains("Moni makes chains.") && html.contains("Rope chain"));
    assert!(!html.contains("Unfinished chain"));

    app.page(&format!("/artisans/{without_id}"), 404).await;
    let html = app.page(&format!("/artisans/{no_story_id}"), 200).await;
    assert!(html.contains("Kavita M."));
    assert!(!html.contains("has not agreed"), "a story without consent is never shown");
}

#[tokio::test]
async fn about_page_and_unknown_paths() {
    let app = TestApp::spawn().await;
    let html = app.page("/about", 200).await;
    assert!(html.contains("<h1"));
    assert!(html.contains("living wage"));
    let html = app.page("/no/such/page", 404).await;
    assert!(html.contains("Page not found"));
    let res = app.client.post(format!("{}/pieces", app.address)).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 404, "no POST route here");
}

#[tokio::test]
async fn static_assets_have_hashed_names_and_long_cache() {
    let app = TestApp::spawn().await;
    let html = app.page("/about", 200).await;
    let start = html
        .find("/static/css/site.")
        .or_else(|| html.find("&#x2F;static&#x2F;css&#x2F;site."))
        .expect("stylesheet link");
    let rest = &html[start..];
    let end = rest.find('"').unwrap();
    let url = rest[..end].replace("&#x2F;", "/");
    assert!(url.len() > "/static/css/site..css".len() + 8, "hashed name: {url}");
    let res = app.get(&url).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["cache-control"], "public, max-age=31536000, immutable");
    assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/css"));
    assert_eq!(app.get("/static/css/site.deadbeef00.css").await.status().as_u16(), 404);
}

#[tokio::test]
async fn sitemap_lists_public_pieces_and_consenting_artisans_only() {
    let app = TestApp::spawn().await;
    let (_, public_id) = app.artisan(ArtisanFixture { profile_consent: true, ..Default::default() });
    let (_, private_id) = app.artisan(ArtisanFixture { profile_consent: false, ..Default::default() });
    app.piece(PieceFixture::new("Listed ring"));
    app.piece(PieceFixture { status: "draft", ..PieceFixture::new("Draft ring") });
    let xml = app.page("/sitemap.xml", 200).await;
    assert!(xml.contains("/pieces/listed-ring"));
    assert!(!xml.contains("draft-ring"));
    assert!(xml.contains(&public_id) && !xml.contains(&private_id));
    let robots = app.page("/robots.txt", 200).await;
    // Without a base URL the shop's links name the address it listens on (its port).
    assert!(robots.contains(&format!("Sitemap: {}/sitemap.xml", app.address)), "{robots}");
}

#[tokio::test]
async fn the_demo_shop_renders_every_public_piece() {
    let app = TestApp::spawn_demo().await;
    let list = app.json("/api/v1/pieces?availability=all&per_page=100", 200).await;
    let pieces = list["data"].as_array().unwrap();
    assert!(pieces.len() >= 50, "about sixty pieces, got {}", pieces.len());
    for p in pieces {
        let slug = p["slug"].as_str().unwrap();
        app.page(&format!("/pieces/{slug}"), 200).await;
        let image = p["image"]["url"].as_str().expect("every demo piece has an image");
        let path = image.strip_prefix(app.address.as_str()).unwrap_or_else(|| panic!("an absolute URL: {image}"));
        let res = app.get(path).await;
        assert_eq!(res.status().as_u16(), 200, "{image}");
        assert_eq!(res.headers()["content-type"], "image/svg+xml");
    }
    let home = app.page("/", 200).await;
    assert!(home.matches("<li").count() >= 8, "featured pieces on the home page");
}

#[tokio::test]
async fn an_artisans_photo_is_shown_only_with_consent() {
    let app = TestApp::spawn().await;
    let (with, with_id) = app.artisan(ArtisanFixture {
        alias: "Asha K.",
        photo_path: Some("artisans/asha-consented.jpg"),
        photo_consent: true,
        profile_consent: true,
        ..Default::default()
    });
    let (without, without_id) = app.artisan(ArtisanFixture {
        alias: "Moni",
        photo_path: Some("artisans/moni-no-consent.jpg"),
        photo_consent: false,
        profile_consent: true,
        ..Default::default()
    });
    app.piece(PieceFixture { makers: vec![(with, 60), (without, 60)], ..PieceFixture::new("Shared ring") });

    let asha = app.page(&format!("/artisans/{with_id}"), 200).await;
    assert!(asha.contains("asha-consented.jpg") && asha.contains("Portrait of Asha K."));
    let moni = app.page(&format!("/artisans/{without_id}"), 200).await;
    assert!(!moni.contains("moni-no-consent"));
    let piece = app.page("/pieces/shared-ring", 200).await;
    assert!(piece.contains("asha-consented.jpg"));
    assert!(!piece.contains("moni-no-consent"));
    let api = app.json("/api/v1/pieces/shared-ring", 200).await.to_string();
    assert!(api.contains("asha-consented.jpg") && !api.contains("moni-no-consent"));
}

#[tokio::test]
async fn a_server_error_is_a_styled_500_page_that_reveals_nothing() {
    let app = TestApp::spawn().await;
    app.piece(PieceFixture::new("Broken ring"));
    // A hand edit the code cannot read: the page must fail safely, not show the data.
    app.with_conn(|c| {
        use diesel::connection::SimpleConnection;
        c.batch_execute("UPDATE pieces SET metal = 'unobtainium' WHERE slug = 'broken-ring'")
    })
    .unwrap();
    let html = app.page("/pieces/broken-ring", 500).await;
    assert!(html.contains("Something went wrong"));
    assert!(html.contains("<nav"), "in the shop's layout");
    assert!(!html.contains("unobtainium"), "the cause is logged, not shown");
    let body = app.json("/api/v1/pieces/broken-ring", 500).await;
    assert_eq!(body["error"]["code"], "internal_error");
    assert!(!body.to_string().contains("unobtainium"));
}

#[tokio::test]
async fn prices_follow_the_configured_shop_currency() {
    let app = TestApp::spawn_with(&[("shop.currency", "INR")]).await;
    let media = app.data_dir.join("media");
    app.with_conn(|c| {
        fairgold::seed::demo(
            c,
            &media,
            fairgold::money::Currency::Inr,
            &app.cipher,
            Some(&fairgold::crypto::LedgerSigner::development(None)),
            crate::helpers::now(),
        )
    })
    .unwrap();
    let list = app.json("/api/v1/pieces?sort=price_desc&price_min=100000", 200).await;
    let top = &list["data"][0]["price"];
    assert_eq!(top["currency"], "INR");
    assert!(top["amount_minor"].as_i64().unwrap() >= 10_000_000, "price_min is read in rupees");
    let formatted = top["formatted"].as_str().unwrap();
    assert!(formatted.starts_with('₹'), "{formatted}");
    // Indian grouping: ₹2,12,100.00 style (two-digit groups above the thousands).
    let digits = formatted.trim_start_matches('₹');
    let groups: Vec<&str> = digits.split('.').next().unwrap().split(',').collect();
    assert_eq!(groups.last().unwrap().len(), 3, "{formatted}");
    assert!(groups[1..groups.len() - 1].iter().all(|g| g.len() == 2), "{formatted}");
    let html = app.page("/pieces", 200).await;
    assert!(html.contains('₹') && !html.contains("$"), "the catalog shows rupees only");
}
