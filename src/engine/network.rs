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

use super::analysis::{self, Analysis, Story};
use super::capacity::{self, Capacity};
use super::explained::Explained;
use super::focus::{self, Answers};
use super::matrix::overview::{self, Overview};
use super::matrix::summary::{self, Summary};
use super::matrix::{self, Matrix, Sharing};

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
        analysis::analysis_of(self)
    }

    /// Every pair explained on demand: searched once per endpoint, judged pair by pair (see
    /// [`explained`](super::explained)); what `check --json` streams.
    pub fn explained(&self) -> Explained<'_> {
        Explained::new(self)
    }

    /// The explained answers of a few pairs (see [`focus`]).
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
}
