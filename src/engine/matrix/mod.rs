//! Any-to-any at scale: for every ordered pair of endpoints, whether traffic goes and comes
//! back, as a bit matrix, with the same answers as the `reachable` of [`analyze`]'s pairs.
//!
//! [`analyze`] explains every pair (the path that breaks the fewest rules, the rule that stops
//! it, the fix), which costs a ranked search per source and a record per pair. When only the
//! answers are wanted, [`reachability`] computes them with four savings:
//!
//! 1. **No ranking.** A pair goes one way when some trace breaks no rule, so the search takes
//!    only the hops [`transit::hop`] allows over carried connections (`search`).
//! 2. **Twins share one answer.** Endpoints that attach the same way (same kind and facts, same
//!    connections with the same flags to the same neighbours) reach the same nodes, so one
//!    search runs per *class* of twins; pairs within a class are all alike (`classes`).
//! 3. **Decisions are shared.** A hop is decided once per (node, arrival group, ingress, group
//!    of the way out) for all searches, not once per source.
//! 4. **Dead ends are bits.** Branches, user groups and most spokes forward nothing further; a
//!    search ORs them into its row as precomputed masks and walks only the states that go on.
//!
//! Then [`verdict`](super::verdict) decides each pair from the way there, the way back and the
//! overlaps (`validate::overlaps`), 64 destinations at a time. The way back is the transpose
//! of the one-way matrix (`assemble`).
//!
//! Complexity, for N endpoints, K twin classes, L live states met per search (states that can
//! go on: hubs, gateways, circuits, rarely more than a few hundred) and W mask words ORed per
//! search (at most N / 64 per live state): O(K (L + W)) for the searches, plus the
//! `transit::hop` calls, bounded by (state classes met) × (groups of their node) and shared by
//! all searches, plus O(N² / 64) words to copy and transpose the rows. Memory: three N × N bit
//! matrices while assembling (one-way, its transpose, two-way; 12.5 MB each at 10,000
//! endpoints), two of which are kept, plus O(K N / 64) words for the class rows.
//!
//! [`analyze`]: super::analyze
//! [`transit::hop`]: super::transit::hop

mod assemble;
mod bits;
mod classes;
mod search;

use std::collections::{BTreeMap, BTreeSet};

use super::model::{NodeKind, Plan};
use super::prepared::Network;
use super::topology::Net;
use assemble::{assemble, Rows};
use bits::set;
use classes::NONE;

/// Who reaches whom, as bits: row `i` holds the endpoints that endpoint `i` reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    /// Endpoint ids, sorted (the same order as [`Analysis::endpoints`](super::Analysis)).
    pub endpoints: Vec<String>,
    /// 64-bit words per row.
    words: usize,
    /// Two-way reachability (the pair's `reachable`), row by row.
    both: Vec<u64>,
    /// One-way: a trace from the row's endpoint to the column's breaks no rule.
    goes: Vec<u64>,
    /// Pairs of endpoints (lower index first) whose address spaces overlap.
    overlapping: BTreeSet<(usize, usize)>,
    /// How many twin classes the endpoints fell into (one search each).
    pub classes: usize,
    /// How many times `transit::hop` was asked.
    pub hops: usize,
}

impl Matrix {
    /// Whether endpoint `from` reaches endpoint `to` both ways (indexes into `endpoints`);
    /// false for `from == to` or indexes out of range. O(1).
    pub fn reachable(&self, from: usize, to: usize) -> bool {
        bit(&self.both, self.words, from, to)
    }

    /// Whether traffic from `from` reaches `to` without breaking a rule, whatever the way back
    /// (indexes into `endpoints`; for the internet as source, the trace alone). O(1).
    pub fn goes(&self, from: usize, to: usize) -> bool {
        bit(&self.goes, self.words, from, to)
    }

    /// Whether the address spaces of endpoints `a` and `b` overlap (R2.1). O(log P) for P
    /// overlapping pairs.
    pub fn overlap(&self, a: usize, b: usize) -> bool {
        self.overlapping.contains(&(a.min(b), a.max(b)))
    }

