//! What every failure of a plan is counted against ([`Healthy`]: the plan's matrix with
//! nothing failed, the users behind each endpoint, the nodes Azure would refuse), and the
//! counts of what one failure loses, pair by pair: the lost pairs, the users cut, the weight,
//! and the remedy checked to remove it.

use super::super::matrix::Matrix;
use super::super::model::{NodeKind, Plan};
use super::super::prepared::Network;
use super::super::rules::Severity;
use super::{failover, fix, remedy, Domain, Failure, MAX_LISTED};

/// The plan with nothing failed, read once for all its failures: what the sweep, one failure
/// at a time (the browser) and pairs of failures count against.
pub struct Healthy {
    /// The plan's matrix with nothing failed ([`Network::verdicts`]).
    pub base: Matrix,
    /// The users of each endpoint of `base` (a user group's `count`, 0 for the others).
    users: Vec<u64>,
    /// The nodes of the findings Azure would refuse to deploy: they carry nothing, so no
    /// remedy adds to them.
    refused: Vec<String>,
}

impl Healthy {
    /// Reads a prepared network once: its summary (the matrix and the findings).
    pub fn of(network: &Network) -> Healthy {
        let summary = network.summary();
        let base = summary.matrix;
        let mut users = vec![0; base.endpoints.len()];
        for n in network.plan().nodes.iter() {
            if n.kind == NodeKind::Users {
                if let Some(i) = base.index(&n.id) {
                    users[i] = u64::from(n.count.unwrap_or(0));
                }
            }
        }
        let refused = summary
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .flat_map(|f| f.nodes.iter().cloned())
            .collect();
        Healthy {
            base,
            users,
            refused,
        }
    }

    /// An empty tally of one failure of `plan` (the plan this was read from).
    pub(super) fn tally<'h>(&'h self, plan: &'h Plan) -> Tally<'h> {
        Tally {
            plan,
            refused: self.refused.iter().map(String::as_str).collect(),
            users: &self.users,
            cut: vec![false; self.users.len()],
            pairs: 0,
            weight: 0,
            lost: Vec::new(),
        }
    }
}

/// Counts of what a failure loses, accumulated pair by pair.
pub(super) struct Tally<'u> {
    plan: &'u Plan,
    refused: Vec<&'u str>,
    users: &'u [u64],
    cut: Vec<bool>,
    pub(super) pairs: usize,
    pub(super) weight: u64,
    pub(super) lost: Vec<[String; 2]>,
}

impl<'u> Tally<'u> {
    /// Row `i` of the plan's matrix loses the one pair `(i, j)`.
    fn pair(&mut self, m: &Matrix, i: usize, j: usize) {
        self.pairs += 1;
        let (ui, uj) = (self.users[i], self.users.get(j).copied().unwrap_or(0));
        self.weight += 1 + ui + uj;
        self.cut[i] |= ui > 0;
        if uj > 0 {
            self.cut[j] = true;
        }
        if self.lost.len() < MAX_LISTED {
            self.lost
                .push([m.endpoints[i].clone(), m.endpoints[j].clone()]);
        }
    }

    /// Row `i` of the plan's matrix loses the pairs of `lost` (bits of the plan's matrix).
    pub(super) fn row(&mut self, m: &Matrix, i: usize, lost: &[u64]) {
        let count: usize = lost.iter().map(|w| w.count_ones() as usize).sum();
        if count == 0 {
            return;
        }
        self.pairs += count;
        self.weight += count as u64 * (1 + self.users[i]);
        self.cut[i] |= self.users[i] > 0;
        for (w, &word) in lost.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                let j = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let u = self.users.get(j).copied().unwrap_or(0);
                self.weight += u;
                if u > 0 {
                    self.cut[j] = true;
                }
                if self.lost.len() < MAX_LISTED {
                    self.lost
                        .push([m.endpoints[i].clone(), m.endpoints[j].clone()]);
                }
            }
        }
    }

    /// The users of the groups that lost at least one pair.
    pub(super) fn users_cut(&self) -> u64 {
        self.cut
            .iter()
            .zip(self.users)
            .filter(|(c, _)| **c)
            .map(|(_, u)| u)
            .sum()
    }

    pub(super) fn failure(self, domain: Domain) -> Failure {
        let users_cut = self.users_cut();
        let link = domain.links.first().and_then(|&l| self.plan.links.get(l));
        let (remedy, rule) = remedy::remedy(domain.kind, link.map(|l| l.kind));
        let edit = if self.pairs > 0 && self.users.len() <= failover::MAX_EXPLAINED {
            fix::checked(self.plan, &domain, &self.refused)
        } else {
            None
        };
        Failure {
            remedy,
            rule,
            edit,
            domain,
            pairs_lost: self.pairs,
            users_cut,
            weight: self.weight,
            lost: self.lost,
            failovers: Vec::new(),
            capacity: Vec::new(),
        }
    }
}

/// The failure of the only links of endpoint `e`: every pair it reaches is lost but those in
/// `kept` (the internet and Microsoft's services, for a VNet), nothing else. O(N) for N
/// endpoints.
pub(super) fn own_pairs(
    healthy: &Healthy,
    plan: &Plan,
    e: usize,
    kept: &[u64],
    domain: Domain,
) -> Failure {
    let base = &healthy.base;
    let mut tally = healthy.tally(plan);
    for i in 0..base.endpoints.len() {
        if i == e {
            let lost: Vec<u64> = base.row(i).iter().zip(kept).map(|(r, k)| r & !k).collect();
            tally.row(base, i, &lost);
        } else {
            let keep = kept.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1);
            if base.reachable(i, e) && !keep {
                tally.pair(base, i, e);
            }
        }
    }
    tally.failure(domain)
}

/// The pairs of endpoints of both matrices reachable in `base` and not in `failed`.
pub(super) fn compare(healthy: &Healthy, plan: &Plan, failed: &Matrix, domain: Domain) -> Failure {
    lost_between(healthy, plan, failed).failure(domain)
}

/// The counts of [`compare`], without a remedy.
pub(super) fn lost_between<'u>(healthy: &'u Healthy, plan: &'u Plan, failed: &Matrix) -> Tally<'u> {
    let base = &healthy.base;
    let mut tally = healthy.tally(plan);
    if base.endpoints == failed.endpoints {
        for i in 0..base.endpoints.len() {
            let lost: Vec<u64> = base
                .row(i)
                .iter()
                .zip(failed.row(i))
                .map(|(b, f)| b & !f)
                .collect();
            tally.row(base, i, &lost);
        }
        return tally;
    }
    let at: Vec<Option<usize>> = base.endpoints.iter().map(|e| failed.index(e)).collect();
    let words = base.row(0).len();
    for (i, fi) in at.iter().enumerate() {
        let Some(fi) = *fi else { continue };
        let mut lost = vec![0u64; words];
        for (j, fj) in at.iter().enumerate() {
            if let Some(fj) = *fj {
                if base.reachable(i, j) && !failed.reachable(fi, fj) {
                    lost[j / 64] |= 1 << (j % 64);
                }
            }
        }
        tally.row(base, i, &lost);
    }
    tally
}
