//! The round trip: a plan exported as an ARM template (`reachplan export --arm`) and imported
//! again (`reachplan import`) is analysed, and its pairs are compared with the plan's own,
//! pair by pair, ids mapped (a node keeps its id, as the export names resources by id; the
//! users of a gateway's point-to-site configuration become one group named after the gateway).
//!
//! What ARM cannot express is said, not compared: sites and clouds reached only over
//! ExpressRoute private peering, Microsoft services and the internet, user groups that only
//! reach Bastion, Application Gateway or a virtual desktop. What the import does not read yet
//! (the resource types it skips) is said too. The comparison of each example plan and scenario
//! is a golden file under tests/golden/roundtrip (refresh with
//! `UPDATE_EXPECT=1 cargo test --test roundtrip`, review the diff: a difference is a pair the
//! round trip answers otherwise, beside the resource types the import skipped). Every
//! plan must agree on every pair that both sides have.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use reachplan::engine::model::{LinkKind, NodeKind, Plan};
use reachplan::engine::{analyze, read_plan};
use reachplan::export;
use reachplan::import::{import, ImportOptions};

mod support;
use support::golden::{compare, orphans};
use support::repository::files;

/// The imported plan's id → the plan's id.
fn mapping(plan: &Plan, imported: &Plan) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for node in &imported.nodes {
        if plan.node(&node.id).is_some_and(|n| n.kind == node.kind) {
            map.insert(node.id.clone(), node.id.clone());
        } else if node.kind == NodeKind::Users {
            // The users of one gateway: the plan's user group on that gateway (the first
            // when several share it).
            let gateway = imported
                .links
                .iter()
                .find(|l| l.kind == LinkKind::P2s && l.from == node.id)
                .map(|l| l.to.clone());
            let group = plan.links.iter().find(|l| {
                l.kind == LinkKind::P2s
                    && Some(&l.to) == gateway.as_ref()
                    && !map.values().any(|v| v == &l.from)
            });
            if let Some(link) = group {
                map.insert(node.id.clone(), link.from.clone());
            }
        }
    }
    map
}

fn roundtrip(name: &str, plan: &Plan) -> (String, usize) {
    let arm = export::arm(plan, &[]);
    let options = ImportOptions {
        region: Some("westeurope".into()),
    };
    let imported = import(&[("export.json".into(), arm)], &options)
        .unwrap_or_else(|e| panic!("{name}: the export does not import: {e}"));
    let map = mapping(plan, &imported.plan);
    let carried: BTreeSet<&String> = map.values().collect();
    let before = analyze(plan);
    let after = analyze(&imported.plan);
    let after_pairs: BTreeMap<(String, String), (bool, Option<String>)> = after
        .pairs
        .iter()
        .filter_map(|p| {
            let from = map.get(&p.from)?.clone();
            let to = map.get(&p.to)?.clone();
            Some((
                (from, to),
                (p.reachable, p.access.map(|a| a.as_str().to_string())),
            ))
        })
        .collect();
    let mut out = String::new();
    let endpoints: Vec<_> = plan.nodes.iter().filter(|n| n.kind.is_endpoint()).collect();
    let missing: Vec<String> = endpoints
        .iter()
        .filter(|n| !carried.contains(&n.id))
        .map(|n| format!("{} ({})", n.id, n.kind))
        .collect();
    writeln!(out, "# {name}").unwrap();
    writeln!(
        out,
        "endpoints carried: {} of {}",
        endpoints.len() - missing.len(),
        endpoints.len()
    )
    .unwrap();
    if !missing.is_empty() {
        writeln!(out, "not in ARM: {}", missing.join(", ")).unwrap();
    }
    for (imported_id, id) in &map {
        if imported_id != id {
            writeln!(out, "{id} is {imported_id} after the round trip").unwrap();
        }
    }
    let skipped: Vec<String> = imported
        .report
        .skipped
        .iter()
        .map(|s| s.rtype.clone())
        .collect();
    if !skipped.is_empty() {
        writeln!(out, "skipped by the import: {}", skipped.join(", ")).unwrap();
    }
    let mut compared = 0;
    let mut differences = Vec::new();
    for p in &before.pairs {
        let key = (p.from.clone(), p.to.clone());
        let Some(got) = after_pairs.get(&key) else {
            continue;
        };
        compared += 1;
        let want = (p.reachable, p.access.map(|a| a.as_str().to_string()));
        if &want != got {
            differences.push(format!(
                "  {} → {}: {} in the plan, {} after the round trip",
                p.from,
                p.to,
                shown(&want),
                shown(got)
            ));
        }
    }
    writeln!(
        out,
        "pairs compared: {compared}, differing: {}",
        differences.len()
    )
    .unwrap();
    for d in &differences {
        writeln!(out, "{d}").unwrap();
    }
    (out, differences.len())
}

fn shown((reachable, access): &(bool, Option<String>)) -> String {
    let verdict = if *reachable {
        "reachable"
    } else {
        "not reachable"
    };
    match access {
        Some(a) if a != "network" => format!("{verdict} ({a})"),
        _ => verdict.to_string(),
    }
}

#[test]
fn export_then_import_gives_the_same_answers() {
    let mut failures = Vec::new();
    let mut produced = BTreeSet::new();
    for (dir, group) in [
        ("www/examples", "examples"),
        ("tests/data/scenarios", "scenarios"),
    ] {
        for path in files(dir) {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let name = format!("{group}/{stem}");
            let plan = read_plan(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let (text, differing) = roundtrip(&name, &plan);
            if differing > 0 {
                failures.push(format!("{name} must agree on every pair:\n{text}"));
            }
            let golden = format!("roundtrip/{group}-{stem}.txt");
            compare(&golden, &text, &mut failures);
            produced.insert(golden);
        }
    }
    orphans("roundtrip", &produced, &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
