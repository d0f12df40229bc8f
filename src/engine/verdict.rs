//! The one place that decides a pair's fate: reachable, one way only, or not.
//!
//! Every question asks here: the explaining analysis (`analysis::judge`), the fast matrix
//! (`matrix`, bit by bit), the overview's cells, the focused answers (`focus`) and the
//! capacity paths (`capacity::path`). They differ in how they find the way there and the way
//! back (a ranked trace, a bit search); they never decide the pair themselves.
//!
//! The decision, for a pair (`from`, `to`):
//!
//! 1. **Who opens the connection.** The internet and Microsoft's public services open nothing
//!    into private address space (R9.3): from the internet only Microsoft's public services are
//!    reachable, and Microsoft's services reach no VNet and no user group (a site's public
//!    prefixes on Microsoft peering are the exception the traces find). What is published, such
//!    as an Application Gateway, gives limited access (see `access`). A VNet's own way out is
//!    its outbound access, an assumption of the traces (`AssumptionId::OutboundAccess`).
//! 2. **A way there** (a trace that breaks no rule) is needed.
//! 3. **A way back** is needed too, except to the internet and Microsoft's services: their
//!    replies follow the connection the source opened (stateful return traffic through SNAT or
//!    the service's public endpoint), so no route back into the source's private space is
//!    asked for. Without a way back the pair is *one way*.
//! 4. **Overlapping address spaces** (R2.1) make a pair that goes and comes back unreachable:
//!    the longest prefix wins on both sides, so each side keeps its own copy of the prefix.

use super::model::NodeKind;

/// What is known of a pair before it is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ways {
    /// The source's kind.
    pub from: NodeKind,
    /// The destination's kind.
    pub to: NodeKind,
    /// A trace from the source to the destination breaks no rule.
    pub there: bool,
    /// A trace from the destination back to the source breaks no rule.
    pub back: bool,
    /// The two endpoints' address spaces overlap.
    pub overlap: bool,
}

/// A pair's fate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Traffic goes and comes back (or needs no way back).
    Reachable,
    /// There is a way there but none back, and the destination needs one.
    OneWay,
    /// The source is the internet or Microsoft's services, which open no connection into this
    /// destination's private network (R9.3).
    Closed,
    /// Traffic would go and come back, but the two address spaces overlap (R2.1).
    Overlap,
    /// No way there.
    NoWay,
}

impl Verdict {
    /// Whether the pair is reachable.
    pub fn reachable(self) -> bool {
        self == Verdict::Reachable
    }
}

/// Whether an endpoint of kind `from` may open connections to one of kind `to`: the internet
/// opens them to Microsoft's public services only, and Microsoft's services open none into a
/// VNet or a user group (public services do not open connections into private address space;
/// R9.3). Every other source may try; its traces decide.
pub fn opens(from: NodeKind, to: NodeKind) -> bool {
    match from {
        NodeKind::Internet => to == NodeKind::Microsoft,
        NodeKind::Microsoft => !matches!(to, NodeKind::Vnet | NodeKind::Users),
        _ => true,
    }
}

/// Why a [`Verdict::Closed`] pair is closed, in a sentence: who does not open the connection.
pub fn closed_reason(from: NodeKind, from_id: &str, to_id: &str) -> String {
    let who = if from == NodeKind::Internet {
        "The internet does".to_string()
    } else {
        format!("Microsoft's public services ({from_id}) do")
    };
    format!("{who} not open connections into the private network of {to_id}; nothing publishes it.")
}

/// Why a public endpoint does not reach a VNet that publishes an application through its
/// Application Gateway, from the reason it is closed ([`closed_reason`]): only HTTP(S) to that
/// application gets there, and no change of the plan gives more (R9.3).
pub fn published_reason(closed: &str, to_id: &str) -> String {
    let who = closed
        .strip_suffix("; nothing publishes it.")
        .unwrap_or(closed);
    format!("{who}; only HTTP(S) to the applications {to_id} publishes through its Application Gateway gets there, and no change of the plan gives more.")
}

/// Whether a destination of this kind needs a way back: the internet and Microsoft's services
/// answer over the connection the source opened, so they need none.
pub fn needs_way_back(kind: NodeKind) -> bool {
    !matches!(kind, NodeKind::Internet | NodeKind::Microsoft)
}

/// Decides a pair.
///
/// # Example
/// ```
/// use reachplan::engine::model::NodeKind;
/// use reachplan::engine::verdict::{decide, Verdict, Ways};
/// let ways = Ways {
///     from: NodeKind::Vnet,
///     to: NodeKind::Vnet,
///     there: true,
///     back: false,
///     overlap: false,
/// };
/// assert_eq!(decide(ways), Verdict::OneWay);
/// let to_internet = Ways { to: NodeKind::Internet, ..ways };
/// assert_eq!(decide(to_internet), Verdict::Reachable);
/// ```
pub fn decide(ways: Ways) -> Verdict {
    if !opens(ways.from, ways.to) {
        Verdict::Closed
    } else if !ways.there {
        Verdict::NoWay
    } else if !ways.back && needs_way_back(ways.to) {
        Verdict::OneWay
    } else if ways.overlap {
        Verdict::Overlap
    } else {
        Verdict::Reachable
    }
}

/// [`decide`] for 64 destinations at once, as the fast matrix asks it: bit `j` of the result is
/// set when the source reaches destination `j`, given the bits of the destinations it
/// [`opens`] connections to, the way there, the way back and the destinations that need no way
/// back. Overlaps are cleared by the caller pair by pair (they are few). A test checks it
/// against [`decide`].
pub fn reachable_bits(opens: u64, there: u64, back: u64, no_back_needed: u64) -> u64 {
    opens & there & (back | no_back_needed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const KINDS: [NodeKind; 5] = [
        NodeKind::Vnet,
        NodeKind::Site,
        NodeKind::Users,
        NodeKind::Internet,
        NodeKind::Microsoft,
    ];

    #[test]
    fn the_bit_form_agrees_with_the_decision() {
        for from in KINDS {
            for to in KINDS {
                for there in [false, true] {
                    for back in [false, true] {
                        let ways = Ways {
                            from,
                            to,
                            there,
                            back,
                            overlap: false,
                        };
                        let bit = reachable_bits(
                            u64::from(opens(from, to)),
                            u64::from(there),
                            u64::from(back),
                            u64::from(!needs_way_back(to)),
                        );
                        assert_eq!(bit == 1, decide(ways).reachable(), "{ways:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn public_endpoints_open_nothing_private_and_need_no_way_back() {
        let ways = Ways {
            from: NodeKind::Internet,
            to: NodeKind::Vnet,
            there: true,
            back: true,
            overlap: false,
        };
        assert_eq!(decide(ways), Verdict::Closed);
        let public = Ways {
            to: NodeKind::Microsoft,
            ..ways
        };
        assert_eq!(decide(public), Verdict::Reachable);
        let from_microsoft = Ways {
            from: NodeKind::Microsoft,
            ..ways
        };
        assert_eq!(decide(from_microsoft), Verdict::Closed);
        let out = Ways {
            from: NodeKind::Vnet,
            to: NodeKind::Microsoft,
            back: false,
            ..ways
        };
        assert_eq!(decide(out), Verdict::Reachable);
        let overlap = Ways {
            to: NodeKind::Vnet,
            back: true,
            overlap: true,
            ..out
        };
        assert_eq!(decide(overlap), Verdict::Overlap);
        let one_way = Ways {
            back: false,
            ..overlap
        };
        assert_eq!(decide(one_way), Verdict::OneWay);
    }
}
