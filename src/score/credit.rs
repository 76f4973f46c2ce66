//! The credit rules: how well one candidate meets one requirement, one rule
//! per requirement kind, written once.
//!
//! Both the explanation ([`assess`](super::assessment::assess), which
//! builds a record per requirement) and candidate retrieval
//! ([`PostingIndex`](super::PostingIndex), which only needs the number)
//! call [`evaluate`]. They differ only in how they look the candidate up,
//! through [`CandidateView`]: [`ResumeView`] walks the résumé's skills,
//! [`CandidateProfile`](super::CandidateProfile) looks up answers worked
//! out once per candidate. Every rule below is in this file only.
//!
//! Invariants: every credit is in `[0, 1]` (given [`Weights`] in range);
//! a requirement that cannot be assessed has no credit, so it never moves
//! a score; the chosen match is the same whatever the order of the
//! candidate's skills, ties breaking on the alternative's position, the
//! closeness of the relation, the levels between the two skills, the years
//! with the skill, and then the [`SkillId`]. Giving a candidate one more skill never lowers
//! any credit: each credit is a maximum over the candidate's skills.
//!
//! The rules, by requirement kind:
//!
//! * **skill**: for each alternative of `any_of`, each of the candidate's
//!   skills earns 1 if it is that skill or a more specific one, else
//!   [`Weights::more_general`] if it is more general, else
//!   [`Weights::related`] if either skill lists the other as related. A
//!   field of study (taxonomy category `education`) never earns the
//!   more-general credit: a degree in Computer Science is not experience
//!   in Artificial Intelligence. When
//!   the requirement states `min_years` and the candidate's years with the
//!   matched skill are known and fewer, the credit is scaled by have/need.
//!   Unknown years are reported (`years.have` is `None`) and bounded by the
//!   candidate's total years when those are known (`years.cap`): "5+ years
//!   of Java" on a résumé with one year of experience in all is not met by
//!   saying nothing about Java's years.
//!   The highest credit wins.
//! * **experience**: the candidate's total years against `min_years`, scaled
//!   by have/need when short, and against `max_years` (entry-level
//!   postings), scaled by max/have when over. When the résumé gives no dates and states no
//!   total, the requirement is *not assessed*: unknown years are not
//!   punished, and counting them as met would reward a résumé for saying less.
//! * **education**: a degree of the level asked or higher meets it; when the
//!   posting names fields of study and the résumé mentions none of them (nor
//!   a more specific one), the credit is [`Weights::other_field`]. Below the
//!   level (a résumé that names no degree counts as "no degree"), a posting
//!   that accepts equivalent experience gives [`Weights::equivalent_experience`]
//!   when the candidate's total years reach [`Weights::years_per_degree_level`]
//!   per missing level; otherwise the requirement is missing.
//! * **other**: not assessed.
//!
//! An assessed requirement weighs its section's weight; one that names only
//! soft skills weighs that times [`Weights::soft_skills`] (see [`weight`]).

use std::cmp::Ordering;

use crate::extract::posting::{Requirement, RequirementKind, Section, EDUCATION_CATEGORY};
use crate::extract::resume::Candidate;
use crate::extract::DegreeLevel;
use crate::taxonomy::{SkillId, Taxonomy};

use super::weights::{Weights, SOFT_SKILLS_CATEGORY};

/// How well a requirement is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Full credit.
    Met,
    /// Some credit, less than full.
    Partial,
    /// No credit.
    Missing,
    /// Not scored (kind `other`, or nothing to compare): weight 0.
    NotAssessed,
}

impl Status {
    /// The contract name: `met`, `partial`, `missing`, `not_assessed`.
    pub fn name(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Partial => "partial",
            Status::Missing => "missing",
            Status::NotAssessed => "not_assessed",
        }
    }

    /// The status an assessed credit in `[0, 1]` stands for.
    pub fn of_credit(credit: f64) -> Status {
        if credit >= 1.0 {
            Status::Met
        } else if credit > 0.0 {
            Status::Partial
        } else {
            Status::Missing
        }
    }
}

/// How the candidate's skill relates to the skill asked for. Ordered from
/// the closest to the loosest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum How {
    /// The very skill.
    Same,
    /// A more specific skill (PostgreSQL for SQL): full credit.
    MoreSpecific,
    /// Only a more general skill (SQL for PostgreSQL).
    MoreGeneral,
    /// A related skill (MySQL for PostgreSQL).
    Related,
}

impl How {
    /// The contract name: `same`, `more_specific`, `more_general`, `related`.
    pub fn name(self) -> &'static str {
        match self {
            How::Same => "same",
            How::MoreSpecific => "more_specific",
            How::MoreGeneral => "more_general",
            How::Related => "related",
        }
    }
}

/// The alternative that matched and the candidate's skill that matched it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Matched {
    /// The skill asked for: an alternative of `any_of`, or a field of study.
    pub required: SkillId,
    /// The candidate's skill.
    pub candidate: SkillId,
    /// How the two relate.
    pub how: How,
}

