//! What survives a single failure (`reachplan resilience`): every failure domain of the plan
//! (see [`domains`]) failed in turn, the pairs each failure loses, and the single points of
//! failure ranked by what they cut, weighted by the remote users behind the pairs.
//!
//! A failure is applied as an edit of the plan (the element removed, with the links that depend
//! on it) and judged with the fast matrix ([`Network::verdicts`]): a pair is lost when both of
//! its endpoints are endpoints of the failed plan too (failures of a pair's own endpoints do not
//! count) and it is reachable before and not after. A pair whose way crossed the failed element
//! and that is still reachable is kept after a failover, reported with its kind and the
//! interruption Microsoft documents (see [`failover`]); a gateway instance's failure removes
//! nothing, its pairs are all kept after the other instance takes over.
//!
//! The weight of a failure: each lost ordered pair counts 1, plus the `count` of a user group
//! at either end, so that 400 remote users losing the head office outweigh a test VNet.
//!
//! Complexity: one fast matrix per failure domain (see [`matrix`](super::matrix)), except for
//! the connections of a site, user group or other cloud that has no other link: such an
//! endpoint forwards nothing (the `no-on-premises-transit` assumption), so the failure loses
//! exactly its own reachable pairs, read from the plan's matrix in O(N). Comparing two
//! matrices costs O(N² / 64) words when the failure keeps every endpoint, O(N²) bit reads
//! otherwise. A gateway instance's failure costs no matrix. Failovers add one explaining search of the plan and,
//! per failure, a pass over the ways that crossed it (plans of at most
//! [`failover::MAX_EXPLAINED`] endpoints). The healthy network is read once ([`Healthy`]);
//! natively the failures are judged on up to four threads (see `each`).

mod backup;
pub mod depth;
pub mod domains;
mod each;
mod ends;
pub mod failover;
pub mod fix;
pub mod load;
mod places;
pub mod redundancy;
pub mod remedy;
pub mod render;
mod second;
pub mod survive;
mod tally;

use std::sync::Arc;

use serde::Serialize;

use super::catalogue::Rule;
use super::edit::Edit;
use super::model::{NodeKind, Plan};
use super::prepared::Network;
use domains::{apply, Cut};
pub use domains::{domains, Domain, DomainKind};
use each::each;
use ends::Ends;
use failover::{failovers, Failover, Ways};
pub use tally::Healthy;
use tally::{compare, own_pairs};

/// How many lost pairs a failure lists (all are counted).
pub const MAX_LISTED: usize = 100;

/// One failure and what it cuts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Failure {
    /// The element that fails.
    #[serde(flatten)]
    pub domain: Domain,
    /// How many ordered pairs are reachable before the failure and not after.
    pub pairs_lost: usize,
    /// The remote users (user-group `count`s) of the groups that lose at least one pair.
    pub users_cut: u64,
    /// Each lost ordered pair counts 1, plus the users of a user group at either end.
    pub weight: u64,
    /// The first [`MAX_LISTED`] lost pairs, as `[from, to]`, sorted.
    pub lost: Vec<[String; 2]>,
    /// The pairs kept only after a failover, by kind of failover, with the interruption
    /// Microsoft documents (see [`failover`]); empty when none or not judged.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub failovers: Vec<Failover>,
    /// The change that removes it, in a sentence (see [`remedy`](remedy::remedy)).
    pub remedy: &'static str,
    /// The rule that change rests on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    /// That change as an edit of the plan, when it is a mechanical one (see [`fix`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edit: Option<Edit>,
    /// The elements whose demand the failure raises, at the surge (see [`load`]); empty when
    /// none or not measured.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub capacity: Vec<load::Load>,
}

/// Every single failure of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resilience {
    /// The format version.
    pub reachplan: u32,
    /// How many endpoints the plan has.
    pub endpoints: usize,
    /// How many ordered pairs are reachable with nothing failed.
    pub reachable: usize,
    /// The failures that lose at least one pair, the heaviest first (then the most pairs,
    /// then by id).
    pub single_points: Vec<Failure>,
    /// The failure domains whose failure loses no pair, in plan order.
    pub survived: Vec<Domain>,
    /// Whether failovers were judged (plans of at most [`failover::MAX_EXPLAINED`] endpoints).
    pub failovers_judged: bool,
    /// The failures that lose no pair but keep some only after a failover, in plan order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub survived_after_failover: Vec<Failure>,
    /// The surge multiple at which capacity under failure was measured (see [`load`]), when it
    /// was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub surge: Option<f64>,
    /// The pairs of failures that lose what neither loses alone, when asked for
    /// (`--depth 2`, see [`depth`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pairs_of_failures: Option<Vec<depth::Double>>,
}

