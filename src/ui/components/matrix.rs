//! The any-to-any matrix: a real table, one row and one column per endpoint, each answer shown
//! by symbol and text as well as colour, navigable with the arrow keys. Above
//! [`GROUP_ABOVE`] endpoints the rows and columns are groups instead (see `groups`), opened
//! one pair of groups at a time.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

#[cfg(not(feature = "widget"))]
use super::groups::GroupedMatrix;
use crate::engine::model::{Access, Plan};
use crate::engine::overview::Cell;
use crate::engine::words::counted;
use crate::engine::Pair;
use crate::ui::answers::Answers;
use crate::ui::state::{Action, Selection};
use crate::ui::views::marks::{Mark, Marks};

/// The most endpoints drawn one row and one column each; larger plans are drawn by groups.
pub const GROUP_ABOVE: usize = 40;

/// The matrix's inputs.
#[derive(Properties, PartialEq)]
pub struct MatrixProps {
    /// The plan (for the groups of a large one).
    pub plan: Rc<Plan>,
    /// The answers.
    pub answers: Answers,
    /// What is selected.
    pub selection: Selection,
    /// Where actions go.
    pub on_action: Callback<Action>,
    /// The cells a view marks gained or lost (a failure, a comparison); none by default.
    #[prop_or_default]
    pub marks: Rc<Marks>,
}

/// Symbol, class and words for a pair's answer (the same symbols as the CLI's matrix).
pub fn verdict(pair: &Pair) -> (&'static str, &'static str, &'static str) {
    cell_verdict(Cell::from(pair))
}

/// Symbol, class and words for a cell's verdict.
pub fn cell_verdict(cell: Cell) -> (&'static str, &'static str, &'static str) {
    match cell {
        Cell::Reachable => ("✓", "yes", "reachable"),
        Cell::OneWay => ("→", "oneway", "one way only, no way back"),
        Cell::Limited(Access::Desktop) => {
            ("D", "limited", "no network route; desktop session only")
        }
        Cell::Limited(Access::RdpSsh) => (
            "R",
            "limited",
            "no network route; RDP or SSH through Bastion only",
        ),
        Cell::Limited(Access::Https) => (
            "H",
            "limited",
            "no network route; HTTPS through Application Gateway only",
        ),
        Cell::Same => ("·", "self", "same endpoint"),
        _ => ("✗", "no", "not reachable"),
    }
}

/// One cell of a matrix table: a button that selects the pair (endpoint indexes `i`, `j`).
pub fn cell_html(
    answers: &Answers,
    (i, j): (usize, usize),
    selection: &Selection,
    tab_stop: bool,
    on_action: &Callback<Action>,
) -> Html {
    marked_cell(answers, (i, j), selection, tab_stop, on_action, None)
}

/// A cell as [`cell_html`] draws it, marked gained or lost by a view.
pub fn marked_cell(
    answers: &Answers,
    (i, j): (usize, usize),
    selection: &Selection,
    tab_stop: bool,
    on_action: &Callback<Action>,
    change: Option<Mark>,
) -> Html {
    let endpoints = answers.endpoints();
    let (Some(from), Some(to)) = (endpoints.get(i), endpoints.get(j)) else {
        return html! { <td /> };
    };
    if i == j {
        return html! { <td class="self"><span aria-hidden="true">{"·"}</span><span class="sr-only">{"same endpoint"}</span></td> };
    }
    let (mark, class, words) = cell_verdict(answers.cell(i, j));
    let selected = matches!(selection, Selection::Pair { from: f, to: t } if f == from && t == to);
    let onclick = {
        let on_action = on_action.clone();
        let (from, to) = (from.clone(), to.clone());
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::Select(Selection::Pair {
                from: from.clone(),
                to: to.clone(),
            }))
        })
    };
    let label = match change {
        Some(c) => format!("{from} to {to}: {words} ({})", c.words()),
        None => format!("{from} to {to}: {words}"),
    };
    let change = change.map(Mark::as_str);
    html! {
        <td class={classes!("cell", class, selected.then_some("selected"), change)}>
            <button type="button" id={cell_id(i, j)} data-i={i.to_string()} data-j={j.to_string()}
                data-from={from.clone()} data-to={to.clone()} data-mark={mark} data-change={change}
                tabindex={if tab_stop { "0" } else { "-1" }}
                aria-label={label.clone()} title={label} aria-pressed={selected.to_string()}
                {onclick}>
                <span aria-hidden="true">{ mark }</span>
            </button>
        </td>
    }
}

