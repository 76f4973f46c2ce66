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
];

/// Labels joined with `;`.
fn labels(taxonomy: &Taxonomy, skills: &[SkillId]) -> String {
    skills
        .iter()
        .map(|&s| taxonomy.skill(s).label.as_str())
        .collect::<Vec<_>>()
        .join(";")
}

/// One `rank` row, in [`RANK_COLUMNS`] order. `rank` is the posting's
/// place for this candidate (`--per candidate`) or the candidate's place
/// for this posting (`--per posting`).
pub fn rank_row(
    taxonomy: &Taxonomy,
    candidate: &Candidate,
    posting: &Posting,
    rank: usize,
    e: &Explanation<'_>,
) -> Vec<String> {
    vec![
        candidate.id.clone(),
        posting.id.clone(),
        rank.to_string(),
        super::score_text(e.score),
        e.required_met.to_string(),
        e.required_total.to_string(),
        labels(taxonomy, &e.missing_required),
        labels(taxonomy, &super::top_matches(e)),
        e.required_partial.to_string(),
        candidate.name.clone().unwrap_or_default(),
        posting.title.clone().unwrap_or_default(),
        posting.company.clone().unwrap_or_default(),
    ]
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
