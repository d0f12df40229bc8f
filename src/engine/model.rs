//! The plan: plain data that mirrors plan format version 1 field for field.
//!
//! Every optional field is an `Option` so that a plan read and written again keeps exactly what
//! its author wrote; defaults are applied by the analysis, never stored. The types know nothing
//! of JSON errors or analysis: `format` reads and writes them, `topology` interprets them.

use std::fmt;

use ipnet::IpNet;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A whole plan: the network a person designs, with what they expect of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The format version; always 1 for plans this crate reads.
    pub reachplan: u32,
    /// A short title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Plain text about the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Virtual WANs that `vwan_hub` nodes belong to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wans: Vec<Wan>,
    /// Networks, circuits and hubs.
    #[serde(default)]
    pub nodes: Vec<Node>,
    /// Connections between nodes.
    #[serde(default)]
    pub links: Vec<Link>,
    /// Expected answers, checked by the analysis.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intents: Vec<Intent>,
    /// Traffic demands between endpoints.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flows: Vec<Flow>,
}

impl Plan {
    /// An empty version 1 plan.
    pub fn new() -> Plan {
        Plan {
            reachplan: 1,
            title: None,
            description: None,
            wans: Vec::new(),
            nodes: Vec::new(),
            links: Vec::new(),
            intents: Vec::new(),
            flows: Vec::new(),
        }
    }

    /// The node with this id, if any.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// The virtual WAN with this id, if any.
    pub fn wan(&self, id: &str) -> Option<&Wan> {
        self.wans.iter().find(|w| w.id == id)
    }
}

impl Default for Plan {
    fn default() -> Self {
        Plan::new()
    }
}

/// A virtual WAN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wan {
    /// Unique id.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Basic or Standard.
    #[serde(rename = "type")]
    pub wan_type: WanType,
    /// Whether branches (S2S, P2S, ExpressRoute) reach each other through the hubs; default true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch_to_branch: Option<bool>,
}

/// The type of a virtual WAN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WanType {
    /// S2S VPN only, hubs not meshed.
    Basic,
    /// Every connection type, hubs meshed.
    Standard,
}

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// An on-premises site.
    Site,
    /// A group of remote workers connecting point-to-site.
    Users,
    /// An Azure virtual network.
    Vnet,
    /// A hub of an Azure Virtual WAN.
    VwanHub,
    /// An ExpressRoute circuit.
    Expressroute,
    /// A network in another cloud.
    Cloud,
    /// Microsoft public services.
    Microsoft,
    /// The public internet.
    Internet,
}

impl NodeKind {
    /// The kind as written in a plan.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Site => "site",
            NodeKind::Users => "users",
            NodeKind::Vnet => "vnet",
            NodeKind::VwanHub => "vwan_hub",
            NodeKind::Expressroute => "expressroute",
            NodeKind::Cloud => "cloud",
            NodeKind::Microsoft => "microsoft",
            NodeKind::Internet => "internet",
        }
    }

    /// Whether nodes of this kind are endpoints of the analysis (circuits and hubs are transit).
    pub fn is_endpoint(self) -> bool {
        !matches!(self, NodeKind::VwanHub | NodeKind::Expressroute)
    }

    /// The node fields (beyond the common ones) that this kind accepts.
    pub fn own_fields(self) -> &'static [&'static str] {
        match self {
            NodeKind::Site => &["vpn_device", "asn"],
            NodeKind::Users => &["count", "clients", "mbps_per_user"],
            NodeKind::Vnet => &[
                "vpn_gateway",
                "er_gateway",
                "firewall",
                "route_server",
                "bastion",
                "app_gateway",
                "virtual_desktop",
            ],
            NodeKind::VwanHub => &["wan", "firewall", "routing_intent", "scale_units", "p2s"],
            NodeKind::Expressroute => &["location", "sku", "bandwidth_mbps", "direct", "provider"],
            NodeKind::Cloud => &["provider"],
            NodeKind::Microsoft | NodeKind::Internet => &[],
        }
    }
}

impl fmt::Display for NodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A position on the diagram; never affects analysis.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// Horizontal, in diagram units.
    pub x: f64,
    /// Vertical, in diagram units.
    pub y: f64,
}

