//! Builds the occupation file from its published sources: ESCO's occupations
//! and ISCO-08 groups, and O*NET's occupations and alternate titles.
//!
//! [`import`] reads the four files of a source directory (see
//! `../shared/data/occupations/` and its README) and renders the format of
//! [`super`]: one `group` line per ISCO-08 group, one `occupation` line per
//! ESCO occupation with its labels, one `onet` line per O*NET occupation the
//! crosswalk maps. The output is deterministic: the same sources give the
//! same bytes (occupations in ESCO code order, labels in source order,
//! O*NET titles in O*NET code then source order).
//!
//! # Labels
//!
//! An occupation's labels are deduplicated by their match words
//! ([`title::words`]): "software developer" given as preferred and again as
//! alternative label is kept once, as the better kind.
//!
//! # The O*NET crosswalk
//!
//! O*NET-SOC is not ISCO, and no official crosswalk ships with the data, so
//! one is derived, reproducibly, from the labels themselves. For each O*NET
//! occupation, its title and alternate titles (and short titles such as
//! "CFO") are matched exactly, by match words, against ESCO labels. Every
//! matching title is one vote, split evenly among the unit groups of the
//! ESCO occupations it matches. The unit group with most votes wins if it
//! has at least [`MIN_SUPPORT`] votes and at least [`MIN_SHARE`] of the
//! matched titles; otherwise the O*NET occupation is left out (counted as
//! weak, or unmatched when no title matched at all). Within the winning
//! unit group, the ESCO occupation with most votes gets the O*NET titles (a
//! match on a preferred label counts double; ties go to the more general
//! occupation, the one with the shorter ESCO code, then the lower code).
//!
//! The titles of mapped O*NET occupations that are not already ESCO labels
//! are then attached to that ESCO occupation. A title that O*NET lists
//! under occupations mapped to different ISCO unit groups ("Project
//! Manager") is ambiguous and left out, and counted.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use super::title;
use super::vocabulary;
use super::{IscoUnitGroup, ESCO_URI_PREFIX, LIST_SEPARATOR};
use crate::error::{Error, Location, Result};

/// ESCO occupations, CSV (ESCO v1.2.0 `occupations_en.csv`).
pub const ESCO_OCCUPATIONS_FILE: &str = "esco_occupations_en.csv";
/// ISCO-08 groups with labels, CSV (ESCO v1.2.0 `ISCOGroups_en.csv`).
pub const ESCO_GROUPS_FILE: &str = "esco_ISCOGroups_en.csv";
/// O*NET occupations, TSV (O*NET 29.2 `Occupation Data.txt`).
pub const ONET_OCCUPATIONS_FILE: &str = "onet_occupation_data.tsv";
/// O*NET alternate titles, TSV (O*NET 29.2 `Alternate Titles.txt`).
pub const ONET_TITLES_FILE: &str = "onet_alternate_titles.tsv";
/// The ESCO version the file names are for, written into the header.
pub const ESCO_VERSION: &str = "ESCO v1.2.0";
/// The O*NET version the file names are for, written into the header.
pub const ONET_VERSION: &str = "O*NET 29.2";
/// The acknowledgement ESCO's reuse terms require.
pub const ESCO_ATTRIBUTION: &str =
    "This service uses the ESCO classification of the European Commission.";
/// The attribution O*NET's CC BY 4.0 licence requires.
pub const ONET_ATTRIBUTION: &str = "This product includes information from the O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.";

/// Fewest votes (matching titles) the winning unit group of an O*NET
/// occupation needs. One matching title is too easily a coincidence
/// ("AI Specialist" is an alternative label of an animal insemination
/// technician).
pub const MIN_SUPPORT: f32 = 2.0;
/// Smallest share of an O*NET occupation's matching titles its winning unit
/// group needs. O*NET occupations are broader than ESCO's, so a plurality
/// is enough ("Software Developers" match software developers, system
/// architects and application developers), but not a scattering.
pub const MIN_SHARE: f32 = 0.3;

/// O*NET's placeholder for a missing short title.
const ONET_NO_SHORT_TITLE: &str = "n/a";

