//! Demo catalog seed content: the ten workshop artisans (public aliases,
//! optional public stories, and their private records) and the sixty
//! one-of-a-kind pieces shown in the demo shop.
//!
//! Pure data. Everything is deterministic: the hand-written catalog table is
//! expanded with a fixed-seed `fastrand::Rng`, and nothing reads the clock.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Ring,
    Pendant,
    Earrings,
    Bangle,
    Necklace,
    Bracelet,
    NosePin,
    Chain,
}

#[derive(Debug, Clone)]
pub struct ArtisanSeed {
    /// Public alias the artisan chose: one name and at most a letter, never taken from the
    /// legal name (`artisans::service::alias_taken_from`).
    pub alias: &'static str,
    /// `"kolkata"` or `"mumbai"`.
    pub center: &'static str,
    /// Public, craft-focused story (only shown when `profile_consent`).
    pub story: Option<&'static str>,
    /// Consented to a public profile page.
    pub profile_consent: bool,
    /// Consented to be named on piece pages; the others are "a goldsmith of the … workshop".
    pub attribution: bool,
    /// Consented to a portrait (the demo draws an abstract one, never a face).
    pub portrait: bool,
    /// PRIVATE: never shown publicly.
    pub legal_name: &'static str,
    /// PRIVATE: never shown publicly. Obviously fake demo numbers.
    pub phone: &'static str,
}

#[derive(Debug, Clone)]
pub struct StoneSeed {
    /// Lowercase singular: "ruby", "emerald", "sapphire", "diamond", "pearl", "garnet", "moonstone".
    pub kind: &'static str,
    pub count: i32,
    /// Total carat weight of all `count` stones, in hundredths of a carat.
    pub carats_hundredths: i64,
}

#[derive(Debug, Clone)]
pub struct PieceSeed {
    pub kind: Kind,
    pub title: String,
    pub description: String,
    pub metal: &'static str,
    pub purity: &'static str,
    pub gross_weight_mg: i64,
    pub net_weight_mg: i64,
    pub stones: Vec<StoneSeed>,
    pub ring_size: Option<i32>,
    pub huid: Option<String>,
    pub price_minor: i64,
    pub center: &'static str,
    pub makers: Vec<(usize, i64)>,
    pub status: &'static str,
    pub listed_days_ago: Option<i64>,
    pub featured: bool,
    pub image_count: u8,
}

