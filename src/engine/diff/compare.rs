//! The comparisons behind [`diff`](super::diff), one per kind of answer.

use std::collections::{BTreeMap, BTreeSet};

use super::super::analysis::{Analysis, IntentResult, Pair};
use super::super::capacity::{ElementKind, Measure, Row};
use super::super::catalogue::Code;
use super::super::matrix::Matrix;
use super::super::model::{Access, Expect, Plan};
use super::super::prepared::Network;
use super::super::rules::{Finding, Severity};
use super::{IntentChange, RowChange, MAX_EXPLAINED, MAX_LISTED};

/// The ids of the second list only and of the first list only (both sorted).
pub fn endpoints(before: &[String], after: &[String]) -> (Vec<String>, Vec<String>) {
    let b: BTreeSet<&String> = before.iter().collect();
    let a: BTreeSet<&String> = after.iter().collect();
    (
        a.difference(&b).map(|s| s.to_string()).collect(),
        b.difference(&a).map(|s| s.to_string()).collect(),
    )
}

/// Ordered pairs of endpoint ids.
pub type Ids = Vec<(String, String)>;

/// The pairs that changed: counted, and the first [`MAX_LISTED`] of each kind listed.
pub struct Changed {
    /// The first pairs reachable only after, sorted by `from` then `to`.
    pub gained: Ids,
    /// The first pairs reachable only before, sorted by `from` then `to`.
    pub lost: Ids,
    /// How many pairs are reachable only after.
    pub gained_count: usize,
    /// How many pairs are reachable only before.
    pub lost_count: usize,
}

impl Changed {
    /// Row `from` gains the bits of `gained` and loses those of `lost` (by `columns`: the
    /// endpoint id of each bit).
    fn row(&mut self, from: &str, gained: &[u64], lost: &[u64], ids: &[&String]) {
        for (bits, list, count) in [
            (gained, &mut self.gained, &mut self.gained_count),
            (lost, &mut self.lost, &mut self.lost_count),
        ] {
            for (w, &word) in bits.iter().enumerate() {
                *count += word.count_ones() as usize;
                let mut rest = word;
                while rest != 0 && list.len() < MAX_LISTED {
                    let k = w * 64 + rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    if let Some(to) = ids.get(k) {
                        list.push((from.to_string(), to.to_string()));
                    }
                }
            }
        }
    }
}

/// The pairs of endpoints of both plans reachable only after (gained) and only before (lost),
/// in `from` then `to` order. Complexity: O(N² / 64) words when both plans have the same
/// endpoints, O(N²) bit reads otherwise (the rows are laid out again over the endpoints of
/// both), plus the pairs listed.
pub fn pairs(before: &Matrix, after: &Matrix) -> Changed {
    let mut changed = Changed {
        gained: Vec::new(),
        lost: Vec::new(),
        gained_count: 0,
        lost_count: 0,
    };
    if before.endpoints == after.endpoints {
        let ids: Vec<&String> = after.endpoints.iter().collect();
        for (i, from) in after.endpoints.iter().enumerate() {
            let (b, a) = (before.row(i), after.row(i));
            if b == a {
                continue;
            }
            let gained: Vec<u64> = b.iter().zip(a).map(|(b, a)| a & !b).collect();
            let lost: Vec<u64> = b.iter().zip(a).map(|(b, a)| b & !a).collect();
            changed.row(from, &gained, &lost, &ids);
        }
        return changed;
    }
    // Endpoints of both plans, as (id, index before, index after), in id order.
    let common: Vec<(&String, usize, usize)> = after
        .endpoints
        .iter()
        .enumerate()
        .filter_map(|(ia, id)| before.index(id).map(|ib| (id, ib, ia)))
        .collect();
    let ids: Vec<&String> = common.iter().map(|c| c.0).collect();
    let words = common.len().div_ceil(64);
    let lay_out = |row: &[u64], at: &dyn Fn(&(&String, usize, usize)) -> usize| {
        let mut out = vec![0u64; words];
        for (k, c) in common.iter().enumerate() {
            let j = at(c);
            if row.get(j / 64).is_some_and(|w| w >> (j % 64) & 1 == 1) {
                out[k / 64] |= 1 << (k % 64);
            }
        }
        out
    };
    for &(from, fb, fa) in &common {
        let b = lay_out(before.row(fb), &|c| c.1);
        let a = lay_out(after.row(fa), &|c| c.2);
        let gained: Vec<u64> = b.iter().zip(&a).map(|(b, a)| a & !b).collect();
        let lost: Vec<u64> = b.iter().zip(&a).map(|(b, a)| b & !a).collect();
        changed.row(from, &gained, &lost, &ids);
    }
    changed
}

/// The pairs of endpoints of both analyses reachable only in the second (gained) and only in
/// the first (lost), sorted by `from` then `to`: [`pairs`] for two explained analyses (a small
/// plan's, as the documentation widget has them), without a fast matrix. O(P log N) for P pairs
/// and N endpoints.
pub fn answered(before: &Analysis, after: &Analysis) -> (Ids, Ids) {
    let (mut gained, mut lost) = (Vec::new(), Vec::new());
    for pair in &after.pairs {
        let Some(was) = before.pair(&pair.from, &pair.to) else {
            continue;
        };
        let list = match (was.reachable, pair.reachable) {
            (false, true) => &mut gained,
            (true, false) => &mut lost,
            _ => continue,
        };
        list.push((pair.from.clone(), pair.to.clone()));
    }
    (gained, lost)
}