/// The line above the matrix: counts and the key, with the kinds of limited access shown.
pub fn summary_html(answers: &Answers) -> Html {
    let n = answers.endpoints().len();
    let reachable = answers.reachable();
    let shown = answers.limited_kinds();
    let limited: Vec<&(Access, &str, &str)> = LIMITED
        .iter()
        .filter(|(access, _, _)| shown.contains(access))
        .collect();
    html! {
        <>
            <p class="summary">
                { format!("{}, {reachable} of {} ordered pairs reachable.", counted(n, "endpoint"), n * n.saturating_sub(1)) }
                <span class="key">
                    <span class="k yes">{"✓ reachable"}</span>
                    <span class="k no">{"✗ not reachable"}</span>
                    <span class="k oneway">{"→ one way only"}</span>
                </span>
            </p>
            if !limited.is_empty() {
                <p class="summary limited-key" id="limited-key">
                    {"Limited access, no network route:"}
                    <span class="key">
                        { for limited.iter().map(|(access, mark, name)| html! {
                            <span class="k limited" data-access={access.as_str()}>
                                <span class="k-mark">{ *mark }</span>{" "}{ *name }
                            </span>
                        }) }
                    </span>
                </p>
            }
        </>
    }
}

/// The mark and name of each kind of limited access, in the order the legend lists them.
pub const LIMITED: [(Access, &str, &str); 3] = [
    (
        Access::Desktop,
        "D",
        "desktop session (Azure Virtual Desktop)",
    ),
    (Access::RdpSsh, "R", "RDP/SSH through Azure Bastion"),
    (Access::Https, "H", "HTTPS through Application Gateway"),
];

/// The name of a kind of access.
pub fn access_name(access: Access) -> &'static str {
    match access {
        Access::Network => "network",
        Access::None => "none",
        other => LIMITED
            .iter()
            .find(|(a, _, _)| *a == other)
            .map_or("limited", |(_, _, name)| name),
    }
}

/// A kind of access in a word or two.
pub fn access_short(access: Access) -> &'static str {
    match access {
        Access::Network => "network",
        Access::Desktop => "desktop",
        Access::RdpSsh => "RDP/SSH",
        Access::Https => "HTTPS",
        Access::None => "no",
    }
}

fn cell_id(i: usize, j: usize) -> String {
    format!("cell-{i}-{j}")
}

