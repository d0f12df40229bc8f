//! Plain edits of a plan that keep it consistent: new ids, renames and deletions that carry
//! over to the links, intents and flows that name a node.

use crate::engine::edit::{self, Edit};
use crate::engine::format::valid_id;
use crate::engine::model::{Link, LinkKind, Node, NodeKind, Plan};

/// A short id prefix for new nodes of a kind.
pub fn id_prefix(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Site => "site",
        NodeKind::Users => "users",
        NodeKind::Vnet => "vnet",
        NodeKind::VwanHub => "hub",
        NodeKind::Expressroute => "circuit",
        NodeKind::Cloud => "cloud",
        NodeKind::Microsoft => "microsoft",
        NodeKind::Internet => "internet",
    }
}

/// A human name for a kind, as the palette and the inspector show it.
pub fn kind_name(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Site => "On-premises site",
        NodeKind::Users => "Remote users",
        NodeKind::Vnet => "VNet",
        NodeKind::VwanHub => "Virtual WAN hub",
        NodeKind::Expressroute => "ExpressRoute circuit",
        NodeKind::Cloud => "Other cloud",
        NodeKind::Microsoft => "Microsoft services",
        NodeKind::Internet => "Internet",
    }
}

/// A human name for a link kind.
pub fn link_name(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Peering => "VNet peering",
        LinkKind::S2s => "Site-to-site VPN",
        LinkKind::P2s => "Point-to-site VPN",
        LinkKind::ErPrivate => "ExpressRoute private peering",
        LinkKind::ErMicrosoft => "ExpressRoute Microsoft peering",
        LinkKind::ErConnection => "ExpressRoute connection",
        LinkKind::GlobalReach => "Global Reach",
        LinkKind::VwanConnection => "Virtual WAN connection",
        LinkKind::Bastion => "Bastion access",
        LinkKind::AppGateway => "Application Gateway",
        LinkKind::VirtualDesktop => "Virtual Desktop",
        LinkKind::Internet => "Internet breakout",
    }
}

/// The human name of a `via` value of a path (a link kind, the hub mesh or the backbone).
pub fn via_name(via: &str) -> String {
    match LinkKind::ALL.iter().find(|k| k.as_str() == via) {
        Some(k) => link_name(*k).to_string(),
        None => match via {
            "vwan_hub_mesh" => "Virtual WAN hub mesh".to_string(),
            "azure_backbone" => "Azure backbone".to_string(),
            other => other.to_string(),
        },
    }
}

/// An id that no node has yet: `prefix-1`, `prefix-2`, ...
pub fn fresh_id(plan: &Plan, prefix: &str) -> String {
    (1..)
        .map(|i| format!("{prefix}-{i}"))
        .find(|id| plan.node(id).is_none())
        .unwrap_or_else(|| prefix.to_string())
}

/// Adds a node of this kind with a fresh id; returns the id.
pub fn add_node(plan: &mut Plan, kind: NodeKind) -> String {
    let id = fresh_id(plan, id_prefix(kind));
    plan.nodes.push(Node::new(&id, kind));
    id
}

/// Why an id cannot be given to a node (`None` when it can).
pub fn id_problem(plan: &Plan, old: &str, new: &str) -> Option<String> {
    if new == old {
        return None;
    }
    if !valid_id(new) {
        return Some("an id is 1 to 64 characters of a-z, 0-9, - and _".to_string());
    }
    if plan.node(new).is_some() {
        return Some(format!("another node already has the id {new}"));
    }
    None
}

/// Replaces the node `old_id` with `node`, renaming every reference when the id changed (the
/// engine's [`Edit::RenameNode`]). Returns false (and changes nothing) when the node does not
/// exist or the new id is taken.
pub fn replace_node(plan: &mut Plan, old_id: &str, node: Node) -> bool {
    if id_problem(plan, old_id, &node.id).is_some() {
        return false;
    }
    let mut next = plan.clone();
    let Some(slot) = next.nodes.iter_mut().find(|n| n.id == old_id) else {
        return false;
    };
    let rename = Edit::RenameNode {
        node: old_id.to_string(),
        to: node.id.clone(),
    };
    *slot = Node {
        id: old_id.to_string(),
        ..node
    };
    if edit::apply(&mut next, &rename).is_err() {
        return false;
    }
    *plan = next;
    true
}

/// Deletes a node with its links, intents and flows (the engine's [`Edit::DeleteNode`]).
pub fn delete_node(plan: &mut Plan, id: &str) {
    let _ = edit::apply(plan, &Edit::DeleteNode { node: id.into() });
}

/// The links that may join two nodes, as (kind, from, to) with the ends in the order the kind
/// wants them (see [`LinkKind::ends`]).
pub fn valid_links(a: &Node, b: &Node) -> Vec<(LinkKind, String, String)> {
    let mut out = Vec::new();
    if a.id == b.id {
        return out;
    }
    for kind in LinkKind::ALL {
        let (from, to) = kind.ends();
        if from.contains(&a.kind) && to.contains(&b.kind) {
            out.push((kind, a.id.clone(), b.id.clone()));
        } else if from.contains(&b.kind) && to.contains(&a.kind) {
            out.push((kind, b.id.clone(), a.id.clone()));
        }
    }
    out
}

