//! Remedies that add an element the plan does not have yet, as [`Edit::AddNode`]: a second
//! ExpressRoute circuit at another peering location, on the same sites and networks as the
//! circuit it backs up; a second Virtual WAN hub for a hub that carries branches, remote users
//! and circuits but no VNet.
//!
//! Microsoft's "Designing for high availability with ExpressRoute"
//! (<https://learn.microsoft.com/azure/expressroute/designing-for-high-availability-with-expressroute>)
//! and "Designing for disaster recovery with ExpressRoute private peering"
//! (<https://learn.microsoft.com/azure/expressroute/designing-for-disaster-recovery-with-expressroute-privatepeering>)
//! advise circuits at two peering locations, because the circuits at one location fail
//! together; the locations come from "ExpressRoute connectivity providers and peering
//! locations" (<https://learn.microsoft.com/azure/expressroute/expressroute-locations-providers>,
//! [`geo`](super::super::geo)). The twin takes the first location of the same geopolitical area
//! that no circuit of the plan uses, one serving the same Local regions first (Amsterdam2 for
//! Amsterdam), so that a Local circuit stays valid; its SKU, bandwidth, provider and direct
//! port are the first circuit's.
//!
//! A second hub, in another region of the same geopolitical area and the same Virtual WAN,
//! takes a tunnel from each site, a P2S connection from each user group and a connection from
//! each circuit of the first hub: Microsoft's Virtual WAN global transit architecture
//! (<https://learn.microsoft.com/azure/virtual-wan/virtual-wan-global-transit-network-architecture>)
//! connects branches to more than one hub, while "a virtual network can only be connected to one
//! virtual hub" (Virtual WAN FAQ,
//! <https://learn.microsoft.com/azure/virtual-wan/virtual-wan-faq>), so a hub with VNets gets no
//! edit: its VNets fail with it whatever is added. The new hub's address space (a /23) and its
//! P2S address pools (the first hub's sizes) are the first ranges of 10.0.0.0/8 that no
//! address space or pool of the plan overlaps.

use super::super::edit::{free_id, Edit};
use super::super::geo::{self, PeeringLocation, PEERING_LOCATIONS, REGIONS};
use ipnet::{IpNet, Ipv4Net};

use super::super::model::{Cidr, Link, LinkKind, Node, NodeKind, Plan};

/// A second circuit for each of these circuits (ids), each at another peering location with a
/// private peering from every site of its first and a connection to every VNet and hub it
/// connects; empty when a circuit's location has no other in the catalogue.
pub fn circuits(plan: &Plan, ids: &[&str]) -> Vec<Edit> {
    let mut edited = plan.clone();
    let mut edits = Vec::new();
    for id in ids {
        let Some(edit) = twin(&edited, id) else {
            return Vec::new();
        };
        if super::super::edit::apply(&mut edited, &edit).is_err() {
            return Vec::new();
        }
        edits.push(edit);
    }
    edits
}

fn twin(plan: &Plan, id: &str) -> Option<Edit> {
    let first = plan.node(id).filter(|n| n.kind == NodeKind::Expressroute)?;
    let location = match first.location.as_deref() {
        Some(at) => Some(
            other_location(plan, geo::peering_location(at)?)?
                .name
                .to_string(),
        ),
        None => None,
    };
    let mut node = Node::new(&free_id(plan, &format!("{id}-2")), NodeKind::Expressroute);
    node.location = location;
    node.sku = first.sku;
    node.bandwidth_mbps = first.bandwidth_mbps;
    node.provider.clone_from(&first.provider);
    node.direct = first.direct;
    let links: Vec<Link> = plan
        .links
        .iter()
        .filter_map(|l| match l.kind {
            LinkKind::ErPrivate if l.to == id => Some(Link::new(l.kind, &l.from, &node.id)),
            LinkKind::ErConnection if l.from == id => Some(Link::new(l.kind, &node.id, &l.to)),
            _ => None,
        })
        .collect();
    let private = links.iter().any(|l| l.kind == LinkKind::ErPrivate);
    let connected = links.iter().any(|l| l.kind == LinkKind::ErConnection);
    (private && connected).then(|| Edit::AddNode {
        node: Box::new(node),
        links,
    })
}

