//! O*NET Technology Skills import.
//!
//! The file (`Technology Skills.txt`, tab-separated) has one row per
//! occupation × technology: `Example` (the technology as O*NET names it),
//! `Commodity Code` and `Commodity Title` (its UNSPSC class), and the
//! `Hot Technology` and `In Demand` flags. Each distinct example becomes a
//! skill under its commodity, which becomes a skill too; the flags become
//! the tags `hot-technology` and `in-demand` (set when any occupation's row
//! sets them).
//!
//! O*NET names products formally ("Microsoft Excel", "Hypertext markup
//! language HTML", "Ansible software"); real text writes "Excel", "HTML",
//! "Ansible". The forms text uses are derived by three rules
//! ([`derived_forms`]): drop a trailing "software"; split a trailing
//! acronym from the name it abbreviates; drop a vendor's name (a capitalised
//! first word that starts at least [`VENDOR_MIN_PRODUCTS`] examples) when a
//! capitalised product name follows. A one-word form left once the vendor
//! is dropped ("Project" of "Microsoft Project") counts only with the
//! vendor's name or a related skill nearby, as ESCO's qualified heads do.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use super::{read_utf8, Import, ImportedSkill, SourceFile};
use crate::error::{Error, Location, Result};
use crate::taxonomy::ambiguity::abbreviates;

/// The one file an O*NET import writes, and the category of its skills.
const TECHNOLOGY: &str = "onet-technology";

/// A capitalised first word that starts at least this many multi-word
/// examples is a vendor ("Microsoft", "Oracle", "Autodesk").
pub const VENDOR_MIN_PRODUCTS: usize = 5;

/// Attribution the O*NET licence (CC BY 4.0) asks for.
pub const ATTRIBUTION: &str = "This taxonomy includes information from the O*NET Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license; modified (converted, with derived forms). USDOL/ETA has not approved, endorsed, or tested these modifications.";

const REQUIRED: [&str; 5] = [
    "Example",
    "Commodity Code",
    "Commodity Title",
    "Hot Technology",
    "In Demand",
];

/// First words that are never vendors.
const NOT_VENDORS: &[&str] = &["The", "A", "An"];

#[derive(Debug, Default)]
struct Example {
    commodities: BTreeSet<String>,
    hot: bool,
    in_demand: bool,
    occupations: BTreeSet<String>,
}

/// The forms real text uses for an O*NET example name, besides the name.
pub fn derived_forms(example: &str, vendors: &BTreeSet<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let push = |f: &str, out: &mut Vec<String>| {
        let f = f.trim();
        if !f.is_empty() && f != example && !out.iter().any(|o| o == f) {
            out.push(f.to_string());
        }
    };
    let base = example
        .strip_suffix(" software")
        .map(str::trim)
        .unwrap_or(example);
    push(base, &mut out);
    let mut names = vec![base.to_string()];
    // "Hypertext markup language HTML" → "HTML", "Hypertext markup language".
    let words: Vec<&str> = base.split_whitespace().collect();
    if words.len() >= 3 {
        let last = words[words.len() - 1];
        let is_acronym = last.chars().count() >= 2
            && last
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && last.chars().any(|c| c.is_ascii_uppercase());
        if is_acronym {
            let head = words[..words.len() - 1].join(" ");
            let unbranded = head
                .split_once(' ')
                .filter(|(first, _)| vendors.contains(*first))
                .map(|(_, rest)| rest);
            // Only when the acronym abbreviates the words before it, so
            // "Amazon Web Services AWS CloudFormation" is left alone.
            if abbreviates(last, &head) || unbranded.is_some_and(|u| abbreviates(last, u)) {
                push(last, &mut out);
                push(&head, &mut out);
                names.push(head);
            }
        }
    }
    // "Microsoft Excel" → "Excel".
    for name in names {
        let mut parts = name.splitn(2, ' ');
        if let (Some(first), Some(rest)) = (parts.next(), parts.next()) {
            if vendors.contains(first) && rest.starts_with(|c: char| c.is_uppercase()) {
                push(rest, &mut out);
            }
        }
    }
    out
}

/// Vendors: capitalised first words starting at least
/// [`VENDOR_MIN_PRODUCTS`] multi-word examples.
pub fn vendors<'a>(examples: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for e in examples {
        let mut words = e.split_whitespace();
        if let (Some(first), Some(_)) = (words.next(), words.next()) {
            if first.starts_with(|c: char| c.is_uppercase()) && !NOT_VENDORS.contains(&first) {
                *counts.entry(first).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= VENDOR_MIN_PRODUCTS)
        .map(|(w, _)| w.to_string())
        .collect()
}

