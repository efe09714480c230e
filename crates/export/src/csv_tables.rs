//! The knowledge base as normalised CSV tables in a folder, with a Frictionless Data Package
//! descriptor (`datapackage.json`) naming every field, its type and the foreign keys.
//!
//! Every fact row carries its evidence: `document_id`, `start`, `end` (character offsets into
//! the document's clean text) and the passage `text`.

use crate::{enum_name, iso_date};
use casefile_model::KnowledgeBase;
use serde_json::{json, Value};
use std::path::Path;

/// A field of a table: name and Frictionless type (`string`, `integer`, `boolean`).
pub type Field = (&'static str, &'static str);

/// One table: file stem, fields, primary key, and foreign keys as (field, table, field).
pub struct Table {
    /// The file stem, e.g. `entities` for `entities.csv`.
    pub name: &'static str,
    /// The columns in order.
    pub fields: &'static [Field],
    /// Primary key fields, possibly none.
    pub primary_key: &'static [&'static str],
    /// Foreign keys: (field here, referenced table, referenced field).
    pub foreign_keys: &'static [(&'static str, &'static str, &'static str)],
}

const EVIDENCE: [Field; 4] = [
    ("document_id", "string"),
    ("start", "integer"),
    ("end", "integer"),
    ("text", "string"),
];

/// The tables written, in dependency order.
pub const TABLES: &[Table] = &[
    Table {
        name: "documents",
        fields: &[
            ("id", "string"),
            ("source", "string"),
            ("format", "string"),
            ("title", "string"),
            ("publisher", "string"),
            ("published", "string"),
            ("reference", "string"),
            ("source_url", "string"),
        ],
        primary_key: &["id"],
        foreign_keys: &[],
    },
    Table {
        name: "entities",
        fields: &[
            ("id", "string"),
            ("type", "string"),
            ("name", "string"),
            ("country", "string"),
        ],
        primary_key: &["id"],
        foreign_keys: &[],
    },
    Table {
        name: "names",
        fields: &[("entity_id", "string"), ("name", "string")],
        primary_key: &["entity_id", "name"],
        foreign_keys: &[("entity_id", "entities", "id")],
    },
    Table {
        name: "mentions",
        fields: &[
            ("entity_id", "string"),
            EVIDENCE[0],
            EVIDENCE[1],
            EVIDENCE[2],
            EVIDENCE[3],
        ],
        primary_key: &[],
        foreign_keys: &[
            ("entity_id", "entities", "id"),
            ("document_id", "documents", "id"),
        ],
    },
    Table {
        name: "events",
        fields: &[
            ("id", "string"),
            ("type", "string"),
            ("date", "string"),
            ("location_id", "string"),
            ("sentence", "string"),
            ("victim_count", "integer"),
            ("modality", "string"),
            ("negated", "boolean"),
        ],
        primary_key: &["id"],
        foreign_keys: &[("location_id", "entities", "id")],
    },
    Table {
        name: "participants",
        fields: &[
            ("event_id", "string"),
            ("entity_id", "string"),
            ("role", "string"),
        ],
        primary_key: &[],
        foreign_keys: &[
            ("event_id", "events", "id"),
            ("entity_id", "entities", "id"),
        ],
    },
    Table {
        name: "legal_basis",
        fields: &[("event_id", "string"), ("entity_id", "string")],
        primary_key: &[],
        foreign_keys: &[
            ("event_id", "events", "id"),
            ("entity_id", "entities", "id"),
        ],
    },
    Table {
        name: "charges",
        fields: &[("event_id", "string"), ("charge", "string")],
        primary_key: &[],
        foreign_keys: &[("event_id", "events", "id")],
    },
    Table {
        name: "evidence",
        fields: &[
            ("event_id", "string"),
            EVIDENCE[0],
            EVIDENCE[1],
            EVIDENCE[2],
            EVIDENCE[3],
        ],
        primary_key: &[],
        foreign_keys: &[
            ("event_id", "events", "id"),
            ("document_id", "documents", "id"),
        ],
    },
    Table {
        name: "claims",
        fields: &[
            ("id", "integer"),
            ("quantity", "integer"),
            ("qualifier", "string"),
            ("unit", "string"),
            ("retracted", "boolean"),
            ("claimant_id", "string"),
            EVIDENCE[0],
            EVIDENCE[1],
            EVIDENCE[2],
            EVIDENCE[3],
        ],
        primary_key: &["id"],
        foreign_keys: &[
            ("claimant_id", "entities", "id"),
            ("document_id", "documents", "id"),
        ],
    },
];

