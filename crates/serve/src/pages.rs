//! The HTML pages. Built as strings with [`crate::html`]'s helpers: every value taken from the
//! knowledge base is escaped where it is written.

use crate::html::{escape, page, push_escaped, search_form, url_component};
use crate::search::{SearchRequest, SearchResults, FACETS};
use crate::snapshot::Snapshot;
use crate::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use casefile_model::{DocumentRecord, Entity, Event, Modality, PartialDate};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Arc;

const STYLESHEET: &str = include_str!("../static/style.css");

/// Query parameters of `/search` and `/api/search`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct SearchParams {
    /// The query.
    #[serde(default)]
    pub q: String,
    /// Facet filters.
    pub kind: Option<String>,
    #[serde(rename = "type")]
    pub entity_type: Option<String>,
    pub event: Option<String>,
    pub year: Option<String>,
    pub country: Option<String>,
    pub publisher: Option<String>,
    /// Number of hits (1–100, default 20).
    pub limit: Option<usize>,
}

impl SearchParams {
    pub(crate) fn filters(&self) -> Vec<(&'static str, &str)> {
        let mut out = Vec::new();
        for (dim, value) in [
            ("kind", &self.kind),
            ("type", &self.entity_type),
            ("event", &self.event),
            ("year", &self.year),
            ("country", &self.country),
            ("publisher", &self.publisher),
        ] {
            if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
                out.push((dim, v));
            }
        }
        out
    }

    pub(crate) fn request(&self) -> SearchRequest {
        SearchRequest {
            q: self.q.clone(),
            filters: self
                .filters()
                .into_iter()
                .map(|(d, v)| (d.to_string(), v.to_string()))
                .collect(),
            limit: self.limit.unwrap_or(20),
        }
    }

    /// `/search?…` with these parameters, `dim` set to `value` (or removed when `None`).
    fn url_with(&self, dim: &str, value: Option<&str>) -> String {
        let mut url = format!("/search?q={}", url_component(&self.q));
        let mut seen = false;
        for (d, v) in self.filters() {
            if d == dim {
                seen = true;
                if let Some(value) = value {
                    let _ = write!(url, "&{d}={}", url_component(value));
                }
            } else {
                let _ = write!(url, "&{d}={}", url_component(v));
            }
        }
        if let (false, Some(value)) = (seen, value) {
            let _ = write!(url, "&{dim}={}", url_component(value));
        }
        url
    }
}

/// Runs a search on a snapshot, off the async threads: the snippets of the documents among the
/// hits read their texts from the store.
pub(crate) async fn run_search(
    state: &AppState,
    snapshot: &Arc<Snapshot>,
    params: &SearchParams,
) -> Result<SearchResults, tantivy::TantivyError> {
    let (state, snapshot, request) = (state.clone(), snapshot.clone(), params.request());
    tokio::task::spawn_blocking(move || {
        snapshot
            .search
            .search(|ids| state.document_texts(&snapshot, ids), &request)
    })
    .await
    .map_err(|e| tantivy::TantivyError::SystemError(e.to_string()))?
}

fn html_response(status: StatusCode, title: &str, query: &str, body: &str) -> Response {
    (status, Html(page(title, query, body))).into_response()
}

pub(crate) fn error_page(status: StatusCode, message: &str) -> Response {
    let body = format!(
        "<h1>{}</h1>\n<p>{}</p>\n<p><a href=\"/\">Home</a></p>",
        status.as_u16(),
        escape(message)
    );
    html_response(
        status,
        status.canonical_reason().unwrap_or("Error"),
        "",
        &body,
    )
}

/// Any address no route claims.
pub(crate) async fn not_found() -> Response {
    error_page(StatusCode::NOT_FOUND, "There is nothing at this address.")
}

/// `GET /static/style.css`.
pub(crate) async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLESHEET,
    )
        .into_response()
}

pub(crate) fn doc_title(d: &DocumentRecord) -> String {
    d.title.clone().unwrap_or_else(|| {
        std::path::Path::new(&d.source)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_else(|| d.id.to_string())
    })
}

fn date_text(date: Option<PartialDate>) -> String {
    date.map(|d| d.to_string())
        .unwrap_or_else(|| "date unknown".into())
}

/// `<a href="/documents/ID">title</a> (publisher, date)`.
fn doc_line(d: &DocumentRecord) -> String {
    format!(
        "<a href=\"/documents/{}\">{}</a> <span class=\"muted\">({}, {})</span>",
        url_component(d.id.as_str()),
        escape(&doc_title(d)),
        escape(d.publisher.as_deref().unwrap_or("publisher not stated")),
        escape(
            &d.published
                .map(|p| p.to_string())
                .unwrap_or_else(|| "date not stated".into())
        ),
    )
}

fn entity_link(e: &Entity) -> String {
    format!(
        "<a href=\"/entities/{}\">{}</a> <span class=\"tag t-{}\">{}</span>",
        url_component(&e.id),
        escape(&e.name),
        e.entity_type.as_str(),
        e.entity_type.as_str().replace('_', " ")
    )
}

