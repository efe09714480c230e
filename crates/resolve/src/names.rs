//! Comparing names across spellings and scripts.
//!
//! A name is compared part by part. Each part is reduced to a *skeleton*: Cyrillic transliterated,
//! diacritics stripped, and the spelling alternatives that transliteration systems disagree on
//! folded together (ks/x, zh/j, kh/h, y/i, ai/ay, ie/ye after a vowel, ou/u, w/v, z/s, double
//! letters). Two parts with the same skeleton are the same name. Parts whose skeletons differ are
//! the same name when the compiled table of name-variant groups (rigour, MIT; see `data/README.md`)
//! puts both in one group. Masculine and feminine forms of a surname (Kozlov/Kozlova,
//! Sultanov/Sultanova, -sky/-skaya) are different people, whatever the table says: that check runs
//! first.

use std::io::{self, BufRead, Write};
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// The outcome of comparing two names, with the reason for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameDecision {
    /// The two names are spellings of one name.
    Same(String),
    /// The two names are different names.
    Different(String),
}

impl NameDecision {
    /// True for [`NameDecision::Same`].
    pub fn is_same(&self) -> bool {
        matches!(self, NameDecision::Same(_))
    }

    /// Why the decision was taken.
    pub fn reason(&self) -> &str {
        match self {
            NameDecision::Same(r) | NameDecision::Different(r) => r,
        }
    }
}

/// Transliterates one lowercase Cyrillic letter; `ukrainian` reads г as h (Hrim, not Grim).
fn cyrillic(c: char, ukrainian: bool) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => {
            if ukrainian {
                "h"
            } else {
                "g"
            }
        }
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' => {
            if ukrainian {
                "y"
            } else {
                "i"
            }
        }
        'й' => "y",
        'к' | 'қ' => "k",
        'л' => "l",
        'м' => "m",
        'н' | 'ң' => "n",
        'о' | 'ө' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ұ' | 'ү' | 'ў' => "u",
        'ф' => "f",
        'х' | 'һ' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "yu",
        'я' => "ya",
        'і' => "i",
        'ї' => "yi",
        'є' => "ye",
        'ґ' | 'ғ' => "g",
        'ђ' => "dj",
        'ј' => "j",
        'љ' => "lj",
        'њ' => "nj",
        'ћ' => "c",
        'џ' => "dz",
        'ә' => "a",
        _ => return None,
    })
}

