//! Temporal expressions: found, typed (TIMEX3) and resolved against the report's date.
//!
//! [`TemporalTagger`] reads the sentence and token layers and adds the `dates` layer: one
//! annotation per temporal expression, with
//! * `label` — the TIMEX3 type: `DATE`, `TIME`, `DURATION` or `SET`;
//! * `key` — the TIMEX3 value as TimeBank normalises it: `2023-12-19`, `2023-03`,
//!   `2023-W51`, `2023-Q1`, `199` (the 1990s), `P2Y`, `PT48H`, `PRESENT_REF`,
//!   `2023-12-19T14:00`, `XXXX-03` when it cannot be placed;
//! * `attrs` — `type`, `value`, `granularity`, `status` (`exact`, `approximate`, `range`,
//!   `unresolved`), `reason` when unresolved, `from`/`to` for ranges (an open end is
//!   `null`), `anchor` for expressions dated by a known event, `mod` (`START`, `END`,
//!   `APPROX` …) and `weekday_conflict` with a `note` when "Monday, December 19" names a
//!   weekday the date does not fall on.
//!
//! The grammar is hand-written over the doc's tokens (cut at hyphens, classified once
//! through lowercase tables), so a report costs one pass over its tokens. Expressions
//! anchored on events ("since the fall of Kabul") come from a data table,
//! `data/anchors.tsv`, built in and replaceable ([`TemporalTagger::with_anchors`]).
//! [`best_date_for_sentence`] gives the event date a sentence states, for the claim and
//! event stages.
//!
//! Spans and values follow TimeBank (TimeML 1.2.1): prepositions stay outside ("on
//! Tuesday" tags "Tuesday"), determiners and quantity modifiers inside ("the past two
//! years", "about two weeks"); "recently" is `PAST_REF`, "now"/"currently" `PRESENT_REF`;
//! "the past two years" is the duration `P2Y` with the range it covers in `from`/`to`.
//! Event-anchored ranges ("since the Taliban returned to power") keep the preposition,
//! which carries the direction. How a day, month or weekday without a year is placed,
//! and how "that day", "the following month" or "the previous Friday" follow the story's
//! narrative time (the last point it named) rather than the publication date, is
//! described in `resolve.rs`. Scores on the TimeBank and AQUAINT dev files:
//! `cargo run --release -p spillover-pipeline --example eval_time -- GOLD.jsonl`.
//!
//! ```
//! use chrono::NaiveDate;
//! use spillover_doc::{Layer, Report, ReportId};
//! use spillover_pipeline::dates::TemporalTagger;
//! use spillover_pipeline::{segment::Segmenter, Pipeline};
//!
//! let mut report = Report::from_text(
//!     ReportId("r".into()),
//!     "The envoy spoke in Moscow on Tuesday, December 19. Attacks rose in the past two years.",
//! );
//! report.published = NaiveDate::from_ymd_opt(2023, 12, 20);
//! let pipeline = Pipeline::new(vec![Box::new(Segmenter), Box::new(TemporalTagger::new())]).unwrap();
//! let doc = pipeline.run(report).unwrap();
//! let dates = doc.layer(Layer::Dates);
//! assert_eq!(doc.slice(dates[0].span).unwrap(), "Tuesday, December 19");
//! assert_eq!(dates[0].key.as_deref(), Some("2023-12-19"));
//! assert_eq!(doc.slice(dates[1].span).unwrap(), "the past two years");
//! assert_eq!(dates[1].label, "DURATION");
//! assert_eq!(dates[1].attrs["from"], "2021-12");
//! ```

mod anchors;
mod cal;
mod grammar;
mod lexicon;
mod resolve;
#[cfg(test)]
mod tests;

pub use anchors::{AnchorError, AnchorEvent, AnchorTable};

use crate::{Component, ComponentError};
use grammar::{Grammar, Sem};
use lexicon::{atomize, Atom, Kw, Lex};
use resolve::{resolve, Ctx, Resolved, Tense};
use serde_json::{json, Map, Value};
use spillover_doc::{Annotation, Doc, Layer, Span};

