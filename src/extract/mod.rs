//! Extraction: finding skills in text, and turning postings and résumés
//! into the records scoring needs.
//!
//! [`Matcher`] finds skill mentions (alias automaton, typo tolerance,
//! ambiguity rules); [`lookup`] answers what one phrase canonicalizes to;
//! the posting parser splits a posting into sections and requirements; the
//! résumé parser finds a candidate's skills with evidence and years.

mod ambiguity;
pub mod dates;
mod education;
mod fuzzy;
mod lookup;
mod matcher;
pub mod posting;
pub mod resume;

pub use ambiguity::{
    Evidence, CONTEXT_MAX_BYTES, CONTEXT_WINDOW_LINES, LIST_GAP_MAX_WORDS,
    NEARBY_CONTEXT_MAX_BYTES, QUALIFIER_WINDOW,
};
pub use education::{accepts_equivalent, degree_levels, DegreeLevel};
pub use fuzzy::{FUZZY_MAX_CHARS, FUZZY_MAX_DISTANCE, FUZZY_MIN_CHARS};
pub use lookup::{lookup, LookupKind, LookupMatch, NEAREST_COUNT};
pub use matcher::{MatchKind, Matcher, Mention, INFLECT_MIN_BYTES};

/// What kind of document a text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// A job posting.
    Posting,
    /// A résumé or CV.
    Resume,
}

/// Header words typical of postings.
const POSTING_SIGNS: &[&str] = &[
    "requirements",
    "responsibilities",
    "qualifications",
    "what you'll do",
    "what you will do",
    "what we're looking for",
    "nice to have",
    "benefits",
    "about the role",
    "we are looking for",
    "you will",
    "job description",
    "apply",
    "equal opportunity",
    "preferred qualifications",
];

/// Header words typical of résumés.
const RESUME_SIGNS: &[&str] = &[
    "work experience",
    "professional experience",
    "employment history",
    "education",
    "skills",
    "certifications",
    "projects",
    "summary",
    "objective",
    "references",
    "curriculum vitae",
    "present",
    "linkedin.com",
    "@",
];

/// Guesses whether `text` is a posting or a résumé from the words each
/// kind of document uses; ties go to posting.
pub fn guess_kind(text: &str) -> DocumentKind {
    let lower = crate::normalize::normalize(text);
    let count = |signs: &[&str]| signs.iter().filter(|s| lower.contains(*s)).count();
    let posting = count(POSTING_SIGNS);
    let resume = count(RESUME_SIGNS);
    if resume > posting + 1 {
        DocumentKind::Resume
    } else {
        DocumentKind::Posting
    }
}
