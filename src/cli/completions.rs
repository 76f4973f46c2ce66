//! `skillmatch completions SHELL`: the shell's completion script for the
//! whole command line, on stdout, generated from the same definitions that
//! parse it (clap_complete), so it never lags behind a new option.

use std::process::ExitCode;

use clap::Args;
use clap_complete::Shell;

#[derive(Debug, Args)]
#[command(after_help = "\
Install, for example:
  bash:  skillmatch completions bash > ~/.local/share/bash-completion/completions/skillmatch
  zsh:   skillmatch completions zsh > ~/.zfunc/_skillmatch   (with ~/.zfunc in $fpath)
  fish:  skillmatch completions fish > ~/.config/fish/completions/skillmatch.fish")]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum, value_name = "SHELL")]
    shell: Shell,
}

/// Writes the completion script for `args.shell` of `command` to stdout.
pub fn run(args: CompletionsArgs, mut command: clap::Command) -> anyhow::Result<ExitCode> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "skillmatch", &mut script);
    std::io::Write::write_all(&mut std::io::stdout().lock(), &script)?;
    Ok(ExitCode::SUCCESS)
}