/// Lowercase ASCII letters of a name part: Cyrillic transliterated, diacritics and punctuation
/// dropped, a few Latin letters that do not decompose spelled out.
pub fn ascii_fold(part: &str) -> String {
    let lower = part.to_lowercase();
    let ukrainian = lower.chars().any(|c| matches!(c, 'і' | 'ї' | 'є' | 'ґ'));
    let mut out = String::with_capacity(lower.len());
    let mut soft = false;
    for c in lower.nfd() {
        if c.is_ascii_lowercase() {
            out.push(c);
        } else if c == 'ь' || c == 'ъ' {
            // Before a vowel the sign is a y sound (Arsentyev/Арсентьев); elsewhere silent.
            soft = true;
            continue;
        } else if let Some(t) = cyrillic(c, ukrainian) {
            if soft && matches!(c, 'е' | 'ё' | 'и' | 'о') {
                out.push('y');
            }
            out.push_str(t);
        } else {
            match c {
                'ß' => out.push_str("ss"),
                'æ' => out.push_str("ae"),
                'œ' => out.push_str("oe"),
                'ø' => out.push('o'),
                'ł' => out.push('l'),
                'đ' | 'ð' => out.push('d'),
                'ı' => out.push('i'),
                'þ' => out.push_str("th"),
                _ => {} // combining marks, apostrophes, hyphens, other scripts
            }
        }
        soft = false;
    }
    // NFD splits й into и + a combining breve, which the loop has already read as "i"; that is
    // the same skeleton as "y" below, so nothing is lost.
    out
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// The skeleton of one name part: the spelling after transliteration variants are folded.
pub fn skeleton(part: &str) -> String {
    let s = ascii_fold(part);
    // A name of three letters or fewer is its letters: the folds below would join different
    // names (Su / Zou, Wu / Vu, Ly / Li); variants of such names come from the name table.
    if s.chars().count() <= 3 {
        return s;
    }
    let b = s.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    let starts = |i: usize, p: &str| b[i..].starts_with(p.as_bytes());
    while i < b.len() {
        let prev = out.last().copied();
        if starts(i, "tsch") {
            out.push(b'C');
            i += 4;
        } else if starts(i, "shch") || starts(i, "schtsch") {
            out.push(b'S');
            i += if starts(i, "shch") { 4 } else { 7 };
        } else if starts(i, "sch") || starts(i, "sh") {
            out.push(b'S');
            i += if starts(i, "sch") { 3 } else { 2 };
        } else if starts(i, "tch") || starts(i, "ch") || starts(i, "cz") {
            // English and Polish ч; German "ch" is х, which the table covers.
            out.push(b'C');
            i += if starts(i, "tch") { 3 } else { 2 };
        } else if starts(i, "dzh") || starts(i, "zh") || starts(i, "dj") {
            out.push(b'j');
            i += if starts(i, "dzh") { 3 } else { 2 };
        } else if starts(i, "kh") {
            // Kazakhstan/Kazakstan before a consonant, Mikhail/Mihail before a vowel.
            let next = b.get(i + 2).copied();
            out.push(if next.is_some_and(is_vowel) {
                b'h'
            } else {
                b'k'
            });
            i += 2;
        } else if starts(i, "ph") {
            out.push(b'f');
            i += 2;
        } else if starts(i, "th") {
            out.push(b't');
            i += 2;
        } else if starts(i, "ck") || starts(i, "q") {
            out.push(b'k');
            i += if starts(i, "ck") { 2 } else { 1 };
        } else if starts(i, "x") {
            out.extend_from_slice(b"ks");
            i += 1;
        } else if starts(i, "ts") || starts(i, "tz") {
            out.push(b'c');
            i += 2;
        } else if starts(i, "ou") {
            out.push(b'u');
            i += 2;
        } else {
            let c = b[i];
            let mapped = match c {
                b'w' => b'v',
                b'y' => b'i',
                b'z' => b's',
                // Slavic j between or after vowels is y: Valujev/Valuyev, Ilarij/Ilariy.
                b'j' if prev.is_some_and(|p| is_vowel(p) || p == b'i') => b'i',
                // Ignatjev/Ignatyev, Lasjukov/Lasyukov: j between a consonant and a vowel.
                b'j' if prev.is_some() && b.get(i + 1).copied().is_some_and(is_vowel) => b'i',
                c => c,
            };
            out.push(mapped);
            i += 1;
        }
    }
    // ie/ye after a vowel or at the start is one sound: Nazarbayev/Nazarbaev, Yegor/Egor.
    let mut folded: Vec<u8> = Vec::with_capacity(out.len());
    for (k, &c) in out.iter().enumerate() {
        if c == b'i'
            && out.get(k + 1) == Some(&b'e')
            && (k == 0 || is_vowel(out[k - 1]) || out[k - 1] == b'i')
        {
            continue;
        }
        folded.push(c);
    }
    folded.dedup();
    // Hepburn and Kunrei romanisation: shi/si (Shimada/Simada).
    let mut k = 0;
    while k + 1 < folded.len() {
        if folded[k] == b'S' && folded[k + 1] == b'i' {
            folded[k] = b's';
        }
        k += 1;
    }
    String::from_utf8(folded).unwrap_or_default()
}

/// Masculine endings and their feminine counterparts, on skeletons.
const GENDER_PAIRS: &[(&str, &str)] = &[
    ("skii", "skaia"),
    ("ski", "skaia"),
    ("ski", "ska"),
    ("ckii", "ckaia"),
    ("cki", "ckaia"),
    ("cki", "cka"),
    ("oi", "aia"),
    ("ii", "aia"),
    ("ov", "ova"),
    ("ev", "eva"),
    ("in", "ina"),
    ("ik", "ikova"),
];

/// True when one skeleton is a feminine form of the other (Kozlov/Kozlova), or the other plus a
/// final -a where the other ends in a consonant (Chamberlain/Chamberlaina): a different person.
pub fn gender_forms(a: &str, b: &str) -> bool {
    let check = |m: &str, f: &str| {
        for (ms, fs) in GENDER_PAIRS {
            if let (Some(ms_stem), Some(fs_stem)) = (m.strip_suffix(ms), f.strip_suffix(fs)) {
                if ms_stem == fs_stem && ms_stem.len() >= 2 {
                    return true;
                }
            }
        }
        // A consonant-final name and the same name plus -a.
        f.len() == m.len() + 1
            && f.ends_with('a')
            && f.starts_with(m)
            && m.len() >= 3
            && !is_vowel(*m.as_bytes().last().unwrap_or(&b'a'))
    };
    check(a, b) || check(b, a)
}

/// The compiled name-variant table: sorted `(fingerprint, group)` pairs.
pub struct NameTable {
    entries: Vec<(u32, u32)>,
}

/// FNV-1a, 32 bits: a stable fingerprint of a skeleton (the table stores no names).
pub fn fingerprint(skeleton: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in skeleton.as_bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

static TABLE_BYTES: &[u8] = include_bytes!("../data/name-groups.bin");

impl NameTable {
    /// Parses the table format: magic `CFNG1\0\0\0`, count (u32 LE), then `count` pairs of u32 LE
    /// `(fingerprint, group)` sorted.
    pub fn parse(bytes: &[u8]) -> Option<NameTable> {
        let rest = bytes.strip_prefix(b"CFNG1\0\0\0")?;
        let count = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let body = rest.get(4..4 + count * 8)?;
        let entries = body
            .chunks_exact(8)
            .map(|c| {
                (
                    u32::from_le_bytes([c[0], c[1], c[2], c[3]]),
                    u32::from_le_bytes([c[4], c[5], c[6], c[7]]),
                )
            })
            .collect();
        Some(NameTable { entries })
    }

    /// Writes the table format read by [`NameTable::parse`].
    pub fn to_bytes(entries: &[(u32, u32)]) -> Vec<u8> {
        let mut out = b"CFNG1\0\0\0".to_vec();
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (f, g) in entries {
            out.extend_from_slice(&f.to_le_bytes());
            out.extend_from_slice(&g.to_le_bytes());
        }
        out
    }

    /// The table compiled into the crate (`data/name-groups.bin`), parsed once.
    pub fn builtin() -> &'static NameTable {
        static TABLE: OnceLock<NameTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            NameTable::parse(TABLE_BYTES).unwrap_or(NameTable {
                entries: Vec::new(),
            })
        })
    }

    /// Number of `(fingerprint, group)` entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the table holds nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn groups(&self, skeleton: &str) -> &[(u32, u32)] {
        let f = fingerprint(skeleton);
        let lo = self.entries.partition_point(|e| e.0 < f);
        let hi = self.entries.partition_point(|e| e.0 <= f);
        &self.entries[lo..hi]
    }

    /// The variant group two skeletons share, if any.
    pub fn shared_group(&self, a: &str, b: &str) -> Option<u32> {
        let ga = self.groups(a);
        let gb = self.groups(b);
        ga.iter()
            .find(|x| gb.iter().any(|y| y.1 == x.1))
            .map(|x| x.1)
    }
}

