//! Two networks connected to one ExpressRoute circuit: their traffic would hairpin at the
//! circuit's edge (the Microsoft Enterprise Edge), which Azure allows only when the gateways at
//! both ends accept it.
//!
//! - Two VNets: VNet-to-VNet over ExpressRoute must be allowed on the gateway of each (R6.8,
//!   `allow_vnet_to_vnet`, "Allow traffic from remote virtual networks").
//! - A VNet and a Virtual WAN hub: the VNet's gateway must accept traffic from Virtual WAN
//!   networks (`allow_virtual_wan_traffic`, "Allow traffic from remote Virtual WAN networks";
//!   the VNet-to-VNet setting "does not support connectivity to Azure Virtual WAN") and the
//!   hub's ExpressRoute gateway traffic from non-Virtual-WAN networks
//!   (`allow_non_virtual_wan_traffic`, "Allow traffic from non Virtual WAN networks")
//!   (learn.microsoft.com/azure/expressroute/virtual-network-connectivity-guidance; the API's
//!   `allowVirtualWanTraffic` and `allowNonVirtualWanTraffic`). R6.8 is the rule.
//! - Two hubs: hubs of one virtual WAN meet over the hub mesh, hubs of two do not meet (R7.2).

use super::catalogue::{Code, Rule};
use super::decision::Decision;
use super::edit::Edit;
use super::model::NodeKind;
use super::rules::Block;
use super::topology::Net;

/// The decision for traffic from `p` to `q`, both connected to circuit `c`.
pub(super) fn er_hairpin(net: &Net, c: usize, p: usize, q: usize) -> Decision {
    let (cid, pid, qid) = (net.id(c), net.id(p), net.id(q));
    let hub = |n: usize| net.node(n).kind == NodeKind::VwanHub;
    match (hub(p), hub(q)) {
        (false, false) => vnets(net, c, p, q),
        (true, true) => Decision::Deny(Block::new(Rule::R7_2, Code::ErHubToHub,
            format!("{pid} and {qid} are Virtual WAN hubs: their traffic does not hairpin through circuit {cid}'s edge; hubs of one virtual WAN meet over the hub mesh."),
            Some(format!("Put {pid} and {qid} in one virtual WAN.")))),
        (true, false) => vnet_and_hub(net, c, q, p),
        (false, true) => vnet_and_hub(net, c, p, q),
    }
}

fn vnets(net: &Net, c: usize, p: usize, q: usize) -> Decision {
    let (cid, pid, qid) = (net.id(c), net.id(p), net.id(q));
    let blocked: Vec<&str> = [p, q]
        .into_iter()
        .filter(|&v| net.node(v).kind != NodeKind::Vnet || net.vnets[v].er != Some(true))
        .map(|v| net.id(v))
        .collect();
    if blocked.is_empty() {
        return Decision::Allow(None);
    }
    let nodes = blocked.iter().map(|s| s.to_string()).collect();
    Decision::Deny(Block::new(Rule::R6_8, Code::ErVnetToVnet,
        format!("Traffic between {pid} and {qid} would hairpin through circuit {cid}'s edge, and VNet-to-VNet over ExpressRoute is off on the gateway of {}.", blocked.join(" and ")),
        Some(format!("Peer {pid} with {qid} (recommended), or set allow_vnet_to_vnet on the ExpressRoute gateways of {}.", blocked.join(" and "))))
        .with_edit(Some(Edit::AllowErVnetToVnet { nodes })))
}

fn vnet_and_hub(net: &Net, c: usize, v: usize, h: usize) -> Decision {
    let (cid, vid, hid) = (net.id(c), net.id(v), net.id(h));
    let vnet_ok = net
        .node(v)
        .er_gateway
        .as_ref()
        .is_some_and(|g| g.allow_virtual_wan_traffic == Some(true));
    let hub_ok = net.node(h).allow_non_virtual_wan_traffic == Some(true);
    if vnet_ok && hub_ok {
        return Decision::Allow(None);
    }
    let mut off = Vec::new();
    if !vnet_ok {
        off.push(format!(
            "{vid}'s ExpressRoute gateway does not accept traffic from Virtual WAN networks"
        ));
    }
    if !hub_ok {
        off.push(format!(
            "hub {hid} does not accept traffic from non-Virtual-WAN networks"
        ));
    }
    Decision::Deny(Block::new(Rule::R6_8, Code::ErVirtualWanTraffic,
        format!("Traffic between {vid} and hub {hid} would hairpin through circuit {cid}'s edge, and {}.", off.join(", and ")),
        Some(format!("Connect {vid} to hub {hid} (recommended), or set allow_virtual_wan_traffic on {vid}'s ExpressRoute gateway and allow_non_virtual_wan_traffic on hub {hid}.")))
        .with_edit(Some(Edit::AllowErVirtualWanTraffic { vnet: vid.to_string(), hub: hid.to_string() })))
}
