//! Running the `reachplan` binary: arguments of any bytes, standard input, and the first line
//! of what it printed.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::{ErrorKind, Write};
use std::process::{Command, Output, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_reachplan");

/// A plan of the repository: three VNets, two peerings (R1.1).
pub const T03: &str = "tests/data/scenarios/t03-peering-not-transitive.json";

/// Runs the binary in the repository's folder with `args` and `stdin` (see [`feed`]).
pub fn run_os(args: &[&OsStr], stdin: Option<&str>) -> Output {
    let mut command = Command::new(BIN);
    command.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    feed(command, stdin)
}

/// Runs `command` with standard input a pipe closed after `stdin` (empty when `None`), and
/// standard output and error captured.
pub fn feed(mut command: Command, stdin: Option<&str>) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command runs");
    let mut input = child.stdin.take().expect("a stdin pipe");
    match input.write_all(stdin.unwrap_or("").as_bytes()) {
        Ok(()) => {}
        // A command refused before reading its input (a usage error): the exit code says so.
        Err(e) if e.kind() == ErrorKind::BrokenPipe => {}
        Err(e) => panic!("writing to the command's input: {e}"),
    }
    drop(input);
    child.wait_with_output().expect("the command finishes")
}

/// [`run_os`] with arguments that are text.
pub fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    run_os(&args, stdin)
}

/// [`run`] without input: the exit code (-1 when a signal ended it), standard output and
/// standard error as text.
pub fn code_out_err(args: &[&str]) -> (i32, String, String) {
    let out = run(args, None);
    (out.status.code().unwrap_or(-1), stdout(&out), stderr(&out))
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The first line of `bytes` (lossy UTF-8), empty when there is none.
pub fn first_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .lines()
        .next()
        .unwrap_or("")
        .to_string()
}
