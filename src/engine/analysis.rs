//! The answer for a whole plan: every ordered pair of endpoints, findings, assumptions, intents.
//!
//! `analyze` is a pure function of the plan: no clock, no randomness, sorted output. A pair is
//! reachable when traffic goes (a trace from `from` to `to` that breaks no rule) and comes back
//! (the same from `to` to `from`); the internet is the exception, as replies from it follow the
//! connection that opened it.

use crate::engine::catalogue::Code;
use crate::engine::catalogue::Rule;
use std::collections::BTreeMap;

/// Endpoint pairs (lower node number first) whose address spaces overlap, with the message.
pub(crate) type Overlaps = BTreeMap<(usize, usize), String>;

use serde::Serialize;

use super::access;
use super::model::{Access, Expect, Intent, NodeKind, Plan, Survives};
pub use super::pair::Pair;
use super::prepared::Network;
use super::reach::{Blocks, Searcher, Trace, Way};
use super::rules::{Assumption, Finding, Severity};
use super::topology::Net;
use super::verdict::{self, Verdict, Ways};
use super::why::{not_connected, p2s_peer_of_peer};

/// An intent with its verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IntentResult {
    /// Source endpoint id.
    pub from: String,
    /// Destination endpoint id.
    pub to: String,
    /// What was expected.
    pub expect: Expect,
    /// The kind of access expected, when the intent names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access: Option<Access>,
    /// Whether it holds.
    pub holds: bool,
    /// The author's reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// The failures the answer must survive, when the intent asks for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub survives: Option<Survives>,
    /// The first failure (in the order of `reachplan resilience`'s domains) after which the
    /// answer no longer holds, when the intent must survive failures and does not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub broken_by: Option<BrokenBy>,
    /// The failures the intent survives only after a failover, with the interruption
    /// Microsoft documents, in the order of the failure domains (an intent that must survive
    /// failures, in plans whose failovers `resilience` judges).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub interruptions: Vec<Interruption>,
}

/// A failure an intent survives after a failover.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Interruption {
    /// The failure domain's id.
    pub id: String,
    /// The element in words.
    pub what: String,
    /// What takes over, in words.
    pub failover: &'static str,
    /// The interruption Microsoft documents.
    pub interruption: &'static str,
    /// The page that documents it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'static str>,
}

/// The failure that breaks an intent that must survive failures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BrokenBy {
    /// The failure domain's id (`vpn_gateway:hub`, `connection:3` …).
    pub id: String,
    /// The element in words.
    pub what: String,
}

impl IntentResult {
    /// The verdict on an intent, given whether its pair is reachable and the access it has.
    pub fn verdict(intent: &Intent, reachable: bool, access: Access) -> IntentResult {
        let holds = reachable == (intent.expect == Expect::Reachable)
            && intent.access.is_none_or(|want| want == access);
        IntentResult {
            from: intent.from.clone(),
            to: intent.to.clone(),
            expect: intent.expect,
            access: intent.access,
            holds,
            why: intent.why.clone(),
            survives: intent.survives,
            broken_by: None,
            interruptions: Vec::new(),
        }
    }
}

/// Everything the engine says about a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Analysis {
    /// The format version.
    pub reachplan: u32,
    /// Endpoint ids, sorted.
    pub endpoints: Vec<String>,
    /// Every ordered pair of distinct endpoints, sorted by `from` then `to`.
    pub pairs: Vec<Pair>,
    /// What is wrong or noteworthy in the plan, errors first.
    pub findings: Vec<Finding>,
    /// Defaults the answers rest on where the rule book is unsure.
    pub assumptions: Vec<Assumption>,
    /// The plan's intents, in plan order, with their verdicts.
    pub intents: Vec<IntentResult>,
}

impl Analysis {
    /// The answer for one pair, if both are endpoints.
    pub fn pair(&self, from: &str, to: &str) -> Option<&Pair> {
        let i = self
            .endpoints
            .binary_search_by(|e| e.as_str().cmp(from))
            .ok()?;
        let j = self
            .endpoints
            .binary_search_by(|e| e.as_str().cmp(to))
            .ok()?;
        if i == j {
            return None;
        }
        let n = self.endpoints.len();
        self.pairs.get(i * (n - 1) + if j > i { j - 1 } else { j })
    }

