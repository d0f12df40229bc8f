//! The plan's intents with pass or fail, linked to their matrix cells; an intent that must
//! survive any single failure also says whether it does, naming the failure that breaks it
//! (judged by the Failures panel's sweep, see `ui::views::sweep`).

use std::rc::Rc;

use yew::prelude::*;

use super::matrix::access_name;
use crate::engine::model::{Access, Expect};
use crate::engine::IntentResult;
use crate::ui::answers::Answers;
use crate::ui::state::{Action, Selection};

/// The intents list's inputs.
#[derive(Properties, PartialEq)]
pub struct IntentsProps {
    /// The answers.
    pub answers: Answers,
    /// Where actions go.
    pub on_action: Callback<Action>,
    /// The intents judged under every single failure, once the sweep has finished.
    #[prop_or_default]
    pub survival: Option<Rc<Vec<IntentResult>>>,
}

/// Whether the intent at `index` is judged broken by a single failure.
pub fn broken(survival: Option<&Vec<IntentResult>>, index: usize) -> bool {
    survival
        .and_then(|v| v.get(index))
        .is_some_and(|r| r.broken_by.is_some())
}

/// Whether an intent that must survive does, in words, with its class.
fn survival(judged: Option<&IntentResult>) -> (&'static str, String) {
    match judged {
        None => (
            "pending",
            "must survive any single failure: not judged yet (see Failures)".into(),
        ),
        Some(r) => match &r.broken_by {
            Some(b) => (
                "broken",
                format!(
                    "✗ does not survive any single failure: {} breaks it",
                    b.what
                ),
            ),
            None if r.holds => ("survives", "✓ survives any single failure".into()),
            None => ("pending", "must survive any single failure".into()),
        },
    }
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
    let held = intents
        .iter()
        .zip(0..)
        .filter(|(i, k)| i.holds && !broken(props.survival.as_deref(), *k))
        .count();
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
            let must = i.survives.is_some().then(|| {
                let judged = props.survival.as_ref().and_then(|v| v.get(index));
                survival(judged.filter(|j| j.from == i.from && j.to == i.to))
            });
            let broken = must.as_ref().is_some_and(|(c, _)| *c == "broken");
            let holds = i.holds && !broken;
            html! {
                <li class={classes!("intent", if holds { "holds" } else { "fails" })}>
                    <span class="result">
                        <span aria-hidden="true">{ if holds { "✓ " } else { "✗ " } }</span>
                        { if holds { "holds" } else { "fails" } }
                    </span>
                    <button type="button" class="link-button pair" onclick={show}
                        title="Show this pair">{ format!("{} → {}", i.from, i.to) }</button>
                    <span class="expect">{ expect }</span>
                    <button type="button" class="small remove" onclick={remove}
                        aria-label={format!("Remove the intent {} to {}", i.from, i.to)}>{"Remove"}</button>
                    if let Some((class, words)) = must {
                        <span class={classes!("survival", class)}>{ words }</span>
                    }
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
