//! Hand-written HTML helpers. Every string that did not come from this crate's own literals goes
//! through [`escape`] (text and attribute values alike) or [`url_component`] (query strings and
//! path segments), so ingested text can never become markup.

use std::fmt::Write;

/// `text` with `& < > " '` replaced by character references: safe in element content and in
/// quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_escaped(&mut out, text);
    out
}

/// Appends `text`, escaped, to `out`.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Percent-encodes `text` for a URL path segment or query value: everything but RFC 3986's
/// unreserved characters is encoded, so the result is also safe inside an attribute.
pub fn url_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A whole page: head with our stylesheet, a header with the search box, then `body` (already
/// HTML). `title` is escaped here.
pub fn page(title: &str, query: &str, body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
    push_escaped(&mut out, title);
    // An empty icon: browsers otherwise ask for /favicon.ico on every page and log its 404.
    out.push_str(" · casefile</title>\n<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"/static/style.css\">\n");
    out.push_str(
        "</head>\n<body>\n<header class=\"top\"><a class=\"brand\" href=\"/\">casefile</a>",
    );
    out.push_str(&search_form(query));
    out.push_str(
        "<nav><a href=\"/contradictions\">Contradictions</a> <a href=\"/status\">Status</a></nav>",
    );
    out.push_str("</header>\n<main>\n");
    out.push_str(body);
    out.push_str("\n</main>\n</body>\n</html>\n");
    out
}

/// The search box (a plain GET form: works without JavaScript).
pub fn search_form(query: &str) -> String {
    format!(
        "<form class=\"search\" action=\"/search\" method=\"get\" role=\"search\">\
         <input type=\"search\" name=\"q\" value=\"{}\" placeholder=\"Search people, organisations, places, documents\" aria-label=\"Search\">\
         <button type=\"submit\">Search</button></form>",
        escape(query)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape("<script>alert(\"x\")</script> & 'y'"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
    }

    #[test]
    fn url_component_encodes_all_but_unreserved() {
        assert_eq!(url_component("Amnesty Int'l/UK"), "Amnesty%20Int%27l%2FUK");
        assert_eq!(
            url_component("Тоқаев"),
            "%D0%A2%D0%BE%D2%9B%D0%B0%D0%B5%D0%B2"
        );
    }
}
