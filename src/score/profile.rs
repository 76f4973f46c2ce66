//! What a candidate answers, skill by skill: the credit rules' relation
//! test (`credit::relation`) worked out once per candidate, so that scoring a
//! posting looks each asked skill up instead of comparing it with every
//! skill of the résumé.
//!
//! A candidate's skill answers a requirement's skill when it is the same,
//! a more specific one, a more general one or a related one. All of those
//! are within the skill's [`Reach`]: itself, its ancestors, its descendants
//! and the skills related to it in either direction. The profile lists, for
//! every skill so reached, each answering skill's base credit and the years
//! the credit rules would use with it; `CandidateProfile::skill_credit`
//! then gives exactly the credit `assess` computes, without the records.

use crate::extract::resume::Candidate;
use crate::taxonomy::{SkillId, Taxonomy};

use super::credit::{relation, years_factor};
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

/// One of the candidate's skills answering a skill: its base credit by the
/// relation, and the years the credit rules use with it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Answer {
    base: f64,
    years: Option<f32>,
}

/// A candidate, prepared for scoring many postings.
#[derive(Debug, Clone)]
pub struct CandidateProfile {
    /// The answers to skill `s` are `answers[start[s]..start[s + 1]]`.
    start: Vec<u32>,
    answers: Vec<Answer>,
    /// The skills with at least one answer, ascending.
    reached: Vec<SkillId>,
    /// Skills the candidate has, or has a more specific form of: what an
    /// education requirement's field of study counts.
    covers: Vec<bool>,
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
        let mut covers = vec![false; n];
        let mut targets: Vec<SkillId> = Vec::new();
        for have in &candidate.skills {
            covers[have.skill.index()] = true;
            for &a in taxonomy.ancestors(have.skill) {
                covers[a.index()] = true;
            }
            targets.clear();
            targets.extend(reach.candidates(taxonomy, have.skill));
            targets.sort_unstable();
            targets.dedup();
            // Unknown years with the skill are at most the years of
            // experience in all, as in the credit rules.
            let years = have.years.or(candidate.total_years);
            for &want in &targets {
                if let Some((_, base)) = relation(taxonomy, have.skill, want, weights) {
                    found.push((want, Answer { base, years }));
                }
            }
        }
        found.sort_by_key(|&(want, _)| want);
        let mut start = vec![0u32; n + 1];
        for &(want, _) in &found {
            start[want.index() + 1] += 1;
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut reached: Vec<SkillId> = found.iter().map(|&(w, _)| w).collect();
        reached.dedup();
        CandidateProfile {
            start,
            answers: found.into_iter().map(|(_, a)| a).collect(),
            reached,
            covers,
        }
    }

    /// The skills some skill of the candidate answers, ascending.
    pub fn reached(&self) -> &[SkillId] {
        &self.reached
    }

    /// Does the candidate have `field`, or a more specific form of it?
    pub(crate) fn covers(&self, field: SkillId) -> bool {
        self.covers.get(field.index()).copied().unwrap_or(false)
    }

    fn answers(&self, want: SkillId) -> &[Answer] {
        let i = want.index();
        match (self.start.get(i), self.start.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.answers[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The credit, before clamping, of a skill requirement asking for any
    /// of `any_of` with `need` years: the best answer, as `assess` picks it.
    pub(crate) fn skill_credit(&self, any_of: &[SkillId], need: Option<f32>) -> f64 {
        let mut best: Option<f64> = None;
        for &want in any_of {
            for a in self.answers(want) {
                let credit = a.base * years_factor(a.years, need);
                if best.is_none_or(|b| credit.total_cmp(&b).is_gt()) {
                    best = Some(credit);
                }
            }
        }
        best.unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::fixtures::{candidate, id, taxonomy};

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
            let got = p.skill_credit(&[id(asked)], need);
            assert!((got - credit).abs() < 1e-12, "{asked}: {got}");
        }
        assert!(p.covers(id("databases")) && !p.covers(id("mysql")));
        assert!(p.reached().contains(&id("mysql")));
        assert!(!p.reached().contains(&id("java")));
    }
}
