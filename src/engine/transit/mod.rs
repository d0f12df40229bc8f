//! The forwarding rules: may traffic that arrived at a node over one connection leave it over
//! another? Every decision of the rule book about transit is made here and nowhere else.
//!
//! A decision is [`Decision::Allow`] (perhaps resting on an assumption), [`Decision::Deny`] with
//! the [`Block`] that explains it and the fix, or [`Decision::Never`] for hops that no setting of
//! the plan could open (traffic does not pass through an on-premises site, for instance), which
//! keeps explanations to changes a person can actually make.

mod hub;

pub(crate) use super::decision::{Decision, Ingress};
use super::edit::{Edit, LinkFlag};
use super::gates::{
    bgp_edit, missing_firewall, no_route_via_firewall, p2s_egress, policy_device,
    private_prefixes_only, remote_gateways_twice, route_server_fix,
};
use super::hairpin::er_hairpin;
use super::model::{LinkKind, NodeKind, VpnSku};
use super::rules::{AssumptionId, Block};
use super::topology::{Conn, ConnKind, Net};
use crate::engine::catalogue::{Code, Rule};
pub(crate) use hub::ingress_of;

fn allow() -> Decision {
    Decision::Allow(None)
}

fn deny(rule: Rule, code: Code, reason: String, fix: Option<String>) -> Decision {
    Decision::Deny(Block::new(rule, code, reason, fix))
}

fn deny_edit(rule: Rule, code: Code, reason: String, fix: String, edit: Option<Edit>) -> Decision {
    Decision::Deny(Block::new(rule, code, reason, Some(fix)).with_edit(edit))
}

fn add(kind: LinkKind, from: &str, to: &str) -> Option<Edit> {
    Some(Edit::AddLink {
        kind,
        from: from.to_string(),
        to: to.to_string(),
        flags: Vec::new(),
    })
}

fn flags(conn: &Conn, flags: Vec<LinkFlag>) -> Option<Edit> {
    conn.link.map(|link| Edit::SetLinkFlags { link, flags })
}

/// The role a connection plays at a VNet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Peer,
    Vpn,
    P2s,
    Er,
    Vwan,
    Backbone,
    Other,
}

fn role(conn: &Conn) -> Role {
    match conn.kind {
        ConnKind::Link(LinkKind::Peering) => Role::Peer,
        ConnKind::Link(LinkKind::S2s) => Role::Vpn,
        ConnKind::Link(LinkKind::P2s) => Role::P2s,
        ConnKind::Link(LinkKind::ErConnection) => Role::Er,
        ConnKind::Link(LinkKind::VwanConnection) => Role::Vwan,
        ConnKind::Backbone => Role::Backbone,
        _ => Role::Other,
    }
}

/// May traffic that arrived at node `n` over `from` leave over `to`? `from` is `None` when the
/// traffic starts at `n`.
pub fn hop(
    net: &Net,
    n: usize,
    from: Option<usize>,
    ingress: Option<Ingress>,
    to: usize,
) -> Decision {
    let out = &net.conns[to];
    // Bastion, Application Gateway and Virtual Desktop give access of a limited kind, never
    // routes (see `access`).
    if matches!(
        out.kind,
        ConnKind::Link(LinkKind::Bastion | LinkKind::AppGateway | LinkKind::VirtualDesktop)
    ) {
        return Decision::Never;
    }
    let Some(from) = from else {
        return start(net, n, out);
    };
    let arrived = &net.conns[from];
    match net.node(n).kind {
        NodeKind::Vnet => vnet(net, n, arrived, out),
        NodeKind::Expressroute => circuit(net, n, arrived, out),
        NodeKind::VwanHub => hub::hub(net, n, arrived, ingress, out),
        // The internet carries traffic to public services only: private addresses are not
        // routed over it, so a breakout is never a way into a VNet (what is published to the
        // internet, such as an Application Gateway, is limited access, see `access`).
        NodeKind::Internet
            if out.kind == ConnKind::Backbone
                && arrived.is(LinkKind::Internet)
                && net.node(out.other(n)).kind == NodeKind::Microsoft =>
        {
            allow()
        }
        _ => Decision::Never,
    }
}

fn start(net: &Net, n: usize, out: &Conn) -> Decision {
    let kind = net.node(n).kind;
    let to = net.node(out.other(n)).kind;
    match (kind, out.kind) {
        // Microsoft's services and the internet open no connection into private address space
        // over the backbone (see `verdict`); between themselves they are public.
        (NodeKind::Microsoft | NodeKind::Internet, ConnKind::Backbone)
            if matches!(to, NodeKind::Vnet | NodeKind::VwanHub) =>
        {
            Decision::Never
        }
        // A VNet's way out: its outbound access, an assumption shown with the answer.
        (NodeKind::Vnet, ConnKind::Backbone) => Decision::Allow(Some(AssumptionId::OutboundAccess)),
        _ => allow(),
    }
}

