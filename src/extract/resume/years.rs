//! Years: how long a candidate used each skill, and in total.
//!
//! A skill's years are the larger of what the text states next to a
//! mention ("3 years of Go", "Java (5 years)", "Docker - 2 yrs", read by
//! the shared number lexer) and the months of the union of the roles whose
//! blocks mention it: overlapping roles are not counted twice. The total is
//! the union of all roles, else the largest "N years of experience" the
//! header or summary states.
//!
//! Invariants: years are rounded to one decimal; stated years are in
//! `(0, MAX_STATED_YEARS]`; a month is counted once however many roles
//! cover it.

use std::collections::BTreeSet;
use std::ops::Range;

use super::lines::Line;
use super::{ResumeSection, Role, YearsFrom};
use crate::extract::dates::YearMonth;
use crate::extract::numbers::{self, GluedYears};
use crate::extract::Mention;

/// Largest stated number of years believed ("50 years of Java" is not).
pub const MAX_STATED_YEARS: f32 = 50.0;

/// Most bytes between a skill and the years stated after it ("Java (5 years)").
pub const YEARS_AFTER_SKILL_MAX_GAP: usize = 12;

/// Most bytes between stated years and the skill after them
/// ("5 years of professional experience in Java").
pub const YEARS_BEFORE_SKILL_MAX_GAP: usize = 60;

/// Most filler words between stated years and "experience" for the total
/// ("10+ years of professional software experience").
pub const TOTAL_PHRASE_MAX_FILLERS: usize = 4;

/// Résumés read a year unit glued to its number: "3+years of Java" and
/// "4yrs" (typed in haste, or glued by a converter) still state years.
const RESUME_GLUED_YEARS: GluedYears = GluedYears::Read;

/// A skill's years, to one decimal, and where they come from: the larger
/// of the years `stated` beside it (with the 1-based line that states
/// them) and the union of its `roles` (indices into `all`); `None` with
/// neither. A tie goes to the roles, whose dates a reader can check.
pub(super) fn skill_years(
    stated: Option<(f32, usize)>,
    all: &[Role],
    roles: &BTreeSet<usize>,
) -> Option<(f32, YearsFrom)> {
    let from_roles = (!roles.is_empty()).then(|| {
        (
            years_of_months(union_months(
                roles.iter().map(|&r| (all[r].start, all[r].end)),
            )),
            YearsFrom::Roles {
                roles: roles.iter().copied().collect(),
            },
        )
    });
    let from_statement =
        stated.map(|(years, line)| (round_tenth(years), YearsFrom::Stated { line }));
    match (from_statement, from_roles) {
        (Some(s), Some(r)) => Some(if s.0 > r.0 { s } else { r }),
        (s, r) => s.or(r),
    }
}

/// The candidate's years of experience: the union of all `roles`, else the
/// total the summary states, else `None`.
pub(super) fn total_years(roles: &[Role], stated_total: Option<f32>) -> Option<f32> {
    if roles.is_empty() {
        stated_total.map(round_tenth)
    } else {
        Some(years_of_months(union_months(
            roles.iter().map(|r| (r.start, r.end)),
        )))
    }
}

/// Months covered by the union of inclusive month intervals.
fn union_months(intervals: impl Iterator<Item = (YearMonth, YearMonth)>) -> i64 {
    let mut spans: Vec<(i64, i64)> = intervals.map(|(s, e)| (s.index(), e.index())).collect();
    spans.sort_unstable();
    let mut total = 0;
    let mut current: Option<(i64, i64)> = None;
    for (start, end) in spans {
        current = match current {
            Some((s, e)) if start <= e + 1 => Some((s, e.max(end))),
            Some((s, e)) => {
                total += e - s + 1;
                Some((start, end))
            }
            None => Some((start, end)),
        };
    }
    if let Some((s, e)) = current {
        total += e - s + 1;
    }
    total
}

