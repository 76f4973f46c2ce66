//! JSON reports. The shapes are a contract (PRODUCT.md, "extract JSON" and
//! "score and explain JSON"):
//! fields may be added, the documented ones may not change.

use serde_json::{json, Value};

use crate::explain::Explanation;
use crate::extract::posting::Posting;
use crate::extract::resume::Candidate;
use crate::extract::{DegreeLevel, Mention};
use crate::rank::{Ranked, Suggestion};
use crate::taxonomy::{SkillId, Taxonomy};

/// Years as JSON: `f32` values widened to `f64` print as 8.899999618530273,
/// so they are rounded to the hundredth first.
fn years(value: Option<f32>) -> Value {
    value.map_or(Value::Null, |y| {
        json!((f64::from(y) * 100.0).round() / 100.0)
    })
}

/// `{"id", "label"}` of a skill.
pub fn skill_ref(taxonomy: &Taxonomy, id: SkillId) -> Value {
    let skill = taxonomy.skill(id);
    json!({ "id": skill.id, "label": skill.label })
}

/// One mention: id, label, line, byte span, how it matched.
pub fn mention(taxonomy: &Taxonomy, m: &Mention) -> Value {
    let skill = taxonomy.skill(m.skill);
    let mut v = json!({
        "id": skill.id,
        "label": skill.label,
        "line": m.line,
        "start": m.start,
        "end": m.end,
        "match": m.kind.name(),
    });
    if m.kind.distance() > 0 {
        v["distance"] = json!(m.kind.distance());
    }
    v
}

/// One posting as the `extract` contract describes it.
pub fn posting(taxonomy: &Taxonomy, p: &Posting) -> Value {
    let requirements: Vec<Value> = p
        .requirements
        .iter()
        .map(|r| {
            json!({
                "line": r.line,
                "text": r.text,
                "section": r.section.name(),
                "kind": r.kind.name(),
                "any_of": r.any_of.iter().map(|&s| skill_ref(taxonomy, s)).collect::<Vec<_>>(),
                "min_years": years(r.min_years),
                "max_years": years(r.max_years),
                "education": r.education.as_ref().map(|e| json!({
                    "level": e.level.name(),
                    "fields": e.fields.iter().map(|&s| skill_ref(taxonomy, s)).collect::<Vec<_>>(),
                    "or_equivalent": e.or_equivalent,
                })),
            })
        })
        .collect();
    json!({
        "id": p.id,
        "title": p.title,
        "company": p.company,
        "location": p.location,
        "remote": p.remote,
        "salary": p.salary,
        "source": p.source,
        "lines": [p.lines.0, p.lines.1],
        "requirements": requirements,
        "mentions": p.mentions.iter().map(|m| mention(taxonomy, m)).collect::<Vec<_>>(),
    })
}

