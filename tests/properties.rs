//! Property tests over random valid plans: the analysis is deterministic and never panics, a
//! plan round-trips through its file and its share link, and adding a link never takes a
//! reachable pair away without a finding that says why.
//!
//! The strategy (`support::plans`) builds plans the reader accepts, of every kind the format
//! allows, with wrong link kinds and self-links included: the analysis must explain those too.
//!
//! ## Adding a link
//!
//! Adding a link adds a connection to the search, so on its own it can only open ways. It can
//! still close a pair that was reachable, for reasons the engine reports: the new link joins two
//! networks whose address spaces overlap (the pair is then marked `R2.1`), or it breaks a rule
//! of the whole design, such as a second tunnel on a policy-based gateway, a second peering
//! using remote gateways, or a limit of a gateway or hub, which the engine reports as a finding.
//! So the property is: for every pair reachable before and not after, either the pair's answer
//! after names rule `R2.1`, or the analysis after has a new finding of severity error or warning
//! that concerns the pair: it names the new link, one of its ends, the pair or a node of the
//! pair's old path.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use proptest::prelude::*;
use proptest::sample::Index;
use reachplan::engine::model::{Node, NodeKind, Plan, Position};
use reachplan::engine::overview::{overview, Cell};
use reachplan::engine::{analyze, edit, read_plan, share, text, write_plan, Network, Severity};

mod support;
use support::config::config;
use support::plans::{link, link_spec, plans};

/// The findings of an analysis as comparable keys.
fn warnings(plan: &Plan) -> BTreeSet<(String, Vec<String>, Vec<usize>, String)> {
    analyze(plan)
        .findings
        .into_iter()
        .filter(|f| f.severity <= Severity::Warning)
        .map(|f| (f.code.to_string(), f.nodes, f.links, f.message))
        .collect()
}

