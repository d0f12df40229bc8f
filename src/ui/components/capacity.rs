//! The capacity panel: "what if N times as many people work from home". A slider (and a number
//! field) sets the surge; the utilisation bars and "what breaks first" follow it at once, from
//! the rows' base and per-surge parts; the findings with their recommendations and the flows
//! are recomputed when the slider is let go.

use std::rc::Rc;

use yew::prelude::*;

use super::utilisation::Utilisation;
use crate::engine::capacity::Capacity;
use crate::engine::model::FlowClass;
use crate::engine::{Plan, Severity};
use crate::ui::network::Prepared;
use crate::ui::ops::via_name;
use crate::ui::state::{Action, Selection};
use crate::ui::surge::{self, Bar, Level};

/// The panel's inputs.
#[derive(Properties, PartialEq)]
pub struct CapacityProps {
    /// The plan.
    pub plan: Rc<Plan>,
    /// Its prepared network.
    pub network: Prepared,
    /// The surge shown (live while the slider moves).
    pub surge: f64,
    /// The surge the findings are computed for.
    pub settled: f64,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

fn read(e: &Event) -> Option<f64> {
    let input: web_sys::HtmlInputElement = e.target_unchecked_into();
    let v = input.value_as_number();
    v.is_finite().then_some(v)
}

fn breaks_first(cap: &Capacity, bars: &[Bar], at: f64) -> Html {
    let Some(b) = &cap.breaks_first else {
        return html! {
            <p class="breaks-line">
                {"Nothing that the plan's users drive runs out, whatever the surge."}
            </p>
        };
    };
    let what = format!("{}'s {}: {}", b.element, b.kind.label(), b.measure.label());
    let bar = surge::breaking_row(cap, b).and_then(|i| bars.get(i));
    let level = bar.map_or(Level::Fine, |x| x.level);
    let when = if b.at <= 0.0 {
        " is over its limit whatever the surge.".to_string()
    } else {
        format!(
            " runs out first, above ×{} as many people.",
            surge::times(b.at)
        )
    };
    let now = match bar {
        Some(x) => format!(
            "At ×{} it is at {} %, {}.",
            surge::times(at),
            surge::num(x.percent),
            match x.level {
                Level::Over => "already over its limit",
                Level::Tight => "within its limit, with less than 30 % headroom",
                Level::Fine => "still within its limit",
            }
        ),
        None => String::new(),
    };
    html! {
        <>
            <p class={classes!("breaks-line", level.class())}>
                <span class="state-mark" aria-hidden="true">{ level.mark() }</span>
                <strong class="breaks-what">{ what }</strong>
                { when }
            </p>
            <p class={classes!("breaks-now", level.class())} id="breaks-now">{ now }</p>
        </>
    }
}

fn class_name(c: FlowClass) -> &'static str {
    match c {
        FlowClass::Realtime => "realtime",
        FlowClass::Interactive => "interactive",
        FlowClass::Bulk => "bulk",
    }
}

fn findings(cap: &Capacity, on_action: &Callback<Action>) -> Html {
    if cap.findings.is_empty() {
        return html! { <p class="ok">{"No shortfalls at this surge."}</p> };
    }
    let items = cap.findings.iter().map(|s| {
        let f = &s.finding;
        let (mark, class) = match f.severity {
            Severity::Error => ("✗", "error"),
            Severity::Warning => ("!", "warning"),
            Severity::Info => ("i", "info"),
        };
        let chips = f.nodes.iter().map(|id| {
            let on_action = on_action.clone();
            let target = id.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                on_action.emit(Action::Select(Selection::Node(target.clone())))
            });
            html! { <button type="button" class="chip" {onclick} title="Select this node">{ id.clone() }</button> }
        });
        html! {
            <li class={classes!("finding", class)} data-code={f.code.as_str()}>
                <span class="sev" aria-hidden="true">{ mark }</span>
                <span class="sr-only">{ f.severity.as_str() }{": "}</span>
                <span class="msg">
                    if let Some(rule) = f.rule { <span class="rule">{ rule.id() }</span>{" "} }
                    { f.message.clone() }
                </span>
                if let Some(r) = &s.recommendation {
                    <p class="fix recommendation"><strong>{"Do: "}</strong>{ r.clone() }</p>
                }
                if let Some(source) = s.source {
                    <p class="source">
                        <strong>{"Limit"}</strong>
                        { s.limit.map(|l| format!(" {}", surge::num(l))).unwrap_or_default() }
                        {" from "}{ source }
                    </p>
                }
                <span class="about">{ for chips }</span>
            </li>
        }
    });
    html! { <ul class="finding-list">{ for items }</ul> }
}

