//! Generates a deterministic corpus of job postings and résumés from the
//! default taxonomy, with the generator's own relevance judgements, for
//! benchmarks and end-to-end checks.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --postings 100000 --resumes 1000 --seed 7 OUT
//! ```
//!
//! writes
//!
//! * `OUT/postings/<id>.txt|.md`: one posting per file;
//! * `OUT/resumes/<id>.txt`: one résumé per file;
//! * `OUT/postings.csv` (`id,title,company,location,text`) and
//!   `OUT/candidates.csv` (`id,name,text`), the batch formats of `score` and
//!   `rank`, with the same ids as the file stems so results can be joined;
//! * `OUT/truth.csv` (`id,kind,family,stack,layout,skills`): what each
//!   document was made from. A posting's `skills` are its required skill
//!   requirements in order, `;` between requirements and `|` between the
//!   alternatives of one ("java|kotlin;spring-boot;postgresql"); a résumé's
//!   are every skill its text names, sorted;
//! * `OUT/qrels.csv` (`candidate_id,posting_id,grade`): every relevant
//!   pair with its grade (1 or 2), by the rule of [`grade`].
//!
//! Each document belongs to a role family (backend, data, machine learning,
//! frontend, devops, sales, finance, healthcare, teaching) whose id is the
//! suffix of the document id (`p000042-backend`, `r0007-data`), and within
//! it to a stack: a language and its framework, a discipline and its main
//! tool. Skills come from the embedded taxonomy: a family names its stacks
//! and groups of interchangeable skill ids (databases; clouds), and its
//! taxonomy roots supply the extra "nice to have" skills; every skill is
//! written in one of its forms that counts without evidence of its sense
//! (never a bare "Go" or "React").
//!
//! The family alone does not make a posting relevant, and words alone do
//! not find it:
//!
//! * near misses: a family's postings are on different stacks (Java and
//!   Spring Boot, Python and Django, Go and gRPC), and relevance asks for
//!   the posting's stack and most of its required skills;
//! * shared vocabulary: employers come from sectors (software, commerce,
//!   finance, healthcare, education) that hire outside their own trade
//!   (a hospital hiring a data engineer, a software company an accountant),
//!   with the same company names, blurbs, benefits, team-player lines and
//!   title words ("Engineer", "Analyst", "Specialist") across families;
//! * flattened postings: [`FLAT_PERCENT`] are a title and one paragraph, as
//!   job boards export them;
//! * noisy résumés: [`NOISY_PERCENT`] are a name and a skills list in any
//!   order, without dates, some skills misspelt.
//!
//! Invariant: the output depends only on the arguments. Every document has
//! its own PRNG (splitmix64) seeded from `--seed`, its kind and its index, so
//! neither the thread count nor the chunking changes a byte; taxonomy-derived
//! lists are sorted by skill id, and no hash map is iterated.
//!
//! `benches/retrieval.rs` includes this file as a module to rank against
//! the same postings in memory, hence the few `pub(crate)` items.
//!
//! Exit codes: 0 success, 2 error (bad arguments, a non-empty OUT without
//! `--force`, an unwritable file).

use std::fmt::Write as _;
use std::fs;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context as _};
use clap::Parser;
use rayon::prelude::*;
use skillmatch::normalize::normalize;
use skillmatch::taxonomy::{SkillId, Taxonomy};

/// Documents generated (in parallel) and written per step: bounds memory.
const CHUNK: usize = 2_000;

/// The month résumé dates are anchored to: roles end no later than this, so
/// the corpus does not depend on the day it is generated.
const ANCHOR: (i32, u32) = (2025, 6);

/// Percent of mentions written with an alias instead of the preferred form.
const ALIAS_PERCENT: u32 = 15;

/// Percent of postings written as a title and one paragraph, with no line
/// structure, the way job boards export them.
const FLAT_PERCENT: u32 = 30;

/// Percent of résumés that are a skills list only: no dates, no roles,
/// the skills in any order, some misspelt.
const NOISY_PERCENT: u32 = 25;

/// Percent of a noisy résumé's skill mentions written with a typo (one
/// edit in a word of at least [`TYPO_MIN_LETTERS`] letters); at least one
/// skill is always spelt right.
const TYPO_PERCENT: u32 = 30;

/// Shortest word a typo is made in: shorter ones would read as other words.
const TYPO_MIN_LETTERS: usize = 5;

/// Percent of employers from the family's own sector (a hospital for a
/// nurse); the others come from the sectors the family also works in.
const OWN_SECTOR_PERCENT: u32 = 65;

/// Percent of résumés that also hold a second stack of their family
/// (a Java developer who has done Go; a teacher trained in special needs).
const SECOND_STACK_PERCENT: u32 = 20;

/// Percent of postings, in families with stack titles, titled after their
/// stack ("Django Developer").
const STACK_TITLE_PERCENT: u32 = 30;

/// Grade 1 (partial match) of [`grade`]: every stack requirement met and
/// at least this share (numerator, denominator) of the posting's required
/// skill requirements.
const PARTIAL_SHARE: (usize, usize) = (1, 2);

/// Grade 2 (strong match) of [`grade`]: every stack requirement met and at
/// least this share of the required skill requirements.
const STRONG_SHARE: (usize, usize) = (2, 3);

/// Generate job postings and résumés built from the default taxonomy.
#[derive(Debug, Parser)]
#[command(
    name = "gen_corpus",
    after_help = "Exit codes: 0 success, 2 error (bad arguments, non-empty OUT without --force, I/O)."
)]
struct Args {
    /// Number of job postings.
    #[arg(long, default_value_t = 1_000)]
    postings: usize,
    /// Number of résumés.
    #[arg(long, default_value_t = 100)]
    resumes: usize,
    /// Seed of the generator: the same seed gives the same bytes.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Write into a non-empty OUT: first removes OUT/postings, OUT/resumes,
    /// OUT/postings.csv, OUT/candidates.csv, OUT/truth.csv and OUT/qrels.csv.
    #[arg(long)]
    force: bool,
    /// Output directory (created when missing; must be empty without --force).
    out: PathBuf,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("gen_corpus: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> anyhow::Result<()> {
    let started = Instant::now();
    let taxonomy = Taxonomy::embedded().context("loading the embedded taxonomy")?;
    let catalog = Catalog::new(&taxonomy)?;
    prepare_out(&args.out, args.force)?;
    let posting_dir = args.out.join("postings");
    let resume_dir = args.out.join("resumes");
    for dir in [&posting_dir, &resume_dir] {
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let (mut bytes, postings) = write_batch(
        &args.out.join("postings.csv"),
        &posting_dir,
        &["id", "title", "company", "location", "text"],
        args.postings,
        |i| catalog.posting(args.seed, i),
    )?;
    let (resume_bytes, resumes) = write_batch(
        &args.out.join("candidates.csv"),
        &resume_dir,
        &["id", "name", "text"],
        args.resumes,
        |i| catalog.resume(args.seed, i),
    )?;
    bytes += resume_bytes;
    let truth_path = args.out.join("truth.csv");
    write_truth(&truth_path, &catalog, &postings, &resumes)
        .with_context(|| format!("writing {}", truth_path.display()))?;
    let qrels = qrels(&postings, &resumes);
    let qrels_path = args.out.join("qrels.csv");
    write_qrels(&qrels_path, &postings, &resumes, &qrels)
        .with_context(|| format!("writing {}", qrels_path.display()))?;
    let strong = qrels.iter().filter(|q| q.grade == 2).count();
    eprintln!(
        "gen_corpus: wrote {} postings and {} résumés to {} ({:.1} MB), {} relevant pairs ({strong} of grade 2), in {:.2} s",
        args.postings,
        args.resumes,
        args.out.display(),
        bytes as f64 / 1e6,
        qrels.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Creates `out`, or checks that it is empty; with `force`, removes what a
/// previous run wrote there (and nothing else).
fn prepare_out(out: &Path, force: bool) -> anyhow::Result<()> {
    if out.exists() {
        if !out.is_dir() {
            bail!("{} exists and is not a directory", out.display());
        }
        let non_empty = fs::read_dir(out)
            .with_context(|| format!("reading {}", out.display()))?
            .next()
            .is_some();
        if non_empty && !force {
            bail!(
                "{} is not empty; choose another directory or pass --force to replace its postings/, resumes/ and CSV files",
                out.display()
            );
        }
        for dir in ["postings", "resumes"] {
            let path = out.join(dir);
            if path.is_dir() {
                fs::remove_dir_all(&path)
                    .with_context(|| format!("removing {}", path.display()))?;
            }
        }
        for file in ["postings.csv", "candidates.csv", "truth.csv", "qrels.csv"] {
            let path = out.join(file);
            if path.is_file() {
                fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
            }
        }
    }
    fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))
}

/// Generates `count` documents chunk by chunk, writes each to its own file
/// in `dir` and as one row of the CSV at `csv_path`; returns bytes written
/// and each document's id and truth, in order.
fn write_batch(
    csv_path: &Path,
    dir: &Path,
    header: &[&str],
    count: usize,
    generate: impl Fn(usize) -> Doc + Sync,
) -> anyhow::Result<(u64, Vec<Judged>)> {
    let file =
        fs::File::create(csv_path).with_context(|| format!("creating {}", csv_path.display()))?;
    let mut csv = csv::Writer::from_writer(BufWriter::with_capacity(1 << 20, file));
    csv.write_record(header)
        .with_context(|| format!("writing {}", csv_path.display()))?;
    let mut file_bytes = 0u64;
    let mut truths = Vec::with_capacity(count);
    for start in (0..count).step_by(CHUNK) {
        let docs: Vec<Doc> = (start..count.min(start + CHUNK))
            .into_par_iter()
            .map(&generate)
            .collect();
        let (files, rows) = rayon::join(
            || -> anyhow::Result<u64> {
                docs.par_iter()
                    .map(|doc| {
                        let path = dir.join(format!("{}.{}", doc.id, doc.ext));
                        fs::write(&path, &doc.text)
                            .with_context(|| format!("writing {}", path.display()))?;
                        Ok(doc.text.len() as u64)
                    })
                    .sum()
            },
            || -> anyhow::Result<()> {
                for doc in &docs {
                    csv.write_record(doc.record())
                        .with_context(|| format!("writing {}", csv_path.display()))?;
                }
                Ok(())
            },
        );
        file_bytes += files?;
        rows?;
        truths.extend(docs.into_iter().map(|doc| Judged {
            id: doc.id,
            truth: doc.truth,
        }));
    }
    let mut inner = csv
        .into_inner()
        .map_err(|e| anyhow::anyhow!("writing {}: {}", csv_path.display(), e.error()))?;
    inner
        .flush()
        .with_context(|| format!("writing {}", csv_path.display()))?;
    let csv_bytes = fs::metadata(csv_path)
        .with_context(|| format!("reading {}", csv_path.display()))?
        .len();
    Ok((file_bytes + csv_bytes, truths))
}

/// One generated posting or résumé.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Doc {
    /// The id: the file stem and the CSV `id`.
    pub(crate) id: String,
    /// File extension: `txt` or `md`.
    ext: &'static str,
    /// CSV fields after the id: title, company, location (postings) or name
    /// (résumés).
    fields: Vec<String>,
    /// The document's text, as written to its file and to the CSV.
    pub(crate) text: String,
    /// What the document was made from.
    pub(crate) truth: Truth,
}

impl Doc {
    fn record(&self) -> Vec<&str> {
        std::iter::once(self.id.as_str())
            .chain(self.fields.iter().map(String::as_str))
            .chain(std::iter::once(self.text.as_str()))
            .collect()
    }
}

/// How a document is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// A posting in lines: headings, bullets, paragraphs.
    Lines,
    /// A posting in Markdown.
    Markdown,
    /// A posting as a title and one paragraph.
    Flat,
    /// A résumé with a summary, skills, dated roles and education.
    Full,
    /// A résumé that is a skills list only, some skills misspelt.
    Noisy,
}

impl Layout {
    fn name(self) -> &'static str {
        match self {
            Layout::Lines => "lines",
            Layout::Markdown => "markdown",
            Layout::Flat => "flat",
            Layout::Full => "full",
            Layout::Noisy => "noisy",
        }
    }
}

