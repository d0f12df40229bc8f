//! The single-failure sweep one failure at a time (what the browser runs between frames, so
//! that the page stays responsive): each failure judged on its own gives the sweep's answer,
//! and the intents that must survive, judged failure by failure, the answer of `judge`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use reachplan::engine::model::Survives;
use reachplan::engine::resilience::failover::Ways;
use reachplan::engine::resilience::survive::{judge, Survival};
use reachplan::engine::resilience::{domains, failure, rank, sweep, Healthy};
use reachplan::engine::{read_plan, Network, Plan};

fn plans() -> Vec<(String, Plan)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/resilience");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root).unwrap() {
        let path = entry.unwrap().path();
        let name = path.display().to_string();
        let plan = read_plan(&std::fs::read_to_string(&path).unwrap()).unwrap();
        out.push((name, plan));
    }
    assert!(out.len() >= 3);
    out
}

#[test]
fn one_failure_at_a_time_gives_the_sweeps_answer() {
    for (name, plan) in plans() {
        let network = Network::new(&plan);
        let healthy = Healthy::of(&network);
        let ways = Ways::of(&network, &healthy.base);
        let whole = sweep(&network, false);
        let mut single_points = Vec::new();
        let mut survived = Vec::new();
        for domain in domains(&plan) {
            let f = failure(&network, &healthy, ways.as_ref(), domain);
            if f.pairs_lost > 0 {
                single_points.push(f);
            } else {
                survived.push(f.domain);
            }
        }
        rank(&mut single_points);
        assert_eq!(single_points, whole.single_points, "{name}");
        assert_eq!(survived, whole.survived, "{name}");
    }
}

#[test]
fn a_failed_domain_is_the_plan_without_its_element() {
    for (name, plan) in plans() {
        for domain in domains(&plan) {
            let failed = domain.failed(&plan);
            if domain.removes_nodes() {
                for id in &domain.nodes {
                    assert!(failed.node(id).is_none(), "{name}: {}", domain.id);
                }
            } else {
                assert_eq!(
                    failed.nodes.len(),
                    plan.nodes.len(),
                    "{name}: {}",
                    domain.id
                );
                assert_eq!(
                    failed.links.len(),
                    plan.links.len() - domain.links.len(),
                    "{name}: {}",
                    domain.id
                );
            }
        }
    }
}

#[test]
fn intents_judged_failure_by_failure_agree_with_judge() {
    let mut broken = 0;
    for (name, mut plan) in plans() {
        let endpoints: Vec<String> = plan
            .nodes
            .iter()
            .filter(|n| n.kind.is_endpoint())
            .map(|n| n.id.clone())
            .collect();
        // Every pair that holds with nothing failed must survive.
        let network = Network::new(&plan);
        let analysis = network.analysis();
        for intent in plan.intents.iter_mut() {
            intent.survives = Some(Survives::AnySingleFailure);
        }
        for p in analysis.pairs.iter().filter(|p| p.reachable).take(12) {
            let mut intent = plan.intents.first().cloned().unwrap();
            (intent.from, intent.to) = (p.from.clone(), p.to.clone());
            intent.access = None;
            intent.survives = Some(Survives::AnySingleFailure);
            plan.intents.push(intent);
        }
        assert!(endpoints.len() > 1);
        let network = Network::new(&plan);
        let mut whole = network.summary().intents;
        let mut stepwise = whole.clone();
        judge(&network, &mut whole);
        let survival = Survival::new(&network, &stepwise).expect(&name);
        for domain in domains(&plan) {
            survival.judge_under(&network, &domain, &mut stepwise);
        }
        assert_eq!(stepwise, whole, "{name}");
        broken += whole.iter().filter(|i| i.broken_by.is_some()).count();
    }
    assert!(broken > 0, "some plan has an intent a failure breaks");
}
