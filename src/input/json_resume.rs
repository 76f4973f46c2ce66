//! JSON Resume documents (the jsonresume.org schema), rendered as the
//! plain-text résumé the résumé parser already reads.
//!
//! Rendering to text, rather than mapping fields straight onto a
//! [`Candidate`](crate::extract::resume::Candidate), keeps one parser for
//! every résumé format: skills are found by the same matcher, years come
//! from the same dated roles, evidence quotes lines a person can read, and
//! evidence offsets point into the rendered text. The layout is the
//! conventional one the parser is tuned for:
//!
//! ```text
//! Mira Okafor                        basics.name, then label and contacts
//! Platform Engineer
//!
//! Summary                            basics.summary
//! …
//! Experience                         work[]
//! Platform Engineer, Lumen Freight   position, company
//! Mar 2020 – Present                 startDate – endDate (none: Present)
//! Runs the container platform.       summary
//! - Moved 40 services to Kubernetes  highlights[]
//!
//! Education                          education[]
//! Bachelor of Science, Computer Science, University of Lakeside, 2016
//!
//! Skills                             skills[]: name: keywords
//! Cloud: Kubernetes, AWS, Terraform
//! Spoken languages: English (Native), Yoruba (Fluent)
//! ```
//!
//! then Projects, Certifications, Awards, Publications, Volunteer and
//! Interests when present. Only work entries make the Experience section,
//! so volunteering and projects never add to years of experience. Skill
//! levels ("Master", "Expert") and references are left out: a level word
//! reads as a degree or a title, and references name other people.
//!
//! Reading is lenient about shapes (a string where a list is expected is a
//! one-item list, a number where a string is expected is its digits, older
//! field names such as `work[].company` are accepted) and strict about the
//! whole: invalid JSON is an error at its line and column, and JSON that is
//! not a résumé is an error that says what was expected.

use serde_json::{Map, Value};

use crate::{Error, Location, Result};

/// Month abbreviations, January first, in the form the date parser reads.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Between the two ends of a date range.
const RANGE_DASH: &str = " – ";

/// The end of a range without an end date.
const PRESENT: &str = "Present";

/// Between contact details on one line.
const CONTACT_SEPARATOR: &str = " · ";

/// The sections a JSON Resume is recognised by: at least one must be there.
const RESUME_KEYS: &[&str] = &["basics", "work", "education", "skills"];

/// Whether `value` looks like a JSON Resume rather than a posting or a
/// batch entry: an object that declares the jsonresume.org schema, or
/// that has a `basics` object or a non-empty `work`, `education` or
/// `skills` array of objects, and has neither a JSON-LD `@type` (a
/// schema.org `JobPosting` also has `skills`) nor a `text` or
/// `description` field (what batch entries carry).
pub(crate) fn is_json_resume(value: &Value) -> bool {
    let Some(object) = value.as_object() else {
        return false;
    };
    let declared = object
        .get("$schema")
        .and_then(Value::as_str)
        .is_some_and(|s| s.contains("jsonresume"));
    if declared {
        return true;
    }
    if ["@type", "text", "description"]
        .iter()
        .any(|k| object.contains_key(*k))
    {
        return false;
    }
    RESUME_KEYS.iter().any(|key| match object.get(*key) {
        Some(Value::Object(_)) => *key == "basics",
        Some(Value::Array(items)) => {
            *key != "basics" && !items.is_empty() && items.iter().all(Value::is_object)
        }
        _ => false,
    })
}

