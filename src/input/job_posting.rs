//! schema.org `JobPosting` objects (the JSON-LD job boards embed for search
//! engines) rendered as posting text.
//!
//! The structured fields are turned into the text shape the posting parser
//! already reads, rather than into requirements directly: a title line;
//! "Company:", "Location:" and "Salary:" lines; the description; then
//! "Responsibilities", "Requirements" and "Preferred" headers, each over
//! one "- " bullet per item. So one extraction path serves plain text, HTML
//! and JSON-LD alike, a posting gives the same requirements whichever way
//! it arrives, and every requirement still quotes a line of a text the user
//! can be shown. Fields are read leniently, because real JSON-LD is
//! hand-written by CMS templates: a string where an object is expected, a
//! number where a string is, arrays of arrays, nulls, HTML inside strings.
//! Whatever cannot be read is left out; nothing here fails or panics.

use serde_json::{Map, Value};

use super::html::{html_to_text, json_ld_values};

/// Arrays nested deeper than this inside one field are not read: real
/// postings nest one level, and the limit keeps odd input from recursing
/// far.
const MAX_NESTING: usize = 8;

/// The header over the `responsibilities` items.
const RESPONSIBILITIES_HEADER: &str = "Responsibilities";

/// The header over `qualifications`, `skills`, `experienceRequirements` and
/// `educationRequirements` items.
const REQUIREMENTS_HEADER: &str = "Requirements";

/// The header over `preferredQualifications` items.
const PREFERRED_HEADER: &str = "Preferred";

/// How schema.org credential categories ("bachelor degree") are written in
/// postings, so the education parser sees the level: the first entry whose
/// phrase the lowercase category contains wins.
const CREDENTIAL_CATEGORIES: &[(&str, &str)] = &[
    ("high school", "High school diploma"),
    ("associate", "Associate degree"),
    ("bachelor", "Bachelor's degree"),
    ("postgraduate", "Postgraduate degree"),
    ("master", "Master's degree"),
    ("doctor", "Doctoral degree"),
    ("phd", "Doctoral degree"),
    ("professional certificate", "Professional certificate"),
];

/// Symbols written before an amount, per ISO currency code, in the forms
/// the salary reader recognizes ("$", "CA$", "€", "£"). Other currencies
/// are written as "60,000 CHF".
const CURRENCY_SYMBOLS: &[(&str, &str)] = &[
    ("USD", "$"),
    ("EUR", "\u{20ac}"),
    ("GBP", "\u{a3}"),
    ("CAD", "CA$"),
    ("AUD", "A$"),
    ("NZD", "NZ$"),
    ("SGD", "S$"),
    ("HKD", "HK$"),
];

/// Pay periods (`unitText`) and how they are written after the amount.
const PAY_PERIODS: &[(&str, &str)] = &[
    ("YEAR", "per year"),
    ("MONTH", "per month"),
    ("WEEK", "per week"),
    ("DAY", "per day"),
    ("HOUR", "per hour"),
];

/// Does `value` declare itself a schema.org `JobPosting`? Its `@type` is
/// "JobPosting" (also with a `schema:` or schema.org URL prefix), or an
/// array holding that.
pub(crate) fn is_job_posting(value: &Value) -> bool {
    match value.get("@type") {
        Some(Value::String(kind)) => is_posting_type(kind),
        Some(Value::Array(kinds)) => kinds
            .iter()
            .any(|k| k.as_str().is_some_and(is_posting_type)),
        _ => false,
    }
}

/// Is `kind` the JobPosting type, in any of the spellings JSON-LD allows?
fn is_posting_type(kind: &str) -> bool {
    let kind = kind.trim();
    kind == "JobPosting"
        || ["schema:", "http://schema.org/", "https://schema.org/"]
            .iter()
            .any(|prefix| kind.strip_prefix(prefix) == Some("JobPosting"))
}

/// Every schema.org `JobPosting` object in the page's JSON-LD blocks, in
/// page order: a block holding one, an array of them, a `@graph`, or a page
/// object whose `mainEntity` is the posting.
pub(crate) fn json_ld_postings(html: &str) -> Vec<Value> {
    let mut postings = Vec::new();
    for value in json_ld_values(html) {
        collect_postings(value, &mut postings);
    }
    postings
}

/// Moves the `JobPosting` objects in `value` to `out`. serde_json's own
/// nesting limit bounds the recursion.
fn collect_postings(value: Value, out: &mut Vec<Value>) {
    if is_job_posting(&value) {
        out.push(value);
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect_postings(item, out);
            }
        }
        Value::Object(mut object) => {
            for key in ["@graph", "mainEntity"] {
                if let Some(inner) = object.remove(key) {
                    collect_postings(inner, out);
                }
            }
        }
        _ => {}
    }
}

