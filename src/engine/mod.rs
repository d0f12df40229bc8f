//! The engine: reads a plan, interprets it as a network, and answers who reaches whom.
//!
//! Pure Rust with no I/O and no knowledge of any browser: the CLI, the web app and the tests all
//! call [`read_plan`] and [`analyze`] and show what they return.

pub(crate) mod access;
pub mod analysis;
pub mod capacity;
pub mod catalogue;
pub mod clouds;
mod decision;
pub(crate) mod design;
pub mod diff;
pub mod duplicates;
pub mod edit;
pub mod explained;
pub(crate) mod focus;
pub mod format;
mod gates;
pub mod generate;
pub mod geo;
mod hairpin;
pub mod limits;
pub mod locate;
pub mod matrix;
pub mod model;
mod naive;
pub mod network;
pub(crate) mod order;
pub mod overview;
mod pair;
pub mod path_at;
mod prepared;
mod quick;
pub(crate) mod reach;
pub mod resilience;
pub mod rules;
pub mod share;
pub mod summary;
pub mod terminal;
pub mod text;
pub(crate) mod topology;
pub(crate) mod transit;
pub(crate) mod validate;
pub mod verdict;
mod why;
pub mod words;

pub use analysis::{analyze, explain, Analysis, IntentResult, Pair, Story};
pub use focus::Answers;
pub use format::{read_plan, write_plan, PlanError};
pub use model::Plan;
pub use network::Network;
pub use reach::{Hop, Trace};
pub use rules::{Assumption, Block, Finding, Severity};
