//! The skill taxonomy: skills with labels and aliases, an is-a hierarchy
//! (a DAG through `parents`), `related` links, and the ambiguity rules that
//! say which forms need evidence of their sense before they count.
//!
//! Invariants of a built [`Taxonomy`]: ids are unique; every parent,
//! related and context id resolves; the hierarchy has no cycle; each skill's
//! ancestor set is precomputed and sorted, so [`Taxonomy::is_a`] is a binary
//! search.

pub mod ambiguity;
pub mod import;
mod lint;
mod source;

pub use lint::{ambiguous_forms, lint, AmbiguousForm, Finding, LintCode};
pub use source::Source;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;

use crate::error::{Error, Location, Result};
use crate::normalize::normalize;
use source::RawFile;

/// The category of soft skills (communication, teamwork, …). Scoring weighs
/// a requirement that names only soft skills less and never suggests one
/// (résumés seldom state them; recruiters judge them in person), and the
/// ESCO import files transversal and language skills under it.
pub const SOFT_SKILLS_CATEGORY: &str = "soft-skills";

/// The category of degrees and fields of study. A posting's skills in it
/// make an education requirement, and scoring never credits a field as the
/// more general skill of another (a Computer Science degree is not
/// experience in Artificial Intelligence).
pub const EDUCATION_CATEGORY: &str = "education";

/// A skill's index in its taxonomy: cheap to copy, compare and store.
/// Serialized as the bare index, which means something only with the same
/// taxonomy (see [`Taxonomy::fingerprint`]).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct SkillId(pub u32);

impl SkillId {
    /// The index as `usize`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// When a form of a skill counts only with evidence of its sense.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AmbiguityRule {
    /// The normalized forms (label or aliases) that need evidence.
    pub forms: Vec<String>,
    /// Normalized words that, within [`QUALIFIER_WINDOW`](crate::extract::QUALIFIER_WINDOW)
    /// words of the form, show its sense ("language" in "the R language").
    pub qualifiers: Vec<String>,
    /// Skills whose mention on the same line shows the sense.
    pub context: Vec<SkillId>,
}

/// One skill of the taxonomy.
#[derive(Debug, Clone)]
pub struct Skill {
    /// Stable, readable, kebab-case id ("postgresql").
    pub id: String,
    /// Display name ("PostgreSQL").
    pub label: String,
    /// Other surface forms, as written in the file.
    pub aliases: Vec<String>,
    /// Category (the file's, unless the skill overrides it): a name such as
    /// [`SOFT_SKILLS_CATEGORY`] or [`EDUCATION_CATEGORY`], which scoring
    /// treats apart.
    pub category: String,
    /// Direct parents (is-a).
    pub parents: Vec<SkillId>,
    /// Similar skills that earn partial credit.
    pub related: Vec<SkillId>,
    /// Forms that need evidence of their sense.
    pub ambiguity: Option<AmbiguityRule>,
    /// Forms that count only with exactly this casing in the text ("AI").
    pub exact_case: Vec<String>,
    /// Whether long single-word forms of this skill are matched with a typo.
    pub fuzzy: bool,
    /// Identifier in an imported taxonomy (ESCO URI, O*NET code), if any.
    pub source_id: Option<String>,
    /// Attributes kept from an import.
    pub tags: Vec<String>,
    /// Where the skill is defined.
    pub origin: Location,
}

impl Skill {
    /// The label followed by the aliases: every surface form as written.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.label.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// Does the normalized `form` need evidence of its sense?
    pub fn is_ambiguous_form(&self, form: &str) -> bool {
        self.ambiguity
            .as_ref()
            .is_some_and(|rule| rule.forms.iter().any(|f| f == form))
    }
}

/// A loaded, validated taxonomy.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    skills: Vec<Skill>,
    by_id: HashMap<String, SkillId>,
    /// Transitive parents of each skill, sorted, without the skill itself.
    ancestors: Vec<Box<[SkillId]>>,
    /// Length of the longest parent chain above each skill (roots are 0).
    depth: Vec<u32>,
    /// Normalized words the typo matcher must leave alone.
    not_typos: HashSet<String>,
    fingerprint: u64,
}

impl Taxonomy {
    /// The default taxonomy embedded in the binary.
    pub fn embedded() -> Result<Taxonomy> {
        TaxonomyBuilder::new().with_embedded().build()
    }

    /// Number of skills.
    pub fn len(&self) -> usize {
        self.skills.len()
    }