/// The gateway-transit explanation for a peer `p` of hub `g` that does not use `g`'s gateway.
fn not_using_gateway(net: &Net, g: usize, p: usize, peering: &Conn, what: &str) -> Decision {
    let (gid, pid) = (net.id(g), net.id(p));
    let link = peering.link.and_then(|l| net.plan.links.get(l));
    let flags_on_spoke_side = peering.a == p;
    if net.vnets[p].has_gateway() {
        return deny(Rule::R1_5, Code::SpokeHasOwnGateway,
            format!("{pid} has its own gateway, so it cannot use {gid}'s gateway; {what} stops at {gid}."),
            Some(format!("Remove {pid}'s gateway and set use_remote_gateways on peering {pid} → {gid}, or connect {pid}'s own gateway.")));
    }
    if net.vnets[g].vpn.is_some_and(|v| v.basic)
        && peering.uses_remote
        && matches!(what, "VPN traffic" | "P2S traffic")
    {
        return deny_edit(Rule::R1_7, Code::BasicNoGatewayTransit,
            format!("Gateway transit is not available with {gid}'s Basic VPN gateway, so {pid} gets no {what} through it."),
            format!("Upgrade {gid}'s gateway to VpnGw1AZ or larger."),
            Some(Edit::SetVpnSku { node: gid.to_string(), sku: VpnSku::VpnGw1AZ }));
    }
    let (urg, agt) = match (link, flags_on_spoke_side) {
        (Some(l), true) => (
            l.use_remote_gateways == Some(true),
            l.allow_gateway_transit == Some(true),
        ),
        _ => (false, false),
    };
    let missing: Vec<LinkFlag> = [
        (!urg).then_some(LinkFlag::UseRemoteGateways),
        (!agt).then_some(LinkFlag::AllowGatewayTransit),
    ]
    .into_iter()
    .flatten()
    .collect();
    let edit = if flags_on_spoke_side && !missing.is_empty() {
        flags(peering, missing)
    } else {
        None
    };
    let fix = match (urg, agt) {
        (true, false) => format!("Set allow_gateway_transit on peering {pid} → {gid}."),
        (false, true) => format!("Set use_remote_gateways on peering {pid} → {gid}."),
        _ => format!("Set use_remote_gateways and allow_gateway_transit on peering {pid} → {gid}."),
    };
    if urg && agt {
        return Decision::Deny(remote_gateways_twice(pid, gid, what));
    }
    // Asked for but refused (`gateway-transit-not-allowed`) is that finding's rule, R1.5.
    let p2s = what == "P2S traffic";
    let rule = [Rule::R1_9, Rule::R1_11, Rule::R1_5][if urg { 2 } else { usize::from(p2s) }];
    deny_edit(rule, Code::NoGatewayTransit,
        format!("{pid} does not use {gid}'s gateway (gateway transit is not set up on their peering), so {what} between {pid} and {gid}'s gateway connections does not pass."),
        fix, edit)
}

