//! Markdown building blocks shared by the review comments (`check --markdown` and `diff
//! --markdown`): text escaped so that it shows as written, titled sections, tables, and the
//! table of pairs that do not reach each other (rule, reason and fix).

use std::fmt::Write;

use super::super::pair::Pair;
use super::super::words::clean;

/// Text as Markdown that shows as written: markup characters escaped (a link needs `[`, an
/// issue reference `#`), `<`, `>`, `&` and `@` as entities (no tag, no mention), line breaks
/// and other control characters as spaces (see [`clean`]).
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            // A mention would notify someone.
            '@' => out.push_str("&#64;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A section title with its count, when there is something in it.
pub(crate) fn section(out: &mut String, title: &str, count: usize) {
    if count > 0 {
        let _ = writeln!(out, "#### {title} ({count})\n");
    }
}

/// Escaped cells.
pub(crate) fn cells<const N: usize>(texts: [String; N]) -> Vec<String> {
    texts.iter().map(|t| escape_markdown(t)).collect()
}

/// A table of cells that are Markdown already (escaped, or code spans of ids).
pub(crate) fn table(out: &mut String, head: &[&str], rows: &[Vec<String>]) {
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
    for r in rows {
        let _ = writeln!(out, "| {} |", r.join(" | "));
    }
    out.push('\n');
}

/// The table of pairs that do not reach each other: from, to, the rule, why and the fix.
pub(crate) fn blocked_table<'p>(out: &mut String, pairs: impl Iterator<Item = &'p Pair>) {
    let rows: Vec<Vec<String>> = pairs
        .map(|p| {
            cells([
                p.from.clone(),
                p.to.clone(),
                p.rule.map(|r| r.to_string()).unwrap_or_default(),
                p.reason.clone().unwrap_or_default(),
                p.fix.clone().unwrap_or_default(),
            ])
        })
        .collect();
    table(out, &["From", "To", "Rule", "Why", "Fix"], &rows);
}
