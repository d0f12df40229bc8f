//! The `check` report: the summary line, the matrix, the unreachable pairs, findings,
//! assumptions and intents.

use std::fmt::Write;

use super::super::analysis::Analysis;
use super::super::model::{Access, Expect, Plan};
use super::super::rules::Severity;
use super::super::words::{clean, counted, finding_counts, path_text};
use super::grouped;
use super::pair::blocked_pair;

/// The summary line: endpoints, reachable pairs, findings, intents.
pub fn summary(analysis: &Analysis) -> String {
    let reachable = analysis.pairs.iter().filter(|p| p.reachable).count();
    let held = analysis.intents.iter().filter(|i| i.holds).count();
    format!(
        "{}, {reachable} of {} ordered pairs reachable; {}; intents: {held} of {} hold",
        counted(analysis.endpoints.len(), "endpoint"),
        analysis.pairs.len(),
        finding_counts(
            analysis.count(Severity::Error),
            analysis.count(Severity::Warning),
            analysis.count(Severity::Info)
        ),
        analysis.intents.len()
    )
}

/// The full `check` report: matrix, unreachable pairs, findings, assumptions, intents. Above
/// [`grouped::GROUP_ABOVE`] endpoints the matrix and the unreachable pairs are grouped (see
/// [`check_with`]).
pub fn check(plan: &Plan, analysis: &Analysis) -> String {
    check_with(plan, analysis, false)
}

/// The `check` report; with `all`, every pair is listed at any size, otherwise a plan of more
/// than [`grouped::GROUP_ABOVE`] endpoints gets the matrix by kind of endpoint and its
/// unreachable pairs grouped by rule and kinds, with a count and one example each.
pub fn check_with(plan: &Plan, analysis: &Analysis, all: bool) -> String {
    let mut out = String::new();
    let title = plan.title.as_deref().map(clean).unwrap_or_default();
    if !title.is_empty() {
        let _ = writeln!(out, "{title}");
    }
    let _ = writeln!(out, "{}\n", summary(analysis));
    if !all && analysis.endpoints.len() > grouped::GROUP_ABOVE {
        grouped::matrix(&mut out, plan, analysis);
        grouped::blocked(&mut out, plan, analysis);
    } else {
        matrix(&mut out, analysis);
        let blocked: Vec<_> = analysis.pairs.iter().filter(|p| !p.reachable).collect();
        if !blocked.is_empty() {
            let _ = writeln!(out, "\nNot reachable");
            for p in blocked {
                blocked_pair(&mut out, p);
            }
        }
    }
    if !analysis.findings.is_empty() {
        let _ = writeln!(out, "\nFindings");
        for f in &analysis.findings {
            let rule = f.rule.map(|r| format!(" [{r}]")).unwrap_or_default();
            let _ = writeln!(
                out,
                "  {:<7} {}{rule}: {}",
                f.severity.as_str(),
                f.code,
                f.message
            );
        }
    }
    if !analysis.assumptions.is_empty() {
        let _ = writeln!(out, "\nAssumptions");
        for a in &analysis.assumptions {
            let rule = a.rule.map(|r| format!(" [{r}]")).unwrap_or_default();
            let _ = writeln!(out, "  {}{rule}: {}", a.code, a.message);
        }
    }
    if !analysis.intents.is_empty() {
        let _ = writeln!(out, "\nIntents");
        for i in &analysis.intents {
            let mark = if i.holds { "holds " } else { "FAILS " };
            let expect = match i.expect {
                Expect::Reachable => "reachable",
                Expect::Unreachable => "unreachable",
            };
            let why = i
                .why
                .as_deref()
                .map(|w| format!(" ({})", clean(w)))
                .unwrap_or_default();
            let access = i
                .access
                .map(|a| format!(" with {} access", a.as_str()))
                .unwrap_or_default();
            let survives = if i.survives.is_some() {
                ", surviving any single failure"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "  {mark} {} → {} {expect}{access}{survives}{why}",
                i.from, i.to
            );
            for cut in i.interruptions.iter().take(3) {
                let _ = writeln!(
                    out,
                    "         survives {} [{}] through {}: {}",
                    cut.what, cut.id, cut.failover, cut.interruption
                );
            }
            if i.interruptions.len() > 3 {
                let _ = writeln!(
                    out,
                    "         … and {} more failovers (--json lists them)",
                    i.interruptions.len() - 3
                );
            }
            if let Some(broken) = &i.broken_by {
                let _ = writeln!(
                    out,
                    "         but not when {} fails [{}]",
                    broken.what, broken.id
                );
            } else if !i.holds {
                if let Some(p) = analysis.pair(&i.from, &i.to) {
                    if p.reachable {
                        let _ = writeln!(
                            out,
                            "         but it is reachable: {}",
                            path_text(&p.path, &p.via)
                        );
                    } else if let Some(reason) = &p.reason {
                        let _ = writeln!(out, "         but it is not: {reason}");
                    }
                }
            }
        }
    }
    out
}

fn matrix(out: &mut String, analysis: &Analysis) {
    let n = analysis.endpoints.len();
    if n == 0 {
        let _ = writeln!(out, "The plan has no endpoints yet.");
        return;
    }
    let _ = writeln!(
        out,
        "Reachability (row to column, and back): ✓ yes  ✗ no  → out but no way back"
    );
    if analysis
        .pairs
        .iter()
        .any(|p| !p.reachable && p.access.is_some())
    {
        let _ = writeln!(
            out,
            "Limited access, no network route: D desktop session  R RDP/SSH (Bastion)  H HTTPS (Application Gateway)"
        );
    }
    let width = analysis
        .endpoints
        .iter()
        .map(|e| e.len())
        .max()
        .unwrap_or(1);
    let num = n.to_string().len().max(2);
    let mut header = format!("{:>w$}  ", "", w = width + num + 1);
    for j in 0..n {
        let _ = write!(header, "{:>num$} ", j + 1);
    }
    let _ = writeln!(out, "{}", header.trim_end());
    for (i, from) in analysis.endpoints.iter().enumerate() {
        let mut line = format!("{:>num$} {:<width$}  ", i + 1, from);
        for (j, to) in analysis.endpoints.iter().enumerate() {
            let mark = if i == j {
                "·"
            } else {
                match analysis.pair(from, to) {
                    Some(p) if p.reachable => "✓",
                    Some(p) if p.one_way => "→",
                    Some(p) => match p.access {
                        Some(Access::Desktop) => "D",
                        Some(Access::RdpSsh) => "R",
                        Some(Access::Https) => "H",
                        _ => "✗",
                    },
                    None => "✗",
                }
            };
            let _ = write!(line, "{mark:>num$} ");
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
}
