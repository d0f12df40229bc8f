//! The widget's view: a header with the plan's title, undo and reset; the diagram, the app's
//! matrix and explanation side by side; in edit mode the app's canvas, palette, inspectors and
//! findings instead. Everything listens on the widget's own element, never on the document.

use std::collections::BTreeSet;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::bridge::BridgeRef;
use super::diagram::{Diagram, DiagramProps};
use super::edit;
use super::model::{Mode, Model, Msg};
use super::since;
use super::tweak::Tweak;
use crate::engine::words::counted;
use crate::engine::{analyze, Analysis, Plan, Severity};
use crate::ui::answers::Answers;
use crate::ui::components::explain::Explain;
use crate::ui::components::matrix::Matrix;
use crate::ui::network::use_network;
use crate::ui::state::{Action, Selection};
use crate::ui::story::use_story;
use crate::ui::views::marks::{Mark, Marks};

/// The widget's inputs (set once by [`super::api::mount`]).
#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    /// Shared with the page's handle.
    pub bridge: BridgeRef,
    /// View or edit.
    pub mode: Mode,
    /// The page's plan.
    pub plan: Rc<Plan>,
    /// The pair to open selected.
    pub focus: Option<(String, String)>,
}

/// Whether a key event comes from a field that takes text.
fn typing(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            let tag = el.tag_name().to_ascii_lowercase();
            tag == "textarea"
                || tag == "select"
                || (tag == "input"
                    && !matches!(
                        el.get_attribute("type").unwrap_or_default().as_str(),
                        "checkbox" | "radio" | "button"
                    ))
        })
}

