//! Which forms need evidence of their sense before they count, and why.
//!
//! Lint flags a short or everyday-word form that has no ambiguity rule;
//! an import derives the rules its output carries; `lint --ambiguous`
//! names the reason for each rule. All three apply the rules here, so
//! they cannot disagree, and neither lint nor import depends on the other.

use std::collections::{HashMap, HashSet};

use crate::normalize::normalize;

/// Forms of at most this many characters, all letters, need an ambiguity
/// rule or an exact case ("go", "r", "c", "qa").
pub const SHORT_FORM_MAX_CHARS: usize = 2;

/// Everyday English words that are also names of technologies or skills.
/// A form equal to one of these needs an ambiguity rule or an exact case.
pub const COMMON_WORDS: &[&str] = &[
    "access",
    "accountability",
    "action",
    "active",
    "adaptability",
    "agile",
    "air",
    "alpine",
    "amber",
    "analysis",
    "angular",
    "ant",
    "apex",
    "arrow",
    "atom",
    "aurora",
    "backbone",
    "balance",
    "base",
    "beam",
    "bootstrap",
    "bower",
    "box",
    "bridge",
    "build",
    "cache",
    "camel",
    "chai",
    "chef",
    "chrome",
    "cloud",
    "coach",
    "coaching",
    "collaboration",
    "communication",
    "compass",
    "compose",
    "consul",
    "core",
    "creativity",
    "crystal",
    "dart",
    "dash",
    "data",
    "design",
    "drill",
    "dust",
    "eclipse",
    "edge",
    "elixir",
    "elm",
    "ember",
    "empathy",
    "envoy",
    "excel",
    "express",
    "fabric",
    "flask",
    "flow",
    "flutter",
    "forge",
    "gear",
    "glue",
    "go",
    "gradle",
    "graph",
    "grunt",
    "gulp",
    "harbor",
    "hive",
    "hugo",
    "impala",
    "integrity",
    "ionic",
    "island",
    "jade",
    "jasmine",
    "jest",
    "julia",
    "karma",
    "kite",
    "lead",
    "leadership",
    "lens",
    "less",
    "lightning",
    "linear",
    "logic",
    "looker",
    "make",
    "matrix",
    "maven",
    "mercury",
    "mesh",
    "meteor",
    "mocha",
    "mongoose",
    "monitor",
    "nest",
    "next",
    "nomad",
    "notion",
    "oak",
    "octopus",
    "office",
    "opera",
    "organization",
    "origin",
    "outlook",
    "ownership",
    "packer",
    "patience",
    "pig",
    "planning",
    "play",
    "polymer",
    "pony",
    "pulse",
    "puppet",
    "quartz",
    "query",
    "rails",
    "rancher",
    "react",
    "realm",
    "record",
    "relay",
    "rest",
    "ruby",
    "rust",
    "salt",
    "sass",
    "scheme",
    "scout",
    "scrum",
    "sense",
    "serverless",
    "service",
    "shell",
    "shiny",
    "sketch",
    "slack",
    "snowflake",
    "solid",
    "spark",
    "sphinx",
    "spring",
    "stack",
    "storm",
    "stream",
    "strike",
    "struts",
    "swift",
    "teams",
    "teamwork",
    "thrift",
    "tornado",
    "turbo",
    "unity",
    "vault",
    "vision",
    "wave",
    "word",
    "workday",
    "zen",
    "zoom",
];

/// A single-word, all-lowercase form that occurs as a word in at least this
/// many other forms of the same import is one of the import's generic
/// building words ("data" is in 806 ESCO labels, "design" in 911, "lead" in
/// 116): on its own in a text it rarely names the skill.
pub const GENERIC_WORD_MIN_FORMS: usize = 100;

/// Why a form needs evidence of its sense.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AmbiguityReason {
    /// At most [`SHORT_FORM_MAX_CHARS`] (2) letters ("R", "IT").
    Short,
    /// An everyday English word that is also a name ([`COMMON_WORDS`]).
    CommonWord,
    /// One lowercase word that the import itself uses in at least
    /// [`GENERIC_WORD_MIN_FORMS`] other forms ("data", "design", "lead").
    GenericWord,
    /// A one-word, lowercase alternative label sharing no word with the
    /// preferred label: a loose synonym ("form" for "design principles",
    /// "current" for "electricity principles", "interview" for "use
    /// questioning techniques").
    LooseSynonym,
    /// An acronym in capitals (3 to 5 letters: "WILD", "CASE", "SQL"): it
    /// counts only when written in capitals (`exact_case`), since many are
    /// also words ("wild", "case", "first").
    AcronymWord,
    /// A one-word alternative form written as a name ("Project") that other
    /// forms of the import write as an ordinary lowercase word: "Project" for "Microsoft Project" (O*NET
    /// also has "project management software"), "Email" for "electronic
    /// communication".
    OrdinaryWord,
    /// A one-word form the reader marked (see
    /// [`ImportedSkill::one_word_qualifiers`](super::import::ImportedSkill::one_word_qualifiers)).
    SourceRule,
    /// One word that the source itself qualifies in the skill's label:
    /// "Canvas (learning management systems)", "Unity (digital game
    /// creation systems)". The source needed the qualifier; so does text.
    Qualified,
}

