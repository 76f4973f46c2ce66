//! Recognising the occupation a job title names:
//! [`Occupations::recognise`].
//!
//! Each reading of the title ([`title::variants`]: the main phrase, then
//! alternatives such as text in parentheses, each with a weight) is matched
//! in two stages:
//!
//! 1. **Exact.** The reading's words equal the words of a label
//!    ([`title::words`] on both sides). The words as written and the
//!    [`title::clean`]ed words are both tried ("Junior Accountant" finds
//!    the accountant, and ESCO's "junior accountant", an accounting
//!    assistant); failing both, the cleaned words with a final "head" read
//!    as "manager", then with the last two words written as one ("store
//!    keeper" → "storekeeper"; the head stage below uses these rewritten
//!    words too). The score is the label's kind
//!    ([`PREFERRED_SCORE`], [`ALTERNATIVE_SCORE`], [`HIDDEN_SCORE`],
//!    [`ONET_SCORE`]) times the reading's weight. When the matching labels
//!    belong to several unit groups (ESCO gives "mathematics teacher" to a
//!    lecturer and to a secondary teacher), the head-noun vote of stage 2
//!    breaks the tie, by at most [`TIE_BREAK`].
//! 2. **Head noun phrase**, when nothing matched exactly. English job titles
//!    put the job last ("senior civil *site engineer*", "Civics *Teacher*"),
//!    so labels that share the title's head noun (the last word before "of",
//!    "for", ...: [`title::head_phrase`]) are the candidates, and labels
//!    sharing only other words count [`NON_HEAD_FACTOR`] as much. Words
//!    are weighted by their rarity among all labels (inverse document
//!    frequency), so "assistant" or "officer" alone say little while
//!    "radiographer" says a lot. A label's similarity is the weighted Dice
//!    coefficient of its words and the title's; the [`VOTE_LABELS`] most
//!    similar labels then vote for their unit groups, weighted by
//!    similarity, and an occupation's score mixes its best label's
//!    similarity with its unit group's share of the vote
//!    ([`SIMILARITY_SHARE`]), capped at [`HEAD_MAX_SCORE`] so a head match
//!    never outranks an exact one.
//!
//! Matches of all readings are merged per occupation (the best score
//! stays), ranked best first with ties broken by [`OccupationId`], cut at
//! [`MIN_SCORE`] and [`MAX_MATCHES`].
//!
//! Speed: an exact match is a few word lookups and a short scan of the
//! rarest word's labels (there is no map of label texts; see
//! `Index::exact`); the head stage looks at no more than
//! [`POSTINGS_PER_WORD`] labels per title word (the shortest labels
//! carrying it, which are the most similar ones when nothing else is
//! shared; [`STOP_WORDS`] lead nowhere), so one title costs a few
//! microseconds whatever the set's size.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::title::{self, TitleVariant};
use std::borrow::Cow;
use std::collections::BTreeMap;

use super::model::{
    IscoUnitGroup, LabelEntry, LabelId, LabelKind, Occupation, OccupationId, OnetMapping,
};

/// The set of occupations, with the index [`Occupations::recognise`] uses.
#[derive(Debug)]
pub struct Occupations {
    /// The file's text; labels are spans of it.
    pub(crate) text: Cow<'static, str>,
    pub(crate) occupations: Vec<Occupation>,
    pub(crate) labels: Vec<LabelEntry>,
    pub(crate) groups: BTreeMap<String, String>,
    pub(crate) onet: Vec<OnetMapping>,
    pub(crate) by_code: FxHashMap<String, OccupationId>,
    pub(crate) by_uri: FxHashMap<String, OccupationId>,
    pub(crate) vocabulary: super::vocabulary::Vocabulary,
    pub(super) index: Index,
}

