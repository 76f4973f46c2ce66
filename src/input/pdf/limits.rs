//! Limits a PDF must stay within before the PDF library reads its text.
//!
//! The PDF library parses nested arrays and dictionaries by recursion,
//! follows drawings (form XObjects) by recursion, and unpacks compressed
//! streams without a size limit. A ten-kilobyte file of five thousand
//! nested `[`, or a form that draws itself, overflows the stack, which
//! aborts the whole process, not just the one résumé; a one-megabyte file
//! can unpack to a gigabyte. None of that can be caught once the library
//! runs, so it is checked first, in two steps:
//!
//! - [`check`], on the file's bytes before loading: nesting deeper than
//!   [`MAX_NESTING`] anywhere in the file, and the object streams the
//!   library unpacks while loading (their size and nesting);
//! - [`check_document`], on the loaded (and decrypted) document before its
//!   text is read: every stream the text reader may unpack, decoded with
//!   a cap (`decode`), must stay under [`MAX_STREAM_BYTES`] and all of
//!   them together under [`MAX_INFLATED_BYTES`]; page contents and forms
//!   must nest no deeper than [`MAX_NESTING`] (inline image data is
//!   skipped, as the library skips it); forms must not draw themselves
//!   (`forms`). Images and font programs are counted out: the text
//!   reader never unpacks images, and font programs are binary.
//!
//! The checks are conservative where the file is damaged: data that does
//! not decode is left to the library, which reports it.

mod decode;
mod forms;
mod pages;

pub use forms::MAX_FORM_DEPTH;

/// Deepest nesting of arrays and dictionaries accepted. Real PDFs nest a
/// handful of levels (a page tree is references, not nesting); the PDF
/// library recurses once per level and overflows the stack in the
/// thousands.
pub const MAX_NESTING: usize = 100;

/// Most bytes one stream may unpack to. A page's text is kilobytes; fonts
/// are at most a few megabytes.
pub const MAX_STREAM_BYTES: u64 = 16 << 20;

/// Most bytes all of a file's non-image streams may unpack to together.
pub const MAX_INFLATED_BYTES: u64 = 64 << 20;

/// The limits one check applies; [`Limits::DEFAULT`] in use, smaller ones
/// in tests.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Deepest nesting accepted.
    pub nesting: usize,
    /// Most bytes one stream may unpack to.
    pub stream_bytes: u64,
    /// Most bytes all streams may unpack to together.
    pub inflated_bytes: u64,
}

impl Limits {
    /// The limits of the module docs.
    pub const DEFAULT: Limits = Limits {
        nesting: MAX_NESTING,
        stream_bytes: MAX_STREAM_BYTES,
        inflated_bytes: MAX_INFLATED_BYTES,
    };
}

/// Why a PDF was refused before reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A Form XObject draws itself, directly or through others, or forms
    /// nest deeper than [`MAX_FORM_DEPTH`].
    FormsTooDeep,
    /// Arrays or dictionaries nest deeper than [`MAX_NESTING`].
    TooDeep,
    /// One stream unpacks to more than [`MAX_STREAM_BYTES`].
    StreamTooLarge,
    /// All streams together unpack to more than [`MAX_INFLATED_BYTES`].
    DocumentTooLarge,
    /// A page-tree node is its own ancestor, or the tree is deeper than
    /// [`MAX_PAGE_TREE_DEPTH`](pages::MAX_PAGE_TREE_DEPTH).
    PageTreeLoop,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::FormsTooDeep => write!(
                f,
                "its drawings (form XObjects) draw themselves or nest more than \
                 {MAX_FORM_DEPTH} levels deep (a damaged or hostile file)"
            ),
            Refusal::TooDeep => write!(
                f,
                "its arrays or dictionaries nest more than {MAX_NESTING} levels deep, \
                 which no real PDF does (a damaged or hostile file)"
            ),
            Refusal::StreamTooLarge => write!(
                f,
                "one of its compressed parts unpacks to more than {} MiB \
                 (a damaged file or a compression bomb)",
                MAX_STREAM_BYTES >> 20
            ),
            Refusal::DocumentTooLarge => write!(
                f,
                "its compressed parts unpack to more than {} MiB together \
                 (a damaged file or a compression bomb)",
                MAX_INFLATED_BYTES >> 20
            ),
            Refusal::PageTreeLoop => write!(
                f,
                "its page tree loops (a page is its own parent) or is more than {} \
                 levels deep (a damaged or hostile file)",
                pages::MAX_PAGE_TREE_DEPTH
            ),
        }
    }
}

