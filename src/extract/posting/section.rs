//! Posting sections: which header starts which kind of block.
//!
//! A header is a short line made only of header vocabulary ("Requirements
//! For Backend Engineer", "What we're looking for", "Nice to have",
//! "Minimum qualifications"), a short line ending with a colon, or a
//! Markdown heading. Its block decides what the lines under it are:
//! requirements (required or preferred), responsibilities, description, or
//! text that is not a requirement at all (benefits, about the company, legal
//! and salary notes, "Interested in this job?", related jobs).

use serde::{Deserialize, Serialize};

use crate::normalize::normalize;

/// The section a requirement comes from (the contract's `section`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// Must have.
    Required,
    /// Nice to have, bonus, plus.
    Preferred,
    /// What the job holder will do.
    Responsibility,
}

impl Section {
    /// Every section, in the order reports show them.
    pub const ALL: [Section; 3] = [
        Section::Required,
        Section::Preferred,
        Section::Responsibility,
    ];

    /// The contract name: `required`, `preferred`, `responsibility`.
    pub fn name(self) -> &'static str {
        match self {
            Section::Required => "required",
            Section::Preferred => "preferred",
            Section::Responsibility => "responsibility",
        }
    }
}

/// Why a block holds no requirements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Excluded {
    /// Benefits, perks, compensation, salary notes.
    Benefits,
    /// About the company, culture, mission.
    Company,
    /// Equal opportunity, legal, privacy.
    Legal,
    /// How to apply, "Interested in this job?", additional notes.
    Apply,
    /// "Jobs Related To …", similar jobs: everything after it is other postings.
    RelatedJobs,
}

/// What the lines under a header are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// Requirements or responsibilities.
    Requirements(Section),
    /// Description, overview, summary: not requirements when the posting has
    /// requirement sections, the source of requirements when it has none.
    Description,
    /// Not requirements at all.
    Excluded(Excluded),
    /// A header we do not recognize: its lines are treated like description.
    Unknown,
}

/// Header lines longer than this (in characters) are never headers.
pub const HEADER_MAX_CHARS: usize = 70;

/// Header lines with more words than this are never headers.
pub const HEADER_MAX_WORDS: usize = 8;

/// Lines ending with a colon count as headers up to this many words.
pub const COLON_HEADER_MAX_WORDS: usize = 6;

