//! Command-line arguments (clap): the options every subcommand shares,
//! and one file per subcommand; `command.rs` parses the command line and
//! dispatches to them.
//!
//! Exit codes: 0 success; 1 findings, nothing matched where that is the
//! question, or an unusable index (`index info`); 2 error (bad arguments,
//! unreadable or malformed input, an index that cannot be used).

mod command;
mod completions;
mod explain;
mod extract;
mod index;
mod man;
pub mod output;
mod rank;
mod score;
mod serve;
mod taxonomy;

use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser as _};
use clap::{Args, ValueEnum};
use skillmatch::document::{Document, DocumentKind};
use skillmatch::extract::dates::YearMonth;
use skillmatch::extract::resume::ResumeOptions;
use skillmatch::input::{self, Columns, Format, LoadOptions};
use skillmatch::prepared::Prepared;
use skillmatch::report;
use skillmatch::score::Weights;
use skillmatch::taxonomy::TaxonomyBuilder;

/// Exit code for findings, or for nothing matched.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code for errors.
pub const EXIT_ERROR: u8 = 2;

pub use command::{run, Cli};

/// Options every subcommand accepts, before or after its name. `--help`
/// lists them under their own headings, after the command's own options.
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
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
    /// Read files a CSV `path` column names outside the CSV's folder (refused by default).
    #[arg(long = "paths-outside-csv", global = true)]
    paths_outside_csv: bool,
    /// Read every input file as this format (default: by extension, then by content).
    #[arg(long = "format-in", global = true, value_enum, value_name = "FORMAT")]
    format_in: Option<FormatIn>,
    /// CSV column holding each row's id.
    #[arg(
        long = "id-column",
        global = true,
        help_heading = "CSV columns (global)",
        value_name = "NAME",
        default_value = "id"
    )]
    id_column: String,
    /// CSV column holding the posting or résumé text.
    #[arg(
        long = "text-column",
        global = true,
        help_heading = "CSV columns (global)",
        value_name = "NAME",
        default_value = "text"
    )]
    text_column: String,
    /// CSV column holding a path to the résumé file (relative to the CSV's folder).
    #[arg(
        long = "path-column",
        global = true,
        help_heading = "CSV columns (global)",
        value_name = "NAME",
        default_value = "path"
    )]
    path_column: String,
    /// CSV column holding the posting title.
    #[arg(
        long = "title-column",
        global = true,
        help_heading = "CSV columns (global)",
        value_name = "NAME",
        default_value = "title"
    )]
    title_column: String,
    /// CSV column holding the company.
    #[arg(
        long = "company-column",
        global = true,
        help_heading = "CSV columns (global)",
        value_name = "NAME",
        default_value = "company"
    )]
    company_column: String,
    /// CSV column holding the posting location.
    #[arg(
        long = "location-column",
        global = true,
        help_heading = "CSV columns (global)",
        value_name = "NAME",
        default_value = "location"
    )]
    location_column: String,
    /// CSV column holding the candidate's name.
    #[arg(
        long = "name-column",
        global = true,
        help_heading = "CSV columns (global)",
        value_name = "NAME",
        default_value = "name"
    )]
    name_column: String,
    /// Use N threads for extraction and scoring (default: one per core; 1 for one task of a cluster job that runs a task per core).
    #[arg(long, global = true, value_name = "N")]
    threads: Option<std::num::NonZeroUsize>,
    /// Print nothing but results and errors (skipped entries are errors and still shown).
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Build the taxonomy and its matcher from their sources, instead of reading what an earlier run prepared (kept in $SKILLMATCH_CACHE_DIR, else $XDG_CACHE_HOME/skillmatch, else ~/.cache/skillmatch; SKILLMATCH_CACHE_DIR= turns it off too).
    #[arg(long = "no-cache", global = true)]
    no_cache: bool,
}

/// Input formats `--format-in` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatIn {
    /// Plain text or Markdown.
    Text,
    /// PDF with a text layer.
    Pdf,
    /// Word (.docx).
    Docx,
    /// An HTML page (schema.org JobPosting JSON-LD used when present).
    Html,
    /// One JSON document: a JSON Resume, a JobPosting, or an array.
    Json,
    /// JSON Lines.
    Jsonl,
    /// CSV with a header row.
    Csv,
}

impl FormatIn {
    fn format(self) -> Format {
        match self {
            FormatIn::Text => Format::Text,
            FormatIn::Pdf => Format::Pdf,
            FormatIn::Docx => Format::Docx,
            FormatIn::Html => Format::Html,
            FormatIn::Json => Format::Json,
            FormatIn::Jsonl => Format::JsonLines,
            FormatIn::Csv => Format::Csv,
        }
    }
}

