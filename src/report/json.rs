//! JSON reports. The types here ARE the contract (PRODUCT.md, "extract
//! JSON" and "score and explain JSON", and the `taxonomy stats`, `lookup`
//! and `lint` documents): each document is one of them serialized, field
//! order as declared. Fields may be added; the documented ones may not
//! change.
//!
//! Numbers keep one form: years are `f32` in the records and printed
//! rounded to the hundredth (widened as they are, 8.9 would print as
//! 8.899999618530273); scores and credits are rounded to a few decimals,
//! exact enough to recompute a score from its records. Absent values are
//! `null`, never left out, except where a field is documented as optional
//! (`distance` of a mention, `requirements` of a score result, `ambiguous`
//! of lint).

use serde::Serialize;

use crate::explain::{Explanation, RoleFit};
use crate::extract::posting::{
    EducationRequirement, Posting, Requirement, RequirementKind, Salary,
};
use crate::extract::resume::{Candidate, CandidateSkill, Role, SkillEvidence};
use crate::extract::{DegreeLevel, LookupKind, LookupMatch, Mention};
use crate::occupation::profile::{OccupationProfile, ProfileEntry};
use crate::occupation::{MatchKind, Named, OccupationRelation};
use crate::rank::{Ranked, Suggestion};
use crate::score::profile::held_occupations;
use crate::score::{Assessment, Matched, Years};
use crate::taxonomy::{AmbiguousForm, Finding, Scheme, Skill, SkillId, StandardLink, Taxonomy};

use super::render::RenderError;

/// Decimals of a score in JSON.
const SCORE_DECIMALS: i32 = 2;
/// Decimals of a requirement's credit in JSON.
const CREDIT_DECIMALS: i32 = 4;
/// Decimals of a number of years in JSON.
const YEARS_DECIMALS: i32 = 2;

/// `doc` as the bytes of a JSON report: pretty-printed, then a newline.
pub fn to_bytes(doc: &impl Serialize) -> Result<Vec<u8>, RenderError> {
    let mut bytes = serde_json::to_vec_pretty(doc)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// `x` rounded to `places` decimals.
fn rounded(x: f64, places: i32) -> f64 {
    let m = 10f64.powi(places);
    (x * m).round() / m
}

/// Years as JSON: rounded to the hundredth once widened (see the module
/// documentation), `null` when unknown.
fn years(value: Option<f32>) -> Option<f64> {
    value.map(|y| rounded(f64::from(y), YEARS_DECIMALS))
}

/// The references to `skills`, in order.
fn skill_refs<'a>(taxonomy: &'a Taxonomy, skills: &[SkillId]) -> Vec<SkillRef<'a>> {
    skills.iter().map(|&s| SkillRef::new(taxonomy, s)).collect()
}

/// The standard concepts of a skill, written beside its id: `"esco"` (ESCO
/// concept URIs) and `"onet"` (O*NET commodity codes), each the same
/// concept first, then narrower, then broader ones; absent when empty.
#[derive(Debug, Clone, Default, Serialize)]
pub struct StandardIds<'a> {
    /// ESCO concept URIs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub esco: Vec<&'a str>,
    /// O*NET commodity codes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub onet: Vec<&'a str>,
}

impl<'a> StandardIds<'a> {
    /// The standard ids of `skill`.
    pub fn of(skill: &'a Skill) -> Self {
        let codes = |scheme: Scheme| {
            let mut links: Vec<&StandardLink> =
                skill.links.iter().filter(|l| l.scheme == scheme).collect();
            links.sort_by_key(|l| l.relation);
            let mut codes: Vec<&str> = links.iter().map(|l| l.code.as_str()).collect();
            // A concept linked twice (exact, and broader by another row) is
            // listed once, at its closest relation.
            let mut seen = std::collections::HashSet::new();
            codes.retain(|c| seen.insert(*c));
            codes
        };
        StandardIds {
            esco: codes(Scheme::Esco),
            onet: codes(Scheme::Onet),
        }
    }
}

/// `{"id", "label"}` of a skill, with its standard ids.
#[derive(Debug, Clone, Serialize)]
pub struct SkillRef<'a> {
    /// The skill's id.
    pub id: &'a str,
    /// The skill's label.
    pub label: &'a str,
    /// Its ESCO and O*NET ids.
    #[serde(flatten)]
    pub standard: StandardIds<'a>,
}

impl<'a> SkillRef<'a> {
    /// The reference to skill `id` of `taxonomy`.
    pub fn new(taxonomy: &'a Taxonomy, id: SkillId) -> Self {
        let skill = taxonomy.skill(id);
        SkillRef {
            id: &skill.id,
            label: &skill.label,
            standard: StandardIds::of(skill),
        }
    }
}

/// `extract --format json`: every posting, then every candidate.
#[derive(Debug, Clone, Serialize)]
pub struct ExtractDocument<'a> {
    /// The postings, in input order.
    pub postings: Vec<PostingEntry<'a>>,
    /// The candidates, in input order.
    pub candidates: Vec<CandidateEntry<'a>>,
}

