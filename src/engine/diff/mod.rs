//! What changes between two designs: the pairs gained and lost, the findings added and
//! removed, the intents whose verdict changed and the capacity rows that changed, and nothing
//! about what stays the same (`reachplan diff BEFORE AFTER`).
//!
//! [`diff`] is a pure function of two prepared [`Network`]s: it asks each the questions every
//! view asks (the summary with its fast matrix, capacity at the plan's own load, and the
//! explained answers of the pairs that changed), and compares the answers. Pairs are matched
//! by their endpoint ids; an endpoint in one plan only is listed as added or removed, and its
//! pairs are not listed. Findings are matched by severity, code, message and nodes (not by
//! link indexes, which move when a link is added or removed); intents by their pair, expectation
//! and access; capacity rows by element, kind, measure and the ends of their link.
//!
//! Something that held is *lost* ([`Diff::regressed`]) when a pair of two endpoints of both
//! plans is reachable before and not after, or an intent of both plans holds before and fails
//! after: what a CI gate on a design change fails on.
//!
//! Single points of failure added and removed are compared when both plans are small enough to
//! sweep every single failure (see [`spof`]).
//!
//! Complexity: two summaries and two capacity answers (see [`Network::summary`] and
//! [`Network::capacity`]), O(N² / 64) to compare the matrices when both plans have the same
//! endpoints (O(N²) bit reads otherwise), and the explained answers of at most
//! [`MAX_EXPLAINED`] changed pairs; at most [`MAX_LISTED`] lost and gained pairs are listed,
//! all are counted.

mod compare;
pub mod render;
pub mod spof;

pub use compare::{answered, Ids};

use serde::Serialize;

use super::analysis::{IntentResult, Pair};
use super::capacity::Row;
use super::model::{Access, Expect};
use super::prepared::Network;
use super::rules::Finding;

/// How many changed pairs are explained (rule, reason and fix, or path); pairs beyond it are
/// listed with their ids and verdict only, so that a diff of two very different large plans
/// stays fast.
pub const MAX_EXPLAINED: usize = 500;

/// How many lost pairs, and how many gained pairs, are listed (all are counted): two very
/// different 10,000-endpoint plans differ in tens of millions of pairs, which no reader reads
/// and no budget writes.
pub const MAX_LISTED: usize = 1_000;

/// The difference between two designs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// The format version.
    pub reachplan: u32,
    /// Whether something that held is lost: a pair reachable before and not after, or an
    /// intent that held and now fails (the exit status 1 of `reachplan diff`).
    pub regressed: bool,
    /// Endpoint ids of the second plan only, sorted.
    pub endpoints_added: Vec<String>,
    /// Endpoint ids of the first plan only, sorted.
    pub endpoints_removed: Vec<String>,
    /// How many ordered pairs of endpoints of both plans are reachable after and not before.
    pub pairs_gained_count: usize,
    /// How many ordered pairs of endpoints of both plans are reachable before and not after.
    pub pairs_lost_count: usize,
    /// The first [`MAX_LISTED`] pairs reachable after and not before, as the second plan
    /// answers them (with the path that now opens), sorted by `from` then `to`.
    pub pairs_gained: Vec<Pair>,
    /// The first [`MAX_LISTED`] pairs reachable before and not after, as the second plan
    /// answers them (with the rule that now blocks, the reason and the fix), sorted by `from`
    /// then `to`.
    pub pairs_lost: Vec<Pair>,
    /// Findings of the second plan only.
    pub findings_added: Vec<Finding>,
    /// Findings of the first plan only.
    pub findings_removed: Vec<Finding>,
    /// Intents whose verdict changed, or that one plan only has, in the second plan's order
    /// (then the first's).
    pub intents_changed: Vec<IntentChange>,
    /// Capacity rows (at the plans' own load, surge 1) whose demand, limit or table row
    /// changed, or that one plan only has.
    pub capacity_changed: Vec<RowChange>,
    /// Whether single points of failure were compared (both plans of at most
    /// [`spof::MAX_SWEPT`] endpoints).
    pub single_points_compared: bool,
    /// Single points of failure of the second design only, in its ranking order.
    pub single_points_added: Vec<spof::SinglePoint>,
    /// Single points of failure of the first design only, in its ranking order.
    pub single_points_removed: Vec<spof::SinglePoint>,
}

