//! `reachplan-bench-resilience`: the single-failure sweep of `reachplan resilience` on generated
//! plans, timed natively against the naive sweep (one fast matrix of the failed plan for every
//! failure domain), with the budgets: 0.5 s at 1,000 endpoints; 10 s at 10,000 and at
//! least 10 times faster than the naive sweep. Then `reachplan diff` of two generated plans
//! (seeds 1 and 2) against its budget of 1 s at 10,000 endpoints.
//!
//! Run it with `cargo run --release --bin reachplan-bench-resilience [-- SIZE... --seed S]`
//! (default sizes 100, 1000 and 10000, seed 1). For each size it prints the failure domains,
//! the single points of failure, the median time of the sweep (of 3 runs; 1 above 1,000
//! endpoints) with the CPU time of the process meanwhile (the steadier figure on a loaded
//! machine), and the naive sweep's time: measured whole up to 2,000 endpoints, above that
//! extrapolated from a fixed sample of [`SAMPLE`] domains spread over the plan (said so on
//! the line). Both answers are compared (whole, or on the sample), and a difference exits 1.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use reachplan::engine::diff::{diff, render};
use reachplan::engine::generate::generate;
use reachplan::engine::resilience::{domains, failure, sweep, Healthy, Resilience};
use reachplan::engine::Network;

/// The budget of the sweep of a generated 1,000-endpoint plan, native.
const BUDGET_1000: Duration = Duration::from_millis(500);

/// The budget of the sweep of a generated 10,000-endpoint plan, native.
const BUDGET_10000: Duration = Duration::from_secs(10);

/// How much faster than the naive sweep the sweep must be at 10,000 endpoints.
const RATIO_10000: f64 = 10.0;

/// The budget of the diff of two generated 10,000-endpoint plans, native.
const BUDGET_DIFF: Duration = Duration::from_secs(1);

/// The largest plan whose naive sweep is timed whole.
const NAIVE_UP_TO: usize = 2_000;

/// How many failure domains the naive sweep of a larger plan is timed on.
const SAMPLE: usize = 40;

/// The CPU time of this process so far (user and system), where Linux says it.
fn cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Runs `f` `runs` times: the median wall time, the median CPU time, the last answer.
fn timed<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Option<Duration>, T) {
    let mut walls = Vec::new();
    let mut cpus = Vec::new();
    let mut last = None;
    for _ in 0..runs.max(1) {
        let (c, started) = (cpu(), Instant::now());
        last = Some(f());
        walls.push(started.elapsed());
        if let (Some(before), Some(after)) = (c, cpu()) {
            cpus.push(after.saturating_sub(before));
        }
    }
    walls.sort();
    cpus.sort();
    let wall = walls[walls.len() / 2];
    let cpu = cpus.get(cpus.len() / 2).copied();
    match last {
        Some(answer) => (wall, cpu, answer),
        None => (wall, cpu, f()),
    }
}

fn s(d: Duration) -> String {
    format!("{:.3} s", d.as_secs_f64())
}

fn with_cpu(wall: Duration, cpu: Option<Duration>) -> String {
    match cpu {
        Some(c) => format!("{} (cpu {})", s(wall), s(c)),
        None => s(wall),
    }
}

fn verdict(met: bool) -> &'static str {
    if met {
        "met"
    } else {
        "OVER"
    }
}

/// The naive sweep's time extrapolated from [`SAMPLE`] domains spread evenly over the plan's
/// domains (the healthy network read once, plus the mean time of a sampled failure times the
/// number of domains), and whether the sweep's answer for each sampled domain is the naive
/// one.
fn naive_sample(network: &Network, answer: &Resilience) -> (Duration, usize, bool) {
    let started = Instant::now();
    let healthy = Healthy::of(network);
    let all = domains(network.plan());
    let setup = started.elapsed();
    let step = all.len().div_ceil(SAMPLE).max(1);
    let sample: Vec<_> = all.iter().step_by(step).cloned().collect();
    let mut same = true;
    let started = Instant::now();
    for domain in &sample {
        let f = failure(network, &healthy, None, domain.clone());
        same &= match answer.single_points.iter().find(|p| p.id() == f.id()) {
            Some(found) => *found == f,
            None => f.pairs_lost == 0 && answer.survived.iter().any(|d| d.id == f.domain.id),
        };
    }
    let each = started.elapsed().as_secs_f64() / sample.len().max(1) as f64;
    let total = setup + Duration::from_secs_f64(each * all.len() as f64);
    (total, sample.len(), same)
}

fn bench_sweep(n: usize, seed: u64) -> bool {
    let network = Network::new(&generate(n, seed));
    let runs = if n <= 1000 { 3 } else { 1 };
    let (fast, fast_cpu, answer) = timed(runs, || sweep(&network, true));
    let domains = answer.single_points.len() + answer.survived.len();
    println!("generated plan, {n} endpoints, seed {seed}");
    println!(
        "  failure domains               {domains} ({} single points of failure)",
        answer.single_points.len()
    );
    println!(
        "  sweep, native                 {}   (median of {runs})",
        with_cpu(fast, fast_cpu)
    );
    let (naive, same) = if n <= NAIVE_UP_TO {
        let (naive, _, reference) = timed(1, || sweep(&network, false));
        let same = reference == answer;
        println!(
            "  naive sweep, native           {}   ({:.1}x; same answer: {})",
            s(naive),
            naive.as_secs_f64() / fast.as_secs_f64().max(1e-9),
            if same { "yes" } else { "NO" }
        );
        (naive, same)
    } else {
        let (naive, sampled, same) = naive_sample(&network, &answer);
        println!(
            "  naive sweep, native           {}   EXTRAPOLATED from {sampled} of {domains} domains \
             ({:.1}x; same answer on those {sampled}: {})",
            s(naive),
            naive.as_secs_f64() / fast.as_secs_f64().max(1e-9),
            if same { "yes" } else { "NO" }
        );
        (naive, same)
    };
    if n == 1000 {
        println!(
            "  budget 0.5 s                  {}",
            verdict(fast <= BUDGET_1000)
        );
    }
    if n == 10_000 {
        let ratio = naive.as_secs_f64() / fast.as_secs_f64().max(1e-9);
        println!(
            "  budget 10 s                   {}",
            verdict(fast <= BUDGET_10000)
        );
        println!(
            "  budget 10x the naive sweep    {} ({ratio:.1}x)",
            verdict(ratio >= RATIO_10000)
        );
    }
    same
}

fn bench_diff(n: usize) {
    let (before, after) = (generate(n, 1), generate(n, 2));
    let (wall, cpu, lines) = timed(1, || {
        let d = diff(&Network::new(&before), &Network::new(&after));
        render::text(&d).lines().count()
    });
    println!("diff of two generated plans, {n} endpoints, seeds 1 and 2");
    println!(
        "  networks, diff and text       {}   ({lines} lines of text)",
        with_cpu(wall, cpu)
    );
    if n == 10_000 {
        println!(
            "  budget 1 s                    {}",
            verdict(wall <= BUDGET_DIFF)
        );
    }
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
        sizes = vec![100, 1000, 10_000];
    }
    let mut ok = true;
    for &n in &sizes {
        ok &= bench_sweep(n, seed);
    }
    for &n in &sizes {
        bench_diff(n);
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
