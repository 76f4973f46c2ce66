//! Occupations: the set of ESCO occupations with their ISCO-08 groups, and
//! recognising the occupation a job title names.
//!
//! A posting's title ("General Practitioner", "Sr. Accountant II") and a
//! résumé's roles ("Java Developer - Pune") say what the job is; matching
//! on skills alone ignores it. This module gives each title an
//! [`Occupation`] and each pair of occupations an [`OccupationRelation`]
//! (same occupation, same ISCO-08 unit group, minor group, sub-major group,
//! or unrelated), so role fit can be scored and explained.
//!
//! # The data
//!
//! [`Occupations::embedded`] loads the set compiled into the binary,
//! `taxonomy/occupations/occupations.tsv`, built by [`import::import`] from
//! ESCO v1.2.0 (3,039 occupations with their preferred, alternative and
//! hidden labels, and the ISCO-08 group labels) and O*NET 29.2 (job titles
//! as employers write them, attached to ESCO occupations by a derived
//! crosswalk: see [`import`]). [`Occupations::read`] loads another file in
//! the same format:
//!
//! ```text
//! # comment
//! group<TAB>isco code (1 to 4 digits)<TAB>label
//! occupation<TAB>isco4<TAB>esco code<TAB>esco uri id<TAB>preferred label<TAB>alt|alt|…<TAB>hidden|…<TAB>onet title|…
//! onet<TAB>onet-soc code<TAB>onet title<TAB>esco code<TAB>votes<TAB>matched titles
//! words<TAB>isco4<TAB>word=weight|word=weight|…
//! ```
//!
//! A `words` record is a unit group's vocabulary ([`vocabulary`]): the
//! match words its labels and descriptions use most distinctively, each
//! with what it adds to a text's score for the group.
//!
//! Invariants after loading: every occupation has a unique ESCO code and
//! URI, a non-empty preferred label and a four-digit unit group; every
//! `onet` record names a loaded occupation. [`OccupationId`]s are indexes in
//! file order, stable for one file.
//!
//! # Recognising a title
//!
//! [`Occupations::recognise`] (in [`lookup`]) normalises the title with the
//! rules of [`title`], then matches exactly on labels and O*NET titles, and
//! otherwise on the title's head noun phrase, weighting rare words: see
//! [`lookup`] for the rules and their constants.
//!
//! ```
//! use skillmatch::occupation::{MatchKind, Occupations, OccupationRelation};
//!
//! let occupations = Occupations::embedded()?;
//! let best = &occupations.recognise("Sr. Accountant II")[0];
//! let accountant = occupations.get(best.occupation);
//! assert_eq!(accountant.preferred, "accountant");
//! assert_eq!(accountant.isco.to_string(), "2411");
//! assert_eq!(best.kind, MatchKind::Exact);
//!
//! let auditor = occupations.by_code("2411.1.7").expect("financial auditor");
//! assert_eq!(
//!     occupations.relation(best.occupation, auditor),
//!     OccupationRelation::SameUnitGroup
//! );
//! # Ok::<(), skillmatch::Error>(())
//! ```
//!
//! # Reading a whole text
//!
//! Many titles name no label, and a flattened résumé often has no title a
//! rule can find. [`vocabulary`] reads the unit groups a text's words
//! point to (each group's words come from what ESCO and O*NET say of its
//! occupations), and [`profile`] adds them to the named occupations into
//! the [`profile::OccupationProfile`] role fit compares.
//!
//! Attribution, as the sources require: this service uses the ESCO
//! classification of the European Commission; this product includes
//! information from the O*NET 29.2 Database by the U.S. Department of
//! Labor, Employment and Training Administration (USDOL/ETA), used under
//! the CC BY 4.0 license.

pub mod import;
pub mod lookup;
pub mod model;
pub mod profile;
pub mod title;
pub mod vocabulary;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rustc_hash::FxHashMap;

use crate::error::{Error, Location, Result};

pub use lookup::{MatchKind, Named, OccupationMatch, Occupations, NAMED_MAX, NAMED_MIN_SCORE};
use model::LabelEntry;
pub use model::{
    IscoUnitGroup, Label, LabelId, LabelKind, Occupation, OccupationId, OccupationRelation,
    OnetMapping,
};
use vocabulary::{GroupReading, Vocabulary};

