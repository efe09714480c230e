//! casefile's web app and HTTP API.
//!
//! [`serve`] opens a store, builds the [`KnowledgeBase`] with `casefile_resolve`, brings the tantivy
//! index of its documents and entities in `STORE/index/` up to date with it ([`update_index`];
//! `casefile reindex` rebuilds it from scratch with [`reindex`]), and answers on loopback (or
//! wherever told). The
//! pages work without JavaScript; every piece of ingested text is HTML-escaped ([`html`]), and a
//! strict Content-Security-Policy, `nosniff` and `no-referrer` go on every response. Writes
//! (`POST /api/reviews`, `POST /api/reload`) need `Authorization: Bearer TOKEN`, where the token's
//! SHA-256 is listed in `STORE/tokens` ([`create_token`]).
//!
//! The store may also be PostgreSQL ([`serve_spec`], [`AppState::open_spec`]); then `STORE` above
//! is a local folder chosen by the caller (the CLI's `--local`, by default a folder per database
//! under the user's cache folder), since the index and the tokens are files.
//!
//! [`router`] is the whole application as an [`axum::Router`], so tests drive it without a socket.

// The OpenAPI document is one nested `json!` literal.
#![recursion_limit = "512"]

mod api;
mod facets;
pub mod html;
mod pages;
mod queues;
mod reviews;
mod search;
mod snapshot;

pub use casefile_model::{Review, ReviewAction, ReviewInput};
pub use reviews::{create_token, has_tokens};
pub use search::IndexSync;
pub use snapshot::Snapshot;

use anyhow::Context;
use axum::extract::DefaultBodyLimit;
use axum::http::header::{self, HeaderValue};
use axum::http::Request;
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use casefile_model::KnowledgeBase;
use casefile_store::{AnyStore, StoreSpec};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

/// The largest request body accepted (larger → 413 Payload Too Large).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// The Content-Security-Policy sent with every response: only our own scripts, styles and images
/// (plus `data:` images), no plugins, no `<base>`, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// What every request handler shares: the current [`Snapshot`] (knowledge base and search index),
/// the store folder, and the review log.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    /// The local folder: search index and tokens (for SQLite, the store folder itself).
    store_dir: PathBuf,
    /// Where the store is.
    spec: StoreSpec,
    snapshot: RwLock<Arc<Snapshot>>,
    /// The store, open for the review log and the change counter (reads of documents go
    /// through snapshots).
    store: Mutex<OffRuntime>,
    /// The store's change counter when the current snapshot began to be read.
    seen: AtomicU64,
}

/// How often `casefile serve` looks at the store's change counter, by default.
pub const DEFAULT_FOLLOW: Duration = Duration::from_secs(5);

/// The open store, dropped off the async threads: the PostgreSQL client runs a small runtime of
/// its own, which panics when shut down inside another.
pub(crate) struct OffRuntime(Option<AnyStore>);

impl std::ops::Deref for OffRuntime {
    type Target = AnyStore;
    fn deref(&self) -> &AnyStore {
        self.0
            .as_ref()
            .expect("the store is only taken when dropped")
    }
}

impl std::ops::DerefMut for OffRuntime {
    fn deref_mut(&mut self) -> &mut AnyStore {
        self.0
            .as_mut()
            .expect("the store is only taken when dropped")
    }
}

impl Drop for OffRuntime {
    fn drop(&mut self) {
        if let Some(store @ AnyStore::Postgres(_)) = self.0.take() {
            if tokio::runtime::Handle::try_current().is_ok() {
                // A plain thread is outside every runtime.
                let _ = std::thread::spawn(move || drop(store)).join();
            }
        }
    }
}

impl AppState {
    /// Opens the store at `store_dir` and builds the knowledge base (with the store's review log
    /// applied) and the search index.
    pub fn open(store_dir: &Path) -> anyhow::Result<AppState> {
        AppState::open_spec(&StoreSpec::Sqlite(store_dir.to_path_buf()), store_dir)
    }

    /// Opens the store `spec` names (SQLite or PostgreSQL), keeping the search index and tokens
    /// in `local_dir`, and builds the knowledge base and the search index.
    pub fn open_spec(spec: &StoreSpec, local_dir: &Path) -> anyhow::Result<AppState> {
        let (changes, snapshot, conflicts) = load_snapshot(spec, local_dir)?;
        let state = AppState::with_snapshot(spec, local_dir, snapshot.with_conflicts(conflicts))?;
        state.inner.seen.store(changes, Ordering::SeqCst);
        Ok(state)
    }

