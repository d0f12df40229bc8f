//! The prepared network: a plan interpreted once (topology, effective settings, overlaps,
//! limits and the findings they give), then asked any number of questions.
//!
//! ```text
//! let net = Network::new(&plan);   // once per plan version
//! net.verdicts()                   // every ordered pair, as bits (the fast matrix)
//! net.overview()                   // the summary with every cell's verdict
//! net.story("staff", "hq")         // one pair explained, with both traces
//! net.answers(&[("a", "b")])       // a few pairs explained
//! net.analysis()                   // every pair explained (what `check --json` prints)
//! net.capacity(surge)              // capacity rows, findings, what breaks first
//! ```
//!
//! Questions never rebuild the network: the CLI, the app and the documentation widget build one
//! per plan version and ask it. Answers speak in plan ids and plan link indexes, never in the
//! engine's internal node or connection numbers. Whether a pair is reachable is decided in one
//! place, [`verdict`](super::verdict), whichever question asks.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::analysis::{self, Analysis, Story};
use super::capacity::{self, Capacity};
use super::focus::{self, Answers};
use super::matrix::overview::{self, Overview};
use super::matrix::summary::{self, Summary};
use super::matrix::{self, Matrix, Sharing};
use super::model::Plan;
use super::topology::Net;
use super::validate;

/// A plan interpreted once, ready for questions. Building it costs the topology (linear in the
/// plan, plus the overlap check, O(n log n) in address prefixes); each question then costs
/// what its own documentation says.
#[derive(Debug)]
pub struct Network {
    /// The topology, with the findings of its links, gateways, overlaps and limits.
    pub(crate) net: Net,
    /// Endpoint pairs (lower node number first) whose address spaces overlap, with the message.
    pub(crate) overlaps: BTreeMap<(usize, usize), String>,
}

impl Network {
    /// Prepares the network of a plan that [`read_plan`](super::read_plan) accepted (from a
    /// copy of it).
    pub fn new(plan: &Plan) -> Network {
        Network::of(Arc::new(plan.clone()))
    }

    /// Prepares the network of a shared plan, without copying it.
    pub fn of(plan: Arc<Plan>) -> Network {
        let mut net = Net::of(plan);
        let overlaps = validate::overlaps(&mut net);
        validate::limits(&mut net);
        Network { net, overlaps }
    }

    /// The plan it interprets.
    pub fn plan(&self) -> &Plan {
        &self.net.plan
    }

    /// Every ordered pair's two-way answer as bits (see [`matrix`]).
    pub fn verdicts(&self) -> Matrix {
        matrix::reachability_in(&self.net, &self.overlaps, Sharing::Full)
    }

    /// The verdicts sharing only as much as `sharing` says (every choice gives the same
    /// matrix; the bench and the tests compare them).
    pub fn verdicts_sharing(&self, sharing: Sharing) -> Matrix {
        matrix::reachability_in(&self.net, &self.overlaps, sharing)
    }

    /// The counts of `check --summary` (see [`summary`]).
    pub fn summary(&self) -> Summary {
        let with_access = self.plan().intents.iter().any(|i| i.access.is_some());
        summary::summary_of(self, with_access).0
    }

    /// The summary with every cell's verdict (see [`overview`]).
    pub fn overview(&self) -> Overview {
        overview::overview_of(self)
    }

    /// Every pair explained, with findings, assumptions and intents (see
    /// [`analyze`](super::analyze)).
    pub fn analysis(&self) -> Analysis {
        analysis::analysis_of(self)
    }

    /// The explained answers of a few pairs (see [`focus`]).
    pub fn answers(&self, wanted: &[(&str, &str)]) -> Answers {
        focus::traced(self, wanted).0
    }

    /// One pair's full story: its answer and both traces; `None` unless `from` and `to` are
    /// two different endpoints of the plan.
    pub fn story(&self, from: &str, to: &str) -> Option<Story> {
        focus::story_of(self, from, to)
    }

    /// Capacity at a surge multiple (see [`capacity`](super::capacity)).
    pub fn capacity(&self, surge: f64) -> Capacity {
        capacity::capacity_of(self, surge)
    }
}
