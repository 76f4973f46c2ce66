//! Job-title normalisation: from a title as employers and candidates write
//! it ("Sr. Accountant II", "Java Developer - Pune", "Nurse (BSc)",
//! "Waiter/Waitress") to the words that name the job, plus the alternative
//! readings worth trying.
//!
//! Two layers, each a set of named rules:
//!
//! * [`words`] turns any text, a title or an occupation label, into match
//!   words. It is applied the same way to both sides, so whatever it folds
//!   (plurals, spellings, abbreviations) folds consistently: the one
//!   normalisation ([`crate::normalize::normalize`]), `&` read as `and`,
//!   apostrophes dropped ("driver's" is "drivers"), every other
//!   punctuation mark a word break except `+` and `#` after a word (`c++`,
//!   `c#`), a light plural stem ([`stem`]: "teachers" → "teacher",
//!   "secretaries" → "secretary") and [`WORD_SYNONYMS`] ("it" → "ict", the
//!   word ESCO uses; "dept" → "department"; "programme" → "program").
//! * [`variants`] applies the title-only rules: it cuts the title into the
//!   main phrase and alternatives, each with a weight, and [`clean`] drops
//!   the words that say how senior, how permanent or how urgent a post is
//!   rather than what it is. Occupation labels never go through these
//!   rules: "junior doctor" and "senior civil servant" stay labels, and the
//!   title is tried uncleaned first ([`TitleVariant::raw`]).
//!
//! Why these rules: titles carry the job in a noun phrase whose head noun
//! comes last ("senior civil *engineer*"), wrapped in noise that never names
//! an occupation: seniority and level ("Sr.", "II", "Level 2"), locations
//! and companies after a dash, bar or "at", qualifications, counts and
//! gender markers in parentheses ("(BSc)", "(2 positions)", "(m/f/d)").
//! Parentheses are also where employers put a second name for the same job
//! ("Radiographer (Radiology Technologist)"), so their text is kept as an
//! alternative reading, and "A/B" titles name two jobs, both of which are
//! tried.
//!
//! Invariants: [`words`] is idempotent on its own output (joining the words
//! with spaces and applying it again gives the same words), and every
//! variant has at least one word.

use crate::normalize::normalize;

/// Words that say how senior a post is, not what it is. Dropped anywhere in
/// a title ("Sr. Accountant", "Accountant Senior").
pub const SENIORITY_WORDS: &[&str] = &[
    "senior",
    "sr",
    "snr",
    "junior",
    "jr",
    "jnr",
    "intermediate",
    "experienced",
];

/// Roman-numeral grades dropped anywhere in a title ("Mechanic II- Light
/// Vehicle", "Senior System Administrator III"). "i" and "v" are dropped
/// only at the end (see [`TRAILING_LEVEL_WORDS`]): elsewhere they are more
/// often letters of a name.
pub const LEVEL_NUMERALS: &[&str] = &["ii", "iii", "iv", "vi", "vii"];

/// Grades dropped only when they end the title ("Support Engineer I",
/// "Customer Service Officer-I").
pub const TRAILING_LEVEL_WORDS: &[&str] = &["i", "v"];

/// Words that, followed by a number or a Roman numeral, give a grade:
/// "Level 2", "Grade III", "Band 4".
pub const LEVEL_WORDS: &[&str] = &["level", "grade", "band", "step", "tier"];

/// Words about the terms of employment, not the job ("Temporary
/// Interpreter", "Part-time Cashier").
pub const EMPLOYMENT_WORDS: &[&str] = &[
    "temporary",
    "volunteer",
    "freelance",
    "remote",
    "permanent",
    "contractual",
    "parttime",
    "fulltime",
];

/// Two-word terms of employment ("part-time", "full time").
pub const EMPLOYMENT_PAIRS: &[(&str, &str)] = &[("part", "time"), ("full", "time")];

/// Words of the advert rather than the job: urgency, re-posting, counts
/// ("(2 positions)", "Qty: 3", "(Four)").
pub const NOISE_WORDS: &[&str] = &[
    "urgent",
    "urgently",
    "hiring",
    "vacancy",
    "wanted",
    "needed",
    "immediate",
    "immediately",
    "readvertised",
    "readvertisement",
    "readvert",
    "reposted",
    "qty",
    "quantity",
    "position",
    "opening",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
];

