//! Where ESCO's verb-phrase labels get the forms postings write.
//!
//! ESCO names a skill by what a person does: "manage time", "work
//! independently", "solve problems", "use SQL". Postings name the same
//! skill as a noun or a gerund: "excellent time management", "working
//! independently", "problem solving", "SQL". Three general rules derive
//! those forms from the label ([`verb_phrase_forms`]):
//!
//! 1. the gerund: "work independently" → "working independently";
//! 2. the noun of a verb with a plain object: "manage time" → "time
//!    management", "solve problems" → "problem solving" (object singular,
//!    `NOUN_OF_VERB`);
//! 3. the tool alone after a verb of use: "use SQL" → "SQL", when the
//!    object is a name (it has a capital or a digit).
//!
//! A one-word label that everyday English also uses ("communication",
//! "leadership") needs evidence of its sense when it stands alone, so the
//! import writes the form postings use for the skill: "communication
//! skills" ([`skills_form`]).

/// Verbs whose object, when it is a name, is the skill itself.
const USE_VERBS: &[&str] = &["use", "utilise", "utilize", "apply", "employ", "operate"];

/// The noun a verb makes with its object in front: "manage time" → "time
/// management". A verb not listed gets only its gerund.
const NOUN_OF_VERB: &[(&str, &str)] = &[
    ("administer", "administration"),
    ("analyse", "analysis"),
    ("analyze", "analysis"),
    ("assess", "assessment"),
    ("build", "building"),
    ("calculate", "calculation"),
    ("clean", "cleaning"),
    ("coordinate", "coordination"),
    ("design", "design"),
    ("develop", "development"),
    ("diagnose", "diagnosis"),
    ("estimate", "estimation"),
    ("evaluate", "evaluation"),
    ("forecast", "forecasting"),
    ("handle", "handling"),
    ("implement", "implementation"),
    ("inspect", "inspection"),
    ("install", "installation"),
    ("interpret", "interpretation"),
    ("keep", "keeping"),
    ("lead", "leadership"),
    ("maintain", "maintenance"),
    ("make", "making"),
    ("manage", "management"),
    ("measure", "measurement"),
    ("monitor", "monitoring"),
    ("negotiate", "negotiation"),
    ("optimise", "optimisation"),
    ("optimize", "optimization"),
    ("organise", "organisation"),
    ("organize", "organization"),
    ("plan", "planning"),
    ("prepare", "preparation"),
    ("process", "processing"),
    ("purchase", "purchasing"),
    ("recruit", "recruitment"),
    ("repair", "repair"),
    ("report", "reporting"),
    ("resolve", "resolution"),
    ("schedule", "scheduling"),
    ("set", "setting"),
    ("solve", "solving"),
    ("supervise", "supervision"),
    ("teach", "teaching"),
    ("test", "testing"),
    ("train", "training"),
    ("translate", "translation"),
    ("treat", "treatment"),
    ("write", "writing"),
];

/// Words that start a phrase, not an object: "communicate with customers"
/// has no noun form of its own.
const NOT_AN_OBJECT: &[&str] = &[
    "with", "to", "for", "in", "on", "of", "about", "from", "at", "by", "into", "as", "under",
    "within", "between", "across", "through", "and", "or",
];

/// Verbs of two syllables or more that double their last consonant before
/// "-ing" (the stress falls on it): "controlling", "programming".
const DOUBLING_VERBS: &[&str] = &[
    "admit", "commit", "compel", "control", "equip", "format", "occur", "omit", "patrol", "permit",
    "prefer", "program", "propel", "refer", "regret", "submit", "transfer", "upset",
];

/// Words ending in "s" that are not plurals ("logistics", "sales").
const NOT_PLURAL: &[&str] = &[
    "sales", "news", "series", "species", "premises", "goods", "means", "customs", "process",
];

/// The forms postings write for an ESCO skill labelled `label`, a verb
/// phrase (the caller knows the skill type): its gerund, the noun of its
/// verb with the object in front, and the named tool of a verb of use.
/// None when the label does not start with a lowercase word followed by
/// more.
///
/// ```
/// use skillmatch::taxonomy::import::phrasing::verb_phrase_forms;
/// assert_eq!(verb_phrase_forms("manage time"), ["managing time", "time management"]);
/// assert_eq!(verb_phrase_forms("use SQL"), ["using SQL", "SQL"]);
/// ```
pub fn verb_phrase_forms(label: &str) -> Vec<String> {
    let label = label.trim();
    let Some((verb, rest)) = label.split_once(' ') else {
        return Vec::new();
    };
    let rest = rest.trim();
    if rest.is_empty() || !verb.chars().all(|c| c.is_ascii_lowercase()) || verb.len() < 2 {
        return Vec::new();
    }
    let mut out = vec![format!("{} {rest}", gerund(verb))];
    let object: Vec<&str> = rest
        .split_whitespace()
        .skip_while(|w| matches!(*w, "a" | "an" | "the"))
        .collect();
    let plain_object = !object.is_empty()
        && object.len() <= 3
        && !object.iter().any(|w| NOT_AN_OBJECT.contains(w))
        && object.iter().all(|w| w.chars().all(char::is_alphanumeric))
        && !(object.len() == 1 && object[0].ends_with("ly"));
    if USE_VERBS.contains(&verb) {
        let named = object
            .iter()
            .any(|w| w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit()));
        if named && plain_object {
            out.push(object.join(" "));
        }
        return out;
    }
    if let Some(&(_, noun)) = NOUN_OF_VERB.iter().find(|(v, _)| *v == verb) {
        if plain_object {
            let (last, head) = object.split_last().expect("object is not empty");
            let mut words: Vec<String> = head.iter().map(|w| w.to_string()).collect();
            words.push(singular(last));
            out.push(format!("{} {noun}", words.join(" ")));
        }
    }
    out
}