    /// How many ordered pairs are reachable both ways. O(N² / 64).
    pub fn count(&self) -> usize {
        self.both.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The endpoint index of an id (binary search, O(log N)).
    pub fn index(&self, id: &str) -> Option<usize> {
        self.endpoints.binary_search_by(|e| e.as_str().cmp(id)).ok()
    }

    /// The bits of row `from` (64 endpoints per word, endpoint `j` at bit `j % 64` of word
    /// `j / 64`); empty when out of range.
    pub fn row(&self, from: usize) -> &[u64] {
        self.both
            .get(from * self.words..(from + 1) * self.words)
            .unwrap_or(&[])
    }

    /// Bytes held by the bit matrices.
    pub fn size_bytes(&self) -> usize {
        (self.both.len() + self.goes.len()) * 8
    }
}

fn bit(bits: &[u64], words: usize, from: usize, to: usize) -> bool {
    if to >= words * 64 {
        return false;
    }
    bits.get(from * words + to / 64)
        .is_some_and(|w| w >> (to % 64) & 1 == 1)
}

/// Every ordered pair's two-way answer for a plan, the same as `analyze(plan).pairs[..]
/// .reachable`, without explanations. Builds the network and its overlaps; see the module
/// documentation for the complexity.
///
/// # Example
/// ```
/// use reachplan::engine::{matrix, read_plan};
/// let plan = read_plan(r#"{"reachplan": 1,
///   "nodes": [{"id": "a", "kind": "vnet", "address_space": ["10.1.0.0/16"]},
///             {"id": "b", "kind": "vnet", "address_space": ["10.2.0.0/16"]},
///             {"id": "c", "kind": "vnet", "address_space": ["10.3.0.0/16"]}],
///   "links": [{"kind": "peering", "from": "a", "to": "b"},
///             {"kind": "peering", "from": "b", "to": "c"}]}"#).unwrap();
/// let m = matrix::reachability(&plan);
/// let (a, b, c) = (m.index("a").unwrap(), m.index("b").unwrap(), m.index("c").unwrap());
/// assert!(m.reachable(a, b) && m.reachable(b, c) && !m.reachable(a, c));
/// assert_eq!(m.count(), 4);
/// ```
pub fn reachability(plan: &Plan) -> Matrix {
    Network::new(plan).verdicts()
}

/// How much the search ([`Network::verdicts_sharing`](super::Network::verdicts_sharing)) shares between searches. Every choice gives the same matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sharing {
    /// One search per twin class, decisions shared per connection group (the fast default).
    Full,
    /// One search per endpoint, decisions shared per connection group: what a plan without
    /// twins costs.
    PerEndpoint,
    /// One search per endpoint, every connection decided on its own: the reference that tests
    /// compare the grouping with.
    Off,
}

/// The matrix of a network already built, with its overlaps (from `validate::overlaps`),
/// sharing as much as `sharing` says. Complexity: see the module documentation.
pub(crate) fn reachability_in(
    net: &Net,
    overlaps: &BTreeMap<(usize, usize), String>,
    sharing: Sharing,
) -> Matrix {
    let mut endpoints: Vec<usize> = (0..net.plan.nodes.len())
        .filter(|&n| net.node(n).kind.is_endpoint())
        .collect();
    endpoints.sort_by(|&x, &y| net.id(x).cmp(net.id(y)));
    let n = endpoints.len();
    let words = n.div_ceil(64);
    let mut pos = vec![NONE; net.plan.nodes.len()];
    for (i, &e) in endpoints.iter().enumerate() {
        pos[e] = i as u32;
    }
    let grouped = sharing != Sharing::Off;
    let fact = classes::fact_ids(net, grouped);
    let classes = classes::classes(net, &endpoints, &fact, sharing == Sharing::Full);
    let groups = classes::groups(net, &fact, grouped);
    // One row per class: what its representative reaches one way.
    let sources: Vec<usize> = classes.rep.iter().map(|&r| endpoints[r as usize]).collect();
    let mut class_rows = vec![0u64; sources.len() * words];
    let hops = search_all(net, &groups, &pos, &sources, &mut class_rows, words);
    let kinds: Vec<NodeKind> = endpoints.iter().map(|&e| net.node(e).kind).collect();
    let Rows { goes, mut both } = assemble(&class_rows, words, &classes, &kinds);
    let mut overlapping = BTreeSet::new();
    for &(x, y) in overlaps.keys() {
        if let (Some(&i), Some(&j)) = (pos.get(x), pos.get(y)) {
            if i != NONE && j != NONE {
                let (i, j) = (i as usize, j as usize);
                set(&mut both[i * words..], j, false);
                set(&mut both[j * words..], i, false);
                overlapping.insert((i.min(j), i.max(j)));
            }
        }
    }
    Matrix {
        endpoints: endpoints.iter().map(|&e| net.id(e).to_string()).collect(),
        words,
        both,
        goes,
        overlapping,
        classes: classes.rep.len(),
        hops,
    }
}

/// Runs one search per source into its row of `rows` (`words` words each), on up to four
/// threads natively when there are many sources (each thread with its own decision caches; the
/// rows, and so the answer, do not depend on the split), on one thread in WebAssembly (where
/// no thread code is compiled). Returns the number of `transit::hop` calls.
fn search_all(
    net: &Net,
    groups: &classes::Groups,
    pos: &[u32],
    sources: &[usize],
    rows: &mut [u64],
    words: usize,
) -> usize {
    let run = |sources: &[usize], rows: &mut [u64]| {
        let mut search = search::Search::new(net, groups, pos);
        for (i, &source) in sources.iter().enumerate() {
            search.run(source, &mut rows[i * words..(i + 1) * words]);
        }
        search.hops
    };
    split(sources, rows, words, run)
}

/// [`search_all`] in WebAssembly: one thread.
#[cfg(target_arch = "wasm32")]
fn split(
    sources: &[usize],
    rows: &mut [u64],
    _words: usize,
    run: impl Fn(&[usize], &mut [u64]) -> usize,
) -> usize {
    run(sources, rows)
}

/// [`search_all`] on up to four threads when there are many sources: native builds only (the
/// browser builds hold no thread code).
#[cfg(not(target_arch = "wasm32"))]
fn split(
    sources: &[usize],
    rows: &mut [u64],
    words: usize,
    run: impl Fn(&[usize], &mut [u64]) -> usize + Sync,
) -> usize {
    let threads = if sources.len() < 1_024 || words == 0 {
        1
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
    };
    if threads <= 1 {
        return run(sources, rows);
    }
    let run = &run;
    let chunk = sources.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = sources
            .chunks(chunk)
            .zip(rows.chunks_mut(chunk * words))
            .map(|(sources, rows)| scope.spawn(move || run(sources, rows)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .sum()
    })
}
