//! Documents: what readers hand to extraction.
//!
//! [`crate::input`] turns files into [`Document`]s (text and the fields the
//! source states, such as a CSV `title` column) and stops there;
//! [`crate::extract`] turns documents into postings and candidates. This
//! module sits below both, so readers never depend on extraction: the
//! pipeline runs one way.

/// What kind of document a text is: a posting or a résumé. Readers use it
/// for the fields a batch row holds (a CSV of postings has `title` and
/// `company`, one of résumés `name` and `path`), and to record what a format
/// says outright (a JSON Resume is a résumé); extraction uses it to choose
/// the parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    /// A job posting.
    Posting,
    /// A résumé or CV.
    Resume,
}

/// One posting or résumé as read, before extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Stable id: a CSV or JSON `id`, else the file's path relative to the
    /// directory given (or its name, for a single file) without extension.
    pub id: String,
    /// Where it came from: a path, or `path:row N` for a CSV row, or
    /// `path:line N` for a JSON line. Reports show it.
    pub source: String,
    /// The text.
    pub text: String,
    /// Fields the source states outright (a CSV `title` column, a JSON
    /// `company`); they take precedence over what extraction guesses.
    pub fields: Fields,
    /// What the format says the document is (a JSON Resume is a résumé, a
    /// JobPosting a posting), when it says.
    pub kind: Option<DocumentKind>,
}

/// Fields a batch source can state next to the text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fields {
    /// Posting title.
    pub title: Option<String>,
    /// Posting company.
    pub company: Option<String>,
    /// Posting location.
    pub location: Option<String>,
    /// Candidate name.
    pub name: Option<String>,
}
