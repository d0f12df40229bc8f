//! Application Gateway: the smallest valid declaration (one public frontend on port 80, one
//! empty backend pool, one rule), which the deployment fills in.

use crate::engine::model::Node;

use super::build::Builder;
use super::decl::Value;
use super::vnet::ip_config;

const TYPE: &str = "Microsoft.Network/applicationGateways";

/// The types of the parts a rule names: frontend, port, listener, pool, settings.
const PARTS: [&str; 5] = [
    "Microsoft.Network/applicationGateways/frontendIPConfigurations",
    "Microsoft.Network/applicationGateways/frontendPorts",
    "Microsoft.Network/applicationGateways/httpListeners",
    "Microsoft.Network/applicationGateways/backendAddressPools",
    "Microsoft.Network/applicationGateways/backendHttpSettingsCollection",
];

/// Declares the VNet's Application Gateway (`v1`: Standard_Medium / WAF_Medium, else v2).
pub fn declare(b: &mut Builder, node: &Node, vnet: usize, v1: bool, waf: bool) {
    let name = format!("{}-appgw", node.id);
    let (sku, tier) = match (v1, waf) {
        (false, false) => ("Standard_v2", "Standard_v2"),
        (false, true) => ("WAF_v2", "WAF_v2"),
        (true, false) => ("Standard_Medium", "Standard"),
        (true, true) => ("WAF_Medium", "WAF"),
    };
    let part = |kind: &'static str, part: &str| {
        Value::obj([(
            "id",
            Value::ResourceId(kind, vec![name.clone(), part.to_string()]),
        )])
    };
    let named = |n: &str, props: Value| Value::obj([("name", Value::s(n)), ("properties", props)]);
    let frontend = ip_config(b, node, vnet, "appgw", "appgw-pip", false);
    // The gateway's own subnet for its instances, the public address for its frontend.
    let (subnet, pip) = split(frontend);
    let mut props = vec![
        (
            "sku",
            Value::obj([
                ("name", Value::s(sku)),
                ("tier", Value::s(tier)),
                ("capacity", Value::Int(2)),
            ]),
        ),
        (
            "gatewayIPConfigurations",
            Value::List(vec![named("gateway", Value::obj([("subnet", subnet)]))]),
        ),
        (
            "frontendIPConfigurations",
            Value::List(vec![named(
                "public",
                Value::obj([("publicIPAddress", pip)]),
            )]),
        ),
        (
            "frontendPorts",
            Value::List(vec![named("http", Value::obj([("port", Value::Int(80))]))]),
        ),
        (
            "backendAddressPools",
            Value::List(vec![named("backend", Value::obj([]))]),
        ),
        (
            "backendHttpSettingsCollection",
            Value::List(vec![named(
                "http",
                Value::obj([
                    ("port", Value::Int(80)),
                    ("protocol", Value::s("Http")),
                    ("cookieBasedAffinity", Value::s("Disabled")),
                ]),
            )]),
        ),
        (
            "httpListeners",
            Value::List(vec![named(
                "http",
                Value::obj([
                    ("frontendIPConfiguration", part(PARTS[0], "public")),
                    ("frontendPort", part(PARTS[1], "http")),
                    ("protocol", Value::s("Http")),
                ]),
            )]),
        ),
        (
            "requestRoutingRules",
            Value::List(vec![named(
                "http",
                Value::obj([
                    ("ruleType", Value::s("Basic")),
                    ("priority", Value::Int(100)),
                    ("httpListener", part(PARTS[2], "http")),
                    ("backendAddressPool", part(PARTS[3], "backend")),
                    ("backendHttpSettings", part(PARTS[4], "http")),
                ]),
            )]),
        ),
    ];
    if waf {
        let config = Value::obj([
            ("enabled", Value::Bool(true)),
            ("firewallMode", Value::s("Prevention")),
            ("ruleSetType", Value::s("OWASP")),
            ("ruleSetVersion", Value::s("3.2")),
        ]);
        props.push(("webApplicationFirewallConfiguration", config));
    }
    let mut r = b.resource(TYPE, name);
    r.location = Some(b.location(node));
    r.comments.push(
        "A placeholder listener (HTTP on port 80) and an empty backend pool: the plan says \
         that an application is published, not how."
            .into(),
    );
    r.properties = Value::obj_from(props);
    b.add("appgw", &node.id, r);
}

/// The subnet and public address of an IP configuration made by `ip_config`.
fn split(config: Value) -> (Value, Value) {
    let mut subnet = Value::Obj(Vec::new());
    let mut pip = Value::Obj(Vec::new());
    if let Value::Obj(pairs) = config {
        for (k, v) in pairs {
            if let (true, Value::Obj(props)) = (k == "properties", v) {
                for (k, v) in props {
                    match k.as_str() {
                        "subnet" => subnet = v,
                        "publicIPAddress" => pip = v,
                        _ => {}
                    }
                }
            }
        }
    }
    (subnet, pip)
}
