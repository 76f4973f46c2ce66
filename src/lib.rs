//! skillmatch matches candidates to job postings by skills: offline, fast,
//! and with an explanation for every point of every score.
//!
//! # Pipeline
//!
//! ```text
//! taxonomy (TOML) ─┐
//! posting text ────┼─ normalize ─ extract ─┬─ Posting { requirements }
//! résumé file ─────┘                       └─ Candidate { skills + evidence + years }
//! ```
//!
//! * [`taxonomy`] loads and checks the skill taxonomy: skills, aliases, an
//!   is-a hierarchy and the ambiguity rules for forms like "Go" or "R".
//! * [`normalize`] is the one normalization applied to forms and to text.
//! * [`extract`] finds skill mentions in text, with byte spans and lines.
//! * [`score`] assesses each requirement and ranks postings; its
//!   [`PostingIndex`](score::PostingIndex) finds a candidate's best postings
//!   without explaining the others, and [`index_file`] persists extracted
//!   postings so repeated runs skip extraction.
//!
//! Every stage returns plain data; nothing here prints.
//!
//! # Example
//!
//! ```
//! use skillmatch::{extract::Matcher, taxonomy::Taxonomy};
//!
//! let taxonomy = Taxonomy::embedded()?;
//! let matcher = Matcher::new(&taxonomy)?;
//! let text = "Requirements: Go and Kubernetes; let's go!";
//! let ids: Vec<&str> = matcher
//!     .find(text)
//!     .iter()
//!     .map(|m| taxonomy.skill(m.skill).id.as_str())
//!     .collect();
//! assert_eq!(ids, ["go", "kubernetes"]);
//! # Ok::<(), skillmatch::Error>(())
//! ```

pub mod error;
pub mod explain;
pub mod extract;
pub mod index_file;
pub mod input;
pub mod normalize;
pub mod occupation;
pub mod rank;
pub mod report;
pub mod score;
pub mod taxonomy;

pub use error::{Error, Location, Result};
