//! Ambiguity rules: a form such as "Go", "R", "Spark" or "communication"
//! counts only when the text shows its sense.
//!
//! The rules are data (each skill's `[skill.ambiguity]` table); this module
//! only knows the kinds of evidence, tried in this order: a version number
//! after the form ("Go 1.21"); a qualifier word near it ("the R language");
//! a context skill close by on the same line ("Go and Kubernetes"); the
//! form alone on its line ("• Go"); a capitalized form mid-sentence with a
//! context skill on a nearby line; and last,
//! a list whose other members are confirmed ("Python, Java, C++, or Go"),
//! which is applied until nothing changes so a list confirms all its members.

use super::mention::{Evidence, Mention};
use crate::normalize::{normalize, words};
use crate::taxonomy::Taxonomy;

/// Words around a form searched for qualifiers, on each side.
pub const QUALIFIER_WINDOW: usize = 2;

/// Lines above and below searched for context skills when an ambiguous form
/// is capitalized mid-sentence.
pub const CONTEXT_WINDOW_LINES: usize = 2;

/// A context skill on the same line counts only this close (bytes between
/// the two mentions): many résumés are one long line, and a skill named
/// paragraphs away says nothing about this word's sense.
pub const CONTEXT_MAX_BYTES: usize = 80;

/// The same bound for context on nearby lines.
pub const NEARBY_CONTEXT_MAX_BYTES: usize = 240;

/// Mentions longer than this are not expected; it only bounds the binary
/// searches for neighbours (a longer mention is still found, just not as context).
const MENTION_MAX_BYTES: usize = 256;

/// Bytes of text around an ambiguous form read for its evidence.
pub const LOCAL_WINDOW_BYTES: usize = 200;

/// Most words allowed between two list members ("and", "or", "as well as").
pub const LIST_GAP_MAX_WORDS: usize = 3;

/// Gaps longer than this (in bytes) never join list members.
pub const LIST_GAP_MAX_BYTES: usize = 32;

/// Words that may join list members besides punctuation.
const LIST_WORDS: &[&str] = &[
    "and", "or", "nor", "plus", "as", "well", "etc", "also", "e", "g",
];

/// Punctuation that may join list members.
const LIST_PUNCTUATION: &[char] = &[
    ',', '/', ';', '|', '&', '+', '(', ')', '[', ']', ':', '.', '\'', '"',
];

