//! `--help`, `skillmatch completions` and `skillmatch man`: what a new
//! user reads before the first run.

use predicates::prelude::*;

use crate::skillmatch;

/// The stdout of a successful run with `args`.
fn stdout_of(args: &[&str]) -> String {
    let out = skillmatch().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn help_names_the_input_formats_and_heads_the_global_options() {
    let help = stdout_of(&["--help"]);
    for format in [".pdf", ".docx", ".html", "JSON Resume", ".csv", ".jsonl"] {
        assert!(help.contains(format), "{format} not in --help");
    }
    for (command, argument) in [
        ("score", "<RESUME>"),
        ("explain", "<POSTING>"),
        ("rank", "--candidates"),
    ] {
        let help = stdout_of(&[command, "--help"]);
        let own = help.find("Options:").expect("own options");
        let global = help.find("Global options:").expect("a global heading");
        let columns = help.find("CSV columns (global):").expect("a CSV heading");
        assert!(
            own < global && global < columns,
            "{command}: headings out of order"
        );
        // The global options are under their heading, not the command's.
        assert!(
            help[global..columns].contains("--taxonomy <DIR>"),
            "{command}"
        );
        assert!(!help[own..global].contains("--taxonomy <DIR>"), "{command}");
        assert!(help[columns..].contains("--text-column"), "{command}");
        // What the command reads names the formats it accepts.
        let at = help.find(argument).expect("the input argument");
        assert!(help[at..].contains(".pdf"), "{command} {argument}");
    }
}

#[test]
fn completions_cover_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout_of(&["completions", shell]);
        for command in [
            "extract", "score", "explain", "rank", "index", "taxonomy", "lookup",
        ] {
            assert!(script.contains(command), "{shell}: no {command}");
        }
        assert!(script.contains("as-of"), "{shell}: no global option");
    }
    skillmatch()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'tcsh'"));
}

#[test]
fn the_manual_page_is_roff_with_every_command() {
    let page = stdout_of(&["man"]);
    assert!(page.contains(".TH skillmatch 1"), "no title header");
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH \"GLOBAL OPTIONS\"",
        ".SH SUBCOMMANDS",
    ] {
        assert!(page.contains(section), "no {section}");
    }
    assert!(
        page.contains("Exit codes:"),
        "the exit codes are in the page"
    );

    let dir = tempfile::tempdir().unwrap();
    skillmatch()
        .args(["man", "--out-dir"])
        .arg(dir.path())
        .assert()
        .success();
    let mut written: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    for name in [
        "skillmatch.1",
        "skillmatch-score.1",
        "skillmatch-taxonomy-lookup.1",
    ] {
        assert!(
            written.iter().any(|w| w == name),
            "no {name} in {written:?}"
        );
    }
    assert!(written.iter().all(|w| w.ends_with(".1")), "{written:?}");
    let lookup = std::fs::read_to_string(dir.path().join("skillmatch-taxonomy-lookup.1")).unwrap();
    assert!(lookup.contains("skillmatch taxonomy lookup"), "{lookup}");
}
