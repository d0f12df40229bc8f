//! Virtual WAN: the WAN, its hubs, the hubs' firewalls and routing intent, and the hub
//! gateways (S2S, point-to-site, ExpressRoute) that connections need.

use crate::engine::model::{Node, WanType};

use super::build::Builder;
use super::decl::{ParamType, Value};
use super::vnet::{auth, firewall_tier, protocol};

/// Declares the hub (and its WAN the first time), its firewall, routing intent and
/// point-to-site gateway.
pub fn declare_hub(b: &mut Builder, node: &Node) {
    let wan = node.wan.as_deref().and_then(|w| declare_wan(b, w, node));
    let mut r = b.resource("Microsoft.Network/virtualHubs", node.id.clone());
    r.location = Some(b.location(node));
    r.tags = Builder::tags(node);
    let prefix = match node.prefixes().next() {
        Some(p) => Value::s(p.to_string()),
        None => b.param(
            &format!("{}_address_prefix", node.id),
            ParamType::Text,
            format!(
                "Address prefix of hub {} (at least /24; the plan does not say it).",
                node.id
            ),
        ),
    };
    let mut props = vec![("addressPrefix", prefix), ("sku", Value::s("Standard"))];
    match wan {
        Some(w) => props.insert(0, ("virtualWan", Value::id_of(w))),
        None => r
            .comments
            .push("The plan names no virtual WAN for this hub.".into()),
    }
    r.properties = Value::obj_from(props);
    let hub = b.add("hub", &node.id, r);
    if let Some(fw) = &node.firewall {
        let mut r = b.resource(
            "Microsoft.Network/azureFirewalls",
            format!("{}-fw", node.id),
        );
        r.location = Some(b.location(node));
        let sku = Value::obj([
            ("name", Value::s("AZFW_Hub")),
            ("tier", Value::s(firewall_tier(fw.sku))),
        ]);
        let ips = Value::obj([("publicIPs", Value::obj([("count", Value::Int(1))]))]);
        r.properties = Value::obj([
            ("sku", sku),
            ("virtualHub", Value::id_of(hub)),
            ("hubIPAddresses", ips),
        ]);
        b.add("fw", &node.id, r);
    }
    if let Some(intent) = node.routing_intent.filter(|i| i.private || i.internet) {
        match b.get("fw", &node.id) {
            Some(fw) => {
                let mut policies = Vec::new();
                for (on, name, destination) in [
                    (intent.private, "PrivateTrafficPolicy", "PrivateTraffic"),
                    (intent.internet, "PublicTrafficPolicy", "Internet"),
                ] {
                    if on {
                        policies.push(Value::obj([
                            ("name", Value::s(name)),
                            ("destinations", Value::List(vec![Value::s(destination)])),
                            ("nextHop", Value::Id(fw)),
                        ]));
                    }
                }
                let mut r = b.resource(
                    "Microsoft.Network/virtualHubs/routingIntent",
                    "routingIntent".into(),
                );
                r.parent = Some(hub);
                r.properties = Value::obj([("routingPolicies", Value::List(policies))]);
                b.add("intent", &node.id, r);
            }
            None => b.left_out.push(format!(
                "the routing intent of hub {}: it needs a firewall in the hub, which the plan \
                 does not give it",
                node.id
            )),
        }
    }
    if node.p2s.is_some() {
        p2s_gateway(b, node, hub);
    }
}

/// Declares a virtual WAN once.
fn declare_wan(b: &mut Builder, id: &str, hub: &Node) -> Option<usize> {
    if let Some(at) = b.get("wan", id) {
        return Some(at);
    }
    let wan = b.plan.wan(id)?.clone();
    let mut r = b.resource("Microsoft.Network/virtualWans", wan.id.clone());
    r.location = Some(b.location(hub));
    if let Some(name) = &wan.name {
        r.tags = vec![("reachplan-name".into(), name.chars().take(256).collect())];
    }
    let kind = match wan.wan_type {
        WanType::Basic => "Basic",
        WanType::Standard => "Standard",
    };
    r.properties = Value::obj([
        ("type", Value::s(kind)),
        (
            "allowBranchToBranchTraffic",
            Value::Bool(wan.branch_to_branch.unwrap_or(true)),
        ),
        ("disableVpnEncryption", Value::Bool(false)),
    ]);
    Some(b.add("wan", &wan.id, r))
}

