//! Findings that need the whole network: overlapping address spaces between joined networks,
//! and per-hub and per-gateway limits from the rule book's tables.

use crate::engine::catalogue::{Code, Rule};
use std::collections::{BTreeMap, BTreeSet};

use ipnet::IpNet;

use super::limits;
use super::model::{LinkKind, NodeKind};
use super::rules::{Block, Finding, Severity};
use super::topology::{prefixes_overlap, ConnKind, Net};

/// The addresses of each endpoint: its address space, or for users the P2S pools of the
/// gateways and hubs they connect to; each with where the addresses come from (the gateway for
/// users, who share its pool with the other user groups of that gateway).
fn addresses(net: &Net) -> Vec<(IpNet, usize, usize)> {
    let mut out = Vec::new();
    for (n, node) in net.plan.nodes.iter().enumerate() {
        match node.kind {
            NodeKind::Users => {
                for &(c, g) in &net.adj[n] {
                    let conn = &net.conns[c];
                    if conn.refused.is_some() || !conn.is(LinkKind::P2s) {
                        continue;
                    }
                    let target = net.node(g);
                    let pool = target
                        .vpn_gateway
                        .as_ref()
                        .and_then(|gw| gw.p2s.as_ref())
                        .or(target.p2s.as_ref());
                    for cidr in pool.iter().flat_map(|p| p.address_pool.iter()) {
                        out.push((cidr.0.trunc(), n, g));
                    }
                }
            }
            // A default route advertised by a site or another cloud is forced tunnelling, not
            // an address range: longest-prefix match still carries every more specific prefix.
            // The internet and Microsoft's services are reached over public addresses, not
            // through the private routing where overlaps matter.
            NodeKind::Internet | NodeKind::Microsoft => {}
            k if k.is_endpoint() => out.extend(
                node.prefixes()
                    .filter(|p| !(is_default(*p) && on_premises(k)))
                    .map(|p| (p.trunc(), n, n)),
            ),
            _ => {}
        }
    }
    out
}

/// Whether a prefix is a default route (0.0.0.0/0 or ::/0).
pub fn is_default(p: IpNet) -> bool {
    p.prefix_len() == 0
}

fn on_premises(kind: NodeKind) -> bool {
    matches!(kind, NodeKind::Site | NodeKind::Cloud)
}

/// A site or cloud that advertises a default route: the Azure networks it is connected to learn
/// it and send their internet-bound traffic there (forced tunnelling). Over ExpressRoute,
/// "advertising a default route … forces all traffic from the linked VNets to on-premises"
/// and blocks their direct internet access (learn.microsoft.com/azure/expressroute/expressroute-faqs,
/// R6.13); over S2S the same is the VPN gateway's forced tunnelling
/// (learn.microsoft.com/azure/vpn-gateway/about-forced-tunneling).
fn default_routes(net: &mut Net) {
    let mut new = Vec::new();
    for (n, node) in net.plan.nodes.iter().enumerate() {
        if !on_premises(node.kind) || !node.prefixes().any(is_default) {
            continue;
        }
        let mut learners = BTreeSet::new();
        let mut over_er = false;
        for &(c, m) in &net.adj[n] {
            let conn = &net.conns[c];
            if conn.refused.is_some() {
                continue;
            }
            if conn.is(LinkKind::S2s) {
                learners.insert(net.id(m).to_string());
            }
            if conn.is(LinkKind::ErPrivate) {
                over_er = true;
                for &(d, v) in &net.adj[m] {
                    let link = &net.conns[d];
                    if link.is(LinkKind::ErConnection) && link.refused.is_none() {
                        learners.insert(net.id(v).to_string());
                    }
                }
            }
        }
        if learners.is_empty() {
            continue;
        }
        let list: Vec<String> = learners.into_iter().collect();
        new.push(Finding {
            severity: Severity::Info,
            code: Code::DefaultRouteFromOnPremises,
            message: format!(
                "{} advertises a default route (0.0.0.0/0): {} (and the VNets that use its gateways) send internet-bound traffic to {} (forced tunnelling), not straight to the internet; more specific prefixes still take their own routes.",
                node.id,
                list.join(", "),
                node.id
            ),
            nodes: sorted(std::iter::once(node.id.clone()).chain(list).collect()),
            links: Vec::new(),
            rule: Some(if over_er { Rule::R6_13 } else { Rule::R2_1 }),
        });
    }
    net.findings.extend(new);
}

fn range(p: IpNet) -> (u8, u128, u128) {
    match p {
        IpNet::V4(v) => (
            4,
            u32::from(v.network()).into(),
            u32::from(v.broadcast()).into(),
        ),
        IpNet::V6(v) => (6, u128::from(v.network()), u128::from(v.broadcast())),
    }
}

