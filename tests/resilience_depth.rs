//! `reachplan resilience --depth 2`: the pairs of failures that each survive alone and lose
//! pairs together, golden in text and JSON under tests/golden/resilience-depth2 for the plans
//! that survive any single failure (refresh with `UPDATE_EXPECT=1 cargo test --test
//! resilience_depth` and review the diff); refused with a message above its size.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use reachplan::engine::generate::generate;
use reachplan::engine::resilience::{depth, resilience_of};
use reachplan::engine::Network;

mod support;
use support::golden::{compare, orphans};

const PLANS: [&str; 2] = ["circuit-with-vpn-backup", "two-circuits-two-locations"];

#[test]
fn pairs_of_failures_keep_their_golden_output() {
    let mut failures = Vec::new();
    let mut produced = BTreeSet::new();
    for stem in PLANS {
        let plan = format!("tests/data/resilience/{stem}.json");
        for (ext, json) in [("txt", false), ("json", true)] {
            let mut args = vec!["resilience", plan.as_str(), "--depth", "2"];
            if json {
                args.push("--json");
            }
            let (code, out, err) = support::cli::code_out_err(&args);
            assert_eq!(code, 0, "{stem}: {err}");
            let name = format!("resilience-depth2/{stem}.{ext}");
            compare(&name, &out, &mut failures);
            produced.insert(name);
        }
    }
    orphans("resilience-depth2", &produced, &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_circuit_and_its_vpn_backup_failing_together_cut_the_data_centre() {
    let (_, out, _) = support::cli::code_out_err(&[
        "resilience",
        "tests/data/resilience/circuit-with-vpn-backup.json",
        "--depth",
        "2",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let doubles = v["pairs_of_failures"].as_array().unwrap();
    assert!(
        doubles.iter().any(|d| d["ids"][0] == "circuit:er-lon"
            && d["ids"][1] == "connection:2"
            && d["pairs_lost"] == 2),
        "{doubles:?}"
    );
}

#[test]
fn depth_two_is_refused_above_its_size_and_depth_three_is_not_an_option() {
    let plan = generate(150, 1);
    let network = Network::new(&plan);
    let r = resilience_of(&network);
    let err = depth::doubles(&network, &r).unwrap_err();
    assert!(err.contains("at most 100 endpoints"), "{err}");
    let (code, _, err) = support::cli::code_out_err(&[
        "resilience",
        "tests/data/resilience/circuit-with-vpn-backup.json",
        "--depth",
        "3",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("--depth"), "{err}");
}
