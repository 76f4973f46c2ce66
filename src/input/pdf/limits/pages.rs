//! The page tree: a page inherits its resources and page size from the
//! nodes above it, and the text reader climbs `/Parent` until a node has
//! no parent. A node that is its own parent (or its grandparent's child
//! and parent at once) makes that climb endless: a 799-byte file kept the
//! reader busy for minutes. This check walks every `/Parent` chain first.

use pdf_extract::{Document, Object, ObjectId};
use rustc_hash::FxHashMap;

use super::Refusal;

/// Deepest chain of page-tree nodes accepted. Producers build balanced
/// trees a few levels deep; a million pages fit in six levels of sixteen.
pub const MAX_PAGE_TREE_DEPTH: usize = 64;

/// Refuses a document whose `/Parent` links loop or climb past
/// [`MAX_PAGE_TREE_DEPTH`] nodes.
pub fn check(doc: &Document) -> Result<(), Refusal> {
    // Nodes whose chain is known to end well, with its length (the node
    // counted).
    let mut ends: FxHashMap<ObjectId, usize> = FxHashMap::default();
    let mut path: Vec<ObjectId> = Vec::new();
    for &start in doc.objects.keys() {
        path.clear();
        let mut at = start;
        let above = loop {
            if let Some(&known) = ends.get(&at) {
                break known;
            }
            // The walk stops at the depth limit, so `contains` stays cheap.
            if path.len() >= MAX_PAGE_TREE_DEPTH || path.contains(&at) {
                return Err(Refusal::PageTreeLoop);
            }
            path.push(at);
            match parent(doc, at) {
                Some(up) => at = up,
                None => break 0,
            }
        };
        if path.len() + above > MAX_PAGE_TREE_DEPTH {
            return Err(Refusal::PageTreeLoop);
        }
        for (i, &node) in path.iter().enumerate() {
            ends.insert(node, path.len() - i + above);
        }
    }
    Ok(())
}

/// The object `/Parent` of object `id` names, if it names one.
fn parent(doc: &Document, id: ObjectId) -> Option<ObjectId> {
    let dict = match doc.objects.get(&id)? {
        Object::Dictionary(dict) => dict,
        Object::Stream(stream) => &stream.dict,
        _ => return None,
    };
    dict.get(b"Parent").ok()?.as_reference().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use pdf_extract::Dictionary;

    /// A document of nodes `(id, parent)`.
    fn tree(nodes: &[(u32, Option<u32>)]) -> Document {
        let mut doc = Document::with_version("1.4");
        for &(id, parent) in nodes {
            let mut dict = Dictionary::new();
            if let Some(p) = parent {
                dict.set("Parent", Object::Reference((p, 0)));
            }
            doc.objects.insert((id, 0), Object::Dictionary(dict));
        }
        doc
    }

    #[test]
    fn parent_chains_table() {
        let deep: Vec<(u32, Option<u32>)> =
            (1..=70).map(|i| (i, (i > 1).then_some(i - 1))).collect();
        type Nodes = Vec<(u32, Option<u32>)>;
        let cases: Vec<(&str, Nodes, bool)> = vec![
            (
                "pages under one root",
                vec![(1, None), (2, Some(1)), (3, Some(1))],
                true,
            ),
            (
                "a node that is its own parent",
                vec![(1, None), (3, Some(3))],
                false,
            ),
            (
                "two nodes each other's parent",
                vec![(2, Some(3)), (3, Some(2))],
                false,
            ),
            ("a parent that does not exist", vec![(3, Some(9))], true),
            ("70 levels", deep, false),
        ];
        for (what, nodes, ok) in cases {
            assert_eq!(check(&tree(&nodes)).is_ok(), ok, "{what}");
        }
    }
}
