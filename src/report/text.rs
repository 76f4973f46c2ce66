//! Plain-text reports for a recruiter reading a terminal.

use std::fmt::Write as _;

use crate::explain::Explanation;
use crate::extract::posting::{Posting, SalaryPeriod, Section};
use crate::extract::resume::Candidate;
use crate::rank::{Ranked, Suggestion};
use crate::score::{Assessment, Status};
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
            SalaryPeriod::Month => "month",
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
    for section in Section::ALL {
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
            let what = super::asks_for(taxonomy, r);
            let mut years = r
                .min_years
                .map_or(String::new(), |y| format!(", {y}+ years"));
            if let Some(max) = r.max_years {
                years.push_str(&format!(", at most {max} years (entry level)"));
            }
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
        facts.push(format!("{n} dated role{}", super::plural(n)));
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

/// Pads or cuts `s` to `width` characters.
fn cell(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n > width {
        let mut cut: String = s.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

/// Widest posting column in the score table, in characters.
pub const POSTING_COLUMN_MAX: usize = 48;

/// `score` as a table: one line per ranked posting (rank, fit, score,
/// required met, requirements assessed of those asked, posting, id, missing
/// required skills), then the suggestions.
pub fn score_table(
    taxonomy: &Taxonomy,
    candidate: &Candidate,
    ranked: &[Ranked<'_>],
    suggestions: &[Suggestion],
    total: usize,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}): {} of {total} posting{} shown",
        super::candidate_name(candidate),
        candidate.source,
        ranked.len(),
        super::plural(total),
    );
    let names: Vec<String> = ranked
        .iter()
        .map(|r| super::posting_name(r.posting))
        .collect();
    let name_w = names
        .iter()
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(0)
        .clamp("POSTING".len(), POSTING_COLUMN_MAX);
    let id_w = ranked
        .iter()
        .map(|r| r.posting.id.chars().count())
        .max()
        .unwrap_or(0)
        .max("ID".len());
    let _ = writeln!(
        out,
        "\n{:>4}  {:>5}  {:>5}  {:<8}  {:<8}  {}  {}  MISSING REQUIRED",
        "RANK",
        "FIT",
        "SCORE",
        "REQUIRED",
        "ASSESSED",
        cell("POSTING", name_w),
        cell("ID", id_w)
    );
    for (r, name) in ranked.iter().zip(&names) {
        let e = &r.explanation;
        let missing: Vec<&str> = e
            .missing_required
            .iter()
            .map(|&s| taxonomy.skill(s).label.as_str())
            .collect();
        let line = format!(
            "{:>4}  {:>5}  {:>5}  {:<8}  {:<8}  {}  {}  {}",
            r.rank,
            super::score_text(e.fit),
            super::score_text(e.score),
            format!("{}/{}", e.required_met, e.required_total),
            format!("{}/{}", e.assessed, e.asked),
            cell(name, name_w),
            cell(&r.posting.id, id_w),
            if missing.is_empty() {
                "-".to_string()
            } else {
                missing.join(", ")
            },
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    if !suggestions.is_empty() {
        let _ = writeln!(out, "\nSkills that would raise these scores most");
        let label_w = suggestions
            .iter()
            .map(|s| taxonomy.skill(s.skill).label.chars().count())
            .max()
            .unwrap_or(0);
        for s in suggestions {
            let _ = writeln!(
                out,
                "  {}  {:>7} points in total; missing required in {} posting{}",
                cell(&taxonomy.skill(s.skill).label, label_w),
                format!("+{}", super::score_text(s.gain)),
                s.postings,
                super::plural(s.postings),
            );
        }
    }
    out
}

/// Status words, padded to one width.
fn status_word(status: Status) -> &'static str {
    match status {
        Status::Met => "met     ",
        Status::Partial => "partial ",
        Status::Missing => "missing ",
        Status::NotAssessed => "n/a     ",
    }
}

/// `explain` as text: who against what, the score and how it adds up, each
/// assessed requirement by section with what matched and the résumé lines
/// that show it, then what is missing and what was not assessed.
pub fn explanation(
    taxonomy: &Taxonomy,
    posting: &Posting,
    candidate: &Candidate,
    e: &Explanation<'_>,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} × {}",
        super::candidate_name(candidate),
        super::posting_name(posting)
    );
    let _ = writeln!(out, "  résumé   {}", candidate.source);
    let _ = writeln!(
        out,
        "  posting  {} (lines {}–{}), id {}",
        posting.source, posting.lines.0, posting.lines.1, posting.id
    );
    let mut facts = vec![super::required_summary(e)];
    if let Some(y) = candidate.total_years {
        facts.push(format!(
            "{} years of experience",
            super::number(f64::from(y))
        ));
    }
    if let Some(level) = candidate.education {
        facts.push(format!("{} degree", level.name()));
    }
    let _ = writeln!(
        out,
        "\nScore {} of 100 = {} · {}",
        super::score_text(e.score),
        super::score_formula(e),
        facts.join(" · ")
    );
    let _ = writeln!(out, "Ranked by {}", super::fit_summary(e));
    if let Some(role) = super::role_summary(e) {
        let _ = writeln!(out, "{}{}", role[..1].to_uppercase(), &role[1..]);
    }
    for section in Section::ALL {
        let records: Vec<&Assessment<'_>> = e
            .requirements
            .iter()
            .filter(|a| a.section == section && a.status != Status::NotAssessed)
            .collect();
        if records.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n{}  (status, credit × weight, what is asked)",
            section.name().to_uppercase()
        );
        let mut last_item = None;
        for a in records {
            // The posting item once, then each requirement split from it.
            if last_item != Some((a.line, a.text)) {
                let _ = writeln!(out, "  L{:<4} \u{201c}{}\u{201d}", a.line, a.text);
                last_item = Some((a.line, a.text));
            }
            let _ = writeln!(
                out,
                "    {} {:.2} × {:<4} {}",
                status_word(a.status),
                a.credit,
                super::weight_text(a.weight),
                super::asks_of(taxonomy, posting, a)
            );
            let _ = writeln!(out, "{:26}{}", "", super::reason(taxonomy, candidate, a));
            for ev in &a.evidence {
                let _ = writeln!(
                    out,
                    "{:26}résumé L{}: \u{201c}{}\u{201d}",
                    "", ev.line, ev.text
                );
            }
            if let Some(source) = super::years_source(candidate, a) {
                for line in super::years_source_lines(&source) {
                    let _ = writeln!(out, "{:26}{line}", "");
                }
            }
        }
    }
    let missing = super::missing_records(e);
    if !missing.is_empty() {
        let _ = writeln!(out, "\nMISSING");
        for a in missing {
            let what = super::asks_of(taxonomy, posting, a);
            let _ = writeln!(out, "  {:<14} L{:<4} {what}", a.section.name(), a.line);
        }
    }
    let skipped: Vec<&Assessment<'_>> = e
        .requirements
        .iter()
        .filter(|a| a.status == Status::NotAssessed)
        .collect();
    if !skipped.is_empty() {
        let _ = writeln!(out, "\nNOT ASSESSED (weight 0)");
        for a in skipped {
            let asks = super::asks_of(taxonomy, posting, a);
            let what = if a.repeats.is_some() {
                asks
            } else {
                a.text.to_string()
            };
            let _ = writeln!(out, "  L{:<4} {what}", a.line);
            let why = super::reason(taxonomy, candidate, a);
            if !why.is_empty() {
                let _ = writeln!(out, "{:8}{why}", "");
            }
        }
    }
    out
}
