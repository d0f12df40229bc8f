//! The symmetry the fast matrix shares answers over: endpoints that attach the same way, and
//! the connections of a node that lead the same way.
//!
//! [`transit::hop`] decides a hop at a node from what it sees locally: the node's facts, the
//! view of the connection traffic arrived on and of the one it would leave by (kind, direction,
//! effective flags), the facts of the nodes at their other ends and the ingress. So at a node,
//! connections with the same view to nodes with the same [`Facts`] form a *group*: hops over any
//! two members are decided alike, given whether the member leads back to the node the traffic
//! came from (the search asks once for each).
//!
//! Two endpoints are *twins* when they have the same facts and the same carried connections
//! (same view) to the same neighbours. Swapping two twins maps the network onto itself without
//! changing any decision, so a twin reaches every node outside its class exactly when its twin
//! does, and within a class either every member reaches every other one or none does: one
//! search per class answers for all its members.
//!
//! What [`Facts`] holds is what `transit` reads of a node for an `Allow`; if a rule starts to
//! read another field, it belongs there. The property tests compare the grouped matrix with one
//! where every endpoint and every connection stands alone.
//!
//! [`transit::hop`]: super::super::transit::hop

use std::collections::HashMap;

use super::super::model::{ErSku, LinkKind, NodeKind, VpnSku, VpnType};
use super::super::topology::{private_only, ConnKind, Net};

/// What the rules see of a connection from one of its ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct View {
    kind: ConnKind,
    /// The node looking is the connection's `a` end (`from` in the plan).
    from_end: bool,
    bgp: bool,
    uses_remote: bool,
    via_firewall: bool,
    forwarded: bool,
}

fn view(net: &Net, c: usize, at: usize) -> View {
    let conn = &net.conns[c];
    View {
        kind: conn.kind,
        from_end: conn.a == at,
        bgp: conn.bgp,
        uses_remote: conn.uses_remote,
        via_firewall: conn.via_firewall,
        forwarded: conn.forwarded,
    }
}

/// VPN gateway facts: SKU, Basic, policy-based, BGP, active-active, ASN.
type VpnKey = (VpnSku, bool, bool, bool, bool, u32);

/// What the rules see of a node itself: its kind, the facts `topology` derives (gateways,
/// firewall, Route Server, hub settings), and the plain fields a rule could read (circuit SKU
/// and location, provider).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Facts<'p> {
    kind: NodeKind,
    vpn: Option<VpnKey>,
    er: Option<bool>,
    firewall: bool,
    route_server: Option<bool>,
    hub: (Option<usize>, bool, bool),
    sku: Option<ErSku>,
    location: Option<&'p str>,
    provider: Option<&'p str>,
    /// A site's VPN device type (a policy-based device gives no transit, R1.13).
    vpn_device: Option<VpnType>,
    /// The address space is all private (Microsoft peering refuses it, R6.1).
    private_only: bool,
    /// Users with a carried internet link (split tunnel: no internet through the VPN, R3.19).
    split_tunnel: bool,
}

fn facts(net: &Net, n: usize) -> Facts<'_> {
    let v = net.vnets[n];
    let h = net.hubs[n];
    let node = net.node(n);
    Facts {
        kind: node.kind,
        sku: node.sku,
        location: node.location.as_deref(),
        provider: node.provider.as_deref(),
        vpn_device: node.vpn_device,
        private_only: private_only(node),
        split_tunnel: net.adj[n].iter().any(|&(c, _)| {
            net.conns[c].kind == ConnKind::Link(LinkKind::Internet) && carried(net, c)
        }),
        vpn: v.vpn.map(|g| {
            (
                g.sku,
                g.basic,
                g.policy_based,
                g.bgp,
                g.active_active,
                g.asn,
            )
        }),
        er: v.er,
        firewall: v.firewall,
        route_server: v.route_server,
        hub: (h.wan, h.standard, h.branch_to_branch),
    }
}

/// Whether a connection is carried (only carried connections take part in a 0-violation trace).
pub(super) fn carried(net: &Net, c: usize) -> bool {
    net.conns[c].refused.is_none()
}

