//! The failure domains of a plan, as far as the plan format expresses them, and each failure
//! applied as an edit of the plan.
//!
//! A domain is something that fails as a whole: a VNet's VPN or ExpressRoute gateway (both of
//! its instances: the plan says nothing of instances yet), a firewall, a connection (VNet
//! peering, S2S tunnel, ExpressRoute private or Microsoft peering, a circuit's connection to a
//! gateway or hub, Global Reach, a hub's VNet connection), a circuit, a peering location with
//! more than one circuit, a Virtual WAN hub, a site's VPN device when it has more than one
//! tunnel (with one, the device is the tunnel), and an Azure region with every VNet and hub in
//! it. Point-to-site links, the access links (Bastion, Application Gateway, virtual desktops)
//! and internet breakouts are not domains: what fails there is the gateway, or the user group.

use std::collections::BTreeMap;

use serde::Serialize;

use super::super::model::{LinkKind, NodeKind, Plan};

/// What kind of element fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DomainKind {
    /// A VNet's VPN gateway.
    VpnGateway,
    /// A VNet's ExpressRoute gateway.
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
    /// A site's VPN device: every S2S tunnel of the site.
    SiteDevice,
    /// An Azure region: every VNet and hub in it.
    Region,
}

/// How a failure changes the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Cut {
    /// The gateway or firewall of these nodes is removed.
    VpnGateway(usize),
    ErGateway(usize),
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

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids.dedup();
    ids
}

/// Every failure domain of a plan, in plan order: the nodes' gateways, firewalls, circuits
/// and hubs, then the links, the site devices, the peering locations and the regions.
pub fn domains(plan: &Plan) -> Vec<Domain> {
    let mut out = Vec::new();
    let domain = |kind, id: String, what: String, nodes: Vec<String>, links, cut| Domain {
        id,
        kind,
        what,
        nodes: sorted(nodes),
        links,
        cut,
    };
    for (i, n) in plan.nodes.iter().enumerate() {
        let own = vec![n.id.clone()];
        if n.vpn_gateway.is_some() {
            let what = format!("the VPN gateway of {} (both instances)", n.id);
            let id = format!("vpn_gateway:{}", n.id);
            out.push(domain(
                DomainKind::VpnGateway,
                id,
                what,
                own.clone(),
                vec![],
                Cut::VpnGateway(i),
            ));
        }
        if n.er_gateway.is_some() {
            let what = format!("the ExpressRoute gateway of {}", n.id);
            let id = format!("er_gateway:{}", n.id);
            out.push(domain(
                DomainKind::ErGateway,
                id,
                what,
                own.clone(),
                vec![],
                Cut::ErGateway(i),
            ));
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
        let whole = match n.kind {
            NodeKind::Expressroute => Some((DomainKind::Circuit, "circuit", "the circuit")),
            NodeKind::VwanHub => Some((DomainKind::VwanHub, "vwan_hub", "the Virtual WAN hub")),
            _ => None,
        };
        if let Some((kind, prefix, words)) = whole {
            let what = format!("{words} {}", n.id);
            let id = format!("{prefix}:{}", n.id);
            out.push(domain(kind, id, what, own, vec![], Cut::Nodes(vec![i])));
        }
    }
    let mut tunnels: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, l) in plan.links.iter().enumerate() {
        if !carried(l.kind) {
            continue;
        }
        let what = format!("the {} link {} → {}", l.kind.as_str(), l.from, l.to);
        let nodes = vec![l.from.clone(), l.to.clone()];
        let id = format!("connection:{i}");
        out.push(domain(
            DomainKind::Connection,
            id,
            what,
            nodes,
            vec![i],
            Cut::Links(vec![i]),
        ));
        if l.kind == LinkKind::S2s {
            for end in [&l.from, &l.to] {
                if plan.node(end).is_some_and(|n| n.kind == NodeKind::Site) {
                    tunnels.entry(end.as_str()).or_default().push(i);
                }
            }
        }
    }
    for (site, links) in tunnels.into_iter().filter(|(_, l)| l.len() > 1) {
        let what = format!("the VPN device of {site} (its {} tunnels)", links.len());
        let id = format!("site_device:{site}");
        let nodes = vec![site.to_string()];
        out.push(domain(
            DomainKind::SiteDevice,
            id,
            what,
            nodes,
            links.clone(),
            Cut::Links(links),
        ));
    }
    let mut locations: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut regions: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, n) in plan.nodes.iter().enumerate() {
        match (n.kind, n.location.as_deref(), n.region.as_deref()) {
            (NodeKind::Expressroute, Some(at), _) => locations.entry(at).or_default().push(i),
            (NodeKind::Vnet | NodeKind::VwanHub, _, Some(region)) => {
                regions.entry(region).or_default().push(i)
            }
            _ => {}
        }
    }
    let ids = |nodes: &[usize]| nodes.iter().map(|&i| plan.nodes[i].id.clone()).collect();
    for (at, nodes) in locations.into_iter().filter(|(_, n)| n.len() > 1) {
        let what = format!("the peering location {at} ({} circuits)", nodes.len());
        let id = format!("peering_location:{at}");
        out.push(domain(
            DomainKind::PeeringLocation,
            id,
            what,
            ids(&nodes),
            vec![],
            Cut::Nodes(nodes),
        ));
    }
    for (region, nodes) in regions {
        let what = format!("the region {region} ({} VNets and hubs)", nodes.len());
        let id = format!("region:{region}");
        out.push(domain(
            DomainKind::Region,
            id,
            what,
            ids(&nodes),
            vec![],
            Cut::Nodes(nodes),
        ));
    }
    out
}

/// The plan with this failure applied: the element removed, with the links that depend on it;
/// intents and flows about removed nodes are dropped (they are not asked).
pub(super) fn apply(plan: &Plan, cut: &Cut) -> Plan {
    let mut failed = plan.clone();
    match cut {
        Cut::VpnGateway(i) => {
            if let Some(n) = failed.nodes.get_mut(*i) {
                n.vpn_gateway = None;
            }
        }
        Cut::ErGateway(i) => {
            if let Some(n) = failed.nodes.get_mut(*i) {
                n.er_gateway = None;
            }
        }
        Cut::Firewall(i) => {
            if let Some(n) = failed.nodes.get_mut(*i) {
                n.firewall = None;
            }
        }
        Cut::Links(links) => {
            let mut index = 0;
            failed.links.retain(|_| {
                index += 1;
                !links.contains(&(index - 1))
            });
        }
        Cut::Nodes(nodes) => {
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
    }
    failed
}
