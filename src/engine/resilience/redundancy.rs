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

use super::super::model::{ErGwSku, Link, LinkKind, Node, NodeKind, Plan, VpnSku};
use super::domains::Domain;

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

/// ExpressRoute and an S2S VPN between the same site and Azure (coexistence, R6.12): Azure
/// prefers ExpressRoute for the same prefixes, so the site's tunnels carry its traffic only
/// when ExpressRoute fails, whichever way the explaining search shows. A failure of
/// ExpressRoute carries those tunnels too (or, when a second instance or link takes over, hands
/// them to it); any other failure's tunnels of such a site carry nothing.
pub(super) fn backed_up(plan: &Plan, d: &mut Domain) {
    let er = |l: &Link| matches!(l.kind, LinkKind::ErPrivate | LinkKind::ErConnection);
    let site_of = |l: &Link| {
        [&l.from, &l.to]
            .into_iter()
            .find(|e| plan.node(e).is_some_and(|n| n.kind == NodeKind::Site))
            .cloned()
    };
    let mut circuits: Vec<&str> = Vec::new();
    let mut kind = None;
    let ers = d.carries.iter().map(|&l| (l, None));
    for (i, k) in ers.chain(d.takeover.iter().map(|&(l, k)| (l, Some(k)))) {
        let Some(l) = plan.links.get(i).filter(|l| er(l)) else {
            continue;
        };
        kind = kind.or(k);
        for end in [&l.from, &l.to] {
            if plan
                .node(end)
                .is_some_and(|n| n.kind == NodeKind::Expressroute)
            {
                circuits.push(end);
            }
        }
    }
    let on = |site: &str, circuits: &[&str]| {
        plan.links.iter().any(|l| {
            l.kind == LinkKind::ErPrivate
                && (l.from == site || l.to == site)
                && (circuits.is_empty()
                    || circuits.contains(&l.from.as_str())
                    || circuits.contains(&l.to.as_str()))
        })
    };
    let backup = |i: usize, circuits: &[&str]| {
        plan.links.get(i).is_some_and(|l| {
            l.kind == LinkKind::S2s && site_of(l).is_some_and(|s| on(&s, circuits))
        })
    };
    // The tunnels of sites on ExpressRoute carry nothing of their own.
    d.carries.retain(|&i| !backup(i, &[]));
    d.takeover.retain(|&(i, _)| !backup(i, &[]));
    if circuits.is_empty() {
        return;
    }
    for i in (0..plan.links.len()).filter(|&i| backup(i, &circuits)) {
        match kind {
            Some(k) => d.takeover.push((i, k)),
            None => d.carries.push(i),
        }
    }
    d.carries.sort_unstable();
    d.carries.dedup();
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