/// Years had and needed. For skill requirements: the candidate's years with
/// the matched skill and `min_years`; for experience requirements: total
/// years and `min_years`; for education requirements met through
/// experience: total years and the years that stand in for the degree.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Years {
    /// What the candidate has, when known.
    pub have: Option<f32>,
    /// What the requirement asks for, when it asks.
    pub need: Option<f32>,
    /// The most years an entry-level posting looks for (experience
    /// requirements only).
    pub max: Option<f32>,
    /// When the years with the skill are unknown and some are needed: the
    /// candidate's years of experience in all, which bound them.
    pub cap: Option<f32>,
}

/// What a requirement needs for its credit, whatever holds it: a
/// [`Requirement`] ([`Need::of`]) or a row of a posting table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Need<'a> {
    /// Any of `any_of`, with `years` of it.
    Skill {
        /// The alternatives (never empty).
        any_of: &'a [SkillId],
        /// `min_years`, if stated.
        years: Option<f32>,
    },
    /// Years of experience in all: at least `min`, at most `max`
    /// (entry-level postings).
    Experience {
        /// The floor, if stated.
        min: Option<f32>,
        /// The ceiling, if any.
        max: Option<f32>,
    },
    /// A degree of at least `level`, in one of `fields` if any are named.
    Education {
        /// The lowest level that meets it.
        level: DegreeLevel,
        /// Whether experience may stand in for the degree.
        or_equivalent: bool,
        /// The fields of study named (may be empty).
        fields: &'a [SkillId],
    },
    /// Nothing that can be compared (kind `other`, a skill requirement
    /// naming no skill); `years` is what it states, for the record.
    Nothing {
        /// `min_years`, if stated.
        years: Option<f32>,
    },
}

impl<'a> Need<'a> {
    /// What `requirement` needs.
    pub fn of(requirement: &'a Requirement) -> Need<'a> {
        match (requirement.kind, &requirement.education) {
            (RequirementKind::Skill, _) if !requirement.any_of.is_empty() => Need::Skill {
                any_of: &requirement.any_of,
                years: requirement.min_years,
            },
            (RequirementKind::Skill, _) => Need::Nothing {
                years: requirement.min_years,
            },
            (RequirementKind::Experience, _) => Need::Experience {
                min: requirement.min_years,
                max: requirement.max_years,
            },
            (RequirementKind::Education, Some(e)) => Need::Education {
                level: e.level,
                or_equivalent: e.or_equivalent,
                fields: &e.fields,
            },
            (RequirementKind::Education, None) | (RequirementKind::Other, _) => {
                Need::Nothing { years: None }
            }
        }
    }

    /// Can this need be assessed for some candidate? (Not for
    /// [`Need::Nothing`]; experience needs a bound.) A table of postings
    /// keeps only these.
    pub fn is_assessable(&self) -> bool {
        !matches!(self, Need::Nothing { .. })
    }
}

/// One of the candidate's skills that answers a skill asked for: how they
/// relate, the base credit of that relation, and what breaks ties.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Answer {
    /// The candidate's skill.
    pub have: SkillId,
    /// How it relates to the skill asked for.
    pub how: How,
    /// The credit of that relation before years ([`relation`]).
    pub base: f64,
    /// The candidate's years with the skill, when known.
    pub years: Option<f32>,
    /// Hierarchy levels between the two skills (0 for the same skill).
    pub levels: u32,
}

impl Answer {
    /// How `have` (a candidate's skill, with `years`) answers `want`, if it
    /// does ([`relation`]).
    pub fn of(
        taxonomy: &Taxonomy,
        have: SkillId,
        years: Option<f32>,
        want: SkillId,
        weights: &Weights,
    ) -> Option<Answer> {
        relation(taxonomy, have, want, weights).map(|(how, base)| Answer {
            have,
            how,
            base,
            years,
            levels: taxonomy.depth(have).abs_diff(taxonomy.depth(want)),
        })
    }
}

/// What the credit rules ask of a candidate. The rules are written once
/// against this; a view only decides how the answers are found.
pub trait CandidateView {
    /// Years of experience in all, when known.
    fn total_years(&self) -> Option<f32>;
    /// The highest degree, when stated.
    fn education(&self) -> Option<DegreeLevel>;
    /// Every skill of the candidate that answers `want` ([`Answer::of`]),
    /// in any order.
    fn answers(&self, want: SkillId) -> impl Iterator<Item = Answer> + '_;
    /// Every skill of the candidate that is `field` or a more specific one,
    /// in any order.
    fn holders(&self, field: SkillId) -> impl Iterator<Item = SkillId> + '_;
}

/// The candidate as read: each question walks the résumé's skills. Right
/// for one posting; for many, [`CandidateProfile`](super::CandidateProfile)
/// answers the same questions from a table built once.
#[derive(Debug, Clone, Copy)]
pub struct ResumeView<'a> {
    taxonomy: &'a Taxonomy,
    candidate: &'a Candidate,
    weights: &'a Weights,
}

impl<'a> ResumeView<'a> {
    /// A view of `candidate` under `taxonomy` and `weights`.
    pub fn new(taxonomy: &'a Taxonomy, candidate: &'a Candidate, weights: &'a Weights) -> Self {
        ResumeView {
            taxonomy,
            candidate,
            weights,
        }
    }
}