/// `GET /`: counts, the search box, recent documents, most mentioned people.
pub(crate) async fn home(State(state): State<AppState>) -> Response {
    let snap = state.snapshot();
    let kb = &snap.kb;
    let mut body = String::new();
    body.push_str("<h1>casefile</h1>\n");
    let _ = writeln!(
        body,
        "<p class=\"counts\"><strong>{}</strong> documents · <strong>{}</strong> entities · \
         <strong>{}</strong> events · <strong>{}</strong> numeric claims</p>",
        kb.documents.len(),
        kb.entities.len(),
        kb.events.len(),
        kb.claims.len()
    );
    body.push_str(&search_form(""));
    body.push_str("\n<div class=\"columns\">\n<section>\n<h2>Recent documents</h2>\n<ul>\n");
    for d in kb.documents.iter().rev().take(15) {
        let _ = writeln!(body, "<li>{}</li>", doc_line(d));
    }
    if kb.documents.is_empty() {
        body.push_str(
            "<li class=\"muted\">No documents yet: run <code>casefile ingest</code>.</li>\n",
        );
    }
    body.push_str("</ul>\n</section>\n<section>\n<h2>Most mentioned people</h2>\n<ul>\n");
    let mut people: Vec<&Entity> = kb
        .entities
        .iter()
        .filter(|e| e.entity_type == casefile_model::EntityType::Person)
        .collect();
    people.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
    for e in people.into_iter().take(15) {
        let _ = writeln!(
            body,
            "<li>{} <span class=\"muted\">{} mentions, {} events</span></li>",
            entity_link(e),
            e.mentions.len(),
            snap.events_of_entity(&e.id).len()
        );
    }
    body.push_str("</ul>\n</section>\n</div>");
    html_response(StatusCode::OK, "Home", "", &body)
}

/// `GET /search?q=…`: ranked entities and documents with snippets, and facets.
pub(crate) async fn search(
    State(state): State<AppState>,
    Query(params): Query<SearchParams>,
) -> Response {
    let snap = state.snapshot();
    let mut body = String::new();
    if params.q.trim().is_empty() && params.filters().is_empty() {
        body.push_str("<h1>Search</h1>\n<p>Type a name, a place, a law or any words above.</p>");
        return html_response(StatusCode::OK, "Search", "", &body);
    }
    let results = match run_search(&state, &snap, &params).await {
        Ok(r) => r,
        Err(e) => {
            return error_page(
                StatusCode::INTERNAL_SERVER_ERROR,
                &format!("search failed: {e}"),
            )
        }
    };
    let _ = write!(
        body,
        "<h1>Search: {}</h1>\n<p class=\"muted\">{} matches</p>\n",
        escape(&params.q),
        results.total
    );
    let active = params.filters();
    if !active.is_empty() {
        body.push_str("<p class=\"filters\">Filtered by ");
        for (dim, value) in &active {
            let _ = write!(
                body,
                "<a class=\"chip\" href=\"{}\" title=\"remove this filter\">{}: {} ×</a> ",
                escape(&params.url_with(dim, None)),
                facet_label(dim),
                escape(value)
            );
        }
        body.push_str("</p>\n");
    }
    body.push_str("<div class=\"results-layout\">\n<aside class=\"facets\">\n");
    for dim in FACETS {
        let Some(counts) = results.facets.get(dim).filter(|c| !c.is_empty()) else {
            continue;
        };
        let _ = write!(
            body,
            "<h3>{}</h3>\n<ul data-facet=\"{dim}\">\n",
            facet_label(dim)
        );
        let mut counts: Vec<(&String, &u64)> = counts.iter().collect();
        if dim == "year" {
            counts.sort_by(|a, b| b.0.cmp(a.0));
        } else {
            counts.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        }
        for (value, n) in counts.into_iter().take(20) {
            let _ = writeln!(
                body,
                "<li><a href=\"{}\">{}</a> <span class=\"muted\">{n}</span></li>",
                escape(&params.url_with(dim, Some(value))),
                escape(&value.replace('_', " "))
            );
        }
        body.push_str("</ul>\n");
    }
    body.push_str("</aside>\n<div class=\"results\">\n");
    let entities: Vec<_> = results.hits.iter().filter(|h| h.kind == "entity").collect();
    let documents: Vec<_> = results
        .hits
        .iter()
        .filter(|h| h.kind == "document")
        .collect();
    if !entities.is_empty() {
        body.push_str("<h2>Entities</h2>\n<ul class=\"hits\">\n");
        for h in entities {
            let Some(e) = snap.entity(&h.id) else {
                continue;
            };
            let others: Vec<&str> = e
                .aliases
                .iter()
                .filter(|a| **a != e.name)
                .map(String::as_str)
                .take(8)
                .collect();
            let _ = write!(body, "<li>{}", entity_link(e));
            if !others.is_empty() {
                let _ = write!(
                    body,
                    "<br><span class=\"muted\">also {}</span>",
                    escape(&others.join(", "))
                );
            }
            let _ = writeln!(
                body,
                "<br><span class=\"muted\">{} mentions in {} documents, {} events</span></li>",
                e.mentions.len(),
                snap.document_count(e),
                snap.events_of_entity(&e.id).len()
            );
        }
        body.push_str("</ul>\n");
    }
    if !documents.is_empty() {
        body.push_str("<h2>Documents</h2>\n<ul class=\"hits\">\n");
        for h in documents {
            let Some(d) = snap.document(&h.id) else {
                continue;
            };
            let _ = write!(body, "<li>{}", doc_line(d));
            if let Some(s) = &h.snippet {
                body.push_str("<p class=\"snippet\">… ");
                let chars: Vec<char> = s.text.chars().collect();
                let mut pos = 0;
                for [a, b] in &s.highlights {
                    let (a, b) = ((*a).max(pos).min(chars.len()), (*b).min(chars.len()));
                    if a >= b {
                        continue;
                    }
                    push_escaped(&mut body, &chars[pos..a].iter().collect::<String>());
                    body.push_str("<b>");
                    push_escaped(&mut body, &chars[a..b].iter().collect::<String>());
                    body.push_str("</b>");
                    pos = b;
                }
                push_escaped(&mut body, &chars[pos..].iter().collect::<String>());
                body.push_str(" …</p>");
            }
            body.push_str("</li>\n");
        }
        body.push_str("</ul>\n");
    }
    if results.hits.is_empty() {
        body.push_str("<p>Nothing matches.</p>\n");
    }
    body.push_str("</div>\n</div>");
    html_response(StatusCode::OK, "Search", &params.q, &body)
}

