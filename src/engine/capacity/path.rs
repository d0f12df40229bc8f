//! The path a flow's load is placed on, and the elements it crosses on the way.
//!
//! The path is the analysis's path for the pair, except that one crossing the S2S VPN of a site
//! (or cloud) is moved to ExpressRoute when, without that VPN connection, the pair still reaches
//! over a circuit: Azure prefers ExpressRoute for equal prefixes (R2.8, R6.12; a hub's default
//! routing preference is ExpressRoute, R7.8), and the rule book asks on-premises to prefer it
//! too (R6.12), which is assumed.

use super::elements::{p2s_key, Dir, Key};
use super::{Ctx, ElementKind};
use crate::engine::model::{LinkKind, NodeKind, Plan};
use crate::engine::pair::Pair;
use crate::engine::reach;
use crate::engine::topology::Net;
use crate::engine::verdict::{self, Ways};

/// The path a flow's load is placed on.
pub struct Choice {
    pub path: Vec<String>,
    pub via: Vec<String>,
    pub route: String,
    /// Moved from the VPN to ExpressRoute.
    pub er_preferred: bool,
    /// A site at the VPN hop has a circuit that does not carry the flow, with why.
    pub er_blocked: Option<(String, String, Option<String>)>,
}

pub fn kind_of(plan: &Plan, ctx: &Ctx, id: &str) -> Option<NodeKind> {
    ctx.at(id).map(|n| plan.nodes[n].kind)
}

pub fn is_branch(k: Option<NodeKind>) -> bool {
    matches!(k, Some(NodeKind::Site | NodeKind::Cloud))
}

/// The hops of a path that are S2S connections of a site or cloud, as (branch, gateway side).
fn branch_vpn_hops(ctx: &Ctx, path: &[String], via: &[String]) -> Vec<(String, String)> {
    let plan = ctx.plan;
    let mut out = Vec::new();
    for (i, v) in via.iter().enumerate() {
        if v != "s2s" {
            continue;
        }
        let (a, b) = (&path[i], &path[i + 1]);
        if is_branch(kind_of(plan, ctx, a)) {
            out.push((a.clone(), b.clone()));
        } else if is_branch(kind_of(plan, ctx, b)) {
            out.push((b.clone(), a.clone()));
        }
    }
    out
}

fn has_circuit(plan: &Plan, site: &str) -> Option<String> {
    plan.links
        .iter()
        .find(|l| l.kind == LinkKind::ErPrivate && l.from == site)
        .map(|l| l.to.clone())
}

pub fn choose(ctx: &Ctx, pair: &Pair) -> Choice {
    let plan = ctx.plan;
    let mut choice = Choice {
        path: pair.path.clone(),
        via: pair.via.clone(),
        route: "the analysis path".into(),
        er_preferred: false,
        er_blocked: None,
    };
    let hops = branch_vpn_hops(ctx, &pair.path, &pair.via);
    let Some((site, circuit)) = hops
        .iter()
        .find_map(|(s, _)| has_circuit(plan, s).map(|c| (s.clone(), c)))
    else {
        return choice;
    };
    let (Some(a), Some(b)) = (ctx.at(&pair.from), ctx.at(&pair.to)) else {
        return choice;
    };
    let mut variant = plan.clone();
    variant.links.retain(|l| {
        !(l.kind == LinkKind::S2s
            && hops
                .iter()
                .any(|(s, g)| (&l.from == s && &l.to == g) || (&l.from == g && &l.to == s)))
    });
    let net = Net::build(&variant);
    let there = reach::from_source(&net, a).get(b).cloned().flatten();
    let back = reach::from_source(&net, b).get(a).cloned().flatten();
    let clean = |t: &Option<reach::Trace>| t.as_ref().is_some_and(|t| t.violations == 0);
    // The pair was reachable (no overlap); does it still reach without the VPN?
    let fate = verdict::decide(Ways {
        from: plan.nodes[a].kind,
        to: plan.nodes[b].kind,
        there: clean(&there),
        back: clean(&back),
        overlap: false,
    });
    if let Some(t) = there.as_ref().filter(|_| fate.reachable()) {
        let mut path = vec![pair.from.clone()];
        let mut via = Vec::new();
        for hop in &t.hops {
            path.push(net.id(hop.node).to_string());
            via.push(hop.via.to_string());
        }
        if via.iter().any(|v| v == "er_private") {
            choice.route = format!(
                "over ExpressRoute: Azure prefers it to {site}'s S2S VPN for equal prefixes (R2.8, R6.12, R7.8), and on-premises is taken to prefer it too; the VPN is the failover path"
            );
            choice.path = path;
            choice.via = via;
            choice.er_preferred = true;
            return choice;
        }
    }
    let block = there
        .as_ref()
        .and_then(|t| t.first_block())
        .or_else(|| back.as_ref().and_then(|t| t.first_block()));
    let (reason, fix) = match block {
        Some(b) => (format!("{} [{}]", b.reason, b.rule), b.fix.clone()),
        None => (
            format!("no path over {circuit} joins {} and {}", pair.from, pair.to),
            None,
        ),
    };
    choice.route = format!("over {site}'s S2S VPN: its ExpressRoute circuit {circuit} does not carry this pair ({reason})");
    choice.er_blocked = Some((site, reason, fix));
    choice
}

