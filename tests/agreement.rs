//! The engine against the reference (`tests/reference/`), an independent plain reading of the
//! rule book that shares no decision code with the engine: on every plan of the repository and
//! on random plans of every kind the format allows, each ordered pair's verdict (reachable both
//! ways, or one way only) must be the same, except where a disagreement is known and named in
//! [`known`] with the work that settles it. The reference is itself checked against the rule
//! book: it must hold every intent of the repository's plans (the rule book's worked scenarios
//! among them).
//!
//! `cargo test --test agreement -- --nocapture` prints the agreement rate.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use reachplan::engine::generate::generate;
use reachplan::engine::model::{Expect, LinkKind, NodeKind, Plan, VpnSku};
use reachplan::engine::{analyze, write_plan};

mod reference;
mod support;

use reference::{Reference, Verdict};
use support::config::config;
use support::mutate::{apply, deep_change, Change};
use support::plans::plans;

/// One pair on which the engine and the reference differ (read through `Debug` in failures).
#[derive(Debug)]
#[allow(dead_code)]
struct Disagreement {
    from: String,
    to: String,
    engine: Verdict,
    reference: Verdict,
    /// The engine's path (link kinds), when it gives one.
    via: Vec<String>,
    /// The engine's rule and reason, when it gives them.
    why: Option<(Option<String>, Option<String>)>,
    /// Whether each end is the internet or Microsoft's services.
    from_public: bool,
    to_public: bool,
    /// Whether the engine's path crosses a Basic VPN gateway written as Generation 2.
    basic_gen2: bool,
    /// Whether `to` is an internet node and `from` breaks out by an `internet` link to
    /// another one.
    other_internet: bool,
}

/// The pairs of `plan` and the ones on which the engine and the reference differ.
fn compare(plan: &Plan) -> (usize, Vec<Disagreement>) {
    let analysis = analyze(plan);
    let reference = Reference::new(plan);
    let mut out = Vec::new();
    for pair in &analysis.pairs {
        let engine = Verdict {
            reachable: pair.reachable,
            one_way: pair.one_way,
        };
        let theirs = reference
            .verdict(&pair.from, &pair.to)
            .expect("endpoints of the plan");
        if engine != theirs {
            out.push(Disagreement {
                from: pair.from.clone(),
                to: pair.to.clone(),
                engine,
                reference: theirs,
                via: pair.via.clone(),
                why: Some((pair.rule.map(|r| r.to_string()), pair.reason.clone())),
                from_public: public(plan, &pair.from),
                to_public: public(plan, &pair.to),
                basic_gen2: pair.path.iter().chain([&pair.from, &pair.to]).any(|id| {
                    plan.node(id)
                        .and_then(|n| n.vpn_gateway.as_ref())
                        .is_some_and(|g| g.sku == VpnSku::Basic && g.generation == Some(2))
                }),
                other_internet: other_internet(plan, &pair.from, &pair.to),
            });
        }
    }
    (analysis.pairs.len(), out)
}

fn other_internet(plan: &Plan, from: &str, to: &str) -> bool {
    let internet = |id: &str| plan.node(id).is_some_and(|n| n.kind == NodeKind::Internet);
    internet(to)
        && plan.links.iter().any(|l| {
            l.kind == LinkKind::Internet && l.from == from && l.to != to && internet(&l.to)
        })
}

fn public(plan: &Plan, id: &str) -> bool {
    plan.node(id)
        .is_some_and(|n| matches!(n.kind, NodeKind::Internet | NodeKind::Microsoft))
}

/// The disagreements that are known: the engine gives an answer the rule book does not, and the
/// work that settles it is named. Every other disagreement fails the tests below.
fn known(d: &Disagreement) -> Option<&'static str> {
    // The points this list named before (internet transit into a VNet, P2S internet egress
    // through the gateway, BGP transit with a policy-based device, a Basic gateway as
    // Generation 2, R2.1 applied to a public endpoint) were settled in the engine.
    //
    // Two internet nodes in one plan: the reference takes an endpoint that breaks out by an
    // `internet` link to reach every internet node (the internet is one network); the engine
    // reaches only the internet node the link names (a VNet reaches every one by its outbound
    // access). Seen once in 1.2 million random pairs (PROPTEST_CASES=8000,
    // PROPTEST_RNG_SEED=20261207); settled when the engine takes the internet nodes as one.
    let one_internet = d.other_internet && d.reference.reachable && !d.engine.reachable;
    one_internet.then_some("two internet nodes: the engine reaches only the one linked")
}

#[test]
fn the_reference_holds_every_intent_of_the_repository() {
    let mut failing = Vec::new();
    // The plans of a design change (tests/data/diff) state the intents of the other side of
    // the change: they fail on one side on purpose, in the engine too.
    let plans = support::repository::plans();
    for (name, plan) in plans
        .iter()
        .filter(|(n, _)| !n.starts_with("tests/data/diff/"))
    {
        let reference = Reference::new(plan);
        for i in plan.intents.iter().filter(|i| i.from != i.to) {
            let want = i.expect == Expect::Reachable;
            let got = reference.verdict(&i.from, &i.to).map(|v| v.reachable);
            if got != Some(want) {
                let file = name.rsplit('/').next().unwrap_or(name).to_string();
                failing.push(format!("{file}: {} -> {}", i.from, i.to));
            }
        }
    }
    // Every plan was read: support::repository counts them exactly.
    assert_eq!(failing, Vec::<String>::new());
}

