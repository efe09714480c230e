//! casefile's statistical named-entity tagger (being written; this stub finds nothing).

use casefile_model::Span;

/// The CoNLL-2003 entity classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NerLabel {
    /// Person.
    Per,
    /// Organisation.
    Org,
    /// Location.
    Loc,
    /// Miscellaneous named thing.
    Misc,
}

/// A trained tagger.
#[derive(Debug, Default)]
pub struct Tagger {}

impl Tagger {
    /// The model compiled into the binary, parsed once.
    pub fn builtin() -> &'static Tagger {
        static TAGGER: Tagger = Tagger {};
        &TAGGER
    }

    /// Entity spans (byte offsets into `text`) found in the sentence `sentence`.
    pub fn tag(&self, _text: &str, _sentence: Span) -> Vec<(Span, NerLabel)> {
        Vec::new()
    }
}
