//! HTML main-content extraction and declared metadata on realistic pages written here.

use casefile_ingest::{load_bytes, IngestOptions};
use casefile_model::{PartialDate, SourceFormat};

/// A press-release page as NGO sites build them: menu, breadcrumbs, share bar, cookie banner,
/// comment form, footer, scripts, and an image whose onerror handler carries script.
const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Kazakhstan: Free Vladimir Kozlov now | Rights Monitor</title>
<meta property="og:title" content="Kazakhstan: Free Vladimir Kozlov now | Rights Monitor">
<meta property="og:site_name" content="Rights Monitor">
<meta property="og:url" content="https://rights.example.org/kz/kozlov">
<meta property="article:published_time" content="2012-12-14T09:30:00+06:00">
<style>body { font-family: sans-serif; } .secret-style-text { color: red; }</style>
<script>var tracking = "SCRIPT-IN-HEAD-MUST-NOT-APPEAR";</script>
</head>
<body>
<header class="site-header">
  <a href="/">Rights Monitor</a>
  <nav class="main-menu"><ul>
    <li><a href="/about">About Us</a></li><li><a href="/mission">Mission</a></li>
    <li><a href="/donate">Donate</a></li><li><a href="/press">Press Releases</a></li>
  </ul></nav>
</header>
<div id="cookie-banner">We use cookies to improve your experience. <button>Accept all cookies</button></div>
<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/kz">Kazakhstan</a> &gt; Free Kozlov</div>
<main>
<article>
  <h1>Kazakhstan: Free Vladimir Kozlov now</h1>
  <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Print</a></div>
  <p>NEW YORK &mdash; The authorities of Kazakhstan must release the opposition leader Vladimir Kozlov, who was sentenced to seven and a half years in prison on 8 October, Rights Monitor said today.</p>
  <p>Kozlov, leader of the unregistered party &ldquo;Alga!&rdquo;, was detained on 23 January 2012 and charged under Article 164 of the Criminal Code with &ldquo;inciting social discord&rdquo;.</p>
  <img src="x.png" onerror="alert('IMG-ONERROR-MUST-NOT-APPEAR')">
  <script>alert(1); document.write("SCRIPT-IN-BODY-MUST-NOT-APPEAR");</script>
  <p>The court ignored credible allegations that testimony against him had been obtained under torture &amp; duress.</p>
  <blockquote>&ldquo;This verdict is a message to every critic in the country,&rdquo; said a spokesperson.</blockquote>
</article>
</main>
<section id="comments" class="comments-area">
  <h3>Leave a Reply</h3>
  <form action="/comment"><label>Comment</label><textarea name="c"></textarea>
  <label>Name *</label><input name="n"><button>Post Comment</button></form>
</section>
<aside class="sidebar"><h3>Related</h3><ul><li><a href="/x">Other story about something else entirely</a></li></ul></aside>
<footer class="site-footer"><p>&copy; 2026 Rights Monitor. All rights reserved. Privacy policy.</p></footer>
<script src="/analytics.js"></script>
</body>
</html>"##;

fn load(html: &str) -> casefile_model::Document {
    load_bytes(
        "page.html",
        html.as_bytes(),
        SourceFormat::Html,
        &IngestOptions::default(),
    )
    .unwrap()
    .document
}

#[test]
fn keeps_the_article_and_drops_the_page_furniture() {
    let d = load(PAGE);
    let t = &d.text;
    for kept in [
        "The authorities of Kazakhstan must release the opposition leader Vladimir Kozlov",
        "was detained on 23 January 2012 and charged under Article 164",
        "“inciting social discord”",
        "obtained under torture & duress.",
        "“This verdict is a message to every critic in the country,” said a spokesperson.",
    ] {
        assert!(t.contains(kept), "missing {kept:?} in {t:?}");
    }
    for gone in [
        "MUST-NOT-APPEAR",
        "alert(",
        "font-family",
        "About Us",
        "Donate",
        "We use cookies",
        "Accept all cookies",
        "Share on Facebook",
        "Tweet",
        "Leave a Reply",
        "Post Comment",
        "Other story",
        "All rights reserved",
    ] {
        assert!(!t.contains(gone), "{gone:?} should be gone from {t:?}");
    }
    // Paragraphs stay separate, with a blank line between them.
    assert!(
        t.contains("Rights Monitor said today.\n\nKozlov, leader"),
        "no paragraph break in {t:?}"
    );
    assert!(!t.contains("\n\n\n"));
}

#[test]
fn reads_the_declared_metadata() {
    let d = load(PAGE);
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Kazakhstan: Free Vladimir Kozlov now")
    );
    assert_eq!(d.meta.publisher.as_deref(), Some("Rights Monitor"));
    // The publisher's calendar day, not shifted to UTC.
    assert_eq!(d.meta.published, PartialDate::ymd(2012, 12, 14));
    assert_eq!(
        d.meta.source_url.as_deref(),
        Some("https://rights.example.org/kz/kozlov")
    );
    assert!(d.meta.supplied.is_empty());
}

