//! A key written twice in one JSON object.
//!
//! JSON readers disagree on what `{"reachplan": 1, "reachplan": 2}` means (the first value, the
//! last, or an error), so a plan with a key twice is refused, naming the key and where the
//! second one stands, before any value is read for its meaning.

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::locate::{path, Step};

/// The first key written twice in one object: the JSON path of its second occurrence, and the
/// error of the JSON reader (for its line and column). `text` must be valid JSON.
pub fn first(text: &str) -> Option<(String, serde_json::Error)> {
    let steps = RefCell::new(Vec::new());
    let found = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let walk = Walk {
        steps: &steps,
        found: &found,
    };
    match walk.deserialize(&mut de) {
        Ok(()) => None,
        Err(e) => found.into_inner().map(|at| (at, e)),
    }
}

/// Visits every value, keeping the path to it in `steps`; records the path of the first
/// duplicate key in `found` and stops there with an error.
#[derive(Clone, Copy)]
struct Walk<'a> {
    steps: &'a RefCell<Vec<Step>>,
    found: &'a RefCell<Option<String>>,
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        loop {
            self.steps.borrow_mut().push(Step::Index(i));
            let more = seq.next_element_seed(self)?;
            self.steps.borrow_mut().pop();
            if more.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut keys = Keys::default();
        while let Some(key) = map.next_key::<String>()? {
            let twice = !keys.insert(&key);
            self.steps.borrow_mut().push(Step::Key(key.clone()));
            if twice {
                *self.found.borrow_mut() = Some(path(&self.steps.borrow()));
                return Err(de::Error::custom(format!(
                    "duplicate field `{key}`: a key may appear once in an object (readers \
                     disagree on which of two values counts)"
                )));
            }
            map.next_value_seed(self)?;
            self.steps.borrow_mut().pop();
        }
        Ok(())
    }
}

/// The keys of one object so far: a short list (objects of a plan have a few keys), a hash
/// set once there are many (so that an object of a million keys stays linear).
#[derive(Default)]
struct Keys {
    few: Vec<String>,
    many: HashSet<String>,
}

impl Keys {
    /// Adds a key; false when it was there already.
    fn insert(&mut self, key: &str) -> bool {
        if self.few.iter().any(|k| k == key) || self.many.contains(key) {
            return false;
        }
        if self.few.len() < 16 {
            self.few.push(key.to_string());
        } else {
            self.many.insert(key.to_string());
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_second_key_with_its_path() {
        assert!(first(r#"{"a": [{"b": 1, "c": {"d": 2}}], "e": "e"}"#).is_none());
        let (at, e) = first("{\"reachplan\": 1,\n \"reachplan\": 2}").unwrap_or_else(|| {
            (
                String::new(),
                serde_json::Error::io(std::io::Error::other("none")),
            )
        });
        assert_eq!(at, "reachplan");
        assert_eq!(e.line(), 2);
        assert!(e.to_string().contains("duplicate field `reachplan`"), "{e}");
        let (at, _) = first(r#"{"nodes": [{"id": "a"}, {"id": "b", "kind": "x", "kind": "y"}]}"#)
            .unwrap_or_else(|| {
                (
                    String::new(),
                    serde_json::Error::io(std::io::Error::other("x")),
                )
            });
        assert_eq!(at, "nodes[1].kind");
    }
}