/// Score of an exact match on an ESCO preferred label.
pub const PREFERRED_SCORE: f32 = 1.0;
/// Score of an exact match on an ESCO alternative label.
pub const ALTERNATIVE_SCORE: f32 = 0.95;
/// Score of an exact match on an ESCO hidden label (misspellings, old or
/// gendered forms).
pub const HIDDEN_SCORE: f32 = 0.9;
/// Score of an exact match on an O*NET title: its occupation comes through
/// the derived crosswalk, one step less sure than ESCO's own labels.
pub const ONET_SCORE: f32 = 0.85;
/// Most an exact match loses when its unit group gets none of the head
/// vote: enough to order equal labels, never enough to change kinds.
pub const TIE_BREAK: f32 = 0.05;
/// Highest score of a head match, below every exact match.
pub const HEAD_MAX_SCORE: f32 = 0.7;
/// Share of a head match's score that comes from its best label's
/// similarity; the rest comes from its unit group's share of the vote.
pub const SIMILARITY_SHARE: f32 = 0.5;
/// How much a label that shares words with the title but not its head noun
/// counts ("nutrition adviser" for "Nutrition Officer").
pub const NON_HEAD_FACTOR: f32 = 0.7;
/// How many of the most similar labels vote for a unit group.
pub const VOTE_LABELS: usize = 50;
/// Most labels looked at per title word in the head stage: all of a rare
/// word's labels, the shortest of a common word's.
pub const POSTINGS_PER_WORD: usize = 64;
/// Words that lead to no candidate label in the head stage (they still
/// count in the similarity): the labels they reach share nothing that
/// names a job.
pub const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with",
];
/// Matches scoring less are dropped: at that level nothing fits.
pub const MIN_SCORE: f32 = 0.1;
/// Most matches returned.
pub const MAX_MATCHES: usize = 10;

/// How a title matched an occupation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// Exactly, on the occupation's ESCO preferred label.
    Exact,
    /// Exactly, on an ESCO alternative or hidden label.
    Alternative,
    /// Exactly, on an O*NET job title the crosswalk attached to it.
    Onet,
    /// On the head noun phrase: the title's last noun and rarer words.
    Head,
}

/// One occupation a title may name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OccupationMatch {
    /// The occupation.
    pub occupation: OccupationId,
    /// How it matched.
    pub kind: MatchKind,
    /// How sure, in [0, 1]; comparable between titles.
    pub score: f32,
    /// The label that matched (for a head match: the most similar label).
    pub label: LabelId,
    /// The reading of the title that matched, as match words
    /// ("civics teacher").
    pub phrase: String,
}

const NO_WORD: u32 = u32::MAX;

/// What the head stage reads of a label, packed in 16 bytes so that
/// scoring a candidate touches one cache line (plus its words).
#[derive(Debug, Clone, Copy)]
struct LabelInfo {
    /// Sum of the idf of its distinct words.
    weight: f32,
    /// Its head word id, or `NO_WORD`.
    head: u32,
    /// Its word ids are `Index::label_words[start..start + len]`.
    start: u32,
    len: u16,
    /// Its occupation's unit group.
    group: IscoUnitGroup,
}

/// The lookup structures, built once per [`Occupations`].
#[derive(Debug, Default)]
pub(super) struct Index {
    /// Match word → word id.
    vocabulary: FxHashMap<Box<str>, u32>,
    /// Word id → inverse document frequency over the labels.
    idf: Vec<f32>,
    /// The weight of a word no label has.
    unknown_idf: f32,
    /// Every label's word ids in order, label after label.
    label_words: Vec<u32>,
    /// Label → what the head stage needs of it.
    info: Vec<LabelInfo>,
    /// Word id → labels carrying it, lightest (shortest) first:
    /// `postings[posting_start[w]..posting_start[w + 1]]`.
    postings: Vec<u32>,
    posting_start: Vec<u32>,
}

/// Relative slack when comparing a key's weight with a label's: the same
/// idfs summed in another order may differ in the last bits.
const WEIGHT_TOLERANCE: f32 = 1e-4;

