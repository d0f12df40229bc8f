//! The view mode's tweak panel: for a selected link, its switches (the peering flags, BGP) and
//! its removal; for a selected node, its gateway's BGP and its removal. Enough to ask "what
//! if" of a plan without the planner's full inspector.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::model::{Link, LinkKind, Node, Plan};
use crate::ui::components::shapes::subtitle;
use crate::ui::ops::link_name;
use crate::ui::state::{Action, Selection};

/// The tweak panel's inputs.
#[derive(Properties, PartialEq)]
pub struct TweakProps {
    /// The plan.
    pub plan: Rc<Plan>,
    /// What is selected: a link or a node (anything else shows nothing).
    pub selection: Selection,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

type LinkFlag = (
    &'static str,
    &'static str,
    fn(&mut Link) -> &mut Option<bool>,
);

/// The switches a link of this kind has: (key, label, field).
fn link_flags(kind: LinkKind) -> Vec<LinkFlag> {
    match kind {
        LinkKind::Peering => vec![
            ("use_remote_gateways", "uses the remote gateways", |l| {
                &mut l.use_remote_gateways
            }),
            ("allow_gateway_transit", "allows gateway transit", |l| {
                &mut l.allow_gateway_transit
            }),
            ("allow_forwarded_traffic", "allows forwarded traffic", |l| {
                &mut l.allow_forwarded_traffic
            }),
            (
                "route_via_firewall",
                "routes through the hub firewall",
                |l| &mut l.route_via_firewall,
            ),
        ],
        LinkKind::S2s => vec![("bgp", "runs BGP", |l| &mut l.bgp)],
        _ => Vec::new(),
    }
}

fn switch(key: &'static str, label: String, on: bool, onchange: Callback<Event>) -> Html {
    let id = format!("tweak-{key}");
    html! {
        <div class="tweak-flag">
            <input type="checkbox" id={id.clone()} data-flag={key} checked={on} {onchange} />
            <label for={id}>{ label }</label>
        </div>
    }
}

fn checked(e: &Event) -> bool {
    e.target_unchecked_into::<web_sys::HtmlInputElement>()
        .checked()
}

fn link_panel(props: &TweakProps, index: usize, link: &Link) -> Html {
    let flags = link_flags(link.kind)
        .into_iter()
        .map(|(key, label, field)| {
            let mut copy = link.clone();
            let on = *field(&mut copy) == Some(true);
            let onchange = {
                let on_action = props.on_action.clone();
                let link = link.clone();
                Callback::from(move |e: Event| {
                    let mut next = link.clone();
                    *field(&mut next) = Some(checked(&e));
                    on_action.emit(Action::UpdateLink(index, next));
                })
            };
            switch(key, label.to_string(), on, onchange)
        })
        .collect::<Html>();
    let remove = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::DeleteLink(index)))
    };
    html! {
        <section class="tweak" aria-labelledby="tweak-title">
            <h3 id="tweak-title">{ format!("{}: {} – {}", link_name(link.kind), link.from, link.to) }</h3>
            { flags }
            <button type="button" class="danger small" id="tweak-remove" onclick={remove}>{"Remove this link"}</button>
        </section>
    }
}

fn node_panel(props: &TweakProps, node: &Node) -> Html {
    let bgp = node.vpn_gateway.as_ref().map(|gw| {
        let onchange = {
            let on_action = props.on_action.clone();
            let node = node.clone();
            Callback::from(move |e: Event| {
                let mut next = node.clone();
                if let Some(gw) = next.vpn_gateway.as_mut() {
                    gw.bgp = Some(checked(&e));
                }
                on_action.emit(Action::UpdateNode(node.id.clone(), next));
            })
        };
        switch(
            "gateway_bgp",
            "The VPN gateway runs BGP".to_string(),
            gw.bgp == Some(true),
            onchange,
        )
    });
    let remove = {
        let on_action = props.on_action.clone();
        let id = node.id.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::DeleteNode(id.clone())))
    };
    html! {
        <section class="tweak" aria-labelledby="tweak-title">
            <h3 id="tweak-title">{ format!("{} ({})", node.label(), node.id) }</h3>
            <p class="tweak-sub">{ subtitle(node) }</p>
            { for bgp }
            <button type="button" class="danger small" id="tweak-remove" onclick={remove}>{"Remove this node"}</button>
        </section>
    }
}

/// The tweak panel.
#[function_component(Tweak)]
pub fn tweak(props: &TweakProps) -> Html {
    match &props.selection {
        Selection::Link(i) => match props.plan.links.get(*i) {
            Some(link) => link_panel(props, *i, link),
            None => html! {},
        },
        Selection::Node(id) => match props.plan.node(id) {
            Some(node) => node_panel(props, node),
            None => html! {},
        },
        _ => html! {},
    }
}
