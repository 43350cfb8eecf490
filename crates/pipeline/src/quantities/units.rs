//! The table of counted things (`data/units.tsv`): what a figure counts or measures, the
//! category that sets the figure's label, and the count type the thing implies.

use spillover_doc::TokenKind;
use std::collections::HashMap;
use std::fmt;

/// What kind of thing a unit row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// People in general: civilians, refugees, residents.
    People,
    /// Armed actors: fighters, members, soldiers, police.
    Armed,
    /// Countable events: attacks, clashes, arrests.
    Event,
    /// Places and installations: states, provinces, bases, checkpoints.
    Place,
    /// Objects: weapons, vehicles, drones.
    Item,
    /// Organisations: groups, cells.
    Org,
    /// Mass: tonnes, kilograms.
    Weight,
    /// Length: km, miles.
    Distance,
    /// Surface: square km, hectares.
    Area,
    /// Volume: litres.
    Volume,
    /// Currencies.
    Money,
    /// Durations: left to the temporal stage, never tagged as quantities.
    Time,
    /// Cues for an implicit count of people ("killed", "wounded", "arrested").
    Outcome,
}

impl Category {
    /// Every category, in table-documentation order.
    pub const ALL: [Category; 13] = [
        Category::People,
        Category::Armed,
        Category::Event,
        Category::Place,
        Category::Item,
        Category::Org,
        Category::Weight,
        Category::Distance,
        Category::Area,
        Category::Volume,
        Category::Money,
        Category::Time,
        Category::Outcome,
    ];

