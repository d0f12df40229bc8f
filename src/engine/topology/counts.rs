//! Counting limits that decide whether a connection is carried: tunnels per gateway, one remote-gateway peering per VNet.

use super::*;
use crate::engine::catalogue::Code;
use crate::engine::catalogue::Rule;

impl Net {
    /// Tunnel limits per gateway and hub; the connections over the limit are not carried.
    pub(super) fn check_tunnel_counts(&mut self) {
        let plan = std::sync::Arc::clone(&self.plan);
        // The S2S connections of each node, in connection order (refusals are read as the
        // loop below makes them, so a connection refused at one end is not counted at the other).
        let mut incident: Vec<Vec<usize>> = vec![Vec::new(); self.plan.nodes.len()];
        for (c, conn) in self.conns.iter().enumerate() {
            if conn.is(LinkKind::S2s) {
                incident[conn.a].push(c);
                if conn.b != conn.a {
                    incident[conn.b].push(c);
                }
            }
        }
        for (g, candidates) in incident.iter().enumerate() {
            let node = &plan.nodes[g];
            let s2s: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&c| self.conns[c].refused.is_none())
                .collect();
            if node.kind == NodeKind::VwanHub {
                let over = s2s.len().saturating_sub(limits::VWAN_VPN_CONNECTIONS);
                if over > 0 {
                    self.find(
                        Severity::Error,
                        Code::VwanVpnConnections,
                        Some(Rule::R7_9),
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
                let tunnels = if plan.nodes[other].provider.as_deref() == Some("aws") {
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
                    let block = Block::new(Rule::R3_1, Code::TunnelLimit, what, Some(fix));
                    let mut conn = self.conns[c].clone();
                    self.refuse(&mut conn, block, Severity::Error, &[g, other]);
                    self.conns[c] = conn;
                }
            }
        }
    }

    /// use_remote_gateways may be set on one peering of a VNet only: later ones do not take effect.
    pub(super) fn check_remote_gateway_use(&mut self) {
        // Per node, the connections it is the `a` end of and its peering count, in one pass.
        let mut from: Vec<Vec<usize>> = vec![Vec::new(); self.plan.nodes.len()];
        let mut peering_count = vec![0usize; self.plan.nodes.len()];
        for (c, conn) in self.conns.iter().enumerate() {
            from[conn.a].push(c);
            if conn.is(LinkKind::Peering) {
                peering_count[conn.a] += 1;
                if conn.b != conn.a {
                    peering_count[conn.b] += 1;
                }
            }
        }
        for v in 0..self.plan.nodes.len() {
            let using: Vec<usize> = from[v]
                .iter()
                .copied()
                .filter(|&c| self.conns[c].uses_remote)
                .collect();
            if using.len() > 1 {
                let links: Vec<usize> = using.iter().filter_map(|&c| self.conns[c].link).collect();
                let first = self.id(self.conns[using[0]].b).to_string();
                for &c in &using[1..] {
                    self.conns[c].uses_remote = false;
                }
                let id = self.id(v).to_string();
                self.find(Severity::Error, Code::RemoteGatewaysTwice, Some(Rule::R1_5),
                    format!("{id} sets use_remote_gateways on {} peerings; only one is allowed, so only the peering with {first} takes effect.", using.len()),
                    &[v], &links);
            }
            let peerings = peering_count[v];
            if peerings > limits::PEERINGS_PER_VNET {
                let id = self.id(v).to_string();
                self.find(
                    Severity::Error,
                    Code::PeeringLimit,
                    Some(Rule::R1_14),
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
}
