//! Metadata and clean text of the seed press releases and the HRDsAttack articles in `../shared`.
//! Skipped (with a note) when the shared folder is absent.

mod common;

use casefile_ingest::{load_file, walk, IngestOptions};
use casefile_model::{Document, PartialDate};
use std::path::{Path, PathBuf};

fn seed(shared: &Path, prefix: &str) -> Document {
    let dir = shared.join("corpus/seeds");
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix} in {}", dir.display()));
    load_file(&path, &IngestOptions::default())
        .unwrap()
        .document
}

/// Normalisation as the scorer does it (`eval/score.py`).
fn norm(s: &str) -> String {
    let s = s
        .replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"");
    let s = s.trim().trim_matches('"').trim().to_lowercase();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s.strip_prefix("the ").unwrap_or(&s).to_string();
    let s = s.strip_suffix("'s").unwrap_or(&s).to_string();
    s.trim_end_matches(['.', ',', ';', ':']).to_string()
}

/// The scorer's title rule: a substring either way, at least 60% of the gold length.
fn title_matches(got: Option<&str>, gold: &str) -> bool {
    let Some(got) = got else { return false };
    let (g, d) = (norm(gold), norm(got));
    (g.contains(&d) || d.contains(&g)) && d.len() as f64 >= 0.6 * g.len() as f64
}

#[test]
fn gold_seeds_have_exactly_the_gold_metadata() {
    let Some(shared) = common::shared() else {
        return;
    };
    let gold_dir = shared.join("eval/gold");
    let mut checked = 0;
    for entry in std::fs::read_dir(&gold_dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let gold: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let name = gold["document"].as_str().unwrap();
        let doc = load_file(
            &shared.join("corpus/seeds").join(name),
            &IngestOptions::default(),
        )
        .unwrap()
        .document;
        let mut acceptable: Vec<Option<String>> =
            vec![gold["published"].as_str().map(String::from)];
        if let Some(more) = gold["published_acceptable"].as_array() {
            acceptable.extend(more.iter().map(|v| v.as_str().map(String::from)));
        }
        let published = doc.meta.published.map(|d| d.to_string());
        assert!(
            acceptable.contains(&published),
            "{name}: published {published:?}, gold {acceptable:?}"
        );
        assert_eq!(
            doc.meta.publisher.as_deref().map(norm),
            gold["publisher"].as_str().map(norm),
            "{name}: publisher"
        );
        assert!(
            title_matches(doc.meta.title.as_deref(), gold["title"].as_str().unwrap()),
            "{name}: title {:?}, gold {:?}",
            doc.meta.title,
            gold["title"]
        );
        if let Some(r) = gold["reference"].as_str() {
            assert_eq!(doc.meta.reference.as_deref(), Some(r), "{name}: reference");
        }
        assert!(doc.meta.supplied.is_empty());
        checked += 1;
    }
    assert!(checked >= 3, "expected the gold seeds, found {checked}");
}

#[test]
fn seed_000_amnesty_public_statement() {
    let Some(shared) = common::shared() else {
        return;
    };
    let d = seed(&shared, "000_");
    assert_eq!(d.meta.reference.as_deref(), Some("EUR 57/05/98"));
    assert_eq!(d.meta.published, PartialDate::ymd(1998, 4, 8));
    // The header stays in the text: the date and reference are facts with evidence.
    assert!(d.text.starts_with("AI INDEX: EUR 57/05/98\n8 APRIL 1998"));
    assert!(d.text.ends_with("ENDS.../"));
}

#[test]
fn seed_002_menu_removed_article_kept() {
    let Some(shared) = common::shared() else {
        return;
    };
    let d = seed(&shared, "002_");
    for gone in [
        "About Us",
        "Donate",
        "Join Our Mailing List",
        "Transparency\n",
    ] {
        assert!(!d.text.contains(gone), "{gone:?} should be gone");
    }
    assert!(d
        .text
        .starts_with("Kazakhstan: HRF calls on President Nazarbayev"));
    // Link syntax is gone, its words stay.
    assert!(d
        .text
        .contains("the Human Rights Foundation (HRF) submitted a letter today"));
    assert!(d.text.contains("Read the letter here."));
    assert!(!d.text.contains("](#)"));
}

