//! ARM templates: parameters (a parameters file's values, else the defaults), variables, the
//! resources with their expressions evaluated (`expr`), `condition`, `copy` loops of resources
//! and of properties, nested child resources and nested inline deployments. What cannot be
//! evaluated becomes an unknown value with its reason, reported at its JSON path.
//!
//! Source: <https://learn.microsoft.com/azure/azure-resource-manager/templates/syntax>,
//! <https://learn.microsoft.com/azure/azure-resource-manager/templates/copy-resources>,
//! <https://learn.microsoft.com/azure/azure-resource-manager/templates/parameter-files>.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::expr::{self, Eval, Unknown};
use super::report::{ImportReport, NoteKind};
use super::resource::{Resource, UNKNOWN};
use super::shape;

mod copies;
mod scope;

/// The most resources one `copy` loop makes.
const MAX_COPY: i64 = 800;

/// The most items all the `copy` loops of a template make together (resources and property
/// items): loops inside loops multiply, and a template is untrusted text.
const MAX_COPIES: usize = 20_000;

/// The longest chain of parameters and variables that refer to each other.
const MAX_CHAIN: usize = 64;

/// A template being evaluated.
struct Template<'a> {
    file: &'a str,
    doc: &'a Value,
    given: Map<String, Value>,
    region: Option<String>,
    cache: HashMap<String, Eval>,
    busy: Vec<String>,
    loops: Vec<(String, i64)>,
    notes: Vec<(NoteKind, String, String)>,
    mapped: fn(&str) -> bool,
    region_used: bool,
    /// How many more items `copy` loops may make.
    copies: usize,
}

/// The resources of a template, given the values of a parameters file (its `parameters`
/// object) and the region of the deployment.
pub(crate) fn resources(
    file: &str,
    doc: &Value,
    given: Option<&Value>,
    region: Option<&str>,
    mapped: fn(&str) -> bool,
    report: &mut ImportReport,
) -> Vec<Resource> {
    let context = Context {
        file,
        region,
        mapped,
    };
    run(&context, doc, given, MAX_COPIES, report).0
}

/// What a template and the templates nested in it share.
struct Context<'a> {
    file: &'a str,
    region: Option<&'a str>,
    mapped: fn(&str) -> bool,
}

/// The resources of a template and how many more items copy loops may still make.
fn run(
    context: &Context,
    doc: &Value,
    given: Option<&Value>,
    copies: usize,
    report: &mut ImportReport,
) -> (Vec<Resource>, usize) {
    let Context {
        file,
        region,
        mapped,
    } = *context;
    let given = given
        .and_then(|g| g.get("parameters"))
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut t = Template {
        file,
        doc,
        given,
        region: region.map(str::to_string),
        cache: HashMap::new(),
        busy: Vec::new(),
        loops: Vec::new(),
        notes: Vec::new(),
        mapped,
        region_used: false,
        copies,
    };
    let mut out = Vec::new();
    t.list(doc.get("resources"), "resources", None, &mut out, report);
    if let Some(region) = t.region.as_ref().filter(|_| t.region_used) {
        let message =
            format!("resourceGroup().location is the deployment's; {region} (--region) taken");
        report.note(NoteKind::Defaulted, file, ".", message);
    }
    for (kind, path, message) in std::mem::take(&mut t.notes) {
        if kind == NoteKind::Unknown && !read(&path) {
            continue;
        }
        report.note(kind, file, &path, message);
    }
    (out, t.copies)
}

/// Parts of a resource the plan never reads: an unknown value there is not worth a note
/// (subnets, secrets, certificates, BGP peering addresses, peering VLANs and prefixes).
const NOT_READ: &[&str] = &[
    ".subnets[",
    "sharedkey",
    "certificates",
    ".aad",
    "radius",
    "bgppeeringaddress",
    "peeraddressprefix",
    "vlanid",
    "peerasn",
    "publicipaddress",
    ".tags",
    "authorizationkey",
    "ipsecpolicies",
];

/// Whether the mapping may read the value at this path.
fn read(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    !NOT_READ.iter().any(|p| lower.contains(p))
}

