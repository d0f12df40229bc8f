//! Autosave: the present plan in the browser's localStorage, read back on the next visit, and
//! the capacity panel's surge (view state, kept apart from the plan).

use gloo::storage::{LocalStorage, Storage};

use crate::engine::{read_plan, write_plan, Plan, PlanError};

/// The localStorage key of the autosaved plan.
pub const KEY: &str = "reachplan.plan.v1";

/// The localStorage key of the capacity panel's surge.
pub const SURGE_KEY: &str = "reachplan.surge";

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

/// The surge last shown, if one was saved.
pub fn load_surge() -> Option<f64> {
    LocalStorage::raw()
        .get_item(SURGE_KEY)
        .ok()
        .flatten()
        .and_then(|text| text.parse::<f64>().ok())
        .filter(|v| v.is_finite())
}

/// Saves the surge; failures are ignored like the plan's.
pub fn save_surge(surge: f64) {
    let _ = LocalStorage::raw().set_item(SURGE_KEY, &surge.to_string());
}
