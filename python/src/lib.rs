//! `skillmatch._skillmatch`: the native half of the Python package. One
//! class, `Engine`, holds a taxonomy, its matcher and the postings (an
//! index file, a batch file, or records), read once; its methods extract,
//! score, explain and rank through the same library calls and reports as
//! the command line, so they return the CLI's JSON documents and CSV rows.
//! Every method releases the GIL while it works and runs on the engine's
//! own thread pool when a thread count was given. The Python half
//! (`skillmatch/__init__.py`) turns pandas and Arrow tables into the
//! plain lists taken here.

use std::path::PathBuf;

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use rayon::prelude::*;
use self_cell::self_cell;
use skillmatch::document::{Document, DocumentKind, Fields};
use skillmatch::extract::dates::YearMonth;
use skillmatch::extract::resume::ResumeOptions;
use skillmatch::index_file::{IndexBuilder, IndexFile};
use skillmatch::input::{self, LoadOptions};
use skillmatch::prepared::Prepared;
use skillmatch::rank::BestCandidates;
use skillmatch::report::csv::{rank_row, Positions, RankRow, RANK_COLUMNS};
use skillmatch::report::{ExtractReport, Format};
use skillmatch::score::Weights;
use skillmatch::serve::{Catalog, CatalogParts};
use skillmatch::taxonomy::TaxonomyBuilder;

/// mimalloc for the Rust side, as in the binary: extraction and
/// explanations allocate many small strings from several threads, where
/// it is about twice as fast as the system allocator (BENCHMARKS.md).
/// Only this library's own allocations use it; what Python receives is
/// copied into Python objects.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

create_exception!(
    _skillmatch,
    SkillmatchError,
    PyValueError,
    "An input skillmatch cannot use: the message names the file and the line or row, as the command line's does."
);

/// A library error as a Python exception; `file` and `line` attributes
/// carry its location when it has one.
fn py_error(e: skillmatch::Error) -> PyErr {
    let location = match &e {
        skillmatch::Error::Input { location, .. }
        | skillmatch::Error::Taxonomy { location, .. } => {
            Some((location.file.clone(), location.line))
        }
        skillmatch::Error::Io { path, .. } => Some((path.display().to_string(), None)),
    };
    let err = SkillmatchError::new_err(e.to_string());
    if let Some((file, line)) = location {
        Python::with_gil(|py| {
            let value = err.value(py);
            let _ = value.setattr("file", file);
            let _ = value.setattr("line", line);
        });
    }
    err
}

/// Any other failure, as a `SkillmatchError` with its message.
fn py_message(message: impl std::fmt::Display) -> PyErr {
    SkillmatchError::new_err(message.to_string())
}

/// What an engine owns.
struct Owned {
    prepared: Prepared,
    postings: IndexFile,
    documents: Vec<Document>,
    weights: Weights,
    as_of: Option<YearMonth>,
}

self_cell!(
    /// The owned data and the catalog borrowing it.
    struct Loaded {
        owner: Owned,
        #[not_covariant]
        dependent: Catalog,
    }
);

/// A taxonomy and postings, loaded once (see the module documentation).
#[pyclass(frozen, module = "skillmatch._skillmatch")]
struct Engine {
    loaded: Loaded,
    pool: Option<rayon::ThreadPool>,
}

/// Candidates offered to the per-posting lists at once (as `rank`'s
/// chunks): their scores against every posting are held together.
const OFFER_CHUNK: usize = 64;

/// A posting as listed: id, title, company, location.
type PostingSummary = (String, Option<String>, Option<String>, Option<String>);

/// A posting record: id, title, company, location, text.
type PostingRecord = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

impl Engine {
    /// Runs `work` on the engine's threads, without the GIL.
    fn run<T: Send>(&self, py: Python<'_>, work: impl FnOnce(&Catalog<'_>) -> T + Send) -> T {
        py.allow_threads(|| {
            let go = || self.loaded.with_dependent(|_, catalog| work(catalog));
            match &self.pool {
                Some(pool) => pool.install(go),
                None => go(),
            }
        })
    }
}

