//! Intents that must survive failures (`"survives": "any single failure"`): the intent holds
//! when its answer holds with nothing failed and after every single failure of the plan's
//! failure domains (see [`domains`](super::domains)), except a failure that removes the pair's
//! own endpoints. Failovers are not modelled yet: a pair that a backup keeps is kept at once.
//!
//! The answers of the prepared network ([`Network::analysis`], [`Network::summary`]) judge every
//! intent with nothing failed; `check` then asks [`judge`], the browser [`judge_under`] one
//! failure at a time (the documentation widget's build stays without the sweep).
//!
//! Complexity: nothing unless an intent asks for it; otherwise one summary of the failed plan
//! (the fast matrix, and the access rules when an intent names an access kind) per failure
//! domain, with only the intents that must survive asked.

use std::sync::Arc;

use super::super::analysis::{BrokenBy, IntentResult};
use super::super::prepared::Network;
use super::domains::{apply, domains, Domain};

/// Marks the intents that must survive failures and do not: `holds` false, `broken_by` the
/// first failure (in domain order) that breaks them. `intents` are the plan's intents, in plan
/// order, with their verdicts with nothing failed.
pub fn judge(network: &Network, intents: &mut [IntentResult]) {
    let plan = network.plan();
    let asked = asked(network, intents);
    if asked.is_empty() {
        return;
    }
    for domain in domains(plan) {
        judge_under(network, &domain, intents, &asked);
    }
}

/// The intents of `plan` that must survive failures and hold with nothing failed (the
/// indexes [`judge`] asks about).
pub fn asked(network: &Network, intents: &[IntentResult]) -> Vec<usize> {
    let plan = network.plan();
    (0..intents.len().min(plan.intents.len()))
        .filter(|&i| plan.intents[i].survives.is_some() && intents[i].holds)
        .collect()
}

/// One failure's part of [`judge`]: marks the intents of `asked` (see [`asked`]) that this
/// failure breaks, unless an earlier failure already did. The browser calls it one failure at
/// a time, so that the page stays responsive.
pub fn judge_under(
    network: &Network,
    domain: &Domain,
    intents: &mut [IntentResult],
    asked: &[usize],
) {
    let plan = network.plan();
    let mut failed = apply(plan, &domain.cut);
    // Only the intents that must survive, without the requirement (not asked again), and
    // only those whose two endpoints the failure keeps.
    let mut kept = Vec::new();
    failed.intents.clear();
    for &i in asked {
        let Some(intent) = plan.intents.get(i) else {
            continue;
        };
        let remains = |id: &str| failed.nodes.iter().any(|n| n.id == id);
        let open = intents.get(i).is_some_and(|r| r.broken_by.is_none());
        if open && remains(&intent.from) && remains(&intent.to) {
            let mut copy = intent.clone();
            copy.survives = None;
            failed.intents.push(copy);
            kept.push(i);
        }
    }
    if kept.is_empty() {
        return;
    }
    let after = Network::of(Arc::new(failed)).summary();
    for (k, &i) in kept.iter().enumerate() {
        if after.intents.get(k).is_some_and(|r| !r.holds) {
            intents[i].holds = false;
            intents[i].broken_by = Some(BrokenBy {
                id: domain.id.clone(),
                what: domain.what.clone(),
            });
        }
    }
}