/// Checks the PDF `bytes` against the limits above (module docs).
pub fn check(bytes: &[u8]) -> Result<(), Refusal> {
    check_within(bytes, Limits::DEFAULT)
}

/// Longest stretch before `stream` read as the stream's dictionary: bounds
/// the work per stream when a file has no dictionaries at all.
const DICTIONARY_WINDOW: usize = 4096;

/// Checks the PDF `bytes` against `limits` before the PDF library loads
/// them: nesting in the file itself, and nesting and size in the object
/// streams the library unpacks while loading.
pub fn check_within(bytes: &[u8], limits: Limits) -> Result<(), Refusal> {
    let mut file = Lexer::new(false, limits.nesting);
    let mut budget = Budget::new(limits);
    let mut dict_start = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        let depth_before = file.depth;
        let event = file.push(bytes[i])?;
        if file.depth > depth_before && depth_before == 0 {
            dict_start = i;
        }
        i += 1;
        if event != Some(Keyword::Stream) {
            continue;
        }
        // Stream data starts after the end of line that follows `stream`.
        if bytes.get(i) == Some(&b'\r') {
            i += 1;
        }
        if bytes.get(i) == Some(&b'\n') {
            i += 1;
        }
        let start = i.min(bytes.len());
        let end = find(&bytes[start..], b"endstream").map_or(bytes.len(), |at| start + at);
        let from = dict_start.max(start.saturating_sub(DICTIONARY_WINDOW));
        let dictionary = squeeze(&bytes[from.min(start)..start]);
        if find(&dictionary, b"/Type/ObjStm").is_some() {
            budget.scan(&filters_in(&dictionary), &bytes[start..end], true)?;
        }
        i = end;
        dict_start = end;
        file.reset_token();
    }
    Ok(())
}

/// Checks a loaded (and decrypted) document against `limits`: every
/// stream the text reader may unpack stays within the size caps, content
/// streams within the nesting limit, and Form XObjects, which the reader
/// draws by recursion, neither draw themselves nor nest deeper than
/// [`MAX_FORM_DEPTH`].
pub fn check_document(doc: &pdf_extract::Document, limits: Limits) -> Result<(), Refusal> {
    let mut budget = Budget::new(limits);
    for object in doc.objects.values() {
        let pdf_extract::Object::Stream(stream) = object else {
            continue;
        };
        let subtype = stream
            .dict
            .get(b"Subtype")
            .and_then(pdf_extract::Object::as_name)
            .ok();
        if subtype == Some(b"Image".as_slice()) {
            continue;
        }
        // Content streams and forms are parsed as PDF tokens; font programs
        // (which carry /Length1 or a font subtype) are binary.
        let content =
            stream.dict.get(b"Length1").is_err() && matches!(subtype, None | Some(b"Form"));
        let filters: Vec<Vec<u8>> = stream
            .filters()
            .map(|names| names.iter().map(|n| n.to_vec()).collect())
            .unwrap_or_default();
        budget.scan(&filters, &stream.content, content)?;
    }
    pages::check(doc)?;
    forms::check(doc)
}

/// What all of one file's streams have unpacked to so far.
struct Budget {
    limits: Limits,
    total: u64,
}

impl Budget {
    fn new(limits: Limits) -> Budget {
        Budget { limits, total: 0 }
    }

    /// Decodes one stream through `filters` (bounded), counts what it
    /// unpacks to, and scans it for nesting when it is `content`.
    /// Uncompressed streams cost nothing; filters the text reader does not
    /// decode, and damaged data, end the check of that stream quietly.
    fn scan(&mut self, filters: &[Vec<u8>], data: &[u8], content: bool) -> Result<(), Refusal> {
        let decoded = if filters.is_empty() {
            std::borrow::Cow::Borrowed(data)
        } else {
            match decode::chain(filters, data, self.limits.stream_bytes)? {
                Some(bytes) => {
                    self.total += bytes.len() as u64;
                    if self.total > self.limits.inflated_bytes {
                        return Err(Refusal::DocumentTooLarge);
                    }
                    std::borrow::Cow::Owned(bytes)
                }
                None => return Ok(()),
            }
        };
        if content {
            let mut lexer = Lexer::new(true, self.limits.nesting);
            for &byte in decoded.iter() {
                lexer.push(byte)?;
            }
        }
        Ok(())
    }
}

