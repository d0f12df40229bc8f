//! Remote-work capacity: whether gateways, hubs, circuits and firewalls carry the plan's users and flows, and what breaks first when more people work from home.
//!
//! [`capacity`] is a pure function of the plan and a surge multiple (how many times as many
//! people work from home as the plan's `users` counts say). It measures every element that
//! carries traffic against the limit tables of [`crate::engine::limits`]:
//!
//! - a VNet's VPN gateway: SSTP connections (128 whatever the SKU), IKEv2/OpenVPN connections,
//!   S2S tunnels, aggregate throughput, and the routes its P2S clients must accept;
//! - a Virtual WAN hub's User VPN (users and throughput per scale units), S2S VPN (hub and
//!   per-connection throughput, connections) and ExpressRoute gateways (scale units);
//! - a VNet's ExpressRoute gateway (throughput, routes), a circuit (bandwidth per direction, routes);
//! - an Azure Firewall (throughput by SKU).
//!
//! How load is placed: each users group's demand (`count` × `mbps_per_user` × surge, for the
//! users who can connect) lands on the gateway of its `p2s` link (split evenly when a group has
//! several). Each flow follows the pair's path from the analysis, except that a path crossing a
//! site's S2S VPN is moved to ExpressRoute when the same pair also reaches over ExpressRoute, as
//! Azure prefers ExpressRoute for equal prefixes (R2.8, R6.12; R7.8 for hubs, whose default
//! routing preference is ExpressRoute) and the rule book asks on-premises to prefer it too. A
//! flow adds its Mbps once to every element it crosses; a flow with a users group at one end
//! grows with the surge, other flows do not. On a group's own P2S gateway its flows are taken to
//! be part of its per-user demand (the larger of the two counts, never both).
//!
//! Every measure above 100 % is an error finding, above 76.9 % (less than 30 % headroom) a
//! warning; each comes with the smallest SKU or scale-unit count of the tables that carries the
//! demand with 30 % headroom, or a change of design when none does.

mod answer;
mod clients;
mod elements;
mod expressroute;
mod firewall;
mod flows;
mod latency;
mod measure;
mod path;
mod routes;
mod text;
mod vpn;
mod vwan;

use super::model::Plan;
use super::prepared::Network;

pub use answer::*;
pub use clients::Os;
pub use measure::{num, times, HEADROOM};
pub use text::render;

pub(crate) use measure::{round, severity_of, state, Ctx, Measured};
/// Capacity of a plan at a surge multiple (1 = the plan's own user counts).
///
/// # Example
/// ```
/// use reachplan::engine::{capacity::capacity, read_plan};
/// let plan = read_plan(r#"{"reachplan": 1,
///   "nodes": [{"id": "staff", "kind": "users", "count": 300, "clients": {"windows": 300}},
///             {"id": "hub", "kind": "vnet", "address_space": ["10.0.0.0/16"],
///              "vpn_gateway": {"sku": "VpnGw1AZ", "p2s": {"protocols": ["sstp"],
///                "auth": ["certificate"], "address_pool": ["172.16.0.0/22"]}}}],
///   "links": [{"kind": "p2s", "from": "staff", "to": "hub"}]}"#).unwrap();
/// let result = capacity(&plan, 1.0);
/// assert!(result.findings.iter().any(|f| f.finding.code.as_str() == "sstp-limit"));
/// ```
pub fn capacity(plan: &Plan, surge: f64) -> Capacity {
    Network::new(plan).capacity(surge)
}

/// [`capacity`] of a prepared network.
pub(crate) fn capacity_of(network: &Network, surge: f64) -> Capacity {
    let plan = network.plan();
    let surge = if surge.is_finite() && surge > 0.0 {
        surge
    } else {
        1.0
    };
    let flows: Vec<(&str, &str)> = plan
        .flows
        .iter()
        .map(|f| (f.from.as_str(), f.to.as_str()))
        .collect();
    let analysis = network.answers(&flows);
    let mut ctx = Ctx {
        plan,
        surge,
        index: plan
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.id.as_str(), i))
            .collect(),
        findings: Vec::new(),
        notes: Vec::new(),
    };
    let users = elements::spread_users(&mut ctx);
    let mut loads = elements::Loads::default();
    let flows = flows::place(&mut ctx, &analysis, &mut loads);
    elements::add_users(&ctx, &users, &mut loads);
    let mut measured = Vec::new();
    measured.extend(vpn::measure(&mut ctx, &users, &loads));
    measured.extend(vwan::measure(&mut ctx, &users, &loads));
    measured.extend(expressroute::measure(&mut ctx, &loads));
    measured.extend(firewall::measure(&mut ctx, &loads));
    let mut rows: Vec<Row> = measured.into_iter().map(|m| m.at(surge)).collect();
    rows.sort_by(|a, b| {
        (&a.element, a.kind, a.link, a.measure).cmp(&(&b.element, b.kind, b.link, b.measure))
    });
    vpn::judge(&mut ctx, &rows, &users);
    vwan::judge(&mut ctx, &rows);
    expressroute::judge(&mut ctx, &rows);
    firewall::judge(&mut ctx, &rows);
    let breaks_first = rows
        .iter()
        .filter_map(|r| r.breaks_at.map(|at| (at, r)))
        .min_by(|(x, a), (y, b)| {
            x.total_cmp(y)
                .then_with(|| (&a.element, a.kind, a.measure).cmp(&(&b.element, b.kind, b.measure)))
        })
        .map(|(at, r)| Break {
            element: r.element.clone(),
            kind: r.kind,
            measure: r.measure,
            at,
        });
    let mut findings = std::mem::take(&mut ctx.findings);
    findings.sort_by(|x, y| {
        let (a, b) = (&x.finding, &y.finding);
        (a.severity, a.code, &a.nodes, &a.message).cmp(&(b.severity, b.code, &b.nodes, &b.message))
    });
    findings.dedup();
    let mut notes = std::mem::take(&mut ctx.notes);
    notes.sort();
    notes.dedup();
    Capacity {
        reachplan: 1,
        surge,
        rows,
        findings,
        flows,
        breaks_first,
        notes,
    }
}
