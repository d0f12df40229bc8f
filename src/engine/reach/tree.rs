//! The ranked search itself, kept compact: per source a tree of states with predecessors, from
//! which a target's path, first rule broken and assumptions are read back on demand.
//!
//! The search is the one of the module above (Dijkstra on violations, candidate links, hops,
//! ties by the order states were first met), with three savings that leave every answer as it
//! was:
//!
//! - **Nothing is written out while searching.** A hop's decision is kept as what the ranking
//!   needs (never / allowed / denied, and its assumption); the [`Block`] with its sentences is
//!   asked of [`transit::hop`] again only for the hops a caller reads. Each entry carries the
//!   first entry of its path that broke a rule and the set of assumptions of its path, so a
//!   pair's rule and assumptions cost O(1), its path O(hops).
//! - **Decisions are shared.** The kept decision of a (state, way out) is the same for every
//!   source, so it is asked once per plan (a chain's hops are met by every source).
//! - **The search stops when its targets are settled.** When every target not yet settled has
//!   a state waiting at the cost of the state about to be expanded, nothing found later can
//!   be cheaper or come first among equals (every hop adds one to the hops), so the search
//!   settles those and stops: a full mesh is answered from the source's own hops.
//!
//! [`transit::hop`]: super::super::transit::hop

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::super::model::NodeKind;
use super::super::quick::QuickMap;
use super::super::rules::AssumptionId;
use super::super::topology::{ConnKind, Net};
use super::super::transit::{self, Decision, Ingress};
use super::span::Span;

/// No entry, target or state.
pub(crate) const NONE: u32 = u32::MAX;

/// The most decisions kept (8 bytes each); past it, hops are asked again.
const MAX_DECISIONS: usize = 1 << 23;

/// (violations, candidate links, hops): the ranking, smallest first.
type Cost = (u32, u32, u32);

const UNSEEN: Cost = (u32::MAX, u32::MAX, u32::MAX);

/// A decision as the ranking sees it: whether the hop is possible, whether it breaks a rule,
/// and the bit of its assumption.
#[derive(Clone, Copy)]
struct Kept {
    possible: bool,
    denied: bool,
    bits: u32,
}

/// One state reached: where, how (the state number), from which entry, at what cost.
#[derive(Clone, Copy)]
pub(super) struct Entry {
    pub(super) node: u32,
    pub(super) state: u32,
    pub(super) parent: u32,
    pub(super) cost: Cost,
    /// The entry of the first hop on the path that breaks a rule (`NONE`: none does).
    pub(super) first: u32,
    /// The assumptions of the path, as bits of [`Searcher::assumed`].
    pub(super) bits: u32,
}

/// The search tree of one source.
pub(crate) struct Tree {
    pub(super) entries: Vec<Entry>,
    /// The entry of the best path to each target (`NONE`: no path at all).
    pub(super) best: Vec<u32>,
}

impl Tree {
    /// Bytes the tree holds.
    pub(crate) fn bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Entry>() + self.best.capacity() * 4
    }
}

/// The search, with what it keeps between sources: state numbers, decisions, the targets.
pub(crate) struct Searcher<'n> {
    pub(super) net: &'n Net,
    /// States `0..2 C` arrive over connection `s / 2` at its `a` (even) or `b` (odd) end, `2 C`
    /// is the source; later ones are listed here as (that state, ingress).
    extra: Vec<(u32, Ingress)>,
    extra_ids: QuickMap<(u32, Ingress), u32>,
    /// Where the decisions of each state's ways out (in the order of its node's connections)
    /// start in `kept` (`NONE`: not kept).
    rows: Vec<u32>,
    kept: Vec<Kept>,
    /// The decisions of the state being expanded.
    row: Vec<Kept>,
    /// The assumptions met so far; bit `i` of an entry's `bits` is `assumed[i]`.
    assumed: Vec<AssumptionId>,
    /// Target number of each node (`NONE`: not a target).
    target: Vec<u32>,
    /// Which targets each search may reach.
    span: Span,
    // Scratch space of one search.
    stamp: Vec<u32>,
    slot: Vec<u32>,
    epoch: u32,
    tentative: Vec<Cost>,
    /// How many targets not yet settled wait at each cost.
    waiting: QuickMap<Cost, u32>,
}

