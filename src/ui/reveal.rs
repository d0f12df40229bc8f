//! On a narrow screen the panels stack: the matrix, then the diagram with the selected cell's
//! explanation right under it. A selected pair brings the diagram (its path highlighted) and
//! the start of its explanation onto the screen together; when the window is too low for
//! both, the explanation alone.

use yew::prelude::*;

use super::state::Selection;

/// The widest window whose panels stack (the stylesheet's breakpoint).
const STACKED_UP_TO: f64 = 980.0;
/// The height of the explanation's first lines (title and verdict), in CSS pixels.
const FIRST_LINES: f64 = 140.0;
/// The space left above the diagram when it is scrolled to the top of the window.
const ABOVE: f64 = 6.0;

/// How far to scroll down (negative: up) to show the diagram from `canvas_top` and the
/// explanation from `side_top` (both relative to the window) in a window `height` high:
/// `None` when both are on the screen already, or when the window is too low for both.
pub fn scroll_for_both(canvas_top: f64, side_top: f64, height: f64) -> Option<f64> {
    let fits = side_top - canvas_top + FIRST_LINES <= height - ABOVE;
    let shown = canvas_top >= 0.0 && side_top + FIRST_LINES <= height;
    (fits && !shown).then_some(canvas_top - ABOVE)
}

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
    let document = gloo::utils::document();
    let Some(side) = document.get_element_by_id("side") else {
        return;
    };
    let side_top = side.get_bounding_client_rect().top();
    let canvas = document
        .query_selector(".diagram-panel .canvas")
        .ok()
        .flatten();
    let canvas_top = canvas.map(|c| c.get_bounding_client_rect().top());
    match canvas_top.map(|top| (top, scroll_for_both(top, side_top, height))) {
        Some((_, Some(by))) => window.scroll_by_with_x_and_y(0.0, by),
        Some((top, None)) if side_top - top + FIRST_LINES <= height - ABOVE => {}
        _ => {
            if side_top > height / 2.0 || side_top < 0.0 {
                side.scroll_into_view_with_bool(true);
            }
        }
    }
}

/// Brings the diagram and the explanation into view when a pair is selected.
#[hook]
pub fn use_reveal(selection: &Selection) {
    use_effect_with(selection.clone(), |selection| {
        if matches!(selection, Selection::Pair { .. }) {
            reveal();
        }
    });
}

#[cfg(test)]
mod tests {
    use super::scroll_for_both;

    #[test]
    fn the_diagram_goes_to_the_top_when_diagram_and_explanation_fit_together() {
        // The diagram below the matrix, its explanation 420 px under it, in an 844 px window.
        assert_eq!(scroll_for_both(700.0, 1120.0, 844.0), Some(694.0));
        // Scrolled past the diagram's top: back up to it.
        assert_eq!(scroll_for_both(-50.0, 370.0, 844.0), Some(-56.0));
    }

    #[test]
    fn nothing_moves_when_both_are_on_the_screen_or_cannot_be() {
        assert_eq!(scroll_for_both(10.0, 430.0, 844.0), None);
        // A low window (a phone held sideways): the explanation alone is brought instead.
        assert_eq!(scroll_for_both(300.0, 720.0, 390.0), None);
    }
}