    /// The name used in the table.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::People => "people",
            Category::Armed => "armed",
            Category::Event => "event",
            Category::Place => "place",
            Category::Item => "item",
            Category::Org => "org",
            Category::Weight => "weight",
            Category::Distance => "distance",
            Category::Area => "area",
            Category::Volume => "volume",
            Category::Money => "money",
            Category::Time => "time",
            Category::Outcome => "outcome",
        }
    }

    /// Parses a table category name.
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The annotation label of a figure that counts or measures this category.
    pub fn label(self) -> &'static str {
        match self {
            Category::Weight => "weight",
            Category::Distance => "distance",
            Category::Area => "area",
            Category::Volume => "volume",
            Category::Money => "money",
            _ => "count",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a units table could not be read. Every variant names the 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnitsError {
    /// A row without exactly four tab-separated columns.
    #[error("units table line {line}: expected 4 tab-separated columns (lemma, forms, category, count_type), found {found}")]
    Columns { line: usize, found: usize },
    /// An empty lemma column.
    #[error("units table line {line}: the lemma is empty")]
    EmptyLemma { line: usize },
    /// A lemma already given on an earlier line.
    #[error("units table line {line}: lemma {lemma:?} is already defined on line {first}")]
    DuplicateLemma {
        line: usize,
        lemma: String,
        first: usize,
    },
    /// An empty form between `|` separators, or a form that is only whitespace.
    #[error("units table line {line}: empty surface form in {forms:?}")]
    EmptyForm { line: usize, forms: String },
    /// A form holding a number token, which would make the table count numbers as things.
    #[error("units table line {line}: surface form {form:?} contains a number")]
    NumericForm { line: usize, form: String },
    /// A form already given (case-insensitively) on an earlier line or earlier in the row.
    #[error("units table line {line}: surface form {form:?} is already defined on line {first}")]
    DuplicateForm {
        line: usize,
        form: String,
        first: usize,
    },
    /// A category outside [`Category::ALL`].
    #[error("units table line {line}: unknown category {category:?} (expected one of people, armed, event, place, item, org, weight, distance, area, volume, money, time, outcome)")]
    UnknownCategory { line: usize, category: String },
    /// A count type that is not `-` or upper-case ASCII letters and underscores.
    #[error("units table line {line}: count type {value:?} must be - or upper-case letters and underscores (KILL, WOUND …)")]
    BadCountType { line: usize, value: String },
    /// An outcome row without a count type.
    #[error("units table line {line}: an outcome row needs a count type, found -")]
    OutcomeWithoutCountType { line: usize },
    /// A table with no rows at all.
    #[error("units table has no rows")]
    Empty,
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The normalised name reported as the figure's `unit`.
    pub lemma: String,
    /// What kind of thing it is.
    pub category: Category,
    /// The GDELT-style count type the thing implies, if any.
    pub count_type: Option<String>,
    /// The table line it came from.
    pub line: usize,
}

/// One surface form: lower-cased tokens and the row it belongs to.
#[derive(Debug, Clone)]
struct Form {
    rest: Vec<String>,
    unit: usize,
}

/// The parsed table, indexed by the first token of each form.
#[derive(Debug, Clone)]
pub struct UnitTable {
    units: Vec<Unit>,
    /// First lower-cased token → forms starting with it, longest first.
    index: HashMap<String, Vec<Form>>,
}

impl UnitTable {
    /// Parses a table in the `data/units.tsv` format.
    pub fn parse(tsv: &str) -> Result<UnitTable, UnitsError> {
        let mut units: Vec<Unit> = Vec::new();
        let mut lemmas: HashMap<String, usize> = HashMap::new();
        let mut seen: HashMap<Vec<String>, usize> = HashMap::new();
        let mut index: HashMap<String, Vec<Form>> = HashMap::new();
        for (n, raw_line) in tsv.lines().enumerate() {
            let line = n + 1;
            let row = raw_line.trim_end_matches('\r');
            if row.trim().is_empty() || row.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = row.split('\t').collect();
            let [lemma, forms, category, count_type] = cols[..] else {
                return Err(UnitsError::Columns {
                    line,
                    found: cols.len(),
                });
            };
            let lemma = lemma.trim();
            if lemma.is_empty() {
                return Err(UnitsError::EmptyLemma { line });
            }
            if let Some(&first) = lemmas.get(lemma) {
                return Err(UnitsError::DuplicateLemma {
                    line,
                    lemma: lemma.to_string(),
                    first,
                });
            }
            let category =
                Category::parse(category.trim()).ok_or_else(|| UnitsError::UnknownCategory {
                    line,
                    category: category.trim().to_string(),
                })?;
            let count_type = match count_type.trim() {
                "-" => None,
                ct if !ct.is_empty() && ct.bytes().all(|b| b.is_ascii_uppercase() || b == b'_') => {
                    Some(ct.to_string())
                }
                ct => {
                    return Err(UnitsError::BadCountType {
                        line,
                        value: ct.to_string(),
                    })
                }
            };
            if category == Category::Outcome && count_type.is_none() {
                return Err(UnitsError::OutcomeWithoutCountType { line });
            }
            let unit = units.len();
            for form in forms.split('|') {
                let Some(toks) = form_tokens(form) else {
                    return Err(UnitsError::NumericForm {
                        line,
                        form: form.trim().to_string(),
                    });
                };
                if toks.is_empty() {
                    return Err(UnitsError::EmptyForm {
                        line,
                        forms: forms.to_string(),
                    });
                }
                if let Some(&first) = seen.get(&toks) {
                    return Err(UnitsError::DuplicateForm {
                        line,
                        form: form.trim().to_string(),
                        first,
                    });
                }
                seen.insert(toks.clone(), line);
                let mut it = toks.into_iter();
                let Some(head) = it.next() else { continue };
                index.entry(head).or_default().push(Form {
                    rest: it.collect(),
                    unit,
                });
            }
            lemmas.insert(lemma.to_string(), line);
            units.push(Unit {
                lemma: lemma.to_string(),
                category,
                count_type,
                line,
            });
        }
        if units.is_empty() {
            return Err(UnitsError::Empty);
        }
        for forms in index.values_mut() {
            forms.sort_by_key(|f| std::cmp::Reverse(f.rest.len()));
        }
        Ok(UnitTable { units, index })
    }

    /// Every row, in table order.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// The row at `i` (an index returned by [`UnitTable::match_at`]).
    pub fn unit(&self, i: usize) -> Option<&Unit> {
        self.units.get(i)
    }

    /// The longest form starting at token `i`, given the lower-cased token at each
    /// position: `(row index, number of tokens)`.
    pub fn match_at<'s>(
        &self,
        i: usize,
        lower: impl Fn(usize) -> Option<&'s str>,
    ) -> Option<(usize, usize)> {
        let head = lower(i)?;
        let forms = self.index.get(head)?;
        forms.iter().find_map(|f| {
            let all = f
                .rest
                .iter()
                .enumerate()
                .all(|(k, t)| lower(i + 1 + k) == Some(t.as_str()));
            all.then_some((f.unit, 1 + f.rest.len()))
        })
    }
}

