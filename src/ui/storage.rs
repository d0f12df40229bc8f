//! Autosave: the present plan in the browser's localStorage, read back on the next visit.

use gloo::storage::{LocalStorage, Storage};

use crate::engine::{read_plan, write_plan, Plan, PlanError};

/// The localStorage key of the autosaved plan.
pub const KEY: &str = "reachplan.plan.v1";

/// The autosaved plan text, if any.
pub fn saved_text() -> Option<String> {
    LocalStorage::raw().get_item(KEY).ok().flatten()
}

/// The autosaved plan: `None` when nothing was saved, an error when it no longer reads.
pub fn load() -> Option<Result<Plan, PlanError>> {
    saved_text().map(|text| read_plan(&text))
}

/// Saves the plan; storage that is full or switched off is ignored (the plan stays on screen).
pub fn save(plan: &Plan) {
    let _ = LocalStorage::raw().set_item(KEY, &write_plan(plan));
}
