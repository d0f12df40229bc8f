//! The `check` report of a large plan, grouped as the browser's matrix groups it: no one reads
//! a million pairs, so above [`GROUP_ABOVE`] endpoints the matrix counts reachable pairs per
//! kind of endpoint, and the unreachable pairs are grouped by the rule that stops them and the
//! kinds (and regions) of their two ends, then by the rule and the hubs of their two ends (see
//! `hubs`), each group with its count and one example explained in full. The pairs are
//! counted as they come ([`Tally`]): the report holds counts and the ends of each group's first
//! pair, never the pairs. Its size is bounded whatever the plan: at most [`SHOWN_GROUPS`] groups
//! of each kind are shown (the largest), the others counted in one line; the examples are judged
//! again when written. `reachplan check --all` lists every pair instead; `--json` always has
//! every pair.

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

/// The most groups of each kind (by kinds and regions, by hubs) the report shows; the others
/// are counted in one line.
pub const SHOWN_GROUPS: usize = 20;

/// The most findings and the most intents the grouped report lists; the others are counted.
pub const SHOWN_LINES: usize = 100;

/// Unreachable pairs of one group: how many, and the endpoint numbers of the first one met.
type Groups = HashMap<(&'static str, u32, u32), (usize, [u32; 2])>;

/// The counts of the grouped report, pair by pair.
pub(super) struct Tally<'p> {
    /// Endpoint number of each id, and the ids.
    index: HashMap<&'p str, usize>,
    ids: &'p [&'p str],
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
    pub(super) fn new(plan: &'p Plan, endpoints: &'p [&'p str]) -> Tally<'p> {
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
            ids: endpoints,
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
        let ends = [i as u32, j as u32];
        let key = (rule, self.hub[i], self.hub[j]);
        self.by_hub.entry(key).or_insert((0, ends)).0 += 1;
        let key = (rule, self.group[i], self.group[j]);
        self.by_rule.entry(key).or_insert((0, ends)).0 += 1;
    }

    /// The matrix by kind of endpoint, then the unreachable pairs by rule and kinds, and by
    /// rule and hubs; `pair_of` judges each example shown again.
    pub(super) fn write(&self, out: &mut String, pair_of: &dyn Fn(&str, &str) -> Option<Pair>) {
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
        self.groups(out, &self.by_rule, pair_of);
        let _ = writeln!(
            out,
            "\nNot reachable by hub: the same {blocked} pairs in {} groups by rule and by the \
             hub of their ends (the Virtual WAN hub or hub VNet a network hangs off), with one \
             example each",
            self.by_hub.len()
        );
        self.groups(out, &self.by_hub, pair_of);
    }

    /// The [`SHOWN_GROUPS`] largest groups (ties by rule and ends, as their labels sort), each
    /// with its first pair judged again; then how many groups and pairs are not shown.
    fn groups(
        &self,
        out: &mut String,
        groups: &Groups,
        pair_of: &dyn Fn(&str, &str) -> Option<Pair>,
    ) {
        let label = |n: u32| self.labels[n as usize].as_str();
        let mut list: Vec<_> = groups
            .iter()
            .map(|(&(rule, a, b), &(count, ends))| ((rule, label(a), label(b)), count, ends))
            .collect();
        list.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));
        for &((rule, from, to), count, [i, j]) in list.iter().take(SHOWN_GROUPS) {
            let pairs = if count == 1 { "pair" } else { "pairs" };
            let _ = writeln!(
                out,
                "  [{rule}] {from} → {to}: {count} {pairs}, for example"
            );
            if let Some(example) = pair_of(self.ids[i as usize], self.ids[j as usize]) {
                blocked_pair(out, &example);
            }
        }
        if list.len() > SHOWN_GROUPS {
            let rest = &list[SHOWN_GROUPS..];
            let pairs: usize = rest.iter().map(|g| g.1).sum();
            let _ = writeln!(
                out,
                "  … and {} more groups of {pairs} pairs in all (`reachplan check --all` lists \
                 every pair, `--json` has them all)",
                rest.len()
            );
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

    /// Whatever the plan, the grouped report shows at most [`super::SHOWN_GROUPS`] groups of
    /// each kind and [`super::SHOWN_LINES`] findings and intents, and counts the rest: 120
    /// VNets, each in a region of its own (not an Azure region: a finding each) and with no
    /// link, make 14,280 groups of one pair (one group by hub) and fail 300 intents.
    #[test]
    fn the_grouped_report_is_bounded_whatever_the_plan() {
        let nodes: Vec<String> = (0..120)
            .map(|i| {
                format!(
                    r#"{{"id": "v{i}", "kind": "vnet", "region": "r{i}",
                        "address_space": ["10.{i}.0.0/16"]}}"#
                )
            })
            .collect();
        let intents: Vec<String> = (0..300)
            .map(|i| {
                format!(
                    r#"{{"from": "v{}", "to": "v{}", "expect": "reachable"}}"#,
                    i % 120,
                    (i + 1) % 120
                )
            })
            .collect();
        let plan = crate::engine::read_plan(&format!(
            r#"{{"reachplan": 1, "nodes": [{}], "intents": [{}]}}"#,
            nodes.join(","),
            intents.join(",")
        ))
        .unwrap();
        let analysis = analyze(&plan);
        let blocked = analysis.pairs.iter().filter(|p| !p.reachable).count();
        assert_eq!(blocked, 120 * 119);
        let grouped = text::check_with(&plan, &analysis, false);
        let shown = grouped
            .lines()
            .filter(|l| l.ends_with("for example"))
            .count();
        assert_eq!(shown, super::SHOWN_GROUPS + 1, "{grouped}");
        let more = 120 * 119 - super::SHOWN_GROUPS;
        let line = format!("  … and {more} more groups of {more} pairs in all");
        assert_eq!(grouped.matches(&line).count(), 1, "{grouped}");
        assert!(
            grouped.contains("  … and 20 more findings, 20 of them errors"),
            "{grouped}"
        );
        let fails = grouped.lines().filter(|l| l.starts_with("  FAILS")).count();
        assert_eq!(fails, super::SHOWN_LINES, "{grouped}");
        assert!(
            grouped.contains("  … and 200 more intents, 200 of which fail"),
            "{grouped}"
        );
        assert!(grouped.len() < 64 * 1024, "{} bytes", grouped.len());
    }
}
