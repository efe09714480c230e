//! The JSON API under `/api/`. Errors are `{"error": "…"}` with the status that fits.

use crate::pages::{run_search, SearchParams};
use crate::reviews::user_for_token;
use crate::AppState;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use casefile_model::{DocumentRecord, Entity, Event, PartialDate};
use casefile_model::{ReviewAction, ReviewInput};
use casefile_store::{NewReview, Store};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// An API error: a status and a one-line message.
pub(crate) struct ApiError(StatusCode, String);

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError(status, message.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.0, Json(json!({ "error": self.1 }))).into_response();
        if self.0 == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer realm=\"casefile\""),
            );
        }
        response
    }
}

type ApiResult = Result<Response, ApiError>;

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
}

/// `GET /api/search`.
pub(crate) async fn search(
    State(state): State<AppState>,
    Query(params): Query<SearchParams>,
) -> ApiResult {
    let snap = state.snapshot();
    let results = run_search(&state, &snap, &params).await.map_err(internal)?;
    let hits: Vec<Value> = results
        .hits
        .iter()
        .map(|h| {
            let mut v = serde_json::to_value(h).unwrap_or(Value::Null);
            if let Value::Object(map) = &mut v {
                if let Some(e) = snap.entity(&h.id) {
                    map.insert("name".into(), json!(e.name));
                    map.insert("type".into(), json!(e.entity_type));
                    map.insert("aliases".into(), json!(e.aliases));
                } else if let Some(d) = snap.document(&h.id) {
                    map.insert("title".into(), json!(d.title));
                    map.insert("publisher".into(), json!(d.publisher));
                    map.insert("published".into(), json!(d.published));
                }
            }
            v
        })
        .collect();
    let filters: serde_json::Map<String, Value> = params
        .filters()
        .into_iter()
        .map(|(d, v)| (d.to_string(), json!(v)))
        .collect();
    Ok(Json(json!({
        "query": params.q,
        "filters": filters,
        "total": results.total,
        "hits": hits,
        "facets": results.facets,
    }))
    .into_response())
}

/// A document in a list: no text.
#[derive(Serialize)]
struct DocumentSummary<'a> {
    id: &'a str,
    title: Option<&'a str>,
    publisher: Option<&'a str>,
    published: Option<PartialDate>,
    source: &'a str,
}

impl<'a> From<&'a DocumentRecord> for DocumentSummary<'a> {
    fn from(d: &'a DocumentRecord) -> Self {
        DocumentSummary {
            id: d.id.as_str(),
            title: d.title.as_deref(),
            publisher: d.publisher.as_deref(),
            published: d.published,
            source: &d.source,
        }
    }
}

#[derive(Serialize)]
struct EntityResponse<'a> {
    entity: &'a Entity,
    documents: Vec<DocumentSummary<'a>>,
    events: Vec<&'a Event>,
}

/// `GET /api/entities/{id}`: the entity, its documents and its events in date order.
pub(crate) async fn entity(State(state): State<AppState>, Path(id): Path<String>) -> ApiResult {
    let snap = state.snapshot();
    let e = snap
        .entity(&id)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no entity has this id"))?;
    Ok(Json(EntityResponse {
        entity: e,
        documents: snap
            .documents_of_entity(e)
            .into_iter()
            .map(Into::into)
            .collect(),
        events: snap.events_of_entity(&e.id),
    })
    .into_response())
}

