//! Where a skill is tied to the standard classifications: ESCO concepts and
//! O*NET commodity codes.
//!
//! Public employment services and labour-market analysts count skills by
//! standard concept, not by our ids. A crosswalk file (`crosswalk.tsv`
//! beside the taxonomy files; the default taxonomy's is built by
//! `scripts/build_crosswalk.py` from the ESCO and O*NET data plus reviewed
//! decisions) states, per skill, the concepts it corresponds to and how,
//! one tab-separated row per link:
//!
//! ```text
//! skill <tab> scheme <tab> code <tab> relation <tab> label
//! java <tab> esco <tab> http://data.europa.eu/esco/skill/… <tab> exact <tab> Java (computer programming)
//! postgresql <tab> onet <tab> 43232306 <tab> broader <tab> Data base user interface and query software
//! ```
//!
//! `relation` says how the standard concept stands to the skill: the same
//! concept (`exact`), a more general one (`broader`: O*NET's product
//! classes), or a more specific one (`narrower`). A skill imported from
//! ESCO or O*NET is linked to its own concept without a row
//! (`implicit_links`). An imported ESCO skill that a curated skill links
//! to exactly is the same skill: the builder folds it into the curated one
//! (see `TaxonomyBuilder::build`), so `--taxonomy-extra` with an ESCO
//! import adds ESCO's wording to the curated skills instead of competing
//! with them.

use std::fmt;

use serde::Serialize;

use super::source::Source;
use crate::error::{Error, Location, Result};

/// Prefix of every ESCO skill URI.
pub const ESCO_SKILL_PREFIX: &str = "http://data.europa.eu/esco/skill/";

/// The header a crosswalk file starts with (after `#` comments).
pub const CROSSWALK_HEADER: &str = "skill\tscheme\tcode\trelation\tlabel";

/// A standard classification.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    /// ESCO skills and knowledge concepts (a URI).
    Esco,
    /// O*NET technology commodity codes (UNSPSC, 8 digits).
    Onet,
}

impl Scheme {
    /// The name used in files and outputs.
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Esco => "esco",
            Scheme::Onet => "onet",
        }
    }

    fn parse(text: &str) -> Option<Scheme> {
        match text {
            "esco" => Some(Scheme::Esco),
            "onet" => Some(Scheme::Onet),
            _ => None,
        }
    }

    /// Is `code` shaped like an identifier of this scheme? An ESCO skill
    /// URI ends in a UUID; an O*NET commodity code is 8 digits.
    pub fn is_valid_code(self, code: &str) -> bool {
        match self {
            Scheme::Esco => code.strip_prefix(ESCO_SKILL_PREFIX).is_some_and(is_uuid),
            Scheme::Onet => code.len() == 8 && code.bytes().all(|b| b.is_ascii_digit()),
        }
    }
}

/// `8-4-4-4-12` hexadecimal digits.
fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// How a standard concept stands to a skill. Ordered as outputs list them:
/// the same concept first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum LinkRelation {
    /// The same concept.
    Exact,
    /// The concept is a more specific case of the skill.
    Narrower,
    /// The concept is more general than the skill.
    Broader,
}

impl LinkRelation {
    /// The name used in files and outputs.
    pub fn name(self) -> &'static str {
        match self {
            LinkRelation::Exact => "exact",
            LinkRelation::Narrower => "narrower",
            LinkRelation::Broader => "broader",
        }
    }

    fn parse(text: &str) -> Option<LinkRelation> {
        match text {
            "exact" => Some(LinkRelation::Exact),
            "narrower" => Some(LinkRelation::Narrower),
            "broader" => Some(LinkRelation::Broader),
            _ => None,
        }
    }
}

/// One link from a skill to a standard concept.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
pub struct StandardLink {
    /// The classification.
    pub scheme: Scheme,
    /// How the concept stands to the skill.
    pub relation: LinkRelation,
    /// The concept's identifier (ESCO URI, O*NET commodity code).
    pub code: String,
}

impl fmt::Display for StandardLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {}",
            self.scheme.name(),
            self.relation.name(),
            self.code
        )
    }
}

/// One row of a crosswalk file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CrosswalkRow {
    /// The skill id, as written.
    pub skill: String,
    /// The link it states.
    pub link: StandardLink,
    /// Where the row is, for messages.
    pub location: Location,
}

