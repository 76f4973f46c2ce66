//! Embeds every `taxonomy/*.toml` file, and the crosswalk
//! `taxonomy/crosswalk.tsv`, into the binary as the default taxonomy.
use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("taxonomy");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("taxonomy/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "toml")
                || p.file_name().is_some_and(|n| n == "crosswalk.tsv")
        })
        .collect();
    files.sort();
    let mut out = String::from("/// The default taxonomy files, by name, in name order.\npub const FILES: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("utf-8 file name");
        writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("write to string");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR set by cargo"))
        .join("embedded_taxonomy.rs");
    std::fs::write(dest, out).expect("write embedded_taxonomy.rs");
}