/// The first peering location of `at`'s geopolitical area that no circuit of the plan uses,
/// one serving a Local region of `at` first.
fn other_location(plan: &Plan, at: &PeeringLocation) -> Option<&'static PeeringLocation> {
    let used = |l: &PeeringLocation| {
        plan.nodes.iter().any(|n| {
            n.kind == NodeKind::Expressroute
                && n.location
                    .as_deref()
                    .and_then(geo::peering_location)
                    .is_some_and(|m| m.name == l.name)
        })
    };
    let free = || {
        PEERING_LOCATIONS
            .iter()
            .filter(move |l| l.geo == at.geo && l.name != at.name && !used(l))
    };
    let near = |l: &&PeeringLocation| l.local_regions.iter().any(|r| at.local_regions.contains(r));
    free().find(near).or_else(|| free().next())
}

/// A second hub for the hub `id`, when no VNet connects to it (see the module).
pub fn hub(plan: &Plan, id: &str) -> Option<Edit> {
    let first = plan.node(id).filter(|n| n.kind == NodeKind::VwanHub)?;
    let of_first = |l: &&Link| l.to == id || l.from == id;
    if plan
        .links
        .iter()
        .filter(of_first)
        .any(|l| l.kind == LinkKind::VwanConnection)
    {
        return None;
    }
    let at = geo::region(first.region.as_deref()?)?;
    let hubs: Vec<&str> = plan
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::VwanHub)
        .filter_map(|n| n.region.as_deref())
        .collect();
    let same_area = || {
        REGIONS
            .iter()
            .filter(|r| r.geo == at.geo && r.name != at.name)
    };
    let region = same_area()
        .find(|r| {
            !hubs
                .iter()
                .any(|h| geo::region(h).is_some_and(|g| g.name == r.name))
        })
        .or_else(|| same_area().next())?;
    let mut used = prefixes(plan);
    let mut node = Node::new(&free_id(plan, &format!("{id}-2")), NodeKind::VwanHub);
    node.region = Some(region.name.to_string());
    node.wan.clone_from(&first.wan);
    node.scale_units.clone_from(&first.scale_units);
    node.routing_intent.clone_from(&first.routing_intent);
    node.allow_non_virtual_wan_traffic = first.allow_non_virtual_wan_traffic;
    node.address_space = Some(vec![free_range(&mut used, 23)?]);
    if let Some(p2s) = &first.p2s {
        let mut p2s = p2s.clone();
        for pool in p2s.address_pool.iter_mut() {
            *pool = free_range(&mut used, pool.0.prefix_len())?;
        }
        node.p2s = Some(p2s);
    }
    let links: Vec<Link> = plan
        .links
        .iter()
        .filter(of_first)
        .filter(|l| {
            matches!(
                l.kind,
                LinkKind::S2s | LinkKind::P2s | LinkKind::ErConnection
            )
        })
        .map(|l| {
            let mut l = l.clone();
            (l.id, l.name, l.azure_id) = (None, None, None);
            l.to.clone_from(&node.id);
            l
        })
        .collect();
    (!links.is_empty()).then(|| Edit::AddNode {
        node: Box::new(node),
        links,
    })
}

/// Every IPv4 address space and P2S address pool of the plan.
fn prefixes(plan: &Plan) -> Vec<IpNet> {
    let pools = |n: &Node| {
        let hub = n.p2s.iter().flat_map(|p| &p.address_pool);
        let gateway = n
            .vpn_gateway
            .iter()
            .flat_map(|g| g.p2s.iter().flat_map(|p| &p.address_pool));
        hub.chain(gateway).map(|c| c.0).collect::<Vec<_>>()
    };
    plan.nodes
        .iter()
        .flat_map(|n| n.prefixes().chain(pools(n)))
        .collect()
}

/// The first range of this length in 10.0.0.0/8 that overlaps none of `used`, then used too.
fn free_range(used: &mut Vec<IpNet>, len: u8) -> Option<Cidr> {
    let ten = Ipv4Net::new([10, 0, 0, 0].into(), 8).ok()?;
    let free = ten
        .subnets(len.max(8))
        .ok()?
        .map(IpNet::V4)
        .find(|c| !used.iter().any(|u| u.contains(c) || c.contains(u)))?;
    used.push(free);
    Some(Cidr(free))
}
