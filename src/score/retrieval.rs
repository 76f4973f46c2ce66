//! Candidate retrieval: the best postings for one candidate without
//! explaining every posting.
//!
//! [`PostingIndex`] keeps, for every posting, only what its score depends
//! on (each assessable requirement's weight, skills, years and degree),
//! flat in a few arrays, plus an inverted index from each skill to the
//! postings that ask for it. A candidate's best `k` postings are then found
//! in two passes:
//!
//! 1. **Shared skills.** Every posting that asks for a skill the candidate
//!    answers ([`CandidateProfile::reached`]: the skill, a more general or
//!    more specific one, or a related one) is scored.
//! 2. **No shared skill.** Such a posting can still score through its
//!    experience and education requirements, but its fit is never more
//!    than its *bound*: the fit of score `100 × B / (S + B)` with evidence
//!    `S + B × years_and_degree_evidence`, where `B` weighs its experience
//!    and education requirements and `S` its skill requirements (every
//!    skill credit is 0; fewer assessed ones only lower it). Those
//!    postings are visited by bound, highest first, and scored until the
//!    bound falls below the `k`-th fit so far.
//!
//! The scores are the ones [`explain`](crate::explain::explain) computes,
//! to the bit (same credits, same weights, summed in the same order; a
//! property test checks it), so the top `k` is exactly the top `k` of the
//! full ranking, ties broken by posting order.

mod headroom;
pub(crate) mod presized;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::extract::posting::{Posting, RequirementKind, Section};
use crate::extract::resume::Candidate;
use crate::extract::DegreeLevel;
use crate::taxonomy::{SkillId, Taxonomy};

use super::credit::{credit, names_only_soft_skills, weight_of, Need, Status};
use super::formula::{self, is_missing_required, Part, Tally};
use super::profile::{CandidateProfile, Reach};
use super::repeats::repeated_requirements;
use super::role::{in_field, role_fit_with_norms};
use super::top_k::{by_score, TopK};
use super::weights::Weights;
use crate::occupation::profile::{is_sorted, minor_group, norm_squared};
use rustc_hash::FxHashMap;
use std::sync::Arc;

pub use headroom::Headroom;

/// Below this many postings to score, one candidate's postings are scored
/// on one thread; above it, in chunks of this size in parallel.
pub const PARALLEL_CHUNK: usize = 8192;

/// How far a bound may sit below the `k`-th fit and still be visited:
/// a margin for rounding, so that no posting that could tie is skipped.
const BOUND_MARGIN: f64 = 1e-9;

/// What one assessable requirement needs for its credit, as stored: the
/// [`Need`] with its skills as ranges of the table's skill list.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
enum StoredNeed {
    /// Any of `skills[from..to]`, with these years.
    Skill {
        from: u32,
        to: u32,
        years: Option<f32>,
    },
    /// Years of experience in all.
    Experience { min: Option<f32>, max: Option<f32> },
    /// A degree of at least `level`, in one of `skills[from..to]` if any.
    Education {
        level: DegreeLevel,
        or_equivalent: bool,
        from: u32,
        to: u32,
    },
}

impl StoredNeed {
    /// The need, its skill ranges read from `skills` (the table's list,
    /// checked to hold them).
    fn as_need<'a>(&self, skills: &'a [SkillId]) -> Need<'a> {
        let range = |from: u32, to: u32| &skills[from as usize..to as usize];
        match *self {
            StoredNeed::Skill { from, to, years } => Need::Skill {
                any_of: range(from, to),
                years,
            },
            StoredNeed::Experience { min, max } => Need::Experience { min, max },
            StoredNeed::Education {
                level,
                or_equivalent,
                from,
                to,
            } => Need::Education {
                level,
                or_equivalent,
                fields: range(from, to),
            },
        }
    }
}

/// One assessable requirement as stored: what its weight depends on
/// besides the weights (its section, and whether it names only soft
/// skills), and its need.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
struct TableRow {
    need: StoredNeed,
    section: Section,
    soft_only: bool,
}

impl TableRow {
    /// The part the requirement plays: [`Part::of`] its need.
    fn part(&self) -> Part {
        match self.need {
            StoredNeed::Experience { min, .. } if !min.is_some_and(|m| m > 0.0) => Part::Ceiling,
            StoredNeed::Experience { .. } | StoredNeed::Education { .. } => Part::Background,
            StoredNeed::Skill { .. } => Part::Skill,
        }
    }
}

/// `section`'s place in [`Section::ALL`], where the weights by section are.
fn section_number(section: Section) -> usize {
    match section {
        Section::Required => 0,
        Section::Preferred => 1,
        Section::Responsibility => 2,
    }
}

