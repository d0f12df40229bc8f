//! Limits from the rule book's tables, each with the source it comes from.
//!
//! Code reads these numbers from here and nowhere else, so a reader can audit every figure that
//! appears in a finding against the table row and its source.

use super::model::{ErSku, VpnSku};

/// One row of the VPN gateway SKU table (rule book §5, about-gateway-skus.md, ms.date 06/11/2026).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VpnSkuRow {
    /// Generation (1 or 2).
    pub generation: u8,
    /// The SKU.
    pub sku: VpnSku,
    /// S2S and VNet-to-VNet tunnels.
    pub tunnels: u32,
    /// P2S SSTP connections.
    pub sstp: u32,
    /// P2S IKEv2 and OpenVPN connections (0: not supported).
    pub ikev2_openvpn: u32,
    /// Aggregate throughput in Mbps.
    pub throughput_mbps: u32,
    /// BGP supported.
    pub bgp: bool,
}

/// Where the VPN SKU table comes from.
pub const VPN_SKU_SOURCE: &str =
    "about-gateway-skus.md (ms.date 06/11/2026), VPN Gateway limits (01/04/2024); rule book §5";

const fn row(generation: u8, sku: VpnSku, tunnels: u32, ikev2: u32, mbps: u32) -> VpnSkuRow {
    VpnSkuRow {
        generation,
        sku,
        tunnels,
        sstp: 128,
        ikev2_openvpn: ikev2,
        throughput_mbps: mbps,
        bgp: !matches!(sku, VpnSku::Basic),
    }
}

/// The VPN gateway SKU table (rule book §5).
pub const VPN_SKUS: &[VpnSkuRow] = &[
    row(1, VpnSku::Basic, 10, 0, 100),
    row(1, VpnSku::VpnGw1AZ, 30, 250, 650),
    row(1, VpnSku::VpnGw2AZ, 30, 500, 1_000),
    row(1, VpnSku::VpnGw3AZ, 30, 1_000, 1_250),
    row(2, VpnSku::VpnGw2AZ, 30, 500, 1_250),
    row(2, VpnSku::VpnGw3AZ, 30, 1_000, 2_500),
    row(2, VpnSku::VpnGw4AZ, 100, 5_000, 5_000),
    row(2, VpnSku::VpnGw5AZ, 100, 10_000, 10_000),
    row(1, VpnSku::VpnGw1, 30, 250, 650),
    row(1, VpnSku::VpnGw2, 30, 500, 1_000),
    row(1, VpnSku::VpnGw3, 30, 1_000, 1_250),
    row(2, VpnSku::VpnGw2, 30, 500, 1_250),
    row(2, VpnSku::VpnGw3, 30, 1_000, 2_500),
    row(2, VpnSku::VpnGw4, 100, 5_000, 5_000),
    row(2, VpnSku::VpnGw5, 100, 10_000, 10_000),
];

/// The table row for a SKU and generation; a generation the SKU does not exist in falls back
/// to the SKU's other row.
pub fn vpn_sku(sku: VpnSku, generation: Option<u8>) -> Option<&'static VpnSkuRow> {
    let generation = generation.unwrap_or(1);
    VPN_SKUS
        .iter()
        .find(|r| r.sku == sku && r.generation == generation)
        .or_else(|| VPN_SKUS.iter().find(|r| r.sku == sku))
}

/// Whether the SKU exists in this generation (VpnGw4/5 only as Generation 2, R5.1).
pub fn vpn_sku_exists(sku: VpnSku, generation: u8) -> bool {
    VPN_SKUS
        .iter()
        .any(|r| r.sku == sku && r.generation == generation)
        || sku == VpnSku::Basic
}

/// Tunnels of a policy-based gateway (R3.1).
pub const POLICY_BASED_TUNNELS: u32 = 1;

/// Peerings per VNet (R1.14, S-NETLIMITS).
pub const PEERINGS_PER_VNET: usize = 500;

/// Tunnels that one AWS site-to-site VPN connection pair brings (R8.1, S-AWS).
pub const AWS_TUNNELS: u32 = 4;

/// VNet links (Global Reach connections included) per circuit (R6.5, S-ER-LIMITS).
pub fn vnet_links_per_circuit(sku: ErSku, bandwidth_mbps: Option<u32>) -> usize {
    match sku {
        ErSku::Local | ErSku::Standard => 10,
        ErSku::Premium => match bandwidth_mbps.unwrap_or(1_000) {
            0..=50 => 20,
            51..=100 => 25,
            101..=200 => 25,
            201..=500 => 40,
            501..=1_000 => 50,
            1_001..=2_000 => 60,
            2_001..=5_000 => 75,
            _ => 100,
        },
    }
}

/// Where the circuit limits come from.
pub const ER_LIMITS_SOURCE: &str = "expressroute-limits.md include (10/09/2023); rule book R6.5";

/// VPN branch connections per Virtual WAN hub (R7.9, S-VWAN-LIMITS).
pub const VWAN_VPN_CONNECTIONS: usize = 1_000;

/// ExpressRoute circuits per Virtual WAN hub (R7.9).
pub const VWAN_ER_CIRCUITS: usize = 8;

/// VNet connections per Virtual WAN hub: 500 minus the number of hubs (R7.9).
pub fn vwan_vnet_connections(hubs: usize) -> usize {
    500usize.saturating_sub(hubs)
}

/// Circuits per ExpressRoute gateway, from different peering locations (R6.6, S-ER-GW).
pub fn circuits_per_er_gateway(sku: super::model::ErGwSku, units: Option<u32>) -> usize {
    use super::model::ErGwSku::*;
    match sku {
        Standard | ErGw1AZ => 4,
        HighPerformance | ErGw2AZ => 8,
        UltraPerformance | ErGw3AZ => 16,
        ErGwScale => match units.unwrap_or(1) {
            0..=1 => 4,
            2..=9 => 8,
            _ => 16,
        },
    }
}
