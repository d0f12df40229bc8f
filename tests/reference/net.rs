//! The plan read as a network by the reference: which links carry traffic, with the facts the
//! forwarding rules need. Written from the rule book alone; nothing here calls the engine's
//! topology, validation or transit code (the plan types and the geography tables are shared).

use reachplan::engine::model::{
    Auth, ErSku, Link, LinkKind, Node, NodeKind, P2sConfig, Plan, Protocol, VpnSku, VpnType,
    WanType,
};
use reachplan::engine::{clouds, geo};

/// What a connection is, as the forwarding rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Peering,
    S2s,
    P2s,
    ErPrivate,
    ErMicrosoft,
    ErConnection,
    GlobalReach,
    VwanConnection,
    Internet,
    /// Two hubs of one Standard virtual WAN (R7.2).
    Mesh,
    /// A VNet to Microsoft's services or the internet, or the internet to Microsoft's services.
    Backbone,
}

/// A connection that carries traffic, between nodes `a` (a link's `from`) and `b`.
#[derive(Debug, Clone)]
pub struct Edge {
    pub kind: Kind,
    pub a: usize,
    pub b: usize,
    /// S2S: both ends run BGP on it (R3.3).
    pub bgp: bool,
    /// Peering: `a` uses `b`'s gateways (R1.5 flags 3 and 4, R1.7 left to the caller).
    pub uses_remote: bool,
    /// Peering: `a`'s route table sends other private traffic to `b`'s firewall (R2.3).
    pub via_firewall: bool,
    /// Peering: forwarded traffic is accepted (R1.5 flag 2).
    pub forwarded: bool,
}

impl Edge {
    fn new(kind: Kind, a: usize, b: usize) -> Edge {
        Edge {
            kind,
            a,
            b,
            bgp: false,
            uses_remote: false,
            via_firewall: false,
            forwarded: false,
        }
    }

    /// The node at the other end from `n`.
    pub fn other(&self, n: usize) -> usize {
        if self.a == n {
            self.b
        } else {
            self.a
        }
    }
}

/// The network: the plan's nodes and the connections that carry traffic.
pub struct RefNet<'p> {
    pub plan: &'p Plan,
    pub edges: Vec<Edge>,
    /// Per node: (edge, neighbour).
    pub adj: Vec<Vec<(usize, usize)>>,
}

fn kind_of(k: LinkKind) -> Option<Kind> {
    Some(match k {
        LinkKind::Peering => Kind::Peering,
        LinkKind::S2s => Kind::S2s,
        LinkKind::P2s => Kind::P2s,
        LinkKind::ErPrivate => Kind::ErPrivate,
        LinkKind::ErMicrosoft => Kind::ErMicrosoft,
        LinkKind::ErConnection => Kind::ErConnection,
        LinkKind::GlobalReach => Kind::GlobalReach,
        LinkKind::VwanConnection => Kind::VwanConnection,
        LinkKind::Internet => Kind::Internet,
        // Limited access is not a route (plan format: "not routes").
        LinkKind::Bastion | LinkKind::AppGateway | LinkKind::VirtualDesktop => return None,
    })
}

/// The node kinds a link kind joins, from → to (plan format, table of links).
fn ends_fit(k: LinkKind, from: NodeKind, to: NodeKind) -> bool {
    use NodeKind::*;
    match k {
        LinkKind::Peering => from == Vnet && to == Vnet,
        LinkKind::S2s => matches!(from, Site | Cloud | Vnet) && matches!(to, Vnet | VwanHub),
        LinkKind::P2s => from == Users && matches!(to, Vnet | VwanHub),
        LinkKind::ErPrivate => matches!(from, Site | Cloud) && to == Expressroute,
        LinkKind::ErMicrosoft => from == Expressroute && to == Microsoft,
        LinkKind::ErConnection => from == Expressroute && matches!(to, Vnet | VwanHub),
        LinkKind::GlobalReach => from == Expressroute && to == Expressroute,
        LinkKind::VwanConnection => from == Vnet && to == VwanHub,
        LinkKind::Internet => matches!(from, Users | Site | Cloud) && to == Internet,
        LinkKind::Bastion | LinkKind::AppGateway | LinkKind::VirtualDesktop => false,
    }
}