/// What scoring needs from a list of postings, without the weights: each
/// assessable requirement's need, section and soft-skill flag (repeats
/// left out), flat. Small, and independent of the weights, so an index file
/// stores it and a run with any `--weights` builds a [`PostingIndex`] from
/// it without decoding the postings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PostingTable {
    /// Posting `p`'s requirements are `rows[row_start[p]..row_start[p + 1]]`.
    #[serde(deserialize_with = "presized::deserialize")]
    rows: Vec<TableRow>,
    #[serde(deserialize_with = "presized::deserialize")]
    row_start: Vec<u32>,
    /// The skills the requirements name.
    #[serde(deserialize_with = "presized::deserialize")]
    skills: Vec<SkillId>,
    /// Each posting's occupation profile, as role fit compares it.
    #[serde(deserialize_with = "presized::deserialize")]
    occupations: Vec<Vec<(u16, f32)>>,
}

impl PostingTable {
    /// The table of no posting.
    pub fn empty() -> Self {
        PostingTable {
            row_start: vec![0],
            ..PostingTable::default()
        }
    }

    /// The table of `postings`, extracted with `taxonomy`.
    pub fn new(taxonomy: &Taxonomy, postings: &[Posting]) -> Self {
        let mut table = PostingTable {
            rows: Vec::new(),
            row_start: Vec::with_capacity(postings.len() + 1),
            skills: Vec::new(),
            occupations: Vec::with_capacity(postings.len()),
        };
        table.row_start.push(0);
        for posting in postings {
            table.push(taxonomy, posting);
        }
        table
    }

    /// Adds one posting.
    pub fn push(&mut self, taxonomy: &Taxonomy, posting: &Posting) {
        if self.row_start.is_empty() {
            self.row_start.push(0);
        }
        let repeats = repeated_requirements(posting);
        for (r, repeat) in posting.requirements.iter().zip(repeats) {
            if repeat.is_some() {
                continue;
            }
            let mut range = |skills: &[SkillId]| {
                let from = self.skills.len() as u32;
                self.skills.extend_from_slice(skills);
                (from, self.skills.len() as u32)
            };
            let need = match Need::of(r) {
                Need::Skill { any_of, years } => {
                    let (from, to) = range(any_of);
                    StoredNeed::Skill { from, to, years }
                }
                Need::Experience { min, max } => StoredNeed::Experience { min, max },
                Need::Education {
                    level,
                    or_equivalent,
                    fields,
                } => {
                    let (from, to) = range(fields);
                    StoredNeed::Education {
                        level,
                        or_equivalent,
                        from,
                        to,
                    }
                }
                Need::Nothing { .. } => continue,
            };
            self.rows.push(TableRow {
                need,
                section: r.section,
                soft_only: names_only_soft_skills(taxonomy, r),
            });
        }
        self.row_start.push(self.rows.len() as u32);
        self.occupations.push(posting.profile.vector());
    }

    /// Adds the postings of `other` after these: what building a table
    /// in parallel pieces needs.
    pub fn append(&mut self, other: PostingTable) {
        if self.row_start.is_empty() {
            self.row_start.push(0);
        }
        let (rows, skills) = (self.rows.len() as u32, self.skills.len() as u32);
        self.rows.extend(other.rows.into_iter().map(|mut r| {
            if let StoredNeed::Skill { from, to, .. } | StoredNeed::Education { from, to, .. } =
                &mut r.need
            {
                *from += skills;
                *to += skills;
            }
            r
        }));
        self.row_start
            .extend(other.row_start.iter().skip(1).map(|&s| s + rows));
        self.skills.extend(other.skills);
        self.occupations.extend(other.occupations);
    }

    /// Number of postings.
    pub fn len(&self) -> usize {
        self.row_start.len().saturating_sub(1)
    }

    /// Whether the table holds no posting.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Checks that every range lies inside the table and every skill is
    /// one of `skills` skills: a table read from a file is checked before
    /// anything indexes with it.
    pub fn check(&self, skills: usize) -> Result<(), String> {
        if self.row_start.first().is_some_and(|&s| s != 0)
            || self.row_start.windows(2).any(|w| w[0] > w[1])
            || self
                .row_start
                .last()
                .is_some_and(|&s| s as usize != self.rows.len())
        {
            return Err("the requirement ranges are out of order".into());
        }
        if self.occupations.len() != self.len() {
            return Err("the occupations do not match the postings".into());
        }
        // Role fit reads them sorted by group, as a profile gives them.
        if !self.occupations.iter().all(|o| is_sorted(o)) {
            return Err("an occupation profile is out of order".into());
        }
        if let Some(s) = self.skills.iter().find(|s| s.index() >= skills) {
            return Err(format!(
                "skill number {} is beyond the taxonomy's {skills}",
                s.0
            ));
        }
        let in_range = |from: u32, to: u32| from <= to && (to as usize) <= self.skills.len();
        let ok = self.rows.iter().all(|r| match r.need {
            StoredNeed::Skill { from, to, .. } | StoredNeed::Education { from, to, .. } => {
                in_range(from, to)
            }
            StoredNeed::Experience { .. } => true,
        });
        if ok {
            Ok(())
        } else {
            Err("a skill range is out of bounds".into())
        }
    }
}

