//! Gates on one hop that Azure imposes whatever the topology around it: a policy-based
//! on-premises device (no BGP, no transit, R1.13), P2S traffic towards the internet through a
//! VPN gateway (R3.19), Microsoft peering from a network with private prefixes only (R6.1), and
//! peering flags Azure refuses (R1.5, R2.3), with the fixes that open them as one edit (R1.10,
//! R2.7, BGP on a static connection). `transit` asks them; each cites the Microsoft page that
//! decides it.

use super::catalogue::{Code, Rule};
use super::decision::Decision;
use super::edit::{Edit, LinkFlag};
use super::model::{LinkKind, NodeKind, VpnSku, VpnType};
use super::rules::{AssumptionId, Block};
use super::topology::{private_only, Conn, ConnKind, Net};

/// The block for transit through gateway `g` when one of these S2S connections ends on a
/// policy-based on-premises device: such devices "cannot transit to other on-premises networks
/// or virtual networks via the same Azure VPN gateway" and have no BGP
/// (learn.microsoft.com/azure/vpn-gateway/vpn-gateway-connect-multiple-policybased-rm-ps).
pub(super) fn policy_device(net: &Net, g: usize, conns: &[&Conn]) -> Option<Block> {
    let site = conns.iter().map(|c| c.other(g)).find(|&s| {
        net.node(s).kind == NodeKind::Site && net.node(s).vpn_device == Some(VpnType::PolicyBased)
    })?;
    let (sid, gid) = (net.id(site), net.id(g));
    Some(Block::new(
        Rule::R1_13,
        Code::PolicyBasedDeviceNoTransit,
        format!("{sid}'s VPN device is policy-based: it has no BGP and cannot transit to other on-premises networks or virtual networks through {gid}'s VPN gateway."),
        Some(format!("Use a route-based VPN device at {sid} (vpn_device route_based) and run BGP on its S2S connection.")),
    ))
}

/// P2S users `u` of gateway VNet `g` towards the internet or Microsoft (`q`) through the VPN:
/// "Internet connectivity is not provided through the VPN gateway. As a result, all traffic
/// bound for the Internet is dropped" unless 0.0.0.0/0 is advertised to the clients and a
/// firewall or NVA in the VNet forwards it (forced tunnelling;
/// learn.microsoft.com/azure/vpn-gateway/vpn-gateway-p2s-advertise-custom-routes).
pub(super) fn p2s_egress(net: &Net, g: usize, u: usize, q: usize) -> Decision {
    // Users with a split tunnel (an internet link) send internet traffic out locally.
    let split = net.adj[u]
        .iter()
        .any(|&(c, _)| net.conns[c].is(LinkKind::Internet) && net.conns[c].refused.is_none());
    if split {
        return Decision::Never;
    }
    if net.vnets[g].firewall {
        return Decision::Allow(Some(AssumptionId::P2sForcedTunnel));
    }
    let (gid, uid, qid) = (net.id(g), net.id(u), net.id(q));
    // The link goes to the internet node the traffic is bound for, or for Microsoft the first.
    let internet = Some(q)
        .filter(|&q| net.node(q).kind == NodeKind::Internet)
        .or_else(|| (0..net.plan.nodes.len()).find(|&i| net.node(i).kind == NodeKind::Internet));
    let edit = internet.map(|i| Edit::AddLink {
        kind: LinkKind::Internet,
        from: uid.to_string(),
        to: net.id(i).to_string(),
        flags: Vec::new(),
    });
    let block = Block::new(Rule::R3_19, Code::P2sNoInternetEgress,
        format!("Internet connectivity is not provided through {gid}'s VPN gateway: traffic of P2S users {uid} bound for {qid} is dropped there, and {gid} has no firewall or NVA to forward it."),
        Some(format!("Give {uid} an internet link (split tunnel), or add a firewall to {gid} and advertise 0.0.0.0/0 to the clients (forced tunnel).")));
    Decision::Deny(block.with_edit(edit))
}

/// Microsoft peering between a network behind the circuit and Microsoft refuses a network
/// that advertises only private prefixes: "We don't accept private prefixes (RFC1918) for the
/// Microsoft peering BGP session" (learn.microsoft.com/azure/expressroute/expressroute-faqs).
pub(super) fn private_prefixes_only(
    net: &Net,
    arrived: &Conn,
    out: &Conn,
    c: usize,
) -> Option<Block> {
    let site = match (arrived.kind, out.kind) {
        (ConnKind::Link(LinkKind::ErPrivate), ConnKind::Link(LinkKind::ErMicrosoft)) => arrived,
        (ConnKind::Link(LinkKind::ErMicrosoft), ConnKind::Link(LinkKind::ErPrivate)) => out,
        _ => return None,
    }
    .other(c);
    if !private_only(net.node(site)) {
        return None;
    }
    let (sid, cid) = (net.id(site), net.id(c));
    Some(Block::new(Rule::R6_1, Code::MicrosoftPeeringPrivatePrefixes,
        format!("{sid} advertises only private (RFC 1918) prefixes, and Microsoft peering on circuit {cid} accepts public prefixes only, so {sid} has no Microsoft peering path."),
        Some(format!("Advertise a public prefix you own (the NAT range of {sid}'s internet-bound traffic) on the Microsoft peering of {cid}, and add it to {sid}'s address_space."))))
}