/// The generator's knowledge of one document: what relevance is judged on.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Truth {
    /// Index of the role family in [`FAMILIES`].
    family: usize,
    /// Index of the document's (first) stack in its family's stacks.
    stack: usize,
    layout: Layout,
    /// A posting's required skill requirements, each the sorted skills any
    /// one of which meets it; the first `core` are its stack's. Soft-skill
    /// and education lines are not among them. Empty for a résumé.
    required: Vec<Vec<SkillId>>,
    /// How many of `required` come from the posting's stack.
    core: usize,
    /// A résumé's skills: every skill its text names (misspelt or not),
    /// sorted. Empty for a posting.
    held: Vec<SkillId>,
    /// The skills a résumé answers for: `held` and every skill they are a
    /// kind of in the taxonomy (Critical Care Nursing answers for
    /// Nursing), sorted. Empty for a posting.
    answers: Vec<SkillId>,
}

/// A document's id and truth, kept after its text is written.
pub(crate) struct Judged {
    id: String,
    truth: Truth,
}

/// The relevance of a posting to a résumé, from the generator's truth:
///
/// * 0 when the families differ, or when the résumé misses a requirement
///   of the posting's stack (its language or discipline, its framework or
///   main tool);
/// * 2 (strong) when it also meets at least [`STRONG_SHARE`] of the
///   posting's required skill requirements, stack ones included;
/// * 1 (partial) when it meets at least [`PARTIAL_SHARE`] of them;
/// * 0 otherwise.
///
/// A requirement is met when the résumé holds one of its alternatives
/// ("Java or Kotlin" is met by either) or a kind of one in the taxonomy's
/// is-a hierarchy (Critical Care Nursing meets Nursing, Next.js meets
/// React: the generator writes specialists as having the general skill); a
/// list ("PostgreSQL, Redis and Kafka") is one requirement per skill.
/// Related skills (Vue.js for React) and more general ones (Nursing for
/// Critical Care Nursing) never meet a requirement, nor does a skill the
/// résumé does not name: the rule is the generator's intent, not a
/// matcher's reading of the text.
pub(crate) fn grade(posting: &Truth, resume: &Truth) -> u8 {
    if posting.family != resume.family || posting.required.is_empty() {
        return 0;
    }
    let met = |alternatives: &Vec<SkillId>| {
        alternatives
            .iter()
            .any(|s| resume.answers.binary_search(s).is_ok())
    };
    let core_met = posting.required[..posting.core].iter().all(met);
    let total = posting.required.len();
    let count = posting.required.iter().filter(|r| met(r)).count();
    let at_least = |(num, den): (usize, usize)| count * den >= total * num;
    if !core_met {
        0
    } else if at_least(STRONG_SHARE) {
        2
    } else if at_least(PARTIAL_SHARE) {
        1
    } else {
        0
    }
}

/// One relevant pair: indices into the résumés and postings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Qrel {
    resume: usize,
    posting: usize,
    grade: u8,
}

/// Every pair of grade 1 or more, by résumé, then posting, in input order.
fn qrels(postings: &[Judged], resumes: &[Judged]) -> Vec<Qrel> {
    let mut by_family: Vec<Vec<usize>> = vec![Vec::new(); FAMILIES.len()];
    for (i, p) in postings.iter().enumerate() {
        by_family[p.truth.family].push(i);
    }
    resumes
        .par_iter()
        .enumerate()
        .map(|(r, resume)| {
            by_family[resume.truth.family]
                .iter()
                .filter_map(|&p| {
                    let grade = grade(&postings[p].truth, &resume.truth);
                    (grade > 0).then_some(Qrel {
                        resume: r,
                        posting: p,
                        grade,
                    })
                })
                .collect::<Vec<_>>()
        })
        .flatten_iter()
        .collect()
}

/// `OUT/truth.csv`: postings, then résumés.
fn write_truth(
    path: &Path,
    catalog: &Catalog,
    postings: &[Judged],
    resumes: &[Judged],
) -> anyhow::Result<()> {
    let file = fs::File::create(path)?;
    let mut csv = csv::Writer::from_writer(BufWriter::with_capacity(1 << 20, file));
    csv.write_record(["id", "kind", "family", "stack", "layout", "skills"])?;
    for (kind, docs) in [("posting", postings), ("resume", resumes)] {
        for doc in docs {
            let t = &doc.truth;
            let fam = &catalog.families[t.family];
            let stack = fam.spec.stacks[t.stack].join("+");
            let skills = if kind == "posting" {
                t.required
                    .iter()
                    .map(|alts| catalog.ids(alts, "|"))
                    .collect::<Vec<_>>()
                    .join(";")
            } else {
                catalog.ids(&t.held, ";")
            };
            csv.write_record([
                doc.id.as_str(),
                kind,
                fam.spec.key,
                &stack,
                t.layout.name(),
                &skills,
            ])?;
        }
    }
    csv.into_inner().map_err(|e| e.into_error())?.flush()?;
    Ok(())
}

/// `OUT/qrels.csv`: `candidate_id,posting_id,grade`.
fn write_qrels(
    path: &Path,
    postings: &[Judged],
    resumes: &[Judged],
    qrels: &[Qrel],
) -> anyhow::Result<()> {
    let file = fs::File::create(path)?;
    let mut csv = csv::Writer::from_writer(BufWriter::with_capacity(1 << 20, file));
    csv.write_record(["candidate_id", "posting_id", "grade"])?;
    for q in qrels {
        csv.write_record([
            resumes[q.resume].id.as_str(),
            postings[q.posting].id.as_str(),
            &q.grade.to_string(),
        ])?;
    }
    csv.into_inner().map_err(|e| e.into_error())?.flush()?;
    Ok(())
}