fn flows(cap: &Capacity) -> Html {
    if cap.flows.is_empty() {
        return html! {};
    }
    let items = cap.flows.iter().map(|f| {
        let mut path = f.path.first().cloned().unwrap_or_default();
        for (via, node) in f.via.iter().zip(f.path.iter().skip(1)) {
            path.push_str(&format!(" → {node} ({})", via_name(via)));
        }
        html! {
            <li class="flow">
                <strong>{ format!("{} → {}", f.from, f.to) }</strong>
                { format!(" {}, {} Mbps{}", class_name(f.class), surge::num(f.mbps), if f.scales { ", grows with the surge" } else { "" }) }
                if !path.is_empty() { <div class="flow-path">{ path }</div> }
                <div class="flow-note">{"Route: "}{ f.route.clone() }</div>
                <div class="flow-note">
                    {"Latency: "}
                    { f.rtt_ms.map(|ms| format!("about {} ms round trip; ", surge::num(ms))).unwrap_or_default() }
                    { f.latency.clone() }
                </div>
            </li>
        }
    });
    html! {
        <details class="flows">
            <summary>{ format!("Flows and their routes ({})", cap.flows.len()) }</summary>
            <ul class="plain">{ for items }</ul>
        </details>
    }
}

/// The capacity panel component.
#[function_component(CapacityPanel)]
pub fn capacity_panel(props: &CapacityProps) -> Html {
    let cap: Rc<Capacity> = use_memo((props.network.clone(), props.settled), |(network, s)| {
        network.capacity(*s)
    });
    let at = props.surge;
    let bars: Rc<Vec<Bar>> = Rc::new(surge::bars(&cap, at));
    let over = bars.iter().filter(|b| b.level == Level::Over).count();
    let tight = bars.iter().filter(|b| b.level == Level::Tight).count();
    let on_input = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = read(&e) {
                on_action.emit(Action::Surge(v, false));
            }
        })
    };
    let on_change = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = read(&e) {
                on_action.emit(Action::Surge(v, true));
            }
        })
    };
    let pending = props.settled != at;
    let label = format!("{}× as many people work from home", surge::times(at));
    html! {
        <div class="capacity">
            <div class="surge">
                <label for="surge" id="surge-label">
                    <strong id="surge-value">{ format!("{}×", surge::times(at)) }</strong>
                    {" as many people work from home"}
                </label>
                <div class="surge-inputs">
                    <span class="surge-end" aria-hidden="true">{"1×"}</span>
                    <input type="range" id="surge" min={surge::MIN.to_string()} max={surge::MAX.to_string()}
                        step={surge::STEP.to_string()} value={at.to_string()} aria-valuetext={label}
                        oninput={on_input} onchange={on_change.clone()} />
                    <span class="surge-end" aria-hidden="true">{"10×"}</span>
                    <input type="number" id="surge-number" class="surge-number" min={surge::MIN.to_string()}
                        max={surge::MAX.to_string()} step={surge::STEP.to_string()} value={at.to_string()}
                        aria-label="Surge multiple" onchange={on_change} />
                </div>
            </div>
            <div class="breaks" id="breaks-first" aria-live="polite">
                <h3>{"What breaks first"}</h3>
                { breaks_first(&cap, &bars, at) }
                if !cap.rows.is_empty() {
                    <p class="summary" id="capacity-summary">
                        { format!("In all, {over} of {} measures {} over the limit and {tight} {} less than 30 % headroom.",
                            cap.rows.len(), if over == 1 { "is" } else { "are" }, if tight == 1 { "has" } else { "have" }) }
                    </p>
                }
            </div>
            <div class="capacity-body">
                <section class="utilisation" aria-labelledby="utilisation-title">
                    <h3 id="utilisation-title">{ format!("Utilisation at ×{}", surge::times(at)) }</h3>
                    <Utilisation plan={props.plan.clone()} capacity={cap.clone()} bars={bars.clone()} />
                </section>
                <section class="capacity-findings" aria-labelledby="capacity-findings-title" aria-busy={pending.to_string()}>
                    <h3 id="capacity-findings-title">
                        { format!("Shortfalls and recommendations at ×{}", surge::times(cap.surge)) }
                    </h3>
                    if pending {
                        <p class="field-hint">{"Updated when the slider is let go."}</p>
                    }
                    { findings(&cap, &props.on_action) }
                    { flows(&cap) }
                    if !cap.notes.is_empty() {
                        <details class="notes">
                            <summary>{ format!("Assumed where the plan does not say ({})", cap.notes.len()) }</summary>
                            <ul class="plain">
                                { for cap.notes.iter().map(|n| html! { <li>{ n.message.clone() }</li> }) }
                            </ul>
                        </details>
                    }
                </section>
            </div>
        </div>
    }
}
