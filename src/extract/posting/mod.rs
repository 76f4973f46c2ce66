//! Postings: metadata, sections and requirements.
//!
//! A posting's text is read line by line. Headers open blocks
//! (`section.rs`); bullets and sentences under requirement blocks become
//! requirements (`requirement.rs`); everything else is description or noise.
//! A page may hold several postings: a job-title line that appears after a
//! posting's requirements starts a new posting, and a "Jobs Related To …"
//! block ends the posting for good. Every skill mention of a posting's text
//! is kept, whatever its block; only requirement blocks make requirements.

mod distinct;
mod flattened;
mod metadata;
mod negation;
mod requirement;
mod section;
mod years;

pub use metadata::{Salary, SalaryPeriod};
pub use requirement::{
    is_entry_level_title, EducationRequirement, Requirement, RequirementKind, ENTRY_LEVEL_MAX_YEARS,
};
// Defined with the taxonomy's other category names; re-exported for the
// code that reads it beside the requirement kinds.
pub use crate::taxonomy::EDUCATION_CATEGORY;
pub use section::{header_block, Block, Excluded, Section};
pub use years::{years_phrases, YearsPhrase};

use super::ambiguity::is_capitalized_mid_sentence;
use super::{Evidence, Matcher, Mention};
use crate::document::Fields;
use crate::occupation::profile::OccupationProfile;
use crate::occupation::{Named, Occupations};

/// A parsed posting.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Posting {
    /// Job title, when found.
    pub title: Option<String>,
    /// Company, when found.
    pub company: Option<String>,
    /// Location, when stated.
    pub location: Option<String>,
    /// Remote, when stated.
    pub remote: Option<bool>,
    /// Salary range, when stated.
    pub salary: Option<Salary>,
    /// A stable id: the document's id, with `#n` (1-based) appended when
    /// one document holds several postings. Ties in rankings break on it.
    pub id: String,
    /// Where the posting came from (a path, or an id).
    pub source: String,
    /// 1-based first and last line of this posting in the source text.
    pub lines: (usize, usize),
    /// The requirements, in text order.
    pub requirements: Vec<Requirement>,
    /// The occupations the title names, best first (at most
    /// [`NAMED_MAX`](crate::occupation::NAMED_MAX); empty when the title
    /// names none surely enough): what role fit compares.
    pub occupations: Vec<Named>,
    /// The unit groups the posting reads as, from its title's occupation
    /// and its text's words: what role fit compares
    /// ([`crate::occupation::profile`]).
    #[serde(default)]
    pub profile: OccupationProfile,
    /// Every skill mention in the posting's text, whatever its section
    /// (not kept in a persisted index: see [`crate::index_file`]).
    #[serde(skip)]
    pub mentions: Vec<Mention>,
}

/// Sentences longer than this many bytes in a description are still split
/// into requirements, but no line is ever read past this length for titles.
pub const TITLE_MAX_CHARS: usize = 90;

/// Title lines have at most this many words.
pub const TITLE_MAX_WORDS: usize = 10;

/// A line under a requirement header with at least this many words (or any
/// bullet) shows the block really lists requirements.
pub const REQUIREMENT_MIN_WORDS: usize = 3;

/// Words that make a short line a job title.
const JOB_NOUNS: &[&str] = &[
    "engineer",
    "developer",
    "programmer",
    "architect",
    "manager",
    "analyst",
    "scientist",
    "designer",
    "administrator",
    "consultant",
    "specialist",
    "technician",
    "director",
    "intern",
    "internship",
    "lead",
    "head",
    "officer",
    "coordinator",
    "representative",
    "assistant",
    "nurse",
    "teacher",
    "accountant",
    "recruiter",
    "writer",
    "editor",
    "researcher",
    "owner",
    "executive",
    "operator",
    "supervisor",
    "advisor",
    "strategist",
    "marketer",
    "agent",
    "clerk",
    "driver",
    "cook",
    "cashier",
    "attendant",
    "therapist",
    "physician",
    "pharmacist",
    "associate",
    "tester",
    "vp",
    "cto",
    "cio",
    "principal",
    "staff",
    "fellow",
    "trainee",
    "apprentice",
];

/// One line of the source with its byte range.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    number: usize,
    start: usize,
    text: &'a str,
}

