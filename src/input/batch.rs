//! What reading one source gives: its documents, the entries that could
//! not be read, and notes about the ones read not quite as written.
//!
//! Every reader (a directory, a CSV, JSON Lines, one file) fills a
//! [`Loaded`]; the dispatcher in [`crate::input`] joins them.

use crate::document::Document;
use crate::Error;

/// The documents of one source, and the entries that could not be read.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Documents in source order (sorted paths for a directory, row order
    /// for CSV and JSON Lines).
    pub documents: Vec<Document>,
    /// Entries skipped, each with its location and what to do.
    pub skipped: Vec<Error>,
    /// Warnings about entries that were read, but not as written (a file
    /// that was not UTF-8, for one).
    pub notes: Vec<String>,
}

impl Loaded {
    /// Adds the documents, skips and notes of `other` after these.
    pub(super) fn append(&mut self, other: Loaded) {
        self.documents.extend(other.documents);
        self.skipped.extend(other.skipped);
        self.notes.extend(other.notes);
    }
}
