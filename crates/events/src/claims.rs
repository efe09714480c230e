//! Numeric claims: "at least 15 people were killed", "almost 10,000 arrested", "eight newspapers",
//! with their qualifier, unit, claimant and whether the figure was withdrawn.

use crate::numbers::{next_word, parse_number};
use crate::text::{has_any_word, is_word_at, list, sl, Words};
use crate::Ctx;
use casefile_model::{Claim, EntityType, Qualifier, Span};

/// A claim with the span of its number, kept for counting unnamed victims.
pub(crate) struct Found {
    pub claim: Claim,
    pub number: Span,
    pub sentence: usize,
    /// The same figure was stated earlier in the document: one claim, not two.
    pub restated: bool,
}

/// Nouns that are themselves what is counted.
const UNIT_NOUNS: &[(&str, &str)] = &[
    ("criminal cases", "criminal_cases"),
    ("criminal case", "criminal_cases"),
    ("newspapers", "newspapers"),
    ("newspaper", "newspapers"),
    ("print media", "newspapers"),
    ("websites", "websites"),
    ("web sites", "websites"),
    ("internet sites", "websites"),
    ("sites", "websites"),
    ("media outlets", "media_outlets"),
    ("outlets", "media_outlets"),
    ("tv channels", "media_outlets"),
    ("television channels", "media_outlets"),
    ("channels", "media_outlets"),
    ("trials", "tried"),
    ("deaths", "killed"),
    ("dead", "killed"),
    ("bodies", "killed"),
    ("fatalities", "killed"),
    ("executions", "killed"),
    ("arrests", "arrested"),
    ("detentions", "detained"),
    ("detainees", "detained"),
    ("injuries", "injured"),
    ("wounded", "injured"),
    ("disappearances", "disappeared"),
    ("abductions", "abducted"),
    ("kidnappings", "abducted"),
];

/// Participles that say what happened to the counted people.
const UNIT_VERBS: &[(&str, &str)] = &[
    ("killed", "killed"),
    ("murdered", "killed"),
    ("died", "killed"),
    ("slain", "killed"),
    ("executed", "killed"),
    ("shot dead", "killed"),
    ("injured", "injured"),
    ("wounded", "injured"),
    ("hurt", "injured"),
    ("arrested", "arrested"),
    ("rounded up", "arrested"),
    ("detained", "detained"),
    ("jailed", "detained"),
    ("imprisoned", "detained"),
    // "121 people deprived of their liberty for political reasons"
    ("deprived of their liberty", "detained"),
    ("deprived of liberty", "detained"),
    ("charged", "charged"),
    ("prosecuted", "charged"),
    ("indicted", "charged"),
    ("tried", "tried"),
    ("convicted", "convicted"),
    ("sentenced", "convicted"),
    ("found guilty", "convicted"),
    ("abducted", "abducted"),
    ("kidnapped", "abducted"),
    ("disappeared", "disappeared"),
    ("released", "released"),
    ("freed", "released"),
    ("tortured", "tortured"),
    ("questioned", "questioned"),
    ("interrogated", "questioned"),
    ("fined", "fined"),
];

/// Where the counted are held, after "remain", "are" or "were": "28 media workers who remain
/// behind bars".
const HELD_AFTER: &[(&str, &str)] = &[
    ("behind bars", "detained"),
    ("in prison", "detained"),
    ("in jail", "detained"),
    ("in detention", "detained"),
    ("in custody", "detained"),
    ("deprived of their liberty", "detained"),
];

/// Verbs before the number ("killed at least 15 people", "the arrest of 30").
const VERBS_BEFORE: &[(&str, &str)] = &[
    ("killed", "killed"),
    ("killing", "killed"),
    ("deaths of", "killed"),
    ("death of", "killed"),
    ("killings of", "killed"),
    ("murdered", "killed"),
    ("injured", "injured"),
    ("wounded", "injured"),
    ("injuring", "injured"),
    ("arrested", "arrested"),
    ("arresting", "arrested"),
    ("arrest of", "arrested"),
    ("arrests of", "arrested"),
    ("detained", "detained"),
    ("detaining", "detained"),
    ("detention of", "detained"),
    ("abducted", "abducted"),
    ("kidnapped", "abducted"),
    ("released", "released"),
    ("freed", "released"),
    ("convicted", "convicted"),
    ("sentenced", "convicted"),
    ("questioned", "questioned"),
    ("interrogated", "questioned"),
    ("fined", "fined"),
];

const TIME_UNITS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "percent",
    "per",
    "am",
    "pm",
    "times",
    "kilometres",
    "kilometers",
    "km",
    "miles",
    "metres",
    "meters",
];