/// A VNet has a gateway (VPN, ExpressRoute) or a Route Server (R1.5 flags 3 and 4).
pub fn has_gateway(n: &Node) -> bool {
    n.vpn_gateway.is_some() || n.er_gateway.is_some() || n.route_server.is_some()
}

/// Azure deploys the VNet's VPN gateway: policy-based exists only as Basic (R3.1), and the SKU
/// exists in its generation (§5: Generation 1 has Basic and VpnGw1-3(AZ), Generation 2
/// VpnGw2-5(AZ); R5.1). A gateway Azure does not deploy carries nothing (plan format).
fn vpn_deployed(n: &Node) -> bool {
    let Some(g) = &n.vpn_gateway else {
        return false;
    };
    use VpnSku::*;
    let in_generation = match g.generation {
        None => true,
        Some(1) => matches!(
            g.sku,
            Basic | VpnGw1 | VpnGw2 | VpnGw3 | VpnGw1AZ | VpnGw2AZ | VpnGw3AZ
        ),
        Some(2) => !matches!(g.sku, Basic | VpnGw1 | VpnGw1AZ),
        Some(_) => false,
    };
    in_generation && (g.gateway_type != Some(VpnType::PolicyBased) || g.sku == Basic)
}

/// Azure accepts the P2S configuration: SSTP and OpenVPN not together (R4.5), Entra ID only
/// with OpenVPN (R4.6), no SSTP on a hub (R7.10), SSTP with certificates only on Basic (R4.7),
/// at least one tunnel type.
fn p2s_accepted(config: &P2sConfig, basic: bool, vwan: bool) -> bool {
    let has = |p: Protocol| config.protocols.contains(&p);
    let refused = [
        config.protocols.is_empty(),
        has(Protocol::Sstp) && has(Protocol::Openvpn),
        config.auth.contains(&Auth::Entra) && !has(Protocol::Openvpn),
        vwan && has(Protocol::Sstp),
        basic && config.protocols.iter().any(|p| *p != Protocol::Sstp),
        basic && config.auth.iter().any(|a| *a != Auth::Certificate),
    ];
    !refused.contains(&true)
}

/// The VNet's VPN gateway is route-based (R3.1).
fn route_based(n: &Node) -> bool {
    n.vpn_gateway
        .as_ref()
        .is_some_and(|g| g.gateway_type != Some(VpnType::PolicyBased))
}

/// The VNet's VPN gateway is of the Basic SKU (no gateway transit, R1.7; no BGP, R3.1).
pub fn basic_vpn(n: &Node) -> bool {
    n.vpn_gateway
        .as_ref()
        .is_some_and(|g| g.sku == VpnSku::Basic)
}

/// BGP can run at this end of an S2S connection: every SKU but Basic, route-based only, and
/// not switched off (R3.3); a policy-based on-premises device has no BGP (R3.1, R1.13).
fn speaks_bgp(n: &Node) -> bool {
    match n.kind {
        NodeKind::Vnet => {
            route_based(n)
                && !basic_vpn(n)
                && n.vpn_gateway.as_ref().is_some_and(|g| g.bgp != Some(false))
        }
        NodeKind::Site => n.vpn_device != Some(VpnType::PolicyBased),
        _ => true,
    }
}