fn years_of_months(months: i64) -> f32 {
    round_tenth(months as f32 / 12.0)
}

fn round_tenth(years: f32) -> f32 {
    (years * 10.0).round() / 10.0
}

/// A stated duration in a line: "5 years", "3+ yrs", "six months".
#[derive(Debug, Clone, Copy, PartialEq)]
struct StatedYears {
    /// Byte span in the line.
    start: usize,
    end: usize,
    years: f32,
}

/// Every stated duration in `line`.
fn stated_durations(line: &str) -> Vec<StatedYears> {
    let mut out = Vec::new();
    let mut p = 0;
    while p < line.len() {
        let starts_token = line.as_bytes()[p].is_ascii_alphanumeric()
            && !line[..p]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
        if starts_token {
            if let Some(found) = duration_at(line, p) {
                out.push(found);
                p = found.end;
                continue;
            }
        }
        p += line[p..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// The duration starting at byte `p`, a token start: a tight duration of
/// the shared lexer ("5 years", "3+ yrs", "5years", "six months"), unless
/// it is a ceiling ("less than 1 year") or more years than believed.
fn duration_at(line: &str, p: usize) -> Option<StatedYears> {
    let found = numbers::duration_at(line, p, RESUME_GLUED_YEARS)?;
    let before = tail(&line[..p], LOOKBEHIND_BYTES)
        .trim_end()
        .to_ascii_lowercase();
    if ["less than", "under", "fewer than", "<"]
        .iter()
        .any(|w| before.ends_with(w))
    {
        return None;
    }
    let years = found.years();
    (years > 0.0 && years <= MAX_STATED_YEARS).then_some(StatedYears {
        start: p,
        end: found.end,
        years,
    })
}

/// Bytes looked at before a number or duration for words that qualify it
/// ("less than", "Total experience:").
const LOOKBEHIND_BYTES: usize = 40;

/// The last `max` bytes of `text` at most, starting on a character boundary.
fn tail(text: &str, max: usize) -> &str {
    let mut start = text.len().saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// Words allowed between stated years and the skill they are about
/// ("5 years of professional experience in Java").
const YEARS_TO_SKILL_WORDS: &[&str] = &[
    "of",
    "in",
    "with",
    "on",
    "using",
    "as",
    "a",
    "an",
    "the",
    "experience",
    "experienced",
    "exp",
    "professional",
    "commercial",
    "industry",
    "industrial",
    "production",
    "relevant",
    "hands",
    "solid",
    "strong",
    "extensive",
    "deep",
    "working",
    "work",
    "development",
    "developing",
    "programming",
    "coding",
    "software",
    "it",
    "total",
    "overall",
    "plus",
];

/// Words allowed between a skill and the years stated after it ("Java (for 5 years)").
const SKILL_TO_YEARS_WORDS: &[&str] = &[
    "for",
    "approx",
    "approximately",
    "about",
    "over",
    "around",
    "with",
    "total",
];

/// Words joining list members that share stated years ("5 years of Java and Kotlin").
const LIST_JOINERS: &[&str] = &["and", "or", "as", "well"];

/// Words allowed between stated years and "experience" in a total.
const TOTAL_FILLERS: &[&str] = &[
    "of",
    "total",
    "overall",
    "professional",
    "it",
    "industry",
    "industrial",
    "work",
    "working",
    "relevant",
    "hands",
    "on",
    "rich",
    "extensive",
    "software",
    "technical",
    "combined",
    "progressive",
    "commercial",
    "plus",
    "a",
    "the",
];

/// Whether `gap` has only the given words, split at whitespace and `separators`.
fn only_words(gap: &str, separators: &[char], words: &[&str]) -> bool {
    gap.split(|c: char| c.is_whitespace() || separators.contains(&c))
        .filter(|w| !w.is_empty())
        .all(|w| words.contains(&w.to_lowercase().as_str()))
}

/// Years stated in the text: per mention, and in total.
pub(super) struct Stated {
    /// The years stated for each mention (by mention index).
    pub(super) per_mention: Vec<Option<f32>>,
    /// The largest "N years of experience" in the header or summary.
    pub(super) total: Option<f32>,
}

pub(super) fn stated_years(
    text: &str,
    lines: &[Line<'_>],
    mentions: &[Mention],
    on_line: &[Range<usize>],
) -> Stated {
    let mut stated = Stated {
        per_mention: vec![None; mentions.len()],
        total: None,
    };
    for (li, line) in lines.iter().enumerate() {
        let here = on_line[li].clone();
        let summary = matches!(line.section, ResumeSection::Header | ResumeSection::Summary);
        if here.is_empty() && !summary {
            continue;
        }
        for found in stated_durations(line.text) {
            if summary && is_total(line.text, found) {
                stated.total = Some(
                    stated
                        .total
                        .map_or(found.years, |t: f32| t.max(found.years)),
                );
            }
            let start = line.start + found.start;
            let end = line.start + found.end;
            // Forward: "3 years of Go", "5+ years experience with Java and Kotlin".
            let mut forward = false;
            let mut previous_end = end;
            let mut first = true;
            let after = here.start + mentions[here.clone()].partition_point(|m| m.start < end);
            let slots = &mut stated.per_mention[after..here.end];
            for (m, slot) in mentions[after..here.end].iter().zip(slots) {
                let gap = &text[previous_end..m.start];
                let joined = if first {
                    gap.len() <= YEARS_BEFORE_SKILL_MAX_GAP
                        && only_words(gap, &['-', ':', '\'', '’', '('], YEARS_TO_SKILL_WORDS)
                } else {
                    gap.len() <= YEARS_AFTER_SKILL_MAX_GAP
                        && only_words(gap, &[',', '/', '&', ';', '+', '|'], LIST_JOINERS)
                };
                if !joined {
                    break;
                }
                set_max(slot, found.years);
                forward = true;
                first = false;
                previous_end = m.end;
            }
            if forward {
                continue;
            }
            // "3 years in sales" is about what follows, not the skill before;
            // but "Backend engineer with six years of building payment
            // services" states the engineer's years.
            let about_what_follows = followed_by(line.text, found.end, &["of", "in"]);
            // Backward: "Java (5 years)", "Docker - 2 yrs", "Linux: 13 years".
            // Mentions on a line are in text order and do not overlap.
            let before = here.start + mentions[here.clone()].partition_point(|m| m.end <= start);
            if let Some(k) = before.checked_sub(1).filter(|&k| k >= here.start) {
                let gap = &text[mentions[k].end..start];
                if about_what_follows {
                    if title_with(gap) {
                        set_max(&mut stated.per_mention[k], found.years);
                    }
                    continue;
                }
                if gap.len() <= YEARS_AFTER_SKILL_MAX_GAP
                    && only_words(
                        gap,
                        &['(', '-', '–', '—', ':', ',', '=', '[', '~'],
                        SKILL_TO_YEARS_WORDS,
                    )
                {
                    set_max(&mut stated.per_mention[k], found.years);
                }
            }
        }
    }
    stated
}

fn set_max(slot: &mut Option<f32>, years: f32) {
    *slot = Some(slot.map_or(years, |y| y.max(years)));
}

/// Whether the words between a skill and "N years of …" make the skill a
/// person's trade: "with" ("Kubernetes with six years of …"), or a job
/// noun and "with" ("Backend engineer with six years of building …").
fn title_with(gap: &str) -> bool {
    let words: Vec<String> = gap.split_whitespace().map(str::to_lowercase).collect();
    match words.as_slice() {
        [with] => with == "with",
        [noun, with] => with == "with" && super::roles::has_title_noun(noun),
        _ => false,
    }
}

/// Whether the first word after byte `p` of `line` is one of `words`.
fn followed_by(line: &str, p: usize, words: &[&str]) -> bool {
    line[p..]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .is_some_and(|w| words.contains(&w.to_lowercase().as_str()))
}

/// Whether a stated duration is the candidate's total experience: "8 years
/// of experience", "10+ years of professional experience", "Total
/// experience: 6 years".
fn is_total(line: &str, found: StatedYears) -> bool {
    let after = line[found.end..]
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '\'' | '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches(['.', ',', ';', ')']).to_lowercase());
    for (i, word) in after.enumerate() {
        if matches!(word.as_str(), "experience" | "experiences" | "exp") {
            return true;
        }
        if i >= TOTAL_PHRASE_MAX_FILLERS || !TOTAL_FILLERS.contains(&word.as_str()) {
            break;
        }
    }
    let before = tail(&line[..found.start], LOOKBEHIND_BYTES)
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '='))
        .to_lowercase();
    before.ends_with("experience") || before.ends_with("exp")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::resume::fixture::{parse, years_of, ym};

    #[test]
    fn skill_years_take_the_union_of_overlapping_roles() {
        let text = "\
Work Experience
Senior Engineer, Foo
Jan 2018 - Dec 2019
Built services in Java and Go.
Consultant, Bar
Jun 2019 - Dec 2020
Java migrations; Docker.
Developer, Baz
2010 - 2011
Python tooling.
Skills
Java, Git
";
        let candidate = parse(text);
        let cases = [
            // Jan 2018–Dec 2020 once, not 24 + 19 months.
            ("java in two overlapping roles", "java", Some(3.0)),
            ("go in one role", "go", Some(2.0)),
            ("docker in the second role", "docker", Some(1.6)),
            ("python in a year-only role", "python", Some(2.0)),
            ("git only listed", "git", None),
        ];
        for (name, id, expected) in cases {
            assert_eq!(years_of(&candidate, id), expected, "{name}");
        }
        // 2010–2011 (24) + Jan 2018–Dec 2020 (36).
        assert_eq!(candidate.total_years, Some(5.0));
    }

    #[test]
    fn a_general_skill_counts_the_roles_of_its_specific_forms() {
        let text = "\
Experience
Engineer, Foo
Jan 2016 - Dec 2017
Tuned PostgreSQL.
Engineer, Bar
Jan 2020 - Dec 2020
Wrote SQL reports.
";
        let candidate = parse(text);
        // SQL: its own role (12 months) and PostgreSQL's (24); PostgreSQL
        // keeps only its own.
        assert_eq!(years_of(&candidate, "sql"), Some(3.0));
        assert_eq!(years_of(&candidate, "postgresql"), Some(2.0));
    }

    #[test]
    fn stated_years_count_for_the_skill_they_name() {
        let cases: &[(&str, &str, &str, Option<f32>)] = &[
            ("years of", "3 years of Go", "go", Some(3.0)),
            (
                "plus years experience with",
                "5+ years experience with Kubernetes",
                "kubernetes",
                Some(5.0),
            ),
            (
                "long filler",
                "4 years of professional software development experience in Java",
                "java",
                Some(4.0),
            ),
            (
                "list after years",
                "6 years of Java and Kotlin",
                "kotlin",
                Some(6.0),
            ),
            (
                "parenthesized after",
                "Java (13 years), Python",
                "java",
                Some(13.0),
            ),
            (
                "not the list neighbour",
                "Java (13 years), Python",
                "python",
                None,
            ),
            ("dash yrs", "Docker - 2 yrs", "docker", Some(2.0)),
            ("colon", "PostgreSQL: 7 years", "postgresql", Some(7.0)),
            ("decimal", "2.5 years of Go", "go", Some(2.5)),
            ("number word", "two years of Python", "python", Some(2.0)),
            ("glued unit", "4yrs of Go", "go", Some(4.0)),
            ("months", "18 months of Go", "go", Some(1.5)),
            ("less than", "Git (Less than 1 year)", "git", None),
            ("unrelated years", "Go, and 3 years in sales", "go", None),
            (
                "a title with its years",
                "Kubernetes engineer with six years of keeping clusters up",
                "kubernetes",
                Some(6.0),
            ),
            (
                "years of something else after a skill",
                "Go, 3 years of sales",
                "go",
                None,
            ),
            ("implausible", "99 years of Java", "java", None),
            ("no years", "Go developer", "go", None),
        ];
        for (name, line, id, expected) in cases {
            let text = format!("Summary\n{line}\n");
            assert_eq!(years_of(&parse(&text), id), *expected, "{name}: {line:?}");
        }
    }

    #[test]
    fn stated_years_and_roles_take_the_larger() {
        let text = "Summary\n10 years of Java\nExperience\nDev\nJan 2020 - Dec 2020\nJava, Go\n";
        let candidate = parse(text);
        assert_eq!(years_of(&candidate, "java"), Some(10.0));
        assert_eq!(years_of(&candidate, "go"), Some(1.0));
        // Each figure says where it comes from: the statement's line, or
        // the roles whose union it is.
        let from = |id: &str| {
            let skill = crate::extract::resume::fixture::tiny()
                .get(id)
                .expect("in tiny");
            candidate.skill(skill).and_then(|s| s.years_from.clone())
        };
        assert_eq!(from("java"), Some(YearsFrom::Stated { line: 2 }));
        assert_eq!(from("go"), Some(YearsFrom::Roles { roles: vec![0] }));
    }

    #[test]
    fn total_years_from_roles_else_stated_else_none() {
        let cases: &[(&str, &str, Option<f32>)] = &[
            (
                "roles",
                "Experience\nDev\nJan 2019 - Jun 2020\nOps\n2021 - 2022\n",
                Some(3.5),
            ),
            (
                "stated in summary",
                "Jane Doe\nSummary\n8+ years of professional experience building APIs\n",
                Some(8.0),
            ),
            (
                "total experience label",
                "Jane Doe\nTotal Experience: 6.5 years\n",
                Some(6.5),
            ),
            (
                "stated in header",
                "Jane Doe\n4 years of experience in sales\nSkills\nGo",
                Some(4.0),
            ),
            (
                "stated outside summary is not total",
                "Skills\n8 years of experience\n",
                None,
            ),
            (
                "years of a skill are not total",
                "Summary\n3 years of Go\n",
                None,
            ),
            (
                "roles win over stated",
                "Summary\n12 years of experience\nExperience\nDev\n2020 - 2021\n",
                Some(2.0),
            ),
            ("nothing", "Jane Doe\nSkills\nJava\n", None),
        ];
        for (name, text, expected) in cases {
            assert_eq!(parse(text).total_years, *expected, "{name}");
        }
    }

    #[test]
    fn union_counts_each_month_once() {
        type Case<'a> = (&'a str, &'a [(YearMonth, YearMonth)], i64);
        let cases: &[Case<'_>] = &[
            ("none", &[], 0),
            ("one", &[(ym(2019, 1), ym(2019, 12))], 12),
            (
                "overlap",
                &[(ym(2019, 1), ym(2019, 12)), (ym(2019, 6), ym(2020, 5))],
                17,
            ),
            (
                "contained",
                &[(ym(2015, 1), ym(2020, 12)), (ym(2016, 1), ym(2016, 2))],
                72,
            ),
            (
                "disjoint",
                &[(ym(2010, 1), ym(2010, 1)), (ym(2012, 1), ym(2012, 3))],
                4,
            ),
            (
                "adjacent",
                &[(ym(2019, 1), ym(2019, 6)), (ym(2019, 7), ym(2019, 12))],
                12,
            ),
        ];
        for (name, intervals, expected) in cases {
            assert_eq!(union_months(intervals.iter().copied()), *expected, "{name}");
        }
    }
}
