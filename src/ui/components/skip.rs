//! The first Tab stop of the page: a link that skips the toolbar, templates and diagram and
//! puts the keyboard focus on the matrix (its cell with the Tab stop).
//!
//! The link's target is not put in the address bar: the fragment there is a share link.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Focuses the matrix's cell that takes the Tab stop, else the matrix's heading.
fn focus_matrix() {
    let document = gloo::utils::document();
    let target = document
        .query_selector(".matrix-panel table.matrix button[tabindex=\"0\"], .matrix-panel button")
        .ok()
        .flatten()
        .or_else(|| document.get_element_by_id("matrix-title"));
    if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        el.scroll_into_view_with_bool(false);
        let _ = el.focus();
    }
}

/// The skip link.
#[function_component(SkipLink)]
pub fn skip_link() -> Html {
    let onclick = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        focus_matrix();
    });
    html! {
        <a class="skip-link" href="#matrix-title" {onclick}>{"Skip to the matrix"}</a>
    }
}
