//! The command line under hostile input: arguments and paths that are not UTF-8, terminal
//! escapes and bidirectional overrides in paths and plans, stdout closed or full, and plans
//! whose answers would not fit in memory, run under a memory limit.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::process::{Command, Output, Stdio};

mod support;

use support::cli::{feed, first_line, run, run_os, stderr, stdout, BIN, T03};

/// No byte a terminal would obey: no control character but the line break and the tab, no
/// bidirectional override, no panic.
fn assert_terminal_safe(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    let bad = text
        .chars()
        .find(|&c| reachplan::engine::terminal::is_unsafe(c) && c != '\n' && c != '\t');
    assert_eq!(bad, None, "{what}: {text}");
    assert!(!text.contains("panicked"), "{what}: {text}");
}

/// Non-UTF-8 arguments: exit 2 and the exact first line of the message (a path is shown with
/// its bytes escaped; clap refuses other arguments).
#[test]
fn arguments_and_paths_that_are_not_utf8_are_errors() {
    let cases: [(&[&[u8]], &str); 3] = [
        (
            &[b"check", b"caf\xe9.json"],
            "reachplan: cannot read caf\\xE9.json: No such file or directory (os error 2)",
        ),
        (
            &[b"explain", T03.as_bytes(), b"a\xff", b"b"],
            "reachplan: invalid UTF-8 was detected in one or more arguments",
        ),
        (
            &[b"\xff\xfe"],
            "reachplan: unrecognized subcommand '\u{fffd}\u{fffd}'",
        ),
    ];
    for (args, line) in cases {
        let args: Vec<&OsStr> = args.iter().map(|a| OsStr::from_bytes(a)).collect();
        let out = run_os(&args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert_eq!(first_line(&out.stderr), line, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_terminal_safe(&out.stderr, &format!("{args:?}"));
    }
}

#[test]
fn escapes_in_paths_and_arguments_are_shown_escaped() {
    for args in [
        vec!["check", "\u{1b}]8;;http://x\u{7}evil\u{1b}[2J\u{202e}.json"],
        vec!["explain", T03, "vnet-a", "x\u{1b}[31m\u{2066}"],
        vec!["frobnicate\u{1b}[2J\u{202e}"],
        vec!["check", T03, "--deny", "\u{202e}\u{1b}[1m"],
    ] {
        let out = run(&args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert_terminal_safe(&out.stderr, &format!("{args:?}"));
    }
    let out = run(&["check", "\u{1b}[31mred\u{202e}.json"], None);
    assert!(
        stderr(&out).contains("\\u{1b}[31mred\\u{202e}.json"),
        "{}",
        stderr(&out)
    );
}

const HOSTILE: &str = r#"{"reachplan": 1,
  "title": "T\u001b[2J\u202eitle\u009b",
  "nodes": [{"id": "a", "kind": "vnet", "name": "A\u001b]0;x\u0007\u2067", "region": "westeurope\u202d",
             "address_space": ["10.1.0.0/16"], "description": "d\u001b[5m"},
            {"id": "b", "kind": "site", "name": "B\nfake line", "address_space": ["10.2.0.0/16"]}],
  "links": [],
  "intents": [{"from": "a", "to": "b", "expect": "reachable", "why": "w\u001b[8m\u202e"}]}"#;

#[test]
fn plan_text_reaches_the_terminal_escaped_and_json_keeps_it_as_escapes() {
    for args in [
        vec!["check", "-"],
        vec!["explain", "-", "a", "b"],
        vec!["capacity", "-"],
    ] {
        let out = run(&args, Some(HOSTILE));
        assert!(
            out.status.code().is_some_and(|c| c < 2),
            "{args:?}: {}",
            stderr(&out)
        );
        assert_terminal_safe(&out.stdout, &format!("{args:?}"));
    }
    for args in [
        vec!["check", "-", "--json"],
        vec!["fmt", "-"],
        vec!["capacity", "-", "--json"],
    ] {
        let out = run(&args, Some(HOSTILE));
        assert_terminal_safe(&out.stdout, &format!("{args:?}"));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        if args[0] == "fmt" {
            assert_eq!(v["title"], "T\u{1b}[2J\u{202e}itle\u{9b}");
            assert_eq!(v["nodes"][0]["name"], "A\u{1b}]0;x\u{7}\u{2067}");
        }
    }
    let out = run(&["fmt", "-"], Some(HOSTILE));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(r"T\u001b[2J\u202eitle\u009b"), "{text}");
}

/// Runs the binary with `stdout` as its standard output; returns its exit code and the first
/// line of its standard error.
fn run_into(args: &[&str], stdout: Stdio) -> (Option<i32>, String) {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .expect("runs");
    (out.status.code(), first_line(&out.stderr))
}

const OUTPUTS: [&[&str]; 5] = [
    &["generate", "50"],
    &["check", T03, "--json"],
    &["check", T03],
    &["explain", T03, "vnet-a", "vnet-c", "--json"],
    &["fmt", T03],
];

#[test]
fn a_full_stdout_is_an_error() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full (the suite runs on Linux)");
    for args in OUTPUTS {
        let stdout = Stdio::from(full.try_clone().expect("dup"));
        assert_eq!(
            run_into(args, stdout),
            (
                Some(2),
                "reachplan: cannot write the output: No space left on device (os error 28)"
                    .to_string()
            ),
            "{args:?}"
        );
    }
}