/// A facet dimension's heading on the search page.
fn facet_label(dim: &str) -> &str {
    match dim {
        "kind" => "Kind",
        "type" => "Entity type",
        "event" => "Event type",
        "year" => "Year",
        "country" => "Country",
        "publisher" => "Publisher",
        other => other,
    }
}

/// The event's participants other than `except`, as links with roles.
fn participants_html(snap: &Snapshot, ev: &Event, except: Option<&str>) -> String {
    let mut parts = Vec::new();
    for p in &ev.participants {
        if Some(p.entity.as_str()) == except {
            continue;
        }
        let role = serde_json::to_value(p.role)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        parts.push(format!(
            "<a href=\"/entities/{}\">{}</a> ({})",
            url_component(&p.entity),
            escape(snap.entity_name(&p.entity)),
            escape(&role)
        ));
    }
    parts.join(", ")
}

/// One event as a list item with its facts and every source passage.
fn event_item(snap: &Snapshot, ev: &Event, subject: Option<&str>) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<li id=\"{}\"><span class=\"date\">{}</span> <strong>{}</strong>",
        escape(&ev.id),
        escape(&date_text(ev.date)),
        escape(&ev.event_type.as_str().replace('_', " "))
    );
    if let Some(subject) = subject {
        if let Some(p) = ev.participants.iter().find(|p| p.entity == subject) {
            let role = serde_json::to_value(p.role)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            let _ = write!(out, " <span class=\"muted\">as {}</span>", escape(&role));
        }
    }
    if ev.negated {
        out.push_str(" <span class=\"tag warn\">negated: the text says it did not happen</span>");
    }
    if ev.modality != Modality::Asserted {
        let _ = write!(out, " <span class=\"tag\">{}</span>", ev.modality.as_str());
    }
    let mut facts = Vec::new();
    let others = participants_html(snap, ev, subject);
    if !others.is_empty() {
        facts.push(format!("with {others}"));
    }
    if let Some(loc) = &ev.location {
        facts.push(format!(
            "in <a href=\"/entities/{}\">{}</a>",
            url_component(loc),
            escape(snap.entity_name(loc))
        ));
    }
    if !ev.legal_basis.is_empty() {
        let laws: Vec<String> = ev
            .legal_basis
            .iter()
            .map(|l| {
                format!(
                    "<a href=\"/entities/{}\">{}</a>",
                    url_component(l),
                    escape(snap.entity_name(l))
                )
            })
            .collect();
        facts.push(format!("under {}", laws.join(", ")));
    }
    if !ev.charges.is_empty() {
        facts.push(format!("charged with {}", escape(&ev.charges.join("; "))));
    }
    if let Some(s) = &ev.sentence {
        facts.push(format!(
            "sentence {}",
            escape(&crate::queues::value_text("sentence", s))
        ));
    }
    if let Some(n) = ev.victim_count {
        facts.push(format!("{n} victims"));
    }
    if !facts.is_empty() {
        let _ = write!(
            out,
            "<br><span class=\"facts\">{}</span>",
            facts.join(" · ")
        );
    }
    let mut documents: Vec<&str> = ev.sources.iter().map(|s| s.document.as_str()).collect();
    documents.sort_unstable();
    documents.dedup();
    let _ = write!(
        out,
        "<br><span class=\"corroboration\" data-sources=\"{n}\">{}</span>",
        if documents.len() == 1 {
            "1 source".to_string()
        } else {
            format!("corroborated by {} sources", documents.len())
        },
        n = documents.len()
    );
    for c in crate::queues::contradictions_of_event(snap, &ev.id) {
        let _ = write!(
            out,
            "<div class=\"contradiction\"><span class=\"tag warn\">sources disagree on {}</span> {}</div>",
            escape(&c.field.replace('_', " ")),
            sides_html(&c)
        );
    }
    out.push_str("\n<ul class=\"sources\">\n");
    for s in &ev.sources {
        let label = snap
            .document(s.document.as_str())
            .map(doc_title)
            .unwrap_or_else(|| s.document.to_string());
        let _ = writeln!(
            out,
            "<li><q>{}</q> <a href=\"/documents/{}#c{}-{}\">{} · characters {}–{}</a></li>",
            escape(&s.text),
            url_component(s.document.as_str()),
            s.start,
            s.end,
            escape(&label),
            s.start,
            s.end
        );
    }
    out.push_str("</ul>");
    out.push_str(&review_form(
        &ev.id,
        &[
            ("confirm", "confirm"),
            ("reject", "reject"),
            (
                "correct_date",
                "correct the date (YYYY-MM-DD, YYYY-MM, YYYY)",
            ),
            ("correct_type", "correct the type (arrest, conviction, …)"),
        ],
        &match subject {
            Some(entity) => format!("/entities/{}#{}", url_component(entity), ev.id),
            None => format!(
                "/documents/{}",
                url_component(ev.sources.first().map_or("", |s| s.document.as_str()))
            ),
        },
    ));
    out.push_str("</li>\n");
    out
}

