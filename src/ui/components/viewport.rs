//! The diagram's view state: pan and zoom, an ongoing drag, and the conversion from pointer
//! positions on screen to diagram units.

use std::cell::RefCell;
use std::rc::Rc;

use crate::engine::model::Position;

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
    Node {
        id: String,
        start: (f64, f64),
        origin: Position,
        at: Position,
        moved: bool,
    },
    Pan {
        last: (f64, f64),
        moved: bool,
    },
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
