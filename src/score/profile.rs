//! What a candidate answers, skill by skill: the credit rules' questions
//! ([`CandidateView`]) answered once per candidate, so that scoring a
//! posting looks each asked skill up instead of comparing it with every
//! skill of the résumé.
//!
//! A candidate's skill answers a requirement's skill when it is the same,
//! a more specific one, a more general one or a related one. All of those
//! are within the skill's [`Reach`]: itself, its ancestors, its descendants
//! and the skills related to it in either direction. The profile lists, for
//! every skill so reached, each answering skill's base credit and the years
//! the credit rules would use with it; [`evaluate`](super::credit::evaluate)
//! on the profile then gives exactly the credit it gives on the résumé.

use crate::extract::resume::Candidate;
use crate::extract::DegreeLevel;
use crate::occupation::profile::norm_squared;
use crate::occupation::Named;
use crate::taxonomy::{SkillId, Taxonomy};

use super::credit::{Answer, CandidateView};
use super::weights::Weights;

/// Lists of skills per skill, stored flat: the list of skill `s` is
/// `items[start[s]..start[s + 1]]`.
#[derive(Debug, Clone, Default)]
pub(crate) struct SkillLists {
    start: Vec<u32>,
    items: Vec<SkillId>,
}

impl SkillLists {
    /// Lists for `n` skills from `(skill, item)` pairs in any order; each
    /// list keeps its pairs' order.
    fn from_pairs(n: usize, pairs: &[(SkillId, SkillId)]) -> Self {
        let mut start = vec![0u32; n + 1];
        for &(s, _) in pairs {
            start[s.index() + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut next = start.clone();
        let mut items = vec![SkillId(0); pairs.len()];
        for &(s, item) in pairs {
            let at = &mut next[s.index()];
            items[*at as usize] = item;
            *at += 1;
        }
        SkillLists { start, items }
    }

    /// The list of `skill`.
    pub(crate) fn of(&self, skill: SkillId) -> &[SkillId] {
        let i = skill.index();
        match (self.start.get(i), self.start.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// What the taxonomy's links reach from each skill beyond its ancestors:
/// its descendants, and the skills that name it as related. Built once per
/// taxonomy; ancestors and forward links are the taxonomy's own.
#[derive(Debug, Clone, Default)]
pub struct Reach {
    descendants: SkillLists,
    related_from: SkillLists,
}

impl Reach {
    /// Inverts the taxonomy's ancestor sets and related links.
    pub fn new(taxonomy: &Taxonomy) -> Self {
        let mut down = Vec::new();
        let mut back = Vec::new();
        for (id, skill) in taxonomy.iter() {
            down.extend(taxonomy.ancestors(id).iter().map(|&a| (a, id)));
            back.extend(skill.related.iter().map(|&r| (r, id)));
        }
        Reach {
            descendants: SkillLists::from_pairs(taxonomy.len(), &down),
            related_from: SkillLists::from_pairs(taxonomy.len(), &back),
        }
    }

    /// Every skill `have` could answer, with duplicates: a superset of the
    /// skills [`relation`] relates it to.
    fn candidates<'t>(
        &'t self,
        taxonomy: &'t Taxonomy,
        have: SkillId,
    ) -> impl Iterator<Item = SkillId> + 't {
        std::iter::once(have)
            .chain(taxonomy.ancestors(have).iter().copied())
            .chain(self.descendants.of(have).iter().copied())
            .chain(taxonomy.skill(have).related.iter().copied())
            .chain(self.related_from.of(have).iter().copied())
    }
}

/// A candidate, prepared for scoring many postings: the answers of
/// [`CandidateView`] worked out once, for every skill the résumé reaches.
#[derive(Debug, Clone)]
pub struct CandidateProfile {
    /// The answers to skill `s` are `answers[start[s]..start[s + 1]]`.
    start: Vec<u32>,
    answers: Vec<Answer>,
    /// The skills with at least one answer, ascending.
    reached: Vec<SkillId>,
    /// (skill, candidate's skill that is it or a more specific one), sorted:
    /// what an education requirement's field of study counts. Sorted
    /// pairs, not a list per taxonomy skill, so that preparing a profile
    /// costs what the résumé holds, not what the taxonomy holds (the
    /// suggestions prepare one per skill tried).
    holders: Vec<(SkillId, SkillId)>,
    total_years: Option<f32>,
    education: Option<DegreeLevel>,
    /// The candidate's occupation profile, as role fit compares it
    /// ([`crate::occupation::profile::OccupationProfile::vector`]).
    occupation: Vec<(u16, f32)>,
    /// Its squared norm, as role fit divides by it.
    occupation_norm: f64,
}

impl CandidateProfile {
    /// Prepares `candidate` for `taxonomy` (with its `reach`) and `weights`.
    pub fn new(
        taxonomy: &Taxonomy,
        reach: &Reach,
        candidate: &Candidate,
        weights: &Weights,
    ) -> Self {
        let n = taxonomy.len();
        let mut found: Vec<(SkillId, Answer)> = Vec::new();
        let mut held: Vec<(SkillId, SkillId)> = Vec::new();
        let mut targets: Vec<SkillId> = Vec::new();
        for have in &candidate.skills {
            held.push((have.skill, have.skill));
            held.extend(
                taxonomy
                    .ancestors(have.skill)
                    .iter()
                    .map(|&a| (a, have.skill)),
            );
            targets.clear();
            targets.extend(reach.candidates(taxonomy, have.skill));
            targets.sort_unstable();
            targets.dedup();
            for &want in &targets {
                if let Some(answer) = Answer::of(taxonomy, have.skill, have.years, want, weights) {
                    found.push((want, answer));
                }
            }
        }
        found.sort_by_key(|&(want, _)| want);
        held.sort_unstable();
        held.dedup();
        let mut start = vec![0u32; n + 1];
        for &(want, _) in &found {
            start[want.index() + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let occupation = candidate.profile.vector();
        let mut reached: Vec<SkillId> = found.iter().map(|&(w, _)| w).collect();
        reached.dedup();
        CandidateProfile {
            start,
            answers: found.into_iter().map(|(_, a)| a).collect(),
            reached,
            holders: held,
            total_years: candidate.total_years,
            education: candidate.education,
            occupation_norm: norm_squared(&occupation, weights.same_minor_group),
            occupation,
        }
    }

    /// The candidate's occupation profile, by unit group.
    pub fn occupation(&self) -> &[(u16, f32)] {
        &self.occupation
    }

    /// The squared norm of [`occupation`](Self::occupation).
    pub fn occupation_norm(&self) -> f64 {
        self.occupation_norm
    }

    /// The skills some skill of the candidate answers, ascending.
    pub fn reached(&self) -> &[SkillId] {
        &self.reached
    }
}

/// The occupations `candidate`'s roles name, in résumé order, then the
/// headline's: what role fit compares with a posting's.
pub fn held_occupations(candidate: &Candidate) -> impl Iterator<Item = &Named> {
    candidate
        .roles
        .iter()
        .filter_map(|r| r.occupation.as_ref())
        .chain(candidate.headline.as_ref())
}

impl CandidateView for CandidateProfile {
    fn total_years(&self) -> Option<f32> {
        self.total_years
    }

    fn education(&self) -> Option<DegreeLevel> {
        self.education
    }

    fn answers(&self, want: SkillId) -> impl Iterator<Item = Answer> + '_ {
        let i = want.index();
        let list = match (self.start.get(i), self.start.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.answers[a as usize..b as usize],
            _ => &[],
        };
        list.iter().copied()
    }

    fn holders(&self, field: SkillId) -> impl Iterator<Item = SkillId> + '_ {
        let from = self.holders.partition_point(|&(f, _)| f < field);
        self.holders[from..]
            .iter()
            .take_while(move |&&(f, _)| f == field)
            .map(|&(_, have)| have)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::credit::{evaluate, Need, ResumeView};
    use crate::score::fixtures::{candidate, id, taxonomy, SKILLS};

    #[test]
    fn reach_inverts_ancestors_and_related_links() {
        let t = taxonomy();
        let reach = Reach::new(t);
        let mut down: Vec<SkillId> = reach.descendants.of(id("sql")).to_vec();
        down.sort_unstable();
        let mut want = vec![id("postgresql"), id("mysql")];
        want.sort_unstable();
        assert_eq!(down, want);
        assert_eq!(reach.related_from.of(id("java")), [id("kotlin")]);
        assert_eq!(reach.related_from.of(id("mysql")), [id("postgresql")]);
        assert!(reach.descendants.of(id("go")).is_empty());
    }

    #[test]
    fn answers_follow_the_relation_rules() {
        let t = taxonomy();
        let w = Weights::default();
        let reach = Reach::new(t);
        // PostgreSQL with 2 years; 4 years in all.
        let c = candidate(&[("postgresql", Some(2.0))], Some(4.0), None);
        let p = CandidateProfile::new(t, &reach, &c, &w);
        let cases = [
            // (asked, need, credit)
            ("postgresql", None, 1.0),
            ("sql", None, 1.0),            // more specific
            ("databases", Some(4.0), 0.5), // more specific, 2 of 4 years
            ("mysql", None, w.related),    // related
            ("java", None, 0.0),           // nothing
        ];
        for (asked, need, credit) in cases {
            let need = Need::Skill {
                any_of: &[id(asked)],
                years: need,
            };
            let got = evaluate(need, &p, &w).credit;
            assert!(
                got.is_some_and(|g| (g - credit).abs() < 1e-12),
                "{asked}: {got:?}"
            );
        }
        assert_eq!(
            p.holders(id("databases")).collect::<Vec<_>>(),
            [id("postgresql")]
        );
        assert_eq!(p.holders(id("mysql")).count(), 0);
        assert!(p.reached().contains(&id("mysql")));
        assert!(!p.reached().contains(&id("java")));
    }

    #[test]
    fn the_profile_answers_what_the_resume_answers() {
        let t = taxonomy();
        let w = Weights::default();
        let reach = Reach::new(t);
        let c = candidate(
            &[
                ("postgresql", Some(2.0)),
                ("kotlin", None),
                ("algorithms", None),
            ],
            Some(4.0),
            None,
        );
        let profile = CandidateProfile::new(t, &reach, &c, &w);
        let resume = ResumeView::new(t, &c, &w);
        let key = |a: &Answer| (a.have, a.how, a.levels);
        for want in SKILLS.iter().map(|s| id(s)) {
            let mut got: Vec<Answer> = profile.answers(want).collect();
            let mut expected: Vec<Answer> = resume.answers(want).collect();
            got.sort_by_key(key);
            expected.sort_by_key(key);
            assert_eq!(got, expected, "answers to {}", t.skill(want).id);
            let mut got: Vec<SkillId> = profile.holders(want).collect();
            let mut expected: Vec<SkillId> = resume.holders(want).collect();
            got.sort_unstable();
            expected.sort_unstable();
            assert_eq!(got, expected, "holders of {}", t.skill(want).id);
        }
    }
}