/// A review form for one target (no script needed): the action, a value, a note and the
/// reviewer's token; the server records it and sends the reviewer back to the page `back`.
fn review_form(target: &str, actions: &[(&str, &str)], back: &str) -> String {
    let mut out = String::from(
        "<details class=\"review\"><summary>Review</summary><form method=\"post\" action=\"/reviews\">",
    );
    let _ = write!(
        out,
        "<input type=\"hidden\" name=\"target\" value=\"{}\"><input type=\"hidden\" name=\"back\" class=\"back\" value=\"{}\"><select name=\"action\">",
        escape(target),
        escape(back)
    );
    for (value, label) in actions {
        let _ = write!(out, "<option value=\"{value}\">{}</option>", escape(label));
    }
    out.push_str(
        "</select> <input name=\"value\" placeholder=\"value\"> <input name=\"note\" placeholder=\"note\"> <input type=\"password\" name=\"token\" placeholder=\"token\" required> <button type=\"submit\">Record</button></form></details>",
    );
    out
}

/// The two sides of a contradiction: each value with its passage, linked to its document.
fn sides_html(c: &crate::queues::Contradiction) -> String {
    let mut out = String::from("<ul class=\"sides\">");
    for side in &c.sides {
        let _ = write!(
            out,
            "<li><strong>{}</strong>: <q>{}</q> <a href=\"/documents/{}#c{}-{}\">{} · characters {}–{}</a></li>",
            escape(&crate::queues::value_text(&c.field, &side.value)),
            escape(&side.text),
            url_component(&side.document),
            side.start,
            side.end,
            escape(&side.title),
            side.start,
            side.end
        );
    }
    out.push_str("</ul>");
    out
}

/// `GET /contradictions?page=N`: the events whose sources disagree, with both passages, a page at
/// a time.
pub(crate) async fn contradictions(
    State(state): State<AppState>,
    Query(params): Query<PageParams>,
) -> Response {
    let snap = state.snapshot();
    let list = crate::queues::contradictions_page(&snap, params.page.unwrap_or(1));
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<h1>Contradictions</h1>\n<p class=\"muted\">{} the sources state differently. Each links to both passages; record a judgement with <code>casefile review</code> or <code>POST /api/reviews</code>. <a href=\"/api/contradictions?page={}\">JSON</a></p>",
        match list.total {
            1 => "1 fact".to_string(),
            n => format!("{n} facts"),
        },
        list.page
    );
    if list.total == 0 {
        body.push_str("<p>No contradictions found between sources.</p>");
    }
    let first = list.first();
    let pager = pager(
        "/contradictions",
        &format!(
            "Contradictions {}–{} of {}",
            first + 1,
            first + list.contradictions.len(),
            list.total
        ),
        list.page,
        list.pages,
        ["first", "previous", "next", "last"],
    );
    body.push_str(&pager);
    let _ = writeln!(
        body,
        "<ol class=\"contradictions\" start=\"{}\">",
        first + 1
    );
    for c in &list.contradictions {
        let who: Vec<String> = c
            .participants
            .iter()
            .map(|(id, name)| {
                format!(
                    "<a href=\"/entities/{}#{}\">{}</a>",
                    url_component(id),
                    escape(&c.event),
                    escape(name)
                )
            })
            .collect();
        let _ = writeln!(
            body,
            "<li id=\"{}\"><span class=\"date\">{}</span> <strong>{}</strong> {} <span class=\"tag warn\">{}</span>{}</li>",
            escape(&c.event),
            escape(&date_text(c.date)),
            escape(&c.event_type.replace('_', " ")),
            who.join(", "),
            escape(&c.field.replace('_', " ")),
            sides_html(c)
        );
    }
    body.push_str("</ol>\n");
    body.push_str(&pager);
    html_response(StatusCode::OK, "Contradictions", "", &body)
}

