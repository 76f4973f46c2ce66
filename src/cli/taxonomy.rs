//! `skillmatch taxonomy lint|stats|lookup`.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use skillmatch::extract::lookup;
use skillmatch::report::{Format, LintReport, LookupReport, StatsReport};
use skillmatch::taxonomy::{ambiguous_forms, import, lint, Source};

use super::{format_parser, write_report, GlobalArgs, EXIT_FINDINGS, TEXT_OR_JSON};

#[derive(Debug, Args)]
pub struct TaxonomyArgs {
    #[command(subcommand)]
    command: TaxonomyCommand,
}

/// Where an import's files come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ImportSource {
    /// ESCO CSV exports (official format and the long label table).
    Esco,
    /// O*NET Technology Skills (tab-separated).
    Onet,
}

#[derive(Debug, Subcommand)]
enum TaxonomyCommand {
    /// Check taxonomy files: duplicate ids, alias conflicts, unknown parents, cycles,
    /// empty labels, short or common-word forms without an ambiguity rule. Exit 1 on findings.
    Lint {
        /// Taxonomy file or directory to check (default: the taxonomy in use).
        path: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_parser = format_parser(TEXT_OR_JSON), default_value = "text")]
        format: Format,
        /// Also list every form that needs evidence of its sense (ambiguity
        /// and exact-case forms), with the rule that derives it (short,
        /// common-word, generic-word, qualified, loose-synonym,
        /// ordinary-word, source-rule, acronym-word; see README), or
        /// "judgement" when a person wrote the rule.
        #[arg(long)]
        ambiguous: bool,
    },
    /// Convert a published taxonomy into taxonomy TOML files in DIR, ready for
    /// `--taxonomy DIR` or `--taxonomy-extra DIR`.
    ///
    /// ESCO: give any of the official CSVs (skills or skill collections,
    /// skillGroups, skillsHierarchy, broaderRelationsSkillPillar,
    /// skillSkillRelations) and/or the long label table with its JSON
    /// group-name map; each file is recognised by its header. O*NET: give
    /// the Technology Skills file (tab-separated).
    ///
    /// Source ids are kept (`source_id`: ESCO URI, O*NET commodity code);
    /// forms that need evidence get derived ambiguity rules; each form has
    /// one owner, so the output is lint-clean.
    Import {
        /// Which taxonomy the files come from.
        #[arg(long, value_enum)]
        from: ImportSource,
        /// The source files, or directories holding them (ESCO: *.csv and
        /// *.json; O*NET: *.tsv and *.txt).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Directory to write the TOML files to (created if missing; files of
        /// the same names are replaced).
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
    },
    /// Count skills, aliases, categories and the depth of the hierarchy.
    Stats {
        /// Output format.
        #[arg(long, value_parser = format_parser(TEXT_OR_JSON), default_value = "text")]
        format: Format,
    },
    /// Show what a phrase canonicalizes to and how; exit 1 when nothing matches.
    Lookup {
        /// The phrase ("golang", "Experience with Java or C++", "Kubernets").
        phrase: String,
        /// Output format.
        #[arg(long, value_parser = format_parser(TEXT_OR_JSON), default_value = "text")]
        format: Format,
    },
}

pub fn run(global: &GlobalArgs, args: TaxonomyArgs) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match args.command {
        TaxonomyCommand::Import {
            from,
            files,
            output,
        } => run_import(global, from, &files, &output),
        TaxonomyCommand::Lint {
            path,
            format,
            ambiguous,
        } => {
            let sources = match &path {
                Some(p) => Source::read_path(p)?,
                None => global.taxonomy_builder()?.sources().to_vec(),
            };
            let findings = lint(&sources);
            let listed = if ambiguous {
                ambiguous_forms(&sources)
            } else {
                Vec::new()
            };
            let report = LintReport {
                findings: &findings,
                ambiguous: ambiguous.then_some(listed.as_slice()),
                files: sources.len(),
            };
            write_report(&mut out, &report, format)?;
            Ok(exit_if(findings.is_empty()))
        }
        TaxonomyCommand::Stats { format } => {
            let prepared = global.load_taxonomy()?;
            let taxonomy = prepared.taxonomy();
            write_report(&mut out, &StatsReport { taxonomy }, format)?;
            Ok(ExitCode::SUCCESS)
        }
        TaxonomyCommand::Lookup { phrase, format } => {
            if phrase.trim().is_empty() {
                anyhow::bail!(
                    "taxonomy lookup: the phrase is empty: give a skill name or a phrase"
                );
            }
            let prepared = global.load_taxonomy()?;
            let taxonomy = prepared.taxonomy();
            let matcher = prepared.matcher();
            let results = lookup(&matcher, &phrase);
            let report = LookupReport::new(taxonomy, &phrase, &results);
            write_report(&mut out, &report, format)?;
            Ok(exit_if(report.found()))
        }
    }
}

