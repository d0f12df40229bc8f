//! Golden tests: every plan under tests/data (scenarios and rule plans) and www/examples is
//! analysed; every intent must hold, and the text report, the JSON output and the explanation of
//! each intent's pair (`explain`, text and `--json`) must equal the files under tests/golden.
//! Refresh them with `UPDATE_EXPECT=1 cargo test --test golden` and review the diff (refused
//! when `CI` is set). The folders' plan counts are exact and golden files no plan produces fail.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;

use reachplan::engine::model::Plan;
use reachplan::engine::{analyze, explain, read_plan, text, write_plan};

mod support;
use support::golden::{compare, orphans};
use support::repository::files;

/// The plan folders (their counts are in `support::repository`) and the golden folder of each.
const FOLDERS: [(&str, &str); 3] = [
    ("tests/data/scenarios", "scenarios"),
    ("tests/data/rules", "rules"),
    ("www/examples", "examples"),
];

/// Every plan, as (golden name `group/stem`, path).
fn plans() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for (dir, group) in FOLDERS {
        for path in files(dir) {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            out.push((format!("{group}/{stem}"), path));
        }
    }
    out.sort();
    out
}

/// The explanation (text and JSON) of every intent's pair, in intent order, each pair once.
fn explanations(plan: &Plan) -> Option<(String, String)> {
    let mut seen = BTreeSet::new();
    let (mut text, mut json) = (String::new(), Vec::new());
    for intent in plan.intents.iter().filter(|i| i.from != i.to) {
        if !seen.insert((intent.from.as_str(), intent.to.as_str())) {
            continue;
        }
        let story = explain(plan, &intent.from, &intent.to)
            .unwrap_or_else(|| panic!("{} → {} is no pair", intent.from, intent.to));
        text.push_str(&text::explain(plan, &story));
        text.push('\n');
        json.push(story.pair);
    }
    (!json.is_empty()).then(|| (text, serde_json::to_string_pretty(&json).unwrap() + "\n"))
}

#[test]
fn every_plan_keeps_its_intents_and_golden_output() {
    let plans = plans();
    let mut failures = Vec::new();
    let mut produced = BTreeSet::new();
    let mut golden = |name: String, actual: &str, failures: &mut Vec<String>| {
        compare(&name, actual, failures);
        produced.insert(name);
    };
    for (name, path) in &plans {
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let plan = read_plan(&text).unwrap_or_else(|e| panic!("{name}: cannot be read: {e}"));
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
        golden(
            format!("{name}.txt"),
            &text::check(&plan, &analysis),
            &mut failures,
        );
        let json = serde_json::to_string_pretty(&analysis).unwrap() + "\n";
        let network = reachplan::engine::Network::new(&plan);
        let streamed = serde_json::to_string_pretty(&network.explained().stream()).unwrap();
        assert_eq!(streamed + "\n", json, "{name}: the streamed answer differs");
        golden(format!("{name}.json"), &json, &mut failures);
        if let Some((text, json)) = explanations(&plan) {
            golden(format!("{name}.explain.txt"), &text, &mut failures);
            golden(format!("{name}.explain.json"), &json, &mut failures);
        }
    }
    for (_, group) in FOLDERS {
        orphans(group, &produced, &mut failures);
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
        let plan = read_plan(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
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
