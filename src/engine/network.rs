//! The prepared network: a plan interpreted once (topology, effective settings, overlaps,
//! limits and the findings they give), then asked any number of questions.
//!
//! ```text
//! let net = Network::new(&plan);   // once per plan version
//! net.verdicts()                   // every ordered pair, as bits (the fast matrix)
//! net.overview()                   // the summary with every cell's verdict
//! net.story("staff", "hq")         // one pair explained, with both traces
//! net.answers(&[("a", "b")])       // a few pairs explained
//! net.explained()                  // every pair explained on demand (`check --json` streams it)
//! net.analysis()                   // every pair explained, collected
//! net.capacity(surge)              // capacity rows, findings, what breaks first
//! ```
//!
//! Questions never rebuild the network: the CLI, the app and the documentation widget build one
//! per plan version and ask it. Answers speak in plan ids and plan link indexes, never in the
//! engine's internal node or connection numbers. Whether a pair is reachable is decided in one
//! place, [`verdict`](super::verdict), whichever question asks.

use super::analysis::{Analysis, Story};
use super::capacity::{self, Capacity};
use super::explained::Explained;
use super::focus::{self, Answers};
use super::matrix::{self, Matrix, Sharing};
use super::naive;
use super::overview::{self, Overview};
use super::summary::{self, Summary};

pub use super::prepared::Network;

/// The questions (the network itself, and how it is built, are in `prepared`, a floor below
/// the modules that answer, so that none of them imports this one).
impl Network {
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
        Explained::new(self).analysis()
    }

    /// Every pair explained on demand: searched once per endpoint, judged pair by pair (see
    /// [`explained`](super::explained)); what `check --json` streams.
    pub fn explained(&self) -> Explained<'_> {
        Explained::new(self)
    }

    /// [`Network::explained`] within a memory budget for its search trees: the error is the
    /// bytes they would take (see [`Explained::within`]).
    pub fn explained_within(&self, max_bytes: usize) -> Result<Explained<'_>, usize> {
        Explained::within(self, max_bytes)
    }

    /// The explained answers of the pairs in `wanted`; pairs that are not two different endpoints
    /// of the plan are left out. Complexity: one trace per distinct endpoint named (and per VNet a
    /// Bastion or virtual desktop of a source reaches through), instead of one per endpoint of the
    /// plan, and one judgement per pair asked for.
    ///
    /// # Example
    /// ```
    /// use reachplan::engine::{read_plan, Network};
    /// let plan = read_plan(r#"{"reachplan": 1,
    ///   "nodes": [{"id": "a", "kind": "vnet", "address_space": ["10.1.0.0/16"]},
    ///             {"id": "b", "kind": "vnet", "address_space": ["10.2.0.0/16"]},
    ///             {"id": "c", "kind": "vnet", "address_space": ["10.3.0.0/16"]}],
    ///   "links": [{"kind": "peering", "from": "a", "to": "b"},
    ///             {"kind": "peering", "from": "b", "to": "c"}]}"#).unwrap();
    /// let answers = Network::new(&plan).answers(&[("a", "c")]);
    /// assert_eq!(answers.pair("a", "c").unwrap().rule.map(|r| r.id()), Some("R1.1"));
    /// assert!(answers.pair("a", "b").is_none());
    /// ```
    pub fn answers(&self, wanted: &[(&str, &str)]) -> Answers {
        focus::traced(self, wanted)
    }

    /// One pair's full story: its answer and both traces; `None` unless `from` and `to` are
    /// two different endpoints of the plan.
    pub fn story(&self, from: &str, to: &str) -> Option<Story> {
        focus::story_of(self, from, to)
    }

    /// Capacity at a surge multiple (see [`capacity`]).
    pub fn capacity(&self, surge: f64) -> Capacity {
        capacity::capacity_of(self, surge)
    }

    /// Whether `from` reaches `to` both ways, by the naive reading of the rules: one search per
    /// pair, nothing shared (see [`naive`]). The reference the tests and the bench hold the
    /// verdicts against; `None` unless both are endpoints of the plan.
    pub fn reachable_naive(&self, from: &str, to: &str) -> Option<bool> {
        naive::reachable(self, from, to)
    }
}
