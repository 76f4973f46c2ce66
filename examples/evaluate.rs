//! Measures skill extraction against human-annotated spans.
//!
//! Runs [`Matcher::find`] over the two development corpora in
//! `../shared/data/corpus` and scores the predicted mentions against the gold
//! spans by byte overlap (a mention and a span overlap when they share at
//! least one byte of the original text):
//!
//! * `postings-dev/` (SkillSpan, `skill` and `knowledge` spans), tech and
//!   house postings separately (`skillspan-<split>-<tech|house>-NNNN.txt`):
//!   precision = predicted mentions overlapping ANY gold span / predicted
//!   mentions; recall of a type = gold spans of that type overlapped by at
//!   least one predicted mention / gold spans of that type.
//! * `resumes-dev/` (Dotin, 12 label types): recall of `Tech Tools`,
//!   `Job Specific Skills` and `Soft Skills`; precision against all labelled
//!   spans (any of the 12 types) and against the three skill types.
//!
//! For diagnosis it also prints the precision of `soft-skills`-category
//! mentions against `Soft Skills` spans, and the résumé precision restricted to
//! the résumés that carry at least one skill-type span (some carry none).
//!
//! It then lists the most frequent false positives (normalized mention text,
//! count, skill id) and misses (normalized gold text, count), ordered by count
//! then text, so the output is byte-identical from run to run; `--details FILE`
//! writes every scored mention and gold span with its line. Nothing here reads
//! the gold while matching: the gold is only used to score. EVALUATION.md
//! records the figures and what they mean.
//!
//! Run it from the repository root:
//!
//! ```text
//! cargo run --release --example evaluate -- ../shared/data/corpus
//! cargo run --release --example evaluate -- ../shared/data/corpus --json
//! cargo run --release --example evaluate -- ../shared/data/corpus --taxonomy-extra more.toml
//! ```
//!
//! Exit codes: 0 success, 2 error (missing corpus, unreadable file, bad
//! taxonomy); every error names the file.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context as _};
use clap::Parser;
use serde::Deserialize;
use serde_json::json;
use skillmatch::extract::{Matcher, Mention};
use skillmatch::normalize::normalize;
use skillmatch::taxonomy::{Taxonomy, TaxonomyBuilder};

/// How many false positives and misses are listed per group by default.
const DEFAULT_TOP: usize = 30;

/// The résumé label types that are skills.
const RESUME_SKILL_TYPES: [&str; 3] = ["Tech Tools", "Job Specific Skills", "Soft Skills"];

/// The taxonomy category whose mentions are scored against `Soft Skills` spans.
const SOFT_SKILLS_CATEGORY: &str = "soft-skills";

/// The posting label types.
const POSTING_TYPES: [&str; 2] = ["knowledge", "skill"];

/// Scores skill extraction on the annotated development corpora.
#[derive(Debug, Parser)]
#[command(name = "evaluate")]
struct Args {
    /// Folder holding postings-dev/ and resumes-dev/ (each with *.txt and gold.jsonl).
    corpus: PathBuf,
    /// Use the taxonomy in DIR (*.toml) instead of the embedded default.
    #[arg(long, value_name = "DIR")]
    taxonomy: Option<PathBuf>,
    /// Add the skills of FILE or of every *.toml in DIR (repeatable).
    #[arg(long = "taxonomy-extra", value_name = "FILE|DIR")]
    taxonomy_extra: Vec<PathBuf>,
    /// Print the figures (and the lists) as JSON instead of text.
    #[arg(long)]
    json: bool,
    /// How many false positives and misses to list per group.
    #[arg(long, default_value_t = DEFAULT_TOP)]
    top: usize,
    /// Also write every scored mention and gold span, with its line, to FILE
    /// (tab-separated: file, line, outcome, gold type or reference:skill id,
    /// evidence (mentions only), text, the line it is on).
    #[arg(long, value_name = "FILE")]
    details: Option<PathBuf>,
}

/// One line of a `gold.jsonl` file.
#[derive(Debug, Deserialize)]
struct GoldDoc {
    file: String,
    spans: Vec<GoldSpan>,
}

/// One annotated span: UTF-8 byte offsets into the `.txt`, end exclusive.
#[derive(Debug, Deserialize)]
struct GoldSpan {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
}

/// A document with its text and gold spans.
struct Doc {
    file: String,
    text: String,
    spans: Vec<GoldSpan>,
}