/// Words that, after "re" ("Re-Advertised", "re advert"), mark a re-posted
/// advert: both words are dropped.
pub const READVERT_WORDS: &[&str] = &["advertised", "advert", "advertisement", "posted"];

/// A first word dropped when more words follow: "Lead Engineer" is an
/// engineer, but "Team Lead" is a role of its own and keeps the word.
pub const LEADING_RANK_WORDS: &[&str] = &["lead"];

/// A last word read as "manager" when other words come before it: "Export
/// Division Head" is an export division manager, "Legal Head" a legal
/// manager. Only tried when the title as written is not a label ("Head
/// Chef", "Department Head" are).
pub const HEAD_AS_MANAGER: (&str, &str) = ("head", "manager");

/// Single letters that, joined by slashes, form a gender marker ("(m/f/d)",
/// "m/w/d", "(h/f)"): dropped.
pub const GENDER_MARKER_LETTERS: &str = "mfwdxhn";

/// Words folded to one form on both sides (titles and labels): common
/// abbreviations, and British/American spellings (ESCO writes British,
/// O*NET American). Sorted by the first word, for binary search.
pub const WORD_SYNONYMS: &[(&str, &str)] = &[
    ("anaesthetist", "anesthetist"),
    ("analyse", "analyze"),
    ("asst", "assistant"),
    ("centre", "center"),
    ("colour", "color"),
    ("counselling", "counseling"),
    ("counsellor", "counselor"),
    ("dept", "department"),
    ("engr", "engineer"),
    ("exec", "executive"),
    ("harbour", "harbor"),
    ("it", "ict"),
    ("jewellery", "jewelry"),
    ("kg", "kindergarten"),
    ("labour", "labor"),
    ("labourer", "laborer"),
    ("mgr", "manager"),
    ("organisation", "organization"),
    ("organiser", "organizer"),
    ("orthopaedic", "orthopedic"),
    ("paediatric", "pediatric"),
    ("paediatrician", "pediatrician"),
    ("programme", "program"),
    ("rep", "representative"),
    ("specialised", "specialized"),
    ("theatre", "theater"),
];

/// Prepositions that end an English title's head phrase: in "director of
/// rooms" or "advisor for HIV case surveillance" the job is the words
/// before them.
pub const HEAD_PHRASE_ENDS: &[&str] = &["of", "for", "in", "at", "with", "on"];

/// Weight of the main reading: the first part of the title, before any
/// separator.
pub const MAIN_WEIGHT: f32 = 1.0;
/// Weight of the inverted reading of a bare head noun followed by a
/// separator ("Manager, Cloud Infrastructure" → "cloud infrastructure
/// manager"; "Mechanic II- Light Vehicle" → "light vehicle mechanic"): the
/// same job written the other way round.
pub const INVERTED_WEIGHT: f32 = 1.0;
/// Weight of "Y X" for "X of Y" ("Head of Marketing" → "marketing head").
pub const OF_INVERTED_WEIGHT: f32 = 0.9;
/// Weight of the other names in an "A/B" title ("Waiter/Waitress",
/// "Cashier/Accountant"): either may be the job.
pub const SLASH_WEIGHT: f32 = 0.9;
/// Weight of text in parentheses: often a second name for the job
/// ("Radiographer (Radiology Technologist)"), as often a qualification.
pub const PARENTHESIS_WEIGHT: f32 = 0.8;
/// Weight of the parts after a dash, comma or colon: mostly a department,
/// a project or a place ("Java Developer - Pune").
pub const SEGMENT_WEIGHT: f32 = 0.6;

/// Where a variant of the title came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum VariantSource {
    /// The first part of the title.
    Main,
    /// A bare head noun moved after the part that follows it.
    Inverted,
    /// "X of Y" read as "Y X".
    OfInverted,
    /// Another name of an "A/B" title.
    Slash,
    /// Text in parentheses or brackets.
    Parenthesis,
    /// A part after a dash, comma, colon or semicolon.
    Segment,
}

