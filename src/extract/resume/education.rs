//! The candidate's education: the highest degree level a résumé names.
//!
//! Degree words themselves ("B.Sc.", "Master's", "PhD") are read by
//! [`degree_levels`]; this file decides which lines count: the Education
//! section, or with no such section any line that also has an education
//! word, and never a degree still in progress.

use super::lines::Line;
use super::ResumeSection;
use crate::extract::{degree_levels, DegreeLevel};

/// Words that show a line outside an education section is about a degree,
/// so "MS Office" is not a master's degree.
const EDUCATION_CONTEXT: &[&str] = &[
    "degree",
    "university",
    "college",
    "institute",
    "school",
    "academy",
    "polytechnic",
    "graduated",
    "graduation",
    "gpa",
    "cgpa",
    "education",
    "science",
    "engineering",
    "arts",
    "technology",
    "commerce",
    "administration",
    "major",
    "honours",
    "honors",
];

/// The highest degree level in the education section; with no such
/// section, in any line that also has an education word.
pub(super) fn education_level(lines: &[Line<'_>], has_education: bool) -> Option<DegreeLevel> {
    lines
        .iter()
        .filter(|line| {
            if has_education {
                line.section == ResumeSection::Education
            } else {
                line.text
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| EDUCATION_CONTEXT.contains(&w.to_lowercase().as_str()))
            }
        })
        .filter(|line| !is_unfinished(line.text))
        .flat_map(|line| degree_levels(line.text))
        .max()
}

/// Words that mark a degree as not (yet) earned: "Master's degree (in
/// progress)", "Ph.D. candidate (ABD)", "pursuing a B.Sc.".
const UNFINISHED_MARKERS: &[&str] = &[
    "in progress",
    "expected",
    "candidate",
    "pursuing",
    "abd",
    "ongoing",
    "incomplete",
    "not completed",
    "currently enrolled",
];

/// Does the line speak of a degree not yet earned?
fn is_unfinished(line: &str) -> bool {
    let lower = format!(" {} ", line.to_lowercase());
    UNFINISHED_MARKERS.iter().any(|m| {
        lower.match_indices(m).any(|(at, _)| {
            let before = lower[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after = lower[at + m.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            before && after
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::resume::fixture::parse;

    #[test]
    fn unfinished_degrees_table() {
        let cases = [
            ("Master's degree (in progress), expected 2027", true),
            ("Ph.D. candidate in Physics (ABD)", true),
            ("Pursuing a B.Sc. in Mathematics", true),
            ("B.Sc. Computer Science, 2017", false),
            ("MSc in Candidemia research", false),
        ];
        for (line, expected) in cases {
            assert_eq!(is_unfinished(line), expected, "{line}");
        }
    }

    #[test]
    fn education_level_is_the_highest_in_the_education_section() {
        let cases: &[(&str, &str, Option<DegreeLevel>)] = &[
            (
                "two degrees",
                "Education\nB.S. in Computer Science, 2010\nM.S. in Computer Science, 2012\n",
                Some(DegreeLevel::Master),
            ),
            (
                "phd",
                "EDUCATION\nPh.D., Physics\nBachelor of Science\n",
                Some(DegreeLevel::Phd),
            ),
            (
                "only the education section",
                "Skills\nMS Office\nEducation\nBachelor of Arts\n",
                Some(DegreeLevel::Bachelor),
            ),
            (
                "no section, with context",
                "Jane Doe\nMS in Computer Science, Stanford University\n",
                Some(DegreeLevel::Master),
            ),
            (
                "no section, MS Office",
                "Jane Doe\nSkills: MS Office, Excel\n",
                None,
            ),
            ("none", "Jane Doe\nEducation\nHigh school\n", None),
        ];
        for (name, text, expected) in cases {
            assert_eq!(parse(text).education, *expected, "{name}");
        }
    }
}