/// `GET /api/documents/{id}`: the document with its text, the mentions and the event passages
/// in it (character offsets into `document.text`).
pub(crate) async fn document(State(state): State<AppState>, Path(id): Path<String>) -> ApiResult {
    let snap = state.snapshot();
    let d = snap
        .document(&id)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "no document has this id"))?;
    let mentions: Vec<Value> = snap
        .mentions_in_document(&id)
        .into_iter()
        .map(|(e, m)| {
            json!({
                "entity": e.id, "name": e.name, "type": e.entity_type,
                "text": m.text, "start": m.start, "end": m.end,
            })
        })
        .collect();
    let events: Vec<Value> = snap
        .events_in_document(&id)
        .into_iter()
        .map(|ev| {
            let passages: Vec<Value> = ev
                .sources
                .iter()
                .filter(|s| s.document.as_str() == id)
                .map(|s| json!({ "start": s.start, "end": s.end, "text": s.text }))
                .collect();
            json!({
                "id": ev.id, "type": ev.event_type, "date": ev.date,
                "participants": ev.participants, "passages": passages,
            })
        })
        .collect();
    // The served record holds no texts: the document's is read from the store.
    let text = state
        .text_of(&snap, &id)
        .await
        .ok_or_else(|| internal("the text of this document cannot be read from the store"))?;
    let mut document = serde_json::to_value(d).map_err(internal)?;
    document["text"] = Value::String(text);
    Ok(
        Json(json!({ "document": document, "mentions": mentions, "events": events }))
            .into_response(),
    )
}

/// `GET /api/contradictions?page=N`: the events whose sources disagree, with both passages, a
/// page at a time.
pub(crate) async fn contradictions(
    State(state): State<AppState>,
    Query(params): Query<crate::pages::PageParams>,
) -> ApiResult {
    let snap = state.snapshot();
    let page = crate::queues::contradictions_page(&snap, params.page.unwrap_or(1));
    Ok(Json(page).into_response())
}

/// `GET /api/status?page=N`: documents stored, in the record, last ingest, what the record's
/// documents lack, one page of documents (newest first) with their status, and the work queue.
pub(crate) async fn status(
    State(state): State<AppState>,
    Query(params): Query<crate::pages::PageParams>,
) -> ApiResult {
    let st = state.clone();
    let page = params.page.unwrap_or(1);
    let status = tokio::task::spawn_blocking(move || crate::queues::status(&st, page))
        .await
        .map_err(internal)?
        .map_err(|e| internal(format!("cannot read the ingest log: {e:#}")))?;
    Ok(Json(status).into_response())
}

/// The user of the bearer token in `headers`, or 401.
fn authenticate(state: &AppState, headers: &HeaderMap) -> Result<String, ApiError> {
    let unauthorized = || {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "a valid 'Authorization: Bearer TOKEN' header is required",
        )
    };
    let value = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .ok_or_else(unauthorized)?;
    let (scheme, token) = value.trim().split_once(' ').ok_or_else(unauthorized)?;
    let token = token.trim();
    if !scheme.eq_ignore_ascii_case("bearer") || token.is_empty() {
        return Err(unauthorized());
    }
    user_for_token(state.store_dir(), token)
        .map_err(|e| internal(format!("cannot read the tokens: {e}")))?
        .ok_or_else(unauthorized)
}

/// Checks what can be checked of a review against the knowledge base.
fn validate(state: &AppState, input: &ReviewInput) -> Result<(), ApiError> {
    let bad = |m: String| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, m);
    let snap = state.snapshot();
    if !snap.knows(&input.target) {
        return Err(bad(format!(
            "unknown target {:?}: give an event, entity or document id",
            input.target
        )));
    }
    if input
        .note
        .as_ref()
        .is_some_and(|n| n.chars().count() > 10_000)
    {
        return Err(bad("the note is longer than 10,000 characters".into()));
    }
    let value_str = input.value.as_ref().and_then(Value::as_str);
    match input.action {
        ReviewAction::CorrectDate => {
            let ok = value_str.is_some_and(|v| v.parse::<PartialDate>().is_ok());
            if !ok {
                return Err(bad(
                    "correct_date needs a value YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD or --MM".into(),
                ));
            }
        }
        ReviewAction::CorrectType => {
            let known = value_str.is_some_and(|v| {
                casefile_model::EventType::parse(v).is_some()
                    || serde_json::from_value::<casefile_model::EntityType>(json!(v)).is_ok()
            });
            if !known {
                return Err(bad("correct_type needs an event or entity type name".into()));
            }
        }
        ReviewAction::Merge | ReviewAction::Split => {
            let ok = value_str.is_some_and(|v| {
                casefile_resolve::reviews::value_anchor(&snap.kb, input.action, &input.target, v)
                    .is_some()
            });
            if !ok {
                return Err(bad(format!(
                    "{} needs an entity target and another entity's id as value \
                     (or, for split, one of the target's spellings)",
                    input.action.as_str()
                )));
            }
        }
        _ => {}
    }
    Ok(())
}

