//! The start bar: the templates a visitor opens in one click.

use yew::prelude::*;

use crate::ui::state::{Action, Notice};
use crate::ui::templates::TEMPLATES;

/// The start bar's inputs.
#[derive(Properties, PartialEq)]
pub struct StartProps {
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// The start bar component.
#[function_component(Start)]
pub fn start(props: &StartProps) -> Html {
    let buttons = TEMPLATES
        .iter()
        .map(|t| {
            let on_action = props.on_action.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                on_action.emit(match t.plan() {
                    Ok(plan) => Action::Load(plan, None),
                    Err(e) => Action::Notify(Some(Notice::error(format!(
                        "The template could not be read: {e}"
                    )))),
                })
            });
            html! {
                <button type="button" class="template" data-template={t.id} {onclick}>{ t.label }</button>
            }
        })
        .collect::<Html>();
    html! {
        <>
        <nav class="start" aria-label="Start from a template">
            <span class="start-label">{"Start from:"}</span>
            { buttons }
        </nav>
        <p class="start-hint" id="start-hint">
            {"Open a template or add networks above the diagram (drag from a node's ● to another to \
              connect them), then select a cell of the matrix to see who reaches whom, and why."}
        </p>
        </>
    }
}
