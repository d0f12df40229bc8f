//! The own fields of sites, user groups, Virtual WAN hubs, circuits and other clouds.

use std::rc::Rc;

use yew::prelude::*;

use super::fields::{CheckField, DecimalField, NumberField, SelectField, TextField};
use super::p2s::{P2sAllowed, P2sEditor};
use super::vnet::firewall_fields;
use super::{
    enum_name, enum_options, enum_parse, flag_options, flag_value, parse_flag, NodeEditor,
};
use crate::engine::geo;
use crate::engine::model::{
    Auth, Clients, ErSku, Node, NodeKind, P2sConfig, Plan, Protocol, RoutingIntent, ScaleUnits,
    VpnType,
};
use crate::ui::state::Action;

/// The kind section's inputs.
#[derive(Properties, PartialEq)]
pub struct KindProps {
    /// The plan (for the list of virtual WANs).
    pub plan: Rc<Plan>,
    /// The node.
    pub node: Node,
    /// Where edits go.
    pub on_action: Callback<Action>,
}

/// The fields of the node's kind (VNets have their own component).
#[function_component(KindFields)]
pub fn kind_fields(props: &KindProps) -> Html {
    let ed = NodeEditor {
        node: props.node.clone(),
        on_action: props.on_action.clone(),
    };
    match props.node.kind {
        NodeKind::Site => site(&ed),
        NodeKind::Users => users(&ed),
        NodeKind::VwanHub => hub(&ed, &props.plan),
        NodeKind::Expressroute => circuit(&ed),
        NodeKind::Cloud => cloud(&ed),
        NodeKind::Vnet | NodeKind::Microsoft | NodeKind::Internet => html! {},
    }
}

fn site(ed: &NodeEditor) -> Html {
    let n = &ed.node;
    html! {
        <>
            <SelectField id={ed.id("vpn-device")} label="VPN device"
                options={enum_options(&[VpnType::RouteBased, VpnType::PolicyBased])}
                unset={AttrValue::from("not set (route-based)")}
                value={n.vpn_device.map(|t| enum_name(&t)).unwrap_or_default()}
                on_change={ed.set(|n: &mut Node, v: String| n.vpn_device = enum_parse(&v))} />
            <NumberField id={ed.id("asn")} label="BGP ASN" value={n.asn} min={1} max={4_294_967_294}
                on_change={ed.set(|n: &mut Node, v: Option<u32>| n.asn = v)} />
        </>
    }
}

fn users(ed: &NodeEditor) -> Html {
    let n = &ed.node;
    let clients = n.clients.unwrap_or_default();
    let client = |key: &'static str,
                  label: &'static str,
                  value: Option<u32>,
                  set: fn(&mut Clients, Option<u32>)| {
        html! {
            <NumberField id={ed.id(&format!("clients-{key}"))} label={label} value={value}
                on_change={ed.set(move |n: &mut Node, v: Option<u32>| {
                    let mut c = n.clients.unwrap_or_default();
                    set(&mut c, v);
                    n.clients = (c != Clients::default()).then_some(c);
                })} />
        }
    };
    html! {
        <>
            <NumberField id={ed.id("count")} label="How many people" value={n.count}
                on_change={ed.set(|n: &mut Node, v: Option<u32>| n.count = v)} />
            <DecimalField id={ed.id("mbps")} label="Mbps per person (default 2)" value={n.mbps_per_user}
                on_change={ed.set(|n: &mut Node, v: Option<f64>| n.mbps_per_user = v)} />
            <fieldset class="grid">
                <legend>{"Clients by operating system"}</legend>
                { client("windows", "Windows", clients.windows, |c, v| c.windows = v) }
                { client("macos", "macOS", clients.macos, |c, v| c.macos = v) }
                { client("linux", "Linux", clients.linux, |c, v| c.linux = v) }
                { client("ios", "iOS", clients.ios, |c, v| c.ios = v) }
                { client("android", "Android", clients.android, |c, v| c.android = v) }
            </fieldset>
            <p class="field-hint">{"Remote users take their addresses from the pool of the gateway or hub they connect to."}</p>
        </>
    }
}