/// Spoke `pid` sets use_remote_gateways on more than one peering: only the first takes effect
/// (the `remote-gateways-twice` finding; "you can't set use remote gateways on more than one
/// peering", R1.5), so `what` does not pass between it and hub `gid`'s gateway.
pub(super) fn remote_gateways_twice(pid: &str, gid: &str, what: &str) -> Block {
    Block::new(Rule::R1_5, Code::RemoteGatewaysTwice,
        format!("{pid} sets use_remote_gateways on more than one peering and only the first takes effect, so {pid} does not use {gid}'s gateway and {what} between {pid} and {gid}'s gateway connections does not pass."),
        Some(format!("Clear use_remote_gateways on {pid}'s other peerings, keeping it on peering {pid} → {gid}.")))
}

/// Spoke traffic that arrived at hub `g` over a peering with route_via_firewall, where `g` has
/// no firewall: the route has no next hop (the `route-via-missing-firewall` finding, R2.3), so
/// the traffic for `q` is dropped.
pub(super) fn missing_firewall(net: &Net, g: usize, arrived: &Conn, q: usize) -> Option<Block> {
    let p = arrived.other(g);
    let link = arrived.link.and_then(|l| net.plan.links.get(l))?;
    if net.vnets[g].firewall || arrived.a != p || link.route_via_firewall != Some(true) {
        return None;
    }
    let (pid, gid, qid) = (net.id(p), net.id(g), net.id(q));
    Some(Block::new(Rule::R2_3, Code::RouteViaMissingFirewall,
        format!("{pid} sends its traffic to {gid}'s firewall (route_via_firewall), but {gid} has no firewall, so the traffic for {qid} is dropped."),
        Some(format!("Add a firewall to {gid} (and set route_via_firewall and allow_forwarded_traffic on peering {qid} → {gid}), or peer {pid} with {qid}."))))
}

/// Spoke traffic that arrived at hub `g` (over `arrived`) for the peer behind `out`, without a
/// route to `g`'s firewall (R1.10). The fix sets route_via_firewall, and allow_forwarded_traffic
/// on the way out when that is missing too (R2.3), so that applying it opens the hop.
pub(super) fn no_route_via_firewall(net: &Net, g: usize, arrived: &Conn, out: &Conn) -> Block {
    let (p, q) = (arrived.other(g), out.other(g));
    let (pid, gid, qid) = (net.id(p), net.id(g), net.id(q));
    let mut edits = Vec::new();
    if let Some(link) = arrived.link.filter(|_| arrived.a == p) {
        let flags = vec![LinkFlag::RouteViaFirewall];
        edits.push(Edit::SetLinkFlags { link, flags });
    }
    // A peering written from the hub's side carries the hub's flags: the spoke's route needs
    // the peering written from the spoke's side, which no edit does.
    let reversed = arrived.link.is_some() && arrived.a != p;
    let mut fix = if reversed {
        format!("Write the peering between {pid} and {gid} from {pid}'s side ({pid} → {gid}, since its flags are the from side's) and set route_via_firewall on it")
    } else {
        format!("Set route_via_firewall on peering {pid} → {gid}")
    };
    if !out.forwarded {
        if let Some(link) = out.link {
            let flags = vec![LinkFlag::AllowForwardedTraffic];
            edits.push(Edit::SetLinkFlags { link, flags });
        }
        fix.push_str(&format!(
            ", and allow_forwarded_traffic on the peering between {qid} and {gid}"
        ));
    }
    let edit = match edits.len() {
        _ if reversed => None,
        0 => None,
        1 => edits.pop(),
        _ => Some(Edit::All { edits }),
    };
    Block::new(Rule::R1_10, Code::NoRouteViaFirewall,
        format!("{pid} has no route that sends traffic for {qid} to {gid}'s firewall, and spokes do not reach each other through the hub by default."),
        Some(format!("{fix}."))).with_edit(edit)
}

/// What else Route Server branch-to-branch at VNet `g` needs for the S2S connection `s2s` (R2.7):
/// the rest of the fix sentence, and the edit when the fix is mechanical: turning on
/// branch-to-branch, with BGP on a static connection. A VPN gateway that is not active-active
/// with ASN 65515 is named in the sentence and makes the fix a manual one.
pub(super) fn route_server_fix(net: &Net, g: usize, s2s: &Conn) -> (String, Option<Edit>) {
    let gid = net.id(g);
    let ready = net.vnets[g]
        .vpn
        .is_some_and(|v| v.active_active && v.asn == 65515);
    if !ready {
        let fix = format!(" (the VPN gateway of {gid} must be active-active with ASN 65515)");
        return (fix, None);
    }
    let mut edits = vec![Edit::EnableRouteServerBranchToBranch {
        node: gid.to_string(),
    }];
    let mut fix = String::new();
    if !s2s.bgp {
        let site = net.id(s2s.other(g));
        fix = format!(" and BGP on the S2S connection of {site}");
        match bgp_edit(net, g, s2s) {
            Some(edit) => edits.push(edit),
            None => return (fix, None),
        }
    }
    let edit = if edits.len() == 1 {
        edits.pop()
    } else {
        Some(Edit::All { edits })
    };
    (fix, edit)
}

/// The edit that turns on BGP on a static S2S connection of gateway `g`, if BGP can run there.
pub(super) fn bgp_edit(net: &Net, g: usize, s2s: &Conn) -> Option<Edit> {
    let mut edits = Vec::new();
    for end in [s2s.a, s2s.b] {
        let node = net.node(end);
        if let Some(gw) = &node.vpn_gateway {
            if gw.sku == VpnSku::Basic || gw.kind() == VpnType::PolicyBased {
                return None;
            }
            if gw.bgp == Some(false) {
                edits.push(Edit::EnableGatewayBgp {
                    node: node.id.clone(),
                });
            }
        }
    }
    let _ = g;
    let link = s2s.link?;
    edits.push(Edit::SetLinkFlags {
        link,
        flags: vec![LinkFlag::Bgp],
    });
    Some(Edit::All { edits })
}
