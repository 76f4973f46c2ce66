//! The ranker and what it ranks: a store of postings, the shortlist of one
//! candidate's best postings, and their explanations.

use std::borrow::Cow;

use rayon::prelude::*;

use crate::explain::{explain, Explanation};
use crate::extract::posting::Posting;
use crate::extract::resume::Candidate;
use crate::index_file::IndexFile;
use crate::score::{CandidateProfile, PostingIndex, Weights};
use crate::taxonomy::Taxonomy;
use crate::{Error, Location, Result};

use super::suggestions::{best_suggestions, suggestions, Suggestion};

/// Postings a ranking reads: kept in memory, or in an index file that
/// decodes a posting when it is asked for.
pub trait PostingStore: Sync {
    /// Number of postings.
    fn len(&self) -> usize;
    /// Whether there is no posting.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Posting `p`.
    fn get(&self, p: usize) -> Result<Cow<'_, Posting>>;
    /// The scoring index of the postings (extracted with `taxonomy`) with
    /// `weights`.
    fn posting_index(&self, taxonomy: &Taxonomy, weights: &Weights) -> PostingIndex;
}

impl PostingStore for [Posting] {
    fn len(&self) -> usize {
        <[Posting]>::len(self)
    }

    fn get(&self, p: usize) -> Result<Cow<'_, Posting>> {
        <[Posting]>::get(self, p).map(Cow::Borrowed).ok_or_else(|| {
            Error::input(Location::file("postings"), format!("no posting number {p}"))
        })
    }

    fn posting_index(&self, taxonomy: &Taxonomy, weights: &Weights) -> PostingIndex {
        PostingIndex::new(taxonomy, self, weights)
    }
}

impl PostingStore for IndexFile {
    fn len(&self) -> usize {
        IndexFile::len(self)
    }

    fn get(&self, p: usize) -> Result<Cow<'_, Posting>> {
        self.posting(p).map(Cow::Owned)
    }

    fn posting_index(&self, taxonomy: &Taxonomy, weights: &Weights) -> PostingIndex {
        IndexFile::posting_index(self, taxonomy, weights)
    }
}

/// Ranks the postings of a store for any number of candidates.
pub struct Ranker<'a, S: PostingStore + ?Sized> {
    taxonomy: &'a Taxonomy,
    postings: &'a S,
    index: PostingIndex,
}

impl<S: PostingStore + ?Sized> std::fmt::Debug for Ranker<'_, S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ranker")
            .field("postings", &self.index.len())
            .finish_non_exhaustive()
    }
}

impl<'a, S: PostingStore + ?Sized> Ranker<'a, S> {
    /// A ranker of `postings` (extracted with `taxonomy`) scoring with
    /// `weights`.
    pub fn new(taxonomy: &'a Taxonomy, postings: &'a S, weights: &Weights) -> Self {
        Ranker {
            taxonomy,
            postings,
            index: postings.posting_index(taxonomy, weights),
        }
    }

    /// A ranker of `postings` scoring with `index`, their
    /// [`posting_index`](PostingStore::posting_index) built beforehand
    /// (on another thread, say, while the résumé is read).
    pub fn with_index(taxonomy: &'a Taxonomy, postings: &'a S, index: PostingIndex) -> Self {
        debug_assert_eq!(index.len(), postings.len());
        Ranker {
            taxonomy,
            postings,
            index,
        }
    }

    /// Number of postings.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether there is no posting.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The weights scores are computed with.
    pub fn weights(&self) -> &Weights {
        self.index.weights()
    }

    /// The taxonomy the postings were extracted with.
    pub fn taxonomy(&self) -> &'a Taxonomy {
        self.taxonomy
    }

    /// The postings.
    pub fn postings(&self) -> &'a S {
        self.postings
    }

    /// `candidate` prepared for scoring these postings.
    pub fn profile(&self, candidate: &Candidate) -> CandidateProfile {
        self.index.profile(self.taxonomy, candidate)
    }

    /// The postings for `candidate`, best first (by fit, the
    /// confidence-aware figure), the first `top` of them (all with
    /// `None`): found by candidate retrieval, then read. Equal figures
    /// keep posting order.
    pub fn rank(&self, candidate: &Candidate, top: Option<usize>) -> Result<Shortlist<'a>> {
        let profile = self.profile(candidate);
        let best = match top {
            Some(k) => self.index.top(&profile, k),
            None => self.index.rank_all(&profile),
        };
        let entries = best
            .into_iter()
            .enumerate()
            .map(|(position, (fit, index))| {
                Ok(Shortlisted {
                    rank: position + 1,
                    index,
                    fit,
                    posting: self.postings.get(index)?,
                })
            })
            .collect::<Result<_>>()?;
        Ok(Shortlist { entries })
    }

    /// The skills that would raise `candidate`'s fit across these
    /// postings most, best first (see [`Suggestion`]).
    pub fn suggestions(&self, candidate: &Candidate) -> Vec<Suggestion> {
        suggestions(self.taxonomy, &self.index, candidate)
    }

    /// The first `n` of [`suggestions`](Self::suggestions), the same to
    /// the bit, found without scoring the skills that cannot be among
    /// them.
    pub fn best_suggestions(&self, candidate: &Candidate, n: usize) -> Vec<Suggestion> {
        best_suggestions(self.taxonomy, &self.index, candidate, n)
    }

    /// The scoring index the ranker scores with.
    pub fn index(&self) -> &PostingIndex {
        &self.index
    }
}

/// One posting a ranking keeps: its place, its score, and the posting.
#[derive(Debug, Clone)]
pub struct Shortlisted<'p> {
    /// 1-based position in the ranking.
    pub rank: usize,
    /// The posting's position in the store.
    pub index: usize,
    /// Its fit, the ranking key, equal to its explanation's.
    pub fit: f64,
    /// The posting.
    pub posting: Cow<'p, Posting>,
}

/// The postings a ranking keeps for one candidate, best first.
#[derive(Debug, Clone, Default)]
pub struct Shortlist<'p> {
    /// The postings, best first.
    pub entries: Vec<Shortlisted<'p>>,
}

impl Shortlist<'_> {
    /// Each posting kept, explained for `candidate` (the candidate it was
    /// ranked for), best first; in parallel, results in order.
    pub fn explain<'s>(
        &'s self,
        taxonomy: &Taxonomy,
        candidate: &'s Candidate,
        weights: &Weights,
    ) -> Vec<Ranked<'s>> {
        self.entries
            .par_iter()
            .map(|entry| {
                let explanation = explain(taxonomy, &entry.posting, candidate, weights);
                debug_assert_eq!(explanation.fit.to_bits(), entry.fit.to_bits());
                Ranked {
                    rank: entry.rank,
                    index: entry.index,
                    posting: &entry.posting,
                    explanation,
                }
            })
            .collect()
    }
}

/// One posting in a candidate's ranking, explained.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked<'a> {
    /// 1-based position in the ranking.
    pub rank: usize,
    /// The posting's position in the store.
    pub index: usize,
    /// The posting.
    pub posting: &'a Posting,
    /// How the candidate meets it; its `fit` is the ranking key.
    pub explanation: Explanation<'a>,
}
