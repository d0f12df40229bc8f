//! Azure Firewall in a VNet or hub: the flows that cross it against its SKU's throughput (R9.2), and the capacity it has before it scales out.

use super::elements::{Key, Loads};
use super::{num, severity_of, state, Change, Ctx, ElementKind, Measure, Measured, Row, HEADROOM};
use crate::engine::catalogue::Code;
use crate::engine::catalogue::Rule;
use crate::engine::limits;
use crate::engine::model::FirewallSku;
use crate::engine::rules::Severity;

fn sku_name(sku: FirewallSku) -> &'static str {
    match sku {
        FirewallSku::Basic => "Basic",
        FirewallSku::Standard => "Standard",
        FirewallSku::Premium => "Premium",
    }
}

/// The rows of every firewall that some flow crosses, or that the plan has.
pub fn measure(ctx: &mut Ctx, loads: &Loads) -> Vec<Measured> {
    let mut out = Vec::new();
    for (n, node) in ctx.plan.nodes.iter().enumerate() {
        let Some(fw) = &node.firewall else { continue };
        let row = limits::firewall(fw.sku);
        let load = loads.get(Key::of(n, ElementKind::Firewall));
        out.push(Measured {
            element: node.id.clone(),
            kind: ElementKind::Firewall,
            link: None,
            measure: Measure::Throughput,
            base: load.base,
            per_surge: load.per_surge,
            capacity: f64::from(row.mbps),
            limit: format!("{} firewall, {} Mbps", sku_name(row.sku), row.mbps),
            source: limits::FIREWALL_SOURCE,
            rule: Rule::R9_2,
        });
    }
    out
}

/// Findings for the firewall rows.
pub fn judge(ctx: &mut Ctx, rows: &[Row]) {
    for row in rows.iter().filter(|r| r.kind == ElementKind::Firewall) {
        let e = row.element.as_str();
        let sku = ctx
            .at(e)
            .and_then(|n| ctx.plan.nodes[n].firewall.as_ref())
            .and_then(|f| f.sku);
        let current = limits::firewall(sku);
        if let Some(severity) = severity_of(row) {
            let rec = limits::FIREWALL_SKUS
                .iter()
                .find(|r| f64::from(r.mbps) >= row.demand * HEADROOM)
                .map_or(
                    ("No firewall SKU carries it: split the traffic over firewalls in several hubs.".to_string(), Change::Design),
                    |r| (format!("Use the {} SKU ({} Mbps), the smallest that carries {} Mbps with 30 % headroom.", sku_name(r.sku), r.mbps, num(row.demand)),
                         Change::FirewallSku { sku: r.sku }),
                );
            ctx.find(
                severity,
                Code::FirewallThroughput,
                row.rule,
                state(row, ctx.surge),
                vec![e.to_string()],
                Some((row.capacity, row.source)),
                Some(rec),
            );
        } else if current.initial_mbps > 0 && row.demand > f64::from(current.initial_mbps) {
            ctx.find(
                Severity::Info,
                Code::FirewallAutoscale,
                Rule::R9_2,
                format!("{e}'s firewall carries {} Mbps, more than the {} Mbps it has before autoscale; a sudden surge waits 5–7 minutes for it to scale out.", num(row.demand), current.initial_mbps),
                vec![e.to_string()],
                Some((f64::from(current.initial_mbps), limits::FIREWALL_SOURCE)),
                None,
            );
        }
    }
}