/// What an import read and wrote.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    /// ESCO occupations.
    pub occupations: usize,
    /// ESCO labels kept (preferred, alternative, hidden).
    pub esco_labels: usize,
    /// ESCO labels dropped because the same occupation has the same match
    /// words already.
    pub esco_duplicates: usize,
    /// ISCO-08 groups (1 to 4 digits).
    pub groups: usize,
    /// O*NET occupations read.
    pub onet_occupations: usize,
    /// O*NET occupations mapped to an ESCO occupation.
    pub onet_mapped: usize,
    /// O*NET occupations with matching titles but no confident unit group.
    pub onet_weak: usize,
    /// O*NET occupations none of whose titles is an ESCO label.
    pub onet_unmatched: usize,
    /// O*NET titles read (titles, alternate and short titles).
    pub onet_titles: usize,
    /// Distinct O*NET titles (by match words) attached to an ESCO
    /// occupation.
    pub onet_titles_added: usize,
    /// Distinct O*NET titles of mapped occupations that were already ESCO
    /// labels.
    pub onet_titles_known: usize,
    /// Distinct O*NET titles left out because they point to several unit
    /// groups.
    pub onet_titles_ambiguous: usize,
    /// Of the added titles, those attached to more than one ESCO occupation
    /// of the same unit group.
    pub onet_titles_shared: usize,
    /// Unit groups given a vocabulary.
    pub vocabulary_groups: usize,
}

/// The rendered occupation file and what went into it.
#[derive(Debug, Clone)]
pub struct Import {
    /// The file's text.
    pub text: String,
    /// The counts.
    pub report: ImportReport,
}

struct EscoOccupation {
    uri_id: String,
    code: String,
    isco: IscoUnitGroup,
    /// (kind rank: 0 preferred, 1 alternative, 2 hidden; text)
    labels: Vec<(u8, String)>,
    onet_titles: Vec<String>,
    /// ESCO's description, for the unit group's vocabulary.
    description: String,
}

struct OnetOccupation {
    code: String,
    title: String,
    /// Every title, the occupation's own first.
    titles: Vec<String>,
    /// O*NET's description, for the vocabulary of the unit group it maps to.
    description: String,
}

