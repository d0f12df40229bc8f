//! The answer for one ordered pair of endpoints, as `check --json` prints it.

use serde::Serialize;

use super::catalogue::Rule;
use super::edit::Edit;
use super::model::Access;

/// The answer for one ordered pair of endpoints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pair {
    /// Source endpoint id.
    pub from: String,
    /// Destination endpoint id.
    pub to: String,
    /// Traffic goes and comes back.
    pub reachable: bool,
    /// Node ids from source to destination, when there is a way there.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub path: Vec<String>,
    /// Link kinds between the nodes of `path`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
    /// For each hop of `path`, the index of the plan link it takes (`null` for connections the
    /// plan implies: the hub mesh and the Azure backbone).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Option<usize>>,
    /// There is a way there but none back.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub one_way: bool,
    /// The rule that stops it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
    /// Why it stops, in a sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The smallest change that would open it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    /// That change as an edit the app or a script can apply, when it is a mechanical one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edit: Option<Edit>,
    /// The kind of access: `network` when reachable, a limited kind (`desktop`, `rdp_ssh`,
    /// `https`) when only that is possible; absent when there is none. For limited access,
    /// `path` and `via` show the way it takes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access: Option<Access>,
    /// The rule that grants the limited access.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_rule: Option<Rule>,
    /// What the limited access is, in a sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_note: Option<String>,
}

impl Pair {
    /// A pair not yet judged: not reachable, nothing said.
    pub(crate) fn unjudged(from: &str, to: &str) -> Pair {
        Pair {
            from: from.to_string(),
            to: to.to_string(),
            reachable: false,
            path: Vec::new(),
            via: Vec::new(),
            links: Vec::new(),
            one_way: false,
            rule: None,
            reason: None,
            fix: None,
            edit: None,
            access: None,
            access_rule: None,
            access_note: None,
        }
    }

    /// A reachable pair with nothing else said (no path): what the access rules read from the
    /// fast matrix.
    pub(crate) fn reached(from: &str, to: &str) -> Pair {
        Pair {
            reachable: true,
            access: Some(Access::Network),
            ..Pair::unjudged(from, to)
        }
    }
}
