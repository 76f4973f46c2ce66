//! `skillmatch index build --postings … -o FILE` and `skillmatch index info
//! FILE`: extract postings once into a persisted index (see
//! `skillmatch::index_file`) that `score --index` and `rank --index` read
//! instead of the postings.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, Subcommand};
use skillmatch::document::DocumentKind;
use skillmatch::extract::Matcher;
use skillmatch::index_file::{IndexBuilder, IndexFile};
use skillmatch::report::{Format, IndexInfoReport};
use skillmatch::taxonomy::Taxonomy;

use super::output::Output;
use super::{write_report, GlobalArgs};

#[derive(Debug, Args)]
pub struct IndexArgs {
    #[command(subcommand)]
    command: IndexCommand,
}

#[derive(Debug, Subcommand)]
enum IndexCommand {
    /// Extract postings once into an index file for `score --index` and `rank --index`.
    ///
    /// The index holds the extracted postings (metadata, and each
    /// requirement with the phrase it came from), not the whole text nor
    /// the mentions, and is tied to this version of skillmatch and to the
    /// taxonomy options given here (--taxonomy, --taxonomy-extra): other
    /// ones refuse it. Weights are applied when it is used, so --weights
    /// may differ.
    Build(BuildArgs),
    /// Show what an index file holds and whether this run can use it.
    Info(InfoArgs),
}

#[derive(Debug, Args)]
struct BuildArgs {
    /// The postings: a CSV (id,title,company,location,text), a directory of posting files, or JSON Lines.
    #[arg(long, value_name = "CSV|DIR|JSONL")]
    postings: PathBuf,
    /// The index file to write (whole or not at all).
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
}

#[derive(Debug, Args)]
struct InfoArgs {
    /// The index file.
    #[arg(value_name = "FILE")]
    index: PathBuf,
}

pub fn run(global: &GlobalArgs, args: IndexArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        IndexCommand::Build(args) => build(global, args),
        IndexCommand::Info(args) => info(global, args),
    }
}

fn build(global: &GlobalArgs, args: BuildArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let prepared = global.load_taxonomy()?;
    let taxonomy = prepared.taxonomy();
    let matcher = prepared.matcher();
    let documents = global.load_documents(&args.postings, DocumentKind::Posting, "posting")?;
    // Each posting is encoded as it is extracted: the run holds the
    // encoded postings, not the extracted ones.
    let mut postings = IndexBuilder::new();
    postings.extract(&matcher, documents);
    let mut out = Output::create(Some(&args.output), &[&args.postings])?;
    postings.write(out.writer(), taxonomy)?;
    out.finish()?;
    if !global.quiet {
        let size = std::fs::metadata(&args.output).map_or(0, |m| m.len());
        eprintln!(
            "skillmatch: indexed {} postings into {} ({:.1} MB) in {:.1} s",
            postings.len(),
            args.output.display(),
            size as f64 / 1e6,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn info(global: &GlobalArgs, args: InfoArgs) -> anyhow::Result<ExitCode> {
    let header = IndexFile::header_of(&args.index)?;
    let size = std::fs::metadata(&args.index).map_or(0, |m| m.len());
    let prepared = global.load_taxonomy()?;
    let taxonomy = prepared.taxonomy();
    // Usable: opens with this run's version and taxonomy, and every
    // posting decodes.
    let usable = IndexFile::open(&args.index, taxonomy).and_then(|f| f.postings().map(|_| ()));
    let path = args.index.display().to_string();
    let report = IndexInfoReport {
        path: &path,
        header: &header,
        size,
        usable: usable.as_ref().copied(),
    };
    let mut out = Output::create(None, &[])?;
    write_report(out.writer(), &report, Format::Text)?;
    out.finish()?;
    Ok(if usable.is_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_FINDINGS)
    })
}

/// The postings of a `score` or `rank` run: an index file opened with
/// `--index`, or `--postings` read, extracted (with a note on a terminal
/// when there are many) and indexed in memory; either way a posting is
/// decoded when it is shown.
pub fn load_postings(
    global: &GlobalArgs,
    taxonomy: &Taxonomy,
    matcher: &Matcher<'_>,
    postings: Option<&Path>,
    index: Option<&Path>,
) -> anyhow::Result<IndexFile> {
    match (postings, index) {
        (_, Some(index)) => Ok(IndexFile::open(index, taxonomy)?),
        (Some(postings), None) => {
            let documents = global.load_documents(postings, DocumentKind::Posting, "posting")?;
            if !global.quiet && documents.len() >= 10_000 && std::io::stderr().is_terminal() {
                eprintln!(
                    "skillmatch: extracting {} postings (`skillmatch index build` saves this step on later runs)",
                    documents.len()
                );
            }
            // Kept in the index's compact form, as from `--index`: a third
            // of the memory of the decoded postings, which matters at
            // 100,000 postings. Each is encoded as it is extracted.
            let mut built = IndexBuilder::new();
            built.extract(matcher, documents);
            Ok(built.into_index_file(&postings.display().to_string(), taxonomy))
        }
        (None, None) => {
            anyhow::bail!("give the postings: --postings CSV|DIR|JSONL or --index FILE")
        }
    }
}
