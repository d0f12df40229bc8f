//! The plan interpreted as a network: which links carry traffic, with their effective settings.
//!
//! A link in the plan is turned into a [`Conn`]: its ends, its effective flags (BGP that the
//! gateway can really run, gateway transit that really takes effect) and, when Azure would not
//! carry it at all, the [`Block`] that says why. Connections the plan implies are added too: the
//! full mesh between Standard Virtual WAN hubs and the Azure backbone from every VNet to
//! Microsoft's services and the internet. This is the only module that uses petgraph; its
//! indices never leave it (node numbers are positions in the plan's `nodes`).

use std::collections::HashMap;

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
pub struct Net<'p> {
    /// The plan it interprets.
    pub plan: &'p Plan,
    /// Node number by id.
    pub index: HashMap<&'p str, usize>,
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
}

impl<'p> Net<'p> {
    /// Builds the network of a plan that `format::read_plan` accepted (ids are unique and every
    /// reference resolves; anything else is skipped, never a panic).
    pub fn build(plan: &'p Plan) -> Net<'p> {
        let index: HashMap<&str, usize> = plan
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect();
        let mut net = Net {
            plan,
            index,
            conns: Vec::new(),
            adj: vec![Vec::new(); plan.nodes.len()],
            vnets: plan.nodes.iter().map(vnet_facts).collect(),
            hubs: Vec::new(),
            findings: Vec::new(),
        };
        net.hubs = plan.nodes.iter().map(|n| net.hub_facts(n)).collect();
        net.check_gateways();
        for (i, link) in plan.links.iter().enumerate() {
            net.add_link(i, link);
        }
        net.check_tunnel_counts();
        net.check_remote_gateway_use();
        net.add_implicit();
        net.add_candidates();
        net.adjacency();
        net
    }

    /// The node with this number.
    pub fn node(&self, n: usize) -> &'p Node {
        &self.plan.nodes[n]
    }

