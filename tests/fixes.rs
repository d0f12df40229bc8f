//! Every fix applies: on random plans of every kind the format allows, each unreachable pair
//! whose fix is a mechanical edit gets a plan that the reader accepts once the edit is applied
//! and written out, and on that plan the pair's answer changes as the fix says: the block it
//! removes is gone (the pair is reachable, one way only, or stopped by another rule further on
//! the path). A fix whose reason says that no further rule is broken opens the way there,
//! unless the two address spaces overlap (R2.1, decided once there is a way there and back).
//!
//! One analysis per distinct edit of a plan, so the test stays in seconds in a debug build.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;

use proptest::prelude::*;
use reachplan::engine::catalogue::Rule;
use reachplan::engine::edit::{apply, Edit};
use reachplan::engine::{analyze, read_plan, write_plan, Pair, Plan};

mod support;
use support::config::config;
use support::plans::plans;

/// The pairs of a plan that carry a mechanical fix, by the edit (serialised, so that equal
/// edits are applied once).
fn fixes(plan: &Plan) -> BTreeMap<String, (Edit, Vec<Pair>)> {
    let mut out: BTreeMap<String, (Edit, Vec<Pair>)> = BTreeMap::new();
    for pair in analyze(plan).pairs {
        if pair.reachable {
            continue;
        }
        let Some(edit) = pair.edit.clone() else {
            continue;
        };
        let key = serde_json::to_string(&edit).unwrap();
        out.entry(key)
            .or_insert_with(|| (edit, Vec::new()))
            .1
            .push(pair);
    }
    out
}

/// Checks one edit of `plan` against the pairs that offered it.
fn check(plan: &Plan, edit: &Edit, pairs: &[Pair]) -> Result<(), String> {
    let mut fixed = plan.clone();
    apply(&mut fixed, edit).map_err(|e| format!("{edit:?} does not apply: {e}"))?;
    let text = write_plan(&fixed);
    let back =
        read_plan(&text).map_err(|e| format!("{edit:?} gives a plan the reader refuses: {e:?}"))?;
    let after = analyze(&back);
    for before in pairs {
        let now = after
            .pair(&before.from, &before.to)
            .ok_or_else(|| format!("{} → {} is gone after {edit:?}", before.from, before.to))?;
        let open = now.reachable || now.one_way;
        let same_block = now.rule == before.rule && now.reason == before.reason;
        if !open && same_block {
            return Err(format!(
                "{} → {}: the fix {edit:?} leaves the same block: {:?} {:?}",
                before.from, before.to, before.rule, before.reason
            ));
        }
        let last = before
            .reason
            .as_deref()
            .is_some_and(|r| !r.contains("more rule"));
        // Overlapping address spaces (R2.1) are decided once a way there and back exists.
        let overlap = now.rule == Some(Rule::R2_1);
        if last && !before.one_way && !open && !overlap {
            return Err(format!(
                "{} → {}: the fix {edit:?} of the only rule broken ({:?} {:?}) leaves it closed: {:?} {:?}",
                before.from, before.to, before.rule, before.reason, now.rule, now.reason
            ));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(96))]

    /// Every mechanical fix of a random plan applies, reads back, and does what it says.
    #[test]
    fn every_fix_applies_and_changes_its_pair(plan in plans(10, 14)) {
        for (edit, pairs) in fixes(&plan).values() {
            if let Err(e) = check(&plan, edit, pairs) {
                prop_assert!(false, "{e}\n{}", write_plan(&plan));
            }
        }
    }
}

/// The internet reaches a VNet only through what it publishes (R9.3): a VNet that already
/// publishes its application through an Application Gateway is not told to publish it again
/// (no change gives the internet more), while one that publishes nothing is.
#[test]
fn a_published_application_is_not_told_to_publish_again() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/rules/r30-app-gateway.json"
    );
    let plan = read_plan(&std::fs::read_to_string(path).unwrap()).unwrap();
    let analysis = analyze(&plan);
    let web = analysis.pair("internet", "vnet-web").unwrap();
    assert_eq!(web.access_rule, Some(Rule::R9_3), "{web:?}");
    assert_eq!(web.fix, None, "{web:?}");
    assert!(
        !web.reason
            .as_deref()
            .unwrap_or("")
            .contains("nothing publishes"),
        "{web:?}"
    );
    let backend = analysis.pair("internet", "vnet-backend").unwrap();
    assert!(
        backend
            .fix
            .as_deref()
            .unwrap_or("")
            .contains("Application Gateway"),
        "{backend:?}"
    );
}

