//! Résumé parsing: name, sections, skills with evidence and years.
//!
//! [`parse_resume`] turns one résumé's plain text into a [`Candidate`]:
//!
//! 1. The text is cut into *logical lines*: its physical lines, except that
//!    an over-long line (longer than [`FLATTENED_LINE_MIN_BYTES`], typically
//!    a whole résumé flattened onto one line by a converter) is cut again at
//!    runs of [`SEGMENT_GAP_MIN_SPACES`] or more spaces, which is where its
//!    line breaks were. Date ranges are never cut ("March 2011  Present").
//! 2. Each logical line gets a [`ResumeSection`]: short lines made only of
//!    section words ("Technical Skills", "WORK EXPERIENCE", "## Projects",
//!    "Skills & Tools:") start a section; lines before the first one are the
//!    [`ResumeSection::Header`].
//! 3. A date range ([`find_date_range`](super::dates::find_date_range)) on
//!    a line of the Experience section starts a [`Role`]; the role's *block*
//!    is that line and the lines after it, up to the next dated role or
//!    section header. A résumé with no Experience section takes its roles
//!    from every section except Skills, Education and Certifications.
//! 4. Every skill mention the [`Matcher`] finds becomes evidence, except in
//!    the employer's part of a role heading ("Data Engineer, Loop
//!    Analytics": no analytics skill). A skill's
//!    years are the larger of what the text states on the mention's line
//!    ("3 years of Go", "Java (5 years)") and the months of the union of the
//!    roles whose blocks mention it: overlapping roles are not counted twice.
//!
//! Invariants: output order follows the text (skills in first-mention
//! order, evidence and roles in text order), never a hash order; evidence
//! spans are the matcher's byte spans into the original text; the same
//! text, taxonomy and `as_of` always give the same candidate; no input
//! makes the parser panic.
//!
//! Where each step lives: `lines.rs` cuts the text into logical lines,
//! `sections.rs` gives them sections, `roles.rs` reads dated roles and
//! their titles, `years.rs` computes years per skill and in total (the
//! numbers themselves come from the lexer postings use too,
//! `extract/numbers.rs`), `skills.rs` turns mentions into evidence and
//! skills, `name.rs` finds the name and `education.rs` the degree level.

use serde::Serialize;

use super::dates::YearMonth;
use super::{DegreeLevel, Matcher};
use crate::taxonomy::SkillId;

mod education;

/// Most header lines (before the first section) read for a headline.
pub const HEADLINE_MAX_LINES: usize = 4;

/// Most words of a headline: a title, not a sentence.
pub const HEADLINE_MAX_WORDS: usize = 6;

/// Least recognition score of a headline: an exact label (ESCO's own, or
/// an O*NET title), since a header line may as well be an address or a
/// school.
pub const HEADLINE_MIN_SCORE: f32 = 0.85;

