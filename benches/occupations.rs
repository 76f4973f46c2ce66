//! Benchmarks of occupation recognition: loading the embedded set (parse +
//! index build) and recognising job titles, exact and head-noun matches
//! separately and mixed.
//!
//! The titles are messy ones of the kind postings and résumés carry
//! ("Sr. Accountant II", "Java Developer - Pune"); divan reports the time
//! per title (items per second). One thread.
//!
//! Run: `cargo bench --bench occupations`.

use std::sync::OnceLock;

use divan::counter::ItemsCount;
use divan::{black_box, Bencher};
use skillmatch::occupation::{MatchKind, Occupations};

/// The allocator the binary uses, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Titles of every shape: exact labels, cleaned titles, head-noun matches,
/// alternatives in parentheses and after slashes, and unknown words.
const TITLES: &[&str] = &[
    "Sr. Accountant II",
    "Java Developer - Pune",
    "Nurse (BSc)",
    "Radiographer (Radiology Technologist)",
    "General Practitioner",
    "Civics Teacher",
    "Junior Accountant",
    "Mechanic II- Light Vehicle",
    "Industrial Electrician",
    "Motorbike Drivers",
    "Procurement Department Manager",
    "Sales Representative",
    "Site Engineer",
    "HR Officer",
    "Cashier",
    "Security Guard",
    "Store Keeper",
    "Pharmacist",
    "Midwife",
    "Software Engineer",
    "Data Analyst",
    "Waiter/Waitress",
    "Senior Civil Site Engineer",
    "Monitoring and Evaluation Project Officer",
    "Customer Relationship Officer( Interest Free Banking)",
    "Head of Marketing",
    "Export Division Head",
    "Lead Backend Engineer (m/f/d) | Berlin",
    "Nutrition Officer",
    "Qwxz Blorp",
];

fn main() {
    divan::main();
}

fn occupations() -> &'static Occupations {
    static OCCUPATIONS: OnceLock<Occupations> = OnceLock::new();
    OCCUPATIONS.get_or_init(|| Occupations::embedded().expect("embedded occupations"))
}

/// The titles whose best match is (or is not) exact.
fn titles_where(exact: bool) -> Vec<&'static str> {
    let o = occupations();
    TITLES
        .iter()
        .copied()
        .filter(|t| {
            let head = o
                .recognise(t)
                .first()
                .is_none_or(|m| m.kind == MatchKind::Head);
            head != exact
        })
        .collect()
}

#[divan::bench(sample_count = 20)]
fn load_embedded() -> Occupations {
    Occupations::embedded().expect("embedded occupations")
}

#[divan::bench]
fn recognise_mixed(bencher: Bencher<'_, '_>) {
    let o = occupations();
    bencher.counter(ItemsCount::new(TITLES.len())).bench(|| {
        for t in TITLES {
            black_box(o.recognise(black_box(t)));
        }
    });
}

#[divan::bench]
fn recognise_exact(bencher: Bencher<'_, '_>) {
    let o = occupations();
    let titles = titles_where(true);
    bencher.counter(ItemsCount::new(titles.len())).bench(|| {
        for t in &titles {
            black_box(o.recognise(black_box(t)));
        }
    });
}

#[divan::bench]
fn recognise_head(bencher: Bencher<'_, '_>) {
    let o = occupations();
    let titles = titles_where(false);
    bencher.counter(ItemsCount::new(titles.len())).bench(|| {
        for t in &titles {
            black_box(o.recognise(black_box(t)));
        }
    });
}
