//! ESCO (European Skills, Competences, Qualifications and Occupations)
//! import.
//!
//! Reads any mix of:
//! - the official CSV exports: skills files and skill collections
//!   (`conceptUri`, `preferredLabel`, `altLabels`, `skillType`, ...),
//!   `skillGroups_en.csv`, `skillsHierarchy_en.csv`,
//!   `broaderRelationsSkillPillar_en.csv` (parents) and
//!   `skillSkillRelations_en.csv` (related);
//! - the long label table (`id,description,hierarchy_levels,type`, one label
//!   per row) and its `{code: name}` JSON map of group names.
//!
//! Each file is recognised by its header (or `.json` extension), so the
//! order of the files does not matter. Skills are keyed by URI; the long
//! table's UUIDs become URIs. Groups (S1.2, K0613, ...) become skills too,
//! so "Python (computer programming)" is a kind of "computer programming",
//! which is a kind of "programming computer systems". Parents come from the
//! broader relations when given, else from the collection's broader
//! concepts, else from the long table's hierarchy codes.
//!
//! Output files by ESCO pillar: `esco-skills.toml`, `esco-knowledge.toml`,
//! `esco-transversal.toml` and `esco-languages.toml` (the last two in the
//! `soft-skills` category, as in the default taxonomy).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use super::phrasing::{skills_form, verb_phrase_forms};
use super::{read_utf8, Import, ImportedSkill, SourceFile, SKILL_GROUP_TAG};
use crate::error::{Error, Location, Result};
use crate::taxonomy::ambiguity::split_qualifier;
use crate::taxonomy::SOFT_SKILLS_CATEGORY;

/// Prefix of skill URIs; the long table gives only the UUID after it.
pub const SKILL_URI_PREFIX: &str = "http://data.europa.eu/esco/skill/";

/// Attribution the ESCO reuse terms ask for, written at the top of each file.
pub const ATTRIBUTION: &str = "This taxonomy uses the ESCO classification of the European Commission (modified: converted, with derived forms and ambiguity rules).";

/// What kind of ESCO file a header shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EscoFile {
    /// Skills or a skill collection (one skill per row).
    Skills,
    /// Skill groups with their codes.
    Groups,
    /// The skills hierarchy (group paths by level).
    Hierarchy,
    /// Broader (parent) relations.
    Broader,
    /// Skill-to-skill relations.
    Related,
    /// The long label table (one label per row).
    Labels,
    /// The `{code: name}` group-name map (JSON).
    GroupNames,
}

impl EscoFile {
    /// Recognises a CSV file by its header fields.
    pub fn of_header(header: &[&str]) -> Option<EscoFile> {
        let has = |name: &str| header.contains(&name);
        if has("hierarchy_levels") && has("type") && has("id") {
            Some(EscoFile::Labels)
        } else if has("broaderUri") && has("conceptUri") {
            Some(EscoFile::Broader)
        } else if has("originalSkillUri") && has("relatedSkillUri") {
            Some(EscoFile::Related)
        } else if has("Level 0 URI") {
            Some(EscoFile::Hierarchy)
        } else if has("conceptUri") && has("preferredLabel") && has("skillType") {
            Some(EscoFile::Skills)
        } else if has("conceptUri") && has("preferredLabel") && has("code") {
            Some(EscoFile::Groups)
        } else {
            None
        }
    }
}

#[derive(Debug, Default)]
struct EscoSkill {
    label: Option<String>,
    aliases: BTreeSet<String>,
    skill_type: Option<String>,
    reuse_level: Option<String>,
    collections: BTreeSet<String>,
    /// Hierarchy codes of the long table, deepest last, one list per path.
    paths: Vec<Vec<String>>,
    /// Broader concept URIs from a collection file.
    broader_in_collection: Vec<String>,
}

#[derive(Debug, Default)]
struct Reader {
    skills: BTreeMap<String, EscoSkill>,
    /// Group URI → code.
    group_codes: HashMap<String, String>,
    /// Group code → name.
    group_names: BTreeMap<String, String>,
    /// Group code → URI (when an official file gave it).
    group_uris: HashMap<String, String>,
    /// (child URI, parent URI), from the broader relations file.
    broader: Vec<(String, String)>,
    saw_broader_file: bool,
    /// (skill URI, related skill URI, relation type).
    related: Vec<(String, String, String)>,
    notes: Vec<String>,
}

