//! The fast matrix against a naive oracle and the full analysis.
//!
//! The oracle (`Network::reachable_naive`) is the simplest search over the engine's own rules:
//! for each ordered pair, a plain breadth-first search from the source over (node, arrival,
//! ingress) states that takes a hop when `transit::hop` allows it over a carried connection; a
//! pair is reachable when a search finds the way there and one finds the way back (not needed
//! to the internet or Microsoft's services, never from the internet), unless the two address
//! spaces overlap. It checks the fast matrix's search and sharing, not the rules (that is
//! `tests/agreement.rs`). The property test draws generated plans (5 to 200 endpoints, half of
//! them at most 60) and changes them (`support::mutate::deep_change`: flags flipped, links
//! dropped, added or changed in kind, gateways, circuits and WANs changed, near-twins and
//! parallel links added), with a fixed seed, then checks that the matrix (with and without
//! sharing), the oracle and `analyze` agree on every pair, and that the summary counts what
//! the analysis counts.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;

use proptest::prelude::*;
use reachplan::engine::generate::generate;
use reachplan::engine::matrix::Sharing;
use reachplan::engine::model::Plan;
use reachplan::engine::overview::{self, Cell};
use reachplan::engine::summary;
use reachplan::engine::{analyze, read_plan, Network, Severity};

mod support;

use support::config::config;
use support::mutate::{apply, deep_change, Change};

/// The oracle's answer for the ordered pairs of endpoints that `keep` selects (by their
/// positions in the plan's endpoint list), by id.
fn oracle(plan: &Plan, keep: &dyn Fn(usize, usize) -> bool) -> BTreeMap<(String, String), bool> {
    let network = Network::new(plan);
    let endpoints: Vec<&str> = plan
        .nodes
        .iter()
        .filter(|n| n.kind.is_endpoint())
        .map(|n| n.id.as_str())
        .collect();
    let mut out = BTreeMap::new();
    for (i, a) in endpoints.iter().enumerate() {
        for (j, b) in endpoints.iter().enumerate() {
            if a != b && keep(i, j) {
                let answer = network.reachable_naive(a, b).unwrap();
                out.insert((a.to_string(), b.to_string()), answer);
            }
        }
    }
    out
}

/// Checks that every way of answering agrees on `plan`. The oracle runs a search per pair:
/// on plans of more than 100 endpoints it checks one pair in `7`.
fn agree(plan: &Plan, name: &str) {
    let analysis = analyze(plan);
    let network = Network::new(plan);
    let fast = network.verdicts();
    assert_eq!(fast.endpoints, analysis.endpoints, "{name}: endpoints");
    for sharing in [Sharing::PerEndpoint, Sharing::Off] {
        let other = network.verdicts_sharing(sharing);
        for (i, from) in fast.endpoints.iter().enumerate() {
            for (j, to) in fast.endpoints.iter().enumerate() {
                assert_eq!(
                    fast.reachable(i, j),
                    other.reachable(i, j),
                    "{name}: {from} → {to}, sharing {sharing:?}"
                );
                assert_eq!(
                    fast.goes(i, j),
                    other.goes(i, j),
                    "{name}: {from} → {to} one way, sharing {sharing:?}"
                );
            }
        }
    }
    let n = fast.endpoints.len();
    let oracle = oracle(plan, &|i, j| n <= 100 || (i * n + j) % 7 == 0);
    for pair in &analysis.pairs {
        let (i, j) = (
            fast.index(&pair.from).unwrap(),
            fast.index(&pair.to).unwrap(),
        );
        assert_eq!(
            fast.reachable(i, j),
            pair.reachable,
            "{name}: {} → {} (analysis)",
            pair.from,
            pair.to
        );
        if let Some(&answer) = oracle.get(&(pair.from.clone(), pair.to.clone())) {
            assert_eq!(
                answer, pair.reachable,
                "{name}: {} → {} (oracle)",
                pair.from, pair.to
            );
        }
    }
    assert_eq!(
        fast.count(),
        analysis.pairs.iter().filter(|p| p.reachable).count(),
        "{name}: count"
    );
    let summary = summary::summarize(plan);
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        assert_eq!(
            summary.count(severity),
            analysis.count(severity),
            "{name}: {severity:?} findings"
        );
    }
    let held: Vec<bool> = summary.intents.iter().map(|i| i.holds).collect();
    let expected: Vec<bool> = analysis.intents.iter().map(|i| i.holds).collect();
    assert_eq!(held, expected, "{name}: intents");
    assert_eq!(summary.text(), reachplan::engine::text::summary(&analysis));
    // The overview the app draws: each cell's verdict is the analysis's.
    let o = overview::overview(plan);
    for pair in &analysis.pairs {
        let (i, j) = (
            o.summary.matrix.index(&pair.from).unwrap(),
            o.summary.matrix.index(&pair.to).unwrap(),
        );
        let want = Cell::from(pair);
        assert_eq!(
            o.cell(i, j),
            want,
            "{name}: {} → {} (overview)",
            pair.from,
            pair.to
        );
    }
}

