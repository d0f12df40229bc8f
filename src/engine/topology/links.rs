//! Turning peering, S2S and P2S links into connections: endpoints, effective flags, refusals.

use super::*;
use crate::engine::catalogue::{Code, Rule};

impl Net {
    pub(super) fn add_link(&mut self, i: usize, link: &Link) {
        let (Some(&a), Some(&b)) = (
            self.index.get(link.from.as_str()),
            self.index.get(link.to.as_str()),
        ) else {
            return;
        };
        if a == b {
            self.find(
                Severity::Error,
                Code::SelfLink,
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
                Rule::R1_1,
                Code::LinkKindNotAllowed,
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
        if self.depends_on_refused(&mut conn, &[(a, Setting::Network), (b, Setting::Network)]) {
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
        if conn.assumption.is_none() && self.hub_gateway_unlisted(b, link.kind) {
            conn.assumption = Some(AssumptionId::HubGatewayUnlisted);
        }
        self.conns.push(conn);
    }

    /// Whether `hub` is a Virtual WAN hub whose `scale_units` are given but list no gateway of
    /// the kind a `kind` link to it needs: the hub is then taken to have that gateway with one
    /// unit (assumption `vwan-hub-gateway-unlisted`; capacity measures it the same way).
    fn hub_gateway_unlisted(&self, hub: usize, kind: LinkKind) -> bool {
        let node = self.node(hub);
        let Some(units) = node.scale_units.filter(|_| node.kind == NodeKind::VwanHub) else {
            return false;
        };
        match kind {
            LinkKind::S2s => units.s2s.is_none(),
            LinkKind::P2s => units.p2s.is_none(),
            LinkKind::ErConnection => units.er.is_none(),
            _ => false,
        }
    }

    pub(super) fn peering(&mut self, conn: &mut Conn, link: &Link) {
        let (a, b) = (conn.a, conn.b);
        conn.forwarded = link.allow_forwarded_traffic == Some(true);
        conn.via_firewall = link.route_via_firewall == Some(true) && self.vnets[b].firewall;
        if link.route_via_firewall == Some(true) && !self.vnets[b].firewall {
            self.find(Severity::Error, Code::RouteViaMissingFirewall, Some(Rule::R2_3),
                format!("Peering {}: {} routes traffic to {}'s firewall, but {} has none; add a firewall to {} or clear route_via_firewall.",
                    link.label(), link.from, link.to, link.to, link.to), &[a, b], &conn.link.into_iter().collect::<Vec<_>>());
        }
        if let Some(block) = self.cloud_clash(a, b, LinkKind::Peering) {
            self.refuse(conn, block, Severity::Error, &[a, b]);
        }
        if let Some((pa, pb)) = overlap(self.node(a), self.node(b)) {
            let block = Block::new(Rule::R1_2, Code::PeeringOverlap,
                format!("{} ({pa}) and {} ({pb}) have overlapping address spaces, so Azure refuses to peer them.", link.from, link.to),
                Some(format!("Renumber {} or {} so that their address spaces do not overlap.", link.from, link.to)));
            self.refuse(conn, block, Severity::Error, &[a, b]);
        }
        if link.allow_gateway_transit == Some(true)
            && !self.vnets[b].has_gateway()
            && link.use_remote_gateways != Some(true)
        {
            self.find(Severity::Warning, Code::GatewayTransitWithoutGateway, Some(Rule::R1_5),
                format!("Peering {}: allow_gateway_transit is set but {} has no gateway or Route Server, so it does nothing.", link.label(), link.to),
                &[b], &conn.link.into_iter().collect::<Vec<_>>());
        }
        if link.use_remote_gateways == Some(true) {
            let l: Vec<usize> = conn.link.into_iter().collect();
            if self.vnets[a].has_gateway() {
                self.find(Severity::Error, Code::RemoteGatewayWithOwnGateway, Some(Rule::R1_5),
                    format!("Peering {}: {} has its own gateway, so it cannot use {}'s gateways (use_remote_gateways is not allowed).", link.label(), link.from, link.to), &[a, b], &l);
            } else if !self.vnets[b].has_gateway() {
                self.find(Severity::Error, Code::RemoteGatewayMissing, Some(Rule::R1_5),
                    format!("Peering {}: use_remote_gateways is set but {} has no gateway or Route Server to use.", link.label(), link.to), &[a, b], &l);
            } else if link.allow_gateway_transit != Some(true) {
                self.find(Severity::Error, Code::GatewayTransitNotAllowed, Some(Rule::R1_5),
                    format!("Peering {}: {} wants to use {}'s gateways, but the peering does not allow gateway transit; set allow_gateway_transit.", link.label(), link.from, link.to), &[a, b], &l);
            } else {
                conn.uses_remote = true;
                if self.vnets[b].vpn.is_some_and(|v| v.basic) {
                    self.find(Severity::Error, Code::BasicGatewayTransit, Some(Rule::R1_7),
                        format!("Peering {}: gateway transit is not available with the Basic VPN gateway of {}; {} gets no VPN connectivity through it.", link.label(), link.to, link.from), &[a, b], &l);
                }
            }
        }
    }

    pub(super) fn s2s(&mut self, conn: &mut Conn, link: &Link) {
        let plan = std::sync::Arc::clone(&self.plan);
        let (a, b) = (conn.a, conn.b);
        if self.depends_on_refused(conn, &[(b, Setting::VpnGateway), (a, Setting::VpnGateway)]) {
            return;
        }
        let to = &plan.nodes[b];
        if to.kind == NodeKind::Vnet {
            let Some(gw) = self.vnets[b].vpn else {
                let block = Block::new(Rule::R3_2, Code::GatewayMissing,
                    format!("{} has no VPN gateway, so the S2S connection from {} has nothing to end on.", link.to, link.from),
                    Some(format!("Add a route-based VPN gateway (e.g. VpnGw1AZ) to {}.", link.to)));
                self.refuse(conn, block, Severity::Error, &[a, b]);
                return;
            };
            let from = &plan.nodes[a];
            if let Some(block) = self.cloud_clash(a, b, LinkKind::S2s) {
                self.refuse(conn, block, Severity::Error, &[a, b]);
                return;
            }
            if from.kind == NodeKind::Vnet {
                match self.vnets[a].vpn {
                    None => {
                        let block = Block::new(Rule::R3_2, Code::GatewayMissing,
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
                        let block = Block::new(Rule::R3_2, Code::VnetToVnetPolicyBased,
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
            // "Policy-based VPN devices … can't use BGP" and "cannot transit to other
            // on-premises networks or virtual networks via the same Azure VPN gateway"
            // (learn.microsoft.com/azure/vpn-gateway/vpn-gateway-connect-multiple-policybased-rm-ps).
            let policy_device = from.vpn_device == Some(VpnType::PolicyBased);
            if link.bgp == Some(true) && policy_device {
                self.find(Severity::Warning, Code::BgpPolicyBasedDevice, Some(Rule::R1_13),
                    format!("S2S {} asks for BGP, but {}'s VPN device is policy-based, which has no BGP; the connection uses static routes and gives no transit to other connections of {}.", link.label(), link.from, link.to),
                    &[a, b], &conn.link.into_iter().collect::<Vec<_>>());
            } else if link.bgp == Some(true) {
                if bgp_both {
                    conn.bgp = true;
                } else {
                    let gw_node = if gw.bgp { &link.from } else { &link.to };
                    self.find(Severity::Warning, Code::BgpNotRunning, Some(Rule::R3_3),
                        format!("S2S {} asks for BGP, but the gateway of {gw_node} cannot run it (Basic, policy-based or BGP off); the connection uses static routes.", link.label()),
                        &[a, b], &conn.link.into_iter().collect::<Vec<_>>());
                }
            }
            if conn.bgp && from.kind != NodeKind::Vnet {
                self.check_site_asn(conn, link, gw.asn);
            }
            if from.kind == NodeKind::Cloud
                && from.provider.as_deref() == Some("aws")
                && (!gw.active_active || !conn.bgp)
            {
                self.find(Severity::Warning, Code::AwsPattern, Some(Rule::R8_1),
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
            if plan.nodes[a].kind == NodeKind::Vnet && self.vnets[a].vpn.is_none() {
                let block = Block::new(Rule::R3_2, Code::GatewayMissing,
                    format!("{} has no VPN gateway, so it cannot connect to hub {} by S2S; use a vwan_connection instead.", link.from, link.to),
                    Some(format!("Replace the link with a vwan_connection from {} to {}.", link.from, link.to)));
                self.refuse(conn, block, Severity::Error, &[a, b]);
            }
        }
    }

    pub(super) fn p2s(&mut self, conn: &mut Conn, link: &Link) {
        let (a, b) = (conn.a, conn.b);
        if self.depends_on_refused(conn, &[(b, Setting::VpnGateway), (b, Setting::P2s)]) {
            return;
        }
        let to = self.node(b);
        if to.kind == NodeKind::Vnet {
            let Some(gw) = &to.vpn_gateway else {
                let block = Block::new(
                    Rule::R3_2,
                    Code::GatewayMissing,
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
                let block = Block::new(Rule::R3_1, Code::P2sPolicyBased,
                    format!("{}'s gateway is policy-based, and point-to-site needs a route-based gateway.", link.to),
                    Some(format!("Replace {}'s gateway with a route-based VpnGw1AZ (the type cannot be changed in place).", link.to)));
                conn.refused = Some(block);
                return;
            }
            if gw.p2s.is_none() {
                let block = Block::new(
                    Rule::R3_2,
                    Code::P2sNotConfigured,
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
                    Rule::R7_1,
                    Code::BasicVwanP2s,
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
                    Rule::R7_10,
                    Code::P2sNotConfigured,
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
                (Rule::R4_7, "the Basic SKU offers P2S over SSTP with certificate authentication only".to_string(),
                 format!("Upgrade {}'s gateway to VpnGw1AZ or larger, or have the users connect with SSTP and certificates.", link.to))
            } else if to.kind == NodeKind::VwanHub && link.protocol == Some(Protocol::Sstp) {
                (
                    Rule::R7_10,
                    "Virtual WAN User VPN offers IKEv2 and OpenVPN only".to_string(),
                    "Move the users to OpenVPN or IKEv2.".to_string(),
                )
            } else if let Some(p) = link.protocol.filter(|p| !protocols.contains(p)) {
                (
                    Rule::R4_5,
                    format!("the gateway does not offer {p}"),
                    format!(
                        "Add {} to the P2S protocols of {}, or change the users' protocol.",
                        p.as_str(),
                        link.to
                    ),
                )
            } else {
                (Rule::R4_6, "no offered authentication works with that tunnel type (Entra ID needs OpenVPN)".to_string(),
                 format!("Add openvpn to {}'s P2S protocols, or add certificate or RADIUS authentication.", link.to))
            };
            let proto = link
                .protocol
                .map(|p| format!(" over {p}"))
                .unwrap_or_default();
            let block = Block::new(
                rule,
                Code::P2sProtocolUnavailable,
                format!(
                    "Users {} cannot connect to {}{proto}: {what}.",
                    link.from, link.to
                ),
                Some(fix),
            );
            self.refuse(conn, block, Severity::Error, &[a, b]);
        }
    }
}

pub(super) fn kinds(list: &[NodeKind]) -> String {
    let names: Vec<&str> = list.iter().map(|k| k.as_str()).collect();
    names.join(" or ")
}

pub(super) fn rule_for_kind(kind: LinkKind) -> Rule {
    match kind {
        LinkKind::Peering => Rule::R1_1,
        LinkKind::S2s | LinkKind::P2s => Rule::R3_2,
        LinkKind::ErPrivate | LinkKind::ErMicrosoft | LinkKind::ErConnection => Rule::R6_1,
        LinkKind::GlobalReach => Rule::R6_9,
        LinkKind::VwanConnection => Rule::R7_3,
        LinkKind::Bastion | LinkKind::VirtualDesktop => Rule::R9_1,
        LinkKind::AppGateway | LinkKind::Internet => Rule::R9_3,
    }
}