/// One reading of a title, with the words to match.
#[derive(Debug, Clone, PartialEq)]
pub struct TitleVariant {
    /// The words as written (after [`words`]), noise and all: tried first,
    /// so labels that contain such words still match exactly.
    pub raw: Vec<String>,
    /// The words after [`clean`]: seniority, level, employment and noise
    /// words dropped. Never empty.
    pub words: Vec<String>,
    /// How much a match on this reading counts, in (0, 1].
    pub weight: f32,
    /// Which rule produced it.
    pub source: VariantSource,
}

/// The match words of `text`: the folding applied to titles and labels
/// alike (see the module docs).
///
/// ```
/// use skillmatch::occupation::title::words;
/// assert_eq!(words("Sr. Driver's Mates & IT Reps"), ["sr", "driver", "mate", "and", "ict", "representative"]);
/// assert_eq!(words("C++ Developer"), ["c++", "developer"]);
/// ```
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w| out.push(w.to_string()));
    out
}

/// Calls `f` with each match word of `text`, in order, without allocating a
/// string per word.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str)) {
    for_each_stem(text, |w| f(synonym(w)));
}

/// [`for_each_word`] without the synonym folding: the loading path for
/// tens of thousands of labels, which folds synonyms once per distinct
/// word instead ([`synonym`]).
pub fn for_each_stem(text: &str, mut f: impl FnMut(&str)) {
    // Pure-ASCII text needs no Unicode normalisation: lowercasing each
    // byte gives the same words as `normalize` would.
    let normalized;
    let text = if text.is_ascii() {
        text
    } else {
        normalized = normalize(text);
        normalized.as_str()
    };
    let mut word = String::new();
    let mut stemmed = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if (c == '+' || c == '#') && !word.is_empty() {
            word.push(c);
        } else if c == '\'' || c == '\u{2019}' {
            // "driver's" is one word.
        } else {
            emit_word(&mut word, &mut stemmed, &mut f);
            if c == '&' {
                f("and");
            }
        }
    }
    emit_word(&mut word, &mut stemmed, &mut f);
}

/// Stems `word`, passes it to `f`, and clears it.
fn emit_word(word: &mut String, stemmed: &mut String, f: &mut impl FnMut(&str)) {
    if word.is_empty() {
        return;
    }
    // Only words ending in "s" have a plural to strip.
    if word.ends_with('s') {
        stem_into(word, stemmed);
        f(stemmed);
    } else {
        f(word);
    }
    word.clear();
}

/// The one form of `word` under [`WORD_SYNONYMS`] (itself if it has none).
pub fn synonym(word: &str) -> &str {
    match WORD_SYNONYMS.binary_search_by(|(from, _)| (*from).cmp(word)) {
        Ok(i) => WORD_SYNONYMS[i].1,
        Err(_) => word,
    }
}

/// The light plural stem used for matching: "-ies" → "-y" ("secretaries"),
/// "-sses" → "-ss", "-ches"/"-shes"/"-xes" lose "-es", and a final "s" goes
/// unless the word ends in "ss", "us" or "is" ("business", "campus",
/// "analysis") or is short ("gas"). Both sides are stemmed the same way, so
/// an odd stem ("sales" → "sale") still matches.
///
/// ```
/// use skillmatch::occupation::title::stem;
/// assert_eq!(stem("teachers"), "teacher");
/// assert_eq!(stem("secretaries"), "secretary");
/// assert_eq!(stem("business"), "business");
/// ```
pub fn stem(word: &str) -> String {
    let mut out = String::new();
    stem_into(word, &mut out);
    out
}

/// Shortest word whose "-ies" becomes "-y" ("ties" stays).
const STEM_IES_MIN_LEN: usize = 5;
/// Shortest word that loses a final "s" ("gas", "bus" stay).
const STEM_S_MIN_LEN: usize = 4;

fn stem_into(word: &str, out: &mut String) {
    out.clear();
    let n = word.len();
    if n >= STEM_IES_MIN_LEN && word.ends_with("ies") {
        out.push_str(&word[..n - 3]);
        out.push('y');
    } else if word.ends_with("sses")
        || (n >= STEM_IES_MIN_LEN
            && (word.ends_with("ches") || word.ends_with("shes") || word.ends_with("xes")))
    {
        out.push_str(&word[..n - 2]);
    } else if n >= STEM_S_MIN_LEN
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        out.push_str(&word[..n - 1]);
    } else {
        out.push_str(word);
    }
}