/// Reads the four source files in `dir` and renders the occupation file.
pub fn import(dir: &Path) -> Result<Import> {
    let mut report = ImportReport::default();
    let groups = read_groups(&dir.join(ESCO_GROUPS_FILE))?;
    report.groups = groups.len();
    let mut occupations = read_esco(&dir.join(ESCO_OCCUPATIONS_FILE), &mut report)?;
    report.occupations = occupations.len();
    let onet = read_onet(
        &dir.join(ONET_OCCUPATIONS_FILE),
        &dir.join(ONET_TITLES_FILE),
    )?;
    report.onet_occupations = onet.len();
    report.onet_titles = onet.iter().map(|o| o.titles.len()).sum();

    // Match words → (occupation index, best kind rank).
    let mut by_words: BTreeMap<Vec<String>, BTreeMap<usize, u8>> = BTreeMap::new();
    for (i, o) in occupations.iter().enumerate() {
        for (rank, text) in &o.labels {
            let entry = by_words.entry(title::words(text)).or_default();
            let best = entry.entry(i).or_insert(*rank);
            *best = (*best).min(*rank);
        }
    }

    let mut mappings: Vec<(usize, usize, f32, u32)> = Vec::new(); // (onet, esco, votes, matched)
    for (n, o) in onet.iter().enumerate() {
        let mut group_votes: BTreeMap<IscoUnitGroup, f32> = BTreeMap::new();
        let mut occupation_votes: BTreeMap<usize, f32> = BTreeMap::new();
        let mut matched = 0u32;
        for t in &o.titles {
            let Some(hits) = by_words.get(&title::words(t)) else {
                continue;
            };
            matched += 1;
            let hit_groups: BTreeSet<IscoUnitGroup> =
                hits.keys().map(|&i| occupations[i].isco).collect();
            for g in &hit_groups {
                *group_votes.entry(*g).or_default() += 1.0 / hit_groups.len() as f32;
            }
            for (&i, &rank) in hits {
                let weight = if rank == 0 { 2.0 } else { 1.0 };
                *occupation_votes.entry(i).or_default() += weight / hits.len() as f32;
            }
        }
        // Most votes; on a tie the lower unit group, for determinism.
        let Some((&group, &votes)) = group_votes
            .iter()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
        else {
            report.onet_unmatched += 1;
            continue;
        };
        if votes < MIN_SUPPORT || votes < MIN_SHARE * matched as f32 {
            report.onet_weak += 1;
            continue;
        }
        let esco = occupation_votes
            .iter()
            .filter(|(&i, _)| occupations[i].isco == group)
            .max_by(|a, b| {
                let (oa, ob) = (&occupations[*a.0], &occupations[*b.0]);
                a.1.total_cmp(b.1)
                    .then(
                        ob.code
                            .matches('.')
                            .count()
                            .cmp(&oa.code.matches('.').count()),
                    )
                    .then(natural_code_order(&ob.code, &oa.code))
            })
            .map(|(&i, _)| i)
            .expect("the winning group has a voting occupation");
        mappings.push((n, esco, votes, matched));
        report.onet_mapped += 1;
    }

    // Title match words → (display text, ESCO occupations it points to).
    let mut titles: BTreeMap<Vec<String>, (String, BTreeSet<usize>, usize)> = BTreeMap::new();
    let mut order = 0usize;
    for &(n, esco, _, _) in &mappings {
        for t in &onet[n].titles {
            let words = title::words(t);
            if words.is_empty() {
                continue;
            }
            let entry = titles
                .entry(words)
                .or_insert_with(|| (t.clone(), BTreeSet::new(), order));
            entry.1.insert(esco);
            order += 1;
        }
    }
    let mut attached: Vec<(usize, usize, String)> = Vec::new(); // (order, esco, text)
    for (words, (text, escos, first)) in titles {
        if by_words.contains_key(&words) {
            report.onet_titles_known += 1;
            continue;
        }
        let groups: BTreeSet<IscoUnitGroup> = escos.iter().map(|&i| occupations[i].isco).collect();
        if groups.len() > 1 {
            report.onet_titles_ambiguous += 1;
            continue;
        }
        report.onet_titles_added += 1;
        if escos.len() > 1 {
            report.onet_titles_shared += 1;
        }
        for esco in escos {
            attached.push((first, esco, text.clone()));
        }
    }
    attached.sort();
    for (_, esco, text) in attached {
        occupations[esco].onet_titles.push(text);
    }

    let mut texts = vocabulary_texts(&groups, &occupations);
    // A mapped O*NET occupation's description is one more text of its
    // unit group: O*NET describes the same work in American usage.
    for &(n, esco, _, _) in &mappings {
        texts
            .entry(occupations[esco].isco)
            .or_default()
            .push(onet[n].description.clone());
    }
    let vocabulary = vocabulary::build(&texts);
    report.vocabulary_groups = vocabulary.len();
    let text = render(
        &groups,
        &occupations,
        &onet,
        &mappings,
        &vocabulary,
        &report,
    );
    Ok(Import { text, report })
}

/// What each unit group's vocabulary is built from: its occupations' ESCO
/// labels and descriptions, and its own label and description up to the
/// list of the occupations it holds (which repeats their labels).
fn vocabulary_texts(
    groups: &BTreeMap<String, (String, String)>,
    occupations: &[EscoOccupation],
) -> BTreeMap<IscoUnitGroup, Vec<String>> {
    let mut texts: BTreeMap<IscoUnitGroup, Vec<String>> = BTreeMap::new();
    for o in occupations {
        let t = texts.entry(o.isco).or_default();
        t.extend(o.labels.iter().map(|(_, label)| label.clone()));
        t.extend(o.onet_titles.iter().cloned());
        t.push(o.description.clone());
    }
    for (code, (label, description)) in groups {
        let Some(group) = IscoUnitGroup::parse(code) else {
            continue;
        };
        let own = GROUP_DESCRIPTION_ENDS
            .iter()
            .filter_map(|end| description.find(end))
            .fold(description.as_str(), |d, at| &d[..at.min(d.len())]);
        let t = texts.entry(group).or_default();
        t.push(label.clone());
        t.push(own.to_string());
    }
    texts
}

