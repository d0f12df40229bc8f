//! Access of a limited kind beside network reachability: RDP/SSH through Azure Bastion, HTTPS
//! published by Application Gateway, and sessions on Azure Virtual Desktop (rule book §9).
//!
//! These give no routes: a contractor with Bastion reaches the VMs of a VNet by RDP or SSH in a
//! browser, without a VPN and without reaching that VNet's network. The answers are derived from
//! the network answers: Bastion Standard connects to what its VNet reaches, a desktop reaches
//! what its VNet reaches, and whatever reaches the internet reaches a published application.

use crate::engine::catalogue::Code;
use crate::engine::catalogue::Rule;
use std::collections::{BTreeMap, HashMap};

use foldhash::fast::FixedState;

use super::matrix::Matrix;
pub use super::model::Access;
use super::model::{BastionSku, LinkKind, NodeKind};
use super::pair::Pair;
use super::rules::{Finding, Severity};
use super::topology::Net;

/// One grant of limited access: how, by which path, and under which rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    /// The kind of access.
    pub access: Access,
    /// Node ids from source to destination.
    pub path: Vec<String>,
    /// Link kinds between them.
    pub via: Vec<String>,
    /// The rule of the rule book (`None` when only the kind was asked for).
    pub rule: Option<Rule>,
    /// What it means, in a sentence.
    pub note: String,
}

/// The network answer for (from, to), looked up by endpoint id.
type Lookup<'a> = BTreeMap<(&'a str, &'a str), &'a Pair>;

fn extend(first: &[&str], first_via: &[&str], rest: Option<&Pair>) -> (Vec<String>, Vec<String>) {
    let mut path: Vec<String> = first.iter().map(|s| s.to_string()).collect();
    let mut via: Vec<String> = first_via.iter().map(|s| s.to_string()).collect();
    if let Some(p) = rest {
        path.extend(p.path.iter().skip(1).cloned());
        via.extend(p.via.iter().cloned());
    }
    (path, via)
}

/// Limited access for every ordered pair that has some, keyed by (from, to) ids. The most
/// capable grant wins: a desktop before RDP/SSH before HTTPS.
pub fn grants<'a>(net: &'a Net, pairs: &'a [Pair]) -> BTreeMap<(String, String), Grant> {
    let lookup: Lookup =
        super::order::map(pairs.iter().map(|p| ((p.from.as_str(), p.to.as_str()), p)));
    let reachable = |a: usize, b: usize| {
        lookup
            .get(&(net.id(a), net.id(b)))
            .filter(|p| p.reachable)
            .copied()
    };
    let mut out: HashMap<(usize, usize), Grant> = HashMap::new();
    // The grant is built only when it wins.
    grants_with(
        net,
        &reachable,
        &mut |from, to, access, make| match out.get(&(from, to)) {
            Some(g) if g.access <= access => {}
            _ => {
                out.insert((from, to), make());
            }
        },
    );
    super::order::map(
        out.into_iter()
            .map(|((a, b), grant)| ((net.id(a).to_string(), net.id(b).to_string()), grant)),
    )
}

/// Limited access by (from, to) endpoint indexes of a matrix: a map of small keys and values,
/// with a fast hash (the keys are the planner's own indexes, not text from outside).
pub type Limited = HashMap<(usize, usize), Access, FixedState>;

/// The kinds of limited access alone, keyed by the (from, to) endpoint indexes of `matrix`,
/// read from the fast matrix: what the overview of a large plan shows, without the paths and
/// sentences of [`grants`]. O(A N) for A access connections.
pub fn access_kinds(net: &Net, matrix: &Matrix) -> Limited {
    let pos: Vec<Option<usize>> = (0..net.plan.nodes.len())
        .map(|n| {
            net.node(n)
                .kind
                .is_endpoint()
                .then(|| matrix.index(net.id(n)))
                .flatten()
        })
        .collect();
    // Without detail no grant is built, so the pair only says "reachable".
    let reached = Pair::reached("", "");
    let reachable = |a: usize, b: usize| {
        pos[a]
            .zip(pos[b])
            .filter(|&(i, j)| matrix.reachable(i, j))
            .map(|_| &reached)
    };
    let mut out = Limited::default();
    grants_with(net, &reachable, &mut |from, to, access, _| {
        if let Some(key) = pos[from].zip(pos[to]) {
            let best = out.entry(key).or_insert(access);
            *best = (*best).min(access);
        }
    });
    out
}

