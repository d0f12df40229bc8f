//! What is typed into a field and not yet committed: shown while the stored value it was
//! typed over holds, so that a re-render never puts the stored value back under the user's
//! fingers, while an undo or another edit of that value does.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Text typed into a field over a stored value, shown while that stored value holds: a
/// re-render never puts the stored value back under the user's fingers, an undo or another
/// edit of the same value does.
#[derive(Clone, PartialEq)]
pub struct Draft {
    /// The stored value the text was typed over.
    pub over: AttrValue,
    /// The text as typed.
    pub text: String,
}

/// The draft of a field: what it shows, whether the user is typing, and how to change it.
#[hook]
pub fn use_draft(stored: &AttrValue) -> (String, bool, UseStateHandle<Option<Draft>>) {
    let draft = use_state(|| None::<Draft>);
    let typed = draft
        .as_ref()
        .filter(|d| d.over == *stored)
        .map(|d| d.text.clone());
    let typing = typed.is_some();
    (typed.unwrap_or_else(|| stored.to_string()), typing, draft)
}

/// The text of the input or text area an event comes from.
pub fn event_text(e: &Event) -> String {
    let target = e.target();
    if let Some(area) = target
        .as_ref()
        .and_then(|t| t.dyn_ref::<web_sys::HtmlTextAreaElement>())
    {
        return area.value();
    }
    target
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

/// Escape drops what is typed and shows the stored value again (and goes no further).
pub fn escape_restores(draft: UseStateHandle<Option<Draft>>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" && draft.is_some() {
            e.stop_propagation();
            draft.set(None);
        }
    })
}
