//! Where one posting line becomes requirements.
//!
//! A line (a bullet, or a sentence) is split by how its skill mentions are
//! joined: members of a list joined by "or" or "/" are alternatives of ONE
//! requirement ("Java or C++", "Python, Java, C++, or Go",
//! "Spark/Flink/Big Data"); a list joined only by commas and "and" gives one
//! requirement per member ("storage, caching and data processing"). A
//! years phrase ("5+ years of …") attaches to the group after it. A degree
//! makes an education requirement whose fields are the fields of study named
//! on the line. A skill the line rules out ("not required", "this role is
//! not …", see `negation.rs`) is not asked for. A line with no skill is
//! kept as kind `other`, to be shown as not assessed.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::negation::ruled_out;
use super::section::Section;
use super::years::years_phrases;
use crate::extract::{accepts_equivalent, degree_levels, DegreeLevel, Mention};
use crate::taxonomy::{SkillId, Taxonomy, EDUCATION_CATEGORY};

/// What a requirement asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RequirementKind {
    /// One of the skills in `any_of`.
    Skill,
    /// Years of experience, in total (no skill named).
    Experience,
    /// A degree.
    Education,
    /// No known skill: shown as not assessed.
    Other,
}

impl RequirementKind {
    /// The contract name.
    pub fn name(self) -> &'static str {
        match self {
            RequirementKind::Skill => "skill",
            RequirementKind::Experience => "experience",
            RequirementKind::Education => "education",
            RequirementKind::Other => "other",
        }
    }
}

/// An education requirement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EducationRequirement {
    /// The lowest level that satisfies it ("BS or MS" → bachelor).
    pub level: DegreeLevel,
    /// Fields of study named ("Computer Science, Engineering").
    pub fields: Vec<SkillId>,
    /// "or equivalent experience" accepted.
    pub or_equivalent: bool,
}

/// One requirement of a posting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Requirement {
    /// The source phrase (bullet or sentence), trimmed.
    pub text: String,
    /// 1-based line in the source text.
    pub line: usize,
    /// Required, preferred or responsibility.
    pub section: Section,
    /// What it asks for.
    pub kind: RequirementKind,
    /// Alternatives that satisfy it, in text order.
    pub any_of: Vec<SkillId>,
    /// Minimum years asked for, when stated.
    pub min_years: Option<f32>,
    /// Most years of experience an entry-level posting looks for ("0-2
    /// years", "up to 2 years", a Graduate or Junior title); experience
    /// requirements only.
    pub max_years: Option<f32>,
    /// The degree asked for, for education requirements.
    pub education: Option<EducationRequirement>,
}

/// Words that mark an item in a required section as preferred.
const PREFERRED_MARKERS: &[&str] = &[
    "preferred",
    "a plus",
    "is a plus",
    "nice to have",
    "nice-to-have",
    "bonus",
    "desirable",
    "ideally",
    "would be great",
    "an advantage",
    "advantageous",
];

/// Years of experience an entry-level title (graduate, junior, intern,
/// trainee, apprentice, entry level) looks for at most: graduate programmes
/// and junior roles take people in their first two years.
pub const ENTRY_LEVEL_MAX_YEARS: f32 = 2.0;

/// Title words that mark an entry-level role.
const ENTRY_LEVEL_WORDS: &[&str] = &[
    "graduate",
    "graduates",
    "grad",
    "intern",
    "internship",
    "trainee",
    "apprentice",
    "apprenticeship",
    "junior",
    "jr",
    "werkstudent",
];

/// Title phrases that mark an entry-level role.
const ENTRY_LEVEL_PHRASES: &[&str] = &[
    "entry level",
    "entry-level",
    "early career",
    "working student",
];

/// Does a job title name an entry-level role? "Graduate Software Engineer",
/// "Junior Data Analyst", "Software Engineering Intern", "Entry-Level QA";
/// not "Senior Engineer" nor "Postgraduate Researcher".
pub fn is_entry_level_title(title: &str) -> bool {
    let lower = title.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let senior = words.iter().any(|w| {
        matches!(
            *w,
            "senior" | "sr" | "lead" | "principal" | "staff" | "head" | "manager" | "director"
        )
    });
    !senior
        && (words.iter().any(|w| ENTRY_LEVEL_WORDS.contains(w))
            || ENTRY_LEVEL_PHRASES.iter().any(|p| lower.contains(p)))
}

/// How far after the degree word the "in"/"of" that opens its fields of
/// study may start.
const FIELD_LIST_OPENER_BYTES: usize = 24;

/// Words that may join the fields of study after a degree: "MSc in Data
/// Science, Statistics or a related field".
const FIELD_LIST_WORDS: &[&str] = &["and", "or", "a", "an", "and/or", "&"];

