//! Scoring: the credit rules, the weights behind them, the score formula,
//! and candidate retrieval.
//!
//! [`credit`] holds the rules, one per requirement kind, written once;
//! [`assessment`] turns a rule's outcome into the record a report shows;
//! [`formula`] derives a posting's score from its requirements' weights and
//! credits; [`PostingIndex`] scores many postings for a candidate without
//! building records, with the same rules and the same formula, to the bit.
//! Every weight and partial credit is a field of [`Weights`] with a named
//! default. Explanations ([`crate::explain`]) and rankings
//! ([`crate::rank`]) are built on this module; it depends on neither.
//! Invariants: scores are in `[0, 100]`; giving a candidate one more skill
//! never lowers a score; results do not depend on the number of threads.

pub mod assessment;
pub mod credit;
pub mod formula;
pub mod profile;
pub mod repeats;
pub mod retrieval;
pub mod role;
pub mod shard;
pub mod top_k;
pub mod weights;

pub use assessment::{assess, Assessment, MAX_EVIDENCE_LINES};
pub use credit::{evaluate, CandidateView, How, Matched, Need, ResumeView, Status, Years};
pub use profile::{CandidateProfile, Reach};
pub use retrieval::{BaseCredits, Headroom, PostingIndex, PostingTable, SkillSet};
pub use shard::Shard;
pub use top_k::TopK;
pub use weights::Weights;

/// Small hand-built inputs shared by the scoring tests.
#[cfg(test)]
pub(crate) mod fixtures {
    use std::sync::OnceLock;

    use crate::extract::posting::{
        EducationRequirement, Posting, Requirement, RequirementKind, Section,
    };
    use crate::extract::resume::{Candidate, CandidateSkill, ResumeSection, SkillEvidence};
    use crate::extract::DegreeLevel;
    use crate::taxonomy::{SkillId, Source, Taxonomy, TaxonomyBuilder};

    /// Databases with a hierarchy and a related pair, languages, and
    /// fields of study.
    const TAXONOMY: &str = r#"
category = "tech"
[[skill]]
id = "databases"
label = "Databases"
[[skill]]
id = "sql"
label = "SQL"
parents = ["databases"]
[[skill]]
id = "postgresql"
label = "PostgreSQL"
parents = ["sql"]
related = ["mysql"]
[[skill]]
id = "mysql"
label = "MySQL"
parents = ["sql"]
[[skill]]
id = "java"
label = "Java"
[[skill]]
id = "kotlin"
label = "Kotlin"
related = ["java"]
[[skill]]
id = "go"
label = "Go"
[[skill]]
id = "kubernetes"
label = "Kubernetes"
[[skill]]
id = "docker"
label = "Docker"
[[skill]]
id = "communication"
label = "Communication"
category = "soft-skills"
[[skill]]
id = "teamwork"
label = "Teamwork"
category = "soft-skills"
[[skill]]
id = "computer-science"
label = "Computer Science"
category = "education"
[[skill]]
id = "algorithms"
label = "Algorithms"
parents = ["computer-science"]
[[skill]]
id = "software-engineering"
label = "Software Engineering"
category = "education"
parents = ["computer-science"]
[[skill]]
id = "physics"
label = "Physics"
category = "education"
"#;

