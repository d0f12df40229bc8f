//! The JSON path at a place in a document's text: the other way round from
//! [`locate`](super::locate::locate).
//!
//! When the typed reader stops, serde_json says the line and column where it stopped; the path
//! there (`nodes[3].kind`) is what a person needs. The native build learns it from
//! serde_path_to_error while reading; the browser builds ask this small scanner instead, which
//! costs a few hundred bytes where serde_path_to_error doubles the code of every type read
//! (tests compare the two on many broken plans).

use super::locate::{path, Step};

/// One open object or array on the way to the place.
enum Open {
    /// An object; the key of the member being read, once its key string has been read.
    Object(Option<String>),
    /// An array; the index of the element being read, once a value has started.
    Array { index: usize, started: bool },
}

/// The path of the value serde_json was reading when it failed with `e` on `text`.
pub fn path_of_error(text: &str, e: &serde_json::Error) -> String {
    // A syntax error counts the byte it looked at and refused as read; a data error stops in
    // front of the value it refuses.
    let column = match e.classify() {
        serde_json::error::Category::Syntax => e.column().saturating_sub(1),
        _ => e.column(),
    };
    path_at(text, e.line(), column)
}

/// The path of the value being read when a reader stopped at 1-based `line`, `column` (as
/// serde_json counts them: bytes on the line read so far), formatted like
/// [`path`](super::locate::path): a key whose string was read counts, as does an element that
/// has begun (or starts right where the reader stopped); a closed object or array does not.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let bytes = text.as_bytes();
    let line_start = if line <= 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|(_, &b)| b == b'\n')
            .nth(line - 2)
            .map_or(bytes.len(), |(i, _)| i + 1)
    };
    let end = line_start.saturating_add(column).min(bytes.len());
    let mut open: Vec<Open> = Vec::new();
    let mut pos = 0;
    while pos < end {
        let b = bytes[pos];
        if matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
            pos += 1;
            continue;
        }
        if let Some(Open::Array { started, .. }) = open.last_mut() {
            if b != b']' && b != b',' {
                *started = true;
            }
        }
        match b {
            b'{' => open.push(Open::Object(None)),
            b'[' => open.push(Open::Array {
                index: 0,
                started: false,
            }),
            b'}' | b']' => {
                open.pop();
            }
            b',' => match open.last_mut() {
                Some(Open::Object(key)) => *key = None,
                Some(Open::Array { index, started }) => {
                    *index += 1;
                    *started = false;
                }
                None => {}
            },
            b'"' => {
                let close = string_end(bytes, pos);
                if let Some(Open::Object(key @ None)) = open.last_mut() {
                    *key = Some(unescape(&text[pos..close.min(bytes.len())]));
                }
                pos = close;
                continue;
            }
            _ => {}
        }
        pos += 1;
    }
    // A reader that refuses a value's type stops in front of it: the element has begun.
    let next = bytes[end..]
        .iter()
        .find(|b| !matches!(b, b' ' | b'\n' | b'\r' | b'\t'));
    if let (Some(Open::Array { started, .. }), Some(b)) = (open.last_mut(), next) {
        if !matches!(b, b']' | b',') {
            *started = true;
        }
    }
    let steps: Vec<Step> = open
        .into_iter()
        .filter_map(|o| match o {
            Open::Object(key) => key.map(Step::Key),
            Open::Array { index, started } => started.then_some(Step::Index(index)),
        })
        .collect();
    path(&steps)
}

/// The offset just after the string that starts at `start` (at a `"`), or the text's end.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// A key as the reader sees it: its escapes resolved (as written when they are broken).
fn unescape(quoted: &str) -> String {
    let inner = quoted
        .strip_prefix('"')
        .map(|s| s.strip_suffix('"').unwrap_or(s))
        .unwrap_or(quoted);
    if !inner.contains('\\') {
        return inner.to_string();
    }
    serde_json::from_str(quoted).unwrap_or_else(|_| inner.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_elements_and_closed_values() {
        let text = "{\"a\": [1, {\"b\\u0041\": 2}],\n \"c\": {\"d\": [\"x\"]}}";
        // Just after the key "bA" was read.
        assert_eq!(path_at(text, 1, 20), "a[1].bA");
        // After the object in a[1] closed: the element itself.
        assert_eq!(path_at(text, 1, 24), "a[1]");
        // After the array closed: its key.
        assert_eq!(path_at(text, 1, 25), "a");
        // After "x" on the second line.
        assert_eq!(path_at(text, 2, 16), "c.d[0]");
        assert_eq!(path_at(text, 1, 0), ".");
        assert_eq!(path_at(text, 9, 9), ".");
    }
}
