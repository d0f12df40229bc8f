//! The failure domains of a plan and each failure applied as an edit of the plan.
//!
//! A domain is something that fails as a whole (see [`DomainKind`]):
//! - one instance of a VNet's VPN or ExpressRoute gateway: every gateway has two, and the other
//!   one takes over (nothing is removed; the pairs whose way crossed the gateway are kept after
//!   that failover, see [`failover`](super::failover));
//! - an availability zone of a region whose VPN or ExpressRoute gateways are not all
//!   zone-redundant: those gateways fail (see [`redundancy`](super::redundancy)), the
//!   zone-redundant ones fail over to their instance in another zone;
//! - a firewall, a connection (VNet peering, S2S tunnel, ExpressRoute private or Microsoft
//!   peering, a circuit's connection to a gateway or hub, Global Reach, a hub's VNet
//!   connection), a circuit (for an ExpressRoute Metro circuit: one of its two peering
//!   locations, which the other survives), a peering location with more than one circuit, a
//!   Virtual WAN hub, a site's VPN device when it ends more than one tunnel (with one, the
//!   device is the tunnel; tunnels name their device with `device`, all of a site's tunnels
//!   share one device otherwise), and an Azure region with every VNet and hub in it.
//!
//! Point-to-site links, the access links (Bastion, Application Gateway, virtual desktops)
//! and internet breakouts are not domains: what fails there is the gateway, or the user group.

use std::collections::BTreeMap;

use serde::Serialize;

use super::super::model::{LinkKind, NodeKind, Plan};
use super::backup::Backups;
use super::ends::Ends;
use super::failover::FailoverKind;
use super::places::places;
use super::redundancy::metro;

/// What kind of element fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DomainKind {
    /// One instance of a VNet's VPN gateway.
    VpnGateway,
    /// One instance of a VNet's ExpressRoute gateway.
    ErGateway,
    /// Azure Firewall (or the NVA) of a VNet or hub.
    Firewall,
    /// One link of the plan.
    Connection,
    /// An ExpressRoute circuit.
    Circuit,
    /// Every circuit at one peering location.
    PeeringLocation,
    /// A Virtual WAN hub.
    VwanHub,
    /// A site's VPN device: every S2S tunnel of the site that ends on it.
    SiteDevice,
    /// An availability zone of a region: the gateways there that are not zone-redundant.
    Zone,
    /// An Azure region: every VNet and hub in it.
    Region,
}

/// How a failure changes the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Cut {
    /// Nothing is removed: another instance or link of the element takes over.
    Nothing,
    /// These VNets' VPN gateways (first) and ExpressRoute gateways (second) are removed.
    Gateways(Vec<usize>, Vec<usize>),
    /// The firewall of this node is removed.
    Firewall(usize),
    /// These links are removed.
    Links(Vec<usize>),
    /// These nodes are removed, with every link that touches them.
    Nodes(Vec<usize>),
}

/// One failure domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Domain {
    /// A stable id: `vpn_gateway:hub`, `connection:3`, `region:westeurope` …
    pub id: String,
    /// What kind of element.
    pub kind: DomainKind,
    /// The element in words.
    pub what: String,
    /// The nodes it concerns (the gateway's VNet, the circuit, a link's two ends …), sorted.
    pub nodes: Vec<String>,
    /// The plan links it concerns (indexes into `links`), sorted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<usize>,
    #[serde(skip)]
    pub(super) cut: Cut,
    /// The plan links whose traffic crosses what fails: a pair whose way took one of them and
    /// that is still reachable after the failure has failed over.
    #[serde(skip)]
    pub(super) carries: Vec<usize>,
    /// The links that a second instance (or link) of the failed element keeps, with the kind
    /// of that failover.
    #[serde(skip)]
    pub(super) takeover: Vec<(usize, FailoverKind)>,
}

impl Domain {
    /// The plan with this element failed: the element removed, with the links that depend on
    /// it (the same edit the sweep judges; the browser's Failures view shows it).
    pub fn failed(&self, plan: &Plan) -> Plan {
        apply(plan, &self.cut)
    }

