//! Where a command's output goes: stdout, or a file written whole or not
//! at all (a temporary file in the same folder, renamed over the target
//! only when everything was written).

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use tempfile::NamedTempFile;

/// An output being written.
pub enum Output {
    /// Standard output.
    Stdout(BufWriter<std::io::Stdout>),
    /// A temporary file that becomes `path` on [`Output::finish`].
    File {
        writer: BufWriter<NamedTempFile>,
        path: PathBuf,
    },
}

impl Output {
    /// Output to `path`, or to stdout when `path` is absent or `-`.
    pub fn create(path: Option<&Path>) -> anyhow::Result<Output> {
        match path {
            None => Ok(Output::Stdout(BufWriter::new(std::io::stdout()))),
            Some(p) if p == Path::new("-") => Ok(Output::Stdout(BufWriter::new(std::io::stdout()))),
            Some(p) => {
                if p.is_dir() {
                    anyhow::bail!(
                        "{}: is a directory: give -o a file name (for example {}/out.csv)",
                        p.display(),
                        p.display()
                    );
                }
                let dir = match p.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d,
                    _ => Path::new("."),
                };
                let tmp = NamedTempFile::new_in(dir).with_context(|| {
                    format!(
                        "{}: cannot create the output file (does the folder {} exist and is it writable?)",
                        p.display(),
                        dir.display()
                    )
                })?;
                Ok(Output::File {
                    writer: BufWriter::new(tmp),
                    path: p.to_path_buf(),
                })
            }
        }
    }

    /// The writer to write to.
    pub fn writer(&mut self) -> &mut dyn Write {
        match self {
            Output::Stdout(w) => w,
            Output::File { writer, .. } => writer,
        }
    }

    /// Flushes, and for a file moves it into place. Dropping an output
    /// without finishing it leaves no file behind.
    pub fn finish(self) -> anyhow::Result<()> {
        match self {
            Output::Stdout(mut w) => Ok(w.flush()?),
            Output::File { writer, path } => {
                let tmp = writer
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .with_context(|| format!("{}: cannot write", path.display()))?;
                persist(tmp, &path)
            }
        }
    }
}

/// Syncs a finished temporary file, gives it the permissions of the file it
/// replaces (or 0644), and renames it to `path`.
pub fn persist(tmp: NamedTempFile, path: &Path) -> anyhow::Result<()> {
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("{}: cannot write", path.display()))?;
    // A temporary file is private (0600); the output gets the
    // permissions of the file it replaces, or the usual 0644.
    let permissions = std::fs::metadata(path)
        .ok()
        .map(|meta| meta.permissions())
        .or_else(default_permissions);
    if let Some(permissions) = permissions {
        std::fs::set_permissions(tmp.path(), permissions)
            .with_context(|| format!("{}: cannot set permissions", path.display()))?;
    }
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("{}: cannot write", path.display()))?;
    Ok(())
}

/// Permissions of a new output file: read-write for the owner, readable by
/// all (0644), as most tools create files.
#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt as _;
    Some(std::fs::Permissions::from_mode(0o644))
}

/// Elsewhere the temporary file's own permissions are kept.
#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}