/// Pairs of endpoints (smaller node number first) that are joined and whose addresses overlap,
/// with the sentence that says so; adds a warning finding for each, and an info finding for each
/// default route a site or cloud advertises.
pub fn overlaps(net: &mut Net) -> BTreeMap<(usize, usize), String> {
    let component = net.components();
    let mut list = addresses(net);
    super::order::sort_by(&mut list, |&(p, n, o), &(q, m, r)| {
        (range(p), n, o).cmp(&(range(q), m, r))
    });
    let mut found: BTreeMap<(usize, usize), (IpNet, IpNet)> = BTreeMap::new();
    let mut active: Vec<(IpNet, usize, usize)> = Vec::new();
    for &(p, n, origin) in &list {
        let (family, start, _) = range(p);
        active.retain(|&(q, _, _)| {
            let (f, _, end) = range(q);
            f == family && end >= start
        });
        for &(q, m, o) in &active {
            if m != n && o != origin && component[m] == component[n] && prefixes_overlap(p, q) {
                found.entry((m.min(n), m.max(n))).or_insert((q, p));
            }
        }
        active.push((p, n, origin));
    }
    let mut out = BTreeMap::new();
    for ((a, b), (pa, pb)) in found {
        let peered = net
            .conns
            .iter()
            .any(|c| c.is(LinkKind::Peering) && ((c.a == a && c.b == b) || (c.a == b && c.b == a)));
        let (ida, idb) = (net.id(a).to_string(), net.id(b).to_string());
        let message = format!(
            "{ida} and {idb} use overlapping addresses ({pa} and {pb}) and are joined through Azure; traffic for the overlapping range stays on the nearer route (a VNet's own range always wins), so the two cannot rely on reaching each other."
        );
        if !peered {
            net.findings.push(Finding {
                severity: Severity::Warning,
                code: Code::AddressOverlap,
                message: message.clone(),
                nodes: sorted(vec![ida, idb]),
                links: Vec::new(),
                rule: Some(Rule::R2_1),
            });
        }
        out.insert((a, b), message);
    }
    default_routes(net);
    out
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    super::order::sort(&mut v);
    v
}

/// Limits per Virtual WAN hub and per ExpressRoute gateway. The connections beyond a limit (in
/// plan order) are not created, so they carry nothing (docs/plan-format.md, "A setting Azure
/// refuses").
pub fn limits(net: &mut Net) {
    let hubs = net
        .plan
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::VwanHub)
        .count();
    let mut new = Vec::new();
    for (n, node) in net.plan.nodes.iter().enumerate() {
        let of = |kind: LinkKind| -> Vec<usize> {
            let mut list: Vec<usize> = net.adj[n]
                .iter()
                .map(|&(c, _)| c)
                .filter(|&c| net.conns[c].kind == ConnKind::Link(kind))
                .collect();
            super::order::sort_unstable(&mut list);
            list
        };
        if node.kind == NodeKind::VwanHub {
            let vnets = of(LinkKind::VwanConnection);
            let max = limits::vwan_vnet_connections(hubs);
            if vnets.len() > max {
                let message = format!(
                    "Hub {} has {} VNet connections; with {hubs} hubs a hub takes {max}.",
                    node.id,
                    vnets.len()
                );
                new.push((
                    n,
                    Code::VwanVnetConnections,
                    Rule::R7_9,
                    message,
                    vnets[max..].to_vec(),
                ));
            }
            let circuits = of(LinkKind::ErConnection);
            let max = limits::VWAN_ER_CIRCUITS;
            if circuits.len() > max {
                let message = format!(
                    "Hub {} has {} ExpressRoute circuits; a hub takes {max} at most.",
                    node.id,
                    circuits.len()
                );
                new.push((
                    n,
                    Code::VwanErCircuits,
                    Rule::R7_9,
                    message,
                    circuits[max..].to_vec(),
                ));
            }
        }
        if let Some(er) = &node.er_gateway {
            let circuits = of(LinkKind::ErConnection);
            let max = limits::circuits_per_er_gateway(er.sku, er.scale_units);
            if circuits.len() > max {
                let message = format!(
                    "{}'s {:?} ExpressRoute gateway connects {} circuits; it takes {max}.",
                    node.id,
                    er.sku,
                    circuits.len()
                );
                new.push((
                    n,
                    Code::ErGatewayCircuits,
                    Rule::R6_6,
                    message,
                    circuits[max..].to_vec(),
                ));
            }
        }
    }
    for (n, code, rule, message, over) in new {
        let id = net.id(n).to_string();
        let fix = format!(
            "Connect fewer circuits or VNets to {id}, or spread them over more hubs or gateways."
        );
        let block = Block::new(
            rule,
            code,
            format!("{message} The ones after the limit are not created."),
            Some(fix),
        );
        net.refuse_all(&over, &block);
        net.findings.push(Finding {
            severity: Severity::Error,
            code,
            message,
            nodes: vec![id],
            links: Vec::new(),
            rule: Some(rule),
        });
    }
}
