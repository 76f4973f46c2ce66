//! HTML pages as posting text, and the schema.org `JobPosting` data some
//! pages carry.
//!
//! The posting parser reads lines: headers on lines of their own, bullets
//! starting with "- ", sentences in paragraphs. A saved job page has the
//! same structure, spelled in markup, so [`html_to_text`] keeps exactly
//! that much of it: block elements start lines, list items become "- "
//! bullets (indented two spaces per nesting level), headings and
//! bold-only lines stand apart between blank lines, table rows become lines
//! with their cells separated. Everything a browser would not show as text
//! (scripts, styles, `<head>`, SVG, templates) is dropped. The output is a
//! pure function of the markup: the same page always gives the same bytes,
//! so the line numbers and offsets that reports quote are stable.
//!
//! Job boards also embed the posting as JSON-LD for search engines;
//! [`json_ld_values`] reads those blocks so that [`super::job_posting`] can
//! find the postings in them and render their structured fields, which are
//! often cleaner than the page around them. A broken JSON-LD block is not
//! an error: the page's own text is still there to read.

mod depth;

use scraper::{Html, Node};
use serde_json::Value;

/// Deepest list indentation written: items nested deeper are indented as
/// this level, so a page of deeply nested lists gives lines of bounded
/// width, not a square of the page's size.
const MAX_LIST_LEVEL: usize = 8;

/// Elements whose content a reader never sees as text: skipped whole.
/// (`iframe` and `canvas` hold fallback markup, not page text.)
const HIDDEN_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "iframe", "canvas",
];

/// Elements that stand apart as a paragraph: a blank line before and after.
const PARAGRAPH_ELEMENTS: &[&str] = &[
    "p",
    "ul",
    "ol",
    "dl",
    "table",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "main",
    "aside",
    "form",
    "figure",
    "fieldset",
    "details",
    "address",
    "hgroup",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
];

/// Elements that start and end a line, without a blank line around them.
const LINE_ELEMENTS: &[&str] = &[
    "div",
    "li",
    "dt",
    "dd",
    "tr",
    "caption",
    "figcaption",
    "summary",
    "legend",
    "option",
    "center",
];

/// Characters that are invisible in a browser and would only split words
/// ("Kuber\u{ad}netes"): soft hyphen, zero-width space and joiners, and the
/// byte-order mark.
const INVISIBLE: &[char] = &[
    '\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}',
];

/// Bytes at the start of a text looked at by [`looks_like_html`].
pub(crate) const HTML_SNIFF_BYTES: usize = 1024;

/// The visible text of an HTML page or fragment, one line per block (see
/// the module documentation). Ends with exactly one newline, or is empty
/// when the page shows no text.
pub(crate) fn html_to_text(html: &str) -> String {
    // Bounded nesting keeps the parser linear on hostile pages.
    let document = Html::parse_document(&depth::bound_nesting(html, depth::MAX_DEPTH));
    let mut out = TextBuilder::default();
    let root = document.tree.root();
    // A walk with parent links, not recursion: a page of ten thousand
    // nested <div>s cannot exhaust the stack.
    let mut node = root;
    loop {
        let mut descend = false;
        match node.value() {
            Node::Element(element) if !HIDDEN_ELEMENTS.contains(&element.name()) => {
                out.open(element.name());
                descend = true;
            }
            Node::Element(_) => {}
            Node::Text(text) => out.text(text),
            // The document root holds the page; comments, the doctype and
            // processing instructions are not text.
            Node::Document | Node::Fragment => descend = true,
            _ => {}
        }
        if descend {
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
        }
        // Close `node` and every ancestor that has no next sibling.
        loop {
            if descend {
                if let Node::Element(element) = node.value() {
                    out.close(element.name());
                }
            }
            if node.id() == root.id() {
                return out.finish();
            }
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent() {
                Some(parent) => node = parent,
                None => return out.finish(),
            }
            // Every ancestor was opened, hence descended into.
            descend = true;
        }
    }
}

/// A list item being written: its indentation level, and whether its
/// first line (the one that carries the "- ") is out yet.
struct ListItem {
    level: usize,
    bulleted: bool,
}