impl<'n> Searcher<'n> {
    /// A search of `net` for paths to `targets` (nodes; a path is kept for each).
    pub(crate) fn new(net: &'n Net, targets: &[usize]) -> Searcher<'n> {
        let mut target = vec![NONE; net.adj.len()];
        for (i, &t) in targets.iter().enumerate() {
            if target[t] == NONE {
                target[t] = i as u32;
            }
        }
        let span = Span::new(net, &target, targets.len());
        let states = 2 * net.conns.len() + 1;
        Searcher {
            net,
            extra: Vec::new(),
            extra_ids: QuickMap::default(),
            rows: vec![NONE; states],
            kept: Vec::new(),
            row: Vec::new(),
            assumed: vec![AssumptionId::NoOnPremTransit],
            target,
            span,
            stamp: vec![0; states],
            slot: vec![NONE; states],
            epoch: 0,
            tentative: vec![UNSEEN; targets.len()],
            waiting: QuickMap::default(),
        }
    }

    /// Bytes the search holds between sources: the decisions kept and the state tables.
    pub(crate) fn bytes(&self) -> usize {
        use std::mem::size_of;
        let ids = size_of::<((u32, Ingress), u32)>() + 1;
        self.kept.capacity() * size_of::<Kept>()
            + (self.rows.capacity() + self.stamp.capacity() + self.slot.capacity()) * 4
            + self.extra.capacity() * size_of::<(u32, Ingress)>()
            + self.extra_ids.capacity() * ids
    }

    /// The assumptions of a set of bits.
    pub(crate) fn assumptions(&self, bits: u32) -> impl Iterator<Item = AssumptionId> + '_ {
        self.assumed
            .iter()
            .enumerate()
            .filter(move |&(i, _)| bits >> i & 1 == 1)
            .map(|(_, &a)| a)
    }

    /// The bit of "on-premises networks do not forward" (what a pair with no way at all rests
    /// on when an endpoint is on premises).
    pub(crate) const NO_ON_PREM_TRANSIT: u32 = 1;

    fn bit(&mut self, a: Option<AssumptionId>) -> u32 {
        let Some(a) = a else { return 0 };
        let i = match self.assumed.iter().position(|&x| x == a) {
            Some(i) => i,
            None => {
                self.assumed.push(a);
                self.assumed.len() - 1
            }
        };
        1u32.checked_shl(i as u32).unwrap_or(0)
    }

    fn start_state(&self) -> u32 {
        2 * self.net.conns.len() as u32
    }

    fn state_id(&mut self, c: usize, at: usize, ingress: Option<Ingress>) -> u32 {
        let base = (2 * c + usize::from(self.net.conns[c].b == at)) as u32;
        let Some(ingress) = ingress else {
            return base;
        };
        let next = self.start_state() + 1 + self.extra.len() as u32;
        let id = *self.extra_ids.entry((base, ingress)).or_insert(next);
        if id == next {
            self.extra.push((base, ingress));
            self.stamp.push(0);
            self.slot.push(NONE);
            self.rows.push(NONE);
        }
        id
    }

    /// The connection a state arrived over (`None` at the source) and its ingress.
    pub(super) fn decode(&self, state: u32) -> (Option<usize>, Option<Ingress>) {
        let start = self.start_state();
        let (base, ingress) = match state {
            s if s < start => (s, None),
            s if s == start => return (None, None),
            s => {
                let (base, ingress) = self.extra[(s - start - 1) as usize];
                (base, Some(ingress))
            }
        };
        (Some((base / 2) as usize), ingress)
    }

    /// The decision of a hop from `node` (in `state`) over `c`, as the ranking sees it.
    fn decide(&mut self, node: usize, state: u32, c: usize) -> Kept {
        let (arrived, ingress) = self.decode(state);
        if Some(c) == arrived {
            // Never taken (traffic does not go back the way it came).
            return Kept {
                possible: false,
                denied: false,
                bits: 0,
            };
        }
        let (possible, denied, assumption) = match transit::hop(self.net, node, arrived, ingress, c)
        {
            Decision::Never => (false, false, None),
            Decision::Allow(a) => (true, false, a),
            Decision::Deny(block) => (true, true, block.assumption),
        };
        Kept {
            possible,
            denied,
            bits: self.bit(assumption),
        }
    }

    /// Fills `row` with the decisions of every way out of `state` at `node`, in the order of
    /// the node's connections: kept from an earlier search, or decided now (and kept, but for
    /// the source's own state, which differs per source, and past [`MAX_DECISIONS`]).
    fn fill_row(&mut self, node: usize, state: u32) {
        let mut row = std::mem::take(&mut self.row);
        row.clear();
        let at = self.rows[state as usize];
        if at != NONE {
            let at = at as usize;
            row.extend_from_slice(&self.kept[at..at + self.net.adj[node].len()]);
        } else {
            let net = self.net;
            row.extend(
                net.adj[node]
                    .iter()
                    .map(|&(c, _)| self.decide(node, state, c)),
            );
            let room = self.kept.len() + row.len() <= MAX_DECISIONS;
            if state != self.start_state() && room {
                self.rows[state as usize] = self.kept.len() as u32;
                self.kept.extend_from_slice(&row);
            }
        }
        self.row = row;
    }

