//! Flows and traffic classes: each flow's load on the elements of its path (see `path`), its latency (see `latency`), and realtime traffic on the internet or hairpinning through ExpressRoute.

use super::elements::{Load, Loads};
use super::latency;
use super::path::{choose, crossed, is_branch, kind_of, Choice};
use super::{num, Change, Ctx, ElementKind, FlowRoute};
use crate::engine::catalogue::Code;
use crate::engine::catalogue::Rule;
use crate::engine::focus::Answers;
use crate::engine::limits;
use crate::engine::model::{FlowClass, NodeKind};
use crate::engine::rules::Severity;

/// Places every flow on its path, adds its load to the elements it crosses, and checks its
/// traffic class.
pub fn place(ctx: &mut Ctx, analysis: &Answers, loads: &mut Loads) -> Vec<FlowRoute> {
    let plan = ctx.plan;
    let mut out = Vec::new();
    for flow in &plan.flows {
        let is_users = |id: &str| kind_of(plan, ctx, id) == Some(NodeKind::Users);
        let scales = is_users(&flow.from) || is_users(&flow.to);
        let base_mbps = flow.mbps.unwrap_or(0.0).max(0.0);
        if flow.mbps.is_none() {
            ctx.note(
                Code::FlowWithoutMbps,
                format!(
                    "Flow {} → {} gives no mbps; it adds no load.",
                    flow.from, flow.to
                ),
            );
        }
        let mbps = if scales {
            base_mbps * ctx.surge
        } else {
            base_mbps
        };
        let mut route = FlowRoute {
            from: flow.from.clone(),
            to: flow.to.clone(),
            class: flow.class,
            mbps: super::round(mbps, 2),
            scales,
            path: Vec::new(),
            via: Vec::new(),
            route: String::new(),
            rtt_ms: None,
            latency: String::new(),
        };
        let pair = analysis.pair(&flow.from, &flow.to).filter(|p| p.reachable);
        let Some(pair) = pair else {
            let why = analysis
                .pair(&flow.from, &flow.to)
                .and_then(|p| p.reason.clone())
                .unwrap_or_else(|| "they are not two different endpoints of the plan".into());
            route.route = format!("not placed: {} does not reach {}", flow.from, flow.to);
            route.latency = "no path".into();
            ctx.find(
                Severity::Warning,
                Code::FlowUnreachable,
                analysis
                    .pair(&flow.from, &flow.to)
                    .and_then(|p| p.rule)
                    .unwrap_or(Rule::R1_1),
                format!(
                    "Flow {} → {} ({} Mbps) has no path, so its load is placed nowhere: {why}",
                    flow.from,
                    flow.to,
                    num(mbps)
                ),
                vec![flow.from.clone(), flow.to.clone()],
                None,
                None,
            );
            out.push(route);
            continue;
        };
        let choice = choose(ctx, pair);
        let load = Load::flow(base_mbps, scales);
        for (key, users) in crossed(ctx, &choice.path, &choice.via) {
            match users {
                Some(u) if scales => loads.users_flows.entry((u, key)).or_default().add(load),
                _ => loads.map.entry(key).or_default().add(load),
            }
            if key.kind == ElementKind::Firewall {
                single_flow(ctx, flow.from.as_str(), flow.to.as_str(), key.node, mbps);
            }
        }
        classes(ctx, flow.class, &flow.from, &flow.to, &choice);
        let (rtt, text) = latency::estimate(ctx, &choice.path);
        route.path = choice.path;
        route.via = choice.via;
        route.route = choice.route;
        route.rtt_ms = rtt;
        route.latency = text;
        out.push(route);
    }
    out
}

fn single_flow(ctx: &mut Ctx, from: &str, to: &str, fw: usize, mbps: f64) {
    let node = &ctx.plan.nodes[fw];
    let row = limits::firewall(node.firewall.as_ref().and_then(|f| f.sku));
    if row.single_flow_mbps == 0 || mbps <= f64::from(row.single_flow_mbps) {
        return;
    }
    let id = node.id.clone();
    ctx.find(
        Severity::Info,
        Code::FirewallSingleFlow,
        Rule::R9_2,
        format!(
            "Flow {from} → {to} ({} Mbps) crosses {id}'s firewall, whose single TCP flow tops out at {} Mbps; it needs several connections.",
            num(mbps),
            row.single_flow_mbps
        ),
        vec![id],
        Some((f64::from(row.single_flow_mbps), limits::FIREWALL_SOURCE)),
        None,
    );
}

/// Realtime traffic on the internet while a circuit exists, or through an ExpressRoute hairpin.
fn classes(ctx: &mut Ctx, class: FlowClass, from: &str, to: &str, choice: &Choice) {
    if class != FlowClass::Realtime {
        return;
    }
    if let Some((site, reason, fix)) = &choice.er_blocked {
        let rec = fix.clone().map(|f| {
            (
                format!("{f} Then the flow takes ExpressRoute, private and steadier than the internet (R10.4)."),
                Change::Design,
            )
        });
        ctx.find(
            Severity::Warning,
            Code::RealtimeOverInternet,
            Rule::R10_4,
            format!("Realtime flow {from} → {to} crosses the internet over {site}'s S2S VPN although {site} has ExpressRoute, which does not carry it: {reason}."),
            vec![from.to_string(), to.to_string(), site.clone()],
            None,
            rec,
        );
    }
    if choice.er_preferred {
        let site = branch_site(ctx, &choice.path);
        ctx.find(
            Severity::Info,
            Code::ErLocalPreference,
            Rule::R6_12,
            format!("Realtime flow {from} → {to} is placed on ExpressRoute, which Azure prefers for equal prefixes; {site} must prefer it too (BGP local preference), or the flow goes out over the VPN and returns over ExpressRoute."),
            vec![from.to_string(), to.to_string()],
            None,
            None,
        );
    }
    let hairpin = (1..choice.path.len().saturating_sub(1)).find(|&i| {
        choice.via[i - 1] == "er_connection"
            && choice.via[i] == "er_connection"
            && kind_of(ctx.plan, ctx, &choice.path[i]) == Some(NodeKind::Expressroute)
    });
    if let Some(i) = hairpin {
        let (a, c, b) = (&choice.path[i - 1], &choice.path[i], &choice.path[i + 1]);
        ctx.find(
            Severity::Warning,
            Code::RealtimeErHairpin,
            Rule::R6_8,
            format!("Realtime flow {from} → {to} goes from {a} to {b} through circuit {c}, a hairpin at the ExpressRoute edge that adds the MSEE hop and the gateways' limits (R6.8, R10.4)."),
            vec![from.to_string(), to.to_string(), c.clone()],
            None,
            Some((format!("Peer {a} with {b} (peering keeps the latency of one region, R10.1), or connect both to one Virtual WAN hub."), Change::Design)),
        );
    }
}

fn branch_site(ctx: &Ctx, path: &[String]) -> String {
    path.iter()
        .find(|id| is_branch(kind_of(ctx.plan, ctx, id)))
        .cloned()
        .unwrap_or_else(|| "on-premises".into())
}
