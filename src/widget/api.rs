//! The widget's JavaScript surface, called by `www/reach-plan.js`: [`mount`] renders a widget
//! into an element and returns its [`Handle`].
//!
//! Plans cross as JavaScript objects (the plan file's JSON, parsed by the page) through
//! serde-wasm-bindgen, and so does the analysis; the JSON text reader and the share-link codec
//! stay out of the widget's build (the loader parses JSON and opens share links itself).

use std::rc::Rc;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::AppHandle;

use super::bridge::{Bridge, BridgeRef, Hooks};
use super::model::{Mode, Msg};
use super::view::{Widget, WidgetProps};
use crate::engine::{analyze, format, Plan};
use crate::ui::state::{Action, Selection};

/// One widget on the page, as its element's script sees it.
#[wasm_bindgen]
pub struct Handle {
    bridge: Rc<Bridge>,
    app: Option<AppHandle<Widget>>,
}

/// Reads a plan from the object `JSON.parse` made of a plan file, with the reader's checks.
fn read(value: JsValue) -> Result<Plan, JsValue> {
    let plan: Plan =
        serde_wasm_bindgen::from_value(value).map_err(|e| JsValue::from_str(&e.to_string()))?;
    format::check(&plan).map_err(|p| JsValue::from_str(&p.to_string()))?;
    Ok(plan)
}

/// A value as the object `JSON.parse` would make of its JSON.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

fn hook(hooks: &js_sys::Object, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(hooks, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
}

fn pair(focus: &str) -> Option<(String, String)> {
    let (from, to) = focus.split_once(',')?;
    Some((from.trim().to_string(), to.trim().to_string()))
}

/// Renders a widget into `root` showing `plan` (a parsed plan file) in `mode` (`view` or
/// `edit`), with the pair `focus` (`"from,to"`, or empty) selected. `hooks` may hold the
/// functions `ready()` (the matrix is on screen), `change(modified)` (the plan changed;
/// `modified`: it differs from the page's plan) and `open()` (the reader asked to open the
/// plan in the full planner; without it there is no such button). Fails with a sentence naming
/// the place when `plan` is not a plan.
#[wasm_bindgen]
pub fn mount(
    root: web_sys::Element,
    plan: JsValue,
    mode: &str,
    focus: &str,
    hooks: &js_sys::Object,
) -> Result<Handle, JsValue> {
    let plan = Rc::new(read(plan)?);
    let hooks = Hooks {
        ready: hook(hooks, "ready"),
        change: hook(hooks, "change"),
        open: hook(hooks, "open"),
    };
    let bridge = Rc::new(Bridge::new(plan.clone(), hooks));
    let props = WidgetProps {
        bridge: BridgeRef(bridge.clone()),
        mode: Mode::parse(mode),
        plan,
        focus: pair(focus),
    };
    let app = yew::Renderer::<Widget>::with_root_and_props(root, props).render();
    Ok(Handle {
        bridge,
        app: Some(app),
    })
}

#[wasm_bindgen]
impl Handle {
    /// The present plan, as `JSON.parse` makes it of the plan file.
    pub fn plan(&self) -> Result<JsValue, JsValue> {
        to_js(&*self.bridge.plan())
    }

    /// Shows another plan (a parsed plan file); it becomes the plan that reset restores.
    /// Fails, keeping the present plan, when `plan` is not a plan.
    #[wasm_bindgen(js_name = setPlan)]
    pub fn set_plan(&self, plan: JsValue) -> Result<(), JsValue> {
        let plan = read(plan)?;
        self.bridge.send(Msg::Replace(Rc::new(plan)));
        Ok(())
    }

    /// The analysis of the present plan: endpoints, pairs, findings, assumptions and intents
    /// with their verdicts, in the shape of the CLI's `check --json`.
    pub fn analysis(&self) -> Result<JsValue, JsValue> {
        match self.bridge.analysis() {
            Some(a) => to_js(&*a),
            None => to_js(&analyze(&self.bridge.plan())),
        }
    }

    /// Back to the plan the page gave.
    pub fn reset(&self) {
        self.bridge.send(Msg::Reset);
    }

    /// Selects a pair of endpoints (its path and explanation are shown).
    pub fn select(&self, from: &str, to: &str) {
        self.bridge.send(Msg::Do(Action::Select(Selection::Pair {
            from: from.to_string(),
            to: to.to_string(),
        })));
    }

    /// Removes the widget from its element.
    pub fn destroy(&mut self) {
        self.bridge.disconnect();
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}
