//! The persisted postings index (`skillmatch index build`): extracted
//! postings in a compact binary form, so that repeated `score` and `rank`
//! runs skip reading and extracting the postings, and read only what they
//! show.
//!
//! # Layout
//!
//! 1. [`MAGIC`], so that any other file is refused at once;
//! 2. [`FORMAT`] as 4 little-endian bytes: the layout of what follows;
//! 3. a [`Header`], in [postcard](https://docs.rs/postcard) (serde with
//!    variable-length integers, no field names), like everything after it,
//!    then the CRC-32 of 1–3 as 4 little-endian bytes;
//! 4. the [`PostingTable`]: what scoring needs, about a sixth of the file
//!    (its CRC-32 is in the header);
//! 5. the postings, each encoded on its own, without their mentions;
//! 6. the footer: the byte offset of each posting in 5 (one more for
//!    its end) and each posting's CRC-32;
//! 7. the CRC-32 of 6 as 4 little-endian bytes, then the length of 6 as 8.
//!
//! The checksums catch damage that still decodes: a flipped byte in a
//! number of the table changes a score without breaking the format. Every
//! part read is checked (1–4 and 6 on opening, a posting when it is read),
//! and `index info` reads every posting before it calls a file usable.
//!
//! Opening an index reads 1–4 and 6–7 only. Ranking scores from the table;
//! a posting is read and decoded when it is shown or explained, so `score`
//! against 100,000 postings decodes the ten it shows, not the 100,000.
//!
//! Skills are stored as their index in the taxonomy ([`SkillId`]), which
//! means something only with the taxonomy the index was built with, and
//! extraction differs between versions of skillmatch. So an index is
//! refused, with a message saying what differs and how to rebuild it, when
//! its skillmatch version or its taxonomy's [fingerprint](Taxonomy::fingerprint)
//! differs from the running one's. The weights are not part of the index:
//! they apply when it is scored.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

mod builder;
pub use builder::{write, IndexBuilder};

use crate::error::{Error, Location, Result};
use crate::extract::posting::Posting;
use crate::score::{PostingIndex, PostingTable, Weights};
use crate::taxonomy::{SkillId, Taxonomy};

/// The first bytes of every index file.
pub const MAGIC: &[u8] = b"skillmatch postings index\n";

/// The layout version of what follows [`MAGIC`]; raised on any change.
pub const FORMAT: u32 = 5;

/// The most bytes a header takes (it holds a version string and numbers).
const HEADER_MAX_BYTES: usize = 1024;

/// What an index says about itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// The version of skillmatch that built it.
    pub version: String,
    /// The fingerprint of the taxonomy it was built with.
    pub taxonomy: u64,
    /// The number of skills of that taxonomy.
    pub skills: u32,
    /// The number of postings it holds.
    pub postings: u64,
    /// The length of the encoded [`PostingTable`] that follows the header.
    pub table_bytes: u64,
    /// The CRC-32 of the encoded table.
    pub table_crc: u32,
}

/// Where each posting is and what it sums to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Footer {
    /// Offsets of the postings from the first, one more for the end.
    #[serde(deserialize_with = "crate::score::retrieval::presized::deserialize")]
    offsets: Vec<u64>,
    /// The CRC-32 of each encoded posting.
    #[serde(deserialize_with = "crate::score::retrieval::presized::deserialize")]
    crcs: Vec<u32>,
}

impl Header {
    /// The header of an index of `postings` built now with `taxonomy`.
    pub fn new(taxonomy: &Taxonomy, postings: usize, table: &[u8]) -> Self {
        Header {
            version: env!("CARGO_PKG_VERSION").to_string(),
            taxonomy: taxonomy.fingerprint(),
            skills: taxonomy.len() as u32,
            postings: postings as u64,
            table_bytes: table.len() as u64,
            table_crc: crc32fast::hash(table),
        }
    }
}

/// Anything an index can be read from.
trait Source: Read + Seek + Send {}
impl<T: Read + Seek + Send> Source for T {}

/// An open index: its header and scoring table in memory, its postings
/// read on demand.
pub struct IndexFile {
    name: String,
    header: Header,
    table: Arc<PostingTable>,
    /// Where the postings start in the source.
    postings_at: u64,
    /// Offsets of the postings from `postings_at`, one more for the end.
    offsets: Vec<u64>,
    /// The CRC-32 of each encoded posting.
    crcs: Vec<u32>,
    skills: usize,
    source: Mutex<Box<dyn Source>>,
}

