//! The fast matrix against a naive oracle and the full analysis.
//!
//! The oracle (`Network::reachable_naive`) is the simplest correct reading of the rules: for each ordered
//! pair, a plain breadth-first search from the source over (node, arrival, ingress) states that
//! takes a hop when `transit::hop` allows it over a carried connection; a pair is reachable when
//! a search finds the way there and one finds the way back (not needed to the internet or
//! Microsoft's services, never from the internet), unless the two address spaces overlap. The property
//! tests draw random generated plans (5 to 200 endpoints, half of them at most 60) and mutate them (flags flipped, links
//! dropped, added between random nodes or changed in kind, SKUs and gateways changed), then
//! check that the matrix (with and without sharing), the oracle and `analyze` agree on every
//! pair, and that the summary counts what the analysis counts.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::Path;

use proptest::prelude::*;
use reachplan::engine::generate::generate;
use reachplan::engine::matrix::Sharing;
use reachplan::engine::model::{
    Cidr, ErGateway, ErGwSku, ErSku, Firewall, LinkKind, NodeKind, Plan, RouteServer, VpnSku,
    VpnType, WanType,
};
use reachplan::engine::overview::{self, Cell};
use reachplan::engine::summary;
use reachplan::engine::{analyze, read_plan, Network, Severity};

/// The oracle's answer for the ordered pairs of endpoints that `keep` selects (by their
/// positions in the plan's endpoint list), by id.
fn oracle(plan: &Plan, keep: &dyn Fn(usize, usize) -> bool) -> BTreeMap<(String, String), bool> {
    let network = Network::new(plan);
    let endpoints: Vec<&str> = plan
        .nodes
        .iter()
        .filter(|n| n.kind.is_endpoint())
        .map(|n| n.id.as_str())
        .collect();
    let mut out = BTreeMap::new();
    for (i, a) in endpoints.iter().enumerate() {
        for (j, b) in endpoints.iter().enumerate() {
            if a != b && keep(i, j) {
                let answer = network.reachable_naive(a, b).unwrap();
                out.insert((a.to_string(), b.to_string()), answer);
            }
        }
    }
    out
}

/// Checks that every way of answering agrees on `plan`. The oracle runs a search per pair:
/// on plans of more than 100 endpoints it checks one pair in `7`.
fn agree(plan: &Plan, name: &str) {
    let analysis = analyze(plan);
    let network = Network::new(plan);
    let fast = network.verdicts();
    assert_eq!(fast.endpoints, analysis.endpoints, "{name}: endpoints");
    for sharing in [Sharing::PerEndpoint, Sharing::Off] {
        let other = network.verdicts_sharing(sharing);
        for (i, from) in fast.endpoints.iter().enumerate() {
            for (j, to) in fast.endpoints.iter().enumerate() {
                assert_eq!(
                    fast.reachable(i, j),
                    other.reachable(i, j),
                    "{name}: {from} → {to}, sharing {sharing:?}"
                );
                assert_eq!(
                    fast.goes(i, j),
                    other.goes(i, j),
                    "{name}: {from} → {to} one way, sharing {sharing:?}"
                );
            }
        }
    }
    let n = fast.endpoints.len();
    let oracle = oracle(plan, &|i, j| n <= 100 || (i * n + j) % 7 == 0);
    for pair in &analysis.pairs {
        let (i, j) = (
            fast.index(&pair.from).unwrap(),
            fast.index(&pair.to).unwrap(),
        );
        assert_eq!(
            fast.reachable(i, j),
            pair.reachable,
            "{name}: {} → {} (analysis)",
            pair.from,
            pair.to
        );
        if let Some(&answer) = oracle.get(&(pair.from.clone(), pair.to.clone())) {
            assert_eq!(
                answer, pair.reachable,
                "{name}: {} → {} (oracle)",
                pair.from, pair.to
            );
        }
    }
    assert_eq!(
        fast.count(),
        analysis.pairs.iter().filter(|p| p.reachable).count(),
        "{name}: count"
    );
    let summary = summary::summarize(plan);
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        assert_eq!(
            summary.count(severity),
            analysis.count(severity),
            "{name}: {severity:?} findings"
        );
    }
    let held: Vec<bool> = summary.intents.iter().map(|i| i.holds).collect();
    let expected: Vec<bool> = analysis.intents.iter().map(|i| i.holds).collect();
    assert_eq!(held, expected, "{name}: intents");
    assert_eq!(summary.text(), reachplan::engine::text::summary(&analysis));
    // The overview the app draws: each cell's verdict is the analysis's.
    let o = overview::overview(plan);
    for pair in &analysis.pairs {
        let (i, j) = (
            o.summary.matrix.index(&pair.from).unwrap(),
            o.summary.matrix.index(&pair.to).unwrap(),
        );
        let want = Cell::from(pair);
        assert_eq!(
            o.cell(i, j),
            want,
            "{name}: {} → {} (overview)",
            pair.from,
            pair.to
        );
    }
}

