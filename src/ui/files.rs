//! Reading a plan file the person chose: the toolbar's "Import" and the Compare panel's
//! "Compare with a file…".

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use yew::prelude::*;

use crate::engine::{read_plan, Plan, PlanError};

/// Why a chosen file gave no plan.
#[derive(Debug)]
pub enum Unread {
    /// The browser could not read the file.
    File(String),
    /// Its text is not a plan.
    Plan(PlanError),
}

/// Reads the first file chosen in the file input that `event` comes from as a plan, and hands
/// `done` its name with the plan or why there is none. The input is cleared (choosing the same
/// file again reads it again); the reader is kept in `reader` while it works.
pub fn read_chosen(
    event: &Event,
    reader: &Rc<RefCell<Option<FileReader>>>,
    done: impl FnOnce(String, Result<Plan, Unread>) + 'static,
) {
    let input: web_sys::HtmlInputElement = event.target_unchecked_into();
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    input.set_value("");
    let file = gloo::file::File::from(file);
    let name = file.name();
    let task = gloo::file::callbacks::read_as_text(&file, move |result| {
        let plan = match result {
            Err(e) => Err(Unread::File(e.to_string())),
            Ok(text) => read_plan(&text).map_err(Unread::Plan),
        };
        done(name, plan);
    });
    *reader.borrow_mut() = Some(task);
}
