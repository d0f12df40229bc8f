//! Gates on one hop that Azure imposes whatever the topology around it: a policy-based
//! on-premises device (no BGP, no transit, R1.13), P2S traffic towards the internet through a
//! VPN gateway (R3.19) and Microsoft peering from a network with private prefixes only (R6.1).
//! `transit` asks them; each cites the Microsoft page that decides it.

use super::catalogue::Rule;
use super::decision::Decision;
use super::edit::Edit;
use super::model::{LinkKind, NodeKind, VpnType};
use super::rules::{AssumptionId, Block};
use super::topology::{private_only, Conn, ConnKind, Net};
use crate::engine::catalogue::Code;

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
    let internet = (0..net.plan.nodes.len()).find(|&i| net.node(i).kind == NodeKind::Internet);
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
