//! Sections: which line of a résumé opens which [`ResumeSection`].
//!
//! Short lines made only of section words ("Technical Skills", "WORK
//! EXPERIENCE", "## Projects", "Skills & Tools:") start a section; lines
//! before the first one are the [`ResumeSection::Header`]. "Label: content"
//! lines naming skills outside any job are a one-line skills section. After
//! the last job, a "Skills:", "Education:" or "Certifications:" line opens
//! that section, so a trailing skills list or degree is not read as part of
//! the oldest job (and does not earn its years).
//!
//! Invariants: every line gets exactly one section; the section words and
//! header modifiers defined here are the only ones (the name finder rules
//! them out of names).

use super::lines::Line;
use super::ResumeSection;
use crate::extract::dates::{find_date_range, YearMonth};

/// Longest line, in bytes, that can be a section header. Named like the
/// posting side's `HEADER_MAX_CHARS`; bytes here because this test runs
/// on every line before anything is decoded, and a longer limit in
/// characters would take headers the résumé rules were tuned without.
pub const HEADER_MAX_BYTES: usize = 60;

/// Most words a section header may have ("Technical Skills & Tools").
pub const HEADER_MAX_WORDS: usize = 5;

/// What the section pass learned about the résumé's layout.
pub(super) struct Outline {
    /// Whether an Experience section header was found.
    pub(super) has_experience: bool,
    /// Whether an Education section header was found.
    pub(super) has_education: bool,
}

