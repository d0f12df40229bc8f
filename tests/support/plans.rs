//! Random valid plans for the property tests: random node kinds, each with only its own fields
//! (gateways, SKUs, flags, P2S configurations, circuit locations), links of random kinds between
//! random nodes (wrong kinds and self-links included), intents and flows between endpoints, and
//! address spaces that are either unique to their node or drawn from a small shared pool so that
//! overlaps are common (the values are drawn by `values`). Shared by `tests/properties.rs` and
//! `tests/agreement.rs`.

#![allow(dead_code)]

use super::values::*;

use proptest::prelude::*;
use proptest::sample::{select, Index};
use reachplan::engine::model::{
    Access, AppGateway, Bastion, BastionSku, Clients, ErGateway, ErSku, Expect, Firewall, Flow,
    FlowClass, Intent, Link, LinkKind, Node, NodeKind, P2sConfig, Plan, Position, Protocol,
    RouteServer, RoutingIntent, ScaleUnits, VirtualDesktop, VpnGateway, VpnType, Wan, WanType,
};

pub const KINDS: [NodeKind; 8] = [
    NodeKind::Site,
    NodeKind::Users,
    NodeKind::Vnet,
    NodeKind::VwanHub,
    NodeKind::Expressroute,
    NodeKind::Cloud,
    NodeKind::Microsoft,
    NodeKind::Internet,
];

/// Name, address space, region and position, which every kind takes.
pub type Common = (
    Option<String>,
    Vec<PrefixSpec>,
    Option<String>,
    Option<(f64, f64)>,
);

/// A VNet's gateways and services; the inner options are the services' own optional fields.
pub type VnetParts = (
    Option<VpnGateway>,
    Option<ErGateway>,
    Option<Firewall>,
    Option<Option<bool>>,
    Option<Option<BastionSku>>,
    Option<Option<bool>>,
    Option<Option<u32>>,
);

/// A hub's wan (by index), firewall, routing intent, scale units, P2S configuration and its
/// ExpressRoute gateway's setting for traffic from non-Virtual-WAN networks.
pub type HubParts = (
    Option<Index>,
    Option<Firewall>,
    Option<(bool, bool)>,
    Option<(Option<u32>, Option<u32>, Option<u32>)>,
    Option<P2sConfig>,
    Option<bool>,
);

/// Everything a node of any kind may carry; [`node`] keeps only what its kind takes.
#[derive(Debug, Clone)]
pub struct Bag {
    kind: NodeKind,
    common: Common,
    site: (Option<VpnType>, Option<u32>),
    users: (Option<u32>, Option<[Option<u32>; 5]>, Option<f64>),
    vnet: VnetParts,
    hub: HubParts,
    circuit: (Option<String>, Option<ErSku>, Option<u32>, Option<bool>),
    cloud: Option<String>,
}

pub fn bag() -> impl Strategy<Value = Bag> {
    let regions = select(vec![
        "westeurope",
        "northeurope",
        "eastus",
        "eastus2",
        "southeastasia",
        "uksouth",
        "nowhere",
    ]);
    let common = (
        opt(select(vec![
            "Hub <b>A</b>".to_string(),
            "<script>alert(1)</script>".to_string(),
            "line\nbreak \u{1b}[31mred".to_string(),
            "Ünïcode 🦀".to_string(),
        ])),
        prop::collection::vec(prefix_spec(), 0..3),
        opt(regions.prop_map(str::to_string)),
        opt((mbps(), mbps())),
    );
    let site = (
        opt(select(vec![VpnType::RouteBased, VpnType::PolicyBased])),
        opt(asn()),
    );
    let users = (
        opt(count()),
        opt(prop::array::uniform5(opt(count()))),
        opt(mbps()),
    );
    let vnet = (
        opt(vpn_gateway()),
        opt(er_gateway()),
        opt(firewall()),
        opt(opt_bool()),
        opt(opt(select(vec![
            BastionSku::Developer,
            BastionSku::Basic,
            BastionSku::Standard,
            BastionSku::Premium,
        ]))),
        opt(opt_bool()),
        opt(opt(1u32..100)),
    );
    let hub = (
        opt(any::<Index>()),
        opt(firewall()),
        opt((any::<bool>(), any::<bool>())),
        opt((opt(1u32..20), opt(1u32..20), opt(1u32..20))),
        opt(p2s()),
        opt_bool(),
    );
    let circuit = (
        opt(select(vec![
            "Amsterdam",
            "Amsterdam2",
            "Dublin",
            "London",
            "Singapore",
            "Nowhere",
        ])
        .prop_map(str::to_string)),
        opt(select(vec![ErSku::Local, ErSku::Standard, ErSku::Premium])),
        opt(select(vec![50u32, 1000, 10_000, 100_000])),
        opt_bool(),
    );
    let cloud = opt(select(vec!["aws", "gcp", "oci", "other"]).prop_map(str::to_string));
    (
        select(KINDS.to_vec()),
        common,
        site,
        users,
        vnet,
        hub,
        circuit,
        cloud,
    )
        .prop_map(
            |(kind, common, site, users, vnet, hub, circuit, cloud)| Bag {
                kind,
                common,
                site,
                users,
                vnet,
                hub,
                circuit,
                cloud,
            },
        )
}

