//! The ARM JSON rendering of a [`Template`]: what `bicep build` makes of the Bicep file, so
//! that the export can be imported again (and deployed without the Bicep tools).

use super::decl::{ParamDefault, ParamType, Template, Value};
use super::text::comment;

/// The ARM template as JSON text.
pub fn render(template: &Template) -> String {
    let mut params = Vec::new();
    for p in &template.params {
        let ty = match p.ty {
            ParamType::Text => "string",
            ParamType::Secret => "securestring",
            ParamType::Number => "int",
        };
        let mut fields = vec![("type".to_string(), Value::s(ty))];
        match &p.default {
            None => {}
            Some(ParamDefault::ResourceGroupLocation) => fields.push((
                "defaultValue".into(),
                Value::s("[resourceGroup().location]"),
            )),
            Some(ParamDefault::Value(v)) => {
                fields.push(("defaultValue".into(), literal(template, v)))
            }
        }
        let description = Value::obj([("description", Value::s(escape(&p.description)))]);
        fields.push(("metadata".into(), description));
        params.push((p.name.clone(), Value::Obj(fields)));
    }
    let resources = (0..template.resources.len()).map(|i| resource(template, i));
    let header: Vec<Value> = template
        .header
        .iter()
        .map(|l| Value::s(escape(&comment(l).join(" "))))
        .collect();
    let doc = Value::Obj(vec![
        (
            "$schema".into(),
            Value::s(
                "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
            ),
        ),
        ("contentVersion".into(), Value::s("1.0.0.0")),
        (
            "metadata".into(),
            Value::obj([("comments", Value::List(header))]),
        ),
        ("parameters".into(), Value::Obj(params)),
        ("resources".into(), Value::List(resources.collect())),
    ]);
    let mut out = String::new();
    json(&mut out, &doc, 0);
    out.push('\n');
    out
}

fn resource(t: &Template, i: usize) -> Value {
    let r = &t.resources[i];
    let mut fields = vec![
        ("type".to_string(), Value::s(r.rtype)),
        ("apiVersion".into(), Value::s(r.api)),
        ("name".into(), Value::s(escape(&t.full_name(i).join("/")))),
    ];
    if !r.comments.is_empty() {
        let text: Vec<String> = r.comments.iter().map(|c| comment(c).join(" ")).collect();
        fields.push(("comments".into(), Value::s(escape(&text.join(" ")))));
    }
    if let Some(location) = &r.location {
        fields.push(("location".into(), literal(t, location)));
    }
    if !r.tags.is_empty() {
        let tags = r.tags.iter().map(|(k, v)| (k.clone(), Value::s(escape(v))));
        fields.push(("tags".into(), Value::Obj(tags.collect())));
    }
    if let Some(sku) = &r.sku {
        fields.push(("sku".into(), literal(t, sku)));
    }
    fields.push(("properties".into(), literal(t, &r.properties)));
    let depends: Vec<Value> = t
        .depends_on(i)
        .into_iter()
        .map(|d| Value::s(format!("[{}]", resource_id(t, d, None))))
        .collect();
    if !depends.is_empty() {
        fields.push(("dependsOn".into(), Value::List(depends)));
    }
    Value::Obj(fields)
}

/// A string that ARM would read as an expression (`[…]`) keeps its leading bracket doubled,
/// ARM's escape for a literal.
fn escape(text: &str) -> String {
    if text.starts_with('[') && text.ends_with(']') {
        format!("[{text}")
    } else {
        text.to_string()
    }
}

/// A string inside an ARM expression: `'…'` with `'` doubled.
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// `resourceId('type', 'name', …)`, or of a child declared inside the resource.
fn resource_id(t: &Template, i: usize, child: Option<(&str, &str)>) -> String {
    let mut rtype = t.resources[i].rtype.to_string();
    let mut names = t.full_name(i);
    if let Some((segment, name)) = child {
        rtype = format!("{rtype}/{segment}");
        names.push(name.to_string());
    }
    let mut args = vec![quoted(&rtype)];
    args.extend(names.iter().map(|n| quoted(n)));
    format!("resourceId({})", args.join(", "))
}

/// The value with its references written as ARM expressions.
fn literal(t: &Template, v: &Value) -> Value {
    match v {
        Value::Str(s) => Value::s(escape(s)),
        Value::Int(_) | Value::Bool(_) => v.clone(),
        Value::Param(name) => Value::s(format!("[parameters({})]", quoted(name))),
        Value::Id(i) => Value::s(format!("[{}]", resource_id(t, *i, None))),
        Value::ChildId(i, segment, name) => {
            Value::s(format!("[{}]", resource_id(t, *i, Some((segment, name)))))
        }
        Value::ResourceId(rtype, names) => {
            let mut args = vec![quoted(rtype)];
            args.extend(names.iter().map(|n| quoted(n)));
            Value::s(format!("[resourceId({})]", args.join(", ")))
        }
        Value::Runtime(i, path) => Value::s(format!(
            "[reference({}, {}).{path}]",
            resource_id(t, *i, None),
            quoted(t.resources[*i].api)
        )),
        Value::List(items) => Value::List(items.iter().map(|x| literal(t, x)).collect()),
        Value::Obj(pairs) => Value::Obj(
            pairs
                .iter()
                .map(|(k, x)| (k.clone(), literal(t, x)))
                .collect(),
        ),
    }
}

/// Pretty JSON of a literal value, keys in their order; strings escaped as JSON, with the
/// bidirectional overrides and line separators as `\u` escapes too.
fn json(out: &mut String, v: &Value, depth: usize) {
    let pad = "  ".repeat(depth + 1);
    let close = "  ".repeat(depth);
    match v {
        Value::Str(s) => out.push_str(&string(s)),
        Value::Int(n) => out.push_str(&n.to_string()),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::List(items) if items.is_empty() => out.push_str("[]"),
        Value::List(items) => {
            out.push_str("[\n");
            for (n, item) in items.iter().enumerate() {
                out.push_str(&pad);
                json(out, item, depth + 1);
                out.push_str(if n + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&format!("{close}]"));
        }
        Value::Obj(pairs) if pairs.is_empty() => out.push_str("{}"),
        Value::Obj(pairs) => {
            out.push_str("{\n");
            for (n, (k, item)) in pairs.iter().enumerate() {
                out.push_str(&format!("{pad}{}: ", string(k)));
                json(out, item, depth + 1);
                out.push_str(if n + 1 < pairs.len() { ",\n" } else { "\n" });
            }
            out.push_str(&format!("{close}}}"));
        }
        // `literal` has replaced every reference.
        Value::Param(_)
        | Value::Id(_)
        | Value::ChildId(..)
        | Value::ResourceId(..)
        | Value::Runtime(..) => out.push_str("null"),
    }
}

fn string(s: &str) -> String {
    let text = serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    text.chars()
        .map(|c| match c {
            '\u{7F}'..='\u{9F}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' => format!("\\u{:04x}", c as u32),
            c => c.to_string(),
        })
        .collect()
}
