//! The Bicep export compiled for real: every golden `tests/golden/export/*.bicep` is built
//! with the Bicep compiler (`bicep build FILE --stdout`), and the ARM template it gives,
//! imported, must answer every pair as the import of the ARM export (`*.arm.json`) does.
//!
//! The compiler is published on NuGet (Azure.Bicep.CommandLine.linux-x64) and on GitHub
//! only; neither is a registry the project builds from, so the test runs where a compiler
//! is found (`BICEP=/path/to/bicep`, or `bicep` on PATH) and otherwise says it is skipped
//! and why.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::Path;
use std::process::Command;

use reachplan::engine::analyze;
use reachplan::import::{import, ImportOptions};

fn compiler() -> Option<String> {
    let bicep = std::env::var("BICEP").unwrap_or_else(|_| "bicep".to_string());
    let runs = Command::new(&bicep)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    runs.then_some(bicep)
}

fn pairs(name: &str, text: String) -> Vec<(String, String, bool)> {
    let options = ImportOptions {
        region: Some("westeurope".into()),
    };
    let files = [(name.to_string(), text)];
    let plan = import(&files, &options)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .plan;
    let mut out: Vec<_> = analyze(&plan)
        .pairs
        .iter()
        .map(|p| (p.from.clone(), p.to.clone(), p.reachable))
        .collect();
    out.sort();
    out
}

#[test]
fn every_bicep_export_compiles_to_a_template_with_the_same_answers() {
    let Some(bicep) = compiler() else {
        println!(
            "skipped: no Bicep compiler (set BICEP=/path/to/bicep or put bicep on PATH; it is \
             published on NuGet and GitHub only, which this project does not build from)"
        );
        return;
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/export");
    let mut compiled = 0;
    for entry in fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".bicep") else {
            continue;
        };
        let out = Command::new(&bicep)
            .arg("build")
            .arg(&path)
            .arg("--stdout")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name} does not compile:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let built = String::from_utf8(out.stdout).unwrap();
        let arm = fs::read_to_string(dir.join(format!("{stem}.arm.json"))).unwrap();
        assert_eq!(
            pairs(&name, built),
            pairs(&format!("{stem}.arm.json"), arm),
            "{stem}: the compiled Bicep answers otherwise than the ARM export"
        );
        compiled += 1;
    }
    assert!(compiled >= 8, "only {compiled} Bicep files compiled");
}