/// A hub's virtual WAN: (wan index, Standard, branch-to-branch). A hub that names no known WAN
/// is taken as a Standard hub of its own (the plan is then in error).
pub fn hub_wan(plan: &Plan, n: &Node) -> (Option<usize>, bool, bool) {
    let wan = n
        .wan
        .as_deref()
        .and_then(|w| plan.wans.iter().position(|x| x.id == w));
    match wan {
        Some(w) => (
            Some(w),
            plan.wans[w].wan_type == WanType::Standard,
            plan.wans[w].branch_to_branch != Some(false),
        ),
        None => (None, true, true),
    }
}

/// Tunnels a gateway takes (R3.1, §5: Basic 10, policy-based 1, VpnGw1-3 30, VpnGw4-5 100).
fn tunnel_limit(n: &Node) -> u32 {
    let Some(g) = &n.vpn_gateway else {
        return u32::MAX;
    };
    if g.gateway_type == Some(VpnType::PolicyBased) {
        return 1;
    }
    use VpnSku::*;
    match g.sku {
        Basic => 10,
        VpnGw1 | VpnGw2 | VpnGw3 | VpnGw1AZ | VpnGw2AZ | VpnGw3AZ => 30,
        VpnGw4 | VpnGw5 | VpnGw4AZ | VpnGw5AZ => 100,
    }
}

impl<'p> RefNet<'p> {
    pub fn new(plan: &'p Plan) -> RefNet<'p> {
        let at = |id: &str| plan.nodes.iter().position(|n| n.id == id);
        let mut edges = Vec::new();
        let mut s2s_links: Vec<(usize, usize, usize)> = Vec::new();
        let mut remote_used = vec![false; plan.nodes.len()];
        for link in &plan.links {
            let (Some(a), Some(b)) = (at(&link.from), at(&link.to)) else {
                continue;
            };
            let Some(kind) = kind_of(link.kind) else {
                continue;
            };
            if a == b || !ends_fit(link.kind, plan.nodes[a].kind, plan.nodes[b].kind) {
                continue;
            }
            let mut e = Edge::new(kind, a, b);
            let (na, nb) = (&plan.nodes[a], &plan.nodes[b]);
            // Networks never cross Azure clouds (plan format, "Regions and clouds").
            let carried = one_cloud(na, nb)
                && match link.kind {
                    LinkKind::Peering => {
                        peering(&mut e, link, na, nb, &mut remote_used[a]);
                        !overlap(na, nb)
                    }
                    LinkKind::S2s => {
                        e.bgp = link.bgp == Some(true) && speaks_bgp(na) && speaks_bgp(nb);
                        let ok = s2s_carried(plan, na, nb);
                        if ok {
                            s2s_links.push((edges.len(), a, b));
                        }
                        ok
                    }
                    LinkKind::P2s => p2s_carried(plan, link, nb),
                    LinkKind::ErConnection => match nb.kind {
                        NodeKind::Vnet => nb.er_gateway.is_some() && in_scope(na, nb),
                        _ => hub_wan(plan, nb).1 && in_scope(na, nb),
                    },
                    LinkKind::GlobalReach => global_reach(na, nb),
                    _ => true,
                };
            if carried {
                edges.push(e);
            }
        }
        let mut refused = tunnels(plan, &edges, &s2s_links);
        refused.sort_unstable();
        for i in refused.into_iter().rev() {
            edges.remove(i);
        }
        implicit(plan, &mut edges);
        let mut adj = vec![Vec::new(); plan.nodes.len()];
        for (i, e) in edges.iter().enumerate() {
            adj[e.a].push((i, e.b));
            adj[e.b].push((i, e.a));
        }
        RefNet { plan, edges, adj }
    }

    pub fn node(&self, n: usize) -> &'p Node {
        &self.plan.nodes[n]
    }
}

/// Peering flags: use remote gateways needs allow gateway transit, a gateway on the far side and
/// none on this side, and only one peering of a VNet may use it (R1.5); route via firewall needs
/// a firewall on the far side (R2.3).
fn peering(e: &mut Edge, link: &Link, na: &Node, nb: &Node, used: &mut bool) {
    e.forwarded = link.allow_forwarded_traffic == Some(true);
    e.via_firewall = link.route_via_firewall == Some(true) && nb.firewall.is_some();
    if link.use_remote_gateways == Some(true)
        && link.allow_gateway_transit == Some(true)
        && has_gateway(nb)
        && !has_gateway(na)
        && !*used
    {
        e.uses_remote = true;
        *used = true;
    }
}