proptest! {
    #![proptest_config(config(128))]

    /// The strategy's plans are valid: the reader accepts every one of them.
    #[test]
    fn generated_plans_are_valid(plan in plans(12, 20)) {
        let text = write_plan(&plan);
        prop_assert!(read_plan(&text).is_ok(), "{:?}\n{text}", read_plan(&text).err());
    }

    /// Writing a plan and reading it back gives the same plan; writing it again the same text.
    #[test]
    fn plan_json_round_trips(plan in plans(12, 20)) {
        let once = write_plan(&plan);
        let back = read_plan(&once).unwrap();
        prop_assert_eq!(&back, &plan);
        prop_assert_eq!(write_plan(&back), once);
    }

    /// A share link decodes to the same plan, is the same for the same plan, and when cut short
    /// is either refused or (cut only in its last padding bits) still the same plan.
    #[test]
    fn share_link_round_trips(plan in plans(12, 20), cut in any::<Index>()) {
        let link = share::encode(&plan);
        prop_assert_eq!(share::encode(&plan), link.clone());
        prop_assert_eq!(share::decode(&link), Ok(plan.clone()));
        prop_assert_eq!(share::decode(&format!("#{link}")), Ok(plan.clone()));
        let cut = cut.index(link.len());
        match share::decode(&link[..cut]) {
            Ok(back) => prop_assert_eq!(back, plan),
            Err(e) => {
                use share::ShareError::*;
                let expected = match cut {
                    0 => e == Empty,
                    c if c < share::PREFIX.len() => matches!(e, Version(_)),
                    c if c == share::PREFIX.len() => matches!(e, Empty | Damaged),
                    _ => matches!(e, Damaged | Base64),
                };
                prop_assert!(expected, "cut at {}: {:?}", cut, e);
            }
        }
    }

    /// The same plan always gets the same analysis, also after a trip through the file.
    #[test]
    fn analysis_is_deterministic(plan in plans(12, 20)) {
        let first = analyze(&plan);
        prop_assert_eq!(&analyze(&plan), &first);
        let again = read_plan(&write_plan(&plan)).unwrap();
        prop_assert_eq!(&analyze(&again), &first);
        prop_assert_eq!(
            serde_json::to_string(&analyze(&again)).unwrap(),
            serde_json::to_string(&first).unwrap()
        );
    }

    /// The focused answers (`explain`, `capacity`) are those of the whole analysis, field for
    /// field, for every pair asked for, alone or together with others.
    #[test]
    fn focused_answers_are_the_analysis_answers(plan in plans(12, 20)) {
        let analysis = analyze(&plan);
        let wanted: Vec<(&str, &str)> =
            analysis.pairs.iter().map(|p| (p.from.as_str(), p.to.as_str())).collect();
        let network = Network::new(&plan);
        let all = network.answers(&wanted);
        for pair in &analysis.pairs {
            prop_assert_eq!(all.pair(&pair.from, &pair.to), Some(pair));
            let one = network.answers(&[(pair.from.as_str(), pair.to.as_str())]);
            prop_assert_eq!(one.pair(&pair.from, &pair.to), Some(pair), "\n{}", write_plan(&plan));
        }
        prop_assert_eq!(all.iter().count(), analysis.pairs.len());
    }

    /// The overview the app draws gives every cell the verdict of the whole analysis, and the
    /// same intents.
    #[test]
    fn overview_cells_are_the_analysis_verdicts(plan in plans(12, 20)) {
        let analysis = analyze(&plan);
        let o = overview(&plan);
        prop_assert_eq!(o.endpoints(), analysis.endpoints.as_slice());
        prop_assert_eq!(&o.summary.intents, &analysis.intents);
        for (i, from) in analysis.endpoints.iter().enumerate() {
            for (j, to) in analysis.endpoints.iter().enumerate() {
                let want = analysis.pair(from, to).map_or(Cell::Same, Cell::from);
                prop_assert_eq!(o.cell(i, j), want, "{} → {}\n{}", from, to, write_plan(&plan));
            }
        }
    }

    /// Adding a link never takes a reachable pair away unless the pair is now an overlap
    /// (R2.1) or a new finding of severity error or warning explains it (see the module docs).
    #[test]
    fn adding_a_link_never_silently_breaks_a_pair(plan in plans(10, 14), extra in link_spec()) {
        let Some(new) = link(&plan, &extra) else { return Ok(()); };
        let mut bigger = plan.clone();
        bigger.links.push(new.clone());
        prop_assert!(read_plan(&write_plan(&bigger)).is_ok());
        let before = analyze(&plan);
        let after = analyze(&bigger);
        let index = bigger.links.len() - 1;
        let new_findings: Vec<_> =
            warnings(&bigger).difference(&warnings(&plan)).cloned().collect();
        for pair in before.pairs.iter().filter(|p| p.reachable) {
            let now = after.pair(&pair.from, &pair.to).unwrap();
            if now.reachable {
                continue;
            }
            // The excuse must concern this pair: the pair's answer names R2.1 (overlapping
            // addresses), or a new finding names the new link, its ends, the pair or a node of
            // the pair's old path.
            let near: BTreeSet<&str> = [new.from.as_str(), new.to.as_str()]
                .into_iter()
                .chain(pair.path.iter().map(String::as_str))
                .chain([pair.from.as_str(), pair.to.as_str()])
                .collect();
            let named = new_findings.iter().any(|(_, nodes, links, _)| {
                links.contains(&index) || nodes.iter().any(|n| near.contains(n.as_str()))
            });
            prop_assert!(
                now.rule.map(|r| r.id()) == Some("R2.1") || named,
                "adding {:?} made {} → {} unreachable with no finding about it: {:?} {:?} \
                 (new findings: {:?})\n{}",
                new, pair.from, pair.to, now.rule, now.reason, new_findings, write_plan(&bigger)
            );
        }
    }
}

