//! The `explain` story of one pair: its verdict, the way there and the way back, hop by hop.

use std::fmt::Write;

use super::super::analysis::Story;
use super::super::model::Plan;
use super::super::reach::Trace;
use super::super::words::path_text;

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
        let rule = p.access_rule.map_or("", |r| r.id());
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
        let rule = p.rule.map(|r| format!("[{r}] ")).unwrap_or_default();
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
