//! "Import from Azure…" and "Export as Bicep": Azure's JSON of a network (resources, Resource
//! Graph output, templates) read in the page and merged into the open plan as one undo step,
//! with the import's report; the plan's Azure resources downloaded as a Bicep file. Nothing is
//! sent anywhere.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use yew::prelude::*;

use crate::engine::Plan;
use crate::import::{import, merge, ImportOptions};
use crate::ui::answers::Answers;
use crate::ui::export;
use crate::ui::state::{Action, Notice};

/// The inputs.
#[derive(Properties, PartialEq)]
pub struct AzureProps {
    /// The open plan.
    pub plan: Rc<Plan>,
    /// Its answers (their assumptions go into the Bicep file's header).
    pub answers: Answers,
    /// Where actions go.
    pub on_action: Callback<Action>,
}

/// What the last import said.
#[derive(Clone, PartialEq, Default)]
struct Outcome {
    /// The report, as text.
    report: String,
    /// Whether nothing was imported (the open plan is unchanged).
    failed: bool,
}

/// Files being read: their names and texts, and the readers still at work.
type Reading = Rc<RefCell<(Vec<(String, String)>, usize, Vec<FileReader>)>>;

/// Imports the files into the open plan: the action that merges them (one undo step), and
/// what to show.
fn run(plan: &Plan, files: &[(String, String)], region: &str) -> (Option<Action>, Outcome) {
    let region = Some(region.trim().to_ascii_lowercase()).filter(|r| !r.is_empty());
    match import(files, &ImportOptions { region }) {
        Err(e) => {
            let report = format!("Nothing was imported: {e}. The open plan is unchanged.");
            (
                None,
                Outcome {
                    report,
                    failed: true,
                },
            )
        }
        Ok(imported) => {
            let merged = merge::merge(plan, &imported.plan);
            let summary = format!("Imported from Azure: {}.", merged.summary());
            let mut report = imported.report.render();
            report.push_str(&format!("\n{summary}\n"));
            for (from, to) in &merged.renamed {
                report.push_str(&format!("{from} is {to} in the plan (its id was taken)\n"));
            }
            let action = Action::Load(merged.plan, Some(Notice::info(summary)));
            (
                Some(action),
                Outcome {
                    report,
                    failed: false,
                },
            )
        }
    }
}

