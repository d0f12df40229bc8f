//! Limits from the rule book's tables, each with the source it comes from.
//!
//! Code reads these numbers from here and nowhere else, so a reader can audit every figure that
//! appears in a finding against the table row and its source.

use super::model::{ErGwSku, ErSku, FirewallSku, VpnSku};

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
        || (sku == VpnSku::Basic && generation == 1)
}

/// ASNs Azure reserves: a local network gateway cannot use them for BGP (R3.3).
pub const RESERVED_ASNS: &[u32] = &[8074, 8075, 12076, 65515, 65517, 65518, 65519, 65520];

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

// ---------------------------------------------------------------------------------------------
// Capacity tables: what a gateway, hub, circuit or firewall carries. Each table names its source
// (a tag of the rule book's "Sources" list, the file and its ms.date) and its rule id, so that a
// figure in a capacity finding can be traced back to the row it came from.
// ---------------------------------------------------------------------------------------------

/// Concurrent SSTP connections of any VPN gateway, whatever its SKU (R4.2, S-SSTP, S-VPN-FAQ).
pub const SSTP_CONNECTIONS: u32 = 128;

/// Where the SSTP cap comes from.
pub const SSTP_SOURCE: &str = "rule book R4.2 [S-P2S-ABOUT point-to-site-about.md (08/17/2026), \
     S-SSTP ikev2-openvpn-from-sstp.md (09/03/2020), S-VPN-FAQ vpn-gateway-vpn-faq.md (06/04/2026)]";

/// S2S tunnels above which the rule book says to use Virtual WAN (R5.2, S-VPN-SKU).
pub const VPN_GATEWAY_MAX_TUNNELS: u32 = 100;

/// The VPN gateway SKUs recommended for new gateways, smallest first: the zone-redundant (AZ)
/// SKUs, each in its newest generation (R5.1: non-AZ SKUs are slated for migration; VpnGw4/5 exist
/// only as Generation 2; the Generation 2 row of a SKU is never smaller than its Generation 1 row).
pub const VPN_RECOMMENDED: &[(VpnSku, u8)] = &[
    (VpnSku::VpnGw1AZ, 1),
    (VpnSku::VpnGw2AZ, 2),
    (VpnSku::VpnGw3AZ, 2),
    (VpnSku::VpnGw4AZ, 2),
    (VpnSku::VpnGw5AZ, 2),
];

/// Where the Virtual WAN gateway figures come from.
pub const VWAN_SOURCE: &str = "rule book R7.9, R7.10 and Corrections [S-VWAN-LIMITS \
     includes/virtual-wan-limits.md (04/07/2025), S-VWAN-FAQ virtual-wan-faq.md (10/13/2022)]";

/// Aggregate throughput of a Virtual WAN hub's S2S VPN gateway, in Mbps (R7.9).
pub const VWAN_S2S_HUB_MBPS: u32 = 20_000;

/// Throughput of one Virtual WAN VPN connection of two tunnels, in Mbps (R7.9: 1 Gbps per
/// IPsec tunnel).
pub const VWAN_S2S_CONNECTION_MBPS: u32 = 2_000;

/// Throughput of one Virtual WAN IPsec tunnel, in Mbps (R7.9, R10.3).
pub const VWAN_TUNNEL_MBPS: u32 = 1_000;

/// Throughput of one Virtual WAN P2S (User VPN) scale unit, in Mbps: 100 Gbps at 200 units
/// (R7.10 and the rule book's Corrections; another page says 200 Gbps, not used).
pub const VWAN_P2S_UNIT_MBPS: u32 = 500;

/// Most P2S scale units of a Virtual WAN hub (R7.10).
pub const VWAN_P2S_MAX_UNITS: u32 = 200;

/// Concurrent P2S users that a number of Virtual WAN P2S scale units supports (R7.10): 1-3 units
/// 500, 4-6 1,000, 7-10 5,000, 11-20 10,000, then 10,000 more per 20 units up to 200 units =
/// 100,000 users. Zero units support none.
pub fn vwan_p2s_users(units: u32) -> u32 {
    match units {
        0 => 0,
        1..=3 => 500,
        4..=6 => 1_000,
        7..=10 => 5_000,
        11..=20 => 10_000,
        _ => 10_000 * units.min(VWAN_P2S_MAX_UNITS).div_ceil(20),
    }
}

