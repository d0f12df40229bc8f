//! Merge (`reachplan import FILE... --into PLAN.json`, and the browser's "Import from
//! Azure…"): importing into an open plan adds to it, the sites and users drawn by hand stay;
//! importing again updates what came from Azure (matched by `azure_id`) without losing hand
//! edits (names, descriptions, positions, links drawn by hand).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use reachplan::engine::model::{Link, LinkKind, Plan, Position};
use reachplan::engine::read_plan;
use reachplan::import::merge::merge;
use reachplan::import::{import, ImportOptions};

mod support;

const SUB: &str = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/net/providers/Microsoft.Network/virtualNetworks";

/// A Resource Graph dump: hub and spoke peered (the flags given), and a peering of the hub
/// to `partner` (held in the dump or not).
fn estate(hub_space: &str, forwarded: bool, partner: bool) -> String {
    let peering = |name: &str, remote: &str, transit: bool, remote_gw: bool| {
        format!(
            r#"{{"id": "{SUB}/{name}", "name": "{name}", "properties": {{
                "remoteVirtualNetwork": {{"id": "{SUB}/{remote}"}},
                "allowVirtualNetworkAccess": true, "allowForwardedTraffic": {forwarded},
                "allowGatewayTransit": {transit}, "useRemoteGateways": {remote_gw}}}}}"#
        )
    };
    let vnet = |name: &str, space: &str, peerings: Vec<String>| {
        format!(
            r#"{{"id": "{SUB}/{name}", "name": "{name}", "type": "microsoft.network/virtualnetworks",
                "location": "westeurope", "properties": {{
                "addressSpace": {{"addressPrefixes": ["{space}"]}},
                "virtualNetworkPeerings": [{}]}}}}"#,
            peerings.join(",")
        )
    };
    let mut vnets = vec![
        vnet(
            "hub",
            hub_space,
            vec![
                peering(
                    "hub/virtualNetworkPeerings/hub-to-spoke",
                    "spoke",
                    false,
                    false,
                ),
                peering(
                    "hub/virtualNetworkPeerings/hub-to-partner",
                    "partner",
                    false,
                    false,
                ),
            ],
        ),
        vnet(
            "spoke",
            "10.1.0.0/16",
            vec![peering(
                "spoke/virtualNetworkPeerings/spoke-to-hub",
                "hub",
                false,
                false,
            )],
        ),
    ];
    if partner {
        vnets.push(vnet(
            "partner",
            "10.9.0.0/16",
            vec![peering(
                "partner/virtualNetworkPeerings/partner-to-hub",
                "hub",
                false,
                false,
            )],
        ));
    }
    format!(r#"{{"data": [{}]}}"#, vnets.join(","))
}

fn imported(text: &str) -> Plan {
    import(
        &[("estate.json".into(), text.into())],
        &ImportOptions::default(),
    )
    .unwrap()
    .plan
}

/// A plan drawn by hand: an on-premises site, remote users, and a VNet called `hub` that has
/// nothing to do with Azure's (its id is taken).
fn drawn() -> Plan {
    read_plan(
        r#"{"reachplan": 1, "title": "Drawn",
            "nodes": [{"id": "hq", "kind": "site", "address_space": ["192.168.0.0/16"],
                       "position": {"x": 40, "y": 40}},
                      {"id": "staff", "kind": "users", "count": 50},
                      {"id": "hub", "kind": "vnet", "address_space": ["10.50.0.0/16"],
                       "position": {"x": 300, "y": 40}}],
            "links": [{"kind": "s2s", "from": "hq", "to": "hub"}]}"#,
    )
    .unwrap()
}

#[test]
fn importing_into_an_open_plan_adds_to_it() {
    let open = drawn();
    let azure = imported(&estate("10.0.0.0/16", false, false));
    let merged = merge(&open, &azure);
    let plan = &merged.plan;
    // What was drawn stays as it was.
    for node in &open.nodes {
        assert_eq!(plan.node(&node.id), Some(node), "{}", node.id);
    }
    assert_eq!(plan.links[0], open.links[0]);
    assert_eq!(plan.title.as_deref(), Some("Drawn"));
    // Azure's hub came under another id, and its links follow it.
    assert_eq!(merged.renamed, [("hub".to_string(), "hub-2".to_string())]);
    let hub = plan.node("hub-2").unwrap();
    assert!(hub.azure_id.as_deref().unwrap().ends_with("/hub"));
    assert!(plan.links.iter().any(|l| l.kind == LinkKind::Peering
        && [&l.from, &l.to].contains(&&"hub-2".to_string())
        && [&l.from, &l.to].contains(&&"spoke".to_string())));
    assert_eq!(plan.nodes.len(), open.nodes.len() + azure.nodes.len());
    assert_eq!(plan.links.len(), open.links.len() + azure.links.len());
    // Placed to the right of what was drawn.
    assert!(hub.position.unwrap().x > 300.0);
    let text = reachplan::engine::write_plan(plan);
    read_plan(&text).expect("the merged plan reads back");
}

