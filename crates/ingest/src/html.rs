//! HTML: the main content of a page, and the metadata its publisher put in it.
//!
//! The main content comes from dom_smoothie (a port of Mozilla's Readability, the algorithm behind
//! Firefox's reader view), which drops navigation, sidebars, share bars and footers. On short,
//! well-formed pages Readability sometimes drops real paragraphs, so a simple extraction of the
//! `<article>` (or `<main>`) minus page furniture is computed too, and used when Readability's
//! text is much shorter. Scripts and styles are removed before any text is taken.
//!
//! Metadata is read from what the publisher declared (Open Graph, `article:published_time`,
//! JSON-LD, `<time datetime>`) before falling back on the text rules of [`crate::meta`].

use crate::dates;
use crate::meta::{self, Layout};
use crate::text;
use casefile_model::{DocumentMeta, PartialDate};
use dom_query::{Document, Matcher, NodeRef, Selection};
use dom_smoothie::{Config, Readability, TextMode};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// `doc.select(css)` with the selector compiled once per process, not once per page: compiling
/// was a tenth of this module's own time on small pages.
macro_rules! select {
    ($doc:expr, $css:expr) => {{
        static MATCHER: once_cell::sync::Lazy<Matcher> =
            once_cell::sync::Lazy::new(|| Matcher::new($css).expect("valid CSS selector"));
        $doc.select_matcher(&MATCHER)
    }};
}

/// What the page declares about itself.
#[derive(Debug, Default)]
struct Declared {
    title: Option<String>,
    h1: Option<String>,
    site_name: Option<String>,
    /// The site named after the headline in `<title>`: "Headline | Site Name".
    title_site: Option<String>,
    publisher: Option<String>,
    published: Option<PartialDate>,
    url: Option<String>,
}

/// Clean text and metadata of an HTML page.
pub(crate) fn extract(raw: &[u8]) -> Result<(String, DocumentMeta), String> {
    let html = decode(raw)?;
    // Parse once: copying the tree is far cheaper than running html5ever again, and both the
    // block extraction and Readability edit the tree they are given.
    let doc = Document::from(html.as_str());
    let declared = declared_metadata(&doc);
    let readable = readability_text(doc.clone());
    let (fallback, scoped) = block_text(&doc);

    let fallback = text::normalize(&fallback);
    let chosen = match readable.map(|r| text::normalize(&r)) {
        Some(r) if !r.is_empty() => {
            // Readability trims short pages too eagerly: when the page marks its content with
            // <article>/<main>, trust that unless Readability kept most of it.
            if scoped && (r.chars().count() as f64) < 0.7 * fallback.chars().count() as f64 {
                fallback
            } else {
                r
            }
        }
        _ => fallback,
    };
    let cleaned = text::clean(&chosen);
    let layout = Layout::new(&cleaned.text);

    let title = declared
        .title
        .as_deref()
        .map(|t| {
            let site = declared
                .site_name
                .as_deref()
                .or(declared.title_site.as_deref());
            strip_site_suffix(t, site)
        })
        .map(|t| match &declared.h1 {
            Some(h1) => prefer_h1(&t, h1),
            None => t,
        })
        .or_else(|| declared.h1.clone())
        .filter(|t| !t.is_empty())
        .or_else(|| meta::title(&layout));
    let publisher = declared
        .site_name
        .clone()
        .or_else(|| declared.publisher.clone())
        // A news page that quotes an NGO is not the NGO's: only strong evidence counts here.
        .or_else(|| declared.title_site.clone())
        .or_else(|| meta::publisher_with_threshold(&layout, &[], 12.0));
    let published = declared.published.or_else(|| meta::published(&layout));
    let meta = DocumentMeta {
        title,
        publisher,
        published,
        reference: meta::reference(&cleaned.text),
        source_url: declared.url,
        supplied: Default::default(),
    };
    Ok((cleaned.text, meta))
}

/// Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else the charset the page
/// declares, else Windows-1252 (what browsers assume for undeclared legacy pages).
fn decode(raw: &[u8]) -> Result<String, String> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(raw) {
        let (s, _) = enc.decode_without_bom_handling(&raw[bom..]);
        return Ok(s.into_owned());
    }
    if let Some(pos) = raw.iter().position(|&b| b == 0) {
        return Err(format!(
            "binary content, not HTML (NUL byte at offset {pos})"
        ));
    }
    if let Ok(s) = std::str::from_utf8(raw) {
        return Ok(s.to_string());
    }
    let head = String::from_utf8_lossy(&raw[..raw.len().min(4096)]).to_lowercase();
    let label = head.find("charset=").map(|i| {
        head[i + 8..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect::<String>()
    });
    let enc = label
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
        .filter(|e| *e != encoding_rs::UTF_8)
        .unwrap_or(encoding_rs::WINDOWS_1252);
    let (s, _) = enc.decode_without_bom_handling(raw);
    Ok(s.into_owned())
}

fn readability_text(doc: Document) -> Option<String> {
    // A library panic on a malformed page must not take the run down; the fallback still works.
    catch_unwind(AssertUnwindSafe(|| {
        let cfg = Config {
            text_mode: TextMode::Formatted,
            // Stripping class attributes from the result is one more walk of the tree, and only
            // the text is used.
            keep_classes: true,
            ..Default::default()
        };
        let mut r = Readability::with_document(doc, None, Some(cfg)).ok()?;
        let article = r.parse().ok()?;
        Some(article.text_content.to_string())
    }))
    .ok()
    .flatten()
}

/// Elements that are never article text.
const JUNK_SELECTOR: &str =
    "script, style, noscript, template, iframe, svg, canvas, object, embed, \
    nav, aside, form, button, select, input, textarea, label, dialog, footer, \
    [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=dialog], \
    [aria-hidden=true], [hidden]";

/// Parts of class and id names that mark page furniture.
const JUNK_NAME_PARTS: &[&str] = &[
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "sharedaddy",
    "social",
    "comment",
    "comments",
    "respond",
    "reply",
    "newsletter",
    "subscribe",
    "subscription",
    "related",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "menu",
    "navbar",
    "nav",
    "navigation",
    "advert",
    "advertisement",
    "ads",
    "promo",
    "popup",
    "modal",
    "masthead",
    "widget",
    "skip",
];

fn is_junk_name(name: &str) -> bool {
    name.split_whitespace().any(|token| {
        token
            .to_ascii_lowercase()
            .split(['-', '_'])
            .any(|part| JUNK_NAME_PARTS.contains(&part))
    })
}

fn inside(node: &NodeRef, names: &[&str]) -> bool {
    node.ancestors_it(None).any(|a| {
        a.node_name()
            .is_some_and(|n| names.contains(&n.to_ascii_lowercase().as_str()))
    })
}

/// Text of the page's content element (`<article>`, else `<main>`, else `<body>`) minus furniture,
/// with a blank line between blocks. The flag says whether the page marked its content.
fn block_text(doc: &Document) -> (String, bool) {
    select!(doc, JUNK_SELECTOR).remove();
    // A <header> inside the article holds its headline and date; the page's own header is a menu.
    let headers: Vec<NodeRef> = select!(doc, "header").nodes().to_vec();
    for h in headers {
        if !inside(&h, &["article", "main"]) {
            h.remove_from_parent();
        }
    }
    // The body's length is only needed once a node is named like furniture, and most pages have
    // none: counting it first would build the whole body's text for nothing.
    let mut total: Option<usize> = None;
    let named: Vec<NodeRef> = select!(doc, "[class], [id]").nodes().to_vec();
    for n in named {
        let junk = n.class().is_some_and(|c| is_junk_name(&c))
            || n.id_attr().is_some_and(|i| is_junk_name(&i));
        if !junk {
            continue;
        }
        let total =
            *total.get_or_insert_with(|| select!(doc, "body").text().chars().count().max(1));
        // A wrapper named "page-with-sidebar" around everything is not furniture.
        if n.text().chars().count() * 2 < total {
            n.remove_from_parent();
        }
    }
    let largest = |sel: Selection| {
        let nodes = sel.nodes();
        // One candidate (the usual page) needs no comparison, so no text built to compare.
        let best = if nodes.len() == 1 {
            nodes.first()
        } else {
            nodes.iter().max_by_key(|n| n.text().chars().count())
        };
        best.map(|n| n.formatted_text().to_string())
    };
    if let Some(t) = largest(select!(doc, "article")).filter(|t| !t.trim().is_empty()) {
        return (t, true);
    }
    if let Some(t) = largest(select!(doc, "main, [role=main]")).filter(|t| !t.trim().is_empty()) {
        return (t, true);
    }
    let body = doc
        .body()
        .map(|b| b.formatted_text().to_string())
        .unwrap_or_else(|| doc.formatted_text().to_string());
    (body, false)
}

