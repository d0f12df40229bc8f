//! The views that change what the screen shows, never the plan: one element failed
//! ([`failures`]) and the plan compared with another ([`compare`]).
//!
//! A failure is a view, not an edit: "Fail it" shows the matrix, the diagram and the capacity
//! as they would be with that element down, and "Restore" ends it; the plan, its undo history,
//! the autosave and the exports stay as they are (a user asking "what if this breaks?" is not
//! changing the design). The plan can still be edited while a failure is shown: the failure
//! stays applied to the edited plan for as long as its element exists.
//!
//! Codemap: [`View`] is the view state the app keeps beside the plan; [`shown`] derives what
//! the screen shows from the plan and the view; [`marks`] is what the diagram and the matrix
//! mark; [`sweep`] runs the single-failure sweep a few failures per task, so that the page
//! never freezes; [`failures`] and [`compare`] are the two panels.

pub mod compare;
pub mod failures;
pub mod marks;
pub mod shown;
pub mod sweep;
#[cfg(test)]
mod tests;

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::Plan;
use crate::ui::answers::Answers;
use crate::ui::network::Prepared;
use shown::{shown, Shown};
use sweep::{use_sweep, Progress};

/// What the screen shows of the plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum View {
    /// The plan as it is.
    #[default]
    Plan,
    /// The plan with one failure domain down (by its id, e.g. `vpn_gateway:hub`).
    Failed(String),
    /// The plan compared with a baseline.
    Compare(Rc<Baseline>),
}

/// A plan to compare with, and where it came from in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Baseline {
    /// The plan.
    pub plan: Rc<Plan>,
    /// Where it came from: "the plan as loaded", a file's name, "the pasted link".
    pub source: String,
}

/// What the app needs of the views: the view shown and where a new one goes, what it shows,
/// the answers about the shown plan, and the sweep with its callbacks.
pub struct Views {
    /// The view shown.
    pub view: View,
    /// Where a new view goes.
    pub on_view: Callback<View>,
    /// What the view shows.
    pub shown: Shown,
    /// The answers about the shown plan (the plan's own unless a failure is shown).
    pub answers: Answers,
    /// The single-failure sweep of the plan.
    pub progress: Progress,
    /// Starts the sweep.
    pub on_sweep: Callback<()>,
    /// Stops the sweep.
    pub on_cancel: Callback<()>,
}

/// The views of `plan` (whose prepared network is `network`): the answers are computed once
/// per plan version and view; the sweep starts by itself for plans the app explains in full.
#[hook]
pub fn use_views(plan: Rc<Plan>, network: Prepared) -> Views {
    let real: Answers = (*use_memo(network.clone(), |n| Answers::of(n))).clone();
    let view = use_state(View::default);
    let on_view = use_callback(view.setter(), |v: View, set| set.set(v));
    let shown = (*use_memo((plan, network.clone(), (*view).clone()), |(p, n, v)| {
        shown(p, n, v)
    }))
    .clone();
    let answers = (*use_memo(
        (real.clone(), shown.failure.is_some(), shown.network.clone()),
        |(real, failed, n)| {
            if *failed {
                Answers::of(n)
            } else {
                real.clone()
            }
        },
    ))
    .clone();
    let intents = use_memo(real.clone(), |a| Rc::new(a.intents().to_vec()));
    let small = matches!(real, Answers::Full(_));
    let (progress, on_sweep, on_cancel) = use_sweep(network, (*intents).clone(), small);
    Views {
        view: (*view).clone(),
        on_view,
        shown,
        answers,
        progress,
        on_sweep,
        on_cancel,
    }
}
