//! The checks a plan passes before the widget shows it: the format version, ids (valid,
//! unique, known where referenced) and fields that apply to their node or link kind.
//!
//! These are the checks of `engine::format::read_plan` that come after the JSON shape. The
//! widget reads plans that the page has already parsed (`JSON.parse`), through
//! serde-wasm-bindgen, so that the JSON reader and its error locator stay out of its build;
//! its messages therefore name the JSON path but not the line. The tests check that it
//! rejects what `read_plan` rejects.

use std::collections::{BTreeMap, BTreeSet};

use crate::engine::format::valid_id;
use crate::engine::model::{NodeKind, Plan};

/// The plan format version the widget reads.
pub const VERSION: u32 = 1;

fn id_ok(at: String, id: &str) -> Result<(), String> {
    if valid_id(id) {
        Ok(())
    } else {
        Err(format!(
            "{at}: id {id:?} is not valid: use 1-64 characters of a-z, 0-9, `-` and `_`"
        ))
    }
}

fn ids(plan: &Plan) -> Result<(), String> {
    let mut wans = BTreeSet::new();
    for (i, wan) in plan.wans.iter().enumerate() {
        id_ok(format!("wans[{i}].id"), &wan.id)?;
        if !wans.insert(wan.id.as_str()) {
            return Err(format!("wans[{i}].id: duplicate wan id {:?}", wan.id));
        }
    }
    let mut nodes: BTreeMap<&str, NodeKind> = BTreeMap::new();
    for (i, node) in plan.nodes.iter().enumerate() {
        id_ok(format!("nodes[{i}].id"), &node.id)?;
        if nodes.insert(node.id.as_str(), node.kind).is_some() {
            return Err(format!("nodes[{i}].id: duplicate node id {:?}", node.id));
        }
        if let Some(wan) = &node.wan {
            if !wans.contains(wan.as_str()) {
                return Err(format!("nodes[{i}].wan: unknown wan id {wan:?}"));
            }
        }
    }
    let mut links = BTreeSet::new();
    for (i, link) in plan.links.iter().enumerate() {
        if let Some(id) = &link.id {
            id_ok(format!("links[{i}].id"), id)?;
            if !links.insert(id.as_str()) {
                return Err(format!("links[{i}].id: duplicate link id {id:?}"));
            }
        }
        for (end, id) in [("from", &link.from), ("to", &link.to)] {
            if !nodes.contains_key(id.as_str()) {
                return Err(format!("links[{i}].{end}: unknown node id {id:?}"));
            }
        }
    }
    let intents = plan.intents.iter().map(|x| ("intents", &x.from, &x.to));
    let flows = plan.flows.iter().map(|x| ("flows", &x.from, &x.to));
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (list, from, to) in intents.chain(flows) {
        let i = index.entry(list).or_default();
        for (end, id) in [("from", from), ("to", to)] {
            match nodes.get(id.as_str()) {
                None => return Err(format!("{list}[{i}].{end}: unknown node id {id:?}")),
                Some(kind) if !kind.is_endpoint() => {
                    return Err(format!(
                        "{list}[{i}].{end}: {id:?} is a {kind} node, which is not an endpoint"
                    ))
                }
                Some(_) => {}
            }
        }
        *i += 1;
    }
    Ok(())
}

fn fields(plan: &Plan) -> Result<(), String> {
    for (i, node) in plan.nodes.iter().enumerate() {
        let allowed = node.kind.own_fields();
        if let Some(field) = node
            .present_own_fields()
            .into_iter()
            .find(|f| !allowed.contains(f))
        {
            return Err(format!(
                "nodes[{i}].{field}: field `{field}` does not apply to a node of kind {}",
                node.kind
            ));
        }
        if let (NodeKind::Cloud, Some(p)) = (node.kind, &node.provider) {
            if !["aws", "gcp", "oci", "other"].contains(&p.as_str()) {
                return Err(format!(
                    "nodes[{i}].provider: unknown cloud provider {p:?}, expected one of aws, gcp, oci, other"
                ));
            }
        }
    }
    for (i, link) in plan.links.iter().enumerate() {
        let allowed = link.kind.own_fields();
        if let Some(field) = link
            .present_own_fields()
            .into_iter()
            .find(|f| !allowed.contains(f))
        {
            return Err(format!(
                "links[{i}].{field}: field `{field}` does not apply to a link of kind {}",
                link.kind
            ));
        }
    }
    Ok(())
}

/// Checks a plan read from JSON; the error says where and what.
pub fn plan(plan: &Plan) -> Result<(), String> {
    if plan.reachplan != VERSION {
        return Err(format!(
            "reachplan: format version {} is not one this widget reads (it reads {VERSION})",
            plan.reachplan
        ));
    }
    ids(plan)?;
    fields(plan)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::engine::read_plan;

    fn parse(text: &str) -> Plan {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn every_example_passes() {
        for text in [
            include_str!("../../www/examples/users-to-azure.json"),
            include_str!("../../www/examples/users-to-azure-and-onprem.json"),
            include_str!("../../www/examples/hub-spoke-firewall.json"),
            include_str!("../../www/examples/vwan-two-hubs.json"),
            include_str!("../../www/examples/expressroute-global-reach.json"),
            include_str!("../../www/examples/multicloud-aws-oci.json"),
        ] {
            assert_eq!(plan(&parse(text)), Ok(()));
        }
    }

    #[test]
    fn rejects_what_the_reader_rejects() {
        let cases = [
            (r#"{"reachplan": 2, "nodes": []}"#, "reachplan"),
            (
                r#"{"reachplan": 1, "nodes": [{"id": "A", "kind": "site"}]}"#,
                "nodes[0].id",
            ),
            (
                r#"{"reachplan": 1, "nodes": [{"id": "a", "kind": "site"}, {"id": "a", "kind": "site"}]}"#,
                "nodes[1].id",
            ),
            (
                r#"{"reachplan": 1, "nodes": [{"id": "a", "kind": "site"}], "links": [{"kind": "s2s", "from": "a", "to": "b"}]}"#,
                "links[0].to",
            ),
            (
                r#"{"reachplan": 1, "nodes": [{"id": "a", "kind": "site"}, {"id": "er", "kind": "expressroute"}],
                    "intents": [{"from": "a", "to": "er", "expect": "reachable"}]}"#,
                "intents[0].to",
            ),
            (
                r#"{"reachplan": 1, "nodes": [{"id": "a", "kind": "site", "count": 40}]}"#,
                "nodes[0].count",
            ),
        ];
        for (text, at) in cases {
            assert!(read_plan(text).is_err(), "{text}");
            let err = plan(&parse(text)).unwrap_err();
            assert!(err.starts_with(at), "{err} should start with {at}");
        }
    }
}