/// The resilience of a plan (see the module).
pub fn resilience(plan: &Plan) -> Resilience {
    resilience_of(&Network::new(plan))
}

/// The resilience of a prepared network (see the module).
///
/// # Example
/// ```
/// use reachplan::engine::{read_plan, resilience::resilience};
/// let plan = read_plan(r#"{"reachplan": 1,
///   "nodes": [{"id": "a", "kind": "vnet", "address_space": ["10.1.0.0/16"]},
///             {"id": "b", "kind": "vnet", "address_space": ["10.2.0.0/16"]}],
///   "links": [{"kind": "peering", "from": "a", "to": "b"}]}"#).unwrap();
/// let r = resilience(&plan);
/// assert_eq!(r.single_points[0].id(), "connection:0");
/// assert_eq!(r.single_points[0].pairs_lost, 2);
/// ```
pub fn resilience_of(network: &Network) -> Resilience {
    sweep(network, true)
}

/// The resilience with every failure judged by a fast matrix of the failed plan when
/// `shortcut` is false (the naive sweep that the bench and the tests compare with), or as
/// [`resilience_of`] does when it is true. Both give the same answer.
pub fn sweep(network: &Network, shortcut: bool) -> Resilience {
    let plan = network.plan();
    let healthy = Healthy::of(network);
    let base = &healthy.base;
    let words = base.row(0).len();
    let mut outside = vec![0u64; words];
    for n in plan.nodes.iter() {
        if matches!(n.kind, NodeKind::Internet | NodeKind::Microsoft) {
            if let Some(i) = base.index(&n.id) {
                outside[i / 64] |= 1 << (i % 64);
            }
        }
    }
    let none = vec![0u64; words];
    let ways = Ways::of(network, base);
    let ends = Ends::of(plan);
    let mut single_points = Vec::new();
    let mut survived = Vec::new();
    let mut survived_after_failover = Vec::new();
    let judge = |domain: Domain| {
        let leaf = ends.isolated(&domain.cut).filter(|_| shortcut);
        match leaf.and_then(|n| Some((n.kind, base.index(&n.id)?))) {
            _ if domain.cut == Cut::Nothing && shortcut => {
                let mut f = healthy.tally(plan).failure(domain);
                f.failovers = ways
                    .as_ref()
                    .map(|w| failovers(plan, w, base, &f.domain, None))
                    .unwrap_or_default();
                f
            }
            Some((kind, e)) => {
                let kept = if kind == NodeKind::Vnet {
                    &outside
                } else {
                    &none
                };
                own_pairs(&healthy, plan, e, kept, domain)
            }
            None => failure(network, &healthy, ways.as_ref(), domain),
        }
    };
    for mut failure in each(domains(plan), judge) {
        if failure.pairs_lost > 0 {
            single_points.push(failure);
        } else {
            if !failure.failovers.is_empty() {
                survived_after_failover.push(failure.clone());
            }
            failure.failovers.clear();
            survived.push(failure.domain);
        }
    }
    rank(&mut single_points);
    Resilience {
        reachplan: 1,
        endpoints: base.endpoints.len(),
        reachable: base.count(),
        single_points,
        survived,
        failovers_judged: ways.is_some(),
        survived_after_failover,
        surge: None,
        pairs_of_failures: None,
    }
}

/// Sorts single points of failure the way [`Resilience::single_points`] lists them: the
/// heaviest first, then the most pairs lost, then by id.
pub fn rank(single_points: &mut [Failure]) {
    single_points.sort_by(|a, b| {
        (b.weight, b.pairs_lost)
            .cmp(&(a.weight, a.pairs_lost))
            .then_with(|| a.domain.id.cmp(&b.domain.id))
    });
}

/// One failure of the sweep on its own, judged by a fast matrix of the failed plan against
/// `healthy` ([`Healthy::of`] the network, read once for all its failures), with its failovers
/// when `ways` ([`Ways::of`]) are given: what the browser runs one failure at a time so that
/// the page stays responsive. The same answer as the failure's entry in [`sweep`] without its
/// shortcut.
pub fn failure(
    network: &Network,
    healthy: &Healthy,
    ways: Option<&Ways>,
    domain: Domain,
) -> Failure {
    let plan = network.plan();
    let failed = Network::of(Arc::new(apply(plan, &domain.cut)));
    let m = failed.verdicts();
    let mut f = compare(healthy, plan, &m, domain);
    if let Some(w) = ways {
        f.failovers = failovers(plan, w, &healthy.base, &f.domain, Some((&failed, &m)));
    }
    f
}

impl Failure {
    /// The failure domain's id.
    pub fn id(&self) -> &str {
        &self.domain.id
    }
}
