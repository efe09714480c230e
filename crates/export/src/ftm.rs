//! FollowTheMoney (FtM) entities as JSON lines.
//!
//! Mapping (see ARCHITECTURE.md): persons → `Person`, organisations → `Organization`, places →
//! `Address` (with the lower-case ISO country code FtM uses), source documents → `Document`,
//! events → `Event`, each surface form in a document → `Mention`, and every passage that
//! supports an entity or event → a `Documentation` whose `summary` values are
//! `START-END: passage` (character offsets into the document's clean text). Legal provisions
//! and miscellaneous names have no FtM schema of their own; they are named in event
//! descriptions.

use crate::{enum_name, iso_date};
use casefile_model::{EntityType, KnowledgeBase};
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;

/// One FtM entity: `{"id", "schema", "properties": {prop: [values]}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FtmEntity {
    /// Unique id within the export.
    pub id: String,
    /// The FtM schema name, e.g. `Person`.
    pub schema: &'static str,
    /// Property name → values; FtM properties are always lists of strings.
    pub properties: BTreeMap<&'static str, Vec<String>>,
}

impl FtmEntity {
    fn new(id: String, schema: &'static str) -> Self {
        FtmEntity {
            id,
            schema,
            properties: BTreeMap::new(),
        }
    }

    /// Adds a value unless it is empty or already present (FtM values are sets).
    fn add(&mut self, prop: &'static str, value: impl Into<String>) {
        let value = value.into();
        if value.trim().is_empty() {
            return;
        }
        let values = self.properties.entry(prop).or_default();
        if !values.contains(&value) {
            values.push(value);
        }
    }
}

/// The FtM id of a source document.
pub fn document_id(doc: &casefile_model::DocumentId) -> String {
    format!("doc-{doc}")
}

/// The FtM schema for an entity type, or `None` when FtM has none that fits.
pub fn schema_for(entity_type: EntityType) -> Option<&'static str> {
    match entity_type {
        EntityType::Person => Some("Person"),
        EntityType::Organization => Some("Organization"),
        EntityType::Location => Some("Address"),
        EntityType::LegalProvision | EntityType::Misc => None,
    }
}

fn span(start: usize, end: usize, text: &str) -> String {
    format!("{start}-{end}: {text}")
}

/// The `Documentation` linking `subject` (an entity or event id) to document `doc`, with each
/// passage (character span and text) as a summary: the provenance Aleph shows.
fn documentation<'a>(
    subject: &str,
    doc: &str,
    role: &str,
    passages: impl Iterator<Item = (usize, usize, &'a str)>,
) -> FtmEntity {
    let mut d = FtmEntity::new(format!("dcm-{subject}-{doc}"), "Documentation");
    d.add("document", format!("doc-{doc}"));
    d.add("entity", subject.to_string());
    d.add("role", role);
    for (start, end, text) in passages {
        d.add("summary", span(start, end, text));
    }
    d
}

