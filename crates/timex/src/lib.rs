//! casefile's time expressions (being written; this stub finds nothing).

use casefile_model::{PartialDate, Timex};

/// Time expressions in `text`, normalised against the document creation time `dct` (the
/// publication date, possibly partial or unknown).
pub fn tag(_text: &str, _dct: Option<PartialDate>) -> Vec<Timex> {
    Vec::new()
}
