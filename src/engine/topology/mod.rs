//! The plan interpreted as a network: which links carry traffic, with their effective settings.
//!
//! A link in the plan is turned into a [`Conn`]: its ends, its effective flags (BGP that the
//! gateway can really run, gateway transit that really takes effect) and, when Azure would not
//! carry it at all, the [`Block`] that says why. Connections the plan implies are added too: the
//! full mesh between Standard Virtual WAN hubs and the Azure backbone from every VNet to
//! Microsoft's services and the internet. This is the only module that uses petgraph; its
//! indices never leave it (node numbers are positions in the plan's `nodes`).

mod circuits;
mod counts;
mod gateways;
mod implicit;
mod links;
mod refused;
mod regions;

pub use circuits::private_only;
pub use gateways::usable_p2s;
pub use refused::Setting;

use crate::engine::catalogue::{Code, Rule};
use std::collections::HashMap;
use std::sync::Arc;

use petgraph::graph::{NodeIndex, UnGraph};

use super::edit::Edit;
use super::geo;
use super::limits;
use super::model::{
    Auth, ErSku, Link, LinkKind, Node, NodeKind, P2sConfig, Plan, Protocol, VpnSku, VpnType,
    WanType,
};
use super::rules::{AssumptionId, Block, Finding, Severity};

/// What kind of connection a [`Conn`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ConnKind {
    /// A link of the plan.
    Link(LinkKind),
    /// The automatic full mesh between two hubs of one Virtual WAN.
    Mesh,
    /// The Azure backbone from a VNet to Microsoft's services or the internet, or the internet
    /// to Microsoft's services.
    Backbone,
}

impl ConnKind {
    /// The name shown in paths (`via`).
    pub fn as_str(self) -> &'static str {
        match self {
            ConnKind::Link(k) => k.as_str(),
            ConnKind::Mesh => "vwan_hub_mesh",
            ConnKind::Backbone => "azure_backbone",
        }
    }
}

/// A connection between two nodes, as the network would carry it.
#[derive(Debug, Clone)]
pub struct Conn {
    /// The kind.
    pub kind: ConnKind,
    /// The `from` end (node number).
    pub a: usize,
    /// The `to` end (node number).
    pub b: usize,
    /// The plan link it comes from.
    pub link: Option<usize>,
    /// Why Azure would not carry it; `None` when it is carried.
    pub refused: Option<Block>,
    /// S2S: BGP really runs on this connection.
    pub bgp: bool,
    /// Peering: `a` uses `b`'s gateways (the flags are set and take effect).
    pub uses_remote: bool,
    /// Peering: `a` sends other private traffic to `b`'s firewall.
    pub via_firewall: bool,
    /// Peering: forwarded traffic is accepted on both sides.
    pub forwarded: bool,
    /// An assumption the connection is carried on.
    pub assumption: Option<AssumptionId>,
    /// Not in the plan: a connection the plan could add (Global Reach between two circuits),
    /// always refused, so that explanations can name it as the fix.
    pub candidate: bool,
}

impl Conn {
    fn new(kind: ConnKind, a: usize, b: usize, link: Option<usize>) -> Conn {
        Conn {
            kind,
            a,
            b,
            link,
            refused: None,
            bgp: false,
            uses_remote: false,
            via_firewall: false,
            forwarded: false,
            assumption: None,
            candidate: false,
        }
    }

    /// The end that is not `n`.
    pub fn other(&self, n: usize) -> usize {
        if self.a == n {
            self.b
        } else {
            self.a
        }
    }

    /// Whether this is a plan link of this kind.
    pub fn is(&self, kind: LinkKind) -> bool {
        self.kind == ConnKind::Link(kind)
    }
}

/// What a VNet's VPN gateway can do.
#[derive(Debug, Clone, Copy)]
pub struct VpnFacts {
    /// The SKU.
    pub sku: VpnSku,
    /// Basic SKU (no BGP, no gateway transit, SSTP only).
    pub basic: bool,
    /// Policy-based (one tunnel, no P2S, no BGP).
    pub policy_based: bool,
    /// BGP can run (route-based, not Basic, not switched off).
    pub bgp: bool,
    /// Active-active.
    pub active_active: bool,
    /// The BGP ASN (65515 unless stated).
    pub asn: u32,
}