impl AmbiguityReason {
    /// Name used in reports and in the comment written next to the rule.
    pub fn name(self) -> &'static str {
        match self {
            AmbiguityReason::Short => "short",
            AmbiguityReason::CommonWord => "common-word",
            AmbiguityReason::GenericWord => "generic-word",
            AmbiguityReason::Qualified => "qualified",
            AmbiguityReason::LooseSynonym => "loose-synonym",
            AmbiguityReason::SourceRule => "source-rule",
            AmbiguityReason::AcronymWord => "acronym-word",
            AmbiguityReason::OrdinaryWord => "ordinary-word",
        }
    }
}

/// How often each normalized word occurs across distinct forms, and which
/// words some form writes in lowercase: the inputs of the generic-word and
/// acronym-word rules.
#[derive(Debug, Clone, Default)]
pub struct WordCounts {
    counts: HashMap<String, usize>,
    lowercase: HashSet<String>,
}

impl WordCounts {
    /// Counts the words of each distinct form (each word once per form),
    /// from the forms as written.
    pub fn of<'a>(written: impl IntoIterator<Item = &'a str>) -> Self {
        let mut counts: HashMap<String, usize> = HashMap::new();
        let mut lowercase: HashSet<String> = HashSet::new();
        let mut seen: HashSet<String> = HashSet::new();
        for form in written {
            let norm = normalize(form);
            if !seen.insert(norm.clone()) {
                continue;
            }
            for w in form.split_whitespace() {
                if !w.chars().any(char::is_uppercase) {
                    lowercase.insert(normalize(w));
                }
            }
            let distinct: HashSet<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
            for w in distinct {
                *counts.entry(w.to_string()).or_default() += 1;
            }
        }
        WordCounts { counts, lowercase }
    }

    /// Number of forms holding `word` (normalized).
    pub fn get(&self, word: &str) -> usize {
        self.counts.get(word).copied().unwrap_or(0)
    }

    /// Does some form write `word` (normalized) in lowercase?
    pub fn is_lowercase_word(&self, word: &str) -> bool {
        self.lowercase.contains(word)
    }
}

/// Does `written` (a form as the source writes it) need evidence of its
/// sense, and why? `counts` are the import's word counts (see [`WordCounts`]).
pub fn ambiguity_reason(written: &str, counts: &WordCounts) -> Option<AmbiguityReason> {
    let norm = normalize(written);
    if norm.is_empty() {
        return None;
    }
    let letters_only = norm.chars().all(char::is_alphabetic);
    if letters_only && norm.chars().count() <= SHORT_FORM_MAX_CHARS {
        return Some(AmbiguityReason::Short);
    }
    if COMMON_WORDS.contains(&norm.as_str()) {
        return Some(AmbiguityReason::CommonWord);
    }
    let one_word = !norm.contains(' ');
    let lowercase = !written.chars().any(char::is_uppercase);
    // The form's own occurrence is one of the counted forms.
    if one_word && lowercase && counts.get(&norm) > GENERIC_WORD_MIN_FORMS {
        return Some(AmbiguityReason::GenericWord);
    }
    None
}

/// [`ambiguity_reason`] for a form of the skill labelled `label`: also a
/// single word that is the head of the qualified label ([`AmbiguityReason::Qualified`]).
pub fn form_ambiguity_reason(
    written: &str,
    label: &str,
    counts: &WordCounts,
) -> Option<AmbiguityReason> {
    if let Some(reason) = ambiguity_reason(written, counts) {
        return Some(reason);
    }
    let norm = normalize(written);
    if norm.is_empty() || norm.contains(' ') {
        return None;
    }
    if let Some((head, _)) = split_qualifier(label) {
        if normalize(head) == norm {
            return Some(AmbiguityReason::Qualified);
        }
    }
    let letters = written.trim();
    if (3..=5).contains(&letters.chars().count()) && letters.chars().all(|c| c.is_ascii_uppercase())
    {
        return Some(AmbiguityReason::AcronymWord);
    }
    let label_norm = normalize(label);
    let title_case =
        written.starts_with(char::is_uppercase) && written.chars().any(char::is_lowercase);
    if label_norm != norm && title_case && counts.is_lowercase_word(&norm) {
        return Some(AmbiguityReason::OrdinaryWord);
    }
    let shares_word = words(&label_norm).any(|w| same_stem(w, &norm));
    let acronym = written
        .chars()
        .all(|c| !c.is_alphabetic() || c.is_uppercase());
    (label_norm != norm && !shares_word && !(acronym && abbreviates(written, label)))
        .then_some(AmbiguityReason::LooseSynonym)
}

