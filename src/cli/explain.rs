//! `skillmatch explain RESUME POSTING`: the recruiter's spot check of one
//! candidate against one posting.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use skillmatch::document::DocumentKind;
use skillmatch::explain::explain;
use skillmatch::extract::{self, Matcher};
use skillmatch::report;

use super::output::Output;
use super::score::load_candidate;
use super::{write_json, GlobalArgs};

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The résumé (.txt, .md).
    #[arg(value_name = "RESUME")]
    resume: PathBuf,
    /// The posting: a .txt/.md file, or a batch (directory, CSV, JSON Lines) with --posting ID.
    #[arg(value_name = "POSTING")]
    posting: PathBuf,
    /// Which posting, when POSTING holds several (default: the best match).
    #[arg(long = "posting", value_name = "ID")]
    posting_id: Option<String>,
    /// Output format; html is one self-contained page.
    #[arg(long, value_enum, default_value_t)]
    format: ExplainFormat,
    /// Write to FILE (whole or not at all) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Output formats of `explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ExplainFormat {
    /// Text for a terminal.
    #[default]
    Text,
    /// Markdown.
    Markdown,
    /// The JSON contract (PRODUCT.md).
    Json,
    /// One self-contained HTML page: requirements and résumé side by side.
    Html,
}

pub fn run(global: &GlobalArgs, args: ExplainArgs) -> anyhow::Result<ExitCode> {
    let taxonomy = global.load_taxonomy()?;
    let weights = global.load_weights()?;
    let matcher = Matcher::new(&taxonomy)?;
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
        .map(|(_, p)| explain(&taxonomy, p, &candidate, &weights))
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

    let mut out = Output::create(args.output.as_deref())?;
    let w = out.writer();
    match args.format {
        ExplainFormat::Text => {
            w.write_all(report::text::explanation(&taxonomy, posting, &candidate, e).as_bytes())?;
        }
        ExplainFormat::Markdown => {
            let text = report::markdown::explanation(&taxonomy, posting, &candidate, e, 1);
            w.write_all(text.as_bytes())?;
        }
        ExplainFormat::Json => {
            write_json(
                w,
                &report::json::explanation(&taxonomy, posting, &candidate, e),
            )?;
        }
        ExplainFormat::Html => {
            let page = report::html::explanation(
                &taxonomy,
                posting,
                &documents[*doc_index].text,
                &candidate,
                &resume_doc.text,
                e,
            );
            w.write_all(page.as_bytes())?;
        }
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}