/// The starts of the mentions a degree names as its fields of study: the
/// list right after the first degree word's "in" or "of" ("Bachelor's
/// degree in Nursing", "MSc in Data Science, Statistics or …"), whatever
/// their category. A skill named elsewhere on the line ("… and 3 years of
/// Java") stays a skill.
fn field_list(text: &str, offset: usize, mentions: &[Mention]) -> Vec<usize> {
    let mut degree_end = None;
    let mut at = 0;
    for word in text.split_inclusive(|c: char| c.is_whitespace() || c == ',' || c == '(') {
        let end = at + word.len();
        if !degree_levels(word).is_empty() {
            degree_end = Some(end);
            break;
        }
        at = end;
    }
    let Some(degree_end) = degree_end else {
        return Vec::new();
    };
    // "degree in", "in", "of", "'s in": the list starts after the first
    // "in"/"of" within a few words of the degree. ASCII lowercase keeps
    // every byte where it was (full lowercasing can change a character's
    // length: "İ" is three bytes lowercased), so window offsets are text
    // offsets.
    let window =
        super::first_bytes(&text[degree_end..], FIELD_LIST_OPENER_BYTES).to_ascii_lowercase();
    let Some(list_start) = [" in ", " of "]
        .iter()
        .filter_map(|w| window.find(w).map(|p| degree_end + p + w.len()))
        .chain(
            ["in ", "of "]
                .iter()
                .filter(|w| window.starts_with(*w))
                .map(|w| degree_end + w.len()),
        )
        .min()
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut previous_end = offset + list_start;
    for m in mentions.iter().filter(|m| m.start >= offset + list_start) {
        let gap = text
            .get(previous_end - offset..m.start - offset)
            .unwrap_or("x");
        let joined = gap
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '/' | ';'))
            .filter(|w| !w.is_empty())
            .all(|w| FIELD_LIST_WORDS.contains(&w.to_lowercase().as_str()));
        if !joined {
            break;
        }
        out.push(m.start);
        previous_end = m.end;
    }
    out
}

/// Words that may stand between list members besides punctuation.
/// "another" and "other" keep a list going: "Kafka, Debezium or another CDC tool".
const LIST_WORDS: &[&str] = &[
    "and", "or", "nor", "and/or", "as", "well", "either", "plus", "etc", "&", "another", "other",
    "similar",
];

/// How two neighbouring mentions are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// Not a list.
    Break,
    /// ",": the list goes on; its conjunction decides.
    Comma,
    /// "and": separate requirements.
    And,
    /// "or": the whole list is alternatives.
    Or,
    /// "/" alone: alternatives within one unit.
    Slash,
}

