//! The checks a plan passes once its JSON has the model's shape, without the text: the format
//! version, ids (valid, unique, known where referenced), fields that apply to their node or
//! link kind, and values a planner should question. [`read_plan`](super::read_plan) locates a
//! [`Problem`]'s path in the text for its line and column; the documentation widget, which
//! reads plans the page has already parsed, shows the path and the message.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::super::locate::{path, Step};
use super::super::model::{NodeKind, Plan};
use super::{QUOTE_CHARS, VERSION};

/// What is wrong with a plan, and where: the JSON path as steps, and a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, e.g. `[Key("links"), Index(3), Key("to")]`.
    pub steps: Vec<Step>,
    /// What is wrong, in a sentence.
    pub message: String,
}

impl Problem {
    /// The JSON path, e.g. `links[3].to`.
    pub fn path(&self) -> String {
        path(&self.steps)
    }
}

/// `links[3].to: unknown node id "b"`.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path(), self.message)
    }
}

/// A value from the plan for a message: quoted and escaped as Rust's `{:?}` does, and cut to
/// `QUOTE_CHARS` characters.
fn quoted(value: &str) -> String {
    match value.char_indices().nth(QUOTE_CHARS) {
        Some((cut, _)) => format!("{:?}…", &value[..cut]),
        None => format!("{value:?}"),
    }
}

fn problem(steps: &[Step], message: String) -> Problem {
    Problem {
        steps: steps.to_vec(),
        message,
    }
}

/// Checks a plan that has the model's shape: its version, ids, fields and questionable
/// values, in that order.
///
/// # Errors
/// The first [`Problem`] found.
pub fn check(plan: &Plan) -> Result<(), Problem> {
    if plan.reachplan != VERSION {
        let n = plan.reachplan;
        let message = if n > VERSION {
            format!(
                "this plan is format version {n}; this reachplan reads version {VERSION} \
                 (a newer reachplan wrote it)"
            )
        } else {
            format!("unknown format version {n}; this reachplan reads version {VERSION}")
        };
        return Err(problem(&[key("reachplan")], message));
    }
    ids(plan)?;
    fields(plan)?;
    questions(plan)
}

fn key(k: &str) -> Step {
    Step::Key(k.to_string())
}

/// Whether an id is 1-64 characters of `a-z 0-9 - _`.
pub fn valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

fn check_id(steps: Vec<Step>, id: &str) -> Result<(), Problem> {
    if valid_id(id) {
        return Ok(());
    }
    Err(problem(
        &steps,
        format!(
            "id {} is not valid: use 1-64 characters of a-z, 0-9, `-` and `_` (e.g. \"spoke-a\")",
            quoted(id)
        ),
    ))
}

