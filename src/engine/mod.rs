//! The engine: reads a plan, interprets it as a network, and answers who reaches whom.
//!
//! Pure Rust with no I/O and no knowledge of any browser: the CLI, the web app and the tests all
//! call [`read_plan`] and [`analyze`] and show what they return.

pub mod access;
pub mod analysis;
pub mod capacity;
pub mod catalogue;
pub mod clouds;
pub mod design;
pub mod duplicates;
pub mod edit;
pub mod explained;
pub mod focus;
pub mod format;
mod gates;
pub mod generate;
pub mod geo;
pub mod grouped;
pub mod limits;
pub mod locate;
pub mod matrix;
pub mod model;
pub mod network;
mod pair;
mod prepared;
pub mod questions;
pub mod reach;
pub mod report;
pub mod rules;
pub mod share;
pub mod terminal;
pub mod topology;
pub mod transit;
pub mod validate;
pub mod verdict;
mod why;

pub use analysis::{analyze, explain, Analysis, IntentResult, Pair, Story};
pub use format::{read_plan, write_plan, PlanError};
pub use model::Plan;
pub use network::Network;
pub use rules::{Assumption, Block, Finding, Severity};
