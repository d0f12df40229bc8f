//! What removes a single point of failure of each kind, in a sentence, with the rule of the
//! rule book that the change rests on.
//!
//! Sources: Microsoft's "Designing for high availability with ExpressRoute"
//! (learn.microsoft.com/azure/expressroute/designing-for-high-availability-with-expressroute),
//! "Highly available cross-premises and VNet-to-VNet connectivity"
//! (learn.microsoft.com/azure/vpn-gateway/vpn-gateway-highlyavailable), the Virtual WAN FAQ
//! (learn.microsoft.com/azure/virtual-wan/virtual-wan-faq: a virtual network connects to one
//! hub) and the rules cited.

use crate::engine::catalogue::Rule;

use super::super::model::LinkKind;
use super::DomainKind;

/// The change that removes a single point of failure of this kind (for a connection, of this
/// kind of link), and its rule.
pub fn remedy(kind: DomainKind, link: Option<LinkKind>) -> (&'static str, Option<Rule>) {
    match kind {
        DomainKind::Connection => connection(link),
        DomainKind::VpnGateway => (
            "Make the gateway active-active: both instances hold tunnels, and an instance's \
             loss needs no failover.",
            Some(Rule::R3_8),
        ),
        DomainKind::ErGateway => (
            "Add a VPN gateway beside it as the failover path for private peering \
             (coexistence), or connect the circuits to a gateway in another region too.",
            Some(Rule::R6_12),
        ),
        DomainKind::Firewall => (
            "Nothing goes around the firewall: deploy it across availability zones, or give the \
             traffic that must survive a second hub with its own firewall.",
            None,
        ),
        DomainKind::Circuit => (
            "Add a second circuit at another peering location, or an S2S VPN as its backup for \
             private peering.",
            Some(Rule::R6_12),
        ),
        DomainKind::PeeringLocation => (
            "Put a second circuit at another peering location: circuits at one location fail \
             together.",
            None,
        ),
        DomainKind::VwanHub => (
            "Add a second hub (in another region) and connect the branches, users and circuits \
             to both; a VNet connects to one hub only, so a VNet that must survive needs a twin \
             on the second hub.",
            None,
        ),
        DomainKind::SiteDevice => (
            "Add a second VPN device at the site with its own tunnels to an active-active \
             gateway (BGP on every tunnel).",
            Some(Rule::R3_8),
        ),
        DomainKind::Zone => (
            "Use zone-redundant gateway SKUs (VpnGw1AZ–VpnGw5AZ, ErGw1AZ–ErGw3AZ): their two \
             instances sit in different availability zones, and one zone's loss is a failover.",
            Some(Rule::R5_1),
        ),
        DomainKind::Region => (
            "Give what must survive a region's loss its networks and connections in a second \
             region.",
            None,
        ),
    }
}

fn connection(link: Option<LinkKind>) -> (&'static str, Option<Rule>) {
    match link {
        Some(LinkKind::S2s) => (
            "Add a second tunnel: an active-active gateway with a tunnel to each of two devices \
             (or two tunnels to one), BGP on every tunnel.",
            Some(Rule::R3_7),
        ),
        Some(LinkKind::ErPrivate | LinkKind::ErMicrosoft | LinkKind::ErConnection) => (
            "Add a second circuit at another peering location on the same networks, or an S2S \
             VPN as the backup of private peering.",
            Some(Rule::R6_12),
        ),
        Some(LinkKind::GlobalReach) => (
            "Add Global Reach between two other circuits of the same sites, or a path through \
             Azure that does not need it.",
            Some(Rule::R6_9),
        ),
        _ => (
            "Nothing else joins these networks: a second path (a peering with a second hub, or \
             a Virtual WAN connection) keeps them joined when this link is deleted or broken.",
            None,
        ),
    }
}