/// Phrases that classify a header, searched in the normalized header text;
/// the earliest match wins, ties go to the earlier table entry.
const PHRASES: &[(&str, Block)] = &[
    ("jobs related", Block::Excluded(Excluded::RelatedJobs)),
    ("related jobs", Block::Excluded(Excluded::RelatedJobs)),
    ("similar jobs", Block::Excluded(Excluded::RelatedJobs)),
    ("more jobs", Block::Excluded(Excluded::RelatedJobs)),
    ("other jobs", Block::Excluded(Excluded::RelatedJobs)),
    ("recommended jobs", Block::Excluded(Excluded::RelatedJobs)),
    ("people also viewed", Block::Excluded(Excluded::RelatedJobs)),
    ("benefit", Block::Excluded(Excluded::Benefits)),
    ("perks", Block::Excluded(Excluded::Benefits)),
    ("what we offer", Block::Excluded(Excluded::Benefits)),
    ("we offer", Block::Excluded(Excluded::Benefits)),
    ("our offer", Block::Excluded(Excluded::Benefits)),
    ("compensation", Block::Excluded(Excluded::Benefits)),
    ("salary", Block::Excluded(Excluded::Benefits)),
    ("pay range", Block::Excluded(Excluded::Benefits)),
    ("pay transparency", Block::Excluded(Excluded::Benefits)),
    ("equal opportunity", Block::Excluded(Excluded::Legal)),
    ("equal employment", Block::Excluded(Excluded::Legal)),
    ("eeo", Block::Excluded(Excluded::Legal)),
    ("legal", Block::Excluded(Excluded::Legal)),
    ("disclaimer", Block::Excluded(Excluded::Legal)),
    ("privacy", Block::Excluded(Excluded::Legal)),
    ("accommodation", Block::Excluded(Excluded::Legal)),
    ("interested in this job", Block::Excluded(Excluded::Apply)),
    ("how to apply", Block::Excluded(Excluded::Apply)),
    ("apply now", Block::Excluded(Excluded::Apply)),
    ("application process", Block::Excluded(Excluded::Apply)),
    ("additional notes", Block::Excluded(Excluded::Apply)),
    ("additional information", Block::Excluded(Excluded::Apply)),
    (
        "who we are looking for",
        Block::Requirements(Section::Required),
    ),
    (
        "who we're looking for",
        Block::Requirements(Section::Required),
    ),
    ("who we are", Block::Excluded(Excluded::Company)),
    ("about us", Block::Excluded(Excluded::Company)),
    ("about the company", Block::Excluded(Excluded::Company)),
    ("company overview", Block::Excluded(Excluded::Company)),
    ("company description", Block::Excluded(Excluded::Company)),
    ("our mission", Block::Excluded(Excluded::Company)),
    ("our story", Block::Excluded(Excluded::Company)),
    ("our culture", Block::Excluded(Excluded::Company)),
    ("why join", Block::Excluded(Excluded::Company)),
    ("why work", Block::Excluded(Excluded::Company)),
    ("life at", Block::Excluded(Excluded::Company)),
    ("nice to have", Block::Requirements(Section::Preferred)),
    ("we'd love", Block::Requirements(Section::Preferred)),
    ("we would love", Block::Requirements(Section::Preferred)),
    ("pluses", Block::Requirements(Section::Preferred)),
    ("nice-to-have", Block::Requirements(Section::Preferred)),
    ("good to have", Block::Requirements(Section::Preferred)),
    ("great to have", Block::Requirements(Section::Preferred)),
    ("preferred", Block::Requirements(Section::Preferred)),
    ("bonus", Block::Requirements(Section::Preferred)),
    ("plus", Block::Requirements(Section::Preferred)),
    ("desired", Block::Requirements(Section::Preferred)),
    ("desirable", Block::Requirements(Section::Preferred)),
    ("would be great", Block::Requirements(Section::Preferred)),
    ("ideally", Block::Requirements(Section::Preferred)),
    ("extra credit", Block::Requirements(Section::Preferred)),
    ("optional", Block::Requirements(Section::Preferred)),
    ("advantage", Block::Requirements(Section::Preferred)),
    (
        "responsibilit",
        Block::Requirements(Section::Responsibility),
    ),
    (
        "what you'll do",
        Block::Requirements(Section::Responsibility),
    ),
    (
        "what you will do",
        Block::Requirements(Section::Responsibility),
    ),
    ("what you'd", Block::Requirements(Section::Responsibility)),
    (
        "what you would do",
        Block::Requirements(Section::Responsibility),
    ),
    (
        "what you'll be doing",
        Block::Requirements(Section::Responsibility),
    ),
    (
        "what you will be doing",
        Block::Requirements(Section::Responsibility),
    ),
    ("duties", Block::Requirements(Section::Responsibility)),
    ("the role", Block::Requirements(Section::Responsibility)),
    ("your role", Block::Requirements(Section::Responsibility)),
    ("in this role", Block::Requirements(Section::Responsibility)),
    ("day to day", Block::Requirements(Section::Responsibility)),
    ("day-to-day", Block::Requirements(Section::Responsibility)),
    ("your mission", Block::Requirements(Section::Responsibility)),
    ("your impact", Block::Requirements(Section::Responsibility)),
    ("tasks", Block::Requirements(Section::Responsibility)),
    (
        "accountabilities",
        Block::Requirements(Section::Responsibility),
    ),
    ("requirement", Block::Requirements(Section::Required)),
    ("required", Block::Requirements(Section::Required)),
    ("qualification", Block::Requirements(Section::Required)),
    ("must have", Block::Requirements(Section::Required)),
    ("must-have", Block::Requirements(Section::Required)),
    ("looking for", Block::Requirements(Section::Required)),
    ("you'll need", Block::Requirements(Section::Required)),
    ("you will need", Block::Requirements(Section::Required)),
    ("what you need", Block::Requirements(Section::Required)),
    ("you bring", Block::Requirements(Section::Required)),
    ("you'll bring", Block::Requirements(Section::Required)),
    ("you will bring", Block::Requirements(Section::Required)),
    ("your background", Block::Requirements(Section::Required)),
    ("criteria", Block::Requirements(Section::Required)),
    ("who you are", Block::Requirements(Section::Required)),
    ("about you", Block::Requirements(Section::Required)),
    ("your profile", Block::Requirements(Section::Required)),
    ("profile", Block::Requirements(Section::Required)),
    ("skills", Block::Requirements(Section::Required)),
    ("experience", Block::Requirements(Section::Required)),
    ("tech stack", Block::Requirements(Section::Required)),
    ("technologies", Block::Requirements(Section::Required)),
    ("you have", Block::Requirements(Section::Required)),
    ("you'll have", Block::Requirements(Section::Required)),
    ("competenc", Block::Requirements(Section::Required)),
    ("expertise", Block::Requirements(Section::Required)),
    ("expectations", Block::Requirements(Section::Required)),
    ("ideal candidate", Block::Requirements(Section::Required)),
    ("essential", Block::Requirements(Section::Required)),
    ("knowledge", Block::Requirements(Section::Required)),
    ("to succeed", Block::Requirements(Section::Required)),
    ("description", Block::Description),
    ("overview", Block::Description),
    ("summary", Block::Description),
    ("about the role", Block::Description),
    ("about the job", Block::Description),
    ("about this role", Block::Description),
    ("about the position", Block::Description),
    ("the opportunity", Block::Description),
    ("introduction", Block::Description),
];