/// Parses every posting in `text` (usually one; a page may hold several).
///
/// ```
/// use skillmatch::{extract::{posting::parse_postings, Matcher}, taxonomy::Taxonomy};
/// let taxonomy = Taxonomy::embedded()?;
/// let matcher = Matcher::new(&taxonomy)?;
/// let text = "Backend Engineer\n\nRequirements\n- Experience with Java or C++\n- 3+ years of SQL\n";
/// let postings = parse_postings(&matcher, "inline", text);
/// let reqs = &postings[0].requirements;
/// assert_eq!(postings[0].title.as_deref(), Some("Backend Engineer"));
/// assert_eq!(reqs[0].any_of.len(), 2);
/// assert_eq!(reqs[1].min_years, Some(3.0));
/// # Ok::<(), skillmatch::Error>(())
/// ```
pub fn parse_postings(matcher: &Matcher<'_>, source: &str, text: &str) -> Vec<Posting> {
    parse_with_fields(matcher, source, source, text, &Fields::default())
}

/// Parses every posting of the text `text` from `source`, ids from `id`
/// (with `#n` when it holds several), taking the fields its document
/// states (a CSV `title` column, a JobPosting's `hiringOrganization`) over
/// what the text says. Those fields describe the first posting; when the
/// text holds several, the others keep what their own text says. A stated
/// entry-level title caps the experience asked as one in the text does,
/// quoting the posting's first line.
pub(crate) fn parse_with_fields(
    matcher: &Matcher<'_>,
    source: &str,
    id: &str,
    text: &str,
    fields: &Fields,
) -> Vec<Posting> {
    let mut mentions = matcher.find_candidates(text);
    mentions.sort_by_key(|m| (m.start, m.end));
    let lines = split_lines(text);
    let segments = segment(&lines);
    let taxonomy = matcher.taxonomy();
    let unstated = Fields::default();
    let single = segments.len() == 1;
    let mut postings = Vec::new();
    for seg in segments {
        let seg_lines = &lines[seg.first..seg.last + 1];
        let start = seg_lines.first().map_or(0, |l| l.start);
        let end = seg_lines.last().map_or(0, |l| l.start + l.text.len());
        let items = items(seg_lines, &seg.blocks);
        // The posting's own mentions, in text order. A text that holds one
        // posting (nearly all) hands its mentions over instead of copying
        // them: on a long text they are most of the memory.
        let mut seg_mentions: Vec<Mention> = if single {
            std::mem::take(&mut mentions)
        } else {
            let from = mentions.partition_point(|m| m.start < start);
            let to = mentions.partition_point(|m| m.start < end);
            mentions[from..to].to_vec()
        };
        confirm_in_requirement_lines(text, &items, &mut seg_mentions);
        seg_mentions.retain(|m| m.start >= start && m.end <= end && m.evidence.is_confirmed());
        let has_sections = items.iter().any(|it| it.from_section);
        let mut requirements = distinct::DistinctRequirements::default();
        for item in items.iter().filter(|it| it.from_section || !has_sections) {
            // Mentions are in text order: the item's are found by binary
            // search, so a posting of 10,000 bullets stays linear. Those
            // that run past its end are not its own; `split_item` leaves
            // them out.
            let item_end = item.start + item.text.len();
            let from = seg_mentions.partition_point(|m| m.start < item.start);
            let to = from + seg_mentions[from..].partition_point(|m| m.start < item_end);
            let item_mentions = &seg_mentions[from..to];
            if !item.from_section
                && !item_mentions.iter().any(|m| m.end <= item_end)
                && years_phrases(item.text).is_empty()
            {
                // Description sentences become requirements only when they name something.
                continue;
            }
            requirements.extend(requirement::split_item(
                taxonomy,
                item.text,
                item.start,
                item.line,
                item.section,
                item_mentions,
            ));
        }
        let mut requirements = requirements.into_vec();
        let meta = metadata::metadata(
            seg_lines
                .iter()
                .zip(&seg.blocks)
                .map(|(l, &block)| (l.text, block)),
        );
        if let Some(title) = meta
            .title
            .as_deref()
            .filter(|t| requirement::is_entry_level_title(t))
        {
            add_entry_level(&mut requirements, seg_lines, title);
        }
        let stated = if postings.is_empty() {
            fields
        } else {
            &unstated
        };
        if let Some(title) = &stated.title {
            apply_entry_level(&mut requirements, title, seg_lines[0].number, title);
        }
        let title = stated.title.clone().or(meta.title);
        let occupations = title
            .as_deref()
            .zip(Occupations::shared())
            .map(|(title, set)| set.name(title, title_line(seg_lines, title)))
            .unwrap_or_default();
        // The words of the posting's blocks, not of its whole text: what
        // its blocks exclude (benefits, how to apply, the company) says
        // nothing of the job. Its description counts: on the development
        // ranking check, reading only the requirement blocks lost 0.025
        // NDCG@10.
        let profile = Occupations::shared()
            .map(|set| {
                let body: Vec<&str> = items.iter().map(|it| it.text).collect();
                let reading = set.read_text(title.as_deref().unwrap_or(""), &body.join("\n"));
                OccupationProfile::new(occupations.first(), reading)
            })
            .unwrap_or_default();
        postings.push(Posting {
            occupations,
            profile,
            title,
            company: stated.company.clone().or(meta.company),
            location: stated.location.clone().or(meta.location),
            remote: meta.remote,
            salary: meta.salary,
            id: source.to_string(),
            source: source.to_string(),
            lines: (seg_lines[0].number, seg_lines[seg_lines.len() - 1].number),
            requirements,
            mentions: seg_mentions,
        });
    }
    set_ids(&mut postings, id);
    postings
}