impl std::fmt::Debug for IndexFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IndexFile")
            .field("name", &self.name)
            .field("header", &self.header)
            .finish_non_exhaustive()
    }
}

/// The message for a file that is not (or no longer) a readable index.
fn damaged(name: &str, what: &str) -> Error {
    Error::input(
        Location::file(name),
        format!("damaged or truncated index ({what}): rebuild it with `skillmatch index build`"),
    )
}

/// Reads the prefix and the header of an index from `source` (`name`
/// names it in errors), without checking version or taxonomy; returns the
/// header and where the table starts.
fn read_header(name: &str, source: &mut dyn Source) -> Result<(Header, u64)> {
    let io = |e: std::io::Error| Error::io(PathBuf::from(name), e);
    source.seek(SeekFrom::Start(0)).map_err(io)?;
    let mut start = Vec::with_capacity(MAGIC.len() + 4 + HEADER_MAX_BYTES);
    Read::take(&mut *source, (MAGIC.len() + 4 + HEADER_MAX_BYTES) as u64)
        .read_to_end(&mut start)
        .map_err(io)?;
    let not_index = |what: &str| {
        Error::input(
            Location::file(name),
            format!("not a readable skillmatch postings index ({what}); build one with `skillmatch index build --postings POSTINGS -o INDEX`"),
        )
    };
    let rest = start
        .strip_prefix(MAGIC)
        .ok_or_else(|| not_index("it does not start like one"))?;
    let (format, rest) = rest
        .split_first_chunk::<4>()
        .ok_or_else(|| not_index("it ends inside its header"))?;
    let format = u32::from_le_bytes(*format);
    if format != FORMAT {
        return Err(Error::input(
            Location::file(name),
            format!("index layout {format}, but this skillmatch reads layout {FORMAT}: rebuild it with `skillmatch index build`"),
        ));
    }
    let (header, after) = postcard::take_from_bytes::<Header>(rest)
        .map_err(|e| not_index(&format!("header: {e}")))?;
    let header_end = start.len() - after.len();
    let (crc, _) = after
        .split_first_chunk::<4>()
        .ok_or_else(|| not_index("it ends inside its header"))?;
    if u32::from_le_bytes(*crc) != crc32fast::hash(&start[..header_end]) {
        return Err(damaged(name, "the header's checksum does not match"));
    }
    Ok((header, (header_end + 4) as u64))
}

impl IndexFile {
    /// Opens the index file at `path` for use with `taxonomy` (see
    /// [`IndexFile::from_source`]).
    pub fn open(path: &Path, taxonomy: &Taxonomy) -> Result<IndexFile> {
        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        Self::from_source(&path.display().to_string(), BufReader::new(file), taxonomy)
    }

    /// The header of the index file at `path`, whatever built it.
    pub fn header_of(path: &Path) -> Result<Header> {
        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        let mut source = BufReader::new(file);
        Ok(read_header(&path.display().to_string(), &mut source)?.0)
    }

