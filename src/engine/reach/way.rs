//! A target's best path read back from a search tree: its rule, assumptions, steps and the
//! whole trace, each asked of `transit` again only for the hops read.

use super::super::quick::QuickMap;
use super::super::rules::Block;
use super::super::transit::{self, Decision};
use super::tree::{Entry, Searcher, Tree, NONE};
use super::{Hop, Trace};

impl<'n> Searcher<'n> {
    /// The way to target `t` of a tree, if there is a path at all.
    pub(crate) fn way<'a>(&'a self, tree: &'a Tree, t: usize) -> Option<Way<'a, 'n>> {
        let end = *tree.best.get(t)?;
        (end != NONE).then_some(Way {
            searcher: self,
            tree,
            end,
        })
    }

    /// The hop into entry `x` of a tree, with its blocks and assumptions, as the search
    /// decided it (asked of `transit::hop` again).
    fn hop(&self, tree: &Tree, x: u32) -> Option<Hop> {
        let entry = tree.entries[x as usize];
        let parent = *tree.entries.get(entry.parent as usize)?;
        let (Some(c), _) = self.decode(entry.state) else {
            return None;
        };
        let (arrived, ingress) = self.decode(parent.state);
        let conn = &self.net.conns[c];
        let mut blocks = Vec::new();
        let mut assumptions = Vec::new();
        if let Some(block) = &conn.refused {
            blocks.push(block.clone());
        }
        match transit::hop(self.net, parent.node as usize, arrived, ingress, c) {
            Decision::Never => {}
            Decision::Allow(a) => assumptions.extend(a),
            Decision::Deny(block) => {
                assumptions.extend(block.assumption);
                blocks.push(block);
            }
        }
        assumptions.extend(conn.assumption);
        Some(Hop {
            node: entry.node as usize,
            conn: c,
            link: conn.link,
            via: conn.kind.as_str(),
            blocks,
            assumptions,
        })
    }
}

/// The best path from a tree's source to one target, read back on demand.
#[derive(Clone, Copy)]
pub(crate) struct Way<'a, 'n> {
    searcher: &'a Searcher<'n>,
    tree: &'a Tree,
    end: u32,
}

impl Way<'_, '_> {
    fn entry(&self) -> &Entry {
        &self.tree.entries[self.end as usize]
    }

    /// Rules broken along the path (0: the target is reached one way).
    pub(crate) fn violations(&self) -> u32 {
        self.entry().cost.0
    }

    /// How many hops the path has. O(1).
    pub(crate) fn hops(&self) -> u32 {
        self.entry().cost.2
    }

    /// Whether some hop breaks a rule. O(1).
    pub(crate) fn blocked(&self) -> bool {
        self.entry().first != NONE
    }

    /// The assumptions of the path, as bits (see [`Searcher::assumptions`]). O(1).
    pub(crate) fn bits(&self) -> u32 {
        self.entry().bits
    }

    /// The first rule the path breaks. O(1) plus one `transit::hop`.
    pub(crate) fn first_block(&self) -> Option<Block> {
        let first = self.entry().first;
        if first == NONE {
            return None;
        }
        self.searcher
            .hop(self.tree, first)?
            .blocks
            .into_iter()
            .next()
    }

    /// [`Way::first_block`], remembered in `memo` for the next way whose path breaks at the
    /// same hop of the same tree (the pairs of a row mostly share a few), so that the rule is
    /// asked and its sentences written once per hop instead of once per pair.
    pub(crate) fn first_block_in(&self, memo: &mut Blocks) -> Option<Block> {
        let first = self.entry().first;
        if first == NONE {
            return None;
        }
        let key = (std::ptr::from_ref(self.tree) as usize, first);
        if let Some(block) = memo.0.get(&key) {
            return block.clone();
        }
        let block = self.first_block();
        memo.0.insert(key, block.clone());
        block
    }

    /// The hops as (node reached, connection taken), from the source. O(hops).
    pub(crate) fn steps(&self) -> Vec<(usize, usize)> {
        let mut steps = Vec::new();
        let mut at = self.end;
        while at != NONE {
            let entry = &self.tree.entries[at as usize];
            if let (Some(c), _) = self.searcher.decode(entry.state) {
                steps.push((entry.node as usize, c));
            }
            at = entry.parent;
        }
        steps.reverse();
        steps
    }

    /// The whole trace, every hop with its blocks and assumptions. O(hops) `transit::hop`.
    pub(crate) fn trace(&self) -> Trace {
        let mut hops = Vec::new();
        let mut at = self.end;
        while at != NONE {
            let entry = &self.tree.entries[at as usize];
            hops.extend(self.searcher.hop(self.tree, at));
            at = entry.parent;
        }
        hops.reverse();
        Trace {
            violations: self.violations(),
            hops,
        }
    }
}

/// The first blocks read so far, by tree (its address, valid while the trees are: keep a memo
/// no longer than the trees it was filled from) and entry; see [`Way::first_block_in`].
#[derive(Default)]
pub(crate) struct Blocks(QuickMap<(usize, u32), Option<Block>>);
