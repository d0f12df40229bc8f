//! The link inspector: kind (only kinds valid for its ends), id, name and the kind's own
//! fields (peering flags, BGP, the P2S protocol among those the gateway offers).

use std::rc::Rc;

use yew::prelude::*;

use super::fields::{CheckField, Checked, SelectField, TextField};
use crate::engine::format::valid_id;
use crate::engine::model::{Link, LinkKind, Plan, Protocol};
use crate::ui::ops::{self, link_name};
use crate::ui::state::{Action, Selection};

/// An edit of a link from a field's text.
type LinkEdit = Box<dyn Fn(&mut Link, String)>;

/// The link inspector's inputs.
#[derive(Properties, PartialEq)]
pub struct LinkProps {
    /// The plan.
    pub plan: Rc<Plan>,
    /// The link's index.
    pub index: usize,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// What a link of limited access (or an internet breakout) gives, and the VNet feature it
/// needs when the VNet lacks it.
fn access_hint(plan: &Plan, link: &Link, on_action: &Callback<Action>) -> Html {
    let target = plan.node(&link.to);
    let (what, present, feature) = match link.kind {
        LinkKind::Bastion => (
            "RDP/SSH in the browser through the VNet's Azure Bastion: no VPN client and no network route. The Bastion SKU, set on the VNet, decides what it reaches.",
            target.is_some_and(|n| n.bastion.is_some()),
            "Azure Bastion",
        ),
        LinkKind::VirtualDesktop => (
            "Desktop sessions on Azure Virtual Desktop hosts in the VNet: from the desktop, these users reach what the VNet reaches.",
            target.is_some_and(|n| n.virtual_desktop.is_some()),
            "Azure Virtual Desktop session hosts",
        ),
        LinkKind::AppGateway => (
            "The VNet's applications, published over HTTP(S) to the internet through its Application Gateway.",
            target.is_some_and(|n| n.app_gateway.is_some()),
            "Application Gateway",
        ),
        LinkKind::Internet => (
            "A direct internet breakout. For remote users it is the split tunnel that keeps Microsoft 365 traffic off the VPN gateway.",
            true,
            "",
        ),
        _ => return html! {},
    };
    let open = {
        let on_action = on_action.clone();
        let to = link.to.clone();
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::Select(Selection::Node(to.clone())))
        })
    };
    html! {
        <div class="link-hint">
            <p class="field-hint">{ what }</p>
            if !present {
                <p class="field-error" id="f-link-needs">
                    { format!("{} has no {feature}; turn it on in the VNet's settings. ", link.to) }
                    <button type="button" class="link-button" onclick={open}>{ format!("Open {}", link.to) }</button>
                </p>
            }
        </div>
    }
}

