//! Every endpoint, driven through the router without a socket.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use casefile_model::PartialDate;
use casefile_serve::{create_token, router, AppState};
use casefile_store::{SqliteStore, Store};
use serde_json::{json, Value};
use tower::ServiceExt;

struct Response {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Response {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

async fn send(app: &Router, request: Request<Body>) -> Response {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    Response {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

async fn get(app: &Router, uri: &str) -> Response {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn post(app: &Router, uri: &str, token: Option<&str>, body: impl Into<Body>) -> Response {
    let mut request = Request::post(uri).header(header::CONTENT_TYPE, "application/json");
    if let Some(t) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    send(app, request.body(body.into()).unwrap()).await
}

fn fixture() -> (tempfile::TempDir, AppState, Router) {
    let dir = tempfile::tempdir().unwrap();
    common::build_store(dir.path());
    let state = AppState::open(dir.path()).unwrap();
    let app = router(state.clone());
    (dir, state, app)
}

/// The id of the entity the API search finds first for `q`.
async fn entity_id(app: &Router, q: &str) -> String {
    let r = get(app, &format!("/api/search?q={q}&kind=entity")).await;
    assert_eq!(r.status, StatusCode::OK);
    r.json()["hits"][0]["id"].as_str().unwrap().to_string()
}

fn assert_security_headers(r: &Response) {
    assert_eq!(
        r.headers[header::CONTENT_SECURITY_POLICY],
        casefile_serve::CONTENT_SECURITY_POLICY
    );
    assert_eq!(r.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(r.headers[header::REFERRER_POLICY], "no-referrer");
}

#[tokio::test]
async fn home_shows_counts_search_box_and_recent_documents() {
    let (_dir, _state, app) = fixture();
    let r = get(&app, "/").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_security_headers(&r);
    assert!(r.headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(
        r.body.contains("<strong>2</strong> documents"),
        "{}",
        r.body
    );
    assert!(r.body.contains("action=\"/search\""));
    assert!(r.body.contains("Ivan Kozlov detained"));
    assert!(r.body.contains("href=\"/static/style.css\""));
    let css = get(&app, "/static/style.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(css.headers[header::CONTENT_TYPE], "text/css; charset=utf-8");
    assert!(css.body.contains(":target"));
}

#[tokio::test]
async fn search_finds_the_person_by_name_and_spelling() {
    let (_dir, _state, app) = fixture();
    let r = get(&app, "/api/search?q=Kozlov").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_security_headers(&r);
    let v = r.json();
    let hits = v["hits"].as_array().unwrap();
    let person = hits
        .iter()
        .find(|h| h["kind"] == "entity")
        .expect("an entity hit");
    assert_eq!(person["name"], "Ivan Kozlov");
    assert_eq!(person["type"], "person");
    // Both documents mention him; the detention report's snippet marks the name.
    let doc = hits
        .iter()
        .find(|h| h["kind"] == "document" && h["title"] == "Ivan Kozlov detained")
        .expect("the detention report");
    let snippet = &doc["snippet"];
    let text: Vec<char> = snippet["text"].as_str().unwrap().chars().collect();
    let [a, b] = [
        snippet["highlights"][0][0].as_u64().unwrap() as usize,
        snippet["highlights"][0][1].as_u64().unwrap() as usize,
    ];
    assert_eq!(text[a..b].iter().collect::<String>(), "Kozlov");
    assert_eq!(v["facets"]["type"]["person"], 1);
    // The report published in 1998, and Kozlov with an event in 1998.
    assert_eq!(v["facets"]["year"]["1998"], 2);
    assert_eq!(v["facets"]["publisher"]["Human Rights Watch"], 1);

    // One letter off still finds the person; a facet filter narrows to entities of a type.
    let v = get(&app, "/api/search?q=Koslov&type=person").await.json();
    assert_eq!(v["total"], 1);
    assert_eq!(v["hits"][0]["name"], "Ivan Kozlov");
    let v = get(&app, "/api/search?q=Kozlov&type=location").await.json();
    assert_eq!(v["total"], 0);
    let v = get(&app, "/api/search?q=Almaty&kind=entity").await.json();
    assert_eq!(v["hits"][0]["type"], "location");

    let html = get(&app, "/search?q=Kozlov").await;
    assert_eq!(html.status, StatusCode::OK);
    assert!(html.body.contains(&format!(
        "href=\"/entities/{}\"",
        person["id"].as_str().unwrap()
    )));
    assert!(html.body.contains("<b>Kozlov</b>"), "snippet highlighted");
    assert!(html
        .body
        .contains("href=\"/search?q=Kozlov&amp;type=person\""));
    assert!(html.body.contains("value=\"Kozlov\""));
    // The hostile publisher reaches the facet list only escaped.
    assert!(!html.body.contains("<img"));
    assert!(html
        .body
        .contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));

    let empty = get(&app, "/search").await;
    assert_eq!(empty.status, StatusCode::OK);
    let hostile_query = get(&app, "/search?q=%3Cscript%3Ex").await;
    assert_eq!(hostile_query.status, StatusCode::OK);
    assert!(!hostile_query.body.contains("<script>x"));
    assert!(hostile_query.body.contains("&lt;script&gt;x"));
}

#[tokio::test]
async fn entity_json_lists_events_in_date_order_with_sources() {
    let (_dir, _state, app) = fixture();
    let id = entity_id(&app, "Kozlov").await;
    let r = get(&app, &format!("/api/entities/{id}")).await;
    assert_eq!(r.status, StatusCode::OK);
    let v = r.json();
    assert_eq!(v["entity"]["name"], "Ivan Kozlov");
    assert_eq!(v["documents"].as_array().unwrap().len(), 2);
    let events = v["events"].as_array().unwrap();
    let types: Vec<&str> = events.iter().map(|e| e["type"].as_str().unwrap()).collect();
    // The dated detention first, the undated release last.
    assert_eq!(types, ["detention", "release"]);
    assert_eq!(events[0]["date"], "1998-04-08");
    let source = &events[0]["sources"][0];
    assert_eq!(
        source["text"],
        "Ivan Kozlov was detained in Almaty on 8 April 1998."
    );

    let missing = get(&app, "/api/entities/per-nobody").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.json()["error"].is_string());
    assert_security_headers(&missing);
}

#[tokio::test]
async fn case_file_page_has_a_timeline_and_links_to_passages() {
    let (_dir, _state, app) = fixture();
    let id = entity_id(&app, "Kozlov").await;
    let v = get(&app, &format!("/api/entities/{id}")).await.json();
    let source = &v["events"][0]["sources"][0];
    let link = format!(
        "/documents/{}#c{}-{}",
        source["document"].as_str().unwrap(),
        source["start"],
        source["end"]
    );
    let r = get(&app, &format!("/entities/{id}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_security_headers(&r);
    assert!(r.body.contains("<svg class=\"timeline\""));
    assert!(r.body.contains("<title>1998-04-08 detention</title>"));
    assert!(r.body.contains(&format!("href=\"{link}\"")), "{}", r.body);
    let detention = r.body.find("<strong>detention</strong>").unwrap();
    let release = r.body.find("<strong>release</strong>").unwrap();
    assert!(detention < release, "events in date order");
    assert!(r.body.contains("date unknown"));
    // The hostile document's title is listed, escaped.
    assert!(r
        .body
        .contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"));
    assert!(!r.body.contains("<script"));

    let missing = get(&app, "/entities/per-nobody").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
}

#[tokio::test]
async fn document_page_marks_passages_at_character_offsets() {
    let (_dir, _state, app) = fixture();
    let raw = b"raw bytes of the detention report";
    let doc = casefile_model::DocumentId::from_content(raw);
    let r = get(&app, &format!("/documents/{doc}")).await;
    assert_eq!(r.status, StatusCode::OK);
    // "Қазақстан: report.\n\n" is 20 characters (but more bytes): the sentence starts at 20.
    let sentence = "Ivan Kozlov was detained in Almaty on 8 April 1998.";
    let end = 20 + sentence.chars().count();
    let open = format!("<mark id=\"c20-{end}\" class=\"event\"");
    assert!(r.body.contains(&open), "{}", r.body);
    assert!(r
        .body
        .contains("<mark id=\"c20-31\" class=\"mention t-person\""));
    assert!(r.body.contains(&format!("href=\"#c20-{end}\"")));

    let v = get(&app, &format!("/api/documents/{doc}")).await.json();
    assert_eq!(v["document"]["title"], "Ivan Kozlov detained");
    assert_eq!(v["events"][0]["type"], "detention");
    assert_eq!(v["events"][0]["passages"][0]["start"], 20);
    let mention = v["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["type"] == "person")
        .unwrap();
    assert_eq!(
        (mention["start"].clone(), mention["end"].clone()),
        (json!(20), json!(31))
    );

    assert_eq!(
        get(&app, "/documents/0000").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, "/api/documents/0000").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn hostile_text_is_shown_as_text_never_as_markup() {
    let (_dir, _state, app) = fixture();
    let doc = casefile_model::DocumentId::from_content(b"raw bytes of the hostile page");
    let r = get(&app, &format!("/documents/{doc}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_security_headers(&r);
    assert!(r
        .body
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt;"));
    assert!(r
        .body
        .contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"));
    assert!(r
        .body
        .contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
    assert!(r.body.contains("examples/&lt;evil&gt;.html"));
    // No element is opened by ingested text: every '<' in the page starts one of our tags.
    assert!(!r.body.contains("<script"));
    assert!(!r.body.contains("<img"));
    for (i, _) in r.body.match_indices("onerror=") {
        let before = &r.body[..i];
        let last_lt = before.rfind('<').unwrap_or(0);
        let last_gt = before.rfind('>').unwrap_or(0);
        assert!(last_gt > last_lt, "onerror= inside a tag at {i}");
    }
    // The JSON API returns the text as data, unchanged.
    let v = get(&app, &format!("/api/documents/{doc}")).await.json();
    assert!(v["document"]["text"]
        .as_str()
        .unwrap()
        .contains(common::HOSTILE));
}

#[tokio::test]
async fn openapi_lists_every_path() {
    let (_dir, _state, app) = fixture();
    let r = get(&app, "/api/openapi.json").await;
    assert_eq!(r.status, StatusCode::OK);
    let v = r.json();
    assert_eq!(v["openapi"], "3.1.0");
    let paths = v["paths"].as_object().unwrap();
    let expected = [
        ("/", "get"),
        ("/search", "get"),
        ("/entities/{id}", "get"),
        ("/documents/{id}", "get"),
        ("/contradictions", "get"),
        ("/status", "get"),
        ("/static/style.css", "get"),
        ("/api/search", "get"),
        ("/api/entities/{id}", "get"),
        ("/api/documents/{id}", "get"),
        ("/api/contradictions", "get"),
        ("/api/status", "get"),
        ("/api/openapi.json", "get"),
        ("/api/reviews", "get"),
        ("/api/reviews", "post"),
        ("/api/reload", "post"),
    ];
    for (path, method) in expected {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} missing"
        );
    }
    let listed: usize = paths.values().map(|p| p.as_object().unwrap().len()).sum();
    assert_eq!(
        listed,
        expected.len(),
        "no path listed that the router lacks"
    );
    // Every path answers something other than 404/405 for its method (ids made up are 404 by
    // design, so they are checked in their own tests).
    for (path, method) in expected {
        if path.contains('{') || method != "get" {
            continue;
        }
        assert_eq!(get(&app, path).await.status, StatusCode::OK, "{path}");
    }
    // Every $ref resolves.
    let text = r.body;
    for (i, _) in text.match_indices("#/components/schemas/") {
        let rest = &text[i + "#/components/schemas/".len()..];
        let name = &rest[..rest.find('"').unwrap()];
        assert!(v["components"]["schemas"].get(name).is_some(), "{name}");
    }
}

#[tokio::test]
async fn reviews_need_a_token_and_are_recorded() {
    let (dir, _state, app) = fixture();
    let id = entity_id(&app, "Kozlov").await;
    let event = get(&app, &format!("/api/entities/{id}")).await.json()["events"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let review = json!({"target": event, "action": "correct_date", "value": "1998-04-07", "note": "the <b>police</b> log says the 7th"}).to_string();

    let r = post(&app, "/api/reviews", None, review.clone()).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        r.headers[header::WWW_AUTHENTICATE],
        "Bearer realm=\"casefile\""
    );
    assert_security_headers(&r);
    let r = post(&app, "/api/reviews", Some("cf_wrong"), review.clone()).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let basic = Request::post("/api/reviews")
        .header(header::AUTHORIZATION, "Basic YWRtaW46YWRtaW4=")
        .body(Body::from(review.clone()))
        .unwrap();
    assert_eq!(send(&app, basic).await.status, StatusCode::UNAUTHORIZED);

    let token = create_token(dir.path(), "alice").unwrap();
    let r = post(&app, "/api/reviews", Some(&token), review.clone()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let v = r.json();
    assert_eq!(v["user"], "alice");
    assert_eq!(v["action"], "correct_date");
    assert_eq!(v["value"], "1998-04-07");

    // Oversize → 413 before anything is read into a review.
    let big = format!(
        "{{\"target\":\"{event}\",\"action\":\"comment\",\"note\":\"{}\"}}",
        "x".repeat(100 * 1024)
    );
    let r = post(&app, "/api/reviews", Some(&token), big).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);

    // Bad bodies and values.
    let r = post(&app, "/api/reviews", Some(&token), "{not json").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = post(
        &app,
        "/api/reviews",
        Some(&token),
        json!({"target": event, "action": "delete_all"}).to_string(),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = post(
        &app,
        "/api/reviews",
        Some(&token),
        json!({"target": "evt-nope", "action": "confirm"}).to_string(),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = post(
        &app,
        "/api/reviews",
        Some(&token),
        json!({"target": event, "action": "correct_date", "value": "1998-02-30"}).to_string(),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = post(
        &app,
        "/api/reviews",
        Some(&token),
        json!({"target": event, "action": "confirm"}).to_string(),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);

    // Listed through the API, and kept in the store's review log with what the target was.
    let v = get(&app, &format!("/api/reviews?target={event}"))
        .await
        .json();
    let reviews = v["reviews"].as_array().unwrap();
    assert_eq!(reviews.len(), 2);
    assert_eq!(reviews[0]["note"], "the <b>police</b> log says the 7th");
    let conn = rusqlite::Connection::open(dir.path().join("casefile.sqlite")).unwrap();
    let (action, user, value, created): (String, String, String, String) = conn
        .query_row(
            "SELECT action, user, value, created_at FROM reviews ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!((action.as_str(), user.as_str()), ("correct_date", "alice"));
    assert_eq!(value, "\"1998-04-07\"");
    assert!(created.ends_with('Z'));
    let stored = SqliteStore::open(dir.path()).unwrap().reviews().unwrap();
    assert!(
        matches!(
            stored[0].anchor,
            Some(casefile_model::ReviewAnchor::Event { .. })
        ),
        "{:?}",
        stored[0].anchor
    );
}

#[tokio::test]
async fn reload_picks_up_new_documents() {
    let (dir, _state, app) = fixture();
    {
        let mut store = SqliteStore::open(dir.path()).unwrap();
        let raw = b"a third report";
        store
            .put(
                raw,
                &common::detention_document(raw, "Maria Petrova", PartialDate::y(2001)),
            )
            .unwrap();
        assert_eq!(store.document_count().unwrap(), 3);
    }
    assert_eq!(get(&app, "/api/search?q=Petrova").await.json()["total"], 0);
    assert_eq!(
        post(&app, "/api/reload", None, "").await.status,
        StatusCode::UNAUTHORIZED
    );
    let token = create_token(dir.path(), "bob").unwrap();
    let r = post(&app, "/api/reload", Some(&token), "").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["documents"], 3);
    let v = get(&app, "/api/search?q=Petrova&kind=entity").await.json();
    assert_eq!(v["hits"][0]["name"], "Maria Petrova");
}

#[tokio::test]
async fn unknown_addresses_are_404_with_headers() {
    let (_dir, _state, app) = fixture();
    let r = get(&app, "/nowhere/%3Cscript%3E").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_security_headers(&r);
    assert!(!r.body.contains("<script>"));
}

/// The names of the entities `q` finds, and the number of documents it finds.
async fn found(app: &Router, q: &str) -> (Vec<String>, u64) {
    let q = q
        .replace(' ', "%20")
        .replace(',', "%2C")
        .replace('"', "%22");
    let v = get(app, &format!("/api/search?q={q}&kind=entity"))
        .await
        .json();
    let mut names: Vec<String> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["name"].as_str().unwrap().to_string())
        .collect();
    names.sort();
    let docs = get(app, &format!("/api/search?q={q}&kind=document"))
        .await
        .json();
    (names, docs["total"].as_u64().unwrap())
}

#[tokio::test]
async fn search_requires_every_word_and_widens_only_words_the_record_lacks() {
    let dir = tempfile::tempdir().unwrap();
    common::build_store(dir.path());
    {
        let mut store = SqliteStore::open(dir.path()).unwrap();
        let raw = b"raw bytes of another detention";
        let olga = common::detention_document(raw, "Olga Kozlova", PartialDate::y(2001));
        store.put(raw, &olga).unwrap();
    }
    let app = router(AppState::open(dir.path()).unwrap());
    let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();

    // A name as written finds that name only: Kozlov is not Kozlova.
    assert_eq!(found(&app, "Kozlov").await, (names(&["Ivan Kozlov"]), 2));
    assert_eq!(found(&app, "Kozlova").await, (names(&["Olga Kozlova"]), 1));
    // A spelling nobody has finds the names one edit away.
    assert_eq!(found(&app, "Koslov").await.0, names(&["Ivan Kozlov"]));
    assert_eq!(found(&app, "Koslova").await.0, names(&["Olga Kozlova"]));
    // Every word is required, unless the query says OR; a clause of exclusions alone excludes
    // from everything; a word of punctuation is no word.
    assert_eq!(
        found(&app, "Ivan Kozlov").await,
        (names(&["Ivan Kozlov"]), 2)
    );
    assert_eq!(found(&app, "Kozlov released").await, (vec![], 1));
    assert_eq!(found(&app, "Kozlov detained").await, (vec![], 1));
    assert_eq!(found(&app, "Kozlov Kozlova").await, (vec![], 0));
    assert_eq!(
        found(&app, "Kozlov OR Kozlova").await,
        (names(&["Ivan Kozlov", "Olga Kozlova"]), 3)
    );
    let (everyone, all_documents) = found(&app, "").await;
    let (others, documents_without) = found(&app, "-Kozlov").await;
    assert_eq!(others.len(), everyone.len() - 1);
    assert!(!others.contains(&"Ivan Kozlov".to_string()));
    assert_eq!(documents_without, all_documents - 2);
    assert_eq!(found(&app, "Kozlov ,").await, found(&app, "Kozlov").await);
    // Quotes make a phrase: its words in that order.
    assert_eq!(found(&app, "\"detained in Almaty\"").await, (vec![], 2));
    assert_eq!(found(&app, "\"Almaty detained\"").await, (vec![], 0));
    assert_eq!(found(&app, "\"Olga Kozlova\" detained").await, (vec![], 1));
    assert_eq!(
        found(&app, "\"Olga Kozlova\"").await,
        (names(&["Olga Kozlova"]), 1)
    );

    // A name's entity comes before the reports, even one that repeats the name throughout.
    {
        let mut store = SqliteStore::open(dir.path()).unwrap();
        let raw = b"a report that names him again and again";
        let mut long = common::detention_document(raw, "Ivan Kozlov", PartialDate::y(2002));
        long.document.text.push_str(&" Kozlov".repeat(40));
        store.put(raw, &long).unwrap();
    }
    let app = router(AppState::open(dir.path()).unwrap());
    let v = get(&app, "/api/search?q=Kozlov").await.json();
    assert_eq!(v["hits"][0]["name"], "Ivan Kozlov", "{v}");
    assert_eq!(v["hits"][1]["kind"], "document", "{v}");
}

#[tokio::test]
async fn facets_count_event_types_years_and_countries_and_filter() {
    let dir = tempfile::tempdir().unwrap();
    common::build_store(dir.path());
    let store = SqliteStore::open(dir.path()).unwrap();
    let mut kb =
        casefile_resolve::resolve_reviewed(&store.analyses().unwrap(), &store.reviews().unwrap())
            .kb;
    let almaty = kb.entities.iter_mut().find(|e| e.name == "Almaty").unwrap();
    almaty.country = Some("KZ".into());
    let app = router(AppState::with_knowledge_base(dir.path(), kb).unwrap());

    // Kozlov, his detention report (Almaty, 1998) and the page about his (undated) release.
    let v = get(&app, "/api/search?q=Kozlov").await.json();
    assert_eq!(v["total"], 3);
    let facets = &v["facets"];
    assert_eq!(facets["event"]["detention"], 2, "{facets}");
    assert_eq!(facets["event"]["release"], 2, "{facets}");
    assert_eq!(
        facets["year"]["1998"], 2,
        "report published, detention dated: {facets}"
    );
    assert_eq!(
        facets["country"]["KZ"], 1,
        "the report mentions Almaty: {facets}"
    );
    assert_eq!(facets["kind"]["document"], 2);

    // Filtering by a facet value keeps only what carries it.
    let v = get(&app, "/api/search?q=Kozlov&event=release").await.json();
    assert_eq!(v["total"], 2);
    assert_eq!(v["filters"]["event"], "release");
    let kinds: Vec<&str> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"entity") && kinds.contains(&"document"),
        "{kinds:?}"
    );
    let v = get(&app, "/api/search?q=&country=KZ").await.json();
    let names: Vec<&str> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["name"].as_str().or(h["title"].as_str()).unwrap())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.contains(&"Almaty") && names.contains(&"Ivan Kozlov detained"));
    let v = get(&app, "/api/search?q=Kozlov&event=release&year=1998")
        .await
        .json();
    assert_eq!(v["total"], 1, "only Kozlov has both");

    // The page lists every dimension with links that add the filter, and shows active ones.
    let html = get(&app, "/search?q=Kozlov").await.body;
    for dim in ["kind", "type", "event", "year", "country", "publisher"] {
        assert!(
            html.contains(&format!("<ul data-facet=\"{dim}\">")),
            "{dim}"
        );
    }
    assert!(html.contains("href=\"/search?q=Kozlov&amp;event=release\""));
    assert!(html.contains("href=\"/search?q=Kozlov&amp;country=KZ\""));
    let html = get(&app, "/search?q=Kozlov&event=release").await.body;
    assert!(html.contains("2 matches"), "{html}");
    assert!(html.contains("title=\"remove this filter\">Event type: release ×</a>"));
}

#[tokio::test]
async fn a_long_case_file_is_paged_and_every_event_is_reachable() {
    let dir = tempfile::tempdir().unwrap();
    common::build_store(dir.path());
    let store = SqliteStore::open(dir.path()).unwrap();
    let mut kb =
        casefile_resolve::resolve_reviewed(&store.analyses().unwrap(), &store.reviews().unwrap())
            .kb;
    let kozlov = kb
        .entities
        .iter()
        .find(|e| e.name.contains("Kozlov"))
        .unwrap()
        .id
        .clone();
    let template = kb
        .events
        .iter()
        .find(|e| e.participants.iter().any(|p| p.entity == kozlov))
        .unwrap()
        .clone();
    let before = kb
        .events
        .iter()
        .filter(|e| e.participants.iter().any(|p| p.entity == kozlov))
        .count();
    for i in 0..240 {
        let mut ev = template.clone();
        ev.id = format!("{}-copy{i}", template.id);
        kb.events.push(ev);
    }
    let total = before + 240;
    let app = router(AppState::with_knowledge_base(dir.path(), kb).unwrap());
    let path = format!("/entities/{kozlov}");
    let listed = |html: &str| html.matches("<li id=\"").count();

    let first = get(&app, &path).await.body;
    assert_eq!(listed(&first), 100, "a page lists 100 events");
    assert!(first.contains(&format!("Events 1–100 of {total} · page 1 of 3")));
    assert!(first.contains(&format!("href=\"/entities/{kozlov}?page=2\">next</a>")));
    assert!(!first.contains(">previous</a>"));

    let last = get(&app, &format!("{path}?page=3")).await.body;
    assert_eq!(listed(&last), total - 200);
    assert!(last.contains("<ol class=\"events\" start=\"201\">"));
    assert!(last.contains(">previous</a>") && !last.contains(">next</a>"));
    // Past the end shows the last page rather than an empty one.
    let beyond = get(&app, &format!("{path}?page=99")).await.body;
    assert_eq!(listed(&beyond), total - 200);

    // Every event is on exactly one page.
    let mut seen = std::collections::HashSet::new();
    for page in [
        &first,
        &get(&app, &format!("{path}?page=2")).await.body,
        &last,
    ] {
        for part in page.split("<li id=\"").skip(1) {
            assert!(seen.insert(part.split('"').next().unwrap().to_string()));
        }
    }
    assert_eq!(seen.len(), total);
}

#[tokio::test]
async fn contradictions_queue_lists_both_passages_and_the_case_file_shows_them() {
    let dir = tempfile::tempdir().unwrap();
    common::build_store(dir.path());
    {
        let mut store = SqliteStore::open(dir.path()).unwrap();
        for (raw, published, words, iso) in [
            (
                &b"verdict one"[..],
                PartialDate::ymd(1998, 10, 9),
                "five years",
                "P5Y",
            ),
            (
                &b"verdict two"[..],
                PartialDate::ymd(1998, 10, 12),
                "six years",
                "P6Y",
            ),
        ] {
            let a = common::conviction_document(
                raw,
                "Ivan Kozlov",
                published.unwrap(),
                (words, iso),
                1998,
            );
            store.put(raw, &a).unwrap();
        }
    }
    let app = router(AppState::open(dir.path()).unwrap());

    let v = get(&app, "/api/contradictions").await.json();
    let list = v["contradictions"].as_array().unwrap();
    assert_eq!(list.len(), 1, "{v}");
    let c = &list[0];
    assert_eq!(c["field"], "sentence");
    assert_eq!(c["event_type"], "conviction");
    assert_eq!(c["participants"][0][1], "Ivan Kozlov");
    let values = [
        c["sides"][0]["value"].clone(),
        c["sides"][1]["value"].clone(),
    ];
    assert!(
        values.contains(&json!("P5Y")) && values.contains(&json!("P6Y")),
        "{c}"
    );
    assert_ne!(c["sides"][0]["document"], c["sides"][1]["document"]);

    // The page shows both passages, each linked to a marked passage of its document.
    let page = get(&app, "/contradictions").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("1 fact the sources state differently"));
    for side in c["sides"].as_array().unwrap() {
        let (doc, start, end) = (
            side["document"].as_str().unwrap(),
            side["start"].as_u64().unwrap(),
            side["end"].as_u64().unwrap(),
        );
        assert!(page
            .body
            .contains(&format!("<q>{}</q>", side["text"].as_str().unwrap())));
        assert!(page
            .body
            .contains(&format!("href=\"/documents/{doc}#c{start}-{end}\"")));
        let doc_page = get(&app, &format!("/documents/{doc}")).await.body;
        assert!(
            doc_page.contains(&format!("id=\"c{start}-{end}\"")),
            "anchor in {doc}"
        );
    }
    assert!(page.body.contains("<strong>5 years</strong>"));
    assert!(page.body.contains("<strong>6 years</strong>"));

    // The case file: the conviction is corroborated by both verdicts and flags the disagreement.
    let id = entity_id(&app, "Kozlov").await;
    let case = get(&app, &format!("/entities/{id}")).await.body;
    assert!(
        case.contains("data-sources=\"2\">corroborated by 2 sources"),
        "{case}"
    );
    assert!(case.contains("data-sources=\"1\">1 source"));
    assert!(case.contains("sources disagree on sentence"));
    assert!(case.contains("sentence 5 years") || case.contains("sentence 6 years"));
}

#[tokio::test]
async fn a_long_contradictions_queue_is_paged_and_every_contradiction_is_reachable() {
    let dir = tempfile::tempdir().unwrap();
    common::build_store(dir.path());
    // 105 verdicts years apart, each reported as five years by one source and six by another:
    // 105 contradictions, more than a page holds.
    const VERDICTS: i32 = 105;
    {
        let mut store = SqliteStore::open(dir.path()).unwrap();
        for year in 1900..1900 + VERDICTS {
            for (words, iso) in [("five years", "P5Y"), ("six years", "P6Y")] {
                let raw = format!("verdict of {year}: {iso}");
                let published = PartialDate::ymd(year, 10, 9).unwrap();
                let a = common::conviction_document(
                    raw.as_bytes(),
                    "Ivan Kozlov",
                    published,
                    (words, iso),
                    year,
                );
                store.put(raw.as_bytes(), &a).unwrap();
            }
        }
    }
    let app = router(AppState::open(dir.path()).unwrap());

    let first = get(&app, "/api/contradictions").await.json();
    assert_eq!(first["total"], VERDICTS, "{first}");
    assert_eq!(
        (first["page"].clone(), first["pages"].clone()),
        (json!(1), json!(2))
    );
    assert_eq!(first["contradictions"].as_array().unwrap().len(), 100);
    let second = get(&app, "/api/contradictions?page=2").await.json();
    assert_eq!(second["contradictions"].as_array().unwrap().len(), 5);
    // Past the end is the last page, not an empty one.
    assert_eq!(
        get(&app, "/api/contradictions?page=99").await.json(),
        second
    );

    // Each contradiction is on exactly one page, and every year's verdict is among them.
    let mut years = std::collections::BTreeSet::new();
    for page in [&first, &second] {
        for c in page["contradictions"].as_array().unwrap() {
            assert_eq!(c["field"], "sentence", "{c}");
            let date = c["date"].as_str().unwrap();
            assert!(years.insert(date[..4].to_string()), "{date} listed twice");
        }
    }
    assert_eq!(years.len(), VERDICTS as usize);

    let html = get(&app, "/contradictions").await.body;
    assert!(html.contains("105 facts the sources state differently"));
    assert!(
        html.contains("Contradictions 1–100 of 105 · page 1 of 2"),
        "{html}"
    );
    assert!(html.contains("href=\"/contradictions?page=2\">next</a>"));
    assert_eq!(html.matches("<ul class=\"sides\">").count(), 100);
    let html = get(&app, "/contradictions?page=2").await.body;
    assert!(html.contains("<ol class=\"contradictions\" start=\"101\">"));
    assert!(html.contains(">previous</a>") && !html.contains(">next</a>"));
    assert_eq!(html.matches("<ul class=\"sides\">").count(), 5);
}

#[tokio::test]
async fn status_lists_stored_documents_and_what_was_read() {
    let (dir, _state, app) = fixture();
    let v = get(&app, "/api/status").await.json();
    assert_eq!(v["stored"], 2);
    assert_eq!(v["in_record"], 2);
    assert!(v["last_ingest"].as_str().unwrap().ends_with('Z'));
    let docs = v["documents"].as_array().unwrap();
    let hostile = docs
        .iter()
        .find(|d| d["format"] == "html")
        .expect("the hostile page");
    assert!(hostile["warnings"]
        .as_array()
        .unwrap()
        .contains(&json!("no publication date stated")));
    let report = docs.iter().find(|d| d["format"] == "text").unwrap();
    assert_eq!(report["warnings"], json!([]));
    assert_eq!(report["events"], 1);
    assert_eq!(report["mentions"], 2);
    assert_eq!(
        report["raw_bytes"],
        "raw bytes of the detention report".len()
    );

    // Stored after the server read the store: listed, and flagged until a reload.
    {
        let mut store = SqliteStore::open(dir.path()).unwrap();
        let raw = b"a third report";
        let a = common::detention_document(raw, "Maria Petrova", PartialDate::y(2001));
        store.put(raw, &a).unwrap();
    }
    let v = get(&app, "/api/status").await.json();
    assert_eq!(v["stored"], 3);
    assert_eq!(v["in_record"], 2);
    let page = get(&app, "/status").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<strong>3</strong> documents stored"));
    assert!(page
        .body
        .contains("stored after the server last read the store: reload"));
    // The hostile title reaches the table only escaped.
    assert!(!page.body.contains("<script>alert"));
    assert!(page.body.contains("&lt;script&gt;alert(&#39;title&#39;)"));
}

#[tokio::test]
async fn status_pages_a_large_store_newest_first_and_counts_what_documents_lack() {
    let dir = tempfile::tempdir().unwrap();
    common::build_store(dir.path());
    {
        let mut store = SqliteStore::open(dir.path()).unwrap();
        for i in 0..203 {
            let raw = format!("report number {i}");
            let a = common::detention_document(
                raw.as_bytes(),
                &format!("Person Number{i}"),
                PartialDate::y(2001),
            );
            store.put(raw.as_bytes(), &a).unwrap();
        }
    }
    let app = router(AppState::open(dir.path()).unwrap());
    let v = get(&app, "/api/status").await.json();
    assert_eq!(
        (v["stored"].as_u64(), v["pages"].as_u64()),
        (Some(205), Some(3))
    );
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 100);
    assert_eq!(docs[0]["title"], "Person Number202 detained");
    assert_eq!(docs[99]["title"], "Person Number103 detained");
    // Only the hostile page states no publication date; every document has a title, a
    // publisher and an event.
    assert_eq!(
        v["gaps"],
        json!({ "no_published": 1, "no_publisher": 0, "no_title": 0, "no_events": 0 })
    );
    let last = get(&app, "/api/status?page=3").await.json();
    assert_eq!(last["documents"].as_array().unwrap().len(), 5);
    assert_eq!(last["documents"][4]["title"], "Ivan Kozlov detained");
    // Past the last page: the last page.
    let past = get(&app, "/api/status?page=99").await.json();
    assert_eq!(past["page"], 3);
    assert_eq!(past["documents"], last["documents"]);

    let page = get(&app, "/status?page=2").await.body;
    assert!(page.contains("Documents 101–200 of 205, newest first · page 2 of 3"));
    assert!(page.contains("<a href=\"/status?page=1\">newer</a>"));
    assert!(page.contains("<a href=\"/status?page=3\">older</a>"));
    assert!(page.contains("<strong>1</strong> without a publication date"));
    assert_eq!(page.matches("<tr><td>").count(), 100);
}

#[tokio::test]
async fn every_write_endpoint_needs_a_token_and_bodies_are_bounded() {
    let (dir, _state, app) = fixture();
    // The write endpoints are the ones the OpenAPI document marks with bearer security: a new
    // one is covered here as soon as it is described.
    let doc = get(&app, "/api/openapi.json").await.json();
    let mut writes = Vec::new();
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            if op.get("security").is_some() {
                writes.push((path.clone(), method.clone()));
            }
        }
    }
    assert!(writes.contains(&("/api/reviews".into(), "post".into())));
    assert!(writes.contains(&("/api/reload".into(), "post".into())));
    let id = entity_id(&app, "Kozlov").await;
    let body = json!({"target": id, "action": "comment", "note": "seen"}).to_string();
    for (path, method) in &writes {
        assert_eq!(method, "post", "{path}");
        for token in [None, Some("cf_0000"), Some("")] {
            let r = post(&app, path, token, body.clone()).await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{path} with {token:?}");
            assert!(!r.json()["error"].as_str().unwrap().is_empty());
            assert_security_headers(&r);
        }
    }
    let reviews = || async {
        get(&app, "/api/reviews").await.json()["reviews"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(reviews().await, 0, "nothing recorded without a token");

    // One byte over the limit is 413, with or without a token, and records nothing; just under
    // it the body is read (and refused for its note's length).
    let token = create_token(dir.path(), "carol").unwrap();
    let envelope = json!({"target": id, "action": "comment", "note": ""}).to_string();
    let note_len = |total: usize| total - envelope.len();
    let with_note =
        |n: usize| json!({"target": id, "action": "comment", "note": "x".repeat(n)}).to_string();
    let over = with_note(note_len(casefile_serve::MAX_BODY_BYTES + 1));
    assert_eq!(over.len(), casefile_serve::MAX_BODY_BYTES + 1);
    for t in [Some(token.as_str()), None] {
        let r = post(&app, "/api/reviews", t, over.clone()).await;
        assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "token {t:?}");
        assert_security_headers(&r);
    }
    let at_limit = with_note(note_len(casefile_serve::MAX_BODY_BYTES));
    let r = post(&app, "/api/reviews", Some(&token), at_limit).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.json()["error"].as_str().unwrap().contains("10,000"));
    assert_eq!(reviews().await, 0);
    let r = post(&app, "/api/reviews", Some(&token), body).await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(reviews().await, 1);
}

#[tokio::test]
async fn methods_parameters_and_errors_of_the_read_endpoints() {
    let (dir, _state, app) = fixture();
    // Wrong methods.
    for (method, path) in [
        ("GET", "/api/reload"),
        ("POST", "/api/search"),
        ("DELETE", "/api/reviews"),
        ("PUT", "/api/entities/x"),
        ("POST", "/search"),
    ] {
        let r = send(
            &app,
            Request::builder()
                .method(method)
                .uri(path)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
    }
    // Search: limit bounds the hits, a bad limit is 400, an empty query lists everything.
    let all = get(&app, "/api/search?q=").await.json();
    assert!(all["total"].as_u64().unwrap() >= 4, "{all}");
    let one = get(&app, "/api/search?q=Kozlov&limit=1").await.json();
    assert_eq!(one["hits"].as_array().unwrap().len(), 1);
    assert!(one["total"].as_u64().unwrap() > 1);
    let zero = get(&app, "/api/search?q=Kozlov&limit=0").await.json();
    assert_eq!(zero["hits"].as_array().unwrap().len(), 1, "clamped to 1");
    assert_eq!(
        get(&app, "/api/search?q=x&limit=many").await.status,
        StatusCode::BAD_REQUEST
    );
    // Unknown ids: 404 with a JSON error, whatever the id holds.
    for path in ["/api/entities/%3Cscript%3E", "/api/documents/..%2F..%2Fetc"] {
        let r = get(&app, path).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert!(r.json()["error"].is_string());
    }
    // Reviews: target and limit filters.
    let token = create_token(dir.path(), "dan").unwrap();
    let id = entity_id(&app, "Kozlov").await;
    for note in ["one", "two", "three"] {
        let body = json!({"target": id, "action": "comment", "note": note}).to_string();
        assert_eq!(
            post(&app, "/api/reviews", Some(&token), body).await.status,
            StatusCode::CREATED
        );
    }
    let v = get(&app, "/api/reviews?limit=2").await.json();
    let notes: Vec<&str> = v["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["note"].as_str().unwrap())
        .collect();
    assert_eq!(notes, ["one", "two"], "oldest first");
    assert_eq!(
        get(&app, "/api/reviews?target=nobody").await.json()["reviews"],
        json!([])
    );
    // Contradictions: none in this store; the stylesheet is CSS.
    assert_eq!(
        get(&app, "/api/contradictions").await.json()["contradictions"],
        json!([])
    );
    let css = get(&app, "/static/style.css").await;
    assert!(css.headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/css"));
    assert!(css.body.contains("mark:target"));
}

/// Sends a form-encoded body, as a page's review form does.
async fn post_form(app: &Router, uri: &str, fields: &[(&str, &str)]) -> Response {
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| {
            let enc: String = v
                .bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                        (b as char).to_string()
                    }
                    _ => format!("%{b:02X}"),
                })
                .collect();
            format!("{k}={enc}")
        })
        .collect();
    let request = Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.join("&")))
        .unwrap();
    send(app, request).await
}

#[tokio::test]
async fn the_pages_review_form_needs_a_token_records_and_shows_the_change() {
    let (dir, _state, app) = fixture();
    let id = entity_id(&app, "Kozlov").await;
    let page = get(&app, &format!("/entities/{id}")).await;
    assert!(
        page.body.contains("action=\"/reviews\""),
        "the case file offers review forms"
    );
    let event = get(&app, &format!("/api/entities/{id}")).await.json()["events"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let back = format!("/entities/{id}");
    let fields = |token: &'static str, back: &str| {
        vec![
            ("target", event.clone()),
            ("action", "correct_date".to_string()),
            ("value", "1997-11-03".to_string()),
            ("note", "court record".to_string()),
            ("token", token.to_string()),
            ("back", back.to_string()),
        ]
    };
    let send_fields = |v: Vec<(&'static str, String)>| {
        let app = app.clone();
        async move {
            let refs: Vec<(&str, &str)> = v.iter().map(|(k, s)| (*k, s.as_str())).collect();
            post_form(&app, "/reviews", &refs).await
        }
    };

    // No token, a wrong token: refused, nothing recorded.
    let r = send_fields(fields("", &back)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = send_fields(fields("cf_wrong", &back)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let state_dir = dir.path();
    assert!(SqliteStore::open(state_dir)
        .unwrap()
        .reviews()
        .unwrap()
        .is_empty());

    // A valid token: recorded for its user, the page shows the corrected date at once, and the
    // reviewer goes back to the page they came from.
    let token: &'static str = Box::leak(create_token(state_dir, "erin").unwrap().into_boxed_str());
    let r = send_fields(fields(token, &back)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.headers[header::LOCATION], back.as_str());
    let reviews = SqliteStore::open(state_dir).unwrap().reviews().unwrap();
    assert_eq!(reviews.len(), 1);
    assert_eq!(reviews[0].user, "erin");
    let v = get(&app, &format!("/api/entities/{id}")).await.json();
    let dates: Vec<&str> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["id"] == event.as_str())
        .filter_map(|e| e["date"].as_str())
        .collect();
    assert_eq!(dates, vec!["1997-11-03"]);

    // Another site as the way back is not followed; a bad value is shown as an error page.
    let r = send_fields(fields(token, "https://evil.example/")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.headers[header::LOCATION], "/");
    let mut bad = fields(token, &back);
    bad[2].1 = "1997-02-30".to_string();
    let r = send_fields(bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
}