    /// Whether every intent holds.
    pub fn intents_hold(&self) -> bool {
        self.intents.iter().all(|i| i.holds)
    }

    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// Both traces of a pair, for the full story of `explain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// The pair's answer.
    pub pair: Pair,
    /// The way there.
    pub there: Option<Trace>,
    /// The way back.
    pub back: Option<Trace>,
}

/// Analyses a plan.
///
/// # Example
/// ```
/// use reachplan::engine::{analyze, read_plan};
/// let plan = read_plan(r#"{"reachplan": 1,
///   "nodes": [{"id": "a", "kind": "vnet", "address_space": ["10.1.0.0/16"]},
///             {"id": "b", "kind": "vnet", "address_space": ["10.2.0.0/16"]},
///             {"id": "c", "kind": "vnet", "address_space": ["10.3.0.0/16"]}],
///   "links": [{"kind": "peering", "from": "a", "to": "b"},
///             {"kind": "peering", "from": "b", "to": "c"}]}"#).unwrap();
/// let analysis = analyze(&plan);
/// assert!(analysis.pair("a", "b").unwrap().reachable);
/// let ac = analysis.pair("a", "c").unwrap();
/// assert!(!ac.reachable);
/// assert_eq!(ac.rule.map(|r| r.id()), Some("R1.1"));
/// ```
pub fn analyze(plan: &Plan) -> Analysis {
    Network::new(plan).analysis()
}

/// The full story of one pair: its answer and both traces. It costs the few traces the pair
/// needs, not the whole analysis (see [`focus`](super::focus)); `None` unless `from` and `to`
/// are two different endpoints of the plan.
pub fn explain(plan: &Plan, from: &str, to: &str) -> Option<Story> {
    Network::new(plan).story(from, to)
}

/// The access of a pair: `network` when reachable, otherwise the best limited access the
/// access rules grant it (R9.x), whose way replaces the pair's path unless traffic goes one way.
pub(crate) fn grant_access(pair: &mut Pair, grants: &BTreeMap<(String, String), access::Grant>) {
    if pair.reachable {
        pair.access = Some(Access::Network);
    } else if let Some(grant) = grants.get(&(pair.from.clone(), pair.to.clone())) {
        pair.access = Some(grant.access);
        pair.access_rule = grant.rule;
        pair.access_note = Some(grant.note.clone());
        if pair.rule == Some(Rule::R9_3) && grant.access == Access::Https {
            // The public endpoint already reaches what the VNet publishes; nothing gives it more.
            let closed = pair.reason.take().unwrap_or_default();
            pair.reason = Some(verdict::published_reason(&closed, &pair.to));
            pair.fix = None;
            pair.edit = None;
        }
        if !pair.one_way {
            pair.path = grant.path.clone();
            pair.via = grant.via.clone();
            pair.links.clear();
        }
    }
}

pub(crate) fn sorted_endpoints(net: &Net) -> Vec<usize> {
    let mut endpoints: Vec<usize> = (0..net.plan.nodes.len())
        .filter(|&n| net.node(n).kind.is_endpoint())
        .collect();
    super::order::sort_by(&mut endpoints, |&x, &y| net.id(x).cmp(net.id(y)));
    endpoints
}

fn path_of(net: &Net, source: usize, steps: &[(usize, usize)], pair: &mut Pair) {
    pair.path = vec![net.id(source).to_string()];
    pair.via.clear();
    pair.links.clear();
    for &(node, conn) in steps {
        pair.path.push(net.id(node).to_string());
        pair.via.push(net.conns[conn].kind.as_str().to_string());
        pair.links.push(net.conns[conn].link);
    }
}

/// The fate of a pair from its way there and its way back.
fn fate(
    net: &Net,
    overlaps: &Overlaps,
    there: Option<Way>,
    back: Option<Way>,
    a: usize,
    b: usize,
) -> Verdict {
    verdict::decide(Ways {
        from: net.node(a).kind,
        to: net.node(b).kind,
        there: there.is_some_and(|t| t.violations() == 0),
        back: back.is_some_and(|t| t.violations() == 0),
        overlap: overlaps.contains_key(&(a.min(b), a.max(b))),
    })
}

