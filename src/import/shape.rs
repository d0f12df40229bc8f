//! The input shapes, recognised by their look: one ARM resource, an array of them, a REST list
//! (`{"value": [...]}`), Azure Resource Graph output (`{"data": [...]}`), an ARM template, a
//! template's parameters file, and Terraform's plan JSON. Each becomes a list of
//! [`Resource`]s; the children Azure embeds in their parents (a VNet's peerings, a circuit's
//! peerings) become resources of their own.

use serde_json::{Map, Value};

use super::ids;
use super::report::{ImportReport, NoteKind};
use super::resource::{text, Resource};

/// What a file is.
pub(crate) enum Shape {
    /// Resources as Azure returns them.
    Resources,
    /// An ARM template.
    Template,
    /// A template's parameters file.
    Parameters,
    /// `terraform show -json` of a plan or a state.
    Terraform,
}

/// Recognises the shape of a parsed file; `None` when it is none of them.
pub(crate) fn recognise(doc: &Value) -> Option<Shape> {
    let Value::Object(map) = doc else {
        return doc.is_array().then_some(Shape::Resources);
    };
    let schema = map
        .get("$schema")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_ascii_lowercase();
    if schema.contains("deploymentparameters") {
        return Some(Shape::Parameters);
    }
    if schema.contains("deploymenttemplate")
        || (map.contains_key("resources") && map.contains_key("contentVersion"))
    {
        return Some(Shape::Template);
    }
    if map.contains_key("parameters") && map.contains_key("contentVersion") {
        return Some(Shape::Parameters);
    }
    if map.contains_key("format_version")
        && [
            "planned_values",
            "values",
            "resource_changes",
            "prior_state",
        ]
        .iter()
        .any(|k| map.contains_key(*k))
    {
        return Some(Shape::Terraform);
    }
    let list = |k: &str| map.get(k).is_some_and(Value::is_array);
    (list("data") || list("value") || is_resource(map)).then_some(Shape::Resources)
}

fn is_resource(map: &Map<String, Value>) -> bool {
    map.get("type").is_some_and(Value::is_string)
        && (map.get("name").is_some_and(Value::is_string)
            || map.get("id").is_some_and(Value::is_string))
}

/// The resources of a `Resources` document, with their JSON paths.
pub(crate) fn resources(file: &str, doc: &Value, report: &mut ImportReport) -> Vec<Resource> {
    let mut out = Vec::new();
    let (items, prefix): (Vec<&Value>, &str) = match doc {
        Value::Array(items) => (items.iter().collect(), ""),
        Value::Object(map) => match (map.get("data"), map.get("value")) {
            (Some(Value::Array(items)), _) => (items.iter().collect(), "data"),
            (_, Some(Value::Array(items))) => (items.iter().collect(), "value"),
            _ => (vec![doc], "."),
        },
        _ => (Vec::new(), ""),
    };
    for (i, item) in items.into_iter().enumerate() {
        let path = if prefix == "." {
            ".".to_string()
        } else {
            format!("{prefix}[{i}]")
        };
        push(file, &path, item, None, &mut out, report);
    }
    out
}

/// The children Azure embeds in a parent's properties: (parent type, property, child type).
const EMBEDDED: &[(&str, &str, &str)] = &[
    (
        "virtualnetworks",
        "virtualNetworkPeerings",
        "virtualNetworkPeerings",
    ),
    ("expressroutecircuits", "peerings", "peerings"),
    (
        "expressroutecircuits/peerings",
        "connections",
        "connections",
    ),
    ("vpngateways", "connections", "vpnConnections"),
    (
        "expressroutegateways",
        "expressRouteConnections",
        "expressRouteConnections",
    ),
];

/// Adds one resource (and its embedded children) to `out`; reports what is not a resource.
pub(crate) fn push(
    file: &str,
    path: &str,
    item: &Value,
    parent: Option<&Resource>,
    out: &mut Vec<Resource>,
    report: &mut ImportReport,
) {
    let Some(resource) = resource(file, path, item, parent) else {
        report.note(
            NoteKind::Problem,
            file,
            path,
            "not an Azure resource (an object with a `type` and a `name` or `id`); left out"
                .to_string(),
        );
        return;
    };
    let kind = resource.kind();
    let mut children = Vec::new();
    for (parent_type, property, _) in EMBEDDED {
        if !kind.ends_with(&format!("microsoft.network/{parent_type}")) {
            continue;
        }
        if let Some(Value::Array(items)) = resource.at(&format!("properties/{property}")) {
            for (i, child) in items.iter().enumerate() {
                children.push((format!("{path}.properties.{property}[{i}]"), child.clone()));
            }
        }
    }
    out.push(resource.clone());
    for (child_path, child) in children {
        push(file, &child_path, &child, Some(&resource), out, report);
    }
}

/// A resource from its object; a child without a type takes it from its parent.
fn resource(file: &str, path: &str, item: &Value, parent: Option<&Resource>) -> Option<Resource> {
    let map = item.as_object()?;
    let id = map.get("id").and_then(text).map(str::to_string);
    let from_id = id.as_deref().and_then(ids::parse);
    let rtype = match (map.get("type").and_then(text), &from_id, parent) {
        (Some(t), _, _) => t.to_string(),
        (None, Some((t, _)), _) => t.clone(),
        (None, None, Some(p)) => {
            let kind = p.kind();
            let (_, _, child) = EMBEDDED.iter().find(|(t, _, _)| kind.ends_with(t))?;
            format!("{}/{child}", p.rtype)
        }
        _ => return None,
    };
    let name = match (&from_id, map.get("name").and_then(text), parent) {
        (Some((_, n)), _, _) => n.clone(),
        (None, Some(n), Some(p)) if !n.contains('/') => format!("{}/{n}", p.name),
        (None, Some(n), _) => n.to_string(),
        _ => return None,
    };
    let rtype = match parent {
        // A nested child's type may be written short (`virtualNetworkPeerings`).
        Some(p) if !rtype.contains('/') => format!("{}/{rtype}", p.rtype),
        _ => rtype,
    };
    let id = id.unwrap_or_else(|| ids::build(&rtype, &name));
    Some(Resource {
        file: file.to_string(),
        path: path.to_string(),
        rtype,
        name,
        id,
        body: unflattened(map),
    })
}

/// What a resource carries beside its `properties` in ARM's shape.
const ENVELOPE: &[&str] = &[
    "id",
    "name",
    "type",
    "location",
    "tags",
    "etag",
    "resourceGroup",
    "subscriptionId",
    "tenantId",
    "sku",
    "zones",
    "identity",
    "kind",
    "extendedLocation",
    "managedBy",
    "plan",
    "apiVersion",
];

/// The Azure CLI prints a resource's properties beside its name (`az network vnet list`
/// writes `addressSpace` and `virtualNetworkPeerings` at the top, each peering flattened
/// too): such an object is put back in ARM's shape, its other keys under `properties`.
fn unflattened(map: &Map<String, Value>) -> Value {
    if map.contains_key("properties") || map.keys().all(|k| ENVELOPE.contains(&k.as_str())) {
        return Value::Object(map.clone());
    }
    let (mut top, mut properties) = (Map::new(), Map::new());
    for (k, v) in map {
        if ENVELOPE.contains(&k.as_str()) {
            top.insert(k.clone(), v.clone());
        } else {
            properties.insert(k.clone(), v.clone());
        }
    }
    top.insert("properties".to_string(), Value::Object(properties));
    Value::Object(top)
}
