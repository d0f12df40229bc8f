//! Tidy: the crate docs' written invariants that a machine can check, checked on the source
//! text (in the manner of rust-analyzer's tidy test).
//!
//! - the engine is pure: no `web_sys`, `gloo` or `std::fs` under `src/engine`;
//! - rule ids are written only in the catalogue (`src/engine/catalogue`): a `"R1.9"` literal
//!   anywhere else is an error (comments and messages that cite rules in prose are fine);
//! - finding codes are written only in the catalogue (`catalogue/codes.rs`), as `Code`s;
//! - the catalogue and the engine agree: every rule is named as `Rule::…` by some decision
//!   outside the catalogue, except those listed in `catalogue::UNDECIDED`, which none names;
//! - the engine's modules import each other without circles, and the core never imports the
//!   text renderer;
//! - no source file is longer than 400 lines, apart from the short allow-list below (the
//!   engine's own unit tests may read files; the test files are not held to the budget yet).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};

use reachplan::engine::catalogue::{Code, Rule, UNDECIDED};

/// Files over the line budget, each with its length today: a file may shrink, not grow.
const LONG_FILES: &[(&str, usize)] = &[
    ("src/engine/geo.rs", 517),
    ("src/engine/topology/mod.rs", 423),
    ("src/bin/reachplan-bench.rs", 409),
    ("src/ui/components/canvas.rs", 419),
];

const MAX_LINES: usize = 400;

fn sources(dir: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = vec![root.join(dir)];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// The lines of a file that are code, not comments.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l))
}