/// Splits one item (`text`, starting at byte `offset` of the posting, on
/// `line`) into requirements. `mentions` are the mentions that start in
/// the item, in order, with offsets into the whole posting; one that runs
/// past its end is not the item's and is left out.
pub(crate) fn split_item(
    taxonomy: &Taxonomy,
    text: &str,
    offset: usize,
    line: usize,
    section: Section,
    mentions: &[Mention],
) -> Vec<Requirement> {
    let text_trimmed = text.trim();
    if text_trimmed.is_empty() {
        return Vec::new();
    }
    // "This role is not ML model development": what a line rules out, it
    // does not ask for. A line left with no skill is kept as `other`.
    // Nearly always every mention is kept: then they are read in place,
    // not copied (a long item can hold millions).
    let end = offset + text.len();
    let keep = |m: &Mention| m.end <= end && !ruled_out(text, offset, m);
    let kept: Cow<'_, [Mention]> = if mentions.iter().all(keep) {
        Cow::Borrowed(mentions)
    } else {
        Cow::Owned(mentions.iter().filter(|m| keep(m)).cloned().collect())
    };
    let mentions: &[Mention] = &kept;
    // "SQL, ideally PostgreSQL": a marker that leads into the rest of the
    // line makes only what follows it preferred; any other marker makes
    // the whole line preferred.
    let lead_in = if section == Section::Required {
        lead_in_marker(text).filter(|&at| mentions.iter().any(|m| m.start < offset + at))
    } else {
        None
    };
    let base_section = section;
    let section = if section == Section::Required && lead_in.is_none() && has_preferred_marker(text)
    {
        Section::Preferred
    } else {
        section
    };
    let section_at = |start: usize| match lead_in {
        Some(at) if start >= offset + at => Section::Preferred,
        _ => base_section,
    };
    // Each requirement quotes its item; a long item (a paragraph that was
    // never split, or hostile input) is quoted around what it is about, so
    // requirements take memory in proportion to the item, not its square.
    let lead = text.len() - text.trim_start().len();
    let quote = |at: usize| {
        excerpt(
            text_trimmed,
            at.saturating_sub(offset + lead),
            MAX_QUOTE_BYTES,
        )
    };
    let new = |kind, any_of, min_years, education, at: usize| Requirement {
        text: quote(at),
        line,
        section,
        kind,
        any_of,
        min_years,
        max_years: None,
        education,
    };
    let mut out = Vec::new();

    let is_education = |m: &Mention| taxonomy.skill(m.skill).category == EDUCATION_CATEGORY;
    let levels = degree_levels(text);
    let mut skills: Vec<&Mention> = mentions.iter().collect();
    if let Some(&lowest) = levels.iter().min() {
        let mut fields: Vec<SkillId> = Vec::new();
        let studied = field_list(text, offset, mentions);
        for m in mentions
            .iter()
            .filter(|m| is_education(m) || studied.contains(&m.start))
        {
            if !is_degree(taxonomy, m.skill) && !fields.contains(&m.skill) {
                fields.push(m.skill);
            }
        }
        out.push(new(
            RequirementKind::Education,
            Vec::new(),
            None,
            Some(EducationRequirement {
                level: lowest,
                fields,
                or_equivalent: accepts_equivalent(text),
            }),
            offset,
        ));
        skills.retain(|m| !is_education(m) && !studied.contains(&m.start));
    } else {
        skills.retain(|m| !is_degree(taxonomy, m.skill));
    }

    let groups = group(taxonomy, text, offset, &skills);
    let years = years_phrases(text);
    let mut years_for: Vec<Option<f32>> = vec![None; groups.len()];
    let mut general_years: Vec<(f32, Option<f32>, usize)> = Vec::new();
    for y in &years {
        let at = offset + y.start;
        // The list right after the phrase, else the last group before it.
        let target = groups
            .iter()
            .position(|g| g.first_start >= at)
            .or_else(|| groups.len().checked_sub(1));
        match target {
            Some(t) if !y.total => {
                let chain = groups[t].chain;
                for (g, slot) in groups.iter().zip(years_for.iter_mut()).skip(t) {
                    if g.chain == chain && slot.is_none() {
                        *slot = Some(y.min_years);
                    }
                }
            }
            _ => general_years.push((y.min_years, y.max_years, at)),
        }
    }
    // Years of experience in general; a degree line's years belong to the degree.
    if levels.is_empty() {
        for (min, max, at) in general_years {
            let mut r = new(
                RequirementKind::Experience,
                Vec::new(),
                (min > 0.0).then_some(min),
                None,
                at,
            );
            r.max_years = max;
            out.push(r);
        }
    }
    for (g, min_years) in groups.into_iter().zip(years_for) {
        let mut r = new(
            RequirementKind::Skill,
            g.skills,
            min_years,
            None,
            g.first_start,
        );
        if lead_in.is_some() {
            r.section = section_at(g.first_start);
        }
        out.push(r);
    }
    if out.is_empty() {
        out.push(new(RequirementKind::Other, Vec::new(), None, None, offset));
    }
    out
}

/// Longest requirement text kept whole; a longer item is quoted around the
/// requirement's place in it.
pub const MAX_QUOTE_BYTES: usize = 1000;

/// `text` when it is at most `max` bytes; else a window of about `max`
/// bytes starting a little before byte `at` (at char boundaries), with
/// "…" where it was cut.
fn excerpt(text: &str, at: usize, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut start = at.min(text.len()).saturating_sub(max / 4);
    let mut end = (start + max).min(text.len());
    start = end.saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut out = String::with_capacity(end - start + 8);
    if start > 0 {
        out.push('…');
    }
    out.push_str(text[start..end].trim());
    if end < text.len() {
        out.push('…');
    }
    out
}

/// A run of mentions that form one requirement.
struct Group {
    skills: Vec<SkillId>,
    first_start: usize,
    /// End of the group's last mention (in the text as read).
    last_end: usize,
    /// Groups of one list share a chain number ("3+ years of Python and SQL").
    chain: usize,
}

