//! Suggestions answer "what should this candidate learn?".
//!
//! The candidates are the skills in any posting's missing required skills
//! that the candidate does not have, soft skills excepted (one shows those,
//! not learns them). Each is given to the candidate in turn (with unknown
//! years and no evidence) and every posting whose fit could change is
//! scored again; the skill's `gain` is the sum over postings of the new
//! fit (the figure rankings sort by) minus the old one, so it is exact,
//! not an estimate, and
//! `postings` is the number of postings in which it is a missing required
//! skill. Only a posting that asks for a skill the new one answers (the
//! same, more specific, more general or related) can change, so only those
//! are scored again, in posting order. The résumé's occupation reading
//! (role fit) is held as it is: the skill is added as a fact, not as a
//! word of the text, so a résumé that lists it may read a little
//! differently. Suggestions are sorted by gain,
//! highest first, then by the skill's string id (stable across taxonomy
//! edits); skills that would add nothing are left out.

use rayon::prelude::*;

use crate::extract::resume::{Candidate, CandidateSkill};
use crate::score::weights::SOFT_SKILLS_CATEGORY;
use crate::score::PostingIndex;
use crate::taxonomy::{SkillId, Taxonomy};

/// A skill that would raise the candidate's scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Suggestion {
    /// The skill.
    pub skill: SkillId,
    /// Sum over all postings of the fit the skill would add.
    pub gain: f64,
    /// In how many postings it is a missing required skill.
    pub postings: usize,
}

/// The suggestions for `candidate` across the postings of `index` (see
/// the module documentation).
pub(super) fn suggestions(
    taxonomy: &Taxonomy,
    index: &PostingIndex,
    candidate: &Candidate,
) -> Vec<Suggestion> {
    let profile = index.profile(taxonomy, candidate);
    // Every posting's fit as it is, computed once.
    let base: Vec<f64> = (0..index.len())
        .into_par_iter()
        .map(|p| index.fit(&profile, p))
        .collect();
    // In how many postings each skill is a missing required skill.
    let counts: Vec<u32> = (0..index.len())
        .into_par_iter()
        .fold(
            || (vec![0u32; taxonomy.len()], Vec::new()),
            |(mut counts, mut missing), p| {
                missing.clear();
                index.missing_required(&profile, p, &mut missing);
                for s in &missing {
                    counts[s.index()] += 1;
                }
                (counts, missing)
            },
        )
        .map(|(counts, _)| counts)
        .reduce(
            || vec![0u32; taxonomy.len()],
            |mut a, b| {
                for (x, y) in a.iter_mut().zip(b) {
                    *x += y;
                }
                a
            },
        );
    let skills: Vec<SkillId> = taxonomy
        .iter()
        .map(|(s, _)| s)
        .filter(|s| counts[s.index()] > 0)
        .filter(|&s| candidate.skill(s).is_none())
        .filter(|&s| taxonomy.skill(s).category != SOFT_SKILLS_CATEGORY)
        .collect();
    let mut out: Vec<Suggestion> = skills
        .par_iter()
        .map(|&skill| {
            let new_skill = CandidateSkill {
                skill,
                years: None,
                years_from: None,
                skills_section_only: true,
                evidence: Vec::new(),
            };
            // What the new skill alone answers: the postings to rescore.
            let alone = Candidate {
                skills: vec![new_skill.clone()],
                ..empty_candidate()
            };
            let reached = index.profile(taxonomy, &alone);
            let mut with = candidate.clone();
            with.skills.push(new_skill);
            let with_profile = index.profile(taxonomy, &with);
            let mut gain = 0.0;
            for p in index.postings_asking(reached.reached()) {
                gain += index.fit(&with_profile, p) - base[p];
            }
            Suggestion {
                skill,
                gain,
                postings: counts[skill.index()] as usize,
            }
        })
        .filter(|s| s.gain > 0.0)
        .collect();
    sort_suggestions(taxonomy, &mut out);
    out
}

/// A candidate with nothing: the base of a one-skill probe.
fn empty_candidate() -> Candidate {
    Candidate {
        name: None,
        id: String::new(),
        source: String::new(),
        total_years: None,
        education: None,
        skills: Vec::new(),
        roles: Vec::new(),
        headline: None,
        profile: Default::default(),
    }
}

/// By gain, highest first, then by the skill's string id.
pub(super) fn sort_suggestions(taxonomy: &Taxonomy, out: &mut [Suggestion]) {
    out.sort_by(|a, b| {
        b.gain
            .total_cmp(&a.gain)
            .then_with(|| taxonomy.skill(a.skill).id.cmp(&taxonomy.skill(b.skill).id))
    });
}
