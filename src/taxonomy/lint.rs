//! Lint rules for taxonomy files.
//!
//! Lint is not an error path: it reads every source, keeps going past
//! problems, and returns findings, each with a code, a `file:line:column`
//! location and a message saying what to change. A taxonomy with no
//! findings also builds.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::ambiguity::{form_ambiguity_reason, WordCounts, COMMON_WORDS, SHORT_FORM_MAX_CHARS};
use super::source::{RawFile, Source};
use crate::error::{Error, Location};
use crate::normalize::normalize;

/// The kinds of lint finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LintCode {
    /// The file is not valid taxonomy TOML.
    ParseError,
    /// Two skills share an id.
    DuplicateId,
    /// An id is not kebab-case.
    BadId,
    /// A label is empty.
    EmptyLabel,
    /// An alias is empty after normalization, or has no letter or digit.
    EmptyAlias,
    /// The same form is claimed by two skills.
    AliasConflict,
    /// A form repeats the label or another alias of the same skill.
    RedundantAlias,
    /// A parent id does not exist.
    UnknownParent,
    /// A related id does not exist.
    UnknownRelated,
    /// An ambiguity context id does not exist.
    UnknownContext,
    /// A skill is its own parent or relative.
    SelfReference,
    /// The parents form a cycle.
    Cycle,
    /// A short or common-word form has no ambiguity rule and no exact case.
    AmbiguousWithoutRule,
    /// An ambiguity form or exact-case form is not among the skill's forms.
    UnknownAmbiguityForm,
    /// A crosswalk line is malformed (fields, scheme, code or relation).
    BadLink,
    /// A crosswalk row names a skill no file defines.
    UnknownLinkSkill,
}

impl LintCode {
    /// Stable short code, as printed ("L001").
    pub fn code(self) -> &'static str {
        match self {
            LintCode::ParseError => "L000",
            LintCode::DuplicateId => "L001",
            LintCode::AliasConflict => "L002",
            LintCode::UnknownParent => "L003",
            LintCode::UnknownRelated => "L004",
            LintCode::Cycle => "L005",
            LintCode::EmptyLabel => "L006",
            LintCode::AmbiguousWithoutRule => "L007",
            LintCode::BadId => "L008",
            LintCode::UnknownAmbiguityForm => "L009",
            LintCode::RedundantAlias => "L010",
            LintCode::SelfReference => "L011",
            LintCode::UnknownContext => "L012",
            LintCode::EmptyAlias => "L013",
            LintCode::BadLink => "L014",
            LintCode::UnknownLinkSkill => "L015",
        }
    }

    /// Readable name ("duplicate-id").
    pub fn name(self) -> &'static str {
        match self {
            LintCode::ParseError => "parse-error",
            LintCode::DuplicateId => "duplicate-id",
            LintCode::AliasConflict => "alias-conflict",
            LintCode::UnknownParent => "unknown-parent",
            LintCode::UnknownRelated => "unknown-related",
            LintCode::Cycle => "cycle",
            LintCode::EmptyLabel => "empty-label",
            LintCode::AmbiguousWithoutRule => "ambiguous-without-rule",
            LintCode::BadId => "bad-id",
            LintCode::UnknownAmbiguityForm => "unknown-ambiguity-form",
            LintCode::RedundantAlias => "redundant-alias",
            LintCode::SelfReference => "self-reference",
            LintCode::UnknownContext => "unknown-context",
            LintCode::EmptyAlias => "empty-alias",
            LintCode::BadLink => "bad-link",
            LintCode::UnknownLinkSkill => "unknown-link-skill",
        }
    }
}

/// One lint finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What kind of problem.
    pub code: LintCode,
    /// Where it is.
    pub location: Location,
    /// What is wrong and what to do.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} {}: {}",
            self.location,
            self.code.code(),
            self.code.name(),
            self.message
        )
    }
}

