//! DOCX résumés: the visible text of `word/document.xml`, one line per
//! paragraph.
//!
//! A DOCX file is a zip archive of XML parts; the body text lives in
//! `word/document.xml` as paragraphs (`w:p`) of runs (`w:r`) of text
//! (`w:t`). The résumé parser works on lines, so the layout becomes lines
//! the way a reader sees it:
//!
//! * each paragraph is one line; a line break (`w:br`, `w:cr`) inside it
//!   starts a new line, a tab (`w:tab`) is a tab;
//! * a list paragraph (numbering in its own properties, `w:numPr`, or a
//!   "List Bullet"/"List Number" style) starts with `- `, so bullets stay
//!   bullets;
//! * a table row (`w:tr`) is one line, its non-empty cells joined by
//!   ` | `; paragraphs and breaks inside a cell are joined by two spaces.
//!   Résumé templates use tables for layout, which can make a very long
//!   row; the résumé parser cuts over-long lines again at runs of two or
//!   more spaces, so those joins are where the row is taken apart;
//! * text the reader does not see is left out: deleted and moved-away
//!   revisions, field codes, hidden (`w:vanish`) runs, tab-stop
//!   definitions, and the fallback copy of text boxes
//!   (`mc:Fallback`, a duplicate of the `mc:Choice` content).
//!
//! Elements are recognised by namespace, not by prefix, so documents that
//! bind WordprocessingML to another prefix, and Strict OOXML, read the
//! same. Page headers and footers (`word/header*.xml`) are not read.
//!
//! A DOCX is compressed; `document.xml` is refused when it would unpack to
//! more than [`MAX_INPUT_BYTES`], whatever the archive claims, so a zip
//! bomb cannot exhaust memory. The result is tidied like PDF text
//! ([`super::pdf::tidy`]) and deterministic.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;
use zip::result::ZipError;
use zip::ZipArchive;

use super::pdf::tidy;
use super::MAX_INPUT_BYTES;
use crate::{Error, Location, Result};

/// The archive member holding the document body.
pub const DOCUMENT_PART: &str = "word/document.xml";

/// WordprocessingML, as Word writes it (Transitional OOXML).
const W_TRANSITIONAL: &[u8] = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// WordprocessingML in Strict OOXML.
const W_STRICT: &[u8] = b"http://purl.oclc.org/ooxml/wordprocessingml/main";

/// Markup compatibility: `mc:AlternateContent` with `mc:Choice` and `mc:Fallback`.
const MARKUP_COMPATIBILITY: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

/// What a list paragraph's line starts with: a bullet the résumé parser knows.
const LIST_PREFIX: &str = "- ";

/// Between the cells of a table row.
const CELL_SEPARATOR: &str = " | ";

/// Between paragraphs (and line breaks) inside one table cell: two spaces,
/// where the résumé parser cuts over-long lines.
const IN_CELL_SEPARATOR: &str = "  ";

/// Style ids whose paragraphs are list items even without their own
/// numbering (Word's built-in "List Bullet", "List Number", "List Bullet 2", …).
const LIST_STYLE_PREFIXES: &[&str] = &["ListBullet", "ListNumber"];

/// The text of the DOCX `bytes`, read from the file `name`: one line per
/// paragraph or table row (see the module docs), tidied.
///
/// Errors (at [`Location::file`]`(name)`), each saying what to do: not a
/// zip archive (with a hint for old `.doc` files), a zip without
/// `word/document.xml` (with a hint for OpenDocument files), a damaged or
/// encrypted member, a `document.xml` over [`MAX_INPUT_BYTES`] unpacked,
/// XML that is not well formed, and a document without any text.
pub(crate) fn docx_text(name: &str, bytes: &[u8]) -> Result<String> {
    let fail = |message: String| Error::input(Location::file(name), message);
    let xml = document_xml(bytes, MAX_INPUT_BYTES).map_err(fail)?;
    let text = paragraphs(&xml).map_err(fail)?;
    if text.trim().is_empty() {
        return Err(fail(
            "this document has no text: if it holds only an image of the résumé, run it \
             through OCR, or give the text as .txt"
                .to_string(),
        ));
    }
    Ok(text)
}

