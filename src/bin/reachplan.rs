//! The `reachplan` command: check a plan file, or explain one pair.
//!
//! Exit status: 0 when the plan was read and every intent holds (and no finding is denied);
//! 1 when an intent fails or a denied finding is present; 2 when the plan cannot be read or
//! the command line is wrong.

use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::Instant;

use reachplan::engine::{self, report, Severity};

const USAGE: &str = "\
reachplan: who reaches whom in a hybrid Azure network plan

Usage:
  reachplan check PLAN.json [--json] [--summary] [--deny errors|warnings]
  reachplan explain PLAN.json FROM TO [--json]
  reachplan capacity PLAN.json [--surge N] [--json]
  reachplan fmt PLAN.json          print the plan in canonical form
  reachplan generate N [--seed S]  print a generated plan with N endpoints
  reachplan --help | --version

PLAN.json may be - for standard input.

check      prints the reachability matrix, the reasons and fixes for unreachable
           pairs, the findings, the assumptions and the intents.
  --json      print the analysis as JSON (the contract of plan-format.md)
  --summary   print only the counts and the analysis time (answers without
              explanations: fast on plans of thousands of endpoints)
  --deny S    exit 1 when a finding of severity S (errors, or warnings and worse) exists
explain    prints one pair's full story: the way there and back, hop by hop.
generate   prints a realistic plan (hubs, spokes, branches, users, circuits, Virtual
           WAN, other clouds), the same for the same N and seed (default 1).
capacity   measures gateways, hubs, circuits and firewalls against the SKU tables:
           utilisation bars, shortfalls with the smallest SKU that fits (30 %
           headroom), the path and latency of each flow, and what breaks first.
  --surge N   N times as many remote users as the plan says (default 1)
  --json      print the capacity answer as JSON

Exit status: 0 plan read and every intent holds; 1 an intent fails (or a denied
finding; for capacity, a capacity finding of severity error); 2 the plan cannot be
read, or the command line is wrong.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("reachplan: {message}");
            ExitCode::from(2)
        }
    }
}

struct Options {
    json: bool,
    surge: Option<f64>,
    summary: bool,
    deny: Option<Severity>,
    positional: Vec<String>,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        json: false,
        surge: None,
        summary: false,
        deny: None,
        positional: Vec::new(),
    };
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--json" => options.json = true,
            "--summary" => options.summary = true,
            "--deny" => {
                i += 1;
                options.deny = Some(match args.get(i).map(String::as_str) {
                    Some("errors" | "error") => Severity::Error,
                    Some("warnings" | "warning") => Severity::Warning,
                    other => {
                        return Err(format!(
                            "--deny takes errors or warnings, not {}",
                            other.unwrap_or("nothing")
                        ))
                    }
                });
            }
            s if s.starts_with("--deny=") => {
                let v = &s["--deny=".len()..];
                options.deny = Some(match v {
                    "errors" | "error" => Severity::Error,
                    "warnings" | "warning" => Severity::Warning,
                    _ => return Err(format!("--deny takes errors or warnings, not {v}")),
                });
            }
            "--surge" => {
                i += 1;
                options.surge = Some(surge(args.get(i).map(String::as_str))?);
            }
            s if s.starts_with("--surge=") => {
                options.surge = Some(surge(Some(&s["--surge=".len()..]))?);
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n\n{USAGE}")),
            _ => options.positional.push(args[i].clone()),
        }
        i += 1;
    }
    Ok(options)
}

fn surge(value: Option<&str>) -> Result<f64, String> {
    let text = value.unwrap_or("nothing");
    match text.parse::<f64>() {
        Ok(n) if n.is_finite() && n > 0.0 && n <= 1_000_000.0 => Ok(n),
        _ => Err(format!(
            "--surge takes a positive number of times as many remote users, not {text}"
        )),
    }
}

fn read_text(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    // One byte more than the reader takes, so that it can say the plan is too large without
    // holding all of an endless input in memory.
    let result = if path == "-" {
        std::io::stdin()
            .take(engine::format::MAX_PLAN_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|f| {
            f.take(engine::format::MAX_PLAN_BYTES as u64 + 1)
                .read_to_end(&mut bytes)
                .map(|_| ())
        })
    };
    result.map_err(|e| format!("cannot read {path}: {e}"))?;
    if bytes.len() > engine::format::MAX_PLAN_BYTES {
        return Err(format!(
            "{path}:1:1: the plan is larger than {} MB; plans of more than {} MB are not read",
            engine::format::MAX_PLAN_BYTES / (1024 * 1024),
            engine::format::MAX_PLAN_BYTES / (1024 * 1024)
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let (line, column) = engine::format::position(
            &String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]),
            usize::MAX,
        );
        format!("{path}:{line}:{column}: the plan is not UTF-8 text")
    })
}

/// The most endpoints of a plan that `check` reports pair by pair (or as JSON): about a
/// million ordered pairs, each explained, take about a gigabyte and minutes. Larger plans get
/// the counts from `check --summary`.
const MAX_REPORT_ENDPOINTS: usize = 1_000;

/// Refuses, at once and with the way forward, a plan too large for the full pair report.
/// (`explain` and `capacity` answer a few pairs each, at any size.)
fn too_large_for_report(command: &str, path: &str, plan: &engine::Plan) -> Result<(), String> {
    let endpoints = plan.nodes.iter().filter(|n| n.kind.is_endpoint()).count();
    if endpoints <= MAX_REPORT_ENDPOINTS {
        return Ok(());
    }
    Err(format!(
        "{path}: the plan has {endpoints} endpoints, {} ordered pairs; {command} works on plans \
         of up to {MAX_REPORT_ENDPOINTS} endpoints, whose pairs it explains. For the counts of \
         this plan, run `reachplan check {path} --summary`.",
        endpoints.saturating_mul(endpoints - 1)
    ))
}

