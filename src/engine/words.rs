//! Small pieces of text that answers and their renderings share: free text made safe to show
//! and short, counts with their nouns, a path with its link kinds. Nothing here knows a plan.

use std::fmt::Write;

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