/// The link inspector.
#[function_component(LinkInspector)]
pub fn link_inspector(props: &LinkProps) -> Html {
    let plan = props.plan.clone();
    let index = props.index;
    let Some(link) = plan.links.get(index).cloned() else {
        return html! {};
    };
    let set = |f: fn(&mut Link, bool)| {
        let link = link.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |v: bool| {
            let mut next = link.clone();
            f(&mut next, v);
            on_action.emit(Action::UpdateLink(index, next));
        })
    };
    let update = |f: LinkEdit| {
        let link = link.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |v: String| {
            let mut next = link.clone();
            f(&mut next, v);
            on_action.emit(Action::UpdateLink(index, next));
        })
    };
    // Kinds valid for these two ends, in the direction the kind wants them.
    let (a, b) = (plan.node(&link.from), plan.node(&link.to));
    let kinds: Vec<(LinkKind, String, String)> = match (a, b) {
        (Some(a), Some(b)) => ops::valid_links(a, b),
        _ => Vec::new(),
    };
    let kind_options: Vec<(AttrValue, AttrValue)> = kinds
        .iter()
        .map(|(k, from, to)| {
            (
                AttrValue::from(format!("{}|{from}|{to}", k.as_str())),
                AttrValue::from(format!("{} ({from} → {to})", link_name(*k))),
            )
        })
        .collect();
    let current = format!("{}|{}|{}", link.kind.as_str(), link.from, link.to);
    let on_kind = update(Box::new(|l: &mut Link, v: String| {
        let parts: Vec<&str> = v.split('|').collect();
        if let [kind, from, to] = parts.as_slice() {
            if let Some(k) = LinkKind::ALL.iter().find(|k| k.as_str() == *kind) {
                let mut next = ops::retype_link(l, *k);
                next.from = from.to_string();
                next.to = to.to_string();
                *l = next;
            }
        }
    }));
    let check_id = {
        let plan = plan.clone();
        Callback::from(move |t: String| {
            let t = t.trim();
            if t.is_empty() {
                return Ok(());
            }
            if !valid_id(t) {
                return Err("an id is 1 to 64 characters of a-z, 0-9, - and _".to_string());
            }
            if plan
                .links
                .iter()
                .enumerate()
                .any(|(i, l)| i != index && l.id.as_deref() == Some(t))
            {
                return Err(format!("another link already has the id {t}"));
            }
            Ok(())
        })
    };
    let on_id = update(Box::new(|l: &mut Link, v: String| {
        let v = v.trim().to_string();
        l.id = (!v.is_empty()).then_some(v);
    }));
    let on_name = {
        let link = link.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |v: Option<String>| {
            let mut next = link.clone();
            next.name = v;
            on_action.emit(Action::UpdateLink(index, next));
        })
    };
    let on_delete = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::DeleteLink(index)))
    };
    // A P2S link may name one of the protocols its gateway or hub offers.
    let offered: Vec<Protocol> = plan
        .node(&link.to)
        .and_then(|n| {
            n.vpn_gateway
                .as_ref()
                .and_then(|g| g.p2s.as_ref())
                .or(n.p2s.as_ref())
        })
        .map(|p| p.protocols.clone())
        .unwrap_or_default();
    let mut protocols = offered;
    if let Some(p) = link.protocol {
        if !protocols.contains(&p) {
            protocols.push(p);
        }
    }
    let protocol_options: Vec<(AttrValue, AttrValue)> = protocols
        .iter()
        .map(|p| (AttrValue::from(p.as_str()), AttrValue::from(p.to_string())))
        .collect();
    let on_protocol = update(Box::new(|l: &mut Link, v: String| {
        l.protocol = [Protocol::Openvpn, Protocol::Ikev2, Protocol::Sstp]
            .into_iter()
            .find(|p| p.as_str() == v);
    }));
    html! {
        <section class="inspector" aria-labelledby="inspector-title">
            <h2 id="inspector-title">{ format!("{}: {} → {}", link_name(link.kind), link.from, link.to) }</h2>
            <SelectField id="f-link-kind" label="Kind" options={kind_options} value={AttrValue::from(current)} on_change={on_kind} />
            <Checked id="f-link-id" label="Id (optional)" value={AttrValue::from(link.id.clone().unwrap_or_default())}
                check={check_id} on_change={on_id} />
            <TextField id="f-link-name" label="Name" value={link.name.clone()} on_change={on_name} />
            if link.kind == LinkKind::Peering {
                <fieldset>
                    <legend>{"Peering settings"}</legend>
                    <CheckField id="f-link-use_remote_gateways" label="Use remote gateways"
                        hint={AttrValue::from(format!("{} uses {}'s gateways", link.from, link.to))}
                        value={link.use_remote_gateways == Some(true)} on_change={set(|l, v| l.use_remote_gateways = Some(v))} />
                    <CheckField id="f-link-allow_gateway_transit" label="Allow gateway transit"
                        hint={AttrValue::from(format!("on {}'s side", link.to))}
                        value={link.allow_gateway_transit == Some(true)} on_change={set(|l, v| l.allow_gateway_transit = Some(v))} />
                    <CheckField id="f-link-allow_forwarded_traffic" label="Allow forwarded traffic"
                        value={link.allow_forwarded_traffic == Some(true)} on_change={set(|l, v| l.allow_forwarded_traffic = Some(v))} />
                    <CheckField id="f-link-route_via_firewall" label="Route via the firewall"
                        hint={AttrValue::from(format!("{} sends other private traffic to {}'s firewall", link.from, link.to))}
                        value={link.route_via_firewall == Some(true)} on_change={set(|l, v| l.route_via_firewall = Some(v))} />
                </fieldset>
            }
            if link.kind == LinkKind::S2s {
                <CheckField id="f-link-bgp" label="BGP on this connection" value={link.bgp == Some(true)}
                    on_change={set(|l, v| l.bgp = Some(v))} />
            }
            if link.kind == LinkKind::P2s {
                <SelectField id="f-link-protocol" label="Protocol these users use" options={protocol_options}
                    unset={AttrValue::from("any the gateway offers")}
                    value={AttrValue::from(link.protocol.map(|p| p.as_str()).unwrap_or(""))} on_change={on_protocol} />
            }
            { access_hint(&plan, &link, &props.on_action) }
            <div class="danger-row">
                <button type="button" class="danger" id="delete-link" onclick={on_delete}>{"Delete link"}</button>
            </div>
        </section>
    }
}
