//! Failovers: the pairs a failure keeps only because something took over — the gateway's other
//! instance, the other link of a Metro circuit, a VPN backing up ExpressRoute, another circuit,
//! tunnel or hub — each with the interruption Microsoft documents and the page that says so.
//!
//! A pair has failed over when its way with nothing failed took a link that the failure takes
//! down or moves to another instance ([`Domain`]'s `carries` and `takeover`) and it is still
//! reachable after the failure. The way is the one the explaining search shows (`check
//! --json`'s `links`), the way there only; the way back is assumed to fail over alike.
//!
//! Sources: "Highly available cross-premises and VNet-to-VNet connectivity"
//! (active-standby: "For planned maintenance, connectivity is commonly restored within 10 to 15
//! seconds. For unplanned issues, the connection recovery can be longer, taking from 1 minute
//! to 1 and a half minutes in the worst case"; P2S clients are disconnected and reconnect);
//! "About active-active mode VPN gateways" (both instances hold tunnels, the other instance's
//! tunnel carries the traffic); "Using S2S VPN as a backup for ExpressRoute private peering"
//! (active-passive only, ExpressRoute preferred); "Configure BFD over ExpressRoute" (BGP
//! keep-alive and hold-time 60 and 180 seconds on the Microsoft edge: "it can take up to three
//! minutes to detect any link failure and switch traffic to alternate connection"; BFD brings
//! it under a second). A tunnel's loss moved to another tunnel, and a path of peerings or hub
//! connections replaced by another, have no documented figure: the answer says so.
//!
//! Complexity: one explaining search of the plan (every reachable pair's way), then per
//! failure a pass over the pairs whose way crossed it, and for those that changed their way
//! one focused search of the failed plan. Run for plans of at most [`MAX_EXPLAINED`]
//! endpoints; above that failovers are not judged (the answer says so).

use std::collections::BTreeMap;

use serde::Serialize;

use super::super::matrix::Matrix;
use super::super::model::{LinkKind, Plan};
use super::super::prepared::Network;
use super::domains::Domain;
use super::MAX_LISTED;

/// The most endpoints a plan may have for its failovers to be judged.
pub const MAX_EXPLAINED: usize = 300;

/// What takes over when an element fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FailoverKind {
    /// An active-standby VPN gateway's standby instance takes over.
    ActiveStandby,
    /// An active-active VPN gateway's other instance already holds tunnels and carries it.
    ActiveActive,
    /// An ExpressRoute gateway's other instance carries it.
    GatewayInstance,
    /// ExpressRoute private peering falls back to the S2S VPN (coexistence).
    ErToVpn,
    /// BGP moves the routes to another circuit or ExpressRoute link.
    BgpReconvergence,
    /// BGP moves the routes to another S2S tunnel (or from a tunnel to ExpressRoute).
    OtherTunnel,
    /// Another path that needs no BGP (peerings, hub connections) carries it.
    Reroute,
}

impl FailoverKind {
    /// The failover in words, to follow "through".
    pub fn words(self) -> &'static str {
        match self {
            FailoverKind::ActiveStandby => "the standby instance taking over (active-standby)",
            FailoverKind::ActiveActive => "the other instance of the active-active gateway",
            FailoverKind::GatewayInstance => "the ExpressRoute gateway's other instance",
            FailoverKind::ErToVpn => "the fall back from ExpressRoute to the S2S VPN",
            FailoverKind::BgpReconvergence => "BGP moving to another ExpressRoute link",
            FailoverKind::OtherTunnel => "BGP moving to another tunnel",
            FailoverKind::Reroute => "another path",
        }
    }

    /// The interruption Microsoft documents (or that no figure is documented).
    pub fn interruption(self) -> &'static str {
        match self {
            FailoverKind::ActiveStandby => {
                "10 to 15 seconds for planned maintenance, up to 1.5 minutes for an unplanned \
                 failure; P2S clients are disconnected and reconnect"
            }
            FailoverKind::ActiveActive => {
                "no gateway failover: the other instance's tunnel is up; the routes over the \
                 failed instance's tunnel are withdrawn (no figure documented)"
            }
            FailoverKind::GatewayInstance => {
                "no figure documented (assumption: the other instance carries it at once)"
            }
            FailoverKind::ErToVpn => {
                "up to 3 minutes for BGP to detect the circuit's loss on the default timers \
                 (hold time 180 s; under a second with BFD), then the VPN's routes carry it \
                 (Azure prefers ExpressRoute while it is up)"
            }
            FailoverKind::BgpReconvergence => {
                "up to 3 minutes on the default BGP timers (hold time 180 s); under a second \
                 with BFD"
            }
            FailoverKind::OtherTunnel => {
                "no figure documented: as long as the tunnel's loss takes to detect (dead peer \
                 detection, the BGP hold time)"
            }
            FailoverKind::Reroute => "as long as routing takes to converge (no figure documented)",
        }
    }

    /// The Microsoft page the figure comes from (none for another path of peerings or hub
    /// connections, whose switch Microsoft does not describe).
    pub fn source(self) -> Option<&'static str> {
        Some(match self {
            FailoverKind::ActiveStandby => {
                "https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-highlyavailable"
            }
            FailoverKind::ActiveActive => {
                "https://learn.microsoft.com/azure/vpn-gateway/about-active-active-gateways"
            }
            FailoverKind::GatewayInstance => return None,
            FailoverKind::ErToVpn => {
                "https://learn.microsoft.com/azure/expressroute/expressroute-bfd"
            }
            FailoverKind::BgpReconvergence => {
                "https://learn.microsoft.com/azure/expressroute/expressroute-bfd"
            }
            FailoverKind::OtherTunnel => {
                "https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-highlyavailable"
            }
            FailoverKind::Reroute => return None,
        })
    }
}