impl Index {
    pub(super) fn build(occupations: &[Occupation], text: &str, labels: &[LabelEntry]) -> Index {
        let mut index = Index {
            // About one new word per three labels.
            vocabulary: FxHashMap::with_capacity_and_hasher(labels.len() / 3, Default::default()),
            info: Vec::with_capacity(labels.len()),
            label_words: Vec::with_capacity(labels.len() * 4),
            ..Index::default()
        };
        let mut document_frequency: Vec<u32> = Vec::new();
        for label in labels {
            let start = index.label_words.len();
            // Length of the head phrase: up to the first preposition that
            // is not the first word (see `title::head_phrase`).
            let mut head_phrase_len: Option<usize> = None;
            let vocabulary = &mut index.vocabulary;
            let label_words = &mut index.label_words;
            title::for_each_stem(&text[label.start as usize..label.end as usize], |w| {
                let id = match vocabulary.get(w) {
                    Some(&id) => id,
                    None => {
                        // A new word: its synonym's id, or a new id. The
                        // word itself is entered too, so its next
                        // occurrence costs one lookup.
                        let folded = title::synonym(w);
                        let id = match vocabulary.get(folded) {
                            Some(&id) => id,
                            None => {
                                let id = document_frequency.len() as u32;
                                vocabulary.insert(folded.into(), id);
                                document_frequency.push(0);
                                id
                            }
                        };
                        if folded != w {
                            vocabulary.insert(w.into(), id);
                        }
                        id
                    }
                };
                let position = label_words.len() - start;
                if head_phrase_len.is_none() && position > 0 && title::HEAD_PHRASE_ENDS.contains(&w)
                {
                    head_phrase_len = Some(position);
                }
                label_words.push(id);
            });
            // Labels longer than a u16 of words are cut there (none is).
            let len = (index.label_words.len() - start).min(usize::from(u16::MAX));
            index.label_words.truncate(start + len);
            let sequence = &index.label_words[start..];
            let head = match head_phrase_len.unwrap_or(len).min(len) {
                0 => NO_WORD,
                n => sequence[n - 1],
            };
            for (i, &id) in sequence.iter().enumerate() {
                if !sequence[..i].contains(&id) {
                    document_frequency[id as usize] += 1;
                }
            }
            index.info.push(LabelInfo {
                weight: 0.0,
                head,
                start: start as u32,
                len: len as u16,
                group: occupations[label.occupation.0 as usize].isco,
            });
        }
        let documents = labels.len() as f32 + 1.0;
        index.idf = document_frequency
            .iter()
            .map(|&df| (documents / (df as f32 + 1.0)).ln())
            .collect();
        index.unknown_idf = documents.ln();

        for l in 0..index.info.len() {
            let words = index.words_of(l as u32);
            let mut weight = 0.0;
            for (i, &id) in words.iter().enumerate() {
                if !words[..i].contains(&id) {
                    weight += index.idf[id as usize];
                }
            }
            index.info[l].weight = weight;
        }

        // The postings, laid out by document frequency and filled in
        // weight order, which sorts every list at once. Weights are
        // positive, so their bit patterns sort like them.
        index.posting_start = Vec::with_capacity(document_frequency.len() + 1);
        let mut at = 0u32;
        for &df in &document_frequency {
            index.posting_start.push(at);
            at += df;
        }
        index.posting_start.push(at);
        let mut fill = index.posting_start.clone();
        let mut postings = vec![0; at as usize];
        let mut by_weight: Vec<u64> = (0..index.info.len() as u32)
            .map(|l| index.order_key(l))
            .collect();
        by_weight.sort_unstable();
        for key in by_weight {
            let l = key as u32;
            let words = index.words_of(l);
            for (i, &id) in words.iter().enumerate() {
                if !words[..i].contains(&id) {
                    postings[fill[id as usize] as usize] = l;
                    fill[id as usize] += 1;
                }
            }
        }
        index.postings = postings;
        index
    }

    /// The order of the postings: by weight, then label.
    fn order_key(&self, label: u32) -> u64 {
        (u64::from(self.info[label as usize].weight.to_bits()) << 32) | u64::from(label)
    }

    fn words_of(&self, label: u32) -> &[u32] {
        let info = &self.info[label as usize];
        &self.label_words[info.start as usize..info.start as usize + usize::from(info.len)]
    }

    fn postings_of(&self, word: u32) -> &[u32] {
        let w = word as usize;
        &self.postings[self.posting_start[w] as usize..self.posting_start[w + 1] as usize]
    }

