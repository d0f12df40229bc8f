//! Tests of applying edits (a module of `edit`).

use super::*;
use crate::engine::analyze;
use crate::engine::read_plan;

#[test]
fn applying_the_fix_of_a_non_transitive_pair_opens_it() {
    let mut plan = read_plan(
        r#"{"reachplan": 1,
          "nodes": [{"id": "a", "kind": "vnet", "address_space": ["10.1.0.0/16"]},
                    {"id": "b", "kind": "vnet", "address_space": ["10.2.0.0/16"]},
                    {"id": "c", "kind": "vnet", "address_space": ["10.3.0.0/16"]}],
          "links": [{"kind": "peering", "from": "a", "to": "b"},
                    {"kind": "peering", "from": "b", "to": "c"}]}"#,
    )
    .unwrap();
    let pair = analyze(&plan).pair("a", "c").cloned().unwrap();
    let edit = pair.edit.unwrap();
    apply(&mut plan, &edit).unwrap();
    assert!(analyze(&plan).pair("a", "c").unwrap().reachable);
}

#[test]
fn a_stale_edit_leaves_the_plan_unchanged() {
    let mut plan = Plan::new();
    let before = plan.clone();
    let edit = Edit::SetLinkFlags {
        link: 3,
        flags: vec![LinkFlag::Bgp],
    };
    assert!(apply(&mut plan, &edit).is_err());
    assert_eq!(plan, before);
}

fn sample() -> Plan {
    read_plan(
        r#"{"reachplan": 1,
          "nodes": [{"id": "hub", "kind": "vnet", "address_space": ["10.0.0.0/16"]},
                    {"id": "spoke", "kind": "vnet", "address_space": ["10.1.0.0/16"]},
                    {"id": "staff", "kind": "users", "count": 10}],
          "links": [{"kind": "peering", "from": "spoke", "to": "hub"}],
          "intents": [{"from": "spoke", "to": "hub", "expect": "reachable"}],
          "flows": [{"from": "staff", "to": "spoke", "class": "bulk", "mbps": 1}]}"#,
    )
    .unwrap()
}

#[test]
fn renaming_carries_over_to_links_intents_and_flows() {
    let mut plan = sample();
    let edit = Edit::RenameNode {
        node: "spoke".into(),
        to: "app".into(),
    };
    apply(&mut plan, &edit).unwrap();
    assert!(plan.node("spoke").is_none() && plan.node("app").is_some());
    assert_eq!(plan.links[0].from, "app");
    assert_eq!(plan.intents[0].from, "app");
    assert_eq!(plan.flows[0].to, "app");
    assert_eq!(read_plan(&crate::engine::write_plan(&plan)).unwrap(), plan);
}

#[test]
fn a_bad_or_taken_id_is_refused_and_nothing_changes() {
    let mut plan = sample();
    let before = plan.clone();
    for to in ["hub", "Not Valid", ""] {
        let edit = Edit::RenameNode {
            node: "spoke".into(),
            to: to.into(),
        };
        assert!(apply(&mut plan, &edit).is_err(), "{to:?}");
        assert_eq!(plan, before);
    }
}

#[test]
fn deleting_a_node_drops_what_names_it() {
    let mut plan = sample();
    let edit = Edit::DeleteNode {
        node: "spoke".into(),
    };
    apply(&mut plan, &edit).unwrap();
    assert_eq!(plan.nodes.len(), 2);
    assert!(plan.links.is_empty() && plan.intents.is_empty() && plan.flows.is_empty());
    assert!(apply(&mut plan, &edit).is_err());
}

#[test]
fn a_split_tunnel_adds_the_internet_once() {
    let mut plan = sample();
    let edit = Edit::SplitTunnel {
        users: "staff".into(),
    };
    apply(&mut plan, &edit).unwrap();
    assert_eq!(
        plan.node("internet-1").map(|n| n.kind),
        Some(NodeKind::Internet)
    );
    let link = plan.links.last().unwrap();
    assert_eq!(
        (link.kind, link.from.as_str()),
        (LinkKind::Internet, "staff")
    );
    assert!(apply(&mut plan, &edit).is_err(), "a second one");
    let hub = Edit::SplitTunnel {
        users: "hub".into(),
    };
    assert!(apply(&mut plan, &hub).is_err(), "not a user group");
    assert_eq!(plan.links.len(), 2);
}

#[test]
fn an_added_node_takes_a_free_id_and_its_links_follow() {
    let mut plan = sample();
    let edit = read_edit(
        r#"{"op": "add_node",
            "node": {"id": "spoke", "kind": "vnet", "address_space": ["10.2.0.0/16"]},
            "links": [{"kind": "peering", "from": "spoke", "to": "hub"}]}"#,
    )
    .unwrap();
    apply(&mut plan, &edit).unwrap();
    assert_eq!(plan.nodes.last().unwrap().id, "spoke-2");
    assert_eq!(plan.links.last().unwrap().from, "spoke-2");
    assert_eq!(plan.links.last().unwrap().to, "hub");
    assert_eq!(free_id(&plan, &"x".repeat(64)).len(), 64);
}

#[test]
fn a_bad_added_node_is_refused_with_the_path_and_the_plan_unchanged() {
    let before = sample();
    let cases = [
        (
            r#"{"op": "add_node", "node": {"id": "Bad Id", "kind": "vnet"}}"#,
            "add_node.node.id: \"Bad Id\" is not a valid id",
        ),
        (
            r#"{"op": "add_node", "node": {"id": "c", "kind": "vnet", "address_space": ["10.9.0.0/16"]},
                "links": [{"kind": "peering", "from": "hub", "to": "spoke"}]}"#,
            "add_node.links[0]: one end (from or to) must be the new node \"c\"",
        ),
        (
            r#"{"op": "add_node", "node": {"id": "c", "kind": "vnet", "address_space": ["10.9.0.0/16"]},
                "links": [{"kind": "peering", "from": "c", "to": "nowhere"}]}"#,
            "add_node.links[0].to:",
        ),
        (
            r#"{"op": "add_node", "node": {"id": "c", "kind": "site", "sku": "standard"}}"#,
            "add_node.node",
        ),
    ];
    for (text, expected) in cases {
        let mut plan = before.clone();
        let edit = read_edit(text).unwrap();
        let err = apply(&mut plan, &edit).unwrap_err();
        assert!(err.starts_with(expected), "{text}: {err}");
        assert_eq!(plan, before);
    }
    let err = read_edit(
        r#"{"op": "all", "edits": [{"op": "add_node", "node": {"id": "c", "kind": "castle"}}]}"#,
    )
    .unwrap_err();
    assert!(
        err.starts_with("edits[0].node.kind: unknown variant `castle`"),
        "{err}"
    );
    assert!(read_edit("[").unwrap_err().starts_with(".: "), "a cut text");
}