/// The hub's S2S VPN gateway, declared the first time a connection needs it.
pub fn vpn_gateway(b: &mut Builder, hub_id: &str) -> Option<usize> {
    if let Some(at) = b.get("hubvpn", hub_id) {
        return Some(at);
    }
    let hub = b.get("hub", hub_id)?;
    let node = b.plan.node(hub_id)?.clone();
    let units = node.scale_units.and_then(|s| s.s2s).unwrap_or(1);
    let mut r = b.resource("Microsoft.Network/vpnGateways", format!("{hub_id}-vpngw"));
    r.location = Some(b.location(&node));
    r.properties = Value::obj([
        ("virtualHub", Value::id_of(hub)),
        ("vpnGatewayScaleUnit", Value::Int(units.into())),
        ("bgpSettings", Value::obj([("asn", Value::Int(65515))])),
    ]);
    Some(b.add("hubvpn", hub_id, r))
}

/// The hub's ExpressRoute gateway, declared the first time a connection needs it.
pub fn er_gateway(b: &mut Builder, hub_id: &str) -> Option<usize> {
    if let Some(at) = b.get("huber", hub_id) {
        return Some(at);
    }
    let hub = b.get("hub", hub_id)?;
    let node = b.plan.node(hub_id)?.clone();
    let units = node.scale_units.and_then(|s| s.er).unwrap_or(1);
    let mut r = b.resource(
        "Microsoft.Network/expressRouteGateways",
        format!("{hub_id}-ergw"),
    );
    r.location = Some(b.location(&node));
    let bounds = Value::obj([("min", Value::Int(units.into()))]);
    r.properties = Value::obj([
        ("virtualHub", Value::id_of(hub)),
        ("autoScaleConfiguration", Value::obj([("bounds", bounds)])),
        (
            "allowNonVirtualWanTraffic",
            Value::Bool(node.allow_non_virtual_wan_traffic.unwrap_or(false)),
        ),
    ]);
    Some(b.add("huber", hub_id, r))
}

/// The hub's User VPN: a VPN server configuration and a point-to-site gateway.
fn p2s_gateway(b: &mut Builder, node: &Node, hub: usize) {
    let Some(p2s) = &node.p2s else { return };
    let id = &node.id;
    let mut props = vec![
        (
            "vpnProtocols",
            Value::List(
                p2s.protocols
                    .iter()
                    .map(|p| Value::s(protocol(*p)))
                    .collect(),
            ),
        ),
        (
            "vpnAuthenticationTypes",
            Value::List(p2s.auth.iter().map(|a| Value::s(auth(*a))).collect()),
        ),
    ];
    for a in &p2s.auth {
        let (field, what, ty) = match a {
            crate::engine::model::Auth::Certificate => (
                "vpnClientRootCertificates",
                "root certificate data",
                ParamType::Text,
            ),
            crate::engine::model::Auth::Radius => (
                "radiusServerAddress",
                "RADIUS server address",
                ParamType::Text,
            ),
            crate::engine::model::Auth::Entra => (
                "aadAuthenticationParameters",
                "Microsoft Entra ID tenant URL",
                ParamType::Text,
            ),
        };
        let v = b.param(
            &format!("{id}_{field}"),
            ty,
            format!("The {what} of the User VPN of hub {id}."),
        );
        let v = match a {
            crate::engine::model::Auth::Certificate => Value::List(vec![Value::obj([
                ("name", Value::s("root")),
                ("publicCertData", v),
            ])]),
            crate::engine::model::Auth::Radius => v,
            crate::engine::model::Auth::Entra => Value::obj([("aadTenant", v)]),
        };
        props.push((field, v));
    }
    let mut config = b.resource(
        "Microsoft.Network/vpnServerConfigurations",
        format!("{id}-p2s-config"),
    );
    config.location = Some(b.location(node));
    config.properties = Value::obj_from(props);
    let config = b.add("p2sconfig", id, config);
    let pool = p2s
        .address_pool
        .iter()
        .map(|c| Value::s(c.to_string()))
        .collect();
    let connection = Value::obj([
        ("name", Value::s("users")),
        (
            "properties",
            Value::obj([(
                "vpnClientAddressPool",
                Value::obj([("addressPrefixes", Value::List(pool))]),
            )]),
        ),
    ]);
    let units = node.scale_units.and_then(|s| s.p2s).unwrap_or(1);
    let mut r = b.resource("Microsoft.Network/p2svpnGateways", format!("{id}-p2sgw"));
    r.location = Some(b.location(node));
    r.properties = Value::obj([
        ("virtualHub", Value::id_of(hub)),
        ("vpnServerConfiguration", Value::id_of(config)),
        ("vpnGatewayScaleUnit", Value::Int(units.into())),
        ("p2SConnectionConfigurations", Value::List(vec![connection])),
    ]);
    b.add("hubp2s", id, r);
}
