//! Capacity under failure (`reachplan resilience --surge N`): when a failure moves traffic to a
//! backup, whether the backup carries it. The scenario tests/data/resilience/er-backup-too-small
//! (1 Gbps over ExpressRoute, a VpnGw1AZ as its backup) is golden beside the other resilience
//! plans; these tests hold its sentence, the JSON and the bigger backup that carries it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use reachplan::engine::model::VpnSku;
use reachplan::engine::resilience::{load, resilience_of, Resilience};
use reachplan::engine::{read_plan, Network, Plan};

mod support;

const PLAN: &str = "tests/data/resilience/er-backup-too-small.json";

fn plan() -> Plan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(PLAN);
    read_plan(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn under_failure(plan: &Plan, surge: f64) -> Resilience {
    let network = Network::new(plan);
    let mut r = resilience_of(&network);
    assert!(load::under_failure(&network, &mut r, surge));
    r
}

#[test]
fn expressroute_failing_moves_its_flows_to_a_vpn_gateway_too_small_for_them() {
    let r = under_failure(&plan(), 1.0);
    let circuit = r
        .survived_after_failover
        .iter()
        .find(|f| f.id() == "circuit:er-ams")
        .unwrap();
    assert_eq!(circuit.capacity.len(), 1, "{:?}", circuit.capacity);
    let l = &circuit.capacity[0];
    assert_eq!(
        (l.element.as_str(), l.moved, l.capacity),
        ("hub", 1000.0, 650.0)
    );
    assert!(!l.carries);
    assert_eq!(
        load::sentence(l),
        "1000 Mbps move to the VPN gateway of hub (VpnGw1AZ (Generation 1), 650 Mbps \
         aggregate): 1000 of 650 throughput (Mbps), 153.8 %, it does NOT carry them"
    );
}

#[test]
fn a_vpn_gateway_big_enough_carries_the_flows_and_the_surge_scales_only_users() {
    let mut p = plan();
    let hub = p.nodes.iter_mut().find(|n| n.id == "hub").unwrap();
    hub.vpn_gateway.as_mut().unwrap().sku = VpnSku::VpnGw3AZ;
    let r = under_failure(&p, 3.0);
    let circuit = r
        .survived_after_failover
        .iter()
        .find(|f| f.id() == "circuit:er-ams")
        .unwrap();
    let l = &circuit.capacity[0];
    assert!(l.carries, "{l:?}");
    assert_eq!(
        l.demand, 1000.0,
        "a flow between a site and a VNet does not surge"
    );
}

#[test]
fn one_instance_of_an_active_active_gateway_is_taken_to_carry_half_its_throughput() {
    let plan = read_plan(
        r#"{"reachplan": 1,
  "nodes": [{"id": "branch", "kind": "site", "address_space": ["10.1.0.0/16"]},
            {"id": "hub", "kind": "vnet", "address_space": ["10.0.0.0/16"], "region": "westeurope",
             "vpn_gateway": {"sku": "VpnGw1AZ", "active_active": true}}],
  "links": [{"kind": "s2s", "from": "branch", "to": "hub"}],
  "flows": [{"from": "branch", "to": "hub", "class": "bulk", "mbps": 500}]}"#,
    )
    .unwrap();
    let r = under_failure(&plan, 1.0);
    let instance = r
        .survived_after_failover
        .iter()
        .find(|f| f.id() == "vpn_gateway:hub")
        .unwrap();
    let l = &instance.capacity[0];
    assert_eq!((l.moved, l.demand, l.capacity), (250.0, 500.0, 325.0));
    assert!(!l.carries);
    assert!(l.limit.contains("assumption"), "{}", l.limit);
}

#[test]
fn the_command_says_it_in_text_and_json_at_the_surge_asked() {
    let (code, out, _) = support::cli::code_out_err(&["resilience", PLAN]);
    assert_eq!(code, 0);
    assert!(
        out.contains("capacity at surge ×1: 1000 Mbps move to the VPN gateway of hub"),
        "{out}"
    );
    assert!(out.contains("Capacity under failure at surge ×1: 3 failures move more"));
    let (code, out, _) =
        support::cli::code_out_err(&["resilience", PLAN, "--json", "--surge", "2"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["surge"], 2.0);
    let circuit = v["survived_after_failover"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "circuit:er-ams")
        .unwrap();
    assert_eq!(circuit["capacity"][0]["carries"], false);
    assert_eq!(circuit["capacity"][0]["kind"], "vpn_gateway");
    let (code, _, err) = support::cli::code_out_err(&["resilience", PLAN, "--surge", "0"]);
    assert_eq!(code, 2);
    assert!(err.contains("--surge"), "{err}");
}
