//! The phrase matcher: every taxonomy form in one byte trie (the `trie`
//! module), searched for the longest form from token starts only, so
//! "machine learning" beats "learning" and "Java" is never found inside
//! "JavaScript".
//!
//! Pipeline per text: normalize (keeping the map to original bytes) →
//! trie hits at token starts that also end on a token boundary →
//! typo-tolerant hits for long uncovered words → ambiguity rules (forms
//! like "Go" or "R" stay only with evidence of their sense) → mentions with
//! original byte spans and line numbers.

use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

use super::ambiguity::resolve;
use super::fuzzy::{is_fuzzable, FuzzyIndex};
use super::mention::{Evidence, MatchKind, Mention};
use super::trie::FormTrie;
use crate::error::Result;
use crate::normalize::{is_word_char, normalize, words, Normalized};
use crate::taxonomy::{SkillId, Taxonomy};

/// Forms shorter than this (in bytes) get no generated plural.
pub const INFLECT_MIN_BYTES: usize = 3;

/// What a surface form in the trie stands for.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Pattern {
    pub skill: SkillId,
    #[serde(with = "stored::kind")]
    pub kind: MatchKind,
    pub ambiguous: bool,
    /// The casing the original text must have, for exact-case forms.
    pub exact_case: Option<Box<str>>,
    /// Whether the form's last character is a word character (then the text
    /// must not continue with one).
    word_end: bool,
    /// Plural suffix ("s", "es") the text may add to the form; plurals that
    /// change the form ("technology" → "technologies") are patterns of their own.
    suffix: Option<stored::Suffix>,
}

/// The compiled matcher for one taxonomy.
#[derive(Debug, Clone)]
pub struct Matcher<'t> {
    taxonomy: &'t Taxonomy,
    compiled: Arc<CompiledForms>,
}

/// Everything a [`Matcher`] compiles from its taxonomy's forms: built by
/// [`Matcher::new`], or read back from a prepared taxonomy
/// ([`crate::prepared`]) and given to [`Matcher::with_forms`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CompiledForms {
    /// Every form, searched anchored at token starts for the longest one.
    pub(crate) trie: FormTrie,
    pub(crate) patterns: Vec<Pattern>,
    /// Normalized form → pattern index (written forms and changed-spelling plurals).
    pub(crate) forms: HashMap<String, u32>,
    /// Patterns below this index are written forms; the rest are plurals.
    explicit: usize,
    pub(crate) fuzzy: FuzzyIndex,
}

/// A raw trie or fuzzy hit in normalized coordinates.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub pattern: u32,
    pub start: usize,
    pub end: usize,
    pub kind: MatchKind,
}

impl<'t> Matcher<'t> {
    /// Compiles every form of `taxonomy`: labels and aliases, plus their
    /// generated plurals. When two skills claim a form, the
    /// first defined keeps it (lint reports the conflict).
    pub fn new(taxonomy: &'t Taxonomy) -> Result<Self> {
        Ok(Self::with_forms(
            taxonomy,
            Arc::new(CompiledForms::new(taxonomy)),
        ))
    }

    /// The matcher of `taxonomy` from its forms compiled beforehand (by
    /// [`Matcher::new`] on the same taxonomy, [`Matcher::compiled`]).
    pub fn with_forms(taxonomy: &'t Taxonomy, compiled: Arc<CompiledForms>) -> Self {
        Matcher { taxonomy, compiled }
    }

    /// The compiled forms, to keep or to give to another matcher of the
    /// same taxonomy.
    pub fn compiled(&self) -> &Arc<CompiledForms> {
        &self.compiled
    }
}

