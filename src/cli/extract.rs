//! `skillmatch extract FILE…`: postings into requirements, résumés into skills.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use rayon::prelude::*;
use skillmatch::document::DocumentKind;
use skillmatch::extract::posting::Posting;
use skillmatch::extract::resume::Candidate;
use skillmatch::extract::{self, guess_kind};
use skillmatch::report::{ExtractWriter, Format};

use super::{format_parser, GlobalArgs, TEXT_OR_JSON};

/// Documents parsed per thread before their results are written.
const EXTRACT_CHUNK_PER_THREAD: usize = 32;

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Posting or résumé files: .txt, .md, .pdf, .docx, .html, .json (JSON Resume, JobPosting), or batches (a directory, .csv, .jsonl).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Read every file as this kind (default: guessed from its content).
    #[arg(long = "as", value_enum)]
    kind: Option<KindArg>,
    /// Output format.
    #[arg(long, value_parser = format_parser(TEXT_OR_JSON), default_value = "text")]
    format: Format,
}

/// What one input file gave.
enum Extracted {
    Postings(Vec<Posting>),
    Candidate(Box<Candidate>),
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum KindArg {
    Posting,
    Resume,
}

pub fn run(global: &GlobalArgs, args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let prepared = global.load_taxonomy()?;
    let taxonomy = prepared.taxonomy();
    let matcher = prepared.matcher();
    let options = global.resume_options();
    // Files are read and parsed in parallel; results keep argument order, and
    // the first error (in argument order) fails the run before anything is written.
    let role = match args.kind {
        Some(KindArg::Resume) => DocumentKind::Resume,
        _ => DocumentKind::Posting,
    };
    // Files are read in argument order (a batch, such as a CSV or a
    // directory, gives several documents); documents are parsed in parallel
    // and results keep that order.
    let mut documents = Vec::new();
    for path in &args.files {
        documents.extend(global.load_documents(path, role, "document")?);
    }
    // Parsed a chunk at a time, in parallel, and written before the next
    // chunk starts: memory holds the inputs and one chunk of results, not
    // every result of a large batch.
    let format = match args.format {
        Format::Json => Format::Json,
        _ => Format::Text,
    };
    let stdout = std::io::stdout().lock();
    let mut writer = ExtractWriter::new(std::io::BufWriter::new(stdout), taxonomy, format);
    let chunk = EXTRACT_CHUNK_PER_THREAD * rayon::current_num_threads();
    for documents in documents.chunks(chunk) {
        let parsed: Vec<Extracted> = documents
            .par_iter()
            .map(|doc| {
                let kind = match args.kind {
                    Some(KindArg::Posting) => DocumentKind::Posting,
                    Some(KindArg::Resume) => DocumentKind::Resume,
                    None => doc.kind.unwrap_or_else(|| guess_kind(&doc.text)),
                };
                match kind {
                    DocumentKind::Posting => {
                        Extracted::Postings(extract::postings_of(&matcher, doc))
                    }
                    DocumentKind::Resume => Extracted::Candidate(Box::new(extract::candidate_of(
                        &matcher, doc, &options,
                    ))),
                }
            })
            .collect();
        for item in parsed {
            match item {
                Extracted::Postings(postings) => {
                    for p in &postings {
                        writer.posting(p)?;
                    }
                }
                Extracted::Candidate(c) => writer.candidate(&c)?,
            }
        }
    }
    writer.finish()?;
    Ok(ExitCode::SUCCESS)
}