/// Words that show a language name means the language: "fluent Danish",
/// "Danish (written and spoken)", "German language skills".
const LANGUAGE_QUALIFIERS: &[&str] = &[
    "fluent",
    "fluently",
    "fluency",
    "native",
    "speaker",
    "speaking",
    "speak",
    "spoken",
    "written",
    "language",
    "languages",
    "proficient",
    "proficiency",
    "bilingual",
    "mother",
    "tongue",
    "level",
    "skills",
    "command",
];

/// Words that show the head of "X (computer programming)" means the
/// programming language: "fluent in Java", "Java developer", "experience
/// with Java", "Java 17 code".
const PROGRAMMING_QUALIFIERS: &[&str] = &[
    "programming",
    "programmer",
    "programmers",
    "developer",
    "developers",
    "development",
    "software",
    "code",
    "coding",
    "language",
    "languages",
    "fluent",
    "proficient",
    "proficiency",
    "experience",
    "knowledge",
    "engineer",
    "engineers",
    "backend",
    "frontend",
];

/// Level-0 group names (the long table's map has only levels 1 to 3).
const PILLARS: &[(&str, &str)] = &[
    ("S", "skills"),
    ("K", "knowledge"),
    ("T", "transversal skills and competences"),
    ("L", "language skills and knowledge"),
    ("A", "attitudes and values"),
];

/// A group code in one spelling: knowledge (ISCED-F) codes get a `K`
/// prefix, as in the long table ("0613" → "K0613").
pub fn normalize_code(code: &str) -> String {
    let code = code.trim();
    if code.starts_with(|c: char| c.is_ascii_digit()) {
        format!("K{code}")
    } else {
        code.to_string()
    }
}

/// The parent code of a group code: "S1.2.3" → "S1.2", "K0613" → "K061",
/// "S1" → "S", "S" → none.
pub fn parent_code(code: &str) -> Option<String> {
    let first = code.chars().next()?;
    if code.len() == first.len_utf8() {
        return None;
    }
    if let Some(rest) = code.strip_prefix('K') {
        if rest.chars().all(|c| c.is_ascii_digit()) {
            // ISCED-F: 2-digit broad fields sit right under the pillar.
            return Some(if rest.len() <= 2 {
                "K".to_string()
            } else {
                format!("K{}", &rest[..rest.len() - 1])
            });
        }
    }
    match code.rfind('.') {
        Some(i) => Some(code[..i].to_string()),
        None => Some(first.to_string()),
    }
}

fn group_key(code: &str) -> String {
    format!("group:{code}")
}

/// Parses the long table's `hierarchy_levels`, a Python literal such as
/// `[['S', 'S4', 'S4.5', 'S4.5.0'], ['T', 'T4', 'T4.4', None]]`, into the
/// code paths (`None` left out).
pub fn parse_levels(text: &str) -> std::result::Result<Vec<Vec<String>>, String> {
    let mut paths = Vec::new();
    let mut current: Option<Vec<String>> = None;
    let mut depth = 0usize;
    let mut chars = text.trim().chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '[' => {
                depth += 1;
                if depth == 2 {
                    current = Some(Vec::new());
                } else if depth > 2 {
                    return Err("lists nested deeper than two levels".into());
                }
            }
            ']' => {
                if depth == 2 {
                    paths.extend(current.take());
                }
                depth = depth
                    .checked_sub(1)
                    .ok_or_else(|| "unbalanced ']'".to_string())?;
            }
            '\'' | '"' => {
                let mut item = String::new();
                loop {
                    match chars.next() {
                        Some(q) if q == c => break,
                        Some(ch) => item.push(ch),
                        None => return Err("unterminated string".into()),
                    }
                }
                match current.as_mut() {
                    Some(path) => path.push(item),
                    None => return Err("a code outside a path list".into()),
                }
            }
            'N' => {
                let rest: String = chars.by_ref().take(3).collect();
                if rest != "one" {
                    return Err(format!("unexpected text N{rest}"));
                }
            }
            ',' | ' ' => {}
            other => return Err(format!("unexpected character {other:?}")),
        }
    }
    if depth != 0 {
        return Err("unbalanced '['".into());
    }
    Ok(paths)
}