impl CandidateView for ResumeView<'_> {
    fn total_years(&self) -> Option<f32> {
        self.candidate.total_years
    }

    fn education(&self) -> Option<DegreeLevel> {
        self.candidate.education
    }

    fn answers(&self, want: SkillId) -> impl Iterator<Item = Answer> + '_ {
        self.candidate
            .skills
            .iter()
            .filter_map(move |s| Answer::of(self.taxonomy, s.skill, s.years, want, self.weights))
    }

    fn holders(&self, field: SkillId) -> impl Iterator<Item = SkillId> + '_ {
        self.candidate
            .skills
            .iter()
            .filter(move |s| self.taxonomy.is_a(s.skill, field))
            .map(|s| s.skill)
    }
}

/// What the rules decide for one requirement.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    /// The credit in `[0, 1]`, or `None` when the requirement is not assessed.
    pub credit: Option<f64>,
    /// The skill (or field of study) that matched, if any.
    pub matched: Option<Matched>,
    /// Years had and needed.
    pub years: Years,
}

impl Outcome {
    fn not_assessed(years: Years) -> Self {
        Outcome {
            credit: None,
            matched: None,
            years,
        }
    }
}

/// The credit rules: how `candidate` meets `need`, by the rule of its kind
/// (see the module documentation), the credit clamped to `[0, 1]`.
pub fn evaluate(need: Need<'_>, candidate: &impl CandidateView, weights: &Weights) -> Outcome {
    let mut outcome = match need {
        Need::Skill { any_of, years } => skill(any_of, years, candidate),
        Need::Experience { min, max } => experience(min, max, candidate),
        Need::Education {
            level,
            or_equivalent,
            fields,
        } => education(level, or_equivalent, fields, candidate, weights),
        Need::Nothing { years } => Outcome::not_assessed(Years {
            need: years,
            ..Years::default()
        }),
    };
    outcome.credit = outcome.credit.map(|c| c.clamp(0.0, 1.0));
    outcome
}

/// The credit [`evaluate`] gives, alone: the same rules, without keeping
/// what a record shows (the matched skill, the years). What a ranking
/// scores thousands of postings with.
#[inline(always)]
pub fn credit(need: Need<'_>, candidate: &impl CandidateView, weights: &Weights) -> Option<f64> {
    let credit = match need {
        Need::Skill { any_of, years } => Some(
            best_answer::<BestCredit>(any_of, years, candidate)
                .0
                .unwrap_or(0.0),
        ),
        _ => background_credit(need, candidate, weights),
    };
    credit.map(|c| c.clamp(0.0, 1.0))
}

/// The credit of a requirement that is not a skill, kept out of line so
/// that the skill path of [`credit`], the hot one, stays small.
#[inline(never)]
fn background_credit(
    need: Need<'_>,
    candidate: &impl CandidateView,
    weights: &Weights,
) -> Option<f64> {
    evaluate(need, candidate, weights).credit
}

/// The weight of an assessed requirement: its section's weight, times
/// [`Weights::soft_skills`] when every alternative is a soft skill.
pub fn weight(taxonomy: &Taxonomy, requirement: &Requirement, weights: &Weights) -> f64 {
    weight_of(
        requirement.section,
        names_only_soft_skills(taxonomy, requirement),
        weights,
    )
}

/// Is `requirement` a skill requirement whose every alternative is a soft skill?
pub fn names_only_soft_skills(taxonomy: &Taxonomy, requirement: &Requirement) -> bool {
    requirement.kind == RequirementKind::Skill
        && !requirement.any_of.is_empty()
        && requirement
            .any_of
            .iter()
            .all(|&s| taxonomy.skill(s).category == SOFT_SKILLS_CATEGORY)
}

/// The weight of an assessed requirement in `section`, naming only soft
/// skills or not (see [`weight`]).
pub fn weight_of(section: Section, soft_only: bool, weights: &Weights) -> f64 {
    let section = weights.section(section);
    if soft_only {
        section * weights.soft_skills
    } else {
        section
    }
}

/// `have / need`, capped at 1; 1 when either is unknown or nothing is needed.
fn years_factor(have: Option<f32>, need: Option<f32>) -> f64 {
    match (have, need) {
        (Some(have), Some(need)) if need > 0.0 && have < need => {
            (f64::from(have.max(0.0)) / f64::from(need)).clamp(0.0, 1.0)
        }
        _ => 1.0,
    }
}

/// How `have` (a candidate's skill) answers `want` (a skill asked for), and
/// the credit before years.
pub fn relation(
    taxonomy: &Taxonomy,
    have: SkillId,
    want: SkillId,
    weights: &Weights,
) -> Option<(How, f64)> {
    if have == want {
        Some((How::Same, 1.0))
    } else if taxonomy.is_a(have, want) {
        Some((How::MoreSpecific, 1.0))
    } else if taxonomy.is_a(want, have) && taxonomy.skill(have).category != EDUCATION_CATEGORY {
        // A field of study is not a skill in use: a Computer Science degree
        // earns nothing toward "Artificial Intelligence".
        Some((How::MoreGeneral, weights.more_general))
    } else if taxonomy.skill(have).related.contains(&want)
        || taxonomy.skill(want).related.contains(&have)
    {
        Some((How::Related, weights.related))
    } else {
        None
    }
}

