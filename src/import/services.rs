//! Services folded into their VNet or hub: Azure Firewall, Route Server, Bastion, Application
//! Gateway; and route tables whose routes send traffic to a firewall (`route_via_firewall` on
//! the peering towards it).
//!
//! Sources: <https://learn.microsoft.com/azure/firewall/overview>,
//! <https://learn.microsoft.com/azure/route-server/overview> (a Route Server is a
//! `virtualHubs` resource without a virtual WAN, in its VNet's `RouteServerSubnet`),
//! <https://learn.microsoft.com/azure/bastion/configuration-settings>,
//! <https://learn.microsoft.com/azure/application-gateway/overview-v2>,
//! <https://learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview>.

use std::collections::HashMap;

use ipnet::IpNet;

use crate::engine::model::{
    AppGateway, Bastion, BastionSku, Firewall, FirewallSku, Link, LinkKind, NodeKind, RouteServer,
};

use super::arm::Build;
use super::gateways::{vnet_of, vnet_of_subnet};
use super::ids;
use super::report::NoteKind;

/// Azure Firewall (in a VNet or a hub), Bastion, Application Gateway, Route Server.
pub(crate) fn services(b: &mut Build) {
    for (i, r) in b.of_type("Microsoft.Network/azureFirewalls") {
        let tier = r
            .text("properties/sku/tier")
            .or_else(|| r.text("sku/tier"))
            .unwrap_or("");
        let sku = match tier.to_ascii_lowercase().as_str() {
            "basic" => Some(FirewallSku::Basic),
            "premium" => Some(FirewallSku::Premium),
            "standard" => Some(FirewallSku::Standard),
            _ => None,
        };
        let at = match r.reference("properties/virtualHub") {
            Some(hub) => Some(b.node_for(&hub, NodeKind::VwanHub, r, "properties.virtualHub")),
            None => vnet_of(b, r, "properties/ipConfigurations"),
        };
        let Some(at) = at else {
            b.mapped(i, "nothing (its VNet or hub is not known)".into());
            continue;
        };
        if let Some(node) = b.node_mut(&at) {
            node.firewall = Some(Firewall { sku });
        }
        b.mapped(i, format!("firewall of node {at}"));
    }
    for (i, r) in b.of_type("Microsoft.Network/bastionHosts") {
        let name = r.text("sku/name").unwrap_or("").to_ascii_lowercase();
        let sku = match name.as_str() {
            "developer" => Some(BastionSku::Developer),
            "basic" => Some(BastionSku::Basic),
            "standard" => Some(BastionSku::Standard),
            "premium" => Some(BastionSku::Premium),
            _ => None,
        };
        let Some(vnet) = vnet_of(b, r, "properties/ipConfigurations") else {
            b.mapped(i, "nothing (its VNet is not known)".into());
            continue;
        };
        if let Some(node) = b.node_mut(&vnet) {
            node.bastion = Some(Bastion { sku });
        }
        b.mapped(i, format!("bastion of node {vnet}"));
    }
    for (i, r) in b.of_type("Microsoft.Network/applicationGateways") {
        let tier = r
            .text("properties/sku/tier")
            .unwrap_or("")
            .to_ascii_lowercase();
        let gateway = AppGateway {
            sku: Some(if tier.ends_with("v2") { "v2" } else { "v1" }.to_string()),
            waf: Some(tier.starts_with("waf")),
        };
        let Some(vnet) = vnet_of(b, r, "properties/gatewayIPConfigurations") else {
            b.mapped(i, "nothing (its VNet is not known)".into());
            continue;
        };
        if let Some(node) = b.node_mut(&vnet) {
            node.app_gateway = Some(gateway);
        }
        let public = r
            .at("properties/frontendIPConfigurations")
            .and_then(|v| v.as_array())
            .is_some_and(|f| {
                f.iter()
                    .any(|c| super::resource::at(c, "properties/publicIPAddress").is_some())
            });
        b.mapped(i, format!("app_gateway of node {vnet}"));
        if public {
            let internet = internet(b);
            super::wan::push(b, i, r, Link::new(LinkKind::AppGateway, &internet, &vnet));
        }
    }
    route_servers(b);
}

/// The one `internet` node of the plan.
fn internet(b: &mut Build) -> String {
    if let Some(n) = b.plan.nodes.iter().find(|n| n.kind == NodeKind::Internet) {
        return n.id.clone();
    }
    let id = b.node_ids.make("internet", "internet");
    let mut node = crate::engine::model::Node::new(&id, NodeKind::Internet);
    node.name = Some("Internet".into());
    b.plan.nodes.push(node);
    id
}