/// The line `title` is read from: the first line of the posting that holds
/// it, else the posting's first line (a title stated by a CSV column).
fn title_line(lines: &[Line<'_>], title: &str) -> usize {
    lines
        .iter()
        .find(|l| l.text.contains(title))
        .or(lines.first())
        .map_or(1, |l| l.number)
}

/// An entry-level title ("Graduate Software Engineer", "Junior Data
/// Analyst") caps the experience the posting looks for at
/// [`ENTRY_LEVEL_MAX_YEARS`], unless a line already states a ceiling ("0-2
/// years") or asks for at least that many years ("2-4 years of
/// experience"): then the posting has said what it wants. The requirement
/// quotes the title line.
fn add_entry_level(requirements: &mut Vec<Requirement>, lines: &[Line<'_>], title: &str) {
    if let Some(line) = lines
        .iter()
        .find(|l| l.text.replace("**", "").contains(title))
    {
        apply_entry_level(requirements, title, line.number, line.text.trim());
    }
}

/// Adds the entry-level ceiling for `title` (an entry-level title and no
/// stated experience range or floor of 2+ years) as a
/// requirement on `line` quoting `quote`, when the title is entry-level and
/// the requirements do not already say how much experience they want.
fn apply_entry_level(requirements: &mut Vec<Requirement>, title: &str, line: usize, quote: &str) {
    let stated = requirements.iter().any(|r| {
        r.max_years.is_some()
            || (r.kind == RequirementKind::Experience
                && r.min_years.is_some_and(|m| m >= ENTRY_LEVEL_MAX_YEARS))
    });
    if stated || !requirement::is_entry_level_title(title) {
        return;
    }
    let requirement = Requirement {
        text: quote.to_string(),
        line,
        section: Section::Required,
        kind: RequirementKind::Experience,
        any_of: Vec::new(),
        min_years: None,
        max_years: Some(ENTRY_LEVEL_MAX_YEARS),
        education: None,
    };
    let at = requirements.partition_point(|r| r.line <= line);
    requirements.insert(at, requirement);
}

/// Gives the postings of one document the ids `id` (when it holds one) or
/// `id#1`, `id#2`, … (when it holds several).
fn set_ids(postings: &mut [Posting], id: &str) {
    let several = postings.len() > 1;
    for (n, p) in postings.iter_mut().enumerate() {
        p.id = if several {
            format!("{id}#{}", n + 1)
        } else {
            id.to_string()
        };
    }
}

/// An ambiguous form written with a capital mid-sentence in a requirement
/// line, or making up the whole item, counts: "Experience with Jenkins",
/// "3+ years of React", "Strong Go skills", "Nice to have: Go". Lowercase uses ("go to the office") and sentence starts ("Lead
/// the team") still need other evidence.
fn confirm_in_requirement_lines(text: &str, items: &[Item<'_>], mentions: &mut [Mention]) {
    for m in mentions.iter_mut().filter(|m| !m.evidence.is_confirmed()) {
        // Items are in text order: the one that can hold `m` is found by binary search.
        let i = items.partition_point(|it| it.start + it.text.len() < m.end);
        let inside = items.get(i).filter(|it| {
            it.from_section && m.start >= it.start && m.end <= it.start + it.text.len()
        });
        if let Some(item) = inside {
            let before = &text[item.start..m.start];
            let form = &text[m.start..m.end];
            let whole_item = item.text.trim_end_matches(['.', ',', ';']) == form;
            if whole_item || is_capitalized_mid_sentence(before, form) {
                m.evidence = Evidence::RequirementLine;
            }
        }
    }
}

/// The lines of `text`, a flattened paragraph cut into the lines it would
/// have had ([`flattened::cuts`]); every piece keeps its physical line
/// number and its offset in `text`.
fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    // A final newline ends the last line; it does not start another.
    let body = text.strip_suffix('\n').unwrap_or(text);
    for (i, raw) in body.split('\n').enumerate() {
        let content = raw.strip_suffix('\r').unwrap_or(raw);
        let mut from = 0;
        for at in flattened::cuts(content).into_iter().chain([content.len()]) {
            let piece = &content[from..at];
            // Cuts fall before words: the piece's own leading space goes.
            let lead = piece.len() - piece.trim_start().len();
            if from == 0 || !piece.trim().is_empty() {
                out.push(Line {
                    number: i + 1,
                    start: start + from + if from == 0 { 0 } else { lead },
                    text: if from == 0 { piece } else { &piece[lead..] },
                });
            }
            from = at;
        }
        start += raw.len() + 1;
    }
    out
}

/// A posting's line range and the block each of its lines is in.
struct Segment {
    first: usize,
    last: usize,
    /// Per line of the segment: the block it belongs to (`None` for header lines).
    blocks: Vec<Option<Block>>,
}

/// Splits the page into postings and assigns each line its block.
fn segment(lines: &[Line<'_>]) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut current = Segment {
        first: 0,
        last: 0,
        blocks: Vec::new(),
    };
    let mut block = Block::Description;
    let mut seen_requirements = false;
    // A posting split off an earlier one may have no sections at all (a
    // title and a summary): then its own text is enough to end it.
    let mut seen_text = false;
    let mut terminal = false;
    // "Role:" / "Job title:" then a title on the next line is a label's value.
    let mut after_label = false;
    let mut prev_bullet = false;
    for (i, line) in lines.iter().enumerate() {
        let (bullet, body) = strip_bullet(line.text);
        let trimmed = body.trim();
        let prev_bullet = if trimmed.is_empty() {
            prev_bullet
        } else {
            std::mem::replace(&mut prev_bullet, bullet)
        };
        let ends_posting = seen_requirements || (!segments.is_empty() && seen_text);
        let labelled = std::mem::replace(&mut after_label, trimmed.ends_with(':'));
        // The header this line is by itself, computed once per line.
        let own_header = if bullet { None } else { header_block(trimmed) };
        if trimmed.is_empty() {
            after_label = labelled;
        }
        // A piece cut from a flattened paragraph never starts a posting.
        let starts_line = i == 0 || lines[i - 1].number != line.number;
        if !terminal
            && starts_line
            && !bullet
            && !labelled
            && ends_posting
            // In a benefits or company block only a line after a bullet list
            // can be a title ("- Gym" / "Data Scientist"); lists without
            // bullets there are benefits ("Relocation Manager").
            && (!matches!(block, Block::Excluded(_)) || prev_bullet)
            && is_title_line(trimmed)
            && own_header.is_none()
            && !mid_sentence(lines, i)
        {
            current.last = i.saturating_sub(1);
            segments.push(current);
            current = Segment {
                first: i,
                last: i,
                blocks: Vec::new(),
            };
            block = Block::Description;
            seen_requirements = false;
            seen_text = false;
        } else if i > current.first && !trimmed.is_empty() {
            seen_text = true;
        }
        let header = if terminal { None } else { own_header };
        let header = header.or_else(|| {
            if terminal || bullet {
                None
            } else {
                trailing_header(trimmed)
            }
        });
        match header {
            Some(b) => {
                block = b;
                if b == Block::Excluded(Excluded::RelatedJobs) {
                    terminal = true;
                }
                // A paragraph ending in "Responsibilities include:" is itself
                // description; "Requirements: Python, Docker" is a header with
                // content of its own.
                let is_trailing = own_header.is_none();
                current.blocks.push(if is_trailing {
                    Some(Block::Description)
                } else if inline_content(trimmed).is_some() {
                    Some(b)
                } else {
                    None
                });
            }
            None if !matches!(block, Block::Excluded(_))
                && section::is_legal_statement(trimmed) =>
            {
                // An equal-opportunity statement under the requirements
                // without a header of its own is legal text, line by line:
                // flattened postings go on with real requirements after it.
                current.blocks.push(Some(Block::Excluded(Excluded::Legal)));
            }
            None => {
                // A requirement block counts once it holds a real item (a
                // bullet, or a line of several words), not for a job board's
                // "Experience level:" label and its one-word value.
                if matches!(block, Block::Requirements(_))
                    && (bullet || trimmed.split_whitespace().count() >= REQUIREMENT_MIN_WORDS)
                {
                    seen_requirements = true;
                }
                current.blocks.push(Some(block));
            }
        }
        current.last = i;
    }
    segments.push(current);
    segments
}

/// Is line `i` the middle of a sentence broken over lines ("As a" /
/// "Senior DevOps Engineer" / "you will develop …"), or the content of the
/// header just above it?
fn mid_sentence(lines: &[Line<'_>], i: usize) -> bool {
    const OPEN_ENDINGS: &[&str] = &[
        "a", "an", "the", "as", "for", "of", "our", "your", "new", "with",
    ];
    let previous = lines[..i]
        .iter()
        .rev()
        .map(|l| l.text.trim())
        .find(|t| !t.is_empty());
    let next = lines[i + 1..]
        .iter()
        .map(|l| l.text.trim())
        .find(|t| !t.is_empty());
    let open_before = previous.is_some_and(|p| {
        let last = p.rsplit(' ').next().unwrap_or("");
        OPEN_ENDINGS.contains(&last.to_lowercase().as_str())
            || p.ends_with('\u{2026}')
            || p.ends_with("...")
            // The title repeated under "Job description" is that block's content.
            || header_block(p).is_some()
    });
    let continues_after = next
        .and_then(|n| n.chars().next())
        .is_some_and(char::is_lowercase);
    open_before || continues_after
}

/// The content after a header's colon on the same line: "Python, Docker"
/// in "Requirements: Python, Docker".
fn inline_content(line: &str) -> Option<&str> {
    let (head, rest) = line.split_once(':')?;
    let rest = rest.trim_start();
    // "https://…" is no header; neither is a colon after unknown words.
    if rest.is_empty() || head.is_empty() || rest.starts_with("//") {
        return None;
    }
    match header_block(&line[..head.len() + 1])? {
        Block::Unknown => None,
        _ => Some(rest),
    }
}

/// "Pinterest seeks … engineers. Responsibilities include:": the last
/// sentence of a long line, when it is a header ending in a colon.
fn trailing_header(line: &str) -> Option<Block> {
    if !line.ends_with(':') {
        return None;
    }
    let cut = line[..line.len() - 1].rfind(". ").map(|i| i + 2)?;
    match header_block(&line[cut..]) {
        Some(Block::Unknown) | None => None,
        found => found,
    }
}

/// One item: a bullet, a line, or a sentence of a paragraph.
#[derive(Debug)]
struct Item<'a> {
    text: &'a str,
    start: usize,
    line: usize,
    section: Section,
    /// From a requirement block (not description fallback).
    from_section: bool,
}

fn items<'a>(lines: &[Line<'a>], blocks: &[Option<Block>]) -> Vec<Item<'a>> {
    let mut out = Vec::new();
    for (line, block) in lines.iter().zip(blocks) {
        let Some(block) = block else { continue };
        let (section, from_section) = match block {
            Block::Requirements(s) => (*s, true),
            Block::Description | Block::Unknown => (Section::Required, false),
            Block::Excluded(_) => continue,
        };
        let (_, body) = strip_bullet(line.text);
        // "Skills: Java, Python" is a label and its content; "Good CSS
        // skills: layout, …" is content whole.
        let body = inline_content(body)
            .filter(|rest| {
                let head = &body[..body.len() - rest.len()];
                section::is_vocabulary_phrase(head.trim_end().trim_end_matches(':'))
            })
            .unwrap_or(body);
        let body_start = line.start + (body.as_ptr() as usize - line.text.as_ptr() as usize);
        // "Skills: Java, Python" on a header-like line: the content after the colon.
        for (offset, sentence) in sentences(body) {
            let trimmed_start = sentence.len() - sentence.trim_start().len();
            let text = sentence.trim();
            if text.is_empty() {
                continue;
            }
            out.push(Item {
                text,
                start: body_start + offset + trimmed_start,
                line: line.number,
                section,
                from_section,
            });
        }
    }
    out
}