/// Groups an item's mentions into requirements.
///
/// Slashes bind tightest: "VoIP/WebRTC" is one unit of alternatives. An
/// explicit "and" separates requirements. Between "and"s, units joined by
/// commas take the list's conjunction: when an "or" joins any of them, they
/// are one set of alternatives ("Python, Java, C++, or Go"; "Java or Kotlin,
/// and Spring Boot" is two requirements), else one requirement each
/// ("storage, caching and data processing").
fn group(taxonomy: &Taxonomy, text: &str, offset: usize, mentions: &[&Mention]) -> Vec<Group> {
    let (mentions, examples) = elaborations(taxonomy, text, offset, mentions);
    let mentions = drop_generic_heads(taxonomy, text, offset, &mentions);
    let gap_of = |a: &Mention, b: &Mention| {
        let from = a.end.saturating_sub(offset).min(text.len());
        let to = b.start.saturating_sub(offset).min(text.len()).max(from);
        &text[from..to]
    };
    // Parts of lists, each a sequence of units; a unit is a run joined by
    // slashes (or the same skill repeated). An explicit "and" ends a part.
    let mut parts: Vec<(Vec<Vec<&Mention>>, bool, usize)> = Vec::new();
    let mut chain = 0;
    for (i, &m) in mentions.iter().enumerate() {
        let join = if i == 0 {
            Join::Break
        } else {
            let prev = mentions[i - 1];
            join(gap_of(prev, m), prev.skill == m.skill)
        };
        match (join, parts.last_mut()) {
            (Join::Slash, Some((units, _, _))) => units.last_mut().map_or((), |u| u.push(m)),
            (Join::Or, Some((units, or, _))) => {
                *or = true;
                units.push(vec![m]);
            }
            (Join::Comma, Some((units, _, _))) => units.push(vec![m]),
            (Join::And, Some(_)) => parts.push((vec![vec![m]], false, chain)),
            _ => {
                chain += 1;
                parts.push((vec![vec![m]], false, chain));
            }
        }
    }
    // "one of: AWS, GCP, Azure", "any of the following: Kafka, RabbitMQ":
    // a list after an any-of lead-in is one requirement with alternatives.
    let mut before = 0;
    for (units, or, _) in parts.iter_mut() {
        let first = units.first().and_then(|u| u.first()).map(|m| m.start);
        let last = units.last().and_then(|u| u.last()).map(|m| m.end);
        if let (Some(first), Some(last)) = (first, last) {
            let from = before.min(text.len());
            let to = first.saturating_sub(offset).clamp(from, text.len());
            if units.len() > 1 && any_of_lead_in(&text[from..to]) {
                *or = true;
            }
            before = last.saturating_sub(offset);
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut seen: Vec<SkillId> = Vec::new();
    let mut add = |members: Vec<&Mention>, chain: usize, groups: &mut Vec<Group>| {
        let mut skills = Vec::new();
        let mut first_start = usize::MAX;
        let last_end = members.iter().map(|m| m.end).max().unwrap_or(0);
        for m in members {
            if !seen.contains(&m.skill) {
                seen.push(m.skill);
                skills.push(m.skill);
                first_start = first_start.min(m.start);
            }
        }
        if !skills.is_empty() {
            groups.push(Group {
                skills,
                first_start,
                last_end,
                chain,
            });
        }
    };
    for (units, or, chain) in parts {
        if or {
            add(units.into_iter().flatten().collect(), chain, &mut groups);
        } else {
            for unit in units {
                add(unit, chain, &mut groups);
            }
        }
    }
    // A head's examples become its alternatives, after it.
    for (head, extra) in examples {
        if let Some(g) = groups.iter_mut().find(|g| g.skills.contains(&head)) {
            for skill in extra {
                if !g.skills.contains(&skill) {
                    g.skills.push(skill);
                }
            }
        }
    }
    // "Python, Java, C++, or Go or another language": the kind of skill
    // the list gives examples of is one more alternative.
    for g in &mut groups {
        let after = &text[g.last_end.saturating_sub(offset).min(text.len())..];
        if let Some(noun) = or_another(after) {
            if let Some(kind) = common_kind(taxonomy, &g.skills, &noun) {
                if !g.skills.contains(&kind) {
                    g.skills.push(kind);
                }
            }
        }
    }
    groups
}

/// Words that, after "or", say any skill of the same kind will do ("or
/// another language", "or a similar tool", "or equivalent framework").
const OR_ANOTHER_WORDS: &[&str] = &[
    "another",
    "any other",
    "other",
    "a similar",
    "similar",
    "a comparable",
    "comparable",
    "an equivalent",
    "equivalent",
];

/// The noun of an "or another X" right after a list (`after` is the text
/// following its last mention), singular and lowercased: "or another
/// language and …" → "language".
fn or_another(after: &str) -> Option<String> {
    let lower = after.to_lowercase();
    let rest = lower
        .trim_start_matches([',', ' ', ')'])
        .strip_prefix("or ")?;
    let rest = OR_ANOTHER_WORDS
        .iter()
        .find_map(|w| rest.strip_prefix(w).and_then(|r| r.strip_prefix(' ')))?;
    let noun: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    let noun = noun.strip_suffix('s').unwrap_or(&noun).to_string();
    (noun.len() >= 3).then_some(noun)
}

/// The skill every one of `skills` is a kind of and whose label names
/// `noun` ("Programming Languages" for Python, Java and "language"); of
/// several, the most general (fewest ancestors): "Python or another
/// language" means any language, not any statistical one; "or another
/// scripting language" names its kind itself. `None` when
/// no common ancestor names it: "or another tool" after unrelated skills
/// adds nothing.
fn common_kind(taxonomy: &Taxonomy, skills: &[SkillId], noun: &str) -> Option<SkillId> {
    let (first, rest) = skills.split_first()?;
    taxonomy
        .ancestors(*first)
        .iter()
        .copied()
        .filter(|a| rest.iter().all(|s| taxonomy.ancestors(*s).contains(a)))
        .filter(|&a| {
            taxonomy
                .skill(a)
                .label
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.strip_suffix('s').unwrap_or(w) == noun)
        })
        .min_by_key(|&a| (taxonomy.ancestors(a).len(), a))
}

/// Words an any-of lead-in may have between it and the list ("one of the
/// following cloud providers: AWS, GCP").
const ANY_OF_LEAD_IN_GAP_WORDS: usize = 4;

/// Does `gap` (the text before a list) end with an any-of lead-in: "one of",
/// "any of" ("at least one of", "any one of", "one of the following"),
/// introducing the list within [`ANY_OF_LEAD_IN_GAP_WORDS`] words?
fn any_of_lead_in(gap: &str) -> bool {
    let lower = gap.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let Some(of) = words
        .windows(2)
        .rposition(|w| (w[0] == "one" || w[0] == "any") && w[1] == "of")
    else {
        return false;
    };
    // Only lists the lead-in introduces: "one of: …", "one of the following
    // (cloud providers): …", "any of these: …"; not "one of our values is …"
    // or "one of the most important skills: …".
    let rest = &words[of + 2..];
    let introduces = matches!(
        rest,
        [] | ["the", "following", ..] | ["following", ..] | ["these", ..] | ["those", ..]
    );
    introduces && rest.len() <= ANY_OF_LEAD_IN_GAP_WORDS
}

/// Most words between a head skill and the `(` or `:` of its elaboration:
/// "Linux fundamentals:", "CSS skills:", "Relational databases (".
const ELABORATION_HEAD_GAP_WORDS: usize = 2;

/// How far after a head its opener is looked for: two plain words and
/// their spaces fit with room to spare.
const ELABORATION_WINDOW_BYTES: usize = 160;

/// Finds elaborations: a skill followed by a parenthesis or a colon that
/// lists what it covers. "Terraform (modules, state management, code
/// review)" and "Strong Linux fundamentals: networking, file systems" ask
/// for Terraform and Linux; the details say what that includes and are not
/// requirements of their own. Details that are kinds of the head ("Relational
/// databases (PostgreSQL, MySQL)", "cloud platforms (AWS, GCP or Azure)")
/// are examples: they become alternatives of the head. When the detail is
/// introduced by "or" or "and" ("Go (or Rust)", "Kubernetes (and Helm)"),
/// it is no elaboration and normal list rules apply. In "Cloud data
/// platforms (AWS, GCP)" the head is the skill right before the one next to
/// the parenthesis when only it generalizes the details; the other is a
/// modifier and is dropped.
///
/// Returns the mentions left (details removed, same-skill repeats kept for
/// [`drop_generic_heads`]) and, per head, the example skills to add.
fn elaborations<'m>(
    taxonomy: &Taxonomy,
    text: &str,
    offset: usize,
    mentions: &[&'m Mention],
) -> (Vec<&'m Mention>, Vec<(SkillId, Vec<SkillId>)>) {
    let rel = |at: usize| at.saturating_sub(offset).min(text.len());
    let mut removed = vec![false; mentions.len()];
    let mut examples: Vec<(SkillId, Vec<SkillId>)> = Vec::new();
    for (h, head) in mentions.iter().enumerate() {
        if removed[h] {
            continue;
        }
        // The opener after the head, with at most two plain words between:
        // looked for within a window, so a long line without one costs
        // linear time, not a scan to its end per mention.
        let after = &text[rel(head.end)..];
        let Some(open_at) = super::first_bytes(after, ELABORATION_WINDOW_BYTES).find(['(', ':'])
        else {
            continue;
        };
        let between = &after[..open_at];
        let words = between.split_whitespace().count();
        if words > ELABORATION_HEAD_GAP_WORDS
            || !between
                .chars()
                .all(|c| c.is_alphabetic() || c.is_whitespace() || c == '-')
            || between
                .split_whitespace()
                .any(|w| matches!(w, "and" | "or"))
        {
            continue;
        }
        let opener = after.as_bytes()[open_at];
        let start = rel(head.end) + open_at + 1;
        let end = if opener == b'(' {
            text[start..].find(')').map_or(text.len(), |i| start + i)
        } else {
            text.len()
        };
        if opener == b':' && text[start..].starts_with("//") {
            continue;
        }
        // Mentions come in text order: the details are a run of them.
        let details: Vec<usize> = (h + 1..mentions.len())
            .skip_while(|&i| rel(mentions[i].start) < start)
            .take_while(|&i| rel(mentions[i].start) <= end)
            .filter(|&i| rel(mentions[i].end) <= end)
            .collect();
        let Some(&first) = details.first() else {
            continue;
        };
        let lead = text[start..rel(mentions[first].start)].to_lowercase();
        if lead
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "or" | "and"))
        {
            continue;
        }
        // A better head right before this one: "Cloud data platforms (AWS)".
        let kinds_of = |head: SkillId| {
            details
                .iter()
                .filter(|&&i| mentions[i].skill != head && taxonomy.is_a(mentions[i].skill, head))
                .count()
        };
        let mut head_index = h;
        if kinds_of(head.skill) == 0 {
            if let Some(p) = h.checked_sub(1) {
                let gap = &text[rel(mentions[p].end)..rel(head.start)];
                if !removed[p]
                    && gap.chars().all(|c| c.is_whitespace() || c == '-')
                    && kinds_of(mentions[p].skill) > 0
                {
                    removed[h] = true;
                    head_index = p;
                }
            }
        }
        let head_skill = mentions[head_index].skill;
        let mut extra = Vec::new();
        for &i in &details {
            let skill = mentions[i].skill;
            if skill == head_skill {
                continue;
            }
            removed[i] = true;
            if taxonomy.is_a(skill, head_skill) && !extra.contains(&skill) {
                extra.push(skill);
            }
        }
        if !extra.is_empty() {
            examples.push((head_skill, extra));
        }
    }
    let kept = mentions
        .iter()
        .zip(&removed)
        .filter(|(_, &r)| !r)
        .map(|(m, _)| *m)
        .collect();
    (kept, examples)
}