    /// Whether the taxonomy has no skill.
    pub fn is_empty(&self) -> bool {
        self.skills.is_empty()
    }

    /// All skills, in definition order (file name order, then file order).
    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    /// The skill with index `id`.
    pub fn skill(&self, id: SkillId) -> &Skill {
        &self.skills[id.index()]
    }

    /// The id of the skill named `id` ("postgresql").
    pub fn get(&self, id: &str) -> Option<SkillId> {
        self.by_id.get(id).copied()
    }

    /// Iterates over `(SkillId, &Skill)`.
    pub fn iter(&self) -> impl Iterator<Item = (SkillId, &Skill)> {
        self.skills
            .iter()
            .enumerate()
            .map(|(i, s)| (SkillId(i as u32), s))
    }

    /// All transitive parents of `id`, sorted.
    pub fn ancestors(&self, id: SkillId) -> &[SkillId] {
        &self.ancestors[id.index()]
    }

    /// The skills that name `id` as a parent, in taxonomy order. A scan of
    /// every skill: for lookups and reports, not for matching.
    pub fn children(&self, id: SkillId) -> Vec<SkillId> {
        self.iter()
            .filter(|(_, s)| s.parents.contains(&id))
            .map(|(child, _)| child)
            .collect()
    }

    /// Is `skill` the same as, or a kind of, `general`? (PostgreSQL is a kind
    /// of SQL and of relational databases.)
    pub fn is_a(&self, skill: SkillId, general: SkillId) -> bool {
        skill == general || self.ancestors(skill).binary_search(&general).is_ok()
    }

    /// Depth of `id` in the hierarchy: 0 for a root.
    pub fn depth(&self, id: SkillId) -> u32 {
        self.depth[id.index()]
    }

    /// The longest parent chain in the taxonomy.
    pub fn max_depth(&self) -> u32 {
        self.depth.iter().copied().max().unwrap_or(0)
    }

    /// Distinct categories, sorted.
    pub fn categories(&self) -> BTreeSet<&str> {
        self.skills.iter().map(|s| s.category.as_str()).collect()
    }

    /// Total number of aliases (labels not counted).
    pub fn alias_count(&self) -> usize {
        self.skills.iter().map(|s| s.aliases.len()).sum()
    }

    /// Is `word` (normalized) declared as never being a typo of a skill form?
    pub fn is_not_typo(&self, word: &str) -> bool {
        self.not_typos.contains(word)
    }

    /// A hash of the sources the taxonomy was built from, stable across runs
    /// and platforms (FNV-1a over names and texts), for cache and index keys.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }
}

/// Collects taxonomy sources and builds a [`Taxonomy`].
///
/// ```
/// use skillmatch::taxonomy::{Source, TaxonomyBuilder};
/// let mut builder = TaxonomyBuilder::new();
/// builder.add_source(Source::new(
///     "mini.toml",
///     r#"
///         category = "databases"
///         [[skill]]
///         id = "sql"
///         label = "SQL"
///         [[skill]]
///         id = "postgresql"
///         label = "PostgreSQL"
///         aliases = ["postgres"]
///         parents = ["sql"]
///     "#,
/// ));
/// let taxonomy = builder.build().unwrap();
/// let pg = taxonomy.get("postgresql").unwrap();
/// assert!(taxonomy.is_a(pg, taxonomy.get("sql").unwrap()));
/// ```
#[derive(Debug, Default, Clone)]
pub struct TaxonomyBuilder {
    sources: Vec<Source>,
}

