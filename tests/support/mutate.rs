//! Small changes to realistic plans (`engine::generate`): flags flipped, links dropped or added,
//! gateways, firewalls, Route Servers, circuits and virtual WANs changed. Generated plans are
//! designs that mostly work; the changes break them in the ways the rule book is about.

#![allow(dead_code)]

use proptest::prelude::*;
use reachplan::engine::model::{
    Cidr, ErGateway, ErGwSku, ErSku, Firewall, Link, LinkKind, NodeKind, Plan, RouteServer, VpnSku,
    VpnType, WanType,
};

/// One change, with indexes taken modulo the list they point into.
#[derive(Debug, Clone)]
pub enum Change {
    Flag(usize, u8),
    Drop(usize),
    Add(u8, usize, usize),
    Node(usize, u8),
    Wan(usize, bool),
    /// A node change on a node with something to change (a gateway or a circuit), mostly.
    Busy(usize, u8),
    /// A copy of a node with copies of its links, then one thing of the copy changed.
    Twin(usize, u8),
    /// A second link beside a link, between the same two nodes, with one flag flipped.
    Parallel(usize, u8),
    /// A link of another kind between the same two nodes (the kind by index into
    /// `LinkKind::ALL`).
    Kind(usize, u8),
}

pub fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        3 => (any::<usize>(), 0u8..5).prop_map(|(l, f)| Change::Flag(l, f)),
        1 => any::<usize>().prop_map(Change::Drop),
        1 => (0u8..12, any::<usize>(), any::<usize>()).prop_map(|(k, a, b)| Change::Add(k, a, b)),
        3 => (any::<usize>(), 0u8..10).prop_map(|(n, w)| Change::Node(n, w)),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(w, t)| Change::Wan(w, t)),
    ]
}

/// The changes of [`change`], and the ones that meet the fast matrix's sharing of decisions:
/// changes to busy nodes, near-twins and parallel links.
pub fn deep_change() -> impl Strategy<Value = Change> {
    prop_oneof![
        6 => change(),
        2 => (any::<usize>(), 0u8..10).prop_map(|(n, w)| Change::Busy(n, w)),
        1 => (any::<usize>(), 0u8..8).prop_map(|(n, t)| Change::Twin(n, t)),
        1 => (any::<usize>(), 0u8..6).prop_map(|(l, f)| Change::Parallel(l, f)),
        1 => (any::<usize>(), 0u8..12).prop_map(|(l, k)| Change::Kind(l, k)),
    ]
}

fn flip(value: &mut Option<bool>) {
    *value = Some(!value.unwrap_or(false));
}

pub fn apply(plan: &mut Plan, c: &Change) {
    let (links, nodes) = (plan.links.len(), plan.nodes.len());
    match *c {
        Change::Flag(l, f) if links > 0 => flip_flag(&mut plan.links[l % links], f),
        Change::Drop(l) if links > 0 => {
            plan.links.remove(l % links);
        }
        Change::Add(k, a, b) if nodes > 0 => {
            let kind = LinkKind::ALL[k as usize % LinkKind::ALL.len()];
            let (from, to) = (&plan.nodes[a % nodes].id, &plan.nodes[b % nodes].id);
            let mut link = Link::new(kind, from, to);
            if kind == LinkKind::Peering {
                link.use_remote_gateways = Some(true);
                link.allow_gateway_transit = Some(true);
            }
            plan.links.push(link);
        }
        Change::Node(n, what) if nodes > 0 => node(plan, n % nodes, what),
        Change::Busy(n, what) if nodes > 0 => {
            let busy = busy(plan);
            let i = if busy.is_empty() || n % 4 == 0 {
                n % nodes
            } else {
                busy[n % busy.len()]
            };
            node(plan, i, what)
        }
        Change::Twin(n, tweak) if nodes > 0 => {
            let busy = busy(plan);
            let i = if busy.is_empty() || n % 2 == 1 {
                n % nodes
            } else {
                busy[n / 2 % busy.len()]
            };
            twin(plan, i, tweak)
        }
        Change::Parallel(l, f) if links > 0 => {
            let mut link = plan.links[l % links].clone();
            link.id = None;
            flip_flag(&mut link, f);
            plan.links.push(link);
        }
        Change::Kind(l, k) if links > 0 => {
            plan.links[l % links].kind = LinkKind::ALL[k as usize % LinkKind::ALL.len()];
        }
        Change::Wan(w, toggle_type) if !plan.wans.is_empty() => {
            let count = plan.wans.len();
            let wan = &mut plan.wans[w % count];
            if toggle_type {
                wan.wan_type = match wan.wan_type {
                    WanType::Basic => WanType::Standard,
                    WanType::Standard => WanType::Basic,
                };
            } else {
                flip(&mut wan.branch_to_branch);
            }
        }
        _ => {}
    }
}

