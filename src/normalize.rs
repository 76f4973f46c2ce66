//! The one normalization function, applied the same way to taxonomy forms
//! and to input text.
//!
//! Steps, per character: Unicode NFKC, lowercase, typographic dashes to `-`
//! and curly quotes to ASCII quotes, zero-width characters and soft hyphens
//! dropped, every run of whitespace and control characters collapsed to one
//! space. Everything else, punctuation included, is kept: `c++`, `c#`,
//! `.net`, `node.js`, `ci/cd`, `a/b`, `tcp/ip` and `pl/sql` stay distinct
//! and findable.
//!
//! Invariant: normalization is idempotent, and [`Normalized`] maps every
//! byte of its output back to the byte offset of the input character that
//! produced it, so matches found in normalized text can be quoted from the
//! original.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

/// Normalizes `text` for matching: the form taxonomy aliases are stored in.
///
/// Leading and trailing whitespace is removed.
///
/// ```
/// use skillmatch::normalize::normalize;
/// assert_eq!(normalize("  Node.JS\u{00A0}and  C++ "), "node.js and c++");
/// assert_eq!(normalize("CI\u{2013}CD"), "ci-cd");
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold(text, &mut out, None);
    let trimmed = out.trim_matches(' ');
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_string()
    }
}

/// Normalized text together with the map back to the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The normalized text (not trimmed: offsets stay meaningful).
    pub text: String,
    /// `origin[i]` is the byte offset, in the original, of the character that
    /// produced normalized byte `i`; `origin[text.len()]` is the original's length.
    origin: Vec<u32>,
}

impl Normalized {
    /// Normalizes `original`, recording where every output byte came from.
    ///
    /// Texts longer than 4 GiB are not supported (offsets are 32-bit); callers
    /// enforce a much smaller input size limit.
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        fold(original, &mut text, Some(&mut origin));
        origin.push(original.len() as u32);
        Normalized { text, origin }
    }

    /// The original byte offset of normalized byte `index` (`index` may equal
    /// the text length).
    pub fn origin_of(&self, index: usize) -> usize {
        self.origin[index.min(self.origin.len() - 1)] as usize
    }

    /// The normalized byte that stands for original byte `offset`: the last
    /// normalized byte produced at or before it (a collapsed run of
    /// whitespace is one space, produced by its first character).
    pub fn normalized_offset(&self, offset: usize) -> usize {
        let produced = self.origin[..self.text.len()].partition_point(|&o| o as usize <= offset);
        produced.saturating_sub(1)
    }

    /// [`Normalized::normalized_offset`] of each of `offsets`, which must be
    /// ascending: one forward pass instead of a binary search each.
    pub fn normalized_offsets(&self, offsets: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let origin = &self.origin[..self.text.len()];
        let mut produced = 0;
        offsets
            .into_iter()
            .map(|offset| {
                while produced < origin.len() && origin[produced] as usize <= offset {
                    produced += 1;
                }
                produced.saturating_sub(1)
            })
            .collect()
    }

    /// The original byte span of the normalized span `start..end`: from the
    /// start of the character that produced `start` to the end of the
    /// character that produced `end - 1`.
    pub fn original_span(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        let from = self.origin_of(start);
        if end <= start {
            return (from, from);
        }
        let last = self.origin_of(end - 1);
        let to = original[last..]
            .chars()
            .next()
            .map_or(last, |c| last + c.len_utf8());
        (from, to.max(from))
    }
}

/// Folds `original` into `text`; when `origin` is given, records for each
/// output byte the offset of the input character that produced it.
fn fold(original: &str, text: &mut String, mut origin: Option<&mut Vec<u32>>) {
    let bytes = original.as_bytes();
    let mut last_was_space = false;
    let mut segment = String::new();
    let mut folded = String::new();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        // ASCII fast path, unless a combining mark follows (it must compose).
        let next_is_mark = b < 0x80
            && bytes.get(at + 1).is_some_and(|&n| n >= 0x80)
            && original[at + 1..]
                .chars()
                .next()
                .is_some_and(|n| canonical_combining_class(n) != 0);
        if b < 0x80 && !next_is_mark {
            let mapped = fold_ascii(char::from(b));
            push_mapped(text, origin.as_deref_mut(), &mut last_was_space, mapped, at);
            at += 1;
            continue;
        }
        // A starter and the combining marks after it are one segment:
        // NFKC composes within it.
        segment.clear();
        let mut end = at;
        for (i, c) in original[at..].char_indices() {
            if i > 0 && (c.is_ascii() || canonical_combining_class(c) == 0) {
                break;
            }
            segment.push(c);
            end = at + i + c.len_utf8();
        }
        fold_segment(&segment, &mut folded);
        for mapped in folded.chars() {
            push_mapped(
                text,
                origin.as_deref_mut(),
                &mut last_was_space,
                Some(mapped),
                at,
            );
        }
        at = end;
    }
}

fn push_mapped(
    text: &mut String,
    origin: Option<&mut Vec<u32>>,
    last_was_space: &mut bool,
    mapped: Option<char>,
    at: usize,
) {
    let Some(c) = mapped else { return };
    if c == ' ' {
        if *last_was_space {
            return;
        }
        *last_was_space = true;
    } else {
        *last_was_space = false;
    }
    let before = text.len();
    text.push(c);
    if let Some(origin) = origin {
        for _ in before..text.len() {
            origin.push(at as u32);
        }
    }
}