/// "communication" → "communication skills": the form that shows a
/// one-word skill label means the skill. Only for a lowercase word of
/// [`SKILLS_FORM_MIN_CHARS`] letters or more, the shape of ESCO's
/// everyday-word skills; a name ("Java", "R") needs no such form.
pub fn skills_form(label: &str) -> Option<String> {
    let label = label.trim();
    let word = label.chars().count() >= SKILLS_FORM_MIN_CHARS
        && label.chars().all(|c| c.is_alphabetic() && c.is_lowercase());
    word.then(|| format!("{label} skills"))
}

/// The shortest label [`skills_form`] writes "LABEL skills" for.
pub const SKILLS_FORM_MIN_CHARS: usize = 4;

/// The "-ing" form of an English verb.
fn gerund(verb: &str) -> String {
    if let Some(stem) = verb.strip_suffix("ie") {
        return format!("{stem}ying");
    }
    if verb.ends_with('e')
        && !verb.ends_with("ee")
        && !verb.ends_with("ye")
        && !verb.ends_with("oe")
    {
        return format!("{}ing", &verb[..verb.len() - 1]);
    }
    let vowel = |c: char| "aeiou".contains(c);
    let chars: Vec<char> = verb.chars().collect();
    let groups = chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| vowel(c) && (i == 0 || !vowel(chars[i - 1])))
        .count();
    let n = chars.len();
    let consonant_vowel_consonant = n >= 3
        && !vowel(chars[n - 3])
        && vowel(chars[n - 2])
        && !vowel(chars[n - 1])
        && !"wxy".contains(chars[n - 1]);
    if (groups == 1 && consonant_vowel_consonant) || DOUBLING_VERBS.contains(&verb) {
        return format!("{verb}{}ing", chars[n - 1]);
    }
    format!("{verb}ing")
}

/// The singular of a plural noun as it stands before another noun:
/// "problems" → "problem", "activities" → "activity"; words that only look
/// plural stay ("logistics", "sales", "business").
fn singular(word: &str) -> String {
    let lower = word.to_lowercase();
    if NOT_PLURAL.contains(&lower.as_str())
        || ["ss", "us", "is", "ics"].iter().any(|s| lower.ends_with(s))
        || word.chars().count() <= 3
    {
        return word.to_string();
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    word.strip_suffix('s').unwrap_or(word).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_phrase_table() {
        let cases: &[(&str, &[&str])] = &[
            ("manage time", &["managing time", "time management"]),
            ("work independently", &["working independently"]),
            ("solve problems", &["solving problems", "problem solving"]),
            (
                "resolve conflicts",
                &["resolving conflicts", "conflict resolution"],
            ),
            ("make decisions", &["making decisions", "decision making"]),
            ("keep records", &["keeping records", "record keeping"]),
            ("manage a team", &["managing a team", "team management"]),
            (
                "analyse big data",
                &["analysing big data", "big data analysis"],
            ),
            ("plan events", &["planning events", "event planning"]),
            (
                "manage logistics",
                &["managing logistics", "logistics management"],
            ),
            ("use SQL", &["using SQL", "SQL"]),
            (
                "use Microsoft Office",
                &["using Microsoft Office", "Microsoft Office"],
            ),
            ("use databases", &["using databases"]),
            (
                "communicate with customers",
                &["communicating with customers"],
            ),
            ("think critically", &["thinking critically"]),
            ("control costs", &["controlling costs"]),
            ("tie knots", &["tying knots"]),
            ("run tests", &["running tests"]),
            ("visit clients", &["visiting clients"]),
            (
                "manage staff, budgets and plans",
                &["managing staff, budgets and plans"],
            ),
            ("Java (computer programming)", &[]),
            ("communication", &[]),
            ("ICT", &[]),
        ];
        for (label, expected) in cases {
            assert_eq!(verb_phrase_forms(label), *expected, "{label}");
        }
    }

    #[test]
    fn skills_form_table() {
        for (label, expected) in [
            ("communication", Some("communication skills")),
            ("leadership", Some("leadership skills")),
            ("work independently", None),
            ("C++", None),
            ("R", None),
            ("Java", None),
            ("art", None),
            ("", None),
        ] {
            assert_eq!(skills_form(label).as_deref(), expected, "{label}");
        }
    }
}
