//! Text renderings of an analysis for a terminal, beside the JSON one (`check --json` is the
//! answers serialised): the `check` report ([`check`]), grouped above [`GROUP_ABOVE`]
//! endpoints ([`grouped`]), the `explain` story ([`explain()`]), and the report as a review comment ([`markdown()`]).
//!
//! Ids are safe to print (their syntax is checked when the plan is read); titles and other free
//! text are untrusted, so control characters are replaced before they reach a terminal.

mod check;
mod explain;
mod grouped;
mod hubs;
mod markdown;
pub(crate) mod md;
mod pair;

pub use check::{check, check_grouped, check_with, summary, Rest};
pub use explain::explain;
pub use grouped::GROUP_ABOVE;
pub use markdown::markdown;
