//! Benchmarks of imported taxonomies at full scale: the whole ESCO import
//! (about 14,400 skills and 84,000 aliases) and the O*NET technology import.
//!
//! The imports are made in-process from `../shared/data` (the development
//! data next to the repository) with the same code as `skillmatch taxonomy
//! import`; without that folder the benchmarks say so and do nothing.
//!
//! Measured: building the taxonomy from the imported TOML (parse and
//! validate), building its matcher, both together (what `--taxonomy DIR`
//! costs at start-up), and matching throughput on 1 MiB of posting and
//! résumé text, with ESCO alone and with the default taxonomy plus ESCO.
//!
//! Also measured: reading each back from its prepared file
//! ([`skillmatch::prepared`], what later runs of the command-line tool
//! do), from bytes in memory and from a file.
//!
//! Run: `cargo bench --bench imported`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use skillmatch::extract::Matcher;
use skillmatch::prepared::Prepared;
use skillmatch::taxonomy::import::{esco, onet};
use skillmatch::taxonomy::{Source, Taxonomy, TaxonomyBuilder};

mod common;
use common::corpus;

const DATA: &str = "../shared/data";

/// The allocator the binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    if !Path::new(DATA).join("esco").is_dir() || !Path::new(DATA).join("onet").is_dir() {
        println!("imported: skipped: {DATA}/esco and {DATA}/onet are not present");
        return;
    }
    divan::main();
}

fn files_in(dir: &str, extensions: &[&str]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(Path::new(DATA).join(dir))
        .expect("data folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|x| extensions.iter().any(|e| x == *e))
        })
        .collect();
    files.sort();
    files
}

fn sources_of(import: skillmatch::taxonomy::import::Import) -> Vec<Source> {
    import
        .render()
        .files
        .into_iter()
        .map(|f| Source::new(f.name, f.text))
        .collect()
}

fn esco_sources() -> &'static [Source] {
    static SOURCES: OnceLock<Vec<Source>> = OnceLock::new();
    SOURCES.get_or_init(|| {
        sources_of(esco::import(&files_in("esco", &["csv", "json"])).expect("ESCO import"))
    })
}

fn onet_sources() -> &'static [Source] {
    static SOURCES: OnceLock<Vec<Source>> = OnceLock::new();
    SOURCES.get_or_init(|| {
        sources_of(onet::import(&files_in("onet", &["tsv"])).expect("O*NET import"))
    })
}

/// The sources of `sources`, after the default taxonomy's when
/// `with_default`.
fn builder_of(sources: &[Source], with_default: bool) -> TaxonomyBuilder {
    let mut builder = if with_default {
        TaxonomyBuilder::new().with_embedded()
    } else {
        TaxonomyBuilder::new()
    };
    for s in sources {
        builder.add_source(s.clone());
    }
    builder
}

fn build(sources: &[Source], with_default: bool) -> Taxonomy {
    builder_of(sources, with_default)
        .build()
        .expect("imported taxonomy builds")
}

fn esco_taxonomy() -> &'static Taxonomy {
    static T: OnceLock<Taxonomy> = OnceLock::new();
    T.get_or_init(|| build(esco_sources(), false))
}

fn default_and_esco_taxonomy() -> &'static Taxonomy {
    static T: OnceLock<Taxonomy> = OnceLock::new();
    T.get_or_init(|| build(esco_sources(), true))
}

/// Parse and validate the ESCO import's TOML (no matcher).
#[divan::bench]
fn esco_load() -> usize {
    build(esco_sources(), false).len()
}

/// Build the matcher of the ESCO import.
#[divan::bench]
fn esco_build_matcher() -> usize {
    Matcher::new(esco_taxonomy())
        .expect("matcher")
        .pattern_count()
}

/// Load the ESCO import and build its matcher: the start-up cost of `--taxonomy DIR`.
#[divan::bench]
fn esco_load_and_build_matcher() -> usize {
    let taxonomy = build(esco_sources(), false);
    let matcher = Matcher::new(&taxonomy).expect("matcher");
    matcher.pattern_count()
}

/// Load the default taxonomy plus the ESCO import and build the matcher.
#[divan::bench]
fn default_and_esco_load_and_build_matcher() -> usize {
    let taxonomy = build(esco_sources(), true);
    let matcher = Matcher::new(&taxonomy).expect("matcher");
    matcher.pattern_count()
}

/// Load the O*NET technology import and build its matcher.
#[divan::bench]
fn onet_load_and_build_matcher() -> usize {
    let taxonomy = build(onet_sources(), false);
    let matcher = Matcher::new(&taxonomy).expect("matcher");
    matcher.pattern_count()
}

/// Find mentions in 1 MiB of posting and résumé text with the ESCO import alone.
#[divan::bench]
fn esco_find_mentions(bencher: Bencher<'_, '_>) {
    let matcher = Matcher::new(esco_taxonomy()).expect("matcher");
    let text = corpus();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| matcher.find(black_box(text)).len());
}

/// Find mentions in 1 MiB of text with the default taxonomy plus ESCO.
#[divan::bench]
fn default_and_esco_find_mentions(bencher: Bencher<'_, '_>) {
    let matcher = Matcher::new(default_and_esco_taxonomy()).expect("matcher");
    let text = corpus();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench(|| matcher.find(black_box(text)).len());
}

/// The prepared file of `sources` (after the default taxonomy when
/// `with_default`), as bytes.
fn prepared_bytes(sources: &[Source], with_default: bool) -> Vec<u8> {
    Prepared::build(&builder_of(sources, with_default))
        .expect("builds")
        .to_bytes()
}

/// Decodes and checks a prepared taxonomy and makes its matcher.
fn read_back(bytes: &[u8], fingerprint: u64) -> usize {
    let prepared = Prepared::from_bytes("bench", bytes, fingerprint)
        .expect("not damaged")
        .expect("not stale");
    prepared.matcher().pattern_count()
}

/// The fingerprint recorded in prepared `bytes` (after the magic and the
/// format and build numbers).
fn fingerprint_of(bytes: &[u8]) -> u64 {
    let at = skillmatch::prepared::MAGIC.len() + 12;
    let mut eight = [0u8; 8];
    eight.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(eight)
}

/// Read the ESCO import back from its prepared form in memory.
#[divan::bench]
fn esco_read_prepared(bencher: Bencher<'_, '_>) {
    let bytes = prepared_bytes(esco_sources(), false);
    let fingerprint = fingerprint_of(&bytes);
    bencher.bench(|| read_back(black_box(&bytes), fingerprint));
}

/// Read the default taxonomy plus the ESCO import back from its prepared
/// file (the file read included, from the page cache).
#[divan::bench]
fn default_and_esco_read_prepared_file(bencher: Bencher<'_, '_>) {
    let bytes = prepared_bytes(esco_sources(), true);
    let fingerprint = fingerprint_of(&bytes);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("prepared.bin");
    std::fs::write(&path, &bytes).expect("write");
    bencher.bench(|| {
        Prepared::read(black_box(&path), fingerprint)
            .expect("not damaged")
            .expect("not stale")
            .taxonomy()
            .len()
    });
}

/// Read the default taxonomy back from its prepared form in memory.
#[divan::bench]
fn default_read_prepared(bencher: Bencher<'_, '_>) {
    let bytes = prepared_bytes(&[], true);
    let fingerprint = fingerprint_of(&bytes);
    bencher.bench(|| read_back(black_box(&bytes), fingerprint));
}
