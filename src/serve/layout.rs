//! The frame every page shares, its style sheet, and the escaping of
//! what goes into pages and their links. Pages carry no script and no
//! inline style: the style sheet is a file of the server's own
//! (`/assets/app.css`), which the content security policy allows, and
//! nothing else is loaded.

use std::fmt::Write as _;

pub use crate::report::html::escape;

/// Where the style sheet is served.
pub const CSS_PATH: &str = "/assets/app.css";

/// The app's own rules, after the explain report's (which style the
/// explanation pages as `explain --format html` styles its page).
const APP_CSS: &str = "
nav.top{background:#1d2330;color:#eef0f4;padding:8px 24px;display:flex;gap:16px;flex-wrap:wrap;align-items:baseline}
nav.top a{color:#fff;font-weight:600;text-decoration:none}
nav.top .muted{color:#c3c8d2}
a{color:#1f5fbf}
form.upload{display:grid;gap:8px;max-width:720px}
form.upload label{font-weight:600}
form.upload textarea{width:100%;box-sizing:border-box;font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
button{font:inherit;font-weight:600;padding:8px 18px;border:0;border-radius:6px;background:#1f5fbf;color:#fff;cursor:pointer;justify-self:start}
.problem{background:#ffd6d6;border-left:4px solid #c92a2a;padding:8px 12px;margin:8px 0;max-width:720px;overflow-wrap:anywhere}
.downloads a{margin-right:12px}
ol.suggestions{margin:0;padding-left:1.4em}
.pager a{margin-right:12px}
";

/// The style sheet served at [`CSS_PATH`].
pub fn style_sheet() -> String {
    format!("{}{APP_CSS}", crate::report::html::STYLE)
}

/// A whole page: the frame, with `title` in the window's title and
/// `content` (already HTML) in the body; `status_line` says what the
/// server holds.
pub fn page(title: &str, status_line: &str, content: &str) -> String {
    let mut out = String::with_capacity(content.len() + 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} · skillmatch</title>\n<link rel=\"stylesheet\" href=\"{CSS_PATH}\">\n</head>\n<body>\n\
         <nav class=\"top\"><a href=\"/\">skillmatch</a><span class=\"muted\">{}</span></nav>\n{content}</body>\n</html>\n",
        escape(title),
        escape(status_line),
    );
    out
}

/// `value` percent-encoded for a query string: every byte but letters,
/// digits and `-._~` as `%XX`, so an id with `/`, `&`, `#` or spaces
/// survives the round trip.
pub fn query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_keep_only_unreserved_bytes() {
        let cases = [
            ("hahu-490", "hahu-490"),
            ("eu/sre.v2", "eu%2Fsre.v2"),
            ("a&b=c#1", "a%26b%3Dc%231"),
            ("R&D é", "R%26D%20%C3%A9"),
        ];
        for (value, expected) in cases {
            assert_eq!(query_value(value), expected);
        }
    }

    #[test]
    fn pages_escape_their_title_and_link_only_the_style_sheet() {
        let html = page("<b>x</b>", "3 postings", "<p>body</p>\n");
        assert!(html.contains("<title>&lt;b&gt;x&lt;/b&gt; · skillmatch</title>"));
        assert!(html.contains(&format!("href=\"{CSS_PATH}\"")));
        assert!(!html.contains("<script"));
        assert!(!html.contains("<style"));
    }
}
