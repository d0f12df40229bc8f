//! Virtual WAN: the WANs, their hubs, the hubs' gateways (site-to-site, ExpressRoute,
//! point-to-site) and connections, VPN sites, VNet connections and routing intent.
//!
//! Sources: <https://learn.microsoft.com/azure/virtual-wan/virtual-wan-about>,
//! <https://learn.microsoft.com/azure/virtual-wan/how-to-routing-policies> (routing intent:
//! `PrivateTraffic` and `Internet` destinations),
//! <https://learn.microsoft.com/azure/virtual-wan/virtual-wan-expressroute-about>.

use crate::engine::model::{
    Link, LinkKind, NodeKind, P2sConfig, Protocol, RoutingIntent, ScaleUnits, Wan, WanType,
};

use super::arm::Build;
use super::gateways;
use super::ids;
use super::report::NoteKind;
use super::resource::Resource;

const WAN: &str = "Microsoft.Network/virtualWans";
const HUB: &str = "Microsoft.Network/virtualHubs";

/// Every virtual WAN becomes a plan `wan`; every hub with a `virtualWan` a `vwan_hub` node.
pub(crate) fn wans_and_hubs(b: &mut Build) {
    for (i, r) in b.of_type(WAN) {
        let id = wan(b, r.short_name(), &r.key());
        let basic = r
            .text("properties/type")
            .is_some_and(|t| t.eq_ignore_ascii_case("basic"));
        if let Some(w) = b.plan.wans.iter_mut().find(|w| w.id == id) {
            w.wan_type = if basic {
                WanType::Basic
            } else {
                WanType::Standard
            };
            w.branch_to_branch = r.flag("properties/allowBranchToBranchTraffic");
        }
        b.mapped(i, format!("wan {id}"));
    }
    for (i, r) in b.of_type(HUB) {
        let Some(wan_ref) = r.reference("properties/virtualWan") else {
            continue; // a Route Server (services)
        };
        let id = b.add_node(r, NodeKind::VwanHub);
        let wan_key = ids::key_of(&wan_ref);
        let wan_id = match b.nodes.get(&wan_key) {
            Some(w) => w.clone(),
            None => {
                let name = ids::parse(&wan_ref).map_or(wan_ref.clone(), |(_, n)| n);
                let w = wan(b, &name, &wan_key);
                let message = format!(
                    "its virtual WAN {name} is not in the input: wan {w} stands for it, taken as \
                     Standard with branch-to-branch traffic allowed (Azure's defaults)"
                );
                b.note(r, NoteKind::Outside, "properties.virtualWan", message);
                w
            }
        };
        let space = b.prefixes(r, "properties/addressPrefix");
        let region = super::network::region(b, r);
        if let Some(node) = b.node_mut(&id) {
            node.wan = Some(wan_id);
            node.address_space = (!space.is_empty()).then_some(space);
            node.region = region;
        }
        b.mapped(i, format!("node {id}"));
    }
}

/// A plan `wan` (Standard) for a virtual WAN's name, remembered by its key.
fn wan(b: &mut Build, name: &str, key: &str) -> String {
    if let Some(id) = b.nodes.get(key) {
        return id.clone();
    }
    let taken: Vec<String> = b.plan.wans.iter().map(|w| w.id.clone()).collect();
    let mut id = ids::slug(name);
    if id.is_empty() {
        id = "wan".into();
    }
    let base = id.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    b.plan.wans.push(Wan {
        id: id.clone(),
        name: Some(name.to_string()),
        wan_type: WanType::Standard,
        branch_to_branch: None,
    });
    b.nodes.insert(key.to_string(), id.clone());
    id
}

/// The hub node a hub gateway or child belongs to.
fn hub_of(b: &mut Build, r: &Resource, path: &str) -> Option<String> {
    let hub = r.reference(path)?;
    Some(b.node_for(&hub, NodeKind::VwanHub, r, &path.replace('/', ".")))
}

