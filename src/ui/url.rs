//! The URL fragment: where a share link carries its plan.

use crate::engine::share;
use crate::engine::Plan;

/// The fragment without its `#` (empty when there is none).
pub fn fragment() -> String {
    gloo::utils::window()
        .location()
        .hash()
        .ok()
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// The page's address without the fragment.
pub fn base() -> String {
    let location = gloo::utils::window().location();
    let href = location.href().unwrap_or_default();
    match href.find('#') {
        Some(cut) => href[..cut].to_string(),
        None => href,
    }
}

/// Replaces the fragment without adding a history entry or reloading.
pub fn set_fragment(fragment: &str) {
    let url = if fragment.is_empty() {
        base()
    } else {
        format!("{}#{fragment}", base())
    };
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The share link of a plan: this page's address with the encoded plan as fragment.
pub fn share_link(plan: &Plan) -> String {
    format!("{}#{}", base(), share::encode(plan))
}
