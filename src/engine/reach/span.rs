//! Which targets a search can reach at all, over-estimated cheaply, so that it stops once those
//! are settled instead of exhausting every state (see `tree`).
//!
//! [`transit::hop`] never lets traffic leave over a Bastion, Application Gateway or virtual
//! desktop connection (limited access, not routes), and only VNets, circuits, Virtual WAN hubs
//! and the internet ever pass traffic on; every other node is an end. So a target is reachable
//! from a source, whatever rules a path breaks, only if both touch one *region*: a connected
//! set of forwarding nodes over the other connections (a node touches the region it is in, and
//! those of its forwarding neighbours), or if they are neighbours. The converse need not hold
//! (a rule may still never allow a hop); a search then ends by exhausting its states, as
//! before.
//!
//! [`transit::hop`]: super::super::transit::hop

use super::super::model::{LinkKind, NodeKind};
use super::super::topology::{ConnKind, Net};
use super::tree::NONE;

/// Whether traffic may ever leave over connection `c` (from either end).
fn carries(net: &Net, c: usize) -> bool {
    !matches!(
        net.conns[c].kind,
        ConnKind::Link(LinkKind::Bastion | LinkKind::AppGateway | LinkKind::VirtualDesktop)
    )
}

/// Whether a node ever passes traffic on.
fn forwards(net: &Net, n: usize) -> bool {
    matches!(
        net.node(n).kind,
        NodeKind::Vnet | NodeKind::Expressroute | NodeKind::VwanHub | NodeKind::Internet
    )
}

/// The regions of a network and the targets that touch each.
pub(super) struct Span {
    /// The regions each node touches.
    touch: Vec<Vec<u32>>,
    /// The targets touching each region.
    members: Vec<Vec<u32>>,
    /// The last count each target was counted in.
    stamp: Vec<u32>,
    round: u32,
}

impl Span {
    /// The regions of `net`; `target[n]` is the target number of node `n` (`NONE`: none).
    /// O(V + C).
    pub(super) fn new(net: &Net, target: &[u32], targets: usize) -> Span {
        let nodes = net.adj.len();
        let mut region = vec![NONE; nodes];
        let mut regions = 0;
        let mut stack = Vec::new();
        for n in (0..nodes).filter(|&n| forwards(net, n)) {
            if region[n] != NONE {
                continue;
            }
            region[n] = regions;
            stack.push(n);
            while let Some(at) = stack.pop() {
                for &(c, m) in &net.adj[at] {
                    if region[m] == NONE && forwards(net, m) && carries(net, c) {
                        region[m] = regions;
                        stack.push(m);
                    }
                }
            }
            regions += 1;
        }
        let touch: Vec<Vec<u32>> = (0..nodes)
            .map(|n| {
                if region[n] != NONE {
                    return vec![region[n]];
                }
                let mut touched: Vec<u32> = net.adj[n]
                    .iter()
                    .filter(|&&(c, m)| region[m] != NONE && carries(net, c))
                    .map(|&(_, m)| region[m])
                    .collect();
                crate::engine::order::sort_unstable(&mut touched);
                touched.dedup();
                touched
            })
            .collect();
        let mut members = vec![Vec::new(); regions as usize];
        for (n, touched) in touch.iter().enumerate() {
            if target[n] != NONE {
                for &r in touched {
                    members[r as usize].push(target[n]);
                }
            }
        }
        Span {
            touch,
            members,
            stamp: vec![0; targets],
            round: 0,
        }
    }

    /// How many targets a search from `source` may reach (the source itself included when it
    /// is one). O(targets touching the source's regions + its degree).
    pub(super) fn count(&mut self, net: &Net, source: usize, target: &[u32]) -> u32 {
        self.round = self.round.wrapping_add(1);
        if self.round == 0 {
            self.stamp.iter_mut().for_each(|s| *s = 0);
            self.round = 1;
        }
        let round = self.round;
        let mut count = 0;
        let mut mark = |t: u32, stamp: &mut Vec<u32>| {
            if t != NONE && stamp[t as usize] != round {
                stamp[t as usize] = round;
                count += 1;
            }
        };
        mark(target[source], &mut self.stamp);
        for &r in &self.touch[source] {
            for &t in &self.members[r as usize] {
                mark(t, &mut self.stamp);
            }
        }
        for &(c, m) in &net.adj[source] {
            if carries(net, c) {
                mark(target[m], &mut self.stamp);
            }
        }
        count
    }
}