/// A table row being written: cells so far, and whether the first was a
/// header cell (then "Location | Berlin" reads "Location: Berlin").
struct TableRow {
    cells: usize,
    first_is_header: bool,
}

/// Lines built from the document's text and element boundaries.
struct TextBuilder {
    /// Finished lines; an empty string is a blank line.
    lines: Vec<String>,
    /// The line being written, without its list prefix.
    line: String,
    /// Whitespace was seen since the last character of `line`.
    space: bool,
    /// Every character of `line` so far is inside `<strong>` or `<b>`.
    bold_only: bool,
    /// Open `<strong>` and `<b>` elements.
    bold: usize,
    /// The level of the heading element being written (1 for `<h1>`), or
    /// 0: headings are written as Markdown headings ("# Title", "## Our
    /// offices"), so the posting parser treats a heading it does not know
    /// as a section of its own rather than as content of the one before.
    heading: u8,
    /// Open `<pre>` elements: their line breaks are kept.
    pre: usize,
    /// Open `<ul>` and `<ol>` elements.
    lists: usize,
    /// Open list items, innermost last.
    items: Vec<ListItem>,
    /// Open table rows, innermost last.
    rows: Vec<TableRow>,
}

impl Default for TextBuilder {
    fn default() -> Self {
        TextBuilder {
            lines: Vec::new(),
            line: String::new(),
            space: false,
            bold_only: true,
            heading: 0,
            bold: 0,
            pre: 0,
            lists: 0,
            items: Vec::new(),
            rows: Vec::new(),
        }
    }
}

impl TextBuilder {
    fn open(&mut self, name: &str) {
        match name {
            "br" => self.end_line(),
            "hr" => self.paragraph_break(),
            "strong" | "b" => self.bold += 1,
            "td" | "th" => self.cell(name == "th"),
            _ => {}
        }
        if PARAGRAPH_ELEMENTS.contains(&name) {
            self.paragraph_break();
        } else if LINE_ELEMENTS.contains(&name) {
            self.end_line();
        }
        match name {
            "ul" | "ol" => self.lists += 1,
            "pre" => self.pre += 1,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.heading = name[1..].parse().unwrap_or(2);
            }
            "li" => self.items.push(ListItem {
                level: self.lists.saturating_sub(1).min(MAX_LIST_LEVEL),
                bulleted: false,
            }),
            "tr" => self.rows.push(TableRow {
                cells: 0,
                first_is_header: false,
            }),
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        if PARAGRAPH_ELEMENTS.contains(&name) {
            self.paragraph_break();
        } else if LINE_ELEMENTS.contains(&name) {
            self.end_line();
        }
        match name {
            "strong" | "b" => self.bold = self.bold.saturating_sub(1),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.heading = 0,
            "ul" | "ol" => self.lists = self.lists.saturating_sub(1),
            "pre" => self.pre = self.pre.saturating_sub(1),
            "li" => {
                self.items.pop();
            }
            "tr" => {
                self.rows.pop();
            }
            _ => {}
        }
    }

    /// A table cell starts: separated from the previous cell of its row
    /// on the same line.
    fn cell(&mut self, header: bool) {
        let Some(row) = self.rows.last_mut() else {
            return;
        };
        let label = row.cells == 1 && row.first_is_header && !header;
        if row.cells == 0 {
            row.first_is_header = header;
        }
        row.cells += 1;
        if row.cells == 1 || self.line.is_empty() {
            return;
        }
        if label {
            if !self.line.ends_with(':') {
                self.line.push(':');
            }
        } else {
            self.line.push_str(" |");
        }
        self.space = true;
    }

    fn text(&mut self, text: &str) {
        for c in text.chars() {
            if c == '\n' && self.pre > 0 {
                self.end_line();
            } else if c.is_whitespace() {
                self.space = true;
            } else if c.is_control() || INVISIBLE.contains(&c) {
                continue;
            } else {
                if self.space && !self.line.is_empty() {
                    self.line.push(' ');
                }
                self.space = false;
                self.line.push(c);
                if self.bold == 0 {
                    self.bold_only = false;
                }
            }
        }
    }

