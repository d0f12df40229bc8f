//! ExpressRoute circuits, their peerings (private: the on-premises side; Microsoft: Microsoft's
//! services) and Global Reach between circuits.
//!
//! Sources: <https://learn.microsoft.com/azure/expressroute/expressroute-circuit-peerings>,
//! <https://learn.microsoft.com/azure/expressroute/plan-manage-cost> (SKU tiers Local,
//! Standard, Premium; families MeteredData and UnlimitedData),
//! <https://learn.microsoft.com/azure/expressroute/expressroute-global-reach>.

use crate::engine::model::{ErSku, Link, LinkKind, NodeKind};

use super::arm::Build;
use super::ids;
use super::report::NoteKind;

const CIRCUIT: &str = "Microsoft.Network/expressRouteCircuits";
const PEERING: &str = "Microsoft.Network/expressRouteCircuits/peerings";
const GLOBAL_REACH: &str = "Microsoft.Network/expressRouteCircuits/peerings/connections";

/// Every circuit becomes an `expressroute` node.
pub(crate) fn circuits(b: &mut Build) {
    for (i, r) in b.of_type(CIRCUIT) {
        let id = b.add_node(r, NodeKind::Expressroute);
        let tier = r.text("sku/tier").unwrap_or("");
        let sku = match tier.to_ascii_lowercase().as_str() {
            "local" => Some(ErSku::Local),
            "standard" => Some(ErSku::Standard),
            "premium" => Some(ErSku::Premium),
            _ => None,
        };
        let location = r
            .text("properties/serviceProviderProperties/peeringLocation")
            .map(str::to_string);
        let bandwidth = r
            .number("properties/serviceProviderProperties/bandwidthInMbps")
            .or_else(|| r.number("properties/bandwidthInGbps").map(|g| g * 1000))
            .and_then(|n| u32::try_from(n).ok());
        let direct = r.at("properties/expressRoutePort").map(|p| !p.is_null());
        let provider = r
            .text("properties/serviceProviderProperties/serviceProviderName")
            .map(str::to_string);
        let region = super::network::region(b, r);
        if location.is_none() {
            let message = "no peering location is known; the plan cannot place the circuit".into();
            b.note(
                r,
                NoteKind::Unknown,
                "properties.serviceProviderProperties",
                message,
            );
        }
        if let Some(node) = b.node_mut(&id) {
            node.sku = sku;
            node.location = location;
            node.bandwidth_mbps = bandwidth;
            node.direct = direct.filter(|d| *d);
            node.provider = provider;
            node.region = region;
        }
        b.mapped(i, format!("node {id}"));
    }
}

/// The circuit node a peering (or its child) belongs to: the first segment of its name.
fn circuit_of(b: &mut Build, r: &super::resource::Resource) -> String {
    let mut id = r.id_of_parent();
    if r.kind() == GLOBAL_REACH.to_ascii_lowercase() {
        id = ids::parent(&id)
            .unwrap_or_else(|| ids::build(CIRCUIT, r.name.split('/').next().unwrap_or_default()));
    }
    b.node_for(&id, NodeKind::Expressroute, r, "")
}

/// Private peerings link the circuit to an on-premises site; Microsoft peerings to Microsoft.
pub(crate) fn peerings(b: &mut Build) {
    for (i, r) in b.of_type(PEERING) {
        let circuit = circuit_of(b, r);
        let kind = r
            .text("properties/peeringType")
            .unwrap_or(r.short_name())
            .to_ascii_lowercase();
        let link = if kind.contains("private") {
            let name = format!("{circuit}-on-premises");
            let site = b.node_ids.make(&name, "site");
            let mut node = crate::engine::model::Node::new(&site, NodeKind::Site);
            node.name = Some(format!("On-premises side of {circuit}"));
            b.plan.nodes.push(node);
            let message = format!(
                "node {site} stands for the network behind the private peering; Azure's data \
                 does not say its prefixes"
            );
            b.note(r, NoteKind::Defaulted, "", message);
            Link::new(LinkKind::ErPrivate, &site, &circuit)
        } else if kind.contains("microsoft") {
            let ms = microsoft(b);
            Link::new(LinkKind::ErMicrosoft, &circuit, &ms)
        } else {
            b.mapped(i, "no link (a peering type the plan does not model)".into());
            continue;
        };
        let label = b
            .link_ids
            .make(&format!("{circuit}-{}", r.short_name()), "peering");
        let mut link = link;
        link.id = Some(label.clone());
        link.name = Some(r.short_name().to_string());
        link.azure_id = Some(r.id.clone());
        b.plan.links.push(link);
        b.mapped(i, format!("link {label}"));
    }
    global_reach(b);
}

/// The one `microsoft` node of the plan.
fn microsoft(b: &mut Build) -> String {
    if let Some(n) = b.plan.nodes.iter().find(|n| n.kind == NodeKind::Microsoft) {
        return n.id.clone();
    }
    let id = b.node_ids.make("microsoft", "microsoft");
    let mut node = crate::engine::model::Node::new(&id, NodeKind::Microsoft);
    node.name = Some("Microsoft services".into());
    b.plan.nodes.push(node);
    id
}

/// Global Reach connections (a circuit peering's `connections`) link two circuits, once.
fn global_reach(b: &mut Build) {
    let mut seen: Vec<(String, String)> = Vec::new();
    for (i, r) in b.of_type(GLOBAL_REACH) {
        let circuit = circuit_of(b, r);
        let Some(peer) = r.reference("properties/peerExpressRouteCircuitPeering") else {
            b.mapped(i, "no link (the other circuit is not known)".into());
            continue;
        };
        let other_id = ids::parent(&peer).unwrap_or(peer);
        let path = "properties.peerExpressRouteCircuitPeering";
        let other = b.node_for(&other_id, NodeKind::Expressroute, r, path);
        let pair = if other < circuit {
            (other.clone(), circuit.clone())
        } else {
            (circuit.clone(), other.clone())
        };
        if seen.contains(&pair) {
            b.mapped(
                i,
                format!("the link of {} ↔ {}, from its other side", pair.0, pair.1),
            );
            continue;
        }
        seen.push(pair);
        let mut link = Link::new(LinkKind::GlobalReach, &circuit, &other);
        let label = b.link_ids.make(r.short_name(), "global-reach");
        link.id = Some(label.clone());
        link.name = Some(r.short_name().to_string());
        link.azure_id = Some(r.id.clone());
        b.plan.links.push(link);
        b.mapped(i, format!("link {label}"));
    }
}
