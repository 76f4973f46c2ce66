//! Builds the occupation file (`taxonomy/occupations/occupations.tsv`) from
//! the ESCO and O*NET source files with
//! [`skillmatch::occupation::import::import`], and prints what went in.
//!
//! ```text
//! cargo run --release --example build_occupations -- ../shared/data/occupations taxonomy/occupations/occupations.tsv
//! ```
//!
//! The source directory holds `esco_occupations_en.csv`,
//! `esco_ISCOGroups_en.csv`, `onet_occupation_data.tsv` and
//! `onet_alternate_titles.tsv`. The output is deterministic: rebuilding
//! from the same sources gives the same bytes. Exit codes: 0 success, 2
//! error (a missing or malformed source file, an unwritable output), with
//! the file named.

use std::path::PathBuf;
use std::process::ExitCode;

use skillmatch::occupation::import::import;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [sources, out] = args.as_slice() else {
        eprintln!("usage: build_occupations SOURCE_DIR OUT_FILE");
        return ExitCode::from(2);
    };
    let imported = match import(&PathBuf::from(sources)) {
        Ok(imported) => imported,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::write(out, &imported.text) {
        eprintln!("error: {out}: {e}");
        return ExitCode::from(2);
    }
    let r = &imported.report;
    println!("wrote {out} ({} bytes)", imported.text.len());
    println!(
        "ESCO: {} occupations, {} labels ({} duplicates dropped), {} ISCO groups",
        r.occupations, r.esco_labels, r.esco_duplicates, r.groups
    );
    println!(
        "O*NET crosswalk: {} of {} occupations mapped, {} weak, {} unmatched",
        r.onet_mapped, r.onet_occupations, r.onet_weak, r.onet_unmatched
    );
    println!(
        "O*NET titles: {} read; {} added ({} shared within a unit group), {} already ESCO labels, {} ambiguous (several unit groups) left out",
        r.onet_titles, r.onet_titles_added, r.onet_titles_shared, r.onet_titles_known, r.onet_titles_ambiguous
    );
    ExitCode::SUCCESS
}
