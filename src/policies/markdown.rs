//! Policy texts are written in Markdown by staff and shown on public pages: rendered here,
//! safely. Raw HTML in the text is shown as text (escaped), never passed through; a link goes
//! only to http(s), mailto or a relative address (anything else keeps its words, loses its
//! link); images are left out (their description stays as text); headings are shifted so the
//! text's first level is `<h2>` under the page's own `<h1>`.

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Whether a link may point there: `http:`, `https:`, `mailto:` or no scheme at all (a path,
/// `#anchor`, `?query`). Browsers ignore tabs, newlines and other control characters inside a
/// scheme (`java\tscript:`), so they are removed before the scheme is read.
pub fn allowed_link(dest: &str) -> bool {
    let cleaned: String = dest.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).collect();
    let end = cleaned.find(['/', '?', '#']).unwrap_or(cleaned.len());
    match cleaned[..end].find(':') {
        None => true,
        Some(i) => {
            let scheme = cleaned[..i].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto")
        }
    }
}

fn level(n: usize) -> HeadingLevel {
    match n {
        ..=1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// The HTML of a policy text: safe to put into a page as is.
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, options).collect();
    let top = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .min()
        .unwrap_or(2);
    let shift = |l: HeadingLevel| level(l as usize + 2 - top);
    let mut dropped_link = false;
    let mut safe = Vec::with_capacity(events.len());
    for event in events {
        let event = match event {
            // Raw HTML is shown as the text it is (the writer escapes text).
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            Event::Start(Tag::HtmlBlock) => Event::Start(Tag::Paragraph),
            Event::End(TagEnd::HtmlBlock) => Event::End(TagEnd::Paragraph),
            Event::Start(Tag::Link { dest_url, .. }) if !allowed_link(&dest_url) => {
                dropped_link = true;
                continue;
            }
            Event::End(TagEnd::Link) if dropped_link => {
                dropped_link = false;
                continue;
            }
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => continue,
            Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                Event::Start(Tag::Heading { level: shift(level), id, classes, attrs })
            }
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(shift(level))),
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let dest_url = CowStr::from(dest_url.trim().to_string());
                Event::Start(Tag::Link { link_type, dest_url, title, id })
            }
            other => other,
        };
        safe.push(event);
    }
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, safe.into_iter());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_shown_as_text_never_run() {
        let out = render(
            "Hello <script>alert(1)</script>\n\n<div onclick=\"x()\">block</div>\n\n<img src=x onerror=alert(1)>",
        );
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<div"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{out}");
    }

    #[test]
    fn only_web_mail_and_relative_links_stay_links() {
        let out = render(
            "[a](javascript:alert(1)) [b](JaVaScRiPt:alert(2)) [c](java\tscript:x) <javascript:alert(3)> [d](data:text/html,x) [e](vbscript:x)",
        );
        assert!(!out.contains("href"), "{out}");
        assert!(out.contains('a') && out.contains('d'));
        let out = render("[w](https://example.org/x) [m](mailto:help@example.org) [r](/policies/terms) [h](#top)");
        for href in ["https://example.org/x", "mailto:help@example.org", "/policies/terms", "#top"] {
            assert!(out.contains(&format!("href=\"{href}\"")), "{href} in {out}");
        }
        // Entities in a destination are decoded before the check.
        assert!(!render("[x](&#106;avascript:alert(1))").contains("href"));
        assert!(!allowed_link(" javascript:x"));
        assert!(allowed_link("/a:b"));
    }

    #[test]
    fn images_keep_their_words_and_headings_start_at_h2() {
        let out = render("# Title\n\n## Part\n\n![a ring](https://example.org/r.png)");
        assert!(out.contains("<h2>Title</h2>") && out.contains("<h3>Part</h3>"), "{out}");
        assert!(!out.contains("<img") && out.contains("a ring"), "{out}");
        let out = render("### Three first\n\n#### Four");
        assert!(out.contains("<h2>Three first</h2>") && out.contains("<h3>Four</h3>"), "{out}");
        let out = render("## Already two\n\n### Three");
        assert!(out.contains("<h2>Already two</h2>") && out.contains("<h3>Three</h3>"), "{out}");
    }

    #[test]
    fn tables_render_as_tables() {
        let out = render("| Zone | Cost |\n|---|---|\n| India | ₹800 |\n");
        assert!(out.contains("<table>") && out.contains("<th>Zone</th>"), "{out}");
    }
}
