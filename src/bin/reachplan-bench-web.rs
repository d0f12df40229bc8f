//! The WebAssembly half of the benchmark: the engine's analysis of generated plans, compiled
//! for the browser. `scripts/bench.sh` builds it, loads it in headless Chromium
//! (`e2e/bench-web.mjs`), times each export with `performance.now()` and hands the figures to
//! `reachplan-bench --wasm`, which prints them beside the native ones. It also times the
//! import of a generated Azure Resource Graph dump (`reachplan-bench-import`'s, in the page).

use reachplan::engine::generate::generate;
use reachplan::engine::matrix::reachability;
use reachplan::engine::summary;
use reachplan::engine::{read_plan, write_plan, Plan};
use reachplan::import::{import, sample, ImportOptions};
use wasm_bindgen::prelude::*;

/// A generated plan of about `endpoints` endpoints, as plan JSON (the same as
/// `reachplan generate ENDPOINTS --seed SEED`).
#[wasm_bindgen(js_name = generatePlan)]
pub fn generate_plan(endpoints: usize, seed: u32) -> String {
    write_plan(&generate(endpoints, u64::from(seed)))
}

/// A plan read once, to be analysed many times.
#[wasm_bindgen]
pub struct Bench {
    plan: Plan,
}

#[wasm_bindgen]
impl Bench {
    /// Reads plan JSON; the message names where it is wrong.
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str) -> Result<Bench, String> {
        read_plan(text)
            .map(|plan| Bench { plan })
            .map_err(|e| format!("{}:{}: {}", e.line, e.column, e.message))
    }

    /// The number of endpoints.
    pub fn endpoints(&self) -> usize {
        self.plan
            .nodes
            .iter()
            .filter(|n| n.kind.is_endpoint())
            .count()
    }

    /// The fast matrix (network, overlaps, every pair's answer); returns the reachable pairs.
    pub fn matrix(&self) -> usize {
        reachability(&self.plan).count()
    }

    /// The summary of `check --summary` (matrix, findings, intents); returns the reachable
    /// pairs.
    pub fn summary(&self) -> usize {
        summary::summarize(&self.plan).matrix.count()
    }
}

/// Reads plan JSON and returns its node count (the time of reading a plan).
#[wasm_bindgen]
pub fn read(text: &str) -> Result<usize, String> {
    read_plan(text)
        .map(|plan| plan.nodes.len())
        .map_err(|e| e.message)
}

/// A generated Azure Resource Graph dump of `resources` resources (the same as the native
/// import bench's).
#[wasm_bindgen(js_name = resourceGraph)]
pub fn resource_graph(resources: usize) -> String {
    sample::resource_graph(resources)
}

/// Imports the text as one file (what "Import from Azure…" does with a dropped file); returns
/// the number of nodes made.
#[wasm_bindgen(js_name = importAzure)]
pub fn import_azure(text: &str) -> Result<usize, String> {
    let files = [("graph.json".to_string(), text.to_string())];
    import(&files, &ImportOptions::default())
        .map(|imported| imported.plan.nodes.len())
        .map_err(|e| e.to_string())
}

fn main() {}