/// Where an ISCO group's description stops describing the group and
/// starts listing what it holds.
const GROUP_DESCRIPTION_ENDS: &[&str] = &["Occupations in this", "Examples of"];

/// Orders ESCO codes by their numeric parts: "2512.4" < "2512.10".
fn natural_code_order(a: &str, b: &str) -> std::cmp::Ordering {
    let parts = |s: &str| -> Vec<u64> {
        s.split('.')
            .map(|p| p.parse().unwrap_or(u64::MAX))
            .collect()
    };
    parts(a).cmp(&parts(b)).then_with(|| a.cmp(b))
}

fn render(
    groups: &BTreeMap<String, (String, String)>,
    occupations: &[EscoOccupation],
    onet: &[OnetOccupation],
    mappings: &[(usize, usize, f32, u32)],
    vocabulary: &[(IscoUnitGroup, Vec<(String, f32)>)],
    report: &ImportReport,
) -> String {
    let mut out = String::new();
    let r = report;
    let _ = writeln!(out, "# skillmatch occupations: ESCO occupations with their ISCO-08 groups, and O*NET job titles");
    let _ = writeln!(out, "# {ESCO_ATTRIBUTION}");
    let _ = writeln!(out, "# {ONET_ATTRIBUTION}");
    let _ = writeln!(out, "# Sources: {ESCO_VERSION} ({ESCO_OCCUPATIONS_FILE}, {ESCO_GROUPS_FILE}); {ONET_VERSION} ({ONET_OCCUPATIONS_FILE}, {ONET_TITLES_FILE}).");
    let _ = writeln!(out, "# Generated by `cargo run --example build_occupations -- SOURCES OUT`; do not edit by hand.");
    let _ = writeln!(
        out,
        "# {} occupations, {} ESCO labels ({} duplicates dropped), {} ISCO groups.",
        r.occupations, r.esco_labels, r.esco_duplicates, r.groups
    );
    let _ = writeln!(out, "# O*NET crosswalk (min support {MIN_SUPPORT}, min share {MIN_SHARE}): {} of {} O*NET occupations mapped, {} weak, {} unmatched;", r.onet_mapped, r.onet_occupations, r.onet_weak, r.onet_unmatched);
    let _ = writeln!(out, "# {} O*NET titles added ({} shared within a unit group), {} already ESCO labels, {} ambiguous and left out.", r.onet_titles_added, r.onet_titles_shared, r.onet_titles_known, r.onet_titles_ambiguous);
    let _ = writeln!(
        out,
        "# Format (tab-separated; lists separated by `{LIST_SEPARATOR}`):"
    );
    let _ = writeln!(out, "#   group       isco-code  label");
    let _ = writeln!(out, "#   occupation  isco4  esco-code  esco-uri-id  preferred  alternatives  hidden  onet-titles");
    let _ = writeln!(
        out,
        "#   onet        onet-soc-code  onet-title  esco-code  votes  matched-titles"
    );
    let _ = writeln!(
        out,
        "#   words       isco4  word=weight{LIST_SEPARATOR}…  (the unit group's vocabulary, {} words at most)",
        vocabulary::TERMS_PER_GROUP
    );
    for (code, (label, _)) in groups {
        let _ = writeln!(out, "group\t{code}\t{label}");
    }
    for o in occupations {
        let list = |rank: u8| -> String {
            o.labels
                .iter()
                .filter(|(r, _)| *r == rank)
                .map(|(_, t)| t.as_str())
                .collect::<Vec<_>>()
                .join(&LIST_SEPARATOR.to_string())
        };
        let _ = writeln!(
            out,
            "occupation\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            o.isco,
            o.code,
            o.uri_id,
            list(0),
            list(1),
            list(2),
            o.onet_titles.join(&LIST_SEPARATOR.to_string())
        );
    }
    for &(n, esco, votes, matched) in mappings {
        let _ = writeln!(
            out,
            "onet\t{}\t{}\t{}\t{:.2}\t{matched}",
            onet[n].code, onet[n].title, occupations[esco].code, votes
        );
    }
    for (group, words) in vocabulary {
        let list: Vec<String> = words.iter().map(|(w, x)| format!("{w}={x:.4}")).collect();
        let _ = writeln!(
            out,
            "words\t{group}\t{}",
            list.join(&LIST_SEPARATOR.to_string())
        );
    }
    out
}

fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::input(
            Location::of_invalid_utf8(path.display().to_string(), &e),
            "not UTF-8 text",
        )
    })?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

/// CSV rows with their 1-based line.
type Rows = Vec<(usize, csv::StringRecord)>;

/// A CSV file's rows, and the column indexes of `wanted` header names. A
/// name written `?name` is optional: when the file has no such column its
/// index is `usize::MAX`, which no row has, so the field reads as empty.
fn read_csv(path: &Path, wanted: &[&str]) -> Result<(Rows, Vec<usize>)> {
    let text = read_text(path)?;
    let name = path.display().to_string();
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| {
            Error::input(
                Location::at(name.clone(), 1, 1),
                format!("bad CSV header: {e}"),
            )
        })?
        .clone();
    let mut columns = Vec::new();
    for w in wanted {
        // An optional column ("?description") that is absent reads as empty.
        let (w, optional) = match w.strip_prefix('?') {
            Some(w) => (w, true),
            None => (*w, false),
        };
        let at = match headers.iter().position(|h| h == w) {
            Some(at) => at,
            None if optional => usize::MAX,
            None => {
                return Err(Error::input(
                    Location::at(name.clone(), 1, 1),
                    format!("no `{w}` column"),
                ))
            }
        };
        columns.push(at);
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            Error::input(Location::at(name.clone(), line, 1), format!("bad CSV: {e}"))
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        rows.push((line, record));
    }
    Ok((rows, columns))
}

/// The ISCO groups: code → (label, description).
fn read_groups(path: &Path) -> Result<BTreeMap<String, (String, String)>> {
    let (rows, c) = read_csv(path, &["code", "preferredLabel", "?description"])?;
    let mut groups = BTreeMap::new();
    for (line, row) in rows {
        let code = row.get(c[0]).unwrap_or("").trim();
        let label = clean_field(row.get(c[1]).unwrap_or(""));
        if code.is_empty() || code.len() > 4 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::input(
                Location::at(path.display().to_string(), line, 1),
                format!("ISCO group code {code:?} is not 1 to 4 digits"),
            ));
        }
        let description = row.get(c[2]).unwrap_or("").to_string();
        groups.insert(code.to_string(), (label, description));
    }
    Ok(groups)
}

