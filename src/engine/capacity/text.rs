//! The text rendering of a capacity answer for a terminal: utilisation bars, findings with recommendations, flows, and what breaks first.

use std::fmt::Write;

use super::{num, times, Capacity, Row};
use crate::engine::model::{FlowClass, Plan};
use crate::engine::rules::Severity;
use crate::engine::words::{clean, counted, finding_counts};

const BAR: usize = 20;

fn bar(percent: f64) -> String {
    let filled = ((percent.clamp(0.0, 100.0) / 100.0) * BAR as f64).round() as usize;
    let mut s = String::with_capacity(BAR + 3);
    s.push('[');
    s.push_str(&"#".repeat(filled));
    s.push_str(&".".repeat(BAR - filled));
    s.push(']');
    if percent > 100.0 {
        s.push_str(" OVER");
    }
    s
}

fn element(row: &Row) -> String {
    match row.link {
        Some(l) => format!("{} (link {l})", row.element),
        None => row.element.clone(),
    }
}

fn class(c: FlowClass) -> &'static str {
    match c {
        FlowClass::Realtime => "realtime",
        FlowClass::Interactive => "interactive",
        FlowClass::Bulk => "bulk",
    }
}

/// The `capacity` report.
pub fn render(plan: &Plan, cap: &Capacity) -> String {
    let mut out = String::new();
    let title = plan.title.as_deref().map(clean).unwrap_or_default();
    if !title.is_empty() {
        let _ = writeln!(out, "{title}");
    }
    let count = |s: Severity| {
        cap.findings
            .iter()
            .filter(|f| f.finding.severity == s)
            .count()
    };
    let _ = writeln!(
        out,
        "Capacity at surge ×{}: {}, {} over 100 %; {}\n",
        times(cap.surge),
        counted(cap.rows.len(), "measure"),
        cap.over().count(),
        finding_counts(
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info)
        )
    );
    if cap.rows.is_empty() {
        let _ = writeln!(out, "No gateway, hub, circuit or firewall to measure.");
    } else {
        let w = cap
            .rows
            .iter()
            .map(|r| element(r).len())
            .max()
            .unwrap_or(7)
            .max(7);
        let _ = writeln!(
            out,
            "{:<w$}  {:<20}  {:<26}  {:>17}  {:>8}",
            "element", "kind", "measure", "demand / limit", "use"
        );
        for r in &cap.rows {
            let _ = writeln!(
                out,
                "{:<w$}  {:<20}  {:<26}  {:>17}  {:>6} %  {}",
                element(r),
                r.kind.label(),
                r.measure.label(),
                format!("{} / {}", num(r.demand), num(r.capacity)),
                num(r.percent),
                bar(r.percent)
            );
        }
    }
    let _ = writeln!(out, "\nWhat breaks first");
    match &cap.breaks_first {
        Some(b) if b.at <= 0.0 => {
            let _ = writeln!(
                out,
                "  {} {} {}: over its limit whatever the surge.",
                b.element,
                b.kind.label(),
                b.measure.label()
            );
        }
        Some(b) => {
            let now = if b.at < cap.surge {
                "already over at this surge"
            } else {
                "still within its limit at this surge"
            };
            let _ = writeln!(
                out,
                "  {}'s {}, {}: above ×{} as many remote users ({now}).",
                b.element,
                b.kind.label(),
                b.measure.label(),
                times(b.at)
            );
        }
        None => {
            let _ = writeln!(
                out,
                "  Nothing the plan's users drive runs out, whatever the surge."
            );
        }
    }
    if !cap.findings.is_empty() {
        let _ = writeln!(out, "\nFindings");
        for s in &cap.findings {
            let f = &s.finding;
            let rule = f.rule.map(|r| format!(" [{r}]")).unwrap_or_default();
            let _ = writeln!(
                out,
                "  {:<7} {}{rule}: {}",
                f.severity.as_str(),
                f.code,
                f.message
            );
            if let Some(r) = &s.recommendation {
                let _ = writeln!(out, "          do: {r}");
            }
        }
    }
    if !cap.flows.is_empty() {
        let _ = writeln!(out, "\nFlows");
        for f in &cap.flows {
            let grows = if f.scales {
                ", grows with the surge"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "  {} → {} ({}, {} Mbps{grows})",
                f.from,
                f.to,
                class(f.class),
                num(f.mbps)
            );
            if !f.path.is_empty() {
                let mut p = f.path[0].clone();
                for (v, n) in f.via.iter().zip(f.path.iter().skip(1)) {
                    let _ = write!(p, " -{v}-> {n}");
                }
                let _ = writeln!(out, "      path: {p}");
            }
            let _ = writeln!(out, "      route: {}", f.route);
            let _ = writeln!(out, "      latency: {}", f.latency);
        }
    }
    if !cap.notes.is_empty() {
        let _ = writeln!(out, "\nAssumed");
        for n in &cap.notes {
            let _ = writeln!(out, "  {}: {}", n.code, n.message);
        }
    }
    out
}
