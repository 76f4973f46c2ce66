//! JSON batches: JSON Lines (one object per line), or one JSON document
//! holding an object or an array of objects.
//!
//! Fields read: `id`, `text` (or `description`), and `title`, `company`,
//! `location` for postings, `name` for résumés; an object that is a
//! schema.org JobPosting or a JSON Resume is read as one. A bad line or
//! array item is skipped with its line or item number; a bad whole
//! document is an error.

use serde_json::Value;

use std::collections::HashSet;

use super::batch::Loaded;
use super::{job_posting, json_resume};
use crate::document::{Document, DocumentKind, Fields};
use crate::{Error, Location, Result};

/// The objects of the JSON text `content` (of the file `name`), read as
/// documents of `kind`; `one_document` when the file is one JSON document
/// (`.json`) rather than JSON Lines. Ids default to `base_id` (one object),
/// `base_id#N` (array items) or `line-N`.
pub(super) fn load(
    name: &str,
    content: &str,
    one_document: bool,
    kind: DocumentKind,
    base_id: &str,
) -> Result<Loaded> {
    let trimmed = content.trim_start();
    let mut loaded = Loaded::default();
    let mut ids = HashSet::new();
    // A .json file, a document that starts with `[`, or one object spread
    // over several lines, is read whole; otherwise line by line.
    let whole =
        one_document || trimmed.starts_with('[') || serde_json::from_str::<Value>(content).is_ok();
    if whole {
        let value: Value = serde_json::from_str(content).map_err(|e| {
            Error::input(
                Location::at(name, e.line(), e.column()),
                format!("not valid JSON: {e}"),
            )
        })?;
        let items = match value {
            Value::Array(items) => items,
            other => {
                // One document: its id is the file's.
                let mut one = vec![other];
                let place = Place {
                    name,
                    label: String::new(),
                    default_id: base_id.to_string(),
                };
                push(
                    &mut loaded,
                    &mut ids,
                    Location::file(name),
                    &place,
                    kind,
                    one.remove(0),
                );
                return Ok(loaded);
            }
        };
        for (i, item) in items.into_iter().enumerate() {
            let place = Place {
                name,
                label: format!("item {}", i + 1),
                default_id: format!("{base_id}#{}", i + 1),
            };
            push(
                &mut loaded,
                &mut ids,
                Location::file(name),
                &place,
                kind,
                item,
            );
        }
        return Ok(loaded);
    }
    for (i, line) in content.lines().enumerate() {
        let number = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let location = Location {
            file: name.to_string(),
            line: Some(number),
            column: None,
        };
        match serde_json::from_str::<Value>(line) {
            Ok(value) => {
                let place = Place {
                    name,
                    label: format!("line {number}"),
                    default_id: format!("line-{number}"),
                };
                push(&mut loaded, &mut ids, location, &place, kind, value);
            }
            Err(e) => loaded.skipped.push(Error::input(
                location,
                format!("not valid JSON (column {}): {e}", e.column()),
            )),
        }
    }
    Ok(loaded)
}

/// Where an entry is: the file, "item 3" or "line 7" (empty for a whole
/// document), and the id it gets when it states none.
struct Place<'n> {
    name: &'n str,
    label: String,
    default_id: String,
}

impl Place<'_> {
    /// "file.jsonl:line 7", or the file alone.
    fn source(&self) -> String {
        if self.label.is_empty() {
            self.name.to_string()
        } else {
            format!("{}:{}", self.name, self.label)
        }
    }

    /// A message about this entry: "item 3: …" for array items.
    fn say(&self, message: &str) -> String {
        if self.label.is_empty() || self.label.starts_with("line") {
            message.to_string()
        } else {
            format!("{}: {message}", self.label)
        }
    }
}