/// Sets a hub's scale units of one kind.
fn scale(b: &mut Build, hub: &str, set: impl FnOnce(&mut ScaleUnits)) {
    if let Some(node) = b.node_mut(hub) {
        let mut units = node.scale_units.unwrap_or_default();
        set(&mut units);
        node.scale_units = Some(units);
    }
}

/// VPN sites (`site` nodes), the hubs' gateways and their connections, VNet connections,
/// routing intent.
pub(crate) fn gateways_and_connections(b: &mut Build) {
    for (i, r) in b.of_type("Microsoft.Network/vpnSites") {
        let id = b.add_node(r, NodeKind::Site);
        let space = b.prefixes(r, "properties/addressSpace/addressPrefixes");
        let asn = r
            .number("properties/bgpProperties/asn")
            .or_else(|| r.number("properties/vpnSiteLinks/0/properties/bgpProperties/asn"))
            .and_then(|n| u32::try_from(n).ok());
        let region = super::network::region(b, r);
        if let Some(node) = b.node_mut(&id) {
            node.address_space = (!space.is_empty()).then_some(space);
            node.asn = asn;
            node.region = region;
        }
        b.mapped(i, format!("node {id}"));
    }
    for (i, r) in b.of_type("Microsoft.Network/vpnGateways") {
        let Some(hub) = hub_of(b, r, "properties/virtualHub") else {
            continue;
        };
        let units = r
            .number("properties/vpnGatewayScaleUnit")
            .and_then(|n| u32::try_from(n).ok());
        scale(b, &hub, |s| s.s2s = units.or(Some(1)));
        b.mapped(i, format!("site-to-site gateway of node {hub}"));
    }
    for (i, r) in b.of_type("Microsoft.Network/vpnGateways/vpnConnections") {
        let gateway = r.id_of_parent();
        let Some(hub) = gateway_hub(b, &gateway) else {
            b.mapped(i, "no link (its hub gateway is not in the input)".into());
            continue;
        };
        let Some(site) = r.reference("properties/remoteVpnSite") else {
            continue;
        };
        let site = b.node_for(&site, NodeKind::Site, r, "properties.remoteVpnSite");
        let bgp = r
            .flag("properties/enableBgp")
            .or_else(|| r.flag("properties/vpnLinkConnections/0/properties/enableBgp"));
        let mut link = Link::new(LinkKind::S2s, &site, &hub);
        link.bgp = Some(bgp.unwrap_or(false));
        push(b, i, r, link);
    }
    for (i, r) in b.of_type("Microsoft.Network/expressRouteGateways") {
        let Some(hub) = hub_of(b, r, "properties/virtualHub") else {
            continue;
        };
        let units = r
            .number("properties/autoScaleConfiguration/bounds/min")
            .and_then(|n| u32::try_from(n).ok());
        scale(b, &hub, |s| s.er = units.or(Some(1)));
        let allow = r.flag("properties/allowNonVirtualWanTraffic");
        if let Some(node) = b.node_mut(&hub) {
            node.allow_non_virtual_wan_traffic = allow;
        }
        b.mapped(i, format!("ExpressRoute gateway of node {hub}"));
    }
    for (i, r) in b.of_type("Microsoft.Network/expressRouteGateways/expressRouteConnections") {
        let Some(hub) = gateway_hub(b, &r.id_of_parent()) else {
            b.mapped(i, "no link (its hub gateway is not in the input)".into());
            continue;
        };
        let Some(peering) = r.reference("properties/expressRouteCircuitPeering") else {
            continue;
        };
        let circuit = ids::parent(&peering).unwrap_or(peering);
        let path = "properties.expressRouteCircuitPeering";
        let circuit = b.node_for(&circuit, NodeKind::Expressroute, r, path);
        push(b, i, r, Link::new(LinkKind::ErConnection, &circuit, &hub));
    }
    p2s_gateways(b);
    for (i, r) in b.of_type("Microsoft.Network/virtualHubs/hubVirtualNetworkConnections") {
        let hub = b.node_for(&r.id_of_parent(), NodeKind::VwanHub, r, "");
        let Some(vnet) = r.reference("properties/remoteVirtualNetwork") else {
            continue;
        };
        let vnet = b.node_for(&vnet, NodeKind::Vnet, r, "properties.remoteVirtualNetwork");
        push(b, i, r, Link::new(LinkKind::VwanConnection, &vnet, &hub));
    }
    for (i, r) in b.of_type("Microsoft.Network/virtualHubs/routingIntent") {
        let hub = b.node_for(&r.id_of_parent(), NodeKind::VwanHub, r, "");
        let mut intent = RoutingIntent {
            private: false,
            internet: false,
        };
        if let Some(serde_json::Value::Array(policies)) = r.at("properties/routingPolicies") {
            for p in policies {
                for d in super::resource::at(p, "destinations")
                    .and_then(|d| d.as_array())
                    .into_iter()
                    .flatten()
                {
                    match d.as_str().map(str::to_ascii_lowercase).as_deref() {
                        Some("privatetraffic") => intent.private = true,
                        Some("internet") => intent.internet = true,
                        _ => {}
                    }
                }
            }
        }
        if let Some(node) = b.node_mut(&hub) {
            node.routing_intent = Some(intent);
        }
        b.mapped(i, format!("routing_intent of node {hub}"));
    }
}

