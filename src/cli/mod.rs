//! Command-line arguments (clap) and dispatch. One file per subcommand.
//!
//! Exit codes: 0 success; 1 findings, or nothing matched where that is the
//! question; 2 error (bad arguments, unreadable or malformed input).

mod explain;
mod extract;
mod output;
mod rank;
mod score;
mod taxonomy;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand, ValueEnum};
use skillmatch::extract::dates::YearMonth;
use skillmatch::extract::resume::ResumeOptions;
use skillmatch::input::{self, Columns, Document, Role};
use skillmatch::score::Weights;
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
    /// Scoring weights and partial credits to use instead of the defaults (TOML; see DESIGN.md).
    #[arg(long, global = true, value_name = "FILE")]
    weights: Option<PathBuf>,
    /// Resolve "Present" in résumé dates against this day (YYYY-MM-DD; default: today).
    #[arg(long = "as-of", global = true, value_name = "DATE")]
    as_of: Option<YearMonth>,
    /// Fail on the first bad row, line or file of a batch instead of skipping it.
    #[arg(long, global = true)]
    strict: bool,
    /// Print nothing but results and errors.
    #[arg(long, short, global = true)]
    quiet: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Turn postings into requirements and résumés into evidenced skills.
    Extract(extract::ExtractArgs),
    /// Rank postings for one résumé, and suggest the skills that would help most.
    Score(score::ScoreArgs),
    /// Spot-check one résumé against one posting, requirement by requirement.
    Explain(explain::ExplainArgs),
    /// Batch: rank postings for every candidate (or candidates for every posting) into a CSV.
    Rank(rank::RankArgs),
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
        Command::Score(args) => score::run(&cli.global, args),
        Command::Explain(args) => explain::run(&cli.global, args),
        Command::Rank(args) => rank::run(&cli.global, args),
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

    /// The scoring weights: `--weights FILE`, else the defaults.
    fn load_weights(&self) -> anyhow::Result<Weights> {
        Ok(match &self.weights {
            Some(path) => Weights::read(path)?,
            None => Weights::default(),
        })
    }

    /// The documents of a batch source. Bad entries are reported on stderr
    /// and skipped, with a count at the end, or fail the run under
    /// `--strict`. A source with no good entry is an error.
    fn load_documents(&self, path: &Path, role: Role, what: &str) -> anyhow::Result<Vec<Document>> {
        let loaded = input::load(path, role, &Columns::default())?;
        if let Some(first) = loaded.skipped.first() {
            if self.strict {
                anyhow::bail!("{first} (--strict stops at the first bad entry)");
            }
            for e in &loaded.skipped {
                eprintln!("skillmatch: warning: skipped: {e}");
            }
            let n = loaded.skipped.len();
            eprintln!(
                "skillmatch: warning: {}: skipped {n} of {} {what}{} (use --strict to fail instead)",
                path.display(),
                n + loaded.documents.len(),
                skillmatch::report::plural(n + loaded.documents.len()),
            );
        }
        if loaded.documents.is_empty() {
            anyhow::bail!("{}: no {what} could be read", path.display());
        }
        Ok(loaded.documents)
    }
}

/// Writes `doc` as pretty JSON and a newline. The document is rendered
/// first, so a closed pipe surfaces as a plain I/O error (see
/// [`is_broken_pipe`]) and nothing half-rendered is ever written.
pub fn write_json(
    out: &mut (impl std::io::Write + ?Sized),
    doc: &serde_json::Value,
) -> anyhow::Result<()> {
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
