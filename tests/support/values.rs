//! Random values of the plan format's fields for the plan strategies of `plans`: prefixes
//! (unique or from a shared pool), optional values, ASNs, counts, rates, P2S configurations,
//! firewalls and gateways.

#![allow(dead_code)]

use proptest::prelude::*;
use proptest::sample::select;
use reachplan::engine::model::{
    Auth, Cidr, ErGateway, ErGwSku, Firewall, FirewallSku, P2sConfig, Protocol, VpnGateway, VpnSku,
    VpnType,
};

/// Where a prefix comes from: unique to its node, or a shared pool where overlaps are common.
#[derive(Debug, Clone)]
pub enum PrefixSpec {
    Unique(u8),
    Pool(u8, u8),
    V6(u8, u8),
}

pub fn prefix_spec() -> impl Strategy<Value = PrefixSpec> {
    prop_oneof![
        3 => (0u8..4).prop_map(PrefixSpec::Unique),
        2 => (0u8..4, select(vec![8u8, 16, 17, 24, 32])).prop_map(|(b, l)| PrefixSpec::Pool(b, l)),
        1 => (0u8..3, select(vec![32u8, 48, 64, 128])).prop_map(|(b, l)| PrefixSpec::V6(b, l)),
    ]
}

pub fn prefix(node: usize, spec: &PrefixSpec) -> Cidr {
    let text = match *spec {
        // 10.<node>.<64 k>.0/18 is disjoint from every other node's unique prefixes.
        PrefixSpec::Unique(k) => format!("10.{}.{}.0/18", node % 200, u16::from(k) * 64),
        PrefixSpec::Pool(b, len) => format!("10.{}.{}.0/{len}", 200 + b / 2, (b % 2) * 128),
        PrefixSpec::V6(b, len) => format!("fd00:{b}::/{len}"),
    };
    // A pool prefix is written from its pool's address; its network is the same range.
    let net: ipnet::IpNet = text.parse().unwrap();
    Cidr::parse(&net.trunc().to_string()).unwrap()
}

pub fn opt<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<T>> {
    prop::option::of(s).boxed()
}

pub fn opt_bool() -> BoxedStrategy<Option<bool>> {
    opt(any::<bool>())
}

pub fn asn() -> impl Strategy<Value = u32> {
    select(vec![
        1u32,
        7224,
        12076,
        65000,
        65001,
        65515,
        65520,
        u32::MAX,
    ])
}

pub fn count() -> impl Strategy<Value = u32> {
    prop_oneof![4 => 0u32..2_000, 1 => any::<u32>()]
}

pub fn mbps() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => (0u32..10_000).prop_map(f64::from),
        1 => select(vec![0.0, 0.5, 1e-9, 1e300, f64::MAX]),
        1 => any::<f64>().prop_filter("finite", |x| x.is_finite()),
    ]
}

pub fn protocol() -> impl Strategy<Value = Protocol> {
    select(vec![Protocol::Openvpn, Protocol::Ikev2, Protocol::Sstp])
}

pub fn p2s() -> impl Strategy<Value = P2sConfig> {
    (
        prop::collection::vec(protocol(), 0..3),
        prop::collection::vec(
            select(vec![Auth::Certificate, Auth::Entra, Auth::Radius]),
            0..3,
        ),
        prop::collection::vec((0u8..4).prop_map(|b| format!("172.16.{}.0/24", b)), 0..2),
    )
        .prop_map(|(protocols, auth, pools)| P2sConfig {
            protocols,
            auth,
            address_pool: pools.iter().map(|p| Cidr::parse(p).unwrap()).collect(),
        })
}

pub fn firewall() -> impl Strategy<Value = Firewall> {
    opt(select(vec![
        FirewallSku::Basic,
        FirewallSku::Standard,
        FirewallSku::Premium,
    ]))
    .prop_map(|sku| Firewall { sku })
}

pub fn vpn_gateway() -> impl Strategy<Value = VpnGateway> {
    (
        select(VpnSku::ALL.to_vec()),
        opt(1u8..=2),
        opt(select(vec![VpnType::RouteBased, VpnType::PolicyBased])),
        opt_bool(),
        opt_bool(),
        opt(asn()),
        opt(p2s()),
    )
        .prop_map(
            |(sku, generation, gateway_type, active_active, bgp, asn, p2s)| VpnGateway {
                sku,
                generation,
                gateway_type,
                active_active,
                bgp,
                asn,
                p2s,
            },
        )
}

pub fn er_gateway() -> impl Strategy<Value = ErGateway> {
    (
        select(vec![
            ErGwSku::Standard,
            ErGwSku::HighPerformance,
            ErGwSku::UltraPerformance,
            ErGwSku::ErGw1AZ,
            ErGwSku::ErGw2AZ,
            ErGwSku::ErGw3AZ,
            ErGwSku::ErGwScale,
        ]),
        opt_bool(),
        opt(1u32..10),
        opt_bool(),
    )
        .prop_map(
            |(sku, allow_vnet_to_vnet, scale_units, allow_virtual_wan_traffic)| ErGateway {
                sku,
                allow_vnet_to_vnet,
                allow_virtual_wan_traffic,
                scale_units,
            },
        )
}