/// Words a header may consist of (besides the phrases' own words).
const HEADER_WORDS: &[&str] = &[
    "a",
    "about",
    "actually",
    "additional",
    "all",
    "also",
    "an",
    "and",
    "are",
    "as",
    "at",
    "basic",
    "be",
    "but",
    "can",
    "candidate",
    "core",
    "current",
    "do",
    "doing",
    "education",
    "emphasized",
    "expect",
    "for",
    "from",
    "get",
    "great",
    "have",
    "help",
    "here",
    "highly",
    "how",
    "i",
    "if",
    "ideal",
    "in",
    "is",
    "it",
    "job",
    "jd",
    "key",
    "like",
    "main",
    "me",
    "minimum",
    "more",
    "must",
    "need",
    "needs",
    "nice",
    "notes",
    "of",
    "on",
    "or",
    "other",
    "our",
    "position",
    "primary",
    "professional",
    "role",
    "should",
    "soft",
    "some",
    "team",
    "technical",
    "that",
    "the",
    "this",
    "to",
    "us",
    "want",
    "we",
    "we'd",
    "we'll",
    "we're",
    "what",
    "who",
    "why",
    "will",
    "with",
    "would",
    "you",
    "you'd",
    "you'll",
    "you're",
    "your",
    "would",
    "&",
    "+",
    "-",
    "/",
    "|",
    "key",
    "main",
    "requested",
    "specific",
    "general",
    "hard",
    "strong",
    "bring",
    "offer",
    "work",
    "working",
    "apply",
    "interested",
    "someone",
    "love",
    "if",
    "points",
    "qualities",
    "areas",
];

/// If `line` (trimmed, without bullet) is a header, the block it opens.
pub fn header_block(line: &str) -> Option<Block> {
    let trimmed = line.trim();
    if trimmed.is_empty() || trimmed.chars().count() > HEADER_MAX_CHARS {
        return None;
    }
    // "## Requirements" and "**Requirements**" are Markdown headers.
    let emphasis = |c: char| c == '*' || c == '_';
    let bold = trimmed.len() > 4
        && trimmed.starts_with("**")
        && trimmed.trim_end_matches(':').ends_with("**");
    let markdown = trimmed.starts_with('#') || bold;
    let body = trimmed
        .trim_start_matches('#')
        .trim()
        .trim_matches(emphasis)
        .trim_end_matches(':')
        .trim_end_matches(emphasis);
    let body_colon = trimmed.ends_with(':');
    let ends_colon = body_colon || body.ends_with(':');
    let text = normalize(body.trim_end_matches([':', '?', '.', '!']));
    if text.split(' ').count() > HEADER_MAX_WORDS {
        return None;
    }
    // "Requirements For Backend Software Engineer": the title after "for"
    // is not header vocabulary.
    let core = strip_for_suffix(&text);
    let words: Vec<&str> = core
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let &first = words.first()?;
    let vocabulary_only = words.iter().all(|w| is_header_word(w));
    let colon_header = ends_colon && words.len() <= COLON_HEADER_MAX_WORDS;
    // Most lines are content: decide that before the phrase search.
    if !(vocabulary_only || markdown || colon_header || first == "about") {
        return None;
    }
    if let Some(block) = about_company(&words) {
        if ends_colon || markdown || words.len() <= 3 {
            return Some(block);
        }
    }
    match classify(core) {
        Some(block) if vocabulary_only || markdown || colon_header => Some(block),
        None if markdown || colon_header || (vocabulary_only && words.len() >= 2) => {
            // "What the JD emphasized": a header, but not one we can classify.
            Some(Block::Unknown)
        }
        _ => None,
    }
}

