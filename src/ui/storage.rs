//! Autosave: the present plan in the browser's localStorage, read back on the next visit, and
//! the capacity panel's surge (view state, kept apart from the plan).
//!
//! Storage may be switched off (a browser that blocks site data throws on the first touch of
//! `localStorage`) or full. Neither stops the planner: reads find nothing, a failed save is
//! reported once by the app, and the last plan is also kept in memory, so the panic box can
//! offer it for download even when nothing reached storage.

use std::cell::RefCell;

use crate::engine::{read_plan, write_plan, Plan, PlanError};

/// The localStorage key of the autosaved plan.
pub const KEY: &str = "reachplan.plan.v1";

/// The localStorage key of the capacity panel's surge.
pub const SURGE_KEY: &str = "reachplan.surge";

thread_local! {
    /// The text of the last plan saved (or attempted), for the panic box.
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Why the plan could not be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveError {
    /// The browser does not give this page any storage.
    Blocked,
    /// The storage refused the plan (full, or over its quota).
    Full,
}

impl SaveError {
    /// What the person is told, once.
    pub fn message(self) -> &'static str {
        match self {
            SaveError::Blocked => {
                "This browser does not let the planner keep data, so your plan is not saved \
                 between visits. Export the plan file or copy a share link to keep it."
            }
            SaveError::Full => {
                "The browser's storage for this site is full, so your latest changes are not \
                 saved between visits. Export the plan file or copy a share link to keep them."
            }
        }
    }
}

/// The page's localStorage, or `None` when the browser blocks it (reading the property
/// throws) or has none.
fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

fn set(key: &str, value: &str) -> Result<(), SaveError> {
    let storage = local().ok_or(SaveError::Blocked)?;
    storage.set_item(key, value).map_err(|_| SaveError::Full)
}

/// The autosaved plan text, else the last plan this page tried to save.
pub fn saved_text() -> Option<String> {
    LAST.with(|last| last.borrow().clone()).or_else(|| get(KEY))
}

/// The autosaved plan: `None` when nothing was saved, an error when it no longer reads.
pub fn load() -> Option<Result<Plan, PlanError>> {
    get(KEY).map(|text| read_plan(&text))
}

/// Saves the plan. On failure the plan stays on screen and in memory.
pub fn save(plan: &Plan) -> Result<(), SaveError> {
    let text = write_plan(plan);
    let result = set(KEY, &text);
    LAST.with(|last| *last.borrow_mut() = Some(text));
    result
}

/// The surge last shown, if one was saved.
pub fn load_surge() -> Option<f64> {
    get(SURGE_KEY)
        .and_then(|text| text.parse::<f64>().ok())
        .filter(|v| v.is_finite())
}

/// Saves the surge; a failure is not worth a word (it is view state).
pub fn save_surge(surge: f64) {
    let _ = set(SURGE_KEY, &surge.to_string());
}