impl CompiledForms {
    /// Compiles every form of `taxonomy` (see [`Matcher::new`]).
    fn new(taxonomy: &Taxonomy) -> Self {
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        let mut forms: HashMap<String, u32> = HashMap::default();
        let mut fuzzy = FuzzyIndex::default();
        // Every skill's own forms, then the forms skills gained by folding
        // an imported concept into them (`Skill::merged_forms`).
        let own = taxonomy.iter().flat_map(|(id, skill)| {
            skill
                .forms()
                .enumerate()
                .map(move |(i, form)| (id, skill, i == 0, form))
        });
        let merged = taxonomy.iter().flat_map(|(id, skill)| {
            skill
                .merged_forms
                .iter()
                .map(move |form| (id, skill, false, form.as_str()))
        });
        for (id, skill, is_label, form) in own.chain(merged) {
            let norm = normalize(form);
            // An alias of punctuation only ("+", "(") would match
            // stray symbols anywhere; lint reports it.
            let symbols_only = !is_label && !norm.chars().any(char::is_alphanumeric);
            if norm.is_empty() || symbols_only || forms.contains_key(&norm) {
                continue;
            }
            let exact_case = skill
                .exact_case
                .iter()
                .find(|e| normalize(e) == norm)
                .map(|e| e.trim().into());
            let ambiguous = skill.is_ambiguous_form(&norm);
            let index = patterns.len() as u32;
            if skill.fuzzy && !ambiguous && exact_case.is_none() && is_fuzzable(&norm) {
                fuzzy.insert(&norm, index);
            }
            patterns.push(Pattern {
                skill: id,
                kind: if is_label {
                    MatchKind::Exact
                } else {
                    MatchKind::Alias
                },
                ambiguous,
                exact_case,
                word_end: norm.chars().next_back().is_some_and(is_word_char),
                suffix: None,
            });
            forms.insert(norm.clone(), index);
            keys.push(norm);
        }
        let explicit = patterns.len();
        for index in 0..explicit {
            // Plurals keep the form's rules: an ambiguous form's plural needs
            // evidence too, an exact-case form's plural needs its casing + "s".
            match plural(&keys[index]) {
                Some(Plural::Suffix(suffix)) => {
                    patterns[index].suffix = Some(stored::Suffix(suffix))
                }
                Some(Plural::Form(plural)) if !forms.contains_key(&plural) => {
                    let mut copy = patterns[index].clone();
                    copy.exact_case = None;
                    forms.insert(plural.clone(), patterns.len() as u32);
                    patterns.push(copy);
                    keys.push(plural);
                }
                _ => {}
            }
        }
        let trie = FormTrie::new(&keys);
        CompiledForms {
            trie,
            patterns,
            forms,
            explicit,
            fuzzy,
        }
    }
}

impl CompiledForms {
    /// Checks that forms read back point only at their own patterns and
    /// the patterns at skills below `skills`: what matching relies on.
    pub(crate) fn check(&self, skills: usize) -> std::result::Result<(), String> {
        let patterns = self.patterns.len();
        if self.patterns.iter().any(|p| p.skill.index() >= skills) {
            return Err("a pattern names a skill the taxonomy does not have".into());
        }
        if self.explicit > patterns || self.forms.values().any(|&p| p as usize >= patterns) {
            return Err("a form names a pattern that does not exist".into());
        }
        self.trie.check(patterns)?;
        self.fuzzy.check(patterns)
    }
}