fn vnet(net: &Net, g: usize, arrived: &Conn, out: &Conn) -> Decision {
    let facts = net.vnets[g];
    let gid = net.id(g);
    let p = arrived.other(g);
    let q = out.other(g);
    let (pid, qid) = (net.id(p), net.id(q));
    match (role(arrived), role(out)) {
        (Role::Peer, Role::Peer) => {
            let fw = facts.firewall;
            if let Some(block) = missing_firewall(net, g, arrived, q) {
                return Decision::Deny(block);
            }
            if !fw {
                return deny_edit(Rule::R1_1, Code::PeeringNotTransitive, format!("VNet peering is not transitive: {pid} and {qid} are both peered with {gid}, not with each other."), format!("Peer {pid} with {qid}, or add a firewall to {gid} and set route_via_firewall and allow_forwarded_traffic on peerings {pid} → {gid} and {qid} → {gid}."), add(LinkKind::Peering, pid, qid));
            }
            if !(arrived.via_firewall && arrived.a == p) {
                return Decision::Deny(no_route_via_firewall(net, g, arrived, out));
            }
            if !out.forwarded {
                return deny_edit(Rule::R2_3, Code::ForwardedTrafficNotAllowed, format!("{gid}'s firewall forwards the traffic to {qid}, but the peering between {qid} and {gid} does not allow forwarded traffic."), format!("Set allow_forwarded_traffic on the peering between {qid} and {gid}."), flags(out, vec![LinkFlag::AllowForwardedTraffic]));
            }
            allow()
        }
        (Role::Peer, Role::Vpn | Role::P2s | Role::Er) => {
            let uses = arrived.uses_remote && arrived.a == p;
            let vpn_path = role(out) != Role::Er;
            let basic = facts.vpn.is_some_and(|v| v.basic);
            if uses && !(vpn_path && basic) {
                return allow();
            }
            if arrived.via_firewall && arrived.a == p {
                return allow();
            }
            let what = match role(out) { Role::P2s => "P2S traffic", Role::Er => "ExpressRoute traffic", _ => "VPN traffic" };
            not_using_gateway(net, g, p, arrived, what)
        }
        (Role::Vpn | Role::P2s | Role::Er, Role::Peer) => {
            let uses = out.uses_remote && out.a == q;
            let vpn_path = role(arrived) != Role::Er;
            let basic = facts.vpn.is_some_and(|v| v.basic);
            if uses && !(vpn_path && basic) {
                return allow();
            }
            let what = match role(arrived) { Role::P2s => "P2S traffic", Role::Er => "ExpressRoute traffic", _ => "VPN traffic" };
            not_using_gateway(net, g, q, out, what)
        }
        (Role::Vpn, Role::Vpn) => {
            if let Some(block) = policy_device(net, g, &[arrived, out]) {
                return Decision::Deny(block);
            }
            if arrived.bgp && out.bgp {
                return allow();
            }
            let static_one = if arrived.bgp { qid } else { pid };
            let static_conn = if arrived.bgp { out } else { arrived };
            let edit = bgp_edit(net, g, static_conn).filter(|_| arrived.bgp || out.bgp);
            let fix = if facts.vpn.is_some_and(|v| v.basic || v.policy_based) {
                format!("Replace {gid}'s gateway with a route-based VpnGw1AZ and run BGP on both connections.")
            } else {
                format!("Enable BGP on the S2S connection of {static_one} (and on {gid}'s gateway).")
            };
            Decision::Deny(Block::new(Rule::R3_4, Code::TransitNeedsBgp,
                format!("{gid}'s VPN gateway passes traffic between two of its connections only when both run BGP; the connection of {static_one} uses static routes."),
                Some(fix)).with_edit(edit).assuming(AssumptionId::StaticTransit))
        }
        (Role::P2s, Role::Vpn) | (Role::Vpn, Role::P2s) => {
            let (s2s, other) = if role(out) == Role::Vpn { (out, qid) } else { (arrived, pid) };
            if let Some(block) = policy_device(net, g, &[s2s]) {
                return Decision::Deny(block);
            }
            let edit = bgp_edit(net, g, s2s);
            if s2s.bgp {
                return allow();
            }
            let rule = if net.node(s2s.other(g)).kind == NodeKind::Vnet { Rule::R3_12 } else { Rule::R3_11 };
            Decision::Deny(Block::new(rule, Code::P2sNeedsBgp,
                format!("P2S clients of {gid} learn the routes of {other} only when its S2S connection runs BGP; it uses static routes."),
                Some(format!("Enable BGP on the S2S connection between {other} and {gid} (and on {gid}'s gateway); clients then re-download the VPN profile."))).with_edit(edit)
                .assuming(AssumptionId::P2sStaticS2s))
        }
        (Role::P2s, Role::P2s) => allow(),
        (Role::Er, Role::Er) => deny_edit(Rule::R6_10, Code::ErToEr, format!("Routes learned from one ExpressRoute circuit are not advertised to another: {pid} and {qid} meet only at {gid}'s gateway."), format!("Add Global Reach between circuits {pid} and {qid}."), add(LinkKind::GlobalReach, pid, qid)),
        (Role::Er, Role::Vpn) | (Role::Vpn, Role::Er) => {
            let s2s = if role(out) == Role::Vpn { out } else { arrived };
            let site = net.id(s2s.other(g));
            match facts.route_server {
                Some(true) => {
                    let vpn = facts.vpn;
                    if vpn.is_some_and(|v| !v.active_active || v.asn != 65515) {
                        return deny(Rule::R2_7, Code::RouteServerVpnGateway,
                            format!("Route Server branch-to-branch exchanges routes with {gid}'s VPN gateway only when it is active-active with ASN 65515."),
                            Some(format!("Make {gid}'s VPN gateway active-active with ASN 65515.")));
                    }
                    if !s2s.bgp {
                        return Decision::Deny(Block::new(Rule::R2_7, Code::RouteServerNeedsBgp,
                            format!("ExpressRoute routes reach {site} through Route Server only over BGP, and its S2S connection uses static routes."),
                            Some(format!("Enable BGP on the S2S connection between {site} and {gid}."))).with_edit(bgp_edit(net, g, s2s))
                            .assuming(AssumptionId::RouteServerBgp));
                    }
                    Decision::Allow(Some(AssumptionId::RouteServerBgp))
                }
                Some(false) => {
                    let (fix, edit) = route_server_fix(net, g, s2s);
                    deny_edit(Rule::R2_7, Code::RouteServerBranchToBranchOff, format!("{gid} has a Route Server, but branch-to-branch is off, so its ExpressRoute and VPN gateways do not exchange routes."), format!("Set branch_to_branch on {gid}'s Route Server{fix}."), edit)
                }
                None => {
                    let (fix, edit) = route_server_fix(net, g, s2s);
                    deny_edit(Rule::R3_10, Code::ErVpnNoTransit, format!("Transit between ExpressRoute and S2S VPN is not native: {gid}'s ExpressRoute and VPN gateways do not exchange routes without Route Server."), format!("Add a Route Server to {gid} with branch_to_branch on{fix}, or move to a Standard Virtual WAN hub."), edit)
                }
            }
        }
        (Role::Er, Role::P2s) | (Role::P2s, Role::Er) => {
            let circuit = if role(out) == Role::Er { qid } else { pid };
            Decision::Deny(Block::new(Rule::R3_14, Code::P2sToExpressroute,
                format!("P2S clients of {gid}'s VPN gateway do not reach networks behind circuit {circuit}: there is no ExpressRoute to P2S transit in a VNet-gateway design, even with Route Server."),
                Some(format!("Move the design to a Standard Virtual WAN hub with branch-to-branch on, or connect the on-premises network behind {circuit} to {gid} by S2S VPN with BGP.")))
                .assuming(AssumptionId::P2sOverEr))
        }
        (Role::Vwan, _) | (_, Role::Vwan) => {
            let (other, hub) = if role(out) == Role::Vwan { (pid, qid) } else { (qid, pid) };
            let rule = if matches!(role(arrived), Role::Peer) || matches!(role(out), Role::Peer) { Rule::R1_1 } else { Rule::R7_12 };
            Decision::Deny(Block::new(rule, Code::VwanSpokeNoTransit,
                format!("{gid} is connected to Virtual WAN hub {hub}; it does not pass traffic between the hub and {other}."),
                Some(format!("Connect {other} to hub {hub} directly.")))
                .assuming(AssumptionId::VwanSpokeGateway))
        }
        (Role::P2s, Role::Backbone) => p2s_egress(net, g, p, q),
        _ => Decision::Never,
    }
}

