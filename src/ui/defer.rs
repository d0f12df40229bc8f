//! Work that can wait until the screen shows an edit: `after_paint` runs a closure in a task
//! after the next frame (a timeout started from an animation-frame callback), so that an edit
//! of a large plan is on screen before its autosave and the explanation of the selected pair.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

type Job = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

/// Runs `f` after the next frame is drawn; where animation frames are unavailable, in the
/// next task. `f` always runs once.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let job: Job = Rc::new(RefCell::new(Some(Box::new(f))));
    let later = {
        let job = job.clone();
        move || {
            if let Some(f) = job.borrow_mut().take() {
                Timeout::new(0, f).forget();
            }
        }
    };
    let frame = Closure::once_into_js(later);
    if gloo::utils::window()
        .request_animation_frame(frame.unchecked_ref())
        .is_err()
    {
        if let Some(f) = job.borrow_mut().take() {
            Timeout::new(0, f).forget();
        }
    }
}
