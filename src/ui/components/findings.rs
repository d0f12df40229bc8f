//! The engine's findings and assumptions, each linked to the nodes and links it is about.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::{Analysis, Plan, Severity};
use crate::ui::state::{Action, Selection};

/// The findings list's inputs.
#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    /// The plan.
    pub plan: Rc<Plan>,
    /// The analysis.
    pub analysis: Rc<Analysis>,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// The findings component.
#[function_component(Findings)]
pub fn findings(props: &FindingsProps) -> Html {
    let a = &props.analysis;
    let select = |selection: Selection| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::Select(selection.clone())))
    };
    let items = a
        .findings
        .iter()
        .map(|f| {
            let (mark, class) = match f.severity {
                Severity::Error => ("✗", "error"),
                Severity::Warning => ("!", "warning"),
                Severity::Info => ("i", "info"),
            };
            let nodes = f
                .nodes
                .iter()
                .map(|id| html! {
                    <button type="button" class="chip" onclick={select(Selection::Node(id.clone()))}
                        title="Select this node">{ id.clone() }</button>
                })
                .collect::<Html>();
            let links = f
                .links
                .iter()
                .map(|&i| {
                    let name = props
                        .plan
                        .links
                        .get(i)
                        .map(|l| l.label())
                        .unwrap_or_else(|| format!("link {i}"));
                    html! {
                        <button type="button" class="chip" onclick={select(Selection::Link(i))}
                            title="Select this link">{ name }</button>
                    }
                })
                .collect::<Html>();
            html! {
                <li class={classes!("finding", class)}>
                    <span class="sev" aria-hidden="true">{ mark }</span>
                    <span class="sr-only">{ f.severity.as_str() }{": "}</span>
                    <span class="msg">
                        if let Some(rule) = f.rule { <span class="rule">{ rule }</span>{" "} }
                        { f.message.clone() }
                    </span>
                    <span class="about">{ nodes }{ links }</span>
                </li>
            }
        })
        .collect::<Html>();
    let assumptions = a
        .assumptions
        .iter()
        .map(|x| {
            html! {
                <li class="assumption">
                    if let Some(rule) = x.rule { <span class="rule">{ rule }</span>{" "} }
                    { x.message }
                </li>
            }
        })
        .collect::<Html>();
    html! {
        <div class="findings">
            if a.findings.is_empty() {
                <p class="ok">{"No findings: nothing invalid, unsupported or over a limit."}</p>
            } else {
                <ul class="finding-list">{ items }</ul>
            }
            if !a.assumptions.is_empty() {
                <h3>{"Assumptions the answers rest on"}</h3>
                <ul class="assumption-list">{ assumptions }</ul>
            }
        </div>
    }
}
