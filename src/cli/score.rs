//! `skillmatch score RESUME --postings DIR|CSV|JSONL`: one candidate against
//! many postings, ranked, with the skills that would help most.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use skillmatch::document::{Document, DocumentKind};
use skillmatch::extract;
use skillmatch::extract::resume::Candidate;
use skillmatch::extract::Matcher;
use skillmatch::rank::Ranker;
use skillmatch::report::{Format, ScoreReport};

use super::output::Output;
use super::{format_parser, write_report, FormatChoice, GlobalArgs};

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The résumé: .txt, .md, .pdf, .docx, .html or .json (JSON Resume); read by extension, then by content.
    #[arg(value_name = "RESUME")]
    resume: PathBuf,
    /// The postings: a directory of posting files (.txt, .md, .pdf, .docx, .html, .json), a CSV (id,title,company,location,text) or JSON Lines.
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
    #[arg(long, value_parser = format_parser(SCORE_FORMATS), default_value = "table")]
    format: Format,
    /// Add every posting's per-requirement explanation (table, markdown, json).
    #[arg(long)]
    explain: bool,
    /// Write to FILE (whole or not at all) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Output formats of `score`.
const SCORE_FORMATS: &[FormatChoice] = &[
    FormatChoice {
        name: "table",
        help: "Aligned columns for a terminal",
        format: Format::Text,
    },
    FormatChoice {
        name: "json",
        help: "The JSON contract (PRODUCT.md)",
        format: Format::Json,
    },
    FormatChoice {
        name: "csv",
        help: "The `rank` CSV columns, one row per posting",
        format: Format::Csv,
    },
    FormatChoice {
        name: "markdown",
        help: "Markdown tables",
        format: Format::Markdown,
    },
];

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
    ScoreReport::check(args.explain, args.format)?;
    let prepared = global.load_taxonomy()?;
    let taxonomy = prepared.taxonomy();
    let weights = global.load_weights()?;
    let matcher = prepared.matcher();
    // The postings load and their scoring index is built while the résumé
    // is read: from an index file, the two take about as long.
    let (candidate, postings, index) = std::thread::scope(|scope| {
        let loading = scope.spawn(|| {
            let postings = super::index::load_postings(
                global,
                taxonomy,
                &matcher,
                args.postings.as_deref(),
                args.index.as_deref(),
            )?;
            let index = postings.posting_index(taxonomy, &weights);
            anyhow::Ok((postings, index))
        });
        let candidate = load_candidate(global, &matcher, &args.resume);
        let loaded = loading
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        // The résumé's error first, as when the two were read in turn.
        let (candidate, _) = candidate?;
        let (postings, index) = loaded?;
        anyhow::Ok((candidate, postings, index))
    })?;
    // Only the postings shown are read (from an index file) and explained.
    let ranker = Ranker::with_index(taxonomy, &postings, index);
    let shortlist = ranker.rank(&candidate, (args.top > 0).then_some(args.top))?;
    let ranked = shortlist.explain(taxonomy, &candidate, ranker.weights());
    let suggested = ranker.best_suggestions(&candidate, args.suggest);

    let report = ScoreReport {
        taxonomy,
        candidate: &candidate,
        ranked: &ranked,
        suggestions: &suggested,
        total: postings.len(),
        with_requirements: args.explain,
    };
    let inputs = super::output::given(&[
        Some(&args.resume),
        args.postings.as_ref(),
        args.index.as_ref(),
    ]);
    let mut out = Output::create(args.output.as_deref(), &inputs)?;
    write_report(out.writer(), &report, args.format)?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
