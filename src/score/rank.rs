//! One candidate against many postings: the ranking, and the skills that
//! would raise the candidate's scores most.
//!
//! Postings are explained in parallel (rayon) and the results collected in
//! posting order before anything is sorted, so the output is identical
//! whatever the number of threads. Ranking sorts by score, highest first;
//! equal scores keep posting order (the posting's index is the stable id).
//!
//! Suggestions answer "what should this candidate learn?". The candidates
//! are the skills in any posting's `missing_required` that the candidate
//! does not have, soft skills excepted (one shows those, not learns them). For each such skill, the candidate is given it (with
//! unknown years and no evidence) and every posting whose score could
//! change is explained again; the skill's `gain` is the sum over postings
//! of the new score minus the old one, and `postings` is the number of
//! postings in which it is a missing required skill. A posting can change
//! only if one of its requirements that is not met names a skill the new
//! one relates to (the same, more specific, more general or related), so
//! only those postings are recomputed. Suggestions are sorted by gain,
//! highest first, then by the skill's id in the taxonomy (its string id,
//! stable across taxonomy edits); skills that would add nothing are left out.

use std::cmp::Ordering;
use std::collections::BTreeSet;

use rayon::prelude::*;

use crate::explain::{explain, Explanation};
use crate::extract::posting::Posting;
use crate::extract::resume::{Candidate, CandidateSkill};
use crate::taxonomy::{SkillId, Taxonomy};

use super::credit::{Assessment, Status};
use super::retrieval::PostingIndex;
use super::weights::{Weights, SOFT_SKILLS_CATEGORY};

/// One posting in a candidate's ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked<'a> {
    /// 1-based position in the ranking.
    pub rank: usize,
    /// Index of the posting in the slice given to [`rank_postings`].
    pub index: usize,
    /// The posting.
    pub posting: &'a Posting,
    /// How the candidate meets it; its `score` is the ranking key.
    pub explanation: Explanation<'a>,
}

/// A skill that would raise the candidate's scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Suggestion {
    /// The skill.
    pub skill: SkillId,
    /// Sum over all postings of the score the skill would add.
    pub gain: f64,
    /// In how many postings it is a missing required skill.
    pub postings: usize,
}

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

/// Scores `candidate` against every posting and ranks them: highest score
/// first, equal scores in posting order; the first `top` when given.
pub fn rank_postings<'a>(
    taxonomy: &Taxonomy,
    candidate: &'a Candidate,
    postings: &'a [Posting],
    weights: &Weights,
    top: Option<usize>,
) -> Vec<Ranked<'a>> {
    rank_explained(
        postings,
        explain_all(taxonomy, candidate, postings, weights),
        top,
    )
}

/// Ranks the postings of `index` for `candidate` and explains only the
/// first `top`: the same ranking as [`rank_postings`] with the index's
/// weights, found by candidate retrieval ([`PostingIndex::top`]) instead of
/// explaining every posting. With `top` `None` every posting is explained.
///
/// # Panics
///
/// If `postings` are not the postings `index` was built from (their
/// number differs).
pub fn rank_indexed<'a>(
    taxonomy: &Taxonomy,
    index: &PostingIndex,
    candidate: &'a Candidate,
    postings: &'a [Posting],
    top: Option<usize>,
) -> Vec<Ranked<'a>> {
    assert_eq!(index.len(), postings.len(), "the index's postings");
    let Some(k) = top else {
        return rank_postings(taxonomy, candidate, postings, index.weights(), None);
    };
    let best = index.top(taxonomy, candidate, k);
    let shown = best.iter().map(|&(_, p)| &postings[p]);
    explain_top(taxonomy, index.weights(), candidate, &best, shown)
}

/// The ranking of the postings [`PostingIndex::top`] chose: `best[i]` is
/// a (score, posting index) pair and the `i`-th of `shown` its posting, so
/// a caller that reads postings on demand (an index file) reads only these.
pub fn explain_top<'a>(
    taxonomy: &Taxonomy,
    weights: &Weights,
    candidate: &'a Candidate,
    best: &[(f64, usize)],
    shown: impl IntoIterator<Item = &'a Posting>,
) -> Vec<Ranked<'a>> {
    best.iter()
        .zip(shown)
        .enumerate()
        .map(|(position, (&(score, p), posting))| {
            let explanation = explain(taxonomy, posting, candidate, weights);
            debug_assert_eq!(explanation.score.to_bits(), score.to_bits());
            Ranked {
                rank: position + 1,
                index: p,
                posting,
                explanation,
            }
        })
        .collect()
}

