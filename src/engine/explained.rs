//! Every pair explained from one ranked search per endpoint, pair by pair on demand.
//!
//! [`Explained`] runs the search of [`reach`](super::reach) once per endpoint and keeps its tree
//! of predecessors (compact: a few words per state met). A pair's answer is then judged when
//! asked ([`verdict`](super::verdict) decides it, as for every question): its path is a walk
//! back through the tree, its rule is asked again of `transit` for that one hop. What the whole
//! answer needs besides the pairs (the assumptions any pair rests on, the pairs the access rules
//! and the Microsoft 365 finding read, the intents) costs O(1) per pair or a few pairs, so
//! [`Explained::stream`] writes `check --json` pair by pair, holding one pair at a time, and
//! [`Explained::analysis`] collects the same pairs into an [`Analysis`].
//!
//! Memory: the trees (O(S) words per endpoint, S the states its search met) and the decisions
//! shared between searches; never the N² pairs unless collected.

use std::collections::{BTreeMap, BTreeSet};

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::access::{self, Grant};
use super::analysis::{assumed, grant_access, judge, sort_findings, sorted_endpoints};
use super::analysis::{Analysis, IntentResult};
use super::design;
use super::model::{Access, LinkKind, NodeKind};
use super::pair::Pair;
use super::prepared::Network;
use super::reach::{Blocks, Searcher, Tree, Way};
use super::rules::{Assumption, AssumptionId, Finding};

/// Every pair of a network, explained on demand.
pub struct Explained<'n> {
    network: &'n Network,
    searcher: Searcher<'n>,
    /// Endpoint nodes, sorted by id.
    endpoints: Vec<usize>,
    /// Endpoint number of each node (`None`: not an endpoint).
    position: Vec<Option<usize>>,
    /// The search tree of each endpoint.
    trees: Vec<Tree>,
    grants: BTreeMap<(String, String), Grant>,
}

