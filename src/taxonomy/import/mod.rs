//! Importers: turn a published skill taxonomy (ESCO, O*NET) into taxonomy
//! TOML files of our own format, ready for `--taxonomy DIR` or
//! `--taxonomy-extra DIR`.
//!
//! Each reader ([`esco`], [`onet`]) produces an [`Import`]: skills keyed by
//! their source identifiers, with labels, aliases, parents and related links
//! as the source gives them. [`Import::render`] then does what every import
//! needs, the same way for all sources:
//!
//! - readable, unique kebab-case ids (`esco-java-computer-programming`);
//! - one owner per form: a preferred label beats an alternative label, and
//!   the rest is dropped and counted, so the output is lint-clean;
//! - "Java (computer programming)" also gets the form "Java", because that is
//!   how real text writes it;
//! - parents and related links that resolve, with no cycle;
//! - ambiguity rules derived by rule
//!   ([`ambiguity_reason`](super::ambiguity::ambiguity_reason)): short forms,
//!   everyday words and the import's own generic words need evidence of their
//!   sense before they count.

pub mod esco;
pub mod onet;
pub mod phrasing;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use unicode_normalization::UnicodeNormalization;

use super::ambiguity::{
    form_ambiguity_reason, split_qualifier, words, AmbiguityReason, WordCounts,
    GENERIC_WORD_MIN_FORMS,
};
use crate::normalize::normalize;

/// One input file of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The file.
    pub path: std::path::PathBuf,
    /// Skip it, with a note, when it is not a file the reader knows (it
    /// came from a directory that also holds other data); otherwise that
    /// is an error.
    pub skip_if_unknown: bool,
}

impl SourceFile {
    /// A file given by name: an unknown kind is an error.
    pub fn strict(path: impl Into<std::path::PathBuf>) -> Self {
        SourceFile {
            path: path.into(),
            skip_if_unknown: false,
        }
    }

    /// Files given by name.
    pub fn all_strict(files: &[impl AsRef<std::path::Path>]) -> Vec<SourceFile> {
        files
            .iter()
            .map(|f| SourceFile::strict(f.as_ref()))
            .collect()
    }
}

/// Reads a UTF-8 text file (a leading BOM is dropped); invalid UTF-8 is an
/// error naming the line.
pub(crate) fn read_utf8(path: &std::path::Path) -> crate::error::Result<String> {
    use crate::error::{Error, Location};
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::input(
            Location::of_invalid_utf8(path.display().to_string(), &e),
            "not UTF-8 text: export the file as UTF-8",
        )
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// At most this many qualifier words are kept in a derived ambiguity rule.
pub const MAX_DERIVED_QUALIFIERS: usize = 12;

/// Longest id stem taken from a label, in bytes (ids stay readable).
const MAX_ID_STEM: usize = 60;

/// The tag an import gives a skill that stands for a group of skills
/// (ESCO's skill groups): a group never takes a label from a skill.
pub const SKILL_GROUP_TAG: &str = "skill-group";

/// Words never used as qualifiers of a derived rule: they say nothing of a sense.
const QUALIFIER_STOPWORDS: &[&str] = &[
    "and", "the", "for", "with", "from", "into", "onto", "use", "using", "other", "its", "their",
    "all", "any", "per", "via", "not",
];

/// One skill as a source gives it, before ids and forms are settled.
#[derive(Debug, Clone, Default)]
pub struct ImportedSkill {
    /// The source's key for the skill (URI, code), unique within the import.
    pub key: String,
    /// Preferred label.
    pub label: String,
    /// Alternative labels, as written.
    pub aliases: Vec<String>,
    /// Forms the reader derived from the source's names ("Excel" from
    /// "Microsoft Excel"): claimed after the aliases, counted as derived.
    pub derived: Vec<String>,
    /// Output file stem (without `.toml`).
    pub file: String,
    /// Category.
    pub category: String,
    /// Keys of the broader skills.
    pub parents: Vec<String>,
    /// Keys of related skills.
    pub related: Vec<String>,
    /// Identifier written as `source_id` (ESCO URI, O*NET commodity code).
    pub source_id: String,
    /// Attributes written as `tags`.
    pub tags: Vec<String>,
    /// Set by a reader that knows the skill's one-word forms double as
    /// everyday words (ESCO language names are also nationality adjectives:
    /// "a Danish company"): those forms need one of these qualifier words.
    pub one_word_qualifiers: Option<Vec<String>>,
    /// Words that show the sense of whichever of the skill's forms get an
    /// ambiguity rule, on top of the label's own ("developer" for the
    /// "Java" of "Java (computer programming)"); they mark no form.
    pub extra_qualifiers: Vec<String>,
}

/// What a reader produced: skills and notes on what it left out.
#[derive(Debug, Clone, Default)]
pub struct Import {
    /// Id prefix of every skill ("esco", "onet").
    pub prefix: String,
    /// Comment lines written at the top of every file (source, attribution).
    pub header: Vec<String>,
    /// The skills.
    pub skills: Vec<ImportedSkill>,
    /// Human-readable notes: what was skipped and why.
    pub notes: Vec<String>,
    /// One-line description of each output file, by file stem.
    pub file_titles: BTreeMap<String, String>,
}

/// One output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedFile {
    /// File name (`esco-skills.toml`).
    pub name: String,
    /// TOML text.
    pub text: String,
    /// Skills in the file.
    pub skills: usize,
}

