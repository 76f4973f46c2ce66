//! Flattened postings: a job board's export often holds a title and then
//! the whole posting as one paragraph, headings and bullets run together
//! ("… Job Requirements Bachelor degree in Nursing • 2 years of experience
//! How to Apply …"). The parser reads postings line by line (a line is a
//! header, a bullet or a sentence of a block), so a long line is first cut
//! into the lines it would have had: before and after each heading it
//! holds, before each inline bullet, and between sentences. Each piece
//! keeps its physical line number and its byte offset in the original
//! text, so evidence still quotes the right place.
//!
//! Only lines of at least [`FLAT_LINE_MIN_BYTES`] are cut: ordinary
//! postings keep their lines, and a one-line requirement like "Python,
//! SQL. Docker is a plus." is left whole.

use super::section::{classify, is_header_word, is_vocabulary_phrase, Block};

/// Shortest line treated as a flattened paragraph. A real bullet or
/// sentence is rarely longer; a flattened posting's paragraph is hundreds
/// of bytes long.
pub const FLAT_LINE_MIN_BYTES: usize = 240;

/// Most words an inline heading may have ("Duties and Responsibilities",
/// "Educational Qualification and Experience").
pub const INLINE_HEADING_MAX_WORDS: usize = 5;

/// Fewest words of a heading written in sentence case ("What we're
/// looking for"): shorter lowercase runs are too often plain text.
pub const SENTENCE_CASE_HEADING_MIN_WORDS: usize = 3;

/// Capitalised words that start or join a heading without naming a block
/// themselves ("Job Requirements", "Key Duties", "Education Details").
const HEADING_MODIFIERS: &[&str] = &[
    "job",
    "key",
    "main",
    "major",
    "minimum",
    "basic",
    "general",
    "specific",
    "other",
    "academic",
    "educational",
    "professional",
    "personal",
    "technical",
    "work",
    "details",
    "position",
    "special",
];

/// Single heading words strong enough to be a heading without a colon
/// ("… experience Requirements Bachelor degree …"); other single words
/// ("Experience", "Skills") head a paragraph only with a colon after them,
/// since a sentence may start with them.
const STRONG_HEADINGS: &[&str] = &[
    "requirements",
    "requirement",
    "qualifications",
    "qualification",
    "responsibilities",
    "duties",
];

/// Bullet characters that start an item when they stand inside a line.
const INLINE_BULLETS: &[char] = &[
    '•', '▪', '●', '■', '➢', '✓', '✔', '◦', '\u{0095}', '\u{f0b7}',
];

/// A word of a line: its byte range.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

/// The byte offsets, inside `line`, where a flattened line is cut: before
/// and after each inline heading, before each inline bullet, and after each
/// sentence end followed by a capital. Sorted, without 0 or `line.len()`.
pub fn cuts(line: &str) -> Vec<usize> {
    if line.len() < FLAT_LINE_MIN_BYTES {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (start, end) in inline_headings(line) {
        out.push(start);
        out.push(end);
    }
    out.extend(inline_bullets(line));
    out.extend(sentence_ends(line));
    out.retain(|&at| at > 0 && at < line.len());
    out.sort_unstable();
    out.dedup();
    out
}

/// The words of `line` (runs of letters, digits, `'` and `-`).
fn words(line: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in line.char_indices() {
        let inside = c.is_alphanumeric() || c == '\'' || c == '-' || c == '’';
        match (inside, start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                out.push(Word { start: s, end: at });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: line.len(),
        });
    }
    out
}

fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Words that may stand lowercase inside a heading ("Duties and
/// Responsibilities", "How to Apply").
fn is_joiner(word: &str) -> bool {
    matches!(word, "and" | "&" | "of" | "to" | "for" | "the" | "/")
}

/// The byte ranges of the headings inside `line`: a run of at most
/// [`INLINE_HEADING_MAX_WORDS`] capitalised heading words (joined by "and",
/// "to", …) that names a block, followed by a colon, or of two or more
/// capitalised words, or one of [`STRONG_HEADINGS`]; or a capitalised
/// phrase of at most as many words, of any kind, that names a block as a
/// whole and is followed by a colon ("What you'll bring:", "About you:",
/// "Must have:", whose words are no heading words alone). The range ends
/// after a colon that follows the run.
pub fn inline_headings(line: &str) -> Vec<(usize, usize)> {
    let words = words(line);
    let lower: Vec<String> = words
        .iter()
        .map(|w| line[w.start..w.end].to_lowercase())
        .collect();
    let heading_word = |i: usize| {
        let w = &line[words[i].start..words[i].end];
        is_capitalized(w)
            && (is_header_word(&lower[i]) || HEADING_MODIFIERS.contains(&lower[i].as_str()))
            && !is_joiner(&lower[i])
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some((last, end)) = phrase_to_colon(line, &words, &lower, i) {
            out.push((words[i].start, end));
            i = last;
            continue;
        }
        if !heading_word(i) {
            i += 1;
            continue;
        }
        // The longest run from word i: heading words, joiners between them.
        let mut j = i + 1;
        let mut last = i + 1;
        while j < words.len() && j - i < INLINE_HEADING_MAX_WORDS {
            // Words of a heading are separated by spaces only.
            if !line[words[j - 1].end..words[j].start].trim().is_empty() {
                break;
            }
            if heading_word(j) {
                last = j + 1;
            } else if !is_joiner(&lower[j]) {
                break;
            }
            j += 1;
        }
        // A heading ends on a word that names its block: "How to Apply
        // Interested applicants …" is "How to Apply", then content.
        while last - i > 1
            && classify(&lower[last - 1]).is_none()
            && classify(&lower[i..last - 1].join(" ")).is_some()
        {
            last -= 1;
        }
        let run = &lower[i..last];
        let phrase = run.join(" ");
        let names_block = classify(&phrase).is_some_and(|b| !matches!(b, Block::Unknown));
        let mut end = words[last - 1].end;
        // "Responsibilities include:", "Requirements are as follows:": a
        // few lowercase words and a colon still belong to the heading.
        if let Some(tail) = lowercase_words_to_colon(&line[end..]) {
            end += tail;
        }
        let rest = line[end..].trim_start();
        let colon = rest.starts_with(':');
        let capitalized = words[i..last]
            .iter()
            .filter(|w| is_capitalized(&line[w.start..w.end]))
            .count();
        let strong = run.len() == 1 && STRONG_HEADINGS.contains(&run[0].as_str());
        // Sentence-case headings of three words or more are distinctive
        // enough ("What we're looking for", "How to apply").
        let long_phrase = run.len() >= SENTENCE_CASE_HEADING_MIN_WORDS;
        if names_block && (colon || capitalized >= 2 || strong || long_phrase) {
            let end = if colon {
                line.len() - rest.len() + 1
            } else {
                end
            };
            out.push((words[i].start, end));
            i = last;
        } else {
            i += 1;
        }
    }
    out
}

/// A heading phrase starting at word `i`: the longest run of at most
/// [`INLINE_HEADING_MAX_WORDS`] words, the first capitalised, separated by
/// spaces only, followed by a colon, made of heading vocabulary only, that
/// names a block (the same phrases a heading on its own line names).
/// "Number of required person: 2" and "Years of experience: 4" are
/// fields, not headings: "number", "person" and "years" are no heading
/// words. Returns the index after its last word and the byte offset after
/// the colon.
fn phrase_to_colon(
    line: &str,
    words: &[Word],
    lower: &[String],
    i: usize,
) -> Option<(usize, usize)> {
    if !is_capitalized(&line[words[i].start..words[i].end]) {
        return None;
    }
    let mut last = i + 1;
    while last < words.len()
        && last - i < INLINE_HEADING_MAX_WORDS
        && line[words[last - 1].end..words[last].start] == *" "
    {
        last += 1;
    }
    (i + 1..=last).rev().find_map(|last| {
        let rest = &line[words[last - 1].end..];
        let colon = rest.strip_prefix(':')?;
        let phrase = lower[i..last].join(" ").replace('’', "'");
        let names_block = classify(&phrase).is_some_and(|b| !matches!(b, Block::Unknown));
        (names_block && is_vocabulary_phrase(&phrase)).then_some((last, line.len() - colon.len()))
    })
}

/// Most lowercase words between a heading word and its colon
/// ("Responsibilities are as follows:").
const HEADING_TAIL_MAX_WORDS: usize = 3;

/// The length of ` include` in ` include: …`: at most
/// [`HEADING_TAIL_MAX_WORDS`] lowercase words followed by a colon, without
/// the colon; `None` when `text` does not go on that way.
fn lowercase_words_to_colon(text: &str) -> Option<usize> {
    let colon = text.find(':')?;
    let between = &text[..colon];
    let words: Vec<&str> = between.split_whitespace().collect();
    let lowercase = words
        .iter()
        .all(|w| w.chars().all(|c| c.is_lowercase() || c == '\''));
    (!words.is_empty() && words.len() <= HEADING_TAIL_MAX_WORDS && lowercase)
        .then_some(between.trim_end().len())
}

/// Offsets of bullets inside `line`: a bullet character after a space, or
/// " - " or " * " before a capital letter.
fn inline_bullets(line: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut previous = ' ';
    for (at, c) in line.char_indices() {
        if at > 0 && previous.is_whitespace() {
            if INLINE_BULLETS.contains(&c) {
                out.push(at);
            } else if c == '-' || c == '*' {
                let next = line[at + 1..].trim_start();
                let spaced = line[at + 1..].starts_with(' ');
                if spaced && next.chars().next().is_some_and(|n| n.is_uppercase()) {
                    out.push(at);
                }
            }
        }
        previous = c;
    }
    out
}

/// Offsets just after a sentence end (". ", "! ", "? ", "; ") followed by a
/// capital letter or a digit: where the next sentence starts.
fn sentence_ends(line: &str) -> Vec<usize> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    for i in 0..bytes.len().saturating_sub(2) {
        if matches!(bytes[i], b'.' | b'!' | b'?' | b';') && bytes[i + 1] == b' ' {
            // "e.g. Java" and "Dr. Abebe" are no sentence ends: the word
            // before the stop is longer than two letters.
            let word_before = line[..i]
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if bytes[i] == b'.' && word_before.len() <= 2 && !word_before.is_empty() {
                continue;
            }
            let next = line[i + 2..].chars().next();
            if next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
                out.push(i + 2);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pads a line past [`FLAT_LINE_MIN_BYTES`] with a neutral prefix.
    fn long(text: &str) -> String {
        format!(
            "{} {text}",
            "We are a growing company in the region".repeat(7)
        )
    }

    #[test]
    fn headings_inside_a_paragraph_are_found() {
        let cases: &[(&str, &[&str])] = &[
            (
                "minimum 2 years of experience Job Requirements Bachelor degree in Nursing",
                &["Job Requirements"],
            ),
            (
                "good communication Qualification : BSc in Accounting",
                &["Qualification :"],
            ),
            (
                "the team. Duties and Responsibilities Prepare monthly reports",
                &["Duties and Responsibilities"],
            ),
            (
                "as needed How to Apply Interested applicants should send",
                &["How to Apply"],
            ),
            ("Required Skills: Excel, Peachtree", &["Required Skills:"]),
            (
                "with other engineers. Responsibilities include: design",
                &["Responsibilities include:"],
            ),
            // Headings whose words are not heading words alone: a known
            // heading phrase before a colon.
            (
                "payment APIs. What you'll bring: 5+ years of Java",
                &["What you'll bring:"],
            ),
            (
                "in the region. About you: you have shipped",
                &["About you:"],
            ),
            ("on call. Must have: Docker, Go", &["Must have:"]),
            (
                "remote first. What we’re looking for: a data engineer",
                &["What we’re looking for:"],
            ),
            // Words that start sentences are not headings without a colon.
            ("Experience with Excel is required", &[]),
            ("we meet the requirements of the law", &[]),
            // Nor is a phrase with a colon that names no block, or one
            // not capitalised.
            ("Our stack: Go and Postgres", &[]),
            ("tell us what you'll bring: ideas", &[]),
            ("Number of required person: 2", &[]),
            ("Years of experience: 4", &[]),
        ];
        for (text, expected) in cases {
            let got: Vec<&str> = inline_headings(text)
                .into_iter()
                .map(|(a, b)| &text[a..b])
                .collect();
            assert_eq!(&got, expected, "{text}");
        }
    }

    #[test]
    fn long_lines_are_cut_at_headings_bullets_and_sentences() {
        let line = long(
            "Job Requirements BSc in Nursing • 2 years of experience • COC certificate. Salary: As per company scale How to Apply Send your CV",
        );
        let cuts = cuts(&line);
        let mut pieces = Vec::new();
        let mut from = 0;
        for at in cuts.iter().copied().chain([line.len()]) {
            pieces.push(line[from..at].trim());
            from = at;
        }
        let tail: Vec<&str> = pieces
            .iter()
            .copied()
            .skip_while(|p| !p.starts_with("Job"))
            .collect();
        assert_eq!(
            tail,
            [
                "Job Requirements",
                "BSc in Nursing",
                "• 2 years of experience",
                "• COC certificate.",
                "Salary:",
                "As per company scale",
                "How to Apply",
                "Send your CV"
            ]
        );
        // Short lines are never cut.
        assert!(cuts_of_short().is_empty());
    }

    fn cuts_of_short() -> Vec<usize> {
        cuts("Python, SQL. Docker is a plus. Requirements: Go")
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let line = long("Knowledge of e.g. Excel and Dr. Abebe's methods. Next sentence here");
        let ends = sentence_ends(&line);
        let after: Vec<&str> = ends.iter().map(|&at| &line[at..]).collect();
        assert!(
            after.iter().any(|s| s.starts_with("Next sentence")),
            "{after:?}"
        );
        assert!(
            !after
                .iter()
                .any(|s| s.starts_with("Excel") || s.starts_with("Abebe")),
            "{after:?}"
        );
    }
}
