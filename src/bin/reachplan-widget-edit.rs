//! The documentation widget's WebAssembly entry with edit mode (`<reach-plan mode="edit">`):
//! the view build plus the planner's palette, inspectors and findings.
//! Built by scripts/build-widget.sh; `www/reach-plan.js` loads it only when a page asks for it.

pub use reachplan::widget::api::{mount, Handle};

fn main() {
    reachplan::widget::edit::install();
}
