//! What Azure refuses to deploy carries nothing: settings refused by node, networks in no
//! region, connections beyond a limit and BGP sessions that cannot come up; every connection
//! that depends on them is refused with the finding's rule (docs/plan-format.md, "A setting
//! Azure refuses").

use super::*;
use crate::engine::catalogue::{Code, Rule};

/// A part of a node that Azure may refuse to deploy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Setting {
    /// A VNet's VPN gateway.
    VpnGateway,
    /// The P2S (User VPN) configuration of a VNet's gateway or a hub.
    P2s,
    /// The whole network (a VNet or hub in a region no Azure cloud has): every connection of
    /// the node, the implied ones included, carries nothing.
    Network,
}

impl Net {
    /// An error finding for a setting Azure refuses to deploy, remembered so that the
    /// connections depending on it carry nothing (the first refusal of a setting is kept).
    pub(super) fn refuse_setting(
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

    /// A BGP connection from a site or cloud whose ASN Azure reserves, or equals the gateway's,
    /// does not come up: Azure refuses the local network gateway or the session (R3.3, R8.1).
    pub(super) fn check_site_asn(&mut self, conn: &mut Conn, link: &Link, gw_asn: u32) {
        let Some(asn) = self.node(conn.a).asn else {
            return;
        };
        let fix = format!(
            "Give {} another private ASN (64512-65514 or 65521-65534) than {}'s {gw_asn}.",
            link.from, link.to
        );
        if asn == gw_asn {
            let block = Block::new(Rule::R8_1, Code::SameAsn,
                format!("{} and {} both use ASN {gw_asn} on a BGP connection; the two sides need different ASNs, so the connection carries nothing.", link.from, link.to),
                Some(fix.clone()));
            let links: Vec<usize> = conn.link.into_iter().collect();
            self.find(
                Severity::Error,
                block.code,
                Some(block.rule),
                block.reason.clone(),
                &[conn.a, conn.b],
                &links,
            );
            if !limits::RESERVED_ASNS.contains(&asn) {
                conn.refused.get_or_insert(block);
            }
        }
        if limits::RESERVED_ASNS.contains(&asn) {
            // The node's finding (`reserved-asn`) is made once for the node (design).
            conn.refused.get_or_insert(Block::new(Rule::R3_3, Code::ReservedAsn,
                format!("{} uses ASN {asn}, which Azure reserves (8074, 8075, 12076, 65515, 65517-65520); BGP with Azure does not come up, so S2S {} carries nothing.", link.from, link.label()),
                Some(fix)));
        }
    }

    /// Refuses the connections the plan implies (hub mesh, Azure backbone) of a network Azure
    /// does not deploy (its finding is already made).
    pub(super) fn refuse_implied_of_refused_networks(&mut self) {
        for c in 0..self.conns.len() {
            let conn = &self.conns[c];
            if conn.link.is_some() || conn.refused.is_some() {
                continue;
            }
            let ends = [(conn.a, Setting::Network), (conn.b, Setting::Network)];
            let block = ends.iter().find_map(|key| self.refused_settings.get(key));
            if let Some(block) = block.cloned() {
                self.conns[c].refused = Some(block);
            }
        }
    }

    /// Refuses a connection that depends on a setting Azure does not deploy (its finding is
    /// already made); true when it did.
    pub(super) fn depends_on_refused(&self, conn: &mut Conn, ends: &[(usize, Setting)]) -> bool {
        let block = ends.iter().find_map(|key| self.refused_settings.get(key));
        if let Some(block) = block {
            conn.refused = Some(block.clone());
        }
        conn.refused.is_some()
    }

    /// Refuses connections beyond a limit (their one finding is made by the caller): Azure does
    /// not create them, so they carry nothing.
    pub(crate) fn refuse_all(&mut self, conns: &[usize], block: &Block) {
        for &c in conns {
            if self.conns[c].refused.is_none() {
                self.conns[c].refused = Some(block.clone());
            }
        }
    }
}