/// `words` without the seniority, level, employment and noise words of a
/// title (the constants above), the leading "lead" of "Lead Engineer", and
/// numbers. If that would leave nothing, `words` is returned unchanged: a
/// title that is only "Senior" is left as it is.
///
/// ```
/// use skillmatch::occupation::title::{clean, words};
/// assert_eq!(clean(&words("Sr. Accountant II")), ["accountant"]);
/// assert_eq!(clean(&words("Electrician Level 2")), ["electrician"]);
/// assert_eq!(clean(&words("Team Lead")), ["team", "lead"]);
/// ```
pub fn clean(words: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_str();
        let next = words.get(i + 1).map(String::as_str);
        if LEVEL_WORDS.contains(&w) && next.is_some_and(is_grade) {
            i += 2;
            continue;
        }
        if w == "re" && next.is_some_and(|n| READVERT_WORDS.contains(&n)) {
            i += 2;
            continue;
        }
        if let Some(n) = next {
            if EMPLOYMENT_PAIRS.contains(&(w, n)) {
                i += 2;
                continue;
            }
        }
        let drop = SENIORITY_WORDS.contains(&w)
            || LEVEL_NUMERALS.contains(&w)
            || EMPLOYMENT_WORDS.contains(&w)
            || NOISE_WORDS.contains(&w)
            || w.bytes().all(|b| b.is_ascii_digit());
        if !drop {
            out.push(words[i].clone());
        }
        i += 1;
    }
    while out.len() > 1
        && out
            .last()
            .is_some_and(|w| TRAILING_LEVEL_WORDS.contains(&w.as_str()))
    {
        out.pop();
    }
    if out.len() > 1 && LEADING_RANK_WORDS.contains(&out[0].as_str()) {
        out.remove(0);
    }
    if out.is_empty() {
        words.to_vec()
    } else {
        out
    }
}

/// Is `w` a grade after "level"/"grade"/...: a number or a Roman numeral?
fn is_grade(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_digit())
        || LEVEL_NUMERALS.contains(&w)
        || TRAILING_LEVEL_WORDS.contains(&w)
}

/// `words` with a final "head" read as "manager" ([`HEAD_AS_MANAGER`]), when
/// other words come before it; `None` when the rule does not apply.
pub fn head_as_manager(words: &[String]) -> Option<Vec<String>> {
    let (head, manager) = HEAD_AS_MANAGER;
    match words {
        [rest @ .., last] if !rest.is_empty() && last == head => {
            let mut out = rest.to_vec();
            out.push(manager.to_string());
            Some(out)
        }
        _ => None,
    }
}

/// The head phrase of `words`: the words before the first of
/// [`HEAD_PHRASE_ENDS`] that is not the first word ("director of rooms" →
/// "director"); all of `words` when there is none.
pub fn head_phrase<T: AsRef<str>>(words: &[T]) -> &[T] {
    let end = words
        .iter()
        .skip(1)
        .position(|w| HEAD_PHRASE_ENDS.contains(&w.as_ref()))
        .map_or(words.len(), |p| p + 1);
    &words[..end]
}