/// The built-in anchor table.
const BUILTIN_ANCHORS: &str = include_str!("../../../../data/anchors.tsv");

const COMPONENT: &str = "temporal";

/// Finds temporal expressions and resolves them against the report's publication date.
#[derive(Debug, Clone)]
pub struct TemporalTagger {
    anchors: AnchorTable,
}

impl Default for TemporalTagger {
    fn default() -> Self {
        TemporalTagger::new()
    }
}

impl TemporalTagger {
    /// A tagger with the built-in anchor table (`data/anchors.tsv`).
    pub fn new() -> TemporalTagger {
        // The built-in table is checked by a unit test; should it ever fail to parse, the
        // tagger still works, without anchors.
        TemporalTagger {
            anchors: AnchorTable::parse(BUILTIN_ANCHORS).unwrap_or_default(),
        }
    }

    /// A tagger with a user anchor table in the `data/anchors.tsv` form.
    pub fn with_anchors(table: &str) -> Result<TemporalTagger, AnchorError> {
        Ok(TemporalTagger {
            anchors: AnchorTable::parse(table)?,
        })
    }

    /// The anchor events this tagger knows.
    pub fn anchors(&self) -> &AnchorTable {
        &self.anchors
    }

    /// The annotations for `doc` (which must carry sentences and tokens), in text order.
    pub fn annotate(&self, doc: &Doc) -> Vec<Annotation> {
        let text = doc.text();
        let mut atoms = Vec::with_capacity(doc.tokens().len() + doc.tokens().len() / 8);
        atomize(text, doc.tokens(), &mut atoms);
        let mut ctx = Ctx {
            dct: doc.report().published,
            ..Ctx::default()
        };
        let mut out = Vec::new();
        let mut prev_end = 0;
        for s in doc.sentences() {
            if is_paragraph_break(text.get(prev_end..s.start).unwrap_or("")) {
                ctx.para += 1;
            }
            prev_end = s.end;
            let lo = atoms.partition_point(|a| a.start < s.start);
            let hi = atoms.partition_point(|a| a.end <= s.end);
            if lo >= hi {
                continue;
            }
            self.sentence(text, &atoms[lo..hi], &mut ctx, &mut out);
        }
        out
    }

    fn sentence(&self, text: &str, atoms: &[Atom], ctx: &mut Ctx, out: &mut Vec<Annotation>) {
        let g = Grammar {
            text,
            atoms,
            anchors: &self.anchors,
        };
        let mut found = Vec::new();
        let mut i = 0;
        while i < atoms.len() {
            if !may_start(atoms[i].lex) {
                i += 1;
                continue;
            }
            let Some(f) = g.parse_at(i) else {
                i += 1;
                continue;
            };
            if f.end <= f.start || f.end > atoms.len() {
                i += 1;
                continue;
            }
            i = f.end;
            found.push(f);
        }
        let mut cues: Option<Vec<Cue>> = None;
        for k in 0..found.len() {
            let f = with_sentence_day(&found, k);
            let f = f.as_ref().unwrap_or(&found[k]);
            let tense = if needs_tense(&f.sem) {
                let c = cues.get_or_insert_with(|| tense_cues(text, atoms));
                preposition_tense(atoms, c, f.start, f.end)
                    .unwrap_or_else(|| tense_at(c, f.start, f.end))
            } else {
                Tense::Unknown
            };
            let mut r = resolve(&f.sem, ctx, tense);
            // "that day" with nothing in the story to point back to: a generic use
            // ("you have strong redemptions that day"), not a date
            if r.status == "unresolved" && r.reason == Some("no reference time") {
                continue;
            }
            let before = if f.start > 0 {
                atoms[f.start - 1].lex
            } else {
                Lex::Punct
            };
            apply_preposition(&mut r, before);
            remember(ctx, &f.sem, &r);
            if let Sem::Date { .. } = f.sem {
                ctx.focus = match r.point {
                    Some(cal::Point::Day(d)) if moves_focus(text, atoms, f.start, d, ctx) => {
                        Some(d)
                    }
                    _ => None,
                };
            }
            let span = Span {
                start: atoms[f.start].start,
                end: atoms[f.end - 1].end,
            };
            let mut a = annotation(span, &f.sem, f.modifier, r);
            if is_dateline(text, atoms, f.start, f.end) {
                if let Value::Object(m) = &mut a.attrs {
                    m.insert("dateline".into(), json!(true));
                }
            }
            out.push(a);
        }
    }
}