/// A `JobPosting` rendered as posting text, with the fields it states
/// outright (which take precedence over what the parser guesses from the
/// text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JobPostingText {
    /// `identifier` (a string, or a `PropertyValue`'s `value`), else `@id`.
    pub id: Option<String>,
    /// `title`, else `name`.
    pub title: Option<String>,
    /// `hiringOrganization`: a string, or an organization's `name`.
    pub company: Option<String>,
    /// Every `jobLocation` ("Berlin, BE, DE"), and "Remote" for a
    /// `TELECOMMUTE` posting, joined by "; ".
    pub location: Option<String>,
    /// The posting as text (see the module documentation); ends with one
    /// newline, or is empty when no field could be read.
    pub text: String,
}

/// Renders a schema.org `JobPosting` as posting text (see the module
/// documentation for the layout).
pub(crate) fn job_posting_text(value: &Value) -> JobPostingText {
    let field = |key: &str| value.get(key);
    let title = field("title")
        .and_then(one_line)
        .or_else(|| field("name").and_then(one_line));
    let company = field("hiringOrganization").and_then(|v| name_of(v, 0));
    let location = location(value);
    let id = field("identifier")
        .and_then(|v| identifier(v, 0))
        .or_else(|| field("@id").and_then(one_line));

    let mut head = Vec::new();
    head.extend(title.clone());
    head.extend(company.as_ref().map(|c| format!("Company: {c}")));
    head.extend(location.as_ref().map(|l| format!("Location: {l}")));
    head.extend(
        field("baseSalary")
            .and_then(|v| salary(v, 0))
            .map(|s| format!("Salary: {s}")),
    );
    let mut blocks = Vec::new();
    if !head.is_empty() {
        blocks.push(head.join("\n"));
    }
    blocks.extend(field("description").and_then(|v| block_text(v, 0)));

    let equivalent = field("experienceInPlaceOfEducation").is_some_and(|v| match v {
        Value::Bool(b) => *b,
        Value::String(s) => s.trim().eq_ignore_ascii_case("true"),
        _ => false,
    });
    let mut responsibilities = Items::default();
    responsibilities.add(field("responsibilities"), ItemKind::Plain);
    let mut requirements = Items::default();
    requirements.add(field("qualifications"), ItemKind::Plain);
    requirements.add(field("skills"), ItemKind::Plain);
    requirements.add(field("experienceRequirements"), ItemKind::Plain);
    requirements.add(
        field("educationRequirements"),
        ItemKind::Education { equivalent },
    );
    let mut preferred = Items::default();
    preferred.add(field("preferredQualifications"), ItemKind::Plain);
    for (header, items) in [
        (RESPONSIBILITIES_HEADER, responsibilities),
        (REQUIREMENTS_HEADER, requirements),
        (PREFERRED_HEADER, preferred),
    ] {
        if !items.lines.is_empty() {
            blocks.push(format!("{header}\n{}", items.lines.join("\n")));
        }
    }

    let mut text = blocks
        .iter()
        .map(|b| b.trim_end())
        .collect::<Vec<_>>()
        .join("\n\n");
    if !text.is_empty() {
        text.push('\n');
    }
    JobPostingText {
        id,
        title,
        company,
        location,
        text,
    }
}

/// A string or a number, as written.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Does `text` hold HTML: a tag ("<p", "</", "<!--") or an entity
/// ("&amp;", "&#39;")? "R&D" and "a < b" do not.
fn has_markup(text: &str) -> bool {
    let bytes = text.as_bytes();
    let tag = text.match_indices('<').any(|(i, _)| {
        bytes
            .get(i + 1)
            .is_some_and(|&c| c.is_ascii_alphabetic() || c == b'/' || c == b'!')
    });
    let entity = text.match_indices('&').any(|(i, _)| {
        let name = bytes[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'#')
            .count();
        (1..=10).contains(&name) && bytes.get(i + 1 + name) == Some(&b';')
    });
    tag || entity
}

