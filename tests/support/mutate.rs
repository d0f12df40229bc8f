//! Small changes to realistic plans (`engine::generate`): flags flipped, links dropped or added,
//! gateways, firewalls, Route Servers, circuits and virtual WANs changed. Generated plans are
//! designs that mostly work; the changes break them in the ways the rule book is about.

#![allow(dead_code)]

use proptest::prelude::*;
use reachplan::engine::model::{
    ErGateway, ErGwSku, ErSku, Firewall, Link, LinkKind, NodeKind, Plan, RouteServer, VpnSku,
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

fn flip(value: &mut Option<bool>) {
    *value = Some(!value.unwrap_or(false));
}

pub fn apply(plan: &mut Plan, c: &Change) {
    let (links, nodes) = (plan.links.len(), plan.nodes.len());
    match *c {
        Change::Flag(l, f) if links > 0 => {
            let link = &mut plan.links[l % links];
            match f {
                0 => flip(&mut link.use_remote_gateways),
                1 => flip(&mut link.allow_gateway_transit),
                2 => flip(&mut link.allow_forwarded_traffic),
                3 => flip(&mut link.route_via_firewall),
                _ => flip(&mut link.bgp),
            }
        }
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
