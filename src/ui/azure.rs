//! The Azure module: the importer and the export live in a second WebAssembly module
//! (`reachplan-azure.js` and its `_bg.wasm` beside the page, `src/bin/reachplan-azure.rs`),
//! imported the first time "Import from Azure…" or "Export as Bicep" is used, so that the first
//! screen does not carry them. Its script comes from the page's own origin, so the strict
//! Content-Security-Policy (`script-src 'self' 'wasm-unsafe-eval'`) lets it in.
//!
//! Requests and replies are JSON text ([`crate::handoff`]). A module that cannot be fetched,
//! or that fails, is an error message here, never a panic; the next use tries to fetch it
//! again.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::engine::{Assumption, Plan};
use crate::handoff::{ExportRequest, Format, ImportReply, ImportRequest};

// The glue of the module, imported once; it fetches and compiles its `_bg.wasm` beside it. The
// address is the page's (where the build puts both modules), not this script's.
#[wasm_bindgen(inline_js = r#"
let loading = null;
export function azureModule() {
  if (!loading) {
    loading = import(new URL('reachplan-azure.js', document.baseURI).href)
      .then(async (m) => { await m.default(); return m; })
      .catch((e) => { loading = null; throw e; });
  }
  return loading;
}
export async function azureImport(request) {
  return (await azureModule()).importInto(request);
}
export async function azureExport(request) {
  return (await azureModule()).exportPlan(request);
}
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = azureModule)]
    async fn module() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = azureImport)]
    async fn import_text(request: String) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = azureExport)]
    async fn export_text(request: String) -> Result<JsValue, JsValue>;
}

/// Fetches and starts the module, once (a later call waits for the same load).
///
/// # Errors
/// Why it could not be loaded.
pub async fn load() -> Result<(), String> {
    module().await.map(drop).map_err(|e| said(&e))
}

/// Imports files into the open plan.
///
/// # Errors
/// Why the module could not be loaded or run; its reply says why an import imported nothing.
pub async fn import(request: &ImportRequest) -> Result<ImportReply, String> {
    let request = serde_json::to_string(request).map_err(|e| e.to_string())?;
    load().await?;
    let reply = import_text(request).await.map_err(|e| said(&e))?;
    let reply = reply.as_string().unwrap_or_default();
    serde_json::from_str(&reply).map_err(|e| format!("its reply could not be read ({e})"))
}

/// The plan exported as a Bicep file or an ARM template; `assumptions` go into its header.
///
/// # Errors
/// Why the module could not be loaded or run.
pub async fn export(
    plan: &Plan,
    assumptions: &[Assumption],
    format: Format,
) -> Result<String, String> {
    let request = ExportRequest::new(plan, assumptions, format);
    let request = serde_json::to_string(&request).map_err(|e| e.to_string())?;
    load().await?;
    let text = export_text(request).await.map_err(|e| said(&e))?;
    text.as_string()
        .ok_or_else(|| "it gave back no text".to_string())
}

/// A JavaScript error (a failed fetch, a module that would not compile, a trap) in words.
fn said(error: &JsValue) -> String {
    if let Some(e) = error.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    error
        .as_string()
        .unwrap_or_else(|| "an unknown error".to_string())
}
