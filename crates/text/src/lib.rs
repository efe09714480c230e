//! Sentences and tokens with byte offsets into a document's clean text.
//!
//! Rules rather than a model: sentence ends in news and NGO prose are regular (a full stop, question
//! or exclamation mark, then a capital), and the exceptions are a closed list of abbreviations
//! ("Mr.", "Art.", "Jan.", "U.N.", initials). Paragraph breaks (a blank line) and headline lines
//! always end a sentence.

use casefile_model::Span;
use unicode_segmentation::UnicodeSegmentation;

/// A token: a word, a number or one punctuation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// Where it stands in the text.
    pub span: Span,
    /// The token itself.
    pub text: &'a str,
}

/// Abbreviations after which a full stop does not end a sentence (lowercase, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "capt", "sgt", "rev",
    "hon", "art", "arts", "no", "nos", "para", "paras", "ch", "sec", "vol", "pp", "p", "cf", "vs",
    "v", "etc", "e.g", "i.e", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "dept", "govt", "u.s", "u.k", "u.n",
    "e.u", "a.m", "p.m", "ave", "mt", "ft", "fig", "op", "ed", "eds", "est",
];

fn is_abbreviation(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // A single capital letter is an initial ("Nursultan A. Nazarbayev"); so is "U.S"-style dotted
    // uppercase.
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_uppercase(),
        _ => word
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase)),
    }
}

/// True when `line` begins with a list marker: "- ", "• ", "* ", "– ", "1. ", "2) ", "(a) ".
fn starts_list_item(line: &str) -> bool {
    if ["- ", "\u{2022} ", "* ", "\u{2013} ", "\u{b7} "]
        .iter()
        .any(|m| line.starts_with(m))
    {
        return true;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &line[digits..];
        return rest.starts_with(". ") || rest.starts_with(") ");
    }
    let bytes = line.as_bytes();
    bytes.len() > 4
        && bytes[0] == b'('
        && bytes[1].is_ascii_lowercase()
        && bytes[2] == b')'
        && bytes[3] == b' '
}

/// Splits `text` into sentence spans, in order, trimmed of surrounding white space.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    let push = |out: &mut Vec<Span>, s: usize, e: usize| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        if lead + trail < piece.len() {
            out.push(Span::new(s + lead, e - trail));
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            // A blank line ends a paragraph. A single line break ends a sentence only after a
            // short line that is a sentence of its own (a headline, a label, a list item) and
            // before a capital: wrapped lines of running prose (PDF text) must not be cut.
            let rest = &text[i + 1..];
            let next_blank = rest
                .chars()
                .take_while(|c| *c != '\n')
                .all(char::is_whitespace);
            let line_start = text[..i].rfind('\n').map_or(0, |p| p + 1);
            let line = text[line_start..i].trim();
            let next_capital = rest.trim_start().starts_with(|c: char| c.is_uppercase());
            // A list item starts a sentence of its own, whatever ends the line before it.
            let next_line = rest.trim_start_matches([' ', '\t']);
            let list_item = starts_list_item(next_line);
            let headline = line_start >= start
                && line.chars().count() < 70
                && !line.ends_with([',', ';', ':', '-'])
                && next_capital;
            if next_blank || headline || list_item {
                push(&mut out, start, i);
                start = i + 1;
            }
            i += 1;
            continue;
        }
        if matches!(b, b'.' | b'!' | b'?') {
            // Swallow closing quotes and brackets that belong to this sentence.
            let mut end = i + 1;
            while end < bytes.len()
                && matches!(bytes[end], b'.' | b'!' | b'?' | b'"' | b'\'' | b')')
            {
                end += 1;
            }
            for closer in ["\u{201d}", "\u{2019}", "\u{bb}"] {
                if text[end..].starts_with(closer) {
                    end += closer.len();
                }
            }
            let rest = &text[end..];
            let after_space = rest.trim_start_matches([' ', '\t']);
            let spaced = after_space.len() < rest.len();
            let next = after_space.chars().next();
            let opens_sentence = next.is_some_and(|c| {
                c.is_uppercase() || c.is_numeric() || "\"'\u{201c}\u{2018}(\u{ab}[".contains(c)
            });
            let word_start = text[..i]
                .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"')
                .map_or(0, |p| p + 1);
            let word = &text[word_start..i];
            let abbreviation = b == b'.' && is_abbreviation(word);
            if (spaced && opens_sentence && !abbreviation) || next.is_none() {
                push(&mut out, start, end);
                start = end;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    push(&mut out, start, text.len());
    out
}

/// Splits the part of `text` covered by `within` into tokens (UAX #29 word boundaries, white space
/// dropped), with spans relative to the whole text.
pub fn tokens(text: &str, within: Span) -> Vec<Token<'_>> {
    let Some(piece) = within.slice(text) else {
        return Vec::new();
    };
    piece
        .split_word_bound_indices()
        .filter(|(_, w)| !w.chars().all(char::is_whitespace))
        .map(|(offset, w)| Token {
            span: Span::new(within.start + offset, within.start + offset + w.len()),
            text: w,
        })
        .collect()
}