/// A network, circuit or hub. One flat record for every kind, as in the file; `format` rejects
/// fields that the kind does not take (see [`NodeKind::own_fields`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Unique id: 1-64 characters of a-z, 0-9, `-` and `_`.
    pub id: String,
    /// What the node is.
    pub kind: NodeKind,
    /// Display name; defaults to the id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Plain text about the node.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Address prefixes of the network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_space: Option<Vec<Cidr>>,
    /// Azure region name (e.g. `westeurope`) or the other cloud's region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Where the diagram draws it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,

    /// Site: the kind of on-premises VPN device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vpn_device: Option<VpnType>,
    /// Site: its BGP autonomous system number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asn: Option<u32>,

    /// Users: how many people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    /// Users: how many use each client operating system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clients: Option<Clients>,
    /// Users: demand per person in Mbps (default 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mbps_per_user: Option<f64>,

    /// VNet: its VPN gateway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vpn_gateway: Option<VpnGateway>,
    /// VNet: its ExpressRoute gateway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub er_gateway: Option<ErGateway>,
    /// VNet or hub: Azure Firewall (or an NVA that forwards between its peers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub firewall: Option<Firewall>,
    /// VNet: Azure Route Server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route_server: Option<RouteServer>,
    /// VNet: Azure Bastion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bastion: Option<Bastion>,
    /// VNet: Application Gateway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_gateway: Option<AppGateway>,
    /// VNet: Azure Virtual Desktop session hosts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub virtual_desktop: Option<VirtualDesktop>,

    /// Hub: the id of its virtual WAN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wan: Option<String>,
    /// Hub: routing intent policies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routing_intent: Option<RoutingIntent>,
    /// Hub: gateway scale units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale_units: Option<ScaleUnits>,
    /// Hub: User VPN (point-to-site) configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p2s: Option<P2sConfig>,

    /// Circuit: peering location, e.g. `Amsterdam`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Circuit: Local, Standard or Premium.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<ErSku>,
    /// Circuit: bandwidth in Mbps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bandwidth_mbps: Option<u32>,
    /// Circuit: on an ExpressRoute Direct port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct: Option<bool>,
    /// Circuit: the connectivity provider; cloud: `aws`, `gcp`, `oci` or `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
}

impl Node {
    /// A node of this kind with only its id set.
    pub fn new(id: &str, kind: NodeKind) -> Node {
        Node {
            id: id.to_string(),
            kind,
            name: None,
            description: None,
            address_space: None,
            region: None,
            position: None,
            vpn_device: None,
            asn: None,
            count: None,
            clients: None,
            mbps_per_user: None,
            vpn_gateway: None,
            er_gateway: None,
            firewall: None,
            route_server: None,
            bastion: None,
            app_gateway: None,
            virtual_desktop: None,
            wan: None,
            routing_intent: None,
            scale_units: None,
            p2s: None,
            location: None,
            sku: None,
            bandwidth_mbps: None,
            direct: None,
            provider: None,
        }
    }

    /// The display name: `name`, or the id.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.id)
    }

    /// The kind-specific fields that are present, by their names in the file.
    pub fn present_own_fields(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut add = |name: &'static str, present: bool| {
            if present {
                out.push(name);
            }
        };
        add("vpn_device", self.vpn_device.is_some());
        add("asn", self.asn.is_some());
        add("count", self.count.is_some());
        add("clients", self.clients.is_some());
        add("mbps_per_user", self.mbps_per_user.is_some());
        add("vpn_gateway", self.vpn_gateway.is_some());
        add("er_gateway", self.er_gateway.is_some());
        add("firewall", self.firewall.is_some());
        add("route_server", self.route_server.is_some());
        add("bastion", self.bastion.is_some());
        add("app_gateway", self.app_gateway.is_some());
        add("virtual_desktop", self.virtual_desktop.is_some());
        add("wan", self.wan.is_some());
        add("routing_intent", self.routing_intent.is_some());
        add("scale_units", self.scale_units.is_some());
        add("p2s", self.p2s.is_some());
        add("location", self.location.is_some());
        add("sku", self.sku.is_some());
        add("bandwidth_mbps", self.bandwidth_mbps.is_some());
        add("direct", self.direct.is_some());
        add("provider", self.provider.is_some());
        out
    }

    /// The address prefixes of the node (empty when none are given).
    pub fn prefixes(&self) -> impl Iterator<Item = IpNet> + '_ {
        self.address_space.iter().flatten().map(|c| c.0)
    }
}

/// Counts of remote workers by client operating system.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clients {
    /// Windows clients.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub windows: Option<u32>,
    /// macOS clients.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub macos: Option<u32>,
    /// Linux clients.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linux: Option<u32>,
    /// iOS clients.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ios: Option<u32>,
    /// Android clients.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub android: Option<u32>,
}

/// Route-based or policy-based VPN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VpnType {
    /// Route-based (the default).
    RouteBased,
    /// Policy-based (traffic selectors, IKEv1).
    PolicyBased,
}

