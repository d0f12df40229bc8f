//! `check --markdown`: the design's report as a comment for a review on a code host
//! (GitHub-flavoured Markdown): the verdict, the intents with what they must survive, the
//! findings, the unreachable pairs with their rule and fix (the first [`LISTED`]), and the
//! assumptions folded away. Every text from the plan is escaped
//! ([`escape_markdown`](crate::engine::diff::render::escape_markdown)): no link, mention or
//! tag comes out of a name.

use std::fmt::Write;

use super::super::model::{Expect, Plan};
use super::super::pair::Pair;
use super::super::rules::Severity;
use super::super::words::{counted, finding_counts};
use super::md::{blocked_table, cells, escape_markdown, section, table};
use super::Rest;

/// How many unreachable pairs the comment lists (all are counted).
pub const LISTED: usize = 100;

/// The report; `pairs` are every ordered pair of the plan, judged as they come.
pub fn markdown(plan: &Plan, rest: &Rest, pairs: impl Iterator<Item = Pair>) -> String {
    let mut reachable = 0usize;
    let mut total = 0usize;
    let mut blocked = Vec::new();
    let mut unreachable = 0usize;
    for p in pairs {
        total += 1;
        if p.reachable {
            reachable += 1;
        } else {
            unreachable += 1;
            if blocked.len() < LISTED {
                blocked.push(p);
            }
        }
    }
    let failing = rest.intents.iter().filter(|i| !i.holds).count();
    let count = |s: Severity| rest.findings.iter().filter(|f| f.severity == s).count();
    let errors = count(Severity::Error);
    let verdict = if failing > 0 {
        format!(
            "⚠️ **{} of {} fail.**",
            failing,
            counted(rest.intents.len(), "intent")
        )
    } else if errors > 0 {
        format!("⚠️ **{}.**", counted(errors, "error finding"))
    } else if rest.intents.is_empty() {
        "✅ No intent to check, no error finding.".to_string()
    } else {
        "✅ Every intent holds.".to_string()
    };
    let title = plan
        .title
        .as_deref()
        .map(escape_markdown)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "the design".to_string());
    let mut out = format!(
        "### reachplan: {title}\n\n{verdict} {reachable} of {total} ordered pairs reachable; {}.\n\n",
        finding_counts(errors, count(Severity::Warning), count(Severity::Info))
    );
    intents(&mut out, rest);
    section(&mut out, "Findings", rest.findings.len());
    let rows: Vec<Vec<String>> = rest
        .findings
        .iter()
        .map(|f| {
            cells([
                f.severity.as_str().to_string(),
                f.rule.map(|r| r.to_string()).unwrap_or_default(),
                f.code.to_string(),
                f.message.clone(),
            ])
        })
        .collect();
    table(&mut out, &["Severity", "Rule", "Code", "Message"], &rows);
    section(&mut out, "Unreachable pairs", unreachable);
    blocked_table(&mut out, blocked.iter());
    if unreachable > blocked.len() {
        let _ = writeln!(
            out,
            "… and {} more (`reachplan check --all` lists them).\n",
            unreachable - blocked.len()
        );
    }
    if !rest.assumptions.is_empty() {
        let _ = writeln!(
            out,
            "<details><summary>Assumptions ({})</summary>\n",
            rest.assumptions.len()
        );
        for a in rest.assumptions {
            let rule = a.rule.map(|r| format!(" ({r})")).unwrap_or_default();
            let _ = writeln!(
                out,
                "- **{}**{}: {}",
                escape_markdown(a.code),
                rule,
                escape_markdown(a.message)
            );
        }
        out.push_str("\n</details>\n");
    }
    out
}

fn intents(out: &mut String, rest: &Rest) {
    section(out, "Intents", rest.intents.len());
    let rows: Vec<Vec<String>> = rest
        .intents
        .iter()
        .map(|i| {
            let mark = if i.holds { "✅" } else { "❌" };
            let expect = match i.expect {
                Expect::Reachable => "reachable",
                Expect::Unreachable => "unreachable",
            };
            let survives = match (&i.survives, &i.broken_by) {
                (None, _) => String::new(),
                (Some(_), Some(b)) => {
                    format!("any single failure: broken by {} [{}]", b.what, b.id)
                }
                (Some(_), None) if i.interruptions.is_empty() => "any single failure".to_string(),
                (Some(_), None) => format!(
                    "any single failure, {} after a failover",
                    counted(i.interruptions.len(), "failure")
                ),
            };
            let mut row = vec![mark.to_string()];
            row.extend(cells([
                i.from.clone(),
                i.to.clone(),
                expect.to_string(),
                survives,
                i.why.clone().unwrap_or_default(),
            ]));
            row
        })
        .collect();
    table(
        out,
        &["", "From", "To", "Expects", "Survives", "Why"],
        &rows,
    );
}