impl<'t> Matcher<'t> {
    /// The taxonomy this matcher was built from.
    pub fn taxonomy(&self) -> &'t Taxonomy {
        self.taxonomy
    }

    /// Number of patterns in the trie (forms and changed-spelling plurals).
    pub fn pattern_count(&self) -> usize {
        self.compiled.patterns.len()
    }

    pub(crate) fn pattern(&self, index: u32) -> &Pattern {
        &self.compiled.patterns[index as usize]
    }

    /// The pattern a whole normalized phrase equals, if any.
    pub(crate) fn form(&self, normalized: &str) -> Option<u32> {
        self.compiled.forms.get(normalized).copied()
    }

    /// The written normalized forms (no generated plurals) with their
    /// pattern, for nearest-neighbour search.
    pub(crate) fn forms(&self) -> impl Iterator<Item = (&str, u32)> {
        self.compiled
            .forms
            .iter()
            .filter(|&(_, &v)| (v as usize) < self.compiled.explicit)
            .map(|(k, &v)| (k.as_str(), v))
    }

    /// Every skill mention in `text`, in text order.
    ///
    /// ```
    /// use skillmatch::{extract::Matcher, taxonomy::Taxonomy};
    /// let taxonomy = Taxonomy::embedded().unwrap();
    /// let matcher = Matcher::new(&taxonomy).unwrap();
    /// let text = "Experience with Java or C++; JavaScript is a plus";
    /// let found: Vec<&str> = matcher
    ///     .find(text)
    ///     .iter()
    ///     .map(|m| taxonomy.skill(m.skill).id.as_str())
    ///     .collect();
    /// assert_eq!(found, ["java", "cpp", "javascript"]);
    /// ```
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut mentions = self.find_candidates(text);
        mentions.retain(|m| m.evidence.is_confirmed());
        mentions
    }

    /// Like [`Matcher::find`], but ambiguous forms without evidence are kept,
    /// marked [`Evidence::Unconfirmed`], for a caller that knows more about
    /// the text (the posting parser knows which lines are requirements).
    pub fn find_candidates(&self, text: &str) -> Vec<Mention> {
        let normalized = Normalized::new(text);
        let mut hits = self.trie_hits(&normalized, text);
        self.fuzzy_hits(&normalized, &mut hits);
        let links = link_spans(&normalized.text);
        if !links.is_empty() {
            hits.retain(|h| !inside(&links, h.start));
        }
        hits.sort_by_key(|h| h.start);
        let mut mentions = self.to_mentions(&normalized, text, &hits);
        resolve(self.taxonomy, text, &mut mentions);
        mentions
    }

    fn trie_hits(&self, normalized: &Normalized, original: &str) -> Vec<Hit> {
        let hay = normalized.text.as_str();
        let bytes = hay.as_bytes();
        let breaks = hard_breaks(normalized, original);
        let mut next_break = 0;
        let mut hits = Vec::new();
        let mut p = 0;
        let mut prev_word = false;
        while p < bytes.len() {
            while breaks.get(next_break).is_some_and(|&b| b <= p) {
                next_break += 1;
            }
            let limit = breaks.get(next_break).copied().unwrap_or(bytes.len());
            let b = bytes[p];
            if b < 0x80 {
                let starts = !prev_word && b != b' ';
                prev_word = b.is_ascii_alphanumeric();
                if starts {
                    if let Some(hit) = self.hit_at(normalized, original, p, limit) {
                        p = hit.end;
                        prev_word = hay[..p].chars().next_back().is_some_and(is_word_char);
                        hits.push(hit);
                        continue;
                    }
                }
                p += 1;
            } else {
                let c = hay[p..].chars().next().unwrap_or(' ');
                if !prev_word {
                    if let Some(hit) = self.hit_at(normalized, original, p, limit) {
                        p = hit.end;
                        prev_word = hay[..p].chars().next_back().is_some_and(is_word_char);
                        hits.push(hit);
                        continue;
                    }
                }
                prev_word = is_word_char(c);
                p += c.len_utf8();
            }
        }
        hits
    }

    /// The longest form starting at `p` that also ends on a token boundary.
    fn hit_at(
        &self,
        normalized: &Normalized,
        original: &str,
        p: usize,
        limit: usize,
    ) -> Option<Hit> {
        let hay = normalized.text.as_str();
        let (index, end) = self.compiled.trie.longest_at(hay.as_bytes(), p, limit)?;
        let pattern = &self.compiled.patterns[index as usize];
        let mut end = end;
        let mut next = hay[end..].chars().next();
        if pattern.word_end && next.is_some_and(is_word_char) {
            let suffix = pattern
                .suffix
                .map(|s| s.0)
                .filter(|s| hay[end..].starts_with(s))?;
            end += suffix.len();
            next = hay[end..].chars().next();
            if next.is_some_and(is_word_char) {
                return None;
            }
        }
        if pattern.ambiguous && joined_to_word(hay, p, end) {
            return None;
        }
        if let Some(case) = &pattern.exact_case {
            let (s, e) = normalized.original_span(original, p, end);
            let written = &original[s..e];
            if written != &**case && written.strip_suffix(['s']) != Some(&**case) {
                return None;
            }
        }
        Some(Hit {
            pattern: index,
            start: p,
            end,
            kind: pattern.kind,
        })
    }

    fn fuzzy_hits(&self, normalized: &Normalized, hits: &mut Vec<Hit>) {
        let hay = normalized.text.as_str();
        let mut covered = hits.iter().map(|h| (h.start, h.end)).peekable();
        let mut found = Vec::new();
        // Long words repeat within a text: look each one up once.
        let mut seen: HashMap<&str, Option<(u32, usize)>> = HashMap::default();
        for (start, word) in words(hay) {
            if !is_fuzzable(word) {
                continue;
            }
            let end = start + word.len();
            while covered.peek().is_some_and(|&(_, e)| e <= start) {
                covered.next();
            }
            if covered.peek().is_some_and(|&(s, _)| s < end) {
                continue;
            }
            let best = *seen.entry(word).or_insert_with(|| {
                if self.compiled.forms.contains_key(word) || self.taxonomy.is_not_typo(word) {
                    None
                } else {
                    self.compiled.fuzzy.best(word)
                }
            });
            if let Some((pattern, distance)) = best {
                found.push(Hit {
                    pattern,
                    start,
                    end,
                    kind: MatchKind::Fuzzy {
                        distance: distance as u32,
                    },
                });
            }
        }
        hits.extend(found);
    }

    fn to_mentions(&self, normalized: &Normalized, original: &str, hits: &[Hit]) -> Vec<Mention> {
        let mut line = 1;
        let mut counted_to = 0;
        hits.iter()
            .map(|h| {
                let (start, end) = normalized.original_span(original, h.start, h.end);
                line += original.as_bytes()[counted_to..start]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
                counted_to = start;
                let pattern = &self.compiled.patterns[h.pattern as usize];
                Mention {
                    skill: pattern.skill,
                    kind: h.kind,
                    start,
                    end,
                    line,
                    evidence: if pattern.ambiguous {
                        Evidence::Unconfirmed
                    } else if pattern.exact_case.is_some() {
                        Evidence::ExactCase
                    } else {
                        Evidence::NotNeeded
                    },
                }
            })
            .collect()
    }
}

