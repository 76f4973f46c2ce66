//! The persisted postings index (`skillmatch index build`): extracted
//! postings in a compact binary form, so that repeated `score` and `rank`
//! runs skip reading and extracting the postings.
//!
//! # Layout
//!
//! 1. [`MAGIC`], so that any other file is refused at once;
//! 2. [`FORMAT`] as 4 little-endian bytes: the layout of what follows;
//! 3. a [`Header`] and then the postings, both in
//!    [postcard](https://docs.rs/postcard) (serde with variable-length
//!    integers, no field names), the postings without their mentions.
//!
//! Skills are stored as their index in the taxonomy ([`SkillId`]), which
//! means something only with the taxonomy the index was built with, and
//! extraction differs between versions of skillmatch. So an index is
//! refused, with a message saying what differs and how to rebuild it, when
//! its skillmatch version or its taxonomy's [fingerprint](Taxonomy::fingerprint)
//! differs from the running one's. The weights are not part of the index:
//! they apply when it is scored.

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Location, Result};
use crate::extract::posting::Posting;
use crate::taxonomy::{SkillId, Taxonomy};

/// The first bytes of every index file.
pub const MAGIC: &[u8] = b"skillmatch postings index\n";

/// The layout version of what follows [`MAGIC`]; raised on any change.
pub const FORMAT: u32 = 1;

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
}

impl Header {
    /// The header of an index of `postings` built now with `taxonomy`.
    pub fn new(taxonomy: &Taxonomy, postings: usize) -> Self {
        Header {
            version: env!("CARGO_PKG_VERSION").to_string(),
            taxonomy: taxonomy.fingerprint(),
            skills: taxonomy.len() as u32,
            postings: postings as u64,
        }
    }
}

/// Writes the index of `postings`, extracted with `taxonomy`, to `out`.
/// The postings are encoded straight into `out` (give it a buffered
/// writer), never whole in memory.
pub fn write(
    out: &mut dyn Write,
    taxonomy: &Taxonomy,
    postings: &[Posting],
) -> std::io::Result<()> {
    out.write_all(MAGIC)?;
    out.write_all(&FORMAT.to_le_bytes())?;
    let header = Header::new(taxonomy, postings.len());
    let encode = |e: postcard::Error| std::io::Error::other(e.to_string());
    postcard::to_io(&header, &mut *out).map_err(encode)?;
    postcard::to_io(postings, &mut *out).map_err(encode)?;
    Ok(())
}

/// Reads the header of the index at `path` (`file` names it in errors)
/// and the bytes after it.
pub fn read_header<'b>(file: &str, bytes: &'b [u8]) -> Result<(Header, &'b [u8])> {
    let damaged = |what: &str| {
        Error::input(
            Location::file(file),
            format!("not a readable skillmatch postings index ({what}); build one with `skillmatch index build --postings POSTINGS -o INDEX`"),
        )
    };
    let rest = bytes
        .strip_prefix(MAGIC)
        .ok_or_else(|| damaged("it does not start like one"))?;
    let (format, rest) = rest
        .split_first_chunk::<4>()
        .ok_or_else(|| damaged("it ends inside its header"))?;
    let format = u32::from_le_bytes(*format);
    if format != FORMAT {
        return Err(Error::input(
            Location::file(file),
            format!("index layout {format}, but this skillmatch reads layout {FORMAT}: rebuild it with `skillmatch index build`"),
        ));
    }
    postcard::take_from_bytes::<Header>(rest).map_err(|e| damaged(&format!("header: {e}")))
}

/// Reads the index in `bytes` (`file` names it in errors) for use with
/// `taxonomy`: refused when it was built by another version of skillmatch
/// or with another taxonomy, or when it is damaged.
pub fn read(file: &str, bytes: &[u8], taxonomy: &Taxonomy) -> Result<Vec<Posting>> {
    let (header, rest) = read_header(file, bytes)?;
    let at = Location::file(file);
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
    let (postings, trailing) = postcard::take_from_bytes::<Vec<Posting>>(rest).map_err(|e| {
        Error::input(
            at.clone(),
            format!("damaged or truncated index ({e}): rebuild it with `skillmatch index build`"),
        )
    })?;
    if !trailing.is_empty() || postings.len() as u64 != header.postings {
        return Err(Error::input(
            at,
            format!(
                "damaged index: the header counts {} postings, the file holds {} and {} bytes more: rebuild it with `skillmatch index build`",
                header.postings,
                postings.len(),
                trailing.len()
            ),
        ));
    }
    // A damaged file can still decode: every skill must exist.
    let known = |s: &SkillId| s.index() < taxonomy.len();
    for p in &postings {
        for r in &p.requirements {
            let fields = r.education.iter().flat_map(|e| e.fields.iter());
            if !r.any_of.iter().chain(fields).all(known) {
                return Err(Error::input(
                    at,
                    format!(
                        "damaged index: posting {} names a skill the taxonomy does not have: rebuild it with `skillmatch index build`",
                        p.id
                    ),
                ));
            }
        }
    }
    Ok(postings)
}

