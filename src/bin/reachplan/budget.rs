//! The memory budget of each command, said in its help and checked before the allocation: a
//! plan whose answer would not fit is refused with its size, the limit and the way forward.
//!
//! The figures were measured with `scripts/scale.sh` (peak resident memory of the release
//! build); each limit keeps the command under about 3 GB on top of reading the plan.

use reachplan::engine::{self, Plan};

/// What every command says about reading: the plan's size limit and what reading may take.
macro_rules! reading {
    () => {
        "Reading: plans of up to 64 MB; reading the largest (2 million bare nodes)\n\
         takes up to about 3 GB."
    };
}

/// The `check` help's memory paragraph.
pub const CHECK_HELP: &str = concat!(
    "Memory: --summary works on plans of up to 60000 endpoints (its three bit\n\
matrices of N x N take up to about 1.4 GB). The full report (text or --json)\n\
explains every pair: it works on plans of up to 1000 endpoints whose explained\n\
paths, estimated before the analysis from the hops between every two endpoints,\n\
take up to about 3 GB; a larger plan is refused at once with the way forward\n\
(--summary, explain for one pair, or splitting the plan). Above 40 endpoints the\n\
text report is grouped: it counts the pairs as they are judged and holds one\n\
example per group; with --all it holds every answer (refused above about 3 GB).\n",
    reading!()
);

/// The `generate` help's paragraph.
pub const GENERATE_HELP: &str = "Output: at most 64 MB, the most a plan may be to be read \
back\n(about 200000 endpoints); a larger N is refused before anything is generated.";

/// The most endpoints `check --summary` takes: three N × N bit matrices, 1.35 GB at 60,000.
pub const MAX_SUMMARY_ENDPOINTS: usize = 60_000;

/// The most endpoints `diff` takes in each plan: two summaries held together (six N × N bit
/// matrices while assembling, about 0.7 GB at 30,000).
pub const MAX_DIFF_ENDPOINTS: usize = 30_000;

/// The `diff` help's memory paragraph.
pub const DIFF_HELP: &str = concat!(
    "Memory: plans of up to 30000 endpoints each (the two fast matrices take up\n\
to about 0.7 GB); the first 500 changed pairs are explained, the others listed.\n",
    reading!()
);

/// `diff`: refused above [`MAX_DIFF_ENDPOINTS`] endpoints in either plan.
pub fn diff(path: &str, plan: &Plan) -> Result<(), String> {
    let n = endpoints(plan);
    if n <= MAX_DIFF_ENDPOINTS {
        return Ok(());
    }
    Err(format!(
        "{path}: the plan has {n} endpoints; diff compares plans of up to \
         {MAX_DIFF_ENDPOINTS} endpoints (about 0.7 GB for both matrices). Split the plans \
         (by region, or on-premises and Azure apart) and compare the parts."
    ))
}

/// The most endpoints `resilience` takes: one fast matrix per failure domain, two held at a
/// time.
pub const MAX_RESILIENCE_ENDPOINTS: usize = 10_000;

/// The `resilience` help's memory and time paragraph.
pub const RESILIENCE_HELP: &str = concat!(
    "Memory and time: plans of up to 10000 endpoints; one fast matrix per failure domain\n\
(two held at a time, about 25 MB each at 10000 endpoints), so the time grows with the\n\
domains times the matrix (a generated 1000-endpoint plan: see the README).\n",
    reading!()
);

/// `resilience`: refused above [`MAX_RESILIENCE_ENDPOINTS`] endpoints.
pub fn resilience(path: &str, plan: &Plan) -> Result<(), String> {
    let n = endpoints(plan);
    if n <= MAX_RESILIENCE_ENDPOINTS {
        return Ok(());
    }
    Err(format!(
        "{path}: the plan has {n} endpoints; resilience sweeps plans of up to \
         {MAX_RESILIENCE_ENDPOINTS} endpoints (one matrix per failure). Split the plan (by \
         region, or on-premises and Azure apart) and sweep the parts."
    ))
}

/// The most endpoints the full report takes (about a million ordered pairs, each explained).
pub const MAX_REPORT_ENDPOINTS: usize = 1_000;

/// The full report's budget for its search trees (one per endpoint, a few words per state
/// met; 16 MB for a chain of 500 VNets).
pub const TREE_BYTES: usize = 1 << 30;

/// The text report's budget for the answers it holds (every pair, with the paths of those with
/// a way there, on top of the searches and their kept decisions) when it lists every pair;
/// `--json` writes them one at a time and the grouped report counts them as they come.
const REPORT_BYTES: usize = 3 << 30;

/// Generated plans take 306-320 bytes per endpoint; 250 is below that at every size, so a
/// refusal on this figure is never wrong.
const GENERATED_BYTES_PER_ENDPOINT: usize = 250;

