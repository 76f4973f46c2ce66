//! The per-requirement record: how one candidate meets one requirement
//! ([`Assessment`]), the unit both the score and the explanation are read
//! from. The credit comes from the rules in [`credit`](super::credit);
//! this adds what a report shows: the weight, the status, and the résumé
//! lines that show the matched skill.

use crate::extract::posting::{Requirement, RequirementKind, Section};
use crate::extract::resume::{Candidate, ResumeSection, SkillEvidence};
use crate::taxonomy::Taxonomy;

use super::credit::{evaluate, weight, Matched, Need, ResumeView, Status, Years};
use super::formula::Part;
use super::weights::Weights;

/// Most evidence lines kept for a matched skill.
pub const MAX_EVIDENCE_LINES: usize = 3;

/// One requirement of a posting, assessed against one candidate.
///
/// Borrows the requirement's text and the candidate's evidence, so building
/// one allocates only its short evidence list.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment<'a> {
    /// Position of the requirement in the posting's `requirements`.
    pub index: usize,
    /// The requirement's source phrase.
    pub text: &'a str,
    /// 1-based line of the requirement in the posting.
    pub line: usize,
    /// The requirement's section.
    pub section: Section,
    /// The requirement's kind.
    pub kind: RequirementKind,
    /// What it contributes to: the score and the evidence of fit, or, for
    /// an entry-level ceiling, a factor on the score.
    pub part: Part,
    /// The section's weight, or 0 when not assessed or a ceiling.
    pub weight: f64,
    /// Met, partial, missing or not assessed.
    pub status: Status,
    /// Credit in `[0, 1]` (0 when not assessed).
    pub credit: f64,
    /// The skill (or field of study) that matched, if any.
    pub matched: Option<Matched>,
    /// The candidate's evidence for the matched skill: at most
    /// [`MAX_EVIDENCE_LINES`] lines, those showing the skill in use (outside
    /// the Skills section) first, each line once.
    pub evidence: Vec<&'a SkillEvidence>,
    /// Years had and needed.
    pub years: Years,
    /// The line of the requirement this one repeats (the same skills asked
    /// again): a repeat is not assessed, so a skill a posting names three
    /// times weighs once. Set by [`crate::explain::explain`].
    pub repeats: Option<usize>,
    /// For years of experience: the share of the candidate's years that
    /// counts as work in the posting's field, from role fit
    /// ([`crate::score::role::in_field`]); the credit is already scaled by
    /// it. `None` when role fit is not assessed or for other kinds. Set by
    /// [`crate::explain::explain`].
    pub in_field: Option<f64>,
}

impl Assessment<'_> {
    /// `weight × credit`: what this requirement adds to the score's numerator.
    pub fn earned(&self) -> f64 {
        self.weight * self.credit
    }
}

/// Assesses requirement number `index` of a posting against `candidate`:
/// the credit rules ([`evaluate`]) on the résumé as read, and the record
/// a report shows.
///
/// ```
/// use skillmatch::extract::posting::{Requirement, RequirementKind, Section};
/// use skillmatch::extract::resume::{Candidate, CandidateSkill};
/// use skillmatch::score::{assess, Status, Weights};
/// use skillmatch::taxonomy::Taxonomy;
///
/// let taxonomy = Taxonomy::embedded()?;
/// let id = |s: &str| taxonomy.get(s).unwrap();
/// let requirement = Requirement {
///     text: "3+ years of PostgreSQL".into(),
///     line: 4,
///     section: Section::Required,
///     kind: RequirementKind::Skill,
///     any_of: vec![id("postgresql")],
///     min_years: Some(3.0),
///     max_years: None,
///     education: None,
/// };
/// let candidate = Candidate {
///     name: None,
///     id: "cv".into(),
///     source: "cv.txt".into(),
///     total_years: None,
///     education: None,
///     skills: vec![CandidateSkill {
///         skill: id("postgresql"),
///         years: Some(1.5),
///         years_from: None,
///         skills_section_only: false,
///         evidence: vec![],
///     }],
///     roles: vec![],
///     headline: None,
///     profile: Default::default(),
/// };
/// let a = assess(&taxonomy, 0, &requirement, &candidate, &Weights::default());
/// assert_eq!(a.status, Status::Partial);
/// assert_eq!(a.credit, 0.5);
/// # Ok::<(), skillmatch::Error>(())
/// ```
pub fn assess<'a>(
    taxonomy: &Taxonomy,
    index: usize,
    requirement: &'a Requirement,
    candidate: &'a Candidate,
    weights: &Weights,
) -> Assessment<'a> {
    let view = ResumeView::new(taxonomy, candidate, weights);
    let need = Need::of(requirement);
    let part = Part::of(&need);
    let outcome = evaluate(need, &view, weights);
    let (weight, status, credit) = match outcome.credit {
        Some(credit) if part.weighs() => (
            weight(taxonomy, requirement, weights),
            Status::of_credit(credit),
            credit,
        ),
        Some(credit) => (0.0, Status::of_credit(credit), credit),
        None => (0.0, Status::NotAssessed, 0.0),
    };
    let evidence = outcome
        .matched
        .and_then(|m| candidate.skill(m.candidate))
        .map(|s| evidence_lines(&s.evidence, requirement.kind))
        .unwrap_or_default();
    Assessment {
        index,
        text: &requirement.text,
        line: requirement.line,
        section: requirement.section,
        kind: requirement.kind,
        part,
        weight,
        status,
        credit,
        matched: outcome.matched,
        evidence,
        years: outcome.years,
        repeats: None,
        in_field: None,
    }
}

/// The evidence lines worth quoting for a requirement of `kind`: for a
/// degree, the résumé's education lines ("MSc Data Science") first; then
/// those that show the skill in use, then Skills-section lines; each line
/// once; text order within each.
fn evidence_lines(evidence: &[SkillEvidence], kind: RequirementKind) -> Vec<&SkillEvidence> {
    let mut out: Vec<&SkillEvidence> = Vec::with_capacity(MAX_EVIDENCE_LINES);
    let degree = |e: &&SkillEvidence| {
        kind == RequirementKind::Education
            && matches!(
                e.section,
                ResumeSection::Education | ResumeSection::Certifications
            )
    };
    let studied = evidence.iter().filter(degree);
    let in_use = evidence
        .iter()
        .filter(|e| !degree(e) && e.section != ResumeSection::Skills);
    let listed = evidence
        .iter()
        .filter(|e| !degree(e) && e.section == ResumeSection::Skills);
    for e in studied.chain(in_use).chain(listed) {
        if out.len() == MAX_EVIDENCE_LINES {
            break;
        }
        if !out.iter().any(|o| o.line == e.line) {
            out.push(e);
        }
    }
    out
}
