//! What the benchmarks share: the 1 MiB text they match.

use std::sync::OnceLock;

const TARGET_BYTES: usize = 1 << 20;

/// The sample postings and résumé under examples/, concatenated and repeated
/// to 1 MiB: real posting prose with headers, bullets, skill lists and filler.
pub fn corpus() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let parts = [
            include_str!("../../examples/postings/platform-backend-engineer.txt"),
            include_str!("../../examples/postings/data-engineer.txt"),
            include_str!("../../examples/resumes/java-backend.txt"),
        ];
        let mut text = String::with_capacity(TARGET_BYTES + 4096);
        while text.len() < TARGET_BYTES {
            for part in parts {
                text.push_str(part);
                text.push('\n');
            }
        }
        text
    })
}