/// One posting as the `extract` contract describes it.
#[derive(Debug, Clone, Serialize)]
pub struct PostingEntry<'a> {
    /// The posting's id.
    pub id: &'a str,
    /// The job title, when found.
    pub title: Option<&'a str>,
    /// The company, when found.
    pub company: Option<&'a str>,
    /// The location, when found.
    pub location: Option<&'a str>,
    /// Whether the posting is remote, when it says.
    pub remote: Option<bool>,
    /// The salary range, when stated.
    pub salary: Option<&'a Salary>,
    /// Where the posting was read from.
    pub source: &'a str,
    /// First and last line of the posting in its source.
    pub lines: [usize; 2],
    /// The occupations the title names, best first.
    pub occupations: Vec<OccupationEntry<'a>>,
    /// The unit groups the posting reads as (title and words), heaviest first.
    pub profile: Vec<ProfileGroupEntry<'a>>,
    /// The requirements, in posting order.
    pub requirements: Vec<RequirementEntry<'a>>,
    /// Every skill mention in the posting's text, whatever its section.
    pub mentions: Vec<MentionEntry<'a>>,
}

impl<'a> PostingEntry<'a> {
    /// The entry of posting `p`.
    pub fn new(taxonomy: &'a Taxonomy, p: &'a Posting) -> Self {
        PostingEntry {
            id: &p.id,
            title: p.title.as_deref(),
            company: p.company.as_deref(),
            location: p.location.as_deref(),
            remote: p.remote,
            salary: p.salary.as_ref(),
            source: &p.source,
            lines: [p.lines.0, p.lines.1],
            occupations: p.occupations.iter().map(OccupationEntry::new).collect(),
            profile: profile_entries(&p.profile),
            requirements: p
                .requirements
                .iter()
                .map(|r| RequirementEntry::new(taxonomy, r))
                .collect(),
            mentions: p
                .mentions
                .iter()
                .map(|m| MentionEntry::new(taxonomy, m))
                .collect(),
        }
    }
}

/// One requirement of a posting.
#[derive(Debug, Clone, Serialize)]
pub struct RequirementEntry<'a> {
    /// Its line in the posting.
    pub line: usize,
    /// The phrase it was split from.
    pub text: &'a str,
    /// `required`, `preferred` or `responsibility`.
    pub section: &'static str,
    /// `skill`, `experience`, `education` or `other`.
    pub kind: &'static str,
    /// The skills any one of which satisfies it.
    pub any_of: Vec<SkillRef<'a>>,
    /// Years asked for at least.
    pub min_years: Option<f64>,
    /// Years allowed at most (entry-level postings).
    pub max_years: Option<f64>,
    /// The degree asked for, for an education requirement.
    pub education: Option<EducationEntry<'a>>,
}

impl<'a> RequirementEntry<'a> {
    /// The entry of requirement `r`.
    pub fn new(taxonomy: &'a Taxonomy, r: &'a Requirement) -> Self {
        RequirementEntry {
            line: r.line,
            text: &r.text,
            section: r.section.name(),
            kind: r.kind.name(),
            any_of: skill_refs(taxonomy, &r.any_of),
            min_years: years(r.min_years),
            max_years: years(r.max_years),
            education: r
                .education
                .as_ref()
                .map(|e| EducationEntry::new(taxonomy, e)),
        }
    }
}

/// The degree an education requirement asks for.
#[derive(Debug, Clone, Serialize)]
pub struct EducationEntry<'a> {
    /// The degree level's name.
    pub level: &'static str,
    /// The fields of study that count, none when any does.
    pub fields: Vec<SkillRef<'a>>,
    /// Whether equivalent experience counts instead.
    pub or_equivalent: bool,
}

impl<'a> EducationEntry<'a> {
    /// The entry of education requirement `e`.
    pub fn new(taxonomy: &'a Taxonomy, e: &EducationRequirement) -> Self {
        EducationEntry {
            level: e.level.name(),
            fields: skill_refs(taxonomy, &e.fields),
            or_equivalent: e.or_equivalent,
        }
    }
}

/// One skill mention: the skill, where it is, and how it matched.
#[derive(Debug, Clone, Serialize)]
pub struct MentionEntry<'a> {
    /// The skill's id.
    pub id: &'a str,
    /// The skill's label.
    pub label: &'a str,
    /// Its ESCO and O*NET ids.
    #[serde(flatten)]
    pub standard: StandardIds<'a>,
    /// Its line.
    pub line: usize,
    /// Byte offset of its start in the text as read.
    pub start: usize,
    /// Byte offset of its end (exclusive).
    pub end: usize,
    /// `exact`, `alias` or `fuzzy`.
    #[serde(rename = "match")]
    pub how: &'static str,
    /// The edit distance of a fuzzy match; absent for the others.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub distance: Option<u32>,
}

impl<'a> MentionEntry<'a> {
    /// The entry of mention `m`.
    pub fn new(taxonomy: &'a Taxonomy, m: &Mention) -> Self {
        let skill = taxonomy.skill(m.skill);
        MentionEntry {
            id: &skill.id,
            label: &skill.label,
            standard: StandardIds::of(skill),
            line: m.line,
            start: m.start,
            end: m.end,
            how: m.kind.name(),
            distance: (m.kind.distance() > 0).then_some(m.kind.distance()),
        }
    }
}

