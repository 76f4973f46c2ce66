//! `skillmatch score RESUME --postings DIR|CSV|JSONL`: one candidate against
//! many postings, ranked, with the skills that would help most.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use skillmatch::document::{Document, DocumentKind};
use skillmatch::extract::posting::Posting;
use skillmatch::extract::resume::Candidate;
use skillmatch::extract::{self, Matcher};
use skillmatch::report;
use skillmatch::score::{explain_top, rank_postings, suggestions_indexed};

use super::output::Output;
use super::{write_json, GlobalArgs};

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The résumé (.txt, .md).
    #[arg(value_name = "RESUME")]
    resume: PathBuf,
    /// The postings: a directory of .txt/.md files, a CSV (id,title,company,location,text) or JSON Lines.
    #[arg(long, value_name = "DIR|CSV|JSONL", required_unless_present = "index")]
    postings: Option<PathBuf>,
    /// The postings, already extracted by `skillmatch index build` (instead of --postings).
    #[arg(long, value_name = "FILE", conflicts_with = "postings")]
    index: Option<PathBuf>,
    /// Show the N best postings (0: all).
    #[arg(long, value_name = "N", default_value_t = 10)]
    top: usize,
    /// Show the N skills that would raise the scores most (0: none).
    #[arg(long, value_name = "N", default_value_t = 5)]
    suggest: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: ScoreFormat,
    /// Add every posting's per-requirement explanation (table, markdown, json).
    #[arg(long)]
    explain: bool,
    /// Write to FILE (whole or not at all) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Output formats of `score`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ScoreFormat {
    /// Aligned columns for a terminal.
    #[default]
    Table,
    /// The JSON contract (PRODUCT.md).
    Json,
    /// The `rank` CSV columns, one row per posting.
    Csv,
    /// Markdown tables.
    Markdown,
}

/// Reads the one résumé at `path` and extracts it; a batch source holding
/// several is an error that points to `rank`.
pub fn load_candidate(
    global: &GlobalArgs,
    matcher: &Matcher<'_>,
    path: &Path,
) -> anyhow::Result<(Candidate, Document)> {
    let mut documents = global.load_documents(path, DocumentKind::Resume, "résumé")?;
    if documents.len() > 1 {
        anyhow::bail!(
            "{}: holds {} résumés; give one résumé, or rank them all with `skillmatch rank --candidates {}`",
            path.display(),
            documents.len(),
            path.display()
        );
    }
    let doc = documents.remove(0);
    let candidate = extract::candidate_of(matcher, &doc, &global.resume_options());
    Ok((candidate, doc))
}

pub fn run(global: &GlobalArgs, args: ScoreArgs) -> anyhow::Result<ExitCode> {
    if args.explain && args.format == ScoreFormat::Csv {
        anyhow::bail!("--explain adds per-requirement records, which CSV rows cannot hold: use --format json, markdown or table");
    }
    let taxonomy = global.load_taxonomy()?;
    let weights = global.load_weights()?;
    let matcher = Matcher::new(&taxonomy)?;
    let (candidate, _) = load_candidate(global, &matcher, &args.resume)?;
    let postings = super::index::load_postings(
        global,
        &taxonomy,
        &matcher,
        args.postings.as_deref(),
        args.index.as_deref(),
    )?;
    let top = (args.top > 0).then_some(args.top);
    // Candidate retrieval: only the postings shown are read (from an index
    // file) and explained, and the suggestions rescore only the postings a
    // skill could change.
    let index = postings.posting_index(&taxonomy, &weights);
    let (all, shown): (Cow<'_, [Posting]>, Vec<Posting>);
    let ranked = match top {
        None => {
            all = postings.all()?;
            rank_postings(&taxonomy, &candidate, &all, &weights, None)
        }
        Some(k) => {
            let best = index.top(&taxonomy, &candidate, k);
            shown = best
                .iter()
                .map(|&(_, p)| postings.get(p).map(Cow::into_owned))
                .collect::<Result<_, _>>()?;
            explain_top(&taxonomy, &weights, &candidate, &best, &shown)
        }
    };
    let mut suggested = if args.suggest > 0 {
        suggestions_indexed(&taxonomy, &index, &candidate)
    } else {
        Vec::new()
    };
    suggested.truncate(args.suggest);

    let mut out = Output::create(args.output.as_deref())?;
    let w = out.writer();
    match args.format {
        ScoreFormat::Json => {
            let doc = report::json::score(&taxonomy, &candidate, &ranked, &suggested, args.explain);
            write_json(w, &doc)?;
        }
        ScoreFormat::Table => {
            let mut text = report::text::score_table(
                &taxonomy,
                &candidate,
                &ranked,
                &suggested,
                postings.len(),
            );
            if args.explain {
                for r in &ranked {
                    text.push_str(&format!("\n{}\n", "─".repeat(72)));
                    text.push_str(&format!("#{} ", r.rank));
                    text.push_str(&report::text::explanation(
                        &taxonomy,
                        r.posting,
                        &candidate,
                        &r.explanation,
                    ));
                }
            }
            w.write_all(text.as_bytes())?;
        }
        ScoreFormat::Markdown => {
            let mut text =
                report::markdown::score(&taxonomy, &candidate, &ranked, &suggested, postings.len());
            if args.explain {
                for r in &ranked {
                    text.push('\n');
                    text.push_str(&report::markdown::explanation(
                        &taxonomy,
                        r.posting,
                        &candidate,
                        &r.explanation,
                        2,
                    ));
                }
            }
            w.write_all(text.as_bytes())?;
        }
        ScoreFormat::Csv => {
            let mut csv = csv::Writer::from_writer(w);
            csv.write_record(report::csv::RANK_COLUMNS)?;
            for r in &ranked {
                csv.write_record(report::csv::rank_row(
                    &taxonomy,
                    &candidate,
                    r.posting,
                    r.rank,
                    &r.explanation,
                ))?;
            }
            csv.flush()?;
        }
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
