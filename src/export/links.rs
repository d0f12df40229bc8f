//! The plan's links as Azure resources: peerings (both directions, and the route table of
//! `route_via_firewall`), S2S connections (local network gateways, VNet-to-VNet, VPN sites of
//! a hub), ExpressRoute connections, Global Reach and hub connections.

use crate::engine::model::{Link, LinkKind, Node, NodeKind};

use super::build::Builder;
use super::decl::{ParamType, Value};
use super::text::fit;
use super::wan;

/// Azure's limit on the name of a connection or peering, in characters.
const NAME_MAX: usize = 80;

/// Declares what one link needs (`at` is its index in the plan, for names that would not fit).
pub fn declare(b: &mut Builder, at: usize, link: &Link) {
    let (Some(from), Some(to)) = (
        b.plan.node(&link.from).cloned(),
        b.plan.node(&link.to).cloned(),
    ) else {
        return;
    };
    let name = |a: &str, c: &str| {
        fit(format!("{a}-to-{c}"), NAME_MAX, || {
            format!("link-{at}-{c}").chars().take(NAME_MAX).collect()
        })
    };
    match link.kind {
        LinkKind::Peering => peering(b, link, &name(&from.id, &to.id), &name(&to.id, &from.id)),
        LinkKind::S2s if to.kind == NodeKind::Vnet => s2s_vnet(b, link, &from, &to, &name),
        LinkKind::S2s => s2s_hub(b, link, &from, &to),
        LinkKind::ErConnection if to.kind == NodeKind::Vnet => {
            let (Some(gw), Some(circuit)) = (b.get("ergw", &to.id), b.get("circuit", &from.id))
            else {
                return missing(b, link, "the VNet has no ExpressRoute gateway");
            };
            let mut r = b.resource("Microsoft.Network/connections", name(&to.id, &from.id));
            r.location = Some(b.location(&to));
            r.after.extend(b.get("peering", &from.id));
            r.properties = Value::obj([
                ("connectionType", Value::s("ExpressRoute")),
                ("virtualNetworkGateway1", Value::id_of(gw)),
                ("peer", Value::id_of(circuit)),
                ("routingWeight", Value::Int(0)),
            ]);
            b.add("erconn", &format!("{}-{}", to.id, from.id), r);
        }
        LinkKind::ErConnection => {
            let (Some(gw), Some(peering)) =
                (wan::er_gateway(b, &to.id), b.get("peering", &from.id))
            else {
                return missing(
                    b,
                    link,
                    "the hub or the circuit's private peering is missing",
                );
            };
            let mut r = b.resource(
                "Microsoft.Network/expressRouteGateways/expressRouteConnections",
                from.id.clone(),
            );
            r.parent = Some(gw);
            r.properties = Value::obj([
                ("expressRouteCircuitPeering", Value::id_of(peering)),
                ("routingWeight", Value::Int(0)),
            ]);
            b.add("huberconn", &format!("{}-{}", to.id, from.id), r);
        }
        LinkKind::GlobalReach => {
            let (Some(a), Some(c)) = (b.get("peering", &from.id), b.get("peering", &to.id)) else {
                return;
            };
            let prefix = b.param(
                &format!("{}_{}_global_reach_prefix", from.id, to.id),
                ParamType::Text,
                format!(
                    "A /29 for the Global Reach connection of {} and {}.",
                    from.id, to.id
                ),
            );
            let mut r = b.resource(
                "Microsoft.Network/expressRouteCircuits/peerings/connections",
                name(&from.id, &to.id),
            );
            r.parent = Some(a);
            r.properties = Value::obj([
                ("expressRouteCircuitPeering", Value::id_of(a)),
                ("peerExpressRouteCircuitPeering", Value::id_of(c)),
                ("addressPrefix", prefix),
            ]);
            b.add("globalreach", &format!("{}-{}", from.id, to.id), r);
        }
        LinkKind::VwanConnection => {
            let (Some(vnet), Some(hub)) = (b.get("vnet", &from.id), b.get("hub", &to.id)) else {
                return;
            };
            let mut r = b.resource(
                "Microsoft.Network/virtualHubs/hubVirtualNetworkConnections",
                from.id.clone(),
            );
            r.parent = Some(hub);
            r.properties = Value::obj([("remoteVirtualNetwork", Value::id_of(vnet))]);
            b.add("hubconn", &format!("{}-{}", to.id, from.id), r);
        }
        LinkKind::P2s => {
            let configured = match to.kind {
                NodeKind::Vnet => to.vpn_gateway.as_ref().is_some_and(|g| g.p2s.is_some()),
                _ => to.p2s.is_some(),
            };
            if !configured {
                missing(
                    b,
                    link,
                    "the gateway has no point-to-site configuration in the plan",
                );
            }
        }
        LinkKind::ErPrivate
        | LinkKind::ErMicrosoft
        | LinkKind::Bastion
        | LinkKind::AppGateway
        | LinkKind::VirtualDesktop
        | LinkKind::Internet => {}
    }
}

