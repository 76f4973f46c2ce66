//! The command line as a whole: the subcommands, and the dispatch to the
//! file of each. It sits above the subcommands and the options they share
//! (in `mod.rs`), so those never depend on it.

use std::process::ExitCode;

use clap::{CommandFactory as _, Parser, Subcommand};

use super::{completions, explain, extract, index, man, rank, score, serve, taxonomy, GlobalArgs};

const AFTER_HELP: &str = "\
Input formats (by extension, then by content; --format-in overrides):
  one document   .txt .md (text), .pdf (with a text layer), .docx, .html (a posting page; its
                 schema.org JobPosting data when present), .json (JSON Resume, JobPosting)
  batches        a directory of such files, .csv with a header row (see the CSV column
                 options), .jsonl (one JSON object per line)

Exit codes:
  0  success
  1  findings (taxonomy lint), nothing matched (taxonomy lookup),
     or an index this run cannot use (index info)
  2  error: bad arguments, unreadable or malformed input, an index of another
     version or taxonomy (the message names the file and line)";

/// Match candidates to job postings by skills: offline, fast, explainable.
#[derive(Debug, Parser)]
#[command(name = "skillmatch", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
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
    /// Serve the spot check in a browser, and a JSON API, on this machine.
    ///
    /// Pages: upload or paste a résumé, read its ranking, open a posting's
    /// explanation; with --candidates, each posting's best candidates; CSV
    /// and JSON downloads of each. API: POST /api/score, POST
    /// /api/explain?posting=ID, GET /api/postings, GET /healthz, with the
    /// JSON of `score` and `explain` (README). Uploaded résumés stay in
    /// memory only, for 30 minutes. Ctrl-C stops.
    Serve(serve::ServeArgs),
    /// Extract postings once into an index file that `score` and `rank` read with --index.
    Index(index::IndexArgs),
    /// Check, count and search the skill taxonomy.
    Taxonomy(taxonomy::TaxonomyArgs),
    /// Print the shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(completions::CompletionsArgs),
    /// Print the manual page (roff), or write one per command with --out-dir.
    Man(man::ManArgs),
}

impl Cli {
    /// Does the command stop on Ctrl-C itself? `serve` does (it finishes
    /// the requests under way); the others leave it to the handler that
    /// removes half-written output files.
    pub fn handles_ctrl_c(&self) -> bool {
        matches!(self.command, Command::Serve(_))
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    cli.global.apply_threads()?;
    match cli.command {
        Command::Extract(args) => extract::run(&cli.global, args),
        Command::Score(args) => score::run(&cli.global, args),
        Command::Explain(args) => explain::run(&cli.global, args),
        Command::Rank(args) => rank::run(&cli.global, args),
        Command::Index(args) => index::run(&cli.global, args),
        Command::Serve(args) => serve::run(&cli.global, args),
        Command::Taxonomy(args) => taxonomy::run(&cli.global, args),
        Command::Completions(args) => completions::run(args, Cli::command()),
        Command::Man(args) => man::run(args, Cli::command()),
    }
}
