//! The links at each node of a plan, read once per plan: the failure domains ask for the links
//! of a gateway, a circuit, a hub or a whole region, and a scan of every link for each of
//! them grew with the square of the plan.

use std::collections::HashMap;

use super::super::model::{LinkKind, Node, NodeKind, Plan};
use super::domains::Cut;

/// The plan's links by the id of each of their ends, and its nodes by id.
pub(super) struct Ends<'a> {
    plan: &'a Plan,
    /// The links with this node id at one end (or both), in plan order, each once.
    at: HashMap<&'a str, Vec<usize>>,
    /// The first node with this id (as [`Plan::node`] finds it).
    nodes: HashMap<&'a str, usize>,
}

impl<'a> Ends<'a> {
    /// Reads the plan's links and nodes once.
    pub(super) fn of(plan: &'a Plan) -> Ends<'a> {
        let mut at: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, l) in plan.links.iter().enumerate() {
            at.entry(l.from.as_str()).or_default().push(i);
            if l.to != l.from {
                at.entry(l.to.as_str()).or_default().push(i);
            }
        }
        let mut nodes = HashMap::new();
        for (i, n) in plan.nodes.iter().enumerate() {
            nodes.entry(n.id.as_str()).or_insert(i);
        }
        Ends { plan, at, nodes }
    }

    /// The node with this id.
    pub(super) fn node(&self, id: &str) -> Option<&'a Node> {
        self.nodes.get(id).and_then(|&i| self.plan.nodes.get(i))
    }

    /// The links at the node with this id, in plan order.
    fn at(&self, id: &str) -> &[usize] {
        self.at.get(id).map_or(&[], Vec::as_slice)
    }

    /// The links of a VNet's VPN gateway (S2S and P2S) or ExpressRoute gateway (connections),
    /// in plan order.
    pub(super) fn gateway_links(&self, node: usize, vpn: bool) -> Vec<usize> {
        let Some(n) = self.plan.nodes.get(node) else {
            return Vec::new();
        };
        let kinds: &[LinkKind] = if vpn {
            &[LinkKind::S2s, LinkKind::P2s]
        } else {
            &[LinkKind::ErConnection]
        };
        self.at(&n.id)
            .iter()
            .copied()
            .filter(|&i| kinds.contains(&self.plan.links[i].kind))
            .collect()
    }

    /// The links of these nodes, in plan order, each once.
    pub(super) fn links_of(&self, nodes: &[usize]) -> Vec<usize> {
        let mut out: Vec<usize> = nodes
            .iter()
            .filter_map(|&i| self.plan.nodes.get(i))
            .flat_map(|n| self.at(&n.id).iter().copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The endpoint a failure of these links leaves with no link at all, when every link of
    /// that endpoint is among them: a site, user group or other cloud, which forwards nothing
    /// for others (the `no-on-premises-transit` assumption), or a VNet, which forwards for
    /// others only between two of its links. Such a failure loses that endpoint's pairs and
    /// nothing else, but a VNet's way to the internet and Microsoft's services, which is its
    /// own outbound access. O(links of the two ends).
    pub(super) fn isolated(&self, cut: &Cut) -> Option<&'a Node> {
        let Cut::Links(links) = cut else {
            return None;
        };
        let first = self.plan.links.get(*links.first()?)?;
        let node = [first.from.as_str(), first.to.as_str()]
            .into_iter()
            .filter_map(|end| self.node(end))
            .find(|n| {
                let own = self.at(&n.id);
                links.iter().all(|i| own.contains(i)) && own.iter().all(|i| links.contains(i))
            })?;
        let kinds = [
            NodeKind::Site,
            NodeKind::Users,
            NodeKind::Cloud,
            NodeKind::Vnet,
        ];
        kinds.contains(&node.kind).then_some(node)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_links_of_nodes_are_those_a_scan_of_every_link_finds() {
        let plan: Plan = serde_json::from_value(serde_json::json!({
            "reachplan": 1,
            "nodes": [
                {"id": "a", "kind": "vnet"}, {"id": "b", "kind": "vnet"},
                {"id": "s", "kind": "site"}, {"id": "a", "kind": "vnet"}
            ],
            "links": [
                {"kind": "peering", "from": "a", "to": "b"},
                {"kind": "s2s", "from": "s", "to": "a"},
                {"kind": "peering", "from": "b", "to": "b"},
                {"kind": "s2s", "from": "b", "to": "s"}
            ]
        }))
        .unwrap();
        let ends = Ends::of(&plan);
        let scan = |nodes: &[usize]| -> Vec<usize> {
            let ids: Vec<&str> = nodes
                .iter()
                .filter_map(|&i| plan.nodes.get(i))
                .map(|n| n.id.as_str())
                .collect();
            let hit = |l: &crate::engine::model::Link| {
                ids.contains(&l.from.as_str()) || ids.contains(&l.to.as_str())
            };
            (0..plan.links.len())
                .filter(|&i| hit(&plan.links[i]))
                .collect()
        };
        for nodes in [
            vec![0],
            vec![1],
            vec![2],
            vec![3],
            vec![0, 1],
            vec![1, 2, 3],
            vec![9],
        ] {
            assert_eq!(ends.links_of(&nodes), scan(&nodes), "{nodes:?}");
        }
        assert_eq!(ends.gateway_links(0, true), vec![1]);
        assert_eq!(ends.gateway_links(1, true), vec![3]);
        assert_eq!(ends.gateway_links(1, false), Vec::<usize>::new());
        assert_eq!(
            ends.node("a").map(|n| n.kind),
            plan.node("a").map(|n| n.kind)
        );
        assert!(ends.node("nope").is_none());
    }
}