/// ASCII fast path: lowercase, and every whitespace or control byte to a space.
fn fold_ascii(c: char) -> Option<char> {
    if c.is_ascii_whitespace() || c.is_ascii_control() {
        Some(' ')
    } else {
        Some(c.to_ascii_lowercase())
    }
}

/// NFKC, lowercase, NFKC again (lowercasing can produce decomposable
/// sequences), then the punctuation map, into `out`.
fn fold_segment(segment: &str, out: &mut String) {
    out.clear();
    let lowered: String = segment.nfkc().flat_map(char::to_lowercase).collect();
    for c in lowered.nfkc() {
        if let Some(mapped) = map_punctuation(c) {
            out.push(mapped);
        }
    }
}

/// Typographic punctuation to its ASCII form; invisible characters dropped;
/// whitespace and controls to a space.
fn map_punctuation(c: char) -> Option<char> {
    // U+0091–U+0097 are the C1 controls left where Windows-1252 quotes and
    // dashes were read as Latin-1 ("Driver\u{92}s license"): read them as
    // the characters they were meant to be.
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => Some('-'),
        '\u{0096}' | '\u{0097}' => Some('-'),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{00B4}' => Some('\''),
        '\u{0091}' | '\u{0092}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => Some('"'),
        '\u{0093}' | '\u{0094}' => Some('"'),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => None,
        c if c.is_whitespace() || c.is_control() => Some(' '),
        c => Some(c),
    }
}

/// Is `c` part of a word for token-boundary purposes?
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Maximal runs of word characters with their byte offsets.
pub(crate) fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let base = text.as_ptr() as usize;
    text.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - base, w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn words_yields_offsets() {
        let got: Vec<(usize, &str)> = words("a, bé-c").collect();
        assert_eq!(got, [(0, "a"), (3, "bé"), (7, "c")]);
    }

    #[test]
    fn normalize_table() {
        let cases = [
            ("case folds", "PostgreSQL", "postgresql"),
            ("keeps c++", "C++", "c++"),
            ("keeps c#", "C#", "c#"),
            ("keeps f#", "F#", "f#"),
            ("keeps .net", ".NET", ".net"),
            ("keeps node.js", "Node.js", "node.js"),
            ("keeps ci/cd", "CI/CD", "ci/cd"),
            ("keeps a/b", "A/B testing", "a/b testing"),
            ("keeps tcp/ip", "TCP/IP", "tcp/ip"),
            ("keeps pl/sql", "PL/SQL", "pl/sql"),
            (
                "collapses whitespace",
                "machine \t\n learning",
                "machine learning",
            ),
            ("trims", "  go  ", "go"),
            ("en dash to hyphen", "front\u{2013}end", "front-end"),
            (
                "mis-decoded apostrophe",
                "driver\u{92}s license",
                "driver's license",
            ),
            ("mis-decoded dash", "front\u{96}end", "front-end"),
            ("curly quote", "bachelor\u{2019}s", "bachelor's"),
            ("nfkc fullwidth", "\u{FF23}\u{FF0B}\u{FF0B}", "c++"),
            ("nfkc ligature", "\u{FB01}nance", "finance"),
            ("nbsp", "a\u{00A0}b", "a b"),
            ("zero width dropped", "py\u{200B}thon", "python"),
            (
                "combining accent composes",
                "re\u{0301}sume\u{0301}",
                "résumé",
            ),
            ("c1 control is space", "a\u{0095}b", "a b"),
        ];
        for (name, input, expected) in cases {
            assert_eq!(normalize(input), expected, "{name}");
        }
    }

    #[test]
    fn original_span_maps_back_through_expansions_and_collapses() {
        let original = "Ｃ＋＋  and\u{FB01}x";
        let n = Normalized::new(original);
        assert_eq!(n.text, "c++ andfix");
        let (s, e) = n.original_span(original, 0, 3);
        assert_eq!(&original[s..e], "Ｃ＋＋");
        let at = n.text.find("and").unwrap_or_default();
        let (s, e) = n.original_span(original, at, at + 3);
        assert_eq!(&original[s..e], "and");
        // "fi" comes from one ligature character: its span is that character.
        let (s, e) = n.original_span(original, at + 3, at + 5);
        assert_eq!(&original[s..e], "\u{FB01}");
    }

    proptest! {
        #[test]
        fn normalization_is_idempotent(s in "\\PC{0,40}") {
            let once = normalize(&s);
            prop_assert_eq!(normalize(&once), once);
        }

        #[test]
        fn normalized_offsets_equal_one_search_each(s in "[a-zA-Z \\n\\t,éﬁ]{0,60}", cuts in proptest::collection::vec(0usize..70, 0..12)) {
            let n = Normalized::new(&s);
            let mut cuts = cuts;
            cuts.sort_unstable();
            let each: Vec<usize> = cuts.iter().map(|&c| n.normalized_offset(c)).collect();
            prop_assert_eq!(n.normalized_offsets(cuts.iter().copied()), each);
        }

        #[test]
        fn every_output_byte_maps_inside_the_original(s in "\\PC{0,40}") {
            let n = Normalized::new(&s);
            for i in 0..=n.text.len() {
                let o = n.origin_of(i);
                prop_assert!(o <= s.len());
                prop_assert!(s.is_char_boundary(o));
            }
        }
    }
}
