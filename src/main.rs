//! The `skillmatch` binary: parse arguments, call the library, render, exit.

mod cli;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc instead of the system allocator: parsing the taxonomy and
/// extracting text allocate many small strings, and it makes start-up and
/// extraction measurably faster (BENCHMARKS.md, "Allocator").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    skillmatch::input::install_quiet_reader_panics();
    let args = cli::Cli::parse();
    if !args.handles_ctrl_c() {
        cli::output::install_cleanup();
    }
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            if cli::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("skillmatch: error: {err:#}");
            ExitCode::from(cli::EXIT_ERROR)
        }
    }
}