/// The rows of a crosswalk source, or the first malformed line. Lines
/// starting with `#` and blank lines are comments; the first other line
/// must be [`CROSSWALK_HEADER`].
pub(crate) fn parse(source: &Source) -> Result<Vec<CrosswalkRow>> {
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (i, raw) in source.text.lines().enumerate() {
        let number = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |column: usize| Location::at(&source.name, number, column);
        if !header_seen {
            if line != CROSSWALK_HEADER {
                return Err(Error::taxonomy(
                    at(1),
                    format!(
                        "a crosswalk starts with the header {:?}",
                        CROSSWALK_HEADER.replace('\t', " <tab> ")
                    ),
                ));
            }
            header_seen = true;
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 4 || fields.len() > 5 {
            return Err(Error::taxonomy(
                at(1),
                format!(
                    "{} tab-separated fields; a crosswalk row has skill, scheme, code, relation and an optional label",
                    fields.len()
                ),
            ));
        }
        // The column of field `n` (1-based, in characters).
        let column = |n: usize| {
            1 + fields[..n]
                .iter()
                .map(|f| f.chars().count() + 1)
                .sum::<usize>()
        };
        let skill = fields[0].trim();
        if skill.is_empty() {
            return Err(Error::taxonomy(at(1), "empty skill id"));
        }
        let scheme = Scheme::parse(fields[1].trim()).ok_or_else(|| {
            Error::taxonomy(
                at(column(1)),
                format!("unknown scheme {:?}: use esco or onet", fields[1]),
            )
        })?;
        let code = fields[2].trim();
        if !scheme.is_valid_code(code) {
            let shape = match scheme {
                Scheme::Esco => format!("an ESCO skill URI ({ESCO_SKILL_PREFIX}<uuid>)"),
                Scheme::Onet => "an 8-digit O*NET commodity code".to_string(),
            };
            return Err(Error::taxonomy(
                at(column(2)),
                format!("{code:?} is not {shape}"),
            ));
        }
        let relation = LinkRelation::parse(fields[3].trim()).ok_or_else(|| {
            Error::taxonomy(
                at(column(3)),
                format!(
                    "unknown relation {:?}: use exact, narrower or broader",
                    fields[3]
                ),
            )
        })?;
        rows.push(CrosswalkRow {
            skill: skill.to_string(),
            link: StandardLink {
                scheme,
                relation,
                code: code.to_string(),
            },
            location: at(1),
        });
    }
    Ok(rows)
}

/// The links an imported skill carries by being imported: an ESCO skill is
/// its own concept; an O*NET skill names its commodity codes, which are
/// the skill itself for a commodity class (`is_class`) and broader for a
/// product under it.
pub(crate) fn implicit_links(source_id: Option<&str>, is_class: bool) -> Vec<StandardLink> {
    let Some(source_id) = source_id else {
        return Vec::new();
    };
    if Scheme::Esco.is_valid_code(source_id) {
        return vec![StandardLink {
            scheme: Scheme::Esco,
            relation: LinkRelation::Exact,
            code: source_id.to_string(),
        }];
    }
    let codes: Vec<&str> = source_id.split_whitespace().collect();
    if codes.is_empty() || !codes.iter().all(|c| Scheme::Onet.is_valid_code(c)) {
        return Vec::new();
    }
    codes
        .into_iter()
        .map(|code| StandardLink {
            scheme: Scheme::Onet,
            relation: if is_class {
                LinkRelation::Exact
            } else {
                LinkRelation::Broader
            },
            code: code.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const URI: &str = "http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389";

    fn source(text: &str) -> Source {
        Source::new("links/crosswalk.tsv", text)
    }

    #[test]
    fn rows_parse_with_comments_and_an_optional_label() {
        let text = format!(
            "# built by a script\n{CROSSWALK_HEADER}\njava\tesco\t{URI}\texact\tJava (computer programming)\n\npostgresql\tonet\t43232306\tbroader\n"
        );
        let rows = parse(&source(&text)).expect("parses");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].skill, "java");
        assert_eq!(rows[0].link.to_string(), format!("esco exact {URI}"));
        assert_eq!(rows[1].link.to_string(), "onet broader 43232306");
        assert_eq!(rows[1].location.to_string(), "links/crosswalk.tsv:5:1");
    }

    #[test]
    fn each_malformed_row_names_its_line_column_and_fix() {
        let cases = [
            ("java\tesco\tx\texact", 1, 1, "header"),
            (
                &*format!("{CROSSWALK_HEADER}\njava\tesko\t{URI}\texact"),
                2,
                6,
                "unknown scheme",
            ),
            (
                &*format!("{CROSSWALK_HEADER}\njava\tesco\thttp://example.org/java\texact"),
                2,
                11,
                "ESCO skill URI",
            ),
            (
                &*format!("{CROSSWALK_HEADER}\npostgresql\tonet\t4323\tbroader"),
                2,
                17,
                "8-digit",
            ),
            (
                &*format!("{CROSSWALK_HEADER}\njava\tesco\t{URI}\tsame"),
                2,
                81,
                "unknown relation",
            ),
            (
                &*format!("{CROSSWALK_HEADER}\njava\tesco"),
                2,
                1,
                "2 tab-separated",
            ),
            (
                &*format!("{CROSSWALK_HEADER}\n\tesco\t{URI}\texact"),
                2,
                1,
                "empty skill",
            ),
        ];
        for (text, line, column, words) in cases {
            let err = parse(&source(text)).expect_err(text);
            let shown = err.to_string();
            assert!(
                shown.contains(&format!("links/crosswalk.tsv:{line}:{column}")),
                "{text:?}: {shown}"
            );
            assert!(shown.contains(words), "{text:?}: {shown}");
        }
    }

    #[test]
    fn imported_skills_link_to_their_own_concepts() {
        let esco = implicit_links(Some(URI), false);
        assert_eq!(esco.len(), 1);
        assert_eq!(esco[0].to_string(), format!("esco exact {URI}"));
        let product = implicit_links(Some("43232306 43233004"), false);
        let shown: Vec<String> = product.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["onet broader 43232306", "onet broader 43233004"]);
        assert_eq!(
            implicit_links(Some("43232306"), true)[0].relation,
            LinkRelation::Exact
        );
        assert!(implicit_links(Some("custom-42"), false).is_empty());
        assert!(implicit_links(None, false).is_empty());
    }
}
