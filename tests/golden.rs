//! Golden tests: every plan under tests/data (scenarios and rule plans) and www/examples is
//! analysed; every intent must hold, and the text report and the JSON output must equal the
//! files under tests/golden. Refresh them with `UPDATE_EXPECT=1 cargo test --test golden` and
//! review the diff.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};

use reachplan::engine::{analyze, read_plan, report, write_plan};

fn plans() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["tests/data/scenarios", "tests/data/rules", "www/examples"] {
        let Ok(entries) = fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "json") {
                let group = dir.rsplit('/').next().unwrap_or(dir);
                let stem = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                out.push((format!("{group}/{stem}"), path));
            }
        }
    }
    out.sort();
    out
}

fn compare(name: &str, actual: &str, failures: &mut Vec<String>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
        }
        fs::write(&path, actual).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        return;
    }
    match fs::read_to_string(&path) {
        Ok(expected) if expected == actual => {}
        Ok(_) => failures.push(format!("{name} differs from its golden file (UPDATE_EXPECT=1 to refresh, then review the diff)")),
        Err(_) => failures.push(format!("{name} has no golden file (run with UPDATE_EXPECT=1)")),
    }
}

#[test]
fn every_plan_keeps_its_intents_and_golden_output() {
    let plans = plans();
    assert!(
        plans.len() >= 16,
        "expected the scenario plans, found {}",
        plans.len()
    );
    let mut failures = Vec::new();
    for (name, path) in &plans {
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let plan = match read_plan(&text) {
            Ok(plan) => plan,
            Err(e) => {
                failures.push(format!("{name}: cannot be read: {e}"));
                continue;
            }
        };
        let analysis = analyze(&plan);
        for intent in analysis.intents.iter().filter(|i| !i.holds) {
            let pair = analysis.pair(&intent.from, &intent.to);
            failures.push(format!(
                "{name}: intent {} → {} {:?} fails: {:?}",
                intent.from,
                intent.to,
                intent.expect,
                pair.and_then(|p| p.reason.clone())
            ));
        }
        assert_eq!(
            analysis,
            analyze(&plan),
            "{name}: analysis is not deterministic"
        );
        let written = write_plan(&plan);
        assert_eq!(
            read_plan(&written).as_ref(),
            Ok(&plan),
            "{name}: round trip changed the plan"
        );
        compare(
            &format!("{name}.txt"),
            &report::check(&plan, &analysis),
            &mut failures,
        );
        let json = serde_json::to_string_pretty(&analysis).unwrap_or_default() + "\n";
        compare(&format!("{name}.json"), &json, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every fix that comes as an edit applies cleanly, keeps the plan readable, and changes the
/// answer for its pair: the pair opens, or the next rule in the way is a different one.
#[test]
fn every_edit_applies_and_makes_progress() {
    use reachplan::engine::edit::apply;
    let mut checked = 0;
    for (name, path) in plans() {
        let text = fs::read_to_string(&path).unwrap();
        let Ok(plan) = read_plan(&text) else { continue };
        let analysis = analyze(&plan);
        for pair in analysis.pairs.iter().filter(|p| !p.reachable) {
            let Some(edit) = &pair.edit else { continue };
            let mut edited = plan.clone();
            apply(&mut edited, edit)
                .unwrap_or_else(|e| panic!("{name}: {} → {}: {e}", pair.from, pair.to));
            let reread = read_plan(&write_plan(&edited)).unwrap_or_else(|e| {
                panic!(
                    "{name}: {} → {}: edited plan unreadable: {e}",
                    pair.from, pair.to
                )
            });
            let after = analyze(&reread);
            let now = after.pair(&pair.from, &pair.to).unwrap();
            assert!(
                now.reachable || now.reason != pair.reason,
                "{name}: {} → {}: edit {edit:?} changed nothing: {:?}",
                pair.from,
                pair.to,
                now.reason
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} edits checked");
}
