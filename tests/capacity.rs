//! Capacity planning: the scenario plans under tests/data/capacity produce the findings and the
//! recommended SKU of the limit tables, every limit traces to a table row, and the text and JSON
//! output equal the files under tests/golden/capacity (refresh them with
//! `UPDATE_EXPECT=1 cargo test --test capacity` and review the diff; refused when `CI` is set;
//! golden files no plan produces fail).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use reachplan::engine::capacity::{capacity, render, Capacity, Change, ElementKind, Measure, Row};
use reachplan::engine::limits;
use reachplan::engine::model::{ErSku, Plan, VpnSku};
use reachplan::engine::{read_plan, Severity};

mod support;
use support::golden::{compare, orphans};

const DIR: &str = "tests/data/capacity";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn plans() -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = fs::read_dir(root().join(DIR))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    out.sort();
    out
}

fn load(stem: &str) -> Plan {
    let text = fs::read_to_string(root().join(DIR).join(format!("{stem}.json"))).unwrap();
    read_plan(&text).unwrap_or_else(|e| panic!("{stem}: {e}"))
}

fn codes(cap: &Capacity, severity: Severity) -> Vec<&'static str> {
    cap.findings
        .iter()
        .filter(|f| f.finding.severity == severity)
        .map(|f| f.finding.code.as_str())
        .collect()
}

fn finding<'c>(cap: &'c Capacity, code: &str) -> &'c reachplan::engine::capacity::Shortfall {
    cap.findings
        .iter()
        .find(|f| f.finding.code.as_str() == code)
        .unwrap_or_else(|| panic!("no {code} finding in {:#?}", cap.findings))
}

fn row<'c>(cap: &'c Capacity, element: &str, kind: ElementKind, measure: Measure) -> &'c Row {
    cap.rows
        .iter()
        .find(|r| r.element == element && r.kind == kind && r.measure == measure)
        .unwrap_or_else(|| panic!("no row {element} {kind:?} {measure:?}"))
}

