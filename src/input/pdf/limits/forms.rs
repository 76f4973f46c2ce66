//! Form XObjects: drawings a page or another form draws with `Do`. The
//! text reader follows each `Do` by recursion, so a form that draws itself
//! (directly, or through forms it draws) recurses until the stack
//! overflows, which aborts the process whatever the stack size. This check
//! finds such cycles, and chains deeper than [`MAX_FORM_DEPTH`], before
//! the reader runs.
//!
//! Which forms a form can draw depends on its resources: its own
//! `/Resources`, or, when it has none, those of whatever draws it. A form
//! without resources that draws something is therefore taken to draw every
//! form named beside it.

use pdf_extract::{Document, Object, ObjectId};
use rustc_hash::FxHashMap;

use super::Refusal;

/// Deepest chain of forms drawing forms accepted. Producers nest forms a
/// few levels (a logo inside a header inside a page template).
pub const MAX_FORM_DEPTH: usize = 32;

/// Refuses a document whose forms draw themselves or nest too deep.
pub fn check(doc: &Document) -> Result<(), Refusal> {
    let mut draws: FxHashMap<ObjectId, Vec<ObjectId>> = FxHashMap::default();
    let mut inheriting = Vec::new();
    let mut named_together = Vec::new();
    for (&id, object) in &doc.objects {
        let dict = match object {
            Object::Dictionary(dict) => dict,
            Object::Stream(stream) => &stream.dict,
            _ => continue,
        };
        let named = dict
            .get(b"Resources")
            .map(|resources| forms_in(doc, resources))
            .unwrap_or_default();
        if let Object::Stream(stream) = object {
            if is_form(object) {
                if dict.has(b"Resources") {
                    draws.insert(id, named.clone());
                } else if uses_do(stream) {
                    inheriting.push(id);
                } else {
                    draws.insert(id, Vec::new());
                }
            }
        }
        if !named.is_empty() {
            named_together.push(named);
        }
    }
    for id in inheriting {
        let mut targets: Vec<ObjectId> = named_together
            .iter()
            .filter(|names| names.contains(&id))
            .flatten()
            .copied()
            .collect();
        targets.sort_unstable();
        targets.dedup();
        draws.insert(id, targets);
    }
    longest_chain(&draws)
}

/// Walks the drawing graph depth first without recursion: a form met
/// again while it is still being walked is a cycle.
fn longest_chain(draws: &FxHashMap<ObjectId, Vec<ObjectId>>) -> Result<(), Refusal> {
    // Depth of a finished form: the longest chain below it, itself counted.
    let mut finished: FxHashMap<ObjectId, usize> = FxHashMap::default();
    let mut on_path: FxHashMap<ObjectId, ()> = FxHashMap::default();
    let mut roots: Vec<ObjectId> = draws.keys().copied().collect();
    roots.sort_unstable();
    for root in roots {
        if finished.contains_key(&root) {
            continue;
        }
        // (form, index of the next child to visit)
        let mut stack = vec![(root, 0usize)];
        on_path.insert(root, ());
        while let Some(&mut (form, ref mut next)) = stack.last_mut() {
            let children = draws.get(&form).map_or(&[][..], Vec::as_slice);
            if let Some(&child) = children.get(*next) {
                *next += 1;
                if on_path.contains_key(&child) {
                    return Err(Refusal::FormsTooDeep);
                }
                if !finished.contains_key(&child) && draws.contains_key(&child) {
                    on_path.insert(child, ());
                    stack.push((child, 0));
                }
                continue;
            }
            let depth = 1 + children
                .iter()
                .filter_map(|c| finished.get(c))
                .max()
                .copied()
                .unwrap_or(0);
            if depth > MAX_FORM_DEPTH {
                return Err(Refusal::FormsTooDeep);
            }
            finished.insert(form, depth);
            on_path.remove(&form);
            stack.pop();
        }
    }
    Ok(())
}

/// Is `object` a Form XObject?
fn is_form(object: &Object) -> bool {
    let Object::Stream(stream) = object else {
        return false;
    };
    stream
        .dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .is_ok_and(|name| name == b"Form")
}

