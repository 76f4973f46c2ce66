//! `skillmatch taxonomy lint|stats|lookup`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use serde_json::json;
use skillmatch::extract::{lookup, LookupKind, Matcher};
use skillmatch::taxonomy::{lint, Source};

use super::{write_json, GlobalArgs, TextOrJson, EXIT_FINDINGS};

#[derive(Debug, Args)]
pub struct TaxonomyArgs {
    #[command(subcommand)]
    command: TaxonomyCommand,
}

#[derive(Debug, Subcommand)]
enum TaxonomyCommand {
    /// Check taxonomy files: duplicate ids, alias conflicts, unknown parents, cycles,
    /// empty labels, short or common-word forms without an ambiguity rule. Exit 1 on findings.
    Lint {
        /// Taxonomy file or directory to check (default: the taxonomy in use).
        path: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: TextOrJson,
    },
    /// Count skills, aliases, categories and the depth of the hierarchy.
    Stats {
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: TextOrJson,
    },
    /// Show what a phrase canonicalizes to and how; exit 1 when nothing matches.
    Lookup {
        /// The phrase ("golang", "Experience with Java or C++", "Kubernets").
        phrase: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        format: TextOrJson,
    },
}

pub fn run(global: &GlobalArgs, args: TaxonomyArgs) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match args.command {
        TaxonomyCommand::Lint { path, format } => {
            let sources = match &path {
                Some(p) => Source::read_path(p)?,
                None => global.taxonomy_builder()?.sources().to_vec(),
            };
            let findings = lint(&sources);
            match format {
                TextOrJson::Text => {
                    for f in &findings {
                        writeln!(out, "{f}")?;
                    }
                    if !global.quiet {
                        eprintln!(
                            "{} finding{} in {} file{}",
                            findings.len(),
                            skillmatch::report::plural(findings.len()),
                            sources.len(),
                            skillmatch::report::plural(sources.len())
                        );
                    }
                }
                TextOrJson::Json => {
                    let list: Vec<_> = findings
                        .iter()
                        .map(|f| {
                            json!({
                                "code": f.code.code(),
                                "name": f.code.name(),
                                "file": f.location.file,
                                "line": f.location.line,
                                "column": f.location.column,
                                "message": f.message,
                            })
                        })
                        .collect();
                    write_json(&mut out, &json!({ "findings": list }))?;
                }
            }
            Ok(exit_if(findings.is_empty()))
        }
        TaxonomyCommand::Stats { format } => {
            let taxonomy = global.load_taxonomy()?;
            let (skills, aliases, categories, depth) = (
                taxonomy.len(),
                taxonomy.alias_count(),
                taxonomy.categories().len(),
                taxonomy.max_depth(),
            );
            match format {
                TextOrJson::Text => {
                    writeln!(out, "skills      {skills}")?;
                    writeln!(out, "aliases     {aliases}")?;
                    writeln!(out, "categories  {categories}")?;
                    writeln!(out, "max depth   {depth}")?;
                    writeln!(out)?;
                    for category in taxonomy.categories() {
                        let n = taxonomy
                            .skills()
                            .iter()
                            .filter(|s| s.category == category)
                            .count();
                        writeln!(out, "  {n:>5}  {category}")?;
                    }
                }
                TextOrJson::Json => {
                    let doc = json!({
                        "skills": skills,
                        "aliases": aliases,
                        "categories": categories,
                        "max_depth": depth,
                    });
                    write_json(&mut out, &doc)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        TaxonomyCommand::Lookup { phrase, format } => {
            if phrase.trim().is_empty() {
                anyhow::bail!(
                    "taxonomy lookup: the phrase is empty: give a skill name or a phrase"
                );
            }
            let taxonomy = global.load_taxonomy()?;
            let matcher = Matcher::new(&taxonomy)?;
            let results = lookup(&matcher, &phrase);
            let (matches, nearest): (Vec<_>, Vec<_>) =
                results.iter().partition(|m| m.kind != LookupKind::Nearest);
            let kind_name = |k: LookupKind| match k {
                LookupKind::Exact => "exact",
                LookupKind::Alias => "alias",
                LookupKind::Fuzzy => "fuzzy",
                LookupKind::Ambiguous => "ambiguous",
                LookupKind::Nearest => "nearest",
            };
            match format {
                TextOrJson::Text => {
                    if matches.is_empty() {
                        writeln!(out, "no skill matches {phrase:?}")?;
                        if !nearest.is_empty() {
                            writeln!(out, "nearest:")?;
                        }
                    }
                    for m in matches.iter().chain(nearest.iter()) {
                        let skill = taxonomy.skill(m.skill);
                        let how = match m.kind {
                            LookupKind::Fuzzy | LookupKind::Nearest => {
                                format!("{} (distance {})", kind_name(m.kind), m.distance)
                            }
                            LookupKind::Ambiguous => {
                                "ambiguous (counts in text only with evidence of its sense)"
                                    .to_string()
                            }
                            k => kind_name(k).to_string(),
                        };
                        writeln!(
                            out,
                            "{:<28} {:<32} {:<22} {}",
                            skill.id, skill.label, m.text, how
                        )?;
                    }
                }
                TextOrJson::Json => {
                    let render =
                        |list: &[&skillmatch::extract::LookupMatch]| -> Vec<serde_json::Value> {
                            list.iter()
                                .map(|m| {
                                    let skill = taxonomy.skill(m.skill);
                                    json!({
                                        "id": skill.id,
                                        "label": skill.label,
                                        "match": kind_name(m.kind),
                                        "distance": m.distance,
                                        "text": m.text,
                                    })
                                })
                                .collect()
                        };
                    let doc = json!({ "matches": render(&matches), "nearest": render(&nearest) });
                    write_json(&mut out, &doc)?;
                }
            }
            Ok(exit_if(!matches.is_empty()))
        }
    }
}

fn exit_if(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FINDINGS)
    }
}
