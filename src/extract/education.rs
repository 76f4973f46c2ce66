//! Degree levels, as postings require them and résumés state them.
//!
//! Levels are recognized from the words real text uses ("Bachelor's",
//! "BS", "B.Sc.", "MS", "Ph.D.", "Associate degree", "undergraduate
//! degree"). Short abbreviations count only in their usual uppercase
//! spelling ("MS", "BA"), so "ms" in prose is not a master's degree.

use serde::{Deserialize, Serialize};

/// A degree level, ordered from lowest to highest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DegreeLevel {
    /// Associate degree.
    Associate,
    /// Bachelor's degree.
    Bachelor,
    /// Master's degree (MBA included).
    Master,
    /// Doctorate.
    Phd,
}

impl DegreeLevel {
    /// The contract name: `associate`, `bachelor`, `master`, `phd`.
    pub fn name(self) -> &'static str {
        match self {
            DegreeLevel::Associate => "associate",
            DegreeLevel::Bachelor => "bachelor",
            DegreeLevel::Master => "master",
            DegreeLevel::Phd => "phd",
        }
    }
}

/// Case-insensitive words (compared on lowercase words with dots removed)
/// that name a degree level.
const LEVEL_WORDS: &[(&str, DegreeLevel)] = &[
    ("associate", DegreeLevel::Associate),
    ("associates", DegreeLevel::Associate),
    ("bachelor", DegreeLevel::Bachelor),
    ("bachelors", DegreeLevel::Bachelor),
    ("baccalaureate", DegreeLevel::Bachelor),
    ("undergraduate", DegreeLevel::Bachelor),
    ("bsc", DegreeLevel::Bachelor),
    ("btech", DegreeLevel::Bachelor),
    ("beng", DegreeLevel::Bachelor),
    ("bachelor's", DegreeLevel::Bachelor),
    ("master", DegreeLevel::Master),
    ("masters", DegreeLevel::Master),
    ("master's", DegreeLevel::Master),
    ("msc", DegreeLevel::Master),
    ("mtech", DegreeLevel::Master),
    ("meng", DegreeLevel::Master),
    ("mba", DegreeLevel::Master),
    ("postgraduate", DegreeLevel::Master),
    ("graduate", DegreeLevel::Master),
    ("phd", DegreeLevel::Phd),
    ("doctorate", DegreeLevel::Phd),
    ("doctoral", DegreeLevel::Phd),
];

/// Abbreviations that name a level only in exactly this spelling (dots removed).
const LEVEL_ABBREVIATIONS: &[(&str, DegreeLevel)] = &[
    ("AA", DegreeLevel::Associate),
    ("AS", DegreeLevel::Associate),
    ("BS", DegreeLevel::Bachelor),
    ("BA", DegreeLevel::Bachelor),
    ("BE", DegreeLevel::Bachelor),
    ("BSE", DegreeLevel::Bachelor),
    ("BSCS", DegreeLevel::Bachelor),
    ("MS", DegreeLevel::Master),
    ("MA", DegreeLevel::Master),
    ("ME", DegreeLevel::Master),
    ("MSCS", DegreeLevel::Master),
    ("PhD", DegreeLevel::Phd),
];

/// Every degree level named in `text`, in text order.
///
/// ```
/// use skillmatch::extract::{degree_levels, DegreeLevel};
/// assert_eq!(degree_levels("BS or MS in Computer Science"), [DegreeLevel::Bachelor, DegreeLevel::Master]);
/// assert_eq!(degree_levels("Bachelor\u{2019}s degree"), [DegreeLevel::Bachelor]);
/// assert!(degree_levels("new graduate, associate engineer").is_empty());
/// ```
pub fn degree_levels(text: &str) -> Vec<DegreeLevel> {
    // A window of three words (previous, current, next) slides over the
    // text: a long line is read in constant memory, not as a list of every
    // word it holds.
    let mut words = text
        .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '\u{2019}'))
        .map(|w| w.trim_matches(|c| c == '.' || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
        .map(DegreeWord::new);
    let mut out = Vec::new();
    let mut generic = false;
    let mut previous: Option<DegreeWord> = None;
    let mut current = words.next();
    while let Some(word) = current {
        let next = words.next();
        let next_lower = next.as_ref().map_or("", |w| w.lower.as_str());
        let previous_lower = previous.as_ref().map_or("", |w| w.lower.as_str());
        let level = LEVEL_ABBREVIATIONS
            .iter()
            .find(|(a, _)| *a == word.bare)
            .or_else(|| LEVEL_WORDS.iter().find(|(w, _)| *w == word.lower))
            .map(|&(_, level)| level);
        // "associate engineer" and "new graduate" are not degrees: these two
        // words count only before a word that makes them one.
        let needs_next: &[&str] = match word.lower.as_str() {
            "associate" | "associates" => &["degree", "degrees", "of", "in", "diploma"],
            "graduate" => &["degree", "degrees", "studies", "diploma"],
            _ => &[],
        };
        if needs_next.is_empty() || needs_next.contains(&next_lower) {
            out.extend(level);
        }
        // "Degree in Computer Science", "a university degree": a degree with
        // no level named is the first university degree, a bachelor's. Not
        // "a high degree of quality": only before "in", or after a word that
        // makes it academic.
        generic |= matches!(word.lower.as_str(), "degree" | "degrees")
            && (next_lower == "in" || ACADEMIC_DEGREE_WORDS.contains(&previous_lower));
        previous = Some(word);
        current = next;
    }
    if out.is_empty() && generic {
        out.push(DegreeLevel::Bachelor);
    }
    out
}

/// One word as the degree reader compares it: `bare` without dots ("B.S."
/// is "BS"), `lower` also lowercased and without a possessive "'s".
struct DegreeWord {
    bare: String,
    lower: String,
}

impl DegreeWord {
    fn new(raw: &str) -> Self {
        let bare: String = raw.chars().filter(|&c| c != '.').collect();
        let lower = bare.to_lowercase().replace('\u{2019}', "'");
        let lower = lower.strip_suffix("'s").unwrap_or(&lower).to_string();
        DegreeWord { bare, lower }
    }
}

/// Words before "degree" that make it an academic degree when no level is
/// named ("university degree", "relevant degree").
const ACADEMIC_DEGREE_WORDS: &[&str] = &[
    "university",
    "college",
    "academic",
    "relevant",
    "technical",
    "engineering",
    "stem",
    "scientific",
    "tertiary",
    "undergraduate",
];

/// Does the text accept experience in place of the degree ("or equivalent
/// experience", "or equivalent practical experience")?
pub fn accepts_equivalent(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.contains("or equivalent")
        || lower.contains("equivalent experience")
        || lower.contains("equivalent practical")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degrees_without_a_level_are_bachelor_degrees() {
        let b = [DegreeLevel::Bachelor];
        let table: [(&str, &[DegreeLevel]); 8] = [
            ("Degree in Computer Science or similar", &b),
            ("A university degree in engineering", &b),
            ("Relevant degree or equivalent experience", &b),
            ("Master's degree in Physics", &[DegreeLevel::Master]),
            (
                "build features with a high degree of technical quality",
                &[],
            ),
            ("a degree of autonomy", &[]),
            ("360 degree feedback", &[]),
            ("degrees Celsius", &[]),
        ];
        for (text, want) in table {
            assert_eq!(degree_levels(text), want, "{text}");
        }
    }
}
