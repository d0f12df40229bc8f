//! The documentation widget: the planner as one `<reach-plan>` element in a docs page.
//!
//! `www/reach-plan.js` defines the element. It attaches an open shadow root, loads
//! `widget.css` into it with a `<link>`, reads the plan (the `src` attribute, a child
//! `<script type="application/json">`, or a share link), parses it and calls [`api::mount`],
//! which checks it with the reader's own checks ([`crate::engine::format::check`]), renders
//! [`view::Widget`] into an element of that shadow root and returns an [`api::Handle`]: the
//! element's JavaScript surface (get and set the plan, read the analysis, reset).
//!
//! Codemap: [`model`] is the widget's reducer (the app's [`crate::ui::state::State`] plus the
//! article's plan to reset to); [`bridge`] is what the handle and the view share; [`view`] lays
//! out the [`diagram`] (drawn still, to stay small), the app's matrix and explanation, and
//! [`tweak`], the panel that switches a link's flags or removes a node; [`since`] marks the
//! matrix cells gained and lost since Reset; [`edit`] brings the
//! app's canvas, palette, inspectors and findings into the edit build only.
//!
//! Invariants: the widget never writes the host page's URL, history, storage or styles (no
//! listeners on the document either); several widgets on one page share nothing but the code.

pub mod api;
pub mod bridge;
pub mod diagram;
pub mod edit;
pub mod model;
pub mod since;
pub mod tweak;
pub mod view;