/// The filter names of a stream dictionary written without whitespace
/// (`/Filter/FlateDecode` or `/Filter[/ASCII85Decode/FlateDecode]`).
fn filters_in(dictionary: &[u8]) -> Vec<Vec<u8>> {
    let Some(at) = find(dictionary, b"/Filter") else {
        return Vec::new();
    };
    let rest = &dictionary[at + b"/Filter".len()..];
    let list = match rest.first() {
        Some(b'[') => &rest[1..rest.iter().position(|&b| b == b']').unwrap_or(rest.len())],
        Some(b'/') => {
            let end = rest[1..]
                .iter()
                .position(|b| b"/[]<>()".contains(b))
                .map_or(rest.len(), |p| p + 1);
            &rest[..end]
        }
        _ => return Vec::new(),
    };
    list.split(|&b| b == b'/')
        .filter(|name| !name.is_empty())
        .map(<[u8]>::to_vec)
        .collect()
}

/// `bytes` without whitespace, so dictionary entries compare whatever the
/// spacing.
fn squeeze(bytes: &[u8]) -> Vec<u8> {
    bytes
        .iter()
        .copied()
        .filter(|b| !b.is_ascii_whitespace())
        .collect()
}

/// The first position of `needle` in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Keywords the scan acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keyword {
    /// `stream`: binary data follows in the file.
    Stream,
}

/// Where the lexer is inside the token syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Between or inside ordinary tokens.
    Normal,
    /// After `%`, to the end of the line.
    Comment,
    /// Inside `( … )`: parentheses nest, `\` escapes the next byte.
    Literal { open: usize, escaped: bool },
    /// Inside a hex string `< … >`.
    Hex,
    /// Inside inline image data, after `ID`: `matched` bytes of the
    /// closing whitespace + `EI` seen.
    InlineImage { matched: u8 },
}

/// A byte-at-a-time reader of PDF token syntax that keeps the nesting
/// depth of arrays and dictionaries.
struct Lexer {
    state: State,
    depth: usize,
    /// A `<` or `>` waiting for its second byte.
    pending: Option<u8>,
    /// The current regular token (only its first bytes: keywords are short).
    token: [u8; 8],
    token_len: usize,
    /// Reading a content stream (inline images are possible).
    content: bool,
    /// Deepest nesting accepted.
    max_depth: usize,
}

impl Lexer {
    fn new(content: bool, max_depth: usize) -> Lexer {
        Lexer {
            max_depth,
            state: State::Normal,
            depth: 0,
            pending: None,
            token: [0; 8],
            token_len: 0,
            content,
        }
    }

    fn reset_token(&mut self) {
        self.token_len = 0;
        self.pending = None;
        self.state = State::Normal;
    }