/// Words in [`COMMON_WORDS`] that, as names, are unambiguous enough in
/// postings and résumés to count without evidence.
const UNAMBIGUOUS_IN_PRACTICE: &[&str] = &["angular", "scrum", "gradle", "serverless"];

/// Lints `sources` as one taxonomy.
pub fn lint(sources: &[Source]) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut parsed: Vec<(&Source, RawFile)> = Vec::new();
    let mut links = Vec::new();
    for source in sources {
        if source.is_crosswalk() {
            match super::crosswalk::parse(source) {
                Ok(rows) => links.extend(rows),
                Err(Error::Taxonomy { location, message }) => {
                    findings.push(finding(LintCode::BadLink, location, message));
                }
                Err(other) => findings.push(finding(
                    LintCode::BadLink,
                    Location::file(&source.name),
                    other.to_string(),
                )),
            }
            continue;
        }
        match source.parse() {
            Ok(file) => parsed.push((source, file)),
            Err(Error::Taxonomy { location, message }) => findings.push(Finding {
                code: LintCode::ParseError,
                location,
                message,
            }),
            Err(other) => findings.push(Finding {
                code: LintCode::ParseError,
                location: Location::file(&source.name),
                message: other.to_string(),
            }),
        }
    }

    let mut ids: HashMap<String, Location> = HashMap::new();
    for (source, file) in &parsed {
        for raw in &file.skill {
            let id = raw.id.get_ref().trim();
            let at = source.locate(raw.id.span());
            if !is_kebab_case(id) {
                findings.push(finding(
                    LintCode::BadId,
                    at.clone(),
                    format!("id {id:?} is not kebab-case ([a-z0-9]+ joined by single hyphens)"),
                ));
            }
            if let Some(first) = ids.get(id) {
                findings.push(finding(
                    LintCode::DuplicateId,
                    at,
                    format!("id {id:?} is already defined at {first}"),
                ));
            } else {
                ids.insert(id.to_string(), at);
            }
        }
    }

    for row in &links {
        if !ids.contains_key(&row.skill) {
            findings.push(finding(
                LintCode::UnknownLinkSkill,
                row.location.clone(),
                format!(
                    "the crosswalk links unknown skill {:?}: define it or fix the id",
                    row.skill
                ),
            ));
        }
    }

    let common: HashSet<&str> = COMMON_WORDS
        .iter()
        .filter(|w| !UNAMBIGUOUS_IN_PRACTICE.contains(w))
        .copied()
        .collect();
    let mut owners: HashMap<String, (String, Location)> = HashMap::new();
    let mut parents_of: HashMap<String, Vec<String>> = HashMap::new();
    for (source, file) in &parsed {
        for raw in &file.skill {
            let id = raw.id.get_ref().trim().to_string();
            if raw.label.get_ref().trim().is_empty() {
                findings.push(finding(
                    LintCode::EmptyLabel,
                    source.locate(raw.label.span()),
                    format!("skill {id:?} has an empty label: give it its display name"),
                ));
            }
            let ambiguous: HashSet<String> = raw
                .ambiguity
                .iter()
                .flat_map(|a| a.forms.iter().map(|f| normalize(f.get_ref())))
                .collect();
            let exact: HashSet<String> = raw
                .exact_case
                .iter()
                .map(|f| normalize(f.get_ref()))
                .collect();
            let mut own_forms: HashSet<String> = HashSet::new();
            for (i, form) in std::iter::once(&raw.label)
                .chain(raw.aliases.iter())
                .enumerate()
            {
                let norm = normalize(form.get_ref());
                let at = source.locate(form.span());
                if norm.is_empty() {
                    if i > 0 {
                        findings.push(finding(
                            LintCode::EmptyAlias,
                            at,
                            format!("skill {id:?} has an empty alias: remove it"),
                        ));
                    }
                    continue;
                }
                // "(" or "+" would match every stray symbol in a text and
                // become a requirement of its own.
                if i > 0 && !norm.chars().any(char::is_alphanumeric) {
                    findings.push(finding(
                        LintCode::EmptyAlias,
                        at,
                        format!(
                            "alias {:?} of {id:?} has no letter or digit, so it would match \
                             stray symbols in any text: remove it",
                            form.get_ref()
                        ),
                    ));
                    continue;
                }
                if !own_forms.insert(norm.clone()) {
                    findings.push(finding(
                        LintCode::RedundantAlias,
                        at,
                        format!(
                            "alias {:?} of {id:?} repeats its label or another alias once normalized: remove it",
                            form.get_ref()
                        ),
                    ));
                    continue;
                }
                match owners.get(&norm) {
                    Some((owner, first)) if *owner != id => findings.push(finding(
                        LintCode::AliasConflict,
                        at.clone(),
                        format!(
                            "form {:?} of {id:?} is also claimed by {owner:?} at {first}: one skill must own it",
                            form.get_ref()
                        ),
                    )),
                    Some(_) => {}
                    None => {
                        owners.insert(norm.clone(), (id.clone(), at.clone()));
                    }
                }
                let short = norm.chars().count() <= SHORT_FORM_MAX_CHARS
                    && norm.chars().all(char::is_alphabetic);
                if (short || common.contains(norm.as_str()))
                    && !ambiguous.contains(&norm)
                    && !exact.contains(&norm)
                {
                    findings.push(finding(
                        LintCode::AmbiguousWithoutRule,
                        at,
                        format!(
                            "form {:?} of {id:?} is {}: list it in [skill.ambiguity] forms (with qualifiers or context) or in exact_case",
                            form.get_ref(),
                            if short { "very short" } else { "a common English word" }
                        ),
                    ));
                }
            }
            for form in raw
                .ambiguity
                .iter()
                .flat_map(|a| a.forms.iter())
                .chain(raw.exact_case.iter())
            {
                if !own_forms.contains(&normalize(form.get_ref())) {
                    findings.push(finding(
                        LintCode::UnknownAmbiguityForm,
                        source.locate(form.span()),
                        format!(
                            "{:?} is not the label or an alias of {id:?}: add it as an alias or remove it",
                            form.get_ref()
                        ),
                    ));
                }
            }
            let refs = [
                (LintCode::UnknownParent, "parent", &raw.parents),
                (LintCode::UnknownRelated, "related skill", &raw.related),
            ];
            for (code, what, list) in refs {
                for r in list {
                    let target = r.get_ref().trim();
                    if target == id {
                        findings.push(finding(
                            LintCode::SelfReference,
                            source.locate(r.span()),
                            format!("skill {id:?} names itself as its own {what}: remove it"),
                        ));
                    } else if !ids.contains_key(target) {
                        findings.push(finding(
                            code,
                            source.locate(r.span()),
                            format!("skill {id:?} names unknown {what} {target:?}: define it or fix the id"),
                        ));
                    }
                }
            }
            for c in raw.ambiguity.iter().flat_map(|a| a.context.iter()) {
                if !ids.contains_key(c.get_ref().trim()) {
                    findings.push(finding(
                        LintCode::UnknownContext,
                        source.locate(c.span()),
                        format!(
                            "ambiguity context of {id:?} names unknown skill {:?}",
                            c.get_ref()
                        ),
                    ));
                }
            }
            parents_of.entry(id).or_default().extend(
                raw.parents
                    .iter()
                    .map(|p| p.get_ref().trim().to_string())
                    .filter(|p| ids.contains_key(p)),
            );
        }
    }

    findings.extend(cycles(&parents_of, &ids));
    findings.sort_by(|a, b| {
        (&a.location.file, a.location.line, a.location.column, a.code).cmp(&(
            &b.location.file,
            b.location.line,
            b.location.column,
            b.code,
        ))
    });
    findings
}

