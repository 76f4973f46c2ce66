use super::*;
use crate::explain::{explain, Explanation};
use crate::extract::posting::Posting;
use crate::extract::posting::{Requirement, Section};
use crate::extract::resume::Candidate;
use crate::extract::resume::CandidateSkill;
use crate::score::fixtures::{candidate, id, posting, skill_req, taxonomy};
use crate::score::Status;
use crate::score::Weights;
use crate::taxonomy::SkillId;
use crate::taxonomy::Taxonomy;

fn req(any_of: &[&str]) -> Requirement {
    skill_req(Section::Required, any_of, None)
}

fn preferred(any_of: &[&str]) -> Requirement {
    skill_req(Section::Preferred, any_of, None)
}

/// Suggestions with no confidence prior, so that a gain is a sum of score
/// differences one can check by hand.
fn suggest(postings: &[Posting], cand: &Candidate) -> Vec<Suggestion> {
    let weights = Weights {
        confidence_prior: 0.0,
        ..Weights::default()
    };
    Ranker::new(taxonomy(), postings, &weights).suggestions(cand)
}

/// The reference the ranker must equal: explain every posting, sort by
/// fit with a stable sort, keep the first `top`.
fn explain_everything(
    t: &Taxonomy,
    cand: &Candidate,
    postings: &[Posting],
    w: &Weights,
    top: Option<usize>,
) -> Vec<(usize, usize, u64)> {
    let mut all: Vec<(usize, f64)> = postings
        .iter()
        .enumerate()
        .map(|(i, p)| (i, explain(t, p, cand, w).fit))
        .collect();
    all.sort_by(|a, b| b.1.total_cmp(&a.1));
    all.into_iter()
        .take(top.unwrap_or(usize::MAX))
        .enumerate()
        .map(|(r, (i, s))| (r + 1, i, s.to_bits()))
        .collect()
}

