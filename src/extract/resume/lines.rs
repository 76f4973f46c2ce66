//! Logical lines: where a résumé's text is cut into the lines every later
//! pass reads.
//!
//! A logical line is a physical line, trimmed, except that a line longer
//! than [`FLATTENED_LINE_MIN_BYTES`] (typically a whole résumé flattened
//! onto one line by a converter) is cut again at runs of
//! [`SEGMENT_GAP_MIN_SPACES`] or more spaces, which is where its line breaks
//! were. Date ranges are never cut ("March 2011  Present").
//!
//! Invariants: lines are in text order, never empty, and their spans are
//! byte offsets on character boundaries of the résumé.

use std::ops::Range;

use super::ResumeSection;
use crate::extract::dates::{find_date_ranges, YearMonth};

/// Lines longer than this (in bytes) are treated as several lines flattened
/// into one and are cut at runs of spaces. Hard-wrapped résumés stay far
/// below it.
pub const FLATTENED_LINE_MIN_BYTES: usize = 200;

/// Fewest consecutive spaces that mark a lost line break in a flattened line.
pub const SEGMENT_GAP_MIN_SPACES: usize = 2;

/// One logical line: a physical line, or a piece of a flattened one.
#[derive(Debug, Clone)]
pub(super) struct Line<'t> {
    /// Byte offset of `text` in the résumé.
    pub(super) start: usize,
    /// Byte offset one past the end of `text`.
    pub(super) end: usize,
    /// 1-based physical line.
    pub(super) number: usize,
    /// The line, trimmed; never empty.
    pub(super) text: &'t str,
    /// The section the line is in.
    pub(super) section: ResumeSection,
    /// Whether the line is a section header.
    pub(super) header: bool,
}

/// The non-empty logical lines of `text`.
pub(super) fn logical_lines(text: &str, as_of: YearMonth) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut push = |start: usize, end: usize, number: usize| {
        let piece = &text[start..end];
        let trimmed = piece.trim();
        if trimmed.is_empty() {
            return;
        }
        let offset = start + (piece.len() - piece.trim_start().len());
        lines.push(Line {
            start: offset,
            end: offset + trimmed.len(),
            number,
            text: trimmed,
            section: ResumeSection::Header,
            header: false,
        });
    };
    let mut start = 0;
    for (i, raw) in text.split('\n').enumerate() {
        if raw.len() > FLATTENED_LINE_MIN_BYTES {
            for piece in segments(raw, as_of) {
                push(start + piece.start, start + piece.end, i + 1);
            }
        } else {
            push(start, start + raw.len(), i + 1);
        }
        start += raw.len() + 1;
    }
    lines
}

/// Pieces of a flattened line between runs of [`SEGMENT_GAP_MIN_SPACES`]
/// spaces, never cutting inside a date range.
fn segments(line: &str, as_of: YearMonth) -> Vec<Range<usize>> {
    let protected: Vec<Range<usize>> = find_date_ranges(line, as_of)
        .into_iter()
        .map(|r| r.span)
        .collect();
    let mut next_protected = 0;
    let mut out = Vec::new();
    let mut piece_start = 0;
    let mut run_start = 0;
    let mut run = 0;
    for (i, c) in line.char_indices() {
        if matches!(c, ' ' | '\t' | '\u{00A0}') {
            if run == 0 {
                run_start = i;
            }
            run += 1;
            continue;
        }
        if run >= SEGMENT_GAP_MIN_SPACES {
            while protected
                .get(next_protected)
                .is_some_and(|r| r.end <= run_start)
            {
                next_protected += 1;
            }
            let inside = protected
                .get(next_protected)
                .is_some_and(|r| r.start < run_start);
            if !inside {
                out.push(piece_start..run_start);
                piece_start = i;
            }
        }
        run = 0;
    }
    out.push(piece_start..line.len());
    out
}

/// The index of the line holding byte `offset`.
pub(super) fn line_index(lines: &[Line<'_>], offset: usize) -> Option<usize> {
    lines.partition_point(|l| l.start <= offset).checked_sub(1)
}

/// For each line, the range of `mentions` indices on it.
pub(super) fn mentions_per_line(
    lines: &[Line<'_>],
    line_of: &[Option<usize>],
) -> Vec<Range<usize>> {
    let mut ranges = vec![0..0; lines.len()];
    for (k, li) in line_of.iter().enumerate() {
        if let Some(li) = *li {
            let range = &mut ranges[li];
            if range.start == range.end {
                *range = k..k + 1;
            } else {
                range.end = k + 1;
            }
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::education::DegreeLevel;
    use crate::extract::resume::fixture::{parse, tiny, years_of, ym, AS_OF};

    #[test]
    fn flattened_resumes_are_cut_at_runs_of_spaces() {
        let text = "\"Editor Resume Template  Jane Roe  Main Road  Objective  Looking for a backend role.  \
Career Experience/Job History        2014-2016  Bay Systems  Backend Developer      Wrote Java services.  \
2016  Present  Daily Cloud  Platform Engineer      Ran Kubernetes and Go.  Education  2010-2014  \
Bachelors in Computer Science, Mediacom College\"";
        assert!(text.len() > FLATTENED_LINE_MIN_BYTES);
        let candidate = parse(text);
        assert_eq!(candidate.name.as_deref(), Some("Jane Roe"));
        let roles: Vec<(Option<&str>, YearMonth, YearMonth)> = candidate
            .roles
            .iter()
            .map(|r| (r.title.as_deref(), r.start, r.end))
            .collect();
        assert_eq!(
            roles,
            [
                (Some("Backend Developer"), ym(2014, 1), ym(2016, 12)),
                (Some("Platform Engineer"), ym(2016, 1), AS_OF),
            ]
        );
        assert_eq!(years_of(&candidate, "java"), Some(3.0));
        assert_eq!(years_of(&candidate, "kubernetes"), Some(8.5));
        assert_eq!(candidate.total_years, Some(10.5));
        assert_eq!(candidate.education, Some(DegreeLevel::Bachelor));
        let java = candidate
            .skill(tiny().get("java").expect("java"))
            .expect("java found");
        assert_eq!(java.evidence[0].text, "Wrote Java services.");
        assert_eq!(java.evidence[0].line, 1);
    }
}
