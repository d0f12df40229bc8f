//! Why a pair has no way at all, in the terms of the endpoints: peers of peers for P2S users
//! (R1.11), virtual WANs that do not meet (R7.2), VNets nothing joins (R1.1), users without a
//! VPN (R1.11, or the limited access they have, R9.x), sites and users without a breakout to
//! the internet or Microsoft's public services.

use std::collections::BTreeSet;

use super::catalogue::Rule;
use super::clouds;
use super::edit::{Edit, LinkFlag};
use super::model::{LinkKind, NodeKind};
use super::pair::Pair;
use super::topology::{overlap, ConnKind, Net, Setting};

/// P2S users stop at the VNets directly peered with their gateway VNet (R1.11): say so in the
/// users' terms, with the peering that would bring the VNet in.
/// `there` is the way there as (node reached, connection taken) from `a`.
pub(super) fn p2s_peer_of_peer(
    net: &Net,
    a: usize,
    b: usize,
    there: &[(usize, usize)],
    pair: &mut Pair,
) {
    let hops = there;
    let (users, vnet, gateway) = match (net.node(a).kind, net.node(b).kind) {
        (NodeKind::Users, NodeKind::Vnet) => (a, b, hops.first().map(|h| h.0)),
        (NodeKind::Vnet, NodeKind::Users) if hops.len() >= 2 => {
            (b, a, Some(hops[hops.len() - 2].0))
        }
        _ => return,
    };
    let Some(g) = gateway.filter(|&g| net.node(g).kind == NodeKind::Vnet) else {
        return;
    };
    let (uid, vid, gid) = (net.id(users), net.id(vnet), net.id(g));
    pair.rule = Some(Rule::R1_11);
    pair.reason = Some(format!(
        "P2S clients ({uid}) reach {gid}, whose gateway they connect to, and the VNets peered directly with {gid} that use its gateway; {vid} is a peer of a peer, and VNet peering is not transitive."
    ));
    if net.vnets[vnet].has_gateway() {
        pair.fix = Some(format!(
            "Peer {vid} with {gid}; since {vid} has its own gateway, connect {uid} to it as well."
        ));
        pair.edit = None;
    } else {
        pair.fix = Some(format!(
            "Peer {vid} with {gid}, with use_remote_gateways on {vid}'s side and allow_gateway_transit; the users then re-download their VPN profile."
        ));
        pair.edit = Some(Edit::AddLink {
            kind: LinkKind::Peering,
            from: vid.to_string(),
            to: gid.to_string(),
            flags: vec![LinkFlag::UseRemoteGateways, LinkFlag::AllowGatewayTransit],
        });
    }
}

/// The virtual WANs a node is attached to through one of its links.
fn wans_of(net: &Net, n: usize) -> BTreeSet<usize> {
    super::order::set(
        net.adj[n]
            .iter()
            .filter(|&&(c, _)| net.conns[c].refused.is_none())
            .filter_map(|&(_, h)| net.hubs[h].wan),
    )
}