/// Throughput of one Virtual WAN ExpressRoute gateway scale unit, in Mbps (R7.9).
pub const VWAN_ER_UNIT_MBPS: u32 = 2_000;

/// Most ExpressRoute gateway scale units of a Virtual WAN hub (R7.9: 20 Gbps).
pub const VWAN_ER_MAX_UNITS: u32 = 10;

/// One row of the ExpressRoute gateway SKU table (rule book R6.7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErGwRow {
    /// The SKU.
    pub sku: ErGwSku,
    /// Throughput in Mbps.
    pub mbps: u32,
    /// Routes learned.
    pub routes: u32,
    /// Circuits from different peering locations.
    pub circuits: u32,
    /// FastPath supported.
    pub fastpath: bool,
}

/// Where the ExpressRoute gateway table comes from.
pub const ER_GW_SOURCE: &str =
    "rule book R6.7 [S-ER-GW expressroute-about-virtual-network-gateways.md \
     (08/19/2024) + expressroute-gwsku-include.md (11/06/2025), S-ER-PERF \
     expressroute-gateway-performance-include.md (07/09/2024), S-ER-FAQ (03/31/2026)]";

const fn ergw(sku: ErGwSku, mbps: u32, routes: u32, circuits: u32, fastpath: bool) -> ErGwRow {
    ErGwRow {
        sku,
        mbps,
        routes,
        circuits,
        fastpath,
    }
}

/// The ExpressRoute gateway SKU table (rule book R6.7); ErGwScale is per scale unit, see
/// [`er_gateway`].
pub const ER_GW_SKUS: &[ErGwRow] = &[
    ergw(ErGwSku::Standard, 1_000, 4_000, 4, false),
    ergw(ErGwSku::ErGw1AZ, 1_000, 4_000, 4, false),
    ergw(ErGwSku::HighPerformance, 2_000, 9_500, 8, false),
    ergw(ErGwSku::ErGw2AZ, 2_000, 9_500, 8, false),
    ergw(ErGwSku::UltraPerformance, 10_000, 9_500, 16, true),
    ergw(ErGwSku::ErGw3AZ, 10_000, 9_500, 16, true),
];

/// Throughput of one ErGwScale unit, in Mbps (R6.7).
pub const ER_GW_SCALE_UNIT_MBPS: u32 = 1_000;

/// Most units of an ErGwScale gateway (R6.7).
pub const ER_GW_SCALE_MAX_UNITS: u32 = 40;

/// Routes an ErGwScale gateway learns (R6.7: 9,500 per the 2026 FAQ; a 2024 include said 60,000).
pub const ER_GW_SCALE_ROUTES: u32 = 9_500;

/// The figures of an ExpressRoute gateway (ErGwScale with its units; 1 unit when not given).
pub fn er_gateway(sku: ErGwSku, units: Option<u32>) -> ErGwRow {
    if sku == ErGwSku::ErGwScale {
        let units = units.unwrap_or(1).clamp(1, ER_GW_SCALE_MAX_UNITS);
        return ErGwRow {
            sku,
            mbps: ER_GW_SCALE_UNIT_MBPS * units,
            routes: ER_GW_SCALE_ROUTES,
            circuits: circuits_per_er_gateway(sku, Some(units)) as u32,
            fastpath: units >= 10,
        };
    }
    ER_GW_SKUS
        .iter()
        .copied()
        .find(|r| r.sku == sku)
        .unwrap_or(ergw(sku, 1_000, 4_000, 4, false))
}

/// The ExpressRoute gateway SKUs recommended, smallest first (the zone-redundant ones, R6.7).
pub const ER_GW_RECOMMENDED: &[ErGwSku] = &[ErGwSku::ErGw1AZ, ErGwSku::ErGw2AZ, ErGwSku::ErGw3AZ];

/// Where the circuit bandwidths come from.
pub const CIRCUIT_SOURCE: &str =
    "rule book R6.3 [S-ER-FAQ expressroute-faqs.md (03/31/2026), S-ER-DIRECT expressroute-erdirect-about.md (03/28/2024)]";

/// Bandwidths of provider circuits in Mbps, duplex (each direction) (R6.3).
pub const PROVIDER_CIRCUIT_MBPS: &[u32] = &[50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000];

/// Circuit bandwidths on ExpressRoute Direct ports in Mbps: 1/2/5/10 Gbps on a 10 Gbps port pair,
/// 5/10/40/100 Gbps on a 100 Gbps port pair (R6.3).
pub const DIRECT_CIRCUIT_MBPS: &[u32] = &[1_000, 2_000, 5_000, 10_000, 40_000, 100_000];