/// R1.2: peered address spaces must not overlap.
fn overlap(a: &Node, b: &Node) -> bool {
    a.prefixes().any(|p| {
        b.prefixes()
            .any(|q| p.contains(&q.network()) || q.contains(&p.network()))
    })
}

/// S2S ends on a VPN gateway (or a hub); VNet-to-VNet needs route-based gateways at both ends
/// (R3.2); a VNet connects to a hub by S2S only from a VPN gateway.
fn s2s_carried(_plan: &Plan, from: &Node, to: &Node) -> bool {
    if [from, to]
        .iter()
        .any(|n| n.kind == NodeKind::Vnet && !vpn_deployed(n))
    {
        return false;
    }
    match (from.kind, to.kind) {
        (NodeKind::Vnet, NodeKind::Vnet) => route_based(from) && route_based(to),
        (NodeKind::Vnet, _) => from.vpn_gateway.is_some(),
        (_, NodeKind::Vnet) => to.vpn_gateway.is_some(),
        _ => true,
    }
}

/// P2S needs a route-based gateway with a P2S configuration (R3.2), or a Standard hub with one
/// (R7.1), and a tunnel type the users can use: Basic offers SSTP with certificates only (R4.7),
/// Virtual WAN IKEv2 and OpenVPN only (R7.10), Entra ID works with OpenVPN only (R4.6).
fn p2s_carried(plan: &Plan, link: &Link, to: &Node) -> bool {
    let (config, basic, vwan) = match to.kind {
        NodeKind::Vnet => match &to.vpn_gateway {
            Some(g) if route_based(to) && vpn_deployed(to) => match &g.p2s {
                Some(c) => (c, g.sku == VpnSku::Basic, false),
                None => return false,
            },
            _ => return false,
        },
        _ => match &to.p2s {
            Some(c) if hub_wan(plan, to).1 => (c, false, true),
            _ => return false,
        },
    };
    if !p2s_accepted(config, basic, vwan) {
        return false;
    }
    let offered = |p: Protocol| {
        config.protocols.contains(&p)
            && match p {
                Protocol::Sstp => !vwan,
                _ => !basic,
            }
    };
    let works = |p: Protocol| {
        offered(p)
            && config.auth.iter().any(|a| {
                (!basic || *a == Auth::Certificate) && (*a != Auth::Entra || p == Protocol::Openvpn)
            })
    };
    match link.protocol {
        Some(p) => works(p),
        None => [Protocol::Openvpn, Protocol::Ikev2, Protocol::Sstp]
            .into_iter()
            .any(works),
    }
}

/// Two Azure networks (VNets, hubs) whose regions are in different clouds: no peering (R1.4),
/// VNet-to-VNet (R3.9) or hub connection joins them. Unknown regions are not a cloud.
fn one_cloud(a: &Node, b: &Node) -> bool {
    let azure = |n: &Node| matches!(n.kind, NodeKind::Vnet | NodeKind::VwanHub);
    let cloud = |n: &Node| n.region.as_deref().and_then(clouds::cloud_of);
    !(azure(a) && azure(b)) || cloud(a).zip(cloud(b)).is_none_or(|(x, y)| x == y)
}