/// The elements a path crosses, each once, with the users group whose own P2S leg it is.
pub fn crossed(ctx: &Ctx, path: &[String], via: &[String]) -> Vec<(Key, Option<usize>)> {
    let plan = ctx.plan;
    let ids: Vec<Option<usize>> = path.iter().map(|p| ctx.at(p)).collect();
    let mut out: Vec<(Key, Option<usize>)> = Vec::new();
    let mut push = |key: Key, users: Option<usize>| {
        if !out.iter().any(|(k, _)| *k == key) {
            out.push((key, users));
        }
    };
    let node = |n: Option<usize>| n.and_then(|n| plan.nodes.get(n).map(|x| (n, x)));
    for (i, v) in via.iter().enumerate() {
        let (Some((a, na)), Some((b, nb))) = (node(ids[i]), node(ids[i + 1])) else {
            continue;
        };
        match v.as_str() {
            "p2s" => {
                let (u, g) = if na.kind == NodeKind::Users {
                    (a, b)
                } else {
                    (b, a)
                };
                push(p2s_key(plan, g), Some(u));
            }
            "s2s" => {
                let link = plan.links.iter().position(|l| {
                    l.kind == LinkKind::S2s
                        && ((l.from == na.id && l.to == nb.id)
                            || (l.from == nb.id && l.to == na.id))
                });
                for (n, x) in [(a, na), (b, nb)] {
                    if x.kind == NodeKind::Vnet && x.vpn_gateway.is_some() {
                        push(Key::of(n, ElementKind::VpnGateway), None);
                    } else if x.kind == NodeKind::VwanHub {
                        push(Key::of(n, ElementKind::VwanS2s), None);
                        let mut k = Key::of(n, ElementKind::VwanS2s);
                        k.link = link;
                        push(k, None);
                    }
                }
            }
            "er_connection" => {
                for (n, x) in [(a, na), (b, nb)] {
                    if x.kind == NodeKind::Vnet && x.er_gateway.is_some() {
                        push(Key::of(n, ElementKind::ErGateway), None);
                    } else if x.kind == NodeKind::VwanHub {
                        push(Key::of(n, ElementKind::VwanEr), None);
                    }
                }
            }
            _ => {}
        }
    }
    for (i, id) in ids.iter().enumerate() {
        let Some((n, x)) = node(*id) else { continue };
        if x.kind == NodeKind::Expressroute && i > 0 && i + 1 < path.len() {
            let dirs: &[Dir] = if via[i - 1] == "er_private" {
                &[Dir::In]
            } else if via[i] == "er_private" {
                &[Dir::Out]
            } else {
                &[Dir::In, Dir::Out]
            };
            for d in dirs {
                let mut k = Key::of(n, ElementKind::Circuit);
                k.dir = *d;
                push(k, None);
            }
        }
        if x.firewall.is_some()
            && i > 0
            && i + 1 < path.len()
            && through_firewall(ctx, path, via, i)
        {
            push(Key::of(n, ElementKind::Firewall), None);
        }
    }
    out
}

/// Whether traffic passing node `i` of the path goes through its firewall: spoke to spoke
/// through a hub VNet (R2.3), a peering whose spoke routes via the firewall, or a hub with
/// routing intent for that traffic (R7.6).
fn through_firewall(ctx: &Ctx, path: &[String], via: &[String], i: usize) -> bool {
    let plan = ctx.plan;
    let me = &path[i];
    let routed = |other: &String, v: &String| {
        v == "peering"
            && plan.links.iter().any(|l| {
                l.kind == LinkKind::Peering
                    && &l.from == other
                    && &l.to == me
                    && l.route_via_firewall == Some(true)
            })
    };
    let Some(node) = ctx.at(me).map(|n| &plan.nodes[n]) else {
        return false;
    };
    if node.kind == NodeKind::VwanHub {
        let public = |id: &String| {
            matches!(
                kind_of(plan, ctx, id),
                Some(NodeKind::Internet | NodeKind::Microsoft)
            )
        };
        let (private, internet) = node
            .routing_intent
            .map_or((false, false), |r| (r.private, r.internet));
        let to_public = public(&path[i - 1]) || public(&path[i + 1]);
        return (private && !to_public) || (internet && to_public);
    }
    (via[i - 1] == "peering" && via[i] == "peering")
        || routed(&path[i - 1], &via[i - 1])
        || routed(&path[i + 1], &via[i])
}
