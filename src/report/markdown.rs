//! Markdown reports: for pasting into a ticket, a pull request or a wiki.
//! Table cells escape `|` and never span lines.

use std::fmt::Write as _;

use crate::explain::Explanation;
use crate::extract::posting::Posting;
use crate::extract::resume::Candidate;
use crate::rank::{Ranked, Suggestion};
use crate::taxonomy::Taxonomy;

/// Text made safe for one Markdown table cell and shown as written: the
/// characters Markdown reads (`| * _ ` [ ] # \`) escaped with a backslash,
/// HTML's (`& < >`) as entities, one line.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// `score --format markdown`: a heading, the ranking as a table, then the
/// suggestions as a table.
pub fn score(
    taxonomy: &Taxonomy,
    candidate: &Candidate,
    ranked: &[Ranked<'_>],
    suggestions: &[Suggestion],
    total: usize,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}: {} of {total} posting{}\n",
        cell(super::candidate_name(candidate)),
        ranked.len(),
        super::plural(total)
    );
    let _ = writeln!(out, "Résumé: `{}`\n", candidate.source);
    let _ = writeln!(
        out,
        "| Rank | Fit | Score | Required met | Assessed | Posting | Id | Missing required |"
    );
    let _ = writeln!(out, "|---:|---:|---:|:---:|:---:|---|---|---|");
    for r in ranked {
        let e = &r.explanation;
        let missing: Vec<&str> = e
            .missing_required
            .iter()
            .map(|&s| taxonomy.skill(s).label.as_str())
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {}/{} | {}/{} | {} | {} | {} |",
            r.rank,
            super::score_text(e.fit),
            super::score_text(e.score),
            e.required_met,
            e.required_total,
            e.assessed,
            e.asked,
            cell(&super::posting_name(r.posting)),
            cell(&r.posting.id),
            cell(&missing.join(", "))
        );
    }
    if !suggestions.is_empty() {
        let _ = writeln!(out, "\n## Skills that would raise these scores most\n");
        let _ = writeln!(
            out,
            "| Skill | Points gained in total | Missing required in |"
        );
        let _ = writeln!(out, "|---|---:|---:|");
        for s in suggestions {
            let _ = writeln!(
                out,
                "| {} | +{} | {} |",
                cell(&taxonomy.skill(s.skill).label),
                super::score_text(s.gain),
                s.postings
            );
        }
    }
    out
}

/// `explain --format markdown`: a heading of `level` (1 is `#`), the score
/// line, one table of every requirement (status, credit, what matched,
/// evidence), then the missing ones under a heading one level deeper.
pub fn explanation(
    taxonomy: &Taxonomy,
    posting: &Posting,
    candidate: &Candidate,
    e: &Explanation<'_>,
    level: usize,
) -> String {
    let mut out = String::new();
    let hashes = "#".repeat(level.max(1));
    let _ = writeln!(
        out,
        "{hashes} {} × {}\n",
        cell(super::candidate_name(candidate)),
        cell(&super::posting_name(posting))
    );
    let _ = writeln!(
        out,
        "**Score {} of 100** = {} · {}\n",
        super::score_text(e.score),
        super::score_formula(e),
        super::required_summary(e)
    );
    let _ = writeln!(out, "Ranked by {}\n", super::fit_summary(e));
    if let Some(role) = super::role_summary(e) {
        let _ = writeln!(out, "{}{}\n", role[..1].to_uppercase(), cell(&role[1..]));
    }
    let _ = writeln!(
        out,
        "Résumé `{}` · posting `{}` (lines {}–{})\n",
        candidate.source, posting.source, posting.lines.0, posting.lines.1
    );
    let _ = writeln!(
        out,
        "| Line | Section | Requirement | Asks for | Status | Credit × weight | Matched | Evidence |"
    );
    let _ = writeln!(out, "|---:|---|---|---|---|---:|---|---|");
    for a in &e.requirements {
        let mut evidence: Vec<String> = a
            .evidence
            .iter()
            .map(|ev| format!("L{}: “{}”", ev.line, cell(&ev.text)))
            .collect();
        if let Some(source) = super::years_source(candidate, a) {
            evidence.extend(super::years_source_lines(&source).iter().map(|l| cell(l)));
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {:.2} × {} | {} | {} |",
            a.line,
            a.section.name(),
            cell(a.text),
            cell(&super::asks_of(taxonomy, posting, a)),
            a.status.name(),
            a.credit,
            super::weight_text(a.weight),
            cell(&super::reason(taxonomy, candidate, a)),
            evidence.join("<br>")
        );
    }
    let missing = super::missing_records(e);
    let missing: Vec<String> = missing
        .into_iter()
        .map(|a| {
            format!(
                "- **{}** ({}, line {})",
                cell(&super::asks_of(taxonomy, posting, a)),
                a.section.name(),
                a.line
            )
        })
        .collect();
    if !missing.is_empty() {
        let _ = writeln!(out, "\n{hashes}# Missing\n\n{}", missing.join("\n"));
    }
    out
}
