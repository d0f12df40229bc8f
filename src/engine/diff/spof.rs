//! The single points of failure of two designs compared (see
//! [`resilience`](super::super::resilience)): those of the second design only (added) and of the
//! first only (removed), matched by what fails in words (the element's kind and ids; a
//! connection's index in `links` moves when links are added or removed, its ends do not).
//!
//! A sweep costs one fast matrix per failure domain, so it runs only when both plans have at
//! most [`MAX_SWEPT`] endpoints; above that the diff says the comparison was not made.

use std::collections::BTreeSet;

use serde::Serialize;

use super::super::prepared::Network;
use super::super::resilience::{resilience_of, DomainKind, Failure};

/// The most endpoints a plan may have for the diff to compare single points of failure.
pub const MAX_SWEPT: usize = 300;

/// A single point of failure of one of the two designs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SinglePoint {
    /// The failure domain's id in its plan.
    pub id: String,
    /// What kind of element.
    pub kind: DomainKind,
    /// The element in words.
    pub what: String,
    /// How many ordered pairs its failure loses in its plan.
    pub pairs_lost: usize,
    /// The remote users of the groups that lose a pair.
    pub users_cut: u64,
}

impl From<&Failure> for SinglePoint {
    fn from(f: &Failure) -> SinglePoint {
        SinglePoint {
            id: f.domain.id.clone(),
            kind: f.domain.kind,
            what: f.domain.what.clone(),
            pairs_lost: f.pairs_lost,
            users_cut: f.users_cut,
        }
    }
}

/// The single points of failure added and removed, or `None` when a plan is too large to sweep.
pub fn compare(before: &Network, after: &Network) -> Option<(Vec<SinglePoint>, Vec<SinglePoint>)> {
    let endpoints = |n: &Network| {
        n.plan()
            .nodes
            .iter()
            .filter(|n| n.kind.is_endpoint())
            .count()
    };
    if endpoints(before) > MAX_SWEPT || endpoints(after) > MAX_SWEPT {
        return None;
    }
    let (b, a) = (resilience_of(before), resilience_of(after));
    let key = |f: &Failure| (f.domain.kind, f.domain.what.clone());
    let was: BTreeSet<_> = b.single_points.iter().map(key).collect();
    let is: BTreeSet<_> = a.single_points.iter().map(key).collect();
    let only = |list: &[Failure], other: &BTreeSet<(DomainKind, String)>| {
        list.iter()
            .filter(|f| !other.contains(&key(f)))
            .map(SinglePoint::from)
            .collect()
    };
    Some((only(&a.single_points, &was), only(&b.single_points, &is)))
}