    fn id(&self, word: &str) -> u32 {
        self.vocabulary.get(word).copied().unwrap_or(NO_WORD)
    }

    /// Labels whose words are exactly `words`.
    ///
    /// No map of label texts is needed: such a label carries the key's
    /// rarest word and weighs exactly what the key weighs, and the rarest
    /// word's postings are sorted by weight, so the scan stops at the first
    /// heavier label. That keeps the index small, which keeps loading fast.
    fn exact(&self, words: &[String], out: &mut Vec<u32>) {
        let mut key = Vec::with_capacity(words.len());
        let mut rarest = NO_WORD;
        for w in words {
            let id = self.id(w);
            if id == NO_WORD {
                return;
            }
            if rarest == NO_WORD || self.idf[id as usize] > self.idf[rarest as usize] {
                rarest = id;
            }
            key.push(id);
        }
        if rarest == NO_WORD {
            return;
        }
        let mut weight = 0.0;
        for (i, &id) in key.iter().enumerate() {
            if !key[..i].contains(&id) {
                weight += self.idf[id as usize];
            }
        }
        let limit = weight * (1.0 + WEIGHT_TOLERANCE);
        for &l in self.postings_of(rarest) {
            if self.info[l as usize].weight > limit {
                break;
            }
            if self.words_of(l) == key.as_slice() {
                out.push(l);
            }
        }
    }
}

/// A candidate of the head stage.
struct Similar {
    label: u32,
    similarity: f32,
    /// Its unit group's place in `HeadVote::shares`.
    group: usize,
}

/// The result of the head stage for one reading.
struct HeadVote {
    /// The most similar labels, most similar first.
    labels: Vec<Similar>,
    /// Unit group → its share of the vote.
    shares: Vec<(IscoUnitGroup, f32)>,
}

impl HeadVote {
    fn share(&self, group: IscoUnitGroup) -> f32 {
        self.shares
            .iter()
            .find(|(g, _)| *g == group)
            .map_or(0.0, |(_, s)| *s)
    }
}

impl Occupations {
    /// The occupations `title` may name, best first; empty when nothing
    /// fits. See the [module docs](self) for the rules.
    ///
    /// ```
    /// use skillmatch::occupation::{MatchKind, Occupations};
    ///
    /// let occupations = Occupations::embedded()?;
    /// let matches = occupations.recognise("Civics Teacher");
    /// assert_eq!(matches[0].kind, MatchKind::Head);
    /// assert!(occupations.get(matches[0].occupation).isco.to_string().starts_with("23"));
    /// assert!(occupations.recognise("Qwxz Blorp").is_empty());
    /// # Ok::<(), skillmatch::Error>(())
    /// ```
    pub fn recognise(&self, title: &str) -> Vec<OccupationMatch> {
        let variants = title::variants(title);
        let mut best: Vec<Pending> = Vec::new();
        let mut hits = Vec::new();
        for (v, variant) in variants.iter().enumerate() {
            hits.clear();
            self.exact_hits(variant, &mut hits);
            if hits.is_empty() {
                self.head_matches(variant, v, &mut best);
                continue;
            }
            let spans_groups = hits.iter().any(|&l| {
                self.index.info[l as usize].group != self.index.info[hits[0] as usize].group
            });
            let vote = spans_groups.then(|| self.head_vote(&variant.words));
            for &l in &hits {
                let label = self.labels[l as usize];
                let (kind, base) = match label.kind {
                    LabelKind::Preferred => (MatchKind::Exact, PREFERRED_SCORE),
                    LabelKind::Alternative => (MatchKind::Alternative, ALTERNATIVE_SCORE),
                    LabelKind::Hidden => (MatchKind::Alternative, HIDDEN_SCORE),
                    LabelKind::Onet => (MatchKind::Onet, ONET_SCORE),
                };
                let share = vote
                    .as_ref()
                    .map_or(1.0, |v| v.share(self.index.info[l as usize].group));
                let score = variant.weight * (base - TIE_BREAK * (1.0 - share));
                keep(
                    &mut best,
                    Pending {
                        occupation: label.occupation,
                        kind,
                        score,
                        label: LabelId(l),
                        variant: v,
                    },
                );
            }
        }
        let mut best = best_per_occupation(best);
        best.retain(|m| m.score >= MIN_SCORE);
        best.truncate(MAX_MATCHES);
        best.into_iter()
            .map(|m| OccupationMatch {
                occupation: m.occupation,
                kind: m.kind,
                score: m.score,
                label: m.label,
                phrase: variants[m.variant].words.join(" "),
            })
            .collect()
    }

