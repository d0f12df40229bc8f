//! Hostile inputs: each gets a clear message that names where (exit 2), or, when the plan is
//! valid after all, an answer (exit 0 or 1), in bounded time and memory and never a panic.
//!
//! Most cases drive the `reachplan` binary as a person would; share links have no command, so
//! they go to the library. The large inputs are written under Cargo's temporary directory for
//! integration tests and removed afterwards; the binary runs with its virtual memory limited
//! to 1 GiB, so that a reader that held several copies of a 50 MB input would fail the test.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use reachplan::engine::{model::Plan, read_plan, share, write_plan};

/// What one run of the binary did.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs `reachplan ARGS` with `stdin`, under a 1 GiB limit of virtual memory.
fn run_bytes(args: &[&str], stdin: &[u8]) -> Run {
    // No test here times the binary (time budgets belong to `scripts/bench.sh`): `timeout` only
    // stops a hang, after ten minutes, and the run then fails with exit 124.
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1048576; exec timeout 600 \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_reachplan"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the reachplan binary runs");
    let mut input = child.stdin.take().expect("stdin");
    let bytes = stdin.to_vec();
    // A separate writer, so that a binary that stops reading early cannot block the test.
    let writer = std::thread::spawn(move || match input.write_all(&bytes) {
        // The binary refused before reading all of it: its answer says so.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    });
    let out = child.wait_with_output().expect("reachplan finishes");
    writer
        .join()
        .expect("the writer finishes")
        .expect("the input is written");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn run(args: &[&str], stdin: &str) -> Run {
    run_bytes(args, stdin.as_bytes())
}

/// `check -` of a plan text.
fn check(plan: &str) -> Run {
    run(&["check", "-"], plan)
}

/// The run refused the plan with exit 2, a message that names the place (`-:line:column:`)
/// and contains `needle`, and no panic.
#[track_caller]
fn refused(run: &Run, needle: &str) {
    assert_eq!(
        run.code, 2,
        "exit {}\nstdout {}\nstderr {}",
        run.code, run.stdout, run.stderr
    );
    assert!(
        run.stderr.contains(needle),
        "{needle:?} not in: {}",
        run.stderr
    );
    assert!(
        run.stderr.starts_with("reachplan: -:"),
        "no place named: {}",
        run.stderr
    );
    sane(run);
}

/// No panic, and nothing a terminal would take for a command.
#[track_caller]
fn sane(run: &Run) {
    for text in [&run.stdout, &run.stderr] {
        assert!(!text.contains("panicked"), "{text}");
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "a control character reached the terminal: {:?}",
            text.chars().filter(|c| c.is_control()).collect::<String>()
        );
    }
}

/// A file under Cargo's temporary directory for integration tests, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

const MB: usize = 1024 * 1024;

#[test]
fn fifty_megabytes_of_junk_or_one_huge_string_get_a_short_clear_answer() {
    let junk = TempFile::new("hostile-junk.json", &vec![b'x'; 50 * MB]);
    let r = run(&["check", junk.path()], "");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains(":1:1: .: not valid JSON"), "{}", r.stderr);
    sane(&r);

    // A valid plan whose title is one 50 MB string: read, answered, and the title cut short.
    let text = format!(
        "{{\"reachplan\": 1, \"title\": \"{}\", \"nodes\": []}}",
        "a".repeat(50 * MB)
    );
    let title = TempFile::new("hostile-title.json", text.as_bytes());
    let r = run(&["check", title.path()], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.len() < 10_000,
        "{} bytes of output",
        r.stdout.len()
    );
    assert!(r.stdout.contains("aaaa…"), "{}", &r.stdout[..200]);
    sane(&r);

    // A 50 MB id and a 50 MB kind: refused, and the message quotes only the start of them.
    for (name, text, needle) in [
        (
            "hostile-id.json",
            format!(
                "{{\"reachplan\": 1, \"nodes\": [{{\"id\": \"{}\", \"kind\": \"vnet\"}}]}}",
                "a".repeat(50 * MB)
            ),
            "nodes[0].id: id \"aaaa",
        ),
        (
            "hostile-kind.json",
            format!(
                "{{\"reachplan\": 1, \"nodes\": [{{\"id\": \"a\", \"kind\": \"{}\"}}]}}",
                "v".repeat(50 * MB)
            ),
            "nodes[0].kind: unknown variant `vvvv",
        ),
    ] {
        let file = TempFile::new(name, text.as_bytes());
        let r = run(&["check", file.path()], "");
        assert_eq!(
            r.code,
            2,
            "{name}: {}",
            &r.stderr[..r.stderr.len().min(500)]
        );
        assert!(r.stderr.contains(needle), "{name}: {}", &r.stderr[..500]);
        assert!(
            r.stderr.len() < 2_000,
            "{name}: {} bytes of message",
            r.stderr.len()
        );
        sane(&r);
    }
}

