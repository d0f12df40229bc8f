//! Bad input to the import: a file of another shape, an expression the importer does not
//! evaluate, a resource missing a field, and, as a property, every fixture under
//! tests/data/import and every exported template mutated at random (a key removed, a value
//! of another type or an unknown expression put in its place, the text cut short). Each
//! import either names what is wrong with its file and JSON path while the rest is imported,
//! or fails with a message that names the file; none panics, and every plan it makes reads
//! back and is analysed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::Path;

use proptest::prelude::*;
use reachplan::engine::{analyze, read_plan, write_plan};
use reachplan::import::{import, ImportOptions, NoteKind};
use serde_json::Value;

mod support;
use support::config::config;

/// A small VNet given beside the bad file: it must be imported whatever the other file holds.
const GOOD: &str = r#"{"type": "Microsoft.Network/virtualNetworks", "name": "good-vnet",
  "id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/good-vnet",
  "properties": {"addressSpace": {"addressPrefixes": ["10.250.0.0/16"]}}}"#;

fn options() -> ImportOptions {
    ImportOptions {
        region: Some("westeurope".into()),
    }
}

/// Every JSON file the import is tested with: the fixtures and the exported templates.
fn inputs() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["tests/data/import", "tests/golden/export"] {
        for entry in fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.ends_with(".json") && !name.ends_with(".parameters.json") {
                out.push((name, fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// Imports the bad file beside the good one and checks what every import must hold.
fn check(name: &str, text: &str) {
    let files = vec![
        (name.to_string(), text.to_string()),
        ("good.json".to_string(), GOOD.to_string()),
    ];
    let imported = import(&files, &options()).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(
        imported.plan.nodes.iter().any(|n| n.id == "good-vnet"),
        "{name}: the good file is imported whatever the other holds"
    );
    for note in &imported.report.notes {
        assert!(
            note.file == name || note.file == "good.json",
            "{name}: a note names a file given: {note:?}"
        );
        assert!(
            !note.path.is_empty(),
            "{name}: a note names a path: {note:?}"
        );
    }
    let text = write_plan(&imported.plan);
    let plan = read_plan(&text).unwrap_or_else(|e| panic!("{name}: the plan reads back: {e}"));
    let _ = analyze(&plan);
    let _ = imported.report.render();
}

/// A mutation of a JSON document: (which, where, what).
#[derive(Debug, Clone)]
enum Mutation {
    /// Remove the key at the n-th object member.
    Remove(usize),
    /// Replace the n-th value with the k-th odd value.
    Replace(usize, usize),
    /// Cut the text at a fraction (per mille) of its length.
    Cut(u16),
}

const ODD: &[&str] = &[
    "null",
    "42",
    "-1",
    "1e400",
    "true",
    "\"\"",
    "\"[concat(\"",
    "\"[dateTimeAdd(utcNow(), 'P1D')]\"",
    "\"[reference('x').properties.ipAddress]\"",
    "\"[parameters('nope')]\"",
    "\"[variables('nope')[99]]\"",
    "\"not/an/id\"",
    "\"/subscriptions/\"",
    "\"999.1.1.1/99\"",
    "[]",
    "[null, 1, \"x\"]",
    "{}",
    "{\"id\": 5}",
    "\"\\u001b[2J\\u202e\"",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => any::<usize>().prop_map(Mutation::Remove),
        4 => (any::<usize>(), any::<usize>()).prop_map(|(n, k)| Mutation::Replace(n, k)),
        1 => (0u16..1000).prop_map(Mutation::Cut),
    ]
}

/// Every value of a document, by JSON pointer (objects' members first when `members`).
fn pointers(v: &Value, at: &str, members: bool, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, x) in map {
                let p = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                out.push(p.clone());
                pointers(x, &p, members, out);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                let p = format!("{at}/{i}");
                if !members {
                    out.push(p.clone());
                }
                pointers(x, &p, members, out);
            }
        }
        _ => {}
    }
}