fn missing(b: &mut Builder, link: &Link, why: &str) {
    b.left_out.push(format!(
        "the {} link {} → {}: {why}",
        link.kind, link.from, link.to
    ));
}

/// Both directions of a peering; the `from` side uses the remote gateways, the `to` side
/// allows gateway transit; a route table when the `from` side routes via the firewall.
fn peering(b: &mut Builder, link: &Link, there: &str, back: &str) {
    let (Some(from), Some(to)) = (b.get("vnet", &link.from), b.get("vnet", &link.to)) else {
        return;
    };
    let forwarded = link.allow_forwarded_traffic.unwrap_or(false);
    let props = |remote: usize, transit: bool, remote_gateways: bool| {
        Value::obj([
            ("remoteVirtualNetwork", Value::id_of(remote)),
            ("allowVirtualNetworkAccess", Value::Bool(true)),
            ("allowForwardedTraffic", Value::Bool(forwarded)),
            ("allowGatewayTransit", Value::Bool(transit)),
            ("useRemoteGateways", Value::Bool(remote_gateways)),
        ])
    };
    let child = "Microsoft.Network/virtualNetworks/virtualNetworkPeerings";
    let mut r = b.resource(child, back.to_string());
    r.parent = Some(to);
    r.properties = props(from, link.allow_gateway_transit.unwrap_or(false), false);
    let back_at = b.add("peer", back, r);
    let mut r = b.resource(child, there.to_string());
    r.parent = Some(from);
    let remote_gateways = link.use_remote_gateways.unwrap_or(false);
    r.properties = props(to, false, remote_gateways);
    if remote_gateways {
        // The remote side's gateway and its peering that allows transit come first.
        r.after.push(back_at);
        r.after
            .extend(b.get("vpngw", &link.to).or(b.get("ergw", &link.to)));
    }
    b.add("peer", there, r);
    if link.route_via_firewall == Some(true) {
        route_table(b, link);
    }
}