    /// A state over a knowledge base already built (tests, or a caller that resolved it itself),
    /// searched in RAM; `store_dir` still holds the review log and the tokens.
    pub fn with_knowledge_base(store_dir: &Path, kb: KnowledgeBase) -> anyhow::Result<AppState> {
        let snapshot = Snapshot::build(kb).context("cannot build the search index")?;
        AppState::with_snapshot(
            &StoreSpec::Sqlite(store_dir.to_path_buf()),
            store_dir,
            snapshot,
        )
    }

    fn with_snapshot(
        spec: &StoreSpec,
        local_dir: &Path,
        snapshot: Snapshot,
    ) -> anyhow::Result<AppState> {
        let store = spec
            .open()
            .with_context(|| format!("cannot open the store at {spec}"))?;
        Ok(AppState {
            inner: Arc::new(Inner {
                store_dir: local_dir.to_path_buf(),
                spec: spec.clone(),
                snapshot: RwLock::new(Arc::new(snapshot)),
                store: Mutex::new(OffRuntime(Some(store))),
                seen: AtomicU64::new(0),
            }),
        })
    }

    /// The current snapshot. Cheap: a reference count; a reload swaps it without disturbing
    /// requests that hold the old one.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        // A poisoned lock only means a panic elsewhere while swapping an Arc: the value is whole.
        self.inner
            .snapshot
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Rebuilds the knowledge base and index from the store (blocking; run it off the async
    /// threads) and swaps them in. Returns the number of documents.
    pub fn reload(&self) -> anyhow::Result<usize> {
        let (changes, snapshot, conflicts) =
            load_snapshot(&self.inner.spec, &self.inner.store_dir)?;
        let snapshot = Arc::new(snapshot.with_conflicts(conflicts));
        let n = snapshot.kb.documents.len();
        *self
            .inner
            .snapshot
            .write()
            .unwrap_or_else(|e| e.into_inner()) = snapshot;
        self.inner.seen.store(changes, Ordering::SeqCst);
        Ok(n)
    }

    /// Follows the store: when its change counter moved since the current snapshot was read
    /// (another process stored a document, re-read one, recorded a review), reloads as
    /// [`AppState::reload`] does, which brings the search index up to date, and returns the
    /// number of documents; `None` when nothing changed. Blocking; run it off the async threads.
    /// A store whose server went away (a PostgreSQL restart) is opened again.
    pub fn follow(&self) -> anyhow::Result<Option<usize>> {
        use casefile_store::Store;
        let changes = {
            let mut store = self.store();
            match store.changes() {
                Ok(n) => n,
                Err(e) if e.is_connection_lost() => {
                    let spec = &self.inner.spec;
                    let fresh = spec
                        .open()
                        .with_context(|| format!("cannot open the store at {spec} again"))?;
                    *store = OffRuntime(Some(fresh));
                    store.changes()?
                }
                Err(e) => return Err(e.into()),
            }
        };
        if changes == self.inner.seen.load(Ordering::SeqCst) {
            return Ok(None);
        }
        self.reload().map(Some)
    }

    /// The local folder: the search index and the tokens (for SQLite, the store folder).
    pub fn store_dir(&self) -> &Path {
        &self.inner.store_dir
    }

    /// Where the store is.
    pub fn spec(&self) -> &StoreSpec {
        &self.inner.spec
    }

    pub(crate) fn store(&self) -> std::sync::MutexGuard<'_, OffRuntime> {
        self.inner.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// [`AppState::document_text`] off the async threads.
    pub(crate) async fn text_of(&self, snapshot: &Arc<Snapshot>, id: &str) -> Option<String> {
        let (state, snapshot, id) = (self.clone(), snapshot.clone(), id.to_string());
        tokio::task::spawn_blocking(move || state.document_text(&snapshot, &id))
            .await
            .ok()
            .flatten()
    }

    /// The clean texts of the documents `ids` of `snapshot`, in their order: from their records
    /// when those carry texts, else read from the store together, in one round trip for a server
    /// store (blocking: call it off the async threads). `None` for a document the snapshot does
    /// not know, or when the store cannot be read (logged).
    pub(crate) fn document_texts(&self, snapshot: &Snapshot, ids: &[&str]) -> Vec<Option<String>> {
        use casefile_store::Store;
        let records: Vec<Option<&casefile_model::DocumentRecord>> =
            ids.iter().map(|id| snapshot.document(id)).collect();
        if snapshot.texts_in_record() {
            return records.iter().map(|d| d.map(|d| d.text.clone())).collect();
        }
        let known: Vec<casefile_model::DocumentId> =
            records.iter().flatten().map(|d| d.id.clone()).collect();
        let mut texts = match self.store().texts(&known) {
            Ok(texts) => texts.into_iter(),
            Err(e) => {
                let known: Vec<&str> = known.iter().map(|id| id.as_str()).collect();
                eprintln!("cannot read the text of {}: {e}", known.join(", "));
                return vec![None; ids.len()];
            }
        };
        records
            .iter()
            .map(|d| d.and_then(|_| texts.next().flatten()))
            .collect()
    }

    /// [`AppState::document_texts`] of one document.
    pub(crate) fn document_text(&self, snapshot: &Snapshot, id: &str) -> Option<String> {
        self.document_texts(snapshot, &[id]).pop().flatten()
    }
}

/// The search index's folder in a store.
pub fn index_dir(store_dir: &Path) -> PathBuf {
    store_dir.join("index")
}

fn index_error(store_dir: &Path) -> String {
    format!(
        "cannot bring the search index {} up to date (is another casefile writing it?)",
        index_dir(store_dir).display()
    )
}

/// Brings the search index of the store at `store_dir` up to date with `kb` (the store's resolved
/// record, with its texts): what changed is re-indexed, the rest kept. Creates the index when
/// absent.
pub fn update_index(store_dir: &Path, kb: &KnowledgeBase) -> anyhow::Result<IndexSync> {
    let (_, sync) =
        search::SearchIndex::open_dir(&index_dir(store_dir), kb, &search::text_in_record)
            .with_context(|| index_error(store_dir))?;
    Ok(sync)
}

/// Deletes the search index of the store at `store_dir` and builds it again from `kb`.
pub fn reindex(store_dir: &Path, kb: &KnowledgeBase) -> anyhow::Result<IndexSync> {
    let dir = index_dir(store_dir);
    if dir.exists() {
        std::fs::remove_dir_all(&dir)
            .with_context(|| format!("cannot delete {}", dir.display()))?;
    }
    update_index(store_dir, kb)
}

/// Streams every analysis and reads the review log in the store and resolves them, as
/// `casefile export` does (keeping the conflicts found on the way, as `casefile conflicts` does)
/// but without the documents' texts, which stay in the store; then brings the search index in
/// `local_dir` up to date, reading the texts one at a time.
/// Also returns the store's change counter, read first: a change that lands while the store is
/// read is then seen again by the next [`AppState::follow`].
fn load_snapshot(
    spec: &StoreSpec,
    local_dir: &Path,
) -> anyhow::Result<(u64, Snapshot, Vec<casefile_resolve::Conflict>)> {
    use casefile_store::Store;
    let store = spec
        .open()
        .with_context(|| format!("cannot open the store at {spec}"))?;
    let changes = store.changes()?;
    let reviews = store.reviews()?;
    let resolution = resolve_store(&store, &reviews, false)?;
    let (snapshot, _) = Snapshot::build_from_store(resolution.kb, &index_dir(local_dir), &store)
        .with_context(|| index_error(local_dir))?;
    Ok((changes, snapshot, resolution.conflicts))
}

/// Resolves every analysis in `store`, streamed one at a time, with `reviews` applied. The record
/// keeps the documents' texts when `texts` (what an export writes); without, a reader fetches a
/// text from the store when it needs one, as the server does.
pub fn resolve_store(
    store: &dyn casefile_store::Store,
    reviews: &[Review],
    texts: bool,
) -> casefile_store::Result<casefile_resolve::Resolution> {
    let mut resolver = if texts {
        casefile_resolve::Resolver::new()
    } else {
        casefile_resolve::Resolver::without_texts()
    };
    store.for_each_analysis(&mut |a| {
        resolver.add(a);
        Ok(())
    })?;
    Ok(resolver.finish(reviews))
}

/// The application: every page and API endpoint, the body limit and the security headers.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::home))
        .route("/search", get(pages::search))
        .route("/entities/{id}", get(pages::entity))
        .route("/documents/{id}", get(pages::document))
        .route("/contradictions", get(pages::contradictions))
        .route("/status", get(pages::status))
        .route("/static/style.css", get(pages::stylesheet))
        .route("/api/search", get(api::search))
        .route("/api/entities/{id}", get(api::entity))
        .route("/api/documents/{id}", get(api::document))
        .route("/api/contradictions", get(api::contradictions))
        .route("/api/status", get(api::status))
        .route("/api/openapi.json", get(api::openapi))
        .route(
            "/api/reviews",
            post(api::post_review).get(api::list_reviews),
        )
        .route("/api/reload", post(api::reload))
        .route("/reviews", post(api::post_review_form))
        .fallback(pages::not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn(security_headers))
        .with_state(state)
}