#[test]
fn every_plan_of_the_repository_agrees_with_the_reference() {
    let (mut pairs, mut differ) = (0, 0);
    for (name, plan) in support::repository::plans() {
        let (n, found) = compare(&plan);
        pairs += n;
        differ += found.len();
        for d in &found {
            assert!(known(d).is_some(), "{name}: {d:?}");
        }
    }
    println!(
        "repository plans: {} of {pairs} pairs agree ({differ} known disagreements)",
        pairs - differ
    );
}

proptest! {
    #![proptest_config(config(256))]

    /// Random plans of every kind: every disagreement is a known one (a failure prints the
    /// shrunk plan).
    #[test]
    fn random_plans_agree_with_the_reference(plan in plans(12, 20)) {
        let (_, found) = compare(&plan);
        for d in &found {
            prop_assert!(known(d).is_some(), "{d:?} in\n{}", write_plan(&plan));
        }
    }
}

/// A realistic plan (hubs, spokes, gateways, circuits, virtual WANs) with a few changes, among
/// them near-twins, parallel links and links changed in kind (`deep_change`).
fn changed(endpoints: usize, seed: u64, changes: &[Change]) -> Plan {
    let mut plan = generate(endpoints, seed);
    for c in changes {
        apply(&mut plan, c);
    }
    plan
}

fn changed_plans() -> impl Strategy<Value = Plan> {
    (
        6usize..30,
        any::<u64>(),
        prop::collection::vec(deep_change(), 0..8),
    )
        .prop_map(|(n, seed, changes)| changed(n, seed, &changes))
}

proptest! {
    #![proptest_config(config(96))]

    /// Realistic plans with a few changes: every disagreement is a known one.
    #[test]
    fn changed_realistic_plans_agree_with_the_reference(plan in changed_plans()) {
        let (_, found) = compare(&plan);
        for d in &found {
            prop_assert!(known(d).is_some(), "{d:?} in\n{}", write_plan(&plan));
        }
    }
}

/// The agreement rate on 256 random plans and 96 changed realistic ones, printed by category.
/// A large run: `PROPTEST_CASES=N` (N random plans and 3 N / 8 changed realistic ones) with
/// `PROPTEST_RNG_SEED=S` for other plans than CI's.
#[test]
fn agreement_rate_on_random_plans() {
    let cases = config(256).cases as usize;
    let mut runner = TestRunner::new(config(256));
    let (random, realistic) = (plans(12, 20), changed_plans());
    let (mut pairs, mut reachable) = (0usize, 0usize);
    let mut by = std::collections::BTreeMap::<&str, usize>::new();
    let mut kinds = std::collections::BTreeMap::<String, usize>::new();
    let mut unknown = Vec::new();
    for i in 0..cases + cases * 3 / 8 {
        let plan = if i < cases {
            random.new_tree(&mut runner).unwrap().current()
        } else {
            realistic.new_tree(&mut runner).unwrap().current()
        };
        for node in &plan.nodes {
            *kinds.entry(node.kind.to_string()).or_default() += 1;
        }
        for link in &plan.links {
            *kinds.entry(format!("{} link", link.kind)).or_default() += 1;
        }
        let (n, found) = compare(&plan);
        pairs += n;
        reachable += analyze(&plan).pairs.iter().filter(|p| p.reachable).count();
        for d in &found {
            *by.entry(known(d).unwrap_or("unknown")).or_default() += 1;
            if known(d).is_none() && unknown.len() < 3 {
                unknown.push(format!("{d:?} in\n{}", write_plan(&plan)));
            }
        }
    }
    let differ: usize = by.values().sum();
    println!(
        "random plans: {} of {pairs} pairs agree ({:.3}%; {reachable} pairs reachable by the \
         engine); disagreements: {by:?}",
        pairs - differ,
        100.0 * (pairs - differ) as f64 / pairs.max(1) as f64
    );
    println!("nodes and links of those plans, by kind: {kinds:?}");
    // The fixed seed makes the same plans every run: their pair count is exact (it changes
    // only with the strategies or another PROPTEST_RNG_SEED). How many reach each other moves with every rule, so that
    // guard only says the strategies make reachable pairs at all.
    let seeded = ["PROPTEST_RNG_SEED", "PROPTEST_CASES"];
    if seeded.iter().all(|v| std::env::var_os(v).is_none()) {
        assert_eq!(pairs, 38_908, "the pairs of the seeded plans");
    }
    assert!(reachable > pairs / 20, "and pairs that reach each other");
    assert!(unknown.is_empty(), "{}", unknown.join("\n"));
}
