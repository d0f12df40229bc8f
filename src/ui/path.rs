//! What the diagram highlights for a selected pair: the nodes and hops of the way there,
//! with the hop where a rule stops the traffic; or, for a pair with only access of a limited
//! kind (Bastion, a virtual desktop, Application Gateway), the way that access takes.

use crate::engine::model::{Access, LinkKind};
use crate::engine::{Pair, Plan, Story};

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
    /// The kind of limited access, when the path is the way that access takes.
    pub access: Option<Access>,
}

/// The limited access of a pair (desktop, RDP/SSH, HTTPS), when it has no network route.
pub fn limited(pair: &Pair) -> Option<Access> {
    match pair.access {
        Some(a @ (Access::Desktop | Access::RdpSsh | Access::Https)) if !pair.reachable => Some(a),
        _ => None,
    }
}

/// The plan link between two nodes of this kind (either direction), if there is one.
fn plan_link(plan: &Plan, a: &str, b: &str, via: &str) -> Option<usize> {
    plan.links.iter().position(|l| {
        l.kind.as_str() == via && ((l.from == a && l.to == b) || (l.from == b && l.to == a))
    })
}

/// The way a limited access takes, from the pair's path and link kinds.
fn access_path(plan: &Plan, pair: &Pair, access: Access) -> Highlight {
    let segments = pair
        .path
        .windows(2)
        .zip(pair.via.iter())
        .map(|(ends, via)| Segment {
            from: ends[0].clone(),
            to: ends[1].clone(),
            link: plan_link(plan, &ends[0], &ends[1], via),
            blocked: false,
        })
        .collect();
    Highlight {
        nodes: pair.path.clone(),
        segments,
        access: Some(access),
    }
}

/// What to highlight for a pair's story: the way there (empty when there is no path at all),
/// or the way its limited access takes.
pub fn highlight(plan: &Plan, story: &Story) -> Highlight {
    if let Some(access) = limited(&story.pair) {
        let limited_kinds = [
            LinkKind::Bastion,
            LinkKind::VirtualDesktop,
            LinkKind::AppGateway,
        ];
        let takes_access_link = story
            .pair
            .via
            .iter()
            .any(|v| limited_kinds.iter().any(|k| k.as_str() == v));
        if !story.pair.one_way && takes_access_link {
            return access_path(plan, &story.pair, access);
        }
    }
    let mut out = Highlight::default();
    let Some(trace) = story.there.as_ref() else {
        return out;
    };
    let id = |n: usize| plan.nodes.get(n).map(|n| n.id.clone()).unwrap_or_default();
    let mut prev = story.pair.from.clone();
    out.nodes.push(prev.clone());
    for hop in &trace.hops {
        let here = id(hop.node);
        out.segments.push(Segment {
            from: prev.clone(),
            to: here.clone(),
            link: hop.link,
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
        assert_eq!(h.access, None);
    }

    #[test]
    fn limited_access_highlights_the_way_it_takes() {
        let plan = read_plan(include_str!("../../www/examples/contractors-bastion.json")).unwrap();
        let story = explain(&plan, "contractors", "hq").unwrap();
        let h = highlight(&plan, &story);
        assert_eq!(h.access, Some(Access::RdpSsh));
        assert_eq!(h.nodes, ["contractors", "hub", "hq"]);
        assert!(h.segments.iter().all(|s| s.link.is_some() && !s.blocked));
        let plan = read_plan(include_str!(
            "../../www/examples/virtual-desktops-firewall.json"
        ))
        .unwrap();
        let story = explain(&plan, "staff", "spoke-erp").unwrap();
        let h = highlight(&plan, &story);
        assert_eq!(h.access, Some(Access::Desktop));
        assert_eq!(h.nodes.first().map(String::as_str), Some("staff"));
        assert_eq!(h.nodes.last().map(String::as_str), Some("spoke-erp"));
    }
}
