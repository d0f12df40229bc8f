//! The app: one reducer over [`State`], the analysis derived from the plan, autosave, share
//! links, keyboard shortcuts, and the layout of the panels.

use std::collections::BTreeSet;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::components::azure::AzureTools;
use super::components::canvas::Canvas;
use super::components::capacity::CapacityPanel;
use super::components::explain::Explain;
use super::components::findings::Findings;
use super::components::intents::{broken, Intents};
use super::components::legend::Legend;
use super::components::matrix::Matrix;
use super::components::notice::NoticeBar;
use super::components::palette::Palette;
use super::components::skip::SkipLink;
use super::components::start::Start;
use super::components::toolbar::Toolbar;
use super::inspector::link::LinkInspector;
use super::inspector::node::NodeInspector;
use super::inspector::plan::PlanInspector;
use super::inspector::several::SeveralNodes;
use super::views::compare::ComparePanel;
use super::views::failures::{FailureBar, FailuresPanel};
use super::views::{use_views, Views};

use super::state::{Action, Notice, Selection, State};
use super::{storage, surge, templates, url};
use crate::engine::words::counted;
use crate::engine::{share, Severity};
use crate::ui::answers::Answers;
use crate::ui::defer;
use crate::ui::network::use_network;
use crate::ui::reveal::use_reveal;
use crate::ui::story::use_story;

/// The state on opening the page, with the surge last shown.
fn initial() -> State {
    let mut state = opening();
    if let Some(s) = storage::load_surge() {
        state.surge = surge::clamp(s);
        state.settled = state.surge;
    }
    state
}

/// The plan on opening the page: a share link (over the autosaved plan, which stays one click
/// and one undo away), else the autosaved plan, else a template.
fn opening() -> State {
    let fragment = url::fragment();
    let mut problem = None;
    if !fragment.is_empty() {
        match share::decode(&fragment) {
            Ok(plan) => {
                let mut state = match storage::load() {
                    Some(Ok(saved)) => State::new(saved, None),
                    _ => State::new(plan.clone(), None),
                };
                state.apply(Action::Load(plan, Some(opened_link())));
                return state;
            }
            Err(e) => {
                problem = Some(format!("The link could not be opened: {e}."));
                url::set_fragment("");
            }
        }
    }
    match storage::load() {
        Some(Ok(plan)) => return State::new(plan, problem.map(Notice::error)),
        Some(Err(e)) => {
            problem = Some(format!("The plan saved in this browser could not be read ({e}); a template was opened instead."));
        }
        None => {}
    }
    let plan = templates::find(templates::FIRST)
        .and_then(|t| t.plan().ok())
        .unwrap_or_default();
    State::new(plan, problem.map(Notice::error))
}

fn opened_link() -> Notice {
    Notice::info("Opened the plan from the link.")
}

/// A share link in the address bar goes stale when the plan changes: it is cleared.
fn stale_fragment(plan: &crate::engine::Plan) {
    let fragment = url::fragment();
    if !fragment.is_empty() && share::decode(&fragment).ok().as_ref() != Some(plan) {
        url::set_fragment("");
    }
}

fn typing_target(event: &web_sys::Event) -> bool {
    let Some(el) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    match el.tag_name().to_ascii_lowercase().as_str() {
        "textarea" | "select" => true,
        "input" => {
            let kind = el
                .get_attribute("type")
                .unwrap_or_default()
                .to_ascii_lowercase();
            !matches!(kind.as_str(), "checkbox" | "radio" | "button" | "file")
        }
        _ => false,
    }
}

/// The action of a key pressed outside a field: Ctrl+Z undoes, Ctrl+Shift+Z (or Ctrl+Y)
/// redoes, Ctrl+D duplicates the selected node (Cmd on a Mac), Delete or Backspace deletes
/// what is selected (or the diagram node that has the focus).
fn shortcut(e: &web_sys::KeyboardEvent) -> Option<Action> {
    let key = e.key().to_ascii_lowercase();
    if e.ctrl_key() || e.meta_key() {
        return match (key.as_str(), e.shift_key()) {
            ("z", false) => Some(Action::Undo),
            ("z", true) | ("y", false) => Some(Action::Redo),
            ("d", false) => Some(Action::DuplicateSelected),
            _ => None,
        };
    }
    if e.alt_key() || !matches!(key.as_str(), "delete" | "backspace") {
        return None;
    }
    let focused_node = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.get_attribute("data-node"));
    Some(match focused_node {
        Some(id) => Action::DeleteNode(id),
        None => Action::DeleteSelected,
    })
}

