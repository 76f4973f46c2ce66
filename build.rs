//! Embeds every `taxonomy/*.toml` file, and the crosswalk
//! `taxonomy/crosswalk.tsv`, into the binary as the default taxonomy, and
//! names the build (`BUILD_ID`: a hash of the sources and the lock file),
//! so that what one build prepared is never read back by another.
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

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    collect(&root.join("src"), &mut sources);
    sources.push(root.join("Cargo.lock"));
    sources.sort();
    println!("cargo:rerun-if-changed={}", root.join("src").display());
    println!(
        "cargo:rerun-if-changed={}",
        root.join("Cargo.lock").display()
    );
    // FNV-1a over each file's path below the root and its bytes.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for path in &sources {
        let name = path.strip_prefix(root).unwrap_or(path).to_string_lossy();
        let bytes = std::fs::read(path).unwrap_or_default();
        for byte in name.bytes().chain([0]).chain(bytes).chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let dest =
        Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR set by cargo")).join("build_id.rs");
    std::fs::write(
        dest,
        format!("/// A hash of the sources this build was made from.\npub const BUILD_ID: u64 = {hash:#018x};\n"),
    )
    .expect("write build_id.rs");
}

/// Every file below `dir`.
fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}
