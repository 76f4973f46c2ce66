//! The `taxonomy` reports: `stats` (counts), `lookup` (what a phrase
//! canonicalizes to) and `lint` (findings, and with `--ambiguous` every form
//! that needs evidence of its sense). Each is text for a reader or JSON
//! ([`super::json`]) for a script.

use std::fmt::Write as _;

use crate::extract::{LookupKind, LookupMatch};
use crate::taxonomy::{AmbiguousForm, Finding, Scheme, SkillId, Taxonomy};

use super::json::{
    lookup_kind_name, AmbiguousEntry, Coverage, FindingEntry, LintDocument, LookupDocument,
    LookupEntry, StatsDocument,
};
use super::render::{unsupported, Format, RenderError, Report};

/// The formats of every taxonomy report.
const FORMATS: &[Format] = &[Format::Text, Format::Json];

/// Width of the id column of a lookup answer in text.
const LOOKUP_ID_WIDTH: usize = 28;
/// Width of the label column of a lookup answer in text.
const LOOKUP_LABEL_WIDTH: usize = 32;
/// Width of the matched-text column of a lookup answer in text.
const LOOKUP_TEXT_WIDTH: usize = 22;
/// Parents, children or related skills a text lookup names before it
/// counts the rest.
const LOOKUP_RELATIONS_SHOWN: usize = 8;

/// What a taxonomy holds: skills, aliases, categories, depth, and the
/// skills of each category.
#[derive(Debug, Clone, Copy)]
pub struct StatsReport<'a> {
    /// The taxonomy counted.
    pub taxonomy: &'a Taxonomy,
}

impl StatsReport<'_> {
    /// The counts of the JSON document, which the text shows too.
    fn document(&self) -> StatsDocument {
        StatsDocument {
            skills: self.taxonomy.len(),
            aliases: self.taxonomy.alias_count(),
            categories: self.taxonomy.categories().len(),
            max_depth: self.taxonomy.max_depth(),
            esco: coverage(self.taxonomy, Scheme::Esco),
            onet: coverage(self.taxonomy, Scheme::Onet),
            folded: self.taxonomy.folded_count(),
        }
    }

    /// The counts, a blank line, then each category's skills, categories
    /// in name order.
    fn text(&self) -> String {
        let doc = self.document();
        let mut out = String::new();
        let _ = writeln!(out, "skills      {}", doc.skills);
        let _ = writeln!(out, "aliases     {}", doc.aliases);
        let _ = writeln!(out, "categories  {}", doc.categories);
        let _ = writeln!(out, "max depth   {}", doc.max_depth);
        let share = |n: usize| 100.0 * n as f64 / doc.skills.max(1) as f64;
        for (name, c) in [("esco", doc.esco), ("onet", doc.onet)] {
            let _ = writeln!(
                out,
                "{name:<11} {} linked ({:.1} %), {} exactly ({:.1} %)",
                c.any,
                share(c.any),
                c.exact,
                share(c.exact)
            );
        }
        if doc.folded > 0 {
            let _ = writeln!(
                out,
                "folded      {} imported skills into the skills linking their concept",
                doc.folded
            );
        }
        let _ = writeln!(out);
        for category in self.taxonomy.categories() {
            let n = self
                .taxonomy
                .skills()
                .iter()
                .filter(|s| s.category == category)
                .count();
            let _ = writeln!(out, "  {n:>5}  {category}");
        }
        out
    }
}

impl Report for StatsReport<'_> {
    fn formats(&self) -> &'static [Format] {
        FORMATS
    }

    fn bytes(&self, format: Format) -> Result<Vec<u8>, RenderError> {
        match format {
            Format::Text => Ok(self.text().into_bytes()),
            Format::Json => super::json::to_bytes(&self.document()),
            other => Err(unsupported(self, other)),
        }
    }
}

/// How many skills of `taxonomy` link to `scheme`.
fn coverage(taxonomy: &Taxonomy, scheme: Scheme) -> Coverage {
    let (any, exact) = taxonomy.linked_count(scheme);
    Coverage { any, exact }
}

/// The answers of a lookup: the skills a phrase names or mentions, else the
/// nearest forms.
#[derive(Debug, Clone)]
pub struct LookupReport<'a> {
    /// The taxonomy the skills are ids of.
    pub taxonomy: &'a Taxonomy,
    /// The phrase looked up, as given.
    pub phrase: &'a str,
    /// The skills it names or mentions.
    pub matches: Vec<&'a LookupMatch>,
    /// The nearest forms, when nothing matched.
    pub nearest: Vec<&'a LookupMatch>,
}

impl<'a> LookupReport<'a> {
    /// The report of the answers `results` of looking up `phrase`.
    pub fn new(taxonomy: &'a Taxonomy, phrase: &'a str, results: &'a [LookupMatch]) -> Self {
        let (matches, nearest) = results.iter().partition(|m| m.kind != LookupKind::Nearest);
        LookupReport {
            taxonomy,
            phrase,
            matches,
            nearest,
        }
    }

    /// Whether some skill matched (nearest forms do not count).
    pub fn found(&self) -> bool {
        !self.matches.is_empty()
    }

