//! The JSON API, with the command line's contracts:
//!
//! | request | answer |
//! |---|---|
//! | `POST /api/score?filename=&top=&suggest=` (body: the résumé) | what `skillmatch score RESUME --format json` prints |
//! | `POST /api/explain?posting=ID&filename=` (body: the résumé) | what `skillmatch explain RESUME POSTINGS --posting ID --format json` prints |
//! | `GET /api/postings` | `{"count": N, "postings": [{"id", "title", "company", "location"}]}` |
//! | `GET /healthz` | 200 `ok` |
//!
//! The résumé's format comes from `filename`'s extension, else the
//! `Content-Type`, else its content. A problem is a 4xx or 5xx status
//! with `{"error": "…"}`, the message the command line would print.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::report::Format;

use super::problem::Problem;
use super::resume::{read_resume, MAX_UPLOAD_BYTES, UNNAMED};
use super::state::App;

/// `POST /api/score`'s query.
#[derive(Debug, Deserialize)]
pub struct ScoreQuery {
    filename: Option<String>,
    top: Option<usize>,
    suggest: Option<usize>,
}

/// `POST /api/explain`'s query.
#[derive(Debug, Deserialize)]
pub struct ExplainQuery {
    filename: Option<String>,
    posting: Option<String>,
}

/// JSON bytes as a 200 answer.
fn json(bytes: Vec<u8>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        bytes,
    )
        .into_response()
}

/// The body, or the problem receiving it: 413 over the limit.
fn body_of(body: Result<Bytes, BytesRejection>, name: Option<&str>) -> Result<Vec<u8>, Problem> {
    match body {
        Ok(bytes) => Ok(bytes.to_vec()),
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "{}: over the {MAX_UPLOAD_BYTES} byte limit for an upload",
                name.unwrap_or(UNNAMED)
            ),
        )),
        Err(e) => Err(Problem::new(e.status(), e.body_text())),
    }
}

/// The query, or 400 saying what is wrong with it.
fn query_of<T>(query: Result<Query<T>, QueryRejection>) -> Result<T, Problem> {
    query
        .map(|Query(q)| q)
        .map_err(|e| Problem::bad_request(e.body_text()))
}

/// The request's `Content-Type`, if it gave one that is text.
fn content_type(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// `POST /api/score`.
pub async fn score(
    State(app): State<&'static App>,
    query: Result<Query<ScoreQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let answer = async {
        let query = query_of(query)?;
        let bytes = body_of(body, query.filename.as_deref())?;
        let content_type = content_type(&headers);
        // The command line's defaults: --top 10, --suggest 5.
        let top = query.top.unwrap_or(10);
        let suggest = query.suggest.unwrap_or(5);
        app.run(move |catalog| {
            let (candidate, _) = read_resume(
                catalog,
                query.filename.as_deref(),
                content_type.as_deref(),
                bytes,
            )?;
            Ok(catalog.score(&candidate, top, suggest, Format::Json)?)
        })
        .await
    }
    .await;
    match answer {
        Ok(bytes) => json(bytes),
        Err(problem) => problem.into_response(),
    }
}

/// `POST /api/explain?posting=ID`.
pub async fn explain(
    State(app): State<&'static App>,
    query: Result<Query<ExplainQuery>, QueryRejection>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let answer = async {
        let query = query_of(query)?;
        let id = query
            .posting
            .as_deref()
            .ok_or_else(|| Problem::bad_request("name the posting: ?posting=ID"))?;
        let p = app
            .catalog
            .posting_position(id)
            .ok_or_else(|| Problem::not_found(format!("no posting with the id `{id}`")))?;
        let bytes = body_of(body, query.filename.as_deref())?;
        let content_type = content_type(&headers);
        app.run(move |catalog| {
            let (candidate, document) = read_resume(
                catalog,
                query.filename.as_deref(),
                content_type.as_deref(),
                bytes,
            )?;
            Ok(catalog.explain_report(p, &candidate, &document.text, Format::Json)?)
        })
        .await
    }
    .await;
    match answer {
        Ok(bytes) => json(bytes),
        Err(problem) => problem.into_response(),
    }
}

/// `GET /api/postings`.
pub async fn postings(State(app): State<&'static App>) -> Response {
    let postings = app.catalog.postings();
    let body = serde_json::json!({ "count": postings.len(), "postings": postings });
    match serde_json::to_vec(&body) {
        Ok(bytes) => json(bytes),
        Err(e) => Problem::internal(e.to_string()).into_response(),
    }
}

/// `GET /healthz`.
pub async fn healthz() -> &'static str {
    "ok\n"
}

/// `rank` rows as CSV, with the header `rank` writes.
pub fn rows_csv(rows: &[Vec<String>]) -> Result<Vec<u8>, Problem> {
    let mut csv = csv::Writer::from_writer(Vec::new());
    let written = csv
        .write_record(crate::report::csv::RANK_COLUMNS)
        .and_then(|()| rows.iter().try_for_each(|row| csv.write_record(row)));
    written.map_err(|e| Problem::internal(e.to_string()))?;
    csv.into_inner()
        .map_err(|e| Problem::internal(e.to_string()))
}

/// `rank` rows as a JSON array of objects keyed by its columns.
pub fn rows_json(rows: &[Vec<String>]) -> Vec<u8> {
    let objects: Vec<serde_json::Map<String, serde_json::Value>> = rows
        .iter()
        .map(|row| {
            crate::report::csv::RANK_COLUMNS
                .iter()
                .zip(row)
                .map(|(k, v)| ((*k).to_string(), serde_json::Value::String(v.clone())))
                .collect()
        })
        .collect();
    let mut bytes = serde_json::to_vec_pretty(&objects).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
