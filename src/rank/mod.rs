//! The ranker: every ranking decision in one place. Best postings for a
//! candidate ([`Ranker::rank`]), best candidates for each posting
//! ([`BestCandidates`]), and the skills that would help a candidate most
//! ([`Ranker::suggestions`]).
//!
//! Scores come from candidate retrieval ([`PostingIndex`](crate::score::PostingIndex)), which applies
//! the credit rules without building records; only the postings a ranking
//! shows are read (an index file decodes them on demand) and explained
//! ([`explain`](crate::explain::explain)), and an explanation's figures
//! equal the retrieval's to the bit. Rankings sort by the confidence-aware
//! fit ([`crate::score::formula::fit`]), not the plain score, so a posting
//! of which little could be assessed does not outrank one where the
//! candidate meets much. Equal figures keep posting (or candidate) order,
//! so output is the same whatever the number of threads.

mod per_posting;
mod ranker;
mod suggestions;

pub use per_posting::{best_candidates_for, BestCandidates};
pub use ranker::{PostingStore, Ranked, Ranker, Shortlist, Shortlisted};
pub use suggestions::Suggestion;

#[cfg(test)]
mod tests;