/// Drops a mention of a general skill written right next to a more specific
/// one it generalizes: the "Databases" of "(HTAP) Databases", the
/// "technologies" of "Big Data technologies".
fn drop_generic_heads<'m>(
    taxonomy: &Taxonomy,
    text: &str,
    offset: usize,
    mentions: &[&'m Mention],
) -> Vec<&'m Mention> {
    const ADJACENT_MAX_BYTES: usize = 3;
    let adjacent = |a: &Mention, b: &Mention| {
        let from = a.end.saturating_sub(offset).min(text.len());
        let to = b.start.saturating_sub(offset).min(text.len());
        to >= from
            && to - from <= ADJACENT_MAX_BYTES
            && text[from..to]
                .chars()
                .all(|c| c.is_whitespace() || "()-".contains(c))
    };
    mentions
        .iter()
        .enumerate()
        .filter(|&(i, m)| {
            let before = i.checked_sub(1).map(|j| mentions[j]);
            let after = mentions.get(i + 1).copied();
            let generalizes = |n: &Mention| n.skill != m.skill && taxonomy.is_a(n.skill, m.skill);
            !(before.is_some_and(|b| generalizes(b) && adjacent(b, m))
                || after.is_some_and(|a| generalizes(a) && adjacent(m, a)))
        })
        .map(|(_, m)| *m)
        .collect()
}