/// One possible match and the key that ranks it.
struct Choice {
    credit: f64,
    alternative: usize,
    want: SkillId,
    answer: Answer,
}

impl Choice {
    /// Better first: higher credit, then the earlier alternative, then the
    /// closer relation, then the fewer levels apart in the hierarchy (React
    /// before WordPress for "front-end development"), then more years with
    /// the skill (known years before unknown), then the smaller candidate
    /// skill id.
    fn better(&self, other: &Self) -> Ordering {
        let years = |c: &Choice| c.answer.years.map_or(f32::NEG_INFINITY, |y| y);
        other
            .credit
            .total_cmp(&self.credit)
            .then(self.alternative.cmp(&other.alternative))
            .then(self.answer.how.cmp(&other.answer.how))
            .then(self.answer.levels.cmp(&other.answer.levels))
            .then(years(other).total_cmp(&years(self)))
            .then(self.answer.have.cmp(&other.answer.have))
    }
}

/// What the skill rule keeps of the answers it is offered: the best
/// choice with everything a record shows ([`BestChoice`]), or only the best
/// credit ([`BestCredit`]), which is all a ranking needs. Either way the
/// answers and their credits come from the one loop in [`best_answer`].
trait Keep: Default {
    fn offer(&mut self, credit: f64, alternative: usize, want: SkillId, answer: &Answer);
}

/// The best choice by [`Choice::better`].
#[derive(Default)]
struct BestChoice(Option<Choice>);

impl Keep for BestChoice {
    #[inline]
    fn offer(&mut self, credit: f64, alternative: usize, want: SkillId, answer: &Answer) {
        let option = Choice {
            credit,
            alternative,
            want,
            answer: *answer,
        };
        if self
            .0
            .as_ref()
            .is_none_or(|b| option.better(b) == Ordering::Less)
        {
            self.0 = Some(option);
        }
    }
}

/// The highest credit: the credit of [`BestChoice`]'s choice, whose first
/// key is the credit.
#[derive(Default)]
struct BestCredit(Option<f64>);

impl Keep for BestCredit {
    #[inline]
    fn offer(&mut self, credit: f64, _: usize, _: SkillId, _: &Answer) {
        if self.0.is_none_or(|b| credit.total_cmp(&b).is_gt()) {
            self.0 = Some(credit);
        }
    }
}

/// Offers `keep` every answer to every alternative of `any_of`, with its
/// credit: the relation's base credit, scaled by the years.
#[inline]
fn best_answer<K: Keep>(
    any_of: &[SkillId],
    need: Option<f32>,
    candidate: &impl CandidateView,
) -> K {
    let total = candidate.total_years();
    let mut keep = K::default();
    for (alternative, &want) in any_of.iter().enumerate() {
        for answer in candidate.answers(want) {
            // Unknown years with the skill are at most the years of
            // experience in all: a résumé that says less earns no more.
            let credit = answer.base * years_factor(answer.years.or(total), need);
            keep.offer(credit, alternative, want, &answer);
        }
    }
    keep
}

fn skill(any_of: &[SkillId], need: Option<f32>, candidate: &impl CandidateView) -> Outcome {
    let total = candidate.total_years();
    match best_answer::<BestChoice>(any_of, need, candidate).0 {
        Some(b) => Outcome {
            credit: Some(b.credit),
            matched: Some(Matched {
                required: b.want,
                candidate: b.answer.have,
                how: b.answer.how,
            }),
            years: Years {
                have: b.answer.years,
                need,
                max: None,
                cap: if b.answer.years.is_none() && need.is_some() {
                    total
                } else {
                    None
                },
            },
        },
        None => Outcome {
            credit: Some(0.0),
            matched: None,
            years: Years {
                need,
                ..Years::default()
            },
        },
    }
}

fn experience(min: Option<f32>, max: Option<f32>, candidate: &impl CandidateView) -> Outcome {
    let years = Years {
        have: candidate.total_years(),
        need: min,
        max,
        cap: None,
    };
    let credit = match years.have {
        Some(_) if years.need.is_some() || years.max.is_some() => {
            Some(years_factor(years.have, years.need) * ceiling_factor(years.have, years.max))
        }
        _ => None,
    };
    Outcome {
        credit,
        matched: None,
        years,
    }
}

/// `max / have` when the candidate has more years than an entry-level
/// posting looks for, else 1: nine years of experience fit a graduate
/// programme as poorly as one year fits a role asking for nine.
fn ceiling_factor(have: Option<f32>, max: Option<f32>) -> f64 {
    match (have, max) {
        (Some(have), Some(max)) if have > max && have > 0.0 => {
            (f64::from(max.max(0.0)) / f64::from(have)).clamp(0.0, 1.0)
        }
        _ => 1.0,
    }
}

/// Rank of a degree level for counting missing levels; 0 is "no degree stated".
fn level_rank(level: Option<DegreeLevel>) -> u8 {
    match level {
        None => 0,
        Some(DegreeLevel::Associate) => 1,
        Some(DegreeLevel::Bachelor) => 2,
        Some(DegreeLevel::Master) => 3,
        Some(DegreeLevel::Phd) => 4,
    }
}