/// The two buttons and the import dialog.
#[function_component(AzureTools)]
pub fn azure_tools(props: &AzureProps) -> Html {
    let open = use_state(|| false);
    let outcome = use_state(Outcome::default);
    let pasted = use_state(String::new);
    let region = use_state(String::new);
    let reading: Reading = use_mut_ref(|| (Vec::new(), 0, Vec::new()));
    // Runs the import over files read (or pasted) and shows the outcome.
    let finish = {
        let plan = props.plan.clone();
        let on_action = props.on_action.clone();
        let outcome = outcome.clone();
        let region = region.clone();
        Callback::from(move |files: Vec<(String, String)>| {
            let (action, shown) = run(&plan, &files, &region);
            if let Some(action) = action {
                on_action.emit(action);
            }
            outcome.set(shown);
        })
    };
    let read_files = {
        let reading = reading.clone();
        let finish = finish.clone();
        move |list: web_sys::FileList| {
            let files: Vec<gloo::file::File> = (0..list.length())
                .filter_map(|i| list.get(i))
                .map(gloo::file::File::from)
                .collect();
            if files.is_empty() {
                return;
            }
            *reading.borrow_mut() = (Vec::new(), files.len(), Vec::new());
            for file in files {
                let name = file.name();
                let reading_done = reading.clone();
                let finish = finish.clone();
                let task = gloo::file::callbacks::read_as_text(&file, move |result| {
                    let mut state = reading_done.borrow_mut();
                    // A file that cannot be read is handed over empty: the import names it.
                    state.0.push((name, result.unwrap_or_default()));
                    if state.0.len() == state.1 {
                        let files = std::mem::take(&mut state.0);
                        drop(state);
                        finish.emit(files);
                    }
                });
                reading.borrow_mut().2.push(task);
            }
        }
    };
    let on_choose = {
        let read_files = read_files.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                read_files(list);
            }
            input.set_value("");
        })
    };
    let on_drop = Callback::from(move |e: DragEvent| {
        e.prevent_default();
        if let Some(list) = e.data_transfer().and_then(|d| d.files()) {
            read_files(list);
        }
    });
    let on_drag_over = Callback::from(|e: DragEvent| e.prevent_default());
    let on_paste_input = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            let area: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
            pasted.set(area.value());
        })
    };
    let on_region = {
        let region = region.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            region.set(input.value());
        })
    };
    let on_import_pasted = {
        let pasted = pasted.clone();
        let finish = finish.clone();
        Callback::from(move |_: MouseEvent| {
            finish.emit(vec![("pasted JSON".to_string(), (*pasted).clone())]);
        })
    };
    let toggle = |value: bool| {
        let open = open.clone();
        let outcome = outcome.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(value);
            if value {
                outcome.set(Outcome::default());
            }
        })
    };
    let on_key = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                open.set(false);
            }
        })
    };
    let on_bicep = {
        let plan = props.plan.clone();
        let answers = props.answers.clone();
        Callback::from(move |_: MouseEvent| {
            let assumptions = match &answers {
                Answers::Full(analysis) => analysis.assumptions.clone(),
                Answers::Fast(_) => crate::engine::analyze(&plan).assumptions,
            };
            let stem = export::file_stem(plan.title.as_deref());
            let text = crate::export::bicep(&plan, &assumptions);
            export::download_text(&format!("{stem}.bicep"), "text/plain", &text);
        })
    };
    html! {
        <>
            <div class="toolbar azure-tools" role="toolbar" aria-label="Azure">
                <button type="button" id="import-azure" onclick={toggle(true)}
                    aria-haspopup="dialog">{"Import from Azure…"}</button>
                <button type="button" id="export-bicep" onclick={on_bicep}>{"Export as Bicep"}</button>
            </div>
            if *open {
                <div class="azure-backdrop">
                    <div class="azure-dialog" role="dialog" aria-modal="true" aria-labelledby="azure-title" onkeydown={on_key}>
                        <h2 id="azure-title">{"Import from Azure"}</h2>
                        <p>{"Azure's own JSON of a network: resources as the Azure CLI or the REST API list them (az network vnet list, az resource list, {\"value\": [...]}) or Resource Graph output. The files are read in this page: nothing is sent anywhere. What is imported is added to the open plan (what you drew stays); importing again updates what came from Azure. Undo takes it back. The report below says what became what and what was left out."}</p>
                        <div class="azure-drop" id="azure-drop" ondrop={on_drop} ondragover={on_drag_over}>
                            <label class="button" for="azure-files">{"Choose files…"}</label>
                            <input type="file" id="azure-files" class="sr-only" multiple=true
                                accept=".json,application/json" onchange={on_choose} />
                            <span>{"or drop them here"}</span>
                        </div>
                        <label for="azure-paste">{"Or paste JSON:"}</label>
                        <textarea id="azure-paste" rows="5" spellcheck="false" value={(*pasted).clone()} oninput={on_paste_input} />
                        <div class="azure-row">
                            <label for="azure-region">{"Region for resources whose template leaves it to the deployment:"}</label>
                            <input id="azure-region" type="text" placeholder="westeurope" value={(*region).clone()} oninput={on_region} />
                        </div>
                        <div class="azure-row">
                            <button type="button" id="azure-import-pasted" onclick={on_import_pasted}
                                disabled={pasted.trim().is_empty()}>{"Import pasted JSON"}</button>
                            <button type="button" id="azure-close" onclick={toggle(false)}>{"Close"}</button>
                        </div>
                        if !outcome.report.is_empty() {
                            <pre id="azure-report" class={classes!("azure-report", outcome.failed.then_some("failed"))}
                                role="status">{ outcome.report.clone() }</pre>
                        }
                    </div>
                </div>
            }
        </>
    }
}
