//! The node inspector: common fields, the kind's own fields, its links, connecting it to
//! another node with only the link kinds valid for the pair, and deleting it.

use std::rc::Rc;

use yew::prelude::*;

use super::fields::{Checked, CidrField, TextField};
use super::kinds::KindFields;
use super::vnet::VnetFields;
use super::NodeEditor;
use crate::engine::geo;
use crate::engine::model::{Link, Node, NodeKind, Plan, Position};
use crate::ui::ops::{self, kind_name, link_name};
use crate::ui::state::{Action, Selection};

/// The node inspector's inputs.
#[derive(Properties, PartialEq)]
pub struct NodeProps {
    /// The plan.
    pub plan: Rc<Plan>,
    /// The node's id.
    pub id: AttrValue,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// The node inspector.
#[function_component(NodeInspector)]
pub fn node_inspector(props: &NodeProps) -> Html {
    let Some(node) = props.plan.node(&props.id).cloned() else {
        return html! {};
    };
    let ed = NodeEditor {
        node: node.clone(),
        on_action: props.on_action.clone(),
    };
    let plan = props.plan.clone();
    let old = node.id.clone();
    let check_id = {
        let plan = plan.clone();
        let old = old.clone();
        Callback::from(
            move |t: String| match ops::id_problem(&plan, &old, t.trim()) {
                Some(problem) => Err(problem),
                None => Ok(()),
            },
        )
    };
    let on_id = ed.set(|n: &mut Node, v: String| n.id = v.trim().to_string());
    let on_delete = {
        let on_action = props.on_action.clone();
        let id = node.id.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::DeleteNode(id.clone())))
    };
    let on_duplicate = {
        let on_action = props.on_action.clone();
        let id = node.id.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::DuplicateNode(id.clone())))
    };
    let position = node.position;
    let coordinate = |axis: &'static str| {
        let check = Callback::from(|t: String| {
            if t.trim().is_empty() || t.trim().parse::<f64>().is_ok_and(f64::is_finite) {
                Ok(())
            } else {
                Err("a number, like 120 or -40".to_string())
            }
        });
        let on_change = ed.set(move |n: &mut Node, t: String| {
            let v = t.trim().parse::<f64>().ok();
            let mut p = n.position.unwrap_or(Position { x: 0.0, y: 0.0 });
            match (axis, v) {
                ("x", Some(v)) => p.x = v,
                (_, Some(v)) => p.y = v,
                _ => {}
            }
            n.position = Some(p);
        });
        let value = position
            .map(|p| if axis == "x" { p.x } else { p.y })
            .map(|v| v.to_string())
            .unwrap_or_default();
        html! {
            <Checked id={ed.id(&format!("pos-{axis}"))} label={axis} value={AttrValue::from(value)}
                {check} {on_change} inputmode="decimal" placeholder="automatic" />
        }
    };
    let links = plan
        .links
        .iter()
        .enumerate()
        .filter(|(_, l)| l.from == node.id || l.to == node.id)
        .map(|(i, l)| {
            let on_action = props.on_action.clone();
            let onclick = Callback::from(move |_: MouseEvent| on_action.emit(Action::Select(Selection::Link(i))));
            let other = if l.from == node.id { &l.to } else { &l.from };
            html! {
                <li><button type="button" class="link-button" data-link-item={i.to_string()} {onclick}>
                    { format!("{} with {other}", link_name(l.kind)) }
                </button></li>
            }
        })
        .collect::<Html>();
    html! {
        <section class="inspector" aria-labelledby="inspector-title">
            <h2 id="inspector-title">{ format!("{}: {}", kind_name(node.kind), node.label()) }</h2>
            <Checked id={ed.id("id")} label="Id" value={AttrValue::from(node.id.clone())} check={check_id}
                on_change={on_id} hint={AttrValue::from("a-z, 0-9, - and _; links and intents follow a new id")} />
            <TextField id={ed.id("name")} label="Name" value={node.name.clone()}
                on_change={ed.set(|n: &mut Node, v: Option<String>| n.name = v)} />
            <TextField id={ed.id("description")} label="Description" value={node.description.clone()} multiline=true
                on_change={ed.set(|n: &mut Node, v: Option<String>| n.description = v)} />
            <CidrField id={ed.id("address-space")} label="Address space"
                value={node.address_space.clone().unwrap_or_default()}
                on_change={ed.set(|n: &mut Node, v: Vec<crate::engine::model::Cidr>| n.address_space = (!v.is_empty()).then_some(v))} />
            <TextField id={ed.id("region")} label="Region" value={node.region.clone()}
                list={(matches!(node.kind, NodeKind::Vnet | NodeKind::VwanHub)).then_some(AttrValue::from("azure-regions"))}
                on_change={ed.set(|n: &mut Node, v: Option<String>| n.region = v)} />
            <datalist id="azure-regions">
                { for geo::REGIONS.iter().map(|r| html! { <option value={r.name}>{ r.display }</option> }) }
            </datalist>
            if node.kind == NodeKind::Vnet {
                <VnetFields node={node.clone()} on_action={props.on_action.clone()} />
            } else {
                <KindFields plan={plan.clone()} node={node.clone()} on_action={props.on_action.clone()} />
            }
            <fieldset class="grid">
                <legend>{"Position on the diagram"}</legend>
                { coordinate("x") }
                { coordinate("y") }
            </fieldset>
            <h3>{"Links"}</h3>
            if plan.links.iter().any(|l| l.from == node.id || l.to == node.id) {
                <ul class="plain">{ links }</ul>
            } else {
                <p class="field-hint">{"Not connected yet."}</p>
            }
            <Connect plan={plan.clone()} id={AttrValue::from(node.id.clone())} on_action={props.on_action.clone()} />
            <div class="danger-row">
                <button type="button" id="duplicate-node" onclick={on_duplicate}
                    title="A copy of this node's fields, without its links (Ctrl+D)">{"Duplicate"}</button>
                <button type="button" class="danger" id="delete-node" onclick={on_delete}
                    title="With its links and intents (Delete)">{"Delete node"}</button>
            </div>
        </section>
    }
}