/// The hub of a hub gateway, by the gateway's id: the gateway must be in the input.
fn gateway_hub(b: &mut Build, gateway: &str) -> Option<String> {
    let key = ids::key_of(gateway);
    let r = b.resources.iter().find(|r| r.key() == key)?;
    let hub = r.reference("properties/virtualHub")?;
    b.nodes.get(&ids::key_of(&hub)).cloned()
}

/// Point-to-site gateways of hubs: the hub's `p2s` from the VPN server configuration, a user
/// group with a `p2s` link.
fn p2s_gateways(b: &mut Build) {
    for (i, r) in b.of_type("Microsoft.Network/p2sVpnGateways") {
        let Some(hub) = hub_of(b, r, "properties/virtualHub") else {
            continue;
        };
        let units = r
            .number("properties/vpnGatewayScaleUnit")
            .and_then(|n| u32::try_from(n).ok());
        scale(b, &hub, |s| s.p2s = units.or(Some(1)));
        let pool = "properties/p2SConnectionConfigurations/0/properties/vpnClientAddressPool";
        let address_pool = b.prefixes(r, &format!("{pool}/addressPrefixes"));
        let server = r
            .reference("properties/vpnServerConfiguration")
            .map(|s| ids::key_of(&s))
            .and_then(|key| b.resources.iter().position(|s| s.key() == key));
        let (protocols, auth) = match server {
            Some(j) => {
                let resources = b.resources;
                let offers = gateways::offers(b, &resources[j], "properties", "vpnProtocols");
                b.mapped(j, format!("p2s of node {hub}"));
                offers
            }
            None => {
                let message = "its VPN server configuration is not in the input: OpenVPN and \
                               IKEv2 taken, authentication not known"
                    .to_string();
                b.note(
                    r,
                    NoteKind::Defaulted,
                    "properties.vpnServerConfiguration",
                    message,
                );
                (vec![Protocol::Openvpn, Protocol::Ikev2], Vec::new())
            }
        };
        let config = P2sConfig {
            protocols,
            auth,
            address_pool,
        };
        if let Some(node) = b.node_mut(&hub) {
            node.p2s = Some(config);
        }
        b.mapped(i, format!("p2s of node {hub}"));
        gateways::users(b, r, &hub);
    }
}

/// Adds a link made from a resource, with its id, name and Azure id.
pub(crate) fn push(b: &mut Build, i: usize, r: &Resource, mut link: Link) {
    let label = b.link_ids.make(r.short_name(), link.kind.as_str());
    link.id = Some(label.clone());
    link.name = Some(r.short_name().to_string());
    link.azure_id = Some(r.id.clone());
    b.plan.links.push(link);
    b.mapped(i, format!("link {label}"));
}
