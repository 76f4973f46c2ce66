//! Measures [`Occupations::recognise`] against postings whose occupation is
//! known: top-1 and top-3 accuracy of the ISCO-08 unit group, and the share
//! of titles left unresolved.
//!
//! Reads `labels.jsonl` of a corpus directory (one JSON object per line with
//! `title` and `esco_code`, whose first four digits are the unit group), by
//! default `../shared/data/corpus/postings-hahu-dev` next to the repository.
//! A title counts as right at rank k when one of the first k distinct unit
//! groups among its matches is the annotated one. Nothing here reads the
//! annotation while matching.
//!
//! ```text
//! cargo run --release --example occupation_accuracy
//! cargo run --release --example occupation_accuracy -- ../shared/data/corpus/postings-hahu-dev --details
//! ```
//!
//! Without the corpus it prints why and exits 0, so it can run anywhere.
//! Exit codes: 0 success or skipped, 2 error (unreadable or malformed file).

use std::path::PathBuf;
use std::process::ExitCode;

use skillmatch::occupation::Occupations;

/// The annotated corpus, relative to the repository.
const DEFAULT_CORPUS: &str = "../shared/data/corpus/postings-hahu-dev";
/// The file with the annotations.
const LABELS_FILE: &str = "labels.jsonl";
/// Rank up to which a title counts as found for the second figure.
const TOP_K: usize = 3;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let details = args.iter().any(|a| a == "--details");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_CORPUS));
    let path = dir.join(LABELS_FILE);
    if !path.exists() {
        println!(
            "skipped: {} not found (the annotated corpus is not here)",
            path.display()
        );
        return ExitCode::SUCCESS;
    }
    match run(&path, details) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(path: &std::path::Path, details: bool) -> Result<(), String> {
    let occupations = Occupations::embedded().map_err(|e| e.to_string())?;
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let (mut total, mut top1, mut topk, mut unresolved) = (0usize, 0usize, 0usize, 0usize);
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let field = |name: &str| {
            record[name]
                .as_str()
                .map(str::to_string)
                .ok_or_else(|| format!("{}:{}: no `{name}` string", path.display(), n + 1))
        };
        let title = field("title")?;
        let code = field("esco_code")?;
        let gold = code
            .get(..4)
            .ok_or_else(|| format!("{}:{}: short esco_code {code:?}", path.display(), n + 1))?;
        let matches = occupations.recognise(&title);
        let mut groups: Vec<String> = Vec::new();
        for m in &matches {
            let g = occupations.get(m.occupation).isco.to_string();
            if !groups.contains(&g) {
                groups.push(g);
            }
        }
        total += 1;
        unresolved += usize::from(matches.is_empty());
        let first = groups.first().is_some_and(|g| g == gold);
        top1 += usize::from(first);
        topk += usize::from(groups.iter().take(TOP_K).any(|g| g == gold));
        if details {
            let shown: Vec<String> = matches
                .iter()
                .take(TOP_K)
                .map(|m| {
                    let o = occupations.get(m.occupation);
                    format!("{} {} ({:?} {:.2})", o.isco, o.preferred, m.kind, m.score)
                })
                .collect();
            println!(
                "{} {gold} {title:?} -> {}",
                if first { "ok " } else { "BAD" },
                shown.join("; ")
            );
        }
    }
    if total == 0 {
        return Err(format!("{}: no records", path.display()));
    }
    let share = |n: usize| n as f64 / total as f64;
    println!("titles: {total}");
    println!("top-1 unit group: {:.3} ({top1})", share(top1));
    println!("top-{TOP_K} unit group: {:.3} ({topk})", share(topk));
    println!("unresolved: {:.3} ({unresolved})", share(unresolved));
    Ok(())
}
