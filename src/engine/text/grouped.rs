//! The `check` report of a large plan, grouped as the browser's matrix groups it: no one reads
//! a million pairs, so above [`GROUP_ABOVE`] endpoints the matrix counts reachable pairs per
//! kind of endpoint, and the unreachable pairs are grouped by the rule that stops them and the
//! kinds (and regions) of their two ends, each group with its count and one example explained
//! in full. `reachplan check --all` lists every pair instead; `--json` always has every pair.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use super::super::analysis::Analysis;
use super::super::model::{NodeKind, Plan};
use super::super::words::clean;
use super::pair::blocked_pair;

/// The most endpoints whose matrix and unreachable pairs the report lists one by one (the
/// browser groups its matrix above 40 endpoints too).
pub const GROUP_ABOVE: usize = 40;

/// Each endpoint's kind and region, by id.
fn groups(plan: &Plan) -> HashMap<&str, (NodeKind, Option<String>)> {
    plan.nodes
        .iter()
        .filter(|n| n.kind.is_endpoint())
        .map(|n| {
            let region = n.region.as_deref().map(clean);
            (n.id.as_str(), (n.kind, region))
        })
        .collect()
}

/// The matrix by kind of endpoint: per row kind and column kind, reachable pairs of all pairs.
pub fn matrix(out: &mut String, plan: &Plan, analysis: &Analysis) {
    let groups = groups(plan);
    let kind = |id: &str| groups.get(id).map_or("?".to_string(), |g| g.0.to_string());
    let mut sizes: BTreeMap<String, usize> = BTreeMap::new();
    for id in &analysis.endpoints {
        *sizes.entry(kind(id)).or_default() += 1;
    }
    let mut cells: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    for p in &analysis.pairs {
        let cell = cells.entry((kind(&p.from), kind(&p.to))).or_default();
        cell.0 += usize::from(p.reachable);
        cell.1 += 1;
    }
    let _ = writeln!(
        out,
        "Reachability by kind of endpoint (row to column, and back): reachable pairs of all \
         pairs"
    );
    let width = sizes.keys().map(|k| k.len() + 8).max().unwrap_or(8);
    let cell = cells
        .values()
        .map(|(r, n)| format!("{r}/{n}").len())
        .chain(sizes.keys().map(String::len))
        .max()
        .unwrap_or(3);
    let mut header = format!("{:width$}", "");
    for k in sizes.keys() {
        let _ = write!(header, "  {k:>cell$}");
    }
    let _ = writeln!(out, "{}", header.trim_end());
    for (row, n) in &sizes {
        let mut line = format!("{:width$}", format!("{row} ({n})"));
        for col in sizes.keys() {
            let text = cells
                .get(&(row.clone(), col.clone()))
                .map_or("·".to_string(), |(r, n)| format!("{r}/{n}"));
            let _ = write!(line, "  {text:>cell$}");
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// The unreachable pairs grouped by rule and by the kinds and regions of their ends: a count
/// and the first pair (in the analysis order) explained in full.
pub fn blocked(out: &mut String, plan: &Plan, analysis: &Analysis) {
    let groups = groups(plan);
    let group = |id: &str| {
        groups.get(id).map_or("?".to_string(), |(k, r)| match r {
            Some(r) => format!("{k} in {r}"),
            None => k.to_string(),
        })
    };
    let mut by: BTreeMap<(String, String, String), (usize, usize)> = BTreeMap::new();
    let mut total = 0;
    for (i, p) in analysis.pairs.iter().enumerate() {
        if p.reachable {
            continue;
        }
        total += 1;
        let rule = p.rule.map_or("no rule", |r| r.id()).to_string();
        by.entry((rule, group(&p.from), group(&p.to)))
            .or_insert((0, i))
            .0 += 1;
    }
    if total == 0 {
        return;
    }
    let _ = writeln!(
        out,
        "\nNot reachable: {total} pairs in {} groups by rule and by kind and region of their \
         ends, with one example each (`reachplan check --all` lists every pair, `--json` has \
         them all)",
        by.len()
    );
    // The largest groups first; then by rule and ends, as the map sorts them.
    let mut list: Vec<_> = by.into_iter().collect();
    list.sort_by_key(|(_, (count, _))| std::cmp::Reverse(*count));
    for ((rule, from, to), (count, example)) in list {
        let pairs = if count == 1 { "pair" } else { "pairs" };
        let _ = writeln!(
            out,
            "  [{rule}] {from} → {to}: {count} {pairs}, for example"
        );
        blocked_pair(out, &analysis.pairs[example]);
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