/// The compiled-in occupation file.
const EMBEDDED: &str = include_str!("../../taxonomy/occupations/occupations.tsv");
/// How errors name the compiled-in file.
pub const EMBEDDED_NAME: &str = "<embedded>/occupations/occupations.tsv";
/// What every ESCO occupation URI starts with; the file stores the rest.
pub const ESCO_URI_PREFIX: &str = "http://data.europa.eu/esco/occupation/";
/// Separates the labels of a multi-valued field.
pub const LIST_SEPARATOR: char = '|';

impl Occupations {
    /// The occupations compiled into the binary.
    pub fn embedded() -> Result<Self> {
        Self::parse_text(Cow::Borrowed(EMBEDDED), EMBEDDED_NAME)
    }

    /// Loads an occupation file (the format in the module docs).
    pub fn read(path: &Path) -> Result<Self> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let name = path.display().to_string();
        let text = String::from_utf8(bytes).map_err(|e| {
            Error::taxonomy(
                Location::of_invalid_utf8(name.clone(), &e),
                "not UTF-8 text",
            )
        })?;
        Self::parse_text(Cow::Owned(text), &name)
    }

    /// Parses the text of an occupation file; `file` names it in errors.
    pub fn parse(text: &str, file: &str) -> Result<Self> {
        Self::parse_text(Cow::Owned(text.to_string()), file)
    }

    /// Parses `text`, which the labels then point into (no copy per label).
    fn parse_text(text: Cow<'static, str>, file: &str) -> Result<Self> {
        let mut parser = Parser::new(&text);
        let base = text.as_ptr() as usize;
        for (n, line) in text.lines().enumerate() {
            let offset = line.as_ptr() as usize - base;
            parser.line(file, n + 1, offset, line.trim_end_matches('\r'))?;
        }
        parser.finish(file, text)
    }

    /// Number of occupations.
    pub fn len(&self) -> usize {
        self.occupations.len()
    }

    /// Whether there is no occupation.
    pub fn is_empty(&self) -> bool {
        self.occupations.is_empty()
    }

    /// The occupation `id`.
    ///
    /// Panics if `id` is not from this set.
    pub fn get(&self, id: OccupationId) -> &Occupation {
        &self.occupations[id.0 as usize]
    }

    /// Every occupation with its id, in file order.
    pub fn iter(&self) -> impl Iterator<Item = (OccupationId, &Occupation)> {
        self.occupations
            .iter()
            .enumerate()
            .map(|(i, o)| (OccupationId(i as u32), o))
    }

    /// The occupation with ESCO code `code` ("2512.4").
    pub fn by_code(&self, code: &str) -> Option<OccupationId> {
        self.by_code.get(code).copied()
    }

    /// The occupation with ESCO concept URI `uri`.
    pub fn by_uri(&self, uri: &str) -> Option<OccupationId> {
        self.by_uri.get(uri).copied()
    }

    /// The label `id`.
    ///
    /// Panics if `id` is not from this set.
    pub fn label(&self, id: LabelId) -> Label<'_> {
        self.label_at(id.0 as usize)
    }

    fn label_at(&self, at: usize) -> Label<'_> {
        let entry = &self.labels[at];
        Label {
            occupation: entry.occupation,
            kind: entry.kind,
            text: &self.text[entry.start as usize..entry.end as usize],
        }
    }

    /// The labels of occupation `id`: preferred first, then alternative,
    /// hidden and O*NET titles, each in file order.
    pub fn labels_of(&self, id: OccupationId) -> impl Iterator<Item = Label<'_>> {
        let range = self.get(id).labels.clone();
        range.map(|at| self.label_at(at as usize))
    }

    /// Number of labels of all occupations.
    pub fn label_count(&self) -> usize {
        self.labels.len()
    }

    /// The label of the ISCO-08 group with code `code` (1 to 4 digits:
    /// "2", "25", "251", "2512").
    pub fn isco_label(&self, code: &str) -> Option<&str> {
        self.groups.get(code).map(String::as_str)
    }

    /// The ESCO occupation the crosswalk gives O*NET occupation `code`
    /// ("15-1252.00"); `None` when it had no confident mapping.
    pub fn onet(&self, code: &str) -> Option<&OnetMapping> {
        self.onet
            .binary_search_by(|m| m.code.as_str().cmp(code))
            .ok()
            .map(|i| &self.onet[i])
    }

    /// The unit groups a document with title `title` and body `body`
    /// reads as by its words, best first ([`vocabulary`]); empty when the
    /// file has no `words` records.
    pub fn read_text(&self, title: &str, body: &str) -> Vec<GroupReading> {
        self.vocabulary.read(title, body)
    }

    /// Number of distinct words in the unit groups' vocabularies.
    pub fn vocabulary_words(&self) -> usize {
        self.vocabulary.words()
    }

    /// How near occupations `a` and `b` are.
    pub fn relation(&self, a: OccupationId, b: OccupationId) -> OccupationRelation {
        if a == b {
            return OccupationRelation::Same;
        }
        match self.get(a).isco.shared_digits(self.get(b).isco) {
            4 => OccupationRelation::SameUnitGroup,
            3 => OccupationRelation::SameMinorGroup,
            2 => OccupationRelation::SameSubMajorGroup,
            _ => OccupationRelation::Unrelated,
        }
    }
}

