//! Terraform's JSON (`terraform show -json` of a plan or a state): the azurerm resources that
//! correspond to what the plan models, rewritten in ARM's shape and mapped like any other
//! resource. A reference to a resource the same plan creates (`azurerm_virtual_network.hub.id`,
//! known only after apply) is followed through the plan's `configuration`; other values known
//! only after apply are unknown, with the reason.
//!
//! Source: <https://developer.hashicorp.com/terraform/internals/json-format> and the azurerm
//! provider's resource pages (<https://registry.terraform.io/providers/hashicorp/azurerm>).

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::ids;
use super::report::{ImportReport, NoteKind};
use super::resource::{at, Resource, UNKNOWN};
use super::shape;

mod types;

use types::TYPES;

/// One resource of the plan or state.
struct Tf<'a> {
    address: String,
    rtype: &'a str,
    values: &'a Value,
    unknown: Option<&'a Value>,
    path: String,
}

/// The azurerm resources of a Terraform plan or state, in ARM's shape.
pub(crate) fn resources(file: &str, doc: &Value, report: &mut ImportReport) -> Vec<Resource> {
    let mut found = Vec::new();
    let (root, path) = match doc.get("planned_values") {
        Some(p) => (p.get("root_module"), "planned_values.root_module"),
        None => (doc.pointer("/values/root_module"), "values.root_module"),
    };
    if let Some(root) = root {
        module(root, path, &mut found);
    }
    let changes: HashMap<&str, &Value> = doc
        .get("resource_changes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|c| {
            Some((
                c.get("address")?.as_str()?,
                c.pointer("/change/after_unknown")?,
            ))
        })
        .collect();
    for r in &mut found {
        r.unknown = changes.get(r.address.as_str()).copied();
    }
    let references = references(doc);
    let ids: HashMap<String, String> = found
        .iter()
        .filter_map(|r| Some((r.address.clone(), arm_id(r, &found, &references, 0)?)))
        .collect();
    let mut out = Vec::new();
    for r in &found {
        let Some((_, arm_type, _, props)) = TYPES.iter().find(|t| t.0 == r.rtype) else {
            let skipped = serde_json::json!({"type": r.rtype, "name": r.address});
            shape::push(file, &r.path, &skipped, None, &mut out, report);
            continue;
        };
        let Some(id) = ids.get(&r.address) else {
            let message = format!(
                "{}: its name is not known before apply; left out",
                r.address
            );
            report.note(NoteKind::Problem, file, &r.path, message);
            continue;
        };
        let mut body = serde_json::json!({"type": arm_type, "id": id});
        if let Some(location) = r.values.get("location") {
            body["location"] = location.clone();
        }
        for (arm, tf) in *props {
            let value = match at(r.values, tf) {
                Some(v) if !v.is_null() => v.clone(),
                _ if is_unknown(r.unknown, tf) => {
                    let attr = tf.rsplit('/').next().unwrap_or(tf);
                    match references.get(&(r.address.clone(), attr.to_string())) {
                        Some(target) if tf.ends_with("_id") => match ids.get(target) {
                            Some(id) => Value::String(id.clone()),
                            None => unknown(format!("{attr} refers to {target}, not in the plan")),
                        },
                        _ => unknown(format!("{} is known only after apply", r.address)),
                    }
                }
                _ => continue,
            };
            set(&mut body, arm, value);
        }
        shape::push(file, &r.path, &body, None, &mut out, report);
    }
    out
}

fn unknown(why: String) -> Value {
    Value::String(format!("{UNKNOWN}{why}"))
}

fn is_unknown(unknown: Option<&Value>, path: &str) -> bool {
    unknown
        .and_then(|u| at(u, path))
        .is_some_and(|v| v == &Value::Bool(true))
}

/// The resources of a module and its child modules.
fn module<'a>(m: &'a Value, path: &str, out: &mut Vec<Tf<'a>>) {
    for (i, r) in m
        .get("resources")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let (Some(address), Some(rtype), Some(values)) = (
            r.get("address").and_then(Value::as_str),
            r.get("type").and_then(Value::as_str),
            r.get("values"),
        ) else {
            continue;
        };
        if r.get("mode").and_then(Value::as_str) == Some("data") {
            continue;
        }
        out.push(Tf {
            address: address.to_string(),
            rtype,
            values,
            unknown: None,
            path: format!("{path}.resources[{i}]"),
        });
    }
    for (i, child) in m
        .get("child_modules")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        module(child, &format!("{path}.child_modules[{i}]"), out);
    }
}

