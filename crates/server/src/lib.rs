//! HTTP API over the store, and the dashboard.
//!
//! [`router`] builds the axum app: JSON endpoints under `/api` (documented by the
//! OpenAPI 3.1 description served at `/api/openapi.json`, see [`OPENAPI_JSON`] and
//! `docs/API.md`) and the dashboard (`web/`, embedded) at `/` and `/assets/{file}`.
//!
//! - `GET /api/reports`: full-text search and filters (dates, outlet, actor), newest
//!   first, cursor pages;
//! - `GET /api/reports/{id}`: one report with its text, sentences, span layers and
//!   near-duplicates (`id` may be a unique prefix of at least 4 hex digits);
//! - `GET /api/spans?layer=…`: spans of one layer across reports as JSON, JSON Lines
//!   or CSV, with each span's report, date and sentence;
//! - `GET /api/actors`: the actors mentioned across reports, grouped by id, with
//!   mention and report counts (filters: name or id, kind, country, dates);
//! - `GET /api/claims`: who said what, with which stance, when, in which report (filters:
//!   about an actor, by a speaker, stance, dates, report), as JSON, JSON Lines or CSV;
//! - `GET /api/events`: PLOVER-coded events with actors, place, date, figures and
//!   indicators (filters: type, actor, country, border and km, bbox, indicator, dates,
//!   status), as JSON, JSON Lines, CSV or GeoJSON;
//! - `GET /api/contradictions`: pairs of claims that contradict each other, with why;
//! - `GET /api/figures?subject=…`: every figure given for an actor, by date;
//! - `GET /api/duplicates`, `GET /api/stats`;
//! - `GET /api/geo/countries`, `GET /api/geo/borders?pair=AFG-TJK`: boundary geometry
//!   as GeoJSON for the offline map;
//! - `POST /api/reports`: submit a report (text, HTML or JSON); only with a configured
//!   write token presented as `Authorization: Bearer …`, read-only otherwise.
//!
//! Every error is JSON `{"error": {"code", "message"}}` ([`ApiError`]). Queries run on
//! blocking threads over a small pool of read-only SQLite connections; one writer
//! connection takes submissions (see [`AppState`]).
//!
//! ```no_run
//! # async fn run() -> Result<(), spillover_server::ServerError> {
//! use spillover_server::{serve, ServerConfig};
//! serve(ServerConfig::new("spillover.db".into(), "127.0.0.1:8080".parse().unwrap())).await
//! # }
//! ```

mod api;
mod csv;
mod error;
mod geo;
mod page;
mod params;
mod state;

pub use api::{MAX_BODY_BYTES, OPENAPI_JSON};
pub use csv::{claims as claims_csv, CLAIM_COLUMNS, SPAN_COLUMNS};
pub use error::{ApiError, ServerError};
pub use state::AppState;

use axum::extract::DefaultBodyLimit;
use axum::http::{Method, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;

/// What `spillover serve` needs.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The SQLite database (created if missing).
    pub db: PathBuf,
    /// Where to listen.
    pub addr: SocketAddr,
    /// The token `POST /api/reports` requires; `None` makes the server read-only.
    pub write_token: Option<String>,
}

impl ServerConfig {
    /// A read-only server of `db` on `addr`.
    pub fn new(db: PathBuf, addr: SocketAddr) -> ServerConfig {
        ServerConfig {
            db,
            addr,
            write_token: None,
        }
    }
}

/// Every API route as (method, path template), in the form the OpenAPI description uses.
pub fn routes() -> Vec<(Method, &'static str)> {
    api::table()
        .into_iter()
        .map(|(path, method, _)| (method, path))
        .collect()
}

/// The whole app over `state`.
pub fn router(state: AppState) -> Router {
    let mut app = Router::new();
    for (path, _, handler) in api::table() {
        app = app.route(path, handler);
    }
    app.route("/", get(page::index))
        .route("/assets/{file}", get(page::asset))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state)
}

async fn not_found(uri: Uri) -> Response {
    if uri.path() == "/api" || uri.path().starts_with("/api/") {
        let path: String = uri.path().chars().take(200).collect();
        ApiError::NotFound(format!("no API route {path}")).into_response()
    } else {
        page::not_found().into_response()
    }
}

async fn method_not_allowed() -> Response {
    ApiError::MethodNotAllowed.into_response()
}

/// Binds `config.addr` and serves until Ctrl-C or SIGTERM. Prints nothing; a caller that
/// wants to announce the address binds a listener itself and calls
/// [`serve_with_listener`].
pub async fn serve(config: ServerConfig) -> Result<(), ServerError> {
    let state = AppState::open(&config.db, config.write_token.clone())?;
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|source| ServerError::Bind {
            addr: config.addr,
            source,
        })?;
    serve_with_listener(listener, state, shutdown_signal()).await
}

/// Serves on a bound listener (e.g. `127.0.0.1:0`, whose port
/// `listener.local_addr()` tells) until `shutdown` completes, then finishes the
/// requests in flight.
pub async fn serve_with_listener(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(ServerError::Serve)
}

/// Completes on Ctrl-C, or on SIGTERM on Unix.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        // If the handler cannot be installed, only SIGTERM (or killing) stops the server.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
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
        () = ctrl_c => {},
        () = term => {},
    }
}
