//! What the diagram highlights for a selected pair: the nodes and hops of the way there,
//! with the hop where a rule stops the traffic.

use crate::engine::topology::Net;
use crate::engine::{Plan, Story};

/// One hop to draw: between two nodes, over a plan link (or an implicit connection).
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// Node id at the start of the hop.
    pub from: String,
    /// Node id at the end of the hop.
    pub to: String,
    /// The plan link the hop takes, when it is one.
    pub link: Option<usize>,
    /// A rule stops traffic on this hop.
    pub blocked: bool,
}

/// The path to highlight.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Highlight {
    /// Node ids on the path.
    pub nodes: Vec<String>,
    /// The hops.
    pub segments: Vec<Segment>,
}

/// The way there of a pair's story, as nodes and hops (empty when there is no path at all).
pub fn highlight(plan: &Plan, story: &Story) -> Highlight {
    let mut out = Highlight::default();
    let Some(trace) = story.there.as_ref() else {
        return out;
    };
    let net = Net::build(plan);
    let id = |n: usize| plan.nodes.get(n).map(|n| n.id.clone()).unwrap_or_default();
    let mut prev = story.pair.from.clone();
    out.nodes.push(prev.clone());
    for hop in &trace.hops {
        let here = id(hop.node);
        out.segments.push(Segment {
            from: prev.clone(),
            to: here.clone(),
            link: net.conns.get(hop.conn).and_then(|c| c.link),
            blocked: !hop.blocks.is_empty(),
        });
        out.nodes.push(here.clone());
        prev = here;
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::engine::{explain, read_plan};

    #[test]
    fn the_path_follows_the_plan_links() {
        let plan = read_plan(include_str!(
            "../../www/examples/users-to-azure-and-onprem.json"
        ))
        .unwrap();
        let story = explain(&plan, "remote-staff", "hq").unwrap();
        let h = highlight(&plan, &story);
        assert_eq!(h.nodes, ["remote-staff", "hub", "hq"]);
        assert_eq!(h.segments[0].link, Some(0));
        assert_eq!(h.segments[1].link, Some(1));
        assert!(h.segments.iter().all(|s| !s.blocked));
    }

    #[test]
    fn a_blocked_hop_is_marked() {
        let plan = read_plan(include_str!("../../www/examples/hub-spoke-firewall.json")).unwrap();
        let story = explain(&plan, "spoke-dev", "spoke-prod").unwrap();
        let h = highlight(&plan, &story);
        assert!(h.segments.iter().any(|s| s.blocked));
    }
}
