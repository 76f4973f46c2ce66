//! The knobs of scoring: section weights and partial credits.
//!
//! Every number the scorer uses that is not read from a posting or a résumé
//! is a field of [`Weights`], with a named default constant below. A TOML
//! file (`--weights FILE`) may override any subset of the fields; unknown
//! keys and out-of-range values are errors that name the file, line and
//! column. Invariants of a [`Weights`] value built by this module: every
//! field is finite, section weights and years are in `[0, MAX_WEIGHT]`
//! (so that no sum of them overflows to infinity and no score is NaN),
//! and credits are
//! in `[0, 1]`, so every assessment's credit stays in `[0, 1]` and every
//! score in `[0, 100]`.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Location, Result};
use crate::extract::posting::Section;

/// Default weight of a requirement in a required section.
pub const REQUIRED_WEIGHT: f64 = 1.0;

/// Default weight of a preferred requirement (nice to have, bonus, plus).
pub const PREFERRED_WEIGHT: f64 = 0.5;

/// Default weight of a responsibility ("what you'll do"): it tells what
/// the job uses, not what the candidate must already have.
pub const RESPONSIBILITY_WEIGHT: f64 = 0.25;

/// Default credit when the candidate has only a more general skill than the
/// one asked for (SQL for PostgreSQL).
pub const MORE_GENERAL_CREDIT: f64 = 0.5;

/// Default credit when the candidate has a related skill (MySQL for
/// PostgreSQL): either skill lists the other in the taxonomy's `related`.
pub const RELATED_CREDIT: f64 = 0.4;

/// Default credit for an education requirement that accepts "or equivalent
/// experience", met by years of experience instead of the degree.
pub const EQUIVALENT_EXPERIENCE_CREDIT: f64 = 0.75;

/// Default credit for an education requirement whose level is met but none
/// of whose named fields of study the résumé mentions (a physics degree for
/// "BS in Computer Science"). Not 0: the level is what most postings gate
/// on, and the résumé parser may miss a field written in an unusual way.
pub const OTHER_FIELD_CREDIT: f64 = 0.75;

/// Default years of experience that stand in for each missing degree level
/// when a posting accepts equivalent experience. Levels count up from "no
/// degree stated" (0) through associate (1), bachelor (2), master (3) to
/// doctorate (4): a candidate with no degree needs 2 × 2 = 4 years for a
/// bachelor's "or equivalent experience", one with a bachelor's needs 2
/// years for a master's.
pub const YEARS_PER_DEGREE_LEVEL: f64 = 2.0;

/// Default factor on the weight of a requirement that names only soft
/// skills (taxonomy category [`SOFT_SKILLS_CATEGORY`]: communication,
/// teamwork, …). Résumés seldom state them and a recruiter judges them in
/// an interview, so a posting's "strong communication skills" counts, but
/// a quarter as much as a skill a résumé can show.
pub const SOFT_SKILLS_FACTOR: f64 = 0.25;

/// Default prior weight of the confidence-aware figure ([`crate::score::formula`]):
/// a posting's score is shrunk toward 0 as if it had this much more weight
/// of requirements the candidate was not shown to meet. Three is three
/// required skills: a posting with one assessable skill requirement, met,
/// ranks at 25, below one where the candidate meets 8 of 10 (about 62).
pub const CONFIDENCE_PRIOR: f64 = 3.0;

/// Default share of an experience or education requirement's weight that
/// counts as evidence of fit in the confidence-aware figure. Years and a
/// degree gate a job but say little about whether the candidate can do
/// it: a Civics Teacher posting asking only for a degree and two years
/// would otherwise rank first for every graduate.
pub const YEARS_AND_DEGREE_EVIDENCE: f64 = 0.25;

/// Default weight of role fit: how near the occupation the candidate's
/// résumé reads as is to the one the posting reads as. Six required
/// requirements' worth: the job itself is what a recruiter shortlists by
/// first, and a posting seldom lists every skill its occupation takes.
/// Its credit is a similarity that two documents of one occupation seldom
/// take to 1 (the site reliability example pair earns 0.8). On the
/// development ranking check (EVALUATION.md) NDCG@10 was 0.410 at 4, 0.458
/// at 6 and 0.473 at 8; at 8 the example candidates' first postings start
/// to follow the occupation over the skills met (the front-end developer's
/// first posting becomes the DevOps one), at 6 none does.
pub const ROLE_WEIGHT: f64 = 6.0;

