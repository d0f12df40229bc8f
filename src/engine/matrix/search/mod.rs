//! One-way reachability from a source with no rule broken: a graph search over (node, arrival,
//! ingress) states that takes only the hops [`transit::hop`] allows, over carried connections.
//!
//! It finds the same nodes as the traces of `reach` with 0 violations (the same states, the same
//! skips: never back over the connection traffic arrived on, never back into the source), without
//! ranking paths. Three things keep it fast:
//!
//! - A hop is decided once per *state class* (node, group of the arrival connection, ingress)
//!   and group of the way out (see `classes`), for every later state and every later search,
//!   on a pair of the class that has such a hop (see `pair`: parallel connections).
//! - Most states are dead ends (a branch, a user group or a spoke forwards nothing further). The
//!   dead-end members of a group are kept as a bit mask of endpoints, and a state class keeps the
//!   union of the masks of the groups it may leave by; a search ORs that mask into its row and
//!   walks only the live members. The mask may name the node the traffic came from or the
//!   source, which the search has marked already or clears at the end.
//! - Nodes are written straight into the caller's bit row.
//!
//! [`transit::hop`]: super::super::transit::hop

use super::super::model::NodeKind;
use super::super::quick::QuickMap;
use super::super::topology::{ConnKind, Net};
use super::super::transit::{self, Decision, Ingress};
use super::classes::{Groups, NONE};

mod pair;
mod plans;
#[cfg(debug_assertions)]
mod verify;

/// Decision cache bits for one (state class, group): the hop to a member that does not lead
/// back to the previous node, and to one that does.
const KNOWN_OTHER: u8 = 1;
const ALLOW_OTHER: u8 = 2;
const KNOWN_SAME: u8 = 4;
const ALLOW_SAME: u8 = 8;

/// A sparse bit row: (word index, bits), by word.
type Mask = Vec<(u32, u64)>;

/// The members of a group split into dead ends (as a mask of endpoints) and live slots.
struct Split {
    dead: Mask,
    live: Vec<u32>,
}

/// What a state class does, once decided: the endpoints its dead ends reach, and the groups it
/// may leave by with their decision bits.
struct Plan {
    mask: Mask,
    groups: Vec<(u32, u8)>,
}

/// The reusable search: state numbering, decision caches and scratch space.
pub(super) struct Search<'a> {
    net: &'a Net,
    g: &'a Groups,
    /// Endpoint index of each node (`NONE` for transit nodes).
    pos: &'a [u32],
    /// States `0..2 C` arrive over connection `s / 2` at its `a` (even) or `b` (odd) end with no
    /// ingress; later ones are listed here as (that state, ingress).
    extra: Vec<(u32, Ingress)>,
    extra_ids: QuickMap<(u32, Ingress), u32>,
    /// The search that last reached each state.
    stamp: Vec<u32>,
    epoch: u32,
    /// State class of (arrival group, no ingress), by group.
    class_plain: Vec<u32>,
    class_ingress: QuickMap<(u32, Ingress), u32>,
    /// Offset of each state class's decisions (one byte per group of its node) in `decisions`.
    offset: Vec<u32>,
    decisions: Vec<u8>,
    plans: Vec<Option<Plan>>,
    splits: Vec<Option<Split>>,
    scratch: Vec<u64>,
    stack: Vec<u32>,
    /// States whose decisions were checked one by one (debug builds).
    #[cfg(debug_assertions)]
    verified: Vec<bool>,
    /// How many times `transit::hop` was asked.
    pub hops: usize,
}

fn allows(d: Decision) -> bool {
    matches!(d, Decision::Allow(_))
}

fn or_into(row: &mut [u64], mask: &Mask) {
    for &(w, bits) in mask {
        row[w as usize] |= bits;
    }
}

