//! `reachplan diff`: the difference between two designs, for the pairs of plans under
//! tests/data/diff (BEFORE and AFTER of a change), golden in text, JSON and Markdown under
//! tests/golden/diff (refresh with `UPDATE_EXPECT=1 cargo test --test diff` and review the
//! diff), and the command's exit codes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use reachplan::engine::diff::{diff, render, Diff, MAX_LISTED};
use reachplan::engine::generate::generate;
use reachplan::engine::{read_plan, Network};

mod support;
use support::golden::{compare, orphans};

const DIR: &str = "tests/data/diff";

/// The comparisons: a name, the plan before and the plan after (files of tests/data/diff).
const CASES: [(&str, &str, &str); 4] = [
    ("global-reach", "global-reach-before", "global-reach-after"),
    (
        "peering-removed",
        "peering-removed-before",
        "peering-removed-after",
    ),
    (
        "spoke-replaced",
        "peering-removed-before",
        "spoke-replaced-after",
    ),
    ("no-change", "global-reach-after", "global-reach-after"),
];

fn path(stem: &str) -> String {
    format!("{}/{DIR}/{stem}.json", env!("CARGO_MANIFEST_DIR"))
}

fn network(stem: &str) -> Network {
    let text = std::fs::read_to_string(path(stem)).unwrap();
    Network::new(&read_plan(&text).unwrap_or_else(|e| panic!("{stem}: {e}")))
}

fn of(before: &str, after: &str) -> Diff {
    diff(&network(before), &network(after))
}