/// Counts of normalized texts (false positives carry the skill id too).
type Tally = BTreeMap<(String, String), usize>;

/// One way to judge predicted mentions: which of them are scored (all, or
/// only those of one taxonomy category) and which gold types make one correct.
struct Reference<'a> {
    name: &'static str,
    /// Only mentions of skills in this category are scored, if set.
    category: Option<&'static str>,
    counts: &'a dyn Fn(&str) -> bool,
}

/// Counters for one group of documents.
#[derive(Debug, Default)]
struct Group {
    documents: usize,
    predicted: usize,
    /// Mentions scored per precision reference (all of them unless the
    /// reference is limited to one category).
    scored: BTreeMap<&'static str, usize>,
    /// Predicted mentions overlapping a span, per precision reference.
    correct: BTreeMap<&'static str, usize>,
    /// Gold spans per type, and those overlapped by some mention.
    gold: BTreeMap<String, usize>,
    found: BTreeMap<String, usize>,
    /// False positives per precision reference.
    false_positives: BTreeMap<&'static str, Tally>,
    /// Misses per gold type.
    misses: BTreeMap<String, Tally>,
}

impl Group {
    fn precision(&self, reference: &str) -> f64 {
        ratio(
            self.correct.get(reference).copied().unwrap_or(0),
            self.scored.get(reference).copied().unwrap_or(0),
        )
    }

    fn recall(&self, kind: &str) -> f64 {
        ratio(
            self.found.get(kind).copied().unwrap_or(0),
            self.gold.get(kind).copied().unwrap_or(0),
        )
    }

    /// Scores one document against each precision reference, and the recall
    /// of each of `recall_types`.
    fn add(
        &mut self,
        taxonomy: &Taxonomy,
        doc: &Doc,
        mentions: &[Mention],
        references: &[Reference<'_>],
        recall_types: &[&str],
        details: &mut String,
    ) {
        self.documents += 1;
        self.predicted += mentions.len();
        for m in mentions {
            for r in references {
                let skill = taxonomy.skill(m.skill);
                if r.category.is_some_and(|c| c != skill.category) {
                    continue;
                }
                let (name, counts) = (r.name, r.counts);
                *self.scored.entry(name).or_default() += 1;
                let hit = doc
                    .spans
                    .iter()
                    .any(|s| counts(&s.kind) && overlaps(m.start, m.end, s.start, s.end));
                detail(
                    details,
                    doc,
                    m.start,
                    m.end,
                    if hit { "tp" } else { "fp" },
                    &format!("{name}:{}\t{:?}", skill.id, m.evidence),
                );
                if hit {
                    *self.correct.entry(name).or_default() += 1;
                } else {
                    let key = (normalize(&doc.text[m.start..m.end]), skill.id.clone());
                    *self
                        .false_positives
                        .entry(name)
                        .or_default()
                        .entry(key)
                        .or_default() += 1;
                }
            }
        }
        for s in &doc.spans {
            if !recall_types.contains(&s.kind.as_str()) {
                continue;
            }
            *self.gold.entry(s.kind.clone()).or_default() += 1;
            let found = mentions
                .iter()
                .any(|m| overlaps(m.start, m.end, s.start, s.end));
            detail(
                details,
                doc,
                s.start,
                s.end,
                if found { "found" } else { "miss" },
                &format!("{}\t", s.kind),
            );
            if found {
                *self.found.entry(s.kind.clone()).or_default() += 1;
            } else {
                let key = (normalize(&doc.text[s.start..s.end]), String::new());
                *self
                    .misses
                    .entry(s.kind.clone())
                    .or_default()
                    .entry(key)
                    .or_default() += 1;
            }
        }
    }
}

/// One tab-separated details row: file, line, outcome, what, text, and the
/// line the text is on.
fn detail(out: &mut String, doc: &Doc, start: usize, end: usize, outcome: &str, what: &str) {
    let line_start = doc.text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = doc.text[end..]
        .find('\n')
        .map_or(doc.text.len(), |i| end + i);
    let line = doc.text[..start].matches('\n').count() + 1;
    let flat = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let _ = writeln!(
        out,
        "{}\t{line}\t{outcome}\t{what}\t{}\t{}",
        doc.file,
        flat(&doc.text[start..end]),
        flat(&doc.text[line_start..line_end]),
    );
}

fn overlaps(a_start: usize, a_end: usize, b_start: usize, b_end: usize) -> bool {
    a_start < b_end && b_start < a_end
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 / d as f64
    }
}

