//! Findings about design choices that need the whole network: BGP autonomous system numbers,
//! redundant tunnels, traffic selectors of policy-based devices, and where RADIUS must be.

use super::limits;
use super::model::{Auth, LinkKind, NodeKind, VpnType};
use super::rules::{Finding, Severity};
use super::topology::Net;
use crate::engine::catalogue::{Code, Rule};

fn finding(
    severity: Severity,
    code: Code,
    rule: Rule,
    message: String,
    mut nodes: Vec<String>,
    mut links: Vec<usize>,
) -> Finding {
    super::order::sort(&mut nodes);
    nodes.dedup();
    super::order::sort_unstable(&mut links);
    links.dedup();
    Finding {
        severity,
        code,
        message,
        nodes,
        links,
        rule: Some(rule),
    }
}

/// Every design finding of the network.
pub fn findings(net: &Net) -> Vec<Finding> {
    let mut out = Vec::new();
    incomplete(net, &mut out);
    asns(net, &mut out);
    for g in 0..net.plan.nodes.len() {
        if net.node(g).vpn_gateway.is_some() {
            gateway(net, g, &mut out);
        }
    }
    out
}

/// What a plan leaves empty that Azure needs before it can route: a VNet's address space (a
/// virtual network is created with at least one address range:
/// <https://learn.microsoft.com/azure/virtual-network/manage-virtual-network>), a P2S client
/// address pool (required by the point-to-site configuration:
/// <https://learn.microsoft.com/azure/vpn-gateway/point-to-site-certificate-gateway>), and an
/// on-premises site's prefixes or BGP (the gateway routes to a local network gateway's prefixes or to
/// what BGP learns from it, R3.4).
fn incomplete(net: &Net, out: &mut Vec<Finding>) {
    let empty = |a: &Option<Vec<super::model::Cidr>>| a.as_ref().is_none_or(Vec::is_empty);
    for (n, node) in net.plan.nodes.iter().enumerate() {
        let id = node.id.clone();
        if node.kind == NodeKind::Vnet && empty(&node.address_space) {
            out.push(Finding {
                severity: Severity::Warning,
                code: Code::VnetNoAddressSpace,
                message: format!("{id} has no address space: Azure creates a virtual network with at least one address range, and nothing routes to it without one."),
                nodes: vec![id.clone()],
                links: Vec::new(),
                rule: None,
            });
        }
        let pool = node
            .vpn_gateway
            .as_ref()
            .and_then(|g| g.p2s.as_ref())
            .or(node.p2s.as_ref());
        if pool.is_some_and(|p| p.address_pool.is_empty()) {
            out.push(finding(Severity::Warning, Code::P2sNoAddressPool, Rule::R1_11, format!("{id}'s point-to-site configuration has no client address pool: users get their addresses from it, so none can connect."), vec![id.clone()], Vec::new()));
        }
        let links: Vec<_> = net.adj[n]
            .iter()
            .filter_map(|&(c, _)| net.conns[c].link)
            .filter_map(|l| net.plan.links.get(l))
            .collect();
        // A circuit's private peering always runs BGP.
        let bgp = links
            .iter()
            .any(|l| l.bgp == Some(true) || l.kind == LinkKind::ErPrivate);
        if node.kind == NodeKind::Site && empty(&node.address_space) && !bgp {
            out.push(finding(Severity::Warning, Code::SiteNoPrefixes, Rule::R3_4, format!("{id} has no address prefixes and no BGP: a gateway learns no route to it. Give it its prefixes or turn BGP on."), vec![id], Vec::new()));
        }
    }
}

fn asns(net: &Net, out: &mut Vec<Finding>) {
    for node in net.plan.nodes.iter().filter(|n| n.kind == NodeKind::Users) {
        if node.address_space.as_ref().is_some_and(|a| !a.is_empty()) {
            out.push(finding(
                Severity::Info,
                Code::UsersAddressSpace,
                Rule::R1_11,
                format!("{} has an address space, but P2S users take their addresses from the address pool of the gateway or hub they connect to; it is not used.", node.id),
                vec![node.id.clone()],
                Vec::new(),
            ));
        }
    }
    for node in &net.plan.nodes {
        if let Some(asn) = node.asn.filter(|a| limits::RESERVED_ASNS.contains(a)) {
            out.push(finding(
                Severity::Error,
                Code::ReservedAsn,
                Rule::R3_3,
                format!("{} uses ASN {asn}, which Azure reserves (8074, 8075, 12076, 65515, 65517-65520); BGP with Azure does not come up, so its BGP connections to VPN gateways carry nothing. Choose another private ASN.", node.id),
                vec![node.id.clone()],
                Vec::new(),
            ));
        }
    }
}