/// The second plan's answers of these pairs: explained for the first [`MAX_EXPLAINED`], the
/// verdict alone for the others.
pub fn explained(after: &Network, matrix: &Matrix, wanted: &[(String, String)]) -> Vec<Pair> {
    let asked: Vec<(&str, &str)> = wanted
        .iter()
        .take(MAX_EXPLAINED)
        .map(|(f, t)| (f.as_str(), t.as_str()))
        .collect();
    let answers = after.answers(&asked);
    wanted
        .iter()
        .map(|(from, to)| match answers.pair(from, to) {
            Some(pair) => pair.clone(),
            None => {
                let mut pair = Pair::unjudged(from, to);
                pair.reachable = match (matrix.index(from), matrix.index(to)) {
                    (Some(i), Some(j)) => matrix.reachable(i, j),
                    _ => false,
                };
                pair
            }
        })
        .collect()
}

/// What identifies a finding across two plans: link indexes move when links are added or
/// removed, so they are left out.
type FindingKey<'f> = (Severity, Code, &'f str, &'f [String]);

fn finding_key(f: &Finding) -> FindingKey<'_> {
    (f.severity, f.code, f.message.as_str(), f.nodes.as_slice())
}

/// The findings of the second plan only and of the first plan only, each in its plan's order.
pub fn findings(before: &[Finding], after: &[Finding]) -> (Vec<Finding>, Vec<Finding>) {
    let b: BTreeSet<FindingKey> = before.iter().map(finding_key).collect();
    let a: BTreeSet<FindingKey> = after.iter().map(finding_key).collect();
    (
        after
            .iter()
            .filter(|f| !b.contains(&finding_key(f)))
            .cloned()
            .collect(),
        before
            .iter()
            .filter(|f| !a.contains(&finding_key(f)))
            .cloned()
            .collect(),
    )
}

/// What identifies an intent: its pair, whether it expects reachable, and its access kind.
type IntentKey<'i> = (&'i str, &'i str, bool, Option<&'static str>);

fn intent_key(i: &IntentResult) -> IntentKey<'_> {
    let access = i.access.map(Access::as_str);
    (
        i.from.as_str(),
        i.to.as_str(),
        i.expect == Expect::Reachable,
        access,
    )
}

/// Whether each intent holds, by its key (every copy, when written twice).
fn held(list: &[IntentResult]) -> BTreeMap<IntentKey<'_>, bool> {
    let mut map: BTreeMap<IntentKey, bool> = BTreeMap::new();
    for i in list {
        *map.entry(intent_key(i)).or_insert(true) &= i.holds;
    }
    map
}

/// The intents whose verdict is not the same in both plans, or that one plan only has: the
/// second plan's in its order, then those of the first plan only. An intent written twice in a
/// plan counts as held only when every copy holds.
pub fn intents(before: &[IntentResult], after: &[IntentResult]) -> Vec<IntentChange> {
    let (b, a) = (held(before), held(after));
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for i in after {
        let key = intent_key(i);
        if !seen.insert(key) {
            continue;
        }
        let (was, is) = (b.get(&key).copied(), a.get(&key).copied());
        if was != is {
            out.push(IntentChange::of(i, was, is));
        }
    }
    for i in before {
        let key = intent_key(i);
        if seen.insert(key) {
            out.push(IntentChange::of(i, b.get(&key).copied(), None));
        }
    }
    out
}

/// What identifies a capacity row across two plans: the element, what is measured, and the
/// ends of its link (link indexes move).
type RowKey = (String, ElementKind, Measure, Option<String>);

fn link_ends(plan: &Plan, link: Option<usize>) -> Option<String> {
    let l = plan.links.get(link?)?;
    Some(format!("{} → {}", l.from, l.to))
}

fn rows(network: &Network) -> BTreeMap<RowKey, Row> {
    let plan = network.plan();
    let mut map = BTreeMap::new();
    for row in network.capacity(1.0).rows {
        let key = (
            row.element.clone(),
            row.kind,
            row.measure,
            link_ends(plan, row.link),
        );
        map.entry(key).or_insert(row);
    }
    map
}

/// Whether two rows say the same (the link index aside).
fn same(b: &Row, a: &Row) -> bool {
    b.demand == a.demand && b.capacity == a.capacity && b.limit == a.limit
}

/// The capacity rows at the plans' own load that changed, by element, kind and measure.
pub fn capacity(before: &Network, after: &Network) -> Vec<RowChange> {
    let (b, mut a) = (rows(before), rows(after));
    let mut out = Vec::new();
    for (key, row) in b {
        let link = key.3.clone();
        match a.remove(&key) {
            Some(now) if same(&row, &now) => {}
            now => out.push(RowChange {
                link,
                before: Some(row),
                after: now,
            }),
        }
    }
    for (key, row) in a {
        out.push(RowChange {
            link: key.3,
            before: None,
            after: Some(row),
        });
    }
    out.sort_by(|x, y| {
        let k = |r: &RowChange| {
            let row = r.after.as_ref().or(r.before.as_ref());
            row.map(|r| (r.element.clone(), r.kind, r.measure))
        };
        k(x).cmp(&k(y)).then_with(|| x.link.cmp(&y.link))
    });
    out
}
