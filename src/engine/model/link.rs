//! Links: the connections between nodes, and which node kinds each kind joins.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::*;

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
            LinkKind::S2s => &["bgp", "device"],
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
    /// The id of the Azure resource the link was imported from (`reachplan import`): a
    /// peering, connection or hub connection. A later import matches it to update the link;
    /// the analysis never reads it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub azure_id: Option<String>,
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
    /// S2S: the on-premises VPN device that ends this tunnel, a name unique within its site
    /// (default: every tunnel of a site ends on one device).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
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
            azure_id: None,
            use_remote_gateways: None,
            allow_gateway_transit: None,
            allow_forwarded_traffic: None,
            route_via_firewall: None,
            bgp: None,
            protocol: None,
            device: None,
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
            ("device", self.device.is_some()),
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
