//! Gateway settings that Azure refuses or limits, and what P2S really offers on a gateway or hub.

use super::*;
use crate::engine::catalogue::{Code, Rule};
use std::sync::Arc;

impl Net {
    /// An error finding for a setting Azure refuses to deploy, remembered so that the
    /// connections depending on it carry nothing (the first refusal of a setting is kept).
    #[allow(clippy::too_many_arguments)]
    fn refuse_setting(
        &mut self,
        n: usize,
        setting: Setting,
        code: Code,
        rule: Rule,
        message: String,
        fix: String,
    ) {
        self.find(
            Severity::Error,
            code,
            Some(rule),
            message.clone(),
            &[n],
            &[],
        );
        self.refused_settings
            .entry((n, setting))
            .or_insert_with(|| Block::new(rule, code, message, Some(fix)));
    }

    /// Gateway configurations Azure refuses or limits, independent of links.
    pub(super) fn check_gateways(&mut self) {
        let plan = Arc::clone(&self.plan);
        let plan = &*plan;
        for (n, node) in plan.nodes.iter().enumerate() {
            if let Some(gw) = &node.vpn_gateway {
                let basic = gw.sku == VpnSku::Basic;
                if gw.kind() == VpnType::PolicyBased && !basic {
                    self.refuse_setting(
                        n,
                        Setting::VpnGateway,
                        Code::PolicyBasedSku,
                        Rule::R3_1,
                        format!(
                            "{}: a policy-based VPN gateway exists only as the Basic SKU, not {}; Azure does not deploy it, so it carries no traffic.",
                            node.id, gw.sku
                        ),
                        format!("Make {}'s gateway route-based.", node.id),
                    );
                }
                if let Some(generation) = gw.generation {
                    if !limits::vpn_sku_exists(gw.sku, generation) {
                        self.refuse_setting(n, Setting::VpnGateway, Code::SkuGeneration, Rule::R5_1,
                            format!("{}: {} does not exist as Generation {generation} (VpnGw4 and VpnGw5 are Generation 2 only, Basic is Generation 1 only); Azure does not deploy it, so it carries no traffic.", node.id, gw.sku),
                            format!("Set {}'s gateway to Generation 2, or choose a SKU of Generation {generation}.", node.id));
                    }
                }
                if gw.bgp == Some(true) && (basic || gw.kind() == VpnType::PolicyBased) {
                    self.find(Severity::Error, Code::BgpUnsupported, Some(Rule::R3_3),
                        format!("{}: BGP is not available on a {} gateway; its connections run with static routes.", node.id, describe_gw(gw.sku, gw.kind())), &[n], &[]);
                }
                if gw.active_active == Some(true) && (basic || gw.kind() == VpnType::PolicyBased) {
                    self.find(Severity::Error, Code::ActiveActiveUnsupported, Some(Rule::R3_8),
                        format!("{}: active-active needs a route-based VpnGw1 or larger gateway, not {}.", node.id, describe_gw(gw.sku, gw.kind())), &[n], &[]);
                }
                if basic && node.er_gateway.is_some() {
                    self.find(Severity::Error, Code::BasicErCoexistence, Some(Rule::R3_1),
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
                    self.find(Severity::Info, Code::NonAzSku, Some(Rule::R5_1),
                        format!("{}: non-AZ SKU {} is slated for migration to {}AZ; use the AZ SKU for new gateways.", node.id, gw.sku, gw.sku), &[n], &[]);
                }
                if let Some(p2s) = &gw.p2s {
                    if gw.kind() == VpnType::PolicyBased {
                        self.find(Severity::Error, Code::P2sPolicyBased, Some(Rule::R3_2),
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
                            self.find(Severity::Error, Code::RouteServerVpnGateway, Some(Rule::R2_7),
                                format!("{}: Route Server branch-to-branch needs the VPN gateway active-active with ASN 65515 (it is {}, ASN {asn}); ExpressRoute and S2S do not exchange routes until then.",
                                    node.id, if gw.active_active == Some(true) { "active-active" } else { "active-standby" }), &[n], &[]);
                        }
                    }
                }
            }
            if node.kind == NodeKind::VwanHub && !self.hubs[n].standard {
                if node.p2s.is_some() {
                    self.find(Severity::Error, Code::BasicVwanP2s, Some(Rule::R7_1),
                        format!("{}: a Basic Virtual WAN hub has no User VPN (P2S); upgrade the virtual WAN to Standard.", node.id), &[n], &[]);
                }
                if node.firewall.is_some() || node.routing_intent.is_some() {
                    self.find(Severity::Error, Code::BasicVwanFirewall, Some(Rule::R7_1),
                        format!("{}: Azure Firewall and routing intent need a Standard Virtual WAN hub.", node.id), &[n], &[]);
                }
            }
            let intent = node.routing_intent.is_some_and(|r| r.private || r.internet);
            if node.kind == NodeKind::VwanHub && intent && node.firewall.is_none() {
                self.find(Severity::Error, Code::RoutingIntentWithoutFirewall, Some(Rule::R7_6),
                    format!("{}: routing intent needs a next hop in the hub (Azure Firewall, or a supported NVA or SaaS solution), and the hub has no firewall; Azure does not configure it, so no traffic follows it.", node.id), &[n], &[]);
            }
            if node.kind == NodeKind::VwanHub && self.hubs[n].standard {
                if let Some(p2s) = &node.p2s {
                    self.check_p2s_config(n, p2s, false, true);
                }
            }
        }
    }

    pub(super) fn check_p2s_config(&mut self, n: usize, p2s: &P2sConfig, basic: bool, vwan: bool) {
        let id = self.id(n).to_string();
        let has = |p: Protocol| p2s.protocols.contains(&p);
        let refused = "Azure refuses the configuration, so no user connects";
        if has(Protocol::Sstp) && has(Protocol::Openvpn) {
            self.refuse_setting(
                n,
                Setting::P2s,
                Code::SstpWithOpenvpn,
                Rule::R4_5,
                format!(
                    "{id}: SSTP and OpenVPN cannot be offered together (both are TLS); {refused}."
                ),
                format!("Offer IKEv2 + SSTP or IKEv2 + OpenVPN on {id}'s P2S configuration."),
            );
        }
        if p2s.auth.contains(&Auth::Entra) && !has(Protocol::Openvpn) {
            self.refuse_setting(n, Setting::P2s, Code::EntraWithoutOpenvpn, Rule::R4_6,
                format!("{id}: Entra ID authentication works only with the OpenVPN tunnel type; {refused}."),
                format!("Add openvpn to the P2S protocols of {id}."));
        }
        if basic {
            let bad: Vec<String> = p2s
                .protocols
                .iter()
                .filter(|p| **p != Protocol::Sstp)
                .map(|p| p.to_string())
                .collect();
            if !bad.is_empty() {
                self.refuse_setting(
                    n,
                    Setting::P2s,
                    Code::BasicP2sProtocol,
                    Rule::R4_7,
                    format!(
                        "{id}: the Basic SKU offers P2S over SSTP only, not {}; {refused}.",
                        bad.join(" or ")
                    ),
                    format!("Upgrade {id}'s gateway to VpnGw1AZ or larger, or offer SSTP only."),
                );
            }
            let bad: Vec<String> = p2s
                .auth
                .iter()
                .filter(|a| **a != Auth::Certificate)
                .map(|a| a.to_string())
                .collect();
            if !bad.is_empty() {
                self.refuse_setting(
                    n,
                    Setting::P2s,
                    Code::BasicP2sAuth,
                    Rule::R4_7,
                    format!(
                        "{id}: the Basic SKU authenticates P2S with certificates only, not {}; {refused}.",
                        bad.join(" or ")
                    ),
                    format!("Upgrade {id}'s gateway to VpnGw1AZ or larger, or authenticate with certificates only."),
                );
            }
        }
        if vwan && has(Protocol::Sstp) {
            self.refuse_setting(
                n,
                Setting::P2s,
                Code::VwanP2sSstp,
                Rule::R7_10,
                format!("{id}: Virtual WAN User VPN offers IKEv2 and OpenVPN only, not SSTP; {refused}."),
                format!("Remove sstp from the P2S protocols of hub {id}."),
            );
        }
        if p2s.protocols.is_empty() {
            self.refuse_setting(
                n,
                Setting::P2s,
                Code::P2sNoProtocol,
                Rule::R4_6,
                format!("{id}: the P2S configuration offers no tunnel type; {refused}."),
                format!("Add openvpn, ikev2 or sstp to the P2S protocols of {id}."),
            );
        }
    }

    /// The P2S protocols and auth that really work on node `n`'s gateway or hub.
    pub(super) fn usable_p2s(&self, n: usize) -> Option<(Vec<Protocol>, Vec<Auth>)> {
        usable_p2s(self.node(n))
    }
}

/// The P2S protocols and authentication a VNet's gateway or a hub really offers: a Basic
/// gateway SSTP with certificates only (R4.7), a Virtual WAN hub no SSTP (R7.10).
pub fn usable_p2s(node: &Node) -> Option<(Vec<Protocol>, Vec<Auth>)> {
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

pub(super) fn describe_gw(sku: VpnSku, kind: VpnType) -> String {
    match kind {
        VpnType::PolicyBased => format!("policy-based {sku}"),
        VpnType::RouteBased => sku.to_string(),
    }
}

/// A part of a node that Azure may refuse to deploy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Setting {
    /// A VNet's VPN gateway.
    VpnGateway,
    /// The P2S (User VPN) configuration of a VNet's gateway or a hub.
    P2s,
}
