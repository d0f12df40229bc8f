//! A notice above the work area: an error that kept the plan, or a short confirmation, which
//! may offer the plan that a link or a file replaced.

use std::rc::Rc;

use crate::engine::Plan;

/// How a notice looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something went wrong; the plan was kept.
    Error,
    /// For information.
    Info,
}

/// A message shown above the work area until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Its tone.
    pub tone: Tone,
    /// The text.
    pub text: String,
    /// The plan that the opened one replaced, offered back ("Your previous plan — restore").
    pub previous: Option<Rc<Plan>>,
}

impl Notice {
    /// An error notice.
    pub fn error(text: impl Into<String>) -> Notice {
        Notice {
            tone: Tone::Error,
            text: text.into(),
            previous: None,
        }
    }

    /// An information notice.
    pub fn info(text: impl Into<String>) -> Notice {
        Notice {
            tone: Tone::Info,
            text: text.into(),
            previous: None,
        }
    }

    /// The same notice, offering the previous plan back.
    pub fn offering(self, previous: Rc<Plan>) -> Notice {
        Notice {
            previous: Some(previous),
            ..self
        }
    }
}
