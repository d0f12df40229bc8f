//! Round-trip latency over the Azure part of a flow's path (first to last node with a known region), from the rule book's table, which gives round trips from East US only (R10.2).

use super::{num, Ctx};
use crate::engine::geo;

/// The round-trip estimate over the Azure part of the path.
pub fn estimate(ctx: &Ctx, path: &[String]) -> (Option<f64>, String) {
    let regions: Vec<(&String, &'static geo::Region)> = path
        .iter()
        .filter_map(|id| {
            let n = ctx.at(id)?;
            let r = ctx.plan.nodes[n].region.as_deref()?;
            geo::region(r).map(|r| (id, r))
        })
        .collect();
    let (Some(first), Some(last)) = (regions.first(), regions.last()) else {
        return (
            None,
            "cannot estimate: no node on the path has a known Azure region".into(),
        );
    };
    let (ra, rb) = (first.1.name, last.1.name);
    if ra == rb {
        return (None, format!("within {ra}: the latency of one VNet (R10.1); the table has no figure for it, and on-premises or internet legs are not included"));
    }
    let from_east = |r: &str| {
        geo::LATENCY_FROM_EASTUS
            .iter()
            .find(|(name, _)| *name == r)
            .map(|(_, ms)| *ms)
    };
    let ms = match (ra, rb) {
        ("eastus", other) | (other, "eastus") => from_east(other),
        _ => None,
    };
    match ms {
        Some(ms) => (Some(ms), format!("{ra} ↔ {rb}: {} ms P50 round trip over the Azure backbone (R10.2, April 2024); on-premises and internet legs not included", num(ms))),
        None => (None, format!("cannot estimate {ra} ↔ {rb}: the rule book's table (R10.2) gives round trips from East US only")),
    }
}
