//! The remedy of a single point of failure as a mechanical edit of the plan, where one exists
//! (the [`Edit`] that "apply the fix" applies): what the sentence of [`remedy`](super::remedy)
//! says, written out.
//!
//! - an availability zone: the zone-redundant SKU of the same size for each gateway in it that
//!   is not zone-redundant (R5.1; Basic has no zone-redundant twin and no edit);
//! - a tunnel from a site (the site's only one to that network): a second tunnel from a second
//!   device, BGP on both and on the gateway (multiple tunnels to a site need BGP, R3.7);
//! - a site's VPN device with several tunnels: half of them moved to a second device;
//! - a circuit, its private peering of a site or its connection to a VNet whose VNet has a VPN
//!   gateway: an S2S tunnel from each site on the circuit to that VNet as the backup of private
//!   peering (coexistence, R6.12), with BGP.
//!
//! - a circuit, a peering location, or a circuit's private peering or connection where no S2S
//!   backup removes the failure: a second circuit at another peering location on the same
//!   sites and networks ([`second`](super::second), an added node).
//!
//! Every other kind (a peering, a region, a firewall) keeps its sentence only.
//!
//! An edit is offered only when it is checked ([`removes`]): in the edited plan the same
//! failure loses no pair (a tunnel added as a backup does not give on-premises transit, for
//! example, so a circuit that also joins two sites gets a second circuit instead). The check
//! costs two fast matrices per candidate, so edits are offered for plans of at most
//! [`MAX_EXPLAINED`](super::failover::MAX_EXPLAINED) endpoints.

use super::super::edit::{Edit, LinkFlag};
use std::sync::Arc;

use super::super::edit::apply;
use super::super::limits;
use super::super::model::{LinkKind, NodeKind, Plan};
use super::super::prepared::Network;
use super::domains::{self, Cut, Domain, DomainKind};
use super::redundancy::{er_zone_redundant, er_zone_sku, zone_sku};
use super::second;

/// The first mechanical edit that removes this single point of failure ([`removes`]), when
/// there is one.
pub fn checked(plan: &Plan, domain: &Domain, refused: &[&str]) -> Option<Edit> {
    let first = edit(plan, domain, refused).filter(|e| removes(plan, domain, e));
    first.or_else(|| {
        let circuits = on_circuits(plan, domain);
        let ids: Vec<&str> = circuits.iter().map(String::as_str).collect();
        let hub = match (domain.kind, &domain.cut) {
            (DomainKind::VwanHub, Cut::Nodes(n)) => n.first().and_then(|&i| plan.nodes.get(i)),
            _ => None,
        };
        let added = match hub {
            Some(h) => second::hub(plan, &h.id),
            None => one(second::circuits(plan, &ids)),
        };
        added.filter(|e| removes(plan, domain, e))
    })
}

/// The mechanical edit that removes this single point of failure without adding a node, when
/// there is one. `refused` are the nodes an error finding names (something Azure would not
/// deploy carries nothing, so a tunnel added to it would not help).
pub fn edit(plan: &Plan, domain: &Domain, refused: &[&str]) -> Option<Edit> {
    let edits = match (domain.kind, &domain.cut) {
        (DomainKind::Zone, Cut::Gateways(vpn, er)) => zone(plan, vpn, er),
        (DomainKind::Connection, _) => connection(plan, domain.links.first().copied()?, refused),
        (DomainKind::SiteDevice, _) => device(plan, &domain.links),
        (DomainKind::Circuit, Cut::Nodes(nodes)) => {
            let circuit = plan.nodes.get(*nodes.first()?)?;
            backup(plan, &circuit.id, refused)
        }
        _ => Vec::new(),
    };
    one(edits)
}

fn one(edits: Vec<Edit>) -> Option<Edit> {
    match edits.len() {
        0 => None,
        1 => edits.into_iter().next(),
        _ => Some(Edit::All { edits }),
    }
}

