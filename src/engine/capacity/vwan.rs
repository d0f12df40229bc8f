//! A Virtual WAN hub's gateways: User VPN users and throughput per scale units (R7.10), S2S throughput per hub and per connection and VPN connections (R7.9), ExpressRoute throughput per scale unit (R7.9).
//!
//! A hub whose plan gives no scale units for a gateway it uses is measured with 1 unit (the
//! smallest) and the output says so. The rule book gives no S2S throughput per scale unit, so the
//! S2S gateway is measured against the hub's 20 Gbps whatever its `scale_units.s2s`.

use crate::engine::catalogue::Code;
use crate::engine::catalogue::Rule;
use std::collections::BTreeMap;

use super::elements::{Assigned, Key, Loads};
use super::{num, severity_of, state, Change, Ctx, ElementKind, Measure, Measured, Row, HEADROOM};
use crate::engine::limits;
use crate::engine::model::{LinkKind, NodeKind};

fn units(ctx: &mut Ctx, hub: usize, which: &'static str, used: bool) -> u32 {
    let node = &ctx.plan.nodes[hub];
    let given = node.scale_units.and_then(|s| match which {
        "p2s" => s.p2s,
        "s2s" => s.s2s,
        _ => s.er,
    });
    if given.is_none() && used {
        let id = node.id.clone();
        ctx.note(
            Code::ScaleUnitsDefault,
            format!("{id} gives no {which} scale units; 1 unit (the smallest) is assumed."),
        );
    }
    given.unwrap_or(1)
}

fn units_text(u: u32, what: &str) -> String {
    let s = if u == 1 { "" } else { "s" };
    format!("{u} {what} scale unit{s}")
}

/// The rows of every hub's gateways.
pub fn measure(ctx: &mut Ctx, users: &[Assigned], loads: &Loads) -> Vec<Measured> {
    let plan = ctx.plan;
    let mut out = Vec::new();
    for (h, node) in plan.nodes.iter().enumerate() {
        if node.kind != NodeKind::VwanHub {
            continue;
        }
        let mk = |kind, link, measure, base, per_surge, capacity: u32, limit: String| Measured {
            element: node.id.clone(),
            kind,
            link,
            measure,
            base,
            per_surge,
            capacity: f64::from(capacity),
            limit,
            source: limits::VWAN_SOURCE,
            rule: if kind == ElementKind::VwanP2s {
                Rule::R7_10
            } else {
                Rule::R7_9
            },
        };
        let connected: f64 = users
            .iter()
            .filter(|a| a.gateway == h && a.protocol.is_ok())
            .map(|a| a.count)
            .sum();
        let has_p2s = node.p2s.is_some() || users.iter().any(|a| a.gateway == h);
        if has_p2s {
            let u = units(ctx, h, "p2s", true);
            let load = loads.get(Key::of(h, ElementKind::VwanP2s));
            let cap_users = limits::vwan_p2s_users(u);
            out.push(mk(
                ElementKind::VwanP2s,
                None,
                Measure::P2sUsers,
                0.0,
                connected,
                cap_users,
                format!("{}, {cap_users} users", units_text(u, "P2S")),
            ));
            let mbps = limits::VWAN_P2S_UNIT_MBPS * u;
            out.push(mk(
                ElementKind::VwanP2s,
                None,
                Measure::Throughput,
                load.base,
                load.per_surge,
                mbps,
                format!(
                    "{}, {mbps} Mbps ({} each)",
                    units_text(u, "P2S"),
                    limits::VWAN_P2S_UNIT_MBPS
                ),
            ));
        }
        let s2s: Vec<usize> = plan
            .links
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind == LinkKind::S2s && (l.to == node.id || l.from == node.id))
            .map(|(i, _)| i)
            .collect();
        if !s2s.is_empty() {
            let load = loads.get(Key::of(h, ElementKind::VwanS2s));
            out.push(mk(
                ElementKind::VwanS2s,
                None,
                Measure::VpnConnections,
                s2s.len() as f64,
                0.0,
                limits::VWAN_VPN_CONNECTIONS as u32,
                format!("{} VPN connections per hub", limits::VWAN_VPN_CONNECTIONS),
            ));
            out.push(mk(
                ElementKind::VwanS2s,
                None,
                Measure::Throughput,
                load.base,
                load.per_surge,
                limits::VWAN_S2S_HUB_MBPS,
                format!("{} Mbps S2S per hub", limits::VWAN_S2S_HUB_MBPS),
            ));
            for l in s2s {
                let mut key = Key::of(h, ElementKind::VwanS2s);
                key.link = Some(l);
                let load = loads.get(key);
                if load.base + load.per_surge > 0.0 {
                    out.push(mk(
                        ElementKind::VwanS2s,
                        Some(l),
                        Measure::ConnectionThroughput,
                        load.base,
                        load.per_surge,
                        limits::VWAN_S2S_CONNECTION_MBPS,
                        format!(
                            "{} Mbps per VPN connection of 2 tunnels",
                            limits::VWAN_S2S_CONNECTION_MBPS
                        ),
                    ));
                }
            }
        }
        let er = plan
            .links
            .iter()
            .any(|l| l.kind == LinkKind::ErConnection && l.to == node.id);
        if er {
            let u = units(ctx, h, "er", true).min(limits::VWAN_ER_MAX_UNITS);
            let load = loads.get(Key::of(h, ElementKind::VwanEr));
            out.push(mk(
                ElementKind::VwanEr,
                None,
                Measure::Throughput,
                load.base,
                load.per_surge,
                limits::VWAN_ER_UNIT_MBPS * u,
                format!(
                    "{}, {} Mbps ({} each)",
                    units_text(u, "ER"),
                    limits::VWAN_ER_UNIT_MBPS * u,
                    limits::VWAN_ER_UNIT_MBPS
                ),
            ));
        }
    }
    out
}

