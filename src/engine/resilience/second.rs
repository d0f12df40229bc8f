//! Remedies that add an element the plan does not have yet, as [`Edit::AddNode`]: a second
//! ExpressRoute circuit at another peering location, on the same sites and networks as the
//! circuit it backs up.
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

use super::super::edit::{free_id, Edit};
use super::super::geo::{self, PeeringLocation, PEERING_LOCATIONS};
use super::super::model::{Link, LinkKind, Node, NodeKind, Plan};

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
