//! Measuring one element: a row before and after the surge, its severity, the sentence that states it, and the context the element builders share.

use crate::engine::catalogue::{Code, Rule};
use std::collections::BTreeMap;

use super::{Change, ElementKind, Measure, Note, Row, Shortfall};
use crate::engine::model::Plan;
use crate::engine::rules::{Finding, Severity};

/// Headroom the recommendations leave: demand × 1.3 must fit.
pub const HEADROOM: f64 = 1.3;

/// What the element builders share: the plan, the surge, and where they put their output.
pub(crate) struct Ctx<'p> {
    pub plan: &'p Plan,
    pub surge: f64,
    pub index: BTreeMap<&'p str, usize>,
    pub findings: Vec<Shortfall>,
    pub notes: Vec<Note>,
}

impl<'p> Ctx<'p> {
    /// The node number of an id.
    pub fn at(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Records a default the analysis used.
    pub fn note(&mut self, code: Code, message: String) {
        self.notes.push(Note { code, message });
    }

    /// Adds a finding.
    #[allow(clippy::too_many_arguments)]
    pub fn find(
        &mut self,
        severity: Severity,
        code: Code,
        rule: Rule,
        message: String,
        nodes: Vec<String>,
        limit: Option<(f64, &'static str)>,
        recommendation: Option<(String, Change)>,
    ) {
        let mut nodes = nodes;
        nodes.sort();
        nodes.dedup();
        let (recommendation, change) = match recommendation {
            Some((text, change)) => (Some(text), Some(change)),
            None => (None, None),
        };
        self.findings.push(Shortfall {
            finding: Finding {
                severity,
                code,
                message,
                nodes,
                links: Vec::new(),
                rule: Some(rule),
            },
            limit: limit.map(|l| l.0),
            source: limit.map(|l| l.1),
            recommendation,
            change,
        });
    }
}

/// A row before the surge is applied.
pub(crate) struct Measured {
    pub element: String,
    pub kind: ElementKind,
    pub link: Option<usize>,
    pub measure: Measure,
    pub base: f64,
    pub per_surge: f64,
    pub capacity: f64,
    pub limit: String,
    pub source: &'static str,
    pub rule: Rule,
}

/// A surge multiple as the output prints it: up to two decimals.
pub fn times(x: f64) -> String {
    let r = round(x, 2);
    let s = format!("{r:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Rounds to a number of decimals, for stable output.
pub(crate) fn round(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}

/// A number as the messages print it: whole numbers without decimals, others with one.
pub fn num(x: f64) -> String {
    let r = round(x, 1);
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// Demand and percent of capacity at a surge, from the part of the demand that does not grow
/// with it and the part that does: counted things are rounded up, others to two decimals.
fn demand_at(base: f64, per_surge: f64, whole: bool, capacity: f64, surge: f64) -> (f64, f64) {
    let raw = base + per_surge * surge;
    let demand = if whole {
        round(raw, 6).ceil()
    } else {
        round(raw, 2)
    };
    let percent = if capacity > 0.0 {
        round(demand / capacity * 100.0, 1)
    } else {
        0.0
    };
    (demand, percent)
}

impl Measured {
    /// The row at a surge.
    pub fn at(self, surge: f64) -> Row {
        let whole = self.measure.whole();
        let (demand, percent) = demand_at(self.base, self.per_surge, whole, self.capacity, surge);
        let breaks_at = if self.per_surge > 0.0 {
            Some(round(
                ((self.capacity - self.base) / self.per_surge).max(0.0),
                2,
            ))
        } else if self.base > self.capacity {
            Some(0.0)
        } else {
            None
        };
        Row {
            element: self.element,
            kind: self.kind,
            link: self.link,
            measure: self.measure,
            base: round(self.base, 2),
            per_surge: round(self.per_surge, 2),
            demand,
            capacity: self.capacity,
            percent,
            breaks_at,
            limit: self.limit,
            source: self.source,
            rule: self.rule,
        }
    }
}

impl Row {
    /// The same row at another surge, from its base and per-surge parts (as rounded in the
    /// row): what a slider shows without analysing the plan again. At the surge the row was
    /// computed for it is the row itself.
    pub fn at(&self, surge: f64) -> Row {
        let whole = self.measure.whole();
        let (demand, percent) = demand_at(self.base, self.per_surge, whole, self.capacity, surge);
        Row {
            demand,
            percent,
            ..self.clone()
        }
    }

    /// How bad the row is: an error over its limit, a warning with less than 30 % headroom,
    /// `None` otherwise.
    pub fn severity(&self) -> Option<Severity> {
        severity_of(self)
    }
}

/// How bad a row is: error above 100 %, warning with less than 30 % headroom.
pub(crate) fn severity_of(row: &Row) -> Option<Severity> {
    if row.capacity <= 0.0 {
        return None;
    }
    if row.demand > row.capacity {
        Some(Severity::Error)
    } else if row.demand * HEADROOM > row.capacity {
        Some(Severity::Warning)
    } else {
        None
    }
}

/// The sentence that states a row's numbers.
pub(crate) fn state(row: &Row, surge: f64) -> String {
    let at = if surge == 1.0 {
        String::new()
    } else {
        format!(" at surge ×{}", times(surge))
    };
    let how = if row.demand > row.capacity {
        "over the limit".to_string()
    } else {
        "less than 30 % headroom".to_string()
    };
    format!(
        "{}'s {}, {}: {} of {} ({} %{at}, {how}; limit: {}).",
        row.element,
        row.kind.label(),
        row.measure.label(),
        num(row.demand),
        num(row.capacity),
        num(row.percent),
        row.limit
    )
}
