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
use crate::score::{BaseCredits, PostingIndex, SkillSet};
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
    let probe = Probe::new(taxonomy, index, candidate);
    let mut out: Vec<Suggestion> = probe
        .candidates(candidate)
        .par_iter()
        .map_init(Vec::new, |asking, &skill| probe.gain(skill, asking))
        .filter(|s| s.gain > 0.0)
        .collect();
    sort_suggestions(taxonomy, &mut out);
    out
}

/// What probing one skill after another needs, worked out once.
struct Probe<'a> {
    taxonomy: &'a Taxonomy,
    index: &'a PostingIndex,
    /// Every requirement's credit as the résumé stands.
    credits: BaseCredits,
    /// Every posting's fit as the résumé stands.
    base: Vec<f64>,
    /// In how many postings each skill is a missing required skill.
    counts: Vec<u32>,
    /// The résumé as scoring reads it (no quotes, no roles): each probe
    /// copies it.
    lean: Candidate,
}

impl<'a> Probe<'a> {
    fn new(taxonomy: &'a Taxonomy, index: &'a PostingIndex, candidate: &Candidate) -> Self {
        let profile = index.profile(taxonomy, candidate);
        // Every requirement's credit and posting's fit as they are,
        // computed once: a probe re-evaluates only what its skill answers.
        let credits = index.base_credits(&profile);
        let base: Vec<f64> = (0..index.len())
            .into_par_iter()
            .map(|p| credits.fit(index, p))
            .collect();
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
        let lean = Candidate {
            skills: candidate
                .skills
                .iter()
                .map(|s| CandidateSkill {
                    evidence: Vec::new(),
                    ..s.clone()
                })
                .collect(),
            roles: Vec::new(),
            ..candidate.clone()
        };
        Probe {
            taxonomy,
            index,
            credits,
            base,
            counts,
            lean,
        }
    }

    /// The skills worth probing: missing required somewhere, not held,
    /// not soft skills.
    fn candidates(&self, candidate: &Candidate) -> Vec<SkillId> {
        self.taxonomy
            .iter()
            .map(|(s, _)| s)
            .filter(|s| self.counts[s.index()] > 0)
            .filter(|&s| candidate.skill(s).is_none())
            .filter(|&s| self.taxonomy.skill(s).category != SOFT_SKILLS_CATEGORY)
            .collect()
    }

    /// The new skill as a fact, with unknown years and no evidence.
    fn new_skill(skill: SkillId) -> CandidateSkill {
        CandidateSkill {
            skill,
            years: None,
            years_from: None,
            skills_section_only: true,
            evidence: Vec::new(),
        }
    }

    /// The skills `skill` answers: the postings asking one of them are
    /// the ones it can change.
    fn reached(&self, skill: SkillId) -> Vec<SkillId> {
        let alone = Candidate {
            skills: vec![Self::new_skill(skill)],
            ..empty_candidate()
        };
        self.index.profile(self.taxonomy, &alone).reached().to_vec()
    }

    /// The exact gain of `skill`, summed in posting order.
    fn gain(&self, skill: SkillId, asking: &mut Vec<usize>) -> Suggestion {
        let reached = self.reached(skill);
        let mut with = self.lean.clone();
        with.skills.push(Self::new_skill(skill));
        let with_profile = self.index.profile(self.taxonomy, &with);
        // What the new skill can change: the skills it answers, and itself
        // and its ancestors as a field of study it holds.
        let changed = SkillSet::of(
            reached
                .iter()
                .chain(self.taxonomy.ancestors(skill))
                .copied()
                .chain([skill]),
        );
        let mut gain = 0.0;
        self.index.postings_asking_into(&reached, asking);
        for &p in asking.iter() {
            gain += self
                .index
                .fit_with(&self.credits, &with_profile, &changed, p)
                - self.base[p];
        }
        Suggestion {
            skill,
            gain,
            postings: self.counts[skill.index()] as usize,
        }
    }
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
