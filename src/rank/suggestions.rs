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
//!
//! When only the best `n` are wanted, a skill is scored only while it
//! can still be among them: every skill gets an upper bound on its gain
//! first ([`Headroom`]: what the requirements it answers could add at
//! most, in one pass over the postings), skills are scored exactly in
//! order of bound, and the search stops once `n` exact gains beat every
//! bound left. The `n` returned are then the first `n` of the whole list,
//! gains to the bit.

use rayon::prelude::*;

use crate::extract::resume::{Candidate, CandidateSkill};
use crate::score::credit::relation;
use crate::score::weights::SOFT_SKILLS_CATEGORY;
use crate::score::{BaseCredits, Headroom, PostingIndex, SkillSet};
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
    let mut out = probe.gains(&probe.candidates(candidate));
    sort_suggestions(taxonomy, &mut out);
    out
}

/// Skills scored exactly per step of [`best_suggestions`] before the bound
/// is checked again: a fixed number, so the work done does not depend on
/// the thread count (the result never does). Small in tests, whose
/// taxonomy is small, so that they stop early too.
const STEP: usize = if cfg!(test) { 2 } else { 8 };

/// The first `n` of [`suggestions`], scoring exactly only the skills
/// whose bound can still reach them (see the module documentation).
pub(super) fn best_suggestions(
    taxonomy: &Taxonomy,
    index: &PostingIndex,
    candidate: &Candidate,
    n: usize,
) -> Vec<Suggestion> {
    best_suggestions_scoring(taxonomy, index, candidate, n).0
}

/// [`best_suggestions`], and how many skills were scored exactly.
pub(super) fn best_suggestions_scoring(
    taxonomy: &Taxonomy,
    index: &PostingIndex,
    candidate: &Candidate,
    n: usize,
) -> (Vec<Suggestion>, usize) {
    if n == 0 {
        return (Vec::new(), 0);
    }
    let probe = Probe::new(taxonomy, index, candidate);
    let headroom = index.headroom(&probe.credits);
    let mut bounded: Vec<(f64, SkillId)> = probe
        .candidates(candidate)
        .into_par_iter()
        .map(|skill| (probe.bound(&headroom, skill), skill))
        .collect();
    bounded.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<Suggestion> = Vec::new();
    let mut scored = 0;
    for step in bounded.chunks(STEP) {
        // Every skill left has a gain of at most its bound, and the bounds
        // fall: once the n-th gain beats the first of them, none can take
        // its place, not even by a tie on gain.
        if out.len() >= n && out[n - 1].gain > step[0].0 {
            break;
        }
        let skills: Vec<SkillId> = step.iter().map(|&(_, s)| s).collect();
        out.extend(probe.gains(&skills));
        scored += skills.len();
        sort_suggestions(taxonomy, &mut out);
    }
    out.truncate(n);
    (out, scored)
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
                    index.missing_required_of(&credits, p, &mut missing);
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

    /// The exact gains of `skills`, those that add something.
    fn gains(&self, skills: &[SkillId]) -> Vec<Suggestion> {
        skills
            .par_iter()
            .map_init(Vec::new, |asking, &skill| self.gain(skill, asking))
            .filter(|s| s.gain > 0.0)
            .collect()
    }

    /// A bound on the gain of `skill` that its exact gain never exceeds.
    fn bound(&self, headroom: &Headroom, skill: SkillId) -> f64 {
        let answered = self.reached(skill).into_iter().map(|k| {
            let how = relation(self.taxonomy, skill, k, self.index.weights()).map(|(how, _)| how);
            (k, how)
        });
        headroom.bound(answered)
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