#[test]
fn importing_again_updates_what_came_from_azure_and_keeps_hand_edits() {
    let first = merge(
        &Plan::new(),
        &imported(&estate("10.0.0.0/16", false, false)),
    )
    .plan;
    assert!(first.node("hub").is_some());
    // Hand edits: a name, a description, a position, a link drawn by hand to a site.
    let mut edited = first.clone();
    let hub = edited.nodes.iter_mut().find(|n| n.id == "hub").unwrap();
    hub.name = Some("Hub (production)".into());
    hub.description = Some("Owned by the network team".into());
    hub.position = Some(Position { x: 999.0, y: 7.0 });
    edited.nodes.push(
        read_plan(r#"{"reachplan": 1, "nodes": [{"id": "hq", "kind": "site"}]}"#)
            .unwrap()
            .nodes[0]
            .clone(),
    );
    let mut hand = Link::new(LinkKind::S2s, "hq", "hub");
    hand.bgp = Some(true);
    edited.links.push(hand.clone());

    // Azure changed: a larger hub, forwarded traffic allowed on the peerings.
    let merged = merge(&edited, &imported(&estate("10.0.0.0/15", true, false)));
    let plan = &merged.plan;
    let hub = plan.node("hub").unwrap();
    assert_eq!(hub.name.as_deref(), Some("Hub (production)"));
    assert_eq!(
        hub.description.as_deref(),
        Some("Owned by the network team")
    );
    assert_eq!(hub.position, Some(Position { x: 999.0, y: 7.0 }));
    assert_eq!(
        hub.address_space.as_ref().unwrap()[0].to_string(),
        "10.0.0.0/15"
    );
    assert!(plan.node("hq").is_some());
    assert!(plan.links.contains(&hand), "the link drawn by hand stays");
    // Nothing doubled: the same nodes, the same links, updated.
    assert_eq!(plan.nodes.len(), edited.nodes.len());
    assert_eq!(plan.links.len(), edited.links.len());
    assert!(
        merged.added.is_empty() && merged.renamed.is_empty(),
        "{merged:?}"
    );
    let peering = plan
        .links
        .iter()
        .find(|l| {
            l.kind == LinkKind::Peering
                && l.azure_id.is_some()
                && (l.from == "spoke" || l.to == "spoke")
        })
        .unwrap();
    assert_eq!(peering.allow_forwarded_traffic, Some(true));
}

#[test]
fn a_node_outside_one_import_is_completed_by_the_next() {
    let first = merge(
        &Plan::new(),
        &imported(&estate("10.0.0.0/16", false, false)),
    )
    .plan;
    let outside = first
        .node("partner")
        .expect("the partner VNet is referred to");
    assert!(outside.address_space.is_none());
    let merged = merge(&first, &imported(&estate("10.0.0.0/16", false, true)));
    let partner = merged.plan.node("partner").unwrap();
    assert_eq!(
        partner.address_space.as_ref().unwrap()[0].to_string(),
        "10.9.0.0/16"
    );
    assert!(partner
        .description
        .as_deref()
        .is_none_or(|d| !d.starts_with("Outside")));
    assert_eq!(merged.plan.nodes.len(), first.nodes.len());
}

#[test]
fn the_command_merges_into_a_plan_file_and_never_loses_it() {
    use support::cli::code_out_err;
    let dir = std::env::temp_dir().join(format!("reachplan-merge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let estate_file = dir.join("estate.json");
    std::fs::write(&estate_file, estate("10.0.0.0/16", false, false)).unwrap();
    let plan_file = dir.join("plan.json");
    let drawn_text = reachplan::engine::write_plan(&drawn());
    std::fs::write(&plan_file, &drawn_text).unwrap();
    let (e, p) = (estate_file.to_str().unwrap(), plan_file.to_str().unwrap());

    // -o: the open plan stays as it is.
    let out_file = dir.join("out.json");
    let args = ["import", e, "--into", p, "-o", out_file.to_str().unwrap()];
    let (code, _, err) = code_out_err(&args);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("merged: 3 nodes added"), "{err}");
    assert_eq!(std::fs::read_to_string(&plan_file).unwrap(), drawn_text);
    let merged = read_plan(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    assert!(merged.node("hq").is_some() && merged.node("hub-2").is_some());

    // Without -o, written back into the plan; a second import changes nothing more.
    for _ in 0..2 {
        let (code, _, err) = code_out_err(&["import", e, "--into", p]);
        assert_eq!(code, 0, "{err}");
    }
    let twice = read_plan(&std::fs::read_to_string(&plan_file).unwrap()).unwrap();
    assert_eq!(twice, merged);

    // A plan that cannot be read stops the import and stays as it is.
    std::fs::write(&plan_file, "{ not a plan").unwrap();
    let (code, _, err) = code_out_err(&["import", e, "--into", p]);
    assert_eq!(code, 2);
    assert!(err.contains("plan.json"), "{err}");
    assert_eq!(std::fs::read_to_string(&plan_file).unwrap(), "{ not a plan");
    std::fs::remove_dir_all(&dir).unwrap();
}
