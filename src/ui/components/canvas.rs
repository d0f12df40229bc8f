//! The diagram: nodes and links in SVG, with drag to move (one node, or the selected nodes
//! together), drag from a node's handle to connect (see `connect`), Shift+click and Shift+drag
//! (a rubber band) to select several nodes, pan, zoom and the selected pair's path highlighted.
//!
//! Pan, zoom and an ongoing drag are view state kept in this component (see `viewport`); a
//! finished drag is one action, so undo takes it back in one step.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use yew::prelude::*;

use super::connect::{self, Choice, Chooser};
use super::edges::{draw_highlight, draw_links, draw_mesh, ACCESS_COLOR};
use super::gestures::Gestures;
use super::label::node_text;
use super::marks::draw_marks;
use super::shapes::{self, node_color};
use super::viewport::{in_view, use_wheel_zoom, zoom_at, Drag, Interact, HOME};
use crate::engine::model::{Plan, Position};
use crate::ui::drawing;
use crate::ui::export::DIAGRAM_ID;
use crate::ui::layout::{self, NODE_H, NODE_W};
use crate::ui::path::Highlight;
use crate::ui::state::{Action, Selection};
use crate::ui::views::marks::Marks;
use crate::ui::visible;

/// The diagram's inputs.
#[derive(Properties)]
pub struct CanvasProps {
    /// The plan.
    pub plan: Rc<Plan>,
    /// What is selected.
    pub selection: Selection,
    /// The selected pair's path.
    pub highlight: Option<Rc<Highlight>>,
    /// Ids of nodes with an error finding.
    pub flagged: Rc<BTreeSet<String>>,
    /// Where actions go.
    pub on_action: Callback<Action>,
    /// What the view shown marks (a failure, a comparison); nothing by default.
    #[prop_or_default]
    pub marks: Rc<Marks>,
}

impl PartialEq for CanvasProps {
    /// The diagram draws the plan's title, nodes and links: an edit of intents or flows alone
    /// (on a large plan, thousands of shapes) does not draw it again.
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.plan, &other.plan);
        let same_plan =
            Rc::ptr_eq(a, b) || (a.title == b.title && a.nodes == b.nodes && a.links == b.links);
        same_plan
            && self.selection == other.selection
            && self.highlight == other.highlight
            && self.flagged == other.flagged
            && self.on_action == other.on_action
            && self.marks == other.marks
    }
}