    /// Opens the index in `source` (`name` names it in errors) for use with
    /// `taxonomy`: refused when it was built by another version of
    /// skillmatch or with another taxonomy, or when it is damaged. Reads
    /// the header, the scoring table and the offsets, not the postings.
    pub fn from_source(
        name: &str,
        source: impl Read + Seek + Send + 'static,
        taxonomy: &Taxonomy,
    ) -> Result<IndexFile> {
        let mut source: Box<dyn Source> = Box::new(source);
        let (header, table_at) = read_header(name, source.as_mut())?;
        let at = Location::file(name);
        let running = env!("CARGO_PKG_VERSION");
        if header.version != running {
            return Err(Error::input(
                at,
                format!(
                    "built by skillmatch {}, and this is skillmatch {running}: extraction may differ, so rebuild the index with `skillmatch index build`",
                    header.version
                ),
            ));
        }
        if header.taxonomy != taxonomy.fingerprint() {
            return Err(Error::input(
                at,
                format!(
                    "built with another taxonomy ({} skills, fingerprint {:016x}; this run's has {} skills, fingerprint {:016x}): give the same --taxonomy and --taxonomy-extra options it was built with, or rebuild it with these",
                    header.skills,
                    header.taxonomy,
                    taxonomy.len(),
                    taxonomy.fingerprint()
                ),
            ));
        }
        let io = |e: std::io::Error| Error::io(PathBuf::from(name), e);
        let end = source.seek(SeekFrom::End(0)).map_err(io)?;
        let postings_at = table_at
            .checked_add(header.table_bytes)
            .filter(|&p| p <= end)
            .ok_or_else(|| damaged(name, "the table runs past the end"))?;
        let table: PostingTable = {
            let bytes = read_at(source.as_mut(), table_at, header.table_bytes).map_err(io)?;
            if crc32fast::hash(&bytes) != header.table_crc {
                return Err(damaged(name, "the table's checksum does not match"));
            }
            postcard::from_bytes(&bytes).map_err(|e| damaged(name, &format!("table: {e}")))?
        };
        table.check(taxonomy.len()).map_err(|e| damaged(name, &e))?;
        let tail_at = end
            .checked_sub(12)
            .filter(|&f| f >= postings_at)
            .ok_or_else(|| damaged(name, "no offsets at the end"))?;
        let (footer_crc, footer_len) = {
            let bytes = read_at(source.as_mut(), tail_at, 12).map_err(io)?;
            let mut four = [0u8; 4];
            four.copy_from_slice(&bytes[..4]);
            let mut eight = [0u8; 8];
            eight.copy_from_slice(&bytes[4..]);
            (u32::from_le_bytes(four), u64::from_le_bytes(eight))
        };
        let offsets_at = tail_at
            .checked_sub(footer_len)
            .filter(|&o| o >= postings_at)
            .ok_or_else(|| damaged(name, "the offsets run past the start"))?;
        let Footer { offsets, crcs } = {
            let bytes = read_at(source.as_mut(), offsets_at, footer_len).map_err(io)?;
            if crc32fast::hash(&bytes) != footer_crc {
                return Err(damaged(name, "the offsets' checksum does not match"));
            }
            postcard::from_bytes(&bytes).map_err(|e| damaged(name, &format!("offsets: {e}")))?
        };
        let count_ok = offsets.len() as u64 == header.postings + 1
            && crcs.len() as u64 == header.postings
            && table.len() as u64 == header.postings;
        let order_ok = offsets.first() == Some(&0)
            && offsets.windows(2).all(|w| w[0] <= w[1])
            && offsets.last() == Some(&(offsets_at - postings_at));
        if !count_ok || !order_ok {
            return Err(damaged(
                name,
                &format!(
                    "the header counts {} postings, the table {} and the offsets {}",
                    header.postings,
                    table.len(),
                    offsets.len().saturating_sub(1)
                ),
            ));
        }
        Ok(IndexFile {
            name: name.to_string(),
            header,
            table: Arc::new(table),
            postings_at,
            offsets,
            crcs,
            skills: taxonomy.len(),
            source: Mutex::new(source),
        })
    }

    /// What the index says about itself.
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// Number of postings.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    /// Whether the index holds no posting.
    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// The scoring index of these postings with `weights`.
    pub fn posting_index(&self, taxonomy: &Taxonomy, weights: &Weights) -> PostingIndex {
        PostingIndex::from_table(taxonomy, Arc::clone(&self.table), weights)
    }

    /// Posting `p`, read and decoded.
    pub fn posting(&self, p: usize) -> Result<Posting> {
        let (Some(&from), Some(&to)) = (self.offsets.get(p), self.offsets.get(p + 1)) else {
            return Err(damaged(&self.name, &format!("no posting number {p}")));
        };
        let bytes = {
            let mut source = self
                .source
                .lock()
                .map_err(|_| damaged(&self.name, "an earlier read failed"))?;
            read_at(source.as_mut(), self.postings_at + from, to - from)
                .map_err(|e| Error::io(PathBuf::from(&self.name), e))?
        };
        self.check_sum(p, &bytes)?;
        let posting: Posting = postcard::from_bytes(&bytes)
            .map_err(|e| damaged(&self.name, &format!("posting number {p}: {e}")))?;
        self.check(&posting)?;
        Ok(posting)
    }

    /// Every posting, read in one pass.
    pub fn postings(&self) -> Result<Vec<Posting>> {
        let total = self.offsets.last().copied().unwrap_or(0);
        let bytes = {
            let mut source = self
                .source
                .lock()
                .map_err(|_| damaged(&self.name, "an earlier read failed"))?;
            read_at(source.as_mut(), self.postings_at, total)
                .map_err(|e| Error::io(PathBuf::from(&self.name), e))?
        };
        let mut out = Vec::with_capacity(self.len());
        for (p, w) in self.offsets.windows(2).enumerate() {
            let slice = &bytes[w[0] as usize..w[1] as usize];
            self.check_sum(p, slice)?;
            let posting: Posting = postcard::from_bytes(slice)
                .map_err(|e| damaged(&self.name, &format!("posting number {p}: {e}")))?;
            self.check(&posting)?;
            out.push(posting);
        }
        Ok(out)
    }