/// A clock time that names no day ("at about 10:35 a.m. (0735 GMT) Friday") takes the
/// day named by the nearest bare day expression of its sentence: the copy of `found[k]`
/// with that day, or `None` when it needs none or the sentence names no day. A day that
/// already belongs to another time ("at 8:30 a.m. and a second at 10 p.m. Monday") is
/// not lent.
fn with_sentence_day(found: &[grammar::Found], k: usize) -> Option<grammar::Found> {
    let f = &found[k];
    let Sem::Time {
        day: None,
        tod: tod @ grammar::Tod::Clock(..),
    } = &f.sem
    else {
        return None;
    };
    let (_, day) = found
        .iter()
        .enumerate()
        .filter(|(j, _)| *j != k)
        .filter_map(|(_, o)| {
            let d = named_day(&o.sem)?;
            let dist = if o.start >= f.end {
                o.start - f.end
            } else {
                f.start.saturating_sub(o.end)
            };
            Some((dist, d))
        })
        .min_by_key(|(dist, _)| *dist)?;
    Some(grammar::Found {
        sem: Sem::Time {
            day: Some(Box::new(day.clone())),
            tod: *tod,
        },
        ..f.clone()
    })
}

/// The expression itself when it names a day and nothing finer: "Friday", "Dec. 19",
/// "yesterday", "that day".
fn named_day(sem: &Sem) -> Option<&Sem> {
    match sem {
        Sem::Date { .. }
        | Sem::Weekday { .. }
        | Sem::RefWeekday { .. }
        | Sem::Holiday(_)
        | Sem::DayShift { .. }
        | Sem::That(lexicon::Unit::Day)
        | Sem::Shift {
            unit: lexicon::Unit::Day,
            ..
        } => Some(sem),
        _ => None,
    }
}

impl Component for TemporalTagger {
    fn name(&self) -> &'static str {
        COMPONENT
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }

    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Dates]
    }

    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError> {
        for a in self.annotate(doc) {
            doc.add(Layer::Dates, a)
                .map_err(|source| ComponentError::Span {
                    component: COMPONENT,
                    source,
                })?;
        }
        doc.mark_assigned(Layer::Dates);
        Ok(())
    }
}

/// The event date a sentence gives: the first day-level date (or time) inside the
/// sentence, else the first month-level one; `None` when the sentence states none. The
/// publication date is never substituted, and datelines, ranges, fuzzy and unresolved
/// expressions do not count.
pub fn best_date_for_sentence(doc: &Doc, sentence: usize) -> Option<&Annotation> {
    let s = *doc.sentences().get(sentence)?;
    doc.layer(Layer::Dates)
        .iter()
        .filter(|a| s.contains(a.span) && (a.label == "DATE" || a.label == "TIME"))
        .filter(|a| matches!(a.attrs["status"].as_str(), Some("exact" | "approximate")))
        .filter(|a| a.attrs.get("dateline").is_none())
        .filter_map(|a| {
            let rank = match a.attrs["granularity"].as_str() {
                Some("day" | "time") => 0,
                Some("month") => 1,
                _ => return None,
            };
            Some((rank, a.span.start, a))
        })
        .min_by_key(|(rank, start, _)| (*rank, *start))
        .map(|(_, _, a)| a)
}