#[test]
fn every_plan_of_the_repository_agrees() {
    // Every folder and plan is counted exactly by `support::repository`.
    for (name, plan) in support::repository::plans() {
        agree(&plan, &name);
    }
}

#[test]
fn generated_plans_have_their_size_and_read_back() {
    for (n, seed) in [(1, 1), (5, 2), (40, 3), (100, 4), (1_100, 5)] {
        let plan = generate(n, seed);
        let endpoints = plan.nodes.iter().filter(|x| x.kind.is_endpoint()).count();
        assert_eq!(endpoints, n);
        let text = reachplan::engine::write_plan(&plan);
        assert_eq!(read_plan(&text).unwrap(), plan);
        assert_eq!(generate(n, seed), plan, "deterministic");
        let summary = summary::summarize(&plan);
        assert_eq!(
            summary.count(Severity::Error),
            0,
            "{n}: {:?}",
            summary.findings
        );
        assert!(summary.intents_hold(), "{n}: {:?}", summary.intents);
        if n > 1_024 {
            // Enough sources to search on several threads: the same answer as one class each.
            let alone = Network::new(&plan).verdicts_sharing(Sharing::PerEndpoint);
            let fast = &summary.matrix;
            for i in 0..n {
                for j in 0..n {
                    assert_eq!(fast.reachable(i, j), alone.reachable(i, j));
                    assert_eq!(fast.goes(i, j), alone.goes(i, j));
                }
            }
        }
    }
}

proptest! {
    // A fixed seed (see `config`): CI runs the same plans every time.
    #![proptest_config(config(32))]

    #[test]
    fn matrix_oracle_and_analysis_agree_on_random_plans(
        seed in any::<u64>(),
        size in prop_oneof![5usize..=60, 5usize..=200],
        mutations in prop::collection::vec(deep_change(), 0..24),
    ) {
        let mut plan = generate(size, seed);
        for m in &mutations {
            apply(&mut plan, m);
        }
        agree(&plan, &format!("generate({size}, {seed}) with {mutations:?}"));
    }
}

#[test]
fn the_cli_generates_plans_and_summarizes_them() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let exe = env!("CARGO_BIN_EXE_reachplan");
    let out = Command::new(exe)
        .args(["generate", "120", "--seed", "9"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let plan = read_plan(&text).unwrap();
    assert_eq!(plan, generate(120, 9));
    let mut child = Command::new(exe)
        .args(["check", "-", "--summary"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let printed = String::from_utf8(out.stdout).unwrap();
    let mut lines = printed.lines();
    assert_eq!(
        lines.next(),
        Some(reachplan::engine::text::summary(&analyze(&plan)).as_str())
    );
    assert!(lines.next().is_some_and(|l| l.starts_with("analysis: ")));
    let bad = Command::new(exe)
        .args(["generate", "many"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

/// A shape random plans once found: two `vwan_connection` links between one spoke and its hub.
/// The fast matrix shared one decision for going back to the node traffic came from over a
/// parallel link, decided on a state with no parallel link of its own.
#[test]
fn parallel_hub_connections_of_one_spoke() {
    let mut plan = generate(109, 358348467016584485);
    for c in [
        Change::Wan(4075262, true),
        Change::Add(7, 2229156860454955696, 8853298952222110628),
        Change::Drop(10936481863537568646),
        Change::Wan(16141755238318698301, true),
    ] {
        apply(&mut plan, &c);
    }
    let (a, b) = ("spoke-41", "vhub0-eastus");
    let parallel = plan
        .links
        .iter()
        .filter(|l| (l.from == a && l.to == b) || (l.from == b && l.to == a))
        .count();
    assert_eq!(parallel, 2, "the shape this test is about");
    agree(&plan, "parallel hub connections");
}

/// A shape random plans once found: a near-twin of a node (a copy with its links, one thing
/// changed).
#[test]
fn a_twin_of_a_busy_node() {
    let mut plan = generate(100, 1643215298428156340);
    apply(&mut plan, &Change::Twin(12054103220913490820, 1));
    agree(&plan, "twin");
}
