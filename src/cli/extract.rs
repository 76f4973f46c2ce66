//! `skillmatch extract FILE…`: postings into requirements, résumés into skills.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use rayon::prelude::*;
use serde_json::json;
use skillmatch::extract::posting::{parse_postings, Posting};
use skillmatch::extract::resume::{parse_resume, Candidate};
use skillmatch::extract::{guess_kind, DocumentKind, Matcher};
use skillmatch::report;

use skillmatch::input::read_text;

use super::{write_json, GlobalArgs, TextOrJson};

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Posting or résumé files (.txt, .md).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Read every file as this kind (default: guessed from its content).
    #[arg(long = "as", value_enum)]
    kind: Option<KindArg>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: TextOrJson,
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
    let taxonomy = global.load_taxonomy()?;
    let matcher = Matcher::new(&taxonomy)?;
    let options = global.resume_options();
    // Files are read and parsed in parallel; results keep argument order, and
    // the first error (in argument order) fails the run before anything is written.
    let parsed: Vec<Extracted> = args
        .files
        .par_iter()
        .map(|path| -> anyhow::Result<Extracted> {
            let text = read_text(path)?;
            let name = path.display().to_string();
            let kind = match args.kind {
                Some(KindArg::Posting) => DocumentKind::Posting,
                Some(KindArg::Resume) => DocumentKind::Resume,
                None => guess_kind(&text),
            };
            Ok(match kind {
                DocumentKind::Posting => {
                    Extracted::Postings(parse_postings(&matcher, &name, &text))
                }
                DocumentKind::Resume => {
                    Extracted::Candidate(Box::new(parse_resume(&matcher, &name, &text, &options)))
                }
            })
        })
        .collect::<anyhow::Result<_>>()?;
    let mut postings = Vec::new();
    let mut candidates = Vec::new();
    for item in parsed {
        match item {
            Extracted::Postings(p) => postings.extend(p),
            Extracted::Candidate(c) => candidates.push(*c),
        }
    }
    let mut out = std::io::stdout().lock();
    match args.format {
        TextOrJson::Json => {
            let doc = json!({
                "postings": postings.iter().map(|p| report::json::posting(&taxonomy, p)).collect::<Vec<_>>(),
                "candidates": candidates.iter().map(|c| report::json::candidate(&taxonomy, c)).collect::<Vec<_>>(),
            });
            write_json(&mut out, &doc)?;
        }
        TextOrJson::Text => {
            let mut first = true;
            for p in &postings {
                if !first {
                    writeln!(out)?;
                }
                first = false;
                out.write_all(report::text::posting(&taxonomy, p).as_bytes())?;
            }
            for c in &candidates {
                if !first {
                    writeln!(out)?;
                }
                first = false;
                out.write_all(report::text::candidate(&taxonomy, c).as_bytes())?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
