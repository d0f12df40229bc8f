//! The documentation widget's WebAssembly entry (`<reach-plan>`, see `reachplan::widget`).
//! Built by scripts/build-widget.sh; `www/reach-plan.js` loads it and calls its exports.

pub use reachplan::widget::api::{mount, Handle};

fn main() {}