/// `GET /status`: what the store holds, how each document was read (newest first, a page at a
/// time), and a PostgreSQL store's work queue with the jobs that failed.
pub(crate) async fn status(
    State(state): State<AppState>,
    Query(params): Query<PageParams>,
) -> Response {
    let st = state.clone();
    let page = params.page.unwrap_or(1);
    let status = match tokio::task::spawn_blocking(move || crate::queues::status(&st, page)).await {
        Ok(Ok(s)) => s,
        Ok(Err(e)) => {
            return error_page(
                StatusCode::INTERNAL_SERVER_ERROR,
                &format!("cannot read the ingest log: {e:#}"),
            )
        }
        Err(e) => return error_page(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
    };
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<h1>Ingest status</h1>\n<p class=\"counts\"><strong>{}</strong> documents stored · <strong>{}</strong> in the record served · last ingest <strong>{}</strong> · <a href=\"/api/status\">JSON</a></p>",
        status.stored,
        status.in_record,
        escape(status.last_ingest.as_deref().unwrap_or("never"))
    );
    if status.stored != status.in_record {
        body.push_str("<p class=\"tag warn\">The store changed since the server read it: <code>POST /api/reload</code> or restart.</p>\n");
    }
    let g = status.gaps;
    let gaps: Vec<String> = [
        (g.no_published, "without a publication date"),
        (g.no_publisher, "without a publisher"),
        (g.no_title, "without a title"),
        (g.no_events, "with no events read"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("<strong>{n}</strong> {what}"))
    .collect();
    if !gaps.is_empty() {
        let _ = writeln!(
            body,
            "<p class=\"gaps\">In the record: {}.</p>",
            gaps.join(" · ")
        );
    }
    if let Some(q) = &status.queue {
        let _ = writeln!(
            body,
            "<h2>Work queue</h2>\n<p class=\"counts\"><strong>{}</strong> waiting · <strong>{}</strong> done · <strong>{}</strong> failed</p>",
            q.queued, q.done, q.failed
        );
        if !q.failures.is_empty() {
            body.push_str("<table class=\"status failures\">\n<thead><tr><th>File</th><th>Why it failed</th></tr></thead>\n<tbody>\n");
            for (source, error) in &q.failures {
                let _ = writeln!(
                    body,
                    "<tr><td>{}</td><td class=\"warn-text\">{}</td></tr>",
                    escape(source),
                    escape(error)
                );
            }
            body.push_str("</tbody>\n</table>\n");
            if q.failed as usize > q.failures.len() {
                let _ = writeln!(
                    body,
                    "<p class=\"muted\">The first {} of {} failed jobs; <code>casefile queue</code> lists all.</p>",
                    q.failures.len(),
                    q.failed
                );
            }
        }
    }
    body.push_str("<p class=\"muted\">Files that could not be read are not stored: <code>casefile ingest</code> names each with its reason on standard error.</p>\n");
    let pager = status_pager(status.page, status.pages, status.stored);
    body.push_str(&pager);
    body.push_str("<table class=\"status\">\n<thead><tr><th>Document</th><th>Format</th><th>Ingested</th><th>Size</th><th>Mentions</th><th>Events</th><th>Status</th></tr></thead>\n<tbody>\n");
    for d in &status.documents {
        let name = d.title.clone().unwrap_or_else(|| {
            std::path::Path::new(&d.source)
                .file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_else(|| d.id.clone())
        });
        let label = if d.in_record {
            format!(
                "<a href=\"/documents/{}\">{}</a>",
                url_component(&d.id),
                escape(&name)
            )
        } else {
            escape(&name)
        };
        let _ = writeln!(
            body,
            "<tr><td>{label}<br><span class=\"muted\">{}</span></td><td>{}</td><td>{}</td><td>{} bytes</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&d.source),
            escape(&d.format),
            escape(&d.ingested_at),
            d.raw_bytes,
            d.mentions,
            d.events,
            if d.warnings.is_empty() {
                "<span class=\"ok\">read</span>".to_string()
            } else {
                format!("<span class=\"warn-text\">{}</span>", escape(&d.warnings.join("; ")))
            }
        );
    }
    body.push_str("</tbody>\n</table>\n");
    body.push_str(&pager);
    html_response(StatusCode::OK, "Ingest status", "", &body)
}

/// "Documents 101–200 of 1,000,000, newest first · page 2 of 10,000" with links to the newest,
/// newer, older and oldest pages; empty when everything fits on one.
fn status_pager(page: usize, pages: usize, stored: usize) -> String {
    let first = (page - 1) * crate::queues::STATUS_PER_PAGE;
    let last = (first + crate::queues::STATUS_PER_PAGE).min(stored);
    pager(
        "/status",
        &format!("Documents {}–{last} of {stored}, newest first", first + 1),
        page,
        pages,
        ["newest", "newer", "older", "oldest"],
    )
}

/// A date as a fractional year, for placing it on the timeline; `None` without a year.
fn year_fraction(d: PartialDate) -> Option<f64> {
    let y = f64::from(d.year?);
    let m = d.month.map(|m| f64::from(m - 1) / 12.0).unwrap_or(0.0);
    let day = d.day.map(|d| f64::from(d - 1) / 372.0).unwrap_or(0.0);
    Some(y + m + day)
}

/// The events with a known year on a horizontal axis, drawn as SVG (no script, no CSS needed;
/// each dot links to its event in the list below, on page `page` of the list, or to the page of
/// the list that holds it).
pub(crate) fn timeline_svg(events: &[&Event], page: usize) -> Option<String> {
    let dated: Vec<(&Event, f64, usize)> = events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((*e, year_fraction(e.date?)?, i / EVENTS_PER_PAGE + 1)))
        .collect();
    if dated.is_empty() {
        return None;
    }
    let (w, left, right, axis_y) = (800.0, 40.0, 760.0, 90.0);
    let min = dated.iter().map(|d| d.1).fold(f64::INFINITY, f64::min);
    let max = dated.iter().map(|d| d.1).fold(f64::NEG_INFINITY, f64::max);
    // Pad so a single date (or a tight cluster) sits inside whole years.
    let (lo, hi) = (min.floor(), (max + 1.0).floor().max(min.floor() + 1.0));
    let x = |v: f64| left + (v - lo) / (hi - lo) * (right - left);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg class=\"timeline\" viewBox=\"0 0 {w} 130\" role=\"img\" aria-label=\"Timeline of {} dated events\" xmlns=\"http://www.w3.org/2000/svg\">",
        dated.len()
    );
    let _ = writeln!(
        out,
        "<line x1=\"{left}\" y1=\"{axis_y}\" x2=\"{right}\" y2=\"{axis_y}\" stroke=\"#555\" stroke-width=\"1\"/>"
    );
    let span_years = (hi - lo) as i32;
    let step = match span_years {
        0..=10 => 1,
        11..=25 => 2,
        26..=60 => 5,
        _ => 10,
    };
    let mut year = lo as i32;
    while f64::from(year) <= hi {
        let tx = x(f64::from(year));
        let _ = writeln!(
            out,
            "<line x1=\"{tx:.1}\" y1=\"{}\" x2=\"{tx:.1}\" y2=\"{}\" stroke=\"#555\"/><text x=\"{tx:.1}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#333\">{year}</text>",
            axis_y - 4.0,
            axis_y + 4.0,
            axis_y + 18.0
        );
        year += step;
    }
    // Events on the same spot stack upwards.
    let mut stacked: BTreeMap<i64, u32> = BTreeMap::new();
    for (ev, v, on_page) in &dated {
        let cx = x(*v);
        let level = stacked.entry((cx / 8.0).round() as i64).or_insert(0);
        // A column holds six dots; more on the same spot would be drawn over each other, so a
        // place with thousands of events draws hundreds of dots, not thousands.
        if *level >= MAX_STACKED_DOTS {
            continue;
        }
        let cy = axis_y - 12.0 - f64::from(*level) * 13.0;
        *level += 1;
        let _ = writeln!(
            out,
            "<a href=\"{}#{}\"><circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"5.5\" class=\"dot e-{}\" fill=\"#b3261e\"><title>{} {}</title></circle></a>",
            if *on_page == page {
                String::new()
            } else {
                format!("?page={on_page}")
            },
            escape(&ev.id),
            ev.event_type.as_str(),
            escape(&date_text(ev.date)),
            escape(&ev.event_type.as_str().replace('_', " "))
        );
    }
    out.push_str("</svg>");
    Some(out)
}

