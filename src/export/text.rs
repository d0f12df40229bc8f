//! Text that goes into an export safely: Bicep string literals, identifiers, comments.
//!
//! Names and descriptions in a plan are untrusted: in a Bicep literal `'` ends the string, `\`
//! starts an escape and `${` starts an interpolation, and a line break in a `//` comment
//! would turn the rest of the name into code. Everything here is escaped or cut so that the
//! text stays text.

/// A Bicep string literal: `'…'` with `\`, `'`, `${`, line breaks, tabs and other control
/// characters escaped (Bicep's escapes: `\\`, `\'`, `\$`, `\n`, `\r`, `\t`, `\u{…}`).
pub fn bicep_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '$' if chars.peek() == Some(&'{') => out.push_str("\\$"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if unsafe_char(c) => out.push_str(&format!("\\u{{{:X}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Control characters, DEL, C1 controls, line and paragraph separators and the bidirectional
/// overrides: written as escapes, never as themselves.
fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A comment's text as lines of at most 96 characters (longer words stay whole): line
/// breaks and unsafe characters become spaces, and the text is cut at 2,000 characters.
pub fn comment(text: &str) -> Vec<String> {
    let one_line: String = text
        .chars()
        .take(2000)
        .map(|c| if unsafe_char(c) { ' ' } else { c })
        .collect();
    let mut lines = vec![String::new()];
    for word in one_line.split_whitespace() {
        let last = lines.last_mut().map(|l| l.chars().count()).unwrap_or(0);
        if last > 0 && last + 1 + word.chars().count() > 96 {
            lines.push(String::new());
        }
        if let Some(line) = lines.last_mut() {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

/// Bicep's reserved words, which an identifier may not be.
const KEYWORDS: &[&str] = &[
    "metadata",
    "param",
    "var",
    "resource",
    "output",
    "module",
    "import",
    "type",
    "func",
    "targetScope",
    "existing",
    "if",
    "for",
    "in",
    "true",
    "false",
    "null",
    "assert",
    "with",
    "as",
    "extension",
    "provider",
    "using",
];

/// A Bicep identifier from a prefix and a plan id: letters, digits and `_` only, starting
/// with a letter (`vnet_spoke_a` for `spoke-a`).
pub fn identifier(prefix: &str, id: &str) -> String {
    let mut out = String::from(prefix);
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else {
            out.push('_');
        }
    }
    if out.is_empty() || !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out.insert_str(0, "r_");
    }
    if KEYWORDS.contains(&out.as_str()) {
        out.push('_');
    }
    out
}

/// An identifier not yet in `taken` (adds `_2`, `_3`, … when needed), recorded as taken.
pub fn unique(candidate: String, taken: &mut std::collections::BTreeSet<String>) -> String {
    let mut name = candidate.clone();
    let mut n = 2;
    while taken.contains(&name) {
        name = format!("{candidate}_{n}");
        n += 1;
    }
    taken.insert(name.clone());
    name
}

/// An Azure resource name that fits the type's length limit: the name when it does,
/// otherwise the fallback (which always does).
pub fn fit(name: String, max: usize, fallback: impl FnOnce() -> String) -> String {
    if name.chars().count() <= max {
        name
    } else {
        fallback()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untrusted_text_stays_inside_its_literal() {
        assert_eq!(bicep_string("it's"), "'it\\'s'");
        assert_eq!(bicep_string("a\\b"), "'a\\\\b'");
        assert_eq!(bicep_string("${evil()}"), "'\\${evil()}'");
        assert_eq!(bicep_string("cost $5"), "'cost $5'");
        assert_eq!(bicep_string("two\nlines"), "'two\\nlines'");
        assert_eq!(bicep_string("\u{202E}x"), "'\\u{202E}x'");
    }

    #[test]
    fn comments_stay_on_one_line() {
        assert_eq!(comment("a\nresource x"), ["a resource x"]);
        assert_eq!(comment(&"x ".repeat(300)).len(), 7);
        assert!(comment(&"x ".repeat(300)).iter().all(|l| l.len() <= 96));
        assert_eq!(comment(""), [""]);
    }

    #[test]
    fn identifiers_are_safe_and_unique() {
        assert_eq!(identifier("vnet_", "spoke-a"), "vnet_spoke_a");
        assert_eq!(identifier("", "9x"), "r_9x");
        assert_eq!(identifier("", "param"), "param_");
        let mut taken = Default::default();
        assert_eq!(unique("a".into(), &mut taken), "a");
        assert_eq!(unique("a".into(), &mut taken), "a_2");
    }
}
