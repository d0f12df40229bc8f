//! Route counts from the plan's address spaces: what P2S clients must accept (R3.16) and what crosses ExpressRoute (R6.4, R6.7).
//!
//! The plan gives prefixes as `address_space` entries; on-premises routers may advertise more
//! specific routes than that, so these counts are lower bounds.

use std::collections::BTreeSet;

use crate::engine::model::{LinkKind, Plan};

fn prefixes(plan: &Plan, ids: &BTreeSet<&str>, v4_only: bool) -> u32 {
    plan.nodes
        .iter()
        .filter(|n| ids.contains(n.id.as_str()))
        .flat_map(|n| n.prefixes())
        .filter(|p| !v4_only || matches!(p, ipnet::IpNet::V4(_)))
        .count() as u32
}

/// Routes a P2S client of VNet `g`'s gateway receives: the VNet's own address space, the VNets
/// peered with it, and the networks behind its S2S and VNet-to-VNet connections (R3.16).
pub fn p2s_client(plan: &Plan, g: usize) -> u32 {
    let Some(me) = plan.nodes.get(g) else {
        return 0;
    };
    let mut ids: BTreeSet<&str> = BTreeSet::from([me.id.as_str()]);
    for l in &plan.links {
        if !matches!(l.kind, LinkKind::Peering | LinkKind::S2s) {
            continue;
        }
        if l.from == me.id {
            ids.insert(&l.to);
        } else if l.to == me.id {
            ids.insert(&l.from);
        }
    }
    prefixes(plan, &ids, false)
}

/// IPv4 routes on-premises advertises to circuit `c`: the address spaces of the sites and
/// clouds on its private peering (R6.4).
pub fn er_onprem(plan: &Plan, c: usize) -> u32 {
    let Some(me) = plan.nodes.get(c) else {
        return 0;
    };
    let ids: BTreeSet<&str> = plan
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::ErPrivate && l.to == me.id)
        .map(|l| l.from.as_str())
        .collect();
    prefixes(plan, &ids, true)
}

/// IPv4 routes VNet `v`'s ExpressRoute connection advertises to on-premises: its own address
/// space and those of the spokes that use its gateway (R6.4, R1.9).
pub fn er_vnet(plan: &Plan, v: usize) -> u32 {
    let Some(me) = plan.nodes.get(v) else {
        return 0;
    };
    let mut ids: BTreeSet<&str> = BTreeSet::from([me.id.as_str()]);
    for l in &plan.links {
        if l.kind == LinkKind::Peering
            && l.to == me.id
            && l.use_remote_gateways == Some(true)
            && l.allow_gateway_transit == Some(true)
        {
            ids.insert(&l.from);
        }
    }
    prefixes(plan, &ids, true)
}

/// Routes VNet `v`'s ExpressRoute gateway learns: what on-premises advertises to each circuit
/// connected to it (R6.7).
pub fn er_gateway(plan: &Plan, v: usize) -> u32 {
    let Some(me) = plan.nodes.get(v) else {
        return 0;
    };
    plan.links
        .iter()
        .filter(|l| l.kind == LinkKind::ErConnection && l.to == me.id)
        .filter_map(|l| plan.nodes.iter().position(|n| n.id == l.from))
        .map(|c| er_onprem(plan, c))
        .fold(0, u32::saturating_add)
}
