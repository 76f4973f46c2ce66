//! The score of a posting for a candidate, from its requirements' weights
//! and credits: `100 × Σ weight·credit / Σ weight`, and the
//! confidence-aware figure rankings sort by ([`fit`]). One definition
//! ([`Tally`]), used by the explanation (which adds up its records) and by
//! candidate retrieval (which adds up the same terms without building
//! records), so the two agree to the bit.

use crate::extract::posting::{RequirementKind, Section};

use super::credit::{Need, Status};
use super::weights::Weights;

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

/// What a requirement contributes to, by what it asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// A skill: weighs in the score, and all of its weight is evidence of
    /// fit.
    Skill,
    /// Years of experience (a floor) or a degree: weighs in the score, but
    /// only [`Weights::years_and_degree_evidence`] of its weight is
    /// evidence of fit.
    Background,
    /// An upper bound on years with no floor (an entry-level posting:
    /// "0-2 years", a Graduate or Intern title): nobody earns anything by
    /// meeting it, so it does not weigh; its credit scales the score down
    /// for the overqualified.
    Ceiling,
    /// Role fit ([`crate::score::role`]): weighs in the score, and all of
    /// its weight is evidence of fit.
    Role,
}

impl Part {
    /// The contract name: `skill`, `background`, `ceiling`.
    pub fn name(self) -> &'static str {
        match self {
            Part::Skill => "skill",
            Part::Background => "background",
            Part::Ceiling => "ceiling",
            Part::Role => "role",
        }
    }

    /// The part a requirement needing `need` plays.
    pub fn of(need: &Need<'_>) -> Part {
        match *need {
            Need::Experience { min, .. } if !min.is_some_and(|m| m > 0.0) => Part::Ceiling,
            Need::Experience { .. } | Need::Education { .. } => Part::Background,
            Need::Skill { .. } | Need::Nothing { .. } => Part::Skill,
        }
    }

    /// Does a requirement of this part weigh in the score?
    pub fn weighs(self) -> bool {
        self != Part::Ceiling
    }
}

/// The sums a posting's score and fit are read from, added up requirement
/// by requirement in posting order: by the explanation over its records,
/// by candidate retrieval over its table, so the two agree to the bit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tally {
    /// Σ weight · credit.
    pub earned: f64,
    /// Σ weight.
    pub possible: f64,
    /// The weight that is evidence of fit (see [`Part`]).
    pub evidence: f64,
    /// The product of the entry-level ceilings' credits.
    pub ceiling: f64,
}

impl Default for Tally {
    fn default() -> Self {
        Tally {
            earned: 0.0,
            possible: 0.0,
            evidence: 0.0,
            ceiling: 1.0,
        }
    }
}

impl Tally {
    /// Adds an assessed requirement of `part`, weighing `weight`, credited
    /// `credit`.
    pub fn add(&mut self, part: Part, weight: f64, credit: f64, weights: &Weights) {
        match part {
            Part::Ceiling => self.ceiling *= credit,
            Part::Skill | Part::Role => {
                self.earned += weight * credit;
                self.possible += weight;
                self.evidence += weight;
            }
            Part::Background => {
                self.earned += weight * credit;
                self.possible += weight;
                self.evidence += weight * weights.years_and_degree_evidence;
            }
        }
    }

    /// The score: `100 × earned / possible` times the ceilings' credits.
    pub fn score(&self) -> f64 {
        score(self.earned, self.possible) * self.ceiling
    }

    /// The confidence-aware figure rankings sort by (see [`fit`]).
    pub fn fit(&self, weights: &Weights) -> f64 {
        fit(self.score(), self.evidence, weights.confidence_prior)
    }
}

/// The confidence-aware figure: `score × evidence / (evidence + prior)`.
///
/// A score says how much of what could be assessed the candidate meets;
/// it says nothing about how much could be assessed. One met requirement
/// gives 100 as surely as ten. The fit shrinks the score toward 0 as if
/// the posting also asked for `prior` more weight of requirements the
/// candidate was not shown to meet, so it grows with the evidence: with
/// the default prior of 3, one met skill requirement gives 25, eight of
/// ten give about 62, and a posting where nothing could be assessed gives
/// 0. It never falls when a met requirement is added (both factors grow),
/// and it equals the score when the prior is 0.
pub fn fit(score: f64, evidence: f64, prior: f64) -> f64 {
    if evidence <= 0.0 {
        return 0.0;
    }
    (score * evidence / (evidence + prior)).clamp(0.0, 100.0)
}
