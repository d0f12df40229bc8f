//! Reading an edit from JSON (a module of `edit`), with the path of what is wrong: an edit is
//! an object with an `op`, whose other members the op names. serde reads such a tagged object
//! whole and forgets where inside it a value was refused, so the members that hold whole
//! records (`all`'s `edits`, `add_node`'s `node` and `links`) are read one by one first, each
//! error then named by its path (`edits[0].node.kind`).

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use super::super::model::{Link, Node};
use super::super::path_at::path_of_error;
use super::Edit;

/// Reads an edit (an object with an `op`, as in a fix's `edit`) from JSON.
///
/// # Errors
/// The path where the edit is wrong and why, e.g. `edits[0].node.kind: unknown variant …`.
pub fn read_edit(text: &str) -> Result<Edit, String> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| format!("{}: {}", joined("", &path_of_error(text, &e)), message(&e)))?;
    edit_of(&value, "")
}

fn edit_of(value: &Value, at: &str) -> Result<Edit, String> {
    let op = value.get("op").and_then(Value::as_str);
    if op == Some("all") {
        if let Some(Value::Array(edits)) = value.get("edits") {
            let edits = edits
                .iter()
                .enumerate()
                .map(|(i, e)| edit_of(e, &joined(at, &format!("edits[{i}]"))))
                .collect::<Result<_, _>>()?;
            return Ok(Edit::All { edits });
        }
    }
    if op == Some("add_node") {
        if let Some(node) = value.get("node") {
            typed::<Node>(node, &joined(at, "node"))?;
        }
        if let Some(Value::Array(links)) = value.get("links") {
            for (i, l) in links.iter().enumerate() {
                typed::<Link>(l, &joined(at, &format!("links[{i}]")))?;
            }
        }
    }
    Edit::deserialize(value).map_err(|e| format!("{}: {}", joined(at, ""), message(&e)))
}

/// Reads `value` as a `T`; an error names its path below `at`.
fn typed<T: DeserializeOwned>(value: &Value, at: &str) -> Result<(), String> {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    match serde_json::from_str::<T>(&text) {
        Ok(_) => Ok(()),
        Err(e) => Err(format!(
            "{}: {}",
            joined(at, &path_of_error(&text, &e)),
            message(&e)
        )),
    }
}

/// `at` and `inner` joined as a path (`.` when both are empty).
fn joined(at: &str, inner: &str) -> String {
    match (at.is_empty(), inner.is_empty() || inner == ".") {
        (true, true) => ".".to_string(),
        (true, false) => inner.to_string(),
        (false, true) => at.to_string(),
        (false, false) if inner.starts_with('[') => format!("{at}{inner}"),
        (false, false) => format!("{at}.{inner}"),
    }
}

/// serde_json's message without the " at line L column C" of the text it read.
fn message(e: &serde_json::Error) -> String {
    let m = e.to_string();
    match m.rfind(" at line ") {
        Some(cut) => m[..cut].to_string(),
        None => m,
    }
}
