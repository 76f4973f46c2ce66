//! skillmatch matches candidates to job postings by skills: offline, fast,
//! and with an explanation for every point of every score.
//!
//! # Pipeline
//!
//! ```text
//! files ─ input ─ Document ─┐    taxonomy (TOML)
//!   (text, PDF, DOCX, HTML, │          │
//!    JSON, CSV)             └─ extract ┴─┬─ Posting { requirements }
//!                                        └─ Candidate { skills + evidence + years }
//!                                              │
//!                        score ─ explain ─ rank ─ report
//! ```
//!
//! Each stage depends only on the ones before it (`scripts/module_graph.py`
//! checks that the modules have no cycle):
//!
//! * [`input`] reads files, directories, CSV and JSON into [`document`]s:
//!   text and the fields the source states, nothing extracted yet.
//! * [`taxonomy`] loads and checks the skill taxonomy: skills, aliases, an
//!   is-a hierarchy and the ambiguity rules for forms like "Go" or "R".
//! * [`normalize`] is the one normalization applied to forms and to text.
//! * [`extract`] finds skill mentions in text, with byte spans and lines,
//!   and turns documents into postings and candidates.
//! * [`score`] holds the credit rules, one per requirement kind and written
//!   once, and the score formula; its [`PostingIndex`](score::PostingIndex)
//!   scores postings without building records, and [`index_file`] persists
//!   extracted postings so repeated runs skip extraction.
//! * [`explain`] records every point of a score.
//! * [`rank`] makes every ranking decision: a candidate's best postings,
//!   each posting's best candidates, and the skills that would help most.
//! * [`report`] turns report values into text, Markdown, JSON, HTML or CSV.
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

pub mod document;
pub mod error;
pub mod explain;
pub mod extract;
pub mod index_file;
pub mod input;
pub mod normalize;
pub mod occupation;
pub mod prepared;
pub mod rank;
pub mod report;
pub mod score;
pub mod serve;
pub mod taxonomy;

pub use error::{Error, Location, Result};