#[test]
fn every_capacity_plan_keeps_its_golden_output() {
    let plans = plans();
    assert_eq!(
        plans.len(),
        11,
        "capacity plans in {DIR} (update the count when adding one)"
    );
    let mut failures = Vec::new();
    let mut produced = BTreeSet::new();
    for (stem, _) in &plans {
        let plan = load(stem);
        let analysis = reachplan::engine::analyze(&plan);
        for i in analysis.intents.iter().filter(|i| !i.holds) {
            failures.push(format!("{stem}: intent {} → {} fails", i.from, i.to));
        }
        for surge in [1.0, 3.0] {
            let cap = capacity(&plan, surge);
            assert_eq!(cap, capacity(&plan, surge), "{stem}: not deterministic");
            let suffix = if surge == 1.0 {
                String::new()
            } else {
                "-surge3".into()
            };
            let json = serde_json::to_string_pretty(&cap).unwrap() + "\n";
            for (name, actual) in [
                (format!("capacity/{stem}{suffix}.txt"), render(&plan, &cap)),
                (format!("capacity/{stem}{suffix}.json"), json),
            ] {
                compare(&name, &actual, &mut failures);
                produced.insert(name);
            }
        }
    }
    orphans("capacity", &produced, &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn sstp_stops_at_128_and_the_users_move_to_a_bigger_sku() {
    let cap = capacity(&load("sstp-800-windows"), 1.0);
    let f = finding(&cap, "sstp-limit");
    assert_eq!(f.finding.severity, Severity::Error);
    assert_eq!(f.finding.rule.map(|r| r.id()), Some("R4.2"));
    assert_eq!(f.limit, Some(f64::from(limits::SSTP_CONNECTIONS)));
    assert!(
        f.finding.message.contains("800 of 128"),
        "{}",
        f.finding.message
    );
    // 800 users × 1.3 = 1040 connections: more than VpnGw3AZ's 1000, so VpnGw4AZ.
    assert_eq!(
        f.change,
        Some(Change::VpnSku {
            sku: VpnSku::VpnGw4AZ,
            generation: 2
        })
    );
    assert!(f.recommendation.as_deref().unwrap().contains("IKEv2"));
    assert!(codes(&cap, Severity::Error).contains(&"gateway-throughput"));
    assert!(cap.has_errors());
}

#[test]
fn six_hundred_users_outgrow_vpngw1() {
    let cap = capacity(&load("vpngw1-600-users"), 1.0);
    let f = finding(&cap, "p2s-connections");
    let vpngw1 = limits::vpn_sku(VpnSku::VpnGw1, Some(1)).unwrap();
    assert_eq!(f.limit, Some(f64::from(vpngw1.ikev2_openvpn)));
    assert!(f.finding.message.contains("600 of 250"));
    // 780 connections and 1560 Mbps with headroom: VpnGw3AZ Generation 2 (1000, 2500 Mbps).
    let expected = Some(Change::VpnSku {
        sku: VpnSku::VpnGw3AZ,
        generation: 2,
    });
    assert_eq!(f.change, expected);
    assert_eq!(finding(&cap, "gateway-throughput").change, expected);
    let b = cap.breaks_first.as_ref().unwrap();
    assert_eq!((b.measure, b.at), (Measure::P2sConnections, 0.42));
}

#[test]
fn macos_and_ios_users_cannot_use_sstp() {
    let cap = capacity(&load("macos-sstp-only"), 1.0);
    let refused: Vec<&str> = cap
        .findings
        .iter()
        .filter(|f| f.finding.code.as_str() == "client-os-protocol")
        .map(|f| f.finding.message.as_str())
        .collect();
    assert_eq!(refused.len(), 2, "{refused:?}");
    assert!(refused.iter().any(|m| m.starts_with("30 macOS users")));
    assert!(refused.iter().any(|m| m.starts_with("10 iOS users")));
    assert!(cap
        .findings
        .iter()
        .all(|f| f.finding.rule.map(|r| r.id()) == Some("R4.2")));
    // Only the 60 Windows users connect.
    let sstp = row(
        &cap,
        "hub",
        ElementKind::VpnGateway,
        Measure::SstpConnections,
    );
    assert_eq!(sstp.demand, 60.0);
}

#[test]
fn more_than_100_tunnels_calls_for_virtual_wan() {
    let cap = capacity(&load("s2s-150-tunnels-vpngw5"), 1.0);
    let f = finding(&cap, "tunnel-limit");
    assert_eq!(f.limit, Some(100.0));
    assert!(f.finding.message.contains("150 of 100"));
    assert_eq!(f.change, Some(Change::Design));
    assert!(f
        .recommendation
        .as_deref()
        .unwrap()
        .contains("Virtual WAN for more than 100 S2S tunnels (R5.2)"));
}

#[test]
fn a_plan_within_limits_has_no_capacity_finding() {
    let cap = capacity(&load("within-limits"), 1.0);
    assert!(cap.findings.is_empty(), "{:#?}", cap.findings);
    assert!(cap.rows.iter().all(|r| r.percent <= 70.0));
    assert_eq!(cap.rows.len(), 10, "{:#?}", cap.rows);
    // The firewall carries the three flows that cross it (R2.3).
    assert_eq!(
        row(&cap, "hub", ElementKind::Firewall, Measure::Throughput).demand,
        900.0
    );
}

#[test]
fn expressroute_is_preferred_to_the_vpn_for_the_same_site() {
    let cap = capacity(&load("realtime-vpn-and-expressroute"), 1.0);
    let flow = &cap.flows[0];
    assert_eq!((flow.from.as_str(), flow.to.as_str()), ("clinic", "ehr"));
    assert!(flow.via.iter().any(|v| v == "er_private"));
    assert!(!flow.via.iter().any(|v| v == "s2s"));
    assert!(flow.route.contains("R2.8"));
    assert_eq!(
        row(&cap, "hub", ElementKind::VpnGateway, Measure::Throughput).demand,
        0.0
    );
    assert_eq!(
        row(&cap, "er-wdc", ElementKind::Circuit, Measure::ThroughputIn).demand,
        490.0
    );
    assert_eq!(
        row(&cap, "er-wdc", ElementKind::Circuit, Measure::ThroughputOut).demand,
        300.0
    );
    assert_eq!(
        finding(&cap, "er-local-preference").finding.severity,
        Severity::Info
    );
    // East US to West Europe: 84 ms from the rule book's table (R10.2).
    assert_eq!(cap.flows[1].rtt_ms, Some(84.0));
    assert!(cap.flows[0].rtt_ms.is_none());
}

#[test]
fn realtime_video_on_the_internet_while_the_site_has_a_circuit() {
    let cap = capacity(&load("realtime-p2s-expressroute-blocked"), 1.0);
    let f = finding(&cap, "realtime-over-internet");
    assert_eq!(f.finding.severity, Severity::Warning);
    assert!(
        f.finding.message.contains("[R3.14]"),
        "{}",
        f.finding.message
    );
    assert!(cap.flows[0].via.iter().any(|v| v == "s2s"));
    assert_eq!(
        cap.flows[0].latency,
        "within westeurope: the latency of one VNet (R10.1); the table has no figure for it, \
         and on-premises or internet legs are not included"
    );
}

#[test]
fn realtime_traffic_hairpinning_through_a_circuit_is_flagged() {
    let cap = capacity(&load("realtime-er-hairpin"), 1.0);
    assert_eq!(
        finding(&cap, "realtime-er-hairpin")
            .finding
            .rule
            .map(|r| r.id()),
        Some("R6.8")
    );
    let f = finding(&cap, "circuit-bandwidth");
    // 420 Mbps × 1.3 = 546: the next provider bandwidth is 1000 Mbps.
    assert_eq!(f.change, Some(Change::CircuitBandwidth { mbps: 1_000 }));
    assert!(cap.flows[0]
        .latency
        .contains("the rule book's table (R10.2) gives round trips from East US only"));
}

#[test]
fn the_surge_shows_what_breaks_first_and_the_scale_units_that_fit() {
    let plan = load("vwan-surge");
    let calm = capacity(&plan, 1.0);
    assert!(!calm.has_errors());
    let b = calm.breaks_first.as_ref().unwrap();
    assert_eq!(
        (b.element.as_str(), b.kind, b.measure),
        ("hub", ElementKind::VwanP2s, Measure::Throughput)
    );
    assert_eq!(b.at, 1.17);
    let surge = capacity(&plan, 2.0);
    let f = finding(&surge, "vwan-p2s-throughput");
    assert_eq!(f.finding.severity, Severity::Error);
    // 6000 users and 6000 Mbps × 1.3: 16 units (10000 users, 8000 Mbps).
    assert_eq!(
        f.change,
        Some(Change::ScaleUnits {
            gateway: "p2s",
            units: 16
        })
    );
    assert_eq!(
        calm.rows.len(),
        surge.rows.len(),
        "the same elements at every surge"
    );
    for (a, b) in calm.rows.iter().zip(&surge.rows) {
        assert!(b.demand >= a.demand, "{a:?} {b:?}");
    }
}

#[test]
fn a_basic_firewall_is_resized_to_standard() {
    let cap = capacity(&load("firewall-basic"), 1.0);
    let f = finding(&cap, "firewall-throughput");
    assert_eq!(f.limit, Some(250.0));
    assert_eq!(
        f.change,
        Some(Change::FirewallSku {
            sku: reachplan::engine::model::FirewallSku::Standard
        })
    );
}

/// The limit of a row, recomputed from the tables for the plan's own element.
fn table_value(plan: &Plan, r: &Row) -> f64 {
    let node = plan.node(&r.element).unwrap();
    let v = match (r.kind, r.measure) {
        (ElementKind::VpnGateway, m) => {
            let gw = node.vpn_gateway.as_ref().unwrap();
            let row = limits::vpn_sku(gw.sku, gw.generation).unwrap();
            match m {
                Measure::SstpConnections => {
                    assert_eq!(row.sstp, limits::SSTP_CONNECTIONS);
                    row.sstp
                }
                Measure::P2sConnections => row.ikev2_openvpn,
                Measure::Tunnels => row.tunnels,
                Measure::Throughput => row.throughput_mbps,
                Measure::ClientRoutes => [
                    limits::P2S_ROUTES_OPENVPN,
                    limits::P2S_ROUTES_IKEV2,
                    limits::P2S_ROUTES_IKEV2_WINDOWS,
                ]
                .into_iter()
                .find(|v| f64::from(*v) == r.capacity)
                .unwrap(),
                other => panic!("unexpected {other:?}"),
            }
        }
        (ElementKind::VwanP2s, m) => {
            let u = node.scale_units.and_then(|s| s.p2s).unwrap_or(1);
            match m {
                Measure::P2sUsers => limits::vwan_p2s_users(u),
                _ => u * limits::VWAN_P2S_UNIT_MBPS,
            }
        }
        (ElementKind::VwanS2s, Measure::VpnConnections) => limits::VWAN_VPN_CONNECTIONS as u32,
        (ElementKind::VwanS2s, Measure::ConnectionThroughput) => limits::VWAN_S2S_CONNECTION_MBPS,
        (ElementKind::VwanS2s, _) => limits::VWAN_S2S_HUB_MBPS,
        (ElementKind::VwanEr, _) => {
            limits::VWAN_ER_UNIT_MBPS * node.scale_units.and_then(|s| s.er).unwrap_or(1)
        }
        (ElementKind::ErGateway, m) => {
            let gw = node.er_gateway.as_ref().unwrap();
            let row = limits::er_gateway(gw.sku, gw.scale_units);
            match m {
                Measure::Throughput => row.mbps,
                Measure::GatewayRoutes => row.routes,
                Measure::VnetRoutes => limits::ER_VNET_ROUTES,
                other => panic!("unexpected {other:?}"),
            }
        }
        (ElementKind::Circuit, Measure::OnpremRoutes) => {
            limits::er_onprem_routes(node.sku.unwrap_or(ErSku::Standard))
        }
        (ElementKind::Circuit, _) => {
            let b = node.bandwidth_mbps.unwrap_or(limits::CIRCUIT_DEFAULT_MBPS);
            assert!(
                limits::PROVIDER_CIRCUIT_MBPS.contains(&b)
                    || limits::DIRECT_CIRCUIT_MBPS.contains(&b)
            );
            b
        }
        (ElementKind::Firewall, _) => limits::firewall(node.firewall.as_ref().unwrap().sku).mbps,
    };
    f64::from(v)
}

#[test]
fn every_limit_traces_to_a_table_row_with_its_source() {
    for (stem, _) in plans() {
        let plan = load(&stem);
        for surge in [1.0, 4.0] {
            let cap = capacity(&plan, surge);
            for r in &cap.rows {
                assert_eq!(r.capacity, table_value(&plan, r), "{stem}: {r:?}");
                assert!(
                    r.source.contains("rule book") || r.source.contains("§5"),
                    "{stem}: {r:?}"
                );
                assert!(
                    r.source.chars().any(|c| c.is_ascii_digit()),
                    "{stem}: source without a date: {r:?}"
                );
                assert!(r.limit.contains(&r.capacity.to_string()), "{stem}: {r:?}");
            }
            for f in &cap.findings {
                let (Some(limit), Some(source)) = (f.limit, f.source) else {
                    continue;
                };
                let text = if limit.fract() == 0.0 {
                    format!("{limit:.0}")
                } else {
                    limit.to_string()
                };
                assert!(
                    f.finding.message.contains(&text),
                    "{stem}: {} lacks {text}",
                    f.finding.message
                );
                assert!(
                    cap.rows
                        .iter()
                        .any(|r| r.capacity == limit && r.source == source)
                        || source == limits::FIREWALL_SOURCE,
                    "{stem}: {} has no row with limit {limit} from {source}",
                    f.finding.code
                );
            }
        }
    }
}

fn cli(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_reachplan"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn the_cli_exits_1_on_a_capacity_error_and_2_on_a_bad_plan_or_surge() {
    let (code, text) = cli(&["capacity", "tests/data/capacity/sstp-800-windows.json"]);
    assert_eq!(code, 1);
    assert!(text.contains("What breaks first"));
    assert!(text.contains("OVER"));
    let (code, _) = cli(&["capacity", "tests/data/capacity/within-limits.json"]);
    assert_eq!(code, 0);
    let (code, json) = cli(&[
        "capacity",
        "tests/data/capacity/vwan-surge.json",
        "--surge",
        "2",
        "--json",
    ]);
    assert_eq!(code, 1);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["surge"], 2.0);
    assert!(value["rows"].as_array().is_some_and(|r| !r.is_empty()));
    assert_eq!(
        cli(&[
            "capacity",
            "tests/data/capacity/vwan-surge.json",
            "--surge",
            "-1"
        ])
        .0,
        2
    );
    assert_eq!(
        cli(&["capacity", "tests/data/malformed/does-not-exist.json"]).0,
        2
    );
}

#[test]
fn split_tunnelling_and_bastion_lower_the_vpn_load() {
    let cap = capacity(&load("split-tunnel-lowers-load"), 1.0);
    let throughput = row(&cap, "hub", ElementKind::VpnGateway, Measure::Throughput);
    // 300 × 2 Mbps through the VPN, plus 300 × 2 × (1 − 0.4) with the split tunnel; the
    // contractors on Bastion add nothing.
    assert!(
        (throughput.demand - 960.0).abs() < 1e-6,
        "{}",
        throughput.demand
    );
    assert!(cap
        .notes
        .iter()
        .any(|n| n.code.as_str() == "split-tunnel-load"));
}

/// A row at another surge (what the app's slider shows) is the row the engine computes at that
/// surge, within the rounding of its base and per-surge parts; at its own surge it is itself.
#[test]
fn a_row_at_another_surge_is_the_engines_row_at_that_surge() {
    for (name, path) in plans() {
        let plan = read_plan(&fs::read_to_string(&path).unwrap()).unwrap();
        let base = capacity(&plan, 1.0);
        for row in &base.rows {
            assert_eq!(&row.at(1.0), row, "{name}");
        }
        for surge in [1.5, 2.0, 3.5, 10.0] {
            let exact = capacity(&plan, surge);
            assert_eq!(exact.rows.len(), base.rows.len(), "{name}");
            for (want, row) in exact.rows.iter().zip(&base.rows) {
                let got = row.at(surge);
                assert!(
                    (want.demand - got.demand).abs() <= 0.05 * surge
                        && (want.percent - got.percent).abs() <= 0.2
                        && want.severity() == got.severity(),
                    "{name} at ×{surge}: {} {:?} is {} ({} %), at() gives {} ({} %)",
                    want.element,
                    want.measure,
                    want.demand,
                    want.percent,
                    got.demand,
                    got.percent
                );
            }
        }
    }
}
