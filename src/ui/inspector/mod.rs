//! The inspector: edits every field of plan format v1 for the selected node or link, or the
//! plan's own fields when nothing is selected, offering only valid choices.

pub mod draft;
pub mod fields;
pub mod kinds;
pub mod link;
pub mod node;
pub mod p2s;
pub mod plan;
pub mod several;
pub mod vnet;

use serde::de::DeserializeOwned;
use serde::Serialize;
use yew::prelude::*;

use crate::engine::model::Node;
use crate::ui::state::Action;

/// The name an enum value has in the plan file (`VpnGw1AZ`, `route_based`, ...).
pub fn enum_name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The enum value with this name in the plan file.
pub fn enum_parse<T: DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
}

/// Select options from enum values, labelled with their names in the file.
pub fn enum_options<T: Serialize>(values: &[T]) -> Vec<(AttrValue, AttrValue)> {
    values
        .iter()
        .map(|v| {
            let name = enum_name(v);
            (AttrValue::from(name.clone()), AttrValue::from(name))
        })
        .collect()
}

/// A tri-state choice for an optional flag: not set, yes, no.
pub fn flag_options() -> Vec<(AttrValue, AttrValue)> {
    vec![("true".into(), "yes".into()), ("false".into(), "no".into())]
}

/// An optional flag as a select value.
pub fn flag_value(v: Option<bool>) -> AttrValue {
    match v {
        Some(true) => "true".into(),
        Some(false) => "false".into(),
        None => "".into(),
    }
}

/// A select value back to an optional flag.
pub fn parse_flag(v: &str) -> Option<bool> {
    match v {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// Builds callbacks that edit one node and send the edited node up.
#[derive(Clone)]
pub struct NodeEditor {
    /// The node as it is.
    pub node: Node,
    /// Where the edit goes.
    pub on_action: Callback<Action>,
}

impl NodeEditor {
    /// A callback that applies `f` with the value it receives.
    pub fn set<T: 'static>(&self, f: impl Fn(&mut Node, T) + 'static) -> Callback<T> {
        let node = self.node.clone();
        let on_action = self.on_action.clone();
        Callback::from(move |value: T| {
            let mut next = node.clone();
            f(&mut next, value);
            on_action.emit(Action::UpdateNode(node.id.clone(), next));
        })
    }

    /// An element id for a field of this node.
    pub fn id(&self, field: &str) -> AttrValue {
        AttrValue::from(format!("f-{field}"))
    }
}