impl Template<'_> {
    /// The resources of a `resources` array (or a symbolic-name object).
    fn list(
        &mut self,
        list: Option<&Value>,
        path: &str,
        parent: Option<&Resource>,
        out: &mut Vec<Resource>,
        report: &mut ImportReport,
    ) {
        let items: Vec<(String, &Value)> = match list {
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("{path}[{i}]"), v))
                .collect(),
            Some(Value::Object(map)) => map
                .iter()
                .map(|(k, v)| (format!("{path}.{k}"), v))
                .collect(),
            _ => Vec::new(),
        };
        for (at, item) in items {
            self.resource(&at, item, parent, out, report);
        }
    }

    /// One resource, as many times as its `copy` says.
    fn resource(
        &mut self,
        path: &str,
        item: &Value,
        parent: Option<&Resource>,
        out: &mut Vec<Resource>,
        report: &mut ImportReport,
    ) {
        let Some(copy) = item.get("copy") else {
            return self.one(path, item, parent, out, report);
        };
        let name = copy
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("copy")
            .to_string();
        let count = match copy
            .get("count")
            .map(|c| self.value(c, &format!("{path}.copy.count")))
        {
            Some(Value::Number(n)) => n.as_i64().unwrap_or(0),
            Some(Value::String(s)) => s.parse().unwrap_or(-1),
            _ => -1,
        };
        if !(0..=MAX_COPY).contains(&count) {
            let message =
                format!("the copy loop's count is not known (or above {MAX_COPY}); left out");
            self.notes
                .push((NoteKind::Unknown, format!("{path}.copy.count"), message));
            return;
        }
        for i in 0..count {
            if !self.spend(path) {
                return;
            }
            self.loops.push((name.clone(), i));
            self.one(&format!("{path}[copy {i}]"), item, parent, out, report);
            self.loops.pop();
        }
    }

    fn one(
        &mut self,
        path: &str,
        item: &Value,
        parent: Option<&Resource>,
        out: &mut Vec<Resource>,
        report: &mut ImportReport,
    ) {
        let Some(map) = item.as_object() else {
            let message = "not a resource (an object)".to_string();
            self.notes
                .push((NoteKind::Problem, path.to_string(), message));
            return;
        };
        if let Some(cond) = map.get("condition") {
            if matches!(
                self.value(cond, &format!("{path}.condition")),
                Value::Bool(false)
            ) {
                return;
            }
        }
        let rtype = map.get("type").map(|t| self.value(t, path));
        let rtype = rtype
            .as_ref()
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let full = match parent {
            Some(p) if !rtype.contains('/') => format!("{}/{rtype}", p.rtype),
            _ => rtype.clone(),
        };
        if full.eq_ignore_ascii_case("Microsoft.Resources/deployments") {
            return self.deployment(path, map, out, report);
        }
        let keep = (self.mapped)(&full.to_ascii_lowercase());
        let mut evaluated = Map::new();
        for (k, v) in map {
            if matches!(k.as_str(), "copy" | "condition" | "dependsOn" | "resources") {
                continue;
            }
            let at = format!("{path}.{k}");
            let value = if keep {
                self.value(v, &at)
            } else {
                let before = self.notes.len();
                let value = self.value(v, &at);
                self.notes.truncate(before);
                value
            };
            evaluated.insert(k.clone(), value);
        }
        let name = evaluated.get("name").and_then(Value::as_str).unwrap_or("");
        if let Some(why) = name.strip_prefix(UNKNOWN) {
            let message = format!("the resource's name cannot be evaluated ({why}); left out");
            self.notes
                .push((NoteKind::Problem, format!("{path}.name"), message));
            return;
        }
        let at = out.len();
        let mut quiet = ImportReport::default();
        shape::push(
            self.file,
            path,
            &Value::Object(evaluated),
            parent,
            out,
            &mut quiet,
        );
        report.notes.extend(quiet.notes);
        if let (Some(children), Some(me)) = (map.get("resources"), out.get(at).cloned()) {
            self.list(
                Some(children),
                &format!("{path}.resources"),
                Some(&me),
                out,
                report,
            );
        }
    }

    /// A nested deployment: its inline template's resources, in this template's scope
    /// (`outer`, the default) or in its own with the parameters the deployment passes.
    fn deployment(
        &mut self,
        path: &str,
        map: &Map<String, Value>,
        out: &mut Vec<Resource>,
        report: &mut ImportReport,
    ) {
        let props = map.get("properties");
        let Some(inner) = props.and_then(|p| p.get("template")) else {
            let message = "a linked template (templateLink) is not in the input".to_string();
            self.notes
                .push((NoteKind::Unknown, format!("{path}.properties"), message));
            return;
        };
        let scope = props
            .and_then(|p| super::resource::at(p, "expressionEvaluationOptions/scope"))
            .and_then(Value::as_str)
            .unwrap_or("outer");
        let at = format!("{path}.properties.template.resources");
        if !scope.eq_ignore_ascii_case("inner") {
            return self.list(inner.get("resources"), &at, None, out, report);
        }
        let passed = props
            .and_then(|p| p.get("parameters"))
            .cloned()
            .unwrap_or_default();
        let passed = self.value(&passed, &format!("{path}.properties.parameters"));
        let given = serde_json::json!({ "parameters": passed });
        let context = Context {
            file: self.file,
            region: self.region.as_deref(),
            mapped: self.mapped,
        };
        let (mut nested, left) = run(&context, inner, Some(&given), self.copies, report);
        self.copies = left;
        for r in &mut nested {
            r.path = format!("{at}{}", r.path.trim_start_matches("resources"));
        }
        out.extend(nested);
    }

    /// A value with every expression in it evaluated; property `copy` loops expanded.
    fn value(&mut self, v: &Value, path: &str) -> Value {
        match v {
            Value::String(s) => match expr::string(s, self) {
                Ok(value) => value,
                Err(Unknown(why)) => {
                    self.notes
                        .push((NoteKind::Unknown, path.to_string(), why.clone()));
                    Value::String(format!("{UNKNOWN}{why}"))
                }
            },
            Value::Array(items) => Value::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, x)| self.value(x, &format!("{path}[{i}]")))
                    .collect(),
            ),
            Value::Object(map) => {
                let mut out = Map::new();
                for (k, x) in map {
                    if k == "copy" && x.is_array() {
                        self.property_copies(x, path, &mut out);
                    } else {
                        out.insert(k.clone(), self.value(x, &format!("{path}.{k}")));
                    }
                }
                Value::Object(out)
            }
            other => other.clone(),
        }
    }
}