/// Documents an entity page lists; the rest are counted (the API lists them all).
const MAX_LISTED_DOCUMENTS: usize = 100;

/// Mentions an entity page lists; the rest are counted.
const MAX_LISTED_MENTIONS: usize = 100;

/// Events one page of a case file lists; longer lists are paged with `?page=N` (a person's case
/// file fits on one page; a country's would otherwise run to megabytes).
const EVENTS_PER_PAGE: usize = 100;

/// Query parameters of a paged page (`/entities/{id}`, `/status`).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct PageParams {
    /// Which page of the list, from 1.
    pub page: Option<usize>,
}

/// Dots the timeline stacks on one spot.
const MAX_STACKED_DOTS: u32 = 6;

/// `GET /entities/{id}`: the case file.
pub(crate) async fn entity(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(params): Query<PageParams>,
) -> Response {
    let snap = state.snapshot();
    let Some(e) = snap.entity(&id) else {
        return error_page(StatusCode::NOT_FOUND, "No entity has this id.");
    };
    let events = snap.events_of_entity(&e.id);
    let documents = snap.documents_of_entity(e);
    let pages = events.len().div_ceil(EVENTS_PER_PAGE).max(1);
    let page = params.page.unwrap_or(1).clamp(1, pages);
    let mut body = String::new();
    let _ = write!(
        body,
        "<h1>{}</h1>\n<p class=\"muted\"><span class=\"tag t-{}\">{}</span> {} · <a href=\"/api/entities/{}\">JSON</a></p>\n",
        escape(&e.name),
        e.entity_type.as_str(),
        e.entity_type.as_str().replace('_', " "),
        escape(&e.id),
        url_component(&e.id)
    );
    if let Some(c) = &e.country {
        let _ = writeln!(body, "<p>Country: {}</p>", escape(c));
    }
    if let Some(l) = &e.legal {
        let _ = writeln!(
            body,
            "<p>Article {}{}{}{}</p>",
            escape(&l.article),
            l.part
                .as_ref()
                .map(|p| format!(", part {}", escape(p)))
                .unwrap_or_default(),
            l.instrument
                .as_ref()
                .map(|i| format!(" of the {}", escape(i)))
                .unwrap_or_default(),
            l.jurisdiction
                .as_ref()
                .map(|j| format!(" ({})", escape(j)))
                .unwrap_or_default()
        );
    }
    body.push_str("<section>\n<h2>Names seen</h2>\n<ul class=\"inline\">\n");
    for a in &e.aliases {
        let _ = writeln!(body, "<li>{}</li>", escape(a));
    }
    body.push_str("</ul>\n");
    body.push_str(&review_form(
        &e.id,
        &[
            ("merge", "same as entity (id)"),
            ("split", "different from entity (id) or spelling"),
            ("confirm", "confirm"),
            ("reject", "reject"),
        ],
        &format!("/entities/{}", url_component(&e.id)),
    ));
    body.push_str("</section>\n");
    let _ = write!(
        body,
        "<section>\n<h2>Timeline ({} events)</h2>\n",
        events.len()
    );
    match timeline_svg(&events, page) {
        Some(svg) => body.push_str(&svg),
        None => body.push_str("<p class=\"muted\">No dated events.</p>"),
    }
    let first = (page - 1) * EVENTS_PER_PAGE;
    let shown = &events[first.min(events.len())..(first + EVENTS_PER_PAGE).min(events.len())];
    body.push_str("\n<h3>Events in date order</h3>\n");
    let pager = events_pager(&e.id, page, pages, first, shown.len(), events.len());
    body.push_str(&pager);
    let _ = writeln!(body, "<ol class=\"events\" start=\"{}\">", first + 1);
    for ev in shown {
        body.push_str(&event_item(&snap, ev, Some(&e.id)));
    }
    if events.is_empty() {
        body.push_str("<li class=\"muted\">None recorded yet.</li>\n");
    }
    body.push_str("</ol>\n");
    body.push_str(&pager);
    body.push_str("</section>\n");
    let _ = write!(
        body,
        "<section>\n<h2>Documents ({})</h2>\n<ul>\n",
        documents.len()
    );
    // A place named in most reports is in tens of thousands of documents: the page lists the
    // first ones, as it does mentions, and says how many it left out.
    for d in documents.iter().take(MAX_LISTED_DOCUMENTS) {
        let _ = writeln!(body, "<li>{}</li>", doc_line(d));
    }
    if documents.len() > MAX_LISTED_DOCUMENTS {
        let _ = writeln!(
            body,
            "<li class=\"muted\">and {} more (the API lists them all)</li>",
            documents.len() - MAX_LISTED_DOCUMENTS
        );
    }
    body.push_str("</ul>\n</section>\n");
    let _ = write!(
        body,
        "<section>\n<h2>Mentions ({})</h2>\n<ul class=\"mentions\">\n",
        e.mentions.len()
    );
    for m in e.mentions.iter().take(MAX_LISTED_MENTIONS) {
        let label = snap
            .document(m.document.as_str())
            .map(doc_title)
            .unwrap_or_else(|| m.document.to_string());
        let _ = writeln!(
            body,
            "<li><a href=\"/documents/{}#c{}-{}\">{}</a> <span class=\"muted\">{} · characters {}–{}</span></li>",
            url_component(m.document.as_str()),
            m.start,
            m.end,
            escape(&m.text),
            escape(&label),
            m.start,
            m.end
        );
    }
    if e.mentions.len() > MAX_LISTED_MENTIONS {
        let _ = writeln!(
            body,
            "<li class=\"muted\">and {} more (the API lists them all)</li>",
            e.mentions.len() - MAX_LISTED_MENTIONS
        );
    }
    body.push_str("</ul>\n</section>");
    html_response(StatusCode::OK, &e.name, "", &body)
}