fn hub(ed: &NodeEditor, plan: &Plan) -> Html {
    let n = &ed.node;
    let wans: Vec<(AttrValue, AttrValue)> = plan
        .wans
        .iter()
        .map(|w| {
            let label = match &w.name {
                Some(name) => format!("{name} ({}, {})", w.id, enum_name(&w.wan_type)),
                None => format!("{} ({})", w.id, enum_name(&w.wan_type)),
            };
            (AttrValue::from(w.id.clone()), AttrValue::from(label))
        })
        .collect();
    let ri = n.routing_intent;
    let su = n.scale_units.unwrap_or_default();
    let unit = |key: &'static str,
                label: &'static str,
                value: Option<u32>,
                set: fn(&mut ScaleUnits, Option<u32>)| {
        html! {
            <NumberField id={ed.id(&format!("units-{key}"))} label={label} value={value} min={1} max={100}
                on_change={ed.set(move |n: &mut Node, v: Option<u32>| {
                    let mut s = n.scale_units.unwrap_or_default();
                    set(&mut s, v);
                    n.scale_units = (s != ScaleUnits::default()).then_some(s);
                })} />
        }
    };
    html! {
        <>
            <SelectField id={ed.id("wan")} label="Virtual WAN" options={wans}
                unset={AttrValue::from("none (add one in the plan's settings)")}
                value={n.wan.clone().unwrap_or_default()}
                on_change={ed.set(|n: &mut Node, v: String| n.wan = (!v.is_empty()).then_some(v))} />
            { firewall_fields(ed) }
            <CheckField id={ed.id("ri")} label="Routing intent" value={ri.is_some()}
                on_change={ed.set(|n: &mut Node, on: bool| n.routing_intent = on.then_some(RoutingIntent { private: true, internet: false }))} />
            if let Some(r) = ri {
                <div class="subsection">
                    <CheckField id={ed.id("ri-private")} label="Private traffic through the hub's firewall" value={r.private}
                        on_change={ed.set(|n: &mut Node, on: bool| if let Some(r) = n.routing_intent.as_mut() { r.private = on })} />
                    <CheckField id={ed.id("ri-internet")} label="Internet traffic through the hub's firewall" value={r.internet}
                        on_change={ed.set(|n: &mut Node, on: bool| if let Some(r) = n.routing_intent.as_mut() { r.internet = on })} />
                </div>
            }
            <CheckField id={ed.id("non-vwan")} label="ExpressRoute: allow traffic from non Virtual WAN networks"
                value={n.allow_non_virtual_wan_traffic == Some(true)}
                on_change={ed.set(|n: &mut Node, on: bool| n.allow_non_virtual_wan_traffic = on.then_some(true))} />
            <fieldset class="grid">
                <legend>{"Gateway scale units"}</legend>
                { unit("s2s", "S2S VPN", su.s2s, |s, v| s.s2s = v) }
                { unit("p2s", "User VPN", su.p2s, |s, v| s.p2s = v) }
                { unit("er", "ExpressRoute", su.er, |s, v| s.er = v) }
            </fieldset>
            <CheckField id={ed.id("hub-p2s")} label="User VPN (point-to-site)" value={n.p2s.is_some()}
                on_change={ed.set(|n: &mut Node, on: bool| n.p2s = on.then(|| P2sConfig {
                    protocols: vec![Protocol::Openvpn], auth: vec![Auth::Certificate], address_pool: Vec::new() }))} />
            if let Some(p2s) = &n.p2s {
                <P2sEditor prefix="hub-p2s" config={p2s.clone()}
                    allowed={P2sAllowed { sstp: false, openvpn_ikev2: true, other_auth: true }}
                    on_change={ed.set(|n: &mut Node, c: P2sConfig| n.p2s = Some(c))} />
            }
        </>
    }
}

fn circuit(ed: &NodeEditor) -> Html {
    let n = &ed.node;
    html! {
        <>
            <TextField id={ed.id("location")} label="Peering location" value={n.location.clone()}
                list={AttrValue::from("peering-locations")}
                on_change={ed.set(|n: &mut Node, v: Option<String>| n.location = v)} />
            <datalist id="peering-locations">
                { for geo::PEERING_LOCATIONS.iter().map(|l| html! { <option value={l.name} /> }) }
            </datalist>
            <SelectField id={ed.id("sku")} label="Circuit SKU"
                options={enum_options(&[ErSku::Local, ErSku::Standard, ErSku::Premium])}
                unset={AttrValue::from("not set (standard)")}
                value={n.sku.map(|s| enum_name(&s)).unwrap_or_default()}
                on_change={ed.set(|n: &mut Node, v: String| n.sku = enum_parse(&v))} />
            <NumberField id={ed.id("bandwidth")} label="Bandwidth (Mbps)" value={n.bandwidth_mbps} min={1}
                on_change={ed.set(|n: &mut Node, v: Option<u32>| n.bandwidth_mbps = v)} />
            <SelectField id={ed.id("direct")} label="ExpressRoute Direct port" options={flag_options()}
                unset={AttrValue::from("not set (no)")} value={flag_value(n.direct)}
                on_change={ed.set(|n: &mut Node, v: String| n.direct = parse_flag(&v))} />
            <TextField id={ed.id("provider")} label="Connectivity provider" value={n.provider.clone()}
                on_change={ed.set(|n: &mut Node, v: Option<String>| n.provider = v)} />
        </>
    }
}

fn cloud(ed: &NodeEditor) -> Html {
    let n = &ed.node;
    let options = [
        ("aws", "AWS"),
        ("gcp", "Google Cloud"),
        ("oci", "Oracle OCI"),
        ("other", "other"),
    ]
    .into_iter()
    .map(|(v, l)| (AttrValue::from(v), AttrValue::from(l)))
    .collect::<Vec<_>>();
    html! {
        <SelectField id={ed.id("provider")} label="Provider" {options} unset={AttrValue::from("not set")}
            value={n.provider.clone().unwrap_or_default()}
            on_change={ed.set(|n: &mut Node, v: String| n.provider = (!v.is_empty()).then_some(v))} />
    }
}
