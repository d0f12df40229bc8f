//! What a view marks on the diagram (see `ui::views`): failed nodes and links drawn crossed
//! out in red, nodes and links added since the baseline in green, changed in amber, and the
//! baseline's removed nodes and links as red dashed ghosts where the baseline had them. Drawn
//! over the plan's own shapes and left out of the SVG and PNG exports (`data-ui`), which show
//! the plan.

use std::collections::BTreeMap;

use yew::prelude::*;

use crate::engine::model::{Plan, Position};
use crate::ui::layout::{NODE_H, NODE_W};
use crate::ui::views::marks::{Mark, Marks};

fn color(mark: Mark) -> &'static str {
    match mark {
        Mark::Failed | Mark::Removed | Mark::Lost => "#c62828",
        Mark::Added | Mark::Gained => "#1b7f3b",
        Mark::Changed => "#b26a00",
    }
}

fn badge(mark: Mark) -> &'static str {
    match mark {
        Mark::Failed => "✗ failed",
        Mark::Added => "+ added",
        Mark::Removed => "− removed",
        Mark::Changed => "~ changed",
        Mark::Gained => "+",
        Mark::Lost => "−",
    }
}

fn outline(key: String, p: Position, mark: Mark, ghost: Option<&str>) -> Html {
    let (x, y) = (p.x - NODE_W / 2.0, p.y - NODE_H / 2.0);
    let c = color(mark);
    let dash = matches!(mark, Mark::Removed | Mark::Failed).then_some("8 5");
    html! {
        <g key={key.clone()} data-ui="" class="view-mark" data-change={mark.as_str()} data-mark-node={key}
            transform={format!("translate({x} {y})")} pointer-events="none">
            if let Some(label) = ghost {
                <rect width={NODE_W.to_string()} height={NODE_H.to_string()} rx="9"
                    fill="#fff5f5" fill-opacity="0.85" />
                <text x={(NODE_W / 2.0).to_string()} y={(NODE_H / 2.0 + 5.0).to_string()}
                    text-anchor="middle" font-family="system-ui, sans-serif" font-size="14"
                    fill="#7f1d1d">{ label.to_string() }</text>
            }
            <rect x="-4" y="-4" width={(NODE_W + 8.0).to_string()} height={(NODE_H + 8.0).to_string()}
                rx="12" fill="none" stroke={c} stroke-width="3" stroke-dasharray={dash} />
            if mark == Mark::Failed {
                <path d={format!("M0 0L{NODE_W} {NODE_H}M{NODE_W} 0L0 {NODE_H}")} stroke={c}
                    stroke-width="2.5" stroke-opacity="0.7" />
            }
            <g transform={format!("translate(6 {})", NODE_H + 4.0)}>
                <rect x="-2" y="-1" width="86" height="20" rx="4" fill={c} />
                <text x="4" y="14" font-family="system-ui, sans-serif" font-size="13"
                    font-weight="700" fill="#ffffff">{ badge(mark) }</text>
            </g>
        </g>
    }
}

fn line(key: String, a: Position, b: Position, mark: Mark) -> Html {
    let c = color(mark);
    let dash = matches!(mark, Mark::Removed | Mark::Failed).then_some("10 6");
    let (mx, my) = ((a.x + b.x) / 2.0, (a.y + b.y) / 2.0);
    html! {
        <g key={key.clone()} data-ui="" class="view-mark" data-change={mark.as_str()} data-mark-link={key}
            pointer-events="none">
            <line x1={a.x.to_string()} y1={a.y.to_string()} x2={b.x.to_string()} y2={b.y.to_string()}
                stroke={c} stroke-width="5" stroke-opacity="0.8" stroke-dasharray={dash} />
            if mark == Mark::Failed {
                <g transform={format!("translate({mx} {my})")}>
                    <circle r="11" fill={c} stroke="#ffffff" stroke-width="2" />
                    <path d="M-4.5 -4.5L4.5 4.5M4.5 -4.5L-4.5 4.5" stroke="#ffffff" stroke-width="2.5" />
                </g>
            }
        </g>
    }
}

/// The marks of a view over the diagram; `at` is where each node of the plan is drawn.
pub fn draw_marks(marks: &Marks, plan: &Plan, at: &BTreeMap<&str, Position>) -> Html {
    if marks.is_empty() {
        return Html::default();
    }
    let ghost_at: BTreeMap<&str, Position> =
        marks.ghosts.iter().map(|g| (g.id.as_str(), g.at)).collect();
    let place = |id: &str| at.get(id).or_else(|| ghost_at.get(id)).copied();
    let mut out = Vec::new();
    for (i, mark) in &marks.links {
        let Some(l) = plan.links.get(*i) else {
            continue;
        };
        if let (Some(a), Some(b)) = (place(&l.from), place(&l.to)) {
            out.push(line(i.to_string(), a, b, *mark));
        }
    }
    for (k, l) in marks.ghost_links.iter().enumerate() {
        if let (Some(a), Some(b)) = (place(&l.from), place(&l.to)) {
            let key = format!("was-{k}-{}-{}-{}", l.kind.as_str(), l.from, l.to);
            out.push(line(key, a, b, Mark::Removed));
        }
    }
    for g in &marks.ghosts {
        out.push(outline(g.id.clone(), g.at, Mark::Removed, Some(&g.label)));
    }
    for (id, mark) in &marks.nodes {
        if let Some(p) = at.get(id.as_str()) {
            out.push(outline(id.clone(), *p, *mark, None));
        }
    }
    out.into_iter().collect()
}