/// The circuits a second circuit backs up for this failure: the circuit, every circuit at the
/// peering location, or the circuit of a private peering or connection.
fn on_circuits(plan: &Plan, domain: &Domain) -> Vec<String> {
    let circuit = |id: &str| {
        plan.node(id)
            .is_some_and(|n| n.kind == NodeKind::Expressroute)
    };
    match (domain.kind, &domain.cut) {
        (DomainKind::Circuit | DomainKind::PeeringLocation, Cut::Nodes(nodes)) => nodes
            .iter()
            .filter_map(|&i| plan.nodes.get(i))
            .map(|n| n.id.clone())
            .collect(),
        (DomainKind::Connection, _) => domain
            .links
            .first()
            .and_then(|&l| plan.links.get(l))
            .filter(|l| matches!(l.kind, LinkKind::ErPrivate | LinkKind::ErConnection))
            .and_then(|l| [&l.from, &l.to].into_iter().find(|e| circuit(e)).cloned())
            .into_iter()
            .collect(),
        _ => Vec::new(),
    }
}

fn zone(plan: &Plan, vpn: &[usize], er: &[usize]) -> Vec<Edit> {
    let mut edits = Vec::new();
    for n in vpn.iter().filter_map(|&i| plan.nodes.get(i)) {
        let Some(g) = &n.vpn_gateway else { continue };
        let sku = zone_sku(g.sku);
        if sku == g.sku {
            return Vec::new();
        }
        edits.push(Edit::SetVpnSku {
            node: n.id.clone(),
            sku,
        });
    }
    for n in er.iter().filter_map(|&i| plan.nodes.get(i)) {
        let Some(g) = &n.er_gateway else { continue };
        let sku = er_zone_sku(g.sku);
        if !er_zone_redundant(sku) {
            return Vec::new();
        }
        edits.push(Edit::SetErGatewaySku {
            node: n.id.clone(),
            sku,
        });
    }
    edits
}

/// A second tunnel from a second device, when the link is a site's tunnel to a VNet's gateway
/// or a hub, and the site has no other tunnel to it.
fn connection(plan: &Plan, link: usize, refused: &[&str]) -> Vec<Edit> {
    let Some(l) = plan.links.get(link) else {
        return Vec::new();
    };
    if l.kind == LinkKind::ErPrivate {
        let circuit = [&l.from, &l.to].into_iter().find(|e| {
            plan.node(e)
                .is_some_and(|n| n.kind == NodeKind::Expressroute)
        });
        return circuit
            .map(|c| backup(plan, c, refused))
            .unwrap_or_default();
    }
    if l.kind == LinkKind::ErConnection {
        return backup(plan, &l.from, refused);
    }
    let site = plan.node(&l.from).filter(|n| n.kind == NodeKind::Site);
    let (Some(site), true) = (site, l.kind == LinkKind::S2s) else {
        return Vec::new();
    };
    let target = plan.node(&l.to);
    let vnet_gateway = target.and_then(|n| n.vpn_gateway.as_ref());
    let hub = target.is_some_and(|n| n.kind == NodeKind::VwanHub);
    if !(hub || room(plan, &l.to, refused)) || refused.contains(&site.id.as_str()) {
        return Vec::new();
    }
    let first = l.device.clone().unwrap_or_else(|| "device-1".to_string());
    let second = format!("{first}-second");
    let mut edits = vec![
        Edit::SetLinkFlags {
            link,
            flags: vec![LinkFlag::Bgp],
        },
        Edit::SetLinkDevice {
            link,
            device: first,
        },
        Edit::AddLink {
            kind: LinkKind::S2s,
            from: site.id.clone(),
            to: l.to.clone(),
            flags: vec![LinkFlag::Bgp],
        },
        Edit::SetLinkDevice {
            link: plan.links.len(),
            device: second,
        },
    ];
    if vnet_gateway.is_some_and(|g| g.bgp != Some(true)) {
        edits.push(Edit::EnableGatewayBgp { node: l.to.clone() });
    }
    edits
}

