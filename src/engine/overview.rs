//! What a screen shows of a plan of any size, fast: the summary (the matrix, findings and
//! intents of `check --summary`) and each cell's verdict — reachable, one way only, limited
//! access (R9.x) or not reachable — without explaining any pair. The app explains the pair a
//! person selects (see [`focus`](super::focus)); the verdicts are those of
//! [`analyze`](super::analyze)'s pairs (a property test checks it).

use std::collections::HashMap;

use super::access::Limited;
use super::analysis::Pair;
use super::model::{Access, NodeKind, Plan};
use super::prepared::Network;
use super::summary::{summary_of, Summary};
use super::verdict::{self, Verdict, Ways};

/// The verdict of one cell of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// The row and the column are the same endpoint.
    Same,
    /// Traffic goes and comes back.
    Reachable,
    /// There is a way there but none back.
    OneWay,
    /// No network route, but access of a limited kind (desktop, RDP/SSH, HTTPS).
    Limited(Access),
    /// No way at all.
    Unreachable,
}

/// The summary with every cell's verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    /// The answers, findings and intents.
    pub summary: Summary,
    /// Limited access of pairs that are not reachable, by endpoint indexes.
    limited: Limited,
    /// The kind of each endpoint.
    kinds: Vec<NodeKind>,
    /// The kinds of limited access some cell shows, sorted.
    shown: Vec<Access>,
}

impl Overview {
    /// Endpoint ids, sorted.
    pub fn endpoints(&self) -> &[String] {
        &self.summary.matrix.endpoints
    }

    /// The verdict of the pair (`from`, `to`), as endpoint indexes. O(1).
    pub fn cell(&self, from: usize, to: usize) -> Cell {
        let m = &self.summary.matrix;
        if from == to {
            return Cell::Same;
        }
        let kind = |i: usize| self.kinds.get(i).copied().unwrap_or(NodeKind::Vnet);
        let fate = verdict::decide(Ways {
            from: kind(from),
            to: kind(to),
            there: m.goes(from, to),
            back: m.goes(to, from),
            overlap: m.overlap(from, to),
        });
        match fate {
            Verdict::Reachable => Cell::Reachable,
            Verdict::OneWay => Cell::OneWay,
            _ => match self.limited.get(&(from, to)) {
                Some(&access) => Cell::Limited(access),
                None => Cell::Unreachable,
            },
        }
    }

    /// The kinds of limited access some cell shows, sorted.
    pub fn limited_kinds(&self) -> Vec<Access> {
        self.shown.clone()
    }
}

/// The overview of a plan. Complexity: that of [`summarize`](super::summary::summarize) with
/// the access rules always asked (O(A N) for A Bastion, virtual-desktop and Application
/// Gateway connections).
///
/// # Example
/// ```
/// use reachplan::engine::overview::{overview, Cell};
/// use reachplan::engine::read_plan;
/// let plan = read_plan(r#"{"reachplan": 1,
///   "nodes": [{"id": "a", "kind": "vnet", "address_space": ["10.1.0.0/16"]},
///             {"id": "b", "kind": "vnet", "address_space": ["10.2.0.0/16"]}],
///   "links": [{"kind": "peering", "from": "a", "to": "b"}]}"#).unwrap();
/// let o = overview(&plan);
/// assert_eq!(o.cell(0, 1), Cell::Reachable);
/// assert_eq!(o.cell(1, 1), Cell::Same);
/// ```
pub fn overview(plan: &Plan) -> Overview {
    Network::new(plan).overview()
}

/// [`overview`] of a prepared network.
pub(crate) fn overview_of(network: &Network) -> Overview {
    let plan = network.plan();
    let (summary, limited) = summary_of(network, true);
    let m = &summary.matrix;
    let by_id: HashMap<&str, NodeKind> =
        plan.nodes.iter().map(|n| (n.id.as_str(), n.kind)).collect();
    let kinds = m
        .endpoints
        .iter()
        .map(|id| by_id.get(id.as_str()).copied().unwrap_or(NodeKind::Vnet))
        .collect();
    let mut overview = Overview {
        summary,
        limited,
        kinds,
        shown: Vec::new(),
    };
    // Three kinds at most: stop looking once all are seen.
    let mut shown: Vec<Access> = Vec::new();
    for (&(i, j), &access) in &overview.limited {
        if !shown.contains(&access) && matches!(overview.cell(i, j), Cell::Limited(_)) {
            shown.push(access);
            if shown.len() == 3 {
                break;
            }
        }
    }
    shown.sort();
    overview.shown = shown;
    overview
}

impl From<&Pair> for Cell {
    /// The verdict of one of [`analyze`](super::analyze)'s pairs.
    fn from(pair: &Pair) -> Cell {
        if pair.reachable {
            Cell::Reachable
        } else if pair.one_way {
            Cell::OneWay
        } else {
            match pair.access {
                Some(a) if a != Access::Network && a != Access::None => Cell::Limited(a),
                _ => Cell::Unreachable,
            }
        }
    }
}
