//! `reachplan-bench`: any-to-any on generated plans of 100, 1,000 and 10,000 endpoints, timed
//! natively, against the naive reading of the rules (`Network::reachable_naive`), with peak memory.
//!
//! Run it with `cargo run --release --bin reachplan-bench [-- SIZE... --seed S]`. For each size
//! it prints the median time of reading the plan, of the fast matrix (`Network::verdicts`:
//! building the network, its overlaps and every pair's answer), of the whole summary (with the
//! findings and intents of `check --summary`) and of the matrix with one search per endpoint
//! (what a plan without twins costs); the twin classes and `transit::hop` calls; the oracle's
//! time (one search per pair; on large plans, timed on a sample of pairs and extrapolated, as
//! the output says); the ratio; and the peak resident memory while the matrix is computed
//! (VmHWM, reset before each size) with the size of the bit matrices. The oracle's answers on
//! the pairs it times are checked against the matrix: a difference exits 1.
//!
//! `--wasm FILE` adds the WebAssembly figures that `e2e/bench-web.mjs` measured in headless
//! Chromium on the same plans (same sizes and seed): `scripts/bench.sh` runs both in one
//! command.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use reachplan::engine::generate::generate;
use reachplan::engine::matrix::{self, Matrix, Sharing};
use reachplan::engine::{overview, read_plan, summary, write_plan, Network, Plan};

/// How long the oracle may run per size before its time is extrapolated.
const ORACLE_BUDGET: Duration = Duration::from_secs(4);

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// The median of `runs` timings of `f`, and its last result.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Option<T>) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        let value = f();
        times.push(started.elapsed());
        last = Some(value);
    }
    (median(times), last)
}

/// A field of /proc/self/status, in kB.
fn status_kb(field: &str) -> Option<u64> {
    let text = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = text.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Resets the peak resident set size (VmHWM) to the current one; false where unsupported.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

struct OracleRun {
    pairs: usize,
    elapsed: Duration,
    total: usize,
    mismatches: usize,
}

/// Times the oracle on the pairs of `plan` in a fixed scattered order until all are done or
/// the budget is spent, checking each answer against `fast`.
fn oracle(plan: &Plan, fast: &Matrix) -> OracleRun {
    let started = Instant::now();
    let network = Network::new(plan);
    let endpoints: Vec<&str> = plan
        .nodes
        .iter()
        .filter(|n| n.kind.is_endpoint())
        .map(|n| n.id.as_str())
        .collect();
    let n = endpoints.len();
    let total = n * n.saturating_sub(1);
    let index: Vec<Option<usize>> = endpoints.iter().map(|e| fast.index(e)).collect();
    // A stride coprime with the number of ordered slots visits them all in a scattered order.
    let slots = n * n;
    let mut stride = (slots as f64 * 0.618_033_988_7) as usize | 1;
    while slots > 0 && gcd(stride, slots) != 1 {
        stride += 2;
    }
    let (mut pairs, mut mismatches, mut at) = (0, 0, 0);
    for _ in 0..slots {
        at = (at + stride) % slots;
        let (i, j) = (at / n, at % n);
        if i == j {
            continue;
        }
        let answer = network
            .reachable_naive(endpoints[i], endpoints[j])
            .unwrap_or(false);
        let expected = index[i]
            .zip(index[j])
            .is_some_and(|(a, b)| fast.reachable(a, b));
        if answer != expected {
            mismatches += 1;
            eprintln!(
                "oracle and matrix differ: {} → {}",
                endpoints[i], endpoints[j]
            );
        }
        pairs += 1;
        if pairs % 64 == 0 && started.elapsed() > ORACLE_BUDGET {
            break;
        }
    }
    OracleRun {
        pairs,
        elapsed: started.elapsed(),
        total,
        mismatches,
    }
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

struct Row {
    endpoints: usize,
    matrix: Duration,
    oracle: Duration,
    peak_mb: Option<f64>,
    wasm: Option<Duration>,
    wasm_mb: Option<f64>,
}

impl Row {
    /// A size whose answers could not be compared: only the matrix time.
    fn unanswered(endpoints: usize, matrix: Duration) -> Row {
        Row {
            endpoints,
            matrix,
            oracle: Duration::ZERO,
            peak_mb: None,
            wasm: None,
            wasm_mb: None,
        }
    }
}

/// What `e2e/bench-web.mjs` measured for one size in WebAssembly.
#[derive(serde::Deserialize)]
struct WasmRow {
    size: usize,
    endpoints: usize,
    reachable: usize,
    runs: usize,
    matrix_ms: f64,
    summary_ms: f64,
    memory_mb: f64,
}

#[derive(serde::Deserialize)]
struct WasmRun {
    chromium: String,
    seed: u64,
    results: Vec<WasmRow>,
}

fn read_wasm(path: &str) -> Result<WasmRun, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))
}

