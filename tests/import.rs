//! Import tests: every fixture under tests/data/import (a file, or a template with its
//! `*.parameters.json`) is imported; the plan and the report must equal the golden files under
//! tests/golden/import (refresh with `UPDATE_EXPECT=1 cargo test --test import` and review the
//! diff), and the plan must read back and be analysed without a reader error.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use reachplan::engine::{analyze, read_plan, write_plan};
use reachplan::import::{import, ImportOptions};

mod support;
use support::golden::{compare, orphans};

const DIR: &str = "tests/data/import";

/// Every fixture: (stem, files as (name, text)). A `*.parameters.json` file goes with the
/// template of the same stem.
fn fixtures() -> Vec<(String, Vec<(String, String)>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR);
    let mut names: Vec<String> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && !n.ends_with(".parameters.json"))
        .collect();
    names.sort();
    let read = |name: &str| fs::read_to_string(root.join(name)).unwrap();
    names
        .into_iter()
        .map(|name| {
            let stem = name.trim_end_matches(".json").to_string();
            let mut files = vec![(name.clone(), read(&name))];
            let params = format!("{stem}.parameters.json");
            if root.join(&params).exists() {
                files.push((params.clone(), read(&params)));
            }
            (stem, files)
        })
        .collect()
}

fn options() -> ImportOptions {
    ImportOptions {
        region: Some("westeurope".into()),
    }
}