fn gateway(net: &Net, g: usize, out: &mut Vec<Finding>) {
    let node = net.node(g);
    let s2s: Vec<&super::topology::Conn> = net.adj[g]
        .iter()
        .map(|&(c, _)| &net.conns[c])
        .filter(|c| c.is(LinkKind::S2s) && c.refused.is_none())
        .collect();
    // R3.7: several tunnels to one site need BGP.
    let mut sites: Vec<usize> = s2s.iter().map(|c| c.other(g)).collect();
    super::order::sort_unstable(&mut sites);
    for pair in sites.windows(2) {
        if pair[0] != pair[1] {
            continue;
        }
        let site = pair[0];
        let conns: Vec<_> = s2s.iter().filter(|c| c.other(g) == site).collect();
        if conns.iter().any(|c| !c.bgp) {
            out.push(finding(
                Severity::Warning,
                Code::RedundantTunnelsNeedBgp,
                Rule::R3_7,
                format!("{} has {} S2S connections to {}; several tunnels to one site need BGP on each of them.", net.id(site), conns.len(), node.id),
                vec![net.id(site).to_string(), node.id.clone()],
                conns.iter().filter_map(|c| c.link).collect(),
            ));
        }
    }
    // R1.13: a policy-based on-premises device must list every prefix that uses the tunnel.
    let spokes: Vec<&str> = net.adj[g]
        .iter()
        .filter(|&&(c, _)| {
            net.conns[c].is(LinkKind::Peering) && net.conns[c].uses_remote && net.conns[c].b == g
        })
        .map(|&(_, p)| net.id(p))
        .collect();
    let p2s_works = net.adj[g]
        .iter()
        .any(|&(c, _)| net.conns[c].is(LinkKind::P2s) && net.conns[c].refused.is_none());
    let pool = node
        .vpn_gateway
        .as_ref()
        .and_then(|gw| gw.p2s.as_ref())
        .filter(|_| p2s_works)
        .map(|p| {
            p.address_pool
                .iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    for conn in &s2s {
        let site = net.node(conn.other(g));
        if site.vpn_device != Some(VpnType::PolicyBased) || (spokes.is_empty() && pool.is_empty()) {
            continue;
        }
        let mut what: Vec<String> = spokes
            .iter()
            .map(|s| format!("the prefixes of {s}"))
            .collect();
        if !pool.is_empty() {
            what.push(format!("the P2S pool {}", pool.join(", ")));
        }
        out.push(finding(
            Severity::Warning,
            Code::PolicyBasedSelectors,
            Rule::R1_13,
            format!("{} uses a policy-based VPN device: its traffic selectors must include {} as well as {}'s own range, or those networks do not reach it.", site.id, what.join(" and "), node.id),
            vec![site.id.clone(), node.id.clone()],
            conn.link.into_iter().collect(),
        ));
    }
    // R3.17: the RADIUS server must be reachable over S2S, not ExpressRoute.
    let radius = node
        .vpn_gateway
        .as_ref()
        .and_then(|gw| gw.p2s.as_ref())
        .is_some_and(|p| p.auth.contains(&Auth::Radius));
    if radius
        && s2s
            .iter()
            .all(|c| net.node(c.other(g)).kind == NodeKind::Vnet)
    {
        out.push(finding(
            Severity::Warning,
            Code::RadiusOverS2s,
            Rule::R3_17,
            format!("{}'s P2S uses RADIUS, and the RADIUS server must be in Azure or on-premises behind a S2S connection (not ExpressRoute); {} has no S2S connection to a site.", node.id, node.id),
            vec![node.id.clone()],
            Vec::new(),
        ));
    }
}
