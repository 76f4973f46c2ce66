//! Building an index a chunk of postings at a time: each posting is
//! encoded as soon as it is extracted, so a run holds the encoded postings
//! (about a third of their decoded size) and one chunk of decoded ones,
//! never all of them. `index build` writes what it built; `score` and
//! `rank` given `--postings` keep it in memory as an [`IndexFile`].

use std::io::{Cursor, Write};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use super::{Header, IndexFile, FORMAT, MAGIC};
use crate::document::Document;
use crate::extract::posting::Posting;
use crate::extract::postings_of;
use crate::extract::Matcher;
use crate::score::PostingTable;
use crate::taxonomy::Taxonomy;

/// Documents extracted per step of [`IndexBuilder::extract`]: enough to
/// keep every thread busy, few enough that their decoded postings stay
/// small beside the encoded ones.
const DOCUMENTS_PER_STEP: usize = if cfg!(test) { 2 } else { 1024 };

/// An index being built (see the module documentation).
#[derive(Debug, Default)]
pub struct IndexBuilder {
    table: PostingTable,
    /// The encoded postings, one after the other.
    postings: Vec<u8>,
    /// Offsets of the postings in `postings`, one more for the end.
    offsets: Vec<u64>,
    crcs: Vec<u32>,
}

/// A posting in the index's form: without its mentions (never
/// serialized: scores and explanations read requirements, not mentions).
fn encoded(posting: &Posting) -> Vec<u8> {
    // Plain data in memory: encoding cannot fail.
    postcard::to_stdvec(posting).unwrap_or_else(|e| unreachable!("encoding a posting: {e}"))
}

impl IndexBuilder {
    /// An empty index.
    pub fn new() -> Self {
        IndexBuilder {
            table: PostingTable::empty(),
            offsets: vec![0],
            ..IndexBuilder::default()
        }
    }

    /// Number of postings added.
    pub fn len(&self) -> usize {
        self.crcs.len()
    }

    /// Whether no posting was added.
    pub fn is_empty(&self) -> bool {
        self.crcs.is_empty()
    }

    /// Adds `posting`, extracted with `taxonomy`, encoded as `bytes`.
    fn push_encoded(&mut self, taxonomy: &Taxonomy, posting: &Posting, bytes: &[u8]) {
        self.table.push(taxonomy, posting);
        self.postings.extend_from_slice(bytes);
        self.offsets.push(self.postings.len() as u64);
        self.crcs.push(crc32fast::hash(bytes));
    }

    /// Adds `postings`, extracted with `taxonomy`, in order.
    pub fn add(&mut self, taxonomy: &Taxonomy, postings: &[Posting]) {
        for posting in postings {
            self.push_encoded(taxonomy, posting, &encoded(posting));
        }
    }

    /// Extracts the postings of `documents` with `matcher` (in parallel, a
    /// step of documents at a time) and adds them in document order. Each
    /// step's documents are dropped once done, so their text makes room for
    /// the encoded postings.
    pub fn extract(&mut self, matcher: &Matcher<'_>, documents: Vec<Document>) {
        let taxonomy = matcher.taxonomy();
        let mut documents = std::collections::VecDeque::from(documents);
        while !documents.is_empty() {
            let take = DOCUMENTS_PER_STEP.min(documents.len());
            let step: Vec<Document> = documents.drain(..take).collect();
            // Each document's postings become a piece of the table and
            // their encodings on a worker; only the pieces are put
            // together here, in order.
            let pieces: Vec<(PostingTable, Vec<Vec<u8>>)> = step
                .par_iter()
                .map(|d| {
                    let postings = postings_of(matcher, d);
                    (
                        PostingTable::new(taxonomy, &postings),
                        postings.iter().map(encoded).collect(),
                    )
                })
                .collect();
            for (table, encodings) in pieces {
                self.table.append(table);
                for bytes in encodings {
                    self.postings.extend_from_slice(&bytes);
                    self.offsets.push(self.postings.len() as u64);
                    self.crcs.push(crc32fast::hash(&bytes));
                }
            }
        }
    }

    /// Writes the index file (built with `taxonomy`) to `out`.
    pub fn write(&self, out: &mut dyn Write, taxonomy: &Taxonomy) -> std::io::Result<()> {
        let encode = |e: postcard::Error| std::io::Error::other(e.to_string());
        let table = postcard::to_stdvec(&self.table).map_err(encode)?;
        let mut start = MAGIC.to_vec();
        start.extend_from_slice(&FORMAT.to_le_bytes());
        let header = Header::new(taxonomy, self.len(), &table);
        start = postcard::to_extend(&header, start).map_err(encode)?;
        out.write_all(&start)?;
        out.write_all(&crc32fast::hash(&start).to_le_bytes())?;
        out.write_all(&table)?;
        drop(table);
        out.write_all(&self.postings)?;
        let footer = postcard::to_stdvec(&FooterRef {
            offsets: &self.offsets,
            crcs: &self.crcs,
        })
        .map_err(encode)?;
        out.write_all(&footer)?;
        out.write_all(&crc32fast::hash(&footer).to_le_bytes())?;
        out.write_all(&(footer.len() as u64).to_le_bytes())
    }