#[test]
fn seed_003_breadcrumbs_and_comment_form_removed() {
    let Some(shared) = common::shared() else {
        return;
    };
    let d = seed(&shared, "003_");
    assert!(!d.text.contains("Home"));
    assert!(!d.text.contains("Leave a Reply"));
    assert!(d
        .text
        .starts_with("Kazakhstan must not muzzle media outlets\n\nThe Kazakhstani"));
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Kazakhstan must not muzzle media outlets")
    );
    assert_eq!(d.meta.publisher.as_deref(), Some("Amnesty International"));
    // "On Wednesday" and body dates (16 December 2011) are not a publication date.
    assert_eq!(d.meta.published, None);
    assert!(!d.text.contains("\n\n\n"));
}

#[test]
fn seed_004_report_release() {
    let Some(shared) = common::shared() else {
        return;
    };
    let d = seed(&shared, "004_");
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Kazakhstan: New report accuses President of 'pulling wool over eyes' of world on torture")
    );
    assert_eq!(d.meta.publisher.as_deref(), Some("Amnesty International"));
    assert_eq!(d.meta.published, None);
    assert!(!d.text.contains("View latest press releases"));
}

#[test]
fn every_seed_keeps_every_body_sentence() {
    let Some(shared) = common::shared() else {
        return;
    };
    for r in walk(&[shared.join("corpus/seeds")]) {
        let path = r.unwrap();
        let raw = std::fs::read_to_string(&path).unwrap();
        let doc = load_file(&path, &IngestOptions::default())
            .unwrap()
            .document;
        // Every line of 12 words or more is body prose and must survive verbatim (modulo link and
        // emphasis syntax).
        for line in raw.lines().map(str::trim) {
            if line.split_whitespace().count() >= 12 && !line.contains("](") {
                let line = line.replace('*', "");
                assert!(
                    doc.text.contains(&line),
                    "{}: lost {line:?}",
                    path.display()
                );
            }
        }
    }
}

fn hrd_split(shared: &Path, split: &str) -> Vec<(PathBuf, String)> {
    let dir = shared.join("datasets/hrdsattack").join(split);
    let gold: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("gold.json")).unwrap()).unwrap();
    gold.as_object()
        .unwrap()
        .iter()
        .map(|(name, g)| {
            (
                dir.join("articles").join(name),
                g["published"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn check_hrd(split: &str) {
    let Some(shared) = common::shared() else {
        return;
    };
    let items = hrd_split(&shared, split);
    assert!(!items.is_empty());
    for (path, published) in &items {
        let doc = load_file(path, &IngestOptions::default())
            .unwrap_or_else(|e| panic!("{e}"))
            .document;
        assert_eq!(
            doc.meta.published.map(|d| d.to_string()).as_deref(),
            Some(published.as_str()),
            "{}",
            path.display()
        );
        assert!(doc.meta.title.is_some(), "{}: no title", path.display());
        // The whole <article> survives: every paragraph of prose is in the clean text.
        let html = std::fs::read_to_string(path).unwrap();
        for p in html.split("<p>").skip(1) {
            let p = p.split("</p>").next().unwrap().trim();
            // "Also read: <other story>" is a link to another page, not this article's prose.
            let link_line = ["Also read", "Read also", "Related", "Read more"]
                .iter()
                .any(|l| p.to_lowercase().starts_with(&l.to_lowercase()));
            if p.split_whitespace().count() >= 12
                && !p.contains('&')
                && !p.contains('<')
                && !link_line
            {
                let p = p.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(
                    doc.text.contains(&p),
                    "{}: lost paragraph {p:?}",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn hrdsattack_dev_published_dates_match_gold() {
    check_hrd("dev");
}

#[test]
fn hrdsattack_train_published_dates_match_gold() {
    check_hrd("train");
}
