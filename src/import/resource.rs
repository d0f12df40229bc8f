//! One Azure resource as every input shape is reduced to it (ARM's own JSON shape), and the
//! readers of its values that forgive what real exports and templates write: booleans as
//! strings, numbers as strings, display-name regions.

use serde_json::Value;

use super::ids;

/// The prefix of a string that stands for a value the import could not know (a template's
/// `reference()` to a resource deployed with it, a Terraform value known after apply): the
/// rest of the string says why. Readers treat it as absent; the report says it once.
pub(crate) const UNKNOWN: &str = "\u{1}unknown:";

/// One resource in ARM's shape: `type`, `name`, `id`, `location`, `properties`, `sku`.
#[derive(Debug, Clone)]
pub(crate) struct Resource {
    /// The file it came from.
    pub file: String,
    /// Its JSON path in that file (`value[3]`, `resources[2]`).
    pub path: String,
    /// The resource type as written, e.g. `Microsoft.Network/virtualNetworks`.
    pub rtype: String,
    /// Its full name, segments joined by `/` for a child (`hub/hub-to-spoke`).
    pub name: String,
    /// Its resource id (given, or built from the type and name).
    pub id: String,
    /// The whole object.
    pub body: Value,
}

impl Resource {
    /// The type in lower case, for matching.
    pub fn kind(&self) -> String {
        self.rtype.to_ascii_lowercase()
    }

    /// The last segment of the name (a child's own name).
    pub fn short_name(&self) -> &str {
        self.name.rsplit('/').next().unwrap_or(&self.name)
    }

    /// The value at a `/`-separated path under the resource (`properties/addressSpace`).
    pub fn at(&self, path: &str) -> Option<&Value> {
        at(&self.body, path)
    }

    /// The string at a path, unless it is unknown.
    pub fn text(&self, path: &str) -> Option<&str> {
        text(self.at(path)?)
    }

    /// The boolean at a path: `true`, `"true"`, `"True"`, `"Enabled"`.
    pub fn flag(&self, path: &str) -> Option<bool> {
        flag(self.at(path)?)
    }

    /// The whole number at a path, also when written as a string.
    pub fn number(&self, path: &str) -> Option<u64> {
        number(self.at(path)?)
    }

    /// The `id` of a reference object at a path (`{"id": "/subscriptions/…"}`), or a string.
    pub fn reference(&self, path: &str) -> Option<String> {
        let v = self.at(path)?;
        let id = match v {
            Value::Object(_) => v.get("id").and_then(text),
            _ => text(v),
        }?;
        Some(id.to_string())
    }

    /// The Azure region, normalised (`East US` → `eastus`).
    pub fn region(&self) -> Option<String> {
        self.text("location").map(region)
    }

    /// Every string of a list at a path (strings that are unknown left out).
    pub fn strings(&self, path: &str) -> Vec<String> {
        match self.at(path) {
            Some(Value::Array(items)) => {
                items.iter().filter_map(text).map(str::to_string).collect()
            }
            Some(v) => text(v).map(|s| vec![s.to_string()]).unwrap_or_default(),
            None => Vec::new(),
        }
    }

    /// The key that matches this resource to references: lower-case type and name.
    pub fn key(&self) -> String {
        ids::key(&self.rtype, &self.name)
    }
}

/// The value at a `/`-separated path; a numeric segment indexes an array.
pub(crate) fn at<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    let mut v = value;
    for step in path.split('/').filter(|s| !s.is_empty()) {
        v = match v {
            Value::Array(items) => items.get(step.parse::<usize>().ok()?)?,
            Value::Object(map) => match map.get(step) {
                Some(found) => found,
                // Exports differ in the case of property names now and then.
                None => map
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(step))
                    .map(|(_, v)| v)?,
            },
            _ => return None,
        };
    }
    Some(v)
}

/// A string that is known.
pub(crate) fn text(value: &Value) -> Option<&str> {
    value.as_str().filter(|s| !s.starts_with(UNKNOWN))
}

/// A boolean, also written as a string (`"true"`, `"False"`, `"Enabled"`, `"Disabled"`).
pub(crate) fn flag(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "enabled" | "yes" => Some(true),
            "false" | "disabled" | "no" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// A non-negative whole number, also written as a string.
pub(crate) fn number(value: &Value) -> Option<u64> {
    match value {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A region's programmatic name: the known region a display name names (`East US` →
/// `eastus`), otherwise the text in lower case without spaces.
pub(crate) fn region(text: &str) -> String {
    match crate::engine::geo::region(text) {
        Some(r) => r.name.to_string(),
        None => text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase(),
    }
}
