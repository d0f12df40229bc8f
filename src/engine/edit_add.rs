//! Adding an element to a plan (a module of `edit`): [`Edit::AddNode`](super::Edit::AddNode)
//! adds a node and the links that attach it, so that a remedy that needs an element the plan
//! does not have yet (a second ExpressRoute circuit) is an edit like the others.
//!
//! The new node's id is a suggestion: when a node of the plan already has it, the node gets
//! the first of `ID-2`, `ID-3`, … that none has, and the links that name the suggested id
//! follow it. Every link must have the new node at exactly one end; the edited plan must pass
//! the plan's own checks ([`check`]), or the edit is refused with the path and the reason.

use super::super::format::{check, valid_id};
use super::super::model::{Link, Node, Plan};

/// The id the new node gets in `plan`: `wanted`, or the first of `wanted-2`, `wanted-3`, …
/// that no node has (cut so that it stays a valid id).
pub fn free_id(plan: &Plan, wanted: &str) -> String {
    if plan.node(wanted).is_none() {
        return wanted.to_string();
    }
    (2..)
        .map(|i| {
            let suffix = format!("-{i}");
            let keep = wanted.len().min(64 - suffix.len());
            let cut = (0..=keep)
                .rev()
                .find(|&k| wanted.is_char_boundary(k))
                .unwrap_or(0);
            format!("{}{suffix}", &wanted[..cut])
        })
        .find(|id| plan.node(id).is_none())
        .unwrap_or_default()
}

/// Adds `node` and `links` (each with the node at one end) to `plan`.
pub(super) fn add_node(plan: &mut Plan, node: &Node, links: &[Link]) -> Result<(), String> {
    let wanted = &node.id;
    if !valid_id(wanted) {
        return Err(format!(
            "add_node.node.id: {wanted:?} is not a valid id: use 1-64 characters of a-z, 0-9, \
             `-` and `_`"
        ));
    }
    let id = free_id(plan, wanted);
    let mut added = Vec::with_capacity(links.len());
    for (i, l) in links.iter().enumerate() {
        let (from, to) = (&l.from == wanted, &l.to == wanted);
        if from == to {
            return Err(format!(
                "add_node.links[{i}]: one end (from or to) must be the new node {wanted:?}, and \
                 the other a node of the plan"
            ));
        }
        let mut l = l.clone();
        let end = if from { &mut l.from } else { &mut l.to };
        end.clone_from(&id);
        added.push(l);
    }
    let valid_before = check(plan).is_ok();
    let mut node = node.clone();
    node.id.clone_from(&id);
    let (nodes, first_link) = (plan.nodes.len(), plan.links.len());
    plan.nodes.push(node);
    plan.links.extend(added);
    if valid_before {
        if let Err(p) = check(plan) {
            let path = p.path();
            let at = if let Some(rest) = path.strip_prefix(&format!("nodes[{nodes}]")) {
                format!("add_node.node{rest}")
            } else if let Some(i) = path
                .strip_prefix("links[")
                .and_then(|r| r.split_once(']'))
                .and_then(|(i, rest)| Some((i.parse::<usize>().ok()?, rest)))
                .filter(|(i, _)| *i >= first_link)
            {
                format!("add_node.links[{}]{}", i.0 - first_link, i.1)
            } else {
                format!("add_node (the edited plan's {path})")
            };
            return Err(format!("{at}: {}", p.message));
        }
    }
    Ok(())
}
