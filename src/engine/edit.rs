//! Mechanical changes to a plan: the fixes that the engine can apply by itself.
//!
//! A [`Block`](super::rules::Block) whose fix is a plain edit (set a flag, add a link, change a
//! SKU) carries an [`Edit`] beside its sentence, so that the app can offer "apply the fix" and a
//! script can apply it with [`apply`]. Edits name nodes and wans by id and links by their index
//! in the plan the analysis was made from.

use serde::{Deserialize, Serialize};

use super::format::valid_id;
use super::model::{ErGwSku, ErSku, Link, LinkKind, Node, NodeKind, Plan, RouteServer, VpnSku};

/// A flag of a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkFlag {
    /// Peering: `from` uses `to`'s gateways.
    UseRemoteGateways,
    /// Peering: `to` allows gateway transit.
    AllowGatewayTransit,
    /// Peering: forwarded traffic is accepted.
    AllowForwardedTraffic,
    /// Peering: `from` sends other private traffic to `to`'s firewall.
    RouteViaFirewall,
    /// S2S: BGP on the connection.
    Bgp,
}

/// One mechanical change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// Set flags of the link at this index to true.
    SetLinkFlags {
        /// Index into the plan's links.
        link: usize,
        /// The flags to set.
        flags: Vec<LinkFlag>,
    },
    /// Add a link.
    AddLink {
        /// Its kind.
        kind: LinkKind,
        /// The `from` node id.
        from: String,
        /// The `to` node id.
        to: String,
        /// Flags to set on the new link.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        flags: Vec<LinkFlag>,
    },
    /// Set a circuit's SKU.
    SetCircuitSku {
        /// The circuit's id.
        node: String,
        /// The new SKU.
        sku: ErSku,
    },
    /// Set a VNet's VPN gateway SKU.
    SetVpnSku {
        /// The VNet's id.
        node: String,
        /// The new SKU.
        sku: VpnSku,
    },
    /// Set a VNet's ExpressRoute gateway SKU.
    SetErGatewaySku {
        /// The VNet's id.
        node: String,
        /// The new SKU.
        sku: ErGwSku,
    },
    /// Say which of its site's VPN devices ends an S2S link.
    SetLinkDevice {
        /// Index into the plan's links.
        link: usize,
        /// The device's name.
        device: String,
    },
    /// Turn on BGP on a VNet's VPN gateway.
    EnableGatewayBgp {
        /// The VNet's id.
        node: String,
    },
    /// Turn on branch-to-branch on a VNet's Route Server, adding the Route Server if needed.
    EnableRouteServerBranchToBranch {
        /// The VNet's id.
        node: String,
    },
    /// Allow VNet-to-VNet traffic over ExpressRoute on these VNets' ExpressRoute gateways.
    AllowErVnetToVnet {
        /// The VNets' ids.
        nodes: Vec<String>,
    },
    /// Let a VNet and a Virtual WAN hub on one circuit exchange traffic: the VNet's ExpressRoute
    /// gateway accepts traffic from Virtual WAN networks, the hub's from non-Virtual-WAN ones.
    AllowErVirtualWanTraffic {
        /// The VNet's id.
        vnet: String,
        /// The hub's id.
        hub: String,
    },
    /// Turn on branch-to-branch in a virtual WAN.
    EnableWanBranchToBranch {
        /// The wan's id.
        wan: String,
    },
    /// Give a node another id, and every link, intent and flow that names it the new id.
    RenameNode {
        /// The node's id.
        node: String,
        /// Its new id: valid, and no other node's.
        to: String,
    },
    /// Remove a node with the links, intents and flows that name it.
    DeleteNode {
        /// The node's id.
        node: String,
    },
    /// Give a user group a direct internet breakout (split tunnel): an `internet` link to the
    /// plan's internet node, which is added when the plan has none.
    SplitTunnel {
        /// The user group's id; it has no internet link yet.
        users: String,
    },
    /// Add a node and the links that attach it (see [`add`]): a second circuit or hub.
    AddNode {
        /// The node, as in the plan's `nodes`; its id is a suggestion ([`free_id`]).
        node: Box<Node>,
        /// Links as in the plan's `links`, each with the new node (its suggested id) at one end.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        links: Vec<Link>,
    },
    /// Several edits in order.
    All {
        /// The edits.
        edits: Vec<Edit>,
    },
}