/// One candidate as the `extract` contract describes it.
#[derive(Debug, Clone, Serialize)]
pub struct CandidateEntry<'a> {
    /// The candidate's id.
    pub id: &'a str,
    /// The name, when found.
    pub name: Option<&'a str>,
    /// Where the résumé was read from.
    pub source: &'a str,
    /// Years of experience the dated roles add up to.
    pub total_years: Option<f64>,
    /// The highest degree level found.
    pub education: Option<&'static str>,
    /// The occupations the roles name, in résumé order.
    pub occupations: Vec<OccupationEntry<'a>>,
    /// The unit groups the résumé reads as (headline, roles and words),
    /// heaviest first.
    pub profile: Vec<ProfileGroupEntry<'a>>,
    /// The dated roles, in résumé order.
    pub roles: Vec<RoleEntry<'a>>,
    /// The skills, each with the lines that show it.
    pub skills: Vec<CandidateSkillEntry<'a>>,
}

impl<'a> CandidateEntry<'a> {
    /// The entry of candidate `c`.
    pub fn new(taxonomy: &'a Taxonomy, c: &'a Candidate) -> Self {
        CandidateEntry {
            id: &c.id,
            name: c.name.as_deref(),
            source: &c.source,
            total_years: years(c.total_years),
            education: c.education.map(DegreeLevel::name),
            occupations: held_occupations(c).map(OccupationEntry::new).collect(),
            profile: profile_entries(&c.profile),
            roles: c.roles.iter().map(RoleEntry::new).collect(),
            skills: c
                .skills
                .iter()
                .map(|s| CandidateSkillEntry::new(taxonomy, c, s))
                .collect(),
        }
    }
}

/// An occupation a posting's title or a résumé's role names.
#[derive(Debug, Clone, Serialize)]
pub struct OccupationEntry<'a> {
    /// The ESCO occupation URI.
    pub esco: &'a str,
    /// The ISCO-08 unit group, four digits.
    pub isco: String,
    /// ESCO's preferred label.
    pub label: &'a str,
    /// The line it was read from.
    pub line: usize,
    /// How sure the recognition is, 0 to 1.
    pub score: f64,
    /// How the title matched: `exact`, `alternative`, `onet` or `head`.
    pub how: MatchKind,
}

impl<'a> OccupationEntry<'a> {
    /// The entry of occupation `n`.
    pub fn new(n: &'a Named) -> Self {
        OccupationEntry {
            esco: &n.esco,
            isco: n.isco_code(),
            label: &n.label,
            line: n.line,
            score: rounded(f64::from(n.score), CREDIT_DECIMALS),
            how: n.how,
        }
    }
}

/// One unit group of an occupation profile, as a report shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ProfileGroupEntry<'a> {
    /// The ISCO-08 unit group, four digits.
    pub isco: String,
    /// The unit group's ISCO label.
    pub label: Option<&'a str>,
    /// Its weight in the profile.
    pub weight: f64,
    /// The named occupation (title, headline or role) that adds to it.
    pub occupation: Option<OccupationEntry<'a>>,
    /// The text's words that point to it, most first.
    pub words: &'a [String],
}

impl<'a> ProfileGroupEntry<'a> {
    /// The entry of profile group `e`.
    pub fn new(e: &'a ProfileEntry) -> Self {
        ProfileGroupEntry {
            isco: e.isco_code(),
            label: e.group_label(),
            weight: rounded(f64::from(e.weight), CREDIT_DECIMALS),
            occupation: e.named.as_ref().map(OccupationEntry::new),
            words: &e.words,
        }
    }
}

/// An occupation profile as a report shows it: its groups, heaviest first.
pub fn profile_entries(p: &OccupationProfile) -> Vec<ProfileGroupEntry<'_>> {
    p.entries.iter().map(ProfileGroupEntry::new).collect()
}

/// Role fit as a report shows it.
#[derive(Debug, Clone, Serialize)]
pub struct RoleFitEntry<'a> {
    /// The posting's unit group that adds most to the credit (its heaviest
    /// when none is near the candidate's).
    pub asked: Option<ProfileGroupEntry<'a>>,
    /// The candidate's unit group that adds most (likewise).
    pub held: Option<ProfileGroupEntry<'a>>,
    /// How near those two are: `same_unit_group`, `same_minor_group`, or
    /// `unrelated` when no group of one side is near one of the other's.
    pub relation: &'static str,
    /// The credit earned, 0 to 1: the profiles' similarity.
    pub credit: f64,
    /// Its weight in the score.
    pub weight: f64,
}

impl<'a> RoleFitEntry<'a> {
    /// The entry of role fit `r`.
    pub fn new(r: &RoleFit<'a>) -> Self {
        let (asked, held, relation) = match r.nearest {
            Some((a, h, relation)) => (Some(a), Some(h), relation),
            None => (
                r.asked.entries.first(),
                r.held.entries.first(),
                OccupationRelation::Unrelated,
            ),
        };
        RoleFitEntry {
            asked: asked.map(ProfileGroupEntry::new),
            held: held.map(ProfileGroupEntry::new),
            relation: relation.name(),
            credit: rounded(r.credit, CREDIT_DECIMALS),
            weight: r.weight,
        }
    }
}

/// One dated role of a résumé.
#[derive(Debug, Clone, Serialize)]
pub struct RoleEntry<'a> {
    /// The role's title, when found.
    pub title: Option<&'a str>,
    /// Its first month, `YYYY-MM`.
    pub start: String,
    /// Its last month, `YYYY-MM`.
    pub end: String,
    /// Months from start to end, both counted.
    pub months: i32,
    /// The line of its dates.
    pub line: usize,
    /// The occupation its title names, if any.
    pub occupation: Option<OccupationEntry<'a>>,
}