/// Ranks postings already explained ([`explain_all`]): as
/// [`rank_postings`], for a caller that also needs the explanations for
/// [`suggestions_from`] and should not compute them twice.
pub fn rank_explained<'a>(
    postings: &'a [Posting],
    explanations: Vec<Explanation<'a>>,
    top: Option<usize>,
) -> Vec<Ranked<'a>> {
    let mut ranked: Vec<(usize, Explanation<'a>)> = explanations.into_iter().enumerate().collect();
    ranked.sort_by(|(ia, a), (ib, b)| by_score(a.score, *ia, b.score, *ib));
    ranked
        .into_iter()
        .take(top.unwrap_or(usize::MAX))
        .enumerate()
        .map(|(position, (index, explanation))| Ranked {
            rank: position + 1,
            index,
            posting: &postings[index],
            explanation,
        })
        .collect()
}

/// The skills that would raise `candidate`'s scores across `postings` most
/// (see the module documentation for the computation).
pub fn suggestions(
    taxonomy: &Taxonomy,
    candidate: &Candidate,
    postings: &[Posting],
    weights: &Weights,
) -> Vec<Suggestion> {
    let base = explain_all(taxonomy, candidate, postings, weights);
    suggestions_from(taxonomy, candidate, postings, &base, weights)
}