fn ids(plan: &Plan) -> Result<(), Problem> {
    let mut wans = BTreeSet::new();
    for (i, wan) in plan.wans.iter().enumerate() {
        let at = vec![key("wans"), Step::Index(i), key("id")];
        check_id(at.clone(), &wan.id)?;
        if !wans.insert(wan.id.as_str()) {
            return Err(problem(&at, format!("duplicate wan id {:?}", wan.id)));
        }
    }
    let mut nodes: BTreeMap<&str, NodeKind> = BTreeMap::new();
    for (i, node) in plan.nodes.iter().enumerate() {
        let at = vec![key("nodes"), Step::Index(i), key("id")];
        check_id(at.clone(), &node.id)?;
        if nodes.insert(node.id.as_str(), node.kind).is_some() {
            return Err(problem(
                &at,
                format!(
                    "duplicate node id {:?}: every node needs its own id",
                    node.id
                ),
            ));
        }
        if let Some(wan) = &node.wan {
            if !wans.contains(wan.as_str()) {
                return Err(problem(
                    &[key("nodes"), Step::Index(i), key("wan")],
                    format!(
                        "unknown wan id {}{}",
                        quoted(wan),
                        known(wans.iter().copied())
                    ),
                ));
            }
        }
    }
    let mut links = BTreeSet::new();
    for (i, link) in plan.links.iter().enumerate() {
        if let Some(id) = &link.id {
            let at = vec![key("links"), Step::Index(i), key("id")];
            check_id(at.clone(), id)?;
            if !links.insert(id.as_str()) {
                return Err(problem(&at, format!("duplicate link id {id:?}")));
            }
        }
        for (end, id) in [("from", &link.from), ("to", &link.to)] {
            if !nodes.contains_key(id.as_str()) {
                return Err(problem(
                    &[key("links"), Step::Index(i), key(end)],
                    format!(
                        "unknown node id {}{}",
                        quoted(id),
                        known(nodes.keys().copied())
                    ),
                ));
            }
        }
    }
    for (list, pairs) in [
        (
            "intents",
            plan.intents
                .iter()
                .map(|x| (&x.from, &x.to))
                .collect::<Vec<_>>(),
        ),
        (
            "flows",
            plan.flows.iter().map(|x| (&x.from, &x.to)).collect(),
        ),
    ] {
        for (i, (from, to)) in pairs.into_iter().enumerate() {
            for (end, id) in [("from", from), ("to", to)] {
                let at = [key(list), Step::Index(i), key(end)];
                match nodes.get(id.as_str()) {
                    None => {
                        return Err(problem(&at,
                            format!("unknown node id {}{}", quoted(id), known(nodes.keys().copied())),
                        ))
                    }
                    Some(kind) if !kind.is_endpoint() => {
                        return Err(problem(&at,
                            format!(
                                "{id:?} is a {kind} node, which carries traffic but is not an \
                                 endpoint; name a site, users, vnet, cloud, microsoft or internet node"
                            ),
                        ))
                    }
                    Some(_) => {}
                }
            }
        }
    }
    Ok(())
}

fn known<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let ids: Vec<&str> = ids.collect();
    if ids.is_empty() {
        return String::new();
    }
    let shown: Vec<&str> = ids.iter().take(12).copied().collect();
    let more = if ids.len() > shown.len() { ", …" } else { "" };
    format!(" (known: {}{more})", shown.join(", "))
}

fn fields(plan: &Plan) -> Result<(), Problem> {
    for (i, node) in plan.nodes.iter().enumerate() {
        let allowed = node.kind.own_fields();
        for field in node.present_own_fields() {
            if !allowed.contains(&field) {
                return Err(problem(
                    &[key("nodes"), Step::Index(i), key(field)],
                    format!(
                        "field `{field}` does not apply to a node of kind {}{}",
                        node.kind,
                        fields_hint(allowed)
                    ),
                ));
            }
        }
        if node.kind == NodeKind::Cloud {
            if let Some(p) = &node.provider {
                if !["aws", "gcp", "oci", "other"].contains(&p.as_str()) {
                    return Err(problem(
                        &[key("nodes"), Step::Index(i), key("provider")],
                        format!(
                            "unknown cloud provider {}, expected one of aws, gcp, oci, other",
                            quoted(p)
                        ),
                    ));
                }
            }
        }
    }
    for (i, link) in plan.links.iter().enumerate() {
        let allowed = link.kind.own_fields();
        for field in link.present_own_fields() {
            if !allowed.contains(&field) {
                return Err(problem(
                    &[key("links"), Step::Index(i), key(field)],
                    format!(
                        "field `{field}` does not apply to a link of kind {}{}",
                        link.kind,
                        fields_hint(allowed)
                    ),
                ));
            }
        }
    }
    Ok(())
}

fn fields_hint(allowed: &[&str]) -> String {
    if allowed.is_empty() {
        String::new()
    } else {
        format!(" (its own fields are: {})", allowed.join(", "))
    }
}

