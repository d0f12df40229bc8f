//! `reachplan resilience`: every single failure of the plans under tests/data/resilience, with
//! the single points of failure each design is known to have, golden in text and JSON under
//! tests/golden/resilience (refresh with `UPDATE_EXPECT=1 cargo test --test resilience` and
//! review the diff); the sweep's shortcut for endpoints left with no link agrees with the
//! naive sweep on every plan of the repository and on generated plans.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::Path;

use reachplan::engine::generate::generate;
use reachplan::engine::resilience::survive::judge;
use reachplan::engine::resilience::{render, resilience, sweep, Resilience};
use reachplan::engine::{read_plan, Network, Plan};

mod support;
use support::golden::{compare, orphans};

const DIR: &str = "tests/data/resilience";

fn plan(stem: &str) -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("{DIR}/{stem}.json"));
    read_plan(&std::fs::read_to_string(path).unwrap()).unwrap_or_else(|e| panic!("{stem}: {e}"))
}

fn ranked(r: &Resilience) -> Vec<&str> {
    r.single_points.iter().map(|f| f.id()).collect()
}

#[test]
fn every_plan_keeps_its_golden_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR);
    let mut failures = Vec::new();
    let mut produced = BTreeSet::new();
    let mut count = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let r = resilience(&plan(&stem));
        let json = serde_json::to_string_pretty(&r).unwrap() + "\n";
        for (name, actual) in [
            (format!("resilience/{stem}.txt"), render::text(&r)),
            (format!("resilience/{stem}.json"), json),
        ] {
            compare(&name, &actual, &mut failures);
            produced.insert(name);
        }
        count += 1;
    }
    assert_eq!(
        count, 3,
        "plans in {DIR} (update the count when adding one)"
    );
    orphans("resilience", &produced, &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn one_circuit_at_one_location_cuts_every_site() {
    let r = resilience(&plan("one-circuit-every-site"));
    let top: Vec<&str> = ranked(&r).into_iter().take(3).collect();
    assert_eq!(top, ["circuit:er-ams", "connection:3", "er_gateway:hub"]);
    let circuit = &r.single_points[0];
    for site in ["dc-1", "dc-2", "dc-3"] {
        assert!(
            circuit.lost.iter().any(|[a, b]| a == site && b == "spoke"),
            "{site} loses the spoke when the circuit fails"
        );
    }
    // Each site's own private peering cuts that site only.
    let dc1 = r
        .single_points
        .iter()
        .find(|f| f.id() == "connection:0")
        .unwrap();
    assert!(dc1.lost.iter().all(|[a, b]| a == "dc-1" || b == "dc-1"));
}

#[test]
fn a_single_tunnel_cuts_its_branch_and_the_users_rank_the_gateway_first() {
    let r = resilience(&plan("single-tunnel-branch"));
    assert_eq!(r.single_points[0].id(), "vpn_gateway:hub");
    assert_eq!(r.single_points[0].users_cut, 400);
    let tunnel = r
        .single_points
        .iter()
        .find(|f| f.id() == "connection:4")
        .unwrap();
    assert!(tunnel
        .lost
        .iter()
        .all(|[a, b]| a == "branch" || b == "branch"));
    assert!(tunnel.lost.iter().any(|[a, b]| a == "branch" && b == "app"));
    // The head office keeps the hub over ExpressRoute when its tunnel fails, and keeps it over
    // the tunnel when the circuit fails.
    let hq = r
        .single_points
        .iter()
        .find(|f| f.id() == "connection:1")
        .unwrap();
    assert!(!hq.lost.iter().any(|[a, b]| a == "hq" && b == "app"));
    let survived: Vec<&str> = r.survived.iter().map(|d| d.id.as_str()).collect();
    assert!(survived.contains(&"circuit:er-lon"), "{survived:?}");
}

#[test]
fn two_circuits_at_two_locations_survive_any_circuit_failure() {
    let r = resilience(&plan("two-circuits-two-locations"));
    assert_eq!(ranked(&r), ["er_gateway:hub", "connection:6"]);
    let survived: Vec<&str> = r.survived.iter().map(|d| d.id.as_str()).collect();
    for id in [
        "circuit:er-ams",
        "circuit:er-lon",
        "connection:4",
        "connection:5",
    ] {
        assert!(survived.contains(&id), "{id} survives: {survived:?}");
    }
}

#[test]
fn the_shortcut_agrees_with_the_naive_sweep() {
    // Every plan of the repository, counted exactly by `support::repository`.
    let mut plans = support::repository::plans();
    for seed in 1..=3 {
        plans.push((format!("generated 150, seed {seed}"), generate(150, seed)));
    }
    for (name, plan) in plans {
        let network = Network::new(&plan);
        assert_eq!(sweep(&network, true), sweep(&network, false), "{name}");
    }
}

fn cli(args: &[&str]) -> (i32, String, String) {
    support::cli::code_out_err(args)
}

#[test]
fn the_command_answers_with_exit_zero_and_refuses_bad_input_with_two() {
    let plan = format!("{DIR}/single-tunnel-branch.json");
    let (code, out, _) = cli(&["resilience", &plan]);
    assert_eq!(code, 0);
    assert!(out.contains("1. the VPN gateway of hub"), "{out}");
    let (code, out, _) = cli(&["resilience", &plan, "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["single_points"][0]["id"], "vpn_gateway:hub");
    let (code, _, err) = cli(&["resilience", "tests/data/resilience/missing.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
}

#[test]
fn an_intent_that_must_survive_fails_with_the_failure_that_breaks_it() {
    // Holds: a tunnel and a circuit keep the head office on the hub, and the region's failure
    // takes the hub itself (a failure of the pair's own endpoint does not count).
    let network = Network::new(&plan("single-tunnel-branch"));
    let mut held = network.analysis();
    judge(&network, &mut held.intents);
    let hq = held
        .intents
        .iter()
        .find(|i| i.from == "hq" && i.to == "hub")
        .unwrap();
    assert!(hq.survives.is_some() && hq.holds && hq.broken_by.is_none());
    // Fails: two circuits at two locations, but one ExpressRoute gateway.
    let mut two = plan("two-circuits-two-locations");
    let mut intent = two.intents[0].clone();
    (intent.from, intent.to) = ("dc-1".into(), "hub".into());
    intent.survives = Some(reachplan::engine::model::Survives::AnySingleFailure);
    two.intents.push(intent);
    let network = Network::new(&two);
    for mut intents in [network.analysis().intents, network.summary().intents] {
        assert!(
            intents.iter().all(|i| i.holds),
            "judged with nothing failed"
        );
        judge(&network, &mut intents);
        let last = intents.last().unwrap();
        assert!(!last.holds);
        assert_eq!(last.broken_by.as_ref().unwrap().id, "er_gateway:hub");
        assert!(intents[..intents.len() - 1].iter().all(|i| i.holds));
    }
}

#[test]
fn check_exits_one_on_an_intent_that_does_not_survive_and_reads_the_field_back() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("{DIR}/single-tunnel-branch.json")),
    )
    .unwrap();
    let p = read_plan(&text).unwrap();
    assert_eq!(
        reachplan::engine::write_plan(&p),
        text,
        "the field reads and writes back"
    );
    // The branch has one tunnel to one gateway: its intent cannot survive every single failure;
    // the first that breaks it, in domain order, is the gateway's.
    let weak = text.replacen(
        r#""from": "branch",
      "to": "app",
      "expect": "reachable""#,
        r#""from": "branch",
      "to": "app",
      "expect": "reachable",
      "survives": "any single failure""#,
        1,
    );
    assert_ne!(weak, text);
    let path = std::env::temp_dir().join(format!("reachplan-survive-{}.json", std::process::id()));
    std::fs::write(&path, &weak).unwrap();
    let shown = path.to_string_lossy().into_owned();
    let (code, out, _) = cli(&["check", &shown]);
    let (summary_code, _, _) = cli(&["check", &shown, "--summary"]);
    let (_, json, _) = cli(&["check", &shown, "--json"]);
    let bad = weak.replacen("any single failure", "two failures", 1);
    std::fs::write(&path, bad).unwrap();
    let (bad_code, _, err) = cli(&["check", &shown]);
    let _ = std::fs::remove_file(&path);
    assert_eq!((code, summary_code), (1, 1), "{out}");
    assert!(
        out.contains(
            "but not when the VPN gateway of hub (both instances) fails [vpn_gateway:hub]"
        ),
        "{out}"
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let intent = &v["intents"][1];
    assert_eq!(intent["survives"], "any single failure");
    assert_eq!(intent["broken_by"]["id"], "vpn_gateway:hub");
    assert_eq!(bad_code, 2);
    assert!(err.contains("intents[1].survives"), "{err}");
}