/// The JSON Resume `json`, read from the file `name`, as a plain-text
/// résumé (see the module docs for the layout).
///
/// Errors: invalid JSON, at [`Location::at`] its line and column; JSON that
/// is not a JSON Resume ([`is_json_resume`]) or that holds no text, at
/// [`Location::file`].
pub(crate) fn json_resume_text(name: &str, json: &str) -> Result<String> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let value: Value = serde_json::from_str(json).map_err(|e| {
        // serde_json ends its message with the position the location shows.
        let message = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let what = message.strip_suffix(&suffix).unwrap_or(&message);
        let location = if e.line() == 0 {
            Location::file(name)
        } else {
            Location::at(name, e.line(), char_column(json, e.line(), e.column()))
        };
        Error::input(
            location,
            format!("not valid JSON ({what}): fix the file, or export the résumé again"),
        )
    })?;
    if !is_json_resume(&value) {
        return Err(Error::input(
            Location::file(name),
            "not a JSON Resume: expected an object with `basics`, `work`, `education` or \
             `skills` (https://jsonresume.org/schema); for a batch of résumés use JSON Lines \
             objects with `id`, `name` and `text`",
        ));
    }
    let text = render(value.as_object().unwrap_or(&Map::new()));
    if text.trim().is_empty() {
        return Err(Error::input(
            Location::file(name),
            "this JSON Resume has no name, summary, work, education or skills: nothing to \
             extract; fill in the résumé and export it again",
        ));
    }
    Ok(text)
}

/// The 1-based column, in characters, of serde_json's 1-based byte
/// `column` on `line` of `json` (they differ after non-ASCII text; serde_json
/// says column 0 for an error before the first character).
fn char_column(json: &str, line: usize, column: usize) -> usize {
    let text = json.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    let mut end = column.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].chars().count().max(1)
}