/// `taxonomy import`: read, render, lint, then write every file or none.
fn run_import(
    global: &GlobalArgs,
    from: ImportSource,
    files: &[PathBuf],
    dir: &Path,
) -> anyhow::Result<ExitCode> {
    // A directory stands for the data files in it.
    let extensions: &[&str] = match from {
        ImportSource::Esco => &["csv", "json"],
        ImportSource::Onet => &["tsv", "txt"],
    };
    let mut expanded: Vec<import::SourceFile> = Vec::new();
    for f in files {
        if f.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(f)
                .with_context(|| format!("{}: cannot read the directory", f.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && p.extension()
                            .is_some_and(|x| extensions.iter().any(|e| x.eq_ignore_ascii_case(e)))
                })
                .collect();
            if inside.is_empty() {
                anyhow::bail!(
                    "{}: no .{} files in this directory",
                    f.display(),
                    extensions.join(" or .")
                );
            }
            inside.sort();
            // A folder may hold other tables too: those are skipped, with a note.
            expanded.extend(inside.into_iter().map(|path| import::SourceFile {
                path,
                skip_if_unknown: true,
            }));
        } else {
            expanded.push(import::SourceFile::strict(f));
        }
    }
    let imported = match from {
        ImportSource::Esco => import::esco::import_files(&expanded)?,
        ImportSource::Onet => import::onet::import_files(&expanded)?,
    };
    let rendered = imported.render();
    let sources: Vec<Source> = rendered
        .files
        .iter()
        .map(|f| Source::new(dir.join(&f.name).display().to_string(), f.text.clone()))
        .collect();
    // The output must load: check before anything is written.
    let mut builder = skillmatch::taxonomy::TaxonomyBuilder::new();
    for s in &sources {
        builder.add_source(s.clone());
    }
    builder
        .build()
        .context("the imported taxonomy does not load (a bug in the importer: please report it)")?;
    let findings = lint(&sources);
    if !findings.is_empty() {
        for f in &findings {
            eprintln!("{f}");
        }
        anyhow::bail!(
            "the imported taxonomy has {} lint finding(s) (a bug in the importer: please report it); nothing written",
            findings.len()
        );
    }

    if dir.exists() && !dir.is_dir() {
        anyhow::bail!(
            "{}: exists and is not a directory: give -o a directory",
            dir.display()
        );
    }
    // Every target must be replaceable before any is replaced.
    for f in &rendered.files {
        let target = dir.join(&f.name);
        if target.exists() && !target.is_file() {
            anyhow::bail!(
                "{}: exists and is not a file: move it away; nothing written",
                target.display()
            );
        }
    }
    std::fs::create_dir_all(dir)
        .with_context(|| format!("{}: cannot create the output directory", dir.display()))?;
    // Every file goes to a temporary file first; only when all are written
    // are they renamed into place.
    let mut pending = Vec::new();
    for f in &rendered.files {
        let mut tmp = tempfile::NamedTempFile::new_in(dir)
            .with_context(|| format!("{}: cannot write here", dir.display()))?;
        super::output::register(tmp.path());
        tmp.write_all(f.text.as_bytes())
            .and_then(|_| tmp.flush())
            .with_context(|| format!("{}: cannot write {}", dir.display(), f.name))?;
        pending.push((tmp, dir.join(&f.name)));
    }
    for (tmp, path) in pending {
        super::output::persist(tmp, &path)?;
    }

    if !global.quiet {
        let st = &rendered.stats;
        eprintln!(
            "wrote {} file{} to {}: {} skills, {} aliases",
            rendered.files.len(),
            skillmatch::report::plural(rendered.files.len()),
            dir.display(),
            st.skills,
            st.aliases
        );
        for f in &rendered.files {
            eprintln!("  {:<26} {:>6} skills", f.name, f.skills);
        }
        eprintln!(
            "forms: {} derived (qualifier or vendor dropped), {} dropped as another skill's, {} redundant; {} labels renamed",
            st.derived_forms, st.conflicting_forms, st.redundant_forms, st.renamed_labels
        );
        let reasons: Vec<String> = st
            .ambiguous
            .iter()
            .map(|(r, n)| format!("{n} {r}"))
            .collect();
        eprintln!(
            "ambiguity rules: {} (list them: skillmatch taxonomy lint {} --ambiguous)",
            if reasons.is_empty() {
                "none".to_string()
            } else {
                reasons.join(", ")
            },
            dir.display()
        );
        if st.dropped_links > 0 {
            eprintln!(
                "links dropped (unknown target, self link or cycle): {}",
                st.dropped_links
            );
        }
        for note in &rendered.notes {
            eprintln!("note: {note}");
        }
        let others: Vec<String> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".toml") && !rendered.files.iter().any(|f| &f.name == n))
            .collect();
        if !others.is_empty() {
            eprintln!(
                "note: {} also holds {}: --taxonomy {} loads those too",
                dir.display(),
                others.join(", "),
                dir.display()
            );
        }
        eprintln!("lint: 0 findings");
    }
    Ok(ExitCode::SUCCESS)
}

fn exit_if(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FINDINGS)
    }
}
