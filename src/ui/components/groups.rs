//! The matrix of a large plan: one row and one column per group of endpoints (by kind or by
//! region), each cell counting the reachable pairs between the two groups. Opening a cell shows
//! its pairs, a page of rows and columns at a time, as the small matrix shows them; nothing
//! draws the N² cells of the whole plan.

use yew::prelude::*;

use super::matrix::cell_html;
use crate::engine::model::Plan;
use crate::ui::answers::Answers;
use crate::ui::grouping::{group_of, groups, GroupBy};
use crate::ui::state::{Action, Selection};
use std::rc::Rc;

/// Rows and columns of one page of an opened group pair.
pub const PAGE: usize = 20;

/// The grouped matrix's inputs.
#[derive(Properties, PartialEq)]
pub struct GroupedProps {
    /// The plan.
    pub plan: Rc<Plan>,
    /// The answers.
    pub answers: Answers,
    /// What is selected.
    pub selection: Selection,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// An opened group pair, with the first row and column of the page shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Open {
    rows: usize,
    cols: usize,
    row_at: usize,
    col_at: usize,
}

/// The grouped matrix component.
#[function_component(GroupedMatrix)]
pub fn grouped_matrix(props: &GroupedProps) -> Html {
    let by = use_state(|| GroupBy::Kind);
    let open = use_state(|| None::<Open>);
    let list = use_memo(
        (props.plan.clone(), props.answers.clone(), *by),
        |(plan, answers, by)| groups(plan, answers.endpoints(), *by),
    );
    // A new selection opens its own groups (below).
    {
        let open = open.clone();
        use_effect_with(props.selection.clone(), move |_| open.set(None));
    }
    let a = &props.answers;
    // Counts per group pair, a word at a time.
    let counts = use_memo((list.clone(), props.answers.clone()), |(list, answers)| {
        list.iter()
            .map(|from| {
                list.iter()
                    .map(|to| answers.reachable_between(from, to))
                    .collect::<Vec<usize>>()
            })
            .collect::<Vec<_>>()
    });
    // The selected pair opens its groups (from an intent or a finding, say).
    let selected = match &props.selection {
        Selection::Pair { from, to } => a
            .index(from)
            .zip(a.index(to))
            .and_then(|(i, j)| Some(((i, j), group_of(&list, i)?, group_of(&list, j)?))),
        _ => None,
    };
    let shown = match (*open, selected) {
        (Some(o), _) => Some(o),
        (None, Some(((i, j), gi, gj))) => {
            let page = |members: &[usize], x: usize| {
                members
                    .iter()
                    .position(|&m| m == x)
                    .map_or(0, |p| p / PAGE * PAGE)
            };
            Some(Open {
                rows: gi,
                cols: gj,
                row_at: page(&list[gi].members, i),
                col_at: page(&list[gj].members, j),
            })
        }
        _ => None,
    };
    let choose = {
        let (by, open) = (by.clone(), open.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            if let Some((g, _)) = GroupBy::ALL.iter().find(|(_, name)| *name == value) {
                by.set(*g);
                open.set(None);
            }
        })
    };
    let header = list
        .iter()
        .map(|g| html! { <th scope="col"><span class="col-head">{ format!("{} ({})", g.name, g.members.len()) }</span></th> })
        .collect::<Html>();
    let rows = list
        .iter()
        .enumerate()
        .map(|(gi, from)| {
            let cells = list
                .iter()
                .enumerate()
                .map(|(gj, to)| {
                    let total = from.members.len() * to.members.len()
                        - if gi == gj { from.members.len() } else { 0 };
                    let reachable = counts[gi][gj];
                    let class = match reachable {
                        0 => "no",
                        r if r == total => "yes",
                        _ => "some",
                    };
                    let is_open = shown.is_some_and(|o| (o.rows, o.cols) == (gi, gj));
                    let onclick = {
                        let open = open.clone();
                        Callback::from(move |_: MouseEvent| {
                            open.set((!is_open).then_some(Open { rows: gi, cols: gj, row_at: 0, col_at: 0 }))
                        })
                    };
                    let label = format!(
                        "{} to {}: {reachable} of {total} pairs reachable; {}",
                        from.name,
                        to.name,
                        if is_open { "shown below" } else { "press to show them" }
                    );
                    html! {
                        <td class={classes!("cell", "group-cell", class, is_open.then_some("selected"))}>
                            <button type="button" data-group={format!("{gi}-{gj}")} aria-label={label.clone()} title={label}
                                aria-expanded={is_open.to_string()} {onclick}>
                                { format!("{reachable}/{total}") }
                            </button>
                        </td>
                    }
                })
                .collect::<Html>();
            html! { <tr><th scope="row">{ format!("{} ({})", from.name, from.members.len()) }</th>{ cells }</tr> }
        })
        .collect::<Html>();
    let detail = shown.and_then(|o| {
        let (from, to) = (list.get(o.rows)?, list.get(o.cols)?);
        let rows_here = &from.members[o.row_at.min(from.members.len())..];
        let cols_here = &to.members[o.col_at.min(to.members.len())..];
        let rows_here = &rows_here[..rows_here.len().min(PAGE)];
        let cols_here = &cols_here[..cols_here.len().min(PAGE)];
        let endpoints = a.endpoints();
        let pager = |what: &'static str, at: usize, len: usize, rows: bool| {
            let go = |to: usize| {
                let open = open.clone();
                Callback::from(move |_: MouseEvent| {
                    let mut next = o;
                    if rows { next.row_at = to } else { next.col_at = to }
                    open.set(Some(next));
                })
            };
            html! {
                <span class="pager">
                    { format!("{what} {}–{} of {len}", at + 1, (at + PAGE).min(len)) }
                    if at > 0 {
                        <button type="button" class="small" onclick={go(at.saturating_sub(PAGE))}>{ format!("previous {what}") }</button>
                    }
                    if at + PAGE < len {
                        <button type="button" class="small" onclick={go(at + PAGE)}>{ format!("next {what}") }</button>
                    }
                </span>
            }
        };
        let header = cols_here
            .iter()
            .map(|&j| html! { <th scope="col"><span class="col-head">{ endpoints[j].clone() }</span></th> })
            .collect::<Html>();
        let body = rows_here
            .iter()
            .enumerate()
            .map(|(r, &i)| {
                let cells = cols_here
                    .iter()
                    .enumerate()
                    .map(|(c, &j)| cell_html(a, (i, j), &props.selection, r == 0 && c == 0, &props.on_action))
                    .collect::<Html>();
                html! { <tr><th scope="row">{ endpoints[i].clone() }</th>{ cells }</tr> }
            })
            .collect::<Html>();
        Some(html! {
            <div class="group-detail" id="group-detail">
                <p class="summary">
                    { format!("{} → {}: ", from.name, to.name) }
                    { pager("rows", o.row_at, from.members.len(), true) }
                    { pager("columns", o.col_at, to.members.len(), false) }
                </p>
                <div class="matrix-scroll">
                    <table class="matrix">
                        <caption class="sr-only">{ format!("Reachability from the {} to the {}, and back.", from.name, to.name) }</caption>
                        <thead><tr><th scope="col" class="corner"><span aria-hidden="true">{"from ↓ to →"}</span></th>{ header }</tr></thead>
                        <tbody>{ body }</tbody>
                    </table>
                </div>
            </div>
        })
    });
    html! {
        <div class="groups">
            <p class="summary">
                <label>{"Group rows and columns by "}
                    <select id="group-by" onchange={choose}>
                        { for GroupBy::ALL.iter().map(|(g, name)| html! {
                            <option value={*name} selected={*g == *by}>{ *name }</option>
                        }) }
                    </select>
                </label>
                {" — each cell counts the pairs reachable from the row's group to the column's; open one to see its pairs."}
            </p>
            <div class="matrix-scroll">
                <table class="matrix grouped" id="group-matrix">
                    <caption class="sr-only">{"Reachable pairs between groups of endpoints."}</caption>
                    <thead><tr><th scope="col" class="corner"><span aria-hidden="true">{"from ↓ to →"}</span></th>{ header }</tr></thead>
                    <tbody>{ rows }</tbody>
                </table>
            </div>
            { detail.unwrap_or_default() }
        </div>
    }
}
