//! Roles: where dated jobs and their titles are read.
//!
//! A date range ([`find_date_range`]) on a line of the Experience section
//! starts a [`Role`]; the role's *block* is that line, the heading lines
//! right above it ("Java Developer, Acme" / "Jan 2020 – Present") and the
//! lines after it, up to the next dated role or section header. A résumé
//! with no Experience section takes its roles from every section except
//! Skills, Education and Certifications.
//!
//! Invariants: roles are in text order; each line belongs to at most one
//! role's block; no role is longer than [`MAX_ROLE_MONTHS`] or ends after
//! the `as_of` month.

use std::ops::Range;

use super::lines::Line;
use super::{ResumeSection, Role};
use crate::extract::dates::{find_date_range, YearMonth};

/// Lines looked at before a role's date line for its title.
pub const TITLE_LOOKBACK_LINES: usize = 3;

/// Lines looked at after a role's date line for its title.
pub const TITLE_LOOKAHEAD_LINES: usize = 2;

/// Most lines scanned on each side of a date line for a title, separator
/// lines ("-") included.
const TITLE_SCAN_LINES: usize = 8;

/// Longest text, in bytes, taken as a role title.
pub const MAX_TITLE_BYTES: usize = 80;

/// The dated roles and, for each line, the role whose block holds it.
pub(super) struct Roles {
    /// The dated roles, in text order.
    pub(super) roles: Vec<Role>,
    /// For each logical line, the index of the role whose block holds it.
    pub(super) block_of_line: Vec<Option<usize>>,
    /// For each role, its heading: the logical lines above its dates that
    /// name it, and the date line itself.
    pub(super) headings: Vec<Range<usize>>,
}

pub(super) fn find_roles(lines: &[Line<'_>], has_experience: bool, as_of: YearMonth) -> Roles {
    let eligible = |section: ResumeSection| {
        if has_experience {
            section == ResumeSection::Experience
        } else {
            !matches!(
                section,
                ResumeSection::Skills | ResumeSection::Education | ResumeSection::Certifications
            )
        }
    };
    let mut roles = Vec::new();
    let mut block_of_line = vec![None; lines.len()];
    let mut current: Option<usize> = None;
    // How many heading lines the first role has above its dates.
    let mut template: Option<usize> = None;
    let mut headings = Vec::new();
    // Titles are not looked for before this line: the previous role's date
    // line or the section header.
    let mut floor = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.header || !eligible(line.section) {
            current = None;
            floor = i + 1;
            continue;
        }
        if let Some(range) = find_date_range(line.text, as_of) {
            if range.start.months_until(range.end) > MAX_ROLE_MONTHS {
                // "from 1962" in prose is not a 64-year role.
                current = None;
                block_of_line[i] = None;
                continue;
            }
            roles.push(Role {
                title: role_title(lines, i, range.span, floor, as_of),
                start: range.start,
                end: range.end,
                line: line.number,
                occupation: None,
            });
            let role = roles.len() - 1;
            // The job's heading sits above its dates ("Java Developer, Acme"
            // / "Jan 2020 – Present"): it belongs to this role, not the last.
            // A résumé lays out every job alike, and the first job shows
            // how many heading lines there are: with its title on the date
            // line, the unbulleted line above a later job's dates is the
            // last line of the job before.
            let most = template.unwrap_or(MAX_HEADING_LINES);
            let heading = heading_lines(lines, i, floor, as_of, most);
            template.get_or_insert(heading.len());
            headings.push(heading.start..i + 1);
            for j in heading {
                block_of_line[j] = Some(role);
            }
            current = Some(role);
            floor = i + 1;
        } else if find_date_range(line.text, FAR_FUTURE).is_some() {
            // A range this résumé's date rejects (it ends after `as_of`)
            // still ends the role before it: its lines are not that role's.
            current = None;
        }
        block_of_line[i] = current;
    }
    Roles {
        roles,
        block_of_line,
        headings,
    }
}

/// The byte spans (into the résumé's text) of role headings that name the
/// employer, the place or the dates rather than the job: a company called
/// "Loop Analytics" or "Tidewater Logistics" is not a skill of its staff.
///
/// A heading line is cut into pieces at separators (",", "|", "·", "@",
/// dashes, " at "); when the role's heading has a piece naming a job (a
/// [`TITLE_NOUNS`] word), every other piece of it is such a span. A
/// heading with no job word is left alone: there is no telling its title
/// from its company.
pub(super) fn employer_spans(lines: &[Line<'_>], found: &Roles) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    for heading in &found.headings {
        let pieces: Vec<(usize, Range<usize>)> = heading
            .clone()
            .flat_map(|i| {
                heading_pieces(lines[i].text)
                    .into_iter()
                    .map(move |p| (i, p))
            })
            .collect();
        let names_job = |(i, p): &(usize, Range<usize>)| has_title_noun(&lines[*i].text[p.clone()]);
        if !pieces.iter().any(names_job) {
            continue;
        }
        for piece in pieces.iter().filter(|p| !names_job(p)) {
            let line = &lines[piece.0];
            spans.push(line.start + piece.1.start..line.start + piece.1.end);
        }
    }
    spans
}