/// The `n` most frequent entries: count descending, then text, then skill id.
fn top(tally: Option<&Tally>, n: usize) -> Vec<(&str, &str, usize)> {
    let mut rows: Vec<(&str, &str, usize)> = tally
        .into_iter()
        .flatten()
        .map(|((text, id), &count)| (text.as_str(), id.as_str(), count))
        .collect();
    rows.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)).then(a.1.cmp(b.1)));
    rows.truncate(n);
    rows
}

/// Reads `dir/gold.jsonl` and every document it names.
fn read_corpus(dir: &Path) -> anyhow::Result<Vec<Doc>> {
    let gold_path = dir.join("gold.jsonl");
    let gold = std::fs::read_to_string(&gold_path)
        .with_context(|| format!("{}: cannot read", gold_path.display()))?;
    let mut docs = Vec::new();
    for (i, line) in gold.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record: GoldDoc = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a gold record", gold_path.display(), i + 1))?;
        let path = dir.join(&record.file);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        for s in &record.spans {
            if s.start > s.end
                || s.end > text.len()
                || !text.is_char_boundary(s.start)
                || !text.is_char_boundary(s.end)
            {
                bail!(
                    "{}:{}: span {}..{} is not a valid byte span of {}",
                    gold_path.display(),
                    i + 1,
                    s.start,
                    s.end,
                    path.display()
                );
            }
        }
        docs.push(Doc {
            file: record.file,
            text,
            spans: record.spans,
        });
    }
    docs.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(docs)
}

/// `tech` or `house` from `skillspan-<split>-<source>-NNNN.txt`.
fn posting_source(file: &str) -> &str {
    file.split('-').nth(2).unwrap_or("other")
}

struct Results {
    postings: BTreeMap<String, Group>,
    /// Per source, only the mentions on lines holding at least one gold span
    /// (a supplementary figure: many posting lines carry no annotation at all,
    /// skill lists included).
    annotated_lines: BTreeMap<String, Group>,
    resumes: Group,
    /// The résumés with at least one skill-type span (a supplementary
    /// figure: some résumés were left without any skill annotation).
    annotated_resumes: Group,
}

fn evaluate(
    matcher: &Matcher<'_>,
    taxonomy: &Taxonomy,
    corpus: &Path,
    details: &mut String,
) -> anyhow::Result<Results> {
    let any: &dyn Fn(&str) -> bool = &|_| true;
    let skills: &dyn Fn(&str) -> bool = &|k| RESUME_SKILL_TYPES.contains(&k);

    let mut postings: BTreeMap<String, Group> = BTreeMap::new();
    let mut annotated_lines: BTreeMap<String, Group> = BTreeMap::new();
    for doc in read_corpus(&corpus.join("postings-dev"))? {
        let mentions = matcher.find(&doc.text);
        let gold_lines: std::collections::BTreeSet<usize> = doc
            .spans
            .iter()
            .map(|s| doc.text[..s.start].matches('\n').count() + 1)
            .collect();
        let on_gold_lines: Vec<Mention> = mentions
            .iter()
            .filter(|m| gold_lines.contains(&m.line))
            .cloned()
            .collect();
        annotated_lines
            .entry(posting_source(&doc.file).to_string())
            .or_default()
            .add(
                taxonomy,
                &doc,
                &on_gold_lines,
                &[Reference {
                    name: "any",
                    category: None,
                    counts: any,
                }],
                &POSTING_TYPES,
                &mut String::new(),
            );
        postings
            .entry(posting_source(&doc.file).to_string())
            .or_default()
            .add(
                taxonomy,
                &doc,
                &mentions,
                &[Reference {
                    name: "any",
                    category: None,
                    counts: any,
                }],
                &POSTING_TYPES,
                details,
            );
    }

    let soft: &dyn Fn(&str) -> bool = &|k| k == "Soft Skills";
    let references = [
        Reference {
            name: "any",
            category: None,
            counts: any,
        },
        Reference {
            name: "skills",
            category: None,
            counts: skills,
        },
        Reference {
            name: "soft",
            category: Some(SOFT_SKILLS_CATEGORY),
            counts: soft,
        },
    ];
    let mut resumes = Group::default();
    let mut annotated_resumes = Group::default();
    for doc in read_corpus(&corpus.join("resumes-dev"))? {
        let mentions = matcher.find(&doc.text);
        resumes.add(
            taxonomy,
            &doc,
            &mentions,
            &references,
            &RESUME_SKILL_TYPES,
            details,
        );
        if doc.spans.iter().any(|s| skills(&s.kind)) {
            annotated_resumes.add(
                taxonomy,
                &doc,
                &mentions,
                &references,
                &RESUME_SKILL_TYPES,
                &mut String::new(),
            );
        }
    }
    Ok(Results {
        postings,
        annotated_lines,
        resumes,
        annotated_resumes,
    })
}

