//! The export (`reachplan export --bicep | --arm`): the Bicep file and the ARM template of every
//! example plan equal their golden files under tests/golden/export (refresh them with
//! `UPDATE_EXPECT=1 cargo test --test export` and review the diff); on every plan of the
//! repository the ARM template is JSON, every symbol the Bicep file names is declared, and
//! every resource the ARM template refers to is declared in it; untrusted names stay inside
//! their literals.
//!
//! The Bicep text is not compiled here: the Bicep compiler is not published on the registries
//! the project builds from.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use reachplan::engine::{analyze, read_plan};
use reachplan::export;

mod support;
use support::golden::{compare, orphans};
use support::repository::{files, plans};

#[test]
fn the_examples_export_as_their_golden_files() {
    let mut failures = Vec::new();
    let mut produced = BTreeSet::new();
    for path in files("www/examples") {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let plan = read_plan(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let assumptions = analyze(&plan).assumptions;
        for (ext, text) in [
            ("bicep", export::bicep(&plan, &assumptions)),
            ("arm.json", export::arm(&plan, &assumptions)),
        ] {
            let name = format!("export/{stem}.{ext}");
            compare(&name, &text, &mut failures);
            produced.insert(name);
        }
    }
    orphans("export", &produced, &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The symbols a Bicep file declares (`resource NAME`, `param NAME`) and those it uses as
/// `NAME.id` or `NAME.properties`.
fn symbols(bicep: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut declared = BTreeSet::new();
    let mut used = BTreeSet::new();
    for line in bicep.lines() {
        let t = line.trim_start();
        for keyword in ["resource ", "param "] {
            if let Some(rest) = t.strip_prefix(keyword) {
                declared.insert(rest.split(' ').next().unwrap().to_string());
            }
        }
        if t.starts_with("//") || t.starts_with("@description") {
            continue;
        }
        for (i, _) in t
            .match_indices(".id")
            .chain(t.match_indices(".properties."))
        {
            let head = &t[..i];
            let start = head
                .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .map_or(0, |p| p + 1);
            if start < head.len() {
                used.insert(head[start..].to_string());
            }
        }
        if let Some(v) = t.split_once(": ").map(|(_, v)| v) {
            let plain = v.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            let literal = matches!(v, "true" | "false") || v.parse::<i64>().is_ok();
            if plain && !literal {
                used.insert(v.to_string());
            }
        }
    }
    (declared, used)
}

#[test]
fn every_plan_exports_a_consistent_template() {
    for (name, plan) in plans() {
        let bicep = export::bicep(&plan, &[]);
        let (declared, used) = symbols(&bicep);
        let undeclared: Vec<_> = used.difference(&declared).collect();
        assert!(
            undeclared.is_empty(),
            "{name}: undeclared {undeclared:?}\n{bicep}"
        );
        let arm: serde_json::Value = serde_json::from_str(&export::arm(&plan, &[]))
            .unwrap_or_else(|e| panic!("{name}: the ARM template is not JSON: {e}"));
        let resources = arm["resources"].as_array().unwrap();
        let ids: BTreeSet<String> = resources
            .iter()
            .map(|r| {
                let names = r["name"]
                    .as_str()
                    .unwrap()
                    .split('/')
                    .map(|n| format!("'{n}'"));
                let mut args = vec![format!("'{}'", r["type"].as_str().unwrap())];
                args.extend(names);
                format!("[resourceId({})]", args.join(", "))
            })
            .collect();
        for r in resources {
            for d in r["dependsOn"].as_array().into_iter().flatten() {
                let d = d.as_str().unwrap();
                assert!(ids.contains(d), "{name}: {d} is not declared");
            }
        }
        let decl = export::declarations(&plan, &[]);
        assert_eq!(decl.resources.len(), resources.len(), "{name}");
    }
}

#[test]
fn untrusted_names_stay_text() {
    let plan = read_plan(
        r#"{"reachplan": 1, "title": "x\n resource evil 'x' = {}",
            "nodes": [{"id": "hub", "kind": "vnet", "address_space": ["10.0.0.0/16"],
                       "name": "it's \\ ${evil()}\n'[concat()]'",
                       "description": "[parameters('x')]"}]}"#,
    )
    .unwrap();
    let bicep = export::bicep(&plan, &[]);
    assert!(bicep.contains(r"'reachplan-name': 'it\'s \\ \${evil()}\n\'[concat()]\''"));
    assert!(
        bicep.contains("// Plan: x resource evil 'x' = {}"),
        "{bicep}"
    );
    assert!(!bicep.lines().any(|l| l.starts_with(" resource")));
    let arm: serde_json::Value = serde_json::from_str(&export::arm(&plan, &[])).unwrap();
    let tags = &arm["resources"][0]["tags"];
    assert_eq!(tags["reachplan-name"], "it's \\ ${evil()}\n'[concat()]'");
    // A string ARM would evaluate as an expression keeps its bracket doubled.
    assert_eq!(tags["reachplan-description"], "[[parameters('x')]");
}

#[test]
fn the_command_writes_bicep_or_arm_and_refuses_bad_input() {
    use support::cli::code_out_err;
    let plan = "www/examples/hub-spoke-firewall.json";
    let (code, out, err) = code_out_err(&["export", plan, "--bicep"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let golden = support::golden::golden_root().join("export/hub-spoke-firewall.bicep");
    assert_eq!(out, std::fs::read_to_string(golden).unwrap());
    let (code, out, _) = code_out_err(&["export", plan, "--arm"]);
    assert_eq!(code, 0);
    assert!(serde_json::from_str::<serde_json::Value>(&out).is_ok());
    let file = std::env::temp_dir().join(format!("reachplan-export-{}.bicep", std::process::id()));
    let (code, out, _) = code_out_err(&["export", plan, "-o", file.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (0, ""));
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("resource vnet_hub "));
    std::fs::remove_file(&file).unwrap();
    let (code, _, err) = code_out_err(&["export", "tests/data/nothing-here.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("nothing-here.json"), "{err}");
    let (code, _, _) = code_out_err(&["export", plan, "--bicep", "--arm"]);
    assert_eq!(code, 2);
}
