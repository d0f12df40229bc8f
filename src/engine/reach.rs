//! One-way reachability from a source to every node: a search over (node, how traffic arrived).
//!
//! Transit rules depend on how traffic arrived at a node (a peering cannot be transited after
//! arriving over another peering; a Virtual WAN hub decides by where traffic entered the WAN), so
//! the search walks states, not nodes. Each hop asks [`transit::hop`]. Hops that a rule forbids
//! are not dropped: they cost one "violation", and the search (Dijkstra on the pair
//! violations, hops) finds for every target the path that breaks the fewest rules. A target
//! reached with no violation is reachable one way; otherwise the first violation on its path is
//! the rule that stops it, and its fix is the smallest change to try.
//!
//! Complexity: O(S log S) per source, S being the number of (node, arrival) states, at most the
//! sum of node degrees.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use super::model::NodeKind;
use super::rules::{AssumptionId, Block};
use super::topology::{ConnKind, Net};
use super::transit::{self, Decision, Ingress};

/// One hop of a trace: the node reached, over which connection, and what it cost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hop {
    /// The node reached.
    pub node: usize,
    /// The connection taken to reach it (the engine's own number).
    pub conn: usize,
    /// The plan link that connection is, by index into the plan's `links` (`None` for
    /// connections the plan implies: the hub mesh and the Azure backbone).
    pub link: Option<usize>,
    /// The kind of that connection, as shown in paths.
    pub via: &'static str,
    /// Rules this hop breaks (empty when it is allowed).
    pub blocks: Vec<Block>,
    /// Assumptions this hop rests on.
    pub assumptions: Vec<AssumptionId>,
}

/// The best path found from a source to one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trace {
    /// Rules broken along the path (0: the node is reachable one way).
    pub violations: u32,
    /// The hops from the source, in order.
    pub hops: Vec<Hop>,
}

impl Trace {
    /// The first rule that stops this path, if any.
    pub fn first_block(&self) -> Option<&Block> {
        self.hops.iter().flat_map(|h| h.blocks.iter()).next()
    }

    /// Every assumption the path rests on.
    pub fn assumptions(&self) -> impl Iterator<Item = AssumptionId> + '_ {
        self.hops.iter().flat_map(|h| h.assumptions.iter().copied())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct State {
    node: usize,
    arrived: Option<usize>,
    ingress: Option<Ingress>,
}

struct Entry {
    state: State,
    parent: Option<usize>,
    hop: Option<Hop>,
    violations: u32,
    candidates: u32,
    hops: u32,
}

impl Entry {
    fn cost(&self) -> (u32, u32, u32) {
        (self.violations, self.candidates, self.hops)
    }
}

/// The best trace from `source` to every node (`None` where no path exists at all).
pub fn from_source(net: &Net, source: usize) -> Vec<Option<Trace>> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut seen: HashMap<State, usize> = HashMap::new();
    let mut heap = BinaryHeap::new();
    let mut best: Vec<Option<usize>> = vec![None; net.plan.nodes.len()];
    let mut done = vec![false; 0];
    let start = State {
        node: source,
        arrived: None,
        ingress: None,
    };
    entries.push(Entry {
        state: start,
        parent: None,
        hop: None,
        violations: 0,
        candidates: 0,
        hops: 0,
    });
    done.push(false);
    seen.insert(start, 0);
    heap.push(Reverse((0u32, 0u32, 0u32, 0usize)));
    while let Some(Reverse((violations, candidates, hops, e))) = heap.pop() {
        if done[e] || entries[e].cost() != (violations, candidates, hops) {
            continue;
        }
        done[e] = true;
        let state = entries[e].state;
        if best[state.node].is_none() {
            best[state.node] = Some(e);
        }
        for &(c, m) in &net.adj[state.node] {
            if Some(c) == state.arrived || m == source {
                continue;
            }
            let decision = transit::hop(net, state.node, state.arrived, state.ingress, c);
            let conn = &net.conns[c];
            let mut blocks = Vec::new();
            let mut assumptions = Vec::new();
            if let Some(block) = &conn.refused {
                blocks.push(block.clone());
            }
            match decision {
                Decision::Never => continue,
                Decision::Allow(a) => assumptions.extend(a),
                Decision::Deny(block) => {
                    assumptions.extend(block.assumption);
                    blocks.push(block);
                }
            }
            assumptions.extend(conn.assumption);
            let ingress = if net.node(m).kind == NodeKind::VwanHub && conn.kind == ConnKind::Mesh {
                Some(state.ingress.unwrap_or_else(|| match state.arrived {
                    Some(a) => transit::ingress_of(state.node, &net.conns[a]),
                    None => Ingress::Vnet,
                }))
            } else {
                None
            };
            let next = State {
                node: m,
                arrived: Some(c),
                ingress,
            };
            let nv = violations + blocks.len() as u32;
            let nc = candidates + u32::from(conn.candidate);
            let nh = hops + 1;
            let hop = Hop {
                node: m,
                conn: c,
                link: conn.link,
                via: conn.kind.as_str(),
                blocks,
                assumptions,
            };
            match seen.get(&next) {
                Some(&x) if entries[x].cost() <= (nv, nc, nh) => {}
                Some(&x) => {
                    if !done[x] {
                        entries[x].violations = nv;
                        entries[x].candidates = nc;
                        entries[x].hops = nh;
                        entries[x].parent = Some(e);
                        entries[x].hop = Some(hop);
                        heap.push(Reverse((nv, nc, nh, x)));
                    }
                }
                None => {
                    let x = entries.len();
                    entries.push(Entry {
                        state: next,
                        parent: Some(e),
                        hop: Some(hop),
                        violations: nv,
                        candidates: nc,
                        hops: nh,
                    });
                    done.push(false);
                    seen.insert(next, x);
                    heap.push(Reverse((nv, nc, nh, x)));
                }
            }
        }
    }
    best.into_iter()
        .map(|b| {
            let b = b?;
            let mut hops = Vec::new();
            let mut at = Some(b);
            while let Some(x) = at {
                if let Some(hop) = &entries[x].hop {
                    hops.push(hop.clone());
                }
                at = entries[x].parent;
            }
            hops.reverse();
            Some(Trace {
                violations: entries[b].violations,
                hops,
            })
        })
        .collect()
}
