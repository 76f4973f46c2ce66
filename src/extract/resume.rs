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
//! 3. A date range ([`find_date_range`]) on a line of the Experience section
//!    starts a [`Role`]; the role's *block* is that line and the lines after
//!    it, up to the next dated role or section header. A résumé with no
//!    Experience section takes its roles from every section except Skills,
//!    Education and Certifications.
//! 4. Every skill mention the [`Matcher`] finds becomes evidence. A skill's
//!    years are the larger of what the text states on the mention's line
//!    ("3 years of Go", "Java (5 years)") and the months of the union of the
//!    roles whose blocks mention it: overlapping roles are not counted twice.
//!
//! Invariants: output order follows the text (skills in first-mention
//! order, evidence and roles in text order), never a hash order; evidence
//! spans are the matcher's byte spans into the original text; the same
//! text, taxonomy and `as_of` always give the same candidate; no input
//! makes the parser panic.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use serde::Serialize;

use super::dates::{find_date_range, find_date_ranges, YearMonth};
use super::posting::NUMBER_WORDS;
use super::{degree_levels, DegreeLevel, Matcher, Mention};
use crate::taxonomy::SkillId;

/// Longest line, in bytes, that can be a section header.
pub const MAX_HEADER_BYTES: usize = 60;

/// Most words a section header may have ("Technical Skills & Tools").
pub const MAX_HEADER_WORDS: usize = 5;

/// Lines longer than this (in bytes) are treated as several lines flattened
/// into one and are cut at runs of spaces. Hard-wrapped résumés stay far
/// below it.
pub const FLATTENED_LINE_MIN_BYTES: usize = 200;

/// Fewest consecutive spaces that mark a lost line break in a flattened line.
pub const SEGMENT_GAP_MIN_SPACES: usize = 2;

/// How many non-empty lines at the top of the header are searched for a name.
pub const NAME_SEARCH_LINES: usize = 4;

/// Fewest words in a name found without a "Name:" label.
pub const NAME_MIN_WORDS: usize = 2;

/// Most words in a name.
pub const NAME_MAX_WORDS: usize = 4;

/// How many lines from the top are searched for a "Name: …" line.
pub const NAME_LABEL_SEARCH_LINES: usize = 40;

/// Lines looked at before a role's date line for its title.
pub const TITLE_LOOKBACK_LINES: usize = 3;

/// Lines looked at after a role's date line for its title.
pub const TITLE_LOOKAHEAD_LINES: usize = 2;

/// Most lines scanned on each side of a date line for a title, separator
/// lines ("-") included.
const TITLE_SCAN_LINES: usize = 8;

/// Longest text, in bytes, taken as a role title.
pub const MAX_TITLE_BYTES: usize = 80;

/// Longest evidence quote, in bytes: longer lines are quoted around the mention.
pub const MAX_QUOTE_BYTES: usize = 300;

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
    /// Whether every mention is in the Skills section (listed, never shown
    /// in use).
    pub skills_section_only: bool,
    /// Every mention, in text order.
    pub evidence: Vec<SkillEvidence>,
}

/// A dated role (job, position) found in the experience section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// The job title or the line that best describes the role, best effort.
    pub title: Option<String>,
    /// First month.
    pub start: YearMonth,
    /// Last month (inclusive); the `as_of` month for "Present".
    pub end: YearMonth,
    /// 1-based line of the date range.
    pub line: usize,
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

    let mut slots: BTreeMap<SkillId, usize> = BTreeMap::new();
    let mut skills: Vec<CandidateSkill> = Vec::new();
    let mut role_sets: Vec<BTreeSet<usize>> = Vec::new();
    let mut stated_max: Vec<Option<f32>> = Vec::new();
    for (k, mention) in mentions.iter().enumerate() {
        let Some(li) = line_of[k] else {
            continue;
        };
        let line = &lines[li];
        // "CERTIFICATIONS" names a section, not the skill "Professional
        // Certification"; a Markdown heading of free words ("## Spark
        // pipelines") still counts.
        if line.header && classify_heading(line.text.trim().trim_matches(is_decoration)).is_some() {
            continue;
        }
        let slot = *slots.entry(mention.skill).or_insert_with(|| {
            skills.push(CandidateSkill {
                skill: mention.skill,
                years: None,
                skills_section_only: true,
                evidence: Vec::new(),
            });
            role_sets.push(BTreeSet::new());
            stated_max.push(None);
            skills.len() - 1
        });
        skills[slot].evidence.push(SkillEvidence {
            line: mention.line,
            start: mention.start,
            end: mention.end,
            text: quote(text, line, mention),
            section: line.section,
        });
        if let Some(role) = found.block_of_line[li] {
            role_sets[slot].insert(role);
        }
        if let Some(years) = stated.per_mention[k] {
            stated_max[slot] = Some(stated_max[slot].map_or(years, |y: f32| y.max(years)));
        }
    }
    // A role that uses a more specific skill uses the general one too:
    // Next.js work is React work, PySpark work is Spark work.
    let taxonomy = matcher.taxonomy();
    let own_roles = role_sets.clone();
    for (slot, general) in skills.iter().enumerate() {
        for (other, specific) in skills.iter().enumerate() {
            if other != slot && taxonomy.is_a(specific.skill, general.skill) {
                role_sets[slot].extend(own_roles[other].iter().copied());
            }
        }
    }
    for (slot, skill) in skills.iter_mut().enumerate() {
        skill.skills_section_only = skill
            .evidence
            .iter()
            .all(|e| e.section == ResumeSection::Skills);
        let from_roles = (!role_sets[slot].is_empty()).then(|| {
            years_of_months(union_months(
                role_sets[slot]
                    .iter()
                    .map(|&r| (found.roles[r].start, found.roles[r].end)),
            ))
        });
        skill.years = match (stated_max[slot], from_roles) {
            (Some(a), Some(b)) => Some(round_tenth(a.max(b))),
            (a, b) => a.or(b).map(round_tenth),
        };
    }

    let total_years = if found.roles.is_empty() {
        stated.total.map(round_tenth)
    } else {
        Some(years_of_months(union_months(
            found.roles.iter().map(|r| (r.start, r.end)),
        )))
    };

    Candidate {
        name: find_name(&lines, &mentions, &on_line),
        id: source.to_string(),
        source: source.to_string(),
        total_years,
        education: education_level(&lines, outline.has_education),
        skills,
        roles: found.roles,
    }
}