    /// Labels matching `variant` exactly: on the words as written and on
    /// the cleaned words (both, so "Junior Accountant" finds the accountant
    /// as well as ESCO's "junior accountant", an accounting assistant);
    /// failing that, on the rewritten keys.
    fn exact_hits(&self, variant: &TitleVariant, hits: &mut Vec<u32>) {
        self.index.exact(&variant.raw, hits);
        if variant.words != variant.raw {
            let mut cleaned = Vec::new();
            self.index.exact(&variant.words, &mut cleaned);
            hits.extend(cleaned);
        }
        if !hits.is_empty() {
            return;
        }
        if let Some(words) = title::head_as_manager(&variant.words) {
            self.index.exact(&words, hits);
            if !hits.is_empty() {
                return;
            }
        }
        if let Some(words) = self.joined(&variant.words) {
            self.index.exact(&words, hits);
        }
    }

    /// `words` with the last two written as one, when that is a word of
    /// the labels ("store keeper" → "storekeeper").
    fn joined(&self, words: &[String]) -> Option<Vec<String>> {
        let [rest @ .., a, b] = words else {
            return None;
        };
        let joined = format!("{a}{b}");
        (self.index.id(&joined) != NO_WORD).then(|| {
            let mut words = rest.to_vec();
            words.push(joined);
            words
        })
    }

    /// Stage 2 for one reading: every occupation among the most similar
    /// labels, scored.
    fn head_matches(&self, variant: &TitleVariant, v: usize, best: &mut Vec<Pending>) {
        let rewritten =
            title::head_as_manager(&variant.words).or_else(|| self.joined(&variant.words));
        let vote = self.head_vote(rewritten.as_deref().unwrap_or(&variant.words));
        for similar in &vote.labels {
            let label = self.labels[similar.label as usize];
            let share = vote.shares[similar.group].1;
            let score = variant.weight
                * HEAD_MAX_SCORE
                * (SIMILARITY_SHARE * similar.similarity + (1.0 - SIMILARITY_SHARE) * share);
            keep(
                best,
                Pending {
                    occupation: label.occupation,
                    kind: MatchKind::Head,
                    score,
                    label: LabelId(similar.label),
                    variant: v,
                },
            );
        }
    }