/// Record tags of the file format.
const GROUP_RECORD: &str = "group";
const OCCUPATION_RECORD: &str = "occupation";
const ONET_RECORD: &str = "onet";
const WORDS_RECORD: &str = "words";

struct Parser {
    /// Where the text starts in memory, to turn field slices into spans.
    base: usize,
    occupations: Vec<Occupation>,
    labels: Vec<LabelEntry>,
    groups: BTreeMap<String, String>,
    /// O*NET records with the ESCO code they name and their line.
    onet: Vec<(OnetMapping, String, usize)>,
    by_code: FxHashMap<String, OccupationId>,
    by_uri: FxHashMap<String, OccupationId>,
    vocabulary: Vocabulary,
    /// Unit groups given a vocabulary, to refuse a second one.
    vocabulary_groups: BTreeSet<u16>,
}

impl Parser {
    fn new(text: &str) -> Parser {
        // One label per list separator plus one per line is an upper bound
        // close enough to size the vector once.
        let labels = text
            .bytes()
            .filter(|&b| b == LIST_SEPARATOR as u8 || b == b'\n')
            .count();
        Parser {
            base: text.as_ptr() as usize,
            occupations: Vec::new(),
            labels: Vec::with_capacity(labels),
            groups: BTreeMap::new(),
            onet: Vec::new(),
            by_code: FxHashMap::default(),
            by_uri: FxHashMap::default(),
            vocabulary: Vocabulary::default(),
            vocabulary_groups: BTreeSet::new(),
        }
    }

