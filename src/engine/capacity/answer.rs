//! The capacity answer as plain data: utilisation rows, shortfalls with recommendations, flows, what breaks first.

use crate::engine::catalogue::{Code, Rule};
use serde::Serialize;

use crate::engine::model::{FirewallSku, FlowClass, VpnSku};
use crate::engine::rules::{Finding, Severity};

/// What kind of element a row measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ElementKind {
    /// A VNet's VPN gateway.
    VpnGateway,
    /// A Virtual WAN hub's User VPN (P2S) gateway.
    VwanP2s,
    /// A Virtual WAN hub's S2S VPN gateway.
    VwanS2s,
    /// A Virtual WAN hub's ExpressRoute gateway.
    VwanEr,
    /// A VNet's ExpressRoute gateway.
    ErGateway,
    /// An ExpressRoute circuit.
    Circuit,
    /// Azure Firewall in a VNet or hub.
    Firewall,
}

impl ElementKind {
    /// How people call it.
    pub fn label(self) -> &'static str {
        match self {
            ElementKind::VpnGateway => "VPN gateway",
            ElementKind::VwanP2s => "User VPN gateway",
            ElementKind::VwanS2s => "S2S VPN gateway",
            ElementKind::VwanEr => "hub ER gateway",
            ElementKind::ErGateway => "ExpressRoute gateway",
            ElementKind::Circuit => "circuit",
            ElementKind::Firewall => "firewall",
        }
    }
}

/// What a row measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Concurrent SSTP connections.
    SstpConnections,
    /// Concurrent IKEv2 and OpenVPN connections.
    P2sConnections,
    /// Concurrent User VPN users of a hub.
    P2sUsers,
    /// S2S and VNet-to-VNet tunnels.
    Tunnels,
    /// VPN branch connections of a hub.
    VpnConnections,
    /// Aggregate throughput in Mbps.
    Throughput,
    /// Throughput toward Microsoft (from on-premises) in Mbps.
    ThroughputIn,
    /// Throughput from Microsoft (to on-premises) in Mbps.
    ThroughputOut,
    /// Throughput of one VPN connection in Mbps.
    ConnectionThroughput,
    /// Routes a P2S client must accept.
    ClientRoutes,
    /// Routes on-premises advertises to a circuit.
    OnpremRoutes,
    /// Routes a VNet connection advertises to on-premises.
    VnetRoutes,
    /// Routes an ExpressRoute gateway learns.
    GatewayRoutes,
}

impl Measure {
    /// How people call it.
    pub fn label(self) -> &'static str {
        match self {
            Measure::SstpConnections => "SSTP connections",
            Measure::P2sConnections => "IKEv2/OpenVPN connections",
            Measure::P2sUsers => "P2S users",
            Measure::Tunnels => "S2S tunnels",
            Measure::VpnConnections => "VPN connections",
            Measure::Throughput => "throughput (Mbps)",
            Measure::ThroughputIn => "Mbps to Azure",
            Measure::ThroughputOut => "Mbps from Azure",
            Measure::ConnectionThroughput => "Mbps per connection",
            Measure::ClientRoutes => "P2S client routes",
            Measure::OnpremRoutes => "on-prem routes",
            Measure::VnetRoutes => "VNet routes to on-prem",
            Measure::GatewayRoutes => "routes learned",
        }
    }

    /// Whether the measure counts whole things (connections, tunnels, routes), rounded up.
    pub fn whole(self) -> bool {
        !matches!(
            self,
            Measure::Throughput
                | Measure::ThroughputIn
                | Measure::ThroughputOut
                | Measure::ConnectionThroughput
        )
    }
}

