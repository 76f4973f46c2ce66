//! CSV rows: `rank` writes one row per candidate–posting pair, `score
//! --format csv` one per ranked posting. The columns are a contract
//! (PRODUCT.md); lists inside a cell are joined with `;`.

use crate::explain::Explanation;
use crate::extract::posting::Posting;
use crate::extract::resume::Candidate;
use crate::taxonomy::{SkillId, Taxonomy};

/// The columns `rank` writes, in order. The first eight are the contract;
/// the rest are added for reading the file on its own.
pub const RANK_COLUMNS: &[&str] = &[
    "candidate_id",
    "posting_id",
    "rank",
    "score",
    "required_met",
    "required_total",
    "missing_required",
    "top_matches",
    "required_partial",
    "candidate_name",
    "posting_title",
    "posting_company",
    "fit",
    "assessed",
    "asked",
    "fit_exact",
    "candidate_position",
    "posting_position",
];

/// Where a row's candidate and posting stand in their inputs, 0-based:
/// with the unrounded fit (`fit_exact`), what puts rows from several runs
/// (`rank --shard`, a Spark job) back in the order one run gives. A
/// ranking sorts by fit, then by input position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Positions {
    /// The candidate's position among the candidates read.
    pub candidate: usize,
    /// The posting's position among the postings read.
    pub posting: usize,
}

/// A text cell a spreadsheet will not run: a cell that starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return is a formula to Excel,
/// LibreOffice and Google Sheets ("=HYPERLINK(…)" in a candidate's name
/// would run when a recruiter opens the file), so it gets a leading `'`,
/// which spreadsheets read as "text" and do not show. Numbers ("-3") are
/// left alone. Every text cell of `rank` and `score --format csv` passes
/// through here; the numeric columns are written by the program.
pub fn text_cell(s: String) -> String {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && s.trim().parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s
    }
}

/// Labels joined with `;`.
fn labels(taxonomy: &Taxonomy, skills: &[SkillId]) -> String {
    skills
        .iter()
        .map(|&s| taxonomy.skill(s).label.as_str())
        .collect::<Vec<_>>()
        .join(";")
}

/// Where the rank stands among [`RANK_COLUMNS`].
const RANK_COLUMN: usize = 2;

/// One `rank` row, in [`RANK_COLUMNS`] order. `rank` is the posting's
/// place for this candidate (`--per candidate`) or the candidate's place
/// for this posting (`--per posting`).
pub fn rank_row(
    taxonomy: &Taxonomy,
    candidate: &Candidate,
    posting: &Posting,
    rank: usize,
    e: &Explanation<'_>,
    at: Positions,
) -> Vec<String> {
    let mut row = unranked_row(taxonomy, candidate, posting, e, at);
    row.insert(RANK_COLUMN, rank.to_string());
    row
}

/// Every column of a `rank` row but the rank.
fn unranked_row(
    taxonomy: &Taxonomy,
    candidate: &Candidate,
    posting: &Posting,
    e: &Explanation<'_>,
    at: Positions,
) -> Vec<String> {
    vec![
        text_cell(candidate.id.clone()),
        text_cell(posting.id.clone()),
        super::score_text(e.score),
        e.required_met.to_string(),
        e.required_total.to_string(),
        text_cell(labels(taxonomy, &e.missing_required)),
        text_cell(labels(taxonomy, &super::top_matches(e))),
        e.required_partial.to_string(),
        text_cell(candidate.name.clone().unwrap_or_default()),
        text_cell(posting.title.clone().unwrap_or_default()),
        text_cell(posting.company.clone().unwrap_or_default()),
        super::score_text(e.fit),
        e.assessed.to_string(),
        e.asked.to_string(),
        // The shortest decimal that reads back as the same f64.
        format!("{:?}", e.fit),
        at.candidate.to_string(),
        at.posting.to_string(),
    ]
}

/// A `rank` row kept before its rank is known (`--per posting` learns a
/// candidate's place only once every candidate has been offered): every
/// other column, in one buffer.
#[derive(Debug, Clone)]
pub struct RankRow(csv::StringRecord);

impl RankRow {
    /// The row of `candidate` against `posting`, without its rank.
    pub fn new(
        taxonomy: &Taxonomy,
        candidate: &Candidate,
        posting: &Posting,
        e: &Explanation<'_>,
        at: Positions,
    ) -> Self {
        RankRow(csv::StringRecord::from(unranked_row(
            taxonomy, candidate, posting, e, at,
        )))
    }

    /// The row's cells with its `rank`, in [`RANK_COLUMNS`] order.
    pub fn cells(&self, rank: usize) -> Vec<String> {
        let mut cells: Vec<String> = self.0.iter().map(str::to_string).collect();
        cells.insert(RANK_COLUMN, rank.to_string());
        cells
    }

    /// Writes the row with its `rank`, in [`RANK_COLUMNS`] order.
    pub fn write<W: std::io::Write>(
        &self,
        out: &mut csv::Writer<W>,
        rank: usize,
    ) -> csv::Result<()> {
        let rank = rank.to_string();
        let before = self.0.iter().take(RANK_COLUMN);
        let after = self.0.iter().skip(RANK_COLUMN);
        out.write_record(before.chain(std::iter::once(rank.as_str())).chain(after))
    }
}

/// `rows` under the [`RANK_COLUMNS`] header, as the bytes of a CSV report.
pub fn to_bytes(
    rows: impl IntoIterator<Item = Vec<String>>,
) -> Result<Vec<u8>, super::RenderError> {
    let mut csv = ::csv::Writer::from_writer(Vec::new());
    csv.write_record(RANK_COLUMNS)?;
    for row in rows {
        csv.write_record(row)?;
    }
    csv.into_inner()
        .map_err(|e| super::RenderError::Csv(::csv::Error::from(e.into_error())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cells_never_start_a_formula() {
        let cases = [
            (
                "=HYPERLINK(\"http://x\",\"CV\")",
                "'=HYPERLINK(\"http://x\",\"CV\")",
            ),
            ("+1 555 0100", "'+1 555 0100"),
            ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
            ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
            ("\t=1+1", "'\t=1+1"),
            ("Ana Lima", "Ana Lima"),
            ("C++ Developer", "C++ Developer"),
            ("-3", "-3"),
            ("+2.5", "+2.5"),
            ("", ""),
        ];
        for (given, written) in cases {
            assert_eq!(text_cell(given.to_string()), written, "{given:?}");
        }
    }
}
