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
  reachplan --help | --version

PLAN.json may be - for standard input.

check      prints the reachability matrix, the reasons and fixes for unreachable
           pairs, the findings, the assumptions and the intents.
  --json      print the analysis as JSON (the contract of plan-format.md)
  --summary   print only the counts and the analysis time
  --deny S    exit 1 when a finding of severity S (errors, or warnings and worse) exists
explain    prints one pair's full story: the way there and back, hop by hop.
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
    let result = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|f| {
            f.take(engine::format::MAX_PLAN_BYTES as u64 + 1)
                .read_to_end(&mut bytes)
                .map(|_| ())
        })
    };
    result.map_err(|e| format!("cannot read {path}: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        let (line, column) = engine::format::position(
            &String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]),
            usize::MAX,
        );
        format!("{path}:{line}:{column}: the plan is not UTF-8 text")
    })
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
            let started = Instant::now();
            let analysis = engine::analyze(&plan);
            let elapsed = started.elapsed();
            if o.json {
                print(&to_json(&analysis)?)?;
            } else if o.summary {
                print(&format!(
                    "{}\nanalysis: {:.1} ms\n",
                    report::summary(&analysis),
                    elapsed.as_secs_f64() * 1000.0
                ))?;
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
