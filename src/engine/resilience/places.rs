//! The failure domains of places: the peering locations of two or more circuits (not Metro
//! circuits, whose two links are at two locations), the availability zones of the regions
//! whose gateways are not all zone-redundant, and the regions (see [`domains`](super::domains)).

use std::collections::BTreeMap;

use super::super::model::{NodeKind, Plan};
use super::domains::{sorted, vpn_takeover, with, Cut, Domain, DomainKind};
use super::ends::Ends;
use super::failover::FailoverKind;
use super::redundancy::{metro, zonal_gateways};

/// The peering locations (of two or more circuits that are not Metro circuits), the
/// availability zones of the regions with a gateway that is not zone-redundant, and the
/// regions.
pub(super) fn places(plan: &Plan, ends: &Ends, out: &mut Vec<Domain>) {
    let mut locations: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut regions: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, n) in plan.nodes.iter().enumerate() {
        match (n.kind, n.location.as_deref(), n.region.as_deref()) {
            (NodeKind::Expressroute, Some(at), _) if !metro(n) => {
                locations.entry(at).or_default().push(i)
            }
            (NodeKind::Vnet | NodeKind::VwanHub, _, Some(region)) => {
                regions.entry(region).or_default().push(i)
            }
            _ => {}
        }
    }
    let ids = |nodes: &[usize]| nodes.iter().map(|&i| plan.nodes[i].id.clone()).collect();
    let domain = |kind, id, what, nodes: &[usize], cut| Domain {
        id,
        kind,
        what,
        nodes: sorted(ids(nodes)),
        links: vec![],
        carries: ends.links_of(nodes),
        cut,
        takeover: Vec::new(),
    };
    for (at, nodes) in locations.into_iter().filter(|(_, n)| n.len() > 1) {
        let what = format!("the peering location {at} ({} circuits)", nodes.len());
        let id = format!("peering_location:{at}");
        let cut = Cut::Nodes(nodes.clone());
        out.push(domain(DomainKind::PeeringLocation, id, what, &nodes, cut));
    }
    for (region, nodes) in &regions {
        if let Some(zone) = zone(plan, ends, region, nodes) {
            out.push(zone);
        }
    }
    for (region, nodes) in regions {
        let what = format!("the region {region} ({} VNets and hubs)", nodes.len());
        let id = format!("region:{region}");
        let cut = Cut::Nodes(nodes.clone());
        out.push(domain(DomainKind::Region, id, what, &nodes, cut));
    }
}

/// One availability zone of a region, when a VNet there has a gateway that is not
/// zone-redundant: those gateways fail (both instances, the worst case), the zone-redundant
/// gateways of the region fail over to their instance in another zone.
fn zone(plan: &Plan, ends: &Ends, region: &str, nodes: &[usize]) -> Option<Domain> {
    let (mut vpn, mut er, mut takeover) = (Vec::new(), Vec::new(), Vec::new());
    let mut names = Vec::new();
    for &i in nodes {
        let n = &plan.nodes[i];
        let (zonal_vpn, zonal_er) = zonal_gateways(n);
        if zonal_vpn {
            vpn.push(i);
            names.push(format!("the VPN gateway of {}", n.id));
        } else if n.vpn_gateway.is_some() {
            takeover.extend(with(ends.gateway_links(i, true), vpn_takeover(plan, i)));
        }
        if zonal_er {
            er.push(i);
            names.push(format!("the ExpressRoute gateway of {}", n.id));
        } else if n.er_gateway.is_some() {
            takeover.extend(with(
                ends.gateway_links(i, false),
                FailoverKind::GatewayInstance,
            ));
        }
    }
    if names.is_empty() {
        return None;
    }
    let mut carries: Vec<usize> = vpn
        .iter()
        .flat_map(|&i| ends.gateway_links(i, true))
        .chain(er.iter().flat_map(|&i| ends.gateway_links(i, false)))
        .collect();
    carries.sort_unstable();
    let what = format!(
        "an availability zone of {region}, with {} (not zone-redundant)",
        names.join(" and ")
    );
    let ids = vpn
        .iter()
        .chain(&er)
        .map(|&i| plan.nodes[i].id.clone())
        .collect();
    Some(Domain {
        id: format!("zone:{region}"),
        kind: DomainKind::Zone,
        what,
        nodes: sorted(ids),
        links: vec![],
        cut: Cut::Gateways(vpn, er),
        carries,
        takeover,
    })
}
