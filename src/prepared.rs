//! A taxonomy and its matcher, prepared once and read back on later runs.
//!
//! Every command starts by parsing the taxonomy's TOML, validating it and
//! compiling every form into the matcher's trie: about 30 ms for the
//! default taxonomy, and over 300 ms with an ESCO import (14,000 skills,
//! 84,000 aliases). Both results depend only on the taxonomy's sources and
//! on the code, so the first run writes them to a file ([`Prepared::write`])
//! and the next ones read that file instead ([`Prepared::read`]), which
//! decodes in a fraction of the time.
//!
//! A prepared file is used only by the build that wrote it and only for
//! the sources it was made from: it carries the build's
//! [`BUILD_ID`] (a hash of the code) and the sources' fingerprint
//! ([`TaxonomyBuilder::fingerprint`]), and a file whose either differs is
//! stale: [`Prepared::read`] says so and the caller builds again. A damaged
//! file (its checksum does not match, or it does not decode) is an error
//! for [`Prepared::read`], and [`Prepared::load`] treats it as stale too.
//!
//! [`Prepared::load`] is the cache the command-line tool uses: one file
//! per taxonomy fingerprint in a folder; a stale or damaged one is
//! replaced. Files are written to a temporary name and renamed, so a
//! reader never sees half a file and two runs writing at once both leave
//! a whole one.
//!
//! # Layout
//!
//! [`MAGIC`], [`FORMAT`] (4 bytes), the build id and the fingerprint (8
//! bytes each), the CRC-32 of the body (4 bytes), all little-endian; then
//! the body: the [`Taxonomy`] and the matcher's [`CompiledForms`] in
//! postcard.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::{Error, Location, Result};
use crate::extract::{CompiledForms, Matcher};
use crate::taxonomy::{Taxonomy, TaxonomyBuilder};

include!(concat!(env!("OUT_DIR"), "/build_id.rs"));

/// The first bytes of every prepared taxonomy file.
pub const MAGIC: &[u8] = b"skillmatch prepared taxonomy\n";

/// The layout of what follows [`MAGIC`]; raised on any change.
pub const FORMAT: u32 = 1;

/// Bytes between [`MAGIC`] and the body.
const HEADER_BYTES: usize = 4 + 8 + 8 + 4;

/// A taxonomy with its matcher's compiled forms.
#[derive(Debug, Clone)]
pub struct Prepared {
    taxonomy: Taxonomy,
    forms: Arc<CompiledForms>,
}

/// Where [`Prepared::load`] got the taxonomy from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Read from this prepared file.
    Read(PathBuf),
    /// Built from the sources, and saved to this file for the next runs.
    Saved(PathBuf),
    /// Built from the sources; not saved (no folder given, or it could not
    /// be written: the reason).
    Built(Option<String>),
}

/// Why [`Prepared::read`] found no usable taxonomy in a file that exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stale {
    /// Written by another build of skillmatch.
    OtherBuild,
    /// Prepared from other sources.
    OtherSources,
}

impl Prepared {
    /// Builds the taxonomy of `builder` and compiles its matcher.
    pub fn build(builder: &TaxonomyBuilder) -> Result<Prepared> {
        let taxonomy = builder.build()?;
        let forms = Arc::clone(Matcher::new(&taxonomy)?.compiled());
        Ok(Prepared { taxonomy, forms })
    }