/// The connect form's inputs.
#[derive(Properties, PartialEq)]
pub struct ConnectProps {
    /// The plan.
    pub plan: Rc<Plan>,
    /// The node to connect.
    pub id: AttrValue,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// Connect a node to another, choosing only link kinds valid for the pair.
#[function_component(Connect)]
pub fn connect(props: &ConnectProps) -> Html {
    let target = use_state(String::new);
    let choice = use_state(|| 0usize);
    let Some(node) = props.plan.node(&props.id) else {
        return html! {};
    };
    let others: Vec<&Node> = props
        .plan
        .nodes
        .iter()
        .filter(|n| n.id != node.id && !ops::valid_links(node, n).is_empty())
        .collect();
    let chosen = props.plan.node(&target).filter(|n| n.id != node.id);
    let options: Vec<(crate::engine::model::LinkKind, String, String)> = chosen
        .map(|other| ops::valid_links(node, other))
        .unwrap_or_default();
    let on_target = {
        let target = target.clone();
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            target.set(select.value());
            choice.set(0);
        })
    };
    let on_kind = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            choice.set(select.value().parse().unwrap_or(0));
        })
    };
    let on_add = {
        let on_action = props.on_action.clone();
        let pick = options.get(*choice).cloned();
        let target = target.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some((kind, from, to)) = &pick {
                on_action.emit(Action::AddLink(Link::new(*kind, from, to)));
                target.set(String::new());
            }
        })
    };
    if others.is_empty() {
        return html! { <p class="field-hint">{"No other node can be linked to this one yet."}</p> };
    }
    html! {
        <fieldset class="connect">
            <legend>{"Connect to another node"}</legend>
            <div class="field">
                <label for="connect-target">{"Node"}</label>
                <select id="connect-target" onchange={on_target}>
                    <option value="" selected={chosen.is_none()}>{"choose…"}</option>
                    { for others.iter().map(|n| html! {
                        <option value={n.id.clone()} selected={*target == n.id}>{ format!("{} ({})", n.label(), n.id) }</option>
                    }) }
                </select>
            </div>
            if !options.is_empty() {
                <div class="field">
                    <label for="connect-kind">{"Link kind"}</label>
                    <select id="connect-kind" onchange={on_kind}>
                        { for options.iter().enumerate().map(|(i, (kind, from, to))| html! {
                            <option value={i.to_string()} selected={i == *choice}>{ format!("{} ({from} → {to})", link_name(*kind)) }</option>
                        }) }
                    </select>
                </div>
                <button type="button" id="connect-add" onclick={on_add}>{"Add link"}</button>
            }
        </fieldset>
    }
}
