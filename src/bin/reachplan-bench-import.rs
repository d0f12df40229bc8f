//! `reachplan-bench-import`: the import of a generated Azure Resource Graph dump
//! (`reachplan::import::sample`), timed natively: `cargo run --release --bin
//! reachplan-bench-import [-- RESOURCES...]` (2,000 by default). For each size it prints the
//! dump's size, the median time of five imports and what they made, and at 2,000 resources
//! the budget (1 s).

use std::time::{Duration, Instant};

use reachplan::import::{import, sample, ImportOptions};

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() { vec![2_000] } else { sizes };
    for n in sizes {
        let text = sample::resource_graph(n);
        let files = vec![("graph.json".to_string(), text)];
        let mut times = Vec::new();
        let mut made = None;
        let budget = if n == 2_000 { ", budget 1000 ms" } else { "" };
        for _ in 0..5 {
            let started = Instant::now();
            let result = import(&files, &ImportOptions::default());
            times.push(started.elapsed());
            made = Some(result);
        }
        times.sort();
        let median: Duration = times[times.len() / 2];
        match made {
            Some(Ok(imported)) => println!(
                "{n} resources ({:.1} MB): import {:.1} ms (median of 5); {} nodes, {} links, \
                 {} resources mapped, {} notes{budget}",
                files[0].1.len() as f64 / 1e6,
                median.as_secs_f64() * 1000.0,
                imported.plan.nodes.len(),
                imported.plan.links.len(),
                imported.report.mapped.len(),
                imported.report.notes.len()
            ),
            Some(Err(e)) => println!("{n} resources: nothing imported: {e}"),
            None => {}
        }
    }
}