/// Counts of what [`Import::render`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RenderStats {
    /// Skills written.
    pub skills: usize,
    /// Aliases written (labels not counted).
    pub aliases: usize,
    /// Forms dropped because another skill owns them.
    pub conflicting_forms: usize,
    /// Forms dropped because they repeat a form of the same skill.
    pub redundant_forms: usize,
    /// Forms added by dropping a parenthesised qualifier.
    pub derived_forms: usize,
    /// Labels renamed because another skill's label has the same form.
    pub renamed_labels: usize,
    /// Forms given an ambiguity rule, by reason.
    pub ambiguous: BTreeMap<&'static str, usize>,
    /// Parent or related links dropped (unknown target, self link, cycle).
    pub dropped_links: usize,
}

/// The rendered taxonomy.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// Files in name order.
    pub files: Vec<RenderedFile>,
    /// What rendering did.
    pub stats: RenderStats,
    /// The reader's notes.
    pub notes: Vec<String>,
}

/// A kebab-case id stem from a label: lowercase ASCII letters and digits
/// joined by single hyphens ("C#" → "c-sharp", "C++" → "c-plus-plus").
pub fn slug(label: &str) -> String {
    let mut out = String::new();
    let mut pending_hyphen = false;
    let push_word = |out: &mut String, pending: &mut bool, word: &str| {
        if *pending && !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
        *pending = false;
    };
    for c in normalize(label).chars() {
        match c {
            'a'..='z' | '0'..='9' => {
                if pending_hyphen && !out.is_empty() {
                    out.push('-');
                }
                pending_hyphen = false;
                out.push(c);
            }
            '#' => push_word(&mut out, &mut pending_hyphen, "-sharp"),
            '+' => push_word(&mut out, &mut pending_hyphen, "-plus"),
            _ => {
                // Letters outside ASCII: keep their base letter when there is one.
                let base: String = c
                    .to_string()
                    .nfd()
                    .filter(char::is_ascii_alphanumeric)
                    .collect();
                if base.is_empty() {
                    pending_hyphen = true;
                } else {
                    if pending_hyphen && !out.is_empty() {
                        out.push('-');
                    }
                    pending_hyphen = false;
                    out.push_str(&base.to_ascii_lowercase());
                }
            }
        }
    }
    let out = out.replace("--", "-");
    let trimmed = out.trim_matches('-');
    if trimmed.len() <= MAX_ID_STEM {
        return trimmed.to_string();
    }
    // Cut at a hyphen so the stem stays made of whole words.
    let cut = trimmed[..MAX_ID_STEM].rfind('-').unwrap_or(MAX_ID_STEM);
    trimmed[..cut].to_string()
}

/// A TOML basic string for `s`, with quotes and escapes.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn quote_list(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| quote(s)).collect();
    format!("[{}]", inner.join(", "))
}

