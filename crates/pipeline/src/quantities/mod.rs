//! Quantities: figures with value, bound, unit, count type, subject and changes.
//!
//! [`QuantityTagger`] reads the sentence and token layers and adds one
//! [`Layer::Quantities`] annotation per figure. It scans the tokens of each sentence
//! that holds a number or a number word, finds the number ("6,500", "two",
//! "twenty-five", "a dozen", "1.5 million", "half a million", "dozens", "tens of
//! thousands", "a third", "doubled") and grows it into the figure phrase around it.
//!
//! ```
//! use spillover_doc::{Doc, Layer, Report, ReportId};
//! use spillover_pipeline::{quantities::QuantityTagger, segment::Segmenter, Component};
//!
//! let text = "ISKP had amassed up to 6,500 members. At least 14 were killed.";
//! let mut doc = Doc::new(Report::from_text(ReportId("q".into()), text));
//! Segmenter.process(&mut doc).unwrap();
//! QuantityTagger::new().process(&mut doc).unwrap();
//!
//! let q = doc.layer(Layer::Quantities);
//! assert_eq!(doc.slice(q[0].span).unwrap(), "up to 6,500 members");
//! assert_eq!(q[0].label, "count");
//! assert_eq!(q[0].key.as_deref(), Some("<=6500"));
//! assert_eq!(q[0].attrs["bound"], "at_most");
//! assert_eq!(q[0].attrs["unit"], "member");
//! assert_eq!(q[0].attrs["subject"], "ISKP");
//! assert_eq!(q[1].attrs["count_type"], "KILL");
//! ```
//!
//! # The annotation
//! * `span`: the whole figure phrase ("up to 6,500 members", "increased by 60%",
//!   "at least 14 killed", "$5 million"). An outcome cue right after the number or its
//!   unit is inside the span ("14 killed"); one after auxiliaries is not ("14 people
//!   were killed": the span is "14 people", the cue has its own span).
//! * `label`: `count`, `percent`, `change`, or the measure of the counted thing:
//!   `money`, `weight`, `distance`, `area`, `volume` (from the category column of
//!   `data/units.tsv`). Ordinals ("16th"), years ("in 2023", "Formed in 2002"), dates
//!   ("December 19"), clock times, durations ("two years": the temporal stage's),
//!   references ("Resolution 2593", "No. 5", "Article 51"), ages ("25-year-old"), scores,
//!   phone numbers and model numbers ("Boeing 737") are not tagged. When the dates layer
//!   is already assigned, numbers inside a date span are skipped too.
//! * `key`: the normalised value with its bound: `6500`, `<=6500`, `>=14`, `~24`,
//!   `40..50`; `60%` for percents, `60pp` for percentage points; `5000000 dollar` for a
//!   measure (value, a space, the unit lemma); for changes `+60%` (relative), `+20`
//!   (absolute), `40->60` (from, to) or `->60` (new level only).
//! * `attrs`:
//!   * `value` (number), `bound` (`exact`, `at_most`, `at_least`, `about`, `range`),
//!     `value_span` `{start, end}` (the digits or number words; both ends of a range);
//!     for ranges `low`, `high`, and `value` is their midpoint.
//!   * `unit` (the counted thing's lemma), `unit_span`, `unit_category`, `unit_source`:
//!     `table` (a row of `data/units.tsv`), `implicit` (no noun: "14 killed" counts
//!     `people`; no `unit_span`), `fallback` (a plural noun not in the table,
//!     singularised: "two sides" → `side`), `inherited` (no unit of its own, taken from the
//!     figure before it in the sentence: "6,500 members, with 4,000 located …";
//!     `unit_span` is that figure's). Percents have `unit` `percent` or
//!     `percentage point`.
//!   * `count_type` and `count_type_span`: GDELT-style (KILL, WOUND, ARREST, KIDNAP,
//!     DISPLACED, REFUGEES, SEIZE, PROTEST …) from an outcome cue after the figure
//!     ("22 wounded", "were arrested"), else one before it ("killing 14", "the death
//!     toll rose to 14"), else the counted thing's own ("refugees", "hostages").
//!   * `subject`, `subject_span`: the grammatical subject of the clause whose verb
//!     governs the figure: the noun phrase before the verb group ("ISKP had amassed up to
//!     6,500 members" → `ISKP`, a parenthesised acronym winning over the name before
//!     it); omitted when the figure is itself the subject, after a reporting verb, or
//!     when no verb stands between. `subject_inherited: true` when taken from the figure
//!     before it together with the unit.
//!   * `of`, `of_span`: what the figure is of ("3 tonnes of heroin", "60% of the
//!     population", "a 60% increase in attacks").
//!   * `per`, `per_span`: a rate ("1,200 a day" → `day`).
//!   * `vague: true` for vague amounts; `fraction` for "a third of …" (the figure is then
//!     a `percent` with `value` 33.33).
//!   * `change` for `change` figures: `direction` (`up`/`down`); `size`, the change as a
//!     fraction of the base (0.6 for +60 %, 1.0 for "doubled", 0.5 for "halved", 1/3 for
//!     "fell by a third"); `factor`, new over old (1.6, 2.0, 0.5, 0.667); `absolute`,
//!     `from`, `to` when the text gives amounts; `base` and `base_span` for the base
//!     period or comparison ("since the Taliban returned to power", "compared with last
//!     year"). The figure's `value` is the size in percent (60, 100, 50) for relative
//!     changes, the amount for absolute ones, the new level when only that is given.
//!
//! # Conventions for vague amounts
//! A vague amount takes the smallest value the phrase can mean, with bound `about` and
//! `vague: true`: "dozens" = 24, "scores" = 40, "hundreds" = 200, "thousands" = 2,000,
//! "tens of thousands" = 20,000, "hundreds of thousands" = 200,000, "millions" =
//! 2,000,000, "a few hundred" = 200, "several thousand" = 3,000. "a dozen" is exactly 12.
//!
//! # Speed
//! One pass over the tokens of each sentence; a sentence with no number token and no
//! number word costs a few comparisons per word. No regular expressions.

