//! What the fuzz targets check, and a generator of plans from fuzz bytes.
//!
//! Every target feeds its input to the engine and then checks what must hold for any input:
//! nothing panics, a plan that was read writes and reads back the same, a share link of a plan
//! decodes to that plan, and an analysis covers every ordered pair, renders, serialises, and
//! its fixes apply to a plan that still reads. A broken check panics, which libFuzzer reports
//! as a crash and keeps as a reproducer.
//!
//! The analysis costs about endpoints × connections per plan, so plans with more than
//! [`MAX_NODES`] nodes or [`MAX_LINKS`] links are only read, never analysed: executions stay
//! fast and the fuzzer spends its time on shapes rather than on size.

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use reachplan::engine::model::{
    Access, AppGateway, Auth, Bastion, BastionSku, Cidr, Clients, ErGateway, ErGwSku, ErSku,
    Expect, Firewall, FirewallSku, Flow, FlowClass, Intent, Link, LinkKind, Node, NodeKind,
    P2sConfig, Plan, Position, Protocol, RouteServer, RoutingIntent, ScaleUnits, VirtualDesktop,
    VpnGateway, VpnSku, VpnType, Wan, WanType,
};
use reachplan::engine::{analyze, capacity, edit, explain, read_plan, share, text, write_plan};

/// The most nodes of a plan that is analysed.
pub const MAX_NODES: usize = 200;
/// The most links of a plan that is analysed.
pub const MAX_LINKS: usize = 400;
/// The most intents or flows of a plan that is analysed.
pub const MAX_LIST: usize = 400;
/// The most distinct fixes applied per input.
const MAX_EDITS: usize = 16;
/// Plans up to this many nodes are also analysed twice, to check determinism.
const TWICE_NODES: usize = 8;

/// Whether a plan is small enough to analyse within the fuzzer's time per input.
pub fn small(plan: &Plan) -> bool {
    plan.nodes.len() <= MAX_NODES
        && plan.links.len() <= MAX_LINKS
        && plan.intents.len() <= MAX_LIST
        && plan.flows.len() <= MAX_LIST
}

/// Reads text as a plan. When it reads, checks that it round-trips and returns it.
/// When it does not read, the error names a place inside the text and says what is wrong.
pub fn read(text: &str) -> Option<Plan> {
    match read_plan(text) {
        Ok(plan) => {
            round_trip(&plan);
            Some(plan)
        }
        Err(e) => {
            assert!(
                !e.path.is_empty() && !e.message.is_empty(),
                "an empty error: {e:?}"
            );
            let lines = text.split('\n').count();
            assert!(
                (1..=lines).contains(&e.line) && e.column >= 1,
                "the error is outside the text ({lines} lines): {e:?}"
            );
            None
        }
    }
}

/// Writing a plan and reading it back gives the same plan, and writing it again the same text.
pub fn round_trip(plan: &Plan) {
    let once = write_plan(plan);
    let back = match read_plan(&once) {
        Ok(back) => back,
        Err(e) => panic!("a written plan does not read back: {e}\n{once}"),
    };
    assert!(
        back == *plan,
        "a plan changed on its way through the file:\n{once}"
    );
    assert_eq!(write_plan(&back), once, "writing is not stable");
}

/// A plan's share link decodes to the same plan.
pub fn share_round_trip(plan: &Plan) {
    let link = share::encode(plan);
    match share::decode(&link) {
        Ok(back) => assert!(back == *plan, "a plan changed on its way through a link"),
        // A plan whose link inflates to more than the codec's limit is refused, as documented.
        Err(share::ShareError::TooLarge) => {}
        Err(e) => panic!("the link of a plan does not decode: {e}"),
    }
}

/// Analyses a plan the reader accepted and checks the answer; too large a plan is skipped.
pub fn analysis(plan: &Plan) {
    if !small(plan) {
        return;
    }
    let analysis = analyze(plan);
    let n = analysis.endpoints.len();
    assert_eq!(
        analysis.pairs.len(),
        n * n.saturating_sub(1),
        "not every pair"
    );
    for pair in &analysis.pairs {
        assert!(
            analysis.pair(&pair.from, &pair.to) == Some(pair),
            "pair lookup of {} → {} is wrong",
            pair.from,
            pair.to
        );
    }
    if plan.nodes.len() <= TWICE_NODES {
        assert!(
            analyze(plan) == analysis,
            "the analysis is not deterministic"
        );
    }
    let report = text::check(plan, &analysis);
    let counts = text::summary(&analysis);
    assert!(
        report.contains(&counts),
        "the report has no counts line: {report}"
    );
    if let Err(e) = serde_json::to_string(&analysis) {
        panic!("the analysis does not serialise: {e}");
    }
    // Many pairs share one fix; each distinct one is applied, up to a bound per input.
    let mut edits: Vec<&edit::Edit> = Vec::new();
    for e in analysis.pairs.iter().filter_map(|p| p.edit.as_ref()) {
        if edits.len() < MAX_EDITS && !edits.contains(&e) {
            edits.push(e);
        }
    }
    for e in edits {
        let mut fixed = plan.clone();
        if edit::apply(&mut fixed, e).is_ok() {
            let written = write_plan(&fixed);
            if let Err(err) = read_plan(&written) {
                panic!("applying {e:?} gives a plan that does not read: {err}\n{written}");
            }
        }
    }
    if let Some(pair) = analysis.pairs.first() {
        match explain(plan, &pair.from, &pair.to) {
            Some(story) => {
                assert_eq!(story.pair.reachable, pair.reachable, "explain disagrees");
                let told = text::explain(plan, &story);
                let head = format!("{} → {}: ", pair.from, pair.to);
                assert!(told.starts_with(&head), "explain starts elsewhere: {told}");
            }
            None => panic!("explain has no story for {} → {}", pair.from, pair.to),
        }
    }
}

