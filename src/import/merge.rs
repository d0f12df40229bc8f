//! Merge: an import into the plan that is open. What came from Azure before (a node or link
//! with an `azure_id`) is updated from the new import; everything else stays.
//!
//! - A node of the import whose `azure_id` matches one of the open plan's (Azure ids compare
//!   without regard to case) updates it: the fields the analysis reads come from Azure, while
//!   the open node's id, name, description and position stay (they are the person's: a name
//!   changed by hand, a node dragged elsewhere). An imported node without a match is added,
//!   under a new id when its id is taken, and placed to the right of what the plan holds.
//! - A link of the import whose `azure_id` matches updates the open link's settings (its id
//!   and name stay); one that joins the same nodes with the same kind as a link drawn by hand
//!   takes that link over (it gets the `azure_id`, and Azure's settings); others are added.
//! - Nodes and links drawn by hand, and those an earlier import made that this one does not
//!   hold (an import of another subscription, another file), stay as they are; so do the
//!   intents, flows and title. Virtual WANs are matched by id.

use std::collections::{BTreeMap, BTreeSet};

use crate::engine::model::{Plan, Position};

/// The merged plan and what the merge did, by node id (in the merged plan).
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The open plan with the import merged in.
    pub plan: Plan,
    /// Nodes added.
    pub added: Vec<String>,
    /// Nodes updated from Azure (matched by `azure_id`).
    pub updated: Vec<String>,
    /// Imported nodes whose id was taken, with the id they were given.
    pub renamed: Vec<(String, String)>,
    /// Links added and links updated.
    pub links_added: usize,
    /// Links updated (matched by `azure_id`, or a hand-drawn link taken over).
    pub links_updated: usize,
}

impl Merged {
    /// One line for the person: what the merge did.
    pub fn summary(&self) -> String {
        use crate::engine::words::counted;
        format!(
            "{} added, {} updated; {} added, {} updated",
            counted(self.added.len(), "node"),
            counted(self.updated.len(), "node"),
            counted(self.links_added, "link"),
            counted(self.links_updated, "link"),
        )
    }
}

/// How the import begins the description of a node outside it (`arm`): replaced when the
/// node is imported for real.
const OUTSIDE: &str = "Outside the import";

fn key(id: &Option<String>) -> Option<String> {
    id.as_ref().map(|s| s.to_ascii_lowercase())
}

/// Merges `imported` into `open` (see the module's documentation).
pub fn merge(open: &Plan, imported: &Plan) -> Merged {
    let mut plan = open.clone();
    let mut result = Merged {
        plan: Plan::new(),
        added: Vec::new(),
        updated: Vec::new(),
        renamed: Vec::new(),
        links_added: 0,
        links_updated: 0,
    };
    let by_azure: BTreeMap<String, usize> = plan
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| key(&n.azure_id).map(|k| (k, i)))
        .collect();
    let mut taken: BTreeSet<String> = plan.nodes.iter().map(|n| n.id.clone()).collect();
    // Imported id → id in the merged plan.
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    let shift = right_of(&plan);
    for node in &imported.nodes {
        match key(&node.azure_id).and_then(|k| by_azure.get(&k)) {
            Some(&at) => {
                let mine = &plan.nodes[at];
                let mut updated = node.clone();
                updated.id = mine.id.clone();
                updated.name = mine.name.clone();
                // The import's own mark on a node it only saw referred to is not a hand edit.
                if !mine
                    .description
                    .as_deref()
                    .is_some_and(|d| d.starts_with(OUTSIDE))
                {
                    updated.description = mine.description.clone();
                }
                updated.position = mine.position.or(node.position);
                ids.insert(node.id.clone(), mine.id.clone());
                result.updated.push(mine.id.clone());
                plan.nodes[at] = updated;
            }
            None => {
                let mut added = node.clone();
                added.id = free_id(&node.id, &taken);
                if added.id != node.id {
                    result.renamed.push((node.id.clone(), added.id.clone()));
                }
                added.position = node.position.map(|p| Position {
                    x: p.x + shift,
                    y: p.y,
                });
                taken.insert(added.id.clone());
                ids.insert(node.id.clone(), added.id.clone());
                result.added.push(added.id.clone());
                plan.nodes.push(added);
            }
        }
    }
    for link in &imported.links {
        let mut link = link.clone();
        link.from = ids.get(&link.from).cloned().unwrap_or(link.from);
        link.to = ids.get(&link.to).cloned().unwrap_or(link.to);
        let by_id = key(&link.azure_id).and_then(|k| {
            plan.links
                .iter()
                .position(|l| key(&l.azure_id).as_deref() == Some(k.as_str()))
        });
        let by_ends = || {
            plan.links.iter().position(|l| {
                l.azure_id.is_none()
                    && l.kind == link.kind
                    && l.from == link.from
                    && l.to == link.to
            })
        };
        match by_id.or_else(by_ends) {
            Some(at) => {
                let mine = &plan.links[at];
                link.id = mine.id.clone();
                link.name = mine.name.clone().or(link.name);
                plan.links[at] = link;
                result.links_updated += 1;
            }
            None => {
                let taken_ids: BTreeSet<&str> =
                    plan.links.iter().filter_map(|l| l.id.as_deref()).collect();
                if link.id.as_deref().is_some_and(|id| taken_ids.contains(id)) {
                    link.id = None;
                }
                plan.links.push(link);
                result.links_added += 1;
            }
        }
    }
    for wan in &imported.wans {
        match plan.wans.iter_mut().find(|w| w.id == wan.id) {
            Some(mine) => {
                mine.wan_type = wan.wan_type;
                mine.branch_to_branch = wan.branch_to_branch;
            }
            None => plan.wans.push(wan.clone()),
        }
    }
    if plan.nodes.len() == result.added.len() {
        // Nothing was open: the import is the plan, with its title.
        plan.title = plan.title.or_else(|| imported.title.clone());
        plan.description = plan.description.or_else(|| imported.description.clone());
    }
    result.plan = plan;
    result
}

/// How far to the right of the open plan's nodes the added ones go (0 for an empty plan).
fn right_of(plan: &Plan) -> f64 {
    plan.nodes
        .iter()
        .filter_map(|n| n.position.map(|p| p.x))
        .fold(None, |max: Option<f64>, x| {
            Some(max.map_or(x, |m| m.max(x)))
        })
        .map_or(0.0, |max| max + 240.0)
}

/// `id`, or `id-2`, `id-3`, … the first that is not taken (within the 64 characters of an
/// id).
fn free_id(id: &str, taken: &BTreeSet<String>) -> String {
    if !taken.contains(id) {
        return id.to_string();
    }
    (2..)
        .map(|n| {
            let suffix = format!("-{n}");
            let head: String = id.chars().take(64 - suffix.len()).collect();
            format!("{head}{suffix}")
        })
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_else(|| id.to_string())
}
