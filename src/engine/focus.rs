//! The explained answers of a few pairs, without explaining every pair of the plan.
//!
//! [`analyze`](super::analyze) explains all N² ordered pairs: right for a diagram of a few dozen
//! endpoints, seconds for a thousand. `explain`, `capacity` and an app showing one pair need a
//! handful. [`answers`] traces only from the endpoints of the pairs asked for, and from the
//! VNets whose Azure Bastion or virtual desktop the access rules (R9.x) go through; each answer
//! is the one `analyze` gives for that pair, field for field (a property test checks it).

use std::collections::{BTreeMap, BTreeSet};

use super::access;
use super::analysis::{grant_access, judge, sorted_endpoints, Pair, Story};
use super::model::LinkKind;
use super::prepared::Network;
use super::reach::{Blocks, Searcher, Tree};

/// The answers of some ordered pairs, by (from, to).
#[derive(Debug, Clone, Default)]
pub struct Answers {
    pairs: BTreeMap<(String, String), Pair>,
}

impl Answers {
    /// The answer for one ordered pair, when it was asked for and names two different
    /// endpoints of the plan.
    pub fn pair(&self, from: &str, to: &str) -> Option<&Pair> {
        self.pairs.get(&(from.to_string(), to.to_string()))
    }

    /// Every answer, in (from, to) order.
    pub fn iter(&self) -> impl Iterator<Item = &Pair> {
        self.pairs.values()
    }
}

/// The full story of one pair (its answer and both traces), from the traces its answer
/// needs; `None` unless `from` and `to` are two different endpoints of the plan.
pub(crate) fn story_of(network: &Network, from: &str, to: &str) -> Option<Story> {
    let net = &network.net;
    let endpoints = sorted_endpoints(net);
    let mut searcher = Searcher::new(net, &endpoints);
    let (answers, trees) = traced_with(network, &mut searcher, &[(from, to)]);
    let pair = answers.pair(from, to)?.clone();
    let (a, b) = (*net.index.get(from)?, *net.index.get(to)?);
    let target = |n: usize| {
        endpoints
            .binary_search_by(|&e| net.id(e).cmp(net.id(n)))
            .ok()
    };
    let (i, j) = (target(a)?, target(b)?);
    let way = |s: usize, t: usize| trees.get(&s).and_then(|tree| searcher.way(tree, t));
    let there = way(a, j).map(|w| w.trace());
    let back = way(b, i).map(|w| w.trace());
    Some(Story { pair, there, back })
}

/// The answers of the pairs in `wanted`.
pub(crate) fn traced(network: &Network, wanted: &[(&str, &str)]) -> Answers {
    let endpoints = sorted_endpoints(&network.net);
    let mut searcher = Searcher::new(&network.net, &endpoints);
    traced_with(network, &mut searcher, wanted).0
}

/// The answers, with the search trees (by source node) they were judged from; `searcher`
/// targets the plan's endpoints in sorted order.
fn traced_with(
    network: &Network,
    searcher: &mut Searcher,
    wanted: &[(&str, &str)],
) -> (Answers, BTreeMap<usize, Tree>) {
    let (net, overlaps) = (&network.net, &network.overlaps);
    let endpoint = |id: &str| {
        net.index
            .get(id)
            .copied()
            .filter(|&n| net.node(n).kind.is_endpoint())
    };
    let asked: BTreeSet<(usize, usize)> = wanted
        .iter()
        .filter_map(|&(a, b)| Some((endpoint(a)?, endpoint(b)?)))
        .filter(|(a, b)| a != b)
        .collect();
    if asked.is_empty() {
        return (Answers::default(), BTreeMap::new());
    }
    // The pairs the access rules read to grant the asked ones (see `access::grants`): from the
    // VNet behind a source's Bastion or virtual desktop to the destination, and from the source
    // to the internet node that an Application Gateway of the destination publishes to.
    let mut judged = asked.clone();
    for conn in net.conns.iter().filter(|c| c.refused.is_none()) {
        for &(a, b) in &asked {
            let through = conn.is(LinkKind::Bastion) || conn.is(LinkKind::VirtualDesktop);
            if through && conn.a == a && conn.b != b {
                judged.insert((conn.b, b));
            }
            if conn.is(LinkKind::AppGateway) && conn.b == b && conn.a != a {
                judged.insert((a, conn.a));
            }
        }
    }
    let judged: BTreeSet<(usize, usize)> = judged
        .into_iter()
        .filter(|&(a, b)| {
            a != b && net.node(a).kind.is_endpoint() && net.node(b).kind.is_endpoint()
        })
        .collect();
    let sources: BTreeSet<usize> = judged.iter().flat_map(|&(a, b)| [a, b]).collect();
    let trees: BTreeMap<usize, Tree> = sources
        .into_iter()
        .map(|s| (s, searcher.search(s)))
        .collect();
    let endpoints = sorted_endpoints(net);
    let target = |n: usize| {
        endpoints
            .binary_search_by(|&e| net.id(e).cmp(net.id(n)))
            .ok()
    };
    let way = |s: usize, t: usize| {
        let tree = trees.get(&s)?;
        searcher.way(tree, target(t)?)
    };
    let mut memo = Blocks::default();
    let pairs: Vec<Pair> = judged
        .iter()
        .map(|&(a, b)| judge(net, overlaps, way(a, b), way(b, a), a, b, &mut memo))
        .collect();
    let grants = access::grants(net, &pairs);
    let mut out = BTreeMap::new();
    for (mut pair, key) in pairs.into_iter().zip(&judged) {
        if asked.contains(key) {
            grant_access(&mut pair, &grants);
            out.insert((pair.from.clone(), pair.to.clone()), pair);
        }
    }
    (Answers { pairs: out }, trees)
}