/// The suggestions given the explanations of every posting, in posting
/// order (see [`explain_all`]).
pub fn suggestions_from(
    taxonomy: &Taxonomy,
    candidate: &Candidate,
    postings: &[Posting],
    base: &[Explanation<'_>],
    weights: &Weights,
) -> Vec<Suggestion> {
    let skills: BTreeSet<SkillId> = base
        .iter()
        .flat_map(|e| e.missing_required.iter().copied())
        .filter(|&s| candidate.skill(s).is_none())
        .filter(|&s| taxonomy.skill(s).category != SOFT_SKILLS_CATEGORY)
        .collect();
    let skills: Vec<SkillId> = skills.into_iter().collect();
    let mut out: Vec<Suggestion> = skills
        .par_iter()
        .map(|&skill| {
            let mut with = candidate.clone();
            with.skills.push(CandidateSkill {
                skill,
                years: None,
                skills_section_only: true,
                evidence: Vec::new(),
            });
            let mut gain = 0.0;
            let mut missing_in = 0;
            for (posting, before) in postings.iter().zip(base) {
                if before.missing_required.contains(&skill) {
                    missing_in += 1;
                }
                if could_change(taxonomy, &before.requirements, posting, skill) {
                    let after = explain(taxonomy, posting, &with, weights);
                    gain += after.score - before.score;
                }
            }
            Suggestion {
                skill,
                gain,
                postings: missing_in,
            }
        })
        .filter(|s| s.gain > 0.0)
        .collect();
    sort_suggestions(taxonomy, &mut out);
    out
}

/// The suggestions of [`suggestions`], computed with candidate retrieval:
/// the missing required skills are read from every posting's credits
/// without explaining it, and a skill's gain is summed over the postings
/// that ask for a skill it answers (the only ones whose score can change),
/// in posting order, with scores equal to the explanations' to the bit.
/// The same result as [`suggestions`] with the index's weights.
pub fn suggestions_indexed(
    taxonomy: &Taxonomy,
    index: &PostingIndex,
    candidate: &Candidate,
) -> Vec<Suggestion> {
    let profile = index.profile(taxonomy, candidate);
    // Every posting's score as it is, computed once.
    let base: Vec<f64> = (0..index.len())
        .into_par_iter()
        .map(|p| index.score(taxonomy, &profile, candidate, p))
        .collect();
    // In how many postings each skill is a missing required skill.
    let counts: Vec<u32> = (0..index.len())
        .into_par_iter()
        .fold(
            || (vec![0u32; taxonomy.len()], Vec::new()),
            |(mut counts, mut missing), p| {
                missing.clear();
                index.missing_required(taxonomy, &profile, candidate, p, &mut missing);
                for s in &missing {
                    counts[s.index()] += 1;
                }
                (counts, missing)
            },
        )
        .map(|(counts, _)| counts)
        .reduce(
            || vec![0u32; taxonomy.len()],
            |mut a, b| {
                for (x, y) in a.iter_mut().zip(b) {
                    *x += y;
                }
                a
            },
        );
    let skills: Vec<SkillId> = taxonomy
        .iter()
        .map(|(s, _)| s)
        .filter(|s| counts[s.index()] > 0)
        .filter(|&s| candidate.skill(s).is_none())
        .filter(|&s| taxonomy.skill(s).category != SOFT_SKILLS_CATEGORY)
        .collect();
    let mut out: Vec<Suggestion> = skills
        .par_iter()
        .map(|&skill| {
            let new_skill = CandidateSkill {
                skill,
                years: None,
                skills_section_only: true,
                evidence: Vec::new(),
            };
            // What the new skill alone answers: the postings to rescore.
            let alone = Candidate {
                skills: vec![new_skill.clone()],
                ..empty_candidate()
            };
            let reached = index.profile(taxonomy, &alone);
            let mut with = candidate.clone();
            with.skills.push(new_skill);
            let with_profile = index.profile(taxonomy, &with);
            let mut gain = 0.0;
            for p in index.postings_asking(reached.reached()) {
                gain += index.score(taxonomy, &with_profile, &with, p) - base[p];
            }
            Suggestion {
                skill,
                gain,
                postings: counts[skill.index()] as usize,
            }
        })
        .filter(|s| s.gain > 0.0)
        .collect();
    sort_suggestions(taxonomy, &mut out);
    out
}

/// A candidate with nothing: the base of a one-skill probe.
fn empty_candidate() -> Candidate {
    Candidate {
        name: None,
        id: String::new(),
        source: String::new(),
        total_years: None,
        education: None,
        skills: Vec::new(),
        roles: Vec::new(),
    }
}

/// By gain, highest first, then by the skill's string id.
fn sort_suggestions(taxonomy: &Taxonomy, out: &mut [Suggestion]) {
    out.sort_by(|a, b| {
        b.gain
            .total_cmp(&a.gain)
            .then_with(|| taxonomy.skill(a.skill).id.cmp(&taxonomy.skill(b.skill).id))
    });
}

/// Explains every posting, in parallel, results in posting order.
pub fn explain_all<'a>(
    taxonomy: &Taxonomy,
    candidate: &'a Candidate,
    postings: &'a [Posting],
    weights: &Weights,
) -> Vec<Explanation<'a>> {
    postings
        .par_iter()
        .map(|posting| explain(taxonomy, posting, candidate, weights))
        .collect()
}

/// Higher score first, then lower posting index.
fn by_score(a: f64, ia: usize, b: f64, ib: usize) -> Ordering {
    b.total_cmp(&a).then(ia.cmp(&ib))
}

