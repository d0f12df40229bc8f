//! `reachplan resilience`: every single failure of the plans under tests/data/resilience, with
//! the single points of failure each design is known to have, golden in text and JSON under
//! tests/golden/resilience (refresh with `UPDATE_EXPECT=1 cargo test --test resilience` and
//! review the diff); the sweep's shortcut for endpoints left with no link agrees with the
//! naive sweep on every plan of the repository and on generated plans.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::Path;

use reachplan::engine::edit::Edit;
use reachplan::engine::generate::generate;
use reachplan::engine::model::{ErGwSku, VpnSku};
use reachplan::engine::resilience::failover::FailoverKind;
use reachplan::engine::resilience::survive::judge;
use reachplan::engine::resilience::{
    load, render, resilience, resilience_of, sweep, Failure, Resilience,
};
use reachplan::engine::{read_plan, Network, Plan};

mod support;
use proptest::prelude::*;
use support::config::config;
use support::golden::{compare, orphans};
use support::plans::plans;

const DIR: &str = "tests/data/resilience";

fn plan(stem: &str) -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("{DIR}/{stem}.json"));
    read_plan(&std::fs::read_to_string(path).unwrap()).unwrap_or_else(|e| panic!("{stem}: {e}"))
}

fn ranked(r: &Resilience) -> Vec<&str> {
    r.single_points.iter().map(|f| f.id()).collect()
}

/// The failure that survived after a failover.
fn after_failover<'r>(r: &'r Resilience, id: &str) -> &'r Failure {
    r.survived_after_failover
        .iter()
        .chain(&r.single_points)
        .find(|f| f.id() == id)
        .unwrap_or_else(|| panic!("{id} fails over"))
}

