//! Skill mentions: what the matcher finds in a text, how each was found,
//! and what showed the sense of an ambiguous form.
//!
//! These are plain data shared by the matcher, the ambiguity rules and the
//! posting and résumé parsers; they sit below all of them, so the rules
//! that confirm a mention never depend on the matcher that found it.

use serde::Serialize;

use crate::taxonomy::SkillId;

/// How a mention was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "match")]
pub enum MatchKind {
    /// The text is the skill's label.
    Exact,
    /// The text is one of the skill's aliases.
    Alias,
    /// The text is one typo away from a long form.
    Fuzzy {
        /// Damerau–Levenshtein distance to the form.
        distance: u32,
    },
}

impl MatchKind {
    /// The contract name: `exact`, `alias` or `fuzzy`.
    pub fn name(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Alias => "alias",
            MatchKind::Fuzzy { .. } => "fuzzy",
        }
    }

    /// Edit distance: 0 unless fuzzy.
    pub fn distance(self) -> u32 {
        match self {
            MatchKind::Fuzzy { distance } => distance,
            _ => 0,
        }
    }
}

/// One skill mention in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The skill.
    pub skill: SkillId,
    /// How it was found.
    pub kind: MatchKind,
    /// UTF-8 byte offset of the first byte in the original text.
    pub start: usize,
    /// UTF-8 byte offset one past the last byte (exclusive).
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// What showed the sense of an ambiguous form (or that none was needed).
    pub evidence: Evidence,
}

/// Why a mention counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// The form is unambiguous.
    NotNeeded,
    /// The form matched with its required casing ("AI").
    ExactCase,
    /// A version number follows ("Go 1.21").
    Version,
    /// A qualifier word is near ("the R language").
    Qualifier,
    /// A context skill is close by on the same line ("Go and Kubernetes").
    ContextSkill,
    /// The form is a member of a list of confirmed skills ("Python, Java, or Go").
    ListNeighbor,
    /// The form is all there is on its line (a list item: "- Go").
    WholeLine,
    /// The form is capitalized mid-sentence ("jobs with Airflow") and a
    /// context skill is within [`CONTEXT_WINDOW_LINES`](super::CONTEXT_WINDOW_LINES) lines.
    NearbyContext,
    /// The form is capitalized mid-sentence in a requirement line of a posting
    /// ("Experience with Jenkins", "Strong Go skills"): the posting parser
    /// gives this evidence, the matcher alone cannot.
    RequirementLine,
    /// No evidence (yet): such mentions are dropped.
    Unconfirmed,
}

impl Evidence {
    /// Whether the mention counts.
    pub fn is_confirmed(self) -> bool {
        self != Evidence::Unconfirmed
    }
}
