//! Splitting a batch across machines: `rank --shard K/N`.
//!
//! A candidate belongs to shard `hash(id) mod N`, with a fixed hash
//! (FNV-1a, 64 bits) of its id. So the split is the same on every machine
//! and every run, does not depend on the order or number of the other
//! candidates (adding a candidate never moves another), and every
//! candidate is in exactly one shard.

use std::fmt;
use std::str::FromStr;

/// Shard `index` (1-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    index: u32,
    count: u32,
}

impl Shard {
    /// Shard `index` of `count`; `index` is 1-based, so `1..=count`.
    pub fn new(index: u32, count: u32) -> Option<Shard> {
        (count >= 1 && (1..=count).contains(&index)).then_some(Shard { index, count })
    }

    /// The shard number, 1-based.
    pub fn index(self) -> u32 {
        self.index
    }

    /// How many shards there are.
    pub fn count(self) -> u32 {
        self.count
    }

    /// Does the candidate with this id belong to this shard?
    pub fn contains(self, id: &str) -> bool {
        (fnv1a(id.as_bytes()) % u64::from(self.count)) as u32 == self.index - 1
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl FromStr for Shard {
    type Err = String;

    /// Parses "K/N" (1 ≤ K ≤ N).
    fn from_str(s: &str) -> Result<Shard, String> {
        let bad = || format!("{s:?} is not a shard: write K/N with 1 ≤ K ≤ N, for example 2/8");
        let (k, n) = s.trim().split_once('/').ok_or_else(bad)?;
        let k: u32 = k.trim().parse().map_err(|_| bad())?;
        let n: u32 = n.trim().parse().map_err(|_| bad())?;
        Shard::new(k, n).ok_or_else(bad)
    }
}

/// FNV-1a, 64 bits: fixed, so shard membership never changes between
/// versions or platforms.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parse_table() {
        let table = [
            ("1/1", Some((1, 1))),
            ("2/8", Some((2, 8))),
            (" 3 / 4 ", Some((3, 4))),
            ("0/4", None),
            ("5/4", None),
            ("1/0", None),
            ("1", None),
            ("a/b", None),
            ("-1/4", None),
        ];
        for (text, want) in table {
            let got = text.parse::<Shard>().ok().map(|s| (s.index(), s.count()));
            assert_eq!(got, want, "{text}");
        }
        assert_eq!("2/8".parse::<Shard>().unwrap().to_string(), "2/8");
    }

    #[test]
    fn membership_is_fixed() {
        // A change of hash would move candidates between machines.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    proptest! {
        /// Every id is in exactly one shard of N.
        #[test]
        fn every_id_in_exactly_one_shard(id in "\\PC{0,20}", n in 1u32..16) {
            let owners = (1..=n)
                .filter(|&k| Shard::new(k, n).unwrap().contains(&id))
                .count();
            prop_assert_eq!(owners, 1);
        }
    }
}
