//! The one place that decides a pair's fate: reachable, one way only, or not.
//!
//! Every question asks here: the explaining analysis (`analysis::judge`), the fast matrix
//! (`matrix`, bit by bit), the overview's cells, the focused answers (`focus`) and the
//! capacity paths (`capacity::path`). They differ in how they find the way there and the way
//! back (a ranked trace, a bit search); they never decide the pair themselves.
//!
//! The decision, for a pair (`from`, `to`):
//!
//! 1. **The internet opens nothing** into a private network (R9.3): nothing is reachable from
//!    it unless something publishes it (an Application Gateway gives limited access, see
//!    `access`).
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
    /// The source is the internet, which opens no connection into private networks (R9.3).
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

/// Whether traffic from an endpoint of this kind may open connections at all: the internet
/// opens none into a private network (R9.3).
pub fn opens(kind: NodeKind) -> bool {
    kind != NodeKind::Internet
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
    if !opens(ways.from) {
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
/// set when the source (whose kind `opens`) reaches destination `j`, given the bits of the way
/// there, the way back and the destinations that need no way back. Overlaps are cleared by
/// the caller pair by pair (they are few). A test checks it against [`decide`].
pub fn reachable_bits(opens: bool, there: u64, back: u64, no_back_needed: u64) -> u64 {
    if opens {
        there & (back | no_back_needed)
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KINDS: [NodeKind; 4] = [
        NodeKind::Vnet,
        NodeKind::Site,
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
                            opens(from),
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
    fn the_internet_opens_nothing_and_needs_no_way_back() {
        let ways = Ways {
            from: NodeKind::Internet,
            to: NodeKind::Vnet,
            there: true,
            back: true,
            overlap: false,
        };
        assert_eq!(decide(ways), Verdict::Closed);
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
