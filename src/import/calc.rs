//! The numeric, comparison, string-search and array-slicing template functions that real
//! templates use to build names and prefixes (`add(copyIndex(), 1)`, `padLeft(..., 2, '0')`,
//! `coalesce`, `range`, `take`, `skip`, `startsWith`, `min`, `json`...). Each is ARM's, as its
//! reference page says; integers only, as ARM's are. A wrong argument is unknown, never
//! guessed, and nothing here panics (division by zero, overflow, huge ranges).
//!
//! Sources: <https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-numeric>,
//! <https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-comparison>,
//! <https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string>,
//! <https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array>,
//! <https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-object>.

use serde_json::Value;

use super::expr::{show, Eval, Unknown};

/// The most items `range()` makes, and the longest `padLeft()` result: a template is
/// untrusted text.
const MAX_ITEMS: i64 = 10_000;

/// The value of `f(v)`, or `None` when `f` is not one of these functions.
pub(crate) fn call(f: &str, v: &[Value]) -> Option<Eval> {
    let int = |i: usize| -> Result<i64, Unknown> {
        match v.get(i) {
            Some(Value::Number(n)) => n.as_i64(),
            Some(Value::String(s)) => s.trim().parse().ok(),
            _ => None,
        }
        .ok_or_else(|| Unknown(format!("{f}() of a value that is not a whole number")))
    };
    let text = |i: usize| v.get(i).map(show).unwrap_or_default();
    let arith = |op: fn(i64, i64) -> Option<i64>| -> Eval {
        let (a, b) = (int(0)?, int(1)?);
        op(a, b)
            .map(Value::from)
            .ok_or_else(|| Unknown(format!("{f}({a}, {b}) has no whole-number value")))
    };
    Some(match f {
        "add" => arith(i64::checked_add),
        "sub" => arith(i64::checked_sub),
        "mul" => arith(i64::checked_mul),
        "div" => arith(i64::checked_div),
        "mod" => arith(i64::checked_rem),
        "greater" | "less" | "greaterorequals" | "lessorequals" => compare(f, v),
        "coalesce" => Ok(v
            .iter()
            .find(|x| !x.is_null())
            .cloned()
            .unwrap_or(Value::Null)),
        "min" | "max" => extreme(f, v),
        "padleft" => (|| {
            let width = int(1)?.clamp(0, MAX_ITEMS);
            let s = text(0);
            let fill = text(2).chars().next().unwrap_or(' ');
            let missing = usize::try_from(width)
                .unwrap_or(0)
                .saturating_sub(s.chars().count());
            Ok(Value::String(
                std::iter::repeat_n(fill, missing)
                    .chain(s.chars())
                    .collect(),
            ))
        })(),
        "startswith" => Ok(Value::Bool(lower(&text(0)).starts_with(&lower(&text(1))))),
        "endswith" => Ok(Value::Bool(lower(&text(0)).ends_with(&lower(&text(1))))),
        "indexof" | "lastindexof" => Ok(Value::from(position(f, &text(0), &text(1)))),
        "range" => (|| {
            let (start, count) = (int(0)?, int(1)?);
            if !(0..=MAX_ITEMS).contains(&count) || start.checked_add(count).is_none() {
                return Err(Unknown(format!("range({start}, {count}) is too large")));
            }
            Ok(Value::Array(
                (start..start + count).map(Value::from).collect(),
            ))
        })(),
        "take" | "skip" => (|| {
            let n = usize::try_from(int(1)?.max(0)).unwrap_or(usize::MAX);
            Ok(match v.first() {
                Some(Value::Array(a)) if f == "take" => {
                    Value::Array(a.iter().take(n).cloned().collect())
                }
                Some(Value::Array(a)) => Value::Array(a.iter().skip(n).cloned().collect()),
                Some(Value::String(s)) if f == "take" => Value::String(s.chars().take(n).collect()),
                Some(Value::String(s)) => Value::String(s.chars().skip(n).collect()),
                _ => {
                    return Err(Unknown(format!(
                        "{f}() of a value that is not an array or a string"
                    )))
                }
            })
        })(),
        "json" => serde_json::from_str(&text(0))
            .map_err(|_| Unknown("json() of text that is not JSON".to_string())),
        _ => return None,
    })
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// `indexOf`/`lastIndexOf`: the character position, case-insensitive, -1 when not found.
fn position(f: &str, s: &str, find: &str) -> i64 {
    let (s, find) = (lower(s), lower(find));
    let at = if f == "indexof" {
        s.find(&find)
    } else {
        s.rfind(&find)
    };
    at.map_or(-1, |b| i64::try_from(s[..b].chars().count()).unwrap_or(-1))
}

/// `greater(a, b)` and the others: two numbers, or two strings compared ordinally.
fn compare(f: &str, v: &[Value]) -> Eval {
    use std::cmp::Ordering;
    let order = match (v.first(), v.get(1)) {
        (Some(Value::Number(a)), Some(Value::Number(b))) => {
            a.as_i64().zip(b.as_i64()).map(|(a, b)| a.cmp(&b))
        }
        (Some(Value::String(a)), Some(Value::String(b))) => Some(a.cmp(b)),
        _ => None,
    };
    let Some(order) = order else {
        return Err(Unknown(format!(
            "{f}() of values that are not two numbers or two strings"
        )));
    };
    Ok(Value::Bool(match f {
        "greater" => order == Ordering::Greater,
        "less" => order == Ordering::Less,
        "greaterorequals" => order != Ordering::Less,
        _ => order != Ordering::Greater,
    }))
}

/// `min`/`max` of whole numbers, given as arguments or as one array.
fn extreme(f: &str, v: &[Value]) -> Eval {
    let items: Vec<&Value> = match v {
        [Value::Array(a)] => a.iter().collect(),
        _ => v.iter().collect(),
    };
    let numbers: Option<Vec<i64>> = items.iter().map(|x| x.as_i64()).collect();
    let found = numbers.and_then(|n| {
        if f == "min" {
            n.into_iter().min()
        } else {
            n.into_iter().max()
        }
    });
    found
        .map(Value::from)
        .ok_or_else(|| Unknown(format!("{f}() of values that are not whole numbers")))
}

#[cfg(test)]
mod tests {
    use super::super::expr::{string, Eval, Fixed};
    use serde_json::json;

    fn ev(text: &str) -> Eval {
        string(text, &mut Fixed(json!({})))
    }

    #[test]
    fn names_and_prefixes_built_with_numbers_evaluate() {
        assert_eq!(
            ev("[format('spoke{0}', add(copyIndex(), 1))]"),
            Ok(json!("spoke3"))
        );
        assert_eq!(
            ev("[padLeft(add(copyIndex(), 1), 3, '0')]"),
            Ok(json!("003"))
        );
        assert_eq!(
            ev("[format('10.{0}.0.0/16', mul(copyIndex(), 4))]"),
            Ok(json!("10.8.0.0/16"))
        );
        assert_eq!(ev("[sub(10, 3)]"), Ok(json!(7)));
        assert_eq!(ev("[mod(7, 3)]"), Ok(json!(1)));
        assert_eq!(
            ev("[if(greater(copyIndex(), 1), 'a', 'b')]"),
            Ok(json!("a"))
        );
        assert_eq!(ev("[lessOrEquals('a', 'b')]"), Ok(json!(true)));
        assert_eq!(
            ev("[coalesce(variables('x'), 'fallback')]"),
            Ok(json!("fallback"))
        );
        assert_eq!(ev("[range(1, 3)]"), Ok(json!([1, 2, 3])));
        assert_eq!(
            ev("[take(createArray('a', 'b', 'c'), 2)]"),
            Ok(json!(["a", "b"]))
        );
        assert_eq!(ev("[skip('hub-vnet', 4)]"), Ok(json!("vnet")));
        assert_eq!(ev("[startsWith('VpnGw2AZ', 'vpngw')]"), Ok(json!(true)));
        assert_eq!(ev("[endsWith('VpnGw2AZ', 'az')]"), Ok(json!(true)));
        assert_eq!(ev("[indexOf('hub-vnet', 'VNET')]"), Ok(json!(4)));
        assert_eq!(ev("[max(createArray(1, 7, 3))]"), Ok(json!(7)));
        assert_eq!(ev("[min(4, 2)]"), Ok(json!(2)));
        assert_eq!(ev("[json('{\"a\": [1]}').a[0]]"), Ok(json!(1)));
    }

    #[test]
    fn wrong_arguments_are_unknown_never_a_crash() {
        for bad in [
            "[div(1, 0)]",
            "[mod(1, 0)]",
            "[add(9223372036854775807, 1)]",
            "[mul('x', 2)]",
            "[range(0, 100000000)]",
            "[range(9223372036854775807, 2)]",
            "[greater(1, 'a')]",
            "[json('{')]",
            "[min()]",
            "[take(1, 2)]",
        ] {
            assert!(ev(bad).is_err(), "{bad}: {:?}", ev(bad));
        }
        assert_eq!(
            ev("[padLeft('x', 99999999999, '0')]").map(|v| v.as_str().map(str::len)),
            Ok(Some(10_000))
        );
        assert_eq!(ev("[skip(createArray(1), -5)]"), Ok(json!([1])));
    }
}
