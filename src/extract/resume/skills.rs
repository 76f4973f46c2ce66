//! Skills: where every skill mention becomes evidence, and evidence becomes
//! a [`CandidateSkill`].
//!
//! Every mention the matcher finds is evidence, except in a line that
//! names a section ("CERTIFICATIONS" is no skill) and in the employer's
//! part of a role heading ("Tidewater Logistics" is no logistics skill).
//! Skills come in
//! first-mention order; each keeps its mentions with the line quoted, the
//! roles whose blocks mention it (and those of its more specific forms:
//! Next.js work is React work) and the years stated beside it.
//!
//! Invariants: one record per skill, in first-mention order; evidence in
//! text order, spans the matcher's byte spans; quotes never longer than
//! [`MAX_QUOTE_BYTES`].

use std::collections::{BTreeMap, BTreeSet};

use super::lines::Line;
use super::roles::{employer_spans, Roles};
use super::sections::{classify_heading, is_decoration};
use super::years::{skill_years, Stated};
use super::{CandidateSkill, ResumeSection, SkillEvidence};
use crate::extract::Mention;
use crate::taxonomy::{SkillId, Taxonomy};

/// Longest evidence quote, in bytes: longer lines are quoted around the mention.
pub const MAX_QUOTE_BYTES: usize = 300;

/// Most evidence entries kept per skill, the first in text order. A
/// recruiter reads a handful; a résumé (or hostile text) naming a skill a
/// million times would otherwise hold a million quotes. What the rest would
/// tell (the sections and roles the skill appears in, its years) is still
/// taken from every mention.
pub const MAX_EVIDENCE_PER_SKILL: usize = 50;