/// Turns the knowledge base into FtM entities, documents first, so every reference points back.
pub fn entities(kb: &KnowledgeBase) -> Vec<FtmEntity> {
    let mut out = Vec::new();
    for doc in &kb.documents {
        let mut e = FtmEntity::new(document_id(&doc.id), "Document");
        e.add("fileName", doc.source.clone());
        e.add(
            "name",
            doc.title.clone().unwrap_or_else(|| doc.source.clone()),
        );
        if let Some(t) = &doc.title {
            e.add("title", t.clone());
        }
        if let Some(p) = &doc.publisher {
            e.add("publisher", p.clone());
        }
        if let Some(d) = doc.published.as_ref().and_then(iso_date) {
            e.add("publishedAt", d);
        }
        if let Some(u) = &doc.source_url {
            e.add("sourceUrl", u.clone());
        }
        if let Some(r) = &doc.reference {
            e.add("notes", format!("reference: {r}"));
        }
        e.add("contentHash", doc.id.to_string());
        out.push(e);
    }

    // Entity id → FtM schema, for the entities that get one; events refer only to these.
    let mut exported: HashMap<&str, &'static str> = HashMap::new();
    let mut names: HashMap<&str, &str> = HashMap::new();
    for ent in &kb.entities {
        names.insert(ent.id.as_str(), ent.name.as_str());
        let Some(schema) = schema_for(ent.entity_type) else {
            continue;
        };
        exported.insert(ent.id.as_str(), schema);
        let mut e = FtmEntity::new(ent.id.clone(), schema);
        if schema == "Address" {
            e.add("full", ent.name.clone());
        }
        e.add("name", ent.name.clone());
        for alias in &ent.aliases {
            if alias != &ent.name {
                e.add("alias", alias.clone());
            }
        }
        if let Some(c) = &ent.country {
            e.add("country", c.to_ascii_lowercase());
        }
        out.push(e);

        // One Mention per distinct surface form in a document; one Documentation per document
        // holding every span, so the provenance survives in a form Aleph shows.
        let mut by_doc: BTreeMap<String, Vec<&casefile_model::EntityMention>> = BTreeMap::new();
        for m in &ent.mentions {
            by_doc.entry(m.document.to_string()).or_default().push(m);
        }
        for (doc, mentions) in by_doc {
            let forms: BTreeSet<&str> = mentions.iter().map(|m| m.text.as_str()).collect();
            for (i, form) in forms.into_iter().enumerate() {
                let mut m = FtmEntity::new(format!("men-{}-{doc}-{i}", ent.id), "Mention");
                m.add("document", format!("doc-{doc}"));
                m.add("name", form.to_string());
                m.add("detectedSchema", schema);
                if schema != "Address" {
                    m.add("resolved", ent.id.clone());
                }
                if let Some(c) = &ent.country {
                    m.add("contextCountry", c.to_ascii_lowercase());
                }
                out.push(m);
            }
            out.push(documentation(
                &ent.id,
                &doc,
                "mentioned",
                mentions.iter().map(|m| (m.start, m.end, m.text.as_str())),
            ));
        }
    }

    for ev in &kb.events {
        let kind = enum_name(&ev.event_type);
        let mut e = FtmEntity::new(ev.id.clone(), "Event");
        let victims: Vec<&str> = ev
            .participants
            .iter()
            .filter(|p| enum_name(&p.role) == "victim")
            .filter_map(|p| names.get(p.entity.as_str()).copied())
            .collect();
        let title = if victims.is_empty() {
            kind.replace('_', " ")
        } else {
            format!("{} of {}", kind.replace('_', " "), victims.join(", "))
        };
        e.add("name", title);
        e.add("keywords", kind.clone());
        if let Some(d) = ev.date.as_ref().and_then(iso_date) {
            e.add("date", d);
        }
        for p in &ev.participants {
            match exported.get(p.entity.as_str()).copied() {
                Some("Person") | Some("Organization") => e.add("involved", p.entity.clone()),
                _ => {}
            }
        }
        if let Some(loc) = &ev.location {
            if exported.get(loc.as_str()) == Some(&"Address") {
                e.add("addressEntity", loc.clone());
            }
            if let Some(ent) = kb.entities.iter().find(|x| &x.id == loc) {
                if let Some(c) = &ent.country {
                    e.add("country", c.to_ascii_lowercase());
                }
                e.add("location", ent.name.clone());
            }
        }
        let mut desc = vec![format!("modality: {}", enum_name(&ev.modality))];
        if ev.negated {
            desc.push("negated: the source says it did not happen".into());
        }
        for p in &ev.participants {
            if let Some(n) = names.get(p.entity.as_str()) {
                desc.push(format!("{}: {n}", enum_name(&p.role)));
            }
        }
        for l in &ev.legal_basis {
            if let Some(n) = names.get(l.as_str()) {
                desc.push(format!("legal basis: {n}"));
            }
        }
        for c in &ev.charges {
            desc.push(format!("charge: {c}"));
        }
        if let Some(s) = &ev.sentence {
            desc.push(format!("sentence: {s}"));
        }
        if let Some(v) = ev.victim_count {
            desc.push(format!("victims: {v}"));
        }
        e.add("description", desc.join("; "));
        for s in &ev.sources {
            e.add("summary", span(s.start, s.end, &s.text));
        }
        out.push(e);

        let mut by_doc: BTreeMap<String, Vec<&casefile_model::Evidence>> = BTreeMap::new();
        for s in &ev.sources {
            by_doc.entry(s.document.to_string()).or_default().push(s);
        }
        for (doc, sources) in by_doc {
            out.push(documentation(
                &ev.id,
                &doc,
                "source",
                sources.iter().map(|s| (s.start, s.end, s.text.as_str())),
            ));
        }
    }
    out
}