/// Byte spans of web addresses, e-mail addresses and similar links in
/// normalized text: "github" in "https://github.com/x" or "linkedin" in
/// "jane@linkedin.com" is not a skill mention.
fn link_spans(hay: &str) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    // Only the space-delimited chunks around "@", "://" and "www." can be
    // links: find those markers (fast substring search), then their chunks.
    for marker in [
        "@", "://", "www.", ".com/", ".io/", ".org/", ".dev/", ".me/",
    ] {
        for (at, _) in hay.match_indices(marker) {
            // A link starts after a space or an opening bracket or quote, so the
            // text of a Markdown link "[Kubernetes](https://…)" stays readable.
            let start = hay[..at]
                .rfind([' ', '(', '<', '[', '"'])
                .map_or(0, |i| i + 1);
            let end = hay[at..]
                .find([' ', ')', '>', ']', '"'])
                .map_or(hay.len(), |i| at + i);
            let chunk = &hay[start..end];
            let is_link = match marker {
                "@" => at > start && chunk[at - start..].contains('.'),
                "www." => at == start,
                "://" => true,
                // A bare domain with a path: "github.com/jdoe",
                // "linkedin.com/in/jdoe"; the domain is one plain word.
                _ => {
                    at > start
                        && hay[start..at].bytes().all(|b| {
                            b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.'
                        })
                        && hay[at + marker.len()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric)
                }
            };
            if is_link {
                spans.push((start, end));
            }
        }
    }
    spans.sort_unstable();
    spans.dedup();
    spans
}

/// Is `at` inside one of the sorted, disjoint `spans`?
fn inside(spans: &[(usize, usize)], at: usize) -> bool {
    let i = spans.partition_point(|&(_, e)| e <= at);
    spans.get(i).is_some_and(|&(s, _)| s <= at)
}

/// Is the span `start..end` glued to a neighbouring word by a joiner
/// ("go-to-market", "R&D", "let's", "go.mod")?
/// A colon this early in a line, after at most [`LABEL_MAX_WORDS`] words,
/// makes the line a labelled item ("Frameworks & tools: Django").
pub const LABEL_MAX_CHARS: usize = 40;

/// Words before a label's colon.
pub const LABEL_MAX_WORDS: usize = 5;