#[test]
fn every_plan_of_the_repository_agrees() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for dir in ["tests/data", "www/examples"] {
        let mut stack = vec![root.join(dir)];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "json") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    // Malformed plans are for the reader's tests.
                    if let Ok(plan) = read_plan(&text) {
                        agree(&plan, &path.display().to_string());
                        seen += 1;
                    }
                }
            }
        }
    }
    assert!(seen >= 40, "expected the repository's plans, found {seen}");
}

#[test]
fn generated_plans_have_their_size_and_read_back() {
    for (n, seed) in [(1, 1), (5, 2), (40, 3), (100, 4), (1_100, 5)] {
        let plan = generate(n, seed);
        let endpoints = plan.nodes.iter().filter(|x| x.kind.is_endpoint()).count();
        assert_eq!(endpoints, n);
        let text = reachplan::engine::write_plan(&plan);
        assert_eq!(read_plan(&text).unwrap(), plan);
        assert_eq!(generate(n, seed), plan, "deterministic");
        let summary = summary::summarize(&plan);
        assert_eq!(
            summary.count(Severity::Error),
            0,
            "{n}: {:?}",
            summary.findings
        );
        assert!(summary.intents_hold(), "{n}: {:?}", summary.intents);
        if n > 1_024 {
            // Enough sources to search on several threads: the same answer as one class each.
            let alone = Network::new(&plan).verdicts_sharing(Sharing::PerEndpoint);
            let fast = &summary.matrix;
            for i in 0..n {
                for j in 0..n {
                    assert_eq!(fast.reachable(i, j), alone.reachable(i, j));
                    assert_eq!(fast.goes(i, j), alone.goes(i, j));
                }
            }
        }
    }
}

/// A change to a plan, with indexes taken modulo the list they point into.
#[derive(Debug, Clone)]
enum Mutation {
    FlipFlag(usize, u8),
    DropLink(usize),
    AddLink(u8, usize, usize),
    ChangeKind(usize, u8),
    Gateway(usize, u8),
    Wan(usize, u8),
    Twin(usize, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..6).prop_map(|(l, f)| Mutation::FlipFlag(l, f)),
        any::<usize>().prop_map(Mutation::DropLink),
        (0u8..12, any::<usize>(), any::<usize>()).prop_map(|(k, a, b)| Mutation::AddLink(k, a, b)),
        (any::<usize>(), 0u8..12).prop_map(|(l, k)| Mutation::ChangeKind(l, k)),
        (any::<usize>(), 0u8..9).prop_map(|(n, w)| Mutation::Gateway(n, w)),
        (any::<usize>(), 0u8..2).prop_map(|(w, x)| Mutation::Wan(w, x)),
        (any::<usize>(), 0u8..8).prop_map(|(n, t)| Mutation::Twin(n, t)),
    ]
}

fn flip(value: &mut Option<bool>) {
    *value = Some(!value.unwrap_or(false));
}