/// A surface form as the lower-cased tokens the tokenizer makes of it; `None` when one
/// of them is a number.
fn form_tokens(form: &str) -> Option<Vec<String>> {
    let form = form.trim();
    spillover_text::tokens::tokenize(form)
        .iter()
        .map(|t| {
            (t.kind != TokenKind::Number).then(|| form[t.span.start..t.span.end].to_lowercase())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_parses() {
        let t = UnitTable::parse(include_str!("../../../../data/units.tsv")).unwrap();
        assert!(t.units().len() >= 60, "{}", t.units().len());
        let toks = ["air", "strikes", "killed"];
        let lower = |i: usize| toks.get(i).copied();
        let (u, len) = t.match_at(0, lower).unwrap();
        assert_eq!((t.units()[u].lemma.as_str(), len), ("airstrike", 2));
        let (u, _) = t.match_at(2, lower).unwrap();
        assert_eq!(t.units()[u].count_type.as_deref(), Some("KILL"));
        assert!(t.match_at(1, lower).is_some_and(|(_, l)| l == 1));
    }

    #[test]
    fn errors_name_the_line() {
        let cases: [(&str, UnitsError); 9] = [
            (
                "# c\nfighter\tfighters\tarmed\n",
                UnitsError::Columns { line: 2, found: 3 },
            ),
            (" \tx\tarmed\t-", UnitsError::EmptyLemma { line: 1 }),
            (
                "a\ta||b\tarmed\t-",
                UnitsError::EmptyForm {
                    line: 1,
                    forms: "a||b".into(),
                },
            ),
            (
                "a\ta\tweapons\t-",
                UnitsError::UnknownCategory {
                    line: 1,
                    category: "weapons".into(),
                },
            ),
            (
                "a\ta\tarmed\tkill",
                UnitsError::BadCountType {
                    line: 1,
                    value: "kill".into(),
                },
            ),
            (
                "a\ta\toutcome\t-",
                UnitsError::OutcomeWithoutCountType { line: 1 },
            ),
            (
                "a\ta|B\tarmed\t-\n\nb\tb\tarmed\t-",
                UnitsError::DuplicateForm {
                    line: 3,
                    form: "b".into(),
                    first: 1,
                },
            ),
            (
                "a\ta\tarmed\t-\na\tc\tarmed\t-",
                UnitsError::DuplicateLemma {
                    line: 2,
                    lemma: "a".into(),
                    first: 1,
                },
            ),
            (
                "a\tkm2| 12 \tarea\t-",
                UnitsError::NumericForm {
                    line: 1,
                    form: "12".into(),
                },
            ),
        ];
        for (tsv, want) in cases {
            let got = UnitTable::parse(tsv).unwrap_err();
            assert_eq!(got, want, "{tsv:?}");
            assert!(got.to_string().contains("line"), "{got}");
        }
        assert_eq!(
            UnitTable::parse("# only\n\n").unwrap_err(),
            UnitsError::Empty
        );
    }
}