fn circuit(net: &Net, c: usize, arrived: &Conn, out: &Conn) -> Decision {
    let cid = net.id(c);
    let p = arrived.other(c);
    let q = out.other(c);
    let (pid, qid) = (net.id(p), net.id(q));
    let kind = |conn: &Conn| match conn.kind {
        ConnKind::Link(k) => Some(k),
        _ => None,
    };
    use LinkKind::*;
    if let Some(block) = private_prefixes_only(net, arrived, out, c) {
        return Decision::Deny(block);
    }
    match (kind(arrived), kind(out)) {
        (Some(ErPrivate), Some(ErConnection | GlobalReach | ErMicrosoft))
        | (Some(ErConnection | GlobalReach | ErMicrosoft), Some(ErPrivate)) => allow(),
        (Some(ErPrivate), Some(ErPrivate)) => Decision::Deny(Block::new(Rule::R6_10, Code::SameCircuit,
            format!("{pid} and {qid} both connect to the private peering of circuit {cid}; Azure does not route between them, they meet over your own WAN."),
            None).assuming(AssumptionId::SameCircuit)),
        (Some(ErConnection), Some(ErConnection)) => er_hairpin(net, c, p, q),
        (Some(GlobalReach), Some(GlobalReach)) => deny_edit(Rule::R6_9, Code::GlobalReachPairwise, format!("Global Reach is pairwise: {pid}–{cid} and {cid}–{qid} do not join {pid} and {qid}."), format!("Add Global Reach between circuits {pid} and {qid}."), add(LinkKind::GlobalReach, pid, qid)),
        (Some(GlobalReach), Some(ErConnection)) | (Some(ErConnection), Some(GlobalReach)) => {
            let (other_circuit, vnet) = if kind(out) == Some(GlobalReach) { (qid, pid) } else { (pid, qid) };
            deny_edit(Rule::R6_9, Code::GlobalReachOnPremisesOnly,
                format!("Global Reach joins the on-premises networks of two circuits; it does not carry traffic between circuit {other_circuit}'s on-premises side and {vnet}, which is linked to {cid} only."),
                format!("Connect circuit {other_circuit} to {vnet} too."), add(LinkKind::ErConnection, other_circuit, vnet))
        }
        _ => Decision::Never,
    }
}

fn circuit_supports_transit(net: &Net, c: usize) -> bool {
    net.global_reach_location.get(c).copied().unwrap_or(true)
}
