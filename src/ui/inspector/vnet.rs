//! The VNet's own fields: VPN gateway (with P2S), ExpressRoute gateway, firewall, Route Server,
//! Bastion, Application Gateway and Virtual Desktop.

use yew::prelude::*;

use super::fields::{CheckField, NumberField, SelectField};
use super::p2s::{P2sAllowed, P2sEditor};
use super::{
    enum_name, enum_options, enum_parse, flag_options, flag_value, parse_flag, NodeEditor,
};
use crate::engine::limits;
use crate::engine::model::{
    AppGateway, Bastion, BastionSku, ErGateway, ErGwSku, Firewall, FirewallSku, Node, P2sConfig,
    RouteServer, VirtualDesktop, VpnGateway, VpnSku, VpnType,
};

/// The VNet section's inputs.
#[derive(Properties, PartialEq)]
pub struct VnetProps {
    /// The node.
    pub node: Node,
    /// Where edits go.
    pub on_action: Callback<crate::ui::state::Action>,
}

const ER_GW_SKUS: [ErGwSku; 7] = [
    ErGwSku::Standard,
    ErGwSku::HighPerformance,
    ErGwSku::UltraPerformance,
    ErGwSku::ErGw1AZ,
    ErGwSku::ErGw2AZ,
    ErGwSku::ErGw3AZ,
    ErGwSku::ErGwScale,
];

/// Firewall SKUs, shared with Virtual WAN hubs.
pub const FIREWALL_SKUS: [FirewallSku; 3] = [
    FirewallSku::Basic,
    FirewallSku::Standard,
    FirewallSku::Premium,
];

/// The firewall fields, shared with Virtual WAN hubs.
pub fn firewall_fields(ed: &NodeEditor) -> Html {
    let node = &ed.node;
    html! {
        <>
            <CheckField id={ed.id("firewall")} label="Azure Firewall (or a forwarding NVA)"
                value={node.firewall.is_some()}
                on_change={ed.set(|n: &mut Node, on: bool| n.firewall = on.then_some(Firewall { sku: None }))} />
            if let Some(fw) = &node.firewall {
                <div class="subsection">
                    <SelectField id={ed.id("firewall-sku")} label="Firewall SKU"
                        options={enum_options(&FIREWALL_SKUS)} unset={AttrValue::from("not set (standard)")}
                        value={fw.sku.map(|s| enum_name(&s)).unwrap_or_default()}
                        on_change={ed.set(|n: &mut Node, v: String| if let Some(f) = n.firewall.as_mut() { f.sku = enum_parse(&v) })} />
                </div>
            }
        </>
    }
}

