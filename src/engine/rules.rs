//! The vocabulary of answers: why traffic stops (`Block`), the defaults the engine chose where
//! the rule book is unsure (`Assumption`), and what is wrong with a plan (`Finding`).
//!
//! Every one of them carries a rule id of the rule book (`R1.1` …) and a sentence written for a
//! network engineer. The UI, the CLI and the tests show these values as they are, so the same
//! words appear everywhere.

use crate::engine::catalogue::{Code, Rule};
use serde::Serialize;

use super::edit::Edit;

/// Why traffic cannot take one hop: the rule, a sentence, and the smallest change that opens it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Block {
    /// Rule of the rule book, e.g. `R1.1`.
    pub rule: Rule,
    /// Stable machine-readable code, e.g. `peering-not-transitive`.
    pub code: Code,
    /// What stops the traffic, in a sentence.
    pub reason: String,
    /// The smallest concrete change that would let it pass, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    /// The fix as a mechanical edit of the plan, when it is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edit: Option<Edit>,
    /// The assumption this decision rests on, when the rule book is unsure.
    #[serde(skip)]
    pub assumption: Option<AssumptionId>,
}

impl Block {
    /// A block with a fix.
    pub fn new(rule: Rule, code: Code, reason: String, fix: Option<String>) -> Block {
        Block {
            rule,
            code,
            reason,
            fix,
            edit: None,
            assumption: None,
        }
    }

    /// The same block, with its fix as an edit.
    pub fn with_edit(mut self, edit: Option<Edit>) -> Block {
        self.edit = edit;
        self
    }

    /// The same block, resting on an assumption.
    pub fn assuming(mut self, assumption: AssumptionId) -> Block {
        self.assumption = Some(assumption);
        self
    }
}

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Azure would refuse it, or it cannot work.
    Error,
    /// It works, but not as one would expect, or it is close to a limit.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Something wrong or noteworthy in the plan itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// How bad it is.
    pub severity: Severity,
    /// Stable machine-readable code, e.g. `sstp-with-openvpn`.
    pub code: Code,
    /// What is wrong, in a sentence.
    pub message: String,
    /// Ids of the nodes concerned, sorted.
    pub nodes: Vec<String>,
    /// Indexes of the links concerned (into the plan's `links`), sorted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<usize>,
    /// Rule of the rule book.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
}

/// A default the engine chose where the rule book marks a point UNCONFIRMED or contested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AssumptionId {
    /// S2S ↔ S2S transit needs BGP on both connections.
    StaticTransit,
    /// P2S → on-premises over a static S2S is not reachable.
    P2sStaticS2s,
    /// P2S → ExpressRoute on-premises in a VNet-gateway design is not reachable.
    P2sOverEr,
    /// Basic vWAN: S2S branches reach the VNets of their own hub, nothing more.
    BasicHubVnets,
    /// vWAN branch-to-branch off blocks every branch pair.
    BranchToBranchOff,
    /// A VNet connected to a vWAN hub does not pass hub traffic to its own gateways.
    VwanSpokeGateway,
    /// On-premises networks and clouds do not forward between their own connections.
    NoOnPremTransit,
    /// Networks on the same circuit's private peering do not reach each other through Azure.
    SameCircuit,
    /// A circuit or region not in the tables: scope not checked.
    UnknownLocation,
    /// P2S users without an internet link send all traffic through the VPN.
    P2sForcedTunnel,
    /// ER ↔ S2S through Route Server needs BGP on the S2S connection.
    RouteServerBgp,
    /// GCP over S2S: Azure-side requirements are not documented by Microsoft.
    GcpRequirements,
    /// A Local circuit on a Virtual WAN hub reaches spokes of other regions through the mesh.
    LocalCircuitMesh,
    /// A VNet reaches the internet and Microsoft's public endpoints by its outbound access.
    OutboundAccess,
    /// A Virtual WAN hub whose scale units list no gateway of the kind a connection needs.
    HubGatewayUnlisted,
}

/// A default the engine applied, as shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Assumption {
    /// Stable code.
    pub code: &'static str,
    /// Rule id the assumption stands in for, if the rule book has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    /// What the engine assumed and what would change the answer.
    pub message: &'static str,
}