/// The pieces of a heading line between separators, as byte ranges.
fn heading_pieces(text: &str) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut from = 0;
    let mut cut = |at: usize, len: usize, pieces: &mut Vec<Range<usize>>| {
        if at > from {
            pieces.push(from..at);
        }
        from = at + len;
    };
    let lower = text.to_lowercase();
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let len = if matches!(c, ',' | '|' | '·' | '@' | '—' | '–' | ';') {
            c.len_utf8()
        } else if text[i..].starts_with(" - ")
            || (lower.len() == text.len() && lower[i..].starts_with(" at "))
        {
            3
        } else {
            0
        };
        if len > 0 {
            cut(i, len, &mut pieces);
            i += len;
        } else {
            i += c.len_utf8();
        }
    }
    cut(text.len(), 0, &mut pieces);
    pieces
}

/// Roles longer than this are a misread date ("port in India from 1962"),
/// not a job.
pub const MAX_ROLE_MONTHS: i32 = 45 * 12;

/// A date no résumé reaches, to recognise ranges rejected only for ending
/// after the `as_of` date.
const FAR_FUTURE: YearMonth = YearMonth {
    year: 9999,
    month: 12,
};

/// Most heading lines above a role's date line: a title and a company.
pub const MAX_HEADING_LINES: usize = 2;

/// The heading lines right above a role's date line, at most `most`: the
/// line directly above when it could be a title, and one more above it when
/// that one names a job ("Senior Engineer" / "Acme Corp" / "2019 – 2021").
fn heading_lines(
    lines: &[Line<'_>],
    i: usize,
    floor: usize,
    as_of: YearMonth,
    most: usize,
) -> Range<usize> {
    let heading = |l: &Line<'_>| {
        !l.header
            && !starts_with_bullet(l.text)
            && plausible_title(&clean_title(l.text))
            && find_date_range(l.text, as_of).is_none()
    };
    let mut from = i;
    if most >= 1 && from > floor && heading(&lines[from - 1]) {
        from -= 1;
        if most >= 2
            && from > floor
            && heading(&lines[from - 1])
            && has_title_noun(lines[from - 1].text)
        {
            from -= 1;
        }
    }
    from..i
}

/// Nouns that make a line look like a job title.
pub(super) const TITLE_NOUNS: &[&str] = &[
    "engineer",
    "developer",
    "manager",
    "consultant",
    "analyst",
    "architect",
    "lead",
    "intern",
    "director",
    "administrator",
    "designer",
    "scientist",
    "specialist",
    "officer",
    "executive",
    "associate",
    "assistant",
    "programmer",
    "tester",
    "editor",
    "head",
    "coordinator",
    "technician",
    "president",
    "founder",
    "cofounder",
    "owner",
    "supervisor",
    "trainee",
    "teacher",
    "professor",
    "lecturer",
    "researcher",
    "accountant",
    "representative",
    "advisor",
    "adviser",
    "attorney",
    "partner",
    "contractor",
    "freelancer",
    "writer",
    "instructor",
    "trainer",
    "auditor",
    "strategist",
    "expert",
    "cto",
    "ceo",
    "cfo",
    "coo",
    "cio",
    "vp",
    "sre",
    "recruiter",
    "producer",
    "nurse",
    "master",
    "devops",
    "clerk",
    "operator",
    "fellow",
    "member",
];

/// Whether `text` has a word of [`TITLE_NOUNS`], singular or plural.
pub(super) fn has_title_noun(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .any(|w| {
            let singular = w.strip_suffix('s').unwrap_or(&w);
            TITLE_NOUNS.contains(&w.as_str()) || TITLE_NOUNS.contains(&singular)
        })
}

/// Trims separators, bullets and empty brackets from a title candidate.
fn clean_title(text: &str) -> String {
    let collapsed = text
        .replace("()", " ")
        .replace("[]", " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    collapsed
        .trim_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '-' | '–'
                        | '—'
                        | '|'
                        | ','
                        | ':'
                        | ';'
                        | '('
                        | ')'
                        | '['
                        | ']'
                        | '@'
                        | '•'
                        | '·'
                        | '*'
                        | '"'
                )
        })
        .to_string()
}

