//! The naive reading of the rules: one breadth-first search per ordered pair, with none of the
//! fast matrix's sharing (no twin classes, no connection groups, no verdicts from another
//! source's search). It is the reference that the property tests and the bench hold the fast
//! matrix against ([`Network::reachable_naive`](super::Network::reachable_naive)); nothing
//! else asks it.

use std::collections::{HashSet, VecDeque};

use super::model::NodeKind;
use super::prepared::Network;
use super::topology::{ConnKind, Net};
use super::transit::{self, Decision, Ingress};

/// Whether some trace from `from` reaches `to` with no rule broken: a breadth-first search over
/// (node, arrival, ingress) states that takes a hop when `transit::hop` allows it over a carried
/// connection, never back over the arrival connection, never back into `from`.
fn goes(net: &Net, from: usize, to: usize) -> bool {
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

/// Whether endpoint `a` reaches endpoint `b` both ways, read naively: the internet opens
/// connections to Microsoft's services only, Microsoft's services none into a VNet or a user
/// group; a way there; a way back unless `b` is the internet or Microsoft's services; addresses
/// that do not overlap. `None` unless both are endpoints of the plan.
pub(crate) fn reachable(network: &Network, a: &str, b: &str) -> Option<bool> {
    let net = &network.net;
    let (&a, &b) = (net.index.get(a)?, net.index.get(b)?);
    let kind = |n: usize| net.node(n).kind;
    if !kind(a).is_endpoint() || !kind(b).is_endpoint() {
        return None;
    }
    let public = matches!(kind(b), NodeKind::Internet | NodeKind::Microsoft);
    let opens = match kind(a) {
        NodeKind::Internet => kind(b) == NodeKind::Microsoft,
        NodeKind::Microsoft => !matches!(kind(b), NodeKind::Vnet | NodeKind::Users),
        _ => true,
    };
    Some(
        opens
            && goes(net, a, b)
            && (public || goes(net, b, a))
            && !network.overlaps.contains_key(&(a.min(b), a.max(b))),
    )
}