/// The bandwidth assumed for a circuit whose plan gives none, in Mbps (the middle of the provider
/// range; the capacity output says when it is used).
pub const CIRCUIT_DEFAULT_MBPS: u32 = 1_000;

/// One row of the Azure Firewall throughput table (rule book R9.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FirewallRow {
    /// The SKU.
    pub sku: FirewallSku,
    /// Throughput after autoscale, in Mbps.
    pub mbps: u32,
    /// One TCP flow, in Mbps (0: not given).
    pub single_flow_mbps: u32,
    /// Capacity before autoscale, in Mbps (0: does not autoscale).
    pub initial_mbps: u32,
}

/// Where the firewall table comes from.
pub const FIREWALL_SOURCE: &str =
    "rule book R9.2, R10.5 [S-FW-PERF firewall-performance.md (03/28/2026), \
     S-FW-REMOTE remote-work-support.md (05/04/2020)]";

/// Azure Firewall throughput by SKU (R9.2); Premium is 22 Gbps with IDPS in deny mode.
pub const FIREWALL_SKUS: &[FirewallRow] = &[
    FirewallRow {
        sku: FirewallSku::Basic,
        mbps: 250,
        single_flow_mbps: 0,
        initial_mbps: 0,
    },
    FirewallRow {
        sku: FirewallSku::Standard,
        mbps: 30_000,
        single_flow_mbps: 1_500,
        initial_mbps: 3_000,
    },
    FirewallRow {
        sku: FirewallSku::Premium,
        mbps: 100_000,
        single_flow_mbps: 9_000,
        initial_mbps: 18_000,
    },
];

/// The firewall row of a SKU (Standard when the plan gives none, as the plan format says).
pub fn firewall(sku: Option<FirewallSku>) -> FirewallRow {
    let sku = sku.unwrap_or(FirewallSku::Standard);
    FIREWALL_SKUS
        .iter()
        .copied()
        .find(|r| r.sku == sku)
        .unwrap_or(FirewallRow {
            sku,
            mbps: 30_000,
            single_flow_mbps: 1_500,
            initial_mbps: 3_000,
        })
}

/// Where the P2S client route limits come from.
pub const P2S_ROUTES_SOURCE: &str =
    "rule book R3.16 [S-VPN-FAQ vpn-gateway-vpn-faq.md (06/04/2026), \
     S-VPN-LIMITS VPN Gateway limits (01/04/2024)]";

/// Routes an OpenVPN client accepts (R3.16).
pub const P2S_ROUTES_OPENVPN: u32 = 1_000;

/// Routes an IKEv2 client other than Windows accepts (R3.16).
pub const P2S_ROUTES_IKEV2: u32 = 256;

/// Routes a Windows IKEv2 client accepts from Windows 10 version 2004 on (R3.16).
pub const P2S_ROUTES_IKEV2_WINDOWS: u32 = 255;

/// Routes a Windows IKEv2 client before Windows 10 version 2004 accepts (R3.16).
pub const P2S_ROUTES_IKEV2_WINDOWS_OLD: u32 = 25;

/// Where the ExpressRoute route limits come from.
pub const ER_ROUTES_SOURCE: &str =
    "rule book R6.4 [S-ER-LIMITS expressroute-limits.md (10/09/2023), \
     S-ER-FAQ expressroute-faqs.md (03/31/2026)]";

/// IPv4 routes on-premises may advertise to a circuit's private peering (R6.4).
pub fn er_onprem_routes(sku: ErSku) -> u32 {
    match sku {
        ErSku::Local | ErSku::Standard => 4_000,
        ErSku::Premium => 10_000,
    }
}

/// IPv6 routes on-premises may advertise to a circuit's private peering (R6.4).
pub const ER_ONPREM_ROUTES_V6: u32 = 100;

/// IPv4 routes a VNet connection advertises to on-premises: the hub and every spoke using its
/// gateway (R6.4).
pub const ER_VNET_ROUTES: u32 = 1_000;

/// Routes on Microsoft peering (R6.4).
pub const ER_MICROSOFT_ROUTES: u32 = 200;

/// Routes an ExpressRoute gateway handles in total (R6.4).
pub const ER_GATEWAY_TOTAL_ROUTES: u32 = 11_000;