/// One logical line: a physical line, or a piece of a flattened one.
#[derive(Debug, Clone)]
struct Line<'t> {
    /// Byte offset of `text` in the résumé.
    start: usize,
    /// Byte offset one past the end of `text`.
    end: usize,
    /// 1-based physical line.
    number: usize,
    /// The line, trimmed; never empty.
    text: &'t str,
    section: ResumeSection,
    /// Whether the line is a section header.
    header: bool,
}

/// The non-empty logical lines of `text`.
fn logical_lines(text: &str, as_of: YearMonth) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut push = |start: usize, end: usize, number: usize| {
        let piece = &text[start..end];
        let trimmed = piece.trim();
        if trimmed.is_empty() {
            return;
        }
        let offset = start + (piece.len() - piece.trim_start().len());
        lines.push(Line {
            start: offset,
            end: offset + trimmed.len(),
            number,
            text: trimmed,
            section: ResumeSection::Header,
            header: false,
        });
    };
    let mut start = 0;
    for (i, raw) in text.split('\n').enumerate() {
        if raw.len() > FLATTENED_LINE_MIN_BYTES {
            for piece in segments(raw, as_of) {
                push(start + piece.start, start + piece.end, i + 1);
            }
        } else {
            push(start, start + raw.len(), i + 1);
        }
        start += raw.len() + 1;
    }
    lines
}

/// Pieces of a flattened line between runs of [`SEGMENT_GAP_MIN_SPACES`]
/// spaces, never cutting inside a date range.
fn segments(line: &str, as_of: YearMonth) -> Vec<Range<usize>> {
    let protected: Vec<Range<usize>> = find_date_ranges(line, as_of)
        .into_iter()
        .map(|r| r.span)
        .collect();
    let mut next_protected = 0;
    let mut out = Vec::new();
    let mut piece_start = 0;
    let mut run_start = 0;
    let mut run = 0;
    for (i, c) in line.char_indices() {
        if matches!(c, ' ' | '\t' | '\u{00A0}') {
            if run == 0 {
                run_start = i;
            }
            run += 1;
            continue;
        }
        if run >= SEGMENT_GAP_MIN_SPACES {
            while protected
                .get(next_protected)
                .is_some_and(|r| r.end <= run_start)
            {
                next_protected += 1;
            }
            let inside = protected
                .get(next_protected)
                .is_some_and(|r| r.start < run_start);
            if !inside {
                out.push(piece_start..run_start);
                piece_start = i;
            }
        }
        run = 0;
    }
    out.push(piece_start..line.len());
    out
}

/// What the section pass learned about the résumé's layout.
struct Outline {
    has_experience: bool,
    has_education: bool,
}

