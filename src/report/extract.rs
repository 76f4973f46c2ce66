//! The `extract` report: postings turned into requirements and résumés
//! into evidenced skills, postings first, each in input order.

use crate::extract::posting::Posting;
use crate::extract::resume::Candidate;
use crate::taxonomy::Taxonomy;

use std::io::{Seek, SeekFrom, Write};

use serde::Serialize;

use super::json::{CandidateEntry, PostingEntry};
use super::render::{unsupported, Format, RenderError, Report};

/// What `extract` read: its postings and its candidates.
#[derive(Debug, Clone, Copy)]
pub struct ExtractReport<'a> {
    /// The taxonomy the skills are ids of.
    pub taxonomy: &'a Taxonomy,
    /// The postings, in input order.
    pub postings: &'a [Posting],
    /// The candidates, in input order.
    pub candidates: &'a [Candidate],
}

impl Report for ExtractReport<'_> {
    fn formats(&self) -> &'static [Format] {
        &[Format::Text, Format::Json]
    }

    fn bytes(&self, format: Format) -> Result<Vec<u8>, RenderError> {
        if !self.formats().contains(&format) {
            return Err(unsupported(self, format));
        }
        let mut writer = ExtractWriter::new(Vec::new(), self.taxonomy, format);
        for p in self.postings {
            writer.posting(p).map_err(io_bug)?;
        }
        for c in self.candidates {
            writer.candidate(c).map_err(io_bug)?;
        }
        writer.finish().map_err(io_bug)
    }
}

/// Writing to memory cannot fail but for a serialization bug.
fn io_bug(e: std::io::Error) -> RenderError {
    RenderError::Json(serde_json::Error::io(e))
}

/// The `extract` report written as it is made: each posting goes out as
/// soon as it is given, so a batch of any size is written in the memory of
/// a few entries. Postings come first in the report, so candidates given
/// before the last posting wait in a temporary file (on disk, not in
/// memory) and follow at [`ExtractWriter::finish`]. The bytes are the same
/// as [`ExtractReport`]'s for the same entries.
pub struct ExtractWriter<'a, W: Write> {
    out: W,
    taxonomy: &'a Taxonomy,
    format: Format,
    postings: usize,
    candidates: usize,
    /// Candidates' entries, written once the postings are done.
    spool: Option<std::io::BufWriter<std::fs::File>>,
}

impl<'a, W: Write> ExtractWriter<'a, W> {
    /// A writer of `format` (text or JSON) into `out`.
    pub fn new(out: W, taxonomy: &'a Taxonomy, format: Format) -> Self {
        ExtractWriter {
            out,
            taxonomy,
            format,
            postings: 0,
            candidates: 0,
            spool: None,
        }
    }

    /// Writes one posting.
    pub fn posting(&mut self, p: &Posting) -> std::io::Result<()> {
        let first = self.postings == 0;
        self.postings += 1;
        if self.format == Format::Json {
            self.out.write_all(if first {
                b"{\n  \"postings\": [\n"
            } else {
                b",\n"
            })?;
            return write_json_entry(&mut self.out, &PostingEntry::new(self.taxonomy, p));
        }
        if !first {
            self.out.write_all(b"\n")?;
        }
        self.out
            .write_all(super::text::posting(self.taxonomy, p).as_bytes())
    }

    /// Writes one candidate (after every posting: see the type's docs).
    pub fn candidate(&mut self, c: &Candidate) -> std::io::Result<()> {
        let first = self.candidates == 0;
        self.candidates += 1;
        let spool = match &mut self.spool {
            Some(spool) => spool,
            None => self
                .spool
                .insert(std::io::BufWriter::new(tempfile::tempfile()?)),
        };
        if self.format == Format::Json {
            if !first {
                spool.write_all(b",\n")?;
            }
            return write_json_entry(spool, &CandidateEntry::new(self.taxonomy, c));
        }
        if !first {
            spool.write_all(b"\n")?;
        }
        spool.write_all(super::text::candidate(self.taxonomy, c).as_bytes())
    }

