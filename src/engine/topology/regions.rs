//! Region names and clouds: an unknown region is an error with the nearest known names, and no
//! connection crosses from one Azure cloud to another (see `clouds`).

use super::*;
use crate::engine::catalogue::Code;
use crate::engine::clouds::{self, Cloud};

impl Net {
    /// An error finding for each VNet or hub whose region no Azure cloud has.
    pub(super) fn check_regions(&mut self) {
        let plan = std::sync::Arc::clone(&self.plan);
        for (n, node) in plan.nodes.iter().enumerate() {
            if !matches!(node.kind, NodeKind::Vnet | NodeKind::VwanHub) {
                continue;
            }
            let Some(region) = node.region.as_deref() else {
                continue;
            };
            if clouds::cloud_of(region).is_some() {
                continue;
            }
            let shown: String = region.chars().take(64).collect();
            let near = clouds::nearest(region);
            let hint = match near.as_slice() {
                [] => String::new(),
                [one] => format!(" Did you mean {one}?"),
                more => format!(" Did you mean {}?", more.join(", ")),
            };
            self.find(Severity::Error, Code::UnknownRegion, None,
                format!("{}: \"{shown}\" is not a region of any Azure cloud: Azure would not deploy the network there, and no ExpressRoute circuit's scope includes it.{hint}", node.id),
                &[n], &[]);
        }
    }

    /// The cloud of a node's region, when it is known.
    fn cloud(&self, n: usize) -> Option<Cloud> {
        self.node(n).region.as_deref().and_then(clouds::cloud_of)
    }

    /// The block for a connection of this kind between two nodes in different clouds.
    pub(super) fn cloud_clash(&self, a: usize, b: usize, kind: LinkKind) -> Option<Block> {
        let azure = |n: usize| matches!(self.node(n).kind, NodeKind::Vnet | NodeKind::VwanHub);
        if !azure(a) || !azure(b) {
            return None;
        }
        let (ca, cb) = (self.cloud(a)?, self.cloud(b)?);
        if ca == cb {
            return None;
        }
        let (rule, what) = match kind {
            LinkKind::Peering => (Rule::R1_4, "peered (\"You can't peer across clouds\")"),
            LinkKind::S2s => (
                Rule::R3_9,
                "joined by VNet-to-VNet, which stays within one cloud",
            ),
            _ => (Rule::R7_3, "connected"),
        };
        let (ia, ib) = (self.id(a), self.id(b));
        Some(Block::new(
            rule,
            Code::AcrossClouds,
            format!(
                "{ia} is in {} and {ib} in {}: networks of two Azure clouds cannot be {what}.",
                ca.as_str(),
                cb.as_str()
            ),
            Some(format!(
                "Connect {ia} and {ib} over the internet (S2S VPN between gateways of each cloud, as with another provider), or place both in one cloud."
            )),
        ))
    }

    /// A circuit at a peering location of the global cloud and a network of a sovereign cloud,
    /// or of a region no cloud has: the circuit's scope does not include it (R6.2).
    pub(super) fn circuit_cloud(&self, c: usize, t: usize) -> Option<Block> {
        let region = self.node(t).region.as_deref()?;
        let (cid, tid) = (self.id(c), self.id(t));
        let shown: String = region.chars().take(64).collect();
        let reason = match clouds::cloud_of(region) {
            None => format!("{tid}'s region \"{shown}\" is not an Azure region, so circuit {cid} cannot reach it."),
            Some(Cloud::Global) => return None,
            Some(cloud) => format!("Circuit {cid} is at a peering location of the global Azure cloud, and {tid} is in {}: ExpressRoute for one Azure cloud does not reach the regions of another.", cloud.as_str()),
        };
        Some(Block::new(
            Rule::R6_2,
            Code::CircuitScope,
            reason,
            Some(format!(
                "Correct {tid}'s region, or connect it with a circuit of its own cloud."
            )),
        ))
    }
}