/// `POST /api/reviews`: records a review action (bearer token required).
pub(crate) async fn post_review(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult {
    let user = authenticate(&state, &headers)?;
    let input: ReviewInput = serde_json::from_slice(&body).map_err(|e| {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            format!("the body is not a review ({{target, action, value, note}}): {e}"),
        )
    })?;
    let review = record(&state, input, user).await?;
    Ok((StatusCode::CREATED, Json(review)).into_response())
}

/// Checks a review against the record, anchors it and appends it to the store's review log.
async fn record(
    state: &AppState,
    input: ReviewInput,
    user: String,
) -> Result<casefile_model::Review, ApiError> {
    validate(state, &input)?;
    // What the target (and a merge's or split's other entity) is now, so the judgement finds its
    // fact again when re-reading changes ids.
    let snap = state.snapshot();
    let anchor = casefile_resolve::reviews::anchor(&snap.kb, &input.target);
    let value_anchor = match input.action {
        ReviewAction::Merge | ReviewAction::Split => {
            input.value.as_ref().and_then(Value::as_str).and_then(|v| {
                casefile_resolve::reviews::value_anchor(&snap.kb, input.action, &input.target, v)
            })
        }
        _ => None,
    };
    drop(snap);
    let new = NewReview {
        input,
        anchor,
        value_anchor,
        user,
    };
    let st = state.clone();
    tokio::task::spawn_blocking(move || st.store().record_review(&new))
        .await
        .map_err(internal)?
        .map_err(|e| internal(format!("cannot record the review: {e}")))
}

/// The review form of the pages (`POST /reviews`, form-encoded): a review, the token of the
/// person making it (a form cannot send an Authorization header without script), and the page to
/// go back to.
#[derive(Debug, Deserialize)]
pub(crate) struct ReviewForm {
    target: String,
    action: String,
    #[serde(default)]
    value: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    token: String,
    #[serde(default)]
    back: String,
}

/// `POST /reviews`: records a review from a page's form, re-resolves the record so the change
/// shows at once, and sends the reviewer back to the page (303), or shows the error.
pub(crate) async fn post_review_form(
    State(state): State<AppState>,
    axum::Form(form): axum::Form<ReviewForm>,
) -> Response {
    match review_from_form(&state, form).await {
        Ok(back) => axum::response::Redirect::to(&back).into_response(),
        Err(ApiError(status, message)) => crate::pages::error_page(status, &message),
    }
}

async fn review_from_form(state: &AppState, form: ReviewForm) -> Result<String, ApiError> {
    let unauthorized = || ApiError::new(StatusCode::UNAUTHORIZED, "a valid token is required");
    let token = form.token.trim();
    if token.is_empty() {
        return Err(unauthorized());
    }
    let user = user_for_token(state.store_dir(), token)
        .map_err(|e| internal(format!("cannot read the tokens: {e}")))?
        .ok_or_else(unauthorized)?;
    let action = ReviewAction::parse(form.action.trim()).ok_or_else(|| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("unknown review action {:?}", form.action),
        )
    })?;
    let non_empty = |v: &str| Some(v.trim().to_string()).filter(|v| !v.is_empty());
    let input = ReviewInput {
        target: form.target.trim().to_string(),
        action,
        value: non_empty(&form.value).map(Value::String),
        note: non_empty(&form.note),
    };
    record(state, input, user).await?;
    let st = state.clone();
    tokio::task::spawn_blocking(move || st.reload())
        .await
        .map_err(internal)?
        .map_err(|e| internal(format!("{e:#}")))?;
    // Only a path of this site: an open redirect would let a link send reviewers elsewhere.
    let back = form.back.trim();
    Ok(
        if back.starts_with('/') && !back.starts_with("//") && !back.contains('\\') {
            back.to_string()
        } else {
            "/".to_string()
        },
    )
}

