//! The `reachplan` command: check a plan file, explain one pair, measure capacity, compare two
//! plans, sweep single failures, export the design as Bicep or ARM, import Azure resources,
//! format or generate a plan, print shell completions.
//!
//! Exit status: 0 when the plan was read and every intent holds (and no finding is denied);
//! 1 when an intent fails or a denied finding is present (for `diff`, when something that held
//! is lost); 2 when the plan cannot be read, the
//! command line is wrong, the answer would exceed the command's memory budget, or the output
//! cannot be written.
//!
//! The parts: `answer` writes `check --json` (pairs judged on two threads), `args` declares
//! the command line for clap, `budget` holds each command's memory
//! budget, `import` reads the files of `reachplan import`, `out` prints (terminal-safe, streamed, write errors reported).

mod answer;
mod args;
mod budget;
mod import;
mod out;

use std::ffi::OsString;
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use clap::{CommandFactory, Parser};
use reachplan::engine::{self, terminal, text, Severity};

use args::{Cli, Command, Deny};

fn main() -> ExitCode {
    match run(std::env::args_os()) {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            out::error(&message);
            ExitCode::from(2)
        }
    }
}

fn run(args: impl IntoIterator<Item = OsString>) -> Result<u8, String> {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => return usage(&e),
    };
    match cli.command {
        Command::Check {
            plan,
            json,
            markdown,
            summary,
            all,
            deny,
        } => {
            if markdown {
                check_markdown(&plan, deny)
            } else {
                check(&plan, json, summary, all, deny)
            }
        }
        Command::Explain {
            plan,
            from,
            to,
            json,
        } => explain(&plan, &from, &to, json),
        Command::Capacity { plan, surge, json } => {
            let (_, plan) = load(&plan)?;
            let result = engine::capacity::capacity(&plan, surge);
            if json {
                out::json(&result)?;
            } else {
                out::text(&engine::capacity::render(&plan, &result))?;
            }
            Ok(u8::from(result.has_errors()))
        }
        Command::Diff {
            before,
            after,
            json,
            markdown,
        } => diff(&before, &after, json, markdown),
        Command::Resilience {
            plan,
            surge,
            depth,
            json,
        } => {
            let (path, plan) = load(&plan)?;
            budget::resilience(&path, &plan)?;
            let network = engine::Network::new(&plan);
            let mut result = engine::resilience::resilience_of(&network);
            if depth == 2 {
                let doubles = engine::resilience::depth::doubles(&network, &result)
                    .map_err(|message| format!("{path}: {message}"))?;
                result.pairs_of_failures = Some(doubles);
            }
            engine::resilience::load::under_failure(&network, &mut result, surge);
            if json {
                out::json(&result)?;
            } else {
                out::text(&engine::resilience::render::text(&result))?;
            }
            Ok(0)
        }
        Command::Fmt { plan } => {
            let (_, plan) = load(&plan)?;
            // As `write_plan` writes it, with what a terminal would obey as JSON escapes.
            out::json(&plan)?;
            Ok(0)
        }
        Command::Export {
            plan,
            bicep: _,
            arm,
            output,
        } => export(&plan, arm, output.as_deref()),
        Command::Generate { endpoints, seed } => {
            budget::generate(endpoints)?;
            let text = engine::write_plan(&engine::generate::generate(endpoints, seed));
            if text.len() > engine::format::MAX_PLAN_BYTES {
                return Err(budget::generated_too_large(endpoints, text.len() as u64));
            }
            out::text(&text)?;
            Ok(0)
        }
        Command::Import {
            files,
            region,
            output,
            report,
            into,
        } => import::run(
            &files,
            region,
            output.as_deref(),
            report.as_deref(),
            into.as_deref(),
        ),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "reachplan", &mut script);
            out::text(&String::from_utf8_lossy(&script))?;
            Ok(0)
        }
    }
}

