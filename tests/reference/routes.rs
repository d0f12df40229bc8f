//! Route propagation, one destination at a time: the destination originates its prefixes, and
//! every node that learns them decides, by the rule book, to which of its other connections it
//! advertises them. A source reaches the destination when it learns a route to it.
//!
//! Routes carry one attribute, where they entered a Virtual WAN hub (`Origin`), because a hub's
//! branch-to-branch decision depends on both ends of the traffic, also across the hub mesh.

use std::collections::{HashSet, VecDeque};

use reachplan::engine::geo;
use reachplan::engine::model::{ErGateway, NodeKind};

use super::net::{basic_vpn, hub_wan, Edge, Kind, RefNet};

/// Where a route entered a hub: over a VNet connection, a VPN site, P2S users or a circuit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    Vnet,
    Vpn,
    P2s,
    Er(usize),
}

fn origin_at(hub: usize, e: &Edge) -> Origin {
    match e.kind {
        Kind::S2s => Origin::Vpn,
        Kind::P2s => Origin::P2s,
        Kind::ErConnection => Origin::Er(e.other(hub)),
        _ => Origin::Vnet,
    }
}

/// The nodes that learn a route to `dest` (its index set to true), with the edge they learn it
/// over (a breadth-first fixpoint over (node, learned over, origin)).
pub fn learners(net: &RefNet, dest: usize) -> Vec<bool> {
    let mut learned = vec![false; net.plan.nodes.len()];
    let mut seen: HashSet<(usize, usize, Option<Origin>)> = HashSet::new();
    let mut queue = VecDeque::new();
    for &(e, m) in &net.adj[dest] {
        let o = (net.node(m).kind == NodeKind::VwanHub).then(|| origin_at(m, &net.edges[e]));
        if seen.insert((m, e, o)) {
            queue.push_back((m, e, o));
        }
    }
    while let Some((n, l, origin)) = queue.pop_front() {
        learned[n] = true;
        for &(x, m) in &net.adj[n] {
            if x == l || m == dest || !exports(net, n, l, origin, x) {
                continue;
            }
            let o = if net.node(m).kind != NodeKind::VwanHub {
                None
            } else if net.edges[x].kind == Kind::Mesh {
                // The route keeps where it entered the virtual WAN.
                origin.or(Some(origin_at(n, &net.edges[l])))
            } else {
                Some(origin_at(m, &net.edges[x]))
            };
            if seen.insert((m, x, o)) {
                queue.push_back((m, x, o));
            }
        }
    }
    learned
}

/// Whether node `n`, holding a route learned over edge `l`, advertises it over edge `x`: that is,
/// whether traffic that arrives at `n` over `x` is forwarded over `l`.
fn exports(net: &RefNet, n: usize, l: usize, origin: Option<Origin>, x: usize) -> bool {
    match net.node(n).kind {
        NodeKind::Vnet => vnet(net, n, &net.edges[l], &net.edges[x]),
        NodeKind::Expressroute => circuit(net, &net.edges[l], &net.edges[x]),
        NodeKind::VwanHub => hub(net, n, &net.edges[l], origin, &net.edges[x]),
        // The internet carries breakout traffic to Microsoft's public services only; it never
        // forwards into a private network: private addresses are not routed on the internet
        // (no rule id: the plan format's `internet` link; R3.19 for the breakout itself).
        NodeKind::Internet => {
            net.edges[x].kind == Kind::Internet
                && net.edges[l].kind == Kind::Backbone
                && net.node(net.edges[l].other(n)).kind == NodeKind::Microsoft
        }
        // Sites, users, other clouds and Microsoft's services are not transit: the rule book
        // gives transit to VNets (R1, R2, R3), circuits (R6) and hubs (R7) only.
        _ => false,
    }
}

#[derive(PartialEq, Clone, Copy)]
enum Side {
    Peer,
    Vpn,
    P2s,
    Er,
    Vwan,
    Backbone,
}

fn side(e: &Edge) -> Side {
    match e.kind {
        Kind::Peering => Side::Peer,
        Kind::S2s => Side::Vpn,
        Kind::P2s => Side::P2s,
        Kind::ErConnection => Side::Er,
        Kind::VwanConnection => Side::Vwan,
        _ => Side::Backbone,
    }
}

