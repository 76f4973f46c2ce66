//! The form trie: every normalized taxonomy form in one byte trie, searched
//! only anchored at a token start for the longest form there.
//!
//! Why not Aho–Corasick: the matcher never searches unanchored, so the
//! failure transitions an Aho–Corasick automaton computes are never used,
//! yet they were most of its construction time (a third of the default
//! taxonomy's start-up, and most of a 100,000-form ESCO import's). A trie
//! built from the sorted forms costs one pass over their bytes.
//!
//! Layout: nodes in depth-first order, each with the byte on its incoming
//! edge, its first child and its next sibling (siblings in byte order), and
//! the pattern ending there, if any. The root's children are also in a
//! 256-entry table. Built from the sorted forms in one sequential pass: each
//! form shares its longest common prefix with the previous one, so only the
//! rest becomes new nodes.

/// No node, or no pattern ending at a node.
const NONE: u32 = u32::MAX;

/// A byte trie over the forms, with the pattern index of each form.
///
/// Stored in a prepared taxonomy as plain little-endian arrays, which read
/// back at the speed of a copy (an ESCO import has two million nodes).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct FormTrie {
    #[serde(with = "stored::bytes")]
    byte: Vec<u8>,
    #[serde(with = "stored::words")]
    first_child: Vec<u32>,
    #[serde(with = "stored::words")]
    next_sibling: Vec<u32>,
    #[serde(with = "stored::words")]
    terminal: Vec<u32>,
    #[serde(with = "stored::words")]
    root: Box<[u32]>,
}

impl FormTrie {
    /// Builds the trie of `keys`; key `i` is pattern `i`. Keys must be
    /// distinct (an empty key is ignored).
    pub(crate) fn new(keys: &[String]) -> Self {
        let mut sorted: Vec<(&[u8], u32)> = keys
            .iter()
            .enumerate()
            .filter(|(_, k)| !k.is_empty())
            .map(|(i, k)| (k.as_bytes(), i as u32))
            .collect();
        sorted.sort_unstable();

        let mut trie = FormTrie::default();
        let push = |trie: &mut FormTrie, byte: u8| -> u32 {
            trie.byte.push(byte);
            trie.first_child.push(NONE);
            trie.next_sibling.push(NONE);
            trie.terminal.push(NONE);
            (trie.byte.len() - 1) as u32
        };
        let root = push(&mut trie, 0);
        // path[d] is the node of the current key's first d bytes.
        let mut path: Vec<u32> = vec![root];
        let mut previous: &[u8] = &[];
        // The last child added under each node, to link the next one.
        let mut last: Vec<u32> = Vec::new();
        for &(key, pattern) in &sorted {
            let common = key.iter().zip(previous).take_while(|(a, b)| a == b).count();
            path.truncate(common + 1);
            for &b in &key[common..] {
                let parent = *path.last().expect("the root is always on the path") as usize;
                let node = push(&mut trie, b);
                last.resize(trie.byte.len(), NONE);
                match last[parent] {
                    NONE => trie.first_child[parent] = node,
                    sibling => trie.next_sibling[sibling as usize] = node,
                }
                last[parent] = node;
                path.push(node);
            }
            let end = *path.last().expect("the root is always on the path") as usize;
            trie.terminal[end] = pattern;
            previous = key;
        }
        let mut root_table = vec![NONE; 256];
        let mut child = trie.first_child[0];
        while child != NONE {
            root_table[usize::from(trie.byte[child as usize])] = child;
            child = trie.next_sibling[child as usize];
        }
        trie.root = root_table.into_boxed_slice();
        trie
    }

    /// The longest form that `hay[at..limit]` starts with: its pattern
    /// index and the end offset in `hay`.
    pub(crate) fn longest_at(&self, hay: &[u8], at: usize, limit: usize) -> Option<(u32, usize)> {
        let hay = &hay[..limit.min(hay.len())];
        let first = *hay.get(at)?;
        let mut node = *self.root.get(usize::from(first))?;
        let mut i = at + 1;
        let mut best = None;
        while node != NONE {
            let n = node as usize;
            if self.terminal[n] != NONE {
                best = Some((self.terminal[n], i));
            }
            let Some(&b) = hay.get(i) else { break };
            let mut child = self.first_child[n];
            while child != NONE && self.byte[child as usize] < b {
                child = self.next_sibling[child as usize];
            }
            if child == NONE || self.byte[child as usize] != b {
                break;
            }
            node = child;
            i += 1;
        }
        best
    }

    /// Number of nodes (for tests and size estimates).
    #[cfg(test)]
    fn nodes(&self) -> usize {
        self.terminal.len()
    }
}

