//! The diagram's pointer gestures: pan, move a node (or the selected nodes together), draw a
//! link from a node's handle, Shift+click and a rubber band to select several nodes. Each
//! gesture is view state until the pointer is let go; then it is one action (one undo step).

use std::cell::RefCell;
use std::rc::Rc;

use yew::functional::UseForceUpdateHandle;
use yew::prelude::*;

use super::connect::{self, Choice};
use super::viewport::{hit, inside, to_user, user_scale, Drag, Interact};
use crate::engine::model::{Plan, Position};
use crate::ui::drawing;
use crate::ui::state::{Action, Selection};

/// What the gestures work on: the view state, the `<svg>` and a way to draw again.
#[derive(Clone)]
pub(super) struct Gestures {
    pub(super) interact: Rc<RefCell<Interact>>,
    pub(super) svg_ref: NodeRef,
    pub(super) update: UseForceUpdateHandle,
}

/// Where the nodes are drawn, by id.
pub(super) type Places = Rc<Vec<(String, Position)>>;

impl Gestures {
    /// Where a pointer event is, in diagram units.
    fn model_at(&self, e: &PointerEvent) -> Option<(f64, f64)> {
        let svg = self.svg_ref.cast::<web_sys::Element>()?;
        let state = self.interact.borrow();
        let user = to_user(
            &svg,
            state.view_box,
            e.client_x() as f64,
            e.client_y() as f64,
        );
        Some(state.view.model(user))
    }

    fn capture(&self, e: &PointerEvent) {
        if let Some(svg) = self.svg_ref.cast::<web_sys::Element>() {
            let _ = svg.set_pointer_capture(e.pointer_id());
        }
    }

    /// A press on the background: pan, or with Shift a rubber band.
    pub(super) fn background_down(&self) -> Callback<PointerEvent> {
        let g = self.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            g.capture(&e);
            let drag = match (e.shift_key(), g.model_at(&e)) {
                (true, Some(p)) => Drag::Band { start: p, at: p },
                _ => Drag::Pan {
                    last: (e.client_x() as f64, e.client_y() as f64),
                    moved: false,
                },
            };
            g.interact.borrow_mut().drag = Some(drag);
        })
    }

    /// A press on a node: Shift adds it to the selection (or takes it out); otherwise it starts
    /// moving the node, with the other selected nodes when it is one of several.
    pub(super) fn node_down(
        &self,
        id: String,
        p: Position,
        selection: Selection,
        places: Places,
        on_action: Callback<Action>,
    ) -> Callback<PointerEvent> {
        let g = self.clone();
        Callback::from(move |e: PointerEvent| {
            e.stop_propagation();
            if e.button() != 0 {
                return;
            }
            if e.shift_key() {
                on_action.emit(Action::Select(drawing::toggle(&selection, &id)));
                return;
            }
            let Some(svg) = g.svg_ref.cast::<web_sys::Element>() else {
                return;
            };
            g.capture(&e);
            let vb = g.interact.borrow().view_box;
            let start = to_user(&svg, vb, e.client_x() as f64, e.client_y() as f64);
            let selected = drawing::selected_nodes(&selection);
            let group = if selected.len() > 1 && selected.contains(&id) {
                places
                    .iter()
                    .filter(|(n, _)| *n != id && selected.contains(n))
                    .cloned()
                    .collect()
            } else {
                Vec::new()
            };
            g.interact.borrow_mut().drag = Some(Drag::Node {
                id: id.clone(),
                start,
                origin: p,
                at: p,
                group,
                moved: false,
            });
            if !selected.contains(&id) {
                on_action.emit(Action::Select(Selection::Node(id.clone())));
            }
        })
    }

    /// A press on a node's handle starts drawing a link from it.
    pub(super) fn handle_down(&self, id: String, p: Position) -> Callback<PointerEvent> {
        let g = self.clone();
        Callback::from(move |e: PointerEvent| {
            e.stop_propagation();
            if e.button() != 0 {
                return;
            }
            g.capture(&e);
            let at = g.model_at(&e).unwrap_or((p.x, p.y));
            g.interact.borrow_mut().drag = Some(Drag::Connect {
                from: id.clone(),
                at,
            });
            g.update.force_update();
        })
    }

    /// The pointer moves: the gesture under way follows it.
    pub(super) fn pointer_move(&self) -> Callback<PointerEvent> {
        let g = self.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(svg) = g.svg_ref.cast::<web_sys::Element>() else {
                return;
            };
            let here = g.model_at(&e);
            let mut state = g.interact.borrow_mut();
            let vb = state.view_box;
            let view = state.view;
            let (cx, cy) = (e.client_x() as f64, e.client_y() as f64);
            match state.drag.as_mut() {
                Some(Drag::Node {
                    start,
                    origin,
                    at,
                    moved,
                    ..
                }) => {
                    let (ux, uy) = to_user(&svg, vb, cx, cy);
                    let (dx, dy) = ((ux - start.0) / view.k, (uy - start.1) / view.k);
                    if dx.abs() + dy.abs() > 2.0 {
                        *moved = true;
                    }
                    *at = Position {
                        x: origin.x + dx,
                        y: origin.y + dy,
                    };
                }
                Some(Drag::Pan { last, moved }) => {
                    let s = user_scale(&svg, vb);
                    let (dx, dy) = ((cx - last.0) / s, (cy - last.1) / s);
                    if dx.abs() + dy.abs() > 1.0 {
                        *moved = true;
                    }
                    *last = (cx, cy);
                    state.view.tx += dx;
                    state.view.ty += dy;
                }
                Some(Drag::Connect { at, .. } | Drag::Band { at, .. }) => {
                    if let Some(p) = here {
                        *at = p;
                    }
                }
                None => return,
            }
            drop(state);
            g.update.force_update();
        })
    }

    /// The pointer is let go: the gesture becomes its action.
    pub(super) fn pointer_up(
        &self,
        plan: Rc<Plan>,
        places: Places,
        choice: UseStateHandle<Option<Choice>>,
        on_action: Callback<Action>,
    ) -> Callback<PointerEvent> {
        let g = self.clone();
        Callback::from(move |_: PointerEvent| {
            let drag = g.interact.borrow_mut().drag.take();
            match drag {
                Some(Drag::Node {
                    id,
                    at,
                    origin,
                    group,
                    moved: true,
                    ..
                }) => {
                    let (dx, dy) = (at.x - origin.x, at.y - origin.y);
                    let mut moves = vec![(id, at)];
                    moves.extend(group.into_iter().map(|(n, p)| {
                        let moved = Position {
                            x: p.x + dx,
                            y: p.y + dy,
                        };
                        (n, moved)
                    }));
                    on_action.emit(Action::MoveNodes(moves));
                }
                Some(Drag::Pan { moved: false, .. }) => {
                    on_action.emit(Action::Select(Selection::None))
                }
                Some(Drag::Connect { from, at }) => {
                    if let Some(to) = hit(&places, at).filter(|to| *to != from) {
                        match connect::finish(&plan, &from, &to) {
                            Ok(action) => on_action.emit(action),
                            Err(offer) => choice.set(Some(offer)),
                        }
                    }
                }
                Some(Drag::Band { start, at }) => on_action.emit(Action::Select(
                    drawing::of_nodes(inside(&places, start, at)),
                )),
                _ => {}
            }
            g.update.force_update();
        })
    }
}
