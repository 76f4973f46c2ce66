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
use skillmatch::document::DocumentKind;
use skillmatch::explain::explain;
use skillmatch::extract::resume::Candidate;
use skillmatch::extract::{self, Matcher};
use skillmatch::report;
use skillmatch::score::{explain_top, rank_postings, Ranked, Shard, TopK};

use super::output::Output;
use super::GlobalArgs;

/// Candidates extracted and ranked together before their rows are written.
pub const CHUNK: usize = 64;

#[derive(Debug, Args)]
pub struct RankArgs {
    /// The candidates: a CSV (id,name,text or id,name,path), a directory of résumés, or JSON Lines.
    #[arg(long, value_name = "CSV|DIR|JSONL")]
    candidates: PathBuf,
    /// The postings: a CSV (id,title,company,location,text), a directory, or JSON Lines.
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

/// Index of the `rank` column in a row.
const RANK_COLUMN: usize = 2;

pub fn run(global: &GlobalArgs, args: RankArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let taxonomy = global.load_taxonomy()?;
    let weights = global.load_weights()?;
    let matcher = Matcher::new(&taxonomy)?;
    let options = global.resume_options();
    let postings = super::index::load_postings(
        global,
        &taxonomy,
        &matcher,
        args.postings.as_deref(),
        args.index.as_deref(),
    )?;
    let postings_index = postings.posting_index(&taxonomy, &weights);
    let mut candidate_docs =
        global.load_documents(&args.candidates, DocumentKind::Resume, "résumé")?;
    let all_candidates = candidate_docs.len();
    if let Some(shard) = args.shard {
        candidate_docs.retain(|d| shard.contains(&d.id));
    }
    let top = (args.top > 0).then_some(args.top);
    // Keeping every row (`--top 0`) explains every posting: read them once.
    let every_posting = match (top, args.per) {
        (None, Per::Candidate) => Some(postings.all()?),
        _ => None,
    };

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

    let mut out = Output::create(args.output.as_deref())?;
    let mut csv = csv::Writer::from_writer(out.writer());
    csv.write_record(report::csv::RANK_COLUMNS)?;
    let mut rows_written = 0usize;
    match args.per {
        Per::Candidate => {
            for chunk in candidate_docs.chunks(CHUNK) {
                let rows: Vec<Vec<Vec<String>>> = chunk
                    .par_iter()
                    .map(|doc| -> anyhow::Result<Vec<Vec<String>>> {
                        let c = extract::candidate_of(&matcher, doc, &options);
                        let row = |r: &Ranked<'_>| {
                            report::csv::rank_row(&taxonomy, &c, r.posting, r.rank, &r.explanation)
                        };
                        Ok(match (top, &every_posting) {
                            (Some(k), _) => {
                                // Only the postings shown are read and explained.
                                let best = postings_index.top(&taxonomy, &c, k);
                                let shown = best
                                    .iter()
                                    .map(|&(_, p)| postings.get(p))
                                    .collect::<Result<Vec<_>, _>>()?;
                                let shown = shown.iter().map(|p| p.as_ref());
                                explain_top(&taxonomy, &weights, &c, &best, shown)
                                    .iter()
                                    .map(row)
                                    .collect()
                            }
                            (None, Some(all)) => rank_postings(&taxonomy, &c, all, &weights, None)
                                .iter()
                                .map(row)
                                .collect(),
                            // Not reached: `every_posting` is read when `top` is None.
                            (None, None) => Vec::new(),
                        })
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
            let keep = top.unwrap_or(usize::MAX);
            // Each posting's best candidates so far. A row is built only
            // for a pair still kept once its whole chunk has been offered.
            // Rows are kept as CSV records (one buffer each), not as
            // vectors of strings: `--top` rows for every posting add up.
            let mut best: Vec<TopK<Option<csv::StringRecord>>> =
                (0..postings.len()).map(|_| TopK::new(keep)).collect();
            for (chunk_no, chunk) in candidate_docs.chunks(CHUNK).enumerate() {
                let base = chunk_no * CHUNK;
                // 1. Every pair's score (no explanation yet).
                let scored: Vec<(Candidate, Vec<f64>)> = chunk
                    .par_iter()
                    .map(|doc| {
                        let c = extract::candidate_of(&matcher, doc, &options);
                        let profile = postings_index.profile(&taxonomy, &c);
                        let scores = (0..postings.len())
                            .map(|p| postings_index.score(&taxonomy, &profile, &c, p))
                            .collect();
                        (c, scores)
                    })
                    .collect();
                // 2. Offered posting by posting.
                best.par_iter_mut().enumerate().for_each(|(p, list)| {
                    for (i, (_, scores)) in scored.iter().enumerate() {
                        list.offer(scores[p], base + i, None);
                    }
                });
                // 3. The pairs of this chunk that were kept, explained,
                //    each posting read once.
                let kept: Vec<(usize, Vec<usize>)> = best
                    .iter_mut()
                    .enumerate()
                    .filter_map(|(p, list)| {
                        let new: Vec<usize> = list
                            .entries_mut()
                            .filter(|(_, _, row)| row.is_none())
                            .map(|(_, index, _)| index)
                            .collect();
                        (!new.is_empty()).then_some((p, new))
                    })
                    .collect();
                let rows: Vec<Vec<csv::StringRecord>> = kept
                    .par_iter()
                    .map(|(p, indexes)| -> anyhow::Result<Vec<csv::StringRecord>> {
                        let posting = postings.get(*p)?;
                        Ok(indexes
                            .iter()
                            .map(|&index| {
                                let c = &scored[index - base].0;
                                let e = explain(&taxonomy, &posting, c, &weights);
                                csv::StringRecord::from(report::csv::rank_row(
                                    &taxonomy, c, &posting, 0, &e,
                                ))
                            })
                            .collect())
                    })
                    .collect::<anyhow::Result<_>>()?;
                let kept = kept
                    .into_iter()
                    .flat_map(|(p, indexes)| indexes.into_iter().map(move |i| (p, i)));
                for ((p, index), row) in kept.zip(rows.into_iter().flatten()) {
                    if let Some(slot) = best[p]
                        .entries_mut()
                        .find(|&(_, i, _)| i == index)
                        .map(|(_, _, slot)| slot)
                    {
                        *slot = Some(row);
                    }
                }
                progress.inc(chunk.len() as u64);
            }
            for list in best {
                let rows = list.into_sorted().into_iter().filter_map(|(_, _, row)| row);
                for (i, row) in rows.enumerate() {
                    let rank = (i + 1).to_string();
                    csv.write_record(row.iter().enumerate().map(|(column, field)| {
                        if column == RANK_COLUMN {
                            rank.as_str()
                        } else {
                            field
                        }
                    }))?;
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
