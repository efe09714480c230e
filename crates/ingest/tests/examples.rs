//! The bundled example corpus (`examples/corpus/`, fictional reports in every supported format):
//! the metadata each document states, as listed in `examples/README.md`. These documents were not
//! used to write the rules for the real seeds, so they check that the rules generalise.

use casefile_ingest::{load_file, IngestOptions};
use casefile_model::PartialDate;
use std::path::Path;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/corpus");

#[test]
fn every_example_has_the_metadata_it_states() {
    // (file, title starts with, publisher, published)
    let expected: &[(&str, &str, &str, Option<&str>)] = &[
        (
            "01-tbhr-sultanova-detained.txt",
            "Tarsaly: Editor of the Kemir Courier detained",
            "Tarsaly Bureau for Human Rights",
            Some("2023-03-16"),
        ),
        (
            "02-pfm-sultanova-trial-opens.html",
            "Tarsaly: Trial of editor Aygerim Sultanova opens",
            "Press Freedom Monitor",
            Some("2023-06-02"),
        ),
        (
            "03-srw-sultanova-sentenced.txt",
            "Five and a half years for an editor",
            "Steppe Rights Watch",
            Some("2023-07-22"),
        ),
        (
            "04-tbhr-temirov-missing.txt",
            "Tarsaly: Authorities must reveal the whereabouts",
            "Tarsaly Bureau for Human Rights",
            // "3 September", "On Monday": no year is stated.
            None,
        ),
        (
            "05-srw-timirov-nsc-custody.md",
            "Tarsaly: Missing opposition leader found",
            "Steppe Rights Watch",
            Some("2023-11-01"),
        ),
        (
            "06-pfm-kemir-courier-closed.html",
            "Tarsaly: Court orders closure of the Kemir Courier",
            "Press Freedom Monitor",
            Some("2023-12-07"),
        ),
        (
            "07-steppe-herald-ordabay-protests.html",
            "Death toll disputed",
            "The Steppe Herald",
            Some("2024-01-12"),
        ),
        (
            "08-cara-ordabay-investigation.txt",
            "Tarsaly: Killings of protesters in Ordabay",
            "Central Asian Rights Alliance",
            None,
        ),
        (
            "09-osi-briefing-closing-space.pdf",
            "Tarsaly: A year of closing space",
            "Open Steppe Institute",
            Some("2024-02-15"),
        ),
    ];
    for (file, title, publisher, published) in expected {
        let path = Path::new(CORPUS).join(file);
        let d = load_file(&path, &IngestOptions::default())
            .unwrap_or_else(|e| panic!("{e}"))
            .document;
        let got_title = d.meta.title.clone().unwrap_or_default();
        assert!(got_title.starts_with(title), "{file}: title {got_title:?}");
        assert_eq!(d.meta.publisher.as_deref(), Some(*publisher), "{file}");
        assert_eq!(
            d.meta.published,
            published.map(|p| p.parse::<PartialDate>().unwrap()),
            "{file}"
        );
    }
}

#[test]
fn the_menu_page_loses_its_furniture_and_keeps_its_body() {
    let path = Path::new(CORPUS).join("04-tbhr-temirov-missing.txt");
    let d = load_file(&path, &IngestOptions::default())
        .unwrap()
        .document;
    for gone in [
        "About Us",
        "Donate",
        "Subscribe to our newsletter",
        "Русский",
        "Home >",
        "Share this",
        "WhatsApp",
        "Related:",
        "Independent monitoring.",
    ] {
        assert!(!d.text.contains(gone), "{gone:?} should be gone");
    }
    assert!(d.text.starts_with("Tarsaly: Authorities must reveal"));
    assert!(d.text.contains("- stop harassing members of Democratic Choice of Tarsaly and other peaceful opposition groups."));
    assert!(d.text.ends_with("press@tbhr.example"));
}

#[test]
fn the_vandalised_page_keeps_no_markup() {
    let path = Path::new(CORPUS).join("07-steppe-herald-ordabay-protests.html");
    let d = load_file(&path, &IngestOptions::default())
        .unwrap()
        .document;
    assert!(!d.text.contains("onerror="), "{:?}", d.text);
    assert!(!d.text.contains("alert("), "{:?}", d.text);
    assert!(d
        .text
        .contains("The Interior Ministry says 4 people were killed on Tuesday"));
}