    /// The test taxonomy, built once.
    pub(crate) fn taxonomy() -> &'static Taxonomy {
        static T: OnceLock<Taxonomy> = OnceLock::new();
        T.get_or_init(|| {
            let mut b = TaxonomyBuilder::new();
            b.add_source(Source::new("test.toml", TAXONOMY));
            b.build().expect("test taxonomy builds")
        })
    }

    /// The id of a skill of the test taxonomy.
    pub(crate) fn id(s: &str) -> SkillId {
        taxonomy()
            .get(s)
            .unwrap_or_else(|| panic!("{s} in test taxonomy"))
    }

    /// A skill requirement.
    pub(crate) fn skill_req(
        section: Section,
        any_of: &[&str],
        min_years: Option<f32>,
    ) -> Requirement {
        Requirement {
            text: format!("{} {:?}", any_of.join(" or "), min_years),
            line: 1,
            section,
            kind: RequirementKind::Skill,
            any_of: any_of.iter().map(|s| id(s)).collect(),
            min_years,
            max_years: None,
            education: None,
        }
    }

    /// A total-experience requirement.
    pub(crate) fn experience_req(min_years: f32) -> Requirement {
        Requirement {
            text: format!("{min_years}+ years of experience"),
            line: 2,
            section: Section::Required,
            kind: RequirementKind::Experience,
            any_of: Vec::new(),
            min_years: Some(min_years),
            max_years: None,
            education: None,
        }
    }

    /// An education requirement.
    pub(crate) fn education_req(
        level: DegreeLevel,
        fields: &[&str],
        or_equivalent: bool,
    ) -> Requirement {
        Requirement {
            text: format!("{} degree", level.name()),
            line: 3,
            section: Section::Required,
            kind: RequirementKind::Education,
            any_of: Vec::new(),
            min_years: None,
            max_years: None,
            education: Some(EducationRequirement {
                level,
                fields: fields.iter().map(|s| id(s)).collect(),
                or_equivalent,
            }),
        }
    }

    /// A requirement with no known skill.
    pub(crate) fn other_req(section: Section) -> Requirement {
        Requirement {
            text: "Great communication".into(),
            line: 4,
            section,
            kind: RequirementKind::Other,
            any_of: Vec::new(),
            min_years: None,
            max_years: None,
            education: None,
        }
    }

    /// A candidate with these skills (and years), one evidence line each.
    pub(crate) fn candidate(
        skills: &[(&str, Option<f32>)],
        total_years: Option<f32>,
        education: Option<DegreeLevel>,
    ) -> Candidate {
        Candidate {
            name: None,
            id: "cv".into(),
            source: "cv.txt".into(),
            total_years,
            education,
            skills: skills
                .iter()
                .enumerate()
                .map(|(i, &(s, years))| CandidateSkill {
                    skill: id(s),
                    years,
                    years_from: None,
                    skills_section_only: false,
                    evidence: vec![SkillEvidence {
                        line: 10 + i,
                        start: 0,
                        end: 0,
                        text: format!("Used {s}"),
                        section: ResumeSection::Experience,
                    }],
                })
                .collect(),
            roles: Vec::new(),
            headline: None,
            profile: Default::default(),
        }
    }

    /// A posting with these requirements.
    pub(crate) fn posting(source: &str, requirements: Vec<Requirement>) -> Posting {
        Posting {
            title: Some(source.to_string()),
            occupations: Vec::new(),
            profile: Default::default(),
            company: None,
            location: None,
            remote: None,
            salary: None,
            id: source.to_string(),
            source: source.to_string(),
            lines: (1, requirements.len()),
            requirements,
            mentions: Vec::new(),
        }
    }

    /// Every skill of the test taxonomy.
    pub(crate) const SKILLS: &[&str] = &[
        "databases",
        "sql",
        "postgresql",
        "mysql",
        "java",
        "kotlin",
        "go",
        "kubernetes",
        "docker",
        "communication",
        "teamwork",
        "computer-science",
        "algorithms",
        "software-engineering",
        "physics",
    ];

    /// Proptest strategies over the test taxonomy.
    pub(crate) mod strategies {
        use proptest::prelude::*;
        use proptest::sample::select;

        use super::*;
        use crate::score::Weights;

        fn years() -> impl Strategy<Value = Option<f32>> {
            proptest::option::of(0.0f32..15.0)
        }

        fn level() -> impl Strategy<Value = DegreeLevel> {
            select(vec![
                DegreeLevel::Associate,
                DegreeLevel::Bachelor,
                DegreeLevel::Master,
                DegreeLevel::Phd,
            ])
        }

        /// Any requirement of any kind and section.
        pub(crate) fn requirement() -> impl Strategy<Value = Requirement> {
            (
                select(vec![
                    Section::Required,
                    Section::Preferred,
                    Section::Responsibility,
                ]),
                0..4u8,
                proptest::collection::vec(select(SKILLS), 0..4),
                years(),
                level(),
                proptest::collection::vec(select(SKILLS), 0..3),
                any::<bool>(),
            )
                .prop_map(
                    |(section, kind, any_of, min_years, level, fields, or_equivalent)| {
                        let mut r = match kind {
                            0 => skill_req(section, &any_of, min_years),
                            1 => experience_req(min_years.unwrap_or(1.0)),
                            2 => education_req(level, &fields, or_equivalent),
                            _ => other_req(section),
                        };
                        r.section = section;
                        r
                    },
                )
        }

        /// A posting of up to `max` requirements.
        pub(crate) fn posting_of(max: usize) -> impl Strategy<Value = Posting> {
            (
                proptest::collection::vec(requirement(), 0..max),
                proptest::option::of(occupation()),
            )
                .prop_map(|(requirements, occupation)| {
                    let mut p = posting("p", requirements);
                    p.occupations.extend(occupation);
                    p
                })
        }

        /// One of a few occupations: two of one unit group, one more of
        /// its minor group, one further away.
        pub(crate) fn occupation() -> impl Strategy<Value = crate::occupation::Named> {
            select(vec![
                ("accountant", 2411),
                ("auditor", 2411),
                ("financial analyst", 2413),
                ("software developer", 2512),
            ])
            .prop_map(|(uri, isco)| crate::occupation::Named {
                esco: uri.into(),
                isco,
                label: uri.into(),
                line: 1,
                score: 1.0,
                how: crate::occupation::MatchKind::Exact,
            })
        }

        /// Any candidate: distinct skills with or without years.
        pub(crate) fn candidate_any() -> impl Strategy<Value = Candidate> {
            (
                proptest::collection::vec((select(SKILLS), years()), 0..7),
                years(),
                proptest::option::of(level()),
                proptest::collection::vec(occupation(), 0..3),
            )
                .prop_map(|(mut skills, total, education, held)| {
                    let mut seen = Vec::new();
                    skills.retain(|(s, _)| {
                        let new = !seen.contains(s);
                        seen.push(*s);
                        new
                    });
                    let mut c = candidate(&skills, total, education);
                    let month = crate::extract::dates::YearMonth::new(2020, 1).expect("a month");
                    c.roles = held
                        .into_iter()
                        .enumerate()
                        .map(|(i, occupation)| crate::extract::resume::Role {
                            title: Some(occupation.label.clone()),
                            start: month,
                            end: month,
                            line: i + 1,
                            occupation: Some(occupation),
                        })
                        .collect();
                    c
                })
        }

        /// Any weights in range.
        pub(crate) fn weights() -> impl Strategy<Value = Weights> {
            (
                (0.0f64..2.0, 0.0f64..2.0, 0.0f64..2.0),
                (0.0f64..=1.0, 0.0f64..=1.0, 0.0f64..=1.0, 0.0f64..=1.0),
                (0.0f64..5.0, 0.0f64..2.0, 0.0f64..6.0, 0.0f64..=1.0),
            )
                .prop_map(
                    |(
                        (required, preferred, responsibility),
                        (more_general, related, equivalent_experience, other_field),
                        (
                            years_per_degree_level,
                            soft_skills,
                            confidence_prior,
                            years_and_degree_evidence,
                        ),
                    )| Weights {
                        required,
                        preferred,
                        responsibility,
                        more_general,
                        related,
                        equivalent_experience,
                        other_field,
                        years_per_degree_level,
                        soft_skills,
                        confidence_prior,
                        years_and_degree_evidence,
                        ..Weights::default()
                    },
                )
        }
    }
}
