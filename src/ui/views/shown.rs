//! What the screen shows for a view: the plan the matrix, the explanation and the capacity
//! answer for (the failed plan while a failure is shown), and what the diagram and the matrix
//! mark. The diagram always draws the plan itself, so that a failed or removed element stays
//! where the user knows it, marked.

use std::collections::BTreeMap;
use std::rc::Rc;

use super::marks::{Ghost, GhostLink, Mark, Marks};
use super::{Baseline, View};
use crate::engine::diff::{diff, Diff};
use crate::engine::matrix::Matrix;
use crate::engine::model::Link;
use crate::engine::resilience::{domains, Domain};
use crate::engine::Plan;
use crate::ui::layout;
use crate::ui::network::Prepared;
use crate::ui::path::Highlight;

/// What a view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    /// The plan the answers are about.
    pub plan: Rc<Plan>,
    /// Its prepared network.
    pub network: Prepared,
    /// What the diagram and the matrix mark.
    pub marks: Rc<Marks>,
    /// The failure shown, when one is.
    pub failure: Option<Domain>,
    /// The comparison shown, when one is.
    pub diff: Option<Rc<Diff>>,
    /// For each link of `plan`, its index in the plan itself (a failure removes links).
    links: Option<Rc<Vec<usize>>>,
}

impl Shown {
    /// The plan as it is, nothing marked.
    pub fn plain(plan: Rc<Plan>, network: Prepared) -> Shown {
        Shown {
            plan,
            network,
            marks: Rc::default(),
            failure: None,
            diff: None,
            links: None,
        }
    }

    /// How many cells the view marks lost.
    pub fn lost(&self) -> usize {
        self.marks
            .cells
            .values()
            .filter(|m| **m == Mark::Lost)
            .count()
    }

    /// A highlight computed on the shown plan, with its links numbered as in the plan itself
    /// (what the diagram draws).
    pub fn on_diagram(&self, highlight: Option<Rc<Highlight>>) -> Option<Rc<Highlight>> {
        let (Some(h), Some(map)) = (&highlight, &self.links) else {
            return highlight;
        };
        let mut h = (**h).clone();
        for s in h.segments.iter_mut() {
            s.link = s.link.and_then(|i| map.get(i).copied());
        }
        Some(Rc::new(h))
    }
}

/// What the screen shows of `plan` in `view`.
pub fn shown(plan: &Rc<Plan>, network: &Prepared, view: &View) -> Shown {
    match view {
        View::Plan => Shown::plain(plan.clone(), network.clone()),
        View::Failed(id) => match domains(plan).into_iter().find(|d| &d.id == id) {
            Some(domain) => failed(plan, network, domain),
            None => Shown::plain(plan.clone(), network.clone()),
        },
        View::Compare(baseline) => compared(plan, network, baseline),
    }
}

fn failed(plan: &Rc<Plan>, network: &Prepared, domain: Domain) -> Shown {
    let after = Rc::new(domain.failed(plan));
    let after_network = Prepared::of(&after);
    let mut marks = Marks::default();
    let gone = |l: &Link| domain.nodes.contains(&l.from) || domain.nodes.contains(&l.to);
    let mut kept = Vec::new();
    for (i, l) in plan.links.iter().enumerate() {
        if domain.links.contains(&i) || (domain.removes_nodes() && gone(l)) {
            marks.links.insert(i, Mark::Failed);
        } else {
            kept.push(i);
        }
    }
    if domain.links.is_empty() {
        // A gateway or firewall fails with its node drawn as failed; a circuit, a hub or a
        // region with every node of it.
        for id in &domain.nodes {
            marks.nodes.insert(id.clone(), Mark::Failed);
        }
    }
    cells(&network.verdicts(), &after_network.verdicts(), &mut marks);
    Shown {
        plan: after,
        network: after_network,
        marks: Rc::new(marks),
        failure: Some(domain),
        diff: None,
        links: Some(Rc::new(kept)),
    }
}

/// Marks the cells of endpoints of both matrices that `after` gains or loses.
fn cells(before: &Matrix, after: &Matrix, marks: &mut Marks) {
    let at: Vec<Option<usize>> = before.endpoints.iter().map(|e| after.index(e)).collect();
    for (i, fi) in at.iter().enumerate() {
        let Some(fi) = *fi else { continue };
        for (j, fj) in at.iter().enumerate() {
            let Some(fj) = *fj else { continue };
            if i == j {
                continue;
            }
            let mark = match (before.reachable(i, j), after.reachable(fi, fj)) {
                (true, false) => Mark::Lost,
                (false, true) => Mark::Gained,
                _ => continue,
            };
            let key = (before.endpoints[i].clone(), before.endpoints[j].clone());
            marks.cells.insert(key, mark);
        }
    }
}

fn compared(plan: &Rc<Plan>, network: &Prepared, baseline: &Baseline) -> Shown {
    let before = Prepared::of(&baseline.plan);
    let d = diff(&before, network);
    let mut marks = Marks::default();
    let cut =
        d.pairs_gained_count > d.pairs_gained.len() || d.pairs_lost_count > d.pairs_lost.len();
    if cut {
        // The diff lists the first pairs only: every cell from the two matrices.
        cells(&before.verdicts(), &network.verdicts(), &mut marks);
    }
    for p in d.pairs_gained.iter().filter(|_| !cut) {
        marks
            .cells
            .insert((p.from.clone(), p.to.clone()), Mark::Gained);
    }
    for p in d.pairs_lost.iter().filter(|_| !cut) {
        marks
            .cells
            .insert((p.from.clone(), p.to.clone()), Mark::Lost);
    }
    elements(&baseline.plan, plan, &mut marks);
    Shown {
        plan: plan.clone(),
        network: network.clone(),
        marks: Rc::new(marks),
        failure: None,
        diff: Some(Rc::new(d)),
        links: None,
    }
}

/// Marks the nodes and links added, removed or changed between `before` and `after`. Nodes are
/// matched by id (a move on the diagram is no change); links by kind and ends, in order.
pub fn elements(before: &Plan, after: &Plan, marks: &mut Marks) {
    let placed = |n: &crate::engine::model::Node| {
        let mut n = n.clone();
        n.position = None;
        n
    };
    for n in &after.nodes {
        match before.node(&n.id) {
            None => {
                marks.nodes.insert(n.id.clone(), Mark::Added);
            }
            Some(old) if placed(old) != placed(n) => {
                marks.nodes.insert(n.id.clone(), Mark::Changed);
            }
            Some(_) => {}
        }
    }
    let positions = layout::positions(before);
    for (n, at) in before.nodes.iter().zip(positions) {
        if after.node(&n.id).is_none() {
            marks.ghosts.push(Ghost {
                id: n.id.clone(),
                label: n.label().to_string(),
                at,
            });
        }
    }
    let key = |l: &Link| (l.kind, l.from.clone(), l.to.clone());
    let mut old: BTreeMap<_, Vec<&Link>> = BTreeMap::new();
    for l in &before.links {
        old.entry(key(l)).or_default().push(l);
    }
    for (i, l) in after.links.iter().enumerate() {
        match old
            .get_mut(&key(l))
            .and_then(|v| (!v.is_empty()).then(|| v.remove(0)))
        {
            None => {
                marks.links.insert(i, Mark::Added);
            }
            Some(was) if was != l => {
                marks.links.insert(i, Mark::Changed);
            }
            Some(_) => {}
        }
    }
    for l in old.into_values().flatten() {
        marks.ghost_links.push(GhostLink {
            kind: l.kind,
            from: l.from.clone(),
            to: l.to.clone(),
        });
    }
}
