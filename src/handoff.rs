//! The hand-off between the browser app and its Azure module: the importer and the export run
//! in a second WebAssembly module (`src/bin/reachplan-azure.rs`), which the page loads the
//! first time "Import from Azure…" or "Export as Bicep" is used, so that the first screen does
//! not carry them. The two modules share no memory: a request goes over as JSON text, and the
//! answer comes back as JSON text (an import) or as the exported text.
//!
//! Pure like the engine. The app writes the requests and reads the replies (`ui::azure`); the
//! Azure module only calls [`import_into`] and [`export`], so that only they, and what they
//! call, are in it.

use serde::{Deserialize, Serialize};

use crate::engine::{Assumption, Plan};
use crate::import::{import, merge, ImportOptions};

/// An import into the open plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportRequest {
    /// The open plan.
    pub open: Plan,
    /// The files: name and text.
    pub files: Vec<(String, String)>,
    /// The Azure region of resources whose template leaves it to the deployment, as typed
    /// (empty for none).
    pub region: String,
}

/// What an import gives back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportReply {
    /// The open plan with the import merged in; none when nothing was imported.
    pub plan: Option<Plan>,
    /// The report, as text.
    pub report: String,
    /// What the merge did, in one line (empty when nothing was imported).
    pub summary: String,
}

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// A Bicep file (`reachplan export`).
    Bicep,
    /// The ARM JSON template it compiles to (`reachplan export --format arm`).
    Arm,
}

/// An export of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportRequest {
    /// The plan.
    pub plan: Plan,
    /// Its analysis' assumptions, code and message, for the file's header.
    pub assumptions: Vec<(String, String)>,
    /// What to write.
    pub format: Format,
}

impl ExportRequest {
    /// The export of `plan` in `format`, with its analysis' assumptions for the header.
    pub fn new(plan: &Plan, assumptions: &[Assumption], format: Format) -> ExportRequest {
        ExportRequest {
            plan: plan.clone(),
            assumptions: assumptions
                .iter()
                .map(|a| (a.code.to_string(), a.message.to_string()))
                .collect(),
            format,
        }
    }
}

/// Imports the files of an [`ImportRequest`] (JSON) into its open plan; the [`ImportReply`]
/// as JSON. A request that cannot be read is a reply that imports nothing and says why.
pub fn import_into(request: &str) -> String {
    let reply = match serde_json::from_str::<ImportRequest>(request) {
        Ok(request) => run(&request),
        Err(e) => nothing(&format!("the request could not be read ({e})")),
    };
    serde_json::to_string(&reply).unwrap_or_else(|e| {
        format!(r#"{{"plan":null,"report":"The import's reply could not be written: {e}.","summary":""}}"#)
    })
}

/// The text of an [`ExportRequest`] (JSON).
///
/// # Errors
/// Why the request could not be read.
pub fn export(request: &str) -> Result<String, String> {
    let request: ExportRequest = serde_json::from_str(request)
        .map_err(|e| format!("the export's request could not be read ({e})"))?;
    let listed: Vec<(&str, &str)> = request
        .assumptions
        .iter()
        .map(|(code, message)| (code.as_str(), message.as_str()))
        .collect();
    Ok(match request.format {
        Format::Bicep => crate::export::bicep_listing(&request.plan, &listed),
        Format::Arm => crate::export::arm_listing(&request.plan, &listed),
    })
}

/// The import and the merge, as the dialog shows them.
fn run(request: &ImportRequest) -> ImportReply {
    let region = Some(request.region.trim().to_ascii_lowercase()).filter(|r| !r.is_empty());
    match import(&request.files, &ImportOptions { region }) {
        Err(e) => nothing(&e.to_string()),
        Ok(imported) => {
            let merged = merge::merge(&request.open, &imported.plan);
            let summary = format!("Imported from Azure: {}.", merged.summary());
            let mut report = imported.report.render();
            report.push_str(&format!("\n{summary}\n"));
            for (from, to) in &merged.renamed {
                report.push_str(&format!("{from} is {to} in the plan (its id was taken)\n"));
            }
            ImportReply {
                plan: Some(merged.plan),
                report,
                summary,
            }
        }
    }
}

/// A reply that imports nothing, saying why.
fn nothing(why: &str) -> ImportReply {
    ImportReply {
        plan: None,
        report: format!("Nothing was imported: {why}. The open plan is unchanged."),
        summary: String::new(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;
    use crate::engine::read_plan;

    const HUB: &str = r#"{"type": "Microsoft.Network/virtualNetworks", "name": "hub",
      "id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/hub",
      "location": "West Europe",
      "properties": {"addressSpace": {"addressPrefixes": ["10.0.0.0/16"]}}}"#;

    fn open() -> Plan {
        read_plan(
            r#"{"reachplan": 1, "nodes": [{"id": "hq", "kind": "site",
              "address_space": ["192.168.0.0/16"]}], "links": []}"#,
        )
        .unwrap()
    }

    fn reply(request: &ImportRequest) -> ImportReply {
        let text = serde_json::to_string(request).unwrap();
        serde_json::from_str(&import_into(&text)).unwrap()
    }

    #[test]
    fn an_import_merges_into_the_open_plan_and_says_so() {
        let got = reply(&ImportRequest {
            open: open(),
            files: vec![("hub.json".into(), HUB.into())],
            region: String::new(),
        });
        let plan = got.plan.expect("a plan");
        let ids: Vec<&str> = plan.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["hq", "hub"], "the hand-drawn node stays");
        assert_eq!(
            got.summary,
            "Imported from Azure: 1 node added, 0 nodes updated; 0 links added, 0 links updated."
        );
        assert!(
            got.report.contains("hub.json") && got.report.ends_with(&format!("{}\n", got.summary))
        );
    }

    #[test]
    fn unreadable_json_imports_nothing_and_names_the_file() {
        let got = reply(&ImportRequest {
            open: open(),
            files: vec![("pasted JSON".into(), "{\"data\": [ not json".into())],
            region: " WestEurope ".into(),
        });
        assert_eq!(got.plan, None);
        assert!(got
            .report
            .starts_with("Nothing was imported: pasted JSON: at .: not JSON"));
        assert!(got.report.ends_with("The open plan is unchanged."));
    }

    #[test]
    fn a_request_that_cannot_be_read_is_a_reply_not_a_panic() {
        let got: ImportReply = serde_json::from_str(&import_into("{not a request")).unwrap();
        assert_eq!(got.plan, None);
        assert!(
            got.report.contains("the request could not be read"),
            "{}",
            got.report
        );
        assert!(export("[]").unwrap_err().contains("could not be read"));
    }

    #[test]
    fn the_export_is_the_cli_s_with_the_same_assumptions() {
        let text = std::fs::read_to_string("www/examples/hub-spoke-firewall.json").unwrap();
        let plan = read_plan(&text).unwrap();
        let assumptions = crate::engine::analyze(&plan).assumptions;
        for (format, expected) in [
            (Format::Bicep, crate::export::bicep(&plan, &assumptions)),
            (Format::Arm, crate::export::arm(&plan, &assumptions)),
        ] {
            let request = ExportRequest::new(&plan, &assumptions, format);
            let got = export(&serde_json::to_string(&request).unwrap()).unwrap();
            assert_eq!(got, expected, "{format:?}");
        }
    }
}
