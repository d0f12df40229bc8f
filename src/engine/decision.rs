//! The answer of one forwarding decision, and how traffic entered a Virtual WAN hub: the words
//! that the forwarding rules (`transit`) and the gateways' own rules (`gates`) both speak, kept
//! apart so that neither imports the other's answer.

use super::rules::{AssumptionId, Block};

/// The answer for one hop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// The hop is allowed, perhaps on an assumption.
    Allow(Option<AssumptionId>),
    /// The hop is not allowed, for this reason.
    Deny(Block),
    /// The hop is not a path at all.
    Never,
}

/// How traffic entered the Virtual WAN, which decides what it may leave to (R7.3–R7.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ingress {
    /// From a VNet connection.
    Vnet,
    /// From a S2S VPN branch.
    Vpn,
    /// From P2S users.
    P2s,
    /// From an ExpressRoute circuit (node number), which may or may not support branch transit.
    Er(usize),
}
