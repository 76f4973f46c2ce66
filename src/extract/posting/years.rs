//! Years of experience asked for: "2+ years", "5-7 years" (5), "at least
//! three years", "minimum of 4 yrs", "3 or more years"; and the ceilings of
//! entry-level postings: "0-2 years", "up to 2 years", "less than 3 years".
//!
//! Numbers and units are read by the lexer résumés use too
//! (`extract/numbers.rs`); what is a posting's own is the phrase around
//! them: the walk back from "years" over "+", "or more" and ranges, and the
//! ceilings. A year unit glued to its number ("5years") is not read here.

use crate::extract::numbers::{tokens, DurationUnit, GluedYears, TokenKind};

/// Years above this are not a requirement ("over 100 years of history").
pub const MAX_REQUIRED_YEARS: f32 = 30.0;

/// A years phrase found in a requirement text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YearsPhrase {
    /// Byte offset of the number in the text.
    pub start: usize,
    /// Byte offset just past "years".
    pub end: usize,
    /// The minimum years asked for (0 for "0-2 years" and "up to 2 years").
    pub min_years: f32,
    /// The most years the posting looks for: "0-2 years" and "up to 2
    /// years" give 2. Set only for ranges from zero and "up to" phrases,
    /// which mark entry-level roles; "5-7 years" is a minimum of 5.
    pub max_years: Option<f32>,
    /// The phrase asks for experience in general ("5-7 years of
    /// experience, strong Go"), not for the skill named after it.
    pub total: bool,
}

/// The years phrases in `text`, in order.
///
/// ```
/// use skillmatch::extract::posting::years_phrases;
/// let found = |t: &str| years_phrases(t).iter().map(|y| y.min_years).collect::<Vec<_>>();
/// assert_eq!(found("5-7 years of experience"), [5.0]);
/// assert_eq!(found("at least three years with Go"), [3.0]);
/// ```
pub fn years_phrases(text: &str) -> Vec<YearsPhrase> {
    // Every years unit ("years", "yrs", "yr", "year's") holds "yr" or
    // "year": a text without either has no phrase, and is not cut into
    // tokens (a long paragraph would take 40 bytes a word).
    let has_unit = |word: &[u8]| {
        text.as_bytes()
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    if !has_unit(b"yr") && !has_unit(b"year") {
        return Vec::new();
    }
    let tokens = tokens(text, POSTING_GLUED_YEARS);
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if token.kind != TokenKind::Unit(DurationUnit::Years) {
            continue;
        }
        let end = token.end;
        // Walk back over "+", "or more", a range "5-7" / "5 to 7", to the first number.
        let mut j = i;
        let mut first: Option<(usize, f32)> = None;
        let mut last: Option<f32> = None;
        while j > 0 && i - j < PHRASE_MAX_TOKENS_BEFORE_UNIT {
            j -= 1;
            let before = &tokens[j];
            match before.kind {
                TokenKind::Number(n) => {
                    first = Some((before.start, n));
                    last = last.or(Some(n));
                }
                TokenKind::Plus | TokenKind::Dash => {}
                TokenKind::Word
                    if PHRASE_WORDS
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(before.text)) => {}
                _ => break,
            }
        }
        if let Some((s, n)) = first {
            let upper = last.unwrap_or(n);
            // "up to 2 years", "no more than 2 years", "less than 3 years".
            let before = text[..s].trim_end().to_ascii_lowercase();
            let ceiling = CEILING_WORDS.iter().any(|c| {
                let Some(head) = before.strip_suffix(c) else {
                    return false;
                };
                // "no less than 5 years" is a floor.
                let negated = ["no", "not", "never"]
                    .iter()
                    .any(|n| head.trim_end().rsplit(' ').next() == Some(n));
                !head.ends_with(|ch: char| ch.is_ascii_alphanumeric()) && !negated
            });
            let from_zero = n == 0.0 && upper > 0.0;
            // "0 to 18-year-olds" and "a photo no more than 1 year old" are
            // no ceiling: it must be experience.
            let of_experience = text[end..]
                .split(|c: char| c.is_whitespace())
                .filter(|w| !w.is_empty())
                .take(CEILING_EXPERIENCE_WORDS)
                .any(|w| w.to_ascii_lowercase().starts_with("experience"));
            if (ceiling || from_zero) && of_experience && upper <= MAX_REQUIRED_YEARS {
                out.push(YearsPhrase {
                    start: s,
                    end,
                    min_years: 0.0,
                    max_years: Some(upper),
                    total: true,
                });
            } else if n > 0.0 && n <= MAX_REQUIRED_YEARS {
                out.push(YearsPhrase {
                    start: s,
                    end,
                    min_years: n,
                    max_years: None,
                    total: is_general_experience(&text[end..]),
                });
            }
        }
    }
    out
}

/// Postings do not read a year unit glued to its number: "over 20yrs" in
/// a company's history would become a requirement.
const POSTING_GLUED_YEARS: GluedYears = GluedYears::Rejected;