/// A form that counts only with evidence of its sense, as lint lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmbiguousForm {
    /// Where the form is declared (its entry in `forms` or `exact_case`).
    pub location: Location,
    /// The skill's id.
    pub skill: String,
    /// The form as written.
    pub form: String,
    /// `exact-case` or `ambiguity` (qualifiers or context needed).
    pub rule: &'static str,
    /// Why the form needs a rule: the reason an import wrote next to the
    /// rule (`# derived: ...`), else the importers' derivation
    /// ([`form_ambiguity_reason`](super::ambiguity::form_ambiguity_reason));
    /// `None` when only a person's judgement put it there.
    pub reason: Option<String>,
    /// Number of qualifier words and of context skills of the rule.
    pub evidence: (usize, usize),
}

/// Every form of `sources` that needs evidence of its sense (ambiguity
/// forms and exact-case forms), in file order, with the reason the import
/// rules give for it.
pub fn ambiguous_forms(sources: &[Source]) -> Vec<AmbiguousForm> {
    let parsed: Vec<(&Source, RawFile)> = sources
        .iter()
        .filter(|s| !s.is_crosswalk())
        .filter_map(|s| s.parse().ok().map(|f| (s, f)))
        .collect();
    let counts = WordCounts::of(
        parsed
            .iter()
            .flat_map(|(_, f)| f.skill.iter())
            .flat_map(|raw| std::iter::once(&raw.label).chain(raw.aliases.iter()))
            .map(|f| f.get_ref().as_str()),
    );
    let mut out = Vec::new();
    for (source, file) in &parsed {
        for raw in &file.skill {
            let id = raw.id.get_ref().trim();
            let rules = raw
                .ambiguity
                .iter()
                .flat_map(|a| {
                    a.forms.iter().enumerate().map(move |(k, f)| {
                        (f, k, "ambiguity", (a.qualifiers.len(), a.context.len()))
                    })
                })
                .chain(
                    raw.exact_case
                        .iter()
                        .enumerate()
                        .map(|(k, f)| (f, k, "exact-case", (0, 0))),
                );
            for (form, k, rule, evidence) in rules {
                let declared = declared_reasons(source, form.span().start);
                let reason = declared
                    .get(k)
                    .or(if declared.len() == 1 {
                        declared.first()
                    } else {
                        None
                    })
                    .cloned()
                    .or_else(|| {
                        form_ambiguity_reason(form.get_ref(), raw.label.get_ref(), &counts)
                            .map(|r| r.name().to_string())
                    });
                out.push(AmbiguousForm {
                    location: source.locate(form.span()),
                    skill: id.to_string(),
                    form: form.get_ref().clone(),
                    rule,
                    reason,
                    evidence,
                });
            }
        }
    }
    out
}

