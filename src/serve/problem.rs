//! A request that cannot be answered: an HTTP status and the message a
//! person reads, the same words the command line would print for the same
//! input. The API returns it as JSON (`{"error": "…"}`); pages show it in
//! the page.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// A status and its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The HTTP status.
    pub status: StatusCode,
    /// What went wrong, for a person.
    pub message: String,
}

impl Problem {
    /// A problem with `status` and `message`.
    pub fn new(status: StatusCode, message: impl Into<String>) -> Problem {
        Problem {
            status,
            message: message.into(),
        }
    }

    /// 400: the request itself is malformed (a bad query parameter).
    pub fn bad_request(message: impl Into<String>) -> Problem {
        Problem::new(StatusCode::BAD_REQUEST, message)
    }

    /// 404: no such posting, candidate or upload.
    pub fn not_found(message: impl Into<String>) -> Problem {
        Problem::new(StatusCode::NOT_FOUND, message)
    }

    /// 422: the upload was received but cannot be read as a résumé.
    pub fn unreadable(message: impl Into<String>) -> Problem {
        Problem::new(StatusCode::UNPROCESSABLE_ENTITY, message)
    }

    /// 500: something failed that the request did not cause.
    pub fn internal(message: impl Into<String>) -> Problem {
        Problem::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<super::catalog::ServeError> for Problem {
    fn from(e: super::catalog::ServeError) -> Problem {
        Problem::internal(e.to_string())
    }
}

impl From<crate::Error> for Problem {
    fn from(e: crate::Error) -> Problem {
        Problem::internal(e.to_string())
    }
}

/// The API's form of a problem: its status, and `{"error": message}`.
impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": self.message });
        (self.status, axum::Json(body)).into_response()
    }
}
