//! Pairs of failures (`reachplan resilience --depth 2`): every two failure domains that each
//! lose nothing on their own ([`Resilience::survived`]) failed together, and the pairs of
//! endpoints the two together lose, ranked like single points of failure. A design that
//! survives any single failure shows here what it does not survive twice (two circuits at two
//! locations both down; a circuit and its VPN backup).
//!
//! A gateway instance's failure removes nothing, so a pair with it loses what the other failure
//! loses alone: nothing; such pairs are left out (two instances of one gateway failing is the
//! gateway's failure, which the zone or region domains cover).
//!
//! Complexity: one fast matrix per pair of domains, so quadratic in the domains: refused above
//! [`MAX_ENDPOINTS`] endpoints or [`MAX_PAIRS`] pairs of failures.

use std::sync::Arc;

use serde::Serialize;

use super::super::prepared::Network;
use super::domains::{apply_all, Cut};
use super::tally::{lost_between, Healthy};
use super::Resilience;

/// The most endpoints `--depth 2` takes.
pub const MAX_ENDPOINTS: usize = 100;

/// The most pairs of failure domains `--depth 2` judges.
pub const MAX_PAIRS: usize = 5_000;

/// Two failures that, together, lose pairs neither loses alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Double {
    /// The two failure domains' ids, in plan order.
    pub ids: [String; 2],
    /// The two elements in words.
    pub what: [String; 2],
    /// How many ordered pairs are reachable before and not after both fail.
    pub pairs_lost: usize,
    /// The remote users of the groups that lose at least one pair.
    pub users_cut: u64,
    /// Each lost ordered pair counts 1, plus the users of a user group at either end.
    pub weight: u64,
    /// The first [`MAX_LISTED`](super::MAX_LISTED) lost pairs, as `[from, to]`.
    pub lost: Vec<[String; 2]>,
}

/// The pairs of failures of `r` (the resilience of `network`) that lose pairs, the heaviest
/// first (then the most pairs lost, then by ids); a message saying why not when the plan is
/// larger than `--depth 2` takes.
pub fn doubles(network: &Network, r: &Resilience) -> Result<Vec<Double>, String> {
    if r.endpoints > MAX_ENDPOINTS {
        return Err(format!(
            "--depth 2 sweeps pairs of failures on plans of at most {MAX_ENDPOINTS} endpoints \
             (one matrix per pair); this plan has {}. Sweep a part of it (one region, or one \
             hub and its branches).",
            r.endpoints
        ));
    }
    let domains: Vec<_> = r
        .survived
        .iter()
        .filter(|d| d.cut != Cut::Nothing)
        .collect();
    let count = domains.len() * domains.len().saturating_sub(1) / 2;
    if count > MAX_PAIRS {
        return Err(format!(
            "--depth 2 judges at most {MAX_PAIRS} pairs of failures; this plan has {} failure \
             domains that survive alone, {count} pairs. Sweep a part of it.",
            domains.len()
        ));
    }
    let plan = network.plan();
    let healthy = Healthy::of(network);
    let mut out = Vec::new();
    for (i, a) in domains.iter().enumerate() {
        for b in &domains[i + 1..] {
            let failed = Network::of(Arc::new(apply_all(plan, &[&a.cut, &b.cut])));
            let tally = lost_between(&healthy, plan, &failed.verdicts());
            if tally.pairs == 0 {
                continue;
            }
            out.push(Double {
                ids: [a.id.clone(), b.id.clone()],
                what: [a.what.clone(), b.what.clone()],
                pairs_lost: tally.pairs,
                users_cut: tally.users_cut(),
                weight: tally.weight,
                lost: tally.lost,
            });
        }
    }
    out.sort_by(|x, y| {
        (y.weight, y.pairs_lost)
            .cmp(&(x.weight, x.pairs_lost))
            .then_with(|| x.ids.cmp(&y.ids))
    });
    Ok(out)
}
