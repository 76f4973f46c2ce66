//! Years of experience asked for: "2+ years", "5-7 years" (5), "at least
//! three years", "minimum of 4 yrs", "3 or more years"; and the ceilings of
//! entry-level postings: "0-2 years", "up to 2 years", "less than 3 years".

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
    let tokens = tokens(text);
    let mut out = Vec::new();
    for (i, &(_, end, word)) in tokens.iter().enumerate() {
        let lower = word.to_ascii_lowercase();
        if !matches!(
            lower.as_str(),
            "year" | "years" | "yrs" | "yr" | "year's" | "years'"
        ) {
            continue;
        }
        // Walk back over "+", "or more", a range "5-7" / "5 to 7", to the first number.
        let mut j = i;
        let mut first: Option<(usize, f32)> = None;
        let mut last: Option<f32> = None;
        while j > 0 && i - j < 6 {
            j -= 1;
            let (s, _, w) = tokens[j];
            let lw = w.to_ascii_lowercase();
            if let Some(n) = number(&lw) {
                first = Some((s, n));
                last = last.or(Some(n));
                continue;
            }
            if matches!(
                lw.as_str(),
                "+" | "-" | "–" | "—" | "to" | "or" | "more" | "plus"
            ) {
                continue;
            }
            break;
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

fn number(word: &str) -> Option<f32> {
    let digits = word.trim_end_matches('+');
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return digits.parse().ok();
    }
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, n)| n)
}

/// Words, numbers and the symbols "+", "-", "–" with byte spans. "5-7" and
/// "2+" are split into their parts.
fn tokens(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let wordish = c.is_alphanumeric() || c == '\'' || c == '.';
        if wordish {
            if start.is_none() {
                start = Some(i);
            }
            // A digit run ends before a letter ("5years" is rare; keep simple).
            continue;
        }
        if let Some(s) = start.take() {
            push_word(&mut out, text, s, i);
        }
        if matches!(c, '+' | '-' | '–' | '—') {
            out.push((i, i + c.len_utf8(), &text[i..i + c.len_utf8()]));
        }
    }
    if let Some(s) = start {
        push_word(&mut out, text, s, text.len());
    }
    out
}

fn push_word<'a>(out: &mut Vec<(usize, usize, &'a str)>, text: &'a str, s: usize, e: usize) {
    let word = text[s..e].trim_end_matches('.');
    if !word.is_empty() {
        out.push((s, s + word.len(), word));
    }
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
