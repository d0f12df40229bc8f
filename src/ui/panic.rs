//! The panic hook: if the app ever fails, say so and keep the last saved plan exportable.
//!
//! A panic stops the WebAssembly module, so the message and the export link live in the page
//! itself (`#panic` in index.html) and are filled in from here, before the module stops.

use gloo::file::{Blob, ObjectUrl};

use super::storage;

/// Installs the hook; call before the app renders.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        gloo::console::error!(format!("reachplan stopped: {message}"));
        show(&message);
    }));
}

fn show(message: &str) {
    let document = gloo::utils::document();
    let Some(panel) = document.get_element_by_id("panic") else {
        return;
    };
    if let Some(text) = document.get_element_by_id("panic-message") {
        text.set_text_content(Some(message));
    }
    if let (Some(link), Some(plan)) = (
        document.get_element_by_id("panic-export"),
        storage::saved_text(),
    ) {
        let url = ObjectUrl::from(Blob::new_with_options(
            plan.as_str(),
            Some("application/json"),
        ));
        let _ = link.set_attribute("href", &url);
        let _ = link.set_attribute("download", "plan.json");
        let _ = link.remove_attribute("hidden");
        // The page must keep the URL for as long as it is open.
        std::mem::forget(url);
    }
    let _ = panel.remove_attribute("hidden");
}
