//! The palette: add a node of any kind.

use yew::prelude::*;

use super::shapes;
use crate::engine::model::{Node, NodeKind};
use crate::ui::ops::kind_name;
use crate::ui::state::Action;

/// Every node kind, in palette order.
pub const KINDS: [NodeKind; 8] = [
    NodeKind::Site,
    NodeKind::Users,
    NodeKind::Vnet,
    NodeKind::VwanHub,
    NodeKind::Expressroute,
    NodeKind::Cloud,
    NodeKind::Microsoft,
    NodeKind::Internet,
];

/// The palette's inputs.
#[derive(Properties, PartialEq)]
pub struct PaletteProps {
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// The palette component.
#[function_component(Palette)]
pub fn palette(props: &PaletteProps) -> Html {
    let buttons = KINDS
        .iter()
        .map(|&kind| {
            let on_action = props.on_action.clone();
            let onclick =
                Callback::from(move |_: MouseEvent| on_action.emit(Action::AddNode(kind)));
            let color = shapes::node_color(&Node::new("x", kind));
            html! {
                <button type="button" class="add" data-add={kind.as_str()} {onclick}
                    title={format!("Add: {}", kind_name(kind))}>
                    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
                        <rect width="24" height="24" rx="5" fill={color} />
                        <g transform="translate(3 3) scale(0.75)">{ shapes::icon(kind) }</g>
                    </svg>
                    <span>{ kind_name(kind) }</span>
                </button>
            }
        })
        .collect::<Html>();
    html! {
        <div class="palette" role="group" aria-label="Add a node">
            <span class="palette-label">{"Add:"}</span>
            { buttons }
        </div>
    }
}
