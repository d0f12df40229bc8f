//! Plan format version 1: reading with precise errors, and deterministic writing.
//!
//! This module owns the file format. Reading goes in three steps: the text must be JSON, its
//! `reachplan` field must name a version this crate reads, and the document must match the
//! model exactly (unknown fields are errors, so that typos never pass silently). Then the ids
//! are checked: their syntax, duplicates, and references to nodes that do not exist. Every
//! error names the JSON path and the line and column.

use std::fmt;

mod check;

pub use check::{check, valid_id, Problem};

use super::locate::{line_col, locate, path, Step};
use super::model::Plan;

/// The format version this crate reads and writes.
pub const VERSION: u32 = 1;

/// The largest plan text accepted, in bytes.
pub const MAX_PLAN_BYTES: usize = 64 * 1024 * 1024;

/// Why a plan could not be read: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanError {
    /// JSON path of the offending value, e.g. `links[3].to` (`.` for the whole document).
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong, in a sentence.
    pub message: String,
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: at {}: {}",
            self.line, self.column, self.path, self.message
        )
    }
}

impl std::error::Error for PlanError {}

/// Reads a plan from its JSON text.
///
/// # Errors
/// A [`PlanError`] naming the path, line and column of the first problem found.
///
/// # Example
/// ```
/// let plan = reachplan::engine::read_plan(r#"{"reachplan": 1, "nodes": [], "links": []}"#).unwrap();
/// assert!(plan.nodes.is_empty());
/// let err = reachplan::engine::read_plan(r#"{"reachplan": 2}"#).unwrap_err();
/// assert_eq!(err.path, "reachplan");
/// ```
pub fn read_plan(text: &str) -> Result<Plan, PlanError> {
    read(text).map_err(|e| PlanError {
        path: tidy(&e.path, PATH_CHARS),
        message: tidy(&e.message, MESSAGE_CHARS),
        ..e
    })
}

/// The longest value an error message repeats from the plan, in characters.
const QUOTE_CHARS: usize = 64;
/// The longest JSON path in an error, in characters.
const PATH_CHARS: usize = 200;
/// The longest error message, in characters.
const MESSAGE_CHARS: usize = 1_000;

