//! "Import from Azure…" and "Export as Bicep": Azure's JSON of a network (resources, Resource
//! Graph output, templates) read in the page and merged into the open plan as one undo step,
//! with the import's report; the plan's Azure resources downloaded as a Bicep file. Nothing is
//! sent anywhere. Both run in the Azure module ([`crate::ui::azure`]), fetched when the dialog
//! opens or the export is asked for the first time ("Loading the importer…").

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::FileReader;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::engine::Plan;
use crate::handoff::{Format, ImportReply, ImportRequest};
use crate::ui::answers::Answers;
use crate::ui::state::{Action, Notice};
use crate::ui::{azure, export};

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

/// Whether the Azure module (the importer and the export) is there yet.
#[derive(Clone, PartialEq, Default)]
enum Module {
    /// Not asked for yet.
    #[default]
    Unloaded,
    /// Being fetched.
    Loading,
    /// Ready.
    Ready,
    /// It could not be loaded: why (the next use tries again).
    Failed(String),
}

/// Fetches the Azure module unless it is there or on its way, saying how it went in `module`.
fn fetch(module: &UseStateHandle<Module>) {
    if matches!(**module, Module::Loading | Module::Ready) {
        return;
    }
    module.set(Module::Loading);
    let module = module.clone();
    spawn_local(async move {
        module.set(match azure::load().await {
            Ok(()) => Module::Ready,
            Err(e) => Module::Failed(e),
        });
    });
}

/// What an import's reply (or why there was none) does: the action that merges it into the
/// open plan (one undo step), and what the dialog shows.
fn outcome(reply: Result<ImportReply, String>) -> (Option<Action>, Outcome) {
    let failed = |report: String| {
        (
            None,
            Outcome {
                report,
                failed: true,
            },
        )
    };
    match reply {
        Err(e) => failed(format!(
            "Nothing was imported: the importer could not be loaded or run ({e}). The open \
             plan is unchanged."
        )),
        Ok(ImportReply {
            plan: None, report, ..
        }) => failed(report),
        Ok(ImportReply {
            plan: Some(plan),
            report,
            summary,
        }) => (
            Some(Action::Load(plan, Some(Notice::info(summary)))),
            Outcome {
                report,
                failed: false,
            },
        ),
    }
}