/// Query of `GET /api/reviews`.
#[derive(Deserialize)]
pub(crate) struct ReviewQuery {
    target: Option<String>,
    limit: Option<usize>,
}

/// `GET /api/reviews?target=…`: the recorded reviews, oldest first.
pub(crate) async fn list_reviews(
    State(state): State<AppState>,
    Query(q): Query<ReviewQuery>,
) -> ApiResult {
    let limit = q.limit.unwrap_or(100).clamp(1, 1000);
    let st = state.clone();
    let reviews = tokio::task::spawn_blocking(move || {
        st.store().reviews().map(|all| {
            all.into_iter()
                .filter(|r| q.target.as_deref().is_none_or(|t| r.target == t))
                .take(limit)
                .collect::<Vec<_>>()
        })
    })
    .await
    .map_err(internal)?
    .map_err(|e| internal(format!("cannot read the reviews: {e}")))?;
    Ok(Json(json!({ "reviews": reviews })).into_response())
}

/// `POST /api/reload`: rebuilds the knowledge base and index from the store (token required).
pub(crate) async fn reload(State(state): State<AppState>, headers: HeaderMap) -> ApiResult {
    authenticate(&state, &headers)?;
    let st = state.clone();
    let n = tokio::task::spawn_blocking(move || st.reload())
        .await
        .map_err(internal)?
        .map_err(|e| internal(format!("{e:#}")))?;
    Ok(Json(json!({ "documents": n })).into_response())
}

/// `GET /api/openapi.json`.
pub(crate) async fn openapi() -> Response {
    Json(openapi_document()).into_response()
}

fn error_response(description: &str) -> Value {
    json!({
        "description": description,
        "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } }
    })
}

fn json_response(description: &str, schema: Value) -> Value {
    json!({ "description": description, "content": { "application/json": { "schema": schema } } })
}

fn html_response(description: &str) -> Value {
    json!({ "description": description, "content": { "text/html": { "schema": { "type": "string" } } } })
}

fn id_param(what: &str) -> Value {
    json!({ "name": "id", "in": "path", "required": true, "description": what, "schema": { "type": "string" } })
}

fn search_params() -> Value {
    let q = |name: &str, description: &str| json!({ "name": name, "in": "query", "required": false, "description": description, "schema": { "type": "string" } });
    json!([
        q("q", "The query: words, \"a phrase\", field:word (tantivy's query language; syntax errors are forgiven)."),
        q("kind", "Only `document` or `entity` hits."),
        q("type", "Only entities of this type (person, organization, location, legal_provision, misc)."),
        q("event", "Only documents stating, and entities taking part in, an event of this type (arrest, detention, conviction, ...)."),
        q("year", "Only documents published in this year, and entities with an event in this year."),
        q("country", "Only entities of this country, and documents mentioning one."),
        q("publisher", "Only documents from this publisher."),
        { "name": "limit", "in": "query", "required": false, "description": "Number of hits (1-100).", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 } }
    ])
}

