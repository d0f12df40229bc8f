//! Nodes: the networks, circuits and hubs of a plan, one flat record for every kind.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::*;

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
            NodeKind::Users => &["count", "clients", "mbps_per_user", "internet_share"],
            NodeKind::Vnet => &[
                "vpn_gateway",
                "er_gateway",
                "firewall",
                "route_server",
                "bastion",
                "app_gateway",
                "virtual_desktop",
            ],
            NodeKind::VwanHub => &[
                "wan",
                "firewall",
                "routing_intent",
                "scale_units",
                "p2s",
                "allow_non_virtual_wan_traffic",
            ],
            NodeKind::Expressroute => &[
                "location",
                "sku",
                "bandwidth_mbps",
                "direct",
                "provider",
                "metro",
            ],
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
    /// The id of the Azure resource the node was imported from (`reachplan import`): a VNet,
    /// hub, circuit, local network gateway or VPN site. A later import matches it to update
    /// the node; the analysis never reads it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub azure_id: Option<String>,

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
    /// Users: the share (0 to 1) of that demand that goes to the internet and Microsoft 365,
    /// which a split tunnel (an `internet` link) keeps off the VPN gateway (default 0.5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internet_share: Option<f64>,

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
    /// Hub: its ExpressRoute gateway accepts traffic from networks outside Virtual WAN on the
    /// same circuit ("Allow traffic from non Virtual WAN networks", `allowNonVirtualWanTraffic`;
    /// default false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_non_virtual_wan_traffic: Option<bool>,

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
    /// Circuit: an ExpressRoute Metro circuit, its two links at two peering locations of one
    /// metropolitan area (default false: both links at `location`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metro: Option<bool>,
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
            azure_id: None,
            vpn_device: None,
            asn: None,
            count: None,
            clients: None,
            mbps_per_user: None,
            internet_share: None,
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
            allow_non_virtual_wan_traffic: None,
            location: None,
            sku: None,
            bandwidth_mbps: None,
            direct: None,
            provider: None,
            metro: None,
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
        add("internet_share", self.internet_share.is_some());
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
        add(
            "allow_non_virtual_wan_traffic",
            self.allow_non_virtual_wan_traffic.is_some(),
        );
        add("location", self.location.is_some());
        add("sku", self.sku.is_some());
        add("bandwidth_mbps", self.bandwidth_mbps.is_some());
        add("direct", self.direct.is_some());
        add("provider", self.provider.is_some());
        add("metro", self.metro.is_some());
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
