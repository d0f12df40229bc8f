//! The plan's own fields: title, description and the virtual WANs its hubs belong to.

use std::rc::Rc;

use yew::prelude::*;

use super::fields::{SelectField, TextField};
use super::{enum_name, enum_options, enum_parse, flag_options, flag_value, parse_flag};
use crate::engine::model::{Plan, Wan, WanType};
use crate::ui::ops;
use crate::ui::state::Action;

/// An edit of a virtual WAN from a field's text.
type WanEdit = Box<dyn Fn(&mut Wan, String)>;

/// The plan inspector's inputs.
#[derive(Properties, PartialEq)]
pub struct PlanProps {
    /// The plan.
    pub plan: Rc<Plan>,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// The plan inspector.
#[function_component(PlanInspector)]
pub fn plan_inspector(props: &PlanProps) -> Html {
    let plan = props.plan.clone();
    let on_title = {
        let on_action = props.on_action.clone();
        let description = plan.description.clone();
        Callback::from(move |t: Option<String>| {
            on_action.emit(Action::SetMeta(t, description.clone()))
        })
    };
    let on_description = {
        let on_action = props.on_action.clone();
        let title = plan.title.clone();
        Callback::from(move |d: Option<String>| on_action.emit(Action::SetMeta(title.clone(), d)))
    };
    let wan_edit = |i: usize, f: WanEdit| {
        let wans = plan.wans.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |v: String| {
            let mut next = wans.clone();
            if let Some(w) = next.get_mut(i) {
                f(w, v);
            }
            on_action.emit(Action::SetWans(next));
        })
    };
    let on_add_wan = {
        let wans = plan.wans.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = wans.clone();
            let id = (1..)
                .map(|i| format!("wan-{i}"))
                .find(|id| !next.iter().any(|w| &w.id == id))
                .unwrap_or_else(|| "wan".to_string());
            next.push(Wan {
                id,
                name: None,
                wan_type: WanType::Standard,
                branch_to_branch: None,
            });
            on_action.emit(Action::SetWans(next));
        })
    };
    let wans = plan
        .wans
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let used = plan.nodes.iter().any(|n| n.wan.as_deref() == Some(w.id.as_str()));
            let on_remove = {
                let wans = plan.wans.clone();
                let on_action = props.on_action.clone();
                Callback::from(move |_: MouseEvent| {
                    let mut next = wans.clone();
                    next.remove(i);
                    on_action.emit(Action::SetWans(next));
                })
            };
            let name_edit = {
                let wans = plan.wans.clone();
                let on_action = props.on_action.clone();
                Callback::from(move |v: Option<String>| {
                    let mut next = wans.clone();
                    if let Some(w) = next.get_mut(i) {
                        w.name = v;
                    }
                    on_action.emit(Action::SetWans(next));
                })
            };
            html! {
                <fieldset class="wan">
                    <legend>{ format!("Virtual WAN {}", w.id) }</legend>
                    <TextField id={format!("f-wan-{i}-name")} label="Name" value={w.name.clone()} on_change={name_edit} />
                    <SelectField id={format!("f-wan-{i}-type")} label="Type"
                        options={enum_options(&[WanType::Basic, WanType::Standard])} value={enum_name(&w.wan_type)}
                        on_change={wan_edit(i, Box::new(|w: &mut Wan, v: String| if let Some(t) = enum_parse(&v) { w.wan_type = t }))} />
                    <SelectField id={format!("f-wan-{i}-b2b")} label="Branch-to-branch" options={flag_options()}
                        unset={AttrValue::from("not set (on)")} value={flag_value(w.branch_to_branch)}
                        on_change={wan_edit(i, Box::new(|w: &mut Wan, v: String| w.branch_to_branch = parse_flag(&v)))} />
                    if !used {
                        <button type="button" class="small" onclick={on_remove}>{"Remove this WAN"}</button>
                    }
                </fieldset>
            }
        })
        .collect::<Html>();
    let counts = format!(
        "{} nodes, {} links, {} intents.",
        plan.nodes.len(),
        plan.links.len(),
        plan.intents.len()
    );
    html! {
        <section class="inspector" aria-labelledby="inspector-title">
            <h2 id="inspector-title">{"Plan"}</h2>
            <p class="field-hint">{ counts }{" Select a node or a link on the diagram to edit it, or a matrix cell to see why."}</p>
            <TextField id="f-plan-title" label="Title" value={plan.title.clone()} on_change={on_title} />
            <TextField id="f-plan-description" label="Description" value={plan.description.clone()} multiline=true
                on_change={on_description} />
            <h3>{"Virtual WANs"}</h3>
            { wans }
            <button type="button" onclick={on_add_wan}>{"Add a virtual WAN"}</button>
            <p class="field-hint">{ format!("Add nodes with the palette: {}.", crate::ui::components::palette::KINDS.iter().map(|k| ops::kind_name(*k)).collect::<Vec<_>>().join(", ")) }</p>
        </section>
    }
}