/// The ten artisans: indices 0..=3 work at Kolkata, 4..=7 at Mumbai (the makers of the
/// pieces); 8 at Kolkata and 9 at Mumbai.
pub fn artisans() -> Vec<ArtisanSeed> {
    vec![
        ArtisanSeed {
            alias: "Asha K.",
            center: "kolkata",
            story: Some(
                "Asha joined the Kolkata workshop in 2021 and fell in love with filigree. \
                 She likes pieces that take patience, and says the quiet rhythm of the bench helps her think. \
                 Today she also helps newer trainees learn to draw and twist wire.",
            ),
            profile_consent: true,
            attribution: true,
            portrait: true,
            legal_name: "Tanushree Mondal",
            phone: "+91 90000 00101",
        },
        ArtisanSeed {
            alias: "Rupa D.",
            center: "kolkata",
            story: Some(
                "Rupa trained as a goldsmith in 2019 and now specialises in granulation and kalkatti scrollwork. \
                 Her favourite motif is the lotus, which she sketches again and again before she cuts any metal. \
                 She hopes to run a design bench of her own one day.",
            ),
            profile_consent: true,
            attribution: true,
            portrait: false,
            legal_name: "Sabina Khatun",
            phone: "+91 90000 00102",
        },
        ArtisanSeed {
            alias: "Moni",
            center: "kolkata",
            story: None,
            profile_consent: false,
            attribution: false,
            portrait: false,
            legal_name: "Priyanka Halder",
            phone: "+91 90000 00103",
        },
        ArtisanSeed {
            alias: "Parveen B.",
            center: "kolkata",
            story: Some(
                "Parveen is known in the workshop for her crisp rope twists and perfectly matched pairs of earrings. \
                 She began her training in 2022 and completed her goldsmithing certificate last year.",
            ),
            profile_consent: false,
            attribution: true,
            portrait: false,
            legal_name: "Reshma Naskar",
            phone: "+91 90000 00104",
        },
        ArtisanSeed {
            alias: "Lakshmi P.",
            center: "mumbai",
            story: Some(
                "Lakshmi came to the Mumbai workshop in 2020 without ever having held a jeweller's hammer. \
                 Five years on, she leads the forming bench and is teaching two apprentices. \
                 She loves plain, weighty gold that still shows the marks of the tools.",
            ),
            profile_consent: true,
            attribution: true,
            portrait: true,
            legal_name: "Vaishali Gaikwad",
            phone: "+91 90000 00105",
        },
        ArtisanSeed {
            alias: "Sunita R.",
            center: "mumbai",
            story: Some(
                "Sunita enjoys precise work: stone setting, jali piercing and anything that needs a loupe. \
                 Her first solo piece, a small pair of studs, is still the one she talks about most. \
                 She is now learning to carve her own designs in wax.",
            ),
            profile_consent: true,
            attribution: true,
            portrait: false,
            legal_name: "Manisha Jadhav",
            phone: "+91 90000 00106",
        },
        ArtisanSeed {
            alias: "Nasreen",
            center: "mumbai",
            story: None,
            profile_consent: false,
            attribution: false,
            portrait: false,
            legal_name: "Farida Qureshi",
            phone: "+91 90000 00107",
        },
        ArtisanSeed {
            alias: "Kavita M.",
            center: "mumbai",
            story: None,
            profile_consent: false,
            attribution: false,
            portrait: false,
            legal_name: "Shobha Salunkhe",
            phone: "+91 90000 00108",
        },
        // Two more artisans without pieces of their own, not named in public: with them each workshop has
        // five artisans, so the demo's `/impact` publishes figures per center (k-anonymity).
        ArtisanSeed {
            alias: "Tara",
            center: "kolkata",
            story: None,
            profile_consent: false,
            attribution: false,
            portrait: false,
            legal_name: "Mitali Ghosh",
            phone: "+91 90000 00109",
        },
        ArtisanSeed {
            alias: "Jaya",
            center: "mumbai",
            story: None,
            profile_consent: false,
            attribution: false,
            portrait: false,
            legal_name: "Rekha Salve",
            phone: "+91 90000 00110",
        },
    ]
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tech {
    Lotus,
    Kalkatti,
    Hammered,
    Paisley,
    Granulation,
    Rope,
    Plain,
    Temple,
    Mango,
    Jali,
    Leaf,
    Peacock,
    Filigree,
    Repousse,
    Bead,
}

type Stones = &'static [(&'static str, i32, i64)];

