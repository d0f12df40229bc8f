//! A VNet and what it holds: VPN and ExpressRoute gateways (with point-to-site), Azure
//! Firewall, Route Server, Bastion, Application Gateway.

use crate::engine::model::{
    Auth, BastionSku, ErGwSku, FirewallSku, Node, P2sConfig, Protocol, VpnSku, VpnType,
};

use super::build::Builder;
use super::decl::{ParamType, Value};

/// Declares the VNet (its address space and subnets are written at the end) and its services.
pub fn declare(b: &mut Builder, node: &Node) {
    let mut r = b.resource("Microsoft.Network/virtualNetworks", node.id.clone());
    r.location = Some(b.location(node));
    r.tags = Builder::tags(node);
    let vnet = b.add("vnet", &node.id, r);
    if let Some(gw) = &node.vpn_gateway {
        let basic = gw.sku == VpnSku::Basic;
        let active_active = gw.active_active.unwrap_or(false);
        let mut configs = vec![ip_config(b, node, vnet, "GatewaySubnet", "pip1", basic)];
        if active_active {
            configs.push(ip_config(b, node, vnet, "GatewaySubnet", "pip2", basic));
        }
        let mut props = vec![
            ("gatewayType", Value::s("Vpn")),
            ("vpnType", Value::s(vpn_type(gw.kind()))),
            (
                "sku",
                Value::obj([
                    ("name", Value::s(gw.sku.as_str())),
                    ("tier", Value::s(gw.sku.as_str())),
                ]),
            ),
            ("activeActive", Value::Bool(active_active)),
            ("enableBgp", Value::Bool(gw.bgp.unwrap_or(false))),
            ("ipConfigurations", Value::List(configs)),
        ];
        if let Some(generation) = gw.generation {
            props.push((
                "vpnGatewayGeneration",
                Value::s(format!("Generation{generation}")),
            ));
        }
        if gw.bgp == Some(true) {
            let asn = i64::from(gw.asn.unwrap_or(65515));
            props.push(("bgpSettings", Value::obj([("asn", Value::Int(asn))])));
        }
        if let Some(p2s) = &gw.p2s {
            props.push(("vpnClientConfiguration", client_config(b, &node.id, p2s)));
        }
        let mut r = b.resource(
            "Microsoft.Network/virtualNetworkGateways",
            format!("{}-vpngw", node.id),
        );
        r.location = Some(b.location(node));
        r.properties = Value::obj_from(props);
        b.add("vpngw", &node.id, r);
    }
    if let Some(gw) = &node.er_gateway {
        let sku = er_sku(gw.sku);
        let mut props = vec![
            ("gatewayType", Value::s("ExpressRoute")),
            (
                "sku",
                Value::obj([("name", Value::s(sku)), ("tier", Value::s(sku))]),
            ),
            (
                "ipConfigurations",
                Value::List(vec![ip_config(
                    b,
                    node,
                    vnet,
                    "GatewaySubnet",
                    "er-pip",
                    false,
                )]),
            ),
            (
                "allowRemoteVnetTraffic",
                Value::Bool(gw.allow_vnet_to_vnet.unwrap_or(false)),
            ),
            (
                "allowVirtualWanTraffic",
                Value::Bool(gw.allow_virtual_wan_traffic.unwrap_or(false)),
            ),
        ];
        if let Some(units) = gw.scale_units {
            let bounds = Value::obj([
                ("min", Value::Int(units.into())),
                ("max", Value::Int(units.into())),
            ]);
            props.push(("autoScaleConfiguration", Value::obj([("bounds", bounds)])));
        }
        let mut r = b.resource(
            "Microsoft.Network/virtualNetworkGateways",
            format!("{}-ergw", node.id),
        );
        r.location = Some(b.location(node));
        r.properties = Value::obj_from(props);
        b.add("ergw", &node.id, r);
    }
    if let Some(fw) = &node.firewall {
        let tier = firewall_tier(fw.sku);
        let config = ip_config(b, node, vnet, "AzureFirewallSubnet", "fw-pip", false);
        let mut r = b.resource(
            "Microsoft.Network/azureFirewalls",
            format!("{}-fw", node.id),
        );
        r.location = Some(b.location(node));
        let sku = Value::obj([("name", Value::s("AZFW_VNet")), ("tier", Value::s(tier))]);
        r.properties = Value::obj([
            ("sku", sku),
            ("ipConfigurations", Value::List(vec![config])),
        ]);
        if tier == "Basic" {
            r.comments.push(
                "Azure Firewall Basic also needs a management IP configuration in \
                 AzureFirewallManagementSubnet (not declared here)."
                    .into(),
            );
        }
        b.add("fw", &node.id, r);
    }
    if let Some(rs) = &node.route_server {
        route_server(b, node, vnet, rs.branch_to_branch.unwrap_or(false));
    }
    if let Some(bastion) = &node.bastion {
        let sku = bastion_sku(bastion.sku.unwrap_or(BastionSku::Basic));
        let mut r = b.resource(
            "Microsoft.Network/bastionHosts",
            format!("{}-bastion", node.id),
        );
        r.location = Some(b.location(node));
        r.sku = Some(Value::obj([("name", Value::s(sku))]));
        r.properties = if sku == "Developer" {
            Value::obj([("virtualNetwork", Value::id_of(vnet))])
        } else {
            let config = ip_config(b, node, vnet, "AzureBastionSubnet", "bastion-pip", false);
            Value::obj([("ipConfigurations", Value::List(vec![config]))])
        };
        b.add("bastion", &node.id, r);
    }
    if let Some(agw) = &node.app_gateway {
        let v1 = agw.sku.as_deref() == Some("v1");
        super::appgw::declare(b, node, vnet, v1, agw.waf.unwrap_or(false));
    }
    if node.virtual_desktop.is_some() {
        b.left_out.push(format!(
            "the Azure Virtual Desktop session hosts of {} (host pool, VMs)",
            node.id
        ));
    }
}