/// A text field: a trimmed non-empty string, or a number's digits.
fn text(object: &Map<String, Value>, key: &str) -> Option<String> {
    match object.get(key)? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A one-line field: [`text`] with its whitespace runs (line breaks
/// included) made single spaces.
fn one_line(object: &Map<String, Value>, key: &str) -> Option<String> {
    text(object, key).map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The first of `keys` that holds a one-line field.
fn first_of(object: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| one_line(object, k))
}

/// A list of strings: an array's strings and numbers, or one string.
fn strings(object: &Map<String, Value>, key: &str) -> Vec<String> {
    let one = |v: &Value| match v {
        Value::String(s) => Some(s.split_whitespace().collect::<Vec<_>>().join(" ")),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    match object.get(key) {
        Some(Value::Array(items)) => items.iter().filter_map(one).collect(),
        Some(v) => one(v).into_iter().collect(),
        None => Vec::new(),
    }
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect()
}

/// The objects of an array field.
fn entries<'v>(object: &'v Map<String, Value>, key: &str) -> Vec<&'v Map<String, Value>> {
    match object.get(key) {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
        _ => Vec::new(),
    }
}

/// `parts` that are present, joined by `separator`.
fn join(parts: &[Option<String>], separator: &str) -> String {
    parts
        .iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(separator)
}

/// A JSON Resume date as a résumé writes it: "2020-03-01" and "2020-03"
/// are "Mar 2020", "2020" stays "2020". Anything else ("Spring 2019",
/// "present") is kept as written, for the date parser to judge.
fn month_year(date: &str) -> String {
    let date = date.trim();
    let digits = |s: &str, min: usize, max: usize| {
        (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let parts: Vec<&str> = date.split('-').collect();
    let (year, month) = match parts.as_slice() {
        [year] if digits(year, 4, 4) => return (*year).to_string(),
        [year, month] if digits(year, 4, 4) && digits(month, 1, 2) => (year, month),
        [year, month, day] if digits(year, 4, 4) && digits(month, 1, 2) && digits(day, 1, 2) => {
            (year, month)
        }
        _ => return date.to_string(),
    };
    match month.parse::<usize>() {
        Ok(m @ 1..=12) => format!("{} {year}", MONTHS[m - 1]),
        _ => date.to_string(),
    }
}

/// The date line of an entry: "start – end", "start – Present" when only
/// the start is known, the end alone when only the end is known.
fn date_range(entry: &Map<String, Value>) -> Option<String> {
    let start = text(entry, "startDate").map(|d| month_year(&d));
    let end = text(entry, "endDate").map(|d| month_year(&d));
    match (start, end) {
        (Some(start), Some(end)) => Some(format!("{start}{RANGE_DASH}{end}")),
        (Some(start), None) => Some(format!("{start}{RANGE_DASH}{PRESENT}")),
        (None, end) => end,
    }
}

/// The year of a date field ("2016-06-01" → "2016"), or the field as written.
fn year_of(entry: &Map<String, Value>, key: &str) -> Option<String> {
    let date = text(entry, key)?;
    let year = date.split('-').next().unwrap_or(&date);
    Some(
        if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) {
            year.to_string()
        } else {
            date
        },
    )
}

/// Lines of a plain-text résumé being written. Empty lines are dropped
/// and a section header is written only once a line follows it, so an
/// entry or section with nothing in it leaves no trace.
#[derive(Debug, Default)]
struct Writer {
    lines: Vec<String>,
    /// A section header waiting for its first line.
    pending: Option<&'static str>,
}

impl Writer {
    /// One line, unless it is blank.
    fn line(&mut self, line: impl Into<String>) {
        let line = line.into();
        if line.trim().is_empty() {
            return;
        }
        if let Some(title) = self.pending.take() {
            self.blank();
            self.lines.push(title.to_string());
        }
        self.lines.push(line);
    }

    /// A blank line, unless there is one already (or nothing yet).
    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    /// A section header, written before the section's first line.
    fn section(&mut self, title: &'static str) {
        self.pending = Some(title);
    }

    /// Each non-empty line of a multi-line text field.
    fn paragraph(&mut self, text: Option<String>) {
        for line in text.iter().flat_map(|t| t.lines()) {
            self.line(line.trim());
        }
    }

    /// Each item as a "- " bullet (a bullet already in the item is dropped).
    fn bullets(&mut self, items: &[String]) {
        for item in items {
            let item = item.trim_start_matches(['-', '•', '*', '·', ' ']);
            if !item.is_empty() {
                self.line(format!("- {item}"));
            }
        }
    }

    /// The text: lines joined, ending with one line break (or empty).
    fn finish(mut self) -> String {
        while self.lines.last().is_some_and(String::is_empty) {
            self.lines.pop();
        }
        let mut out = self.lines.join("\n");
        if !out.is_empty() {
            out.push('\n');
        }
        out
    }
}

/// The plain-text résumé of a JSON Resume object.
fn render(resume: &Map<String, Value>) -> String {
    let mut w = Writer::default();
    let empty = Map::new();
    let basics = resume
        .get("basics")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    let name = one_line(basics, "name");
    let label = one_line(basics, "label");
    // Without a name, the label would be taken for one: it goes to the summary.
    let label_in_summary = name.is_none();
    if let Some(name) = name {
        w.line(name);
        w.line(label.clone().unwrap_or_default());
    }
    let location = basics
        .get("location")
        .and_then(Value::as_object)
        .map(|l| {
            join(
                &[
                    one_line(l, "city"),
                    one_line(l, "region"),
                    one_line(l, "countryCode"),
                ],
                ", ",
            )
        })
        .filter(|l| !l.is_empty());
    w.line(join(
        &[
            one_line(basics, "email"),
            one_line(basics, "phone"),
            first_of(basics, &["url", "website"]),
            location,
        ],
        CONTACT_SEPARATOR,
    ));
    // Profiles by their links only: the parser knows a link is not a
    // skill, but "GitHub: mokafor" would read as the skill GitHub.
    let profiles: Vec<Option<String>> = entries(basics, "profiles")
        .into_iter()
        .map(|p| one_line(p, "url"))
        .collect();
    w.line(join(&profiles, CONTACT_SEPARATOR));

    w.section("Summary");
    if label_in_summary {
        w.line(label.unwrap_or_default());
    }
    w.paragraph(text(basics, "summary"));

    let work = entries(resume, "work");
    if !work.is_empty() {
        w.section("Experience");
        for job in work {
            dated_entry(
                &mut w,
                join(
                    &[
                        one_line(job, "position"),
                        first_of(job, &["name", "company"]),
                    ],
                    ", ",
                ),
                job,
            );
            w.blank();
        }
    }

    let education = entries(resume, "education");
    if !education.is_empty() {
        w.section("Education");
        for school in education {
            w.line(join(
                &[
                    one_line(school, "studyType"),
                    one_line(school, "area"),
                    one_line(school, "institution"),
                    year_of(school, "endDate"),
                ],
                ", ",
            ));
            let courses = strings(school, "courses");
            if !courses.is_empty() {
                w.line(format!("Courses: {}", courses.join(", ")));
            }
        }
    }

    let skills = entries(resume, "skills");
    let languages: Vec<String> = entries(resume, "languages")
        .into_iter()
        .filter_map(|l| {
            let language = first_of(l, &["language", "name"])?;
            Some(match one_line(l, "fluency") {
                Some(fluency) => format!("{language} ({fluency})"),
                None => language,
            })
        })
        .collect();
    if !skills.is_empty() || !languages.is_empty() {
        w.section("Skills");
        for skill in skills {
            w.line(labelled(
                one_line(skill, "name"),
                &strings(skill, "keywords"),
            ));
        }
        if !languages.is_empty() {
            w.line(format!("Spoken languages: {}", languages.join(", ")));
        }
    }

    let projects = entries(resume, "projects");
    if !projects.is_empty() {
        w.section("Projects");
        for project in projects {
            dated_entry(
                &mut w,
                join(
                    &[one_line(project, "name"), one_line(project, "entity")],
                    ", ",
                ),
                project,
            );
            let keywords = strings(project, "keywords");
            if !keywords.is_empty() {
                w.line(format!("Technologies: {}", keywords.join(", ")));
            }
            w.blank();
        }
    }

    let certificates = entries(resume, "certificates");
    if !certificates.is_empty() {
        w.section("Certifications");
        for certificate in certificates {
            w.line(join(
                &[
                    one_line(certificate, "name"),
                    one_line(certificate, "issuer"),
                    text(certificate, "date").map(|d| month_year(&d)),
                ],
                ", ",
            ));
        }
    }

    let awards = entries(resume, "awards");
    if !awards.is_empty() {
        w.section("Awards");
        for award in awards {
            w.line(join(
                &[
                    one_line(award, "title"),
                    one_line(award, "awarder"),
                    text(award, "date").map(|d| month_year(&d)),
                ],
                ", ",
            ));
            w.paragraph(text(award, "summary"));
        }
    }

    let publications = entries(resume, "publications");
    if !publications.is_empty() {
        w.section("Publications");
        for publication in publications {
            w.line(join(
                &[
                    one_line(publication, "name"),
                    one_line(publication, "publisher"),
                    text(publication, "releaseDate").map(|d| month_year(&d)),
                ],
                ", ",
            ));
            w.paragraph(text(publication, "summary"));
        }
    }

    let volunteer = entries(resume, "volunteer");
    if !volunteer.is_empty() {
        w.section("Volunteer");
        for role in volunteer {
            dated_entry(
                &mut w,
                join(
                    &[
                        one_line(role, "position"),
                        first_of(role, &["organization", "name"]),
                    ],
                    ", ",
                ),
                role,
            );
            w.blank();
        }
    }

    let interests = entries(resume, "interests");
    if !interests.is_empty() {
        w.section("Interests");
        for interest in interests {
            w.line(labelled(
                one_line(interest, "name"),
                &strings(interest, "keywords"),
            ));
        }
    }

    w.finish()
}

/// "Label: a, b", or either part alone.
fn labelled(label: Option<String>, items: &[String]) -> String {
    match (label, items.is_empty()) {
        (Some(label), false) => format!("{label}: {}", items.join(", ")),
        (Some(label), true) => label,
        (None, _) => items.join(", "),
    }
}

/// A heading line, the date line, the summary (and description) and the
/// highlights as bullets.
fn dated_entry(w: &mut Writer, heading: String, entry: &Map<String, Value>) {
    w.line(heading);
    w.line(date_range(entry).unwrap_or_default());
    w.paragraph(text(entry, "summary"));
    w.paragraph(text(entry, "description"));
    w.bullets(&strings(entry, "highlights"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::dates::YearMonth;
    use crate::extract::resume::{parse_resume, Candidate, ResumeOptions};
    use crate::extract::{DegreeLevel, Matcher};
    use crate::taxonomy::Taxonomy;

    /// A fictional person's résumé, in the jsonresume.org schema.
    const SAMPLE: &str = r#"{
      "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
      "basics": {
        "name": "Mira Okafor",
        "label": "Platform Engineer",
        "email": "mira@example.com",
        "phone": "+44 113 496 0000",
        "location": { "city": "Leeds", "countryCode": "GB" },
        "profiles": [{ "network": "GitHub", "username": "mokafor", "url": "https://github.com/mokafor" }],
        "summary": "Platform engineer who keeps container fleets boring.\nHappiest on call for systems she built."
      },
      "work": [
        {
          "name": "Lumen Freight",
          "position": "Platform Engineer",
          "startDate": "2020-03-01",
          "summary": "Runs the container platform for the routing teams.",
          "highlights": [
            "Moved 40 services to Kubernetes on AWS",
            "Wrote the deployment tooling in Python"
          ]
        },
        {
          "name": "Quill Labs",
          "position": "Software Developer",
          "startDate": "2016-09",
          "endDate": "2020-02-29",
          "highlights": ["Built REST APIs in Python and PostgreSQL"]
        }
      ],
      "education": [
        {
          "institution": "University of Lakeside",
          "area": "Computer Science",
          "studyType": "Bachelor of Science",
          "startDate": "2012-09",
          "endDate": "2016-06-30",
          "courses": ["Distributed Systems"]
        }
      ],
      "skills": [
        { "name": "Cloud", "level": "Master", "keywords": ["Kubernetes", "AWS", "Terraform"] },
        { "name": "Languages", "keywords": ["Python", "SQL"] }
      ],
      "languages": [{ "language": "English", "fluency": "Native speaker" }],
      "projects": [
        {
          "name": "shipwatch",
          "description": "Open-source tracker for container ships.",
          "keywords": ["Rust"],
          "startDate": "2021",
          "endDate": "2022"
        }
      ],
      "certificates": [
        { "name": "Certified Kubernetes Administrator", "issuer": "CNCF", "date": "2021-11-15" }
      ],
      "references": [{ "name": "A. Person", "reference": "Great colleague." }]
    }"#;

    /// The same résumé, written as text by hand in a common layout.
    const SAME_AS_TEXT: &str = "Mira Okafor
Platform Engineer · mira@example.com · Leeds, GB

SUMMARY
Platform engineer who keeps container fleets boring.

WORK EXPERIENCE
Platform Engineer, Lumen Freight
March 2020 - Present
• Moved 40 services to Kubernetes on AWS
• Wrote the deployment tooling in Python

Software Developer, Quill Labs
09/2016 - 02/2020
• Built REST APIs in Python and PostgreSQL

EDUCATION
B.S. in Computer Science, University of Lakeside, 2016

SKILLS
Cloud: Kubernetes, AWS, Terraform
Languages: Python, SQL
Spoken languages: English
";

    /// The month "Present" means in these tests.
    const AS_OF: YearMonth = YearMonth {
        year: 2024,
        month: 6,
    };

    /// A month, for expected values.
    fn ym(year: i32, month: u32) -> YearMonth {
        YearMonth { year, month }
    }

    /// `text` parsed as a résumé as of [`AS_OF`].
    fn parse(matcher: &Matcher<'_>, text: &str) -> Candidate {
        parse_resume(matcher, "mira", text, &ResumeOptions { as_of: AS_OF })
    }

    #[test]
    fn a_json_resume_renders_as_a_text_resume() {
        let text = json_resume_text("mira.json", SAMPLE).expect("renders");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "Mira Okafor");
        assert_eq!(lines[1], "Platform Engineer");
        let expected_runs: &[&[&str]] = &[
            &["mira@example.com · +44 113 496 0000 · Leeds, GB"],
            &["https://github.com/mokafor"],
            &[
                "Summary",
                "Platform engineer who keeps container fleets boring.",
                "Happiest on call for systems she built.",
            ],
            &[
                "Experience",
                "Platform Engineer, Lumen Freight",
                "Mar 2020 – Present",
                "Runs the container platform for the routing teams.",
                "- Moved 40 services to Kubernetes on AWS",
                "- Wrote the deployment tooling in Python",
                "",
                "Software Developer, Quill Labs",
                "Sep 2016 – Feb 2020",
                "- Built REST APIs in Python and PostgreSQL",
            ],
            &[
                "Education",
                "Bachelor of Science, Computer Science, University of Lakeside, 2016",
                "Courses: Distributed Systems",
            ],
            &[
                "Skills",
                "Cloud: Kubernetes, AWS, Terraform",
                "Languages: Python, SQL",
                "Spoken languages: English (Native speaker)",
            ],
            &[
                "Projects",
                "shipwatch",
                "2021 – 2022",
                "Open-source tracker for container ships.",
                "Technologies: Rust",
            ],
            &[
                "Certifications",
                "Certified Kubernetes Administrator, CNCF, Nov 2021",
            ],
        ];
        for run in expected_runs {
            let found = lines.windows(run.len()).any(|w| w == *run);
            assert!(found, "{run:?} not in:\n{text}");
        }
        assert!(!text.contains("Master"), "skill levels are left out");
        assert!(!text.contains("A. Person"), "references are left out");
        assert!(text.ends_with("Technologies: Rust\n\nCertifications\nCertified Kubernetes Administrator, CNCF, Nov 2021\n"));
    }

    #[test]
    fn the_parser_reads_the_rendering_like_the_same_resume_in_text() {
        let taxonomy = Taxonomy::embedded().expect("embedded taxonomy");
        let matcher = Matcher::new(&taxonomy).expect("matcher");
        let rendered = json_resume_text("mira.json", SAMPLE).expect("renders");
        let from_json = parse(&matcher, &rendered);
        let from_text = parse(&matcher, SAME_AS_TEXT);

        assert_eq!(from_json.name.as_deref(), Some("Mira Okafor"));
        let roles: Vec<(Option<&str>, YearMonth, YearMonth)> = from_json
            .roles
            .iter()
            .map(|r| (r.title.as_deref(), r.start, r.end))
            .collect();
        assert_eq!(
            roles,
            [
                (Some("Platform Engineer, Lumen Freight"), ym(2020, 3), AS_OF),
                (
                    Some("Software Developer, Quill Labs"),
                    ym(2016, 9),
                    ym(2020, 2)
                ),
            ]
        );
        assert_eq!(from_json.total_years, Some(7.8));
        assert_eq!(from_json.education, Some(DegreeLevel::Bachelor));
        let years = |candidate: &Candidate, id: &str| {
            let id = taxonomy.get(id).expect("skill in the default taxonomy");
            candidate.skill(id).map(|s| s.years)
        };
        // Kubernetes: Mar 2020 – Jun 2024; Python: both roles.
        assert_eq!(years(&from_json, "kubernetes"), Some(Some(4.3)));
        assert_eq!(years(&from_json, "python"), Some(Some(7.8)));
        assert_eq!(years(&from_json, "terraform"), Some(None));

        let dates = |c: &Candidate| -> Vec<(YearMonth, YearMonth)> {
            c.roles.iter().map(|r| (r.start, r.end)).collect()
        };
        assert_eq!(dates(&from_json), dates(&from_text));
        assert_eq!(from_json.total_years, from_text.total_years);
        assert_eq!(from_json.education, from_text.education);
        for skill in &from_text.skills {
            let label = &taxonomy.skill(skill.skill).id;
            let same = from_json.skill(skill.skill).map(|s| s.years);
            assert_eq!(same, Some(skill.years), "{label}");
        }
    }

    #[test]
    fn dates_read_the_way_resumes_write_them() {
        let cases = [
            ("2020-03-01", "Mar 2020"),
            ("2020-03", "Mar 2020"),
            ("2020-3", "Mar 2020"),
            ("2020-12-31", "Dec 2020"),
            ("2020", "2020"),
            (" 2020 ", "2020"),
            ("2020-13", "2020-13"),
            ("2020-003", "2020-003"),
            ("Spring 2019", "Spring 2019"),
            ("20-03-2019", "20-03-2019"),
            ("present", "present"),
        ];
        for (date, expected) in cases {
            assert_eq!(month_year(date), expected, "{date:?}");
        }
        let ranges: &[(&str, Option<&str>)] = &[
            (
                r#"{"startDate": "2019-01", "endDate": "2020"}"#,
                Some("Jan 2019 – 2020"),
            ),
            (r#"{"startDate": "2019-01"}"#, Some("Jan 2019 – Present")),
            (
                r#"{"startDate": "2019-01", "endDate": ""}"#,
                Some("Jan 2019 – Present"),
            ),
            (r#"{"endDate": "2020-06"}"#, Some("Jun 2020")),
            (
                r#"{"startDate": 2019, "endDate": 2021}"#,
                Some("2019 – 2021"),
            ),
            ("{}", None),
        ];
        for (entry, expected) in ranges {
            let entry: Value = serde_json::from_str(entry).expect("test JSON");
            let entry = entry.as_object().expect("object");
            assert_eq!(date_range(entry).as_deref(), *expected, "{entry:?}");
        }
    }

    #[test]
    fn json_resumes_are_told_apart_from_other_json() {
        let cases = [
            ("basics", r#"{"basics": {"name": "A B"}}"#, true),
            ("work only", r#"{"work": [{"name": "Acme"}]}"#, true),
            ("skills only", r#"{"skills": [{"name": "Go"}]}"#, true),
            (
                "declared schema",
                r#"{"$schema": "https://jsonresume.org/schema", "meta": {}}"#,
                true,
            ),
            ("empty object", "{}", false),
            (
                "batch entry",
                r#"{"id": "1", "text": "Skills: Go", "basics": {}}"#,
                false,
            ),
            (
                "JSON-LD posting",
                r#"{"@type": "JobPosting", "skills": [{"@type": "DefinedTerm"}]}"#,
                false,
            ),
            (
                "posting with skills",
                r#"{"title": "SRE", "description": "…", "skills": ["Go"]}"#,
                false,
            ),
            ("skills as strings", r#"{"skills": ["Go", "Rust"]}"#, false),
            ("empty work", r#"{"work": []}"#, false),
            ("basics not an object", r#"{"basics": "Mira"}"#, false),
            ("array", r#"[{"basics": {}}]"#, false),
            ("string", r#""basics""#, false),
        ];
        for (name, json, expected) in cases {
            let value: Value = serde_json::from_str(json).expect("test JSON");
            assert_eq!(is_json_resume(&value), expected, "{name}");
        }
    }

    #[test]
    fn shapes_are_read_leniently() {
        let json = r#"{
          "basics": {"label": "Data Engineer", "summary": "  "},
          "work": [
            {"company": "Old Schema Ltd", "position": "Analyst", "startDate": "2018",
             "endDate": "2019", "highlights": ["Wrote SQL   reports", "• Ran A/B tests", "-"]},
            "not an object",
            {"position": "Intern"}
          ],
          "skills": [{"keywords": ["Spark", 3, null]}]
        }"#;
        let text = json_resume_text("cv.json", json).expect("renders");
        assert_eq!(
            text,
            "Summary\nData Engineer\n\nExperience\nAnalyst, Old Schema Ltd\n2018 – 2019\n\
             - Wrote SQL reports\n- Ran A/B tests\n\nIntern\n\nSkills\nSpark, 3\n"
        );
    }

    #[test]
    fn errors_say_where_and_what_to_do() {
        let cases = [
            (
                "syntax",
                "{\n  \"basics\": {\"name\": \"A\",}\n}",
                "cv.json:2:26: not valid JSON (trailing comma)",
            ),
            (
                "truncated",
                "{\"basics\": {",
                "cv.json:1:12: not valid JSON (EOF while parsing an object)",
            ),
            (
                "empty",
                "",
                "cv.json:1:1: not valid JSON (EOF while parsing a value)",
            ),
            (
                "column in characters",
                "{\"basics\": {\"name\": \"Zoë Ødegård\",}}",
                "cv.json:1:35: not valid JSON (trailing comma)",
            ),
            (
                "not a résumé",
                r#"{"title": "SRE"}"#,
                "cv.json: not a JSON Resume: expected an object with `basics`",
            ),
            (
                "nothing in it",
                r#"{"basics": {"url": ""}, "work": [{}]}"#,
                "cv.json: this JSON Resume has no name",
            ),
        ];
        for (name, json, expected) in cases {
            let err = json_resume_text("cv.json", json).expect_err(name);
            let message = err.to_string();
            assert!(message.starts_with(expected), "{name}: {message}");
        }
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let text = json_resume_text(
            "cv.json",
            "\u{feff}{\"basics\": {\"name\": \"Mira Okafor\"}}",
        )
        .expect("renders");
        assert_eq!(text, "Mira Okafor\n");
    }
}
