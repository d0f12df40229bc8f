//! The Bicep rendering of a [`Template`].

use super::decl::{ParamDefault, ParamType, Template, Value};
use super::text::{bicep_string, comment};

/// The Bicep file.
pub fn render(template: &Template) -> String {
    let mut out = String::new();
    for line in &template.header {
        push_comment(&mut out, "", line);
    }
    for p in &template.params {
        out.push('\n');
        if p.ty == ParamType::Secret {
            out.push_str("@secure()\n");
        }
        out.push_str(&format!("@description({})\n", bicep_string(&p.description)));
        let ty = match p.ty {
            ParamType::Number => "int",
            ParamType::Text | ParamType::Secret => "string",
        };
        out.push_str(&format!("param {} {ty}", p.name));
        match &p.default {
            None => {}
            Some(ParamDefault::ResourceGroupLocation) => {
                out.push_str(" = resourceGroup().location")
            }
            Some(ParamDefault::Value(v)) => {
                out.push_str(" = ");
                value(&mut out, template, v, 0);
            }
        }
        out.push('\n');
    }
    for r in &template.resources {
        out.push('\n');
        for line in &r.comments {
            push_comment(&mut out, "", line);
        }
        out.push_str(&format!(
            "resource {} '{}@{}' = {{\n",
            r.symbol, r.rtype, r.api
        ));
        if let Some(parent) = r.parent {
            out.push_str(&format!(
                "  parent: {}\n",
                template.resources[parent].symbol
            ));
        }
        out.push_str(&format!("  name: {}\n", bicep_string(&r.name)));
        if let Some(location) = &r.location {
            out.push_str("  location: ");
            value(&mut out, template, location, 1);
            out.push('\n');
        }
        if !r.tags.is_empty() {
            let tags = r.tags.iter().map(|(k, v)| (k.clone(), Value::s(v)));
            out.push_str("  tags: ");
            value(&mut out, template, &Value::Obj(tags.collect()), 1);
            out.push('\n');
        }
        if let Some(sku) = &r.sku {
            out.push_str("  sku: ");
            value(&mut out, template, sku, 1);
            out.push('\n');
        }
        if !r.after.is_empty() {
            let after: Vec<&str> = r
                .after
                .iter()
                .map(|a| &*template.resources[*a].symbol)
                .collect();
            out.push_str(&format!(
                "  dependsOn: [\n    {}\n  ]\n",
                after.join("\n    ")
            ));
        }
        out.push_str("  properties: ");
        value(&mut out, template, &r.properties, 1);
        out.push_str("\n}\n");
    }
    out
}

/// A comment; the lines that continue an item of a list (`- …`) are indented under it.
fn push_comment(out: &mut String, indent: &str, text: &str) {
    let item = text.starts_with("- ");
    for (n, line) in comment(text).into_iter().enumerate() {
        let hang = if item && n > 0 { "  " } else { "" };
        if line.is_empty() {
            out.push_str(&format!("{indent}//\n"));
        } else {
            out.push_str(&format!("{indent}// {hang}{line}\n"));
        }
    }
}

/// An object key: bare when it is an identifier, a string literal otherwise.
fn key(k: &str) -> String {
    let bare = k.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if bare {
        k.to_string()
    } else {
        bicep_string(k)
    }
}

fn value(out: &mut String, t: &Template, v: &Value, depth: usize) {
    let pad = "  ".repeat(depth + 1);
    let close = "  ".repeat(depth);
    match v {
        Value::Str(s) => out.push_str(&bicep_string(s)),
        Value::Int(n) => out.push_str(&n.to_string()),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Param(name) => out.push_str(name),
        Value::Id(i) => out.push_str(&format!("{}.id", t.resources[*i].symbol)),
        Value::ChildId(i, segment, name) => {
            let rest = bicep_string(&format!("/{segment}/{name}"));
            let symbol = &t.resources[*i].symbol;
            out.push_str(&format!("'${{{symbol}.id}}{}", &rest[1..]));
        }
        Value::ResourceId(rtype, names) => {
            let names: Vec<String> = names.iter().map(|n| bicep_string(n)).collect();
            out.push_str(&format!("resourceId('{rtype}', {})", names.join(", ")));
        }
        Value::Runtime(i, path) => {
            out.push_str(&format!("{}.properties.{path}", t.resources[*i].symbol))
        }
        Value::List(items) if items.is_empty() => out.push_str("[]"),
        Value::List(items) => {
            out.push_str("[\n");
            for item in items {
                out.push_str(&pad);
                value(out, t, item, depth + 1);
                out.push('\n');
            }
            out.push_str(&format!("{close}]"));
        }
        Value::Obj(pairs) if pairs.is_empty() => out.push_str("{}"),
        Value::Obj(pairs) => {
            out.push_str("{\n");
            for (k, item) in pairs {
                out.push_str(&format!("{pad}{}: ", key(k)));
                value(out, t, item, depth + 1);
                out.push('\n');
            }
            out.push_str(&format!("{close}}}"));
        }
    }
}