/// Whether the expression at atoms `start..end` is the date of a dateline at the head
/// of the report ("DUSHANBE, Dec. 19 (Reuters) –"): only capitalised words and commas
/// before it, one of them in capitals, and a parenthesis or dash after it.
fn is_dateline(text: &str, atoms: &[Atom], start: usize, end: usize) -> bool {
    if atoms[start].start > 200 || start == 0 {
        return false;
    }
    let mut caps_word = false;
    for a in &atoms[..start] {
        match a.lex {
            Lex::Comma | Lex::Period => {}
            _ if a.cap => {
                let w = &text[a.start..a.end];
                if w.len() >= 3 && w.chars().all(|c| !c.is_lowercase()) {
                    caps_word = true;
                }
            }
            _ => return false,
        }
    }
    let after = atoms.get(end).map(|a| &text[a.start..a.end]).unwrap_or("");
    caps_word && matches!(after, "(" | "-" | "–" | "—" | "_" | "--")
}

/// Whether an expression can start with an atom of this kind (a cheap filter before the
/// grammar runs).
#[inline]
fn may_start(l: Lex) -> bool {
    !matches!(
        l,
        Lex::Other
            | Lex::Ed
            | Lex::Comma
            | Lex::Period
            | Lex::Hyphen
            | Lex::Slash
            | Lex::Punct
            | Lex::OpenParen
            | Lex::Possessive
            | Lex::Number
            | Lex::Parts(_)
    )
}

fn needs_tense(s: &Sem) -> bool {
    match s {
        Sem::Date { year: None, .. }
        | Sem::DayRange { year: None, .. }
        | Sem::Month { .. }
        | Sem::RelMonth { .. }
        | Sem::Season { .. }
        | Sem::Weekday { .. }
        | Sem::Quarter { .. }
        | Sem::Half { .. }
        | Sem::Weekend(_)
        | Sem::Holiday(_) => true,
        Sem::Time { day: Some(d), .. } | Sem::DayShift { day: d, .. } | Sem::WeekOf(d) => {
            needs_tense(d)
        }
        _ => false,
    }
}

/// A tense cue: its atom, the tense it gives an expression after it, and the tense it
/// gives one before it ("planned to leave on Thursday" looks ahead; "On Friday, the
/// government planned to pay" is past).
type Cue = (usize, Tense, Tense);

/// Tense cues of a sentence.
fn tense_cues(text: &str, atoms: &[Atom]) -> Vec<Cue> {
    let word = |k: usize| text.get(atoms[k].start..atoms[k].end).unwrap_or("");
    let mut cues = Vec::new();
    for (i, a) in atoms.iter().enumerate() {
        let prev = |k: usize| {
            if i >= k {
                atoms[i - k].lex
            } else {
                Lex::Punct
            }
        };
        let t = match a.lex {
            // "had been due to expire Friday", "had been scheduled for Monday": a plan
            // overtaken, its day gone by
            Lex::Kw(Kw::Scheduled | Kw::Expected | Kw::Due)
                if i >= 2
                    && word(i - 1).eq_ignore_ascii_case("been")
                    && word(i - 2).eq_ignore_ascii_case("had") =>
            {
                Tense::Past
            }
            // "said they would look for ways": a future seen from a past moment, which
            // may lie before publication; no direction of its own
            Lex::Kw(Kw::Would) if cues.iter().any(|(_, t, _)| *t == Tense::Past) => Tense::Nearest,
            // "agreed to buy", "an agreement to acquire", "promised to free": what
            // follows lies ahead of the commitment, what precedes before it
            Lex::Other | Lex::Ed
                if atoms.get(i + 1).is_some_and(|n| n.lex == Lex::Kw(Kw::To))
                    && is_commitment(word(i)) =>
            {
                cues.push((i, Tense::Future, Tense::Past));
                continue;
            }
            // "a still unspecified date", "the planned talks": a participle used as an
            // adjective is no verb
            Lex::Ed if after_determiner(text, atoms, i) => continue,
            Lex::Kw(
                Kw::Will
                | Kw::Would
                | Kw::Shall
                | Kw::Scheduled
                | Kw::Expected
                | Kw::Due
                | Kw::Upcoming,
            ) => Tense::Future,
            Lex::Kw(Kw::Going) if atoms.get(i + 1).is_some_and(|n| n.lex == Lex::Kw(Kw::To)) => {
                Tense::Future
            }
            // "set to resume", "as soon as Tuesday"
            Lex::Kw(Kw::Set) if atoms.get(i + 1).is_some_and(|n| n.lex == Lex::Kw(Kw::To)) => {
                Tense::Future
            }
            Lex::Kw(Kw::As)
                if atoms.get(i + 1).is_some_and(|n| n.lex == Lex::Kw(Kw::Soon))
                    && atoms.get(i + 2).is_some_and(|n| n.lex == Lex::Kw(Kw::As)) =>
            {
                Tense::Future
            }
            // "plans to", "planning to", "plans a rally"; a noun ("vacation plans") is
            // no cue.
            Lex::Kw(Kw::Plans) => {
                if atoms.get(i + 1).is_some_and(|n| takes_plan(n.lex)) {
                    Tense::Future
                } else {
                    continue;
                }
            }
            // A participle after "be": "will be paid" is future; "is heard", "are
            // held" present (no direction: the nearer date wins); "has been
            // arrested" gives no cue of its own.
            Lex::Kw(Kw::Was) | Lex::Ed if matches!(prev(1), Lex::Kw(Kw::Be)) => {
                if matches!(prev(2), Lex::Kw(Kw::Will | Kw::Would)) {
                    Tense::Future
                } else if i >= 1 && matches!(word(i - 1), "is" | "are" | "Is" | "Are") {
                    Tense::Unknown
                } else {
                    continue;
                }
            }
            // "planned to leave", "planned a rally": ahead for what follows, past for
            // what precedes
            Lex::Other
                if word(i).eq_ignore_ascii_case("planned")
                    && atoms.get(i + 1).is_some_and(|n| takes_plan(n.lex)) =>
            {
                cues.push((i, Tense::Future, Tense::Past));
                continue;
            }
            Lex::Kw(Kw::Was | Kw::Said | Kw::Ago) | Lex::Ed => Tense::Past,
            _ => continue,
        };
        cues.push((i, t, t));
    }
    cues
}