/// A set of skills of one taxonomy, one bit each: what
/// [`PostingIndex::fit_with`] asks of every skill a requirement names.
#[derive(Debug, Clone, Default)]
pub struct SkillSet {
    bits: Vec<u64>,
}

impl SkillSet {
    /// The set of `skills`.
    pub fn of(skills: impl IntoIterator<Item = SkillId>) -> Self {
        let mut set = SkillSet::default();
        for s in skills {
            let (word, bit) = (s.index() / 64, s.index() % 64);
            if set.bits.len() <= word {
                set.bits.resize(word + 1, 0);
            }
            set.bits[word] |= 1 << bit;
        }
        set
    }

    /// Is `skill` in the set?
    pub fn contains(&self, skill: SkillId) -> bool {
        let (word, bit) = (skill.index() / 64, skill.index() % 64);
        self.bits.get(word).is_some_and(|w| w & (1 << bit) != 0)
    }
}

/// One candidate's credits on every posting of a [`PostingIndex`]: what
/// [`PostingIndex::fit_with`] reuses.
#[derive(Debug, Clone)]
pub struct BaseCredits {
    /// By requirement, in the index's order; `None` when not assessed.
    credits: Vec<Option<f64>>,
    /// By posting: the role-fit credit, when assessed.
    role: Vec<Option<f64>>,
    /// By posting: the sums its score and fit are read from.
    tallies: Vec<Tally>,
}

impl BaseCredits {
    /// The tally of posting `p`: equal to [`PostingIndex::tally`] on the
    /// same profile.
    pub fn tally(&self, p: usize) -> Tally {
        self.tallies[p]
    }

    /// The fit of posting `p`: equal to [`PostingIndex::fit`] on the same
    /// profile.
    pub fn fit(&self, index: &PostingIndex, p: usize) -> f64 {
        self.tallies[p].fit(&index.weights)
    }
}

/// A chunk of postings' bounds, and the (skill, posting) pairs of the
/// skills they ask for, in posting order.
type BoundsAndAsks = (Vec<f64>, Vec<(SkillId, u32)>);

/// Postings whose credits [`PostingIndex::base_credits`] works out per
/// task: large enough that a task outweighs its scheduling, small enough to
/// share the work between threads.
const CREDITS_CHUNK: usize = 2048;

/// Postings prepared for scoring and retrieval (see the module documentation).
#[derive(Debug, Clone)]
pub struct PostingIndex {
    weights: Weights,
    fingerprint: u64,
    reach: Reach,
    /// The requirements, their skills and the postings' occupation
    /// profiles, shared with the index file they were read from.
    table: Arc<PostingTable>,
    /// The weight of a requirement by section and whether it names only
    /// soft skills ([`weight_of`]), worked out once.
    row_weights: [[f64; 2]; 3],
    /// The postings' occupation profiles, all in one list (posting `p`'s
    /// are `occupation_entries[occupation_start[p]..occupation_start[p +
    /// 1]]`), so that scoring postings in order reads them in order.
    occupation_entries: Vec<(u16, f32)>,
    occupation_start: Vec<u32>,
    /// The squared norm of each posting's occupation profile, as role fit
    /// divides by it.
    occupation_norms: Vec<f64>,
    /// The postings asking for skill `s`, ascending:
    /// `by_skill[by_skill_start[s]..by_skill_start[s + 1]]`.
    by_skill_start: Vec<u32>,
    by_skill: Vec<u32>,
    /// Postings by the ISCO-08 minor groups (unit group / 10) of their
    /// profile: the only ones role fit can credit.
    by_minor_group: FxHashMap<u16, Vec<u32>>,
    /// The highest fit each posting can give a candidate who answers none
    /// of the skills it asks for and holds no occupation near its own.
    bound: Vec<f64>,
    /// Posting indexes by bound, highest first, then by index.
    by_bound: Vec<u32>,
}

