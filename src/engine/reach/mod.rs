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
//! The search keeps, per source, a tree of states with predecessors (`tree`); a target's path is
//! a walk back through it, and the rule it breaks is asked again only when read, so explaining
//! every pair costs the searches, not a trace per pair.
//!
//! Complexity: O(S log S) per source, S being the number of (node, arrival) states, at most the
//! sum of node degrees.

mod span;
mod tree;
mod way;

use super::rules::{AssumptionId, Block};
use super::topology::Net;
pub(crate) use tree::{Searcher, Tree};
pub(crate) use way::{Blocks, Way};

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

/// The best trace from `source` to every node (`None` where no path exists at all).
pub fn from_source(net: &Net, source: usize) -> Vec<Option<Trace>> {
    let all: Vec<usize> = (0..net.adj.len()).collect();
    let mut searcher = Searcher::new(net, &all);
    let tree = searcher.search(source);
    (0..all.len())
        .map(|t| searcher.way(&tree, t).map(|way| way.trace()))
        .collect()
}