/// splitmix64: tiny, fast, and the same sequence on every platform.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    /// A generator for document `index` of `kind` under `seed`: documents
    /// do not depend on each other, so they can be made in any order.
    fn for_doc(seed: u64, kind: u64, index: usize) -> Rng {
        let mut rng = Rng(seed ^ kind.wrapping_mul(0xA076_1D64_78BD_642F));
        let mixed = rng.next_u64() ^ (index as u64).wrapping_mul(0xE703_7ED1_A0B4_28DB);
        Rng(mixed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`), without modulo bias worth noticing.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }

    /// Between `lo` and `hi` distinct items.
    fn sample_between<T: Copy>(&mut self, items: &[T], lo: usize, hi: usize) -> Vec<T> {
        let k = self.range(lo, hi);
        self.sample(items, k)
    }

    /// `k` distinct items (fewer when there are fewer), in random order.
    fn sample<T: Copy>(&mut self, items: &[T], k: usize) -> Vec<T> {
        let mut pool = items.to_vec();
        let k = k.min(pool.len());
        for i in 0..k {
            let j = i + self.below(pool.len() - i);
            pool.swap(i, j);
        }
        pool.truncate(k);
        pool
    }
}

/// A role family as written here: skill ids, resolved against the taxonomy
/// by [`Catalog::new`].
struct FamilySpec {
    key: &'static str,
    titles: &'static [&'static str],
    /// A coherent core: a language and its framework, a discipline and its
    /// main tool. The first skill of another stack is a natural alternative.
    stacks: &'static [&'static [&'static str]],
    /// Groups of interchangeable skills: alternatives come from one group.
    groups: &'static [&'static [&'static str]],
    /// Taxonomy nodes whose descendants are the extra, "nice to have" pool.
    roots: &'static [&'static str],
    soft: &'static [&'static str],
    /// Degree fields, for résumés and education requirements.
    fields: &'static [&'static str],
    /// Posting duties: `{s}` takes a stack skill, `{gN}` one of group N.
    duties: &'static [&'static str],
    /// Résumé bullets, past tense, same placeholders.
    wins: &'static [&'static str],
    /// Titles naming the stack: `{s}` takes one of its skills ("Django
    /// Developer"); empty where job titles do not name tools.
    stack_titles: &'static [&'static str],
    /// The key of the [`SECTORS`] entry most of the family's employers are in.
    sector: &'static str,
    /// Other sectors that hire the family (a hospital's data engineers).
    employers: &'static [&'static str],
}

/// A kind of employer: its names and what it says about itself. Every
/// family's postings and résumés draw from these, so company names and
/// blurbs are shared across families.
struct Sector {
    key: &'static str,
    /// Organisation names: `{}` takes a name from [`ORG_NAMES`].
    orgs: &'static [&'static str],
    /// What an organisation of the sector does: `{n}` takes a number.
    about: &'static [&'static str],
}

const SECTORS: &[Sector] = &[
    Sector {
        key: "software",
        orgs: &[
            "{} Labs",
            "{} Technologies",
            "{} GmbH",
            "{}",
            "{} Systems",
            "{}.io",
            "{} Software",
        ],
        about: &[
            "We build the payment software that {n} online shops run on.",
            "Our platform plans the routes of {n} delivery vans every day.",
            "We make booking and scheduling software for {n} hotels, gyms and clinics.",
            "Our apps help {n} people manage their money and bills.",
        ],
    },
    Sector {
        key: "commerce",
        orgs: &["{} Solutions", "{} Group", "{} AG", "{} Inc.", "{} Trading"],
        about: &[
            "We supply industrial packaging to {n} manufacturers across Europe.",
            "We sell office furniture and equipment to {n} businesses.",
            "We distribute medical devices to {n} hospitals and practices.",
            "We supply food and drinks wholesale to {n} restaurants and shops.",
        ],
    },
    Sector {
        key: "finance",
        orgs: &[
            "{} Finance",
            "{} Group",
            "{} & Partners",
            "{} Holdings",
            "{} Bank",
        ],
        about: &[
            "We provide accounting and advisory services to {n} mid-sized businesses.",
            "We are a regional bank serving {n} customers.",
            "We manage pensions and savings for {n} members.",
            "We insure the homes and cars of {n} households.",
        ],
    },
    Sector {
        key: "healthcare",
        orgs: &[
            "{} General Hospital",
            "{} Medical Center",
            "{} Clinic",
            "{} Health",
            "{} Group",
        ],
        about: &[
            "We run three hospitals and twelve clinics and care for {n} patients a year.",
            "We are a community hospital serving {n} families.",
            "Our clinics offer primary and specialist care to {n} patients.",
            "We provide home care and rehabilitation to {n} people a year.",
        ],
    },
    Sector {
        key: "education",
        orgs: &[
            "{} Academy",
            "{} High School",
            "{} Primary School",
            "{} College",
        ],
        about: &[
            "We are a secondary school of {n} students aged 11 to 18.",
            "We are a college offering vocational and academic courses to {n} learners.",
            "We are a primary school of {n} pupils with a nursery.",
            "We are a trust of five schools with {n} students.",
        ],
    },
];

const TECH_SOFT: &[&str] = &[
    "communication",
    "written-communication",
    "collaboration",
    "problem-solving",
    "stakeholder-management",
    "ownership",
    "mentoring",
    "attention-to-detail",
];

const TECH_FIELDS: &[&str] = &[
    "Computer Science",
    "Software Engineering",
    "Computer Engineering",
    "Mathematics",
    "Information Systems",
];

const FAMILIES: &[FamilySpec] = &[
    FamilySpec {
        key: "backend",
        titles: &[
            "Backend Engineer",
            "Senior Backend Engineer",
            "Backend Developer",
            "Software Engineer, Backend",
            "Senior Software Engineer, Platform",
            "Staff Backend Engineer",
            "API Engineer",
            "Software Engineer",
            "Software Developer",
            "Integration Specialist",
            "Applications Engineer",
        ],
        stacks: &[
            &["java", "spring-boot"],
            &["kotlin", "spring-boot"],
            &["go", "grpc"],
            &["python", "django"],
            &["python", "fastapi"],
            &["csharp", "dotnet"],
            &["ruby", "ruby-on-rails"],
            &["nodejs", "typescript", "nestjs"],
            &["php", "laravel"],
            &["scala", "akka"],
        ],
        groups: &[
            &[
                "postgresql",
                "mysql",
                "mongodb",
                "redis",
                "cassandra",
                "dynamodb",
            ],
            &["apache-kafka", "rabbitmq", "amazon-sqs"],
            &["aws", "gcp", "azure"],
            &["docker", "kubernetes"],
            &["rest-api", "grpc", "graphql", "microservices"],
            &[
                "ci-cd",
                "git",
                "unit-testing",
                "test-driven-development",
                "code-review",
                "distributed-systems",
            ],
        ],
        roots: &[
            "apis",
            "caching",
            "messaging-systems",
            "software-architecture",
            "observability",
        ],
        soft: TECH_SOFT,
        fields: TECH_FIELDS,
        duties: &[
            "Design, build and operate {s} services that handle millions of requests a day",
            "Own the data layer on {g0}: schema design, migrations and query tuning",
            "Improve the latency and reliability of our {s} APIs",
            "Review code and help engineers grow in {s} and {g4}",
            "Take part in an on-call rotation for services running on {g2}",
            "Break the monolith into services deployed with {g3}",
        ],
        wins: &[
            "Built order services in {s} and {s}, processing 2M payments a day",
            "Moved event processing from {g1} to {g1}; cut p99 latency by 40%",
            "Ran {g0} schema migrations and query tuning for the ledger database",
            "Developed {g4} endpoints in {s} for the checkout flow",
            "Containerised services and deployed them on {g2} with {g3}",
            "Introduced {g5} and cut incident count by a third",
        ],
        stack_titles: &[
            "{s} Developer",
            "Senior {s} Engineer",
            "Backend Engineer ({s})",
        ],
        sector: "software",
        employers: &["finance", "commerce", "healthcare", "education"],
    },
    FamilySpec {
        key: "data",
        titles: &[
            "Data Engineer",
            "Senior Data Engineer",
            "Analytics Engineer",
            "Data Platform Engineer",
            "Data Analyst",
            "BI Developer",
            "Business Intelligence Analyst",
            "Reporting Analyst",
            "Data Specialist",
        ],
        stacks: &[
            &["python", "apache-spark"],
            &["python", "apache-airflow"],
            &["scala", "apache-spark"],
            &["sql", "dbt"],
            &["python", "pandas"],
            &["sql", "power-bi"],
        ],
        groups: &[
            &["snowflake", "bigquery", "amazon-redshift", "databricks"],
            &["apache-airflow", "dagster"],
            &["apache-spark", "apache-flink", "apache-kafka"],
            &["tableau", "power-bi", "looker"],
            &["data-modeling", "etl", "data-warehousing", "sql"],
            &["aws", "gcp", "azure"],
        ],
        roots: &["data-engineering", "data-management", "data-analytics"],
        soft: TECH_SOFT,
        fields: &[
            "Computer Science",
            "Statistics",
            "Mathematics",
            "Economics",
            "Information Systems",
        ],
        duties: &[
            "Build and maintain batch and streaming pipelines in {s} and {g2}",
            "Model the warehouse on {g0} for analysts and data scientists",
            "Own data quality checks and alerting for pipelines scheduled in {g1}",
            "Work with analysts to turn {g3} reports into reliable {g4} models",
            "Cut warehouse costs by tuning {g0} jobs",
        ],
        wins: &[
            "Built ingestion pipelines in {s} and {g2} for 3 TB of events a day",
            "Migrated the warehouse from {g0} to {g0}",
            "Modelled sales data in {g0}; {g3} reports now refresh hourly",
            "Wrote {g1} jobs that replaced 40 hand-run scripts",
            "Built {g3} dashboards used by 200 people in finance and sales",
        ],
        stack_titles: &["Data Engineer ({s})", "{s} Data Engineer"],
        sector: "software",
        employers: &["finance", "commerce", "healthcare"],
    },
    FamilySpec {
        key: "ml",
        titles: &[
            "Machine Learning Engineer",
            "Data Scientist",
            "Senior Data Scientist",
            "ML Engineer",
            "Applied Scientist",
            "Research Engineer",
            "AI Engineer",
            "Analytics Specialist",
        ],
        stacks: &[
            &["python", "pytorch"],
            &["python", "tensorflow"],
            &["python", "scikit-learn"],
        ],
        groups: &[
            &[
                "machine-learning",
                "deep-learning",
                "natural-language-processing",
                "computer-vision",
            ],
            &["mlflow", "kubeflow", "docker", "kubernetes"],
            &["pandas", "numpy", "sql", "apache-spark"],
            &["aws", "gcp", "azure"],
            &["statistics", "data-science", "a-b-testing"],
        ],
        roots: &["data-science", "machine-learning"],
        soft: TECH_SOFT,
        fields: &["Computer Science", "Statistics", "Mathematics", "Physics"],
        duties: &[
            "Train, evaluate and ship {g0} models in {s}",
            "Build feature pipelines with {g2} for ranking and recommendations",
            "Design experiments and analyse results with {g4}",
            "Deploy models to production with {g1} and monitor their drift",
        ],
        wins: &[
            "Trained ranking models in {s} that lifted conversion by 6%",
            "Built a feature store on {g3} and {g2}",
            "Deployed {g0} models behind a low-latency API with {g1}",
            "Ran {g4} analyses that shaped the pricing roadmap",
        ],
        stack_titles: &["Machine Learning Engineer ({s})"],
        sector: "software",
        employers: &["finance", "commerce", "healthcare"],
    },
    FamilySpec {
        key: "frontend",
        titles: &[
            "Frontend Engineer",
            "Senior Frontend Developer",
            "Front-End Developer",
            "UI Engineer",
            "Web Developer",
            "Software Engineer, Frontend",
            "UI Developer",
            "Web Specialist",
        ],
        stacks: &[
            &["typescript", "react"],
            &["javascript", "vuejs"],
            &["typescript", "angular"],
            &["typescript", "nextjs", "react"],
            &["javascript", "react"],
        ],
        groups: &[
            &[
                "html",
                "css",
                "sass",
                "tailwind-css",
                "responsive-design",
                "web-accessibility",
            ],
            &["redux", "graphql", "rest-api"],
            &["webpack", "vite"],
            &["jest", "cypress", "playwright"],
            &["figma", "storybook"],
            &["git", "ci-cd", "code-review"],
        ],
        roots: &["frontend-development", "web-development"],
        soft: TECH_SOFT,
        fields: TECH_FIELDS,
        duties: &[
            "Build accessible, fast user interfaces in {s} and {s}",
            "Own the design system with our designers, in {g4}",
            "Improve page load and rendering performance of the {s} app",
            "Write tests for the {s} front end with {g3}",
        ],
        wins: &[
            "Rebuilt the checkout UI in {s} and {s}; conversion up 8%",
            "Created a component library in {s}, documented in {g4}",
            "Moved the build to {g2}, cutting build times by half",
            "Raised test coverage of the {s} app to 85% with {g3}",
        ],
        stack_titles: &[
            "{s} Developer",
            "Frontend Engineer ({s})",
            "Senior {s} Engineer",
        ],
        sector: "software",
        employers: &["commerce", "finance", "education"],
    },
    FamilySpec {
        key: "devops",
        titles: &[
            "DevOps Engineer",
            "Site Reliability Engineer",
            "Platform Engineer",
            "Cloud Engineer",
            "Senior SRE",
            "Infrastructure Engineer",
            "Systems Engineer",
            "Cloud Specialist",
            "Operations Engineer",
        ],
        stacks: &[
            &["kubernetes", "terraform"],
            &["aws", "terraform"],
            &["kubernetes", "helm"],
            &["azure", "ansible"],
            &["gcp", "kubernetes"],
        ],
        groups: &[
            &["aws", "gcp", "azure"],
            &["terraform", "ansible", "pulumi", "cloudformation"],
            &["github-actions", "gitlab-ci", "jenkins", "argo-cd"],
            &[
                "prometheus",
                "grafana",
                "datadog",
                "opentelemetry",
                "elk-stack",
            ],
            &["linux", "bash", "python", "go"],
            &[
                "site-reliability-engineering",
                "incident-management",
                "infrastructure-as-code",
                "docker",
            ],
        ],
        roots: &["devops", "observability"],
        soft: TECH_SOFT,
        fields: TECH_FIELDS,
        duties: &[
            "Run our production platform on {g0} and {s}",
            "Automate infrastructure with {g1} and review changes as code",
            "Build deployment pipelines in {g2} for 60 services",
            "Own monitoring and alerting with {g3} and {g3}",
            "Lead incident response and blameless post-incident reviews",
        ],
        wins: &[
            "Moved 40 services to {g0} managed with {g1}",
            "Cut deployment time from 40 to 6 minutes with {g2}",
            "Built dashboards and alerts in {g3}; paging noise down 70%",
            "Wrote {g1} modules for networking, IAM and databases",
            "Automated patching of 300 {g4} hosts with {g1}",
        ],
        stack_titles: &["DevOps Engineer ({s})", "{s} Engineer"],
        sector: "software",
        employers: &["finance", "healthcare", "commerce"],
    },
    FamilySpec {
        key: "sales",
        titles: &[
            "Account Executive",
            "Sales Development Representative",
            "Key Account Manager",
            "Business Development Manager",
            "Sales Manager",
            "Inside Sales Representative",
            "Sales Engineer",
            "Solutions Consultant",
            "Sales Analyst",
            "Account Manager",
            "Customer Success Specialist",
        ],
        stacks: &[
            &["b2b-sales", "salesforce"],
            &["b2b-sales", "hubspot"],
            &["solution-selling", "salesforce"],
            &["inside-sales", "pipedrive"],
            &["key-account-management", "salesforce"],
        ],
        groups: &[
            &[
                "solution-selling",
                "inside-sales",
                "field-sales",
                "cold-calling",
                "prospecting",
                "lead-generation",
            ],
            &[
                "account-management",
                "key-account-management",
                "client-relationship-management",
                "upselling",
            ],
            &[
                "sales-pipeline-management",
                "sales-forecasting",
                "deal-closing",
            ],
            &["salesforce", "hubspot", "pipedrive", "zoho-crm"],
            &[
                "business-development",
                "customer-acquisition",
                "sales-strategy",
            ],
        ],
        roots: &["sales", "crm"],
        soft: &[
            "negotiation",
            "relationship-building",
            "customer-service",
            "communication",
            "time-management",
            "stakeholder-management",
        ],
        fields: &[
            "Business Administration",
            "Marketing",
            "Economics",
            "Communications",
        ],
        duties: &[
            "Own the full sales cycle from {g0} to {g2}",
            "Build a pipeline of mid-market accounts through {g0}",
            "Keep {g3} up to date and forecast the quarter accurately",
            "Grow existing accounts through {g1} and regular business reviews",
        ],
        wins: &[
            "Closed €1.2M in new business in 2023 through {g0}",
            "Built a territory from scratch with {g0} and {g4}",
            "Reached 130% of quota three quarters in a row through {g1}",
            "Rolled out {g3} for a team of 12 sellers",
        ],
        stack_titles: &[],
        sector: "commerce",
        employers: &["software", "finance", "healthcare"],
    },
    FamilySpec {
        key: "finance",
        titles: &[
            "Accountant",
            "Senior Accountant",
            "Financial Analyst",
            "FP&A Analyst",
            "Accounts Payable Specialist",
            "Finance Manager",
            "Business Analyst, Finance",
            "Finance Specialist",
            "Revenue Analyst",
            "Finance Systems Analyst",
        ],
        stacks: &[
            &["financial-accounting", "sap-fico"],
            &["financial-planning-analysis", "financial-modelling"],
            &["bookkeeping", "quickbooks"],
            &["accounting", "xero"],
            &["financial-reporting", "netsuite"],
        ],
        groups: &[
            &[
                "general-ledger",
                "accounts-payable",
                "accounts-receivable",
                "month-end-close",
                "reconciliation",
                "financial-reporting",
            ],
            &["ifrs", "gaap"],
            &[
                "budgeting",
                "financial-forecasting",
                "financial-modelling",
                "financial-analysis",
            ],
            &[
                "sap-fico",
                "netsuite",
                "quickbooks",
                "xero",
                "oracle-financials",
            ],
            &["internal-controls", "external-audit", "tax"],
        ],
        roots: &["finance"],
        soft: &[
            "attention-to-detail",
            "analytical-thinking",
            "time-management",
            "communication",
            "stakeholder-management",
            "problem-solving",
        ],
        fields: &[
            "Accounting",
            "Finance",
            "Economics",
            "Business Administration",
        ],
        duties: &[
            "Run {g0} and support the month-end close",
            "Prepare monthly reports under {g1} for the leadership team",
            "Own {g2} for the annual budget and the monthly forecast",
            "Improve {g4} processes in {g3}",
        ],
        wins: &[
            "Cut the month-end close from 10 to 6 days by automating {g0} in {g3}",
            "Prepared statutory accounts under {g1} for three entities",
            "Built the {g2} model behind the 2024 budget",
            "Led the migration of the ledger to {g3}",
        ],
        stack_titles: &[],
        sector: "finance",
        employers: &["software", "commerce", "healthcare", "education"],
    },
    FamilySpec {
        key: "healthcare",
        titles: &[
            "Registered Nurse",
            "Staff Nurse",
            "ICU Nurse",
            "Charge Nurse",
            "Clinical Nurse",
            "Emergency Department Nurse",
            "Clinical Specialist",
            "Nurse Educator",
            "Clinical Informatics Nurse",
            "Patient Care Coordinator",
        ],
        stacks: &[
            &["nursing", "patient-care"],
            &["critical-care-nursing", "acls"],
            &["emergency-nursing", "triage"],
            &["pediatric-nursing", "pals"],
            &["geriatric-nursing", "patient-care"],
        ],
        groups: &[
            &[
                "patient-assessment",
                "vital-signs",
                "medication-administration",
                "wound-care",
                "iv-therapy",
                "infection-control",
                "phlebotomy",
            ],
            &["bls", "acls", "pals"],
            &[
                "electronic-health-records",
                "cerner",
                "meditech",
                "epic-ehr",
            ],
            &[
                "pediatric-nursing",
                "geriatric-nursing",
                "mental-health-nursing",
                "emergency-nursing",
                "critical-care-nursing",
            ],
            &[
                "patient-safety",
                "patient-confidentiality",
                "medical-terminology",
            ],
        ],
        roots: &["healthcare"],
        soft: &[
            "empathy",
            "communication",
            "attention-to-detail",
            "collaboration",
            "time-management",
        ],
        fields: &["Nursing"],
        duties: &[
            "Deliver safe, compassionate {s} on a 28-bed ward",
            "Carry out {g0} and {g0} and document them in {g2}",
            "Coordinate with physicians and therapists on {g4}",
            "Support and supervise nursing students in {g0}",
        ],
        wins: &[
            "Provided {s} for up to 6 patients per shift, including {g0}",
            "Led the ward's {g4} audit; compliance rose to 98%",
            "Trained new staff in {g0} and {g0}",
            "Documented {g0} in {g2} for every admission",
        ],
        stack_titles: &[],
        sector: "healthcare",
        employers: &["education", "commerce"],
    },
    FamilySpec {
        key: "teaching",
        titles: &[
            "Teacher",
            "Secondary School Teacher",
            "Primary School Teacher",
            "Mathematics Teacher",
            "English Teacher",
            "Special Education Teacher",
            "Computer Science Teacher",
            "Learning Specialist",
            "Instructional Coach",
            "Education Coordinator",
        ],
        stacks: &[
            &["lesson-planning", "classroom-management"],
            &["curriculum-development", "differentiated-instruction"],
            &["special-education", "differentiated-instruction"],
            &["english-language-teaching", "lesson-planning"],
        ],
        groups: &[
            &[
                "lesson-planning",
                "classroom-management",
                "differentiated-instruction",
                "student-engagement",
                "parent-communication",
            ],
            &[
                "curriculum-development",
                "student-assessment",
                "instructional-design",
            ],
            &[
                "google-classroom",
                "moodle",
                "learning-management-systems",
                "educational-technology",
                "brightspace",
            ],
            &[
                "special-education",
                "literacy-instruction",
                "english-language-teaching",
            ],
        ],
        roots: &["teaching"],
        soft: &[
            "communication",
            "organizational-skills",
            "empathy",
            "collaboration",
            "time-management",
        ],
        fields: &["Education", "Mathematics", "English", "Biology", "History"],
        duties: &[
            "Plan and deliver engaging lessons using {g0} and {g2}",
            "Track progress through {g1} and report to parents",
            "Adapt teaching with {g3} for learners with additional needs",
            "Contribute to {g1} across the department",
        ],
        wins: &[
            "Taught classes of 28 using {g0} and {g2}",
            "Introduced {g1}; pass rates rose from 71% to 86%",
            "Redesigned the Year 9 curriculum with {g0}",
            "Ran parent evenings and {g3} for 120 students",
        ],
        stack_titles: &[],
        sector: "education",
        employers: &["healthcare", "software"],
    },
];

const ORG_NAMES: &[&str] = &[
    "Northwind",
    "Bluefin",
    "Ledgerline",
    "Cartwheel",
    "Fjordline",
    "Harbor",
    "Oakwood",
    "Riverside",
    "Summit",
    "Brightpath",
    "Kestrel",
    "Lumen",
    "Meridian",
    "Pinecrest",
    "Quanta",
    "Redwood",
    "Silverlake",
    "Tidewater",
    "Upland",
    "Vantage",
    "Westbrook",
    "Zephyr",
    "Aldermoor",
    "Copperfield",
    "Evergreen",
    "Granite",
    "Ironbridge",
    "Juniper",
    "Larkspur",
    "Maplehurst",
];

const CITIES: &[&str] = &[
    "Berlin, Germany",
    "London, UK",
    "Amsterdam, Netherlands",
    "Austin, TX",
    "New York, NY",
    "Toronto, Canada",
    "Dublin, Ireland",
    "Madrid, Spain",
    "Stockholm, Sweden",
    "Warsaw, Poland",
    "Seattle, WA",
    "Chicago, IL",
    "Munich, Germany",
    "Paris, France",
    "Lisbon, Portugal",
    "Denver, CO",
    "Manchester, UK",
    "Zurich, Switzerland",
];

const FIRST_NAMES: &[&str] = &[
    "Maria", "Daniel", "Aisha", "Chen", "Lukas", "Sofia", "James", "Priya", "Mateo", "Olga",
    "Kwame", "Emma", "Hiroshi", "Fatima", "Noah", "Ingrid", "Diego", "Leila", "Tomasz", "Grace",
    "Ravi", "Elena", "Samuel", "Yara", "Jonas", "Mei",
];

const LAST_NAMES: &[&str] = &[
    "Keller",
    "Okafor",
    "Rahman",
    "Li",
    "Novak",
    "Rossi",
    "Smith",
    "Patel",
    "García",
    "Ivanova",
    "Mensah",
    "Johansson",
    "Tanaka",
    "Haddad",
    "Müller",
    "Larsen",
    "Fernández",
    "Nowak",
    "O'Brien",
    "Kumar",
    "Costa",
    "Weber",
    "Kim",
    "Dubois",
];

const UNIVERSITIES: &[&str] = &[
    "TU Munich",
    "University of Leeds",
    "University of Toronto",
    "Universidad Complutense de Madrid",
    "University of Amsterdam",
    "Ohio State University",
    "KTH Royal Institute of Technology",
    "University College Dublin",
    "University of Warsaw",
    "University of Texas at Austin",
    "Sorbonne University",
    "University of Manchester",
];

/// Languages résumés list beside English.
const SPOKEN: &[&str] = &[
    "German",
    "Spanish",
    "French",
    "Polish",
    "Hindi",
    "Portuguese",
];

const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_LONG: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const REQUIRED_HEADERS: &[&str] = &[
    "Requirements",
    "What you'll bring:",
    "Must have",
    "QUALIFICATIONS",
    "Qualifications:",
    "What we're looking for",
    "Minimum Qualifications",
    "Requirements For {title}",
    "About you",
    "You have:",
];
const PREFERRED_HEADERS: &[&str] = &[
    "Nice to have",
    "Preferred",
    "Preferred Qualifications:",
    "Bonus points",
    "NICE TO HAVE",
    "Pluses:",
];
const DUTY_HEADERS: &[&str] = &[
    "Responsibilities",
    "What you'll do:",
    "Your role",
    "RESPONSIBILITIES",
    "What you will be doing",
    "Key Responsibilities:",
];
const ABOUT_HEADERS: &[&str] = &["About us", "About {company}", "Who we are", "ABOUT US"];
const BENEFIT_HEADERS: &[&str] = &["Benefits", "What we offer", "Perks & Benefits", "BENEFITS"];
const EEO_HEADERS: &[&str] = &[
    "Equal Opportunity",
    "EEO Statement",
    "Equal opportunity employer",
];

const BENEFITS: &[&str] = &[
    "30 days of paid leave",
    "Learning budget of €1,500 a year",
    "Private health insurance for you and your family",
    "Flexible working hours and remote days",
    "Company pension scheme with 5% matching",
    "Public transport ticket",
    "Parental leave beyond the legal minimum",
    "Annual team retreat",
];

/// Duties any posting may list, whatever the family.
const SHARED_DUTIES: &[&str] = &[
    "Work closely with colleagues across teams and departments",
    "Keep managers and stakeholders informed of progress and risks",
    "Help build a friendly, inclusive team where people support each other",
    "Take part in training and share what you learn with the team",
    "Follow our policies on data protection, health and safety",
];

/// Required lines any posting may add: no skill the truth counts.
const SHARED_REQUIREMENTS: &[&str] = &[
    "A team player with a positive, can-do attitude",
    "Fluent English, written and spoken",
    "The right to work in the country of the role",
    "Able to work on your own and as part of a team",
    "Reliable, organised and eager to learn",
];

/// What any employer says about itself after its sector's sentence.
const SHARED_ABOUT: &[&str] = &[
    "We are a team of {n} people across {m} offices, and we care about doing the work well.",
    "Founded {n} years ago, we have grown to {m} locations and keep growing.",
    "We value team players who take ownership, speak up and keep learning.",
    "People stay with us: most of our managers started here as specialists.",
];

/// How to apply, in any posting.
const HOW_TO_APPLY: &[&str] = &[
    "To apply, send your CV and a short cover letter. We read every application and reply within two weeks.",
    "Apply through our careers page with your CV. Interviews are held in two rounds, online and on site.",
    "Send us your CV today: we review applications as they arrive and may close the role early.",
];

/// Résumé bullets any role may have.
const SHARED_WINS: &[&str] = &[
    "Trained and mentored three new colleagues",
    "Worked closely with managers and cross-functional teams",
    "Recognised by management as a reliable team player",
    "Represented the team at the company's annual conference",
];

const YEARS_TEMPLATES: &[&str] = &[
    "{n}+ years of experience with {x}",
    "At least {n} years of professional experience in {x}",
    "{n}-{m} years of hands-on experience with {x}",
    "Minimum of {n} years working with {x}",
    "{w} or more years of {x}",
    "at least {w} years of {x} experience",
];
const SKILL_TEMPLATES: &[&str] = &[
    "Strong {x} skills",
    "Solid experience with {x}",
    "Proficiency in {x}",
    "Hands-on experience with {x}",
    "Working knowledge of {x}",
    "Experience with {x}",
];
const ANY_OF_TEMPLATES: &[&str] = &[
    "Experience with {x} or {y}",
    "Strong {x} or {y}",
    "Production experience with one of: {list}",
    "Familiarity with at least one of {list}",
    "Experience with {or_list}",
    "Experience with {or_list}",
];
const LIST_TEMPLATES: &[&str] = &[
    "Familiarity with {list}",
    "Experience with {list}",
    "Knowledge of {list}",
];
const SOFT_TEMPLATES: &[&str] = &["Strong {x} and {y}", "{X} and {y}", "Excellent {x}"];
const NUMBER_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
];

/// A family resolved against the taxonomy.
struct Family {
    spec: &'static FamilySpec,
    /// Index of its own sector in [`SECTORS`], then of the others that hire it.
    sector: usize,
    employers: Vec<usize>,
    stacks: Vec<Vec<SkillId>>,
    groups: Vec<Vec<SkillId>>,
    /// Descendants of the spec's roots with a usable form, sorted by id.
    extra: Vec<SkillId>,
    soft: Vec<SkillId>,
}

/// How a skill may be written.
#[derive(Debug, Clone, Default)]
struct Forms {
    /// The preferred form: the label, or an alias when the label alone
    /// needs evidence of its sense ("React" → "React.js").
    primary: String,
    /// Other forms that count on their own.
    others: Vec<String>,
}

/// The taxonomy-derived material of the generator.
pub(crate) struct Catalog {
    families: Vec<Family>,
    /// Forms of each skill, indexed by `SkillId`; empty when no form counts
    /// without evidence.
    forms: Vec<Option<Forms>>,
    /// Whether each skill is a programming language, indexed by `SkillId`.
    language: Vec<bool>,
    /// The taxonomy id of each skill, indexed by `SkillId`.
    ids: Vec<String>,
    /// What each skill is a kind of (transitively), indexed by `SkillId`.
    ancestors: Vec<Vec<SkillId>>,
}

impl Catalog {
    pub(crate) fn new(taxonomy: &Taxonomy) -> anyhow::Result<Catalog> {
        let forms: Vec<Option<Forms>> = taxonomy.skills().iter().map(skill_forms).collect();
        let usable = |id: &str, family: &str| -> anyhow::Result<SkillId> {
            let sid = taxonomy
                .get(id)
                .with_context(|| format!("family {family}: unknown skill id {id:?}"))?;
            if forms[sid.index()].is_none() {
                bail!("family {family}: skill {id:?} has no form that counts without evidence");
            }
            Ok(sid)
        };
        let mut families = Vec::new();
        for spec in FAMILIES {
            let resolve = |ids: &[&str]| -> anyhow::Result<Vec<SkillId>> {
                ids.iter().map(|id| usable(id, spec.key)).collect()
            };
            let stacks = spec
                .stacks
                .iter()
                .map(|s| resolve(s))
                .collect::<anyhow::Result<_>>()?;
            let groups = spec
                .groups
                .iter()
                .map(|g| resolve(g))
                .collect::<anyhow::Result<_>>()?;
            let soft = resolve(spec.soft)?;
            let roots = resolve(spec.roots)?;
            let mut extra: Vec<(String, SkillId)> = taxonomy
                .iter()
                .filter(|(id, _)| forms[id.index()].is_some())
                .filter(|(id, _)| roots.iter().any(|&r| r != *id && taxonomy.is_a(*id, r)))
                .map(|(id, skill)| (skill.id.clone(), id))
                .collect();
            extra.sort();
            let sector_index = |key: &str| -> anyhow::Result<usize> {
                SECTORS
                    .iter()
                    .position(|s| s.key == key)
                    .with_context(|| format!("family {}: unknown sector {key:?}", spec.key))
            };
            let sector = sector_index(spec.sector)?;
            let employers = spec
                .employers
                .iter()
                .map(|k| sector_index(k))
                .collect::<anyhow::Result<_>>()?;
            families.push(Family {
                spec,
                sector,
                employers,
                stacks,
                groups,
                extra: extra.into_iter().map(|(_, id)| id).collect(),
                soft,
            });
        }
        let language = taxonomy
            .skills()
            .iter()
            .map(|s| s.category == "programming-languages")
            .collect();
        let ids = taxonomy.skills().iter().map(|s| s.id.clone()).collect();
        let ancestors = taxonomy
            .iter()
            .map(|(id, _)| taxonomy.ancestors(id).to_vec())
            .collect();
        Ok(Catalog {
            families,
            forms,
            language,
            ids,
            ancestors,
        })
    }

    /// The taxonomy ids of `skills`, joined by `sep`.
    fn ids(&self, skills: &[SkillId], sep: &str) -> String {
        let ids: Vec<&str> = skills
            .iter()
            .map(|s| self.ids[s.index()].as_str())
            .collect();
        ids.join(sep)
    }

    /// A surface form of `skill`, mostly the preferred one.
    fn form(&self, rng: &mut Rng, skill: SkillId) -> &str {
        let forms = self.forms[skill.index()]
            .as_ref()
            .expect("families hold only skills with a usable form");
        if !forms.others.is_empty() && rng.chance(ALIAS_PERCENT) {
            forms.others[rng.below(forms.others.len())].as_str()
        } else {
            &forms.primary
        }
    }

    /// A family, as an index into `self.families`.
    fn family(&self, rng: &mut Rng) -> usize {
        rng.below(self.families.len())
    }

    /// The sector of an employer of `fam`: mostly its own, else one of the
    /// others that hire it.
    fn employer(&self, rng: &mut Rng, fam: &Family) -> usize {
        if fam.employers.is_empty() || rng.chance(OWN_SECTOR_PERCENT) {
            fam.sector
        } else {
            *rng.pick(&fam.employers)
        }
    }

    /// Posting number `index` (0-based).
    pub(crate) fn posting(&self, seed: u64, index: usize) -> Doc {
        let mut rng = Rng::for_doc(seed, 1, index);
        let rng = &mut rng;
        let family = self.family(rng);
        let fam = &self.families[family];
        let spec = fam.spec;
        let layout = if rng.chance(FLAT_PERCENT) {
            Layout::Flat
        } else if rng.chance(35) {
            Layout::Markdown
        } else {
            Layout::Lines
        };
        let markdown = layout == Layout::Markdown;
        let stack_index = rng.below(fam.stacks.len());
        let stack = fam.stacks[stack_index].clone();
        let title = if !spec.stack_titles.is_empty() && rng.chance(STACK_TITLE_PERCENT) {
            let template = rng.word(spec.stack_titles);
            let skill = *rng.pick(&stack);
            template.replace("{s}", self.form(rng, skill))
        } else {
            rng.pick(spec.titles).to_string()
        };
        let sector = &SECTORS[self.employer(rng, fam)];
        let company = org_name(rng, sector);
        let location = rng.pick(CITIES).to_string();
        let mode = *rng.pick(&["Hybrid", "Remote", "On-site", "Full-time"]);
        let bullet = if markdown {
            *rng.pick(&["- ", "* ", "1. "])
        } else {
            *rng.pick(&["- ", "* ", "• ", "1. ", "- "])
        };

        // Title, company and location.
        let mut head: Vec<String> = match (markdown, rng.below(3)) {
            (true, _) => vec![
                format!("# {title}"),
                String::new(),
                format!("**{company}** · {location} · {mode}"),
            ],
            (false, 0) => vec![title.clone(), format!("{company} · {location} · {mode}")],
            (false, 1) => vec![
                format!("{title} at {company}"),
                format!("Location: {location} ({mode})"),
            ],
            (false, _) => vec![
                format!("Job title: {title}"),
                format!("Company: {company}"),
                format!("Location: {location}"),
            ],
        };
        if rng.chance(40) {
            let low = rng.range(40, 120) * 1_000;
            let high = low + rng.range(10, 30) * 1_000;
            let cur = *rng.pick(&["$", "€", "£"]);
            head.push(format!(
                "{cur}{} - {cur}{} per year",
                thousands(low),
                thousands(high)
            ));
        }

        // Skills of this posting, and the truth's view of them.
        let group_count = rng.range(3, fam.groups.len().min(5));
        let groups = rng.sample(&(0..fam.groups.len()).collect::<Vec<_>>(), group_count);
        let mut required: Vec<String> = Vec::new();
        let mut truth_required: Vec<Vec<SkillId>> = Vec::new();
        let years = rng.range(2, 7);
        let mut first = vec![stack[0]];
        let primary = if rng.chance(35) {
            let other = rng.pick(&fam.stacks)[0];
            if other != stack[0] {
                first.push(other);
                format!("{} or {}", self.form(rng, stack[0]), self.form(rng, other))
            } else {
                self.form(rng, stack[0]).to_string()
            }
        } else {
            self.form(rng, stack[0]).to_string()
        };
        required.push(years_line(rng, years, &primary));
        first.sort();
        truth_required.push(first);
        for &skill in &stack[1..] {
            let form = self.form(rng, skill).to_string();
            required.push(rng.pick(SKILL_TEMPLATES).replace("{x}", &form));
            truth_required.push(vec![skill]);
        }
        let core = truth_required.len();
        // Skills named by a requirement so far: each skill is asked for once.
        let mut used: Vec<SkillId> = stack.clone();
        let mut unused: Vec<SkillId> = Vec::new();
        for &g in &groups {
            let group: Vec<SkillId> = fam.groups[g]
                .iter()
                .copied()
                .filter(|s| !used.contains(s))
                .collect();
            if group.is_empty() {
                continue;
            }
            let roll = rng.below(10);
            let picked = if roll < 3 && group.len() >= 2 {
                rng.sample_between(&group, 2, group.len().min(3))
            } else if roll < 5 && group.len() >= 3 {
                rng.sample(&group, 3)
            } else {
                rng.sample(&group, 1)
            };
            let names: Vec<String> = picked
                .iter()
                .map(|&s| self.form(rng, s).to_string())
                .collect();
            let line = if roll < 3 && names.len() >= 2 {
                let mut alternatives = picked.clone();
                alternatives.sort();
                truth_required.push(alternatives);
                let t = *rng.pick(ANY_OF_TEMPLATES);
                t.replace("{list}", &names.join(", "))
                    .replace("{or_list}", &or_list(&names))
                    .replace("{x}", &names[0])
                    .replace("{y}", &names[1])
            } else if names.len() >= 3 {
                truth_required.extend(picked.iter().map(|&s| vec![s]));
                rng.pick(LIST_TEMPLATES)
                    .replace("{list}", &and_list(&names))
            } else {
                truth_required.push(vec![picked[0]]);
                if roll < 7 {
                    let n = rng.range(2, years);
                    years_line(rng, n, &names[0])
                } else {
                    rng.pick(SKILL_TEMPLATES).replace("{x}", &names[0])
                }
            };
            required.push(line);
            used.extend(picked.iter().copied());
            unused.extend(group.iter().copied().filter(|s| !picked.contains(s)));
        }
        if rng.chance(60) {
            required.push(education_line(rng, spec));
        }
        if rng.chance(70) {
            let soft = rng.sample(&fam.soft, 2);
            let x = self.form(rng, soft[0]).to_string();
            let y = self.form(rng, soft[1]).to_string();
            required.push(
                rng.pick(SOFT_TEMPLATES)
                    .replace("{X}", &capitalize(&x))
                    .replace("{x}", &x)
                    .replace("{y}", &y),
            );
        }
        if rng.chance(50) {
            required.push(rng.word(SHARED_REQUIREMENTS).to_string());
        }

        let mut preferred: Vec<String> = Vec::new();
        let extra: Vec<SkillId> = fam
            .extra
            .iter()
            .copied()
            .filter(|s| !used.contains(s))
            .collect();
        let mut extras = rng.sample_between(&extra, 1, 2);
        extras.extend(rng.sample(&unused, 1));
        for skill in extras {
            let form = self.form(rng, skill).to_string();
            preferred.push(rng.pick(SKILL_TEMPLATES).replace("{x}", &form));
        }

        let mut duties: Vec<String> = Vec::new();
        let mut named = Vec::new();
        for duty in rng.sample_between(spec.duties, 3, 4) {
            duties.push(self.fill(rng, duty, fam, &stack, &used, &mut named));
        }
        if rng.chance(50) {
            duties.push(rng.word(SHARED_DUTIES).to_string());
        }

        // Blocks, in one of the orders real postings use.
        let heading =
            |h: &str| Block::Heading(h.replace("{title}", &title).replace("{company}", &company));
        let mut blocks = vec![Block::Head(head)];
        if rng.chance(60) {
            blocks.push(heading(rng.word(ABOUT_HEADERS)));
            let own = rng
                .word(sector.about)
                .replace("{n}", &thousands(rng.range(2, 90) * 100));
            let shared = rng
                .word(SHARED_ABOUT)
                .replace("{n}", &rng.range(20, 900).to_string())
                .replace("{m}", &rng.range(2, 12).to_string());
            blocks.push(Block::Text(format!("{company}: {own} {shared}")));
        } else {
            blocks.push(Block::Text(format!(
                "We are looking for a {title} to join our team in {}.",
                city(&location)
            )));
        }
        let duties_first = rng.chance(60);
        let duty_heading = heading(rng.word(DUTY_HEADERS));
        let req_heading = heading(rng.word(REQUIRED_HEADERS));
        let pref_heading = heading(rng.word(PREFERRED_HEADERS));
        let mut sections: Vec<(Block, Vec<String>)> = Vec::new();
        if duties_first {
            sections.push((duty_heading.clone(), duties.clone()));
        }
        sections.push((req_heading, required));
        if rng.chance(80) {
            sections.push((pref_heading, preferred));
        }
        if !duties_first {
            sections.push((duty_heading, duties));
        }
        for (head, lines) in sections {
            blocks.push(head);
            blocks.push(Block::List(lines));
        }
        if rng.chance(70) {
            blocks.push(heading(rng.word(BENEFIT_HEADERS)));
            let benefits = rng.sample_between(BENEFITS, 2, 5);
            blocks.push(Block::List(
                benefits.iter().map(|b| b.to_string()).collect(),
            ));
        }
        if rng.chance(40) {
            blocks.push(Block::Text(rng.word(HOW_TO_APPLY).to_string()));
        }
        if rng.chance(60) {
            if rng.chance(50) {
                blocks.push(heading(rng.word(EEO_HEADERS)));
            }
            blocks.push(Block::Text(format!(
                "{company} is an equal opportunity employer. We welcome applicants of every background, and we will make reasonable accommodations throughout the hiring process."
            )));
        }
        let text = match layout {
            Layout::Flat => {
                let style = FlatStyle {
                    items: rng.below(4),
                    colon: rng.chance(50),
                };
                render_flat(&blocks, style)
            }
            _ => render_lines(&blocks, markdown, bullet),
        };
        let family_key = spec.key;
        Doc {
            id: format!("p{:06}-{family_key}", index + 1),
            ext: if markdown { "md" } else { "txt" },
            fields: vec![title, company, location],
            text,
            truth: Truth {
                family,
                stack: stack_index,
                layout,
                required: truth_required,
                core,
                held: Vec::new(),
                answers: Vec::new(),
            },
        }
    }

    /// Résumé number `index` (0-based).
    pub(crate) fn resume(&self, seed: u64, index: usize) -> Doc {
        let mut rng = Rng::for_doc(seed, 2, index);
        let rng = &mut rng;
        let family = self.family(rng);
        let fam = &self.families[family];
        let spec = fam.spec;
        let layout = if rng.chance(NOISY_PERCENT) {
            Layout::Noisy
        } else {
            Layout::Full
        };
        let first = *rng.pick(FIRST_NAMES);
        let last = *rng.pick(LAST_NAMES);
        let name = format!("{first} {last}");
        let email = format!("{}.{}@example.com", ascii_slug(first), ascii_slug(last));

        // Skills: a stack (sometimes two), a few groups, a couple of extras.
        let stack_index = rng.below(fam.stacks.len());
        let stack = fam.stacks[stack_index].clone();
        let mut skills: Vec<SkillId> = stack.clone();
        if rng.chance(SECOND_STACK_PERCENT) {
            for &s in rng.pick(&fam.stacks) {
                if !skills.contains(&s) {
                    skills.push(s);
                }
            }
        }
        let group_count = rng.range(2, fam.groups.len().min(5));
        for g in rng.sample(&(0..fam.groups.len()).collect::<Vec<_>>(), group_count) {
            for s in rng.sample_between(&fam.groups[g], 1, 2) {
                if !skills.contains(&s) {
                    skills.push(s);
                }
            }
        }
        for s in rng.sample_between(&fam.extra, 0, 1) {
            if !skills.contains(&s) {
                skills.push(s);
            }
        }
        let title = rng.pick(spec.titles).to_string();
        let mut held = skills.clone();
        let text = if layout == Layout::Noisy {
            self.noisy_resume(rng, &name, &email, &title, &skills)
        } else {
            self.full_resume(rng, fam, &name, &email, &title, &stack, &skills, &mut held)
        };
        held.sort();
        held.dedup();
        let mut answers = held.clone();
        for &s in &held {
            answers.extend_from_slice(&self.ancestors[s.index()]);
        }
        answers.sort();
        answers.dedup();
        let family_key = spec.key;
        Doc {
            id: format!("r{:04}-{family_key}", index + 1),
            ext: "txt",
            fields: vec![name],
            text,
            truth: Truth {
                family,
                stack: stack_index,
                layout,
                required: Vec::new(),
                core: 0,
                held,
                answers,
            },
        }
    }

    /// A résumé with a summary, a skills section, dated roles and
    /// education; adds the skills its text names beyond `skills` to `held`.
    #[allow(clippy::too_many_arguments)]
    fn full_resume(
        &self,
        rng: &mut Rng,
        fam: &Family,
        name: &str,
        email: &str,
        title: &str,
        stack: &[SkillId],
        skills: &[SkillId],
        held: &mut Vec<SkillId>,
    ) -> String {
        let spec = fam.spec;
        let mut out = String::with_capacity(2_500);
        let _ = writeln!(out, "{name}");
        let _ = writeln!(
            out,
            "{} · {email} · +{} {} {}\n",
            rng.pick(CITIES),
            rng.range(1, 49),
            rng.range(100, 999),
            rng.range(100_000, 999_999)
        );
        let soft = rng.sample(&fam.soft, 2);
        held.push(soft[0]);

        // Career: 1-5 roles, newest first, ending at or before the anchor.
        let total_years = rng.range(1, 15);
        let roles = rng.range(1, 5).min(total_years.max(1));
        let lead = if rng.chance(50) {
            stack[0]
        } else {
            *rng.pick(skills)
        };
        // The second skill of the summary: another one than the lead.
        let second = match skills[skills.len() / 2] {
            s if s == lead => skills[(skills.len() / 2 + 1) % skills.len()],
            s => s,
        };
        let summary = *rng.pick(&["Summary", "SUMMARY", "Profile", "Professional Summary"]);
        let lead = self.form(rng, lead).to_string();
        let _ = writeln!(
            out,
            "{summary}\n{title} with {total_years} years of experience in {lead} and {}. Known for {}.\n",
            self.form(rng, second),
            self.form(rng, soft[0])
        );

        let skills_header =
            *rng.pick(&["Skills", "SKILLS", "Technical Skills", "Core Competencies"]);
        out.push_str(skills_header);
        out.push('\n');
        let spoken = *rng.pick(SPOKEN);
        let (langs, tools): (Vec<SkillId>, Vec<SkillId>) =
            skills.iter().partition(|s| self.language[s.index()]);
        let names = |rng: &mut Rng, list: &[SkillId]| -> String {
            let forms: Vec<&str> = list.iter().map(|&s| self.form(rng, s)).collect();
            forms.join(", ")
        };
        if !langs.is_empty() && rng.chance(60) {
            let _ = writeln!(out, "Languages: {}", names(rng, &langs));
            let _ = writeln!(out, "Frameworks & tools: {}", names(rng, &tools));
            let _ = writeln!(out, "Spoken languages: English, {spoken}\n");
        } else if langs.is_empty() && skills.len() >= 4 && rng.chance(50) {
            let split = skills.len() / 2;
            let _ = writeln!(out, "Core: {}", names(rng, &skills[..split]));
            let _ = writeln!(out, "Tools & methods: {}", names(rng, &skills[split..]));
            let _ = writeln!(out, "Languages: English, {spoken}\n");
        } else {
            let _ = writeln!(out, "{}\n", names(rng, skills));
        }

        let exp_header = *rng.pick(&[
            "Experience",
            "WORK EXPERIENCE",
            "Professional Experience",
            "Employment History",
        ]);
        let _ = writeln!(out, "{exp_header}");
        let date_style = rng.below(4);
        let layout = rng.below(3);
        let anchor = ANCHOR.0 * 12 + ANCHOR.1 as i32 - 1;
        let mut end = if rng.chance(70) {
            anchor
        } else {
            anchor - rng.range(1, 8) as i32
        };
        let total_months = (total_years * 12) as i32;
        let per_role = total_months / roles as i32;
        for r in 0..roles {
            let months = (per_role - rng.range(0, 3) as i32).max(6);
            let mut start = end - months + 1;
            // Year-only dates need a role that spans two calendar years.
            if date_style == 1 && start / 12 == end / 12 {
                start = end / 12 * 12 - rng.range(1, 6) as i32;
            }
            let present = r == 0 && end == anchor;
            let dates = date_range(rng, date_style, start, end, present);
            let role_title = if r == 0 {
                title.to_string()
            } else {
                rng.pick(spec.titles).to_string()
            };
            let sector = self.employer(rng, fam);
            let org = org_name(rng, &SECTORS[sector]);
            match layout {
                0 => {
                    let _ = writeln!(out, "{role_title}, {org}\n{dates}");
                }
                1 => {
                    let _ = writeln!(out, "{role_title} | {org} | {dates}");
                }
                _ => {
                    let _ = writeln!(
                        out,
                        "{org} — {}\n{role_title}, {dates}",
                        city(rng.word(CITIES))
                    );
                }
            }
            let bullet = if layout == 1 { "• " } else { "- " };
            for win in rng.sample_between(spec.wins, 2, 4) {
                let _ = writeln!(
                    out,
                    "{bullet}{}",
                    self.fill(rng, win, fam, stack, skills, held)
                );
            }
            if rng.chance(40) {
                let _ = writeln!(out, "{bullet}{}", rng.word(SHARED_WINS));
            }
            out.push('\n');
            end = start - 1 - rng.range(0, 3) as i32;
        }

        let _ = writeln!(out, "{}", rng.pick(&["Education", "EDUCATION"]));
        let grad = end / 12;
        let _ = writeln!(
            out,
            "{}, {}, {grad}",
            degree(rng, spec),
            rng.pick(UNIVERSITIES)
        );
        out
    }

    /// A résumé that is a skills list only: in any order, in one of a few
    /// shapes, some skills misspelt (never all), no dates.
    fn noisy_resume(
        &self,
        rng: &mut Rng,
        name: &str,
        email: &str,
        title: &str,
        skills: &[SkillId],
    ) -> String {
        let mut out = String::with_capacity(600);
        let _ = writeln!(out, "{name}");
        match rng.below(3) {
            0 => {
                let _ = writeln!(out, "{} · {email}", rng.pick(CITIES));
            }
            1 => {
                let _ = writeln!(out, "{email}");
            }
            _ => {}
        }
        if rng.chance(50) {
            let _ = writeln!(out, "{title}");
        }
        out.push('\n');
        let order = rng.sample(skills, skills.len());
        let mut forms: Vec<String> = Vec::with_capacity(order.len());
        let mut misspelt = 0;
        for &skill in &order {
            let form = self.form(rng, skill).to_string();
            let last_clean = misspelt + 1 == order.len();
            match (rng.chance(TYPO_PERCENT) && !last_clean)
                .then(|| typo(rng, &form))
                .flatten()
            {
                Some(wrong) => {
                    misspelt += 1;
                    forms.push(wrong);
                }
                None => forms.push(form),
            }
        }
        if rng.chance(70) {
            let _ = writeln!(
                out,
                "{}",
                rng.pick(&[
                    "Skills",
                    "SKILLS",
                    "Skills:",
                    "Key skills",
                    "Core Competencies"
                ])
            );
        }
        match rng.below(5) {
            0 => {
                let _ = writeln!(out, "{}", forms.join(", "));
            }
            1 => {
                let _ = writeln!(out, "{}", forms.join(" | "));
            }
            2 => {
                let _ = writeln!(out, "{}", forms.join("; "));
            }
            3 => {
                for f in &forms {
                    let _ = writeln!(out, "- {f}");
                }
            }
            _ => {
                for f in &forms {
                    let _ = writeln!(out, "{f}");
                }
            }
        }
        if rng.chance(40) {
            let _ = writeln!(out, "\nLanguages: English, {}", rng.pick(SPOKEN));
        }
        out
    }

    /// Replaces `{s}` in `template` with a skill of the document's stack
    /// and `{gN}` with one of the family's group N, preferring the skills in
    /// `chosen`; never the same skill twice. Adds the skills written to
    /// `named`.
    fn fill(
        &self,
        rng: &mut Rng,
        template: &str,
        fam: &Family,
        stack: &[SkillId],
        chosen: &[SkillId],
        named: &mut Vec<SkillId>,
    ) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut used: Vec<SkillId> = Vec::new();
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
            let key = &rest[open + 1..close];
            let pool: &[SkillId] = match key.strip_prefix('g').and_then(|n| n.parse::<usize>().ok())
            {
                Some(n) => fam.groups.get(n).map_or(stack, Vec::as_slice),
                None => stack,
            };
            let fresh: Vec<SkillId> = pool.iter().copied().filter(|s| !used.contains(s)).collect();
            let preferred: Vec<SkillId> = fresh
                .iter()
                .copied()
                .filter(|s| chosen.contains(s))
                .collect();
            let skill = if !preferred.is_empty() && rng.chance(80) {
                *rng.pick(&preferred)
            } else if !fresh.is_empty() {
                *rng.pick(&fresh)
            } else {
                *rng.pick(pool)
            };
            used.push(skill);
            named.push(skill);
            out.push_str(self.form(rng, skill));
            rest = &rest[(close + 1).min(rest.len())..];
        }
        out.push_str(rest);
        out
    }
}

/// The preferred and other usable forms of a skill: those that count
/// without evidence of their sense. `None` when there is none.
fn skill_forms(skill: &skillmatch::taxonomy::Skill) -> Option<Forms> {
    let usable: Vec<&str> = skill
        .forms()
        .filter(|f| !skill.is_ambiguous_form(&normalize(f)))
        .filter(|f| !f.is_empty())
        .collect();
    let label_ok = usable.first() == Some(&skill.label.as_str());
    let mut forms: Vec<String> = usable
        .iter()
        .map(|f| with_label_case(f, &skill.label))
        .collect();
    if forms.is_empty() {
        return None;
    }
    let primary = forms.remove(0);
    // Many aliases read oddly in prose ("type script", "sql query",
    // "instructional designer"): keep alternatives to short names and forms
    // that start like the label but are not just its spelling variants.
    let squash = |f: &str| -> String {
        f.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let label = squash(&skill.label);
    let agent = |f: &str| {
        let last = f.rsplit(' ').next().unwrap_or(f);
        ["er", "or", "ist"].iter().any(|e| last.ends_with(e))
    };
    let others = if label_ok {
        forms
            .into_iter()
            .filter(|f| f.len() <= 24 && !f.contains(['-', '/']))
            .filter(|f| squash(f) != label)
            .filter(|f| !agent(f) || agent(&skill.label.to_lowercase()))
            .filter(|f| {
                let g = squash(f);
                (g.len() <= 4 && f.chars().all(|c| c.is_ascii_alphanumeric()))
                    || (g.len() >= 4 && label.len() >= 4 && g[..4] == label[..4])
            })
            .collect()
    } else {
        Vec::new()
    };
    Some(Forms { primary, others })
}

/// Writes an alias with the label's casing when it starts with the label
/// ("react.js" → "React.js"); otherwise as the taxonomy spells it.
fn with_label_case(form: &str, label: &str) -> String {
    if form.len() > label.len()
        && form.is_char_boundary(label.len())
        && form[..label.len()].eq_ignore_ascii_case(label)
    {
        format!("{label}{}", &form[label.len()..])
    } else {
        form.to_string()
    }
}

fn years_line(rng: &mut Rng, years: usize, skill: &str) -> String {
    let years = years.max(1);
    let template = *rng.pick(YEARS_TEMPLATES);
    let word = NUMBER_WORDS.get(years).copied().unwrap_or("five");
    template
        .replace("{n}", &years.to_string())
        .replace("{m}", &(years + 2).to_string())
        .replace("{w}", word)
        .replace("{x}", skill)
}

fn education_line(rng: &mut Rng, spec: &FamilySpec) -> String {
    let field = *rng.pick(spec.fields);
    match spec.key {
        "healthcare" => "Bachelor of Science in Nursing (BSN) and an active RN license".into(),
        "teaching" => format!("Bachelor's degree in {field} and a valid teaching certification"),
        _ => match rng.below(3) {
            0 => format!("Bachelor's degree in {field} or a related field"),
            1 => format!("BS/MS in {field} or equivalent practical experience"),
            _ => format!("Degree in {field}, {} or similar", rng.pick(spec.fields)),
        },
    }
}

fn degree(rng: &mut Rng, spec: &FamilySpec) -> String {
    let field = *rng.pick(spec.fields);
    let prefix = match rng.below(10) {
        0 => *rng.pick(&["Associate of Science in", "A.S. in"]),
        1..=6 => *rng.pick(&[
            "B.Sc.",
            "BSc",
            "BS in",
            "Bachelor of Science in",
            "BA in",
            "Bachelor of Arts in",
        ]),
        7 | 8 => *rng.pick(&["M.Sc.", "MSc", "MS in", "Master of Science in", "MA in"]),
        _ => "PhD in",
    };
    format!("{prefix} {field}")
}

/// A date range in one of the styles résumés use; `start` and `end` are
/// months since year 0 (`year * 12 + month - 1`).
fn date_range(rng: &mut Rng, style: usize, start: i32, end: i32, present: bool) -> String {
    let (sy, sm) = (start / 12, (start % 12) as usize);
    let (ey, em) = (end / 12, (end % 12) as usize);
    let now = *rng.pick(&["Present", "Present", "present", "Current", "Now"]);
    match style {
        0 => {
            let to = if present {
                now.to_string()
            } else {
                format!("{} {ey}", MONTHS[em])
            };
            format!("{} {sy} – {to}", MONTHS[sm])
        }
        1 => {
            let to = if present {
                now.to_string()
            } else {
                ey.to_string()
            };
            format!("{sy}-{to}")
        }
        2 => {
            let to = if present {
                now.to_string()
            } else {
                format!("{:02}/{ey}", em + 1)
            };
            format!("{:02}/{sy} - {to}", sm + 1)
        }
        _ => {
            let to = if present {
                now.to_string()
            } else {
                format!("{} {ey}", MONTHS_LONG[em])
            };
            format!("{} {sy} - {to}", MONTHS_LONG[sm])
        }
    }
}

fn push_bullet(out: &mut String, bullet: &str, n: usize, line: &str) {
    if bullet == "1. " {
        let _ = writeln!(out, "{}. {}", n + 1, capitalize(line));
    } else {
        let _ = writeln!(out, "{bullet}{}", capitalize(line));
    }
}

fn org_name(rng: &mut Rng, sector: &Sector) -> String {
    let name = rng.word(ORG_NAMES);
    rng.word(sector.orgs).replace("{}", name)
}

/// A part of a posting before it is laid out.
#[derive(Debug, Clone)]
enum Block {
    /// The opening lines: title, company, location, salary. The first is
    /// the title line.
    Head(Vec<String>),
    /// A paragraph.
    Text(String),
    /// A section heading as written in plain text ("What you'll bring:").
    Heading(String),
    /// The items of a list.
    List(Vec<String>),
}

/// How a flattened posting writes its lists and headings.
#[derive(Debug, Clone, Copy)]
struct FlatStyle {
    /// 0: "• item", 1: "Item.", 2: "- Item", 3: "item; item; item."
    items: usize,
    /// Headings end with a colon ("Requirements:").
    colon: bool,
}

/// A posting in lines: a blank line after each block but a heading, list
/// items behind `bullet`, headings as `## ` in Markdown.
fn render_lines(blocks: &[Block], markdown: bool, bullet: &str) -> String {
    let mut out = String::with_capacity(2_500);
    for block in blocks {
        match block {
            Block::Head(lines) => {
                for line in lines {
                    let _ = writeln!(out, "{line}");
                }
                out.push('\n');
            }
            Block::Text(text) => {
                let _ = writeln!(out, "{text}\n");
            }
            Block::Heading(h) if markdown => {
                let _ = writeln!(out, "## {}", h.trim_end_matches(':'));
            }
            Block::Heading(h) => {
                let _ = writeln!(out, "{h}");
            }
            Block::List(items) => {
                for (n, item) in items.iter().enumerate() {
                    push_bullet(&mut out, bullet, n, item);
                }
                out.push('\n');
            }
        }
    }
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}

/// A posting as job boards export it: the title line, then everything
/// else as one paragraph.
fn render_flat(blocks: &[Block], style: FlatStyle) -> String {
    let mut title = String::new();
    let mut words: Vec<String> = Vec::new();
    for block in blocks {
        match block {
            Block::Head(lines) => {
                let mut lines = lines.iter().filter(|l| !l.is_empty());
                title = lines.next().cloned().unwrap_or_default();
                words.extend(lines.cloned());
            }
            Block::Text(text) => words.push(text.clone()),
            Block::Heading(h) if style.colon && !h.ends_with(':') => words.push(format!("{h}:")),
            Block::Heading(h) => words.push(h.clone()),
            Block::List(items) => {
                for (n, item) in items.iter().enumerate() {
                    let item = capitalize(item);
                    let end = if item.ends_with(['.', '!', '?']) {
                        ""
                    } else {
                        "."
                    };
                    words.push(match style.items {
                        0 => format!("• {item}"),
                        1 => format!("{item}{end}"),
                        2 => format!("- {item}"),
                        _ if n + 1 == items.len() => format!("{item}{end}"),
                        _ => format!("{item};"),
                    });
                }
            }
        }
    }
    format!("{title}\n{}\n", words.join(" "))
}

/// `word` with one typing mistake in one of its words of at least
/// [`TYPO_MIN_LETTERS`] ASCII letters (two letters swapped, one dropped,
/// doubled or hit on the neighbouring key; never the first letter), or
/// `None` when it has no such word.
fn typo(rng: &mut Rng, form: &str) -> Option<String> {
    let words: Vec<(usize, &str)> = form
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| w.len() >= TYPO_MIN_LETTERS && w.chars().all(|c| c.is_ascii_alphabetic()))
        .collect();
    let &(start, word) = words.get(rng.below(words.len().max(1)))?;
    let mut letters: Vec<u8> = word.bytes().collect();
    let at = rng.range(1, letters.len() - 2);
    match rng.below(4) {
        0 if letters[at] != letters[at + 1] => letters.swap(at, at + 1),
        1 => {
            letters.insert(at, letters[at]);
        }
        2 => {
            let c = letters[at];
            let key = neighbour_key(c.to_ascii_lowercase(), rng.chance(50));
            letters[at] = if c.is_ascii_uppercase() {
                key.to_ascii_uppercase()
            } else {
                key
            };
        }
        _ => {
            letters.remove(at);
        }
    }
    let wrong = String::from_utf8(letters).expect("ASCII letters stay ASCII");
    Some(format!(
        "{}{wrong}{}",
        &form[..start],
        &form[start + word.len()..]
    ))
}

/// The key left or right of lowercase `c` on a QWERTY keyboard, or `c` at
/// the row's end.
fn neighbour_key(c: u8, left: bool) -> u8 {
    for row in [&b"qwertyuiop"[..], b"asdfghjkl", b"zxcvbnm"] {
        if let Some(i) = row.iter().position(|&k| k == c) {
            return match (left, i) {
                (true, 0) => row[1],
                (true, _) => row[i - 1],
                (false, _) if i + 1 == row.len() => row[i - 1],
                (false, _) => row[i + 1],
            };
        }
    }
    c
}

/// The city of "City, Country".
fn city(location: &str) -> &str {
    location.split(',').next().unwrap_or(location)
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => s.to_string(),
    }
}

