//! Benchmarks of candidate retrieval at scale: one résumé against 100,000
//! extracted postings, top 10, with [`PostingIndex`] (the path `score` and
//! `rank` take), next to explaining every posting as before it.
//!
//! The postings and résumés are the generated corpus (`examples/gen_corpus.rs`,
//! seed 7, included as a module so the bench ranks the very documents the
//! whole-command runs in BENCHMARKS.md use). Generating and extracting the
//! 100,000 postings happens once, before the first measurement (about 10 s
//! on two cores). Each iteration ranks the next of 16 résumés of different
//! role families, so the figures are a mix over families.
//!
//! Run: `cargo bench --bench retrieval`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use divan::{black_box, Bencher};
use rayon::prelude::*;
use skillmatch::explain::explain;
use skillmatch::extract::dates::YearMonth;
use skillmatch::extract::posting::{parse_postings, Posting};
use skillmatch::extract::resume::{parse_resume, Candidate, ResumeOptions};
use skillmatch::extract::Matcher;
use skillmatch::rank::Ranker;
use skillmatch::score::{PostingIndex, Weights};
use skillmatch::taxonomy::Taxonomy;

// Its command-line half and its tests' imports go unused here.
#[path = "../examples/gen_corpus.rs"]
#[allow(dead_code, unused_imports)]
mod gen_corpus;

/// The allocator the binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// Postings ranked against.
const POSTINGS: usize = 100_000;

/// Résumés the iterations cycle through.
const RESUMES: usize = 16;

/// The seed of the corpus in BENCHMARKS.md.
const SEED: u64 = 7;

fn taxonomy() -> &'static Taxonomy {
    static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
    TAXONOMY.get_or_init(|| Taxonomy::embedded().expect("default taxonomy"))
}

fn matcher() -> &'static Matcher<'static> {
    static MATCHER: OnceLock<Matcher<'static>> = OnceLock::new();
    MATCHER.get_or_init(|| Matcher::new(taxonomy()).expect("matcher"))
}

fn catalog() -> &'static gen_corpus::Catalog {
    static CATALOG: OnceLock<gen_corpus::Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| gen_corpus::Catalog::new(taxonomy()).expect("catalog"))
}

/// The generated postings, extracted in parallel, without mentions (as
/// `rank` keeps them).
fn postings() -> &'static [Posting] {
    static SET: OnceLock<Vec<Posting>> = OnceLock::new();
    SET.get_or_init(|| {
        let per_doc: Vec<Vec<Posting>> = (0..POSTINGS)
            .into_par_iter()
            .map(|i| {
                let doc = catalog().posting(SEED, i);
                let mut ps = parse_postings(matcher(), &doc.id, &doc.text);
                for p in &mut ps {
                    p.mentions = Vec::new();
                }
                ps
            })
            .collect();
        per_doc.into_iter().flatten().collect()
    })
}

fn candidates() -> &'static [Candidate] {
    static SET: OnceLock<Vec<Candidate>> = OnceLock::new();
    SET.get_or_init(|| {
        let options = ResumeOptions {
            as_of: YearMonth::new(2026, 11).expect("month"),
        };
        (0..RESUMES)
            .map(|i| {
                let doc = catalog().resume(SEED, i);
                parse_resume(matcher(), &doc.id, &doc.text, &options)
            })
            .collect()
    })
}

fn ranker() -> &'static Ranker<'static, [Posting]> {
    static RANKER: OnceLock<Ranker<'static, [Posting]>> = OnceLock::new();
    RANKER.get_or_init(|| Ranker::new(taxonomy(), postings(), &Weights::default()))
}

/// The next résumé of the cycle.
fn next_candidate() -> &'static Candidate {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let all = candidates();
    &all[NEXT.fetch_add(1, Ordering::Relaxed) % all.len()]
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("pool")
}

/// Build the index of 100,000 extracted postings (inverted lists, ceilings).
#[divan::bench(sample_count = 10)]
fn build_index_100k(bencher: Bencher<'_, '_>) {
    let all = postings();
    bencher.bench(|| PostingIndex::new(taxonomy(), black_box(all), &Weights::default()).len());
}

/// One résumé's top 10 of 100,000 postings, explained, on `threads` threads.
#[divan::bench(args = [1, 2], sample_count = 32)]
fn top10_of_100k_indexed(bencher: Bencher<'_, '_>, threads: usize) {
    let (ranker, pool) = (ranker(), pool(threads));
    bencher.bench(|| {
        pool.install(|| {
            let candidate = next_candidate();
            let shortlist = ranker.rank(black_box(candidate), Some(10)).unwrap();
            shortlist
                .explain(taxonomy(), candidate, ranker.weights())
                .len()
        })
    });
}

/// The same by explaining all 100,000 postings and sorting (the path
/// before the index).
#[divan::bench(args = [2], sample_count = 4)]
fn top10_of_100k_explain_all(bencher: Bencher<'_, '_>, threads: usize) {
    let (all, pool) = (postings(), pool(threads));
    let weights = Weights::default();
    bencher.bench(|| {
        pool.install(|| {
            let candidate = next_candidate();
            let mut scores: Vec<(f64, usize)> = black_box(all)
                .par_iter()
                .enumerate()
                .map(|(i, p)| (explain(taxonomy(), p, candidate, &weights).score, i))
                .collect();
            scores.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            scores.truncate(10);
            scores.len()
        })
    });
}
