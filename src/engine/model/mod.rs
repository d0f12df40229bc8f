//! The plan: plain data that mirrors plan format version 1 field for field.
//!
//! Every optional field is an `Option` so that a plan read and written again keeps exactly what
//! its author wrote; defaults are applied by the analysis, never stored. The types know nothing
//! of JSON errors or analysis: `format` reads and writes them, `topology` interprets them.

mod gateway;
mod link;
mod node;
mod services;

pub use gateway::*;
pub use link::*;
pub use node::*;
pub use services::*;

use std::fmt;

use ipnet::IpNet;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A whole plan: the network a person designs, with what they expect of it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The format version; always 1 for plans this crate reads.
    pub reachplan: u32,
    /// A short title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Plain text about the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Virtual WANs that `vwan_hub` nodes belong to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wans: Vec<Wan>,
    /// Networks, circuits and hubs.
    #[serde(default)]
    pub nodes: Vec<Node>,
    /// Connections between nodes.
    #[serde(default)]
    pub links: Vec<Link>,
    /// Expected answers, checked by the analysis.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intents: Vec<Intent>,
    /// Traffic demands between endpoints.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flows: Vec<Flow>,
}

impl PartialEq for Plan {
    /// Field by field, the small lists first: an app compares the plan of every view at each
    /// edit, and an edit of an intent or a flow should not compare thousands of nodes to tell.
    fn eq(&self, other: &Plan) -> bool {
        let Plan {
            reachplan,
            title,
            description,
            wans,
            nodes,
            links,
            intents,
            flows,
        } = self;
        *reachplan == other.reachplan
            && intents.len() == other.intents.len()
            && flows.len() == other.flows.len()
            && nodes.len() == other.nodes.len()
            && links.len() == other.links.len()
            && *intents == other.intents
            && *flows == other.flows
            && *title == other.title
            && *description == other.description
            && *wans == other.wans
            && *links == other.links
            && *nodes == other.nodes
    }
}

impl Plan {
    /// An empty version 1 plan.
    pub fn new() -> Plan {
        Plan {
            reachplan: 1,
            title: None,
            description: None,
            wans: Vec::new(),
            nodes: Vec::new(),
            links: Vec::new(),
            intents: Vec::new(),
            flows: Vec::new(),
        }
    }

    /// The node with this id, if any.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// The virtual WAN with this id, if any.
    pub fn wan(&self, id: &str) -> Option<&Wan> {
        self.wans.iter().find(|w| w.id == id)
    }
}

impl Default for Plan {
    fn default() -> Self {
        Plan::new()
    }
}

/// A virtual WAN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wan {
    /// Unique id.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Basic or Standard.
    #[serde(rename = "type")]
    pub wan_type: WanType,
    /// Whether branches (S2S, P2S, ExpressRoute) reach each other through the hubs; default true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch_to_branch: Option<bool>,
}

/// The type of a virtual WAN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WanType {
    /// S2S VPN only, hubs not meshed.
    Basic,
    /// Every connection type, hubs meshed.
    Standard,
}

/// A position on the diagram; never affects analysis.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// Horizontal, in diagram units.
    pub x: f64,
    /// Vertical, in diagram units.
    pub y: f64,
}

/// Reachable or unreachable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expect {
    /// Traffic goes and comes back.
    Reachable,
    /// It does not.
    Unreachable,
}

/// An expected answer for one ordered pair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intent {
    /// Source endpoint id.
    pub from: String,
    /// Destination endpoint id.
    pub to: String,
    /// What should be true.
    pub expect: Expect,
    /// The kind of access expected (network, desktop, rdp_ssh, https or none), when the
    /// intent is about limited access rather than network reachability alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access: Option<Access>,
    /// Why, in the author's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// Which failures the answer must survive (`"any single failure"`), when the intent asks
    /// for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survives: Option<Survives>,
}

/// The failures an intent's answer must survive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Survives {
    /// Every single failure of a failure domain of the plan (see `resilience`), except those
    /// of the pair's own endpoints.
    #[serde(rename = "any single failure")]
    AnySingleFailure,
}

/// A traffic class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlowClass {
    /// Delay and jitter sensitive.
    Realtime,
    /// Interactive.
    Interactive,
    /// Bulk transfer.
    Bulk,
}

/// A traffic demand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    /// Source endpoint id.
    pub from: String,
    /// Destination endpoint id.
    pub to: String,
    /// Traffic class.
    pub class: FlowClass,
    /// Demand in Mbps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mbps: Option<f64>,
}

/// An IPv4 or IPv6 prefix, kept as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cidr(pub IpNet);

impl Cidr {
    /// Parses `10.0.0.0/16` or `fd00::/48`.
    ///
    /// Refused besides what is not a prefix: a number with a leading zero (`010.0.0.0/8`, read
    /// as octal by some tools and as decimal by others) and host bits set (`10.0.0.1/24`:
    /// Azure Resource Manager refuses such a prefix with `InvalidCIDRNotation`, "for the given
    /// prefix length, the address prefix should be 10.0.0.0/24"; no page of the Azure
    /// documentation states it, so the refusal follows the error the API returns).
    pub fn parse(text: &str) -> Result<Cidr, String> {
        let net = text.trim().parse::<IpNet>().map_err(|_| {
            format!("`{text}` is not a CIDR prefix (write it like 10.0.0.0/16 or fd00::/48)")
        })?;
        if leading_zero(text.trim()) {
            return Err(format!(
                "`{text}` has a number with a leading zero, which some tools read as octal; \
                 write it as {net}"
            ));
        }
        if net.addr() != net.network() {
            return Err(format!(
                "`{text}` has host bits set: a prefix starts at its network address, and \
                 Azure refuses it (InvalidCIDRNotation); write {}/{}",
                net.network(),
                net.prefix_len()
            ));
        }
        Ok(Cidr(net))
    }
}

/// Whether an IPv4 octet or the prefix length is written with a leading zero (`010`, `/08`).
fn leading_zero(text: &str) -> bool {
    let (address, length) = text.split_once('/').unwrap_or((text, ""));
    let padded = |n: &str| n.len() > 1 && n.starts_with('0');
    padded(length) || (!address.contains(':') && address.split('.').any(padded))
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for Cidr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Cidr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A visitor, not a String parsed afterwards: the JSON reader then places a refusal
        // just after the prefix it refuses, not after the list that holds it.
        struct Prefix;
        impl serde::de::Visitor<'_> for Prefix {
            type Value = Cidr;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Cidr, E> {
                Cidr::parse(text).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Prefix)
    }
}

/// The kind of access one endpoint has to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Access {
    /// Full network reachability, both ways.
    Network,
    /// A desktop session that runs in another network (Azure Virtual Desktop).
    Desktop,
    /// RDP or SSH through Azure Bastion.
    RdpSsh,
    /// HTTP(S) to an application published by Application Gateway.
    Https,
    /// No access at all.
    None,
}

impl Access {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Access::Network => "network",
            Access::Desktop => "desktop",
            Access::RdpSsh => "rdp_ssh",
            Access::Https => "https",
            Access::None => "none",
        }
    }
}