/// Confirms what evidence it can for the ambiguous mentions in `mentions`
/// (sorted by start); the rest stay [`Evidence::Unconfirmed`].
pub(crate) fn resolve(taxonomy: &Taxonomy, text: &str, mentions: &mut [Mention]) {
    if mentions.iter().all(|m| m.evidence.is_confirmed()) {
        return;
    }
    // Mentions are sorted by position (so by line too): the ones that can be
    // within `lines` lines and `bytes` bytes of mention `i` are a contiguous
    // range, found by binary search. This keeps resolution linear on texts
    // that are one enormous line.
    let around = |mentions: &[Mention], i: usize, lines: usize, bytes: usize| {
        let m = &mentions[i];
        let reach = bytes + MENTION_MAX_BYTES;
        let lo = mentions.partition_point(|o| o.line + lines < m.line || o.start + reach < m.start);
        let hi = mentions.partition_point(|o| o.line <= m.line + lines && o.start <= m.end + bytes);
        lo..hi.max(lo)
    };
    for i in 0..mentions.len() {
        if mentions[i].evidence.is_confirmed() {
            continue;
        }
        let m = &mentions[i];
        let Some(rule) = taxonomy.skill(m.skill).ambiguity.as_ref() else {
            mentions[i].evidence = Evidence::NotNeeded;
            continue;
        };
        let same_line = &mentions[around(mentions, i, 0, CONTEXT_MAX_BYTES)];
        let nearby = &mentions[around(mentions, i, CONTEXT_WINDOW_LINES, NEARBY_CONTEXT_MAX_BYTES)];
        let is_context = |o: &Mention, max_bytes: usize| {
            o.evidence.is_confirmed()
                && distance(o, m) <= max_bytes
                && !crosses_clause(text, o, m)
                && rule.context.iter().any(|&c| taxonomy.is_a(o.skill, c))
        };
        let (line_start, line_end) = line_bounds(text, m.start, m.end);
        let evidence = if followed_by_version(text, m.start, m.end) {
            Some(Evidence::Version)
        } else if !rule.qualifiers.is_empty()
            && near_words(&text[line_start..m.start], &text[m.end..line_end])
                .iter()
                .any(|w| rule.qualifiers.contains(w))
        {
            Some(Evidence::Qualifier)
        } else if same_line.iter().any(|o| is_context(o, CONTEXT_MAX_BYTES)) {
            Some(Evidence::ContextSkill)
        } else if is_whole_line(&text[line_start..line_end], &text[m.start..m.end]) {
            Some(Evidence::WholeLine)
        } else if is_capitalized_mid_sentence(&text[line_start..m.start], &text[m.start..m.end])
            && nearby
                .iter()
                .any(|o| is_context(o, NEARBY_CONTEXT_MAX_BYTES))
        {
            Some(Evidence::NearbyContext)
        } else {
            None
        };
        if let Some(e) = evidence {
            mentions[i].evidence = e;
        }
    }
    // Lists: confirmed members confirm their neighbours. Confirmation
    // spreads along runs of listed neighbours, so one sweep each way
    // reaches every member of a run with a confirmed member: linear, where
    // sweeping until nothing changes took one sweep per member of a long
    // list confirmed only at its end.
    let listed = |mentions: &[Mention], a: usize, b: usize| {
        mentions[a].line == mentions[b].line
            && is_list_gap(&text[mentions[a].end..mentions[b].start])
    };
    for i in 1..mentions.len() {
        if !mentions[i].evidence.is_confirmed()
            && mentions[i - 1].evidence.is_confirmed()
            && listed(mentions, i - 1, i)
        {
            mentions[i].evidence = Evidence::ListNeighbor;
        }
    }
    for i in (0..mentions.len().saturating_sub(1)).rev() {
        if !mentions[i].evidence.is_confirmed()
            && mentions[i + 1].evidence.is_confirmed()
            && listed(mentions, i, i + 1)
        {
            mentions[i].evidence = Evidence::ListNeighbor;
        }
    }
}

/// Is the line only `form`, besides bullet marks, spaces and closing punctuation?
fn is_whole_line(line: &str, form: &str) -> bool {
    let bare = line
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(|c: char| c.is_whitespace() || ",;.".contains(c));
    bare == form
}

/// Does the form start with a capital letter, after other words of the same
/// sentence ("Orchestrate jobs with Airflow", not "Go to the office")?
pub(crate) fn is_capitalized_mid_sentence(before: &str, form: &str) -> bool {
    let before = before.trim_end();
    form.chars().next().is_some_and(char::is_uppercase)
        && before.chars().any(char::is_alphanumeric)
        && !before.ends_with(['.', '!', '?', ':'])
}

/// Is there a sentence or clause break (". ", ";", "!", "?") between two
/// mentions? "Kubernetes; let's go" says nothing about the "go".
fn crosses_clause(text: &str, a: &Mention, b: &Mention) -> bool {
    let (from, to) = if a.end <= b.start {
        (a.end, b.start)
    } else {
        (b.end, a.start)
    };
    let gap = text.get(from..to.max(from)).unwrap_or("");
    gap.contains([';', '!', '?']) || gap.contains(". ") || gap.contains(".\n")
}