pub(crate) mod lexicon;
mod scan;
#[cfg(test)]
mod tests;
mod units;

pub use lexicon::{Bound, Direction};
pub use units::{Category, Unit, UnitTable, UnitsError};

use crate::{Component, ComponentError};
use scan::{Figure, Scanner, Scratch, Sent, UnitRef};
use serde_json::{json, Map, Value};
use spillover_doc::{Annotation, Doc, Layer, Span};

/// The table shipped with Spillover, embedded at build time.
const UNITS_TSV: &str = include_str!("../../../../data/units.tsv");

/// The component name recorded on every quantity annotation.
const NAME: &str = "quantities";

/// Finds figures in a report and normalises them (see the module documentation).
#[derive(Debug, Clone)]
pub struct QuantityTagger {
    table: UnitTable,
}

impl Default for QuantityTagger {
    fn default() -> Self {
        Self::new()
    }
}

impl QuantityTagger {
    /// A tagger with the units table shipped in `data/units.tsv`.
    ///
    /// The shipped table is checked by the tests, so a failure here is a build defect;
    /// it panics with the table's own error message.
    pub fn new() -> QuantityTagger {
        match Self::with_units(UNITS_TSV) {
            Ok(t) => t,
            Err(e) => panic!("the shipped data/units.tsv is invalid: {e}"),
        }
    }

    /// A tagger with a units table of your own, in the `data/units.tsv` format.
    pub fn with_units(tsv: &str) -> Result<QuantityTagger, UnitsError> {
        Ok(QuantityTagger {
            table: UnitTable::parse(tsv)?,
        })
    }

    /// The units table in use.
    pub fn units(&self) -> &UnitTable {
        &self.table
    }