pub fn node(i: usize, bag: &Bag, wans: usize) -> Node {
    let mut n = Node::new(&format!("n{i}"), bag.kind);
    let (name, space, region, position) = &bag.common;
    n.name.clone_from(name);
    n.address_space = (!space.is_empty()).then(|| space.iter().map(|s| prefix(i, s)).collect());
    n.region.clone_from(region);
    n.position = position.map(|(x, y)| Position { x, y });
    match bag.kind {
        NodeKind::Site => (n.vpn_device, n.asn) = bag.site,
        NodeKind::Users => {
            n.count = bag.users.0;
            n.clients = bag.users.1.map(|c| Clients {
                windows: c[0],
                macos: c[1],
                linux: c[2],
                ios: c[3],
                android: c[4],
            });
            // A demand of 0 or less is refused by the reader.
            n.mbps_per_user = bag.users.2.filter(|&m| m > 0.0);
        }
        NodeKind::Vnet => {
            let (vpn, er, fw, rs, bastion, app, avd) = bag.vnet.clone();
            n.vpn_gateway = vpn;
            n.er_gateway = er;
            n.firewall = fw;
            n.route_server = rs.map(|branch_to_branch| RouteServer { branch_to_branch });
            n.bastion = bastion.map(|sku| Bastion { sku });
            n.app_gateway = app.map(|waf| AppGateway {
                sku: Some("v2".into()),
                waf,
            });
            n.virtual_desktop = avd.map(|hosts| VirtualDesktop { hosts });
        }
        NodeKind::VwanHub => {
            let (wan, fw, intent, units, p2s, non_vwan) = bag.hub.clone();
            n.wan = wan
                .filter(|_| wans > 0)
                .map(|w| format!("w{}", w.index(wans)));
            n.firewall = fw;
            n.routing_intent =
                intent.map(|(private, internet)| RoutingIntent { private, internet });
            n.scale_units = units.map(|(s2s, p2s, er)| ScaleUnits { s2s, p2s, er });
            n.p2s = p2s;
            n.allow_non_virtual_wan_traffic = non_vwan;
        }
        NodeKind::Expressroute => {
            (n.location, n.sku, n.bandwidth_mbps, n.direct) = bag.circuit.clone();
        }
        NodeKind::Cloud => n.provider.clone_from(&bag.cloud),
        NodeKind::Microsoft | NodeKind::Internet => {}
    }
    n
}

/// A link between two nodes chosen by index, with the fields of its kind: most often between
/// nodes of the kinds that its kind joins, else between any two nodes (self-links included).
#[derive(Debug, Clone)]
pub struct LinkSpec {
    fits: bool,
    kind: LinkKind,
    from: Index,
    to: Index,
    flags: [Option<bool>; 4],
    bgp: Option<bool>,
    protocol: Option<Protocol>,
}

pub fn link_spec() -> impl Strategy<Value = LinkSpec> {
    (
        prop::bool::weighted(0.8),
        select(LinkKind::ALL.to_vec()),
        any::<Index>(),
        any::<Index>(),
        prop::array::uniform4(opt_bool()),
        opt_bool(),
        opt(protocol()),
    )
        .prop_map(|(fits, kind, from, to, flags, bgp, protocol)| LinkSpec {
            fits,
            kind,
            from,
            to,
            flags,
            bgp,
            protocol,
        })
}

