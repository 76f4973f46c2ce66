//! Uploaded résumés, kept in memory only, each under an unguessable token
//! (128 random bits from the operating system), for a limited time. The
//! token is what a page's address carries; nothing is written to disk,
//! and an upload past its time, or pushed out when the store is full
//! (the oldest first), is gone.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::document::Document;
use crate::extract::resume::Candidate;

/// One uploaded résumé: the document read and the candidate extracted.
#[derive(Debug)]
pub struct Upload {
    /// The document as read.
    pub document: Document,
    /// The candidate extracted from it.
    pub candidate: Candidate,
}

/// The store (see the module documentation).
#[derive(Debug)]
pub struct Uploads {
    entries: Mutex<HashMap<String, (Instant, Arc<Upload>)>>,
    ttl: Duration,
    max: usize,
}

/// The length of a token: 16 bytes in hex.
const TOKEN_LEN: usize = 32;

impl Uploads {
    /// An empty store keeping each upload for `ttl`, at most `max` at once.
    pub fn new(ttl: Duration, max: usize) -> Uploads {
        Uploads {
            entries: Mutex::new(HashMap::new()),
            ttl,
            max: max.max(1),
        }
    }

    /// How long an upload is kept.
    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// Keeps `upload` and returns its new token; fails only when the
    /// operating system gives no random bytes.
    pub fn insert(&self, upload: Upload) -> Result<String, getrandom::Error> {
        let mut bytes = [0u8; TOKEN_LEN / 2];
        getrandom::fill(&mut bytes)?;
        let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        let now = Instant::now();
        let mut entries = self.lock();
        entries.retain(|_, (at, _)| now.duration_since(*at) < self.ttl);
        while entries.len() >= self.max {
            let oldest = entries
                .iter()
                .min_by_key(|(_, (at, _))| *at)
                .map(|(t, _)| t.clone());
            match oldest {
                Some(t) => entries.remove(&t),
                None => break,
            };
        }
        entries.insert(token.clone(), (now, Arc::new(upload)));
        Ok(token)
    }

    /// The upload under `token`, if it is still kept.
    pub fn get(&self, token: &str) -> Option<Arc<Upload>> {
        if token.len() != TOKEN_LEN || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let mut entries = self.lock();
        let (at, upload) = entries.get(token)?;
        if at.elapsed() >= self.ttl {
            entries.remove(token);
            return None;
        }
        Some(Arc::clone(upload))
    }

    /// How many uploads are kept now (expired ones included until the
    /// next insert).
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Is the store empty?
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The map; a panic while it was held leaves it usable, since every
    /// change to it is a single insert or removal.
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (Instant, Arc<Upload>)>> {
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Fields;

    fn upload(id: &str) -> Upload {
        let taxonomy = crate::taxonomy::Taxonomy::embedded().expect("embedded taxonomy");
        let matcher = crate::extract::Matcher::new(&taxonomy).expect("matcher");
        let document = Document {
            id: id.to_string(),
            source: id.to_string(),
            text: "Skills: Rust".to_string(),
            fields: Fields::default(),
            kind: None,
        };
        let options = crate::extract::resume::ResumeOptions {
            as_of: crate::extract::dates::YearMonth::today(),
        };
        let candidate = crate::extract::candidate_of(&matcher, &document, &options);
        Upload {
            document,
            candidate,
        }
    }

    #[test]
    fn tokens_are_random_hex_and_find_their_upload() {
        let store = Uploads::new(Duration::from_secs(60), 10);
        let a = store.insert(upload("a")).expect("random bytes");
        let b = store.insert(upload("b")).expect("random bytes");
        assert_eq!(a.len(), TOKEN_LEN);
        assert!(a.bytes().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
        assert_eq!(store.get(&a).expect("kept").document.id, "a");
        assert_eq!(store.get(&b).expect("kept").document.id, "b");
        // A token of another shape, or one never given, finds nothing.
        assert!(store.get("../etc").is_none());
        assert!(store.get(&"0".repeat(TOKEN_LEN)).is_none());
    }

    #[test]
    fn a_full_store_drops_the_oldest_and_expired_uploads_are_gone() {
        let store = Uploads::new(Duration::from_secs(60), 2);
        let first = store.insert(upload("1")).expect("random bytes");
        let second = store.insert(upload("2")).expect("random bytes");
        let third = store.insert(upload("3")).expect("random bytes");
        assert!(store.get(&first).is_none(), "the oldest was dropped");
        assert!(store.get(&second).is_some());
        assert!(store.get(&third).is_some());
        assert_eq!(store.len(), 2);

        let brief = Uploads::new(Duration::ZERO, 2);
        let token = brief.insert(upload("x")).expect("random bytes");
        assert!(brief.get(&token).is_none(), "expired at once");
    }
}
