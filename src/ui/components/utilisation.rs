//! Utilisation bars: one group per gateway, hub, circuit or firewall, one bar per measure, each
//! with its numbers and percent in text, a symbol and words for "over the limit" or "little
//! headroom" (never colour alone), and the limit it is measured against.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use crate::engine::capacity::{Capacity, Row};
use crate::engine::Plan;
use crate::ui::surge::{self, Bar, Level};

/// The bars' inputs.
#[derive(Properties, PartialEq)]
pub struct UtilisationProps {
    /// The plan (to name the connections of per-connection rows).
    pub plan: Rc<Plan>,
    /// The capacity answer (rows with their base and per-surge parts).
    pub capacity: Rc<Capacity>,
    /// The rows at the surge shown, in the same order.
    pub bars: Rc<Vec<Bar>>,
}

fn group_name(plan: &Plan, row: &Row) -> String {
    match row.link {
        Some(l) => {
            let link = plan
                .links
                .get(l)
                .map_or_else(|| format!("link {l}"), |x| x.label());
            format!("{} · {} ({link})", row.element, row.kind.label())
        }
        None => format!("{} · {}", row.element, row.kind.label()),
    }
}

/// The drawn bar: the track is the limit; a row over it fills the track and is marked in text.
fn meter(bar: &Bar) -> Html {
    let fill = bar.percent.clamp(0.0, 100.0);
    html! {
        <svg class={classes!("bar", bar.level.class())} viewBox="0 0 100 10" preserveAspectRatio="none"
            aria-hidden="true" focusable="false">
            <rect class="track" x="0" y="0" width="100" height="10" rx="2" />
            <rect class="fill" x="0" y="0" width={format!("{fill:.1}")} height="10" rx="2" />
            <line class="tick" x1="76.9" y1="0" x2="76.9" y2="10" />
        </svg>
    }
}

fn row_view(index: usize, row: &Row, bar: &Bar) -> Html {
    let level = bar.level;
    let value = format!("{} of {}", surge::num(bar.demand), surge::num(row.capacity));
    html! {
        <li class={classes!("bar-row", level.class())} key={index}
            data-element={row.element.clone()} data-measure={measure_key(row)}
            data-percent={surge::num(bar.percent)}>
            <div class="bar-head">
                <span class="measure">{ row.measure.label() }</span>
                <span class="value">{ value }</span>
                <span class="percent">{ format!("{} %", surge::num(bar.percent)) }</span>
            </div>
            { meter(bar) }
            <div class="bar-foot">
                if level != Level::Fine {
                    <span class="state">
                        <span class="state-mark" aria-hidden="true">{ level.mark() }</span>
                        { level.words() }
                    </span>
                }
                <span class="limit">{"limit: "}{ row.limit.clone() }</span>
            </div>
        </li>
    }
}

/// The measure as the JSON contract names it (for scripts and tests reading the page).
fn measure_key(row: &Row) -> String {
    serde_json::to_value(row.measure)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The utilisation bars component.
#[function_component(Utilisation)]
pub fn utilisation(props: &UtilisationProps) -> Html {
    let cap = &props.capacity;
    if cap.rows.is_empty() {
        return html! {
            <p class="empty">{"No VPN gateway, Virtual WAN hub, ExpressRoute circuit or firewall to measure yet."}</p>
        };
    }
    let mut groups: Vec<(String, Vec<Html>)> = Vec::new();
    for (i, (row, bar)) in cap.rows.iter().zip(props.bars.iter()).enumerate() {
        let name = group_name(&props.plan, row);
        let view = row_view(i, row, bar);
        match groups.last_mut() {
            Some((last, rows)) if *last == name => rows.push(view),
            _ => groups.push((name, vec![view])),
        }
    }
    let sources: BTreeSet<(&str, &str)> =
        cap.rows.iter().map(|r| (r.rule.id(), r.source)).collect();
    html! {
        <>
            <ul class="elements">
                { for groups.into_iter().map(|(name, rows)| html! {
                    <li class="element" key={name.clone()}>
                        <h4>{ name }</h4>
                        <ul class="bars">{ for rows }</ul>
                    </li>
                }) }
            </ul>
            <p class="bar-key">
                {"Each bar is full at the limit; the mark at 77 % is where less than 30 % headroom is left."}
            </p>
            <details class="sources">
                <summary>{ format!("Where the limits come from ({})", sources.len()) }</summary>
                <ul class="plain">
                    { for sources.into_iter().map(|(rule, source)| html! {
                        <li><span class="rule">{ rule }</span>{" "}{ source }</li>
                    }) }
                </ul>
            </details>
        </>
    }
}
