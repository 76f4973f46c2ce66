//! `skillmatch man`: the manual page in roff (clap_mangen), generated from
//! the definitions that parse the command line. On stdout, the page of
//! `skillmatch` itself; with `--out-dir`, that page and one per
//! subcommand (`skillmatch-score.1`, `skillmatch-taxonomy-lookup.1`, …),
//! each written whole or not at all.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Args;

#[derive(Debug, Args)]
#[command(after_help = "\
Read it with:  skillmatch man | man -l -
Install with:  skillmatch man --out-dir ~/.local/share/man/man1")]
pub struct ManArgs {
    /// Write skillmatch.1 and a page per subcommand into DIR instead of printing skillmatch.1.
    #[arg(long = "out-dir", value_name = "DIR")]
    out_dir: Option<PathBuf>,
}

/// The roff of `command`'s page.
fn page(command: &clap::Command) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut out)?;
    Ok(out)
}

/// `command` and its subcommands, depth first, each named as man names
/// it: `skillmatch`, `skillmatch-taxonomy`, `skillmatch-taxonomy-lookup`.
fn pages(command: &clap::Command, name: &str, out: &mut Vec<(String, clap::Command)>) {
    let named = command.clone().name(name.to_string());
    out.push((name.to_string(), named));
    for sub in command.get_subcommands() {
        if sub.get_name() != "help" {
            pages(sub, &format!("{name}-{}", sub.get_name()), out);
        }
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// so that a failed run leaves no half-written page.
fn write_whole(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let temporary = path.with_extension("1.partial");
    std::fs::write(&temporary, bytes)
        .with_context(|| format!("writing {}", temporary.display()))?;
    std::fs::rename(&temporary, path).with_context(|| format!("writing {}", path.display()))
}

/// Prints the main page, or writes every page into `--out-dir`.
pub fn run(args: ManArgs, mut command: clap::Command) -> anyhow::Result<ExitCode> {
    command.build();
    match args.out_dir {
        None => {
            let roff = page(&command)?;
            std::io::Write::write_all(&mut std::io::stdout().lock(), &roff)?;
        }
        Some(dir) => {
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("creating --out-dir {}", dir.display()))?;
            let mut all = Vec::new();
            pages(&command, "skillmatch", &mut all);
            // Render every page before writing any.
            let rendered: Vec<(String, Vec<u8>)> = all
                .iter()
                .map(|(name, c)| Ok((name.clone(), page(c)?)))
                .collect::<anyhow::Result<_>>()?;
            for (name, roff) in &rendered {
                write_whole(&dir.join(format!("{name}.1")), roff)?;
            }
            eprintln!("{} manual pages in {}", rendered.len(), dir.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}
