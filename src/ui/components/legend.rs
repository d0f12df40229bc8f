//! The diagram's legend: what each line style means.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::prelude::*;

use super::shapes::{link_stroke, stroke_sample, MESH};
use crate::engine::model::{LinkKind, NodeKind, Plan};
use crate::ui::ops::link_name;

/// The legend's inputs.
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// The plan.
    pub plan: Rc<Plan>,
    /// The highlighted path is the way a limited access takes (Bastion, desktop, HTTPS).
    #[prop_or_default]
    pub access_path: bool,
}

/// The legend component: the link kinds the plan uses (the common ones when it has none).
#[function_component(Legend)]
pub fn legend(props: &LegendProps) -> Html {
    let used: BTreeSet<LinkKind> = props.plan.links.iter().map(|l| l.kind).collect();
    let kinds: Vec<LinkKind> = if used.is_empty() {
        vec![
            LinkKind::Peering,
            LinkKind::S2s,
            LinkKind::P2s,
            LinkKind::ErConnection,
            LinkKind::GlobalReach,
            LinkKind::VwanConnection,
        ]
    } else {
        used.into_iter().collect()
    };
    let hubs = props
        .plan
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::VwanHub)
        .count();
    html! {
        <ul class="legend" aria-label="Legend">
            { for kinds.into_iter().map(|k| html! {
                <li>{ stroke_sample(link_stroke(k)) }{ link_name(k) }</li>
            }) }
            if hubs > 1 {
                <li>{ stroke_sample(MESH) }{"Hub mesh (automatic)"}</li>
            }
            if props.access_path {
                <li><span class="hl-sample hl-access" aria-hidden="true" />{"Way of the limited access (no network route)"}</li>
            } else {
                <li><span class="hl-sample" aria-hidden="true" />{"Selected path"}</li>
            }
        </ul>
    }
}
