//! The occupation profile of a posting or a résumé: the ISCO-08 unit
//! groups it reads as, with weights and the evidence for each, and how
//! near two profiles are.
//!
//! A profile adds two kinds of evidence:
//!
//! - **named occupations**: the posting's title, a résumé's headline and
//!   role titles, recognised as an ESCO occupation ([`Named`]); each adds
//!   [`NAMED_WEIGHT`] × its recognition score to its unit group, so an
//!   exact label counts in full and a head-noun guess less;
//! - **the text's words** ([`super::vocabulary`]): the groups the whole
//!   text's words point to, the best at 1.
//!
//! A named occupation alone misses most flattened résumés and many NGO
//! titles; the words alone are vague. Together they read the job as a
//! recruiter would: what the title says, checked against what the text is
//! about.
//!
//! # Similarity
//!
//! [`similarity`] is the cosine of the two profiles in a space with one
//! axis per unit group and one per minor group (three digits), where a
//! group's weight also counts, times `minor_share`, on its minor group's
//! axis. The same unit group on both sides counts fully; neighbours in a
//! minor group (accountants 2411 and financial analysts 2413) count
//! `minor_share²` as much; anything further, nothing. The result is in
//! [0, 1], symmetric, and 1 for two profiles that read the same.

use serde::{Deserialize, Serialize};

use super::lookup::Named;
use super::vocabulary::GroupReading;
use super::{OccupationRelation, Occupations};

/// Weight a named occupation adds to its unit group, times its
/// recognition score: as much as the text's best group. On the
/// development ranking check 1 was better than 0.5 (0.476 against 0.463
/// NDCG@10) and as good as 2.
pub const NAMED_WEIGHT: f32 = 1.0;

/// Most named occupations a résumé adds (its headline, then its roles in
/// résumé order, most recent first as résumés are written): what the
/// candidate does now, not every job they ever held.
pub const NAMED_PER_RESUME: usize = 2;

/// The power a profile's weights are raised to, after scaling the
/// heaviest to 1. A text's words touch many groups a little (a nurse's
/// posting mentions records, a teacher's reports); squaring keeps the
/// groups the document is about and fades the rest. On the development
/// ranking check, profile similarity alone gave NDCG@10 0.509 with the
/// weights as read, 0.542 squared, 0.536 cubed.
pub const SHARPNESS: i32 = 2;

/// One unit group a document reads as.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileEntry {
    /// The ISCO-08 unit group, as a number (0110 is 110).
    pub isco: u16,
    /// Its weight, the heaviest group's being 1: the text's reading plus
    /// the named occupations', scaled and sharpened ([`SHARPNESS`]).
    pub weight: f32,
    /// The first named occupation of this group, if any.
    pub named: Option<Named>,
    /// The text's words that point to it, most first.
    pub words: Vec<String>,
}

impl ProfileEntry {
    /// The unit group, four digits.
    pub fn isco_code(&self) -> String {
        format!("{:04}", self.isco)
    }

    /// The unit group's ISCO label, from the embedded occupation set.
    pub fn group_label(&self) -> Option<&'static str> {
        Occupations::shared().and_then(|set| set.isco_label(&self.isco_code()))
    }
}

/// The unit groups a document reads as, heaviest first (ties by group).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OccupationProfile {
    /// The groups.
    pub entries: Vec<ProfileEntry>,
}

