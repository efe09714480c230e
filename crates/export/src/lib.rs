//! Exports of the resolved record for other tools.
//!
//! - [`ftm`]: FollowTheMoney entities as JSON lines, the form Aleph and OpenSanctions load.
//! - [`csv_tables`]: normalised CSV tables in a folder, described by a Frictionless
//!   `datapackage.json`.
//!
//! Both keep every fact's evidence: the document id, the character span and the passage.

pub mod csv_tables;
pub mod ftm;

use serde::Serialize;

/// The snake_case name serde gives a unit enum value (`EventType::Arrest` → `arrest`), so the
/// exports spell values exactly as the JSON export does.
pub(crate) fn enum_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// A partial date as an ISO 8601 prefix (`2012`, `2012-01`, `2012-01-26`), or `None` when the year
/// is unknown: FtM and CSV readers cannot place a date without one, and we never invent it.
pub(crate) fn iso_date(date: &casefile_model::PartialDate) -> Option<String> {
    date.year?;
    Some(date.to_string())
}