/// A number per node for its [`Facts`]: nodes with equal facts share it. With `group` false,
/// every node has its own. Complexity: O(V) hashing.
pub(super) fn fact_ids(net: &Net, group: bool) -> Vec<u32> {
    let mut ids: HashMap<Facts, u32> = HashMap::new();
    (0..net.plan.nodes.len())
        .map(|n| {
            if !group {
                return n as u32;
            }
            let next = ids.len() as u32;
            *ids.entry(facts(net, n)).or_insert(next)
        })
        .collect()
}

/// The twin class of every endpoint (by endpoint index) and one representative per class.
pub(super) struct Classes {
    /// Class of each endpoint.
    pub of: Vec<u32>,
    /// The representative (smallest endpoint index) of each class.
    pub rep: Vec<u32>,
}

/// Twin classes of the endpoints (`endpoints[i]` is the node of endpoint `i`, `fact` the
/// numbers of [`fact_ids`]). With `group` false, every endpoint is its own class (the reference
/// the grouping is tested against). Complexity: O(E log E) for E the carried connections of the
/// endpoints.
pub(super) fn classes(net: &Net, endpoints: &[usize], fact: &[u32], group: bool) -> Classes {
    let mut ids: HashMap<(u32, Vec<(View, usize)>), u32> = HashMap::new();
    let mut of = Vec::with_capacity(endpoints.len());
    let mut rep = Vec::new();
    for (i, &n) in endpoints.iter().enumerate() {
        if !group {
            of.push(rep.len() as u32);
            rep.push(i as u32);
            continue;
        }
        let mut conns: Vec<(View, usize)> = net.adj[n]
            .iter()
            .filter(|&&(c, _)| carried(net, c))
            .map(|&(c, m)| (view(net, c, n), m))
            .collect();
        conns.sort_unstable();
        let next = rep.len() as u32;
        let class = *ids.entry((fact[n], conns)).or_insert(next);
        if class == next {
            rep.push(i as u32);
        }
        of.push(class);
    }
    Classes { of, rep }
}

/// The carried connections of every node, in groups of connections that lead the same way.
///
/// Group ids are global; the groups of node `n` are `node_start[n]..node_start[n + 1]`, the
/// members of group `g` are the slots `start[g]..start[g + 1]`, sorted by the node they lead
/// to. `side[2 c]` is the group of connection `c` at its `a` end, `side[2 c + 1]` at its `b`
/// end (`NONE` when it is not carried).
pub(super) struct Groups {
    pub node_start: Vec<u32>,
    pub start: Vec<u32>,
    pub conn: Vec<u32>,
    pub other: Vec<u32>,
    pub side: Vec<u32>,
}

/// No group, class or endpoint.
pub(super) const NONE: u32 = u32::MAX;

/// Groups the carried connections of every node by (facts of the other end, view); with
/// `group` false, every connection is a group of its own. Complexity: O(C log C) for C
/// connections.
pub(super) fn groups(net: &Net, fact: &[u32], group: bool) -> Groups {
    let nodes = net.plan.nodes.len();
    let mut g = Groups {
        node_start: Vec::with_capacity(nodes + 1),
        start: Vec::new(),
        conn: Vec::new(),
        other: Vec::new(),
        side: vec![NONE; 2 * net.conns.len()],
    };
    let mut list: Vec<(u32, View, u32, u32, u32)> = Vec::new();
    for n in 0..nodes {
        g.node_start.push(g.start.len() as u32);
        list.clear();
        list.extend(
            net.adj[n]
                .iter()
                .filter(|&&(c, _)| carried(net, c))
                .map(|&(c, m)| {
                    let alone = if group { 0 } else { c as u32 };
                    (fact[m], view(net, c, n), alone, m as u32, c as u32)
                }),
        );
        list.sort_unstable();
        let mut last = None;
        for &(f, v, alone, m, c) in &list {
            if last != Some((f, v, alone)) {
                last = Some((f, v, alone));
                g.start.push(g.conn.len() as u32);
            }
            let group = g.start.len() as u32 - 1;
            let end = usize::from(net.conns[c as usize].b == n);
            g.side[2 * c as usize + end] = group;
            g.conn.push(c);
            g.other.push(m);
        }
    }
    g.node_start.push(g.start.len() as u32);
    g.start.push(g.conn.len() as u32);
    g
}
