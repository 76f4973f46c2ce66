//! Benchmarks of the foundation: taxonomy load + matcher build, normalization,
//! matching throughput, and posting and résumé extraction.
//!
//! The text is the sample postings and résumé under examples/, concatenated
//! and repeated to 1 MiB: real posting-like prose with bullets, headers, skill
//! lists and filler. Throughput is reported in bytes per second (one thread).
//!
//! Run: `cargo bench --bench matcher`.

use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use skillmatch::extract::dates::YearMonth;
use skillmatch::extract::posting::parse_postings;
use skillmatch::extract::resume::{parse_resume, ResumeOptions};
use skillmatch::extract::Matcher;
use skillmatch::normalize::{normalize, Normalized};
use skillmatch::taxonomy::Taxonomy;

mod common;
use common::corpus;

/// The allocator the binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn taxonomy() -> &'static Taxonomy {
    static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
    TAXONOMY.get_or_init(|| Taxonomy::embedded().expect("default taxonomy"))
}

fn matcher() -> &'static Matcher<'static> {
    static MATCHER: OnceLock<Matcher<'static>> = OnceLock::new();
    MATCHER.get_or_init(|| Matcher::new(taxonomy()).expect("matcher"))
}

/// Parse the embedded default taxonomy (all files).
#[divan::bench]
fn load_default_taxonomy() -> usize {
    Taxonomy::embedded().expect("default taxonomy").len()
}

/// Build the matcher (automaton, plurals, typo index) for the default taxonomy.
#[divan::bench]
fn build_matcher() -> usize {
    Matcher::new(taxonomy()).expect("matcher").pattern_count()
}

/// Parse the embedded default taxonomy and build its matcher: start-up cost.
#[divan::bench]
fn load_default_taxonomy_and_build_matcher() -> usize {
    let taxonomy = Taxonomy::embedded().expect("default taxonomy");
    let matcher = Matcher::new(&taxonomy).expect("matcher");
    matcher.pattern_count()
}

/// Normalize 1 MiB of posting text, keeping the offset map.
#[divan::bench]
fn normalize_with_offsets(bencher: Bencher<'_, '_>) {
    let text = corpus();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| Normalized::new(black_box(text)).text.len());
}

/// Normalize one short alias.
#[divan::bench]
fn normalize_alias() -> String {
    normalize(black_box(
        "Hybrid Transactional/Analytical Processing (HTAP)",
    ))
}

/// Find every skill mention in 1 MiB of posting text.
#[divan::bench]
fn find_mentions(bencher: Bencher<'_, '_>) {
    let text = corpus();
    let matcher = matcher();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| matcher.find(black_box(text)).len());
}

/// Parse one posting into requirements.
#[divan::bench]
fn extract_one_posting(bencher: Bencher<'_, '_>) {
    let text = include_str!("../examples/postings/platform-backend-engineer.txt");
    let matcher = matcher();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| parse_postings(matcher, "bench", black_box(text)).len());
}

/// Extract one résumé (dated roles, skills with years and evidence).
#[divan::bench]
fn extract_one_resume(bencher: Bencher<'_, '_>) {
    let text = include_str!("../examples/resumes/java-backend.txt");
    let matcher = matcher();
    let options = ResumeOptions {
        as_of: YearMonth::new(2026, 11).expect("a valid month"),
    };
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        parse_resume(matcher, "bench", black_box(text), &options)
            .skills
            .len()
    });
}