/// The two buttons and the import dialog.
#[function_component(AzureTools)]
pub fn azure_tools(props: &AzureProps) -> Html {
    let open = use_state(|| false);
    let outcome = use_state(Outcome::default);
    let module = use_state(Module::default);
    let exporting = use_state(|| false);
    let pasted = use_state(String::new);
    let region = use_state(String::new);
    let reading: Reading = use_mut_ref(|| (Vec::new(), 0, Vec::new()));
    // Opening the dialog moves the focus into it (Escape closes it from there).
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with(*open, move |open| {
            if *open {
                if let Some(element) = dialog.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }
    // Runs the import over files read (or pasted) and shows the outcome.
    let finish = {
        let plan = props.plan.clone();
        let module = module.clone();
        let on_action = props.on_action.clone();
        let outcome = outcome.clone();
        let region = region.clone();
        Callback::from(move |files: Vec<(String, String)>| {
            let request = ImportRequest {
                open: (*plan).clone(),
                files,
                region: (*region).clone(),
            };
            let on_action = on_action.clone();
            let outcome = outcome.clone();
            let module = module.clone();
            spawn_local(async move {
                let reply = azure::import(&request).await;
                if reply.is_ok() {
                    module.set(Module::Ready);
                }
                let (action, shown) = self::outcome(reply);
                if let Some(action) = action {
                    on_action.emit(action);
                }
                outcome.set(shown);
            });
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
        let module = module.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(value);
            if value {
                outcome.set(Outcome::default());
                fetch(&module);
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
        let on_action = props.on_action.clone();
        let exporting = exporting.clone();
        let module = module.clone();
        Callback::from(move |_: MouseEvent| {
            if *exporting {
                return;
            }
            let assumptions = match &answers {
                Answers::Full(analysis) => analysis.assumptions.clone(),
                Answers::Fast(_) => crate::engine::analyze(&plan).assumptions,
            };
            exporting.set(true);
            let plan = plan.clone();
            let on_action = on_action.clone();
            let exporting = exporting.clone();
            let module = module.clone();
            spawn_local(async move {
                match azure::export(&plan, &assumptions, Format::Bicep).await {
                    Ok(text) => {
                        let stem = export::file_stem(plan.title.as_deref());
                        export::download_text(&format!("{stem}.bicep"), "text/plain", &text);
                        module.set(Module::Ready);
                    }
                    Err(e) => on_action.emit(Action::Notify(Some(Notice::error(format!(
                        "The Bicep file could not be made: the exporter could not be loaded or \
                         run ({e}). The plan is unchanged."
                    ))))),
                }
                exporting.set(false);
            });
        })
    };
    let export_label = match (*exporting, &*module) {
        (true, Module::Ready) => "Exporting…",
        (true, _) => "Loading the exporter…",
        (false, _) => "Export as Bicep",
    };
    html! {
        <>
            <div class="toolbar azure-tools" role="toolbar" aria-label="Azure">
                <button type="button" id="import-azure" onclick={toggle(true)}
                    aria-haspopup="dialog">{"Import from Azure…"}</button>
                <button type="button" id="export-bicep" onclick={on_bicep}
                    aria-busy={exporting.to_string()}>{ export_label }</button>
            </div>
            if *open {
                <div class="azure-backdrop">
                    <div class="azure-dialog" role="dialog" aria-modal="true" aria-labelledby="azure-title"
                        tabindex="-1" ref={dialog} onkeydown={on_key}>
                        <h2 id="azure-title">{"Import from Azure"}</h2>
                        { loading(&module) }
                        <p>{"Azure's own JSON of a network: resources as the Azure CLI or the REST API list them (az network vnet list, az resource list, {\"value\": [...]}), Resource Graph output, ARM templates with their parameters files, or a Terraform plan's JSON. The files are read in this page: nothing is sent anywhere. What is imported is added to the open plan (what you drew stays); importing again updates what came from Azure. Undo takes it back. The report below says what became what and what was left out."}</p>
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

/// What the dialog says while the importer is fetched, or when it could not be.
fn loading(module: &Module) -> Html {
    match module {
        Module::Loading => html! {
            <p id="azure-loading" class="azure-loading" role="status">{"Loading the importer…"}</p>
        },
        Module::Failed(e) => html! {
            <p id="azure-load-failed" class="error" role="alert">{ format!(
                "The importer could not be loaded ({e}). Importing tries again; the open plan \
                 is unchanged."
            ) }</p>
        },
        Module::Unloaded | Module::Ready => Html::default(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::engine::read_plan;

    #[test]
    fn a_reply_with_a_plan_loads_it_as_one_step_with_its_summary() {
        let plan = read_plan(r#"{"reachplan": 1, "nodes": [], "links": []}"#).unwrap();
        let (action, shown) = outcome(Ok(ImportReply {
            plan: Some(plan.clone()),
            report: "Imported (0):\n".into(),
            summary: "Imported from Azure: 0 nodes added.".into(),
        }));
        let notice = Notice::info("Imported from Azure: 0 nodes added.");
        assert_eq!(action, Some(Action::Load(plan, Some(notice))));
        assert!(!shown.failed);
        assert_eq!(shown.report, "Imported (0):\n");
    }

    #[test]
    fn no_plan_or_no_module_changes_nothing_and_says_why() {
        let (action, shown) = outcome(Ok(ImportReply {
            plan: None,
            report: "Nothing was imported: x. The open plan is unchanged.".into(),
            summary: String::new(),
        }));
        assert_eq!(action, None);
        assert!(shown.failed && shown.report.starts_with("Nothing was imported: x."));
        let (action, shown) = outcome(Err("Failed to fetch".into()));
        assert_eq!(action, None);
        assert!(shown.failed);
        assert!(shown
            .report
            .contains("could not be loaded or run (Failed to fetch)"));
        assert!(shown.report.ends_with("The open plan is unchanged."));
    }
}