    /// The annotations for one doc, in text order, without adding them.
    pub fn annotate(&self, doc: &Doc) -> Vec<Annotation> {
        let text = doc.text();
        let mut dates: Vec<Span> = doc.layer(Layer::Dates).iter().map(|a| a.span).collect();
        dates.sort();
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        let all = doc.tokens();
        let mut lo = 0;
        for &sent in doc.sentences() {
            // Sentences and tokens are both in text order: walk them together.
            while all.get(lo).is_some_and(|t| t.span.start < sent.start) {
                lo += 1;
            }
            let mut hi = lo;
            while all.get(hi).is_some_and(|t| t.span.end <= sent.end) {
                hi += 1;
            }
            let toks = all.get(lo..hi).unwrap_or(&[]);
            lo = hi;
            if !scan::has_candidate(text, toks) {
                continue;
            }
            scratch.fill(text, toks);
            let s = Sent::new(text, toks, &scratch);
            let scanner = Scanner {
                s,
                table: &self.table,
                dates: &dates,
            };
            let figs = scanner.figures();
            for f in &figs {
                if let Some(a) = self.annotation(&s, f) {
                    out.push(a);
                }
            }
        }
        out
    }

    fn annotation(&self, s: &Sent<'_>, f: &Figure) -> Option<Annotation> {
        let span = s.span(f.start, f.end)?;
        let jspan = |a: usize, b: usize| -> Option<Value> {
            let sp = s.span(a, b)?;
            Some(json!({"start": sp.start, "end": sp.end}))
        };
        let mut m = Map::new();
        m.insert("value".into(), json!(f.value));
        m.insert("bound".into(), f.bound.as_str().into());
        m.insert("value_span".into(), jspan(f.value_a, f.value_b)?);
        if let (Some(lo), Some(hi)) = (f.low, f.high) {
            m.insert("low".into(), json!(lo));
            m.insert("high".into(), json!(hi));
        }
        if f.vague {
            m.insert("vague".into(), true.into());
        }
        if let Some(fr) = f.fraction {
            m.insert("fraction".into(), json!(fr));
        }

        // Unit.
        let mut unit_lemma: Option<&str> = None;
        if let Some(points) = f.percent {
            let lemma = if points {
                "percentage point"
            } else {
                "percent"
            };
            m.insert("unit".into(), lemma.into());
            if let Some((a, b)) = f.percent_tokens {
                if let Some(v) = jspan(a, b) {
                    m.insert("unit_span".into(), v);
                }
            }
        } else if let Some(u) = &f.unit {
            let (lemma, category, uspan, source) = self.unit_parts(u);
            unit_lemma = Some(lemma);
            m.insert("unit".into(), lemma.into());
            if let Some((a, b)) = uspan {
                if let Some(v) = jspan(a, b) {
                    m.insert("unit_span".into(), v);
                }
            }
            if let Some(c) = category {
                m.insert("unit_category".into(), c.into());
            }
            m.insert("unit_source".into(), source.into());
        }

        if let Some((ct, a, b)) = &f.count_type {
            m.insert("count_type".into(), ct.clone().into());
            if let Some(v) = jspan(*a, *b) {
                m.insert("count_type_span".into(), v);
            }
        }
        if let Some((a, b)) = f.subject {
            if let Some(sp) = s.span(a, b) {
                m.insert(
                    "subject".into(),
                    s.text.get(sp.start..sp.end).unwrap_or("").into(),
                );
                m.insert(
                    "subject_span".into(),
                    json!({"start": sp.start, "end": sp.end}),
                );
                if f.subject_inherited {
                    m.insert("subject_inherited".into(), true.into());
                }
            }
        }
        if let Some((a, b)) = f.of {
            if let Some(sp) = s.span(a, b) {
                m.insert(
                    "of".into(),
                    s.text.get(sp.start..sp.end).unwrap_or("").into(),
                );
                m.insert("of_span".into(), json!({"start": sp.start, "end": sp.end}));
            }
        }
        if let Some((p, a, b)) = f.per {
            m.insert("per".into(), p.into());
            if let Some(v) = jspan(a, b) {
                m.insert("per_span".into(), v);
            }
        }
        if let Some(c) = &f.change {
            let mut cm = Map::new();
            cm.insert("direction".into(), c.direction.as_str().into());
            for (k, v) in [
                ("size", c.size),
                ("factor", c.factor),
                ("absolute", c.absolute),
                ("from", c.from),
                ("to", c.to),
            ] {
                if let Some(v) = v {
                    // Six decimals: 1 - 0.95 is 0.05, not 0.050000000000000044.
                    cm.insert(k.into(), json!((v * 1e6).round() / 1e6));
                }
            }
            if let Some((a, b)) = c.base {
                if let Some(sp) = s.span(a, b) {
                    cm.insert(
                        "base".into(),
                        s.text.get(sp.start..sp.end).unwrap_or("").into(),
                    );
                    cm.insert(
                        "base_span".into(),
                        json!({"start": sp.start, "end": sp.end}),
                    );
                }
            }
            m.insert("change".into(), Value::Object(cm));
        }

        let label = f.label(&self.table);
        let key = key(f, label, unit_lemma);
        Some(
            Annotation::new(span, label, NAME, f.confidence)
                .with_key(key)
                .with_attrs(Value::Object(m)),
        )
    }