fn read_esco(path: &Path, report: &mut ImportReport) -> Result<Vec<EscoOccupation>> {
    let wanted = [
        "conceptUri",
        "iscoGroup",
        "preferredLabel",
        "altLabels",
        "hiddenLabels",
        "code",
        "?description",
    ];
    let (rows, c) = read_csv(path, &wanted)?;
    let name = path.display().to_string();
    let mut out = Vec::with_capacity(rows.len());
    for (line, row) in rows {
        let field = |i: usize| row.get(c[i]).unwrap_or("");
        let error = |message: String| Error::input(Location::at(name.clone(), line, 1), message);
        let uri = field(0);
        let uri_id = uri
            .strip_prefix(ESCO_URI_PREFIX)
            .filter(|id| !id.is_empty() && !id.contains(['\t', '\n']))
            .ok_or_else(|| {
                error(format!(
                    "occupation URI {uri:?} does not start with {ESCO_URI_PREFIX}"
                ))
            })?;
        let isco = IscoUnitGroup::parse(field(1).trim())
            .ok_or_else(|| error(format!("ISCO group {:?} is not 4 digits", field(1))))?;
        let code = field(5).trim();
        if !code.starts_with(&isco.to_string()) {
            return Err(error(format!(
                "ESCO code {code:?} does not start with its ISCO group {isco}"
            )));
        }
        let preferred = clean_field(field(2));
        if preferred.is_empty() {
            return Err(error("empty preferred label".to_string()));
        }
        let mut labels = vec![(0u8, preferred)];
        for (rank, i) in [(1u8, 3usize), (2, 4)] {
            for label in field(i).lines() {
                let label = clean_field(label);
                if !label.is_empty() {
                    labels.push((rank, label));
                }
            }
        }
        // One label per match words, the best kind first in source order.
        let mut seen: BTreeSet<Vec<String>> = BTreeSet::new();
        let before = labels.len();
        labels.retain(|(_, text)| {
            let words = title::words(text);
            !words.is_empty() && seen.insert(words)
        });
        report.esco_duplicates += before - labels.len();
        report.esco_labels += labels.len();
        out.push(EscoOccupation {
            uri_id: uri_id.to_string(),
            code: code.to_string(),
            isco,
            labels,
            onet_titles: Vec::new(),
            description: field(6).to_string(),
        });
    }
    out.sort_by(|a, b| natural_code_order(&a.code, &b.code));
    if let Some(w) = out.windows(2).find(|w| w[0].code == w[1].code) {
        return Err(Error::input(
            Location::file(name),
            format!("ESCO code {} appears twice", w[0].code),
        ));
    }
    Ok(out)
}

fn read_onet(occupations: &Path, titles: &Path) -> Result<Vec<OnetOccupation>> {
    let mut out: BTreeMap<String, OnetOccupation> = BTreeMap::new();
    for (line, fields) in read_tsv(occupations, 2)? {
        out.insert(
            fields[0].clone(),
            OnetOccupation {
                code: fields[0].clone(),
                title: fields[1].clone(),
                titles: vec![fields[1].clone()],
                description: fields.get(2).cloned().unwrap_or_default(),
            },
        );
        let _ = line;
    }
    for (line, fields) in read_tsv(titles, 3)? {
        let o = out.get_mut(&fields[0]).ok_or_else(|| {
            Error::input(
                Location::at(titles.display().to_string(), line, 1),
                format!(
                    "O*NET code {} is not in {}",
                    fields[0], ONET_OCCUPATIONS_FILE
                ),
            )
        })?;
        o.titles.push(fields[1].clone());
        if fields[2] != ONET_NO_SHORT_TITLE && !fields[2].is_empty() {
            o.titles.push(fields[2].clone());
        }
    }
    Ok(out.into_values().collect())
}

/// The rows after the header of a tab-separated file, each with at least
/// `min_fields` fields (cleaned), and their 1-based line.
fn read_tsv(path: &Path, min_fields: usize) -> Result<Vec<(usize, Vec<String>)>> {
    let text = read_text(path)?;
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            continue;
        }
        let fields: Vec<String> = line.split('\t').map(clean_field).collect();
        if fields.len() < min_fields {
            return Err(Error::input(
                Location::at(path.display().to_string(), n + 1, 1),
                format!(
                    "expected at least {min_fields} tab-separated fields, found {}",
                    fields.len()
                ),
            ));
        }
        rows.push((n + 1, fields));
    }
    Ok(rows)
}

