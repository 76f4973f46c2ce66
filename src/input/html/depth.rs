//! A bound on how deep a page's elements nest, applied to the markup
//! before the HTML parser sees it.
//!
//! The HTML parser checks its stack of open elements on every start tag,
//! so a page of eighty thousand nested `<div>`s costs it seconds per
//! thousand tags, and the list indentation of deeply nested `<ul><li>`
//! grows with the square of the page. No page a person reads nests more
//! than a few dozen levels. [`bound_nesting`] follows the tags the way the
//! parser would close them (end tags, the implied ends of `<p>`, `<li>`,
//! table cells and rows, void elements) and removes every start tag that
//! would open an element deeper than the limit, with its end tag. The text
//! inside stays: it is read as the text of the deepest element kept.
//!
//! This is an approximation of the parser's tree building, not a copy of
//! it; it errs towards counting too deep, which can only drop tags from
//! pages that nest hundreds of levels, never text.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

/// Deepest element nesting read as markup; deeper tags are dropped.
pub const MAX_DEPTH: usize = 256;

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame",
];

/// Elements whose content is raw text, up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Start tags that end an open `<p>` (the parser's "close a p element").
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];

/// `html` with every tag that would nest deeper than `limit` removed (see
/// the module documentation); borrowed unchanged when none is.
pub fn bound_nesting(html: &str, limit: usize) -> Cow<'_, str> {
    let mut tracker = Tracker::new(limit);
    let bytes = html.as_bytes();
    let mut drop: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + offset;
        let Some(tag) = read_tag(bytes, start) else {
            i = start + 1;
            continue;
        };
        i = tag.end;
        let keep = match tag.kind {
            TagKind::Start { self_closing } => tracker.start(&tag.name, self_closing),
            TagKind::End => tracker.end(&tag.name),
            TagKind::Other => true,
        };
        if !keep {
            drop.push((start, tag.end));
        }
        if matches!(tag.kind, TagKind::Start { .. }) && RAW_TEXT.contains(&tag.name.as_str()) {
            // Skip to the end tag: its content is not markup.
            let close = format!("</{}", tag.name);
            i = find_ignoring_case(bytes, i, close.as_bytes()).unwrap_or(bytes.len());
        }
    }
    if drop.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (start, end) in drop {
        out.push_str(&html[from..start]);
        from = end;
    }
    out.push_str(&html[from..]);
    Cow::Owned(out)
}

/// What a tag is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    /// `<name …>` (`<name … />` is self-closing).
    Start { self_closing: bool },
    /// `</name>`.
    End,
    /// A comment, doctype or processing instruction.
    Other,
}

/// One tag of the markup: its kind, lower-cased name and end offset.
struct Tag {
    kind: TagKind,
    name: String,
    end: usize,
}

/// The tag starting with the `<` at `start`, or `None` when that `<` is
/// text ("a < b").
fn read_tag(bytes: &[u8], start: usize) -> Option<Tag> {
    let rest = &bytes[start + 1..];
    if rest.starts_with(b"!--") {
        let end = find_ignoring_case(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3);
        return Some(Tag {
            kind: TagKind::Other,
            name: String::new(),
            end,
        });
    }
    if matches!(rest.first(), Some(b'!' | b'?')) {
        let end = find_byte(bytes, start + 1, b'>').map_or(bytes.len(), |e| e + 1);
        return Some(Tag {
            kind: TagKind::Other,
            name: String::new(),
            end,
        });
    }
    let (closing, name_start) = match rest.first() {
        Some(b'/') => (true, start + 2),
        _ => (false, start + 1),
    };
    if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name_end = bytes[name_start..]
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
        .map_or(bytes.len(), |p| name_start + p);
    let name = String::from_utf8_lossy(&bytes[name_start..name_end]).to_ascii_lowercase();
    // The tag ends at the first `>` outside a quoted attribute value.
    let mut quote = None;
    let mut end = bytes.len();
    for (j, &b) in bytes.iter().enumerate().skip(name_end) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => {
                end = j + 1;
                break;
            }
            _ => {}
        }
    }
    let kind = if closing {
        TagKind::End
    } else {
        TagKind::Start {
            self_closing: end >= 2 && bytes[end - 2] == b'/',
        }
    };
    Some(Tag { kind, name, end })
}

/// The first `needle` at or after `from`, ASCII case ignored.
fn find_ignoring_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

/// The first `byte` at or after `from`.
fn find_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == byte)
        .map(|p| from + p)
}

/// Elements that keep an open `<p>` outside them from being ended (the
/// parser's "button scope").
const P_SCOPE: &[&str] = &[
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "button",
];