    /// Whether its failure removes its `nodes` from the plan (a circuit, a hub, a peering
    /// location, a region), rather than a gateway, a firewall or links of them.
    pub fn removes_nodes(&self) -> bool {
        matches!(self.cut, Cut::Nodes(_))
    }
}

fn carried(kind: LinkKind) -> bool {
    matches!(
        kind,
        LinkKind::Peering
            | LinkKind::S2s
            | LinkKind::ErPrivate
            | LinkKind::ErMicrosoft
            | LinkKind::ErConnection
            | LinkKind::GlobalReach
            | LinkKind::VwanConnection
    )
}

pub(super) fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids.dedup();
    ids
}

/// The failover kind of an instance failure of a VNet's VPN gateway.
pub(super) fn vpn_takeover(plan: &Plan, node: usize) -> FailoverKind {
    let active_active = plan
        .nodes
        .get(node)
        .and_then(|n| n.vpn_gateway.as_ref())
        .and_then(|g| g.active_active)
        .unwrap_or(false);
    if active_active {
        FailoverKind::ActiveActive
    } else {
        FailoverKind::ActiveStandby
    }
}

pub(super) fn with(links: Vec<usize>, kind: FailoverKind) -> Vec<(usize, FailoverKind)> {
    links.into_iter().map(|l| (l, kind)).collect()
}

/// Every failure domain of a plan, in plan order: the nodes' gateways, firewalls, circuits
/// and hubs, then the links, the site devices, the peering locations, the availability zones
/// and the regions.
pub fn domains(plan: &Plan) -> Vec<Domain> {
    let ends = Ends::of(plan);
    let mut out = Vec::new();
    let domain = |kind, id: String, what: String, nodes: Vec<String>, links, cut| Domain {
        id,
        kind,
        what,
        nodes: sorted(nodes),
        links,
        cut,
        carries: Vec::new(),
        takeover: Vec::new(),
    };
    for (i, n) in plan.nodes.iter().enumerate() {
        let own = vec![n.id.clone()];
        if let Some(g) = &n.vpn_gateway {
            let kind = vpn_takeover(plan, i);
            let mode = if kind == FailoverKind::ActiveActive {
                "active-active"
            } else {
                "active-standby"
            };
            let what = format!(
                "an instance of the VPN gateway of {} ({mode}, {})",
                n.id, g.sku
            );
            let id = format!("vpn_gateway:{}", n.id);
            let mut d = domain(
                DomainKind::VpnGateway,
                id,
                what,
                own.clone(),
                vec![],
                Cut::Nothing,
            );
            d.takeover = with(ends.gateway_links(i, true), kind);
            out.push(d);
        }
        if n.er_gateway.is_some() {
            let what = format!("an instance of the ExpressRoute gateway of {}", n.id);
            let id = format!("er_gateway:{}", n.id);
            let mut d = domain(
                DomainKind::ErGateway,
                id,
                what,
                own.clone(),
                vec![],
                Cut::Nothing,
            );
            d.takeover = with(ends.gateway_links(i, false), FailoverKind::GatewayInstance);
            out.push(d);
        }
        if n.firewall.is_some() {
            let what = format!("the firewall of {}", n.id);
            let id = format!("firewall:{}", n.id);
            out.push(domain(
                DomainKind::Firewall,
                id,
                what,
                own.clone(),
                vec![],
                Cut::Firewall(i),
            ));
        }
        if n.kind == NodeKind::Expressroute && metro(n) {
            let what = format!(
                "one of the two peering locations of the Metro circuit {}",
                n.id
            );
            let id = format!("circuit:{}", n.id);
            let mut d = domain(DomainKind::Circuit, id, what, own, vec![], Cut::Nothing);
            d.takeover = with(ends.links_of(&[i]), FailoverKind::BgpReconvergence);
            out.push(d);
            continue;
        }
        let whole = match n.kind {
            NodeKind::Expressroute => Some((DomainKind::Circuit, "circuit", "the circuit")),
            NodeKind::VwanHub => Some((DomainKind::VwanHub, "vwan_hub", "the Virtual WAN hub")),
            _ => None,
        };
        if let Some((kind, prefix, words)) = whole {
            let what = format!("{words} {}", n.id);
            let id = format!("{prefix}:{}", n.id);
            let mut d = domain(kind, id, what, own, vec![], Cut::Nodes(vec![i]));
            d.carries = ends.links_of(&[i]);
            out.push(d);
        }
    }
    let mut tunnels: BTreeMap<(&str, Option<&str>), Vec<usize>> = BTreeMap::new();
    for (i, l) in plan.links.iter().enumerate() {
        if !carried(l.kind) {
            continue;
        }
        let what = format!("the {} link {} → {}", l.kind.as_str(), l.from, l.to);
        let nodes = vec![l.from.clone(), l.to.clone()];
        let id = format!("connection:{i}");
        let mut d = domain(
            DomainKind::Connection,
            id,
            what,
            nodes,
            vec![i],
            Cut::Links(vec![i]),
        );
        d.carries = vec![i];
        out.push(d);
        if l.kind == LinkKind::S2s {
            for end in [&l.from, &l.to] {
                if ends.node(end).is_some_and(|n| n.kind == NodeKind::Site) {
                    let device = l.device.as_deref();
                    tunnels.entry((end.as_str(), device)).or_default().push(i);
                }
            }
        }
    }
    for ((site, device), links) in tunnels.into_iter().filter(|(_, l)| l.len() > 1) {
        let (what, id) = match device {
            Some(dev) => (
                format!(
                    "the VPN device {dev} of {site} (its {} tunnels)",
                    links.len()
                ),
                format!("site_device:{site}/{dev}"),
            ),
            None => (
                format!("the VPN device of {site} (its {} tunnels)", links.len()),
                format!("site_device:{site}"),
            ),
        };
        let nodes = vec![site.to_string()];
        let mut d = domain(
            DomainKind::SiteDevice,
            id,
            what,
            nodes,
            links.clone(),
            Cut::Links(links.clone()),
        );
        d.carries = links;
        out.push(d);
    }
    places(plan, &ends, &mut out);
    let backups = Backups::of(plan);
    for d in &mut out {
        backups.apply(d);
    }
    out
}