/// Counts the words of `text` (tokens with at least one alphanumeric character), the unit of every
/// words-per-second figure casefile reports.
pub fn word_count(text: &str) -> usize {
    text.unicode_words().count()
}

/// English month names and the abbreviations reports write, lowercase: (word, month number,
/// abbreviated). The one list the readers that recognise months share (time expressions, event
/// dates), so that they agree on what names a month.
pub const MONTH_NAMES: [(&str, u8, bool); 24] = [
    ("january", 1, false),
    ("february", 2, false),
    ("march", 3, false),
    ("april", 4, false),
    ("may", 5, false),
    ("june", 6, false),
    ("july", 7, false),
    ("august", 8, false),
    ("september", 9, false),
    ("october", 10, false),
    ("november", 11, false),
    ("december", 12, false),
    ("jan", 1, true),
    ("feb", 2, true),
    ("mar", 3, true),
    ("apr", 4, true),
    ("jun", 6, true),
    ("jul", 7, true),
    ("aug", 8, true),
    ("sep", 9, true),
    ("sept", 9, true),
    ("oct", 10, true),
    ("nov", 11, true),
    ("dec", 12, true),
];

/// The month a lowercase word names ("august", "aug", "sept"), from [`MONTH_NAMES`].
pub fn month_number(word: &str) -> Option<u8> {
    MONTH_NAMES
        .iter()
        .find(|(w, _, _)| *w == word)
        .map(|&(_, n, _)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence_texts(text: &str) -> Vec<&str> {
        sentences(text)
            .iter()
            .map(|s| s.slice(text).unwrap())
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let text = "Mr. Kozlov was detained at 3 p.m. on Jan. 23 under Art. 488 of the Code. \
                    The U.N. said so. Nursultan A. Nazarbayev did not reply. He left.";
        assert_eq!(
            sentence_texts(text),
            vec![
                "Mr. Kozlov was detained at 3 p.m. on Jan. 23 under Art. 488 of the Code.",
                "The U.N. said so.",
                "Nursultan A. Nazarbayev did not reply.",
                "He left."
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence_and_headlines_stand_alone() {
        let text =
            "KAZAKSTAN\n\nImprisonment of opposition leader\n\n\u{201c}Release him.\u{201d} \
                    Amnesty said today. \"It is wrong!\" she added.";
        assert_eq!(
            sentence_texts(text),
            vec![
                "KAZAKSTAN",
                "Imprisonment of opposition leader",
                "\u{201c}Release him.\u{201d}",
                "Amnesty said today.",
                "\"It is wrong!\" she added."
            ]
        );
    }

    #[test]
    fn a_wrapped_line_inside_a_paragraph_does_not_split_a_sentence() {
        let text = "He was detained by police on 27 February following a conference in which several opposition groups had\njoined forces.";
        assert_eq!(sentences(text).len(), 1);
    }

    #[test]
    fn list_items_are_sentences_of_their_own() {
        let text = "The organisation urges the authorities to:\n1. release Nurlan Temirov immediately;\n2. open an investigation into his disappearance;\n- repeal Article 13(2) of the Law on Mass Media.";
        assert_eq!(
            sentence_texts(text),
            vec![
                "The organisation urges the authorities to:",
                "1. release Nurlan Temirov immediately;",
                "2. open an investigation into his disappearance;",
                "- repeal Article 13(2) of the Law on Mass Media."
            ]
        );
        // A number at the start of a wrapped line is not a list marker unless followed by ". ".
        let wrapped = "Police detained more than\n300 people in Ordabay.";
        assert_eq!(sentences(wrapped).len(), 1);
    }

    #[test]
    fn pdf_style_hard_wraps_do_not_split_sentences() {
        let text = "On 21 July the Kemir City Court sentenced the editor to five and a half years in a\nPenal Colony of general regime. She appealed.";
        assert_eq!(sentences(text).len(), 2);
    }

    #[test]
    fn tokens_carry_offsets_into_the_whole_text() {
        let text = "Intro. Kozlov’s trial, 2012.";
        let second = sentences(text)[1];
        let toks = tokens(text, second);
        let words: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(words, vec!["Kozlov’s", "trial", ",", "2012", "."]);
        for t in toks {
            assert_eq!(t.span.slice(text), Some(t.text));
        }
    }

    #[test]
    fn word_count_ignores_punctuation() {
        assert_eq!(word_count("At least 15 people were killed."), 6);
    }

    #[test]
    fn month_names_are_lowercase_words_with_their_numbers() {
        assert_eq!(month_number("august"), Some(8));
        assert_eq!(month_number("sept"), Some(9));
        assert_eq!(month_number("may"), Some(5));
        assert_eq!(month_number("August"), None);
        assert_eq!(month_number("monday"), None);
        for n in 1..=12 {
            let full = MONTH_NAMES.iter().filter(|m| m.1 == n && !m.2).count();
            assert_eq!(full, 1, "month {n} has one full name");
        }
    }
}