fn endpoints(plan: &Plan) -> usize {
    plan.nodes.iter().filter(|n| n.kind.is_endpoint()).count()
}

fn mb(bytes: u64) -> String {
    format!("{} MB", bytes.div_ceil(1 << 20))
}

/// `check --summary`: refused above [`MAX_SUMMARY_ENDPOINTS`].
pub fn summary(path: &str, plan: &Plan) -> Result<(), String> {
    let n = endpoints(plan);
    if n <= MAX_SUMMARY_ENDPOINTS {
        return Ok(());
    }
    let bytes = 3 * (n as u64).pow(2) / 8;
    Err(format!(
        "{path}: the plan has {n} endpoints; the matrix of check --summary would take {} \
         (three bit matrices of {n} x {n}), over its budget of {MAX_SUMMARY_ENDPOINTS} \
         endpoints (about 1.4 GB). Split the plan (by region, or on-premises and Azure \
         apart), or ask about one pair with `reachplan explain {path} FROM TO`.",
        mb(bytes)
    ))
}

/// The full report of `check` (text or JSON): refused above [`MAX_REPORT_ENDPOINTS`]; then
/// [`trees`] and [`collected`] say when the searches or the held answers would not fit.
pub fn report(path: &str, plan: &Plan) -> Result<(), String> {
    let n = endpoints(plan);
    let forward = forward(path);
    if n > MAX_REPORT_ENDPOINTS {
        return Err(format!(
            "{path}: the plan has {n} endpoints, {} ordered pairs; check explains every pair \
             of plans of up to {MAX_REPORT_ENDPOINTS} endpoints. {forward}",
            n.saturating_mul(n - 1)
        ));
    }
    Ok(())
}

fn forward(path: &str) -> String {
    format!(
        "For the counts, run `reachplan check {path} --summary`; for one pair, `reachplan \
         explain {path} FROM TO`; or split the plan."
    )
}

/// `limit`, or a lower one given in the environment variable `var`: the tests' way to see a
/// refusal without the allocation it guards against (a higher one is never taken).
fn lowered(var: &str, limit: usize) -> usize {
    std::env::var(var)
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .map_or(limit, |n| n.min(limit))
}

/// The full report's budget for its searches: [`TREE_BYTES`], or lower for tests
/// (`REACHPLAN_TEST_TREE_BYTES`).
pub fn tree_bytes() -> usize {
    lowered("REACHPLAN_TEST_TREE_BYTES", TREE_BYTES)
}

/// The searches of the full report took more than [`tree_bytes`]: `bytes` is what all of
/// them would take.
pub fn trees(path: &str, plan: &Plan, bytes: usize) -> String {
    format!(
        "{path}: the searches that explain this plan's pairs would take about {} for its {} \
         endpoints, over the full report's budget of {}. {}",
        mb(bytes as u64),
        endpoints(plan),
        mb(tree_bytes() as u64),
        forward(path)
    )
}

/// The text report holds every answer: refused when they would take more than
/// [`REPORT_BYTES`] (`--json` streams them instead).
pub fn collected(path: &str, bytes: usize) -> Result<(), String> {
    let limit = lowered("REACHPLAN_TEST_REPORT_BYTES", REPORT_BYTES);
    if bytes <= limit {
        return Ok(());
    }
    Err(format!(
        "{path}: the text report would hold about {} of answers (every pair, with the paths \
         of those with a way there), over its budget of {}. `reachplan check {path} --json` \
         writes them one at a time. {}",
        mb(bytes as u64),
        mb(limit as u64),
        forward(path)
    ))
}

/// `generate N`: refused when the plan would be larger than the reader takes.
pub fn generate(endpoints: usize) -> Result<(), String> {
    let at_least = endpoints.saturating_mul(GENERATED_BYTES_PER_ENDPOINT);
    if at_least <= engine::format::MAX_PLAN_BYTES {
        return Ok(());
    }
    Err(generated_too_large(endpoints, at_least as u64))
}

/// The refusal of a generated plan of `bytes` (checked again on the text itself).
pub fn generated_too_large(endpoints: usize, bytes: u64) -> String {
    format!(
        "a generated plan of {endpoints} endpoints would be at least {}, more than the {} a \
         plan may be to be read back; ask for at most about {} endpoints",
        mb(bytes),
        mb(engine::format::MAX_PLAN_BYTES as u64),
        engine::format::MAX_PLAN_BYTES / 320 / 1000 * 1000
    )
}

/// The memory paragraph of `explain`, `capacity` and `fmt`, which answer in memory linear in
/// the plan (explain and capacity trace only from the endpoints they answer about).
pub const READING_HELP: &str = concat!(
    "Memory: in proportion to the plan, never to its pairs.\n",
    reading!()
);
