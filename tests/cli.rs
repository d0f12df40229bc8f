//! The command-line contract: exit codes 0 / 1 / 2, messages that name where a plan is wrong,
//! and the JSON document of `check --json`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_reachplan"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the reachplan binary runs");
    if let Some(mut input) = child.stdin.take() {
        if let Some(text) = stdin {
            let _ = input.write_all(text.as_bytes());
        }
    }
    child.wait_with_output().expect("reachplan finishes")
}

fn check_stdin(plan: &str) -> (i32, String, String) {
    let out = run(&["check", "-"], Some(plan));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const T03: &str = "tests/data/scenarios/t03-peering-not-transitive.json";

#[test]
fn check_exits_zero_when_intents_hold() {
    let out = run(&["check", T03], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("vnet-a → vnet-c [R1.1]"), "{text}");
}

#[test]
fn check_exits_one_when_an_intent_fails() {
    let plan = r#"{"reachplan": 1,
      "nodes": [{"id": "a", "kind": "vnet", "address_space": ["10.1.0.0/16"]},
                {"id": "b", "kind": "vnet", "address_space": ["10.2.0.0/16"]}],
      "links": [],
      "intents": [{"from": "a", "to": "b", "expect": "reachable"}]}"#;
    let (code, stdout, _) = check_stdin(plan);
    assert_eq!(code, 1);
    assert!(stdout.contains("FAILS"), "{stdout}");
}

#[test]
fn deny_turns_findings_into_exit_one() {
    let plan = r#"{"reachplan": 1,
      "nodes": [{"id": "a", "kind": "vnet", "address_space": ["10.1.0.0/16"]},
                {"id": "b", "kind": "vnet", "address_space": ["10.1.0.0/24"]}],
      "links": [{"kind": "peering", "from": "a", "to": "b"}]}"#;
    assert_eq!(check_stdin(plan).0, 0);
    let out = run(&["check", "-", "--deny", "errors"], Some(plan));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn json_output_follows_the_contract() {
    let out = run(&["check", T03, "--json"], None);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(v["reachplan"], 1);
    assert_eq!(
        v["endpoints"],
        serde_json::json!(["vnet-a", "vnet-b", "vnet-c"])
    );
    let pairs = v["pairs"].as_array().expect("pairs");
    assert_eq!(pairs.len(), 6);
    let ab = &pairs[0];
    assert_eq!(ab["from"], "vnet-a");
    assert_eq!(ab["reachable"], true);
    assert_eq!(ab["path"], serde_json::json!(["vnet-a", "vnet-b"]));
    assert_eq!(ab["via"], serde_json::json!(["peering"]));
    let ac = &pairs[1];
    assert_eq!(ac["reachable"], false);
    assert_eq!(ac["rule"], "R1.1");
    assert!(ac["reason"]
        .as_str()
        .is_some_and(|r| r.contains("not transitive")));
    assert!(ac["fix"]
        .as_str()
        .is_some_and(|f| f.contains("Peer vnet-a with vnet-c")));
    assert_eq!(v["intents"][2]["holds"], true);
}

#[test]
fn explain_tells_the_story_of_one_pair() {
    let out = run(&["explain", T03, "vnet-a", "vnet-c"], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("vnet-a → vnet-c: NOT reachable"), "{text}");
    assert!(text.contains("--peering--> vnet-b"), "{text}");
    let out = run(&["explain", T03, "vnet-a", "nope"], None);
    assert_eq!(out.status.code(), Some(2));
}

/// Malformed plans: each exits 2 with a message naming the JSON path and the line and column.
#[test]
fn malformed_plans_exit_two_naming_where() {
    let cases: &[(&str, &str, &str)] = &[
        ("truncated", "{\"reachplan\": 1, \"nodes\": [{\"id\": \"a\",", "ends too early"),
        ("wrong type", "{\"reachplan\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"users\", \"count\": \"lots\"}]}", "nodes[0].count"),
        ("bad cidr", "{\"reachplan\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"vnet\", \"address_space\": [\"10.0.0.300/16\"]}]}", "nodes[0].address_space[0]"),
        ("unknown field", "{\"reachplan\": 1, \"nodes\": [], \"linkz\": []}", "unknown field `linkz`"),
        ("dangling id", "{\"reachplan\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"vnet\"}], \"links\": [{\"kind\": \"peering\", \"from\": \"a\", \"to\": \"ghost\"}]}", "links[0].to"),
        ("duplicate id", "{\"reachplan\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"vnet\"}, {\"id\": \"a\", \"kind\": \"vnet\"}]}", "duplicate node id"),
        ("version 2", "{\"reachplan\": 2, \"nodes\": []}", "version 2"),
        ("unknown kind", "{\"reachplan\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"router\"}]}", "unknown variant `router`"),
        ("bad id", "{\"reachplan\": 1, \"nodes\": [{\"id\": \"Hub A\", \"kind\": \"vnet\"}]}", "is not valid"),
        ("not an object", "[1, 2]", "a plan is a JSON object"),
        ("empty", "", "ends too early"),
        ("deep", &format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)), "nested too deeply"),
        ("field of another kind", "{\"reachplan\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"site\", \"er_gateway\": {\"sku\": \"ErGw1AZ\"}}]}", "does not apply to a node of kind site"),
        ("intent on a circuit", "{\"reachplan\": 1, \"nodes\": [{\"id\": \"c\", \"kind\": \"expressroute\"}, {\"id\": \"a\", \"kind\": \"vnet\"}], \"intents\": [{\"from\": \"a\", \"to\": \"c\", \"expect\": \"reachable\"}]}", "not an endpoint"),
    ];
    for (name, plan, needle) in cases {
        let (code, stdout, stderr) = check_stdin(plan);
        assert_eq!(
            code, 2,
            "{name}: exit {code}, stdout {stdout}, stderr {stderr}"
        );
        assert!(stderr.contains(needle), "{name}: {stderr}");
        assert!(
            stderr.starts_with("reachplan: -:"),
            "{name}: no line and column: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(run(&[], None).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"], None).status.code(), Some(2));
    assert_eq!(
        run(&["check", "missing-file.json"], None).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["check", T03, "--deny", "sometimes"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(&["--help"], None).status.code(), Some(0));
}

