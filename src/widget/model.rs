//! The widget's state: the app's [`State`] (plan, undo history, selection) and the plan to
//! reset to, with one reducer.

use std::rc::Rc;

use yew::Reducible;

use crate::engine::Plan;
use crate::ui::state::{Action, Selection, State};

/// How the widget lets the reader work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Tweak links, apply fixes, undo and reset; nothing persists.
    View,
    /// The planner's palette and inspectors as well.
    Edit,
}

impl Mode {
    /// The mode named by the element's `mode` attribute (view unless it says `edit`).
    pub fn parse(name: &str) -> Mode {
        if name.trim().eq_ignore_ascii_case("edit") {
            Mode::Edit
        } else {
            Mode::View
        }
    }
}

/// Everything one widget remembers.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The plan being worked on, its history and the selection.
    pub state: State,
    /// The plan the page gave (reset restores it).
    pub original: Rc<Plan>,
}

impl Model {
    /// A widget showing `plan`, with `focus` (a pair of endpoint ids) selected when given.
    pub fn new(plan: Rc<Plan>, focus: Option<(String, String)>) -> Model {
        let mut state = State::new((*plan).clone(), None);
        if let Some((from, to)) = focus {
            if plan.node(&from).is_some() && plan.node(&to).is_some() && from != to {
                state.selection = Selection::Pair { from, to };
            }
        }
        Model {
            state,
            original: plan,
        }
    }

    /// The present plan.
    pub fn plan(&self) -> &Rc<Plan> {
        self.state.plan()
    }

    /// Whether the plan differs from the one the page gave.
    pub fn modified(&self) -> bool {
        **self.plan() != *self.original
    }
}

/// Every change to a widget.
// Messages live for one dispatch; boxing the plan would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// An action of the planner (select, edit, undo, apply a fix ...).
    Do(Action),
    /// Back to the page's plan, keeping the selection when it still exists.
    Reset,
    /// A new plan from the page's script: it becomes the plan to reset to.
    Replace(Rc<Plan>),
}

impl Reducible for Model {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(msg);
        Rc::new(next)
    }
}

impl Model {
    /// Applies one message.
    pub fn apply(&mut self, msg: Msg) {
        match msg {
            Msg::Do(action) => self.state.apply(action),
            Msg::Reset => {
                let selection = self.state.selection.clone();
                *self = Model::new(self.original.clone(), None);
                // Keep what was selected when it exists in the page's plan.
                self.state.apply(Action::Select(selection));
                if !valid(self.plan(), &self.state.selection) {
                    self.state.selection = Selection::None;
                }
            }
            Msg::Replace(plan) => *self = Model::new(plan, None),
        }
    }
}

fn valid(plan: &Plan, selection: &Selection) -> bool {
    match selection {
        Selection::None => true,
        Selection::Node(id) => plan.node(id).is_some(),
        Selection::Nodes(ids) => ids.iter().all(|id| plan.node(id).is_some()),
        Selection::Link(i) => *i < plan.links.len(),
        Selection::Pair { from, to } => plan.node(from).is_some() && plan.node(to).is_some(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::engine::read_plan;

    fn model() -> Model {
        let plan = read_plan(include_str!("../../www/examples/users-to-azure.json")).unwrap();
        Model::new(
            Rc::new(plan),
            Some(("remote-staff".into(), "spoke-app".into())),
        )
    }

    #[test]
    fn focus_selects_the_pair_and_unknown_ids_are_ignored() {
        let m = model();
        assert_eq!(
            m.state.selection,
            Selection::Pair {
                from: "remote-staff".into(),
                to: "spoke-app".into()
            }
        );
        let plan = m.original.clone();
        let m = Model::new(plan, Some(("nope".into(), "hub".into())));
        assert_eq!(m.state.selection, Selection::None);
    }

    #[test]
    fn a_tweak_then_reset_restores_the_plan_and_keeps_the_selection() {
        let mut m = model();
        let mut link = m.plan().links[1].clone();
        link.use_remote_gateways = Some(false);
        m.apply(Msg::Do(Action::UpdateLink(1, link)));
        assert!(m.modified());
        m.apply(Msg::Reset);
        assert!(!m.modified());
        assert!(matches!(m.state.selection, Selection::Pair { .. }));
        assert!(!m.state.history.can_undo());
    }

    #[test]
    fn mode_defaults_to_view() {
        assert_eq!(Mode::parse("edit"), Mode::Edit);
        assert_eq!(Mode::parse(" EDIT "), Mode::Edit);
        assert_eq!(Mode::parse(""), Mode::View);
        assert_eq!(Mode::parse("weird"), Mode::View);
    }
}