/// Gives every line its section, marking header lines.
fn assign_sections(lines: &mut [Line<'_>]) -> Outline {
    let mut current = ResumeSection::Header;
    let mut outline = Outline {
        has_experience: false,
        has_education: false,
    };
    for line in lines.iter_mut() {
        if let Some(section) = header_section(line.text, current) {
            current = section;
            line.header = true;
            outline.has_experience |= section == ResumeSection::Experience;
            outline.has_education |= section == ResumeSection::Education;
            line.section = section;
            continue;
        }
        line.section = current;
        // "Technical Skills: Java, Go" outside any section is a one-line
        // skills section; inside a role ("Tools: Jira") it stays experience.
        if matches!(
            current,
            ResumeSection::Header | ResumeSection::Summary | ResumeSection::Other
        ) && inline_label(line.text) == Some(ResumeSection::Skills)
        {
            line.section = ResumeSection::Skills;
        }
    }
    outline
}

/// Words that name a section: (word, section, weak). Weak words
/// ("Technologies", "Tools") name a section only outside experience and
/// projects, where they head a role's tool list instead.
const SECTION_WORDS: &[(&str, ResumeSection, bool)] = &[
    ("summary", ResumeSection::Summary, false),
    ("profile", ResumeSection::Summary, false),
    ("objective", ResumeSection::Summary, false),
    ("objectives", ResumeSection::Summary, false),
    ("overview", ResumeSection::Summary, false),
    ("about", ResumeSection::Summary, false),
    ("highlights", ResumeSection::Summary, false),
    ("introduction", ResumeSection::Summary, false),
    ("synopsis", ResumeSection::Summary, false),
    ("qualifications", ResumeSection::Summary, false),
    ("qualification", ResumeSection::Summary, false),
    ("skills", ResumeSection::Skills, false),
    ("skill", ResumeSection::Skills, false),
    ("competencies", ResumeSection::Skills, false),
    ("competency", ResumeSection::Skills, false),
    ("competences", ResumeSection::Skills, false),
    ("expertise", ResumeSection::Skills, false),
    ("proficiency", ResumeSection::Skills, false),
    ("proficiencies", ResumeSection::Skills, false),
    ("strengths", ResumeSection::Skills, false),
    ("abilities", ResumeSection::Skills, false),
    ("capabilities", ResumeSection::Skills, false),
    ("technologies", ResumeSection::Skills, true),
    ("technology", ResumeSection::Skills, true),
    ("tools", ResumeSection::Skills, true),
    ("stack", ResumeSection::Skills, true),
    ("languages", ResumeSection::Skills, true),
    ("toolbox", ResumeSection::Skills, true),
    ("toolkit", ResumeSection::Skills, true),
    ("knowledge", ResumeSection::Skills, true),
    ("environment", ResumeSection::Skills, true),
    ("experience", ResumeSection::Experience, false),
    ("experiences", ResumeSection::Experience, false),
    ("employment", ResumeSection::Experience, false),
    ("history", ResumeSection::Experience, false),
    ("positions", ResumeSection::Experience, false),
    ("internships", ResumeSection::Experience, false),
    ("internship", ResumeSection::Experience, false),
    ("background", ResumeSection::Experience, false),
    ("project", ResumeSection::Projects, false),
    ("projects", ResumeSection::Projects, false),
    ("portfolio", ResumeSection::Projects, false),
    ("education", ResumeSection::Education, false),
    ("educational", ResumeSection::Education, false),
    ("academic", ResumeSection::Education, false),
    ("academics", ResumeSection::Education, false),
    ("degrees", ResumeSection::Education, false),
    ("schooling", ResumeSection::Education, false),
    ("coursework", ResumeSection::Education, false),
    ("certifications", ResumeSection::Certifications, false),
    ("certification", ResumeSection::Certifications, false),
    ("certificates", ResumeSection::Certifications, false),
    ("certificate", ResumeSection::Certifications, false),
    ("licenses", ResumeSection::Certifications, false),
    ("license", ResumeSection::Certifications, false),
    ("licences", ResumeSection::Certifications, false),
    ("licence", ResumeSection::Certifications, false),
    ("credentials", ResumeSection::Certifications, false),
    ("accreditations", ResumeSection::Certifications, false),
    ("courses", ResumeSection::Certifications, false),
    ("information", ResumeSection::Other, false),
    ("info", ResumeSection::Other, false),
    ("links", ResumeSection::Other, false),
    ("awards", ResumeSection::Other, false),
    ("honors", ResumeSection::Other, false),
    ("honours", ResumeSection::Other, false),
    ("achievements", ResumeSection::Other, false),
    ("accomplishments", ResumeSection::Other, false),
    ("publications", ResumeSection::Other, false),
    ("patents", ResumeSection::Other, false),
    ("interests", ResumeSection::Other, false),
    ("hobbies", ResumeSection::Other, false),
    ("references", ResumeSection::Other, false),
    ("referees", ResumeSection::Other, false),
    ("declaration", ResumeSection::Other, false),
    ("activities", ResumeSection::Other, false),
    ("volunteer", ResumeSection::Other, false),
    ("volunteering", ResumeSection::Other, false),
    ("affiliations", ResumeSection::Other, false),
    ("memberships", ResumeSection::Other, false),
    ("associations", ResumeSection::Other, false),
    ("training", ResumeSection::Other, false),
    ("trainings", ResumeSection::Other, false),
    ("contact", ResumeSection::Other, false),
    ("details", ResumeSection::Other, false),
    ("personal", ResumeSection::Other, false),
    ("dossier", ResumeSection::Other, false),
    ("extracurricular", ResumeSection::Other, false),
    ("conferences", ResumeSection::Other, false),
    ("presentations", ResumeSection::Other, false),
];

/// Words that may accompany section words in a header ("Relevant Work Experience").
const HEADER_MODIFIERS: &[&str] = &[
    "technical",
    "professional",
    "work",
    "working",
    "key",
    "core",
    "relevant",
    "additional",
    "other",
    "selected",
    "career",
    "job",
    "related",
    "area",
    "areas",
    "of",
    "and",
    "the",
    "my",
    "in",
    "it",
    "software",
    "computer",
    "programming",
    "industry",
    "recent",
    "previous",
    "prior",
    "major",
    "main",
    "notable",
    "soft",
    "hard",
    "functional",
    "domain",
    "special",
    "specialized",
    "tech",
    "set",
    "sets",
    "summary",
    "handled",
    "undertaken",
    "completed",
    "done",
    "on",
    "worked",
    "spoken",
    "language",
    "licensed",
    "list",
    "detailed",
    "brief",
    "personal",
    "courses",
];

/// When a header names two sections, the more specific one wins
/// ("Academic Projects" is projects; "Education & Certifications" is education).
fn section_priority(section: ResumeSection) -> u8 {
    match section {
        ResumeSection::Projects => 0,
        ResumeSection::Education => 1,
        ResumeSection::Certifications => 2,
        ResumeSection::Experience => 3,
        ResumeSection::Skills => 4,
        ResumeSection::Summary => 5,
        ResumeSection::Other => 6,
        ResumeSection::Header => 7,
    }
}

/// The section a phrase made only of section words names, and whether only
/// weak words name it.
fn classify_heading(phrase: &str) -> Option<(ResumeSection, bool)> {
    let words: Vec<String> = phrase
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() || words.len() > MAX_HEADER_WORDS {
        return None;
    }
    let mut best: Option<ResumeSection> = None;
    let mut weak = true;
    for word in &words {
        match SECTION_WORDS.iter().find(|(w, _, _)| w == word) {
            Some(&(_, section, is_weak)) => {
                weak &= is_weak;
                if best.is_none_or(|b| section_priority(section) < section_priority(b)) {
                    best = Some(section);
                }
            }
            None if HEADER_MODIFIERS.contains(&word.as_str()) => {}
            None => return None,
        }
    }
    best.map(|section| (section, weak))
}

/// Characters decorating a header line ("**Skills**", "— Experience —", "SKILLS:").
fn is_decoration(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '*' | '_'
                | '='
                | '-'
                | '•'
                | '·'
                | '|'
                | '>'
                | ':'
                | '['
                | ']'
                | '~'
                | '–'
                | '—'
                | '"'
                | '#'
        )
}

/// The section a line starts, if it is a section header. `current` is the
/// section the line is in.
fn header_section(line: &str, current: ResumeSection) -> Option<ResumeSection> {
    let line = line.trim();
    if line.is_empty() || line.len() > MAX_HEADER_BYTES {
        return None;
    }
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let body = line.trim_matches(is_decoration);
    if body.is_empty() || body.contains(':') {
        return None;
    }
    match classify_heading(body) {
        Some((section, weak)) => {
            let in_role = matches!(current, ResumeSection::Experience | ResumeSection::Projects);
            (!(weak && in_role && hashes < 2)).then_some(section)
        }
        // "## Anything" is a Markdown section; "# Jane Doe" is a title.
        None => (hashes >= 2).then_some(ResumeSection::Other),
    }
}

/// The section named by a "Label: content" line's label, when there is content.
fn inline_label(line: &str) -> Option<ResumeSection> {
    let colon = line.find(':')?;
    if colon > MAX_HEADER_BYTES || line[colon + 1..].trim().is_empty() {
        return None;
    }
    classify_heading(line[..colon].trim_matches(is_decoration)).map(|(section, _)| section)
}

