//! Dead ends and state-class plans: which members of a group forward nothing further (kept as
//! a mask of endpoints), and, per state class, the union of those masks over the groups it may
//! leave by, with the groups whose live members a search still walks.

use super::*;

impl Search<'_> {
    /// Whether the state reached over `c` at `m` (from `node`, with no ingress) may leave `m`
    /// at all.
    fn live(&mut self, node: usize, c: usize, m: usize) -> bool {
        if self.net.conns[c].kind == ConnKind::Mesh {
            return true;
        }
        let s = self.state_id(c, m, None);
        let class = self.class_of(s, m, None);
        let (first, last) = (
            self.g.node_start[m] as usize,
            self.g.node_start[m + 1] as usize,
        );
        (first..last).any(|group| {
            self.allowed(class, m, c, node, None, group, false)
                || self.allowed(class, m, c, node, None, group, true)
        })
    }

    /// Splits group `group` of `node` into dead ends and live members, once.
    pub(super) fn split(&mut self, node: usize, group: usize) {
        if self.splits[group].is_some() {
            return;
        }
        let (lo, hi) = (
            self.g.start[group] as usize,
            self.g.start[group + 1] as usize,
        );
        let mut dead: Mask = Vec::new();
        let mut live = Vec::new();
        for i in lo..hi {
            let (c, m) = (self.g.conn[i] as usize, self.g.other[i] as usize);
            let p = self.pos[m];
            if p == NONE || self.live(node, c, m) {
                live.push(i as u32);
                continue;
            }
            let (w, bit) = (p / 64, 1u64 << (p % 64));
            match dead.iter_mut().find(|(x, _)| *x == w) {
                Some((_, bits)) => *bits |= bit,
                None => dead.push((w, bit)),
            }
        }
        dead.sort_unstable();
        self.splits[group] = Some(Split { dead, live });
    }

    /// Decides every group for state class `class` (a state at `node` arrived over `a` from
    /// `prev`), once.
    pub(super) fn plan(
        &mut self,
        class: u32,
        node: usize,
        a: usize,
        prev: usize,
        ingress: Option<Ingress>,
    ) {
        if self.plans[class as usize].is_some() {
            return;
        }
        let (first, last) = (
            self.g.node_start[node] as usize,
            self.g.node_start[node + 1] as usize,
        );
        let mut groups = Vec::new();
        let mut scratch = std::mem::take(&mut self.scratch);
        let mut touched: Vec<u32> = Vec::new();
        for group in first..last {
            let other = self.allowed(class, node, a, prev, ingress, group, false);
            let same = self.allowed(class, node, a, prev, ingress, group, true);
            if !other && !same {
                continue;
            }
            self.split(node, group);
            if other {
                if let Some(split) = &self.splits[group] {
                    for &(w, bits) in &split.dead {
                        if scratch[w as usize] == 0 {
                            touched.push(w);
                        }
                        scratch[w as usize] |= bits;
                    }
                }
            }
            let flags = (u8::from(other) * ALLOW_OTHER) | (u8::from(same) * ALLOW_SAME);
            groups.push((group as u32, flags));
        }
        touched.sort_unstable();
        let mask = touched
            .iter()
            .map(|&w| (w, std::mem::take(&mut scratch[w as usize])))
            .collect();
        self.scratch = scratch;
        self.plans[class as usize] = Some(Plan { mask, groups });
    }
}