impl OccupationProfile {
    /// The profile of the occupations a document names (`named`, each
    /// adding [`NAMED_WEIGHT`] × its score) and its text's `reading`.
    pub fn new<'a>(named: impl IntoIterator<Item = &'a Named>, reading: Vec<GroupReading>) -> Self {
        let mut entries: Vec<ProfileEntry> = reading
            .into_iter()
            .map(|r| ProfileEntry {
                isco: r.isco,
                weight: r.weight,
                named: None,
                words: r.words,
            })
            .collect();
        for n in named {
            let add = NAMED_WEIGHT * n.score.clamp(0.0, 1.0);
            match entries.iter_mut().find(|e| e.isco == n.isco) {
                Some(e) => {
                    e.weight += add;
                    if e.named.is_none() {
                        e.named = Some(n.clone());
                    }
                }
                None => entries.push(ProfileEntry {
                    isco: n.isco,
                    weight: add,
                    named: Some(n.clone()),
                    words: Vec::new(),
                }),
            }
        }
        entries.retain(|e| e.weight > 0.0 && e.weight.is_finite());
        // Scaled so the heaviest is 1, then sharpened: the groups a
        // document is mostly about count, its passing words much less.
        let best = entries.iter().map(|e| e.weight).fold(0.0f32, f32::max);
        for e in &mut entries {
            e.weight = (e.weight / best).powi(SHARPNESS);
        }
        entries.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.isco.cmp(&b.isco)));
        OccupationProfile { entries }
    }

    /// Whether the document reads as no occupation at all.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The profile as [`similarity`] takes it: (unit group, weight), by group.
    pub fn vector(&self) -> Vec<(u16, f32)> {
        let mut v: Vec<(u16, f32)> = self.entries.iter().map(|e| (e.isco, e.weight)).collect();
        v.sort_by_key(|&(g, _)| g);
        v
    }
}

/// The minor group (first three digits) of unit group `isco`.
pub fn minor_group(isco: u16) -> u16 {
    isco / 10
}

/// Squared norm of `v` in the unit-and-minor-group space: what
/// [`similarity_with_norms`] takes for each side.
pub fn norm_squared(v: &[(u16, f32)], minor_share: f64) -> f64 {
    let mut total = 0.0;
    let mut minor: Option<(u16, f64)> = None;
    let mut minor_total = 0.0;
    // `v` is by group, so each minor group's members are adjacent.
    for &(g, x) in v {
        let x = f64::from(x);
        total += x * x;
        match &mut minor {
            Some((m, sum)) if *m == minor_group(g) => *sum += x,
            _ => {
                if let Some((_, sum)) = minor {
                    minor_total += sum * sum;
                }
                minor = Some((minor_group(g), x));
            }
        }
    }
    if let Some((_, sum)) = minor {
        minor_total += sum * sum;
    }
    total + minor_share * minor_share * minor_total
}

/// What the pair of groups `a` (of one side) and `b` (of the other) adds
/// to the dot product.
fn pair_product(a: (u16, f32), b: (u16, f32), minor_share: f64) -> f64 {
    let x = f64::from(a.1) * f64::from(b.1);
    if a.0 == b.0 {
        x * (1.0 + minor_share * minor_share)
    } else if minor_group(a.0) == minor_group(b.0) {
        x * minor_share * minor_share
    } else {
        0.0
    }
}

/// How near two profiles are (see the module documentation): in [0, 1];
/// 0 when either is empty. `a` and `b` are [`OccupationProfile::vector`]s.
pub fn similarity(a: &[(u16, f32)], b: &[(u16, f32)], minor_share: f64) -> f64 {
    let dot = dot(a, b, minor_share);
    // Nothing near: 0, as the division below would give, without the
    // norms. Most pairs a ranking compares are such.
    if dot == 0.0 {
        return 0.0;
    }
    cosine(
        dot,
        norm_squared(a, minor_share),
        norm_squared(b, minor_share),
    )
}

/// [`similarity`] of two vectors sorted by group (as
/// [`OccupationProfile::vector`] gives them), with each side's
/// [`norm_squared`] worked out beforehand (a ranking compares one
/// candidate with every posting): the same value to the bit.
pub fn similarity_with_norms(
    a: &[(u16, f32)],
    a_norm: f64,
    b: &[(u16, f32)],
    b_norm: f64,
    minor_share: f64,
) -> f64 {
    debug_assert!(is_sorted(a) && is_sorted(b));
    let dot = sorted_dot(a, b, minor_share);
    if dot == 0.0 {
        return 0.0;
    }
    cosine(dot, a_norm, b_norm)
}