/// Could giving the candidate `skill` change this posting's score? Only a
/// requirement that is assessed and not met, and that names a skill
/// `skill` is related to in any way the credit rules count, can gain.
fn could_change(
    taxonomy: &Taxonomy,
    records: &[Assessment<'_>],
    posting: &Posting,
    skill: SkillId,
) -> bool {
    let relates = |want: SkillId| {
        taxonomy.is_a(skill, want)
            || taxonomy.is_a(want, skill)
            || taxonomy.skill(skill).related.contains(&want)
            || taxonomy.skill(want).related.contains(&skill)
    };
    records
        .iter()
        .filter(|a| matches!(a.status, Status::Partial | Status::Missing))
        .filter_map(|a| posting.requirements.get(a.index))
        .any(|r| {
            r.any_of.iter().any(|&s| relates(s))
                || r.education
                    .as_ref()
                    .is_some_and(|e| e.fields.iter().any(|&f| relates(f)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::posting::Section;
    use crate::score::fixtures::{candidate, id, posting, skill_req, taxonomy};

    fn req(any_of: &[&str]) -> crate::extract::posting::Requirement {
        skill_req(Section::Required, any_of, None)
    }

    fn preferred(any_of: &[&str]) -> crate::extract::posting::Requirement {
        skill_req(Section::Preferred, any_of, None)
    }

    #[test]
    fn ranking_is_by_score_then_posting_order() {
        let postings = vec![
            posting("half", vec![req(&["java"]), req(&["go"])]),
            posting("none", vec![req(&["go"])]),
            posting("all", vec![req(&["java"])]),
            posting("half again", vec![req(&["kubernetes"]), req(&["java"])]),
        ];
        let cand = candidate(&[("java", None)], None, None);
        let cases = [
            (
                None,
                vec![(1, 2, 100.0), (2, 0, 50.0), (3, 3, 50.0), (4, 1, 0.0)],
            ),
            (Some(2), vec![(1, 2, 100.0), (2, 0, 50.0)]),
            (Some(0), vec![]),
            (
                Some(9),
                vec![(1, 2, 100.0), (2, 0, 50.0), (3, 3, 50.0), (4, 1, 0.0)],
            ),
        ];
        for (top, expected) in cases {
            let ranked = rank_postings(taxonomy(), &cand, &postings, &Weights::default(), top);
            let got: Vec<(usize, usize, f64)> = ranked
                .iter()
                .map(|r| (r.rank, r.index, r.explanation.score))
                .collect();
            assert_eq!(got, expected, "top {top:?}");
            for r in &ranked {
                assert_eq!(r.posting.source, postings[r.index].source);
            }
        }
    }

    #[test]
    fn suggestions_sum_the_gain_over_postings() {
        let postings = vec![
            // go: 50 → 100; kubernetes: unchanged.
            posting("p0", vec![req(&["go"]), req(&["java"])]),
            // go: 0 → 40; kubernetes: 0 → 40 (each 1 of 2.5).
            posting(
                "p1",
                vec![req(&["go"]), req(&["kubernetes"]), preferred(&["docker"])],
            ),
            // Nothing missing.
            posting("p2", vec![req(&["java"])]),
            // postgresql: 0 → 80, counting the related credit it earns on the
            // preferred MySQL as well (1 + 0.5 × 0.4 of 1.5).
            posting("p3", vec![req(&["postgresql"]), preferred(&["mysql"])]),
            // docker and kubernetes tie at 50 here; docker's total is its own.
            posting("p4", vec![req(&["docker"]), req(&["java"])]),
        ];
        let cand = candidate(&[("java", None)], None, None);
        let got: Vec<(SkillId, f64, usize)> =
            suggestions(taxonomy(), &cand, &postings, &Weights::default())
                .into_iter()
                .map(|s| (s.skill, s.gain, s.postings))
                .collect();
        let expected = [
            (id("go"), 90.0, 2),
            (id("postgresql"), 80.0, 1),
            (id("docker"), 70.0, 1), // p4: +50, p1 preferred: 0.5 of 2.5 = +20
            (id("kubernetes"), 40.0, 1),
        ];
        assert_eq!(got.len(), expected.len(), "{got:?}");
        for ((skill, gain, count), (e_skill, e_gain, e_count)) in got.iter().zip(expected) {
            assert_eq!(taxonomy().skill(*skill).id, taxonomy().skill(e_skill).id);
            assert!(
                (gain - e_gain).abs() < 1e-9,
                "{}: {gain}",
                taxonomy().skill(*skill).id
            );
            assert_eq!(*count, e_count, "{}", taxonomy().skill(*skill).id);
        }
    }

    #[test]
    fn equal_gains_sort_by_string_id() {
        // kubernetes is defined before docker, so its SkillId is smaller;
        // the order must follow the ids users see instead.
        assert!(id("kubernetes") < id("docker"));
        let postings = vec![
            posting("k", vec![req(&["kubernetes"]), req(&["java"])]),
            posting("d", vec![req(&["docker"]), req(&["java"])]),
        ];
        let cand = candidate(&[("java", None)], None, None);
        let got: Vec<SkillId> = suggestions(taxonomy(), &cand, &postings, &Weights::default())
            .into_iter()
            .map(|s| s.skill)
            .collect();
        assert_eq!(got, [id("docker"), id("kubernetes")]);
    }

    #[test]
    fn soft_skills_are_not_suggested() {
        let postings = vec![posting(
            "p",
            vec![req(&["communication"]), req(&["go"]), req(&["java"])],
        )];
        let cand = candidate(&[("java", None)], None, None);
        let got: Vec<SkillId> = suggestions(taxonomy(), &cand, &postings, &Weights::default())
            .into_iter()
            .map(|s| s.skill)
            .collect();
        assert_eq!(got, [id("go")]);
    }

    #[test]
    fn skills_the_candidate_has_are_not_suggested() {
        // Java with 0 years earns 0 against "5 years of Java": missing, but
        // learning Java is not the advice.
        let postings = vec![posting(
            "p",
            vec![skill_req(Section::Required, &["java"], Some(5.0))],
        )];
        let cand = candidate(&[("java", Some(0.0))], None, None);
        let e = explain(taxonomy(), &postings[0], &cand, &Weights::default());
        assert_eq!(e.missing_required, [id("java")]);
        assert!(suggestions(taxonomy(), &cand, &postings, &Weights::default()).is_empty());
    }

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

    mod properties {
        use proptest::prelude::*;

        use super::*;
        use crate::score::fixtures::strategies::{candidate_any, posting_of, weights};

        /// What a ranking says, with scores as bits so equality is exact.
        fn summary(ranked: &[Ranked<'_>]) -> Vec<(usize, usize, u64)> {
            ranked
                .iter()
                .map(|r| (r.rank, r.index, r.explanation.score.to_bits()))
                .collect()
        }

        fn in_pool<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("thread pool")
                .install(f)
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn parallel_ranking_equals_sequential(
                postings in proptest::collection::vec(posting_of(8), 0..24),
                candidate in candidate_any(),
                weights in weights(),
                top in proptest::option::of(0usize..30),
            ) {
                let t = taxonomy();
                let one = in_pool(1, || rank_postings(t, &candidate, &postings, &weights, top));
                let many = in_pool(4, || rank_postings(t, &candidate, &postings, &weights, top));
                prop_assert_eq!(&one, &many);

                // Candidate retrieval gives the same ranking, explanations included.
                let index = PostingIndex::new(t, &postings, &weights);
                let indexed = in_pool(4, || rank_indexed(t, &index, &candidate, &postings, top));
                prop_assert_eq!(&one, &indexed);

                // And both equal a plain loop and a stable sort.
                let mut plain: Vec<(usize, f64)> = postings
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (i, explain(t, p, &candidate, &weights).score))
                    .collect();
                plain.sort_by(|a, b| b.1.total_cmp(&a.1));
                let plain: Vec<(usize, usize, u64)> = plain
                    .into_iter()
                    .take(top.unwrap_or(usize::MAX))
                    .enumerate()
                    .map(|(r, (i, s))| (r + 1, i, s.to_bits()))
                    .collect();
                prop_assert_eq!(summary(&one), plain);

                let one = in_pool(1, || suggestions(t, &candidate, &postings, &weights));
                let many = in_pool(4, || suggestions(t, &candidate, &postings, &weights));
                prop_assert_eq!(&one, &many);
                let indexed = in_pool(4, || suggestions_indexed(t, &index, &candidate));
                let bits = |v: &[Suggestion]| -> Vec<(SkillId, u64, usize)> {
                    v.iter().map(|s| (s.skill, s.gain.to_bits(), s.postings)).collect()
                };
                prop_assert_eq!(bits(&one), bits(&indexed));
            }

            #[test]
            fn suggestion_gains_match_a_full_recomputation(
                postings in proptest::collection::vec(posting_of(8), 0..12),
                candidate in candidate_any(),
                weights in weights(),
            ) {
                let t = taxonomy();
                for s in suggestions(t, &candidate, &postings, &weights) {
                    let mut with = candidate.clone();
                    with.skills.push(CandidateSkill {
                        skill: s.skill,
                        years: None,
                        skills_section_only: true,
                        evidence: Vec::new(),
                    });
                    let full: f64 = postings
                        .iter()
                        .map(|p| explain(t, p, &with, &weights).score - explain(t, p, &candidate, &weights).score)
                        .sum();
                    prop_assert!((full - s.gain).abs() < 1e-6, "{} vs {}", full, s.gain);
                    prop_assert!(s.gain > 0.0 && s.postings > 0);
                }
            }
        }
    }
}
