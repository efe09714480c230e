//! Model values to SQL column values and back.
//!
//! Enums are written by their serde names (`legal_provision`, `death_in_custody`, `DATE`), read
//! through serde_json, so the model's `#[serde(rename_all)]` is the one source of truth for the
//! names in the store, in the export and in the JSON Schema.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// The serde name of a unit enum variant.
pub(crate) fn enum_name<T: Serialize>(value: &T) -> Result<String, String> {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => Ok(name),
        Ok(other) => Err(format!("serialises as {other}, not as a name")),
        Err(e) => Err(e.to_string()),
    }
}

/// The unit enum variant with serde name `name`.
pub(crate) fn enum_from_name<T: DeserializeOwned>(name: &str) -> Result<T, String> {
    serde_json::from_value(serde_json::Value::String(name.to_string()))
        .map_err(|e| format!("{name:?}: {e}"))
}

/// A JSON column value.
pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}

/// A value from a JSON column.
pub(crate) fn from_json<T: DeserializeOwned>(json: &str) -> Result<T, String> {
    serde_json::from_str(json).map_err(|e| format!("{json:?}: {e}"))
}

/// An offset, index or count as SQLite's 64-bit signed integer.
pub(crate) fn to_sql_int<T: TryInto<i64> + Copy + std::fmt::Display>(
    value: T,
    what: &str,
) -> Result<i64, String> {
    value
        .try_into()
        .map_err(|_| format!("{what} {value} is larger than the store's 64-bit signed integers"))
}

/// An SQL integer as an offset, index or count.
pub(crate) fn from_sql_int<T: TryFrom<i64>>(value: i64, what: &str) -> Result<T, String> {
    T::try_from(value).map_err(|_| format!("{what} {value} is out of range"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use casefile_model::{EntityType, EventType, TimexType};

    #[test]
    fn enum_names_are_the_serde_names() {
        assert_eq!(
            enum_name(&EntityType::LegalProvision).unwrap(),
            "legal_provision"
        );
        assert_eq!(enum_name(&TimexType::Duration).unwrap(), "DURATION");
        for t in EventType::ALL {
            let name = enum_name(&t).unwrap();
            assert_eq!(name, t.as_str());
            assert_eq!(enum_from_name::<EventType>(&name).unwrap(), t);
        }
        assert!(enum_from_name::<EventType>("picnic").is_err());
    }

    #[test]
    fn integers_beyond_i64_are_refused_not_wrapped() {
        assert_eq!(to_sql_int(42u64, "quantity").unwrap(), 42);
        assert!(to_sql_int(u64::MAX, "quantity").is_err());
        assert!(from_sql_int::<u64>(-1, "quantity").is_err());
        assert_eq!(from_sql_int::<usize>(7, "idx").unwrap(), 7);
    }
}
