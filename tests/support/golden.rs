//! Golden files that guard themselves: a file differs or is missing → the test fails with the
//! name; `UPDATE_EXPECT=1` rewrites them (refused when `CI` is set, so a pipeline can never bless
//! its own output); a golden file that no plan produces any more is an orphan and fails too.

#![allow(dead_code)]

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// `tests/golden` under the repository.
pub fn golden_root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Whether this run rewrites the golden files; panics when asked to under CI.
pub fn updating() -> bool {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    assert!(
        !(update && std::env::var_os("CI").is_some()),
        "UPDATE_EXPECT is refused when CI is set: refresh golden files locally and review the diff"
    );
    update
}

/// Compares `actual` with the golden file `name` (a path under tests/golden), or writes it.
pub fn compare(name: &str, actual: &str, failures: &mut Vec<String>) {
    let path = golden_root().join(name);
    if updating() {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
        }
        fs::write(&path, actual).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        return;
    }
    match fs::read_to_string(&path) {
        Ok(expected) if expected == actual => {}
        Ok(_) => failures.push(format!(
            "{name} differs from its golden file (UPDATE_EXPECT=1 to refresh, then review the diff)"
        )),
        Err(_) => failures.push(format!(
            "{name} has no golden file (run with UPDATE_EXPECT=1)"
        )),
    }
}

/// The files of golden folder `dir` that are not in `produced` (names relative to tests/golden):
/// orphans, left by a plan that was renamed or removed. With UPDATE_EXPECT they are deleted.
pub fn orphans(dir: &str, produced: &BTreeSet<String>, failures: &mut Vec<String>) {
    let path = golden_root().join(dir);
    let entries = fs::read_dir(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    for entry in entries {
        let entry = entry.unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = format!("{dir}/{}", entry.file_name().to_string_lossy());
        if produced.contains(&name) {
            continue;
        }
        if updating() {
            fs::remove_file(entry.path()).unwrap_or_else(|e| panic!("remove {name}: {e}"));
        } else {
            failures.push(format!(
                "{name} is a golden file that no plan produces (an orphan)"
            ));
        }
    }
}
