//! The browser builds name the JSON path of a plan's reading error with a small scanner
//! (`engine::path_at`) where the native build tracks it while reading (serde_path_to_error).
//! Both must name the same path: here on every plan of the repository broken in many ways (each
//! value replaced by a value of another type, each key removed, an unknown key added to each
//! object), printed as people write plans (indented, over many lines) and on one line.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::Path;

use reachplan::engine::path_at::path_of_error;
use reachplan::engine::Plan;
use serde_json::{json, Value};

/// The path serde_path_to_error names and the one the scanner finds, when `text` does not read.
fn both(text: &str) -> Option<(String, String)> {
    let mut de = serde_json::Deserializer::from_str(text);
    let e = serde_path_to_error::deserialize::<_, Plan>(&mut de).err()?;
    let tracked = e.path().to_string();
    let tracked = if tracked.is_empty() {
        ".".to_string()
    } else {
        tracked
    };
    let found = path_of_error(text, e.inner());
    Some((tracked, found))
}

/// Every value of `v` (its own path as JSON pointer), depth first.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                pointers(
                    child,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// The broken variants of one plan.
fn broken(plan: &Value) -> Vec<Value> {
    let mut at = Vec::new();
    pointers(plan, String::new(), &mut at);
    let mut out = Vec::new();
    for p in &at {
        for other in [
            json!("?"),
            json!(7),
            json!(-1.5),
            json!({}),
            json!([true]),
            json!(null),
        ] {
            let mut v = plan.clone();
            if let Some(slot) = v.pointer_mut(p) {
                *slot = other;
                out.push(v);
            }
        }
        let mut v = plan.clone();
        if let Some(Value::Object(map)) = v.pointer_mut(p) {
            map.insert("zz_unknown".into(), json!(1));
            out.push(v);
        }
        if let Some(Value::Object(map)) = plan.pointer(p) {
            for key in map.keys() {
                let mut v = plan.clone();
                if let Some(Value::Object(m)) = v.pointer_mut(p) {
                    m.remove(key);
                    out.push(v);
                }
            }
        }
    }
    out
}

#[test]
fn the_scanner_names_the_path_the_tracking_reader_names() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut compared = 0;
    let mut differ = 0;
    let mut shown = Vec::new();
    for dir in ["www/examples", "tests/data/scenarios"] {
        let mut files: Vec<_> = fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        for file in files {
            let plan: Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
            for v in broken(&plan) {
                for text in [serde_json::to_string_pretty(&v).unwrap(), v.to_string()] {
                    if let Some((tracked, found)) = both(&text) {
                        compared += 1;
                        if tracked != found {
                            differ += 1;
                            if shown.len() < 10 {
                                let e = serde_json::from_str::<Plan>(&text).err().unwrap();
                                let f = file.display();
                                shown.push(format!("{f}: {tracked} != {found} ({e})"));
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(
        compared > 1000,
        "only {compared} broken plans were compared"
    );
    assert!(
        differ == 0,
        "{differ} of {compared} differ:\n{}",
        shown.join("\n")
    );
}
