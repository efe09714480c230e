//! Plain text and Markdown: decoding, markup removal, normalisation and boilerplate removal.
//!
//! Texts saved from web pages carry the page's furniture: a site menu at the top ("About Us",
//! "Mission", "Donate"), breadcrumbs ("• Home • > • Title"), share buttons and a comment form at
//! the end. These are removed line by line with rules that only fire on what is clearly furniture:
//! short lines without sentence punctuation, in runs, at the edges of the document. A sentence of
//! the article body is never removed.

use once_cell::sync::Lazy;
use regex::Regex;
use std::borrow::Cow;

/// Text after cleaning, with the site header lines that were removed from its top (they name the
/// site, which is evidence of the publisher even though they are not part of the article).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Cleaned {
    /// Clean text: `\n` newlines, no trailing spaces, paragraphs separated by one blank line.
    pub text: String,
    /// Lines of the site header removed above a navigation menu, in order.
    pub header_lines: Vec<String>,
}

/// Decodes bytes that must be UTF-8 text, refusing binary content with a reason a user can act on.
///
/// UTF-16 with a byte-order mark is accepted too: it is what Windows editors save as "Unicode".
pub(crate) fn decode_utf8_text(raw: &[u8]) -> Result<String, String> {
    if raw.starts_with(&[0xFF, 0xFE]) || raw.starts_with(&[0xFE, 0xFF]) {
        let enc = if raw[0] == 0xFF {
            encoding_rs::UTF_16LE
        } else {
            encoding_rs::UTF_16BE
        };
        let (s, had_errors) = enc.decode_without_bom_handling(&raw[2..]);
        if had_errors {
            return Err(
                "not UTF-16 text (invalid code units after a UTF-16 byte-order mark)".into(),
            );
        }
        if s.trim().is_empty() {
            return Err("empty document".into());
        }
        return Ok(s.into_owned());
    }
    let body = raw.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(raw);
    if let Some(pos) = body.iter().position(|&b| b == 0) {
        return Err(format!(
            "binary content, not text (NUL byte at offset {})",
            pos + (raw.len() - body.len())
        ));
    }
    let s = std::str::from_utf8(body).map_err(|e| {
        format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.valid_up_to() + (raw.len() - body.len())
        )
    })?;
    let control = s
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    let total = s.chars().count();
    if total > 0 && control * 10 > total {
        return Err("binary content, not text (mostly control characters)".into());
    }
    if s.trim().is_empty() {
        return Err("empty document".into());
    }
    Ok(s.to_string())
}