/// (kind, title, technique, metal Y/R/W, purity code, center K/M, stones)
const CATALOG: &[(Kind, &str, Tech, char, &str, char, Stones)] = &[
    // Rings
    (Kind::Ring, "Lotus bud ring", Tech::Lotus, 'Y', "22", 'K', &[]),
    (Kind::Ring, "Kalkatti filigree ring", Tech::Kalkatti, 'Y', "22", 'K', &[]),
    (Kind::Ring, "Hammered stacking band", Tech::Hammered, 'Y', "14", 'M', &[]),
    (Kind::Ring, "Ruby paisley ring", Tech::Paisley, 'Y', "22", 'K', &[("ruby", 1, 35)]),
    (Kind::Ring, "Granulated dome ring", Tech::Granulation, 'Y', "22", 'K', &[]),
    (Kind::Ring, "Rope-twist signet ring", Tech::Rope, 'Y', "20", 'M', &[]),
    (Kind::Ring, "Diamond star-set band", Tech::Plain, 'W', "18", 'M', &[("diamond", 5, 15)]),
    (Kind::Ring, "Temple pillar ring", Tech::Temple, 'Y', "22", 'K', &[]),
    (Kind::Ring, "Emerald mango ring", Tech::Mango, 'Y', "18", 'M', &[("emerald", 1, 50)]),
    (Kind::Ring, "Rose gold jali ring", Tech::Jali, 'R', "14", 'M', &[]),
    (Kind::Ring, "Moonstone cabochon ring", Tech::Plain, 'R', "18", 'K', &[("moonstone", 1, 120)]),
    (Kind::Ring, "Twin leaf wrap ring", Tech::Leaf, 'Y', "18", 'M', &[]),
    // Pendants
    (Kind::Pendant, "Peacock feather pendant", Tech::Peacock, 'Y', "22", 'K', &[("sapphire", 1, 25)]),
    (Kind::Pendant, "Filigree teardrop pendant", Tech::Filigree, 'Y', "22", 'K', &[]),
    (Kind::Pendant, "Repoussé sun disc pendant", Tech::Repousse, 'Y', "24", 'M', &[]),
    (Kind::Pendant, "Pearl drop lotus pendant", Tech::Lotus, 'Y', "22", 'K', &[("pearl", 1, 180)]),
    (Kind::Pendant, "Kalka paisley pendant", Tech::Paisley, 'Y', "18", 'K', &[]),
    (Kind::Pendant, "Jali window pendant", Tech::Jali, 'Y', "22", 'M', &[]),
    (Kind::Pendant, "Hammered crescent pendant", Tech::Hammered, 'R', "14", 'M', &[]),
    (Kind::Pendant, "Garnet temple pendant", Tech::Temple, 'Y', "22", 'K', &[("garnet", 3, 120)]),
    (Kind::Pendant, "Diamond dewdrop pendant", Tech::Plain, 'W', "18", 'M', &[("diamond", 1, 25)]),
    // Earrings
    (Kind::Earrings, "Hammered hoop earrings", Tech::Hammered, 'Y', "14", 'M', &[]),
    (Kind::Earrings, "Filigree jhumka earrings", Tech::Filigree, 'Y', "22", 'K', &[]),
    (Kind::Earrings, "Pearl chandbali earrings", Tech::Granulation, 'Y', "22", 'M', &[("pearl", 6, 300)]),
    (Kind::Earrings, "Kalkatti stud earrings", Tech::Kalkatti, 'Y', "20", 'K', &[]),
    (Kind::Earrings, "Mango drop earrings", Tech::Mango, 'Y', "22", 'K', &[]),
    (Kind::Earrings, "Peacock tail earrings", Tech::Peacock, 'Y', "18", 'M', &[("emerald", 2, 30)]),
    (Kind::Earrings, "Rose gold leaf earrings", Tech::Leaf, 'R', "18", 'K', &[]),
    (Kind::Earrings, "Granulated bead studs", Tech::Granulation, 'Y', "22", 'K', &[]),
    (Kind::Earrings, "Rope-twist huggie earrings", Tech::Rope, 'W', "14", 'M', &[]),
    (Kind::Earrings, "Ruby lotus studs", Tech::Lotus, 'Y', "18", 'M', &[("ruby", 2, 40)]),
    (Kind::Earrings, "Jali teardrop earrings", Tech::Jali, 'Y', "22", 'K', &[]),
    // Bangles
    (Kind::Bangle, "Plain-polished kada", Tech::Plain, 'Y', "22", 'K', &[]),
    (Kind::Bangle, "Rope-twist bangle", Tech::Rope, 'Y', "22", 'M', &[]),
    (Kind::Bangle, "Kalkatti filigree bangle", Tech::Kalkatti, 'Y', "20", 'K', &[]),
    (Kind::Bangle, "Hammered cuff bangle", Tech::Hammered, 'R', "18", 'M', &[]),
    (Kind::Bangle, "Temple motif bangle", Tech::Temple, 'Y', "22", 'K', &[("ruby", 4, 60)]),
    (Kind::Bangle, "Granulated lotus bangle", Tech::Granulation, 'Y', "18", 'K', &[]),
    // Necklaces
    (Kind::Necklace, "Lotus chain necklace", Tech::Lotus, 'Y', "22", 'K', &[]),
    (Kind::Necklace, "Temple coin necklace", Tech::Temple, 'Y', "23", 'M', &[]),
    (Kind::Necklace, "Mango motif necklace", Tech::Mango, 'Y', "22", 'K', &[("garnet", 7, 210)]),
    (Kind::Necklace, "Pearl and gold bead necklace", Tech::Bead, 'Y', "18", 'M', &[("pearl", 21, 840)]),
    (Kind::Necklace, "Peacock collar necklace", Tech::Peacock, 'Y', "22", 'K', &[("ruby", 5, 75), ("emerald", 4, 60)]),
    // Bracelets
    (Kind::Bracelet, "Paisley link bracelet", Tech::Paisley, 'Y', "22", 'K', &[]),
    (Kind::Bracelet, "Hammered link bracelet", Tech::Hammered, 'Y', "14", 'M', &[]),
    (Kind::Bracelet, "Filigree flower bracelet", Tech::Filigree, 'Y', "22", 'K', &[]),
    (Kind::Bracelet, "Diamond jali bracelet", Tech::Jali, 'W', "18", 'M', &[("diamond", 7, 35)]),
    (Kind::Bracelet, "Rose gold bead bracelet", Tech::Bead, 'R', "9", 'M', &[]),
    (Kind::Bracelet, "Kalkatti leaf bracelet", Tech::Kalkatti, 'Y', "22", 'K', &[]),
    // Nose pins
    (Kind::NosePin, "Tiny lotus nose pin", Tech::Lotus, 'Y', "22", 'K', &[]),
    (Kind::NosePin, "Diamond flower nose pin", Tech::Plain, 'W', "18", 'M', &[("diamond", 1, 5)]),
    (Kind::NosePin, "Granulated star nose pin", Tech::Granulation, 'Y', "18", 'K', &[]),
    (Kind::NosePin, "Ruby dot nose pin", Tech::Plain, 'Y', "14", 'M', &[("ruby", 1, 5)]),
    (Kind::NosePin, "Paisley nose pin", Tech::Paisley, 'R', "14", 'K', &[]),
    // Chains
    (Kind::Chain, "Classic rope chain", Tech::Rope, 'Y', "22", 'M', &[]),
    (Kind::Chain, "Handmade box chain", Tech::Plain, 'Y', "22", 'K', &[]),
    (Kind::Chain, "Fine curb chain", Tech::Plain, 'W', "14", 'M', &[]),
    (Kind::Chain, "Bead-and-bar chain", Tech::Bead, 'Y', "18", 'K', &[]),
    (Kind::Chain, "Wheat-link chain", Tech::Plain, 'Y', "18", 'M', &[]),
    (Kind::Chain, "Rose gold cable chain", Tech::Plain, 'R', "9", 'K', &[]),
];

