//! The share-link codec: a whole plan in a URL fragment, compressed and versioned.
//!
//! A link fragment is `p1.` followed by the base64url (no padding) of the raw DEFLATE
//! compression of the plan's compact JSON. The prefix names the codec version, so that links
//! made today keep opening when the codec changes. Decoding never panics: garbage, a cut-off
//! link, a plan too large when inflated, or a plan the format rejects are all a [`ShareError`].

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::format::{read_plan, PlanError};
use super::model::Plan;

/// The prefix of version 1 share fragments.
pub const PREFIX: &str = "p1.";

/// The largest plan text a link may inflate to, in bytes (a guard against decompression bombs).
pub const MAX_INFLATED_BYTES: usize = 4 * 1024 * 1024;

/// Why a share fragment could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment is empty.
    Empty,
    /// The fragment does not start with a known version prefix.
    Version(String),
    /// The fragment is not base64url.
    Base64,
    /// The compressed data is damaged or cut short.
    Damaged,
    /// The plan inside is larger than [`MAX_INFLATED_BYTES`].
    TooLarge,
    /// The plan inside is not UTF-8 text.
    NotText,
    /// The plan inside is not a valid plan.
    Plan(PlanError),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Empty => f.write_str("the link carries no plan"),
            ShareError::Version(prefix) => write!(
                f,
                "the link is not a reachplan share link (it starts with `{prefix}`, expected `{PREFIX}`)"
            ),
            ShareError::Base64 => {
                f.write_str("the link is damaged: it contains characters a share link never has")
            }
            ShareError::Damaged => f.write_str(
                "the link is damaged or cut short (was it copied completely?)",
            ),
            ShareError::TooLarge => write!(
                f,
                "the plan in the link is larger than {} MB",
                MAX_INFLATED_BYTES / (1024 * 1024)
            ),
            ShareError::NotText => f.write_str("the link is damaged: the plan inside is not text"),
            ShareError::Plan(e) => write!(f, "the plan in the link cannot be read: {e}"),
        }
    }
}

impl std::error::Error for ShareError {}

/// Encodes a plan as a share fragment (without the leading `#`).
///
/// The output is deterministic: the same plan always gives the same link.
///
/// # Example
/// ```
/// use reachplan::engine::{model::Plan, share};
/// let plan = Plan::new();
/// let link = share::encode(&plan);
/// assert!(link.starts_with("p1."));
/// assert_eq!(share::decode(&link), Ok(plan));
/// ```
pub fn encode(plan: &Plan) -> String {
    let json = serde_json::to_string(plan).unwrap_or_else(|_| "{}".to_string());
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed))
}

/// Decodes a share fragment (with or without the leading `#`) into a plan.
///
/// # Errors
/// A [`ShareError`] when the fragment is not a share link, is damaged or cut short, or
/// carries a plan that the format rejects.
pub fn decode(fragment: &str) -> Result<Plan, ShareError> {
    let fragment = fragment.trim();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.is_empty() {
        return Err(ShareError::Empty);
    }
    let Some(body) = fragment.strip_prefix(PREFIX) else {
        let prefix: String = fragment.chars().take(3).collect();
        return Err(ShareError::Version(prefix));
    };
    let packed = URL_SAFE_NO_PAD
        .decode(body.as_bytes())
        .map_err(|_| ShareError::Base64)?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_INFLATED_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge,
            _ => ShareError::Damaged,
        })?;
    let text = String::from_utf8(bytes).map_err(|_| ShareError::NotText)?;
    read_plan(&text).map_err(ShareError::Plan)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use crate::engine::format::write_plan;
    use crate::engine::model::{Link, LinkKind, Node, NodeKind, Position};

    fn sample() -> Plan {
        let mut plan = Plan::new();
        plan.title = Some("Ünïcode title <b>not html</b>".into());
        let mut hub = Node::new("hub", NodeKind::Vnet);
        hub.position = Some(Position { x: 12.5, y: -3.0 });
        plan.nodes.push(hub);
        plan.nodes.push(Node::new("spoke", NodeKind::Vnet));
        plan.links
            .push(Link::new(LinkKind::Peering, "spoke", "hub"));
        plan
    }

    #[test]
    fn round_trip_keeps_the_plan() {
        let plan = sample();
        let link = encode(&plan);
        assert!(link.starts_with(PREFIX));
        assert!(link
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.'));
        assert_eq!(decode(&link), Ok(plan.clone()));
        assert_eq!(decode(&format!("#{link}")), Ok(plan));
    }

    #[test]
    fn every_example_round_trips() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/examples");
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let plan = read_plan(&text).unwrap();
            assert_eq!(decode(&encode(&plan)), Ok(plan), "{:?}", entry.path());
        }
    }

    #[test]
    fn encoding_is_deterministic() {
        assert_eq!(encode(&sample()), encode(&sample()));
    }

    #[test]
    fn every_truncation_is_an_error() {
        let link = encode(&sample());
        for cut in 0..link.len() {
            assert!(decode(&link[..cut]).is_err(), "cut at {cut} decoded");
        }
    }

    #[test]
    fn garbage_is_an_error() {
        assert_eq!(decode(""), Err(ShareError::Empty));
        assert_eq!(decode("#"), Err(ShareError::Empty));
        assert!(matches!(decode("p2.abc"), Err(ShareError::Version(_))));
        assert!(matches!(decode("hello"), Err(ShareError::Version(_))));
        assert_eq!(decode("p1.!!!"), Err(ShareError::Base64));
        assert_eq!(decode("p1.AAAA"), Err(ShareError::Damaged));
        let not_a_plan = miniz_oxide::deflate::compress_to_vec(br#"{"reachplan": 9}"#, 9);
        let link = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(not_a_plan));
        assert!(matches!(decode(&link), Err(ShareError::Plan(_))));
        let bytes = miniz_oxide::deflate::compress_to_vec(&[0xff, 0xfe, 0x00], 9);
        let link = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes));
        assert_eq!(decode(&link), Err(ShareError::NotText));
        // Every single-character corruption is refused as damaged data (or not base64, text or
        // a plan), or still decodes to a plan that reads back; none panics, none claims another
        // version. Format 1 carries no checksum, so a corruption in a text field can decode to
        // a plan with that text changed (byte 96 here changes the title): known, not refused.
        let good = encode(&sample());
        let mut refused = 0;
        for i in PREFIX.len()..good.len() {
            let mut bad = good.clone().into_bytes();
            bad[i] = if bad[i] == b'A' { b'B' } else { b'A' };
            match decode(&String::from_utf8(bad).unwrap()) {
                Ok(plan) => assert_eq!(
                    read_plan(&write_plan(&plan)).as_ref(),
                    Ok(&plan),
                    "byte {i}"
                ),
                Err(e) => {
                    refused += 1;
                    assert!(
                        matches!(
                            e,
                            ShareError::Damaged
                                | ShareError::Base64
                                | ShareError::NotText
                                | ShareError::Plan(_)
                        ),
                        "byte {i}: {e:?}"
                    );
                }
            }
        }
        assert!(refused > 0, "some corruption must be noticed");
    }

    #[test]
    fn a_bomb_is_refused() {
        let big = vec![b' '; MAX_INFLATED_BYTES + 10];
        let packed = miniz_oxide::deflate::compress_to_vec(&big, 9);
        let link = format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(packed));
        assert_eq!(decode(&link), Err(ShareError::TooLarge));
    }

    #[test]
    fn errors_read_as_sentences() {
        let e = decode("p1.AAAA").unwrap_err().to_string();
        assert!(e.contains("damaged"), "{e}");
    }
}
