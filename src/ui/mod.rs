//! The browser app: a Yew (client-side rendered) front end over the pure engine.
//!
//! Codemap: [`app`] wires everything together; [`state`] holds the one `State` with its
//! `Action`s and undo [`history`] (no rendering there); [`ops`] are consistent plan edits;
//! [`layout`] places nodes; [`drawing`] holds the edits drawn on the diagram; [`path`] turns a pair's story into what the diagram highlights;
//! [`surge`] is the capacity panel's arithmetic;
//! [`reveal`] scrolls a selected cell's explanation into view on a narrow screen,
//! [`storage`] autosaves, [`url`] carries share links, [`clipboard`] copies them, [`notice`]
//! is the message above the work area, [`export`] downloads files, [`azure`] fetches the Azure
//! module (the importer and the export) when it is first needed, [`files`] reads a chosen plan
//! file,
//! [`templates`] are the plans to start from, [`views`] show a failure or a comparison
//! without editing the plan, and [`panic`] keeps the plan exportable if the
//! app fails. [`components`] and [`inspector`] render; they receive data as props and send
//! [`state::Action`]s up through one callback.
//!
//! Invariant: user text (names, descriptions, titles) is only ever rendered as text nodes or
//! attribute values, never as markup.

pub mod answers;
pub mod app;
pub mod azure;
pub mod clipboard;
pub mod components;
pub mod defer;
pub mod drawing;
pub mod export;
pub mod files;
pub mod fixes;
pub mod grouping;
pub mod history;
pub mod inspector;
pub mod layout;
pub mod network;
pub mod notice;
pub mod ops;
pub mod panic;
pub mod path;
pub mod reveal;
pub mod state;
pub mod storage;
pub mod story;
pub mod surge;
pub mod templates;
pub mod url;
pub mod views;
pub mod visible;

/// Starts the app in the page's `#app` element (or the body when there is none).
pub fn run() {
    panic::install();
    match gloo::utils::document().get_element_by_id("app") {
        Some(root) => {
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
