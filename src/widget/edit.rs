//! Edit mode: the planner's canvas (drag, pan, zoom, tidy), palette, inspectors, findings and
//! intents inside a widget.
//!
//! They are most of the planner's code, so the view build never links them: only the edit
//! build's entry (`src/bin/reachplan-widget-edit.rs`) calls [`install`], and the view finds
//! them through [`views`]. `www/reach-plan.js` loads the edit build only for a page that has an
//! element with `mode="edit"`.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::diagram::DiagramProps;
use crate::engine::Plan;
use crate::ui::answers::Answers;
use crate::ui::components::canvas::Canvas;
use crate::ui::components::findings::Findings;
use crate::ui::components::intents::Intents;
use crate::ui::components::legend::Legend;
use crate::ui::components::palette::Palette;
use crate::ui::inspector::link::LinkInspector;
use crate::ui::inspector::node::NodeInspector;
use crate::ui::inspector::plan::PlanInspector;
use crate::ui::inspector::several::SeveralNodes;
use crate::ui::state::{Action, Selection};

/// The views edit mode adds.
pub struct EditViews {
    /// The diagram, with the app's canvas and legend.
    pub diagram: fn(&DiagramProps) -> Html,
    /// The palette that adds nodes.
    pub palette: fn(&Callback<Action>) -> Html,
    /// The inspector of the selected node or link, or of the plan (`None` for a pair).
    pub inspector: fn(&Rc<Plan>, &Selection, &Callback<Action>) -> Option<Html>,
    /// The findings, assumptions and intents.
    pub findings: fn(&Rc<Plan>, &Answers, &Callback<Action>) -> Html,
}

thread_local! {
    static VIEWS: Cell<Option<&'static EditViews>> = const { Cell::new(None) };
}

static EDIT: EditViews = EditViews {
    diagram,
    palette,
    inspector,
    findings,
};

/// Makes edit mode available (called by the edit build's entry).
pub fn install() {
    VIEWS.with(|v| v.set(Some(&EDIT)));
}

/// The edit views, when this build has them.
pub fn views() -> Option<&'static EditViews> {
    VIEWS.with(Cell::get)
}

fn diagram(p: &DiagramProps) -> Html {
    html! {
        <>
            <Canvas plan={p.plan.clone()} selection={p.selection.clone()} highlight={p.highlight.clone()}
                flagged={p.flagged.clone()} on_action={p.on_action.clone()} />
            <Legend plan={p.plan.clone()} />
        </>
    }
}

fn palette(on_action: &Callback<Action>) -> Html {
    html! { <Palette on_action={on_action.clone()} /> }
}

fn inspector(plan: &Rc<Plan>, selection: &Selection, on_action: &Callback<Action>) -> Option<Html> {
    let on_action = on_action.clone();
    Some(match selection {
        Selection::Node(id) => html! {
            <NodeInspector key={id.clone()} plan={plan.clone()} id={id.clone()} {on_action} />
        },
        Selection::Link(i) => html! {
            <LinkInspector key={format!("link-{i}")} plan={plan.clone()} index={*i} {on_action} />
        },
        Selection::Nodes(ids) => html! {
            <SeveralNodes plan={plan.clone()} ids={ids.clone()} {on_action} />
        },
        Selection::None => html! { <PlanInspector plan={plan.clone()} {on_action} /> },
        Selection::Pair { .. } => return None,
    })
}

fn findings(plan: &Rc<Plan>, answers: &Answers, on_action: &Callback<Action>) -> Html {
    html! {
        <>
            <h2>{"Findings"}</h2>
            <Findings plan={plan.clone()} answers={answers.clone()} on_action={on_action.clone()} />
            <h2>{"Intents"}</h2>
            <Intents answers={answers.clone()} on_action={on_action.clone()} />
        </>
    }
}