/// An IP configuration in one of the VNet's subnets, with a public IP address of its own.
pub fn ip_config(
    b: &mut Builder,
    node: &Node,
    vnet: usize,
    subnet: &str,
    ip: &str,
    basic: bool,
) -> Value {
    b.subnet(&node.id, subnet, Vec::new());
    let pip = b.public_ip(node, format!("{}-{ip}", node.id), basic);
    Value::obj([
        ("name", Value::s(ip)),
        (
            "properties",
            Value::obj([
                (
                    "subnet",
                    Value::obj([("id", Value::ChildId(vnet, "subnets", subnet.into()))]),
                ),
                ("publicIPAddress", Value::id_of(pip)),
            ]),
        ),
    ])
}

fn route_server(b: &mut Builder, node: &Node, vnet: usize, branch_to_branch: bool) {
    let mut r = b.resource("Microsoft.Network/virtualHubs", format!("{}-rs", node.id));
    r.location = Some(b.location(node));
    r.properties = Value::obj([
        ("sku", Value::s("Standard")),
        ("allowBranchToBranchTraffic", Value::Bool(branch_to_branch)),
    ]);
    let rs = b.add("rs", &node.id, r);
    b.subnet(&node.id, "RouteServerSubnet", Vec::new());
    let pip = b.public_ip(node, format!("{}-rs-pip", node.id), false);
    let mut c = b.resource(
        "Microsoft.Network/virtualHubs/ipConfigurations",
        "ipconfig1".into(),
    );
    c.parent = Some(rs);
    c.properties = Value::obj([
        (
            "subnet",
            Value::obj([(
                "id",
                Value::ChildId(vnet, "subnets", "RouteServerSubnet".into()),
            )]),
        ),
        ("publicIPAddress", Value::id_of(pip)),
    ]);
    b.add("rsip", &node.id, c);
}

/// The point-to-site configuration of a VNet gateway, with parameters for its secrets.
fn client_config(b: &mut Builder, id: &str, p2s: &P2sConfig) -> Value {
    let pool = p2s
        .address_pool
        .iter()
        .map(|c| Value::s(c.to_string()))
        .collect();
    let mut props = vec![
        (
            "vpnClientAddressPool",
            Value::obj([("addressPrefixes", Value::List(pool))]),
        ),
        (
            "vpnClientProtocols",
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
    if p2s.auth.contains(&Auth::Certificate) {
        let data = b.param(&format!("{id}_p2s_root_cert"), ParamType::Text, format!("Public data of the root certificate of the point-to-site clients of {id} (Base64, without header)."));
        let cert = Value::obj([
            ("name", Value::s("root")),
            ("properties", Value::obj([("publicCertData", data)])),
        ]);
        props.push(("vpnClientRootCertificates", Value::List(vec![cert])));
    }
    if p2s.auth.contains(&Auth::Radius) {
        let address = b.param(
            &format!("{id}_radius_address"),
            ParamType::Text,
            format!("Address of the RADIUS server of {id}."),
        );
        let secret = b.param(
            &format!("{id}_radius_secret"),
            ParamType::Secret,
            format!("Shared secret of the RADIUS server of {id}."),
        );
        props.push(("radiusServerAddress", address));
        props.push(("radiusServerSecret", secret));
    }
    if p2s.auth.contains(&Auth::Entra) {
        for (field, what) in [
            ("aadTenant", "tenant URL"),
            ("aadAudience", "audience (application id)"),
            ("aadIssuer", "issuer URL"),
        ] {
            let v = b.param(
                &format!("{id}_{field}"),
                ParamType::Text,
                format!("Microsoft Entra ID {what} of the point-to-site clients of {id}."),
            );
            props.push((field, v));
        }
    }
    Value::obj_from(props)
}

fn vpn_type(t: VpnType) -> &'static str {
    match t {
        VpnType::RouteBased => "RouteBased",
        VpnType::PolicyBased => "PolicyBased",
    }
}

/// The tunnel type as ARM names it.
pub fn protocol(p: Protocol) -> &'static str {
    match p {
        Protocol::Openvpn => "OpenVPN",
        Protocol::Ikev2 => "IkeV2",
        Protocol::Sstp => "SSTP",
    }
}

/// The authentication type as ARM names it.
pub fn auth(a: Auth) -> &'static str {
    match a {
        Auth::Certificate => "Certificate",
        Auth::Entra => "AAD",
        Auth::Radius => "Radius",
    }
}

fn er_sku(s: ErGwSku) -> &'static str {
    match s {
        ErGwSku::Standard => "Standard",
        ErGwSku::HighPerformance => "HighPerformance",
        ErGwSku::UltraPerformance => "UltraPerformance",
        ErGwSku::ErGw1AZ => "ErGw1AZ",
        ErGwSku::ErGw2AZ => "ErGw2AZ",
        ErGwSku::ErGw3AZ => "ErGw3AZ",
        ErGwSku::ErGwScale => "ErGwScale",
    }
}

/// The firewall tier as ARM names it (Standard unless the plan says).
pub fn firewall_tier(sku: Option<FirewallSku>) -> &'static str {
    match sku.unwrap_or(FirewallSku::Standard) {
        FirewallSku::Basic => "Basic",
        FirewallSku::Standard => "Standard",
        FirewallSku::Premium => "Premium",
    }
}

fn bastion_sku(s: BastionSku) -> &'static str {
    match s {
        BastionSku::Developer => "Developer",
        BastionSku::Basic => "Basic",
        BastionSku::Standard => "Standard",
        BastionSku::Premium => "Premium",
    }
}
