//! Reports: each turns library records into bytes. No decisions are made
//! here; every number shown comes from the records
//! ([`crate::explain::Explanation`], [`crate::rank::Ranked`]).
//!
//! One render path: a command builds a report value from library results
//! ([`ExtractReport`], [`ScoreReport`], [`ExplainReport`], [`StatsReport`],
//! [`LookupReport`], [`LintReport`], [`IndexInfoReport`]) and [`render`]s it
//! in a [`Format`]; each report says which formats it supports and why it
//! refuses the others ([`Report`]). The formats' writers live one file per
//! format: [`text`] (terminal), [`markdown`], [`json`] (the contract in
//! PRODUCT.md, as serde types), [`html`] (one self-contained page) and
//! [`csv`] (the `rank` and `score` rows). The phrases every format shares
//! ("Java, more specific than SQL", "4 years, needs 5") are built here once.

pub mod csv;
mod explain;
mod extract;
pub mod html;
mod index;
pub mod json;
pub mod markdown;
mod render;
mod score;
mod taxonomy;
pub mod text;

pub use explain::ExplainReport;
pub use extract::{ExtractReport, ExtractWriter};
pub use index::IndexInfoReport;
pub use render::{render, unsupported, Format, RenderError, Report};
pub use score::{ScoreReport, RULE_WIDTH};
pub use taxonomy::{LintReport, LookupReport, StatsReport};

use crate::explain::Explanation;
use crate::extract::posting::{Posting, Requirement, RequirementKind};
use crate::extract::resume::{Candidate, Role, YearsFrom};
use crate::occupation::profile::ProfileEntry;
use crate::score::{Assessment, How, Matched, Status, Years};
use crate::taxonomy::{SkillId, Taxonomy};

/// Skills listed in a `top_matches` column or line.
pub const TOP_MATCHES: usize = 5;

/// What a requirement asks for, in a few words: its alternatives, the
/// degree, "experience", or "(not assessed)".
pub fn asks_for(taxonomy: &Taxonomy, r: &Requirement) -> String {
    match r.kind {
        RequirementKind::Skill => r
            .any_of
            .iter()
            .map(|&s| taxonomy.skill(s).label.as_str())
            .collect::<Vec<_>>()
            .join(" | "),
        RequirementKind::Experience => "experience".to_string(),
        RequirementKind::Education => r.education.as_ref().map_or(String::new(), |e| {
            let fields: Vec<&str> = e
                .fields
                .iter()
                .map(|&f| taxonomy.skill(f).label.as_str())
                .collect();
            let mut s = format!("{} degree", e.level.name());
            if !fields.is_empty() {
                s.push_str(" in ");
                s.push_str(&fields.join(", "));
            }
            if e.or_equivalent {
                s.push_str(" (or equivalent experience)");
            }
            s
        }),
        RequirementKind::Other => "(not assessed)".to_string(),
    }
}

/// What the requirement of record `a` asks for (see [`asks_for`]).
pub fn asks_of(taxonomy: &Taxonomy, posting: &Posting, a: &Assessment<'_>) -> String {
    posting
        .requirements
        .get(a.index)
        .map_or(String::new(), |r| asks_for(taxonomy, r))
}

/// The missing records: required first, then preferred, then
/// responsibilities; posting order within each.
pub fn missing_records<'e, 'a>(e: &'e Explanation<'a>) -> Vec<&'e Assessment<'a>> {
    let mut missing: Vec<&Assessment<'a>> = e
        .requirements
        .iter()
        .filter(|a| a.status == Status::Missing)
        .collect();
    missing.sort_by_key(|a| (a.section, a.index));
    missing
}

/// How the candidate's skill answers the one asked for: "Java",
/// "PostgreSQL, more specific than SQL", "SQL, more general than
/// PostgreSQL", "MySQL, related to PostgreSQL".
pub fn matched_phrase(taxonomy: &Taxonomy, m: &Matched) -> String {
    let have = &taxonomy.skill(m.candidate).label;
    let want = &taxonomy.skill(m.required).label;
    match m.how {
        How::Same => have.clone(),
        How::MoreSpecific => format!("{have}, more specific than {want}"),
        How::MoreGeneral => format!("{have}, more general than {want}"),
        How::Related => format!("{have}, related to {want}"),
    }
}

/// Years had and needed in words: "6 years", "4 years, needs 5",
/// "years unknown, needs 3", "9 years, entry level: at most 2"; `None`
/// when nothing is known.
pub fn years_phrase(y: &Years) -> Option<String> {
    let have = y.have.map(|h| format!("{} years", number(f64::from(h))));
    let mut asks = Vec::new();
    if let Some(n) = y.need {
        asks.push(format!("needs {}", number(f64::from(n))));
    }
    if let Some(m) = y.max {
        asks.push(format!("entry level: at most {}", number(f64::from(m))));
    }
    let unknown = match y.cap {
        Some(cap) => format!("years unknown (at most {} in all)", number(f64::from(cap))),
        None => "years unknown".to_string(),
    };
    match (have, asks.is_empty()) {
        (None, true) => None,
        (Some(h), true) => Some(h),
        (Some(h), false) => Some(format!("{h}, {}", asks.join(", "))),
        (None, false) => Some(format!("{unknown}, {}", asks.join(", "))),
    }
}