fn split_labels<'a>(field: &'a str, separator: &'a str) -> impl Iterator<Item = String> + 'a {
    field
        .split(separator)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// CSV records with their 1-based line numbers.
type Rows = Vec<(usize, csv::StringRecord)>;

/// Rows of a CSV text with their 1-based line numbers, headers first.
fn csv_rows(name: &str, text: &str) -> Result<(Vec<String>, Rows)> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| Error::input(Location::at(name, 1, 1), format!("not a CSV file: {e}")))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            Error::input(
                Location::at(name, line.max(1), 1),
                format!("bad CSV record: {e}"),
            )
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.len() > headers.len() {
            return Err(Error::input(
                Location::at(name, line.max(1), 1),
                format!(
                    "{} fields, the header has {}: a stray comma or quote?",
                    record.len(),
                    headers.len()
                ),
            ));
        }
        rows.push((line, record));
    }
    Ok((headers, rows))
}

/// Column positions by name; a missing required column is an error naming
/// the file.
struct Columns<'h> {
    name: &'h str,
    headers: &'h [String],
}

impl Columns<'_> {
    fn require(&self, column: &str) -> Result<usize> {
        self.headers
            .iter()
            .position(|h| h == column)
            .ok_or_else(|| {
                Error::input(
                    Location::at(self.name, 1, 1),
                    format!(
                        "no {column:?} column (the header has: {})",
                        self.headers.join(", ")
                    ),
                )
            })
    }

    fn optional(&self, column: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == column)
    }
}

fn field(record: &csv::StringRecord, at: usize) -> &str {
    record.get(at).unwrap_or("").trim()
}

/// Collection tag from a file name: `digitalSkillsCollection_en.csv` → "digital".
fn collection_tag(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_string_lossy();
    let i = stem.find("SkillsCollection")?;
    let tag = stem[..i].to_ascii_lowercase();
    (!tag.is_empty()).then_some(tag)
}

impl Reader {
    fn skill(&mut self, uri: &str) -> &mut EscoSkill {
        self.skills.entry(uri.to_string()).or_default()
    }

