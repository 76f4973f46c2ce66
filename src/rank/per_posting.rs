//! The recruiter's view of a batch: the best candidates for each posting.
//!
//! Candidates arrive in chunks (a batch does not hold every résumé at
//! once). Every pair of a chunk is scored without an explanation and
//! offered to its posting's bounded best list ([`TopK`]); once the whole
//! chunk is offered, only the pairs still kept are explained, each posting
//! read once, and turned into the caller's item (a report row). A pair
//! pushed out later was explained for nothing, but never more than `top`
//! per posting and chunk. Equal scores keep candidate order.

use rayon::prelude::*;

use crate::explain::{explain, Explanation};
use crate::extract::posting::Posting;
use crate::extract::resume::Candidate;
use crate::score::top_k::by_score;
use crate::score::{CandidateProfile, TopK};
use crate::Result;

use super::ranker::{PostingStore, Ranker};

/// The best `top` (all with `None`) of `profiles` for the posting at
/// position `posting` of `ranker`: each candidate's number in `profiles`
/// and its fit, best first. Equal fits keep candidate order, as in
/// [`BestCandidates`], so one posting's list is the one a batch
/// `--per posting` gives for it. Scored in parallel, without explaining.
pub fn best_candidates_for<S: PostingStore + ?Sized>(
    ranker: &Ranker<'_, S>,
    profiles: &[CandidateProfile],
    posting: usize,
    top: Option<usize>,
) -> Vec<(usize, f64)> {
    let index = ranker.index();
    let fits: Vec<f64> = profiles
        .par_iter()
        .map(|profile| index.fit(profile, posting))
        .collect();
    let mut best: Vec<(usize, f64)> = fits.into_iter().enumerate().collect();
    // TopK's order: higher fit first, then lower number.
    best.sort_by(|&(ia, a), &(ib, b)| by_score(a, ia, b, ib));
    best.truncate(top.unwrap_or(usize::MAX));
    best
}

/// Each posting's best candidates so far (see the module documentation).
#[derive(Debug)]
pub struct BestCandidates<T> {
    /// Per posting: (score, candidate number, item once explained).
    lists: Vec<TopK<Option<T>>>,
    /// Candidates offered so far: the next one's number.
    offered: usize,
}

impl<T: Send> BestCandidates<T> {
    /// Empty lists for the postings of `ranker`, keeping the best `top`
    /// candidates of each (all with `None`).
    pub fn new<S: PostingStore + ?Sized>(ranker: &Ranker<'_, S>, top: Option<usize>) -> Self {
        let postings = ranker.len();
        let keep = top.unwrap_or(usize::MAX);
        BestCandidates {
            lists: (0..postings).map(|_| TopK::new(keep)).collect(),
            offered: 0,
        }
    }

    /// Offers the next `candidates`, in input order, to every posting of
    /// `ranker`, and makes an item with `item` for each pair still kept:
    /// given the candidate's place in `candidates`, the posting's position,
    /// the candidate, the posting and the explanation.
    pub fn offer<S: PostingStore + ?Sized>(
        &mut self,
        ranker: &Ranker<'_, S>,
        candidates: &[Candidate],
        item: impl Fn(usize, usize, &Candidate, &Posting, &Explanation<'_>) -> T + Sync,
    ) -> Result<()> {
        let base = self.offered;
        self.offered += candidates.len();
        let index = ranker.index();
        // 1. Every pair's score (no explanation yet).
        let scores: Vec<Vec<f64>> = candidates
            .par_iter()
            .map(|c| {
                let profile = ranker.profile(c);
                (0..index.len()).map(|p| index.fit(&profile, p)).collect()
            })
            .collect();
        // 2. Offered posting by posting.
        self.lists.par_iter_mut().enumerate().for_each(|(p, list)| {
            for (i, scores) in scores.iter().enumerate() {
                list.offer(scores[p], base + i, None);
            }
        });
        // 3. The pairs of this chunk still kept, explained, each posting
        //    read once.
        let kept: Vec<(usize, Vec<usize>)> = self
            .lists
            .iter_mut()
            .enumerate()
            .filter_map(|(p, list)| {
                let new: Vec<usize> = list
                    .entries_mut()
                    .filter(|(_, _, item)| item.is_none())
                    .map(|(_, number, _)| number)
                    .collect();
                (!new.is_empty()).then_some((p, new))
            })
            .collect();
        let taxonomy = ranker.taxonomy();
        let weights = ranker.weights();
        let items: Vec<Vec<T>> = kept
            .par_iter()
            .map(|(p, numbers)| -> Result<Vec<T>> {
                let posting = ranker.postings().get(*p)?;
                Ok(numbers
                    .iter()
                    .map(|&number| {
                        let c = &candidates[number - base];
                        let e = explain(taxonomy, &posting, c, weights);
                        item(number - base, *p, c, &posting, &e)
                    })
                    .collect())
            })
            .collect::<Result<_>>()?;
        for ((p, numbers), items) in kept.into_iter().zip(items) {
            for (number, new) in numbers.into_iter().zip(items) {
                if let Some(slot) = self.lists[p]
                    .entries_mut()
                    .find(|&(_, i, _)| i == number)
                    .map(|(_, _, slot)| slot)
                {
                    *slot = Some(new);
                }
            }
        }
        Ok(())
    }

    /// Each posting's best candidates, in posting order: the posting's
    /// position and its items with their 1-based ranks, best first.
    pub fn into_ranked(self) -> impl Iterator<Item = (usize, Vec<(usize, T)>)> {
        self.lists.into_iter().enumerate().map(|(p, list)| {
            let items = list
                .into_sorted()
                .into_iter()
                .filter_map(|(_, _, item)| item)
                .enumerate()
                .map(|(i, item)| (i + 1, item))
                .collect();
            (p, items)
        })
    }
}
