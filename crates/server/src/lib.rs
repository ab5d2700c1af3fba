//! The HTTP server: JSON API (OpenAPI at /api/openapi.json), web pages, health and metrics.

mod api;
mod board;
mod html;
mod kits;
mod jd;
mod observe;
mod search;
mod roles;
mod resumes;
mod screen;

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use hirekit_index::SearchIndex;
use hirekit_model::money::Rates;
use hirekit_store::Store;
use std::sync::Arc;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use api::ApiDoc;
pub use search::{salary_report_blocking, SalaryReport};
pub use jd::{publish_jd, PublishError, Published};

/// The whole OpenAPI document: each feature module contributes its own `#[derive(OpenApi)]`
/// part, merged here.
pub fn openapi() -> utoipa::openapi::OpenApi {
    use utoipa::OpenApi;
    let mut doc = ApiDoc::openapi();
    doc.merge(search::SearchDoc::openapi());
    doc.merge(roles::RolesDoc::openapi());
    doc.merge(kits::KitsDoc::openapi());
    doc.merge(jd::JdDoc::openapi());
    doc.merge(resumes::ResumesDoc::openapi());
    doc.merge(screen::ScreenDoc::openapi());
    doc
}

/// Largest request body accepted (uploads come later with their own, larger limit).
const MAX_BODY: usize = 1 << 20;

#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    /// This node's search index (it follows the store's change feed).
    pub index: SearchIndex,
    pub rates: Arc<Rates>,
    /// Sentence model for screening's semantic signal, when one was found at start.
    pub embedder: Option<Arc<dyn hirekit_screen::Embedder>>,
    /// How long one screening request may spend embedding resumes before it answers without
    /// the semantic signal (requests time out at 30 s, parsing comes first); the rest is
    /// embedded in the background.
    pub embed_budget: Duration,
    /// Set while a background task embeds what a request had no time for: one at a time, so
    /// a burst of large requests does not queue many.
    pub warming: Arc<std::sync::atomic::AtomicBool>,
}

impl AppState {
    pub fn new(store: Store, index: SearchIndex, rates: Rates) -> AppState {
        AppState { store, index, rates: Arc::new(rates), embedder: None, embed_budget: screen::EMBED_BUDGET, warming: Arc::default() }
    }

    /// Screens with this sentence model too (the semantic signal).
    pub fn with_embedder(mut self, e: Option<Arc<dyn hirekit_screen::Embedder>>) -> AppState {
        self.embedder = e;
        self
    }

    /// Sets [`AppState::embed_budget`].
    pub fn with_embed_budget(mut self, d: Duration) -> AppState {
        self.embed_budget = d;
        self
    }

    /// A state with an empty in-memory index (tests of pages that do not search).
    pub fn with_empty_index(store: Store) -> AppState {
        let rates = Rates::builtin();
        let index = SearchIndex::in_memory(rates.clone()).expect("an in-memory index can always be created");
        AppState::new(store, index, rates)
    }
}

/// The whole application as a router (tests drive it in-process).
pub fn router(state: AppState) -> Router {
    let metrics = observe::prometheus();
    Router::new()
        .merge(api::routes())
        .merge(search::routes())
        .merge(board::routes())
        .merge(html::routes())
        .merge(kits::routes())
        .merge(jd::routes())
        .merge(observe::routes(metrics))
        .merge(roles::routes())
        // The 1 MiB cap covers the routes above; uploads carry their own, larger one.
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        .merge(resumes::routes())
        .merge(screen::routes())
        .layer(axum::middleware::from_fn(observe::track))
        .layer(TraceLayer::new_for_http())
        .layer(TimeoutLayer::with_status_code(axum::http::StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30)))
        .with_state(state)
}

/// Serve until `shutdown` resolves, then finish in-flight requests.
pub async fn serve(state: AppState, addr: SocketAddr, shutdown: impl Future<Output = ()> + Send + 'static) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))?;
    serve_state(listener, state, shutdown).await
}

pub async fn serve_state(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let local = listener.local_addr()?;
    tracing::info!(addr = %local, "hirekit is serving on http://{local}/");
    axum::serve(listener, router(state)).with_graceful_shutdown(shutdown).await?;
    tracing::info!("server stopped");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}
