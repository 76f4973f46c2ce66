//! Benchmarks of scoring: one résumé against one posting, and one résumé
//! ranked against many postings (one thread and all threads).
//!
//! Inputs are the example postings and résumés under examples/; the "many
//! postings" set is the five example postings repeated to 1,000 (each copy
//! its own posting). Extraction is done once, outside the measured code.
//!
//! Run: `cargo bench --bench scoring`.

use std::sync::OnceLock;

use divan::{black_box, Bencher};
use skillmatch::explain::explain;
use skillmatch::extract::dates::YearMonth;
use skillmatch::extract::posting::{parse_postings, Posting};
use skillmatch::extract::resume::{parse_resume, Candidate, ResumeOptions};
use skillmatch::extract::Matcher;
use skillmatch::rank::Ranker;
use skillmatch::score::Weights;
use skillmatch::taxonomy::Taxonomy;

/// The allocator the binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// Postings in the "many postings" set.
const POSTINGS: usize = 1_000;

const POSTING_TEXTS: &[&str] = &[
    include_str!("../examples/postings/platform-backend-engineer.txt"),
    include_str!("../examples/postings/data-engineer.txt"),
    include_str!("../examples/postings/site-reliability-engineer.txt"),
    include_str!("../examples/postings/frontend-engineer.md"),
    include_str!("../examples/postings/graduate-software-engineer.txt"),
];

fn taxonomy() -> &'static Taxonomy {
    static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
    TAXONOMY.get_or_init(|| Taxonomy::embedded().expect("default taxonomy"))
}

fn matcher() -> &'static Matcher<'static> {
    static MATCHER: OnceLock<Matcher<'static>> = OnceLock::new();
    MATCHER.get_or_init(|| Matcher::new(taxonomy()).expect("matcher"))
}

fn candidate() -> &'static Candidate {
    static CANDIDATE: OnceLock<Candidate> = OnceLock::new();
    CANDIDATE.get_or_init(|| {
        let options = ResumeOptions {
            as_of: YearMonth::new(2026, 11).expect("month"),
        };
        parse_resume(
            matcher(),
            "java-backend.txt",
            include_str!("../examples/resumes/java-backend.txt"),
            &options,
        )
    })
}

fn postings() -> &'static [Posting] {
    static POSTINGS_SET: OnceLock<Vec<Posting>> = OnceLock::new();
    POSTINGS_SET.get_or_init(|| {
        (0..POSTINGS)
            .flat_map(|i| {
                let text = POSTING_TEXTS[i % POSTING_TEXTS.len()];
                parse_postings(matcher(), &format!("p{i}"), text)
            })
            .collect()
    })
}

/// Explain one résumé against one posting (the records and the score).
#[divan::bench]
fn explain_one_pair(bencher: Bencher<'_, '_>) {
    let (posting, candidate) = (&postings()[0], candidate());
    let weights = Weights::default();
    bencher.bench(|| {
        explain(
            taxonomy(),
            black_box(posting),
            black_box(candidate),
            &weights,
        )
        .score
    });
}

/// Rank 1,000 postings for one résumé, top 10, on `threads` threads.
#[divan::bench(args = [1, 2])]
fn rank_one_candidate_1000_postings(bencher: Bencher<'_, '_>, threads: usize) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("pool");
    let (all, candidate) = (postings(), candidate());
    let ranker = Ranker::new(taxonomy(), all, &Weights::default());
    bencher.bench(|| {
        pool.install(|| {
            let shortlist = ranker
                .rank(black_box(candidate), Some(10))
                .expect("in memory");
            shortlist
                .explain(taxonomy(), candidate, ranker.weights())
                .len()
        })
    });
}

/// The suggestions for one résumé across 1,000 postings, on all threads.
#[divan::bench]
fn suggestions_1000_postings(bencher: Bencher<'_, '_>) {
    let (all, candidate) = (postings(), candidate());
    let ranker = Ranker::new(taxonomy(), all, &Weights::default());
    bencher.bench(|| ranker.suggestions(black_box(candidate)).len());
}