    fn offer(&mut self, node: usize, cost: Cost, best: &[u32]) {
        let t = self.target[node];
        if t == NONE || best[t as usize] != NONE || cost >= self.tentative[t as usize] {
            return;
        }
        let old = std::mem::replace(&mut self.tentative[t as usize], cost);
        if old != UNSEEN {
            if let Some(w) = self.waiting.get_mut(&old) {
                *w -= 1;
            }
        }
        *self.waiting.entry(cost).or_insert(0) += 1;
    }

    /// The best path from `source` to every target: see the module documentation.
    /// Complexity: O(S log S) for the S states met (fewer than the sum of node degrees), the
    /// decisions not yet kept asked of `transit::hop`.
    pub(crate) fn search(&mut self, source: usize) -> Tree {
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.stamp.iter_mut().for_each(|s| *s = 0);
            self.epoch = 1;
        }
        self.tentative.iter_mut().for_each(|t| *t = UNSEEN);
        self.waiting.clear();
        let mut best = vec![NONE; self.tentative.len()];
        let mut unsettled = self.span.count(self.net, source, &self.target);
        let start = self.start_state();
        let mut entries = vec![Entry {
            node: source as u32,
            state: start,
            parent: NONE,
            cost: (0, 0, 0),
            first: NONE,
            bits: 0,
        }];
        let mut done = vec![false];
        self.offer(source, (0, 0, 0), &best);
        let mut heap = BinaryHeap::new();
        heap.push(Reverse((0u32, 0u32, 0u32, 0u32)));
        let mut stopping: Option<Cost> = None;
        while let Some(Reverse((v, k, h, e))) = heap.pop() {
            let cost = (v, k, h);
            let e = e as usize;
            if done[e] || entries[e].cost != cost {
                continue;
            }
            if stopping.is_some_and(|level| level != cost) {
                break;
            }
            done[e] = true;
            let node = entries[e].node as usize;
            let t = self.target[node];
            if t != NONE && best[t as usize] == NONE {
                best[t as usize] = e as u32;
                if let Some(w) = self.waiting.get_mut(&cost) {
                    *w -= 1;
                }
                unsettled = unsettled.saturating_sub(1);
            }
            if stopping.is_some() {
                continue;
            }
            if unsettled == 0 {
                break;
            }
            if self.waiting.get(&cost) == Some(&unsettled) {
                stopping = Some(cost);
                continue;
            }
            self.expand(source, e, &mut entries, &mut done, &mut heap, &best);
        }
        Tree { entries, best }
    }

    fn expand(
        &mut self,
        source: usize,
        e: usize,
        entries: &mut Vec<Entry>,
        done: &mut Vec<bool>,
        heap: &mut BinaryHeap<Reverse<(u32, u32, u32, u32)>>,
        best: &[u32],
    ) {
        let net = self.net;
        let here = entries[e];
        let node = here.node as usize;
        let (arrived, ingress) = self.decode(here.state);
        self.fill_row(node, here.state);
        for (k, &(c, m)) in net.adj[node].iter().enumerate() {
            if Some(c) == arrived || m == source {
                continue;
            }
            let kept = self.row[k];
            if !kept.possible {
                continue;
            }
            let conn = &net.conns[c];
            let blocks = u32::from(conn.refused.is_some()) + u32::from(kept.denied);
            let bits = here.bits | kept.bits | self.bit(conn.assumption);
            let next =
                (conn.kind == ConnKind::Mesh && net.node(m).kind == NodeKind::VwanHub).then(|| {
                    ingress.unwrap_or_else(|| match arrived {
                        Some(a) => transit::ingress_of(node, &net.conns[a]),
                        None => Ingress::Vnet,
                    })
                });
            let state = self.state_id(c, m, next);
            let (v, k, h) = here.cost;
            let cost = (v + blocks, k + u32::from(conn.candidate), h + 1);
            let seen = self.stamp[state as usize] == self.epoch;
            let x = if seen {
                self.slot[state as usize] as usize
            } else {
                entries.len()
            };
            let first = match (here.first, blocks) {
                (NONE, 0) => NONE,
                (NONE, _) => x as u32,
                (f, _) => f,
            };
            let entry = Entry {
                node: m as u32,
                state,
                parent: e as u32,
                cost,
                first,
                bits,
            };
            if seen {
                if entries[x].cost <= cost || done[x] {
                    continue;
                }
                entries[x] = entry;
            } else {
                self.stamp[state as usize] = self.epoch;
                self.slot[state as usize] = x as u32;
                entries.push(entry);
                done.push(false);
            }
            heap.push(Reverse((cost.0, cost.1, cost.2, x as u32)));
            self.offer(m, cost, best);
        }
    }
}
