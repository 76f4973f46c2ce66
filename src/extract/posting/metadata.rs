//! Posting metadata: title, company, location, remote, salary.
//!
//! Best effort from the shapes job pages use: a title line at the top or a
//! "Job Description: Backend Engineer" line; "About Pinterest:" or
//! "Pinterest is seeking …" for the company; "Location: …", "Toronto, ON"
//! or "Remote" in the short lines before the first section; the first money
//! range ("$195,000 - $234,665", "$120k–$150k") for the salary.

use serde::{Deserialize, Serialize};

use super::section::{Block, Excluded};
use super::{is_title_line, strip_bullet};

/// How often a salary is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SalaryPeriod {
    /// Per year.
    Year,
    /// Per month (common outside the US, and in JobPosting `unitText`).
    Month,
    /// Per hour.
    Hour,
}

/// A stated salary range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Salary {
    /// Lower bound.
    pub min: f64,
    /// Upper bound (equal to `min` for a single figure).
    pub max: f64,
    /// ISO currency code ("USD" for a bare "$").
    pub currency: String,
    /// Per year, per month or per hour.
    pub period: SalaryPeriod,
}

#[derive(Debug, Default)]
pub(super) struct Metadata {
    pub title: Option<String>,
    pub company: Option<String>,
    pub location: Option<String>,
    pub remote: Option<bool>,
    pub salary: Option<Salary>,
}

/// Prefixes that introduce the title on the same line.
const TITLE_PREFIXES: &[&str] = &[
    "job title:",
    "title:",
    "position:",
    "role:",
    "job description:",
    "job:",
];

/// Verbs after which a company name is followed by the role ("Pinterest is seeking").
const COMPANY_VERBS: &[&str] = &[
    " is seeking",
    " seeks",
    " is hiring",
    " is looking for",
    " are seeking",
    " is searching",
];

/// "About X" names a company only when X has at most this many words.
const COMPANY_MAX_WORDS: usize = 3;

/// Amounts below this are not a salary (a "$5 gift card").
pub const MIN_SALARY: f64 = 10.0;

/// Lines are read for metadata only up to this many characters.
const META_LINE_MAX_CHARS: usize = 120;

/// Metadata from the posting's lines, each with its block (`None` = header).
pub(super) fn metadata<'a>(lines: impl Iterator<Item = (&'a str, Option<Block>)>) -> Metadata {
    let mut meta = Metadata::default();
    let mut first_short: Option<String> = None;
    let mut title_line: Option<String> = None;
    let mut before_sections = true;
    for (raw, block) in lines {
        let (_, line) = strip_bullet(raw);
        // Markdown: "# Senior Platform Engineer", "**Acme Robotics** · Austin, TX".
        let line = line.trim().trim_start_matches('#').trim();
        let unmarked = line.replace("**", "");
        let line = unmarked.as_str();
        if line.is_empty() {
            continue;
        }
        if matches!(block, Some(Block::Excluded(Excluded::RelatedJobs))) {
            break;
        }
        // "# Frontend Engineer" opening a Markdown page is its title, though
        // it is shaped like a section header.
        let markdown_title = raw.trim_start().starts_with("# ") && block.is_none();
        if markdown_title && title_line.is_none() && before_sections && is_title_line(line) {
            title_line = Some(line.to_string());
        }
        // The title heading does not end the page's top: the company and
        // location line under it still belongs there.
        if (block.is_none() && !markdown_title) || matches!(block, Some(Block::Requirements(_))) {
            before_sections = false;
        }
        let lower = line.to_lowercase();
        let short = line.chars().count() <= META_LINE_MAX_CHARS;
        if meta.title.is_none() {
            for prefix in TITLE_PREFIXES {
                if let Some(rest) = strip_prefix_ci(line, prefix) {
                    let value = rest.trim();
                    if !value.is_empty() && is_title_line(value) {
                        meta.title = Some(value.to_string());
                    }
                }
            }
        }
        if title_line.is_none()
            && before_sections
            && short
            && is_title_line(line)
            && block.is_some()
        {
            title_line = Some(line.to_string());
        }
        // "Company: Initech" is a labelled fact, never the title.
        let labelled = line
            .split_once(':')
            .is_some_and(|(head, _)| head.split_whitespace().count() <= 2);
        if first_short.is_none()
            && before_sections
            && !labelled
            && short
            && !line.ends_with(['?', '.', '!'])
            && line.split_whitespace().count() <= super::TITLE_MAX_WORDS
            && block.is_some()
        {
            first_short = Some(line.to_string());
        }
        if meta.company.is_none() {
            meta.company = strip_prefix_ci(line, "company:")
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .or_else(|| company_in(line))
                .or_else(|| {
                    (before_sections && short)
                        .then(|| company_beside_location(line))
                        .flatten()
                });
        }
        if meta.location.is_none() && short {
            if let Some(rest) = strip_prefix_ci(line, "location:") {
                meta.location = Some(rest.trim().to_string());
            } else if before_sections {
                meta.location = city_region(line);
            }
        }
        if meta.remote.is_none()
            && (before_sections && short
                || lower.contains("fully remote")
                || lower.contains("100% remote"))
        {
            let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
            if words.contains(&"remote") {
                meta.remote = Some(true);
            } else if words.contains(&"onsite") || lower.contains("on-site") {
                meta.remote = Some(false);
            }
        }
        if meta.salary.is_none() && !matches!(block, Some(Block::Excluded(Excluded::RelatedJobs))) {
            meta.salary = salary_in(line);
        }
    }
    if meta.title.is_none() {
        meta.title = title_line.or(first_short);
    }
    // "Senior Backend Engineer at Acme Corp": the company after " at " or
    // " @ " in the title line, when no other line named one.
    if let Some((title, company)) = meta.title.as_deref().and_then(title_at_company) {
        if meta.company.is_none() {
            meta.company = Some(company);
        }
        meta.title = Some(title);
    }
    meta
}