/// The index of the line holding byte `offset`.
fn line_index(lines: &[Line<'_>], offset: usize) -> Option<usize> {
    lines.partition_point(|l| l.start <= offset).checked_sub(1)
}

/// For each line, the range of `mentions` indices on it.
fn mentions_per_line(lines: &[Line<'_>], line_of: &[Option<usize>]) -> Vec<Range<usize>> {
    let mut ranges = vec![0..0; lines.len()];
    for (k, li) in line_of.iter().enumerate() {
        if let Some(li) = *li {
            let range = &mut ranges[li];
            if range.start == range.end {
                *range = k..k + 1;
            } else {
                range.end = k + 1;
            }
        }
    }
    ranges
}

/// The dated roles and, for each line, the role whose block holds it.
struct Roles {
    roles: Vec<Role>,
    block_of_line: Vec<Option<usize>>,
}

fn find_roles(lines: &[Line<'_>], has_experience: bool, as_of: YearMonth) -> Roles {
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
            });
            let role = roles.len() - 1;
            // The job's heading sits above its dates ("Java Developer, Acme"
            // / "Jan 2020 – Present"): it belongs to this role, not the last.
            for j in heading_lines(lines, i, floor, as_of) {
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
    }
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

/// The heading lines right above a role's date line: the line directly
/// above when it could be a title, and one more above it when that one names
/// a job ("Senior Engineer" / "Acme Corp" / "2019 – 2021").
fn heading_lines(lines: &[Line<'_>], i: usize, floor: usize, as_of: YearMonth) -> Range<usize> {
    let heading = |l: &Line<'_>| {
        !l.header
            && !starts_with_bullet(l.text)
            && plausible_title(&clean_title(l.text))
            && find_date_range(l.text, as_of).is_none()
    };
    let mut from = i;
    if from > floor && heading(&lines[from - 1]) {
        from -= 1;
        if from > floor && heading(&lines[from - 1]) && has_title_noun(lines[from - 1].text) {
            from -= 1;
        }
    }
    from..i
}

/// Nouns that make a line look like a job title.
const TITLE_NOUNS: &[&str] = &[
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

fn has_title_noun(text: &str) -> bool {
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

/// The duration starting at byte `p`, a token start.
fn duration_at(line: &str, p: usize) -> Option<StatedYears> {
    let bytes = line.as_bytes();
    let (value, mut q) = number_at(line, p)?;
    q = skip_blanks(line, q);
    if bytes.get(q) == Some(&b'+') {
        q = skip_blanks(line, q + 1);
    } else if let Some(after) = word_after(line, q, "plus") {
        q = skip_blanks(line, after);
    }
    if bytes.get(q) == Some(&b'-') {
        q += 1;
    }
    let unit_len = bytes[q..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let unit = line[q..q + unit_len].to_ascii_lowercase();
    let per_unit = match unit.as_str() {
        "years" | "year" | "yrs" | "yr" => 1.0,
        "months" | "month" | "mos" => 1.0 / 12.0,
        _ => return None,
    };
    let end = q + unit_len;
    if line[end..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let before = tail(&line[..p], LOOKBEHIND_BYTES)
        .trim_end()
        .to_ascii_lowercase();
    if ["less than", "under", "fewer than", "<"]
        .iter()
        .any(|w| before.ends_with(w))
    {
        return None;
    }
    let years = value * per_unit;
    (years > 0.0 && years <= MAX_STATED_YEARS).then_some(StatedYears {
        start: p,
        end,
        years,
    })
}

/// A number at `p`: digits with an optional decimal part, or a number word.
fn number_at(line: &str, p: usize) -> Option<(f32, usize)> {
    let bytes = line.as_bytes();
    let digits = bytes[p..].iter().take_while(|b| b.is_ascii_digit()).count();
    if digits > 0 {
        if digits > 3 {
            return None;
        }
        let mut end = p + digits;
        if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end += 1 + bytes[end + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
        }
        if line[end..].chars().next().is_some_and(char::is_alphabetic) {
            // "5years" is fine; "5a" is not a number.
            if !matches!(bytes.get(end), Some(b'y' | b'Y')) {
                return None;
            }
        }
        let value = line[p..end].parse::<f32>().ok()?;
        return Some((value, end));
    }
    let len = bytes[p..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let word = line[p..p + len].to_ascii_lowercase();
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, value)| (value, p + len))
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

fn skip_blanks(line: &str, p: usize) -> usize {
    p + line.as_bytes()[p..]
        .iter()
        .take(2)
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count()
}

/// The end of `word` (ASCII, case-insensitive) when it is the whole token at `p`.
fn word_after(line: &str, p: usize, word: &str) -> Option<usize> {
    let end = p + word.len();
    let head = line.as_bytes().get(p..end)?;
    (head.eq_ignore_ascii_case(word.as_bytes())
        && !line
            .as_bytes()
            .get(end)
            .is_some_and(u8::is_ascii_alphanumeric))
    .then_some(end)
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
struct Stated {
    /// The years stated for each mention (by mention index).
    per_mention: Vec<Option<f32>>,
    /// The largest "N years of experience" in the header or summary.
    total: Option<f32>,
}

fn stated_years(
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
            if forward || followed_by(line.text, found.end, &["of", "in"]) {
                continue;
            }
            // Backward: "Java (5 years)", "Docker - 2 yrs", "Linux: 13 years".
            // Mentions on a line are in text order and do not overlap.
            let before = here.start + mentions[here.clone()].partition_point(|m| m.end <= start);
            if let Some(k) = before.checked_sub(1).filter(|&k| k >= here.start) {
                let gap = &text[mentions[k].end..start];
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

/// Words that rule a line out as a name: résumé furniture, contact details,
/// places and organizations. Section words and title nouns are ruled out too.
const NOT_NAME_WORDS: &[&str] = &[
    "resume",
    "résumé",
    "cv",
    "curriculum",
    "vitae",
    "template",
    "page",
    "confidential",
    "dear",
    "email",
    "e-mail",
    "mail",
    "phone",
    "mobile",
    "tel",
    "telephone",
    "cell",
    "address",
    "street",
    "road",
    "avenue",
    "lane",
    "drive",
    "city",
    "state",
    "linkedin",
    "github",
    "indeed",
    "website",
    "date",
    "birth",
    "dob",
    "nationality",
    "gender",
    "male",
    "female",
    "married",
    "single",
    "willing",
    "relocate",
    "university",
    "college",
    "institute",
    "school",
    "company",
    "corp",
    "inc",
    "ltd",
    "pvt",
    "llc",
    "limited",
    "solutions",
    "services",
    "systems",
    "consulting",
    "group",
    "bank",
    "hospital",
    "san",
    "new",
    "los",
    "las",
    "santa",
    "united",
    "states",
    "senior",
    "junior",
    "sr",
    "jr",
    "principal",
    "staff",
    "chief",
    "software",
    "web",
    "full",
    "stack",
    "front",
    "back",
    "end",
    "data",
    "qa",
    "test",
    "security",
    "network",
    "cloud",
    "application",
    "database",
    "tech",
    "hr",
    "sales",
    "marketing",
    "business",
    "product",
    "program",
    "mobile",
    "backend",
    "frontend",
    "fullstack",
    "student",
    "graduate",
    "support",
    "your",
    "name",
    "client",
    "first",
    "last",
    "sample",
    "example",
    "examples",
    "resumes",
    "children",
    "beach",
    "plains",
    "sir",
    "madam",
    "whom",
    "media",
    "social",
    "font",
    "size",
    "room",
];

/// Lowercase words that may sit inside a name ("Ludwig van Beethoven").
const NAME_PARTICLES: &[&str] = &[
    "van", "von", "de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "bin", "binti",
    "al", "el", "ibn", "dos", "das", "ter",
];

/// Prefixes stripped before a name ("Resume of Jane Doe", "Dr. Jane Doe").
const NAME_PREFIXES: &[&str] = &[
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "mr ",
    "mrs ",
    "ms ",
    "dr ",
    "miss ",
    "curriculum vitae of",
    "résumé of",
    "resume of",
    "cv of",
    "résumé:",
    "resume:",
    "cv:",
];

fn find_name(lines: &[Line<'_>], mentions: &[Mention], on_line: &[Range<usize>]) -> Option<String> {
    for line in lines.iter().take(NAME_LABEL_SEARCH_LINES) {
        if let Some(value) = labelled_name(line.text) {
            return Some(value);
        }
    }
    for (li, line) in lines.iter().enumerate().take(NAME_SEARCH_LINES) {
        if line.header || line.section != ResumeSection::Header {
            break;
        }
        let (offset, candidate) = name_candidate(line.text);
        let Some((len, name)) = name_prefix(candidate) else {
            continue;
        };
        let start = line.start + offset;
        let end = start + len;
        let covered: usize = on_line[li]
            .clone()
            .map(|k| &mentions[k])
            .map(|m| m.end.min(end).saturating_sub(m.start.max(start)))
            .sum();
        if covered * 2 <= len {
            return Some(name);
        }
    }
    None
}

/// The value of a "Name: Jane Doe" line, when it reads as a name.
fn labelled_name(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    let label = ["full name", "candidate name", "name"]
        .iter()
        .find(|l| lower.starts_with(*l))?;
    let rest = line.get(label.len()..)?.trim_start();
    let value = rest
        .strip_prefix(':')
        .or_else(|| rest.strip_prefix('-'))?
        .trim();
    let words: Vec<&str> = value.split_whitespace().collect();
    let letters_only = value
        .chars()
        .all(|c| c.is_alphabetic() || c.is_whitespace() || matches!(c, '.' | '\'' | '’' | '-'));
    (letters_only && (1..=NAME_MAX_WORDS + 1).contains(&words.len())).then(|| words.join(" "))
}

/// The part of a header line that could be a name, with its byte offset:
/// Markdown marks, quotes and "Resume of" stripped, cut at the first field
/// separator ("Jane Doe | jane@example.com", "Jane Doe, PhD").
fn name_candidate(line: &str) -> (usize, &str) {
    let mut s = line.trim_start_matches(|c: char| c == '#' || c == '"' || c.is_whitespace());
    for prefix in NAME_PREFIXES {
        if s.get(..prefix.len())
            .is_some_and(|head| head.to_lowercase() == *prefix)
        {
            s = s[prefix.len()..].trim_start();
            break;
        }
    }
    let offset = line.len() - s.len();
    let cut = [
        "|", ",", "•", "·", " - ", " – ", " — ", "(", "/", "\t", "  ", ";", " : ", "\\x",
    ]
    .iter()
    .filter_map(|sep| s.find(sep))
    .min()
    .unwrap_or(s.len());
    (
        offset,
        s[..cut].trim_end_matches(|c: char| c == '"' || c.is_whitespace()),
    )
}

/// The person's name a header line starts with, and its length in bytes:
/// the leading run of 2–4 capitalized words of letters ("Ivan Keeling 87
/// Some Street" gives "Ivan Keeling"), none of them a section word, a job
/// title or résumé furniture. A longer run of capitalized words is a
/// heading, not a name.
fn name_prefix(text: &str) -> Option<(usize, String)> {
    let mixed_case = text.chars().any(char::is_lowercase);
    let mut words: Vec<&str> = Vec::new();
    let mut len = 0;
    let mut capitalized = 0;
    for (i, word) in text.split_whitespace().enumerate() {
        if !word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
        {
            break;
        }
        let bare = word.trim_matches(|c| matches!(c, '.' | '\'' | '’' | '-'));
        let Some(first) = bare.chars().next() else {
            break;
        };
        let lower = bare.to_lowercase();
        // "Software-Firmware" is ruled out by its parts.
        if lower.split('-').any(|part| {
            NOT_NAME_WORDS.contains(&part)
                || TITLE_NOUNS.contains(&part)
                || SECTION_WORDS.iter().any(|(w, _, _)| *w == part)
                || HEADER_MODIFIERS.contains(&part)
        }) {
            break;
        }
        // In "Allen King ESB Developer" the acronym starts the title.
        let acronym = bare.chars().filter(|c| c.is_alphabetic()).count() > 1
            && !bare.chars().any(char::is_lowercase);
        if mixed_case && acronym {
            break;
        }
        if first.is_uppercase() {
            capitalized += 1;
        } else if i == 0 || !NAME_PARTICLES.contains(&lower.as_str()) {
            break;
        }
        let end = word.as_ptr() as usize - text.as_ptr() as usize + word.len();
        // "Jacobson." ends a name; "Q." is an initial.
        if word.ends_with('.') && bare.chars().count() > 1 {
            words.push(bare);
            len = end;
            break;
        }
        words.push(word);
        len = end;
    }
    // Initials alone ("N A M E") are not a name.
    let full_words = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 1)
        .count();
    ((NAME_MIN_WORDS..=NAME_MAX_WORDS).contains(&words.len())
        && capitalized >= NAME_MIN_WORDS
        && full_words >= NAME_MIN_WORDS)
        .then(|| (len, words.join(" ")))
}

/// Words that show a line outside an education section is about a degree,
/// so "MS Office" is not a master's degree.
const EDUCATION_CONTEXT: &[&str] = &[
    "degree",
    "university",
    "college",
    "institute",
    "school",
    "academy",
    "polytechnic",
    "graduated",
    "graduation",
    "gpa",
    "cgpa",
    "education",
    "science",
    "engineering",
    "arts",
    "technology",
    "commerce",
    "administration",
    "major",
    "honours",
    "honors",
];

/// The highest degree level in the education section; with no such
/// section, in any line that also has an education word.
fn education_level(lines: &[Line<'_>], has_education: bool) -> Option<DegreeLevel> {
    lines
        .iter()
        .filter(|line| {
            if has_education {
                line.section == ResumeSection::Education
            } else {
                line.text
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| EDUCATION_CONTEXT.contains(&w.to_lowercase().as_str()))
            }
        })
        .filter(|line| !is_unfinished(line.text))
        .flat_map(|line| degree_levels(line.text))
        .max()
}

/// Words that mark a degree as not (yet) earned: "Master's degree (in
/// progress)", "Ph.D. candidate (ABD)", "pursuing a B.Sc.".
const UNFINISHED_MARKERS: &[&str] = &[
    "in progress",
    "expected",
    "candidate",
    "pursuing",
    "abd",
    "ongoing",
    "incomplete",
    "not completed",
    "currently enrolled",
];

/// Does the line speak of a degree not yet earned?
fn is_unfinished(line: &str) -> bool {
    let lower = format!(" {} ", line.to_lowercase());
    UNFINISHED_MARKERS.iter().any(|m| {
        lower.match_indices(m).any(|(at, _)| {
            let before = lower[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after = lower[at + m.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            before && after
        })
    })
}

/// The evidence quote for a mention: its line, or for a long line a window
/// of at most [`MAX_QUOTE_BYTES`] around the mention.
fn quote(text: &str, line: &Line<'_>, mention: &Mention) -> String {
    if line.text.len() <= MAX_QUOTE_BYTES {
        return line.text.to_string();
    }
    let anchor = mention.start.clamp(line.start, line.end);
    let mut start = anchor.saturating_sub(MAX_QUOTE_BYTES / 2).max(line.start);
    let mut end = (start + MAX_QUOTE_BYTES).min(line.end);
    start = end.saturating_sub(MAX_QUOTE_BYTES).max(line.start);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(start..end).unwrap_or_default().trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::{Source, Taxonomy, TaxonomyBuilder};
    use std::sync::OnceLock;

    const AS_OF: YearMonth = YearMonth {
        year: 2024,
        month: 6,
    };

    /// A taxonomy under the tests' control: "go" needs no evidence here.
    const TINY: &str = r#"
category = "programming"
[[skill]]
id = "programming-languages"
label = "Programming languages"
[[skill]]
id = "java"
label = "Java"
parents = ["programming-languages"]
[[skill]]
id = "kotlin"
label = "Kotlin"
parents = ["programming-languages"]
[[skill]]
id = "go"
label = "Go"
aliases = ["golang"]
parents = ["programming-languages"]
[[skill]]
id = "python"
label = "Python"
parents = ["programming-languages"]
[[skill]]
id = "sql"
label = "SQL"
category = "databases"
[[skill]]
id = "postgresql"
label = "PostgreSQL"
aliases = ["postgres"]
category = "databases"
parents = ["sql"]
[[skill]]
id = "docker"
label = "Docker"
category = "cloud"
[[skill]]
id = "kubernetes"
label = "Kubernetes"
aliases = ["k8s"]
category = "cloud"
[[skill]]
id = "aws"
label = "AWS"
category = "cloud"
[[skill]]
id = "git"
label = "Git"
category = "tools"
[[skill]]
id = "computer-science"
label = "Computer Science"
category = "education"
"#;

    fn tiny() -> &'static Taxonomy {
        static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
        TAXONOMY.get_or_init(|| {
            let mut builder = TaxonomyBuilder::new();
            builder.add_source(Source::new("tiny.toml", TINY));
            builder.build().expect("the tiny taxonomy builds")
        })
    }

    fn parse(text: &str) -> Candidate {
        let matcher = Matcher::new(tiny()).expect("matcher");
        parse_resume(&matcher, "test.txt", text, &ResumeOptions { as_of: AS_OF })
    }

    fn ym(year: i32, month: u32) -> YearMonth {
        YearMonth { year, month }
    }

    fn years_of(candidate: &Candidate, id: &str) -> Option<f32> {
        let skill = tiny().get(id).expect("skill in the tiny taxonomy");
        candidate.skill(skill).and_then(|s| s.years)
    }

    fn ids(candidate: &Candidate, taxonomy: &Taxonomy) -> Vec<String> {
        candidate
            .skills
            .iter()
            .map(|s| taxonomy.skill(s.skill).id.clone())
            .collect()
    }

    #[test]
    fn section_headers_are_recognized() {
        use ResumeSection::*;
        let cases: &[(&str, &str, ResumeSection, Option<ResumeSection>)] = &[
            ("caps", "SKILLS", Header, Some(Skills)),
            ("title case", "Technical Skills", Header, Some(Skills)),
            (
                "with ampersand and colon",
                "Skills & Tools:",
                Header,
                Some(Skills),
            ),
            (
                "work experience",
                "Work Experience",
                Header,
                Some(Experience),
            ),
            (
                "professional experience",
                "Professional Experience",
                Summary,
                Some(Experience),
            ),
            (
                "employment history",
                "EMPLOYMENT HISTORY",
                Header,
                Some(Experience),
            ),
            (
                "career history slash",
                "Career Experience/Job History",
                Header,
                Some(Experience),
            ),
            ("projects", "Projects", Experience, Some(Projects)),
            (
                "academic projects",
                "Academic Projects",
                Header,
                Some(Projects),
            ),
            ("education", "Education", Header, Some(Education)),
            (
                "educational qualification",
                "EDUCATIONAL QUALIFICATION",
                Header,
                Some(Education),
            ),
            (
                "education and certifications",
                "Education & Certifications",
                Header,
                Some(Education),
            ),
            (
                "certifications",
                "CERTIFICATIONS/LICENSES",
                Header,
                Some(Certifications),
            ),
            ("summary", "Summary", Header, Some(Summary)),
            (
                "summary of qualifications",
                "Summary of Qualifications",
                Header,
                Some(Summary),
            ),
            ("profile", "Profile", Header, Some(Summary)),
            ("objective", "Career Objective", Header, Some(Summary)),
            ("markdown skills", "## Skills", Header, Some(Skills)),
            ("markdown bold", "**Experience**", Header, Some(Experience)),
            ("markdown unknown h2", "## Side Quests", Skills, Some(Other)),
            (
                "additional information",
                "ADDITIONAL INFORMATION",
                Skills,
                Some(Other),
            ),
            (
                "weak word outside roles",
                "Technologies",
                Summary,
                Some(Skills),
            ),
            ("weak word inside a role", "Technologies:", Experience, None),
            ("markdown h1 name", "# Jane Doe", Header, None),
            ("inline content", "Skills: Java, Go", Header, None),
            ("job title", "CES ASSOCIATE CONSULTANT", Experience, None),
            (
                "a skill line",
                "Communication Skills and Java",
                Skills,
                None,
            ),
            ("prose", "I have experience with many tools", Header, None),
            (
                "too long",
                "Skills skills skills skills skills skills",
                Header,
                None,
            ),
            ("empty", "", Header, None),
            ("dash rule", "-----", Header, None),
        ];
        for (name, line, current, expected) in cases {
            assert_eq!(
                header_section(line, *current),
                *expected,
                "{name}: {line:?}"
            );
        }
    }

    #[test]
    fn sections_are_assigned_to_mentions() {
        let text = "Jane Doe\nUses Java daily\n\nSKILLS\nGo, Python\n\nExperience\nBackend Engineer\nWrote Kotlin\n\n## Education\nBS in Computer Science\n";
        let candidate = parse(text);
        let got: Vec<(String, ResumeSection)> = candidate
            .skills
            .iter()
            .map(|s| (tiny().skill(s.skill).id.clone(), s.evidence[0].section))
            .collect();
        let expected = [
            ("java", ResumeSection::Header),
            ("go", ResumeSection::Skills),
            ("python", ResumeSection::Skills),
            ("kotlin", ResumeSection::Experience),
            ("computer-science", ResumeSection::Education),
        ];
        let expected: Vec<(String, ResumeSection)> = expected
            .iter()
            .map(|(id, s)| (id.to_string(), *s))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn names_are_found_only_when_clear() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "first line",
                "Meda Cronin\nAssociate Software Engineer\n",
                Some("Meda Cronin"),
            ),
            ("all caps", "JANE Q. DOE\nSKILLS\nJava", Some("JANE Q. DOE")),
            (
                "with contact details",
                "Jane Doe | jane@example.com | 555-0100\n",
                Some("Jane Doe"),
            ),
            ("with degree", "Jane Doe, PhD\n", Some("Jane Doe")),
            (
                "markdown",
                "# Jane Doe\n\n## Skills\nJava\n",
                Some("Jane Doe"),
            ),
            (
                "label",
                "Resume\nName: Rahul Kumar Sharma\nEmail: r@example.com\n",
                Some("Rahul Kumar Sharma"),
            ),
            (
                "resume of",
                "Resume of Adelaida Dawna Stoltenberg\n",
                Some("Adelaida Dawna Stoltenberg"),
            ),
            (
                "particle",
                "Ludwig van Beethoven\n",
                Some("Ludwig van Beethoven"),
            ),
            (
                "title line first",
                "Senior Java Developer\nJane Doe\n",
                Some("Jane Doe"),
            ),
            ("job title only", "Associate Software Engineer\n", None),
            ("section word first", "SKILLS\nJava Python\n", None),
            ("skills only", "Java Python\n", None),
            ("one word", "Jane\n", None),
            ("digits first", "221B Baker Street\n", None),
            (
                "name then address",
                "Ivan Keeling 87 Some Example Street\n",
                Some("Ivan Keeling"),
            ),
            (
                "acronym starts the title",
                "Allen Neal King ESB Integration Developer - Cisco\n",
                Some("Allen Neal King"),
            ),
            ("honorific", "Dr. Jane Doe\n", Some("Jane Doe")),
            (
                "a heading of five capitalized words",
                "Lorem Ipsum Dolor Sit Amet\n",
                None,
            ),
            ("lowercase", "jane doe\n", None),
            ("spaced letters", "N A M E\n", None),
            ("hyphenated furniture", "Bernier Software-Firmware\n", None),
            ("resume template", "Editor Resume Template\n", None),
            (
                "father's name is not a name label",
                "Father's Name: Ram Prasad\n",
                None,
            ),
            ("empty", "", None),
        ];
        for (name, text, expected) in cases {
            assert_eq!(parse(text).name.as_deref(), *expected, "{name}");
        }
    }

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
    fn unfinished_degrees_table() {
        let cases = [
            ("Master's degree (in progress), expected 2027", true),
            ("Ph.D. candidate in Physics (ABD)", true),
            ("Pursuing a B.Sc. in Mathematics", true),
            ("B.Sc. Computer Science, 2017", false),
            ("MSc in Candidemia research", false),
        ];
        for (line, expected) in cases {
            assert_eq!(is_unfinished(line), expected, "{line}");
        }
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
            ("months", "18 months of Go", "go", Some(1.5)),
            ("less than", "Git (Less than 1 year)", "git", None),
            ("unrelated years", "Go, and 3 years in sales", "go", None),
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
    fn education_level_is_the_highest_in_the_education_section() {
        let cases: &[(&str, &str, Option<DegreeLevel>)] = &[
            (
                "two degrees",
                "Education\nB.S. in Computer Science, 2010\nM.S. in Computer Science, 2012\n",
                Some(DegreeLevel::Master),
            ),
            (
                "phd",
                "EDUCATION\nPh.D., Physics\nBachelor of Science\n",
                Some(DegreeLevel::Phd),
            ),
            (
                "only the education section",
                "Skills\nMS Office\nEducation\nBachelor of Arts\n",
                Some(DegreeLevel::Bachelor),
            ),
            (
                "no section, with context",
                "Jane Doe\nMS in Computer Science, Stanford University\n",
                Some(DegreeLevel::Master),
            ),
            (
                "no section, MS Office",
                "Jane Doe\nSkills: MS Office, Excel\n",
                None,
            ),
            ("none", "Jane Doe\nEducation\nHigh school\n", None),
        ];
        for (name, text, expected) in cases {
            assert_eq!(parse(text).education, *expected, "{name}");
        }
    }

    #[test]
    fn skills_section_only_means_every_mention_is_listed() {
        let text = "Summary\nGo developer\nSkills\nGo, Java\nTechnical Skills: Python\nExperience\nDev\n2020 - 2021\nShipped Go services\n";
        let candidate = parse(text);
        let flags: Vec<(String, bool)> = candidate
            .skills
            .iter()
            .map(|s| (tiny().skill(s.skill).id.clone(), s.skills_section_only))
            .collect();
        let expected: Vec<(String, bool)> = [("go", false), ("java", true), ("python", true)]
            .iter()
            .map(|(id, f)| (id.to_string(), *f))
            .collect();
        assert_eq!(flags, expected);
    }

    #[test]
    fn education_category_skills_are_listed_and_order_is_first_mention() {
        let text = "Skills\nKubernetes, Java\nEducation\nBS in Computer Science\nExperience\nJava and Kubernetes\n";
        let candidate = parse(text);
        assert_eq!(
            ids(&candidate, tiny()),
            ["kubernetes", "java", "computer-science"]
        );
        let cs = &candidate.skills[2];
        assert_eq!(tiny().skill(cs.skill).category, "education");
        let java = &candidate.skills[1];
        let spans: Vec<(usize, usize, usize, &str)> = java
            .evidence
            .iter()
            .map(|e| (e.line, e.start, e.end, e.text.as_str()))
            .collect();
        assert_eq!(
            spans,
            [
                (2, 19, 23, "Kubernetes, Java"),
                (6, 68, 72, "Java and Kubernetes"),
            ]
        );
        assert_eq!(&text[19..23], "Java");
        assert_eq!(&text[68..72], "Java");
    }

    #[test]
    fn flattened_resumes_are_cut_at_runs_of_spaces() {
        let text = "\"Editor Resume Template  Jane Roe  Main Road  Objective  Looking for a backend role.  \
Career Experience/Job History        2014-2016  Bay Systems  Backend Developer      Wrote Java services.  \
2016  Present  Daily Cloud  Platform Engineer      Ran Kubernetes and Go.  Education  2010-2014  \
Bachelors in Computer Science, Mediacom College\"";
        assert!(text.len() > FLATTENED_LINE_MIN_BYTES);
        let candidate = parse(text);
        assert_eq!(candidate.name.as_deref(), Some("Jane Roe"));
        let roles: Vec<(Option<&str>, YearMonth, YearMonth)> = candidate
            .roles
            .iter()
            .map(|r| (r.title.as_deref(), r.start, r.end))
            .collect();
        assert_eq!(
            roles,
            [
                (Some("Backend Developer"), ym(2014, 1), ym(2016, 12)),
                (Some("Platform Engineer"), ym(2016, 1), AS_OF),
            ]
        );
        assert_eq!(years_of(&candidate, "java"), Some(3.0));
        assert_eq!(years_of(&candidate, "kubernetes"), Some(8.5));
        assert_eq!(candidate.total_years, Some(10.5));
        assert_eq!(candidate.education, Some(DegreeLevel::Bachelor));
        let java = candidate
            .skill(tiny().get("java").expect("java"))
            .expect("java found");
        assert_eq!(java.evidence[0].text, "Wrote Java services.");
        assert_eq!(java.evidence[0].line, 1);
    }

    #[test]
    fn long_lines_are_quoted_around_the_mention() {
        let text = format!("{} Java {}", "word ".repeat(200), "word ".repeat(200));
        let candidate = parse(&text);
        let evidence = &candidate.skills[0].evidence[0];
        assert!(
            evidence.text.len() <= MAX_QUOTE_BYTES,
            "{}",
            evidence.text.len()
        );
        assert!(evidence.text.contains("Java"));
        assert_eq!(&text[evidence.start..evidence.end], "Java");
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

    fn embedded_matcher() -> &'static Matcher<'static> {
        static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
        static MATCHER: OnceLock<Matcher<'static>> = OnceLock::new();
        MATCHER.get_or_init(|| {
            let taxonomy =
                TAXONOMY.get_or_init(|| Taxonomy::embedded().expect("embedded taxonomy"));
            Matcher::new(taxonomy).expect("matcher")
        })
    }

    #[test]
    fn headings_and_profile_links_are_not_skills() {
        let text = "Jane Roe\ngithub.com/jroe · linkedin.com/in/jroe\n\nSkills\nPython, SQL\n\n\
                    CERTIFICATIONS\nAWS Certified Solutions Architect\n";
        let matcher = embedded_matcher();
        let candidate = parse_resume(matcher, "cv.txt", text, &ResumeOptions { as_of: AS_OF });
        let got = ids(&candidate, matcher.taxonomy());
        assert!(got.contains(&"python".to_string()), "{got:?}");
        for absent in ["github", "linkedin", "professional-certification"] {
            assert!(!got.contains(&absent.to_string()), "{absent} in {got:?}");
        }
    }

    #[test]
    fn java_backend_fixture() {
        let text = include_str!("../../tests/data/resumes/java-backend.txt");
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
