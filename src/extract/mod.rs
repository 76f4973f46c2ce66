//! Extraction: finding skills in text.
//!
//! [`Matcher`] finds skill mentions (alias automaton, typo tolerance,
//! ambiguity rules); [`lookup`] answers what one phrase canonicalizes to.

mod ambiguity;
mod fuzzy;
mod lookup;
mod matcher;

pub use ambiguity::{Evidence, LIST_GAP_MAX_WORDS, QUALIFIER_WINDOW};
pub use fuzzy::{FUZZY_MAX_DISTANCE, FUZZY_MIN_CHARS};
pub use lookup::{lookup, LookupKind, LookupMatch, NEAREST_COUNT};
pub use matcher::{MatchKind, Matcher, Mention, INFLECT_MIN_BYTES};