/// Splits "Title at Company" (or "Title @ Company") when what follows is a
/// name: at most [`COMPANY_MAX_WORDS`] capitalised words.
fn title_at_company(title: &str) -> Option<(String, String)> {
    let (head, tail) = title
        .rsplit_once(" at ")
        .or_else(|| title.rsplit_once(" @ "))?;
    let (head, tail) = (head.trim(), tail.trim());
    let words: Vec<&str> = tail.split_whitespace().collect();
    let name = (1..=COMPANY_MAX_WORDS).contains(&words.len())
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        });
    (name && !head.is_empty()).then(|| (head.to_string(), tail.to_string()))
}

/// `line` without an ASCII `prefix` compared case-insensitively. Slicing the
/// original line (never a lowercased copy, whose byte lengths may differ:
/// "K" with the Kelvin sign) keeps every index on a character boundary.
fn strip_prefix_ci<'a>(line: &'a str, prefix: &str) -> Option<&'a str> {
    let head = line.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &line[prefix.len()..])
}

/// "About Pinterest:" or "Pinterest is seeking …" → "Pinterest".
fn company_in(line: &str) -> Option<String> {
    let trimmed = line.trim().trim_end_matches(':');
    if let Some(rest) = trimmed.strip_prefix("About ") {
        let words: Vec<&str> = rest.split_whitespace().collect();
        let lower = rest.to_lowercase();
        if (1..=COMPANY_MAX_WORDS).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            && !["you", "the", "us", "this"]
                .iter()
                .any(|w| lower.starts_with(w))
        {
            return Some(rest.to_string());
        }
    }
    for verb in COMPANY_VERBS {
        if let Some(i) = line.find(verb) {
            let before = &line[..i];
            let name: Vec<&str> = before
                .split_whitespace()
                .rev()
                .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
                .collect();
            const PRONOUNS: &[&str] = &["We", "They", "You", "Our", "The", "This", "Who"];
            let is_pronoun = name.last().is_some_and(|w| PRONOUNS.contains(w));
            if !name.is_empty()
                && !is_pronoun
                && name.len() <= 3
                && before.split_whitespace().count() == name.len()
            {
                let mut name = name;
                name.reverse();
                return Some(name.join(" "));
            }
        }
    }
    None
}

/// The company that opens a "Company · Sector · City, RG · Team" line under
/// a title, as job boards print it: the first part, when a later part is a
/// city and region and the first is at most [`COMPANY_MAX_WORDS`]
/// capitalised words. A name printed twice ("Pinterest Pinterest", a logo's
/// text and the name) is read once.
fn company_beside_location(line: &str) -> Option<String> {
    let parts: Vec<&str> = line.split(['·', '|', '•']).map(str::trim).collect();
    if parts.len() < 2 || !parts[1..].iter().any(|p| city_region(p).is_some()) {
        return None;
    }
    let mut words: Vec<&str> = parts[0].split_whitespace().collect();
    let half = words.len() / 2;
    if words.len().is_multiple_of(2) && half > 0 && words[..half] == words[half..] {
        words.truncate(half);
    }
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    ((1..=COMPANY_MAX_WORDS).contains(&words.len()) && capitalised).then(|| words.join(" "))
}

/// "Toronto, ON" or "San Francisco, CA" in a short line.
fn city_region(line: &str) -> Option<String> {
    for part in line.split(['·', '|', '•']) {
        let part = part.trim();
        let Some((city, region)) = part.split_once(", ") else {
            continue;
        };
        let region_ok = region.len() == 2 && region.bytes().all(|b| b.is_ascii_uppercase());
        let city_ok = !city.is_empty()
            && city.split_whitespace().count() <= 3
            && city
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if region_ok && city_ok {
            return Some(part.to_string());
        }
    }
    None
}