impl PostingIndex {
    /// Prepares `postings` (extracted with `taxonomy`) for scoring with
    /// `weights`.
    pub fn new(taxonomy: &Taxonomy, postings: &[Posting], weights: &Weights) -> Self {
        Self::from_table(
            taxonomy,
            Arc::new(PostingTable::new(taxonomy, postings)),
            weights,
        )
    }

    /// Prepares the postings of `table` (built with `taxonomy`, and
    /// [checked](PostingTable::check) if read from a file) for scoring with
    /// `weights`.
    pub fn from_table(taxonomy: &Taxonomy, table: Arc<PostingTable>, weights: &Weights) -> Self {
        let row_weights = Section::ALL
            .map(|section| [false, true].map(|soft_only| weight_of(section, soft_only, weights)));
        let weight =
            |r: &TableRow| row_weights[section_number(r.section)][usize::from(r.soft_only)];
        let PostingTable {
            rows,
            row_start,
            skills,
            occupations,
        } = &*table;
        let postings = row_start.len().saturating_sub(1);
        // Each posting's bound and the skills it asks for, a chunk of
        // postings per task, put together in posting order.
        let chunks: Vec<BoundsAndAsks> = (0..postings.div_ceil(CREDITS_CHUNK))
            .into_par_iter()
            .map(|c| {
                let range = c * CREDITS_CHUNK..((c + 1) * CREDITS_CHUNK).min(postings);
                let mut bound = Vec::with_capacity(range.len());
                let mut asks = Vec::new();
                let mut asked: Vec<SkillId> = Vec::new();
                for p in range {
                    let (mut skill_weight, mut other_weight) = (0.0, 0.0);
                    asked.clear();
                    for s in &rows[row_start[p] as usize..row_start[p + 1] as usize] {
                        if let StoredNeed::Skill { from, to, .. }
                        | StoredNeed::Education { from, to, .. } = s.need
                        {
                            asked.extend_from_slice(&skills[from as usize..to as usize]);
                        }
                        match s.part() {
                            Part::Skill | Part::Role => skill_weight += weight(s),
                            Part::Background => other_weight += weight(s),
                            Part::Ceiling => {}
                        }
                    }
                    // A candidate whose occupations are not near this
                    // posting's earns 0 for role fit; it is not assessed
                    // for one who names none. The bound is the better of
                    // the two.
                    let evidence = skill_weight + other_weight * weights.years_and_degree_evidence;
                    let mut best = formula::fit(
                        formula::score(other_weight, skill_weight + other_weight),
                        evidence,
                        weights.confidence_prior,
                    );
                    if occupations.get(p).is_some_and(|o| !o.is_empty()) {
                        let role = weights.role;
                        best = best.max(formula::fit(
                            formula::score(other_weight, skill_weight + other_weight + role),
                            evidence + role,
                            weights.confidence_prior,
                        ));
                    }
                    bound.push(best);
                    asked.sort_unstable();
                    asked.dedup();
                    asks.extend(asked.iter().map(|&s| (s, p as u32)));
                }
                (bound, asks)
            })
            .collect();
        let mut bound = Vec::with_capacity(postings);
        let mut asks: Vec<(SkillId, u32)> = Vec::new();
        for (b, a) in chunks {
            bound.extend(b);
            asks.extend(a);
        }
        // Postings by skill: `asks` is in posting order, so each list is too.
        let n = taxonomy.len();
        let mut by_skill_start = vec![0u32; n + 1];
        for &(s, _) in &asks {
            by_skill_start[s.index() + 1] += 1;
        }
        for i in 0..n {
            by_skill_start[i + 1] += by_skill_start[i];
        }
        let mut next = by_skill_start.clone();
        let mut by_skill = vec![0u32; asks.len()];
        for &(s, p) in &asks {
            let at = &mut next[s.index()];
            by_skill[*at as usize] = p;
            *at += 1;
        }
        let mut by_minor_group: FxHashMap<u16, Vec<u32>> = FxHashMap::default();
        for (p, profile) in occupations.iter().enumerate() {
            let mut minors: Vec<u16> = profile.iter().map(|&(g, _)| minor_group(g)).collect();
            minors.dedup();
            for m in minors {
                by_minor_group.entry(m).or_default().push(p as u32);
            }
        }
        let mut by_bound: Vec<u32> = (0..postings as u32).collect();
        // A total order (no two postings compare equal): the same on any
        // number of threads.
        by_bound.par_sort_unstable_by(|&a, &b| {
            bound[b as usize]
                .total_cmp(&bound[a as usize])
                .then(a.cmp(&b))
        });
        PostingIndex {
            weights: *weights,
            fingerprint: taxonomy.fingerprint(),
            reach: Reach::new(taxonomy),
            occupation_norms: occupations
                .par_iter()
                .map(|o| norm_squared(o, weights.same_minor_group))
                .collect(),
            occupation_entries: occupations.iter().flatten().copied().collect(),
            occupation_start: std::iter::once(0)
                .chain(occupations.iter().scan(0u32, |at, o| {
                    *at += o.len() as u32;
                    Some(*at)
                }))
                .collect(),
            table,
            row_weights,
            by_skill_start,
            by_skill,
            bound,
            by_bound,
            by_minor_group,
        }
    }