/// Bytes between two mentions (0 when they touch or overlap).
fn distance(a: &Mention, b: &Mention) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// Byte bounds of the line(s) holding `start..end`.
///
/// Only [`LOCAL_WINDOW_BYTES`] on each side are searched, so the cost per
/// mention stays constant on texts that are one enormous line; the bounds
/// are then cut at the window and the line is not whole.
fn line_bounds(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut lo = start.saturating_sub(LOCAL_WINDOW_BYTES);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (end + LOCAL_WINDOW_BYTES).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let from = text[lo..start].rfind('\n').map_or(lo, |i| lo + i + 1);
    let to = text[end..hi].find('\n').map_or(hi, |i| end + i);
    (from, to)
}

/// The normalized words within [`QUALIFIER_WINDOW`] before and after.
fn near_words(before: &str, after: &str) -> Vec<String> {
    let before = normalize(before);
    let after = normalize(after);
    let mut out: Vec<String> = words(&before)
        .map(|(_, w)| w.to_string())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .take(QUALIFIER_WINDOW)
        .collect();
    out.extend(
        words(&after)
            .take(QUALIFIER_WINDOW)
            .map(|(_, w)| w.to_string()),
    );
    out
}

/// "Go 1.21", "R 4.x", "Swift 5" (a bare number only after a capitalized form).
fn followed_by_version(text: &str, start: usize, end: usize) -> bool {
    let rest = &text[end..];
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    let tail = &rest[digits..];
    let dotted = tail.starts_with('.')
        && tail[1..]
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit() || b == b'x');
    let capitalized = text[start..end].chars().any(char::is_uppercase);
    // "Spring 2025", "Unity 2023": a year is not a version.
    let year_like = digits == 4 && !dotted;
    let ends_number = tail.chars().next().is_none_or(|c| !c.is_alphanumeric());
    dotted || (capitalized && ends_number && !year_like)
}

/// Is `gap` only list punctuation and joining words?
fn is_list_gap(gap: &str) -> bool {
    if gap.len() > LIST_GAP_MAX_BYTES || gap.contains('\n') || gap.trim().is_empty() {
        // Adjacent words ("database statistics") are a phrase, not a list.
        return false;
    }
    let mut count = 0;
    for word in gap.split(|c: char| c.is_whitespace() || LIST_PUNCTUATION.contains(&c)) {
        if word.is_empty() {
            continue;
        }
        count += 1;
        if count > LIST_GAP_MAX_WORDS || !LIST_WORDS.contains(&word.to_lowercase().as_str()) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_gap_table() {
        let cases = [
            (", ", true),
            (", or ", true),
            ("/", true),
            (" and ", true),
            (" (", true),
            (" as well as ", true),
            (" to the ", false),
            (", using ", false),
            (",\n", false),
            (" ", false),
        ];
        for (gap, expected) in cases {
            assert_eq!(is_list_gap(gap), expected, "{gap:?}");
        }
    }

    #[test]
    fn whole_line_and_mid_sentence_tables() {
        assert!(is_whole_line("  \u{2022} Go", "Go"));
        assert!(is_whole_line("- Go,", "Go"));
        assert!(!is_whole_line("Go to the office", "Go"));
        assert!(is_capitalized_mid_sentence(
            "Orchestrate jobs with ",
            "Airflow"
        ));
        assert!(!is_capitalized_mid_sentence("", "Go"));
        assert!(!is_capitalized_mid_sentence("Done. ", "Go"));
        assert!(!is_capitalized_mid_sentence("we ", "go"));
    }

    #[test]
    fn version_table() {
        let cases = [
            ("Go 1.21 services", 0, 2, true),
            ("R 4.x", 0, 1, true),
            ("Swift 5 apps", 0, 5, true),
            ("go 5 times", 0, 2, false),
            ("Go 2nd", 0, 2, false),
            ("Go team", 0, 2, false),
            ("Spring 2025 internship", 0, 6, false),
        ];
        for (text, s, e, expected) in cases {
            assert_eq!(followed_by_version(text, s, e), expected, "{text}");
        }
    }
}
