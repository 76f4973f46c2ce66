//! Where a requirement repeated word for word is kept once.
//!
//! A posting that repeats a phrase asking for the same thing ("Python"
//! in two bullets, a sentence pasted twice, or a hostile file of one
//! sentence repeated a million times) asks for it once. Scoring already
//! weighs such a repeat at zero (`score/repeats.rs`: the first of equal
//! requirements is kept), so dropping it at parse time changes no score;
//! it keeps memory in proportion to what the posting says, not to how
//! often it says it. Requirements that ask for the same skills in
//! different words stay, for the explanation to show as repeats.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

use super::requirement::Requirement;

/// The requirements of one posting in text order, each phrase-and-ask kept
/// once.
#[derive(Debug, Default)]
pub(super) struct DistinctRequirements {
    list: Vec<Requirement>,
    /// Indexes into `list` by [`fingerprint`]; a hash shared by different
    /// requirements lists them all.
    by_fingerprint: HashMap<u64, Vec<usize>>,
}

impl DistinctRequirements {
    /// Adds `requirement` unless an earlier one repeats it word for word.
    pub(super) fn push(&mut self, requirement: Requirement) {
        let at = self
            .by_fingerprint
            .entry(fingerprint(&requirement))
            .or_default();
        if at.iter().any(|&i| same_ask(&self.list[i], &requirement)) {
            return;
        }
        at.push(self.list.len());
        self.list.push(requirement);
    }

    /// The requirements kept, in text order.
    pub(super) fn into_vec(self) -> Vec<Requirement> {
        self.list
    }
}

impl Extend<Requirement> for DistinctRequirements {
    fn extend<I: IntoIterator<Item = Requirement>>(&mut self, items: I) {
        for r in items {
            self.push(r);
        }
    }
}

/// A hash of what [`same_ask`] compares that is cheap to compute: the
/// phrase and the skills.
fn fingerprint(r: &Requirement) -> u64 {
    let mut h = DefaultHasher::new();
    r.text.hash(&mut h);
    r.any_of.hash(&mut h);
    h.finish()
}

/// Do `a` and `b` say the same thing in the same words, wherever they are?
/// Everything but the line is compared; the destructuring makes a new
/// field a compile error here until it is decided.
fn same_ask(a: &Requirement, b: &Requirement) -> bool {
    let Requirement {
        text,
        line: _,
        section,
        kind,
        any_of,
        min_years,
        max_years,
        education,
    } = a;
    *text == b.text
        && *section == b.section
        && *kind == b.kind
        && *any_of == b.any_of
        && *min_years == b.min_years
        && *max_years == b.max_years
        && *education == b.education
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::posting::{RequirementKind, Section};
    use crate::taxonomy::SkillId;

    fn skill(text: &str, line: usize, section: Section, skills: &[u32]) -> Requirement {
        Requirement {
            text: text.to_string(),
            line,
            section,
            kind: RequirementKind::Skill,
            any_of: skills.iter().map(|&s| SkillId(s)).collect(),
            min_years: None,
            max_years: None,
            education: None,
        }
    }

    #[test]
    fn a_word_for_word_repeat_is_kept_once_at_its_first_line() {
        let mut set = DistinctRequirements::default();
        set.push(skill("Python", 3, Section::Required, &[1]));
        set.push(skill("Go", 4, Section::Required, &[2]));
        set.push(skill("Python", 9, Section::Required, &[1]));
        let kept = set.into_vec();
        let lines: Vec<usize> = kept.iter().map(|r| r.line).collect();
        assert_eq!(lines, [3, 4]);
    }

    #[test]
    fn any_difference_but_the_line_keeps_both() {
        let base = skill("Python", 3, Section::Required, &[1]);
        let variants = [
            skill("Python 3", 5, Section::Required, &[1]),
            skill("Python", 5, Section::Preferred, &[1]),
            skill("Python", 5, Section::Required, &[1, 2]),
            Requirement {
                min_years: Some(3.0),
                ..base.clone()
            },
            Requirement {
                max_years: Some(2.0),
                ..base.clone()
            },
            Requirement {
                kind: RequirementKind::Other,
                ..base.clone()
            },
        ];
        for variant in variants {
            let mut set = DistinctRequirements::default();
            set.extend([base.clone(), variant.clone()]);
            assert_eq!(set.into_vec().len(), 2, "{variant:?} was merged");
        }
    }

    #[test]
    fn a_million_repeats_take_one_slot() {
        let mut set = DistinctRequirements::default();
        set.extend((0..1_000_000).map(|i| skill("Kubernetes", i + 1, Section::Required, &[7])));
        assert_eq!(set.by_fingerprint.len(), 1);
        assert_eq!(set.into_vec().len(), 1);
    }
}
