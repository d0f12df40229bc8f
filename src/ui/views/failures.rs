//! The Failures panel: fail the selected element (its gateway, firewall, circuit, hub, region,
//! or the selected link) to see the plan in that state, and the single points of failure of
//! the whole plan, found by the sweep a few failures per task (see [`sweep`](super::sweep)),
//! each with the remote users it cuts, the change that removes it, and "Fail it" to see it.
//! [`FailureBar`] says above the work area which failure is shown, with Restore, and when the
//! failure moves traffic onto a backup, whether the backup carries it ([`moved`]).

use std::rc::Rc;

use yew::prelude::*;

use super::sweep::Progress;
use super::View;
use crate::engine::resilience::{domains, load, Domain, DomainKind, Failure};
use crate::engine::words::counted;
use crate::engine::{Network, Plan};
use crate::ui::network::Prepared;
use crate::ui::state::{Action, Selection};
use crate::ui::surge;

/// The Failures panel's inputs.
#[derive(Properties, PartialEq)]
pub struct FailuresProps {
    /// The plan (not the failed one).
    pub plan: Rc<Plan>,
    /// What is selected.
    pub selection: Selection,
    /// The view shown.
    pub view: View,
    /// Where a new view goes.
    pub on_view: Callback<View>,
    /// The sweep's progress.
    pub progress: Progress,
    /// Starts the sweep.
    pub on_sweep: Callback<()>,
    /// Stops the sweep.
    pub on_cancel: Callback<()>,
    /// Where an edit of the plan goes (a remedy applied).
    pub on_action: Callback<Action>,
}

/// The failure domains of the selection: a node's gateways, firewall, circuit, hub, site
/// device, peering location and region; a link's connection and site device.
pub fn of_selection(plan: &Plan, selection: &Selection) -> Vec<Domain> {
    among(&domains(plan), selection)
}

/// The domains of the selection among a plan's domains.
fn among(all: &[Domain], selection: &Selection) -> Vec<Domain> {
    let mine = |d: &&Domain| match selection {
        Selection::Node(id) => d.kind != DomainKind::Connection && d.nodes.contains(id),
        Selection::Link(i) => d.links.contains(i),
        _ => false,
    };
    all.iter().filter(mine).cloned().collect()
}

/// "1 single point of failure", "2 single points of failure".
fn points(n: usize) -> String {
    if n == 1 {
        "1 single point of failure".into()
    } else {
        format!("{n} single points of failure")
    }
}

fn fail_button(domain: &Domain, on_view: &Callback<View>, shown: bool) -> Html {
    let onclick = {
        let on_view = on_view.clone();
        let id = domain.id.clone();
        Callback::from(move |_: MouseEvent| on_view.emit(View::Failed(id.clone())))
    };
    html! {
        <button type="button" class="small fail" data-domain={domain.id.clone()} disabled={shown}
            aria-label={format!("Fail {}", domain.what)} {onclick}>
            { if shown { "Shown" } else { "Fail it" } }
        </button>
    }
}

fn single_point(f: &Failure, props: &FailuresProps) -> Html {
    let (view, on_view) = (&props.view, &props.on_view);
    let shown = matches!(view, View::Failed(id) if *id == f.domain.id);
    let users = if f.users_cut > 0 {
        format!(", {} cut", counted(f.users_cut as usize, "remote user"))
    } else {
        String::new()
    };
    let rule = f.rule.map(|r| format!(" ({r})")).unwrap_or_default();
    html! {
        <li class="spof" data-domain={f.domain.id.clone()}>
            <span class="what">{ f.domain.what.clone() }</span>
            <span class="cut">{ format!("{} lost{users}", counted(f.pairs_lost, "pair")) }</span>
            { fail_button(&f.domain, on_view, shown) }
            <span class="remedy">{ format!("To remove it: {}{rule}", f.remedy) }</span>
            { apply_button(f, &props.on_action) }
        </li>
    }
}

/// "Apply this change" where the change that removes the failure is a mechanical edit of the
/// plan: the plan is edited (Undo restores it) and the sweep runs again on it.
fn apply_button(f: &Failure, on_action: &Callback<Action>) -> Html {
    let Some(edit) = f.edit.clone() else {
        return Html::default();
    };
    let onclick = {
        let on_action = on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::Apply(edit.clone())))
    };
    html! {
        <button type="button" class="small apply-remedy" data-domain={f.domain.id.clone()}
            aria-label={format!("Apply the change that removes {}", f.domain.what)} {onclick}>
            {"Apply this change"}
        </button>
    }
}