impl<'n> Explained<'n> {
    /// Searches from every endpoint of a prepared network. O(N S log S) for N endpoints.
    pub fn new(network: &'n Network) -> Explained<'n> {
        // Without a limit the searches are never refused (and an empty tree answers nothing).
        Self::within(network, usize::MAX).unwrap_or_else(|_| Self::build(network, Vec::new()))
    }

    /// [`Explained::new`], unless the search trees would take more than `max_bytes`: then the
    /// searches stop there, and the error is the bytes all of them would take (estimated from
    /// those done).
    pub fn within(network: &'n Network, max_bytes: usize) -> Result<Explained<'n>, usize> {
        let net = &network.net;
        let endpoints = sorted_endpoints(net);
        let mut searcher = Searcher::new(net, &endpoints);
        let mut trees = Vec::with_capacity(endpoints.len());
        let mut held = 0usize;
        for &s in &endpoints {
            let tree = searcher.search(s);
            held = held.saturating_add(tree.bytes());
            trees.push(tree);
            // The decisions kept are shared by every search: counted once, as they stand.
            if held.saturating_add(searcher.bytes()) > max_bytes {
                let all = held / trees.len() * endpoints.len();
                return Err(all.saturating_add(searcher.bytes()));
            }
        }
        let mut explained = Self::build(network, trees);
        explained.searcher = searcher;
        let read = explained.read_by_access();
        explained.grants = access::grants(net, &read);
        Ok(explained)
    }

    fn build(network: &'n Network, trees: Vec<Tree>) -> Explained<'n> {
        let net = &network.net;
        let endpoints = sorted_endpoints(net);
        let mut position = vec![None; net.adj.len()];
        for (i, &e) in endpoints.iter().enumerate() {
            position[e] = Some(i);
        }
        let searcher = Searcher::new(net, &[]);
        Explained {
            network,
            searcher,
            endpoints,
            position,
            trees,
            grants: BTreeMap::new(),
        }
    }

    fn way(&self, i: usize, j: usize) -> Option<Way<'_, 'n>> {
        self.searcher.way(self.trees.get(i)?, j)
    }

    /// About how many bytes [`Explained::analysis`] would hold: every pair, and the path of
    /// each pair with a way there, on top of the search trees and the decisions the searches
    /// kept (held while the pairs are judged). O(N²).
    pub fn collected_bytes(&self) -> usize {
        /// A pair's record with its sentences, and one hop of a path (id, kind, link).
        const PAIR_BYTES: usize = 700;
        const HOP_BYTES: usize = 120;
        let n = self.endpoints.len();
        let trees: usize = self.trees.iter().map(Tree::bytes).sum();
        let mut bytes = trees.saturating_add(self.searcher.bytes());
        for i in 0..n {
            for j in (0..n).filter(|&j| j != i) {
                let hops = self
                    .way(i, j)
                    .filter(|w| w.violations() == 0)
                    .map_or(0, |w| w.hops() as usize);
                bytes = bytes.saturating_add(PAIR_BYTES + hops * HOP_BYTES);
            }
        }
        bytes
    }

    /// The pair (endpoint `i`, endpoint `j`) judged, before limited access; `memo` keeps the
    /// first blocks read (see [`Blocks`]).
    fn judged(&self, i: usize, j: usize, memo: &mut Blocks) -> Pair {
        let (a, b) = (self.endpoints[i], self.endpoints[j]);
        let (net, overlaps) = (&self.network.net, &self.network.overlaps);
        judge(net, overlaps, self.way(i, j), self.way(j, i), a, b, memo)
    }

    /// The answer of the pair (endpoint `i`, endpoint `j`), as `check --json` prints it.
    fn pair(&self, i: usize, j: usize, memo: &mut Blocks) -> Pair {
        let mut pair = self.judged(i, j, memo);
        grant_access(&mut pair, &self.grants);
        pair
    }

    /// The endpoints' ids, sorted.
    pub fn endpoint_ids(&self) -> Vec<&str> {
        let net = &self.network.net;
        self.endpoints.iter().map(|&e| net.id(e)).collect()
    }

    /// The answer of the pair `from` → `to` (two different endpoints), as `check --json`
    /// prints it.
    pub fn pair_of(&self, from: &str, to: &str) -> Option<Pair> {
        let net = &self.network.net;
        let at = |id: &str| net.index.get(id).and_then(|&n| self.position[n]);
        let (i, j) = (at(from)?, at(to)?);
        (i != j).then(|| self.pair(i, j, &mut Blocks::default()))
    }

    /// Every ordered pair of distinct endpoints, sorted by `from` then `to`, one at a time.
    pub fn pairs(&self) -> impl Iterator<Item = Pair> + '_ {
        (0..self.endpoints.len()).flat_map(move |i| self.row(i))
    }

    /// The pairs from endpoint number `i` (in the sorted order of the endpoints), one at a
    /// time: a row of [`Explained::pairs`]. The row's pairs share the first blocks they read
    /// (most break at one of a few hops of the row's tree).
    pub fn row(&self, i: usize) -> impl Iterator<Item = Pair> + '_ {
        let mut memo = Blocks::default();
        (0..self.endpoints.len())
            .filter(move |&j| j != i)
            .map(move |j| self.pair(i, j, &mut memo))
    }

    /// The pairs `access::grants` reads: from the VNet behind a Bastion or virtual desktop to
    /// every endpoint, and from every endpoint to the internet node an Application Gateway
    /// publishes to. O(A N) pairs for A such connections.
    fn read_by_access(&self) -> Vec<Pair> {
        let net = &self.network.net;
        let n = self.endpoints.len();
        let mut wanted = BTreeSet::new();
        for conn in net.conns.iter().filter(|c| c.refused.is_none()) {
            if conn.is(LinkKind::Bastion) || conn.is(LinkKind::VirtualDesktop) {
                if let Some(i) = self.position[conn.b] {
                    wanted.extend((0..n).map(|j| (i, j)));
                }
            }
            if conn.is(LinkKind::AppGateway) {
                if let Some(j) = self.position[conn.a] {
                    wanted.extend((0..n).map(|i| (i, j)));
                }
            }
        }
        let mut memo = Blocks::default();
        wanted
            .into_iter()
            .filter(|(i, j)| i != j)
            .map(|(i, j)| self.judged(i, j, &mut memo))
            .collect()
    }

    /// The assumptions any pair rests on. O(N²), no sentence written.
    fn assumptions(&self) -> Vec<Assumption> {
        let (net, overlaps) = (&self.network.net, &self.network.overlaps);
        let n = self.endpoints.len();
        let mut bits = 0;
        for i in 0..n {
            for j in (0..n).filter(|&j| j != i) {
                let (a, b) = (self.endpoints[i], self.endpoints[j]);
                bits |= assumed(net, overlaps, self.way(i, j), self.way(j, i), a, b);
            }
        }
        let used: BTreeSet<AssumptionId> = super::order::set(self.searcher.assumptions(bits));
        used.into_iter().map(AssumptionId::describe).collect()
    }

    /// The plan's findings with those the answers give (Microsoft 365 paths, design).
    fn findings(&self) -> Vec<Finding> {
        let net = &self.network.net;
        let kind = |i: usize| net.node(self.endpoints[i]).kind;
        let n = self.endpoints.len();
        let mut memo = Blocks::default();
        // What `access::m365_paths` reads: users to Microsoft's services, in pair order.
        let m365: Vec<Pair> = (0..n)
            .filter(|&i| kind(i) == NodeKind::Users)
            .flat_map(|i| {
                (0..n)
                    .filter(move |&j| j != i && kind(j) == NodeKind::Microsoft)
                    .map(move |j| (i, j))
            })
            .map(|(i, j)| self.pair(i, j, &mut memo))
            .collect();
        let mut findings = net.findings.clone();
        findings.extend(access::m365_paths(net, &m365));
        findings.extend(design::findings(net));
        sort_findings(&mut findings);
        findings
    }

    /// The plan's intents, in plan order, with their verdicts (whether they survive failures
    /// is the caller's to judge, as for `Network::analysis`).
    fn intents(&self) -> Vec<IntentResult> {
        let net = &self.network.net;
        let endpoint = |id: &str| net.index.get(id).and_then(|&n| self.position[n]);
        let mut memo = Blocks::default();
        net.plan
            .intents
            .iter()
            .map(|intent| {
                if intent.from == intent.to {
                    return IntentResult::verdict(intent, true, Access::Network);
                }
                let pair = endpoint(&intent.from)
                    .zip(endpoint(&intent.to))
                    .map(|(i, j)| self.pair(i, j, &mut memo));
                let reachable = pair.as_ref().is_some_and(|p| p.reachable);
                let access = pair.and_then(|p| p.access).unwrap_or(Access::None);
                IntentResult::verdict(intent, reachable, access)
            })
            .collect()
    }

    /// The whole answer, every pair held in memory.
    pub fn analysis(&self) -> Analysis {
        let net = &self.network.net;
        Analysis {
            reachplan: 1,
            endpoints: self
                .endpoints
                .iter()
                .map(|&e| net.id(e).to_string())
                .collect(),
            pairs: self.pairs().collect(),
            findings: self.findings(),
            assumptions: self.assumptions(),
            intents: self.intents(),
        }
    }

    /// The whole answer as it serialises, field for field the same as [`Explained::analysis`],
    /// with the pairs judged one at a time while they are written.
    pub fn stream(&self) -> Streamed<'_, 'n> {
        Streamed {
            explained: self,
            findings: self.findings(),
            assumptions: self.assumptions(),
            intents: self.intents(),
        }
    }
}

/// [`Explained::stream`]: everything but the pairs computed, the pairs judged while written.
pub struct Streamed<'e, 'n> {
    explained: &'e Explained<'n>,
    /// What is wrong or noteworthy in the plan, errors first.
    pub findings: Vec<Finding>,
    /// Defaults the answers rest on where the rule book is unsure.
    pub assumptions: Vec<Assumption>,
    /// The plan's intents, in plan order, with their verdicts.
    pub intents: Vec<IntentResult>,
}

impl Streamed<'_, '_> {
    /// Whether every intent holds.
    pub fn intents_hold(&self) -> bool {
        self.intents.iter().all(|i| i.holds)
    }
}

struct Pairs<'s, 'n>(&'s Explained<'n>);

impl Serialize for Pairs<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.pairs())
    }
}

impl Serialize for Streamed<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let e = self.explained;
        let net = &e.network.net;
        let endpoints: Vec<&str> = e.endpoints.iter().map(|&n| net.id(n)).collect();
        let mut s = serializer.serialize_struct("Analysis", 6)?;
        s.serialize_field("reachplan", &1u32)?;
        s.serialize_field("endpoints", &endpoints)?;
        s.serialize_field("pairs", &Pairs(e))?;
        s.serialize_field("findings", &self.findings)?;
        s.serialize_field("assumptions", &self.assumptions)?;
        s.serialize_field("intents", &self.intents)?;
        s.end()
    }
}
