//! Text that is safe to show on a terminal.
//!
//! Plans, file names and arguments are untrusted: a name may carry a terminal escape sequence
//! (`ESC [ 2 J` clears the screen, OSC 8 writes a link) or a bidirectional override that makes
//! a terminal show text in another order than it is (the "Trojan Source" trick). Everything the
//! command line prints passes through [`escape_text`] (or [`escape_line`] for one value), which
//! writes such characters as escapes like `\u{1b}` and `\u{202e}`, so they are seen, not obeyed.

use std::borrow::Cow;

/// Whether a character must not reach a terminal as it is: a control character (C0, DEL, C1)
/// or a bidirectional embedding, override or isolate (U+202A–U+202E, U+2066–U+2069).
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// One value (a name, an id, a path): every unsafe character escaped, line breaks included.
pub fn escape_line(text: &str) -> Cow<'_, str> {
    escape(text, |_| false)
}

/// A text of several lines: every unsafe character escaped except the line break and the tab
/// that lay the text out.
pub fn escape_text(text: &str) -> Cow<'_, str> {
    escape(text, |c| c == '\n' || c == '\t')
}

/// Bytes that should be UTF-8 but may not be (a file name on Unix): the valid parts as by
/// [`escape_line`], each invalid byte as `\xNN`.
pub fn escape_bytes(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.utf8_chunks() {
        out.push_str(&escape_line(chunk.valid()));
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

fn escape(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) && !keep(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_and_bidi_overrides() {
        assert_eq!(escape_line("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(escape_line("x\u{202e}y\u{2066}z"), "x\\u{202e}y\\u{2066}z");
        assert_eq!(escape_line("a\nb"), "a\\u{a}b");
        assert_eq!(escape_text("a\nb\tc\u{7f}\u{9b}"), "a\nb\tc\\u{7f}\\u{9b}");
        assert!(matches!(escape_text("plain → text ✓"), Cow::Borrowed(_)));
    }

    #[test]
    fn escapes_bytes_that_are_not_utf8() {
        assert_eq!(escape_bytes(b"lat\xe9.json"), "lat\\xE9.json");
        assert_eq!(escape_bytes(b"\x1b]8;;x\x07"), "\\u{1b}]8;;x\\u{7}");
    }
}
