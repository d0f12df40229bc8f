//! ExpressRoute circuits and their peerings.

use crate::engine::model::{ErSku, LinkKind, Node};

use super::build::Builder;
use super::decl::{ParamType, Value};

/// Declares the circuit, and its private peering when a link uses it (a private peering to a
/// site, a connection to a gateway or hub, Global Reach).
pub fn declare(b: &mut Builder, node: &Node) {
    let tier = match node.sku.unwrap_or(ErSku::Standard) {
        ErSku::Local => "Local",
        ErSku::Standard => "Standard",
        ErSku::Premium => "Premium",
    };
    let mut r = b.resource("Microsoft.Network/expressRouteCircuits", node.id.clone());
    r.location = Some(b.location(node));
    r.tags = Builder::tags(node);
    r.sku = Some(Value::obj([
        ("name", Value::s(format!("{tier}_MeteredData"))),
        ("tier", Value::s(tier)),
        ("family", Value::s("MeteredData")),
    ]));
    let mbps = node.bandwidth_mbps.unwrap_or(1000);
    if node.bandwidth_mbps.is_none() {
        r.comments
            .push("The plan gives no bandwidth: 1 Gbps is declared.".into());
    }
    let location = match &node.location {
        Some(l) => Value::s(l),
        None => b.param(
            &format!("{}_peering_location", node.id),
            ParamType::Text,
            format!(
                "Peering location of circuit {} (the plan does not say it).",
                node.id
            ),
        ),
    };
    r.properties = if node.direct == Some(true) {
        let port = b.param(
            &format!("{}_port_id", node.id),
            ParamType::Text,
            format!(
                "Resource id of the ExpressRoute Direct port of circuit {}.",
                node.id
            ),
        );
        let gbps = (mbps / 1000).max(1);
        Value::obj([
            ("expressRoutePort", Value::obj([("id", port)])),
            ("bandwidthInGbps", Value::Int(gbps.into())),
        ])
    } else {
        let provider = match &node.provider {
            Some(p) => Value::s(p),
            None => b.param(
                &format!("{}_provider", node.id),
                ParamType::Text,
                format!("Connectivity provider of circuit {}.", node.id),
            ),
        };
        let service = Value::obj([
            ("serviceProviderName", provider),
            ("peeringLocation", location),
            ("bandwidthInMbps", Value::Int(mbps.into())),
        ]);
        Value::obj([("serviceProviderProperties", service)])
    };
    let circuit = b.add("circuit", &node.id, r);
    let uses = |kinds: &[LinkKind]| {
        b.plan
            .links
            .iter()
            .any(|l| kinds.contains(&l.kind) && (l.from == node.id || l.to == node.id))
    };
    let private = uses(&[
        LinkKind::ErPrivate,
        LinkKind::ErConnection,
        LinkKind::GlobalReach,
    ]);
    let microsoft = uses(&[LinkKind::ErMicrosoft]);
    if private {
        let asn = b
            .plan
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::ErPrivate && l.to == node.id)
            .find_map(|l| b.plan.node(&l.from).and_then(|n| n.asn));
        peering(b, node, circuit, "AzurePrivatePeering", asn);
    }
    if microsoft {
        peering(b, node, circuit, "MicrosoftPeering", None);
    }
}

fn peering(b: &mut Builder, node: &Node, circuit: usize, kind: &str, asn: Option<u32>) {
    let id = &node.id;
    let short = if kind == "MicrosoftPeering" {
        "ms"
    } else {
        "private"
    };
    let text = |b: &mut Builder, what: &str, words: &str| {
        b.param(
            &format!("{id}_{short}_{what}"),
            ParamType::Text,
            format!("{words} of the {kind} of circuit {id}."),
        )
    };
    let primary = text(b, "primary", "Primary /30 peer subnet");
    let secondary = text(b, "secondary", "Secondary /30 peer subnet");
    let peer_asn = match asn {
        Some(a) => Value::Int(a.into()),
        None => b.param(
            &format!("{id}_{short}_peer_asn"),
            ParamType::Number,
            format!("BGP ASN of the edge routers on the {kind} of circuit {id}."),
        ),
    };
    let vlan = b.param(
        &format!("{id}_{short}_vlan"),
        ParamType::Number,
        format!("VLAN id of the {kind} of circuit {id}."),
    );
    let mut props = vec![
        ("peeringType", Value::s(kind)),
        ("peerASN", peer_asn),
        ("primaryPeerAddressPrefix", primary),
        ("secondaryPeerAddressPrefix", secondary),
        ("vlanId", vlan),
    ];
    if kind == "MicrosoftPeering" {
        let prefix = text(
            b,
            "advertised",
            "Public prefix advertised on the Microsoft peering",
        );
        let config = Value::obj([("advertisedPublicPrefixes", Value::List(vec![prefix]))]);
        props.push(("microsoftPeeringConfig", config));
    }
    let mut r = b.resource(
        "Microsoft.Network/expressRouteCircuits/peerings",
        kind.into(),
    );
    r.parent = Some(circuit);
    r.properties = Value::obj_from(props);
    let role = if kind == "MicrosoftPeering" {
        "mspeering"
    } else {
        "peering"
    };
    b.add(role, id, r);
}