/// The OpenAPI 3.1 description of every endpoint. Hand-written: the tests check that every
/// route of [`crate::router`] is listed.
pub fn openapi_document() -> Value {
    let bearer = json!([{ "bearer": [] }]);
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "casefile",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Search, case files and documents of a casefile store, and the review log. Offsets are character (Unicode scalar value) offsets into a document's clean text. Writes need `Authorization: Bearer TOKEN`. Request bodies are limited to 64 KiB (413 beyond)."
        },
        "paths": {
            "/": { "get": { "summary": "Home page: counts, search box, recent documents.", "responses": { "200": html_response("The page.") } } },
            "/search": { "get": { "summary": "Search results page with snippets and facets.", "parameters": search_params(), "responses": { "200": html_response("The page.") } } },
            "/entities/{id}": { "get": { "summary": "Case file page: names, timeline, events with sources, documents, mentions.", "parameters": [id_param("Entity id."), { "name": "page", "in": "query", "required": false, "description": "Page of the event list, 100 events a page (past the last page shows the last).", "schema": { "type": "integer", "minimum": 1, "default": 1 } }], "responses": { "200": html_response("The page."), "404": html_response("No such entity.") } } },
            "/documents/{id}": { "get": { "summary": "Document page: metadata and clean text, mentions and event passages marked as <mark id=\"c{start}-{end}\">.", "parameters": [id_param("Document id.")], "responses": { "200": html_response("The page."), "404": html_response("No such document.") } } },
            "/contradictions": { "get": { "summary": "Contradictions queue: events whose sources state a value differently, with both passages.", "parameters": [{ "name": "page", "in": "query", "required": false, "description": "Page of the queue, 100 contradictions a page (past the last page shows the last).", "schema": { "type": "integer", "minimum": 1, "default": 1 } }], "responses": { "200": html_response("The page.") } } },
            "/status": { "get": { "summary": "Ingest status: documents stored, last ingest, what the record's documents lack, each document's size, mentions, events and warnings (newest first, paged), and a PostgreSQL store's work queue with its failed jobs.", "parameters": [{ "name": "page", "in": "query", "required": false, "description": "Page of the document list, 100 documents a page, newest first (past the last page shows the last).", "schema": { "type": "integer", "minimum": 1, "default": 1 } }], "responses": { "200": html_response("The page.") } } },
            "/api/contradictions": { "get": { "summary": "Events whose sources disagree (what `casefile conflicts` lists), with both passages, 100 a page.", "parameters": [{ "name": "page", "in": "query", "required": false, "description": "Page of the list, 100 contradictions a page (past the last page shows the last).", "schema": { "type": "integer", "minimum": 1, "default": 1 } }], "responses": { "200": json_response("One page of the contradictions.", json!({ "type": "object", "required": ["total", "page", "pages", "contradictions"], "properties": { "total": { "type": "integer", "description": "Contradictions in the whole record." }, "page": { "type": "integer" }, "pages": { "type": "integer" }, "contradictions": { "type": "array", "items": { "$ref": "#/components/schemas/Contradiction" } } } })) } } },
            "/api/status": { "get": { "summary": "Ingest status of the store.", "parameters": [{ "name": "page", "in": "query", "required": false, "description": "Page of the document list, 100 documents a page, newest first (past the last page shows the last).", "schema": { "type": "integer", "minimum": 1, "default": 1 } }], "responses": { "200": json_response("The status.", json!({ "$ref": "#/components/schemas/Status" })) } } },
            "/static/style.css": { "get": { "summary": "The stylesheet.", "responses": { "200": { "description": "CSS.", "content": { "text/css": { "schema": { "type": "string" } } } } } } },
            "/api/search": { "get": { "summary": "Search documents and entities.", "parameters": search_params(), "responses": { "200": json_response("Ranked hits and facet counts.", json!({ "$ref": "#/components/schemas/SearchResults" })) } } },
            "/api/entities/{id}": { "get": { "summary": "An entity's case file: the entity, its documents and its events in date order.", "parameters": [id_param("Entity id.")], "responses": { "200": json_response("The case file.", json!({ "$ref": "#/components/schemas/CaseFile" })), "404": error_response("No such entity.") } } },
            "/api/documents/{id}": { "get": { "summary": "A document with its text, mentions and event passages.", "parameters": [id_param("Document id.")], "responses": { "200": json_response("The document.", json!({ "$ref": "#/components/schemas/DocumentView" })), "404": error_response("No such document.") } } },
            "/api/openapi.json": { "get": { "summary": "This document.", "responses": { "200": json_response("OpenAPI 3.1.", json!({ "type": "object" })) } } },
            "/api/reviews": {
                "get": {
                    "summary": "Recorded review actions, oldest first.",
                    "parameters": [
                        { "name": "target", "in": "query", "required": false, "description": "Only reviews of this event, entity or document id.", "schema": { "type": "string" } },
                        { "name": "limit", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 1, "maximum": 1000, "default": 100 } }
                    ],
                    "responses": { "200": json_response("The reviews.", json!({ "type": "object", "required": ["reviews"], "properties": { "reviews": { "type": "array", "items": { "$ref": "#/components/schemas/Review" } } } })) }
                },
                "post": {
                    "summary": "Record a review action in the audit log.",
                    "security": bearer,
                    "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ReviewInput" } } } },
                    "responses": {
                        "201": json_response("Recorded.", json!({ "$ref": "#/components/schemas/Review" })),
                        "400": error_response("The body is not a review."),
                        "401": error_response("No token, or not a valid one."),
                        "413": { "description": "The body is larger than 64 KiB." },
                        "422": error_response("Unknown target, or a value the action cannot take.")
                    }
                }
            },
            "/api/reload": { "post": {
                "summary": "Rebuild the knowledge base and the search index from the store (after an ingest).",
                "security": bearer,
                "responses": {
                    "200": json_response("Reloaded.", json!({ "type": "object", "required": ["documents"], "properties": { "documents": { "type": "integer" } } })),
                    "401": error_response("No token, or not a valid one.")
                }
            } }
        },
        "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer", "description": "A token from `STORE/tokens` (printed once when made)." } },
            "schemas": {
                "Error": { "type": "object", "required": ["error"], "properties": { "error": { "type": "string" } } },
                "Contradiction": { "type": "object", "required": ["event", "event_type", "field", "sides"], "properties": {
                    "event": { "type": "string" }, "event_type": { "type": "string" }, "date": { "type": ["string", "null"] },
                    "participants": { "type": "array", "description": "[entity id, name] pairs.", "items": { "type": "array", "items": { "type": "string" } } },
                    "field": { "type": "string", "description": "What differs: sentence, victim_count, ..." },
                    "sides": { "type": "array", "minItems": 2, "maxItems": 2, "items": { "type": "object", "properties": {
                        "value": { "type": "string" }, "document": { "type": "string" }, "title": { "type": "string" },
                        "start": { "type": "integer" }, "end": { "type": "integer" }, "text": { "type": "string" }
                    } } }
                } },
                "Status": { "type": "object", "required": ["stored", "in_record", "gaps", "page", "pages", "documents"], "properties": {
                    "stored": { "type": "integer" }, "in_record": { "type": "integer" }, "last_ingest": { "type": ["string", "null"], "format": "date-time" },
                    "gaps": { "type": "object", "description": "Documents of the record without a publication date, publisher, title, or any event read.", "properties": { "no_published": { "type": "integer" }, "no_publisher": { "type": "integer" }, "no_title": { "type": "integer" }, "no_events": { "type": "integer" } } },
                    "page": { "type": "integer" }, "pages": { "type": "integer" },
                    "queue": { "type": "object", "description": "PostgreSQL stores with queued jobs only.", "properties": { "queued": { "type": "integer" }, "done": { "type": "integer" }, "failed": { "type": "integer" }, "failures": { "type": "array", "description": "The first 100 failed jobs: [file, reason].", "items": { "type": "array", "items": { "type": "string" }, "minItems": 2, "maxItems": 2 } } } },
                    "documents": { "type": "array", "description": "This page's documents, newest first.", "items": { "type": "object", "properties": {
                        "id": { "type": "string" }, "source": { "type": "string" }, "format": { "type": "string" }, "ingested_at": { "type": "string" },
                        "raw_bytes": { "type": "integer" }, "text_bytes": { "type": "integer" }, "in_record": { "type": "boolean" },
                        "title": { "type": ["string", "null"] }, "publisher": { "type": ["string", "null"] }, "published": { "type": ["string", "null"] },
                        "mentions": { "type": "integer" }, "events": { "type": "integer" }, "warnings": { "type": "array", "items": { "type": "string" } }
                    } } }
                } },
                "SearchResults": { "type": "object", "required": ["query", "filters", "total", "hits", "facets"], "properties": {
                    "query": { "type": "string" },
                    "filters": { "type": "object", "additionalProperties": { "type": "string" } },
                    "total": { "type": "integer" },
                    "hits": { "type": "array", "items": { "type": "object", "required": ["kind", "id", "score"], "properties": {
                        "kind": { "enum": ["document", "entity"] }, "id": { "type": "string" }, "score": { "type": "number" },
                        "name": { "type": "string" }, "type": { "type": "string" }, "aliases": { "type": "array", "items": { "type": "string" } },
                        "title": { "type": ["string", "null"] }, "publisher": { "type": ["string", "null"] }, "published": { "type": ["string", "null"] },
                        "snippet": { "type": "object", "properties": { "text": { "type": "string" }, "highlights": { "type": "array", "items": { "type": "array", "items": { "type": "integer" }, "minItems": 2, "maxItems": 2 } } } }
                    } } },
                    "facets": { "type": "object", "description": "kind, type, event, year, country, publisher: value → count.", "additionalProperties": { "type": "object", "additionalProperties": { "type": "integer" } } }
                } },
                "CaseFile": { "type": "object", "required": ["entity", "documents", "events"], "properties": {
                    "entity": { "type": "object", "description": "An Entity of the export (schema/export.schema.json)." },
                    "documents": { "type": "array", "items": { "type": "object", "properties": { "id": { "type": "string" }, "title": { "type": ["string", "null"] }, "publisher": { "type": ["string", "null"] }, "published": { "type": ["string", "null"] }, "source": { "type": "string" } } } },
                    "events": { "type": "array", "description": "Events of the export, in date order (undated last).", "items": { "type": "object" } }
                } },
                "DocumentView": { "type": "object", "required": ["document", "mentions", "events"], "properties": {
                    "document": { "type": "object", "description": "A DocumentRecord of the export, with its text." },
                    "mentions": { "type": "array", "items": { "type": "object", "properties": { "entity": { "type": "string" }, "name": { "type": "string" }, "type": { "type": "string" }, "text": { "type": "string" }, "start": { "type": "integer" }, "end": { "type": "integer" } } } },
                    "events": { "type": "array", "items": { "type": "object", "properties": { "id": { "type": "string" }, "type": { "type": "string" }, "date": { "type": ["string", "null"] }, "participants": { "type": "array" }, "passages": { "type": "array", "items": { "type": "object", "properties": { "start": { "type": "integer" }, "end": { "type": "integer" }, "text": { "type": "string" } } } } } } }
                } },
                "ReviewInput": { "type": "object", "required": ["target", "action"], "additionalProperties": false, "properties": {
                    "target": { "type": "string", "description": "An event, entity or document id." },
                    "action": { "enum": ReviewAction::ALL.iter().map(|a| a.as_str()).collect::<Vec<_>>() },
                    "value": { "description": "correct_date: a date (YYYY-MM-DD, YYYY-MM, YYYY, --MM-DD, --MM); correct_type: an event or entity type; merge: another entity's id; split: another entity's id or one of the target's spellings; otherwise anything." },
                    "note": { "type": ["string", "null"], "maxLength": 10000 }
                } },
                "Review": { "type": "object", "required": ["id", "target", "action", "user", "created_at"], "properties": {
                    "id": { "type": "integer" }, "target": { "type": "string" },
                    "action": { "enum": ReviewAction::ALL.iter().map(|a| a.as_str()).collect::<Vec<_>>() },
                    "value": {}, "note": { "type": ["string", "null"] },
                    "user": { "type": "string", "description": "The user of the token that recorded it." },
                    "created_at": { "type": "string", "format": "date-time" }
                } }
            }
        }
    })
}
