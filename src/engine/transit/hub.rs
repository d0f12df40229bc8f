//! The forwarding rules of a Virtual WAN hub: what a hub passes between its VNet connections,
//! branches (S2S, P2S, ExpressRoute) and the other hubs of its WAN, by the way traffic entered
//! the WAN (R7.1, R7.3–R7.5, R7.11).

use super::super::catalogue::{Code, Rule};
use super::super::edit::Edit;
use super::super::model::{ErSku, LinkKind};
use super::super::rules::{AssumptionId, Block};
use super::super::topology::{Conn, ConnKind, Net};
use super::{add, allow, circuit_supports_transit, deny, deny_edit, Decision, Ingress};

/// How traffic arriving over `conn` enters the Virtual WAN at a hub.
pub fn ingress_of(hub: usize, conn: &Conn) -> Ingress {
    match conn.kind {
        ConnKind::Link(LinkKind::S2s) => Ingress::Vpn,
        ConnKind::Link(LinkKind::P2s) => Ingress::P2s,
        ConnKind::Link(LinkKind::ErConnection) => Ingress::Er(conn.other(hub)),
        _ => Ingress::Vnet,
    }
}

pub(super) fn hub(
    net: &Net,
    h: usize,
    arrived: &Conn,
    ingress: Option<Ingress>,
    out: &Conn,
) -> Decision {
    let facts = net.hubs[h];
    let hid = net.id(h);
    // Routing intent for internet traffic sends every connection's internet-bound traffic to
    // the hub's firewall (the backbone connection exists only then); the default route does
    // not cross to other hubs (learn.microsoft.com/azure/virtual-wan/how-to-routing-policies).
    if out.kind == ConnKind::Backbone || arrived.kind == ConnKind::Backbone {
        let local = arrived.kind != ConnKind::Mesh && arrived.kind != ConnKind::Backbone;
        return if local { allow() } else { Decision::Never };
    }
    let local = |i: Ingress| match i {
        Ingress::Er(c) => net.node(c).sku == Some(ErSku::Local),
        _ => false,
    };
    if out.kind == ConnKind::Mesh {
        if arrived.kind == ConnKind::Mesh {
            return Decision::Never;
        }
        let from = ingress.unwrap_or_else(|| ingress_of(h, arrived));
        return Decision::Allow(local(from).then_some(AssumptionId::LocalCircuitMesh));
    }
    let ingress = ingress.unwrap_or_else(|| ingress_of(h, arrived));
    let egress = ingress_of(h, out);

    let src = net.id(arrived.other(h));
    let dst = net.id(out.other(h));
    if !facts.standard {
        return match (ingress, egress) {
            (Ingress::Vpn, Ingress::Vnet) | (Ingress::Vnet, Ingress::Vpn) => Decision::Allow(Some(AssumptionId::BasicHubVnets)),
            (Ingress::Vnet, Ingress::Vnet) => deny(Rule::R7_1, Code::BasicVwanVnetTransit,
                format!("Hub {hid} is in a Basic virtual WAN, which has no VNet-to-VNet transit."),
                Some("Upgrade the virtual WAN to Standard, or peer the VNets.".to_string())),
            _ => Decision::Deny(Block::new(Rule::R7_1, Code::BasicVwanBranchTransit,
                format!("Hub {hid} is in a Basic virtual WAN, which carries S2S branches to its own VNets only, not branch to branch."),
                Some("Upgrade the virtual WAN to Standard.".to_string())).assuming(AssumptionId::BasicHubVnets)),
        };
    }
    if ingress == Ingress::Vnet || egress == Ingress::Vnet {
        let across = arrived.kind == ConnKind::Mesh && local(egress);
        return Decision::Allow(across.then_some(AssumptionId::LocalCircuitMesh));
    }
    if !facts.branch_to_branch {
        let wan = facts
            .wan
            .map(|w| net.plan.wans[w].id.as_str())
            .unwrap_or(hid);
        return Decision::Deny(Block::new(Rule::R7_4, Code::VwanBranchToBranchOff,
            format!("Branch-to-branch is off in virtual WAN {wan}, so branches ({src} and {dst}) do not reach each other through its hubs."),
            Some(format!("Set branch_to_branch to true on virtual WAN {wan}."))).with_edit(facts.wan.map(|w| Edit::EnableWanBranchToBranch { wan: net.plan.wans[w].id.clone() })).assuming(AssumptionId::BranchToBranchOff));
    }
    match (ingress, egress) {
        (Ingress::Er(a), Ingress::Er(b)) => deny_edit(Rule::R7_5, Code::VwanErToEr, format!("Virtual WAN does not pass traffic between two ExpressRoute circuits ({} and {}) by default.", net.id(a), net.id(b)), format!("Add Global Reach between circuits {} and {}.", net.id(a), net.id(b)), add(LinkKind::GlobalReach, net.id(a), net.id(b))),
        (Ingress::Er(c), _) | (_, Ingress::Er(c)) if !circuit_supports_transit(net, c) => deny(Rule::R7_4, Code::VwanErLocationNoTransit,
            format!("Circuit {} is at a peering location without Global Reach support, so Virtual WAN gives it no VPN-to-ExpressRoute branch transit.", net.id(c)),
            Some(format!("Use a circuit at a peering location where Global Reach is supported instead of {}.", net.id(c)))),
        _ => allow(),
    }
}