fn education(
    level: DegreeLevel,
    or_equivalent: bool,
    fields: &[SkillId],
    candidate: &impl CandidateView,
    weights: &Weights,
) -> Outcome {
    let has_level = candidate.education().is_some_and(|l| l >= level);
    if has_level {
        if fields.is_empty() {
            return Outcome {
                credit: Some(1.0),
                matched: None,
                years: Years::default(),
            };
        }
        // The first field named that the résumé has (or has a more specific
        // form of); among its forms, the field itself, else the smallest id.
        let matched = fields.iter().find_map(|&want| {
            candidate
                .holders(want)
                .min_by_key(|&s| (s != want, s))
                .map(|have| Matched {
                    required: want,
                    candidate: have,
                    how: if have == want {
                        How::Same
                    } else {
                        How::MoreSpecific
                    },
                })
        });
        return Outcome {
            credit: Some(if matched.is_some() {
                1.0
            } else {
                weights.other_field
            }),
            matched,
            years: Years::default(),
        };
    }
    if !or_equivalent {
        return Outcome {
            credit: Some(0.0),
            matched: None,
            years: Years::default(),
        };
    }
    let missing_levels = level_rank(Some(level)).saturating_sub(level_rank(candidate.education()));
    let need = f64::from(missing_levels) * weights.years_per_degree_level;
    let years = Years {
        have: candidate.total_years(),
        need: Some(need as f32),
        max: None,
        cap: None,
    };
    let covered = candidate
        .total_years()
        .is_some_and(|have| f64::from(have) >= need);
    Outcome {
        credit: Some(if covered {
            weights.equivalent_experience
        } else {
            0.0
        }),
        matched: None,
        years,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::resume::{ResumeSection, SkillEvidence};
    use crate::score::assessment::assess;
    use crate::score::fixtures::{
        candidate, education_req, experience_req, id, other_req, skill_req, taxonomy,
    };

    /// Expected outcome: status, credit, and the (required, candidate, how) match.
    type Expected<'a> = (Status, f64, Option<(&'a str, &'a str, How)>);

    fn check(
        name: &str,
        requirement: &Requirement,
        cand: &Candidate,
        weights: &Weights,
        expected: Expected<'_>,
    ) {
        let a = assess(taxonomy(), 0, requirement, cand, weights);
        let (status, credit, matched) = expected;
        assert_eq!(a.status, status, "{name}: status");
        assert!(
            (a.credit - credit).abs() < 1e-9,
            "{name}: credit {} != {credit}",
            a.credit
        );
        let want = matched.map(|(r, c, how)| Matched {
            required: id(r),
            candidate: id(c),
            how,
        });
        assert_eq!(a.matched, want, "{name}: matched");
    }

    #[test]
    fn soft_skill_requirements_weigh_less() {
        let w = Weights::default();
        let cases = [
            ("soft only", Section::Required, vec!["communication"], 0.25),
            (
                "two soft",
                Section::Preferred,
                vec!["communication", "teamwork"],
                0.125,
            ),
            (
                "soft or hard",
                Section::Required,
                vec!["communication", "java"],
                1.0,
            ),
            ("hard", Section::Responsibility, vec!["java"], 0.25),
        ];
        let cand = candidate(&[("java", None)], None, None);
        for (name, section, any_of, expected) in cases {
            let r = skill_req(section, &any_of, None);
            assert!(
                (weight(taxonomy(), &r, &w) - expected).abs() < 1e-12,
                "{name}"
            );
            assert!(
                (assess(taxonomy(), 0, &r, &cand, &w).weight - expected).abs() < 1e-12,
                "{name}"
            );
        }
        let none = Weights {
            soft_skills: 0.0,
            ..w
        };
        let r = skill_req(Section::Required, &["communication"], None);
        assert_eq!(assess(taxonomy(), 0, &r, &cand, &none).weight, 0.0);
    }

    #[test]
    fn skill_credit_follows_the_hierarchy_relations_and_years() {
        use How::*;
        use Status::*;
        let req = |any_of: &[&str], years| skill_req(Section::Required, any_of, years);
        let cases: Vec<(&str, Requirement, Candidate, Expected<'_>)> = vec![
            (
                "same",
                req(&["sql"], None),
                candidate(&[("sql", None)], None, None),
                (Met, 1.0, Some(("sql", "sql", Same))),
            ),
            (
                "more specific: PostgreSQL for SQL",
                req(&["sql"], None),
                candidate(&[("postgresql", None)], None, None),
                (Met, 1.0, Some(("sql", "postgresql", MoreSpecific))),
            ),
            (
                "more specific through two levels",
                req(&["databases"], None),
                candidate(&[("postgresql", None)], None, None),
                (Met, 1.0, Some(("databases", "postgresql", MoreSpecific))),
            ),
            (
                "more general: SQL for PostgreSQL",
                req(&["postgresql"], None),
                candidate(&[("sql", None)], None, None),
                (Partial, 0.5, Some(("postgresql", "sql", MoreGeneral))),
            ),
            (
                "a field of study is not a more general skill",
                req(&["algorithms"], None),
                candidate(&[("computer-science", None)], None, None),
                (Missing, 0.0, None),
            ),
            (
                "but a skill under a field of study is more specific",
                req(&["computer-science"], None),
                candidate(&[("algorithms", None)], None, None),
                (
                    Met,
                    1.0,
                    Some(("computer-science", "algorithms", MoreSpecific)),
                ),
            ),
            (
                "related: MySQL for PostgreSQL",
                req(&["postgresql"], None),
                candidate(&[("mysql", None)], None, None),
                (Partial, 0.4, Some(("postgresql", "mysql", Related))),
            ),
            (
                "related either way: PostgreSQL for MySQL",
                req(&["mysql"], None),
                candidate(&[("postgresql", None)], None, None),
                (Partial, 0.4, Some(("mysql", "postgresql", Related))),
            ),
            (
                "siblings are not related",
                req(&["java"], None),
                candidate(&[("go", None)], None, None),
                (Missing, 0.0, None),
            ),
            (
                "no skills",
                req(&["java"], None),
                candidate(&[], None, None),
                (Missing, 0.0, None),
            ),
            (
                "years 3 of 5 scale to 0.6",
                req(&["java"], Some(5.0)),
                candidate(&[("java", Some(3.0))], None, None),
                (Partial, 0.6, Some(("java", "java", Same))),
            ),
            (
                "unknown years are not punished",
                req(&["java"], Some(5.0)),
                candidate(&[("java", None)], None, None),
                (Met, 1.0, Some(("java", "java", Same))),
            ),
            (
                "more years than needed",
                req(&["java"], Some(5.0)),
                candidate(&[("java", Some(8.0))], None, None),
                (Met, 1.0, Some(("java", "java", Same))),
            ),
            (
                "short years scale a partial credit too",
                req(&["postgresql"], Some(4.0)),
                candidate(&[("sql", Some(2.0))], None, None),
                (Partial, 0.25, Some(("postgresql", "sql", MoreGeneral))),
            ),
            (
                "the best alternative wins",
                req(&["go", "java"], None),
                candidate(&[("java", None)], None, None),
                (Met, 1.0, Some(("java", "java", Same))),
            ),
            (
                "a full match beats an earlier partial one",
                req(&["postgresql", "java"], None),
                candidate(&[("sql", None), ("java", None)], None, None),
                (Met, 1.0, Some(("java", "java", Same))),
            ),
            (
                "ties go to the earlier alternative",
                req(&["java", "go"], None),
                candidate(&[("go", None), ("java", None)], None, None),
                (Met, 1.0, Some(("java", "java", Same))),
            ),
            (
                "ties then go to the smaller skill id",
                req(&["sql"], None),
                candidate(&[("mysql", None), ("postgresql", None)], None, None),
                (Met, 1.0, Some(("sql", "postgresql", MoreSpecific))),
            ),
            (
                "the very skill is shown before a more specific one",
                req(&["sql"], None),
                candidate(&[("postgresql", None), ("sql", None)], None, None),
                (Met, 1.0, Some(("sql", "sql", Same))),
            ),
            (
                "years choose between two more specific skills",
                req(&["sql"], Some(5.0)),
                candidate(
                    &[("postgresql", Some(2.0)), ("mysql", Some(6.0))],
                    None,
                    None,
                ),
                (Met, 1.0, Some(("sql", "mysql", MoreSpecific))),
            ),
            (
                "no alternatives is not assessed",
                req(&[], None),
                candidate(&[("java", None)], None, None),
                (NotAssessed, 0.0, None),
            ),
        ];
        for (name, requirement, cand, expected) in &cases {
            check(name, requirement, cand, &Weights::default(), *expected);
        }
    }

    #[test]
    fn partial_credits_come_from_the_weights() {
        let weights = Weights {
            more_general: 0.3,
            related: 0.1,
            ..Weights::default()
        };
        let req = skill_req(Section::Required, &["postgresql"], None);
        let general = candidate(&[("sql", None)], None, None);
        let related = candidate(&[("mysql", None)], None, None);
        check(
            "general",
            &req,
            &general,
            &weights,
            (
                Status::Partial,
                0.3,
                Some(("postgresql", "sql", How::MoreGeneral)),
            ),
        );
        check(
            "related",
            &req,
            &related,
            &weights,
            (
                Status::Partial,
                0.1,
                Some(("postgresql", "mysql", How::Related)),
            ),
        );
    }

    #[test]
    fn years_are_reported_whether_or_not_they_count() {
        let cases = [
            (
                "short",
                Some(3.0),
                Years {
                    have: Some(3.0),
                    need: Some(5.0),
                    max: None,
                    cap: None,
                },
            ),
            (
                "unknown",
                None,
                Years {
                    have: None,
                    need: Some(5.0),
                    max: None,
                    cap: None,
                },
            ),
        ];
        for (name, have, expected) in cases {
            let req = skill_req(Section::Required, &["java"], Some(5.0));
            let cand = candidate(&[("java", have)], None, None);
            assert_eq!(
                assess(taxonomy(), 0, &req, &cand, &Weights::default()).years,
                expected,
                "{name}"
            );
        }
        let (req, cand) = (
            skill_req(Section::Required, &["go"], Some(2.0)),
            candidate(&[], None, None),
        );
        let missing = assess(taxonomy(), 0, &req, &cand, &Weights::default());
        assert_eq!(
            missing.years,
            Years {
                have: None,
                need: Some(2.0),
                max: None,
                cap: None,
            }
        );
    }

    #[test]
    fn experience_compares_total_years() {
        let cases = [
            ("enough", Some(6.0), Status::Met, 1.0, 1.0),
            ("3 of 5", Some(3.0), Status::Partial, 0.6, 1.0),
            ("none", Some(0.0), Status::Missing, 0.0, 1.0),
            (
                "unknown is not assessed",
                None,
                Status::NotAssessed,
                0.0,
                0.0,
            ),
        ];
        for (name, total, status, credit, weight) in cases {
            let (req, cand) = (experience_req(5.0), candidate(&[], total, None));
            let a = assess(taxonomy(), 0, &req, &cand, &Weights::default());
            assert_eq!(a.status, status, "{name}");
            assert!((a.credit - credit).abs() < 1e-9, "{name}: {}", a.credit);
            assert_eq!(a.weight, weight, "{name}");
            assert_eq!(
                a.years,
                Years {
                    have: total,
                    need: Some(5.0),
                    max: None,
                    cap: None,
                },
                "{name}"
            );
        }
    }

    #[test]
    fn unknown_skill_years_are_bounded_by_total_years() {
        // (total years, credit, cap) for "5+ years of Java" and Java of unknown years.
        let cases = [
            (Some(1.0), 0.2, Some(1.0)),
            (Some(9.0), 1.0, Some(9.0)),
            (None, 1.0, None),
        ];
        let req = skill_req(Section::Required, &["java"], Some(5.0));
        for (total, credit, cap) in cases {
            let cand = candidate(&[("java", None)], total, None);
            let a = assess(taxonomy(), 0, &req, &cand, &Weights::default());
            assert!((a.credit - credit).abs() < 1e-9, "{total:?}: {}", a.credit);
            assert_eq!((a.years.have, a.years.cap), (None, cap), "{total:?}");
        }
        // Known years are used as they are.
        let cand = candidate(&[("java", Some(4.0))], Some(9.0), None);
        let a = assess(taxonomy(), 0, &req, &cand, &Weights::default());
        assert!((a.credit - 0.8).abs() < 1e-9);
        assert_eq!(a.years.cap, None);
    }

    #[test]
    fn entry_level_ceilings_scale_down_the_overqualified() {
        // (total years, status, credit) against "at most 2 years".
        let cases = [
            (Some(0.3), Status::Met, 1.0),
            (Some(2.0), Status::Met, 1.0),
            (Some(8.0), Status::Partial, 0.25),
            (None, Status::NotAssessed, 0.0),
        ];
        for (total, status, credit) in cases {
            let mut req = experience_req(1.0);
            req.min_years = None;
            req.max_years = Some(2.0);
            let cand = candidate(&[], total, None);
            let a = assess(taxonomy(), 0, &req, &cand, &Weights::default());
            assert_eq!(a.status, status, "{total:?}");
            assert!((a.credit - credit).abs() < 1e-9, "{total:?}: {}", a.credit);
            assert_eq!(a.years.max, Some(2.0));
        }
        // A floor and a ceiling together: 1-3 years.
        let mut req = experience_req(1.0);
        req.max_years = Some(3.0);
        let cand = candidate(&[], Some(6.0), None);
        let a = assess(taxonomy(), 0, &req, &cand, &Weights::default());
        assert!((a.credit - 0.5).abs() < 1e-9, "{}", a.credit);
    }

    #[test]
    fn education_compares_levels_fields_and_equivalent_experience() {
        use DegreeLevel::*;
        use Status::*;
        let cs = Some(("computer-science", "computer-science", How::Same));
        let cases: Vec<(&str, Requirement, Candidate, Expected<'_>)> = vec![
            (
                "same level",
                education_req(Bachelor, &[], false),
                candidate(&[], None, Some(Bachelor)),
                (Met, 1.0, None),
            ),
            (
                "higher level",
                education_req(Bachelor, &[], false),
                candidate(&[], None, Some(Phd)),
                (Met, 1.0, None),
            ),
            (
                "lower level",
                education_req(Master, &[], false),
                candidate(&[], None, Some(Bachelor)),
                (Missing, 0.0, None),
            ),
            (
                "no degree stated",
                education_req(Associate, &[], false),
                candidate(&[], Some(20.0), None),
                (Missing, 0.0, None),
            ),
            (
                "field named and held",
                education_req(Bachelor, &["computer-science"], false),
                candidate(&[("computer-science", None)], None, Some(Master)),
                (Met, 1.0, cs),
            ),
            (
                "a more specific field counts",
                education_req(Bachelor, &["computer-science"], false),
                candidate(&[("software-engineering", None)], None, Some(Bachelor)),
                (
                    Met,
                    1.0,
                    Some((
                        "computer-science",
                        "software-engineering",
                        How::MoreSpecific,
                    )),
                ),
            ),
            (
                "the second field named counts",
                education_req(Bachelor, &["computer-science", "physics"], false),
                candidate(&[("physics", None)], None, Some(Bachelor)),
                (Met, 1.0, Some(("physics", "physics", How::Same))),
            ),
            (
                "another field is partial",
                education_req(Bachelor, &["computer-science"], false),
                candidate(&[("physics", None)], None, Some(Bachelor)),
                (Partial, OTHER_FIELD_CREDIT_FOR_TEST, None),
            ),
            (
                "equivalent experience covers a missing bachelor",
                education_req(Bachelor, &["computer-science"], true),
                candidate(&[], Some(5.0), None),
                (Partial, EQUIVALENT_CREDIT_FOR_TEST, None),
            ),
            (
                "too little equivalent experience",
                education_req(Bachelor, &[], true),
                candidate(&[], Some(3.0), None),
                (Missing, 0.0, None),
            ),
            (
                "an associate degree needs fewer years",
                education_req(Bachelor, &[], true),
                candidate(&[], Some(2.0), Some(Associate)),
                (Partial, EQUIVALENT_CREDIT_FOR_TEST, None),
            ),
            (
                "unknown years cannot show equivalence",
                education_req(Bachelor, &[], true),
                candidate(&[], None, None),
                (Missing, 0.0, None),
            ),
        ];
        for (name, requirement, cand, expected) in &cases {
            check(name, requirement, cand, &Weights::default(), *expected);
        }
        let (req, cand) = (
            education_req(Master, &[], true),
            candidate(&[], Some(1.0), None),
        );
        let a = assess(taxonomy(), 0, &req, &cand, &Weights::default());
        assert_eq!(
            a.years,
            Years {
                have: Some(1.0),
                need: Some(6.0),
                max: None,
                cap: None,
            },
            "three levels × 2 years"
        );
    }

    const OTHER_FIELD_CREDIT_FOR_TEST: f64 = crate::score::weights::OTHER_FIELD_CREDIT;
    const EQUIVALENT_CREDIT_FOR_TEST: f64 = crate::score::weights::EQUIVALENT_EXPERIENCE_CREDIT;

    #[test]
    fn other_requirements_are_not_assessed_and_weigh_nothing() {
        for section in [
            Section::Required,
            Section::Preferred,
            Section::Responsibility,
        ] {
            let (req, cand) = (
                other_req(section),
                candidate(&[("java", None)], Some(9.0), None),
            );
            let a = assess(taxonomy(), 3, &req, &cand, &Weights::default());
            assert_eq!(a.status, Status::NotAssessed);
            assert_eq!((a.weight, a.credit, a.index), (0.0, 0.0, 3));
            assert_eq!(a.matched, None);
            assert!(a.evidence.is_empty());
        }
    }

    #[test]
    fn weight_is_the_sections() {
        let cases = [
            (Section::Required, 1.0),
            (Section::Preferred, 0.5),
            (Section::Responsibility, 0.25),
        ];
        for (section, weight) in cases {
            let (req, cand) = (
                skill_req(section, &["go"], None),
                candidate(&[], None, None),
            );
            let a = assess(taxonomy(), 0, &req, &cand, &Weights::default());
            assert_eq!(a.weight, weight, "{section:?}");
            assert_eq!(a.section, section);
        }
    }

    #[test]
    fn evidence_shows_use_first_each_line_once_and_a_few() {
        let mut cand = candidate(&[("java", None)], None, None);
        let line = |line, section| SkillEvidence {
            line,
            start: 0,
            end: 0,
            text: format!("line {line}"),
            section,
        };
        cand.skills[0].evidence = vec![
            line(2, ResumeSection::Skills),
            line(8, ResumeSection::Experience),
            line(8, ResumeSection::Experience),
            line(9, ResumeSection::Projects),
            line(12, ResumeSection::Experience),
            line(15, ResumeSection::Experience),
        ];
        let req = skill_req(Section::Required, &["java"], None);
        let lines = |cand: &Candidate| -> Vec<usize> {
            let a = assess(taxonomy(), 0, &req, cand, &Weights::default());
            a.evidence.iter().map(|e| e.line).collect()
        };
        assert_eq!(lines(&cand), [8, 9, 12]);
        cand.skills[0].evidence.truncate(2);
        let lines = lines(&cand);
        assert_eq!(lines, [8, 2]);
    }

    #[test]
    fn status_is_read_from_the_credit() {
        let cases = [
            (1.0, Status::Met),
            (0.999, Status::Partial),
            (0.4, Status::Partial),
            (0.0, Status::Missing),
        ];
        for (credit, status) in cases {
            assert_eq!(Status::of_credit(credit), status, "{credit}");
        }
        let names: Vec<&str> = [
            Status::Met,
            Status::Partial,
            Status::Missing,
            Status::NotAssessed,
        ]
        .map(Status::name)
        .to_vec();
        assert_eq!(names, ["met", "partial", "missing", "not_assessed"]);
        let hows: Vec<&str> = [How::Same, How::MoreSpecific, How::MoreGeneral, How::Related]
            .map(How::name)
            .to_vec();
        assert_eq!(hows, ["same", "more_specific", "more_general", "related"]);
    }
}
