//! The diagram's lines: plan links by kind, the automatic hub mesh, and the highlighted path.

use std::collections::BTreeMap;

use yew::prelude::*;

use super::canvas::CanvasProps;
use super::shapes::{link_stroke, MESH};
use crate::engine::model::{NodeKind, Plan, Position, WanType};
use crate::ui::path::Highlight;
use crate::ui::state::{Action, Selection};

pub(super) fn draw_links(props: &CanvasProps, at: &BTreeMap<&str, Position>) -> Html {
    let plan = &props.plan;
    // Several links between the same two nodes are drawn side by side.
    let mut groups: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, l) in plan.links.iter().enumerate() {
        let key = if l.from <= l.to {
            (l.from.clone(), l.to.clone())
        } else {
            (l.to.clone(), l.from.clone())
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
            let a = at.get(link.from.as_str())?;
            let b = at.get(link.to.as_str())?;
            let (x1, y1, x2, y2) = shifted(a, b, offset[i]);
            let stroke = link_stroke(link.kind);
            let selected = props.selection == Selection::Link(i);
            let on_down = {
                let on_action = props.on_action.clone();
                Callback::from(move |e: PointerEvent| {
                    e.stop_propagation();
                    on_action.emit(Action::Select(Selection::Link(i)));
                })
            };
            let on_key = {
                let on_action = props.on_action.clone();
                Callback::from(move |e: KeyboardEvent| {
                    if e.key() == "Enter" || e.key() == " " {
                        e.prevent_default();
                        on_action.emit(Action::Select(Selection::Link(i)));
                    }
                })
            };
            let label = format!(
                "{}: {} to {}",
                crate::ui::ops::link_name(link.kind),
                link.from,
                link.to
            );
            Some(html! {
                <g key={format!("link-{i}")} class="link" data-link={i.to_string()} data-kind={link.kind.as_str()}
                    tabindex="0" role="button" aria-label={label.clone()} aria-pressed={selected.to_string()}
                    onpointerdown={on_down} onkeydown={on_key}>
                    <title>{ label }</title>
                    if selected {
                        <line x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()} y2={y2.to_string()}
                            stroke="#0b3d91" stroke-opacity="0.35" stroke-width={(stroke.width + 8.0).to_string()}
                            stroke-linecap="round" />
                    }
                    <line x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()} y2={y2.to_string()}
                        stroke={stroke.color} stroke-width={stroke.width.to_string()}
                        stroke-dasharray={stroke.dash} />
                    <line data-ui="" x1={x1.to_string()} y1={y1.to_string()} x2={x2.to_string()} y2={y2.to_string()}
                        stroke="transparent" stroke-width="16" />
                </g>
            })
        })
        .collect()
}

fn shifted(a: &Position, b: &Position, offset: f64) -> (f64, f64, f64, f64) {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (nx, ny) = (-dy / len * offset, dx / len * offset);
    (a.x + nx, a.y + ny, b.x + nx, b.y + ny)
}

pub(super) fn draw_mesh(plan: &Plan, at: &BTreeMap<&str, Position>) -> Html {
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
        for b in &hubs[i + 1..] {
            if a.wan != b.wan {
                continue;
            }
            let (Some(pa), Some(pb)) = (at.get(a.id.as_str()), at.get(b.id.as_str())) else {
                continue;
            };
            out.push(html! {
                <line key={format!("mesh-{}-{}", a.id, b.id)} class="mesh" x1={pa.x.to_string()} y1={pa.y.to_string()}
                    x2={pb.x.to_string()} y2={pb.y.to_string()} stroke={MESH.color}
                    stroke-width={MESH.width.to_string()} stroke-dasharray={MESH.dash} />
            });
        }
    }
    out.into_iter().collect()
}

/// The colour of a limited access's way on the diagram (the matrix's colour for D/R/H).
pub const ACCESS_COLOR: &str = "#6a5acd";

pub(super) fn draw_highlight(h: &Highlight, at: &BTreeMap<&str, Position>) -> Html {
    h.segments
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let a = at.get(s.from.as_str())?;
            let b = at.get(s.to.as_str())?;
            let color = match (s.blocked, h.access) {
                (true, _) => "#c62828",
                (false, Some(_)) => ACCESS_COLOR,
                (false, None) => "#f59e0b",
            };
            let (mx, my) = ((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
            let access = h.access.map(|x| x.as_str());
            Some(html! {
                <g key={format!("hl-{i}")} class="path-hop" data-blocked={s.blocked.to_string()} data-access={access}>
                    <line x1={a.x.to_string()} y1={a.y.to_string()} x2={b.x.to_string()} y2={b.y.to_string()}
                        stroke={color} stroke-opacity={if access.is_some() { "0.4" } else { "0.55" }} stroke-width="10"
                        stroke-linecap="round" />
                    if s.blocked {
                        <g transform={format!("translate({mx} {my})")}>
                            <circle r="11" fill="#c62828" stroke="#ffffff" stroke-width="2" />
                            <path d="M-4.5 -4.5L4.5 4.5M4.5 -4.5L-4.5 4.5" stroke="#ffffff" stroke-width="2.5" />
                        </g>
                    }
                </g>
            })
        })
        .collect()
}