fn load_taxonomy(args: &Args) -> anyhow::Result<Taxonomy> {
    let mut builder = TaxonomyBuilder::new();
    match &args.taxonomy {
        Some(dir) => {
            builder
                .add_path(dir)
                .with_context(|| format!("loading --taxonomy {}", dir.display()))?;
        }
        None => builder = builder.with_embedded(),
    }
    for extra in &args.taxonomy_extra {
        builder
            .add_path(extra)
            .with_context(|| format!("loading --taxonomy-extra {}", extra.display()))?;
    }
    Ok(builder.build()?)
}

/// The lists that matter, as (title, group, tally) in a fixed order.
fn lists(results: &Results) -> Vec<(String, Option<&Tally>, bool)> {
    let mut out = Vec::new();
    for (source, group) in &results.postings {
        out.push((
            format!("postings {source}: false positives (overlap no gold span)"),
            group.false_positives.get("any"),
            true,
        ));
        for kind in POSTING_TYPES {
            out.push((
                format!("postings {source}: missed {kind} spans"),
                group.misses.get(kind),
                false,
            ));
        }
    }
    let r = &results.resumes;
    out.push((
        "résumés: false positives (overlap no labelled span)".to_string(),
        r.false_positives.get("any"),
        true,
    ));
    out.push((
        "résumés: false positives against the skill types (overlap no Tech Tools / Job Specific Skills / Soft Skills span)".to_string(),
        r.false_positives.get("skills"),
        true,
    ));
    out.push((
        "résumés: soft-skill mentions (category soft-skills) that overlap no Soft Skills span"
            .to_string(),
        r.false_positives.get("soft"),
        true,
    ));
    for kind in RESUME_SKILL_TYPES {
        out.push((
            format!("résumés: missed {kind} spans"),
            r.misses.get(kind),
            false,
        ));
    }
    out
}

fn text_report(taxonomy: &Taxonomy, results: &Results, n: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "taxonomy: {} skills, {} aliases\n",
        taxonomy.len(),
        taxonomy.alias_count()
    );
    let _ = writeln!(
        out,
        "postings-dev (SkillSpan): precision against any gold span; recall per type"
    );
    let _ = writeln!(
        out,
        "{:<8} {:>5} {:>9} {:>9} {:>10} {:>10} {:>9} {:>9}",
        "source", "docs", "predicted", "precision", "knowledge", "k-recall", "skill", "s-recall"
    );
    for (source, g) in &results.postings {
        let _ = writeln!(
            out,
            "{:<8} {:>5} {:>9} {:>9.3} {:>10} {:>10.3} {:>9} {:>9.3}",
            source,
            g.documents,
            g.predicted,
            g.precision("any"),
            g.gold.get("knowledge").copied().unwrap_or(0),
            g.recall("knowledge"),
            g.gold.get("skill").copied().unwrap_or(0),
            g.recall("skill"),
        );
    }
    for (source, g) in &results.annotated_lines {
        let _ = writeln!(
            out,
            "supplementary: {source}: precision of the {} mentions on lines holding a gold span {:.3}",
            g.predicted,
            g.precision("any"),
        );
    }
    let r = &results.resumes;
    let _ = writeln!(
        out,
        "\nresumes-dev (Dotin): {} résumés, {} predicted mentions",
        r.documents, r.predicted
    );
    let _ = writeln!(
        out,
        "precision against all labelled spans {:.3}, against the three skill types {:.3}",
        r.precision("any"),
        r.precision("skills")
    );
    let _ = writeln!(
        out,
        "precision of soft-skill mentions against Soft Skills spans {:.3} ({} mentions)",
        r.precision("soft"),
        r.scored.get("soft").copied().unwrap_or(0)
    );
    let a = &results.annotated_resumes;
    let _ = writeln!(
        out,
        "supplementary: on the {} résumés with at least one skill-type span, precision against all labelled spans {:.3}, against the skill types {:.3}",
        a.documents,
        a.precision("any"),
        a.precision("skills")
    );
    let _ = writeln!(
        out,
        "{:<20} {:>6} {:>6} {:>7}",
        "type", "gold", "found", "recall"
    );
    for kind in RESUME_SKILL_TYPES {
        let _ = writeln!(
            out,
            "{:<20} {:>6} {:>6} {:>7.3}",
            kind,
            r.gold.get(kind).copied().unwrap_or(0),
            r.found.get(kind).copied().unwrap_or(0),
            r.recall(kind)
        );
    }
    for (title, tally, with_id) in lists(results) {
        let _ = writeln!(out, "\n{title} (top {n}):");
        for (text, id, count) in top(tally, n) {
            if with_id {
                let _ = writeln!(out, "  {count:>5}  {text:<40} {id}");
            } else {
                let _ = writeln!(out, "  {count:>5}  {text}");
            }
        }
    }
    out
}