/// One bar: an element, what is measured, the demand at the surge and the limit with its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The node id of the gateway's VNet or hub, the circuit or the firewall's VNet or hub.
    pub element: String,
    /// What kind of element.
    pub kind: ElementKind,
    /// The plan link measured, for per-connection rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<usize>,
    /// What is measured.
    pub measure: Measure,
    /// The part of the demand that does not grow with the surge.
    pub base: f64,
    /// The part of the demand that grows with the surge (demand = base + per_surge × surge).
    pub per_surge: f64,
    /// The demand at the surge asked for.
    pub demand: f64,
    /// The limit.
    pub capacity: f64,
    /// demand / capacity, in percent (one decimal).
    pub percent: f64,
    /// The surge multiple above which demand exceeds the limit (`None`: never; 0: at any).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub breaks_at: Option<f64>,
    /// The table row the limit comes from, in words.
    pub limit: String,
    /// The source of that table.
    pub source: &'static str,
    /// Rule id of the rule book.
    pub rule: Rule,
}

/// A change the recommendation makes, for a UI or a script.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// Resize the VPN gateway.
    VpnSku {
        /// The SKU.
        sku: VpnSku,
        /// Its generation.
        generation: u8,
    },
    /// Set a hub gateway's scale units.
    ScaleUnits {
        /// `p2s`, `s2s` or `er`.
        gateway: &'static str,
        /// The number of units.
        units: u32,
    },
    /// Resize the ExpressRoute gateway.
    ErGatewaySku {
        /// The SKU (as Azure names it).
        sku: String,
        /// Scale units of an ErGwScale gateway.
        #[serde(skip_serializing_if = "Option::is_none")]
        units: Option<u32>,
    },
    /// Resize the circuit.
    CircuitBandwidth {
        /// Mbps.
        mbps: u32,
    },
    /// Change the firewall SKU.
    FirewallSku {
        /// The SKU.
        sku: FirewallSku,
    },
    /// A change of design that no table row covers.
    Design,
}

/// A capacity finding: the finding, the limit it is measured against, and what to change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shortfall {
    /// Severity, code, message with the numbers, nodes and rule.
    #[serde(flatten)]
    pub finding: Finding,
    /// The limit that is exceeded, as in the table row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
    /// The table the limit comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'static str>,
    /// What to change, in a sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommendation: Option<String>,
    /// The change as data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
}

/// How one flow is carried.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FlowRoute {
    /// Source endpoint id.
    pub from: String,
    /// Destination endpoint id.
    pub to: String,
    /// Traffic class.
    pub class: FlowClass,
    /// Mbps at the surge.
    pub mbps: f64,
    /// Whether it grows with the surge (a users group at one end).
    pub scales: bool,
    /// Node ids of the path the load is placed on (empty when the pair does not reach).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub path: Vec<String>,
    /// Link kinds between them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
    /// How the path was chosen.
    pub route: String,
    /// Round-trip time estimate in ms over the Azure part of the path, when the table has it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rtt_ms: Option<f64>,
    /// Where the estimate comes from, or why there is none.
    pub latency: String,
}

/// The first element to exceed its limit as the surge grows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Break {
    /// The element.
    pub element: String,
    /// Its kind.
    pub kind: ElementKind,
    /// What runs out.
    pub measure: Measure,
    /// The surge multiple above which it is over 100 %.
    pub at: f64,
}

/// A default the capacity analysis used because the plan does not say.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Note {
    /// Stable code.
    pub code: Code,
    /// What was assumed.
    pub message: String,
}

/// The capacity answer for a plan at a surge.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Capacity {
    /// The format version.
    pub reachplan: u32,
    /// The surge multiple asked for.
    pub surge: f64,
    /// Every measure of every element, sorted by element, kind, link and measure.
    pub rows: Vec<Row>,
    /// Shortfalls and traffic-class problems, errors first.
    pub findings: Vec<Shortfall>,
    /// The plan's flows, in plan order, with the path their load is placed on.
    pub flows: Vec<FlowRoute>,
    /// The first element to exceed 100 % as the surge grows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub breaks_first: Option<Break>,
    /// Defaults used where the plan does not say.
    pub notes: Vec<Note>,
}

impl Capacity {
    /// Whether a finding of severity error exists.
    pub fn has_errors(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.finding.severity == Severity::Error)
    }

    /// The rows measured over 100 % at the surge.
    pub fn over(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| r.demand > r.capacity)
    }
}