/// The plan with this failure applied: the element removed, with the links that depend on it;
/// intents and flows about removed nodes are dropped (they are not asked).
pub(super) fn apply(plan: &Plan, cut: &Cut) -> Plan {
    apply_all(plan, &[cut])
}

/// The plan with all these failures at once (indexes are those of `plan`: links are removed
/// before nodes).
pub(super) fn apply_all(plan: &Plan, cuts: &[&Cut]) -> Plan {
    let mut failed = plan.clone();
    let mut links: Vec<usize> = Vec::new();
    let mut nodes: Vec<usize> = Vec::new();
    for cut in cuts {
        match cut {
            Cut::Links(l) => links.extend(l),
            Cut::Nodes(n) => nodes.extend(n),
            other => degrade(&mut failed, other),
        }
    }
    if !links.is_empty() {
        let mut index = 0;
        failed.links.retain(|_| {
            index += 1;
            !links.contains(&(index - 1))
        });
    }
    if !nodes.is_empty() {
        let gone: Vec<&str> = nodes
            .iter()
            .filter_map(|&i| plan.nodes.get(i))
            .map(|n| n.id.as_str())
            .collect();
        let kept = |id: &str| !gone.contains(&id);
        failed.nodes.retain(|n| kept(&n.id));
        failed.links.retain(|l| kept(&l.from) && kept(&l.to));
        failed.intents.retain(|i| kept(&i.from) && kept(&i.to));
        failed.flows.retain(|f| kept(&f.from) && kept(&f.to));
    }
    failed
}

/// A failure that removes part of a node (a gateway, a firewall), by index of the plan.
fn degrade(failed: &mut Plan, cut: &Cut) {
    match cut {
        Cut::Gateways(vpn, er) => {
            for &i in vpn {
                if let Some(n) = failed.nodes.get_mut(i) {
                    n.vpn_gateway = None;
                }
            }
            for &i in er {
                if let Some(n) = failed.nodes.get_mut(i) {
                    n.er_gateway = None;
                }
            }
        }
        Cut::Firewall(i) => {
            if let Some(n) = failed.nodes.get_mut(*i) {
                n.firewall = None;
            }
        }
        Cut::Nothing | Cut::Links(_) | Cut::Nodes(_) => {}
    }
}
