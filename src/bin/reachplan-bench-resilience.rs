//! `reachplan-bench-resilience`: the single-failure sweep of `reachplan resilience` on generated
//! plans, timed natively against the naive sweep (one fast matrix of the failed plan for every
//! failure domain), with the budget for 1,000 endpoints (0.5 s).
//!
//! Run it with `cargo run --release --bin reachplan-bench-resilience [-- SIZE... --seed S]`
//! (default sizes 100 and 1000, seed 1). For each size it prints the failure domains, the
//! single points of failure, the median time of the sweep (of 3 runs; 1 above 1,000
//! endpoints), the naive sweep's time (1 run; skipped above 2,000 endpoints, where it takes
//! minutes) and the ratio; both sweeps' answers are compared, and a difference exits 1.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use reachplan::engine::generate::generate;
use reachplan::engine::resilience::{sweep, Resilience};
use reachplan::engine::Network;

/// The budget of the sweep of a generated 1,000-endpoint plan, native.
const BUDGET_1000: Duration = Duration::from_millis(500);

/// The largest plan whose naive sweep is timed.
const NAIVE_UP_TO: usize = 2_000;

fn timed(runs: usize, network: &Network, shortcut: bool) -> (Duration, Resilience) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let started = Instant::now();
        last = Some(sweep(network, shortcut));
        times.push(started.elapsed());
    }
    times.sort();
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    (median, last.unwrap_or_else(|| sweep(network, shortcut)))
}

fn s(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

fn main() -> ExitCode {
    let mut sizes = Vec::new();
    let mut seed = 1;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let parsed = if arg == "--seed" {
            args.next().and_then(|s| s.parse().ok()).map(|s| seed = s)
        } else {
            arg.parse().ok().map(|n| sizes.push(n))
        };
        if parsed.is_none() {
            eprintln!("usage: reachplan-bench-resilience [SIZE...] [--seed S]");
            return ExitCode::from(2);
        }
    }
    if sizes.is_empty() {
        sizes = vec![100, 1000];
    }
    let mut ok = true;
    for n in sizes {
        let network = Network::new(&generate(n, seed));
        let runs = if n <= 1000 { 3 } else { 1 };
        let (fast, answer) = timed(runs, &network, true);
        let domains = answer.single_points.len() + answer.survived.len();
        println!("generated plan, {n} endpoints, seed {seed}");
        println!(
            "  failure domains               {domains} ({} single points of failure)",
            answer.single_points.len()
        );
        println!(
            "  sweep, native                 {}   (median of {runs})",
            s(fast)
        );
        if n <= NAIVE_UP_TO {
            let (naive, reference) = timed(1, &network, false);
            let same = reference == answer;
            ok &= same;
            println!(
                "  naive sweep, native           {}   ({:.1}x; same answer: {})",
                s(naive),
                naive.as_secs_f64() / fast.as_secs_f64().max(1e-9),
                if same { "yes" } else { "NO" }
            );
        }
        if n == 1000 {
            let verdict = if fast <= BUDGET_1000 {
                "within"
            } else {
                "OVER"
            };
            println!("  budget 0.5 s                  {verdict}");
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