/// A skill with its settled id and forms.
struct Settled {
    id: String,
    label: String,
    aliases: Vec<String>,
    parents: Vec<usize>,
    related: Vec<usize>,
    ambiguous: Vec<(String, AmbiguityReason)>,
    exact_case: Vec<String>,
}

impl Import {
    /// Settles ids, forms, links and ambiguity rules, and writes the TOML
    /// files (one per [`ImportedSkill::file`]), deterministically: the same
    /// input gives the same bytes.
    pub fn render(&self) -> Rendered {
        let mut stats = RenderStats::default();
        // Stable order: by label, a skill before a group of the same label
        // (ESCO's group "work independently" must not take the plain label
        // from the skill), then key; the first of two claims wins.
        let mut order: Vec<usize> = (0..self.skills.len()).collect();
        let is_group = |s: &ImportedSkill| s.tags.iter().any(|t| t == SKILL_GROUP_TAG);
        order.sort_by(|&a, &b| {
            let (sa, sb) = (&self.skills[a], &self.skills[b]);
            (normalize(&sa.label), is_group(sa), &sa.label, &sa.key).cmp(&(
                normalize(&sb.label),
                is_group(sb),
                &sb.label,
                &sb.key,
            ))
        });
        let index_of: HashMap<&str, usize> = self
            .skills
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key.as_str(), i))
            .collect();

        // Ids.
        let mut ids: Vec<String> = vec![String::new(); self.skills.len()];
        let mut taken: HashSet<String> = HashSet::new();
        for &i in &order {
            let stem = slug(&self.skills[i].label);
            let base = if stem.is_empty() {
                format!("{}-skill", self.prefix)
            } else {
                format!("{}-{stem}", self.prefix)
            };
            let mut id = base.clone();
            let mut n = 2;
            while !taken.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            ids[i] = id;
        }

        // Labels own their forms first; a label whose form is taken gets the
        // label of its first parent (or its category) as a qualifier.
        let mut owner: HashMap<String, usize> = HashMap::new();
        let mut labels: Vec<String> = vec![String::new(); self.skills.len()];
        for &i in &order {
            let skill = &self.skills[i];
            let mut label = skill.label.trim().to_string();
            if owner.contains_key(&normalize(&label)) || normalize(&label).is_empty() {
                // The nearest ancestor whose label differs, else the category.
                let mut hint = skill.category.clone();
                let mut at = i;
                for _ in 0..8 {
                    let Some(&p) = self.skills[at]
                        .parents
                        .iter()
                        .find_map(|k| index_of.get(k.as_str()))
                    else {
                        break;
                    };
                    if normalize(&self.skills[p].label) != normalize(&label) {
                        hint = self.skills[p].label.trim().to_string();
                        break;
                    }
                    at = p;
                }
                let mut candidate = format!("{label} ({hint})");
                let mut n = 2;
                while owner.contains_key(&normalize(&candidate)) {
                    candidate = format!("{label} ({hint} {n})");
                    n += 1;
                }
                label = candidate;
                stats.renamed_labels += 1;
            }
            owner.insert(normalize(&label), i);
            labels[i] = label;
        }
        // Then aliases, and the heads of qualified forms, in the same order.
        let mut aliases: Vec<Vec<String>> = vec![Vec::new(); self.skills.len()];
        let mut owned: Vec<HashSet<String>> = labels
            .iter()
            .map(|l| std::iter::once(normalize(l)).collect())
            .collect();
        for &i in &order {
            let skill = &self.skills[i];
            let written: Vec<(String, bool)> = std::iter::once((labels[i].clone(), false))
                .chain(skill.aliases.iter().map(|a| (a.trim().to_string(), true)))
                .collect();
            let mut candidates: Vec<(String, bool)> = Vec::new();
            for (form, is_alias) in &written {
                if *is_alias {
                    candidates.push((form.clone(), false));
                }
                if let Some((head, _)) = split_qualifier(form) {
                    candidates.push((head.to_string(), true));
                }
            }
            candidates.extend(skill.derived.iter().map(|d| (d.trim().to_string(), true)));
            for (form, derived) in candidates {
                let norm = normalize(&form);
                // Punctuation alone ("(+)") would match stray symbols:
                // lint refuses it, so it is never written.
                if !norm.chars().any(char::is_alphanumeric) {
                    continue;
                }
                if owned[i].contains(&norm) {
                    if !derived {
                        stats.redundant_forms += 1;
                    }
                    continue;
                }
                if owner.contains_key(&norm) {
                    if !derived {
                        stats.conflicting_forms += 1;
                    }
                    continue;
                }
                owner.insert(norm.clone(), i);
                owned[i].insert(norm);
                if derived {
                    stats.derived_forms += 1;
                }
                aliases[i].push(form);
            }
        }

        // Links: resolve, drop self links and duplicates, then break cycles.
        let resolve = |keys: &[String], i: usize, dropped: &mut usize| -> Vec<usize> {
            let mut out: Vec<usize> = Vec::new();
            for k in keys {
                match index_of.get(k.as_str()) {
                    Some(&j) if j != i && !out.contains(&j) => out.push(j),
                    _ => *dropped += 1,
                }
            }
            out
        };
        let mut parents: Vec<Vec<usize>> = Vec::with_capacity(self.skills.len());
        let mut related: Vec<Vec<usize>> = Vec::with_capacity(self.skills.len());
        for (i, skill) in self.skills.iter().enumerate() {
            let p = resolve(&skill.parents, i, &mut stats.dropped_links);
            let mut r = resolve(&skill.related, i, &mut stats.dropped_links);
            r.retain(|j| !p.contains(j));
            parents.push(p);
            related.push(r);
        }
        stats.dropped_links += break_cycles(&mut parents);

        // Ambiguity rules.
        let counts = WordCounts::of(
            labels
                .iter()
                .chain(aliases.iter().flatten())
                .map(String::as_str),
        );
        let mut settled: Vec<Settled> = Vec::with_capacity(self.skills.len());
        for i in 0..self.skills.len() {
            let mut ambiguous = Vec::new();
            let mut exact_case = Vec::new();
            for form in std::iter::once(&labels[i]).chain(aliases[i].iter()) {
                let marked =
                    self.skills[i].one_word_qualifiers.is_some() && !normalize(form).contains(' ');
                let reason = if marked {
                    Some(AmbiguityReason::SourceRule)
                } else {
                    form_ambiguity_reason(form, &labels[i], &counts)
                };
                if let Some(reason) = reason {
                    *stats.ambiguous.entry(reason.name()).or_default() += 1;
                    if reason == AmbiguityReason::AcronymWord {
                        exact_case.push(form.clone());
                    } else {
                        ambiguous.push((form.clone(), reason));
                    }
                }
            }
            settled.push(Settled {
                id: ids[i].clone(),
                label: labels[i].clone(),
                aliases: std::mem::take(&mut aliases[i]),
                parents: std::mem::take(&mut parents[i]),
                related: std::mem::take(&mut related[i]),
                ambiguous,
                exact_case,
            });
        }

        // Files.
        let mut by_file: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for &i in &order {
            by_file
                .entry(self.skills[i].file.as_str())
                .or_default()
                .push(i);
        }
        let mut files = Vec::new();
        for (file, mut members) in by_file {
            members.sort_by(|&a, &b| settled[a].id.cmp(&settled[b].id));
            let category = self.skills[members[0]].category.clone();
            let mut text = String::new();
            if let Some(title) = self.file_titles.get(file) {
                let _ = writeln!(text, "# {title}");
            }
            for line in &self.header {
                let _ = writeln!(text, "# {line}");
            }
            let _ = writeln!(text, "# Written by `skillmatch taxonomy import`; edit the source data and re-import rather than this file.");
            let _ = writeln!(text, "category = {}", quote(&category));
            let _ = writeln!(text, "fuzzy = false");
            for &i in &members {
                let s = &settled[i];
                let raw = &self.skills[i];
                stats.skills += 1;
                stats.aliases += s.aliases.len();
                text.push('\n');
                let _ = writeln!(text, "[[skill]]");
                let _ = writeln!(text, "id = {}", quote(&s.id));
                let _ = writeln!(text, "label = {}", quote(&s.label));
                if !s.aliases.is_empty() {
                    let _ = writeln!(text, "aliases = {}", quote_list(&s.aliases));
                }
                if raw.category != category {
                    let _ = writeln!(text, "category = {}", quote(&raw.category));
                }
                let ids_of = |list: &[usize]| -> Vec<String> {
                    list.iter().map(|&j| settled[j].id.clone()).collect()
                };
                if !s.parents.is_empty() {
                    let _ = writeln!(text, "parents = {}", quote_list(&ids_of(&s.parents)));
                }
                if !s.related.is_empty() {
                    let _ = writeln!(text, "related = {}", quote_list(&ids_of(&s.related)));
                }
                if !raw.source_id.is_empty() {
                    let _ = writeln!(text, "source_id = {}", quote(&raw.source_id));
                }
                if !raw.tags.is_empty() {
                    let _ = writeln!(text, "tags = {}", quote_list(&raw.tags));
                }
                if !s.exact_case.is_empty() {
                    let _ = writeln!(
                        text,
                        "exact_case = {}   # derived: acronym-word",
                        quote_list(&s.exact_case)
                    );
                }
                if !s.ambiguous.is_empty() {
                    let forms: Vec<String> = s.ambiguous.iter().map(|(f, _)| f.clone()).collect();
                    let ambiguous_norms: HashSet<String> =
                        forms.iter().map(|f| normalize(f)).collect();
                    let mut qualifiers: Vec<String> =
                        raw.one_word_qualifiers.clone().unwrap_or_default();
                    qualifiers.extend(raw.extra_qualifiers.iter().cloned());
                    // The label's own words, and the words the source
                    // writes next to the form in other forms ("R
                    // programming"), unless the import uses them everywhere
                    // ("management", "systems").
                    let beside: Vec<String> = std::iter::once(normalize(&s.label))
                        .chain(
                            s.aliases
                                .iter()
                                .map(|a| normalize(a))
                                .filter(|a| words(a).any(|w| ambiguous_norms.contains(w))),
                        )
                        .collect();
                    for norm in &beside {
                        for word in words(norm) {
                            let useful = word.chars().count() >= 3
                                && !QUALIFIER_STOPWORDS.contains(&word)
                                && !ambiguous_norms.contains(word)
                                && counts.get(word) <= GENERIC_WORD_MIN_FORMS
                                && !qualifiers.iter().any(|q| q == word);
                            if useful
                                && qualifiers.len()
                                    < MAX_DERIVED_QUALIFIERS
                                        + raw.one_word_qualifiers.as_ref().map_or(0, Vec::len)
                                        + raw.extra_qualifiers.len()
                            {
                                qualifiers.push(word.to_string());
                            }
                        }
                    }
                    let context: Vec<String> = ids_of(&s.parents)
                        .into_iter()
                        .chain(ids_of(&s.related))
                        .collect();
                    // One reason per form, in the order of `forms`: lint
                    // --ambiguous reads them back.
                    let _ = writeln!(
                        text,
                        "[skill.ambiguity]   # derived: {}",
                        s.ambiguous
                            .iter()
                            .map(|(_, r)| r.name())
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                    let _ = writeln!(text, "forms = {}", quote_list(&forms));
                    if !qualifiers.is_empty() {
                        let _ = writeln!(text, "qualifiers = {}", quote_list(&qualifiers));
                    }
                    if !context.is_empty() {
                        let _ = writeln!(text, "context = {}", quote_list(&context));
                    }
                }
            }
            files.push(RenderedFile {
                name: format!("{file}.toml"),
                text,
                skills: members.len(),
            });
        }
        Rendered {
            files,
            stats,
            notes: self.notes.clone(),
        }
    }
}

