//! Values a planner should question, refused when a plan is read: an intent or a flow from an
//! endpoint to itself (reachplan answers pairs of two endpoints, so it would say nothing), and
//! a demand that is not a positive number of Mbps (per user, or per flow). Each error names the
//! JSON path. (Prefixes with host bits or leading zeros are refused by `Cidr::parse`; a key
//! written twice in one object by `duplicates`; numbers JSON cannot hold, such as `1e400`, by
//! the JSON reader.)

use super::locate::{locate, path, Step};
use super::model::{NodeKind, Plan};
use super::PlanError;

/// The first questionable value of a plan that is otherwise valid.
pub fn check(text: &str, plan: &Plan) -> Result<(), PlanError> {
    let err = |steps: &[Step], message: String| {
        let (line, column) = locate(text, steps);
        PlanError {
            path: path(steps),
            line,
            column,
            message,
        }
    };
    let key = |k: &str| Step::Key(k.to_string());
    for (i, node) in plan.nodes.iter().enumerate() {
        if let (NodeKind::Users, Some(mbps)) = (node.kind, node.mbps_per_user) {
            if mbps.is_nan() || mbps <= 0.0 {
                return Err(err(
                    &[key("nodes"), Step::Index(i), key("mbps_per_user")],
                    format!(
                        "mbps_per_user is {mbps}: the demand of one user is a positive number \
                         of Mbps (leave it out for the default of 2)"
                    ),
                ));
            }
        }
    }
    for (i, intent) in plan.intents.iter().enumerate() {
        if intent.from == intent.to {
            return Err(err(
                &[key("intents"), Step::Index(i), key("to")],
                format!(
                    "an intent from {:?} to itself: intents are about two different endpoints",
                    intent.from
                ),
            ));
        }
    }
    for (i, flow) in plan.flows.iter().enumerate() {
        if flow.from == flow.to {
            return Err(err(
                &[key("flows"), Step::Index(i), key("to")],
                format!(
                    "a flow from {:?} to itself: a flow goes between two different endpoints",
                    flow.from
                ),
            ));
        }
        if let Some(mbps) = flow.mbps {
            if mbps.is_nan() || mbps <= 0.0 {
                return Err(err(
                    &[key("flows"), Step::Index(i), key("mbps")],
                    format!("mbps is {mbps}: a flow's demand is a positive number of Mbps"),
                ));
            }
        }
    }
    Ok(())
}
