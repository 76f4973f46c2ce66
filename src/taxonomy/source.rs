//! Taxonomy files as written: TOML parsed with spans, before any checking.
//!
//! Both the loader (which turns sources into a [`Taxonomy`](super::Taxonomy)
//! and stops at the first hard error) and the linter (which reports every
//! finding) start from these raw records, so a location always points at the
//! exact line of the file the user wrote.

use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

use crate::error::{Error, Location, Result};

include!(concat!(env!("OUT_DIR"), "/embedded_taxonomy.rs"));

/// One taxonomy file's text and the name it is reported under.
#[derive(Debug, Clone)]
pub struct Source {
    /// Display name: a path, or `<embedded>/NAME.toml` for the default taxonomy.
    pub name: String,
    /// The TOML text.
    pub text: String,
    /// Byte offsets of line starts, computed on first use (locations of
    /// thousands of skills must not rescan the file each time).
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

impl Source {
    /// A source named `name` (a path or a label used in messages) holding `text`.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        Source {
            name: name.into(),
            text: text.into(),
            line_starts: std::sync::OnceLock::new(),
        }
    }

    /// Is this a crosswalk (links to ESCO and O*NET, `crosswalk.tsv`)
    /// rather than a file of skills?
    pub fn is_crosswalk(&self) -> bool {
        is_crosswalk_name(&self.name)
    }

    /// The files of the default taxonomy, embedded in the binary at build time.
    pub fn embedded() -> Vec<Source> {
        FILES
            .iter()
            .map(|(name, text)| Source::new(format!("<embedded>/{name}"), *text))
            .collect()
    }

    /// Reads a `.toml` file or a crosswalk, or every `*.toml` file and
    /// crosswalk (`crosswalk.tsv`, `*.crosswalk.tsv`) of a directory in
    /// name order.
    pub fn read_path(path: &Path) -> Result<Vec<Source>> {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        let mut paths = Vec::new();
        if meta.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| Error::io(path, e))?;
            for entry in entries {
                let entry = entry.map_err(|e| Error::io(path, e))?;
                let p = entry.path();
                let crosswalk = p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(is_crosswalk_name);
                if p.extension().is_some_and(|x| x == "toml") || crosswalk {
                    paths.push(p);
                }
            }
            paths.sort();
            if !paths
                .iter()
                .any(|p| p.extension().is_some_and(|x| x == "toml"))
            {
                return Err(Error::taxonomy(
                    Location::file(path.display().to_string()),
                    "the directory holds no *.toml taxonomy files",
                ));
            }
        } else {
            paths.push(path.to_path_buf());
        }
        paths
            .into_iter()
            .map(|p| {
                let text = std::fs::read_to_string(&p).map_err(|e| Error::io(&p, e))?;
                Ok(Source::new(p.display().to_string(), text))
            })
            .collect()
    }

    /// Parses the TOML, reporting syntax and shape errors at file:line:column.
    pub(crate) fn parse(&self) -> Result<RawFile> {
        toml::from_str::<RawFile>(&self.text).map_err(|e| {
            let location = match e.span() {
                Some(span) => Location::of_offset(&self.name, &self.text, span.start),
                None => Location::file(&self.name),
            };
            Error::taxonomy(location, e.message().trim().to_string())
        })
    }

    /// The location of a byte span's start in this source.
    pub(crate) fn locate(&self, span: std::ops::Range<usize>) -> Location {
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let offset = span.start.min(self.text.len());
        let line = starts.partition_point(|&s| s <= offset);
        let line_start = starts[line - 1];
        let column = self
            .text
            .get(line_start..offset)
            .map_or(1, |t| t.chars().count() + 1);
        Location::at(&self.name, line, column)
    }
}

/// Is `name` (a path or display name) a crosswalk file: `crosswalk.tsv`,
/// or `NAME.crosswalk.tsv` for a second one beside it?
fn is_crosswalk_name(name: &str) -> bool {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    file == "crosswalk.tsv" || file.ends_with(".crosswalk.tsv")
}

/// A taxonomy file as parsed.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFile {
    /// Default category of the file's skills.
    pub category: Option<String>,
    /// Default for whether the file's skills take typo-tolerant matching.
    pub fuzzy: Option<bool>,
    /// The skills.
    #[serde(default)]
    pub skill: Vec<RawSkill>,
    /// Words that are never typos of a skill form ("requires" is not RequireJS).
    #[serde(default)]
    pub not_typos: Vec<String>,
}

/// One `[[skill]]` table as parsed.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSkill {
    pub id: Spanned<String>,
    pub label: Spanned<String>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    pub category: Option<String>,
    #[serde(default)]
    pub parents: Vec<Spanned<String>>,
    #[serde(default)]
    pub related: Vec<Spanned<String>>,
    #[serde(default)]
    pub exact_case: Vec<Spanned<String>>,
    pub ambiguity: Option<RawAmbiguity>,
    pub fuzzy: Option<bool>,
    /// Identifier in the taxonomy this skill was imported from (ESCO URI, O*NET code).
    pub source_id: Option<String>,
    /// Free attributes kept from an import ("hot-technology", "in-demand", ...).
    #[serde(default)]
    pub tags: Vec<String>,
}

/// A `[skill.ambiguity]` table as parsed.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAmbiguity {
    #[serde(default)]
    pub forms: Vec<Spanned<String>>,
    #[serde(default)]
    pub qualifiers: Vec<String>,
    #[serde(default)]
    pub context: Vec<Spanned<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crosswalk_names() {
        for (name, expected) in [
            ("crosswalk.tsv", true),
            ("taxonomy/crosswalk.tsv", true),
            ("dir\\esco.crosswalk.tsv", true),
            ("crosswalk-decisions.tsv", false),
            ("crosswalk.toml", false),
            ("occupations.tsv", false),
        ] {
            assert_eq!(is_crosswalk_name(name), expected, "{name}");
        }
    }

    #[test]
    fn parse_errors_carry_file_line_and_column() {
        let source = Source::new(
            "bad.toml",
            "[[skill]]\nid = \"x\"\nlabel = \"X\"\nalias = [\"y\"]\n",
        );
        let err = source.parse().map(|_| ()).unwrap_err().to_string();
        assert!(err.starts_with("bad.toml:4:"), "{err}");
        assert!(err.contains("alias"), "{err}");
    }

    #[test]
    fn embedded_default_is_not_empty() {
        assert!(!Source::embedded().is_empty());
    }
}
