//! `reachplan import` as a command: the plan on standard output or in `-o`, the report on
//! standard error and in `--report`, and the exit codes of the other commands.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use reachplan::engine::read_plan;

mod support;
use support::cli::{code_out_err, run};

const S2S: &str = "tests/data/import/quickstart-site-to-site-vpn.json";
const S2S_PARAMS: &str = "tests/data/import/quickstart-site-to-site-vpn.parameters.json";

#[test]
fn a_template_and_its_parameters_become_a_plan_on_stdout_and_a_report_on_stderr() {
    let (code, out, err) = code_out_err(&["import", S2S, S2S_PARAMS, "--region", "westeurope"]);
    assert_eq!(code, 0, "{err}");
    let plan = read_plan(&out).unwrap();
    assert_eq!(plan.nodes.len(), 2);
    assert!(err.contains("→ link azure2other"), "{err}");
    assert!(err.ends_with("2 nodes, 1 link\n"), "{err}");
}

#[test]
fn the_plan_and_the_json_report_go_to_files() {
    let dir = std::env::temp_dir().join(format!("reachplan-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (plan, report) = (dir.join("plan.json"), dir.join("report.json"));
    let (code, out, _) = code_out_err(&[
        "import",
        "tests/data/import/graph-hybrid.json",
        "-o",
        plan.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
    ]);
    assert_eq!((code, out.as_str()), (0, ""));
    read_plan(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let notes = report["notes"].as_array().unwrap();
    assert!(notes
        .iter()
        .any(|n| n["kind"] == "outside" && n["path"].is_string()));
    assert!(report["mapped"].as_array().unwrap().len() >= 10);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn unreadable_input_exits_2_naming_the_file_and_the_rest_is_imported() {
    let out = run(&["import", "-", S2S], Some("[1, 2"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("- .: not JSON (line 1, column 5)"), "{err}");
    read_plan(&String::from_utf8_lossy(&out.stdout)).unwrap();
    let (code, out, err) = code_out_err(&["import", "Cargo.toml"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.starts_with("reachplan: Cargo.toml: at .: not JSON"),
        "{err}"
    );
    let (code, _, err) = code_out_err(&["import", "no-such-file.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read no-such-file.json"), "{err}");
    let (code, _, _) = code_out_err(&["import"]);
    assert_eq!(code, 2);
}