/// The reasons an import wrote as `# derived: a, b` on the line of the byte
/// `at`, or on the line before it (the `[skill.ambiguity]` header above
/// `forms`), one per form in order.
fn declared_reasons(source: &Source, at: usize) -> Vec<String> {
    const MARK: &str = "# derived: ";
    let text = &source.text;
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let previous_start = text[..start.saturating_sub(1)]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let lines = [&text[start..end], &text[previous_start..start]];
    lines
        .iter()
        .find_map(|line| line.find(MARK).map(|i| &line[i + MARK.len()..]))
        .map(|list| {
            list.split(',')
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

fn finding(code: LintCode, location: Location, message: String) -> Finding {
    Finding {
        code,
        location,
        message,
    }
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// One finding per cycle found, reported where the skill that closes it is defined.
fn cycles(
    parents_of: &HashMap<String, Vec<String>>,
    ids: &HashMap<String, Location>,
) -> Vec<Finding> {
    let mut names: Vec<&String> = parents_of.keys().collect();
    names.sort();
    let mut state: HashMap<&str, u8> = HashMap::new(); // 1 active, 2 done
    let mut findings = Vec::new();
    for start in names {
        if state.contains_key(start.as_str()) {
            continue;
        }
        let mut stack: Vec<(&str, usize)> = vec![(start.as_str(), 0)];
        state.insert(start, 1);
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            let parents = parents_of.get(node).map(Vec::as_slice).unwrap_or(&[]);
            if let Some(parent) = parents.get(*next) {
                *next += 1;
                match state.get(parent.as_str()) {
                    None => {
                        state.insert(parent, 1);
                        stack.push((parent, 0));
                    }
                    Some(1) => {
                        let from = stack.iter().position(|&(s, _)| s == parent).unwrap_or(0);
                        let mut path: Vec<&str> = stack[from..].iter().map(|&(s, _)| s).collect();
                        path.push(parent);
                        findings.push(finding(
                            LintCode::Cycle,
                            ids.get(parent.as_str()).cloned().unwrap_or_default(),
                            format!("parents form a cycle: {}", path.join(" -> ")),
                        ));
                    }
                    Some(_) => {}
                }
                continue;
            }
            state.insert(node, 2);
            stack.pop();
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    const BROKEN: &str = include_str!("../../tests/data/broken-taxonomy.toml");

    #[test]
    fn lint_finds_each_seeded_error_at_its_line() {
        let findings = lint(&[Source::new("broken.toml", BROKEN)]);
        // Each seeded error is marked in the fixture by a comment "# expect: CODE"
        // on the line the finding must point at.
        let mut expected: Vec<(usize, String)> = BROKEN
            .lines()
            .enumerate()
            .filter_map(|(i, line)| {
                line.split("# expect: ")
                    .nth(1)
                    .map(|code| (i + 1, code.trim().to_string()))
            })
            .collect();
        expected.sort();
        let mut found: Vec<(usize, String)> = findings
            .iter()
            .map(|f| (f.location.line.unwrap_or(0), f.code.name().to_string()))
            .collect();
        found.sort();
        assert_eq!(found, expected, "{findings:#?}");
    }

    #[test]
    fn lint_reports_parse_errors_as_findings() {
        let findings = lint(&[Source::new("x.toml", "[[skill]\n")]);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].code, LintCode::ParseError);
        assert_eq!(findings[0].location.line, Some(1));
    }

    #[test]
    fn crosswalk_rows_must_parse_and_name_known_skills() {
        let skills = Source::new(
            "t.toml",
            "category = \"x\"\n[[skill]]\nid = \"java\"\nlabel = \"Java\"\n",
        );
        let uri = "http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389";
        let good = format!(
            "{}\njava\tesco\t{uri}\texact\njavaa\tonet\t43232401\tbroader\n",
            super::super::crosswalk::CROSSWALK_HEADER
        );
        let findings = lint(&[skills.clone(), Source::new("crosswalk.tsv", good)]);
        let shown: Vec<String> = findings.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            ["crosswalk.tsv:3:1: L015 unknown-link-skill: the crosswalk links unknown skill \"javaa\": define it or fix the id"]
        );
        let bad = format!(
            "{}\njava\tesco\t{uri}\tsame\n",
            super::super::crosswalk::CROSSWALK_HEADER
        );
        let findings = lint(&[skills, Source::new("crosswalk.tsv", bad)]);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].code, LintCode::BadLink);
        assert_eq!(findings[0].location.line, Some(2));
    }

    #[test]
    fn default_taxonomy_is_lint_clean() {
        let findings = lint(&Source::embedded());
        let shown: Vec<String> = findings.iter().take(30).map(ToString::to_string).collect();
        assert!(
            findings.is_empty(),
            "{} findings:\n{}",
            findings.len(),
            shown.join("\n")
        );
    }

    #[test]
    fn kebab_case_table() {
        let cases = [
            ("postgresql", true),
            ("a-b-testing", true),
            ("c99", true),
            ("Java", false),
            ("a--b", false),
            ("-a", false),
            ("a_b", false),
            ("", false),
        ];
        for (id, expected) in cases {
            assert_eq!(is_kebab_case(id), expected, "{id}");
        }
    }
}