/// Focuses a cell of the table that `inside` belongs to (looked up from the table rather than the
/// document, so that it also works in a shadow root, as in the documentation widget).
fn focus_cell(inside: &web_sys::Element, i: usize, j: usize) {
    let table = inside.closest("table").ok().flatten();
    let cell = table.and_then(|t| {
        t.query_selector(&format!("#{}", cell_id(i, j)))
            .ok()
            .flatten()
    });
    if let Some(el) = cell {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// The matrix component.
#[function_component(Matrix)]
pub fn matrix(props: &MatrixProps) -> Html {
    let a = &props.answers;
    let n = a.endpoints().len();
    if n == 0 {
        return html! {
            <p class="empty">{"No endpoints yet. Add sites, users, VNets or clouds to see who reaches whom."}</p>
        };
    }
    // The documentation widget shows small plans and leaves the grouping out of its download.
    #[cfg(not(feature = "widget"))]
    if n > GROUP_ABOVE {
        return html! {
            <div class="matrix-wrap">
                { summary_html(a) }
                <GroupedMatrix plan={props.plan.clone()} answers={a.clone()}
                    selection={props.selection.clone()} on_action={props.on_action.clone()} />
            </div>
        };
    }
    // The cell that takes the Tab stop: the selected pair, or the first one.
    let (fi, fj) = match &props.selection {
        Selection::Pair { from, to } => match (a.index(from), a.index(to)) {
            (Some(i), Some(j)) => (i, j),
            _ => (0, 1),
        },
        _ => (0, 1),
    };
    let on_key = {
        let answers = props.answers.clone();
        let on_action = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            let Some(target) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let (Some(i), Some(j)) = (
                target
                    .get_attribute("data-i")
                    .and_then(|v| v.parse::<usize>().ok()),
                target
                    .get_attribute("data-j")
                    .and_then(|v| v.parse::<usize>().ok()),
            ) else {
                return;
            };
            let endpoints = answers.endpoints();
            let n = endpoints.len();
            let step =
                |v: usize, d: i64| -> usize { (v as i64 + d).clamp(0, n as i64 - 1) as usize };
            let (mut ni, mut nj) = match e.key().as_str() {
                "ArrowLeft" => (i, step(j, -1)),
                "ArrowRight" => (i, step(j, 1)),
                "ArrowUp" => (step(i, -1), j),
                "ArrowDown" => (step(i, 1), j),
                "Home" => (i, 0),
                "End" => (i, n - 1),
                _ => return,
            };
            e.prevent_default();
            if ni == nj {
                // Step over the diagonal, or back if there is no cell beyond it.
                match e.key().as_str() {
                    "ArrowLeft" | "Home" => nj = if nj > 0 { nj - 1 } else { nj + 1 },
                    "ArrowRight" | "End" => nj = if nj + 1 < n { nj + 1 } else { nj - 1 },
                    "ArrowUp" => ni = if ni > 0 { ni - 1 } else { ni + 1 },
                    _ => ni = if ni + 1 < n { ni + 1 } else { ni - 1 },
                }
            }
            if ni >= n || nj >= n || ni == nj {
                return;
            }
            focus_cell(&target, ni, nj);
            on_action.emit(Action::Select(Selection::Pair {
                from: endpoints[ni].clone(),
                to: endpoints[nj].clone(),
            }));
        })
    };
    // Ids where space is short; the name in a tooltip, as the diagram shows it.
    let named = |id: &String| match props.plan.node(id).map(|n| n.label()) {
        Some(name) if name != id => format!("{name} ({id})"),
        _ => id.clone(),
    };
    let header = a
        .endpoints()
        .iter()
        .map(|id| html! { <th scope="col" title={named(id)}><span class="col-head">{ id.clone() }</span></th> })
        .collect::<Html>();
    let rows = a
        .endpoints()
        .iter()
        .enumerate()
        .map(|(i, from)| {
            let cells = (0..n)
                .map(|j| {
                    let change = a
                        .endpoints()
                        .get(j)
                        .filter(|_| !props.marks.cells.is_empty())
                        .and_then(|to| props.marks.cell(from, to));
                    marked_cell(
                        a,
                        (i, j),
                        &props.selection,
                        (i, j) == (fi, fj),
                        &props.on_action,
                        change,
                    )
                })
                .collect::<Html>();
            html! { <tr><th scope="row" title={named(from)}>{ from.clone() }</th>{ cells }</tr> }
        })
        .collect::<Html>();
    html! {
        <div class="matrix-wrap">
            { summary_html(a) }
            <div class="matrix-scroll">
                <table class="matrix" onkeydown={on_key}>
                    <caption class="sr-only">{"Reachability from each row's endpoint to each column's endpoint, and back. Use the arrow keys to move between cells."}</caption>
                    <thead><tr><th scope="col" class="corner"><span class="sr-only">{"from \\ to"}</span><span aria-hidden="true">{"from ↓ to →"}</span></th>{ header }</tr></thead>
                    <tbody>{ rows }</tbody>
                </table>
            </div>
        </div>
    }
}