impl TaxonomyBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the embedded default taxonomy.
    pub fn with_embedded(mut self) -> Self {
        self.sources.extend(Source::embedded());
        self
    }

    /// Adds one source.
    pub fn add_source(&mut self, source: Source) -> &mut Self {
        self.sources.push(source);
        self
    }

    /// Adds a `.toml` file or every `*.toml` file of a directory.
    pub fn add_path(&mut self, path: &Path) -> Result<&mut Self> {
        self.sources.extend(Source::read_path(path)?);
        Ok(self)
    }

    /// The sources added so far.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Parses and validates every source. Stops at the first hard error
    /// (malformed TOML, duplicate id, unknown reference, cycle); softer
    /// problems are the linter's business.
    pub fn build(&self) -> Result<Taxonomy> {
        // Files parse independently: in parallel, then in order.
        let parsed: Vec<(usize, RawFile)> = self
            .sources
            .par_iter()
            .enumerate()
            .map(|(i, s)| s.parse().map(|f| (i, f)))
            .collect::<Result<_>>()?;

        // Pass 1: ids.
        let mut by_id = HashMap::new();
        let mut order = 0u32;
        for (si, file) in &parsed {
            let source = &self.sources[*si];
            for raw in &file.skill {
                let id = raw.id.get_ref().trim();
                if id.is_empty() {
                    return Err(Error::taxonomy(
                        source.locate(raw.id.span()),
                        "empty skill id: give every skill a kebab-case id",
                    ));
                }
                if by_id.insert(id.to_string(), SkillId(order)).is_some() {
                    return Err(Error::taxonomy(
                        source.locate(raw.id.span()),
                        format!("duplicate skill id {id:?}: ids must be unique across all taxonomy files"),
                    ));
                }
                order += 1;
            }
        }

        // Pass 2: resolve references.
        let resolve = |source: &Source, what: &str, owner: &str, r: &toml::Spanned<String>| {
            by_id.get(r.get_ref().trim()).copied().ok_or_else(|| {
                Error::taxonomy(
                    source.locate(r.span()),
                    format!(
                        "skill {owner:?} names unknown {what} {:?}: define it or fix the id",
                        r.get_ref()
                    ),
                )
            })
        };
        let mut skills = Vec::with_capacity(order as usize);
        for (si, file) in &parsed {
            let source = &self.sources[*si];
            let file_category = file.category.clone().unwrap_or_else(|| {
                Path::new(&source.name)
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
            for raw in &file.skill {
                let id = raw.id.get_ref().trim().to_string();
                let parents = raw
                    .parents
                    .iter()
                    .map(|p| resolve(source, "parent", &id, p))
                    .collect::<Result<Vec<_>>>()?;
                let related = raw
                    .related
                    .iter()
                    .map(|p| resolve(source, "related skill", &id, p))
                    .collect::<Result<Vec<_>>>()?;
                let ambiguity = match &raw.ambiguity {
                    None => None,
                    Some(a) => Some(AmbiguityRule {
                        forms: a.forms.iter().map(|f| normalize(f.get_ref())).collect(),
                        qualifiers: a.qualifiers.iter().map(|q| normalize(q)).collect(),
                        context: a
                            .context
                            .iter()
                            .map(|c| resolve(source, "context skill", &id, c))
                            .collect::<Result<Vec<_>>>()?,
                    }),
                };
                skills.push(Skill {
                    label: raw.label.get_ref().trim().to_string(),
                    aliases: raw.aliases.iter().map(|a| a.get_ref().clone()).collect(),
                    category: raw
                        .category
                        .clone()
                        .unwrap_or_else(|| file_category.clone()),
                    parents,
                    related,
                    ambiguity,
                    exact_case: raw.exact_case.iter().map(|a| a.get_ref().clone()).collect(),
                    fuzzy: raw.fuzzy.or(file.fuzzy).unwrap_or(true),
                    source_id: raw.source_id.clone(),
                    tags: raw.tags.clone(),
                    origin: source.locate(raw.id.span()),
                    id,
                });
            }
        }

        let (ancestors, depth) = hierarchy(&skills)?;
        let fingerprint = fingerprint(&self.sources);
        let not_typos = parsed
            .iter()
            .flat_map(|(_, f)| f.not_typos.iter().map(|w| normalize(w)))
            .collect();
        Ok(Taxonomy {
            skills,
            by_id,
            ancestors,
            depth,
            not_typos,
            fingerprint,
        })
    }
}

/// Transitive ancestors and depths, or the first cycle found.
type Hierarchy = (Vec<Box<[SkillId]>>, Vec<u32>);

fn hierarchy(skills: &[Skill]) -> Result<Hierarchy> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Active,
        Done,
    }
    let n = skills.len();
    let mut mark = vec![Mark::New; n];
    let mut ancestors: Vec<Box<[SkillId]>> = vec![Box::new([]); n];
    let mut depth = vec![0u32; n];
    // Iterative DFS so a deep import cannot overflow the stack.
    for root in 0..n {
        if mark[root] != Mark::New {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        mark[root] = Mark::Active;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&parent) = skills[node].parents.get(*next) {
                *next += 1;
                let p = parent.index();
                match mark[p] {
                    Mark::New => {
                        mark[p] = Mark::Active;
                        stack.push((p, 0));
                    }
                    Mark::Active => {
                        let start = stack.iter().position(|&(s, _)| s == p).unwrap_or(0);
                        let mut path: Vec<&str> = stack[start..]
                            .iter()
                            .map(|&(s, _)| skills[s].id.as_str())
                            .collect();
                        path.push(&skills[p].id);
                        return Err(Error::taxonomy(
                            skills[node].origin.clone(),
                            format!(
                                "the parents of {:?} form a cycle ({}): the hierarchy must be a DAG",
                                skills[node].id,
                                path.join(" -> ")
                            ),
                        ));
                    }
                    Mark::Done => {}
                }
                continue;
            }
            // All parents done: merge their ancestor sets.
            let mut set: Vec<SkillId> = Vec::new();
            let mut d = 0;
            for &parent in &skills[node].parents {
                set.push(parent);
                set.extend_from_slice(&ancestors[parent.index()]);
                d = d.max(depth[parent.index()] + 1);
            }
            set.sort_unstable();
            set.dedup();
            ancestors[node] = set.into_boxed_slice();
            depth[node] = d;
            mark[node] = Mark::Done;
            stack.pop();
        }
    }
    Ok((ancestors, depth))
}

