//! The plain types of the occupation set: ids, ISCO-08 unit groups, labels,
//! occupations and how near two are. Both the loader (`mod.rs`) and the
//! lookup (`lookup.rs`) use them; they use neither.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

/// An occupation, by its index in its [`Occupations`](super::Occupations).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct OccupationId(pub u32);

/// A label of an occupation, by its index in its [`Occupations`](super::Occupations).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct LabelId(pub u32);

/// An ISCO-08 unit group: four digits, read from the left as major group
/// (1 digit), sub-major group (2), minor group (3) and unit group (4).
/// "0110" (commissioned armed forces officers) keeps its leading zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IscoUnitGroup(u16);

impl IscoUnitGroup {
    /// The unit group written as exactly four ASCII digits.
    pub fn parse(code: &str) -> Option<Self> {
        if code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit()) {
            code.parse().ok().map(IscoUnitGroup)
        } else {
            None
        }
    }

    /// The code as a number (0110 is 110).
    pub fn number(self) -> u16 {
        self.0
    }

    /// The first `digits` (1 to 4) digits: the code of the group at that
    /// level ("2512" → 3 → "251").
    pub fn prefix(self, digits: usize) -> String {
        let code = self.to_string();
        code[..digits.clamp(1, 4)].to_string()
    }

    /// How many leading digits `self` and `other` share (0 to 4).
    pub fn shared_digits(self, other: IscoUnitGroup) -> usize {
        let (a, b) = (self.to_string(), other.to_string());
        a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
    }
}

impl fmt::Display for IscoUnitGroup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.0)
    }
}

impl Serialize for IscoUnitGroup {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Where a label comes from; it sets how much an exact match on it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelKind {
    /// ESCO's preferred label.
    Preferred,
    /// An ESCO alternative label.
    Alternative,
    /// An ESCO hidden label (misspellings, outdated or gendered forms).
    Hidden,
    /// An O*NET job title attached through the crosswalk.
    Onet,
}

/// A label of an occupation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label<'a> {
    /// Whose label it is.
    pub occupation: OccupationId,
    /// Where it comes from.
    pub kind: LabelKind,
    /// The label as the source writes it.
    pub text: &'a str,
}

/// A label as stored: its text is a span of the file's text, so loading
/// 60,000 labels allocates nothing per label.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LabelEntry {
    pub(crate) occupation: OccupationId,
    pub(crate) kind: LabelKind,
    pub(crate) start: u32,
    pub(crate) end: u32,
}

/// An ESCO occupation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occupation {
    /// The ESCO concept URI.
    pub uri: String,
    /// The ESCO code: the ISCO unit group, then ESCO's own levels
    /// ("2512.4").
    pub code: String,
    /// The ISCO-08 unit group.
    pub isco: IscoUnitGroup,
    /// ESCO's preferred label.
    pub preferred: String,
    /// Its labels (preferred first) in [`Occupations::label`] order.
    pub(crate) labels: Range<u32>,
}

/// How near two occupations are, by the ISCO-08 hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OccupationRelation {
    /// The same occupation.
    Same,
    /// Different occupations in the same unit group (4 digits).
    SameUnitGroup,
    /// The same minor group (3 digits).
    SameMinorGroup,
    /// The same sub-major group (2 digits).
    SameSubMajorGroup,
    /// Nothing nearer than the major group.
    Unrelated,
}

/// An O*NET occupation and the ESCO occupation the crosswalk gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct OnetMapping {
    /// The O*NET-SOC code ("15-1252.00").
    pub code: String,
    /// The O*NET title ("Software Developers").
    pub title: String,
    /// The ESCO occupation its titles point to.
    pub occupation: OccupationId,
    /// Votes for the winning unit group (see [`import`](super::import)).
    pub votes: f32,
    /// How many of its titles matched an ESCO label exactly.
    pub matched: u32,
}

impl OccupationRelation {
    /// The contract name: `same`, `same_unit_group`, `same_minor_group`,
    /// `same_sub_major_group`, `unrelated`.
    pub fn name(self) -> &'static str {
        match self {
            OccupationRelation::Same => "same",
            OccupationRelation::SameUnitGroup => "same_unit_group",
            OccupationRelation::SameMinorGroup => "same_minor_group",
            OccupationRelation::SameSubMajorGroup => "same_sub_major_group",
            OccupationRelation::Unrelated => "unrelated",
        }
    }

    /// How near occupations with these ISCO-08 unit groups are, when they
    /// are not the same occupation.
    pub fn of_groups(a: u16, b: u16) -> OccupationRelation {
        if a == b {
            OccupationRelation::SameUnitGroup
        } else if a / 10 == b / 10 {
            OccupationRelation::SameMinorGroup
        } else if a / 100 == b / 100 {
            OccupationRelation::SameSubMajorGroup
        } else {
            OccupationRelation::Unrelated
        }
    }
}