    /// Posting `p`'s requirements, and where they start in the table.
    fn rows(&self, p: usize) -> (usize, &[TableRow]) {
        let from = self.table.row_start[p] as usize;
        let to = self.table.row_start[p + 1] as usize;
        (from, &self.table.rows[from..to])
    }

    /// The weight of requirement `row` when assessed.
    fn weight(&self, row: &TableRow) -> f64 {
        self.row_weights[section_number(row.section)][usize::from(row.soft_only)]
    }

    /// Number of postings.
    pub fn len(&self) -> usize {
        self.bound.len()
    }

    /// Whether the index holds no posting.
    pub fn is_empty(&self) -> bool {
        self.bound.is_empty()
    }

    /// The weights the index scores with.
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// Prepares `candidate` for scoring against these postings.
    pub fn profile(&self, taxonomy: &Taxonomy, candidate: &Candidate) -> CandidateProfile {
        debug_assert_eq!(taxonomy.fingerprint(), self.fingerprint);
        CandidateProfile::new(taxonomy, &self.reach, candidate, &self.weights)
    }

    /// The sums posting `p`'s score and fit are read from, for the
    /// candidate of `profile`: the explanation's, to the bit.
    pub fn tally(&self, profile: &CandidateProfile, p: usize) -> Tally {
        let mut tally = Tally::default();
        let role = self.role_credit(profile, p);
        self.credits_indexed(profile, p, role, |_, s, credit| {
            tally.add(s.part(), self.weight(s), credit, &self.weights);
        });
        // Role fit last, as the explanation adds it.
        if let Some(credit) = role {
            tally.add(Part::Role, self.weights.role, credit, &self.weights);
        }
        tally
    }

    /// Role fit's credit on posting `p` for the candidate of `profile`
    /// ([`role_fit`](super::role::role_fit), with the norms kept).
    fn role_credit(&self, profile: &CandidateProfile, p: usize) -> Option<f64> {
        role_fit_with_norms(
            &self.occupation_entries
                [self.occupation_start[p] as usize..self.occupation_start[p + 1] as usize],
            self.occupation_norms[p],
            profile.occupation(),
            profile.occupation_norm(),
            &self.weights,
        )
    }

    /// The fit of posting `p` for the candidate of `profile`: what
    /// rankings sort by, equal to its explanation's `fit` to the bit.
    pub fn fit(&self, profile: &CandidateProfile, p: usize) -> f64 {
        self.tally(profile, p).fit(&self.weights)
    }

    /// Every requirement's credit and every posting's role-fit credit for
    /// the candidate of `profile`, kept so that the same candidate with one
    /// more skill can be scored again without evaluating what that skill
    /// cannot change ([`fit_with`](Self::fit_with)).
    pub fn base_credits(&self, profile: &CandidateProfile) -> BaseCredits {
        let postings = self.len();
        let mut credits = vec![None; self.table.rows.len()];
        let mut role = vec![None; postings];
        let mut tallies = vec![Tally::default(); postings];
        // Every chunk of postings owns its stretch of the three lists.
        let mut chunks = Vec::new();
        let (mut rest_credits, mut rest_role, mut rest_tallies) = (
            credits.as_mut_slice(),
            role.as_mut_slice(),
            tallies.as_mut_slice(),
        );
        for first in (0..postings).step_by(CREDITS_CHUNK) {
            let end = (first + CREDITS_CHUNK).min(postings);
            let rows = (self.table.row_start[end] - self.table.row_start[first]) as usize;
            let (c, cs) = std::mem::take(&mut rest_credits).split_at_mut(rows);
            let (r, rs) = std::mem::take(&mut rest_role).split_at_mut(end - first);
            let (t, ts) = std::mem::take(&mut rest_tallies).split_at_mut(end - first);
            (rest_credits, rest_role, rest_tallies) = (cs, rs, ts);
            chunks.push((first, c, r, t));
        }
        chunks
            .into_par_iter()
            .for_each(|(first, credits, role, tallies)| {
                let base = self.table.row_start[first] as usize;
                for (i, (role, tally)) in role.iter_mut().zip(tallies.iter_mut()).enumerate() {
                    let p = first + i;
                    *role = self.role_credit(profile, p);
                    self.credits_indexed(profile, p, *role, |r, _, credit| {
                        credits[r - base] = Some(credit);
                    });
                    let (from, rows) = self.rows(p);
                    *tally = self.tally_of(rows, &credits[from - base..], *role);
                }
            });
        BaseCredits {
            credits,
            role,
            tallies,
        }
    }