/// The dot product of two vectors in the unit-and-minor-group space: the
/// sum of every pair's product, `a`'s entries outer, `b`'s inner.
///
/// Only pairs in the same minor group add anything, and adding +0 leaves
/// a sum unchanged, so when both vectors are sorted by group (as
/// [`OccupationProfile::vector`] gives them) only those pairs are visited,
/// in the same order: the same value to the bit, without the hundred-odd
/// comparisons of two full profiles. Unsorted vectors take every pair.
fn dot(a: &[(u16, f32)], b: &[(u16, f32)], minor_share: f64) -> f64 {
    if is_sorted(a) && is_sorted(b) {
        return sorted_dot(a, b, minor_share);
    }
    let mut dot = 0.0;
    for &x in a {
        for &y in b {
            dot += pair_product(x, y, minor_share);
        }
    }
    dot
}

/// Is `v` sorted by group?
pub fn is_sorted(v: &[(u16, f32)]) -> bool {
    v.windows(2).all(|w| w[0].0 <= w[1].0)
}

/// [`dot`] of two vectors sorted by group.
fn sorted_dot(a: &[(u16, f32)], b: &[(u16, f32)], minor_share: f64) -> f64 {
    let mut dot = 0.0;
    // The first entry of `b` whose minor group is not below the current
    // one of `a`: it only moves forward, as `a`'s groups do.
    let mut from = 0;
    for &x in a {
        let minor = minor_group(x.0);
        while from < b.len() && minor_group(b[from].0) < minor {
            from += 1;
        }
        for &y in b[from..].iter().take_while(|y| minor_group(y.0) == minor) {
            dot += pair_product(x, y, minor_share);
        }
    }
    dot
}

/// The cosine from a dot product and the two squared norms, in [0, 1].
fn cosine(dot: f64, na: f64, nb: f64) -> f64 {
    if na <= 0.0 || nb <= 0.0 {
        return 0.0;
    }
    (dot / (na * nb).sqrt()).clamp(0.0, 1.0)
}

