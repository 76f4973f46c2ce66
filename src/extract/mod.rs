//! Extraction: finding skills in text, and turning postings and résumés
//! into the records scoring needs.
//!
//! [`Matcher`] finds skill mentions (alias automaton, typo tolerance,
//! ambiguity rules); [`lookup`] answers what one phrase canonicalizes to;
//! the posting parser splits a posting into sections and requirements; the
//! résumé parser finds a candidate's skills with evidence and years;
//! [`postings_of`] and [`candidate_of`] turn the [`Document`]s that
//! [`crate::input`] reads into both, with the fields a document states.
//!
//! [`Document`]: crate::document::Document

mod ambiguity;
pub mod dates;
mod document;
mod education;
mod fuzzy;
mod lookup;
mod matcher;
mod mention;
mod numbers;
pub mod posting;
pub mod resume;
mod trie;

pub use ambiguity::{
    CONTEXT_MAX_BYTES, CONTEXT_WINDOW_LINES, LIST_GAP_MAX_WORDS, NEARBY_CONTEXT_MAX_BYTES,
    QUALIFIER_WINDOW,
};
pub use document::{candidate_of, extract_postings_for_scoring, postings_of};
pub use education::{accepts_equivalent, degree_levels, DegreeLevel};
pub use fuzzy::{FUZZY_MAX_CHARS, FUZZY_MAX_DISTANCE, FUZZY_MIN_CHARS};
pub use lookup::{lookup, LookupKind, LookupMatch, NEAREST_COUNT};
pub use matcher::{CompiledForms, Matcher, INFLECT_MIN_BYTES};
pub use mention::{Evidence, MatchKind, Mention};

use crate::document::DocumentKind;

/// Phrases typical of postings (matched on whole words).
const POSTING_SIGNS: &[&str] = &[
    "requirements",
    "qualifications",
    "what you'll do",
    "what you will do",
    "what we're looking for",
    "nice to have",
    "benefits",
    "about the role",
    "we are looking for",
    "you will",
    "job description",
    "apply",
    "equal opportunity",
    "preferred qualifications",
    "we offer",
    "the ideal candidate",
    "you have",
    "what you'll bring",
    "what you will bring",
    "who we are",
    "about us",
    "what we offer",
    "your profile",
];

/// Phrases typical of résumés (matched on whole words).
const RESUME_SIGNS: &[&str] = &[
    "work experience",
    "professional experience",
    "employment history",
    "education",
    "skills",
    "certifications",
    "projects",
    "summary",
    "objective",
    "references",
    "curriculum vitae",
    "linkedin.com",
    "career objective",
    "personal details",
];

/// A résumé must show this many more signs than a posting to be read as one:
/// "skills" and "education" appear in postings too.
pub const RESUME_SIGN_MARGIN: usize = 1;

/// Each dated range ("Jan 2019 – Present") counts as this many résumé signs,
/// up to [`DATE_RANGE_SIGNS_MAX`]: postings rarely carry them.
const DATE_RANGE_SIGN_WEIGHT: usize = 1;

/// Most résumé signs that date ranges can add.
const DATE_RANGE_SIGNS_MAX: usize = 3;

/// Guesses whether `text` is a posting or a résumé from the phrases each kind
/// of document uses (as whole words), dated ranges and an e-mail address;
/// "Responsibilities" is no sign: résumés list them under each job. Ties go
/// to posting.
pub fn guess_kind(text: &str) -> DocumentKind {
    let lower = format!(" {} ", crate::normalize::normalize(text));
    let has = |sign: &str| {
        lower.match_indices(sign).any(|(at, _)| {
            let before = lower[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after = lower[at + sign.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            before && after
        })
    };
    let posting = POSTING_SIGNS.iter().filter(|s| has(s)).count();
    let as_of = dates::YearMonth::today();
    let ranges: usize = text
        .lines()
        .map(|line| dates::find_date_ranges(line, as_of).len())
        .sum();
    // A personal e-mail address: "name@host.tld".
    let email = text.split_whitespace().any(|w| {
        w.find('@')
            .is_some_and(|at| at > 0 && w[at..].contains('.'))
    });
    let resume = RESUME_SIGNS.iter().filter(|s| has(s)).count()
        + (ranges * DATE_RANGE_SIGN_WEIGHT).min(DATE_RANGE_SIGNS_MAX)
        + usize::from(email);
    if resume > posting + RESUME_SIGN_MARGIN {
        DocumentKind::Resume
    } else {
        DocumentKind::Posting
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A generated posting whose only section headings are "Who we are",
    /// "What you'll bring" and "Preferred": with "skills" and dated-looking
    /// lines it read as a résumé before those headings counted as posting
    /// signs.
    const BRING_POSTING: &str = r#"# Senior Frontend Developer

**Evergreen Systems** · Stockholm, Sweden · Full-time

## Who we are
Evergreen Systems has been growing for 14 years. We are a team of 861 people across 4 offices, and we care about doing the work well.

## Responsibilities
1. Own the design system with our designers, in Storybook.js
2. Improve page load and rendering performance of the Next.js app
3. Write tests for the TypeScript front end with microsoft playwright

## What you'll bring
1. At least 7 years of professional experience in TypeScript
2. Working knowledge of Next.js
3. Proficiency in React.js
4. Minimum of 2 years working with HTML
5. Working knowledge of Vite.js
6. Familiarity with Cypress.io, microsoft playwright and Jestjs

## Preferred
1. Solid experience with Joomla
2. Strong Contentful skills
3. Hands-on experience with scss

"#;

    const DATED_RESUME: &str = "Jane Doe\njane@example.com\n\nSummary\nFrontend developer.\n\n\
        Work Experience\nAcme, Jan 2019 – Present\n- React\n\nEducation\nBSc, 2014 – 2018\n\n\
        Skills\nTypeScript, React\n";

    #[test]
    fn guess_kind_reads_posting_and_resume_signs() {
        let cases = [
            (BRING_POSTING, DocumentKind::Posting),
            (DATED_RESUME, DocumentKind::Resume),
            (
                "About us\nWe build tools.\n\nYour profile\n- Rust\n\nWhat we offer\n- Remote work\n\nSkills\nRust\n\nEducation\nBSc",
                DocumentKind::Posting,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(guess_kind(text), want, "{text}");
        }
    }
}