/// (resource address, attribute) → the address of the resource the configuration's
/// expression refers to (`azurerm_virtual_network.hub.id` → `azurerm_virtual_network.hub`).
fn references(doc: &Value) -> HashMap<(String, String), String> {
    let mut out = HashMap::new();
    let resources = doc
        .pointer("/configuration/root_module/resources")
        .and_then(Value::as_array);
    for r in resources.into_iter().flatten() {
        let Some(address) = r.get("address").and_then(Value::as_str) else {
            continue;
        };
        let mut stack: Vec<&Value> = r.get("expressions").into_iter().collect();
        while let Some(v) = stack.pop() {
            let Value::Object(map) = v else {
                if let Value::Array(items) = v {
                    stack.extend(items);
                }
                continue;
            };
            for (attr, e) in map {
                if let Some(refs) = e.get("references").and_then(Value::as_array) {
                    let target = refs
                        .iter()
                        .filter_map(Value::as_str)
                        .find(|t| t.starts_with("azurerm_"));
                    if let Some(t) = target {
                        let t = t.strip_suffix(".id").unwrap_or(t).to_string();
                        out.insert((address.to_string(), attr.clone()), t);
                    }
                } else {
                    stack.push(e);
                }
            }
        }
    }
    out
}

/// The ARM id of a Terraform resource: its `id` (a state), or built from its type, name and
/// resource group. A parent given by id and known only after apply (`virtual_hub_id =
/// azurerm_virtual_hub.weu.id` in a plan) is the id of the resource the configuration
/// refers to, followed at most a few steps.
fn arm_id(
    r: &Tf,
    all: &[Tf],
    references: &HashMap<(String, String), String>,
    depth: usize,
) -> Option<String> {
    if let Some(id) = r.values.get("id").and_then(Value::as_str) {
        return Some(id.to_string());
    }
    let (_, arm_type, name_parts, _) = TYPES.iter().find(|t| t.0 == r.rtype)?;
    let mut names = Vec::new();
    for part in *name_parts {
        let v = match r.values.get(*part).and_then(Value::as_str) {
            Some(v) => v.to_string(),
            None if part.ends_with("_id") && depth < 4 => {
                let target = references.get(&(r.address.clone(), (*part).to_string()))?;
                let parent = all.iter().find(|t| &t.address == target)?;
                arm_id(parent, all, references, depth + 1)?
            }
            None => return None,
        };
        // A parent given by id (`virtual_hub_id`) contributes its last segment.
        names.push(ids::parse(&v).map_or(v.clone(), |(_, n)| {
            n.rsplit('/').next().unwrap_or_default().to_string()
        }));
    }
    let mut id = ids::build(arm_type, &names.join("/"));
    if let Some(group) = r.values.get("resource_group_name").and_then(Value::as_str) {
        id = id.replace("{resourceGroup}", group);
    }
    Some(id)
}

/// Sets the value at a `/` path, making the objects and arrays on the way.
fn set(root: &mut Value, path: &str, value: Value) {
    let steps: Vec<&str> = path.split('/').collect();
    let mut v = root;
    for (k, step) in steps.iter().enumerate() {
        let last = k + 1 == steps.len();
        let next = if last {
            value.clone()
        } else if steps[k + 1].parse::<usize>().is_ok() {
            Value::Array(Vec::new())
        } else {
            Value::Object(Map::new())
        };
        v = match step.parse::<usize>() {
            Ok(i) => {
                let Value::Array(items) = v else { return };
                while items.len() <= i {
                    items.push(Value::Null);
                }
                if last || items[i].is_null() {
                    items[i] = next;
                }
                &mut items[i]
            }
            Err(_) => {
                let Value::Object(map) = v else { return };
                let slot = map.entry(step.to_string()).or_insert(Value::Null);
                if last || slot.is_null() {
                    *slot = next;
                }
                slot
            }
        };
    }
}