/// Route Servers: `virtualHubs` without a virtual WAN, placed by their IP configuration.
fn route_servers(b: &mut Build) {
    let mut hubs: HashMap<String, usize> = HashMap::new();
    for (i, r) in b.of_type("Microsoft.Network/virtualHubs") {
        if r.reference("properties/virtualWan").is_none() {
            hubs.insert(r.key(), i);
        }
    }
    for (i, r) in b.of_type("Microsoft.Network/virtualHubs/ipConfigurations") {
        let hub_key = ids::key_of(&r.id_of_parent());
        let Some(&h) = hubs.get(&hub_key) else {
            continue;
        };
        let Some(subnet) = r.reference("properties/subnet") else {
            continue;
        };
        let Some(vnet) = vnet_of_subnet(b, r, &subnet, "properties.subnet") else {
            continue;
        };
        let hub = &b.resources[h];
        let server = RouteServer {
            branch_to_branch: hub.flag("properties/allowBranchToBranchTraffic"),
        };
        if let Some(node) = b.node_mut(&vnet) {
            node.route_server = Some(server);
        }
        b.mapped(h, format!("route_server of node {vnet}"));
        b.mapped(i, format!("route_server of node {vnet}"));
    }
}

/// Route tables: a route to a virtual appliance from a subnet of VNet `v` sets
/// `route_via_firewall` on the peering from `v` to the peered VNet whose firewall holds the
/// next hop (or the only peered VNet with a firewall, said).
pub(crate) fn route_tables(b: &mut Build) {
    // Subnet → route table, from the VNets' subnets and from the tables' own lists.
    let mut tables: HashMap<String, Vec<String>> = HashMap::new();
    for r in b.resources {
        let kind = r.kind();
        if kind == "microsoft.network/virtualnetworks" {
            for (j, _) in r
                .at("properties/subnets")
                .and_then(|s| s.as_array())
                .into_iter()
                .flatten()
                .enumerate()
            {
                if let Some(t) =
                    r.reference(&format!("properties/subnets/{j}/properties/routeTable"))
                {
                    tables.entry(ids::key_of(&t)).or_default().push(r.key());
                }
            }
        } else if kind == "microsoft.network/routetables" {
            for (j, _) in r
                .at("properties/subnets")
                .and_then(|s| s.as_array())
                .into_iter()
                .flatten()
                .enumerate()
            {
                if let Some(subnet) = r.reference(&format!("properties/subnets/{j}")) {
                    if let Some(vnet) = ids::parent(&subnet) {
                        tables.entry(r.key()).or_default().push(ids::key_of(&vnet));
                    }
                }
            }
        }
    }
    for (i, r) in b.of_type("Microsoft.Network/routeTables") {
        let hops: Vec<Option<IpNet>> = r
            .at("properties/routes")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
            .filter(|route| {
                super::resource::at(route, "properties/nextHopType")
                    .and_then(|t| t.as_str())
                    .is_some_and(|t| t.eq_ignore_ascii_case("VirtualAppliance"))
            })
            .map(|route| {
                super::resource::at(route, "properties/nextHopIpAddress")
                    .and_then(super::resource::text)
                    .and_then(|ip| format!("{ip}/32").parse().ok())
            })
            .collect();
        let vnets: Vec<String> = tables
            .get(&r.key())
            .into_iter()
            .flatten()
            .filter_map(|k| b.nodes.get(k).cloned())
            .collect();
        if hops.is_empty() || vnets.is_empty() {
            b.mapped(
                i,
                "nothing (no route to an appliance from a VNet of the plan)".into(),
            );
            continue;
        }
        let mut set = Vec::new();
        for vnet in &vnets {
            if let Some((link, sure)) = via(b, vnet, &hops) {
                if !sure {
                    let message = format!(
                        "the next hop's address is not known: the firewall of the only VNet \
                         {vnet} peers with that has one is taken ({link})"
                    );
                    b.note(r, NoteKind::Defaulted, "properties.routes", message);
                }
                set.push(link);
            }
        }
        if set.is_empty() {
            let message = "a route to a virtual appliance, but no peering from its VNet leads to \
                           a VNet with a firewall; route_via_firewall not set"
                .to_string();
            b.note(r, NoteKind::Defaulted, "properties.routes", message);
            b.mapped(i, "nothing".into());
        } else {
            b.mapped(i, format!("route_via_firewall on {}", set.join(", ")));
        }
    }
}

/// Sets `route_via_firewall` on the peering from `vnet` to the peered VNet with a firewall
/// that holds one of the next hops, or the only one; returns the link's label and whether a
/// next hop decided it.
fn via(b: &mut Build, vnet: &str, hops: &[Option<IpNet>]) -> Option<(String, bool)> {
    let candidates: Vec<usize> = b
        .plan
        .links
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == LinkKind::Peering && l.from == vnet)
        .filter(|(_, l)| b.plan.node(&l.to).is_some_and(|n| n.firewall.is_some()))
        .map(|(k, _)| k)
        .collect();
    let holds = |k: &usize| {
        let to = &b.plan.links[*k].to;
        b.plan.node(to).is_some_and(|n| {
            n.prefixes()
                .any(|p| hops.iter().flatten().any(|h| p.contains(&h.addr())))
        })
    };
    let sure = candidates.iter().copied().find(holds);
    let pick = sure.or(match candidates.as_slice() {
        [only] => Some(*only),
        _ => None,
    })?;
    let link = &mut b.plan.links[pick];
    link.route_via_firewall = Some(true);
    Some((link.label(), sure.is_some()))
}