/// Default share of an occupation's weight that role fit also counts for
/// its ISCO-08 minor group (3 digits: accountants 2411 and financial
/// analysts 2413 share 241). Two profiles of one group each, neighbours
/// in a minor group, then earn 0.5² / (1 + 0.5²) = 0.2
/// ([`crate::occupation::profile::similarity`]).
pub const SAME_MINOR_GROUP_SHARE: f64 = 0.5;

// Defined with the taxonomy's other category names.
pub use crate::taxonomy::SOFT_SKILLS_CATEGORY;

/// Every weight and credit the scorer uses.
///
/// ```
/// use skillmatch::score::Weights;
/// let weights = Weights::from_toml("related = 0.25\n", "weights.toml")?;
/// assert_eq!(weights.related, 0.25);
/// assert_eq!(weights.required, Weights::default().required);
/// # Ok::<(), skillmatch::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Weight of a required requirement ([`REQUIRED_WEIGHT`]).
    pub required: f64,
    /// Weight of a preferred requirement ([`PREFERRED_WEIGHT`]).
    pub preferred: f64,
    /// Weight of a responsibility ([`RESPONSIBILITY_WEIGHT`]).
    pub responsibility: f64,
    /// Credit for only a more general skill ([`MORE_GENERAL_CREDIT`]).
    pub more_general: f64,
    /// Credit for a related skill ([`RELATED_CREDIT`]).
    pub related: f64,
    /// Credit for a degree replaced by equivalent experience
    /// ([`EQUIVALENT_EXPERIENCE_CREDIT`]).
    pub equivalent_experience: f64,
    /// Credit for a degree of the right level in none of the named fields
    /// ([`OTHER_FIELD_CREDIT`]).
    pub other_field: f64,
    /// Years of experience equivalent to one degree level
    /// ([`YEARS_PER_DEGREE_LEVEL`]).
    pub years_per_degree_level: f64,
    /// Factor on the weight of a requirement naming only soft skills
    /// ([`SOFT_SKILLS_FACTOR`]).
    pub soft_skills: f64,
    /// Prior weight of the confidence-aware figure ([`CONFIDENCE_PRIOR`]).
    pub confidence_prior: f64,
    /// Share of an experience or education requirement's weight that is
    /// evidence of fit ([`YEARS_AND_DEGREE_EVIDENCE`]).
    pub years_and_degree_evidence: f64,
    /// Weight of role fit ([`ROLE_WEIGHT`]).
    pub role: f64,
    /// Share of an occupation's weight that also counts for its minor
    /// group in role fit ([`SAME_MINOR_GROUP_SHARE`]).
    pub same_minor_group: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            required: REQUIRED_WEIGHT,
            preferred: PREFERRED_WEIGHT,
            responsibility: RESPONSIBILITY_WEIGHT,
            more_general: MORE_GENERAL_CREDIT,
            related: RELATED_CREDIT,
            equivalent_experience: EQUIVALENT_EXPERIENCE_CREDIT,
            other_field: OTHER_FIELD_CREDIT,
            years_per_degree_level: YEARS_PER_DEGREE_LEVEL,
            soft_skills: SOFT_SKILLS_FACTOR,
            confidence_prior: CONFIDENCE_PRIOR,
            years_and_degree_evidence: YEARS_AND_DEGREE_EVIDENCE,
            role: ROLE_WEIGHT,
            same_minor_group: SAME_MINOR_GROUP_SHARE,
        }
    }
}

/// A weights file as written: every key optional, no other key allowed.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWeights {
    required: Option<Spanned<f64>>,
    preferred: Option<Spanned<f64>>,
    responsibility: Option<Spanned<f64>>,
    more_general: Option<Spanned<f64>>,
    related: Option<Spanned<f64>>,
    equivalent_experience: Option<Spanned<f64>>,
    other_field: Option<Spanned<f64>>,
    years_per_degree_level: Option<Spanned<f64>>,
    soft_skills: Option<Spanned<f64>>,
    confidence_prior: Option<Spanned<f64>>,
    years_and_degree_evidence: Option<Spanned<f64>>,
    role: Option<Spanned<f64>>,
    same_minor_group: Option<Spanned<f64>>,
}

/// The largest weight or number of years a weights file may give: far
/// above any sensible value, far below where sums of a posting's weights
/// could overflow (1e308 once gave NaN scores).
pub const MAX_WEIGHT: f64 = 1e6;

