//! The view mode's diagram: the app's layout, colours, line styles and icons, drawn still (no
//! drag, pan or zoom) so that it stays small; a node or link is selected by click or keyboard,
//! and the selected pair's way is highlighted as in the app. Edit mode uses the app's canvas.
//!
//! Size matters here: numbers are written by [`num`] (no float formatting), and nodes are found
//! in a list rather than collected into sorted maps (each collected key type would bring its
//! own copy of the standard library's sort).

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use yew::prelude::*;

use crate::engine::model::{LinkKind, NodeKind, Plan, Position, WanType};
use crate::ui::components::edges::ACCESS_COLOR;
use crate::ui::components::label::squeezed_text;
use crate::ui::components::shapes::{self, link_stroke, node_color, Stroke, MESH};
use crate::ui::layout::{self, NODE_H, NODE_W};
use crate::ui::ops::link_name;
use crate::ui::path::Highlight;
use crate::ui::reveal::scroll_for_both;
use crate::ui::state::{Action, Selection};

/// The diagram's inputs.
#[derive(Properties, PartialEq)]
pub struct DiagramProps {
    /// The plan.
    pub plan: Rc<Plan>,
    /// What is selected.
    pub selection: Selection,
    /// The selected pair's way.
    pub highlight: Option<Rc<Highlight>>,
    /// Ids of nodes with an error finding.
    pub flagged: Rc<BTreeSet<String>>,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// Where each node is drawn, found by id.
struct Places<'a>(Vec<(&'a str, Position)>);

impl Places<'_> {
    fn get(&self, id: &str) -> Option<&Position> {
        self.0.iter().find(|(n, _)| *n == id).map(|(_, p)| p)
    }
}

/// A number for an SVG attribute, with at most one decimal.
pub fn num(v: f64) -> String {
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let t = tenths.unsigned_abs();
    if t % 10 == 0 {
        format!("{sign}{}", t / 10)
    } else {
        format!("{sign}{}.{}", t / 10, t % 10)
    }
}

fn line(a: (f64, f64), b: (f64, f64)) -> [String; 4] {
    [num(a.0), num(a.1), num(b.0), num(b.1)]
}

/// Both ends of a link, moved sideways by `offset` (links between the same nodes side by side).
fn shifted(a: &Position, b: &Position, offset: f64) -> [String; 4] {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (nx, ny) = (-dy / len * offset, dx / len * offset);
    line((a.x + nx, a.y + ny), (b.x + nx, b.y + ny))
}

fn select(
    on_action: &Callback<Action>,
    selection: Selection,
) -> (Callback<MouseEvent>, Callback<KeyboardEvent>) {
    let click = {
        let on_action = on_action.clone();
        let selection = selection.clone();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            on_action.emit(Action::Select(selection.clone()))
        })
    };
    let key = {
        let on_action = on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                on_action.emit(Action::Select(selection.clone()));
            }
        })
    };
    (click, key)
}

fn links(props: &DiagramProps, at: &Places) -> Html {
    let plan = &props.plan;
    let mut groups: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (i, l) in plan.links.iter().enumerate() {
        let key = if l.from <= l.to {
            (l.from.as_str(), l.to.as_str())
        } else {
            (l.to.as_str(), l.from.as_str())
        };
        groups.entry(key).or_default().push(i);
    }
    let mut offset = vec![0.0; plan.links.len()];
    for members in groups.values() {
        let n = members.len() as f64;
        for (k, &i) in members.iter().enumerate() {
            offset[i] = (k as f64 - (n - 1.0) / 2.0) * 9.0;
        }
    }
    plan.links
        .iter()
        .enumerate()
        .filter_map(|(i, link)| {
            let [x1, y1, x2, y2] = shifted(at.get(link.from.as_str())?, at.get(link.to.as_str())?, offset[i]);
            let stroke = link_stroke(link.kind);
            let selected = props.selection == Selection::Link(i);
            let (onclick, onkeydown) = select(&props.on_action, Selection::Link(i));
            let label = format!("{}: {} to {}", link_name(link.kind), link.from, link.to);
            Some(html! {
                <g key={format!("link-{i}")} class="link" data-link={i.to_string()} data-kind={link.kind.as_str()}
                    tabindex="0" role="button" aria-label={label.clone()} aria-pressed={selected.to_string()}
                    {onclick} {onkeydown}>
                    <title>{ label }</title>
                    if selected {
                        <line x1={x1.clone()} y1={y1.clone()} x2={x2.clone()} y2={y2.clone()} stroke="#0b3d91"
                            stroke-opacity="0.35" stroke-width={num(stroke.width + 8.0)} stroke-linecap="round" />
                    }
                    <line x1={x1.clone()} y1={y1.clone()} x2={x2.clone()} y2={y2.clone()} stroke={stroke.color}
                        stroke-width={num(stroke.width)} stroke-dasharray={stroke.dash} />
                    <line {x1} {y1} {x2} {y2} stroke="transparent" stroke-width="16" />
                </g>
            })
        })
        .collect()
}

