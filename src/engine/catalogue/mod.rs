//! The rule catalogue: every rule of the rule book (sections 1 to 10) as a [`Rule`], with its
//! title and the Microsoft pages it comes from, in one table (`table.rs`); and the SKU table of
//! section 5 (`§5`), which capacity rows cite as a whole; and every finding code (the
//! `code` of a block, a finding or a capacity note) as a [`Code`], in one table (`codes.rs`).
//!
//! Answers carry a `Rule` and a `Code`, never a string: a decision compares enum values, and a
//! rule or code that is not in its table does not compile. In JSON and text a rule is its id
//! (`"R1.9"`) and a code its string (`"peering-not-transitive"`), exactly as before the
//! catalogue existed, so the output of `check --json` does not change.

#[macro_use]
mod table_macro {
    /// Declares [`Rule`](super::Rule) from rows `Variant = "id", "title", [sources];`.
    macro_rules! rules {
        ($($v:ident = $id:literal, $title:literal, [$($src:ident),*];)*) => {
            /// A rule of the rule book, by its id (`Rule::R1_9` is `R1.9`).
            #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
            pub enum Rule {
                $(
                    #[doc = concat!("`", $id, "`: ", $title, ".")]
                    $v,
                )*
            }

            impl Rule {
                /// Every rule, in the rule book's order.
                pub const ALL: &'static [Rule] = &[$(Rule::$v),*];

                /// The rule book's id, e.g. `R1.9`.
                pub fn id(self) -> &'static str {
                    match self {
                        $(Rule::$v => $id,)*
                    }
                }

                /// The rule's title in the rule book.
                pub fn title(self) -> &'static str {
                    match self {
                        $(Rule::$v => $title,)*
                    }
                }

                /// The Microsoft pages (or other first-hand sources) the rule rests on; empty
                /// for rules the rule book derives from others.
                pub fn sources(self) -> &'static [Source] {
                    match self {
                        $(Rule::$v => &[$($src),*],)*
                    }
                }
            }
        };
    }
}

mod codes;
mod sources;
mod table;

pub use codes::Code;
pub use table::Rule;

/// A page a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// Its address.
    pub url: &'static str,
    /// The date of the version read (`YYYY-MM-DD`), when the page gives one.
    pub date: Option<&'static str>,
}

/// Rules of the rule book that no decision of the engine takes (yet): facts it does not model
/// (R1.15 performance …), rules its messages only cite in passing (R2.8, R10.2 …) and
/// rules decided under another id. A tidy test holds this list true both ways: a rule listed
/// here is named by no `Rule::…` outside the catalogue, and every rule not listed is.
pub const UNDECIDED: &[Rule] = &[
    Rule::R1_3,
    Rule::R1_6,
    Rule::R1_8,
    Rule::R1_12,
    Rule::R1_15,
    Rule::R2_2,
    Rule::R2_4,
    Rule::R2_5,
    Rule::R2_6,
    Rule::R2_8,
    Rule::R2_9,
    Rule::R2_10,
    Rule::R3_5,
    Rule::R3_13,
    Rule::R3_15,
    Rule::R3_18,
    Rule::R4_4,
    Rule::R4_8,
    Rule::R4_9,
    Rule::R5_2,
    Rule::R5_3,
    Rule::R6_11,
    Rule::R6_14,
    Rule::R7_7,
    Rule::R7_8,
    Rule::R8_3,
    Rule::R8_5,
    Rule::R8_6,
    Rule::R10_1,
    Rule::R10_2,
    Rule::R10_5,
    Rule::R10_6,
];

impl Rule {
    /// The rule with this id, if the catalogue has it.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.id() == id)
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// In JSON a rule is its id (`"R1.9"`). There is no `Deref` to `str`: a decision compares
/// `Rule` values, and text asks for [`Rule::id`].
impl serde::Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_round_trip() {
        for (i, rule) in Rule::ALL.iter().enumerate() {
            assert_eq!(Rule::from_id(rule.id()), Some(*rule));
            assert!(!rule.title().is_empty(), "{rule} has no title");
            assert!(Rule::ALL[..i].iter().all(|r| r.id() != rule.id()));
            for source in rule.sources() {
                assert!(source.url.starts_with("https://"), "{rule}: {}", source.url);
            }
        }
        assert_eq!(
            serde_json::to_string(&Rule::R1_9).ok().as_deref(),
            Some("\"R1.9\"")
        );
    }

    /// The rule book's sections 1 to 10 and how many rules each has: every one is in the
    /// catalogue, in order, and nothing else is.
    #[test]
    fn the_catalogue_holds_every_rule_of_the_rule_book() {
        const SECTIONS: [usize; 10] = [15, 10, 19, 9, 3, 14, 12, 6, 3, 6];
        let expected: Vec<String> = SECTIONS
            .iter()
            .enumerate()
            .flat_map(|(s, &n)| (1..=n).map(move |i| format!("R{}.{i}", s + 1)))
            .collect();
        let ids: Vec<&str> = Rule::ALL
            .iter()
            .map(|r| r.id())
            .filter(|id| id.starts_with('R'))
            .collect();
        assert_eq!(ids, expected);
    }
}