pub(super) fn not_connected(net: &Net, a: usize, b: usize, pair: &mut Pair) {
    // An end Azure does not deploy (a region no cloud has) is the reason, with its finding's
    // rule, before any missing connection.
    let refused = [a, b]
        .iter()
        .find_map(|&n| net.refused_settings.get(&(n, Setting::Network)));
    if let Some(block) = refused {
        pair.rule = Some(block.rule);
        pair.reason = Some(block.reason.clone());
        pair.fix.clone_from(&block.fix);
        pair.edit.clone_from(&block.edit);
        return;
    }
    let (ida, idb) = (net.id(a), net.id(b));
    let (ka, kb) = (net.node(a).kind, net.node(b).kind);
    let (wa, wb) = (wans_of(net, a), wans_of(net, b));
    if !wa.is_empty() && !wb.is_empty() && wa.is_disjoint(&wb) {
        let name = |w: &BTreeSet<usize>| {
            w.iter()
                .map(|&i| net.plan.wans[i].id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        pair.rule = Some(Rule::R7_2);
        pair.reason = Some(format!(
            "{ida} is attached to virtual WAN {} and {idb} to virtual WAN {}; only the hubs of one virtual WAN form a mesh, hubs of different virtual WANs are not connected.",
            name(&wa),
            name(&wb)
        ));
        pair.fix = Some(format!(
            "Attach {ida} and {idb} to hubs of the same virtual WAN."
        ));
        return;
    }
    if ka == NodeKind::Vnet && kb == NodeKind::Vnet {
        pair.rule = Some(Rule::R1_1);
        pair.reason = Some(format!("No peering, gateway or hub joins {ida} and {idb}."));
        // A peering Azure would refuse is no fix: overlapping address spaces (R1.2), two
        // clouds (R1.4).
        let cloud = |n: usize| net.node(n).region.as_deref().and_then(clouds::cloud_of);
        if let Some((pa, pb)) = overlap(net.node(a), net.node(b)) {
            pair.fix = Some(format!("Renumber {ida} ({pa}) or {idb} ({pb}) so that their address spaces do not overlap, then peer them."));
            return;
        }
        if let (Some(ca), Some(cb)) = (cloud(a), cloud(b)) {
            if ca != cb {
                pair.fix = Some(format!("Connect {ida} and {idb} over the internet (S2S VPN between gateways of each cloud); peering does not cross clouds."));
                return;
            }
        }
        pair.fix = Some(format!("Peer {ida} with {idb}."));
        pair.edit = Some(Edit::AddLink {
            kind: LinkKind::Peering,
            from: ida.to_string(),
            to: idb.to_string(),
            flags: Vec::new(),
        });
        return;
    }
    if matches!(kb, NodeKind::Internet | NodeKind::Microsoft)
        && matches!(ka, NodeKind::Users | NodeKind::Site)
        && !net.adj[a]
            .iter()
            .any(|&(c, _)| net.conns[c].is(LinkKind::Internet))
    {
        no_breakout(net, a, b, pair);
        return;
    }
    let no_vpn = |n: usize| {
        net.node(n).kind == NodeKind::Users
            && !net.adj[n]
                .iter()
                .any(|&(c, _)| net.conns[c].is(LinkKind::P2s) && net.conns[c].refused.is_none())
    };
    if let Some(u) = [a, b].into_iter().find(|&n| no_vpn(n)) {
        let uid = net.id(u);
        let limited = net.adj[u]
            .iter()
            .find_map(|&(c, _)| match net.conns[c].kind {
                ConnKind::Link(LinkKind::Bastion) => Some(Rule::R9_1),
                ConnKind::Link(LinkKind::VirtualDesktop) => Some(Rule::R9_2),
                _ => None,
            });
        pair.rule = Some(limited.unwrap_or(Rule::R1_11));
        pair.reason = Some(format!(
            "{uid} has no working point-to-site VPN connection, so it has no network route to {}; Bastion and virtual desktops give access of a limited kind, not routes.",
            if u == a { idb } else { ida }
        ));
        pair.fix = Some(format!(
            "Connect {uid} by point-to-site VPN (a p2s link) to a gateway that reaches {}.",
            if u == a { idb } else { ida }
        ));
        return;
    }
    let transit = |k: NodeKind| matches!(k, NodeKind::Site | NodeKind::Users | NodeKind::Cloud);
    pair.reason = Some(if transit(ka) || transit(kb) {
        format!(
            "No chain of Azure connections joins {ida} and {idb}; on-premises networks, user groups and other clouds are not taken to forward between their own connections."
        )
    } else {
        format!("No chain of connections joins {ida} and {idb}.")
    });
}

/// A site or user group with no internet link reaches neither the internet nor Microsoft's
/// public services (`b`): those are reached through a breakout of its own, never through a VPN
/// gateway (which provides no internet connectivity, R3.19) or a limited access (Bastion,
/// virtual desktops). The fix is that breakout: an `internet` link (for users, a split tunnel).
fn no_breakout(net: &Net, a: usize, b: usize, pair: &mut Pair) {
    let (ida, idb) = (net.id(a), net.id(b));
    let microsoft = net.node(b).kind == NodeKind::Microsoft;
    let public = match (microsoft, idb) {
        (false, "internet") => "the internet".to_string(),
        (false, _) => format!("the internet ({idb})"),
        (true, _) => format!("Microsoft's public services ({idb})"),
    };
    // The internet node the link goes to: the pair's own end, or for Microsoft the plan's first.
    let internet = if microsoft {
        net.plan
            .nodes
            .iter()
            .find(|n| n.kind == NodeKind::Internet)
            .map(|n| n.id.as_str())
    } else {
        Some(idb)
    };
    let users = net.node(a).kind == NodeKind::Users;
    let written = net
        .plan
        .links
        .iter()
        .any(|l| l.kind == LinkKind::Internet && l.from == ida);
    pair.reason = Some(if users {
        format!("{ida} has no internet link, so nothing carries its traffic to {public}: a VPN gateway provides no internet connectivity, and Bastion and virtual desktops give access of a limited kind, not routes.")
    } else {
        format!(
            "{ida} has no internet link{}, so it has no way to {public}; its private connections to Azure are not taken to carry its internet-bound traffic out through Azure.",
            if microsoft { " and no ExpressRoute Microsoft peering" } else { "" }
        )
    });
    let what = if users {
        "a split tunnel: its internet and Microsoft 365 traffic goes straight out"
    } else {
        "its own breakout"
    };
    pair.fix = Some(match internet {
        Some(i) => format!("Add an internet link from {ida} to {i} ({what})."),
        None => format!("Add an internet node and an internet link from {ida} to it ({what})."),
    });
    pair.edit = match internet {
        // A user group's split tunnel adds the internet node when the plan has none.
        // (unless a link the analysis ignores, such as a self-link, already has that name).
        _ if users && microsoft && !written => Some(Edit::SplitTunnel {
            users: ida.to_string(),
        }),
        Some(i) => Some(Edit::AddLink {
            kind: LinkKind::Internet,
            from: ida.to_string(),
            to: i.to_string(),
            flags: Vec::new(),
        }),
        None => None,
    };
}
