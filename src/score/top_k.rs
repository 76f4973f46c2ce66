//! A bounded best-`k` list: what a ranking keeps while it scores.
//!
//! Ranking orders by score, highest first; equal scores keep posting (or
//! candidate) order, the index being the stable id, so the output is the
//! same whatever the number of threads or the order of offers.

use std::cmp::Ordering;

/// The best `k` entries offered, by score (highest first), equal scores in
/// the order of their index: a bounded, sorted list, so keeping each
/// posting's best candidates over a whole batch holds `k` entries per
/// posting, not one per pair. The result does not depend on the order in
/// which entries are offered.
#[derive(Debug, Clone)]
pub struct TopK<T> {
    k: usize,
    entries: Vec<(f64, usize, T)>,
}

impl<T> TopK<T> {
    /// An empty list keeping at most `k` entries.
    pub fn new(k: usize) -> Self {
        TopK {
            k,
            entries: Vec::new(),
        }
    }

    /// Would an entry with this score and index be kept now? (Lets a
    /// caller skip building entries that cannot make the cut.)
    pub fn would_keep(&self, score: f64, index: usize) -> bool {
        self.entries.len() < self.k
            || self
                .entries
                .last()
                .is_some_and(|&(s, i, _)| by_score(score, index, s, i) == Ordering::Less)
    }

    /// Offers an entry; it is kept if it is among the best `k` so far.
    pub fn offer(&mut self, score: f64, index: usize, item: T) {
        if !self.would_keep(score, index) {
            return;
        }
        let at = self
            .entries
            .partition_point(|&(s, i, _)| by_score(s, i, score, index) == Ordering::Less);
        self.entries.insert(at, (score, index, item));
        self.entries.truncate(self.k);
    }

    /// The entries kept, best first, with their items to fill in.
    pub fn entries_mut(&mut self) -> impl Iterator<Item = (f64, usize, &mut T)> {
        self.entries
            .iter_mut()
            .map(|(score, index, item)| (*score, *index, item))
    }

    /// The entries kept, best first: (score, index, item).
    pub fn into_sorted(self) -> Vec<(f64, usize, T)> {
        self.entries
    }
}

/// Higher score first, then lower posting index.
pub fn by_score(a: f64, ia: usize, b: f64, ib: usize) -> Ordering {
    b.total_cmp(&a).then(ia.cmp(&ib))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_k_keeps_the_best_in_any_offer_order() {
        let offers = [
            (50.0, 3),
            (90.0, 7),
            (50.0, 1),
            (10.0, 0),
            (90.0, 2),
            (70.0, 5),
        ];
        let expected = [(90.0, 2), (90.0, 7), (70.0, 5), (50.0, 1)];
        for rotation in 0..offers.len() {
            let mut top = TopK::new(4);
            for &(score, index) in offers.iter().cycle().skip(rotation).take(offers.len()) {
                top.offer(score, index, ());
            }
            let got: Vec<(f64, usize)> = top
                .into_sorted()
                .into_iter()
                .map(|(s, i, _)| (s, i))
                .collect();
            assert_eq!(got, expected, "rotation {rotation}");
        }
        let mut none = TopK::new(0);
        none.offer(1.0, 0, ());
        assert!(none.into_sorted().is_empty());
    }
}