/// Removes the parent links that close a cycle (depth-first, in index
/// order, so the result is deterministic); returns how many were removed.
fn break_cycles(parents: &mut [Vec<usize>]) -> usize {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let n = parents.len();
    let mut mark = vec![Mark::New; n];
    let mut removed = 0;
    for root in 0..n {
        if mark[root] != Mark::New {
            continue;
        }
        // Iterative DFS: (node, next parent position).
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        mark[root] = Mark::Open;
        while let Some(&mut (node, ref mut pos)) = stack.last_mut() {
            if *pos < parents[node].len() {
                let p = parents[node][*pos];
                match mark[p] {
                    Mark::Open => {
                        parents[node].remove(*pos);
                        removed += 1;
                    }
                    Mark::Done => *pos += 1,
                    Mark::New => {
                        *pos += 1;
                        mark[p] = Mark::Open;
                        stack.push((p, 0));
                    }
                }
            } else {
                mark[node] = Mark::Done;
                stack.pop();
            }
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skill(key: &str, label: &str, aliases: &[&str], parents: &[&str]) -> ImportedSkill {
        ImportedSkill {
            key: key.into(),
            label: label.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            derived: Vec::new(),
            file: "test".into(),
            category: "test".into(),
            parents: parents.iter().map(|s| s.to_string()).collect(),
            related: Vec::new(),
            source_id: format!("src:{key}"),
            tags: Vec::new(),
            one_word_qualifiers: None,
            extra_qualifiers: Vec::new(),
        }
    }

    #[test]
    fn slugs_are_kebab_case() {
        let table = [
            ("Java (computer programming)", "java-computer-programming"),
            ("C#", "c-sharp"),
            ("C++", "c-plus-plus"),
            ("  manage   musical staff ", "manage-musical-staff"),
            ("Résumé writing", "resume-writing"),
            ("?", ""),
        ];
        for (label, want) in table {
            assert_eq!(slug(label), want, "{label}");
        }
        let long = slug(&"word ".repeat(40));
        assert!(long.len() <= MAX_ID_STEM && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn render_settles_ids_forms_and_rules() {
        let import = Import {
            prefix: "t".into(),
            skills: vec![
                skill("1", "Java (computer programming)", &["J2EE"], &["3"]),
                skill("2", "JavaScript", &["Java"], &["3"]),
                skill("3", "computer programming", &["programming"], &[]),
                skill("4", "R", &["R programming"], &["3", "99"]),
                skill("5", "computer programming", &[], &["3"]),
            ],
            ..Import::default()
        };
        let rendered = import.render();
        assert_eq!(rendered.files.len(), 1);
        let text = &rendered.files[0].text;
        // Claims go in label order: "Java (computer programming)" sorts
        // before "JavaScript", so its head "Java" is taken before
        // JavaScript's alias "Java" (which is dropped as a conflict).
        let taxonomy = {
            let mut b = crate::taxonomy::TaxonomyBuilder::new();
            b.add_source(crate::taxonomy::Source::new("t.toml", text.clone()));
            b.build().expect(text)
        };
        assert_eq!(taxonomy.len(), 5);
        let java = taxonomy.get("t-java-computer-programming").expect(text);
        let forms: Vec<&str> = taxonomy.skill(java).forms().collect();
        assert!(forms.contains(&"Java"), "{forms:?}");
        // The second "computer programming" is renamed, not dropped.
        assert_eq!(rendered.stats.renamed_labels, 1, "{text}");
        assert!(text.contains("\"computer programming (test)\""), "{text}");
        // "R" needs evidence; unknown parent "99" is dropped.
        let r = taxonomy.get("t-r").expect(text);
        assert!(taxonomy.skill(r).is_ambiguous_form("r"), "{text}");
        assert_eq!(rendered.stats.dropped_links, 1);
        assert!(
            crate::taxonomy::lint(&[crate::taxonomy::Source::new("t.toml", text.clone())])
                .is_empty()
        );
        // Deterministic.
        assert_eq!(import.render().files, rendered.files);
    }

    #[test]
    fn cycles_are_broken() {
        let mut parents = vec![vec![1], vec![2], vec![0], vec![0]];
        assert_eq!(break_cycles(&mut parents), 1);
        // No cycle remains: every chain ends.
        for start in 0..parents.len() {
            let mut node = start;
            for _ in 0..=parents.len() {
                match parents[node].first() {
                    Some(&p) => node = p,
                    None => break,
                }
            }
            assert!(parents[node].is_empty(), "{parents:?}");
        }
    }
}