/// The kinds of failover of one failure.
fn kinds(r: &Resilience, id: &str) -> Vec<FailoverKind> {
    after_failover(r, id)
        .failovers
        .iter()
        .map(|f| f.kind)
        .collect()
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
        let plan = plan(&stem);
        let network = Network::new(&plan);
        let mut r = resilience_of(&network);
        load::under_failure(&network, &mut r, 1.0);
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
        count, 7,
        "plans in {DIR} (update the count when adding one)"
    );
    orphans("resilience", &produced, &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn one_circuit_at_one_location_cuts_every_site() {
    let r = resilience(&plan("one-circuit-every-site"));
    let top: Vec<&str> = ranked(&r).into_iter().take(2).collect();
    assert_eq!(top, ["circuit:er-ams", "connection:3"]);
    // The zone-redundant ExpressRoute gateway loses an instance, not the sites.
    assert_eq!(kinds(&r, "er_gateway:hub"), [FailoverKind::GatewayInstance]);
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
fn a_single_tunnel_cuts_its_branch_and_an_active_active_gateway_loses_an_instance_only() {
    let r = resilience(&plan("single-tunnel-branch"));
    // The region takes the hub with the 400 remote users' gateway; an instance of the
    // active-active gateway does not.
    assert_eq!(r.single_points[0].id(), "region:uksouth");
    assert_eq!(r.single_points[0].users_cut, 400);
    assert_eq!(kinds(&r, "vpn_gateway:hub"), [FailoverKind::ActiveActive]);
    let gateway = after_failover(&r, "vpn_gateway:hub");
    assert!(gateway.failovers[0]
        .kept
        .contains(&["users".into(), "app".into()]));
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
    // The head office's traffic is on ExpressRoute (preferred), its tunnel the backup.
    assert_eq!(kinds(&r, "circuit:er-lon"), [FailoverKind::ErToVpn]);
}

#[test]
fn two_circuits_at_two_locations_survive_any_circuit_failure() {
    let r = resilience(&plan("two-circuits-two-locations"));
    assert_eq!(ranked(&r), ["connection:6"]);
    assert_eq!(
        kinds(&r, "circuit:er-ams"),
        [FailoverKind::BgpReconvergence]
    );
    let survived: Vec<&str> = r.survived.iter().map(|d| d.id.as_str()).collect();
    for id in [
        "circuit:er-ams",
        "circuit:er-lon",
        "connection:4",
        "connection:5",
        "er_gateway:hub",
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

proptest! {
    #![proptest_config(config(96))]

    /// Random valid plans (small, so that the naive sweep is quick): the fast sweep gives the
    /// naive sweep's answer, failure by failure.
    #[test]
    fn the_fast_sweep_agrees_with_the_naive_sweep_on_random_plans(plan in plans(12, 20)) {
        let network = Network::new(&plan);
        prop_assert_eq!(sweep(&network, true), sweep(&network, false));
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
    assert!(out.contains("1. the region uksouth"), "{out}");
    assert!(out.contains("kept through the other instance of the active-active gateway"));
    let (code, out, _) = cli(&["resilience", &plan, "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["single_points"][0]["id"], "region:uksouth");
    let failed_over = v["survived_after_failover"].as_array().unwrap();
    assert!(failed_over.iter().any(|f| f["id"] == "vpn_gateway:hub"));
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
    // Fails: two circuits at two locations, but one ExpressRoute gateway whose SKU is not
    // zone-redundant: one availability zone takes it.
    let mut two = plan("two-circuits-two-locations");
    let hub = two.nodes.iter_mut().find(|n| n.id == "hub").unwrap();
    hub.er_gateway.as_mut().unwrap().sku = ErGwSku::Standard;
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
        assert_eq!(last.broken_by.as_ref().unwrap().id, "zone:westeurope");
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
    // The branch has one tunnel to one device: its intent cannot survive every single failure;
    // the first that breaks it, in domain order, is the tunnel's (the gateway's instances fail
    // over).
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
        out.contains("but not when the s2s link branch → hub fails [connection:4]"),
        "{out}"
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let intent = &v["intents"][1];
    assert_eq!(intent["survives"], "any single failure");
    assert_eq!(intent["broken_by"]["id"], "connection:4");
    assert_eq!(bad_code, 2);
    assert!(err.contains("intents[1].survives"), "{err}");
}

#[test]
fn an_active_standby_gateway_survives_an_instance_failure_after_a_reported_failover() {
    let p = plan("active-standby-gateway");
    let r = resilience(&p);
    assert_eq!(ranked(&r), ["connection:2"], "only the spoke's peering");
    let gateway = after_failover(&r, "vpn_gateway:hub");
    assert_eq!(gateway.failovers[0].kind, FailoverKind::ActiveStandby);
    assert!(gateway.failovers[0]
        .interruption
        .starts_with("10 to 15 seconds for planned maintenance, up to 1.5 minutes"));
    assert_eq!(kinds(&r, "connection:0"), [FailoverKind::OtherTunnel]);
    // The intent survives every failure, the instance's with its interruption noted.
    let network = Network::new(&p);
    let mut intents = network.analysis().intents;
    judge(&network, &mut intents);
    assert!(intents[0].holds, "{:?}", intents[0]);
    assert_eq!(intents[0].interruptions[0].id, "vpn_gateway:hub");
}

#[test]
fn one_device_for_both_tunnels_or_a_zonal_sku_is_a_single_point_of_failure() {
    let mut p = plan("active-standby-gateway");
    p.links[1].device = Some("edge-1".into());
    let r = resilience(&p);
    assert!(
        ranked(&r).contains(&"site_device:branch/edge-1"),
        "{:?}",
        ranked(&r)
    );
    let mut p = plan("active-standby-gateway");
    p.nodes[1].vpn_gateway.as_mut().unwrap().sku = VpnSku::VpnGw1;
    let r = resilience(&p);
    let zone = r
        .single_points
        .iter()
        .find(|f| f.id() == "zone:westeurope")
        .unwrap();
    assert_eq!(zone.rule.map(|r| r.id()), Some("R5.1"));
    assert!(zone.lost.contains(&["branch".into(), "hub".into()]));
    assert_eq!(
        zone.edit,
        Some(Edit::SetVpnSku {
            node: "hub".into(),
            sku: VpnSku::VpnGw1AZ
        })
    );
}

#[test]
fn a_circuit_with_a_vpn_backup_survives_any_single_failure() {
    let p = plan("circuit-with-vpn-backup");
    let r = resilience(&p);
    assert!(r.single_points.is_empty(), "{:?}", ranked(&r));
    for id in ["circuit:er-lon", "connection:0", "connection:1"] {
        assert_eq!(kinds(&r, id), [FailoverKind::ErToVpn], "{id}");
    }
    // The tunnel carries nothing while the circuit is up: its failure moves nothing.
    assert!(!r
        .survived_after_failover
        .iter()
        .any(|f| f.id() == "connection:2"));
    let network = Network::new(&p);
    let mut intents = network.analysis().intents;
    judge(&network, &mut intents);
    assert!(intents[0].holds);
    let ids: Vec<&str> = intents[0]
        .interruptions
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "circuit:er-lon",
            "er_gateway:hub",
            "connection:0",
            "connection:1"
        ]
    );
}

#[test]
fn a_metro_circuit_survives_one_peering_location() {
    let mut p = plan("one-circuit-every-site");
    p.nodes[3].metro = Some(true);
    let r = resilience(&p);
    assert!(!ranked(&r).contains(&"circuit:er-ams"));
    assert_eq!(
        kinds(&r, "circuit:er-ams"),
        [FailoverKind::BgpReconvergence]
    );
}

#[test]
fn each_mechanical_remedy_removes_its_single_point_of_failure() {
    // Every plan of the repository and a few generated ones: each remedy given as an edit,
    // applied alone, leaves a plan where that element is no longer a single point of failure.
    let mut plans = support::repository::plans();
    plans.push(("generated 60".into(), generate(60, 7)));
    let (mut applied, mut added) = (0, 0);
    let mut failures = Vec::new();
    for (name, plan) in plans {
        let r = resilience(&plan);
        for f in r.single_points.iter().filter(|f| f.edit.is_some()) {
            let mut fixed = plan.clone();
            let edit = f.edit.as_ref().unwrap();
            if let Err(e) = reachplan::engine::edit::apply(&mut fixed, edit) {
                failures.push(format!("{name}: {}: {e}", f.id()));
                continue;
            }
            applied += 1;
            added += usize::from(adds_a_node(edit));
            let after = resilience(&fixed);
            if after.single_points.iter().any(|g| g.id() == f.id()) {
                failures.push(format!(
                    "{name}: {} is still a single point of failure",
                    f.id()
                ));
            }
            // Nothing that was reachable is lost by the edit itself.
            let (was, now) = (
                Network::new(&plan).verdicts(),
                Network::new(&fixed).verdicts(),
            );
            for (i, a) in was.endpoints.iter().enumerate() {
                for (j, b) in was.endpoints.iter().enumerate() {
                    let kept = match (now.index(a), now.index(b)) {
                        (Some(x), Some(y)) => now.reachable(x, y),
                        _ => false,
                    };
                    if was.reachable(i, j) && !kept {
                        failures.push(format!("{name}: the edit of {} loses {a} → {b}", f.id()));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(applied >= 10, "only {applied} remedies applied");
    assert!(added >= 3, "only {added} remedies add a node");
}

/// Whether an edit adds a node (a second circuit or hub).
fn adds_a_node(edit: &Edit) -> bool {
    match edit {
        Edit::AddNode { .. } => true,
        Edit::All { edits } => edits.iter().any(adds_a_node),
        _ => false,
    }
}

#[test]
fn a_second_circuit_at_another_peering_location_removes_the_circuit_and_its_links() {
    let p = plan("one-circuit-every-site");
    let r = resilience(&p);
    let circuit = &r.single_points[0];
    assert_eq!(circuit.id(), "circuit:er-ams");
    let Some(Edit::AddNode { node, links }) = &circuit.edit else {
        panic!("a second circuit: {:?}", circuit.edit)
    };
    assert_eq!(node.id, "er-ams-2");
    assert_eq!(
        node.location.as_deref(),
        Some("Amsterdam2"),
        "the same metro"
    );
    assert_eq!(
        links.len(),
        4,
        "three private peerings and the hub's connection"
    );
    let mut fixed = p.clone();
    reachplan::engine::edit::apply(&mut fixed, circuit.edit.as_ref().unwrap()).unwrap();
    let after = resilience(&fixed);
    for id in ["circuit:er-ams", "connection:0", "connection:3"] {
        assert!(!ranked(&after).contains(&id), "{id}: {:?}", ranked(&after));
    }
    // Two circuits at two locations: no peering location fails them both.
    assert!(!after
        .survived
        .iter()
        .any(|d| d.id.starts_with("peering_location:")));
    // Applied twice, the edit's node takes the next free id.
    reachplan::engine::edit::apply(&mut fixed, circuit.edit.as_ref().unwrap()).unwrap();
    let third = fixed.node("er-ams-2-2").unwrap();
    assert_eq!(third.location.as_deref(), Some("Amsterdam2"));
    assert_eq!(fixed.links.len(), p.links.len() + 8);
}

#[test]
fn a_second_hub_removes_a_hub_that_carries_branches_and_users_only() {
    let p = plan("vwan-branch-hub");
    let r = resilience(&p);
    let hub = r
        .single_points
        .iter()
        .find(|f| f.id() == "vwan_hub:hub-weu")
        .unwrap();
    let Some(Edit::AddNode { node, links }) = &hub.edit else {
        panic!("a second hub: {:?}", hub.edit)
    };
    assert_eq!(node.wan.as_deref(), Some("corp-wan"));
    assert_eq!(
        node.region.as_deref(),
        Some("francecentral"),
        "another region"
    );
    assert_eq!(links.len(), 2, "the branch's tunnel and the users' P2S");
    let mut fixed = p.clone();
    reachplan::engine::edit::apply(&mut fixed, hub.edit.as_ref().unwrap()).unwrap();
    let after = resilience(&fixed);
    assert!(
        !ranked(&after).contains(&"vwan_hub:hub-weu"),
        "{:?}",
        ranked(&after)
    );
    assert!(
        !ranked(&after).contains(&"region:westeurope"),
        "{:?}",
        ranked(&after)
    );
    // The hub with the VNet gets no edit: the VNet connects to one hub only.
    let other = r
        .single_points
        .iter()
        .find(|f| f.id() == "vwan_hub:hub-neu")
        .unwrap();
    assert_eq!(other.edit, None);
}
