//! Edits made by drawing on the diagram: moving one node or several together, duplicating a
//! node, deleting what is selected, and growing a selection of several nodes (Shift+click, a
//! rubber band). Pure plan and selection edits; the canvas turns pointer gestures into them.

use super::layout;
use super::ops;
use super::state::Selection;
use crate::engine::format::valid_id;
use crate::engine::model::{Plan, Position};

/// How far a duplicate is drawn from its original.
const COPY_OFFSET: f64 = 40.0;

/// Moves nodes to new places (rounded to whole units); the nodes that had no position get
/// the one they are drawn at, so that nothing else moves.
pub fn move_nodes(plan: &mut Plan, moves: &[(String, Position)]) {
    let drawn = layout::positions(plan);
    for (node, at) in plan.nodes.iter_mut().zip(drawn) {
        match moves.iter().find(|(id, _)| *id == node.id) {
            Some((_, p)) => {
                node.position = Some(Position {
                    x: p.x.round(),
                    y: p.y.round(),
                })
            }
            None if node.position.is_none() => node.position = Some(at),
            None => {}
        }
    }
}

/// An unused id for a copy of `id`: `id-copy`, `id-copy-2`, ... (cut to stay a valid id).
fn copy_id(plan: &Plan, id: &str) -> String {
    let base: String = id.chars().take(50).collect();
    (1..)
        .map(|i| match i {
            1 => format!("{base}-copy"),
            i => format!("{base}-copy-{i}"),
        })
        .find(|c| valid_id(c) && plan.node(c).is_none())
        .unwrap_or_else(|| ops::fresh_id(plan, "copy"))
}

/// Adds a copy of a node (its fields, not its links) beside it, named "… (copy)"; returns the
/// copy's id, or `None` when there is no such node.
pub fn duplicate(plan: &mut Plan, id: &str) -> Option<String> {
    let drawn = layout::positions(plan);
    let i = plan.nodes.iter().position(|n| n.id == id)?;
    let mut copy = plan.nodes[i].clone();
    copy.id = copy_id(plan, id);
    copy.name = copy.name.map(|n| format!("{n} (copy)"));
    let at = drawn[i];
    copy.position = Some(Position {
        x: at.x + COPY_OFFSET,
        y: at.y + COPY_OFFSET,
    });
    for (node, p) in plan.nodes.iter_mut().zip(drawn) {
        node.position.get_or_insert(p);
    }
    let new_id = copy.id.clone();
    plan.nodes.insert(i + 1, copy);
    Some(new_id)
}

/// Deletes what is selected (a node with what names it, a link, several nodes); false when
/// nothing deletable is selected.
pub fn delete_selected(plan: &mut Plan, selection: &Selection) -> bool {
    match selection {
        Selection::Node(id) if plan.node(id).is_some() => ops::delete_node(plan, id),
        Selection::Nodes(ids) if !ids.is_empty() => {
            for id in ids {
                ops::delete_node(plan, id);
            }
        }
        Selection::Link(i) if *i < plan.links.len() => {
            plan.links.remove(*i);
        }
        _ => return false,
    }
    true
}

/// The ids of the nodes a selection holds.
pub fn selected_nodes(selection: &Selection) -> Vec<String> {
    match selection {
        Selection::Node(id) => vec![id.clone()],
        Selection::Nodes(ids) => ids.clone(),
        _ => Vec::new(),
    }
}

/// A selection of these nodes: none, one, or several.
pub fn of_nodes(mut ids: Vec<String>) -> Selection {
    ids.dedup();
    match ids.len() {
        0 => Selection::None,
        1 => Selection::Node(ids.remove(0)),
        _ => Selection::Nodes(ids),
    }
}

/// The selection with a node added, or taken out when it was in it (Shift+click).
pub fn toggle(selection: &Selection, id: &str) -> Selection {
    let mut ids = selected_nodes(selection);
    match ids.iter().position(|n| n == id) {
        Some(at) => {
            ids.remove(at);
        }
        None => ids.push(id.to_string()),
    }
    of_nodes(ids)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::engine::{read_plan, write_plan};

    fn sample() -> Plan {
        read_plan(include_str!(
            "../../www/examples/users-to-azure-and-onprem.json"
        ))
        .unwrap()
    }

    #[test]
    fn a_duplicate_has_a_new_id_and_the_same_fields_and_no_links() {
        let mut plan = sample();
        let links = plan.links.len();
        let id = duplicate(&mut plan, "hub").unwrap();
        assert_eq!(id, "hub-copy");
        let (a, b) = (plan.node("hub").unwrap(), plan.node(&id).unwrap());
        assert_eq!((a.kind, &a.address_space), (b.kind, &b.address_space));
        assert_eq!(plan.links.len(), links);
        assert_eq!(duplicate(&mut plan, "hub").unwrap(), "hub-copy-2");
        assert!(duplicate(&mut plan, "nope").is_none());
        assert!(read_plan(&write_plan(&plan)).is_ok());
    }

    #[test]
    fn several_nodes_move_together_and_the_others_stay() {
        let mut plan = sample();
        let before = layout::positions(&plan);
        let moves = vec![
            ("hub".to_string(), Position { x: 10.4, y: 20.0 }),
            ("hq".to_string(), Position { x: -5.0, y: 7.6 }),
        ];
        move_nodes(&mut plan, &moves);
        assert!(
            plan.nodes.iter().all(|n| n.position.is_some()),
            "all pinned"
        );
        assert_eq!(
            plan.node("hq").unwrap().position,
            Some(Position { x: -5.0, y: 8.0 })
        );
        for ((node, p), was) in plan.nodes.iter().zip(layout::positions(&plan)).zip(before) {
            if node.id != "hub" && node.id != "hq" {
                assert_eq!(p, was, "{} stays", node.id);
            }
        }
    }

    #[test]
    fn shift_click_grows_and_shrinks_the_selection() {
        let one = toggle(&Selection::None, "hub");
        assert_eq!(one, Selection::Node("hub".into()));
        let two = toggle(&one, "hq");
        assert_eq!(two, Selection::Nodes(vec!["hub".into(), "hq".into()]));
        assert_eq!(toggle(&two, "hub"), Selection::Node("hq".into()));
    }

    #[test]
    fn deleting_the_selection_removes_nodes_or_a_link() {
        let mut plan = sample();
        let sel = Selection::Nodes(vec!["hub".into(), "hq".into()]);
        assert!(delete_selected(&mut plan, &sel));
        assert!(plan.node("hub").is_none() && plan.node("hq").is_none());
        assert!(read_plan(&write_plan(&plan)).is_ok());
        let mut plan = sample();
        let n = plan.links.len();
        assert!(delete_selected(&mut plan, &Selection::Link(0)));
        assert_eq!(plan.links.len(), n - 1);
        assert!(!delete_selected(&mut plan, &Selection::None));
    }
}