#[test]
fn a_short_article_survives_whole() {
    // Readability drops short pages' paragraphs; the <article> fallback keeps them.
    let html = r#"<html><head><title>Activist held</title>
<meta property="article:published_time" content="2021-03-08T23:00:34"></head>
<body><article><h1>Activist held</h1>
<p>Police detained the activist on Monday.</p>
<p>She was released two days later without charge.</p>
</article></body></html>"#;
    let d = load(html);
    assert!(d.text.contains("Police detained the activist on Monday.\n\nShe was released two days later without charge."), "{:?}", d.text);
    assert_eq!(d.meta.published, PartialDate::ymd(2021, 3, 8));
    assert_eq!(d.meta.title.as_deref(), Some("Activist held"));
}

#[test]
fn without_declared_date_the_page_has_none() {
    let html = r#"<html><head><title>Undated</title></head><body>
<header><time datetime="2026-11-23">Monday 23 November 2026</time></header>
<article><p>The trial of the journalist opened in December 2011 in Aktau and lasted three weeks, witnesses said.</p></article>
</body></html>"#;
    let d = load(html);
    // A site header's "today" and a body date are not a publication date.
    assert_eq!(d.meta.published, None);
    assert_eq!(d.meta.publisher, None);
}

#[test]
fn json_ld_and_time_element_give_the_date() {
    let html = r#"<html><head><title>X</title></head><body><article><header><h1>Journalist beaten in Almaty</h1>
<time datetime="2015-05-05T08:00:00Z">5 May</time></header>
<p>A journalist was beaten by unknown men outside his home in Almaty on Sunday night, colleagues said.</p></article></body></html>"#;
    let d = load(html);
    assert_eq!(d.meta.published, PartialDate::ymd(2015, 5, 5));
    assert_eq!(
        d.meta.title.as_deref(),
        Some("X"),
        "the declared <title> wins when it does not contain the h1"
    );
}

#[test]
fn an_empty_page_is_an_error() {
    let e = load_bytes(
        "blank.html",
        b"<html><head><script>x=1</script></head><body>  </body></html>",
        SourceFormat::Html,
        &IngestOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.to_string(), "blank.html: empty document");
}

/// A blog theme without <article> or <main>: the content sits in div.entry-content, next to a
/// comment list, a widget sidebar and a top bar showing the day's date.
const BLOG: &str = r##"<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kazakhstan: journalists detained in Almaty &#8211; Steppe Voices</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"Kazakhstan: journalists detained in Almaty","datePublished":"2022-01-07T10:00:00+06:00","publisher":{"@type":"Organization","name":"Steppe Voices"}}</script>
</head><body>
<div id="page"><div class="top-bar">Monday, 23 November 2026 | Login | Register</div>
<div id="masthead"><h1 class="site-title">Steppe Voices</h1><ul class="menu"><li>Home</li><li>News</li><li>About</li><li>Contact</li></ul></div>
<div id="content" class="site-content">
<div id="primary">
<div class="post-header"><h2 class="entry-title">Kazakhstan: journalists detained in Almaty</h2><span class="posted-on">January 7, 2022</span></div>
<div class="entry-content">
<p>Police in Almaty detained at least three journalists who were covering the protests on Wednesday, according to their editors, who said the reporters had shown their press cards.</p>
<p>One of them, a correspondent for a regional news site, was released after six hours without charge. The other two remained in custody on Thursday evening, their lawyers said.</p>
<p>The Interior Ministry did not respond to a request for comment. Media rights groups called for the immediate release of the journalists and for an investigation into the detentions.</p>
<div class="sharedaddy"><h3>Share this:</h3><ul><li>Twitter</li><li>Facebook</li></ul></div>
</div>
<div id="comments" class="comments-area"><h2>3 thoughts on this</h2><ol class="comment-list"><li class="comment">Great post, thanks for sharing this important news with us all!</li><li class="comment">Buy cheap watches at example dot com, best prices in the whole world.</li></ol>
<div id="respond"><h3>Leave a Reply</h3><form><p>Your email address will not be published.</p><textarea></textarea></form></div></div>
</div>
<div id="secondary" class="widget-area"><section class="widget"><h2>Recent Posts</h2><ul><li>Another post about something else that happened in the region last month</li></ul></section></div>
</div>
<footer id="colophon"><div class="site-info">Proudly powered by WordPress | Theme by Someone</div></footer></div>
</body></html>
"##;

#[test]
fn a_blog_page_without_article_markup() {
    let d = load(BLOG);
    assert!(d
        .text
        .starts_with("Police in Almaty detained at least three journalists"));
    assert!(d.text.contains("for an investigation into the detentions."));
    for gone in [
        "Great post",
        "cheap watches",
        "Leave a Reply",
        "Recent Posts",
        "WordPress",
        "Share this",
        "2026",
    ] {
        assert!(
            !d.text.contains(gone),
            "{gone:?} should be gone from {:?}",
            d.text
        );
    }
    assert_eq!(d.meta.published, PartialDate::ymd(2022, 1, 7));
    assert_eq!(d.meta.publisher.as_deref(), Some("Steppe Voices"));

    // Without the JSON-LD the page states no date the reader can trust: the top bar's is today's.
    let start = BLOG.find("<script type=\"application/ld+json\">").unwrap();
    let end = BLOG[start..].find("</script>").unwrap() + start + "</script>".len();
    let bare = format!("{}{}", &BLOG[..start], &BLOG[end..]);
    let d = load(&bare);
    assert_eq!(d.meta.published, None);
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Kazakhstan: journalists detained in Almaty")
    );
}
