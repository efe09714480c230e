//! casefile's readers: one [`Pipeline`], loaded once, adds every layer to a document.
//!
//! - sentences: `casefile_text::sentences`;
//! - entity mentions ([`entities`]): the statistical tagger (`casefile_ner`) corrected and
//!   completed with the gazetteer (`casefile_gazetteer`) and rules for organisation head words,
//!   titles, acronyms and boilerplate ([`boilerplate`]);
//! - legal provisions with their structure ([`legal`]);
//! - time expressions: `casefile_timex`, against the document's publication date;
//! - events and claims: `casefile_events`.

pub mod boilerplate;
pub mod entities;
pub mod legal;

use casefile_gazetteer::Gazetteer;
use casefile_model::{AnalyzedDocument, Document};
use casefile_ner::Tagger;

/// Every reader, loaded once; `Send + Sync` so that rayon workers share one.
#[derive(Debug)]
pub struct Pipeline {
    tagger: &'static Tagger,
    gazetteer: &'static Gazetteer,
}

impl Default for Pipeline {
    fn default() -> Self {
        Self::new()
    }
}

impl Pipeline {
    /// Loads the tagger and the gazetteer (compiled in, parsed once per process).
    pub fn new() -> Self {
        Pipeline {
            tagger: Tagger::builtin(),
            gazetteer: Gazetteer::builtin(),
        }
    }

    /// Adds every layer to a document: sentences, entity mentions (persons, organisations,
    /// places, legal provisions), time expressions (against the document's publication date),
    /// then events and claims, less the violations the trained filter (`casefile_events::hrd`)
    /// judges are not reported as attacks on anyone (a robber's arrest, "killing off orchards").
    ///
    /// A reader that panics (a bug, never bad input by design) panics through this call: the
    /// caller decides what a failed document costs. The CLI reports it as that file's error and
    /// does not store a half-read document, so the next run reads it again.
    pub fn analyze(&self, document: Document) -> AnalyzedDocument {
        let mut analysis = self.read_entities(document);
        casefile_events::read(&mut analysis);
        casefile_events::hrd::filter(&mut analysis, casefile_events::hrd::TypeModel::builtin());
        analysis
    }