/// Half of a device's tunnels (rounded down, at least one) moved to a second device.
fn device(plan: &Plan, links: &[usize]) -> Vec<Edit> {
    let Some(first) = links.first().and_then(|&l| plan.links.get(l)) else {
        return Vec::new();
    };
    let second = format!("{}-second", first.device.as_deref().unwrap_or("device-1"));
    let moved = (links.len() / 2).max(1);
    links
        .iter()
        .rev()
        .take(moved)
        .map(|&link| Edit::SetLinkDevice {
            link,
            device: second.clone(),
        })
        .collect()
}

/// An S2S tunnel with BGP from each site on the circuit's private peering to each VNet the
/// circuit connects that has a VPN gateway beside its ExpressRoute gateway, where there is none.
fn backup(plan: &Plan, circuit: &str, refused: &[&str]) -> Vec<Edit> {
    let ends = |kind: LinkKind| -> Vec<&str> {
        plan.links
            .iter()
            .filter(|l| l.kind == kind && (l.from == circuit || l.to == circuit))
            .map(|l| {
                if l.from == circuit {
                    l.to.as_str()
                } else {
                    l.from.as_str()
                }
            })
            .collect()
    };
    let sites: Vec<&str> = ends(LinkKind::ErPrivate)
        .into_iter()
        .filter(|s| plan.node(s).is_some_and(|n| n.kind == NodeKind::Site))
        .collect();
    let vnets: Vec<&str> = ends(LinkKind::ErConnection)
        .into_iter()
        .filter(|v| room(plan, v, refused))
        .collect();
    if sites.is_empty() || vnets.is_empty() {
        return Vec::new();
    }
    let mut edits = Vec::new();
    for site in &sites {
        for vnet in &vnets {
            let tunnel = plan
                .links
                .iter()
                .any(|l| l.kind == LinkKind::S2s && l.from == *site && l.to == *vnet);
            if !tunnel {
                edits.push(Edit::AddLink {
                    kind: LinkKind::S2s,
                    from: site.to_string(),
                    to: vnet.to_string(),
                    flags: vec![LinkFlag::Bgp],
                });
            }
        }
    }
    for vnet in vnets {
        let bgp = plan
            .node(vnet)
            .and_then(|n| n.vpn_gateway.as_ref())
            .and_then(|g| g.bgp);
        if bgp != Some(true) && !edits.is_empty() {
            edits.push(Edit::EnableGatewayBgp {
                node: vnet.to_string(),
            });
        }
    }
    edits
}

/// The VNet's VPN gateway can take one more BGP tunnel: a SKU with BGP (not Basic), fewer
/// tunnels than the SKU allows (section 5 of the rule book), nothing refused there.
fn room(plan: &Plan, vnet: &str, refused: &[&str]) -> bool {
    let Some(g) = plan.node(vnet).and_then(|n| n.vpn_gateway.as_ref()) else {
        return false;
    };
    let Some(row) = limits::vpn_sku(g.sku, g.generation) else {
        return false;
    };
    let used = plan
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::S2s && (l.from == vnet || l.to == vnet))
        .count();
    row.bgp && (used as u64) < u64::from(row.tunnels) && !refused.contains(&vnet)
}

/// Whether the edit removes the failure: in the edited plan, the domain of the same id is gone
/// or its failure loses no pair.
pub fn removes(plan: &Plan, domain: &Domain, edit: &Edit) -> bool {
    let mut edited = plan.clone();
    if apply(&mut edited, edit).is_err() {
        return false;
    }
    let Some(same) = domains::domains(&edited)
        .into_iter()
        .find(|d| d.id == domain.id)
    else {
        return true;
    };
    let failed = domains::apply(&edited, &same.cut);
    let before = Network::of(Arc::new(edited)).verdicts();
    let after = Network::of(Arc::new(failed)).verdicts();
    let at: Vec<Option<usize>> = before.endpoints.iter().map(|e| after.index(e)).collect();
    for (i, fi) in at.iter().enumerate() {
        for (j, fj) in at.iter().enumerate() {
            if let (Some(fi), Some(fj)) = (fi, fj) {
                if before.reachable(i, j) && !after.reachable(*fi, *fj) {
                    return false;
                }
            }
        }
    }
    true
}