/// Gives every line its section, marking header lines.
pub(super) fn assign_sections(lines: &mut [Line<'_>]) -> Outline {
    let mut current = ResumeSection::Header;
    let mut outline = Outline {
        has_experience: false,
        has_education: false,
    };
    for i in 0..lines.len() {
        let text = lines[i].text;
        if let Some(section) = header_section(text, current) {
            current = section;
            lines[i].header = true;
            outline.has_experience |= section == ResumeSection::Experience;
            outline.has_education |= section == ResumeSection::Education;
            lines[i].section = section;
            continue;
        }
        let label = inline_label(text);
        // "Skills: Go, Helm" / "Education: BSc, 2016" after the last job
        // opens its own section: its words are not that job's. The same
        // line between two jobs ("Skills: Java" under each role) stays the
        // job's, and so does a weak label ("Tools: Jira").
        // Among such blocks, each label opens its own.
        if let Some((section, false)) = label {
            let in_role = matches!(current, ResumeSection::Experience | ResumeSection::Projects);
            let closing = CLOSING_LABELS.contains(&section);
            if closing
                && (CLOSING_LABELS.contains(&current)
                    || in_role && !more_roles_follow(&lines[i + 1..]))
            {
                current = section;
                outline.has_education |= section == ResumeSection::Education;
            }
        }
        lines[i].section = current;
        // "Technical Skills: Java, Go" outside any role is a one-line
        // skills section; inside a role ("Tools: Jira") it stays experience.
        if !matches!(current, ResumeSection::Experience | ResumeSection::Projects)
            && label.map(|(section, _)| section) == Some(ResumeSection::Skills)
        {
            lines[i].section = ResumeSection::Skills;
        }
    }
    outline
}

/// Sections whose "Label: content" line, after a résumé's last job, ends
/// the Experience section: a skills list, the degree, the licences.
const CLOSING_LABELS: &[ResumeSection] = &[
    ResumeSection::Skills,
    ResumeSection::Education,
    ResumeSection::Certifications,
];

/// Whether a dated line follows before the next section header or closing
/// label: then a label line above it sits between two jobs.
fn more_roles_follow(rest: &[Line<'_>]) -> bool {
    const ANY_DATE: YearMonth = YearMonth {
        year: 9999,
        month: 12,
    };
    rest.iter()
        .take_while(|l| {
            header_section(l.text, ResumeSection::Experience).is_none()
                && !matches!(inline_label(l.text), Some((s, false)) if CLOSING_LABELS.contains(&s))
        })
        .any(|l| find_date_range(l.text, ANY_DATE).is_some())
}

/// Words that name a section: (word, section, weak). Weak words
/// ("Technologies", "Tools") name a section only outside experience and
/// projects, where they head a role's tool list instead.
pub(super) const SECTION_WORDS: &[(&str, ResumeSection, bool)] = &[
    ("summary", ResumeSection::Summary, false),
    ("profile", ResumeSection::Summary, false),
    ("objective", ResumeSection::Summary, false),
    ("objectives", ResumeSection::Summary, false),
    ("overview", ResumeSection::Summary, false),
    ("about", ResumeSection::Summary, false),
    ("highlights", ResumeSection::Summary, false),
    ("introduction", ResumeSection::Summary, false),
    ("synopsis", ResumeSection::Summary, false),
    ("qualifications", ResumeSection::Summary, false),
    ("qualification", ResumeSection::Summary, false),
    ("skills", ResumeSection::Skills, false),
    ("skill", ResumeSection::Skills, false),
    ("competencies", ResumeSection::Skills, false),
    ("competency", ResumeSection::Skills, false),
    ("competences", ResumeSection::Skills, false),
    ("expertise", ResumeSection::Skills, false),
    ("proficiency", ResumeSection::Skills, false),
    ("proficiencies", ResumeSection::Skills, false),
    ("strengths", ResumeSection::Skills, false),
    ("abilities", ResumeSection::Skills, false),
    ("capabilities", ResumeSection::Skills, false),
    ("technologies", ResumeSection::Skills, true),
    ("technology", ResumeSection::Skills, true),
    ("tools", ResumeSection::Skills, true),
    ("stack", ResumeSection::Skills, true),
    ("languages", ResumeSection::Skills, true),
    ("toolbox", ResumeSection::Skills, true),
    ("toolkit", ResumeSection::Skills, true),
    ("knowledge", ResumeSection::Skills, true),
    ("environment", ResumeSection::Skills, true),
    ("experience", ResumeSection::Experience, false),
    ("experiences", ResumeSection::Experience, false),
    ("employment", ResumeSection::Experience, false),
    ("history", ResumeSection::Experience, false),
    ("positions", ResumeSection::Experience, false),
    ("internships", ResumeSection::Experience, false),
    ("internship", ResumeSection::Experience, false),
    ("background", ResumeSection::Experience, false),
    ("project", ResumeSection::Projects, false),
    ("projects", ResumeSection::Projects, false),
    ("portfolio", ResumeSection::Projects, false),
    ("education", ResumeSection::Education, false),
    ("educational", ResumeSection::Education, false),
    ("academic", ResumeSection::Education, false),
    ("academics", ResumeSection::Education, false),
    ("degrees", ResumeSection::Education, false),
    ("schooling", ResumeSection::Education, false),
    ("coursework", ResumeSection::Education, false),
    ("certifications", ResumeSection::Certifications, false),
    ("certification", ResumeSection::Certifications, false),
    ("certificates", ResumeSection::Certifications, false),
    ("certificate", ResumeSection::Certifications, false),
    ("licenses", ResumeSection::Certifications, false),
    ("license", ResumeSection::Certifications, false),
    ("licences", ResumeSection::Certifications, false),
    ("licence", ResumeSection::Certifications, false),
    ("credentials", ResumeSection::Certifications, false),
    ("accreditations", ResumeSection::Certifications, false),
    ("courses", ResumeSection::Certifications, false),
    ("information", ResumeSection::Other, false),
    ("info", ResumeSection::Other, false),
    ("links", ResumeSection::Other, false),
    ("awards", ResumeSection::Other, false),
    ("honors", ResumeSection::Other, false),
    ("honours", ResumeSection::Other, false),
    ("achievements", ResumeSection::Other, false),
    ("accomplishments", ResumeSection::Other, false),
    ("publications", ResumeSection::Other, false),
    ("patents", ResumeSection::Other, false),
    ("interests", ResumeSection::Other, false),
    ("hobbies", ResumeSection::Other, false),
    ("references", ResumeSection::Other, false),
    ("referees", ResumeSection::Other, false),
    ("declaration", ResumeSection::Other, false),
    ("activities", ResumeSection::Other, false),
    ("volunteer", ResumeSection::Other, false),
    ("volunteering", ResumeSection::Other, false),
    ("affiliations", ResumeSection::Other, false),
    ("memberships", ResumeSection::Other, false),
    ("associations", ResumeSection::Other, false),
    ("training", ResumeSection::Other, false),
    ("trainings", ResumeSection::Other, false),
    ("contact", ResumeSection::Other, false),
    ("details", ResumeSection::Other, false),
    ("personal", ResumeSection::Other, false),
    ("dossier", ResumeSection::Other, false),
    ("extracurricular", ResumeSection::Other, false),
    ("conferences", ResumeSection::Other, false),
    ("presentations", ResumeSection::Other, false),
];

/// Words that may accompany section words in a header ("Relevant Work Experience").
pub(super) const HEADER_MODIFIERS: &[&str] = &[
    "technical",
    "professional",
    "work",
    "working",
    "key",
    "core",
    "relevant",
    "additional",
    "other",
    "selected",
    "career",
    "job",
    "related",
    "area",
    "areas",
    "of",
    "and",
    "the",
    "my",
    "in",
    "it",
    "software",
    "computer",
    "programming",
    "industry",
    "recent",
    "previous",
    "prior",
    "major",
    "main",
    "notable",
    "soft",
    "hard",
    "functional",
    "domain",
    "special",
    "specialized",
    "tech",
    "set",
    "sets",
    "summary",
    "handled",
    "undertaken",
    "completed",
    "done",
    "on",
    "worked",
    "spoken",
    "language",
    "licensed",
    "list",
    "detailed",
    "brief",
    "personal",
    "courses",
];

/// When a header names two sections, the more specific one wins
/// ("Academic Projects" is projects; "Education & Certifications" is education).
fn section_priority(section: ResumeSection) -> u8 {
    match section {
        ResumeSection::Projects => 0,
        ResumeSection::Education => 1,
        ResumeSection::Certifications => 2,
        ResumeSection::Experience => 3,
        ResumeSection::Skills => 4,
        ResumeSection::Summary => 5,
        ResumeSection::Other => 6,
        ResumeSection::Header => 7,
    }
}

/// The section a phrase made only of section words names, and whether only
/// weak words name it.
pub(super) fn classify_heading(phrase: &str) -> Option<(ResumeSection, bool)> {
    let words: Vec<String> = phrase
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() || words.len() > HEADER_MAX_WORDS {
        return None;
    }
    let mut best: Option<ResumeSection> = None;
    let mut weak = true;
    for word in &words {
        match SECTION_WORDS.iter().find(|(w, _, _)| w == word) {
            Some(&(_, section, is_weak)) => {
                weak &= is_weak;
                if best.is_none_or(|b| section_priority(section) < section_priority(b)) {
                    best = Some(section);
                }
            }
            None if HEADER_MODIFIERS.contains(&word.as_str()) => {}
            None => return None,
        }
    }
    best.map(|section| (section, weak))
}

/// Characters decorating a header line ("**Skills**", "— Experience —", "SKILLS:").
pub(super) fn is_decoration(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '*' | '_'
                | '='
                | '-'
                | '•'
                | '·'
                | '|'
                | '>'
                | ':'
                | '['
                | ']'
                | '~'
                | '–'
                | '—'
                | '"'
                | '#'
        )
}

/// The section a line starts, if it is a section header. `current` is the
/// section the line is in.
fn header_section(line: &str, current: ResumeSection) -> Option<ResumeSection> {
    let line = line.trim();
    if line.is_empty() || line.len() > HEADER_MAX_BYTES {
        return None;
    }
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let body = line.trim_matches(is_decoration);
    if body.is_empty() || body.contains(':') {
        return None;
    }
    match classify_heading(body) {
        Some((section, weak)) => {
            let in_role = matches!(current, ResumeSection::Experience | ResumeSection::Projects);
            (!(weak && in_role && hashes < 2)).then_some(section)
        }
        // "## Anything" is a Markdown section; "# Jane Doe" is a title.
        None => (hashes >= 2).then_some(ResumeSection::Other),
    }
}

/// The section named by a "Label: content" line's label, when there is
/// content, and whether only weak words name it.
fn inline_label(line: &str) -> Option<(ResumeSection, bool)> {
    let colon = line.find(':')?;
    if colon > HEADER_MAX_BYTES || line[colon + 1..].trim().is_empty() {
        return None;
    }
    classify_heading(line[..colon].trim_matches(is_decoration))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::resume::fixture::{parse, tiny};

    #[test]
    fn section_headers_are_recognized() {
        use ResumeSection::*;
        let cases: &[(&str, &str, ResumeSection, Option<ResumeSection>)] = &[
            ("caps", "SKILLS", Header, Some(Skills)),
            ("title case", "Technical Skills", Header, Some(Skills)),
            (
                "with ampersand and colon",
                "Skills & Tools:",
                Header,
                Some(Skills),
            ),
            (
                "work experience",
                "Work Experience",
                Header,
                Some(Experience),
            ),
            (
                "professional experience",
                "Professional Experience",
                Summary,
                Some(Experience),
            ),
            (
                "employment history",
                "EMPLOYMENT HISTORY",
                Header,
                Some(Experience),
            ),
            (
                "career history slash",
                "Career Experience/Job History",
                Header,
                Some(Experience),
            ),
            ("projects", "Projects", Experience, Some(Projects)),
            (
                "academic projects",
                "Academic Projects",
                Header,
                Some(Projects),
            ),
            ("education", "Education", Header, Some(Education)),
            (
                "educational qualification",
                "EDUCATIONAL QUALIFICATION",
                Header,
                Some(Education),
            ),
            (
                "education and certifications",
                "Education & Certifications",
                Header,
                Some(Education),
            ),
            (
                "certifications",
                "CERTIFICATIONS/LICENSES",
                Header,
                Some(Certifications),
            ),
            ("summary", "Summary", Header, Some(Summary)),
            (
                "summary of qualifications",
                "Summary of Qualifications",
                Header,
                Some(Summary),
            ),
            ("profile", "Profile", Header, Some(Summary)),
            ("objective", "Career Objective", Header, Some(Summary)),
            ("markdown skills", "## Skills", Header, Some(Skills)),
            ("markdown bold", "**Experience**", Header, Some(Experience)),
            ("markdown unknown h2", "## Side Quests", Skills, Some(Other)),
            (
                "additional information",
                "ADDITIONAL INFORMATION",
                Skills,
                Some(Other),
            ),
            (
                "weak word outside roles",
                "Technologies",
                Summary,
                Some(Skills),
            ),
            ("weak word inside a role", "Technologies:", Experience, None),
            ("markdown h1 name", "# Jane Doe", Header, None),
            ("inline content", "Skills: Java, Go", Header, None),
            ("job title", "CES ASSOCIATE CONSULTANT", Experience, None),
            (
                "a skill line",
                "Communication Skills and Java",
                Skills,
                None,
            ),
            ("prose", "I have experience with many tools", Header, None),
            (
                "too long",
                "Skills skills skills skills skills skills",
                Header,
                None,
            ),
            ("empty", "", Header, None),
            ("dash rule", "-----", Header, None),
        ];
        for (name, line, current, expected) in cases {
            assert_eq!(
                header_section(line, *current),
                *expected,
                "{name}: {line:?}"
            );
        }
    }

    #[test]
    fn closing_labels_after_the_last_job_open_their_own_sections() {
        use ResumeSection::*;
        let as_of = YearMonth {
            year: 2026,
            month: 11,
        };
        // (case, text, the section of each line)
        let cases: &[(&str, &str, &[ResumeSection])] = &[
            (
                "skills, degree and licence after the last job",
                "Experience\nSRE, Acme, 2019 - 2021\n- Ran Kubernetes\nSkills: Go, Helm\nEducation: BSc, 2012 - 2016\nCertifications: CKA",
                &[Experience, Experience, Experience, Skills, Education, Certifications],
            ),
            (
                "a skills line between two jobs stays the first job's",
                "Experience\nSRE, Acme, 2019 - 2021\nSkills: Go\nDev, Initech, 2016 - 2018\n- Wrote Java",
                &[Experience, Experience, Experience, Experience, Experience],
            ),
            (
                "a weak label after the last job stays the job's",
                "Experience\nSRE, Acme, 2019 - 2021\nTools: Jira, Helm",
                &[Experience, Experience, Experience],
            ),
            (
                "outside any job a skills line is a one-line section",
                "Jane Doe\nSkills: Go\nBerlin",
                &[Header, Skills, Header],
            ),
        ];
        for (name, text, expected) in cases {
            let mut lines = crate::extract::resume::lines::logical_lines(text, as_of);
            assign_sections(&mut lines);
            let got: Vec<ResumeSection> = lines.iter().map(|l| l.section).collect();
            assert_eq!(&got, expected, "{name}");
        }
    }

    #[test]
    fn sections_are_assigned_to_mentions() {
        let text = "Jane Doe\nUses Java daily\n\nSKILLS\nGo, Python\n\nExperience\nBackend Engineer\nWrote Kotlin\n\n## Education\nBS in Computer Science\n";
        let candidate = parse(text);
        let got: Vec<(String, ResumeSection)> = candidate
            .skills
            .iter()
            .map(|s| (tiny().skill(s.skill).id.clone(), s.evidence[0].section))
            .collect();
        let expected = [
            ("java", ResumeSection::Header),
            ("go", ResumeSection::Skills),
            ("python", ResumeSection::Skills),
            ("kotlin", ResumeSection::Experience),
            ("computer-science", ResumeSection::Education),
        ];
        let expected: Vec<(String, ResumeSection)> = expected
            .iter()
            .map(|(id, s)| (id.to_string(), *s))
            .collect();
        assert_eq!(got, expected);
    }
}
