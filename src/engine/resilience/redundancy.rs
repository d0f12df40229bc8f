//! What the plan says about redundancy, read for the failure domains: which gateway SKUs are
//! zone-redundant, the zone-redundant SKU of the same size, and whether a circuit is an
//! ExpressRoute Metro circuit.
//!
//! Sources: "About zone-redundant virtual network gateways"
//! (learn.microsoft.com/azure/vpn-gateway/about-zone-redundant-vnet-gateways): the AZ SKUs
//! spread a gateway's instances across availability zones, the others do not place them in
//! zones (this engine assumes the worst: both instances can fail with one zone); "About
//! ExpressRoute virtual network gateways" (learn.microsoft.com/azure/expressroute/
//! expressroute-about-virtual-network-gateways#zrgw): ErGw1AZ–ErGw3AZ are zone-redundant;
//! ErGwScale is counted as zone-redundant too (an assumption: the scalable gateway is deployed
//! across zones where the region has them); "About ExpressRoute Metro"
//! (learn.microsoft.com/azure/expressroute/metro): a Metro circuit is dual-homed to two
//! peering locations of one city.

use super::super::model::{ErGwSku, Node, VpnSku};

/// A VPN gateway SKU whose instances are spread across availability zones (the AZ SKUs).
pub fn vpn_zone_redundant(sku: VpnSku) -> bool {
    sku.as_str().ends_with("AZ")
}

/// The zone-redundant SKU of the same size (`VpnGw2` → `VpnGw2AZ`); Basic has none and stays.
pub fn zone_sku(sku: VpnSku) -> VpnSku {
    match sku {
        VpnSku::VpnGw1 => VpnSku::VpnGw1AZ,
        VpnSku::VpnGw2 => VpnSku::VpnGw2AZ,
        VpnSku::VpnGw3 => VpnSku::VpnGw3AZ,
        VpnSku::VpnGw4 => VpnSku::VpnGw4AZ,
        VpnSku::VpnGw5 => VpnSku::VpnGw5AZ,
        other => other,
    }
}

/// An ExpressRoute gateway SKU whose instances are spread across availability zones.
pub fn er_zone_redundant(sku: ErGwSku) -> bool {
    matches!(
        sku,
        ErGwSku::ErGw1AZ | ErGwSku::ErGw2AZ | ErGwSku::ErGw3AZ | ErGwSku::ErGwScale
    )
}

/// The zone-redundant ExpressRoute gateway SKU of the same size (`Standard` → `ErGw1AZ`,
/// `HighPerformance` → `ErGw2AZ`, `UltraPerformance` → `ErGw3AZ`); the others stay.
pub fn er_zone_sku(sku: ErGwSku) -> ErGwSku {
    match sku {
        ErGwSku::Standard => ErGwSku::ErGw1AZ,
        ErGwSku::HighPerformance => ErGwSku::ErGw2AZ,
        ErGwSku::UltraPerformance => ErGwSku::ErGw3AZ,
        other => other,
    }
}

/// The VNet's gateways that fail with one availability zone: (VPN, ExpressRoute).
pub fn zonal_gateways(node: &Node) -> (bool, bool) {
    let vpn = node
        .vpn_gateway
        .as_ref()
        .is_some_and(|g| !vpn_zone_redundant(g.sku));
    let er = node
        .er_gateway
        .as_ref()
        .is_some_and(|g| !er_zone_redundant(g.sku));
    (vpn, er)
}

/// The circuit is an ExpressRoute Metro circuit (its links at two peering locations).
pub fn metro(node: &Node) -> bool {
    node.metro == Some(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sized_sku_has_its_zone_redundant_twin() {
        for sku in VpnSku::ALL {
            let twin = zone_sku(sku);
            assert!(vpn_zone_redundant(twin) || sku == VpnSku::Basic, "{sku}");
            assert!(twin.as_str().starts_with(sku.as_str()), "{sku} → {twin}");
        }
        assert!(!vpn_zone_redundant(VpnSku::Basic));
        assert!(!vpn_zone_redundant(VpnSku::VpnGw1));
    }
}
