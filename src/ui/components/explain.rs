//! The explanation of the selected pair: the path hop by hop with link kinds, or the rule that
//! stops it, the reason and the fix (with a button when the fix is a mechanical edit); beside
//! the network answer, access of a limited kind with its rule, note and the way it takes.

use std::rc::Rc;

use yew::prelude::*;

use super::matrix::{access_name, access_short, verdict};
use crate::engine::model::Expect;
use crate::engine::Trace;
use crate::engine::{IntentResult, Plan, Story};
use crate::ui::fixes;
use crate::ui::ops::via_name;
use crate::ui::path::limited;
use crate::ui::state::Action;

/// The explanation's inputs.
#[derive(Properties, PartialEq)]
pub struct ExplainProps {
    /// The plan.
    pub plan: Rc<Plan>,
    /// The pair's story (`engine::explain`), computed by the owner, which also draws it.
    pub story: Option<Rc<Story>>,
    /// Source endpoint id.
    pub from: AttrValue,
    /// Destination endpoint id.
    pub to: AttrValue,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

fn label(plan: &Plan, id: &str) -> String {
    match plan.node(id) {
        Some(n) if n.name.is_some() => format!("{} ({id})", n.label()),
        _ => id.to_string(),
    }
}

fn path_view(plan: &Plan, path: &[String], via: &[String]) -> Html {
    html! {
        <ol class="hops">
            { for path.iter().enumerate().map(|(i, node)| html! {
                <li>
                    if i > 0 {
                        <span class="via">{ format!("over {}", via_name(via.get(i - 1).map_or("?", |s| s.as_str()))) }</span>
                    }
                    <span class="hop-node">{ label(plan, node) }</span>
                </li>
            }) }
        </ol>
    }
}

fn trace_view(plan: &Plan, source: &str, trace: Option<&Trace>) -> Html {
    let Some(trace) = trace else {
        return html! { <p>{"No chain of connections at all."}</p> };
    };
    let hops = trace
        .hops
        .iter()
        .map(|hop| {
            let id = plan.nodes.get(hop.node).map(|n| n.id.clone()).unwrap_or_default();
            let blocks = hop
                .blocks
                .iter()
                .map(|b| {
                    html! {
                        <div class="block">
                            <span class="rule">{ b.rule.id() }</span>{" "}{ b.reason.clone() }
                            if let Some(fix) = &b.fix {
                                <div class="fix-line"><strong>{"Fix: "}</strong>{ fix.clone() }</div>
                            }
                        </div>
                    }
                })
                .collect::<Html>();
            let assumptions = hop
                .assumptions
                .iter()
                .map(|a| {
                    let a = a.describe();
                    html! { <div class="assumes"><strong>{"Assumes: "}</strong>{ a.message }</div> }
                })
                .collect::<Html>();
            let blocked = !hop.blocks.is_empty();
            html! {
                <li class={classes!(blocked.then_some("blocked"))}>
                    <span class="via">{ format!("over {}", via_name(hop.via)) }</span>
                    <span class="hop-node">{ label(plan, &id) }</span>
                    if blocked { <span class="sr-only">{" (blocked)"}</span><span aria-hidden="true">{" ✗"}</span> }
                    { blocks }{ assumptions }
                </li>
            }
        })
        .collect::<Html>();
    html! {
        <ol class="hops">
            <li><span class="hop-node">{ label(plan, source) }</span></li>
            { hops }
        </ol>
    }
}

/// A plan compared by address.
struct SamePlan(Rc<Plan>);

impl PartialEq for SamePlan {
    fn eq(&self, other: &SamePlan) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// An intent that a fix would break, in words.
fn broken(i: &IntentResult) -> String {
    let expected = match i.expect {
        Expect::Reachable => "reachable",
        Expect::Unreachable => "unreachable",
    };
    format!("{} → {} is expected {expected}", i.from, i.to)
}

/// The explanation component.
#[function_component(Explain)]
pub fn explain(props: &ExplainProps) -> Html {
    let plan = props.plan.clone();
    let (from, to) = (props.from.to_string(), props.to.to_string());
    let story = props
        .story
        .as_deref()
        .filter(|s| s.pair.from == from && s.pair.to == to);
    // What the fix would do, worked out once per plan and pair (before any early return: a
    // hook is called on every render).
    let fix = story.and_then(|s| s.pair.edit.clone());
    // Keyed by the plan itself (held, so its address is not reused), compared by address:
    // comparing a large plan field by field at every render would cost more than the preview.
    let preview = use_memo(
        (SamePlan(plan.clone()), from.clone(), to.clone(), fix),
        |(plan, from, to, fix)| {
            fix.as_ref()
                .and_then(|f| fixes::preview(&plan.0, from, to, f))
        },
    );
    let Some(pair) = story.map(|s| &s.pair) else {
        return html! { <p>{"This pair is not in the analysis any more."}</p> };
    };
    let (mark, class, words) = verdict(pair);
    let expect = if pair.reachable {
        Expect::Reachable
    } else {
        Expect::Unreachable
    };
    let access = limited(pair);
    // The engine puts the way of a limited access in `path` when there is no way there.
    let access_path = access.is_some() && !pair.one_way;
    let on_expect = {
        let on_action = props.on_action.clone();
        let (f, t) = (from.clone(), to.clone());
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::Expect(f.clone(), t.clone(), expect, access))
        })
    };
    let intent = plan.intents.iter().find(|i| i.from == from && i.to == to);
    let apply = (*preview).clone().map(|p| {
        let on_action = props.on_action.clone();
        let edit = p.edit.clone();
        let onclick =
            Callback::from(move |_: MouseEvent| on_action.emit(Action::Apply(edit.clone())));
        (p, onclick)
    });
    let there = story.and_then(|s| s.there.as_ref());
    let back = story.and_then(|s| s.back.as_ref());
    html! {
        <section class="explain" aria-labelledby="explain-title">
            <h2 id="explain-title">{ format!("{from} → {to}") }</h2>
            <p class={classes!("verdict", class)}>
                <span aria-hidden="true">{ mark }</span>{" "}
                { match (pair.reachable, pair.one_way) {
                    (true, _) => "Reachable: traffic goes and comes back.".to_string(),
                    (false, true) => "Not reachable: there is a way there, but none back.".to_string(),
                    _ => format!("{}{}.", words[..1].to_ascii_uppercase(), &words[1..]),
                } }
            </p>
            // Why not, and the fix with its button, first: on a laptop's first screen.
            if let Some(reason) = &pair.reason {
                <div class="why">
                    <h3>{ if access.is_some() { "Network: why there is no route" } else { "Why not" } }</h3>
                    <p>
                        if let Some(rule) = &pair.rule { <span class="rule">{ rule.id() }</span>{" "} }
                        { reason.clone() }
                    </p>
                    if let Some(fix) = &pair.fix {
                        <p class="fix"><strong>{"Fix: "}</strong>{ fix.clone() }</p>
                    }
                    if let Some((p, onclick)) = apply {
                        if p.both_ways {
                            <p class="fix-line" id="fix-both">{"That opens one direction; the fix below adds what the way back needs as well."}</p>
                        }
                        if !p.breaks.is_empty() {
                            <p class="fix-breaks" id="fix-breaks" role="note">
                                <strong>{"Careful: "}</strong>
                                { format!("applying it breaks {}: {}.",
                                    if p.breaks.len() == 1 { "a stated intent" } else { "stated intents" },
                                    p.breaks.iter().map(broken).collect::<Vec<_>>().join("; ")) }
                            </p>
                        }
                        <button type="button" class="primary" id="apply-fix" {onclick}>
                            { if p.both_ways { "Apply the fix for both directions" } else { "Apply the fix" } }
                        </button>
                    }
                </div>
            }
            if let Some(kind) = access {
                <div class="access-explain" id="access-explain" data-access={kind.as_str()}>
                    <h3>{ format!("Limited access: {}", access_name(kind)) }</h3>
                    if let Some(note) = &pair.access_note {
                        <p>
                            if let Some(rule) = &pair.access_rule { <span class="rule">{ rule.id() }</span>{" "} }
                            { note.clone() }
                        </p>
                    }
                    if access_path && !pair.path.is_empty() {
                        <h4>{"The way it takes"}</h4>
                        { path_view(&plan, &pair.path, &pair.via) }
                    }
                    <p class="field-hint">{"This gives one kind of access, not a network route."}</p>
                </div>
            }
            if !pair.path.is_empty() && !access_path {
                <div class="path">
                    <h3>{ if pair.reachable { "Path" } else { "The way there" } }</h3>
                    { path_view(&plan, &pair.path, &pair.via) }
                </div>
            }
            <div class="expect-row">
                <button type="button" id="expect-this" onclick={on_expect}>
                    { format!("Expect this ({}{})", if pair.reachable { "reachable" } else { "unreachable" },
                        access.map(|a| format!(", {}", access_short(a))).unwrap_or_default()) }
                </button>
                if let Some(i) = intent {
                    <span class="intent-note">
                        { match i.expect { Expect::Reachable => "An intent expects reachable", Expect::Unreachable => "An intent expects unreachable" } }
                        { i.access.map(|a| format!(", {} access", access_short(a))).unwrap_or_default() }
                    </span>
                }
            </div>
            <details>
                <summary>{"The way there, hop by hop"}</summary>
                { trace_view(&plan, &from, there) }
            </details>
            <details>
                <summary>{"The way back, hop by hop"}</summary>
                { trace_view(&plan, &to, back) }
            </details>
        </section>
    }
}
