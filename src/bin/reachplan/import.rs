//! `reachplan import FILE...`: Azure resources, templates and Terraform plans read from disk
//! and handed to the pure importer; the plan on standard output (or `-o`), the report on
//! standard error (and as JSON with `--report`).

use std::path::{Path, PathBuf};

use reachplan::engine;
use reachplan::import::merge::merge;
use reachplan::import::{import, ImportOptions};

use crate::{out, read_text, shown};

/// Runs the import: exit 0 when every file was read, 2 when a file or value could not be read
/// (the plan of the rest is still written) or when nothing could be imported.
pub fn run(
    files: &[PathBuf],
    region: Option<String>,
    output: Option<&Path>,
    report: Option<&Path>,
    into: Option<&Path>,
) -> Result<u8, String> {
    // The open plan is read first: one that cannot be read stops the import, untouched.
    let open = into.map(crate::load).transpose()?;
    let mut texts = Vec::new();
    for path in files {
        let shown = shown(path);
        let text = read_text(path, &shown)?;
        texts.push((shown, text));
    }
    let mut imported = import(&texts, &ImportOptions { region }).map_err(|e| e.to_string())?;
    let mut err = imported.report.render();
    if let Some(path) = report {
        let json = serde_json::to_string_pretty(&imported.report)
            .map_err(|e| format!("cannot write the report: {e}"))?;
        write(path, &(json + "\n"))?;
    }
    if let Some((_, plan)) = &open {
        let merged = merge(plan, &imported.plan);
        err.push_str(&format!("merged: {}\n", merged.summary()));
        for (from, to) in &merged.renamed {
            err.push_str(&format!("{from} is {to} in the plan (its id was taken)\n"));
        }
        imported.plan = merged.plan;
    }
    match (output, into) {
        (Some(path), _) | (None, Some(path)) => write(path, &engine::write_plan(&imported.plan))?,
        (None, None) => out::json(&imported.plan)?,
    }
    let (nodes, links) = (imported.plan.nodes.len(), imported.plan.links.len());
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    err.push_str(&format!(
        "{nodes} node{}, {links} link{}\n",
        plural(nodes),
        plural(links)
    ));
    out::report(&err);
    Ok(if imported.report.has_problems() { 2 } else { 0 })
}

/// Writes through a temporary file beside `path`, renamed over it: a plan written back into
/// its own file is never left half written.
fn write(path: &Path, text: &str) -> Result<(), String> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".reachplan-tmp");
    let temporary = PathBuf::from(temporary);
    std::fs::write(&temporary, text)
        .and_then(|()| std::fs::rename(&temporary, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&temporary);
            format!("cannot write {}: {e}", shown(path))
        })
}
