//! The pair a state class's decision is asked about: one arrival of the class and one member of
//! a group, leading back to the node the arrival came from (a parallel connection) or elsewhere.
//!
//! A decision is shared by every state of a class, and the class holds arrivals from different
//! nodes (every member of the arrival's group). So the pair is sought over the whole class, not
//! only the state that asks first: a state with no member of its own to ask (no parallel
//! connection in the group, or every member of the group leading back to its node) must not
//! decide "no" for the states that have one.

use super::*;

impl Search<'_> {
    /// A pair (arrival connection, way out) of the state class of arrival `a` at `node` where
    /// the way out is a member of `group` that leads back to the node the arrival came from
    /// (`same`, a parallel connection) or elsewhere; `None` when no state of the class has one.
    /// O(1) for `same == false`; for `same`, O(log D) when the asking state has a parallel
    /// connection, else O(A + D) for A and D the members of the two groups.
    pub(super) fn pair(
        &self,
        node: usize,
        a: usize,
        prev: usize,
        group: usize,
        same: bool,
    ) -> Option<(usize, usize)> {
        let g = self.g;
        let run = |group: usize| g.start[group] as usize..g.start[group + 1] as usize;
        let arrival = g.side[2 * a + usize::from(self.net.conns[a].b == node)] as usize;
        let (ins, outs) = (run(arrival), run(group));
        let conn = |i: usize| g.conn[i] as usize;
        if !same {
            // Members are sorted by the node they lead to: if the ends of both groups all lead
            // to one node, every member does.
            let ends = [ins.start, ins.end - 1];
            let firsts = std::iter::once(a).chain(ends.into_iter().map(conn));
            let pairs = firsts.flat_map(|x| [outs.start, outs.end - 1].map(|o| (x, o)));
            return pairs
                .into_iter()
                .find(|&(x, o)| self.net.conns[x].other(node) != g.other[o] as usize)
                .map(|(x, o)| (x, conn(o)));
        }
        let from = outs.start + g.other[outs.clone()].partition_point(|&m| (m as usize) < prev);
        let own = (from..outs.end)
            .take_while(|&i| g.other[i] as usize == prev)
            .map(conn)
            .find(|&c| c != a);
        if let Some(c) = own {
            return Some((a, c));
        }
        // Another member of the class with a parallel connection: walk both sorted lists.
        let (mut i, mut o) = (ins.start, outs.start);
        while i < ins.end && o < outs.end {
            let (x, y) = (g.other[i], g.other[o]);
            if x < y {
                i += 1;
            } else if y < x {
                o += 1;
            } else {
                let (i_end, o_end) = (
                    (i..ins.end).find(|&k| g.other[k] != x).unwrap_or(ins.end),
                    (o..outs.end).find(|&k| g.other[k] != x).unwrap_or(outs.end),
                );
                for k in i..i_end {
                    if let Some(c) = (o..o_end).map(conn).find(|&c| c != conn(k)) {
                        return Some((conn(k), c));
                    }
                }
                (i, o) = (i_end, o_end);
            }
        }
        None
    }
}
