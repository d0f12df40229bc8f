//! The `check` report of a large plan, grouped as the browser's matrix groups it: no one reads
//! a million pairs, so above [`GROUP_ABOVE`] endpoints the matrix counts reachable pairs per
//! kind of endpoint, and the unreachable pairs are grouped by the rule that stops them and the
//! kinds (and regions) of their two ends, then by the rule and the hubs of their two ends (see
//! `hubs`), each group with its count and one example explained in full. The pairs are
//! counted as they come ([`Tally`]): the report holds counts and one example per group, never
//! the pairs. `reachplan check --all` lists every pair instead; `--json` always has every pair.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use super::super::analysis::Pair;
use super::super::model::Plan;
use super::super::words::clean;
use super::hubs::hubs;
use super::pair::blocked_pair;

/// The most endpoints whose matrix and unreachable pairs the report lists one by one (the
/// browser groups its matrix above 40 endpoints too).
pub const GROUP_ABOVE: usize = 40;

/// Unreachable pairs of one group: how many, and the first one met.
type Groups = HashMap<(&'static str, u32, u32), (usize, Pair)>;

/// The counts of the grouped report, pair by pair.
pub(super) struct Tally<'p> {
    /// Endpoint number of each id.
    index: HashMap<&'p str, usize>,
    /// Per endpoint: its kind, its kind and region, its hub (numbers into `labels`).
    kind: Vec<u32>,
    group: Vec<u32>,
    hub: Vec<u32>,
    labels: Vec<String>,
    /// Per kind label: how many endpoints.
    sizes: BTreeMap<u32, usize>,
    /// Per (row kind, column kind): reachable pairs, all pairs.
    cells: HashMap<(u32, u32), (usize, usize)>,
    by_rule: Groups,
    by_hub: Groups,
    /// Pairs counted, and those reachable.
    pub(super) pairs: usize,
    pub(super) reachable: usize,
}

