//! Virtual networks and their peerings.
//!
//! Azure keeps a peering as two resources, one in each VNet, each with its own flags; the plan
//! keeps one link with the flags that matter, oriented from the VNet that uses the other's
//! gateways (the spoke) to the one that offers them (the hub).
//! Source: <https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview>
//! and <https://learn.microsoft.com/azure/virtual-network/virtual-network-manage-peering>.

use std::collections::HashMap;

use crate::engine::model::{Link, LinkKind, NodeKind};

use super::arm::Build;
use super::ids;
use super::report::NoteKind;
use super::resource::Resource;

const VNET: &str = "Microsoft.Network/virtualNetworks";
const PEERING: &str = "Microsoft.Network/virtualNetworks/virtualNetworkPeerings";

/// Every virtual network becomes a `vnet` node with its address space and region.
pub(crate) fn vnets(b: &mut Build) {
    for (i, r) in b.of_type(VNET) {
        let id = b.add_node(r, NodeKind::Vnet);
        let space = b.prefixes(r, "properties/addressSpace/addressPrefixes");
        if space.is_empty() {
            let message = "no address prefix is known; the VNet is imported without one".into();
            b.note(r, NoteKind::Unknown, "properties.addressSpace", message);
        }
        let region = region(b, r);
        if let Some(node) = b.node_mut(&id) {
            node.address_space = (!space.is_empty()).then_some(space);
            node.region = region;
        }
        b.mapped(i, format!("node {id}"));
    }
}

/// The region of a resource: its location; `--region` when the location is not known (a
/// template's parameter without a value; the template reader has said why).
pub(crate) fn region(b: &mut Build, r: &Resource) -> Option<String> {
    if let Some(region) = r.region() {
        return Some(region);
    }
    let region = b.opts.region.clone()?;
    if r.at("location").is_some() {
        let message = format!("the location is not known; {region} (--region) taken");
        b.note(r, NoteKind::Defaulted, "location", message);
        return Some(super::resource::region(&region));
    }
    None
}

/// One side of a peering: the VNet it belongs to, the VNet it peers with, its flags.
struct Side<'a> {
    index: usize,
    resource: &'a Resource,
    local: String,
    remote: String,
    remote_key: String,
}

impl Side<'_> {
    fn flag(&self, name: &str) -> bool {
        self.resource
            .flag(&format!("properties/{name}"))
            .unwrap_or(false)
    }
}

/// Every pair of peering resources becomes one `peering` link.
pub(crate) fn peerings(b: &mut Build) {
    let mut sides = Vec::new();
    for (index, r) in b.of_type(PEERING) {
        let parent = r.name.split('/').next().unwrap_or_default();
        let local = ids::key(VNET, parent);
        let Some(remote) = r.reference("properties/remoteVirtualNetwork") else {
            let message = "no remoteVirtualNetwork.id is known; no link".to_string();
            b.note(
                r,
                NoteKind::Problem,
                "properties.remoteVirtualNetwork",
                message,
            );
            b.mapped(index, "no link (the remote VNet is not known)".into());
            continue;
        };
        let remote_key = ids::key_of(&remote);
        sides.push(Side {
            index,
            resource: r,
            local,
            remote,
            remote_key,
        });
    }
    // The sides of each (local, remote) pair of VNets, in input order.
    let mut by_pair: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, s) in sides.iter().enumerate() {
        by_pair
            .entry((s.local.as_str(), s.remote_key.as_str()))
            .or_default()
            .push(i);
    }
    let mut paired = vec![false; sides.len()];
    for a in 0..sides.len() {
        if paired[a] {
            continue;
        }
        paired[a] = true;
        let key = (sides[a].remote_key.as_str(), sides[a].local.as_str());
        let back = by_pair
            .get(&key)
            .and_then(|found| found.iter().copied().find(|&c| !paired[c]));
        if let Some(c) = back {
            paired[c] = true;
        }
        link(b, &sides[a], back.map(|c| &sides[c]));
    }
}

/// The link of a peering, from one side and the other when the input holds it.
fn link(b: &mut Build, a: &Side, back: Option<&Side>) {
    for side in std::iter::once(a).chain(back) {
        let state = side
            .resource
            .text("properties/peeringState")
            .unwrap_or("Connected");
        let why = if !state.eq_ignore_ascii_case("connected") {
            Some(format!("no link: the peering's state is {state}"))
        } else if side.resource.flag("properties/allowVirtualNetworkAccess") == Some(false) {
            Some("no link: allowVirtualNetworkAccess is false".to_string())
        } else {
            None
        };
        if let Some(why) = why {
            for s in std::iter::once(a).chain(back) {
                b.mapped(s.index, why.clone());
            }
            return;
        }
    }
    let local = b.node_for(&a.resource.id_of_parent(), NodeKind::Vnet, a.resource, "");
    let remote = b.node_for(
        &a.remote,
        NodeKind::Vnet,
        a.resource,
        "properties.remoteVirtualNetwork",
    );
    // Orientation: from the side that uses the other's gateways, or that the other offers its
    // gateways to, or that has no gateway or firewall of its own; else as the input lists it.
    let forward = match back {
        Some(c) => {
            let score = |s: &Side, other: &Side| {
                (
                    s.flag("useRemoteGateways"),
                    other.flag("allowGatewayTransit"),
                )
            };
            score(a, c) >= score(c, a)
        }
        None => true,
    };
    let (from, to, from_side, to_side) = if forward {
        (local, remote, Some(a), back)
    } else {
        (remote, local, back, Some(a))
    };
    let Some(from_side) = from_side else {
        return;
    };
    let mut l = Link::new(LinkKind::Peering, &from, &to);
    l.name = Some(from_side.resource.short_name().to_string());
    let name = from_side.resource.short_name();
    let alternative = from_side.resource.name.replace('/', "-");
    l.id = Some(b.link_ids.make_or(name, &alternative, "peering"));
    l.azure_id = Some(from_side.resource.id.clone());
    l.use_remote_gateways = Some(from_side.flag("useRemoteGateways"));
    l.allow_forwarded_traffic = Some(from_side.flag("allowForwardedTraffic"));
    l.allow_gateway_transit = Some(match to_side {
        Some(t) => t.flag("allowGatewayTransit"),
        None => {
            let message = format!(
                "the peering from {to} back to {from} is not in the input: assumed to exist, \
                 with allowGatewayTransit false"
            );
            b.note(a.resource, NoteKind::Defaulted, "", message);
            false
        }
    });
    let label = l.id.clone().unwrap_or_default();
    b.plan.links.push(l);
    for s in std::iter::once(a).chain(back) {
        b.mapped(s.index, format!("link {label}"));
    }
}

impl Resource {
    /// The id of a child resource's parent (a peering's VNet): from its id, or built from its
    /// type and name.
    pub(crate) fn id_of_parent(&self) -> String {
        ids::parent(&self.id).unwrap_or_else(|| {
            let rtype = self.rtype.rsplit_once('/').map_or("", |(t, _)| t);
            let name = self.name.rsplit_once('/').map_or("", |(n, _)| n);
            ids::build(rtype, name)
        })
    }
}