    fn add_file(&mut self, file: &SourceFile) -> Result<()> {
        let path = file.path.as_path();
        let name = path.display().to_string();
        let text = read_utf8(path)?;
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            return self.add_group_names(&name, &text);
        }
        let (headers, rows) = csv_rows(&name, &text)?;
        let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
        let cols = Columns {
            name: &name,
            headers: &headers,
        };
        // Occupation and ISCO group files also have conceptUri,
        // preferredLabel and code: skill groups say so in conceptType.
        let kind = EscoFile::of_header(&header_refs).filter(|k| {
            *k != EscoFile::Groups
                || cols
                    .optional("conceptType")
                    .is_none_or(|c| rows.iter().all(|(_, r)| field(r, c) == "SkillGroup"))
        });
        let Some(kind) = kind else {
            if file.skip_if_unknown {
                self.notes.push(format!(
                    "{name}: not an ESCO skills file this importer knows: skipped"
                ));
                return Ok(());
            }
            return Err(Error::input(
                Location::at(&name, 1, 1),
                format!(
                    "not an ESCO file this importer knows (header: {}); expected skills or collection CSVs (conceptUri, preferredLabel, altLabels, skillType), skillGroups, skillsHierarchy, broaderRelationsSkillPillar, skillSkillRelations, the long label table (id, description, hierarchy_levels, type) or its JSON group-name map",
                    headers.join(", ")
                ),
            ));
        };
        // Only the hierarchy file leaves trailing empty fields out.
        if kind != EscoFile::Hierarchy {
            if let Some((line, row)) = rows.iter().find(|(_, r)| r.len() != headers.len()) {
                return Err(Error::input(
                    Location::at(&name, (*line).max(1), 1),
                    format!(
                        "{} fields, the header has {}: an unterminated quote or a stray comma?",
                        row.len(),
                        headers.len()
                    ),
                ));
            }
        }
        match kind {
            EscoFile::Skills => {
                let uri = cols.require("conceptUri")?;
                let label = cols.require("preferredLabel")?;
                let alt = cols.optional("altLabels");
                let skill_type = cols.optional("skillType");
                let reuse = cols.optional("reuseLevel");
                let broader = cols.optional("broaderConceptUri");
                let tag = collection_tag(path);
                for (line, row) in &rows {
                    let u = field(row, uri);
                    if !u.starts_with(SKILL_URI_PREFIX) {
                        return Err(Error::input(
                            Location::at(&name, *line, 1),
                            format!(
                                "conceptUri {u:?} is not an ESCO skill URI ({SKILL_URI_PREFIX}...)"
                            ),
                        ));
                    }
                    let l = checked_label(&name, *line, field(row, label))?;
                    let skill = self.skill(u);
                    skill.label = Some(l);
                    if let Some(a) = alt {
                        // Official files separate labels by " | ", or by newlines.
                        let sep = if field(row, a).contains(" | ") {
                            " | "
                        } else {
                            "\n"
                        };
                        skill.aliases.extend(split_labels(field(row, a), sep));
                    }
                    if let Some(t) = skill_type.map(|c| field(row, c)).filter(|t| !t.is_empty()) {
                        skill.skill_type = Some(t.to_string());
                    }
                    if let Some(r) = reuse.map(|c| field(row, c)).filter(|r| !r.is_empty()) {
                        skill.reuse_level = Some(r.to_string());
                    }
                    if let Some(b) = broader {
                        // A skill in several collections: the union, sorted.
                        skill
                            .broader_in_collection
                            .extend(split_labels(field(row, b), " | "));
                        skill.broader_in_collection.sort();
                        skill.broader_in_collection.dedup();
                    }
                    if let Some(tag) = &tag {
                        skill.collections.insert(tag.clone());
                    }
                }
            }
            EscoFile::Groups => {
                let uri = cols.require("conceptUri")?;
                let label = cols.require("preferredLabel")?;
                let code = cols.require("code")?;
                for (_, row) in &rows {
                    let c = normalize_code(field(row, code));
                    if c.is_empty() {
                        continue;
                    }
                    self.group_codes
                        .insert(field(row, uri).to_string(), c.clone());
                    self.group_uris
                        .insert(c.clone(), field(row, uri).to_string());
                    self.group_names.insert(c, field(row, label).to_string());
                }
            }
            EscoFile::Hierarchy => {
                for level in 0..4 {
                    let uri = cols.require(&format!("Level {level} URI"))?;
                    let term = cols.require(&format!("Level {level} preferred term"))?;
                    let code = cols.require(&format!("Level {level} code"))?;
                    for (_, row) in &rows {
                        let c = normalize_code(field(row, code));
                        let u = field(row, uri);
                        if c.is_empty() || u.is_empty() {
                            continue;
                        }
                        self.group_codes.insert(u.to_string(), c.clone());
                        self.group_uris.insert(c.clone(), u.to_string());
                        self.group_names
                            .entry(c)
                            .or_insert_with(|| field(row, term).to_string());
                    }
                }
            }
            EscoFile::Broader => {
                self.saw_broader_file = true;
                let child = cols.require("conceptUri")?;
                let parent = cols.require("broaderUri")?;
                for (_, row) in &rows {
                    self.broader.push((
                        field(row, child).to_string(),
                        field(row, parent).to_string(),
                    ));
                }
            }
            EscoFile::Related => {
                let from = cols.require("originalSkillUri")?;
                let to = cols.require("relatedSkillUri")?;
                let kind = cols.optional("relationType");
                for (_, row) in &rows {
                    self.related.push((
                        field(row, from).to_string(),
                        field(row, to).to_string(),
                        kind.map_or("", |k| field(row, k)).to_string(),
                    ));
                }
            }
            EscoFile::Labels => {
                let id = cols.require("id")?;
                let label = cols.require("description")?;
                let levels = cols.require("hierarchy_levels")?;
                let kind = cols.require("type")?;
                for (line, row) in &rows {
                    let (i, l, k) = (field(row, id), field(row, label), field(row, kind));
                    match k {
                        "preferredLabel" | "altLabels" => {
                            let paths = parse_levels(field(row, levels)).map_err(|e| {
                                Error::input(
                                    Location::at(&name, *line, 1),
                                    format!("hierarchy_levels of {i:?}: {e}"),
                                )
                            })?;
                            let uri = format!("{SKILL_URI_PREFIX}{i}");
                            let preferred = if k == "preferredLabel" {
                                Some(checked_label(&name, *line, l)?)
                            } else {
                                None
                            };
                            let skill = self.skill(&uri);
                            if let Some(p) = preferred {
                                // An official file's label wins over the older table's.
                                if skill.label.is_none() {
                                    skill.label = Some(p);
                                }
                            } else if !l.is_empty() && !l.contains('\n') {
                                skill.aliases.insert(l.to_string());
                            }
                            if skill.paths.is_empty() {
                                skill.paths = paths;
                            }
                        }
                        "level_1" | "level_2" | "level_3" => {
                            self.group_names
                                .entry(normalize_code(i))
                                .or_insert_with(|| l.to_string());
                        }
                        other => {
                            return Err(Error::input(
                                Location::at(&name, *line, 1),
                                format!("unknown label type {other:?} (expected preferredLabel, altLabels, level_1, level_2 or level_3)"),
                            ))
                        }
                    }
                }
            }
            EscoFile::GroupNames => unreachable!("JSON is handled above"),
        }
        Ok(())
    }

    fn add_group_names(&mut self, name: &str, text: &str) -> Result<()> {
        let map: BTreeMap<String, String> = serde_json::from_str(text).map_err(|e| {
            Error::input(
                Location::at(name, e.line(), e.column()),
                format!("expected the JSON group-name map {{\"S1\": \"...\"}}: {e}"),
            )
        })?;
        for (code, label) in map {
            self.group_names
                .entry(normalize_code(&code))
                .or_insert(label);
        }
        Ok(())
    }

    fn into_import(mut self) -> Import {
        let mut import = Import {
            prefix: "esco".into(),
            header: vec![ATTRIBUTION.to_string()],
            ..Import::default()
        };
        for (stem, title) in [
            (
                "esco-skills",
                "ESCO skills and competences (pillar S), imported",
            ),
            (
                "esco-knowledge",
                "ESCO knowledge (pillar K, ISCED-F fields), imported",
            ),
            (
                "esco-transversal",
                "ESCO transversal skills, attitudes and values (pillars T and A), imported",
            ),
            (
                "esco-languages",
                "ESCO language skills and knowledge (pillar L), imported",
            ),
        ] {
            import.file_titles.insert(stem.into(), title.into());
        }
        for (code, label) in PILLARS {
            self.group_names
                .entry(code.to_string())
                .or_insert_with(|| label.to_string());
        }

        // Parents of skills: broader relations, else the collection's
        // broader concepts, else the long table's codes.
        let mut parents: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let to_key = |uri: &str, codes: &HashMap<String, String>| -> String {
            match codes.get(uri) {
                Some(code) => group_key(code),
                None => uri.to_string(),
            }
        };
        for (child, parent) in &self.broader {
            let child_key = to_key(child, &self.group_codes);
            parents
                .entry(child_key)
                .or_default()
                .push(to_key(parent, &self.group_codes));
        }
        let mut unlabelled = 0usize;
        let mut skills = std::mem::take(&mut self.skills);
        for (uri, skill) in &mut skills {
            if skill.label.is_none() {
                unlabelled += 1;
                continue;
            }
            if parents.get(uri).is_some_and(|p| !p.is_empty()) {
                continue;
            }
            let from_collection: Vec<String> = skill
                .broader_in_collection
                .iter()
                .map(|u| to_key(u, &self.group_codes))
                .collect();
            let list = if !from_collection.is_empty() {
                from_collection
            } else {
                skill
                    .paths
                    .iter()
                    .filter_map(|p| self.deepest_named(p))
                    .map(|c| group_key(&c))
                    .collect()
            };
            parents.insert(uri.clone(), list);
        }
        if unlabelled > 0 {
            import.notes.push(format!(
                "{unlabelled} skill URI{} appear only in relation files, without a label: left out (add the skills file or the long label table)",
                if unlabelled == 1 { "" } else { "s" }
            ));
        }

        // Groups in use, with their ancestors by code.
        let mut used_groups: BTreeSet<String> = BTreeSet::new();
        for list in parents.values() {
            for key in list {
                if let Some(code) = key.strip_prefix("group:") {
                    let mut code = Some(code.to_string());
                    while let Some(c) = code {
                        if !used_groups.insert(c.clone()) {
                            break;
                        }
                        code = parent_code(&c);
                    }
                }
            }
        }
        let mut group_parent: HashMap<String, Vec<String>> = HashMap::new();
        for code in &used_groups {
            let from_relations = parents.get(&group_key(code)).cloned().unwrap_or_default();
            let list = if from_relations.is_empty() {
                parent_code(code)
                    .map(|p| vec![group_key(&p)])
                    .unwrap_or_default()
            } else {
                from_relations
            };
            group_parent.insert(code.clone(), list);
        }

        let pillar_of_code = |code: &str| code.chars().next().unwrap_or('S');
        let file_of = |pillar: char| -> (&'static str, &'static str) {
            match pillar {
                'K' => ("esco-knowledge", "esco-knowledge"),
                'T' | 'A' => ("esco-transversal", SOFT_SKILLS_CATEGORY),
                'L' => ("esco-languages", SOFT_SKILLS_CATEGORY),
                _ => ("esco-skills", "esco-skills"),
            }
        };
        for code in &used_groups {
            let name = self
                .group_names
                .get(code)
                .cloned()
                .unwrap_or_else(|| code.clone());
            let (file, category) = file_of(pillar_of_code(code));
            let source_id = self
                .group_uris
                .get(code)
                .cloned()
                .unwrap_or_else(|| format!("esco-code:{code}"));
            import.skills.push(ImportedSkill {
                key: group_key(code),
                label: name,
                aliases: Vec::new(),
                derived: Vec::new(),
                file: file.into(),
                category: category.into(),
                parents: group_parent.remove(code).unwrap_or_default(),
                related: Vec::new(),
                source_id,
                tags: vec![SKILL_GROUP_TAG.into(), format!("code-{code}")],
                one_word_qualifiers: None,
                extra_qualifiers: Vec::new(),
            });
        }

        let mut related: HashMap<&str, Vec<String>> = HashMap::new();
        for (from, to, _) in &self.related {
            related.entry(from.as_str()).or_default().push(to.clone());
        }
        // The pillar of a skill: its first code path, else the nearest
        // group above it, else its skill type.
        let pillar_of_skill = |uri: &str, skill: &EscoSkill| -> char {
            // Language skills are in the language pillar whatever else they are in.
            let firsts: Vec<char> = skill
                .paths
                .iter()
                .filter_map(|p| p.first())
                .map(|c| pillar_of_code(c))
                .collect();
            if firsts.contains(&'L') || skill.collections.contains("language") {
                return 'L';
            }
            if let Some(&first) = firsts.first() {
                return first;
            }
            let mut frontier: Vec<String> = parents.get(uri).cloned().unwrap_or_default();
            let mut seen = BTreeSet::new();
            while let Some(key) = frontier.pop() {
                if let Some(code) = key.strip_prefix("group:") {
                    return pillar_of_code(code);
                }
                if seen.insert(key.clone()) {
                    frontier.extend(parents.get(&key).cloned().unwrap_or_default());
                }
            }
            match skill.skill_type.as_deref() {
                Some("knowledge") => 'K',
                _ => 'S',
            }
        };
        for (uri, skill) in &skills {
            let Some(label) = &skill.label else { continue };
            let (file, category) = file_of(pillar_of_skill(uri, skill));
            let mut tags: Vec<String> = Vec::new();
            if let Some(t) = &skill.skill_type {
                tags.push(t.replace('/', "-"));
            }
            if let Some(r) = &skill.reuse_level {
                tags.push(r.clone());
            }
            tags.extend(skill.collections.iter().map(|c| format!("collection-{c}")));
            // "Danish", "German": language names are also nationality words.
            // "Java (computer programming)": the head counts next to the
            // words postings write around a programming language ("fluent
            // in Java", "Java developer"), not only the label's own.
            let programming = split_qualifier(label)
                .is_some_and(|(_, qualifier)| qualifier.contains("programming"));
            let one_word_qualifiers = (file == "esco-languages" && !label.trim().contains(' '))
                .then(|| LANGUAGE_QUALIFIERS.iter().map(|q| q.to_string()).collect());
            let extra_qualifiers = if programming {
                PROGRAMMING_QUALIFIERS
                    .iter()
                    .map(|q| q.to_string())
                    .collect()
            } else {
                Vec::new()
            };
            // "manage time" → "time management", "communication" →
            // "communication skills": the forms postings write.
            let mut derived = match skill.skill_type.as_deref() {
                Some("knowledge") => Vec::new(),
                _ => verb_phrase_forms(label),
            };
            derived.extend(skills_form(label));
            import.skills.push(ImportedSkill {
                key: uri.clone(),
                label: label.clone(),
                aliases: skill
                    .aliases
                    .iter()
                    .filter(|a| *a != label)
                    .cloned()
                    .collect(),
                derived,
                file: file.into(),
                category: category.into(),
                parents: parents.get(uri).cloned().unwrap_or_default(),
                related: related.remove(uri.as_str()).unwrap_or_default(),
                source_id: uri.clone(),
                tags,
                one_word_qualifiers,
                extra_qualifiers,
            });
        }
        if !self.saw_broader_file {
            import.notes.push(
                "no broaderRelationsSkillPillar file: parents come from the collections' broader concepts and the long table's hierarchy codes".into(),
            );
        }
        import.notes.append(&mut self.notes);
        import
    }

    /// The deepest code of a path that has a name ("S4.5.0" has none in the
    /// map: then "S4.5").
    fn deepest_named(&self, path: &[String]) -> Option<String> {
        path.iter()
            .rev()
            .map(|c| normalize_code(c))
            .find(|c| self.group_names.contains_key(c) || c.len() == 1)
    }
}

