//! `cargo run --release -p casefile-resolve --example bench -- [DOCS…]`: resolution time on
//! generated documents (10 person, organisation and place mentions each, names drawn from a pool
//! with spelling variants, feminine forms and surname-only mentions), for each corpus size given
//! (default 1000 10000 100000).

use casefile_model::{
    AnalyzedDocument, Document, DocumentId, DocumentMeta, EntityType, Mention, SourceFormat, Span,
};
use std::time::Instant;

const GIVEN: &[&str] = &[
    "Vladimir", "Aliya", "Nurlan", "Gulnara", "Daulet", "Aigerim", "Serik", "Zhanna", "Marat",
    "Yerlan", "Roza", "Askar", "Timur", "Saltanat", "Igor", "Olga",
];
const SURNAMES: &[&str] = &[
    "Kozlov",
    "Sultanov",
    "Temirov",
    "Nazarbayev",
    "Abenov",
    "Kaliev",
    "Dosov",
    "Bekov",
    "Ospanov",
    "Atabek",
    "Moldashev",
    "Kuspan",
    "Abzhan",
    "Ismailov",
    "Tuletaev",
    "Kenzhebaev",
];

const SYLLABLES: &[&str] = &[
    "ka", "ra", "mo", "te", "bek", "zhan", "nur", "al", "sa", "to", "ber", "gul", "dar", "ym",
    "as", "ke", "li", "mur", "ta", "zy", "khan", "ay", "ol", "bo", "sen", "ul", "er", "ma",
];

/// A deterministic pseudo-random generator (no dependency, same data on every machine).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

fn variant(s: &str, r: &mut Lcg) -> String {
    match r.next(6) {
        0 => s.replace('z', "s"),
        1 => s.replace("ay", "a"),
        2 => format!("{s}a"),
        _ => s.to_string(),
    }
}

fn corpus(n: usize) -> Vec<AnalyzedDocument> {
    let mut r = Lcg(42);
    (0..n)
        .map(|i| {
            let mut names = Vec::new();
            for _ in 0..6 {
                // Many distinct people: a surname, a number-suffixed family, a given name.
                let root = if r.next(2) == 0 {
                    SURNAMES[r.next(SURNAMES.len())].to_string()
                } else {
                    // Tens of thousands of invented surnames, so blocks stay realistic.
                    let mut s = String::new();
                    for _ in 0..3 {
                        s.push_str(SYLLABLES[r.next(SYLLABLES.len())]);
                    }
                    let mut c = s.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect())
                        .unwrap_or(s)
                };
                let family = format!("{root}{}", ["", "in", "enko", "ski", "ov"][r.next(5)]);
                let sur = variant(&family, &mut r);
                let name = if r.next(4) == 0 {
                    sur
                } else {
                    format!("{} {sur}", GIVEN[r.next(GIVEN.len())])
                };
                names.push((name, EntityType::Person));
            }
            names.push((
                [
                    "Amnesty International",
                    "Human Rights Watch",
                    "HRF",
                    "Almaty City Court",
                ][r.next(4)]
                .to_string(),
                EntityType::Organization,
            ));
            for _ in 0..3 {
                names.push((
                    [
                        "Kazakhstan",
                        "Kazakstan",
                        "Almaty",
                        "Zhanaozen",
                        "Astana",
                        "Delta",
                    ][r.next(6)]
                    .to_string(),
                    EntityType::Location,
                ));
            }
            let text = names
                .iter()
                .map(|(n, _)| n.as_str())
                .collect::<Vec<_>>()
                .join(". ")
                + &format!(" Document {i}.");
            let document = Document {
                id: DocumentId::from_content(text.as_bytes()),
                source: format!("gen/{i}.txt"),
                format: SourceFormat::Text,
                meta: DocumentMeta::default(),
                text: text.clone(),
            };
            let mut a = AnalyzedDocument::new(document);
            let mut at = 0;
            for (name, t) in names {
                let start = text[at..].find(&name).map(|p| p + at).unwrap_or(0);
                at = start + name.len();
                a.mentions.push(Mention {
                    span: Span::new(start, start + name.len()),
                    text: name,
                    entity_type: t,
                    country: (t == EntityType::Location).then(|| "KZ".to_string()),
                    legal: None,
                });
            }
            a
        })
        .collect()
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000, 100_000]
    } else {
        sizes
    };
    for n in sizes {
        let docs = corpus(n);
        let mentions: usize = docs.iter().map(|d| d.mentions.len()).sum();
        let t = Instant::now();
        let r = casefile_resolve::resolve(&docs);
        println!(
            "{n} documents, {mentions} mentions: {} entities in {:.2} s",
            r.kb.entities.len(),
            t.elapsed().as_secs_f64()
        );
    }
}