    /// The layers events are read from, without the events: sentences, entity mentions and time
    /// expressions. What the entity evaluation (`seed-export`) measures.
    pub fn read_entities(&self, document: Document) -> AnalyzedDocument {
        let mut analysis = AnalyzedDocument::new(document);
        let text = &analysis.document.text;
        analysis.sentences = casefile_text::sentences(text);
        analysis.mentions = entities::read(self.gazetteer, self.tagger, text, &analysis.sentences);
        analysis.timexes = casefile_timex::tag(text, analysis.document.meta.published);
        analysis
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use casefile_model::{DocumentId, DocumentMeta, EntityType, SourceFormat};

    fn doc(text: &str) -> Document {
        Document {
            id: DocumentId::from_content(text.as_bytes()),
            source: "test.txt".to_string(),
            format: SourceFormat::Text,
            meta: DocumentMeta::default(),
            text: text.to_string(),
        }
    }

    fn mentions(text: &str) -> Vec<(EntityType, String)> {
        let analysis = Pipeline::new().analyze(doc(text));
        for m in &analysis.mentions {
            // Every span slices to its own text.
            assert_eq!(m.span.slice(text), Some(m.text.as_str()));
        }
        analysis
            .mentions
            .into_iter()
            .map(|m| (m.entity_type, m.text))
            .collect()
    }

    #[test]
    fn a_title_case_headline_lends_no_capitals_to_common_words() {
        let got = mentions(
            "Uzbekistan: Investigate Death of Blogger in Custody\n\nThe blogger Ilhom Karimov \
             died in custody in Tashkent, his family said. Police held the blogger for a week.",
        );
        let texts: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert!(texts.contains(&"Uzbekistan"), "{got:?}");
        assert!(texts.contains(&"Ilhom Karimov"), "{got:?}");
        assert!(
            !texts
                .iter()
                .any(|t| t.contains("Blogger") || t.contains("Custody")),
            "{got:?}"
        );
        // A name the body repeats keeps its headline mention.
        let got = mentions(
            "Kazakhstan: Court Jails Vladimir Kozlov\n\nThe opposition leader Vladimir Kozlov \
             has been held since January.",
        );
        let kozlov = got.iter().filter(|(_, t)| t == "Vladimir Kozlov").count();
        assert_eq!(kozlov, 2, "{got:?}");
    }

    #[test]
    fn a_website_named_at_a_sentences_end_leaves_its_full_stop() {
        let got = mentions(
            "The ministry blocked the news website Zerkalo.io. He told the news agency A.F.P. \
             on Monday.",
        );
        assert!(
            got.contains(&(EntityType::Organization, "A.F.P.".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&(EntityType::Organization, "Zerkalo.io".into())),
            "{got:?}"
        );
        assert!(!got.iter().any(|(_, t)| t == "Zerkalo.io."), "{got:?}");
    }

    #[test]
    fn an_organisation_of_the_state_or_country_it_serves_is_one_name() {
        let got = mentions(
            "The National Union of Journalists of the Philippines and the Presidential Task \
             Force on Media Security spoke. Fatima Idris of the Sudanese Center for Rights and \
             the Executive Director of the Foundation for Media Freedom were there.",
        );
        for name in [
            "National Union of Journalists of the Philippines",
            "Presidential Task Force on Media Security",
            "Sudanese Center for Rights",
            "Foundation for Media Freedom",
        ] {
            assert!(
                got.contains(&(EntityType::Organization, name.into())),
                "{name}: {got:?}"
            );
        }
    }

    #[test]
    fn a_group_named_for_its_mission_is_one_organisation() {
        let got = mentions(
            "The Washington-based Coalition to End Torture and the Committee to Protect \
             Journalists condemned the verdict. The ministry wrote to President Kassym-Jomart \
             Tokayev.",
        );
        for name in [
            "Coalition to End Torture",
            "Committee to Protect Journalists",
        ] {
            assert!(
                got.contains(&(EntityType::Organization, name.into())),
                "{name}: {got:?}"
            );
        }
        assert!(
            got.contains(&(EntityType::Location, "Washington".into())),
            "{got:?}"
        );
        assert!(
            !got.iter().any(|(_, t)| t.contains("to President")),
            "{got:?}"
        );
    }

    #[test]
    fn a_given_name_that_is_also_an_adjective_still_names_a_person() {
        let got = mentions(
            "The regional court rejected the appeal of Roman Bereshansky against his conviction.",
        );
        assert!(
            got.contains(&(EntityType::Person, "Roman Bereshansky".into())),
            "{got:?}"
        );
        // A miscellaneous name without a surname's ending stays what the tagger read.
        let got = mentions("He was a devout Roman Catholic.");
        assert!(
            !got.iter().any(|(t, _)| *t == EntityType::Person),
            "{got:?}"
        );
    }

    #[test]
    fn hyphenated_participles_and_numbered_facilities() {
        let got = mentions(
            "A reporter for the Poland-based television channel Belsat and the Kremlin-backed \
             RT channel died in Penal Colony No. 17 in Shklov.",
        );
        assert!(
            got.contains(&(EntityType::Location, "Poland".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&(EntityType::Organization, "RT".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&(EntityType::Organization, "Penal Colony No. 17".into())),
            "{got:?}"
        );
        assert!(
            !got.iter()
                .any(|(_, t)| t.contains("-based") || t.contains("-backed")),
            "{got:?}"
        );
        // A language is no organisation: "the Kurdish-language daily Azadiya".
        let got = mentions("Police raided the Kurdish-language daily Azadiya in Diyarbakir.");
        assert!(
            !got.iter()
                .any(|(t, n)| n.contains("Kurdish") && *t == EntityType::Organization),
            "{got:?}"
        );
    }

    #[test]
    fn pipeline_is_shared_across_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<Pipeline>();
    }

    #[test]
    fn a_paragraph_with_all_four_types() {
        let text = "Amnesty International said today that journalist Vladimir Kozlov was detained in Almaty by the Ministry of Internal Affairs and charged under Article 174 of the Criminal Code.";
        let analysis = Pipeline::new().analyze(doc(text));
        let got: Vec<(EntityType, &str)> = analysis
            .mentions
            .iter()
            .map(|m| (m.entity_type, m.span.slice(text).unwrap()))
            .collect();
        for want in [
            (EntityType::Organization, "Amnesty International"),
            (EntityType::Person, "Vladimir Kozlov"),
            (EntityType::Location, "Almaty"),
            (EntityType::Organization, "Ministry of Internal Affairs"),
            (
                EntityType::LegalProvision,
                "Article 174 of the Criminal Code",
            ),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
        let almaty = analysis
            .mentions
            .iter()
            .find(|m| m.text == "Almaty")
            .unwrap();
        assert_eq!(almaty.country.as_deref(), Some("KZ"));
        let law = analysis
            .mentions
            .iter()
            .find(|m| m.entity_type == EntityType::LegalProvision)
            .unwrap();
        assert_eq!(law.legal.as_ref().unwrap().article, "174");
        assert!(analysis.sentences.len() == 1);
    }

    #[test]
    fn an_office_holder_is_a_person_apart_from_the_offices_field() {
        let got = mentions(
            "The UN High Commissioner for Human Rights Navi Pillay has called for an \
             investigation. The Minister of the Interior Taoufik Charfeddine ordered the arrest. \
             Amnesty International UK\u{2019}s Head of Policy and Government Affairs Allan \
             Hogarth said it.",
        );
        // The office alone is no organisation.
        assert!(
            !got.iter().any(|(_, n)| n.starts_with("Head of")),
            "{got:?}"
        );
        for name in ["Navi Pillay", "Taoufik Charfeddine"] {
            assert!(
                got.contains(&(EntityType::Person, name.to_string())),
                "{name} in {got:?}"
            );
        }
        assert!(
            !got.iter().any(|(t, n)| *t != EntityType::Person
                && (n.contains("Pillay") || n.contains("Taoufik"))),
            "{got:?}"
        );
    }

    #[test]
    fn names_are_cited_without_articles_possessives_or_titles() {
        let got = mentions("The statement by President Nazarbayev's office was read. Kazakhstan's Interior Ministry said Ms Struthers left.");
        let texts: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert!(texts.contains(&"Nazarbayev"), "{texts:?}");
        assert!(texts.contains(&"Kazakhstan"), "{texts:?}");
        assert!(texts.contains(&"Interior Ministry"), "{texts:?}");
        assert!(texts.contains(&"Struthers"), "{texts:?}");
        assert!(!texts.iter().any(|t| t.starts_with("the ")
            || t.starts_with("The ")
            || t.ends_with("'s")
            || t.starts_with("President")
            || t.starts_with("Ms")));
    }

    #[test]
    fn a_nationality_adjective_is_not_a_place() {
        let got = mentions("The Kazakhstani authorities detained him in Kazakstan.");
        assert!(
            got.contains(&(EntityType::Location, "Kazakstan".to_string())),
            "{got:?}"
        );
        assert!(
            !got.contains(&(EntityType::Location, "Kazakhstani".to_string())),
            "{got:?}"
        );
    }

    #[test]
    fn boilerplate_lines_produce_no_mentions() {
        let text = "AI INDEX: EUR 57/05/98\n8 APRIL 1998\n\nPUBLIC STATEMENT\n\nHome\n\nAbout Us\n\nMission\n\nDonate\n\nBy John Smith\n\nContact: Pedro Pizano, pedro@thehrf.org, 212-246-8486\n\nHuman Rights Foundation\n350 Fifth Avenue, #4515\nNew York, NY 10118\nPhone: (212) 246-8486\nwww.thehrf.org\n\nShare this article:";
        assert_eq!(mentions(text), vec![]);
    }

    #[test]
    fn a_plural_noun_of_people_is_no_name() {
        let got = mentions("People were detained there without due process. People interviewed said so.\n\nDetention of Gay and Transgender People\n\nPeople’s Rights groups objected.");
        assert!(!got.iter().any(|(_, t)| t == "People"), "{got:?}");
    }

    #[test]
    fn a_name_between_the_and_of_is_no_person() {
        let got = mentions("As the Big Lies of government grew, the New York Post called her a terrorist. Aafia Siddiqui denied it.");
        assert!(
            !got.iter()
                .any(|(t, n)| *t == EntityType::Person && n.contains("Lies")),
            "{got:?}"
        );
        assert!(
            got.contains(&(EntityType::Person, "Aafia Siddiqui".to_string())),
            "{got:?}"
        );
    }

    #[test]
    fn a_dateline_gives_its_place_and_nothing_else() {
        let text = "NEW YORK (December 14, 2012)\u{2014}Commemorating the anniversary, the group wrote again.";
        let got = mentions(text);
        assert_eq!(got, vec![(EntityType::Location, "NEW YORK".to_string())]);
    }
}

#[cfg(test)]
mod properties {
    use casefile_gazetteer::Gazetteer;
    use proptest::prelude::*;

    /// Text made of the pieces the readers look at, with multi-byte characters around them.
    fn texty() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "Article ",
            "Articles ",
            "Art. ",
            "paragraph ",
            "12",
            "2(3)",
            " and ",
            " of the ",
            "Criminal Code",
            "Law on Mass Media",
            "(KCC)",
            ", ",
            ". ",
            "\n",
            "\n\n",
            "’s ",
            "'s ",
            "“",
            "”",
            "\"",
            "*",
            "Kazakhstan",
            "KAZAKSTAN",
            "Almaty",
            "City Council",
            "Ministry",
            " of Health",
            "President ",
            "Mr. ",
            "journalist ",
            "Nazarbayev",
            "Тоқаев",
            "é",
            "—",
            "NEW YORK (December 14, 2012)—",
            "AI INDEX: EUR 57/05/98",
            "Contact: a@b.org",
            "the ",
            "party ",
            "Alga!",
            "K+",
            " TV channel",
            "(",
            ")",
            "J. ",
            "Ramón ",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn readers_never_panic_and_spans_slice(text in texty()) {
            let gaz = Gazetteer::builtin();
            let sentences = casefile_text::sentences(&text);
            let mentions = crate::entities::read(gaz, casefile_ner::Tagger::builtin(), &text, &sentences);
            for m in &mentions {
                prop_assert_eq!(m.span.slice(&text), Some(m.text.as_str()));
                prop_assert!(!m.text.is_empty());
            }
            for p in crate::legal::find(gaz, &text).provisions {
                prop_assert!(p.span.slice(&text).is_some());
            }
            for s in crate::boilerplate::scan(&text).masked {
                prop_assert!(s.slice(&text).is_some());
            }
        }
    }
}
