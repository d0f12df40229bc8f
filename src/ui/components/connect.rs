//! Connecting two nodes by drawing: a node's handle (●) dragged onto another node adds a link
//! of the one link kind the pair allows, or offers the choice where several are valid (the
//! engine's link rules decide, see [`ops::valid_links`]); a pair no link kind joins is said.

use yew::prelude::*;

use crate::engine::model::{Link, LinkKind, Plan};
use crate::ui::layout::{NODE_H, NODE_W};
use crate::ui::ops::{self, kind_name, link_name};
use crate::ui::state::{Action, Notice};

/// The link kinds offered for a pair, with the ends in the order each kind wants them.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// The valid links: (kind, from, to).
    pub options: Vec<(LinkKind, String, String)>,
}

/// What letting go of a handle's drag over node `to` does: an action now, or a choice to offer.
pub fn finish(plan: &Plan, from: &str, to: &str) -> Result<Action, Choice> {
    let (Some(a), Some(b)) = (plan.node(from), plan.node(to)) else {
        return Ok(Action::Notify(None));
    };
    let options = ops::valid_links(a, b);
    match options.as_slice() {
        [] => Ok(Action::Notify(Some(Notice::error(format!(
            "No link joins {} ({}) and {} ({}): {} and {} have no link kind in common.",
            a.label(),
            a.id,
            b.label(),
            b.id,
            article(kind_name(a.kind)),
            article(kind_name(b.kind)),
        ))))),
        [(kind, f, t)] => Ok(Action::AddLink(Link::new(*kind, f, t))),
        _ => Err(Choice { options }),
    }
}

fn article(name: &str) -> String {
    let vowel = name
        .chars()
        .next()
        .is_some_and(|c| "AEIOUaeiou".contains(c));
    format!("{} {name}", if vowel { "an" } else { "a" })
}

/// A node's handle, drawn at the middle of its right edge (left out of exports).
pub fn handle(id: &str, color: &str, on_down: Callback<PointerEvent>) -> Html {
    html! {
        <g class="handle" data-ui="" data-handle={id.to_string()} onpointerdown={on_down}>
            <title>{"Drag to another node to connect them"}</title>
            <circle cx={NODE_W.to_string()} cy={(NODE_H / 2.0).to_string()} r="12" fill="transparent" />
            <circle cx={NODE_W.to_string()} cy={(NODE_H / 2.0).to_string()} r="6.5" fill="#ffffff"
                stroke={color.to_string()} stroke-width="2.5" />
        </g>
    }
}

/// The choice among several valid link kinds.
#[derive(Properties, PartialEq)]
pub struct ChooserProps {
    /// What is offered.
    pub choice: Choice,
    /// Called with the action chosen (`None` when cancelled).
    pub on_done: Callback<Option<Action>>,
}

/// The chooser component: one button per valid link kind, and Cancel (or Escape).
#[function_component(Chooser)]
pub fn chooser(props: &ChooserProps) -> Html {
    let first = use_node_ref();
    {
        let first = first.clone();
        use_effect_with(props.choice.clone(), move |_| {
            if let Some(el) = first.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let buttons = props
        .choice
        .options
        .iter()
        .enumerate()
        .map(|(i, (kind, from, to))| {
            let link = Link::new(*kind, from, to);
            let onclick = props
                .on_done
                .reform(move |_: MouseEvent| Some(Action::AddLink(link.clone())));
            let node_ref = if i == 0 {
                first.clone()
            } else {
                NodeRef::default()
            };
            html! {
                <button type="button" data-kind={kind.as_str()} ref={node_ref} {onclick}>
                    { format!("{} ({from} → {to})", link_name(*kind)) }
                </button>
            }
        })
        .collect::<Html>();
    let on_cancel = props.on_done.reform(|_: MouseEvent| None);
    let on_key = {
        let on_done = props.on_done.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                on_done.emit(None);
            }
        })
    };
    html! {
        <div class="link-choice" role="dialog" aria-label="Which link?" onkeydown={on_key}>
            <p>{"Which link?"}</p>
            { buttons }
            <button type="button" class="cancel" onclick={on_cancel}>{"Cancel"}</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::engine::read_plan;

    fn sample() -> Plan {
        read_plan(include_str!(
            "../../../www/examples/users-to-azure-and-onprem.json"
        ))
        .unwrap()
    }

    #[test]
    fn one_valid_kind_links_at_once_with_its_ends_in_order() {
        let plan = sample();
        // A site and a VNet: only a site-to-site VPN, from the site.
        match finish(&plan, "hub", "hq") {
            Ok(Action::AddLink(l)) => {
                assert_eq!(
                    (l.kind, l.from.as_str(), l.to.as_str()),
                    (LinkKind::S2s, "hq", "hub")
                );
            }
            other => panic!("expected a S2S link, got {other:?}"),
        }
    }

    #[test]
    fn several_valid_kinds_are_offered_and_none_is_said() {
        let plan = sample();
        let choice = finish(&plan, "hub", "spoke-app").unwrap_err();
        let kinds: Vec<LinkKind> = choice.options.iter().map(|o| o.0).collect();
        assert!(
            kinds.contains(&LinkKind::Peering) && kinds.len() > 1,
            "{kinds:?}"
        );
        match finish(&plan, "remote-staff", "remote-staff") {
            Ok(Action::Notify(Some(n))) => assert!(n.text.contains("No link joins")),
            other => panic!("expected a notice, got {other:?}"),
        }
    }
}