fn plausible_title(title: &str) -> bool {
    title.len() <= MAX_TITLE_BYTES
        && title.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !title.ends_with('.')
}

fn starts_with_bullet(text: &str) -> bool {
    text.starts_with(['•', '·', '*', '-', '–', '▪', '►', '●', '◦', '○', '■', '>'])
        || text.starts_with("\\x")
}

/// The title of the role dated at line `i` (`span` is the date range in it):
/// a title-like text on the date line, else a title-like line among the
/// short lines right above or below it, else the rest of the date line,
/// else the nearest short line above. Lines above are looked at only up to
/// the previous role's description (a bullet or a sentence), and lines
/// below only up to the next description or date.
fn role_title(
    lines: &[Line<'_>],
    i: usize,
    span: Range<usize>,
    floor: usize,
    as_of: YearMonth,
) -> Option<String> {
    let line = lines[i].text;
    let rest = clean_title(&format!("{} {}", &line[..span.start], &line[span.end..]));
    if plausible_title(&rest) && has_title_noun(&rest) {
        return Some(rest);
    }
    let usable = |l: &Line<'_>| {
        let title = clean_title(l.text);
        (!l.header && !starts_with_bullet(l.text) && plausible_title(&title)).then_some(title)
    };
    // Lines of bare separators ("-") are skipped, not a stop.
    let blank = |l: &&Line<'_>| clean_title(l.text).is_empty();
    let before: Vec<String> = lines[floor.min(i)..i]
        .iter()
        .rev()
        .take(TITLE_SCAN_LINES)
        .filter(|l| !blank(l))
        .take(TITLE_LOOKBACK_LINES)
        .map_while(usable)
        .collect();
    let after: Vec<String> = lines[i + 1..]
        .iter()
        .take(TITLE_SCAN_LINES)
        .filter(|l| !blank(l))
        .take(TITLE_LOOKAHEAD_LINES)
        .take_while(|l| find_date_range(l.text, as_of).is_none())
        .map_while(usable)
        .collect();
    if let Some(title) = before.iter().chain(&after).find(|t| has_title_noun(t)) {
        return Some(title.clone());
    }
    if plausible_title(&rest) {
        return Some(rest);
    }
    before.into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::resume::fixture::{parse, ym, AS_OF};
    use crate::extract::resume::lines::logical_lines;
    use crate::extract::resume::sections::assign_sections;

    #[test]
    fn dated_roles_in_every_format() {
        let text = "\
EXPERIENCE
Staff Engineer, Acme | Jan 2022 – Present
Backend Developer
Globex
03/2018 - 06/2021
2015-2017 Software Engineer at Initech
Apr 2013 to Jul 2014
Intern
Volunteer Coordinator since 2012
EDUCATION
BS, 2008 - 2012
";
        let candidate = parse(text);
        let got: Vec<(Option<&str>, YearMonth, YearMonth, usize)> = candidate
            .roles
            .iter()
            .map(|r| (r.title.as_deref(), r.start, r.end, r.line))
            .collect();
        assert_eq!(
            got,
            [
                (Some("Staff Engineer, Acme"), ym(2022, 1), AS_OF, 2),
                (Some("Backend Developer"), ym(2018, 3), ym(2021, 6), 5),
                (
                    Some("Software Engineer at Initech"),
                    ym(2015, 1),
                    ym(2017, 12),
                    6
                ),
                (Some("Intern"), ym(2013, 4), ym(2014, 7), 7),
                (Some("Volunteer Coordinator"), ym(2012, 1), AS_OF, 9),
            ]
        );
        assert_eq!(candidate.roles[0].months(), 30);
    }

    #[test]
    fn a_heading_above_the_dates_belongs_to_its_own_role() {
        let text = "Experience\nPython Developer, Initech\nJan 2014 - Dec 2015\n- Built tools\nJava Developer, Acme Corp\nJan 2020 - Present\n- Built services\n";
        let as_of = YearMonth {
            year: 2026,
            month: 11,
        };
        let mut lines = logical_lines(text, as_of);
        let outline = assign_sections(&mut lines);
        let roles = find_roles(&lines, outline.has_experience, as_of);
        let role_of = |needle: &str| {
            let i = lines
                .iter()
                .position(|l| l.text.contains(needle))
                .expect("line exists");
            roles.block_of_line[i]
        };
        assert_eq!(role_of("Python Developer"), Some(0));
        assert_eq!(role_of("Built tools"), Some(0));
        assert_eq!(role_of("Java Developer"), Some(1));
        assert_eq!(role_of("Built services"), Some(1));
    }

    #[test]
    fn unbulleted_last_lines_stay_with_their_job() {
        // A plain-text résumé: titles on the date lines, no bullets. The
        // line above a job's dates is the last line of the job before.
        let text = "Work Experience\nSenior Backend Engineer, Fennick Pay, Mar 2022 - Present\nBuilt settlement APIs in Java\nMentoring three junior engineers\nBackend Engineer, Oberon Retail, Jan 2020 - Feb 2022\nRan order services on AWS\n";
        let as_of = YearMonth {
            year: 2026,
            month: 11,
        };
        let mut lines = logical_lines(text, as_of);
        let outline = assign_sections(&mut lines);
        let roles = find_roles(&lines, outline.has_experience, as_of);
        let role_of = |needle: &str| {
            let i = lines
                .iter()
                .position(|l| l.text.contains(needle))
                .expect("line exists");
            roles.block_of_line[i]
        };
        assert_eq!(role_of("Mentoring"), Some(0));
        assert_eq!(role_of("Oberon"), Some(1));
        assert_eq!(role_of("order services"), Some(1));
    }

    #[test]
    fn an_employer_named_like_a_skill_is_not_one() {
        // (case, résumé, skill, whether it is a skill of the candidate)
        let cases: &[(&str, &str, &str, bool)] = &[
            (
                "company after the title on the date line",
                "Experience\nData Engineer, Docker Labs, Jan 2020 - Dec 2021\n- Wrote Python jobs\n",
                "docker",
                false,
            ),
            (
                "company on its own heading line",
                "Experience\nPython Developer\nKubernetes Labs\nJan 2020 - Dec 2021\n- Wrote jobs\n",
                "kubernetes",
                false,
            ),
            (
                "the title's own skill stays",
                "Experience\nPython Developer\nKubernetes Labs\nJan 2020 - Dec 2021\n- Wrote jobs\n",
                "python",
                true,
            ),
            (
                "' at ' separates the employer",
                "Experience\nEngineer at Docker Labs, 2020 - 2021\n",
                "docker",
                false,
            ),
            (
                "a heading with no job word is left alone",
                "Experience\nKubernetes Labs\nJan 2020 - Dec 2021\n- Ran clusters\n",
                "kubernetes",
                true,
            ),
            (
                "the same word in the role's bullets still counts",
                "Experience\nData Engineer, Docker Labs, Jan 2020 - Dec 2021\n- Packaged services with Docker\n",
                "docker",
                true,
            ),
        ];
        for (name, text, skill, expected) in cases {
            let candidate = parse(text);
            let id = crate::extract::resume::fixture::tiny()
                .get(skill)
                .expect("in tiny");
            assert_eq!(candidate.skill(id).is_some(), *expected, "{name}");
        }
    }

    #[test]
    fn implausible_and_future_ranges_make_no_role_and_end_the_last() {
        let as_of = YearMonth {
            year: 2026,
            month: 11,
        };
        let text = "Experience\nDev, Acme\n2010 - 2012\n- Go\nPlanned role\nJun 2030 - Jan 2031\n- Haskell\nport in India from 1962\n";
        let mut lines = logical_lines(text, as_of);
        let outline = assign_sections(&mut lines);
        let roles = find_roles(&lines, outline.has_experience, as_of);
        assert_eq!(roles.roles.len(), 1);
        let i = lines
            .iter()
            .position(|l| l.text.contains("Haskell"))
            .expect("line exists");
        assert_eq!(roles.block_of_line[i], None);
    }

    #[test]
    fn role_titles_come_from_the_lines_around_the_date() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("on the date line", "Experience\nJava Developer, Acme — 2019 - 2020\n", Some("Java Developer, Acme")),
            ("title above the company", "Experience\nSALES ENGINEER\n\nCONCEPT SOLUTIONS\n-\nJanuary 2014 to November 2016\n", Some("SALES ENGINEER")),
            ("title below the date", "Experience\n2014-2016\nBay Systems\nBackend Developer\n", Some("Backend Developer")),
            ("no title word: the line above", "Experience\nAcme Corp\n2014-2016\n• Built things.\n", Some("Acme Corp")),
            ("the previous role's bullets are not titles", "Experience\nDev\n2010-2012\n• Led the QA Engineer guild.\n2013-2014\n", None),
        ];
        for (name, text, expected) in cases {
            let candidate = parse(text);
            let last = candidate.roles.last().map(|r| r.title.as_deref());
            assert_eq!(last, Some(*expected), "{name}");
        }
    }
}