    /// The tally of requirements `rows` credited `credits`, role fit
    /// credited `role`: added in posting order, role fit last, as
    /// [`tally`](Self::tally) adds them.
    fn tally_of(&self, rows: &[TableRow], credits: &[Option<f64>], role: Option<f64>) -> Tally {
        let mut tally = Tally::default();
        for (s, credit) in rows.iter().zip(credits) {
            if let Some(credit) = *credit {
                tally.add(s.part(), self.weight(s), credit, &self.weights);
            }
        }
        if let Some(credit) = role {
            tally.add(Part::Role, self.weights.role, credit, &self.weights);
        }
        tally
    }

    /// The fit of posting `p` for a candidate that differs from the one of
    /// `base` only by skills whose answers are `changed` (the `reached` of a
    /// profile of the new skills alone, and what they hold), scored on `with`,
    /// the changed candidate's profile. A requirement naming none of
    /// `changed` keeps its credit from `base`; the others are evaluated
    /// on `with`; the tally then adds them in posting order, role fit
    /// last, as [`fit`](Self::fit) does, so the result equals `fit(with,
    /// p)` to the bit. The candidate's occupation reading and years must
    /// be the same in both (a skill added as a fact).
    pub fn fit_with(
        &self,
        base: &BaseCredits,
        with: &CandidateProfile,
        changed: &SkillSet,
        p: usize,
    ) -> f64 {
        let (from, rows) = self.rows(p);
        let mut tally = Tally::default();
        for (i, s) in rows.iter().enumerate() {
            let names_changed = |a: u32, b: u32| {
                self.table.skills[a as usize..b as usize]
                    .iter()
                    .any(|&k| changed.contains(k))
            };
            let affected = match s.need {
                StoredNeed::Skill { from, to, .. } | StoredNeed::Education { from, to, .. } => {
                    names_changed(from, to)
                }
                StoredNeed::Experience { .. } => false,
            };
            let credit = if affected {
                credit(s.need.as_need(&self.table.skills), with, &self.weights)
            } else {
                base.credits[from + i]
            };
            if let Some(credit) = credit {
                tally.add(s.part(), self.weight(s), credit, &self.weights);
            }
        }
        if let Some(credit) = base.role[p] {
            tally.add(Part::Role, self.weights.role, credit, &self.weights);
        }
        tally.fit(&self.weights)
    }

    /// The first alternative of each required skill requirement of posting
    /// `p` that the candidate misses, each once, in posting order, added
    /// to `out`: the explanation's `missing_required`, before soft skills
    /// are put last.
    pub fn missing_required(&self, profile: &CandidateProfile, p: usize, out: &mut Vec<SkillId>) {
        self.credits(profile, p, |s, credit| self.note_missing(s, credit, out));
    }

    /// [`missing_required`](Self::missing_required) from the kept credits
    /// of `base`: the same list.
    pub fn missing_required_of(&self, base: &BaseCredits, p: usize, out: &mut Vec<SkillId>) {
        let (from, rows) = self.rows(p);
        for (s, credit) in rows.iter().zip(&base.credits[from..]) {
            if let Some(credit) = *credit {
                self.note_missing(s, credit, out);
            }
        }
    }

    /// Adds the first alternative of `s` to `out` if `s` is a required skill
    /// requirement credited nothing and it is not there yet.
    fn note_missing(&self, s: &TableRow, credit: f64, out: &mut Vec<SkillId>) {
        if let StoredNeed::Skill { from, .. } = s.need {
            let first = self.table.skills[from as usize];
            let status = Status::of_credit(credit);
            if is_missing_required(s.section, RequirementKind::Skill, status)
                && !out.contains(&first)
            {
                out.push(first);
            }
        }
    }

    /// The postings that ask for any of `skills` (as an alternative or a
    /// field of study), ascending.
    pub fn postings_asking(&self, skills: &[SkillId]) -> Vec<usize> {
        let mut out = Vec::new();
        self.postings_asking_into(skills, &mut out);
        out
    }