/// A pipe whose reading end is closed before the command starts: every write fails.
#[test]
fn a_closed_stdout_is_an_error() {
    for args in OUTPUTS {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        assert_eq!(
            run_into(args, Stdio::from(writer)),
            (
                Some(2),
                "reachplan: cannot write the output: Broken pipe (os error 32)".to_string()
            ),
            "{args:?}"
        );
    }
}

#[test]
fn help_version_and_completions() {
    for args in [
        vec!["--help"],
        vec!["--version"],
        vec!["check", "--help"],
        vec!["explain", "--help"],
        vec!["capacity", "--help"],
        vec!["fmt", "--help"],
        vec!["generate", "--help"],
        vec!["help", "check"],
        vec!["completions", "bash"],
        vec!["completions", "zsh"],
        vec!["completions", "fish"],
    ] {
        let out = run(&args, None);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(!out.stdout.is_empty(), "{args:?}");
    }
    let help = String::from_utf8_lossy(&run(&["check", "--help"], None).stdout).into_owned();
    assert!(
        help.contains("Memory:") && help.contains("--summary"),
        "{help}"
    );
    assert_eq!(run(&["check"], None).status.code(), Some(2));
    assert_eq!(
        run(&["check", T03, "--surge", "2"], None).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["capacity", T03, "--surge", "-1"], None).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["capacity", T03, "--surge=3"], None).status.code(),
        Some(0)
    );
    assert_eq!(
        run(&["check", T03, "--deny=error"], None).status.code(),
        Some(0)
    );
    assert_eq!(run(&["generate", "x"], None).status.code(), Some(2));
}

#[test]
fn generate_refuses_a_plan_the_reader_would_refuse() {
    let out = run(&["generate", "1000000"], None);
    assert_eq!(out.status.code(), Some(2));
    let message = stderr(&out);
    assert!(
        message.contains("64 MB") && message.contains("at most about"),
        "{message}"
    );
    assert!(out.stdout.is_empty());
}

/// Runs the command under a limit of its address space (as `ulimit -v` does), so that an
/// allocation the budget missed fails the test instead of the machine.
fn run_limited(megabytes: u64, args: &[&str], stdin: &str) -> Output {
    run_limited_with(megabytes, None, args, stdin)
}

/// [`run_limited`] with one environment variable set (a budget lowered for the test).
fn run_limited_with(
    megabytes: u64,
    env: Option<(&str, &str)>,
    args: &[&str],
    stdin: &str,
) -> Output {
    let script = format!("ulimit -v {} && exec \"$0\" \"$@\"", megabytes * 1024);
    let mut command = Command::new("sh");
    command.arg("-c").arg(script).arg(BIN).args(args);
    if let Some((var, value)) = env {
        command.env(var, value);
    }
    feed(command, Some(stdin))
}

fn vnets(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "v{i}", "kind": "vnet", "address_space": ["10.{}.{}.0/24"]}}"#,
                i / 256,
                i % 256
            )
        })
        .collect()
}

fn plan(nodes: &[String], links: &[String]) -> String {
    format!(
        r#"{{"reachplan": 1, "nodes": [{}], "links": [{}]}}"#,
        nodes.join(","),
        links.join(",")
    )
}