fn apply(plan: &mut Plan, m: &Mutation) {
    let (links, nodes) = (plan.links.len(), plan.nodes.len());
    match *m {
        Mutation::FlipFlag(l, f) if links > 0 => {
            let link = &mut plan.links[l % links];
            match f {
                0 => flip(&mut link.use_remote_gateways),
                1 => flip(&mut link.allow_gateway_transit),
                2 => flip(&mut link.allow_forwarded_traffic),
                3 => flip(&mut link.route_via_firewall),
                _ => flip(&mut link.bgp),
            }
        }
        Mutation::DropLink(l) if links > 0 => {
            plan.links.remove(l % links);
        }
        Mutation::AddLink(k, a, b) if nodes > 0 => {
            let (from, to) = (
                plan.nodes[a % nodes].id.clone(),
                plan.nodes[b % nodes].id.clone(),
            );
            let kind = LinkKind::ALL[k as usize % LinkKind::ALL.len()];
            let mut link = reachplan::engine::model::Link::new(kind, &from, &to);
            if kind == LinkKind::Peering {
                link.use_remote_gateways = Some(true);
                link.allow_gateway_transit = Some(true);
            }
            plan.links.push(link);
        }
        Mutation::ChangeKind(l, k) if links > 0 => {
            plan.links[l % links].kind = LinkKind::ALL[k as usize % LinkKind::ALL.len()];
        }
        Mutation::Gateway(n, what) if nodes > 0 => {
            // Mostly nodes with something to change: gateways, firewalls, circuits.
            let busy = busy(plan);
            let i = if busy.is_empty() || n % 4 == 0 {
                n % nodes
            } else {
                busy[n % busy.len()]
            };
            let node = &mut plan.nodes[i];
            if let Some(gw) = node.vpn_gateway.as_mut() {
                match what {
                    0 => gw.sku = VpnSku::Basic,
                    1 => gw.gateway_type = Some(VpnType::PolicyBased),
                    2 => flip(&mut gw.bgp),
                    3 => flip(&mut gw.active_active),
                    4 => gw.asn = Some(65010),
                    _ => {}
                }
            }
            match what {
                5 => node.firewall = node.firewall.take().xor(Some(Firewall { sku: None })),
                6 => {
                    node.route_server = node.route_server.take().xor(Some(RouteServer {
                        branch_to_branch: Some(true),
                    }))
                }
                7 => match node.er_gateway.as_mut() {
                    Some(er) => flip(&mut er.allow_vnet_to_vnet),
                    None if node.kind == NodeKind::Vnet => {
                        node.er_gateway = Some(ErGateway {
                            sku: ErGwSku::ErGw1AZ,
                            allow_vnet_to_vnet: None,
                            scale_units: None,
                        })
                    }
                    None => {}
                },
                8 if node.kind == NodeKind::Expressroute => {
                    node.sku = Some(match node.sku {
                        Some(ErSku::Standard) => ErSku::Local,
                        Some(ErSku::Local) => ErSku::Premium,
                        _ => ErSku::Standard,
                    })
                }
                8 => node.vpn_gateway = None,
                _ => {}
            }
        }
        Mutation::Twin(n, tweak) if nodes > 0 => {
            let busy = busy(plan);
            let i = if busy.is_empty() || n % 2 == 1 {
                n % nodes
            } else {
                busy[n / 2 % busy.len()]
            };
            twin(plan, i, tweak)
        }
        Mutation::Wan(w, what) if !plan.wans.is_empty() => {
            let count = plan.wans.len();
            let wan = &mut plan.wans[w % count];
            match what {
                0 => flip(&mut wan.branch_to_branch),
                _ => {
                    wan.wan_type = match wan.wan_type {
                        WanType::Basic => WanType::Standard,
                        WanType::Standard => WanType::Basic,
                    }
                }
            }
        }
        _ => {}
    }
}

/// Nodes with something to change: gateways and circuits.
fn busy(plan: &Plan) -> Vec<usize> {
    (0..plan.nodes.len())
        .filter(|&i| {
            let x = &plan.nodes[i];
            x.vpn_gateway.is_some() || x.er_gateway.is_some() || x.kind == NodeKind::Expressroute
        })
        .collect()
}

