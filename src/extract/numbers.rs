//! Numbers and durations in text: the one lexer that postings ("3+ years",
//! "5-7 years", "at least three years") and résumés ("Java (5 years)",
//! "six months of Go") share.
//!
//! A *number* is digits with an optional decimal part ("5", "2.5", ".5") or
//! a number word ("six", [`NUMBER_WORDS`]); a *unit* is a word for years or
//! months ("years", "yrs", "year's", "months", [`DurationUnit`]). Two shapes
//! are built from them, one per way of reading a phrase:
//!
//! * [`tokens`] cuts a text into numbers, units, "+", dashes and other
//!   words, for a grammar that walks over them: a posting's years phrase
//!   walks back from "years" over "+", "or more" and ranges ("5-7 years",
//!   "5 to 7 years"), whatever separates the words.
//! * [`duration_at`] reads one duration written tight at a position: a
//!   number, "+" or "plus", a hyphen ("5-year") and the unit, with at most
//!   [`PHRASE_MAX_BLANKS`] blanks between the parts. A résumé's stated
//!   years belong to the skill beside them, so it reads only this shape:
//!   walking back over any separator, "Java 8, 3 years" would be 8 years.
//!
//! The callers make one choice, [`GluedYears`]: whether a year unit may be
//! glued to its number ("5years", "3yrs"). Résumés read it: "3+years of
//! Java" still states years. Postings do not: a glued unit there is as
//! often company prose as a requirement, and reading it would turn "our
//! stock has outperformed the S&P 500 … over 20yrs" (a development-corpus
//! posting) into a 20-year experience requirement and change the rankings
//! built on it.
//!
//! Invariants: spans are byte offsets on character boundaries of the text
//! given; matching of number and unit words ignores ASCII case; no input
//! makes a function here panic.

/// Number words accepted in place of digits (postings and résumés alike).
pub(crate) const NUMBER_WORDS: &[(&str, f32)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
];

/// Most blanks (spaces or tabs) between the parts of a tight duration:
/// "5 + years" is one, while a wider gap is layout, not a phrase.
pub(crate) const PHRASE_MAX_BLANKS: usize = 2;

/// Most digits before the decimal point of a tight duration's number: a
/// four-digit number next to "years" is a year or a count, never years of
/// anything.
pub(crate) const DURATION_MAX_DIGITS: usize = 3;

/// Whether a year unit may be written glued to its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GluedYears {
    /// "5years" and "3yrs" are a number and a unit; "5a" is still no number.
    Read,
    /// "5years" is one word, neither a number nor a unit.
    Rejected,
}

/// What a duration is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DurationUnit {
    /// "years", "year", "yrs", "yr", "year's", "years'".
    Years,
    /// "months", "month", "mos".
    Months,
}

impl DurationUnit {
    /// How many years one of this unit is.
    pub(crate) fn in_years(self) -> f32 {
        match self {
            DurationUnit::Years => 1.0,
            DurationUnit::Months => 1.0 / 12.0,
        }
    }
}

/// The words of each unit, lowercase. The possessives are whole words only
/// as [`tokens`] cuts them ("5 year's experience"); [`unit_at`] reads
/// letters and stops at the apostrophe.
const UNIT_WORDS: &[(&str, DurationUnit)] = &[
    ("years", DurationUnit::Years),
    ("year", DurationUnit::Years),
    ("yrs", DurationUnit::Years),
    ("yr", DurationUnit::Years),
    ("year's", DurationUnit::Years),
    ("years'", DurationUnit::Years),
    ("months", DurationUnit::Months),
    ("month", DurationUnit::Months),
    ("mos", DurationUnit::Months),
];

/// The value of a number word ("six"), ignoring ASCII case.
pub(crate) fn number_word(word: &str) -> Option<f32> {
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, value)| value)
}

/// The unit a whole word names ("Years", "yrs"), ignoring ASCII case.
pub(crate) fn unit_word(word: &str) -> Option<DurationUnit> {
    UNIT_WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, unit)| unit)
}