fn purity_of(code: &str) -> (&'static str, f64, &'static str) {
    // (purity id, US$ per gram of alloy, karat label)
    match code {
        "24" => ("24K", 125.0, "24K"),
        "23" => ("23K958", 120.0, "23K"),
        "22" => ("22K916", 115.0, "22K"),
        "20" => ("20K833", 104.0, "20K"),
        "18" => ("18K750", 94.0, "18K"),
        "14" => ("14K585", 73.0, "14K"),
        _ => ("9K375", 47.0, "9K"),
    }
}

fn lead_sentences(t: Tech) -> [&'static str; 3] {
    match t {
        Tech::Lotus => [
            "A lotus opens across the face of this piece, each petal cut from sheet gold and curved by hand over a doming block.",
            "The lotus is built petal by petal, with a fine raised rim soldered along every edge so the outline catches the light.",
            "Layered lotus petals rise from a small granulated heart, a motif the workshop returns to again and again.",
        ],
        Tech::Kalkatti => [
            "Made in the Kolkata \"kalkatti\" tradition: hair-fine wire is twisted, flattened and coiled into tight scrolls, then soldered into a frame one curl at a time.",
            "This is kalkatti work at its most patient, with hundreds of tiny wire coils packed edge to edge inside a raised border.",
            "The open kalkatti lacework was drawn out freehand, then filled with twisted wire scrolls that give the surface a soft shimmer.",
        ],
        Tech::Hammered => [
            "The surface is planished with a small round-faced hammer, leaving overlapping facets that throw light in every direction.",
            "Forged from a single bar and hammered to shape, it keeps the honest marks of the tools that made it.",
            "A hand-hammered texture softens the clean outline and gives the gold a warm, rippling glow.",
        ],
        Tech::Paisley => [
            "The kalka, or paisley, is traced in raised wire and finished with a granulated curl at its tip.",
            "A curving paisley is pierced from sheet gold, its edge lined with a delicate twisted-wire border.",
            "The paisley outline was sawn by hand and given a gently domed centre, so it reads clearly from across a room.",
        ],
        Tech::Granulation => [
            "Tiny spheres of gold, each smaller than a mustard seed, are arranged by hand and fused to the surface with a flame.",
            "Granulation covers the surface in neat rows of gold beads, an ancient technique that allows no shortcuts.",
            "Clusters of fused gold granules form the pattern, set off against a plain, high-polished ground.",
        ],
        Tech::Rope => [
            "Two strands of round wire are twisted together under tension to make a crisp rope pattern that catches the light along its length.",
            "The rope twist is drawn and twisted in the workshop, then shaped and soldered so the spiral runs unbroken.",
            "A classic rope twist gives this piece its rhythm: simple, sturdy and quietly traditional.",
        ],
        Tech::Plain => [
            "Plain gold, polished to a mirror finish: no enamel, no plating, just the colour of the metal itself.",
            "A clean, unadorned form where every proportion has to be right, because there is no ornament to hide behind.",
            "Left deliberately simple, it relies on careful filing and a deep hand polish for its glow.",
        ],
        Tech::Temple => [
            "Inspired by South Indian temple jewellery, the design borrows the stepped pillars and arches of old stone shrines.",
            "Temple motifs are chased into the gold from the front, giving crisp, carved-looking detail with real depth.",
            "A temple-style frame of tiny arches and beaded borders gives the piece a quietly ceremonial feel.",
        ],
        Tech::Mango => [
            "The mango, or ambi, shape is raised from sheet gold and outlined with a fine beaded wire.",
            "A plump mango motif, a favourite in wedding jewellery, is chased with a subtle leaf vein down its centre.",
            "Graduated mango forms follow one after another, each hollow-formed so the piece stays light.",
        ],
        Tech::Jali => [
            "The jali, a pierced lattice like the carved stone screens of old buildings, is sawn out by hand with a fine fret saw.",
            "A pierced jali pattern lets light pass through the gold, with every opening filed clean and bright.",
            "Geometric jali cut-work gives the piece an airy, architectural look while keeping it light to wear.",
        ],
        Tech::Leaf => [
            "Slender leaves are cut from sheet gold and given a chased central vein before being curved into shape.",
            "The leaves are forged thin at the tips and fuller at the stem, so they feel natural and catch the light softly.",
            "A trailing vine of small leaves wraps the form, each leaf set at a slightly different angle.",
        ],
        Tech::Peacock => [
            "The peacock is a favourite motif in the workshop; here its feathers are built from layered wire and tiny domed eyes.",
            "Sweeping peacock tail feathers are chased in low relief, each eye picked out with a ring of granules.",
            "A stylised peacock in profile, its crest and tail traced in raised gold wire.",
        ],
        Tech::Filigree => [
            "Fine filigree wire is twisted, flattened and bent into scrolls, then soldered into an open frame that is surprisingly strong.",
            "Open filigree gives this piece its lightness; the wire was drawn down in the workshop and shaped with tweezers.",
            "Delicate filigree scrolls fill the frame, the kind of work that needs patience and a steady hand.",
        ],
        Tech::Repousse => [
            "Worked in repoussé, the design is pushed out from the back of the sheet and refined from the front with small chasing tools.",
            "The raised relief is made by repoussé: the sheet rests on a bed of pitch while the pattern is punched up from behind.",
            "Repoussé gives the gold soft, rounded volume, with the motif standing well proud of the ground.",
        ],
        Tech::Bead => [
            "Hollow gold beads are formed from two domed halves, soldered together and polished one at a time.",
            "Round gold beads, each made by hand, are arranged in a gentle graduation.",
            "Hand-made gold beads alternate with fine spacers, so the piece moves and sits easily.",
        ],
    }
}

