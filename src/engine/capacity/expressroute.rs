//! ExpressRoute: a VNet's ExpressRoute gateway (throughput, routes learned, R6.7) and a circuit (bandwidth per direction, R6.3; routes, R6.4), with the smallest SKU or bandwidth that fits.
//!
//! Circuit bandwidth is per direction (R6.3, R10.4): a flow entering the circuit from its
//! private peering goes toward Microsoft, one leaving by it goes from Microsoft; a flow that
//! crosses the circuit between two Azure connections (a hairpin) or over Global Reach on both
//! sides is counted in both directions, since the rule book does not say which it uses. A
//! gateway's throughput (R6.7) is taken for both directions together.

use super::elements::{Dir, Key, Loads};
use super::{num, severity_of, state, Change, Ctx, ElementKind, Measure, Measured, Row, HEADROOM};
use crate::engine::catalogue::Code;
use crate::engine::catalogue::Rule;
use crate::engine::limits;
use crate::engine::model::{ErGwSku, ErSku, NodeKind};

fn sku_name(sku: ErGwSku) -> String {
    format!("{sku:?}")
}

/// The rows of every ExpressRoute gateway and circuit.
pub fn measure(ctx: &mut Ctx, loads: &Loads) -> Vec<Measured> {
    let plan = ctx.plan;
    let mut out = Vec::new();
    for (n, node) in plan.nodes.iter().enumerate() {
        if let Some(er) = node
            .er_gateway
            .as_ref()
            .filter(|_| node.kind == NodeKind::Vnet)
        {
            let row = limits::er_gateway(er.sku, er.scale_units);
            let what = match er.sku {
                ErGwSku::ErGwScale => format!(
                    "ErGwScale with {} units",
                    row.mbps / limits::ER_GW_SCALE_UNIT_MBPS
                ),
                s => sku_name(s),
            };
            let load = loads.get(Key::of(n, ElementKind::ErGateway));
            let mk =
                |measure, base, per_surge, capacity: u32, limit: String, source, rule| Measured {
                    element: node.id.clone(),
                    kind: ElementKind::ErGateway,
                    link: None,
                    measure,
                    base,
                    per_surge,
                    capacity: f64::from(capacity),
                    limit,
                    source,
                    rule,
                };
            out.push(mk(
                Measure::Throughput,
                load.base,
                load.per_surge,
                row.mbps,
                format!("{what}, {} Mbps", row.mbps),
                limits::ER_GW_SOURCE,
                Rule::R6_7,
            ));
            let learned = super::routes::er_gateway(plan, n);
            if learned > 0 {
                out.push(mk(
                    Measure::GatewayRoutes,
                    f64::from(learned),
                    0.0,
                    row.routes,
                    format!("{what}, {} routes learned", row.routes),
                    limits::ER_GW_SOURCE,
                    Rule::R6_7,
                ));
            }
            let advertised = super::routes::er_vnet(plan, n);
            out.push(mk(
                Measure::VnetRoutes,
                f64::from(advertised),
                0.0,
                limits::ER_VNET_ROUTES,
                format!("{} IPv4 routes per VNet connection", limits::ER_VNET_ROUTES),
                limits::ER_ROUTES_SOURCE,
                Rule::R6_4,
            ));
        }
        if node.kind == NodeKind::Expressroute {
            let mbps = match node.bandwidth_mbps {
                Some(b) => b,
                None => {
                    ctx.note(
                        Code::CircuitBandwidthDefault,
                        format!(
                            "{} gives no bandwidth_mbps; {} Mbps is assumed.",
                            node.id,
                            limits::CIRCUIT_DEFAULT_MBPS
                        ),
                    );
                    limits::CIRCUIT_DEFAULT_MBPS
                }
            };
            let mk =
                |measure, base, per_surge, capacity: u32, limit: String, source, rule| Measured {
                    element: node.id.clone(),
                    kind: ElementKind::Circuit,
                    link: None,
                    measure,
                    base,
                    per_surge,
                    capacity: f64::from(capacity),
                    limit,
                    source,
                    rule,
                };
            for (dir, measure) in [
                (Dir::In, Measure::ThroughputIn),
                (Dir::Out, Measure::ThroughputOut),
            ] {
                let mut key = Key::of(n, ElementKind::Circuit);
                key.dir = dir;
                let load = loads.get(key);
                out.push(mk(
                    measure,
                    load.base,
                    load.per_surge,
                    mbps,
                    format!("{mbps} Mbps circuit, each direction"),
                    limits::CIRCUIT_SOURCE,
                    Rule::R6_3,
                ));
            }
            let sku = node.sku.unwrap_or(ErSku::Standard);
            let onprem = super::routes::er_onprem(plan, n);
            if onprem > 0 {
                let cap = limits::er_onprem_routes(sku);
                out.push(mk(
                    Measure::OnpremRoutes,
                    f64::from(onprem),
                    0.0,
                    cap,
                    format!(
                        "{} circuit, {cap} IPv4 routes from on-premises",
                        sku.as_str()
                    ),
                    limits::ER_ROUTES_SOURCE,
                    Rule::R6_4,
                ));
            }
        }
    }
    out
}