/// Most words of their own a clause-level ", or" may carry between two
/// skills ("mentoring others, or driving …").
const CLAUSE_OR_MAX_WORDS: usize = 2;

/// Whether `gap` (trimmed) is a clause-level ", or": a comma, then "or",
/// at most [`CLAUSE_OR_MAX_WORDS`] other words, and no sentence break.
fn clause_or(gap: &str) -> bool {
    if gap.contains(['.', ';', ':', '(', ')']) || gap.matches(',').count() != 1 {
        return false;
    }
    let spaced = gap.replace(',', " , ");
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let comma_or = words
        .windows(2)
        .any(|w| w[0] == "," && w[1].eq_ignore_ascii_case("or"));
    let others = words
        .iter()
        .filter(|w| **w != "," && !w.eq_ignore_ascii_case("or"))
        .count();
    comma_or && others > 0 && others <= CLAUSE_OR_MAX_WORDS
}

fn join(gap: &str, same_skill: bool) -> Join {
    if gap.contains('\n') {
        return Join::Break;
    }
    let trimmed = gap.trim();
    if trimmed.is_empty() || (same_skill && trimmed.chars().all(|c| "()[],-:".contains(c))) {
        // "Hybrid … Processing (HTAP)": the same skill twice is one unit.
        return if same_skill { Join::Slash } else { Join::Break };
    }
    if trimmed.chars().all(|c| c == '/' || c == '|') {
        return Join::Slash;
    }
    let mut or = trimmed.contains('/') || trimmed.contains('|');
    let mut and = false;
    let mut words = 0;
    // "mentoring others, or driving technical leadership": a clause-level
    // ", or" with a word or two of its own around it still offers
    // alternatives, when no sentence ends in between.
    if clause_or(trimmed) {
        return Join::Or;
    }
    // Markdown emphasis around a joining word ("Kafka **or** NATS") is ignored.
    for word in trimmed.split(|c: char| c.is_whitespace() || ",;:()[]|+*_".contains(c)) {
        if word.is_empty() {
            continue;
        }
        let lower = word.to_lowercase();
        let is_version = lower.chars().next().is_some_and(|c| c.is_ascii_digit())
            && lower
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == 'x');
        if is_version {
            continue;
        }
        if lower
            .split('/')
            .all(|w| w.is_empty() || LIST_WORDS.contains(&w))
        {
            words += 1;
            if lower.split('/').any(|w| w == "or" || w == "nor") {
                or = true;
            } else if matches!(lower.as_str(), "and" | "&" | "plus" | "as") {
                and = true;
            }
            continue;
        }
        return Join::Break;
    }
    if words > 3 {
        return Join::Break;
    }
    if or {
        Join::Or
    } else if and {
        Join::And
    } else {
        Join::Comma
    }
}

