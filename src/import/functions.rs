//! The template functions the importer evaluates. Each is ARM's, as its reference page says;
//! a function not listed here is reported as not evaluated, never guessed.
//!
//! Sources: <https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions>
//! (string, array, logical, comparison, deployment and resource functions).

use serde_json::Value;

use super::expr::{eval, object, show, values, Eval, Expr, Scope, Unknown};
use super::ids;

/// The value of `f(args)`.
pub(crate) fn call(f: &str, args: &[Expr], scope: &mut dyn Scope) -> Eval {
    // `if` evaluates only the branch it takes.
    if f == "if" && args.len() == 3 {
        let cond = eval(&args[0], scope)?;
        return eval(&args[if truthy(&cond) { 1 } else { 2 }], scope);
    }
    if f == "reference" || f.starts_with("list") || f == "environment" || f == "newguid" {
        return Err(Unknown(format!(
            "{f}() is known only when the template is deployed"
        )));
    }
    let v = values(args, scope)?;
    let text = |i: usize| v.get(i).map(show).unwrap_or_default();
    Ok(match f {
        "parameters" => return scope.parameter(&text(0)),
        "variables" => return scope.variable(&text(0)),
        "copyindex" => {
            let (name, offset) = match v.first() {
                Some(Value::String(n)) => (Some(n.as_str()), v.get(1)),
                other => (None, other),
            };
            let at = scope.copy_index(name)?;
            let add = offset.and_then(Value::as_i64).unwrap_or(0);
            Value::from(at.as_i64().unwrap_or(0) + add)
        }
        "concat" if v.iter().all(Value::is_array) && !v.is_empty() => Value::Array(
            v.iter()
                .flat_map(|a| a.as_array().cloned().unwrap_or_default())
                .collect(),
        ),
        "concat" => Value::String(v.iter().map(show).collect()),
        "format" => Value::String(format(&text(0), &v[1.min(v.len())..])),
        "tolower" => Value::String(text(0).to_lowercase()),
        "toupper" => Value::String(text(0).to_uppercase()),
        "trim" => Value::String(text(0).trim().to_string()),
        "string" => Value::String(show(v.first().unwrap_or(&Value::Null))),
        "int" => Value::from(
            text(0)
                .trim()
                .parse::<i64>()
                .map_err(|_| Unknown(format!("int({}) is not a number", text(0))))?,
        ),
        "bool" => Value::Bool(truthy(v.first().unwrap_or(&Value::Null))),
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        "null" => Value::Null,
        "equals" => Value::Bool(v.first() == v.get(1)),
        "not" => Value::Bool(!truthy(v.first().unwrap_or(&Value::Null))),
        "and" => Value::Bool(v.iter().all(truthy)),
        "or" => Value::Bool(v.iter().any(truthy)),
        "empty" => Value::Bool(match v.first() {
            Some(Value::String(s)) => s.is_empty(),
            Some(Value::Array(a)) => a.is_empty(),
            Some(Value::Object(o)) => o.is_empty(),
            _ => true,
        }),
        "length" => Value::from(match v.first() {
            Some(Value::String(s)) => s.chars().count(),
            Some(Value::Array(a)) => a.len(),
            Some(Value::Object(o)) => o.len(),
            _ => 0,
        }),
        "contains" => Value::Bool(match (v.first(), v.get(1)) {
            (Some(Value::String(s)), Some(x)) => s.contains(&show(x)),
            (Some(Value::Array(a)), Some(x)) => a.contains(x),
            (Some(Value::Object(o)), Some(x)) => o.contains_key(&show(x)),
            _ => false,
        }),
        "first" => nth(v.first(), 0),
        "last" => match v.first() {
            Some(Value::Array(a)) => a.last().cloned().unwrap_or(Value::Null),
            Some(Value::String(s)) => {
                Value::String(s.chars().last().map(String::from).unwrap_or_default())
            }
            _ => Value::Null,
        },
        "split" => Value::Array(
            text(0)
                .split(text(1).as_str())
                .map(|s| Value::String(s.to_string()))
                .collect(),
        ),
        "replace" => Value::String(text(0).replace(&text(1), &text(2))),
        "substring" => {
            let s: Vec<char> = text(0).chars().collect();
            let start = index(v.get(1)).min(s.len());
            let len = v.get(2).map_or(s.len() - start, |_| index(v.get(2)));
            Value::String(s[start..(start + len).min(s.len())].iter().collect())
        }
        "createarray" => Value::Array(v.clone()),
        "createobject" => {
            let mut map = serde_json::Map::new();
            for pair in v.chunks(2) {
                if let [k, value] = pair {
                    map.insert(show(k), value.clone());
                }
            }
            Value::Object(map)
        }
        "union" => union(&v),
        "resourceid" | "subscriptionresourceid" | "extensionresourceid" => resource_id(&v)?,
        "resourcegroup" => object(&[
            ("name", Value::String("{resourceGroup}".into())),
            (
                "id",
                Value::String(
                    "/subscriptions/{subscription}/resourceGroups/{resourceGroup}".into(),
                ),
            ),
        ]),
        "subscription" => object(&[
            ("subscriptionId", Value::String("{subscription}".into())),
            ("id", Value::String("/subscriptions/{subscription}".into())),
        ]),
        "deployment" => object(&[("name", Value::String("deployment".into()))]),
        "uniquestring" => Value::String(unique(&v)),
        "guid" => Value::String(format!("guid-{}", unique(&v))),
        other => {
            if let Some(value) = super::calc::call(other, &v) {
                return value;
            }
            return Err(Unknown(format!(
                "{other}() is not evaluated by the importer"
            )));
        }
    })
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        Value::String(s) => s.eq_ignore_ascii_case("true"),
        Value::Number(n) => n.as_i64() != Some(0),
        _ => false,
    }
}