impl<'a> RoleEntry<'a> {
    /// The entry of role `r`.
    pub fn new(r: &'a Role) -> Self {
        RoleEntry {
            title: r.title.as_deref(),
            start: r.start.to_string(),
            end: r.end.to_string(),
            months: r.months(),
            line: r.line,
            occupation: r.occupation.as_ref().map(OccupationEntry::new),
        }
    }
}

/// One skill of a candidate, with its years and evidence.
#[derive(Debug, Clone, Serialize)]
pub struct CandidateSkillEntry<'a> {
    /// The skill's id.
    pub id: &'a str,
    /// The skill's label.
    pub label: &'a str,
    /// Its ESCO and O*NET ids.
    #[serde(flatten)]
    pub standard: StandardIds<'a>,
    /// Years of use: stated beside it, or the union of the dated roles
    /// that use it, whichever is more.
    pub years: Option<f64>,
    /// Where `years` come from: the line stating them, or those roles.
    pub years_from: Option<YearsFromEntry<'a>>,
    /// Whether only a skills list names it.
    pub skills_section_only: bool,
    /// The résumé lines that show it.
    pub evidence: Vec<EvidenceEntry<'a>>,
}

impl<'a> CandidateSkillEntry<'a> {
    /// The entry of skill `s` of candidate `c`.
    pub fn new(taxonomy: &'a Taxonomy, c: &'a Candidate, s: &'a CandidateSkill) -> Self {
        let skill = taxonomy.skill(s.skill);
        CandidateSkillEntry {
            id: &skill.id,
            label: &skill.label,
            standard: StandardIds::of(skill),
            years: years(s.years),
            years_from: s
                .years_from
                .as_ref()
                .map(|from| YearsFromEntry::new(&super::YearsSource::of(c, from))),
            skills_section_only: s.skills_section_only,
            evidence: s.evidence.iter().map(EvidenceEntry::new).collect(),
        }
    }
}

/// One résumé line showing a skill.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceEntry<'a> {
    /// The line.
    pub line: usize,
    /// Byte offset of the mention's start in the text as read.
    pub start: usize,
    /// Byte offset of its end (exclusive).
    pub end: usize,
    /// The line's text.
    pub text: &'a str,
    /// The résumé section it is in.
    pub section: &'static str,
}

impl<'a> EvidenceEntry<'a> {
    /// The entry of evidence `e`.
    pub fn new(e: &'a SkillEvidence) -> Self {
        EvidenceEntry {
            line: e.line,
            start: e.start,
            end: e.end,
            text: &e.text,
            section: e.section.name(),
        }
    }
}

/// `{"id", "title", "company", "source"}` of a posting.
#[derive(Debug, Clone, Serialize)]
pub struct PostingRef<'a> {
    /// The posting's id.
    pub id: &'a str,
    /// The job title, when found.
    pub title: Option<&'a str>,
    /// The company, when found.
    pub company: Option<&'a str>,
    /// Where the posting was read from.
    pub source: &'a str,
}

impl<'a> PostingRef<'a> {
    /// The reference to posting `p`.
    pub fn new(p: &'a Posting) -> Self {
        PostingRef {
            id: &p.id,
            title: p.title.as_deref(),
            company: p.company.as_deref(),
            source: &p.source,
        }
    }
}

/// `{"id", "name", "source"}` of a candidate.
#[derive(Debug, Clone, Serialize)]
pub struct CandidateRef<'a> {
    /// The candidate's id.
    pub id: &'a str,
    /// The name, when found.
    pub name: Option<&'a str>,
    /// Where the résumé was read from.
    pub source: &'a str,
}

impl<'a> CandidateRef<'a> {
    /// The reference to candidate `c`.
    pub fn new(c: &'a Candidate) -> Self {
        CandidateRef {
            id: &c.id,
            name: c.name.as_deref(),
            source: &c.source,
        }
    }
}

/// `explain --format json`: the score, both parties and every requirement.
#[derive(Debug, Clone, Serialize)]
pub struct ExplainDocument<'a> {
    /// The score, 0 to 100.
    pub score: f64,
    /// The confidence-aware figure rankings sort by, 0 to 100.
    pub fit: f64,
    /// How much of the posting could be assessed.
    pub assessed: AssessedEntry,
    /// Role fit, when both sides read as some occupation.
    pub role: Option<RoleFitEntry<'a>>,
    /// The posting.
    pub posting: PostingRef<'a>,
    /// The candidate.
    pub candidate: CandidateRef<'a>,
    /// Required requirements fully met.
    pub required_met: usize,
    /// Required requirements partly met.
    pub required_partial: usize,
    /// Required requirements assessed.
    pub required_total: usize,
    /// The required skills the candidate lacks.
    pub missing_required: Vec<SkillRef<'a>>,
    /// One record per requirement, in posting order.
    pub requirements: Vec<AssessmentEntry<'a>>,
}

impl<'a> ExplainDocument<'a> {
    /// The document of explanation `e` of `candidate` against `posting`.
    pub fn new(
        taxonomy: &'a Taxonomy,
        posting: &'a Posting,
        candidate: &'a Candidate,
        e: &'a Explanation<'_>,
    ) -> Self {
        ExplainDocument {
            score: rounded(e.score, SCORE_DECIMALS),
            fit: rounded(e.fit, SCORE_DECIMALS),
            assessed: AssessedEntry::new(e),
            role: e.role.as_ref().map(RoleFitEntry::new),
            posting: PostingRef::new(posting),
            candidate: CandidateRef::new(candidate),
            required_met: e.required_met,
            required_partial: e.required_partial,
            required_total: e.required_total,
            missing_required: skill_refs(taxonomy, &e.missing_required),
            requirements: assessments(taxonomy, candidate, posting, e),
        }
    }
}