impl FormTrie {
    /// Checks that every link of a trie read back stays inside it and every
    /// pattern is below `patterns`: what a search relies on.
    pub(crate) fn check(&self, patterns: usize) -> Result<(), String> {
        let nodes = self.byte.len();
        let link_ok = |&l: &u32| l == NONE || (l as usize) < nodes;
        let sizes_ok = self.first_child.len() == nodes
            && self.next_sibling.len() == nodes
            && self.terminal.len() == nodes
            && self.root.len() == 256;
        if !sizes_ok
            || !self.first_child.iter().all(link_ok)
            || !self.next_sibling.iter().all(link_ok)
            || !self.root.iter().all(link_ok)
        {
            return Err("the form trie's links are out of range".into());
        }
        if !self
            .terminal
            .iter()
            .all(|&t| t == NONE || (t as usize) < patterns)
        {
            return Err("the form trie names a pattern that does not exist".into());
        }
        Ok(())
    }
}

/// How the trie's arrays are stored: as bytes, not element by element.
mod stored {
    use std::fmt;

    use serde::de::{Error, Visitor};
    use serde::{Deserializer, Serializer};

    /// Reads one byte string, borrowed or owned, into a `Vec<u8>`.
    struct Bytes;

    impl Visitor<'_> for Bytes {
        type Value = Vec<u8>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("bytes")
        }

        fn visit_bytes<E: Error>(self, v: &[u8]) -> Result<Vec<u8>, E> {
            Ok(v.to_vec())
        }

        fn visit_byte_buf<E: Error>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
            Ok(v)
        }
    }

    /// A byte array, as one byte string.
    pub(super) mod bytes {
        use super::*;

        pub(in super::super) fn serialize<S: Serializer>(
            v: &[u8],
            s: S,
        ) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(v)
        }

        pub(in super::super) fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Vec<u8>, D::Error> {
            d.deserialize_bytes(Bytes)
        }
    }

    /// An array of `u32`, as one byte string of little-endian words.
    pub(super) mod words {
        use super::*;

        pub(in super::super) fn serialize<S: Serializer>(
            v: &[u32],
            s: S,
        ) -> Result<S::Ok, S::Error> {
            let bytes: Vec<u8> = v.iter().flat_map(|w| w.to_le_bytes()).collect();
            s.serialize_bytes(&bytes)
        }

        /// Reads the words straight from the bytes, with no copy of them.
        struct Words;

        impl Visitor<'_> for Words {
            type Value = Vec<u32>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("little-endian words")
            }

            fn visit_bytes<E: Error>(self, v: &[u8]) -> Result<Vec<u32>, E> {
                if !v.len().is_multiple_of(4) {
                    return Err(E::custom(
                        "an array of words of a length not a multiple of 4",
                    ));
                }
                Ok(v.chunks_exact(4)
                    .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                    .collect())
            }
        }

        pub(in super::super) fn deserialize<'de, D: Deserializer<'de>, T: From<Vec<u32>>>(
            d: D,
        ) -> Result<T, D::Error> {
            Ok(T::from(d.deserialize_bytes(Words)?))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn keys(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn longest_form_at_a_position() {
        let k = keys(&["java", "javascript", "go", "machine learning", "machine"]);
        let trie = FormTrie::new(&k);
        let table = [
            ("javascript is", 0, Some((1, 10))),
            ("java is", 0, Some((0, 4))),
            ("javas", 0, Some((0, 4))),
            ("machine learning", 0, Some((3, 16))),
            ("machine learn", 0, Some((4, 7))),
            ("use go", 4, Some((2, 6))),
            ("use go", 0, None),
            ("", 0, None),
            ("ja", 0, None),
        ];
        for (hay, at, want) in table {
            assert_eq!(
                trie.longest_at(hay.as_bytes(), at, hay.len()),
                want,
                "{hay:?} at {at}"
            );
        }
        // A limit cuts the walk: "machine learning" stops at "machine".
        assert_eq!(trie.longest_at(b"machine learning", 0, 7), Some((4, 7)));
        // Shared prefixes share nodes: root, j-a-v-a-s-c-r-i-p-t, g-o,
        // m-a-c-h-i-n-e-space-l-e-a-r-n-i-n-g.
        assert_eq!(trie.nodes(), 1 + 10 + 2 + 16);
    }

    proptest! {
        /// The trie agrees with a scan over all keys for the longest prefix.
        #[test]
        fn agrees_with_a_linear_scan(
            list in proptest::collection::btree_set("[abc ]{1,6}", 1..40),
            hay in "[abc ]{0,12}",
            at in 0usize..12,
        ) {
            let k: Vec<String> = list.into_iter().collect();
            let trie = FormTrie::new(&k);
            let expected = k
                .iter()
                .enumerate()
                .filter(|(_, key)| hay.as_bytes().get(at..).is_some_and(|rest| rest.starts_with(key.as_bytes())))
                .map(|(i, key)| (i as u32, at + key.len()))
                .max_by_key(|&(_, end)| end);
            prop_assert_eq!(trie.longest_at(hay.as_bytes(), at, hay.len()), expected);
        }
    }
}