/// Flips flag `f` of a link (0 to 4; others change nothing).
fn flip_flag(link: &mut Link, f: u8) {
    match f {
        0 => flip(&mut link.use_remote_gateways),
        1 => flip(&mut link.allow_gateway_transit),
        2 => flip(&mut link.allow_forwarded_traffic),
        3 => flip(&mut link.route_via_firewall),
        4 => flip(&mut link.bgp),
        _ => {}
    }
}

/// Nodes with something to change: gateways and circuits.
fn busy(plan: &Plan) -> Vec<usize> {
    (0..plan.nodes.len())
        .filter(|&i| {
            let x = &plan.nodes[i];
            x.vpn_gateway.is_some() || x.er_gateway.is_some() || x.kind == NodeKind::Expressroute
        })
        .collect()
}

/// Adds a copy of node `n` with copies of its links (a twin), with fresh addresses, then
/// changes one thing of the copy (`tweak`) so that near-twins meet the grouping too.
fn twin(plan: &mut Plan, n: usize, tweak: u8) {
    let mut node = plan.nodes[n].clone();
    let id = format!("{}-twin{}", node.id, plan.nodes.len());
    if id.len() > 64 {
        return;
    }
    let k = plan.nodes.len();
    if node.address_space.is_some() {
        node.address_space = Cidr::parse(&format!("fd99:{k:x}::/48"))
            .ok()
            .map(|c| vec![c]);
    }
    if let Some(p2s) = node.vpn_gateway.as_mut().and_then(|g| g.p2s.as_mut()) {
        p2s.address_pool = Cidr::parse(&format!("fd98:{k:x}::/48"))
            .into_iter()
            .collect();
    }
    let old = node.id.clone();
    node.id = id.clone();
    match tweak {
        0 => node.firewall = node.firewall.take().xor(Some(Firewall { sku: None })),
        1 => {
            if let Some(er) = node.er_gateway.as_mut() {
                flip(&mut er.allow_vnet_to_vnet);
            }
        }
        2 => {
            if let Some(gw) = node.vpn_gateway.as_mut() {
                flip(&mut gw.bgp);
            }
        }
        _ => {}
    }
    plan.nodes.push(node);
    let copies: Vec<_> = plan
        .links
        .iter()
        .filter(|l| l.from == old || l.to == old)
        .map(|l| {
            let mut l = l.clone();
            l.id = None;
            if l.from == old {
                l.from = id.clone();
            }
            if l.to == old {
                l.to = id.clone();
            }
            l
        })
        .collect();
    for (i, mut link) in copies.into_iter().enumerate() {
        if i == 0 {
            match tweak {
                3 => flip(&mut link.bgp),
                4 => flip(&mut link.use_remote_gateways),
                5 => flip(&mut link.route_via_firewall),
                6 => flip(&mut link.allow_forwarded_traffic),
                _ => {}
            }
        }
        plan.links.push(link);
    }
}

fn node(plan: &mut Plan, i: usize, what: u8) {
    let node = &mut plan.nodes[i];
    if let Some(gw) = node.vpn_gateway.as_mut() {
        match what {
            0 => gw.sku = VpnSku::Basic,
            1 => gw.gateway_type = Some(VpnType::PolicyBased),
            2 => flip(&mut gw.bgp),
            3 => flip(&mut gw.active_active),
            4 => gw.asn = Some(65010),
            _ => {}
        }
    }
    match what {
        5 => node.firewall = node.firewall.take().xor(Some(Firewall { sku: None })),
        6 => {
            let rs = RouteServer {
                branch_to_branch: Some(true),
            };
            node.route_server = node.route_server.take().xor(Some(rs));
        }
        7 => match node.er_gateway.as_mut() {
            Some(er) => flip(&mut er.allow_vnet_to_vnet),
            None if node.kind == NodeKind::Vnet => {
                node.er_gateway = Some(ErGateway {
                    sku: ErGwSku::ErGw1AZ,
                    allow_vnet_to_vnet: None,
                    allow_virtual_wan_traffic: None,
                    scale_units: None,
                })
            }
            None => {}
        },
        8 if node.kind == NodeKind::Expressroute => {
            node.sku = Some(match node.sku {
                Some(ErSku::Standard) => ErSku::Local,
                Some(ErSku::Local) => ErSku::Premium,
                _ => ErSku::Standard,
            })
        }
        8 => node.vpn_gateway = None,
        9 if node.kind == NodeKind::Site => node.vpn_device = Some(VpnType::PolicyBased),
        _ => {}
    }
}
