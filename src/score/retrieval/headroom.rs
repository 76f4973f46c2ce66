//! How much one more skill could raise a candidate's fits, at most: the
//! bound that lets suggestions score exactly only the skills that can
//! still reach the top.
//!
//! A skill added as a fact changes only the credits of the requirements
//! naming a skill it answers. Those are skill and education requirements,
//! which are always assessed, so a posting's `possible` weight, its
//! evidence and its entry-level ceiling stay as they were and only
//! `earned` moves. The fit is `clamp(100·ceiling·earned/possible ·
//! evidence/(evidence + prior))`, so it rises by at most `K_p` per point of
//! `earned`, with `K_p = 100·ceiling·evidence / ((evidence + prior)·possible)`.
//! A requirement of weight `w` credited `c` can rise to at most the
//! answer's base credit `f` (1 for the skill itself or a more specific
//! one, [`Weights::more_general`] or [`Weights::related`] otherwise; years
//! only scale it down), so it adds at most `K_p·w·max(0, f − c)`. An
//! education requirement is bounded with `f = 1` whatever the relation.
//!
//! [`Headroom`] sums those terms per skill a requirement names, for each
//! of the three levels of `f`; a new skill's bound is the sum over the
//! skills it answers of the term of its relation to each. A requirement
//! naming two answered skills is counted twice, which only loosens the
//! bound.

use rayon::prelude::*;

use super::{BaseCredits, PostingIndex, StoredNeed};
use crate::score::credit::How;
use crate::score::Weights;
use crate::taxonomy::SkillId;

/// Relative and absolute room left for the rounding of the exact gains,
/// which add up to tens of thousands of differences of fits.
const ROUNDING_MARGIN: f64 = 1e-6;

/// Per skill asked for, the most that answering it at each level of
/// credit could add to the candidate's fits, summed over postings (see the
/// module documentation).
#[derive(Debug, Clone)]
pub struct Headroom {
    /// By skill, for an answer of full credit, of [`Weights::more_general`]
    /// credit and of [`Weights::related`] credit.
    levels: [Vec<f64>; 3],
}

/// The level of credit an answer by `how` earns at most.
fn level(how: Option<How>) -> usize {
    match how {
        Some(How::MoreGeneral) => 1,
        Some(How::Related) => 2,
        // The skill itself, a more specific one, or a field of study.
        Some(How::Same | How::MoreSpecific) | None => 0,
    }
}

impl Headroom {
    /// A bound on the gain of a new skill answering each of `answered`
    /// by its relation (`None`: as a field of study, or unknown), never
    /// below the exact gain.
    pub fn bound(&self, answered: impl IntoIterator<Item = (SkillId, Option<How>)>) -> f64 {
        let sum: f64 = answered
            .into_iter()
            .map(|(s, how)| {
                self.levels[level(how)]
                    .get(s.index())
                    .copied()
                    .unwrap_or(0.0)
            })
            .sum();
        sum * (1.0 + ROUNDING_MARGIN) + ROUNDING_MARGIN
    }
}

/// The base credit an answer at each level earns, clamped as credits are.
fn level_credits(weights: &Weights) -> [f64; 3] {
    [1.0, weights.more_general, weights.related].map(|f| f.clamp(0.0, 1.0))
}

impl PostingIndex {
    /// The [`Headroom`] of the candidate whose credits are `base`.
    pub fn headroom(&self, base: &BaseCredits) -> Headroom {
        let n = self.by_skill_start.len().saturating_sub(1);
        let credits_at = level_credits(&self.weights);
        let zero = || [vec![0.0; n], vec![0.0; n], vec![0.0; n]];
        let levels = (0..self.len())
            .into_par_iter()
            .fold(zero, |mut levels, p| {
                self.add_headroom(base, p, &credits_at, &mut levels);
                levels
            })
            .reduce(zero, |mut a, b| {
                for (x, y) in a.iter_mut().zip(&b) {
                    for (u, v) in x.iter_mut().zip(y) {
                        *u += v;
                    }
                }
                a
            });
        Headroom { levels }
    }

    /// Adds posting `p`'s terms to `levels`.
    fn add_headroom(
        &self,
        base: &BaseCredits,
        p: usize,
        credits_at: &[f64; 3],
        levels: &mut [Vec<f64>; 3],
    ) {
        let tally = base.tally(p);
        if tally.possible <= 0.0 || tally.evidence <= 0.0 {
            // Nothing weighs, or nothing is evidence: the fit is 0 whatever
            // the credits.
            return;
        }
        let per_point = 100.0 * tally.ceiling * tally.evidence
            / ((tally.evidence + self.weights.confidence_prior) * tally.possible);
        let (from, rows) = self.rows(p);
        for (i, s) in rows.iter().enumerate() {
            let (a, b, education) = match s.need {
                StoredNeed::Skill { from, to, .. } => (from, to, false),
                StoredNeed::Education { from, to, .. } => (from, to, true),
                StoredNeed::Experience { .. } => continue,
            };
            // Skill and education requirements are always assessed; one
            // that is not could not change either.
            let Some(credit) = base.credits[from + i] else {
                continue;
            };
            let weight = self.weight(s);
            let room = |f: f64| per_point * weight * (f - credit).max(0.0);
            let terms = if education {
                [room(1.0); 3]
            } else {
                credits_at.map(room)
            };
            for &k in &self.table.skills[a as usize..b as usize] {
                for (level, term) in levels.iter_mut().zip(terms) {
                    level[k.index()] += term;
                }
            }
        }
    }
}