/// How much of a posting could be assessed, and how much evidence of fit
/// that gave.
#[derive(Debug, Clone, Serialize)]
pub struct AssessedEntry {
    /// Requirements assessed.
    pub requirements: usize,
    /// Requirements asked (repeats counted once).
    pub of: usize,
    /// The weight of the assessed requirements that is evidence of fit.
    pub evidence: f64,
    /// The prior the fit is shrunk with.
    pub prior: f64,
}

impl AssessedEntry {
    /// The entry of explanation `e`.
    pub fn new(e: &Explanation<'_>) -> Self {
        AssessedEntry {
            requirements: e.assessed,
            of: e.asked,
            evidence: rounded(e.evidence, CREDIT_DECIMALS),
            prior: e.prior,
        }
    }
}

/// The per-requirement records of an explanation of `posting`.
fn assessments<'a>(
    taxonomy: &'a Taxonomy,
    candidate: &'a Candidate,
    posting: &Posting,
    e: &'a Explanation<'_>,
) -> Vec<AssessmentEntry<'a>> {
    e.requirements
        .iter()
        .map(|a| {
            let asked = posting
                .requirements
                .get(a.index)
                .map_or_else(Vec::new, |r| asked_skills(taxonomy, r));
            AssessmentEntry::new(taxonomy, candidate, a, asked)
        })
        .collect()
}

/// The skills a requirement names: a skill requirement's alternatives, an
/// education requirement's fields of study, none for years.
fn asked_skills<'a>(taxonomy: &'a Taxonomy, r: &Requirement) -> Vec<SkillRef<'a>> {
    match r.kind {
        RequirementKind::Skill => skill_refs(taxonomy, &r.any_of),
        RequirementKind::Education => r
            .education
            .as_ref()
            .map_or_else(Vec::new, |e| skill_refs(taxonomy, &e.fields)),
        _ => Vec::new(),
    }
}

/// One requirement assessed: what was asked, the credit it earned, what
/// matched and the résumé lines that show it.
#[derive(Debug, Clone, Serialize)]
pub struct AssessmentEntry<'a> {
    /// The phrase the requirement was split from.
    pub text: &'a str,
    /// Its line in the posting.
    pub line: usize,
    /// `required`, `preferred` or `responsibility`.
    pub section: &'static str,
    /// `skill`, `experience`, `education` or `other`.
    pub kind: &'static str,
    /// The skills it asks for: a skill requirement's alternatives, an
    /// education requirement's fields of study; shown whatever the status,
    /// so a missing record says what is missing.
    pub asked: Vec<SkillRef<'a>>,
    /// Its weight in the score.
    pub weight: f64,
    /// What it counts toward: `skill` (the score, and all its weight is
    /// evidence of fit), `background` (years or a degree: the score, and a
    /// share of its weight is evidence) or `ceiling` (an entry-level upper
    /// bound on years: its credit multiplies the score).
    pub part: &'static str,
    /// `met`, `partial`, `missing` or `not_assessed`.
    pub status: &'static str,
    /// The credit earned, 0 to 1.
    pub credit: f64,
    /// The candidate's skill that answered it, if any.
    pub matched: Option<MatchedEntry<'a>>,
    /// The résumé lines that show the match.
    pub evidence: Vec<QuoteEntry<'a>>,
    /// Years had and needed.
    pub years: YearsEntry,
    /// Where the matched skill's years come from, when the record shows
    /// some: the line stating them, or the dated roles they sum.
    pub years_from: Option<YearsFromEntry<'a>>,
    /// The line of the requirement this one repeats, counted there.
    pub repeats: Option<usize>,
    /// Years of experience: the share of the candidate's years counted as
    /// work in the posting's field (from role fit); null otherwise.
    pub in_field: Option<f64>,
}

impl<'a> AssessmentEntry<'a> {
    /// The entry of record `a` of `candidate`, which asks for `asked`.
    pub fn new(
        taxonomy: &'a Taxonomy,
        candidate: &'a Candidate,
        a: &'a Assessment<'_>,
        asked: Vec<SkillRef<'a>>,
    ) -> Self {
        AssessmentEntry {
            text: a.text,
            line: a.line,
            section: a.section.name(),
            kind: a.kind.name(),
            asked,
            weight: a.weight,
            part: a.part.name(),
            status: a.status.name(),
            credit: rounded(a.credit, CREDIT_DECIMALS),
            matched: a.matched.map(|m| MatchedEntry::new(taxonomy, &m)),
            evidence: a.evidence.iter().map(|ev| QuoteEntry::new(ev)).collect(),
            years: YearsEntry::new(&a.years),
            years_from: super::years_source(candidate, a).map(|s| YearsFromEntry::new(&s)),
            repeats: a.repeats,
            in_field: a.in_field.map(|x| (x * 1000.0).round() / 1000.0),
        }
    }
}