/// The readings of `title` worth matching, best first (see the module docs
/// and the `*_WEIGHT` constants). Empty when the title has no word.
///
/// ```
/// use skillmatch::occupation::title::{variants, VariantSource};
/// let v = variants("Radiographer (Radiology Technologist)");
/// assert_eq!(v[0].words, ["radiographer"]);
/// assert_eq!(v[1].words, ["radiology", "technologist"]);
/// assert_eq!(v[1].source, VariantSource::Parenthesis);
/// ```
pub fn variants(title: &str) -> Vec<TitleVariant> {
    let text = normalize(title);
    let text = rewrite_letter_slashes(&text);
    let (outside, parenthesised) = split_parentheses(&text);
    let mut out: Vec<TitleVariant> = Vec::new();

    let segments = segments(&outside);
    for (s, segment) in segments.iter().enumerate() {
        for (p, part) in segment.split(['/', '\\']).enumerate() {
            let (weight, source) = match (s, p) {
                (0, 0) => (MAIN_WEIGHT, VariantSource::Main),
                (0, _) => (SLASH_WEIGHT, VariantSource::Slash),
                _ => (SEGMENT_WEIGHT, VariantSource::Segment),
            };
            let before = out.len();
            push_variant(&mut out, words(part), weight, source);
            if s == 0 && p == 0 && out.len() > before {
                // A bare head noun followed by a second part: the job
                // written the other way round.
                if out[before].words.len() == 1 {
                    if let Some(next) = segments.get(1) {
                        let mut inverted = words(next);
                        inverted.extend(out[before].raw.iter().cloned());
                        push_variant(&mut out, inverted, INVERTED_WEIGHT, VariantSource::Inverted);
                    }
                }
            }
        }
    }
    for inner in parenthesised {
        push_variant(
            &mut out,
            words(&inner),
            PARENTHESIS_WEIGHT,
            VariantSource::Parenthesis,
        );
    }
    // "X of Y" → "Y X", for every reading so far.
    let mut inverted = Vec::new();
    for v in &out {
        if let Some(at) = v.words.iter().position(|w| w == "of") {
            if at > 0 && at + 1 < v.words.len() {
                let mut w = v.words[at + 1..].to_vec();
                w.extend(v.words[..at].iter().cloned());
                inverted.push((w, v.weight * OF_INVERTED_WEIGHT));
            }
        }
    }
    for (w, weight) in inverted {
        push_variant(&mut out, w, weight, VariantSource::OfInverted);
    }
    out
}

fn push_variant(out: &mut Vec<TitleVariant>, raw: Vec<String>, weight: f32, source: VariantSource) {
    if raw.is_empty() {
        return;
    }
    let cleaned = clean(&raw);
    // Readings made only of noise ("(2 positions)", "(Re-Advertised)") are
    // not alternatives.
    if source != VariantSource::Main
        && cleaned.len() == raw.len()
        && cleaned.iter().all(|w| is_noise(w))
    {
        return;
    }
    if out.iter().any(|v| v.words == cleaned) {
        return;
    }
    out.push(TitleVariant {
        raw,
        words: cleaned,
        weight,
        source,
    });
}

/// Would [`clean`] drop `w` wherever it stands?
fn is_noise(w: &str) -> bool {
    SENIORITY_WORDS.contains(&w)
        || LEVEL_NUMERALS.contains(&w)
        || TRAILING_LEVEL_WORDS.contains(&w)
        || LEVEL_WORDS.contains(&w)
        || EMPLOYMENT_WORDS.contains(&w)
        || NOISE_WORDS.contains(&w)
        || READVERT_WORDS.contains(&w)
        || w == "re"
        || w.bytes().all(|b| b.is_ascii_digit())
}

/// Single letters joined by slashes: gender markers ("m/f/d") are dropped,
/// and "s/r" (senior, as often written) becomes "sr"; anything else stays.
fn rewrite_letter_slashes(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !chars[i - 1].is_alphanumeric();
        if starts_word && chars[i].is_alphabetic() {
            // Collect letter (/ letter)+ ending at a non-alphanumeric.
            let mut letters = vec![chars[i]];
            let mut j = i + 1;
            while j + 1 < chars.len() && chars[j] == '/' && chars[j + 1].is_alphabetic() {
                if chars.get(j + 2).is_some_and(|c| c.is_alphanumeric()) {
                    break;
                }
                letters.push(chars[j + 1]);
                j += 2;
            }
            let ends_word = chars.get(j).is_none_or(|c| !c.is_alphanumeric());
            if letters.len() > 1 && ends_word {
                if letters == ['s', 'r'] {
                    out.push_str("sr");
                } else if !letters.iter().all(|c| GENDER_MARKER_LETTERS.contains(*c)) {
                    out.extend(&chars[i..j]);
                }
                i = j;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// The text outside parentheses and brackets (each replaced by a space),
/// and the text inside each, in order. An unclosed parenthesis runs to the
/// end ("Customer Relationship Officer( Interest Free Banking").
fn split_parentheses(text: &str) -> (String, Vec<String>) {
    let mut outside = String::with_capacity(text.len());
    let mut inside = Vec::new();
    let mut current: Option<String> = None;
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' | '[' => {
                depth += 1;
                if depth == 1 {
                    current = Some(String::new());
                    outside.push(' ');
                    continue;
                }
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    inside.extend(current.take());
                    continue;
                }
            }
            _ => {}
        }
        match current.as_mut() {
            Some(s) => s.push(c),
            None => outside.push(c),
        }
    }
    inside.extend(current);
    (outside, inside)
}