#[test]
fn more_than_64_megabytes_is_refused_from_a_file_and_from_standard_input() {
    let big = vec![b' '; 65 * MB];
    let file = TempFile::new("hostile-65mb.json", &big);
    let r = run(&["check", file.path()], "");
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("larger than 64 MB"), "{}", r.stderr);
    sane(&r);
    let r = run_bytes(&["check", "-"], &big);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("larger than 64 MB"), "{}", r.stderr);
}

#[test]
fn nesting_ten_thousand_deep_is_an_error_that_names_where() {
    let deep_object = format!(
        "{{\"reachplan\": 1, \"title\": {}1{}}}",
        "{\"a\": ".repeat(10_000),
        "}".repeat(10_000)
    );
    let deep_nodes = format!(
        "{{\"reachplan\": 1, \"nodes\": {}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let deep_array = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    for text in [&deep_object, &deep_nodes, &deep_array] {
        refused(&check(text), "nested too deeply");
        let e = read_plan(text).unwrap_err();
        assert!(e.line >= 1 && e.column > 1, "{e}");
        // Inside a share link too.
        let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 6);
        let link = format!("p1.{}", URL_SAFE_NO_PAD.encode(&packed));
        assert!(
            matches!(share::decode(&link), Err(share::ShareError::Plan(_))),
            "{:?}",
            share::decode(&link)
        );
    }
}

#[test]
fn a_hundred_thousand_nodes_get_an_answer_in_bounded_time() {
    let n = 100_000;
    let mut text = String::from("{\"reachplan\": 1, \"nodes\": [");
    for i in 0..n {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&format!(
            "{{\"id\": \"v{i}\", \"kind\": \"vnet\", \"address_space\": [\"10.{}.{}.0/24\"]}}",
            i / 256 % 256,
            i % 256
        ));
    }
    text.push_str("], \"links\": [");
    for i in 0..n {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&format!(
            "{{\"kind\": \"peering\", \"from\": \"v{i}\", \"to\": \"v{}\"}}",
            (i * 7 + 1) % n
        ));
    }
    text.push_str("]}");
    let plan = read_plan(&text).unwrap();
    assert_eq!(plan.nodes.len(), n);

    // The full pair report (text or JSON) would be ten billion pairs: refused at once, with
    // the way to the counts.
    let file = TempFile::new("hostile-100k.json", text.as_bytes());
    for args in [
        vec!["check", file.path()],
        vec!["check", file.path(), "--json"],
    ] {
        let r = run(&args, "");
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("100000 endpoints"), "{}", r.stderr);
        assert!(r.stderr.contains(args[0]), "{}", r.stderr);
        assert!(r.stderr.contains("--summary"), "{}", r.stderr);
        sane(&r);
    }
    // explain and capacity answer a few pairs, whatever the size of the plan.
    let r = run(&["explain", file.path(), "v0", "v1"], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("v0 → v1: reachable"), "{}", r.stdout);
    sane(&r);
    let r = run(&["capacity", file.path()], "");
    assert_eq!(r.code, 0, "{}", r.stderr);
    sane(&r);
}