/// The unpacked `word/document.xml` of the archive `bytes`, at most
/// `limit` bytes of it, or what is wrong and what to do.
fn document_xml(bytes: &[u8], limit: u64) -> Result<String, String> {
    let resave = "open it in Word (or LibreOffice) and save it again as .docx, \
                  or export the text as .txt";
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|_| {
        // Word 97-2003 files, and password-protected .docx files (Word
        // encrypts the whole package), are OLE compound files, not zips.
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            "this is an old Word document (.doc, Word 97-2003) or a password-protected \
             .docx: open it in Word, remove any password and save it as .docx, or \
             export the text as .txt"
                .to_string()
        } else if bytes.starts_with(b"%PDF-") {
            "this is a PDF file, not .docx: give it a .pdf name".to_string()
        } else {
            format!(
                "not a DOCX file (a .docx is a zip archive; this is not one, or it is \
                 cut short): {resave}"
            )
        }
    })?;
    let Some(index) = archive.index_for_name(DOCUMENT_PART) else {
        let hint = if archive.index_for_name("content.xml").is_some() {
            "this looks like an OpenDocument (.odt) file: save it as .docx, or export \
             the text as .txt"
                .to_string()
        } else {
            resave.to_string()
        };
        return Err(format!(
            "not a Word document: the archive has no {DOCUMENT_PART}: {hint}"
        ));
    };
    let mut member = archive.by_index(index).map_err(|e| match e {
        ZipError::UnsupportedArchive(why) if why == ZipError::PASSWORD_REQUIRED => {
            "this document is password-protected: remove the protection and save it \
             again, or export the text as .txt"
                .to_string()
        }
        other => format!("cannot open {DOCUMENT_PART} ({other}): {resave}"),
    })?;
    let too_big = || {
        format!(
            "{DOCUMENT_PART} unpacks to more than {limit} bytes, the limit for one \
             résumé: this is not a résumé (or a damaged file); export the text as .txt"
        )
    };
    if member.size() > limit {
        return Err(too_big());
    }
    // The declared size can lie; never unpack more than the limit.
    let mut xml = Vec::new();
    member
        .by_ref()
        .take(limit.saturating_add(1))
        .read_to_end(&mut xml)
        .map_err(|e| format!("the archive is damaged ({e}): {resave}"))?;
    if xml.len() as u64 > limit {
        return Err(too_big());
    }
    String::from_utf8(xml).map_err(|_| format!("{DOCUMENT_PART} is not UTF-8 text: {resave}"))
}

/// The elements that shape the text; everything else is passed through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Element {
    /// `w:p`, a paragraph.
    Paragraph,
    /// `w:pPr`, paragraph properties.
    ParagraphProperties,
    /// `w:numPr`, numbering: the paragraph is a list item.
    Numbering,
    /// `w:pStyle`, the paragraph's style id.
    ParagraphStyle,
    /// `w:r`, a run.
    Run,
    /// `w:rPr`, run properties.
    RunProperties,
    /// `w:vanish`, hidden text.
    Vanish,
    /// `w:t`, text.
    Text,
    /// `w:tab`, `w:ptab`: a tab in a run (a tab stop in paragraph properties).
    Tab,
    /// `w:br`, `w:cr`: a line break.
    Break,
    /// `w:noBreakHyphen`: a hyphen.
    Hyphen,
    /// `w:tr`, a table row.
    Row,
    /// `w:tc`, a table cell.
    Cell,
    /// A subtree whose text is not shown: moved-away text, revision
    /// records of old properties, the fallback copy of alternate content.
    Skipped,
    /// Anything else.
    Other,
}

/// Which element `local` in namespace `ns` is.
fn element(ns: &ResolveResult<'_>, local: &[u8]) -> Element {
    let ResolveResult::Bound(ns) = ns else {
        return Element::Other;
    };
    if ns.as_ref() == MARKUP_COMPATIBILITY {
        return if local == b"Fallback" {
            Element::Skipped
        } else {
            Element::Other
        };
    }
    if ns.as_ref() != W_TRANSITIONAL && ns.as_ref() != W_STRICT {
        return Element::Other;
    }
    match local {
        b"p" => Element::Paragraph,
        b"pPr" => Element::ParagraphProperties,
        b"numPr" => Element::Numbering,
        b"pStyle" => Element::ParagraphStyle,
        b"r" => Element::Run,
        b"rPr" => Element::RunProperties,
        b"vanish" => Element::Vanish,
        b"t" => Element::Text,
        b"tab" | b"ptab" => Element::Tab,
        b"br" | b"cr" => Element::Break,
        b"noBreakHyphen" => Element::Hyphen,
        b"tr" => Element::Row,
        b"tc" => Element::Cell,
        b"moveFrom" | b"pPrChange" | b"rPrChange" | b"delText" | b"instrText" => Element::Skipped,
        _ => Element::Other,
    }
}