    /// Writes the candidates and the end of the report; returns the
    /// output.
    pub fn finish(mut self) -> std::io::Result<W> {
        let json = self.format == Format::Json;
        if json {
            self.out.write_all(if self.postings == 0 {
                b"{\n  \"postings\": [],\n  \"candidates\": ["
            } else {
                b"\n  ],\n  \"candidates\": ["
            })?;
            if self.candidates > 0 {
                self.out.write_all(b"\n")?;
            }
        } else if self.postings > 0 && self.candidates > 0 {
            self.out.write_all(b"\n")?;
        }
        if let Some(spool) = self.spool.take() {
            let mut spool = spool.into_inner().map_err(|e| e.into_error())?;
            spool.seek(SeekFrom::Start(0))?;
            std::io::copy(&mut spool, &mut self.out)?;
        }
        if json {
            self.out.write_all(if self.candidates == 0 {
                b"]\n}\n"
            } else {
                b"\n  ]\n}\n"
            })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Writes one entry as pretty JSON indented to its place in the report's
/// lists (two levels deep), straight into `out`: a large entry is never
/// held as text. JSON strings hold no raw line breaks, so indenting after
/// every line break is exact.
fn write_json_entry(out: &mut impl Write, entry: &impl Serialize) -> std::io::Result<()> {
    out.write_all(ENTRY_INDENT)?;
    serde_json::to_writer_pretty(Indented { out }, entry).map_err(std::io::Error::other)
}

/// How deep an entry sits in the report: two levels of two spaces.
const ENTRY_INDENT: &[u8] = b"    ";

/// A writer that indents every line after the first by [`ENTRY_INDENT`].
struct Indented<'w, W: Write> {
    out: &'w mut W,
}

impl<W: Write> Write for Indented<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut rest = buf;
        while let Some(at) = rest.iter().position(|&b| b == b'\n') {
            self.out.write_all(&rest[..=at])?;
            self.out.write_all(ENTRY_INDENT)?;
            rest = &rest[at + 1..];
        }
        self.out.write_all(rest)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::posting::parse_postings;
    use crate::extract::resume::{parse_resume, ResumeOptions};
    use crate::extract::Matcher;
    use crate::report::json::{to_bytes, ExtractDocument};

    #[test]
    fn streamed_entries_read_like_the_whole_document() {
        let taxonomy = Taxonomy::embedded().expect("embedded taxonomy");
        let matcher = Matcher::new(&taxonomy).expect("matcher");
        let postings: Vec<Posting> = [
            "Backend Engineer\nRequirements:\n- 5+ years of Java\n- PostgreSQL or MySQL",
            "Nurse\nRequirements:\n- BSc in Nursing\n- Patient care",
        ]
        .iter()
        .enumerate()
        .flat_map(|(i, text)| parse_postings(&matcher, &format!("p{i}.txt"), text))
        .collect();
        let options = ResumeOptions {
            as_of: crate::extract::dates::YearMonth::new(2026, 1).expect("valid month"),
        };
        let candidates: Vec<Candidate> = ["Ana Silva\nSkills: Java, Docker", "Bo Chen\nSkills: Go"]
            .iter()
            .enumerate()
            .map(|(i, text)| parse_resume(&matcher, &format!("c{i}.txt"), text, &options))
            .collect();
        for (np, nc) in [(0, 0), (2, 0), (0, 2), (2, 2), (1, 1)] {
            let (ps, cs) = (&postings[..np], &candidates[..nc]);
            let whole = to_bytes(&ExtractDocument {
                postings: ps.iter().map(|p| PostingEntry::new(&taxonomy, p)).collect(),
                candidates: cs
                    .iter()
                    .map(|c| CandidateEntry::new(&taxonomy, c))
                    .collect(),
            })
            .expect("serializes");
            let text_entries: Vec<String> = ps
                .iter()
                .map(|p| super::super::text::posting(&taxonomy, p))
                .chain(
                    cs.iter()
                        .map(|c| super::super::text::candidate(&taxonomy, c)),
                )
                .collect();
            for (format, expected) in [
                (Format::Json, whole),
                (Format::Text, text_entries.join("\n").into_bytes()),
            ] {
                // Candidates given first still follow the postings.
                let mut writer = ExtractWriter::new(Vec::new(), &taxonomy, format);
                for c in cs {
                    writer.candidate(c).expect("in memory");
                }
                for p in ps {
                    writer.posting(p).expect("in memory");
                }
                let streamed = writer.finish().expect("in memory");
                assert_eq!(
                    String::from_utf8_lossy(&streamed),
                    String::from_utf8_lossy(&expected),
                    "{np} postings, {nc} candidates, {format:?}"
                );
            }
        }
    }
}