    fn line(&mut self, file: &str, n: usize, offset: usize, line: &str) -> Result<()> {
        let _ = offset;
        if line.trim().is_empty() || line.starts_with('#') {
            return Ok(());
        }
        let fields: Vec<&str> = line.split('\t').collect();
        // Column (1-based, in characters) where field `i` starts.
        let column = |i: usize| -> usize {
            fields[..i.min(fields.len())]
                .iter()
                .map(|f| f.chars().count() + 1)
                .sum::<usize>()
                + 1
        };
        let error =
            |i: usize, message: String| Error::taxonomy(Location::at(file, n, column(i)), message);
        let expect = |count: usize| {
            if fields.len() == count {
                Ok(())
            } else {
                Err(error(
                    0,
                    format!(
                        "a `{}` record has {count} tab-separated fields, this line has {}",
                        fields[0],
                        fields.len()
                    ),
                ))
            }
        };
        match fields[0] {
            GROUP_RECORD => {
                expect(3)?;
                let code = fields[1];
                if code.is_empty() || code.len() > 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(error(1, format!("ISCO group code {code:?} is not 1 to 4 digits")));
                }
                if self
                    .groups
                    .insert(code.to_string(), fields[2].to_string())
                    .is_some()
                {
                    return Err(error(1, format!("ISCO group {code} appears twice")));
                }
            }
            OCCUPATION_RECORD => {
                expect(8)?;
                let isco = IscoUnitGroup::parse(fields[1]).ok_or_else(|| {
                    error(1, format!("ISCO unit group {:?} is not 4 digits", fields[1]))
                })?;
                let code = fields[2];
                if !code.starts_with(fields[1]) {
                    return Err(error(
                        2,
                        format!("ESCO code {code:?} does not start with its unit group {isco}"),
                    ));
                }
                if fields[3].is_empty() {
                    return Err(error(3, "empty ESCO URI id".to_string()));
                }
                if fields[4].trim().is_empty() {
                    return Err(error(4, "empty preferred label".to_string()));
                }
                let id = OccupationId(self.occupations.len() as u32);
                let uri = format!("{ESCO_URI_PREFIX}{}", fields[3]);
                if self.by_code.insert(code.to_string(), id).is_some() {
                    return Err(error(2, format!("ESCO code {code} appears twice")));
                }
                if self.by_uri.insert(uri.clone(), id).is_some() {
                    return Err(error(3, format!("ESCO URI {uri} appears twice")));
                }
                let start = self.labels.len() as u32;
                let base = self.base;
                let mut push = |kind: LabelKind, text: &str| {
                    let text = text.trim();
                    if !text.is_empty() {
                        let at = text.as_ptr() as usize - base;
                        self.labels.push(LabelEntry {
                            occupation: id,
                            kind,
                            start: at as u32,
                            end: (at + text.len()) as u32,
                        });
                    }
                };
                push(LabelKind::Preferred, fields[4]);
                for (field, kind) in [
                    (5, LabelKind::Alternative),
                    (6, LabelKind::Hidden),
                    (7, LabelKind::Onet),
                ] {
                    for label in fields[field].split(LIST_SEPARATOR) {
                        push(kind, label);
                    }
                }
                self.occupations.push(Occupation {
                    uri,
                    code: code.to_string(),
                    isco,
                    preferred: fields[4].trim().to_string(),
                    labels: start..self.labels.len() as u32,
                });
            }
            ONET_RECORD => {
                expect(6)?;
                let votes: f32 = fields[4]
                    .parse()
                    .map_err(|_| error(4, format!("votes {:?} is not a number", fields[4])))?;
                let matched: u32 = fields[5].parse().map_err(|_| {
                    error(5, format!("matched titles {:?} is not a count", fields[5]))
                })?;
                self.onet.push((
                    OnetMapping {
                        code: fields[1].to_string(),
                        title: fields[2].to_string(),
                        occupation: OccupationId(u32::MAX),
                        votes,
                        matched,
                    },
                    fields[3].to_string(),
                    n,
                ));
            }
            WORDS_RECORD => {
                expect(3)?;
                let isco = IscoUnitGroup::parse(fields[1]).ok_or_else(|| {
                    error(1, format!("ISCO unit group {:?} is not 4 digits", fields[1]))
                })?;
                if !self.vocabulary_groups.insert(isco.number()) {
                    return Err(error(1, format!("unit group {isco} has two `words` records")));
                }
                for item in fields[2].split(LIST_SEPARATOR).filter(|i| !i.is_empty()) {
                    let parsed = item
                        .rsplit_once('=')
                        .and_then(|(w, x)| Some((w, x.parse::<f32>().ok()?)))
                        .filter(|(w, x)| !w.is_empty() && x.is_finite() && *x >= 0.0);
                    let Some((word, weight)) = parsed else {
                        return Err(error(
                            2,
                            format!("{item:?} is not word=weight with a weight of 0 or more"),
                        ));
                    };
                    self.vocabulary.add(isco.number(), word, weight);
                }
            }
            other => {
                return Err(error(
                    0,
                    format!(
                        "unknown record {other:?}: expected `{GROUP_RECORD}`, `{OCCUPATION_RECORD}`, `{ONET_RECORD}` or `{WORDS_RECORD}`"
                    ),
                ))
            }
        }
        Ok(())
    }

    fn finish(mut self, file: &str, text: Cow<'static, str>) -> Result<Occupations> {
        self.vocabulary.finish();
        let mut onet = Vec::with_capacity(self.onet.len());
        for (mut mapping, code, line) in self.onet {
            mapping.occupation = *self.by_code.get(&code).ok_or_else(|| {
                Error::taxonomy(
                    Location::at(file, line, 1),
                    format!(
                        "O*NET {} maps to ESCO code {code}, which no occupation has",
                        mapping.code
                    ),
                )
            })?;
            onet.push(mapping);
        }
        onet.sort_by(|a, b| a.code.cmp(&b.code));
        if let Some(w) = onet.windows(2).find(|w| w[0].code == w[1].code) {
            return Err(Error::taxonomy(
                Location::file(file),
                format!("O*NET occupation {} is mapped twice", w[0].code),
            ));
        }
        let index = lookup::Index::build(&self.occupations, &text, &self.labels);
        Ok(Occupations {
            text,
            occupations: self.occupations,
            labels: self.labels,
            groups: self.groups,
            onet,
            by_code: self.by_code,
            by_uri: self.by_uri,
            vocabulary: self.vocabulary,
            index,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = "# a test set\n\
        group\t2\tProfessionals\n\
        group\t2512\tSoftware developers\n\
        occupation\t2512\t2512.4\tabc\tsoftware developer\tprogrammer|coder\t\tJava Developer\n\
        occupation\t2512\t2512.5\tdef\tsoftware architect\t\t\t\n\
        occupation\t2511\t2511.1\tghi\tsystems analyst\t\t\t\n\
        occupation\t2521\t2521.1\tjkl\tdatabase designer\t\t\t\n\
        occupation\t2631\t2631.1\tmno\teconomist\t\t\t\n\
        occupation\t5223\t5223.1\tpqr\tshop assistant\t\t\t\n\
        onet\t15-1252.00\tSoftware Developers\t2512.4\t9.5\t20\n";

    fn small() -> Occupations {
        Occupations::parse(SMALL, "small.tsv").expect("valid")
    }

    #[test]
    fn parse_reads_occupations_labels_groups_and_crosswalk() {
        let o = small();
        assert_eq!(o.len(), 6);
        let dev = o.by_code("2512.4").expect("present");
        assert_eq!(o.get(dev).uri, format!("{ESCO_URI_PREFIX}abc"));
        let labels: Vec<(&str, LabelKind)> = o.labels_of(dev).map(|l| (l.text, l.kind)).collect();
        assert_eq!(
            labels,
            [
                ("software developer", LabelKind::Preferred),
                ("programmer", LabelKind::Alternative),
                ("coder", LabelKind::Alternative),
                ("Java Developer", LabelKind::Onet),
            ]
        );
        assert_eq!(o.isco_label("2512"), Some("Software developers"));
        assert_eq!(o.isco_label("2"), Some("Professionals"));
        assert_eq!(o.onet("15-1252.00").map(|m| m.occupation), Some(dev));
        assert_eq!(o.by_uri(&format!("{ESCO_URI_PREFIX}abc")), Some(dev));
    }

    #[test]
    fn relation_follows_the_isco_digits() {
        let o = small();
        let id = |code: &str| o.by_code(code).expect("present");
        let cases = [
            ("same", "2512.4", "2512.4", OccupationRelation::Same),
            (
                "unit group",
                "2512.4",
                "2512.5",
                OccupationRelation::SameUnitGroup,
            ),
            (
                "minor group",
                "2512.4",
                "2511.1",
                OccupationRelation::SameMinorGroup,
            ),
            (
                "sub-major group",
                "2512.4",
                "2521.1",
                OccupationRelation::SameSubMajorGroup,
            ),
            (
                "major group only",
                "2512.4",
                "2631.1",
                OccupationRelation::Unrelated,
            ),
            (
                "nothing shared",
                "2512.4",
                "5223.1",
                OccupationRelation::Unrelated,
            ),
        ];
        for (name, a, b, expected) in cases {
            assert_eq!(o.relation(id(a), id(b)), expected, "{name}");
            assert_eq!(o.relation(id(b), id(a)), expected, "{name}, reversed");
        }
    }

    #[test]
    fn isco_unit_group_keeps_leading_zeros() {
        let g = IscoUnitGroup::parse("0110").expect("valid");
        assert_eq!(g.to_string(), "0110");
        assert_eq!(g.prefix(2), "01");
        assert_eq!(g.number(), 110);
        assert_eq!(IscoUnitGroup::parse("110"), None);
        assert_eq!(IscoUnitGroup::parse("01a0"), None);
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let cases = [
            (
                "unknown record",
                "person\tx\n",
                "bad.tsv:1:1: unknown record",
            ),
            (
                "bad unit group",
                "occupation\t251\t251.1\tx\tdev\t\t\t\n",
                "bad.tsv:1:12: ISCO unit group \"251\" is not 4 digits",
            ),
            (
                "field count",
                "# c\ngroup\t1\n",
                "bad.tsv:2:1: a `group` record has 3 tab-separated fields, this line has 2",
            ),
            (
                "duplicate code",
                "occupation\t2512\t2512.1\ta\tdev\t\t\t\noccupation\t2512\t2512.1\tb\tdev2\t\t\t\n",
                "bad.tsv:2:17: ESCO code 2512.1 appears twice",
            ),
            (
                "dangling crosswalk",
                "onet\t15-1252.00\tDevs\t9999.9\t1\t1\n",
                "bad.tsv:1:1: O*NET 15-1252.00 maps to ESCO code 9999.9",
            ),
            (
                "empty preferred label",
                "occupation\t2512\t2512.1\ta\t \t\t\t\n",
                "bad.tsv:1:26: empty preferred label",
            ),
            (
                "vocabulary weight",
                "words\t2411\tledger=0.5|audit=x\n",
                "bad.tsv:1:12: \"audit=x\" is not word=weight",
            ),
            (
                "vocabulary twice",
                "words\t2411\tledger=0.5\nwords\t2411\taudit=0.5\n",
                "bad.tsv:2:7: unit group 2411 has two `words` records",
            ),
        ];
        for (name, text, expected) in cases {
            let error = Occupations::parse(text, "bad.tsv")
                .expect_err(name)
                .to_string();
            assert!(error.starts_with(expected), "{name}: {error}");
        }
    }

    #[test]
    fn read_names_a_missing_file() {
        let error = Occupations::read(Path::new("no/such/occupations.tsv"))
            .expect_err("missing")
            .to_string();
        assert!(error.starts_with("no/such/occupations.tsv"), "{error}");
    }

    #[test]
    fn the_embedded_vocabulary_reads_real_postings() {
        let o = Occupations::embedded().expect("embedded set is valid");
        assert!(o.vocabulary_words() > 5_000, "{}", o.vocabulary_words());
        // Titles that name no ESCO label, read by their words.
        let cases = [
            (
                "Ward Staff",
                "Provide nursing care to patients, administer medication and keep patient records.",
                // Nursing professionals, nursing associates, care assistants.
                &["2221", "3221", "5321"][..],
            ),
            (
                "Finance Officer",
                "Prepare financial statements, reconcile the general ledger, support the annual audit and tax filing.",
                // Finance managers, accountants, accounting associates.
                &["1211", "2411", "3313"][..],
            ),
            (
                "Grade 9-12 Staff",
                "Teach mathematics to secondary school students, prepare lessons and assess pupils.",
                &["2330"][..],
            ),
        ];
        for (title, body, want) in cases {
            let read = o.read_text(title, body);
            let first = format!("{:04}", read[0].isco);
            assert!(want.contains(&first.as_str()), "{title}: {read:?}");
        }
    }

    #[test]
    fn embedded_set_loads_with_every_unit_group_labelled() {
        let o = Occupations::embedded().expect("embedded set is valid");
        assert!(o.len() > 3000, "{}", o.len());
        for (_, occupation) in o.iter() {
            let code = occupation.isco.to_string();
            assert!(o.isco_label(&code).is_some(), "no label for {code}");
            assert!(o.isco_label(&occupation.isco.prefix(1)).is_some());
        }
    }
}
