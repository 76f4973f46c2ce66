//! The `index info` report: what an index file holds, and whether this run
//! can use it. Text only: it is read by a person deciding whether to
//! rebuild.

use std::fmt::Write as _;

use crate::index_file::Header;

use super::render::{unsupported, Format, RenderError, Report};

/// Bytes in the megabytes sizes are shown in.
const BYTES_PER_MB: f64 = 1e6;

/// An index file's header, size, and whether this run can use it.
#[derive(Debug, Clone, Copy)]
pub struct IndexInfoReport<'a> {
    /// The file, as named on the command line.
    pub path: &'a str,
    /// Its header.
    pub header: &'a Header,
    /// Its size in bytes.
    pub size: u64,
    /// `Ok` when it opens with this run's version and taxonomy and every
    /// posting decodes; else why not.
    pub usable: Result<(), &'a crate::Error>,
}

impl IndexInfoReport<'_> {
    /// The path, then one indented line per fact.
    fn text(&self) -> String {
        let h = self.header;
        let mut out = String::new();
        let _ = writeln!(out, "{}", self.path);
        let _ = writeln!(out, "  postings: {}", h.postings);
        let _ = writeln!(out, "  built by: skillmatch {}", h.version);
        let _ = writeln!(
            out,
            "  taxonomy: {} skills, fingerprint {:016x}",
            h.skills, h.taxonomy
        );
        let _ = writeln!(
            out,
            "  size: {:.1} MB (scoring table {:.1} MB)",
            self.size as f64 / BYTES_PER_MB,
            h.table_bytes as f64 / BYTES_PER_MB
        );
        match self.usable {
            Ok(()) => out.push_str("  usable with this run's taxonomy and version: yes\n"),
            Err(e) => {
                let _ = writeln!(
                    out,
                    "  usable with this run's taxonomy and version: no: {e}"
                );
            }
        }
        out
    }
}

impl Report for IndexInfoReport<'_> {
    fn formats(&self) -> &'static [Format] {
        &[Format::Text]
    }

    fn bytes(&self, format: Format) -> Result<Vec<u8>, RenderError> {
        match format {
            Format::Text => Ok(self.text().into_bytes()),
            other => Err(unsupported(self, other)),
        }
    }
}