/// "Events 101–200 of 23,456 · previous · next" links for a case file longer than a page; empty
/// when everything fits on one.
fn events_pager(
    entity: &str,
    page: usize,
    pages: usize,
    first: usize,
    shown: usize,
    total: usize,
) -> String {
    pager(
        &format!("/entities/{}", url_component(entity)),
        &format!("Events {}–{} of {total}", first + 1, first + shown),
        page,
        pages,
        ["first", "previous", "next", "last"],
    )
}

/// "CAPTION · page 2 of 9" with links to `path?page=N` for the first, previous, next and last
/// pages, named by `labels` in that order; empty when everything fits on one page.
fn pager(path: &str, caption: &str, page: usize, pages: usize, labels: [&str; 4]) -> String {
    if pages <= 1 {
        return String::new();
    }
    let link = |p: usize, label: &str| format!("<a href=\"{path}?page={p}\">{label}</a>");
    let mut out = format!("<p class=\"pager\">{caption} · page {page} of {pages}");
    if page > 1 {
        out.push_str(&format!(
            " · {} · {}",
            link(1, labels[0]),
            link(page - 1, labels[1])
        ));
    }
    if page < pages {
        out.push_str(&format!(
            " · {} · {}",
            link(page + 1, labels[2]),
            link(pages, labels[3])
        ));
    }
    out.push_str("</p>\n");
    out
}

/// A highlighted stretch of a document, in character offsets.
struct Highlight {
    start: usize,
    end: usize,
    classes: Vec<String>,
    titles: Vec<String>,
}

/// `text` escaped, with each highlight wrapped in `<mark id="c{start}-{end}">` at its character
/// offsets so `#c{start}-{end}` targets it. Highlights nest (a mention inside an event's
/// sentence); one that crosses an enclosing one's end gets an empty anchor with its id instead,
/// so links to it still land in the right place.
fn marked_text(text: &str, highlights: Vec<Highlight>) -> String {
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let n = bounds.len() - 1;
    let slice = |a: usize, b: usize| &text[bounds[a]..bounds[b]];
    let mut merged: BTreeMap<(usize, std::cmp::Reverse<usize>), Highlight> = BTreeMap::new();
    for h in highlights {
        if h.start >= h.end || h.end > n {
            continue;
        }
        let key = (h.start, std::cmp::Reverse(h.end));
        match merged.get_mut(&key) {
            Some(m) => {
                for c in h.classes {
                    if !m.classes.contains(&c) {
                        m.classes.push(c);
                    }
                }
                for t in h.titles {
                    if !m.titles.contains(&t) {
                        m.titles.push(t);
                    }
                }
            }
            None => {
                merged.insert(key, h);
            }
        }
    }
    let mut out = String::with_capacity(text.len() + merged.len() * 80);
    let mut pos = 0;
    let mut stack: Vec<usize> = Vec::new();
    for h in merged.into_values() {
        while let Some(&top) = stack.last() {
            if top > h.start {
                break;
            }
            push_escaped(&mut out, slice(pos, top));
            out.push_str("</mark>");
            pos = top;
            stack.pop();
        }
        push_escaped(&mut out, slice(pos, h.start));
        pos = h.start;
        let crossing = stack.last().is_some_and(|&top| h.end > top);
        let _ = write!(
            out,
            "<{} id=\"c{}-{}\" class=\"{}\" title=\"{}\">",
            if crossing { "span" } else { "mark" },
            h.start,
            h.end,
            escape(&h.classes.join(" ")),
            escape(&h.titles.join("; "))
        );
        if crossing {
            out.push_str("</span>");
        } else {
            stack.push(h.end);
        }
    }
    while let Some(top) = stack.pop() {
        push_escaped(&mut out, slice(pos, top));
        out.push_str("</mark>");
        pos = top;
    }
    push_escaped(&mut out, slice(pos, n));
    out
}

