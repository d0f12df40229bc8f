//! What changed since Reset: the matrix cells that the reader's changes made reachable
//! (gained) or unreachable (lost), compared with the plan as the page gave it. The engine
//! compares the two analyses ([`diff::answered`]); this marks the cells for the app's matrix.

use crate::engine::{diff, Analysis};
use crate::ui::views::marks::{Mark, Marks};

/// The cells gained and lost in `now` against `base` (the page's plan's analysis).
pub fn marks(base: &Analysis, now: &Analysis) -> Marks {
    let (gained, lost) = diff::answered(base, now);
    let mut marks = Marks::default();
    for (pairs, mark) in [(gained, Mark::Gained), (lost, Mark::Lost)] {
        for pair in pairs {
            marks.cells.insert(pair, mark);
        }
    }
    marks
}

/// How many cells are marked `mark`.
pub fn count(marks: &Marks, mark: Mark) -> usize {
    marks.cells.values().filter(|m| **m == mark).count()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::engine::{analyze, read_plan};

    #[test]
    fn a_switched_off_flag_marks_the_pairs_it_cuts_and_the_page_plan_marks_none() {
        let plan = read_plan(include_str!("../../www/examples/users-to-azure.json")).unwrap();
        let base = analyze(&plan);
        assert!(marks(&base, &base).cells.is_empty());
        // The spoke stops using the hub's gateway: the remote users lose it, both ways.
        let mut changed = plan.clone();
        let i = changed
            .links
            .iter()
            .position(|l| l.use_remote_gateways == Some(true))
            .unwrap();
        changed.links[i].use_remote_gateways = Some(false);
        let now = analyze(&changed);
        let lost = marks(&base, &now);
        assert!(count(&lost, Mark::Lost) > 0);
        assert_eq!(count(&lost, Mark::Gained), 0);
        for ((from, to), _) in &lost.cells {
            assert!(base.pair(from, to).unwrap().reachable);
            assert!(!now.pair(from, to).unwrap().reachable);
        }
        // Back again: what was lost is gained.
        let back = marks(&now, &base);
        assert_eq!(count(&back, Mark::Gained), count(&lost, Mark::Lost));
        assert_eq!(count(&back, Mark::Lost), 0);
    }
}
