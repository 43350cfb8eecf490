//! The report's security indicators: one [`spillover_doc::Layer::Indicators`] annotation per sentence
//! and indicator, whether or not an event raised it. "ISKP had amassed up to 6,500
//! members" and "terrorists may be among the migrants" raise armed-group strength and
//! terrorism without any coded event; the indicators an event raises are merged into the
//! same sentence's annotation, with the event listed.
//!
//! Each annotation: `span` is the first evidence span, `label` the indicator name, and
//! `attrs`:
//! * `evidence`: every evidence span in the sentence (cue words, triggers, actors);
//! * `sentence`: the sentence index;
//! * `events`: the events of the sentence that raise it (`start`, `end`, `plover`,
//!   `status`);
//! * `direction` {`from`, `to`}: across a border, for the indicators that cross borders —
//!   the event's, else "from X" / "to/into/toward Y" in the sentence, completed by the
//!   other side of a border mentioned there;
//! * `place` {`key`, `name`, `country`, `admin1`, `precision`, `start`, `end`, `origin`}:
//!   an event's place (`origin` `event`), else the first place in the sentence that is
//!   not a government (`sentence`), else the country the report mentions most
//!   (`report`; only `country`);
//! * `date` {`value`, `granularity`, `origin`, …}: an event's date, else the date in the
//!   sentence nearest the evidence (`text`), else the publication date (`published`);
//! * `claim` {`start`, `end`, `speaker`, `stance`}: when the evidence lies in the content
//!   of an attributed claim — the indicator is then the speaker's, not the report's.
//!
//! Confidence: 0.8 when an event that happened raises it, 0.7 for other events, 0.6 for
//! cue words alone.

use super::lexicon::Indicator;
use super::{acting, first_span, spans_attr, spans_of, str_attr, within, word_before, Layers};
use serde_json::{json, Map, Value};
use spillover_doc::{Annotation, Doc, Span};
use std::collections::{BTreeMap, HashMap};

/// The component name of the indicator annotations (the event coder's).
const COMPONENT: &str = super::COMPONENT;

/// The indicator cues of each sentence (sentence index, indicator, words).
pub(super) type SentenceCues = [(usize, Vec<(Indicator, Span)>)];

#[derive(Default)]
struct Group {
    evidence: Vec<Span>,
    events: Vec<usize>,
    direction: Option<Value>,
}

/// The indicator annotations of a doc, from the cues of its sentences and the indicators
/// of its coded events.
pub(super) fn annotations(
    doc: &Doc,
    events: &[Annotation],
    cues: &SentenceCues,
    l: &Layers,
) -> Vec<Annotation> {
    let mut groups: BTreeMap<(usize, Indicator), Group> = BTreeMap::new();
    for (si, found) in cues {
        for (ind, sp) in found {
            groups.entry((*si, *ind)).or_default().evidence.push(*sp);
        }
    }
    for (ei, ev) in events.iter().enumerate() {
        let Some(si) = ev.attrs.get("sentence").and_then(Value::as_u64) else {
            continue;
        };
        let Some(list) = ev.attrs.get("indicators").and_then(Value::as_array) else {
            continue;
        };
        for item in list {
            let Some(ind) = item
                .get("indicator")
                .and_then(Value::as_str)
                .and_then(Indicator::parse)
            else {
                continue;
            };
            let g = groups.entry((si as usize, ind)).or_default();
            g.events.push(ei);
            g.evidence.extend(spans_of(item.get("evidence")));
            if g.direction.is_none() {
                g.direction = item.get("direction").filter(|d| d.is_object()).cloned();
            }
        }
    }
    if groups.is_empty() {
        return Vec::new();
    }
    let text = doc.text();
    let sentences = doc.sentences();
    let mut report_country: Option<Option<String>> = None;
    let mut out = Vec::with_capacity(groups.len());
    for ((si, ind), mut g) in groups {
        let Some(&sspan) = sentences.get(si) else {
            continue;
        };
        g.evidence.retain(|s| sspan.contains(*s));
        g.evidence.sort();
        g.evidence.dedup();
        let Some(&first) = g.evidence.first() else {
            continue;
        };
        let raising: Vec<&Annotation> = g.events.iter().filter_map(|&i| events.get(i)).collect();
        let mut attrs = Map::new();
        attrs.insert(
            "evidence".into(),
            json!(g
                .evidence
                .iter()
                .map(|s| [s.start, s.end])
                .collect::<Vec<_>>()),
        );
        attrs.insert("sentence".into(), json!(si));
        if !raising.is_empty() {
            attrs.insert(
                "events".into(),
                Value::Array(
                    raising
                        .iter()
                        .map(|e| {
                            json!({
                                "start": e.span.start,
                                "end": e.span.end,
                                "plover": e.label.as_ref(),
                                "status": e.attrs.get("status"),
                            })
                        })
                        .collect(),
                ),
            );
        }
        if ind.crosses_borders() {
            if let Some(d) = g
                .direction
                .take()
                .or_else(|| sentence_direction(text, l, sspan))
            {
                attrs.insert("direction".into(), d);
            }
        }
        let place = raising
            .iter()
            .find_map(|e| e.attrs.get("place").filter(|p| p.is_object()))
            .map(|p| {
                let mut p = p.clone();
                p["origin"] = json!("event");
                p
            })
            .or_else(|| sentence_place(l, sspan))
            .or_else(|| {
                report_country
                    .get_or_insert_with(|| most_mentioned_country(l))
                    .as_ref()
                    .map(|c| json!({"country": c, "origin": "report"}))
            });
        if let Some(p) = place {
            attrs.insert("place".into(), p);
        }
        let date = raising
            .iter()
            .find_map(|e| e.attrs.get("date").filter(|d| d.is_object()).cloned())
            .or_else(|| sentence_date(l, sspan, first))
            .or_else(|| {
                doc.report().published.map(
                    |p| json!({"value": p.to_string(), "granularity": "day", "origin": "published"}),
                )
            });
        if let Some(d) = date {
            attrs.insert("date".into(), d);
        }
        if let Some(c) = enclosing_claim(l, first) {
            attrs.insert(
                "claim".into(),
                json!({
                    "start": c.span.start,
                    "end": c.span.end,
                    "speaker": c.attrs.get("speaker").and_then(|s| s.get("key")),
                    "stance": c.attrs.get("stance"),
                }),
            );
        }
        let confidence = if raising
            .iter()
            .any(|e| str_attr(e, "status").unwrap_or("happened") == "happened")
        {
            0.8
        } else if raising.is_empty() {
            0.6
        } else {
            0.7
        };
        out.push(
            Annotation::new(first, ind.as_str(), COMPONENT, confidence)
                .with_attrs(Value::Object(attrs)),
        );
    }
    out
}