/// Values a planner should question, refused when a plan is read: an intent or a flow from an
/// endpoint to itself (reachplan answers pairs of two endpoints, so it would say nothing), and
/// a demand that is not a positive number of Mbps (per user, or per flow). Each error names the
/// JSON path. (Prefixes with host bits or leading zeros are refused by `Cidr::parse`; a key
/// written twice in one object by `duplicates`; numbers JSON cannot hold, such as `1e400`, by
/// the JSON reader.)
fn questions(plan: &Plan) -> Result<(), Problem> {
    let err = problem;
    let key = |k: &str| Step::Key(k.to_string());
    for (i, node) in plan.nodes.iter().enumerate() {
        if let (NodeKind::Users, Some(mbps)) = (node.kind, node.mbps_per_user) {
            if mbps.is_nan() || mbps <= 0.0 {
                return Err(err(
                    &[key("nodes"), Step::Index(i), key("mbps_per_user")],
                    format!(
                        "mbps_per_user is {mbps}: the demand of one user is a positive number \
                         of Mbps (leave it out for the default of 2)"
                    ),
                ));
            }
        }
    }
    for (i, intent) in plan.intents.iter().enumerate() {
        if intent.from == intent.to {
            return Err(err(
                &[key("intents"), Step::Index(i), key("to")],
                format!(
                    "an intent from {:?} to itself: intents are about two different endpoints",
                    intent.from
                ),
            ));
        }
    }
    for (i, flow) in plan.flows.iter().enumerate() {
        if flow.from == flow.to {
            return Err(err(
                &[key("flows"), Step::Index(i), key("to")],
                format!(
                    "a flow from {:?} to itself: a flow goes between two different endpoints",
                    flow.from
                ),
            ));
        }
        if let Some(mbps) = flow.mbps {
            if mbps.is_nan() || mbps <= 0.0 {
                return Err(err(
                    &[key("flows"), Step::Index(i), key("mbps")],
                    format!("mbps is {mbps}: a flow's demand is a positive number of Mbps"),
                ));
            }
        }
    }
    Ok(())
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
            include_str!("../../../www/examples/users-to-azure.json"),
            include_str!("../../../www/examples/hub-spoke-firewall.json"),
            include_str!("../../../www/examples/vwan-two-hubs.json"),
            include_str!("../../../www/examples/expressroute-global-reach.json"),
            include_str!("../../../www/examples/multicloud-aws-oci.json"),
        ] {
            assert_eq!(check(&parse(text)), Ok(()));
        }
    }

    /// A plan parsed without the reader (as the widget gets it from the page) is refused at
    /// the path and with the message the reader gives.
    #[test]
    fn a_parsed_plan_is_refused_as_the_reader_refuses_it() {
        let cases = [
            r#"{"reachplan": 1, "nodes": [{"id": "A", "kind": "site"}]}"#,
            r#"{"reachplan": 1, "nodes": [{"id": "a", "kind": "site"}, {"id": "a", "kind": "site"}]}"#,
            r#"{"reachplan": 1, "nodes": [{"id": "a", "kind": "site"}],
                "links": [{"kind": "s2s", "from": "a", "to": "b"}]}"#,
            r#"{"reachplan": 1, "nodes": [{"id": "a", "kind": "site"}, {"id": "er", "kind": "expressroute"}],
                "intents": [{"from": "a", "to": "er", "expect": "reachable"}]}"#,
            r#"{"reachplan": 1, "nodes": [{"id": "a", "kind": "site", "count": 40}]}"#,
            r#"{"reachplan": 1, "nodes": [{"id": "a", "kind": "site"}],
                "intents": [{"from": "a", "to": "a", "expect": "reachable"}]}"#,
            r#"{"reachplan": 1, "nodes": [{"id": "u", "kind": "users", "mbps_per_user": 0}]}"#,
        ];
        for text in cases {
            let read = read_plan(text).unwrap_err();
            let problem = check(&parse(text)).unwrap_err();
            assert_eq!((problem.path(), problem.message), (read.path, read.message));
        }
        let newer = check(&parse(r#"{"reachplan": 2, "nodes": []}"#)).unwrap_err();
        assert_eq!(newer.path(), "reachplan");
        assert!(newer
            .to_string()
            .starts_with("reachplan: this plan is format version 2"));
    }
}
