//! Negation: where a posting line rules a skill out rather than asking
//! for it.
//!
//! "This role is not machine learning model development", "No prior
//! Kubernetes experience needed", "Kafka is not required", "You will not
//! be doing front-end work in React": each names a skill it does not ask
//! for. A mention is *ruled out* when, within its clause, a negation word
//! comes before it ("not", "no", "never", "n't") or a "not required"
//! phrase comes after it. A clause ends at ".", ";", ":", "," or "but".
//!
//! What is not negation: "not only … but also", "not just", "including
//! but not limited to", "whether or not", "if not", "not necessarily".
//!
//! Invariants: looks only at the text between the clause's start and end;
//! never rules out a mention a negation word does not precede or a
//! "not required" phrase does not follow.

use crate::extract::Mention;

/// Words that negate what follows them in their clause.
const NEGATORS: &[&str] = &["not", "no", "never", "nor"];

/// Words after "not" that make it no negation of what follows ("not only
/// Java but also Go", "not limited to").
const NOT_NEGATING_NEXT: &[&str] = &[
    "only",
    "just",
    "limited",
    "necessarily",
    "merely",
    "exclusively",
];

/// Words before "not" that make it no negation ("whether or not", "if not").
const NOT_NEGATING_PREVIOUS: &[&str] = &["or", "if", "but"];

/// Phrases after a skill that rule it out ("Kafka is not required").
const RULED_OUT_AFTER: &[&str] = &[
    "not required",
    "not needed",
    "not necessary",
    "not mandatory",
    "not a requirement",
    "not expected",
    "not essential",
    "no longer",
];

/// How far either side of a mention its clause is read. A negation's reach
/// is a few words; the window keeps a line of thousands of mentions
/// without punctuation from costing the square of its length.
const CLAUSE_WINDOW_BYTES: usize = 240;

/// Whether `m` (offsets into the posting; `text` starts at `offset`) is
/// ruled out by its clause.
pub(super) fn ruled_out(text: &str, offset: usize, m: &Mention) -> bool {
    let (Some(start), Some(end)) = (m.start.checked_sub(offset), m.end.checked_sub(offset)) else {
        return false;
    };
    let (Some(before), Some(after)) = (text.get(..start), text.get(end..)) else {
        return false;
    };
    let before = clause_tail(super::last_bytes(before, CLAUSE_WINDOW_BYTES)).to_lowercase();
    let after = clause_head(super::first_bytes(after, CLAUSE_WINDOW_BYTES)).to_lowercase();
    negated_before(&before) || RULED_OUT_AFTER.iter().any(|p| after.contains(p))
}

/// The part of `before` in the mention's clause.
fn clause_tail(before: &str) -> &str {
    let cut = before
        .rfind(['.', ';', ':', ',', '!', '?'])
        .map_or(0, |i| i + 1);
    let tail = &before[cut..];
    match tail.to_lowercase().rfind(" but ") {
        Some(i) if tail.is_char_boundary(i + 5) => &tail[i + 5..],
        _ => tail,
    }
}

/// The part of `after` in the mention's clause.
fn clause_head(after: &str) -> &str {
    let cut = after
        .find(['.', ';', ':', ',', '!', '?'])
        .unwrap_or(after.len());
    let head = &after[..cut];
    match head.to_lowercase().find(" but ") {
        Some(i) if head.is_char_boundary(i) => &head[..i],
        _ => head,
    }
}

/// Whether a negation word in `clause` (lowercase, before the mention)
/// governs what follows it.
fn negated_before(clause: &str) -> bool {
    let words: Vec<&str> = clause
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        let contracted = w.ends_with("n't") || w.ends_with("n’t");
        if !(NEGATORS.contains(w) || contracted) {
            return false;
        }
        let next = words.get(i + 1).copied().unwrap_or("");
        let previous = i.checked_sub(1).map_or("", |p| words[p]);
        !NOT_NEGATING_NEXT.contains(&next) && !NOT_NEGATING_PREVIOUS.contains(&previous)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::mention::{Evidence, MatchKind};
    use crate::taxonomy::SkillId;

    /// Whether the skill written `skill` in `line` is ruled out.
    fn out(line: &str, skill: &str) -> bool {
        let start = line.find(skill).expect("skill in line");
        let m = Mention {
            skill: SkillId(0),
            kind: MatchKind::Exact,
            start: 100 + start,
            end: 100 + start + skill.len(),
            line: 1,
            evidence: Evidence::NotNeeded,
        };
        ruled_out(line, 100, &m)
    }

    #[test]
    fn negation_table() {
        let cases = [
            // Ruled out.
            (
                "This role is not machine learning model development",
                "machine learning",
                true,
            ),
            ("No prior Kubernetes experience needed", "Kubernetes", true),
            ("Experience with Kafka is not required", "Kafka", true),
            (
                "You will not be doing front-end work in React",
                "React",
                true,
            ),
            ("You won't write Java here", "Java", true),
            ("Kafka is nice to have, not required", "Kafka", false),
            // Asked for.
            ("5+ years of Java", "Java", false),
            ("Not only Java but also Go", "Java", false),
            ("Not only Java but also Go", "Go", false),
            (
                "Languages including but not limited to Python",
                "Python",
                false,
            ),
            ("Whether or not you know Rust, apply", "Rust", false),
            ("We do not use Java, but we love Go", "Go", false),
            ("No degree needed; strong SQL skills", "SQL", false),
            ("Strong SQL skills; no degree needed", "SQL", false),
        ];
        for (line, skill, expected) in cases {
            assert_eq!(out(line, skill), expected, "{skill} in {line:?}");
        }
    }
}
