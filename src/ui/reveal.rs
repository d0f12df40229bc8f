//! On a narrow screen the panels stack, and the explanation of a selected matrix cell lies
//! below the matrix: it is scrolled into view when it starts below the middle of the window.

use yew::prelude::*;

use super::state::Selection;

/// The widest window whose panels stack (the stylesheet's breakpoint).
const STACKED_UP_TO: f64 = 980.0;

fn reveal() {
    let window = gloo::utils::window();
    let width = window.inner_width().ok().and_then(|v| v.as_f64());
    let height = window.inner_height().ok().and_then(|v| v.as_f64());
    let (Some(width), Some(height)) = (width, height) else {
        return;
    };
    if width > STACKED_UP_TO {
        return;
    }
    if let Some(side) = gloo::utils::document().get_element_by_id("side") {
        let top = side.get_bounding_client_rect().top();
        if top > height / 2.0 || top < 0.0 {
            side.scroll_into_view_with_bool(true);
        }
    }
}

/// Brings the explanation into view when a pair is selected.
#[hook]
pub fn use_reveal(selection: &Selection) {
    use_effect_with(selection.clone(), |selection| {
        if matches!(selection, Selection::Pair { .. }) {
            reveal();
        }
    });
}
