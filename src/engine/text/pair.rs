//! One unreachable pair as the report lists it.

use std::fmt::Write;

use super::super::analysis::Pair;
use super::super::words::path_text;

/// One unreachable pair: the rule, the reason, the fix, and a limited access if any.
pub(super) fn blocked_pair(out: &mut String, p: &Pair) {
    let rule = p.rule.map(|r| format!(" [{r}]")).unwrap_or_default();
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
        let rule = p.access_rule.map_or("", |r| r.id());
        let _ = writeln!(
            out,
            "      limited access ({}) [{rule}]: {note} Path: {}",
            access.as_str(),
            path_text(&p.path, &p.via)
        );
    }
}
