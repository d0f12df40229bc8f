//! A VNet's VPN gateway: SSTP and IKEv2/OpenVPN connections, tunnels, throughput and P2S client routes against its SKU (§5, R3.1, R3.16, R4.2), and the smallest SKU that fits.
//!
//! Also the users who cannot connect at all, on VNet gateways and hubs alike (R4.1–R4.6).
//! Recommendations come from [`limits::VPN_RECOMMENDED`] (zone-redundant SKUs, R5.1): connections
//! and throughput with 30 % headroom, tunnels as counted (a tunnel is planned, not a surge).

use crate::engine::catalogue::Code;
use crate::engine::catalogue::Rule;
use std::collections::BTreeMap;

use super::clients::{self, Os};
use super::elements::{offered, Assigned, Key, Loads};
use super::{num, severity_of, state, Change, Ctx, ElementKind, Measure, Measured, Row, HEADROOM};
use crate::engine::limits::{self, VpnSkuRow};
use crate::engine::model::{LinkKind, NodeKind, Protocol, VpnType};
use crate::engine::rules::Severity;

fn sku_text(row: &VpnSkuRow) -> String {
    format!("{} (Generation {})", row.sku, row.generation)
}

/// S2S and VNet-to-VNet tunnels at VNet `g`: one per connection, four for an AWS connection
/// pair (R8.1), as the topology counts them.
pub fn tunnels(ctx: &Ctx, g: usize) -> u32 {
    let plan = ctx.plan;
    let me = &plan.nodes[g].id;
    plan.links
        .iter()
        .filter(|l| l.kind == LinkKind::S2s && (&l.from == me || &l.to == me))
        .map(|l| {
            let other = if &l.from == me { &l.to } else { &l.from };
            let aws = ctx
                .at(other)
                .is_some_and(|o| plan.nodes[o].provider.as_deref() == Some("aws"));
            if aws {
                limits::AWS_TUNNELS
            } else {
                1
            }
        })
        .sum()
}

/// The rows of every VNet VPN gateway.
pub fn measure(ctx: &mut Ctx, users: &[Assigned], loads: &Loads) -> Vec<Measured> {
    let plan = ctx.plan;
    let mut out = Vec::new();
    for (g, node) in plan.nodes.iter().enumerate() {
        let Some(gw) = node
            .vpn_gateway
            .as_ref()
            .filter(|_| node.kind == NodeKind::Vnet)
        else {
            continue;
        };
        let Some(row) = limits::vpn_sku(gw.sku, gw.generation) else {
            continue;
        };
        let mine: Vec<&Assigned> = users.iter().filter(|a| a.gateway == g).collect();
        let sum = |f: &dyn Fn(Protocol) -> bool| -> f64 {
            mine.iter()
                .filter(|a| a.protocol.as_ref().is_ok_and(|p| f(*p)))
                .map(|a| a.count)
                .sum()
        };
        let sstp = sum(&|p| p == Protocol::Sstp);
        let family = sum(&|p| p != Protocol::Sstp);
        let p2s = offered(plan, g);
        let offers = |p: Protocol| p2s.as_ref().is_some_and(|(ps, _)| ps.contains(&p));
        let mk = |measure, base, per_surge, capacity: u32, limit: String, source, rule| Measured {
            element: node.id.clone(),
            kind: ElementKind::VpnGateway,
            link: None,
            measure,
            base,
            per_surge,
            capacity: f64::from(capacity),
            limit,
            source,
            rule,
        };
        if offers(Protocol::Sstp) || sstp > 0.0 {
            out.push(mk(
                Measure::SstpConnections,
                0.0,
                sstp,
                limits::SSTP_CONNECTIONS,
                format!("SSTP, {} connections on any SKU", limits::SSTP_CONNECTIONS),
                limits::SSTP_SOURCE,
                Rule::R4_2,
            ));
        }
        if row.ikev2_openvpn > 0
            && (offers(Protocol::Ikev2) || offers(Protocol::Openvpn) || family > 0.0)
        {
            out.push(mk(
                Measure::P2sConnections,
                0.0,
                family,
                row.ikev2_openvpn,
                format!(
                    "{}, {} IKEv2/OpenVPN connections",
                    sku_text(row),
                    row.ikev2_openvpn
                ),
                limits::VPN_SKU_SOURCE,
                Rule::S5,
            ));
        }
        let t = tunnels(ctx, g);
        if t > 0 {
            let policy = gw.kind() == VpnType::PolicyBased;
            let (cap, limit) = if policy {
                (
                    limits::POLICY_BASED_TUNNELS,
                    format!(
                        "policy-based {}, {} tunnel",
                        gw.sku,
                        limits::POLICY_BASED_TUNNELS
                    ),
                )
            } else {
                (
                    row.tunnels,
                    format!("{}, {} tunnels", sku_text(row), row.tunnels),
                )
            };
            out.push(mk(
                Measure::Tunnels,
                f64::from(t),
                0.0,
                cap,
                limit,
                limits::VPN_SKU_SOURCE,
                Rule::R3_1,
            ));
        }
        let load = loads.get(Key::of(g, ElementKind::VpnGateway));
        out.push(mk(
            Measure::Throughput,
            load.base,
            load.per_surge,
            row.throughput_mbps,
            format!("{}, {} Mbps aggregate", sku_text(row), row.throughput_mbps),
            limits::VPN_SKU_SOURCE,
            Rule::S5,
        ));
        if let Some((protocols, _)) = &p2s {
            let mut used: Vec<(Os, Protocol)> = mine
                .iter()
                .filter_map(|a| a.protocol.ok().map(|p| (a.os, p)))
                .collect();
            if used.is_empty() {
                used = protocols.iter().map(|p| (Os::Unknown, *p)).collect();
            }
            let limit = used
                .iter()
                .filter_map(|(os, p)| match p {
                    Protocol::Openvpn => Some((limits::P2S_ROUTES_OPENVPN, "OpenVPN clients")),
                    Protocol::Ikev2 if matches!(os, Os::Windows | Os::Unknown) => Some((
                        limits::P2S_ROUTES_IKEV2_WINDOWS,
                        "Windows IKEv2 clients from Windows 10 version 2004 (25 before)",
                    )),
                    Protocol::Ikev2 => {
                        Some((limits::P2S_ROUTES_IKEV2, "IKEv2 clients other than Windows"))
                    }
                    Protocol::Sstp => None,
                })
                .min();
            if let Some((cap, who)) = limit {
                out.push(mk(
                    Measure::ClientRoutes,
                    f64::from(super::routes::p2s_client(plan, g)),
                    0.0,
                    cap,
                    format!("{who}, {cap} routes"),
                    limits::P2S_ROUTES_SOURCE,
                    Rule::R3_16,
                ));
            }
        }
    }
    out
}