/// The pairs of one failure kept after one kind of failover.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failover {
    /// What takes over.
    pub kind: FailoverKind,
    /// It in words.
    pub what: &'static str,
    /// The interruption Microsoft documents.
    pub interruption: &'static str,
    /// The page that documents it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'static str>,
    /// How many ordered pairs are kept after it.
    pub pairs: usize,
    /// The first [`MAX_LISTED`] of them, as `[from, to]`, sorted.
    pub kept: Vec<[String; 2]>,
}

/// The way there of every reachable pair with nothing failed: its plan links, by the pair's
/// endpoint indexes in the plan's matrix.
pub struct Ways {
    ways: Vec<((usize, usize), Vec<usize>)>,
}

impl Ways {
    /// The ways of a prepared network, or `None` above [`MAX_EXPLAINED`] endpoints.
    pub fn of(network: &Network, base: &Matrix) -> Option<Ways> {
        if base.endpoints.len() > MAX_EXPLAINED {
            return None;
        }
        let explained = network.explained();
        let mut ways = Vec::new();
        for pair in explained.pairs().filter(|p| p.reachable) {
            let (Some(i), Some(j)) = (base.index(&pair.from), base.index(&pair.to)) else {
                continue;
            };
            let links: Vec<usize> = pair.links.iter().flatten().copied().collect();
            ways.push(((i, j), links));
        }
        Some(Ways { ways })
    }

    /// The ways of these pairs only (reachable ones; others are left out).
    pub fn of_pairs(network: &Network, base: &Matrix, pairs: &[(&str, &str)]) -> Ways {
        let answers = network.answers(pairs);
        let ways = answers
            .iter()
            .filter(|p| p.reachable)
            .filter_map(|p| {
                let at = (base.index(&p.from)?, base.index(&p.to)?);
                Some((at, p.links.iter().flatten().copied().collect()))
            })
            .collect();
        Ways { ways }
    }
}

/// The failovers of one failure: `failed` is the failed plan's network and matrix (`None` when
/// the failure removes nothing).
pub(super) fn failovers(
    plan: &Plan,
    ways: &Ways,
    base: &Matrix,
    domain: &Domain,
    failed: Option<(&Network, &Matrix)>,
) -> Vec<Failover> {
    let mut kinds: BTreeMap<FailoverKind, Vec<[String; 2]>> = BTreeMap::new();
    let er = domain.carries.iter().any(|&l| {
        plan.links.get(l).is_some_and(|l| {
            matches!(
                l.kind,
                LinkKind::ErPrivate | LinkKind::ErConnection | LinkKind::GlobalReach
            )
        })
    });
    let mut moved: Vec<(usize, usize)> = Vec::new();
    for ((i, j), links) in &ways.ways {
        let taken = links.iter().find_map(|l| {
            domain
                .takeover
                .iter()
                .find(|(t, _)| t == l)
                .map(|(_, k)| *k)
        });
        let crossed: Vec<usize> = links
            .iter()
            .copied()
            .filter(|l| domain.carries.contains(l))
            .collect();
        if taken.is_none() && crossed.is_empty() {
            continue;
        }
        let (from, to) = (&base.endpoints[*i], &base.endpoints[*j]);
        if let Some((_, m)) = failed {
            let kept =
                matches!((m.index(from), m.index(to)), (Some(a), Some(b)) if m.reachable(a, b));
            if !kept {
                continue;
            }
        }
        match taken {
            Some(kind) if crossed.is_empty() => {
                kinds
                    .entry(kind)
                    .or_default()
                    .push([from.clone(), to.clone()]);
            }
            _ => {
                moved.push((*i, *j));
            }
        }
    }
    if let (Some((network, _)), false) = (failed, moved.is_empty()) {
        let wanted: Vec<(&str, &str)> = moved
            .iter()
            .map(|&(i, j)| (base.endpoints[i].as_str(), base.endpoints[j].as_str()))
            .collect();
        let answers = network.answers(&wanted);
        for (from, to) in &wanted {
            let after = answers.pair(from, to);
            let kinds_after: Vec<LinkKind> = after
                .map(|p| {
                    p.links
                        .iter()
                        .flatten()
                        .filter_map(|&l| plan_link(network, l))
                })
                .into_iter()
                .flatten()
                .collect();
            let s2s = kinds_after.contains(&LinkKind::S2s);
            let tunnel = s2s
                || domain
                    .carries
                    .iter()
                    .any(|&l| plan_kind(plan, l) == Some(LinkKind::S2s));
            let kind = match (er, tunnel) {
                (true, true) if s2s => FailoverKind::ErToVpn,
                (true, _) => FailoverKind::BgpReconvergence,
                (false, true) => FailoverKind::OtherTunnel,
                (false, false) => FailoverKind::Reroute,
            };
            kinds
                .entry(kind)
                .or_default()
                .push([from.to_string(), to.to_string()]);
        }
    }
    kinds
        .into_iter()
        .map(|(kind, mut pairs)| {
            pairs.sort();
            let count = pairs.len();
            pairs.truncate(MAX_LISTED);
            Failover {
                kind,
                what: kind.words(),
                interruption: kind.interruption(),
                source: kind.source(),
                pairs: count,
                kept: pairs,
            }
        })
        .collect()
}

fn plan_link(network: &Network, link: usize) -> Option<LinkKind> {
    plan_kind(network.plan(), link)
}

fn plan_kind(plan: &Plan, link: usize) -> Option<LinkKind> {
    plan.links.get(link).map(|l| l.kind)
}