/// A VPN gateway SKU.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum VpnSku {
    Basic,
    VpnGw1,
    VpnGw2,
    VpnGw3,
    VpnGw4,
    VpnGw5,
    VpnGw1AZ,
    VpnGw2AZ,
    VpnGw3AZ,
    VpnGw4AZ,
    VpnGw5AZ,
}

impl VpnSku {
    /// Every SKU, smallest first within each family.
    pub const ALL: [VpnSku; 11] = [
        VpnSku::Basic,
        VpnSku::VpnGw1AZ,
        VpnSku::VpnGw2AZ,
        VpnSku::VpnGw3AZ,
        VpnSku::VpnGw4AZ,
        VpnSku::VpnGw5AZ,
        VpnSku::VpnGw1,
        VpnSku::VpnGw2,
        VpnSku::VpnGw3,
        VpnSku::VpnGw4,
        VpnSku::VpnGw5,
    ];

    /// The SKU as Azure names it.
    pub fn as_str(self) -> &'static str {
        match self {
            VpnSku::Basic => "Basic",
            VpnSku::VpnGw1 => "VpnGw1",
            VpnSku::VpnGw2 => "VpnGw2",
            VpnSku::VpnGw3 => "VpnGw3",
            VpnSku::VpnGw4 => "VpnGw4",
            VpnSku::VpnGw5 => "VpnGw5",
            VpnSku::VpnGw1AZ => "VpnGw1AZ",
            VpnSku::VpnGw2AZ => "VpnGw2AZ",
            VpnSku::VpnGw3AZ => "VpnGw3AZ",
            VpnSku::VpnGw4AZ => "VpnGw4AZ",
            VpnSku::VpnGw5AZ => "VpnGw5AZ",
        }
    }
}

impl fmt::Display for VpnSku {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A VNet's VPN gateway.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VpnGateway {
    /// The SKU.
    pub sku: VpnSku,
    /// Generation 1 or 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generation: Option<u8>,
    /// Route-based (default) or policy-based.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub gateway_type: Option<VpnType>,
    /// Active-active (two instances, two tunnels per connection).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_active: Option<bool>,
    /// BGP enabled on the gateway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bgp: Option<bool>,
    /// The gateway's BGP ASN (default 65515).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asn: Option<u32>,
    /// Point-to-site configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p2s: Option<P2sConfig>,
}

impl VpnGateway {
    /// The gateway type, route-based unless stated.
    pub fn kind(&self) -> VpnType {
        self.gateway_type.unwrap_or(VpnType::RouteBased)
    }
}

/// Point-to-site configuration of a gateway or hub.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct P2sConfig {
    /// Tunnel types offered.
    #[serde(default)]
    pub protocols: Vec<Protocol>,
    /// Authentication types offered.
    #[serde(default)]
    pub auth: Vec<Auth>,
    /// The client address pool.
    #[serde(default)]
    pub address_pool: Vec<Cidr>,
}

/// A P2S tunnel type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Protocol {
    /// OpenVPN (TLS over TCP 443).
    Openvpn,
    /// IKEv2 (UDP 500/4500, ESP).
    Ikev2,
    /// SSTP (TLS over TCP 443, Windows only).
    Sstp,
}

impl Protocol {
    /// The name in the plan file.
    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Openvpn => "openvpn",
            Protocol::Ikev2 => "ikev2",
            Protocol::Sstp => "sstp",
        }
    }
}

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Protocol::Openvpn => "OpenVPN",
            Protocol::Ikev2 => "IKEv2",
            Protocol::Sstp => "SSTP",
        })
    }
}

/// A P2S authentication type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Auth {
    /// Azure certificate.
    Certificate,
    /// Microsoft Entra ID.
    Entra,
    /// RADIUS.
    Radius,
}

impl fmt::Display for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Auth::Certificate => "certificate",
            Auth::Entra => "Entra ID",
            Auth::Radius => "RADIUS",
        })
    }
}

/// An ExpressRoute gateway SKU.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum ErGwSku {
    Standard,
    HighPerformance,
    UltraPerformance,
    ErGw1AZ,
    ErGw2AZ,
    ErGw3AZ,
    ErGwScale,
}

/// A VNet's ExpressRoute gateway.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErGateway {
    /// The SKU.
    pub sku: ErGwSku,
    /// Whether VNet-to-VNet traffic over ExpressRoute is allowed on this gateway (default false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_vnet_to_vnet: Option<bool>,
    /// Scale units of an ErGwScale gateway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale_units: Option<u32>,
}

