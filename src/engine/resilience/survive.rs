//! Intents that must survive failures (`"survives": "any single failure"`): the intent holds
//! when its answer holds with nothing failed and after every single failure of the plan's
//! failure domains (see [`domains`](super::domains)), except a failure that removes the pair's
//! own endpoints. A pair that is reachable again after a failover (the gateway's other
//! instance, ExpressRoute falling back to a VPN, another circuit or tunnel) survives, and the
//! failover with its documented interruption is noted on the intent (`interruptions`).
//!
//! The answers of the prepared network ([`Network::analysis`], [`Network::summary`]) judge every
//! intent with nothing failed; `check` then asks [`judge`] (the browser does not yet, and the
//! documentation widget's build stays without the sweep).
//!
//! Complexity: nothing unless an intent asks for it; otherwise one summary of the failed plan
//! (the fast matrix, and the access rules when an intent names an access kind) per failure
//! domain, with only the intents that must survive asked.

use std::sync::Arc;

use super::super::analysis::{BrokenBy, IntentResult, Interruption};
use super::super::model::Plan;
use super::super::prepared::Network;
use super::domains::{apply, domains, Cut, Domain};
use super::failover::{failovers, Failover, Ways};

/// Marks the intents that must survive failures and do not: `holds` false, `broken_by` the
/// first failure (in domain order) that breaks them. `intents` are the plan's intents, in plan
/// order, with their verdicts with nothing failed.
pub fn judge(network: &Network, intents: &mut [IntentResult]) {
    let plan = network.plan();
    let asked: Vec<usize> = (0..intents.len().min(plan.intents.len()))
        .filter(|&i| plan.intents[i].survives.is_some() && intents[i].holds)
        .collect();
    if asked.is_empty() {
        return;
    }
    let base = network.verdicts();
    let pairs: Vec<(&str, &str)> = asked
        .iter()
        .map(|&i| (plan.intents[i].from.as_str(), plan.intents[i].to.as_str()))
        .collect();
    let ways = Ways::of_pairs(network, &base, &pairs);
    for domain in domains(plan) {
        if domain.cut == Cut::Nothing {
            let found = failovers(plan, &ways, &base, &domain, None);
            note(&domain, &found, &asked, plan, intents);
            continue;
        }
        let mut failed = apply(plan, &domain.cut);
        // Only the intents that must survive, without the requirement (not asked again), and
        // only those whose two endpoints the failure keeps.
        let mut kept = Vec::new();
        failed.intents.clear();
        for &i in &asked {
            let intent = &plan.intents[i];
            let remains = |id: &str| failed.nodes.iter().any(|n| n.id == id);
            if intents[i].broken_by.is_none() && remains(&intent.from) && remains(&intent.to) {
                let mut copy = intent.clone();
                copy.survives = None;
                failed.intents.push(copy);
                kept.push(i);
            }
        }
        if kept.is_empty() {
            continue;
        }
        let failed = Network::of(Arc::new(failed));
        let after = failed.summary();
        for (k, &i) in kept.iter().enumerate() {
            if after.intents.get(k).is_some_and(|r| !r.holds) {
                intents[i].holds = false;
                intents[i].broken_by = Some(BrokenBy {
                    id: domain.id.clone(),
                    what: domain.what.clone(),
                });
            }
        }
        let found = failovers(
            plan,
            &ways,
            &base,
            &domain,
            Some((&failed, &failed.verdicts())),
        );
        note(&domain, &found, &kept, plan, intents);
    }
}

/// Notes on the intents (of `asked`, still holding) whose pair failed over.
fn note(
    domain: &Domain,
    found: &[Failover],
    asked: &[usize],
    plan: &Plan,
    intents: &mut [IntentResult],
) {
    for f in found {
        for &i in asked {
            let intent = &plan.intents[i];
            let pair = [intent.from.clone(), intent.to.clone()];
            if intents[i].holds && f.kept.contains(&pair) {
                intents[i].interruptions.push(Interruption {
                    id: domain.id.clone(),
                    what: domain.what.clone(),
                    failover: f.what,
                    interruption: f.interruption,
                    source: f.source,
                });
            }
        }
    }
}