/// R6.2: Local reaches the regions of its metro, Standard its geopolitical area, Premium all.
/// Where the location or region is unknown, the connection is taken as in scope; but a circuit
/// at a known (global) peering location never reaches a region of a sovereign cloud or a
/// region name no cloud has.
fn in_scope(circuit: &Node, target: &Node) -> bool {
    let loc = circuit.location.as_deref().and_then(geo::peering_location);
    let named = target.region.as_deref();
    if loc.is_some() && named.is_some_and(|r| clouds::cloud_of(r) != Some(clouds::Cloud::Global)) {
        return false;
    }
    let region = target.region.as_deref().and_then(geo::region);
    let (Some(loc), Some(region)) = (loc, region) else {
        return true;
    };
    match circuit.sku.unwrap_or(ErSku::Standard) {
        ErSku::Premium => true,
        ErSku::Standard => loc.geo == region.geo,
        ErSku::Local => loc.local_regions.contains(&region.name),
    }
}

/// R6.9: not on Local; different peering locations in supported countries; Premium on both
/// across geopolitical areas. Unknown locations are taken as fine.
fn global_reach(a: &Node, b: &Node) -> bool {
    if a.sku == Some(ErSku::Local) || b.sku == Some(ErSku::Local) {
        return false;
    }
    let la = a.location.as_deref().and_then(geo::peering_location);
    let lb = b.location.as_deref().and_then(geo::peering_location);
    let (Some(la), Some(lb)) = (la, lb) else {
        return true;
    };
    let premium = a.sku == Some(ErSku::Premium) && b.sku == Some(ErSku::Premium);
    la.name != lb.name && la.global_reach && lb.global_reach && (la.geo == lb.geo || premium)
}

/// R3.1 and §5: a gateway takes a limited number of tunnels (an AWS connection brings 4, R8.1);
/// connections beyond the limit, in plan order, do not come up. Returns the edges refused.
fn tunnels(plan: &Plan, edges: &[Edge], s2s: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut refused: Vec<usize> = Vec::new();
    for (g, node) in plan.nodes.iter().enumerate() {
        if node.kind != NodeKind::Vnet {
            continue;
        }
        let limit = tunnel_limit(node);
        let mut used = 0u32;
        for &(e, a, b) in s2s {
            if (a != g && b != g) || refused.contains(&e) {
                continue;
            }
            let other = &plan.nodes[edges[e].other(g)];
            used += if other.provider.as_deref() == Some("aws") {
                4
            } else {
                1
            };
            if used > limit {
                refused.push(e);
            }
        }
    }
    refused
}

/// Connections no link names: the mesh of Standard hubs in one virtual WAN (R7.2; Basic hubs
/// are not meshed, R7.1), and the Azure backbone from every VNet to the internet and
/// Microsoft's services, and from the internet to Microsoft's services (R3.19, R6.13).
fn implicit(plan: &Plan, edges: &mut Vec<Edge>) {
    let nodes = &plan.nodes;
    for (h1, n1) in nodes.iter().enumerate() {
        for (h2, n2) in nodes.iter().enumerate().skip(h1 + 1) {
            if n1.kind != NodeKind::VwanHub || n2.kind != NodeKind::VwanHub {
                continue;
            }
            let (w1, standard, _) = hub_wan(plan, n1);
            if w1.is_some() && w1 == hub_wan(plan, n2).0 && standard {
                edges.push(Edge::new(Kind::Mesh, h1, h2));
            }
        }
    }
    for (p, np) in nodes.iter().enumerate() {
        if !matches!(np.kind, NodeKind::Microsoft | NodeKind::Internet) {
            continue;
        }
        for (v, nv) in nodes.iter().enumerate() {
            let internet_to_ms = np.kind == NodeKind::Microsoft && nv.kind == NodeKind::Internet;
            // R7.6: a Standard hub with a firewall and routing intent for internet traffic.
            let intent_hub = nv.kind == NodeKind::VwanHub
                && nv.firewall.is_some()
                && nv.routing_intent.is_some_and(|r| r.internet)
                && hub_wan(plan, nv).1;
            if nv.kind == NodeKind::Vnet || internet_to_ms || intent_hub {
                edges.push(Edge::new(Kind::Backbone, v, p));
            }
        }
    }
}