/// Makes error text safe and short to show anywhere, a terminal included: values quoted in
/// backticks (as serde quotes unknown fields and variants) are cut to [`QUOTE_CHARS`], control
/// characters (terminal escapes among them) are written as escapes such as `\u{1b}`, and the
/// whole is cut to `max` characters.
fn tidy(text: &str, max: usize) -> String {
    let mut short = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i > 0 {
            short.push('`');
        }
        if i % 2 == 1 && part.chars().nth(QUOTE_CHARS).is_some() {
            short.extend(part.chars().take(QUOTE_CHARS));
            short.push('…');
        } else {
            short.push_str(part);
        }
    }
    let mut out = String::new();
    for (n, c) in short.chars().enumerate() {
        if n == max {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

fn read(text: &str) -> Result<Plan, PlanError> {
    if text.len() > MAX_PLAN_BYTES {
        return Err(PlanError {
            path: ".".into(),
            line: 1,
            column: 1,
            message: format!(
                "the plan is {} MB; plans of more than {} MB are not read",
                text.len() / (1024 * 1024),
                MAX_PLAN_BYTES / (1024 * 1024)
            ),
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            // The typed reader knows the path; use it when it stops at the same place.
            let mut err = json_error(&e, ".");
            if let Some(typed) = typed_error_or_plan(text).err() {
                if (typed.line, typed.column) == (err.line, err.column) {
                    err.path = typed.path;
                }
            }
            return Err(err);
        }
    };
    if let Some((at, e)) = super::duplicates::first(text) {
        return Err(json_error(&e, &at));
    }
    check_version(text, &value)?;
    let plan = typed_error_or_plan(text)?;
    check(&plan).map_err(|p| error_at(text, &p.steps, p.message))?;
    Ok(plan)
}

/// Writes a plan as pretty JSON with a final newline. The output is deterministic, and reading
/// it back gives the same plan.
pub fn write_plan(plan: &Plan) -> String {
    let mut out = serde_json::to_string_pretty(plan).unwrap_or_else(|_| "{}".to_string());
    out.push('\n');
    out
}

fn json_error(e: &serde_json::Error, at: &str) -> PlanError {
    let message = e.to_string();
    // serde_json appends " at line L column C"; the position is reported separately.
    let message = match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message,
    };
    let message = match e.classify() {
        serde_json::error::Category::Eof => {
            format!("the plan ends too early (is the file cut short?): {message}")
        }
        serde_json::error::Category::Syntax if message.contains("recursion limit") => {
            "the JSON is nested too deeply; a plan is only a few levels deep".to_string()
        }
        serde_json::error::Category::Syntax => format!("not valid JSON: {message}"),
        _ => message,
    };
    PlanError {
        path: at.to_string(),
        line: e.line().max(1),
        column: e.column().max(1),
        message,
    }
}

/// Reads the plan's types; an error names the path where the reader stopped. The native build
/// tracks the path while reading (serde_path_to_error); the browser builds, where that would
/// double the code of every type read, find it afterwards in the text
/// ([`path_at`](super::path_at::path_at), checked against the first by `tests/path_at.rs`).
#[cfg(not(target_arch = "wasm32"))]
fn typed_error_or_plan(text: &str) -> Result<Plan, PlanError> {
    let mut de = serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, Plan>(&mut de) {
        Ok(plan) => Ok(plan),
        Err(e) => {
            let at = e.path().to_string();
            let at = if at.is_empty() { ".".to_string() } else { at };
            Err(json_error(e.inner(), &at))
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn typed_error_or_plan(text: &str) -> Result<Plan, PlanError> {
    use serde::Deserialize;
    let mut de = serde_json::Deserializer::from_str(text);
    Plan::deserialize(&mut de).map_err(|e| json_error(&e, &super::path_at::path_of_error(text, &e)))
}

fn check_version(text: &str, value: &serde_json::Value) -> Result<(), PlanError> {
    let Some(object) = value.as_object() else {
        return Err(PlanError {
            path: ".".into(),
            line: 1,
            column: 1,
            message:
                "a plan is a JSON object: {\"reachplan\": 1, \"nodes\": [...], \"links\": [...]}"
                    .into(),
        });
    };
    let at = || locate(text, &[Step::Key("reachplan".into())]);
    match object.get("reachplan") {
        None => Err(PlanError {
            path: "reachplan".into(),
            line: 1,
            column: 1,
            message: "missing field `reachplan`: a plan starts with {\"reachplan\": 1, ...}".into(),
        }),
        Some(v) if v.as_u64() == Some(u64::from(VERSION)) => Ok(()),
        Some(v) => {
            let (line, column) = at();
            let message = match v.as_u64() {
                Some(n) if n > u64::from(VERSION) => format!(
                    "this plan is format version {n}; this reachplan reads version {VERSION} \
                     (a newer reachplan wrote it)"
                ),
                _ => format!("unknown format version {v}; this reachplan reads version {VERSION}"),
            };
            Err(PlanError {
                path: "reachplan".into(),
                line,
                column,
                message,
            })
        }
    }
}

fn error_at(text: &str, steps: &[Step], message: String) -> PlanError {
    let (line, column) = locate(text, steps);
    PlanError {
        path: path(steps),
        line,
        column,
        message,
    }
}

/// The position of a byte offset, for callers that report their own errors.
pub fn position(text: &str, offset: usize) -> (usize, usize) {
    line_col(text, offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> PlanError {
        match read_plan(text) {
            Ok(_) => PlanError {
                path: "no error".into(),
                line: 0,
                column: 0,
                message: String::new(),
            },
            Err(e) => e,
        }
    }

    #[test]
    fn reports_unknown_field_with_path_and_position() {
        let e = err(
            "{\"reachplan\": 1,\n \"nodes\": [{\"id\": \"a\", \"kind\": \"vnet\", \"colour\": 1}]}",
        );
        assert_eq!(e.path, "nodes[0].colour");
        assert_eq!(e.line, 2);
        assert!(e.message.contains("unknown field `colour`"), "{e}");
    }

    #[test]
    fn reports_bad_cidr() {
        let e = err("{\"reachplan\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"vnet\", \"address_space\": [\"10.0.0.0/33\"]}]}");
        assert_eq!(e.path, "nodes[0].address_space[0]");
        assert!(e.message.contains("not a CIDR prefix"), "{e}");
    }

    #[test]
    fn reports_dangling_and_duplicate_ids() {
        let e = err("{\"reachplan\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"vnet\"}],\n \"links\": [{\"kind\": \"peering\", \"from\": \"a\", \"to\": \"b\"}]}");
        assert_eq!(e.path, "links[0].to");
        assert_eq!((e.line, e.column), (2, 45));
        let e = err("{\"reachplan\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"vnet\"}, {\"id\": \"a\", \"kind\": \"site\"}]}");
        assert_eq!(e.path, "nodes[1].id");
        assert!(e.message.contains("duplicate"));
    }

    #[test]
    fn reports_versions_truncation_and_wrong_types() {
        assert!(err("{\"reachplan\": 2, \"x\": 1}")
            .message
            .contains("version 2"));
        let e = err("{\"reachplan\": 1, \"nodes\": [");
        assert!(e.message.contains("ends too early"), "{e}");
        let e = err("{\"reachplan\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"users\", \"count\": \"many\"}]}");
        assert_eq!(e.path, "nodes[0].count");
        let e = err("{\"reachplan\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"site\", \"vpn_gateway\": {\"sku\": \"VpnGw1\"}}]}");
        assert_eq!(e.path, "nodes[0].vpn_gateway");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(read_plan(&text).is_err());
    }

    #[test]
    fn round_trip_is_stable() {
        let text = "{\"reachplan\": 1, \"title\": \"t\", \"nodes\": [{\"id\": \"a\", \"kind\": \"vnet\", \"address_space\": [\"10.0.0.0/16\"], \"vpn_gateway\": {\"sku\": \"VpnGw1AZ\", \"bgp\": false}}], \"links\": []}";
        let once = write_plan(&read_plan(text).unwrap_or_default());
        let twice = write_plan(&read_plan(&once).unwrap_or_default());
        assert_eq!(once, twice);
        assert!(once.contains("\"bgp\": false"));
    }
}
