//! The browser app's Azure module: the importer and the export, in a WebAssembly module of
//! their own that the app loads the first time "Import from Azure…" or "Export as Bicep" is
//! used (`ui::azure`), so that the first screen does not carry them. Built by
//! `scripts/build-app.sh` beside the app; requests and replies are JSON text
//! (`reachplan::handoff`).

use wasm_bindgen::prelude::*;

/// Imports files into the open plan: an `ImportRequest` in, an `ImportReply` out (JSON).
#[wasm_bindgen(js_name = importInto)]
pub fn import_into(request: &str) -> String {
    reachplan::handoff::import_into(request)
}

/// Exports the plan: an `ExportRequest` (JSON) in, the Bicep file or ARM template out.
///
/// # Errors
/// Why the request could not be read.
#[wasm_bindgen(js_name = exportPlan)]
pub fn export_plan(request: &str) -> Result<String, String> {
    reachplan::handoff::export(request)
}

fn main() {}