fn fingerprint(sources: &[Source]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut hash = OFFSET;
    for source in sources {
        for byte in source
            .name
            .bytes()
            .chain([0])
            .chain(source.text.bytes())
            .chain([0])
        {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(text: &str) -> Result<Taxonomy> {
        let mut b = TaxonomyBuilder::new();
        b.add_source(Source::new("t.toml", text));
        b.build()
    }

    const MINI: &str = r#"
category = "databases"
[[skill]]
id = "databases"
label = "Databases"
[[skill]]
id = "sql"
label = "SQL"
parents = ["databases"]
[[skill]]
id = "relational-databases"
label = "Relational databases"
parents = ["databases"]
[[skill]]
id = "postgresql"
label = "PostgreSQL"
parents = ["relational-databases", "sql"]
related = ["mysql"]
[[skill]]
id = "mysql"
label = "MySQL"
parents = ["relational-databases", "sql"]
"#;

    #[test]
    fn hierarchy_answers_is_a_transitively() {
        let t = build(MINI).unwrap();
        let id = |s: &str| t.get(s).unwrap();
        let cases = [
            ("postgresql", "sql", true),
            ("postgresql", "relational-databases", true),
            ("postgresql", "databases", true),
            ("postgresql", "postgresql", true),
            ("sql", "postgresql", false),
            ("postgresql", "mysql", false),
        ];
        for (a, b, expected) in cases {
            assert_eq!(t.is_a(id(a), id(b)), expected, "{a} is-a {b}");
        }
        assert_eq!(t.depth(id("postgresql")), 2);
        assert_eq!(t.max_depth(), 2);
        assert_eq!(
            t.categories().into_iter().collect::<Vec<_>>(),
            ["databases"]
        );
    }

    #[test]
    fn hard_errors_name_file_and_line() {
        let cases = [
            (
                "duplicate id",
                "[[skill]]\nid = \"a\"\nlabel = \"A\"\n[[skill]]\nid = \"a\"\nlabel = \"A2\"\n",
                "t.toml:5:6",
                "duplicate skill id",
            ),
            (
                "unknown parent",
                "[[skill]]\nid = \"a\"\nlabel = \"A\"\nparents = [\"nope\"]\n",
                "t.toml:4:12",
                "unknown parent \"nope\"",
            ),
            (
                "cycle",
                "[[skill]]\nid = \"a\"\nlabel = \"A\"\nparents = [\"b\"]\n[[skill]]\nid = \"b\"\nlabel = \"B\"\nparents = [\"a\"]\n",
                "t.toml:",
                "form a cycle",
            ),
            ("bad toml", "[[skill]\n", "t.toml:1:", ""),
        ];
        for (name, text, at, message) in cases {
            let err = build(text).map(|_| ()).unwrap_err().to_string();
            assert!(err.starts_with(at), "{name}: {err}");
            assert!(err.contains(message), "{name}: {err}");
        }
    }

    #[test]
    fn embedded_default_builds_and_is_large() {
        let t = Taxonomy::embedded().unwrap();
        assert!(t.len() >= 800, "{} skills", t.len());
        assert!(t.alias_count() >= 2500, "{} aliases", t.alias_count());
    }

    #[test]
    fn fingerprint_changes_with_content() {
        let a = build(MINI).unwrap().fingerprint();
        let b = build(&MINI.replace("MySQL", "MariaDB"))
            .unwrap()
            .fingerprint();
        assert_ne!(a, b);
        assert_eq!(a, build(MINI).unwrap().fingerprint());
    }
}