    /// The id of the node with this number.
    pub fn id(&self, n: usize) -> &'p str {
        &self.plan.nodes[n].id
    }

    fn find(
        &mut self,
        severity: Severity,
        code: &'static str,
        rule: Option<&'static str>,
        message: String,
        nodes: &[usize],
        links: &[usize],
    ) {
        let mut node_ids: Vec<String> = nodes.iter().map(|&n| self.id(n).to_string()).collect();
        node_ids.sort();
        node_ids.dedup();
        let mut links = links.to_vec();
        links.sort_unstable();
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
                    Severity::Error,
                    "hub-without-wan",
                    Some("R7.1"),
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

    /// Gateway configurations Azure refuses or limits, independent of links.
    fn check_gateways(&mut self) {
        let plan = self.plan;
        for (n, node) in plan.nodes.iter().enumerate() {
            if let Some(gw) = &node.vpn_gateway {
                let basic = gw.sku == VpnSku::Basic;
                if gw.kind() == VpnType::PolicyBased && !basic {
                    self.find(
                        Severity::Error,
                        "policy-based-sku",
                        Some("R3.1"),
                        format!(
                            "{}: a policy-based VPN gateway exists only as the Basic SKU, not {}.",
                            node.id, gw.sku
                        ),
                        &[n],
                        &[],
                    );
                }
                if let Some(generation) = gw.generation {
                    if !limits::vpn_sku_exists(gw.sku, generation) {
                        self.find(Severity::Error, "sku-generation", Some("R5.1"),
                            format!("{}: {} does not exist as Generation {generation} (VpnGw4 and VpnGw5 are Generation 2 only).", node.id, gw.sku), &[n], &[]);
                    }
                }
                if gw.bgp == Some(true) && (basic || gw.kind() == VpnType::PolicyBased) {
                    self.find(Severity::Error, "bgp-unsupported", Some("R3.3"),
                        format!("{}: BGP is not available on a {} gateway; its connections run with static routes.", node.id, describe_gw(gw.sku, gw.kind())), &[n], &[]);
                }
                if gw.active_active == Some(true) && (basic || gw.kind() == VpnType::PolicyBased) {
                    self.find(Severity::Error, "active-active-unsupported", Some("R3.8"),
                        format!("{}: active-active needs a route-based VpnGw1 or larger gateway, not {}.", node.id, describe_gw(gw.sku, gw.kind())), &[n], &[]);
                }
                if basic && node.er_gateway.is_some() {
                    self.find(Severity::Error, "basic-er-coexistence", Some("R3.1"),
                        format!("{}: a Basic VPN gateway cannot coexist with an ExpressRoute gateway; use VpnGw1AZ or larger.", node.id), &[n], &[]);
                }
                if matches!(
                    gw.sku,
                    VpnSku::VpnGw1
                        | VpnSku::VpnGw2
                        | VpnSku::VpnGw3
                        | VpnSku::VpnGw4
                        | VpnSku::VpnGw5
                ) {
                    self.find(Severity::Info, "non-az-sku", Some("R5.1"),
                        format!("{}: non-AZ SKU {} is slated for migration to {}AZ; use the AZ SKU for new gateways.", node.id, gw.sku, gw.sku), &[n], &[]);
                }
                if let Some(p2s) = &gw.p2s {
                    if gw.kind() == VpnType::PolicyBased {
                        self.find(Severity::Error, "p2s-policy-based", Some("R3.2"),
                            format!("{}: point-to-site needs a route-based gateway; a policy-based gateway has no P2S.", node.id), &[n], &[]);
                    } else {
                        self.check_p2s_config(n, p2s, basic, false);
                    }
                }
            }
            if let Some(rs) = &node.route_server {
                if rs.branch_to_branch == Some(true) {
                    if let Some(gw) = &node.vpn_gateway {
                        let asn = gw.asn.unwrap_or(65515);
                        if gw.active_active != Some(true) || asn != 65515 {
                            self.find(Severity::Error, "route-server-vpn-gateway", Some("R2.7"),
                                format!("{}: Route Server branch-to-branch needs the VPN gateway active-active with ASN 65515 (it is {}, ASN {asn}); ExpressRoute and S2S do not exchange routes until then.",
                                    node.id, if gw.active_active == Some(true) { "active-active" } else { "active-standby" }), &[n], &[]);
                        }
                    }
                }
            }
            if node.kind == NodeKind::VwanHub && !self.hubs[n].standard {
                if node.p2s.is_some() {
                    self.find(Severity::Error, "basic-vwan-p2s", Some("R7.1"),
                        format!("{}: a Basic Virtual WAN hub has no User VPN (P2S); upgrade the virtual WAN to Standard.", node.id), &[n], &[]);
                }
                if node.firewall.is_some() || node.routing_intent.is_some() {
                    self.find(Severity::Error, "basic-vwan-firewall", Some("R7.1"),
                        format!("{}: Azure Firewall and routing intent need a Standard Virtual WAN hub.", node.id), &[n], &[]);
                }
            }
            if node.kind == NodeKind::VwanHub && self.hubs[n].standard {
                if let Some(p2s) = &node.p2s {
                    self.check_p2s_config(n, p2s, false, true);
                }
            }
        }
    }

    fn check_p2s_config(&mut self, n: usize, p2s: &P2sConfig, basic: bool, vwan: bool) {
        let id = self.id(n).to_string();
        let has = |p: Protocol| p2s.protocols.contains(&p);
        if has(Protocol::Sstp) && has(Protocol::Openvpn) {
            self.find(Severity::Error, "sstp-with-openvpn", Some("R4.5"),
                format!("{id}: SSTP and OpenVPN cannot be offered together (both are TLS); choose IKEv2 + SSTP or IKEv2 + OpenVPN."), &[n], &[]);
        }
        if p2s.auth.contains(&Auth::Entra) && !has(Protocol::Openvpn) {
            self.find(Severity::Error, "entra-without-openvpn", Some("R4.6"),
                format!("{id}: Entra ID authentication works only with the OpenVPN tunnel type; add openvpn to the protocols."), &[n], &[]);
        }
        if basic {
            let bad: Vec<String> = p2s
                .protocols
                .iter()
                .filter(|p| **p != Protocol::Sstp)
                .map(|p| p.to_string())
                .collect();
            if !bad.is_empty() {
                self.find(Severity::Error, "basic-p2s-protocol", Some("R4.7"),
                    format!("{id}: the Basic SKU offers P2S over SSTP only, not {}; use VpnGw1AZ or larger.", bad.join(" or ")), &[n], &[]);
            }
            let bad: Vec<String> = p2s
                .auth
                .iter()
                .filter(|a| **a != Auth::Certificate)
                .map(|a| a.to_string())
                .collect();
            if !bad.is_empty() {
                self.find(
                    Severity::Error,
                    "basic-p2s-auth",
                    Some("R4.7"),
                    format!(
                        "{id}: the Basic SKU authenticates P2S with certificates only, not {}.",
                        bad.join(" or ")
                    ),
                    &[n],
                    &[],
                );
            }
        }
        if vwan && has(Protocol::Sstp) {
            self.find(
                Severity::Error,
                "vwan-p2s-sstp",
                Some("R7.10"),
                format!("{id}: Virtual WAN User VPN offers IKEv2 and OpenVPN only, not SSTP."),
                &[n],
                &[],
            );
        }
        if p2s.protocols.is_empty() {
            self.find(Severity::Error, "p2s-no-protocol", Some("R4.6"),
                format!("{id}: the P2S configuration offers no tunnel type; add openvpn, ikev2 or sstp."), &[n], &[]);
        }
    }

    /// The P2S protocols and auth that really work on node `n`'s gateway or hub.
    fn usable_p2s(&self, n: usize) -> Option<(Vec<Protocol>, Vec<Auth>)> {
        let node = self.node(n);
        let (config, basic, vwan) = match node.kind {
            NodeKind::Vnet => {
                let gw = node.vpn_gateway.as_ref()?;
                (gw.p2s.as_ref()?, gw.sku == VpnSku::Basic, false)
            }
            NodeKind::VwanHub => (node.p2s.as_ref()?, false, true),
            _ => return None,
        };
        let protocols = config
            .protocols
            .iter()
            .copied()
            .filter(|p| if *p == Protocol::Sstp { !vwan } else { !basic })
            .collect();
        let auth = config
            .auth
            .iter()
            .copied()
            .filter(|a| !(basic && *a != Auth::Certificate))
            .collect();
        Some((protocols, auth))
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

    fn add_link(&mut self, i: usize, link: &'p Link) {
        let (Some(&a), Some(&b)) = (
            self.index.get(link.from.as_str()),
            self.index.get(link.to.as_str()),
        ) else {
            return;
        };
        if a == b {
            self.find(
                Severity::Error,
                "self-link",
                None,
                format!(
                    "Link {} joins {} to itself; it is ignored.",
                    link.label(),
                    link.from
                ),
                &[a],
                &[i],
            );
            return;
        }
        let mut conn = Conn::new(ConnKind::Link(link.kind), a, b, Some(i));
        let (from_kinds, to_kinds) = link.kind.ends();
        let (ka, kb) = (self.node(a).kind, self.node(b).kind);
        if !from_kinds.contains(&ka) || !to_kinds.contains(&kb) {
            let block = Block::new(
                "R1.1",
                "link-kind-not-allowed",
                format!(
                    "A {} link cannot join a {ka} to a {kb}: it goes from {} to {}.",
                    link.kind,
                    kinds(from_kinds),
                    kinds(to_kinds)
                ),
                Some(format!(
                    "Replace link {} with a kind that joins a {ka} and a {kb}.",
                    link.label()
                )),
            );
            let rule = rule_for_kind(link.kind);
            let block = Block { rule, ..block };
            self.refuse(&mut conn, block, Severity::Error, &[a, b]);
            self.conns.push(conn);
            return;
        }
        match link.kind {
            LinkKind::Peering => self.peering(&mut conn, link),
            LinkKind::S2s => self.s2s(&mut conn, link),
            LinkKind::P2s => self.p2s(&mut conn, link),
            LinkKind::ErConnection => self.er_connection(&mut conn),
            LinkKind::GlobalReach => self.global_reach(&mut conn),
            LinkKind::ErPrivate => self.er_private(&mut conn),
            LinkKind::VwanConnection => self.vwan_connection(&mut conn),
            LinkKind::ErMicrosoft => self.er_microsoft(&mut conn),
            LinkKind::Internet => {}
            LinkKind::Bastion | LinkKind::AppGateway | LinkKind::VirtualDesktop => {
                self.limited_access(&mut conn, link)
            }
        }
        self.conns.push(conn);
    }

    fn peering(&mut self, conn: &mut Conn, link: &Link) {
        let (a, b) = (conn.a, conn.b);
        conn.forwarded = link.allow_forwarded_traffic == Some(true);
        conn.via_firewall = link.route_via_firewall == Some(true) && self.vnets[b].firewall;
        if link.route_via_firewall == Some(true) && !self.vnets[b].firewall {
            self.find(Severity::Error, "route-via-missing-firewall", Some("R2.3"),
                format!("Peering {}: {} routes traffic to {}'s firewall, but {} has none; add a firewall to {} or clear route_via_firewall.",
                    link.label(), link.from, link.to, link.to, link.to), &[a, b], &conn.link.into_iter().collect::<Vec<_>>());
        }
        if let Some((pa, pb)) = overlap(self.node(a), self.node(b)) {
            let block = Block::new("R1.2", "peering-overlap",
                format!("{} ({pa}) and {} ({pb}) have overlapping address spaces, so Azure refuses to peer them.", link.from, link.to),
                Some(format!("Renumber {} or {} so that their address spaces do not overlap.", link.from, link.to)));
            self.refuse(conn, block, Severity::Error, &[a, b]);
        }
        if link.allow_gateway_transit == Some(true)
            && !self.vnets[b].has_gateway()
            && link.use_remote_gateways != Some(true)
        {
            self.find(Severity::Warning, "gateway-transit-without-gateway", Some("R1.5"),
                format!("Peering {}: allow_gateway_transit is set but {} has no gateway or Route Server, so it does nothing.", link.label(), link.to),
                &[b], &conn.link.into_iter().collect::<Vec<_>>());
        }
        if link.use_remote_gateways == Some(true) {
            let l: Vec<usize> = conn.link.into_iter().collect();
            if self.vnets[a].has_gateway() {
                self.find(Severity::Error, "remote-gateway-with-own-gateway", Some("R1.5"),
                    format!("Peering {}: {} has its own gateway, so it cannot use {}'s gateways (use_remote_gateways is not allowed).", link.label(), link.from, link.to), &[a, b], &l);
            } else if !self.vnets[b].has_gateway() {
                self.find(Severity::Error, "remote-gateway-missing", Some("R1.5"),
                    format!("Peering {}: use_remote_gateways is set but {} has no gateway or Route Server to use.", link.label(), link.to), &[a, b], &l);
            } else if link.allow_gateway_transit != Some(true) {
                self.find(Severity::Error, "gateway-transit-not-allowed", Some("R1.5"),
                    format!("Peering {}: {} wants to use {}'s gateways, but the peering does not allow gateway transit; set allow_gateway_transit.", link.label(), link.from, link.to), &[a, b], &l);
            } else {
                conn.uses_remote = true;
                if self.vnets[b].vpn.is_some_and(|v| v.basic) {
                    self.find(Severity::Error, "basic-gateway-transit", Some("R1.7"),
                        format!("Peering {}: gateway transit is not available with the Basic VPN gateway of {}; {} gets no VPN connectivity through it.", link.label(), link.to, link.from), &[a, b], &l);
                }
            }
        }
    }

    fn s2s(&mut self, conn: &mut Conn, link: &Link) {
        let (a, b) = (conn.a, conn.b);
        let to = self.node(b);
        if to.kind == NodeKind::Vnet {
            let Some(gw) = self.vnets[b].vpn else {
                let block = Block::new("R3.2", "gateway-missing",
                    format!("{} has no VPN gateway, so the S2S connection from {} has nothing to end on.", link.to, link.from),
                    Some(format!("Add a route-based VPN gateway (e.g. VpnGw1AZ) to {}.", link.to)));
                self.refuse(conn, block, Severity::Error, &[a, b]);
                return;
            };
            let from = self.node(a);
            if from.kind == NodeKind::Vnet {
                match self.vnets[a].vpn {
                    None => {
                        let block = Block::new("R3.2", "gateway-missing",
                            format!("{} has no VPN gateway, so it cannot make a VNet-to-VNet connection to {}.", link.from, link.to),
                            Some(format!("Add a route-based VPN gateway to {}, or peer the two VNets instead.", link.from)));
                        self.refuse(conn, block, Severity::Error, &[a, b]);
                        return;
                    }
                    Some(ga) if ga.policy_based || gw.policy_based => {
                        let which = if gw.policy_based {
                            &link.to
                        } else {
                            &link.from
                        };
                        let block = Block::new("R3.2", "vnet-to-vnet-policy-based",
                            format!("VNet-to-VNet needs route-based gateways at both ends; {which}'s gateway is policy-based."),
                            Some(format!("Replace {which}'s gateway with a route-based VpnGw1AZ, or peer the VNets.")));
                        self.refuse(conn, block, Severity::Error, &[a, b]);
                        return;
                    }
                    Some(_) => {}
                }
            }
            let bgp_both =
                gw.bgp && (from.kind != NodeKind::Vnet || self.vnets[a].vpn.is_some_and(|v| v.bgp));
            if link.bgp == Some(true) {
                if bgp_both {
                    conn.bgp = true;
                } else {
                    let gw_node = if gw.bgp { &link.from } else { &link.to };
                    self.find(Severity::Warning, "bgp-not-running", Some("R3.3"),
                        format!("S2S {} asks for BGP, but the gateway of {gw_node} cannot run it (Basic, policy-based or BGP off); the connection uses static routes.", link.label()),
                        &[a, b], &conn.link.into_iter().collect::<Vec<_>>());
                }
            }
            if from.kind == NodeKind::Cloud
                && from.provider.as_deref() == Some("aws")
                && (!gw.active_active || !conn.bgp)
            {
                self.find(Severity::Warning, "aws-pattern", Some("R8.1"),
                    format!("{}: the documented AWS pattern uses an active-active Azure gateway with BGP (4 tunnels to two AWS customer gateways); {} is {}{}.",
                        link.from, link.to, if gw.active_active { "active-active" } else { "active-standby" }, if conn.bgp { "" } else { " without BGP" }),
                    &[a, b], &conn.link.into_iter().collect::<Vec<_>>());
            }
            if from.kind == NodeKind::Cloud && from.provider.as_deref() == Some("gcp") {
                conn.assumption = Some(AssumptionId::GcpRequirements);
            }
        } else {
            // A Virtual WAN hub's S2S VPN gateway: BGP or static both propagate in the hub.
            conn.bgp = link.bgp == Some(true);
            if self.node(a).kind == NodeKind::Vnet && self.vnets[a].vpn.is_none() {
                let block = Block::new("R3.2", "gateway-missing",
                    format!("{} has no VPN gateway, so it cannot connect to hub {} by S2S; use a vwan_connection instead.", link.from, link.to),
                    Some(format!("Replace the link with a vwan_connection from {} to {}.", link.from, link.to)));
                self.refuse(conn, block, Severity::Error, &[a, b]);
            }
        }
    }

    fn p2s(&mut self, conn: &mut Conn, link: &Link) {
        let (a, b) = (conn.a, conn.b);
        let to = self.node(b);
        if to.kind == NodeKind::Vnet {
            let Some(gw) = &to.vpn_gateway else {
                let block = Block::new(
                    "R3.2",
                    "gateway-missing",
                    format!(
                        "{} has no VPN gateway, so users {} have nothing to connect to.",
                        link.to, link.from
                    ),
                    Some(format!(
                        "Add a route-based VPN gateway with a P2S configuration to {}.",
                        link.to
                    )),
                );
                self.refuse(conn, block, Severity::Error, &[a, b]);
                return;
            };
            if gw.kind() == VpnType::PolicyBased {
                let block = Block::new("R3.1", "p2s-policy-based",
                    format!("{}'s gateway is policy-based, and point-to-site needs a route-based gateway.", link.to),
                    Some(format!("Replace {}'s gateway with a route-based VpnGw1AZ (the type cannot be changed in place).", link.to)));
                conn.refused = Some(block);
                return;
            }
            if gw.p2s.is_none() {
                let block = Block::new(
                    "R3.2",
                    "p2s-not-configured",
                    format!(
                        "{}'s VPN gateway has no point-to-site configuration.",
                        link.to
                    ),
                    Some(format!(
                        "Add a p2s configuration (protocols, auth, address pool) to {}'s gateway.",
                        link.to
                    )),
                );
                self.refuse(conn, block, Severity::Error, &[a, b]);
                return;
            }
        } else {
            if !self.hubs[b].standard {
                let block = Block::new(
                    "R7.1",
                    "basic-vwan-p2s",
                    format!(
                        "Hub {} is in a Basic virtual WAN, which has no User VPN (point-to-site).",
                        link.to
                    ),
                    Some("Upgrade the virtual WAN to Standard.".to_string()),
                );
                conn.refused = Some(block);
                return;
            }
            if to.p2s.is_none() {
                let block = Block::new(
                    "R7.10",
                    "p2s-not-configured",
                    format!("Hub {} has no User VPN (p2s) configuration.", link.to),
                    Some(format!("Add a p2s configuration to hub {}.", link.to)),
                );
                self.refuse(conn, block, Severity::Error, &[a, b]);
                return;
            }
        }
        let Some((protocols, auth)) = self.usable_p2s(b) else {
            return;
        };
        let basic = to
            .vpn_gateway
            .as_ref()
            .is_some_and(|g| g.sku == VpnSku::Basic);
        let works = |p: Protocol| {
            protocols.contains(&p)
                && auth
                    .iter()
                    .any(|a| *a != Auth::Entra || p == Protocol::Openvpn)
        };
        let usable = match link.protocol {
            Some(p) => works(p),
            None => protocols.iter().any(|p| works(*p)),
        };
        if !usable {
            let (rule, what, fix) = if basic {
                ("R4.7", "the Basic SKU offers P2S over SSTP with certificate authentication only".to_string(),
                 format!("Upgrade {}'s gateway to VpnGw1AZ or larger, or have the users connect with SSTP and certificates.", link.to))
            } else if to.kind == NodeKind::VwanHub && link.protocol == Some(Protocol::Sstp) {
                (
                    "R7.10",
                    "Virtual WAN User VPN offers IKEv2 and OpenVPN only".to_string(),
                    "Move the users to OpenVPN or IKEv2.".to_string(),
                )
            } else if let Some(p) = link.protocol.filter(|p| !protocols.contains(p)) {
                (
                    "R4.5",
                    format!("the gateway does not offer {p}"),
                    format!(
                        "Add {} to the P2S protocols of {}, or change the users' protocol.",
                        p.as_str(),
                        link.to
                    ),
                )
            } else {
                ("R4.6", "no offered authentication works with that tunnel type (Entra ID needs OpenVPN)".to_string(),
                 format!("Add openvpn to {}'s P2S protocols, or add certificate or RADIUS authentication.", link.to))
            };
            let proto = link
                .protocol
                .map(|p| format!(" over {p}"))
                .unwrap_or_default();
            let block = Block::new(
                rule,
                "p2s-protocol-unavailable",
                format!(
                    "Users {} cannot connect to {}{proto}: {what}.",
                    link.from, link.to
                ),
                Some(fix),
            );
            self.refuse(conn, block, Severity::Error, &[a, b]);
        }
    }

    fn circuit_scope(
        &mut self,
        circuit: usize,
        target: usize,
    ) -> Result<Option<AssumptionId>, Block> {
        let c = self.node(circuit);
        let t = self.node(target);
        let sku = c.sku.unwrap_or(ErSku::Standard);
        let location = c.location.as_deref().and_then(geo::peering_location);
        let region = t.region.as_deref().and_then(geo::region);
        let (Some(location), Some(region)) = (location, region) else {
            return Ok(Some(AssumptionId::UnknownLocation));
        };
        match sku {
            ErSku::Premium => Ok(None),
            ErSku::Standard if location.geo == region.geo => Ok(None),
            ErSku::Standard => Err(Block::new(
                "R6.2",
                "circuit-scope",
                format!(
                    "Standard circuit {} at {} reaches the regions of {} only; {} is in {} ({}).",
                    c.id,
                    location.name,
                    location.geo.as_str(),
                    t.id,
                    region.display,
                    region.geo.as_str()
                ),
                Some(format!(
                    "Upgrade circuit {} to the Premium SKU, or link a VNet in {}.",
                    c.id,
                    location.geo.as_str()
                )),
            )
            .with_edit(Some(Edit::SetCircuitSku {
                node: c.id.clone(),
                sku: ErSku::Premium,
            }))),
            ErSku::Local if location.local_regions.contains(&region.name) => Ok(None),
            ErSku::Local => {
                let locals: Vec<&str> = location
                    .local_regions
                    .iter()
                    .filter_map(|r| geo::region(r).map(|x| x.display))
                    .collect();
                let covers = if locals.is_empty() {
                    "no region (Local is not offered there)".to_string()
                } else {
                    locals.join(" and ")
                };
                Err(Block::new(
                    "R6.2",
                    "circuit-scope",
                    format!(
                        "Local circuit {} at {} reaches only {covers}; {} is in {}.",
                        c.id, location.name, t.id, region.display
                    ),
                    Some(format!(
                        "Upgrade circuit {} to Standard (or Premium), or link a VNet in {covers}.",
                        c.id
                    )),
                )
                .with_edit(Some(Edit::SetCircuitSku {
                    node: c.id.clone(),
                    sku: if location.geo == region.geo {
                        ErSku::Standard
                    } else {
                        ErSku::Premium
                    },
                })))
            }
        }
    }

    fn er_connection(&mut self, conn: &mut Conn) {
        let (c, t) = (conn.a, conn.b);
        let target = self.node(t);
        if target.kind == NodeKind::Vnet && self.vnets[t].er.is_none() {
            let block = Block::new(
                "R6.1",
                "gateway-missing",
                format!(
                    "{} has no ExpressRoute gateway, so circuit {} cannot connect to it.",
                    target.id,
                    self.id(c)
                ),
                Some(format!(
                    "Add an ExpressRoute gateway (e.g. ErGw1AZ) to {}.",
                    target.id
                )),
            );
            self.refuse(conn, block, Severity::Error, &[c, t]);
            return;
        }
        if target.kind == NodeKind::VwanHub && !self.hubs[t].standard {
            let block = Block::new(
                "R7.1",
                "basic-vwan-expressroute",
                format!(
                    "Hub {} is in a Basic virtual WAN, which has no ExpressRoute.",
                    target.id
                ),
                Some("Upgrade the virtual WAN to Standard.".to_string()),
            );
            self.refuse(conn, block, Severity::Error, &[c, t]);
            return;
        }
        match self.circuit_scope(c, t) {
            Ok(assumption) => conn.assumption = assumption,
            Err(block) => self.refuse(conn, block, Severity::Error, &[c, t]),
        }
    }

    fn global_reach(&mut self, conn: &mut Conn) {
        let (a, b) = (conn.a, conn.b);
        match self.global_reach_check(a, b) {
            Ok(assumption) => conn.assumption = assumption,
            Err(block) => self.refuse(conn, block, Severity::Error, &[a, b]),
        }
    }

    /// Whether Global Reach between circuits `a` and `b` is possible (R6.9).
    fn global_reach_check(&self, a: usize, b: usize) -> Result<Option<AssumptionId>, Block> {
        let (ca, cb) = (self.node(a), self.node(b));
        if let Some(local) = [ca, cb].into_iter().find(|c| c.sku == Some(ErSku::Local)) {
            return Err(Block::new(
                "R6.9",
                "global-reach-local",
                format!(
                    "Circuit {} is a Local circuit, and Global Reach is not available on Local.",
                    local.id
                ),
                Some(format!(
                    "Upgrade circuit {} to Standard or Premium.",
                    local.id
                )),
            )
            .with_edit(Some(Edit::SetCircuitSku {
                node: local.id.clone(),
                sku: ErSku::Standard,
            })));
        }
        let la = ca.location.as_deref().and_then(geo::peering_location);
        let lb = cb.location.as_deref().and_then(geo::peering_location);
        let (Some(la), Some(lb)) = (la, lb) else {
            return Ok(Some(AssumptionId::UnknownLocation));
        };
        if la.name == lb.name {
            return Err(Block::new("R6.9", "global-reach-same-location",
                format!("Circuits {} and {} are both at {}; Global Reach joins circuits at different peering locations.", ca.id, cb.id, la.name),
                Some("Connect the two on-premises networks through your own WAN at that location, or use a circuit at another peering location.".to_string())));
        }
        if !la.global_reach || !lb.global_reach {
            let (l, c) = if la.global_reach {
                (lb, &cb.id)
            } else {
                (la, &ca.id)
            };
            return Err(Block::new(
                "R6.9",
                "global-reach-unsupported-location",
                format!("Global Reach is not supported at {} (circuit {c}).", l.name),
                Some(
                    "Use a circuit at a peering location in a country that supports Global Reach."
                        .to_string(),
                ),
            ));
        }
        if la.geo != lb.geo && (ca.sku != Some(ErSku::Premium) || cb.sku != Some(ErSku::Premium)) {
            let not: Vec<&str> = [ca, cb]
                .iter()
                .filter(|c| c.sku != Some(ErSku::Premium))
                .map(|c| c.id.as_str())
                .collect();
            return Err(Block::new("R6.9", "global-reach-geo",
                format!("Circuits {} ({}) and {} ({}) are in different geopolitical areas; Global Reach between them needs Premium on both.", ca.id, la.geo.as_str(), cb.id, lb.geo.as_str()),
                Some(format!("Upgrade {} to Premium.", not.join(" and ")))));
        }
        Ok(None)
    }

    fn er_private(&mut self, conn: &mut Conn) {
        let (s, c) = (conn.a, conn.b);
        let site = self.node(s);
        if site.kind == NodeKind::Cloud && site.provider.as_deref() == Some("oci") {
            let circuit = self.node(c);
            let location = circuit.location.as_deref().and_then(geo::peering_location);
            let ok = geo::OCI_INTERCONNECT.iter().any(|(azure, oci)| {
                let near_region = site.region.as_deref().is_some_and(|r| norm(r) == norm(oci));
                let near_location = location
                    .is_some_and(|l| l.local_regions.contains(azure) || norm(l.name) == norm(oci));
                near_region || near_location
            });
            if !ok {
                self.find(Severity::Warning, "oci-interconnect-location", Some("R8.4"),
                    format!("The Azure–OCI interconnect exists only where the ExpressRoute peering location is at or near an OCI FastConnect location (12 region pairs, e.g. West Europe–Amsterdam); {} at {} with OCI region {} is not one of them.",
                        circuit.id, circuit.location.as_deref().unwrap_or("an unknown location"), site.region.as_deref().unwrap_or("unknown")),
                    &[s, c], &conn.link.into_iter().collect::<Vec<_>>());
            }
        }
    }

    fn er_microsoft(&mut self, conn: &mut Conn) {
        let c = conn.a;
        if self.node(c).sku != Some(ErSku::Premium) {
            let id = self.id(c).to_string();
            self.find(Severity::Info, "microsoft-peering-m365", Some("R6.2"),
                format!("Microsoft peering on {id} reaches Azure PaaS and public services; Microsoft 365 over ExpressRoute needs a Premium circuit and Microsoft's approval."),
                &[c], &conn.link.into_iter().collect::<Vec<_>>());
        }
    }

    fn vwan_connection(&mut self, conn: &mut Conn) {
        let v = conn.a;
        if self.vnets[v].route_server.is_some() {
            let id = self.id(v).to_string();
            self.find(
                Severity::Error,
                "route-server-vwan-spoke",
                Some("R7.12"),
                format!(
                    "{id} is connected to a Virtual WAN hub and so cannot host a Route Server."
                ),
                &[v, conn.b],
                &conn.link.into_iter().collect::<Vec<_>>(),
            );
        }
        if self.vnets[v].vpn.is_some() || self.vnets[v].er.is_some() {
            conn.assumption = Some(AssumptionId::VwanSpokeGateway);
        }
    }

    fn limited_access(&mut self, conn: &mut Conn, link: &Link) {
        let t = conn.b;
        let node = self.node(t);
        let (present, what) = match link.kind {
            LinkKind::Bastion => (node.bastion.is_some(), "an Azure Bastion"),
            LinkKind::AppGateway => (node.app_gateway.is_some(), "an Application Gateway"),
            _ => (
                node.virtual_desktop.is_some(),
                "Azure Virtual Desktop session hosts",
            ),
        };
        if !present {
            let block = Block::new(
                "R9.1",
                "gateway-missing",
                format!(
                    "{} has no {what}, so the {} link from {} leads nowhere.",
                    node.id, link.kind, link.from
                ),
                Some(format!("Add {what} to {}.", node.id)),
            );
            let rule = if link.kind == LinkKind::AppGateway {
                "R9.3"
            } else {
                "R9.1"
            };
            self.refuse(conn, Block { rule, ..block }, Severity::Error, &[conn.a, t]);
        }
    }

    /// Tunnel limits per gateway and hub; the connections over the limit are not carried.
    fn check_tunnel_counts(&mut self) {
        for g in 0..self.plan.nodes.len() {
            let node = self.node(g);
            let s2s: Vec<usize> = (0..self.conns.len())
                .filter(|&c| {
                    self.conns[c].is(LinkKind::S2s)
                        && self.conns[c].refused.is_none()
                        && (self.conns[c].b == g || self.conns[c].a == g)
                })
                .collect();
            if node.kind == NodeKind::VwanHub {
                let over = s2s.len().saturating_sub(limits::VWAN_VPN_CONNECTIONS);
                if over > 0 {
                    self.find(
                        Severity::Error,
                        "vwan-vpn-connections",
                        Some("R7.9"),
                        format!(
                            "Hub {} has {} VPN branch connections; a hub takes {} at most.",
                            node.id,
                            s2s.len(),
                            limits::VWAN_VPN_CONNECTIONS
                        ),
                        &[g],
                        &[],
                    );
                }
                continue;
            }
            let Some(gw) = &node.vpn_gateway else {
                continue;
            };
            let Some(row) = limits::vpn_sku(gw.sku, gw.generation) else {
                continue;
            };
            let policy = gw.kind() == VpnType::PolicyBased;
            let limit = if policy {
                limits::POLICY_BASED_TUNNELS
            } else {
                row.tunnels
            };
            let mut used = 0u32;
            for c in s2s {
                let other = self.conns[c].other(g);
                let tunnels = if self.node(other).provider.as_deref() == Some("aws") {
                    limits::AWS_TUNNELS
                } else {
                    1
                };
                used += tunnels;
                if used > limit {
                    let what = if policy {
                        format!("{}'s policy-based gateway carries a single S2S tunnel, already used by an earlier connection.", node.id)
                    } else {
                        format!("{}'s {} gateway supports {limit} S2S/VNet-to-VNet tunnels; this connection brings it to {used}.", node.id, gw.sku)
                    };
                    let fix = if policy {
                        format!("Replace {}'s gateway with a route-based VpnGw1AZ (more tunnels, BGP, P2S).", node.id)
                    } else if limit < 100 {
                        format!("Use VpnGw4AZ or VpnGw5AZ (100 tunnels) for {}, or Virtual WAN for more than 100.", node.id)
                    } else {
                        "Use Virtual WAN for more than 100 S2S tunnels (R5.2).".to_string()
                    };
                    let block = Block::new("R3.1", "tunnel-limit", what, Some(fix));
                    let mut conn = self.conns[c].clone();
                    self.refuse(&mut conn, block, Severity::Error, &[g, other]);
                    self.conns[c] = conn;
                }
            }
        }
    }

    /// use_remote_gateways may be set on one peering of a VNet only: later ones do not take effect.
    fn check_remote_gateway_use(&mut self) {
        for v in 0..self.plan.nodes.len() {
            let using: Vec<usize> = (0..self.conns.len())
                .filter(|&c| self.conns[c].uses_remote && self.conns[c].a == v)
                .collect();
            if using.len() > 1 {
                let links: Vec<usize> = using.iter().filter_map(|&c| self.conns[c].link).collect();
                let first = self.id(self.conns[using[0]].b).to_string();
                for &c in &using[1..] {
                    self.conns[c].uses_remote = false;
                }
                let id = self.id(v).to_string();
                self.find(Severity::Error, "remote-gateways-twice", Some("R1.5"),
                    format!("{id} sets use_remote_gateways on {} peerings; only one is allowed, so only the peering with {first} takes effect.", using.len()),
                    &[v], &links);
            }
            let peerings = (0..self.conns.len())
                .filter(|&c| {
                    self.conns[c].is(LinkKind::Peering)
                        && (self.conns[c].a == v || self.conns[c].b == v)
                })
                .count();
            if peerings > limits::PEERINGS_PER_VNET {
                let id = self.id(v).to_string();
                self.find(
                    Severity::Error,
                    "peering-limit",
                    Some("R1.14"),
                    format!(
                        "{id} has {peerings} peerings; a VNet takes {} at most.",
                        limits::PEERINGS_PER_VNET
                    ),
                    &[v],
                    &[],
                );
            }
        }
    }

    /// Connections the plan implies: hub mesh, Azure backbone to Microsoft and the internet.
    fn add_implicit(&mut self) {
        let nodes = &self.plan.nodes;
        let hubs: Vec<usize> = (0..nodes.len())
            .filter(|&n| nodes[n].kind == NodeKind::VwanHub)
            .collect();
        for (i, &h1) in hubs.iter().enumerate() {
            for &h2 in &hubs[i + 1..] {
                let (f1, f2) = (self.hubs[h1], self.hubs[h2]);
                if f1.wan.is_none() || f1.wan != f2.wan {
                    continue;
                }
                let mut conn = Conn::new(ConnKind::Mesh, h1, h2, None);
                if !f1.standard {
                    conn.refused = Some(Block::new(
                        "R7.1",
                        "basic-vwan-mesh",
                        format!(
                            "Hubs {} and {} are in a Basic virtual WAN, whose hubs are not meshed.",
                            nodes[h1].id, nodes[h2].id
                        ),
                        Some(
                            "Upgrade the virtual WAN to Standard (hubs then form a full mesh)."
                                .to_string(),
                        ),
                    ));
                }
                self.conns.push(conn);
            }
        }
        let public: Vec<usize> = (0..nodes.len())
            .filter(|&n| matches!(nodes[n].kind, NodeKind::Microsoft | NodeKind::Internet))
            .collect();
        for &p in &public {
            for (v, node) in nodes.iter().enumerate() {
                if node.kind == NodeKind::Vnet {
                    self.conns.push(Conn::new(ConnKind::Backbone, v, p, None));
                }
            }
            if nodes[p].kind == NodeKind::Internet {
                for &m in &public {
                    if nodes[m].kind == NodeKind::Microsoft {
                        self.conns.push(Conn::new(ConnKind::Backbone, p, m, None));
                    }
                }
            }
        }
        let mut vnet_links: HashMap<usize, Vec<usize>> = HashMap::new();
        for (c, conn) in self.conns.iter().enumerate() {
            if conn.is(LinkKind::ErConnection) || conn.is(LinkKind::GlobalReach) {
                vnet_links.entry(conn.a).or_default().push(c);
                if conn.is(LinkKind::GlobalReach) {
                    vnet_links.entry(conn.b).or_default().push(c);
                }
            }
        }
        let mut circuits: Vec<_> = vnet_links.into_iter().collect();
        circuits.sort();
        for (c, list) in circuits {
            let node = self.node(c);
            if node.kind != NodeKind::Expressroute {
                continue;
            }
            let limit = limits::vnet_links_per_circuit(
                node.sku.unwrap_or(ErSku::Standard),
                node.bandwidth_mbps,
            );
            if list.len() > limit {
                let links: Vec<usize> = list.iter().filter_map(|&x| self.conns[x].link).collect();
                self.find(Severity::Error, "circuit-link-limit", Some("R6.5"),
                    format!("Circuit {} has {} VNet links and Global Reach connections; a {} circuit takes {limit}.", node.id, list.len(), node.sku.unwrap_or(ErSku::Standard).as_str()),
                    &[c], &links);
            }
        }
    }

    /// Global Reach that the plan could add between two circuits, as refused candidates.
    fn add_candidates(&mut self) {
        let circuits: Vec<usize> = (0..self.plan.nodes.len())
            .filter(|&n| self.node(n).kind == NodeKind::Expressroute)
            .collect();
        for (i, &a) in circuits.iter().enumerate() {
            for &b in &circuits[i + 1..] {
                let exists = self.conns.iter().any(|c| {
                    c.is(LinkKind::GlobalReach)
                        && ((c.a == a && c.b == b) || (c.a == b && c.b == a))
                });
                let (first, before) = match self.global_reach_check(a, b) {
                    _ if exists => continue,
                    Err(block) if block.code == "global-reach-same-location" => continue,
                    Err(block) => (
                        block
                            .fix
                            .map(|f| format!("{f} Then add"))
                            .unwrap_or_else(|| "Add".into()),
                        block.edit,
                    ),
                    Ok(_) => ("Add".to_string(), None),
                };
                let (ia, ib) = (self.id(a), self.id(b));
                let mut edits: Vec<Edit> = before.into_iter().collect();
                edits.push(Edit::AddLink {
                    kind: LinkKind::GlobalReach,
                    from: ia.to_string(),
                    to: ib.to_string(),
                });
                let mut conn = Conn::new(ConnKind::Link(LinkKind::GlobalReach), a, b, None);
                conn.candidate = true;
                conn.refused = Some(Block::new("R6.10", "no-global-reach",
                    format!("Networks behind circuits {ia} and {ib} reach each other only through Global Reach between the two circuits, and there is none (routes learned from one circuit are not advertised to another)."),
                    Some(format!("{first} Global Reach between circuits {ia} and {ib}.")))
                    .with_edit(Some(if edits.len() == 1 { edits.remove(0) } else { Edit::All { edits } })));
                self.conns.push(conn);
            }
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
            list.sort_unstable();
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

fn describe_gw(sku: VpnSku, kind: VpnType) -> String {
    match kind {
        VpnType::PolicyBased => format!("policy-based {sku}"),
        VpnType::RouteBased => sku.to_string(),
    }
}

fn kinds(list: &[NodeKind]) -> String {
    let names: Vec<&str> = list.iter().map(|k| k.as_str()).collect();
    names.join(" or ")
}

fn rule_for_kind(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Peering => "R1.1",
        LinkKind::S2s | LinkKind::P2s => "R3.2",
        LinkKind::ErPrivate | LinkKind::ErMicrosoft | LinkKind::ErConnection => "R6.1",
        LinkKind::GlobalReach => "R6.9",
        LinkKind::VwanConnection => "R7.3",
        LinkKind::Bastion | LinkKind::VirtualDesktop => "R9.1",
        LinkKind::AppGateway | LinkKind::Internet => "R9.3",
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