/// The Failures panel.
#[function_component(FailuresPanel)]
pub fn failures_panel(props: &FailuresProps) -> Html {
    let p = &props.progress;
    // The plan's domains once per plan version, not again for each selection, and only while
    // a node or a link is selected (an edit of a large plan with a pair selected skips them).
    let asked = matches!(props.selection, Selection::Node(_) | Selection::Link(_));
    let all = use_memo((props.plan.clone(), asked), |(plan, asked)| {
        if *asked {
            domains(plan)
        } else {
            Vec::new()
        }
    });
    let here = among(&all, &props.selection);
    let selected = match &props.selection {
        Selection::Node(id) => Some(format!("Selected: {id}.")),
        Selection::Link(i) => props
            .plan
            .links
            .get(*i)
            .map(|l| format!("Selected: the link {} → {}.", l.from, l.to)),
        _ => None,
    };
    let fail_here = match (&selected, here.is_empty()) {
        (None, _) => html! {
            <p class="hint">{"Select a node or a link on the diagram to fail it."}</p>
        },
        (Some(s), true) => html! {
            <p class="hint">{ format!("{s} Nothing of it fails on its own here: fail its gateway, its links or its region instead.") }</p>
        },
        (Some(s), false) => html! {
            <div class="fail-here">
                <p class="hint">{ s.clone() }</p>
                <ul class="domains">
                    { for here.iter().map(|d| {
                        let shown = matches!(&props.view, View::Failed(id) if *id == d.id);
                        html! { <li>{ d.what.clone() }{" "}{ fail_button(d, &props.on_view, shown) }</li> }
                    }) }
                </ul>
            </div>
        },
    };
    let sweep = {
        let on_sweep = props.on_sweep.clone();
        Callback::from(move |_: MouseEvent| on_sweep.emit(()))
    };
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let status = if p.running {
        html! {
            <p class="sweep-status" role="status">
                <progress max={p.total.max(1).to_string()} value={p.done.to_string()} />
                { format!(" Failing each element in turn: {} of {}…", p.done, p.total) }
                <button type="button" class="small" id="sweep-cancel" onclick={cancel}>{"Cancel"}</button>
            </p>
        }
    } else if p.finished {
        html! {
            <p class="sweep-status" role="status">
                { format!("{} failed in turn: ", counted(p.total, "element")) }
                if p.single_points.is_empty() {
                    {"no single point of failure; every pair survives any single failure."}
                } else {
                    { format!("{} (the heaviest first, weighted by the remote users cut).", points(p.single_points.len())) }
                }
            </p>
        }
    } else if p.cancelled {
        html! { <p class="sweep-status" role="status">{ format!("Cancelled after {} of {} failures; the list is partial.", p.done, p.total) }</p> }
    } else {
        html! {}
    };
    html! {
        <div class="failures">
            { fail_here }
            <div class="sweep">
                if !p.running {
                    <button type="button" id="sweep-start" onclick={sweep}>
                        { if p.finished { "Sweep again" } else { "Find the single points of failure" } }
                    </button>
                }
                { status }
            </div>
            if !p.single_points.is_empty() {
                <ul class="spofs">
                    { for p.single_points.iter().map(|f| single_point(f, props)) }
                </ul>
                <p class="hint">{"\u{201c}Apply this change\u{201d} edits the plan (Undo restores it) and the sweep runs again; a change without the button needs choices the plan does not make (addresses, a provider, a device), so it is yours to draw."}</p>
            }
        </div>
    }
}

/// The bar's inputs.
#[derive(Properties, PartialEq)]
pub struct FailureBarProps {
    /// The failure shown.
    pub failure: Domain,
    /// How many ordered pairs it loses, of those reachable with nothing failed.
    pub lost: usize,
    /// Where a new view goes.
    pub on_view: Callback<View>,
    /// The plan's own network (nothing failed).
    pub network: Prepared,
    /// The surge the capacity findings answer for.
    pub surge: f64,
}

/// Capacity under failure: for each element the failure moves traffic onto (a backup VPN
/// gateway, the other circuit, the other instance), the engine's sentence ("1000 Mbps move to
/// the VPN gateway of hub (…): 1000 of 650 throughput (Mbps), 153.8 %, it does NOT carry
/// them") and whether the element carries it; empty when the failure moves nothing.
pub fn moved(network: &Network, failure: &Domain, surge: f64) -> Vec<(String, bool)> {
    load::of_domain(network, failure, surge)
        .iter()
        .map(|l| (load::sentence(l), l.carries))
        .collect()
}

/// Above the work area while a failure is shown: which, what it costs, and Restore.
#[function_component(FailureBar)]
pub fn failure_bar(props: &FailureBarProps) -> Html {
    let restore = {
        let on_view = props.on_view.clone();
        Callback::from(move |_: MouseEvent| on_view.emit(View::Plan))
    };
    let moved = use_memo(
        (props.network.clone(), props.failure.clone(), props.surge),
        |(n, f, surge)| moved(n, f, *surge),
    );
    let at = format!("At {}× surge, ", surge::times(props.surge));
    html! {
        <div class="view-bar failed" role="status" id="failure-bar">
            <span class="view-text">
                <strong>{"Failure shown: "}</strong>{ props.failure.what.clone() }
                { format!(" is down; {} lost (marked on the matrix). The plan itself is unchanged.", counted(props.lost, "pair")) }
            </span>
            <button type="button" id="restore" onclick={restore}>{"Restore"}</button>
            if !moved.is_empty() {
                <ul class="moved" id="failure-capacity" aria-label="Capacity under failure">
                    { for moved.iter().map(|(sentence, carries)| html! {
                        <li class={if *carries { "carries" } else { "over" }}>{ format!("{at}{sentence}.") }</li>
                    }) }
                </ul>
            }
        </div>
    }
}