/// "a, b or c".
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// `n` with a comma before the thousands: "9,800", "300".
fn thousands(n: usize) -> String {
    if n < 1_000 {
        n.to_string()
    } else {
        format!("{},{:03}", n / 1_000, n % 1_000)
    }
}

/// ASCII letters of a name, lowercased, for e-mail addresses.
fn ascii_slug(name: &str) -> String {
    name.chars()
        .filter_map(|c| match c {
            'á' | 'à' => Some('a'),
            'é' => Some('e'),
            'í' => Some('i'),
            'ó' => Some('o'),
            'ú' | 'ü' => Some('u'),
            c if c.is_ascii_alphabetic() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use skillmatch::extract::dates::YearMonth;
    use skillmatch::extract::posting::parse_postings;
    use skillmatch::extract::resume::{parse_resume, ResumeOptions};
    use skillmatch::extract::Matcher;

    const POSTINGS: usize = 120;
    const RESUMES: usize = 40;

    /// The whole corpus as bytes: every file, then both CSVs.
    fn corpus_bytes(catalog: &Catalog, seed: u64) -> Vec<u8> {
        let mut out = Vec::new();
        for (kind, count) in [(1, POSTINGS), (2, RESUMES)] {
            let docs: Vec<Doc> = (0..count)
                .map(|i| {
                    if kind == 1 {
                        catalog.posting(seed, i)
                    } else {
                        catalog.resume(seed, i)
                    }
                })
                .collect();
            let mut csv = csv::Writer::from_writer(Vec::new());
            for doc in &docs {
                out.extend_from_slice(format!("== {}.{}\n", doc.id, doc.ext).as_bytes());
                out.extend_from_slice(doc.text.as_bytes());
                csv.write_record(doc.record()).expect("in-memory CSV");
            }
            out.extend(csv.into_inner().expect("in-memory CSV"));
        }
        out
    }

    fn catalog(taxonomy: &Taxonomy) -> Catalog {
        Catalog::new(taxonomy).expect("every family names known skills with usable forms")
    }

    #[test]
    fn same_seed_gives_identical_bytes() {
        let taxonomy = Taxonomy::embedded().expect("embedded taxonomy");
        let catalog = catalog(&taxonomy);
        let a = corpus_bytes(&catalog, 7);
        let b = corpus_bytes(&catalog, 7);
        assert!(a.len() > 100_000, "corpus is {} bytes", a.len());
        assert!(a == b, "two runs with seed 7 differ");
    }

    #[test]
    fn different_seed_gives_different_output() {
        let taxonomy = Taxonomy::embedded().expect("embedded taxonomy");
        let catalog = catalog(&taxonomy);
        assert!(corpus_bytes(&catalog, 7) != corpus_bytes(&catalog, 8));
        assert_ne!(catalog.posting(7, 0).text, catalog.posting(8, 0).text);
    }

    #[test]
    fn documents_do_not_depend_on_generation_order() {
        let taxonomy = Taxonomy::embedded().expect("embedded taxonomy");
        let catalog = catalog(&taxonomy);
        let forward: Vec<Doc> = (0..20).map(|i| catalog.posting(3, i)).collect();
        let backward: Vec<Doc> = (0..20).rev().map(|i| catalog.posting(3, i)).collect();
        assert!(forward.iter().eq(backward.iter().rev()));
    }

    #[test]
    fn every_posting_parses_into_requirements_with_skills() {
        let taxonomy = Taxonomy::embedded().expect("embedded taxonomy");
        let matcher = Matcher::new(&taxonomy).expect("matcher");
        let catalog = catalog(&taxonomy);
        for i in 0..POSTINGS {
            let doc = catalog.posting(11, i);
            let postings = parse_postings(&matcher, &doc.id, &doc.text);
            assert_eq!(
                postings.len(),
                1,
                "{} parses as {} postings:\n{}",
                doc.id,
                postings.len(),
                doc.text
            );
            let reqs = &postings[0].requirements;
            assert!(
                reqs.len() >= 2,
                "{} has {} requirements:\n{}",
                doc.id,
                reqs.len(),
                doc.text
            );
            assert!(
                reqs.iter().any(|r| !r.any_of.is_empty()),
                "{} has no requirement with a skill:\n{}",
                doc.id,
                doc.text
            );
        }
    }

    #[test]
    fn every_full_resume_yields_a_dated_role_and_skills() {
        let taxonomy = Taxonomy::embedded().expect("embedded taxonomy");
        let matcher = Matcher::new(&taxonomy).expect("matcher");
        let catalog = catalog(&taxonomy);
        let options = ResumeOptions {
            as_of: YearMonth::new(ANCHOR.0, ANCHOR.1).expect("valid month"),
        };
        let mut full = 0;
        for i in 0..RESUMES {
            let doc = catalog.resume(11, i);
            if doc.truth.layout != Layout::Full {
                continue;
            }
            full += 1;
            let candidate = parse_resume(&matcher, &doc.id, &doc.text, &options);
            assert!(
                !candidate.roles.is_empty(),
                "{} has no dated role:\n{}",
                doc.id,
                doc.text
            );
            assert!(
                candidate.skills.len() >= 3,
                "{} has {} skills:\n{}",
                doc.id,
                candidate.skills.len(),
                doc.text
            );
            assert_eq!(
                candidate.name.as_deref(),
                Some(doc.fields[0].as_str()),
                "{}",
                doc.id
            );
        }
        assert!(full >= RESUMES / 2, "only {full} full résumés of {RESUMES}");
    }

    #[test]
    fn noisy_resumes_list_skills_without_dates_and_misspell_some() {
        let taxonomy = Taxonomy::embedded().expect("embedded taxonomy");
        let matcher = Matcher::new(&taxonomy).expect("matcher");
        let catalog = catalog(&taxonomy);
        let options = ResumeOptions {
            as_of: YearMonth::new(ANCHOR.0, ANCHOR.1).expect("valid month"),
        };
        let (mut noisy, mut misspelt) = (0, 0);
        for i in 0..200 {
            let doc = catalog.resume(11, i);
            if doc.truth.layout != Layout::Noisy {
                continue;
            }
            noisy += 1;
            let candidate = parse_resume(&matcher, &doc.id, &doc.text, &options);
            assert!(
                candidate.roles.is_empty(),
                "{} has a dated role:\n{}",
                doc.id,
                doc.text
            );
            let found = doc
                .truth
                .held
                .iter()
                .filter(|&&s| candidate.skill(s).is_some())
                .count();
            assert!(found >= 1, "{}: no skill found:\n{}", doc.id, doc.text);
            // A held skill none of whose forms is in the text was misspelt.
            let written = |s: SkillId| {
                let text = doc.text.to_lowercase();
                taxonomy.skills()[s.index()]
                    .forms()
                    .any(|f| text.contains(&f.to_lowercase()))
            };
            misspelt += doc.truth.held.iter().filter(|&&s| !written(s)).count();
        }
        assert!(noisy >= 20, "only {noisy} noisy résumés of 200");
        assert!(
            misspelt >= noisy,
            "{misspelt} misspelt skills in {noisy} noisy résumés"
        );
    }

    #[test]
    fn flattened_postings_are_a_title_and_one_paragraph() {
        let taxonomy = Taxonomy::embedded().expect("embedded taxonomy");
        let catalog = catalog(&taxonomy);
        let mut flat = 0;
        for i in 0..POSTINGS {
            let doc = catalog.posting(11, i);
            let lines = doc.text.lines().count();
            if doc.truth.layout == Layout::Flat {
                flat += 1;
                assert_eq!(lines, 2, "{}:\n{}", doc.id, doc.text);
                let first = doc.text.lines().next().unwrap_or_default();
                assert!(
                    first.contains(doc.fields[0].as_str()),
                    "{}: {first}",
                    doc.id
                );
            } else {
                assert!(lines > 10, "{} has {lines} lines:\n{}", doc.id, doc.text);
            }
        }
        assert!(
            (POSTINGS / 5..=POSTINGS / 2).contains(&flat),
            "{flat} of {POSTINGS} flat"
        );
    }

    #[test]
    fn a_postings_truth_starts_with_its_stack() {
        let taxonomy = Taxonomy::embedded().expect("embedded taxonomy");
        let catalog = catalog(&taxonomy);
        for i in 0..POSTINGS {
            let doc = catalog.posting(11, i);
            let t = &doc.truth;
            let stack = &catalog.families[t.family].stacks[t.stack];
            assert_eq!(t.core, stack.len(), "{}", doc.id);
            for (requirement, skill) in t.required.iter().zip(stack) {
                assert!(requirement.contains(skill), "{}: {requirement:?}", doc.id);
            }
            assert!(
                t.required.len() > t.core,
                "{}: only stack requirements",
                doc.id
            );
        }
    }

    #[test]
    fn grade_needs_the_family_and_the_stack_then_counts_requirements() {
        let s = |i: u32| SkillId(i);
        let posting = |family: usize, required: Vec<Vec<SkillId>>, core: usize| Truth {
            family,
            stack: 0,
            layout: Layout::Lines,
            required,
            core,
            held: Vec::new(),
            answers: Vec::new(),
        };
        let resume = |family: usize, mut held: Vec<SkillId>| {
            held.sort();
            Truth {
                family,
                stack: 0,
                layout: Layout::Full,
                required: Vec::new(),
                core: 0,
                held: held.clone(),
                answers: held,
            }
        };
        // Stack: (1 or 2), 3. Then 4, 5, 6, 7: six requirements in all.
        let req = vec![
            vec![s(1), s(2)],
            vec![s(3)],
            vec![s(4)],
            vec![s(5)],
            vec![s(6)],
            vec![s(7)],
        ];
        let cases: &[(&str, usize, Vec<SkillId>, u8)] = &[
            (
                "other family",
                1,
                vec![s(1), s(3), s(4), s(5), s(6), s(7)],
                0,
            ),
            ("everything", 0, vec![s(1), s(3), s(4), s(5), s(6), s(7)], 2),
            (
                "the other alternative counts",
                0,
                vec![s(2), s(3), s(4), s(5)],
                2,
            ),
            ("4 of 6 is two thirds", 0, vec![s(1), s(3), s(4), s(5)], 2),
            ("3 of 6 is half", 0, vec![s(1), s(3), s(4)], 1),
            ("stack alone, 2 of 6", 0, vec![s(1), s(3)], 0),
            ("no framework", 0, vec![s(1), s(4), s(5), s(6), s(7)], 0),
            ("no language", 0, vec![s(3), s(4), s(5), s(6), s(7)], 0),
            ("unrelated skills", 0, vec![s(8), s(9)], 0),
        ];
        for (name, family, held, want) in cases {
            let got = grade(&posting(0, req.clone(), 2), &resume(*family, held.clone()));
            assert_eq!(got, *want, "{name}");
        }
    }

    #[test]
    fn a_specialist_answers_for_the_general_skill_not_the_reverse() {
        let taxonomy = Taxonomy::embedded().expect("embedded taxonomy");
        let catalog = catalog(&taxonomy);
        let id = |s: &str| taxonomy.get(s).expect("known skill");
        let (nursing, icu) = (id("nursing"), id("critical-care-nursing"));
        assert!(catalog.ancestors[icu.index()].contains(&nursing));
        assert!(!catalog.ancestors[nursing.index()].contains(&icu));
        for i in 0..RESUMES {
            let t = catalog.resume(3, i).truth;
            for s in &t.held {
                assert!(t.answers.binary_search(s).is_ok());
                for a in &catalog.ancestors[s.index()] {
                    assert!(t.answers.binary_search(a).is_ok());
                }
            }
        }
    }

    #[test]
    fn qrels_hold_every_relevant_pair_once_in_order() {
        let taxonomy = Taxonomy::embedded().expect("embedded taxonomy");
        let catalog = catalog(&taxonomy);
        let judged = |doc: Doc| Judged {
            id: doc.id,
            truth: doc.truth,
        };
        let postings: Vec<Judged> = (0..POSTINGS)
            .map(|i| judged(catalog.posting(5, i)))
            .collect();
        let resumes: Vec<Judged> = (0..RESUMES).map(|i| judged(catalog.resume(5, i))).collect();
        let got = qrels(&postings, &resumes);
        let mut want = Vec::new();
        for (r, resume) in resumes.iter().enumerate() {
            for (p, posting) in postings.iter().enumerate() {
                let grade = grade(&posting.truth, &resume.truth);
                if grade > 0 {
                    want.push(Qrel {
                        resume: r,
                        posting: p,
                        grade,
                    });
                }
            }
        }
        assert_eq!(got, want);
        assert!(got.iter().any(|q| q.grade == 1) && got.iter().any(|q| q.grade == 2));
    }

    #[test]
    fn typo_changes_one_long_word_by_one_edit() {
        let cases: &[(&str, bool)] = &[
            ("Kubernetes", true),
            ("Apache Spark", true),
            ("Go", false),
            ("CI/CD", false),
            ("AWS Lambda", true),
            ("C++", false),
        ];
        for seed in 0..50 {
            let mut rng = Rng(seed);
            for &(form, changes) in cases {
                match typo(&mut rng, form) {
                    None => assert!(!changes, "{form}: no typo"),
                    Some(wrong) => {
                        assert!(changes, "{form} became {wrong}");
                        assert_ne!(wrong, form);
                        let distance = strsim::damerau_levenshtein(form, &wrong);
                        assert_eq!(distance, 1, "{form} → {wrong}");
                        assert_eq!(
                            wrong.chars().next(),
                            form.chars().next(),
                            "{form} → {wrong}"
                        );
                        let differ = form
                            .split(' ')
                            .zip(wrong.split(' '))
                            .filter(|(a, b)| a != b)
                            .count();
                        assert_eq!(differ, 1, "{form} → {wrong}");
                    }
                }
            }
        }
    }

    #[test]
    fn rng_is_the_reference_splitmix64() {
        // First output of splitmix64 seeded with 0 (Vigna's reference code).
        assert_eq!(Rng(0).next_u64(), 0xE220_A839_7B1D_CDAF);
        let mut rng = Rng(42);
        assert!((0..1_000).all(|_| rng.below(7) < 7));
    }
}