/// The first money amount or range in `line`.
fn salary_in(line: &str) -> Option<Salary> {
    let (start, symbol) = line
        .char_indices()
        .find(|&(_, c)| matches!(c, '$' | '\u{20ac}' | '\u{a3}'))?;
    let (min, rest) = amount(&line[start + symbol.len_utf8()..])?;
    let mut max = min;
    let trimmed = rest.trim_start();
    for sep in ["-", "\u{2013}", "\u{2014}", "to "] {
        if let Some(after) = trimmed.strip_prefix(sep) {
            let after = after.trim_start();
            // "CA$110,000": a currency prefix before the symbol.
            let after = after.trim_start_matches(|c: char| c.is_ascii_uppercase());
            let after = after.strip_prefix(symbol).unwrap_or(after);
            if let Some((value, _)) = amount(after) {
                max = value;
            }
            break;
        }
    }
    // "$20M raised", "$1.5B ARR": company figures, not pay; and a bare
    // "$5" is no salary either.
    if min < MIN_SALARY || max < min {
        return None;
    }
    let lower = line.to_lowercase();
    let period = if ["/hr", "per hour", "an hour", "/hour", "hourly"]
        .iter()
        .any(|p| lower.contains(p))
    {
        SalaryPeriod::Hour
    } else if ["/month", "per month", "a month", "/mo ", "monthly", "/mth"]
        .iter()
        .any(|p| lower.contains(p) || lower.trim_end().ends_with("/mo"))
    {
        SalaryPeriod::Month
    } else {
        SalaryPeriod::Year
    };
    let currency = match symbol {
        '\u{20ac}' => "EUR",
        '\u{a3}' => "GBP",
        _ => {
            let prefix = &line[..start];
            [
                ("CA", "CAD"),
                ("C", "CAD"),
                ("A", "AUD"),
                ("NZ", "NZD"),
                ("S", "SGD"),
                ("HK", "HKD"),
            ]
            .iter()
            .find(|(p, _)| prefix.ends_with(p))
            .map(|&(_, code)| code)
            .or_else(|| {
                ["CAD", "AUD", "NZD", "SGD", "HKD"]
                    .into_iter()
                    .find(|c| line.contains(c))
            })
            .unwrap_or("USD")
        }
    }
    .to_string();
    Some(Salary {
        min,
        max,
        currency,
        period,
    })
}

