//! Local network gateways (on-premises sites) and connections: site-to-site with BGP,
//! VNet-to-VNet, and ExpressRoute connections of a circuit to a VNet's gateway.
//!
//! Source: <https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpn-gateway-settings>
//! (connection types `IPsec`, `Vnet2Vnet`, `ExpressRoute`) and
//! <https://learn.microsoft.com/azure/vpn-gateway/tutorial-site-to-site-portal> (a local network
//! gateway names the on-premises address prefixes and the device's address).

use crate::engine::model::{ErGateway, ErGwSku, Link, LinkKind, NodeKind, VpnGateway, VpnSku};

use super::arm::Build;
use super::ids;
use super::report::NoteKind;
use super::resource::Resource;

const LOCAL: &str = "Microsoft.Network/localNetworkGateways";
const CONNECTION: &str = "Microsoft.Network/connections";

/// Every local network gateway becomes a `site` node.
pub(crate) fn sites(b: &mut Build) {
    for (i, r) in b.of_type(LOCAL) {
        let id = b.add_node(r, NodeKind::Site);
        let space = b.prefixes(r, "properties/localNetworkAddressSpace/addressPrefixes");
        let asn = r
            .number("properties/bgpSettings/asn")
            .and_then(|n| u32::try_from(n).ok());
        let region = super::network::region(b, r);
        let message = if space.is_empty() {
            "no on-premises prefix is listed (with BGP the site's routes are learned); the site \
             has no address space in the plan"
                .to_string()
        } else {
            "the site's address space is the prefixes the local network gateway lists".to_string()
        };
        b.note(
            r,
            NoteKind::Defaulted,
            "properties.localNetworkAddressSpace",
            message,
        );
        if let Some(node) = b.node_mut(&id) {
            node.address_space = (!space.is_empty()).then_some(space);
            node.asn = asn;
            node.region = region;
        }
        b.mapped(i, format!("node {id}"));
    }
}

/// The VNet node of a virtual network gateway the input holds, or a VNet node marked outside
/// the import named after the gateway. A connection to a gateway outside the input (a
/// template that extends an existing network) ends on a gateway all the same: the stand-in
/// VNet gets a route-based VPN gateway of the smallest current SKU, said as a default.
fn gateway_vnet(b: &mut Build, r: &Resource, path: &str) -> Option<String> {
    let id = r.reference(path)?;
    let key = ids::key_of(&id);
    if let Some(vnet) = b.gateways.get(&key) {
        return Some(vnet.clone());
    }
    let at = path.replace('/', ".");
    let vnet = b.node_for(&id, NodeKind::Vnet, r, &at);
    let expressroute = r
        .text("properties/connectionType")
        .is_some_and(|t| t.eq_ignore_ascii_case("ExpressRoute"));
    if let Some(node) = b.node_mut(&vnet) {
        if node.vpn_gateway.is_none() && node.er_gateway.is_none() {
            let what = if expressroute {
                node.er_gateway = Some(ErGateway {
                    sku: ErGwSku::ErGw1AZ,
                    allow_vnet_to_vnet: None,
                    allow_virtual_wan_traffic: None,
                    scale_units: None,
                });
                "an ExpressRoute gateway of SKU ErGw1AZ"
            } else {
                node.vpn_gateway = Some(VpnGateway {
                    sku: VpnSku::VpnGw1AZ,
                    generation: None,
                    gateway_type: None,
                    active_active: None,
                    bgp: None,
                    asn: None,
                    p2s: None,
                });
                "a route-based VPN gateway of SKU VpnGw1AZ"
            };
            let message = format!(
                "the gateway is outside the input: node {vnet} stands for its VNet, with {what} \
                 (its SKU and settings are not known)"
            );
            b.note(r, NoteKind::Defaulted, &at, message);
        }
    }
    b.gateways.insert(key, vnet.clone());
    Some(vnet)
}

/// Every connection becomes an `s2s` or `er_connection` link.
pub(crate) fn connections(b: &mut Build) {
    let mut vnet_to_vnet: Vec<(String, String)> = Vec::new();
    for (i, r) in b.of_type(CONNECTION) {
        let kind = r
            .text("properties/connectionType")
            .unwrap_or("IPsec")
            .to_string();
        let Some(vnet) = gateway_vnet(b, r, "properties/virtualNetworkGateway1") else {
            let message = "no virtualNetworkGateway1.id is known; no link".to_string();
            b.note(
                r,
                NoteKind::Problem,
                "properties.virtualNetworkGateway1",
                message,
            );
            b.mapped(i, "no link (its gateway is not known)".into());
            continue;
        };
        let (link_kind, from) = match kind.to_ascii_lowercase().as_str() {
            "ipsec" => {
                let Some(site) = r.reference("properties/localNetworkGateway2") else {
                    b.mapped(i, "no link (its local network gateway is not known)".into());
                    continue;
                };
                let path = "properties.localNetworkGateway2";
                (LinkKind::S2s, b.node_for(&site, NodeKind::Site, r, path))
            }
            "vnet2vnet" => {
                let Some(other) = gateway_vnet(b, r, "properties/virtualNetworkGateway2") else {
                    b.mapped(i, "no link (the other gateway is not known)".into());
                    continue;
                };
                let pair = if other < vnet {
                    (other.clone(), vnet.clone())
                } else {
                    (vnet.clone(), other.clone())
                };
                if vnet_to_vnet.contains(&pair) {
                    b.mapped(
                        i,
                        format!("the link of {} → {}, from its other side", pair.0, pair.1),
                    );
                    continue;
                }
                vnet_to_vnet.push(pair);
                (LinkKind::S2s, other)
            }
            "expressroute" => {
                let Some(circuit) = r.reference("properties/peer") else {
                    b.mapped(
                        i,
                        "no link (its circuit is not known, properties.peer)".into(),
                    );
                    continue;
                };
                let path = "properties.peer";
                let node = b.node_for(&circuit, NodeKind::Expressroute, r, path);
                (LinkKind::ErConnection, node)
            }
            other => {
                let message = format!("connection type {other:?} is not one the plan models");
                b.note(r, NoteKind::Problem, "properties.connectionType", message);
                b.mapped(i, "no link".into());
                continue;
            }
        };
        let mut link = Link::new(link_kind, &from, &vnet);
        link.id = Some(b.link_ids.make(r.short_name(), link_kind.as_str()));
        link.name = Some(r.short_name().to_string());
        link.azure_id = Some(r.id.clone());
        if link_kind == LinkKind::S2s {
            link.bgp = Some(r.flag("properties/enableBgp").unwrap_or(false));
        }
        if r.flag("properties/usePolicyBasedTrafficSelectors") == Some(true) {
            let message = "policy-based traffic selectors: the plan does not model the \
                           selectors; the connection is taken as carrying every prefix"
                .to_string();
            b.note(
                r,
                NoteKind::Defaulted,
                "properties.usePolicyBasedTrafficSelectors",
                message,
            );
        }
        let label = link.id.clone().unwrap_or_default();
        b.plan.links.push(link);
        b.mapped(i, format!("link {label}"));
    }
}