    /// The [`VOTE_LABELS`] labels most similar to `words` and the unit
    /// groups' shares of their vote.
    fn head_vote(&self, words: &[String]) -> HeadVote {
        let index = &self.index;
        let head = title::head_phrase(words)
            .last()
            .map_or(NO_WORD, |w| index.id(w));
        let mut title_ids: Vec<u32> = Vec::with_capacity(words.len());
        let mut searched: Vec<u32> = Vec::with_capacity(words.len());
        let mut title_weight = 0.0;
        for w in words {
            let id = index.id(w);
            if id == NO_WORD {
                title_weight += index.unknown_idf;
            } else if !title_ids.contains(&id) {
                title_ids.push(id);
                title_weight += index.idf[id as usize];
                if !STOP_WORDS.contains(&w.as_str()) {
                    searched.push(id);
                }
            }
        }
        // Each title word contributes the first POSTINGS_PER_WORD labels of
        // its postings, which are sorted by (weight, label). A label that
        // also carries an earlier title word and sorts within that word's
        // prefix was already scored: skipping it keeps every label once
        // without a set.
        let mut cutoffs: Vec<(u32, u64)> = Vec::with_capacity(title_ids.len());
        let mut labels: Vec<Similar> = Vec::new();
        for &id in &searched {
            let postings = index.postings_of(id);
            let scanned = &postings[..postings.len().min(POSTINGS_PER_WORD)];
            for &l in scanned {
                let info = index.info[l as usize];
                let words = index.words_of(l);
                if cutoffs
                    .iter()
                    .any(|&(w, cutoff)| index.order_key(l) <= cutoff && words.contains(&w))
                {
                    continue;
                }
                let shared: f32 = title_ids
                    .iter()
                    .filter(|t| words.contains(t))
                    .map(|&t| index.idf[t as usize])
                    .sum();
                let mut similarity = 2.0 * shared / (info.weight + title_weight);
                if info.head != head || head == NO_WORD {
                    similarity *= NON_HEAD_FACTOR;
                }
                labels.push(Similar {
                    label: l,
                    similarity,
                    group: 0,
                });
            }
            cutoffs.push((id, scanned.last().map_or(0, |&l| index.order_key(l))));
        }
        let by_similarity = |a: &Similar, b: &Similar| {
            b.similarity
                .total_cmp(&a.similarity)
                .then(a.label.cmp(&b.label))
        };
        if labels.len() > VOTE_LABELS {
            labels.select_nth_unstable_by(VOTE_LABELS - 1, by_similarity);
            labels.truncate(VOTE_LABELS);
        }
        labels.sort_unstable_by(by_similarity);
        let mut shares: Vec<(IscoUnitGroup, f32)> = Vec::new();
        let mut total = 0.0;
        for s in &mut labels {
            let group = index.info[s.label as usize].group;
            total += s.similarity;
            s.group = match shares.iter().position(|(g, _)| *g == group) {
                Some(at) => {
                    shares[at].1 += s.similarity;
                    at
                }
                None => {
                    shares.push((group, s.similarity));
                    shares.len() - 1
                }
            };
        }
        if total > 0.0 {
            for (_, v) in &mut shares {
                *v /= total;
            }
        }
        HeadVote { labels, shares }
    }
}

/// A match while the readings are being tried: the reading is kept by
/// index, and its phrase written only for the matches returned.
struct Pending {
    occupation: OccupationId,
    kind: MatchKind,
    score: f32,
    label: LabelId,
    variant: usize,
}

/// Keeps the better of `occupation`'s match so far and this one; see
/// [`best_per_occupation`].
fn keep(best: &mut Vec<Pending>, candidate: Pending) {
    best.push(Pending {
        score: candidate.score.clamp(0.0, 1.0),
        ..candidate
    });
}

/// The best match of each occupation among `all`, best first, ties by
/// occupation id; of an occupation's equal scores, the earliest reading
/// and then the lowest label wins.
fn best_per_occupation(mut all: Vec<Pending>) -> Vec<Pending> {
    all.sort_unstable_by(|a, b| {
        a.occupation
            .cmp(&b.occupation)
            .then(b.score.total_cmp(&a.score))
            .then(a.variant.cmp(&b.variant))
            .then(a.label.cmp(&b.label))
    });
    all.dedup_by_key(|m| m.occupation);
    all.sort_unstable_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.occupation.cmp(&b.occupation))
    });
    all
}

/// Lowest recognition score an extracted occupation keeps: below it a
/// title's head noun is too weak to say anything. Measured on the dev
/// postings' titles: at 0.3, 32 % of titles were left without an
/// occupation and top-1 accuracy fell to 0.47; at 0.15, 4 % and 0.54, and
/// the ranking check gained too (a weak guess of the right family is
/// worth more than none).
pub const NAMED_MIN_SCORE: f32 = 0.15;

/// Most occupations kept for one title, best first.
pub const NAMED_MAX: usize = 3;

/// An occupation a document names, as extraction records it: plain data
/// (a posting keeps it in an index file), independent of the loaded set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Named {
    /// The ESCO concept URI.
    pub esco: String,
    /// The ISCO-08 unit group, as a number (0110 is 110).
    pub isco: u16,
    /// ESCO's preferred label.
    pub label: String,
    /// The 1-based line it was read from.
    pub line: usize,
    /// How sure the recognition is, in [0, 1].
    pub score: f32,
    /// How the title matched.
    pub how: MatchKind,
}

impl Named {
    /// The ISCO-08 unit group, four digits.
    pub fn isco_code(&self) -> String {
        format!("{:04}", self.isco)
    }
}

