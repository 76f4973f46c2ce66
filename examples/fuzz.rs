//! A mutation fuzzer for the parsers, on stable Rust.
//!
//! cargo-fuzz needs a nightly toolchain and the sanitizer runtime, which
//! this project does not require; this harness gives the same kind of
//! search with std alone. It starts from real inputs (the examples, the
//! test data, and `../shared` when present), mutates them (byte flips,
//! inserted tokens that steer the parsers: headers, bullets, date ranges,
//! years phrases, TOML keys; splices of two inputs; truncation; repeated
//! chunks) and runs one target on each, checking that it does not panic
//! and that what it returns points inside its input. A failing input is
//! written to `fuzz-findings/TARGET-N.bin` and the run goes on; keep each
//! one as a regression test next to the parser it broke. The runs and
//! their figures are recorded in BENCHMARKS.md ("Fuzzing").
//!
//! Run: `cargo run --release --example fuzz -- TARGET [--seconds N] [--seed N]`
//! where TARGET is `posting`, `resume`, `taxonomy`, `csv`, `json`, `html`,
//! `docx` or `pdf`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use skillmatch::document::DocumentKind;
use skillmatch::extract::dates::YearMonth;
use skillmatch::extract::posting::parse_postings;
use skillmatch::extract::resume::{parse_resume, ResumeOptions};
use skillmatch::extract::Matcher;
use skillmatch::input::{load, Format, LoadOptions};
use skillmatch::taxonomy::{Source, Taxonomy, TaxonomyBuilder};

/// Tokens inserted by the mutator: the shapes the parsers branch on.
const TOKENS: &[&str] = &[
    "\n",
    "\n\n",
    "Requirements\n",
    "Nice to have:",
    "## Experience\n",
    "Skills\n",
    "Education\n",
    "- ",
    "• ",
    "* ",
    "1. ",
    "5+ years of ",
    "0-2 years of experience",
    "up to 3 years",
    "Jan 2019 – Present\n",
    "2017-2020",
    "03/2018 - 11/2021",
    " or ",
    " and ",
    ", ",
    "/",
    "(",
    ")",
    ":",
    "Java",
    "Go",
    "C++",
    "Kubernetes",
    "PostgreSQL",
    "Bachelor's degree in Computer Science or equivalent experience",
    "https://example.com/x",
    "a@b.co",
    "é",
    "\u{feff}",
    "\u{200b}",
    "\r\n",
    "\t",
    "[[skill]]\n",
    "id = \"x\"\n",
    "label = \"X\"\n",
    "parents = [\"x\"]\n",
    "aliases = [\"go\", \"\"]\n",
    "[skill.ambiguity]\nforms = [\"go\"]\n",
    "<li>",
    "</li>",
    "<ul>",
    "<script type=\"application/ld+json\">{\"@type\":\"JobPosting\",\"title\":\"X\",\"description\":\"<p>Java</p>\"}</script>",
    "<h2>",
    "&amp;",
    "\"",
    ",\"",
    "\"\"",
    "{\"text\": \"",
    "[",
    "]",
    "{",
    "}",
];

/// A small, fast, deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// One mutation of `input`, using `other` for splices.
fn mutate(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(7) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 | 2 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                out.splice(at..at, token.iter().copied());
            }
            3 if !out.is_empty() => {
                let end = (at + rng.below(64)).min(out.len());
                out.drain(at.min(end)..end);
            }
            4 if !other.is_empty() => {
                let from = rng.below(other.len());
                let to = (from + rng.below(512)).min(other.len());
                out.splice(at..at, other[from..to].iter().copied());
            }
            5 if !out.is_empty() => {
                let from = rng.below(out.len());
                let to = (from + rng.below(128)).min(out.len());
                let chunk = out[from..to].to_vec();
                for _ in 0..1 + rng.below(20) {
                    out.splice(at..at, chunk.iter().copied());
                }
            }
            _ => out.truncate(at),
        }
    }
    out.truncate(1 << 18);
    out
}

/// The starting inputs for `target`: files with the extensions it reads,
/// from the repository and from `../shared` when present.
fn seeds(target: &str) -> Vec<Vec<u8>> {
    let exts: &[&str] = match target {
        "taxonomy" => &["toml"],
        "csv" => &["csv"],
        "json" => &["json", "jsonl"],
        "html" => &["html", "htm"],
        _ => &["txt", "md"],
    };
    let roots = [
        "examples",
        "tests/data",
        "taxonomy",
        "../shared/seeds",
        "../shared/data/corpus/postings-dev",
        "../shared/data/corpus/resumes-dev",
    ];
    let mut files: Vec<PathBuf> = Vec::new();
    for root in roots {
        walk(Path::new(root), exts, &mut files);
    }
    files.sort();
    files.truncate(400);
    let mut out: Vec<Vec<u8>> = files
        .iter()
        .filter_map(|f| std::fs::read(f).ok())
        .filter(|b| b.len() < 1 << 18)
        .collect();
    if out.is_empty() {
        out.push(b"Requirements\n- Java or Go\n".to_vec());
    }
    out
}

fn walk(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            walk(&path, exts, out);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| exts.contains(&e))
        {
            out.push(path);
        }
    }
}