/// Whether node `a` reaches node `b`, with the pair when it does.
type Reachable<'r, 'q> = &'r dyn Fn(usize, usize) -> Option<&'q Pair>;

/// Where [`grants_with`] offers each grant: (from, to) node numbers, the kind, and how to
/// build the grant (called only by those that keep it).
type Offer<'o> = &'o mut dyn FnMut(usize, usize, Access, &dyn Fn() -> Grant);

/// Offers every grant of limited access, by (from, to) node numbers (never from a node to
/// itself); the most capable for a pair is the least [`Access`].
fn grants_with(net: &Net, reachable: Reachable, sink: Offer) {
    let mut offer = |from: usize, to: usize, access: Access, make: &dyn Fn() -> Grant| {
        if from != to {
            sink(from, to, access, make);
        }
    };
    let endpoints: Vec<usize> = (0..net.plan.nodes.len())
        .filter(|&n| net.node(n).kind.is_endpoint())
        .collect();
    for conn in net.conns.iter().filter(|c| c.refused.is_none()) {
        let (na, nb) = (conn.a, conn.b);
        let (a, b) = (net.id(na), net.id(nb));
        if conn.is(LinkKind::Bastion) {
            let sku = net
                .node(conn.b)
                .bastion
                .as_ref()
                .and_then(|x| x.sku)
                .unwrap_or(BastionSku::Basic);
            offer(na, nb, Access::RdpSsh, &|| {
                Grant {
                access: Access::RdpSsh,
                path: vec![a.into(), b.into()],
                via: vec!["bastion".into()],
                rule: Some(Rule::R9_1),
                note: format!("RDP/SSH in the browser to the VMs of {b} through its Azure Bastion, without a VPN client."),
            }
            });
            if sku >= BastionSku::Basic {
                for &(c, peer) in &net.adj[conn.b] {
                    let pc = &net.conns[c];
                    if pc.is(LinkKind::Peering) && pc.refused.is_none() {
                        let p = net.id(peer);
                        offer(na, peer, Access::RdpSsh, &|| {
                            Grant {
                            access: Access::RdpSsh,
                            path: vec![a.into(), b.into(), p.into()],
                            via: vec!["bastion".into(), "peering".into()],
                            rule: Some(Rule::R9_1),
                            note: format!("RDP/SSH through {b}'s Azure Bastion to VMs of the peered VNet {p} (Basic SKU and up)."),
                        }
                        });
                    }
                }
            }
            if sku >= BastionSku::Standard {
                for &nx in &endpoints {
                    let x = net.id(nx);
                    if !matches!(
                        net.node(nx).kind,
                        NodeKind::Vnet | NodeKind::Site | NodeKind::Cloud
                    ) {
                        continue;
                    }
                    if let Some(p) = reachable(nb, nx) {
                        offer(na, nx, Access::RdpSsh, &|| {
                            let (path, via) = extend(&[a, b], &["bastion"], Some(p));
                            Grant {
                            access: Access::RdpSsh,
                            path,
                            via,
                            rule: Some(Rule::R9_1),
                            note: format!("RDP/SSH by IP address through {b}'s Azure Bastion (Standard SKU and up) to {x}, which {b} reaches."),
                            }
                        });
                    }
                }
            }
        }
        if conn.is(LinkKind::VirtualDesktop) {
            offer(na, nb, Access::Desktop, &|| Grant {
                access: Access::Desktop,
                path: vec![a.into(), b.into()],
                via: vec!["virtual_desktop".into()],
                rule: Some(Rule::R9_2),
                note: format!("A virtual desktop session that runs in {b}."),
            });
            for &nx in &endpoints {
                let x = net.id(nx);
                if let Some(p) = reachable(nb, nx) {
                    offer(na, nx, Access::Desktop, &|| {
                        let (path, via) = extend(&[a, b], &["virtual_desktop"], Some(p));
                        Grant {
                            access: Access::Desktop,
                            path,
                            via,
                            rule: Some(Rule::R9_2),
                            note: format!("From a virtual desktop in {b}, which reaches {x}."),
                        }
                    });
                }
            }
        }
        if conn.is(LinkKind::AppGateway) {
            offer(na, nb, Access::Https, &|| Grant {
                access: Access::Https,
                path: vec![a.into(), b.into()],
                via: vec!["app_gateway".into()],
                rule: Some(Rule::R9_3),
                note: format!(
                    "HTTP(S) to the applications {b} publishes through its Application Gateway."
                ),
            });
            for &nx in &endpoints {
                if let Some(p) = reachable(nx, na) {
                    offer(nx, nb, Access::Https, &|| {
                        let mut path = p.path.clone();
                        path.push(b.into());
                        let mut via = p.via.clone();
                        via.push("app_gateway".into());
                        Grant {
                            access: Access::Https,
                            path,
                            via,
                            rule: Some(Rule::R9_3),
                            note: format!("HTTP(S) over the internet to the applications {b} publishes through its Application Gateway."),
                        }
                    });
                }
            }
        }
    }
}

