//! What the views show and mark, natively: a failure shown marks its element and the cells
//! it loses, on a failed plan whose links are numbered back to the plan's; a comparison marks
//! the cells gained and lost, nodes added and changed, and ghosts of what was removed; a
//! pasted link is read whole or by its fragment.

#![allow(clippy::unwrap_used)]

use std::rc::Rc;

use super::compare::linked;
use super::failures::{self, of_selection};
use super::marks::Mark;
use super::shown::shown;
use super::{Baseline, View};
use crate::engine::resilience::domains;
use crate::engine::{read_plan, share, Plan};
use crate::ui::network::Prepared;
use crate::ui::path::{Highlight, Segment};
use crate::ui::state::Selection;

fn plan() -> Plan {
    read_plan(
        r#"{"reachplan": 1,
        "nodes": [
          {"id": "hq", "kind": "site", "address_space": ["192.168.0.0/24"]},
          {"id": "hub", "kind": "vnet", "address_space": ["10.0.0.0/16"],
           "vpn_gateway": {"sku": "VpnGw1"}},
          {"id": "app", "kind": "vnet", "address_space": ["10.1.0.0/16"]}],
        "links": [
          {"kind": "peering", "from": "app", "to": "hub", "allow_gateway_transit": true,
           "use_remote_gateways": true},
          {"kind": "s2s", "from": "hq", "to": "hub"}]}"#,
    )
    .unwrap()
}

#[test]
fn a_failed_link_is_marked_with_the_cells_it_loses() {
    let plan = Rc::new(plan());
    let network = Prepared::of(&plan);
    let domains = of_selection(&plan, &Selection::Link(1));
    assert_eq!(domains.len(), 1);
    let s = shown(&plan, &network, &View::Failed(domains[0].id.clone()));
    assert_eq!(s.marks.links.get(&1), Some(&Mark::Failed));
    assert_eq!(s.plan.links.len(), 1);
    assert_eq!(s.marks.cell("hq", "app"), Some(Mark::Lost));
    assert_eq!(s.marks.cell("app", "hq"), Some(Mark::Lost));
    assert_eq!(
        s.marks.cell("hub", "app"),
        None,
        "the peering still joins them"
    );
    // A highlight of the failed plan's link 0 is the plan's link 0; a removed link is none.
    let h = Rc::new(Highlight {
        segments: vec![Segment {
            from: "hub".into(),
            to: "app".into(),
            link: Some(0),
            blocked: false,
        }],
        ..Highlight::default()
    });
    let drawn = s.on_diagram(Some(h)).unwrap();
    assert_eq!(drawn.segments[0].link, Some(0));
}

#[test]
fn a_failed_gateway_instance_marks_its_node_and_an_unknown_failure_shows_the_plan() {
    let plan = Rc::new(plan());
    let network = Prepared::of(&plan);
    let ids: Vec<String> = of_selection(&plan, &Selection::Node("hub".into()))
        .into_iter()
        .map(|d| d.id)
        .collect();
    assert!(ids.contains(&"vpn_gateway:hub".to_string()), "{ids:?}");
    // One instance of an active-standby gateway fails: the other takes over, nothing is lost.
    let s = shown(&plan, &network, &View::Failed("vpn_gateway:hub".into()));
    assert_eq!(s.marks.nodes.get("hub"), Some(&Mark::Failed));
    assert_eq!(s.lost(), 0);
    let gone = shown(&plan, &network, &View::Failed("vpn_gateway:nowhere".into()));
    assert!(gone.failure.is_none() && gone.marks.is_empty());
}

#[test]
fn a_comparison_marks_cells_nodes_links_and_ghosts() {
    let before = plan();
    let mut after = before.clone();
    after.links.remove(1);
    let mut new = after.nodes[2].clone();
    new.id = "app-2".into();
    after.nodes.push(new);
    after.nodes[1].name = Some("Hub renamed".into());
    after.nodes.remove(0);
    let after = Rc::new(after);
    let view = View::Compare(Rc::new(Baseline {
        plan: Rc::new(before),
        source: "the plan as loaded".into(),
    }));
    let s = shown(&after, &Prepared::of(&after), &view);
    assert_eq!(s.marks.nodes.get("app-2"), Some(&Mark::Added));
    assert_eq!(s.marks.nodes.get("hub"), Some(&Mark::Changed));
    assert_eq!(s.marks.ghosts.len(), 1);
    assert_eq!(s.marks.ghosts[0].id, "hq");
    assert_eq!(s.marks.ghost_links.len(), 1);
    let d = s.diff.unwrap();
    assert_eq!(d.endpoints_removed, vec!["hq".to_string()]);
    assert_eq!(d.endpoints_added, vec!["app-2".to_string()]);
}

#[test]
fn a_pasted_link_is_read_whole_or_by_its_fragment() {
    let fragment = share::encode(&plan());
    let whole = format!("  https://example.com/app/#{fragment}\n");
    assert_eq!(linked(&whole).unwrap(), plan());
    assert_eq!(linked(&fragment).unwrap(), plan());
    assert!(linked("").unwrap_err().contains("Paste"));
    assert!(linked("https://example.com/#p1.@@@").is_err());
}

#[test]
fn a_failure_that_moves_traffic_to_a_backup_says_whether_it_carries_it() {
    let plan = read_plan(include_str!(
        "../../../tests/data/resilience/er-backup-too-small.json"
    ))
    .unwrap();
    let network = Prepared::of(&plan);
    let domain = |id: &str| domains(&plan).into_iter().find(|d| d.id == id).unwrap();
    // The circuit fails: its 1000 Mbps move to the coexisting VPN gateway, which carries 650.
    let moved = failures::moved(&network, &domain("circuit:er-ams"), 1.0);
    assert_eq!(moved.len(), 1, "{moved:?}");
    assert_eq!(
        moved[0].0,
        "1000 Mbps move to the VPN gateway of hub (VpnGw1AZ (Generation 1), 650 Mbps \
         aggregate): 1000 of 650 throughput (Mbps), 153.8 %, it does NOT carry them"
    );
    assert!(!moved[0].1);
    // The tunnel carries nothing while the circuit is up: its failure moves nothing.
    assert!(failures::moved(&network, &domain("connection:2"), 1.0).is_empty());
}