/// The automatic mesh between the Standard Virtual WAN hubs of one virtual WAN.
fn mesh(plan: &Plan, at: &Places) -> Html {
    let hubs: Vec<_> = plan
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::VwanHub)
        .filter(|n| {
            n.wan
                .as_deref()
                .and_then(|w| plan.wan(w))
                .is_some_and(|w| w.wan_type == WanType::Standard)
        })
        .collect();
    let mut out = Vec::new();
    for (i, a) in hubs.iter().enumerate() {
        for b in hubs[i + 1..].iter().filter(|b| b.wan == a.wan) {
            if let (Some(pa), Some(pb)) = (at.get(a.id.as_str()), at.get(b.id.as_str())) {
                let [x1, y1, x2, y2] = line((pa.x, pa.y), (pb.x, pb.y));
                out.push(html! {
                    <line class="mesh" {x1} {y1} {x2} {y2} stroke={MESH.color}
                        stroke-width={num(MESH.width)} stroke-dasharray={MESH.dash} />
                });
            }
        }
    }
    out.into_iter().collect()
}

fn highlight(h: &Highlight, at: &Places) -> Html {
    h.segments
        .iter()
        .filter_map(|s| {
            let (a, b) = (at.get(s.from.as_str())?, at.get(s.to.as_str())?);
            let color = match (s.blocked, h.access) {
                (true, _) => "#c62828",
                (false, Some(_)) => ACCESS_COLOR,
                (false, None) => "#f59e0b",
            };
            let [x1, y1, x2, y2] = line((a.x, a.y), (b.x, b.y));
            let mid = format!("translate({} {})", num((a.x + b.x) / 2.0), num((a.y + b.y) / 2.0));
            Some(html! {
                <g class="path-hop" data-blocked={s.blocked.to_string()} pointer-events="none">
                    <line {x1} {y1} {x2} {y2} stroke={color} stroke-opacity="0.55" stroke-width="10"
                        stroke-linecap="round" />
                    if s.blocked {
                        <g transform={mid}>
                            <circle r="11" fill="#c62828" stroke="#ffffff" stroke-width="2" />
                            <path d="M-4.5 -4.5L4.5 4.5M4.5 -4.5L-4.5 4.5" stroke="#ffffff" stroke-width="2.6"
                                stroke-linecap="round" />
                        </g>
                    }
                </g>
            })
        })
        .collect()
}

fn sample(stroke: Stroke) -> Html {
    html! {
        <svg class="sample" width="40" height="10" viewBox="0 0 40 10" aria-hidden="true">
            <line x1="2" y1="5" x2="38" y2="5" stroke={stroke.color} stroke-width={num(stroke.width)}
                stroke-dasharray={stroke.dash} />
        </svg>
    }
}

/// The link kinds the plan uses, with their line styles.
fn legend(plan: &Plan) -> Html {
    let kinds = LinkKind::ALL
        .iter()
        .filter(|k| plan.links.iter().any(|l| l.kind == **k));
    html! {
        <ul class="legend" aria-label="Legend">
            { for kinds.map(|&k| html! { <li>{ sample(link_stroke(k)) }{ link_name(k) }</li> }) }
            <li><span class="hl-sample" aria-hidden="true" />{"Selected path"}</li>
        </ul>
    }
}

/// Brings a selected path into view in a narrow widget: the diagram's box scrolls sideways to
/// the path's `middle` (a fraction of the diagram's width), and, with `page`, the page scrolls
/// to show the diagram and the explanation under it together.
fn reveal(canvas: &web_sys::Element, middle: Option<f64>, page: bool) {
    let (width, shown) = (canvas.scroll_width(), canvas.client_width());
    if let Some(m) = middle.filter(|_| width > shown) {
        canvas.set_scroll_left((m * f64::from(width)) as i32 - shown / 2);
    }
    let side = canvas
        .parent_element()
        .and_then(|d| d.parent_element())
        .and_then(|body| body.query_selector(".rp-side").ok().flatten());
    let window = gloo::utils::window();
    let height = window.inner_height().ok().and_then(|v| v.as_f64());
    if let (true, Some(side), Some(height)) = (page, side, height) {
        let (c, s) = (
            canvas.get_bounding_client_rect(),
            side.get_bounding_client_rect(),
        );
        // Stacked (the explanation under the diagram, not beside it).
        if s.top() >= c.bottom() {
            if let Some(by) = scroll_for_both(c.top(), s.top(), height) {
                window.scroll_by_with_x_and_y(0.0, by);
            }
        }
    }
}

