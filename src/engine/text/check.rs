//! The `check` report: the summary line, the matrix, the unreachable pairs, findings,
//! assumptions and intents.

use std::fmt::Write;

use super::super::analysis::{Analysis, IntentResult, Pair};
use super::super::model::{Access, Expect, Plan};
use super::super::rules::{Assumption, Finding, Severity};
use super::super::words::{clean, counted, finding_counts, path_text};
use super::grouped::{self, Tally};
use super::pair::blocked_pair;

/// What the report says besides the pairs: the plan's findings, assumptions and intents.
pub struct Rest<'a> {
    /// The findings, errors first.
    pub findings: &'a [Finding],
    /// The assumptions the answers rest on.
    pub assumptions: &'a [Assumption],
    /// The intents with their verdicts.
    pub intents: &'a [IntentResult],
}

impl Rest<'_> {
    fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

fn summary_line(endpoints: usize, reachable: usize, pairs: usize, rest: &Rest) -> String {
    let held = rest.intents.iter().filter(|i| i.holds).count();
    format!(
        "{}, {reachable} of {pairs} ordered pairs reachable; {}; intents: {held} of {} hold",
        counted(endpoints, "endpoint"),
        finding_counts(
            rest.count(Severity::Error),
            rest.count(Severity::Warning),
            rest.count(Severity::Info)
        ),
        rest.intents.len()
    )
}

fn rest_of(analysis: &Analysis) -> Rest<'_> {
    Rest {
        findings: &analysis.findings,
        assumptions: &analysis.assumptions,
        intents: &analysis.intents,
    }
}

/// The summary line: endpoints, reachable pairs, findings, intents.
pub fn summary(analysis: &Analysis) -> String {
    let reachable = analysis.pairs.iter().filter(|p| p.reachable).count();
    summary_line(
        analysis.endpoints.len(),
        reachable,
        analysis.pairs.len(),
        &rest_of(analysis),
    )
}

/// The full `check` report: matrix, unreachable pairs, findings, assumptions, intents. Above
/// [`grouped::GROUP_ABOVE`] endpoints the matrix and the unreachable pairs are grouped (see
/// [`check_with`]).
pub fn check(plan: &Plan, analysis: &Analysis) -> String {
    check_with(plan, analysis, false)
}

fn title(out: &mut String, plan: &Plan) {
    let title = plan.title.as_deref().map(clean).unwrap_or_default();
    if !title.is_empty() {
        let _ = writeln!(out, "{title}");
    }
}

/// The `check` report; with `all`, every pair is listed at any size, otherwise a plan of more
/// than [`grouped::GROUP_ABOVE`] endpoints gets the matrix by kind of endpoint and its
/// unreachable pairs grouped by rule and kinds, with a count and one example each.
pub fn check_with(plan: &Plan, analysis: &Analysis, all: bool) -> String {
    if !all && analysis.endpoints.len() > grouped::GROUP_ABOVE {
        let ids: Vec<&str> = analysis.endpoints.iter().map(String::as_str).collect();
        let pair_of = |from: &str, to: &str| analysis.pair(from, to).cloned();
        return check_grouped(
            plan,
            &ids,
            analysis.pairs.iter().cloned(),
            &rest_of(analysis),
            &pair_of,
        );
    }
    let mut out = String::new();
    title(&mut out, plan);
    let _ = writeln!(out, "{}\n", summary(analysis));
    matrix(&mut out, analysis);
    let blocked: Vec<_> = analysis.pairs.iter().filter(|p| !p.reachable).collect();
    if !blocked.is_empty() {
        let _ = writeln!(out, "\nNot reachable");
        for p in blocked {
            blocked_pair(&mut out, p);
        }
    }
    let pair_of = |from: &str, to: &str| analysis.pair(from, to).cloned();
    rest(&mut out, &rest_of(analysis), &pair_of, usize::MAX);
    out
}

/// The grouped `check` report of a large plan from its pairs as they come, one at a time: the
/// report holds counts and one example per group, never the pairs (memory in proportion to
/// the endpoints and groups). `endpoints` are the plan's endpoint ids, `pair_of` answers the
/// pairs of failing intents.
pub fn check_grouped(
    plan: &Plan,
    endpoints: &[&str],
    pairs: impl Iterator<Item = Pair>,
    rest: &Rest,
    pair_of: &dyn Fn(&str, &str) -> Option<Pair>,
) -> String {
    let mut tally = Tally::new(plan, endpoints);
    for p in pairs {
        tally.add(p);
    }
    let mut out = String::new();
    title(&mut out, plan);
    let line = summary_line(endpoints.len(), tally.reachable, tally.pairs, rest);
    let _ = writeln!(out, "{line}\n");
    tally.write(&mut out, pair_of);
    self::rest(&mut out, rest, pair_of, grouped::SHOWN_LINES);
    out
}

/// Findings, assumptions and intents: at most `shown` findings and `shown` intents, the others
/// counted in one line each.
fn rest(out: &mut String, rest: &Rest, pair_of: &dyn Fn(&str, &str) -> Option<Pair>, shown: usize) {
    if !rest.findings.is_empty() {
        let _ = writeln!(out, "\nFindings");
        for f in rest.findings.iter().take(shown) {
            let rule = f.rule.map(|r| format!(" [{r}]")).unwrap_or_default();
            let _ = writeln!(
                out,
                "  {:<7} {}{rule}: {}",
                f.severity.as_str(),
                f.code,
                f.message
            );
        }
        if let Some(more) = rest.findings.get(shown..).filter(|m| !m.is_empty()) {
            let errors = more
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            let _ = writeln!(
                out,
                "  … and {} more findings, {errors} of them errors (`--json` lists them all)",
                more.len()
            );
        }
    }
    if !rest.assumptions.is_empty() {
        let _ = writeln!(out, "\nAssumptions");
        for a in rest.assumptions {
            let rule = a.rule.map(|r| format!(" [{r}]")).unwrap_or_default();
            let _ = writeln!(out, "  {}{rule}: {}", a.code, a.message);
        }
    }
    if rest.intents.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nIntents");
    for i in rest.intents.iter().take(shown) {
        intent(out, i, pair_of);
    }
    if let Some(more) = rest.intents.get(shown..).filter(|m| !m.is_empty()) {
        let fail = more.iter().filter(|i| !i.holds).count();
        let _ = writeln!(
            out,
            "  … and {} more intents, {fail} of which fail (`--json` lists them all)",
            more.len()
        );
    }
}

fn intent(out: &mut String, i: &IntentResult, pair_of: &dyn Fn(&str, &str) -> Option<Pair>) {
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
        if let Some(p) = pair_of(&i.from, &i.to) {
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
