//! The engine's findings and assumptions, each linked to the nodes and links it is about. The
//! path of each user group's Microsoft 365 traffic (split tunnel or through the VPN) has its own
//! list, with a one-click split tunnel where the traffic crosses the VPN gateway.

use std::collections::HashSet;
use std::rc::Rc;

use yew::prelude::*;

use crate::engine::catalogue::Code;
use crate::engine::model::NodeKind;
use crate::engine::{Finding, Plan, Severity};
use crate::ui::answers::{Answers, FULL_UP_TO};
use crate::ui::state::{Action, Selection};

/// The findings list's inputs.
#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    /// The plan.
    pub plan: Rc<Plan>,
    /// The answers.
    pub answers: Answers,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// Whether a finding is about the path of Microsoft 365 traffic.
fn is_m365(f: &Finding) -> bool {
    matches!(
        f.code,
        Code::M365NoEgress | Code::M365SplitTunnel | Code::M365ThroughVpn
    )
}

fn chips(props: &FindingsProps, f: &Finding) -> Html {
    let select = |selection: Selection| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::Select(selection.clone())))
    };
    let nodes = f.nodes.iter().map(|id| {
        html! {
            <button type="button" class="chip" onclick={select(Selection::Node(id.clone()))}
                title="Select this node">{ id.clone() }</button>
        }
    });
    let links = f.links.iter().map(|&i| {
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
    });
    html! { <span class="about">{ for nodes }{ for links }</span> }
}

fn item(props: &FindingsProps, f: &Finding) -> Html {
    let (mark, class) = match f.severity {
        Severity::Error => ("✗", "error"),
        Severity::Warning => ("!", "warning"),
        Severity::Info => ("i", "info"),
    };
    html! {
        <li class={classes!("finding", class)} data-code={f.code.as_str()}>
            <span class="sev" aria-hidden="true">{ mark }</span>
            <span class="sr-only">{ f.severity.as_str() }{": "}</span>
            <span class="msg">
                if let Some(rule) = f.rule { <span class="rule">{ rule.id() }</span>{" "} }
                { f.message.clone() }
            </span>
            { chips(props, f) }
        </li>
    }
}

/// One user group's Microsoft 365 path: where it goes, in a headline, then the finding.
fn m365_item(props: &FindingsProps, groups: &HashSet<&str>, f: &Finding) -> Html {
    let split = f.code == Code::M365SplitTunnel;
    // No internet egress behind the VPN gateway (R3.19): the traffic is dropped, not carried.
    let dropped = f.code == Code::M365NoEgress;
    let users = f
        .nodes
        .iter()
        .find(|id| groups.contains(id.as_str()))
        .cloned();
    let who = users.clone().unwrap_or_default();
    let headline = if split {
        format!("{who}: straight to the internet (split tunnel)")
    } else if dropped {
        format!("{who}: no way out (the VPN gateway gives no internet access)")
    } else {
        format!("{who}: through the VPN gateway")
    };
    let fix = users.filter(|_| !split).map(|id| {
        let on_action = props.on_action.clone();
        let target = id.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::SplitTunnel(target.clone()))
        });
        html! {
            <button type="button" class="small split-tunnel" data-users={id.clone()} {onclick}>
                { format!("Split the tunnel: add an internet link from {id}") }
            </button>
        }
    });
    let (state, mark) = match (split, dropped) {
        (true, _) => ("split", "↗"),
        (false, true) => ("no-egress", "✗"),
        (false, false) => ("through-vpn", "⇄"),
    };
    html! {
        <li class={classes!("m365", state)} data-code={f.code.as_str()}>
            <div class="m365-head">
                <span class="m365-mark" aria-hidden="true">{ mark }</span>
                <strong>{ headline }</strong>
                <span class={classes!("m365-sev", f.severity.as_str())}>{ f.severity.as_str() }</span>
            </div>
            <p class="msg">
                if let Some(rule) = f.rule { <span class="rule">{ rule.id() }</span>{" "} }
                { f.message.clone() }
            </p>
            { fix.unwrap_or_default() }
            { chips(props, f) }
        </li>
    }
}

/// The findings component.
#[function_component(Findings)]
pub fn findings(props: &FindingsProps) -> Html {
    let a = &props.answers;
    let (m365, other): (Vec<&Finding>, Vec<&Finding>) =
        a.findings().iter().partition(|f| is_m365(f));
    // The user groups' ids, read once (a plan may have thousands of groups and findings).
    let groups: HashSet<&str> = if m365.is_empty() {
        HashSet::new()
    } else {
        let plan = &props.plan;
        let users = plan.nodes.iter().filter(|n| n.kind == NodeKind::Users);
        users.map(|n| n.id.as_str()).collect()
    };
    let listed = a.assumptions().unwrap_or_default();
    let assumptions = listed
        .iter()
        .map(|x| {
            html! {
                <li class="assumption">
                    if let Some(rule) = x.rule { <span class="rule">{ rule.id() }</span>{" "} }
                    { x.message }
                </li>
            }
        })
        .collect::<Html>();
    html! {
        <div class="findings">
            if other.is_empty() && m365.is_empty() {
                <p class="ok">{"No findings: nothing invalid, unsupported or over a limit."}</p>
            } else if other.is_empty() {
                <p class="ok">{"Nothing invalid, unsupported or over a limit."}</p>
            } else {
                <ul class="finding-list">{ for other.iter().map(|f| item(props, f)) }</ul>
            }
            if !m365.is_empty() {
                <h3 id="m365-title">{"Microsoft 365 traffic of remote users"}</h3>
                <ul class="m365-list" aria-labelledby="m365-title">
                    { for m365.iter().map(|f| m365_item(props, &groups, f)) }
                </ul>
            }
            if !listed.is_empty() {
                <h3>{"Assumptions the answers rest on"}</h3>
                <ul class="assumption-list">{ assumptions }</ul>
            }
            if a.assumptions().is_none() {
                <p class="field-hint" id="assumptions-per-pair">
                    { format!("This plan has more than {FULL_UP_TO} endpoints, so the pairs are not all explained at once: the assumptions an answer rests on are shown with the pair when you select it.") }
                </p>
            }
        </div>
    }
}