/// `<meta>` values by lower-cased `property`, `name` or `itemprop`, in document order.
fn meta_values(doc: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for m in select!(doc, "meta").nodes() {
        let Some(content) = m.attr("content") else {
            continue;
        };
        let content = content.trim().to_string();
        if content.is_empty() {
            continue;
        }
        for key in ["property", "name", "itemprop"] {
            if let Some(k) = m.attr(key) {
                out.push((k.trim().to_ascii_lowercase(), content.clone()));
            }
        }
    }
    out
}

fn first_meta(metas: &[(String, String)], keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|k| metas.iter().find(|(mk, _)| mk == k).map(|(_, v)| v.clone()))
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn declared_metadata(doc: &Document) -> Declared {
    let metas = meta_values(doc);
    let ld = json_ld(doc);
    let first_text = |sel: Selection| {
        sel.nodes()
            .first()
            .map(|n| one_line(&n.text()))
            .filter(|t| !t.is_empty())
    };
    let h1 = first_text(select!(doc, "article h1")).or_else(|| first_text(select!(doc, "h1")));
    let title = first_meta(&metas, &["og:title", "twitter:title"])
        .or(ld.headline.clone())
        .or_else(|| {
            select!(doc, "head title")
                .nodes()
                .first()
                .map(|n| n.text().to_string())
        })
        .map(|t| one_line(&t))
        .filter(|t| !t.is_empty());
    let site_name = first_meta(&metas, &["og:site_name", "application-name"]).map(|s| one_line(&s));
    let publisher = ld
        .publisher
        .clone()
        .or_else(|| first_meta(&metas, &["publisher", "dc.publisher"]))
        .map(|s| one_line(&s));

    let published = first_meta(&metas, &["article:published_time"])
        .and_then(|s| dates::parse_timestamp(&s))
        .or_else(|| ld.published.as_deref().and_then(dates::parse_timestamp))
        .or_else(|| {
            first_meta(
                &metas,
                &[
                    "og:published_time",
                    "datepublished",
                    "dc.date.issued",
                    "dcterms.issued",
                    "dc.date",
                    "pubdate",
                    "publishdate",
                    "publish-date",
                    "publication_date",
                    "citation_publication_date",
                    "sailthru.date",
                    "parsely-pub-date",
                    "date",
                ],
            )
            .and_then(|s| dates::parse_timestamp(&s))
        })
        .or_else(|| {
            // A <time> the page marks as the publication time, or one in the article's header.
            // Not any <time>: a site header may show today's date.
            let time_of = |sel: Selection| {
                sel.nodes()
                    .first()
                    .and_then(|n| n.attr("datetime"))
                    .and_then(|v| dates::parse_timestamp(&v))
            };
            time_of(select!(doc, "[itemprop=datePublished][datetime]"))
                .or_else(|| time_of(select!(doc, "time[pubdate][datetime]")))
                .or_else(|| time_of(select!(doc, "article header time[datetime]")))
        });
    let published = published.or_else(|| byline_date(doc));
    let url = first_meta(&metas, &["og:url"]).or_else(|| {
        select!(doc, "link[rel=canonical]")
            .nodes()
            .first()
            .and_then(|n| n.attr("href"))
            .map(|h| h.trim().to_string())
    });
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let title_site = title.as_deref().and_then(site_from_title);
    Declared {
        title,
        title_site,
        h1,
        site_name: site_name.filter(|s| !s.is_empty()),
        publisher: publisher.filter(|s| !s.is_empty()),
        published,
        url,
    }
}

