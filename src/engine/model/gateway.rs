//! VPN and ExpressRoute gateways of a VNet, and point-to-site configuration.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::*;

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
    /// Whether the gateway accepts traffic from Virtual WAN networks on the same circuit
    /// ("Allow traffic from remote Virtual WAN networks", `allowVirtualWanTraffic`; default
    /// false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_virtual_wan_traffic: Option<bool>,
    /// Scale units of an ErGwScale gateway.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale_units: Option<u32>,
}