/// The VNet section.
#[function_component(VnetFields)]
pub fn vnet_fields(props: &VnetProps) -> Html {
    let ed = NodeEditor {
        node: props.node.clone(),
        on_action: props.on_action.clone(),
    };
    let node = &props.node;
    html! {
        <>
            <CheckField id={ed.id("vpn-gateway")} label="VPN gateway" value={node.vpn_gateway.is_some()}
                on_change={ed.set(|n: &mut Node, on: bool| n.vpn_gateway = on.then_some(VpnGateway {
                    sku: VpnSku::VpnGw1AZ, generation: None, gateway_type: None, active_active: None,
                    bgp: None, asn: None, p2s: None }))} />
            if let Some(gw) = &node.vpn_gateway { { vpn_gateway(&ed, gw) } }
            <CheckField id={ed.id("er-gateway")} label="ExpressRoute gateway" value={node.er_gateway.is_some()}
                on_change={ed.set(|n: &mut Node, on: bool| n.er_gateway = on.then_some(ErGateway {
                    sku: ErGwSku::ErGw1AZ, allow_vnet_to_vnet: None, allow_virtual_wan_traffic: None, scale_units: None }))} />
            if let Some(gw) = &node.er_gateway {
                <div class="subsection">
                    <SelectField id={ed.id("er-sku")} label="SKU" options={enum_options(&ER_GW_SKUS)}
                        value={enum_name(&gw.sku)}
                        on_change={ed.set(|n: &mut Node, v: String| if let (Some(g), Some(s)) = (n.er_gateway.as_mut(), enum_parse(&v)) { g.sku = s })} />
                    <SelectField id={ed.id("er-v2v")} label="Allow VNet-to-VNet over ExpressRoute"
                        options={flag_options()} unset={AttrValue::from("not set (no)")}
                        value={flag_value(gw.allow_vnet_to_vnet)}
                        on_change={ed.set(|n: &mut Node, v: String| if let Some(g) = n.er_gateway.as_mut() { g.allow_vnet_to_vnet = parse_flag(&v) })} />
                    <SelectField id={ed.id("er-vwan")} label="Allow traffic from remote Virtual WAN networks"
                        options={flag_options()} unset={AttrValue::from("not set (no)")}
                        value={flag_value(gw.allow_virtual_wan_traffic)}
                        on_change={ed.set(|n: &mut Node, v: String| if let Some(g) = n.er_gateway.as_mut() { g.allow_virtual_wan_traffic = parse_flag(&v) })} />
                    if gw.sku == ErGwSku::ErGwScale || gw.scale_units.is_some() {
                        <NumberField id={ed.id("er-units")} label="Scale units" value={gw.scale_units} min={1} max={40}
                            on_change={ed.set(|n: &mut Node, v: Option<u32>| if let Some(g) = n.er_gateway.as_mut() { g.scale_units = v })} />
                    }
                </div>
            }
            { firewall_fields(&ed) }
            <CheckField id={ed.id("route-server")} label="Route Server" value={node.route_server.is_some()}
                on_change={ed.set(|n: &mut Node, on: bool| n.route_server = on.then_some(RouteServer { branch_to_branch: None }))} />
            if let Some(rs) = &node.route_server {
                <div class="subsection">
                    <SelectField id={ed.id("rs-b2b")} label="Branch-to-branch" options={flag_options()}
                        unset={AttrValue::from("not set (off)")} value={flag_value(rs.branch_to_branch)}
                        on_change={ed.set(|n: &mut Node, v: String| if let Some(r) = n.route_server.as_mut() { r.branch_to_branch = parse_flag(&v) })} />
                </div>
            }
            <CheckField id={ed.id("bastion")} label="Azure Bastion" value={node.bastion.is_some()}
                on_change={ed.set(|n: &mut Node, on: bool| n.bastion = on.then_some(Bastion { sku: None }))} />
            if let Some(b) = &node.bastion {
                <div class="subsection">
                    <SelectField id={ed.id("bastion-sku")} label="Bastion SKU"
                        options={enum_options(&[BastionSku::Developer, BastionSku::Basic, BastionSku::Standard, BastionSku::Premium])}
                        unset={AttrValue::from("not set (basic)")} value={b.sku.map(|s| enum_name(&s)).unwrap_or_default()}
                        on_change={ed.set(|n: &mut Node, v: String| if let Some(b) = n.bastion.as_mut() { b.sku = enum_parse(&v) })} />
                </div>
            }
            <CheckField id={ed.id("app-gateway")} label="Application Gateway" value={node.app_gateway.is_some()}
                on_change={ed.set(|n: &mut Node, on: bool| n.app_gateway = on.then_some(AppGateway { sku: None, waf: None }))} />
            if let Some(a) = &node.app_gateway {
                <div class="subsection">
                    <SelectField id={ed.id("appgw-sku")} label="SKU"
                        options={vec![(AttrValue::from("v2"), AttrValue::from("v2")), (AttrValue::from("v1"), AttrValue::from("v1"))]}
                        unset={AttrValue::from("not set (v2)")} value={a.sku.clone().unwrap_or_default()}
                        on_change={ed.set(|n: &mut Node, v: String| if let Some(a) = n.app_gateway.as_mut() { a.sku = (!v.is_empty()).then_some(v) })} />
                    <SelectField id={ed.id("appgw-waf")} label="Web application firewall" options={flag_options()}
                        unset={AttrValue::from("not set")} value={flag_value(a.waf)}
                        on_change={ed.set(|n: &mut Node, v: String| if let Some(a) = n.app_gateway.as_mut() { a.waf = parse_flag(&v) })} />
                </div>
            }
            <CheckField id={ed.id("avd")} label="Azure Virtual Desktop session hosts" value={node.virtual_desktop.is_some()}
                on_change={ed.set(|n: &mut Node, on: bool| n.virtual_desktop = on.then_some(VirtualDesktop { hosts: None }))} />
            if let Some(d) = &node.virtual_desktop {
                <div class="subsection">
                    <NumberField id={ed.id("avd-hosts")} label="Session hosts" value={d.hosts}
                        on_change={ed.set(|n: &mut Node, v: Option<u32>| if let Some(d) = n.virtual_desktop.as_mut() { d.hosts = v })} />
                </div>
            }
        </>
    }
}

