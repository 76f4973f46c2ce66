//! Explanation records: one candidate against one posting, requirement by
//! requirement, and the score derived from those records.
//!
//! The records come first and the score is read from them
//! ([`Tally`]):
//! `score = 100 × Σ weight·credit / Σ weight` over the assessed
//! requirements (requirements that are not assessed carry weight 0), times
//! the credit of an entry-level ceiling. When
//! nothing in the posting can be assessed (Σ weight = 0) the score is 0:
//! a posting we cannot read is not a match. The `fit` rankings sort by
//! shrinks the score by how much evidence the assessed requirements give
//! ([`fit`](crate::score::formula::fit)). Every count here
//! (`required_met`, `required_total`, `missing_required`, `assessed`) is read from the
//! same records, so a report that shows them cannot disagree with the
//! score. Data only: nothing here prints or formats.

use crate::extract::posting::{Posting, RequirementKind, Section};
use crate::extract::resume::Candidate;
use crate::occupation::profile::{nearest, OccupationProfile, ProfileEntry};
use crate::occupation::OccupationRelation;
use crate::score::formula::{is_missing_required, Part, Tally};
use crate::score::repeats::repeated_requirements;
use crate::score::role::{in_field, role_fit};
use crate::score::weights::SOFT_SKILLS_CATEGORY;
use crate::score::{assess, Assessment, Status, Weights};
use crate::taxonomy::{SkillId, Taxonomy};

pub use crate::score::formula::UNASSESSABLE_SCORE;

/// One candidate against one posting.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation<'a> {
    /// `100 × earned / possible` times the entry-level ceiling's credit,
    /// in `[0, 100]`; [`UNASSESSABLE_SCORE`] when `possible` is 0.
    pub score: f64,
    /// The confidence-aware figure rankings sort by: the score shrunk by
    /// how much evidence of fit was assessed (`score × evidence /
    /// (evidence + prior)`), in `[0, 100]`.
    pub fit: f64,
    /// The weight of the assessed requirements that is evidence of fit.
    pub evidence: f64,
    /// Requirements assessed (repeats and not-assessed ones excluded).
    pub assessed: usize,
    /// Requirements asked, repeats excluded: `assessed` of `asked` is how
    /// much of the posting could be assessed.
    pub asked: usize,
    /// The prior the fit was shrunk with ([`Weights::confidence_prior`]).
    pub prior: f64,
    /// The product of the entry-level ceilings' credits (1 when none).
    pub ceiling: f64,
    /// Σ weight·credit over the requirements.
    pub earned: f64,
    /// Σ weight over the requirements (not-assessed ones weigh 0).
    pub possible: f64,
    /// Every requirement of the posting, in posting order.
    pub requirements: Vec<Assessment<'a>>,
    /// Role fit, when both the posting and the candidate read as some
    /// occupation (their profiles are not empty).
    pub role: Option<RoleFit<'a>>,
    /// The first alternative of each required skill requirement that is
    /// missing, each skill once, in posting order, soft skills last.
    pub missing_required: Vec<SkillId>,
    /// Required requirements (any kind) that are met in full.
    pub required_met: usize,
    /// Required requirements that are partly met.
    pub required_partial: usize,
    /// Required requirements that are assessed (not-assessed ones excluded).
    pub required_total: usize,
}

/// Role fit, explained: the occupations the posting and the résumé read
/// as, the pair of them that adds most, and what it earned.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleFit<'a> {
    /// The posting's occupation profile (its title and words).
    pub asked: &'a OccupationProfile,
    /// The candidate's (headline, roles and words).
    pub held: &'a OccupationProfile,
    /// The posting's and the candidate's unit groups that add most to the
    /// credit, and how near they are; `None` when nothing is near.
    pub nearest: Option<(&'a ProfileEntry, &'a ProfileEntry, OccupationRelation)>,
    /// Credit in `[0, 1]`: the profiles' similarity.
    pub credit: f64,
    /// Its weight, [`Weights::role`].
    pub weight: f64,
}

