//! Realistic plans of any size, deterministic from a seed, for benchmarks and tests.
//!
//! A generated plan looks like a large enterprise: hub VNets in Azure regions (VPN gateway with
//! BGP, some with an ExpressRoute gateway, a firewall or Route Server), spokes that use their
//! hub's gateways (some routed through the firewall), branch sites over S2S (mostly BGP), remote
//! users over P2S, ExpressRoute circuits (some joined by Global Reach) with datacenters behind
//! them, a Standard virtual WAN with several hubs and a Basic one, AWS and Google Cloud over S2S
//! and Oracle OCI over an interconnect circuit. Address spaces never overlap, and tunnel and link
//! limits are respected, so the plan is one a person could have drawn; its imperfections (static
//! sites, spokes without gateway transit, users without split tunnelling) are deliberate and
//! common. Randomness is a SplitMix64 stream seeded by the caller: the same size and seed always
//! give the same plan.

mod build;

use super::model::*;
use build::{Gen, Rng, REGIONS};

/// A realistic plan with exactly `endpoints` endpoints (sites, user groups, VNets, other clouds
/// and, from 6 endpoints on, the internet and Microsoft's services), deterministic from `seed`.
///
/// Hub VNets number about one per 100 endpoints, Standard Virtual WAN hubs one per 700 (from 40
/// endpoints), plus one Basic hub from 150 endpoints; the other endpoints are about 40 % spokes,
/// 12 % user groups, 4 % other clouds, 3 % datacenters behind ExpressRoute and the rest branch
/// sites. Complexity: O(endpoints × hubs) time (attachment choices scan the hubs), O(plan) memory.
///
/// # Example
/// ```
/// let plan = reachplan::engine::generate::generate(100, 7);
/// let endpoints = plan.nodes.iter().filter(|n| n.kind.is_endpoint()).count();
/// assert_eq!(endpoints, 100);
/// ```
pub fn generate(endpoints: usize, seed: u64) -> Plan {
    let mut g = Gen {
        plan: Plan::new(),
        rng: Rng(seed ^ 0x005E_ED0F_4EAC_4AB1),
        blocks: 0,
        hubs: Vec::new(),
        circuits: Vec::new(),
        public: endpoints >= 6,
    };
    g.plan.title = Some(format!(
        "Generated enterprise network ({endpoints} endpoints, seed {seed})"
    ));
    if endpoints == 0 {
        return g.plan;
    }
    let public = if g.public { 2 } else { 0 };
    let vnet_hubs = (endpoints / 100 + usize::from(endpoints >= 40)).clamp(1, endpoints);
    let vwan_hubs = if endpoints >= 40 {
        (endpoints / 700).max(1)
    } else {
        0
    };
    let basic_hub = endpoints >= 150;
    let rest = endpoints - public - vnet_hubs;
    let spokes = rest * 40 / 100;
    let users = rest * 12 / 100;
    let clouds = rest * 4 / 100;
    let datacenters = rest * 3 / 100;
    let sites = rest - spokes - users - clouds - datacenters;
    if vwan_hubs > 0 {
        g.plan.wans.push(Wan {
            id: "corp".into(),
            name: Some("Corporate WAN".into()),
            wan_type: WanType::Standard,
            branch_to_branch: None,
        });
    }
    if basic_hub {
        g.plan.wans.push(Wan {
            id: "legacy".into(),
            name: Some("Legacy WAN".into()),
            wan_type: WanType::Basic,
            branch_to_branch: None,
        });
    }
    if public > 0 {
        g.node("internet".into(), NodeKind::Internet, None);
        g.node("microsoft".into(), NodeKind::Microsoft, None);
    }
    for i in 0..vnet_hubs {
        g.hub_vnet(i);
    }
    for i in 0..vwan_hubs {
        g.hub_vwan(i, false);
    }
    if basic_hub {
        g.hub_vwan(vwan_hubs, true);
    }
    // Hub VNets are peered in a chain (global peering), which is not transitive.
    for i in 1..vnet_hubs {
        let (a, b) = (g.hubs[i - 1].id.clone(), g.hubs[i].id.clone());
        g.link(LinkKind::Peering, &b, &a).allow_forwarded_traffic = Some(true);
    }
    g.circuits(public > 0);
    let mut last_spoke = vec![None; g.hubs.len()];
    for j in 0..spokes {
        g.spoke(j, &mut last_spoke);
    }
    for j in 0..sites {
        let id = format!("site-{j}");
        let node = g.node(id.clone(), NodeKind::Site, None);
        node.vpn_device = Some(VpnType::RouteBased);
        node.asn = Some(4_200_000_000 + j as u32);
        if let Some(h) = g.s2s_hub(1, 65) {
            let hub = g.hubs[h].id.clone();
            let bgp = g.rng.chance(85);
            g.link(LinkKind::S2s, &id, &hub).bgp = Some(bgp);
        }
        if public > 0 && g.rng.chance(10) {
            g.link(LinkKind::Internet, &id, "internet");
        }
    }
    for j in 0..datacenters {
        let id = format!("dc-{j}");
        let node = g.node(id.clone(), NodeKind::Site, None);
        node.asn = Some(4_100_000_000 + j as u32);
        if !g.circuits.is_empty() {
            let c = g.rng.below(g.circuits.len());
            let circuit = g.circuits[c].id.clone();
            g.link(LinkKind::ErPrivate, &id, &circuit);
        }
    }
    let p2s_hubs: Vec<usize> = (0..g.hubs.len()).filter(|&h| g.hubs[h].p2s).collect();
    for j in 0..users {
        let id = format!("users-{j}");
        let count = 20 + g.rng.below(2_000) as u32;
        let node = g.node(id.clone(), NodeKind::Users, None);
        node.count = Some(count);
        if let Some(&h) = p2s_hubs.get(g.rng.below(p2s_hubs.len())) {
            let hub = g.hubs[h].id.clone();
            g.link(LinkKind::P2s, &id, &hub);
        }
        if public > 0 && g.rng.chance(60) {
            g.link(LinkKind::Internet, &id, "internet");
        }
    }
    for j in 0..clouds {
        let roll = g.rng.below(100);
        let oci = g
            .circuits
            .iter()
            .position(|c| REGIONS[c.region].2.is_some() && c.links_left > 0);
        match (roll, oci) {
            (0..=24, Some(c)) => {
                let (circuit, region) = (g.circuits[c].id.clone(), g.circuits[c].region);
                let id = format!("oci-{j}");
                g.node(id.clone(), NodeKind::Cloud, REGIONS[region].2)
                    .provider = Some("oci".into());
                g.link(LinkKind::ErPrivate, &id, &circuit);
            }
            (0..=39, _) => {
                let id = format!("gcp-{j}");
                g.node(id.clone(), NodeKind::Cloud, Some("europe-west4"))
                    .provider = Some("gcp".into());
                if let Some(h) = g.s2s_hub(1, 100) {
                    let hub = g.hubs[h].id.clone();
                    g.link(LinkKind::S2s, &id, &hub).bgp = Some(true);
                }
            }
            _ => {
                let id = format!("aws-{j}");
                g.node(id.clone(), NodeKind::Cloud, Some("us-east-1"))
                    .provider = Some("aws".into());
                if let Some(h) = g.s2s_hub(4, 20) {
                    let hub = g.hubs[h].id.clone();
                    g.link(LinkKind::S2s, &id, &hub).bgp = Some(true);
                }
            }
        }
    }
    intents(&mut g.plan);
    g.plan
}

/// A few expectations that hold by construction: a spoke reaches the hub it peers with, users
/// reach the hub whose gateway they connect to, and the internet opens nothing.
fn intents(plan: &mut Plan) {
    let mut out = Vec::new();
    let vnet = |id: &str| plan.node(id).is_some_and(|n| n.kind == NodeKind::Vnet);
    for link in &plan.links {
        let reachable = match link.kind {
            LinkKind::Peering => link.from.starts_with("spoke-") && link.to.starts_with("hub"),
            LinkKind::P2s => vnet(&link.to),
            _ => false,
        };
        if reachable && out.len() < 4 {
            out.push(Intent {
                from: link.from.clone(),
                to: link.to.clone(),
                expect: Expect::Reachable,
                access: None,
                why: Some("directly connected".into()),
                survives: None,
            });
        }
    }
    if let Some(hub) = plan.nodes.iter().find(|n| n.kind == NodeKind::Vnet) {
        if plan.node("internet").is_some() {
            out.push(Intent {
                from: "internet".into(),
                to: hub.id.clone(),
                expect: Expect::Unreachable,
                access: None,
                why: Some("nothing publishes the hub".into()),
                survives: None,
            });
        }
    }
    plan.intents = out;
}