/// Currencies: a number before one counts money, not people ("fined 50,000 roubles"); shared by
/// the unit reader and the fine check.
const CURRENCIES: &[&str] = &[
    "dollars",
    "euros",
    "pounds",
    "dinars",
    "tenge",
    "rubles",
    "roubles",
    "rupees",
    "naira",
    "yuan",
    "lira",
    "manat",
    "som",
    "soms",
    "shillings",
    "francs",
    "riyals",
    "dirhams",
    "pesos",
    "reais",
    "won",
    "hryvnias",
    "lari",
];

/// Qualifiers, longest first, as they stand right before the number.
const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("no more than", Qualifier::UpTo),
    ("at least", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("more than", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("close to", Qualifier::About),
    ("an estimated", Qualifier::About),
    ("estimated", Qualifier::About),
    ("approximately", Qualifier::About),
    ("approx.", Qualifier::About),
    ("roughly", Qualifier::About),
    ("around", Qualifier::About),
    ("about", Qualifier::About),
    ("almost", Qualifier::About),
    ("nearly", Qualifier::About),
    ("some", Qualifier::About),
    ("circa", Qualifier::About),
    ("up to", Qualifier::UpTo),
    ("as many as", Qualifier::UpTo),
    ("at most", Qualifier::UpTo),
    ("fewer than", Qualifier::FewerThan),
    ("less than", Qualifier::FewerThan),
    ("under", Qualifier::FewerThan),
];

/// True when `w` is one of [`NUMBER_WORDS`]: asked about every word of every sentence (a scan of
/// the list per word was most of this reader's time), so the list's masks turn most words away
/// before the set is hashed.
fn is_number_word(w: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    NUMBER_WORDS.may_hold(w)
        && SET
            .get_or_init(|| NUMBER_WORDS.list.iter().copied().collect())
            .contains(w)
}

const NUMBER_WORDS: &Words = &Words::new(&[
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
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "a",
]);

fn qualifier_before(lower: &str, floor: usize, pos: usize) -> (Qualifier, usize) {
    let before = sl(lower, floor, pos).trim_end_matches(' ');
    for (q, qual) in QUALIFIERS {
        if let Some(rest) = before.strip_suffix(q) {
            if rest.is_empty() || rest.ends_with([' ', '(', ',', '"']) {
                return (*qual, floor + rest.len());
            }
        }
    }
    (Qualifier::Exact, pos)
}

fn lookup(
    table: &[(&str, &'static str)],
    lower: &str,
    at: usize,
    limit: usize,
) -> Option<(usize, &'static str)> {
    table
        .iter()
        .find(|(w, _)| is_word_at(lower, at, limit, w))
        .map(|(w, u)| (at + w.len(), *u))
}

/// The unit after a number: the counted noun itself, or what happened to the counted.
fn unit_after(lower: &str, mut pos: usize, limit: usize) -> Option<&'static str> {
    let b = lower.as_bytes();
    for i in 0..8 {
        let (ws, we) = next_word(lower, pos, limit)?;
        // Punctuation between words ends the phrase, except an apostrophe or a hyphen inside.
        if ws > pos && b[pos..ws].iter().any(|c| *c != b' ') {
            return None;
        }
        let w = sl(lower, ws, we);
        if i == 0 && (TIME_UNITS.contains(&w) || CURRENCIES.contains(&w)) {
            return None;
        }
        if let Some((_, u)) = lookup(UNIT_NOUNS, lower, ws, limit) {
            return Some(u);
        }
        if let Some((_, u)) = lookup(UNIT_VERBS, lower, ws, limit) {
            return Some(u);
        }
        // "Seven activists and protesters were sentenced": "and" joins the counted nouns,
        // unless another number follows ("eight newspapers and 23 websites").
        if w == "and" {
            let next_is_number = next_word(lower, we, limit).is_some_and(|(a, b)| {
                lower.as_bytes()[a].is_ascii_digit() || parse_number(lower, a, b).is_some()
            });
            if next_is_number || i == 0 {
                return None;
            }
            pos = we;
            continue;
        }
        // "more than 1,000 of them remain in detention": the counted are named before.
        if i == 0 && w == "of" {
            if let Some((_, te)) = next_word(lower, we, limit)
                .filter(|&(a, b)| matches!(sl(lower, a, b), "them" | "those" | "whom"))
            {
                pos = te;
                continue;
            }
        }
        if matches!(w, "remain" | "remained" | "are" | "were" | "still") {
            // "are currently behind bars"
            let held_at = next_word(lower, we, limit).map(|(ns, ne)| {
                if matches!(sl(lower, ns, ne), "still" | "currently" | "now") {
                    next_word(lower, ne, limit).map_or(ns, |(a, _)| a)
                } else {
                    ns
                }
            });
            let held = held_at.and_then(|ns| lookup(HELD_AFTER, lower, ns, limit).map(|(_, u)| u));
            if held.is_some() {
                return held;
            }
        }
        if matches!(
            w,
            "and"
                | "or"
                | "but"
                | "that"
                | "when"
                | "while"
                | "after"
                | "before"
                | "because"
                | "than"
                | "of"
                | "in"
                | "for"
                | "to"
                | "from"
                | "with"
                | "on"
                | "at"
                | "said"
                | "say"
                | "says"
                | "is"
                | "are"
                | "remain"
                | "remained"
        ) {
            return None;
        }
        pos = we;
        // "workers'" and "officers'" carry their apostrophe; hyphens join words.
        while pos < limit && matches!(b[pos], b'\'' | b'-') {
            pos += 1;
        }
        if sl(lower, pos, limit).starts_with("\u{2019}") {
            pos += "\u{2019}".len();
        }
    }
    None
}

/// The unit from before the number: "killed at least 15", "deaths of 164", "the number of
/// individuals arrested reaches close to 10,000"; with `revises` ([`revision_before`] of the same
/// text), also "revised the number of arrests to 542".
fn unit_before(
    lower: &str,
    floor: usize,
    qual_start: usize,
    revises: bool,
) -> Option<&'static str> {
    let before = sl(lower, floor, qual_start).trim_end_matches(' ');
    for (w, u) in VERBS_BEFORE {
        if let Some(rest) = before.strip_suffix(w) {
            if rest.is_empty() || rest.ends_with(' ') {
                return Some(u);
            }
        }
    }
    // "the number of X arrested reaches/stands at/rose to"
    let tail_verbs = [
        "reaches",
        "reached",
        "rose to",
        "stands at",
        "stood at",
        "is",
        "was",
        "exceeds",
        "exceeded",
        "totals",
        "totalled",
        "hit",
        "has reached",
        "had reached",
        "reaching",
    ];
    if tail_verbs.iter().any(|v| {
        before
            .strip_suffix(v)
            .is_some_and(|r| r.is_empty() || r.ends_with(' '))
    }) || revises
    {
        let window_start = before.len().saturating_sub(100);
        let window = sl(before, window_start, before.len());
        if let Some(p) = window.rfind("number of ") {
            let from = floor + window_start + p + "number of ".len();
            let to = floor + before.len();
            let mut pos = from;
            while let Some((ws, we)) = next_word(lower, pos, to) {
                if let Some((_, u)) = lookup(UNIT_VERBS, lower, ws, to) {
                    return Some(u);
                }
                if let Some((_, u)) = lookup(UNIT_NOUNS, lower, ws, to) {
                    return Some(u);
                }
                pos = we;
                while pos < to
                    && !lower.as_bytes()[pos].is_ascii_alphanumeric()
                    && lower.as_bytes()[pos] != b' '
                {
                    pos += 1;
                }
            }
        }
    }
    None
}

/// True when `before` (the text up to a number's qualifier) revises an earlier figure: "revised
/// the number of arrests to", "lowered the death toll to".
fn revision_before(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(" to") else {
        return false;
    };
    let window = sl(rest, rest.len().saturating_sub(60), rest.len());
    has_any_word(
        window,
        list![
            "revised",
            "revises",
            "corrected",
            "lowered",
            "raised",
            "reduced",
            "updated",
            "adjusted",
        ],
    )
}

fn claimant(ctx: &Ctx, sent: Span) -> Option<usize> {
    let lower = &ctx.lower;
    let range = ctx.mentions_in(sent.start, sent.end);
    let is_source = |i: usize| {
        matches!(
            ctx.mentions[i].entity_type,
            EntityType::Organization | EntityType::Person
        )
    };
    // "according to X"
    let mut pos = sent.start;
    while let Some(p) = sl(lower, pos, sent.end).find("according to ") {
        let at = pos + p + "according to ".len();
        for i in range.clone() {
            let m = &ctx.mentions[i];
            if is_source(i) && m.span.start >= at && m.span.start <= at + 12 {
                return Some(i);
            }
        }
        pos = at;
    }
    // "X said", "said X"
    for i in range {
        let m = &ctx.mentions[i];
        if !is_source(i) {
            continue;
        }
        let after = sl(lower, m.span.end, sent.end.min(m.span.end + 24));
        let after = after
            .trim_start_matches(['\'', 's', '\u{2019}'])
            .trim_start();
        let before = sl(lower, sent.start, m.span.start).trim_end();
        if has_any_word(
            sl(after, 0, 14),
            list![
                "said",
                "says",
                "reported",
                "announced",
                "confirmed",
                "stated",
                "told",
                "claimed",
            ],
        ) || before.ends_with("said")
            || before.ends_with("says")
        {
            return Some(i);
        }
    }
    None
}

/// True when a currency follows the number ending at `pos` within three words.
fn money_after(lower: &str, pos: usize, limit: usize) -> bool {
    let tail = sl(lower, pos, limit);
    tail.split_whitespace().take(3).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        CURRENCIES.contains(&w) || matches!(w, "million" | "billion")
    })
}