/// What a gateway needs: connections (SSTP users moved when SSTP is over), Mbps, tunnels.
struct Need {
    connections: f64,
    mbps: f64,
    tunnels: f64,
}

/// The smallest recommended SKU that carries the need with headroom.
fn smallest(need: &Need) -> Option<&'static VpnSkuRow> {
    limits::VPN_RECOMMENDED
        .iter()
        .filter_map(|(sku, generation)| limits::vpn_sku(*sku, Some(*generation)))
        .find(|r| {
            f64::from(r.ikev2_openvpn) >= (need.connections * HEADROOM).ceil()
                && f64::from(r.throughput_mbps) >= need.mbps * HEADROOM
                && f64::from(r.tunnels) >= need.tunnels
        })
}

fn needs(need: &Need) -> String {
    let mut parts = vec![
        format!("{} connections", num(need.connections)),
        format!("{} Mbps", num(need.mbps)),
    ];
    if need.tunnels > 0.0 {
        let s = if need.tunnels == 1.0 { "" } else { "s" };
        parts.push(format!("{} tunnel{s}", num(need.tunnels)));
    }
    parts.join(", ")
}

fn recommendation(g: &str, current: Option<&VpnSkuRow>, need: &Need) -> (String, Change) {
    match smallest(need) {
        Some(r) if current.is_some_and(|c| c.sku == r.sku && c.generation >= r.generation) => (
            format!("The current {} of {g} carries this with 30 % headroom once the design change is made.", sku_text(r)),
            Change::Design,
        ),
        Some(r) => (
            format!(
                "Resize {g}'s gateway to {}, the smallest that carries {} with 30 % headroom ({} IKEv2/OpenVPN connections, {} Mbps, {} tunnels).",
                sku_text(r),
                needs(need),
                r.ikev2_openvpn,
                r.throughput_mbps,
                r.tunnels
            ),
            Change::VpnSku { sku: r.sku, generation: r.generation },
        ),
        None => {
            let mut why = Vec::new();
            if need.tunnels > f64::from(limits::VPN_GATEWAY_MAX_TUNNELS) {
                why.push(format!("more than {} S2S tunnels (R5.2)", limits::VPN_GATEWAY_MAX_TUNNELS));
            }
            if need.connections * HEADROOM > 10_000.0 {
                why.push("more P2S users than the largest SKU's 10000 connections (a hub's User VPN takes up to 100000, R7.10)".to_string());
            }
            if need.mbps * HEADROOM > 10_000.0 {
                why.push("more than the largest SKU's 10000 Mbps (move site traffic to ExpressRoute, R10.3)".to_string());
            }
            (
                format!("No VPN gateway SKU carries it: use Virtual WAN for {}.", why.join("; ")),
                Change::Design,
            )
        }
    }
}