#[test]
fn broken_references_self_links_duplicates_and_empty_ids() {
    let node = |id: &str| format!("{{\"id\": \"{id}\", \"kind\": \"vnet\"}}");
    let cases: Vec<(String, &str)> = vec![
        (
            format!("{{\"reachplan\": 1, \"nodes\": [{}], \"links\": [{{\"kind\": \"peering\", \"from\": \"a\", \"to\": \"ghost\"}}]}}", node("a")),
            "links[0].to: unknown node id \"ghost\" (known: a)",
        ),
        (
            format!("{{\"reachplan\": 1, \"nodes\": [{}, {}]}}", node("a"), node("a")),
            "nodes[1].id: duplicate node id \"a\"",
        ),
        (
            format!("{{\"reachplan\": 1, \"nodes\": [{}, {}], \"links\": [{{\"id\": \"l\", \"kind\": \"peering\", \"from\": \"a\", \"to\": \"b\"}}, {{\"id\": \"l\", \"kind\": \"peering\", \"from\": \"b\", \"to\": \"a\"}}]}}", node("a"), node("b")),
            "links[1].id: duplicate link id \"l\"",
        ),
        (
            "{\"reachplan\": 1, \"wans\": [{\"id\": \"w\", \"type\": \"standard\"}, {\"id\": \"w\", \"type\": \"basic\"}]}".to_string(),
            "wans[1].id: duplicate wan id \"w\"",
        ),
        (
            format!("{{\"reachplan\": 1, \"nodes\": [{}]}}", node("")),
            "nodes[0].id: id \"\" is not valid",
        ),
        (
            format!("{{\"reachplan\": 1, \"nodes\": [{}], \"links\": [{{\"kind\": \"peering\", \"from\": \"\", \"to\": \"a\"}}]}}", node("a")),
            "links[0].from: unknown node id \"\"",
        ),
        (
            format!("{{\"reachplan\": 1, \"nodes\": [{}], \"links\": [{{\"id\": \"\", \"kind\": \"peering\", \"from\": \"a\", \"to\": \"a\"}}]}}", node("a")),
            "links[0].id: id \"\" is not valid",
        ),
        (
            "{\"reachplan\": 1, \"wans\": [{\"id\": \"\", \"type\": \"basic\"}]}".to_string(),
            "wans[0].id: id \"\" is not valid",
        ),
        (
            format!("{{\"reachplan\": 1, \"nodes\": [{}], \"intents\": [{{\"from\": \"\", \"to\": \"a\", \"expect\": \"reachable\"}}]}}", node("a")),
            "intents[0].from: unknown node id \"\"",
        ),
        (
            "{\"reachplan\": 1, \"nodes\": [{\"id\": \"h\", \"kind\": \"vwan_hub\", \"wan\": \"nope\"}]}".to_string(),
            "nodes[0].wan: unknown wan id \"nope\"",
        ),
    ];
    for (text, needle) in &cases {
        refused(&check(text), needle);
    }

    // A self-link is a valid plan: answered, with a finding that says the link is ignored.
    let text = format!(
        "{{\"reachplan\": 1, \"nodes\": [{}, {}], \"links\": [{{\"kind\": \"peering\", \"from\": \"a\", \"to\": \"a\"}}]}}",
        node("a"),
        node("b")
    );
    let r = check(&text);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("self-link"), "{}", r.stdout);
    assert!(r.stdout.contains("joins a to itself"), "{}", r.stdout);
    sane(&r);
}