/// The value of an element's `val` attribute (`w:val`), if any.
fn val(start: &BytesStart<'_>) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == b"val")
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// An open container that collects text.
#[derive(Debug)]
enum Frame {
    /// A paragraph's text so far, and whether it is a list item.
    Paragraph { text: String, list: bool },
    /// The cells of a table row so far.
    Row { cells: Vec<String> },
    /// A table cell's text so far.
    Cell { text: String },
}

/// Turns the document's events into lines.
#[derive(Debug, Default)]
struct Layout {
    /// Finished lines.
    out: String,
    /// Open paragraphs, rows and cells, innermost last. Paragraphs nest
    /// (a text box's paragraphs sit inside a run of another paragraph),
    /// and so do tables.
    frames: Vec<Frame>,
    /// Whether each open run is hidden, innermost last.
    hidden_runs: Vec<bool>,
}

impl Layout {
    /// The innermost open paragraph's text and list flag.
    fn paragraph(&mut self) -> Option<(&mut String, &mut bool)> {
        self.frames.iter_mut().rev().find_map(|f| match f {
            Frame::Paragraph { text, list } => Some((text, list)),
            _ => None,
        })
    }

    /// Adds text to the innermost paragraph, unless the run is hidden.
    fn push(&mut self, text: &str) {
        if self.hidden_runs.last().copied().unwrap_or(false) {
            return;
        }
        if let Some((paragraph, _)) = self.paragraph() {
            paragraph.push_str(text);
        }
    }

    /// Hands a finished paragraph or row to the innermost open cell, or
    /// makes it a line of the output.
    fn deliver(&mut self, line: &str) {
        let cell = self.frames.iter_mut().rev().find_map(|f| match f {
            Frame::Cell { text } => Some(text),
            _ => None,
        });
        match cell {
            Some(cell) => {
                for piece in line.split('\n').map(str::trim).filter(|p| !p.is_empty()) {
                    if !cell.is_empty() {
                        cell.push_str(IN_CELL_SEPARATOR);
                    }
                    cell.push_str(piece);
                }
            }
            None => {
                self.out.push_str(line);
                self.out.push('\n');
            }
        }
    }

    /// An element opens; `parents` are the open elements around it,
    /// innermost last.
    fn open(&mut self, element: Element, start: &BytesStart<'_>, parents: &[Element]) {
        let parent = parents.last().copied();
        let in_run = parent == Some(Element::Run);
        match element {
            Element::Paragraph => self.frames.push(Frame::Paragraph {
                text: String::new(),
                list: false,
            }),
            Element::Numbering | Element::ParagraphStyle
                if parents.ends_with(&[Element::Paragraph, Element::ParagraphProperties]) =>
            {
                let list = element == Element::Numbering
                    || val(start).is_some_and(|style| {
                        LIST_STYLE_PREFIXES.iter().any(|p| style.starts_with(p))
                    });
                if list {
                    if let Some((_, flag)) = self.paragraph() {
                        *flag = true;
                    }
                }
            }
            Element::Run => self.hidden_runs.push(false),
            Element::Vanish if parents.ends_with(&[Element::Run, Element::RunProperties]) => {
                let shown = val(start).is_some_and(|v| matches!(v.as_str(), "0" | "false" | "off"));
                if let Some(hidden) = self.hidden_runs.last_mut() {
                    *hidden = !shown;
                }
            }
            Element::Tab if in_run => self.push("\t"),
            Element::Break if in_run => self.push("\n"),
            Element::Hyphen if in_run => self.push("-"),
            Element::Row => self.frames.push(Frame::Row { cells: Vec::new() }),
            Element::Cell => self.frames.push(Frame::Cell {
                text: String::new(),
            }),
            _ => {}
        }
    }

    /// An element closes.
    fn close(&mut self, element: Element) {
        match element {
            Element::Paragraph => {
                if let Some(Frame::Paragraph { text, list }) = self.frames.pop() {
                    let body = text.trim();
                    let line = if list && !body.is_empty() {
                        format!("{LIST_PREFIX}{body}")
                    } else {
                        body.to_string()
                    };
                    self.deliver(&line);
                }
            }
            Element::Run => {
                self.hidden_runs.pop();
            }
            Element::Cell => {
                if let Some(Frame::Cell { text }) = self.frames.pop() {
                    if let Some(Frame::Row { cells }) = self.frames.last_mut() {
                        cells.push(text);
                    }
                }
            }
            Element::Row => {
                if let Some(Frame::Row { cells }) = self.frames.pop() {
                    let line = cells
                        .iter()
                        .map(|c| c.trim())
                        .filter(|c| !c.is_empty())
                        .collect::<Vec<_>>()
                        .join(CELL_SEPARATOR);
                    if !line.is_empty() {
                        self.deliver(&line);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The lines of a WordprocessingML document, tidied, or why the XML
/// cannot be read.
fn paragraphs(xml: &str) -> Result<String, String> {
    let mut reader = NsReader::from_str(xml);
    let mut layout = Layout::default();
    let mut open: Vec<Element> = Vec::new();
    // Depth inside a skipped subtree; 0 when not skipping.
    let mut skipping = 0usize;
    let bad = |at: u64, e: &dyn std::fmt::Display| {
        format!(
            "{DOCUMENT_PART} is not well-formed XML (at byte {at}: {e}): the file is \
             damaged; open it in Word and save it again as .docx, or export the text as .txt"
        )
    };
    loop {
        let (ns, event) = match reader.read_resolved_event() {
            Ok(read) => read,
            Err(e) => return Err(bad(reader.error_position(), &e)),
        };
        match event {
            Event::Start(start) => {
                if skipping > 0 {
                    skipping += 1;
                    continue;
                }
                let kind = element(&ns, start.local_name().as_ref());
                if kind == Element::Skipped {
                    skipping = 1;
                    continue;
                }
                layout.open(kind, &start, &open);
                open.push(kind);
            }
            Event::Empty(start) => {
                if skipping > 0 {
                    continue;
                }
                let kind = element(&ns, start.local_name().as_ref());
                if kind != Element::Skipped {
                    layout.open(kind, &start, &open);
                    layout.close(kind);
                }
            }
            Event::End(_) => {
                if skipping > 0 {
                    skipping -= 1;
                } else if let Some(kind) = open.pop() {
                    layout.close(kind);
                }
            }
            Event::Text(text) if skipping == 0 && open.last() == Some(&Element::Text) => {
                let text = text
                    .unescape()
                    .map_err(|e| bad(reader.buffer_position(), &e))?;
                layout.push(&text);
            }
            Event::CData(data) if skipping == 0 && open.last() == Some(&Element::Text) => {
                layout.push(&String::from_utf8_lossy(&data));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !open.is_empty() || skipping > 0 {
        return Err(format!(
            "{DOCUMENT_PART} ends in the middle of the document: the file is damaged or \
             cut short; open it in Word and save it again as .docx, or export the text as .txt"
        ));
    }
    Ok(tidy(&layout.out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    /// The smallest `[Content_Types].xml` naming the main document part.
    const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"#;

    /// A zip archive holding `members` (name, content), deflated.
    fn archive(members: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, content) in members {
            zip.start_file(*name, SimpleFileOptions::default())
                .expect("member starts");
            zip.write_all(content.as_bytes()).expect("member written");
        }
        zip.finish().expect("archive finishes").into_inner()
    }

    /// A DOCX whose body is `body` (WordprocessingML inside `w:body`).
    fn docx(body: &str) -> Vec<u8> {
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}</w:body></w:document>"#
        );
        archive(&[
            ("[Content_Types].xml", CONTENT_TYPES),
            (DOCUMENT_PART, &document),
        ])
    }

    /// A paragraph of one run of `text`.
    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    /// A numbered (bulleted) list paragraph.
    fn li(text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    }

    #[test]
    fn a_resume_becomes_lines() {
        let body = [
            r#"<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Mira</w:t></w:r><w:r><w:t xml:space="preserve"> Okafor</w:t></w:r></w:p>"#.to_string(),
            r#"<w:p><w:r><w:t>mira@example.com</w:t><w:br/><w:t>Leeds, UK</w:t></w:r></w:p>"#.to_string(),
            "<w:p/>".to_string(),
            r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Experience</w:t></w:r></w:p>"#.to_string(),
            p("Platform Engineer, Lumen Freight"),
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9000"/></w:tabs></w:pPr><w:r><w:t>Mar 2020 – Present</w:t><w:tab/><w:t>Leeds</w:t></w:r></w:p>"#.to_string(),
            li("Ran Kubernetes &amp; Terraform on AWS"),
            li("Wrote deployment tooling in Go"),
            r#"<w:p><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr><w:r><w:t>On call for 40 services</w:t></w:r></w:p>"#.to_string(),
            p("Skills"),
            format!(
                "<w:tbl><w:tblPr/><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr><w:tr><w:tc>{}</w:tc><w:tc>{}{}</w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>",
                p("Languages"),
                p("Go, Python"),
                p("Cloud"),
                p("AWS"),
                p("GCP"),
            ),
            p("Education"),
            r#"<w:p><w:r><w:t>BSc Computer Science, 2016</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>Kubernetes Kafka Spark</w:t></w:r></w:p>"#.to_string(),
        ]
        .concat();
        let text = docx_text("cv.docx", &docx(&body)).expect("readable DOCX");
        assert_eq!(
            text,
            "Mira Okafor\n\
             mira@example.com\n\
             Leeds, UK\n\
             \n\
             Experience\n\
             Platform Engineer, Lumen Freight\n\
             Mar 2020 – Present\tLeeds\n\
             - Ran Kubernetes & Terraform on AWS\n\
             - Wrote deployment tooling in Go\n\
             - On call for 40 services\n\
             Skills\n\
             Languages | Go, Python\n\
             Cloud | AWS  GCP\n\
             Education\n\
             BSc Computer Science, 2016\n"
        );
    }

    #[test]
    fn text_the_reader_does_not_see_is_left_out() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "deleted revision",
                r#"<w:p><w:del><w:r><w:delText>Java</w:delText></w:r></w:del><w:ins><w:r><w:t>Kotlin</w:t></w:r></w:ins></w:p>"#,
                "Kotlin\n",
            ),
            (
                "moved text appears once",
                r#"<w:p><w:moveFrom><w:r><w:t>Go</w:t></w:r></w:moveFrom></w:p><w:p><w:moveTo><w:r><w:t>Go</w:t></w:r></w:moveTo></w:p>"#,
                "Go\n",
            ),
            (
                "field code",
                r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r><w:r><w:t>site</w:t></w:r></w:p>"#,
                "site\n",
            ),
            (
                "hidden unless turned off",
                r#"<w:p><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>shown</w:t></w:r><w:r><w:rPr><w:vanish w:val="true"/></w:rPr><w:t>hidden</w:t></w:r></w:p>"#,
                "shown\n",
            ),
            (
                "text box read once, from the choice",
                r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Sidebar</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Sidebar</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>Body</w:t></w:r></w:p>"#,
                "Sidebar\nBody\n",
            ),
            (
                "old numbering in a revision is not a list",
                r#"<w:p><w:pPr><w:pPrChange><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>plain</w:t></w:r></w:p>"#,
                "plain\n",
            ),
            (
                "other prefix, same namespace",
                r#"<x:p xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><x:r><x:t>prefixed</x:t></x:r></x:p>"#,
                "prefixed\n",
            ),
        ];
        for (name, body, expected) in cases {
            let text = docx_text("cv.docx", &docx(body)).expect(name);
            assert_eq!(text, *expected, "{name}");
        }
    }

    #[test]
    fn bad_files_are_errors_with_advice() {
        let members_without_document = archive(&[("[Content_Types].xml", CONTENT_TYPES)]);
        let opendocument = archive(&[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            ("content.xml", "<x/>"),
        ]);
        let mut old_word = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        old_word.extend_from_slice(&[0; 64]);
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            ("plain text", b"Mira Okafor\nSkills: Go".to_vec(), "not a DOCX file"),
            ("empty", Vec::new(), "not a DOCX file"),
            ("a PDF", b"%PDF-1.7\n".to_vec(), "this is a PDF file"),
            ("old .doc", old_word, "old Word document (.doc, Word 97-2003) or a password-protected .docx"),
            ("zip without document.xml", members_without_document, "has no word/document.xml"),
            ("OpenDocument", opendocument, "OpenDocument (.odt)"),
            ("mismatched tags", docx("<w:p><w:r><w:t>Go</w:r></w:p>"), "not well-formed XML"),
            ("cut short", archive(&[(DOCUMENT_PART, "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>")]), "ends in the middle"),
            ("no text", docx("<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>"), "has no text"),
        ];
        for (name, bytes, expected) in cases {
            let err = docx_text("cv.docx", &bytes).expect_err(name);
            let message = err.to_string();
            assert!(message.starts_with("cv.docx: "), "{name}: {message}");
            assert!(message.contains(expected), "{name}: {message}");
            assert!(
                message.contains(".txt") || message.contains(".pdf name"),
                "{name} says what to do: {message}"
            );
        }
    }

    #[test]
    fn documents_over_the_limit_are_refused() {
        // The real limit is 64 MiB; the check is the same with a small one.
        let limit = 1024;
        let fits = "x".repeat(1024);
        let over = "x".repeat(1025);
        let cases = [
            ("at the limit", &fits, true),
            ("one byte over", &over, false),
        ];
        for (name, document, ok) in cases {
            let bytes = archive(&[(DOCUMENT_PART, document.as_str())]);
            let got = document_xml(&bytes, limit);
            assert_eq!(got.is_ok(), ok, "{name}: {got:?}");
            if let Err(message) = got {
                assert!(
                    message.contains("unpacks to more than 1024 bytes"),
                    "{message}"
                );
            }
        }
    }
}