/// Phrases of equal-opportunity, non-discrimination and accommodation
/// statements (matched at word starts, so "accommodation" also finds
/// "accommodations"). A line that holds one is legal boilerplate wherever it
/// stands: postings often put those sentences right under the requirements,
/// with no header of their own.
const LEGAL_STATEMENT_PHRASES: &[&str] = &[
    "equal opportunity employer",
    "equal employment opportunit",
    "an equal opportunity",
    "reasonable accommodation",
    "without regard to",
    "regardless of race",
    "affirmative action",
    "qualified applicants will receive consideration",
    "applicants of every background",
    "applicants from all backgrounds",
    "do not discriminate",
    "does not discriminate",
    "protected veteran",
    "protected attribute",
    "arrest and conviction",
];

/// Is `line` an equal-opportunity or accommodation statement (see
/// [`LEGAL_STATEMENT_PHRASES`])?
///
/// Every line of a posting is asked, so this compares the phrases, ASCII
/// case-insensitively, at the line's word starts in one pass, without
/// normalizing the line first.
pub(crate) fn is_legal_statement(line: &str) -> bool {
    let bytes = line.as_bytes();
    let mut prev_alnum = false;
    for (at, c) in line.char_indices() {
        if !prev_alnum && c.is_ascii_alphabetic() {
            let rest = &bytes[at..];
            let starts_here = |phrase: &&str| {
                rest.get(..phrase.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(phrase.as_bytes()))
            };
            if LEGAL_STATEMENT_PHRASES.iter().any(starts_here) {
                return true;
            }
        }
        prev_alnum = c.is_alphanumeric();
    }
    false
}

/// The block a header phrase names, if any: earliest phrase match wins
/// (at the same word, the earlier phrase in [`PHRASES`]). One pass over the
/// text's word starts, trying every phrase at each.
pub fn classify(text: &str) -> Option<Block> {
    let bytes = text.as_bytes();
    let mut prev_alnum = false;
    for (at, c) in text.char_indices() {
        if !prev_alnum {
            let rest = &bytes[at..];
            if let Some(&(_, block)) = PHRASES
                .iter()
                .find(|(phrase, _)| rest.starts_with(phrase.as_bytes()))
            {
                return Some(block);
            }
        }
        prev_alnum = c.is_alphanumeric();
    }
    None
}

/// "About Pinterest" is about the company; "About you", "About the role" are not.
fn about_company(words: &[&str]) -> Option<Block> {
    if words.first() != Some(&"about") || words.len() < 2 || words.len() > 4 {
        return None;
    }
    match classify(&words.join(" ")) {
        Some(Block::Requirements(_)) | Some(Block::Description) => None,
        _ => Some(Block::Excluded(Excluded::Company)),
    }
}

fn strip_for_suffix(text: &str) -> &str {
    for sep in [" for ", " to ", " at ", " - ", " – ", ": "] {
        if let Some(i) = text.find(sep) {
            let head = &text[..i];
            if head.split(' ').all(is_header_word) && classify(head).is_some() {
                return head;
            }
        }
    }
    text
}

/// Is every word of `text` header vocabulary ("Must have", "Key skills"),
/// so that `text:` heading a bullet is a label and not content ("Good CSS
/// skills: layout …")?
pub(crate) fn is_vocabulary_phrase(text: &str) -> bool {
    let text = normalize(text.trim().trim_matches(['*', '_', ' ']));
    let mut words = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some() && words.all(is_header_word)
}

