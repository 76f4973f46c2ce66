//! Repeats: a skill asked for again counts once.
//!
//! Skill requirements asking for the same set of skills count once: the
//! one in the weightiest section is kept (required, then preferred, then
//! responsibility), then the one with the most years asked, then the first;
//! the others become repeats, not assessed and weightless. "Backend
//! development" required on line 13, asked again on line 14 and in two
//! responsibilities, weighs as one requirement. A posting that says "AI"
//! four times does not make AI four requirements.

use crate::extract::posting::{Posting, RequirementKind};
use crate::taxonomy::SkillId;

/// For each requirement of `posting`, the index of the requirement it
/// repeats (the same set of skills asked again), or `None`.
/// It depends on the posting alone, so a ranking can compute it once per
/// posting: only skill requirements naming at least one skill take part,
/// and those are assessed for every candidate.
pub fn repeated_requirements(posting: &Posting) -> Vec<Option<usize>> {
    let requirements = &posting.requirements;
    let mut repeats = vec![None; requirements.len()];
    let mut order: Vec<usize> = (0..requirements.len())
        .filter(|&i| {
            requirements[i].kind == RequirementKind::Skill && !requirements[i].any_of.is_empty()
        })
        .collect();
    if order.len() < 2 {
        return repeats;
    }
    // Each requirement's skills as a sorted set, computed once.
    let sets: Vec<Vec<SkillId>> = requirements
        .iter()
        .map(|r| {
            let mut skills = r.any_of.clone();
            skills.sort_unstable();
            skills
        })
        .collect();
    let key = |i: usize| &sets[i];
    // Keepers first within each set of equal skills.
    order.sort_by(|&a, &b| {
        key(a).cmp(key(b)).then_with(|| {
            let (ra, rb) = (&requirements[a], &requirements[b]);
            ra.section
                .cmp(&rb.section)
                .then(
                    rb.min_years
                        .unwrap_or(0.0)
                        .total_cmp(&ra.min_years.unwrap_or(0.0)),
                )
                .then(a.cmp(&b))
        })
    });
    let mut kept: Option<usize> = None;
    for &i in &order {
        match kept {
            Some(k) if key(k) == key(i) => repeats[i] = Some(k),
            _ => kept = Some(i),
        }
    }
    repeats
}
