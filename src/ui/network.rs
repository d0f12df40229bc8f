//! The prepared network of the plan on screen, built once per plan version and shared by every
//! view that asks it something (the matrix, the selected pair's story, the capacity panel).

use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use crate::engine::{Network, Plan};

/// A prepared network, compared by identity: the same plan version gives the same network,
/// so comparing two costs nothing, whatever the plan's size.
#[derive(Debug, Clone)]
pub struct Prepared(pub Rc<Network>);

impl PartialEq for Prepared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for Prepared {
    type Target = Network;

    fn deref(&self) -> &Network {
        &self.0
    }
}

impl Prepared {
    /// Prepares the network of a plan.
    pub fn of(plan: &Plan) -> Prepared {
        Prepared(Rc::new(Network::new(plan)))
    }
}

/// The prepared network of `plan`, built again only when the plan changes.
#[hook]
pub fn use_network(plan: Rc<Plan>) -> Prepared {
    (*use_memo(plan, |p| Prepared::of(p))).clone()
}
