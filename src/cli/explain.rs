//! `skillmatch explain RESUME POSTING`: the recruiter's spot check of one
//! candidate against one posting.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use skillmatch::document::DocumentKind;
use skillmatch::explain::explain;
use skillmatch::extract;
use skillmatch::report::{ExplainReport, Format};

use super::output::Output;
use super::score::load_candidate;
use super::{format_parser, write_report, FormatChoice, GlobalArgs};

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The résumé: .txt, .md, .pdf, .docx, .html or .json (JSON Resume); read by extension, then by content.
    #[arg(value_name = "RESUME")]
    resume: PathBuf,
    /// The posting: .txt, .md, .pdf, .docx, .html (its JobPosting data when present) or .json; or a batch (directory, .csv, .jsonl) with --posting ID.
    #[arg(value_name = "POSTING")]
    posting: PathBuf,
    /// Which posting, when POSTING holds several (default: the best match).
    #[arg(long = "posting", value_name = "ID")]
    posting_id: Option<String>,
    /// Output format; html is one self-contained page.
    #[arg(long, value_parser = format_parser(EXPLAIN_FORMATS), default_value = "text")]
    format: Format,
    /// Write to FILE (whole or not at all) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Output formats of `explain`.
const EXPLAIN_FORMATS: &[FormatChoice] = &[
    FormatChoice {
        name: "text",
        help: "Text for a terminal",
        format: Format::Text,
    },
    FormatChoice {
        name: "markdown",
        help: "Markdown",
        format: Format::Markdown,
    },
    FormatChoice {
        name: "json",
        help: "The JSON contract (PRODUCT.md)",
        format: Format::Json,
    },
    FormatChoice {
        name: "html",
        help: "One self-contained HTML page: requirements and résumé side by side",
        format: Format::Html,
    },
];

pub fn run(global: &GlobalArgs, args: ExplainArgs) -> anyhow::Result<ExitCode> {
    let prepared = global.load_taxonomy()?;
    let taxonomy = prepared.taxonomy();
    let weights = global.load_weights()?;
    let matcher = prepared.matcher();
    let (candidate, resume_doc) = load_candidate(global, &matcher, &args.resume)?;
    let documents = global.load_documents(&args.posting, DocumentKind::Posting, "posting")?;
    // Each posting with the document it came from (its text is quoted in HTML).
    let postings: Vec<(usize, skillmatch::extract::posting::Posting)> = documents
        .iter()
        .enumerate()
        .flat_map(|(i, d)| {
            extract::postings_of(&matcher, d)
                .into_iter()
                .map(move |p| (i, p))
        })
        .collect();
    if postings.is_empty() {
        anyhow::bail!("{}: no posting found in it", args.posting.display());
    }
    let explanations: Vec<_> = postings
        .iter()
        .map(|(_, p)| explain(taxonomy, p, &candidate, &weights))
        .collect();
    let chosen = match &args.posting_id {
        Some(id) => postings
            .iter()
            .position(|(_, p)| &p.id == id)
            .ok_or_else(|| {
                let ids: Vec<&str> = postings
                    .iter()
                    .take(10)
                    .map(|(_, p)| p.id.as_str())
                    .collect();
                anyhow::anyhow!(
                    "{}: no posting with the id `{id}`; its postings are: {}{}",
                    args.posting.display(),
                    ids.join(", "),
                    if postings.len() > ids.len() {
                        ", …"
                    } else {
                        ""
                    }
                )
            })?,
        None => {
            let best = skillmatch::explain::best_match(&explanations).unwrap_or(0);
            if postings.len() > 1 && !global.quiet {
                let others: Vec<&str> = postings
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| i != best)
                    .take(5)
                    .map(|(_, (_, p))| p.id.as_str())
                    .collect();
                eprintln!(
                    "skillmatch: note: {} holds {} postings; explaining the best match, `{}`. Others: {}{}. Choose one with --posting ID.",
                    args.posting.display(),
                    postings.len(),
                    postings[best].1.id,
                    others.join(", "),
                    if postings.len() - 1 > others.len() { ", …" } else { "" }
                );
            }
            best
        }
    };
    let (doc_index, posting) = &postings[chosen];
    let e = &explanations[chosen];

    let report = ExplainReport {
        taxonomy,
        posting,
        posting_text: &documents[*doc_index].text,
        candidate: &candidate,
        resume_text: &resume_doc.text,
        explanation: e,
    };
    let mut out = Output::create(args.output.as_deref(), &[&args.resume, &args.posting])?;
    write_report(out.writer(), &report, args.format)?;
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
