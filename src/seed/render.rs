//! Abstract SVG "product renders" for seeded jewelry pieces.
//!
//! Owns `piece_svg`: a deterministic, self-contained 800×800 SVG (linen
//! background, gold gradients, soft drop shadow, coloured gems) that makes
//! each `Kind` recognisable. No text, scripts, `style` attributes or external
//! references; only presentation attributes.

use super::content::{Kind, StoneSeed};
use std::f64::consts::PI;
use std::fmt::Write as _;

pub const SIZE: u32 = 800;

macro_rules! w {
    ($c:expr, $($a:tt)*) => {{
        let _ = write!($c.s, $($a)*);
    }};
}

#[derive(Clone, Copy)]
struct Pal {
    hi: &'static str,
    light: &'static str,
    mid: &'static str,
    dark: &'static str,
    deep: &'static str,
}

fn metal_pal(metal: &str) -> Pal {
    match metal {
        "rose_gold" => Pal { hi: "#fff1ea", light: "#f2c2ab", mid: "#cd8d72", dark: "#8c5341", deep: "#5c3226" },
        "white_gold" => Pal { hi: "#ffffff", light: "#eef1f4", mid: "#bcc3ca", dark: "#78818b", deep: "#4a515a" },
        _ => Pal { hi: "#fff8d2", light: "#f6e27a", mid: "#c9a227", dark: "#8a6a12", deep: "#5b450b" },
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Cut {
    Faceted,
    Brilliant,
    Cabochon,
    Pearl,
}

struct GemPal {
    hi: &'static str,
    mid: &'static str,
    dark: &'static str,
    cut: Cut,
}

const GEMS: [GemPal; 10] = [
    GemPal { hi: "#ffa3b0", mid: "#c8102e", dark: "#5c0616", cut: Cut::Faceted }, // ruby
    GemPal { hi: "#a8f5c8", mid: "#14915a", dark: "#06432a", cut: Cut::Faceted }, // emerald
    GemPal { hi: "#b0c6ff", mid: "#2443b0", dark: "#0b1752", cut: Cut::Faceted }, // sapphire
    GemPal { hi: "#ffffff", mid: "#e2ebf3", dark: "#8ea2b5", cut: Cut::Brilliant }, // diamond
    GemPal { hi: "#fffef8", mid: "#f1e7d1", dark: "#b9a783", cut: Cut::Pearl },   // pearl
    GemPal { hi: "#ee97a0", mid: "#7d1022", dark: "#3a0610", cut: Cut::Faceted }, // garnet
    GemPal { hi: "#fbfcff", mid: "#d3ddef", dark: "#8593b4", cut: Cut::Cabochon }, // moonstone
    GemPal { hi: "#e6caff", mid: "#7b3fb5", dark: "#3a1760", cut: Cut::Faceted }, // amethyst
    GemPal { hi: "#fff2ad", mid: "#e0a21a", dark: "#8a5a06", cut: Cut::Faceted }, // citrine/topaz
    GemPal { hi: "#dcecef", mid: "#5f8c9a", dark: "#244650", cut: Cut::Faceted }, // anything else
];

fn gem_index(kind: &str) -> usize {
    let k = kind.trim().to_ascii_lowercase();
    let table: [(&str, usize); 12] = [
        ("rub", 0),
        ("emerald", 1),
        ("sapphire", 2),
        ("diamond", 3),
        ("pearl", 4),
        ("garnet", 5),
        ("moonstone", 6),
        ("amethyst", 7),
        ("citrine", 8),
        ("topaz", 8),
        ("spinel", 0),
        ("tourmaline", 1),
    ];
    table.iter().find(|(p, _)| k.starts_with(p)).map(|&(_, i)| i).unwrap_or(9)
}

/// Compact number formatting: one decimal, trailing ".0" dropped.
struct N(f64);

impl std::fmt::Display for N {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let r = (self.0 * 10.0).round() / 10.0;
        let r = if r == 0.0 { 0.0 } else { r };
        if r.fract() == 0.0 {
            write!(f, "{r:.0}")
        } else {
            write!(f, "{r:.1}")
        }
    }
}

struct C {
    s: String,
    uid: u32,
    pal: Pal,
    gems: Vec<usize>,
    rng: fastrand::Rng,
    style: u32,
    tilt: f64,
}

/// Evenly spaced points (x, y, tangent angle in degrees) along a curve `f(t)`, t ∈ [0, 1].
fn along<F: Fn(f64) -> (f64, f64)>(f: F, spacing: f64, offset: f64) -> Vec<(f64, f64, f64)> {
    let steps = 900;
    let mut out = Vec::new();
    let (mut px, mut py) = f(0.0);
    let mut acc = 0.0;
    let mut next = offset;
    for i in 1..=steps {
        let (x, y) = f(i as f64 / steps as f64);
        let d = ((x - px).powi(2) + (y - py).powi(2)).sqrt();
        if d > 0.0 {
            let ang = (y - py).atan2(x - px).to_degrees();
            while acc + d >= next {
                let u = (next - acc) / d;
                out.push((px + (x - px) * u, py + (y - py) * u, ang));
                next += spacing;
            }
            acc += d;
        }
        px = x;
        py = y;
    }
    out
}

fn drop_path(cx: f64, cy: f64, r: f64) -> String {
    // Teardrop: point at top (cy - 1.5r), round bottom centred on (cx, cy + 0.3r).
    let b = cy + 0.3 * r;
    format!(
        "M{:.1} {:.1}C{:.1} {:.1} {:.1} {:.1} {:.1} {:.1}A{r:.1} {r:.1} 0 0 1 {:.1} {:.1}C{:.1} {:.1} {:.1} {:.1} {:.1} {:.1}Z",
        cx,
        cy - 1.5 * r,
        cx + 0.55 * r,
        cy - 0.9 * r,
        cx + r,
        cy - 0.35 * r,
        cx + r,
        b,
        cx - r,
        b,
        cx - r,
        cy - 0.35 * r,
        cx - 0.55 * r,
        cy - 0.9 * r,
        cx,
        cy - 1.5 * r
    )
}

impl C {
    fn defs(&mut self) {
        let p = self.pal;
        w!(
            self,
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" viewBox="0 0 {SIZE} {SIZE}"><defs><radialGradient id="bg" cx="50%" cy="44%" r="72%"><stop offset="0" stop-color="#fcf8f0"/><stop offset=".62" stop-color="#f3eadb"/><stop offset="1" stop-color="#ddcdb0"/></radialGradient><pattern id="ln" width="6" height="6" patternUnits="userSpaceOnUse"><path d="M0 .5H6M.5 0V6" stroke="#7a6540" stroke-opacity=".05"/></pattern><radialGradient id="cs"><stop offset="0" stop-color="#4a3815" stop-opacity=".34"/><stop offset="1" stop-color="#4a3815" stop-opacity="0"/></radialGradient>"##
        );
        w!(
            self,
            r#"<linearGradient id="m" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="{}"/><stop offset=".22" stop-color="{}"/><stop offset=".52" stop-color="{}"/><stop offset=".8" stop-color="{}"/><stop offset="1" stop-color="{}"/></linearGradient>"#,
            p.hi,
            p.light,
            p.mid,
            p.dark,
            p.mid
        );
        w!(
            self,
            r#"<linearGradient id="n" x1="1" y1="1" x2="0" y2="0"><stop offset="0" stop-color="{}"/><stop offset=".4" stop-color="{}"/><stop offset=".8" stop-color="{}"/><stop offset="1" stop-color="{}"/></linearGradient>"#,
            p.light,
            p.mid,
            p.dark,
            p.deep
        );
        w!(
            self,
            r#"<radialGradient id="b" cx=".36" cy=".3" r=".78"><stop offset="0" stop-color="{}"/><stop offset=".25" stop-color="{}"/><stop offset=".68" stop-color="{}"/><stop offset="1" stop-color="{}"/></radialGradient>"#,
            p.hi,
            p.light,
            p.mid,
            p.dark
        );
        let mut used: Vec<usize> = self.gems.clone();
        used.sort_unstable();
        used.dedup();
        for g in used {
            let gp = &GEMS[g];
            let (cx, mo) = if matches!(gp.cut, Cut::Pearl | Cut::Cabochon) { (".38", ".58") } else { (".42", ".5") };
            w!(
                self,
                r#"<radialGradient id="g{g}" cx="{cx}" cy=".36" r=".72"><stop offset="0" stop-color="{}"/><stop offset="{mo}" stop-color="{}"/><stop offset="1" stop-color="{}"/></radialGradient>"#,
                gp.hi,
                gp.mid,
                gp.dark
            );
        }
        w!(
            self,
            r##"<filter id="ds" x="-15%" y="-15%" width="130%" height="135%"><feGaussianBlur in="SourceAlpha" stdDeviation="7"/><feOffset dx="5" dy="11" result="o"/><feFlood flood-color="#4a3510" flood-opacity=".33"/><feComposite in2="o" operator="in"/><feMerge><feMergeNode/><feMergeNode in="SourceGraphic"/></feMerge></filter></defs><rect width="800" height="800" fill="url(#bg)"/><rect width="800" height="800" fill="url(#ln)"/>"##
        );
    }

    /// Soft contact shadow on the "table".
    fn floor(&mut self, cx: f64, cy: f64, rx: f64, ry: f64) {
        w!(self, r#"<ellipse cx="{cx:.0}" cy="{cy:.0}" rx="{rx:.0}" ry="{ry:.0}" fill="url(#cs)"/>"#);
    }

    /// Opens the piece group (drop shadow + rotation). Closed by `piece_svg`.
    fn open(&mut self, rot: f64, cx: f64, cy: f64) {
        w!(self, r#"<g filter="url(#ds)"><g transform="rotate({rot:.1} {cx:.0} {cy:.0})">"#);
    }

    fn gem_slot(&self, i: usize) -> Option<usize> {
        self.gems.get(i).copied()
    }

    fn gem(&mut self, x: f64, y: f64, r: f64, g: usize) {
        let gp = &GEMS[g];
        w!(
            self,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="url(#g{g})" stroke="{}" stroke-width="{:.1}"/>"#,
            gp.dark,
            (r * 0.06).clamp(0.8, 2.0)
        );
        if r >= 12.0 && matches!(gp.cut, Cut::Faceted | Cut::Brilliant) {
            let t = r * 0.52;
            let mut d = String::new();
            for i in 0..8 {
                let a = PI / 8.0 + i as f64 * PI / 4.0;
                let _ = write!(d, "{}{:.1} {:.1}", if i == 0 { 'M' } else { 'L' }, x + t * a.cos(), y + t * a.sin());
            }
            d.push('Z');
            if gp.cut == Cut::Brilliant && r >= 18.0 {
                for i in 0..8 {
                    let a = PI / 8.0 + i as f64 * PI / 4.0;
                    let b = a + PI / 8.0;
                    let _ = write!(
                        d,
                        "M{:.1} {:.1}L{:.1} {:.1}",
                        x + t * a.cos(),
                        y + t * a.sin(),
                        x + r * 0.97 * b.cos(),
                        y + r * 0.97 * b.sin()
                    );
                }
            }
            let (col, op) = if gp.cut == Cut::Brilliant { (GEMS[3].dark, ".8") } else { (gp.hi, ".55") };
            w!(
                self,
                r#"<path d="{d}" fill="none" stroke="{col}" stroke-opacity="{op}" stroke-width="{:.1}"/>"#,
                (r * 0.05).clamp(0.7, 1.6)
            );
        }
        let (hx, hy) = (x - 0.32 * r, y - 0.36 * r);
        let op = if gp.cut == Cut::Pearl { ".7" } else { ".85" };
        w!(
            self,
            r##"<ellipse cx="{hx:.1}" cy="{hy:.1}" rx="{:.1}" ry="{:.1}" fill="#fff" fill-opacity="{op}"/>"##,
            r * 0.3,
            r * 0.17
        );
    }

    /// A gem in a gold collet with four claws.
    fn set_gem(&mut self, x: f64, y: f64, r: f64, g: usize) {
        let p = self.pal;
        let pearl = GEMS[g].cut == Cut::Pearl;
        let rim = if pearl { r * 0.55 } else { r + (r * 0.14).max(2.0) };
        w!(
            self,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="{rim:.1}" fill="url(#m)" stroke="{}" stroke-width="1.5"/>"#,
            p.deep
        );
        self.gem(x, y, r, g);
        if !pearl && r >= 10.0 {
            let pr = (r * 0.15).max(2.5);
            w!(self, r#"<g fill="url(#b)" stroke="{}" stroke-width=".8">"#, p.deep);
            for k in 0..4 {
                let a = PI / 4.0 + k as f64 * PI / 2.0;
                let (px, py) = (x + r * 0.98 * a.cos(), y + r * 0.98 * a.sin());
                w!(self, r#"<circle cx="{px:.1}" cy="{py:.1}" r="{pr:.1}"/>"#);
            }
            w!(self, "</g>");
        }
    }

    /// A polished gold dome (granule or bead).
    fn dome(&mut self, x: f64, y: f64, r: f64) {
        let p = self.pal;
        w!(
            self,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="url(#b)" stroke="{}" stroke-width="{:.1}"/>"#,
            p.dark,
            (r * 0.07).clamp(0.6, 1.6)
        );
        if r > 10.0 {
            let (hx, hy) = (x - 0.35 * r, y - 0.4 * r);
            w!(
                self,
                r##"<ellipse cx="{hx:.1}" cy="{hy:.1}" rx="{:.1}" ry="{:.1}" fill="#fff" fill-opacity=".6"/>"##,
                r * 0.28,
                r * 0.15
            );
        }
    }

    /// A gem if `slot` has one, otherwise a gold dome.
    fn center(&mut self, x: f64, y: f64, r: f64, slot: usize) {
        match self.gem_slot(slot) {
            Some(g) => self.set_gem(x, y, r, g),
            None => self.dome(x, y, r),
        }
    }

    fn granule_ring(&mut self, cx: f64, cy: f64, rr: f64, gr: f64, a0: f64, a1: f64) {
        let span = (a1 - a0).abs();
        let n = ((span * rr) / (gr * 2.5)).floor().max(1.0) as usize;
        let p = self.pal;
        w!(self, r#"<g fill="url(#b)" stroke="{}" stroke-width=".7">"#, p.dark);
        for i in 0..=n {
            let a = a0 + (a1 - a0) * i as f64 / n as f64;
            w!(self, r#"<circle cx="{:.1}" cy="{:.1}" r="{gr:.1}"/>"#, cx + rr * a.cos(), cy + rr * a.sin());
        }
        w!(self, "</g>");
    }

    /// `n` petals (or leaves) radiating from (cx, cy), as one compact path.
    #[allow(clippy::too_many_arguments)]
    fn petals(&mut self, cx: f64, cy: f64, n: usize, len: f64, wid: f64, rot0: f64, fill: &str) {
        let p = self.pal;
        // Petal pointing "up" (towards -y) in local coordinates.
        let shape =
            [(wid, -len * 0.3), (wid * 0.75, -len * 0.85), (0.0, -len), (-wid * 0.75, -len * 0.85), (-wid, -len * 0.3)];
        let mut d = String::new();
        let mut v = String::new();
        for i in 0..n {
            let a = (rot0 + 360.0 * i as f64 / n as f64).to_radians();
            let (sa, ca) = a.sin_cos();
            let t = |(x, y): (f64, f64)| (N(cx + x * ca - y * sa), N(cy + x * sa + y * ca));
            let (p1, p2, p3, p4, p5) = (t(shape[0]), t(shape[1]), t(shape[2]), t(shape[3]), t(shape[4]));
            let _ = write!(
                d,
                "M{} {}C{} {} {} {} {} {}C{} {} {} {} {} {}Z",
                N(cx),
                N(cy),
                p1.0,
                p1.1,
                p2.0,
                p2.1,
                p3.0,
                p3.1,
                p4.0,
                p4.1,
                p5.0,
                p5.1,
                N(cx),
                N(cy)
            );
            let (v1, v2) = (t((0.0, -len * 0.2)), t((0.0, -len * 0.8)));
            let _ = write!(v, "M{} {}L{} {}", v1.0, v1.1, v2.0, v2.1);
        }
        w!(
            self,
            r#"<path d="{d}" fill="{fill}" stroke="{}" stroke-width="{}" stroke-linejoin="round"/>"#,
            p.deep,
            N((wid * 0.06).clamp(0.8, 1.5))
        );
        if len >= 35.0 {
            w!(
                self,
                r#"<path d="{v}" stroke="{}" stroke-opacity=".75" stroke-width="{}" stroke-linecap="round"/>"#,
                p.hi,
                N((wid * 0.08).max(1.0))
            );
        }
    }

    /// A thick gold band drawn as an ellipse, with edges and a highlight.
    fn band(&mut self, cx: f64, cy: f64, rx: f64, ry: f64, w: f64, grad: &str) {
        let p = self.pal;
        w!(
            self,
            r#"<ellipse cx="{cx:.1}" cy="{cy:.1}" rx="{rx:.1}" ry="{ry:.1}" fill="none" stroke="{}" stroke-width="{:.1}"/><ellipse cx="{cx:.1}" cy="{cy:.1}" rx="{rx:.1}" ry="{ry:.1}" fill="none" stroke="url(#{grad})" stroke-width="{w:.1}"/>"#,
            p.deep,
            w + 3.0
        );
        let (ix, iy) = (rx - w * 0.5 + 2.0, ry - w * 0.5 + 2.0);
        w!(
            self,
            r#"<ellipse cx="{cx:.1}" cy="{cy:.1}" rx="{ix:.1}" ry="{iy:.1}" fill="none" stroke="{}" stroke-opacity=".45" stroke-width="2.5"/>"#,
            p.deep
        );
        let (hx, hy) = (rx - w * 0.12, ry - w * 0.12);
        let pt = |a: f64| (cx + hx * a.to_radians().cos(), cy + hy * a.to_radians().sin());
        let (a, b) = (pt(196.0), pt(252.0));
        let (c2, d2) = (pt(18.0), pt(48.0));
        w!(
            self,
            r#"<path d="M{:.1} {:.1}A{hx:.1} {hy:.1} 0 0 1 {:.1} {:.1}" fill="none" stroke="{}" stroke-opacity=".75" stroke-width="{:.1}" stroke-linecap="round"/><path d="M{:.1} {:.1}A{hx:.1} {hy:.1} 0 0 1 {:.1} {:.1}" fill="none" stroke="{}" stroke-opacity=".35" stroke-width="{:.1}" stroke-linecap="round"/>"#,
            a.0,
            a.1,
            b.0,
            b.1,
            p.hi,
            (w * 0.16).max(2.0),
            c2.0,
            c2.1,
            d2.0,
            d2.1,
            p.hi,
            (w * 0.1).max(1.5)
        );
    }

    /// Hammer facets: small translucent light/dark flecks along an ellipse band.
    fn facets(&mut self, cx: f64, cy: f64, rx: f64, ry: f64, w: f64, n: usize) {
        w!(self, r##"<g fill="#fff" fill-opacity=".22">"##);
        for i in 0..n {
            let a = 2.0 * PI * (i as f64 + self.rng.f64() * 0.5) / n as f64;
            let off = (self.rng.f64() - 0.5) * w * 0.6;
            let (x, y) = (cx + (rx + off) * a.cos(), cy + (ry + off) * a.sin());
            let deg = a.to_degrees() + 90.0;
            w!(
                self,
                r#"<ellipse cx="{x:.1}" cy="{y:.1}" rx="{:.1}" ry="{:.1}" transform="rotate({deg:.0} {x:.1} {y:.1})"/>"#,
                w * 0.16,
                w * 0.09
            );
        }
        w!(self, "</g>");
    }

    /// Gems along the band, centred on `at` degrees.
    #[allow(clippy::too_many_arguments)]
    fn band_gems(&mut self, cx: f64, cy: f64, rx: f64, ry: f64, at: f64, r: f64, max: usize) {
        let n = self.gems.len().min(max);
        let step = ((2.0 * r + 7.0) / rx).to_degrees();
        for k in 0..n {
            let off = (k as f64 - (n as f64 - 1.0) / 2.0) * step;
            let a = (at + off).to_radians();
            let g = self.gems[k];
            self.set_gem(cx + rx * a.cos(), cy + ry * a.sin(), r, g);
        }
    }

    /// Links along a path: alternating face-on and edge-on ovals. Each set of
    /// links is one path (referenced by `<use>` for the outline, metal and
    /// highlight layers) to keep the SVG small.
    fn links(&mut self, pts: &[(f64, f64, f64)], rx: f64, ry: f64, sw: f64, edge_ry: f64) {
        let p = self.pal;
        let id0 = self.uid;
        self.uid += 2;
        w!(
            self,
            r#"<defs><linearGradient id="k{id0}" gradientUnits="userSpaceOnUse" x1="0" y1="0" x2="{}" y2="{}" spreadMethod="reflect"><stop offset="0" stop-color="{}"/><stop offset=".35" stop-color="{}"/><stop offset=".7" stop-color="{}"/><stop offset="1" stop-color="{}"/></linearGradient></defs>"#,
            N(rx * 0.9),
            N(rx * 1.3),
            p.hi,
            p.light,
            p.mid,
            p.dark
        );
        for pass in 0..2 {
            let r_y = if pass == 0 { edge_ry } else { ry };
            let mut d = String::new();
            let mut h = String::new();
            for (i, &(x, y, a)) in pts.iter().enumerate() {
                if i % 2 != pass {
                    continue;
                }
                let (sa, ca) = a.to_radians().sin_cos();
                let (dx, dy) = (rx * ca, rx * sa);
                let _ = write!(
                    d,
                    "M{} {}a{} {} {} 1 0 {} {}a{} {} {} 1 0 {} {}",
                    N(x + dx),
                    N(y + dy),
                    N(rx),
                    N(r_y),
                    N(a),
                    N(-2.0 * dx),
                    N(-2.0 * dy),
                    N(rx),
                    N(r_y),
                    N(a),
                    N(2.0 * dx),
                    N(2.0 * dy)
                );
                if pass == 1 {
                    // Highlight on the upper-left quarter of each face-on link.
                    let pt = |t: f64| {
                        let (st, ct) = t.to_radians().sin_cos();
                        let (lx, ly) = (rx * ct, r_y * st);
                        (N(x + lx * ca - ly * sa), N(y + lx * sa + ly * ca))
                    };
                    let (q1, q2) = (pt(200.0), pt(250.0));
                    let _ = write!(h, "M{} {}A{} {} {} 0 1 {} {}", q1.0, q1.1, N(rx), N(r_y), N(a), q2.0, q2.1);
                }
            }
            let id = id0 + pass as u32;
            w!(
                self,
                r##"<defs><path id="l{id}" d="{d}" fill="none"/></defs><use href="#l{id}" stroke="{}" stroke-width="{}"/><use href="#l{id}" stroke="url(#k{id0})" stroke-width="{}"/>"##,
                p.deep,
                N(sw + 2.2),
                N(sw)
            );
            if !h.is_empty() {
                w!(
                    self,
                    r#"<path d="{h}" fill="none" stroke="{}" stroke-opacity=".8" stroke-width="{}" stroke-linecap="round"/>"#,
                    p.hi,
                    N(sw * 0.35)
                );
            }
        }
    }

    /// Thin chain drawn as a dashed double stroke (cheap, reads as fine links).
    fn fine_chain(&mut self, d: &str, scale: f64) {
        let p = self.pal;
        w!(
            self,
            r#"<g fill="none" stroke-linecap="round"><path d="{d}" stroke="{}" stroke-width="{:.1}" stroke-dasharray="{:.1} {:.1}"/><path d="{d}" stroke="{}" stroke-width="{:.1}" stroke-dasharray="{:.1} {:.1}"/><path d="{d}" stroke="{}" stroke-opacity=".8" stroke-width="{:.1}" stroke-dasharray="{:.1} {:.1}"/></g>"#,
            p.deep,
            6.5 * scale,
            9.0 * scale,
            3.0 * scale,
            p.mid,
            4.0 * scale,
            9.0 * scale,
            3.0 * scale,
            p.hi,
            1.6 * scale,
            4.0 * scale,
            8.0 * scale
        );
    }
}

// ---------------------------------------------------------------- ring

fn ring_head(c: &mut C, x: f64, y: f64, s: f64) {
    let p = c.pal;
    if c.gems.len() == 1 {
        let g = c.gems[0];
        // Tapered gallery under the stone.
        w!(
            c,
            r#"<path d="M{:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z" fill="url(#n)" stroke="{}" stroke-width="1.5"/>"#,
            x - 34.0 * s,
            y + 16.0 * s,
            x + 34.0 * s,
            y + 16.0 * s,
            x + 22.0 * s,
            y - 22.0 * s,
            x - 22.0 * s,
            y - 22.0 * s,
            p.deep
        );
        c.set_gem(x, y - 30.0 * s, 40.0 * s, g);
        return;
    }
    match c.style {
        0 => {
            c.dome(x, y - 16.0 * s, 38.0 * s);
            c.granule_ring(x, y - 16.0 * s, 50.0 * s, 6.0 * s, 0.0, 2.0 * PI);
        }
        1 => {
            c.petals(x, y - 10.0 * s, 8, 62.0 * s, 26.0 * s, 22.5, "url(#n)");
            c.petals(x, y - 10.0 * s, 8, 46.0 * s, 20.0 * s, 0.0, "url(#m)");
            c.dome(x, y - 10.0 * s, 15.0 * s);
        }
        3 => {
            c.petals(x, y, 2, 80.0 * s, 26.0 * s, -62.0, "url(#m)");
            c.petals(x, y, 1, 50.0 * s, 20.0 * s, 0.0, "url(#n)");
            c.dome(x, y, 13.0 * s);
        }
        _ => {}
    }
}

fn ring(c: &mut C, view: u8) {
    let multi = c.gems.len() > 1;
    let wide = c.style == 2 && !multi && c.gems.is_empty();
    let w = if wide { 50.0 } else { 34.0 };
    match view {
        0 => {
            c.floor(400.0, 652.0, 200.0, 26.0);
            c.open(c.tilt * 4.0, 400.0, 450.0);
            let (cx, cy, rx, ry) = (400.0, 455.0, 165.0, 180.0);
            c.band(cx, cy, rx, ry, w, "m");
            if wide {
                c.facets(cx, cy, rx, ry, w, 34);
            }
            if multi {
                c.band_gems(cx, cy, rx, ry, 270.0, 14.0, 9);
            } else {
                ring_head(c, cx, cy - ry - 8.0, 1.25);
            }
        }
        1 => {
            c.floor(410.0, 585.0, 270.0, 34.0);
            c.open(-12.0 + c.tilt * 4.0, 400.0, 430.0);
            let (cx, cy, rx, ry) = (400.0, 440.0, 210.0, 92.0);
            c.band(cx, cy + 30.0, rx, ry, w - 2.0, "n");
            c.band(cx, cy, rx, ry, w - 6.0, "m");
            if wide {
                c.facets(cx, cy, rx, ry, w - 6.0, 30);
            }
            if multi {
                c.band_gems(cx, cy, rx, ry, 90.0, 14.0, 7);
            } else {
                ring_head(c, cx, cy - ry - 6.0, 1.15);
            }
        }
        _ => {
            c.open(34.0 + c.tilt * 10.0, 400.0, 420.0);
            let (cx, cy, r) = (400.0, 430.0, 160.0);
            c.band(cx, cy, r, r, w, "m");
            if wide {
                c.facets(cx, cy, r, r, w, 36);
            }
            if multi {
                c.band_gems(cx, cy, r, r, 270.0, 15.0, 9);
            } else {
                ring_head(c, cx, cy - r - 6.0, 1.3);
            }
        }
    }
}

// ---------------------------------------------------------------- pendant

/// Pendant body centred near (400, 470), top near y = 320. Bail drawn on top.
fn pendant_body(c: &mut C) {
    let p = c.pal;
    let (cx, cy) = (400.0, 470.0);
    match c.style {
        1 => {
            // Repoussé disc with rays.
            let r = 112.0;
            let cyy = cy - 10.0;
            w!(
                c,
                r#"<circle cx="{cx}" cy="{cyy}" r="{r}" fill="url(#m)" stroke="{}" stroke-width="2"/><circle cx="{cx}" cy="{cyy}" r="{:.0}" fill="none" stroke="{}" stroke-opacity=".8" stroke-width="3"/>"#,
                p.deep,
                r - 14.0,
                p.hi
            );
            c.granule_ring(cx, cyy, r - 24.0, 4.5, 0.0, 2.0 * PI);
            let mut d = String::new();
            for i in 0..16 {
                let a = i as f64 * PI / 8.0;
                let _ = write!(
                    d,
                    "M{:.1} {:.1}L{:.1} {:.1}",
                    cx + 52.0 * a.cos(),
                    cyy + 52.0 * a.sin(),
                    cx + 76.0 * a.cos(),
                    cyy + 76.0 * a.sin()
                );
            }
            w!(
                c,
                r#"<path d="{d}" stroke="{}" stroke-opacity=".55" stroke-width="5" stroke-linecap="round"/>"#,
                p.dark
            );
            c.center(cx, cyy, 36.0, 0);
        }
        2 => {
            // Kalka / paisley.
            let d = format!(
                "M{} {}C{} {} {} {} {} {}C{} {} {} {} {} {}C{} {} {} {} {} {}Z",
                cx + 20.0,
                cy - 150.0,
                cx + 150.0,
                cy - 120.0,
                cx + 130.0,
                cy + 120.0,
                cx - 5.0,
                cy + 118.0,
                cx - 120.0,
                cy + 116.0,
                cx - 128.0,
                cy - 20.0,
                cx - 50.0,
                cy - 48.0,
                cx - 4.0,
                cy - 66.0,
                cx - 25.0,
                cy - 115.0,
                cx + 20.0,
                cy - 150.0
            );
            w!(c, r#"<path d="{d}" fill="url(#m)" stroke="{}" stroke-width="2"/>"#, p.deep);
            w!(
                c,
                r#"<path d="{d}" fill="none" stroke="{}" stroke-opacity=".8" stroke-width="3.5" transform="translate({:.1} {:.1}) scale(.8)"/>"#,
                p.hi,
                cx * 0.2 + 2.0,
                cy * 0.2 + 6.0
            );
            c.granule_ring(cx + 4.0, cy + 36.0, 58.0, 5.0, 0.0, 2.0 * PI);
            c.center(cx + 4.0, cy + 36.0, 34.0, 0);
            c.dome(cx + 14.0, cy - 102.0, 9.0);
        }
        3 => {
            // Jali lozenge with pierced openings.
            let d = format!("M{cx} {}L{} {cy}L{cx} {}L{} {cy}Z", cy - 140.0, cx + 108.0, cy + 140.0, cx - 108.0);
            w!(c, r#"<path d="{d}" fill="url(#m)" stroke="{}" stroke-width="2" stroke-linejoin="round"/>"#, p.deep);
            w!(c, r##"<g fill="#e6dac3" stroke="{}" stroke-opacity=".7" stroke-width="1.5">"##, p.deep);
            for i in -5i32..=5 {
                for j in -6i32..=6 {
                    let (dx, dy) = (i as f64 * 17.0, j as f64 * 19.0);
                    if (i + j) % 2 == 0
                        && dx.abs() / 108.0 + dy.abs() / 140.0 < 0.7
                        && (dx.abs() > 40.0 || dy.abs() > 45.0)
                    {
                        w!(c, r#"<circle cx="{:.1}" cy="{:.1}" r="6.5"/>"#, cx + dx, cy + dy);
                    }
                }
            }
            w!(c, "</g>");
            c.center(cx, cy, 32.0, 0);
        }
        _ => {
            // Teardrop with granulated inner border.
            let r = 104.0;
            let d = drop_path(cx, cy, r);
            w!(c, r#"<path d="{d}" fill="url(#m)" stroke="{}" stroke-width="2"/>"#, p.deep);
            let d2 = drop_path(cx, cy + 8.0, r * 0.8);
            w!(c, r#"<path d="{d2}" fill="none" stroke="{}" stroke-opacity=".8" stroke-width="3.5"/>"#, p.hi);
            c.granule_ring(cx, cy + 0.3 * r, r * 0.66, 5.0, 0.15, PI - 0.15);
            c.petals(cx, cy - 0.55 * r, 5, 26.0, 12.0, 0.0, "url(#n)");
            c.center(cx, cy + 0.3 * r, 36.0, 0);
        }
    }
    // Jump ring + bail.
    w!(
        c,
        r#"<circle cx="400" cy="318" r="11" fill="none" stroke="{}" stroke-width="7"/><circle cx="400" cy="318" r="11" fill="none" stroke="url(#m)" stroke-width="4.5"/><ellipse cx="400" cy="296" rx="10" ry="19" fill="none" stroke="{}" stroke-width="10"/><ellipse cx="400" cy="296" rx="10" ry="19" fill="none" stroke="url(#m)" stroke-width="7"/>"#,
        p.deep,
        p.deep
    );
}

fn pendant(c: &mut C, view: u8) {
    match view {
        0 => {
            c.open(0.0, 400.0, 400.0);
            c.fine_chain("M140 -20Q300 250 400 282Q500 250 660 -20", 1.0);
            w!(c, r#"<g transform="rotate({:.1} 400 290)">"#, c.tilt * 5.0);
            pendant_body(c);
            w!(c, "</g>");
        }
        1 => {
            c.open(8.0 + c.tilt * 4.0, 400.0, 400.0);
            w!(c, r#"<g transform="translate(400 430) scale(1.55) translate(-400 -460)">"#);
            c.fine_chain("M240 -40Q330 240 400 282Q470 240 560 -40", 0.8);
            pendant_body(c);
            w!(c, "</g>");
        }
        _ => {
            c.open(c.tilt * 8.0, 400.0, 400.0);
            c.fine_chain(
                "M400 466C250 470 150 380 160 270C170 150 300 95 400 95C520 95 640 160 640 280C640 390 540 460 400 466",
                1.0,
            );
            w!(
                c,
                r#"<g transform="translate(400 598) rotate({:.1}) scale(.82) translate(-400 -430)">"#,
                10.0 + c.tilt * 10.0
            );
            pendant_body(c);
            w!(c, "</g>");
        }
    }
}

// ---------------------------------------------------------------- earrings

fn ear_hook(c: &mut C, x: f64, y: f64) {
    let p = c.pal;
    let d = format!(
        "M{x:.1} {y:.1}V{:.1}C{x:.1} {:.1} {:.1} {:.1} {:.1} {:.1}",
        y - 40.0,
        y - 112.0,
        x + 70.0,
        y - 112.0,
        x + 62.0,
        y - 40.0
    );
    w!(
        c,
        r#"<path d="{d}" fill="none" stroke="{}" stroke-width="7.5" stroke-linecap="round"/><path d="{d}" fill="none" stroke="{}" stroke-width="4.5" stroke-linecap="round"/><path d="{d}" fill="none" stroke="{}" stroke-opacity=".7" stroke-width="1.5" stroke-linecap="round" transform="translate(-1 -1)"/>"#,
        p.deep,
        p.mid,
        p.hi
    );
}

/// A small oval jump ring joining two parts of an earring.
fn connector(c: &mut C, x: f64, y0: f64, y1: f64) {
    let p = c.pal;
    let (cy, ry) = ((y0 + y1) / 2.0, (y1 - y0) / 2.0 + 3.0);
    w!(
        c,
        r#"<ellipse cx="{x:.1}" cy="{cy:.1}" rx="6" ry="{ry:.1}" fill="none" stroke="{}" stroke-width="5.5"/><ellipse cx="{x:.1}" cy="{cy:.1}" rx="6" ry="{ry:.1}" fill="none" stroke="url(#m)" stroke-width="3.5"/>"#,
        p.deep
    );
}

/// One earring hanging from (x, y) (the hook's lower end).
fn earring(c: &mut C, x: f64, y: f64, style: u32) {
    let p = c.pal;
    match style {
        0 => {
            // Hoop with granulated lower edge.
            ear_hook(c, x, y);
            let r = 88.0;
            let cy = y + r;
            c.band(x, cy, r, r, 16.0, "m");
            c.granule_ring(x, cy, r + 12.0, 5.0, 0.5, PI - 0.5);
            c.center(x, cy + r + 4.0, 17.0, 0);
        }
        1 => {
            // Stud + teardrop drop.
            ear_hook(c, x, y);
            connector(c, x, y + 26.0, y + 52.0);
            c.center(x, y + 16.0, 17.0, 1);
            let r = 62.0;
            let cy = y + 46.0 + 1.5 * r;
            let d = drop_path(x, cy, r);
            w!(c, r#"<path d="{d}" fill="url(#m)" stroke="{}" stroke-width="2"/>"#, p.deep);
            let d2 = drop_path(x, cy + 5.0, r * 0.76);
            w!(c, r#"<path d="{d2}" fill="none" stroke="{}" stroke-opacity=".8" stroke-width="3"/>"#, p.hi);
            c.center(x, cy + 0.3 * r, 22.0, 0);
        }
        2 => {
            // Jhumka: stud, bell, bead fringe.
            ear_hook(c, x, y);
            c.center(x, y + 18.0, 20.0, 1);
            let (top, rim) = (y + 44.0, y + 150.0);
            let d = format!(
                "M{:.1} {rim:.1}C{:.1} {:.1} {:.1} {:.1} {x:.1} {top:.1}C{:.1} {:.1} {:.1} {:.1} {:.1} {rim:.1}Z",
                x - 72.0,
                x - 72.0,
                rim - 70.0,
                x - 30.0,
                top,
                x + 30.0,
                top,
                x + 72.0,
                rim - 70.0,
                x + 72.0
            );
            w!(c, r#"<path d="{d}" fill="url(#m)" stroke="{}" stroke-width="2"/>"#, p.deep);
            c.granule_ring(x, rim + 30.0, 80.0, 4.0, -PI * 0.74, -PI * 0.26);
            w!(
                c,
                r#"<ellipse cx="{x:.1}" cy="{rim:.1}" rx="74" ry="13" fill="url(#n)" stroke="{}" stroke-width="1.5"/>"#,
                p.deep
            );
            for k in 0..9 {
                let bx = x - 64.0 + k as f64 * 16.0;
                let by = rim + 22.0 + (k as f64 - 4.0).abs() * -1.5 + 6.0;
                w!(c, r#"<path d="M{bx:.1} {rim:.1}V{by:.1}" stroke="{}" stroke-width="2"/>"#, p.dark);
                let slot = 2 + k;
                match c.gem_slot(slot) {
                    Some(g) => c.gem(bx, by + 6.0, 7.5, g),
                    None => c.dome(bx, by + 6.0, 6.5),
                }
            }
        }
        _ => {
            // Chandbali crescent with fringe.
            ear_hook(c, x, y);
            connector(c, x, y + 24.0, y + 72.0);
            c.center(x, y + 16.0, 16.0, 1);
            let cy = y + 70.0;
            let d = format!(
                "M{:.1} {cy:.1}A90 90 0 0 0 {:.1} {cy:.1}A90 52 0 0 1 {:.1} {cy:.1}Z",
                x - 90.0,
                x + 90.0,
                x - 90.0
            );
            w!(c, r#"<path d="{d}" fill="url(#m)" stroke="{}" stroke-width="2" stroke-linejoin="round"/>"#, p.deep);
            c.granule_ring(x, cy, 74.0, 3.8, PI * 0.22, PI * 0.78);
            let n = 9;
            for k in 0..n {
                let a = PI * (0.12 + 0.76 * k as f64 / (n - 1) as f64);
                let (bx, by) = (x + 104.0 * a.cos(), cy + 104.0 * a.sin());
                match c.gem_slot(2 + k) {
                    Some(g) => c.gem(bx, by, 9.0, g),
                    None => c.dome(bx, by, 7.0),
                }
            }
            c.center(x, cy + 71.0, 14.0, 0);
        }
    }
}

fn earrings(c: &mut C, view: u8) {
    let style = c.style;
    match view {
        0 | 2 => {
            let flat = view == 2;
            c.open(if flat { c.tilt * 6.0 } else { 0.0 }, 400.0, 400.0);
            let start = c.s.len();
            let (x, y, rot, sc) = if flat { (218.0, 310.0, -14.0, 1.3) } else { (235.0, 345.0, 0.0, 1.45) };
            w!(c, r#"<g transform="translate({x:.0} {y:.0}) rotate({rot:.0}) scale({sc})">"#);
            earring(c, 0.0, 0.0, style);
            w!(c, "</g>");
            let frag = c.s[start..].to_string();
            let dy = if flat { 50.0 } else { 0.0 };
            w!(c, r#"<g transform="translate(800 {dy:.0}) scale(-1 1)">{frag}</g>"#);
        }
        _ => {
            c.open(c.tilt * 5.0, 400.0, 400.0);
            w!(c, r#"<g transform="translate(550 250) scale(1.05)">"#);
            earring(c, 0.0, 0.0, style);
            w!(c, r#"</g><g transform="translate(310 330) scale(1.6)">"#);
            earring(c, 0.0, 0.0, style);
            w!(c, "</g>");
        }
    }
}

// ---------------------------------------------------------------- bangle

fn bangle_decor(c: &mut C, cx: f64, cy: f64, rx: f64, ry: f64, w: f64, front: f64) {
    let p = c.pal;
    match c.style {
        0 => {
            // Rope-twist ribs.
            w!(
                c,
                r#"<ellipse cx="{cx:.1}" cy="{cy:.1}" rx="{rx:.1}" ry="{ry:.1}" fill="none" stroke="{}" stroke-opacity=".35" stroke-width="{:.1}" stroke-dasharray="3 11"/>"#,
                p.deep,
                w * 0.9
            );
        }
        1 => {
            // Granulated centre line.
            let n = 44;
            w!(c, r#"<g fill="url(#b)" stroke="{}" stroke-width=".7">"#, p.dark);
            for i in 0..n {
                let a = 2.0 * PI * i as f64 / n as f64;
                w!(c, r#"<circle cx="{:.1}" cy="{:.1}" r="{:.1}"/>"#, cx + rx * a.cos(), cy + ry * a.sin(), w * 0.13);
            }
            w!(c, "</g>");
        }
        2 => c.facets(cx, cy, rx, ry, w, 46),
        _ => {
            // Small flowers around the band.
            let n = 10;
            let has_gems = !c.gems.is_empty();
            for i in 0..n {
                let a = 2.0 * PI * i as f64 / n as f64 + PI / 2.0 + PI / n as f64;
                let gap = (a.to_degrees() - front).rem_euclid(360.0);
                if has_gems && !(50.0..=310.0).contains(&gap) {
                    continue;
                }
                let (x, y) = (cx + rx * a.cos(), cy + ry * a.sin());
                c.petals(x, y, 6, w * 0.38, w * 0.16, 0.0, "url(#n)");
            }
        }
    }
    // Stones along the front.
    let n = c.gems.len().min(9);
    if n > 0 {
        let step = ((w * 0.9) / rx).to_degrees();
        for k in 0..n {
            let off = (k as f64 - (n as f64 - 1.0) / 2.0) * step * 1.6;
            let a = (front + off).to_radians();
            let g = c.gems[k];
            c.set_gem(cx + rx * a.cos(), cy + ry * a.sin(), w * 0.24, g);
        }
    }
}

fn bangle(c: &mut C, view: u8) {
    match view {
        0 => {
            c.floor(400.0, 668.0, 230.0, 28.0);
            c.open(c.tilt * 3.0, 400.0, 420.0);
            let (cx, cy, rx, ry, w) = (400.0, 420.0, 222.0, 228.0, 56.0);
            c.band(cx, cy, rx, ry, w, "m");
            bangle_decor(c, cx, cy, rx, ry, w, 90.0);
        }
        1 => {
            c.floor(400.0, 590.0, 300.0, 40.0);
            c.open(-7.0 + c.tilt * 4.0, 400.0, 420.0);
            let (cx, cy, rx, ry) = (400.0, 405.0, 258.0, 118.0);
            c.band(cx, cy + 46.0, rx, ry, 50.0, "n");
            c.band(cx, cy, rx, ry, 44.0, "m");
            bangle_decor(c, cx, cy, rx, ry, 44.0, 90.0);
        }
        _ => {
            c.open(c.tilt * 30.0, 400.0, 400.0);
            let (cx, cy, r, w) = (400.0, 405.0, 205.0, 52.0);
            c.band(cx, cy, r, r, w, "m");
            bangle_decor(c, cx, cy, r, r, w, 270.0);
        }
    }
}

// ---------------------------------------------------------------- necklace

fn necklace_elements(c: &mut C, pts: &[(f64, f64, f64)], size: impl Fn(usize) -> f64, center: usize) {
    // Assign gems to slots nearest the centre: even distances first (motifs), then odd.
    let n = pts.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| {
        let d = (i as i64 - center as i64).unsigned_abs() as usize;
        (d % 2, d, i)
    });
    let mut gem_of = vec![None; n];
    for (k, &i) in order.iter().enumerate() {
        if let Some(g) = c.gem_slot(k + 1) {
            gem_of[i] = Some(g);
        }
    }
    // Petal frames around stones only when there are few of them (keeps files small).
    let ornate = c.gems.len() <= 10;
    for (i, &(x, y, a)) in pts.iter().enumerate() {
        let r = size(i);
        let d = (i as i64 - center as i64).unsigned_abs();
        match gem_of[i] {
            Some(g) if GEMS[g].cut == Cut::Pearl => c.gem(x, y, r * 1.05, g),
            Some(g) if ornate => {
                c.petals(x, y, 5, r * 1.45, r * 0.66, a, "url(#n)");
                c.set_gem(x, y, r * 0.62, g);
            }
            Some(g) => c.set_gem(x, y, r * 0.72, g),
            None if d.is_multiple_of(2) && c.style.is_multiple_of(2) => {
                c.petals(x, y, 6, r * 1.3, r * 0.55, a, "url(#m)");
                c.dome(x, y, r * 0.45);
            }
            None if d.is_multiple_of(2) => {
                // Temple coin / disc.
                let p = c.pal;
                w!(
                    c,
                    r#"<circle cx="{x:.1}" cy="{y:.1}" r="{:.1}" fill="url(#m)" stroke="{}" stroke-width="1.2"/><circle cx="{x:.1}" cy="{y:.1}" r="{:.1}" fill="none" stroke="{}" stroke-opacity=".7" stroke-width="1.5"/>"#,
                    r * 1.1,
                    p.deep,
                    r * 0.78,
                    p.dark
                );
            }
            None => c.dome(x, y, r * 0.8),
        }
    }
}

fn necklace_drop(c: &mut C, x: f64, y: f64, r: f64) {
    let p = c.pal;
    let d = drop_path(x, y + 1.5 * r, r);
    w!(c, r#"<path d="{d}" fill="url(#m)" stroke="{}" stroke-width="1.8"/>"#, p.deep);
    c.center(x, y + 1.8 * r, r * 0.52, 0);
}

fn necklace(c: &mut C, view: u8) {
    let p = c.pal;
    match view {
        0 | 1 => {
            c.open(0.0, 400.0, 400.0);
            if view == 1 {
                w!(c, r#"<g transform="translate(400 360) scale(1.9) translate(-400 -560)">"#);
            } else {
                w!(c, "<g>");
            }
            let (cx, cy, rx, ry) = (400.0, 130.0, 290.0, 410.0);
            let f = |t: f64| {
                let a = (0.05 + 0.9 * t) * PI;
                (cx + rx * a.cos(), cy + ry * a.sin())
            };
            let thread: String = {
                let (x0, y0) = f(0.0);
                let (x1, y1) = f(1.0);
                format!("M{:.0} -20L{x0:.0} {y0:.0}A{rx} {ry} 0 0 1 {x1:.0} {y1:.0}L{:.0} -20", x0 + 20.0, x1 - 20.0)
            };
            w!(c, r#"<path d="{thread}" fill="none" stroke="{}" stroke-width="3"/>"#, p.dark);
            let pts = along(f, 46.0, 20.0);
            let n = pts.len();
            let mid = n / 2;
            // Centre drop first (behind the centre element).
            let (mx, my, _) = pts[mid];
            necklace_drop(c, mx, my + 10.0, 40.0);
            necklace_elements(
                c,
                &pts,
                |i| 12.0 + 9.0 * (1.0 - ((i as f64 - mid as f64) / mid as f64).abs()).powf(1.5),
                mid,
            );
            w!(c, "</g>");
        }
        _ => {
            c.open(c.tilt * 8.0, 400.0, 400.0);
            let (cx, cy, rx, ry) = (400.0, 380.0, 250.0, 235.0);
            let f = |t: f64| {
                let a = -PI / 2.0 + (0.06 + 0.88 * t) * 2.0 * PI;
                (cx + rx * a.cos(), cy + ry * a.sin())
            };
            w!(
                c,
                r#"<ellipse cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}" fill="none" stroke="{}" stroke-width="3"/>"#,
                p.dark
            );
            // Hook clasp at the top.
            w!(
                c,
                r#"<path d="M386 {:.0}c0-22 28-22 28 0" fill="none" stroke="{}" stroke-width="6" stroke-linecap="round"/>"#,
                cy - ry,
                p.mid
            );
            let pts = along(f, 54.0, 18.0);
            let n = pts.len();
            let mid = n / 2;
            let (mx, my, _) = pts[mid];
            necklace_drop(c, mx, my + 10.0, 38.0);
            necklace_elements(
                c,
                &pts,
                |i| 12.0 + 9.0 * (1.0 - ((i as f64 - mid as f64) / mid as f64).abs()).powf(1.5),
                mid,
            );
        }
    }
}

// ---------------------------------------------------------------- bracelet

fn bracelet_links(c: &mut C, pts: &[(f64, f64, f64)], s: f64) {
    c.links(pts, 24.0 * s, 15.0 * s, 6.0 * s, 5.0 * s);
    // Motifs every third link.
    let mut slot = 0;
    for (i, &(x, y, a)) in pts.iter().enumerate() {
        if i % 3 == 1 && i + 1 < pts.len() {
            match c.style {
                0 | 2 => c.petals(x, y, 5, 22.0 * s, 11.0 * s, a, "url(#m)"),
                _ => {
                    let p = c.pal;
                    w!(
                        c,
                        r#"<path d="{}" fill="url(#m)" stroke="{}" stroke-width="1.2" transform="rotate({:.0} {x:.1} {y:.1})"/>"#,
                        drop_path(x, y + 6.0 * s, 15.0 * s),
                        p.deep,
                        a + 90.0
                    );
                }
            }
            c.center(x, y, 9.0 * s, slot);
            slot += 1;
        }
    }
}

fn clasp(c: &mut C, a: (f64, f64), b: (f64, f64), s: f64) {
    let p = c.pal;
    w!(
        c,
        r#"<circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="none" stroke="{}" stroke-width="{:.1}"/><circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="none" stroke="url(#m)" stroke-width="{:.1}"/>"#,
        a.0,
        a.1,
        13.0 * s,
        p.deep,
        7.0 * s,
        a.0,
        a.1,
        13.0 * s,
        5.0 * s
    );
    w!(
        c,
        r#"<ellipse cx="{:.1}" cy="{:.1}" rx="{:.1}" ry="{:.1}" fill="url(#m)" stroke="{}" stroke-width="1.5"/>"#,
        b.0,
        b.1,
        16.0 * s,
        10.0 * s,
        p.deep
    );
}

fn bracelet(c: &mut C, view: u8) {
    match view {
        0 => {
            c.open(c.tilt * 4.0, 400.0, 400.0);
            let f = |t: f64| {
                let x = 95.0 + 610.0 * t;
                let u = (x - 400.0) / 320.0;
                (x, 285.0 + 240.0 * (1.0 - u * u))
            };
            let pts = along(f, 56.0, 10.0);
            let (a, b) = (pts[0], pts[pts.len() - 1]);
            clasp(c, (a.0 - 18.0, a.1 - 12.0), (b.0 + 20.0, b.1 - 14.0), 1.4);
            bracelet_links(c, &pts, 1.4);
        }
        1 => {
            c.open(c.tilt * 4.0, 400.0, 400.0);
            let f = |t: f64| (40.0 + 720.0 * t, 640.0 - 480.0 * t + 60.0 * (t * PI).sin());
            let pts = along(f, 72.0, 30.0);
            bracelet_links(c, &pts, 1.85);
        }
        _ => {
            c.open(c.tilt * 30.0, 400.0, 400.0);
            let (cx, cy, r) = (400.0, 410.0, 235.0);
            let f = |t: f64| {
                let a = -PI / 2.0 + (0.05 + 0.9 * t) * 2.0 * PI;
                (cx + r * a.cos(), cy + r * a.sin())
            };
            let pts = along(f, 54.0, 8.0);
            let (a, b) = (pts[0], pts[pts.len() - 1]);
            clasp(c, (a.0 + 4.0, a.1 - 20.0), (b.0 - 6.0, b.1 - 20.0), 1.25);
            bracelet_links(c, &pts, 1.25);
        }
    }
}

// ---------------------------------------------------------------- chain

fn chain_body(c: &mut C, pts: &[(f64, f64, f64)], d: &str, s: f64) {
    let p = c.pal;
    if c.style.is_multiple_of(2) {
        // Rope chain: a thick cord with slanted twist segments.
        let wdt = 15.0 * s;
        w!(
            c,
            r#"<g fill="none" stroke-linecap="round" stroke-linejoin="round"><path d="{d}" stroke="{}" stroke-width="{}"/><path d="{d}" stroke="{}" stroke-width="{}"/></g>"#,
            p.deep,
            N(wdt + 3.0),
            p.mid,
            N(wdt)
        );
        let mut dk = String::new();
        let mut hl = String::new();
        for &(x, y, a) in pts {
            let t = (a + 55.0).to_radians();
            let (st, ct) = t.sin_cos();
            let h = wdt * 0.55;
            let _ = write!(dk, "M{} {}l{} {}", N(x - ct * h), N(y - st * h), N(2.0 * ct * h), N(2.0 * st * h));
            let (ox, oy) = (x - 0.25 * wdt * (a.to_radians().cos()), y - 0.25 * wdt * (a.to_radians().sin()));
            let h2 = h * 0.6;
            let _ = write!(
                hl,
                "M{} {}l{} {}",
                N(ox - ct * h2 - 0.1 * wdt),
                N(oy - st * h2 - 0.15 * wdt),
                N(2.0 * ct * h2),
                N(2.0 * st * h2)
            );
        }
        w!(
            c,
            r#"<path d="{dk}" stroke="{}" stroke-opacity=".6" stroke-width="{}" stroke-linecap="round"/><path d="{hl}" stroke="{}" stroke-opacity=".8" stroke-width="{}" stroke-linecap="round"/>"#,
            p.deep,
            N(wdt * 0.16),
            p.hi,
            N(wdt * 0.13)
        );
    } else {
        c.links(pts, 11.0 * s, 7.0 * s, 3.4 * s, 2.4 * s);
    }
}

fn chain(c: &mut C, view: u8) {
    let rope = c.style.is_multiple_of(2);
    let spacing_for = |s: f64| if rope { 9.5 * s } else { 17.0 * s };
    type Curve = Box<dyn Fn(f64) -> (f64, f64)>;
    let (s, rot, f): (f64, f64, Curve) = match view {
        0 => (
            1.3,
            c.tilt * 4.0,
            Box::new(|t: f64| (50.0 + 700.0 * t, 400.0 + 150.0 * (2.0 * PI * 1.15 * t + 0.4).sin() * (0.6 + 0.4 * t))),
        ),
        1 => (2.4, c.tilt * 5.0, Box::new(|t: f64| (-30.0 + 860.0 * t, 620.0 - 440.0 * t + 70.0 * (PI * t).sin()))),
        _ => (
            1.2,
            c.tilt * 40.0,
            Box::new(|t: f64| {
                let a = 4.2 * PI * t;
                let r = 250.0 - 150.0 * t;
                (400.0 + r * a.cos(), 400.0 + r * a.sin() * 0.92)
            }),
        ),
    };
    c.open(rot, 400.0, 400.0);
    let pts = along(&f, spacing_for(s), 0.0);
    let mut d = String::new();
    for i in 0..=120 {
        let (x, y) = f(i as f64 / 120.0);
        let _ = write!(d, "{}{x:.0} {y:.0}", if i == 0 { 'M' } else { 'L' });
    }
    chain_body(c, &pts, &d, s);
    if view != 1 {
        let (a, b) = (f(0.0), f(1.0));
        clasp(c, a, b, s * 0.8);
    }
}

// ---------------------------------------------------------------- nose pin

fn nose_flower(c: &mut C, cx: f64, cy: f64, s: f64) {
    let n = 5 + (c.style as usize % 4);
    let rot = c.tilt * 20.0;
    c.petals(cx, cy, n, 190.0 * s, 82.0 * s, rot, "url(#m)");
    c.petals(cx, cy, n, 112.0 * s, 48.0 * s, rot + 180.0 / n as f64, "url(#n)");
    c.granule_ring(cx, cy, 78.0 * s, 7.0 * s, 0.0, 2.0 * PI);
    c.center(cx, cy, 50.0 * s, 0);
}

fn nose_pin(c: &mut C, view: u8) {
    let p = c.pal;
    match view {
        0 => {
            c.open(0.0, 400.0, 400.0);
            nose_flower(c, 400.0, 400.0, 1.0);
        }
        1 => {
            c.floor(430.0, 690.0, 180.0, 24.0);
            c.open(c.tilt * 4.0, 400.0, 400.0);
            let d = "M400 400V590Q400 640 450 640H500";
            w!(
                c,
                r#"<path d="{d}" fill="none" stroke="{}" stroke-width="17" stroke-linecap="round"/><path d="{d}" fill="none" stroke="{}" stroke-width="12" stroke-linecap="round"/><path d="{d}" fill="none" stroke="{}" stroke-opacity=".7" stroke-width="3" stroke-linecap="round" transform="translate(-3 0)"/>"#,
                p.deep,
                p.mid,
                p.hi
            );
            c.dome(506.0, 640.0, 13.0);
            w!(c, r#"<g transform="translate(0 128) scale(1 .66)">"#);
            nose_flower(c, 400.0, 400.0, 0.95);
            w!(c, "</g>");
        }
        _ => {
            c.open(c.tilt * 10.0, 400.0, 400.0);
            nose_flower(c, 360.0, 360.0, 0.82);
            // Screw back lying beside it.
            w!(
                c,
                r#"<circle cx="620" cy="620" r="34" fill="url(#m)" stroke="{}" stroke-width="2"/><circle cx="620" cy="620" r="10" fill="{}" stroke="{}" stroke-width="2"/>"#,
                p.deep,
                p.dark,
                p.deep
            );
            c.granule_ring(620.0, 620.0, 23.0, 3.5, 0.0, 2.0 * PI);
        }
    }
}

/// An abstract, pleasant SVG render of a piece: `view` 0 = front, 1 = angled/detail,
/// 2 = flat lay; `seed` varies details (the same seed keeps the same design
/// across views). Deterministic; 800×800; self-contained.
pub fn piece_svg(kind: Kind, metal: &str, stones: &[StoneSeed], view: u8, seed: u64) -> String {
    let view = view % 3;
    let mut gems = Vec::new();
    for st in stones {
        let g = gem_index(st.kind);
        for _ in 0..st.count.clamp(0, 40) {
            if gems.len() < 40 {
                gems.push(g);
            }
        }
    }
    let mut style_rng = fastrand::Rng::with_seed(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x00F4_1760);
    let style = style_rng.u32(0..4);
    let tilt = style_rng.f64() * 2.0 - 1.0;
    let rng = fastrand::Rng::with_seed(seed ^ ((view as u64 + 1) << 40));
    let mut c = C { s: String::with_capacity(10_000), uid: 0, pal: metal_pal(metal), gems, rng, style, tilt };
    c.defs();
    match kind {
        Kind::Ring => ring(&mut c, view),
        Kind::Pendant => pendant(&mut c, view),
        Kind::Earrings => earrings(&mut c, view),
        Kind::Bangle => bangle(&mut c, view),
        Kind::Necklace => necklace(&mut c, view),
        Kind::Bracelet => bracelet(&mut c, view),
        Kind::NosePin => nose_pin(&mut c, view),
        Kind::Chain => chain(&mut c, view),
    }
    c.s.push_str("</g></g></svg>");
    compact_numbers(&c.s)
}

/// Shrinks the markup: decimals with magnitude >= 100 are rounded to whole
/// pixels and trailing ".0" is dropped. Only numbers containing a '.' are
/// rewritten, so hex colours and ids (`#c9a227`, `g3`) are never touched.
fn compact_numbers(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let mut last = 0;
    while i < b.len() {
        let c = b[i];
        let prev = if i > 0 { b[i - 1] } else { b' ' };
        let starts = (c.is_ascii_digit() || c == b'-' || c == b'.') && !(prev.is_ascii_digit() || prev == b'.');
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        if b[j] == b'-' {
            j += 1;
        }
        let digits_start = j;
        let mut dot = false;
        while j < b.len() && (b[j].is_ascii_digit() || (b[j] == b'.' && !dot)) {
            if b[j] == b'.' {
                dot = true;
            }
            j += 1;
        }
        let tok = &src[i..j];
        let valid = j > digits_start && tok != "-" && tok != "." && tok != "-.";
        if dot && valid {
            if let Ok(v) = tok.parse::<f64>() {
                let rep = if v.abs() >= 100.0 {
                    format!("{}", v.round() as i64)
                } else if let Some(stripped) = tok.strip_suffix(".0") {
                    if stripped == "-0" {
                        "0".to_string()
                    } else {
                        stripped.to_string()
                    }
                } else {
                    tok.to_string()
                };
                out.push_str(&src[last..i]);
                out.push_str(&rep);
                last = j;
            }
        }
        i = j.max(i + 1);
    }
    out.push_str(&src[last..]);
    out
}