/// The first place of a sentence that is a setting, not a government or an agent.
fn sentence_place(l: &Layers, sspan: Span) -> Option<Value> {
    let p = within(&l.places, sspan)
        .iter()
        .find(|p| str_attr(p, "role") != Some("government") && !acting(l, p.span))?;
    let mut v = json!({
        "key": p.key,
        "name": p.attrs.get("name"),
        "country": p.attrs.get("country"),
        "precision": p.attrs.get("precision"),
        "start": p.span.start,
        "end": p.span.end,
        "origin": "sentence",
    });
    if let Some(a) = p.attrs.get("admin1").filter(|a| a.is_string()) {
        v["admin1"] = a.clone();
    }
    Some(v)
}

/// The country most of the report's places are in (ties: the first mentioned).
fn most_mentioned_country(l: &Layers) -> Option<String> {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (i, p) in l.places.iter().enumerate() {
        if let Some(c) = str_attr(p, "country").filter(|c| !c.is_empty()) {
            let e = counts.entry(c).or_insert((0, i));
            e.0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(c, _)| c.to_string())
}

/// The resolved calendar date of a sentence nearest `near`.
fn sentence_date(l: &Layers, sspan: Span, near: Span) -> Option<Value> {
    let d = within(&l.dates, sspan)
        .iter()
        .filter(|d| {
            d.label == "DATE"
                && d.key
                    .as_deref()
                    .is_some_and(|k| k.starts_with(|c: char| c.is_ascii_digit()))
        })
        .min_by_key(|d| d.span.start.abs_diff(near.start))?;
    Some(json!({
        "value": d.key,
        "granularity": d.attrs.get("granularity"),
        "origin": "text",
        "start": d.span.start,
        "end": d.span.end,
    }))
}

/// The claim whose content holds `span`.
fn enclosing_claim<'d>(l: &Layers<'d>, span: Span) -> Option<&'d Annotation> {
    l.claim_anns.iter().find(|c| {
        spans_attr(c, "content_spans")
            .iter()
            .any(|cs| cs.contains(span))
            || (first_span(c, "content_spans").is_none() && c.span.contains(span))
    })
}

/// "from X" and "to/into/toward Y" among the places and actors of a sentence, the
/// other side completed by a border mentioned there.
fn sentence_direction(text: &str, l: &Layers, sspan: Span) -> Option<Value> {
    let mut from: Option<&str> = None;
    let mut to: Option<&str> = None;
    let mut border: Option<(&str, &str)> = None;
    for p in within(&l.places, sspan)
        .iter()
        .chain(within(&l.actors, sspan).iter())
    {
        if str_attr(p, "precision") == Some("border") {
            if let Some(pair) = p.key.as_deref().and_then(|k| k.split_once('-')) {
                border.get_or_insert(pair);
            }
        }
        let Some(c) = str_attr(p, "country").filter(|c| !c.is_empty()) else {
            continue;
        };
        match word_before(text, p.span.start) {
            "from" if from.is_none() => from = Some(c),
            "to" | "into" | "toward" | "towards" if to.is_none() => to = Some(c),
            _ => {}
        }
    }
    if let Some((a, b)) = border {
        match (from, to) {
            (None, Some(t)) if t == a => from = Some(b),
            (None, Some(t)) if t == b => from = Some(a),
            (Some(f), None) if f == a => to = Some(b),
            (Some(f), None) if f == b => to = Some(a),
            _ => {}
        }
    }
    match (from, to) {
        (Some(f), Some(t)) if f != t => Some(json!({"from": f, "to": t})),
        _ => None,
    }
}