/// Reads ESCO `files` (any mix of the kinds in [`EscoFile`]) into an
/// [`Import`]; a file of another kind is an error.
pub fn import(files: &[impl AsRef<Path>]) -> Result<Import> {
    import_files(&SourceFile::all_strict(files))
}

/// Reads ESCO files; those marked [`SourceFile::skip_if_unknown`] are
/// skipped with a note when they are of another kind. Files are read in
/// path order, whatever the order given, so the result does not depend on
/// it.
pub fn import_files(files: &[SourceFile]) -> Result<Import> {
    let mut sorted: Vec<&SourceFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    sorted.dedup_by(|a, b| a.path == b.path);
    let mut reader = Reader::default();
    for f in sorted {
        reader.add_file(f)?;
    }
    if reader.skills.values().all(|s| s.label.is_none()) {
        return Err(Error::input(
            Location::file(format!("the {} ESCO file(s) given", files.len())),
            "no skill with a label in them: give a skills or collection CSV, or the long label table",
        ));
    }
    Ok(reader.into_import())
}

/// A label as read: not empty once normalized, and on one line.
fn checked_label(name: &str, line: usize, label: &str) -> Result<String> {
    if crate::normalize::normalize(label).is_empty() {
        return Err(Error::input(
            Location::at(name, line.max(1), 1),
            "empty label: every skill needs its preferred label",
        ));
    }
    if label.contains('\n') {
        return Err(Error::input(
            Location::at(name, line.max(1), 1),
            "a label spanning lines: an unterminated quote?",
        ));
    }
    Ok(label.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_parse_python_literals() {
        assert_eq!(
            parse_levels("[['S', 'S4', 'S4.5', 'S4.5.0'], ['T', 'T4', 'T4.4', None]]").unwrap(),
            vec![vec!["S", "S4", "S4.5", "S4.5.0"], vec!["T", "T4", "T4.4"]]
        );
        assert_eq!(parse_levels("").unwrap(), Vec::<Vec<String>>::new());
        for bad in ["[['S'", "[[['S']]]", "[['S', Nope]]", "['S']"] {
            assert!(parse_levels(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn codes_normalize_and_climb() {
        let table = [
            ("0613", "K0613", Some("K061")),
            ("K06", "K06", Some("K")),
            ("S1.2.3", "S1.2.3", Some("S1.2")),
            ("S1", "S1", Some("S")),
            ("T", "T", None),
            ("É1", "É1", Some("É")),
            ("É", "É", None),
        ];
        for (code, norm, parent) in table {
            assert_eq!(normalize_code(code), norm);
            assert_eq!(parent_code(norm).as_deref(), parent, "{code}");
        }
    }

    #[test]
    fn headers_are_recognised() {
        let table: [(&[&str], Option<EscoFile>); 5] = [
            (
                &["id", "description", "hierarchy_levels", "type"],
                Some(EscoFile::Labels),
            ),
            (
                &["conceptType", "conceptUri", "broaderType", "broaderUri"],
                Some(EscoFile::Broader),
            ),
            (
                &[
                    "conceptType",
                    "conceptUri",
                    "preferredLabel",
                    "skillType",
                    "altLabels",
                ],
                Some(EscoFile::Skills),
            ),
            (
                &["conceptUri", "preferredLabel", "code"],
                Some(EscoFile::Groups),
            ),
            (&["name", "text"], None),
        ];
        for (header, want) in table {
            assert_eq!(EscoFile::of_header(header), want, "{header:?}");
        }
    }
}