/// The `from` VNet's route table: private destinations to the `to` VNet's firewall.
fn route_table(b: &mut Builder, link: &Link) {
    let Some(fw) = b.get("fw", &link.to) else {
        return missing(
            b,
            link,
            "route_via_firewall, but the peered VNet has no firewall",
        );
    };
    if b.get("rt", &link.from).is_some() {
        return missing(b, link, "a second route_via_firewall of the same VNet");
    }
    let Some(node) = b.plan.node(&link.from).cloned() else {
        return;
    };
    let hop = Value::Runtime(fw, "ipConfigurations[0].properties.privateIPAddress");
    let routes = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map(|prefix| {
        Value::obj([
            (
                "name",
                Value::s(format!("private-{}", prefix.replace(['.', '/'], "-"))),
            ),
            (
                "properties",
                Value::obj([
                    ("addressPrefix", Value::s(prefix)),
                    ("nextHopType", Value::s("VirtualAppliance")),
                    ("nextHopIpAddress", hop.clone()),
                ]),
            ),
        ])
    });
    let mut r = b.resource("Microsoft.Network/routeTables", format!("{}-rt", link.from));
    r.location = Some(b.location(&node));
    r.comments.push(format!(
        "route_via_firewall: the private traffic of {} goes to the firewall of {}. Gateway \
         route propagation is off so that the routes the gateway learns do not bypass it, as \
         in Microsoft's hub-spoke reference architecture \
         (https://learn.microsoft.com/azure/architecture/networking/architecture/hub-spoke). \
         Associate the table with every workload subnet (one is declared).",
        link.from, link.to
    ));
    r.properties = Value::obj([
        ("disableBgpRoutePropagation", Value::Bool(true)),
        ("routes", Value::List(routes.to_vec())),
    ]);
    let rt = b.add("rt", &link.from, r);
    let table = Value::id_of(rt);
    b.subnet(&link.from, "workload", vec![("routeTable".into(), table)]);
}

/// S2S to a VNet's VPN gateway: from a site or cloud (a local network gateway and an IPsec
/// connection) or from another VNet (a VNet-to-VNet connection each way).
fn s2s_vnet(
    b: &mut Builder,
    link: &Link,
    from: &Node,
    to: &Node,
    name: &dyn Fn(&str, &str) -> String,
) {
    let Some(gw) = b.get("vpngw", &to.id) else {
        return missing(b, link, "the VNet has no VPN gateway");
    };
    let key = b.param(
        &format!("{}_{}_shared_key", from.id, to.id),
        ParamType::Secret,
        format!(
            "The IPsec shared key of the connection of {} and {}.",
            from.id, to.id
        ),
    );
    let bgp = Value::Bool(link.bgp.unwrap_or(false));
    if from.kind == NodeKind::Vnet {
        let Some(other) = b.get("vpngw", &from.id) else {
            return missing(b, link, "the VNet at the from end has no VPN gateway");
        };
        for (one, two, a, c) in [(other, gw, from, to), (gw, other, to, from)] {
            let mut r = b.resource("Microsoft.Network/connections", name(&a.id, &c.id));
            r.location = Some(b.location(a));
            r.properties = Value::obj([
                ("connectionType", Value::s("Vnet2Vnet")),
                ("virtualNetworkGateway1", Value::id_of(one)),
                ("virtualNetworkGateway2", Value::id_of(two)),
                ("enableBgp", bgp.clone()),
                ("sharedKey", key.clone()),
            ]);
            b.add("conn", &format!("{}-{}", a.id, c.id), r);
        }
        return;
    }
    let lng = local_gateway(b, from, to, link.bgp == Some(true));
    let mut r = b.resource("Microsoft.Network/connections", name(&from.id, &to.id));
    r.location = Some(b.location(to));
    r.properties = Value::obj([
        ("connectionType", Value::s("IPsec")),
        ("virtualNetworkGateway1", Value::id_of(gw)),
        ("localNetworkGateway2", Value::id_of(lng)),
        ("enableBgp", bgp),
        ("connectionProtocol", Value::s("IKEv2")),
        ("sharedKey", key),
    ]);
    b.add("conn", &format!("{}-{}", from.id, to.id), r);
}

/// A site's (or cloud's) local network gateway, declared once, named as the site.
fn local_gateway(b: &mut Builder, site: &Node, vnet: &Node, bgp: bool) -> usize {
    if let Some(at) = b.get("lng", &site.id) {
        return at;
    }
    let ip = device_ip(b, site);
    let prefixes = site.prefixes().map(|p| Value::s(p.to_string())).collect();
    let mut props = vec![
        ("gatewayIpAddress", ip),
        (
            "localNetworkAddressSpace",
            Value::obj([("addressPrefixes", Value::List(prefixes))]),
        ),
    ];
    if bgp {
        props.push(("bgpSettings", bgp_settings(b, site)));
    }
    let mut r = b.resource("Microsoft.Network/localNetworkGateways", site.id.clone());
    r.location = Some(b.location(vnet));
    r.tags = Builder::tags(site);
    r.properties = Value::obj_from(props);
    b.add("lng", &site.id, r)
}

