//! The command-line contract: exit codes 0 / 1 / 2, messages that name where a plan is wrong,
//! and the JSON document of `check --json`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::cli::{first_line, run, T03};

fn check_stdin(plan: &str) -> (i32, String, String) {
    let out = run(&["check", "-"], Some(plan));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

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

/// Where a case's first line is printed.
#[derive(Debug, Clone, Copy)]
enum To {
    Out,
    Err,
}

const FAILS: &str = r#"{"reachplan": 1,
  "nodes": [{"id": "a", "kind": "vnet", "address_space": ["10.1.0.0/16"]},
            {"id": "b", "kind": "vnet", "address_space": ["10.2.0.0/16"]}],
  "intents": [{"from": "a", "to": "b", "expect": "reachable"}]}"#;

/// Warnings only: allow_gateway_transit towards a VNet without a gateway (R1.5).
const WARNS: &str = r#"{"reachplan": 1,
  "nodes": [{"id": "a", "kind": "vnet", "address_space": ["10.1.0.0/16"]},
            {"id": "b", "kind": "vnet", "address_space": ["10.2.0.0/16"]}],
  "links": [{"kind": "peering", "from": "a", "to": "b", "allow_gateway_transit": true}]}"#;

/// Arguments, standard input, exit code, stream and first line.
type Case<'a> = (&'a [&'a str], Option<&'a str>, i32, To, &'a str);

/// Every case of the command-line contract (docs/plan-format.md): the exact exit code, the
/// exact first line and where it is printed, and nothing on the other stream. Messages from
/// the operating system are Linux's (CI runs on Linux).
#[test]
fn every_documented_case_exits_and_says_exactly() {
    let t03_summary = "T3: VNet peering is not transitive";
    let warned = "2 endpoints, 2 of 2 ordered pairs reachable; findings: 0 errors, 1 warning, \
                  0 notes; intents: 0 of 0 hold";
    let version = concat!("reachplan ", env!("CARGO_PKG_VERSION"));
    let unexpected_t03 = format!("reachplan: unexpected argument '{T03}' found");
    let no_node = format!("reachplan: {T03}: no node has the id \"nobody\"");
    let required = "reachplan: the following required arguments were not provided:";
    #[rustfmt::skip]
    let cases: Vec<Case> = vec![
        (&["check", T03], None, 0, To::Out, t03_summary),
        (&["check", T03, "--json"], None, 0, To::Out, "{"),
        (&["check", T03, "--summary"], None, 0, To::Out,
         "3 endpoints, 4 of 6 ordered pairs reachable; findings: 0 errors, 0 warnings, 0 notes; \
          intents: 3 of 3 hold"),
        (&["check", "-"], Some(FAILS), 1, To::Out,
         "2 endpoints, 0 of 2 ordered pairs reachable; findings: 0 errors, 0 warnings, 0 notes; \
          intents: 0 of 1 hold"),
        (&["check", "-"], Some(WARNS), 0, To::Out, warned),
        (&["check", "-", "--deny", "errors"], Some(WARNS), 0, To::Out, warned),
        (&["check", "-", "--deny", "warnings"], Some(WARNS), 1, To::Out, warned),
        (&["explain", T03, "vnet-a", "vnet-c"], None, 0, To::Out,
         "vnet-a → vnet-c: NOT reachable"),
        (&["explain", T03, "vnet-a", "vnet-c", "--json"], None, 0, To::Out, "{"),
        (&["--version"], None, 0, To::Out, version),
        (&[], None, 2, To::Err, "reachplan: Who reaches whom in a hybrid Azure network plan"),
        (&["frobnicate"], None, 2, To::Err, "reachplan: unrecognized subcommand 'frobnicate'"),
        (&["check"], None, 2, To::Err, required),
        (&["check", T03, T03], None, 2, To::Err, &unexpected_t03),
        (&["explain", T03], None, 2, To::Err, required),
        (&["explain", T03, "vnet-a"], None, 2, To::Err, required),
        (&["explain", T03, "vnet-a", "vnet-b", "vnet-c"], None, 2, To::Err,
         "reachplan: unexpected argument 'vnet-c' found"),
        (&["explain", T03, "vnet-a", "vnet-a"], None, 2, To::Err,
         "reachplan: explain needs two different endpoints"),
        (&["explain", T03, "vnet-a", "nobody"], None, 2, To::Err, &no_node),
        (&["capacity"], None, 2, To::Err, required),
        (&["capacity", T03, T03], None, 2, To::Err, &unexpected_t03),
        (&["fmt", T03, T03], None, 2, To::Err, &unexpected_t03),
        (&["fmt"], None, 2, To::Err, required),
        (&["check", T03, "--deny", "sometimes"], None, 2, To::Err,
         "reachplan: invalid value 'sometimes' for '--deny <SEVERITY>'"),
        (&["check", T03, "--deny"], None, 2, To::Err,
         "reachplan: a value is required for '--deny <SEVERITY>' but none was supplied"),
        (&["generate", "x"], None, 2, To::Err,
         "reachplan: invalid value 'x' for '<ENDPOINTS>': invalid digit found in string"),
        (&["check", "missing-file.json"], None, 2, To::Err,
         "reachplan: cannot read missing-file.json: No such file or directory (os error 2)"),
        (&["check", "tests"], None, 2, To::Err,
         "reachplan: cannot read tests: Is a directory (os error 21)"),
        (&["check", "-"], Some("{\"reachplan\": 1,\n \"nodes\": [{\"id\": \"a\", \"kind\": \
          \"users\", \"count\": \"lots\"}]}"), 2, To::Err,
         "reachplan: -:2:55: nodes[0].count: invalid type: string \"lots\", expected u32"),
        (&["check", "-"], Some("{\"reachplan\": 1, \"nodes\": []"), 2, To::Err,
         "reachplan: -:1:28: ?: the plan ends too early (is the file cut short?): EOF while \
          parsing an object"),
    ];
    for (args, stdin, code, to, line) in cases {
        let out = run(args, stdin);
        let (said, other) = match to {
            To::Out => (&out.stdout, &out.stderr),
            To::Err => (&out.stderr, &out.stdout),
        };
        assert_eq!(
            out.status.code(),
            Some(code),
            "{args:?}: {}",
            first_line(said)
        );
        assert_eq!(first_line(said), line, "{args:?}");
        assert!(other.is_empty(), "{args:?} printed on the other stream");
    }
}

/// `check --json` (its pairs judged and written on several threads) prints, byte for byte,
/// the golden JSON of every plan of the repository that has one: the answer serialised in
/// one go.
#[test]
fn check_json_is_the_golden_answer_byte_for_byte() {
    let mut compared = 0;
    for (dir, group) in [
        ("tests/data/scenarios", "scenarios"),
        ("tests/data/rules", "rules"),
        ("www/examples", "examples"),
    ] {
        for path in support::repository::files(dir) {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let golden = format!("tests/golden/{group}/{stem}.json");
            let want = std::fs::read(golden).unwrap();
            let out = run(&["check", "--json", path.to_str().unwrap()], None);
            assert!(
                out.stdout == want,
                "{}: check --json differs",
                path.display()
            );
            compared += 1;
        }
    }
    assert!(compared > 60, "{compared}");
}
