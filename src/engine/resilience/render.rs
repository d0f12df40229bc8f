//! The text of `reachplan resilience` for a terminal.

use std::fmt::Write;

use super::super::capacity::times;
use super::super::words::counted;
use super::failover::MAX_EXPLAINED;
use super::load::sentence;
use super::{Failure, Resilience};

/// How many single points of failure the text shows in full (the JSON has them all).
pub const SHOWN: usize = 20;

/// How many lost pairs the text shows per failure.
const EXAMPLES: usize = 4;

/// The `resilience` report.
pub fn text(r: &Resilience) -> String {
    let domains = r.single_points.len() + r.survived.len();
    let mut out = format!(
        "{}, {} of {} ordered pairs reachable; {} failure domains: {} single {} of failure, \
         {} survived\n",
        counted(r.endpoints, "endpoint"),
        r.reachable,
        r.endpoints * r.endpoints.saturating_sub(1),
        domains,
        r.single_points.len(),
        if r.single_points.len() == 1 {
            "point"
        } else {
            "points"
        },
        r.survived.len()
    );
    if !r.single_points.is_empty() {
        let _ = writeln!(
            out,
            "\nSingle points of failure, by what they cut (each lost pair 1, plus its users)"
        );
    }
    for (rank, f) in r.single_points.iter().take(SHOWN).enumerate() {
        let users = if f.users_cut > 0 {
            format!(", {} cut", counted(f.users_cut as usize, "remote user"))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "{:>3}. {} [{}]: {} lost{users}, weight {}",
            rank + 1,
            f.domain.what,
            f.domain.id,
            counted(f.pairs_lost, "pair"),
            f.weight
        );
        let shown: Vec<String> = f
            .lost
            .iter()
            .take(EXAMPLES)
            .map(|[a, b]| format!("{a} → {b}"))
            .collect();
        let more = f.pairs_lost.saturating_sub(shown.len());
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        let _ = writeln!(out, "       lost: {}{more}", shown.join(", "));
        failovers(&mut out, f);
        capacity(&mut out, r, f);
        let rule = f.rule.map(|r| format!(" [{r}]")).unwrap_or_default();
        let _ = writeln!(out, "       remedy{rule}: {}", f.remedy);
        if f.edit.is_some() {
            let _ = writeln!(out, "       (a mechanical edit: `edit` in --json)");
        }
    }
    if r.single_points.len() > SHOWN {
        let _ = writeln!(
            out,
            "  … and {} more (--json lists them all)",
            r.single_points.len() - SHOWN
        );
    }
    if !r.survived_after_failover.is_empty() {
        let _ = writeln!(out, "\nSurvived after a failover (no pair lost)");
    }
    for f in r.survived_after_failover.iter().take(SHOWN) {
        let _ = writeln!(out, "  - {} [{}]", f.domain.what, f.domain.id);
        failovers(&mut out, f);
        capacity(&mut out, r, f);
    }
    if r.survived_after_failover.len() > SHOWN {
        let _ = writeln!(
            out,
            "  … and {} more (--json lists them all)",
            r.survived_after_failover.len() - SHOWN
        );
    }
    let short: Vec<&str> = r
        .single_points
        .iter()
        .chain(&r.survived_after_failover)
        .filter(|f| f.capacity.iter().any(|l| !l.carries))
        .map(|f| f.domain.id.as_str())
        .collect();
    if let (Some(surge), false) = (r.surge, short.is_empty()) {
        let _ = writeln!(
            out,
            "\nCapacity under failure at surge ×{}: {} {} more onto a backup than it carries: {}",
            times(surge),
            counted(short.len(), "failure"),
            if short.len() == 1 { "moves" } else { "move" },
            short.join(", ")
        );
    }
    if !r.failovers_judged {
        let _ = writeln!(
            out,
            "\nFailovers not judged: the plan has more than {MAX_EXPLAINED} endpoints."
        );
    }
    if !r.survived.is_empty() {
        let ids: Vec<&str> = r
            .survived
            .iter()
            .take(SHOWN)
            .map(|d| d.id.as_str())
            .collect();
        let more = r.survived.len().saturating_sub(SHOWN);
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        let _ = writeln!(out, "\nSurvived (no pair lost): {}{more}", ids.join(", "));
    }
    if let Some(doubles) = &r.pairs_of_failures {
        doubles_text(&mut out, doubles);
    }
    out
}

/// The pairs of failures of `--depth 2`.
fn doubles_text(out: &mut String, doubles: &[super::depth::Double]) {
    let _ = writeln!(
        out,
        "\nPairs of failures that lose what neither loses alone (--depth 2): {}",
        doubles.len()
    );
    for (rank, d) in doubles.iter().take(SHOWN).enumerate() {
        let users = if d.users_cut > 0 {
            format!(", {} cut", counted(d.users_cut as usize, "remote user"))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "{:>3}. {} [{}] and {} [{}]: {} lost{users}, weight {}",
            rank + 1,
            d.what[0],
            d.ids[0],
            d.what[1],
            d.ids[1],
            counted(d.pairs_lost, "pair"),
            d.weight
        );
        let shown: Vec<String> = d
            .lost
            .iter()
            .take(EXAMPLES)
            .map(|[a, b]| format!("{a} → {b}"))
            .collect();
        let more = d.pairs_lost.saturating_sub(shown.len());
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        let _ = writeln!(out, "       lost: {}{more}", shown.join(", "));
    }
    if doubles.len() > SHOWN {
        let _ = writeln!(
            out,
            "  … and {} more (--json lists them all)",
            doubles.len() - SHOWN
        );
    }
}

/// What a failure moves onto other elements, one line per element measure.
fn capacity(out: &mut String, r: &Resilience, f: &Failure) {
    let surge = r.surge.map(times).unwrap_or_default();
    for l in &f.capacity {
        let _ = writeln!(out, "       capacity at surge ×{surge}: {}", sentence(l));
    }
}

/// The pairs a failure keeps only after a failover, one line per kind.
fn failovers(out: &mut String, f: &Failure) {
    for k in &f.failovers {
        let shown: Vec<String> = k
            .kept
            .iter()
            .take(EXAMPLES)
            .map(|[a, b]| format!("{a} → {b}"))
            .collect();
        let more = k.pairs.saturating_sub(shown.len());
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "       kept through {}: {} ({}{more})",
            k.what,
            counted(k.pairs, "pair"),
            shown.join(", ")
        );
        let source = k.source.map(|s| format!(" [{s}]")).unwrap_or_default();
        let _ = writeln!(out, "         interruption: {}{source}", k.interruption);
    }
}
