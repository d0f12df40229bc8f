//! What a widget's JavaScript handle and its view share: the present plan and analysis (for
//! the handle to read), the way into the view's reducer (for the handle to write), and the
//! page's callbacks for ready and change.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::Callback;

use super::model::Msg;
use crate::engine::{Analysis, Plan};

/// The page's functions that a widget calls.
#[derive(Default)]
pub struct Hooks {
    /// The first matrix is on screen.
    pub ready: Option<js_sys::Function>,
    /// The plan changed; called with whether it differs from the page's plan.
    pub change: Option<js_sys::Function>,
    /// The reader asked to open the plan in the full planner.
    pub open: Option<js_sys::Function>,
}

/// The shared part of one widget.
pub struct Bridge {
    send: RefCell<Option<Callback<Msg>>>,
    pending: RefCell<Vec<Msg>>,
    plan: RefCell<Rc<Plan>>,
    analysis: RefCell<Option<Rc<Analysis>>>,
    hooks: Hooks,
}

impl Bridge {
    /// A bridge for a widget that opens with `plan`.
    pub fn new(plan: Rc<Plan>, hooks: Hooks) -> Bridge {
        Bridge {
            send: RefCell::new(None),
            pending: RefCell::new(Vec::new()),
            plan: RefCell::new(plan),
            analysis: RefCell::new(None),
            hooks,
        }
    }

    /// Sends a message to the view (kept until the view is connected).
    pub fn send(&self, msg: Msg) {
        let send = self.send.borrow().clone();
        match send {
            Some(send) => send.emit(msg),
            None => self.pending.borrow_mut().push(msg),
        }
    }

    /// The view connects its reducer; messages sent before are delivered now.
    pub fn connect(&self, send: Callback<Msg>) {
        let pending: Vec<Msg> = self.pending.borrow_mut().drain(..).collect();
        for msg in pending {
            send.emit(msg);
        }
        *self.send.borrow_mut() = Some(send);
    }

    /// The view goes away: messages are dropped from now on.
    pub fn disconnect(&self) {
        *self.send.borrow_mut() = None;
    }

    /// The present plan.
    pub fn plan(&self) -> Rc<Plan> {
        self.plan.borrow().clone()
    }

    /// The present plan's analysis, once the view has computed it.
    pub fn analysis(&self) -> Option<Rc<Analysis>> {
        self.analysis.borrow().clone()
    }

    /// The view shows a plan and its analysis.
    pub fn show(&self, plan: Rc<Plan>, analysis: Rc<Analysis>) {
        *self.plan.borrow_mut() = plan;
        *self.analysis.borrow_mut() = Some(analysis);
    }

    /// Tells the page that the widget is on screen.
    pub fn ready(&self) {
        if let Some(f) = &self.hooks.ready {
            let _ = f.call0(&JsValue::NULL);
        }
    }

    /// Tells the page that the plan changed (`modified`: it differs from the page's plan).
    pub fn changed(&self, modified: bool) {
        if let Some(f) = &self.hooks.change {
            let _ = f.call1(&JsValue::NULL, &JsValue::from_bool(modified));
        }
    }

    /// Whether the page can open a plan in the full planner.
    pub fn can_open(&self) -> bool {
        self.hooks.open.is_some()
    }

    /// Asks the page to open the present plan in the full planner.
    pub fn open(&self) {
        if let Some(f) = &self.hooks.open {
            let _ = f.call0(&JsValue::NULL);
        }
    }
}

/// A bridge as a prop: equal when it is the same bridge.
#[derive(Clone)]
pub struct BridgeRef(pub Rc<Bridge>);

impl PartialEq for BridgeRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use yew::Callback;

    use super::{Bridge, Hooks};
    use crate::engine::Plan;
    use crate::widget::model::Msg;

    #[test]
    fn messages_wait_for_the_view_and_stop_after_it() {
        let bridge = Bridge::new(Rc::new(Plan::new()), Hooks::default());
        let seen = Rc::new(RefCell::new(Vec::new()));
        bridge.send(Msg::Reset);
        let sink = {
            let seen = seen.clone();
            Callback::from(move |msg: Msg| seen.borrow_mut().push(msg))
        };
        bridge.connect(sink);
        assert_eq!(*seen.borrow(), [Msg::Reset]);
        bridge.send(Msg::Reset);
        assert_eq!(seen.borrow().len(), 2);
        bridge.disconnect();
        bridge.send(Msg::Reset);
        assert_eq!(seen.borrow().len(), 2);
        assert!(!bridge.can_open());
    }
}