/// Where the years of a skill record come from: what a reader checks
/// them against.
#[derive(Debug, Clone, PartialEq)]
pub enum YearsSource<'c> {
    /// The résumé states them on this 1-based line.
    Stated(usize),
    /// The union of these dated roles.
    Roles(Vec<&'c Role>),
}

/// Where the years of record `a` come from: the matched skill's statement
/// or roles. `None` when the record shows no years of a skill (a missing
/// skill, a listed skill with unknown years, years of experience in all).
pub fn years_source<'c>(candidate: &'c Candidate, a: &Assessment<'_>) -> Option<YearsSource<'c>> {
    a.years.have?;
    let skill = candidate.skill(a.matched?.candidate)?;
    Some(YearsSource::of(candidate, skill.years_from.as_ref()?))
}

impl<'c> YearsSource<'c> {
    /// The source `from` names, its roles looked up in `candidate`.
    pub fn of(candidate: &'c Candidate, from: &YearsFrom) -> Self {
        match from {
            YearsFrom::Stated { line } => YearsSource::Stated(*line),
            YearsFrom::Roles { roles } => YearsSource::Roles(
                roles
                    .iter()
                    .filter_map(|&r| candidate.roles.get(r))
                    .collect(),
            ),
        }
    }
}

/// The lines that account for a record's years, one phrase each: "years
/// stated on résumé L2", or per role "role L6: Senior SRE, Tidewater
/// (2021-03 to 2026-11)".
pub fn years_source_lines(source: &YearsSource<'_>) -> Vec<String> {
    match source {
        YearsSource::Stated(line) => vec![format!("years stated on résumé L{line}")],
        YearsSource::Roles(roles) => roles
            .iter()
            .map(|r| {
                format!(
                    "role L{}: {} ({} to {})",
                    r.line,
                    r.title.as_deref().unwrap_or("untitled"),
                    r.start,
                    r.end
                )
            })
            .collect(),
    }
}