impl<'a> Search<'a> {
    /// A search over `net` with connection groups `g`; `pos` maps nodes to endpoint indexes.
    pub(super) fn new(net: &'a Net, g: &'a Groups, pos: &'a [u32]) -> Search<'a> {
        let words = pos.iter().filter(|&&p| p != NONE).count().div_ceil(64);
        Search {
            net,
            g,
            pos,
            extra: Vec::new(),
            extra_ids: QuickMap::default(),
            stamp: vec![0; 2 * net.conns.len()],
            epoch: 0,
            class_plain: vec![NONE; g.start.len()],
            class_ingress: QuickMap::default(),
            offset: Vec::new(),
            decisions: Vec::new(),
            plans: Vec::new(),
            splits: (0..g.start.len()).map(|_| None).collect(),
            scratch: vec![0; words],
            stack: Vec::new(),
            #[cfg(debug_assertions)]
            verified: Vec::new(),
            hops: 0,
        }
    }

    /// The node a state is at, its arrival connection and its ingress.
    fn state(&self, s: u32) -> (usize, usize, Option<Ingress>) {
        let plain = 2 * self.net.conns.len();
        let (base, ingress) = match s as usize {
            i if i < plain => (s, None),
            i => {
                let (base, ingress) = self.extra[i - plain];
                (base, Some(ingress))
            }
        };
        let conn = &self.net.conns[(base / 2) as usize];
        let node = if base % 2 == 1 { conn.b } else { conn.a };
        (node, (base / 2) as usize, ingress)
    }

    fn state_id(&mut self, c: usize, at: usize, ingress: Option<Ingress>) -> u32 {
        let base = (2 * c + usize::from(self.net.conns[c].b == at)) as u32;
        let Some(ingress) = ingress else {
            return base;
        };
        let next = (2 * self.net.conns.len() + self.extra.len()) as u32;
        let id = *self.extra_ids.entry((base, ingress)).or_insert(next);
        if id == next {
            self.extra.push((base, ingress));
            self.stamp.push(0);
        }
        id
    }

    fn class_of(&mut self, s: u32, node: usize, ingress: Option<Ingress>) -> u32 {
        let base = match ingress {
            None => s,
            Some(_) => self.extra[s as usize - 2 * self.net.conns.len()].0,
        };
        let group = self.g.side[base as usize];
        let known = match ingress {
            None => self.class_plain[group as usize],
            Some(i) => self.class_ingress.get(&(group, i)).copied().unwrap_or(NONE),
        };
        if known != NONE {
            return known;
        }
        let id = self.offset.len() as u32;
        let count = self.g.node_start[node + 1] - self.g.node_start[node];
        self.offset.push(self.decisions.len() as u32);
        self.decisions
            .resize(self.decisions.len() + count as usize, 0);
        self.plans.push(None);
        match ingress {
            None => self.class_plain[group as usize] = id,
            Some(i) => {
                self.class_ingress.insert((group, i), id);
            }
        }
        id
    }

    /// Whether traffic in state (`node`, arrived over `a` from `prev`, `ingress`) of class
    /// `class` may leave over the members of group `group` that lead back to the node it came
    /// from (`same`) or elsewhere. Asks `transit::hop` about one pair of the class the first
    /// time (see [`Search::pair`]), then remembers.
    #[allow(clippy::too_many_arguments)]
    fn allowed(
        &mut self,
        class: u32,
        node: usize,
        a: usize,
        prev: usize,
        ingress: Option<Ingress>,
        group: usize,
        same: bool,
    ) -> bool {
        let slot =
            (self.offset[class as usize] + (group as u32 - self.g.node_start[node])) as usize;
        let (known, allow) = if same {
            (KNOWN_SAME, ALLOW_SAME)
        } else {
            (KNOWN_OTHER, ALLOW_OTHER)
        };
        let d = self.decisions[slot];
        if d & known != 0 {
            return d & allow != 0;
        }
        let ok = self.pair(node, a, prev, group, same).is_some_and(|(a, c)| {
            self.hops += 1;
            allows(transit::hop(self.net, node, Some(a), ingress, c))
        });
        self.decisions[slot] = d | known | if ok { allow } else { 0 };
        ok
    }

    /// The ingress of the state reached over `c` at `m`, from `node` (arrived over `arrived`).
    fn next_ingress(
        &self,
        node: usize,
        arrived: Option<usize>,
        ingress: Option<Ingress>,
        c: usize,
        m: usize,
    ) -> Option<Ingress> {
        let mesh = self.net.conns[c].kind == ConnKind::Mesh;
        (mesh && self.net.node(m).kind == NodeKind::VwanHub).then(|| {
            ingress.unwrap_or_else(|| match arrived {
                Some(a) => transit::ingress_of(node, &self.net.conns[a]),
                None => Ingress::Vnet,
            })
        })
    }

    /// Marks state `s` reached; returns whether it is new.
    fn reach(&mut self, s: u32) -> bool {
        if self.stamp[s as usize] == self.epoch {
            return false;
        }
        self.stamp[s as usize] = self.epoch;
        true
    }

    /// Takes connection `c` from `node` (arrived over `arrived` with `ingress`) to `m`.
    fn step(
        &mut self,
        node: usize,
        arrived: Option<usize>,
        ingress: Option<Ingress>,
        c: usize,
        m: usize,
        row: &mut [u64],
    ) {
        let next = self.next_ingress(node, arrived, ingress, c, m);
        let s = self.state_id(c, m, next);
        if self.reach(s) {
            let p = self.pos[m];
            if p != NONE {
                row[p as usize / 64] |= 1 << (p % 64);
            }
            self.stack.push(s);
        }
    }

    /// Sets in `row` (one bit per endpoint) every endpoint reached from `source` with no rule
    /// broken. Complexity: O(S + W) for S live states and W mask words met, plus the decisions
    /// not yet cached (see the module documentation).
    pub(super) fn run(&mut self, source: usize, row: &mut [u64]) {
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.stamp.iter_mut().for_each(|s| *s = 0);
            self.epoch = 1;
        }
        self.stack.clear();
        let (first, last) = (self.g.node_start[source], self.g.node_start[source + 1]);
        for group in first as usize..last as usize {
            let lo = self.g.start[group] as usize;
            self.hops += 1;
            let c = self.g.conn[lo] as usize;
            let allowed = allows(transit::hop(self.net, source, None, None, c));
            #[cfg(debug_assertions)]
            self.verify_start(source, group, allowed);
            if !allowed {
                continue;
            }
            self.split(source, group);
            let Some(split) = self.splits[group].take() else {
                continue;
            };
            or_into(row, &split.dead);
            for &i in &split.live {
                let (c, m) = (
                    self.g.conn[i as usize] as usize,
                    self.g.other[i as usize] as usize,
                );
                self.step(source, None, None, c, m, row);
            }
            self.splits[group] = Some(split);
        }
        while let Some(s) = self.stack.pop() {
            #[cfg(debug_assertions)]
            self.verify(s);
            let (node, a, ingress) = self.state(s);
            let prev = self.net.conns[a].other(node);
            let class = self.class_of(s, node, ingress);
            self.plan(class, node, a, prev, ingress);
            let Some(plan) = self.plans[class as usize].take() else {
                continue;
            };
            or_into(row, &plan.mask);
            for &(group, flags) in &plan.groups {
                let (other, same) = (flags & ALLOW_OTHER != 0, flags & ALLOW_SAME != 0);
                let Some(split) = self.splits[group as usize].take() else {
                    continue;
                };
                for &i in &split.live {
                    let (c, m) = (
                        self.g.conn[i as usize] as usize,
                        self.g.other[i as usize] as usize,
                    );
                    if c != a && m != source && (if m == prev { same } else { other }) {
                        self.step(node, Some(a), ingress, c, m, row);
                    }
                }
                self.splits[group as usize] = Some(split);
            }
            self.plans[class as usize] = Some(plan);
        }
        let p = self.pos[source];
        if p != NONE {
            row[p as usize / 64] &= !(1 << (p % 64));
        }
    }
}
