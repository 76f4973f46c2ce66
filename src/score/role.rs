//! Role fit: how near the occupation a candidate's résumé reads as is to
//! the one a posting is for, scored like one more requirement (weight
//! [`Weights::role`], all of it evidence of fit).
//!
//! Each side is an [`OccupationProfile`](crate::occupation::profile::OccupationProfile): the ISCO-08 unit groups its
//! title or roles name and its words point to
//! ([`crate::occupation::profile`]). The credit is the profiles'
//! [`similarity`] in [0, 1]: 1 when both read as the same groups in the
//! same proportions, a share when they overlap or sit in the same minor
//! group (weighted by [`Weights::same_minor_group`]), 0 when nothing is
//! near. When either side reads as no occupation at all, role fit is not
//! assessed and weighs nothing: not knowing the job is no evidence against
//! the candidate.
//!
//! One rule for the explanation (which quotes the nearest pair of groups)
//! and candidate retrieval (which compares [`OccupationProfile::vector`](crate::occupation::profile::OccupationProfile::vector)s).

use crate::occupation::profile::{similarity, similarity_with_norms};

use super::weights::Weights;

/// The role fit at and above which a candidate's years of work count in
/// full toward a posting's years of experience. Below it they count in
/// proportion (half at 0.25), and not at all when nothing is near: years as
/// a nurse are no "2 years of experience in the job or related field" for a
/// backend posting. Half of full similarity, because a candidate who works
/// in the posting's unit group but also reads as a neighbouring one (a
/// backend developer who is also a DevOps engineer) still does this job.
pub const IN_FIELD_FULL_AT: f64 = 0.5;

/// The share of a candidate's years of work that counts toward a posting's
/// years of experience, given role fit's credit (`None` when role fit is not
/// assessed: then all of it, as not knowing the job is no evidence against
/// the candidate). See [`IN_FIELD_FULL_AT`].
pub fn in_field(role_credit: Option<f64>) -> Option<f64> {
    role_credit.map(|credit| (credit / IN_FIELD_FULL_AT).clamp(0.0, 1.0))
}

/// Role fit's credit for a posting whose profile vector is `asked` and a
/// candidate whose vector is `held`; `None` when either is empty.
pub fn role_fit(asked: &[(u16, f32)], held: &[(u16, f32)], weights: &Weights) -> Option<f64> {
    if asked.is_empty() || held.is_empty() {
        return None;
    }
    Some(similarity(asked, held, weights.same_minor_group))
}

/// [`role_fit`] with each side's
/// [`norm_squared`](crate::occupation::profile::norm_squared) worked out
/// beforehand: the same value to the bit.
pub fn role_fit_with_norms(
    asked: &[(u16, f32)],
    asked_norm: f64,
    held: &[(u16, f32)],
    held_norm: f64,
    weights: &Weights,
) -> Option<f64> {
    if asked.is_empty() || held.is_empty() {
        return None;
    }
    Some(similarity_with_norms(
        asked,
        asked_norm,
        held,
        held_norm,
        weights.same_minor_group,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_fit_is_assessed_when_both_sides_read_as_an_occupation() {
        let w = Weights::default();
        let accountant = [(2411u16, 1.0f32)];
        type Case<'a> = (
            &'static str,
            &'a [(u16, f32)],
            &'a [(u16, f32)],
            Option<f64>,
        );
        let cases: [Case<'_>; 4] = [
            ("same group", &accountant, &[(2411, 0.4)], Some(1.0)),
            ("unrelated", &accountant, &[(2512, 1.0)], Some(0.0)),
            ("no occupation held", &accountant, &[], None),
            ("posting reads as none", &[], &accountant, None),
        ];
        for (name, asked, held, want) in cases {
            let got = role_fit(asked, held, &w);
            assert_eq!(got.map(|x| (x * 1e6).round() / 1e6), want, "{name}");
        }
        let minor = role_fit(&accountant, &[(2413, 1.0)], &w).expect("assessed");
        assert!(minor > 0.0 && minor < 1.0, "{minor}");
    }

    #[test]
    fn years_in_another_field_count_in_proportion_to_role_fit() {
        let cases = [
            (None, None),
            (Some(0.0), Some(0.0)),
            (Some(0.1), Some(0.2)),
            (Some(0.25), Some(0.5)),
            (Some(IN_FIELD_FULL_AT), Some(1.0)),
            (Some(0.9), Some(1.0)),
            (Some(1.0), Some(1.0)),
        ];
        for (role, want) in cases {
            assert_eq!(in_field(role), want, "{role:?}");
        }
    }
}