fn vpn_gateway(ed: &NodeEditor, gw: &VpnGateway) -> Html {
    let row = limits::vpn_sku(gw.sku, gw.generation);
    let generations: Vec<(AttrValue, AttrValue)> = [1u8, 2]
        .into_iter()
        .filter(|g| limits::vpn_sku_exists(gw.sku, *g) || gw.generation == Some(*g))
        .map(|g| {
            (
                AttrValue::from(g.to_string()),
                AttrValue::from(format!("Generation {g}")),
            )
        })
        .collect();
    let policy = gw.kind() == VpnType::PolicyBased;
    let basic = gw.sku == VpnSku::Basic;
    let bgp_ok = row.is_some_and(|r| r.bgp) && !policy;
    let allowed = P2sAllowed {
        sstp: true,
        openvpn_ikev2: row.is_some_and(|r| r.ikev2_openvpn > 0),
        other_auth: !basic,
    };
    html! {
        <div class="subsection">
            <SelectField id={ed.id("vpn-sku")} label="SKU" options={enum_options(&VpnSku::ALL)}
                value={enum_name(&gw.sku)}
                on_change={ed.set(|n: &mut Node, v: String| if let (Some(g), Some(s)) = (n.vpn_gateway.as_mut(), enum_parse::<VpnSku>(&v)) {
                    g.sku = s;
                    if let Some(gen) = g.generation { if !limits::vpn_sku_exists(s, gen) { g.generation = None } }
                })} />
            <SelectField id={ed.id("vpn-gen")} label="Generation" options={generations}
                unset={AttrValue::from("not set")} value={gw.generation.map(|g| g.to_string()).unwrap_or_default()}
                on_change={ed.set(|n: &mut Node, v: String| if let Some(g) = n.vpn_gateway.as_mut() { g.generation = v.parse().ok() })} />
            <SelectField id={ed.id("vpn-type")} label="Type"
                options={enum_options(&[VpnType::RouteBased, VpnType::PolicyBased])}
                unset={AttrValue::from("not set (route-based)")}
                value={gw.gateway_type.map(|t| enum_name(&t)).unwrap_or_default()}
                on_change={ed.set(|n: &mut Node, v: String| if let Some(g) = n.vpn_gateway.as_mut() { g.gateway_type = enum_parse(&v) })} />
            <SelectField id={ed.id("vpn-aa")} label="Active-active" options={flag_options()}
                unset={AttrValue::from("not set (no)")} value={flag_value(gw.active_active)}
                on_change={ed.set(|n: &mut Node, v: String| if let Some(g) = n.vpn_gateway.as_mut() { g.active_active = parse_flag(&v) })} />
            if bgp_ok || gw.bgp.is_some() {
                <SelectField id={ed.id("vpn-bgp")} label="BGP" options={flag_options()}
                    unset={AttrValue::from("not set (off)")} value={flag_value(gw.bgp)}
                    on_change={ed.set(|n: &mut Node, v: String| if let Some(g) = n.vpn_gateway.as_mut() { g.bgp = parse_flag(&v) })} />
            } else {
                <p class="field-hint">{ if policy { "Policy-based gateways do not run BGP." } else { "Basic gateways do not run BGP." } }</p>
            }
            <NumberField id={ed.id("vpn-asn")} label="ASN" value={gw.asn} min={1} max={4_294_967_294}
                on_change={ed.set(|n: &mut Node, v: Option<u32>| if let Some(g) = n.vpn_gateway.as_mut() { g.asn = v })} />
            if !policy || gw.p2s.is_some() {
                <CheckField id={ed.id("vpn-p2s")} label="Point-to-site (remote users)" value={gw.p2s.is_some()}
                    on_change={ed.set(move |n: &mut Node, on: bool| if let Some(g) = n.vpn_gateway.as_mut() {
                        g.p2s = on.then(|| P2sConfig {
                            protocols: vec![if basic { crate::engine::model::Protocol::Sstp } else { crate::engine::model::Protocol::Openvpn }],
                            auth: vec![crate::engine::model::Auth::Certificate],
                            address_pool: Vec::new(),
                        });
                    })} />
            } else {
                <p class="field-hint">{"Policy-based gateways do not offer point-to-site."}</p>
            }
            if let Some(p2s) = &gw.p2s {
                <P2sEditor prefix="vpn-p2s" config={p2s.clone()} {allowed}
                    on_change={ed.set(|n: &mut Node, c: P2sConfig| if let Some(g) = n.vpn_gateway.as_mut() { g.p2s = Some(c) })} />
            }
        </div>
    }
}