/// The occupation the résumé's headline states: the first of its first
/// [`HEADLINE_MAX_LINES`] header lines of at most [`HEADLINE_MAX_WORDS`]
/// words that is an occupation's label; else, when no role names an
/// occupation, a title run into the opening words ([`opening_occupation`]).
fn headline_occupation(lines: &[Line<'_>], roles: &[Role]) -> Option<Named> {
    let set = Occupations::shared()?;
    lines
        .iter()
        .take_while(|l| l.section == ResumeSection::Header && !l.header)
        .take(HEADLINE_MAX_LINES)
        .filter(|l| l.text.split_whitespace().count() <= HEADLINE_MAX_WORDS)
        .find_map(|l| {
            set.name(l.text, l.number)
                .into_iter()
                .next()
                .filter(|n| n.score >= HEADLINE_MIN_SCORE)
        })
        .or_else(|| {
            // A flattened résumé's title runs into its text; one whose
            // roles name an occupation needs no guess from loose words.
            if roles.iter().any(|r| r.occupation.is_some()) {
                None
            } else {
                opening_occupation(set, lines)
            }
        })
}

/// Most words read at the start of a résumé for a title run into the text.
pub const OPENING_MAX_WORDS: usize = 40;

/// Longest run of words tried as a title in the opening words.
pub const OPENING_TITLE_MAX_WORDS: usize = 4;

/// The occupation a flattened résumé states in its opening words ("Meda
/// Cronin Associate Software Engineer Bengaluru …" on one line): the
/// earliest run of two to [`OPENING_TITLE_MAX_WORDS`] capitalised words
/// within the first [`OPENING_MAX_WORDS`] that is an occupation's label
/// exactly (at least [`HEADLINE_MIN_SCORE`]); at one start, the longest.
/// Single words are never tried: "Engineer" or "Manager" alone says too
/// little, and a name may be one.
fn opening_occupation(set: &Occupations, lines: &[Line<'_>]) -> Option<Named> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    for line in lines {
        for w in line.text.split_whitespace() {
            if words.len() == OPENING_MAX_WORDS {
                break;
            }
            words.push((line.number, w.trim_matches(|c: char| !c.is_alphanumeric())));
        }
    }
    let capitalized = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    for start in 0..words.len() {
        for len in (2..=OPENING_TITLE_MAX_WORDS).rev() {
            let Some(run) = words.get(start..start + len) else {
                continue;
            };
            let line = run[0].0;
            if run.iter().any(|&(l, w)| l != line || !capitalized(w)) {
                continue;
            }
            let phrase: Vec<&str> = run.iter().map(|&(_, w)| w).collect();
            let found = set
                .name(&phrase.join(" "), line)
                .into_iter()
                .next()
                .filter(|n| n.score >= HEADLINE_MIN_SCORE);
            if found.is_some() {
                return found;
            }
        }
    }
    None
}

/// Each role with the occupation its title names ([`Occupations::name`],
/// the best one), quoting the role's line.
fn name_occupations(mut roles: Vec<Role>) -> Vec<Role> {
    if let Some(set) = Occupations::shared() {
        for role in &mut roles {
            role.occupation = role
                .title
                .as_deref()
                .and_then(|t| set.name(t, role.line).into_iter().next());
        }
    }
    roles
}

#[cfg(test)]
mod fixture;
mod lines;
mod name;
mod roles;
mod sections;
mod skills;
mod years;

pub use lines::{FLATTENED_LINE_MIN_BYTES, SEGMENT_GAP_MIN_SPACES};
pub use name::{NAME_LABEL_SEARCH_LINES, NAME_MAX_WORDS, NAME_MIN_WORDS, NAME_SEARCH_LINES};
pub use roles::{MAX_ROLE_MONTHS, MAX_TITLE_BYTES, TITLE_LOOKAHEAD_LINES, TITLE_LOOKBACK_LINES};
pub use sections::{HEADER_MAX_BYTES, HEADER_MAX_WORDS};
pub use skills::MAX_QUOTE_BYTES;
pub use years::{
    MAX_STATED_YEARS, TOTAL_PHRASE_MAX_FILLERS, YEARS_AFTER_SKILL_MAX_GAP,
    YEARS_BEFORE_SKILL_MAX_GAP,
};

use education::education_level;
use lines::{line_index, logical_lines, mentions_per_line, Line};
use name::find_name;
use roles::find_roles;

use crate::occupation::profile::{OccupationProfile, NAMED_PER_RESUME};
use crate::occupation::{Named, Occupations};
use sections::assign_sections;
use skills::collect_skills;
use years::{stated_years, total_years};

/// Part of a résumé.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ResumeSection {
    /// Everything before the first section header: name and contact details.
    Header,
    /// Summary, profile or objective.
    Summary,
    /// A list of skills, tools or technologies.
    Skills,
    /// Work experience: employment history, dated roles.
    Experience,
    /// Projects.
    Projects,
    /// Education.
    Education,
    /// Certifications, licenses and courses.
    Certifications,
    /// Any other section (awards, publications, interests, …).
    Other,
}

impl ResumeSection {
    /// The contract name: `header`, `summary`, `skills`, `experience`,
    /// `projects`, `education`, `certifications` or `other`.
    pub fn name(self) -> &'static str {
        match self {
            ResumeSection::Header => "header",
            ResumeSection::Summary => "summary",
            ResumeSection::Skills => "skills",
            ResumeSection::Experience => "experience",
            ResumeSection::Projects => "projects",
            ResumeSection::Education => "education",
            ResumeSection::Certifications => "certifications",
            ResumeSection::Other => "other",
        }
    }
}

/// One mention of a skill in a résumé.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillEvidence {
    /// 1-based line of the mention.
    pub line: usize,
    /// UTF-8 byte offset of the mention in the original text.
    pub start: usize,
    /// UTF-8 byte offset one past the mention's end (exclusive).
    pub end: usize,
    /// The line the mention is on, trimmed, for quoting. For a flattened
    /// line, the piece between two runs of spaces; never longer than
    /// [`MAX_QUOTE_BYTES`] (cut around the mention).
    pub text: String,
    /// The section the mention is in.
    pub section: ResumeSection,
}