/// `GET /documents/{id}`: metadata and the clean text with mentions and event passages marked.
pub(crate) async fn document(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let snap = state.snapshot();
    let Some(d) = snap.document(&id) else {
        return error_page(StatusCode::NOT_FOUND, "No document has this id.");
    };
    let mentions = snap.mentions_in_document(&id);
    let events = snap.events_in_document(&id);
    let mut highlights = Vec::new();
    for (e, m) in &mentions {
        highlights.push(Highlight {
            start: m.start,
            end: m.end,
            classes: vec!["mention".into(), format!("t-{}", e.entity_type.as_str())],
            titles: vec![format!("{} ({})", e.name, e.entity_type.as_str())],
        });
    }
    for ev in &events {
        for s in ev.sources.iter().filter(|s| s.document.as_str() == id) {
            highlights.push(Highlight {
                start: s.start,
                end: s.end,
                classes: vec!["event".into()],
                titles: vec![format!(
                    "{} ({})",
                    ev.event_type.as_str().replace('_', " "),
                    date_text(ev.date)
                )],
            });
        }
    }
    let title = doc_title(d);
    let mut body = String::new();
    let _ = writeln!(body, "<h1>{}</h1>\n<dl class=\"meta\">", escape(&title));
    let mut meta = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            let _ = writeln!(body, "<dt>{k}</dt><dd>{}</dd>", escape(&v));
        }
    };
    meta(
        "Publisher",
        Some(d.publisher.clone().unwrap_or_else(|| "not stated".into())),
    );
    meta(
        "Published",
        Some(
            d.published
                .map(|p| p.to_string())
                .unwrap_or_else(|| "not stated".into()),
        ),
    );
    meta("Reference", d.reference.clone());
    meta("Source URL", d.source_url.clone());
    meta("Ingested from", Some(d.source.clone()));
    meta("Format", Some(d.format.as_str().to_string()));
    meta("Id", Some(d.id.to_string()));
    let _ = write!(
        body,
        "</dl>\n<p><a href=\"/api/documents/{}\">JSON</a></p>\n<div class=\"doc-layout\">\n<article class=\"text\">",
        url_component(d.id.as_str())
    );
    let Some(text) = state.text_of(&snap, &id).await else {
        return error_page(
            StatusCode::INTERNAL_SERVER_ERROR,
            "The text of this document cannot be read from the store.",
        );
    };
    body.push_str(&marked_text(&text, highlights));
    body.push_str("</article>\n<aside>\n<h2>Events</h2>\n<ul class=\"doc-events\">\n");
    for ev in &events {
        for s in ev.sources.iter().filter(|s| s.document.as_str() == id) {
            let _ = writeln!(
                body,
                "<li><a href=\"#c{}-{}\">{} {}</a> <span class=\"muted\">{}</span></li>",
                s.start,
                s.end,
                escape(&date_text(ev.date)),
                escape(&ev.event_type.as_str().replace('_', " ")),
                participants_html(&snap, ev, None)
            );
        }
    }
    if events.is_empty() {
        body.push_str("<li class=\"muted\">None read.</li>\n");
    }
    body.push_str("</ul>\n<h2>Entities</h2>\n<ul>\n");
    let mut seen: Vec<&str> = Vec::new();
    for (e, _) in &mentions {
        if !seen.contains(&e.id.as_str()) {
            seen.push(&e.id);
            let _ = writeln!(body, "<li>{}</li>", entity_link(e));
        }
    }
    body.push_str("</ul>\n</aside>\n</div>");
    html_response(StatusCode::OK, &title, "", &body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(start: usize, end: usize) -> Highlight {
        Highlight {
            start,
            end,
            classes: vec!["x".into()],
            titles: vec![],
        }
    }

    #[test]
    fn marks_nest_and_escape() {
        let text = "a <b> Тоқаев said. Then";
        // "Тоқаев" is characters 6..12; the sentence 0..18.
        let out = marked_text(text, vec![h(0, 18), h(6, 12), h(6, 12)]);
        assert_eq!(
            out,
            "<mark id=\"c0-18\" class=\"x\" title=\"\">a &lt;b&gt; <mark id=\"c6-12\" class=\"x\" title=\"\">Тоқаев</mark> said.</mark> Then"
        );
    }

    #[test]
    fn crossing_highlight_becomes_an_anchor() {
        let out = marked_text("abcdefgh", vec![h(0, 4), h(2, 6), h(7, 99)]);
        assert_eq!(
            out,
            "<mark id=\"c0-4\" class=\"x\" title=\"\">ab<span id=\"c2-6\" class=\"x\" title=\"\"></span>cd</mark>efgh"
        );
    }
}
