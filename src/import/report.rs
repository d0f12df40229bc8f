//! The import report: what became which node or link, what was skipped (once per type), what
//! was defaulted, what could not be known, what the input refers to without holding it, and
//! what could not be read. Serialised as JSON (`import --report`) and rendered as text.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::engine::terminal;

/// What happened to the resources of an import.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ImportReport {
    /// Each resource that became (part of) a node, a link or a virtual WAN, in input order.
    pub mapped: Vec<Mapped>,
    /// The resource types left out, once per type, with how many and why.
    pub skipped: Vec<Skipped>,
    /// Notes: defaults taken, values not known, resources outside the import, problems.
    pub notes: Vec<Note>,
}

/// A resource and what it became.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mapped {
    /// The file it came from.
    pub file: String,
    /// Its JSON path in the file.
    pub path: String,
    /// Its Azure resource type.
    #[serde(rename = "type")]
    pub rtype: String,
    /// Its Azure name.
    pub name: String,
    /// What it became: `node hub`, `link hub-to-spoke`, `vpn_gateway of node hub`, `wan corp`.
    pub became: String,
}

/// A resource type the plan does not model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skipped {
    /// The Azure resource type.
    #[serde(rename = "type")]
    pub rtype: String,
    /// How many resources of the type the input holds.
    pub count: usize,
    /// Why the plan leaves them out.
    pub reason: String,
}

/// What kind of note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// A file or value that could not be read; the rest of the import went on.
    Problem,
    /// A value only known after deployment, or an expression the import does not evaluate.
    Unknown,
    /// A resource the input refers to but does not hold: it became a node marked as outside.
    Outside,
    /// A value the input does not give, and what the plan takes instead.
    Defaulted,
}

impl NoteKind {
    fn title(self) -> &'static str {
        match self {
            NoteKind::Problem => "Problems (the rest was imported)",
            NoteKind::Unknown => "Not known before deployment, or not evaluated",
            NoteKind::Outside => "Outside the import",
            NoteKind::Defaulted => "Defaults taken",
        }
    }
}

/// One note, with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Note {
    /// What kind of note.
    pub kind: NoteKind,
    /// The file.
    pub file: String,
    /// The JSON path in the file (`.` for the whole file).
    pub path: String,
    /// What happened, in a sentence.
    pub message: String,
}

impl ImportReport {
    /// Whether a file or value could not be read.
    pub fn has_problems(&self) -> bool {
        self.notes.iter().any(|n| n.kind == NoteKind::Problem)
    }

    pub(crate) fn note(&mut self, kind: NoteKind, file: &str, path: &str, message: String) {
        let note = Note {
            kind,
            file: file.to_string(),
            path: path.to_string(),
            message,
        };
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    /// Counts a skipped resource of this type (the first sets the reason).
    pub(crate) fn skip(&mut self, rtype: &str, reason: &str) {
        match self
            .skipped
            .iter_mut()
            .find(|s| s.rtype.eq_ignore_ascii_case(rtype))
        {
            Some(s) => s.count += 1,
            None => self.skipped.push(Skipped {
                rtype: rtype.to_string(),
                count: 1,
                reason: reason.to_string(),
            }),
        }
    }

    /// The report as text, safe for a terminal.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "Imported ({}):", self.mapped.len());
        for m in &self.mapped {
            let _ = writeln!(
                out,
                "  {} {} ({} {}) → {}",
                e(&m.file),
                e(&m.path),
                e(&m.rtype),
                e(&m.name),
                e(&m.became)
            );
        }
        if !self.skipped.is_empty() {
            let _ = writeln!(out, "Skipped (not part of a reachability plan):");
            for s in &self.skipped {
                let _ = writeln!(out, "  {} × {}: {}", s.count, e(&s.rtype), s.reason);
            }
        }
        let mut kinds: BTreeMap<NoteKind, Vec<&Note>> = BTreeMap::new();
        for n in &self.notes {
            kinds.entry(n.kind).or_default().push(n);
        }
        for (kind, notes) in kinds {
            let _ = writeln!(out, "{}:", kind.title());
            for n in notes {
                let _ = writeln!(out, "  {} {}: {}", e(&n.file), e(&n.path), e(&n.message));
            }
        }
        out
    }
}

/// One value on one line: what a terminal would obey, line breaks included, escaped.
fn e(text: &str) -> std::borrow::Cow<'_, str> {
    terminal::escape_line(text)
}