/// Splits a line into sentences at ". ", "! ", "? " followed by a capital
/// letter, keeping byte offsets. Abbreviations like "e.g. " and "i.e. " do
/// not split because a lowercase word follows them.
fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i + 2 < bytes.len() {
        if matches!(bytes[i], b'.' | b'!' | b'?') && bytes[i + 1] == b' ' {
            let next = text[i + 2..].chars().next();
            if next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
                out.push((start, &text[start..i + 1]));
                start = i + 2;
            }
        }
        i += 1;
    }
    out.push((start, &text[start..]));
    out
}

/// Bullet markers: "•", "-", "*", "–", "—", "·", "▪", "◦", "●", "○", "■",
/// "➢", "✓", "✔", "→", numbered "1." / "1)" / "(1)" / "a)".
fn strip_bullet(line: &str) -> (bool, &str) {
    let trimmed = line.trim_start();
    const MARKS: &[char] = &[
        '•', '-', '*', '–', '—', '·', '▪', '◦', '●', '○', '■', '□', '➢', '✓', '✔', '→', '>',
        '\u{0095}',
    ];
    let mut chars = trimmed.char_indices();
    if let Some((_, c)) = chars.next() {
        if MARKS.contains(&c) {
            let rest = &trimmed[c.len_utf8()..];
            if rest.starts_with(' ') || rest.starts_with('\t') {
                return (true, rest.trim_start());
            }
        }
    }
    // Numbered: "1." "1)" "(1)" "a)" followed by a space.
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    let (skip, ok) = if digits > 0 && digits <= 2 {
        match trimmed.as_bytes().get(digits) {
            Some(b'.') | Some(b')') => (digits + 1, true),
            _ => (0, false),
        }
    } else if let Some(after) = trimmed.strip_prefix('(') {
        let inner = after.bytes().take_while(u8::is_ascii_alphanumeric).count();
        if (1..=2).contains(&inner) && trimmed.as_bytes().get(inner + 1) == Some(&b')') {
            (inner + 2, true)
        } else {
            (0, false)
        }
    } else {
        let b = trimmed.as_bytes();
        if b.len() > 2 && b[0].is_ascii_lowercase() && b[1] == b')' {
            (2, true)
        } else {
            (0, false)
        }
    };
    if ok && trimmed[skip..].starts_with(' ') {
        return (true, trimmed[skip..].trim_start());
    }
    (false, trimmed)
}