/// Parts of class names that mark an article's byline or date line.
const BYLINE_NAME_PARTS: &[&str] = &[
    "byline",
    "dateline",
    "date",
    "published",
    "pubdate",
    "posted",
    "timestamp",
    "meta",
];

/// The date in the article's byline ("Alert · Thursday, 7 December 2023 · Europe desk"), for
/// pages that declare none. Only inside the article or main content: a site header may show
/// today's date.
fn byline_date(doc: &Document) -> Option<PartialDate> {
    select!(doc, "article [class], main [class]")
        .nodes()
        .iter()
        .filter(|n| {
            n.class().is_some_and(|c| {
                c.split_whitespace().any(|t| {
                    t.to_ascii_lowercase()
                        .split(['-', '_'])
                        .any(|p| BYLINE_NAME_PARTS.contains(&p))
                })
            })
        })
        .find_map(|n| {
            let t = one_line(&n.text());
            (t.len() <= 200)
                .then(|| dates::header_line_date(&t).or_else(|| dates::segmented_line_date(&t)))
                .flatten()
        })
}

#[derive(Debug, Default)]
struct JsonLd {
    headline: Option<String>,
    published: Option<String>,
    publisher: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "PressRelease",
    "WebPage",
];

fn json_ld(doc: &Document) -> JsonLd {
    let mut out = JsonLd::default();
    for s in select!(doc, "script").nodes() {
        let is_ld = s
            .attr("type")
            .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
        if !is_ld {
            continue;
        }
        // Broken JSON-LD is common on real sites; it is skipped, never fatal.
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(s.text().trim()) {
            visit_ld(&v, &mut out, 0);
        }
    }
    out
}

