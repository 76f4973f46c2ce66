//! Command-line arguments (clap) and dispatch. One file per subcommand.
//!
//! Exit codes: 0 success; 1 findings, or nothing matched where that is the
//! question; 2 error (bad arguments, unreadable or malformed input).

mod extract;
mod taxonomy;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand, ValueEnum};
use skillmatch::extract::dates::YearMonth;
use skillmatch::extract::resume::ResumeOptions;
use skillmatch::taxonomy::{Taxonomy, TaxonomyBuilder};

/// Exit code for findings, or for nothing matched.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code for errors.
pub const EXIT_ERROR: u8 = 2;

const AFTER_HELP: &str = "\
Exit codes:
  0  success
  1  findings (taxonomy lint), or nothing matched (taxonomy lookup)
  2  error: bad arguments, unreadable or malformed input (the message names the file and line)";

/// Match candidates to job postings by skills: offline, fast, explainable.
#[derive(Debug, Parser)]
#[command(name = "skillmatch", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

/// Options every subcommand accepts, before or after its name.
#[derive(Debug, Args)]
struct GlobalArgs {
    /// Use the taxonomy in DIR (*.toml) instead of the embedded default.
    #[arg(long, global = true, value_name = "DIR")]
    taxonomy: Option<PathBuf>,
    /// Add the skills of FILE or of every *.toml in DIR to the taxonomy (repeatable).
    #[arg(long = "taxonomy-extra", global = true, value_name = "FILE|DIR")]
    taxonomy_extra: Vec<PathBuf>,
    /// Resolve "Present" in résumé dates against this day (YYYY-MM-DD; default: today).
    #[arg(long = "as-of", global = true, value_name = "DATE")]
    as_of: Option<YearMonth>,
    /// Print nothing but results and errors.
    #[arg(long, short, global = true)]
    quiet: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Turn postings into requirements and résumés into evidenced skills.
    Extract(extract::ExtractArgs),
    /// Check, count and search the skill taxonomy.
    Taxonomy(taxonomy::TaxonomyArgs),
}

/// Output format for commands that print text or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum TextOrJson {
    /// Human-readable text.
    #[default]
    Text,
    /// JSON on one document.
    Json,
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract::run(&cli.global, args),
        Command::Taxonomy(args) => taxonomy::run(&cli.global, args),
    }
}

impl GlobalArgs {
    /// The builder for the taxonomy these options select.
    fn taxonomy_builder(&self) -> anyhow::Result<TaxonomyBuilder> {
        let mut builder = TaxonomyBuilder::new();
        match &self.taxonomy {
            Some(dir) => {
                builder
                    .add_path(dir)
                    .with_context(|| format!("loading --taxonomy {}", dir.display()))?;
            }
            None => builder = builder.with_embedded(),
        }
        for extra in &self.taxonomy_extra {
            builder
                .add_path(extra)
                .with_context(|| format!("loading --taxonomy-extra {}", extra.display()))?;
        }
        Ok(builder)
    }

    /// How résumés are read under these options.
    fn resume_options(&self) -> ResumeOptions {
        ResumeOptions {
            as_of: self.as_of.unwrap_or_else(YearMonth::today),
        }
    }

    /// The taxonomy these options select, built and validated.
    fn load_taxonomy(&self) -> anyhow::Result<Taxonomy> {
        Ok(self.taxonomy_builder()?.build()?)
    }
}

/// Input files larger than this are refused: postings and résumés are small,
/// and a mistaken argument (a disk image, a log) should fail fast.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a text file as UTF-8 (a BOM is dropped), naming the file on error.
pub fn read_text(path: &std::path::Path) -> anyhow::Result<String> {
    let meta =
        std::fs::metadata(path).with_context(|| format!("{}: cannot read", path.display()))?;
    if meta.len() > MAX_INPUT_BYTES {
        anyhow::bail!(
            "{}: file is {} bytes, over the {} byte limit for one posting or résumé",
            path.display(),
            meta.len(),
            MAX_INPUT_BYTES
        );
    }
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let (line, column) = skillmatch::error::line_column(
            &String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]),
            e.utf8_error().valid_up_to(),
        );
        anyhow::anyhow!(
            "{}:{line}:{column}: not valid UTF-8 text: save the file as UTF-8",
            path.display()
        )
    })?;
    if text.trim().is_empty() {
        anyhow::bail!("{}: the file is empty: nothing to extract", path.display());
    }
    // A byte-order mark becomes three spaces: offsets stay offsets into the
    // file as read, and no line starts with an invisible character.
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => format!("   {rest}"),
        None => text,
    })
}

/// Writes `doc` as pretty JSON and a newline. The document is rendered
/// first, so a closed pipe surfaces as a plain I/O error (see
/// [`is_broken_pipe`]) and nothing half-rendered is ever written.
pub fn write_json(out: &mut impl std::io::Write, doc: &serde_json::Value) -> anyhow::Result<()> {
    let mut bytes = serde_json::to_vec_pretty(doc)?;
    bytes.push(b'\n');
    out.write_all(&bytes)?;
    Ok(())
}

/// Is this error (or its cause) a closed stdout pipe?
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