    /// [`postings_asking`](Self::postings_asking) into `out` (cleared
    /// first), so a caller asking many times reuses one buffer.
    pub fn postings_asking_into(&self, skills: &[SkillId], out: &mut Vec<usize>) {
        out.clear();
        out.extend(skills.iter().flat_map(|s| {
            let i = s.index();
            let (a, b) = (self.by_skill_start[i], self.by_skill_start[i + 1]);
            self.by_skill[a as usize..b as usize]
                .iter()
                .map(|&p| p as usize)
        }));
        out.sort_unstable();
        out.dedup();
    }

    /// Calls `visit` with each assessed requirement of posting `p` and its
    /// credit by the rules ([`evaluate`]) on the profile, in posting order.
    /// Years of experience are scaled to the share of the candidate's work
    /// in the posting's field, as the explanation scales them.
    fn credits(&self, profile: &CandidateProfile, p: usize, mut visit: impl FnMut(&TableRow, f64)) {
        let role = self.role_credit(profile, p);
        self.credits_indexed(profile, p, role, |_, s, credit| visit(s, credit));
    }

    /// [`credits`](Self::credits), with each requirement's index in the
    /// table, given role fit's credit on the posting (`role`).
    fn credits_indexed(
        &self,
        profile: &CandidateProfile,
        p: usize,
        role: Option<f64>,
        mut visit: impl FnMut(usize, &TableRow, f64),
    ) {
        let (from, rows) = self.rows(p);
        for (i, s) in rows.iter().enumerate() {
            let need = s.need.as_need(&self.table.skills);
            if let Some(mut credit) = credit(need, profile, &self.weights) {
                if matches!(s.need, StoredNeed::Experience { .. }) && s.part() == Part::Background {
                    if let Some(share) = in_field(role) {
                        credit *= share;
                    }
                }
                visit(from + i, s, credit);
            }
        }
    }

    /// Every posting for the candidate of `profile`, best first, as
    /// (score, posting index); equal scores in posting order.
    pub fn rank_all(&self, profile: &CandidateProfile) -> Vec<(f64, usize)> {
        let mut all: Vec<(f64, usize)> = (0..self.len())
            .into_par_iter()
            .map(|p| (self.fit(profile, p), p))
            .collect();
        all.sort_by(|a, b| by_score(a.0, a.1, b.0, b.1));
        all
    }