/// Verbs and nouns of commitment whose "to" looks ahead: "agreed to buy", "an agreement
/// to acquire", "vowed to return".
fn is_commitment(w: &str) -> bool {
    const STEMS: &[&str] = &[
        "agree", "decide", "vote", "promise", "pledge", "vow", "threaten", "prepare",
    ];
    let w = w.to_ascii_lowercase();
    let w = w.as_str();
    matches!(w, "agreement" | "agreements" | "decision")
        || STEMS.iter().any(|s| {
            w.strip_prefix(s)
                .is_some_and(|rest| matches!(rest, "" | "s" | "d" | "ed" | "es"))
        })
}

/// Whether the word at `i` comes right after a determiner, perhaps with an adverb
/// between ("the planned", "a still unspecified").
fn after_determiner(text: &str, atoms: &[Atom], i: usize) -> bool {
    let det = |k: usize| matches!(atoms[k].lex, Lex::Kw(Kw::A | Kw::An | Kw::The));
    if i >= 1 && det(i - 1) {
        return true;
    }
    if i >= 2 && det(i - 2) {
        let w = &text[atoms[i - 1].start..atoms[i - 1].end];
        return w.eq_ignore_ascii_case("still") || (w.len() > 4 && w.ends_with("ly"));
    }
    false
}

/// What follows a verb of planning when it is one: "to" ("plans to leave") or an
/// object ("planned a rally"); "the planned talks" has neither.
fn takes_plan(next: Lex) -> bool {
    matches!(next, Lex::Kw(Kw::To | Kw::A | Kw::An | Kw::The))
}