/// A spoke `p`, peered with gateway VNet `g` over `e`, uses `g`'s gateway for traffic of the
/// gateway connection kind `via`: use remote gateways with allow gateway transit (R1.9, R2.4),
/// never through a Basic VPN gateway for VPN or P2S traffic (R1.7).
fn uses_gateway(net: &RefNet, g: usize, p: usize, e: &Edge, via: Side) -> bool {
    e.a == p && e.uses_remote && !(via != Side::Er && basic_vpn(net.node(g)))
}

/// The spoke `p` sends its private traffic to `g`'s firewall over `e` (UDR, R2.3).
fn via_firewall(p: usize, e: &Edge) -> bool {
    e.a == p && e.via_firewall
}

/// Traffic arrives at VNet `g` over `x` and would leave over `l`.
fn vnet(net: &RefNet, g: usize, l: &Edge, x: &Edge) -> bool {
    let node = net.node(g);
    let (p, q) = (x.other(g), l.other(g));
    match (side(x), side(l)) {
        // R1.1 non-transitive; R1.10 / R2.3 only through the hub's firewall, with the spoke's
        // route to it and forwarded traffic allowed towards the other spoke.
        (Side::Peer, Side::Peer) => node.firewall.is_some() && via_firewall(p, x) && l.forwarded,
        // R1.9 / R2.4: a spoke reaches the gateway's connections when it uses the gateway, or
        // when its route table sends the traffic to the hub firewall (R2.3).
        (Side::Peer, via @ (Side::Vpn | Side::P2s | Side::Er)) => {
            uses_gateway(net, g, p, x, via) || via_firewall(p, x)
        }
        // R1.9: the gateway advertises a spoke's prefixes only when the spoke uses it.
        (via @ (Side::Vpn | Side::P2s | Side::Er), Side::Peer) => uses_gateway(net, g, q, l, via),
        // R3.4 / R3.5 / R3.6: transit between VPN connections needs BGP on both.
        (Side::Vpn, Side::Vpn) => x.bgp && l.bgp,
        // R3.11 / R3.12: P2S reaches sites and VNet-to-VNet peers only over BGP.
        (Side::P2s, Side::Vpn) => l.bgp,
        (Side::Vpn, Side::P2s) => x.bgp,
        // R3.13.
        (Side::P2s, Side::P2s) => true,
        // R6.10: no ExpressRoute to ExpressRoute transit through a gateway VNet.
        (Side::Er, Side::Er) => false,
        // R2.7 / R3.10: ExpressRoute and S2S exchange routes only through Route Server with
        // branch-to-branch, an active-active VPN gateway with ASN 65515, and BGP on the S2S.
        (Side::Er, Side::Vpn) | (Side::Vpn, Side::Er) => {
            let s2s = if side(x) == Side::Vpn { x } else { l };
            let rs = node
                .route_server
                .as_ref()
                .is_some_and(|r| r.branch_to_branch == Some(true));
            let gw = node
                .vpn_gateway
                .as_ref()
                .is_some_and(|v| v.active_active == Some(true) && v.asn.unwrap_or(65515) == 65515);
            rs && gw && s2s.bgp
        }
        // R3.14: never ExpressRoute to P2S in a VNet-gateway design.
        (Side::Er, Side::P2s) | (Side::P2s, Side::Er) => false,
        // R7.12 (assumed): a VNet connected to a hub does not pass traffic to or from the hub.
        (Side::Vwan, _) | (_, Side::Vwan) => false,
        // R3.19: the VPN gateway gives P2S clients no internet; only a firewall or NVA in the
        // VNet forwarding an advertised 0.0.0.0/0 does (forced tunnel, plan format).
        (Side::P2s, Side::Backbone) => l.kind == Kind::Backbone && node.firewall.is_some(),
        _ => false,
    }
}