/// Gives a user group a direct internet breakout (split tunnel, the engine's
/// [`Edit::SplitTunnel`]): an `internet` link to the plan's internet node, added when there is
/// none. False (and nothing changed) when the group does not exist or already has one.
pub fn split_tunnel(plan: &mut Plan, users: &str) -> bool {
    let edit = Edit::SplitTunnel {
        users: users.into(),
    };
    edit::apply(plan, &edit).is_ok()
}

/// A link with the kind-specific fields another kind does not take removed.
pub fn retype_link(link: &Link, kind: LinkKind) -> Link {
    let mut out = Link::new(kind, &link.from, &link.to);
    out.id = link.id.clone();
    out.name = link.name.clone();
    if kind == LinkKind::Peering {
        out.use_remote_gateways = link.use_remote_gateways;
        out.allow_gateway_transit = link.allow_gateway_transit;
        out.allow_forwarded_traffic = link.allow_forwarded_traffic;
        out.route_via_firewall = link.route_via_firewall;
    }
    if kind == LinkKind::S2s {
        out.bgp = link.bgp;
    }
    if kind == LinkKind::P2s {
        out.protocol = link.protocol;
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::engine::read_plan;

    fn sample() -> Plan {
        read_plan(include_str!(
            "../../www/examples/users-to-azure-and-onprem.json"
        ))
        .unwrap()
    }

    #[test]
    fn fresh_ids_do_not_collide() {
        let mut plan = sample();
        let a = add_node(&mut plan, NodeKind::Vnet);
        let b = add_node(&mut plan, NodeKind::Vnet);
        assert_ne!(a, b);
        assert!(read_plan(&crate::engine::write_plan(&plan)).is_ok());
    }

    #[test]
    fn renaming_carries_over_to_links_and_intents() {
        let mut plan = sample();
        let mut hub = plan.node("hub").unwrap().clone();
        hub.id = "core".into();
        assert!(replace_node(&mut plan, "hub", hub));
        assert!(plan.links.iter().all(|l| l.from != "hub" && l.to != "hub"));
        assert!(plan.intents.iter().any(|i| i.to == "core"));
        assert!(read_plan(&crate::engine::write_plan(&plan)).is_ok());
    }

    #[test]
    fn bad_or_taken_ids_are_refused() {
        let mut plan = sample();
        let mut hub = plan.node("hub").unwrap().clone();
        hub.id = "hq".into();
        assert!(!replace_node(&mut plan, "hub", hub.clone()));
        hub.id = "Not Valid".into();
        assert!(!replace_node(&mut plan, "hub", hub));
        assert!(plan.node("hub").is_some());
    }

    #[test]
    fn deleting_a_node_drops_what_names_it() {
        let mut plan = sample();
        delete_node(&mut plan, "hub");
        assert!(plan.links.is_empty());
        assert!(plan
            .intents
            .iter()
            .all(|i| i.to != "hub" && i.from != "hub"));
        assert!(read_plan(&crate::engine::write_plan(&plan)).is_ok());
    }

    #[test]
    fn split_tunnel_adds_an_internet_link_once() {
        let mut plan = sample();
        assert!(split_tunnel(&mut plan, "remote-staff"));
        assert!(plan
            .links
            .iter()
            .any(|l| l.kind == LinkKind::Internet && l.from == "remote-staff"));
        let internet = |p: &Plan| {
            p.nodes
                .iter()
                .filter(|n| n.kind == NodeKind::Internet)
                .count()
        };
        assert_eq!(internet(&plan), 1);
        assert!(!split_tunnel(&mut plan, "remote-staff"));
        assert!(!split_tunnel(&mut plan, "hub"));
        assert!(read_plan(&crate::engine::write_plan(&plan)).is_ok());
    }

    #[test]
    fn only_valid_link_kinds_are_offered() {
        let plan = sample();
        let users = plan.node("remote-staff").unwrap();
        let hub = plan.node("hub").unwrap();
        let spoke = plan.node("spoke-app").unwrap();
        let kinds: Vec<LinkKind> = valid_links(hub, users).into_iter().map(|l| l.0).collect();
        assert!(kinds.contains(&LinkKind::P2s));
        assert!(!kinds.contains(&LinkKind::Peering));
        let links = valid_links(hub, spoke);
        assert!(links.iter().any(|l| l.0 == LinkKind::Peering));
        assert!(valid_links(users, users).is_empty());
        for (kind, from, to) in valid_links(users, hub) {
            let (f, t) = kind.ends();
            assert!(f.contains(&plan.node(&from).unwrap().kind));
            assert!(t.contains(&plan.node(&to).unwrap().kind));
        }
    }
}