fn kind_sentences(k: Kind) -> [&'static str; 3] {
    match k {
        Kind::Ring => [
            "The band is comfortable for everyday wear, with a softly rounded inside edge.",
            "Its proportions are balanced so it sits comfortably without turning on the finger.",
            "The shank is forged for strength and tapers gently towards the palm.",
        ],
        Kind::Pendant => [
            "It hangs from a hand-made bail wide enough for most chains.",
            "The back is finished as carefully as the front, so it looks right however it turns.",
            "Light enough for daily wear, it sits just below the collarbone on an average-length chain.",
        ],
        Kind::Earrings => [
            "The pair is matched by eye rather than cast from a mould, so each earring is very slightly its own.",
            "They are light enough to wear all day, with solid gold ear wires.",
            "They hang lightly and move softly with the wearer.",
        ],
        Kind::Bangle => [
            "The bangle is solid and substantial, with a rounded inner edge that slips easily over the hand.",
            "It is sized for a medium wrist and feels comfortably weighty when worn.",
            "Worn alone or stacked, it has real presence without looking heavy.",
        ],
        Kind::Necklace => [
            "It closes with a hand-made hook clasp and sits gracefully at the base of the neck.",
            "Every element is joined by hand, so the necklace drapes softly rather than stiffly.",
            "Substantial but balanced, it is a piece for weddings, festivals and everything in between.",
        ],
        Kind::Bracelet => [
            "The links are joined by hand and move freely, closing with a secure box clasp.",
            "It wraps the wrist with a gentle drape and fastens with a hand-made clasp.",
            "Each link is individually soldered, so the bracelet is strong enough for everyday wear.",
        ],
        Kind::NosePin => [
            "The pin has a small screw back for a secure, comfortable fit.",
            "Small and delicate, it is made for everyday wear.",
            "A short stem with a gentle bend keeps it comfortable and secure.",
        ],
        Kind::Chain => [
            "Every link was formed on a mandrel and closed by hand before the whole chain was polished.",
            "It is long enough to wear on its own or with a pendant, and closes with a hand-made clasp.",
            "The chain is supple and strong, with an even, liquid drape.",
        ],
    }
}