fn device_ip(b: &mut Builder, site: &Node) -> Value {
    b.param(
        &format!("{}_device_ip", site.id),
        ParamType::Text,
        format!(
            "Public IP address of the VPN device of {} {}.",
            site.kind, site.id
        ),
    )
}

fn bgp_settings(b: &mut Builder, site: &Node) -> Value {
    let asn = match site.asn {
        Some(a) => Value::Int(a.into()),
        None => b.param(
            &format!("{}_asn", site.id),
            ParamType::Number,
            format!("BGP ASN of {}.", site.id),
        ),
    };
    let address = b.param(
        &format!("{}_bgp_address", site.id),
        ParamType::Text,
        format!("BGP peering address of the device of {}.", site.id),
    );
    Value::obj([("asn", asn), ("bgpPeeringAddress", address)])
}

/// S2S to a Virtual WAN hub: a VPN site in the hub's WAN and a connection of the hub's VPN
/// gateway to it.
fn s2s_hub(b: &mut Builder, link: &Link, from: &Node, to: &Node) {
    let wan = to.wan.as_deref().and_then(|w| b.get("wan", w));
    let (Some(wan), Some(gw)) = (wan, wan::vpn_gateway(b, &to.id)) else {
        return missing(b, link, "the hub or its virtual WAN is missing");
    };
    let bgp = link.bgp == Some(true);
    let site = match b.get("vpnsite", &from.id) {
        Some(at) => at,
        None => {
            let mut link_props = vec![
                ("ipAddress", device_ip(b, from)),
                (
                    "linkProperties",
                    Value::obj([("linkSpeedInMbps", Value::Int(100))]),
                ),
            ];
            if bgp {
                link_props.push(("bgpProperties", bgp_settings(b, from)));
            }
            let site_link = Value::obj([
                ("name", Value::s("link1")),
                ("properties", Value::obj_from(link_props)),
            ]);
            let prefixes = from.prefixes().map(|p| Value::s(p.to_string())).collect();
            let mut r = b.resource("Microsoft.Network/vpnSites", from.id.clone());
            r.location = Some(b.location(to));
            r.tags = Builder::tags(from);
            r.properties = Value::obj([
                ("virtualWan", Value::id_of(wan)),
                (
                    "addressSpace",
                    Value::obj([("addressPrefixes", Value::List(prefixes))]),
                ),
                ("vpnSiteLinks", Value::List(vec![site_link])),
            ]);
            b.add("vpnsite", &from.id, r)
        }
    };
    let key = b.param(
        &format!("{}_{}_shared_key", from.id, to.id),
        ParamType::Secret,
        format!(
            "The IPsec shared key of the connection of {} and {}.",
            from.id, to.id
        ),
    );
    let link_connection = Value::obj([
        ("name", Value::s("link1")),
        (
            "properties",
            Value::obj([
                (
                    "vpnSiteLink",
                    Value::obj([("id", Value::ChildId(site, "vpnSiteLinks", "link1".into()))]),
                ),
                ("sharedKey", key),
                ("enableBgp", Value::Bool(bgp)),
                ("vpnConnectionProtocolType", Value::s("IKEv2")),
            ]),
        ),
    ]);
    let mut r = b.resource(
        "Microsoft.Network/vpnGateways/vpnConnections",
        from.id.clone(),
    );
    r.parent = Some(gw);
    r.properties = Value::obj([
        ("remoteVpnSite", Value::id_of(site)),
        ("vpnLinkConnections", Value::List(vec![link_connection])),
    ]);
    b.add("vpnconn", &format!("{}-{}", to.id, from.id), r);
}