/// The direction a preposition gives a date without a year, over the clause's tense:
/// "since Oct. 23" (also "since shortly after the Oct. 23 slaying") lies before the
/// report; "until Tuesday", "by May" usually name a deadline still ahead.
fn preposition_tense(atoms: &[Atom], cues: &[Cue], start: usize, end: usize) -> Option<Tense> {
    if start == 0 {
        return None;
    }
    match atoms[start - 1].lex {
        // "extended the deadline until Tuesday"; but a fronted "Until Thursday, they
        // had not …" looks back.
        Lex::Kw(Kw::Until) => {
            let fronted_past =
                !cues.iter().any(|(i, ..)| *i < start) && tense_at(cues, start, end) == Tense::Past;
            return Some(if fronted_past {
                Tense::Past
            } else {
                Tense::Future
            });
        }
        // "by Wednesday" as often reports who spoke by when as it sets a deadline
        Lex::Kw(Kw::By) if !matches!(atoms[start].lex, Lex::Weekday(_) | Lex::WeekdayAbbr(_)) => {
            return Some(Tense::Future)
        }
        _ => {}
    }
    for a in atoms[start.saturating_sub(4)..start].iter().rev() {
        match a.lex {
            Lex::Kw(Kw::Since) => return Some(Tense::Past),
            Lex::Comma | Lex::Period | Lex::Punct | Lex::Ed => return None,
            Lex::Kw(Kw::Was | Kw::Said | Kw::Will | Kw::Would) => return None,
            _ => {}
        }
    }
    None
}

/// The tense of the expression at atoms `start..end`: that of the nearest cue before
/// it in the sentence (the verb an adverbial attaches to usually comes first: "met
/// Monday", "will meet Bush on Thursday"), else of the nearest after it.
fn tense_at(cues: &[Cue], start: usize, end: usize) -> Tense {
    if let Some((_, t, _)) = cues.iter().rev().find(|(i, ..)| *i < start) {
        return *t;
    }
    cues.iter()
        .find(|(i, ..)| *i >= end)
        .map_or(Tense::Unknown, |(_, _, t)| *t)
}

/// "since March", "throughout the year": a point becomes a range.
fn apply_preposition(r: &mut Resolved, before: Lex) {
    if r.ty != "DATE" || r.status != "exact" {
        return;
    }
    let Some((a, b)) = r.point.and_then(|p| p.bounds()) else {
        return;
    };
    let fmt = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let range = match before {
        Lex::Kw(Kw::Since) => (Some(fmt(a)), None),
        Lex::Kw(Kw::Until) => (None, Some(fmt(b))),
        Lex::Kw(Kw::Throughout | Kw::During) => (Some(fmt(a)), Some(fmt(b))),
        _ => return,
    };
    if matches!(before, Lex::Kw(Kw::During)) && r.granularity == "day" {
        return;
    }
    r.status = "range";
    r.range = Some(range);
}

/// Whether a day named at atom `start` moves the story's reference time (TimeML's
/// temporal focus), so that later bare weekdays are read around it: a main-clause
/// event date in the week or two before publication ("The U.N. Security Council on
/// Aug. 6 ordered …; Syria's contingent arriving Tuesday" is Aug. 7). Dates in a
/// "since" clause or a past-perfect one ("had condemned the invasion on Aug. 2") are
/// background and leave the reference time at publication, and so do dates used as
/// modifiers ("the Aug. 7 bombings").
fn moves_focus(text: &str, atoms: &[Atom], start: usize, d: chrono::NaiveDate, ctx: &Ctx) -> bool {
    let Some(dct) = ctx.dct else {
        return false;
    };
    let back = (dct - d).num_days();
    if !(7..=13).contains(&back) || start == 0 {
        return false;
    }
    let a = atoms[start - 1];
    if !text[a.start..a.end].eq_ignore_ascii_case("on") {
        return false;
    }
    !atoms[..start]
        .iter()
        .any(|a| a.lex == Lex::Kw(Kw::Since) || text[a.start..a.end].eq_ignore_ascii_case("had"))
}