/// The number starting at byte `p` of `text`, and the byte just past it:
/// ASCII digits with an optional decimal part ("5", "2.5"), a decimal part
/// alone (".5"), or a number word. Digits directly followed by a letter are
/// no number ("5a", "3D"), except a year unit when `glue` reads it.
pub(crate) fn number_at(text: &str, p: usize, glue: GluedYears) -> Option<(f32, usize)> {
    let bytes = text.as_bytes();
    let mut end = p + ascii_digits(bytes, p);
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end += 1 + ascii_digits(bytes, end + 1);
    }
    if end == p {
        let len = ascii_letters(bytes, p);
        return number_word(&text[p..p + len]).map(|value| (value, p + len));
    }
    if text[end..].chars().next().is_some_and(char::is_alphabetic) {
        let glued = glue == GluedYears::Read && matches!(bytes.get(end), Some(b'y' | b'Y'));
        if !glued {
            return None;
        }
    }
    let value = text[p..end].parse::<f32>().ok()?;
    Some((value, end))
}

/// The unit starting at byte `p` of `text`, and the byte just past it: a
/// run of ASCII letters that is a unit word and is not followed by a letter
/// or digit ("years" in "5 years,", not in "5 yearsx").
pub(crate) fn unit_at(text: &str, p: usize) -> Option<(DurationUnit, usize)> {
    let end = p + ascii_letters(text.as_bytes(), p);
    let unit = unit_word(&text[p..end])?;
    let glued_on = text[end..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric);
    (!glued_on).then_some((unit, end))
}

/// A duration written tight: "5 years", "3+ yrs", "5-year", "10 plus
/// years", "six months", "2.5 years".
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Duration {
    /// Byte offset of the number.
    pub(crate) start: usize,
    /// Byte offset just past the unit.
    pub(crate) end: usize,
    /// The number as written.
    pub(crate) value: f32,
    /// What it counts.
    pub(crate) unit: DurationUnit,
}

impl Duration {
    /// The duration in years ("18 months" is 1.5).
    pub(crate) fn years(&self) -> f32 {
        self.value * self.unit.in_years()
    }
}

/// The tight duration starting at byte `p` of `text`: a number of at most
/// [`DURATION_MAX_DIGITS`] digits, then "+" or "plus", then a hyphen, then
/// a unit, each part but the number and the unit optional, with at most
/// [`PHRASE_MAX_BLANKS`] blanks before the "+" or "plus" and after it and
/// none after the hyphen. Callers start at a word's start: from the middle
/// of "v2 years" this reads "2 years".
pub(crate) fn duration_at(text: &str, p: usize, glue: GluedYears) -> Option<Duration> {
    let bytes = text.as_bytes();
    if ascii_digits(bytes, p) > DURATION_MAX_DIGITS {
        return None;
    }
    let (value, mut q) = number_at(text, p, glue)?;
    q = skip_blanks(bytes, q);
    if bytes.get(q) == Some(&b'+') {
        q = skip_blanks(bytes, q + 1);
    } else if let Some(after) = word_at(bytes, q, "plus") {
        q = skip_blanks(bytes, after);
    }
    if bytes.get(q) == Some(&b'-') {
        q += 1;
    }
    let (unit, end) = unit_at(text, q)?;
    Some(Duration {
        start: p,
        end,
        value,
        unit,
    })
}

/// What a token of [`tokens`] is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum TokenKind {
    /// A number, with its value.
    Number(f32),
    /// A unit word.
    Unit(DurationUnit),
    /// "+".
    Plus,
    /// "-", "–" or "—".
    Dash,
    /// Any other word.
    Word,
}

/// A word or symbol of a text, with its byte span.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Token<'t> {
    /// Byte offset of the token.
    pub(crate) start: usize,
    /// Byte offset just past it.
    pub(crate) end: usize,
    /// The token as written.
    pub(crate) text: &'t str,
    /// What it is.
    pub(crate) kind: TokenKind,
}

/// The words and symbols of `text`, in order. A word is a run of letters,
/// digits, apostrophes and dots, without its trailing dots ("yrs." is
/// "yrs", "2.5" stays whole); "+" and the dashes are tokens of their own,
/// so "5-7" and "2+" come apart; everything else only separates. With
/// `glue` reading glued years, "5years" is a number and a unit.
pub(crate) fn tokens(text: &str, glue: GluedYears) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() || c == '\'' || c == '.' {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            push_word(&mut out, text, s, i, glue);
        }
        let kind = match c {
            '+' => TokenKind::Plus,
            '-' | '–' | '—' => TokenKind::Dash,
            _ => continue,
        };
        let end = i + c.len_utf8();
        out.push(Token {
            start: i,
            end,
            text: &text[i..end],
            kind,
        });
    }
    if let Some(s) = start {
        push_word(&mut out, text, s, text.len(), glue);
    }
    out
}