/// Normalized positions of the line breaks no form may cross: those
/// before a blank line, a bulleted or numbered line, or a labelled line.
/// Other breaks are hard wraps inside a sentence ("DevOps\narchitecture"),
/// which a form may cross. Without this, "Languages: Python" followed by
/// "Frameworks & tools: …" read as the skill "Python frameworks".
fn hard_breaks(normalized: &Normalized, original: &str) -> Vec<usize> {
    let at_breaks = original.match_indices('\n').filter_map(|(i, _)| {
        let next = original[i + 1..].split('\n').next().unwrap_or("");
        starts_new_item(next).then_some(i)
    });
    let mut breaks = normalized.normalized_offsets(at_breaks);
    breaks.dedup();
    breaks
}

/// Does a line start a new item rather than continue a sentence?
fn starts_new_item(line: &str) -> bool {
    let line = line.trim_start();
    if line.trim().is_empty() {
        return true;
    }
    let mut chars = line.chars();
    let first = chars.next().unwrap_or(' ');
    let second = chars.next().unwrap_or(' ');
    if matches!(
        first,
        '•' | '·' | '▪' | '◦' | '●' | '○' | '■' | '►' | '▸' | '✓' | '✔'
    ) || (matches!(first, '-' | '*' | '+' | '–' | '—' | '>' | '#') && second.is_whitespace())
    {
        return true;
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(['.', ')']) {
        return true;
    }
    line.char_indices()
        .take(LABEL_MAX_CHARS)
        .find(|&(_, c)| c == ':' || c == '.' || c == ',' || c == ';')
        .is_some_and(|(at, c)| {
            c == ':' && at > 0 && line[..at].split_whitespace().count() <= LABEL_MAX_WORDS
        })
}

fn joined_to_word(hay: &str, start: usize, end: usize) -> bool {
    const JOINERS: &[char] = &['-', '&', '_', '\'', '@', '.', '+'];
    let mut after = hay[end..].chars();
    if let (Some(j), Some(w)) = (after.next(), after.next()) {
        if JOINERS.contains(&j) && is_word_char(w) {
            return true;
        }
    }
    let mut before = hay[..start].chars().rev();
    if let (Some(j), Some(w)) = (before.next(), before.next()) {
        if JOINERS.contains(&j) && is_word_char(w) {
            return true;
        }
    }
    false
}

/// How a form's regular English plural is written.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Plural {
    /// The form plus a suffix ("api" + "s", "process" + "es").
    Suffix(&'static str),
    /// A different spelling ("technology" → "technologies").
    Form(String),
}

/// The regular English plural of the last word of a normalized form, if it
/// is worth matching.
fn plural(form: &str) -> Option<Plural> {
    let last = form.chars().next_back()?;
    if form.len() < INFLECT_MIN_BYTES || !last.is_ascii_lowercase() {
        return None;
    }
    let before_last = form[..form.len() - 1].chars().next_back();
    let vowel = |c: char| "aeiou".contains(c);
    if ["ss", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| form.ends_with(e))
    {
        Some(Plural::Suffix("es"))
    } else if last == 's' {
        None
    } else if last == 'y' && before_last.is_some_and(|c| c.is_ascii_lowercase() && !vowel(c)) {
        Some(Plural::Form(format!("{}ies", &form[..form.len() - 1])))
    } else {
        Some(Plural::Suffix("s"))
    }
}

/// How [`Pattern`]'s fields that serde cannot derive are stored in a
/// prepared taxonomy.
mod stored {
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// A pattern's kind: only a label ([`MatchKind::Exact`]) or an alias
    /// makes one; typos are found at match time.
    pub(super) mod kind {
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        use crate::extract::mention::MatchKind;

        pub(in super::super) fn serialize<S: Serializer>(
            kind: &MatchKind,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            (*kind == MatchKind::Exact).serialize(s)
        }

        pub(in super::super) fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<MatchKind, D::Error> {
            Ok(if bool::deserialize(d)? {
                MatchKind::Exact
            } else {
                MatchKind::Alias
            })
        }
    }

    /// A plural suffix: one of the few [`super::plural`] adds, stored as
    /// its text and read back as the same static string.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(super) struct Suffix(pub &'static str);

    /// Every suffix [`super::plural`] gives.
    const SUFFIXES: [&str; 2] = ["s", "es"];

    impl Serialize for Suffix {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            self.0.serialize(s)
        }
    }

    impl<'de> Deserialize<'de> for Suffix {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let read = String::deserialize(d)?;
            SUFFIXES
                .into_iter()
                .find(|s| *s == read)
                .map(Suffix)
                .ok_or_else(|| D::Error::custom(format!("unknown plural suffix {read:?}")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_of_punctuation_only_match_nothing() {
        let mut builder = crate::taxonomy::TaxonomyBuilder::new();
        builder.add_source(crate::taxonomy::Source::new(
            "t.toml",
            "category = \"tech\"\n[[skill]]\nid = \"cpp\"\nlabel = \"C++\"\n\
             aliases = [\"+\", \"(\", \"cpp\"]\n",
        ));
        let taxonomy = builder.build().expect("test taxonomy");
        let matcher = Matcher::new(&taxonomy).expect("matcher");
        assert!(matcher.find("Pay (base + bonus)").is_empty());
        assert_eq!(matcher.find("C++ and cpp").len(), 2);
    }

    #[test]
    fn plural_table() {
        let cases = [
            ("rest api", Some(Plural::Suffix("s"))),
            ("technology", Some(Plural::Form("technologies".into()))),
            ("process", Some(Plural::Suffix("es"))),
            ("kubernetes", None),
            ("key", Some(Plural::Suffix("s"))),
            ("c++", None),
            ("go", None),
        ];
        for (form, expected) in cases {
            assert_eq!(plural(form), expected, "{form}");
        }
    }

    #[test]
    fn link_spans_cover_urls_and_emails() {
        let hay = "see https://github.com/x and jane@linkedin.com or www.python.org, github [kubernetes](https://k8s.io) gitlab.com/jdoe Node.js/React";
        let spans = link_spans(hay);
        let texts: Vec<&str> = spans.iter().map(|&(s, e)| &hay[s..e]).collect();
        assert_eq!(
            texts,
            [
                "https://github.com/x",
                "jane@linkedin.com",
                "www.python.org,",
                "https://k8s.io",
                "gitlab.com/jdoe"
            ]
        );
        assert!(inside(&spans, hay.find("github.com").unwrap_or(0)));
        assert!(!inside(&spans, hay.rfind("github").unwrap_or(0)));
        assert!(!inside(&spans, hay.find("kubernetes").unwrap_or(0)));
    }

    #[test]
    fn joined_table() {
        let cases = [
            ("go-to-market", 0, 2, true),
            ("r&d", 0, 1, true),
            ("let's go", 6, 8, false),
            ("go.", 0, 2, false),
            ("python, go", 8, 10, false),
        ];
        for (hay, s, e, expected) in cases {
            assert_eq!(joined_to_word(hay, s, e), expected, "{hay}");
        }
    }
}

#[cfg(test)]
mod default_taxonomy_tests {
    //! The matching behaviours PRODUCT.md promises, on the default taxonomy.
    use super::*;
    use std::sync::OnceLock;

    fn taxonomy() -> &'static Taxonomy {
        static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
        TAXONOMY.get_or_init(|| Taxonomy::embedded().expect("default taxonomy builds"))
    }

    fn matcher() -> &'static Matcher<'static> {
        static MATCHER: OnceLock<Matcher<'static>> = OnceLock::new();
        MATCHER.get_or_init(|| Matcher::new(taxonomy()).expect("matcher builds"))
    }

    fn ids(text: &str) -> Vec<String> {
        let t = taxonomy();
        matcher()
            .find(text)
            .iter()
            .map(|m| t.skill(m.skill).id.clone())
            .collect()
    }

    #[test]
    fn forms_cross_hard_wraps_but_not_new_items() {
        let table: &[(&str, &[&str], &[&str])] = &[
            // (text, must contain, must not contain)
            (
                "Languages: Python\nFrameworks & tools: Django",
                &["python", "django"],
                &["python-web-frameworks"],
            ),
            (
                "Python\n- Frameworks matter",
                &["python"],
                &["python-web-frameworks"],
            ),
            (
                "Python\n\nFrameworks matter",
                &["python"],
                &["python-web-frameworks"],
            ),
            (
                "Python\n2. Frameworks matter",
                &["python"],
                &["python-web-frameworks"],
            ),
            (
                "We build machine\nlearning systems",
                &["machine-learning"],
                &[],
            ),
        ];
        for (text, want, not) in table {
            let got = ids(text);
            for w in *want {
                assert!(
                    got.iter().any(|g| g == w),
                    "{text:?}: {w} missing in {got:?}"
                );
            }
            for n in *not {
                assert!(
                    !got.iter().any(|g| g == n),
                    "{text:?}: {n} found in {got:?}"
                );
            }
        }
        let items = [
            ("- next", true),
            ("• next", true),
            ("12) next", true),
            ("Tools: Git", true),
            ("", true),
            ("learning systems", false),
            ("-dash joined", false),
            ("a long sentence that goes on, then: a colon", false),
        ];
        for (line, want) in items {
            assert_eq!(starts_new_item(line), want, "{line:?}");
        }
    }

    #[test]
    fn matching_table() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "java is not inside javascript",
                "We use JavaScript daily",
                &["javascript"],
            ),
            ("c++ is not c", "Experience with C++", &["cpp"]),
            (
                "c# and .net stay distinct",
                "C# and .NET",
                &["csharp", "dotnet"],
            ),
            (
                "go-to-market is not go",
                "Own the go-to-market plan",
                &["go-to-market"],
            ),
            ("let's go is not go", "Ready? Let's go", &[]),
            (
                "go to the office is not go",
                "You will go to the office twice a week",
                &[],
            ),
            ("on the go is not go", "Work on the go", &[]),
            (
                "go in a list",
                "Python, Java, C++, or Go",
                &["python", "java", "cpp", "go"],
            ),
            ("go with a qualifier", "Go (golang)", &["go", "go"]),
            (
                "go with a context skill",
                "Go and Kubernetes",
                &["go", "kubernetes"],
            ),
            ("r&d is not r", "Our R&D team", &[]),
            (
                "typo on a long token",
                "Deployed on Kubernets",
                &["kubernetes"],
            ),
            (
                "machine learning, not learning",
                "machine learning",
                &["machine-learning"],
            ),
            ("ci/cd stays whole", "CI/CD pipelines", &["ci-cd"]),
            ("a/b testing", "Run A/B tests", &["a-b-testing"]),
            ("node.js", "Node.js services", &["nodejs"]),
            ("plural of an alias", "RESTful APIs", &["rest-api"]),
            (
                "a common word is not a typo",
                "Requires Python",
                &["python"],
            ),
        ];
        for (name, text, expected) in cases {
            assert_eq!(ids(text), *expected, "{name}: {text:?}");
        }
    }

    #[test]
    fn mentions_carry_spans_and_lines_of_the_original() {
        let m = matcher();
        let text = "Intro\n  \u{2022} Experience with Ｊａｖａ and Kubernets\n";
        let found = m.find(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(&text[found[0].start..found[0].end], "Ｊａｖａ");
        assert_eq!(found[0].line, 2);
        assert_eq!(found[0].kind, MatchKind::Exact);
        assert_eq!(&text[found[1].start..found[1].end], "Kubernets");
        assert_eq!(found[1].kind, MatchKind::Fuzzy { distance: 1 });
    }

    #[test]
    fn enormous_lines_are_matched_in_linear_time() {
        // One 300 KB word, and one 300 KB line of comma-separated skills: both
        // once took seconds (quadratic typo lookups and evidence windows).
        let word = "a".repeat(300_000);
        assert!(matcher().find(&word).is_empty());
        let line = "Go, Rust, Spark, Java, ".repeat(13_000);
        let found = matcher().find(&line);
        assert_eq!(found.len(), 4 * 13_000);
    }

    #[test]
    fn postgresql_is_a_kind_of_sql_and_relational_databases() {
        let t = taxonomy();
        let id = |s: &str| t.get(s).unwrap_or_else(|| panic!("{s} exists"));
        assert!(t.is_a(id("postgresql"), id("sql")));
        assert!(t.is_a(id("postgresql"), id("relational-databases")));
        assert!(t.is_a(id("postgresql"), id("databases")));
        assert!(t.is_a(id("python"), id("scripting-languages")));
        assert!(t.is_a(id("python"), id("programming-languages")));
        assert!(t.is_a(id("git"), id("version-control")));
        assert!(!t.is_a(id("sql"), id("postgresql")));
    }
}