fn peering(a: usize, b: usize) -> String {
    format!(r#"{{"kind": "peering", "from": "v{a}", "to": "v{b}"}}"#)
}

/// Each hostile shape, at a size that runs fast, under 1 GB of address space: an answer or
/// a refusal that names the size, the limit and the way forward, never an abort.
#[test]
fn hostile_shapes_are_answered_or_refused_under_a_memory_limit() {
    let chain = plan(
        &vnets(300),
        &(0..299).map(|i| peering(i, i + 1)).collect::<Vec<_>>(),
    );
    // Explained from one search tree per endpoint, the pairs streamed: 89,700 pairs whose
    // nearest paths break up to 297 rules each (what once needed gigabytes).
    let out = run_limited(1024, &["check", "-", "--json"], &chain);
    assert_eq!(out.status.code(), Some(0), "chain: {}", stderr(&out));
    let answer: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(answer["pairs"].as_array().map(Vec::len), Some(300 * 299));
    let out = run_limited(1024, &["check", "-"], &chain);
    assert_eq!(out.status.code(), Some(0), "chain text: {}", stderr(&out));
    let out = run_limited(1024, &["check", "-", "--summary"], &chain);
    assert_eq!(
        out.status.code(),
        Some(0),
        "chain summary: {}",
        stderr(&out)
    );

    let mesh: Vec<String> = (0..30)
        .flat_map(|i| (i + 1..30).map(move |j| peering(i, j)))
        .collect();
    let out = run_limited(1024, &["check", "-", "--json"], &plan(&vnets(30), &mesh));
    assert_eq!(out.status.code(), Some(0), "mesh: {}", stderr(&out));

    let parallel = vec![peering(0, 1); 300];
    let out = run_limited(1024, &["check", "-", "--json"], &plan(&vnets(2), &parallel));
    assert_eq!(out.status.code(), Some(0), "parallel: {}", stderr(&out));

    let sites: Vec<String> = (0..60_001)
        .map(|i| format!(r#"{{"id": "s{i}", "kind": "site"}}"#))
        .collect();
    let bare = plan(&sites, &[]);
    for args in [vec!["check", "-", "--summary"], vec!["check", "-"]] {
        let out = run_limited(1024, &args, &bare);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let message = stderr(&out);
        assert!(message.contains("60001 endpoints"), "{message}");
        assert!(!message.contains("memory allocation"), "{message}");
    }
    let out = run_limited(1024, &["fmt", "-"], &bare);
    assert_eq!(out.status.code(), Some(0), "fmt: {}", stderr(&out));
}

/// The refusals of the full report, seen fast: with its budgets lowered for the test (the
/// searches to 64 KB, the held answers of `--all` to 1 MB), a chain of 60 VNets is refused
/// before the allocation, exit 2, with the size, the limit and the way forward; the grouped
/// report of the same chain, which holds no answers, is not.
#[test]
fn the_full_report_budgets_refuse_before_the_allocation() {
    let chain = plan(
        &vnets(60),
        &(0..59).map(|i| peering(i, i + 1)).collect::<Vec<_>>(),
    );
    let lowered = |var: &str, bytes: &str, args: &[&str]| {
        let mut command = Command::new(BIN);
        command.env(var, bytes).args(args);
        feed(command, Some(&chain))
    };
    for args in [["check", "-", "--json"].as_slice(), &["check", "-"]] {
        let out = lowered("REACHPLAN_TEST_TREE_BYTES", "65536", args);
        let message = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {message}");
        assert!(message.contains("the searches that explain"), "{message}");
        assert!(message.contains("60 endpoints"), "{message}");
        assert!(message.contains("budget of 1 MB"), "{message}");
        assert!(message.contains("--summary"), "{message}");
        assert!(out.stdout.is_empty());
    }
    let out = lowered(
        "REACHPLAN_TEST_REPORT_BYTES",
        "1048576",
        &["check", "-", "--all"],
    );
    let message = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "--all: {message}");
    assert!(
        message.contains("text report would hold about"),
        "{message}"
    );
    assert!(message.contains("budget of 1 MB"), "{message}");
    assert!(message.contains("--json"), "{message}");
    let out = lowered("REACHPLAN_TEST_REPORT_BYTES", "1048576", &["check", "-"]);
    assert_eq!(out.status.code(), Some(0), "grouped: {}", stderr(&out));
    assert!(
        stdout(&out).contains("Not reachable by hub"),
        "{}",
        stdout(&out)
    );
}

/// Each hostile shape of the issue (a full mesh, a chain, parallel links, a generated plan,
/// bare endpoints), at a size that runs fast and under 512 MB of address space, whose answer
/// would exceed the budget (lowered for the test to 1 byte, so that every answer does): refused
/// before the allocation, exit 2, nothing on stdout, and a message with the size, the limit
/// and the way forward. Past the endpoint limits (1,001 endpoints for the full report, 60,001
/// for --summary) the refusal comes from the count alone, at full size.
#[test]
fn every_hostile_shape_is_refused_before_the_allocation_under_a_memory_limit() {
    let mesh: Vec<String> = (0..30)
        .flat_map(|i| (i + 1..30).map(move |j| peering(i, j)))
        .collect();
    let sites = |n: usize| {
        let nodes: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"id": "s{i}", "kind": "site"}}"#))
            .collect();
        plan(&nodes, &[])
    };
    let generated = reachplan::engine::write_plan(&reachplan::engine::generate::generate(60, 1));
    let shapes = [
        ("mesh", plan(&vnets(30), &mesh), 30),
        (
            "chain",
            plan(
                &vnets(60),
                &(0..59).map(|i| peering(i, i + 1)).collect::<Vec<_>>(),
            ),
            60,
        ),
        ("parallel", plan(&vnets(2), &vec![peering(0, 1); 300]), 2),
        ("generated", generated, 60),
        ("bare", sites(61), 61),
    ];
    for (shape, text, n) in &shapes {
        let trees = Some(("REACHPLAN_TEST_TREE_BYTES", "1"));
        for args in [["check", "-", "--json"].as_slice(), &["check", "-"]] {
            let out = run_limited_with(512, trees, args, text);
            let message = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{shape} {args:?}: {message}");
            assert!(out.stdout.is_empty(), "{shape} {args:?}");
            for needle in [
                "the searches that explain this plan's pairs would take about ".to_string(),
                format!(" MB for its {n} endpoints, over the full report's budget of 1 MB."),
                "--summary`; for one pair, `reachplan explain".to_string(),
            ] {
                assert!(message.contains(&needle), "{shape} {args:?}: {message}");
            }
        }
        let held = Some(("REACHPLAN_TEST_REPORT_BYTES", "1"));
        let out = run_limited_with(512, held, &["check", "-", "--all"], text);
        let message = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{shape} --all: {message}");
        assert!(out.stdout.is_empty(), "{shape} --all");
        for needle in [
            "the text report would hold about ",
            "over its budget of 1 MB. `reachplan check - --json` writes them one at a time.",
            "--summary`; for one pair",
        ] {
            assert!(message.contains(needle), "{shape} --all: {message}");
        }
    }
    let thousand = sites(1001);
    for args in [["check", "-", "--json"].as_slice(), &["check", "-"]] {
        let out = run_limited(512, args, &thousand);
        let message = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {message}");
        assert!(out.stdout.is_empty());
        assert!(
            message.contains("1001 endpoints, 1001000 ordered pairs; check explains every pair of plans of up to 1000 endpoints. For the counts, run `reachplan check - --summary`"),
            "{message}"
        );
    }
    let out = run_limited(512, &["check", "-", "--summary"], &sites(60_001));
    let message = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{message}");
    assert!(
        message.contains("would take 1288 MB (three bit matrices of 60001 x 60001), over its budget of 60000 endpoints"),
        "{message}"
    );
}