fn number_word(n: i32) -> String {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    match n {
        0..=19 => ONES[n as usize].to_string(),
        20..=99 if n % 10 == 0 => TENS[(n / 10) as usize].to_string(),
        20..=99 => format!("{}-{}", TENS[(n / 10) as usize], ONES[(n % 10) as usize]),
        _ => n.to_string(),
    }
}

fn plural(kind: &str, n: i32) -> String {
    if n == 1 {
        kind.to_string()
    } else if let Some(stem) = kind.strip_suffix('y') {
        format!("{stem}ies")
    } else {
        format!("{kind}s")
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn stone_sentence(stones: &[StoneSeed], variant: usize) -> Option<String> {
    let first = stones.first()?;
    if stones.len() > 1 {
        let parts: Vec<String> =
            stones.iter().map(|s| format!("{} {}", number_word(s.count), plural(s.kind, s.count))).collect();
        let list = match parts.len() {
            2 => format!("{} and {}", parts[0], parts[1]),
            _ => {
                let (last, rest) = parts.split_last().expect("non-empty");
                format!("{}, and {}", rest.join(", "), last)
            }
        };
        return Some(format!("It is set with {list} in hand-raised collets."));
    }
    let s = first;
    if s.kind == "pearl" {
        return Some(if s.count == 1 {
            "A single lustrous pearl, chosen by hand for its even skin, completes the design.".to_string()
        } else {
            format!(
                "{} cream pearls, chosen by hand for their even lustre, soften the gold.",
                capitalize(&number_word(s.count))
            )
        });
    }
    if s.count == 1 {
        let setting = if s.kind == "moonstone" {
            "a smooth cabochon set in a hand-raised bezel"
        } else if variant.is_multiple_of(2) {
            "set in a hand-raised bezel"
        } else {
            "held in a hand-cut claw setting"
        };
        Some(format!("A single {} sits at its centre, {}.", s.kind, setting))
    } else {
        Some(format!(
            "{} {} are set into tiny hand-cut collets along the design.",
            capitalize(&number_word(s.count)),
            plural(s.kind, s.count)
        ))
    }
}

fn metal_sentence(metal: &str, karat: &str, variant: usize) -> String {
    match (metal, variant % 2) {
        ("rose_gold", 0) => {
            format!("Made in {karat} rose gold, whose copper warmth suits the design.")
        }
        ("rose_gold", _) => format!("The {karat} rose gold is finished with a soft satin glow."),
        ("white_gold", 0) => format!("Made in {karat} white gold for a cool, silvery look."),
        ("white_gold", _) => format!("The {karat} white gold is polished to a bright, cool shine."),
        (_, 0) => format!("Finished in {karat} yellow gold with a deep hand polish."),
        _ => format!("The {karat} yellow gold is left with a warm, lightly brushed glow."),
    }
}

/// Round a dollar amount to a whole number ending in 0 or 5, returned in cents.
fn price_cents(dollars: f64) -> i64 {
    ((dollars / 5.0).round() as i64) * 500
}

fn stone_value(s: &StoneSeed) -> f64 {
    let ct = s.carats_hundredths as f64 / 100.0;
    match s.kind {
        "diamond" => ct * 900.0,
        "ruby" | "emerald" | "sapphire" => ct * 300.0,
        "pearl" => s.count as f64 * 15.0,
        _ => ct * 40.0,
    }
}

/// The sixty demo pieces. Deterministic: same output on every call.
pub fn pieces() -> Vec<PieceSeed> {
    let mut rng = fastrand::Rng::with_seed(0x0F41_60D5_2026);
    let n = CATALOG.len();

    // Status assignment: 12 sold, 2 draft, 1 withdrawn, rest listed.
    let mut order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut order);
    let mut status = vec!["listed"; n];
    for (pos, &i) in order.iter().enumerate() {
        status[i] = match pos {
            0..=11 => "sold",
            12 | 13 => "draft",
            14 => "withdrawn",
            _ => "listed",
        };
    }
    // Featured: 8 listed pieces.
    let mut listed: Vec<usize> = (0..n).filter(|&i| status[i] == "listed").collect();
    rng.shuffle(&mut listed);
    let featured: Vec<usize> = listed.iter().take(8).copied().collect();

    // Pieces without a HUID: nose pins (under 2 g, hallmark-exempt), drafts
    // (not hallmarked yet), plus a couple of older pieces to reach nine.
    let mut no_huid: Vec<usize> = (0..n).filter(|&i| CATALOG[i].0 == Kind::NosePin || status[i] == "draft").collect();
    while no_huid.len() < 9 {
        let i = rng.usize(0..n);
        if !no_huid.contains(&i) {
            no_huid.push(i);
        }
    }

    // Two-maker pieces: nine of them.
    let mut duo_order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut duo_order);
    let duo: Vec<usize> = duo_order.into_iter().take(9).collect();

    let mut used_huids: Vec<String> = Vec::new();
    let mut lead_counter = [0usize; 15];
    let mut kind_counter = [0usize; 8];
    let mut maker_turn = [0usize; 2];
    let mut ring_no = 0;
    let mut out = Vec::with_capacity(n);

    for (i, &(kind, title, tech, metal_c, purity_c, center_c, stones_t)) in CATALOG.iter().enumerate() {
        let metal = match metal_c {
            'R' => "rose_gold",
            'W' => "white_gold",
            _ => "yellow_gold",
        };
        let (purity, rate, karat) = purity_of(purity_c);
        let center = if center_c == 'K' { "kolkata" } else { "mumbai" };
        let stones: Vec<StoneSeed> =
            stones_t.iter().map(|&(k, c, h)| StoneSeed { kind: k, count: c, carats_hundredths: h }).collect();

        // Net metal weight (mg), by kind.
        let (lo, hi) = match kind {
            Kind::Ring => (2_000, 7_000),
            Kind::Pendant => (2_000, 8_000),
            Kind::Earrings => (3_000, 10_000),
            Kind::NosePin => (300, 1_000),
            Kind::Bangle => (10_000, 25_000),
            Kind::Bracelet => (6_000, 15_000),
            Kind::Chain => (5_000, 20_000),
            Kind::Necklace => (15_000, 40_000),
        };
        let net_weight_mg = rng.i64(lo / 10..=hi / 10) * 10;
        let stone_mg: i64 = stones.iter().map(|s| s.carats_hundredths * 2).sum();
        let gross_weight_mg = net_weight_mg + stone_mg;

        // Making charge by kind and technique.
        let (mk_lo, mk_hi) = match kind {
            Kind::NosePin => (80, 150),
            Kind::Ring => (120, 300),
            Kind::Pendant => (140, 320),
            Kind::Earrings => (150, 350),
            Kind::Chain => (150, 300),
            Kind::Bracelet => (200, 400),
            Kind::Bangle => (220, 450),
            Kind::Necklace => (350, 600),
        };
        let intricate = matches!(
            tech,
            Tech::Filigree | Tech::Granulation | Tech::Kalkatti | Tech::Peacock | Tech::Jali | Tech::Repousse
        );
        let mut making = rng.i64(mk_lo..=mk_hi) as f64;
        if intricate {
            making = (making * 1.25).min(600.0);
        }
        let stones_usd: f64 = stones.iter().map(stone_value).sum();
        let price_minor = price_cents(net_weight_mg as f64 / 1000.0 * rate + making + stones_usd);

        // Labor in minutes (multiples of 15), 6–60 hours.
        let (h_lo, h_hi) = match kind {
            Kind::NosePin => (6, 10),
            Kind::Ring => (8, 24),
            Kind::Pendant => (10, 28),
            Kind::Earrings => (12, 30),
            Kind::Chain => (12, 30),
            Kind::Bracelet => (18, 40),
            Kind::Bangle => (20, 45),
            Kind::Necklace => (36, 56),
        };
        let mut quarters = rng.i64(h_lo * 4..=h_hi * 4);
        if intricate {
            quarters = (quarters * 5 / 4).min(60 * 4);
        }
        let total_minutes = quarters * 15;

        // Makers from the piece's center (artisans 0..=3 Kolkata, 4..=7 Mumbai).
        let ci = if center == "kolkata" { 0 } else { 1 };
        let base = ci * 4;
        let primary = base + (maker_turn[ci] + rng.usize(0..2)) % 4;
        maker_turn[ci] += 1;
        let makers = if duo.contains(&i) {
            let second = base + (primary - base + 1 + rng.usize(0..3)) % 4;
            let q1 = (quarters * 3 / 5).max(1);
            vec![(primary, q1 * 15), (second, (quarters - q1) * 15)]
        } else {
            vec![(primary, total_minutes)]
        };

        let ring_size = if kind == Kind::Ring {
            ring_no += 1;
            Some(match ring_no {
                4 => 6,
                10 => 23,
                _ => rng.i32(8..=20),
            })
        } else {
            None
        };

        let huid = if no_huid.contains(&i) {
            None
        } else {
            const CH: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
            loop {
                let s: String = (0..6).map(|_| CH[rng.usize(0..CH.len())] as char).collect();
                if !used_huids.contains(&s) && s.chars().any(|c| c.is_ascii_alphabetic()) {
                    used_huids.push(s.clone());
                    break Some(s);
                }
            }
        };

        // Description: lead (technique) + kind/stone detail, optional paragraph
        // break, then a finish sentence (and ring size for rings).
        let li = tech as usize;
        let lead = lead_sentences(tech)[lead_counter[li] % 3];
        lead_counter[li] += 1;
        let ki = kind as usize;
        let kind_s = if kind == Kind::Earrings && title.contains("stud") {
            "Both studs have solid gold posts and secure, hand-made backs."
        } else if kind == Kind::Earrings && (title.contains("hoop") || title.contains("huggie")) {
            "They close with a neat hinged catch that is easy to open and hard to lose."
        } else {
            let k = kind_sentences(kind)[kind_counter[ki] % 3];
            kind_counter[ki] += 1;
            k
        };
        let variant = rng.usize(0..4);
        let stone_s = stone_sentence(&stones, variant);
        let metal_s = metal_sentence(metal, karat, variant + i);
        let mut description = String::from(lead);
        match (&stone_s, ring_size) {
            (Some(s), Some(sz)) => {
                description.push(' ');
                description.push_str(s);
                description.push_str(&format!(
                    "\n\n{metal_s} Sized to Indian ring size {sz}; a jeweller can usually adjust it by a size or two."
                ));
            }
            (None, Some(sz)) => {
                description.push(' ');
                description.push_str(kind_s);
                description.push_str(&format!("\n\n{metal_s} Sized to Indian ring size {sz}."));
            }
            (Some(s), None) => {
                description.push(' ');
                description.push_str(s);
                if variant.is_multiple_of(2) {
                    description.push(' ');
                    description.push_str(kind_s);
                }
                description.push_str("\n\n");
                description.push_str(&metal_s);
            }
            (None, None) => {
                description.push(' ');
                description.push_str(kind_s);
                if variant != 3 {
                    description.push_str("\n\n");
                    description.push_str(&metal_s);
                }
            }
        }

        let st = status[i];
        let listed_days_ago = match st {
            "draft" => None,
            "sold" => Some(rng.i64(30..=200)),
            "withdrawn" => Some(rng.i64(60..=200)),
            _ => Some(rng.i64(1..=180)),
        };
        let is_featured = featured.contains(&i);
        let image_count = if is_featured { 3 } else { rng.u8(1..=3) };

        out.push(PieceSeed {
            kind,
            title: title.to_string(),
            description,
            metal,
            purity,
            gross_weight_mg,
            net_weight_mg,
            stones,
            ring_size,
            huid,
            price_minor,
            center,
            makers,
            status: st,
            listed_days_ago,
            featured: is_featured,
            image_count,
        });
    }
    out
}