// The numbers of an added node are finite: the plan's reader refuses NaN, and an edit's node
// passes the plan's checks before it is applied.
impl Eq for Edit {}

/// Applies an edit to a plan.
///
/// # Errors
/// A sentence when the edit no longer fits the plan (an id or link index that does not exist,
/// or a node without the part the edit changes); the plan is then unchanged.
pub fn apply(plan: &mut Plan, edit: &Edit) -> Result<(), String> {
    let mut next = plan.clone();
    apply_in_place(&mut next, edit)?;
    *plan = next;
    Ok(())
}

fn node_mut<'a>(plan: &'a mut Plan, id: &str) -> Result<&'a mut Node, String> {
    plan.nodes
        .iter_mut()
        .find(|n| n.id == id)
        .ok_or_else(|| format!("the plan has no node {id:?}"))
}

fn apply_in_place(plan: &mut Plan, edit: &Edit) -> Result<(), String> {
    match edit {
        Edit::SetLinkFlags { link, flags } => {
            let l = plan
                .links
                .get_mut(*link)
                .ok_or_else(|| format!("the plan has no link number {link}"))?;
            for flag in flags {
                let slot = match flag {
                    LinkFlag::UseRemoteGateways => &mut l.use_remote_gateways,
                    LinkFlag::AllowGatewayTransit => &mut l.allow_gateway_transit,
                    LinkFlag::AllowForwardedTraffic => &mut l.allow_forwarded_traffic,
                    LinkFlag::RouteViaFirewall => &mut l.route_via_firewall,
                    LinkFlag::Bgp => &mut l.bgp,
                };
                *slot = Some(true);
            }
        }
        Edit::AddLink {
            kind,
            from,
            to,
            flags,
        } => {
            for id in [from, to] {
                node_mut(plan, id)?;
            }
            plan.links.push(Link::new(*kind, from, to));
            if !flags.is_empty() {
                let link = plan.links.len() - 1;
                apply_in_place(
                    plan,
                    &Edit::SetLinkFlags {
                        link,
                        flags: flags.clone(),
                    },
                )?;
            }
        }
        Edit::SetCircuitSku { node, sku } => node_mut(plan, node)?.sku = Some(*sku),
        Edit::SetVpnSku { node, sku } => {
            let gw = node_mut(plan, node)?
                .vpn_gateway
                .as_mut()
                .ok_or_else(|| format!("{node} has no VPN gateway"))?;
            gw.sku = *sku;
            if matches!(
                sku,
                VpnSku::VpnGw4AZ | VpnSku::VpnGw5AZ | VpnSku::VpnGw4 | VpnSku::VpnGw5
            ) {
                gw.generation = Some(2);
            }
        }
        Edit::SetErGatewaySku { node, sku } => {
            let gw = node_mut(plan, node)?
                .er_gateway
                .as_mut()
                .ok_or_else(|| format!("{node} has no ExpressRoute gateway"))?;
            gw.sku = *sku;
        }
        Edit::SetLinkDevice { link, device } => {
            let l = plan
                .links
                .get_mut(*link)
                .ok_or_else(|| format!("the plan has no link number {link}"))?;
            if l.kind != LinkKind::S2s {
                return Err(format!("link number {link} is not an s2s link"));
            }
            l.device = Some(device.clone());
        }
        Edit::EnableGatewayBgp { node } => {
            let gw = node_mut(plan, node)?
                .vpn_gateway
                .as_mut()
                .ok_or_else(|| format!("{node} has no VPN gateway"))?;
            gw.bgp = Some(true);
        }
        Edit::EnableRouteServerBranchToBranch { node } => {
            node_mut(plan, node)?.route_server = Some(RouteServer {
                branch_to_branch: Some(true),
            });
        }
        Edit::AllowErVnetToVnet { nodes } => {
            for id in nodes {
                let gw = node_mut(plan, id)?
                    .er_gateway
                    .as_mut()
                    .ok_or_else(|| format!("{id} has no ExpressRoute gateway"))?;
                gw.allow_vnet_to_vnet = Some(true);
            }
        }
        Edit::AllowErVirtualWanTraffic { vnet, hub } => {
            node_mut(plan, vnet)?
                .er_gateway
                .as_mut()
                .ok_or_else(|| format!("{vnet} has no ExpressRoute gateway"))?
                .allow_virtual_wan_traffic = Some(true);
            node_mut(plan, hub)?.allow_non_virtual_wan_traffic = Some(true);
        }
        Edit::EnableWanBranchToBranch { wan } => {
            let w = plan
                .wans
                .iter_mut()
                .find(|w| &w.id == wan)
                .ok_or_else(|| format!("the plan has no virtual WAN {wan:?}"))?;
            w.branch_to_branch = Some(true);
        }
        Edit::RenameNode { node, to } => rename(plan, node, to)?,
        Edit::DeleteNode { node } => {
            node_mut(plan, node)?;
            let names = |a: &str, b: &str| a == node || b == node;
            plan.nodes.retain(|n| &n.id != node);
            plan.links.retain(|l| !names(&l.from, &l.to));
            plan.intents.retain(|i| !names(&i.from, &i.to));
            plan.flows.retain(|f| !names(&f.from, &f.to));
        }
        Edit::SplitTunnel { users } => split_tunnel(plan, users)?,
        Edit::AddNode { node, links } => add::add_node(plan, node, links)?,
        Edit::All { edits } => {
            for e in edits {
                apply_in_place(plan, e)?;
            }
        }
    }
    Ok(())
}

