//! Role fit: how near the occupations a candidate has held are to the one
//! a posting is for, scored like one more requirement (weight
//! [`Weights::role`], all of it evidence of fit).
//!
//! The posting's occupation is the best its title names; the candidate's
//! are those their dated roles' titles name. The nearest of the
//! candidate's wins (the earliest role on ties): the same ESCO occupation
//! earns 1, the same ISCO-08 unit group [`Weights::same_unit_group`], the
//! same minor group [`Weights::same_minor_group`], anything further 0. When
//! either side names no occupation, role fit is not assessed and weighs
//! nothing: not knowing the job is no evidence against the candidate.
//!
//! One rule for the explanation (which keeps what matched) and candidate
//! retrieval (which compares [`OccupationKey`]s only).

use serde::{Deserialize, Serialize};

use crate::occupation::{Named, OccupationRelation};

use super::weights::Weights;

/// An occupation as role fit compares it: its ISCO-08 unit group and a
/// hash of its ESCO URI (FNV-1a, stable across runs, so an index file can
/// hold it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OccupationKey {
    /// The ISCO-08 unit group as a number.
    pub isco: u16,
    /// FNV-1a of the ESCO URI.
    pub uri: u64,
}

impl OccupationKey {
    /// The key of an extracted occupation.
    pub fn of(named: &Named) -> OccupationKey {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for b in named.esco.bytes() {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        OccupationKey {
            isco: named.isco,
            uri: hash,
        }
    }

    /// How near `self` (held) is to `other` (asked for).
    pub fn relation(self, other: OccupationKey) -> OccupationRelation {
        if self == other {
            OccupationRelation::Same
        } else {
            OccupationRelation::of_groups(self.isco, other.isco)
        }
    }
}

/// Recognition score at which the posting's occupation counts in full: an
/// exact O*NET title (0.85) or better. A title matched on its head noun
/// alone ("Backend Engineer" read as a design engineer, 0.2) is a guess,
/// and role fit then weighs in proportion: a wrong guess must not outweigh
/// the skills.
pub const ROLE_SURE_SCORE: f32 = 0.85;

/// The weight of role fit against a posting whose occupation was
/// recognised with `score`: [`Weights::role`], scaled down below
/// [`ROLE_SURE_SCORE`].
pub fn role_weight(score: f32, weights: &Weights) -> f64 {
    weights.role * f64::from((score / ROLE_SURE_SCORE).clamp(0.0, 1.0))
}

/// The credit of a relation.
pub fn credit_of(relation: OccupationRelation, weights: &Weights) -> f64 {
    match relation {
        OccupationRelation::Same => 1.0,
        OccupationRelation::SameUnitGroup => weights.same_unit_group,
        OccupationRelation::SameMinorGroup => weights.same_minor_group,
        OccupationRelation::SameSubMajorGroup | OccupationRelation::Unrelated => 0.0,
    }
}

/// Role fit: which of the candidate's occupations (`held`, in résumé
/// order) answers the posting's (`asked`), how, and the credit; `None`
/// when either side names none.
pub fn role_fit(
    asked: Option<OccupationKey>,
    held: impl IntoIterator<Item = OccupationKey>,
    weights: &Weights,
) -> Option<(usize, OccupationRelation, f64)> {
    let asked = asked?;
    let mut best: Option<(usize, OccupationRelation, f64)> = None;
    for (i, key) in held.into_iter().enumerate() {
        let relation = key.relation(asked);
        let credit = credit_of(relation, weights).clamp(0.0, 1.0);
        if best.is_none_or(|(_, r, c)| credit > c || (credit == c && relation < r)) {
            best = Some((i, relation, credit));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::occupation::MatchKind;

    fn named(uri: &str, isco: u16) -> Named {
        Named {
            esco: uri.into(),
            isco,
            label: uri.into(),
            line: 1,
            score: 1.0,
            how: MatchKind::Exact,
        }
    }

    #[test]
    fn role_fit_is_the_nearest_occupation_held() {
        use OccupationRelation::*;
        let w = Weights::default();
        let accountant = OccupationKey::of(&named("accountant", 2411));
        let auditor = OccupationKey::of(&named("auditor", 2411));
        let analyst = OccupationKey::of(&named("financial analyst", 2413));
        let bookkeeper = OccupationKey::of(&named("bookkeeper", 4311));
        let developer = OccupationKey::of(&named("developer", 2512));
        let policy_adviser = OccupationKey::of(&named("policy adviser", 2422));
        type Case = (
            &'static str,
            Vec<OccupationKey>,
            Option<(usize, OccupationRelation, f64)>,
        );
        let cases: Vec<Case> = vec![
            ("same", vec![developer, accountant], Some((1, Same, 1.0))),
            (
                "unit group",
                vec![auditor],
                Some((0, SameUnitGroup, w.same_unit_group)),
            ),
            (
                "minor group",
                vec![analyst],
                Some((0, SameMinorGroup, w.same_minor_group)),
            ),
            (
                "sub-major group only",
                vec![policy_adviser],
                Some((0, SameSubMajorGroup, 0.0)),
            ),
            (
                "another sub-major group",
                vec![developer],
                Some((0, Unrelated, 0.0)),
            ),
            (
                "another major group",
                vec![bookkeeper],
                Some((0, Unrelated, 0.0)),
            ),
            (
                "nearest wins",
                vec![bookkeeper, analyst, auditor],
                Some((2, SameUnitGroup, w.same_unit_group)),
            ),
            ("no occupation held", vec![], None),
        ];
        for (name, held, expected) in cases {
            assert_eq!(role_fit(Some(accountant), held, &w), expected, "{name}");
        }
        assert_eq!(role_fit(None, vec![accountant], &w), None);
    }
}