    /// Lemma, category, token span and source of a unit reference.
    fn unit_parts<'f>(
        &'f self,
        u: &'f UnitRef,
    ) -> (
        &'f str,
        Option<&'static str>,
        Option<(usize, usize)>,
        &'static str,
    ) {
        match u {
            UnitRef::Table { unit, a, b } => {
                let row = self.table.unit(*unit);
                (
                    row.map_or("", |r| r.lemma.as_str()),
                    row.map(|r| r.category.as_str()),
                    Some((*a, *b)),
                    "table",
                )
            }
            UnitRef::Implicit => ("people", Some(Category::People.as_str()), None, "implicit"),
            UnitRef::Fallback { lemma, a, b } => (lemma.as_str(), None, Some((*a, *b)), "fallback"),
            UnitRef::Inherited(unit) => {
                let (lemma, cat, span, _) = self.unit_parts(unit);
                (lemma, cat, span, "inherited")
            }
        }
    }
}

/// The normalised value as a short string (see the module documentation).
fn key(f: &Figure, label: &str, unit: Option<&str>) -> String {
    let bp = f.bound.key_prefix();
    if let Some(c) = &f.change {
        let sign = c.direction.sign();
        return match (c.from, c.to, c.size, c.absolute) {
            (Some(from), Some(to), _, _) => format!("{}->{}", num(from), num(to)),
            (None, Some(to), _, _) => format!("->{}", num(to)),
            (_, _, Some(size), _) => format!("{bp}{sign}{}%", num(size * 100.0)),
            (_, _, None, Some(abs)) if f.percent == Some(true) => {
                format!("{bp}{sign}{}pp", num(abs))
            }
            (_, _, None, Some(abs)) => format!("{bp}{sign}{}", num(abs)),
            _ => format!("{bp}{sign}"),
        };
    }
    let value = match (f.low, f.high) {
        (Some(lo), Some(hi)) => format!("{}..{}", num(lo), num(hi)),
        _ => format!("{bp}{}", num(f.value)),
    };
    match (f.percent, label) {
        (Some(true), _) => format!("{value}pp"),
        (Some(false), _) => format!("{value}%"),
        (None, "percent") => format!("{value}%"),
        (None, "count") => value,
        (None, _) => match unit {
            Some(u) => format!("{value} {u}"),
            None => value,
        },
    }
}

/// A number without trailing zeros, at most two decimals: 6500, 1.5, 33.33.
fn num(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 && v.abs() < 1e15 {
        return format!("{}", v.round() as i64);
    }
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

impl Component for QuantityTagger {
    fn name(&self) -> &'static str {
        NAME
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Quantities]
    }

    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError> {
        for a in self.annotate(doc) {
            doc.add(Layer::Quantities, a)
                .map_err(|source| ComponentError::Span {
                    component: NAME,
                    source,
                })?;
        }
        doc.mark_assigned(Layer::Quantities);
        Ok(())
    }
}

#[cfg(test)]
pub(crate) use scan::parse_digits;