/// The Frictionless Data Package descriptor for [`TABLES`].
pub fn datapackage() -> Value {
    let resources: Vec<Value> = TABLES
        .iter()
        .map(|t| {
            let fields: Vec<Value> = t
                .fields
                .iter()
                .map(|(name, kind)| json!({"name": name, "type": kind}))
                .collect();
            let mut schema = json!({"fields": fields, "missingValues": [""]});
            if !t.primary_key.is_empty() {
                schema["primaryKey"] = json!(t.primary_key);
            }
            if !t.foreign_keys.is_empty() {
                schema["foreignKeys"] = t
                    .foreign_keys
                    .iter()
                    .map(|(f, table, rf)| {
                        json!({"fields": f, "reference": {"resource": table, "fields": rf}})
                    })
                    .collect();
            }
            json!({
                "name": t.name,
                "path": format!("{}.csv", t.name),
                "profile": "tabular-data-resource",
                "format": "csv",
                "encoding": "utf-8",
                "schema": schema,
            })
        })
        .collect();
    json!({
        "name": "casefile-export",
        "profile": "tabular-data-package",
        "resources": resources,
    })
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

/// Writes every table and `datapackage.json` into `dir`, creating it.
pub fn write(kb: &KnowledgeBase, dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir)?;
    let mut rows: Vec<(&str, Vec<Vec<String>>)> =
        TABLES.iter().map(|t| (t.name, Vec::new())).collect();
    let mut push = |table: &str, row: Vec<String>| {
        if let Some((_, r)) = rows.iter_mut().find(|(n, _)| *n == table) {
            r.push(row);
        }
    };
    for d in &kb.documents {
        push(
            "documents",
            vec![
                d.id.to_string(),
                d.source.clone(),
                enum_name(&d.format),
                opt(&d.title),
                opt(&d.publisher),
                d.published.as_ref().and_then(iso_date).unwrap_or_default(),
                opt(&d.reference),
                opt(&d.source_url),
            ],
        );
    }
    for e in &kb.entities {
        push(
            "entities",
            vec![
                e.id.clone(),
                enum_name(&e.entity_type),
                e.name.clone(),
                opt(&e.country),
            ],
        );
        let mut names: Vec<&String> = std::iter::once(&e.name).chain(&e.aliases).collect();
        names.sort();
        names.dedup();
        for n in names {
            push("names", vec![e.id.clone(), n.clone()]);
        }
        for m in &e.mentions {
            push(
                "mentions",
                vec![
                    e.id.clone(),
                    m.document.to_string(),
                    m.start.to_string(),
                    m.end.to_string(),
                    m.text.clone(),
                ],
            );
        }
    }
    for ev in &kb.events {
        push(
            "events",
            vec![
                ev.id.clone(),
                enum_name(&ev.event_type),
                ev.date.as_ref().map(|d| d.to_string()).unwrap_or_default(),
                opt(&ev.location),
                opt(&ev.sentence),
                ev.victim_count.map(|v| v.to_string()).unwrap_or_default(),
                enum_name(&ev.modality),
                ev.negated.to_string(),
            ],
        );
        for p in &ev.participants {
            push(
                "participants",
                vec![ev.id.clone(), p.entity.clone(), enum_name(&p.role)],
            );
        }
        for l in &ev.legal_basis {
            push("legal_basis", vec![ev.id.clone(), l.clone()]);
        }
        for c in &ev.charges {
            push("charges", vec![ev.id.clone(), c.clone()]);
        }
        for s in &ev.sources {
            push(
                "evidence",
                vec![
                    ev.id.clone(),
                    s.document.to_string(),
                    s.start.to_string(),
                    s.end.to_string(),
                    s.text.clone(),
                ],
            );
        }
    }
    for (i, c) in kb.claims.iter().enumerate() {
        push(
            "claims",
            vec![
                (i + 1).to_string(),
                c.quantity.to_string(),
                enum_name(&c.qualifier),
                c.unit.clone(),
                c.retracted.to_string(),
                opt(&c.claimant),
                c.source.document.to_string(),
                c.source.start.to_string(),
                c.source.end.to_string(),
                c.source.text.clone(),
            ],
        );
    }
    for (table, (name, table_rows)) in TABLES.iter().zip(rows) {
        let mut w = csv::Writer::from_path(dir.join(format!("{name}.csv")))?;
        w.write_record(table.fields.iter().map(|(f, _)| *f))?;
        for r in table_rows {
            w.write_record(&r)?;
        }
        w.flush()?;
    }
    let descriptor = serde_json::to_string_pretty(&datapackage())?;
    std::fs::write(dir.join("datapackage.json"), descriptor + "\n")?;
    Ok(())
}