/// Findings for the VPN gateway rows, and for users who cannot connect anywhere.
pub fn judge(ctx: &mut Ctx, rows: &[Row], users: &[Assigned]) {
    let plan = ctx.plan;
    let mut by_gateway: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.kind == ElementKind::VpnGateway) {
        by_gateway.entry(r.element.as_str()).or_default().push(r);
    }
    for (g, rows) in by_gateway {
        let demand = |m: Measure| {
            rows.iter()
                .find(|r| r.measure == m)
                .map_or(0.0, |r| r.demand)
        };
        let sstp_over = rows
            .iter()
            .any(|r| r.measure == Measure::SstpConnections && severity_of(r).is_some());
        let need = Need {
            connections: demand(Measure::P2sConnections)
                + if sstp_over {
                    demand(Measure::SstpConnections)
                } else {
                    0.0
                },
            mbps: demand(Measure::Throughput),
            tunnels: demand(Measure::Tunnels),
        };
        let current = ctx
            .at(g)
            .and_then(|n| plan.nodes[n].vpn_gateway.as_ref())
            .and_then(|gw| limits::vpn_sku(gw.sku, gw.generation));
        for row in rows {
            let Some(severity) = severity_of(row) else {
                continue;
            };
            let (code, extra, rec) = match row.measure {
                Measure::SstpConnections => {
                    let (text, change) = recommendation(g, current, &need);
                    (
                        Code::SstpLimit,
                        " SSTP stops at 128 connections whatever the SKU (R4.2).",
                        Some((format!("Move the Windows users from SSTP to IKEv2 (offered next to SSTP, R4.5) or OpenVPN (instead of SSTP). {text}"), change)),
                    )
                }
                Measure::P2sConnections => (Code::P2sConnections, "", Some(recommendation(g, current, &need))),
                Measure::Tunnels => (Code::TunnelLimit, "", Some(recommendation(g, current, &need))),
                Measure::Throughput => (
                    Code::GatewayThroughput,
                    " Aggregate throughput is S2S and P2S together, and not guaranteed (§5).",
                    Some(recommendation(g, current, &need)),
                ),
                Measure::ClientRoutes => (
                    Code::P2sClientRoutes,
                    " Clients fail to connect above their route limit (R3.16).",
                    Some((
                        "Summarise address spaces into fewer prefixes, or move IKEv2 clients to OpenVPN (1000 routes, R3.16).".to_string(),
                        Change::Design,
                    )),
                ),
                _ => continue,
            };
            ctx.find(
                severity,
                code,
                row.rule,
                format!("{}{extra}", state(row, ctx.surge)),
                vec![g.to_string()],
                Some((row.capacity, row.source)),
                rec,
            );
        }
    }
    refused(ctx, users);
}

/// Users, gateway, OS, finding code and rule of a group of users who cannot connect.
type RefusedKey = (usize, usize, Os, Code, Rule);

/// Users whose OS has no protocol (or authentication) on their gateway.
fn refused(ctx: &mut Ctx, users: &[Assigned]) {
    let plan = ctx.plan;
    let mut groups: BTreeMap<RefusedKey, (f64, Vec<Protocol>)> = BTreeMap::new();
    for a in users {
        if let Err(r) = a.protocol {
            let e = groups
                .entry((a.users, a.gateway, a.os, r.code, r.rule))
                .or_insert((0.0, a.offered.clone()));
            e.0 += a.count;
        }
    }
    for ((u, g, os, code, rule), (count, offered)) in groups {
        let n = (count * ctx.surge).ceil();
        let (uid, gid) = (plan.nodes[u].id.clone(), plan.nodes[g].id.clone());
        if offered.is_empty() {
            // No usable P2S configuration at all: the reachability check reports it.
            ctx.note(
                Code::UsersWithoutProtocol,
                format!("{uid}: {gid} offers no usable P2S protocol, so these users add no load."),
            );
            continue;
        }
        let vwan = plan.nodes[g].kind == NodeKind::VwanHub;
        let list = offered
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join(" and ");
        let why = match code {
            Code::ClientOsAuth => format!("{gid} authenticates with Entra ID only, which needs OpenVPN and the Azure VPN Client (Windows and macOS, R4.6)"),
            _ => format!("{gid} offers {list}, which {} clients do not have (R4.1–R4.3)", os.label()),
        };
        let rec = if code == Code::ClientOsAuth {
            "Add certificate or RADIUS authentication next to Entra ID (R4.6).".to_string()
        } else {
            let mut s = clients::advice(os, &offered, vwan);
            if let Some(c) = s.get_mut(0..1) {
                c.make_ascii_uppercase();
            }
            format!("{s}.")
        };
        ctx.find(
            Severity::Error,
            code,
            rule,
            format!(
                "{} {} users of {uid} cannot connect: {why}.",
                num(n),
                os.label()
            ),
            vec![uid, gid],
            None,
            Some((rec, Change::Design)),
        );
    }
}