/// Traffic arrives at circuit `c` over `x` and would leave over `l`.
fn circuit(net: &RefNet, l: &Edge, x: &Edge) -> bool {
    use Kind::*;
    match (x.kind, l.kind) {
        // R6.1 Microsoft peering takes public prefixes only: a network whose addresses are
        // all RFC 1918 has no Microsoft peering path.
        (ErPrivate, ErMicrosoft) => public_prefixes(net.node(x.a)),
        (ErMicrosoft, ErPrivate) => public_prefixes(net.node(l.a)),
        // R6.1 private peering to VNets and hubs, R6.9 Global Reach.
        (ErPrivate, ErConnection | GlobalReach) | (ErConnection | GlobalReach, ErPrivate) => true,
        // R6.8: VNet to VNet over the circuit only when every gateway allows it. A VNet and a
        // Virtual WAN hub (not in the rule book; plan format, from Microsoft's
        // virtual-network-connectivity-guidance): the VNet's gateway accepts traffic from remote
        // Virtual WAN networks and the hub's from non-Virtual-WAN networks.
        (ErConnection, ErConnection) => {
            let (a, b) = (net.node(x.b), net.node(l.b));
            let gw = |v: &reachplan::engine::model::Node, f: fn(&ErGateway) -> Option<bool>| {
                v.kind == NodeKind::Vnet && v.er_gateway.as_ref().and_then(f) == Some(true)
            };
            let hub = |h: &reachplan::engine::model::Node| {
                h.kind == NodeKind::VwanHub && h.allow_non_virtual_wan_traffic == Some(true)
            };
            let v2v = |g: &ErGateway| g.allow_vnet_to_vnet;
            let vwan = |g: &ErGateway| g.allow_virtual_wan_traffic;
            (gw(a, v2v) && gw(b, v2v)) || (gw(a, vwan) && hub(b)) || (hub(a) && gw(b, vwan))
        }
        // R6.9: Global Reach is pairwise and joins on-premises networks only; R6.10: two
        // networks on one circuit's private peering meet over their own WAN, not Azure.
        _ => false,
    }
}

/// Whether a network may use Microsoft peering: no address space given, or one prefix outside
/// 10/8, 172.16/12, 192.168/16 and fc00::/7 ("We don't accept private prefixes (RFC1918) for the
/// Microsoft peering BGP session", ExpressRoute FAQ).
fn public_prefixes(node: &reachplan::engine::model::Node) -> bool {
    let ranges = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"];
    let private = |p: ipnet::IpNet| {
        ranges
            .iter()
            .filter_map(|r| r.parse::<ipnet::IpNet>().ok())
            .any(|r| r.contains(&p))
    };
    node.prefixes().next().is_none() || node.prefixes().any(|p| !private(p))
}

/// Traffic arrives at hub `h` over `x` and would leave over `l` towards a route that entered the
/// virtual WAN at `origin`.
fn hub(net: &RefNet, h: usize, l: &Edge, origin: Option<Origin>, x: &Edge) -> bool {
    if l.kind == Kind::Backbone || x.kind == Kind::Backbone {
        // R7.6: routing intent for internet traffic sends the hub's own connections' internet
        // traffic to its firewall; the default route does not cross the mesh, and nothing
        // comes in from the backbone.
        return l.kind == Kind::Backbone && !matches!(x.kind, Kind::Mesh | Kind::Backbone);
    }
    if x.kind == Kind::Mesh {
        // R7.2: a hub passes traffic from the mesh on to its own connections, never on to
        // a third hub (the mesh is full).
        return l.kind != Kind::Mesh;
    }
    let ingress = origin_at(h, x);
    let egress = if l.kind == Kind::Mesh {
        origin.unwrap_or(Origin::Vnet)
    } else {
        origin_at(h, l)
    };
    let (_, standard, branch_to_branch) = hub_wan(net.plan, net.node(h));
    if !standard {
        // R7.1: Basic carries S2S branches to its own VNets only (assumed, shown).
        return matches!(
            (ingress, egress),
            (Origin::Vpn, Origin::Vnet) | (Origin::Vnet, Origin::Vpn)
        );
    }
    if ingress == Origin::Vnet || egress == Origin::Vnet {
        // R7.3: branch to VNet and VNet to VNet.
        return true;
    }
    if !branch_to_branch {
        // R7.4: branch to branch only with the setting on.
        return false;
    }
    let gr_location = |c: usize| {
        net.node(c)
            .location
            .as_deref()
            .and_then(geo::peering_location)
            .is_none_or(|loc| loc.global_reach)
    };
    match (ingress, egress) {
        // R7.5: no ExpressRoute to ExpressRoute through Virtual WAN.
        (Origin::Er(_), Origin::Er(_)) => false,
        // R7.3 (corrections): circuits where Global Reach is unsupported get no branch transit.
        (Origin::Er(c), _) | (_, Origin::Er(c)) => gr_location(c),
        _ => true,
    }
}