    /// The taxonomy.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    /// A matcher of the taxonomy, sharing the compiled forms.
    pub fn matcher(&self) -> Matcher<'_> {
        Matcher::with_forms(&self.taxonomy, Arc::clone(&self.forms))
    }

    /// The bytes of the prepared file (see the module documentation).
    pub fn to_bytes(&self) -> Vec<u8> {
        // Both are plain data in memory: encoding cannot fail.
        let body = postcard::to_stdvec(&(&self.taxonomy, &*self.forms))
            .unwrap_or_else(|e| unreachable!("encoding a taxonomy: {e}"));
        let mut out = Vec::with_capacity(MAGIC.len() + HEADER_BYTES + body.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT.to_le_bytes());
        out.extend_from_slice(&BUILD_ID.to_le_bytes());
        out.extend_from_slice(&self.taxonomy.fingerprint().to_le_bytes());
        out.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
        out.extend_from_slice(&body);
        out
    }

    /// Reads the prepared taxonomy in `bytes` (`name` names them in
    /// errors) if it was prepared by this build from sources of
    /// `fingerprint`; `Ok(Err(why))` when it is stale, an error when it is
    /// not a prepared taxonomy or is damaged.
    pub fn from_bytes(
        name: &str,
        bytes: &[u8],
        fingerprint: u64,
    ) -> Result<std::result::Result<Prepared, Stale>> {
        let damaged = |what: &str| Error::input(Location::file(name), what.to_string());
        let rest = bytes
            .strip_prefix(MAGIC)
            .ok_or_else(|| damaged("not a prepared skillmatch taxonomy"))?;
        if rest.len() < HEADER_BYTES {
            return Err(damaged("the prepared taxonomy ends in its header"));
        }
        let (header, body) = rest.split_at(HEADER_BYTES);
        let u32_at = |at: usize| {
            u32::from_le_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
        };
        let u64_at = |at: usize| u64::from(u32_at(at)) | (u64::from(u32_at(at + 4)) << 32);
        if u32_at(0) != FORMAT || u64_at(4) != BUILD_ID {
            return Ok(Err(Stale::OtherBuild));
        }
        if u64_at(12) != fingerprint {
            return Ok(Err(Stale::OtherSources));
        }
        if crc32fast::hash(body) != u32_at(20) {
            return Err(damaged("the prepared taxonomy's checksum does not match"));
        }
        let (taxonomy, forms): (Taxonomy, CompiledForms) = postcard::from_bytes(body)
            .map_err(|e| damaged(&format!("the prepared taxonomy does not decode: {e}")))?;
        if taxonomy.fingerprint() != fingerprint {
            return Err(damaged(
                "the prepared taxonomy's fingerprint does not match its header",
            ));
        }
        forms
            .check(taxonomy.len())
            .map_err(|e| damaged(&format!("the prepared taxonomy's matcher: {e}")))?;
        Ok(Ok(Prepared {
            taxonomy,
            forms: Arc::new(forms),
        }))
    }

    /// [`from_bytes`](Self::from_bytes) of the file at `path`.
    pub fn read(path: &Path, fingerprint: u64) -> Result<std::result::Result<Prepared, Stale>> {
        let bytes = fs::read(path).map_err(|e| Error::io(path, e))?;
        Self::from_bytes(&path.display().to_string(), &bytes, fingerprint)
    }

    /// Writes the prepared file to `path`, whole or not at all: to a
    /// temporary file in the same folder, then renamed over `path`.
    pub fn write(&self, path: &Path) -> Result<()> {
        let folder = path.parent().unwrap_or_else(|| Path::new("."));
        let mut file = tempfile::NamedTempFile::new_in(folder).map_err(|e| Error::io(folder, e))?;
        // Not synced: a file cut short by a crash fails its checksum and is
        // prepared again.
        file.write_all(&self.to_bytes())
            .map_err(|e| Error::io(path, e))?;
        file.persist(path).map_err(|e| Error::io(path, e.error))?;
        Ok(())
    }

    /// The taxonomy of `builder`: read from its prepared file in `cache`
    /// (one file per fingerprint) when there is a usable one, else built,
    /// and then saved there for the next runs. With no `cache` it is built.
    /// Only the sources' errors are errors: a cache that cannot be read or
    /// written costs the time of building, and [`Origin`] says why.
    pub fn load(builder: &TaxonomyBuilder, cache: Option<&Path>) -> Result<(Prepared, Origin)> {
        let Some(cache) = cache else {
            return Ok((Self::build(builder)?, Origin::Built(None)));
        };
        let fingerprint = builder.fingerprint();
        let path = cache.join(format!("taxonomy-{fingerprint:016x}.bin"));
        if let Ok(Ok(prepared)) = Self::read(&path, fingerprint) {
            return Ok((prepared, Origin::Read(path)));
        }
        let prepared = Self::build(builder)?;
        let saved = fs::create_dir_all(cache)
            .map_err(|e| Error::io(cache, e))
            .and_then(|()| prepared.write(&path));
        let origin = match saved {
            Ok(()) => Origin::Saved(path),
            Err(e) => Origin::Built(Some(e.to_string())),
        };
        Ok((prepared, origin))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::Source;

    const MINI: &str = r#"
category = "tech"
[[skill]]
id = "postgresql"
label = "PostgreSQL"
aliases = ["postgres", "psql"]
[[skill]]
id = "process-mining"
label = "Process Mining"
[[skill]]
id = "go"
label = "Go"
[skill.ambiguity]
forms = ["go"]
qualifiers = ["golang"]
"#;

    fn builder(text: &str) -> TaxonomyBuilder {
        let mut b = TaxonomyBuilder::new();
        b.add_source(Source::new("mini.toml", text));
        b
    }

    /// What a matcher finds, as (skill id, text) pairs.
    fn found(prepared: &Prepared, text: &str) -> Vec<(String, String)> {
        prepared
            .matcher()
            .find(text)
            .iter()
            .map(|m| {
                (
                    prepared.taxonomy().skill(m.skill).id.clone(),
                    text[m.start..m.end].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_prepared_taxonomy_reads_back_as_it_was_built() {
        let built = Prepared::build(&builder(MINI)).expect("builds");
        let bytes = built.to_bytes();
        let read = Prepared::from_bytes("mini", &bytes, built.taxonomy().fingerprint())
            .expect("not damaged")
            .expect("not stale");
        let text = "Postgres and psql, PostgreSQLs, Proces Mining, golang Go; go home";
        assert_eq!(found(&read, text), found(&built, text));
        assert!(found(&built, text).len() >= 4, "{:?}", found(&built, text));
        let ids = |p: &Prepared| -> Vec<String> {
            p.taxonomy().skills().iter().map(|s| s.id.clone()).collect()
        };
        assert_eq!(ids(&read), ids(&built));
        assert_eq!(
            read.taxonomy().fingerprint(),
            built.taxonomy().fingerprint()
        );
    }

    #[test]
    fn stale_and_damaged_files_are_told_apart() {
        let built = Prepared::build(&builder(MINI)).expect("builds");
        let fingerprint = built.taxonomy().fingerprint();
        let bytes = built.to_bytes();
        let stale = |b: &[u8], f: u64| match Prepared::from_bytes("x", b, f) {
            Ok(Err(why)) => Some(why),
            _ => None,
        };
        assert_eq!(stale(&bytes, fingerprint ^ 1), Some(Stale::OtherSources));
        let mut other_build = bytes.clone();
        other_build[MAGIC.len() + 4] ^= 1;
        assert_eq!(stale(&other_build, fingerprint), Some(Stale::OtherBuild));
        // Every flipped byte of the body is damage, never a panic or a
        // different taxonomy.
        let body = MAGIC.len() + HEADER_BYTES;
        for at in (body..bytes.len()).step_by(7) {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0x40;
            assert!(
                Prepared::from_bytes("x", &flipped, fingerprint).is_err(),
                "byte {at}"
            );
        }
        for cut in [0, 5, MAGIC.len() + 3, body, bytes.len() - 1] {
            assert!(
                Prepared::from_bytes("x", &bytes[..cut], fingerprint).is_err(),
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn load_saves_then_reads_and_replaces_a_stale_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let b = builder(MINI);
        let (_, first) = Prepared::load(&b, Some(dir.path())).expect("loads");
        let Origin::Saved(path) = first else {
            panic!("saved on the first run: {first:?}")
        };
        let (read, second) = Prepared::load(&b, Some(dir.path())).expect("loads");
        assert_eq!(second, Origin::Read(path.clone()));
        assert_eq!(read.taxonomy().len(), 3);
        // A damaged file is built again and replaced.
        fs::write(&path, b"skillmatch prepared taxonomy\nrubbish").expect("write");
        let (_, third) = Prepared::load(&b, Some(dir.path())).expect("loads");
        assert_eq!(third, Origin::Saved(path.clone()));
        assert!(matches!(Prepared::read(&path, b.fingerprint()), Ok(Ok(_))));
        // Other sources get a file of their own.
        let other = builder(&MINI.replace("psql", "pg"));
        let (_, fourth) = Prepared::load(&other, Some(dir.path())).expect("loads");
        assert!(
            matches!(&fourth, Origin::Saved(p) if *p != path),
            "{fourth:?}"
        );
        // An unusable folder costs only the time of building.
        let file = dir.path().join("a-file");
        fs::write(&file, "").expect("write");
        let (_, fifth) = Prepared::load(&b, Some(&file)).expect("still loads");
        assert!(matches!(fifth, Origin::Built(Some(_))), "{fifth:?}");
    }
}