fn index(v: Option<&Value>) -> usize {
    v.and_then(Value::as_u64)
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(0)
}

fn nth(v: Option<&Value>, i: usize) -> Value {
    match v {
        Some(Value::Array(a)) => a.get(i).cloned().unwrap_or(Value::Null),
        Some(Value::String(s)) => {
            Value::String(s.chars().nth(i).map(String::from).unwrap_or_default())
        }
        _ => Value::Null,
    }
}

/// `format('{0}-{1}', a, b)`; a format specifier after `:` is ignored.
fn format(pattern: &str, args: &[Value]) -> String {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        if let Some(stripped) = after.strip_prefix('{') {
            out.push('{');
            rest = stripped;
            continue;
        }
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let spec = &after[..close];
        let n = spec.split(':').next().unwrap_or("").trim().parse::<usize>();
        match n.ok().and_then(|n| args.get(n)) {
            Some(v) => out.push_str(&show(v)),
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(&rest.replace("}}", "}"));
    out
}

fn union(v: &[Value]) -> Value {
    if v.iter().all(Value::is_object) {
        let mut map = serde_json::Map::new();
        for o in v.iter().filter_map(Value::as_object) {
            map.extend(o.clone());
        }
        return Value::Object(map);
    }
    let mut out: Vec<Value> = Vec::new();
    for item in v.iter().filter_map(Value::as_array).flatten() {
        if !out.contains(item) {
            out.push(item.clone());
        }
    }
    Value::Array(out)
}

/// `resourceId([subscription], [group], type, name...)`: the type is the first argument with
/// a `/`; the subscription and group, when not given, are the deployment's.
fn resource_id(v: &[Value]) -> Eval {
    let texts: Vec<String> = v.iter().map(show).collect();
    let Some(at) = texts.iter().position(|t| t.contains('/')) else {
        return Err(Unknown("resourceId() without a resource type".into()));
    };
    let rtype = texts[at].trim_matches('/');
    let names = texts[at + 1..].join("/");
    let mut id = ids::build(rtype, &names);
    let scope: Vec<&String> = texts[..at].iter().collect();
    if let [group] = scope.as_slice() {
        id = id.replace("{resourceGroup}", group);
    } else if let [subscription, group] = scope.as_slice() {
        id = id
            .replace("{subscription}", subscription)
            .replace("{resourceGroup}", group);
    }
    Ok(Value::String(id))
}

/// A stable, readable stand-in for `uniqueString(...)`, which only the deployment computes:
/// 13 characters, as Azure's, from a hash of the arguments.
fn unique(v: &[Value]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in v.iter().map(show).collect::<Vec<_>>().join("|").bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("u{:012x}", hash & 0xffff_ffff_ffff)
}

#[cfg(test)]
mod tests {
    use super::super::expr::{string, Eval, Fixed};
    use serde_json::{json, Value};

    fn ev(text: &str) -> Eval {
        let parameters = json!({"prefix": "Hub", "cfg": {"space": ["10.0.0.0/16"]}});
        string(text, &mut Fixed(parameters))
    }

    #[test]
    fn the_functions_real_templates_use_evaluate() {
        assert_eq!(
            ev("[concat(parameters('prefix'), '-vnet')]"),
            Ok(json!("Hub-vnet"))
        );
        assert_eq!(
            ev("[format('{0}/{1}', 'a', toLower(parameters('prefix')))]"),
            Ok(json!("a/hub"))
        );
        assert_eq!(ev("[parameters('cfg').space[0]]"), Ok(json!("10.0.0.0/16")));
        assert_eq!(ev("[concat('s', copyIndex(1))]"), Ok(json!("s3")));
        assert_eq!(
            ev("[if(equals('a', 'a'), 'yes', parameters('nope'))]"),
            Ok(json!("yes"))
        );
        assert_eq!(ev("[[test value]"), Ok(json!("[test value]")));
        assert_eq!(ev("plain"), Ok(json!("plain")));
        let id =
            ev("[resourceId('Microsoft.Network/virtualNetworks/subnets/', 'v', 'GatewaySubnet')]");
        assert_eq!(
            id,
            Ok(json!(
                "/subscriptions/{subscription}/resourceGroups/{resourceGroup}/providers/\
                      Microsoft.Network/virtualNetworks/v/subnets/GatewaySubnet"
            ))
        );
        let a = ev("[uniqueString(resourceGroup().id)]").unwrap();
        assert_eq!(a, ev("[uniqueString(resourceGroup().id)]").unwrap());
        assert_eq!(a.as_str().map(str::len), Some(13));
    }

    #[test]
    fn what_only_the_deployment_knows_is_unknown_with_the_reason() {
        let r = ev("[reference('gw').bgpSettings.bgpPeeringAddress]").unwrap_err();
        assert!(r.0.contains("reference() is known only"), "{r:?}");
        assert!(ev("[resourceGroup().location]")
            .unwrap_err()
            .0
            .contains("--region"));
        assert!(ev("[dateTimeAdd('x')]")
            .unwrap_err()
            .0
            .contains("not evaluated"));
        assert!(ev("[concat('a']").unwrap_err().0.contains("cannot be read"));
        assert_eq!(ev("[length(createArray(1, 2))]"), Ok(Value::from(2)));
    }
}