/// A skill of a candidate, with every mention and the years of use.
#[derive(Debug, Clone, PartialEq)]
pub struct CandidateSkill {
    /// The skill.
    pub skill: SkillId,
    /// Years of use, to one decimal: the larger of the years stated next to
    /// the skill and the union of the dated roles that mention it or a more
    /// specific skill (a role using Next.js counts for React); `None` when
    /// there is neither.
    pub years: Option<f32>,
    /// Where `years` come from: the line stating them, or the dated roles
    /// whose union they are. `None` when `years` is, and for a candidate
    /// built by hand rather than parsed.
    pub years_from: Option<YearsFrom>,
    /// Whether every mention is in the Skills section (listed, never shown
    /// in use).
    pub skills_section_only: bool,
    /// Every mention, in text order.
    pub evidence: Vec<SkillEvidence>,
}

/// Where a skill's years come from, so a report can quote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YearsFrom {
    /// Stated beside a mention ("Backend engineer with six years …",
    /// "7+ years of Kubernetes") on this 1-based line, and more than the
    /// dated roles give.
    Stated {
        /// 1-based line of the statement.
        line: usize,
    },
    /// The union of these dated roles (indices into [`Candidate::roles`],
    /// in text order): those whose blocks mention the skill or a more
    /// specific one.
    Roles {
        /// Indices into [`Candidate::roles`].
        roles: Vec<usize>,
    },
}

/// A dated role (job, position) found in the experience section.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    /// The job title or the line that best describes the role, best effort.
    pub title: Option<String>,
    /// First month.
    pub start: YearMonth,
    /// Last month (inclusive); the `as_of` month for "Present".
    pub end: YearMonth,
    /// 1-based line of the date range.
    pub line: usize,
    /// The occupation the title names, if it names one surely enough: what
    /// role fit compares with a posting's.
    pub occupation: Option<Named>,
}

impl Role {
    /// Months in the role, counting both ends.
    pub fn months(&self) -> i32 {
        self.start.months_until(self.end) + 1
    }
}

/// What a résumé says about its candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The candidate's name, when the résumé clearly gives one.
    pub name: Option<String>,
    /// A stable id: the source as given, or the id a batch input assigns
    /// (a CSV `id` column, a file name). Ties in rankings break on it.
    pub id: String,
    /// Where the résumé came from (a path or a CSV row id), as given.
    pub source: String,
    /// Years of experience, to one decimal: the union of the dated roles,
    /// else the years a summary states ("8 years of experience"), else `None`.
    pub total_years: Option<f32>,
    /// The highest degree level named in the education section (or anywhere,
    /// next to education words, when there is no such section).
    pub education: Option<DegreeLevel>,
    /// Skills in first-mention order.
    pub skills: Vec<CandidateSkill>,
    /// Dated roles in text order.
    pub roles: Vec<Role>,
    /// The occupation a headline under the name states ("Associate
    /// Software Engineer"), when the résumé's header has one that is an
    /// occupation's label exactly.
    pub headline: Option<Named>,
    /// The unit groups the résumé reads as, from its headline's and
    /// roles' occupations and its words: what role fit compares
    /// ([`crate::occupation::profile`]).
    pub profile: OccupationProfile,
}

impl Candidate {
    /// The candidate's record of `skill`, if mentioned.
    pub fn skill(&self, skill: SkillId) -> Option<&CandidateSkill> {
        self.skills.iter().find(|s| s.skill == skill)
    }
}

/// Settings of résumé parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResumeOptions {
    /// The month "Present" means, and the latest month a role may end.
    /// Pass [`YearMonth::today`] for the real date, a fixed month for
    /// reproducible results.
    pub as_of: YearMonth,
}

