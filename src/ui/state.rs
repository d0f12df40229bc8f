//! The app's state and every change to it: one `State`, one `Action` enum, one reducer.
//!
//! The plan (with its undo history) is the only state that matters; the analysis is derived
//! from it and never stored here. Selection, notices and the surge of the capacity panel are
//! view state: they never enter the plan or its history. Nothing here renders.

use std::rc::Rc;

use yew::Reducible;

pub use super::notice::{Notice, Tone};

use super::drawing;
use super::history::History;
use super::layout;
use super::ops;
use super::surge;
use crate::engine::edit::{self, Edit};
use crate::engine::model::{Access, Expect, Intent, Link, Node, NodeKind, Plan, Position, Wan};

/// What the person has selected.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Selection {
    /// Nothing: the inspector shows the plan.
    #[default]
    None,
    /// A node, by id.
    Node(String),
    /// A link, by index in the plan's links.
    Link(usize),
    /// Several nodes, by id (Shift+click, a rubber band): moved or deleted together.
    Nodes(Vec<String>),
    /// A pair of endpoints: the matrix cell, its path and explanation.
    Pair {
        /// Source endpoint id.
        from: String,
        /// Destination endpoint id.
        to: String,
    },
}

/// Everything the app remembers.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The plan and its undo history.
    pub history: History,
    /// What is selected.
    pub selection: Selection,
    /// The message shown, if any.
    pub notice: Option<Notice>,
    /// The surge the capacity panel shows (how many times as many people work from home),
    /// live as the slider moves.
    pub surge: f64,
    /// The surge the capacity findings are computed for: the slider's value once let go.
    pub settled: f64,
}

impl State {
    /// A state that starts with this plan.
    pub fn new(plan: Plan, notice: Option<Notice>) -> State {
        State {
            history: History::new(plan),
            selection: Selection::None,
            notice,
            surge: 1.0,
            settled: 1.0,
        }
    }

    /// The present plan.
    pub fn plan(&self) -> &Rc<Plan> {
        self.history.present()
    }
}

/// Every change the app can make.
// Actions live for one dispatch; boxing the plan and node variants would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Replace the plan (a template, an import); undoable.
    Load(Plan, Option<Notice>),
    /// Go one step back.
    Undo,
    /// Go one step forward again.
    Redo,
    /// Select something.
    Select(Selection),
    /// Add a node of this kind and select it.
    AddNode(NodeKind),
    /// Replace the node with this id (the new node may carry a new id).
    UpdateNode(String, Node),
    /// Delete a node with its links, intents and flows.
    DeleteNode(String),
    /// Add a link and select it.
    AddLink(Link),
    /// Replace the link at this index.
    UpdateLink(usize, Link),
    /// Delete the link at this index.
    DeleteLink(usize),
    /// Move a node on the diagram.
    MoveNode(String, Position),
    /// Move several nodes at once (one undo step).
    MoveNodes(Vec<(String, Position)>),
    /// Add a copy of the node with this id beside it, and select the copy.
    DuplicateNode(String),
    /// Duplicate the selected node (Ctrl+D).
    DuplicateSelected,
    /// Delete what is selected: a node, several nodes or a link (Delete, Backspace).
    DeleteSelected,
    /// Lay every node out again by role.
    Tidy,
    /// Set the title and description.
    SetMeta(Option<String>, Option<String>),
    /// Replace the virtual WANs.
    SetWans(Vec<Wan>),
    /// Expect this answer for a pair, with the kind of limited access when it has one
    /// (replaces an intent for the same pair).
    Expect(String, String, Expect, Option<Access>),
    /// Delete the intent at this index.
    DeleteIntent(usize),
    /// Apply an engine edit (the fix of a pair).
    Apply(Edit),
    /// Show or clear a notice.
    Notify(Option<Notice>),
    /// Set the capacity panel's surge; `true` once the value is settled (the slider let go,
    /// a number entered), which recomputes the capacity findings.
    Surge(f64, bool),
    /// Send the Microsoft 365 traffic of this user group straight to the internet: add an
    /// internet link (and an internet node when the plan has none).
    SplitTunnel(String),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        state.apply(action);
        Rc::new(state)
    }
}

