//! The plans of the repository, folder by folder, with exact counts: a folder that is missing,
//! empty or holds another number of plans fails the test that reads it, and so does a plan that
//! does not read (malformed plans belong to the reader's tests, written inline).

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use reachplan::engine::model::Plan;
use reachplan::engine::read_plan;

/// Every folder of plans and how many plans it holds: update the count when adding a plan.
pub const FOLDERS: [(&str, usize); 7] = [
    ("tests/data/scenarios", 16),
    ("tests/data/rules", 48),
    ("tests/data/capacity", 11),
    ("tests/data/diff", 5),
    ("tests/data/resilience", 7),
    ("tests/data/markdown", 1),
    ("www/examples", 8),
];

/// How many plans the repository holds.
pub fn total() -> usize {
    FOLDERS.iter().map(|&(_, n)| n).sum()
}

/// The plan files of folder `dir` (one of [`FOLDERS`]), sorted; panics unless there are as
/// many as [`FOLDERS`] says.
pub fn files(dir: &str) -> Vec<PathBuf> {
    let count = FOLDERS
        .iter()
        .find(|&&(d, _)| d == dir)
        .unwrap_or_else(|| panic!("{dir} is not a plan folder"))
        .1;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let entries = fs::read_dir(root.join(dir)).unwrap_or_else(|e| panic!("{dir}: {e}"));
    let mut out: Vec<PathBuf> = entries
        .map(|e| e.unwrap_or_else(|e| panic!("{dir}: {e}")).path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    out.sort();
    assert_eq!(
        out.len(),
        count,
        "plans in {dir} (update support::repository::FOLDERS when adding one)"
    );
    out
}

/// Every plan of the repository, read, by path (the repository-relative folder and the file
/// name), in the order of [`FOLDERS`].
pub fn plans() -> Vec<(String, Plan)> {
    let mut out = Vec::new();
    for (dir, _) in FOLDERS {
        for path in files(dir) {
            let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{dir}: {e}"));
            let plan = read_plan(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            out.push((format!("{dir}/{name}"), plan));
        }
    }
    assert_eq!(out.len(), total());
    out
}
