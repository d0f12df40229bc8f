//! Finds where a JSON path (`links[3].to`) stands in a document's text, as a line and column.
//!
//! serde reports line and column for the errors it finds while reading; the checks that run
//! after reading (unknown ids, duplicate ids, fields that a kind does not take) use this to point
//! at the same place. The text is known to be valid JSON by then, so the scanner is small.

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A key of an object.
    Key(String),
    /// An index into an array.
    Index(usize),
}

/// Builds a path from steps, e.g. `[Key("links"), Index(3), Key("to")]`.
pub fn path(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    if out.is_empty() {
        out.push('.');
    }
    out
}

/// The 1-based line and column where the value at `steps` starts, or the nearest enclosing
/// value that exists. For a key step the position of the key itself is returned, which is what
/// a person looks for.
pub fn locate(text: &str, steps: &[Step]) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut scanner = Scanner { bytes, pos: 0 };
    scanner.skip_ws();
    let mut best = scanner.pos;
    for step in steps {
        match scanner.enter(step) {
            Some(at) => best = at,
            None => break,
        }
    }
    line_col(text, best)
}

/// The 1-based line and column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    /// Moves into the child named by `step` of the value at `pos`; returns where the key (or
    /// array element) starts, leaving `pos` at the child's value.
    fn enter(&mut self, step: &Step) -> Option<usize> {
        self.skip_ws();
        match (step, self.peek()?) {
            (Step::Key(want), b'{') => {
                self.pos += 1;
                loop {
                    self.skip_ws();
                    if self.peek()? == b'}' {
                        return None;
                    }
                    let key_at = self.pos;
                    let key = self.string()?;
                    self.skip_ws();
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.pos += 1;
                    self.skip_ws();
                    if key == *want {
                        return Some(key_at);
                    }
                    self.value()?;
                    self.skip_ws();
                    if self.peek()? == b',' {
                        self.pos += 1;
                    }
                }
            }
            (Step::Index(want), b'[') => {
                self.pos += 1;
                let mut index = 0;
                loop {
                    self.skip_ws();
                    if self.peek()? == b']' {
                        return None;
                    }
                    if index == *want {
                        return Some(self.pos);
                    }
                    self.value()?;
                    self.skip_ws();
                    if self.peek()? == b',' {
                        self.pos += 1;
                    }
                    index += 1;
                }
            }
            _ => None,
        }
    }

    /// Reads a string at `pos` and returns it unescaped (escapes other than `\"` and `\\` are
    /// kept as written, which is enough to compare plan keys).
    fn string(&mut self) -> Option<String> {
        if self.peek()? != b'"' {
            return None;
        }
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            let b = self.peek()?;
            self.pos += 1;
            match b {
                b'"' => return Some(String::from_utf8_lossy(&out).into_owned()),
                b'\\' => {
                    let e = self.peek()?;
                    self.pos += 1;
                    if e == b'"' || e == b'\\' {
                        out.push(e);
                    } else {
                        out.push(b'\\');
                        out.push(e);
                    }
                }
                _ => out.push(b),
            }
        }
    }

    /// Skips one value of any type, iteratively (no recursion, so depth is no risk).
    fn value(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            self.skip_ws();
            match self.peek()? {
                b'{' | b'[' => {
                    depth += 1;
                    self.pos += 1;
                    continue;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.pos += 1;
                }
                b'"' => {
                    self.string()?;
                }
                b',' | b':' => {
                    self.pos += 1;
                    continue;
                }
                _ => {
                    while !matches!(
                        self.peek(),
                        None | Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
                    ) {
                        self.pos += 1;
                    }
                }
            }
            if depth == 0 {
                return Some(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_keys_and_indexes() {
        let text = "{\n  \"a\": [1, {\"b\": 2}],\n  \"links\": [\n    {\"to\": \"x\"},\n    {\"from\": \"y\", \"to\": \"z\"}\n  ]\n}";
        let at = locate(
            text,
            &[
                Step::Key("links".into()),
                Step::Index(1),
                Step::Key("to".into()),
            ],
        );
        assert_eq!(at, (5, 19));
        assert_eq!(
            path(&[Step::Key("links".into()), Step::Index(1)]),
            "links[1]"
        );
    }

    #[test]
    fn missing_step_points_at_nearest_parent() {
        let text = "{\"nodes\": []}";
        let at = locate(text, &[Step::Key("nodes".into()), Step::Index(4)]);
        assert_eq!(at, (1, 2));
    }
}