pub fn link(plan: &Plan, spec: &LinkSpec) -> Option<Link> {
    let n = plan.nodes.len();
    if n == 0 {
        return None;
    }
    let (froms, tos) = spec.kind.ends();
    let of = |kinds: &[NodeKind]| -> Vec<&str> {
        plan.nodes
            .iter()
            .filter(|n| kinds.contains(&n.kind))
            .map(|n| n.id.as_str())
            .collect()
    };
    let (a, b) = (of(froms), of(tos));
    let (from, to) = if spec.fits && !a.is_empty() && !b.is_empty() {
        (a[spec.from.index(a.len())], b[spec.to.index(b.len())])
    } else {
        (
            plan.nodes[spec.from.index(n)].id.as_str(),
            plan.nodes[spec.to.index(n)].id.as_str(),
        )
    };
    let mut l = Link::new(spec.kind, from, to);
    match spec.kind {
        LinkKind::Peering => {
            [
                l.use_remote_gateways,
                l.allow_gateway_transit,
                l.allow_forwarded_traffic,
                l.route_via_firewall,
            ] = spec.flags;
        }
        LinkKind::S2s => l.bgp = spec.bgp,
        LinkKind::P2s => l.protocol = spec.protocol,
        _ => {}
    }
    Some(l)
}

pub type PairSpec = (Index, Index, bool, Option<Access>);

/// Random valid plans of up to `max_nodes` nodes and `max_links` links.
pub fn plans(max_nodes: usize, max_links: usize) -> impl Strategy<Value = Plan> {
    (
        prop::collection::vec(
            (select(vec![WanType::Basic, WanType::Standard]), opt_bool()),
            0..3,
        ),
        prop::collection::vec(bag(), 0..=max_nodes),
        prop::collection::vec(link_spec(), 0..=max_links),
        prop::collection::vec(
            (
                any::<Index>(),
                any::<Index>(),
                any::<bool>(),
                opt(select(vec![
                    Access::Network,
                    Access::Desktop,
                    Access::RdpSsh,
                    Access::Https,
                    Access::None,
                ])),
            ),
            0..4,
        ),
        opt(select(vec![
            "T <i>title</i>".to_string(),
            "\u{1b}]0;title\u{7}".to_string(),
        ])),
    )
        .prop_map(|(wans, bags, links, pairs, title)| build(wans, &bags, &links, &pairs, title))
}

pub fn build(
    wans: Vec<(WanType, Option<bool>)>,
    bags: &[Bag],
    links: &[LinkSpec],
    pairs: &[PairSpec],
    title: Option<String>,
) -> Plan {
    let mut plan = Plan::new();
    plan.title = title;
    plan.wans = wans
        .into_iter()
        .enumerate()
        .map(|(i, (wan_type, branch_to_branch))| Wan {
            id: format!("w{i}"),
            name: None,
            wan_type,
            branch_to_branch,
        })
        .collect();
    let w = plan.wans.len();
    plan.nodes = bags
        .iter()
        .enumerate()
        .map(|(i, b)| node(i, b, w))
        .collect();
    plan.links = links.iter().filter_map(|s| link(&plan, s)).collect();
    let endpoints: Vec<String> = plan
        .nodes
        .iter()
        .filter(|n| n.kind.is_endpoint())
        .map(|n| n.id.clone())
        .collect();
    if !endpoints.is_empty() {
        let e = endpoints.len();
        for (i, (from, to, reachable, access)) in pairs.iter().enumerate() {
            let (from, to) = (
                endpoints[from.index(e)].clone(),
                endpoints[to.index(e)].clone(),
            );
            // An intent or a flow from an endpoint to itself is refused by the reader.
            if from == to {
                continue;
            }
            if i % 2 == 0 {
                plan.intents.push(Intent {
                    from,
                    to,
                    expect: if *reachable {
                        Expect::Reachable
                    } else {
                        Expect::Unreachable
                    },
                    access: *access,
                    why: None,
                    survives: None,
                });
            } else {
                plan.flows.push(Flow {
                    from,
                    to,
                    class: if *reachable {
                        FlowClass::Realtime
                    } else {
                        FlowClass::Bulk
                    },
                    mbps: Some(10.0),
                });
            }
        }
    }
    plan
}