/// Reads the O*NET Technology Skills file(s) into an [`Import`].
pub fn import(files: &[impl AsRef<Path>]) -> Result<Import> {
    import_files(&SourceFile::all_strict(files))
}

/// Reads O*NET Technology Skills files; those marked
/// [`SourceFile::skip_if_unknown`] are skipped with a note when their header
/// is not that file's (an O*NET database folder holds many other tables).
pub fn import_files(files: &[SourceFile]) -> Result<Import> {
    let mut examples: BTreeMap<String, Example> = BTreeMap::new();
    let mut commodities: BTreeMap<String, String> = BTreeMap::new();
    let mut notes = Vec::new();
    let mut sorted: Vec<&SourceFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    sorted.dedup_by(|a, b| a.path == b.path);
    for file in sorted {
        let path = file.path.as_path();
        let name = path.display().to_string();
        let text = read_utf8(path)?;
        let mut lines = text.lines().enumerate();
        let header: Vec<&str> = match lines.next() {
            Some((_, h)) => h.split('\t').map(str::trim).collect(),
            None if file.skip_if_unknown => continue,
            None => return Err(Error::input(Location::file(&name), "the file is empty")),
        };
        let mut at = [0usize; 5];
        let mut missing = None;
        for (slot, column) in at.iter_mut().zip(REQUIRED) {
            match header.iter().position(|h| *h == column) {
                Some(i) => *slot = i,
                None => {
                    missing = Some(column);
                    break;
                }
            }
        }
        if let Some(column) = missing {
            if file.skip_if_unknown {
                notes.push(format!(
                    "{name}: not an O*NET Technology Skills file: skipped"
                ));
                continue;
            }
            return Err(Error::input(
                Location::at(&name, 1, 1),
                format!(
                    "not an O*NET Technology Skills file: no {column:?} column (tab-separated header expected: O*NET-SOC Code, Example, Commodity Code, Commodity Title, Hot Technology, In Demand)"
                ),
            ));
        }
        let occupation = header.iter().position(|h| *h == "O*NET-SOC Code");
        for (i, line) in lines {
            if line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            let get = |k: usize| fields.get(at[k]).copied();
            let (Some(example), Some(code), Some(title), Some(hot), Some(demand)) =
                (get(0), get(1), get(2), get(3), get(4))
            else {
                return Err(Error::input(
                    Location::at(&name, i + 1, 1),
                    format!(
                        "{} tab-separated fields, the header has {}",
                        fields.len(),
                        header.len()
                    ),
                ));
            };
            let empty = |v: &str| crate::normalize::normalize(v).is_empty();
            if empty(example) || empty(code) || empty(title) {
                return Err(Error::input(
                    Location::at(&name, i + 1, 1),
                    "empty Example, Commodity Code or Commodity Title",
                ));
            }
            let flag = |v: &str, column: &str| match v {
                "Y" => Ok(true),
                "N" => Ok(false),
                other => Err(Error::input(
                    Location::at(&name, i + 1, 1),
                    format!("{column} is {other:?}: expected Y or N"),
                )),
            };
            let entry = examples.entry(example.to_string()).or_default();
            entry.commodities.insert(code.to_string());
            entry.hot |= flag(hot, "Hot Technology")?;
            entry.in_demand |= flag(demand, "In Demand")?;
            if let Some(o) = occupation.and_then(|o| fields.get(o)) {
                entry.occupations.insert(o.to_string());
            }
            commodities
                .entry(code.to_string())
                .or_insert_with(|| title.to_string());
        }
    }
    if examples.is_empty() {
        return Err(Error::input(
            Location::file(format!("the {} O*NET file(s) given", files.len())),
            "no technology rows in them: give the Technology Skills file",
        ));
    }

    let vendors = vendors(examples.keys().map(String::as_str));
    let mut import = Import {
        prefix: "onet".into(),
        header: vec![ATTRIBUTION.to_string()],
        notes,
        ..Import::default()
    };
    import.file_titles.insert(
        TECHNOLOGY.into(),
        "O*NET technology skills: each example technology under its UNSPSC commodity, imported"
            .into(),
    );
    // One root over the commodity classes, so a class whose title is also
    // an example's name ("Accounting software") is told apart by it.
    import.skills.push(ImportedSkill {
        key: "root".into(),
        label: "O*NET technology classes".into(),
        file: TECHNOLOGY.into(),
        category: TECHNOLOGY.into(),
        tags: vec!["root".into()],
        ..ImportedSkill::default()
    });
    // An example named as its own class ("Accounting software" under
    // "Accounting software") is the class: its flags go to the class.
    let mut class_tags: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let is_class = |name: &str, e: &Example| {
        e.commodities
            .iter()
            .any(|c| commodities[c].eq_ignore_ascii_case(name))
    };
    for (name, e) in &examples {
        if is_class(name, e) {
            for c in &e.commodities {
                let tags = class_tags.entry(c.as_str()).or_default();
                if e.hot {
                    tags.insert("hot-technology");
                }
                if e.in_demand {
                    tags.insert("in-demand");
                }
            }
        }
    }
    for (code, title) in &commodities {
        let mut tags = vec!["commodity".to_string()];
        tags.extend(
            class_tags
                .get(code.as_str())
                .into_iter()
                .flatten()
                .map(|t| t.to_string()),
        );
        import.skills.push(ImportedSkill {
            key: format!("commodity:{code}"),
            label: title.clone(),
            file: TECHNOLOGY.into(),
            category: TECHNOLOGY.into(),
            parents: vec!["root".into()],
            source_id: code.clone(),
            tags,
            ..ImportedSkill::default()
        });
    }
    for (name, e) in &examples {
        if is_class(name, e) {
            continue;
        }
        let mut tags = Vec::new();
        if e.hot {
            tags.push("hot-technology".to_string());
        }
        if e.in_demand {
            tags.push("in-demand".to_string());
        }
        if !e.occupations.is_empty() {
            tags.push(format!("occupations-{}", e.occupations.len()));
        }
        import.skills.push(ImportedSkill {
            key: format!("example:{name}"),
            label: name.clone(),
            aliases: Vec::new(),
            derived: derived_forms(name, &vendors),
            file: TECHNOLOGY.into(),
            category: TECHNOLOGY.into(),
            parents: e
                .commodities
                .iter()
                .map(|c| format!("commodity:{c}"))
                .collect(),
            related: Vec::new(),
            source_id: e.commodities.iter().cloned().collect::<Vec<_>>().join(" "),
            tags,
            // "Microsoft Project" → "Project": the vendor told its sense, so
            // a one-word form needs the vendor's name or a related skill nearby.
            one_word_qualifiers: name
                .split_once(' ')
                .filter(|(first, _)| vendors.contains(*first))
                .map(|(first, _)| vec![first.to_lowercase()]),
            extra_qualifiers: Vec::new(),
        });
    }
    Ok(import)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_forms_table() {
        let vendors: BTreeSet<String> = ["Microsoft", "Amazon", "Apache"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let table: [(&str, &[&str]); 8] = [
            ("Microsoft Excel", &["Excel"]),
            ("Ansible software", &["Ansible"]),
            (
                "Hypertext markup language HTML",
                &["HTML", "Hypertext markup language"],
            ),
            (
                "Apache Subversion SVN",
                &["SVN", "Apache Subversion", "Subversion SVN", "Subversion"],
            ),
            ("Autodesk AutoCAD Civil 3D", &[]),
            (
                "Amazon Web Services AWS CloudFormation",
                &["Web Services AWS CloudFormation"],
            ),
            (
                "Computer aided design CAD software",
                &["Computer aided design CAD", "CAD", "Computer aided design"],
            ),
            ("Python", &[]),
        ];
        for (example, want) in table {
            assert_eq!(derived_forms(example, &vendors), want, "{example}");
        }
    }

    #[test]
    fn acronyms_table() {
        let table = [
            ("HTML", "Hypertext markup language", true),
            ("EC2", "Elastic Compute Cloud", true),
            ("SVN", "Subversion", true),
            ("BGP", "Border Gateway Protocol", true),
            ("IDE", "Visual Studio", false),
            ("3D", "AutoCAD Civil", false),
            ("AWS", "Amazon Web Services", true),
            ("X", "Xylophone", false),
        ];
        for (acronym, name, want) in table {
            assert_eq!(abbreviates(acronym, name), want, "{acronym} {name}");
        }
    }

    #[test]
    fn vendors_need_several_products() {
        let names = [
            "Acme One",
            "Acme Two",
            "Acme Three",
            "Acme Four",
            "Acme Five",
            "Solo Thing",
            "The A",
            "The B",
            "The C",
            "The D",
            "The E",
        ];
        let v = vendors(names);
        assert!(v.contains("Acme"));
        assert!(!v.contains("Solo") && !v.contains("The"), "{v:?}");
    }
}