    /// The `k` best postings for the candidate of `profile`, best first, as
    /// (score, posting index); equal scores in posting order. Exactly the
    /// first `k` of [`rank_all`](Self::rank_all).
    pub fn top(&self, profile: &CandidateProfile, k: usize) -> Vec<(f64, usize)> {
        let mut seen = vec![false; self.len()];
        // Postings near an occupation the candidate reads as: role fit
        // may credit them whatever skills they share.
        let mut minors: Vec<u16> = profile
            .occupation()
            .iter()
            .map(|&(g, _)| minor_group(g))
            .collect();
        minors.dedup();
        for m in minors {
            for &p in self.by_minor_group.get(&m).into_iter().flatten() {
                seen[p as usize] = true;
            }
        }
        for &skill in profile.reached() {
            let i = skill.index();
            let (a, b) = (self.by_skill_start[i], self.by_skill_start[i + 1]);
            for &p in &self.by_skill[a as usize..b as usize] {
                seen[p as usize] = true;
            }
        }
        // In posting order, so that scoring walks the table front to back
        // (a third faster than in the order the lists gave them, at
        // 100,000 postings); the top k does not depend on the order.
        let shared: Vec<usize> = (0..self.len()).filter(|&p| seen[p]).collect();
        let score_all = |ps: &[usize]| {
            let mut best = TopK::new(k);
            for &p in ps {
                best.offer(self.fit(profile, p), p, ());
            }
            best
        };
        let mut best = if shared.len() > PARALLEL_CHUNK {
            shared.par_chunks(PARALLEL_CHUNK).map(score_all).reduce(
                || TopK::new(k),
                |mut a, b| {
                    for (s, p, ()) in b.into_sorted() {
                        a.offer(s, p, ());
                    }
                    a
                },
            )
        } else {
            score_all(&shared)
        };
        for &p in &self.by_bound {
            let p = p as usize;
            if !best.would_keep(self.bound[p] + BOUND_MARGIN, 0) {
                break;
            }
            if !seen[p] {
                best.offer(self.fit(profile, p), p, ());
            }
        }
        best.into_sorted()
            .into_iter()
            .map(|(s, p, ())| (s, p))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::explain;
    use crate::extract::posting::Section;
    use crate::score::fixtures::{
        candidate, education_req, experience_req, posting, skill_req, taxonomy,
    };

    #[test]
    fn postings_without_a_shared_skill_still_rank_by_their_bound() {
        let t = taxonomy();
        let w = Weights::default();
        let fit = |score: f64, evidence: f64| formula::fit(score, evidence, w.confidence_prior);
        let background = w.years_and_degree_evidence;
        let postings = vec![
            // Shares Java.
            posting(
                "java",
                vec![skill_req(Section::Required, &["java", "go"], None)],
            ),
            // Shares nothing; a degree alone: score 100, but little evidence.
            posting(
                "degree",
                vec![education_req(DegreeLevel::Bachelor, &[], false)],
            ),
            // Shares nothing: score 50 (experience met), some evidence.
            posting(
                "years",
                vec![
                    skill_req(Section::Required, &["kubernetes"], None),
                    experience_req(2.0),
                ],
            ),
            // Shares nothing, bound 0.
            posting(
                "docker",
                vec![skill_req(Section::Required, &["docker"], None)],
            ),
        ];
        let index = PostingIndex::new(t, &postings, &w);
        let (java, degree, years) = (
            fit(100.0, 1.0),
            fit(100.0, background),
            fit(50.0, 1.0 + background),
        );
        assert_eq!(index.bound, [0.0, degree, years, 0.0]);
        let c = candidate(&[("java", None)], Some(3.0), Some(DegreeLevel::Bachelor));
        let cases = [
            (1, vec![(java, 0)]),
            (2, vec![(java, 0), (years, 2)]),
            (3, vec![(java, 0), (years, 2), (degree, 1)]),
            (9, vec![(java, 0), (years, 2), (degree, 1), (0.0, 3)]),
        ];
        for (k, want) in cases {
            assert_eq!(index.top(&index.profile(t, &c), k), want, "k = {k}");
        }
        for (p, posting) in postings.iter().enumerate() {
            let profile = index.profile(t, &c);
            let e = explain(t, posting, &c, &w);
            assert_eq!(index.fit(&profile, p).to_bits(), e.fit.to_bits());
            assert_eq!(
                index.tally(&profile, p).score().to_bits(),
                e.score.to_bits()
            );
        }
    }

    #[test]
    fn a_table_with_unknown_skills_or_bad_ranges_is_refused() {
        let t = taxonomy();
        let postings = vec![posting(
            "java",
            vec![skill_req(Section::Required, &["java", "go"], None)],
        )];
        let good = PostingTable::new(t, &postings);
        assert_eq!(good.check(t.len()), Ok(()));
        let mut unknown = good.clone();
        unknown.skills[1] = SkillId(t.len() as u32);
        assert!(unknown
            .check(t.len())
            .is_err_and(|e| e.contains("beyond the taxonomy")));
        let mut range = good.clone();
        range.rows[0].need = StoredNeed::Skill {
            from: 0,
            to: 9,
            years: None,
        };
        assert!(range
            .check(t.len())
            .is_err_and(|e| e.contains("out of bounds")));
        let mut order = good;
        order.row_start = vec![0, 5];
        assert!(order
            .check(t.len())
            .is_err_and(|e| e.contains("out of order")));
    }

    mod properties {
        use proptest::prelude::*;

        use super::*;
        use crate::score::fixtures::strategies::{candidate_any, posting_of, weights};

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(128))]

            #[test]
            fn scores_and_top_k_equal_the_full_explanation(
                postings in proptest::collection::vec(posting_of(8), 0..24),
                candidate in candidate_any(),
                weights in weights(),
                k in 0usize..30,
            ) {
                let t = taxonomy();
                let index = PostingIndex::new(t, &postings, &weights);
                let profile = index.profile(t, &candidate);
                let full: Vec<f64> = postings
                    .iter()
                    .map(|p| explain(t, p, &candidate, &weights).fit)
                    .collect();
                for (p, want) in full.iter().enumerate() {
                    let got = index.fit(&profile, p);
                    prop_assert_eq!(got.to_bits(), want.to_bits(), "posting {}", p);
                }
                let mut order: Vec<usize> = (0..postings.len()).collect();
                order.sort_by(|&a, &b| full[b].total_cmp(&full[a]).then(a.cmp(&b)));
                let want: Vec<(u64, usize)> = order
                    .into_iter()
                    .take(k)
                    .map(|p| (full[p].to_bits(), p))
                    .collect();
                let got: Vec<(u64, usize)> = index
                    .top(&profile, k)
                    .into_iter()
                    .map(|(s, p)| (s.to_bits(), p))
                    .collect();
                prop_assert_eq!(got, want);
            }
        }
    }
}
