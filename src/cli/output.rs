//! Where a command's output goes: stdout, or a file written whole or not
//! at all (a temporary file in the same folder, renamed over the target
//! only when everything was written).
//!
//! `-o` writes regular files only: a device, pipe or socket at the path is
//! refused, not replaced; so is a path that is one of the command's inputs.
//! A symbolic link is written through: its target gets the output and the
//! link stays. A run stopped by Ctrl-C, SIGTERM or SIGHUP removes its
//! temporary file before it exits ([`install_cleanup`]).

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

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
    /// Output to `path`, or to stdout when `path` is absent or `-`;
    /// `inputs` are the files and folders the command reads, which the
    /// output must not be.
    pub fn create(path: Option<&Path>, inputs: &[&Path]) -> anyhow::Result<Output> {
        match path {
            None => Ok(Output::Stdout(BufWriter::new(std::io::stdout()))),
            Some(p) if p == Path::new("-") => Ok(Output::Stdout(BufWriter::new(std::io::stdout()))),
            Some(given) => {
                let target = through_links(given);
                let p = target.as_path();
                if let Some(input) = inputs.iter().find(|i| same_file(i, p)) {
                    anyhow::bail!(
                        "{}: is the input {}: write the output to another file",
                        given.display(),
                        input.display()
                    );
                }
                if std::fs::metadata(p).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
                    anyhow::bail!(
                        "{}: is not a regular file (a device, pipe or socket): give -o a file name",
                        given.display()
                    );
                }
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
                register(tmp.path());
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
    let tmp_path = tmp.path().to_path_buf();
    let persisted = tmp
        .persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("{}: cannot write", path.display()));
    unregister(&tmp_path);
    persisted?;
    Ok(())
}

/// The paths of the options that were given, for [`Output::create`]'s
/// `inputs`.
pub fn given<'a>(options: &[Option<&'a PathBuf>]) -> Vec<&'a Path> {
    options.iter().flatten().map(|p| p.as_path()).collect()
}

/// Where a symbolic link `path` finally points (followed link by link,
/// relative targets from the link's folder, at most 40 links, as the
/// system does); `path` itself when it is no link. A dangling link gives
/// its target, so the output creates it.
fn through_links(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        let is_link = std::fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            break;
        }
        let Ok(target) = std::fs::read_link(&current) else {
            break;
        };
        current = match current.parent() {
            Some(dir) if target.is_relative() => dir.join(target),
            _ => target,
        };
    }
    current
}

/// Are `a` and `b` the same file (or folder), by identity where the
/// system has one, so links and `..` do not hide it?
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        ma.dev() == mb.dev() && ma.ino() == mb.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(ca), Ok(cb)) => ca == cb,
            _ => false,
        }
    }
}

/// Temporary output files being written, removed if the run is stopped.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Records a temporary file to remove if the run is stopped; [`persist`]
/// forgets it.
pub fn register(path: &Path) {
    if let Ok(mut pending) = PENDING.lock() {
        pending.push(path.to_path_buf());
    }
}

/// Forgets a temporary file recorded by [`register`].
fn unregister(path: &Path) {
    if let Ok(mut pending) = PENDING.lock() {
        pending.retain(|p| p != path);
    }
}

/// Exit status of a run stopped by a signal (128 + SIGTERM's 15, the
/// shell's convention; Ctrl-C's 130 is close enough not to matter).
const STOPPED_EXIT: i32 = 143;

/// Removes pending temporary files when the run is stopped (Ctrl-C,
/// SIGTERM, SIGHUP), then exits. Without it a stopped run leaves a
/// `.tmpXXXX` file beside its target.
pub fn install_cleanup() {
    // Failing to install (a handler set already) leaves the default.
    let _ = ctrlc::set_handler(|| {
        if let Ok(pending) = PENDING.lock() {
            for path in pending.iter() {
                let _ = std::fs::remove_file(path);
            }
        }
        std::process::exit(STOPPED_EXIT);
    });
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
