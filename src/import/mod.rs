//! Import: Azure's own descriptions of a network turned into a plan.
//!
//! Pure, like the engine: the caller reads the files (the CLI from disk, the browser from a
//! drop or a paste) and hands over their names and texts; [`import`] returns the plan and an
//! [`ImportReport`] of what became what. Nothing is guessed: a value the input does not give
//! is defaulted and said, a value known only after deployment is marked unknown with the
//! reason, a resource the input refers to without holding it becomes a node marked as
//! outside the import, and a file or value that cannot be read is a problem naming the file
//! and JSON path while the rest of the import goes on.
//!
//! Inputs, recognised by their shape (`shape`): one ARM resource, an array, a REST list
//! (`{"value": [...]}`), Resource Graph output (`{"data": [...]}`), an ARM template with its
//! parameters file (`template`, `expr`, `functions`, `calc`), Terraform's plan or state JSON
//! (`terraform`). Every resource is reduced to ARM's shape (`resource`), matched to
//! the resources it refers to by type and name (`ids`), and mapped to nodes and links (`arm`
//! runs the passes: `network`, `gateways`, `connections`, `circuits`, `wan`, `services`);
//! `layout` places the nodes by role. Each node and link made from a resource carries the
//! resource's id in `azure_id`, so that a later import can update what it made.

mod arm;
mod calc;
mod circuits;
mod connections;
mod expr;
mod functions;
mod gateways;
mod ids;
mod layout;
pub mod merge;
mod network;
mod report;
mod resource;
pub mod sample;
mod services;
mod shape;
mod template;
mod terraform;
mod wan;

use std::fmt;

use crate::engine::model::Plan;

pub use report::{ImportReport, Mapped, Note, NoteKind, Skipped};

/// How to import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// The Azure region of resources whose location the input leaves to the deployment
    /// (a template's `resourceGroup().location`), e.g. `westeurope`.
    pub region: Option<String>,
}

/// The result of an import: the plan, and what happened.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The imported plan; every node and link made from a resource carries its `azure_id`.
    pub plan: Plan,
    /// What became what, what was skipped, defaulted, unknown, outside or unreadable.
    pub report: ImportReport,
}

/// Why nothing could be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The file (empty when no file was given).
    pub file: String,
    /// The JSON path in it (`.` for the whole file).
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.file.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: at {}: {}", self.file, self.path, self.message)
        }
    }
}

impl std::error::Error for ImportError {}

/// Imports files (name, text) into a new plan.
///
/// A file that cannot be read, or a resource that cannot be mapped, is a problem in the
/// report while the rest goes on.
///
/// # Errors
/// An [`ImportError`] only when no file was given or no file holds anything importable (the
/// first problem found is named).
///
/// # Example
/// ```
/// use reachplan::import::{import, ImportOptions};
/// let vnet = r#"{"type": "Microsoft.Network/virtualNetworks", "name": "hub",
///   "location": "West Europe",
///   "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}}}"#;
/// let imported = import(&[("hub.json".into(), vnet.into())], &ImportOptions::default()).unwrap();
/// let node = &imported.plan.nodes[0];
/// assert_eq!((node.id.as_str(), node.region.as_deref()), ("hub", Some("westeurope")));
/// ```
pub fn import(files: &[(String, String)], opts: &ImportOptions) -> Result<Imported, ImportError> {
    let mut report = ImportReport::default();
    let resources = read_all(files, opts, &mut report);
    if resources.is_empty() {
        let first = report.notes.iter().find(|n| n.kind == NoteKind::Problem);
        return Err(match first {
            Some(n) => ImportError {
                file: n.file.clone(),
                path: n.path.clone(),
                message: n.message.clone(),
            },
            None => ImportError {
                file: files.first().map(|(f, _)| f.clone()).unwrap_or_default(),
                path: ".".to_string(),
                message: if files.is_empty() {
                    "no file to import".to_string()
                } else {
                    "no Azure resource in the input".to_string()
                },
            },
        });
    }
    let plan = arm::map(&resources, opts, &mut report);
    Ok(Imported { plan, report })
}

/// A file read and recognised.
struct Read<'a> {
    file: &'a str,
    shape: shape::Shape,
    doc: serde_json::Value,
}

/// The resources of every file: templates evaluated with the parameters file beside them
/// (the one of the same stem, `x.parameters.json` for `x.json`, or the only one given).
fn read_all(
    files: &[(String, String)],
    opts: &ImportOptions,
    report: &mut ImportReport,
) -> Vec<resource::Resource> {
    let mut read = Vec::new();
    for (file, text) in files {
        if let Some(r) = recognise(file, text, report) {
            read.push(r);
        }
    }
    let params: Vec<&Read> = read
        .iter()
        .filter(|r| matches!(r.shape, shape::Shape::Parameters))
        .collect();
    let templates = read
        .iter()
        .filter(|r| matches!(r.shape, shape::Shape::Template))
        .count();
    let mut used = vec![false; params.len()];
    let mut out = Vec::new();
    for r in &read {
        match r.shape {
            shape::Shape::Resources => out.extend(shape::resources(r.file, &r.doc, report)),
            shape::Shape::Template => {
                let stem = r.file.trim_end_matches(".json");
                let pick = params
                    .iter()
                    .position(|p| p.file.trim_end_matches(".parameters.json") == stem)
                    .or_else(|| (params.len() == 1 && templates == 1).then_some(0));
                if let Some(i) = pick {
                    used[i] = true;
                }
                let given = pick.map(|i| &params[i].doc);
                let region = opts.region.as_deref();
                out.extend(template::resources(
                    r.file,
                    &r.doc,
                    given,
                    region,
                    arm::is_mapped,
                    report,
                ));
            }
            shape::Shape::Terraform => out.extend(terraform::resources(r.file, &r.doc, report)),
            shape::Shape::Parameters => {}
        }
    }
    for (p, used) in params.iter().zip(used) {
        if !used {
            let message = "a template's parameters file, with no template of the same name \
                           (x.json for x.parameters.json) to apply it to"
                .to_string();
            report.note(NoteKind::Problem, p.file, ".", message);
        }
    }
    out
}

/// A file parsed and its shape recognised; what is neither is a problem.
fn recognise<'a>(file: &'a str, text: &str, report: &mut ImportReport) -> Option<Read<'a>> {
    let doc: serde_json::Value = match serde_json::from_str(text) {
        Ok(doc) => doc,
        Err(e) => {
            let message = format!("not JSON (line {}, column {}): {e}", e.line(), e.column());
            report.note(NoteKind::Problem, file, ".", message);
            return None;
        }
    };
    match shape::recognise(&doc) {
        Some(shape) => Some(Read { file, shape, doc }),
        None => {
            let message = "not a shape reachplan imports: an Azure resource, an array of them, \
                           {\"value\": [...]}, Resource Graph {\"data\": [...]}, an ARM template \
                           or its parameters, or Terraform's plan JSON"
                .to_string();
            report.note(NoteKind::Problem, file, ".", message);
            None
        }
    }
}