#[test]
fn markup_and_terminal_escapes_are_shown_as_plain_text() {
    let text = r#"{"reachplan": 1,
      "title": "<script>alert(1)</script> \u001b[2J\u001b]0;owned\u0007 \u009b31m done\r",
      "description": "<img src=x onerror=alert(1)>",
      "nodes": [
        {"id": "a", "kind": "vnet", "name": "<b>A</b>\u001b[5m", "description": "\u001b]8;;http://x\u0007link",
         "address_space": ["10.1.0.0/16"]},
        {"id": "b", "kind": "vnet", "name": "</table><script src=//x></script>", "address_space": ["10.2.0.0/16"]}],
      "links": [{"kind": "peering", "from": "a", "to": "b", "name": "\u001bc reset"}],
      "intents": [{"from": "a", "to": "b", "expect": "reachable", "why": "<i>because</i>\u001b[1A\u0000"}]}"#;
    for command in ["check", "capacity"] {
        let r = run(&[command, "-"], text);
        assert_eq!(r.code, 0, "{command}: {}", r.stderr);
        // Shown as written, as text: no markup is interpreted or escaped for a browser.
        assert!(
            r.stdout.contains("<script>alert(1)</script>"),
            "{command}: {}",
            r.stdout
        );
        sane(&r);
    }
    let r = run(&["check", "-"], text);
    assert!(r.stdout.contains("(<i>because</i>"), "{}", r.stdout);
    let r = run(&["explain", "-", "a", "b"], text);
    assert_eq!(r.code, 0, "{}", r.stderr);
    sane(&r);
    // JSON output escapes control characters as JSON does.
    let r = run(&["check", "-", "--json"], text);
    assert_eq!(r.code, 0, "{}", r.stderr);
    sane(&r);

    // Escapes in values that the reader rejects are escaped in the message.
    for (text, needle) in [
        (
            r#"{"reachplan": 1, "nodes": [{"id": "a", "kind": "\u001b[2J"}]}"#,
            r"unknown variant `\u{1b}[2J`",
        ),
        (
            r#"{"reachplan": 1, "nodes": [{"id": "a", "kind": "vnet", "address_space": ["\u001b[31m10.0.0.0/8"]}]}"#,
            r"`\u{1b}[31m10.0.0.0/8` is not a CIDR prefix",
        ),
        (
            r#"{"reachplan": 1, "nodes": [{"id": "a", "kind": "vnet", "\u001b]0;x\u0007": 1}]}"#,
            r"unknown field `\u{1b}]0;x\u{7}`",
        ),
        (
            r#"{"reachplan": 1, "nodes": [{"id": "\u001b[31m", "kind": "vnet"}]}"#,
            r#"id "\u{1b}[31m" is not valid"#,
        ),
        (
            r#"{"reachplan": 1, "nodes": [{"id": "c", "kind": "cloud", "provider": "\u009b2J"}]}"#,
            r#"unknown cloud provider "\u{9b}2J""#,
        ),
    ] {
        refused(&check(text), needle);
    }
}

#[test]
fn other_versions_are_named() {
    refused(
        &check("{\"reachplan\": 2, \"nodes\": []}"),
        "this plan is format version 2; this reachplan reads version 1 (a newer reachplan wrote it)",
    );
    refused(&check("{\"reachplan\": 0}"), "unknown format version 0");
    refused(
        &check("{\"reachplan\": \"1\"}"),
        "unknown format version \"1\"",
    );
    refused(&check("{\"reachplan\": 1.0}"), "unknown format version 1.0");
    refused(
        &check("{\"reachplan\": 18446744073709551616}"),
        "unknown format version",
    );
    refused(&check("{\"nodes\": []}"), "missing field `reachplan`");
}

/// The error a share link cut at `cut` must give: nothing left, a cut prefix, or damaged data.
fn cut_error(cut: usize, e: &share::ShareError) -> bool {
    use share::ShareError::*;
    match cut {
        0 => *e == Empty,
        c if c < share::PREFIX.len() => matches!(e, Version(_)),
        c if c == share::PREFIX.len() => matches!(e, Empty | Damaged),
        _ => matches!(e, Damaged | Base64),
    }
}

