//! Positions by role, as the app's "Tidy layout" draws a plan: users and on-premises sites on
//! the left, circuits next, hubs (VNets with a gateway or firewall, Virtual WAN hubs) in the
//! middle, spokes and other clouds on the right.

use crate::engine::model::{Node, NodeKind, Plan, Position};

const COLUMN: f64 = 240.0;
const ROW: f64 = 110.0;

/// Gives every node a position by its role.
pub(crate) fn place(plan: &mut Plan) {
    let mut rows = [0usize; 5];
    for node in &mut plan.nodes {
        let column = role(node);
        let row = rows[column];
        rows[column] += 1;
        node.position = Some(Position {
            x: 40.0 + COLUMN * column as f64,
            y: 40.0 + ROW * row as f64,
        });
    }
}

fn role(node: &Node) -> usize {
    match node.kind {
        NodeKind::Users | NodeKind::Site => 0,
        NodeKind::Expressroute | NodeKind::Microsoft | NodeKind::Internet => 1,
        NodeKind::VwanHub => 2,
        NodeKind::Vnet
            if node.vpn_gateway.is_some()
                || node.er_gateway.is_some()
                || node.firewall.is_some()
                || node.route_server.is_some() =>
        {
            2
        }
        NodeKind::Vnet => 3,
        NodeKind::Cloud => 4,
    }
}
