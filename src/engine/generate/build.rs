//! The builder behind [`generate`](super::generate): a seeded random stream, the regions it
//! places hubs in, and the hubs, circuits, spokes and branches it adds to a plan.

use super::super::geo;
use super::super::model::*;

/// SplitMix64: small, fast and good enough to vary a plan.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub(super) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    pub(super) fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Azure regions with their ExpressRoute peering location (Global Reach supported) and the
/// nearby OCI region where the Azure–OCI interconnect exists.
pub(super) const REGIONS: &[(&str, &str, Option<&str>)] = &[
    ("westeurope", "Amsterdam", Some("eu-amsterdam-1")),
    ("northeurope", "Dublin", None),
    ("uksouth", "London", Some("uk-london-1")),
    ("eastus", "Washington DC", Some("us-ashburn-1")),
    ("westus2", "Seattle", None),
    ("southeastasia", "Singapore", Some("ap-singapore-1")),
    ("germanywestcentral", "Frankfurt", Some("eu-frankfurt-1")),
    ("southcentralus", "San Antonio", None),
    ("japaneast", "Tokyo", Some("ap-tokyo-1")),
    ("francecentral", "Paris", None),
    ("canadacentral", "Toronto", Some("ca-toronto-1")),
    ("eastasia", "Hong Kong", None),
    ("australiaeast", "Sydney", None),
    ("swedencentral", "Stockholm", None),
    ("northcentralus", "Chicago", None),
    ("koreacentral", "Seoul", Some("ap-seoul-1")),
    ("westus", "Silicon Valley", Some("us-sanjose-1")),
    ("centralindia", "Pune", None),
    ("norwayeast", "Oslo", None),
    (
        "southafricanorth",
        "Johannesburg",
        Some("af-johannesburg-1"),
    ),
    ("westus3", "Phoenix", Some("us-phoenix-1")),
    ("japanwest", "Osaka", None),
    ("polandcentral", "Warsaw", None),
    ("australiasoutheast", "Melbourne", None),
    ("eastus2", "Washington DC2", None),
    ("southindia", "Chennai", None),
    ("switzerlandwest", "Geneva", None),
    ("taiwannorth", "Taipei", None),
];

/// Where branches, users and spokes attach: a hub VNet or a Virtual WAN hub.
pub(super) struct Hub {
    pub(super) id: String,
    pub(super) region: usize,
    pub(super) vwan: bool,
    pub(super) basic: bool,
    pub(super) firewall: bool,
    pub(super) p2s: bool,
    pub(super) tunnels_left: u32,
    pub(super) circuits: usize,
}

pub(super) struct Circuit {
    pub(super) id: String,
    pub(super) region: usize,
    pub(super) links_left: usize,
}

pub(super) struct Gen {
    pub(super) plan: Plan,
    pub(super) rng: Rng,
    pub(super) blocks: u32,
    pub(super) hubs: Vec<Hub>,
    pub(super) circuits: Vec<Circuit>,
    pub(super) public: bool,
}

impl Gen {
    /// A fresh address block: 10.x.y.0/24, then IPv6 /48s once the 65,536 blocks are used.
    fn block(&mut self) -> Vec<Cidr> {
        let k = self.blocks;
        self.blocks += 1;
        let text = if k < 65_536 {
            format!("10.{}.{}.0/24", k >> 8, k & 255)
        } else {
            format!("fd00:{:x}:{:x}::/48", k >> 16, k & 0xffff)
        };
        Cidr::parse(&text).into_iter().collect()
    }

    pub(super) fn node(&mut self, id: String, kind: NodeKind, region: Option<&str>) -> &mut Node {
        let mut node = Node::new(&id, kind);
        node.region = region.map(str::to_string);
        if matches!(kind, NodeKind::Vnet | NodeKind::Site | NodeKind::Cloud) {
            node.address_space = Some(self.block());
        }
        self.plan.nodes.push(node);
        let last = self.plan.nodes.len() - 1;
        &mut self.plan.nodes[last]
    }

    pub(super) fn link(&mut self, kind: LinkKind, from: &str, to: &str) -> &mut Link {
        self.plan.links.push(Link::new(kind, from, to));
        let last = self.plan.links.len() - 1;
        &mut self.plan.links[last]
    }