/// Measures a plan's capacity at a surge and renders it; too large a plan is skipped.
pub fn capacity(plan: &Plan, surge: f64) {
    if !small(plan) {
        return;
    }
    let result = capacity::capacity(plan, surge);
    let rendered = capacity::render(plan, &result);
    let headline = rendered.contains("Capacity at surge ×");
    assert!(headline, "no capacity headline: {rendered}");
    if let Err(e) = serde_json::to_string(&result) {
        panic!("the capacity answer does not serialise: {e}");
    }
}

/// A plan built from fuzz bytes: ids are valid and unique, links join existing nodes (of any
/// kinds), each kind gets only its own fields, and values range from ordinary to extreme.
pub fn plan(u: &mut Unstructured) -> Result<Plan> {
    let mut plan = Plan::new();
    if u.ratio(1, 8)? {
        plan.title = Some(text(u)?);
    }
    for i in 0..u.int_in_range(0..=2)? {
        plan.wans.push(Wan {
            id: format!("w{i}"),
            name: None,
            wan_type: *u.choose(&[WanType::Basic, WanType::Standard])?,
            branch_to_branch: maybe(u, |u| u.arbitrary())?,
        });
    }
    let count = u.int_in_range(0..=24)?;
    for i in 0..count {
        plan.nodes.push(node(u, i, plan.wans.len())?);
    }
    let ids: Vec<String> = plan.nodes.iter().map(|n| n.id.clone()).collect();
    let endpoints: Vec<String> = plan
        .nodes
        .iter()
        .filter(|n| n.kind.is_endpoint())
        .map(|n| n.id.clone())
        .collect();
    if !ids.is_empty() {
        for i in 0..u.int_in_range(0..=40)? {
            plan.links.push(link(u, i, &ids)?);
        }
    }
    if !endpoints.is_empty() {
        for _ in 0..u.int_in_range(0..=4)? {
            plan.intents.push(Intent {
                from: u.choose(&endpoints)?.clone(),
                to: u.choose(&endpoints)?.clone(),
                expect: *u.choose(&[Expect::Reachable, Expect::Unreachable])?,
                access: maybe(u, |u| {
                    u.choose(&[
                        Access::Network,
                        Access::Desktop,
                        Access::RdpSsh,
                        Access::Https,
                        Access::None,
                    ])
                    .copied()
                })?,
                why: maybe(u, text)?,
                survives: None,
            });
        }
        for _ in 0..u.int_in_range(0..=4)? {
            plan.flows.push(Flow {
                from: u.choose(&endpoints)?.clone(),
                to: u.choose(&endpoints)?.clone(),
                class: *u.choose(&[
                    FlowClass::Realtime,
                    FlowClass::Interactive,
                    FlowClass::Bulk,
                ])?,
                mbps: maybe(u, number)?,
            });
        }
    }
    Ok(plan)
}

const KINDS: [NodeKind; 8] = [
    NodeKind::Site,
    NodeKind::Users,
    NodeKind::Vnet,
    NodeKind::VwanHub,
    NodeKind::Expressroute,
    NodeKind::Cloud,
    NodeKind::Microsoft,
    NodeKind::Internet,
];

const REGIONS: [&str; 8] = [
    "westeurope",
    "northeurope",
    "eastus",
    "eastus2",
    "southeastasia",
    "brazilsouth",
    "uksouth",
    "atlantis",
];

const LOCATIONS: [&str; 7] = [
    "Amsterdam",
    "Amsterdam2",
    "Dublin",
    "London",
    "Silicon Valley",
    "Singapore",
    "Nowhere",
];