fn gateway_recommendation(g: &str, mbps: f64) -> (String, Change) {
    let need = mbps * HEADROOM;
    if let Some(r) = limits::ER_GW_RECOMMENDED
        .iter()
        .map(|s| limits::er_gateway(*s, None))
        .find(|r| f64::from(r.mbps) >= need)
    {
        return (
            format!("Resize {g}'s ExpressRoute gateway to {} ({} Mbps), the smallest that carries {} Mbps with 30 % headroom.", sku_name(r.sku), r.mbps, num(mbps)),
            Change::ErGatewaySku { sku: sku_name(r.sku), units: None },
        );
    }
    let units = (need / f64::from(limits::ER_GW_SCALE_UNIT_MBPS)).ceil() as u32;
    if units <= limits::ER_GW_SCALE_MAX_UNITS {
        return (
            format!("Use an ErGwScale gateway with {units} units ({} Mbps) for {g}; FastPath (R6.11) also takes on-premises traffic around the gateway.", units * limits::ER_GW_SCALE_UNIT_MBPS),
            Change::ErGatewaySku { sku: "ErGwScale".into(), units: Some(units) },
        );
    }
    ("No ExpressRoute gateway carries it: use FastPath (R6.11) or split the VNets over more gateways.".into(), Change::Design)
}

fn circuit_recommendation(
    plan: &crate::engine::model::Plan,
    c: &str,
    mbps: f64,
) -> (String, Change) {
    let need = mbps * HEADROOM;
    let direct = plan.node(c).and_then(|n| n.direct) == Some(true);
    let list = if direct {
        limits::DIRECT_CIRCUIT_MBPS
    } else {
        limits::PROVIDER_CIRCUIT_MBPS
    };
    if let Some(&b) = list.iter().find(|&&b| f64::from(b) >= need) {
        return (
            format!("Raise {c}'s bandwidth to {b} Mbps, the smallest that carries {} Mbps with 30 % headroom.", num(mbps)),
            Change::CircuitBandwidth { mbps: b },
        );
    }
    if !direct {
        if let Some(&b) = limits::DIRECT_CIRCUIT_MBPS
            .iter()
            .find(|&&b| f64::from(b) >= need)
        {
            return (
                format!("Provider circuits stop at 10000 Mbps: use an ExpressRoute Direct circuit of {b} Mbps (R6.3), or a second circuit."),
                Change::CircuitBandwidth { mbps: b },
            );
        }
    }
    (
        "No single circuit carries it: add circuits (ECMP across up to 4, R6.6).".into(),
        Change::Design,
    )
}

/// Findings for the ExpressRoute rows.
pub fn judge(ctx: &mut Ctx, rows: &[Row]) {
    for row in rows {
        if !matches!(row.kind, ElementKind::ErGateway | ElementKind::Circuit) {
            continue;
        }
        let Some(severity) = severity_of(row) else {
            continue;
        };
        let e = row.element.as_str();
        let (code, rec) = match (row.kind, row.measure) {
            (ElementKind::ErGateway, Measure::Throughput) => (Code::ErGatewayThroughput, gateway_recommendation(e, row.demand)),
            (ElementKind::Circuit, Measure::ThroughputIn | Measure::ThroughputOut) => (Code::CircuitBandwidth, circuit_recommendation(ctx.plan, e, row.demand)),
            (ElementKind::Circuit, _) => (Code::ErOnpremRoutes, ("Summarise the on-premises prefixes, or use a Premium circuit (10000 routes, R6.4).".to_string(), Change::Design)),
            (_, Measure::VnetRoutes) => (Code::ErVnetRoutes, ("Summarise the VNet prefixes advertised to on-premises (summarizedGatewayPrefixes, R6.14).".to_string(), Change::Design)),
            _ => (Code::ErGatewayRoutes, ("Summarise the on-premises prefixes, or use a gateway that learns more routes (R6.7).".to_string(), Change::Design)),
        };
        ctx.find(
            severity,
            code,
            row.rule,
            state(row, ctx.surge),
            vec![e.to_string()],
            Some((row.capacity, row.source)),
            Some(rec),
        );
    }
}