/// Which path the Microsoft 365 traffic of each P2S user group takes: straight to the internet
/// when the group has an `internet` link (split tunnel), otherwise through the VPN gateway it
/// connects to, which the seed's advice is to avoid on a congested first mile.
pub fn m365_paths(net: &Net, pairs: &[Pair]) -> Vec<Finding> {
    let mut out = Vec::new();
    for (n, node) in net.plan.nodes.iter().enumerate() {
        if node.kind != NodeKind::Users {
            continue;
        }
        let carried = |kind: LinkKind| {
            net.adj[n]
                .iter()
                .filter(|&&(c, _)| net.conns[c].is(kind) && net.conns[c].refused.is_none())
                .map(|&(_, g)| net.id(g))
                .collect::<Vec<_>>()
        };
        let gateways = carried(LinkKind::P2s);
        if gateways.is_empty() {
            continue;
        }
        let id = &node.id;
        let direct = !carried(LinkKind::Internet).is_empty();
        let microsoft = pairs.iter().find(|p| {
            p.from == *id
                && p.reachable
                && net
                    .plan
                    .node(&p.to)
                    .is_some_and(|m| m.kind == NodeKind::Microsoft)
        });
        // The VPN gateway gives no internet connectivity: only a firewall behind it (forced
        // tunnel) or a hub's routing intent for internet traffic carries it out (R3.19, R7.6).
        let egress = net.adj[n].iter().any(|&(c, g)| {
            let node = net.node(g);
            net.conns[c].is(LinkKind::P2s)
                && net.conns[c].refused.is_none()
                && (net.vnets[g].firewall
                    || (node.firewall.is_some() && node.routing_intent.is_some_and(|r| r.internet)))
        });
        let (severity, code, message, rule) = if !direct && !egress {
            (Severity::Warning, Code::M365NoEgress, format!(
                "{id} has no internet link and its VPN gateway ({}) provides no internet connectivity, so Microsoft 365 is unreachable for it. Add an internet link from {id} (split tunnelling), or force-tunnel through a firewall in the gateway's VNet.",
                gateways.join(" and ")
            ), Rule::R3_19)
        } else if direct {
            (Severity::Info, Code::M365SplitTunnel, format!(
                "Microsoft 365 traffic of {id} goes straight to the internet (split tunnel), off the VPN gateway of {}.",
                gateways.join(" and ")
            ), Rule::R10_3)
        } else {
            let via = microsoft
                .map(|p| format!(" (path {})", super::words::path_text(&p.path, &p.via)))
                .unwrap_or_default();
            (Severity::Warning, Code::M365ThroughVpn, format!(
                "Microsoft 365 traffic of {id} goes through the VPN gateway of {}{via}, since {id} has no internet link: it competes with business traffic on the gateway. Add an internet link from {id} (split tunnelling) to keep it off the VPN.",
                gateways.join(" and ")
            ), Rule::R10_3)
        };
        let mut nodes: Vec<String> = vec![id.clone()];
        nodes.extend(gateways.iter().map(|g| g.to_string()));
        super::order::sort(&mut nodes);
        out.push(Finding {
            severity,
            code,
            message,
            nodes,
            links: Vec::new(),
            rule: Some(rule),
        });
    }
    out
}
