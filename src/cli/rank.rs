//! `skillmatch rank --candidates … --postings …`: the batch. Every posting
//! and every candidate is extracted once, and the postings indexed for
//! candidate retrieval ([`PostingIndex`]), so a candidate's best postings
//! are found without explaining the others; candidates are processed in
//! chunks in parallel (rayon) and, for `--per candidate`, each chunk's rows
//! are written before the next chunk starts, so memory holds the postings
//! and one chunk, not every pair. `--per posting` scores every pair of a
//! chunk, keeps each posting's best `--top` candidates, and explains only
//! the pairs kept. Rows come out in input order whatever the
//! number of threads.

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use skillmatch::document::{Document, DocumentKind};
use skillmatch::extract;
use skillmatch::extract::resume::Candidate;
use skillmatch::rank::{BestCandidates, Ranker};
use skillmatch::report;
use skillmatch::score::Shard;

use super::output::Output;
use super::GlobalArgs;

/// Candidates extracted and ranked together before their rows are written.
pub const CHUNK: usize = 64;

#[derive(Debug, Args)]
pub struct RankArgs {
    /// The candidates: a CSV (id,name,text or id,name,path), a directory of résumés (.txt, .md, .pdf, .docx, .html, .json), or JSON Lines.
    #[arg(long, value_name = "CSV|DIR|JSONL")]
    candidates: PathBuf,
    /// The postings: a CSV (id,title,company,location,text), a directory of posting files, or JSON Lines.
    #[arg(long, value_name = "CSV|DIR|JSONL", required_unless_present = "index")]
    postings: Option<PathBuf>,
    /// The postings, already extracted by `skillmatch index build` (instead of --postings).
    #[arg(long, value_name = "FILE", conflicts_with = "postings")]
    index: Option<PathBuf>,
    /// Keep the N best postings per candidate (or candidates per posting); 0 keeps all.
    #[arg(long, value_name = "N", default_value_t = 10)]
    top: usize,
    /// Rank postings for each candidate, or candidates for each posting (the recruiter's view).
    #[arg(long, value_enum, default_value_t)]
    per: Per,
    /// Write the CSV to FILE (whole or not at all) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Rank only shard K of N of the candidates (1 ≤ K ≤ N), so N machines
    /// can share a batch: a candidate's shard is a fixed hash of its id, the
    /// same on every machine. Merge with scripts/merge_shards.py.
    #[arg(long, value_name = "K/N")]
    shard: Option<Shard>,
}

/// What each block of rows ranks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Per {
    /// The best postings for each candidate.
    #[default]
    Candidate,
    /// The best candidates for each posting.
    Posting,
}

pub fn run(global: &GlobalArgs, args: RankArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let prepared = global.load_taxonomy()?;
    let taxonomy = prepared.taxonomy();
    let weights = global.load_weights()?;
    let matcher = prepared.matcher();
    let options = global.resume_options();
    let postings = super::index::load_postings(
        global,
        taxonomy,
        &matcher,
        args.postings.as_deref(),
        args.index.as_deref(),
    )?;
    let ranker = Ranker::new(taxonomy, &postings, &weights);
    let all_docs = global.load_documents(&args.candidates, DocumentKind::Resume, "résumé")?;
    let all_candidates = all_docs.len();
    // Each candidate with its position among all those read: rows carry
    // it, so the rows of several shards merge back into one run's order.
    let mut candidate_docs: Vec<(usize, Document)> = all_docs.into_iter().enumerate().collect();
    if let Some(shard) = args.shard {
        candidate_docs.retain(|(_, d)| shard.contains(&d.id));
    }
    let top = (args.top > 0).then_some(args.top);

    let progress = if global.quiet || !std::io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        let bar = ProgressBar::new(candidate_docs.len() as u64);
        if let Ok(style) = ProgressStyle::with_template(
            "{bar:40} {pos}/{len} candidates · {elapsed} elapsed · {eta} left",
        ) {
            bar.set_style(style);
        }
        bar
    };

    let inputs = super::output::given(&[
        Some(&args.candidates),
        args.postings.as_ref(),
        args.index.as_ref(),
    ]);
    let mut out = Output::create(args.output.as_deref(), &inputs)?;
    let mut csv = csv::Writer::from_writer(out.writer());
    csv.write_record(report::csv::RANK_COLUMNS)?;
    let mut rows_written = 0usize;
    match args.per {
        Per::Candidate => {
            for chunk in candidate_docs.chunks(CHUNK) {
                let rows: Vec<Vec<Vec<String>>> = chunk
                    .par_iter()
                    .map(|(position, doc)| -> anyhow::Result<Vec<Vec<String>>> {
                        let c = extract::candidate_of(&matcher, doc, &options);
                        let shortlist = ranker.rank(&c, top)?;
                        Ok(shortlist
                            .explain(taxonomy, &c, ranker.weights())
                            .iter()
                            .map(|r| {
                                report::csv::rank_row(
                                    taxonomy,
                                    &c,
                                    r.posting,
                                    r.rank,
                                    &r.explanation,
                                    report::csv::Positions {
                                        candidate: *position,
                                        posting: r.index,
                                    },
                                )
                            })
                            .collect())
                    })
                    .collect::<anyhow::Result<_>>()?;
                for row in rows.iter().flatten() {
                    csv.write_record(row)?;
                    rows_written += 1;
                }
                progress.inc(chunk.len() as u64);
            }
        }
        Per::Posting => {
            // Rows are kept as CSV records (one buffer each) without their
            // rank, which is known once every candidate has been offered.
            let mut best = BestCandidates::new(&ranker, top);
            for chunk in candidate_docs.chunks(CHUNK) {
                let candidates: Vec<Candidate> = chunk
                    .par_iter()
                    .map(|(_, doc)| extract::candidate_of(&matcher, doc, &options))
                    .collect();
                best.offer(&ranker, &candidates, |i, p, c, posting, e| {
                    let at = report::csv::Positions {
                        candidate: chunk[i].0,
                        posting: p,
                    };
                    report::csv::RankRow::new(taxonomy, c, posting, e, at)
                })?;
                progress.inc(chunk.len() as u64);
            }
            for (_, rows) in best.into_ranked() {
                for (rank, row) in rows {
                    row.write(&mut csv, rank)?;
                    rows_written += 1;
                }
            }
        }
    }
    progress.finish_and_clear();
    csv.flush()?;
    drop(csv);
    out.finish()?;
    if !global.quiet {
        let shard_note = args.shard.map_or(String::new(), |s| {
            format!(" (shard {s} of {all_candidates} candidates)")
        });
        eprintln!(
            "skillmatch: ranked {} candidates{shard_note} × {} postings: {rows_written} rows{} in {:.1} s",
            candidate_docs.len(),
            postings.len(),
            args.output
                .as_ref()
                .map_or(String::new(), |p| format!(" to {}", p.display())),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}