    fn p2s(&mut self, vwan: bool) -> P2sConfig {
        P2sConfig {
            protocols: if vwan {
                vec![Protocol::Openvpn]
            } else {
                vec![Protocol::Openvpn, Protocol::Ikev2]
            },
            auth: vec![Auth::Entra, Auth::Certificate],
            address_pool: self.block(),
        }
    }

    pub(super) fn hub_vnet(&mut self, i: usize) {
        let region = i % REGIONS.len();
        let id = format!("hub{i}-{}", REGIONS[region].0);
        let big = self.rng.chance(70);
        let p2s = self.rng.chance(70);
        let pool = p2s.then(|| self.p2s(false));
        let er = self.rng.chance(60);
        let firewall = self.rng.chance(50);
        let route_server = er && self.rng.chance(25);
        let v2v = er && self.rng.chance(30);
        let node = self.node(id.clone(), NodeKind::Vnet, Some(REGIONS[region].0));
        node.vpn_gateway = Some(VpnGateway {
            sku: if big {
                VpnSku::VpnGw4AZ
            } else {
                VpnSku::VpnGw2AZ
            },
            generation: Some(2),
            gateway_type: None,
            active_active: Some(true),
            bgp: Some(true),
            asn: Some(65515),
            p2s: pool,
        });
        node.er_gateway = er.then_some(ErGateway {
            sku: ErGwSku::ErGw2AZ,
            allow_vnet_to_vnet: v2v.then_some(true),
            allow_virtual_wan_traffic: None,
            scale_units: None,
        });
        node.firewall = firewall.then_some(Firewall { sku: None });
        node.route_server = route_server.then_some(RouteServer {
            branch_to_branch: Some(true),
        });
        self.hubs.push(Hub {
            id,
            region,
            vwan: false,
            basic: false,
            firewall,
            p2s,
            tunnels_left: if big { 100 } else { 30 },
            circuits: 0,
        });
    }

    pub(super) fn hub_vwan(&mut self, i: usize, basic: bool) {
        let region = (i * 7 + 3) % REGIONS.len();
        let id = if basic {
            "vhub-legacy".to_string()
        } else {
            format!("vhub{i}-{}", REGIONS[region].0)
        };
        let p2s = !basic && self.rng.chance(60);
        let pool = p2s.then(|| self.p2s(true));
        let firewall = !basic && self.rng.chance(40);
        let node = self.node(id.clone(), NodeKind::VwanHub, Some(REGIONS[region].0));
        node.wan = Some(if basic { "legacy" } else { "corp" }.to_string());
        node.p2s = pool;
        node.firewall = firewall.then_some(Firewall { sku: None });
        self.hubs.push(Hub {
            id,
            region,
            vwan: true,
            basic,
            firewall,
            p2s,
            tunnels_left: 1_000,
            circuits: 0,
        });
    }