/// The internet and Microsoft's public services are reached through a breakout of one's own: a
/// user group or a site without an internet link is offered one (the split tunnel for users),
/// never a point-to-site VPN, which provides no internet connectivity (R3.19).
#[test]
fn no_breakout_is_fixed_by_a_breakout_not_a_vpn() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/rules/r48-no-breakout-to-public-services.json"
    );
    let plan = read_plan(&std::fs::read_to_string(path).unwrap()).unwrap();
    let analysis = analyze(&plan);
    for (from, to) in [
        ("contractors", "m365"),
        ("contractors", "internet"),
        ("branch", "m365"),
        ("branch", "internet"),
    ] {
        let pair = analysis.pair(from, to).unwrap();
        let fix = pair.fix.as_deref().unwrap_or("");
        assert!(fix.contains("internet link"), "{pair:?}");
        assert!(!fix.contains("point-to-site"), "{pair:?}");
        let edit = pair.edit.as_ref().expect("a mechanical fix");
        check(&plan, edit, std::slice::from_ref(pair)).unwrap();
        let mut fixed = plan.clone();
        apply(&mut fixed, edit).unwrap();
        assert!(
            analyze(&fixed).pair(from, to).unwrap().reachable,
            "{pair:?}"
        );
    }
}

/// A spoke whose peering with the hub is written from the hub's side (`hub → spoke`) cannot
/// take route_via_firewall on it (the flag is the `from` side's): the fix says so and carries
/// no edit, rather than an edit that sets only the other half and leaves the pair closed.
#[test]
fn route_via_firewall_on_a_peering_written_from_the_hub() {
    let plan = read_plan(
        r#"{"reachplan": 1,
            "nodes": [{"id": "a", "kind": "vnet"}, {"id": "b", "kind": "vnet"},
                      {"id": "hub", "kind": "vnet", "firewall": {}}],
            "links": [{"kind": "peering", "from": "hub", "to": "a"},
                      {"kind": "peering", "from": "b", "to": "hub"}]}"#,
    )
    .unwrap();
    for (edit, pairs) in fixes(&plan).values() {
        check(&plan, edit, pairs).unwrap();
    }
    let a_b = analyze(&plan).pair("a", "b").unwrap().clone();
    assert_eq!(a_b.edit, None, "{a_b:?}");
    assert!(a_b.fix.unwrap().contains("from a's side"));
}

/// Global Reach that no SKU change makes possible (a Local circuit and another circuit at the
/// same peering location) is not offered as a fix: the locations are the reason, not the SKU.
#[test]
fn no_global_reach_fix_where_the_locations_rule_it_out() {
    let plan = read_plan(
        r#"{"reachplan": 1,
            "nodes": [{"id": "er-a", "kind": "expressroute", "location": "Amsterdam2", "sku": "local"},
                      {"id": "er-b", "kind": "expressroute", "location": "Amsterdam2"},
                      {"id": "dc-a", "kind": "site"}, {"id": "dc-b", "kind": "site"}],
            "links": [{"kind": "er_private", "from": "dc-a", "to": "er-a"},
                      {"kind": "er_private", "from": "dc-b", "to": "er-b"}]}"#,
    )
    .unwrap();
    for (edit, pairs) in fixes(&plan).values() {
        check(&plan, edit, pairs).unwrap();
    }
    let pair = analyze(&plan).pair("dc-a", "dc-b").unwrap().clone();
    assert_eq!(pair.edit, None, "{pair:?}");
}

/// P2S users with no internet egress towards one of two internet nodes are given a split tunnel
/// to that node (the engine reaches only the internet node an `internet` link names).
#[test]
fn the_split_tunnel_goes_to_the_internet_node_of_the_pair() {
    let plan = read_plan(
        r#"{"reachplan": 1,
            "nodes": [{"id": "hub", "kind": "vnet", "vpn_gateway": {"sku": "VpnGw1AZ",
                        "p2s": {"protocols": ["openvpn"], "auth": ["certificate"]}}},
                      {"id": "net-a", "kind": "internet"}, {"id": "net-b", "kind": "internet"},
                      {"id": "users", "kind": "users"}],
            "links": [{"kind": "p2s", "from": "users", "to": "hub"}]}"#,
    )
    .unwrap();
    for (edit, pairs) in fixes(&plan).values() {
        check(&plan, edit, pairs).unwrap();
    }
}