pub(crate) fn is_header_word(word: &str) -> bool {
    use std::collections::HashSet;
    use std::sync::OnceLock;
    // Whole words, and the stems ("responsibilit", "qualification") that
    // also match their longer forms.
    static VOCABULARY: OnceLock<(HashSet<&'static str>, Vec<&'static str>)> = OnceLock::new();
    let (words, stems) = VOCABULARY.get_or_init(|| {
        let phrase_words = PHRASES.iter().flat_map(|(phrase, _)| phrase.split(' '));
        let words = HEADER_WORDS
            .iter()
            .copied()
            .chain(phrase_words.clone())
            .collect();
        let mut stems: Vec<&str> = phrase_words.filter(|p| p.len() >= 5).collect();
        stems.sort_unstable();
        stems.dedup();
        (words, stems)
    });
    words.contains(word) || stems.iter().any(|p| word.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_statement_table() {
        let cases = [
            ("Kestrel Clinic is an equal opportunity employer.", true),
            ("We are an Equal Employment Opportunity Employer.", true),
            (
                "We provide equal employment opportunities to all applicants",
                true,
            ),
            (
                "We do not discriminate on the basis of any protected attribute",
                true,
            ),
            (
                "We will make reasonable accommodations throughout the hiring process.",
                true,
            ),
            (
                "All qualified applicants will receive consideration for employment",
                true,
            ),
            (
                "We take affirmative action to ensure equal opportunity",
                true,
            ),
            ("Experience with accommodation booking systems", false),
            ("5+ years of Java regardless of framework", false),
            ("Knowledge of employment law", false),
            ("Strong communication skills", false),
        ];
        for (line, expected) in cases {
            assert_eq!(is_legal_statement(line), expected, "{line}");
        }
    }

    #[test]
    fn header_table() {
        use Block::*;
        use Section::*;
        let cases = [
            (
                "Requirements For Backend Software Engineer",
                Some(Requirements(Required)),
            ),
            (
                "Responsibilities For Backend Software Engineer",
                Some(Requirements(Responsibility)),
            ),
            (
                "Benefits For Backend Software Engineer",
                Some(Excluded(super::Excluded::Benefits)),
            ),
            (
                "Description For Backend Software Engineer",
                Some(Description),
            ),
            ("Qualifications:", Some(Requirements(Required))),
            (
                "Responsibilities include:",
                Some(Requirements(Responsibility)),
            ),
            ("What you\u{2019}ll do", Some(Requirements(Responsibility))),
            (
                "What we\u{2019}re looking for",
                Some(Requirements(Required)),
            ),
            ("What you'd actually do", Some(Requirements(Responsibility))),
            ("Skills", Some(Requirements(Required))),
            ("Required", Some(Requirements(Required))),
            ("Nice to have", Some(Requirements(Preferred))),
            ("Preferred Qualifications", Some(Requirements(Preferred))),
            ("Minimum qualifications", Some(Requirements(Required))),
            ("Bonus points", Some(Requirements(Preferred))),
            ("About you", Some(Requirements(Required))),
            ("About Pinterest:", Some(Excluded(super::Excluded::Company))),
            ("Additional Notes:", Some(Excluded(super::Excluded::Apply))),
            (
                "Interested in this job?",
                Some(Excluded(super::Excluded::Apply)),
            ),
            (
                "Jobs Related To Pinterest Backend Software Engineer",
                Some(Excluded(super::Excluded::RelatedJobs)),
            ),
            ("## Tech stack", Some(Requirements(Required))),
            ("Job Description", Some(Description)),
            ("What the JD emphasized", Some(Unknown)),
            ("Who we are looking for", Some(Requirements(Required))),
            ("What you'll bring", Some(Requirements(Required))),
            ("Essential criteria", Some(Requirements(Required))),
            ("Desirable criteria", Some(Requirements(Preferred))),
            ("Pluses", Some(Requirements(Preferred))),
            ("We'd love if you have", Some(Requirements(Preferred))),
            ("Your background", Some(Requirements(Required))),
            ("**Requirements**", Some(Requirements(Required))),
            ("**Requirements:**", Some(Requirements(Required))),
            ("Experience with Java or C++", None),
            ("Knowledge of distributed systems", None),
            ("Java", None),
            ("Remote", None),
            ("Strong collaboration and communication skills.", None),
        ];
        for (line, expected) in cases {
            assert_eq!(header_block(line), expected, "{line}");
        }
    }
}