/// The widget component.
#[function_component(Widget)]
pub fn widget(props: &WidgetProps) -> Html {
    let model = {
        let (plan, focus) = (props.plan.clone(), props.focus.clone());
        use_reducer(move || Model::new(plan, focus))
    };
    let root = use_node_ref();
    let bridge = props.bridge.0.clone();
    let send = {
        let dispatcher = model.dispatcher();
        Callback::from(move |msg: Msg| dispatcher.dispatch(msg))
    };
    let on_action = send.reform(Msg::Do);
    let plan = model.plan().clone();
    // The plan's prepared network, built once per plan version and asked by every view.
    let network = use_network(plan.clone());
    let analysis: Rc<Analysis> = use_memo(network.clone(), |n| n.analysis());
    // Documentation plans are small: the widget explains every pair (and its script surface
    // returns that analysis).
    let answers = Answers::Full(analysis.clone());
    let modified = model.modified();
    // What changed since Reset: while the plan differs from the page's, the engine compares
    // the page's plan's analysis with this one. Keyed by the plans (not by the analyses, whose
    // comparison would cost the widget's build a deep equality of every answer).
    let marks: Rc<Marks> = {
        let now = analysis.clone();
        use_memo(
            (model.original.clone(), plan.clone()),
            move |(original, plan)| {
                if **plan == **original {
                    Marks::default()
                } else {
                    since::marks(&analyze(original), &now)
                }
            },
        )
    };
    let (gained, lost) = (
        since::count(&marks, Mark::Gained),
        since::count(&marks, Mark::Lost),
    );

    // Connect to the page's handle, and say when the first matrix is on screen.
    {
        let bridge = bridge.clone();
        let send = send.clone();
        use_effect_with((), move |_| {
            bridge.connect(send);
            bridge.ready();
            move || bridge.disconnect()
        });
    }
    // Every new plan is what the handle reads; changes after the first are announced.
    {
        let bridge = bridge.clone();
        let first = use_mut_ref(|| true);
        use_effect_with((plan.clone(), analysis.clone()), move |(plan, analysis)| {
            bridge.show(plan.clone(), analysis.clone());
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                bridge.changed(modified);
            }
        });
    }
    // The wheel scrolls the page; only Ctrl (or ⌘) with the wheel zooms the diagram.
    {
        let root = root.clone();
        use_effect_with((), move |_| {
            let listener = root.cast::<web_sys::Element>().map(|el| {
                let options = EventListenerOptions {
                    phase: EventListenerPhase::Capture,
                    passive: true,
                };
                EventListener::new_with_options(&el, "wheel", options, |event| {
                    if let Some(e) = event.dyn_ref::<web_sys::WheelEvent>() {
                        if !(e.ctrl_key() || e.meta_key()) {
                            e.stop_propagation();
                        }
                    }
                })
            });
            move || drop(listener)
        });
    }
    // Undo and redo with the keyboard while the focus is in this widget.
    let on_key = {
        let on_action = on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            if !(e.ctrl_key() || e.meta_key()) || typing(e.target()) {
                return;
            }
            let action = match (e.key().to_ascii_lowercase().as_str(), e.shift_key()) {
                ("z", false) => Action::Undo,
                ("z", true) | ("y", false) => Action::Redo,
                _ => return,
            };
            e.prevent_default();
            on_action.emit(action);
        })
    };

    let selection = model.state.selection.clone();
    // The selected pair's story, computed once for the explanation and the diagram.
    let (story, highlight) = use_story(network.clone(), &selection);
    // Inserted one by one: collecting into a set would link another copy of the sort.
    let mut flagged = BTreeSet::new();
    for f in analysis
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
    {
        for id in &f.nodes {
            flagged.insert(id.clone());
        }
    }
    let flagged = Rc::new(flagged);

    // Edit mode needs the edit build; the view build shows edit mode as view mode.
    let edit = if props.mode == Mode::Edit {
        edit::views()
    } else {
        None
    };
    let inspector = edit.and_then(|e| (e.inspector)(&plan, &selection, &on_action));
    let side = match (&selection, inspector) {
        (_, Some(inspector)) => inspector,
        (Selection::Pair { from, to }, None) => html! {
            <Explain plan={plan.clone()} story={story.clone()} from={from.clone()} to={to.clone()}
                on_action={on_action.clone()} />
        },
        (Selection::None, None) => html! {
            <p class="hint">{"Select a cell of the matrix to see the path and why; select a link or a node in the diagram to change it."}</p>
        },
        _ => html! {
            <Tweak plan={plan.clone()} selection={selection.clone()} on_action={on_action.clone()} />
        },
    };

    let diagram = DiagramProps {
        plan: plan.clone(),
        selection: selection.clone(),
        highlight,
        flagged,
        on_action: on_action.clone(),
    };
    let diagram = match edit {
        Some(e) => (e.diagram)(&diagram),
        None => html! { <Diagram ..diagram /> },
    };
    let title = plan
        .title
        .clone()
        .unwrap_or_else(|| "Untitled plan".to_string());
    let on_undo = on_action.reform(|_: MouseEvent| Action::Undo);
    let on_reset = send.reform(|_: MouseEvent| Msg::Reset);
    let on_open = bridge.can_open().then(|| {
        let bridge = bridge.clone();
        Callback::from(move |_: MouseEvent| bridge.open())
    });
    let errors = analysis.count(Severity::Error);
    html! {
        <div class={classes!("rp", edit.is_some().then_some("rp-edit"))} ref={root} onkeydown={on_key}>
            <header class="rp-head">
                <h2 class="rp-title" title={title.clone()}>{ title }</h2>
                <span class="rp-state" aria-live="polite">
                    { if modified { "Changed here; not saved" } else { "As written" } }
                </span>
                <div class="rp-actions">
                    <button type="button" class="small rp-undo" onclick={on_undo}
                        disabled={!model.state.history.can_undo()} title="Undo (Ctrl+Z)">{"↶ Undo"}</button>
                    <button type="button" class="small rp-reset" onclick={on_reset} disabled={!modified}
                        title="Back to the plan as written">{"Reset"}</button>
                    if let Some(onclick) = on_open {
                        <button type="button" class="small rp-open" {onclick}
                            title="Open this plan in the full planner, in a new tab">{"Open in reachplan ↗"}</button>
                    }
                </div>
            </header>
            <div class="rp-body">
                <section class="rp-diagram" aria-label="Diagram">
                    { for edit.map(|e| (e.palette)(&on_action)) }
                    { diagram }
                </section>
                <section class="rp-matrix" aria-label="Who reaches whom">
                    <Matrix plan={plan.clone()} answers={answers.clone()} selection={selection.clone()} on_action={on_action.clone()} marks={marks} />
                    if gained + lost > 0 {
                        <p class="rp-since" aria-live="polite">
                            <span class="k gained">{ format!("+ {} gained since Reset", counted(gained, "pair")) }</span>
                            <span class="k lost">{ format!("− {} lost since Reset", counted(lost, "pair")) }</span>
                        </p>
                    }
                    if errors > 0 && edit.is_none() {
                        <p class="rp-errors">{ format!("{}: see the red marks on the diagram.", counted(errors, "design error")) }</p>
                    }
                </section>
                <aside class="rp-side" aria-label="Details">{ side }</aside>
                if let Some(e) = edit {
                    <section class="rp-findings" aria-label="Findings">
                        { (e.findings)(&plan, &answers, &on_action) }
                    </section>
                }
            </div>
        </div>
    }
}