proptest! {
    #![proptest_config(config(96))]

    /// Random plans, larger ones included, never make the analysis, its report, its JSON, the
    /// capacity measurement or the application of a fix panic; applied fixes still read.
    #[test]
    fn random_plans_never_panic(plan in plans(30, 60)) {
        let analysis = analyze(&plan);
        let n = analysis.endpoints.len();
        prop_assert_eq!(analysis.pairs.len(), n * n.saturating_sub(1));
        let text = text::check(&plan, &analysis);
        prop_assert!(!text.contains('\u{1b}'), "a terminal escape reached the report");
        serde_json::to_string(&analysis).unwrap();
        // Every fix the analysis offers applies to the plan, and gives a plan that reads.
        for e in analysis.pairs.iter().filter_map(|p| p.edit.as_ref()) {
            let mut fixed = plan.clone();
            let applied = edit::apply(&mut fixed, e);
            prop_assert!(applied.is_ok(), "{:?} does not apply: {:?}\n{}", e, applied, write_plan(&plan));
            let written = write_plan(&fixed);
            prop_assert!(read_plan(&written).is_ok(), "{:?} gives a plan that does not read", e);
        }
        let capacity = reachplan::engine::capacity::capacity(&plan, 2.0);
        let text = reachplan::engine::capacity::render(&plan, &capacity);
        prop_assert!(!text.contains('\u{1b}'), "a terminal escape reached the capacity text");
    }

    /// Damaged plan texts (bytes changed, cut short) never panic the reader, and its errors
    /// name a place inside the text.
    #[test]
    fn damaged_texts_never_panic_the_reader(
        plan in plans(6, 8),
        cut in any::<Index>(),
        changes in prop::collection::vec((any::<Index>(), any::<u8>()), 0..4),
    ) {
        let mut bytes = write_plan(&plan).into_bytes();
        for (at, byte) in changes {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        bytes.truncate(cut.index(bytes.len() + 1));
        let text = String::from_utf8_lossy(&bytes);
        if let Err(e) = read_plan(&text) {
            prop_assert!(e.line >= 1 && e.line <= text.split('\n').count() && e.column >= 1, "{e:?}");
            // The message and the JSON path are the error's own fields (its Display adds the
            // line and column, so checking that string would always pass).
            prop_assert!(!e.message.trim().is_empty(), "{e:?}");
            prop_assert!(!e.path.is_empty(), "{e:?}");
        }
    }
}

/// Found by fuzzing: serde_json's default float parser could read a written number back one
/// unit in the last place off, so a plan changed on its way through the file. Exact float
/// parsing (serde_json's `float_roundtrip`) keeps every finite number.
#[test]
fn floats_round_trip_exactly() {
    for x in [
        1.797_693_134_862_316_5e307,
        f64::MAX,
        f64::MIN_POSITIVE,
        5e-324,
        0.1,
        1e300,
    ] {
        let text = format!(
            "{{\"reachplan\": 1, \"nodes\": [{{\"id\": \"u\", \"kind\": \"users\", \"mbps_per_user\": {x:e}}}]}}"
        );
        let plan = read_plan(&text).unwrap();
        assert_eq!(plan.nodes[0].mbps_per_user, Some(x), "{text}");
        assert_eq!(read_plan(&write_plan(&plan)).unwrap(), plan, "{text}");
    }
}

proptest! {
    #![proptest_config(config(512))]

    /// Every finite number in a plan survives the trip through the file exactly.
    #[test]
    fn every_finite_number_round_trips(x in any::<f64>().prop_filter("finite", |x| x.is_finite())) {
        let mut plan = Plan::new();
        let mut users = Node::new("u", NodeKind::Users);
        // A demand of 0 or less is refused by the reader; positions take any number.
        users.mbps_per_user = (x > 0.0).then_some(x);
        users.position = Some(Position { x, y: -x });
        plan.nodes.push(users);
        prop_assert_eq!(read_plan(&write_plan(&plan)).unwrap(), plan);
    }
}