impl Occupations {
    /// The occupations `title` (read on `line`) names, best first: at most
    /// [`NAMED_MAX`], each recognised with at least [`NAMED_MIN_SCORE`].
    pub fn name(&self, title: &str, line: usize) -> Vec<Named> {
        self.recognise(title)
            .into_iter()
            .filter(|m| m.score >= NAMED_MIN_SCORE)
            .take(NAMED_MAX)
            .map(|m| {
                let o = self.get(m.occupation);
                Named {
                    esco: o.uri.clone(),
                    isco: o.isco.number(),
                    label: o.preferred.clone(),
                    line,
                    score: m.score,
                    how: m.kind,
                }
            })
            .collect()
    }

    /// The embedded occupations, loaded once per process on first use;
    /// `None` if they do not load (a build error, caught by the tests).
    pub fn shared() -> Option<&'static Occupations> {
        static SHARED: std::sync::OnceLock<Option<Occupations>> = std::sync::OnceLock::new();
        SHARED.get_or_init(|| Occupations::embedded().ok()).as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn occupations() -> &'static Occupations {
        static SET: OnceLock<Occupations> = OnceLock::new();
        SET.get_or_init(|| Occupations::embedded().expect("embedded set is valid"))
    }

    /// The unit group of the best match, or "" when nothing matched.
    fn best_group(title: &str) -> String {
        let o = occupations();
        o.recognise(title)
            .first()
            .map(|m| o.get(m.occupation).isco.to_string())
            .unwrap_or_default()
    }

    /// Messy titles across sectors and the ISCO-08 group the best match
    /// must fall in: four digits for the unit group, fewer where several
    /// unit groups are defensible or ESCO's labels decide oddly (the
    /// comment says which).
    #[test]
    fn recognises_messy_titles_across_sectors() {
        let cases: &[(&str, &str)] = &[
            // Finance and administration.
            ("Sr. Accountant II", "2411"),
            ("Junior Accountant", "2411"),
            ("Accountant at Acme Bank | Addis Ababa", "2411"),
            ("Bank Teller", "4211"),
            ("Cashier", "5230"),
            ("Part-time Cashier", "5230"),
            ("HR Officer", "2423"),
            ("Procurement Department Manager", "1213"),
            // ESCO gives "sales representative" to commercial sales
            // representatives and to sales account managers.
            ("Sales Representative", "3322"),
            ("Customer Service Representative", "4225"),
            ("Head of Marketing", "1221"),
            ("Export Division Head", "1324"),
            // ICT: a developer may be 2512, 2513 or 2514 (minor group 251).
            ("Java Developer - Pune", "251"),
            ("Backend Developer (m/f/d)", "251"),
            ("Software Engineer", "2512"),
            ("Lead Software Engineer", "2512"),
            ("Data Analyst", "2511"),
            ("IT Support Technician", "3512"),
            // Health.
            ("General Practitioner", "2211"),
            ("Nurse (BSc)", "2221"),
            ("Registered Nurse - ICU", "2221"),
            ("Midwife", "2222"),
            ("Pharmacist", "2262"),
            ("Paediatrician", "2212"),
            ("Physiotherapist", "2264"),
            // ESCO puts radiographers with other health professionals.
            ("Radiographer (Radiology Technologist)", "2269"),
            ("Veterinarian", "2250"),
            // Education: ESCO's many "X teacher" labels of university
            // lecturers outvote secondary teachers for an unknown subject,
            // so only the sub-major group (teaching professionals) holds.
            ("Civics Teacher", "23"),
            ("Primary School Teacher", "2341"),
            ("Kindergarten Teacher", "2342"),
            // Engineering, construction and trades.
            ("Site Engineer", "2142"),
            ("Senior Civil Site Engineer", "2142"),
            ("Industrial Electrician", "7411"),
            ("Electrician II", "7411"),
            ("Mechanic II- Light Vehicle", "7231"),
            ("Welder Level 2", "7212"),
            ("Plumber", "7126"),
            ("Store Keeper", "4321"),
            // Transport: a motorbike driver is 8321 in ISCO, but ESCO's
            // only "motorcycle driver" labels are couriers' and a racer's;
            // the head noun still finds a driver.
            ("Motorbike Drivers", "83"),
            ("Truck Driver (2 positions)", "8332"),
            ("Bus Driver", "8331"),
            // Services and hospitality.
            ("Security Guard", "5414"),
            ("Police Officer", "5412"),
            ("Waiter/Waitress", "5131"),
            ("Head Chef", "3434"),
            ("Hotel Receptionist", "4224"),
            ("Hairdresser", "5141"),
            ("Translator", "2643"),
        ];
        let mut failures = Vec::new();
        for (title, expected) in cases {
            let got = best_group(title);
            if !got.starts_with(expected) {
                failures.push(format!("{title:?}: expected {expected}, got {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn match_kind_says_how_the_title_matched() {
        let o = occupations();
        let cases = [
            ("preferred label", "General Practitioner", MatchKind::Exact),
            ("alternative label", "Site Engineer", MatchKind::Alternative),
            ("O*NET title", "Java Developer", MatchKind::Onet),
            ("head noun", "Civics Teacher", MatchKind::Head),
        ];
        for (name, title, kind) in cases {
            let best = &o.recognise(title)[0];
            assert_eq!(best.kind, kind, "{name}: {title}");
        }
    }

    #[test]
    fn a_match_names_its_label_and_phrase() {
        let o = occupations();
        let best = &o.recognise("Sr. Accountant II")[0];
        assert_eq!(o.label(best.label).text, "accountant");
        assert_eq!(o.label(best.label).occupation, best.occupation);
        assert_eq!(best.phrase, "accountant");
        let head = &o.recognise("Senior Civil Site Engineer")[0];
        assert_eq!(head.phrase, "civil site engineer");
    }

    #[test]
    fn exact_matches_outrank_head_matches() {
        let o = occupations();
        let matches = o.recognise("Radiographer (Radiology Technologist)");
        assert_eq!(matches[0].kind, MatchKind::Exact);
        assert!(matches[1..].iter().all(|m| m.score < matches[0].score));
        assert!(matches
            .iter()
            .filter(|m| m.kind == MatchKind::Head)
            .all(|m| m.score <= HEAD_MAX_SCORE));
    }

    #[test]
    fn nothing_fits_gives_no_match() {
        let o = occupations();
        for title in ["", "   ", "Qwxz Blorp", "(2 positions)", "Sr.", "m/f/d"] {
            assert!(o.recognise(title).is_empty(), "{title:?}");
        }
    }

    #[test]
    fn rare_words_outweigh_common_ones() {
        let o = occupations();
        let index = &o.index;
        let idf = |w: &str| index.idf[index.id(w) as usize];
        assert!(idf("radiographer") > idf("assistant"));
        assert!(idf("assistant") > idf("and"));
    }

    #[test]
    fn exact_lookup_finds_every_label_by_its_own_words() {
        let o = occupations();
        let mut hits = Vec::new();
        for l in (0..o.label_count()).step_by(97) {
            let words = title::words(o.label(LabelId(l as u32)).text);
            hits.clear();
            o.index.exact(&words, &mut hits);
            assert!(hits.contains(&(l as u32)), "label {l}: {words:?}");
        }
    }

    proptest! {
        #[test]
        fn matches_are_ranked_unique_and_scored_in_range(title in "[A-Za-z ./()|,&-]{0,40}") {
            let matches = occupations().recognise(&title);
            prop_assert!(matches.len() <= MAX_MATCHES);
            for pair in matches.windows(2) {
                prop_assert!(pair[0].score >= pair[1].score);
            }
            let mut ids: Vec<_> = matches.iter().map(|m| m.occupation).collect();
            ids.sort();
            ids.dedup();
            prop_assert_eq!(ids.len(), matches.len());
            for m in &matches {
                prop_assert!((MIN_SCORE..=1.0).contains(&m.score));
            }
        }

        #[test]
        fn recognition_is_deterministic(title in "\\PC{0,30}") {
            let o = occupations();
            prop_assert_eq!(o.recognise(&title), o.recognise(&title));
        }
    }
}
