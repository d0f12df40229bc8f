//! Contested points are assumptions, shown: where the rule book or Microsoft's pages do not
//! decide, the answer names its assumption in `check` (text and `--json`) and in `explain`,
//! and `explain` never contradicts its own assumption (issue item 9).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use reachplan::engine::rules::AssumptionId;
use reachplan::engine::{analyze, text, Network};

mod support;
use support::cli::{code_out_err, run};
use support::repository::plans;

/// The three contested points of the issue: (plan, assumption code, a pair that rests on it).
const CONTESTED: [(&str, &str, &str, &str); 3] = [
    // Basic Virtual WAN: S2S branches reach their hub's VNets, not each other.
    (
        "tests/data/rules/r24-vwan-basic-branches.json",
        "basic-vwan-vnets",
        "branch-1",
        "branch-2",
    ),
    // Two sites on one circuit's private peering: over their own WAN, not through Azure.
    (
        "tests/data/rules/r12-er-one-circuit.json",
        "same-circuit-sites",
        "dc-ams",
        "office-rtm",
    ),
    // A hub with scale units that list no gateway for a connection: the gateway is assumed.
    (
        "tests/data/rules/r47-vwan-hub-gateway-unlisted.json",
        "vwan-hub-gateway-unlisted",
        "dc",
        "app",
    ),
];

#[test]
fn each_contested_point_is_named_in_check_json_and_explain() {
    for (path, code, from, to) in CONTESTED {
        let (status, out, err) = code_out_err(&["check", "--json", path]);
        assert!(status == 0 || status == 1, "{path}: exit {status}: {err}");
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        let codes: Vec<&str> = json["assumptions"]
            .as_array()
            .unwrap_or_else(|| panic!("{path}: no assumptions in check --json"))
            .iter()
            .filter_map(|a| a["code"].as_str())
            .collect();
        assert!(codes.contains(&code), "{path}: {code} not in {codes:?}");
        let (_, text, _) = code_out_err(&["check", path]);
        assert!(
            text.contains(&format!("  {code} [")),
            "{path}: check text lacks {code}"
        );
        let out = run(&["explain", path, from, to], None);
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            said.contains(&format!("assumption {code}:")),
            "{path}: explain {from} {to} does not name {code}:\n{said}"
        );
    }
}

/// For every pair of every rule and scenario plan of the repository: `explain` gives the verdict `check` gives,
/// and every assumption its traces rest on is one `check` shows.
#[test]
fn explain_never_contradicts_the_assumptions_check_shows() {
    let mut rested = 0;
    let contested = |name: &str| name.contains("/rules/") || name.contains("/scenarios/");
    for (name, plan) in plans().into_iter().filter(|(name, _)| contested(name)) {
        let analysis = analyze(&plan);
        let shown: BTreeSet<&str> = analysis.assumptions.iter().map(|a| a.code).collect();
        let network = Network::new(&plan);
        for pair in &analysis.pairs {
            let story = network.story(&pair.from, &pair.to).unwrap();
            assert_eq!(story.pair.reachable, pair.reachable, "{name}: {pair:?}");
            let told = text::explain(&plan, &story);
            let verdict = if pair.reachable {
                ": reachable"
            } else {
                ": NOT reachable"
            };
            assert!(
                told.lines().next().unwrap_or("").contains(verdict),
                "{name}: {told}"
            );
            let used: BTreeSet<AssumptionId> = story
                .there
                .iter()
                .chain(&story.back)
                .flat_map(|t| t.assumptions())
                .collect();
            for id in used {
                let code = id.describe().code;
                assert!(
                    shown.contains(code),
                    "{name}: {pair:?} rests on {code}, not shown"
                );
                rested += 1;
            }
        }
    }
    assert!(rested > 20, "only {rested} assumptions cited");
}
