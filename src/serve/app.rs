//! The router, the layers every answer passes through, and the server's
//! life: bind, print the address, answer until Ctrl-C or SIGTERM, then
//! finish the requests under way and stop.
//!
//! Every answer gets the security headers: a content security policy that
//! allows the server's own style sheet and nothing else (no script at
//! all, no other origin, no framing, forms posting only here),
//! `X-Content-Type-Options: nosniff`, no referrer, and `Cache-Control:
//! no-store`, since pages hold résumés. Bodies over 10 MiB get 413, a
//! request taking over the timeout 408.

use std::net::SocketAddr;
use std::time::Instant;

use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use super::layout;
use super::resume::MAX_UPLOAD_BYTES;
use super::state::App;
use super::{api, pages};

/// The content security policy of every answer.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Room for a form's boundaries and pasted text beside a file at the
/// upload limit.
const FORM_OVERHEAD: usize = 1024 * 1024;

/// The whole app: pages, API, style sheet, and the layers.
pub fn router(app: &'static App) -> Router {
    let routes = Router::new()
        .route("/", get(pages::start))
        .route("/upload", post(pages::upload))
        .route("/r/{token}", get(pages::ranking))
        .route("/r/{token}/explain", get(pages::explanation))
        .route("/r/{token}/{file}", get(pages::upload_download))
        .route("/postings", get(pages::postings))
        .route("/candidates", get(pages::candidates))
        .route("/{file}", get(pages::candidates_download))
        .route("/explain", get(pages::candidate_explanation))
        .route(layout::CSS_PATH, get(style_sheet))
        .route("/api/score", post(api::score))
        .route("/api/explain", post(api::explain))
        .route("/api/postings", get(api::postings))
        .route("/healthz", get(api::healthz))
        .fallback(pages::not_found)
        .with_state(app);
    let header = |name, value: &'static str| {
        SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
    };
    routes
        .layer(DefaultBodyLimit::max(MAX_UPLOAD_BYTES + FORM_OVERHEAD))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            app.limits.request_timeout,
        ))
        .layer(middleware::from_fn_with_state(app, log_request))
        .layer(header(
            header::CONTENT_SECURITY_POLICY,
            CONTENT_SECURITY_POLICY,
        ))
        .layer(header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header(header::REFERRER_POLICY, "no-referrer"))
        .layer(header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(header(header::CACHE_CONTROL, "no-store"))
}

/// `GET /assets/app.css`.
async fn style_sheet() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/css; charset=utf-8"),
        )],
        layout::style_sheet(),
    )
        .into_response()
}

/// Logs one line per request on stderr: method, route (the pattern, so
/// no token or id), status and time. Never a query or a body.
async fn log_request(State(app): State<&'static App>, request: Request, next: Next) -> Response {
    if !app.log {
        return next.run(request).await;
    }
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "(no route)".to_string(), |m| m.as_str().to_string());
    let started = Instant::now();
    let response = next.run(request).await;
    eprintln!(
        "skillmatch: {method} {route} {} {:.1} ms",
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    response
}

/// Answers on `listener` until `shutdown` completes, then lets the
/// requests under way finish.
pub async fn serve(
    app: &'static App,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(app))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Ctrl-C, or SIGTERM where there is one: what stops the server.
pub async fn stop_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

/// Is `addr` reachable only from this machine?
pub fn is_loopback(addr: &SocketAddr) -> bool {
    addr.ip().is_loopback()
}
