//! ARM template expressions (`"[concat(parameters('prefix'), '-hub')]"`): parsed and evaluated
//! as far as the names, prefixes, SKUs, flags and references of a network need. A function
//! whose value only the deployment knows (`reference()`, `listKeys()`) or that the importer
//! does not evaluate gives an [`Unknown`] with the reason; nothing is guessed.
//!
//! Source: <https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions>
//! and the function reference beside it.

use serde_json::{Map, Value};

/// Why a value is not known.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Unknown(pub String);

/// A value, or why it is not known.
pub(crate) type Eval = Result<Value, Unknown>;

/// What an expression can ask of its template.
pub(crate) trait Scope {
    /// `parameters('name')`.
    fn parameter(&mut self, name: &str) -> Eval;
    /// `variables('name')`.
    fn variable(&mut self, name: &str) -> Eval;
    /// `copyIndex('loop')` (`None`: the innermost loop).
    fn copy_index(&self, name: Option<&str>) -> Eval;
    /// `resourceGroup().location`: `--region`, if given.
    fn region(&mut self) -> Option<String>;
}

/// A parsed expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Expr {
    /// A string literal.
    Text(String),
    /// A whole number.
    Number(i64),
    /// A function call, its name in lower case.
    Call(String, Vec<Expr>),
    /// `value.name`.
    Member(Box<Expr>, String),
    /// `value[index]`.
    Index(Box<Expr>, Box<Expr>),
}

/// Evaluates a JSON string of a template: an expression when it is written `[...]`, a
/// literal otherwise (`[[` escapes a leading bracket).
pub(crate) fn string(text: &str, scope: &mut dyn Scope) -> Eval {
    let t = text.trim();
    if !(t.starts_with('[') && t.ends_with(']')) || t.starts_with("[[") {
        let literal = text
            .strip_prefix("[[")
            .map_or(text.to_string(), |r| format!("[{r}"));
        return Ok(Value::String(literal));
    }
    let inner = &t[1..t.len() - 1];
    let mut p = Parser {
        s: inner.as_bytes(),
        at: 0,
        depth: 0,
    };
    let expr = p.expr().and_then(|e| {
        p.space();
        if p.at == p.s.len() {
            Ok(e)
        } else {
            Err(format!("unexpected text at character {}", p.at + 1))
        }
    });
    match expr {
        Ok(e) => eval(&e, scope),
        Err(why) => Err(Unknown(format!(
            "the expression {} cannot be read: {why}",
            short(t)
        ))),
    }
}

/// An expression for a message: at most 80 characters of it.
fn short(text: &str) -> String {
    match text.char_indices().nth(80) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// The deepest nesting of calls, members and indexes read (real templates nest a few levels;
/// a bound keeps a hostile expression from exhausting the stack).
const MAX_DEPTH: usize = 64;

struct Parser<'a> {
    s: &'a [u8],
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn space(&mut self) {
        while self.s.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.space();
        if self.s.get(self.at) == Some(&c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn expr(&mut self) -> Result<Expr, String> {
        if self.depth >= MAX_DEPTH {
            return Err(format!("nested more than {MAX_DEPTH} levels deep"));
        }
        self.depth += 1;
        let e = self.nested();
        self.depth -= 1;
        e
    }

    fn nested(&mut self) -> Result<Expr, String> {
        self.space();
        let mut e = match self.s.get(self.at) {
            Some(b'\'') => self.text()?,
            Some(c) if c.is_ascii_digit() || *c == b'-' => self.number()?,
            Some(c) if c.is_ascii_alphabetic() => {
                let name = self.ident();
                if !self.eat(b'(') {
                    return Err(format!("{name} is not followed by ("));
                }
                let mut args = Vec::new();
                if !self.eat(b')') {
                    loop {
                        args.push(self.expr()?);
                        if self.eat(b')') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err("expected , or )".into());
                        }
                    }
                }
                Expr::Call(name.to_ascii_lowercase(), args)
            }
            _ => return Err(format!("unexpected character at {}", self.at + 1)),
        };
        loop {
            if self.eat(b'.') {
                self.space();
                let name = self.ident();
                if name.is_empty() {
                    return Err("expected a property name after .".into());
                }
                e = Expr::Member(Box::new(e), name);
            } else if self.eat(b'[') {
                let index = self.expr()?;
                if !self.eat(b']') {
                    return Err("expected ]".into());
                }
                e = Expr::Index(Box::new(e), Box::new(index));
            } else {
                return Ok(e);
            }
        }
    }

    fn ident(&mut self) -> String {
        let start = self.at;
        while self
            .s
            .get(self.at)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'$')
        {
            self.at += 1;
        }
        String::from_utf8_lossy(&self.s[start..self.at]).into_owned()
    }

    fn text(&mut self) -> Result<Expr, String> {
        self.at += 1;
        let mut out = Vec::new();
        loop {
            match self.s.get(self.at) {
                None => return Err("a string is not closed".into()),
                Some(b'\'') if self.s.get(self.at + 1) == Some(&b'\'') => {
                    out.push(b'\'');
                    self.at += 2;
                }
                Some(b'\'') => {
                    self.at += 1;
                    return Ok(Expr::Text(String::from_utf8_lossy(&out).into_owned()));
                }
                Some(c) => {
                    out.push(*c);
                    self.at += 1;
                }
            }
        }
    }

    fn number(&mut self) -> Result<Expr, String> {
        let start = self.at;
        self.at += 1;
        while self.s.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
        let text = String::from_utf8_lossy(&self.s[start..self.at]);
        text.parse()
            .map(Expr::Number)
            .map_err(|_| format!("{text} is not a number"))
    }
}