/// Values a planner should question: each refused with its JSON path, line and column.
#[test]
fn questionable_values_are_refused_with_their_path() {
    let vnet = |extra: &str| {
        format!(
            r#"{{"reachplan": 1, "nodes": [{{"id": "a", "kind": "vnet"{extra}}}, {{"id": "b", "kind": "vnet"}}]"#
        )
    };
    let users = |mbps: &str| {
        format!(
            r#"{{"reachplan": 1, "nodes": [{{"id": "u", "kind": "users", "mbps_per_user": {mbps}}}]}}"#
        )
    };
    let flow = |to: &str, mbps: &str| {
        format!(
            r#"{}, "flows": [{{"from": "a", "to": "{to}", "class": "bulk", "mbps": {mbps}}}]}}"#,
            vnet("")
        )
    };
    let cases = [
        (users("-2"), "nodes[0].mbps_per_user", "positive number"),
        (users("0"), "nodes[0].mbps_per_user", "positive number"),
        (users("1e999"), "nodes[0].mbps_per_user", "out of range"),
        (flow("b", "0"), "flows[0].mbps", "positive number"),
        (flow("b", "-1.5"), "flows[0].mbps", "positive number"),
        (flow("a", "1"), "flows[0].to", "to itself"),
        (
            format!(
                r#"{}, "intents": [{{"from": "b", "to": "b", "expect": "reachable"}}]}}"#,
                vnet("")
            ),
            "intents[0].to",
            "to itself",
        ),
        (
            format!("{}}}", vnet(r#", "address_space": ["10.0.0.1/24"]"#)),
            "address_space[0]",
            "10.0.0.0/24",
        ),
        (
            format!("{}}}", vnet(r#", "address_space": ["010.1.0.0/16"]"#)),
            "address_space[0]",
            "leading zero",
        ),
        (
            format!("{}}}", vnet(r#", "address_space": ["fd00::1/48"]"#)),
            "address_space[0]",
            "fd00::/48",
        ),
        (
            format!("{}}}", vnet(r#", "kind": "site""#)),
            "nodes[0].kind",
            "duplicate field `kind`",
        ),
        (
            r#"{"reachplan": 1, "nodes": [], "reachplan": 2}"#.to_string(),
            "reachplan",
            "duplicate field `reachplan`",
        ),
    ];
    for (plan, path, needle) in cases {
        let out = run(&["check", "-"], Some(&plan));
        let message = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{plan}: {message}");
        assert!(message.starts_with("reachplan: -:1:"), "{plan}: {message}");
        assert!(
            message.contains(path) && message.contains(needle),
            "{plan}: {message}"
        );
    }
}