/// "195,000" / "120k" / "55.50" / "60.000" at the start of `s`: the value and
/// the rest. A dot followed by exactly three digits is a thousands separator
/// ("€60.000"); an amount followed by "M"/"B"/"million" is not pay.
fn amount(s: &str) -> Option<(f64, &str)> {
    let len = s
        .char_indices()
        .take_while(|&(_, c)| c.is_ascii_digit() || c == ',' || c == '.')
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    let raw = s[..len].trim_end_matches(['.', ',']);
    let dotted_thousands = raw.split('.').skip(1).all(|g| g.len() == 3) && raw.contains('.');
    let digits: String = if dotted_thousands {
        raw.replace(['.', ','], "")
    } else {
        raw.replace(',', "")
    };
    let mut value: f64 = digits.parse().ok()?;
    let mut rest = &s[len..];
    if let Some(r) = rest.strip_prefix(['k', 'K']) {
        value *= 1000.0;
        rest = r;
    }
    let next_word = rest
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if rest.starts_with(['m', 'M', 'b', 'B'])
        && rest[1..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
        || ["million", "billion", "mn", "bn"].contains(&next_word.to_lowercase().as_str())
    {
        return None;
    }
    Some((value, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salary_table() {
        let cases = [
            (
                "$195,000 - $234,665",
                Some((195000.0, 234665.0, SalaryPeriod::Year)),
            ),
            (
                "range of $118,938\u{2014}$244,872 USD",
                Some((118938.0, 244872.0, SalaryPeriod::Year)),
            ),
            (
                "$120k-$150k",
                Some((120000.0, 150000.0, SalaryPeriod::Year)),
            ),
            ("$55.50 per hour", Some((55.5, 55.5, SalaryPeriod::Hour))),
            (
                "Salary: $9,000 - $11,000 per month",
                Some((9000.0, 11000.0, SalaryPeriod::Month)),
            ),
            ("€4.500/mo", Some((4500.0, 4500.0, SalaryPeriod::Month))),
            (
                "\u{20ac}85,000 - \u{20ac}105,000",
                Some((85000.0, 105000.0, SalaryPeriod::Year)),
            ),
            ("no money here", None),
            ("We raised $20M in 2021", None),
            ("$1.5B ARR", None),
            (
                "\u{20ac}60.000 - \u{20ac}70.000",
                Some((60000.0, 70000.0, SalaryPeriod::Year)),
            ),
        ];
        for (line, expected) in cases {
            let got = salary_in(line).map(|s| (s.min, s.max, s.period));
            assert_eq!(got, expected, "{line}");
        }
    }

    #[test]
    fn prefixes_never_split_a_character() {
        // The Kelvin sign lowercases to a one-byte "k": slicing by the
        // lowercased length once panicked.
        let lines = [
            "Title: \u{212A}ubernetes Engineer",
            "Location: \u{130}stanbul, TR",
            "\u{212A}",
        ];
        let meta = metadata(lines.iter().map(|l| (*l, Some(Block::Description))));
        assert_eq!(meta.title.as_deref(), Some("\u{212A}ubernetes Engineer"));
        assert_eq!(meta.location.as_deref(), Some("\u{130}stanbul, TR"));
        assert_eq!(strip_prefix_ci("Company: Acme", "company:"), Some(" Acme"));
    }

    #[test]
    fn a_labelled_fact_is_not_the_title() {
        let lines = [
            ("Company: Initech", Some(Block::Description)),
            ("Location: Austin, TX", Some(Block::Description)),
            ("Requirements", None),
        ];
        let meta = metadata(lines.iter().copied());
        assert_eq!(meta.title, None);
        assert_eq!(meta.company.as_deref(), Some("Initech"));
    }

    #[test]
    fn a_markdown_heading_opening_the_page_is_the_title() {
        type Lines<'a> = &'a [(&'a str, Option<Block>)];
        let cases: [(Lines<'_>, Option<&str>); 3] = [
            (
                &[
                    ("# Frontend Engineer", None),
                    ("Build the UI", Some(Block::Description)),
                ],
                Some("Frontend Engineer"),
            ),
            // A second-level heading is a section, not the title.
            (
                &[
                    ("## Frontend Engineer", None),
                    ("Build things", Some(Block::Description)),
                ],
                None,
            ),
            // After a section has begun, a heading is no title.
            (
                &[("Requirements", None), ("# Frontend Engineer", None)],
                None,
            ),
        ];
        for (lines, expected) in cases {
            let meta = metadata(lines.iter().copied());
            assert_eq!(meta.title.as_deref(), expected, "{lines:?}");
        }
    }

    #[test]
    fn currency_from_the_symbol_prefix() {
        let got = salary_in("CA$90,000 - CA$110,000").map(|s| (s.min, s.max, s.currency));
        assert_eq!(got, Some((90000.0, 110000.0, "CAD".to_string())));
    }

    #[test]
    fn title_at_company_table() {
        let table = [
            (
                "Senior Backend Engineer at Acme Corp",
                Some(("Senior Backend Engineer", "Acme Corp")),
            ),
            (
                "Data Engineer @ Riverbend",
                Some(("Data Engineer", "Riverbend")),
            ),
            ("Engineer at the heart of payments", None),
            ("Backend Engineer", None),
            ("at Acme", None),
        ];
        for (title, want) in table {
            let got = title_at_company(title);
            assert_eq!(
                got.as_ref().map(|(t, c)| (t.as_str(), c.as_str())),
                want,
                "{title}"
            );
        }
    }

    #[test]
    fn company_table() {
        let cases = [
            ("About Pinterest:", Some("Pinterest")),
            (
                "Pinterest is seeking a Backend Software Engineer",
                Some("Pinterest"),
            ),
            ("About you", None),
            ("We are seeking engineers", None),
        ];
        for (line, expected) in cases {
            assert_eq!(company_in(line).as_deref(), expected, "{line}");
        }
    }

    #[test]
    fn company_beside_location_table() {
        let cases = [
            (
                "Pinterest Pinterest · Consumer · Toronto, ON · Engineering, Product and Design (L2)",
                Some("Pinterest"),
            ),
            ("Northwind Pay · Berlin, DE · Hybrid", Some("Northwind Pay")),
            ("Acme Corp Acme Corp | Austin, TX", Some("Acme Corp")),
            // No city and region: nothing says the first part is a company.
            ("Consumer · Engineering · Hybrid", None),
            // A sentence, not a name.
            ("we are hiring · Toronto, ON", None),
            ("Toronto, ON", None),
        ];
        for (line, expected) in cases {
            assert_eq!(company_beside_location(line).as_deref(), expected, "{line}");
        }
    }

    #[test]
    fn location_table() {
        assert_eq!(
            city_region("Pinterest · Consumer · Toronto, ON · Engineering").as_deref(),
            Some("Toronto, ON")
        );
        assert_eq!(city_region("Java, SQL"), None);
    }
}