/// Most tokens walked back from "years" to the first number: "5 or more
/// years" is three, "5 - 7 + years" four.
const PHRASE_MAX_TOKENS_BEFORE_UNIT: usize = 6;

/// Words a years phrase may hold between its number and "years": "3 or
/// more years", "5 to 7 years", "5 plus years".
const PHRASE_WORDS: &[&str] = &["to", "or", "more", "plus"];

/// A ceiling counts only when "experience" is among this many words after
/// "years": "0-2 years of relevant experience".
const CEILING_EXPERIENCE_WORDS: usize = 4;

/// Words that make the number after them a ceiling: "up to 2 years".
const CEILING_WORDS: &[&str] = &[
    "up to",
    "no more than",
    "at most",
    "less than",
    "under",
    "maximum of",
    "max",
];

/// Words allowed between "years of" and "experience" in a general phrase.
const GENERAL_EXPERIENCE_WORDS: &[&str] = &[
    "professional",
    "relevant",
    "industry",
    "work",
    "overall",
    "total",
    "related",
    "proven",
    "hands-on",
];

/// Does the text after "N years" ask for experience in general: "of
/// (professional) experience" followed by the end of the clause?
fn is_general_experience(after: &str) -> bool {
    let lower = after.trim_start().to_lowercase();
    let rest = lower.strip_prefix("of ").unwrap_or(&lower);
    let rest = match rest.split_once(' ') {
        Some((word, tail)) if GENERAL_EXPERIENCE_WORDS.contains(&word) => tail,
        _ => rest,
    };
    let Some(tail) = rest.strip_prefix("experience") else {
        return false;
    };
    let tail = tail.trim_start();
    tail.is_empty()
        || tail.starts_with([',', '.', ';', ')', '\u{2014}', '-'])
        || ["in the job", "in a related", "in related", "or ", "and "]
            .iter()
            .any(|p| tail.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_table() {
        let cases: &[(&str, &[f32])] = &[
            ("2+ years of experience", &[2.0]),
            ("5-7 years of experience", &[5.0]),
            ("5 – 7 years", &[5.0]),
            ("at least three years of Go", &[3.0]),
            ("3 or more years", &[3.0]),
            ("minimum of 4 yrs", &[4.0]),
            ("2 years of experience in the job or related field", &[2.0]),
            (
                "5+ years of industry backend development experience",
                &[5.0],
            ),
            ("10+ years", &[10.0]),
            ("over 100 years of history", &[]),
            ("years of experience", &[]),
            ("Java 8 and 3 years of Go", &[3.0]),
            ("1.5 years", &[1.5]),
            ("0-2 years of experience", &[0.0]),
            ("10years of Go", &[]),
            ("outperformed the S&P 500 over 20yrs.", &[]),
        ];
        for (text, expected) in cases {
            let got: Vec<f32> = years_phrases(text).iter().map(|y| y.min_years).collect();
            assert_eq!(&got, expected, "{text}");
        }
    }

    #[test]
    fn ceilings_table() {
        // (text, expected (min, max) of the first phrase)
        type MinMax = Option<(f32, Option<f32>)>;
        let cases: &[(&str, MinMax)] = &[
            ("0-2 years of experience", Some((0.0, Some(2.0)))),
            (
                "0 to 1 years of professional experience",
                Some((0.0, Some(1.0))),
            ),
            ("up to 2 years of experience", Some((0.0, Some(2.0)))),
            (
                "no more than three years of experience",
                Some((0.0, Some(3.0))),
            ),
            (
                "less than 3 years experience in industry",
                Some((0.0, Some(3.0))),
            ),
            ("Lunder 2 years of experience", Some((2.0, None))),
            ("No less than 5 years of experience", Some((5.0, None))),
            ("treatment of 0 to 18-year-olds", None),
            ("a photo no more than 1 year old", Some((1.0, None))),
            ("0-2 years in a similar role", None),
            ("5-7 years of experience", Some((5.0, None))),
            ("2+ years", Some((2.0, None))),
            ("0 years", None),
        ];
        for (text, expected) in cases {
            let got = years_phrases(text)
                .first()
                .map(|y| (y.min_years, y.max_years));
            assert_eq!(&got, expected, "{text}");
        }
        // A ceiling is about experience in general.
        assert!(years_phrases("0-2 years of Java experience")
            .iter()
            .all(|y| y.total));
    }

    #[test]
    fn general_experience_table() {
        let cases = [
            (
                "Requires 5-7 years of experience, strong DevOps skills",
                true,
            ),
            ("2 years of experience in the job or related field", true),
            ("3+ years of professional experience.", true),
            ("8 years experience", true),
            ("2+ years of experience with Java", false),
            ("5+ years of industry backend development experience", false),
            ("3 years of Go", false),
        ];
        for (text, expected) in cases {
            let got = years_phrases(text).first().map(|y| y.total);
            assert_eq!(got, Some(expected), "{text}");
        }
    }
}