fn node(u: &mut Unstructured, i: usize, wans: usize) -> Result<Node> {
    let kind = *u.choose(&KINDS)?;
    let mut n = Node::new(&format!("n{i}"), kind);
    if u.ratio(1, 8)? {
        n.name = Some(text(u)?);
    }
    if u.ratio(1, 16)? {
        n.description = Some(text(u)?);
    }
    if u.ratio(3, 4)? {
        let mut space = Vec::new();
        for _ in 0..u.int_in_range(0..=3)? {
            space.push(prefix(u)?);
        }
        n.address_space = Some(space);
    }
    n.region = maybe(u, |u| u.choose(&REGIONS).map(|r| (*r).to_string()))?;
    if u.ratio(1, 8)? {
        n.position = Some(Position {
            x: number(u)?,
            y: number(u)?,
        });
    }
    match kind {
        NodeKind::Site => {
            n.vpn_device = maybe(u, |u| {
                u.choose(&[VpnType::RouteBased, VpnType::PolicyBased])
                    .copied()
            })?;
            n.asn = maybe(u, asn)?;
        }
        NodeKind::Users => {
            n.count = maybe(u, small_u32)?;
            if u.ratio(1, 2)? {
                n.clients = Some(Clients {
                    windows: maybe(u, small_u32)?,
                    macos: maybe(u, small_u32)?,
                    linux: maybe(u, small_u32)?,
                    ios: maybe(u, small_u32)?,
                    android: maybe(u, small_u32)?,
                });
            }
            n.mbps_per_user = maybe(u, number)?;
        }
        NodeKind::Vnet => {
            if u.ratio(1, 2)? {
                n.vpn_gateway = Some(VpnGateway {
                    sku: *u.choose(&VpnSku::ALL)?,
                    generation: maybe(u, |u| u.int_in_range(0..=3))?,
                    gateway_type: maybe(u, |u| {
                        u.choose(&[VpnType::RouteBased, VpnType::PolicyBased])
                            .copied()
                    })?,
                    active_active: maybe(u, |u| u.arbitrary())?,
                    bgp: maybe(u, |u| u.arbitrary())?,
                    asn: maybe(u, asn)?,
                    p2s: maybe(u, p2s)?,
                });
            }
            if u.ratio(1, 3)? {
                n.er_gateway = Some(ErGateway {
                    sku: *u.choose(&[
                        ErGwSku::Standard,
                        ErGwSku::HighPerformance,
                        ErGwSku::UltraPerformance,
                        ErGwSku::ErGw1AZ,
                        ErGwSku::ErGw2AZ,
                        ErGwSku::ErGw3AZ,
                        ErGwSku::ErGwScale,
                    ])?,
                    allow_vnet_to_vnet: maybe(u, |u| u.arbitrary())?,
                    allow_virtual_wan_traffic: maybe(u, |u| u.arbitrary())?,
                    scale_units: maybe(u, small_u32)?,
                });
            }
            n.firewall = maybe(u, firewall)?;
            if u.ratio(1, 4)? {
                n.route_server = Some(RouteServer {
                    branch_to_branch: maybe(u, |u| u.arbitrary())?,
                });
            }
            if u.ratio(1, 4)? {
                n.bastion = Some(Bastion {
                    sku: maybe(u, |u| {
                        u.choose(&[
                            BastionSku::Developer,
                            BastionSku::Basic,
                            BastionSku::Standard,
                            BastionSku::Premium,
                        ])
                        .copied()
                    })?,
                });
            }
            if u.ratio(1, 4)? {
                n.app_gateway = Some(AppGateway {
                    sku: maybe(u, text)?,
                    waf: maybe(u, |u| u.arbitrary())?,
                });
            }
            if u.ratio(1, 4)? {
                n.virtual_desktop = Some(VirtualDesktop {
                    hosts: maybe(u, small_u32)?,
                });
            }
        }
        NodeKind::VwanHub => {
            if wans > 0 && u.ratio(3, 4)? {
                n.wan = Some(format!("w{}", u.int_in_range(0..=wans - 1)?));
            }
            n.firewall = maybe(u, firewall)?;
            if u.ratio(1, 4)? {
                n.routing_intent = Some(RoutingIntent {
                    private: u.arbitrary()?,
                    internet: u.arbitrary()?,
                });
            }
            if u.ratio(1, 3)? {
                n.scale_units = Some(ScaleUnits {
                    s2s: maybe(u, small_u32)?,
                    p2s: maybe(u, small_u32)?,
                    er: maybe(u, small_u32)?,
                });
            }
            n.p2s = maybe(u, p2s)?;
        }
        NodeKind::Expressroute => {
            n.location = maybe(u, |u| u.choose(&LOCATIONS).map(|l| (*l).to_string()))?;
            n.sku = maybe(u, |u| {
                u.choose(&[ErSku::Local, ErSku::Standard, ErSku::Premium])
                    .copied()
            })?;
            n.bandwidth_mbps = maybe(u, small_u32)?;
            n.direct = maybe(u, |u| u.arbitrary())?;
            n.provider = maybe(u, text)?;
        }
        NodeKind::Cloud => {
            n.provider = maybe(u, |u| {
                u.choose(&["aws", "gcp", "oci", "other"])
                    .map(|p| (*p).to_string())
            })?;
        }
        NodeKind::Microsoft | NodeKind::Internet => {}
    }
    Ok(n)
}

