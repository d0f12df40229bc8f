//! The toolbar: undo and redo, import and export of the plan, diagram export and the share link.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use yew::prelude::*;

use crate::engine::{write_plan, Plan};
use crate::ui::files::{self, Unread};
use crate::ui::state::{Action, Notice};
use crate::ui::url;
use crate::ui::{clipboard, export};

/// The toolbar's inputs.
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The plan.
    pub plan: Rc<Plan>,
    /// Whether undo is possible.
    pub can_undo: bool,
    /// Whether redo is possible.
    pub can_redo: bool,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// The toolbar component.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let reader: Rc<RefCell<Option<FileReader>>> = use_mut_ref(|| None);
    let sharing = use_state(|| false);
    let emit = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    let on_import = {
        let on_action = props.on_action.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let on_action = on_action.clone();
            files::read_chosen(&e, &reader, move |name, plan| {
                on_action.emit(match plan {
                    Ok(plan) => Action::Load(plan, Some(Notice::info(format!("Imported {name}.")))),
                    Err(Unread::File(e)) => Action::Notify(Some(Notice::error(format!(
                        "{name} could not be read: {e}. The current plan is unchanged."
                    )))),
                    Err(Unread::Plan(e)) => Action::Notify(Some(Notice::error(format!(
                        "{name} is not a plan this app can read: {e}. The current plan is unchanged."
                    )))),
                });
            });
        })
    };
    let stem = export::file_stem(props.plan.title.as_deref());
    let on_export = {
        let plan = props.plan.clone();
        let stem = stem.clone();
        Callback::from(move |_: MouseEvent| {
            export::download_text(
                &format!("{stem}.json"),
                "application/json",
                &write_plan(&plan),
            )
        })
    };
    let on_svg = {
        let stem = stem.clone();
        Callback::from(move |_: MouseEvent| {
            export::download_svg(&stem);
        })
    };
    let on_png = {
        let stem = stem.clone();
        Callback::from(move |_: MouseEvent| {
            export::download_png(&stem);
        })
    };
    // Encoding a large plan takes milliseconds: only while the link is shown.
    let link = if *sharing {
        url::share_link(&props.plan)
    } else {
        String::new()
    };
    // Opening the share box copies the link as well; "Copy link" copies it again.
    let copy = {
        let plan = props.plan.clone();
        let on_action = props.on_action.clone();
        move || {
            let on_action = on_action.clone();
            clipboard::copy(&url::share_link(&plan), move |copied| {
                let notice = if copied {
                    Notice::info("Link copied to the clipboard.")
                } else {
                    Notice::error(
                        "The browser did not let the page copy: select the link and press Ctrl+C.",
                    )
                };
                on_action.emit(Action::Notify(Some(notice)));
            });
        }
    };
    let on_share = {
        let sharing = sharing.clone();
        let plan = props.plan.clone();
        let copy = copy.clone();
        Callback::from(move |_: MouseEvent| {
            url::set_fragment(&crate::engine::share::encode(&plan));
            if !*sharing {
                copy();
            }
            sharing.set(!*sharing);
        })
    };
    let on_copy = Callback::from(move |_: MouseEvent| copy());
    let on_focus_link = Callback::from(|e: FocusEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.select();
    });
    html! {
        <>
            <div class="toolbar" role="toolbar" aria-label="Plan">
                <button type="button" id="undo" onclick={emit(Action::Undo)} disabled={!props.can_undo}
                    title="Undo (Ctrl+Z)">{"↶ Undo"}</button>
                <button type="button" id="redo" onclick={emit(Action::Redo)} disabled={!props.can_redo}
                    title="Redo (Ctrl+Shift+Z)">{"↷ Redo"}</button>
                <span class="sep" />
                <label class="button" for="import-file">{"Import…"}</label>
                <input type="file" id="import-file" class="sr-only" accept=".json,application/json"
                    onchange={on_import} />
                <button type="button" id="export-plan" onclick={on_export}>{"Export plan"}</button>
                <button type="button" id="export-svg" onclick={on_svg}>{"SVG"}</button>
                <button type="button" id="export-png" onclick={on_png}>{"PNG"}</button>
                <span class="sep" />
                <button type="button" id="share" onclick={on_share} aria-expanded={sharing.to_string()}>{"Share link"}</button>
            </div>
            if *sharing {
                <div class="share-box">
                    <label for="share-link">{"Anyone who opens this link sees this plan (it is in the address bar too; nothing is uploaded). Opening it over another plan keeps that one a click away:"}</label>
                    <div class="share-row">
                        <input id="share-link" type="text" readonly=true value={link} onfocus={on_focus_link} />
                        <button type="button" id="copy-link" onclick={on_copy}>{"Copy link"}</button>
                    </div>
                </div>
            }
        </>
    }
}
