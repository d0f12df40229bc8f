//! The Compare panel: the plan compared with a baseline — the plan as loaded (the template,
//! file or link opened last), a plan file, or a pasted share link. While comparing, the matrix
//! marks the cells gained and lost, the diagram the nodes and links added, removed and
//! changed, and this panel lists what changed (`engine::diff`, as `reachplan diff` says it).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use yew::prelude::*;

use super::{Baseline, View};
use crate::engine::diff::{render, Diff};
use crate::engine::{share, Plan};
use crate::ui::files::{self, Unread};

/// The Compare panel's inputs.
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The plan as loaded.
    pub loaded: Rc<Plan>,
    /// The view shown.
    pub view: View,
    /// The comparison, while one is shown.
    pub diff: Option<Rc<Diff>>,
    /// Where a new view goes.
    pub on_view: Callback<View>,
}

/// The plan of a pasted share link: the whole address or only its `#p1.…` part.
pub fn linked(text: &str) -> Result<Plan, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Paste a share link first.".into());
    }
    let fragment = text.rsplit_once('#').map_or(text, |(_, f)| f);
    share::decode(fragment).map_err(|e| format!("The link could not be read: {e}."))
}

/// The Compare panel.
#[function_component(ComparePanel)]
pub fn compare_panel(props: &CompareProps) -> Html {
    let problem = use_state(|| None::<String>);
    let pasted = use_state(String::new);
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let with = |plan: Plan, source: String| {
        View::Compare(Rc::new(Baseline {
            plan: Rc::new(plan),
            source,
        }))
    };
    let on_loaded = {
        let on_view = props.on_view.clone();
        let loaded = props.loaded.clone();
        let problem = problem.clone();
        Callback::from(move |_: MouseEvent| {
            problem.set(None);
            on_view.emit(with((*loaded).clone(), "the plan as loaded".into()));
        })
    };
    let on_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            pasted.set(input.value());
        })
    };
    let on_link = {
        let on_view = props.on_view.clone();
        let pasted = pasted.clone();
        let problem = problem.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match linked(&pasted) {
                Ok(plan) => {
                    problem.set(None);
                    on_view.emit(with(plan, "the pasted link".into()));
                }
                Err(e) => problem.set(Some(e)),
            }
        })
    };
    let on_file = {
        let on_view = props.on_view.clone();
        let problem = problem.clone();
        Callback::from(move |e: Event| {
            let on_view = on_view.clone();
            let problem = problem.clone();
            files::read_chosen(&e, &reader, move |name, plan| match plan {
                Ok(plan) => {
                    problem.set(None);
                    on_view.emit(with(plan, name));
                }
                Err(e) => {
                    let why = match e {
                        Unread::File(e) => e,
                        Unread::Plan(e) => format!("not a plan this app can read: {e}"),
                    };
                    problem.set(Some(format!("{name} could not be compared: {why}.")));
                }
            });
        })
    };
    let stop = {
        let on_view = props.on_view.clone();
        Callback::from(move |_: MouseEvent| on_view.emit(View::Plan))
    };
    let comparing = match &props.view {
        View::Compare(b) => Some(b.source.clone()),
        _ => None,
    };
    html! {
        <div class="compare">
            <div class="compare-with">
                <button type="button" id="compare-loaded" onclick={on_loaded}>{"Compare with the plan as loaded"}</button>
                <label class="button" for="compare-file">{"Compare with a file…"}</label>
                <input type="file" id="compare-file" class="sr-only" accept=".json,application/json" onchange={on_file} />
                <form class="compare-link" onsubmit={on_link}>
                    <label for="compare-link">{"or a share link"}</label>
                    <input id="compare-link" type="text" placeholder="https://…#p1.…" value={(*pasted).clone()}
                        oninput={on_input} autocomplete="off" spellcheck="false" />
                    <button type="submit">{"Compare"}</button>
                </form>
            </div>
            if let Some(problem) = &*problem {
                <p class="error" role="alert">{ problem.clone() }</p>
            }
            if let (Some(source), Some(d)) = (comparing, &props.diff) {
                <div class="diff" id="diff">
                    <p class="diff-head" role="status">
                        <strong>{ format!("Compared with {source}.") }</strong>
                        {" "}<button type="button" class="small" id="compare-stop" onclick={stop}>{"Stop comparing"}</button>
                    </p>
                    <p class="hint">{"On the matrix, + marks a pair gained and − a pair lost; on the diagram, green is added, red dashed removed, amber changed."}</p>
                    <pre class="diff-text">{ render::text(d) }</pre>
                </div>
            }
        </div>
    }
}
