//! Typo tolerance: one edit on long single-word forms.
//!
//! A deletion index (every form with one character removed, and the form
//! itself) finds the forms within one insertion, deletion, substitution or
//! adjacent transposition of a token in a handful of hash lookups; strsim's
//! Damerau–Levenshtein distance confirms each candidate.

use rustc_hash::FxHashMap as HashMap;

/// Tokens and forms shorter than this (in characters) are never fuzzed: short
/// words collide with ordinary English ("caching"/"catching"), and "Go" must
/// never fuzz to anything.
pub const FUZZY_MIN_CHARS: usize = 8;

/// Words longer than this are never fuzzed: no skill name is that long, and
/// the deletion lookups cost the square of the length.
pub const FUZZY_MAX_CHARS: usize = 40;

/// Largest Damerau–Levenshtein distance accepted for a typo.
pub const FUZZY_MAX_DISTANCE: usize = 1;

/// A form and the pattern it stands for.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Entry {
    form: Box<str>,
    pattern: u32,
}

/// Deletion index over the fuzzable forms.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct FuzzyIndex {
    entries: Vec<Entry>,
    by_key: HashMap<Box<str>, Vec<u32>>,
}

/// Can this normalized form or token take part in fuzzy matching?
pub(crate) fn is_fuzzable(word: &str) -> bool {
    (FUZZY_MIN_CHARS..=FUZZY_MAX_CHARS).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_lowercase())
}

impl FuzzyIndex {
    /// Checks that every entry points at a pattern below `patterns` and
    /// every key at an entry: what a lookup relies on.
    pub(crate) fn check(&self, patterns: usize) -> Result<(), String> {
        let entries = self.entries.len();
        if self.entries.iter().any(|e| e.pattern as usize >= patterns)
            || self
                .by_key
                .values()
                .flatten()
                .any(|&e| e as usize >= entries)
        {
            return Err("the typo index points past its entries".into());
        }
        Ok(())
    }

    /// Adds a normalized single-word `form` standing for `pattern`.
    pub(crate) fn insert(&mut self, form: &str, pattern: u32) {
        debug_assert!(is_fuzzable(form));
        let entry = self.entries.len() as u32;
        self.entries.push(Entry {
            form: form.into(),
            pattern,
        });
        self.by_key.entry(form.into()).or_default().push(entry);
        for key in deletions(form) {
            let list = self.by_key.entry(key.into_boxed_str()).or_default();
            if list.last() != Some(&entry) {
                list.push(entry);
            }
        }
    }

    /// The closest form to `token` within [`FUZZY_MAX_DISTANCE`], sharing its
    /// first letter: `(pattern, distance)`. Ties go to the earlier form.
    pub(crate) fn best(&self, token: &str) -> Option<(u32, usize)> {
        if !is_fuzzable(token) {
            return None;
        }
        let mut best: Option<(usize, u32, u32)> = None; // (distance, entry, pattern)
        let mut consider = |list: Option<&Vec<u32>>| {
            for &e in list.into_iter().flatten() {
                let entry = &self.entries[e as usize];
                if entry.form.as_bytes()[0] != token.as_bytes()[0] {
                    continue;
                }
                let d = strsim::damerau_levenshtein(token, &entry.form);
                if d == 0 || d > FUZZY_MAX_DISTANCE {
                    continue;
                }
                if best.is_none_or(|(bd, be, _)| (d, e) < (bd, be)) {
                    best = Some((d, e, entry.pattern));
                }
            }
        };
        consider(self.by_key.get(token));
        let mut key = String::with_capacity(token.len());
        for i in 0..token.len() {
            key.clear();
            key.push_str(&token[..i]);
            key.push_str(&token[i + 1..]);
            consider(self.by_key.get(key.as_str()));
        }
        best.map(|(d, _, p)| (p, d))
    }
}

/// Every string obtained by deleting one byte of an ASCII word.
fn deletions(word: &str) -> impl Iterator<Item = String> + '_ {
    (0..word.len()).map(move |i| {
        let mut s = String::with_capacity(word.len() - 1);
        s.push_str(&word[..i]);
        s.push_str(&word[i + 1..]);
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fuzzy_table() {
        let mut index = FuzzyIndex::default();
        index.insert("kubernetes", 0);
        index.insert("terraform", 1);
        index.insert("elasticsearch", 2);
        let cases = [
            ("missing letter", "kubernets", Some((0, 1))),
            ("transposition", "kuberentes", Some((0, 1))),
            ("substitution", "terrafrom", Some((1, 1))),
            ("extra letter", "elasticsearchh", Some((2, 1))),
            ("exact is not fuzzy", "kubernetes", None),
            ("two edits", "kubrnets", None),
            ("first letter differs", "aubernetes", None),
            ("too short", "kube", None),
        ];
        for (name, token, expected) in cases {
            assert_eq!(index.best(token), expected, "{name}");
        }
    }
}