/// The pair of entries (of `a`, of `b`) that adds most to their
/// similarity, with how near their groups are; `None` when no pair adds
/// anything. What an explanation quotes.
pub fn nearest<'a>(
    a: &'a OccupationProfile,
    b: &'a OccupationProfile,
    minor_share: f64,
) -> Option<(&'a ProfileEntry, &'a ProfileEntry, OccupationRelation)> {
    let mut best: Option<(f64, &ProfileEntry, &ProfileEntry)> = None;
    for x in &a.entries {
        for y in &b.entries {
            let p = pair_product((x.isco, x.weight), (y.isco, y.weight), minor_share);
            if p > 0.0 && best.is_none_or(|(q, _, _)| p > q) {
                best = Some((p, x, y));
            }
        }
    }
    best.map(|(_, x, y)| {
        let relation = if x.isco == y.isco {
            OccupationRelation::SameUnitGroup
        } else {
            OccupationRelation::SameMinorGroup
        };
        (x, y, relation)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::occupation::MatchKind;
    use proptest::prelude::*;

    fn named(isco: u16, score: f32) -> Named {
        Named {
            esco: format!("uri-{isco}"),
            isco,
            label: format!("occupation {isco}"),
            line: 1,
            score,
            how: MatchKind::Exact,
        }
    }

    fn reading(groups: &[(u16, f32)]) -> Vec<GroupReading> {
        groups
            .iter()
            .map(|&(isco, weight)| GroupReading {
                isco,
                weight,
                words: vec![format!("word{isco}")],
            })
            .collect()
    }

    #[test]
    fn named_occupations_add_to_the_texts_reading() {
        let title = named(2411, 0.95);
        let p = OccupationProfile::new([&title], reading(&[(2413, 1.0), (2411, 0.5)]));
        let got: Vec<(u16, f32)> = p.entries.iter().map(|e| (e.isco, e.weight)).collect();
        // 2411: 0.5 read + 0.95 named = 1.45, the heaviest, so 1; 2413:
        // (1 / 1.45)².
        assert_eq!(got.len(), 2);
        assert_eq!((got[0].0, got[0].1), (2411, 1.0));
        assert_eq!(got[1].0, 2413);
        assert!(
            (got[1].1 - (1.0f32 / 1.45).powi(SHARPNESS)).abs() < 1e-6,
            "{got:?}"
        );
        assert_eq!(p.entries[0].named.as_ref(), Some(&title));
        assert_eq!(p.entries[0].words, ["word2411"]);
        // A named group the text does not read as is added.
        let p = OccupationProfile::new([&named(2221, 0.5)], reading(&[(2411, 1.0)]));
        assert_eq!(p.vector(), [(2221, 0.25), (2411, 1.0)]);
        assert!(OccupationProfile::new([], Vec::new()).is_empty());
    }

    #[test]
    fn similarity_by_how_near_the_groups_are() {
        let m = 0.5;
        type Case = (&'static str, Vec<(u16, f32)>, Vec<(u16, f32)>, f64);
        let cases: [Case; 6] = [
            ("same group", vec![(2411, 1.0)], vec![(2411, 0.3)], 1.0),
            // (m² / (1 + m²)) for one group each in the same minor group.
            (
                "same minor group",
                vec![(2411, 1.0)],
                vec![(2413, 1.0)],
                0.2,
            ),
            ("unrelated", vec![(2411, 1.0)], vec![(2512, 1.0)], 0.0),
            ("one side empty", vec![], vec![(2512, 1.0)], 0.0),
            (
                "half shared",
                vec![(2411, 1.0), (2512, 1.0)],
                vec![(2411, 1.0), (5223, 1.0)],
                0.5,
            ),
            (
                "the same profile",
                vec![(2411, 1.0), (2413, 0.5)],
                vec![(2411, 1.0), (2413, 0.5)],
                1.0,
            ),
        ];
        for (name, a, b, want) in cases {
            let got = similarity(&a, &b, m);
            assert!((got - want).abs() < 1e-6, "{name}: {got}");
        }
    }

    #[test]
    fn nearest_is_the_pair_that_adds_most() {
        let a = OccupationProfile::new([], reading(&[(2411, 1.0), (2512, 0.2)]));
        let b = OccupationProfile::new([], reading(&[(2413, 1.0), (2512, 0.9)]));
        let (x, y, relation) = nearest(&a, &b, 0.5).expect("shared");
        // 2411 × 2413 adds 1 × 1 × 0.25; 2512 × 2512 adds 0.2 × 0.9 × 1.25.
        assert_eq!(
            (x.isco, y.isco, relation),
            (2411, 2413, OccupationRelation::SameMinorGroup)
        );
        let c = OccupationProfile::new([], reading(&[(5223, 1.0)]));
        assert!(nearest(&a, &c, 0.5).is_none());
    }

    fn profile_vector() -> impl Strategy<Value = Vec<(u16, f32)>> {
        prop::collection::btree_map(1000u16..1100, 0.01f32..2.0, 0..6)
            .prop_map(|m| m.into_iter().collect())
    }

    proptest! {
        #[test]
        fn similarity_is_a_symmetric_share(a in profile_vector(), b in profile_vector(), m in 0.0f64..1.0) {
            let s = similarity(&a, &b, m);
            prop_assert!((0.0..=1.0).contains(&s));
            prop_assert!((s - similarity(&b, &a, m)).abs() < 1e-9);
            if !a.is_empty() {
                prop_assert!((similarity(&a, &a, m) - 1.0).abs() < 1e-9);
            }
        }

        #[test]
        fn the_dot_product_of_sorted_vectors_is_every_pair_s_to_the_bit(
            a in profile_vector(),
            b in profile_vector(),
            m in 0.0f64..1.0,
        ) {
            let mut every = 0.0;
            for &x in &a {
                for &y in &b {
                    every += pair_product(x, y, m);
                }
            }
            prop_assert_eq!(dot(&a, &b, m).to_bits(), every.to_bits());
            // Unsorted, every pair is taken: the same sum as before.
            let (mut ra, mut rb) = (a.clone(), b.clone());
            ra.reverse();
            rb.reverse();
            let mut reversed = 0.0;
            for &x in &ra {
                for &y in &rb {
                    reversed += pair_product(x, y, m);
                }
            }
            prop_assert_eq!(dot(&ra, &rb, m).to_bits(), reversed.to_bits());
        }
    }
}