static MD_IMAGE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"!\[[^\]\n]*\]\([^)\n]*\)|!\[[^\]\n]*\]\[[^\]\n]*\]").expect("re"));
static MD_LINK: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+[^)\n]*)?\)").expect("re")
});
static MD_REF_LINK: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\[([^\]\n]+)\]\[[^\]\n]*\]").expect("re"));
static MD_REF_DEF: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^\s{0,3}\[[^\]\n]+\]:\s+\S+.*$").expect("re"));
static MD_AUTOLINK: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"<((?:https?|mailto):[^>\s]+)>").expect("re"));
static MD_HEADING: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^\s{0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$").expect("re"));
static MD_FENCE: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\s{0,3}(?:```|~~~)").expect("re"));
static MD_RULE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,}|=+)\s*$").expect("re")
});
static MD_BOLD: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\*\*([^*\n]+?)\*\*|__([^_\n]+?)__").expect("re"));
static MD_ITALIC_STAR: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(^|[^\w*])\*([^*\s](?:[^*\n]*?[^*\s])?)\*").expect("re"));
static MD_ITALIC_UNDER: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(^|[^\w])_([^_\s][^_\n]*?)_(?:\b|$)").expect("re"));
static MD_CODE: Lazy<Regex> = Lazy::new(|| Regex::new(r"`([^`\n]+)`").expect("re"));
static MD_QUOTE: Lazy<Regex> = Lazy::new(|| Regex::new(r"^\s{0,3}>\s?").expect("re"));
static MD_STAR_BULLET: Lazy<Regex> = Lazy::new(|| Regex::new(r"^(\s*)[*+]\s+").expect("re"));
static MD_ESCAPE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\\([\\`*_{}\[\]()#+\-.!>])").expect("re"));

/// Link syntax `[text](url)` becomes its text. Also applied to plain text: pages saved as text by
/// converters keep it ("[submitted a letter](#)"), and the link target is never article prose.
///
/// Star emphasis (`*Respublika*`, `**ban**`) goes the same way for the same reason; underscores
/// are left alone in plain text, where they belong to file and user names.
pub(crate) fn strip_links(s: &str) -> String {
    let s = MD_IMAGE.replace_all(s, "");
    let s = MD_LINK.replace_all(&s, "$1");
    let s = MD_BOLD.replace_all(&s, |c: &regex::Captures| {
        // `__x__` is left as written outside Markdown.
        match c.get(1) {
            Some(m) => m.as_str().to_string(),
            None => c[0].to_string(),
        }
    });
    MD_ITALIC_STAR.replace_all(&s, "$1$2").into_owned()
}

/// Removes Markdown markup and keeps the text and its paragraph structure.
pub(crate) fn strip_markdown(src: &str) -> String {
    let src = src.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = Vec::new();
    let mut in_fence = false;
    for line in src.lines() {
        if MD_FENCE.is_match(line) {
            // Fence markers go; the code between them is kept as written.
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            out.push(line.to_string());
            continue;
        }
        if MD_REF_DEF.is_match(line) {
            continue;
        }
        // A setext underline ("Title\n=====") or a horizontal rule: markup only.
        if MD_RULE.is_match(line) {
            continue;
        }
        let mut l = line.to_string();
        if let Some(c) = MD_HEADING.captures(&l) {
            l = c.get(1).map_or("", |m| m.as_str()).to_string();
        }
        while MD_QUOTE.is_match(&l) {
            l = MD_QUOTE.replace(&l, "").into_owned();
        }
        l = MD_STAR_BULLET.replace(&l, "$1- ").into_owned();
        l = MD_IMAGE.replace_all(&l, "").into_owned();
        l = MD_LINK.replace_all(&l, "$1").into_owned();
        l = MD_REF_LINK.replace_all(&l, "$1").into_owned();
        l = MD_AUTOLINK.replace_all(&l, "$1").into_owned();
        l = MD_CODE.replace_all(&l, "$1").into_owned();
        l = MD_BOLD
            .replace_all(&l, |c: &regex::Captures| {
                c.get(1)
                    .or_else(|| c.get(2))
                    .map_or(String::new(), |m| m.as_str().to_string())
            })
            .into_owned();
        l = MD_ITALIC_STAR.replace_all(&l, "$1$2").into_owned();
        l = MD_ITALIC_UNDER.replace_all(&l, "$1$2").into_owned();
        l = MD_ESCAPE.replace_all(&l, "$1").into_owned();
        // Trailing double space is a Markdown line break; the line break itself stays.
        out.push(l);
    }
    out.join("\n")
}

/// Normalises newlines and spaces: `\n` only, no trailing spaces, lines trimmed, runs of blank
/// lines collapsed into one.
pub(crate) fn normalize(s: &str) -> String {
    // Most texts have no carriage return (and each is normalised more than once): copied only
    // when there is one to replace.
    let s: Cow<str> = if memchr::memchr(b'\r', s.as_bytes()).is_some() {
        Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(s)
    };
    let s = s.strip_prefix('\u{feff}').unwrap_or(&s);
    let mut out = String::with_capacity(s.len());
    let mut blank_run = 0usize;
    for line in s.split('\n') {
        // Non-breaking and other exotic spaces at the edges are layout, not content.
        let line =
            line.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{200b}');
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// Full cleaning of text from any source: normalisation, furniture removal.
pub(crate) fn clean(s: &str) -> Cleaned {
    let s = normalize(s);
    let lines: Vec<&str> = s.split('\n').collect();
    let mut keep = vec![true; lines.len()];
    let mut header_lines = Vec::new();

    remove_breadcrumbs(&lines, &mut keep);
    remove_top_menu(&lines, &mut keep, &mut header_lines);
    remove_link_bars(&lines, &mut keep);
    remove_bottom_menu(&lines, &mut keep);
    remove_furniture_lines(&lines, &mut keep);

    let kept: Vec<&str> = lines
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(l, _)| *l)
        .collect();
    Cleaned {
        text: normalize(&kept.join("\n")),
        header_lines,
    }
}

const BULLETS: &[char] = &['•', '·', '‣', '▪', '◦', '●', '*', '-', '–', '|', '»', '›'];

fn strip_bullet(line: &str) -> &str {
    let t = line.trim();
    let stripped = t.trim_start_matches(BULLETS);
    if stripped.len() != t.len() && (stripped.starts_with(' ') || stripped.is_empty()) {
        stripped.trim()
    } else {
        t
    }
}

fn has_bullet(line: &str) -> bool {
    let t = line.trim();
    t.starts_with(['•', '·', '‣', '▪', '◦', '●']) || t.starts_with("* ") || t.starts_with("- ")
}

/// Indices of the non-blank lines, in order.
fn nonblank(lines: &[&str]) -> Vec<usize> {
    (0..lines.len())
        .filter(|&i| !lines[i].trim().is_empty())
        .collect()
}

static BREADCRUMB_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:you are here:?\s*)?home\s*(?:[>»›/|]|&gt;)\s*\S").expect("re")
});

/// How many non-blank lines from the top are "header": those before the first line of body prose,
/// at most 40. Menus, breadcrumbs and language switchers are only looked for there.
fn top_region(lines: &[&str], nb: &[usize]) -> usize {
    nb.iter()
        .position(|&i| is_body_paragraph(lines[i]))
        .unwrap_or(nb.len())
        .min(40)
}

/// Breadcrumbs in the header: a bulleted run starting with "Home" ("• Home / • > / • Title"), or
/// one line "Home > News > Title".
fn remove_breadcrumbs(lines: &[&str], keep: &mut [bool]) {
    let nb = nonblank(lines);
    let top = top_region(lines, &nb);
    let mut k = 0;
    while k < top {
        let i = nb[k];
        let item = strip_bullet(lines[i]);
        if BREADCRUMB_LINE.is_match(item) {
            keep[i] = false;
        } else if has_bullet(lines[i]) && item.eq_ignore_ascii_case("home") {
            // Drop this and the bulleted lines that follow it, each short.
            keep[i] = false;
            while k + 1 < nb.len() {
                let l = lines[nb[k + 1]];
                if has_bullet(l) && strip_bullet(l).split_whitespace().count() <= 15 {
                    keep[nb[k + 1]] = false;
                    k += 1;
                } else {
                    break;
                }
            }
        }
        k += 1;
    }
}

/// A language switcher or link bar in the header: "English | Русский | Қазақша".
fn remove_link_bars(lines: &[&str], keep: &mut [bool]) {
    let nb = nonblank(lines);
    let top = top_region(lines, &nb);
    for &i in &nb[..top] {
        let items: Vec<&str> = lines[i].split(['|', '·']).map(str::trim).collect();
        let short = items.iter().all(|it| {
            let w = it.split_whitespace().count();
            (1..=3).contains(&w)
                && !it.chars().any(|c| c.is_ascii_digit())
                && !it.ends_with(['.', '!', '?', ':', ','])
        });
        if items.len() >= 3 && short {
            keep[i] = false;
        }
    }
}

static WHOLE_LINK: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^\[[^\]]{1,40}\]\([^)]*\)$").expect("re"));

/// A menu entry: one to four words, Title Case, no digits, no sentence punctuation.
fn is_menu_item(line: &str) -> bool {
    let item = strip_bullet(line);
    if WHOLE_LINK.is_match(item) {
        return true;
    }
    let words: Vec<&str> = item.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 || item.chars().count() > 32 {
        return false;
    }
    if item.chars().any(|c| c.is_ascii_digit()) || item.ends_with(['.', '!', '?', ':', ';', ',']) {
        return false;
    }
    // All capitals is a document header ("PUBLIC STATEMENT", "KAZAKSTAN"), not a menu.
    if !item.chars().any(|c| c.is_lowercase()) {
        return false;
    }
    words.iter().all(|w| {
        let first = w.chars().next().unwrap_or('x');
        first.is_uppercase()
            || !first.is_alphabetic()
            || matches!(
                *w,
                "of" | "the" | "and" | "for" | "to" | "in" | "us" | "a" | "on" | "&" | "with"
            )
    })
}

/// A body paragraph: long enough and made of sentences.
pub(crate) fn is_body_paragraph(p: &str) -> bool {
    let words = p.split_whitespace().count();
    words >= 15 && p.contains(['.', '!', '?'])
}

/// A site menu in the header: a run of at least four menu entries before any body prose. When it
/// comes within the first lines, the short lines above it (site name, tagline) are the site's
/// header: removed too, and returned as `header_lines`.
fn remove_top_menu(lines: &[&str], keep: &mut [bool], header_lines: &mut Vec<String>) {
    let nb: Vec<usize> = nonblank(lines).into_iter().filter(|&i| keep[i]).collect();
    let top = top_region(lines, &nb);
    let Some(start) = (0..top).find(|&k| run_len(lines, &nb, k) >= 4) else {
        return;
    };
    let len = run_len(lines, &nb, start);
    let mut end = start + len;
    // A headline in Title Case can look like a menu entry; the line right before the lede is the
    // headline, so it stays.
    if end < nb.len()
        && is_body_paragraph(lines[nb[end]])
        && !WHOLE_LINK.is_match(strip_bullet(lines[nb[end - 1]]))
    {
        end -= 1;
    }
    let site_header = start <= 6
        && nb[..start]
            .iter()
            .all(|&i| lines[i].split_whitespace().count() <= 8);
    if site_header {
        for &i in &nb[..start] {
            header_lines.push(lines[i].trim().to_string());
            keep[i] = false;
        }
        // A menu opening the document usually starts with the site's name.
        if start == 0 {
            header_lines.push(strip_bullet(lines[nb[0]]).to_string());
        }
    }
    for &i in &nb[start..end] {
        keep[i] = false;
    }
}

fn run_len(lines: &[&str], nb: &[usize], from: usize) -> usize {
    nb[from..]
        .iter()
        .take_while(|&&i| is_menu_item(lines[i]))
        .count()
}

/// A footer menu at the very end: a run of at least four menu entries closing the document.
fn remove_bottom_menu(lines: &[&str], keep: &mut [bool]) {
    let nb: Vec<usize> = nonblank(lines).into_iter().filter(|&i| keep[i]).collect();
    let run = nb
        .iter()
        .rev()
        .take_while(|&&i| is_menu_item(lines[i]) || is_furniture(lines[i]))
        .count();
    let menu_items = nb
        .iter()
        .rev()
        .take(run)
        .filter(|&&i| is_menu_item(lines[i]))
        .count();
    if menu_items >= 4 && run < nb.len() {
        for &i in nb.iter().rev().take(run) {
            keep[i] = false;
        }
    }
}

static FURNITURE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?ix)^(?:
            share(?:\s+(?:this|on|via))?(?:\s+(?:article|page|story|post|icon))?
          | share\s+icon
          | (?:share|follow)(?:\s+(?:this|us|on))?\s*:?\s*(?:(?:facebook|twitter|x|email|e-mail|linkedin|whatsapp|telegram|reddit|print|copy\s+link)[\s,|/·•]*)+
          | tweet | print | email | e-mail | facebook | twitter | linkedin | whatsapp | telegram | reddit | pinterest
          | print\s+(?:this\s+)?(?:page|article)? | print\s+friendly | copy\s+link
          | leave\s+a\s+(?:reply|comment) | post\s+comment | submit\s+comment
          | skip\s+to\s+(?:main\s+)?content | back\s+to\s+top | read\s+more | related(?:\s+(?:articles|posts|stories|news))?
          | (?:view|see|read|more)\s+(?:all\s+|latest\s+|more\s+)?(?:press\s+releases|news|articles|stories|posts)
          | accept(?:\s+all)?(?:\s+cookies)? | cookie\s+(?:settings|preferences|policy)
          | sign\s+up\s+(?:for|to)\s+our\s+newsletter | subscribe(?:\s+to\s+our\s+newsletter)?
        )\s*:?$",
    )
    .expect("furniture regex")
});

/// Lists of other stories and taxonomy: "Related: Title one | Title two", "Tags: Tarsaly, Media".
static RELATED_LINE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:related(?:\s+(?:articles?|posts?|stories|news|content|reading|links))?|you\s+may\s+also\s+like|read\s+also|also\s+read|more\s+on\s+this(?:\s+topic)?|recommended(?:\s+for\s+you)?|tags|tagged|topics|filed\s+under|categories)\s*:\s*\S")
        .expect("related regex")
});

static COOKIE_SENTENCE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:this\s+(?:web)?site|we)\s+uses?\s+cookies\b").expect("cookie regex")
});

/// Comment-form lines, removed only after a "Leave a Reply" heading.
static COMMENT_FORM: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?ix)^(?:your\s+email\s+address\s+will\s+not\s+be\s+published.*
          | required\s+fields\s+are\s+marked.*
          | (?:comment|name|email|e-mail|website|url)\s*\*?
          | save\s+my\s+name,?\s+email.*
          | cancel\s+reply | post\s+comment | submit | notify\s+me\s+of.*
          | you\s+must\s+be\s+logged\s+in.*
        )$",
    )
    .expect("comment form regex")
});

fn is_furniture(line: &str) -> bool {
    let item = strip_bullet(line);
    FURNITURE.is_match(item)
        || (COOKIE_SENTENCE.is_match(item) || RELATED_LINE.is_match(item)) && item.len() < 400
}

/// Single lines that are page furniture wherever they stand: share buttons, "Leave a Reply" and
/// the comment form under it, cookie notices.
fn remove_furniture_lines(lines: &[&str], keep: &mut [bool]) {
    let mut in_comment_form = false;
    let mut in_share_bar = false;
    for (i, line) in lines.iter().enumerate() {
        let item = strip_bullet(line);
        if item.is_empty() {
            continue;
        }
        if is_furniture(item) {
            keep[i] = false;
            let lower = item.to_lowercase();
            in_comment_form = lower.starts_with("leave a");
            in_share_bar = lower.starts_with("share")
                || lower.starts_with("follow")
                || (in_share_bar && item.split_whitespace().count() <= 2);
            continue;
        }
        if in_comment_form {
            if COMMENT_FORM.is_match(item) {
                keep[i] = false;
                continue;
            }
            in_comment_form = false;
        }
        // Under "Share this:", the network names ("X", "Bluesky") are buttons, whatever they are.
        if in_share_bar {
            let words = item.split_whitespace().count();
            if words <= 2 && !item.ends_with(['.', '!', '?', ':']) && !item.contains(',') {
                keep[i] = false;
                continue;
            }
            in_share_bar = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_binary_and_invalid_utf8_and_empty() {
        assert!(decode_utf8_text(b"abc\0def")
            .unwrap_err()
            .contains("offset 3"));
        let e = decode_utf8_text(b"caf\xe9 au lait").unwrap_err();
        assert_eq!(e, "not UTF-8 text (invalid byte at offset 3)");
        assert_eq!(decode_utf8_text(b" \n\t\n").unwrap_err(), "empty document");
        assert!(decode_utf8_text(&[1u8, 2, 3, 4, 5, 6, 7, 8, b'a']).is_err());
        assert_eq!(decode_utf8_text(b"\xEF\xBB\xBFhello").unwrap(), "hello");
        assert_eq!(
            decode_utf8_text(b"\xFF\xFEh\0i\0").unwrap(),
            "hi",
            "UTF-16 with a byte-order mark is text"
        );
    }

    #[test]
    fn plain_text_loses_link_and_star_emphasis_syntax_only() {
        assert_eq!(
            strip_links(
                "the *Respublika* paper, **banned**, [letter](#) and 2*3*4 or file_name_here"
            ),
            "the Respublika paper, banned, letter and 2*3*4 or file_name_here"
        );
    }

    #[test]
    fn normalises_newlines_spaces_and_blank_runs() {
        assert_eq!(normalize("a  \r\nb\r\n\r\n\r\n\r\nc \n\n\n"), "a\nb\n\nc");
        // A lone carriage return is a line break too; a text without one is read in place.
        assert_eq!(normalize("a\rb \r\r c"), "a\nb\n\nc");
        assert_eq!(normalize("\u{feff}a \n\n\nb"), "a\n\nb");
    }

    #[test]
    fn markdown_keeps_text_and_paragraphs() {
        let md = "# Kazakhstan: *free* him\n\nThe **court** [ruled](https://x.org/a_(b)) today.\n![logo](l.png)\n\n```\ncode here\n```\n\n> quoted _words_ here\n\n* item one\n\nSnake_case_name stays.\n";
        let out = normalize(&strip_markdown(md));
        assert_eq!(
            out,
            "Kazakhstan: free him\n\nThe court ruled today.\n\ncode here\n\nquoted words here\n\n- item one\n\nSnake_case_name stays."
        );
    }

    #[test]
    fn removes_top_menu_but_keeps_title_case_headline() {
        let t = "Human Rights Foundation\n\nAbout Us\n\nMission\n\nDonate\n\nStaff\n\nKazakhstan Must Free Kozlov\n\nThe Human Rights Foundation said today that the court must release the opposition leader at once.";
        let c = clean(&strip_links(t));
        assert_eq!(c.header_lines, ["Human Rights Foundation"]);
        assert!(c
            .text
            .starts_with("Kazakhstan Must Free Kozlov\n\nThe Human"));
    }

    #[test]
    fn does_not_take_a_document_header_for_a_menu() {
        let t = "AI INDEX: EUR 57/05/98\n8 APRIL 1998\n\nPUBLIC STATEMENT\n\nKAZAKSTAN\n\nImprisonment of opposition leader politically motivated\n\nBody text that is long enough to be a paragraph of the statement, really.";
        assert_eq!(clean(t).text, normalize(t));
    }

    #[test]
    fn removes_breadcrumbs_share_and_comment_form() {
        let t = "• Home\n  • >\n  • Title here\n\nTitle here\n\nBody sentence one.\n\nShare this article:\n\nTweet\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nComment *\n\nName *\n\nPost Comment";
        assert_eq!(clean(t).text, "Title here\n\nBody sentence one.");
    }

    #[test]
    fn site_header_with_tagline_menu_language_bar_and_breadcrumb() {
        let t = "Tarsaly Bureau for Human Rights\n\nIndependent monitoring. Legal aid. Advocacy.\n\nAbout Us\n\nOur Team\n\nBoard\n\nDonate\n\nSubscribe to our newsletter\n\nРусский | Тарсалы | English\n\nHome > Press Releases > Tarsaly: Authorities must act\n\nTarsaly: Authorities must act\n\nThe leader of the movement has not been seen since men forced him into a car outside his home.\n\nShare this:\n\nFacebook\n\nX\n\nBluesky\n\nRelated: One story | Another story\n\nTags: Tarsaly, Media law\n\nTarsaly Bureau for Human Rights\nKemir";
        let c = clean(t);
        assert_eq!(
            c.text,
            "Tarsaly: Authorities must act\n\nThe leader of the movement has not been seen since men forced him into a car outside his home.\n\nTarsaly Bureau for Human Rights\nKemir"
        );
        assert_eq!(
            c.header_lines,
            [
                "Tarsaly Bureau for Human Rights",
                "Independent monitoring. Legal aid. Advocacy."
            ]
        );
    }

    #[test]
    fn a_short_body_line_is_not_furniture() {
        let t = "Title\n\nShare this with your friends, he said, because it matters.\n\nPrint media were closed.";
        assert_eq!(clean(t).text, t);
    }
}
