//! Virtual network gateways (VPN and ExpressRoute) folded into their VNet node, with the users
//! of a point-to-site configuration as a `users` node.
//!
//! Sources: VPN gateway SKUs and the legacy `Standard` / `HighPerformance` SKUs,
//! <https://learn.microsoft.com/azure/vpn-gateway/about-gateway-skus> and
//! <https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-skus-legacy>; ExpressRoute
//! gateway SKUs,
//! <https://learn.microsoft.com/azure/expressroute/expressroute-about-virtual-network-gateways>;
//! point-to-site settings, <https://learn.microsoft.com/azure/vpn-gateway/point-to-site-about>.

use crate::engine::model::{
    Auth, ErGateway, ErGwSku, Link, LinkKind, NodeKind, P2sConfig, Protocol, VpnGateway, VpnSku,
    VpnType,
};

use super::arm::Build;
use super::ids;
use super::report::NoteKind;
use super::resource::Resource;

const GATEWAY: &str = "Microsoft.Network/virtualNetworkGateways";
const VNET: &str = "Microsoft.Network/virtualNetworks";

/// The VNet a resource sits in, from the subnet of its first IP configuration (a gateway's
/// `GatewaySubnet`, a firewall's `AzureFirewallSubnet`): the node it became, or one marked
/// outside the import.
pub(crate) fn vnet_of(b: &mut Build, r: &Resource, configs: &str) -> Option<String> {
    let Some(serde_json::Value::Array(items)) = r.at(configs) else {
        return None;
    };
    let subnet = items.iter().find_map(|c| {
        let id = super::resource::at(c, "properties/subnet/id")?;
        super::resource::text(id).map(str::to_string)
    })?;
    vnet_of_subnet(b, r, &subnet, &configs.replace('/', "."))
}

/// The VNet node of a subnet id (`…/virtualNetworks/hub/subnets/GatewaySubnet`): the node its
/// VNet became, or one marked outside the import.
pub(crate) fn vnet_of_subnet(
    b: &mut Build,
    r: &Resource,
    subnet: &str,
    path: &str,
) -> Option<String> {
    let vnet_id = match ids::parent(subnet) {
        Some(id) => id,
        None => {
            let (_, name) = ids::parse(subnet)?;
            ids::build(VNET, name.split('/').next()?)
        }
    };
    Some(b.node_for(&vnet_id, NodeKind::Vnet, r, path))
}

/// Every virtual network gateway, onto its VNet's node.
pub(crate) fn gateways(b: &mut Build) {
    for (i, r) in b.of_type(GATEWAY) {
        let Some(vnet) = vnet_of(b, r, "properties/ipConfigurations") else {
            let message = "the gateway's subnet is not known (ipConfigurations[].properties.\
                           subnet.id); left out"
                .to_string();
            b.note(r, NoteKind::Problem, "properties.ipConfigurations", message);
            b.mapped(i, "nothing (its VNet is not known)".into());
            continue;
        };
        b.gateways.insert(r.key(), vnet.clone());
        let kind = r.text("properties/gatewayType").unwrap_or("Vpn");
        if kind.eq_ignore_ascii_case("ExpressRoute") {
            let gw = er_gateway(b, r);
            if let Some(node) = b.node_mut(&vnet) {
                node.er_gateway = Some(gw);
            }
            b.mapped(i, format!("er_gateway of node {vnet}"));
        } else {
            let gw = vpn_gateway(b, r);
            let p2s = gw.p2s.is_some();
            if let Some(node) = b.node_mut(&vnet) {
                node.vpn_gateway = Some(gw);
            }
            b.mapped(i, format!("vpn_gateway of node {vnet}"));
            if p2s {
                users(b, r, &vnet);
            }
        }
    }
}

fn vpn_sku(b: &mut Build, r: &Resource) -> VpnSku {
    let name = r
        .text("properties/sku/name")
        .or_else(|| r.text("sku/name"))
        .unwrap_or("");
    if let Some(sku) = VpnSku::ALL
        .iter()
        .find(|s| s.as_str().eq_ignore_ascii_case(name))
    {
        return *sku;
    }
    let (sku, message) = match name.to_ascii_lowercase().as_str() {
        "standard" => (
            VpnSku::VpnGw1,
            "the legacy VPN SKU Standard is taken as VpnGw1, the SKU Microsoft migrates it to"
                .to_string(),
        ),
        "highperformance" => (
            VpnSku::VpnGw2,
            "the legacy VPN SKU HighPerformance is taken as VpnGw2, the SKU Microsoft \
             migrates it to"
                .to_string(),
        ),
        "" => (
            VpnSku::VpnGw1,
            "the input gives the gateway no SKU; VpnGw1 taken".to_string(),
        ),
        _ => (
            VpnSku::VpnGw1,
            format!("the VPN SKU {name:?} is not known; VpnGw1 taken"),
        ),
    };
    b.note(r, NoteKind::Defaulted, "properties.sku.name", message);
    sku
}

