//! The candidate's name: a "Name: …" line, else the leading capitalized
//! words of one of the first header lines.
//!
//! A name is 2–4 capitalized words of letters ("Jane Q. Doe", "Ludwig van
//! Beethoven"), none of them a section word, a job title or résumé
//! furniture, and not mostly a skill mention. When in doubt there is no
//! name: a wrong name is worse than none.

use std::ops::Range;

use super::lines::Line;
use super::roles::TITLE_NOUNS;
use super::sections::{HEADER_MODIFIERS, SECTION_WORDS};
use super::ResumeSection;
use crate::extract::Mention;

/// How many non-empty lines at the top of the header are searched for a name.
pub const NAME_SEARCH_LINES: usize = 4;

/// Fewest words in a name found without a "Name:" label.
pub const NAME_MIN_WORDS: usize = 2;

/// Most words in a name.
pub const NAME_MAX_WORDS: usize = 4;

/// How many lines from the top are searched for a "Name: …" line.
pub const NAME_LABEL_SEARCH_LINES: usize = 40;

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

pub(super) fn find_name(
    lines: &[Line<'_>],
    mentions: &[Mention],
    on_line: &[Range<usize>],
) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use crate::extract::resume::fixture::parse;

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
}
