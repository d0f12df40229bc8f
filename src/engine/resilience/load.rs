//! Capacity under failure: when a failure moves traffic to a backup (ExpressRoute down, the
//! coexisting S2S VPN carries it; one of two hubs down; a circuit down, the other one carries
//! it), the capacity answer of the failed plan at the surge asked for, compared row by row with
//! the plan's own: every element whose demand grows, with its limit and whether it still
//! carries it. "ExpressRoute fails: the 1000 Mbps of flows move to a VpnGw1AZ that carries 650
//! Mbps" is the sentence it gives.
//!
//! The failed plan is the one the sweep judges ([`Domain::failed`]); its capacity is the
//! engine's ([`capacity`](super::super::capacity)), so flows follow the paths left and the
//! users of a failed gateway's P2S link are not placed anywhere. A gateway instance's failure
//! removes nothing: an active-standby gateway's standby instance carries what the active one
//! did, while one instance of an active-active gateway is taken to carry at most half of the
//! SKU's aggregate throughput (assumption: Microsoft's figure is the gateway's, whose two
//! instances share the load, and no page gives one instance's share; see
//! <https://learn.microsoft.com/azure/vpn-gateway/about-active-active-gateways>).
//!
//! Complexity: one capacity answer per failure that moves or loses traffic, on plans with flows
//! or users, of at most [`MAX_EXPLAINED`](super::failover::MAX_EXPLAINED) endpoints.

use serde::Serialize;

use super::super::capacity::{Capacity, ElementKind, Measure, Row};
use super::super::model::Plan;
use super::super::prepared::Network;
use super::domains::{Cut, Domain};
use super::failover::MAX_EXPLAINED;
use super::{DomainKind, Resilience};

/// One element whose demand a failure raises.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Load {
    /// The node id of the gateway's VNet or hub, the circuit or the firewall's VNet or hub.
    pub element: String,
    /// What kind of element.
    pub kind: ElementKind,
    /// The plan link measured, for per-connection rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<usize>,
    /// What is measured.
    pub measure: Measure,
    /// The demand the failure adds (or, for an instance, puts on the one left).
    pub moved: f64,
    /// The demand in the failed state, at the surge.
    pub demand: f64,
    /// The limit in the failed state.
    pub capacity: f64,
    /// demand / capacity, in percent (one decimal).
    pub percent: f64,
    /// Whether the element carries the demand (demand within the limit).
    pub carries: bool,
    /// The table row the limit comes from, in words.
    pub limit: String,
    /// The source of that table.
    pub source: &'static str,
}

/// Fills in [`Failure::capacity`](super::Failure::capacity) for the failures of `r` (the resilience of `network`) at a
/// surge multiple, on plans with flows or users of at most
/// [`MAX_EXPLAINED`](super::failover::MAX_EXPLAINED) endpoints; returns whether it did.
pub fn under_failure(network: &Network, r: &mut Resilience, surge: f64) -> bool {
    let plan = network.plan();
    let loaded = !plan.flows.is_empty() || plan.nodes.iter().any(|n| n.count.unwrap_or(0) > 0);
    if !loaded || r.endpoints > MAX_EXPLAINED {
        return false;
    }
    let base = network.capacity(surge);
    for f in r
        .single_points
        .iter_mut()
        .chain(r.survived_after_failover.iter_mut())
    {
        f.capacity = loads(plan, &base, &f.domain, surge);
    }
    r.surge = Some(surge);
    true
}

/// What the failure of `domain` (one of the plan's) moves onto a backup at a surge multiple,
/// by element: the same answer as [`under_failure`] gives that failure, for one failure at a
/// time (the browser's Failures view); empty on plans without flows or users or of more than
/// [`MAX_EXPLAINED`](super::failover::MAX_EXPLAINED) endpoints.
pub fn of_domain(network: &Network, domain: &Domain, surge: f64) -> Vec<Load> {
    let plan = network.plan();
    let loaded = !plan.flows.is_empty() || plan.nodes.iter().any(|n| n.count.unwrap_or(0) > 0);
    let endpoints = plan.nodes.iter().filter(|n| n.kind.is_endpoint()).count();
    if !loaded || endpoints > MAX_EXPLAINED {
        return Vec::new();
    }
    loads(plan, &network.capacity(surge), domain, surge)
}

/// What one failure moves, by element.
fn loads(plan: &Plan, base: &Capacity, domain: &Domain, surge: f64) -> Vec<Load> {
    if domain.cut == Cut::Nothing {
        return instance(plan, base, domain);
    }
    let failed = Network::new(&domain.failed(plan)).capacity(surge);
    failed
        .rows
        .iter()
        .filter_map(|row| {
            let before = base
                .rows
                .iter()
                .find(|b| same(b, row))
                .map_or(0.0, |b| b.demand);
            let moved = row.demand - before;
            (moved > 0.05).then(|| load(row, moved, row.capacity))
        })
        .collect()
}

/// An instance of an active-active VPN gateway: the other carries its throughput, within half
/// the SKU's figure (see the module).
fn instance(plan: &Plan, base: &Capacity, domain: &Domain) -> Vec<Load> {
    let active_active = domain.kind == DomainKind::VpnGateway
        && domain.nodes.iter().any(|id| {
            plan.node(id)
                .and_then(|n| n.vpn_gateway.as_ref())
                .is_some_and(|g| g.active_active == Some(true))
        });
    if !active_active {
        return Vec::new();
    }
    base.rows
        .iter()
        .filter(|r| {
            r.kind == ElementKind::VpnGateway
                && r.measure == Measure::Throughput
                && r.demand > 0.0
                && domain.nodes.contains(&r.element)
        })
        .map(|r| {
            let mut l = load(r, r.demand / 2.0, r.capacity / 2.0);
            l.limit = format!("{}; one instance of two, half of it (assumption)", r.limit);
            l
        })
        .collect()
}

fn same(a: &Row, b: &Row) -> bool {
    (&a.element, a.kind, a.link, a.measure) == (&b.element, b.kind, b.link, b.measure)
}

fn load(row: &Row, moved: f64, capacity: f64) -> Load {
    let percent = if capacity > 0.0 {
        (row.demand / capacity * 1000.0).round() / 10.0
    } else {
        0.0
    };
    Load {
        element: row.element.clone(),
        kind: row.kind,
        link: row.link,
        measure: row.measure,
        moved: (moved * 10.0).round() / 10.0,
        demand: row.demand,
        capacity,
        percent,
        carries: row.demand <= capacity,
        limit: row.limit.clone(),
        source: row.source,
    }
}

/// The sentence of one load: "1000 Mbps move to the VPN gateway of hub (VpnGw1AZ (Generation
/// 1), 650 Mbps aggregate): 1000 of 650 throughput (Mbps), 153.8 %, it does NOT carry them".
pub fn sentence(l: &Load) -> String {
    let unit = if l.measure.whole() {
        format!(" {}", l.measure.label())
    } else {
        " Mbps".to_string()
    };
    let of = match l.link {
        Some(link) => format!("{} of {} (link {link})", l.kind.label(), l.element),
        None => format!("{} of {}", l.kind.label(), l.element),
    };
    let verdict = if l.carries {
        "it carries them"
    } else {
        "it does NOT carry them"
    };
    format!(
        "{}{unit} move to the {of} ({}): {} of {} {}, {} %, {verdict}",
        num(l.moved),
        l.limit,
        num(l.demand),
        num(l.capacity),
        l.measure.label(),
        l.percent,
    )
}

fn num(x: f64) -> String {
    super::super::capacity::num(x)
}
