//! ExpressRoute, Virtual WAN and limited-access links: circuit scope by SKU, Global Reach, hub connections.

use super::*;
use crate::engine::catalogue::{Code, Rule};

impl Net {
    // Runs once per link, so returning the large Block by value costs nothing that matters.
    #[allow(clippy::result_large_err)]
    pub(super) fn circuit_scope(
        &mut self,
        circuit: usize,
        target: usize,
    ) -> Result<Option<AssumptionId>, Block> {
        let c = self.node(circuit);
        let t = self.node(target);
        let sku = c.sku.unwrap_or(ErSku::Standard);
        let location = c.location.as_deref().and_then(geo::peering_location);
        if let Some(block) = location.and(self.circuit_cloud(circuit, target)) {
            return Err(block);
        }
        let region = t.region.as_deref().and_then(geo::region);
        let (Some(location), Some(region)) = (location, region) else {
            return Ok(Some(AssumptionId::UnknownLocation));
        };
        match sku {
            ErSku::Premium => Ok(None),
            ErSku::Standard if location.geo == region.geo => Ok(None),
            ErSku::Standard => Err(Block::new(
                Rule::R6_2,
                Code::CircuitScope,
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
                    Rule::R6_2,
                    Code::CircuitScope,
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

    pub(super) fn er_connection(&mut self, conn: &mut Conn) {
        let (c, t) = (conn.a, conn.b);
        let target = self.node(t);
        if target.kind == NodeKind::Vnet && self.vnets[t].er.is_none() {
            let block = Block::new(
                Rule::R6_1,
                Code::GatewayMissing,
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
                Rule::R7_1,
                Code::BasicVwanExpressroute,
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

    pub(super) fn global_reach(&mut self, conn: &mut Conn) {
        let (a, b) = (conn.a, conn.b);
        match self.global_reach_check(a, b) {
            Ok(assumption) => conn.assumption = assumption,
            Err(block) => self.refuse(conn, block, Severity::Error, &[a, b]),
        }
    }

    /// Whether Global Reach between circuits `a` and `b` is possible (R6.9).
    #[allow(clippy::result_large_err)]
    pub(super) fn global_reach_check(
        &self,
        a: usize,
        b: usize,
    ) -> Result<Option<AssumptionId>, Block> {
        let (ca, cb) = (self.node(a), self.node(b));
        let la = ca.location.as_deref().and_then(geo::peering_location);
        let lb = cb.location.as_deref().and_then(geo::peering_location);
        let both = la.zip(lb);
        // The SKU changes that make the pair eligible (Standard, or Premium on both across
        // geopolitical areas), as one edit; none when the locations rule it out anyway.
        let cross_geo = both.is_some_and(|(x, y)| x.geo != y.geo);
        let hopeless =
            both.is_some_and(|(x, y)| x.name == y.name || !x.global_reach || !y.global_reach);
        let mut edits: Vec<Edit> = [ca, cb]
            .iter()
            .filter_map(|c| {
                let sku = match c.sku {
                    Some(ErSku::Premium) => return None,
                    _ if cross_geo => ErSku::Premium,
                    Some(ErSku::Local) => ErSku::Standard,
                    _ => return None,
                };
                Some(Edit::SetCircuitSku {
                    node: c.id.clone(),
                    sku,
                })
            })
            .collect();
        let ids: Vec<&str> = edits
            .iter()
            .filter_map(|e| match e {
                Edit::SetCircuitSku { node, .. } => Some(node.as_str()),
                _ => None,
            })
            .collect();
        let sku = if cross_geo { "Premium" } else { "Standard" };
        let upgrade_text = format!("Upgrade circuit {} to {sku}.", ids.join(" and circuit "));
        let upgrade = match edits.len() {
            _ if hopeless => None,
            0 => None,
            1 => edits.pop(),
            _ => Some(Edit::All { edits }),
        };
        // Where the locations rule Global Reach out, they are the reason, not the Local SKU
        // (upgrading it would not help).
        let local = [ca, cb].into_iter().find(|c| c.sku == Some(ErSku::Local));
        if let Some(local) = local.filter(|_| !hopeless) {
            let fix = match upgrade {
                Some(_) => upgrade_text,
                None => format!("Upgrade circuit {} to Standard or Premium.", local.id),
            };
            return Err(Block::new(
                Rule::R6_9,
                Code::GlobalReachLocal,
                format!(
                    "Circuit {} is a Local circuit, and Global Reach is not available on Local.",
                    local.id
                ),
                Some(fix),
            )
            .with_edit(upgrade));
        }
        let Some((la, lb)) = both else {
            return Ok(Some(AssumptionId::UnknownLocation));
        };
        if la.name == lb.name {
            return Err(Block::new(Rule::R6_9, Code::GlobalReachSameLocation,
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
                Rule::R6_9,
                Code::GlobalReachUnsupportedLocation,
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
            return Err(Block::new(Rule::R6_9, Code::GlobalReachGeo,
                format!("Circuits {} ({}) and {} ({}) are in different geopolitical areas; Global Reach between them needs Premium on both.", ca.id, la.geo.as_str(), cb.id, lb.geo.as_str()),
                Some(format!("Upgrade {} to Premium.", not.join(" and ")))).with_edit(upgrade));
        }
        Ok(None)
    }

    pub(super) fn er_private(&mut self, conn: &mut Conn) {
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
                self.find(Severity::Warning, Code::OciInterconnectLocation, Some(Rule::R8_4),
                    format!("The Azure–OCI interconnect exists only where the ExpressRoute peering location is at or near an OCI FastConnect location (12 region pairs, e.g. West Europe–Amsterdam); {} at {} with OCI region {} is not one of them.",
                        circuit.id, circuit.location.as_deref().unwrap_or("an unknown location"), site.region.as_deref().unwrap_or("unknown")),
                    &[s, c], &conn.link.into_iter().collect::<Vec<_>>());
            }
        }
    }

    pub(super) fn er_microsoft(&mut self, conn: &mut Conn) {
        let c = conn.a;
        if self.node(c).sku != Some(ErSku::Premium) {
            let id = self.id(c).to_string();
            self.find(Severity::Info, Code::MicrosoftPeeringM365, Some(Rule::R6_2),
                format!("Microsoft peering on {id} reaches Azure PaaS and public services; Microsoft 365 over ExpressRoute needs a Premium circuit and Microsoft's approval."),
                &[c], &conn.link.into_iter().collect::<Vec<_>>());
        }
    }

    /// A network on a circuit with Microsoft peering that advertises only private prefixes:
    /// Microsoft peering refuses them (R6.1), so it has no Microsoft peering path.
    pub(super) fn check_microsoft_peering(&mut self) {
        let mut new = Vec::new();
        for conn in self.conns.iter().filter(|c| c.is(LinkKind::ErMicrosoft)) {
            let c = conn.a;
            for &(d, site) in &self.adj_of(c) {
                let private = self.conns[d].is(LinkKind::ErPrivate)
                    && self.conns[d].refused.is_none()
                    && private_only(self.node(site));
                if private {
                    new.push((site, c, d));
                }
            }
        }
        for (site, c, d) in new {
            let (sid, cid) = (self.id(site), self.id(c));
            let links: Vec<usize> = self.conns[d].link.into_iter().collect();
            self.find(Severity::Warning, Code::MicrosoftPeeringPrivatePrefixes, Some(Rule::R6_1),
                format!("{sid} advertises only private (RFC 1918) prefixes; Microsoft peering on circuit {cid} accepts public prefixes only (\"We don't accept private prefixes (RFC1918) for the Microsoft peering BGP session\", ExpressRoute FAQ), so {sid} gets no Microsoft peering path. Add the public prefix it uses towards Microsoft to its address_space."),
                &[site, c], &links);
        }
    }

    /// The connections of node `n` as (connection, other node), before the adjacency exists.
    fn adj_of(&self, n: usize) -> Vec<(usize, usize)> {
        self.conns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.a == n || c.b == n)
            .map(|(i, c)| (i, c.other(n)))
            .collect()
    }

    pub(super) fn vwan_connection(&mut self, conn: &mut Conn) {
        let v = conn.a;
        if let Some(block) = self.cloud_clash(v, conn.b, LinkKind::VwanConnection) {
            self.refuse(conn, block, Severity::Error, &[v, conn.b]);
            return;
        }
        if self.vnets[v].route_server.is_some() {
            // "A spoke VNet connected to a Virtual WAN hub can't host a Route Server" (R7.12):
            // Azure refuses the combination, so the connection to the hub carries nothing.
            let (id, hub) = (self.id(v).to_string(), self.id(conn.b).to_string());
            let block = Block::new(Rule::R7_12, Code::RouteServerVwanSpoke,
                format!("{id} hosts a Route Server, and a VNet connected to a Virtual WAN hub cannot host one; Azure refuses the connection to hub {hub}, so it carries nothing."),
                Some(format!("Remove {id}'s Route Server, or peer {id} with a hub VNet instead of connecting it to hub {hub}.")));
            self.refuse(conn, block, Severity::Error, &[v, conn.b]);
            return;
        }
        if self.vnets[v].vpn.is_some() || self.vnets[v].er.is_some() {
            conn.assumption = Some(AssumptionId::VwanSpokeGateway);
        }
    }

    pub(super) fn limited_access(&mut self, conn: &mut Conn, link: &Link) {
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
                Rule::R9_1,
                Code::GatewayMissing,
                format!(
                    "{} has no {what}, so the {} link from {} leads nowhere.",
                    node.id, link.kind, link.from
                ),
                Some(format!("Add {what} to {}.", node.id)),
            );
            let rule = if link.kind == LinkKind::AppGateway {
                Rule::R9_3
            } else {
                Rule::R9_1
            };
            self.refuse(conn, Block { rule, ..block }, Severity::Error, &[conn.a, t]);
        }
    }
}

/// Whether a node's address space is given and lies entirely in private ranges (RFC 1918 for
/// IPv4, unique local fc00::/7 for IPv6): what Microsoft peering refuses.
pub fn private_only(node: &Node) -> bool {
    let private = |p: ipnet::IpNet| match p {
        ipnet::IpNet::V4(v) => ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]
            .iter()
            .filter_map(|r| r.parse::<ipnet::Ipv4Net>().ok())
            .any(|r| r.contains(&v)),
        ipnet::IpNet::V6(v) => "fc00::/7"
            .parse::<ipnet::Ipv6Net>()
            .is_ok_and(|r| r.contains(&v)),
    };
    node.prefixes().next().is_some() && node.prefixes().all(private)
}