    /// Ends the current line, if it holds any text. A line that is all
    /// bold ("<p><strong>Requirements</strong></p>") is a heading: it gets
    /// the blank lines around it that a heading element gets.
    fn end_line(&mut self) {
        let heading = self.bold_only && self.items.is_empty();
        self.space = false;
        self.bold_only = true;
        if self.line.is_empty() {
            return;
        }
        let prefix = match self.items.last_mut() {
            Some(item) => {
                let marker = if item.bulleted { "  " } else { "- " };
                item.bulleted = true;
                format!("{}{marker}", "  ".repeat(item.level))
            }
            None if self.heading == 1 => "# ".to_string(),
            None if self.heading > 1 => "## ".to_string(),
            None => String::new(),
        };
        let line = format!("{prefix}{}", std::mem::take(&mut self.line));
        if heading {
            self.blank_line();
            self.lines.push(line);
            self.blank_line();
        } else {
            self.lines.push(line);
        }
    }

    /// Ends the current line and leaves one blank line after it, except
    /// inside a list item, whose paragraphs stay together under the bullet.
    fn paragraph_break(&mut self) {
        self.end_line();
        if self.items.is_empty() {
            self.blank_line();
        }
    }

    /// One blank line, unless the text is empty or already ends with one.
    fn blank_line(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    fn finish(mut self) -> String {
        self.end_line();
        while self.lines.last().is_some_and(String::is_empty) {
            self.lines.pop();
        }
        let mut text = self.lines.join("\n");
        if !text.is_empty() {
            text.push('\n');
        }
        text
    }
}

/// The JSON of every `<script type="application/ld+json">` block of the
/// page, in page order. A block that is not valid JSON is skipped.
pub(crate) fn json_ld_values(html: &str) -> Vec<Value> {
    // Most pages have no JSON-LD: skip the parse for them.
    if !html.to_ascii_lowercase().contains("ld+json") {
        return Vec::new();
    }
    let document = Html::parse_document(html);
    let mut values = Vec::new();
    for node in document.tree.root().descendants() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let is_json_ld = element.name() == "script"
            && element.attr("type").is_some_and(|t| {
                t.split(';')
                    .next()
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
            });
        if !is_json_ld {
            continue;
        }
        let body: String = node
            .children()
            .filter_map(|child| child.value().as_text())
            .map(|text| &**text)
            .collect();
        values.extend(parse_json_ld(&body));
    }
    values
}

/// The JSON of one script block. Pages wrap it in comment or CDATA markers
/// for old browsers, and CMSs paste descriptions with raw line breaks
/// inside strings (invalid JSON that every search engine accepts): both
/// are tolerated. Anything else that does not parse is `None`.
fn parse_json_ld(body: &str) -> Option<Value> {
    let mut json = body.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
    ] {
        if let Some(inner) = json.strip_prefix(open) {
            json = inner.strip_suffix(close).unwrap_or(inner).trim();
        }
    }
    if json.is_empty() {
        return None;
    }
    serde_json::from_str(json)
        .ok()
        .or_else(|| serde_json::from_str(&escape_controls_in_strings(json)).ok())
}

/// `json` with control characters inside string literals escaped.
fn escape_controls_in_strings(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            } else if c.is_control() {
                match c {
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    _ => out.push_str(&format!("\\u{:04x}", u32::from(c))),
                }
                continue;
            }
        } else if c == '"' {
            in_string = true;
        }
        out.push(c);
    }
    out
}

/// Does `text` look like HTML rather than plain text? A doctype or `<html>`
/// within the first [`HTML_SNIFF_BYTES`], or a text that opens with markup
/// and has a `<body>`, `<div>`, `<p>` (or another common block tag) there.
/// A plain-text posting that mentions "<div>" in a sentence does not start
/// with "<", so it stays text.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let mut end = text.len().min(HTML_SNIFF_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text[..end].to_ascii_lowercase();
    if head.contains("<!doctype html") || tag_in(&head, "html") {
        return true;
    }
    head.starts_with('<')
        && [
            "body", "div", "p", "section", "article", "ul", "h1", "h2", "h3",
        ]
        .iter()
        .any(|tag| tag_in(&head, tag))
}

