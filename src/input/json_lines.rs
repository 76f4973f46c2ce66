//! JSON batches: JSON Lines (one object per line), or one JSON document
//! holding an object or an array of objects.
//!
//! Fields read: `id`, `text` (or `description`), and `title`, `company`,
//! `location` for postings, `name` for résumés. A bad line is skipped with
//! its line number; a bad whole document is an error.

use std::path::Path;

use serde_json::Value;

use super::{read_text, Document, Fields, Loaded, Role};
use crate::{Error, Location, Result};

pub(super) fn load(path: &Path, role: Role) -> Result<Loaded> {
    let name = path.display().to_string();
    let content = read_text(path)?;
    let trimmed = content.trim_start();
    let mut loaded = Loaded::default();
    // A document that starts with `[`, or one object spread over several
    // lines, is read whole; otherwise line by line.
    let whole = trimmed.starts_with('[') || serde_json::from_str::<Value>(&content).is_ok();
    if whole {
        let value: Value = serde_json::from_str(&content).map_err(|e| {
            Error::input(
                Location::at(&name, e.line(), e.column()),
                format!("not valid JSON: {e}"),
            )
        })?;
        let items = match value {
            Value::Array(items) => items,
            other => vec![other],
        };
        for (i, item) in items.iter().enumerate() {
            let place = format!("item {}", i + 1);
            push(
                &mut loaded,
                &name,
                Location::file(&name),
                &place,
                role,
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
            file: name.clone(),
            line: Some(number),
            column: None,
        };
        match serde_json::from_str::<Value>(line) {
            Ok(value) => push(
                &mut loaded,
                &name,
                location,
                &format!("line {number}"),
                role,
                &value,
            ),
            Err(e) => loaded.skipped.push(Error::input(
                location,
                format!("not valid JSON (column {}): {e}", e.column()),
            )),
        }
    }
    Ok(loaded)
}

/// Adds the document `value` describes, or records why it cannot.
fn push(
    loaded: &mut Loaded,
    file: &str,
    location: Location,
    place: &str,
    role: Role,
    value: &Value,
) {
    let Some(object) = value.as_object() else {
        loaded.skipped.push(Error::input(
            location,
            "expected a JSON object with a `text` field",
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
    let Some(text) = string("text").or_else(|| string("description")) else {
        loaded.skipped.push(Error::input(
            location,
            "no `text` or `description` string: nothing to extract",
        ));
        return;
    };
    let id = string("id").unwrap_or_else(|| place.replace(' ', "-"));
    if loaded.documents.iter().any(|d| d.id == id) {
        loaded.skipped.push(Error::input(
            location,
            format!("the id `{id}` is used by an earlier entry: ids must be unique"),
        ));
        return;
    }
    let fields = match role {
        Role::Postings => Fields {
            title: string("title"),
            company: string("company"),
            location: string("location"),
            name: None,
        },
        Role::Resumes => Fields {
            name: string("name"),
            ..Fields::default()
        },
    };
    loaded.documents.push(Document {
        id,
        source: format!("{file}:{place}"),
        text,
        fields,
    });
}

#[cfg(test)]
mod tests {
    use super::super::{load as load_any, Columns, Role};

    fn load(body: &str, ext: &str) -> crate::Result<super::Loaded> {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(format!("batch.{ext}"));
        std::fs::write(&path, body).expect("write");
        load_any(&path, Role::Postings, &Columns::default())
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
        assert_eq!(ids, ["item-1", "item-2"]);
        let loaded =
            load("{\n  \"id\": \"x\",\n  \"text\": \"- Go\"\n}\n", "json").expect("object");
        assert_eq!(loaded.documents.len(), 1);
        let err = load("[{\"text\": 1,\n", "json").expect_err("broken");
        assert!(err.to_string().contains("batch.json:2:"), "{err}");
    }
}