/// The candidate's skills from the matcher's `mentions` (`line_of` gives
/// each mention's logical line): evidence, the roles of each skill and of
/// its more specific forms, and its years.
pub(super) fn collect_skills(
    taxonomy: &Taxonomy,
    text: &str,
    lines: &[Line<'_>],
    mentions: &[Mention],
    line_of: &[Option<usize>],
    found: &Roles,
    stated: &Stated,
) -> Vec<CandidateSkill> {
    let employers = employer_spans(lines, found);
    let mut slots: BTreeMap<SkillId, usize> = BTreeMap::new();
    let mut skills: Vec<CandidateSkill> = Vec::new();
    let mut role_sets: Vec<BTreeSet<usize>> = Vec::new();
    // The most years stated beside the skill, and the line stating them.
    let mut stated_max: Vec<Option<(f32, usize)>> = Vec::new();
    let mut outside_skills_section: Vec<bool> = Vec::new();
    for (k, mention) in mentions.iter().enumerate() {
        let Some(li) = line_of[k] else {
            continue;
        };
        let line = &lines[li];
        // "CERTIFICATIONS" names a section, not the skill "Professional
        // Certification"; a Markdown heading of free words ("## Spark
        // pipelines") still counts.
        if line.header && classify_heading(line.text.trim().trim_matches(is_decoration)).is_some() {
            continue;
        }
        // "Data Engineer, Loop Analytics": the employer is no skill.
        if employers
            .iter()
            .any(|e| e.start <= mention.start && mention.end <= e.end)
        {
            continue;
        }
        let slot = *slots.entry(mention.skill).or_insert_with(|| {
            skills.push(CandidateSkill {
                skill: mention.skill,
                years: None,
                years_from: None,
                skills_section_only: true,
                evidence: Vec::new(),
            });
            role_sets.push(BTreeSet::new());
            stated_max.push(None);
            outside_skills_section.push(false);
            skills.len() - 1
        });
        if line.section != ResumeSection::Skills {
            outside_skills_section[slot] = true;
        }
        if skills[slot].evidence.len() < MAX_EVIDENCE_PER_SKILL {
            skills[slot].evidence.push(SkillEvidence {
                line: mention.line,
                start: mention.start,
                end: mention.end,
                text: quote(text, line, mention),
                section: line.section,
            });
        }
        if let Some(role) = found.block_of_line[li] {
            role_sets[slot].insert(role);
        }
        if let Some(years) = stated.per_mention[k] {
            if stated_max[slot].is_none_or(|(most, _)| years > most) {
                stated_max[slot] = Some((years, mention.line));
            }
        }
    }
    // A role that uses a more specific skill uses the general one too:
    // Next.js work is React work, PySpark work is Spark work.
    let own_roles = role_sets.clone();
    for (slot, general) in skills.iter().enumerate() {
        for (other, specific) in skills.iter().enumerate() {
            if other != slot && taxonomy.is_a(specific.skill, general.skill) {
                role_sets[slot].extend(own_roles[other].iter().copied());
            }
        }
    }
    for (slot, skill) in skills.iter_mut().enumerate() {
        skill.skills_section_only = !outside_skills_section[slot];
        let years = skill_years(stated_max[slot], &found.roles, &role_sets[slot]);
        skill.years = years.as_ref().map(|(y, _)| *y);
        skill.years_from = years.map(|(_, from)| from);
    }
    skills
}
/// The evidence quote for a mention: its line, or for a long line a window
/// of at most [`MAX_QUOTE_BYTES`] around the mention.
fn quote(text: &str, line: &Line<'_>, mention: &Mention) -> String {
    if line.text.len() <= MAX_QUOTE_BYTES {
        return line.text.to_string();
    }
    let anchor = mention.start.clamp(line.start, line.end);
    let mut start = anchor.saturating_sub(MAX_QUOTE_BYTES / 2).max(line.start);
    let mut end = (start + MAX_QUOTE_BYTES).min(line.end);
    start = end.saturating_sub(MAX_QUOTE_BYTES).max(line.start);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(start..end).unwrap_or_default().trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::resume::fixture::{embedded_matcher, ids, parse, tiny, AS_OF};
    use crate::extract::resume::{parse_resume, ResumeOptions};

    #[test]
    fn skills_section_only_means_every_mention_is_listed() {
        let text = "Summary\nGo developer\nSkills\nGo, Java\nTechnical Skills: Python\nExperience\nDev\n2020 - 2021\nShipped Go services\n";
        let candidate = parse(text);
        let flags: Vec<(String, bool)> = candidate
            .skills
            .iter()
            .map(|s| (tiny().skill(s.skill).id.clone(), s.skills_section_only))
            .collect();
        let expected: Vec<(String, bool)> = [("go", false), ("java", true), ("python", true)]
            .iter()
            .map(|(id, f)| (id.to_string(), *f))
            .collect();
        assert_eq!(flags, expected);
    }

    #[test]
    fn education_category_skills_are_listed_and_order_is_first_mention() {
        let text = "Skills\nKubernetes, Java\nEducation\nBS in Computer Science\nExperience\nJava and Kubernetes\n";
        let candidate = parse(text);
        assert_eq!(
            ids(&candidate, tiny()),
            ["kubernetes", "java", "computer-science"]
        );
        let cs = &candidate.skills[2];
        assert_eq!(tiny().skill(cs.skill).category, "education");
        let java = &candidate.skills[1];
        let spans: Vec<(usize, usize, usize, &str)> = java
            .evidence
            .iter()
            .map(|e| (e.line, e.start, e.end, e.text.as_str()))
            .collect();
        assert_eq!(
            spans,
            [
                (2, 19, 23, "Kubernetes, Java"),
                (6, 68, 72, "Java and Kubernetes"),
            ]
        );
        assert_eq!(&text[19..23], "Java");
        assert_eq!(&text[68..72], "Java");
    }

    #[test]
    fn evidence_is_capped_per_skill_but_every_mention_counts() {
        // Java in the skills section many times, then once in a role.
        let text = format!(
            "Skills\n{}\n\nExperience\nBuilt services in Java.\n",
            "Java, ".repeat(MAX_EVIDENCE_PER_SKILL + 10)
        );
        let candidate = parse(&text);
        let java = &candidate.skills[0];
        assert_eq!(java.evidence.len(), MAX_EVIDENCE_PER_SKILL);
        // The one mention outside the skills section is past the cap, and
        // still makes the skill more than a listed one.
        assert!(java
            .evidence
            .iter()
            .all(|e| e.section == ResumeSection::Skills));
        assert!(!java.skills_section_only);
    }

    #[test]
    fn long_lines_are_quoted_around_the_mention() {
        let text = format!("{} Java {}", "word ".repeat(200), "word ".repeat(200));
        let candidate = parse(&text);
        let evidence = &candidate.skills[0].evidence[0];
        assert!(
            evidence.text.len() <= MAX_QUOTE_BYTES,
            "{}",
            evidence.text.len()
        );
        assert!(evidence.text.contains("Java"));
        assert_eq!(&text[evidence.start..evidence.end], "Java");
    }

    #[test]
    fn headings_and_profile_links_are_not_skills() {
        let text = "Jane Roe\ngithub.com/jroe · linkedin.com/in/jroe\n\nSkills\nPython, SQL\n\n\
                    CERTIFICATIONS\nAWS Certified Solutions Architect\n";
        let matcher = embedded_matcher();
        let candidate = parse_resume(matcher, "cv.txt", text, &ResumeOptions { as_of: AS_OF });
        let got = ids(&candidate, matcher.taxonomy());
        assert!(got.contains(&"python".to_string()), "{got:?}");
        for absent in ["github", "linkedin", "professional-certification"] {
            assert!(!got.contains(&absent.to_string()), "{absent} in {got:?}");
        }
    }
}
