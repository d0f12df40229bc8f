//! The check of the sharing, in debug builds (and so in the tests): for each state, once, every
//! way out is asked of `transit::hop` on its own and compared with the decision the state's
//! class and the member's group share. A rule that reads something the grouping does not hold
//! (see `classes`) fails here on the first plan that tells two members apart.

use super::*;

impl Search<'_> {
    /// Checks every decision of state `s` against `transit::hop`, member by member, once.
    /// O(degree) `transit::hop` calls.
    pub(super) fn verify(&mut self, s: u32) {
        let i = s as usize;
        if self.verified.len() <= i {
            self.verified.resize(i + 1, false);
        }
        if self.verified[i] {
            return;
        }
        self.verified[i] = true;
        let (node, a, ingress) = self.state(s);
        let prev = self.net.conns[a].other(node);
        let class = self.class_of(s, node, ingress);
        let (first, last) = (
            self.g.node_start[node] as usize,
            self.g.node_start[node + 1] as usize,
        );
        for group in first..last {
            let other = self.allowed(class, node, a, prev, ingress, group, false);
            let same = self.allowed(class, node, a, prev, ingress, group, true);
            let (lo, hi) = (
                self.g.start[group] as usize,
                self.g.start[group + 1] as usize,
            );
            for slot in lo..hi {
                let (c, m) = (self.g.conn[slot] as usize, self.g.other[slot] as usize);
                if c == a {
                    continue;
                }
                let shared = if m == prev { same } else { other };
                let own = allows(transit::hop(self.net, node, Some(a), ingress, c));
                debug_assert_eq!(
                    own,
                    shared,
                    "a shared decision is wrong at {} (arrived from {} over connection {a}) towards {} over connection {c}",
                    self.net.id(node),
                    self.net.id(prev),
                    self.net.id(m)
                );
            }
        }
    }

    /// Checks that every member of a group leaving the source is decided as its first one.
    pub(super) fn verify_start(&self, source: usize, group: usize, shared: bool) {
        let (lo, hi) = (
            self.g.start[group] as usize,
            self.g.start[group + 1] as usize,
        );
        for slot in lo..hi {
            let c = self.g.conn[slot] as usize;
            let own = allows(transit::hop(self.net, source, None, None, c));
            debug_assert_eq!(
                own,
                shared,
                "a shared decision is wrong leaving {}",
                self.net.id(source)
            );
        }
    }
}