/// The assumptions a pair's answer rests on, as bits (see [`Searcher::assumptions`]): those of
/// the way it shows, or of the way whose rule it cites. O(1).
pub(crate) fn assumed(
    net: &Net,
    overlaps: &Overlaps,
    there: Option<Way>,
    back: Option<Way>,
    a: usize,
    b: usize,
) -> u32 {
    let fate = fate(net, overlaps, there, back, a, b);
    let ok = |w: Option<Way>| w.filter(|w| w.violations() == 0).map(|w| w.bits());
    let mut bits = 0;
    if let Some(t) = ok(there).filter(|_| fate != Verdict::Closed) {
        bits |= t | ok(back).unwrap_or(0);
    }
    match fate {
        Verdict::OneWay => {
            if let Some(r) = back.filter(|r| r.blocked()) {
                bits |= r.bits();
            }
        }
        Verdict::NoWay => match there.filter(|t| t.blocked()) {
            Some(t) => bits |= t.bits(),
            None => {
                if [net.node(a).kind, net.node(b).kind]
                    .iter()
                    .any(|k| matches!(k, NodeKind::Site | NodeKind::Users | NodeKind::Cloud))
                {
                    bits |= Searcher::NO_ON_PREM_TRANSIT;
                }
            }
        },
        _ => {}
    }
    bits
}

/// One pair's answer from its way there and its way back (the assumptions it rests on are
/// [`assumed`]); `memo` keeps the first blocks read, for the next pairs of the same trees.
pub(crate) fn judge(
    net: &Net,
    overlaps: &Overlaps,
    there: Option<Way>,
    back: Option<Way>,
    a: usize,
    b: usize,
    memo: &mut Blocks,
) -> Pair {
    let (ida, idb) = (net.id(a), net.id(b));
    let mut pair = Pair::unjudged(ida, idb);
    let ka = net.node(a).kind;
    let kb = net.node(b).kind;
    let overlap = overlaps.get(&(a.min(b), a.max(b)));
    let fate = fate(net, overlaps, there, back, a, b);
    if let Some(t) = there.filter(|t| t.violations() == 0 && fate != Verdict::Closed) {
        path_of(net, a, &t.steps(), &mut pair);
    }
    match fate {
        Verdict::Reachable => pair.reachable = true,
        Verdict::Closed => {
            pair.rule = Some(Rule::R9_3);
            pair.reason = Some(verdict::closed_reason(ka, ida, idb));
            pair.fix = (kb == NodeKind::Vnet && ka == NodeKind::Internet).then(|| {
                format!("Publish the application in {idb} through an Application Gateway (app_gateway link from {ida}).")
            });
        }
        Verdict::Overlap => {
            pair.rule = Some(Rule::R2_1);
            pair.reason = overlap.cloned();
            pair.fix = Some(format!(
                "Renumber {ida} or {idb} so that their addresses do not overlap."
            ));
        }
        Verdict::OneWay => {
            pair.one_way = true;
            match back.and_then(|r| r.first_block()) {
                Some(block) => {
                    pair.rule = Some(block.rule);
                    pair.reason = Some(format!(
                        "Traffic from {ida} reaches {idb}, but there is no way back: {}",
                        block.reason
                    ));
                    pair.fix = block.fix;
                    pair.edit = block.edit;
                }
                None => {
                    pair.reason = Some(format!(
                        "Traffic from {ida} reaches {idb}, but {idb} has no route back to {ida}."
                    ));
                }
            }
        }
        Verdict::NoWay => match there.and_then(|t| t.first_block_in(memo).map(|b| (t, b))) {
            Some((t, block)) => {
                let more = t.violations().saturating_sub(1);
                pair.rule = Some(block.rule);
                pair.reason = Some(if more > 0 {
                    format!(
                        "{} (The nearest path breaks {more} more rule{} after this one.)",
                        block.reason,
                        if more == 1 { "" } else { "s" }
                    )
                } else {
                    block.reason
                });
                pair.fix = block.fix;
                pair.edit = block.edit;
                let users_vnet = matches!(
                    (ka, kb),
                    (NodeKind::Users, NodeKind::Vnet) | (NodeKind::Vnet, NodeKind::Users)
                );
                if block.code == Code::PeeringNotTransitive && users_vnet {
                    p2s_peer_of_peer(net, a, b, &t.steps(), &mut pair);
                }
            }
            None => not_connected(net, a, b, &mut pair),
        },
    }
    pair
}

/// Findings in their order (errors first), each once.
pub(crate) fn sort_findings(findings: &mut Vec<Finding>) {
    super::order::sort_by(findings, |x, y| {
        (x.severity, x.code, &x.nodes, &x.links, &x.message)
            .cmp(&(y.severity, y.code, &y.nodes, &y.links, &y.message))
    });
    findings.dedup();
}