/// The candidate's skill that answered a requirement, and how.
#[derive(Debug, Clone, Serialize)]
pub struct MatchedEntry<'a> {
    /// The candidate's skill's id.
    pub id: &'a str,
    /// The candidate's skill's label.
    pub label: &'a str,
    /// Its ESCO and O*NET ids.
    #[serde(flatten)]
    pub standard: StandardIds<'a>,
    /// `same`, `more_specific`, `more_general` or `related`.
    pub how: &'static str,
    /// The skill the requirement asked for.
    pub required: SkillRef<'a>,
}

impl<'a> MatchedEntry<'a> {
    /// The entry of match `m`.
    pub fn new(taxonomy: &'a Taxonomy, m: &Matched) -> Self {
        let have = taxonomy.skill(m.candidate);
        MatchedEntry {
            id: &have.id,
            label: &have.label,
            standard: StandardIds::of(have),
            how: m.how.name(),
            required: SkillRef::new(taxonomy, m.required),
        }
    }
}

/// A résumé line quoted as evidence of a requirement.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteEntry<'a> {
    /// The line.
    pub line: usize,
    /// The line's text.
    pub text: &'a str,
    /// Byte offset of the mention's start in the text as read.
    pub start: usize,
    /// Byte offset of its end (exclusive).
    pub end: usize,
}

impl<'a> QuoteEntry<'a> {
    /// The entry of evidence `e`.
    pub fn new(e: &'a SkillEvidence) -> Self {
        QuoteEntry {
            line: e.line,
            text: &e.text,
            start: e.start,
            end: e.end,
        }
    }
}

/// Where a record's years come from: `{"stated_line": 2, "roles": []}` or
/// `{"stated_line": null, "roles": [ROLE, …]}`, each role as the
/// candidate's `roles` list gives it.
#[derive(Debug, Clone, Serialize)]
pub struct YearsFromEntry<'a> {
    /// The résumé line stating the years, when a statement gave them.
    pub stated_line: Option<usize>,
    /// The dated roles whose union they are, in résumé order.
    pub roles: Vec<RoleEntry<'a>>,
}

impl<'a> YearsFromEntry<'a> {
    /// The entry of `source`.
    pub fn new(source: &super::YearsSource<'a>) -> Self {
        match source {
            super::YearsSource::Stated(line) => YearsFromEntry {
                stated_line: Some(*line),
                roles: Vec::new(),
            },
            super::YearsSource::Roles(roles) => YearsFromEntry {
                stated_line: None,
                roles: roles.iter().map(|r| RoleEntry::new(r)).collect(),
            },
        }
    }
}

/// Years had and asked for, each `null` when unknown.
#[derive(Debug, Clone, Serialize)]
pub struct YearsEntry {
    /// Years the candidate has.
    pub have: Option<f64>,
    /// Years asked for at least.
    pub need: Option<f64>,
    /// Years allowed at most.
    pub max: Option<f64>,
    /// The most the candidate can have in all, when the skill's own years
    /// are unknown.
    pub cap: Option<f64>,
}

impl YearsEntry {
    /// The entry of years `y`.
    pub fn new(y: &Years) -> Self {
        YearsEntry {
            have: years(y.have),
            need: years(y.need),
            max: years(y.max),
            cap: years(y.cap),
        }
    }
}

/// `score --format json`: the candidate, the ranked postings, then the
/// suggestions.
#[derive(Debug, Clone, Serialize)]
pub struct ScoreDocument<'a> {
    /// The candidate.
    pub candidate: CandidateRef<'a>,
    /// The postings shown, best first.
    pub results: Vec<ResultEntry<'a>>,
    /// The skills that would raise the scores most.
    pub suggestions: Vec<SuggestionEntry<'a>>,
}

impl<'a> ScoreDocument<'a> {
    /// The document of `ranked` and `suggestions` for `candidate`, with
    /// every requirement record when `with_requirements`.
    pub fn new(
        taxonomy: &'a Taxonomy,
        candidate: &'a Candidate,
        ranked: &'a [Ranked<'_>],
        suggestions: &[Suggestion],
        with_requirements: bool,
    ) -> Self {
        ScoreDocument {
            candidate: CandidateRef::new(candidate),
            results: ranked
                .iter()
                .map(|r| ResultEntry::new(taxonomy, candidate, r, with_requirements))
                .collect(),
            suggestions: suggestions
                .iter()
                .map(|s| SuggestionEntry::new(taxonomy, s))
                .collect(),
        }
    }
}

/// One ranked posting of a score.
#[derive(Debug, Clone, Serialize)]
pub struct ResultEntry<'a> {
    /// Its place, from 1.
    pub rank: usize,
    /// The score, 0 to 100.
    pub score: f64,
    /// The confidence-aware figure the ranking sorts by, 0 to 100.
    pub fit: f64,
    /// How much of the posting could be assessed.
    pub assessed: AssessedEntry,
    /// Role fit, when both sides read as some occupation.
    pub role: Option<RoleFitEntry<'a>>,
    /// The posting.
    pub posting: PostingRef<'a>,
    /// Required requirements fully met.
    pub required_met: usize,
    /// Required requirements partly met.
    pub required_partial: usize,
    /// Required requirements assessed.
    pub required_total: usize,
    /// The required skills the candidate lacks.
    pub missing_required: Vec<SkillRef<'a>>,
    /// The candidate's skills that earned most.
    pub top_matches: Vec<SkillRef<'a>>,
    /// Every requirement's record, with `score --explain`; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requirements: Option<Vec<AssessmentEntry<'a>>>,
}