/// Keeps the reference points later expressions count from.
fn remember(ctx: &mut Ctx, sem: &Sem, r: &Resolved) {
    use cal::Point;
    use chrono::Datelike;
    use lexicon::Unit;
    if let (Sem::Quarter { .. }, Some(Point::Quarter(y, q))) = (sem, r.point) {
        ctx.ref_quarter = Some((y, q));
    }
    let explicit = matches!(
        sem,
        Sem::Date { .. }
            | Sem::Weekday { .. }
            | Sem::RefWeekday { .. }
            | Sem::DayShift { .. }
            | Sem::Holiday(_)
            | Sem::Month { .. }
            | Sem::RelMonth { .. }
            | Sem::Point(_)
            | Sem::SolarHijri { .. }
    );
    // "yesterday", "last week", "Tuesday night"; not a time of day alone ("overnight",
    // "at 9 a.m."), which names no period of its own
    let deictic = matches!(
        sem,
        Sem::Shift { .. } | Sem::Time { day: Some(_), .. } | Sem::WeekOf(_) | Sem::Weekend(_)
    );
    if !(explicit || deictic) {
        return;
    }
    let point = match (sem, r.point) {
        (_, Some(p)) => Some(p),
        // a time of day names its day
        (Sem::Time { .. }, None) => r
            .value
            .get(..10)
            .and_then(|v| chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
            .map(Point::Day),
        _ => None,
    };
    let unit = match point {
        Some(Point::Day(_)) => Some(Unit::Day),
        Some(Point::Week(..) | Point::Weekend(..)) => Some(Unit::Week),
        Some(Point::Month(..)) => Some(Unit::Month),
        Some(Point::Year(_) | Point::Season(..) | Point::Quarter(..) | Point::Half(..)) => {
            Some(Unit::Year)
        }
        _ => None,
    };
    if unit.is_some() {
        ctx.ref_unit = unit;
        ctx.ref_para = ctx.para;
    }
    match point {
        Some(Point::Day(d)) => {
            ctx.ref_day = Some(d);
            ctx.ref_week = Some(d);
            ctx.ref_month = Some((d.year(), d.month()));
            ctx.ref_year = Some(d.year());
        }
        Some(Point::Week(y, w) | Point::Weekend(y, w)) => {
            if let Some(d) = chrono::NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon) {
                ctx.ref_week = Some(d);
                ctx.ref_year = Some(y);
            }
        }
        Some(Point::Month(y, m)) => {
            ctx.ref_month = Some((y, m));
            ctx.ref_year = Some(y);
        }
        Some(Point::Year(y) | Point::Season(y, _) | Point::Quarter(y, _) | Point::Half(y, _)) => {
            ctx.ref_year = Some(y)
        }
        _ => {}
    }
}

/// Whether the text between two sentences holds a blank line.
fn is_paragraph_break(gap: &str) -> bool {
    let mut lines = 0;
    for c in gap.chars() {
        if c == '\n' {
            lines += 1;
            if lines >= 2 {
                return true;
            }
        } else if !c.is_whitespace() {
            lines = 0;
        }
    }
    false
}

fn annotation(span: Span, sem: &Sem, modifier: Option<&'static str>, r: Resolved) -> Annotation {
    let mut attrs = Map::new();
    attrs.insert("type".into(), r.ty.into());
    attrs.insert("value".into(), r.value.clone().into());
    attrs.insert("granularity".into(), r.granularity.into());
    let mut status = r.status;
    if status == "exact" && modifier.is_some() {
        status = "approximate";
    }
    attrs.insert("status".into(), status.into());
    if let Some(reason) = r.reason {
        attrs.insert("reason".into(), reason.into());
    }
    if let Some((from, to)) = &r.range {
        attrs.insert("from".into(), from.clone().map_or(Value::Null, Value::from));
        attrs.insert("to".into(), to.clone().map_or(Value::Null, Value::from));
    }
    if let Some(a) = &r.anchor {
        attrs.insert("anchor".into(), a.clone().into());
    }
    if let Some(m) = modifier {
        attrs.insert("mod".into(), m.into());
    }
    if r.conflict {
        attrs.insert("weekday_conflict".into(), json!(true));
    }
    if let Some(n) = &r.note {
        attrs.insert("note".into(), n.clone().into());
    }
    let confidence = if r.conflict {
        0.6
    } else {
        match status {
            "unresolved" => 0.5,
            "approximate" => 0.7,
            _ => match sem {
                Sem::Point(_) | Sem::Date { year: Some(_), .. } | Sem::Anchor { .. } => 0.95,
                Sem::Duration { .. } | Sem::Set(_) => 0.85,
                _ => 0.8,
            },
        }
    };
    Annotation::new(span, r.ty, COMPONENT, confidence)
        .with_key(r.value)
        .with_attrs(Value::Object(attrs))
}
