//! Everything the command prints: terminal-safe, streamed, and every write error reported.
//!
//! Text goes through [`escape_text`] (control characters and bidirectional overrides written as
//! escapes); JSON is streamed with a formatter that writes those characters as JSON escapes
//! (`\u001b`, `\u202e`), so the document means the same and shows safely. A write that fails
//! (a closed pipe, a full disk) is an error: the caller says so on stderr and exits 2.

use std::io::{self, BufWriter, Write};

use reachplan::engine::terminal::{escape_text, is_unsafe};
use serde_json::ser::{Formatter, PrettyFormatter};

/// The message for a failed write on standard output.
fn failed(e: &io::Error) -> String {
    format!("cannot write the output: {e}")
}

/// Prints text on standard output, escaping what a terminal must not obey.
pub fn text(text: &str) -> Result<(), String> {
    let mut out = io::stdout().lock();
    out.write_all(escape_text(text).as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| failed(&e))
}

/// Streams a value as pretty JSON (with a final newline) on standard output.
pub fn json<T: serde::Serialize>(value: &T) -> Result<(), String> {
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Safe(PrettyFormatter::new()));
    value.serialize(&mut ser).map_err(|e| {
        if e.is_io() {
            failed(&io::Error::from(e))
        } else {
            format!("cannot write JSON: {e}")
        }
    })?;
    out.write_all(b"\n")
        .and_then(|()| out.flush())
        .map_err(|e| failed(&e))
}

/// Prints a message on standard error, escaped; a failure to write it cannot be reported
/// anywhere, so it is ignored (never a panic, as `eprintln!` would).
pub fn error(message: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "reachplan: {}", escape_text(message));
}

/// Prints a report on standard error, escaped; as for [`error`], a failure to write it is
/// ignored.
pub fn report(text: &str) {
    let mut err = io::stderr().lock();
    let _ = err.write_all(escape_text(text).as_bytes());
}

/// serde_json's pretty layout, with the characters of [`is_unsafe`] that serde_json writes
/// as they are (DEL, C1 controls, bidirectional overrides) written as `\uXXXX` escapes.
struct Safe(PrettyFormatter<'static>);

impl Formatter for Safe {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if !fragment.chars().any(is_unsafe) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut buf = [0u16; 2];
        for c in fragment.chars() {
            if is_unsafe(c) {
                for unit in c.encode_utf16(&mut buf) {
                    write!(writer, "\\u{unit:04x}")?;
                }
            } else {
                let mut bytes = [0u8; 4];
                writer.write_all(c.encode_utf8(&mut bytes).as_bytes())?;
            }
        }
        Ok(())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to_safe_json(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        let mut ser =
            serde_json::Serializer::with_formatter(&mut out, Safe(PrettyFormatter::new()));
        let _ = serde::Serialize::serialize(value, &mut ser);
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn json_escapes_what_a_terminal_would_obey_and_means_the_same() {
        let value = serde_json::json!({"name": "a\u{1b}[2J\u{202e}b\u{9b}c\u{7f}", "ok": "→ ✓"});
        let text = to_safe_json(&value);
        assert!(text.contains(r"a\u001b[2J\u202eb\u009bc\u007f"), "{text}");
        assert!(text.contains("→ ✓"), "{text}");
        assert!(!text.chars().any(|c| is_unsafe(c) && c != '\n'), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(back, value);
    }
}