impl Diff {
    /// Whether nothing the diff reports changed.
    pub fn is_empty(&self) -> bool {
        self.endpoints_added.is_empty()
            && self.endpoints_removed.is_empty()
            && self.pairs_gained.is_empty()
            && self.pairs_lost.is_empty()
            && self.findings_added.is_empty()
            && self.findings_removed.is_empty()
            && self.intents_changed.is_empty()
            && self.capacity_changed.is_empty()
            && self.single_points_added.is_empty()
            && self.single_points_removed.is_empty()
    }
}

/// An intent of either plan whose verdict is not the same in both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IntentChange {
    /// Source endpoint id.
    pub from: String,
    /// Destination endpoint id.
    pub to: String,
    /// What is expected.
    pub expect: Expect,
    /// The kind of access expected, when the intent names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access: Option<Access>,
    /// Whether it held in the first plan (`null`: the first plan has no such intent).
    pub before: Option<bool>,
    /// Whether it holds in the second plan (`null`: the second plan has no such intent).
    pub after: Option<bool>,
}

impl IntentChange {
    fn of(result: &IntentResult, before: Option<bool>, after: Option<bool>) -> IntentChange {
        IntentChange {
            from: result.from.clone(),
            to: result.to.clone(),
            expect: result.expect,
            access: result.access,
            before,
            after,
        }
    }

    /// Whether it held and now fails.
    pub fn lost(&self) -> bool {
        self.before == Some(true) && self.after == Some(false)
    }
}

/// A capacity row of either plan that is not the same in both.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowChange {
    /// The ends of the row's link (`from → to`), for per-connection rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// The row in the first plan (`null`: none).
    pub before: Option<Row>,
    /// The row in the second plan (`null`: none).
    pub after: Option<Row>,
}

/// The difference between the designs of two prepared networks (see the module).
///
/// # Example
/// ```
/// use reachplan::engine::{diff::diff, read_plan, Network};
/// let before = read_plan(r#"{"reachplan": 1,
///   "nodes": [{"id": "a", "kind": "vnet", "address_space": ["10.1.0.0/16"]},
///             {"id": "b", "kind": "vnet", "address_space": ["10.2.0.0/16"]}],
///   "links": [{"kind": "peering", "from": "a", "to": "b"}]}"#).unwrap();
/// let mut after = before.clone();
/// after.links.clear();
/// let d = diff(&Network::new(&before), &Network::new(&after));
/// assert!(d.regressed);
/// assert_eq!(d.pairs_lost.len(), 2);
/// assert!(d.pairs_gained.is_empty());
/// ```
pub fn diff(before: &Network, after: &Network) -> Diff {
    let (b, a) = (before.summary(), after.summary());
    let changed = compare::pairs(&b.matrix, &a.matrix);
    let (gained, lost) = (changed.gained, changed.lost);
    let explain = |wanted: &[(String, String)]| compare::explained(after, &a.matrix, wanted);
    let pairs_gained = explain(&gained);
    let pairs_lost = explain(&lost);
    let (findings_added, findings_removed) = compare::findings(&b.findings, &a.findings);
    let intents_changed = compare::intents(&b.intents, &a.intents);
    let capacity_changed = compare::capacity(before, after);
    let (endpoints_added, endpoints_removed) =
        compare::endpoints(&b.matrix.endpoints, &a.matrix.endpoints);
    let regressed = changed.lost_count > 0 || intents_changed.iter().any(IntentChange::lost);
    let spofs = spof::compare(before, after);
    let single_points_compared = spofs.is_some();
    let (single_points_added, single_points_removed) = spofs.unwrap_or_default();
    Diff {
        reachplan: 1,
        regressed,
        endpoints_added,
        endpoints_removed,
        pairs_gained_count: changed.gained_count,
        pairs_lost_count: changed.lost_count,
        pairs_gained,
        pairs_lost,
        findings_added,
        findings_removed,
        intents_changed,
        capacity_changed,
        single_points_compared,
        single_points_added,
        single_points_removed,
    }
}