#[test]
fn garbage_and_truncated_share_links_are_refused_with_a_sentence() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("www/examples/hub-spoke-firewall.json"),
    )
    .unwrap();
    let plan = read_plan(&text).unwrap();
    let link = share::encode(&plan);
    // Every cut gives the error its place calls for or (cut in the last bits only) the same
    // plan, never another.
    for cut in 0..link.len() {
        match share::decode(&link[..cut]) {
            Ok(back) => assert_eq!(back, plan, "cut at {cut}"),
            Err(e) => assert_eq!(
                Some(&e).filter(|e| cut_error(cut, e)),
                Some(&e),
                "cut at {cut}"
            ),
        }
    }
    let long = "p1.".to_string() + &"A".repeat(1_000_000);
    use share::ShareError::{Base64, Damaged, Empty, Version};
    let version = |start: &str| Version(start.to_string());
    let garbage = [
        ("", Empty),
        ("#", Empty),
        ("   ", Empty),
        ("p1.", Damaged),
        ("p1.====", Base64),
        ("p1.\u{1b}[2J", Base64),
        ("p1.🦀🦀", Base64),
        ("p2.AAAA", version("p2.")),
        ("https://example.org/#p1.AAAA", version("htt")),
        ("<script>alert(1)</script>", version("<sc")),
        ("p1.////", Base64),
        ("p1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", Damaged),
        (&long, Damaged),
    ];
    for (g, want) in garbage {
        let e = share::decode(g).unwrap_err();
        assert_eq!(e, want, "{g:.40}");
        assert!(!e.to_string().contains('\u{1b}'), "{g:?}: {e}");
    }
    assert_eq!(
        version("p2.").to_string(),
        "the link is not a reachplan share link (it starts with `p2.`, expected `p1.`)"
    );
    // Every single-character change either fails or gives a plan that writes and reads back.
    for i in 3..link.len() {
        let mut bad = link.clone().into_bytes();
        bad[i] = if bad[i] == b'Q' { b'w' } else { b'Q' };
        if let Ok(other) = share::decode(std::str::from_utf8(&bad).unwrap()) {
            assert_eq!(read_plan(&write_plan(&other)).unwrap(), other);
        }
    }
    // A link whose plan inflates past the limit is refused without inflating it all.
    let bomb =
        miniz_oxide::deflate::compress_to_vec(&vec![b' '; share::MAX_INFLATED_BYTES + MB], 6);
    assert_eq!(
        share::decode(&format!("p1.{}", URL_SAFE_NO_PAD.encode(&bomb))),
        Err(share::ShareError::TooLarge)
    );
}

