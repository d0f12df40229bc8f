//! Counts of what one failure loses, pair by pair: the lost pairs, the users cut, the weight,
//! and the remedy checked to remove it.

use super::super::matrix::Matrix;
use super::super::model::Plan;
use super::{failover, fix, remedy, Domain, Failure, MAX_LISTED};

/// Counts of what a failure loses, accumulated pair by pair.
pub(super) struct Tally<'u> {
    plan: &'u Plan,
    refused: &'u [&'u str],
    users: &'u [u64],
    cut: Vec<bool>,
    pub(super) pairs: usize,
    pub(super) weight: u64,
    pub(super) lost: Vec<[String; 2]>,
}

impl<'u> Tally<'u> {
    pub(super) fn new(plan: &'u Plan, users: &'u [u64], refused: &'u [&'u str]) -> Tally<'u> {
        Tally {
            plan,
            refused,
            users,
            cut: vec![false; users.len()],
            pairs: 0,
            weight: 0,
            lost: Vec::new(),
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
            fix::checked(self.plan, &domain, self.refused)
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
/// `kept` (the internet and Microsoft's services, for a VNet), nothing else.
pub(super) fn own_pairs(
    base: &Matrix,
    e: usize,
    kept: &[u64],
    ctx: &Tally,
    domain: Domain,
) -> Failure {
    let mut tally = Tally::new(ctx.plan, ctx.users, ctx.refused);
    let words = base.row(0).len();
    for i in 0..base.endpoints.len() {
        let lost: Vec<u64> = if i == e {
            base.row(i).iter().zip(kept).map(|(r, k)| r & !k).collect()
        } else {
            let mut only = vec![0; words];
            let keep = kept.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1);
            if base.reachable(i, e) && !keep {
                only[e / 64] = 1 << (e % 64);
            }
            only
        };
        tally.row(base, i, &lost);
    }
    tally.failure(domain)
}

/// The pairs of endpoints of both matrices reachable in `base` and not in `failed`.
pub(super) fn compare(base: &Matrix, failed: &Matrix, ctx: &Tally, domain: Domain) -> Failure {
    lost_between(base, failed, ctx).failure(domain)
}

/// The counts of [`compare`], without a remedy.
pub(super) fn lost_between<'u>(base: &Matrix, failed: &Matrix, ctx: &Tally<'u>) -> Tally<'u> {
    let mut tally = Tally::new(ctx.plan, ctx.users, ctx.refused);
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