/// ". " after a word longer than an abbreviation ("Sr.", "Jr.", "St.").
fn has_sentence_break(line: &str) -> bool {
    line.match_indices(". ").any(|(i, _)| {
        let word = line[..i]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        word.chars().count() > 3
    })
}

/// A short line naming a job ("Senior Software Engineer - Pulse").
fn is_title_line(line: &str) -> bool {
    if line.is_empty() || line.chars().count() > TITLE_MAX_CHARS {
        return false;
    }
    if line.ends_with(['.', ',', ';', ':', '?', '!']) || has_sentence_break(line) {
        return false;
    }
    if !line.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    // The title proper is what comes before its qualifiers: "Senior Software
    // Engineer - Pulse", "Software Engineer II, Backend", "Data Engineer (Streaming)".
    let head = line
        .split([',', '(', '|', '\u{2013}', '\u{2014}'])
        .next()
        .unwrap_or(line)
        .split(" - ")
        .next()
        .unwrap_or(line)
        .split(" at ")
        .next()
        .unwrap_or(line);
    let words: Vec<String> = head
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < 2 || words.len() > TITLE_MAX_WORDS {
        return false;
    }
    // The job noun heads the title: it is the last word (before a level such
    // as "II" or "3"), or it is followed by "of" ("Head of IT").
    let is_level = |w: &str| {
        w.chars().all(|c| c.is_ascii_digit())
            || ["i", "ii", "iii", "iv", "v", "jr", "sr"].contains(&w)
    };
    let last = words.iter().rposition(|w| !is_level(w));
    let last_is_noun = last.is_some_and(|i| JOB_NOUNS.contains(&words[i].as_str()));
    let noun_of = words
        .windows(2)
        .take(2)
        .any(|w| JOB_NOUNS.contains(&w[0].as_str()) && w[1] == "of");
    last_is_noun || noun_of
}