/// Every numeric claim of the document, one per distinct figure.
pub(crate) fn find(ctx: &Ctx) -> Vec<Found> {
    let lower = &ctx.lower;
    let b = lower.as_bytes();
    let mut out: Vec<Found> = Vec::new();
    for (si, sent) in ctx.sentences.iter().enumerate() {
        let (ss, se) = (sent.start, sent.end);
        // Only a sentence with a claim needs it: most have none, and six substring searches per
        // sentence were a sizeable share of this pass.
        let mut retracted_cache: Option<bool> = None;
        let mut pos = ss;
        let mut claimant_cache: Option<Option<usize>> = None;
        while pos < se {
            // Word starts only.
            if !(b[pos].is_ascii_alphanumeric()
                && (pos == 0 || !b[pos - 1].is_ascii_alphanumeric()))
            {
                pos += 1;
                continue;
            }
            let Some((ws, we)) = next_word(lower, pos, se) else {
                break;
            };
            let w = sl(lower, ws, we);
            if !(b[ws].is_ascii_digit() || is_number_word(w)) {
                pos = we.max(pos + 1);
                continue;
            }
            let Some((value, ns, ne)) = parse_number(lower, ws, se) else {
                pos = we.max(pos + 1);
                continue;
            };
            pos = ne.max(pos + 1);
            if value < 2 || ctx.in_timex(ns, ne) {
                continue;
            }
            let back = sl(lower, ns.saturating_sub(24).max(ss), ns);
            if [
                "article",
                "part ",
                "paragraph",
                "no.",
                "chapter",
                "section",
                "item",
                "point",
            ]
            .iter()
            .any(|w| back.contains(w))
                // "case number 17", not "revised the number of arrests to 542"
                || back.ends_with("number ")
                || back.ends_with('(')
            {
                continue;
            }
            if ne < b.len() && matches!(b[ne], b'%' | b')') {
                continue;
            }
            let (qualifier, qstart) = qualifier_before(lower, ss, ns);
            let revises = revision_before(sl(lower, ss, qstart).trim_end_matches(' '));
            let unit =
                unit_before(lower, ss, qstart, revises).or_else(|| unit_after(lower, ne, se));
            let Some(unit) = unit else {
                continue;
            };
            // "fined 50 000 Algerian dinars": the number is the fine, not the people fined.
            if unit == "fined" && money_after(lower, ne, se) {
                continue;
            }
            let who = *claimant_cache.get_or_insert_with(|| claimant(ctx, *sent));
            let retracted = *retracted_cache.get_or_insert_with(|| {
                [
                    "disavow",
                    "retract",
                    "withdrawn",
                    "withdrew",
                    "technical glitch",
                    "erroneous",
                ]
                .iter()
                .any(|w| sl(lower, ss, se).contains(w))
            });
            let claim = Claim {
                quantity: value,
                qualifier,
                unit: unit.to_string(),
                retracted,
                evidence: *sent,
                claimant: who,
            };
            // "It later revised the number of arrests to 542": the figure it had given for
            // the same count is withdrawn.
            if revises {
                if let Some(earlier) = out
                    .iter_mut()
                    .rev()
                    .find(|f| f.claim.unit == claim.unit && f.claim.quantity != claim.quantity)
                {
                    earlier.claim.retracted = true;
                }
            }
            let duplicate = out.iter().any(|f| {
                !f.restated
                    && f.claim.quantity == claim.quantity
                    && f.claim.qualifier == claim.qualifier
                    && f.claim.unit == claim.unit
                    && f.claim.retracted == claim.retracted
            });
            // A figure restated is one claim; its number still counts victims where it stands.
            out.push(Found {
                claim,
                number: Span::new(ns, ne),
                sentence: si,
                restated: duplicate,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_masks_let_every_number_word_through_and_turn_others_away() {
        for w in NUMBER_WORDS.list {
            assert!(is_number_word(w), "{w}");
        }
        for w in [
            "the",
            "to",
            "twenty-one",
            "hundreds",
            "",
            "\u{e9}t\u{e9}",
            "an",
            "tw",
        ] {
            assert!(!is_number_word(w), "{w}");
        }
    }
}