/// A command line clap could not take, or `--help` / `--version`: help and version on stdout
/// (exit 0), errors on stderr (exit 2), both as plain text with whatever the arguments held
/// escaped.
fn usage(e: &clap::Error) -> Result<u8, String> {
    let text = e.render().to_string();
    if e.use_stderr() {
        out::error(text.trim_start_matches("error: ").trim_end());
        Ok(2)
    } else {
        out::text(&text)?;
        Ok(0)
    }
}

/// A path for messages: `-` for standard input, otherwise the path with its control
/// characters, bidirectional overrides and bytes that are not UTF-8 escaped.
pub(crate) fn shown(path: &Path) -> String {
    terminal::escape_bytes(path.as_os_str().as_encoded_bytes())
}

pub(crate) fn read_text(path: &Path, shown: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    // One byte more than the reader takes, so that it can say the plan is too large without
    // holding all of an endless input in memory.
    let limit = engine::format::MAX_PLAN_BYTES as u64 + 1;
    let result = if path.as_os_str() == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    result.map_err(|e| format!("cannot read {shown}: {e}"))?;
    if bytes.len() > engine::format::MAX_PLAN_BYTES {
        let mb = engine::format::MAX_PLAN_BYTES / (1024 * 1024);
        return Err(format!(
            "{shown}:1:1: the plan is larger than {mb} MB; plans of more than {mb} MB are not read"
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let (line, column) = engine::format::position(
            &String::from_utf8_lossy(&e.as_bytes()[..e.utf8_error().valid_up_to()]),
            usize::MAX,
        );
        format!("{shown}:{line}:{column}: the plan is not UTF-8 text")
    })
}

/// Reads a plan; returns the path as shown in messages beside it.
fn load(path: &Path) -> Result<(String, engine::Plan), String> {
    let shown = shown(path);
    let text = read_text(path, &shown)?;
    let plan = engine::read_plan(&text)
        .map_err(|e| format!("{shown}:{}:{}: {}: {}", e.line, e.column, e.path, e.message))?;
    Ok((shown, plan))
}

fn worst(deny: Option<Deny>) -> Option<Severity> {
    deny.map(|d| match d {
        Deny::Errors => Severity::Error,
        Deny::Warnings => Severity::Warning,
    })
}

fn check(
    path: &Path,
    json: bool,
    summary: bool,
    all: bool,
    deny: Option<Deny>,
) -> Result<u8, String> {
    let (path, plan) = load(path)?;
    let deny = worst(deny);
    if summary && !json {
        budget::summary(&path, &plan)?;
        let started = Instant::now();
        let network = engine::Network::new(&plan);
        let mut summary = network.summary();
        engine::resilience::survive::judge(&network, &mut summary.intents);
        let elapsed = started.elapsed();
        out::text(&format!(
            "{}\nanalysis: {:.1} ms\n",
            summary.text(),
            elapsed.as_secs_f64() * 1000.0
        ))?;
        let denied = deny.is_some_and(|w| summary.findings.iter().any(|f| f.severity <= w));
        return Ok(u8::from(!summary.intents_hold() || denied));
    }
    budget::report(&path, &plan)?;
    let network = engine::Network::new(&plan);
    let explained = network
        .explained_within(budget::tree_bytes())
        .map_err(|bytes| budget::trees(&path, &plan, bytes))?;
    if json {
        // Streamed: the pairs are judged a row at a time, on two threads, while they are
        // written.
        let mut answer = explained.stream();
        engine::resilience::survive::judge(&network, &mut answer.intents);
        answer::write(&explained, &answer)?;
        let denied = deny.is_some_and(|w| answer.findings.iter().any(|f| f.severity <= w));
        return Ok(u8::from(!answer.intents_hold() || denied));
    }
    if !all && explained.endpoint_ids().len() > text::GROUP_ABOVE {
        // Grouped: the pairs are counted while they are judged, never held.
        let mut answer = explained.stream();
        engine::resilience::survive::judge(&network, &mut answer.intents);
        let rest = text::Rest {
            findings: &answer.findings,
            assumptions: &answer.assumptions,
            intents: &answer.intents,
        };
        let ids = explained.endpoint_ids();
        let pair_of = |from: &str, to: &str| explained.pair_of(from, to);
        out::text(&text::check_grouped(
            &plan,
            &ids,
            explained.pairs(),
            &rest,
            &pair_of,
        ))?;
        let denied = deny.is_some_and(|w| answer.findings.iter().any(|f| f.severity <= w));
        return Ok(u8::from(!answer.intents_hold() || denied));
    }
    budget::collected(&path, explained.collected_bytes())?;
    let mut analysis = explained.analysis();
    engine::resilience::survive::judge(&network, &mut analysis.intents);
    out::text(&text::check_with(&plan, &analysis, all))?;
    let denied = deny.is_some_and(|w| analysis.findings.iter().any(|f| f.severity <= w));
    Ok(u8::from(!analysis.intents_hold() || denied))
}

/// `check --markdown`: the report as a review comment, the pairs judged as they are counted;
/// the exit status of `check`.
fn check_markdown(path: &Path, deny: Option<Deny>) -> Result<u8, String> {
    let (path, plan) = load(path)?;
    budget::report(&path, &plan)?;
    let network = engine::Network::new(&plan);
    let explained = network
        .explained_within(budget::tree_bytes())
        .map_err(|bytes| budget::trees(&path, &plan, bytes))?;
    let mut answer = explained.stream();
    engine::resilience::survive::judge(&network, &mut answer.intents);
    let rest = text::Rest {
        findings: &answer.findings,
        assumptions: &answer.assumptions,
        intents: &answer.intents,
    };
    out::text(&text::markdown(&plan, &rest, explained.pairs()))?;
    let denied = worst(deny).is_some_and(|w| answer.findings.iter().any(|f| f.severity <= w));
    Ok(u8::from(!answer.intents_hold() || denied))
}

/// `diff`: exit 1 when something that held is lost.
fn diff(before: &Path, after: &Path, json: bool, markdown: bool) -> Result<u8, String> {
    if before.as_os_str() == "-" && after.as_os_str() == "-" {
        return Err("diff reads at most one of its two plans from standard input".into());
    }
    let (shown_before, before) = load(before)?;
    let (shown_after, after) = load(after)?;
    budget::diff(&shown_before, &before)?;
    budget::diff(&shown_after, &after)?;
    let result = engine::diff::diff(
        &engine::Network::new(&before),
        &engine::Network::new(&after),
    );
    if json {
        out::json(&result)?;
    } else if markdown {
        out::text(&engine::diff::render::markdown(&result))?;
    } else {
        out::text(&engine::diff::render::text(&result))?;
    }
    Ok(u8::from(result.regressed))
}

/// `export`: the assumptions come from the plan's analysis, within the report's budget.
fn export(path: &Path, arm: bool, output: Option<&Path>) -> Result<u8, String> {
    let (shown_path, plan) = load(path)?;
    budget::report(&shown_path, &plan)?;
    let assumptions = engine::analyze(&plan).assumptions;
    let text = if arm {
        reachplan::export::arm(&plan, &assumptions)
    } else {
        reachplan::export::bicep(&plan, &assumptions)
    };
    match output {
        None => out::text(&text)?,
        Some(file) => {
            std::fs::write(file, text).map_err(|e| format!("cannot write {}: {e}", shown(file)))?
        }
    }
    Ok(0)
}

fn explain(path: &Path, from: &str, to: &str, json: bool) -> Result<u8, String> {
    let (path, plan) = load(path)?;
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
    if json {
        out::json(&story.pair)?;
    } else {
        out::text(&text::explain(&plan, &story))?;
    }
    Ok(0)
}