/// The forms a resource dictionary names under `/XObject`.
fn forms_in(doc: &Document, resources: &Object) -> Vec<ObjectId> {
    let Ok((_, Object::Dictionary(resources))) = doc.dereference(resources) else {
        return Vec::new();
    };
    let Ok(xobjects) = resources.get(b"XObject") else {
        return Vec::new();
    };
    let Ok((_, Object::Dictionary(xobjects))) = doc.dereference(xobjects) else {
        return Vec::new();
    };
    xobjects
        .iter()
        .filter_map(|(_, value)| match value {
            Object::Reference(id) => Some(*id),
            _ => None,
        })
        .filter(|id| doc.objects.get(id).is_some_and(is_form))
        .collect()
}

/// Does a form's content use the `Do` operator? (Its size was checked
/// before this runs.)
fn uses_do(stream: &pdf_extract::Stream) -> bool {
    let Ok(content) = stream.get_plain_content() else {
        return false;
    };
    content
        .windows(4)
        .any(|w| w[1..3] == *b"Do" && is_separator(w[0]) && is_separator(w[3]))
        || content.ends_with(b" Do")
}

/// Whitespace or a delimiter: what may stand either side of an operator.
fn is_separator(byte: u8) -> bool {
    byte.is_ascii_whitespace() || b"/[]<>()".contains(&byte)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{dictionary, Stream};

    /// A form's content and the forms named in its own resources (`None`:
    /// no resources).
    type Form = (&'static str, Option<Vec<u32>>);

    /// A document whose forms are given as (content, forms named in own
    /// resources or `None` for no resources); forms are objects 1, 2, …
    fn document(forms: &[Form]) -> Document {
        let mut doc = Document::with_version("1.5");
        for (i, (content, named)) in forms.iter().enumerate() {
            let mut dict = dictionary! { "Type" => "XObject", "Subtype" => "Form" };
            if let Some(named) = named {
                let mut xobjects = lopdf::Dictionary::new();
                for n in named {
                    xobjects.set(format!("Fm{n}"), Object::Reference((*n, 0)));
                }
                dict.set("Resources", dictionary! { "XObject" => xobjects });
            }
            let id = (i as u32 + 1, 0);
            doc.objects.insert(
                id,
                Object::Stream(Stream::new(dict, content.as_bytes().to_vec())),
            );
        }
        doc
    }

    #[test]
    fn cycles_and_deep_chains_of_forms_are_refused() {
        let chain = |n: u32| -> Vec<Form> {
            (1..=n)
                .map(|i| ("/Fm Do", Some(if i < n { vec![i + 1] } else { vec![] })))
                .collect()
        };
        let cases: Vec<(&str, Vec<Form>, Result<(), Refusal>)> = vec![
            ("no forms", vec![], Ok(())),
            (
                "a form drawing itself",
                vec![("/Fm1 Do", Some(vec![1]))],
                Err(Refusal::FormsTooDeep),
            ),
            (
                "two forms drawing each other",
                vec![("/Fm2 Do", Some(vec![2])), ("/Fm1 Do", Some(vec![1]))],
                Err(Refusal::FormsTooDeep),
            ),
            ("a chain at the limit", chain(MAX_FORM_DEPTH as u32), Ok(())),
            (
                "a chain over the limit",
                chain(MAX_FORM_DEPTH as u32 + 1),
                Err(Refusal::FormsTooDeep),
            ),
            (
                "a form without resources that draws, named beside itself",
                vec![("q /Fm1 Do Q", Some(vec![2])), ("/Fm2 Do", None)],
                Err(Refusal::FormsTooDeep),
            ),
            (
                "a form without resources that draws nothing",
                vec![("/Fm2 Do", Some(vec![2])), ("BT (Don) Tj ET", None)],
                Ok(()),
            ),
            (
                "one form drawn twice is not a cycle",
                vec![
                    ("/Fm2 Do /Fm3 Do", Some(vec![2, 3])),
                    ("/Fm3 Do", Some(vec![3 + 1])),
                    ("", Some(vec![])),
                    ("", Some(vec![])),
                ],
                Ok(()),
            ),
        ];
        for (name, forms, expected) in cases {
            assert_eq!(check(&document(&forms)), expected, "{name}");
        }
    }
}