#[test]
fn every_fixture_imports_as_its_golden_files_say() {
    let mut failures = Vec::new();
    let mut produced = BTreeSet::new();
    for (stem, files) in fixtures() {
        let imported =
            import(&files, &options()).unwrap_or_else(|e| panic!("{stem}: nothing imported: {e}"));
        let text = write_plan(&imported.plan);
        let plan = read_plan(&text).unwrap_or_else(|e| panic!("{stem}: the plan reads back: {e}"));
        let _ = analyze(&plan);
        for (name, actual) in [
            (format!("import/{stem}.plan.json"), text),
            (
                format!("import/{stem}.report.txt"),
                imported.report.render(),
            ),
        ] {
            compare(&name, &actual, &mut failures);
            produced.insert(name);
        }
    }
    orphans("import", &produced, &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn one(name: &str, text: &str) -> Vec<(String, String)> {
    vec![(name.to_string(), text.to_string())]
}

#[test]
fn a_file_of_no_known_shape_is_named_and_nothing_is_made_up() {
    let err = import(&one("x.json", r#"{"hello": 1}"#), &options()).unwrap_err();
    assert_eq!((err.file.as_str(), err.path.as_str()), ("x.json", "."));
    assert!(err.message.contains("not a shape"), "{err}");
    let err = import(&one("y.json", "{ not json"), &options()).unwrap_err();
    assert!(err.message.contains("line 1, column 3"), "{err}");
    assert!(import(&[], &options()).is_err());
}

#[test]
fn a_generated_estate_of_two_thousand_resources_imports_whole() {
    let text = reachplan::import::sample::resource_graph(2_000);
    let imported = import(&one("graph.json", &text), &options()).unwrap();
    assert!(!imported.report.has_problems());
    assert!(
        imported.plan.nodes.len() > 900,
        "{}",
        imported.plan.nodes.len()
    );
    let via_firewall = imported
        .plan
        .links
        .iter()
        .filter(|l| l.route_via_firewall == Some(true));
    // Every spoke (`hubN-sM`) routes through its hub's firewall.
    let spokes = imported
        .plan
        .nodes
        .iter()
        .filter(|n| n.id.contains("-s"))
        .count();
    assert_eq!(via_firewall.count(), spokes);
    read_plan(&write_plan(&imported.plan)).unwrap();
}

#[test]
fn a_bad_file_beside_a_good_one_is_reported_and_the_rest_imported() {
    let vnet = r#"{"type": "Microsoft.Network/virtualNetworks", "name": "a",
        "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}}}"#;
    let files = vec![
        ("bad.json".to_string(), "[1, 2".to_string()),
        ("good.json".to_string(), vnet.to_string()),
    ];
    let imported = import(&files, &options()).unwrap();
    assert_eq!(imported.plan.nodes.len(), 1);
    assert!(imported.report.has_problems());
    assert_eq!(imported.report.notes[0].file, "bad.json");
}

#[test]
fn hostile_names_become_valid_unique_ids_and_keep_their_text() {
    let vnet = |name: &str| {
        format!(
            r#"{{"type": "Microsoft.Network/virtualNetworks", "name": {},
            "properties": {{"addressSpace": {{"addressPrefixes": []}}}}}}"#,
            serde_json::to_string(name).unwrap()
        )
    };
    let text = format!(
        "[{}, {}, {}]",
        vnet("Hub\u{1b}[2J"),
        vnet("hub"),
        vnet("\u{202e}\nx")
    );
    let imported = import(&one("h.json", &text), &options()).unwrap();
    let ids: Vec<&str> = imported.plan.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["hub-2j", "hub", "x"]);
    assert_eq!(imported.plan.nodes[0].name.as_deref(), Some("Hub\u{1b}[2J"));
    read_plan(&write_plan(&imported.plan)).unwrap();
    let report = imported.report.render();
    assert!(
        !report.contains('\u{1b}') && !report.contains("\nx"),
        "{report}"
    );
}

/// A fixture and its pairs: (from, to, reachable).
type Expected<'a> = (&'a str, &'a [(&'a str, &'a str, bool)]);

/// The pairs each fixture's design connects (and one it does not), as the analysis answers
/// them on the imported plan.
#[test]
fn imported_plans_answer_as_their_designs_say() {
    let expect: &[Expected] = &[
        (
            "graph-hub-spoke",
            &[
                ("spoke1-vnet", "hub-vnet", true),
                ("spoke1-vnet", "partner-vnet", false),
            ],
        ),
        (
            "graph-hybrid",
            &[
                ("hq-lgw", "hub", true),
                ("hub-vpngw-users", "hub", true),
                ("hub-vpngw-users", "hq-lgw", true),
                ("er-nyc-on-premises", "hub", true),
                ("er-nyc-on-premises", "hq-lgw", false),
            ],
        ),
        (
            "quickstart-site-to-site-vpn",
            &[("localgateway", "azurevnet", true)],
        ),
        (
            "quickstart-vnet-to-vnet-bgp",
            &[("vnet1-westeurope", "vnet2-westeurope", true)],
        ),
        (
            "quickstart-vnet-to-vnet-peering",
            &[("vnet1", "vnet2", true)],
        ),
        // `az network vnet list`: properties flattened, peerings inline, one peering only
        // Initiated.
        (
            "cli-vnet-list-peerings",
            &[
                ("app1-vnet", "core-hub", true),
                ("app1-vnet", "app2-vnet", false),
            ],
        ),
        // resourceId() with a resource group: a VNet of another group, outside the import.
        (
            "quickstart-existing-vnet-peering",
            &[("app-vnet", "shared-services-vnet", true)],
        ),
        // A connection to an existing gateway given by id.
        (
            "quickstart-extend-vnet",
            &[("branch2-vnet", "core-gw", true)],
        ),
        // copyIndex() in names, add(), padLeft(), a variable's copy loop, if(), nested
        // deployments (inner and outer scope), resourceId() with subscription and group.
        (
            "template-loops-nested",
            &[
                ("fabrikam-spoke01", "fabrikam-spoke03", true),
                ("fabrikam-dc2", "fabrikam-spoke02", true),
                ("fabrikam-dc1", "fabrikam-dc2", false),
                ("fabrikam-hub-prod", "shared-vnet", true),
                ("fabrikam-spoke01", "shared-vnet", false),
            ],
        ),
        // A Terraform plan of a Virtual WAN: hub connection, VPN site and gateway, routing
        // intent, with parents known only after apply.
        ("terraform-vwan", &[("site-paris", "vnet-app", true)]),
    ];
    let fixtures = fixtures();
    for (stem, pairs) in expect {
        let (_, files) = fixtures.iter().find(|(s, _)| s == stem).unwrap();
        let plan = import(files, &options()).unwrap().plan;
        let analysis = analyze(&plan);
        for &(from, to, reachable) in *pairs {
            let pair = analysis
                .pair(from, to)
                .unwrap_or_else(|| panic!("{stem}: no pair {from} → {to}"));
            assert_eq!(pair.reachable, reachable, "{stem}: {from} → {to}");
        }
    }
}

/// The ARM templates `reachplan export --arm` writes for the examples, imported again, answer
/// every pair of endpoints the two plans share (by id) as the example does.
#[test]
fn an_exported_template_imports_to_the_same_answers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for entry in fs::read_dir(root.join("tests/golden/export")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".arm.json") else {
            continue;
        };
        let example = root.join(format!("www/examples/{stem}.json"));
        let original = read_plan(&fs::read_to_string(&example).unwrap()).unwrap();
        let files = one(&name, &fs::read_to_string(&path).unwrap());
        let imported = import(&files, &options()).unwrap().plan;
        let (before, after) = (analyze(&original), analyze(&imported));
        for pair in &before.pairs {
            if let Some(again) = after.pair(&pair.from, &pair.to) {
                assert_eq!(
                    again.reachable, pair.reachable,
                    "{stem}: {} → {} after export and import",
                    pair.from, pair.to
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 50, "only {checked} pairs compared");
}

/// A template is untrusted text: expressions nested without end, variables that chain or
/// refer to themselves, copy loops inside copy loops. Each is reported; none crashes or runs
/// away.
#[test]
fn hostile_templates_are_reported_not_obeyed() {
    let template = |variables: &str, resources: &str| {
        format!(
            r#"{{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                "contentVersion": "1.0.0.0", "variables": {variables}, "resources": {resources}}}"#
        )
    };
    let vnet = |name: &str| {
        format!(
            r#"{{"type": "Microsoft.Network/virtualNetworks", "name": "{name}",
                "properties": {{"addressSpace": {{"addressPrefixes": ["10.0.0.0/16"]}}}}}}"#
        )
    };
    // 10,000 nested calls.
    let deep = format!("[{}'x'{}]", "concat(".repeat(10_000), ")".repeat(10_000));
    let text = template("{}", &format!("[{}, {}]", vnet(&deep), vnet("ok")));
    let imported = import(&one("deep.json", &text), &options()).unwrap();
    assert_eq!(imported.plan.nodes.len(), 1);
    assert!(imported.report.has_problems());
    // A chain of 5,000 variables, and one that refers to itself.
    let mut vars: Vec<String> = (0..5_000)
        .map(|i| format!(r#""v{i}": "[variables('v{}')]""#, i + 1))
        .collect();
    vars.push(r#""v5000": "end", "me": "[variables('me')]""#.to_string());
    let variables = format!("{{{}}}", vars.join(", "));
    let text = template(
        &variables,
        &format!(
            "[{}, {}]",
            vnet("[variables('v0')]"),
            vnet("[variables('me')]")
        ),
    );
    // Nothing can be named: nothing is imported, and the error says why.
    let err = import(&one("chain.json", &text), &options()).unwrap_err();
    assert!(err.message.contains("more than 64"), "{err}");
    // 800 VNets of 800 subnets each: the loops stop at the template's budget.
    let bomb = r#"[{"type": "Microsoft.Network/virtualNetworks",
        "name": "[concat('v', copyIndex())]", "copy": {"name": "outer", "count": 800},
        "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
          "copy": [{"name": "subnets", "count": 800,
                    "input": {"name": "[copyIndex('subnets')]"}}]}}]"#;
    let imported = import(&one("bomb.json", &template("{}", bomb)), &options()).unwrap();
    assert!(imported.report.has_problems());
    assert!(imported.plan.nodes.len() <= 800);
}