/// Markers that make what follows them preferred: "SQL, ideally
/// PostgreSQL", "Python (preferably 3.11)".
const LEAD_IN_MARKERS: &[&str] = &["ideally", "preferably", "bonus if", "even better"];

/// Byte position of the first lead-in marker of `text`, as a whole word.
fn lead_in_marker(text: &str) -> Option<usize> {
    let lower = text.to_lowercase();
    // Lowercasing can change byte lengths; positions are kept only when it did not.
    if lower.len() != text.len() {
        return None;
    }
    LEAD_IN_MARKERS
        .iter()
        .filter_map(|m| {
            lower.match_indices(m).map(|(i, _)| i).find(|&i| {
                let before = lower[..i].chars().next_back();
                let after = lower[i + m.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
        .min()
}

fn has_preferred_marker(text: &str) -> bool {
    let lower = text.to_lowercase();
    PREFERRED_MARKERS.iter().any(|m| lower.contains(m))
}

/// Is the skill a degree (not a field of study)? Degrees are the skills of
/// the education category under the `degrees` node, when the taxonomy has one.
fn is_degree(taxonomy: &Taxonomy, skill: SkillId) -> bool {
    taxonomy
        .get("degrees")
        .is_some_and(|degrees| taxonomy.is_a(skill, degrees))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the html fuzz target: a character cut by the window after
    /// a degree word, and lowercasing that changes byte lengths, panicked.
    #[test]
    fn the_field_list_window_never_cuts_a_character() {
        let texts = [
            format!("BSc {}ñ in Computer Science", "x".repeat(23)),
            "İİİİ Master's degree in İnformatics, ñ".to_string(),
            "Degree ÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑÑ".to_string(),
        ];
        for text in &texts {
            assert!(field_list(text, 0, &[]).is_empty(), "{text}");
        }
    }

    #[test]
    fn long_items_are_quoted_around_the_requirement() {
        let long = format!("{}Kubernetes{}", "x ".repeat(600), " y".repeat(600));
        let at = long.find("Kubernetes").expect("in text");
        let cases: Vec<(&str, &str, usize, usize, &str, bool, bool)> = vec![
            (
                "short text is kept whole",
                "Java and Go",
                5,
                100,
                "Java and Go",
                false,
                false,
            ),
            (
                "long text is cut around the place",
                &long,
                at,
                100,
                "Kubernetes",
                true,
                true,
            ),
            ("cut at the start only", &long, 0, 100, "x x", false, true),
            (
                "multi-byte characters are not split",
                "é".repeat(200).leak(),
                150,
                51,
                "é",
                true,
                true,
            ),
        ];
        for (name, text, at, max, contains, cut_before, cut_after) in cases {
            let quote = excerpt(text, at, max);
            assert!(quote.contains(contains), "{name}: {quote}");
            assert!(
                quote.len() <= max + 2 * '…'.len_utf8(),
                "{name}: {}",
                quote.len()
            );
            assert_eq!(quote.starts_with('…'), cut_before, "{name}: {quote}");
            assert_eq!(quote.ends_with('…'), cut_after, "{name}: {quote}");
        }
    }

    #[test]
    fn any_of_lead_in_table() {
        let table = [
            ("Experience with one of: ", true),
            ("At least one of ", true),
            ("any of the following: ", true),
            ("one of the following cloud providers: ", true),
            ("Any one of these: ", true),
            ("Experience with ", false),
            ("one of our core values is ", false),
            ("one of the most important skills: ", false),
            ("two or more of the following: ", false),
        ];
        for (gap, want) in table {
            assert_eq!(any_of_lead_in(gap), want, "{gap:?}");
        }
    }

    #[test]
    fn entry_level_title_table() {
        let cases = [
            ("Graduate Software Engineer (2027 intake)", true),
            ("Junior Data Analyst", true),
            ("Jr. Backend Developer", true),
            ("Software Engineering Intern", true),
            ("Entry-Level QA Tester", true),
            ("Senior Software Engineer", false),
            ("Postgraduate Research Associate", false),
            ("Graduate Recruitment Manager", false),
            ("Software Engineer II, Backend", false),
        ];
        for (title, expected) in cases {
            assert_eq!(is_entry_level_title(title), expected, "{title}");
        }
    }

    #[test]
    fn or_another_table() {
        let cases = [
            (" or another language and a willingness", Some("language")),
            (", or any other programming languages.", Some("programming")),
            (" or equivalent tools", Some("tool")),
            (") or a similar framework", Some("framework")),
            (" or Go", None),
            (" and another language", None),
            (" or other", None),
        ];
        for (after, want) in cases {
            assert_eq!(or_another(after).as_deref(), want, "{after:?}");
        }
    }

    #[test]
    fn or_another_kind_joins_the_alternatives() {
        use crate::extract::{posting::parse_postings, Matcher};
        let taxonomy = Taxonomy::embedded().expect("embedded taxonomy");
        let matcher = Matcher::new(&taxonomy).expect("matcher");
        let any_of = |line: &str| -> Vec<String> {
            let text = format!("Backend Engineer\n\nRequirements\n- {line}\n");
            let posting = &parse_postings(&matcher, "job", &text)[0];
            posting.requirements[0]
                .any_of
                .iter()
                .map(|&s| taxonomy.skill(s).id.clone())
                .collect()
        };
        // Seed 003's line: the list gives examples of a kind of skill.
        assert_eq!(
            any_of("Experience in Python, Java, C++, or Go or another language and a willingness to learn"),
            ["python", "java", "cpp", "go", "programming-languages"]
        );
        assert_eq!(
            any_of("Python or another language"),
            ["python", "programming-languages"]
        );
        // Without "or another", the list is all there is.
        assert_eq!(
            any_of("Experience in Python, Java, C++, or Go"),
            ["python", "java", "cpp", "go"]
        );
    }

    #[test]
    fn a_degree_names_its_fields_whatever_their_category() {
        use crate::extract::{posting::parse_postings, Matcher};
        let taxonomy = Taxonomy::embedded().expect("embedded taxonomy");
        let matcher = Matcher::new(&taxonomy).expect("matcher");
        // (line, the degree's fields, the skills asked besides)
        let cases: &[(&str, &[&str], &[&str])] = &[
            (
                "MSc in Data Science, Statistics or a related field",
                &["data-science", "statistics"],
                &[],
            ),
            (
                "Bachelor's degree in Nursing and 2 years of patient care",
                &["nursing"],
                &["patient-care"],
            ),
            (
                "BSc in Computer Science; experience with Java",
                &["computer-science"],
                &["java"],
            ),
        ];
        for (line, fields, skills) in cases {
            let text = format!("Data Engineer\n\nRequirements\n- {line}\n");
            let posting = &parse_postings(&matcher, "job", &text)[0];
            let ids = |v: &[SkillId]| -> Vec<String> {
                v.iter().map(|&s| taxonomy.skill(s).id.clone()).collect()
            };
            let got_fields: Vec<String> = posting
                .requirements
                .iter()
                .filter_map(|r| r.education.as_ref())
                .flat_map(|e| ids(&e.fields))
                .collect();
            let got_skills: Vec<String> = posting
                .requirements
                .iter()
                .filter(|r| r.kind == RequirementKind::Skill)
                .flat_map(|r| ids(&r.any_of))
                .collect();
            assert_eq!(&got_fields, fields, "fields of {line:?}");
            assert_eq!(&got_skills, skills, "skills of {line:?}");
        }
    }

    #[test]
    fn join_table() {
        let cases = [
            (" or ", Join::Or),
            ("/", Join::Slash),
            (" / ", Join::Slash),
            (", ", Join::Comma),
            (", and ", Join::And),
            (", or ", Join::Or),
            (" and/or ", Join::Or),
            (" **or** ", Join::Or),
            (" or another ", Join::Or),
            ("* or *", Join::Or),
            (" ", Join::Break),
            (", or ", Join::Or),
            (" for ", Join::Break),
            ("-based ", Join::Break),
            (" with strong ", Join::Break),
            // Seed 003: "mentoring others, or driving technical thought leadership".
            (" others, or driving ", Join::Or),
            (" others, or ", Join::Or),
            (" in production. Or maybe ", Join::Break),
            (" for the team, or a ", Join::Break),
            (" and then, or later ", Join::Break),
        ];
        for (gap, expected) in cases {
            assert_eq!(join(gap, false), expected, "{gap:?}");
        }
    }
}
