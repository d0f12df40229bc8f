//! The diagram's view state: pan and zoom, an ongoing drag, and the conversion from pointer
//! positions on screen to diagram units.

use std::cell::RefCell;
use std::rc::Rc;

use crate::engine::model::Position;
use crate::ui::layout::{NODE_H, NODE_W};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct View {
    pub(super) tx: f64,
    pub(super) ty: f64,
    pub(super) k: f64,
}

pub(super) const HOME: View = View {
    tx: 0.0,
    ty: 0.0,
    k: 1.0,
};

#[derive(Debug, Clone)]
pub(super) enum Drag {
    /// A node (with the other selected nodes, `group`, at their origins) follows the pointer.
    Node {
        id: String,
        start: (f64, f64),
        origin: Position,
        at: Position,
        group: Vec<(String, Position)>,
        moved: bool,
    },
    Pan {
        last: (f64, f64),
        moved: bool,
    },
    /// A line from a node's handle to the pointer (diagram units).
    Connect {
        from: String,
        at: (f64, f64),
    },
    /// A rubber band from `start` to `at` (diagram units), selecting the nodes inside.
    Band {
        start: (f64, f64),
        at: (f64, f64),
    },
}

impl View {
    /// A point of the view box in diagram units (inside the pan and zoom).
    pub(super) fn model(&self, (ux, uy): (f64, f64)) -> (f64, f64) {
        ((ux - self.tx) / self.k, (uy - self.ty) / self.k)
    }
}

/// The node whose box holds a point (diagram units).
pub(super) fn hit(places: &[(String, Position)], (x, y): (f64, f64)) -> Option<String> {
    places
        .iter()
        .rev()
        .find(|(_, p)| (x - p.x).abs() <= NODE_W / 2.0 && (y - p.y).abs() <= NODE_H / 2.0)
        .map(|(id, _)| id.clone())
}

/// The nodes whose centres lie in the rectangle between two corners (diagram units).
pub(super) fn inside(places: &[(String, Position)], a: (f64, f64), b: (f64, f64)) -> Vec<String> {
    let (x0, x1) = (a.0.min(b.0), a.0.max(b.0));
    let (y0, y1) = (a.1.min(b.1), a.1.max(b.1));
    places
        .iter()
        .filter(|(_, p)| p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1)
        .map(|(id, _)| id.clone())
        .collect()
}

/// Whether the box of every node at these positions lies inside the view box as panned and
/// zoomed (a node drawn at `p` is shown at `t + k · p`).
pub(super) fn in_view(state: &Interact, mut at: impl Iterator<Item = Position>) -> bool {
    let (vx, vy, vw, vh) = state.view_box;
    let v = state.view;
    at.all(|p| {
        let (x0, y0) = (
            v.tx + v.k * (p.x - NODE_W / 2.0),
            v.ty + v.k * (p.y - NODE_H / 2.0),
        );
        let (x1, y1) = (x0 + v.k * NODE_W, y0 + v.k * NODE_H);
        x0 >= vx && y0 >= vy && x1 <= vx + vw && y1 <= vy + vh
    })
}

#[derive(Debug)]
pub(super) struct Interact {
    pub(super) view: View,
    pub(super) drag: Option<Drag>,
    pub(super) view_box: (f64, f64, f64, f64),
}

/// Where a pointer is, in the units of the view box, given the `<svg>` element.
pub(super) fn to_user(
    svg: &web_sys::Element,
    vb: (f64, f64, f64, f64),
    cx: f64,
    cy: f64,
) -> (f64, f64) {
    let rect = svg.get_bounding_client_rect();
    let (w, h) = (rect.width().max(1.0), rect.height().max(1.0));
    let s = (w / vb.2).min(h / vb.3);
    let ox = rect.left() + (w - vb.2 * s) / 2.0;
    let oy = rect.top() + (h - vb.3 * s) / 2.0;
    (vb.0 + (cx - ox) / s, vb.1 + (cy - oy) / s)
}

pub(super) fn user_scale(svg: &web_sys::Element, vb: (f64, f64, f64, f64)) -> f64 {
    let rect = svg.get_bounding_client_rect();
    (rect.width().max(1.0) / vb.2).min(rect.height().max(1.0) / vb.3)
}

pub(super) fn zoom_at(
    interact: &Rc<RefCell<Interact>>,
    svg: &web_sys::Element,
    factor: f64,
    around: Option<(f64, f64)>,
) {
    let mut state = interact.borrow_mut();
    let vb = state.view_box;
    let (px, py) = match around {
        Some((cx, cy)) => to_user(svg, vb, cx, cy),
        None => (vb.0 + vb.2 / 2.0, vb.1 + vb.3 / 2.0),
    };
    let v = state.view;
    let k = (v.k * factor).clamp(0.2, 5.0);
    let f = k / v.k;
    state.view = View {
        tx: px - (px - v.tx) * f,
        ty: py - (py - v.ty) * f,
        k,
    };
}

/// Zoom with the wheel around the pointer (a non-passive listener, to keep the page still),
/// and, on a narrow screen where the diagram scrolls inside its box, start at its middle.
#[yew::hook]
pub(super) fn use_wheel_zoom(
    svg_ref: yew::NodeRef,
    interact: Rc<RefCell<Interact>>,
    update: yew::functional::UseForceUpdateHandle,
) {
    use gloo::events::{EventListener, EventListenerOptions};
    use wasm_bindgen::JsCast;
    yew::use_effect_with((), move |_| {
        let svg = svg_ref.cast::<web_sys::Element>();
        if let Some(scroller) = svg.as_ref().and_then(|s| s.parent_element()) {
            let extra = scroller.scroll_width() - scroller.client_width();
            if extra > 0 {
                scroller.set_scroll_left(extra / 2);
            }
        }
        let listener = svg.map(|svg| {
            let target = svg.clone();
            EventListener::new_with_options(
                &target,
                "wheel",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    let Some(e) = event.dyn_ref::<web_sys::WheelEvent>() else {
                        return;
                    };
                    e.prevent_default();
                    let factor = if e.delta_y() < 0.0 { 1.15 } else { 1.0 / 1.15 };
                    zoom_at(
                        &interact,
                        &svg,
                        factor,
                        Some((e.client_x() as f64, e.client_y() as f64)),
                    );
                    update.force_update();
                },
            )
        });
        move || drop(listener)
    });
}

#[cfg(test)]
mod tests {
    use super::{in_view, Interact, View, HOME};
    use crate::engine::model::Position;

    #[test]
    fn a_node_is_in_view_until_the_view_pans_or_zooms_it_out() {
        let mut state = Interact {
            view: HOME,
            drag: None,
            view_box: (0.0, 0.0, 600.0, 300.0),
        };
        let node = || std::iter::once(Position { x: 500.0, y: 150.0 });
        assert!(in_view(&state, node()));
        state.view = View {
            tx: -300.0,
            ty: 0.0,
            k: 1.0,
        };
        assert!(in_view(&state, node()));
        state.view = View {
            tx: 0.0,
            ty: 0.0,
            k: 2.0,
        };
        assert!(!in_view(&state, node()));
    }
}