/// Writes the entities as JSON lines, one entity a line.
pub fn write(kb: &KnowledgeBase, out: &mut dyn Write) -> std::io::Result<()> {
    for e in entities(kb) {
        serde_json::to_writer(&mut *out, &e)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The compiled FtM schemata (built by `scripts/build-ftm-schema` from the `followthemoney`
/// package, MIT).
pub const SCHEMA_TABLE: &str = include_str!("../data/ftm-schema.json");

/// Checks FtM JSON lines against [`SCHEMA_TABLE`]: each schema exists and is not abstract, each
/// property belongs to it (inherited ones included), required properties are present, values
/// have their type's form (dates, country codes, URLs), and entity references point to an
/// exported entity of the right schema. Returns every problem found, with its line number.
pub fn validate(lines: &str) -> Result<usize, Vec<String>> {
    let table: Value = serde_json::from_str(SCHEMA_TABLE).expect("the schema table is valid JSON");
    let schemata = &table["schemata"];
    let mut problems = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut parsed = Vec::new();
    for (n, line) in lines.lines().enumerate() {
        let n = n + 1;
        let v: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                problems.push(format!("line {n}: not JSON: {e}"));
                continue;
            }
        };
        let (Some(id), Some(schema)) = (v["id"].as_str(), v["schema"].as_str()) else {
            problems.push(format!("line {n}: no id or schema"));
            continue;
        };
        if seen.insert(id.to_string(), schema.to_string()).is_some() {
            problems.push(format!("line {n}: duplicate id {id}"));
        }
        parsed.push((n, v));
    }
    for (n, v) in &parsed {
        let schema = v["schema"].as_str().unwrap_or_default();
        let def = &schemata[schema];
        if def.is_null() {
            problems.push(format!("line {n}: unknown schema {schema}"));
            continue;
        }
        if def["abstract"].as_bool() == Some(true) {
            problems.push(format!("line {n}: abstract schema {schema}"));
        }
        let Some(props) = v["properties"].as_object() else {
            problems.push(format!("line {n}: properties is not an object"));
            continue;
        };
        for req in def["required"].as_array().into_iter().flatten() {
            let req = req.as_str().unwrap_or_default();
            if props
                .get(req)
                .and_then(Value::as_array)
                .is_none_or(Vec::is_empty)
            {
                problems.push(format!("line {n}: {schema} lacks required {req}"));
            }
        }
        for (prop, values) in props {
            let pdef = &def["properties"][prop];
            if pdef.is_null() {
                problems.push(format!("line {n}: {schema} has no property {prop}"));
                continue;
            }
            let Some(values) = values.as_array() else {
                problems.push(format!("line {n}: {prop} is not a list"));
                continue;
            };
            let kind = pdef["type"].as_str().unwrap_or("string");
            for value in values {
                let Some(value) = value.as_str() else {
                    problems.push(format!("line {n}: {prop} value is not a string"));
                    continue;
                };
                if let Err(why) = check_value(kind, value) {
                    problems.push(format!("line {n}: {prop} {value:?}: {why}"));
                }
                if kind == "entity" {
                    let range = pdef["range"].as_str().unwrap_or("Thing");
                    match seen.get(value) {
                        None => {
                            problems.push(format!("line {n}: {prop} points to missing {value}"))
                        }
                        Some(target) if !is_a(schemata, target, range) => problems.push(format!(
                            "line {n}: {prop} points to a {target}, not a {range}"
                        )),
                        Some(_) => {}
                    }
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(parsed.len())
    } else {
        Err(problems)
    }
}

/// True when `schema` is `range` or extends it.
fn is_a(schemata: &Value, schema: &str, range: &str) -> bool {
    schema == range
        || schemata[schema]["extends"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x.as_str() == Some(range)))
}

/// Checks one value against its FtM property type.
fn check_value(kind: &str, value: &str) -> Result<(), &'static str> {
    match kind {
        "date" => is_iso_prefix(value)
            .then_some(())
            .ok_or("not an ISO 8601 date"),
        "country" => (value.len() == 2 && value.bytes().all(|b| b.is_ascii_lowercase()))
            .then_some(())
            .ok_or("not a lower-case ISO 3166-1 code"),
        "url" => (value.starts_with("http://") || value.starts_with("https://"))
            .then_some(())
            .ok_or("not an http(s) URL"),
        "entity" => (!value.is_empty() && !value.contains(char::is_whitespace))
            .then_some(())
            .ok_or("not an entity id"),
        _ => (!value.trim().is_empty()).then_some(()).ok_or("empty"),
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a real month and day.
fn is_iso_prefix(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| p.len() == len && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<u8>().unwrap_or(0)),
        [y, m, d] => {
            num(y, 4)
                && num(m, 2)
                && num(d, 2)
                && (1..=12).contains(&m.parse::<u8>().unwrap_or(0))
                && (1..=31).contains(&d.parse::<u8>().unwrap_or(0))
        }
        _ => false,
    }
}