/// What a VNet has.
#[derive(Debug, Clone, Copy, Default)]
pub struct VnetFacts {
    /// Its VPN gateway.
    pub vpn: Option<VpnFacts>,
    /// Its ExpressRoute gateway, with whether VNet-to-VNet over ExpressRoute is allowed.
    pub er: Option<bool>,
    /// A firewall or NVA that forwards between peers.
    pub firewall: bool,
    /// A Route Server, with its branch-to-branch setting.
    pub route_server: Option<bool>,
}

impl VnetFacts {
    /// Whether the VNet has any gateway or a Route Server (what gateway transit needs).
    pub fn has_gateway(&self) -> bool {
        self.vpn.is_some() || self.er.is_some() || self.route_server.is_some()
    }
}

/// What a Virtual WAN hub is part of.
#[derive(Debug, Clone, Copy, Default)]
pub struct HubFacts {
    /// Index of its wan in the plan's `wans`.
    pub wan: Option<usize>,
    /// A Standard hub (Basic when false).
    pub standard: bool,
    /// The wan's branch-to-branch setting.
    pub branch_to_branch: bool,
}

/// The network: connections, adjacency and facts, plus the findings made while building it.
#[derive(Debug)]
pub struct Net {
    /// The plan it interprets (shared, so that a prepared network can own it).
    pub plan: Arc<Plan>,
    /// Node number by id.
    pub index: HashMap<String, usize>,
    /// Every connection; plan links first, in plan order.
    pub conns: Vec<Conn>,
    /// For each node, its connections as (connection, other node), in connection order.
    pub adj: Vec<Vec<(usize, usize)>>,
    /// Facts of each node that is a VNet (default for others).
    pub vnets: Vec<VnetFacts>,
    /// Facts of each node that is a hub (default for others).
    pub hubs: Vec<HubFacts>,
    /// Findings about links, gateways and settings.
    pub findings: Vec<Finding>,
    /// Settings Azure refuses to deploy, by node (see `refused`).
    pub refused_settings: HashMap<(usize, Setting), Block>,
    /// For each node, whether it is an ExpressRoute circuit whose peering location supports
    /// Global Reach or is unknown (read once here, not at every hop of every search).
    pub global_reach_location: Vec<bool>,
}

impl Net {
    /// Builds the network of a plan that `format::read_plan` accepted (ids are unique and every
    /// reference resolves; anything else is skipped, never a panic), from a copy of the plan.
    pub fn build(plan: &Plan) -> Net {
        Net::of(Arc::new(plan.clone()))
    }