/// Parses one résumé's text.
///
/// `source` is only copied into the result. Never fails: text with nothing
/// recognizable gives a candidate with no name, skills or roles.
///
/// ```
/// use skillmatch::extract::{resume::{parse_resume, ResumeOptions}, dates::YearMonth, Matcher};
/// use skillmatch::taxonomy::Taxonomy;
///
/// let taxonomy = Taxonomy::embedded()?;
/// let matcher = Matcher::new(&taxonomy)?;
/// let text = "Jane Doe\n\nEXPERIENCE\nBackend Engineer, Acme\nJan 2019 - Dec 2020\nBuilt services in Java.\n";
/// let options = ResumeOptions { as_of: YearMonth::new(2024, 6).unwrap() };
/// let candidate = parse_resume(&matcher, "jane.txt", text, &options);
/// assert_eq!(candidate.name.as_deref(), Some("Jane Doe"));
/// assert_eq!(candidate.total_years, Some(2.0));
/// let java = candidate.skill(taxonomy.get("java").unwrap()).unwrap();
/// assert_eq!(java.years, Some(2.0));
/// assert_eq!(java.evidence[0].text, "Built services in Java.");
/// # Ok::<(), skillmatch::Error>(())
/// ```
pub fn parse_resume(
    matcher: &Matcher<'_>,
    source: &str,
    text: &str,
    options: &ResumeOptions,
) -> Candidate {
    let as_of = options.as_of;
    let mut lines = logical_lines(text, as_of);
    let outline = assign_sections(&mut lines);
    let mentions = matcher.find(text);
    let line_of: Vec<Option<usize>> = mentions
        .iter()
        .map(|m| line_index(&lines, m.start))
        .collect();
    let on_line = mentions_per_line(&lines, &line_of);
    let found = find_roles(&lines, outline.has_experience, as_of);
    let stated = stated_years(text, &lines, &mentions, &on_line);
    let skills = collect_skills(
        matcher.taxonomy(),
        text,
        &lines,
        &mentions,
        &line_of,
        &found,
        &stated,
    );
    let total_years = total_years(&found.roles, stated.total);

    let roles = name_occupations(found.roles);
    let headline = headline_occupation(&lines, &roles);
    let profile = resume_profile(text, headline.as_ref(), &roles);
    Candidate {
        name: find_name(&lines, &mentions, &on_line),
        id: source.to_string(),
        source: source.to_string(),
        total_years,
        education: education_level(&lines, outline.has_education),
        skills,
        headline,
        roles,
        profile,
    }
}