#[test]
fn the_engine_touches_no_browser_and_no_file() {
    let mut bad = Vec::new();
    for (path, text) in sources("src/engine") {
        // Unit tests may read the repository's example files.
        let shipped = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code_lines(shipped) {
            for word in ["web_sys", "gloo", "std::fs"] {
                if line.contains(word) {
                    bad.push(format!("{path}:{n}: {word}"));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "the engine must stay pure:\n{}",
        bad.join("\n")
    );
}

/// Whether `s` is a whole rule id literal such as `"R1.9"`.
fn rule_literals(line: &str) -> Vec<&str> {
    line.split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            let mut parts = s.strip_prefix('R').unwrap_or("").split('.');
            let num = |p: Option<&str>| {
                p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            };
            s.starts_with('R') && num(parts.next()) && num(parts.next()) && parts.next().is_none()
        })
        .collect()
}

#[test]
fn rule_ids_are_written_only_in_the_catalogue() {
    let mut bad = Vec::new();
    for (path, text) in sources("src") {
        if path.starts_with("src/engine/catalogue/") {
            continue;
        }
        for (n, line) in code_lines(&text) {
            for id in rule_literals(line) {
                bad.push(format!(
                    "{path}:{n}: \"{id}\" (write Rule::{})",
                    id.replace('.', "_")
                ));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "rule ids outside the catalogue:\n{}",
        bad.join("\n")
    );
}

#[test]
fn finding_codes_are_written_only_in_the_catalogue() {
    let codes: std::collections::BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    let mut bad = Vec::new();
    for (path, text) in sources("src") {
        // The table itself, and the assumptions' own table (an assumption's code may share a
        // finding's string; assumptions are typed by `AssumptionId`).
        if path == "src/engine/catalogue/codes.rs" || path == "src/engine/rules.rs" {
            continue;
        }
        let shipped = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code_lines(shipped) {
            for literal in line.split('"').skip(1).step_by(2) {
                if codes.contains(literal) {
                    bad.push(format!(
                        "{path}:{n}: \"{literal}\" (write a catalogue::Code)"
                    ));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "finding codes outside the catalogue:\n{}",
        bad.join("\n")
    );
    // And every code of the table is given somewhere.
    let engine: String = sources("src/engine")
        .into_iter()
        .filter(|(p, _)| p != "src/engine/catalogue/codes.rs")
        .map(|(_, t)| t)
        .collect();
    let unused: Vec<String> = Code::ALL
        .iter()
        .map(|c| format!("Code::{c:?}"))
        .filter(|name| !engine.contains(&format!("{name},")) && !engine.contains(name.as_str()))
        .collect();
    assert!(unused.is_empty(), "codes no decision gives: {unused:?}");
}

#[test]
fn every_rule_of_the_catalogue_is_decided_somewhere_or_listed_as_undecided() {
    let all: String = sources("src")
        .into_iter()
        .filter(|(p, _)| !p.starts_with("src/engine/catalogue/"))
        .map(|(_, t)| t)
        .collect();
    let mut bad = Vec::new();
    for &rule in Rule::ALL {
        let name = format!("Rule::{}", rule.id().replace('.', "_").replace('§', "S"));
        let named = all
            .match_indices(&name)
            .any(|(i, _)| !all[i + name.len()..].starts_with(|c: char| c.is_ascii_digit()));
        match (named, UNDECIDED.contains(&rule)) {
            (false, false) => bad.push(format!(
                "{rule}: no decision names it; list it in UNDECIDED"
            )),
            (true, true) => bad.push(format!("{rule}: decided, so remove it from UNDECIDED")),
            _ => {}
        }
    }
    assert!(
        bad.is_empty(),
        "catalogue and engine disagree:\n{}",
        bad.join("\n")
    );
}

#[test]
fn files_stay_short() {
    let mut bad = Vec::new();
    for (path, text) in sources("src") {
        let lines = text.lines().count();
        let budget = LONG_FILES
            .iter()
            .find(|(p, _)| *p == path)
            .map_or(MAX_LINES, |&(_, n)| n);
        if lines > budget {
            bad.push(format!("{path}: {lines} lines (budget {budget})"));
        }
    }
    assert!(
        bad.is_empty(),
        "files over their budget:\n{}",
        bad.join("\n")
    );
}

/// The engine's modules (`src/engine/X.rs` or `src/engine/X/`) that a module's shipped code
/// names, through `crate::engine::X` or as many `super::` as lead out of it: the layers of the
/// crate docs' codemap, read from the code.
fn engine_imports() -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let top = |rel: &str| -> String {
        let first = rel.split('/').nth(2).unwrap_or("");
        first.trim_end_matches(".rs").to_string()
    };
    let files = sources("src/engine");
    let modules: std::collections::BTreeSet<String> = files
        .iter()
        .map(|(p, _)| top(p))
        .filter(|m| m != "mod")
        .collect();
    let mut graph = std::collections::BTreeMap::new();
    for (path, text) in &files {
        let from = top(path);
        if from == "mod" {
            continue; // the facade re-exports; it is no layer
        }
        // `src/engine/a.rs` and `src/engine/a/mod.rs` leave the engine with one `super::`.
        let depth = path.matches('/').count() - 2 - usize::from(path.ends_with("/mod.rs"));
        let shipped = text.split("#[cfg(test)]").next().unwrap_or("");
        let edges: &mut std::collections::BTreeSet<String> = graph.entry(from.clone()).or_default();
        for (_, line) in code_lines(shipped) {
            let leads = ["crate::engine::".to_string(), "super::".repeat(depth + 1)];
            for lead in leads {
                assert!(
                    !line.contains(&format!("{lead}{{")),
                    "{path}: name each engine module in its own `use` (the layer test reads them)"
                );
                for (at, _) in line.match_indices(&lead) {
                    // `super::super::x` read from one level deeper is not a way out.
                    if line[..at].ends_with("super::") {
                        continue;
                    }
                    let name: String = line[at + lead.len()..]
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                        .collect();
                    if name != from && modules.contains(&name) {
                        edges.insert(name);
                    }
                }
            }
        }
    }
    graph
}

#[test]
fn the_engine_modules_import_each_other_without_circles() {
    let graph = engine_imports();
    // Depth-first search; a module met again while it is still open closes a circle.
    fn visit(
        m: &str,
        graph: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
        open: &mut Vec<String>,
        done: &mut std::collections::BTreeSet<String>,
        circles: &mut Vec<String>,
    ) {
        if let Some(at) = open.iter().position(|o| o == m) {
            circles.push(format!("{} → {m}", open[at..].join(" → ")));
            return;
        }
        if !done.insert(m.to_string()) {
            return;
        }
        open.push(m.to_string());
        for next in graph.get(m).into_iter().flatten() {
            visit(next, graph, open, done, circles);
        }
        open.pop();
    }
    let (mut done, mut circles) = (Default::default(), Vec::new());
    for m in graph.keys() {
        visit(m, &graph, &mut Vec::new(), &mut done, &mut circles);
    }
    assert!(
        circles.is_empty(),
        "the engine's modules import each other in a circle:\n{}",
        circles.join("\n")
    );
    // The renderer sits above the questions, the questions above the search.
    let imports = |a: &str, b: &str| graph.get(a).is_some_and(|s| s.contains(b));
    for core in [
        "topology", "transit", "reach", "matrix", "verdict", "analysis", "access",
    ] {
        assert!(!imports(core, "text"), "{core} imports the text renderer");
    }
}