/// Reads the index file at `path` for use with `taxonomy` (see [`read`]).
pub fn read_file(path: &Path, taxonomy: &Taxonomy) -> Result<Vec<Posting>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    read(&path.display().to_string(), &bytes, taxonomy)
}

#[cfg(test)]
mod tests {
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

    fn taxonomy(extra: &str) -> Taxonomy {
        let mut b = TaxonomyBuilder::new();
        b.add_source(Source::new("t.toml", format!("{TAXONOMY}{extra}")));
        b.build().expect("test taxonomy")
    }

    fn index(t: &Taxonomy) -> (Vec<Posting>, Vec<u8>) {
        let m = Matcher::new(t).expect("matcher");
        let text = "Backend Engineer\n\nRequirements\n- 3+ years of Java\n- Kubernetes\n- BSc in a related field\n";
        let postings = parse_postings(&m, "job.txt", text);
        let mut bytes = Vec::new();
        write(&mut bytes, t, &postings).expect("write to memory");
        (postings, bytes)
    }

    #[test]
    fn an_index_reads_back_as_the_postings_without_mentions() {
        let t = taxonomy("");
        let (postings, bytes) = index(&t);
        assert!(!postings[0].mentions.is_empty());
        let back = read("p.idx", &bytes, &t).expect("reads back");
        let mut want = postings.clone();
        for p in &mut want {
            p.mentions.clear();
        }
        assert_eq!(back, want);
        assert_eq!(back[0].requirements.len(), postings[0].requirements.len());
    }

    #[test]
    fn other_taxonomies_versions_and_damage_are_refused() {
        let t = taxonomy("");
        let (_, bytes) = index(&t);
        let other = taxonomy("[[skill]]\nid = \"go\"\nlabel = \"Go\"\n");
        let mut old_format = bytes.clone();
        old_format[MAGIC.len()] = 0;
        let mut other_version = MAGIC.to_vec();
        other_version.extend_from_slice(&FORMAT.to_le_bytes());
        let mut header = Header::new(&t, 0);
        header.version = "0.0.1".into();
        other_version = postcard::to_extend(&header, other_version).expect("header");
        other_version = postcard::to_extend(&Vec::<Posting>::new(), other_version).expect("body");
        let cases: Vec<(&str, Vec<u8>, &Taxonomy, &str)> = vec![
            (
                "not an index",
                b"id,title\n1,x\n".to_vec(),
                &t,
                "does not start like one",
            ),
            ("empty", Vec::new(), &t, "does not start like one"),
            ("another layout", old_format, &t, "index layout 0"),
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
                "trailing bytes",
                [bytes.as_slice(), b"xx"].concat(),
                &t,
                "and 2 bytes more",
            ),
            (
                "header cut",
                bytes[..MAGIC.len() + 2].to_vec(),
                &t,
                "ends inside its header",
            ),
        ];
        for (name, bytes, taxonomy, want) in cases {
            let err = read("p.idx", &bytes, taxonomy).expect_err(name).to_string();
            assert!(err.starts_with("p.idx: "), "{name}: {err}");
            assert!(err.contains(want), "{name}: {err}");
        }
    }

    #[test]
    fn unknown_skill_ids_are_damage_not_a_panic() {
        let t = taxonomy("");
        let (mut postings, _) = index(&t);
        postings[0].requirements[0].any_of = vec![SkillId(99)];
        let mut bytes = Vec::new();
        write(&mut bytes, &t, &postings).expect("write");
        let err = read("p.idx", &bytes, &t)
            .expect_err("unknown id")
            .to_string();
        assert!(
            err.contains("names a skill the taxonomy does not have"),
            "{err}"
        );
    }
}