impl<'p> Tally<'p> {
    /// An empty tally of the plan's endpoints (`endpoints`: their ids).
    pub(super) fn new(plan: &'p Plan, endpoints: &[&'p str]) -> Tally<'p> {
        let hubs = hubs(plan);
        let mut labels: Vec<String> = Vec::new();
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut label = |text: String| {
            *ids.entry(text.clone()).or_insert_with(|| {
                labels.push(text);
                labels.len() as u32 - 1
            })
        };
        let nodes: HashMap<&str, _> = plan.nodes.iter().map(|n| (n.id.as_str(), n)).collect();
        let (mut kind, mut group, mut hub) = (Vec::new(), Vec::new(), Vec::new());
        let mut sizes = BTreeMap::new();
        for id in endpoints {
            let node = nodes.get(id);
            let k = node.map_or("?".to_string(), |n| n.kind.to_string());
            let g = match node.and_then(|n| n.region.as_deref()) {
                Some(r) => format!("{k} in {}", clean(r)),
                None => k.clone(),
            };
            let h = hubs
                .get(id)
                .map_or("no hub".to_string(), |h| format!("hub {h}"));
            let k = label(k);
            *sizes.entry(k).or_default() += 1;
            kind.push(k);
            group.push(label(g));
            hub.push(label(h));
        }
        let index = endpoints.iter().enumerate().map(|(i, &e)| (e, i)).collect();
        Tally {
            index,
            kind,
            group,
            hub,
            labels,
            sizes,
            cells: HashMap::new(),
            by_rule: HashMap::new(),
            by_hub: HashMap::new(),
            pairs: 0,
            reachable: 0,
        }
    }

    /// Counts one pair (pairs come in the analysis order: the first of a group is its
    /// example).
    pub(super) fn add(&mut self, p: Pair) {
        self.pairs += 1;
        self.reachable += usize::from(p.reachable);
        let (Some(&i), Some(&j)) = (
            self.index.get(p.from.as_str()),
            self.index.get(p.to.as_str()),
        ) else {
            return;
        };
        let cell = self.cells.entry((self.kind[i], self.kind[j])).or_default();
        cell.0 += usize::from(p.reachable);
        cell.1 += 1;
        if p.reachable {
            return;
        }
        let rule = p.rule.map_or("no rule", |r| r.id());
        let key = (rule, self.hub[i], self.hub[j]);
        match self.by_hub.get_mut(&key) {
            Some(g) => g.0 += 1,
            None => {
                self.by_hub.insert(key, (1, p.clone()));
            }
        }
        let key = (rule, self.group[i], self.group[j]);
        match self.by_rule.get_mut(&key) {
            Some(g) => g.0 += 1,
            None => {
                self.by_rule.insert(key, (1, p));
            }
        }
    }

    /// The matrix by kind of endpoint, then the unreachable pairs by rule and kinds, and by
    /// rule and hubs.
    pub(super) fn write(&self, out: &mut String) {
        self.matrix(out);
        let blocked: usize = self.by_rule.values().map(|g| g.0).sum();
        if blocked == 0 {
            return;
        }
        let _ = writeln!(
            out,
            "\nNot reachable: {blocked} pairs in {} groups by rule and by kind and region of \
             their ends, with one example each (`reachplan check --all` lists every pair, \
             `--json` has them all)",
            self.by_rule.len()
        );
        self.groups(out, &self.by_rule);
        let _ = writeln!(
            out,
            "\nNot reachable by hub: the same {blocked} pairs in {} groups by rule and by the \
             hub of their ends (the Virtual WAN hub or hub VNet a network hangs off), with one \
             example each",
            self.by_hub.len()
        );
        self.groups(out, &self.by_hub);
    }

    /// Groups, the largest first; then by rule and ends, as their labels sort.
    fn groups(&self, out: &mut String, groups: &Groups) {
        let label = |n: u32| self.labels[n as usize].as_str();
        let mut list: Vec<_> = groups
            .iter()
            .map(|(&(rule, a, b), (count, example))| ((rule, label(a), label(b)), *count, example))
            .collect();
        list.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
        for ((rule, from, to), count, example) in list {
            let pairs = if count == 1 { "pair" } else { "pairs" };
            let _ = writeln!(
                out,
                "  [{rule}] {from} → {to}: {count} {pairs}, for example"
            );
            blocked_pair(out, example);
        }
    }

    /// The matrix by kind of endpoint: per row kind and column kind, reachable pairs of all
    /// pairs.
    fn matrix(&self, out: &mut String) {
        let label = |n: u32| self.labels[n as usize].as_str();
        let mut sizes: Vec<(&str, u32, usize)> =
            self.sizes.iter().map(|(&k, &n)| (label(k), k, n)).collect();
        sizes.sort();
        let _ = writeln!(
            out,
            "Reachability by kind of endpoint (row to column, and back): reachable pairs of \
             all pairs"
        );
        let width = sizes.iter().map(|k| k.0.len() + 8).max().unwrap_or(8);
        let cell = self
            .cells
            .values()
            .map(|(r, n)| format!("{r}/{n}").len())
            .chain(sizes.iter().map(|k| k.0.len()))
            .max()
            .unwrap_or(3);
        let mut header = format!("{:width$}", "");
        for k in &sizes {
            let _ = write!(header, "  {:>cell$}", k.0);
        }
        let _ = writeln!(out, "{}", header.trim_end());
        for &(row, r, n) in &sizes {
            let mut line = format!("{:width$}", format!("{row} ({n})"));
            for &(_, c, _) in &sizes {
                let text = self
                    .cells
                    .get(&(r, c))
                    .map_or("·".to_string(), |(r, n)| format!("{r}/{n}"));
                let _ = write!(line, "  {text:>cell$}");
            }
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::{analyze, generate::generate, text};

    #[test]
    fn a_large_plan_is_grouped_and_all_lists_every_pair() {
        let plan = generate(60, 1);
        let analysis = analyze(&plan);
        let blocked = analysis.pairs.iter().filter(|p| !p.reachable).count();
        let grouped = text::check_with(&plan, &analysis, false);
        let all = text::check_with(&plan, &analysis, true);
        assert!(
            grouped.contains(&format!("Not reachable: {blocked} pairs in ")),
            "{grouped}"
        );
        assert!(
            grouped.contains("Reachability by kind of endpoint"),
            "{grouped}"
        );
        assert!(
            grouped.len() * 10 < all.len(),
            "{} {}",
            grouped.len(),
            all.len()
        );
        let listed = all
            .lines()
            .filter(|l| l.starts_with("  ") && l.contains(" → "))
            .count();
        assert!(listed >= blocked, "{listed} < {blocked}");
        let small = generate(20, 1);
        let a = analyze(&small);
        assert_eq!(text::check(&small, &a), text::check_with(&small, &a, true));
    }
}