fn rename(plan: &mut Plan, node: &str, to: &str) -> Result<(), String> {
    node_mut(plan, node)?;
    if node == to {
        return Ok(());
    }
    if !valid_id(to) {
        return Err(format!(
            "{to:?} is not a valid id: use 1-64 characters of a-z, 0-9, `-` and `_`"
        ));
    }
    if plan.node(to).is_some() {
        return Err(format!("another node already has the id {to:?}"));
    }
    node_mut(plan, node)?.id = to.to_string();
    let ends = plan
        .links
        .iter_mut()
        .flat_map(|l| [&mut l.from, &mut l.to])
        .chain(
            plan.intents
                .iter_mut()
                .flat_map(|i| [&mut i.from, &mut i.to]),
        )
        .chain(plan.flows.iter_mut().flat_map(|f| [&mut f.from, &mut f.to]));
    for end in ends.filter(|end| end.as_str() == node) {
        *end = to.to_string();
    }
    Ok(())
}

fn split_tunnel(plan: &mut Plan, users: &str) -> Result<(), String> {
    if node_mut(plan, users)?.kind != NodeKind::Users {
        return Err(format!("{users} is not a user group"));
    }
    if plan
        .links
        .iter()
        .any(|l| l.kind == LinkKind::Internet && l.from == users)
    {
        return Err(format!("{users} already has an internet link"));
    }
    let internet = match plan.nodes.iter().find(|n| n.kind == NodeKind::Internet) {
        Some(n) => n.id.clone(),
        None => {
            let id = (1..)
                .map(|i| format!("internet-{i}"))
                .find(|id| plan.node(id).is_none())
                .unwrap_or_default();
            plan.nodes.push(Node::new(&id, NodeKind::Internet));
            id
        }
    };
    plan.links
        .push(Link::new(LinkKind::Internet, users, &internet));
    Ok(())
}

#[path = "edit_add.rs"]
pub mod add;
#[path = "edit_read.rs"]
mod read;
pub use add::free_id;
pub use read::read_edit;

#[cfg(test)]
#[path = "edit_tests.rs"]
mod tests;