fn bench(endpoints: usize, seed: u64, wasm: Option<&WasmRun>) -> (Row, usize) {
    let runs = if endpoints >= 5_000 { 5 } else { 9 };
    let plan = generate(endpoints, seed);
    let text = write_plan(&plan);
    let (read, _) = time(runs.min(5), || read_plan(&text).is_ok());
    // Peak memory of one computation, from a peak reset to the resident size before it.
    let reset = reset_peak();
    let before = status_kb("VmRSS:");
    let once = matrix::reachability(&plan);
    let peak = status_kb("VmHWM:").filter(|_| reset);
    drop(once);
    let (fast, matrix) = time(runs, || matrix::reachability(&plan));
    let Some(matrix) = matrix else {
        return (Row::unanswered(endpoints, fast), 0);
    };
    let (whole, _) = time(runs, || summary::summarize(&plan));
    let (cells, _) = time(runs, || overview::overview(&plan).endpoints().len());
    let (alone, _) = time(runs.min(3), || {
        Network::new(&plan)
            .verdicts_sharing(Sharing::PerEndpoint)
            .count()
    });
    let run = oracle(&plan, &matrix);
    let per_pair = run.elapsed.as_secs_f64() / run.pairs.max(1) as f64;
    let oracle_total = Duration::from_secs_f64(per_pair * run.total as f64);
    let sampled = run.pairs < run.total;
    println!(
        "\n{endpoints} endpoints ({} nodes, {} links; {} of {} ordered pairs reachable)",
        plan.nodes.len(),
        plan.links.len(),
        matrix.count(),
        run.total
    );
    println!(
        "  read the plan (JSON, {} kB)   {}",
        text.len() / 1024,
        ms(read)
    );
    println!("  fast matrix, native           {}   (median of {runs}; {} twin classes, {} transit::hop calls)", ms(fast), matrix.classes, matrix.hops);
    println!("  summary (matrix + findings)   {}   (with limited access, as after an edit in the app: {})", ms(whole), ms(cells));
    let in_wasm = wasm.and_then(|w| {
        let row = w.results.iter().find(|r| r.size == endpoints)?;
        Some((w, row))
    });
    let mut wasm_matrix = None;
    let mut wasm_mb = None;
    if let Some((w, row)) = in_wasm {
        if row.endpoints != matrix.endpoints.len() || row.reachable != matrix.count() {
            eprintln!(
                "the WebAssembly run answered {} endpoints, {} reachable pairs; native {}, {}",
                row.endpoints,
                row.reachable,
                matrix.endpoints.len(),
                matrix.count()
            );
            return (Row::unanswered(endpoints, fast), 1);
        }
        println!(
            "  fast matrix, WebAssembly      {:.2} ms   (median of {}, headless Chromium {})",
            row.matrix_ms, row.runs, w.chromium
        );
        println!("  summary, WebAssembly          {:.2} ms", row.summary_ms);
        println!(
            "  WebAssembly memory            {:.1} MB   (linear memory after this size; it never shrinks)",
            row.memory_mb
        );
        wasm_matrix = Some(Duration::from_secs_f64(row.matrix_ms / 1000.0));
        wasm_mb = Some(row.memory_mb);
    }
    println!(
        "  one search per endpoint       {}   (no twins shared)",
        ms(alone)
    );
    if sampled {
        println!(
            "  naive oracle                  {:.1} s   extrapolated from {} of {} pairs timed in {:.1} s",
            oracle_total.as_secs_f64(),
            run.pairs,
            run.total,
            run.elapsed.as_secs_f64()
        );
    } else {
        println!(
            "  naive oracle                  {}   (all {} pairs)",
            ms(oracle_total),
            run.total
        );
    }
    println!(
        "  oracle / fast matrix          {:.0}x{}",
        oracle_total.as_secs_f64() / fast.as_secs_f64().max(1e-9),
        if sampled { " (extrapolated)" } else { "" }
    );
    let peak_mb = peak.map(|kb| kb as f64 / 1024.0);
    let bits = matrix.size_bytes() as f64 / 1_048_576.0;
    match (peak_mb, before) {
        (Some(mb), Some(kb)) => println!(
            "  peak memory (VmHWM)           {mb:.1} MB   ({:.1} MB before: the plan and its text; bit matrices {bits:.1} MB)",
            kb as f64 / 1024.0
        ),
        _ => println!("  peak memory                   not measured here (bit matrices {bits:.1} MB)"),
    }
    (
        Row {
            endpoints,
            matrix: fast,
            oracle: oracle_total,
            peak_mb,
            wasm: wasm_matrix,
            wasm_mb,
        },
        run.mismatches,
    )
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut sizes = Vec::new();
    let mut seed = 1;
    let mut wasm_file = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--seed" => {
                i += 1;
                seed = args.get(i).and_then(|s| s.parse().ok()).unwrap_or(seed);
            }
            "--wasm" => {
                i += 1;
                wasm_file = args.get(i).cloned();
            }
            s => match s.parse::<usize>() {
                Ok(n) => sizes.push(n),
                Err(_) => {
                    eprintln!("usage: reachplan-bench [SIZE...] [--seed S] [--wasm FILE]");
                    return ExitCode::from(2);
                }
            },
        }
        i += 1;
    }
    if sizes.is_empty() {
        sizes = vec![100, 1_000, 10_000];
    }
    println!(
        "reachplan-bench: any-to-any on generated plans (seed {seed}), native, {} build",
        if cfg!(debug_assertions) {
            "debug (use --release)"
        } else {
            "release"
        }
    );
    let wasm = match wasm_file.as_deref().map(read_wasm).transpose() {
        Ok(w) => w,
        Err(e) => {
            eprintln!("reachplan-bench: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(w) = wasm.as_ref().filter(|w| w.seed != seed) {
        eprintln!(
            "reachplan-bench: the WebAssembly figures are for seed {}, not {seed}",
            w.seed
        );
        return ExitCode::from(2);
    }
    let mut mismatches = 0;
    let mut rows = Vec::new();
    for &n in &sizes {
        let (row, wrong) = bench(n, seed, wasm.as_ref());
        mismatches += wrong;
        rows.push(row);
    }
    println!("\nbudgets");
    for row in &rows {
        let ratio = row.oracle.as_secs_f64() / row.matrix.as_secs_f64().max(1e-9);
        let verdict = |ok: bool| if ok { "met" } else { "MISSED" };
        match row.endpoints {
            1_000 => {
                println!(
                    "  1,000 endpoints ≤ 10 ms native: {} ({})",
                    verdict(row.matrix <= Duration::from_millis(10)),
                    ms(row.matrix)
                );
                if let Some(w) = row.wasm {
                    println!(
                        "  1,000 endpoints ≤ 25 ms in WebAssembly: {} ({})",
                        verdict(w <= Duration::from_millis(25)),
                        ms(w)
                    );
                }
                println!(
                    "  ≥ 100x the oracle at 1,000 endpoints: {} ({ratio:.0}x)",
                    verdict(ratio >= 100.0)
                );
            }
            10_000 => {
                println!(
                    "  10,000 endpoints ≤ 300 ms native: {} ({})",
                    verdict(row.matrix <= Duration::from_millis(300)),
                    ms(row.matrix)
                );
                if let Some(w) = row.wasm {
                    println!(
                        "  10,000 endpoints ≤ 1 s in WebAssembly: {} ({})",
                        verdict(w <= Duration::from_secs(1)),
                        ms(w)
                    );
                }
                if let Some(mb) = row.peak_mb {
                    println!(
                        "  10,000 endpoints under 200 MB: {} ({mb:.1} MB)",
                        verdict(mb < 200.0)
                    );
                }
                if let Some(mb) = row.wasm_mb {
                    println!(
                        "  10,000 endpoints under 200 MB in WebAssembly: {} ({mb:.1} MB)",
                        verdict(mb < 200.0)
                    );
                }
            }
            _ => {}
        }
    }
    if mismatches > 0 {
        eprintln!(
            "{mismatches} answers differ (the oracle's, the matrix's or WebAssembly's; see above)"
        );
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