/// Adds a copy of node `n` with copies of its links (a twin), with fresh addresses, then
/// changes one thing of the copy (`tweak`) so that near-twins meet the grouping too.
fn twin(plan: &mut Plan, n: usize, tweak: u8) {
    let mut node = plan.nodes[n].clone();
    let id = format!("{}-twin{}", node.id, plan.nodes.len());
    if id.len() > 64 {
        return;
    }
    let k = plan.nodes.len();
    if node.address_space.is_some() {
        node.address_space = Cidr::parse(&format!("fd99:{k:x}::/48"))
            .ok()
            .map(|c| vec![c]);
    }
    if let Some(p2s) = node.vpn_gateway.as_mut().and_then(|g| g.p2s.as_mut()) {
        p2s.address_pool = Cidr::parse(&format!("fd98:{k:x}::/48"))
            .into_iter()
            .collect();
    }
    let old = node.id.clone();
    node.id = id.clone();
    match tweak {
        0 => node.firewall = node.firewall.take().xor(Some(Firewall { sku: None })),
        1 => {
            if let Some(er) = node.er_gateway.as_mut() {
                flip(&mut er.allow_vnet_to_vnet);
            }
        }
        2 => {
            if let Some(gw) = node.vpn_gateway.as_mut() {
                flip(&mut gw.bgp);
            }
        }
        _ => {}
    }
    plan.nodes.push(node);
    let copies: Vec<_> = plan
        .links
        .iter()
        .filter(|l| l.from == old || l.to == old)
        .map(|l| {
            let mut l = l.clone();
            l.id = None;
            if l.from == old {
                l.from = id.clone();
            }
            if l.to == old {
                l.to = id.clone();
            }
            l
        })
        .collect();
    for (i, mut link) in copies.into_iter().enumerate() {
        if i == 0 {
            match tweak {
                3 => flip(&mut link.bgp),
                4 => flip(&mut link.use_remote_gateways),
                5 => flip(&mut link.route_via_firewall),
                6 => flip(&mut link.allow_forwarded_traffic),
                _ => {}
            }
        }
        plan.links.push(link);
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn matrix_oracle_and_analysis_agree_on_random_plans(
        seed in any::<u64>(),
        size in prop_oneof![5usize..=60, 5usize..=200],
        mutations in prop::collection::vec(mutation(), 0..24),
    ) {
        let mut plan = generate(size, seed);
        for m in &mutations {
            apply(&mut plan, m);
        }
        agree(&plan, &format!("generate({size}, {seed}) with {mutations:?}"));
    }
}

#[test]
fn the_cli_generates_plans_and_summarizes_them() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let exe = env!("CARGO_BIN_EXE_reachplan");
    let out = Command::new(exe)
        .args(["generate", "120", "--seed", "9"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let plan = read_plan(&text).unwrap();
    assert_eq!(plan, generate(120, 9));
    let mut child = Command::new(exe)
        .args(["check", "-", "--summary"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let printed = String::from_utf8(out.stdout).unwrap();
    let mut lines = printed.lines();
    assert_eq!(
        lines.next(),
        Some(reachplan::engine::text::summary(&analyze(&plan)).as_str())
    );
    assert!(lines.next().is_some_and(|l| l.starts_with("analysis: ")));
    let bad = Command::new(exe)
        .args(["generate", "many"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

/// A shape random plans once found: two `vwan_connection` links between one spoke and its hub.
/// The fast matrix shares one decision for going back to the node traffic came from over a
/// parallel link, and `transit::hop` decides the two parallel links differently here.
#[test]
#[ignore = "known defect of the fast matrix's shared decisions for parallel links; run with --ignored"]
fn parallel_hub_connections_of_one_spoke() {
    let mut plan = generate(109, 358348467016584485);
    for m in [
        Mutation::Wan(4075262, 1),
        Mutation::AddLink(7, 2229156860454955696, 8853298952222110628),
        Mutation::DropLink(10936481863537568646),
        Mutation::Wan(16141755238318698301, 1),
    ] {
        apply(&mut plan, &m);
    }
    agree(&plan, "parallel hub connections");
}
