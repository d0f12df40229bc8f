//! The counts of `reachplan check --summary`, from the fast matrix instead of the full analysis:
//! endpoints, reachable pairs, findings by severity and intents held.
//!
//! Findings are those of [`analyze`](super::analyze), collected the same way; only the
//! Microsoft 365 path findings lose the path they quote (the matrix keeps no paths), which
//! changes no count. Intents about network reachability are read from the matrix; an intent
//! that names an `access` kind asks the access rules, fed with the reachable pairs they read.

use super::access;
use super::analysis::IntentResult;
use super::design;
use super::matrix::Matrix;
use super::model::{Access, Plan};
use super::prepared::Network;
use super::rules::{Finding, Severity};
use super::words::{counted, finding_counts};

/// What `check --summary` prints, and what decides its exit status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The answers.
    pub matrix: Matrix,
    /// Findings, sorted as in the analysis (errors first).
    pub findings: Vec<Finding>,
    /// The plan's intents, in plan order, with their verdicts.
    pub intents: Vec<IntentResult>,
}

impl Summary {
    /// How many findings have this severity. O(F).
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Whether every intent holds. O(I).
    pub fn intents_hold(&self) -> bool {
        self.intents.iter().all(|i| i.holds)
    }

    /// The summary line, worded as `report::summary` words it for a full analysis.
    pub fn text(&self) -> String {
        let n = self.matrix.endpoints.len();
        let held = self.intents.iter().filter(|i| i.holds).count();
        format!(
            "{}, {} of {} ordered pairs reachable; {}; intents: {held} of {} hold",
            counted(n, "endpoint"),
            self.matrix.count(),
            n * n.saturating_sub(1),
            finding_counts(
                self.count(Severity::Error),
                self.count(Severity::Warning),
                self.count(Severity::Info)
            ),
            self.intents.len()
        )
    }
}

/// The summary of a plan: the matrix, the findings and the intents' verdicts, without any
/// per-pair explanation. Complexity: that of [`reachability_in`](super::matrix::reachability_in) plus the findings (linear or
/// O(n log n) in the plan), plus, when an intent names an access kind, O(A N) for the A
/// Bastion, virtual-desktop and Application Gateway connections.
pub fn summarize(plan: &Plan) -> Summary {
    Network::new(plan).summary()
}

/// The summary, and when `with_access` the limited access the access rules grant to pairs
/// that are not reachable (by (from, to) endpoint indexes).
pub(crate) fn summary_of(network: &Network, with_access: bool) -> (Summary, access::Limited) {
    let (net, plan) = (&network.net, network.plan());
    let matrix = network.verdicts();
    let mut findings = net.findings.clone();
    findings.extend(access::m365_paths(net, &[]));
    findings.extend(design::findings(net));
    findings.sort_by(|x, y| {
        (x.severity, x.code, &x.nodes, &x.links, &x.message)
            .cmp(&(y.severity, y.code, &y.nodes, &y.links, &y.message))
    });
    findings.dedup();
    let grants = if with_access {
        access::access_kinds(net, &matrix)
    } else {
        access::Limited::default()
    };
    let intents: Vec<IntentResult> = plan
        .intents
        .iter()
        .map(|intent| {
            let same = intent.from == intent.to;
            let key = matrix.index(&intent.from).zip(matrix.index(&intent.to));
            let reachable = same || key.is_some_and(|(i, j)| matrix.reachable(i, j));
            let access = if same || reachable {
                Access::Network
            } else {
                key.and_then(|key| grants.get(&key))
                    .copied()
                    .unwrap_or(Access::None)
            };
            IntentResult::verdict(intent, reachable, access)
        })
        .collect();
    (
        Summary {
            matrix,
            findings,
            intents,
        },
        grants,
    )
}