/// The smallest P2S unit count that carries users and Mbps with headroom.
fn p2s_units(users: f64, mbps: f64) -> Option<u32> {
    (1..=limits::VWAN_P2S_MAX_UNITS).find(|&u| {
        f64::from(limits::vwan_p2s_users(u)) >= (users * HEADROOM).ceil()
            && f64::from(u * limits::VWAN_P2S_UNIT_MBPS) >= mbps * HEADROOM
    })
}

/// Findings for the hub rows.
pub fn judge(ctx: &mut Ctx, rows: &[Row]) {
    let mut p2s: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.kind == ElementKind::VwanP2s) {
        let e = p2s.entry(r.element.as_str()).or_default();
        match r.measure {
            Measure::P2sUsers => e.0 = r.demand,
            _ => e.1 = r.demand,
        }
    }
    for row in rows {
        let Some(severity) = severity_of(row) else {
            continue;
        };
        let h = row.element.as_str();
        let (code, rec) = match (row.kind, row.measure) {
            (ElementKind::VwanP2s, m) => {
                let (users, mbps) = p2s.get(h).copied().unwrap_or_default();
                let code = if m == Measure::P2sUsers { Code::VwanP2sUsers } else { Code::VwanP2sThroughput };
                let rec = match p2s_units(users, mbps) {
                    Some(u) => (
                        format!("Set {h}'s P2S scale units to {u}, the fewest that carry {} users and {} Mbps with 30 % headroom ({} users, {} Mbps).",
                            num(users), num(mbps), limits::vwan_p2s_users(u), u * limits::VWAN_P2S_UNIT_MBPS),
                        Change::ScaleUnits { gateway: "p2s", units: u },
                    ),
                    None => ("More than one hub's 200 units: spread the users over User VPN in several hubs (R7.10).".to_string(), Change::Design),
                };
                (code, rec)
            }
            (ElementKind::VwanS2s, Measure::VpnConnections) => (
                Code::VwanVpnConnections,
                ("Spread the branches over more hubs (R7.9).".to_string(), Change::Design),
            ),
            (ElementKind::VwanS2s, Measure::ConnectionThroughput) => (
                Code::VwanConnectionThroughput,
                (format!("Give the VPN site more links (up to 4 links of 2 tunnels, {} Mbps per tunnel, R7.9) or carry the traffic over ExpressRoute.", limits::VWAN_TUNNEL_MBPS), Change::Design),
            ),
            (ElementKind::VwanS2s, _) => (
                Code::VwanS2sThroughput,
                ("Spread the branches over a second hub, or move site traffic to ExpressRoute (R7.9, R10.3).".to_string(), Change::Design),
            ),
            (ElementKind::VwanEr, _) => {
                let need = (row.demand * HEADROOM / f64::from(limits::VWAN_ER_UNIT_MBPS)).ceil() as u32;
                let rec = if need <= limits::VWAN_ER_MAX_UNITS {
                    (format!("Set {h}'s ExpressRoute scale units to {need} ({} Mbps), the fewest with 30 % headroom.", need * limits::VWAN_ER_UNIT_MBPS), Change::ScaleUnits { gateway: "er", units: need })
                } else {
                    (format!("More than a hub's {} ER units ({} Mbps): spread the circuits over more hubs (R7.9).", limits::VWAN_ER_MAX_UNITS, limits::VWAN_ER_MAX_UNITS * limits::VWAN_ER_UNIT_MBPS), Change::Design)
                };
                (Code::VwanErThroughput, rec)
            }
            _ => continue,
        };
        ctx.find(
            severity,
            code,
            row.rule,
            state(row, ctx.surge),
            vec![h.to_string()],
            Some((row.capacity, row.source)),
            Some(rec),
        );
    }
}
