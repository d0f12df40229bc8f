//! A notice above the work area: an error that kept the plan, or a short confirmation; after a
//! link or a file replaced the plan, it offers the previous plan back.

use yew::prelude::*;

use crate::ui::state::{Action, Notice, Tone};

/// The notice's inputs.
#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    /// The notice.
    pub notice: Notice,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// The notice component.
#[function_component(NoticeBar)]
pub fn notice_bar(props: &NoticeProps) -> Html {
    let on_close = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::Notify(None)))
    };
    let on_restore = props.notice.previous.clone().map(|previous| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| {
            let back = Notice::info("Your previous plan is back. Undo opens the other one again.");
            on_action.emit(Action::Load((*previous).clone(), Some(back)));
        })
    });
    let (class, role) = match props.notice.tone {
        Tone::Error => ("notice error", "alert"),
        Tone::Info => ("notice info", "status"),
    };
    html! {
        <div class={class} role={role} id="notice">
            <span class="notice-text">{ props.notice.text.clone() }</span>
            if let Some(onclick) = on_restore {
                <button type="button" class="small" id="restore-previous" {onclick}>
                    {"Your previous plan — restore"}
                </button>
            }
            <button type="button" class="small" onclick={on_close} aria-label="Dismiss">{"×"}</button>
        </div>
    }
}
