//! The naive oracle: the simplest correct reading of the rules, one search per ordered pair.
//! Shared by the property tests (`tests/oracle.rs`) and the bench (`reachplan-bench`).

use std::collections::{BTreeMap, HashSet, VecDeque};

use reachplan::engine::model::{NodeKind, Plan};
use reachplan::engine::topology::{ConnKind, Net};
use reachplan::engine::transit::{self, Decision, Ingress};
use reachplan::engine::validate;

/// Whether some trace from `from` reaches `to` with no rule broken: a breadth-first search over
/// (node, arrival, ingress) states that takes a hop when `transit::hop` allows it over a carried
/// connection, never back over the arrival connection, never back into `from`.
pub fn goes(net: &Net, from: usize, to: usize) -> bool {
    type State = (usize, Option<usize>, Option<Ingress>);
    let mut seen: HashSet<State> = HashSet::new();
    let mut queue: VecDeque<State> = VecDeque::from([(from, None, None)]);
    while let Some((node, arrived, ingress)) = queue.pop_front() {
        for &(c, m) in &net.adj[node] {
            let conn = &net.conns[c];
            if Some(c) == arrived || m == from || conn.refused.is_some() {
                continue;
            }
            if !matches!(
                transit::hop(net, node, arrived, ingress, c),
                Decision::Allow(_)
            ) {
                continue;
            }
            if m == to {
                return true;
            }
            let next =
                (conn.kind == ConnKind::Mesh && net.node(m).kind == NodeKind::VwanHub).then(|| {
                    ingress.unwrap_or_else(|| match arrived {
                        Some(a) => transit::ingress_of(node, &net.conns[a]),
                        None => Ingress::Vnet,
                    })
                });
            if seen.insert((m, Some(c), next)) {
                queue.push_back((m, Some(c), next));
            }
        }
    }
    false
}

/// The network of a plan with its overlapping pairs, as the oracle reads them.
pub struct Oracle {
    /// The network.
    pub net: Net,
    overlaps: BTreeMap<(usize, usize), String>,
}

impl Oracle {
    /// Builds the network of `plan`.
    pub fn new(plan: &Plan) -> Oracle {
        let mut net = Net::build(plan);
        let overlaps = validate::overlaps(&mut net);
        Oracle { net, overlaps }
    }

    /// The endpoints' node numbers, in plan order.
    pub fn endpoints(&self) -> Vec<usize> {
        (0..self.net.plan.nodes.len())
            .filter(|&n| self.net.node(n).kind.is_endpoint())
            .collect()
    }

    /// Whether node `a` reaches node `b` both ways: the internet opens connections to
    /// Microsoft's services only, Microsoft's services none into a VNet or a user group; a way
    /// there; a way back unless `b` is the internet or Microsoft's services; addresses that do
    /// not overlap.
    pub fn reachable(&self, a: usize, b: usize) -> bool {
        let kind = |n: usize| self.net.node(n).kind;
        let public = matches!(kind(b), NodeKind::Internet | NodeKind::Microsoft);
        let opens = match kind(a) {
            NodeKind::Internet => kind(b) == NodeKind::Microsoft,
            NodeKind::Microsoft => !matches!(kind(b), NodeKind::Vnet | NodeKind::Users),
            _ => true,
        };
        opens
            && goes(&self.net, a, b)
            && (public || goes(&self.net, b, a))
            && !self.overlaps.contains_key(&(a.min(b), a.max(b)))
    }
}
