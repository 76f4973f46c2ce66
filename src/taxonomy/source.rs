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
}

impl Source {
    /// The files of the default taxonomy, embedded in the binary at build time.
    pub fn embedded() -> Vec<Source> {
        FILES
            .iter()
            .map(|(name, text)| Source {
                name: format!("<embedded>/{name}"),
                text: (*text).to_string(),
            })
            .collect()
    }

    /// Reads a `.toml` file, or every `*.toml` file of a directory in name order.
    pub fn read_path(path: &Path) -> Result<Vec<Source>> {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        let mut paths = Vec::new();
        if meta.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| Error::io(path, e))?;
            for entry in entries {
                let entry = entry.map_err(|e| Error::io(path, e))?;
                let p = entry.path();
                if p.extension().is_some_and(|x| x == "toml") {
                    paths.push(p);
                }
            }
            paths.sort();
            if paths.is_empty() {
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
                Ok(Source {
                    name: p.display().to_string(),
                    text,
                })
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
        Location::of_offset(&self.name, &self.text, span.start)
    }
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
    fn parse_errors_carry_file_line_and_column() {
        let source = Source {
            name: "bad.toml".into(),
            text: "[[skill]]\nid = \"x\"\nlabel = \"X\"\nalias = [\"y\"]\n".into(),
        };
        let err = source.parse().map(|_| ()).unwrap_err().to_string();
        assert!(err.starts_with("bad.toml:4:"), "{err}");
        assert!(err.contains("alias"), "{err}");
    }

    #[test]
    fn embedded_default_is_not_empty() {
        assert!(!Source::embedded().is_empty());
    }
}
