//! Text renderings of an analysis for a terminal: the `check` report and the `explain` story.
//!
//! Ids are safe to print (their syntax is checked when the plan is read); titles and other free
//! text are untrusted, so control characters are replaced before they reach a terminal.

use std::fmt::Write;

use super::analysis::{Analysis, Pair, Story};
use super::grouped;
use super::model::{Access, Expect, Plan};
use super::reach::Trace;
use super::rules::Severity;

/// The most characters of one free text (a title, an intent's reason) that a report shows.
pub const SHOWN_CHARS: usize = 500;

/// Replaces control characters (terminal escapes included), trims free text, and cuts it to
/// [`SHOWN_CHARS`] characters, so that a hostile plan cannot flood a terminal.
pub fn clean(text: &str) -> String {
    let mut out: String = text
        .trim()
        .chars()
        .take(SHOWN_CHARS + 1)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string();
    if let Some((cut, _)) = out.char_indices().nth(SHOWN_CHARS) {
        out.truncate(cut);
        out.push('…');
    }
    out
}

/// A count with its noun, singular for one: `1 warning`, `2 warnings`, `0 errors`.
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The findings counts: `findings: 0 errors, 1 warning, 2 notes`.
pub fn finding_counts(errors: usize, warnings: usize, notes: usize) -> String {
    format!(
        "findings: {}, {}, {}",
        counted(errors, "error"),
        counted(warnings, "warning"),
        counted(notes, "note")
    )
}

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
            let _ = writeln!(out, "  {mark} {} → {} {expect}{access}{why}", i.from, i.to);
            if !i.holds {
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

/// One unreachable pair: the rule, the reason, the fix, and a limited access if any.
pub(super) fn blocked_pair(out: &mut String, p: &Pair) {
    let rule = p
        .rule
        .as_deref()
        .map(|r| format!(" [{r}]"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "  {} → {}{rule}: {}",
        p.from,
        p.to,
        p.reason.as_deref().unwrap_or("")
    );
    if let Some(fix) = &p.fix {
        let _ = writeln!(out, "      fix: {fix}");
    }
    if let (Some(access), Some(note)) = (p.access, &p.access_note) {
        let rule = p.access_rule.as_deref().unwrap_or("");
        let _ = writeln!(
            out,
            "      limited access ({}) [{rule}]: {note} Path: {}",
            access.as_str(),
            path_text(&p.path, &p.via)
        );
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

/// `a --p2s--> b --s2s--> c`.
pub fn path_text(path: &[String], via: &[String]) -> String {
    let mut out = String::new();
    for (i, node) in path.iter().enumerate() {
        if i > 0 {
            let _ = write!(out, " --{}--> ", via.get(i - 1).map_or("?", |s| s.as_str()));
        }
        out.push_str(node);
    }
    out
}

fn trace_text(out: &mut String, plan: &Plan, source: &str, trace: Option<&Trace>) {
    let Some(trace) = trace else {
        let _ = writeln!(out, "    no chain of connections at all");
        return;
    };
    let _ = writeln!(out, "    {source}");
    for hop in &trace.hops {
        let id = plan.nodes.get(hop.node).map_or("?", |n| n.id.as_str());
        let mark = if hop.blocks.is_empty() {
            ""
        } else {
            "   ✗ blocked"
        };
        let _ = writeln!(out, "    --{}--> {id}{mark}", hop.via);
        for b in &hop.blocks {
            let _ = writeln!(out, "          [{}] {}", b.rule, b.reason);
            if let Some(fix) = &b.fix {
                let _ = writeln!(out, "          fix: {fix}");
            }
        }
        for a in &hop.assumptions {
            let a = a.describe();
            let _ = writeln!(out, "          assumption {}: {}", a.code, a.message);
        }
    }
}

/// The full story of one pair: verdict, the way there, the way back.
pub fn explain(plan: &Plan, story: &Story) -> String {
    let mut out = String::new();
    let p = &story.pair;
    let verdict = if p.reachable {
        "reachable (traffic goes and comes back)"
    } else if p.one_way {
        "NOT reachable: there is a way there but none back"
    } else {
        "NOT reachable"
    };
    let _ = writeln!(out, "{} → {}: {verdict}", p.from, p.to);
    if let (false, Some(access), Some(note)) = (p.reachable, p.access, &p.access_note) {
        let rule = p.access_rule.as_deref().unwrap_or("");
        let _ = writeln!(
            out,
            "  limited access ({}) [{rule}]: {note}",
            access.as_str()
        );
        let _ = writeln!(out, "  access path: {}", path_text(&p.path, &p.via));
    }
    if p.reachable {
        let _ = writeln!(out, "  path: {}", path_text(&p.path, &p.via));
    }
    if let Some(reason) = &p.reason {
        let rule = p
            .rule
            .as_deref()
            .map(|r| format!("[{r}] "))
            .unwrap_or_default();
        let _ = writeln!(out, "  why: {rule}{reason}");
    }
    if let Some(fix) = &p.fix {
        let _ = writeln!(out, "  fix: {fix}");
    }
    let _ = writeln!(
        out,
        "\n  The way there (nearest path, {} rule(s) broken):",
        story.there.as_ref().map_or(0, |t| t.violations)
    );
    trace_text(&mut out, plan, &p.from, story.there.as_ref());
    let _ = writeln!(
        out,
        "\n  The way back ({} rule(s) broken):",
        story.back.as_ref().map_or(0, |t| t.violations)
    );
    trace_text(&mut out, plan, &p.to, story.back.as_ref());
    out
}