impl<'a> ResultEntry<'a> {
    /// The entry of ranked posting `r`.
    pub fn new(
        taxonomy: &'a Taxonomy,
        candidate: &'a Candidate,
        r: &'a Ranked<'_>,
        with_requirements: bool,
    ) -> Self {
        let e = &r.explanation;
        ResultEntry {
            rank: r.rank,
            score: rounded(e.score, SCORE_DECIMALS),
            fit: rounded(e.fit, SCORE_DECIMALS),
            assessed: AssessedEntry::new(e),
            role: e.role.as_ref().map(RoleFitEntry::new),
            posting: PostingRef::new(r.posting),
            required_met: e.required_met,
            required_partial: e.required_partial,
            required_total: e.required_total,
            missing_required: skill_refs(taxonomy, &e.missing_required),
            top_matches: skill_refs(taxonomy, &super::top_matches(e)),
            requirements: with_requirements.then(|| assessments(taxonomy, candidate, r.posting, e)),
        }
    }
}

/// A skill that would raise the candidate's scores.
#[derive(Debug, Clone, Serialize)]
pub struct SuggestionEntry<'a> {
    /// The skill's id.
    pub id: &'a str,
    /// The skill's label.
    pub label: &'a str,
    /// Its ESCO and O*NET ids.
    #[serde(flatten)]
    pub standard: StandardIds<'a>,
    /// The postings that require it and that the candidate lacks it for.
    pub postings: usize,
    /// The points it would add across those postings.
    pub gain: f64,
}

impl<'a> SuggestionEntry<'a> {
    /// The entry of suggestion `s`.
    pub fn new(taxonomy: &'a Taxonomy, s: &Suggestion) -> Self {
        let skill = taxonomy.skill(s.skill);
        SuggestionEntry {
            id: &skill.id,
            label: &skill.label,
            standard: StandardIds::of(skill),
            postings: s.postings,
            gain: rounded(s.gain, SCORE_DECIMALS),
        }
    }
}

/// `taxonomy stats --format json`.
#[derive(Debug, Clone, Serialize)]
pub struct StatsDocument {
    /// Skills.
    pub skills: usize,
    /// Aliases of all skills.
    pub aliases: usize,
    /// Distinct categories.
    pub categories: usize,
    /// The deepest is-a chain.
    pub max_depth: u32,
    /// Skills linked to ESCO: `any` link, an `exact` one.
    pub esco: Coverage,
    /// Skills linked to O*NET.
    pub onet: Coverage,
    /// Imported skills folded into the skills that link their concept.
    pub folded: usize,
}

/// How many skills have a link to one standard.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Coverage {
    /// With at least one link.
    pub any: usize,
    /// With a link to the same concept.
    pub exact: usize,
}

/// `taxonomy lookup --format json`: what matched, else the nearest forms.
#[derive(Debug, Clone, Serialize)]
pub struct LookupDocument<'a> {
    /// The skills the phrase names or mentions.
    pub matches: Vec<LookupEntry<'a>>,
    /// The closest forms, when nothing matched.
    pub nearest: Vec<LookupEntry<'a>>,
}

/// One answer of a lookup.
#[derive(Debug, Clone, Serialize)]
pub struct LookupEntry<'a> {
    /// The skill's id.
    pub id: &'a str,
    /// The skill's label.
    pub label: &'a str,
    /// `exact`, `alias`, `fuzzy`, `ambiguous` or `nearest`.
    #[serde(rename = "match")]
    pub how: &'static str,
    /// Edit distance between the phrase and the form.
    pub distance: u32,
    /// The part of the phrase that matched, or the nearest form.
    pub text: &'a str,
    /// The skill's parents (what it is a kind of).
    pub parents: Vec<SkillRef<'a>>,
    /// The skills that are kinds of it.
    pub children: Vec<SkillRef<'a>>,
    /// The skills it is related to.
    pub related: Vec<SkillRef<'a>>,
    /// Its links to standard concepts, each with its scheme and relation.
    pub links: &'a [StandardLink],
    /// Forms it gained from imported concepts folded into it.
    pub merged_forms: &'a [String],
}

impl<'a> LookupEntry<'a> {
    /// The entry of lookup answer `m`.
    pub fn new(taxonomy: &'a Taxonomy, m: &'a LookupMatch) -> Self {
        let skill = taxonomy.skill(m.skill);
        LookupEntry {
            id: &skill.id,
            label: &skill.label,
            how: lookup_kind_name(m.kind),
            distance: m.distance,
            text: &m.text,
            parents: skill_refs(taxonomy, &skill.parents),
            children: skill_refs(taxonomy, &taxonomy.children(m.skill)),
            related: skill_refs(taxonomy, &skill.related),
            links: &skill.links,
            merged_forms: &skill.merged_forms,
        }
    }
}

/// The contract name of a lookup kind, as JSON and text print it.
pub fn lookup_kind_name(kind: LookupKind) -> &'static str {
    match kind {
        LookupKind::Exact => "exact",
        LookupKind::Alias => "alias",
        LookupKind::Fuzzy => "fuzzy",
        LookupKind::Ambiguous => "ambiguous",
        LookupKind::Nearest => "nearest",
    }
}

/// `taxonomy lint --format json`.
#[derive(Debug, Clone, Serialize)]
pub struct LintDocument<'a> {
    /// The findings, in file order.
    pub findings: Vec<FindingEntry<'a>>,
    /// With `--ambiguous`: every form that needs evidence of its sense;
    /// absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ambiguous: Option<Vec<AmbiguousEntry<'a>>>,
}

