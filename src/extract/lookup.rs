//! What one phrase canonicalizes to, and how: the answer behind
//! `skillmatch taxonomy lookup`.

use serde::Serialize;

use super::matcher::Matcher;
use super::mention::MatchKind;
use crate::normalize::normalize;
use crate::taxonomy::SkillId;

/// How many nearest forms are offered when nothing matches.
pub const NEAREST_COUNT: usize = 5;

/// How a looked-up phrase relates to a skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LookupKind {
    /// The phrase is (or contains) the skill's label.
    Exact,
    /// The phrase is (or contains) one of its aliases.
    Alias,
    /// The phrase is (or contains) a typo of a long form.
    Fuzzy,
    /// The phrase is a form that counts only with evidence of its sense.
    Ambiguous,
    /// Nothing matched; this is one of the closest forms.
    Nearest,
}

/// One answer of [`lookup`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupMatch {
    /// The skill.
    pub skill: SkillId,
    /// How the phrase relates to it.
    pub kind: LookupKind,
    /// Edit distance between the phrase (or its matching part) and the form.
    pub distance: u32,
    /// The part of the phrase that matched, or the nearest form.
    pub text: String,
}

/// Canonicalizes `phrase`: the skill it names; else the skills mentioned in
/// it; else the [`NEAREST_COUNT`] closest forms, marked [`LookupKind::Nearest`].
pub fn lookup(matcher: &Matcher<'_>, phrase: &str) -> Vec<LookupMatch> {
    let norm = normalize(phrase);
    if let Some(index) = matcher.form(&norm) {
        let pattern = matcher.pattern(index);
        let case_ok = pattern
            .exact_case
            .as_deref()
            .is_none_or(|c| c == phrase.trim());
        let kind = if pattern.ambiguous || !case_ok {
            LookupKind::Ambiguous
        } else if pattern.kind == MatchKind::Exact {
            LookupKind::Exact
        } else {
            LookupKind::Alias
        };
        return vec![LookupMatch {
            skill: pattern.skill,
            kind,
            distance: 0,
            text: phrase.trim().to_string(),
        }];
    }
    let found: Vec<LookupMatch> = matcher
        .find(phrase)
        .into_iter()
        .map(|m| LookupMatch {
            skill: m.skill,
            kind: match m.kind {
                MatchKind::Exact => LookupKind::Exact,
                MatchKind::Alias => LookupKind::Alias,
                MatchKind::Fuzzy { .. } => LookupKind::Fuzzy,
            },
            distance: m.kind.distance(),
            text: phrase[m.start..m.end].to_string(),
        })
        .collect();
    if !found.is_empty() || norm.is_empty() {
        return found;
    }
    nearest(matcher, &norm)
}

fn nearest(matcher: &Matcher<'_>, norm: &str) -> Vec<LookupMatch> {
    let mut scored: Vec<(usize, &str, u32)> = matcher
        .forms()
        .map(|(form, p)| (strsim::levenshtein(norm, form), form, p))
        .collect();
    scored.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut out: Vec<LookupMatch> = Vec::new();
    for (distance, form, p) in scored {
        let skill = matcher.pattern(p).skill;
        if out.iter().any(|m| m.skill == skill) {
            continue;
        }
        out.push(LookupMatch {
            skill,
            kind: LookupKind::Nearest,
            distance: distance as u32,
            text: form.to_string(),
        });
        if out.len() == NEAREST_COUNT {
            break;
        }
    }
    out
}