/// Compiles the rigour name-group file (`name, name, … => GROUP` per line) into table entries:
/// the skeletons of each group with at least two different skeletons (groups whose spellings share
/// one skeleton are matched without the table).
pub fn compile_groups(text: &str) -> Vec<(u32, u32)> {
    let mut entries = Vec::new();
    let mut group: u32 = 0;
    for line in text.lines() {
        let Some((names, _)) = line.rsplit_once(" => ") else {
            continue;
        };
        let mut skels: Vec<String> = names
            .split(", ")
            .map(skeleton)
            .filter(|s| !s.is_empty())
            .collect();
        skels.sort();
        skels.dedup();
        if skels.len() < 2 {
            continue;
        }
        for s in &skels {
            entries.push((fingerprint(s), group));
        }
        group += 1;
    }
    entries.sort_unstable();
    entries.dedup();
    entries
}

/// Compares two single name parts.
pub fn same_part(a: &str, b: &str) -> NameDecision {
    let (sa, sb) = (skeleton(a), skeleton(b));
    if sa.is_empty() || sb.is_empty() {
        return NameDecision::Different("empty after normalisation".into());
    }
    if gender_forms(&sa, &sb) {
        return NameDecision::Different(format!(
            "masculine and feminine forms ({a} / {b}) are different people"
        ));
    }
    if sa == sb {
        return NameDecision::Same(format!("same spelling after transliteration ({sa})"));
    }
    if let Some(g) = NameTable::builtin().shared_group(&sa, &sb) {
        return NameDecision::Same(format!("variants of one name (name table group {g})"));
    }
    NameDecision::Different(format!("different spellings ({sa} / {sb})"))
}

