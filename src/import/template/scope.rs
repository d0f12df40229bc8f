//! What a template's expressions ask of it: its parameters (a parameters file's values, else
//! the defaults), its variables, the index of the copy loop under way, the region.

use serde_json::{Map, Value};

use super::super::expr::{Eval, Scope, Unknown};
use super::Template;

impl Template<'_> {
    /// A parameter's or variable's value, evaluated once.
    fn lookup(&mut self, kind: &str, name: &str) -> Eval {
        let key = format!("{kind}:{}", name.to_ascii_lowercase());
        if let Some(v) = self.cache.get(&key) {
            return v.clone();
        }
        if self.busy.contains(&key) {
            return Err(Unknown(format!("{kind}('{name}') refers to itself")));
        }
        if self.busy.len() >= super::MAX_CHAIN {
            return Err(Unknown(format!(
                "{kind}('{name}') is reached through more than {} parameters and variables",
                super::MAX_CHAIN
            )));
        }
        self.busy.push(key.clone());
        let result = if kind == "parameters" {
            self.parameter_value(name)
        } else {
            self.variable_value(name)
        };
        self.busy.pop();
        self.cache.insert(key, result.clone());
        result
    }

    fn parameter_value(&mut self, name: &str) -> Eval {
        let find = |map: Option<&Map<String, Value>>| {
            map.and_then(|m| {
                m.iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(name))
                    .map(|(_, v)| v.clone())
            })
        };
        if let Some(given) = find(Some(&self.given)) {
            if let Some(v) = given.get("value") {
                return Ok(v.clone());
            }
            if given.get("reference").is_some() {
                return Err(Unknown(format!("parameter {name} comes from a key vault")));
            }
        }
        let declared = find(self.doc.get("parameters").and_then(Value::as_object));
        match declared.as_ref().and_then(|d| d.get("defaultValue")) {
            Some(default) => self.evaluated(default),
            None => Err(Unknown(format!(
                "parameter {name} has no default and no parameters file gives it"
            ))),
        }
    }

    fn variable_value(&mut self, name: &str) -> Eval {
        let vars = self.doc.get("variables").and_then(Value::as_object);
        let found = vars.and_then(|m| {
            m.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        });
        if let Some(v) = found {
            return self.evaluated(&v);
        }
        // `"variables": {"copy": [{"name": "x", "count": n, "input": ...}]}` declares `x`.
        let looped = vars
            .and_then(|m| m.get("copy"))
            .and_then(Value::as_array)
            .and_then(|loops| {
                loops.iter().find(|c| {
                    c.get("name")
                        .and_then(Value::as_str)
                        .is_some_and(|n| n.eq_ignore_ascii_case(name))
                })
            })
            .cloned();
        let Some(looped) = looped else {
            return Err(Unknown(format!("variables('{name}') is not declared")));
        };
        let key = looped.get("name").cloned().unwrap_or_default();
        let made = self.evaluated(&serde_json::json!({ "copy": [looped] }))?;
        Ok(key
            .as_str()
            .and_then(|k| made.get(k))
            .cloned()
            .unwrap_or(Value::Null))
    }

    /// A value evaluated without notes: an unknown part makes the whole unknown.
    fn evaluated(&mut self, v: &Value) -> Eval {
        let before = self.notes.len();
        let value = self.value(v, "");
        let why = self.notes.get(before).map(|(_, _, m)| m.clone());
        self.notes.truncate(before);
        match why {
            Some(why) => Err(Unknown(why)),
            None => Ok(value),
        }
    }
}

impl Scope for Template<'_> {
    fn parameter(&mut self, name: &str) -> Eval {
        self.lookup("parameters", name)
    }

    fn variable(&mut self, name: &str) -> Eval {
        self.lookup("variables", name)
    }

    fn copy_index(&self, name: Option<&str>) -> Eval {
        let found = match name {
            Some(n) => self
                .loops
                .iter()
                .rev()
                .find(|(l, _)| l.eq_ignore_ascii_case(n)),
            None => self.loops.last(),
        };
        found
            .map(|(_, i)| Value::from(*i))
            .ok_or_else(|| Unknown("copyIndex() outside a copy loop".into()))
    }

    fn region(&mut self) -> Option<String> {
        let region = self.region.clone()?;
        self.region_used = true;
        Some(region)
    }
}
