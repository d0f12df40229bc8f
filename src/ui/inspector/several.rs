//! The inspector of several selected nodes: which they are, and deleting them together.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::model::Plan;
use crate::ui::state::{Action, Selection};

/// The inputs.
#[derive(Properties, PartialEq)]
pub struct SeveralProps {
    /// The plan.
    pub plan: Rc<Plan>,
    /// The selected nodes' ids.
    pub ids: Vec<String>,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// The inspector of several nodes.
#[function_component(SeveralNodes)]
pub fn several_nodes(props: &SeveralProps) -> Html {
    let items = props
        .ids
        .iter()
        .map(|id| {
            let name = props.plan.node(id).map_or(id.as_str(), |n| n.label());
            let onclick = props
                .on_action
                .reform({
                    let id = id.clone();
                    move |_: MouseEvent| Action::Select(Selection::Node(id.clone()))
                });
            html! {
                <li><button type="button" class="link-button" {onclick}>{ format!("{name} ({id})") }</button></li>
            }
        })
        .collect::<Html>();
    let on_delete = props
        .on_action
        .reform(|_: MouseEvent| Action::DeleteSelected);
    html! {
        <section class="inspector" aria-labelledby="several-title">
            <h2 id="several-title">{ format!("{} nodes selected", props.ids.len()) }</h2>
            <p class="field-hint">
                {"Drag one of them to move them together; Shift+click adds or removes a node; \
                  Delete removes them with their links."}
            </p>
            <ul class="plain">{ items }</ul>
            <div class="danger-row">
                <button type="button" class="danger" id="delete-nodes" onclick={on_delete}>
                    { format!("Delete {} nodes", props.ids.len()) }
                </button>
            </div>
        </section>
    }
}