/// The diagram component.
#[function_component(Canvas)]
pub fn canvas(props: &CanvasProps) -> Html {
    let svg_ref = use_node_ref();
    let update = use_force_update();
    let plan = &props.plan;
    // A large plan is drawn around the selection (see `visible`), laid out on its own.
    let visible = visible::visible(plan, &props.selection, props.highlight.as_deref());
    let part = visible.as_ref().map(|v| visible::part(plan, v));
    let laid = part.as_ref().unwrap_or(plan);
    let positions = layout::positions(laid);
    let view_box = layout::bounds(&positions);
    let places: Rc<Vec<(String, Position)>> = Rc::new(
        laid.nodes
            .iter()
            .zip(positions.iter())
            .map(|(n, p)| (n.id.clone(), *p))
            .collect(),
    );
    let selected_ids = Rc::new(drawing::selected_nodes(&props.selection));
    let choice = use_state(|| None::<Choice>);
    let shown_path = use_mut_ref(|| None::<Vec<String>>);
    let interact = use_mut_ref(|| Interact {
        view: HOME,
        drag: None,
        view_box,
    });
    // The view box follows the plan, but not while a drag is going on.
    if interact.borrow().drag.is_none() {
        interact.borrow_mut().view_box = view_box;
    }
    let vb = interact.borrow().view_box;
    use_wheel_zoom(svg_ref.clone(), interact.clone(), update.clone());

    let gestures = Gestures {
        interact: interact.clone(),
        svg_ref: svg_ref.clone(),
        update: update.clone(),
    };
    let on_background_down = gestures.background_down();
    let on_move = gestures.pointer_move();
    let on_up = gestures.pointer_up(
        plan.clone(),
        places.clone(),
        choice.clone(),
        props.on_action.clone(),
    );
    let zoom_button = |factor: f64| {
        let interact = interact.clone();
        let svg_ref = svg_ref.clone();
        let update = update.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(svg) = svg_ref.cast::<web_sys::Element>() {
                zoom_at(&interact, &svg, factor, None);
                update.force_update();
            }
        })
    };
    let on_fit = {
        let interact = interact.clone();
        let update = update.clone();
        Callback::from(move |_: MouseEvent| {
            interact.borrow_mut().view = HOME;
            update.force_update();
        })
    };
    let on_tidy = {
        let on_action = props.on_action.clone();
        let interact = interact.clone();
        Callback::from(move |_: MouseEvent| {
            interact.borrow_mut().view = HOME;
            on_action.emit(Action::Tidy);
        })
    };

    // Where each node is drawn now (a dragged node follows the pointer).
    let mut at: BTreeMap<&str, Position> = laid
        .nodes
        .iter()
        .zip(positions.iter())
        .map(|(n, p)| (n.id.as_str(), *p))
        .collect();
    if let Some(Drag::Node {
        id,
        at: p,
        origin,
        group,
        ..
    }) = &interact.borrow().drag
    {
        let (dx, dy) = (p.x - origin.x, p.y - origin.y);
        let moved = group.iter().map(|(g, o)| {
            (
                g.as_str(),
                Position {
                    x: o.x + dx,
                    y: o.y + dy,
                },
            )
        });
        for (g, q) in std::iter::once((id.as_str(), *p)).chain(moved) {
            if let Some(slot) = at.get_mut(g) {
                *slot = q;
            }
        }
    }
    // A newly selected pair's path is brought into view: the whole plan again (Fit) when a
    // node of it lies outside the view as panned and zoomed.
    let path_nodes = props.highlight.as_ref().map(|h| h.nodes.clone());
    if *shown_path.borrow() != path_nodes {
        if let Some(ids) = &path_nodes {
            let path = ids.iter().filter_map(|id| at.get(id.as_str()).copied());
            if !in_view(&interact.borrow(), path) {
                interact.borrow_mut().view = HOME;
            }
        }
        *shown_path.borrow_mut() = path_nodes;
    }
    let drawing_now = drawing_overlay(&interact.borrow().drag, &at);
    let view = interact.borrow().view;
    let links = draw_links(props, &at);
    let mesh = draw_mesh(plan, &at);
    let overlay = props
        .highlight
        .as_ref()
        .map(|h| draw_highlight(h, &at))
        .unwrap_or_default();
    let access_path = props.highlight.as_ref().is_some_and(|h| h.access.is_some());
    let on_path: BTreeSet<&str> = props
        .highlight
        .as_ref()
        .map(|h| h.nodes.iter().map(String::as_str).collect())
        .unwrap_or_default();
    let nodes = plan
        .nodes
        .iter()
        .filter(|node| at.contains_key(node.id.as_str()))
        .map(|node| {
            let p = at
                .get(node.id.as_str())
                .copied()
                .unwrap_or(Position { x: 0.0, y: 0.0 });
            let selected = selected_ids.contains(&node.id);
            let highlighted = on_path.contains(node.id.as_str());
            let flagged = props.flagged.contains(&node.id);
            let on_down = gestures.node_down(
                node.id.clone(),
                p,
                props.selection.clone(),
                places.clone(),
                props.on_action.clone(),
            );
            let on_handle_down = gestures.handle_down(node.id.clone(), p);
            let on_key = {
                let on_action = props.on_action.clone();
                let id = node.id.clone();
                Callback::from(move |e: KeyboardEvent| {
                    let step = if e.shift_key() { 50.0 } else { 10.0 };
                    let moved = match e.key().as_str() {
                        "ArrowLeft" => Some((-step, 0.0)),
                        "ArrowRight" => Some((step, 0.0)),
                        "ArrowUp" => Some((0.0, -step)),
                        "ArrowDown" => Some((0.0, step)),
                        _ => None,
                    };
                    if let Some((dx, dy)) = moved {
                        e.prevent_default();
                        on_action.emit(Action::MoveNode(
                            id.clone(),
                            Position {
                                x: p.x + dx,
                                y: p.y + dy,
                            },
                        ));
                    } else if e.key() == "Enter" || e.key() == " " {
                        e.prevent_default();
                        on_action.emit(Action::Select(Selection::Node(id.clone())));
                    }
                })
            };
            let color = node_color(node);
            let stroke = if selected {
                "#0b3d91"
            } else if highlighted {
                if access_path {
                    ACCESS_COLOR
                } else {
                    "#f59e0b"
                }
            } else {
                color
            };
            let stroke_width = if selected || highlighted { "3" } else { "1.5" };
            let (x, y) = (p.x - NODE_W / 2.0, p.y - NODE_H / 2.0);
            let label = node.label().to_string();
            html! {
                <g key={node.id.clone()} class="node" data-node={node.id.clone()}
                    transform={format!("translate({x} {y})")}
                    tabindex="0" role="button"
                    aria-label={format!("{} ({}), {}", label, node.id, shapes::subtitle(node))}
                    aria-pressed={selected.to_string()}
                    onpointerdown={on_down} onkeydown={on_key}>
                    <title>{ format!("{label} ({})", node.id) }</title>
                    <rect width={NODE_W.to_string()} height={NODE_H.to_string()} rx="9"
                        fill="#ffffff" stroke={stroke} stroke-width={stroke_width} />
                    <rect x="0" y="0" width="44" height={NODE_H.to_string()} rx="9" fill={color} />
                    <rect x="30" y="0" width="14" height={NODE_H.to_string()} fill={color} />
                    <g transform="translate(10 16)">{ shapes::icon(node.kind) }</g>
                    <g font-family="system-ui, sans-serif">{ node_text(&label, &shapes::subtitle(node)) }</g>
                    { connect::handle(&node.id, color, on_handle_down) }
                    if flagged {
                        <g transform={format!("translate({} -6)", NODE_W - 10.0)}>
                            <circle r="9" fill="#c62828" />
                            <text text-anchor="middle" y="4.5" font-size="13" font-weight="700"
                                font-family="system-ui, sans-serif" fill="#ffffff">{"!"}</text>
                        </g>
                    }
                </g>
            }
        })
        .collect::<Html>();

    let on_choice = {
        let choice = choice.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |action: Option<Action>| {
            choice.set(None);
            if let Some(action) = action {
                on_action.emit(action);
            }
        })
    };
    let empty = plan.nodes.is_empty();
    html! {
        <>
        <div class="canvas">
            <div class="canvas-tools" role="toolbar" aria-label="Diagram view">
                <button type="button" onclick={zoom_button(1.25)} title="Zoom in" aria-label="Zoom in">{"+"}</button>
                <button type="button" onclick={zoom_button(0.8)} title="Zoom out" aria-label="Zoom out">{"−"}</button>
                <button type="button" onclick={on_fit} title="Show the whole plan">{"Fit"}</button>
                <button type="button" onclick={on_tidy} title="Lay every node out again by role">{"Tidy layout"}</button>
            </div>
            <div class="canvas-scroll">
            <svg id={DIAGRAM_ID} ref={svg_ref} class="diagram" role="group"
                aria-label="Network diagram: nodes can be dragged, or moved with the arrow keys"
                viewBox={format!("{} {} {} {}", vb.0, vb.1, vb.2, vb.3)}
                preserveAspectRatio="xMidYMid meet"
                onpointerdown={on_background_down} onpointermove={on_move}
                onpointerup={on_up.clone()} onpointercancel={on_up}>
                <rect data-ui="" x={vb.0.to_string()} y={vb.1.to_string()} width={vb.2.to_string()}
                    height={vb.3.to_string()} fill="transparent" />
                <g data-view="" transform={format!("translate({} {}) scale({})", view.tx, view.ty, view.k)}>
                    { mesh }
                    { links }
                    { overlay }
                    { nodes }
                    { draw_marks(&props.marks, plan, &at) }
                    { drawing_now }
                </g>
                if empty {
                    // Large in diagram units: the empty view box is drawn small on a phone.
                    <text x={(vb.0 + vb.2 / 2.0).to_string()} y={(vb.1 + vb.3 / 2.0).to_string()}
                        text-anchor="middle" font-family="system-ui, sans-serif" font-size="30" fill="#555">
                        <tspan>{"An empty plan:"}</tspan>
                        <tspan x={(vb.0 + vb.2 / 2.0).to_string()} dy="1.3em">{"add networks with the buttons above."}</tspan>
                    </text>
                }
            </svg>
            </div>
            if let Some(offer) = (*choice).clone() {
                <Chooser choice={offer} on_done={on_choice} />
            }
        </div>
            if let Some(v) = &visible {
                <p class="canvas-note" id="canvas-note">
                    { format!("{} nodes: the diagram shows {} of them, {}. Select a node, a link or a matrix cell to see its neighbourhood.",
                        plan.nodes.len(), v.len(),
                        if props.selection == Selection::None { "the hubs, circuits and best-connected networks" } else { "around the selection" }) }
                </p>
            }
        </>
    }
}

/// What a drag being drawn shows: the line from a handle to the pointer, or the rubber band
/// (left out of exports).
fn drawing_overlay(drag: &Option<Drag>, at: &BTreeMap<&str, Position>) -> Html {
    match drag {
        Some(Drag::Connect { from, at: to }) => {
            let Some(p) = at.get(from.as_str()) else {
                return Html::default();
            };
            html! {
                <line data-ui="" class="connecting" x1={(p.x + NODE_W / 2.0).to_string()}
                    y1={p.y.to_string()} x2={to.0.to_string()} y2={to.1.to_string()}
                    stroke="#0b5cad" stroke-width="2.5" stroke-dasharray="7 4" />
            }
        }
        Some(Drag::Band { start, at: to }) => html! {
            <rect data-ui="" class="band" x={start.0.min(to.0).to_string()}
                y={start.1.min(to.1).to_string()} width={(start.0 - to.0).abs().to_string()}
                height={(start.1 - to.1).abs().to_string()} fill="rgba(11, 92, 173, 0.08)"
                stroke="#0b5cad" stroke-dasharray="4 3" />
        },
        _ => Html::default(),
    }
}