#[test]
fn fmt_prints_the_canonical_plan() {
    let out = run(&["fmt", T03], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("{\n  \"reachplan\": 1,"), "{text}");
}

/// The severities of the findings `check --json` prints for `plan`.
fn severities(plan: &str) -> Vec<String> {
    let out = run(&["check", "-", "--json"], Some(plan));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut s: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["severity"].as_str().unwrap().to_string())
        .collect();
    s.dedup();
    s
}

#[test]
fn deny_warnings_and_deny_errors_exit_exactly_as_documented() {
    // Warnings only: allow_gateway_transit towards a VNet without a gateway (R1.5).
    let warning = r#"{"reachplan": 1,
      "nodes": [{"id": "a", "kind": "vnet", "address_space": ["10.1.0.0/16"]},
                {"id": "b", "kind": "vnet", "address_space": ["10.2.0.0/16"]}],
      "links": [{"kind": "peering", "from": "a", "to": "b", "allow_gateway_transit": true}]}"#;
    assert_eq!(severities(warning), ["warning"]);
    for (deny, code) in [(None, 0), (Some("errors"), 0), (Some("warnings"), 1)] {
        let mut args = vec!["check", "-"];
        args.extend(deny.map(|d| ["--deny", d]).into_iter().flatten());
        assert_eq!(
            run(&args, Some(warning)).status.code(),
            Some(code),
            "{args:?}"
        );
    }
    // An error: S2S to a VNet without a VPN gateway (R3.2); both levels deny it.
    let error = r#"{"reachplan": 1,
      "nodes": [{"id": "s", "kind": "site", "address_space": ["192.168.0.0/24"]},
                {"id": "v", "kind": "vnet", "address_space": ["10.2.0.0/16"]}],
      "links": [{"kind": "s2s", "from": "s", "to": "v"}]}"#;
    assert!(severities(error).contains(&"error".to_string()));
    for (deny, code) in [(None, 0), (Some("errors"), 1), (Some("warnings"), 1)] {
        let mut args = vec!["check", "-"];
        args.extend(deny.map(|d| ["--deny", d]).into_iter().flatten());
        assert_eq!(
            run(&args, Some(error)).status.code(),
            Some(code),
            "{args:?}"
        );
    }
    // --deny without a level is a usage error.
    assert_eq!(run(&["check", T03, "--deny"], None).status.code(), Some(2));
}

#[test]
fn explain_json_is_the_pair_of_check_json() {
    let check: serde_json::Value =
        serde_json::from_slice(&run(&["check", T03, "--json"], None).stdout).unwrap();
    for (from, to) in [
        ("vnet-a", "vnet-c"),
        ("vnet-a", "vnet-b"),
        ("vnet-c", "vnet-b"),
    ] {
        let out = run(&["explain", T03, from, to, "--json"], None);
        assert_eq!(out.status.code(), Some(0), "{from} → {to}");
        let pair: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let expected = check["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["from"] == from && p["to"] == to)
            .unwrap();
        assert_eq!(&pair, expected, "{from} → {to}");
    }
}

#[test]
fn wrong_argument_counts_exit_two_and_print_nothing_on_stdout() {
    for args in [
        &["check"][..],
        &["check", T03, T03],
        &["explain", T03],
        &["explain", T03, "vnet-a"],
        &["explain", T03, "vnet-a", "vnet-b", "vnet-c"],
        &["explain", T03, "vnet-a", "vnet-a"],
        &["explain", T03, "vnet-a", "nobody"],
        &["capacity"],
        &["capacity", T03, T03],
        &["fmt"],
        &["fmt", T03, T03],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?} printed on stdout");
        assert!(!out.stderr.is_empty(), "{args:?} says nothing");
    }
}