/// One value a command's `--format` accepts: the name typed, its line in
/// `--help`, and the report format it selects. The names are the command
/// line's (`score` calls text `table`); the formats are the library's.
#[derive(Debug, Clone, Copy)]
pub struct FormatChoice {
    /// The value typed after `--format`.
    pub name: &'static str,
    /// Its line under "Possible values" in `--help`.
    pub help: &'static str,
    /// The report format it selects.
    pub format: report::Format,
}

/// `--format` of the commands that print text or JSON.
pub const TEXT_OR_JSON: &[FormatChoice] = &[
    FormatChoice {
        name: "text",
        help: "Human-readable text",
        format: report::Format::Text,
    },
    FormatChoice {
        name: "json",
        help: "JSON on one document",
        format: report::Format::Json,
    },
];

/// The parser of a `--format` offering `choices`: clap lists them in
/// `--help`, refuses any other value (suggesting a close one), and gives
/// the report format chosen.
pub fn format_parser(
    choices: &'static [FormatChoice],
) -> impl clap::builder::TypedValueParser<Value = report::Format> {
    let values = choices
        .iter()
        .map(|c| PossibleValue::new(c.name).help(c.help));
    PossibleValuesParser::new(values).map(move |name| {
        choices
            .iter()
            .find(|c| c.name == name)
            .map_or(report::Format::Text, |c| c.format)
    })
}

impl GlobalArgs {
    /// Sizes the global thread pool when `--threads` is given; call once,
    /// before any parallel work.
    pub fn apply_threads(&self) -> anyhow::Result<()> {
        if let Some(n) = self.threads {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n.get())
                .build_global()
                .context("--threads: the thread pool was already started")?;
        }
        Ok(())
    }

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

    /// The taxonomy these options select, built and validated, with its
    /// matcher: read from the cache when an earlier run prepared it from
    /// the same sources, else built (and saved there).
    fn load_taxonomy(&self) -> anyhow::Result<Prepared> {
        let builder = self.taxonomy_builder()?;
        Ok(Prepared::load(&builder, self.cache_dir().as_deref())?.0)
    }

    /// Where prepared taxonomies are kept (see `--no-cache`), if anywhere.
    fn cache_dir(&self) -> Option<PathBuf> {
        if self.no_cache {
            return None;
        }
        let var = |name: &str| std::env::var_os(name);
        if let Some(dir) = var("SKILLMATCH_CACHE_DIR") {
            return (!dir.is_empty()).then(|| PathBuf::from(dir));
        }
        let xdg = var("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .filter(|d| d.is_absolute());
        let base = xdg.or_else(|| {
            var("HOME")
                .map(PathBuf::from)
                .filter(|h| h.is_absolute())
                .map(|h| h.join(".cache"))
        })?;
        Some(base.join("skillmatch"))
    }

    /// The scoring weights: `--weights FILE`, else the defaults.
    fn load_weights(&self) -> anyhow::Result<Weights> {
        Ok(match &self.weights {
            Some(path) => Weights::read(path)?,
            None => Weights::default(),
        })
    }

    /// How input files are read under these options.
    fn load_options(&self) -> LoadOptions {
        LoadOptions {
            columns: Columns {
                id: self.id_column.clone(),
                text: self.text_column.clone(),
                path: self.path_column.clone(),
                title: self.title_column.clone(),
                company: self.company_column.clone(),
                location: self.location_column.clone(),
                name: self.name_column.clone(),
            },
            format: self.format_in.map(FormatIn::format),
            paths_outside: self.paths_outside_csv,
        }
    }

    /// The documents of a batch source. Bad entries are reported on stderr
    /// and skipped, with a count at the end, or fail the run under
    /// `--strict`. A source with no good entry is an error.
    fn load_documents(
        &self,
        path: &Path,
        kind: DocumentKind,
        what: &str,
    ) -> anyhow::Result<Vec<Document>> {
        let loaded = input::load(path, kind, &self.load_options())?;
        if !self.quiet {
            for note in &loaded.notes {
                eprintln!("skillmatch: warning: {note}");
            }
        }
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

/// Renders `report` in `format` and writes it to `out`. The report is
/// rendered whole first, so a closed pipe surfaces as a plain I/O error
/// (see [`is_broken_pipe`]) and nothing half-rendered is ever written.
pub fn write_report(
    out: &mut (impl std::io::Write + ?Sized),
    report: &dyn report::Report,
    format: report::Format,
) -> anyhow::Result<()> {
    let bytes = report::render(report, format)?;
    out.write_all(&bytes)?;
    Ok(())
}

/// Is this error (or its cause) a closed stdout pipe? The CSV writer
/// wraps the I/O error in its own type without naming it as the cause, so
/// it is looked into too.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    let broken = |e: &std::io::Error| e.kind() == std::io::ErrorKind::BrokenPipe;
    err.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(broken)
            || cause
                .downcast_ref::<csv::Error>()
                .is_some_and(|e| matches!(e.kind(), csv::ErrorKind::Io(io) if broken(io)))
    })
}