/// The diagram component.
#[function_component(Diagram)]
pub fn diagram(props: &DiagramProps) -> Html {
    let plan = &props.plan;
    let positions = layout::positions(plan);
    let (vx, vy, vw, vh) = layout::bounds(&positions);
    let at = Places(
        plan.nodes
            .iter()
            .zip(positions.iter())
            .map(|(n, p)| (n.id.as_str(), *p))
            .collect(),
    );
    let on_path = |id: &str| {
        props
            .highlight
            .as_ref()
            .is_some_and(|h| h.nodes.iter().any(|n| n == id))
    };
    let access_path = props.highlight.as_ref().is_some_and(|h| h.access.is_some());
    let nodes = plan
        .nodes
        .iter()
        .zip(positions.iter())
        .map(|(node, p)| {
            let selected = props.selection == Selection::Node(node.id.clone());
            let color = node_color(node);
            let highlighted = on_path(&node.id);
            let stroke = match (selected, highlighted, access_path) {
                (true, _, _) => "#0b3d91",
                (false, true, true) => ACCESS_COLOR,
                (false, true, false) => "#f59e0b",
                _ => color,
            };
            let wide = selected || highlighted;
            let (onclick, onkeydown) = select(&props.on_action, Selection::Node(node.id.clone()));
            let label = node.label().to_string();
            let subtitle = shapes::subtitle(node);
            let (w, h) = (num(NODE_W), num(NODE_H));
            html! {
                <g key={node.id.clone()} class="node" data-node={node.id.clone()}
                    transform={format!("translate({} {})", num(p.x - NODE_W / 2.0), num(p.y - NODE_H / 2.0))}
                    tabindex="0" role="button" aria-label={format!("{label} ({}), {subtitle}", node.id)}
                    aria-pressed={selected.to_string()} {onclick} {onkeydown}>
                    <title>{ format!("{label} ({})", node.id) }</title>
                    <rect width={w.clone()} height={h.clone()} rx="9" fill="#ffffff" stroke={stroke}
                        stroke-width={if wide { "3" } else { "1.5" }} />
                    <rect width="44" height={h.clone()} rx="9" fill={color} />
                    <rect x="30" width="14" height={h} fill={color} />
                    <g transform="translate(10 16)">{ shapes::icon(node.kind) }</g>
                    { squeezed_text(&label, &subtitle) }
                    if props.flagged.contains(&node.id) {
                        <g transform={format!("translate({} -6)", num(NODE_W - 10.0))}>
                            <circle r="9" fill="#c62828" />
                            <text text-anchor="middle" y="4.5" font-size="13" font-weight="700" fill="#ffffff">{"!"}</text>
                        </g>
                    }
                </g>
            }
        })
        .collect::<Html>();
    // In a narrow widget the diagram scrolls sideways: start at its middle.
    let scroller = use_node_ref();
    {
        let scroller = scroller.clone();
        use_effect_with((), move |_| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                let extra = el.scroll_width() - el.client_width();
                if extra > 0 {
                    el.set_scroll_left(extra / 2);
                }
            }
        });
    }
    // A selected path is brought into view (not when the widget opens with its focused pair:
    // the page is the reader's).
    let middle = props.highlight.as_ref().and_then(|h| {
        let xs = h.nodes.iter().filter_map(|id| at.get(id)).map(|p| p.x);
        let (lo, hi) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
            (lo.min(x), hi.max(x))
        });
        (lo <= hi).then_some(((lo + hi) / 2.0 - vx) / vw)
    });
    {
        let scroller = scroller.clone();
        let opened = use_mut_ref(|| false);
        use_effect_with(props.highlight.clone(), move |h| {
            let page = std::mem::replace(&mut *opened.borrow_mut(), true);
            if let (Some(_), Some(el)) = (h, scroller.cast::<web_sys::Element>()) {
                reveal(&el, middle, page);
            }
        });
    }
    let on_background = props
        .on_action
        .reform(|_: MouseEvent| Action::Select(Selection::None));
    html! {
        <>
        <div class="canvas" ref={scroller}>
            <svg class="diagram still" role="group" aria-label="Network diagram: select a node or a link to change it"
                viewBox={format!("{} {} {} {}", num(vx), num(vy), num(vw), num(vh))} width={num(vw)} height={num(vh)}
                preserveAspectRatio="xMidYMid meet" font-family="system-ui, sans-serif" onclick={on_background}>
                { mesh(plan, &at) }
                { links(props, &at) }
                { props.highlight.as_ref().map(|h| highlight(h, &at)).unwrap_or_default() }
                { nodes }
            </svg>
        </div>
        { legend(plan) }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn numbers_have_at_most_one_decimal() {
        assert_eq!(num(0.0), "0");
        assert_eq!(num(2.5), "2.5");
        assert_eq!(num(-0.45), "-0.5");
        assert_eq!(num(-12.0), "-12");
        assert_eq!(num(183.96), "184");
        assert_eq!(num(1e3), "1000");
    }
}