/// Explains how `candidate` meets `posting`.
///
/// ```
/// use skillmatch::explain::explain;
/// use skillmatch::extract::{posting::parse_postings, resume::{parse_resume, ResumeOptions}, dates::YearMonth, Matcher};
/// use skillmatch::score::Weights;
/// use skillmatch::taxonomy::Taxonomy;
///
/// let taxonomy = Taxonomy::embedded()?;
/// let matcher = Matcher::new(&taxonomy)?;
/// let posting = &parse_postings(&matcher, "job", "Backend Engineer\n\nRequirements\n- Java\n- Kubernetes\n")[0];
/// let options = ResumeOptions { as_of: YearMonth::new(2024, 6).unwrap() };
/// let candidate = parse_resume(&matcher, "cv", "Skills\nJava, Docker\n", &options);
/// let explanation = explain(&taxonomy, posting, &candidate, &Weights::default());
/// assert_eq!((explanation.required_met, explanation.required_total), (1, 2));
/// // Both read as an occupation by their words, so role fit is one more
/// // weighted record: 1 of 2 requirements met, plus its credit × weight.
/// let role = explanation.role.as_ref().expect("role fit is assessed");
/// let expected = 100.0 * (1.0 + role.credit * role.weight) / (2.0 + role.weight);
/// assert!((explanation.score - expected).abs() < 1e-9);
/// assert_eq!(explanation.missing_required, [taxonomy.get("kubernetes").unwrap()]);
/// # Ok::<(), skillmatch::Error>(())
/// ```
pub fn explain<'a>(
    taxonomy: &Taxonomy,
    posting: &'a Posting,
    candidate: &'a Candidate,
    weights: &Weights,
) -> Explanation<'a> {
    let mut requirements: Vec<Assessment<'a>> = posting
        .requirements
        .iter()
        .enumerate()
        .map(|(i, r)| assess(taxonomy, i, r, candidate, weights))
        .collect();
    mark_repeats(posting, &mut requirements);
    let (asked, held) = (&posting.profile, &candidate.profile);
    let role = role_fit(&asked.vector(), &held.vector(), weights).map(|credit| RoleFit {
        asked,
        held,
        nearest: nearest(asked, held, weights.same_minor_group),
        credit,
        weight: weights.role,
    });
    scale_experience_to_field(&mut requirements, role.as_ref().map(|r| r.credit));
    let mut e = from_records(posting, requirements, role, weights);
    // Soft skills last: a recruiter reads the skills a résumé can show first.
    e.missing_required
        .sort_by_key(|&s| taxonomy.skill(s).category == SOFT_SKILLS_CATEGORY);
    e
}