/// The value of an expression.
pub(crate) fn eval(e: &Expr, scope: &mut dyn Scope) -> Eval {
    match e {
        Expr::Text(t) => Ok(Value::String(t.clone())),
        Expr::Number(n) => Ok(Value::from(*n)),
        Expr::Member(of, name) => {
            if let Expr::Call(f, _) = of.as_ref() {
                if f == "resourcegroup" && name.eq_ignore_ascii_case("location") {
                    return scope.region().map(Value::String).ok_or_else(|| {
                        Unknown(
                            "resourceGroup().location is the deployment's (give --region)".into(),
                        )
                    });
                }
            }
            let v = eval(of, scope)?;
            member(&v, name).ok_or_else(|| Unknown(format!("no property {name}")))
        }
        Expr::Index(of, index) => {
            let v = eval(of, scope)?;
            let i = eval(index, scope)?;
            let found = match (&v, &i) {
                (Value::Array(items), Value::Number(n)) => n
                    .as_u64()
                    .and_then(|n| items.get(usize::try_from(n).ok()?))
                    .cloned(),
                (_, Value::String(k)) => member(&v, k),
                _ => None,
            };
            found.ok_or_else(|| Unknown("an index out of range".into()))
        }
        Expr::Call(f, args) => super::functions::call(f, args, scope),
    }
}

fn member(v: &Value, name: &str) -> Option<Value> {
    let map = v.as_object()?;
    map.get(name)
        .or_else(|| {
            map.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v)
        })
        .cloned()
}

/// Evaluates arguments one by one.
pub(crate) fn values(args: &[Expr], scope: &mut dyn Scope) -> Result<Vec<Value>, Unknown> {
    args.iter().map(|a| eval(a, scope)).collect()
}

/// The text of a value as `concat` and `format` write it.
pub(crate) fn show(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// An object of string keys, for `createObject` and `resourceGroup()`.
pub(crate) fn object(pairs: &[(&str, Value)]) -> Value {
    let mut map = Map::new();
    for (k, v) in pairs {
        map.insert((*k).to_string(), v.clone());
    }
    Value::Object(map)
}

/// A fixed scope for the functions' unit tests: the parameters of a JSON object (any other is
/// unknown), every variable null, `copyIndex()` 2 and no region.
#[cfg(test)]
pub(crate) struct Fixed(pub Value);

#[cfg(test)]
impl Scope for Fixed {
    fn parameter(&mut self, name: &str) -> Eval {
        self.0
            .get(name)
            .cloned()
            .ok_or_else(|| Unknown(format!("no parameter {name}")))
    }
    fn variable(&mut self, _: &str) -> Eval {
        Ok(Value::Null)
    }
    fn copy_index(&self, _: Option<&str>) -> Eval {
        Ok(Value::from(2))
    }
    fn region(&mut self) -> Option<String> {
        None
    }
}