impl State {
    /// Applies one action.
    pub fn apply(&mut self, action: Action) {
        if let Action::Surge(value, settled) = action {
            self.surge = surge::clamp(value);
            if settled {
                self.settled = self.surge;
            }
            return;
        }
        let mut plan = (**self.plan()).clone();
        match action {
            Action::Load(new, notice) => {
                let old = self.plan().clone();
                let replaced = self.history.push(new);
                self.selection = Selection::None;
                // A plan from a link or a file keeps the one it replaced one click away.
                self.notice = notice.map(|n| if replaced { n.offering(old) } else { n });
                return;
            }
            Action::Undo => {
                self.history.undo();
                self.keep_selection_valid();
                return;
            }
            Action::Redo => {
                self.history.redo();
                self.keep_selection_valid();
                return;
            }
            Action::Select(selection) => {
                self.selection = selection;
                return;
            }
            Action::Notify(notice) => {
                self.notice = notice;
                return;
            }
            Action::Surge(..) => return,
            Action::SplitTunnel(users) => {
                if !ops::split_tunnel(&mut plan, &users) {
                    return;
                }
            }
            Action::AddNode(kind) => {
                let id = ops::add_node(&mut plan, kind);
                self.selection = Selection::Node(id);
            }
            Action::UpdateNode(old, node) => {
                let new_id = node.id.clone();
                if ops::replace_node(&mut plan, &old, node)
                    && self.selection == Selection::Node(old)
                {
                    self.selection = Selection::Node(new_id);
                }
            }
            Action::DeleteNode(id) => {
                ops::delete_node(&mut plan, &id);
                self.selection = Selection::None;
            }
            Action::AddLink(link) => {
                plan.links.push(link);
                self.selection = Selection::Link(plan.links.len() - 1);
            }
            Action::UpdateLink(i, link) => {
                if let Some(slot) = plan.links.get_mut(i) {
                    *slot = link;
                }
            }
            Action::DeleteLink(i) => {
                if i < plan.links.len() {
                    plan.links.remove(i);
                }
                self.selection = Selection::None;
            }
            Action::MoveNode(id, position) => drawing::move_nodes(&mut plan, &[(id, position)]),
            Action::MoveNodes(moves) => drawing::move_nodes(&mut plan, &moves),
            Action::DuplicateNode(id) => match drawing::duplicate(&mut plan, &id) {
                Some(copy) => self.selection = Selection::Node(copy),
                None => return,
            },
            Action::DuplicateSelected => {
                let Selection::Node(id) = &self.selection else {
                    return;
                };
                match drawing::duplicate(&mut plan, id) {
                    Some(copy) => self.selection = Selection::Node(copy),
                    None => return,
                }
            }
            Action::DeleteSelected => {
                if !drawing::delete_selected(&mut plan, &self.selection) {
                    return;
                }
                self.selection = Selection::None;
            }
            Action::Tidy => {
                let auto = layout::auto(&plan);
                for (node, at) in plan.nodes.iter_mut().zip(auto) {
                    node.position = Some(at);
                }
            }
            Action::SetMeta(title, description) => {
                plan.title = title;
                plan.description = description;
            }
            Action::SetWans(wans) => plan.wans = wans,
            Action::Expect(from, to, expect, access) => {
                let intent = Intent {
                    from: from.clone(),
                    to: to.clone(),
                    expect,
                    access,
                    why: None,
                    survives: None,
                };
                match plan
                    .intents
                    .iter_mut()
                    .find(|i| i.from == from && i.to == to)
                {
                    Some(existing) => {
                        existing.expect = expect;
                        existing.access = access;
                    }
                    None => plan.intents.push(intent),
                }
            }
            Action::DeleteIntent(i) => {
                if i < plan.intents.len() {
                    plan.intents.remove(i);
                }
            }
            Action::Apply(e) => {
                if let Err(message) = edit::apply(&mut plan, &e) {
                    self.notice = Some(Notice::error(format!(
                        "The fix could not be applied: {message}"
                    )));
                    return;
                }
                self.notice = Some(Notice::info("Fix applied. Undo takes it back."));
            }
        }
        self.history.push(plan);
        self.keep_selection_valid();
    }