fn json_report(taxonomy: &Taxonomy, results: &Results, n: usize) -> serde_json::Value {
    let group_json = |g: &Group, references: &[&str], types: &[&str]| {
        let mut precision = serde_json::Map::new();
        for r in references {
            precision.insert((*r).to_string(), json!(g.precision(r)));
        }
        let mut recall = serde_json::Map::new();
        for t in types {
            recall.insert(
                (*t).to_string(),
                json!({
                    "gold": g.gold.get(*t).copied().unwrap_or(0),
                    "found": g.found.get(*t).copied().unwrap_or(0),
                    "recall": g.recall(t),
                }),
            );
        }
        json!({
            "documents": g.documents,
            "predicted": g.predicted,
            "precision": precision,
            "recall": recall,
        })
    };
    let mut postings = serde_json::Map::new();
    for (source, g) in &results.postings {
        postings.insert(source.clone(), group_json(g, &["any"], &POSTING_TYPES));
    }
    let lists: Vec<serde_json::Value> = lists(results)
        .into_iter()
        .map(|(title, tally, with_id)| {
            let rows: Vec<serde_json::Value> = top(tally, n)
                .into_iter()
                .map(|(text, id, count)| {
                    if with_id {
                        json!({"text": text, "id": id, "count": count})
                    } else {
                        json!({"text": text, "count": count})
                    }
                })
                .collect();
            json!({"title": title, "rows": rows})
        })
        .collect();
    let mut annotated = serde_json::Map::new();
    for (source, g) in &results.annotated_lines {
        annotated.insert(source.clone(), group_json(g, &["any"], &[]));
    }
    json!({
        "taxonomy": {"skills": taxonomy.len(), "aliases": taxonomy.alias_count()},
        "postings": postings,
        "postings_annotated_lines": annotated,
        "resumes": group_json(&results.resumes, &["any", "skills", "soft"], &RESUME_SKILL_TYPES),
        "resumes_with_skill_spans": group_json(&results.annotated_resumes, &["any", "skills", "soft"], &RESUME_SKILL_TYPES),
        "lists": lists,
    })
}

fn run(args: &Args) -> anyhow::Result<()> {
    let taxonomy = load_taxonomy(args)?;
    let matcher = Matcher::new(&taxonomy)?;
    let mut details = String::new();
    let results = evaluate(&matcher, &taxonomy, &args.corpus, &mut details)?;
    if let Some(path) = &args.details {
        std::fs::write(path, &details)
            .with_context(|| format!("{}: cannot write the details", path.display()))?;
    }
    let out = if args.json {
        let value = json_report(&taxonomy, &results, args.top);
        serde_json::to_string_pretty(&value)? + "\n"
    } else {
        text_report(&taxonomy, &results, args.top)
    };
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    if !args.corpus.is_dir() {
        eprintln!(
            "evaluate: error: {}: no such corpus folder; pass the folder holding postings-dev/ and resumes-dev/ (e.g. ../shared/data/corpus)",
            args.corpus.display()
        );
        return ExitCode::from(2);
    }
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("evaluate: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