/// Pushes the word `text[s..e]` (trailing dots dropped) as a number, a unit,
/// a number and its glued unit, or a plain word.
fn push_word<'t>(out: &mut Vec<Token<'t>>, text: &'t str, s: usize, e: usize, glue: GluedYears) {
    let word = text[s..e].trim_end_matches('.');
    if word.is_empty() {
        return;
    }
    let mut token = |from: usize, to: usize, kind| {
        out.push(Token {
            start: s + from,
            end: s + to,
            text: &word[from..to],
            kind,
        });
    };
    match number_at(word, 0, glue) {
        Some((value, end)) if end == word.len() => token(0, end, TokenKind::Number(value)),
        Some((value, end)) => match unit_word(&word[end..]) {
            Some(unit) if glue == GluedYears::Read => {
                token(0, end, TokenKind::Number(value));
                token(end, word.len(), TokenKind::Unit(unit));
            }
            _ => token(0, word.len(), TokenKind::Word),
        },
        None => {
            let kind = unit_word(word).map_or(TokenKind::Word, TokenKind::Unit);
            token(0, word.len(), kind);
        }
    }
}

/// How many ASCII digits start at byte `p`.
fn ascii_digits(bytes: &[u8], p: usize) -> usize {
    bytes
        .get(p..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// How many ASCII letters start at byte `p`.
fn ascii_letters(bytes: &[u8], p: usize) -> usize {
    bytes
        .get(p..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count()
}

/// Byte `p` moved past at most [`PHRASE_MAX_BLANKS`] spaces or tabs.
fn skip_blanks(bytes: &[u8], p: usize) -> usize {
    p + bytes
        .get(p..)
        .unwrap_or_default()
        .iter()
        .take(PHRASE_MAX_BLANKS)
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count()
}

/// The end of `word` (ASCII, any case) when it is written at byte `p` and
/// no ASCII letter or digit follows it.
fn word_at(bytes: &[u8], p: usize, word: &str) -> Option<usize> {
    let end = p + word.len();
    let head = bytes.get(p..end)?;
    (head.eq_ignore_ascii_case(word.as_bytes())
        && !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric))
    .then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    use DurationUnit::{Months, Years};
    use GluedYears::{Read, Rejected};

    /// `years_phrases` skips a text holding neither "yr" nor "year": every
    /// years unit must hold one of them.
    #[test]
    fn every_years_unit_holds_yr_or_year() {
        for &(word, unit) in UNIT_WORDS {
            if unit == Years {
                assert!(word.contains("yr") || word.contains("year"), "{word}");
            }
        }
    }

    #[test]
    fn numbers_table() {
        // (text, glue, the number read at byte 0 and where it ends)
        type Case<'a> = (&'a str, GluedYears, Option<(f32, usize)>);
        let cases: &[Case<'_>] = &[
            ("5", Rejected, Some((5.0, 1))),
            ("5 years", Rejected, Some((5.0, 1))),
            ("2.5 years", Rejected, Some((2.5, 3))),
            (".5", Rejected, Some((0.5, 2))),
            ("5.", Rejected, Some((5.0, 1))),
            ("1.2.3", Rejected, Some((1.2, 3))),
            ("5+", Rejected, Some((5.0, 1))),
            ("5-7", Rejected, Some((5.0, 1))),
            ("six years", Rejected, Some((6.0, 3))),
            ("Twelve", Rejected, Some((12.0, 6))),
            ("sixty", Rejected, None),
            ("5a", Rejected, None),
            ("5a", Read, None),
            ("5years", Rejected, None),
            ("5years", Read, Some((5.0, 1))),
            ("3Yrs", Read, Some((3.0, 1))),
            ("fiveyears", Read, None),
            ("", Rejected, None),
            ("-5", Rejected, None),
            ("٥", Rejected, None),
        ];
        for (text, glue, expected) in cases {
            assert_eq!(number_at(text, 0, *glue), *expected, "{text:?} {glue:?}");
        }
    }

    #[test]
    fn units_table() {
        let cases: &[(&str, Option<(DurationUnit, usize)>)] = &[
            ("years", Some((Years, 5))),
            ("Yrs.", Some((Years, 3))),
            ("year's", Some((Years, 4))),
            ("months of Go", Some((Months, 6))),
            ("mos)", Some((Months, 3))),
            ("yearsx", None),
            ("years2", None),
            ("y", None),
            ("decades", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(unit_at(text, 0), *expected, "{text:?}");
        }
    }

    #[test]
    fn tight_durations_table() {
        // (text, glue, (value, unit, end) of the duration at byte 0)
        type Case<'a> = (&'a str, GluedYears, Option<(f32, DurationUnit, usize)>);
        let cases: &[Case<'_>] = &[
            ("5 years of Go", Read, Some((5.0, Years, 7))),
            ("3+ yrs", Read, Some((3.0, Years, 6))),
            ("3 + years", Read, Some((3.0, Years, 9))),
            ("10 plus years", Read, Some((10.0, Years, 13))),
            ("5-year project", Read, Some((5.0, Years, 6))),
            ("six months", Read, Some((6.0, Months, 10))),
            ("2.5 years", Read, Some((2.5, Years, 9))),
            ("5years", Read, Some((5.0, Years, 6))),
            ("5years", Rejected, None),
            ("5 years", Rejected, Some((5.0, Years, 7))),
            ("5   years", Read, None),
            ("5 - years", Read, None),
            ("5-7 years", Read, None),
            ("3 or more years", Read, None),
            ("5 yearsx", Read, None),
            ("2019 years", Read, None),
            ("0012 years", Read, None),
            ("5 apples", Read, None),
        ];
        for (text, glue, expected) in cases {
            let got = duration_at(text, 0, *glue).map(|d| (d.value, d.unit, d.end));
            assert_eq!(got, *expected, "{text:?} {glue:?}");
        }
        let months = duration_at("18 months", 0, Read).expect("a duration");
        assert!((months.years() - 1.5).abs() < 1e-6);
    }

    #[test]
    fn tokens_table() {
        use TokenKind::{Dash, Number, Plus, Unit, Word};
        type Case<'a> = (&'a str, GluedYears, &'a [(&'a str, TokenKind)]);
        let cases: &[Case<'_>] = &[
            (
                "5-7 years",
                Rejected,
                &[
                    ("5", Number(5.0)),
                    ("-", Dash),
                    ("7", Number(7.0)),
                    ("years", Unit(Years)),
                ],
            ),
            (
                "2+ Yrs.",
                Rejected,
                &[("2", Number(2.0)), ("+", Plus), ("Yrs", Unit(Years))],
            ),
            (
                "three years' work",
                Rejected,
                &[
                    ("three", Number(3.0)),
                    ("years'", Unit(Years)),
                    ("work", Word),
                ],
            ),
            (
                "1.5 year's, (C++)",
                Rejected,
                &[
                    ("1.5", Number(1.5)),
                    ("year's", Unit(Years)),
                    ("C", Word),
                    ("+", Plus),
                    ("+", Plus),
                ],
            ),
            ("5years", Rejected, &[("5years", Word)]),
            (
                "(+10years)",
                Read,
                &[("+", Plus), ("10", Number(10.0)), ("years", Unit(Years))],
            ),
            ("5yearsold 5a", Read, &[("5yearsold", Word), ("5a", Word)]),
            (
                "5 – 7",
                Rejected,
                &[("5", Number(5.0)), ("–", Dash), ("7", Number(7.0))],
            ),
            ("...", Rejected, &[]),
            ("", Rejected, &[]),
        ];
        for (text, glue, expected) in cases {
            let found = tokens(text, *glue);
            let got: Vec<(&str, TokenKind)> = found.iter().map(|t| (t.text, t.kind)).collect();
            assert_eq!(got, *expected, "{text:?} {glue:?}");
            for t in &found {
                assert_eq!(&text[t.start..t.end], t.text, "{text:?}");
            }
        }
    }
}