/// Does lowercase `text` hold the start tag `<tag>` or `<tag …>`?
fn tag_in(text: &str, tag: &str) -> bool {
    let open = format!("<{tag}");
    text.match_indices(&open).any(|(at, _)| {
        text[at + open.len()..]
            .chars()
            .next()
            .is_some_and(|c| c == '>' || c == '/' || c.is_ascii_whitespace())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A job page the way boards serve it: navigation, a heading, prose,
    /// bold-only section labels, lists, a facts table, and the scripts and
    /// styles around them.
    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Backend Engineer &ndash; Acme Robotics Careers</title>
  <style>body { font-family: sans-serif; } .nav li { display: inline; }</style>
</head>
<body>
  <header>
    <nav class="nav"><ul><li><a href="/">Home</a></li><li><a href="/jobs">Jobs</a></li></ul></nav>
  </header>
  <main>
    <h1>Backend Engineer</h1>
    <div class="meta">Acme Robotics &middot; Berlin, Germany</div>
    <table class="facts">
      <tr><th>Location</th><td>Berlin&nbsp;/ Remote</td></tr>
      <tr><th>Salary</th><td>&euro;60,000&ndash;&euro;80,000</td></tr>
      <tr><td>Full time</td><td>Permanent</td></tr>
    </table>
    <p>We build   warehouse robots &amp; the software
       that drives them.<br>Join us!</p>
    <h2>Requirements</h2>
    <ul>
      <li>3+ years of experience with Rust or C++</li>
      <li>Databases:
        <ul><li>PostgreSQL</li><li>Redis &amp; Kafka</li></ul>
      </li>
      <li><p>Experience with Docker</p><p>and Kubernetes</p></li>
      <li></li>
    </ul>
    <p><strong>Nice to have</strong></p>
    <ul><li>Go</li></ul>
    <p><b>Salary:</b> paid monthly</p>
    <noscript><p>Enable JavaScript to apply.</p></noscript>
    <script>window.dataLayer = [{"page": "job"}]; if (a < b) { track(); }</script>
    <svg><text>logo</text></svg>
    <template><p>Apply form</p></template>
  </main>
  <footer><p>&copy; 2025 Acme&nbsp;Robotics</p></footer>
</body>
</html>
"#;

    #[test]
    fn a_posting_page_keeps_its_lines_bullets_and_headings() {
        let expected = "\
- Home
- Jobs

# Backend Engineer

Acme Robotics \u{b7} Berlin, Germany

Location: Berlin / Remote
Salary: \u{20ac}60,000\u{2013}\u{20ac}80,000
Full time | Permanent

We build warehouse robots & the software that drives them.
Join us!

## Requirements

- 3+ years of experience with Rust or C++
- Databases:
  - PostgreSQL
  - Redis & Kafka
- Experience with Docker
  and Kubernetes

Nice to have

- Go

Salary: paid monthly

\u{a9} 2025 Acme Robotics
";
        assert_eq!(html_to_text(PAGE), expected);
    }

    #[test]
    fn markup_becomes_lines_table() {
        let cases = [
            ("empty", "", ""),
            ("only hidden", "<script>x()</script><style>p{}</style>", ""),
            ("plain text", "Rust and Go", "Rust and Go\n"),
            ("entities", "R&amp;D&nbsp;&nbsp;team &lt;3", "R&D team <3\n"),
            (
                "blank paragraphs",
                "<p>a</p><p>&nbsp;</p><p></p><p>b</p>",
                "a\n\nb\n",
            ),
            (
                "divs are lines",
                "<div>a</div><div><div>b</div></div>c",
                "a\nb\nc\n",
            ),
            ("br", "a<br>b<br/><br>c", "a\nb\nc\n"),
            (
                "inline",
                "<p>Use <em>Go</em>, <a href='#'>Rust</a>.</p>",
                "Use Go, Rust.\n",
            ),
            (
                "ordered",
                "<ol><li>one</li><li>two</li></ol>",
                "- one\n- two\n",
            ),
            (
                "three levels",
                "<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li></ul>",
                "- a\n  - b\n    - c\n",
            ),
            (
                "heading",
                "intro<h3>Skills</h3>Rust",
                "intro\n\n## Skills\n\nRust\n",
            ),
            (
                "bold label with text is inline",
                "<p><strong>Skills:</strong> Rust</p>",
                "Skills: Rust\n",
            ),
            (
                "bold line before a break",
                "<p><b>Requirements</b><br>Rust<br>Go</p>",
                "Requirements\n\nRust\nGo\n",
            ),
            ("bold in a bullet", "<ul><li><b>Go</b></li></ul>", "- Go\n"),
            (
                "definition list",
                "<dl><dt>Team</dt><dd>Platform</dd></dl>",
                "Team\nPlatform\n",
            ),
            (
                "header row",
                "<table><tr><th>A</th><th>B</th></tr></table>",
                "A | B\n",
            ),
            (
                "label ending in colon",
                "<table><tr><th>Pay:</th><td>$5</td></tr></table>",
                "Pay: $5\n",
            ),
            ("pre keeps lines", "<pre>a  b\n\nc</pre>", "a b\nc\n"),
            (
                "invisible characters",
                "Kuber\u{ad}netes\u{200b}",
                "Kubernetes\n",
            ),
            (
                "head dropped",
                "<html><head><title>T</title></head><body>x</body></html>",
                "x\n",
            ),
            ("comments dropped", "a<!-- hidden -->b", "ab\n"),
        ];
        for (name, html, expected) in cases {
            assert_eq!(html_to_text(html), expected, "{name}");
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}Go{}", "<div>".repeat(5_000), "</div>".repeat(5_000));
        assert_eq!(html_to_text(&html), "Go\n");
    }

    #[test]
    fn deeply_nested_lists_keep_every_item_at_bounded_indentation() {
        // Each item's line is at most the deepest indentation wide, so the
        // text grows with the page, not with its square.
        let items = 100;
        let html = "<ul><li>Go ".repeat(items);
        let text = html_to_text(&html);
        assert_eq!(text.lines().count(), items);
        assert!(text.lines().all(|l| l.trim() == "- Go"), "{text:.200}");
        let widest = text.lines().map(str::len).max().unwrap_or(0);
        assert_eq!(widest, 2 * MAX_LIST_LEVEL + "- Go".len());
        // Past the nesting bound the items' text is still all there.
        let items = 40_000;
        let html = "<ul><li>Go ".repeat(items);
        let text = html_to_text(&html);
        assert_eq!(
            text.split_whitespace().filter(|w| *w == "Go").count(),
            items
        );
        assert!(text.len() < html.len(), "{} bytes", text.len());
    }

    #[test]
    fn json_ld_blocks_are_read_and_broken_ones_skipped() {
        let page = r#"<html><head>
<script type="application/ld+json">{"@type": "JobPosting", "title": "One"}</script>
<script type="application/ld+json">{"@type": "JobPosting", "title": "Broken",</script>
<script type="application/ld+json"></script>
<script type="APPLICATION/LD+JSON; charset=utf-8"><!--
{"@type": "WebPage", "description": "line one
line two"}
--></script>
<script type="text/javascript">{"@type": "JobPosting", "title": "Not JSON-LD"}</script>
</head><body><p>Page text</p></body></html>"#;
        let values = json_ld_values(page);
        let types: Vec<&str> = values.iter().filter_map(|v| v["@type"].as_str()).collect();
        assert_eq!(types, ["JobPosting", "WebPage"]);
        assert_eq!(values[1]["description"], "line one\nline two");
        assert!(json_ld_values("<p>Backend Engineer</p>").is_empty());
    }

    #[test]
    fn html_is_sniffed_from_the_start_of_the_text() {
        let cases = [
            ("<!DOCTYPE html>\n<html>", true),
            ("\u{feff}  <!doctype HTML>", true),
            ("<?xml version=\"1.0\"?>\n<HTML lang=en>", true),
            ("<body><p>Go</p></body>", true),
            ("<div class=\"job\">Go</div>", true),
            ("<p>Backend Engineer</p>", true),
            ("<!-- saved page -->\n<div>", true),
            (
                "Backend Engineer\nYou know your <div> from your <p>.",
                false,
            ),
            ("<Backend Engineer>", false),
            ("<pre>not a paragraph", false),
            ("Frontend: HTML, CSS", false),
            ("", false),
        ];
        for (text, expected) in cases {
            assert_eq!(looks_like_html(text), expected, "{text}");
        }
    }
}