fn load(path: &str) -> Result<engine::Plan, String> {
    let text = read_text(path)?;
    engine::read_plan(&text)
        .map_err(|e| format!("{path}:{}:{}: {}: {}", e.line, e.column, e.path, e.message))
}

fn print(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`reachplan check x | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write the output: {e}")),
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value)
        .map(|mut s| {
            s.push('\n');
            s
        })
        .map_err(|e| format!("cannot write JSON: {e}"))
}

/// `check --summary`: the counts from the fast matrix, without explanations.
fn summary(plan: &engine::Plan, deny: Option<Severity>) -> Result<u8, String> {
    let started = Instant::now();
    let summary = engine::matrix::summary::summarize(plan);
    let elapsed = started.elapsed();
    print(&format!(
        "{}\nanalysis: {:.1} ms\n",
        summary.text(),
        elapsed.as_secs_f64() * 1000.0
    ))?;
    let denied = deny.is_some_and(|worst| summary.findings.iter().any(|f| f.severity <= worst));
    Ok(if summary.intents_hold() && !denied {
        0
    } else {
        1
    })
}

/// `generate N [--seed S]`: the number of endpoints and the seed.
fn generate_args(args: &[String]) -> Result<(usize, u64), String> {
    let usage = || format!("generate takes a number of endpoints and --seed S\n\n{USAGE}");
    let mut endpoints = None;
    let mut seed = 1;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--seed" => {
                i += 1;
                seed = args.get(i).and_then(|s| s.parse().ok()).ok_or_else(usage)?;
            }
            s if s.starts_with("--seed=") => {
                seed = s["--seed=".len()..].parse().map_err(|_| usage())?;
            }
            s if endpoints.is_none() && !s.starts_with('-') => {
                endpoints = Some(s.parse::<usize>().map_err(|_| usage())?);
            }
            _ => return Err(usage()),
        }
        i += 1;
    }
    match endpoints {
        Some(n) if n <= 1_000_000 => Ok((n, seed)),
        _ => Err(usage()),
    }
}

fn run(args: &[String]) -> Result<u8, String> {
    let Some(command) = args.first() else {
        return Err(format!("no command given\n\n{USAGE}"));
    };
    let rest = &args[1..];
    match command.as_str() {
        "--help" | "-h" | "help" => {
            print(USAGE)?;
            Ok(0)
        }
        "--version" | "-V" => {
            print(&format!("reachplan {}\n", env!("CARGO_PKG_VERSION")))?;
            Ok(0)
        }
        "check" => {
            let o = parse(rest)?;
            let [path] = o.positional.as_slice() else {
                return Err(format!("check takes one plan file\n\n{USAGE}"));
            };
            let plan = load(path)?;
            if o.summary && !o.json {
                return summary(&plan, o.deny);
            }
            too_large_for_report("check", path, &plan)?;
            let analysis = engine::analyze(&plan);
            if o.json {
                print(&to_json(&analysis)?)?;
            } else {
                print(&report::check(&plan, &analysis))?;
            }
            let denied = o
                .deny
                .is_some_and(|worst| analysis.findings.iter().any(|f| f.severity <= worst));
            Ok(if analysis.intents_hold() && !denied {
                0
            } else {
                1
            })
        }
        "explain" => {
            let o = parse(rest)?;
            let [path, from, to] = o.positional.as_slice() else {
                return Err(format!(
                    "explain takes a plan file and two endpoint ids\n\n{USAGE}"
                ));
            };
            let plan = load(path)?;
            for id in [from, to] {
                match plan.node(id) {
                    None => return Err(format!("{path}: no node has the id {id:?}")),
                    Some(n) if !n.kind.is_endpoint() => {
                        return Err(format!(
                            "{id} is a {} node, which carries traffic but is not an endpoint",
                            n.kind
                        ))
                    }
                    Some(_) => {}
                }
            }
            if from == to {
                return Err("explain needs two different endpoints".into());
            }
            let Some(story) = engine::explain(&plan, from, to) else {
                return Err(format!("{from} → {to} is not a pair of endpoints"));
            };
            if o.json {
                print(&to_json(&story.pair)?)?;
            } else {
                print(&report::explain(&plan, &story))?;
            }
            Ok(0)
        }
        "capacity" => {
            let o = parse(rest)?;
            let [path] = o.positional.as_slice() else {
                return Err(format!("capacity takes one plan file\n\n{USAGE}"));
            };
            let plan = load(path)?;
            let result = engine::capacity::capacity(&plan, o.surge.unwrap_or(1.0));
            if o.json {
                print(&to_json(&result)?)?;
            } else {
                print(&engine::capacity::render(&plan, &result))?;
            }
            Ok(u8::from(result.has_errors()))
        }
        "generate" => {
            let (endpoints, seed) = generate_args(rest)?;
            let plan = engine::generate::generate(endpoints, seed);
            print(&engine::write_plan(&plan))?;
            Ok(0)
        }
        "fmt" => {
            let o = parse(rest)?;
            let [path] = o.positional.as_slice() else {
                return Err(format!("fmt takes one plan file\n\n{USAGE}"));
            };
            let plan = load(path)?;
            print(&engine::write_plan(&plan))?;
            Ok(0)
        }
        other => Err(format!("unknown command {other:?}\n\n{USAGE}")),
    }
}
