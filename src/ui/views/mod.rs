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

use crate::engine::Plan;

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