    /// Builds the network of a shared plan (see [`build`](Net::build)).
    pub fn of(shared: Arc<Plan>) -> Net {
        let plan = &*Arc::clone(&shared);
        let index: HashMap<String, usize> = plan
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.clone(), i))
            .collect();
        let mut net = Net {
            plan: shared,
            index,
            conns: Vec::new(),
            adj: vec![Vec::new(); plan.nodes.len()],
            vnets: plan.nodes.iter().map(vnet_facts).collect(),
            hubs: Vec::new(),
            findings: Vec::new(),
            refused_settings: HashMap::new(),
            global_reach_location: plan
                .nodes
                .iter()
                .map(|n| {
                    n.location
                        .as_deref()
                        .and_then(geo::peering_location)
                        .is_none_or(|l| l.global_reach)
                })
                .collect(),
        };
        net.hubs = plan.nodes.iter().map(|n| net.hub_facts(n)).collect();
        net.check_gateways();
        net.check_regions();
        for (i, link) in plan.links.iter().enumerate() {
            net.add_link(i, link);
        }
        net.check_tunnel_counts();
        net.check_remote_gateway_use();
        net.check_microsoft_peering();
        net.add_implicit();
        net.add_candidates();
        net.adjacency();
        net
    }

    /// The node with this number.
    pub fn node(&self, n: usize) -> &Node {
        &self.plan.nodes[n]
    }

    /// The id of the node with this number.
    pub fn id(&self, n: usize) -> &str {
        &self.plan.nodes[n].id
    }

    fn find(
        &mut self,
        severity: Severity,
        code: Code,
        rule: Option<Rule>,
        message: String,
        nodes: &[usize],
        links: &[usize],
    ) {
        let mut node_ids: Vec<String> = nodes.iter().map(|&n| self.id(n).to_string()).collect();
        super::order::sort(&mut node_ids);
        node_ids.dedup();
        let mut links = links.to_vec();
        super::order::sort_unstable(&mut links);
        links.dedup();
        self.findings.push(Finding {
            severity,
            code,
            message,
            nodes: node_ids,
            links,
            rule,
        });
    }

    fn hub_facts(&mut self, node: &Node) -> HubFacts {
        if node.kind != NodeKind::VwanHub {
            return HubFacts::default();
        }
        let wan = node
            .wan
            .as_deref()
            .and_then(|w| self.plan.wans.iter().position(|x| x.id == w));
        match wan {
            Some(w) => {
                let wan = &self.plan.wans[w];
                HubFacts {
                    wan: Some(w),
                    standard: wan.wan_type == WanType::Standard,
                    branch_to_branch: wan.branch_to_branch.unwrap_or(true),
                }
            }
            None => {
                let n = self.index.get(node.id.as_str()).copied().unwrap_or(0);
                self.find(
                    Severity::Warning,
                    Code::HubWithoutWan,
                    Some(Rule::R7_1),
                    format!(
                        "Virtual WAN hub {} names no virtual WAN; add \"wan\" with the id of an entry of \"wans\". It is analysed as a Standard hub of its own.",
                        node.id
                    ),
                    &[n],
                    &[],
                );
                HubFacts {
                    wan: None,
                    standard: true,
                    branch_to_branch: true,
                }
            }
        }
    }

    fn refuse(&mut self, conn: &mut Conn, block: Block, severity: Severity, nodes: &[usize]) {
        let link = conn.link.map(|l| vec![l]).unwrap_or_default();
        self.find(
            severity,
            block.code,
            Some(block.rule),
            block.reason.clone(),
            nodes,
            &link,
        );
        if conn.refused.is_none() {
            conn.refused = Some(block);
        }
    }

    fn adjacency(&mut self) {
        let mut graph: UnGraph<usize, usize> =
            UnGraph::with_capacity(self.plan.nodes.len(), self.conns.len());
        for n in 0..self.plan.nodes.len() {
            graph.add_node(n);
        }
        for (c, conn) in self.conns.iter().enumerate() {
            graph.add_edge(NodeIndex::new(conn.a), NodeIndex::new(conn.b), c);
        }
        for n in graph.node_indices() {
            let mut list: Vec<(usize, usize)> = graph
                .edges(n)
                .map(|e| {
                    let c = *e.weight();
                    (c, self.conns[c].other(n.index()))
                })
                .collect();
            super::order::sort_unstable(&mut list);
            self.adj[n.index()] = list;
        }
    }

    /// Groups of nodes joined by carried connections (Azure backbone and the public endpoints
    /// left out), as a component number per node.
    pub fn components(&self) -> Vec<usize> {
        let mut uf = petgraph::unionfind::UnionFind::<usize>::new(self.plan.nodes.len());
        for conn in &self.conns {
            if conn.refused.is_none()
                && conn.kind != ConnKind::Backbone
                && !conn.is(LinkKind::Internet)
            {
                uf.union(conn.a, conn.b);
            }
        }
        uf.into_labeling()
    }
}

fn vnet_facts(node: &Node) -> VnetFacts {
    if node.kind != NodeKind::Vnet {
        return VnetFacts::default();
    }
    VnetFacts {
        vpn: node.vpn_gateway.as_ref().map(|gw| {
            let basic = gw.sku == VpnSku::Basic;
            let policy_based = gw.kind() == VpnType::PolicyBased;
            VpnFacts {
                sku: gw.sku,
                basic,
                policy_based,
                bgp: !basic && !policy_based && gw.bgp != Some(false),
                active_active: gw.active_active == Some(true),
                asn: gw.asn.unwrap_or(65515),
            }
        }),
        er: node
            .er_gateway
            .as_ref()
            .map(|g| g.allow_vnet_to_vnet == Some(true)),
        firewall: node.firewall.is_some(),
        route_server: node
            .route_server
            .as_ref()
            .map(|r| r.branch_to_branch == Some(true)),
    }
}

/// Lower-case without spaces, hyphens or underscores, for matching names.
pub fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The first pair of overlapping prefixes of two nodes, if any.
pub fn overlap(a: &Node, b: &Node) -> Option<(ipnet::IpNet, ipnet::IpNet)> {
    for pa in a.prefixes() {
        for pb in b.prefixes() {
            if prefixes_overlap(pa, pb) {
                return Some((pa, pb));
            }
        }
    }
    None
}

/// Whether two prefixes share any address.
pub fn prefixes_overlap(a: ipnet::IpNet, b: ipnet::IpNet) -> bool {
    let (a, b) = (a.trunc(), b.trunc());
    a.contains(&b.network()) || b.contains(&a.network())
}
