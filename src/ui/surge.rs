//! The capacity panel's arithmetic: the surge's range, and each utilisation row at a surge.
//!
//! The engine's [`capacity`](crate::engine::capacity::capacity) gives every row the part of its
//! demand that grows with the surge (`per_surge`) and the part that does not (`base`), so the
//! bars follow the slider without analysing the plan again: the engine's
//! [`Row::at`](crate::engine::capacity::Row::at) gives the row at another surge. Findings (whose sentences name the surge) are
//! recomputed only when the slider is let go.

use crate::engine::capacity::{Break, Capacity, Row};
use crate::engine::Severity;

/// The smallest surge the slider offers.
pub const MIN: f64 = 1.0;
/// The largest surge the slider offers.
pub const MAX: f64 = 10.0;
/// The slider's step.
pub const STEP: f64 = 0.5;

/// A surge within the panel's range, to two decimals (1 when the value is not a number).
pub fn clamp(value: f64) -> f64 {
    if !value.is_finite() {
        return MIN;
    }
    (value.clamp(MIN, MAX) * 100.0).round() / 100.0
}

/// How full an element is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// At least 30 % headroom.
    Fine,
    /// Within the limit, with less than 30 % headroom.
    Tight,
    /// Over the limit.
    Over,
}

impl Level {
    /// The CSS class.
    pub fn class(self) -> &'static str {
        match self {
            Level::Fine => "fine",
            Level::Tight => "tight",
            Level::Over => "over",
        }
    }

    /// The symbol shown beside the words (so that colour is never the only sign).
    pub fn mark(self) -> &'static str {
        match self {
            Level::Fine => "✓",
            Level::Tight => "!",
            Level::Over => "✗",
        }
    }

    /// In words.
    pub fn words(self) -> &'static str {
        match self {
            Level::Fine => "within the limit",
            Level::Tight => "less than 30 % headroom",
            Level::Over => "over the limit",
        }
    }
}

/// One row at a surge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    /// Demand at the surge.
    pub demand: f64,
    /// Demand over capacity, in percent (one decimal).
    pub percent: f64,
    /// How full.
    pub level: Level,
}

impl Level {
    /// How full a row is, from the engine's own severity of it.
    fn of(row: &Row) -> Level {
        match row.severity() {
            Some(Severity::Error) => Level::Over,
            Some(Severity::Warning) => Level::Tight,
            _ => Level::Fine,
        }
    }
}

/// The row at a surge, from its base and per-surge parts ([`Row::at`]).
pub fn bar(row: &Row, surge: f64) -> Bar {
    let at = row.at(surge);
    Bar {
        demand: at.demand,
        percent: at.percent,
        level: Level::of(&at),
    }
}

/// Every row of a capacity answer at a surge: the engine's own numbers when the answer was
/// computed for that surge, otherwise from the rows' base and per-surge parts.
pub fn bars(cap: &Capacity, surge: f64) -> Vec<Bar> {
    cap.rows
        .iter()
        .map(|row| {
            if cap.surge == surge {
                Bar {
                    demand: row.demand,
                    percent: row.percent,
                    level: Level::of(row),
                }
            } else {
                bar(row, surge)
            }
        })
        .collect()
}

/// A number as the panel prints it: whole numbers without decimals, others with one.
pub use crate::engine::capacity::num;
/// A surge multiple as the panel prints it: up to two decimals.
pub use crate::engine::capacity::times;

/// The row that breaks first, if any.
pub fn breaking_row(cap: &Capacity, b: &Break) -> Option<usize> {
    cap.rows
        .iter()
        .position(|r| r.element == b.element && r.kind == b.kind && r.measure == b.measure)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::engine::capacity::capacity;
    use crate::ui::templates::TEMPLATES;

    #[test]
    fn the_slider_range_is_kept() {
        assert_eq!(clamp(0.2), MIN);
        assert_eq!(clamp(12.0), MAX);
        assert_eq!(clamp(f64::NAN), MIN);
        assert_eq!(clamp(2.345), 2.35);
    }

    #[test]
    fn bars_from_base_and_per_surge_equal_the_engine_at_every_step() {
        for t in TEMPLATES {
            let plan = t.plan().unwrap();
            let base = capacity(&plan, 1.0);
            let mut s = MIN;
            while s <= MAX {
                let exact = capacity(&plan, s);
                assert_eq!(exact.rows.len(), base.rows.len(), "{}", t.id);
                for (row, live) in exact.rows.iter().zip(bars(&base, s)) {
                    assert!(
                        (row.demand - live.demand).abs() <= 0.05 * s.max(1.0)
                            && (row.percent - live.percent).abs() <= 0.2,
                        "{} at ×{s}: {} {:?} is {} ({} %), live {} ({} %)",
                        t.id,
                        row.element,
                        row.measure,
                        row.demand,
                        row.percent,
                        live.demand,
                        live.percent
                    );
                }
                s += STEP;
            }
        }
    }

    #[test]
    fn levels_say_over_and_tight_in_words() {
        let plan = crate::ui::templates::find("users-to-azure")
            .unwrap()
            .plan()
            .unwrap();
        let cap = capacity(&plan, 1.0);
        let at3 = bars(&cap, 3.0);
        assert!(at3.iter().any(|b| b.level == Level::Over));
        assert!(bars(&cap, 1.0).iter().all(|b| b.level != Level::Over));
        let first = cap.breaks_first.as_ref().unwrap();
        assert!(breaking_row(&cap, first).is_some());
        assert_eq!(times(1.25), "1.25");
        assert_eq!(num(240.0), "240");
    }
}