/// One candidate as the `extract` contract describes it.
pub fn candidate(taxonomy: &Taxonomy, c: &Candidate) -> Value {
    let skills: Vec<Value> = c
        .skills
        .iter()
        .map(|s| {
            let skill = taxonomy.skill(s.skill);
            json!({
                "id": skill.id,
                "label": skill.label,
                "years": years(s.years),
                "skills_section_only": s.skills_section_only,
                "evidence": s.evidence.iter().map(|e| json!({
                    "line": e.line,
                    "start": e.start,
                    "end": e.end,
                    "text": e.text,
                    "section": e.section.name(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "id": c.id,
        "name": c.name,
        "source": c.source,
        "total_years": years(c.total_years),
        "education": c.education.map(DegreeLevel::name),
        "roles": c.roles.iter().map(|r| json!({
            "title": r.title,
            "start": r.start.to_string(),
            "end": r.end.to_string(),
            "months": r.months(),
            "line": r.line,
        })).collect::<Vec<_>>(),
        "skills": skills,
    })
}

/// A number rounded to `places` decimals, for scores and credits: exact
/// enough to recompute a score from its records, short enough to read.
fn rounded(x: f64, places: i32) -> Value {
    let m = 10f64.powi(places);
    json!((x * m).round() / m)
}

/// `{"id", "title", "company", "source"}` of a posting.
pub fn posting_ref(p: &Posting) -> Value {
    json!({ "id": p.id, "title": p.title, "company": p.company, "source": p.source })
}

/// `{"id", "name", "source"}` of a candidate.
pub fn candidate_ref(c: &Candidate) -> Value {
    json!({ "id": c.id, "name": c.name, "source": c.source })
}

/// The per-requirement records of an explanation, as the `explain`
/// contract describes them.
pub fn assessments(taxonomy: &Taxonomy, e: &Explanation<'_>) -> Vec<Value> {
    e.requirements
        .iter()
        .map(|a| {
            let matched = a.matched.map(|m| {
                let have = taxonomy.skill(m.candidate);
                json!({
                    "id": have.id,
                    "label": have.label,
                    "how": m.how.name(),
                    "required": skill_ref(taxonomy, m.required),
                })
            });
            json!({
                "text": a.text,
                "line": a.line,
                "section": a.section.name(),
                "kind": a.kind.name(),
                "weight": a.weight,
                "status": a.status.name(),
                "credit": rounded(a.credit, 4),
                "matched": matched,
                "evidence": a.evidence.iter().map(|ev| json!({
                    "line": ev.line,
                    "text": ev.text,
                    "start": ev.start,
                    "end": ev.end,
                })).collect::<Vec<_>>(),
                "years": { "have": years(a.years.have), "need": years(a.years.need), "max": years(a.years.max), "cap": years(a.years.cap) },
                "repeats": a.repeats,
            })
        })
        .collect()
}

/// `explain --format json`: the score, both parties and every requirement.
pub fn explanation(
    taxonomy: &Taxonomy,
    posting: &Posting,
    candidate: &Candidate,
    e: &Explanation<'_>,
) -> Value {
    json!({
        "score": rounded(e.score, 2),
        "posting": posting_ref(posting),
        "candidate": candidate_ref(candidate),
        "required_met": e.required_met,
        "required_partial": e.required_partial,
        "required_total": e.required_total,
        "missing_required": e.missing_required.iter().map(|&s| skill_ref(taxonomy, s)).collect::<Vec<_>>(),
        "requirements": assessments(taxonomy, e),
    })
}

/// `score --format json`: the ranked postings (with every requirement when
/// `with_requirements`), then the suggestions.
pub fn score(
    taxonomy: &Taxonomy,
    candidate: &Candidate,
    ranked: &[Ranked<'_>],
    suggestions: &[Suggestion],
    with_requirements: bool,
) -> Value {
    let results: Vec<Value> = ranked
        .iter()
        .map(|r| {
            let e = &r.explanation;
            let mut v = json!({
                "rank": r.rank,
                "score": rounded(e.score, 2),
                "posting": posting_ref(r.posting),
                "required_met": e.required_met,
                "required_partial": e.required_partial,
                "required_total": e.required_total,
                "missing_required": e.missing_required.iter().map(|&s| skill_ref(taxonomy, s)).collect::<Vec<_>>(),
                "top_matches": super::top_matches(e).into_iter().map(|s| skill_ref(taxonomy, s)).collect::<Vec<_>>(),
            });
            if with_requirements {
                v["requirements"] = Value::Array(assessments(taxonomy, e));
            }
            v
        })
        .collect();
    json!({
        "candidate": candidate_ref(candidate),
        "results": results,
        "suggestions": suggestions.iter().map(|s| {
            let skill = taxonomy.skill(s.skill);
            json!({
                "id": skill.id,
                "label": skill.label,
                "postings": s.postings,
                "gain": rounded(s.gain, 2),
            })
        }).collect::<Vec<_>>(),
    })
}
