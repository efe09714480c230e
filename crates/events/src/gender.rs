//! Grammatical gender of pronouns and persons, so that "she" is not resolved to a man. A person's
//! gender comes from evidence in the document only: a title ("Mr", "Mrs"), a kin noun naming them
//! ("his wife X"), a given name that is nearly always one gender, or a Slavic surname ending
//! (Kozlov / Kozlova). No evidence, or evidence both ways, leaves the person compatible with any
//! pronoun.

use crate::text::{sl, words};
use crate::Ctx;
use casefile_model::EntityType;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The gender a pronoun or a person is known to have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

/// The gender a pronoun states: "he/him/his" or "she/her/hers"; none for "they" and others.
pub(crate) fn of_pronoun(w: &str) -> Option<Gender> {
    match w {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// Words right before a name that say the person's gender ("Mrs X", "his wife X").
fn of_title(w: &str) -> Option<Gender> {
    match w.trim_end_matches('.') {
        "mr" | "mister" | "sir" | "monsieur" | "senor" | "husband" | "son" | "brother"
        | "father" | "uncle" | "nephew" | "grandson" | "grandfather" | "king" | "prince"
        | "sheikh" | "imam" | "man" | "boyfriend" | "businessman" | "congressman" | "chairman"
        | "spokesman" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "madam" | "madame" | "mme" | "senora" | "wife" | "daughter"
        | "sister" | "mother" | "aunt" | "niece" | "granddaughter" | "grandmother" | "queen"
        | "princess" | "woman" | "girlfriend" | "businesswoman" | "congresswoman"
        | "chairwoman" | "spokeswoman" | "widow" | "nun" => Some(Gender::Female),
        _ => None,
    }
}

fn given_names() -> &'static HashMap<&'static str, Gender> {
    static NAMES: OnceLock<HashMap<&'static str, Gender>> = OnceLock::new();
    NAMES.get_or_init(|| {
        include_str!("../data/given-names.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (n, g) = l.split_once('\t')?;
                let g = match g.trim() {
                    "m" => Gender::Male,
                    "f" => Gender::Female,
                    _ => return None,
                };
                Some((n.trim(), g))
            })
            .collect()
    })
}

/// Gender from the words of a name: a listed given name first, then a Slavic surname ending.
pub(crate) fn of_name(name: &str) -> Option<Gender> {
    let lower = name.to_lowercase();
    let parts: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    if parts.len() >= 2 {
        // Only the first of two or more words is a given name ("Ali" alone may be a surname).
        let first = parts[0].split('-').next().unwrap_or(parts[0]);
        if let Some(&g) = given_names().get(first) {
            return Some(g);
        }
    }
    let last = *parts.last()?;
    if last.chars().count() < 5 {
        return None;
    }
    const FEMININE: &[&str] = &["ova", "eva", "yova", "skaya", "tskaya", "ska", "cka"];
    const MASCULINE: &[&str] = &["ov", "ev", "yov", "sky", "skiy", "skyi", "ski", "cki"];
    if FEMININE.iter().any(|e| last.ends_with(e)) {
        Some(Gender::Female)
    } else if MASCULINE.iter().any(|e| last.ends_with(e)) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// The gender of person mention `m`, from every mention in the document that shares its surname;
/// none when nothing says, or when the evidence disagrees.
pub(crate) fn of_person(ctx: &Ctx, m: usize) -> Option<Gender> {
    let key = crate::surname_key(&ctx.mentions[m].text);
    let mut found: Option<Gender> = None;
    for (i, other) in ctx.mentions.iter().enumerate() {
        if other.entity_type != EntityType::Person
            || (i != m && crate::surname_key(&other.text) != key)
        {
            continue;
        }
        let before = sl(
            &ctx.lower,
            other.span.start.saturating_sub(30),
            other.span.start,
        );
        let g = words(before)
            .next_back()
            .filter(|_| !before.trim_end().ends_with([',', ';', ':']))
            .and_then(of_title)
            .or_else(|| of_name(&other.text));
        match (found, g) {
            (_, None) => {}
            (None, Some(g)) => found = Some(g),
            (Some(f), Some(g)) if f != g => return None,
            _ => {}
        }
    }
    found
}

/// True when a pronoun of gender `want` may stand for person mention `m`.
pub(crate) fn compatible(ctx: &Ctx, m: usize, want: Option<Gender>) -> bool {
    match (want, of_person(ctx, m)) {
        (Some(w), Some(g)) => w == g,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_give_gender_when_they_are_clear() {
        assert_eq!(of_name("Olga Petrenko"), Some(Gender::Female));
        assert_eq!(of_name("Ahmed Farouk"), Some(Gender::Male));
        assert_eq!(of_name("Irina Kozlova"), Some(Gender::Female));
        assert_eq!(of_name("Kozlov"), Some(Gender::Male));
        assert_eq!(of_name("Kozlova"), Some(Gender::Female));
        // A given name alone may be a surname; an unknown name says nothing.
        assert_eq!(of_name("Ali"), None);
        assert_eq!(of_name("Chen Ruolan"), None);
    }

    #[test]
    fn pronouns_and_titles() {
        assert_eq!(of_pronoun("her"), Some(Gender::Female));
        assert_eq!(of_pronoun("his"), Some(Gender::Male));
        assert_eq!(of_pronoun("their"), None);
        assert_eq!(of_title("mrs."), Some(Gender::Female));
        assert_eq!(of_title("wife"), Some(Gender::Female));
        assert_eq!(of_title("activist"), None);
    }
}
