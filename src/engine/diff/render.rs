//! The renderings of a [`Diff`]: text for a terminal and Markdown for a pull-request comment.
//!
//! Both say only what changed. Plan text that reaches them (finding messages and reasons
//! quote ids, intents their authors' words are not shown) is cleaned of control characters;
//! the Markdown escapes what a code host would read as markup, so that a name in a plan cannot
//! forge a table cell, a link or an HTML tag in the comment.

use std::fmt::Write;

use super::super::analysis::Pair;
use super::super::capacity::{num, Row};
use super::super::model::Expect;
use super::super::rules::Finding;
pub use super::super::text::md::escape_markdown;
use super::super::text::md::{blocked_table, cells, section, table};
use super::super::words::{clean, counted, path_text};
use super::spof::{SinglePoint, MAX_SWEPT};
use super::{Diff, IntentChange, RowChange};

/// The one-line summary: `1 pair lost, 2 gained; findings: 1 added, 0 removed; …`.
pub fn headline(d: &Diff) -> String {
    if d.is_empty() {
        return "No change: the same pairs, findings, intents, capacity and single points of \
                failure."
            .into();
    }
    let mut parts = vec![
        format!(
            "{} lost, {} gained",
            counted(d.pairs_lost_count, "pair"),
            d.pairs_gained_count
        ),
        format!(
            "findings: {} added, {} removed",
            d.findings_added.len(),
            d.findings_removed.len()
        ),
        format!("{} changed", counted(d.intents_changed.len(), "intent")),
        format!(
            "{} changed",
            counted(d.capacity_changed.len(), "capacity row")
        ),
    ];
    parts.push(if d.single_points_compared {
        format!(
            "single points of failure: {} added, {} removed",
            d.single_points_added.len(),
            d.single_points_removed.len()
        )
    } else {
        format!("single points of failure: not compared (above {MAX_SWEPT} endpoints)")
    });
    if !d.endpoints_added.is_empty() || !d.endpoints_removed.is_empty() {
        parts.push(format!(
            "endpoints: {} added, {} removed",
            d.endpoints_added.len(),
            d.endpoints_removed.len()
        ));
    }
    parts.join("; ")
}

fn expect(e: Expect) -> &'static str {
    match e {
        Expect::Reachable => "reachable",
        Expect::Unreachable => "unreachable",
    }
}

fn held(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "holds",
        Some(false) => "FAILS",
        None => "absent",
    }
}

fn intent_text(i: &IntentChange) -> String {
    let access = i
        .access
        .map(|a| format!(" with {} access", a.as_str()))
        .unwrap_or_default();
    format!(
        "{} → {} {}{access}: {} → {}",
        i.from,
        i.to,
        expect(i.expect),
        held(i.before),
        held(i.after)
    )
}

fn figures(row: Option<&Row>) -> String {
    match row {
        Some(r) => format!(
            "{} of {} ({} %)",
            num(r.demand),
            num(r.capacity),
            num(r.percent)
        ),
        None => "none".into(),
    }
}

fn row_name(c: &RowChange) -> String {
    let Some(row) = c.after.as_ref().or(c.before.as_ref()) else {
        return String::new();
    };
    let link = c
        .link
        .as_deref()
        .map(|l| format!(" ({l})"))
        .unwrap_or_default();
    format!(
        "{} {}{link}, {}",
        row.element,
        row.kind.label(),
        row.measure.label()
    )
}

fn finding_text(f: &Finding) -> String {
    let rule = f.rule.map(|r| format!(" [{r}]")).unwrap_or_default();
    format!(
        "{} {}{rule}: {}",
        f.severity.as_str(),
        f.code,
        clean(&f.message)
    )
}

fn why_lost(p: &Pair) -> String {
    let rule = p.rule.map(|r| format!(" [{r}]")).unwrap_or_default();
    let reason = p.reason.as_deref().map(clean).unwrap_or_default();
    if p.one_way {
        format!("{rule} one way only: {reason}")
    } else {
        format!("{rule}: {reason}")
    }
}

/// The line under a list of pairs cut at [`MAX_LISTED`](super::MAX_LISTED): how many more
/// there are.
fn more(out: &mut String, count: usize, listed: usize, indent: &str) {
    if count > listed {
        let _ = writeln!(
            out,
            "{indent}… and {} more (the first {listed} are listed)",
            count - listed
        );
    }
}