/// The parts of a name: words split on white space and hyphens, punctuation dropped.
pub fn name_parts(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == '‐')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches("'s")
                .to_string()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The words of a name, split on white space only: a hyphenated surname ("Díaz-Jogeix") stays
/// one part, as persons are matched on their surname.
pub fn word_parts(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches("'s")
                .to_string()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Compares two names (persons, organisations, places): same number of parts, each pair of parts
/// the same name in order, or, for two-part names, in either order (Kozlov Vladimir).
pub fn same_name(a: &str, b: &str) -> NameDecision {
    let pa = name_parts(a);
    let pb = name_parts(b);
    if pa.is_empty() || pb.is_empty() {
        return NameDecision::Different("no name".into());
    }
    if pa.len() != pb.len() {
        // "Abdelahad" / "Абдул-Ахад", "McCabe" / "Мак-Кейб": one word written as two.
        if a.contains('-') || b.contains('-') {
            if let d @ NameDecision::Same(_) = same_part(&pa.concat(), &pb.concat()) {
                return d;
            }
        }
        return NameDecision::Different(format!(
            "different number of name parts ({} / {})",
            pa.len(),
            pb.len()
        ));
    }
    let aligned = |order: &mut dyn Iterator<Item = (&String, &String)>| {
        let mut reasons = Vec::new();
        for (x, y) in order {
            match same_part(x, y) {
                NameDecision::Same(r) => {
                    if x.to_lowercase() != y.to_lowercase() {
                        reasons.push(format!("{x} ~ {y}: {r}"));
                    }
                }
                d => return Err(d),
            }
        }
        Ok(reasons)
    };
    match aligned(&mut pa.iter().zip(pb.iter())) {
        Ok(r) => NameDecision::Same(if r.is_empty() {
            "same name".into()
        } else {
            r.join("; ")
        }),
        Err(first) => {
            if pa.len() == 2 {
                if let Ok(r) = aligned(&mut pa.iter().zip(pb.iter().rev())) {
                    let mut r = r;
                    r.insert(0, "parts in the other order".into());
                    return NameDecision::Same(r.join("; "));
                }
            }
            first
        }
    }
}

/// Reads a TSV with a header (`name_a name_b label kind`, only the first two columns are read)
/// and writes every row back with one more column, `same` or `different`.
pub fn compare_pairs(input: impl BufRead, mut output: impl Write) -> io::Result<()> {
    for (i, line) in input.lines().enumerate() {
        let line = line?;
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            continue;
        }
        if i == 0 && line.starts_with("name_a") {
            writeln!(output, "{line}\tdecision")?;
            continue;
        }
        let mut cols = line.split('\t');
        let a = cols.next().unwrap_or("");
        let b = cols.next().unwrap_or("");
        let d = if same_name(a, b).is_same() {
            "same"
        } else {
            "different"
        };
        writeln!(output, "{line}\t{d}")?;
    }
    output.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_variants_share_a_skeleton() {
        assert_eq!(skeleton("Kozlov"), skeleton("Koslov"));
        assert_eq!(skeleton("Nazarbayev"), skeleton("Nazarbaev"));
        assert_eq!(skeleton("Kazakhstan"), skeleton("Kazakstan"));
        assert_eq!(skeleton("Назарбаев"), skeleton("Nazarbayev"));
        assert_eq!(skeleton("Aigerim"), skeleton("Aygerim"));
        assert_eq!(skeleton("Zhanaozen"), skeleton("Janaozen"));
        assert_eq!(skeleton("Aleksandr"), skeleton("Alexandr"));
        assert_eq!(skeleton("Mikhail"), skeleton("Mihail"));
        assert_eq!(skeleton("Tuletaeva"), skeleton("Tuletayeva"));
        assert_eq!(skeleton("Díaz"), skeleton("Diaz"));
    }

    #[test]
    fn short_names_joined_only_by_folds_are_different() {
        assert!(matches!(same_part("Su", "Zou"), NameDecision::Different(_)));
        assert!(matches!(same_name("Zou", "Su"), NameDecision::Different(_)));
        // The same short name in another script is still the same.
        assert!(matches!(same_part("Су", "Su"), NameDecision::Same(_)));
        assert!(matches!(
            same_part("Kozlov", "Koslov"),
            NameDecision::Same(_)
        ));
    }

    #[test]
    fn gender_forms_are_different_people_even_when_grouped() {
        for (m, f) in [
            ("Kozlov", "Kozlova"),
            ("Sultanov", "Sultanova"),
            ("Temirov", "Temirova"),
            ("Kamenev", "Kameneva"),
            ("Berzin", "Berzina"),
            ("Obolensky", "Obolenskaya"),
            ("Kowalski", "Kowalska"),
            ("Tolstoy", "Tolstaya"),
            ("Козлов", "Козлова"),
        ] {
            let d = same_part(m, f);
            assert!(!d.is_same(), "{m} / {f}: {d:?}");
            assert!(d.reason().contains("feminine"), "{m} / {f}: {d:?}");
        }
    }

    #[test]
    fn names_compare_part_by_part() {
        assert!(same_name("Vladimir Kozlov", "Vladimir Koslov").is_same());
        assert!(same_name("Nursultan Nazarbayev", "Nursultan Nazarbaev").is_same());
        assert!(same_name("Aigerim Sultanova", "Aygerim Sultanova").is_same());
        assert!(same_name("Kozlov Vladimir", "Vladimir Kozlov").is_same());
        assert!(!same_name("Vladimir Kozlov", "Aliya Kozlov").is_same());
        assert!(!same_name("Daulet Sultanov", "Aigerim Sultanova").is_same());
        assert!(!same_name("Nurlan Temirov", "Gulnara Temirova").is_same());
        assert!(!same_name("Vladimir Kozlov", "Kozlov").is_same());
        assert!(!same_name("Espin", "Espinoza").is_same());
    }

    #[test]
    fn the_builtin_table_loads_and_links_variants_the_rules_miss() {
        let t = NameTable::builtin();
        assert!(t.len() > 10_000, "table has {} entries", t.len());
        // German and English transliterations of one Russian surname differ beyond the rules.
        assert_ne!(skeleton("Ochlopkov"), skeleton("Okhlopkov"));
        assert!(same_part("Ochlopkov", "Okhlopkov").is_same());
        assert!(same_part("Oilbhreis", "Оливейра").is_same());
        assert!(same_part("Rougier", "ружье").is_same());
        // A corrupted table is refused rather than read as garbage.
        assert!(NameTable::parse(b"garbage").is_none());
        let bytes = NameTable::to_bytes(&[(1, 7), (2, 7)]);
        let small = NameTable::parse(&bytes).unwrap();
        assert_eq!(small.len(), 2);
    }

    #[test]
    fn compare_pairs_appends_a_decision_column() {
        let input = "name_a\tname_b\tlabel\tkind\nkozlov\tkoslov\tsame\tvariant\nkozlov\tkozlova\tdifferent\tgender\n";
        let mut out = Vec::new();
        compare_pairs(input.as_bytes(), &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[1], "kozlov\tkoslov\tsame\tvariant\tsame");
        assert_eq!(lines[2], "kozlov\tkozlova\tdifferent\tgender\tdifferent");
    }
}