    /// One circuit per region that has a hub with an ExpressRoute gateway or a Standard
    /// Virtual WAN hub, linked to those hubs, with Global Reach between neighbours.
    pub(super) fn circuits(&mut self, microsoft: bool) {
        let mut regions: Vec<usize> = Vec::new();
        for h in &self.hubs {
            let er = !h.vwan
                && self
                    .plan
                    .node(&h.id)
                    .is_some_and(|n| n.er_gateway.is_some());
            if (er || (h.vwan && !h.basic)) && !regions.contains(&h.region) {
                regions.push(h.region);
            }
        }
        for (k, &region) in regions.iter().enumerate() {
            let location = REGIONS[region].1;
            let id = format!("er{k}-{}", location.to_lowercase().replace(' ', "-"));
            let premium = self.rng.chance(25);
            let node = self.node(id.clone(), NodeKind::Expressroute, None);
            node.location = Some(location.to_string());
            node.sku = Some(if premium {
                ErSku::Premium
            } else {
                ErSku::Standard
            });
            node.bandwidth_mbps = Some(if premium { 2_000 } else { 1_000 });
            node.provider = Some("Equinix".to_string());
            let mut links_left = if premium { 60 } else { 10 };
            // The hubs of the region first, then others of the same geopolitical area (what a
            // Standard circuit reaches), each hub on a few circuits at most.
            let geo = |r: usize| geo::region(REGIONS[r].0).map(|x| x.geo);
            let mut targets: Vec<(bool, usize)> = (0..self.hubs.len())
                .filter(|&h| {
                    let hub = &self.hubs[h];
                    let er = hub.vwan
                        || self
                            .plan
                            .node(&hub.id)
                            .is_some_and(|n| n.er_gateway.is_some());
                    er && !hub.basic && hub.circuits < 3 && geo(hub.region) == geo(region)
                })
                .map(|h| (self.hubs[h].region != region, h))
                .collect();
            targets.sort();
            targets.truncate(4);
            let targets: Vec<String> = targets
                .into_iter()
                .map(|(_, h)| {
                    self.hubs[h].circuits += 1;
                    self.hubs[h].id.clone()
                })
                .collect();
            for t in targets {
                self.link(LinkKind::ErConnection, &id, &t);
                links_left -= 1;
            }
            self.circuits.push(Circuit {
                id,
                region,
                links_left,
            });
        }
        for k in 1..self.circuits.len() {
            let (a, b) = (&self.circuits[k - 1], &self.circuits[k]);
            let same_geo = geo::peering_location(REGIONS[a.region].1)
                .zip(geo::peering_location(REGIONS[b.region].1))
                .is_some_and(|(x, y)| x.geo == y.geo);
            if same_geo && a.links_left > 2 && b.links_left > 2 && self.rng.chance(60) {
                let (ia, ib) = (a.id.clone(), b.id.clone());
                self.link(LinkKind::GlobalReach, &ia, &ib);
                self.circuits[k - 1].links_left -= 1;
                self.circuits[k].links_left -= 1;
            }
        }
        if microsoft {
            if let Some(c) = self.circuits.first() {
                let id = c.id.clone();
                self.link(LinkKind::ErMicrosoft, &id, "microsoft");
            }
        }
    }

    /// A hub that takes `tunnels` more S2S tunnels, preferring Virtual WAN hubs `vwan_share`
    /// percent of the time.
    pub(super) fn s2s_hub(&mut self, tunnels: u32, vwan_share: u64) -> Option<usize> {
        let want_vwan = self.rng.chance(vwan_share);
        let fits = |h: &Hub| h.tunnels_left >= tunnels && h.vwan == want_vwan;
        let open: Vec<usize> = (0..self.hubs.len())
            .filter(|&h| fits(&self.hubs[h]))
            .collect();
        let open = if open.is_empty() {
            (0..self.hubs.len())
                .filter(|&h| self.hubs[h].tunnels_left >= tunnels)
                .collect()
        } else {
            open
        };
        let h = *open.get(self.rng.below(open.len()))?;
        self.hubs[h].tunnels_left -= tunnels;
        Some(h)
    }

    pub(super) fn spoke(&mut self, j: usize, last_spoke: &mut [Option<String>]) {
        let h = self.rng.below(self.hubs.len());
        let (hub, region, vwan, firewall) = {
            let x = &self.hubs[h];
            (x.id.clone(), x.region, x.vwan, x.firewall)
        };
        let id = format!("spoke-{j}");
        let app = self.public && self.rng.chance(3);
        let node = self.node(id.clone(), NodeKind::Vnet, Some(REGIONS[region].0));
        if app {
            node.app_gateway = Some(AppGateway {
                sku: None,
                waf: Some(true),
            });
            self.link(LinkKind::AppGateway, "internet", &id);
        }
        if vwan {
            self.link(LinkKind::VwanConnection, &id, &hub);
            return;
        }
        let transit = self.rng.chance(92);
        let via_firewall = firewall && self.rng.chance(80);
        let link = self.link(LinkKind::Peering, &id, &hub);
        if transit {
            link.use_remote_gateways = Some(true);
            link.allow_gateway_transit = Some(true);
        }
        link.allow_forwarded_traffic = Some(true);
        if via_firewall {
            link.route_via_firewall = Some(true);
        }
        // A few spokes of one hub are peered directly (an application and its database).
        if let Some(previous) = last_spoke[h].take() {
            if self.rng.chance(5) {
                self.link(LinkKind::Peering, &id, &previous);
            }
        }
        last_spoke[h] = Some(id);
    }
}