    /// The index as an open [`IndexFile`] held in memory (`name` names it
    /// in errors), without writing it out and reading it back. Its header
    /// states no table size or checksum: nothing reads the table back.
    pub fn into_index_file(self, name: &str, taxonomy: &Taxonomy) -> IndexFile {
        IndexFile {
            name: name.to_string(),
            header: Header::new(taxonomy, self.len(), &[]),
            table: Arc::new(self.table),
            postings_at: 0,
            offsets: self.offsets,
            crcs: self.crcs,
            skills: taxonomy.len(),
            source: Mutex::new(Box::new(Cursor::new(self.postings))),
        }
    }
}

/// Writes the index of `postings`, extracted with `taxonomy`, to `out`
/// (give it a buffered writer). For postings extracted on the way, see
/// [`IndexBuilder::extract`].
pub fn write(
    out: &mut dyn Write,
    taxonomy: &Taxonomy,
    postings: &[Posting],
) -> std::io::Result<()> {
    let mut builder = IndexBuilder::new();
    builder.add(taxonomy, postings);
    builder.write(out, taxonomy)
}

impl IndexFile {
    /// An index of `postings` (extracted with `taxonomy`) held in memory,
    /// `name` naming it in errors: the postings take the index's compact
    /// form (about a third of their decoded size) and are decoded when
    /// shown, as from a file.
    pub fn in_memory(
        name: &str,
        taxonomy: &Taxonomy,
        postings: &[Posting],
    ) -> crate::error::Result<IndexFile> {
        let mut builder = IndexBuilder::new();
        builder.add(taxonomy, postings);
        Ok(builder.into_index_file(name, taxonomy))
    }
}

/// [`Footer`](super::Footer) borrowed, for writing: the same encoding.
#[derive(serde::Serialize)]
struct FooterRef<'a> {
    offsets: &'a [u64],
    crcs: &'a [u32],
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Fields;
    use crate::extract::extract_postings_for_scoring;

    const TEXTS: [&str; 5] = [
        "Backend Engineer\n\nRequirements\n- 3+ years of Java\n- Kubernetes or Docker\n- BSc in Computer Science\n",
        "Platform Engineer\n\nRequirements\n- Kubernetes\n- Kubernetes\n",
        "Intern\n\nNo requirements at all.\n",
        "Data Engineer\n\nMust have: Java, Kubernetes. Nice to have: Docker.\n",
        "Nurse\n\nRequirements\n- BSc in Nursing\n- 2 years of experience\n",
    ];

    /// Java, Kubernetes, and Docker related to Kubernetes.
    fn taxonomy() -> Taxonomy {
        super::super::tests::taxonomy(
            "[[skill]]\nid = \"docker\"\nlabel = \"Docker\"\nrelated = [\"kubernetes\"]\n",
        )
    }

    fn documents() -> Vec<Document> {
        TEXTS
            .iter()
            .enumerate()
            .map(|(i, text)| Document {
                id: format!("p{i}"),
                source: format!("p{i}.txt"),
                text: text.to_string(),
                fields: Fields::default(),
                kind: None,
            })
            .collect()
    }

    #[test]
    fn extracting_step_by_step_writes_the_index_of_all_postings_at_once() {
        let t = taxonomy();
        let m = Matcher::new(&t).expect("matcher");
        let docs = documents();
        let mut built = IndexBuilder::new();
        built.extract(&m, docs.clone());
        let mut stepwise = Vec::new();
        built.write(&mut stepwise, &t).expect("to memory");
        let all = extract_postings_for_scoring(&m, &docs);
        let mut at_once = Vec::new();
        super::super::write(&mut at_once, &t, &all).expect("to memory");
        assert_eq!(built.len(), 5);
        assert_eq!(stepwise, at_once);
        // The same table as one built from every posting: pieces put
        // together keep their skill ranges.
        assert_eq!(built.table, PostingTable::new(&t, &all));
    }

    #[test]
    fn an_index_built_in_memory_reads_back_every_posting() {
        let t = taxonomy();
        let m = Matcher::new(&t).expect("matcher");
        let docs = documents();
        let mut built = IndexBuilder::new();
        built.extract(&m, docs.clone());
        let file = built.into_index_file("memory", &t);
        let mut want = extract_postings_for_scoring(&m, &docs);
        for p in &mut want {
            p.mentions.clear();
        }
        assert_eq!(file.postings().expect("all"), want);
        assert_eq!(file.posting(4).expect("one"), want[4]);
        assert!(file.posting(5).is_err());
        let empty = IndexBuilder::new().into_index_file("none", &t);
        assert!(empty.is_empty());
        assert!(empty.postings().expect("none").is_empty());
    }
}