/// Strong separators: what follows is a company, a place or a job board's
/// tag, never the job ("Accountant | Addis Ababa", "Engineer at Acme").
const STRONG_SEPARATORS: &[&str] = &["|", " at ", " @ "];
/// Weak separators between parts that may qualify or rename the job.
const WEAK_SEPARATORS: &[char] = &[',', ':', ';'];

/// `text` cut into parts: everything after a strong separator dropped, the
/// rest split at commas, colons, semicolons and dashes that touch a space
/// ("A - B", "A- B", "A -B"; "e-commerce" stays whole). Empty parts are
/// left out.
fn segments(text: &str) -> Vec<String> {
    let mut kept = text;
    for sep in STRONG_SEPARATORS {
        if let Some(at) = kept.find(sep) {
            kept = &kept[..at];
        }
    }
    let bytes = kept.as_bytes();
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in kept.char_indices() {
        let cut = WEAK_SEPARATORS.contains(&c)
            || (c == '-'
                && (i == 0 || bytes[i - 1] == b' ' || bytes.get(i + 1).is_none_or(|&b| b == b' ')));
        if cut {
            parts.push(&kept[start..i]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&kept[start..]);
    parts
        .into_iter()
        .filter(|p| p.chars().any(char::is_alphanumeric))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn main_words(title: &str) -> Vec<String> {
        variants(title)
            .into_iter()
            .next()
            .map(|v| v.words)
            .unwrap_or_default()
    }

    #[test]
    fn main_reading_drops_the_noise() {
        let cases = [
            ("seniority abbreviation", "Sr. Accountant II", "accountant"),
            ("junior", "Junior Accountant", "accountant"),
            ("s/r for senior", "S/r Marketing Expert", "marketing expert"),
            (
                "location after dash",
                "Java Developer - Pune",
                "java developer",
            ),
            (
                "level after hyphen",
                "Mechanic II- Light Vehicle",
                "mechanic",
            ),
            (
                "attached grade",
                "Customer Service Officer-I",
                "customer service officer",
            ),
            ("qualification", "Nurse (BSc)", "nurse"),
            ("gender marker", "Koch (m/w/d)", "koch"),
            ("bare gender marker", "Accountant m/f/d", "accountant"),
            ("count", "Driver (2 positions)", "driver"),
            ("company", "Data Analyst at Acme Bank", "data analyst"),
            ("board tag", "Cashier | Addis Ababa", "cashier"),
            ("level word", "Electrician Level 2", "electrician"),
            ("employment", "Part-time Cashier", "cashier"),
            ("lead first", "Lead Software Engineer", "software engineer"),
            ("team lead kept", "Team Lead", "team lead"),
            ("plural", "Motorbike Drivers", "motorbike driver"),
            (
                "ampersand",
                "Food & Beverage Manager",
                "food and beverage manager",
            ),
            (
                "re-advertised",
                "MEAL Officer Re-Advertised",
                "meal officer",
            ),
            ("only noise stays", "Senior", "senior"),
        ];
        for (name, title, expected) in cases {
            assert_eq!(main_words(title).join(" "), expected, "{name}: {title}");
        }
    }

    #[test]
    fn alternative_readings_are_kept_with_lower_weight() {
        type Case<'a> = (&'a str, &'a str, &'a [(&'a str, VariantSource)]);
        let cases: [Case<'_>; 6] = [
            (
                "parenthesised second name",
                "Radiographer (Radiology Technologist)",
                &[
                    ("radiographer", VariantSource::Main),
                    ("radiology technologist", VariantSource::Parenthesis),
                ],
            ),
            (
                "slash names two jobs",
                "Waiter/Waitress",
                &[
                    ("waiter", VariantSource::Main),
                    ("waitress", VariantSource::Slash),
                ],
            ),
            (
                "noise in parentheses is not a reading",
                "Senior Chef (Re advertised)",
                &[("chef", VariantSource::Main)],
            ),
            (
                "bare head noun inverted",
                "Manager, Cloud Infrastructure",
                &[
                    ("manager", VariantSource::Main),
                    ("cloud infrastructure manager", VariantSource::Inverted),
                    ("cloud infrastructure", VariantSource::Segment),
                ],
            ),
            (
                "of inverted",
                "Head of Marketing",
                &[
                    ("head of marketing", VariantSource::Main),
                    ("marketing head", VariantSource::OfInverted),
                ],
            ),
            (
                "unclosed parenthesis",
                "Customer Relationship Officer( Interest Free Banking",
                &[
                    ("customer relationship officer", VariantSource::Main),
                    ("interest free banking", VariantSource::Parenthesis),
                ],
            ),
        ];
        for (name, title, expected) in cases {
            let got: Vec<(String, VariantSource)> = variants(title)
                .into_iter()
                .map(|v| (v.words.join(" "), v.source))
                .collect();
            let expected: Vec<(String, VariantSource)> =
                expected.iter().map(|(w, s)| (w.to_string(), *s)).collect();
            assert_eq!(got, expected, "{name}: {title}");
        }
    }

    #[test]
    fn weights_order_the_readings() {
        let v = variants("Head Cashier/Accountant - Branch (Interest Free)");
        let weights: Vec<f32> = v.iter().map(|v| v.weight).collect();
        assert_eq!(
            weights,
            [
                MAIN_WEIGHT,
                SLASH_WEIGHT,
                SEGMENT_WEIGHT,
                PARENTHESIS_WEIGHT
            ]
        );
    }

    #[test]
    fn words_fold_plurals_spellings_and_abbreviations() {
        let cases = [
            ("plural", "Teachers", "teacher"),
            ("ies plural", "Secretaries", "secretary"),
            ("ss kept", "Business Analysts", "business analyst"),
            ("it is ict", "IT Officer", "ict officer"),
            ("british spelling", "Programme Officer", "program officer"),
            ("apostrophe", "Driver's Mate", "driver mate"),
            ("dots", "G.P.", "g p"),
            ("c#", "C# Developer", "c# developer"),
            ("accents", "Gérant", "gérant"),
        ];
        for (name, text, expected) in cases {
            assert_eq!(words(text).join(" "), expected, "{name}");
        }
    }

    #[test]
    fn synonym_table_is_sorted_for_binary_search() {
        assert!(WORD_SYNONYMS.windows(2).all(|w| w[0].0 < w[1].0));
        // Targets are final: folding is idempotent.
        for (_, to) in WORD_SYNONYMS {
            assert_eq!(synonym(to), *to);
        }
    }

    #[test]
    fn head_phrase_stops_at_a_preposition() {
        let w = words("Lab Advisor for HIV Case Surveillance");
        assert_eq!(head_phrase(&w).join(" "), "lab advisor");
        let w = words("Of Counsel");
        assert_eq!(head_phrase(&w).join(" "), "of counsel");
    }

    #[test]
    fn head_reads_as_manager_only_after_other_words() {
        assert_eq!(
            head_as_manager(&words("Export Division Head")).map(|w| w.join(" ")),
            Some("export division manager".to_string())
        );
        assert_eq!(head_as_manager(&words("Head")), None);
    }

    proptest! {
        #[test]
        fn words_are_idempotent(s in "\\PC{0,40}") {
            let once = words(&s);
            prop_assert_eq!(words(&once.join(" ")), once);
        }

        #[test]
        fn every_variant_has_words_and_a_weight(s in "[A-Za-z /,()|:&.-]{0,40}") {
            for v in variants(&s) {
                prop_assert!(!v.words.is_empty());
                prop_assert!(v.weight > 0.0 && v.weight <= 1.0);
            }
        }
    }
}