    /// Posting `p`'s bytes must sum to its checksum.
    fn check_sum(&self, p: usize, bytes: &[u8]) -> Result<()> {
        if self.crcs.get(p) != Some(&crc32fast::hash(bytes)) {
            return Err(damaged(
                &self.name,
                &format!("posting number {p}: its checksum does not match"),
            ));
        }
        Ok(())
    }

    /// A damaged file can still decode: every skill must exist.
    fn check(&self, posting: &Posting) -> Result<()> {
        let known = |s: &SkillId| s.index() < self.skills;
        for r in &posting.requirements {
            let fields = r.education.iter().flat_map(|e| e.fields.iter());
            if !r.any_of.iter().chain(fields).all(known) {
                return Err(damaged(
                    &self.name,
                    &format!(
                        "posting {} names a skill the taxonomy does not have",
                        posting.id
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// `len` bytes of `source` from `at`; an error if the source ends first.
fn read_at(source: &mut dyn Source, at: u64, len: u64) -> std::io::Result<Vec<u8>> {
    let end = source.seek(SeekFrom::End(0))?;
    source.seek(SeekFrom::Start(at))?;
    // Sized up front (never past the file's end, whatever `len` claims):
    // growing the buffer by doubling copied and zeroed a large table twice.
    let room = len.min(end.saturating_sub(at));
    let mut bytes = Vec::with_capacity(usize::try_from(room).unwrap_or(0));
    Read::take(&mut *source, len).read_to_end(&mut bytes)?;
    if (bytes.len() as u64) < len {
        return Err(std::io::Error::new(
            std::io::ErrorKind::UnexpectedEof,
            "the file ends early",
        ));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;
    use crate::extract::posting::parse_postings;
    use crate::extract::Matcher;
    use crate::taxonomy::{Source, TaxonomyBuilder};

    const TAXONOMY: &str = r#"
category = "tech"
[[skill]]
id = "java"
label = "Java"
[[skill]]
id = "kubernetes"
label = "Kubernetes"
"#;

    /// The test taxonomy (Java, Kubernetes) with the skills of `extra`.
    pub(super) fn taxonomy(extra: &str) -> Taxonomy {
        let mut b = TaxonomyBuilder::new();
        b.add_source(Source::new("t.toml", format!("{TAXONOMY}{extra}")));
        b.build().expect("test taxonomy")
    }

    fn postings(t: &Taxonomy) -> Vec<Posting> {
        let m = Matcher::new(t).expect("matcher");
        let texts = [
            "Backend Engineer\n\nRequirements\n- 3+ years of Java\n- Kubernetes\n- BSc in a related field\n",
            "Platform Engineer\n\nRequirements\n- Kubernetes\n",
            "Intern\n\nNo requirements at all.\n",
        ];
        texts
            .iter()
            .enumerate()
            .flat_map(|(i, text)| parse_postings(&m, &format!("job{i}.txt"), text))
            .collect()
    }

    fn bytes_of(t: &Taxonomy, postings: &[Posting]) -> Vec<u8> {
        let mut bytes = Vec::new();
        write(&mut bytes, t, postings).expect("write to memory");
        bytes
    }

    fn open(bytes: Vec<u8>, t: &Taxonomy) -> Result<IndexFile> {
        IndexFile::from_source("p.idx", Cursor::new(bytes), t)
    }

    #[test]
    fn an_index_reads_back_as_the_postings_without_mentions() {
        let t = taxonomy("");
        let postings = postings(&t);
        assert!(!postings[0].mentions.is_empty());
        let file = open(bytes_of(&t, &postings), &t).expect("opens");
        let mut want = postings.clone();
        for p in &mut want {
            p.mentions.clear();
        }
        assert_eq!(file.len(), 3);
        assert_eq!(file.postings().expect("all"), want);
        for (p, w) in want.iter().enumerate().rev() {
            assert_eq!(&file.posting(p).expect("one"), w);
        }
        assert!(file.posting(3).is_err());
        let memory = IndexFile::in_memory("postings", &t, &postings).expect("in memory");
        assert_eq!(memory.postings().expect("all"), want);
        // The table read back scores like one built from the postings.
        let w = Weights::default();
        let from_file = file.posting_index(&t, &w);
        let fresh = PostingIndex::new(&t, &postings, &w);
        assert_eq!(format!("{from_file:?}"), format!("{fresh:?}"));
    }

    #[test]
    fn other_taxonomies_versions_and_damage_are_refused() {
        let t = taxonomy("");
        let bytes = bytes_of(&t, &postings(&t));
        let other = taxonomy("[[skill]]\nid = \"go\"\nlabel = \"Go\"\n");
        let mut old_format = bytes.clone();
        old_format[MAGIC.len()] = 1;
        let mut other_version = MAGIC.to_vec();
        other_version.extend_from_slice(&FORMAT.to_le_bytes());
        let mut header = Header::new(&t, 0, &[]);
        header.version = "0.0.1".into();
        other_version = postcard::to_extend(&header, other_version).expect("header");
        let sum = crc32fast::hash(&other_version);
        other_version.extend_from_slice(&sum.to_le_bytes());
        let cases: Vec<(&str, Vec<u8>, &Taxonomy, &str)> = vec![
            (
                "not an index",
                b"id,title\n1,x\n".to_vec(),
                &t,
                "does not start like one",
            ),
            ("empty", Vec::new(), &t, "does not start like one"),
            ("another layout", old_format, &t, "index layout 1"),
            (
                "another version",
                other_version,
                &t,
                "built by skillmatch 0.0.1",
            ),
            (
                "another taxonomy",
                bytes.clone(),
                &other,
                "built with another taxonomy (2 skills",
            ),
            (
                "truncated",
                bytes[..bytes.len() - 3].to_vec(),
                &t,
                "damaged or truncated",
            ),
            (
                "cut in the table",
                bytes[..MAGIC.len() + 40].to_vec(),
                &t,
                "damaged or truncated",
            ),
            (
                "trailing bytes",
                [bytes.as_slice(), b"xx"].concat(),
                &t,
                "damaged or truncated",
            ),
            (
                "header cut",
                bytes[..MAGIC.len() + 2].to_vec(),
                &t,
                "ends inside its header",
            ),
        ];
        for (name, bytes, taxonomy, want) in cases {
            let err = open(bytes, taxonomy).expect_err(name).to_string();
            assert!(err.starts_with("p.idx: "), "{name}: {err}");
            assert!(err.contains(want), "{name}: {err}");
        }
    }

    #[test]
    fn every_single_byte_flip_is_found() {
        // Before checksums, some flips in the table's numbers decoded and
        // changed scores without a word.
        let t = taxonomy("");
        let bytes = bytes_of(&t, &postings(&t));
        for at in 0..bytes.len() {
            for flip in [0x01u8, 0x80, 0xff] {
                let mut damaged = bytes.clone();
                damaged[at] ^= flip;
                let read = open(damaged, &t).and_then(|f| f.postings());
                assert!(read.is_err(), "byte {at} ^ {flip:#04x} was accepted");
            }
        }
    }

    #[test]
    fn a_garbled_table_or_posting_is_damage_not_a_panic() {
        let t = taxonomy("");
        let bytes = bytes_of(&t, &postings(&t));
        let (header, table_at) =
            read_header("p.idx", &mut Cursor::new(bytes.clone())).expect("header");
        let table_end = table_at as usize + header.table_bytes as usize;
        for fill in [0x00, 0x7f, 0xff] {
            let mut table = bytes.clone();
            table[table_at as usize..table_end].fill(fill);
            match open(table, &t) {
                Err(e) => assert!(e.to_string().contains("damaged or truncated"), "{e}"),
                // All 0xff bytes are never a valid table (varints overflow).
                Ok(_) => assert_ne!(fill, 0xff, "a table of 0xff bytes opened"),
            }
            // A posting's bytes garbled: opening works, reading it fails.
            let mut posting = bytes.clone();
            posting[table_end..table_end + 8].fill(fill);
            let file = open(posting, &t).expect("the table and offsets are intact");
            match file.posting(0) {
                Err(e) => assert!(e.to_string().contains("damaged or truncated"), "{e}"),
                Ok(_) => assert_ne!(fill, 0xff, "a posting of 0xff bytes decoded"),
            }
            // The others are untouched.
            assert!(file.posting(1).is_ok() && file.posting(2).is_ok());
        }
    }
}