/// The last `n` bytes of `text` or a little fewer, at a char boundary.
pub(super) fn last_bytes(text: &str, n: usize) -> &str {
    let mut from = text.len().saturating_sub(n);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..]
}

/// The first `n` bytes of `text` or a little fewer, at a char boundary.
pub(super) fn first_bytes(text: &str, n: usize) -> &str {
    let mut to = n.min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    &text[..to]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullet_table() {
        let cases = [
            ("  • Build backend", (true, "Build backend")),
            ("- item", (true, "item")),
            ("* item", (true, "item")),
            ("– item", (true, "item")),
            ("  1. Build out", (true, "Build out")),
            ("2) Two", (true, "Two")),
            ("(3) Three", (true, "Three")),
            ("a) Four", (true, "Four")),
            ("-based", (false, "-based")),
            ("2+ years", (false, "2+ years")),
            ("Plain", (false, "Plain")),
        ];
        for (line, expected) in cases {
            assert_eq!(strip_bullet(line), expected, "{line}");
        }
    }

    /// Issue 16, item 6: one sentence repeated 20,000 times asks for its
    /// skills once; every mention is still found and kept.
    #[test]
    fn a_sentence_repeated_word_for_word_asks_once() {
        let t = crate::taxonomy::Taxonomy::embedded().expect("default taxonomy");
        let m = Matcher::new(&t).expect("matcher");
        let text = format!(
            "Backend Engineer\n\nRequirements\n- Docker\n{}\n- Docker\n",
            "Kubernetes, Python and Go. ".repeat(20_000)
        );
        let p = &parse_postings(&m, "job", &text)[0];
        let asked: Vec<(usize, Vec<&str>)> = p
            .requirements
            .iter()
            .map(|r| {
                (
                    r.line,
                    r.any_of.iter().map(|&s| t.skill(s).id.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            asked,
            [
                (4, vec!["docker"]),
                (5, vec!["kubernetes"]),
                (5, vec!["python"]),
                (5, vec!["go"]),
            ]
        );
        let kubernetes = p
            .mentions
            .iter()
            .filter(|m| t.skill(m.skill).id == "kubernetes")
            .count();
        assert_eq!(kubernetes, 20_000);
    }

    #[test]
    fn equal_opportunity_lines_under_requirements_are_not_requirements() {
        let t = crate::taxonomy::Taxonomy::embedded().expect("default taxonomy");
        let m = Matcher::new(&t).expect("matcher");
        let text = "Nurse\n\nRequirements\n- Basic Life Support\n- Vital Signs\n\n\
            Kestrel Finance is an equal opportunity employer. We welcome applicants of every background.\n\
            We do not discriminate on the basis of race or religion.\n\
            Experience with Patient Care\n";
        let p = &parse_postings(&m, "job", text)[0];
        let texts: Vec<&str> = p.requirements.iter().map(|r| r.text.as_str()).collect();
        assert!(
            !texts
                .iter()
                .any(|t| t.contains("equal opportunity") || t.contains("discriminate")),
            "{texts:?}"
        );
        // The company name's "Finance" is not a requirement, and what
        // follows the statement still is.
        let skills: Vec<&str> = p
            .requirements
            .iter()
            .flat_map(|r| r.any_of.iter().map(|&s| t.skill(s).id.as_str()))
            .collect();
        assert!(!skills.contains(&"finance"), "{skills:?}");
        assert!(texts.contains(&"Experience with Patient Care"), "{texts:?}");
    }

    #[test]
    fn title_table() {
        let cases = [
            ("Senior Software Engineer - Pulse", true),
            ("Software Engineer II, Backend", true),
            ("Global Supply Manager", true),
            ("Sr. Software Engineer, Backend", true),
            ("Java", false),
            ("Remote", false),
            ("Build backend for Pinner-facing features.", false),
            ("the engineer will build", false),
            ("Software Development Engineer II, Direct Fulfilment", true),
            ("Head of IT (m/f/d)", true),
            ("You\u{2019}ll be reporting to our Head of Engineering", false),
            ("Data Engineer (Streaming)", true),
            ("DevOps", false),
            ("Deep experience with DevOps architecture and implementation", false),
            ("Demonstrated leadership through influencing stakeholders and up-skilling engineers", false),
        ];
        for (line, expected) in cases {
            assert_eq!(is_title_line(line), expected, "{line}");
        }
    }

    #[test]
    fn sentences_split_on_capitalized_starts() {
        let got: Vec<&str> = sentences("Build APIs. Requires 5 years. e.g. foo")
            .iter()
            .map(|s| s.1)
            .collect();
        assert_eq!(got, ["Build APIs.", "Requires 5 years. e.g. foo"]);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::taxonomy::Taxonomy;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    #[test]
    fn a_flattened_posting_gives_the_requirements_of_its_lines() {
        // The same posting as a job board shows it (a line per heading and
        // bullet) and as its export holds it (a title, then one paragraph).
        let lines = [
            "Job Description",
            "The accountant prepares monthly financial statements for the head office and its branches.",
            "The accountant reconciles bank accounts and follows up receivables with the sales team every week.",
            "Job Requirements",
            "• BSc in Accounting and Finance",
            "• 2 years of experience in accounting",
            "• Knowledge of Peachtree and Microsoft Excel",
            "How to Apply",
            "Send your CV and credentials to the address below.",
        ];
        let with_breaks = format!("Accountant\n\n{}\n", lines.join("\n"));
        let flattened = format!("Accountant\n\n{}\n", lines.join(" "));
        assert!(lines.join(" ").len() >= flattened::FLAT_LINE_MIN_BYTES);
        type Summary = Vec<(
            Section,
            RequirementKind,
            Vec<crate::taxonomy::SkillId>,
            Option<f32>,
            String,
        )>;
        let summary = |text: &str| -> Summary {
            let postings = parse_postings(matcher(), "p", text);
            assert_eq!(postings.len(), 1);
            postings[0]
                .requirements
                .iter()
                .map(|r| {
                    (
                        r.section,
                        r.kind,
                        r.any_of.clone(),
                        r.min_years,
                        r.text.clone(),
                    )
                })
                .collect()
        };
        let expected = summary(&with_breaks);
        assert!(expected.len() >= 4, "{expected:?}");
        assert_eq!(summary(&flattened), expected);
        // Evidence offsets point into the flattened text itself.
        for p in parse_postings(matcher(), "p", &flattened) {
            for m in &p.mentions {
                assert!(flattened.get(m.start..m.end).is_some_and(|s| !s.is_empty()));
            }
        }
    }

    fn matcher() -> &'static Matcher<'static> {
        static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
        static MATCHER: OnceLock<Matcher<'static>> = OnceLock::new();
        let taxonomy =
            TAXONOMY.get_or_init(|| Taxonomy::embedded().expect("default taxonomy builds"));
        MATCHER.get_or_init(|| Matcher::new(taxonomy).expect("matcher"))
    }

    #[test]
    fn entry_level_titles_cap_experience_unless_the_posting_says() {
        // (posting, expected max_years of its experience requirements)
        let cases: [(&str, Vec<Option<f32>>); 4] = [
            (
                "Junior Data Analyst\n\nRequirements\n- SQL\n",
                vec![Some(2.0)],
            ),
            (
                "Junior Data Analyst\n\nRequirements\n- 2-4 years of experience\n- SQL\n",
                vec![None],
            ),
            (
                "Graduate Engineer\n\nRequirements\n- 0-1 years of experience\n",
                vec![Some(1.0)],
            ),
            ("Senior Data Analyst\n\nRequirements\n- SQL\n", vec![]),
        ];
        for (text, expected) in cases {
            let posting = &parse_postings(matcher(), "p", text)[0];
            let got: Vec<Option<f32>> = posting
                .requirements
                .iter()
                .filter(|r| r.kind == RequirementKind::Experience)
                .map(|r| r.max_years)
                .collect();
            assert_eq!(got, expected, "{text}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Any text parses without panicking, and every requirement and
        /// mention points inside the text.
        #[test]
        fn any_text_parses_into_consistent_records(
            lines in proptest::collection::vec(
                prop_oneof![
                    "\\PC{0,60}",
                    "(- |• |1\\. )?(Java|Go|R&D|C\\+\\+|Python, Java, or Go|5\\+ years of SQL)( and \\PC{0,10})?",
                    "(Requirements|Nice to have|Benefits|What you'll do|Jobs Related To X)",
                ],
                0..12,
            )
        ) {
            let text = lines.join("\n");
            let matcher = matcher();
            let line_count = text.split('\n').count();
            for posting in parse_postings(matcher, "prop", &text) {
                for r in &posting.requirements {
                    prop_assert!(r.line >= 1 && r.line <= line_count);
                    prop_assert!(text.contains(&r.text));
                    prop_assert!(r.kind != RequirementKind::Skill || !r.any_of.is_empty());
                }
                for m in &posting.mentions {
                    prop_assert!(m.start < m.end && m.end <= text.len());
                    prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                }
            }
        }
    }
}