fn link(u: &mut Unstructured, i: usize, ids: &[String]) -> Result<Link> {
    let kind = *u.choose(&LinkKind::ALL)?;
    let mut l = Link::new(kind, u.choose(ids)?, u.choose(ids)?);
    if u.ratio(1, 8)? {
        l.id = Some(format!("l{i}"));
    }
    match kind {
        LinkKind::Peering => {
            l.use_remote_gateways = maybe(u, |u| u.arbitrary())?;
            l.allow_gateway_transit = maybe(u, |u| u.arbitrary())?;
            l.allow_forwarded_traffic = maybe(u, |u| u.arbitrary())?;
            l.route_via_firewall = maybe(u, |u| u.arbitrary())?;
        }
        LinkKind::S2s => l.bgp = maybe(u, |u| u.arbitrary())?,
        LinkKind::P2s => l.protocol = maybe(u, protocol)?,
        _ => {}
    }
    Ok(l)
}

fn p2s(u: &mut Unstructured) -> Result<P2sConfig> {
    let mut config = P2sConfig {
        protocols: Vec::new(),
        auth: Vec::new(),
        address_pool: Vec::new(),
    };
    for _ in 0..u.int_in_range(0..=3)? {
        config.protocols.push(protocol(u)?);
    }
    for _ in 0..u.int_in_range(0..=2)? {
        config
            .auth
            .push(*u.choose(&[Auth::Certificate, Auth::Entra, Auth::Radius])?);
    }
    for _ in 0..u.int_in_range(0..=2)? {
        config.address_pool.push(prefix(u)?);
    }
    Ok(config)
}

fn protocol(u: &mut Unstructured) -> Result<Protocol> {
    u.choose(&[Protocol::Openvpn, Protocol::Ikev2, Protocol::Sstp])
        .copied()
}

fn firewall(u: &mut Unstructured) -> Result<Firewall> {
    Ok(Firewall {
        sku: maybe(u, |u| {
            u.choose(&[
                FirewallSku::Basic,
                FirewallSku::Standard,
                FirewallSku::Premium,
            ])
            .copied()
        })?,
    })
}

/// A prefix from a small pool, so that overlaps and equal prefixes are common.
fn prefix(u: &mut Unstructured) -> Result<Cidr> {
    let text = if u.ratio(1, 6)? {
        format!(
            "fd00:{:x}::/{}",
            u.int_in_range(0..=3u8)?,
            u.choose(&[0u8, 16, 32, 48, 64, 128])?
        )
    } else {
        format!(
            "10.{}.{}.0/{}",
            u.int_in_range(0..=3u8)?,
            u.choose(&[0u8, 128])?,
            u.choose(&[0u8, 8, 16, 17, 24, 32])?
        )
    };
    Cidr::parse(&text).map_err(|_| libfuzzer_sys::arbitrary::Error::IncorrectFormat)
}

fn asn(u: &mut Unstructured) -> Result<u32> {
    Ok(*u.choose(&[
        0u32,
        1,
        7224,
        8075,
        12076,
        23456,
        65515,
        65520,
        65534,
        4_200_000_000,
        u32::MAX,
    ])?)
}

fn small_u32(u: &mut Unstructured) -> Result<u32> {
    if u.ratio(1, 16)? {
        u.arbitrary()
    } else {
        u.int_in_range(0..=2_000)
    }
}

/// A finite number from ordinary to extreme (the format has no NaN or infinity).
fn number(u: &mut Unstructured) -> Result<f64> {
    let x = *u.choose(&[
        0.0,
        -0.0,
        0.5,
        1.0,
        2.0,
        100.0,
        -1.0,
        1e-300,
        1e300,
        f64::MAX,
        f64::MIN,
    ])?;
    Ok(x)
}

fn text(u: &mut Unstructured) -> Result<String> {
    let mut s = String::new();
    for _ in 0..u.int_in_range(0..=12)? {
        s.push(*u.choose(&[
            'a', 'Z', ' ', '<', '>', '"', '\\', '\u{1b}', '\n', '\0', 'é', '\u{202e}', '🦀',
        ])?);
    }
    Ok(s)
}

fn maybe<T>(
    u: &mut Unstructured,
    f: impl FnOnce(&mut Unstructured) -> Result<T>,
) -> Result<Option<T>> {
    if u.arbitrary()? {
        Ok(Some(f(u)?))
    } else {
        Ok(None)
    }
}