/// One lint finding.
#[derive(Debug, Clone, Serialize)]
pub struct FindingEntry<'a> {
    /// The stable short code ("L001").
    pub code: &'static str,
    /// The readable name ("duplicate-id").
    pub name: &'static str,
    /// The file.
    pub file: &'a str,
    /// The line, when known.
    pub line: Option<usize>,
    /// The column, when known.
    pub column: Option<usize>,
    /// What is wrong and what to do.
    pub message: &'a str,
}

impl<'a> FindingEntry<'a> {
    /// The entry of finding `f`.
    pub fn new(f: &'a Finding) -> Self {
        FindingEntry {
            code: f.code.code(),
            name: f.code.name(),
            file: &f.location.file,
            line: f.location.line,
            column: f.location.column,
            message: &f.message,
        }
    }
}

/// One form that counts only with evidence of its sense.
#[derive(Debug, Clone, Serialize)]
pub struct AmbiguousEntry<'a> {
    /// The file declaring the rule.
    pub file: &'a str,
    /// Its line, when known.
    pub line: Option<usize>,
    /// Its column, when known.
    pub column: Option<usize>,
    /// The skill's id.
    pub skill: &'a str,
    /// The form as written.
    pub form: &'a str,
    /// `exact-case` or `ambiguity`.
    pub rule: &'static str,
    /// The derivation rule behind it; `null` when a person wrote it.
    pub reason: Option<&'a str>,
    /// Qualifier words of the rule.
    pub qualifiers: usize,
    /// Context skills of the rule.
    pub context: usize,
}

impl<'a> AmbiguousEntry<'a> {
    /// The entry of ambiguous form `a`.
    pub fn new(a: &'a AmbiguousForm) -> Self {
        AmbiguousEntry {
            file: &a.location.file,
            line: a.location.line,
            column: a.location.column,
            skill: &a.skill,
            form: &a.form,
            rule: a.rule,
            reason: a.reason.as_deref(),
            qualifiers: a.evidence.0,
            context: a.evidence.1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Evidence, MatchKind};
    use crate::taxonomy::{Source, TaxonomyBuilder};

    fn taxonomy() -> Taxonomy {
        let mut b = TaxonomyBuilder::new();
        b.add_source(Source::new(
            "t.toml",
            "category = \"tech\"\n[[skill]]\nid = \"kubernetes\"\nlabel = \"Kubernetes\"\n",
        ));
        b.build().expect("test taxonomy")
    }

    fn json(value: &impl Serialize) -> String {
        serde_json::to_string(value).expect("serializes")
    }

    #[test]
    fn years_print_rounded_to_the_hundredth_or_null() {
        let cases = [
            ("unknown", None, "null"),
            ("whole", Some(3.0), "3.0"),
            ("f32 that widens badly", Some(8.9), "8.9"),
            ("rounded", Some(2.456), "2.46"),
        ];
        for (name, value, expected) in cases {
            assert_eq!(json(&years(value)), expected, "{name}");
        }
    }

    #[test]
    fn a_mention_names_its_distance_only_when_fuzzy() {
        let t = taxonomy();
        let skill = t.get("kubernetes").expect("in the test taxonomy");
        let cases = [
            (
                MatchKind::Exact,
                r#"{"id":"kubernetes","label":"Kubernetes","line":3,"start":10,"end":20,"match":"exact"}"#,
            ),
            (
                MatchKind::Fuzzy { distance: 1 },
                r#"{"id":"kubernetes","label":"Kubernetes","line":3,"start":10,"end":20,"match":"fuzzy","distance":1}"#,
            ),
        ];
        for (kind, expected) in cases {
            let m = Mention {
                skill,
                kind,
                start: 10,
                end: 20,
                line: 3,
                evidence: Evidence::NotNeeded,
            };
            assert_eq!(json(&MentionEntry::new(&t, &m)), expected, "{kind:?}");
        }
    }

    #[test]
    fn documents_keep_the_contract_field_order() {
        let stats = StatsDocument {
            skills: 2,
            aliases: 5,
            categories: 1,
            max_depth: 3,
            esco: Coverage { any: 2, exact: 1 },
            onet: Coverage { any: 0, exact: 0 },
            folded: 4,
        };
        assert_eq!(
            json(&stats),
            r#"{"skills":2,"aliases":5,"categories":1,"max_depth":3,"esco":{"any":2,"exact":1},"onet":{"any":0,"exact":0},"folded":4}"#
        );
        let lint = LintDocument {
            findings: Vec::new(),
            ambiguous: None,
        };
        assert_eq!(json(&lint), r#"{"findings":[]}"#);
        let lint = LintDocument {
            findings: Vec::new(),
            ambiguous: Some(Vec::new()),
        };
        assert_eq!(json(&lint), r#"{"findings":[],"ambiguous":[]}"#);
    }

    #[test]
    fn reports_end_with_a_newline() {
        let bytes = to_bytes(&LookupDocument {
            matches: Vec::new(),
            nearest: Vec::new(),
        })
        .expect("serializes");
        assert_eq!(
            String::from_utf8(bytes).expect("UTF-8"),
            "{\n  \"matches\": [],\n  \"nearest\": []\n}\n"
        );
    }
}
