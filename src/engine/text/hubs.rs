//! The hub of each endpoint, as the grouped `check` report groups unreachable pairs by it: the
//! Virtual WAN hub a VNet, branch or user group connects to; the hub VNet (one with a gateway
//! or a firewall) a spoke is peered with or a site, user group or circuit connects to; a hub
//! VNet is its own hub. Sites behind a circuit take the hub of the circuit's first connection.
//! The first link in plan order decides; endpoints with none have no hub.

use std::collections::HashMap;

use super::super::model::{LinkKind, Node, NodeKind, Plan};

fn hub_vnet(node: &Node) -> bool {
    node.kind == NodeKind::Vnet
        && (node.vpn_gateway.is_some() || node.er_gateway.is_some() || node.firewall.is_some())
}

/// The hub id of every node that has one, by node id.
pub(super) fn hubs(plan: &Plan) -> HashMap<&str, &str> {
    let nodes: HashMap<&str, &Node> = plan.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let is_hub = |id: &str| {
        nodes
            .get(id)
            .is_some_and(|n| n.kind == NodeKind::VwanHub || hub_vnet(n))
    };
    let mut hub: HashMap<&str, &str> = HashMap::new();
    for n in plan.nodes.iter().filter(|n| hub_vnet(n)) {
        hub.insert(&n.id, &n.id);
    }
    let (mut circuits, mut private) = (Vec::new(), Vec::new());
    for link in &plan.links {
        let (from, to) = (link.from.as_str(), link.to.as_str());
        match link.kind {
            LinkKind::VwanConnection | LinkKind::S2s | LinkKind::P2s if is_hub(to) => {
                hub.entry(from).or_insert(to);
            }
            LinkKind::Peering if is_hub(to) && !is_hub(from) => {
                hub.entry(from).or_insert(to);
            }
            LinkKind::Peering if is_hub(from) && !is_hub(to) => {
                hub.entry(to).or_insert(from);
            }
            LinkKind::ErConnection if is_hub(to) => circuits.push((from, to)),
            LinkKind::ErPrivate => private.push((from, to)),
            _ => {}
        }
    }
    for (circuit, to) in circuits {
        hub.entry(circuit).or_insert(to);
    }
    for (site, circuit) in private {
        if let Some(&h) = hub.get(circuit) {
            hub.entry(site).or_insert(h);
        }
    }
    hub
}

#[cfg(test)]
mod tests {
    use super::hubs;
    use crate::engine::read_plan;

    #[test]
    fn spokes_branches_and_sites_behind_a_circuit_take_their_hub() {
        let plan = read_plan(
            r#"{"reachplan": 1, "wans": [{"id": "w", "type": "standard"}],
              "nodes": [
                {"id": "hub", "kind": "vnet", "address_space": ["10.0.0.0/16"],
                 "vpn_gateway": {"sku": "VpnGw1"}},
                {"id": "spoke", "kind": "vnet", "address_space": ["10.1.0.0/16"]},
                {"id": "vh", "kind": "vwan_hub", "wan": "w", "address_space": ["10.9.0.0/23"]},
                {"id": "app", "kind": "vnet", "address_space": ["10.2.0.0/16"]},
                {"id": "dc", "kind": "site", "address_space": ["10.3.0.0/16"]},
                {"id": "er", "kind": "expressroute", "location": "Amsterdam"},
                {"id": "alone", "kind": "vnet", "address_space": ["10.4.0.0/16"]}],
              "links": [
                {"kind": "peering", "from": "spoke", "to": "hub"},
                {"kind": "vwan_connection", "from": "app", "to": "vh"},
                {"kind": "er_private", "from": "dc", "to": "er"},
                {"kind": "er_connection", "from": "er", "to": "vh"}]}"#,
        )
        .unwrap();
        let hubs = hubs(&plan);
        assert_eq!(hubs.get("hub"), Some(&"hub"));
        assert_eq!(hubs.get("spoke"), Some(&"hub"));
        assert_eq!(hubs.get("app"), Some(&"vh"));
        assert_eq!(hubs.get("dc"), Some(&"vh"));
        assert_eq!(hubs.get("alone"), None);
    }
}