/// A number with at most one decimal and no trailing `.0`: 5, 4.5.
pub fn number(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// A weight or credit with at most two decimals and no trailing zeros:
/// 1, 0.5, 0.25.
pub fn weight_text(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The plural ending for a count: "" for 1, "s" otherwise.
pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A score as reports print it: one decimal.
pub fn score_text(score: f64) -> String {
    format!("{score:.1}")
}

/// Why an assessed requirement earned what it did, in one line, for the
/// formats that print prose: the match, the years, or why nothing matched.
pub fn reason(taxonomy: &Taxonomy, candidate: &Candidate, a: &Assessment<'_>) -> String {
    let mut parts = Vec::new();
    match (a.kind, &a.matched) {
        (_, Some(m)) => parts.push(matched_phrase(taxonomy, m)),
        (RequirementKind::Experience, None) => {}
        (RequirementKind::Education, None) => parts.push(match candidate.education {
            Some(level) if a.status == Status::Met => format!("{} degree", level.name()),
            Some(level) if a.credit > 0.0 && a.years.have.is_none() => {
                format!("{} degree, in another field", level.name())
            }
            Some(level) if a.credit > 0.0 => {
                format!(
                    "{} degree, plus experience in place of a higher one",
                    level.name()
                )
            }
            Some(level) => format!("{} degree", level.name()),
            None if a.credit > 0.0 => "experience in place of a degree".to_string(),
            None => "no degree found".to_string(),
        }),
        (_, None) if a.status == Status::NotAssessed => {}
        (_, None) => parts.push("not found in the résumé".to_string()),
    }
    if let Some(y) = years_phrase(&a.years) {
        parts.push(y);
    }
    if let Some(share) = a.in_field.filter(|&s| s < 1.0) {
        parts.push(if share > 0.0 {
            format!(
                "partly in another field: {}% of the years count (role fit)",
                (share * 100.0).round()
            )
        } else {
            "in another field: the years do not count (role fit)".to_string()
        });
    }
    if let Some(line) = a.repeats {
        return format!("asked again: counted once, on line {line}");
    }
    if a.status == Status::NotAssessed {
        parts.push(match a.kind {
            RequirementKind::Experience => "the résumé gives no dates to count years from".into(),
            _ => "no skill, degree or years to compare".into(),
        });
    }
    parts.join("; ")
}

/// The candidate's skills that met or partly met requirements, the
/// heaviest contributions first (then posting order), each once, at most
/// [`TOP_MATCHES`].
pub fn top_matches(e: &Explanation<'_>) -> Vec<SkillId> {
    let mut earned: Vec<(f64, usize, SkillId)> = e
        .requirements
        .iter()
        .filter_map(|a| a.matched.map(|m| (a.earned(), a.index, m.candidate)))
        .filter(|&(earned, _, _)| earned > 0.0)
        .collect();
    earned.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<SkillId> = Vec::new();
    for (_, _, skill) in earned {
        if !out.contains(&skill) {
            out.push(skill);
        }
        if out.len() == TOP_MATCHES {
            break;
        }
    }
    out
}

/// "Title · Company", or the posting's id when it has no title.
pub fn posting_name(p: &Posting) -> String {
    match (&p.title, &p.company) {
        (Some(t), Some(c)) => format!("{t} · {c}"),
        (Some(t), None) => t.clone(),
        (None, Some(c)) => format!("{} · {c}", p.id),
        (None, None) => p.id.clone(),
    }
}

/// The candidate's name, or the id when no name was found.
pub fn candidate_name(c: &Candidate) -> &str {
    c.name.as_deref().unwrap_or(&c.id)
}

/// "required 5 of 7 met, 1 partial" for an explanation.
/// How the fit (the figure rankings sort by) comes from the score, in one
/// line: the evidence against the prior, and how much of the posting could
/// be assessed.
pub fn fit_summary(e: &Explanation<'_>) -> String {
    format!(
        "fit {} = score × {:.2} / ({:.2} + {} prior) · assessed {} of {} requirement{}",
        score_text(e.fit),
        e.evidence,
        e.evidence,
        number(e.prior),
        e.assessed,
        e.asked,
        plural(e.asked)
    )
}

/// How the score comes from the records, in one line:
/// `100 × earned / possible`, times the entry-level ceiling when it bites.
pub fn score_formula(e: &Explanation<'_>) -> String {
    let mut s = format!("100 × {:.2} earned / {:.2} possible", e.earned, e.possible);
    if e.ceiling < 1.0 {
        s.push_str(&format!(" × {:.2} entry-level ceiling", e.ceiling));
    }
    s
}

/// Role fit in one line, when assessed: the unit group of the posting and
/// of the résumé that add most to the credit (each side's heaviest when
/// none is near), the evidence for each, how near they are, and the
/// credit × weight it adds.
pub fn role_summary(e: &Explanation<'_>) -> Option<String> {
    let r = e.role.as_ref()?;
    let (asked, held, relation) = match r.nearest {
        Some((a, h, relation)) => (a, h, relation.name().replace('_', " ")),
        None => (
            r.asked.entries.first()?,
            r.held.entries.first()?,
            "nothing near".to_string(),
        ),
    };
    Some(format!(
        "role fit: the posting reads as {}; the résumé as {}: {}, {} × {}",
        profile_group_text(asked, "title"),
        profile_group_text(held, "role"),
        relation,
        number(r.credit),
        number(r.weight),
    ))
}

/// One profile group with its evidence: `accountants (ISCO 2411: title
/// "accountant" on line 1; words ledger, audit)`. `named_as` says what a
/// named occupation was read from ("title", "role").
pub fn profile_group_text(e: &ProfileEntry, named_as: &str) -> String {
    let label = e.group_label().unwrap_or("unit group");
    let mut evidence = Vec::new();
    if let Some(n) = &e.named {
        evidence.push(format!("{named_as} \"{}\" on line {}", n.label, n.line));
    }
    if !e.words.is_empty() {
        evidence.push(format!("words {}", e.words.join(", ")));
    }
    format!(
        "{} (ISCO {}: {})",
        label.to_lowercase(),
        e.isco_code(),
        evidence.join("; ")
    )
}

/// The required requirements met, in one line.
pub fn required_summary(e: &Explanation<'_>) -> String {
    let mut s = format!("required {} of {} met", e.required_met, e.required_total);
    if e.required_partial > 0 {
        s.push_str(&format!(", {} partial", e.required_partial));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_years_read_naturally() {
        let cases = [
            (5.0, "5"),
            (4.5, "4.5"),
            (4.46, "4.5"),
            (0.0, "0"),
            (12.04, "12"),
        ];
        for (x, expected) in cases {
            assert_eq!(number(x), expected, "{x}");
        }
        for (x, expected) in [(1.0, "1"), (0.5, "0.5"), (0.25, "0.25"), (0.0, "0")] {
            assert_eq!(weight_text(x), expected, "{x}");
        }
        let years = [
            (None, None, None, None),
            (Some(6.0), None, None, Some("6 years")),
            (Some(4.0), Some(5.0), None, Some("4 years, needs 5")),
            (None, Some(3.0), None, Some("years unknown, needs 3")),
            (
                Some(9.0),
                None,
                Some(2.0),
                Some("9 years, entry level: at most 2"),
            ),
        ];
        for (have, need, max, expected) in years {
            let y = Years {
                have,
                need,
                max,
                cap: None,
            };
            assert_eq!(years_phrase(&y).as_deref(), expected);
        }
        let capped = Years {
            have: None,
            need: Some(5.0),
            max: None,
            cap: Some(0.9),
        };
        assert_eq!(
            years_phrase(&capped).as_deref(),
            Some("years unknown (at most 0.9 in all), needs 5")
        );
    }
}
