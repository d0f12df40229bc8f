//! What the screen shows of a plan: the whole analysis for plans small enough to explain every
//! pair at each edit, the fast overview (`engine::overview`) above that. Either way the
//! same verdicts (a property test checks it); the selected pair is explained on its own
//! (`engine::explain`).

use std::rc::Rc;

use crate::engine::model::Access;
use crate::engine::overview::{Cell, Overview};
use crate::engine::{Analysis, Assumption, Finding, IntentResult, Network, Severity};
use crate::ui::grouping::Group;

/// The most endpoints for which the app explains every pair at each edit (about 2,000 pairs,
/// a few milliseconds); larger plans get the overview, whose edits stay fast at 10,000
/// endpoints, and the plan-wide list of assumptions is then left out.
pub const FULL_UP_TO: usize = 48;

/// The answers of a plan, from either source.
#[derive(Debug, Clone)]
pub enum Answers {
    /// Every pair explained.
    Full(Rc<Analysis>),
    /// Verdicts, findings and intents, no explanations.
    Fast(Rc<Overview>),
}

impl PartialEq for Answers {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            // The same plan gives the same Rc (the app memoises it); comparing a large matrix
            // bit by bit at every render would cost more than drawing it again.
            (Answers::Full(a), Answers::Full(b)) => Rc::ptr_eq(a, b),
            (Answers::Fast(a), Answers::Fast(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Answers {
    /// The answers the app shows for `plan`: the analysis up to [`FULL_UP_TO`] endpoints, the
    /// overview above.
    pub fn of(network: &Network) -> Answers {
        let plan = network.plan();
        let endpoints = plan.nodes.iter().filter(|n| n.kind.is_endpoint()).count();
        if endpoints <= FULL_UP_TO {
            Answers::Full(Rc::new(network.analysis()))
        } else {
            Answers::Fast(Rc::new(network.overview()))
        }
    }

    /// Endpoint ids, sorted.
    pub fn endpoints(&self) -> &[String] {
        match self {
            Answers::Full(a) => &a.endpoints,
            Answers::Fast(o) => o.endpoints(),
        }
    }

    /// The index of an endpoint id.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.endpoints()
            .binary_search_by(|e| e.as_str().cmp(id))
            .ok()
    }

    /// The verdict of the pair of endpoint indexes (`from`, `to`).
    pub fn cell(&self, from: usize, to: usize) -> Cell {
        match self {
            Answers::Full(a) => {
                let n = a.endpoints.len();
                if from == to || from >= n || to >= n {
                    return Cell::Same;
                }
                let k = from * (n - 1) + if to > from { to - 1 } else { to };
                a.pairs.get(k).map_or(Cell::Unreachable, Cell::from)
            }
            Answers::Fast(o) => o.cell(from, to),
        }
    }

    /// How many ordered pairs are reachable.
    pub fn reachable(&self) -> usize {
        match self {
            Answers::Full(a) => a.pairs.iter().filter(|p| p.reachable).count(),
            Answers::Fast(o) => o.summary.matrix.count(),
        }
    }

    /// How many ordered pairs from a member of `from` to a member of `to` are reachable.
    /// O(|from| · N / 64) with the overview's bit rows.
    pub fn reachable_between(&self, from: &Group, to: &Group) -> usize {
        match self {
            Answers::Full(_) => from
                .members
                .iter()
                .map(|&i| {
                    to.members
                        .iter()
                        .filter(|&&j| self.cell(i, j) == Cell::Reachable)
                        .count()
                })
                .sum(),
            Answers::Fast(o) => from
                .members
                .iter()
                .map(|&i| {
                    o.summary
                        .matrix
                        .row(i)
                        .iter()
                        .zip(&to.mask)
                        .map(|(r, m)| (r & m).count_ones() as usize)
                        .sum::<usize>()
                })
                .sum(),
        }
    }

    /// The kinds of limited access some cell shows.
    pub fn limited_kinds(&self) -> Vec<Access> {
        match self {
            Answers::Full(a) => {
                let mut kinds: Vec<Access> = a
                    .pairs
                    .iter()
                    .filter_map(|p| match Cell::from(p) {
                        Cell::Limited(access) => Some(access),
                        _ => None,
                    })
                    .collect();
                crate::engine::order::sort(&mut kinds);
                kinds.dedup();
                kinds
            }
            Answers::Fast(o) => o.limited_kinds(),
        }
    }

    /// Findings, errors first.
    pub fn findings(&self) -> &[Finding] {
        match self {
            Answers::Full(a) => &a.findings,
            Answers::Fast(o) => &o.summary.findings,
        }
    }

    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings()
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// The intents with their verdicts, in plan order.
    pub fn intents(&self) -> &[IntentResult] {
        match self {
            Answers::Full(a) => &a.intents,
            Answers::Fast(o) => &o.summary.intents,
        }
    }

    /// The assumptions the answers rest on; `None` for the overview, which collects none.
    pub fn assumptions(&self) -> Option<&[Assumption]> {
        match self {
            Answers::Full(a) => Some(&a.assumptions),
            Answers::Fast(_) => None,
        }
    }
}
