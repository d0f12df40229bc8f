//! The prepared network itself: a plan's topology, built once, with its overlaps and limit
//! findings. The questions it answers are in [`network`](super::network); this module sits
//! below every module that answers one, so that they can take a `&Network` without importing
//! the questions.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::model::Plan;
use super::topology::Net;
use super::validate;

/// A plan interpreted once, ready for questions. Building it costs the topology (linear in the
/// plan, plus the overlap check, O(n log n) in address prefixes); each question then costs
/// what its own documentation says.
#[derive(Debug)]
pub struct Network {
    /// The topology, with the findings of its links, gateways, overlaps and limits.
    pub(crate) net: Net,
    /// Endpoint pairs (lower node number first) whose address spaces overlap, with the message.
    pub(crate) overlaps: BTreeMap<(usize, usize), String>,
}

impl Network {
    /// Prepares the network of a plan that [`read_plan`](super::read_plan) accepted (from a
    /// copy of it).
    pub fn new(plan: &Plan) -> Network {
        Network::of(Arc::new(plan.clone()))
    }

    /// Prepares the network of a shared plan, without copying it.
    pub fn of(plan: Arc<Plan>) -> Network {
        let mut net = Net::of(plan);
        let overlaps = validate::overlaps(&mut net);
        validate::limits(&mut net);
        Network { net, overlaps }
    }

    /// The plan it interprets.
    pub fn plan(&self) -> &Plan {
        &self.net.plan
    }
}