/// The app component.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial);
    // The plan as loaded (the template, file or link opened last): what Compare starts from.
    let loaded = use_state(|| state.plan().clone());
    // One callback for the app's life, so that views whose data did not change are not drawn
    // again (a new callback would make every view's props differ).
    let on_action = use_callback(
        (state.dispatcher(), loaded.setter()),
        |action: Action, (dispatcher, loaded)| {
            if let Action::Load(plan, _) = &action {
                loaded.set(Rc::new(plan.clone()));
            }
            dispatcher.dispatch(action)
        },
    );
    let plan = state.plan().clone();
    // The plan's prepared network: built once per plan version, asked by every view.
    let real_network = use_network(plan.clone());
    // A failure or a comparison shown (see `views`): the answers are about the shown plan.
    let Views {
        view,
        on_view,
        shown,
        answers,
        progress,
        on_sweep,
        on_cancel,
    } = use_views(plan.clone(), real_network.clone());
    let network = shown.network.clone();
    let view_plan = shown.plan.clone();

    // A large plan's edit is drawn first; its autosave and the selected pair's explanation
    // follow in the next task (see `defer`).
    let large = matches!(answers, Answers::Fast(_));

    // Autosave, and a share link in the address bar goes stale when the plan changes.
    // A failed save is said once, until saving works again.
    let save_failed = use_mut_ref(|| false);
    {
        let on_action = on_action.clone();
        use_effect_with(plan.clone(), move |plan| {
            let plan = plan.clone();
            let save = move || {
                match storage::save(&plan) {
                    Ok(()) => *save_failed.borrow_mut() = false,
                    Err(e) => {
                        if !std::mem::replace(&mut *save_failed.borrow_mut(), true) {
                            on_action.emit(Action::Notify(Some(Notice::error(e.message()))));
                        }
                    }
                }
                stale_fragment(&plan);
            };
            if large {
                defer::after_paint(save);
            } else {
                save();
            }
        });
    }

    // A link pasted into the address bar of an open page opens its plan (the page does not
    // reload when only the fragment changes); the plan it replaces stays one click away.
    {
        let on_action = on_action.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let listener = EventListener::new(&window, "hashchange", move |_| {
                let fragment = url::fragment();
                if fragment.is_empty() {
                    return;
                }
                let action = match share::decode(&fragment) {
                    Ok(plan) => Action::Load(plan, Some(opened_link())),
                    Err(e) => {
                        url::set_fragment("");
                        Action::Notify(Some(Notice::error(format!(
                            "The link could not be opened: {e}. The current plan is unchanged."
                        ))))
                    }
                };
                on_action.emit(action);
            });
            move || drop(listener)
        });
    }

    // The surge is view state: kept in this browser, never in the plan.
    use_effect_with(state.settled, |settled| storage::save_surge(*settled));

    // Shortcuts (see `shortcut`), except while typing in a field.
    {
        let on_action = on_action.clone();
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            let options = EventListenerOptions::enable_prevent_default();
            let listener =
                EventListener::new_with_options(&document, "keydown", options, move |event| {
                    let Some(e) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if typing_target(event) {
                        return;
                    }
                    let Some(action) = shortcut(e) else {
                        return;
                    };
                    e.prevent_default();
                    on_action.emit(action);
                });
            move || drop(listener)
        });
    }

    // The selected pair's story, computed once for the explanation and the diagram, and the
    // capacity: for a large plan, from the plan as it was before an edit until the edit is on
    // screen (then at once from the edited plan).
    let (story_plan, story_network) = {
        let shown = use_state(|| (view_plan.clone(), network.clone()));
        {
            let shown = shown.clone();
            use_effect_with((view_plan.clone(), network.clone()), move |now| {
                // Small plans read the present plan (below) and need no second render.
                if large {
                    let now = now.clone();
                    defer::after_paint(move || shown.set(now));
                }
            });
        }
        if large {
            (*shown).clone()
        } else {
            (view_plan.clone(), network.clone())
        }
    };
    let (story, highlight) = use_story(story_network.clone(), &state.selection);
    let highlight = shown.on_diagram(highlight);
    use_reveal(&state.selection);
    let access_path = highlight.as_ref().is_some_and(|h| h.access.is_some());
    let flagged: Rc<BTreeSet<String>> = Rc::new(
        answers
            .findings()
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .flat_map(|f| f.nodes.iter().cloned())
            .collect(),
    );

    let side = match &state.selection {
        Selection::Pair { from, to } => html! {
            <Explain plan={view_plan.clone()} story={story.clone()} from={from.clone()} to={to.clone()}
                on_action={on_action.clone()} />
        },
        Selection::Node(id) => html! {
            <NodeInspector key={id.clone()} plan={plan.clone()} id={id.clone()} on_action={on_action.clone()} />
        },
        Selection::Nodes(ids) => html! {
            <SeveralNodes plan={plan.clone()} ids={ids.clone()} on_action={on_action.clone()} />
        },
        Selection::Link(i) => html! {
            <LinkInspector key={format!("link-{i}")} plan={plan.clone()} index={*i} on_action={on_action.clone()} />
        },
        Selection::None => {
            html! { <PlanInspector plan={plan.clone()} on_action={on_action.clone()} /> }
        }
    };
    let title = plan
        .title
        .clone()
        .unwrap_or_else(|| "Untitled plan".to_string());
    let errors = answers.count(Severity::Error);
    let warnings = answers.count(Severity::Warning);
    let survival = progress.intents.clone();
    let failing = (answers.intents().iter().zip(0..))
        .filter(|(i, k)| !i.holds || broken(survival.as_deref(), *k))
        .count();
    let lost = shown.lost();
    html! {
        <div class="app">
            <SkipLink />
            <header class="top">
                <div class="brand">
                    <span class="logo" aria-hidden="true">{"◆"}</span>
                    <span class="name">{"reachplan"}</span>
                    <h1 class="plan-title" id="plan-title">{ title }</h1>
                </div>
                <Toolbar plan={plan.clone()} can_undo={state.history.can_undo()} can_redo={state.history.can_redo()}
                    on_action={on_action.clone()} />
                <AzureTools plan={plan.clone()} answers={answers.clone()} on_action={on_action.clone()} />
            </header>
            <Start on_action={on_action.clone()} />
            if let Some(notice) = &state.notice {
                <NoticeBar notice={notice.clone()} on_action={on_action.clone()} />
            }
            if let Some(failure) = &shown.failure {
                <FailureBar failure={failure.clone()} {lost} on_view={on_view.clone()}
                    network={real_network.clone()} surge={state.settled} />
            }
            <main class="work">
                <section class="panel diagram-panel" aria-label="Diagram">
                    <Palette on_action={on_action.clone()} />
                    <Canvas plan={plan.clone()} selection={state.selection.clone()} highlight={highlight}
                        flagged={flagged} on_action={on_action.clone()} marks={shown.marks.clone()} />
                    <Legend plan={plan.clone()} {access_path} />
                </section>
                <section class="panel matrix-panel" aria-labelledby="matrix-title">
                    <h2 id="matrix-title" tabindex="-1">{"Who reaches whom"}</h2>
                    <Matrix plan={view_plan.clone()} answers={answers.clone()} selection={state.selection.clone()} on_action={on_action.clone()}
                        marks={shown.marks.clone()} />
                </section>
                <aside class="panel side-panel" aria-label="Details" id="side">
                    { side }
                </aside>
                <section class="panel failures-panel" aria-labelledby="failures-title">
                    <h2 id="failures-title">{"Failures: what if one element breaks?"}</h2>
                    <FailuresPanel plan={plan.clone()} selection={state.selection.clone()} view={view.clone()}
                        on_view={on_view.clone()} {progress} {on_sweep} {on_cancel} on_action={on_action.clone()} />
                </section>
                <section class="panel compare-panel" aria-labelledby="compare-title">
                    <h2 id="compare-title">{"Compare with another design"}</h2>
                    <ComparePanel loaded={(*loaded).clone()} view={view.clone()} diff={shown.diff.clone()}
                        on_view={on_view.clone()} />
                </section>
                <section class="panel capacity-panel" aria-labelledby="capacity-title">
                    <h2 id="capacity-title">{"Capacity: what breaks first when more people work from home"}</h2>
                    <CapacityPanel plan={story_plan.clone()} network={story_network.clone()} surge={state.surge} settled={state.settled}
                        on_action={on_action.clone()} />
                </section>
                <section class="panel findings-panel" aria-labelledby="findings-title">
                    <h2 id="findings-title">
                        {"Findings"}
                        <span class="counts">{ format!(" {}, {}", counted(errors, "error"), counted(warnings, "warning")) }</span>
                    </h2>
                    <Findings plan={plan.clone()} answers={answers.clone()} on_action={on_action.clone()} />
                </section>
                <section class="panel intents-panel" aria-labelledby="intents-title">
                    <h2 id="intents-title">
                        {"Intents"}
                        if failing > 0 { <span class="counts fails">{ format!(" {failing} failing") }</span> }
                    </h2>
                    <Intents answers={answers.clone()} on_action={on_action.clone()} {survival} />
                </section>
            </main>
            <footer class="foot">
                {"Everything is computed in this browser; plans are saved here and nothing is uploaded. Rule ids (R1.1 …) refer to the rule book of Azure routing rules."}
            </footer>
        </div>
    }
}
