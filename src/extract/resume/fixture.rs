//! What the résumé tests share: a small taxonomy under their control, the
//! embedded one, a fixed `as_of` month and short ways to ask a candidate.

use std::sync::OnceLock;

use super::{parse_resume, Candidate, ResumeOptions};
use crate::extract::dates::YearMonth;
use crate::extract::Matcher;
use crate::taxonomy::{Source, Taxonomy, TaxonomyBuilder};

/// The month "Present" means in every test.
pub(super) const AS_OF: YearMonth = YearMonth {
    year: 2024,
    month: 6,
};

/// A taxonomy under the tests' control: "go" needs no evidence here.
const TINY: &str = r#"
category = "programming"
[[skill]]
id = "programming-languages"
label = "Programming languages"
[[skill]]
id = "java"
label = "Java"
parents = ["programming-languages"]
[[skill]]
id = "kotlin"
label = "Kotlin"
parents = ["programming-languages"]
[[skill]]
id = "go"
label = "Go"
aliases = ["golang"]
parents = ["programming-languages"]
[[skill]]
id = "python"
label = "Python"
parents = ["programming-languages"]
[[skill]]
id = "sql"
label = "SQL"
category = "databases"
[[skill]]
id = "postgresql"
label = "PostgreSQL"
aliases = ["postgres"]
category = "databases"
parents = ["sql"]
[[skill]]
id = "docker"
label = "Docker"
category = "cloud"
[[skill]]
id = "kubernetes"
label = "Kubernetes"
aliases = ["k8s"]
category = "cloud"
[[skill]]
id = "aws"
label = "AWS"
category = "cloud"
[[skill]]
id = "git"
label = "Git"
category = "tools"
[[skill]]
id = "computer-science"
label = "Computer Science"
category = "education"
"#;

/// The tiny taxonomy, built once.
pub(super) fn tiny() -> &'static Taxonomy {
    static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
    TAXONOMY.get_or_init(|| {
        let mut builder = TaxonomyBuilder::new();
        builder.add_source(Source::new("tiny.toml", TINY));
        builder.build().expect("the tiny taxonomy builds")
    })
}

/// Parses `text` with the tiny taxonomy as of [`AS_OF`].
pub(super) fn parse(text: &str) -> Candidate {
    let matcher = Matcher::new(tiny()).expect("matcher");
    parse_resume(&matcher, "test.txt", text, &ResumeOptions { as_of: AS_OF })
}

/// A month, for short expectations.
pub(super) fn ym(year: i32, month: u32) -> YearMonth {
    YearMonth { year, month }
}

/// The years of the tiny taxonomy's skill `id`, if the candidate has it.
pub(super) fn years_of(candidate: &Candidate, id: &str) -> Option<f32> {
    let skill = tiny().get(id).expect("skill in the tiny taxonomy");
    candidate.skill(skill).and_then(|s| s.years)
}

/// The candidate's skill ids, in order.
pub(super) fn ids(candidate: &Candidate, taxonomy: &Taxonomy) -> Vec<String> {
    candidate
        .skills
        .iter()
        .map(|s| taxonomy.skill(s.skill).id.clone())
        .collect()
}

/// A matcher over the embedded taxonomy, built once.
pub(super) fn embedded_matcher() -> &'static Matcher<'static> {
    static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
    static MATCHER: OnceLock<Matcher<'static>> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let taxonomy = TAXONOMY.get_or_init(|| Taxonomy::embedded().expect("embedded taxonomy"));
        Matcher::new(taxonomy).expect("matcher")
    })
}