fn mutate(text: &str, m: &Mutation) -> String {
    let Ok(mut doc) = serde_json::from_str::<Value>(text) else {
        return text.to_string();
    };
    let mut all = Vec::new();
    pointers(&doc, "", matches!(m, Mutation::Remove(_)), &mut all);
    match *m {
        Mutation::Cut(per_mille) => {
            let mut at = text.len() * usize::from(per_mille) / 1000;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            return text[..at].to_string();
        }
        _ if all.is_empty() => {}
        Mutation::Remove(n) => {
            let p = &all[n % all.len()];
            let (parent, key) = p.rsplit_once('/').unwrap();
            let key = key.replace("~1", "/").replace("~0", "~");
            if let Some(Value::Object(map)) = doc.pointer_mut(parent) {
                map.remove(&key);
            }
        }
        Mutation::Replace(n, k) => {
            let p = &all[n % all.len()];
            if let Some(slot) = doc.pointer_mut(p) {
                *slot = serde_json::from_str(ODD[k % ODD.len()]).unwrap_or(Value::Null);
            }
        }
    }
    serde_json::to_string(&doc).unwrap()
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn a_mutated_input_is_reported_never_a_crash(
        which in any::<usize>(),
        changes in proptest::collection::vec(mutation(), 1..4),
    ) {
        let all = inputs();
        let (name, text) = &all[which % all.len()];
        let mut text = text.clone();
        for m in &changes {
            text = mutate(&text, m);
        }
        check(name, &text);
    }
}

/// About a hundred places of each fixture, spread over the file, each given a null, an
/// expression cut short, an expression not evaluated and an empty array.
#[test]
fn odd_values_spread_over_every_fixture_are_reported_never_a_crash() {
    for (name, text) in inputs().iter().filter(|(n, _)| !n.contains(".arm.")) {
        let doc: Value = serde_json::from_str(text).unwrap();
        let mut all = Vec::new();
        pointers(&doc, "", false, &mut all);
        for n in (0..all.len()).step_by(all.len() / 100 + 1) {
            for k in [0, 6, 7, 14] {
                check(name, &mutate(text, &Mutation::Replace(n, k)));
            }
        }
    }
}

/// The three kinds of bad input the import names: a file of another shape, an expression
/// not evaluated, a resource missing a field. Each message names the file and JSON path;
/// the rest is imported.
#[test]
fn bad_input_is_named_by_file_and_json_path_and_the_rest_imported() {
    let problem = |files: &[(&str, &str)], file: &str, path: &str, says: &str| {
        let files: Vec<(String, String)> = files
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        let imported = import(&files, &options()).unwrap();
        assert!(imported.plan.nodes.iter().any(|n| n.id == "good-vnet"));
        let found = imported
            .report
            .notes
            .iter()
            .find(|n| n.file == file && n.path == path && n.message.contains(says));
        assert!(
            found.is_some(),
            "{file} at {path}: {says}\n{}",
            imported.report.render()
        );
        found.unwrap().kind
    };
    // A file of another shape.
    let kind = problem(
        &[("notes.json", r#"{"hello": "world"}"#), ("good.json", GOOD)],
        "notes.json",
        ".",
        "not a shape reachplan imports",
    );
    assert_eq!(kind, NoteKind::Problem);
    // An expression the importer does not evaluate, in a template.
    let template = r#"{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
      "contentVersion": "1.0.0.0", "resources": [
        {"type": "Microsoft.Network/virtualNetworks", "name": "t-vnet",
         "properties": {"addressSpace": {"addressPrefixes": ["[dateTimeAdd(utcNow(), 'P1D')]"]}}},
        {"type": "Microsoft.Network/virtualNetworks", "name": "[utcNow()]",
         "properties": {"addressSpace": {"addressPrefixes": ["10.9.0.0/16"]}}}]}"#;
    let kind = problem(
        &[("main.json", template), ("good.json", GOOD)],
        "main.json",
        "resources[0].properties.addressSpace.addressPrefixes[0]",
        "not evaluated by the importer",
    );
    assert_eq!(kind, NoteKind::Unknown);
    problem(
        &[("main.json", template), ("good.json", GOOD)],
        "main.json",
        "resources[1].name",
        "cannot be evaluated",
    );
    // A resource missing a field: a connection without its gateway, a peering without its
    // remote network, an object without a type.
    let resources = r#"[
      {"type": "Microsoft.Network/connections", "name": "c1",
       "properties": {"connectionType": "IPsec"}},
      {"type": "Microsoft.Network/virtualNetworks/virtualNetworkPeerings", "name": "good-vnet/p",
       "properties": {"allowForwardedTraffic": true}},
      {"name": "typeless"}]"#;
    let files = [("estate.json", resources), ("good.json", GOOD)];
    problem(
        &files,
        "estate.json",
        "[0].properties.virtualNetworkGateway1",
        "no virtualNetworkGateway1.id",
    );
    problem(
        &files,
        "estate.json",
        "[1].properties.remoteVirtualNetwork",
        "",
    );
    problem(&files, "estate.json", "[2]", "not an Azure resource");
}
