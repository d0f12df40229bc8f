//! Copy loops: each item a loop makes counts against the template's budget, and property
//! loops (`"copy": [{"name": "subnets", "count": n, "input": {...}}]`) expand into arrays.

use serde_json::{Map, Value};

use super::super::report::NoteKind;
use super::{Template, MAX_COPIES, MAX_COPY};

impl Template<'_> {
    /// Counts one item of a copy loop; false (said once) when the template's loops have made
    /// [`MAX_COPIES`] items.
    pub(super) fn spend(&mut self, path: &str) -> bool {
        if self.copies == 0 {
            return false;
        }
        self.copies -= 1;
        if self.copies == 0 {
            let message =
                format!("the copy loops make more than {MAX_COPIES} items; the rest is left out");
            self.notes
                .push((NoteKind::Problem, path.to_string(), message));
        }
        true
    }

    /// `"copy": [{"name": "subnets", "count": n, "input": {...}}]` in properties.
    pub(super) fn property_copies(
        &mut self,
        copies: &Value,
        path: &str,
        out: &mut Map<String, Value>,
    ) {
        for (i, c) in copies.as_array().into_iter().flatten().enumerate() {
            let name = c
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let at = format!("{path}.copy[{i}]");
            let count = c
                .get("count")
                .map(|n| self.value(n, &format!("{at}.count")));
            let count = count.as_ref().and_then(Value::as_i64).unwrap_or(-1);
            if name.is_empty() || !(0..=MAX_COPY).contains(&count) {
                let message = "a property copy loop without a known name and count".to_string();
                self.notes.push((NoteKind::Unknown, at, message));
                continue;
            }
            let input = c.get("input").cloned().unwrap_or(Value::Null);
            let mut items = Vec::new();
            for k in 0..count {
                if !self.spend(&at) {
                    break;
                }
                self.loops.push((name.clone(), k));
                items.push(self.value(&input, &format!("{at}.input")));
                self.loops.pop();
            }
            out.insert(name, Value::Array(items));
        }
    }
}