/// Runs `target` on `bytes`; an `Err` is a broken invariant.
fn run(target: &str, bytes: &[u8], matcher: &Matcher<'_>, scratch: &Path) -> Result<(), String> {
    let text = String::from_utf8_lossy(bytes);
    match target {
        "posting" => {
            for p in parse_postings(matcher, "fuzz", &text) {
                for m in &p.mentions {
                    if m.end > text.len() || !text.is_char_boundary(m.start) {
                        return Err(format!("mention {}..{} outside the text", m.start, m.end));
                    }
                }
                for r in &p.requirements {
                    if !text.contains(r.text.as_str()) {
                        return Err(format!("requirement text not in the input: {:?}", r.text));
                    }
                }
            }
        }
        "resume" => {
            let options = ResumeOptions {
                as_of: YearMonth::new(2026, 11).ok_or("month")?,
            };
            let c = parse_resume(matcher, "fuzz", &text, &options);
            for s in &c.skills {
                for e in &s.evidence {
                    if e.end > text.len() || !text.is_char_boundary(e.start) {
                        return Err(format!("evidence {}..{} outside the text", e.start, e.end));
                    }
                }
            }
        }
        "taxonomy" => {
            let mut b = TaxonomyBuilder::new();
            b.add_source(Source::new("fuzz.toml", text.to_string()));
            if let Ok(t) = b.build() {
                let _ = Matcher::new(&t).map(|m| m.find("Java and Go"));
            }
        }
        other => {
            // Half the time the mutated text goes inside a well-formed
            // container, so the readers' inner parsing is searched too.
            let wrapped;
            let bytes = match other {
                "docx" if bytes.first().is_some_and(|b| b % 2 == 0) => {
                    wrapped = docx_of(&text);
                    wrapped.as_slice()
                }
                "pdf" if bytes.first().is_some_and(|b| b % 2 == 0) => {
                    wrapped = pdf_of(&text);
                    wrapped.as_slice()
                }
                _ => bytes,
            };
            let ext = match other {
                "csv" => "csv",
                "json" => "json",
                "html" => "html",
                "docx" => "docx",
                "pdf" => "pdf",
                _ => return Err(format!("unknown target {other}")),
            };
            let path = scratch.join(format!("input.{ext}"));
            std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
            let format = Format::of_extension(&path);
            let options = LoadOptions {
                format,
                ..LoadOptions::default()
            };
            if let Ok(loaded) = load(&path, DocumentKind::Posting, &options) {
                for d in &loaded.documents {
                    let _ = parse_postings(matcher, &d.source, &d.text);
                }
            }
        }
    }
    Ok(())
}

/// A DOCX whose document body is the lines of `text` as paragraphs; the
/// text is put in as it is, markup and all, to reach the XML reader.
fn docx_of(text: &str) -> Vec<u8> {
    use std::io::Write as _;
    let body: String = text
        .lines()
        .map(|l| format!("<w:p><w:r><w:t>{l}</w:t></w:r></w:p>"))
        .collect();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let _ = zip.start_file("word/document.xml", options);
    let _ = zip.write_all(document.as_bytes());
    zip.finish().map(|c| c.into_inner()).unwrap_or_default()
}

/// A one-page PDF writing the lines of `text` with Helvetica.
fn pdf_of(text: &str) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream};
    let mut ops = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 12.into()]),
        Operation::new("Td", vec![72.into(), 760.into()]),
    ];
    for line in text.lines().take(200) {
        ops.push(Operation::new("Td", vec![0.into(), (-14).into()]));
        ops.push(Operation::new(
            "Tj",
            vec![Object::string_literal(line.as_bytes().to_vec())],
        ));
    }
    ops.push(Operation::new("ET", vec![]));
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let Ok(content) = (Content { operations: ops }).encode() else {
        return Vec::new();
    };
    let content_id = doc.add_object(Stream::new(dictionary! {}, content));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    let _ = doc.save_to(&mut bytes);
    bytes
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let target = args.first().cloned().unwrap_or_else(|| "posting".into());
    let flag = |name: &str, default: u64| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let seconds = flag("--seconds", 60);
    let mut rng = Rng(flag("--seed", 7) | 1);
    let taxonomy = match Taxonomy::embedded() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("fuzz: {e}");
            std::process::exit(2);
        }
    };
    let matcher = match Matcher::new(&taxonomy) {
        Ok(m) => m,
        Err(e) => {
            eprintln!("fuzz: {e}");
            std::process::exit(2);
        }
    };
    // Binary formats start from what the text seeds give, wrapped by the
    // mutator's tokens; they mostly test the error paths of the readers.
    let mut corpus = seeds(&target);
    let scratch =
        std::env::temp_dir().join(format!("skillmatch-fuzz-{target}-{}", std::process::id()));
    let findings = Path::new("fuzz-findings");
    if std::fs::create_dir_all(&scratch).is_err() || std::fs::create_dir_all(findings).is_err() {
        eprintln!("fuzz: cannot create the scratch and findings folders");
        std::process::exit(2);
    }
    // Panics are findings: keep the default hook quiet, report them here.
    std::panic::set_hook(Box::new(|_| {}));
    let started = Instant::now();
    let (mut runs, mut found) = (0u64, 0u32);
    while started.elapsed() < Duration::from_secs(seconds) {
        let a = rng.below(corpus.len());
        let b = rng.below(corpus.len());
        let input = mutate(&mut rng, &corpus[a], &corpus[b]);
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            run(&target, &input, &matcher, &scratch)
        }));
        runs += 1;
        let problem = match outcome {
            Ok(Ok(())) => None,
            Ok(Err(message)) => Some(message),
            Err(panic) => Some(
                panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "panic".into()),
            ),
        };
        if let Some(message) = problem {
            found += 1;
            let file = findings.join(format!("{target}-{found}.bin"));
            let _ = std::fs::write(&file, &input);
            println!("finding {found}: {message} ({})", file.display());
        } else if corpus.len() < 2000 && rng.below(16) == 0 {
            // Keep some mutants: later rounds build on them.
            corpus.push(input);
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    println!(
        "fuzz {target}: {runs} inputs in {seconds} s, {found} finding{}",
        if found == 1 { "" } else { "s" }
    );
    std::process::exit(i32::from(found > 0));
}