#[test]
fn every_comparison_keeps_its_golden_output() {
    let mut failures = Vec::new();
    let mut produced = BTreeSet::new();
    for (name, before, after) in CASES {
        let d = of(before, after);
        let json = serde_json::to_string_pretty(&d).unwrap() + "\n";
        for (file, actual) in [
            (format!("diff/{name}.txt"), render::text(&d)),
            (format!("diff/{name}.json"), json),
            (format!("diff/{name}.md"), render::markdown(&d)),
        ] {
            compare(&file, &actual, &mut failures);
            produced.insert(file);
        }
    }
    orphans("diff", &produced, &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn adding_global_reach_gains_the_data_centres_and_loses_nothing() {
    let d = of("global-reach-before", "global-reach-after");
    assert!(!d.regressed);
    let gained: Vec<(&str, &str)> = d
        .pairs_gained
        .iter()
        .map(|p| (p.from.as_str(), p.to.as_str()))
        .collect();
    assert_eq!(gained, [("dc-ams", "dc-lon"), ("dc-lon", "dc-ams")]);
    assert!(d.pairs_gained[0].via.iter().any(|v| v == "global_reach"));
    assert!(d.pairs_lost.is_empty());
    // Global Reach is now the only thing joining the data centres: a single point of failure.
    assert!(d.single_points_compared);
    let added: Vec<&str> = d
        .single_points_added
        .iter()
        .map(|p| p.what.as_str())
        .collect();
    assert_eq!(added, ["the global_reach link er-ams → er-lon"]);
    assert!(d.single_points_removed.is_empty());
    assert_eq!(d.intents_changed.len(), 1);
    assert_eq!(
        (d.intents_changed[0].before, d.intents_changed[0].after),
        (Some(false), Some(true))
    );
}

#[test]
fn removing_a_peering_loses_its_pairs_with_the_rule_that_now_blocks() {
    let d = of("peering-removed-before", "peering-removed-after");
    assert!(d.regressed);
    assert_eq!(d.pairs_lost.len(), 4);
    let hub = d
        .pairs_lost
        .iter()
        .find(|p| p.from == "spoke-b" && p.to == "hub");
    assert_eq!(hub.and_then(|p| p.rule).map(|r| r.id()), Some("R1.1"));
    assert!(d.intents_changed.iter().all(|i| i.lost()));
    // The flow to spoke B no longer loads the hub gateway.
    assert_eq!(d.capacity_changed.len(), 1);
    assert!(d.pairs_gained.is_empty() && d.findings_added.is_empty());
}

#[test]
fn an_endpoint_replaced_is_listed_as_added_and_removed_not_as_pairs() {
    let d = of("peering-removed-before", "spoke-replaced-after");
    assert_eq!(d.endpoints_added, ["spoke-c"]);
    assert_eq!(d.endpoints_removed, ["spoke-b"]);
    assert!(d.pairs_gained.is_empty() && d.pairs_lost.is_empty());
    assert!(!d.regressed, "an intent that is gone is not one that fails");
}

#[test]
fn the_same_plan_changes_nothing() {
    let d = of("global-reach-after", "global-reach-after");
    assert!(d.is_empty() && !d.regressed);
    assert_eq!(render::text(&d).lines().count(), 1);
}

#[test]
fn markdown_cannot_be_forged_by_plan_text() {
    let shown = render::escape_markdown("a|b <img src=x> [x](http://e) @team #1 `c`\n*d*");
    assert_eq!(
        shown,
        "a\\|b &lt;img src=x&gt; \\[x\\](http://e) &#64;team \\#1 \\`c\\` \\*d\\*"
    );
}

/// Two generated plans of different seeds differ in thousands of pairs: every one is counted
/// (the counts are those of a pair-by-pair comparison of the two matrices), the first
/// [`MAX_LISTED`] of each kind are listed in `from`, `to` order, and the text says how many
/// more there are.
#[test]
fn very_different_plans_count_every_changed_pair_and_list_the_first() {
    let (before, after) = (generate(150, 1), generate(150, 2));
    let (b, a) = (Network::new(&before), Network::new(&after));
    let d = diff(&b, &a);
    let (mb, ma) = (b.verdicts(), a.verdicts());
    let (mut gained, mut lost) = (Vec::new(), Vec::new());
    for (i, from) in ma.endpoints.iter().enumerate() {
        for (j, to) in ma.endpoints.iter().enumerate() {
            let (Some(bi), Some(bj)) = (mb.index(from), mb.index(to)) else {
                continue;
            };
            match (mb.reachable(bi, bj), ma.reachable(i, j)) {
                (false, true) => gained.push((from.clone(), to.clone())),
                (true, false) => lost.push((from.clone(), to.clone())),
                _ => {}
            }
        }
    }
    assert!(gained.len() > MAX_LISTED && lost.len() > MAX_LISTED);
    assert_eq!(d.pairs_gained_count, gained.len());
    assert_eq!(d.pairs_lost_count, lost.len());
    let ids = |list: &[reachplan::engine::Pair]| -> Vec<(String, String)> {
        list.iter()
            .map(|p| (p.from.clone(), p.to.clone()))
            .collect()
    };
    assert_eq!(ids(&d.pairs_gained), gained[..MAX_LISTED].to_vec());
    assert_eq!(ids(&d.pairs_lost), lost[..MAX_LISTED].to_vec());
    assert!(d.regressed);
    let text = render::text(&d);
    let more = format!(
        "… and {} more (the first {MAX_LISTED} are listed)",
        lost.len() - MAX_LISTED
    );
    assert!(text.contains(&more), "{text}");
    assert!(text.starts_with(&format!(
        "{} pairs lost, {} gained",
        lost.len(),
        gained.len()
    )));
}

fn cli(args: &[&str]) -> (i32, String, String) {
    support::cli::code_out_err(args)
}

#[test]
fn diff_exits_one_exactly_when_something_that_held_is_lost() {
    let p = |stem: &str| format!("{DIR}/{stem}.json");
    let (gr_b, gr_a) = (p("global-reach-before"), p("global-reach-after"));
    let (pr_b, pr_a) = (p("peering-removed-before"), p("peering-removed-after"));
    assert_eq!(cli(&["diff", &gr_b, &gr_a]).0, 0);
    assert_eq!(cli(&["diff", &gr_a, &gr_a]).0, 0);
    assert_eq!(cli(&["diff", &pr_b, &pr_a]).0, 1);
    assert_eq!(cli(&["diff", &pr_a, &pr_b]).0, 0, "the way back gains only");
    // Gaining the data centres back is no loss; losing them is.
    assert_eq!(cli(&["diff", &gr_a, &gr_b, "--json"]).0, 1);
    let (code, out, _) = cli(&["diff", &pr_b, &pr_a, "--markdown"]);
    assert_eq!(code, 1);
    assert!(out.starts_with("### reachplan"), "{out}");
    let (code, out, _) = cli(&["diff", &pr_b, &pr_a, "--json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["regressed"], true);
}

#[test]
fn diff_exits_two_on_bad_input_with_the_reader_message() {
    let good = format!("{DIR}/global-reach-after.json");
    let (code, _, err) = cli(&["diff", &good, "tests/data/diff/missing.json"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("cannot read tests/data/diff/missing.json"),
        "{err}"
    );
    let bad = std::env::temp_dir().join(format!("reachplan-diff-{}.json", std::process::id()));
    std::fs::write(&bad, r#"{"reachplan": 1, "nodes": [{"id": "a", "kind": "vnet"}], "links": [{"kind": "peering", "from": "a", "to": "b"}]}"#).unwrap();
    let bad_path = bad.to_string_lossy().into_owned();
    let (code, _, err) = cli(&["diff", &bad_path, &good]);
    let _ = std::fs::remove_file(&bad);
    assert_eq!(code, 2);
    assert!(err.contains(":1:") && err.contains("links[0].to"), "{err}");
    assert_eq!(cli(&["diff", "-", "-"]).0, 2);
    assert_eq!(cli(&["diff", &good, &good, "--json", "--markdown"]).0, 2);
    assert_eq!(cli(&["diff", &good]).0, 2);
}