/// The reference for suggestions: give the skill and explain every
/// posting again.
fn suggestions_by_explaining_everything(
    t: &Taxonomy,
    cand: &Candidate,
    postings: &[Posting],
    w: &Weights,
) -> Vec<Suggestion> {
    let before: Vec<Explanation<'_>> = postings.iter().map(|p| explain(t, p, cand, w)).collect();
    let mut skills: Vec<SkillId> = before
        .iter()
        .flat_map(|e| e.missing_required.iter().copied())
        .filter(|&s| cand.skill(s).is_none())
        .filter(|&s| t.skill(s).category != crate::score::weights::SOFT_SKILLS_CATEGORY)
        .collect();
    skills.sort_unstable();
    skills.dedup();
    let mut out: Vec<Suggestion> = skills
        .into_iter()
        .map(|skill| {
            let mut with = cand.clone();
            with.skills.push(CandidateSkill {
                skill,
                years: None,
                years_from: None,
                skills_section_only: true,
                evidence: Vec::new(),
            });
            let mut gain = 0.0;
            for (p, b) in postings.iter().zip(&before) {
                gain += explain(t, p, &with, w).fit - b.fit;
            }
            let postings = before
                .iter()
                .filter(|e| e.missing_required.contains(&skill))
                .count();
            Suggestion {
                skill,
                gain,
                postings,
            }
        })
        .filter(|s| s.gain > 0.0)
        .collect();
    suggestions::sort_suggestions(t, &mut out);
    out
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
    let w = Weights::default();
    let ranker = Ranker::new(taxonomy(), postings.as_slice(), &w);
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
        let shortlist = ranker.rank(&cand, top).expect("in memory");
        let ranked = shortlist.explain(taxonomy(), &cand, &w);
        let got: Vec<(usize, usize, f64)> = ranked
            .iter()
            .map(|r| (r.rank, r.index, r.explanation.score))
            .collect();
        assert_eq!(got, expected, "top {top:?}");
        for (r, s) in ranked.iter().zip(&shortlist.entries) {
            assert_eq!(r.posting.source, postings[r.index].source);
            assert_eq!(r.explanation.fit.to_bits(), s.fit.to_bits());
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
    let got: Vec<(SkillId, f64, usize)> = suggest(&postings, &cand)
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
    let got: Vec<SkillId> = suggest(&postings, &cand)
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
    let got: Vec<SkillId> = suggest(&postings, &cand)
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
    assert_eq!(e.requirements[0].status, Status::Missing);
    assert!(suggest(&postings, &cand).is_empty());
}

#[test]
fn best_candidates_keep_each_postings_top_in_candidate_order() {
    let postings = vec![
        posting("java", vec![req(&["java"])]),
        posting("go", vec![req(&["go"]), req(&["java"])]),
    ];
    let w = Weights::default();
    let ranker = Ranker::new(taxonomy(), postings.as_slice(), &w);
    let people = [
        candidate(&[("go", None)], None, None),
        candidate(&[("java", None)], None, None),
        candidate(&[("java", None), ("go", None)], None, None),
    ];
    // Offered one at a time and all at once: the same lists.
    for chunk in [1, 3] {
        let mut best = BestCandidates::new(&ranker, Some(2));
        let mut number = 0;
        for c in people.chunks(chunk) {
            best.offer(&ranker, c, |_, _, _, p, e| (p.id.clone(), e.score))
                .expect("in memory");
            number += c.len();
        }
        assert_eq!(number, 3);
        type Lists = Vec<(usize, Vec<(usize, (String, f64))>)>;
        let got: Lists = best.into_ranked().collect();
        let java = |s: f64| ("java".to_string(), s);
        let go = |s: f64| ("go".to_string(), s);
        assert_eq!(
            got,
            [
                (0, vec![(1, java(100.0)), (2, java(100.0))]),
                (1, vec![(1, go(100.0)), (2, go(50.0))]),
            ],
            "chunks of {chunk}"
        );
    }
}

#[test]
fn the_best_suggestions_stop_scoring_once_no_bound_can_reach_them() {
    // Kubernetes is missing from every posting; each other skill from one.
    let postings: Vec<Posting> = ["go", "docker", "mysql", "algorithms", "java", "kotlin"]
        .iter()
        .map(|s| posting(s, vec![req(&["kubernetes"]), req(&[s])]))
        .collect();
    let cand = candidate(&[("postgresql", None)], None, None);
    let w = Weights::default();
    let ranker = Ranker::new(taxonomy(), postings.as_slice(), &w);
    let all = ranker.suggestions(&cand);
    // Not MySQL: PostgreSQL, related, already earns part of it.
    assert_eq!(all.len(), 6, "{all:?}");
    assert_eq!(all[0].skill, id("kubernetes"));
    let (best, scored) =
        suggestions::best_suggestions_scoring(taxonomy(), ranker.index(), &cand, 1);
    assert_eq!(best, all[..1]);
    assert!(scored < all.len(), "scored {scored} of {}", all.len());
}

mod properties {
    use proptest::prelude::*;

    use super::*;
    use crate::score::fixtures::strategies::{candidate_any, posting_of, weights};

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
        fn the_ranker_equals_explaining_everything(
            postings in proptest::collection::vec(posting_of(8), 0..24),
            candidate in candidate_any(),
            weights in weights(),
            top in proptest::option::of(0usize..30),
        ) {
            let t = taxonomy();
            let summary = |threads| in_pool(threads, || {
                let ranker = Ranker::new(t, postings.as_slice(), &weights);
                let shortlist = ranker.rank(&candidate, top).expect("in memory");
                shortlist
                    .explain(t, &candidate, &weights)
                    .iter()
                    .map(|r| (r.rank, r.index, r.explanation.fit.to_bits()))
                    .collect::<Vec<_>>()
            });
            let want = explain_everything(t, &candidate, &postings, &weights, top);
            prop_assert_eq!(&summary(1), &want);
            prop_assert_eq!(&summary(4), &want);

            // Postings a skill cannot change add exactly +0 in the
            // reference, so the gains agree to the bit.
            let bits = |v: &[Suggestion]| -> Vec<(SkillId, u64, usize)> {
                v.iter().map(|s| (s.skill, s.gain.to_bits(), s.postings)).collect()
            };
            let ranker = Ranker::new(t, postings.as_slice(), &weights);
            let one = in_pool(1, || ranker.suggestions(&candidate));
            let many = in_pool(4, || ranker.suggestions(&candidate));
            prop_assert_eq!(&one, &many);
            let reference = suggestions_by_explaining_everything(t, &candidate, &postings, &weights);
            prop_assert_eq!(bits(&one), bits(&reference));

            // The best n, found by bounds, are the first n of the whole
            // list, on any number of threads.
            for n in [0, 1, 2, 3, 5, 40] {
                let want = &reference[..n.min(reference.len())];
                let best = in_pool(1, || ranker.best_suggestions(&candidate, n));
                prop_assert_eq!(bits(&best), bits(want), "best {}", n);
                let best = in_pool(4, || ranker.best_suggestions(&candidate, n));
                prop_assert_eq!(bits(&best), bits(want), "best {} on 4 threads", n);
            }
        }

        #[test]
        fn best_candidates_equal_sorting_every_pair(
            postings in proptest::collection::vec(posting_of(6), 0..8),
            people in proptest::collection::vec(candidate_any(), 0..12),
            weights in weights(),
            top in proptest::option::of(0usize..5),
            chunk in 1usize..5,
        ) {
            let t = taxonomy();
            let ranker = Ranker::new(t, postings.as_slice(), &weights);
            let mut best = BestCandidates::new(&ranker, top);
            for c in people.chunks(chunk) {
                best.offer(&ranker, c, |_, _, _, _, e| e.fit.to_bits()).expect("in memory");
            }
            for (p, got) in best.into_ranked() {
                let mut all: Vec<(usize, f64)> = people
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (i, explain(t, &postings[p], c, &weights).fit))
                    .collect();
                all.sort_by(|a, b| b.1.total_cmp(&a.1));
                let want: Vec<(usize, u64)> = all
                    .into_iter()
                    .take(top.unwrap_or(usize::MAX))
                    .enumerate()
                    .map(|(r, (_, s))| (r + 1, s.to_bits()))
                    .collect();
                prop_assert_eq!(got, want, "posting {}", p);
            }
        }
    }
}