/// Checks a folder written by [`write`] against its own `datapackage.json`: every resource's
/// file exists, its header equals the declared fields, every value parses as its declared type,
/// primary keys are unique and every foreign key resolves. Returns the row count, or every
/// problem found.
pub fn validate(dir: &Path) -> Result<usize, Vec<String>> {
    let mut problems = Vec::new();
    let descriptor: Value = match std::fs::read_to_string(dir.join("datapackage.json"))
        .map_err(|e| e.to_string())
        .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
    {
        Ok(v) => v,
        Err(e) => return Err(vec![format!("datapackage.json: {e}")]),
    };
    // table → field → set of values, for foreign keys.
    let mut columns: std::collections::HashMap<
        (String, String),
        std::collections::HashSet<String>,
    > = Default::default();
    let mut pending_fks = Vec::new();
    let mut total = 0;
    for res in descriptor["resources"].as_array().into_iter().flatten() {
        let name = res["name"].as_str().unwrap_or_default().to_string();
        let path = dir.join(res["path"].as_str().unwrap_or_default());
        let fields: Vec<(String, String)> = res["schema"]["fields"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|f| {
                (
                    f["name"].as_str().unwrap_or_default().to_string(),
                    f["type"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect();
        let mut reader = match csv::Reader::from_path(&path) {
            Ok(r) => r,
            Err(e) => {
                problems.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        let header: Vec<String> = match reader.headers() {
            Ok(h) => h.iter().map(str::to_string).collect(),
            Err(e) => {
                problems.push(format!("{name}: {e}"));
                continue;
            }
        };
        let declared: Vec<String> = fields.iter().map(|(n, _)| n.clone()).collect();
        if header != declared {
            problems.push(format!("{name}: header {header:?} is not {declared:?}"));
            continue;
        }
        let pk: Vec<usize> = res["schema"]["primaryKey"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|k| declared.iter().position(|d| Some(d.as_str()) == k.as_str()))
            .collect();
        let mut keys = std::collections::HashSet::new();
        for (i, record) in reader.records().enumerate() {
            let line = i + 2;
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    problems.push(format!("{name}:{line}: {e}"));
                    continue;
                }
            };
            total += 1;
            for ((field, kind), value) in fields.iter().zip(record.iter()) {
                let ok = value.is_empty()
                    || match kind.as_str() {
                        "integer" => value.parse::<i64>().is_ok(),
                        "boolean" => value == "true" || value == "false",
                        _ => true,
                    };
                if !ok {
                    problems.push(format!("{name}:{line}: {field} {value:?} is not {kind}"));
                }
                columns
                    .entry((name.clone(), field.clone()))
                    .or_default()
                    .insert(value.to_string());
            }
            if !pk.is_empty() {
                let key: Vec<&str> = pk.iter().map(|&i| &record[i]).collect();
                if !keys.insert(key.join("\u{1f}")) {
                    problems.push(format!("{name}:{line}: duplicate primary key {key:?}"));
                }
            }
        }
        for fk in res["schema"]["foreignKeys"]
            .as_array()
            .into_iter()
            .flatten()
        {
            pending_fks.push((
                name.clone(),
                fk["fields"].as_str().unwrap_or_default().to_string(),
                fk["reference"]["resource"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                fk["reference"]["fields"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
            ));
        }
    }
    let empty = std::collections::HashSet::new();
    for (table, field, rtable, rfield) in pending_fks {
        let targets = columns
            .get(&(rtable.clone(), rfield.clone()))
            .unwrap_or(&empty);
        for v in columns
            .get(&(table.clone(), field.clone()))
            .unwrap_or(&empty)
        {
            if !v.is_empty() && !targets.contains(v) {
                problems.push(format!("{table}.{field} {v:?} is not in {rtable}.{rfield}"));
            }
        }
    }
    if problems.is_empty() {
        Ok(total)
    } else {
        Err(problems)
    }
}