/// The résumé's occupation profile: its headline's occupation, then its
/// roles' in résumé order, the first [`NAMED_PER_RESUME`] of them, with
/// the whole text's reading. A résumé has no title line to count
/// [`TITLE_REPEAT`](crate::occupation::vocabulary::TITLE_REPEAT) times:
/// its named occupations play that part.
fn resume_profile(text: &str, headline: Option<&Named>, roles: &[Role]) -> OccupationProfile {
    let Some(set) = Occupations::shared() else {
        return OccupationProfile::default();
    };
    let named = headline
        .into_iter()
        .chain(roles.iter().filter_map(|r| r.occupation.as_ref()))
        .take(NAMED_PER_RESUME);
    OccupationProfile::new(named, set.read_text("", text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::resume::fixture::{embedded_matcher, parse, ym, AS_OF};
    use std::collections::BTreeSet;

    #[test]
    fn the_occupation_a_resume_states_before_its_roles() {
        // (text, ISCO unit group of the headline, if any)
        let cases: &[(&str, Option<u16>)] = &[
            // A headline under the name.
            (
                "Meda Cronin\nAssociate Software Engineer\n\nSKILLS\nJava\n",
                Some(2512),
            ),
            // The same run into one flattened line.
            (
                "Meda Cronin Associate Software Engineer Bengaluru, Karnataka - Email me on Indeed",
                Some(2512),
            ),
            // A name and an address name no occupation.
            (
                "Joseph Cremin\nChandigarh, Chandigarh\n\nSKILLS\nJava\n",
                None,
            ),
            // One capitalised word alone is never a title.
            ("Manager of nothing in particular\n", None),
        ];
        for (text, isco) in cases {
            let candidate = parse_resume(
                embedded_matcher(),
                "cv.txt",
                text,
                &ResumeOptions { as_of: AS_OF },
            );
            assert_eq!(candidate.headline.as_ref().map(|n| n.isco), *isco, "{text}");
            if let Some(n) = &candidate.headline {
                assert_eq!(
                    n.line,
                    if text.contains('\n') && !text.starts_with("Meda Cronin Associate") {
                        2
                    } else {
                        1
                    },
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn java_backend_fixture() {
        let text = include_str!("../../../tests/data/resumes/java-backend.txt");
        let matcher = embedded_matcher();
        let taxonomy = matcher.taxonomy();
        let candidate = parse_resume(
            matcher,
            "java-backend.txt",
            text,
            &ResumeOptions { as_of: AS_OF },
        );
        assert_eq!(candidate.name.as_deref(), Some("Jordan A. Whitfield"));
        assert_eq!(candidate.source, "java-backend.txt");
        assert_eq!(candidate.education, Some(DegreeLevel::Bachelor));
        let roles: Vec<(YearMonth, YearMonth)> =
            candidate.roles.iter().map(|r| (r.start, r.end)).collect();
        assert_eq!(
            roles,
            [
                (ym(2020, 3), AS_OF),
                (ym(2019, 6), ym(2020, 12)),
                (ym(2015, 1), ym(2018, 12)),
            ]
        );
        let titles: Vec<Option<&str>> =
            candidate.roles.iter().map(|r| r.title.as_deref()).collect();
        assert_eq!(
            titles,
            [
                Some("Senior Backend Engineer, Northwind Commerce — Portland, OR"),
                Some("Backend Developer (contract), Harbor Analytics"),
                Some("Software Engineer, Cascade Payments"),
            ]
        );
        // Jan 2015–Dec 2018 (48) and Jun 2019–Jun 2024 (61): the two recent
        // roles overlap from March to December 2020.
        assert_eq!(candidate.total_years, Some(9.1));
        let skill = |id: &str| {
            let id = taxonomy
                .get(id)
                .unwrap_or_else(|| panic!("{id} in the default taxonomy"));
            candidate
                .skill(id)
                .unwrap_or_else(|| panic!("{} found", taxonomy.skill(id).id))
        };
        let cases = [
            ("java", Some(9.1), false),
            ("postgresql", Some(5.1), false),
            ("kubernetes", Some(4.3), false),
            ("aws", Some(4.3), false),
            ("docker", Some(1.6), false),
            ("python", Some(4.0), false),
            ("git", None, true),
        ];
        for (id, years, listed_only) in cases {
            assert_eq!(skill(id).years, years, "{id} years");
            assert_eq!(
                skill(id).skills_section_only,
                listed_only,
                "{id} listed only"
            );
        }
        let java = skill("java");
        assert_eq!(java.evidence[0].section, ResumeSection::Skills);
        assert_eq!(&text[java.evidence[0].start..java.evidence[0].end], "Java");
    }

    #[test]
    fn odd_inputs_give_empty_candidates() {
        let cases = [
            "",
            "\n\n\n",
            "\u{0}\u{1}\u{fffd}",
            "   ",
            "#",
            "2019-2020",
            "Skills:",
        ];
        for text in cases {
            let candidate = parse(text);
            assert_eq!(candidate.name, None, "{text:?}");
            assert!(candidate.skills.is_empty(), "{text:?}");
        }
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Fragments that exercise sections, dates, years and names.
        const FRAGMENTS: &[&str] = &[
            "SKILLS",
            "Experience",
            "## Projects",
            "Education",
            "Jane Doe",
            "Java",
            "Go",
            "Kubernetes",
            "Jan 2019 – Present",
            "2017-2020",
            "03/2018 - 06/2021",
            "3 years of",
            "(5 years)",
            "Since 2019",
            "BS",
            "Ph.D.",
            "é",
            "—",
            ":",
            "•",
            "  ",
            "\n",
            "\r\n",
            "'18",
            "\\xe2\\x80\\x93",
            "Name:",
            "#",
            "2019",
            "12+",
            "yrs",
        ];

        fn check(text: &str) {
            let matcher = embedded_matcher();
            let candidate = parse_resume(matcher, "p", text, &ResumeOptions { as_of: AS_OF });
            for skill in &candidate.skills {
                assert!(!skill.evidence.is_empty());
                assert!(skill.years.is_none_or(|y| (0.0..=100.0).contains(&y)));
                for e in &skill.evidence {
                    assert!(e.start < e.end && e.end <= text.len());
                    assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
                    assert!(e.line >= 1 && e.text.len() <= MAX_QUOTE_BYTES);
                }
            }
            for role in &candidate.roles {
                assert!(role.start <= role.end && role.end <= AS_OF);
            }
            let mut seen = BTreeSet::new();
            assert!(candidate.skills.iter().all(|s| seen.insert(s.skill)));
        }

        proptest! {
            #[test]
            fn never_panics_on_arbitrary_text(text in any::<String>()) {
                check(&text);
            }

            #[test]
            fn never_panics_on_resume_like_text(
                parts in proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..60),
                glue in proptest::collection::vec(proptest::sample::select(&[" ", "", "\n", "   ", ", "][..]), 60),
            ) {
                let text: String = parts
                    .iter()
                    .zip(&glue)
                    .flat_map(|(p, g)| [*p, *g])
                    .collect();
                check(&text);
            }
        }
    }
}
