//! `reachplan check --markdown`: the design's report as a review comment on a code host, golden
//! under tests/golden/check-markdown (refresh with `UPDATE_EXPECT=1 cargo test --test markdown`
//! and review the diff), for a plan whose intents fail (one must survive any single failure
//! and a tunnel breaks it; its title and reasons try markup, a mention and a link), a plan with
//! unreachable pairs and one with a failover; the exit status is `check`'s.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

mod support;
use support::golden::{compare, orphans};

/// Each case: the golden name, the plan, the exit status `check` gives it.
const CASES: [(&str, &str, i32); 3] = [
    (
        "branch-must-survive",
        "tests/data/markdown/branch-must-survive.json",
        1,
    ),
    (
        "peering-not-transitive",
        "tests/data/scenarios/t03-peering-not-transitive.json",
        0,
    ),
    (
        "single-tunnel-branch",
        "tests/data/resilience/single-tunnel-branch.json",
        0,
    ),
];

#[test]
fn check_markdown_keeps_its_golden_output_and_the_exit_status_of_check() {
    let mut failures = Vec::new();
    let mut produced = BTreeSet::new();
    for (name, plan, status) in CASES {
        let (code, out, err) = support::cli::code_out_err(&["check", "--markdown", plan]);
        assert_eq!(code, status, "{name}: {err}");
        let golden = format!("check-markdown/{name}.md");
        compare(&golden, &out, &mut failures);
        produced.insert(golden);
    }
    orphans("check-markdown", &produced, &mut failures);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn names_and_reasons_never_become_markup_a_mention_or_a_link() {
    let (_, out, _) = support::cli::code_out_err(&[
        "check",
        "--markdown",
        "tests/data/markdown/branch-must-survive.json",
    ]);
    for raw in ["<b>", "<i>", "@network", "[see](", "`code`"] {
        assert!(!out.contains(raw), "{raw} left as is:\n{out}");
    }
    assert!(out.contains("broken by the s2s link branch → hub \\[connection:0\\]"));
    let (code, _, err) =
        support::cli::code_out_err(&["check", "--markdown", "--json", "tests/data/markdown/x"]);
    assert_eq!(code, 2);
    assert!(err.contains("--json"), "{err}");
}
