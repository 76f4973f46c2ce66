//! Plain-text reports for a recruiter reading a terminal.

use std::fmt::Write as _;

use crate::extract::posting::{Posting, RequirementKind, SalaryPeriod, Section};
use crate::extract::resume::Candidate;
use crate::taxonomy::Taxonomy;

/// A posting's metadata, then its requirements grouped by section, each with
/// its alternatives, years and line.
pub fn posting(taxonomy: &Taxonomy, p: &Posting) -> String {
    let mut out = String::new();
    let title = p.title.as_deref().unwrap_or("(untitled posting)");
    let _ = writeln!(out, "{title}");
    let mut facts = Vec::new();
    if let Some(c) = &p.company {
        facts.push(c.clone());
    }
    if let Some(l) = &p.location {
        facts.push(l.clone());
    }
    if p.remote == Some(true) {
        facts.push("remote".into());
    }
    if let Some(s) = &p.salary {
        let period = match s.period {
            SalaryPeriod::Year => "year",
            SalaryPeriod::Hour => "hour",
        };
        facts.push(format!(
            "{} {:.0}–{:.0} per {period}",
            s.currency, s.min, s.max
        ));
    }
    let _ = writeln!(out, "  {} (lines {}–{})", p.source, p.lines.0, p.lines.1);
    if !facts.is_empty() {
        let _ = writeln!(out, "  {}", facts.join(" · "));
    }
    for section in [
        Section::Required,
        Section::Preferred,
        Section::Responsibility,
    ] {
        let reqs: Vec<_> = p
            .requirements
            .iter()
            .filter(|r| r.section == section)
            .collect();
        if reqs.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n  {} ({})",
            section.name().to_uppercase(),
            reqs.len()
        );
        for r in reqs {
            let what = match r.kind {
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
                        let _ = write!(s, " in {}", fields.join(", "));
                    }
                    if e.or_equivalent {
                        s.push_str(" (or equivalent experience)");
                    }
                    s
                }),
                RequirementKind::Other => "(not assessed)".to_string(),
            };
            let years = r
                .min_years
                .map_or(String::new(), |y| format!(", {y}+ years"));
            let _ = writeln!(out, "    {:>4}  {what}{years}", format!("L{}", r.line));
            let _ = writeln!(out, "          \u{201c}{}\u{201d}", r.text);
        }
    }
    out
}

/// A candidate: name, experience, education, then each skill with its years
/// and the résumé lines that show it.
pub fn candidate(taxonomy: &Taxonomy, c: &Candidate) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", c.name.as_deref().unwrap_or("(name not found)"));
    let _ = writeln!(out, "  {}", c.source);
    let mut facts = Vec::new();
    if let Some(y) = c.total_years {
        facts.push(format!("{y} years of experience"));
    }
    if let Some(level) = c.education {
        facts.push(format!("{} degree", level.name()));
    }
    if !c.roles.is_empty() {
        let n = c.roles.len();
        facts.push(format!("{n} dated role{}", if n == 1 { "" } else { "s" }));
    }
    if !facts.is_empty() {
        let _ = writeln!(out, "  {}", facts.join(" · "));
    }
    let _ = writeln!(out, "\n  SKILLS ({})", c.skills.len());
    for s in &c.skills {
        let label = &taxonomy.skill(s.skill).label;
        let years = s.years.map_or(String::new(), |y| format!(", {y} years"));
        let listed = if s.skills_section_only {
            " (skills list only)"
        } else {
            ""
        };
        let _ = writeln!(out, "    {label}{years}{listed}");
        // One quote per line, however many mentions it holds.
        let mut lines: Vec<_> = s.evidence.iter().collect();
        lines.dedup_by_key(|e| (e.line, e.text.clone()));
        for e in lines.iter().take(EVIDENCE_LINES_SHOWN) {
            let _ = writeln!(out, "      L{:<4} \u{201c}{}\u{201d}", e.line, e.text);
        }
        if lines.len() > EVIDENCE_LINES_SHOWN {
            let more = lines.len() - EVIDENCE_LINES_SHOWN;
            let _ = writeln!(out, "      … {more} more lines");
        }
    }
    out
}

/// Evidence lines quoted per skill in text output; JSON has them all.
pub const EVIDENCE_LINES_SHOWN: usize = 3;