fn vpn_gateway(b: &mut Build, r: &Resource) -> VpnGateway {
    let sku = vpn_sku(b, r);
    let generation = match r.text("properties/vpnGatewayGeneration") {
        Some(g) if g.ends_with('1') => Some(1),
        Some(g) if g.ends_with('2') => Some(2),
        _ => None,
    };
    let gateway_type = match r.text("properties/vpnType") {
        Some(t) if t.eq_ignore_ascii_case("PolicyBased") => Some(VpnType::PolicyBased),
        Some(_) => Some(VpnType::RouteBased),
        None => None,
    };
    let asn = r
        .at("properties/bgpSettings/asn")
        .and_then(super::resource::number)
        .and_then(|n| u32::try_from(n).ok());
    let p2s = r
        .at("properties/vpnClientConfiguration")
        .filter(|v| v.is_object())
        .map(|_| p2s(b, r, "properties/vpnClientConfiguration"));
    VpnGateway {
        sku,
        generation,
        gateway_type,
        active_active: r.flag("properties/activeActive"),
        bgp: r.flag("properties/enableBgp"),
        asn,
        p2s,
    }
}

/// A point-to-site configuration: its pool, protocols and authentication (given, or read from
/// the settings each kind needs: root certificates, RADIUS servers, an Entra tenant).
pub(crate) fn p2s(b: &mut Build, r: &Resource, at: &str) -> P2sConfig {
    let address_pool = b.prefixes(r, &format!("{at}/vpnClientAddressPool/addressPrefixes"));
    let (protocols, auth) = offers(b, r, at, "vpnClientProtocols");
    P2sConfig {
        protocols,
        auth,
        address_pool,
    }
}

/// The protocols (under `key`) and authentication types a P2S configuration offers.
pub(crate) fn offers(
    b: &mut Build,
    r: &Resource,
    at: &str,
    key: &str,
) -> (Vec<Protocol>, Vec<Auth>) {
    let mut protocols: Vec<Protocol> = r
        .strings(&format!("{at}/{key}"))
        .iter()
        .filter_map(|p| match p.to_ascii_lowercase().as_str() {
            "openvpn" => Some(Protocol::Openvpn),
            "ikev2" => Some(Protocol::Ikev2),
            "sstp" => Some(Protocol::Sstp),
            _ => None,
        })
        .collect();
    if protocols.is_empty() {
        protocols = vec![Protocol::Sstp, Protocol::Ikev2];
        let message = format!("no {key}: SSTP and IKEv2 taken, Azure's default");
        b.note(r, NoteKind::Defaulted, &at.replace('/', "."), message);
    }
    let mut auth: Vec<Auth> = r
        .strings(&format!("{at}/vpnAuthenticationTypes"))
        .iter()
        .filter_map(|a| match a.to_ascii_lowercase().as_str() {
            "certificate" => Some(Auth::Certificate),
            "radius" => Some(Auth::Radius),
            "aad" => Some(Auth::Entra),
            _ => None,
        })
        .collect();
    if auth.is_empty() {
        let has = |k: &str| r.at(&format!("{at}/{k}")).is_some_and(|v| !v.is_null());
        if has("vpnClientRootCertificates") {
            auth.push(Auth::Certificate);
        }
        if has("radiusServerAddress") || has("radiusServers") {
            auth.push(Auth::Radius);
        }
        if has("aadTenant") || has("aadAuthenticationParameters") {
            auth.push(Auth::Entra);
        }
    }
    (protocols, auth)
}

/// The remote users of a point-to-site configuration: a `users` node with a `p2s` link.
pub(crate) fn users(b: &mut Build, r: &Resource, to: &str) {
    let name = format!("{}-users", r.short_name());
    let id = b.node_ids.make(&name, "users");
    let mut node = crate::engine::model::Node::new(&id, NodeKind::Users);
    node.name = Some(format!("P2S users of {}", r.short_name()));
    b.plan.nodes.push(node);
    let link = Link::new(LinkKind::P2s, &id, to);
    b.plan.links.push(link);
    let message = format!(
        "node {id} stands for the point-to-site users; their number is not in Azure's data \
         (the analysis's default count is used until you set it)"
    );
    b.note(r, NoteKind::Defaulted, "", message);
}

fn er_gateway(b: &mut Build, r: &Resource) -> ErGateway {
    let name = r
        .text("properties/sku/name")
        .or_else(|| r.text("sku/name"))
        .unwrap_or("");
    let sku = match name.to_ascii_lowercase().as_str() {
        "standard" => ErGwSku::Standard,
        "highperformance" => ErGwSku::HighPerformance,
        "ultraperformance" => ErGwSku::UltraPerformance,
        "ergw1az" => ErGwSku::ErGw1AZ,
        "ergw2az" => ErGwSku::ErGw2AZ,
        "ergw3az" => ErGwSku::ErGw3AZ,
        "ergwscale" => ErGwSku::ErGwScale,
        _ => {
            let message =
                format!("the ExpressRoute gateway SKU {name:?} is not known; Standard taken");
            b.note(r, NoteKind::Defaulted, "properties.sku.name", message);
            ErGwSku::Standard
        }
    };
    ErGateway {
        sku,
        allow_vnet_to_vnet: r.flag("properties/allowRemoteVnetTraffic"),
        allow_virtual_wan_traffic: r.flag("properties/allowVirtualWanTraffic"),
        scale_units: r
            .at("properties/autoScaleConfiguration/bounds/min")
            .and_then(super::resource::number)
            .and_then(|n| u32::try_from(n).ok())
            .filter(|_| sku == ErGwSku::ErGwScale),
    }
}