    /// One line per answer: id, label, the text matched, and how.
    fn text(&self) -> String {
        let mut out = String::new();
        if self.matches.is_empty() {
            let _ = writeln!(out, "no skill matches {:?}", self.phrase);
            if !self.nearest.is_empty() {
                let _ = writeln!(out, "nearest:");
            }
        }
        for m in self.matches.iter().chain(self.nearest.iter()) {
            let skill = self.taxonomy.skill(m.skill);
            let how = match m.kind {
                LookupKind::Fuzzy | LookupKind::Nearest => {
                    format!("{} (distance {})", lookup_kind_name(m.kind), m.distance)
                }
                LookupKind::Ambiguous => {
                    "ambiguous (counts in text only with evidence of its sense)".to_string()
                }
                k => lookup_kind_name(k).to_string(),
            };
            let _ = writeln!(
                out,
                "{:<LOOKUP_ID_WIDTH$} {:<LOOKUP_LABEL_WIDTH$} {:<LOOKUP_TEXT_WIDTH$} {how}",
                skill.id, skill.label, m.text
            );
            if m.kind != LookupKind::Nearest {
                let children = self.taxonomy.children(m.skill);
                for (name, ids) in [
                    ("parents", skill.parents.as_slice()),
                    ("children", children.as_slice()),
                    ("related", skill.related.as_slice()),
                ] {
                    if !ids.is_empty() {
                        let _ = writeln!(out, "    {:<10}{}", format!("{name}:"), self.labels(ids));
                    }
                }
                // "esco: exact http://…": one line per standard concept.
                for link in &skill.links {
                    let _ = writeln!(
                        out,
                        "    {:<10}{} {}",
                        format!("{}:", link.scheme.name()),
                        link.relation.name(),
                        link.code
                    );
                }
            }
        }
        out
    }

    /// The labels of `ids`, comma-separated; past [`LOOKUP_RELATIONS_SHOWN`]
    /// the rest is counted ("and 12 more": `--format json` lists them all).
    fn labels(&self, ids: &[SkillId]) -> String {
        let mut shown: Vec<&str> = ids
            .iter()
            .take(LOOKUP_RELATIONS_SHOWN)
            .map(|&id| self.taxonomy.skill(id).label.as_str())
            .collect();
        let more = ids.len().saturating_sub(LOOKUP_RELATIONS_SHOWN);
        let more = format!("and {more} more");
        if ids.len() > LOOKUP_RELATIONS_SHOWN {
            shown.push(&more);
        }
        shown.join(", ")
    }
}

impl Report for LookupReport<'_> {
    fn formats(&self) -> &'static [Format] {
        FORMATS
    }

    fn bytes(&self, format: Format) -> Result<Vec<u8>, RenderError> {
        match format {
            Format::Text => Ok(self.text().into_bytes()),
            Format::Json => super::json::to_bytes(&LookupDocument {
                matches: lookup_entries(self.taxonomy, &self.matches),
                nearest: lookup_entries(self.taxonomy, &self.nearest),
            }),
            other => Err(unsupported(self, other)),
        }
    }
}

/// The JSON entries of lookup answers `list`.
fn lookup_entries<'a>(taxonomy: &'a Taxonomy, list: &[&'a LookupMatch]) -> Vec<LookupEntry<'a>> {
    list.iter().map(|m| LookupEntry::new(taxonomy, m)).collect()
}

/// The findings of lint, and with `--ambiguous` the forms that need
/// evidence of their sense.
#[derive(Debug, Clone, Copy)]
pub struct LintReport<'a> {
    /// The findings, in file order.
    pub findings: &'a [Finding],
    /// The forms that need evidence, when they were asked for.
    pub ambiguous: Option<&'a [AmbiguousForm]>,
    /// How many taxonomy files were checked.
    pub files: usize,
}

impl LintReport<'_> {
    /// One line per finding (`file:line:column: CODE name: message`), then
    /// one per ambiguous form, then the count: "0 findings in 22 files".
    fn text(&self) -> String {
        let mut out = String::new();
        for f in self.findings {
            let _ = writeln!(out, "{f}");
        }
        for a in self.ambiguous.unwrap_or_default() {
            let _ = writeln!(
                out,
                "{}: ambiguous form {:?} of {:?}: {} ({} qualifiers, {} context skills); rule: {}",
                a.location,
                a.form,
                a.skill,
                a.rule,
                a.evidence.0,
                a.evidence.1,
                a.reason.as_deref().unwrap_or("judgement")
            );
        }
        if let Some(listed) = self.ambiguous {
            let _ = writeln!(
                out,
                "{} form{} need evidence of their sense",
                listed.len(),
                super::plural(listed.len())
            );
        }
        let _ = writeln!(
            out,
            "{} finding{} in {} file{}",
            self.findings.len(),
            super::plural(self.findings.len()),
            self.files,
            super::plural(self.files)
        );
        out
    }
}

impl Report for LintReport<'_> {
    fn formats(&self) -> &'static [Format] {
        FORMATS
    }

    fn bytes(&self, format: Format) -> Result<Vec<u8>, RenderError> {
        match format {
            Format::Text => Ok(self.text().into_bytes()),
            Format::Json => super::json::to_bytes(&LintDocument {
                findings: self.findings.iter().map(FindingEntry::new).collect(),
                ambiguous: self
                    .ambiguous
                    .map(|list| list.iter().map(AmbiguousEntry::new).collect()),
            }),
            other => Err(unsupported(self, other)),
        }
    }
}