/// A source field made safe for the output: trimmed, runs of whitespace
/// (tabs and newlines included) to one space, the list separator to `/`.
fn clean_field(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(LIST_SEPARATOR, "/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::occupation::Occupations;

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::write(dir.join(name), text).expect("write fixture");
    }

    /// A miniature of the four source files.
    fn sources() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path();
        write(
            p,
            ESCO_GROUPS_FILE,
            "conceptType,conceptUri,code,preferredLabel,status\n\
             ISCOGroup,u,2,Professionals,released\n\
             ISCOGroup,u,2512,Software developers,released\n\
             ISCOGroup,u,2511,Systems analysts,released\n\
             ISCOGroup,u,5,Service and sales workers,released\n\
             ISCOGroup,u,5223,Shop sales assistants,released\n",
        );
        write(
            p,
            ESCO_OCCUPATIONS_FILE,
            "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,code\n\
             Occupation,http://data.europa.eu/esco/occupation/b,2512,software developer,\"software engineer\nSoftware Developer\nprogrammer\",,2512.4\n\
             Occupation,http://data.europa.eu/esco/occupation/a,2511,ICT system analyst,\"systems analyst\",,2511.1\n\
             Occupation,http://data.europa.eu/esco/occupation/c,5223,sales assistant,\"shop assistant\",,5223.1\n",
        );
        write(
            p,
            ONET_OCCUPATIONS_FILE,
            "O*NET-SOC Code\tTitle\tDescription\r\n\
             15-1252.00\tSoftware Developers\tDevelop software.\r\n\
             41-2031.00\tRetail Salespersons\tSell.\r\n\
             99-0000.00\tAstronauts\tFly.\r\n",
        );
        write(
            p,
            ONET_TITLES_FILE,
            "O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)\r\n\
             15-1252.00\tSoftware Engineer\tn/a\t01\r\n\
             15-1252.00\tProgrammer\tn/a\t01\r\n\
             15-1252.00\tSystems Analyst\tn/a\t01\r\n\
             15-1252.00\tJava Developer\tn/a\t01\r\n\
             15-1252.00\tTeam Lead\tn/a\t01\r\n\
             41-2031.00\tSales Assistant\tn/a\t01\r\n\
             41-2031.00\tRetail Clerk\tn/a\t01\r\n\
             99-0000.00\tSpace Pilot\tn/a\t01\r\n",
        );
        dir
    }

    #[test]
    fn import_maps_onet_by_majority_and_counts_what_it_leaves_out() {
        let dir = sources();
        let import = import(dir.path()).expect("import");
        let r = &import.report;
        assert_eq!(r.occupations, 3);
        assert_eq!(
            r.esco_duplicates, 1,
            "Software Developer repeats the preferred label"
        );
        assert_eq!(r.onet_occupations, 3);
        assert_eq!(r.onet_mapped, 1, "{r:?}");
        assert_eq!(r.onet_weak, 1, "one matching title is not enough support");
        assert_eq!(r.onet_unmatched, 1);
        assert_eq!(r.onet_titles_added, 2, "Java Developer and Team Lead");

        let o = Occupations::parse(&import.text, "imported").expect("the output loads");
        let dev = o.by_code("2512.4").expect("software developer");
        assert_eq!(o.onet("15-1252.00").map(|m| m.occupation), Some(dev));
        assert_eq!(o.onet("41-2031.00"), None);
        let onet: Vec<&str> = o
            .labels_of(dev)
            .filter(|l| l.kind == crate::occupation::LabelKind::Onet)
            .map(|l| l.text)
            .collect();
        assert_eq!(onet, ["Java Developer", "Team Lead"]);
        assert!(import.text.contains(ESCO_ATTRIBUTION));
        assert!(import.text.contains(ONET_ATTRIBUTION));
        // Occupations are in ESCO code order.
        let first = o.iter().next().map(|(_, occ)| occ.code.clone());
        assert_eq!(first.as_deref(), Some("2511.1"));
    }

    #[test]
    fn import_is_deterministic() {
        let dir = sources();
        let a = import(dir.path()).expect("import").text;
        let b = import(dir.path()).expect("import").text;
        assert_eq!(a, b);
    }

    #[test]
    fn import_names_the_missing_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let error = import(dir.path()).expect_err("nothing there").to_string();
        assert!(error.contains(ESCO_GROUPS_FILE), "{error}");
    }

    #[test]
    fn natural_code_order_compares_numbers() {
        use std::cmp::Ordering::*;
        assert_eq!(natural_code_order("2512.4", "2512.10"), Less);
        assert_eq!(natural_code_order("2512.4", "2512.4.1"), Less);
        assert_eq!(natural_code_order("0110.1", "1111.1"), Less);
    }
}
