//! JSON reports. The shapes are a contract (PRODUCT.md, "extract JSON"):
//! fields may be added, the documented ones may not change.

use serde_json::{json, Value};

use crate::extract::posting::Posting;
use crate::extract::resume::Candidate;
use crate::extract::{DegreeLevel, Mention};
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
                "education": r.education.as_ref().map(|e| json!({
                    "level": e.level.name(),
                    "fields": e.fields.iter().map(|&s| skill_ref(taxonomy, s)).collect::<Vec<_>>(),
                    "or_equivalent": e.or_equivalent,
                })),
            })
        })
        .collect();
    json!({
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