/// Skill requirements asking for the same set of skills count once: the
/// one in the weightiest section is kept (required, then preferred, then
/// responsibility), then the one with the most years asked, then the first;
/// the others become repeats, not assessed and weightless. "Backend
/// development" required on line 13, asked again on line 14 and in two
/// responsibilities, weighs as one requirement.
fn mark_repeats(posting: &Posting, records: &mut [Assessment<'_>]) {
    for (i, kept) in repeated_requirements(posting).into_iter().enumerate() {
        if let Some(k) = kept {
            let line = records[k].line;
            let a = &mut records[i];
            a.repeats = Some(line);
            a.status = Status::NotAssessed;
            a.weight = 0.0;
            a.credit = 0.0;
        }
    }
}

/// Years of experience count as far as the candidate's work is in the
/// posting's field ([`in_field`]): each assessed floor on years (not an
/// entry-level ceiling) has its credit scaled, the same product candidate
/// retrieval takes.
fn scale_experience_to_field(records: &mut [Assessment<'_>], role_credit: Option<f64>) {
    let Some(share) = in_field(role_credit) else {
        return;
    };
    for a in records.iter_mut().filter(|a| {
        a.kind == RequirementKind::Experience
            && a.part == Part::Background
            && a.status != Status::NotAssessed
    }) {
        a.in_field = Some(share);
        a.credit *= share;
        a.status = Status::of_credit(a.credit);
    }
}

/// The position of the best-fitting explanation (by `fit`, as rankings
/// sort); equal figures keep the first. `None` for none.
pub fn best_match(explanations: &[Explanation<'_>]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, e) in explanations.iter().enumerate() {
        if best.is_none_or(|b| e.fit > explanations[b].fit) {
            best = Some(i);
        }
    }
    best
}

/// Builds the explanation, score included, from assessed records.
fn from_records<'a>(
    posting: &Posting,
    requirements: Vec<Assessment<'a>>,
    role: Option<RoleFit<'a>>,
    weights: &Weights,
) -> Explanation<'a> {
    let mut tally = Tally::default();
    for a in requirements
        .iter()
        .filter(|a| a.status != Status::NotAssessed)
    {
        tally.add(a.part, a.weight, a.credit, weights);
    }
    // Role fit last, as candidate retrieval adds it.
    if let Some(r) = &role {
        tally.add(Part::Role, r.weight, r.credit, weights);
    }
    let assessed = requirements
        .iter()
        .filter(|a| a.status != Status::NotAssessed)
        .count();
    let asked = requirements.iter().filter(|a| a.repeats.is_none()).count();
    let mut missing_required: Vec<SkillId> = Vec::new();
    let (mut required_met, mut required_partial, mut required_total) = (0, 0, 0);
    for a in &requirements {
        if a.section != Section::Required
            || a.status == Status::NotAssessed
            || a.part == Part::Ceiling
        {
            continue;
        }
        required_total += 1;
        match a.status {
            Status::Met => required_met += 1,
            Status::Partial => required_partial += 1,
            Status::Missing if is_missing_required(a.section, a.kind, a.status) => {
                let first = posting
                    .requirements
                    .get(a.index)
                    .and_then(|r| r.any_of.first());
                if let Some(&skill) = first {
                    if !missing_required.contains(&skill) {
                        missing_required.push(skill);
                    }
                }
            }
            Status::Missing | Status::NotAssessed => {}
        }
    }
    Explanation {
        score: tally.score(),
        fit: tally.fit(weights),
        evidence: tally.evidence,
        assessed,
        asked,
        prior: weights.confidence_prior,
        ceiling: tally.ceiling,
        earned: tally.earned,
        possible: tally.possible,
        requirements,
        role,
        missing_required,
        required_met,
        required_partial,
        required_total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::DegreeLevel;
    use crate::score::fixtures::{
        candidate, education_req, experience_req, id, other_req, posting, skill_req, taxonomy,
    };

    #[test]
    fn score_is_read_from_the_records() {
        let p = posting(
            "backend",
            vec![
                skill_req(Section::Required, &["java"], None), // met: 1 × 1
                skill_req(Section::Required, &["postgresql"], None), // SQL only: 1 × 0.5
                skill_req(Section::Preferred, &["kubernetes"], None), // missing: 0.5 × 0
                skill_req(Section::Responsibility, &["docker"], None), // met: 0.25 × 1
                other_req(Section::Required),                  // not assessed: 0
                skill_req(Section::Required, &["go", "kubernetes"], None), // missing: 1 × 0
                experience_req(5.0),                           // 3 of 5: 1 × 0.6
            ],
        );
        let cand = candidate(
            &[("java", Some(4.0)), ("sql", None), ("docker", None)],
            Some(3.0),
            Some(DegreeLevel::Bachelor),
        );
        let e = explain(taxonomy(), &p, &cand, &Weights::default());
        let earned = 1.0 + 0.5 + 0.0 + 0.25 + 0.0 + 0.6;
        let possible = 1.0 + 1.0 + 0.5 + 0.25 + 1.0 + 1.0;
        assert!((e.earned - earned).abs() < 1e-9, "{}", e.earned);
        assert!((e.possible - possible).abs() < 1e-9, "{}", e.possible);
        assert!(
            (e.score - 100.0 * earned / possible).abs() < 1e-9,
            "{}",
            e.score
        );
        let statuses: Vec<Status> = e.requirements.iter().map(|a| a.status).collect();
        assert_eq!(
            statuses,
            [
                Status::Met,
                Status::Partial,
                Status::Missing,
                Status::Met,
                Status::NotAssessed,
                Status::Missing,
                Status::Partial,
            ]
        );
        let indexes: Vec<usize> = e.requirements.iter().map(|a| a.index).collect();
        assert_eq!(indexes, [0, 1, 2, 3, 4, 5, 6]);
        assert_eq!(
            (e.required_met, e.required_partial, e.required_total),
            (1, 2, 4)
        );
        assert_eq!(e.missing_required, [id("go")]);
        let recomputed: f64 = e.requirements.iter().map(|a| a.weight * a.credit).sum();
        assert!((recomputed - e.earned).abs() < 1e-12);
    }

    #[test]
    fn missing_required_lists_first_alternatives_once_in_order() {
        let cases: Vec<(&str, Vec<crate::extract::posting::Requirement>, Vec<&str>)> = vec![
            (
                "first alternative, deduplicated",
                vec![
                    skill_req(Section::Required, &["kubernetes", "docker"], None),
                    skill_req(Section::Required, &["go"], None),
                    skill_req(Section::Required, &["kubernetes"], Some(3.0)),
                ],
                vec!["kubernetes", "go"],
            ),
            (
                "preferred and partial are not missing required",
                vec![
                    skill_req(Section::Preferred, &["go"], None),
                    skill_req(Section::Required, &["postgresql"], None),
                ],
                vec![],
            ),
            (
                "soft skills last",
                vec![
                    skill_req(Section::Required, &["communication"], None),
                    skill_req(Section::Required, &["go"], None),
                    skill_req(Section::Required, &["teamwork"], None),
                    skill_req(Section::Required, &["kubernetes"], None),
                ],
                vec!["go", "kubernetes", "communication", "teamwork"],
            ),
            (
                "a missing degree is not a skill",
                vec![education_req(DegreeLevel::Master, &["physics"], false)],
                vec![],
            ),
        ];
        let cand = candidate(&[("sql", None)], None, Some(DegreeLevel::Bachelor));
        for (name, requirements, expected) in cases {
            let p = posting(name, requirements);
            let e = explain(taxonomy(), &p, &cand, &Weights::default());
            let expected: Vec<SkillId> = expected.into_iter().map(id).collect();
            assert_eq!(e.missing_required, expected, "{name}");
        }
    }

    #[test]
    fn a_skill_asked_again_counts_once_where_it_weighs_most() {
        let mut reqs = vec![
            skill_req(Section::Responsibility, &["java"], None), // repeat of 2
            skill_req(Section::Required, &["java"], None),       // repeat of 2 (fewer years)
            skill_req(Section::Required, &["java"], Some(3.0)),  // kept: required, most years
            skill_req(Section::Preferred, &["go", "java"], None), // another set: kept
            skill_req(Section::Preferred, &["java", "go"], None), // same set: repeat of 3
        ];
        for (i, r) in reqs.iter_mut().enumerate() {
            r.line = 10 + i;
        }
        let p = posting("repeats", reqs);
        let cand = candidate(&[("java", Some(6.0))], None, None);
        let e = explain(taxonomy(), &p, &cand, &Weights::default());
        let repeats: Vec<Option<usize>> = e.requirements.iter().map(|a| a.repeats).collect();
        assert_eq!(repeats, [Some(12), Some(12), None, None, Some(13)]);
        let statuses: Vec<Status> = e.requirements.iter().map(|a| a.status).collect();
        use Status::*;
        assert_eq!(statuses, [NotAssessed, NotAssessed, Met, Met, NotAssessed]);
        assert!((e.possible - 1.5).abs() < 1e-12, "{}", e.possible);
        assert_eq!(e.required_total, 1);
    }

    #[test]
    fn the_best_match_is_the_first_of_the_highest() {
        let cand = candidate(&[("java", None)], None, None);
        let postings = [
            posting(
                "half",
                vec![
                    skill_req(Section::Required, &["java"], None),
                    skill_req(Section::Required, &["go"], None),
                ],
            ),
            posting("all", vec![skill_req(Section::Required, &["java"], None)]),
            posting(
                "all again",
                vec![skill_req(Section::Preferred, &["java"], None)],
            ),
        ];
        let explanations: Vec<Explanation<'_>> = postings
            .iter()
            .map(|p| explain(taxonomy(), p, &cand, &Weights::default()))
            .collect();
        assert_eq!(best_match(&explanations), Some(1));
        assert_eq!(best_match(&explanations[..1]), Some(0));
        assert_eq!(best_match(&[]), None);
    }

    #[test]
    fn score_edge_cases() {
        let cand = candidate(&[("java", None)], None, None);
        let cases: Vec<(&str, Vec<crate::extract::posting::Requirement>, f64)> = vec![
            ("no requirements", vec![], UNASSESSABLE_SCORE),
            (
                "nothing assessable",
                vec![other_req(Section::Required), experience_req(3.0)],
                UNASSESSABLE_SCORE,
            ),
            (
                "everything met",
                vec![skill_req(Section::Preferred, &["java"], None)],
                100.0,
            ),
            (
                "nothing met",
                vec![skill_req(Section::Required, &["go"], None)],
                0.0,
            ),
        ];
        for (name, requirements, expected) in cases {
            let p = posting(name, requirements);
            let e = explain(taxonomy(), &p, &cand, &Weights::default());
            assert!((e.score - expected).abs() < 1e-9, "{name}: {}", e.score);
        }
        let zero = Weights {
            required: 0.0,
            ..Weights::default()
        };
        let p = posting("zero", vec![skill_req(Section::Required, &["java"], None)]);
        assert_eq!(
            explain(taxonomy(), &p, &cand, &zero).score,
            UNASSESSABLE_SCORE
        );
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::extract::posting::Section;
    use crate::extract::resume::{CandidateSkill, ResumeSection, SkillEvidence};
    use crate::score::fixtures::strategies::{candidate_any, posting_of, weights};
    use crate::score::fixtures::{other_req, skill_req, taxonomy};

    proptest! {
        #[test]
        fn score_stays_in_0_to_100(
            posting in posting_of(10),
            candidate in candidate_any(),
            weights in weights(),
        ) {
            let e = explain(taxonomy(), &posting, &candidate, &weights);
            prop_assert!((0.0..=100.0).contains(&e.score), "{}", e.score);
            for a in &e.requirements {
                prop_assert!((0.0..=1.0).contains(&a.credit), "{a:?}");
                if a.status == Status::NotAssessed {
                    prop_assert_eq!((a.weight, a.credit), (0.0, 0.0));
                }
            }
            prop_assert!(e.required_met + e.required_partial <= e.required_total);
        }

        #[test]
        fn giving_a_required_skill_never_lowers_the_score(
            posting in posting_of(10),
            candidate in candidate_any(),
            weights in weights(),
            pick in any::<prop::sample::Index>(),
            years in proptest::option::of(0.0f32..15.0),
        ) {
            // Every skill the posting names: alternatives and fields of study.
            let named: Vec<SkillId> = posting
                .requirements
                .iter()
                .flat_map(|r| {
                    r.any_of
                        .iter()
                        .chain(r.education.iter().flat_map(|e| e.fields.iter()))
                        .copied()
                })
                .filter(|&s| candidate.skill(s).is_none())
                .collect();
            prop_assume!(!named.is_empty());
            let skill = named[pick.index(named.len())];
            let before = explain(taxonomy(), &posting, &candidate, &weights).score;
            let mut more = candidate.clone();
            more.skills.push(CandidateSkill {
                skill,
                years,
                years_from: None,
                skills_section_only: false,
                evidence: vec![SkillEvidence {
                    line: 99,
                    start: 0,
                    end: 0,
                    text: "new".into(),
                    section: ResumeSection::Experience,
                }],
            });
            let after = explain(taxonomy(), &posting, &more, &weights).score;
            prop_assert!(after >= before, "{before} -> {after}");
        }

        #[test]
        fn adding_a_met_requirement_never_lowers_the_score_or_the_fit(
            posting in posting_of(10),
            candidate in candidate_any(),
            weights in weights(),
            section in prop::sample::select(vec![Section::Required, Section::Preferred, Section::Responsibility]),
            pick in any::<prop::sample::Index>(),
        ) {
            prop_assume!(!candidate.skills.is_empty());
            let have = candidate.skills[pick.index(candidate.skills.len())].skill;
            let name = taxonomy().skill(have).id.clone();
            // A new requirement, not the same skill asked again (a repeat
            // counts once, wherever it weighs most).
            prop_assume!(!posting.requirements.iter().any(|r| r.any_of == [have]));
            let before = explain(taxonomy(), &posting, &candidate, &weights);
            let mut more = posting.clone();
            more.requirements.push(skill_req(section, &[name.as_str()], None));
            let after = explain(taxonomy(), &more, &candidate, &weights);
            prop_assert_eq!(after.requirements.last().map(|a| a.status), Some(Status::Met));
            // Up to rounding: Σ weight·credit and Σ weight are summed
            // separately, so a full score may sit on either side of 100.
            const ROUNDING: f64 = 1e-9;
            prop_assert!(after.score >= before.score - ROUNDING, "score {} -> {}", before.score, after.score);
            prop_assert!(after.fit >= before.fit - ROUNDING, "fit {} -> {}", before.fit, after.fit);
        }

        #[test]
        fn nothing_assessable_never_outranks_a_met_requirement(
            posting in posting_of(10),
            candidate in candidate_any(),
            weights in weights(),
        ) {
            // Nothing to assess: kind `other`, a skill requirement naming
            // no skill, an education requirement without a level.
            let mut empty = skill_req(Section::Required, &[], Some(3.0));
            empty.text = "Great attitude".into();
            let mut no_level = other_req(Section::Required);
            no_level.kind = crate::extract::posting::RequirementKind::Education;
            let nothing = crate::score::fixtures::posting(
                "nothing",
                vec![other_req(Section::Required), empty, no_level],
            );
            let e = explain(taxonomy(), &nothing, &candidate, &weights);
            prop_assert_eq!((e.fit, e.score, e.assessed), (0.0, 0.0, 0));
            // A posting with a met requirement that weighs, and no
            // entry-level ceiling that rules the candidate out, fits more.
            let other = explain(taxonomy(), &posting, &candidate, &weights);
            let met = other.requirements.iter().any(|a| a.status == Status::Met && a.weight > 0.0);
            let ruled_out = other.requirements.iter().any(|a| a.part == Part::Ceiling && a.credit == 0.0);
            if met && !ruled_out {
                prop_assert!(other.fit > e.fit, "{} vs {}", other.fit, e.fit);
            }
        }
    }
}
