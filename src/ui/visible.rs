//! Which nodes the diagram draws. Every node, up to [`DRAW_ALL_UP_TO`]; above that, a drawing of
//! thousands of boxes is neither readable nor quick, so the diagram shows the neighbourhood of
//! what is selected (a node or a link and its neighbours; a pair's path and the neighbours of
//! its ends), or, with nothing selected, the transit core: Virtual WAN hubs, circuits and the
//! best-connected networks. No rendering here.

use std::collections::{BTreeSet, HashMap};

use crate::engine::model::{NodeKind, Plan};
use crate::ui::path::Highlight;
use crate::ui::state::Selection;

/// The most nodes the diagram draws all of.
pub const DRAW_ALL_UP_TO: usize = 300;

/// The most nodes drawn of a larger plan.
pub const DRAWN_AT_MOST: usize = 120;

/// The ids of the nodes to draw, or `None` for all of them.
pub fn visible(
    plan: &Plan,
    selection: &Selection,
    highlight: Option<&Highlight>,
) -> Option<BTreeSet<String>> {
    if plan.nodes.len() <= DRAW_ALL_UP_TO {
        return None;
    }
    let mut neighbours: HashMap<&str, Vec<&str>> = HashMap::new();
    for link in &plan.links {
        neighbours.entry(&link.from).or_default().push(&link.to);
        neighbours.entry(&link.to).or_default().push(&link.from);
    }
    let mut core: Vec<&str> = Vec::new();
    let mut around: Vec<&str> = Vec::new();
    match selection {
        Selection::Node(id) => core.push(id),
        Selection::Nodes(ids) => core.extend(ids.iter().map(String::as_str)),
        Selection::Link(i) => {
            if let Some(link) = plan.links.get(*i) {
                core.extend([link.from.as_str(), link.to.as_str()]);
            }
        }
        Selection::Pair { from, to } => {
            core.extend([from.as_str(), to.as_str()]);
            if let Some(h) = highlight {
                core.extend(h.nodes.iter().map(String::as_str));
            }
        }
        Selection::None => {
            // The transit core: hubs and circuits first, then the networks with most links.
            let mut ranked: Vec<(u8, usize, &str)> = plan
                .nodes
                .iter()
                .map(|n| {
                    let rank = match n.kind {
                        NodeKind::VwanHub | NodeKind::Expressroute => 0,
                        _ => 1,
                    };
                    let degree = neighbours.get(n.id.as_str()).map_or(0, Vec::len);
                    (rank, usize::MAX - degree, n.id.as_str())
                })
                .collect();
            ranked.sort_unstable();
            around.extend(ranked.iter().map(|&(_, _, id)| id));
        }
    }
    let mut shown: BTreeSet<String> = BTreeSet::new();
    for id in &core {
        if plan.node(id).is_some() {
            shown.insert(id.to_string());
        }
    }
    // The core's neighbours, nearest first, until the diagram is full.
    for id in &core {
        for n in neighbours.get(id).into_iter().flatten() {
            if shown.len() >= DRAWN_AT_MOST {
                break;
            }
            shown.insert(n.to_string());
        }
    }
    for id in around {
        if shown.len() >= DRAWN_AT_MOST {
            break;
        }
        shown.insert(id.to_string());
    }
    Some(shown)
}

/// The part of `plan` made of the `shown` nodes and the links between them (no intents or
/// flows), to lay out on its own.
pub fn part(plan: &Plan, shown: &BTreeSet<String>) -> Plan {
    let mut part = Plan::new();
    part.wans = plan.wans.clone();
    part.nodes = plan
        .nodes
        .iter()
        .filter(|n| shown.contains(&n.id))
        .cloned()
        .collect();
    part.links = plan
        .links
        .iter()
        .filter(|l| shown.contains(&l.from) && shown.contains(&l.to))
        .cloned()
        .collect();
    part
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::generate::generate;

    #[test]
    fn small_plans_are_drawn_whole_and_large_ones_around_the_selection() {
        let small = generate(100, 1);
        assert_eq!(visible(&small, &Selection::None, None), None);
        let large = generate(1000, 1);
        let core = visible(&large, &Selection::None, None).unwrap();
        assert_eq!(core.len(), DRAWN_AT_MOST);
        let link = &large.links[0];
        let around = visible(&large, &Selection::Link(0), None).unwrap();
        assert!(around.contains(&link.from) && around.contains(&link.to));
        assert!(around.len() <= DRAWN_AT_MOST);
        let pair = Selection::Pair {
            from: "users-0".into(),
            to: "internet".into(),
        };
        let shown = visible(&large, &pair, None).unwrap();
        assert!(shown.contains("users-0") && shown.contains("internet"));
        let drawn = part(&large, &shown);
        assert_eq!(drawn.nodes.len(), shown.len());
        assert!(drawn
            .links
            .iter()
            .all(|l| shown.contains(&l.from) && shown.contains(&l.to)));
    }
}
