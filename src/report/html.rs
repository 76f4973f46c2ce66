//! The HTML spot check: one self-contained page (inline CSS, no scripts,
//! no network, no external assets) with the score, a legend, what is
//! missing, and one requirement table per section (required, preferred,
//! responsibilities) on top, and the posting and the résumé side by side
//! below, each line numbered. Below 700 px each table row becomes a card
//! of labelled lines, and the posting and résumé stack, so that nothing
//! falls off a phone's screen. Requirement lines are tinted by status; in
//! the résumé the phrases that served as evidence are highlighted in the
//! colour of the requirement they met, and other skills found are
//! underlined.

use std::fmt::Write as _;

use crate::explain::Explanation;
use crate::extract::posting::{Posting, Section};
use crate::extract::resume::Candidate;
use crate::score::{Assessment, Status};
use crate::taxonomy::Taxonomy;

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The page's style sheet: inline in the page `explain --format html`
/// writes, and served as a file by `skillmatch serve`, whose pages
/// link it (its content security policy allows no inline style).
pub const STYLE: &str = "
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header,section{max-width:1400px;margin:0 auto;padding:12px 24px}
h1{font-size:22px;margin:12px 0 4px}
h2{font-size:17px;margin:18px 0 8px}
.score{font-size:30px;font-weight:700}
.muted{color:#5b6475}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid #e3e6eb;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#eef0f4;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;border-radius:4px;padding:0 6px;white-space:nowrap;font-size:12px;font-weight:600}
.met{background:#d8f3dc}.partial{background:#fff3bf}.missing{background:#ffd6d6}.not_assessed{background:#eceef1}
.side{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.doc{background:#fff;border:1px solid #e3e6eb;border-radius:6px;padding:8px 0;font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-x:auto}
.line{display:flex;white-space:pre-wrap;word-break:break-word;padding:0 10px 0 0}
.ln{flex:0 0 3.5em;text-align:right;padding-right:10px;color:#98a0ae;user-select:none}
mark{border-radius:3px;padding:0 1px}
mark.met{background:#95d5a6}mark.partial{background:#ffe066}mark.missing{background:#ffa8a8}
.found{text-decoration:underline dotted #5b6475}
td,header div{overflow-wrap:anywhere}
.legend ul,.missing-list{margin:0;padding:0;list-style:none}
.legend li{display:inline-block;margin:0 18px 4px 0}
.missing-list li{background:#fff;border-left:4px solid #ffa8a8;padding:5px 10px;margin-bottom:4px}
@media(max-width:900px){.side{grid-template-columns:1fr}}
@media(max-width:700px){header,section{padding:8px 10px}
table.reqs thead{display:none}
table.reqs,table.reqs tbody,table.reqs tr,table.reqs td{display:block;width:auto}
table.reqs tr{border:1px solid #e3e6eb;border-radius:6px;margin-bottom:8px;padding:4px 0}
table.reqs td{border:0;padding:2px 10px 2px 122px;text-align:left;position:relative;min-height:22px}
table.reqs td::before{content:attr(data-label);position:absolute;left:10px;top:2px;width:108px;white-space:nowrap;font-size:12px;line-height:22px;font-weight:600;color:#5b6475}}
";

/// A highlighted byte range of a document and its CSS class.
struct Span {
    start: usize,
    end: usize,
    class: &'static str,
    title: String,
}

/// The CSS class of a status.
fn class(status: Status) -> &'static str {
    status.name()
}

/// Renders lines `first..=last` of `text`, numbered, each line tinted by
/// `line_class` and with `spans` highlighted (spans that overlap an earlier
/// one, or do not fall on character boundaries, are left out).
fn document(
    text: &str,
    first: usize,
    last: usize,
    mut spans: Vec<Span>,
    line_class: impl Fn(usize) -> Option<&'static str>,
) -> String {
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut kept: Vec<Span> = Vec::new();
    for s in spans {
        let ok = s.start < s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
            && kept.last().is_none_or(|k| s.start >= k.end);
        if ok {
            kept.push(s);
        }
    }
    let mut out = String::new();
    let mut offset = 0;
    let mut next = 0;
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let number = i + 1;
        let (line_start, line_end) = (offset, offset + raw.len());
        offset = line_end;
        if number < first || number > last {
            while next < kept.len() && kept[next].start < line_end {
                next += 1;
            }
            continue;
        }
        let body = raw.trim_end_matches(['\n', '\r']);
        let body_end = line_start + body.len();
        let tint = line_class(number).map_or(String::new(), |c| format!(" {c}"));
        let _ = write!(
            out,
            "<div class=\"line{tint}\" id=\"L{number}\"><span class=\"ln\">{number}</span><span>"
        );
        let mut at = line_start;
        while next < kept.len() && kept[next].start < body_end {
            let s = &kept[next];
            let end = s.end.min(body_end);
            out.push_str(&escape(&text[at..s.start.max(at)]));
            let tag = if s.class == "found" { "span" } else { "mark" };
            let _ = write!(
                out,
                "<{tag} class=\"{}\" title=\"{}\">{}</{tag}>",
                s.class,
                escape(&s.title),
                escape(&text[s.start.max(at)..end])
            );
            at = end;
            if s.end <= body_end {
                next += 1;
            } else {
                break;
            }
        }
        out.push_str(&escape(&text[at.min(body_end)..body_end]));
        out.push_str("</span></div>\n");
        while next < kept.len() && kept[next].end <= line_end {
            next += 1;
        }
    }
    out
}

/// What the badges and highlights mean, shown once under the score.
const LEGEND: &str = "<section class=\"legend\">\n<h2>Legend</h2>\n<ul>\
<li><span class=\"badge met\">met</span> full credit</li>\
<li><span class=\"badge partial\">partial</span> some credit: a related or more general skill, or fewer years</li>\
<li><span class=\"badge missing\">missing</span> no credit: not found in the résumé</li>\
<li><span class=\"badge not_assessed\">not assessed</span> nothing to compare: weight 0</li>\
<li><mark class=\"met\">text</mark> résumé evidence, in the colour of the requirement it met</li>\
<li><span class=\"found\">text</span> another skill found in the résumé</li>\
</ul>\n</section>\n";

/// The heading of a section's table.
fn section_heading(section: Section) -> &'static str {
    match section {
        Section::Required => "Required",
        Section::Preferred => "Preferred",
        Section::Responsibility => "Responsibilities",
    }
}

/// The Missing section: what each missing requirement asks for, required
/// first, with the posting line it comes from. Empty when nothing is
/// missing.
fn missing_list(taxonomy: &Taxonomy, posting: &Posting, e: &Explanation<'_>) -> String {
    let missing = super::missing_records(e);
    if missing.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<section>\n<h2 id=\"missing\">Missing ({})</h2>\n<ul class=\"missing-list\">\n",
        missing.len()
    );
    for a in missing {
        let _ = writeln!(
            out,
            "<li><span class=\"badge missing\">{}</span> <strong>{}</strong> \
             <span class=\"muted\">· <a href=\"#L{}\">line {}</a>: {}</span></li>",
            a.section.name(),
            escape(&super::asks_of(taxonomy, posting, a)),
            a.line,
            a.line,
            escape(a.text)
        );
    }
    out.push_str("</ul>\n</section>\n");
    out
}

/// One section's requirement table. Each cell carries its column name in
/// `data-label`, so that on a narrow screen a row reads as a card of
/// labelled lines instead of columns that fall off the page.
fn requirement_table(
    taxonomy: &Taxonomy,
    posting: &Posting,
    candidate: &Candidate,
    section: Section,
    records: &[&Assessment<'_>],
) -> String {
    let met = records.iter().filter(|a| a.status == Status::Met).count();
    let assessed = records
        .iter()
        .filter(|a| a.status != Status::NotAssessed)
        .count();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<section>\n<h2 id=\"{}\">{} <span class=\"muted\">· {met} of {assessed} assessed met</span></h2>\n\
         <table class=\"reqs\">\n<thead><tr><th>Line</th><th>Requirement</th><th>Asks for</th><th>Status</th>\
         <th>Credit × weight</th><th>Matched</th><th>Evidence</th></tr></thead>\n<tbody>",
        section.name(),
        section_heading(section)
    );
    for a in records {
        let mut evidence: Vec<String> = a
            .evidence
            .iter()
            .map(|ev| {
                format!(
                    "<a href=\"#R{}\">L{}</a> “{}”",
                    ev.line,
                    ev.line,
                    escape(&ev.text)
                )
            })
            .collect();
        if let Some(source) = super::years_source(candidate, a) {
            evidence.extend(super::years_source_lines(&source).iter().map(|l| escape(l)));
        }
        let _ = writeln!(
            out,
            "<tr><td class=\"num\" data-label=\"Line\"><a href=\"#L{}\">{}</a></td>\
             <td data-label=\"Requirement\">{}</td><td data-label=\"Asks for\">{}</td>\
             <td data-label=\"Status\"><span class=\"badge {}\">{}</span></td>\
             <td class=\"num\" data-label=\"Credit × weight\">{:.2} × {}</td>\
             <td data-label=\"Matched\">{}</td><td data-label=\"Evidence\">{}</td></tr>",
            a.line,
            a.line,
            escape(a.text),
            escape(&super::asks_of(taxonomy, posting, a)),
            class(a.status),
            a.status.name().replace('_', " "),
            a.credit,
            super::weight_text(a.weight),
            escape(&super::reason(taxonomy, candidate, a)),
            evidence.join("<br>")
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
    out
}

/// `explain --format html`: the page described in the module
/// documentation. `posting_text` and `resume_text` are the texts the
/// posting and the candidate were extracted from.
pub fn explanation(
    taxonomy: &Taxonomy,
    posting: &Posting,
    posting_text: &str,
    candidate: &Candidate,
    resume_text: &str,
    e: &Explanation<'_>,
) -> String {
    let who = super::candidate_name(candidate);
    let what = super::posting_name(posting);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} × {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(who),
        escape(&what)
    );
    out.push_str(&explanation_body(
        taxonomy,
        posting,
        posting_text,
        candidate,
        resume_text,
        e,
    ));
    out.push_str("</body>\n</html>\n");
    out
}

/// The content of [`explanation`]'s page, between `<body>` and
/// `</body>`: what `skillmatch serve` shows inside its own page. An empty
/// `posting_text` (a posting read from an index file, which keeps no
/// text) leaves the posting's side out.
pub fn explanation_body(
    taxonomy: &Taxonomy,
    posting: &Posting,
    posting_text: &str,
    candidate: &Candidate,
    resume_text: &str,
    e: &Explanation<'_>,
) -> String {
    let who = super::candidate_name(candidate);
    let what = super::posting_name(posting);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<header>\n<h1>{} × {}</h1>\n<div><span class=\"score\">{}</span> <span class=\"muted\">of 100 = {} · {}</span></div>\n\
         <div class=\"muted\">Ranked by {}</div>\n{}\
         <div class=\"muted\">Résumé {} · posting {} (lines {}–{})</div>\n</header>",
        escape(who),
        escape(&what),
        super::score_text(e.score),
        escape(&super::score_formula(e)),
        escape(&super::required_summary(e)),
        escape(&super::fit_summary(e)),
        super::role_summary(e).map_or(String::new(), |r| format!(
            "<div class=\"muted\">{}</div>\n",
            escape(&r)
        )),
        escape(&candidate.source),
        escape(&posting.source),
        posting.lines.0,
        posting.lines.1
    );

    out.push_str(LEGEND);
    out.push_str(&missing_list(taxonomy, posting, e));
    for section in Section::ALL {
        let records: Vec<&Assessment<'_>> = e
            .requirements
            .iter()
            .filter(|a| a.section == section)
            .collect();
        if !records.is_empty() {
            out.push_str(&requirement_table(
                taxonomy, posting, candidate, section, &records,
            ));
        }
    }

    // Posting: each line tinted by the worst status of its assessed
    // requirements; each skill named on it marked in the status of the
    // requirement that asks for it. Records are grouped by line once.
    let mut by_line: std::collections::HashMap<usize, Vec<&Assessment<'_>>> =
        std::collections::HashMap::new();
    for a in &e.requirements {
        if a.status != Status::NotAssessed {
            by_line.entry(a.line).or_default().push(a);
        }
    }
    let line_status = |line: usize| {
        by_line
            .get(&line)
            .and_then(|v| v.iter().map(|a| a.status).max())
    };
    let posting_spans: Vec<Span> = posting
        .mentions
        .iter()
        .filter_map(|m| {
            let asking = by_line.get(&m.line)?.iter().find(|a| {
                posting
                    .requirements
                    .get(a.index)
                    .is_some_and(|r| r.any_of.contains(&m.skill))
                    || a.matched.is_some_and(|x| x.required == m.skill)
            })?;
            Some(Span {
                start: m.start,
                end: m.end,
                class: class(asking.status),
                title: taxonomy.skill(m.skill).label.clone(),
            })
        })
        .collect();
    let posting_html = document(
        posting_text,
        posting.lines.0,
        posting.lines.1,
        posting_spans,
        |n| line_status(n).map(class),
    );

    // Résumé: evidence spans in the colour of what they met; every other
    // skill found, underlined.
    let mut resume_spans: Vec<Span> = Vec::new();
    for a in &e.requirements {
        for ev in &a.evidence {
            resume_spans.push(Span {
                start: ev.start,
                end: ev.end,
                class: class(a.status),
                title: format!("line {} of the posting: {}", a.line, a.text),
            });
        }
    }
    for s in &candidate.skills {
        for ev in &s.evidence {
            resume_spans.push(Span {
                start: ev.start,
                end: ev.end,
                class: "found",
                title: taxonomy.skill(s.skill).label.clone(),
            });
        }
    }
    // Evidence wins over "found" where both cover the same span.
    resume_spans.sort_by_key(|s| s.class == "found");
    let mut seen = std::collections::HashSet::new();
    resume_spans.retain(|s| seen.insert((s.start, s.end)));
    let resume_html =
        document(resume_text, 1, usize::MAX, resume_spans, |_| None).replace("id=\"L", "id=\"R");

    if posting_text.is_empty() {
        let _ = writeln!(
            out,
            "<section>\n<div><h2>Résumé</h2>\n<div class=\"doc\">\n{resume_html}</div></div>\n</section>"
        );
    } else {
        let _ = writeln!(
            out,
            "<section>\n<div class=\"side\">\n<div><h2>Posting</h2>\n<div class=\"doc\">\n{posting_html}</div></div>\n\
             <div><h2>Résumé</h2>\n<div class=\"doc\">\n{resume_html}</div></div>\n</div>\n</section>"
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">R&D's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;R&amp;D&#39;s&lt;/a&gt;"
        );
    }

    #[test]
    fn documents_number_lines_and_mark_spans() {
        let text = "Skills\nGo & Rust\nKubernetes\n";
        let spans = vec![
            Span {
                start: 7,
                end: 9,
                class: "met",
                title: "Go".into(),
            },
            Span {
                start: 7,
                end: 8,
                class: "found",
                title: "overlap".into(),
            },
            Span {
                start: 12,
                end: 16,
                class: "found",
                title: "Rust".into(),
            },
        ];
        let html = document(text, 2, 2, spans, |n| (n == 2).then_some("met"));
        assert_eq!(
            html,
            "<div class=\"line met\" id=\"L2\"><span class=\"ln\">2</span><span>\
             <mark class=\"met\" title=\"Go\">Go</mark> &amp; \
             <span class=\"found\" title=\"Rust\">Rust</span></span></div>\n"
        );
    }
}
