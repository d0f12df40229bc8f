//! The plan's intents with pass or fail, linked to their matrix cells.

use yew::prelude::*;

use super::matrix::access_name;
use crate::engine::model::{Access, Expect};
use crate::ui::answers::Answers;
use crate::ui::state::{Action, Selection};

/// The intents list's inputs.
#[derive(Properties, PartialEq)]
pub struct IntentsProps {
    /// The answers.
    pub answers: Answers,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// The intents component.
#[function_component(Intents)]
pub fn intents(props: &IntentsProps) -> Html {
    let intents = props.answers.intents();
    if intents.is_empty() {
        return html! {
            <p class="empty">{"No intents yet. Select a matrix cell and press “Expect this” to record what you expect."}</p>
        };
    }
    let held = intents.iter().filter(|i| i.holds).count();
    let items = intents
        .iter()
        .enumerate()
        .map(|(index, i)| {
            let show = {
                let on_action = props.on_action.clone();
                let selection = Selection::Pair {
                    from: i.from.clone(),
                    to: i.to.clone(),
                };
                Callback::from(move |_: MouseEvent| {
                    on_action.emit(Action::Select(selection.clone()))
                })
            };
            let remove = {
                let on_action = props.on_action.clone();
                Callback::from(move |_: MouseEvent| on_action.emit(Action::DeleteIntent(index)))
            };
            let net = match i.expect {
                Expect::Reachable => "reachable",
                Expect::Unreachable => "unreachable",
            };
            let expect = match i.access {
                None => format!("expects {net}"),
                Some(Access::Network) => format!("expects {net}, network access"),
                Some(Access::None) => format!("expects {net}, no access at all"),
                Some(access) => format!("expects {net}, {}", access_name(access)),
            };
            html! {
                <li class={classes!("intent", if i.holds { "holds" } else { "fails" })}>
                    <span class="result">
                        <span aria-hidden="true">{ if i.holds { "✓ " } else { "✗ " } }</span>
                        { if i.holds { "holds" } else { "fails" } }
                    </span>
                    <button type="button" class="link-button pair" onclick={show}
                        title="Show this pair">{ format!("{} → {}", i.from, i.to) }</button>
                    <span class="expect">{ expect }</span>
                    <button type="button" class="small remove" onclick={remove}
                        aria-label={format!("Remove the intent {} to {}", i.from, i.to)}>{"Remove"}</button>
                    if let Some(why) = &i.why {
                        <span class="why">{ why.clone() }</span>
                    }
                </li>
            }
        })
        .collect::<Html>();
    html! {
        <div class="intents">
            <p class="summary">{ format!("{held} of {} intents hold.", intents.len()) }</p>
            <ul class="intent-list">{ items }</ul>
        </div>
    }
}