#[pymethods]
impl Engine {
    #[new]
    #[pyo3(signature = (*, index=None, postings=None, posting_records=None, taxonomy=None, taxonomy_extra=Vec::new(), weights=None, as_of=None, threads=None, cache_dir=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        index: Option<PathBuf>,
        postings: Option<PathBuf>,
        posting_records: Option<Vec<PostingRecord>>,
        taxonomy: Option<PathBuf>,
        taxonomy_extra: Vec<PathBuf>,
        weights: Option<PathBuf>,
        as_of: Option<String>,
        threads: Option<usize>,
        cache_dir: Option<PathBuf>,
    ) -> PyResult<Engine> {
        let given = [
            index.is_some(),
            postings.is_some(),
            posting_records.is_some(),
        ];
        if given.iter().filter(|&&g| g).count() != 1 {
            return Err(py_message(
                "give the postings once: index=FILE, postings=CSV|DIR|JSONL, or posting_records",
            ));
        }
        let as_of = as_of
            .map(|s| {
                s.parse::<YearMonth>()
                    .map_err(|e| py_message(format!("as_of: {e}")))
            })
            .transpose()?;
        let pool = match threads {
            Some(n) => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n.max(1))
                    .build()
                    .map_err(py_message)?,
            ),
            None => None,
        };
        let load = || -> Result<Owned, PyErr> {
            let mut builder = TaxonomyBuilder::new();
            match &taxonomy {
                Some(dir) => {
                    builder.add_path(dir).map_err(py_error)?;
                }
                None => builder = builder.with_embedded(),
            }
            for extra in &taxonomy_extra {
                builder.add_path(extra).map_err(py_error)?;
            }
            let (prepared, _) = Prepared::load(&builder, cache_dir.as_deref()).map_err(py_error)?;
            let weights = match &weights {
                Some(path) => Weights::read(path).map_err(py_error)?,
                None => Weights::default(),
            };
            let taxonomy = prepared.taxonomy();
            let (postings, documents) = if let Some(index) = &index {
                (
                    IndexFile::open(index, taxonomy).map_err(py_error)?,
                    Vec::new(),
                )
            } else {
                let documents = match (&postings, posting_records) {
                    (Some(path), _) => {
                        let loaded =
                            input::load(path, DocumentKind::Posting, &LoadOptions::default())
                                .map_err(py_error)?;
                        if let Some(first) = loaded.skipped.into_iter().next() {
                            return Err(py_error(first));
                        }
                        loaded.documents
                    }
                    (None, Some(records)) => records
                        .into_iter()
                        .enumerate()
                        .map(|(i, (id, title, company, location, text))| Document {
                            id,
                            source: format!("posting_records[{i}]"),
                            text,
                            fields: Fields {
                                title,
                                company,
                                location,
                                name: None,
                            },
                            kind: Some(DocumentKind::Posting),
                        })
                        .collect(),
                    (None, None) => Vec::new(),
                };
                let mut built = IndexBuilder::new();
                built.extract(&prepared.matcher(), documents.clone());
                let name = postings
                    .as_ref()
                    .map_or("posting_records".to_string(), |p| p.display().to_string());
                (built.into_index_file(&name, taxonomy), documents)
            };
            Ok(Owned {
                prepared,
                postings,
                documents,
                weights,
                as_of,
            })
        };
        let owned = py.allow_threads(|| match &pool {
            Some(pool) => pool.install(load),
            None => load(),
        })?;
        let loaded = Loaded::try_new(owned, |o| {
            Catalog::new(CatalogParts {
                taxonomy: o.prepared.taxonomy(),
                matcher: o.prepared.matcher(),
                postings: &o.postings,
                weights: o.weights,
                documents: o.documents.clone(),
                candidates: Vec::new(),
                as_of: o.as_of,
            })
        })
        .map_err(py_error)?;
        Ok(Engine { loaded, pool })
    }

    /// How many postings the engine holds.
    #[getter]
    fn posting_count(&self) -> usize {
        self.loaded.with_dependent(|_, c| c.postings().len())
    }

    /// The postings: (id, title, company, location) each, in order.
    fn postings(&self) -> Vec<PostingSummary> {
        self.loaded.with_dependent(|_, c| {
            c.postings()
                .iter()
                .map(|s| {
                    (
                        s.id.clone(),
                        s.title.clone(),
                        s.company.clone(),
                        s.location.clone(),
                    )
                })
                .collect()
        })
    }

    /// The `extract --format json` document of one text, read as `kind`
    /// ("posting" or "resume"), as a JSON string.
    #[pyo3(signature = (text, *, kind="posting", id="text"))]
    fn extract(&self, py: Python<'_>, text: String, kind: &str, id: &str) -> PyResult<String> {
        let kind = match kind {
            "posting" => DocumentKind::Posting,
            "resume" => DocumentKind::Resume,
            other => {
                return Err(py_message(format!(
                    "kind={other:?}: give \"posting\" or \"resume\""
                )))
            }
        };
        let document = Document {
            id: id.to_string(),
            source: id.to_string(),
            text,
            fields: Fields::default(),
            kind: Some(kind),
        };
        let bytes = self.run(py, |catalog| {
            let taxonomy = catalog.taxonomy();
            let (postings, candidates) = match kind {
                DocumentKind::Posting => (
                    skillmatch::extract::postings_of(catalog.matcher(), &document),
                    Vec::new(),
                ),
                DocumentKind::Resume => (
                    Vec::new(),
                    vec![skillmatch::extract::candidate_of(
                        catalog.matcher(),
                        &document,
                        &catalog.resume_options(),
                    )],
                ),
            };
            let report = ExtractReport {
                taxonomy,
                postings: &postings,
                candidates: &candidates,
            };
            skillmatch::report::render(&report, Format::Json)
        });
        let bytes = bytes.map_err(py_message)?;
        String::from_utf8(bytes).map_err(py_message)
    }

    /// The `score --format json` document of the résumé in `resume`
    /// (bytes of a file named `filename`) against every posting.
    #[pyo3(signature = (resume, *, filename=None, top=10, suggest=5))]
    fn score(
        &self,
        py: Python<'_>,
        resume: Vec<u8>,
        filename: Option<String>,
        top: usize,
        suggest: usize,
    ) -> PyResult<String> {
        let bytes = self.run(py, |catalog| {
            let (candidate, _) =
                skillmatch::serve::resume::read_resume(catalog, filename.as_deref(), None, resume)
                    .map_err(|p| p.message)?;
            catalog
                .score(&candidate, top, suggest, Format::Json)
                .map_err(|e| e.to_string())
        });
        String::from_utf8(bytes.map_err(py_message)?).map_err(py_message)
    }

    /// The `explain --format json` document of the résumé against the
    /// posting `posting`.
    #[pyo3(signature = (resume, posting, *, filename=None))]
    fn explain(
        &self,
        py: Python<'_>,
        resume: Vec<u8>,
        posting: String,
        filename: Option<String>,
    ) -> PyResult<String> {
        let bytes = self.run(py, |catalog| {
            let p = catalog
                .posting_position(&posting)
                .ok_or_else(|| format!("no posting with the id `{posting}`"))?;
            let (candidate, document) =
                skillmatch::serve::resume::read_resume(catalog, filename.as_deref(), None, resume)
                    .map_err(|p| p.message)?;
            catalog
                .explain_report(p, &candidate, &document.text, Format::Json)
                .map_err(|e| e.to_string())
        });
        String::from_utf8(bytes.map_err(py_message)?).map_err(py_message)
    }

    /// The `rank` CSV rows (lists of cells, in `rank_columns()` order) of
    /// the candidates `ids`, `names`, `texts` against the postings: each
    /// candidate's best `top` postings (`per="candidate"`), or each
    /// posting's best `top` of these candidates (`per="posting"`); `top`
    /// 0 keeps all. `positions` are the candidates' places in the whole
    /// input (default 0, 1, …): rows carry them, equal fits keep their
    /// order, and `per="candidate"` rows come out in it.
    #[pyo3(signature = (ids, names, texts, positions=None, *, per="candidate", top=10))]
    #[allow(clippy::too_many_arguments)]
    fn rank(
        &self,
        py: Python<'_>,
        ids: Vec<String>,
        names: Vec<Option<String>>,
        texts: Vec<String>,
        positions: Option<Vec<usize>>,
        per: &str,
        top: usize,
    ) -> PyResult<Vec<Vec<String>>> {
        let n = ids.len();
        if names.len() != n || texts.len() != n || positions.as_ref().is_some_and(|p| p.len() != n)
        {
            return Err(py_message(
                "ids, names, texts and positions must be as long as one another",
            ));
        }
        let per_posting = match per {
            "candidate" => false,
            "posting" => true,
            other => {
                return Err(py_message(format!(
                    "per={other:?}: give \"candidate\" or \"posting\""
                )))
            }
        };
        let positions = positions.unwrap_or_else(|| (0..n).collect());
        // In input order, whatever order the batch came in.
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&i| positions[i]);
        let documents: Vec<(usize, Document)> = order
            .into_iter()
            .map(|i| {
                (
                    positions[i],
                    Document {
                        id: ids[i].clone(),
                        source: ids[i].clone(),
                        text: texts[i].clone(),
                        fields: Fields {
                            name: names[i].clone(),
                            ..Fields::default()
                        },
                        kind: Some(DocumentKind::Resume),
                    },
                )
            })
            .collect();
        let top = (top > 0).then_some(top);
        let rows = self.run(py, |catalog| -> skillmatch::Result<Vec<Vec<String>>> {
            let taxonomy = catalog.taxonomy();
            let ranker = catalog.ranker();
            let options: ResumeOptions = catalog.resume_options();
            let candidates: Vec<_> = documents
                .par_iter()
                .map(|(_, d)| skillmatch::extract::candidate_of(catalog.matcher(), d, &options))
                .collect();
            if !per_posting {
                let rows: Vec<Vec<Vec<String>>> = candidates
                    .par_iter()
                    .zip(&documents)
                    .map(|(c, (position, _))| {
                        let shortlist = ranker.rank(c, top)?;
                        Ok(shortlist
                            .explain(taxonomy, c, ranker.weights())
                            .iter()
                            .map(|r| {
                                let at = Positions {
                                    candidate: *position,
                                    posting: r.index,
                                };
                                rank_row(taxonomy, c, r.posting, r.rank, &r.explanation, at)
                            })
                            .collect())
                    })
                    .collect::<skillmatch::Result<_>>()?;
                return Ok(rows.into_iter().flatten().collect());
            }
            // Offered a chunk at a time, as `rank` does: a chunk's scores
            // against every posting are held at once.
            let mut best = BestCandidates::new(ranker, top);
            for (k, chunk) in candidates.chunks(OFFER_CHUNK).enumerate() {
                let base = k * OFFER_CHUNK;
                best.offer(ranker, chunk, |i, p, c, posting, e| {
                    let at = Positions {
                        candidate: documents[base + i].0,
                        posting: p,
                    };
                    RankRow::new(taxonomy, c, posting, e, at)
                })?;
            }
            let mut rows = Vec::new();
            for (_, ranked) in best.into_ranked() {
                for (rank, row) in ranked {
                    rows.push(row.cells(rank));
                }
            }
            Ok(rows)
        });
        rows.map_err(py_error)
    }

    /// The columns of `rank` rows, in order.
    #[staticmethod]
    fn rank_columns() -> Vec<&'static str> {
        RANK_COLUMNS.to_vec()
    }
}

/// The native module.
#[pymodule]
fn _skillmatch(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Engine>()?;
    m.add("SkillmatchError", m.py().get_type::<SkillmatchError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