    fn keep_selection_valid(&mut self) {
        let plan = self.plan();
        let valid = match &self.selection {
            Selection::None => true,
            Selection::Node(id) => plan.node(id).is_some(),
            Selection::Nodes(ids) => ids.iter().all(|id| plan.node(id).is_some()),
            Selection::Link(i) => *i < plan.links.len(),
            Selection::Pair { from, to } => plan.node(from).is_some() && plan.node(to).is_some(),
        };
        if !valid {
            self.selection = Selection::None;
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::engine::read_plan;

    fn state() -> State {
        State::new(
            read_plan(include_str!("../../www/examples/users-to-azure.json")).unwrap(),
            None,
        )
    }

    #[test]
    fn toggling_a_flag_and_undo_restores_the_plan() {
        let mut s = state();
        let before = s.plan().clone();
        let mut link = s.plan().links[1].clone();
        link.use_remote_gateways = Some(false);
        s.apply(Action::UpdateLink(1, link));
        assert_ne!(*s.plan(), before);
        s.apply(Action::Undo);
        assert_eq!(*s.plan(), before);
        s.apply(Action::Redo);
        assert_ne!(*s.plan(), before);
    }

    #[test]
    fn a_plan_opened_over_another_offers_it_back_and_undo_covers_it() {
        let mut s = state();
        let before = s.plan().clone();
        let other = read_plan(include_str!("../../www/examples/hub-spoke-firewall.json")).unwrap();
        s.apply(Action::Load(other.clone(), Some(Notice::info("Opened"))));
        let offered = s.notice.as_ref().and_then(|n| n.previous.clone());
        assert_eq!(offered, Some(before.clone()));
        s.apply(Action::Load((*before).clone(), Some(Notice::info("Back"))));
        assert_eq!(*s.plan(), before);
        s.apply(Action::Undo);
        assert_eq!(**s.plan(), other);
        s.apply(Action::Undo);
        assert_eq!(*s.plan(), before);
        // The same plan again replaces nothing and offers nothing.
        s.apply(Action::Load((*before).clone(), Some(Notice::info("Same"))));
        assert!(s.notice.unwrap().previous.is_none());
    }

    #[test]
    fn deleting_the_selected_node_clears_the_selection() {
        let mut s = state();
        s.apply(Action::Select(Selection::Node("hub".into())));
        s.apply(Action::DeleteNode("hub".into()));
        assert_eq!(s.selection, Selection::None);
        s.apply(Action::Undo);
        assert!(s.plan().node("hub").is_some());
    }

    #[test]
    fn expect_adds_or_replaces_an_intent() {
        let mut s = state();
        let n = s.plan().intents.len();
        s.apply(Action::Expect(
            "hub".into(),
            "remote-staff".into(),
            Expect::Reachable,
            None,
        ));
        assert_eq!(s.plan().intents.len(), n + 1);
        s.apply(Action::Expect(
            "hub".into(),
            "remote-staff".into(),
            Expect::Unreachable,
            Some(Access::None),
        ));
        assert_eq!(s.plan().intents.len(), n + 1);
        assert_eq!(s.plan().intents[n].expect, Expect::Unreachable);
        assert_eq!(s.plan().intents[n].access, Some(Access::None));
    }

    #[test]
    fn the_surge_is_view_state_and_never_enters_the_plan() {
        let mut s = state();
        let before = s.plan().clone();
        s.apply(Action::Surge(3.5, false));
        assert_eq!((s.surge, s.settled), (3.5, 1.0));
        s.apply(Action::Surge(4.0, true));
        assert_eq!((s.surge, s.settled), (4.0, 4.0));
        s.apply(Action::Surge(99.0, true));
        assert_eq!(s.surge, surge::MAX);
        assert_eq!(*s.plan(), before);
        assert!(!s.history.can_undo());
    }
}
