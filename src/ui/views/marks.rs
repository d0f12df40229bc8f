//! What the diagram and the matrix mark in a view: failed elements, nodes and links added or
//! removed since the baseline, and the cells gained or lost.

use std::collections::BTreeMap;

use crate::engine::model::{LinkKind, Position};

/// How an element or a cell differs from the plan as it is (or from the baseline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Down in the failure shown.
    Failed,
    /// In the plan, not in the baseline.
    Added,
    /// In the baseline, not in the plan.
    Removed,
    /// In both, with other settings.
    Changed,
    /// A pair reachable now and not before (or not with nothing failed).
    Gained,
    /// A pair reachable before (or with nothing failed) and not now.
    Lost,
}

impl Mark {
    /// The mark as a word, for a `data-change` attribute and a class.
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Failed => "failed",
            Mark::Added => "added",
            Mark::Removed => "removed",
            Mark::Changed => "changed",
            Mark::Gained => "gained",
            Mark::Lost => "lost",
        }
    }

    /// The mark in words, for a label read aloud.
    pub fn words(self) -> &'static str {
        match self {
            Mark::Failed => "failed",
            Mark::Added => "added since the baseline",
            Mark::Removed => "removed since the baseline",
            Mark::Changed => "changed since the baseline",
            Mark::Gained => "gained",
            Mark::Lost => "lost",
        }
    }
}

/// A node of the baseline that the plan no longer has, drawn where the baseline had it.
#[derive(Debug, Clone, PartialEq)]
pub struct Ghost {
    /// Its id.
    pub id: String,
    /// Its name.
    pub label: String,
    /// Where the baseline drew it.
    pub at: Position,
}

/// A link of the baseline that the plan no longer has.
#[derive(Debug, Clone, PartialEq)]
pub struct GhostLink {
    /// Its kind.
    pub kind: LinkKind,
    /// One end's id.
    pub from: String,
    /// The other end's id.
    pub to: String,
}

/// Everything a view marks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Marks {
    /// Nodes of the plan, by id.
    pub nodes: BTreeMap<String, Mark>,
    /// Links of the plan, by index.
    pub links: BTreeMap<usize, Mark>,
    /// Nodes of the baseline only.
    pub ghosts: Vec<Ghost>,
    /// Links of the baseline only.
    pub ghost_links: Vec<GhostLink>,
    /// Matrix cells, by (from, to) endpoint ids.
    pub cells: BTreeMap<(String, String), Mark>,
}

impl Marks {
    /// Whether nothing is marked.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
            && self.links.is_empty()
            && self.ghosts.is_empty()
            && self.ghost_links.is_empty()
            && self.cells.is_empty()
    }

    /// The mark of a matrix cell.
    pub fn cell(&self, from: &str, to: &str) -> Option<Mark> {
        // A lookup without allocating would need a borrowed tuple key; the matrix is small
        // (at most 40 × 40 cells are drawn one by one).
        self.cells.get(&(from.to_string(), to.to_string())).copied()
    }
}