/// Does `acronym` abbreviate `name`? Its letters (digits aside) appear in
/// order in the name's letters, the first being the name's first letter:
/// "HTML" for "Hypertext markup language", "EC2" for "Elastic Compute Cloud".
pub fn abbreviates(acronym: &str, name: &str) -> bool {
    let letters: Vec<char> = acronym
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let mut name_letters = name
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase());
    if letters.len() < 2 || name_letters.next() != letters.first().copied() {
        return false;
    }
    let mut rest = letters[1..].iter().peekable();
    for c in name_letters {
        if rest.peek() == Some(&&c) {
            rest.next();
        }
    }
    rest.peek().is_none()
}

/// Letters of a stem two words must share to count as one word
/// ("debug"/"debugging"; "terms"/"terminology" share only "term").
const STEM_PREFIX_CHARS: usize = 5;

/// Do `a` and `b` look like forms of one word: equal, or sharing their first
/// [`STEM_PREFIX_CHARS`] characters?
fn same_stem(a: &str, b: &str) -> bool {
    let (a, b) = (
        a.strip_suffix('s').unwrap_or(a),
        b.strip_suffix('s').unwrap_or(b),
    );
    if a == b {
        return true;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    common >= STEM_PREFIX_CHARS
}

/// The words of a normalized form, without punctuation ("(computer" → "computer").
pub(super) fn words(norm: &str) -> impl Iterator<Item = &str> {
    norm.split(|c: char| !(c.is_alphanumeric() || c == '+' || c == '#'))
        .filter(|w| !w.is_empty())
}

/// "Java (computer programming)" → ("Java", "computer programming"); `None`
/// when the form has no trailing parenthesised qualifier.
pub fn split_qualifier(form: &str) -> Option<(&str, &str)> {
    let form = form.trim();
    let inner = form.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let head = inner[..open].trim();
    let qualifier = inner[open + 1..].trim();
    (!head.is_empty() && !qualifier.is_empty()).then_some((head, qualifier))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifiers_split_off_the_head() {
        assert_eq!(
            split_qualifier("Java (computer programming)"),
            Some(("Java", "computer programming"))
        );
        assert_eq!(split_qualifier("Java"), None);
        assert_eq!(split_qualifier("(x)"), None);
    }

    #[test]
    fn ambiguity_reasons_table() {
        let forms: Vec<String> = (0..150)
            .map(|i| format!("data design {i}"))
            .chain((0..3).map(|i| format!("nursing care {i}")))
            .collect();
        let counts = WordCounts::of(forms.iter().map(String::as_str));
        let table = [
            ("R", Some(AmbiguityReason::Short)),
            ("IT", Some(AmbiguityReason::Short)),
            ("Access", Some(AmbiguityReason::CommonWord)),
            ("lead", Some(AmbiguityReason::CommonWord)),
            ("data", Some(AmbiguityReason::CommonWord)),
            ("design", Some(AmbiguityReason::CommonWord)),
            ("nursing", None),
            ("C++", None),
            ("Haskell", None),
            ("data analysis", None),
        ];
        for (form, want) in table {
            assert_eq!(ambiguity_reason(form, &counts), want, "{form}");
        }
        // Generic by the import's own counts: lowercase single words only.
        let forms: Vec<String> = (0..150)
            .map(|i| format!("equipment maintenance {i}"))
            .chain(["wild animals".to_string(), "Zoo".to_string()])
            .collect();
        let counts = WordCounts::of(forms.iter().map(String::as_str));
        assert_eq!(
            ambiguity_reason("equipment", &counts),
            Some(AmbiguityReason::GenericWord)
        );
        assert_eq!(ambiguity_reason("Equipment", &counts), None);
        // Label-aware rules.
        let table = [
            (
                "WILD",
                "wheel impact load detector",
                Some(AmbiguityReason::AcronymWord),
            ),
            (
                "SQL",
                "structured query language",
                Some(AmbiguityReason::AcronymWord),
            ),
            ("Postgres", "PostgreSQL", None),
            (
                "Canvas",
                "Canvas (learning management systems)",
                Some(AmbiguityReason::Qualified),
            ),
            (
                "form",
                "design principles",
                Some(AmbiguityReason::LooseSynonym),
            ),
            ("Animals", "wildlife", Some(AmbiguityReason::OrdinaryWord)),
            (
                "Email",
                "electronic communication",
                Some(AmbiguityReason::LooseSynonym),
            ),
            ("term", "terminology", Some(AmbiguityReason::LooseSynonym)),
            ("debugging", "debug software", None),
            ("machine learning", "artificial intelligence", None),
        ];
        for (form, label, want) in table {
            assert_eq!(
                form_ambiguity_reason(form, label, &counts),
                want,
                "{form} of {label}"
            );
        }
    }
}
