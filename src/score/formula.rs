//! The score of a posting for a candidate, from its requirements' weights
//! and credits: `100 × Σ weight·credit / Σ weight`. One definition, used by
//! the explanation (which sums its records) and by candidate retrieval
//! (which sums the same terms without building records), so the two agree
//! to the bit.

use crate::extract::posting::{RequirementKind, Section};

use super::credit::Status;

/// The score a posting gets when none of its requirements can be assessed:
/// a posting we cannot read is not a match.
pub const UNASSESSABLE_SCORE: f64 = 0.0;

/// The sum of `values` in order, from +0: the one summation behind
/// `earned` and `possible`, so that a ranking that adds only the non-zero
/// terms ([`PostingIndex`](super::PostingIndex)) gets the same bits.
pub fn total(values: impl Iterator<Item = f64>) -> f64 {
    values.fold(0.0, |sum, v| sum + v)
}

/// `100 × earned / possible`, clamped to `[0, 100]` against rounding;
/// [`UNASSESSABLE_SCORE`] when nothing weighs.
pub fn score(earned: f64, possible: f64) -> f64 {
    if possible > 0.0 {
        (100.0 * earned / possible).clamp(0.0, 100.0)
    } else {
        UNASSESSABLE_SCORE
    }
}

/// Does a requirement with this section, kind and status put its first
/// alternative on the list of missing required skills? Only a required
/// skill requirement that earned nothing does.
pub fn is_missing_required(section: Section, kind: RequirementKind, status: Status) -> bool {
    section == Section::Required && kind == RequirementKind::Skill && status == Status::Missing
}