fn visit_ld(v: &serde_json::Value, out: &mut JsonLd, depth: usize) {
    use serde_json::Value;
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| visit_ld(i, out, depth + 1)),
        Value::Object(map) => {
            let types: Vec<&str> = match map.get("@type") {
                Some(Value::String(t)) => vec![t.as_str()],
                Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
                _ => vec![],
            };
            if types.iter().any(|t| ARTICLE_TYPES.contains(t)) {
                let s = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_string);
                if out.published.is_none() {
                    out.published = s("datePublished");
                }
                if out.headline.is_none() && !types.contains(&"WebPage") {
                    out.headline = s("headline");
                }
                if out.publisher.is_none() {
                    out.publisher = match map.get("publisher") {
                        Some(Value::String(p)) => Some(p.clone()),
                        Some(Value::Object(p)) => {
                            p.get("name").and_then(Value::as_str).map(str::to_string)
                        }
                        Some(Value::Array(ps)) => ps.iter().find_map(|p| {
                            p.get("name").and_then(Value::as_str).map(str::to_string)
                        }),
                        _ => None,
                    };
                }
            }
            if let Some(g) = map.get("@graph") {
                visit_ld(g, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// The declared title against the page's `<h1>`. When the title is the h1 plus decoration
/// ("Headline – Site"), the h1 is the headline. When the h1 is short and ends the title, the h1 is
/// the site's name (themes put it there) and comes off the title instead.
fn prefer_h1(title: &str, h1: &str) -> String {
    if title == h1 {
        return title.to_string();
    }
    if title.starts_with(h1) && h1.len() * 2 >= title.len() {
        return h1.to_string();
    }
    strip_site_suffix(title, Some(h1))
}

/// The site's name from "Headline | Site Name - Tagline": the part after the last " | " when it is
/// short and the headline is not, up to a " - " tagline.
fn site_from_title(title: &str) -> Option<String> {
    let (head, tail) = title.rsplit_once(" | ")?;
    let tail = tail.trim();
    let words = |s: &str| {
        s.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    if words(tail) > 10 || words(head) < 3 {
        return None;
    }
    let site = tail.split(" - ").next().unwrap_or(tail).trim();
    (!site.is_empty()).then(|| site.to_string())
}

/// "Headline | Site Name" → "Headline". With the site's name known, only that is removed;
/// otherwise only a last segment after " | " that is shorter than the rest.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let t = title.trim();
    if let Some(site) = site {
        let site_l = site.to_lowercase();
        for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "] {
            // Compared on slices of the original, so the cut always falls on a char boundary.
            if let Some((head, tail)) = t.rsplit_once(sep) {
                if tail.trim().to_lowercase() == site_l && !head.trim().is_empty() {
                    return head.trim().to_string();
                }
            }
            if let Some((head, tail)) = t.split_once(sep) {
                if head.trim().to_lowercase() == site_l && !tail.trim().is_empty() {
                    return tail.trim().to_string();
                }
            }
        }
    }
    if site_from_title(t).is_some() {
        if let Some((head, _)) = t.rsplit_once(" | ") {
            return head.trim().to_string();
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_the_site_name_from_titles() {
        assert_eq!(
            strip_site_suffix("Kazakhstan: free Kozlov | Amnesty International", None),
            "Kazakhstan: free Kozlov"
        );
        assert_eq!(
            strip_site_suffix("Kazakhstan: free Kozlov - HRF", Some("HRF")),
            "Kazakhstan: free Kozlov"
        );
        assert_eq!(
            strip_site_suffix("Kazakhstan - the crackdown goes on", None),
            "Kazakhstan - the crackdown goes on"
        );
    }

    #[test]
    fn the_h1_is_the_headline_or_the_site_name() {
        assert_eq!(
            prefer_h1(
                "Journalists detained in Almaty – Steppe Voices",
                "Steppe Voices"
            ),
            "Journalists detained in Almaty"
        );
        assert_eq!(
            prefer_h1(
                "Journalists detained in Almaty – Steppe Voices",
                "Journalists detained in Almaty"
            ),
            "Journalists detained in Almaty"
        );
        assert_eq!(
            prefer_h1("Journalists detained in Almaty", "Latest news"),
            "Journalists detained in Almaty"
        );
    }

    #[test]
    fn the_title_suffix_names_the_site() {
        let t = "RSF condemns arrest of 12 journalists | The Guardian Nigeria News - Nigeria and World News";
        let site = site_from_title(t);
        assert_eq!(site.as_deref(), Some("The Guardian Nigeria News"));
        assert_eq!(
            strip_site_suffix(t, site.as_deref()),
            "RSF condemns arrest of 12 journalists"
        );
        assert_eq!(site_from_title("A | B"), None);
    }

    #[test]
    fn junk_names_match_whole_parts_only() {
        assert!(is_junk_name("post share-buttons"));
        assert!(is_junk_name("cookie_banner"));
        assert!(!is_junk_name("commentary-body"));
        assert!(!is_junk_name("entry-content"));
    }

    #[test]
    fn legacy_charsets_are_decoded() {
        let raw = b"<html><head><meta charset=\"windows-1251\"></head><body><p>\xcf\xf0\xe8\xe2\xe5\xf2</p></body></html>";
        assert!(decode(raw).unwrap().contains("Привет"));
        let raw = b"<p>caf\xe9</p>";
        assert!(decode(raw).unwrap().contains("café"));
    }

    #[test]
    fn json_ld_gives_date_headline_and_publisher() {
        let doc = Document::from(
            r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"H","datePublished":"2015-05-05T10:00:00Z","publisher":{"@type":"Organization","name":"Front Line Defenders"}}]}</script></head><body></body></html>"#,
        );
        let d = declared_metadata(&doc);
        assert_eq!(d.published, PartialDate::ymd(2015, 5, 5));
        assert_eq!(d.publisher.as_deref(), Some("Front Line Defenders"));
        assert_eq!(d.title.as_deref(), Some("H"));
    }
}
