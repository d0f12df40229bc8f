//! Terraform's plan JSON (`terraform show -json`): not read yet.

use serde_json::Value;

use super::report::{ImportReport, NoteKind};
use super::resource::Resource;

/// The azurerm resources of a Terraform plan.
pub(crate) fn resources(file: &str, _doc: &Value, report: &mut ImportReport) -> Vec<Resource> {
    let message = "Terraform plan JSON is recognised but not read yet".to_string();
    report.note(NoteKind::Problem, file, ".", message);
    Vec::new()
}