/// A peering given only from the hub's side, with no flag to say which side is which, points
/// from the spoke to the VNet with the gateway.
#[test]
fn a_one_sided_peering_points_to_the_vnet_with_a_gateway() {
    let text = r#"[
      {"type": "Microsoft.Network/virtualNetworks", "name": "hub",
       "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}}},
      {"type": "Microsoft.Network/virtualNetworks", "name": "spoke",
       "properties": {"addressSpace": {"addressPrefixes": ["10.1.0.0/16"]}}},
      {"type": "Microsoft.Network/virtualNetworkGateways", "name": "gw",
       "properties": {"gatewayType": "Vpn", "sku": {"name": "VpnGw1AZ"}, "ipConfigurations":
         [{"properties": {"subnet": {"id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/hub/subnets/GatewaySubnet"}}}]}},
      {"type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings", "name": "hub/to-spoke",
       "properties": {"remoteVirtualNetwork": {"id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/spoke"}}}
    ]"#;
    let imported = import(&one("p.json", text), &options()).unwrap();
    let link = &imported.plan.links[0];
    assert_eq!((link.from.as_str(), link.to.as_str()), ("spoke", "hub"));
    let said = |t: &str| imported.report.notes.iter().any(|n| n.message.contains(t));
    assert!(said("the peering from spoke to hub is not in the input"));
}
