//! Undo and redo: the plans before and after the present one.

use std::rc::Rc;

use crate::engine::Plan;

/// How many earlier plans are kept.
pub const LIMIT: usize = 200;

/// The present plan with the ones before it (undo) and after it (redo).
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    past: Vec<Rc<Plan>>,
    present: Rc<Plan>,
    future: Vec<Rc<Plan>>,
}

impl History {
    /// A history that starts with this plan.
    pub fn new(plan: Plan) -> History {
        History {
            past: Vec::new(),
            present: Rc::new(plan),
            future: Vec::new(),
        }
    }

    /// The present plan.
    pub fn present(&self) -> &Rc<Plan> {
        &self.present
    }

    /// Makes `plan` the present one, keeping the old one for undo; returns false (and keeps
    /// the history as it is) when nothing changed.
    pub fn push(&mut self, plan: Plan) -> bool {
        if plan == *self.present {
            return false;
        }
        let old = std::mem::replace(&mut self.present, Rc::new(plan));
        self.past.push(old);
        if self.past.len() > LIMIT {
            self.past.remove(0);
        }
        self.future.clear();
        true
    }

    /// Goes one step back; false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        match self.past.pop() {
            Some(plan) => {
                let now = std::mem::replace(&mut self.present, plan);
                self.future.push(now);
                true
            }
            None => false,
        }
    }

    /// Goes one step forward again; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        match self.future.pop() {
            Some(plan) => {
                let now = std::mem::replace(&mut self.present, plan);
                self.past.push(now);
                true
            }
            None => false,
        }
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titled(t: &str) -> Plan {
        let mut p = Plan::new();
        p.title = Some(t.into());
        p
    }

    #[test]
    fn undo_and_redo_walk_the_history() {
        let mut h = History::new(titled("a"));
        assert!(h.push(titled("b")));
        assert!(!h.push(titled("b")), "an unchanged plan is not a step");
        assert!(h.push(titled("c")));
        assert!(h.undo());
        assert_eq!(h.present().title.as_deref(), Some("b"));
        assert!(h.redo());
        assert_eq!(h.present().title.as_deref(), Some("c"));
        assert!(h.undo() && h.undo());
        assert!(!h.undo());
        assert_eq!(h.present().title.as_deref(), Some("a"));
        assert!(h.push(titled("d")));
        assert!(!h.can_redo(), "a new step drops the redo list");
    }

    #[test]
    fn the_past_is_bounded() {
        let mut h = History::new(titled("0"));
        for i in 1..=LIMIT + 10 {
            h.push(titled(&i.to_string()));
        }
        let mut steps = 0;
        while h.undo() {
            steps += 1;
        }
        assert_eq!(steps, LIMIT);
    }
}