/// The lines of a field's text: HTML through [`html_to_text`] (twice for
/// the HTML that templates escape once more, "&lt;p&gt;"), plain text
/// split at its line breaks. Whitespace runs inside a line are collapsed;
/// blank lines are kept (at most one in a row). Each line comes with its
/// nesting level, read from the indentation [`html_to_text`] gives nested
/// list items; plain text lines are all level 0.
fn text_lines(text: &str) -> Vec<(usize, String)> {
    let (text, from_html) = if has_markup(text) {
        let once = html_to_text(text);
        if !text.contains('<') && has_markup(&once) {
            (html_to_text(&once), true)
        } else {
            (once, true)
        }
    } else {
        (text.to_string(), false)
    };
    let mut out: Vec<(usize, String)> = Vec::new();
    for line in text.lines() {
        let body = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if body.is_empty() && out.last().is_none_or(|(_, l)| l.is_empty()) {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        out.push((if from_html { indent / 2 } else { 0 }, body));
    }
    while out.last().is_some_and(|(_, l)| l.is_empty()) {
        out.pop();
    }
    out
}

/// A field's text on one line: "Backend Engineer", "Acme Robotics".
fn one_line(value: &Value) -> Option<String> {
    let text = scalar(value)?;
    let joined = text_lines(&text)
        .into_iter()
        .map(|(_, l)| l)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (!joined.is_empty()).then_some(joined)
}

/// A field's text as a block of lines (the description): a string, or an
/// array of strings read as paragraphs.
fn block_text(value: &Value, depth: usize) -> Option<String> {
    let text = match value {
        Value::Array(parts) if depth < MAX_NESTING => parts
            .iter()
            .filter_map(|p| block_text(p, depth + 1))
            .collect::<Vec<_>>()
            .join("\n\n"),
        _ => {
            let lines = text_lines(&scalar(value)?);
            lines
                .into_iter()
                .map(|(level, line)| {
                    // Nested bullets keep their indentation.
                    if line.is_empty() {
                        line
                    } else {
                        format!("{}{line}", "  ".repeat(level))
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        }
    };
    (!text.trim().is_empty()).then_some(text)
}

/// A name: a string, an object's `name` (or `legalName`), or the first
/// name in an array.
fn name_of(value: &Value, depth: usize) -> Option<String> {
    match value {
        Value::Object(object) => ["name", "legalName"]
            .iter()
            .find_map(|key| object.get(*key).and_then(one_line)),
        Value::Array(items) if depth < MAX_NESTING => {
            items.iter().find_map(|item| name_of(item, depth + 1))
        }
        _ => one_line(value),
    }
}

/// An identifier: a string or number, a `PropertyValue`'s `value` (else
/// its `name`), or the first identifier in an array.
fn identifier(value: &Value, depth: usize) -> Option<String> {
    match value {
        Value::Object(object) => ["value", "name"]
            .iter()
            .find_map(|key| object.get(*key).and_then(one_line)),
        Value::Array(items) if depth < MAX_NESTING => {
            items.iter().find_map(|item| identifier(item, depth + 1))
        }
        _ => one_line(value),
    }
}

/// The posting's locations joined by "; ", with "Remote" for a
/// `TELECOMMUTE` posting; duplicates are written once.
fn location(posting: &Value) -> Option<String> {
    let mut places = Vec::new();
    if let Some(value) = posting.get("jobLocation") {
        collect_places(value, &mut places, 0);
    }
    let remote = match posting.get("jobLocationType") {
        Some(Value::String(kind)) => kind.trim().eq_ignore_ascii_case("TELECOMMUTE"),
        Some(Value::Array(kinds)) => kinds.iter().any(|k| {
            k.as_str()
                .is_some_and(|k| k.trim().eq_ignore_ascii_case("TELECOMMUTE"))
        }),
        _ => false,
    };
    if remote {
        places.push("Remote".to_string());
    }
    let mut unique: Vec<String> = Vec::new();
    for place in places {
        if !unique.contains(&place) {
            unique.push(place);
        }
    }
    (!unique.is_empty()).then(|| unique.join("; "))
}

/// Adds the places in `value` (a `Place`, a bare `PostalAddress`, a
/// string, or an array of them) to `out`.
fn collect_places(value: &Value, out: &mut Vec<String>, depth: usize) {
    match value {
        Value::Array(items) if depth < MAX_NESTING => {
            for item in items {
                collect_places(item, out, depth + 1);
            }
        }
        Value::Object(place) => {
            // Some pages put the address itself where the place belongs.
            let address = place.get("address").unwrap_or(value);
            let written = match address {
                Value::Object(address) => {
                    let mut parts: Vec<String> = Vec::new();
                    for key in ["addressLocality", "addressRegion", "addressCountry"] {
                        // A country may be a `Country` object with a name.
                        let part = address.get(key).and_then(|v| name_of(v, depth + 1));
                        if let Some(part) = part.filter(|p| !parts.contains(p)) {
                            parts.push(part);
                        }
                    }
                    (!parts.is_empty()).then(|| parts.join(", "))
                }
                other => one_line(other),
            };
            out.extend(written.or_else(|| place.get("name").and_then(one_line)));
        }
        other => out.extend(one_line(other)),
    }
}

/// `baseSalary` as "$120,000 - $150,000 per year": a `MonetaryAmount`
/// whose `value` is a number or a `QuantitativeValue` (`minValue`,
/// `maxValue`, `value`, `unitText`); a bare number; or a string, kept as
/// written.
fn salary(value: &Value, depth: usize) -> Option<String> {
    match value {
        Value::Array(items) if depth < MAX_NESTING => {
            items.iter().find_map(|item| salary(item, depth + 1))
        }
        Value::Number(_) => amount(value).map(|a| money(None, a)),
        Value::Object(monetary) => {
            let inner = monetary.get("value");
            let quantity = inner.and_then(Value::as_object);
            let get = |key: &str| quantity.and_then(|q| q.get(key)).and_then(amount);
            let (min, max) = match quantity {
                Some(_) => {
                    let single = get("value");
                    (get("minValue").or(single), get("maxValue").or(single))
                }
                None => {
                    let single = inner.and_then(amount);
                    (single, single)
                }
            };
            let currency = monetary
                .get("currency")
                .or_else(|| quantity.and_then(|q| q.get("currency")))
                .and_then(one_line);
            let currency = currency.as_deref();
            let range = match (min, max) {
                (Some(min), Some(max)) if max > min => {
                    format!("{} - {}", money(currency, min), money(currency, max))
                }
                (Some(min), _) => money(currency, min),
                (None, Some(max)) => format!("up to {}", money(currency, max)),
                (None, None) => return None,
            };
            let unit = quantity
                .and_then(|q| q.get("unitText"))
                .or_else(|| monetary.get("unitText"))
                .and_then(Value::as_str)
                .map(|u| u.trim().to_ascii_uppercase());
            let period = unit.and_then(|u| {
                PAY_PERIODS
                    .iter()
                    .find(|(code, _)| *code == u)
                    .map(|&(_, words)| words)
            });
            Some(match period {
                Some(period) => format!("{range} {period}"),
                None => range,
            })
        }
        _ => one_line(value),
    }
}

/// A non-negative amount: a number, or a string of digits with thousands
/// commas ("120,000").
fn amount(value: &Value) -> Option<f64> {
    let n = match value {
        Value::Number(n) => n.as_f64()?,
        Value::String(s) => s.trim().replace(',', "").parse().ok()?,
        _ => return None,
    };
    (n.is_finite() && n >= 0.0).then_some(n)
}

/// An amount in `currency`: "$120,000", "€55.50", "60,000 CHF".
fn money(currency: Option<&str>, amount: f64) -> String {
    let number = if amount.fract() == 0.0 {
        grouped(&format!("{amount:.0}"))
    } else {
        let fixed = format!("{amount:.2}");
        let (whole, cents) = fixed.split_once('.').unwrap_or((&fixed, "00"));
        format!("{}.{cents}", grouped(whole))
    };
    let Some(code) = currency else {
        return number;
    };
    let code = code.trim().to_ascii_uppercase();
    match CURRENCY_SYMBOLS.iter().find(|(c, _)| *c == code) {
        Some((_, symbol)) => format!("{symbol}{number}"),
        None => format!("{number} {code}"),
    }
}

/// Digits with a comma every three from the right: "120000" → "120,000".
fn grouped(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// How the items of a field are read.
#[derive(Debug, Clone, Copy)]
enum ItemKind {
    /// As written.
    Plain,
    /// Education: a bare credential category ("bachelor degree") is
    /// written as a degree ("Bachelor's degree"), and `equivalent` adds
    /// "or equivalent experience" (the posting's
    /// `experienceInPlaceOfEducation`).
    Education {
        /// Experience is accepted in place of the degree.
        equivalent: bool,
    },
}

/// The "- " lines of one section, without repeats.
#[derive(Debug, Default)]
struct Items {
    lines: Vec<String>,
}

impl Items {
    /// Adds the items of a field: a string (HTML or lines of text), a
    /// number, an object (a `DefinedTerm`, a credential, an experience
    /// requirement), or an array of any of these.
    fn add(&mut self, value: Option<&Value>, kind: ItemKind) {
        if let Some(value) = value {
            self.add_value(value, kind, 0);
        }
    }

    fn add_value(&mut self, value: &Value, kind: ItemKind, depth: usize) {
        match value {
            Value::Array(items) if depth < MAX_NESTING => {
                for item in items {
                    self.add_value(item, kind, depth + 1);
                }
            }
            Value::Object(object) => self.add_object(object, kind, depth),
            _ => {
                if let Some(text) = scalar(value) {
                    self.add_text(&text, kind);
                }
            }
        }
    }

    fn add_object(&mut self, object: &Map<String, Value>, kind: ItemKind, depth: usize) {
        if let Some(years) = object.get("monthsOfExperience").and_then(years_of) {
            self.push(0, format!("{years}+ years of experience"));
        }
        let credential = object
            .get("credentialCategory")
            .and_then(|c| name_of(c, depth + 1).or_else(|| object_term_code(c)));
        if let Some(category) = credential {
            self.push(0, education(&degree(&category), kind));
        } else if let Some(name) = object.get("name").and_then(one_line) {
            self.add_text(&name, kind);
        }
        if let Some(description) = object.get("description") {
            if depth < MAX_NESTING {
                self.add_value(description, kind, depth + 1);
            }
        }
    }

    /// Adds the lines of a text as items: one per line, bullets ("•",
    /// "*", "-") rewritten as "- ", nested list items kept nested. A
    /// line that continues a list item (its second paragraph) joins it.
    fn add_text(&mut self, text: &str, kind: ItemKind) {
        for (level, line) in text_lines(text) {
            if line.is_empty() {
                continue;
            }
            let (bulleted, body) = strip_bullet(&line);
            let continues = level > 0 && !bulleted;
            match self.lines.last_mut() {
                Some(last) if continues => {
                    last.push(' ');
                    last.push_str(body);
                }
                _ => {
                    let body = match kind {
                        ItemKind::Education { .. } => {
                            let known = known_degree(body);
                            education(known.unwrap_or(body), kind)
                        }
                        ItemKind::Plain => body.to_string(),
                    };
                    self.push(level.saturating_sub(usize::from(continues)), body);
                }
            }
        }
    }

    fn push(&mut self, level: usize, body: String) {
        let line = format!("{}- {body}", "  ".repeat(level));
        if !self.lines.contains(&line) {
            self.lines.push(line);
        }
    }
}

/// An education item, with "or equivalent experience" when the posting
/// accepts it and the text does not say so already.
fn education(text: &str, kind: ItemKind) -> String {
    match kind {
        ItemKind::Education { equivalent: true } if !text.to_lowercase().contains("equivalent") => {
            format!("{text} or equivalent experience")
        }
        _ => text.to_string(),
    }
}

/// A `DefinedTerm`'s `termCode`, for credential categories given by code.
fn object_term_code(value: &Value) -> Option<String> {
    value.get("termCode").and_then(one_line)
}

/// `line` without a leading bullet ("- ", "• ", "* ", "· ", "– "), and
/// whether it had one.
fn strip_bullet(line: &str) -> (bool, &str) {
    for mark in ['-', '\u{2022}', '*', '\u{b7}', '\u{2013}', '\u{25aa}'] {
        if let Some(rest) = line.strip_prefix(mark) {
            if rest.starts_with(' ') {
                return (true, rest.trim_start());
            }
        }
    }
    (false, line)
}

/// Months of experience as whole or half years ("18" → "1.5"); `None`
/// for less than a quarter of a year, which is no requirement, and for
/// over a century, which is a data error.
fn years_of(months: &Value) -> Option<String> {
    let months = amount(months)?;
    let years = (months / 6.0).round() / 2.0;
    if years <= 0.0 || years > 100.0 {
        return None;
    }
    Some(if years.fract() == 0.0 {
        format!("{years:.0}")
    } else {
        format!("{years:.1}")
    })
}

/// A credential category as postings write the degree: "bachelor degree"
/// → "Bachelor's degree"; an unknown category as given, capitalized.
fn degree(category: &str) -> String {
    let lower = category.to_lowercase();
    let known = CREDENTIAL_CATEGORIES
        .iter()
        .find(|(phrase, _)| lower.contains(phrase));
    if let Some((_, written)) = known {
        return (*written).to_string();
    }
    let mut chars = category.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The written form of a schema.org credential category, when `text` is
/// exactly one ("bachelor degree", "Master Degree", "high school"). Free
/// text ("PhD in Physics") is already written as a posting writes it.
fn known_degree(text: &str) -> Option<&'static str> {
    let lower = text.trim().to_lowercase();
    let category = lower.strip_suffix(" degree").unwrap_or(&lower);
    CREDENTIAL_CATEGORIES
        .iter()
        .find(|(phrase, _)| *phrase == category)
        .map(|&(_, written)| written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::posting::{parse_postings, Posting, RequirementKind, Section};
    use crate::extract::{DegreeLevel, Matcher};
    use crate::taxonomy::{SkillId, Taxonomy};
    use serde_json::json;

    /// A posting with every field the renderer reads.
    fn full_posting() -> Value {
        json!({
            "@context": "https://schema.org/",
            "@type": "JobPosting",
            "@id": "https://jobs.example.com/42#posting",
            "identifier": {"@type": "PropertyValue", "name": "Acme", "value": "ACME-42"},
            "title": "Senior Backend Engineer",
            "hiringOrganization": {"@type": "Organization", "name": "Acme Robotics", "sameAs": "https://acme.example"},
            "jobLocation": [
                {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Berlin", "addressRegion": "BE", "addressCountry": "DE"}},
                {"@type": "Place", "address": {"addressLocality": "Munich", "addressCountry": {"@type": "Country", "name": "DE"}}}
            ],
            "jobLocationType": "TELECOMMUTE",
            "baseSalary": {
                "@type": "MonetaryAmount",
                "currency": "EUR",
                "value": {"@type": "QuantitativeValue", "minValue": 60000, "maxValue": 80000, "unitText": "YEAR"}
            },
            "description": "<p>Acme builds warehouse robots &amp; the software that drives them.</p><p>You will join the fleet team.</p>",
            "responsibilities": "<ul><li>Design and build services in Rust</li><li>Run Kubernetes clusters in production</li></ul>",
            "qualifications": ["Experience with Java or C++", "Knowledge of distributed systems"],
            "skills": [{"@type": "DefinedTerm", "name": "PostgreSQL"}, "Docker", null, 7],
            "experienceRequirements": {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": 42},
            "educationRequirements": {"@type": "EducationalOccupationalCredential", "credentialCategory": "bachelor degree"},
            "experienceInPlaceOfEducation": true,
            "preferredQualifications": "Experience with Go or Python"
        })
    }

    const FULL_POSTING_TEXT: &str = "\
Senior Backend Engineer
Company: Acme Robotics
Location: Berlin, BE, DE; Munich, DE; Remote
Salary: \u{20ac}60,000 - \u{20ac}80,000 per year

Acme builds warehouse robots & the software that drives them.

You will join the fleet team.

Responsibilities
- Design and build services in Rust
- Run Kubernetes clusters in production

Requirements
- Experience with Java or C++
- Knowledge of distributed systems
- PostgreSQL
- Docker
- 7
- 3.5+ years of experience
- Bachelor's degree or equivalent experience

Preferred
- Experience with Go or Python
";

    fn with_matcher(check: impl FnOnce(&Matcher<'_>)) {
        let taxonomy = Taxonomy::embedded().expect("the embedded taxonomy loads");
        let matcher = Matcher::new(&taxonomy).expect("the matcher builds");
        check(&matcher);
    }

    /// The skill ids of `ids`, as the taxonomy names them.
    fn skill_ids(matcher: &Matcher<'_>, ids: &[SkillId]) -> Vec<String> {
        let taxonomy = matcher.taxonomy();
        ids.iter()
            .map(|&id| taxonomy.skill(id).id.clone())
            .collect()
    }

    /// Each requirement as (section, kind, skill ids, min years).
    type Summary = Vec<(Section, RequirementKind, Vec<String>, Option<f32>)>;

    fn requirements(matcher: &Matcher<'_>, posting: &Posting) -> Summary {
        posting
            .requirements
            .iter()
            .map(|r| {
                (
                    r.section,
                    r.kind,
                    skill_ids(matcher, &r.any_of),
                    r.min_years,
                )
            })
            .collect()
    }

    #[test]
    fn a_full_posting_renders_every_field() {
        let rendered = job_posting_text(&full_posting());
        assert_eq!(rendered.text, FULL_POSTING_TEXT);
        assert_eq!(rendered.id.as_deref(), Some("ACME-42"));
        assert_eq!(rendered.title.as_deref(), Some("Senior Backend Engineer"));
        assert_eq!(rendered.company.as_deref(), Some("Acme Robotics"));
        assert_eq!(
            rendered.location.as_deref(),
            Some("Berlin, BE, DE; Munich, DE; Remote")
        );
    }

    #[test]
    fn the_posting_parser_reads_the_rendered_text() {
        let text = job_posting_text(&full_posting()).text;
        with_matcher(|matcher| {
            let postings = parse_postings(matcher, "job", &text);
            assert_eq!(postings.len(), 1, "{postings:#?}");
            let p = &postings[0];
            assert_eq!(p.title.as_deref(), Some("Senior Backend Engineer"));
            assert_eq!(p.company.as_deref(), Some("Acme Robotics"));
            assert_eq!(p.remote, Some(true));
            let salary = p.salary.as_ref().expect("a salary");
            assert_eq!(
                (salary.min, salary.max, salary.currency.as_str()),
                (60000.0, 80000.0, "EUR")
            );
            let by_line = |needle: &str| {
                p.requirements
                    .iter()
                    .filter(|r| r.text.contains(needle))
                    .collect::<Vec<_>>()
            };
            let sections = |needle: &str| {
                by_line(needle)
                    .iter()
                    .map(|r| r.section)
                    .collect::<Vec<_>>()
            };
            assert_eq!(sections("Rust"), [Section::Responsibility]);
            assert_eq!(sections("Java or C++"), [Section::Required]);
            assert_eq!(sections("Go or Python"), [Section::Preferred]);
            let java = by_line("Java or C++");
            assert_eq!(skill_ids(matcher, &java[0].any_of), ["java", "cpp"]);
            let years = by_line("years of experience");
            assert_eq!(years.len(), 1);
            assert_eq!(
                (years[0].kind, years[0].min_years),
                (RequirementKind::Experience, Some(3.5))
            );
            let degree = by_line("Bachelor");
            let education = degree[0]
                .education
                .as_ref()
                .expect("an education requirement");
            assert_eq!(degree[0].kind, RequirementKind::Education);
            assert_eq!(education.level, DegreeLevel::Bachelor);
            assert!(education.or_equivalent);
        });
    }

    /// The same posting as a page with JSON-LD, as the page's own markup,
    /// and as the plain text a user would paste: the same requirements.
    #[test]
    fn json_ld_html_and_plain_text_give_the_same_requirements() {
        let plain = "\
Platform Engineer
Company: Northwind
Location: Toronto, ON

Northwind runs logistics software for grocers.

Responsibilities
- Operate Kubernetes clusters with Terraform

Requirements
- 5+ years of experience with Python
- Experience with AWS or GCP
- PostgreSQL, Redis and Kafka
- Bachelor's degree in Computer Science

Preferred
- Experience with Go
";
        let posting = json!({
            "@type": "JobPosting",
            "title": "Platform Engineer",
            "hiringOrganization": "Northwind",
            "jobLocation": {"address": {"addressLocality": "Toronto", "addressRegion": "ON"}},
            "description": "<p>Northwind runs logistics software for grocers.</p>",
            "responsibilities": ["Operate Kubernetes clusters with Terraform"],
            "qualifications": "<ul><li>5+ years of experience with Python</li><li>Experience with AWS or GCP</li></ul>",
            "skills": "PostgreSQL, Redis and Kafka",
            "educationRequirements": "Bachelor's degree in Computer Science",
            "preferredQualifications": ["Experience with Go"]
        });
        let page = format!(
            r#"<!DOCTYPE html><html><head>
<script type="application/ld+json">{posting}</script></head>
<body><h1>Platform Engineer</h1>
<p>Company: Northwind<br>Location: Toronto, ON</p>
<p>Northwind runs logistics software for grocers.</p>
<h2>Responsibilities</h2><ul><li>Operate Kubernetes clusters with Terraform</li></ul>
<h2>Requirements</h2><ul><li>5+ years of experience with Python</li>
<li>Experience with AWS or GCP</li><li>PostgreSQL, Redis and Kafka</li>
<li>Bachelor&#39;s degree in Computer Science</li></ul>
<p><strong>Preferred</strong></p><ul><li>Experience with Go</li></ul>
</body></html>"#
        );
        let from_json_ld = json_ld_postings(&page);
        assert_eq!(from_json_ld.len(), 1);
        let rendered = job_posting_text(&from_json_ld[0]).text;
        assert_eq!(rendered, plain);
        let page_text = html_to_text(&page);
        with_matcher(|matcher| {
            let expected = parse_postings(matcher, "plain", plain);
            assert_eq!(expected.len(), 1);
            let want = requirements(matcher, &expected[0]);
            assert!(want.len() >= 8, "{want:?}");
            for (name, text) in [("json-ld", &rendered), ("page", &page_text)] {
                let got = parse_postings(matcher, name, text);
                assert_eq!(got.len(), 1, "{name}");
                assert_eq!(requirements(matcher, &got[0]), want, "{name}:\n{text}");
                assert_eq!(got[0].title, expected[0].title, "{name}");
                assert_eq!(got[0].company, expected[0].company, "{name}");
                assert_eq!(got[0].location, expected[0].location, "{name}");
            }
        });
    }

    #[test]
    fn odd_field_types_are_read_or_left_out() {
        let cases = [
            ("empty object", json!({}), ""),
            ("not an object", json!([1, 2]), ""),
            ("number title", json!({"title": 42}), "42\n"),
            ("name for title", json!({"name": "QA Engineer"}), "QA Engineer\n"),
            ("null company", json!({"hiringOrganization": null}), ""),
            (
                "company list",
                json!({"hiringOrganization": [{"legalName": "Acme GmbH"}]}),
                "Company: Acme GmbH\n",
            ),
            (
                "address string",
                json!({"jobLocation": {"address": "Paris, France"}}),
                "Location: Paris, France\n",
            ),
            (
                "bare address, place name",
                json!({"jobLocation": [{"addressLocality": "Oslo"}, {"name": "HQ"}, 5]}),
                "Location: Oslo; HQ; 5\n",
            ),
            (
                "remote only",
                json!({"jobLocationType": ["TELECOMMUTE"]}),
                "Location: Remote\n",
            ),
            (
                "hourly",
                json!({"baseSalary": {"currency": "USD", "value": {"value": 55.5, "unitText": "HOUR"}}}),
                "Salary: $55.50 per hour\n",
            ),
            (
                "plain number value",
                json!({"baseSalary": {"currency": "GBP", "value": "45,000"}}),
                "Salary: \u{a3}45,000\n",
            ),
            (
                "other currency, max only",
                json!({"baseSalary": {"currency": "chf", "value": {"maxValue": 150000, "unitText": "year"}}}),
                "Salary: up to 150,000 CHF per year\n",
            ),
            (
                "salary without amounts",
                json!({"baseSalary": {"currency": "USD", "value": {"unitText": "YEAR"}}}),
                "",
            ),
            (
                "salary string",
                json!({"baseSalary": "Competitive"}),
                "Salary: Competitive\n",
            ),
            (
                "nested arrays and nulls",
                json!({"skills": [["Rust", ["Go"]], null, true, {"name": null}]}),
                "Requirements\n- Rust\n- Go\n",
            ),
            (
                "bullets in a plain string",
                json!({"responsibilities": "• Ship code\n\n* Review code\n- Ship code"}),
                "Responsibilities\n- Ship code\n- Review code\n",
            ),
            (
                "escaped html",
                json!({"description": "&lt;p&gt;Fast &amp;amp; safe&lt;/p&gt;"}),
                "Fast & safe\n",
            ),
            (
                "nested html list",
                json!({"qualifications": "<ul><li>Databases<ul><li>SQL</li></ul></li><li><p>Go</p><p>or Rust</p></li></ul>"}),
                "Requirements\n- Databases\n  - SQL\n- Go or Rust\n",
            ),
            (
                "experience shapes",
                json!({"experienceRequirements": [
                    {"monthsOfExperience": "18"},
                    {"monthsOfExperience": 1},
                    {"monthsOfExperience": -12},
                    "Shipped a product"
                ]}),
                "Requirements\n- 1.5+ years of experience\n- Shipped a product\n",
            ),
            (
                "education shapes",
                json!({"educationRequirements": [
                    "master degree",
                    {"credentialCategory": "associate degree"},
                    {"credentialCategory": {"@type": "DefinedTerm", "name": "high school"}},
                    {"credentialCategory": {"termCode": "professional certificate"}},
                    {"credentialCategory": "apprenticeship"},
                    "PhD in Physics"
                ]}),
                "Requirements\n- Master's degree\n- Associate degree\n- High school diploma\n- Professional certificate\n- Apprenticeship\n- PhD in Physics\n",
            ),
        ];
        for (name, value, expected) in cases {
            assert_eq!(job_posting_text(&value).text, expected, "{name}");
        }
    }

    #[test]
    fn ids_come_from_identifier_then_at_id() {
        let cases = [
            (json!({"identifier": "req-1", "@id": "x"}), Some("req-1")),
            (json!({"identifier": 123}), Some("123")),
            (json!({"identifier": [{"value": 9}]}), Some("9")),
            (json!({"identifier": {"name": "Acme"}}), Some("Acme")),
            (
                json!({"identifier": null, "@id": "urn:job:7"}),
                Some("urn:job:7"),
            ),
            (json!({"identifier": {}}), None),
        ];
        for (value, expected) in cases {
            assert_eq!(job_posting_text(&value).id.as_deref(), expected, "{value}");
        }
    }

    #[test]
    fn job_posting_types_are_recognized() {
        let cases = [
            (json!({"@type": "JobPosting"}), true),
            (json!({"@type": ["Thing", "JobPosting"]}), true),
            (json!({"@type": "https://schema.org/JobPosting"}), true),
            (json!({"@type": "schema:JobPosting"}), true),
            (json!({"@type": "Organization"}), false),
            (json!({"@type": "jobposting"}), false),
            (json!({"@type": 5}), false),
            (json!({"type": "JobPosting"}), false),
            (json!("JobPosting"), false),
        ];
        for (value, expected) in cases {
            assert_eq!(is_job_posting(&value), expected, "{value}");
        }
    }

    #[test]
    fn json_ld_postings_are_found_wherever_pages_put_them() {
        let page = r#"<html><head>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "JobPosting", "title": "One"}</script>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
  {"@type": "Organization", "name": "Acme"},
  {"@type": ["JobPosting", "Thing"], "title": "Two"}]}</script>
<script type="application/ld+json">[{"@type": "JobPosting", "title": "Three"}, {"@type": "BreadcrumbList"}]</script>
<script type="application/ld+json">{"@type": "Organization", "name": "Acme"}</script>
<script type="application/ld+json">{"@type": "JobPosting", "title": "Broken",</script>
<script type="APPLICATION/LD+JSON; charset=utf-8"><!--
{"@type": "WebPage", "mainEntity": {"@type": "schema:JobPosting", "title": "Four",
 "description": "line one
line two"}}
--></script>
<script type="text/javascript">{"@type": "JobPosting", "title": "Not JSON-LD"}</script>
</head><body><p>Page text</p></body></html>"#;
        let postings = json_ld_postings(page);
        let titles: Vec<&str> = postings
            .iter()
            .filter_map(|p| p["title"].as_str())
            .collect();
        assert_eq!(titles, ["One", "Two", "Three", "Four"]);
        assert_eq!(postings[3]["description"], "line one\nline two");
        // The page text is still there for the caller to fall back on.
        assert_eq!(html_to_text(page), "Page text\n");
    }

    #[test]
    fn pages_without_json_ld_have_no_postings() {
        let cases = [
            "",
            "<p>Backend Engineer</p>",
            r#"<script type="application/ld+json"></script>"#,
            r#"<script type="application/ld+json">42</script>"#,
            r#"<script type="application/ld+json">{"@type": "JobPostingX"}</script>"#,
        ];
        for page in cases {
            assert!(json_ld_postings(page).is_empty(), "{page}");
        }
    }
}