/// What values a field accepts.
#[derive(Debug, Clone, Copy)]
enum Range {
    /// A weight or a number of years: in `[0, MAX_WEIGHT]`.
    NonNegative,
    /// A credit: in `[0, 1]`.
    Credit,
}

impl Weights {
    /// The weight of a requirement of `section`.
    pub fn section(&self, section: Section) -> f64 {
        match section {
            Section::Required => self.required,
            Section::Preferred => self.preferred,
            Section::Responsibility => self.responsibility,
        }
    }

    /// The defaults overridden by the keys of a TOML text (`source_name` is
    /// the file name used in error messages).
    ///
    /// Keys are the field names (`required`, `preferred`, `responsibility`,
    /// `more_general`, `related`, `equivalent_experience`, `other_field`,
    /// `years_per_degree_level`, `soft_skills`, `confidence_prior`,
    /// `years_and_degree_evidence`, `role`, `same_minor_group`); integers are accepted for numbers.
    /// Unknown keys, non-numbers, negative weights and credits outside
    /// `[0, 1]` are errors at `file:line:column`.
    pub fn from_toml(text: &str, source_name: &str) -> Result<Weights> {
        let raw: RawWeights = toml::from_str(text).map_err(|e| {
            let location = match e.span() {
                Some(span) => Location::of_offset(source_name, text, span.start),
                None => Location::file(source_name),
            };
            Error::input(
                location,
                format!("bad weights file: {}", e.message().trim()),
            )
        })?;
        let mut weights = Weights::default();
        let fields = [
            (
                &raw.required,
                &mut weights.required,
                "required",
                Range::NonNegative,
            ),
            (
                &raw.preferred,
                &mut weights.preferred,
                "preferred",
                Range::NonNegative,
            ),
            (
                &raw.responsibility,
                &mut weights.responsibility,
                "responsibility",
                Range::NonNegative,
            ),
            (
                &raw.more_general,
                &mut weights.more_general,
                "more_general",
                Range::Credit,
            ),
            (&raw.related, &mut weights.related, "related", Range::Credit),
            (
                &raw.equivalent_experience,
                &mut weights.equivalent_experience,
                "equivalent_experience",
                Range::Credit,
            ),
            (
                &raw.other_field,
                &mut weights.other_field,
                "other_field",
                Range::Credit,
            ),
            (
                &raw.years_per_degree_level,
                &mut weights.years_per_degree_level,
                "years_per_degree_level",
                Range::NonNegative,
            ),
            (
                &raw.soft_skills,
                &mut weights.soft_skills,
                "soft_skills",
                Range::NonNegative,
            ),
            (
                &raw.confidence_prior,
                &mut weights.confidence_prior,
                "confidence_prior",
                Range::NonNegative,
            ),
            (
                &raw.years_and_degree_evidence,
                &mut weights.years_and_degree_evidence,
                "years_and_degree_evidence",
                Range::Credit,
            ),
            (&raw.role, &mut weights.role, "role", Range::NonNegative),
            (
                &raw.same_minor_group,
                &mut weights.same_minor_group,
                "same_minor_group",
                Range::Credit,
            ),
        ];
        for (value, slot, name, range) in fields {
            let Some(value) = value else {
                continue;
            };
            let v = *value.get_ref();
            let ok = v.is_finite()
                && match range {
                    Range::NonNegative => (0.0..=MAX_WEIGHT).contains(&v),
                    Range::Credit => (0.0..=1.0).contains(&v),
                };
            if !ok {
                let wanted = match range {
                    Range::NonNegative => "a number from 0 to 1000000",
                    Range::Credit => "a credit between 0 and 1",
                };
                return Err(Error::input(
                    Location::of_offset(source_name, text, value.span().start),
                    format!(
                        "`{name}` must be {wanted}, not {}",
                        if v.abs() >= 1e9 {
                            format!("{v:e}")
                        } else {
                            v.to_string()
                        }
                    ),
                ));
            }
            *slot = v;
        }
        Ok(weights)
    }