/// A SKU tier shared by Azure Firewall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum FirewallSku {
    Basic,
    Standard,
    Premium,
}

/// Azure Firewall or an NVA.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Firewall {
    /// The SKU (default standard).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<FirewallSku>,
}

/// Azure Route Server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteServer {
    /// Exchange routes between the VNet's gateways (default false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch_to_branch: Option<bool>,
}

/// A Bastion SKU.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum BastionSku {
    Developer,
    Basic,
    Standard,
    Premium,
}

/// Azure Bastion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bastion {
    /// The SKU (default basic).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<BastionSku>,
}

/// Application Gateway.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppGateway {
    /// The SKU, `v2` (default) or `v1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    /// Web application firewall on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waf: Option<bool>,
}

/// Azure Virtual Desktop session hosts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VirtualDesktop {
    /// How many session hosts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hosts: Option<u32>,
}

/// Routing intent policies of a Virtual WAN hub.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoutingIntent {
    /// Private traffic through the hub's security solution.
    #[serde(default)]
    pub private: bool,
    /// Internet traffic through the hub's security solution.
    #[serde(default)]
    pub internet: bool,
}

/// Gateway scale units of a Virtual WAN hub.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleUnits {
    /// Site-to-site VPN gateway units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub s2s: Option<u32>,
    /// Point-to-site (User VPN) gateway units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub p2s: Option<u32>,
    /// ExpressRoute gateway units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub er: Option<u32>,
}

/// An ExpressRoute circuit SKU.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErSku {
    /// Regions in or near the peering metro.
    Local,
    /// Regions of the peering location's geopolitical area.
    Standard,
    /// All regions.
    Premium,
}

impl ErSku {
    /// The name in the plan file.
    pub fn as_str(self) -> &'static str {
        match self {
            ErSku::Local => "local",
            ErSku::Standard => "standard",
            ErSku::Premium => "premium",
        }
    }
}

/// What a link is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// VNet peering.
    Peering,
    /// Site-to-site IPsec VPN (or VNet-to-VNet).
    S2s,
    /// Point-to-site VPN.
    P2s,
    /// ExpressRoute private peering.
    ErPrivate,
    /// ExpressRoute Microsoft peering.
    ErMicrosoft,
    /// ExpressRoute connection of a circuit to a gateway or hub.
    ErConnection,
    /// ExpressRoute Global Reach between two circuits.
    GlobalReach,
    /// Virtual WAN hub connection of a VNet.
    VwanConnection,
    /// Azure Bastion access.
    Bastion,
    /// Application Gateway publishing.
    AppGateway,
    /// Azure Virtual Desktop sessions.
    VirtualDesktop,
    /// Direct internet breakout.
    Internet,
}

impl LinkKind {
    /// Every link kind.
    pub const ALL: [LinkKind; 12] = [
        LinkKind::Peering,
        LinkKind::S2s,
        LinkKind::P2s,
        LinkKind::ErPrivate,
        LinkKind::ErMicrosoft,
        LinkKind::ErConnection,
        LinkKind::GlobalReach,
        LinkKind::VwanConnection,
        LinkKind::Bastion,
        LinkKind::AppGateway,
        LinkKind::VirtualDesktop,
        LinkKind::Internet,
    ];

    /// The kind as written in a plan.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Peering => "peering",
            LinkKind::S2s => "s2s",
            LinkKind::P2s => "p2s",
            LinkKind::ErPrivate => "er_private",
            LinkKind::ErMicrosoft => "er_microsoft",
            LinkKind::ErConnection => "er_connection",
            LinkKind::GlobalReach => "global_reach",
            LinkKind::VwanConnection => "vwan_connection",
            LinkKind::Bastion => "bastion",
            LinkKind::AppGateway => "app_gateway",
            LinkKind::VirtualDesktop => "virtual_desktop",
            LinkKind::Internet => "internet",
        }
    }

    /// The node kinds allowed at the `from` and `to` ends.
    pub fn ends(self) -> (&'static [NodeKind], &'static [NodeKind]) {
        use NodeKind::*;
        match self {
            LinkKind::Peering => (&[Vnet], &[Vnet]),
            LinkKind::S2s => (&[Site, Cloud, Vnet], &[Vnet, VwanHub]),
            LinkKind::P2s => (&[Users], &[Vnet, VwanHub]),
            LinkKind::ErPrivate => (&[Site, Cloud], &[Expressroute]),
            LinkKind::ErMicrosoft => (&[Expressroute], &[Microsoft]),
            LinkKind::ErConnection => (&[Expressroute], &[Vnet, VwanHub]),
            LinkKind::GlobalReach => (&[Expressroute], &[Expressroute]),
            LinkKind::VwanConnection => (&[Vnet], &[VwanHub]),
            LinkKind::Bastion => (&[Users], &[Vnet]),
            LinkKind::AppGateway => (&[Internet], &[Vnet]),
            LinkKind::VirtualDesktop => (&[Users], &[Vnet]),
            LinkKind::Internet => (&[Users, Site, Cloud], &[Internet]),
        }
    }

    /// The link fields (beyond kind, from, to, id, name) that this kind accepts.
    pub fn own_fields(self) -> &'static [&'static str] {
        match self {
            LinkKind::Peering => &[
                "use_remote_gateways",
                "allow_gateway_transit",
                "allow_forwarded_traffic",
                "route_via_firewall",
            ],
            LinkKind::S2s => &["bgp"],
            LinkKind::P2s => &["protocol"],
            _ => &[],
        }
    }
}