/// The `diff` report for a terminal.
pub fn text(d: &Diff) -> String {
    let mut out = format!("{}\n", headline(d));
    if !d.endpoints_added.is_empty() || !d.endpoints_removed.is_empty() {
        out.push('\n');
    }
    let ids = |out: &mut String, title: &str, ids: &[String]| {
        if !ids.is_empty() {
            let _ = writeln!(out, "{title}: {}", ids.join(", "));
        }
    };
    ids(&mut out, "Endpoints added", &d.endpoints_added);
    ids(&mut out, "Endpoints removed", &d.endpoints_removed);
    if !d.pairs_lost.is_empty() {
        let _ = writeln!(out, "\nLost (reachable before, not after)");
        for p in &d.pairs_lost {
            let _ = writeln!(out, "  {} → {}{}", p.from, p.to, why_lost(p));
            if let Some(fix) = &p.fix {
                let _ = writeln!(out, "      fix: {}", clean(fix));
            }
        }
        more(&mut out, d.pairs_lost_count, d.pairs_lost.len(), "  ");
    }
    if !d.pairs_gained.is_empty() {
        let _ = writeln!(out, "\nGained (reachable after, not before)");
        for p in &d.pairs_gained {
            let _ = writeln!(
                out,
                "  {} → {}: {}",
                p.from,
                p.to,
                path_text(&p.path, &p.via)
            );
        }
        more(&mut out, d.pairs_gained_count, d.pairs_gained.len(), "  ");
    }
    let findings = |out: &mut String, title: &str, list: &[Finding]| {
        if !list.is_empty() {
            let _ = writeln!(out, "\n{title}");
            for f in list {
                let _ = writeln!(out, "  {}", finding_text(f));
            }
        }
    };
    findings(&mut out, "Findings added", &d.findings_added);
    findings(&mut out, "Findings removed", &d.findings_removed);
    if !d.intents_changed.is_empty() {
        let _ = writeln!(out, "\nIntents (before → after)");
        for i in &d.intents_changed {
            let _ = writeln!(out, "  {}", intent_text(i));
        }
    }
    if !d.capacity_changed.is_empty() {
        let _ = writeln!(out, "\nCapacity at the plan's load (before → after)");
        for c in &d.capacity_changed {
            let _ = writeln!(
                out,
                "  {}: {} → {}",
                row_name(c),
                figures(c.before.as_ref()),
                figures(c.after.as_ref())
            );
        }
    }
    for (title, list) in [
        ("Single points of failure added", &d.single_points_added),
        ("Single points of failure removed", &d.single_points_removed),
    ] {
        if !list.is_empty() {
            let _ = writeln!(out, "\n{title}");
            for p in list {
                let _ = writeln!(out, "  {}", point_text(p));
            }
        }
    }
    out
}

fn point_text(p: &SinglePoint) -> String {
    let users = if p.users_cut > 0 {
        format!(", {} cut", counted(p.users_cut as usize, "remote user"))
    } else {
        String::new()
    };
    format!(
        "{} [{}]: {} lost{users}",
        p.what,
        p.id,
        counted(p.pairs_lost, "pair")
    )
}

/// The `diff` report as a pull-request comment (GitHub-flavoured Markdown tables).
pub fn markdown(d: &Diff) -> String {
    let verdict = if d.regressed {
        "⚠️ **Something that held is lost.**"
    } else {
        "✅ Nothing that held is lost."
    };
    let mut out = format!(
        "### reachplan: what this change does\n\n{verdict} {}\n\n",
        escape_markdown(&headline(d))
    );
    let ids = |out: &mut String, title: &str, ids: &[String]| {
        if !ids.is_empty() {
            let shown: Vec<String> = ids.iter().map(|i| escape_markdown(i)).collect();
            let _ = writeln!(out, "**{title}:** {}\n", shown.join(", "));
        }
    };
    ids(&mut out, "Endpoints added", &d.endpoints_added);
    ids(&mut out, "Endpoints removed", &d.endpoints_removed);
    section(&mut out, "Pairs lost", d.pairs_lost_count);
    blocked_table(&mut out, d.pairs_lost.iter());
    more(&mut out, d.pairs_lost_count, d.pairs_lost.len(), "");
    section(&mut out, "Pairs gained", d.pairs_gained_count);
    let rows: Vec<Vec<String>> = d
        .pairs_gained
        .iter()
        .map(|p| {
            let mut row = cells([p.from.clone(), p.to.clone()]);
            // Ids and link kinds only (their syntax is checked when the plan is read): a
            // code span shows the arrows as they are.
            row.push(format!(
                "`{}`",
                path_text(&p.path, &p.via).replace('`', "'")
            ));
            row
        })
        .collect();
    table(&mut out, &["From", "To", "Path"], &rows);
    more(&mut out, d.pairs_gained_count, d.pairs_gained.len(), "");
    let finding_rows = |list: &[Finding]| -> Vec<Vec<String>> {
        list.iter()
            .map(|f| {
                cells([
                    f.severity.as_str().to_string(),
                    f.rule.map(|r| r.to_string()).unwrap_or_default(),
                    f.code.to_string(),
                    f.message.clone(),
                ])
            })
            .collect()
    };
    let head = ["Severity", "Rule", "Code", "Message"];
    section(&mut out, "Findings added", d.findings_added.len());
    table(&mut out, &head, &finding_rows(&d.findings_added));
    section(&mut out, "Findings removed", d.findings_removed.len());
    table(&mut out, &head, &finding_rows(&d.findings_removed));
    section(
        &mut out,
        "Intents whose verdict changed",
        d.intents_changed.len(),
    );
    let rows: Vec<Vec<String>> = d
        .intents_changed
        .iter()
        .map(|i| cells([intent_text(i)]))
        .collect();
    table(&mut out, &["Intent: before → after"], &rows);
    section(
        &mut out,
        "Capacity rows that changed",
        d.capacity_changed.len(),
    );
    let rows: Vec<Vec<String>> = d
        .capacity_changed
        .iter()
        .map(|c| {
            cells([
                row_name(c),
                figures(c.before.as_ref()),
                figures(c.after.as_ref()),
            ])
        })
        .collect();
    table(&mut out, &["Element", "Before", "After"], &rows);
    for (title, list) in [
        ("Single points of failure added", &d.single_points_added),
        ("Single points of failure removed", &d.single_points_removed),
    ] {
        section(&mut out, title, list.len());
        let rows: Vec<Vec<String>> = list
            .iter()
            .map(|p| {
                cells([
                    p.what.clone(),
                    p.pairs_lost.to_string(),
                    p.users_cut.to_string(),
                ])
            })
            .collect();
        table(
            &mut out,
            &["Element", "Pairs lost", "Remote users cut"],
            &rows,
        );
    }
    out
}