impl AssumptionId {
    /// The assumption as shown to the user.
    pub fn describe(self) -> Assumption {
        let (code, rule, message) = match self {
            AssumptionId::StaticTransit => (
                "static-s2s-transit",
                Some(Rule::R3_6),
                "Transit between two S2S (or VNet-to-VNet) connections of one VPN gateway is taken to need BGP on both; with static routes only it is UNCONFIRMED in the documentation, so it is shown as not reachable.",
            ),
            AssumptionId::P2sStaticS2s => (
                "p2s-static-s2s",
                Some(Rule::R3_11),
                "P2S clients are taken not to reach on-premises over a static S2S connection (Microsoft's P2S routing article). Reports say it can work when the on-premises device routes the P2S pool and clients get the site route (OpenVPN/Azure VPN Client, or custom routes); enable BGP to be sure.",
            ),
            AssumptionId::P2sOverEr => (
                "p2s-over-expressroute",
                Some(Rule::R3_14),
                "P2S clients of a VNet gateway are taken not to reach on-premises networks behind ExpressRoute, even with Route Server (current Route Server FAQ). Some reports say it can work; a Standard Virtual WAN hub supports it.",
            ),
            AssumptionId::BasicHubVnets => (
                "basic-vwan-vnets",
                Some(Rule::R7_1),
                "In a Basic Virtual WAN, S2S branches are taken to reach the VNets connected to their own hub and nothing more (no source says it outright).",
            ),
            AssumptionId::BranchToBranchOff => (
                "vwan-branch-to-branch-off",
                Some(Rule::R7_4),
                "With branch-to-branch off, every branch pair (S2S, P2S and ExpressRoute) is taken to be blocked, as the Virtual WAN FAQ says; one article names only VPN to ExpressRoute.",
            ),
            AssumptionId::VwanSpokeGateway => (
                "vwan-spoke-gateway",
                Some(Rule::R7_12),
                "A VNet connected to a Virtual WAN hub is taken not to pass hub traffic to its own gateways or peerings (whether it may keep its own gateway is UNCONFIRMED).",
            ),
            AssumptionId::NoOnPremTransit => (
                "no-on-premises-transit",
                None,
                "On-premises sites, user groups and other clouds are taken not to forward traffic between their own connections; the plan does not describe their routers.",
            ),
            AssumptionId::SameCircuit => (
                "same-circuit-sites",
                Some(Rule::R6_10),
                "Networks attached to the same circuit's private peering are taken to reach each other over your own WAN, not through Azure.",
            ),
            AssumptionId::UnknownLocation => (
                "unknown-location",
                Some(Rule::R6_2),
                "A circuit's peering location or a network's region is not in the tables or not given, so the circuit's scope was not checked for it.",
            ),
            AssumptionId::P2sForcedTunnel => (
                "p2s-forced-tunnel",
                Some(Rule::R3_19),
                "P2S users without an internet link are taken to be force-tunnelled: 0.0.0.0/0 is advertised to their clients and the firewall or NVA in the gateway's VNet forwards their internet and Microsoft 365 traffic (the VPN gateway itself provides no internet connectivity).",
            ),
            AssumptionId::RouteServerBgp => (
                "route-server-bgp",
                Some(Rule::R2_7),
                "ExpressRoute to S2S transit through Route Server is taken to need BGP on the S2S connection, since the VPN gateway re-advertises learned routes to BGP peers only.",
            ),
            AssumptionId::GcpRequirements => (
                "gcp-requirements",
                Some(Rule::R8_2),
                "Google Cloud over S2S is taken to work like any BGP site; Microsoft documents no Azure-side requirements (active-active, tunnel count) for it.",
            ),
            AssumptionId::OutboundAccess => (
                "vnet-outbound-access",
                None,
                "A VNet is taken to reach the internet and Microsoft's public endpoints by outbound access: default outbound access, or an explicit method (NAT gateway, firewall, public IP, load balancer outbound rules). Default outbound access is being retired: virtual networks created with the API released after 31 March 2026 have private subnets, which need an explicit method (learn.microsoft.com/azure/virtual-network/ip-services/default-outbound-access).",
            ),
            AssumptionId::LocalCircuitMesh => (
                "local-circuit-vwan-mesh",
                Some(Rule::R7_11),
                "A Local circuit connected to a Virtual WAN hub is taken to reach VNets of other regions through the hub mesh (the Virtual WAN ExpressRoute article); other sources disagree.",
            ),
            AssumptionId::HubGatewayUnlisted => (
                "vwan-hub-gateway-unlisted",
                Some(Rule::R7_9),
                "A Virtual WAN hub whose scale_units list no gateway of the kind a connection needs (S2S, P2S or ExpressRoute) is taken to have that gateway with 1 scale unit, the smallest; neither the rule book nor Microsoft's pages say what such a plan means. Give the hub's scale units for that gateway to confirm it.",
            ),
        };
        Assumption {
            code,
            rule,
            message,
        }
    }
}
