//! Long lists read back from an index file in one allocation.
//!
//! serde's own `Vec` reader trusts a length read from the input only up to
//! about a megabyte, then grows the vector by doubling. For the scoring
//! table of 100,000 postings (1.6 million requirements) that meant five
//! copies of tens of megabytes, and the kernel zeroing every fresh page
//! each copy landed on: a third of `score --index`. The length postcard
//! stores is exact, so [`deserialize`] reserves it at once, up to
//! [`MAX_RESERVED`] elements: a damaged or hostile length past that
//! grows as before and fails at the end of the input, having reserved
//! (not touched) a bounded amount.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};

/// The most elements reserved before any is read: 16 million, about 12
/// times the requirements of 100,000 postings.
const MAX_RESERVED: usize = 1 << 24;

/// Reads a `Vec<T>`, reserving the length the input states (capped).
/// For `#[serde(deserialize_with = "presized::deserialize")]`.
pub(crate) fn deserialize<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    struct Presized<T>(PhantomData<T>);

    impl<'de, T: Deserialize<'de>> Visitor<'de> for Presized<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a sequence")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX_RESERVED));
            while let Some(item) = seq.next_element()? {
                out.push(item);
            }
            Ok(out)
        }
    }

    deserializer.deserialize_seq(Presized(PhantomData))
}