    /// Reads a weights file (see [`Weights::from_toml`]).
    pub fn read(path: &Path) -> Result<Weights> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Weights::from_toml(&text, &path.display().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_named_constants() {
        let w = Weights::default();
        let cases = [
            ("required", w.required, 1.0),
            ("preferred", w.preferred, 0.5),
            ("responsibility", w.responsibility, 0.25),
            ("more_general", w.more_general, 0.5),
            ("related", w.related, 0.4),
            (
                "equivalent_experience",
                w.equivalent_experience,
                EQUIVALENT_EXPERIENCE_CREDIT,
            ),
            ("other_field", w.other_field, OTHER_FIELD_CREDIT),
            (
                "years_per_degree_level",
                w.years_per_degree_level,
                YEARS_PER_DEGREE_LEVEL,
            ),
            ("soft_skills", w.soft_skills, SOFT_SKILLS_FACTOR),
            ("confidence_prior", w.confidence_prior, 3.0),
            (
                "years_and_degree_evidence",
                w.years_and_degree_evidence,
                0.25,
            ),
            ("role", w.role, 6.0),
            ("same_minor_group", w.same_minor_group, 0.5),
        ];
        for (name, got, expected) in cases {
            assert_eq!(got, expected, "{name}");
        }
        assert_eq!(w.section(Section::Required), 1.0);
        assert_eq!(w.section(Section::Preferred), 0.5);
        assert_eq!(w.section(Section::Responsibility), 0.25);
    }

    #[test]
    fn toml_overrides_only_the_keys_given() {
        let cases: &[(&str, &str, Weights)] = &[
            ("empty file", "", Weights::default()),
            (
                "one credit",
                "related = 0.3\n",
                Weights {
                    related: 0.3,
                    ..Weights::default()
                },
            ),
            (
                "integers are numbers",
                "required = 2\npreferred = 1\nyears_per_degree_level = 3\n",
                Weights {
                    required: 2.0,
                    preferred: 1.0,
                    years_per_degree_level: 3.0,
                    ..Weights::default()
                },
            ),
            (
                "every key",
                "required = 1.0\npreferred = 0.6\nresponsibility = 0.1\nmore_general = 0.7\n\
                 related = 0.2\nequivalent_experience = 1.0\nother_field = 0.0\nyears_per_degree_level = 1.5\nsoft_skills = 0.5\n\
                 confidence_prior = 0\nyears_and_degree_evidence = 0.5\n",
                Weights {
                    required: 1.0,
                    preferred: 0.6,
                    responsibility: 0.1,
                    more_general: 0.7,
                    related: 0.2,
                    equivalent_experience: 1.0,
                    other_field: 0.0,
                    years_per_degree_level: 1.5,
                    soft_skills: 0.5,
                    confidence_prior: 0.0,
                    years_and_degree_evidence: 0.5,
                    ..Weights::default()
                },
            ),
        ];
        for (name, text, expected) in cases {
            let got = Weights::from_toml(text, "w.toml").unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(&got, expected, "{name}");
        }
    }

    #[test]
    fn bad_files_are_errors_at_file_line_column() {
        let cases = [
            (
                "unknown key",
                "required = 1\nrelatd = 0.3\n",
                "w.toml:2:1",
                "relatd",
            ),
            (
                "credit above one",
                "\nrelated = 1.5\n",
                "w.toml:2:11",
                "`related` must be a credit between 0 and 1",
            ),
            (
                "negative weight",
                "preferred = -0.5\n",
                "w.toml:1:13",
                "`preferred` must be a number from 0 to 1000000",
            ),
            (
                "a weight so large that sums overflow",
                "required = 1e308\n",
                "w.toml:1:12",
                "`required` must be a number from 0 to 1000000, not 1e308",
            ),
            ("not a number", "required = \"high\"\n", "w.toml:1:12", ""),
            (
                "nan",
                "more_general = nan\n",
                "w.toml:1:16",
                "`more_general`",
            ),
            (
                "infinite years",
                "years_per_degree_level = inf\n",
                "w.toml:1:26",
                "`years_per_degree_level`",
            ),
            ("bad toml", "required = \n", "w.toml:1:", ""),
        ];
        for (name, text, at, message) in cases {
            let err = Weights::from_toml(text, "w.toml")
                .map(|_| ())
                .unwrap_err()
                .to_string();
            assert!(err.starts_with(at), "{name}: {err}");
            assert!(err.contains(message), "{name}: {err}");
        }
    }

    #[test]
    fn read_names_a_missing_file() {
        let err = Weights::read(Path::new("/nonexistent/weights.toml"))
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("/nonexistent/weights.toml"), "{err}");
    }
}