/// Adds the security headers to every response, errors and 404s included.
async fn security_headers(request: Request<axum::body::Body>, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

/// Serves the store at `store_dir` on `addr` until Ctrl-C.
///
/// On the first start with no tokens in `STORE/tokens`, creates one for the user `admin` and
/// prints it once to standard error.
pub async fn serve(store_dir: PathBuf, addr: SocketAddr) -> anyhow::Result<()> {
    serve_spec(
        StoreSpec::Sqlite(store_dir.clone()),
        store_dir,
        addr,
        Some(DEFAULT_FOLLOW),
    )
    .await
}

/// [`serve`] for a store given by spec (a folder or a `postgres://` URL), with the search index
/// and the tokens in `local_dir`, looking at the store's change counter every `follow` (none:
/// never) to take in what other processes stored ([`AppState::follow`]).
pub async fn serve_spec(
    spec: StoreSpec,
    local_dir: PathBuf,
    addr: SocketAddr,
    follow: Option<Duration>,
) -> anyhow::Result<()> {
    let listener =
        std::net::TcpListener::bind(addr).with_context(|| format!("cannot listen on {addr}"))?;
    serve_listener_spec(spec, local_dir, listener, follow).await
}

/// [`serve`] on a listener already bound (tests bind `127.0.0.1:0` and read the port).
pub async fn serve_listener(
    store_dir: PathBuf,
    listener: std::net::TcpListener,
) -> anyhow::Result<()> {
    serve_listener_spec(
        StoreSpec::Sqlite(store_dir.clone()),
        store_dir,
        listener,
        Some(DEFAULT_FOLLOW),
    )
    .await
}

/// [`serve_listener`] for a store given by spec, with the index and tokens in `local_dir`,
/// following the store every `follow` as [`serve_spec`] does.
pub async fn serve_listener_spec(
    spec: StoreSpec,
    local_dir: PathBuf,
    listener: std::net::TcpListener,
    follow: Option<Duration>,
) -> anyhow::Result<()> {
    let dir = local_dir.clone();
    let opened = spec.clone();
    let state = tokio::task::spawn_blocking(move || -> anyhow::Result<AppState> {
        let state = AppState::open_spec(&opened, &dir)?;
        if !has_tokens(&dir)? {
            let token = create_token(&dir, "admin")
                .with_context(|| format!("cannot write {}", dir.join("tokens").display()))?;
            eprintln!(
                "created an API token for user 'admin' (shown once; its hash is in {}):\n{token}",
                dir.join("tokens").display()
            );
        }
        Ok(state)
    })
    .await??;
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let addr = listener.local_addr()?;
    eprintln!(
        "casefile: serving {} documents from {} on http://{addr}/",
        state.snapshot().kb.documents.len(),
        spec
    );
    if let Some(every) = follow.filter(|d| !d.is_zero()) {
        tokio::spawn(follow_store(state.clone(), every));
    }
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            // No signal handler (rare platforms) → run until killed.
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        })
        .await
        .context("the server stopped")
}

/// Every `every`, [`AppState::follow`] off the async threads; a failure is said in one line and
/// tried again at the next tick (the server keeps serving the snapshot it has).
async fn follow_store(state: AppState, every: Duration) {
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    tick.tick().await; // the first tick is at once; the snapshot is fresh
    loop {
        tick.tick().await;
        let s = state.clone();
        match tokio::task::spawn_blocking(move || s.follow()).await {
            Ok(Ok(Some(n))) => {
                eprintln!("casefile: the store changed; serving {n} documents")
            }
            Ok(Ok(None)) | Err(_) => {}
            Ok(Err(e)) => eprintln!("casefile: cannot follow the store: {e:#}"),
        }
    }
}

/// [`serve_spec`] on a runtime of its own, for callers without one (the CLI).
pub fn serve_blocking(
    spec: StoreSpec,
    local_dir: PathBuf,
    addr: SocketAddr,
    follow: Option<Duration>,
) -> anyhow::Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?
        .block_on(serve_spec(spec, local_dir, addr, follow))
}