/// The open elements as the parser would have them: those kept, and above
/// them those dropped for being too deep.
struct Tracker {
    limit: usize,
    /// Open elements, outermost first; the first `limit` are kept.
    open: Vec<String>,
    /// Where each name is open in `open`, innermost last: every question
    /// the tracker asks is answered without walking the stack, so a page
    /// of any depth is read in linear time.
    positions: FxHashMap<String, Vec<usize>>,
}

impl Tracker {
    fn new(limit: usize) -> Tracker {
        Tracker {
            limit,
            open: Vec::new(),
            positions: FxHashMap::default(),
        }
    }

    /// A start tag: applies the ends it implies, then opens the element.
    /// Keep the tag?
    fn start(&mut self, name: &str, self_closing: bool) -> bool {
        if CLOSES_P.contains(&name) {
            self.end_implied("p", P_SCOPE);
        }
        match name {
            "li" => self.end_implied("li", &["ul", "ol"]),
            "dd" | "dt" => {
                self.end_implied("dd", &["dl"]);
                self.end_implied("dt", &["dl"]);
            }
            "td" | "th" => {
                self.end_implied("td", &["tr", "table"]);
                self.end_implied("th", &["tr", "table"]);
            }
            "tr" => {
                self.end_implied("td", &["tr", "table"]);
                self.end_implied("th", &["tr", "table"]);
                self.end_implied("tr", &["table"]);
            }
            "option" => self.end_implied("option", &["select"]),
            _ => {}
        }
        let depth = self.open.len() + 1;
        if !VOID.contains(&name) && !self_closing {
            self.positions
                .entry(name.to_string())
                .or_default()
                .push(self.open.len());
            self.open.push(name.to_string());
        }
        depth <= self.limit
    }

    /// An end tag: closes the innermost open element of that name and
    /// everything opened inside it. Keep the tag? Only when the element
    /// it closes was kept.
    fn end(&mut self, name: &str) -> bool {
        match self.innermost(name) {
            Some(position) => {
                self.pop_to(position);
                position < self.limit
            }
            // A stray end tag: the parser ignores it, so may we.
            None => true,
        }
    }

    /// Where the innermost open `name` is.
    fn innermost(&self, name: &str) -> Option<usize> {
        self.positions.get(name).and_then(|p| p.last().copied())
    }

    /// Ends an open `name` unless an element of `scope` (a list for an
    /// item, a table for a cell) was opened inside it.
    fn end_implied(&mut self, name: &str, scope: &[&str]) {
        let Some(position) = self.innermost(name) else {
            return;
        };
        let boundary = scope.iter().filter_map(|s| self.innermost(s)).max();
        if boundary.is_none_or(|b| b < position) {
            self.pop_to(position);
        }
    }

    /// Closes the element at `position` and everything inside it.
    fn pop_to(&mut self, position: usize) {
        while self.open.len() > position {
            if let Some(top) = self.open.pop() {
                if let Some(p) = self.positions.get_mut(&top) {
                    p.pop();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_past_the_limit_are_dropped_with_their_end_tags() {
        let nested = |n: usize| format!("{}Go{}", "<div>".repeat(n), "</div>".repeat(n));
        let cases: Vec<(&str, String, usize, String)> = vec![
            ("within the limit", nested(3), 3, nested(3)),
            ("one too deep", nested(4), 3, nested(3)),
            (
                "implied ends of paragraphs and items do not nest",
                "<p>a<p>b<p>c<ul><li>x<li>y<li>z</ul>".to_string(),
                3,
                "<p>a<p>b<p>c<ul><li>x<li>y<li>z</ul>".to_string(),
            ),
            (
                "nested lists do",
                "<ul><li>a<ul><li>b<ul><li>c".to_string(),
                3,
                "<ul><li>a<ul>bc".to_string(),
            ),
            (
                "void elements and comments do not nest",
                "<div><br><img src=x><!-- <div><div> --><hr/><div>t</div></div>".to_string(),
                2,
                "<div><br><img src=x><!-- <div><div> --><hr/><div>t</div></div>".to_string(),
            ),
            (
                "script text is not markup",
                "<div><script>if (a <div) {}</script><div>t</div></div>".to_string(),
                2,
                "<div><script>if (a <div) {}</script><div>t</div></div>".to_string(),
            ),
            (
                "a > inside a quoted attribute",
                r#"<div title="a>b"><div>t</div></div>"#.to_string(),
                1,
                r#"<div title="a>b">t</div>"#.to_string(),
            ),
            (
                "text with a bare <",
                "<div>1 < 2</div>".to_string(),
                1,
                "<div>1 < 2</div>".to_string(),
            ),
        ];
        for (name, html, limit, expected) in cases {
            assert_eq!(bound_nesting(&html, limit), expected, "{name}");
        }
    }
}