    fn open(&mut self) -> Result<(), Refusal> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(Refusal::TooDeep);
        }
        Ok(())
    }

    fn close(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Reads one byte; says when a keyword the scan acts on has just ended.
    fn push(&mut self, byte: u8) -> Result<Option<Keyword>, Refusal> {
        match self.state {
            State::Comment => {
                if byte == b'\n' || byte == b'\r' {
                    self.state = State::Normal;
                }
                return Ok(None);
            }
            State::Literal { open, escaped } => {
                self.state = match (escaped, byte) {
                    (true, _) => State::Literal {
                        open,
                        escaped: false,
                    },
                    (false, b'\\') => State::Literal {
                        open,
                        escaped: true,
                    },
                    (false, b'(') => State::Literal {
                        open: open + 1,
                        escaped: false,
                    },
                    (false, b')') if open == 1 => State::Normal,
                    (false, b')') => State::Literal {
                        open: open - 1,
                        escaped: false,
                    },
                    _ => State::Literal {
                        open,
                        escaped: false,
                    },
                };
                return Ok(None);
            }
            State::Hex => {
                if byte == b'>' {
                    self.state = State::Normal;
                }
                return Ok(None);
            }
            State::InlineImage { matched } => {
                let next = match (matched, byte) {
                    (_, b) if b.is_ascii_whitespace() => 1,
                    (1, b'E') => 2,
                    (2, b'I') => 3,
                    _ => 0,
                };
                self.state = State::InlineImage { matched: next };
                if matched == 3 && next == 1 {
                    self.state = State::Normal;
                }
                return Ok(None);
            }
            State::Normal => {}
        }
        if let Some(first) = self.pending.take() {
            if byte == first {
                // `<<` opens a dictionary, `>>` closes one.
                if first == b'<' {
                    self.open()?;
                } else {
                    self.close();
                }
                return Ok(None);
            }
            if first == b'<' {
                self.state = State::Hex;
                return self.push(byte);
            }
        }
        let delimiter = matches!(
            byte,
            b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
        );
        let mut ended = None;
        if delimiter || byte.is_ascii_whitespace() {
            ended = self.end_token();
        } else {
            if self.token_len < self.token.len() {
                self.token[self.token_len] = byte;
            }
            self.token_len += 1;
        }
        match byte {
            b'%' => self.state = State::Comment,
            b'(' => {
                self.state = State::Literal {
                    open: 1,
                    escaped: false,
                }
            }
            b'[' => self.open()?,
            b']' => self.close(),
            b'<' | b'>' => self.pending = Some(byte),
            _ => {}
        }
        Ok(ended)
    }

    /// Ends the current regular token: a keyword the scan acts on, or the
    /// start of inline image data.
    fn end_token(&mut self) -> Option<Keyword> {
        let token = &self.token[..self.token_len.min(self.token.len())];
        let len = self.token_len;
        self.token_len = 0;
        if len == 6 && token == b"stream" && !self.content {
            return Some(Keyword::Stream);
        }
        if len == 2 && token == b"ID" && self.content {
            self.state = State::InlineImage { matched: 0 };
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{write::ZlibEncoder, Compression};
    use std::io::Write;

    fn deflate(data: &[u8]) -> Vec<u8> {
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(data).expect("in memory");
        encoder.finish().expect("in memory")
    }

    /// The dictionary entries of a compressed object stream.
    const OBJECT_STREAM: &str = "/Type /ObjStm /Filter /FlateDecode";

    /// A file with one stream whose dictionary is `dictionary`.
    fn with_stream(dictionary: &str, data: &[u8]) -> Vec<u8> {
        let mut pdf = format!(
            "%PDF-1.4\n1 0 obj\n<< {dictionary} /Length {} >>\nstream\n",
            data.len()
        )
        .into_bytes();
        pdf.extend_from_slice(data);
        pdf.extend_from_slice(b"\nendstream\nendobj\n%%EOF\n");
        pdf
    }

    #[test]
    fn nesting_is_counted_in_the_file_and_in_compressed_streams() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        let cases: Vec<(&str, Vec<u8>, Result<(), Refusal>)> = vec![
            (
                "shallow arrays",
                format!("%PDF-1.4\n1 0 obj {} endobj", deep(MAX_NESTING)).into_bytes(),
                Ok(()),
            ),
            (
                "deep arrays",
                format!("%PDF-1.4\n1 0 obj {} endobj", deep(5000)).into_bytes(),
                Err(Refusal::TooDeep),
            ),
            (
                "deep dictionaries",
                format!("%PDF-1.4\n{}", "<< /A ".repeat(MAX_NESTING + 1)).into_bytes(),
                Err(Refusal::TooDeep),
            ),
            (
                "brackets in strings and comments do not nest",
                format!(
                    "%PDF-1.4\n({}) <5b5b> % {}\n",
                    "[".repeat(5000),
                    "[".repeat(5000)
                )
                .into_bytes(),
                Ok(()),
            ),
            (
                "escaped parentheses stay inside the string",
                format!("%PDF-1.4\n(a\\) {} b)", "[".repeat(5000)).into_bytes(),
                Ok(()),
            ),
            (
                "deep arrays inside an object stream",
                with_stream(
                    "/Type /ObjStm /Filter /FlateDecode",
                    &deflate(deep(5000).as_bytes()),
                ),
                Err(Refusal::TooDeep),
            ),
            (
                "uncompressed stream data is skipped",
                with_stream("", "[".repeat(5000).as_bytes()),
                Ok(()),
            ),
        ];
        for (name, pdf, expected) in cases {
            assert_eq!(check(&pdf), expected, "{name}");
        }
    }

    #[test]
    fn inflated_size_is_capped_per_stream_and_per_file() {
        // Small limits keep the test fast; the mechanism is the same.
        let limits = Limits {
            nesting: MAX_NESTING,
            stream_bytes: 1 << 20,
            inflated_bytes: 4 << 20,
        };
        let check = |pdf: &[u8]| check_within(pdf, limits);
        let spaces = |n: u64| deflate(&vec![b' '; n as usize]);
        let big = spaces(limits.stream_bytes + 1);
        assert_eq!(
            check(&with_stream(OBJECT_STREAM, &big)),
            Err(Refusal::StreamTooLarge)
        );
        // Other streams are unpacked after loading, if at all: the
        // document check measures them.
        assert_eq!(check(&with_stream("/Filter /FlateDecode", &big)), Ok(()));
        // Many streams each under the cap, over the file's cap together.
        let part = with_stream(OBJECT_STREAM, &spaces(limits.stream_bytes));
        let count = (limits.inflated_bytes / limits.stream_bytes) as usize;
        assert_eq!(check(&part.repeat(count)), Ok(()));
        assert_eq!(
            check(&part.repeat(count + 1)),
            Err(Refusal::DocumentTooLarge)
        );
        // Damaged data ends the scan without a verdict.
        assert_eq!(check(&with_stream(OBJECT_STREAM, b"not zlib")), Ok(()));
    }

    /// A loaded document holding one stream per (dictionary, content).
    fn document(streams: Vec<(pdf_extract::Dictionary, Vec<u8>)>) -> pdf_extract::Document {
        let mut doc = pdf_extract::Document::with_version("1.5");
        for (dict, content) in streams {
            doc.add_object(pdf_extract::Stream::new(dict, content));
        }
        doc
    }

    #[test]
    fn the_loaded_document_is_checked_stream_by_stream() {
        use lopdf::dictionary;
        let limits = Limits {
            nesting: MAX_NESTING,
            stream_bytes: 1 << 20,
            inflated_bytes: 4 << 20,
        };
        let big = deflate(&vec![b' '; (1 << 20) + 1]);
        let deep_content = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        let inline_image = format!("BI /W 1 ID {} EI Q", "[".repeat(5000));
        let cases = vec![
            (
                "a content stream unpacking past the cap",
                dictionary! { "Filter" => "FlateDecode" },
                big.clone(),
                Err(Refusal::StreamTooLarge),
            ),
            (
                "an image is never unpacked by the reader",
                dictionary! { "Subtype" => "Image", "Filter" => "FlateDecode" },
                big,
                Ok(()),
            ),
            (
                "deep nesting in page content",
                dictionary! {},
                deep_content.clone().into_bytes(),
                Err(Refusal::TooDeep),
            ),
            (
                "deep nesting in a compressed form",
                dictionary! { "Subtype" => "Form", "Filter" => "FlateDecode" },
                deflate(deep_content.as_bytes()),
                Err(Refusal::TooDeep),
            ),
            (
                "a font program is binary, not tokens",
                dictionary! { "Length1" => 10000 },
                deep_content.into_bytes(),
                Ok(()),
            ),
            (
                "inline image data is not read as tokens",
                dictionary! {},
                inline_image.into_bytes(),
                Ok(()),
            ),
        ];
        for (name, dict, content, expected) in cases {
            assert_eq!(
                check_document(&document(vec![(dict, content)]), limits),
                expected,
                "{name}"
            );
        }
    }

    #[test]
    fn many_streams_without_dictionaries_take_linear_time() {
        // Each stream looks back at most a window for its dictionary.
        let pdf = "stream\nx\nendstream\n".repeat(200_000);
        assert_eq!(check(pdf.as_bytes()), Ok(()));
    }
}