#[test]
fn invalid_utf8_a_byte_order_mark_and_nul_bytes() {
    let plan = "{\"reachplan\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"vnet\"}]}";
    // Invalid UTF-8 on line 2: named by line and column.
    let mut bytes = b"{\"reachplan\": 1,\n \"title\": \"caf".to_vec();
    bytes.extend([0xe9, b'"', b'}']);
    let r = run_bytes(&["check", "-"], &bytes);
    refused(&r, "-:2:15: the plan is not UTF-8 text");
    // UTF-16 (what some editors save): not UTF-8 either.
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(plan.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    refused(&run_bytes(&["check", "-"], &utf16), "not UTF-8 text");
    // A UTF-8 byte order mark is allowed.
    let r = run(&["check", "-"], &format!("\u{feff}{plan}"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    // A raw NUL byte is not JSON; an escaped one is text, and never reaches the terminal.
    refused(
        &check("{\"reachplan\": 1, \"title\": \"a\0b\", \"nodes\": []}"),
        "-:1:29: title: not valid JSON: control character",
    );
    refused(
        &check("{\"reachplan\": 1}\0"),
        "not valid JSON: trailing characters",
    );
    let r = check("{\"reachplan\": 1, \"title\": \"a\\u0000b\", \"nodes\": []}");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("a b\n"), "{}", r.stdout);
    sane(&r);
}

#[test]
fn numbers_out_of_range_name_their_field() {
    let cases = [
        (
            r#"{"id": "s", "kind": "site", "asn": 1099511627776}"#,
            "nodes[0].asn: invalid value: integer `1099511627776`",
        ),
        (
            r#"{"id": "u", "kind": "users", "count": -1}"#,
            "nodes[0].count: invalid value: integer `-1`",
        ),
        (
            r#"{"id": "u", "kind": "users", "count": 1e3}"#,
            "nodes[0].count: invalid type: floating point",
        ),
        (
            r#"{"id": "u", "kind": "users", "count": 4294967296}"#,
            "nodes[0].count",
        ),
        (
            r#"{"id": "u", "kind": "users", "mbps_per_user": 1e400}"#,
            "nodes[0].mbps_per_user: not valid JSON: number out of range",
        ),
        (
            r#"{"id": "u", "kind": "users", "position": {"x": -1e999, "y": 0}}"#,
            "nodes[0].position.x",
        ),
        (
            r#"{"id": "v", "kind": "vnet", "vpn_gateway": {"sku": "VpnGw1", "generation": 256}}"#,
            "nodes[0].vpn_gateway.generation",
        ),
        (
            r#"{"id": "e", "kind": "expressroute", "bandwidth_mbps": 1.5}"#,
            "nodes[0].bandwidth_mbps",
        ),
        (
            r#"{"id": "u", "kind": "users", "clients": {"windows": 99999999999999999999999}}"#,
            "nodes[0].clients.windows",
        ),
    ];
    for (node, needle) in cases {
        refused(
            &check(&format!("{{\"reachplan\": 1, \"nodes\": [{node}]}}")),
            needle,
        );
    }
    // The largest numbers the format takes are answered, by check and by capacity.
    let text = r#"{"reachplan": 1,
      "nodes": [{"id": "u", "kind": "users", "count": 4294967295, "mbps_per_user": 1.7976931348623157e308,
                 "clients": {"windows": 4294967295, "macos": 4294967295, "linux": 4294967295,
                             "ios": 4294967295, "android": 4294967295},
                 "position": {"x": 1.7976931348623157e308, "y": -1.7976931348623157e308}},
                {"id": "s", "kind": "site", "asn": 4294967295, "address_space": ["10.9.0.0/16"]},
                {"id": "hub", "kind": "vnet", "address_space": ["10.0.0.0/16"],
                 "vpn_gateway": {"sku": "VpnGw1", "asn": 4294967295, "bgp": true,
                   "p2s": {"protocols": ["sstp", "ikev2"], "auth": ["certificate"], "address_pool": ["172.16.0.0/22"]}}},
                {"id": "er", "kind": "expressroute", "bandwidth_mbps": 4294967295}],
      "links": [{"kind": "p2s", "from": "u", "to": "hub"}, {"kind": "s2s", "from": "s", "to": "hub", "bgp": true}],
      "flows": [{"from": "u", "to": "s", "class": "bulk", "mbps": 1.7976931348623157e308}]}"#;
    // check: no intent, so 0 (findings do not change the status); capacity: 1, because a
    // capacity finding is an error (a 10^308 Mbps flow fits no gateway).
    for (args, code) in [
        (&["check", "-"][..], 0),
        (&["capacity", "-"], 1),
        (&["capacity", "-", "--surge", "1000000"], 1),
    ] {
        let r = run(args, text);
        assert_eq!(r.code, code, "{args:?}: {}", r.stderr);
        sane(&r);
    }
    for surge in ["0", "-1", "NaN", "inf", "1e400", "lots"] {
        let r = run(&["capacity", "-", "--surge", surge], text);
        assert_eq!(r.code, 2, "--surge {surge}: {}", r.stderr);
        assert!(
            r.stderr.contains("--surge takes a positive number"),
            "{}",
            r.stderr
        );
    }
}

#[test]
fn prefixes_out_of_range_name_their_entry() {
    for cidr in [
        "10.0.0.0/33",
        "::/129",
        "10.0.0.0/-1",
        "300.0.0.0/8",
        "10.0.0.0",
        "",
        "10.0.0.0/8/8",
        "fd00::/48 ",
        "0x0a000000/8",
    ] {
        let text = format!(
            "{{\"reachplan\": 1, \"nodes\": [{{\"id\": \"a\", \"kind\": \"vnet\", \"address_space\": [\"10.1.0.0/16\", \"{cidr}\"]}}]}}"
        );
        let r = check(&text);
        if cidr == "fd00::/48 " {
            // Surrounding spaces are forgiven.
            assert_eq!(r.code, 0, "{}", r.stderr);
            continue;
        }
        refused(&r, "nodes[0].address_space[1]");
        assert!(
            r.stderr.contains("is not a CIDR prefix"),
            "{cidr}: {}",
            r.stderr
        );
    }
    // In a P2S address pool too.
    refused(
        &check(
            r#"{"reachplan": 1, "nodes": [{"id": "h", "kind": "vnet", "vpn_gateway": {"sku": "VpnGw1", "p2s": {"address_pool": ["172.16.0.0/99"]}}}]}"#,
        ),
        "nodes[0].vpn_gateway.p2s.address_pool[0]",
    );
}

#[test]
fn an_empty_plan_and_an_empty_file_are_handled() {
    let r = check("{\"reachplan\": 1}");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("The plan has no endpoints yet."),
        "{}",
        r.stdout
    );
    refused(&check(""), "ends too early");
    refused(&check("   \n\n  "), "-:3:2: .: the plan ends too early");
    let plan = Plan::new();
    assert_eq!(read_plan(&write_plan(&plan)).unwrap(), plan);
}
