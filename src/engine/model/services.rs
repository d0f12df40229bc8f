//! Services a VNet or hub may hold (firewall, Route Server, Bastion, …) and circuit SKUs.

use serde::{Deserialize, Serialize};

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