impl fmt::Display for LinkKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A connection between two nodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// Optional unique id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What the link is.
    pub kind: LinkKind,
    /// The node at the `from` end.
    pub from: String,
    /// The node at the `to` end.
    pub to: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Peering: the `from` side uses the `to` side's gateways.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub use_remote_gateways: Option<bool>,
    /// Peering: the `to` side allows gateway transit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_gateway_transit: Option<bool>,
    /// Peering: forwarded traffic is accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_forwarded_traffic: Option<bool>,
    /// Peering: the `from` side sends other private traffic to the `to` side's firewall.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route_via_firewall: Option<bool>,
    /// S2S: the connection runs BGP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bgp: Option<bool>,
    /// P2S: which of the gateway's protocols these users use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<Protocol>,
}

impl Link {
    /// A link of this kind with no optional field set.
    pub fn new(kind: LinkKind, from: &str, to: &str) -> Link {
        Link {
            id: None,
            kind,
            from: from.to_string(),
            to: to.to_string(),
            name: None,
            use_remote_gateways: None,
            allow_gateway_transit: None,
            allow_forwarded_traffic: None,
            route_via_firewall: None,
            bgp: None,
            protocol: None,
        }
    }

    /// The kind-specific fields that are present, by their names in the file.
    pub fn present_own_fields(&self) -> Vec<&'static str> {
        [
            ("use_remote_gateways", self.use_remote_gateways.is_some()),
            (
                "allow_gateway_transit",
                self.allow_gateway_transit.is_some(),
            ),
            (
                "allow_forwarded_traffic",
                self.allow_forwarded_traffic.is_some(),
            ),
            ("route_via_firewall", self.route_via_firewall.is_some()),
            ("bgp", self.bgp.is_some()),
            ("protocol", self.protocol.is_some()),
        ]
        .into_iter()
        .filter(|(_, present)| *present)
        .map(|(name, _)| name)
        .collect()
    }

    /// How people call this link: its id, or `kind from → to`.
    pub fn label(&self) -> String {
        match &self.id {
            Some(id) => id.clone(),
            None => format!("{} {} → {}", self.kind, self.from, self.to),
        }
    }
}

/// Reachable or unreachable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expect {
    /// Traffic goes and comes back.
    Reachable,
    /// It does not.
    Unreachable,
}

/// An expected answer for one ordered pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intent {
    /// Source endpoint id.
    pub from: String,
    /// Destination endpoint id.
    pub to: String,
    /// What should be true.
    pub expect: Expect,
    /// Why, in the author's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
}

/// A traffic class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlowClass {
    /// Delay and jitter sensitive.
    Realtime,
    /// Interactive.
    Interactive,
    /// Bulk transfer.
    Bulk,
}

/// A traffic demand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    /// Source endpoint id.
    pub from: String,
    /// Destination endpoint id.
    pub to: String,
    /// Traffic class.
    pub class: FlowClass,
    /// Demand in Mbps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mbps: Option<f64>,
}

/// An IPv4 or IPv6 prefix, kept as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cidr(pub IpNet);

impl Cidr {
    /// Parses `10.0.0.0/16` or `fd00::/48`.
    pub fn parse(text: &str) -> Result<Cidr, String> {
        text.trim().parse::<IpNet>().map(Cidr).map_err(|_| {
            format!("`{text}` is not a CIDR prefix (write it like 10.0.0.0/16 or fd00::/48)")
        })
    }
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for Cidr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Cidr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Cidr::parse(&text).map_err(serde::de::Error::custom)
    }
}
