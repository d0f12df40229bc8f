//! What a pair's fix does, worked out before it is applied: when the fix opens one direction
//! only, the fix for the way back is added, so that one click makes the pair reachable; and
//! the intents that hold now but would fail afterwards are named, so that the person knows
//! before applying. Pure: no rendering, no browser.

use crate::engine::analysis::IntentResult;
use crate::engine::edit::{self, Edit};
use crate::engine::network::Network;
use crate::engine::{explain, Plan};
use crate::ui::answers::FULL_UP_TO;

/// How many further edits the way back may take.
const MORE_EDITS: usize = 3;

/// A fix and what it would do.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// The edit to apply: the pair's own fix, followed by the fixes for the way back.
    pub edit: Edit,
    /// Whether the edit includes fixes beyond the pair's own (the way back).
    pub both_ways: bool,
    /// Whether the pair is reachable both ways after the edit.
    pub opens: bool,
    /// The intents that hold now and would not hold after the edit.
    pub breaks: Vec<IntentResult>,
}

/// The preview of applying `fix` to the pair `from` → `to` of `plan`; `None` when the fix no
/// longer applies.
///
/// Above [`FULL_UP_TO`] endpoints the fix is offered as it is, unjudged: judging it would take
/// two analyses of a large plan at every edit.
pub fn preview(plan: &Plan, from: &str, to: &str, fix: &Edit) -> Option<Preview> {
    let endpoints = plan.nodes.iter().filter(|n| n.kind.is_endpoint()).count();
    if endpoints > FULL_UP_TO {
        return Some(Preview {
            edit: fix.clone(),
            both_ways: false,
            opens: false,
            breaks: Vec::new(),
        });
    }
    let mut next = plan.clone();
    edit::apply(&mut next, fix).ok()?;
    let mut edits = vec![fix.clone()];
    let mut opens = false;
    for _ in 0..=MORE_EDITS {
        let there = explain(&next, from, to)?.pair;
        if there.reachable {
            opens = true;
            break;
        }
        // One way (or not at all): the way back names its own fix.
        let back = explain(&next, to, from)?.pair;
        let Some(more) = back.edit.filter(|_| there.one_way).or(there.edit) else {
            break;
        };
        if edits.len() > MORE_EDITS || edit::apply(&mut next, &more).is_err() {
            break;
        }
        edits.push(more);
    }
    let both_ways = edits.len() > 1 && opens;
    if !both_ways {
        // Only the pair's own fix is offered; its effect is judged alone.
        edits.truncate(1);
        next = plan.clone();
        edit::apply(&mut next, fix).ok()?;
    }
    // A small plan (see above): the full analyses, never the fast matrix, which the
    // documentation widget leaves out of its build.
    let before = Network::new(plan).analysis();
    let after = Network::new(&next).analysis();
    let breaks = before
        .intents
        .iter()
        .zip(&after.intents)
        .filter(|(b, a)| b.holds && !a.holds)
        .map(|(_, a)| a.clone())
        .collect();
    let edit = if edits.len() == 1 {
        fix.clone()
    } else {
        Edit::All { edits }
    };
    Some(Preview {
        edit,
        both_ways,
        opens,
        breaks,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::engine::read_plan;

    #[test]
    fn a_one_way_fix_comes_with_the_way_back_and_names_the_intent_it_breaks() {
        let plan = read_plan(include_str!("../../www/examples/hub-spoke-firewall.json")).unwrap();
        let story = explain(&plan, "spoke-dev", "spoke-prod").unwrap();
        let fix = story.pair.edit.clone().unwrap();
        let p = preview(&plan, "spoke-dev", "spoke-prod", &fix).unwrap();
        assert!(p.opens, "{p:?}");
        assert!(p.both_ways, "{p:?}");
        let mut fixed = plan.clone();
        edit::apply(&mut fixed, &p.edit).unwrap();
        assert!(
            explain(&fixed, "spoke-dev", "spoke-prod")
                .unwrap()
                .pair
                .reachable
        );
        assert!(
            explain(&fixed, "spoke-prod", "spoke-dev")
                .unwrap()
                .pair
                .reachable
        );
        let broken: Vec<_> = p.breaks.iter().map(|i| (&*i.from, &*i.to)).collect();
        assert_eq!(broken, [("spoke-dev", "spoke-prod")]);
    }
}
