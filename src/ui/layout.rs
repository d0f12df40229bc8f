//! Where the diagram draws each node: the plan's own position, or an automatic one by role.
//!
//! The automatic layout reads left to right as traffic usually flows: on-premises sites, users
//! and the internet on the left; circuits next; hubs (Virtual WAN hubs and VNets with gateways,
//! a firewall or peered spokes) in the middle; spokes, other clouds and Microsoft on the right.

use std::collections::BTreeSet;

use crate::engine::model::{LinkKind, Node, NodeKind, Plan, Position};

/// Width of a node's box in diagram units.
pub const NODE_W: f64 = 184.0;
/// Height of a node's box in diagram units.
pub const NODE_H: f64 = 56.0;
/// Horizontal distance between columns.
pub const COLUMN_GAP: f64 = 250.0;
/// Vertical distance between rows.
pub const ROW_GAP: f64 = 96.0;
const ORIGIN: f64 = 100.0;

/// The column of a node in the automatic layout (0 = left).
pub fn column(plan: &Plan, node: &Node) -> usize {
    match node.kind {
        NodeKind::Site | NodeKind::Users | NodeKind::Internet => 0,
        NodeKind::Expressroute => 1,
        NodeKind::VwanHub => 2,
        NodeKind::Vnet if is_hub(plan, node) => 2,
        NodeKind::Vnet | NodeKind::Cloud | NodeKind::Microsoft => 3,
    }
}

/// Whether a VNet plays the hub: it has a gateway, a firewall or a Route Server, or spokes
/// peer with it and use its gateways or firewall.
pub fn is_hub(plan: &Plan, node: &Node) -> bool {
    if node.vpn_gateway.is_some()
        || node.er_gateway.is_some()
        || node.firewall.is_some()
        || node.route_server.is_some()
    {
        return true;
    }
    let peers: BTreeSet<&str> = crate::engine::order::set(
        plan.links
            .iter()
            .filter(|l| l.kind == LinkKind::Peering)
            .filter_map(|l| {
                if l.from == node.id {
                    Some(l.to.as_str())
                } else if l.to == node.id {
                    Some(l.from.as_str())
                } else {
                    None
                }
            }),
    );
    peers.len() >= 2
        && plan
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::Peering && l.from == node.id)
            .all(|l| l.use_remote_gateways != Some(true))
}

/// The most nodes stacked in one column; a role with more is laid out in several columns
/// side by side, so that a large plan's drawing stays wider than it is tall.
pub const WRAP: usize = 12;

/// The automatic position of every node, ignoring the positions in the plan.
pub fn auto(plan: &Plan) -> Vec<Position> {
    let columns: Vec<usize> = plan.nodes.iter().map(|n| column(plan, n)).collect();
    let mut counts = [0usize; 4];
    for &c in &columns {
        counts[c] += 1;
    }
    // Each role takes as many columns as it needs (a role the plan lacks, none: no empty
    // column widens the drawing and shrinks its text); roles follow each other left to right.
    let mut left = [0.0f64; 4];
    let mut x = ORIGIN;
    for c in 0..4 {
        left[c] = x;
        x += counts[c].div_ceil(WRAP) as f64 * COLUMN_GAP;
    }
    let rows_of = |c: usize| counts[c].min(WRAP);
    let tallest = (0..4).map(rows_of).max().unwrap_or(1).max(1);
    let mut placed = [0usize; 4];
    columns
        .iter()
        .map(|&c| {
            let (sub, row) = (placed[c] / WRAP, placed[c] % WRAP);
            placed[c] += 1;
            let offset = (tallest - rows_of(c)) as f64 * ROW_GAP / 2.0;
            Position {
                x: left[c] + sub as f64 * COLUMN_GAP,
                y: ORIGIN + offset + row as f64 * ROW_GAP,
            }
        })
        .collect()
}

/// Where to draw every node: its own position, or a free place in its column.
pub fn positions(plan: &Plan) -> Vec<Position> {
    if plan.nodes.iter().all(|n| n.position.is_none()) {
        return auto(plan);
    }
    let mut taken: Vec<Position> = plan.nodes.iter().filter_map(|n| n.position).collect();
    plan.nodes
        .iter()
        .map(|n| match n.position {
            Some(p) => p,
            None => {
                let x = ORIGIN + column(plan, n) as f64 * COLUMN_GAP;
                let mut y = ORIGIN;
                while taken
                    .iter()
                    .any(|p| (p.x - x).abs() < NODE_W && (p.y - y).abs() < NODE_H + 16.0)
                {
                    y += ROW_GAP;
                }
                let p = Position { x, y };
                taken.push(p);
                p
            }
        })
        .collect()
}

/// The box that holds every node, with a margin: (x, y, width, height).
pub fn bounds(positions: &[Position]) -> (f64, f64, f64, f64) {
    if positions.is_empty() {
        return (0.0, 0.0, 800.0, 400.0);
    }
    let margin = 40.0;
    let min_x = positions.iter().map(|p| p.x).fold(f64::INFINITY, f64::min) - NODE_W / 2.0;
    let max_x = positions
        .iter()
        .map(|p| p.x)
        .fold(f64::NEG_INFINITY, f64::max)
        + NODE_W / 2.0;
    let min_y = positions.iter().map(|p| p.y).fold(f64::INFINITY, f64::min) - NODE_H / 2.0;
    let max_y = positions
        .iter()
        .map(|p| p.y)
        .fold(f64::NEG_INFINITY, f64::max)
        + NODE_H / 2.0;
    let (w, h) = (max_x - min_x + 2.0 * margin, max_y - min_y + 2.0 * margin);
    // Keep a sensible minimum so that one node is not drawn huge.
    let (w2, h2) = (w.max(600.0), h.max(300.0));
    (
        min_x - margin - (w2 - w) / 2.0,
        min_y - margin - (h2 - h) / 2.0,
        w2,
        h2,
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::engine::read_plan;

    #[test]
    fn roles_put_users_left_hubs_middle_spokes_right() {
        let plan = read_plan(include_str!("../../www/examples/hub-spoke-firewall.json")).unwrap();
        let pos = auto(&plan);
        let x = |id: &str| pos[plan.nodes.iter().position(|n| n.id == id).unwrap()].x;
        assert!(x("remote-staff") < x("hub"));
        assert!(x("hq") < x("hub"));
        assert!(x("hub") < x("spoke-prod"));
        assert_eq!(x("spoke-prod"), x("spoke-dev"));
    }

    #[test]
    fn a_role_the_plan_lacks_leaves_no_empty_column() {
        // No circuit: the hub is one column right of the sites, not two.
        let plan = read_plan(include_str!("../../www/examples/hub-spoke-firewall.json")).unwrap();
        let pos = auto(&plan);
        let x = |id: &str| pos[plan.nodes.iter().position(|n| n.id == id).unwrap()].x;
        assert_eq!(x("hub") - x("hq"), COLUMN_GAP);
        assert_eq!(x("spoke-prod") - x("hub"), COLUMN_GAP);
    }

    #[test]
    fn unplaced_nodes_do_not_overlap_placed_ones() {
        let mut plan = read_plan(include_str!("../../www/examples/users-to-azure.json")).unwrap();
        plan.nodes
            .push(crate::engine::model::Node::new("extra", NodeKind::Users));
        let pos = positions(&plan);
        let last = pos[pos.len() - 1];
        for p in &pos[..pos.len() - 1] {
            assert!((p.x - last.x).abs() >= NODE_W || (p.y - last.y).abs() >= NODE_H);
        }
    }
}
