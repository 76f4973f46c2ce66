//! `skillmatch serve`: the recruiter's spot check in a browser, on this
//! machine. A small web app on the same library as the command line:
//! upload or paste a résumé, see the postings it fits, open one and read
//! why, requirement by requirement; with candidates loaded, see a
//! posting's best candidates. A JSON API gives the command line's JSON
//! for the same inputs.
//!
//! * [`catalog`] holds what is read once at start (taxonomy, postings,
//!   candidates) and answers every question through the library.
//! * [`resume`] reads an uploaded résumé as the command line reads a file.
//! * [`uploads`] keeps uploaded résumés in memory under random tokens.
//! * [`state`] is what requests share, and the limit on work at once.
//! * [`pages`] and [`layout`] are the HTML; [`api`] the JSON.
//! * [`app`] is the router, the security headers, and the server's life.
//!
//! Pages are rendered on the server and carry no script; résumés are
//! never written to disk nor logged.

pub mod api;
pub mod app;
pub mod catalog;
pub mod layout;
pub mod pages;
pub mod problem;
pub mod resume;
pub mod state;
pub mod uploads;

pub use app::{router, serve, stop_signal, CONTENT_SECURITY_POLICY};
pub use catalog::{Catalog, CatalogParts};
pub use state::{App, Limits};