/// Adds the document `value` describes, or records why it cannot. A
/// schema.org JobPosting and a JSON Resume are rendered as text first.
fn push(
    loaded: &mut Loaded,
    ids: &mut HashSet<String>,
    location: Location,
    place: &Place<'_>,
    kind: DocumentKind,
    value: Value,
) {
    let Some(object) = value.as_object() else {
        loaded.skipped.push(Error::input(
            location,
            place.say("expected a JSON object (a posting, a JobPosting or a JSON Resume)"),
        ));
        return;
    };
    let string = |key: &str| {
        object
            .get(key)
            .and_then(|v| match v {
                Value::String(s) => Some(s.trim().to_string()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
            .filter(|s| !s.is_empty())
    };
    let (id, text, fields, kind) = if job_posting::is_job_posting(&value) {
        let jp = job_posting::job_posting_text(&value);
        let fields = Fields {
            title: jp.title,
            company: jp.company,
            location: jp.location,
            name: None,
        };
        (
            jp.id.or_else(|| string("id")),
            jp.text,
            fields,
            Some(DocumentKind::Posting),
        )
    } else if json_resume::is_json_resume(&value) {
        match json_resume::json_resume_text(place.name, &value.to_string()) {
            Ok(text) => (
                string("id"),
                text,
                Fields::default(),
                Some(DocumentKind::Resume),
            ),
            Err(e) => {
                loaded.skipped.push(e);
                return;
            }
        }
    } else {
        let Some(text) = string("text").or_else(|| string("description")) else {
            loaded.skipped.push(Error::input(
                location,
                place.say("no `text` or `description` string, and not a JobPosting or a JSON Resume: nothing to extract"),
            ));
            return;
        };
        let fields = match kind {
            DocumentKind::Posting => Fields {
                title: string("title"),
                company: string("company"),
                location: string("location"),
                name: None,
            },
            DocumentKind::Resume => Fields {
                name: string("name"),
                ..Fields::default()
            },
        };
        (string("id"), text, fields, None)
    };
    let id = id.unwrap_or_else(|| place.default_id.clone());
    if !ids.insert(id.clone()) {
        loaded.skipped.push(Error::input(
            location,
            place.say(&format!(
                "the id `{id}` is used by an earlier entry: ids must be unique"
            )),
        ));
        return;
    }
    loaded.documents.push(Document {
        id,
        source: place.source(),
        text,
        fields,
        kind,
    });
}

#[cfg(test)]
mod tests {
    use super::super::{load as load_any, LoadOptions};
    use crate::document::DocumentKind;

    fn load(body: &str, ext: &str) -> crate::Result<super::Loaded> {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(format!("batch.{ext}"));
        std::fs::write(&path, body).expect("write");
        load_any(&path, DocumentKind::Posting, &LoadOptions::default())
    }

    #[test]
    fn json_lines_load_and_bad_lines_are_skipped() {
        let body = concat!(
            r#"{"id": "p1", "title": "SRE", "text": "Requirements\n- Go"}"#,
            "\n\n",
            r#"{"id": 7, "description": "- Java"}"#,
            "\n",
            r#"{"id": "p3", "text": "#,
            "\n",
            r#"{"id": "p4", "title": "no text"}"#,
            "\n",
            r#"["not", "an", "object"]"#,
            "\n",
        );
        let loaded = load(body, "jsonl").expect("loads");
        let ids: Vec<&str> = loaded.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["p1", "7"]);
        assert_eq!(loaded.documents[0].fields.title.as_deref(), Some("SRE"));
        assert!(loaded.documents[1].source.ends_with("batch.jsonl:line 3"));
        let messages: Vec<String> = loaded.skipped.iter().map(|e| e.to_string()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(
            messages[0].contains("batch.jsonl:4: not valid JSON"),
            "{}",
            messages[0]
        );
        assert!(
            messages[1].contains("batch.jsonl:5: no `text`"),
            "{}",
            messages[1]
        );
        assert!(
            messages[2].contains("batch.jsonl:6: expected a JSON object"),
            "{}",
            messages[2]
        );
    }

    #[test]
    fn one_json_document_holds_one_or_many() {
        let loaded = load(r#"[{"text": "- Go"}, {"text": "- Java"}]"#, "json").expect("array");
        let ids: Vec<&str> = loaded.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["batch#1", "batch#2"]);
        let loaded =
            load("{\n  \"id\": \"x\",\n  \"text\": \"- Go\"\n}\n", "json").expect("object");
        assert_eq!(loaded.documents.len(), 1);
        // A bad array item is named by its number.
        let loaded = load(
            r#"[{"text": "- Go"}, {"title": "no text"}, {"text": "- Go", "id": "batch#1"}]"#,
            "json",
        )
        .expect("array");
        let messages: Vec<String> = loaded.skipped.iter().map(|e| e.to_string()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages[0].contains("batch.json: item 2: no `text`"),
            "{}",
            messages[0]
        );
        assert!(
            messages[1].contains("item 3: the id `batch#1` is used"),
            "{}",
            messages[1]
        );
        let err = load("[{\"text\": 1,\n", "json").expect_err("broken");
        assert!(err.to_string().contains("batch.json:2:"), "{err}");
    }
}
