//! The `score` report: one candidate's ranked postings and the skills that
//! would raise the scores most; with per-requirement records, each
//! posting's explanation after the ranking.

use crate::extract::resume::Candidate;
use crate::rank::{Ranked, Suggestion};
use crate::taxonomy::Taxonomy;

use super::json::ScoreDocument;
use super::render::{unsupported, Format, RenderError, Report};

/// The rule drawn between the ranking and each explanation in text, and
/// between two explanations, in characters.
pub const RULE_WIDTH: usize = 72;

/// Formats of a score report.
const FORMATS: &[Format] = &[Format::Text, Format::Json, Format::Csv, Format::Markdown];

/// Formats of a score report with per-requirement records: a CSV row per
/// posting cannot hold them.
const FORMATS_WITH_REQUIREMENTS: &[Format] = &[Format::Text, Format::Json, Format::Markdown];

/// The ranking of postings for one candidate.
#[derive(Debug, Clone, Copy)]
pub struct ScoreReport<'a> {
    /// The taxonomy the skills are ids of.
    pub taxonomy: &'a Taxonomy,
    /// The candidate.
    pub candidate: &'a Candidate,
    /// The postings shown, best first.
    pub ranked: &'a [Ranked<'a>],
    /// The skills that would raise the scores most.
    pub suggestions: &'a [Suggestion],
    /// The number of postings ranked, shown or not.
    pub total: usize,
    /// Whether every posting's per-requirement explanation is included.
    pub with_requirements: bool,
}

impl ScoreReport<'_> {
    /// The formats a score report can be written in, with or without
    /// per-requirement records: known before anything is ranked, so a
    /// command can refuse a format before doing the work.
    pub fn formats_for(with_requirements: bool) -> &'static [Format] {
        if with_requirements {
            FORMATS_WITH_REQUIREMENTS
        } else {
            FORMATS
        }
    }

    /// Why a score report with (or without) per-requirement records cannot
    /// be written as `format`.
    pub fn refusal_for(with_requirements: bool, format: Format) -> String {
        if with_requirements && format == Format::Csv {
            "--explain adds per-requirement records, which CSV rows cannot hold: use --format json, markdown or table".to_string()
        } else {
            let names: Vec<&str> = Self::formats_for(with_requirements)
                .iter()
                .map(|f| f.name())
                .collect();
            format!(
                "a score report cannot be written as {format}: use {}",
                names.join(", ")
            )
        }
    }

    /// `Ok` when a score report with (or without) per-requirement records
    /// can be written as `format`; else the error [`super::render`] would
    /// give.
    pub fn check(with_requirements: bool, format: Format) -> Result<(), RenderError> {
        if Self::formats_for(with_requirements).contains(&format) {
            Ok(())
        } else {
            Err(RenderError::Unsupported {
                format,
                message: Self::refusal_for(with_requirements, format),
            })
        }
    }

    /// The table, then with records each posting's explanation under a
    /// rule, numbered by rank.
    fn text(&self) -> String {
        let mut text = super::text::score_table(
            self.taxonomy,
            self.candidate,
            self.ranked,
            self.suggestions,
            self.total,
        );
        if self.with_requirements {
            for r in self.ranked {
                text.push_str(&format!("\n{}\n", "─".repeat(RULE_WIDTH)));
                text.push_str(&format!("#{} ", r.rank));
                text.push_str(&super::text::explanation(
                    self.taxonomy,
                    r.posting,
                    self.candidate,
                    &r.explanation,
                ));
            }
        }
        text
    }

    /// The ranking tables, then with records each posting's explanation
    /// one heading level down.
    fn markdown(&self) -> String {
        let mut text = super::markdown::score(
            self.taxonomy,
            self.candidate,
            self.ranked,
            self.suggestions,
            self.total,
        );
        if self.with_requirements {
            for r in self.ranked {
                text.push('\n');
                text.push_str(&super::markdown::explanation(
                    self.taxonomy,
                    r.posting,
                    self.candidate,
                    &r.explanation,
                    2,
                ));
            }
        }
        text
    }

    /// The `rank` CSV columns, one row per posting shown.
    fn csv(&self) -> Result<Vec<u8>, RenderError> {
        let rows = self.ranked.iter().map(|r| {
            super::csv::rank_row(
                self.taxonomy,
                self.candidate,
                r.posting,
                r.rank,
                &r.explanation,
                super::csv::Positions {
                    candidate: 0,
                    posting: r.index,
                },
            )
        });
        super::csv::to_bytes(rows)
    }
}

impl Report for ScoreReport<'_> {
    fn formats(&self) -> &'static [Format] {
        Self::formats_for(self.with_requirements)
    }

    fn refusal(&self, format: Format) -> String {
        Self::refusal_for(self.with_requirements, format)
    }

    fn bytes(&self, format: Format) -> Result<Vec<u8>, RenderError> {
        match format {
            Format::Json => super::json::to_bytes(&ScoreDocument::new(
                self.taxonomy,
                self.candidate,
                self.ranked,
                self.suggestions,
                self.with_requirements,
            )),
            Format::Text => Ok(self.text().into_bytes()),
            Format::Markdown => Ok(self.markdown().into_bytes()),
            Format::Csv if !self.with_requirements => self.csv(),
            other => Err(unsupported(self, other)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_is_refused_only_with_requirement_records() {
        let cases = [
            (false, Format::Text, None),
            (false, Format::Csv, None),
            (true, Format::Json, None),
            (true, Format::Markdown, None),
            (
                true,
                Format::Csv,
                Some("--explain adds per-requirement records, which CSV rows cannot hold: use --format json, markdown or table"),
            ),
            (
                false,
                Format::Html,
                Some("a score report cannot be written as html: use text, json, csv, markdown"),
            ),
        ];
        for (with_requirements, format, refusal) in cases {
            let got = ScoreReport::check(with_requirements, format)
                .err()
                .map(|e| e.to_string());
            assert_eq!(
                got.as_deref(),
                refusal,
                "{format} with_requirements={with_requirements}"
            );
        }
    }
}
