//! Events: who did what to whom, coded as PLOVER types with CAMEO and ACLED codes, with
//! the place, the date, the figures, the claim it is reported through, its status and
//! the security indicators it raises.
//!
//! [`EventCoder`] reads the sentences, tokens, actors, places, dates, quantities and
//! claims layers and adds one [`Layer::Events`] annotation per event. Per sentence:
//! 1. **Triggers** from `data/events/triggers.tsv` (a sentence without a trigger word
//!    costs one hash lookup per word): verbs and verb phrases ("attacked", "held talks",
//!    "imposed sanctions on") and nouns ("attacks on", "talks") with their PLOVER type,
//!    CAMEO code and PLOVER mode. Overlapping matches keep the longest.
//! 2. **Participants** ([`participants`]): actor mentions, demonym phrases ("Israeli
//!    soldiers" → `ISRMIL`), sector heads with their country ("rebels in the Ivory
//!    Coast" → `CIVREB`) and places.
//! 3. **Roles** ([`frame`]): the trigger's clause stops at reporting verbs and claim cues,
//!    so "…, officials said" never makes the officials the source. The source is the
//!    phrase right before the verb group, else the first phrase of the clause not after a
//!    preposition; the target the first phrase after the trigger (a setting only when
//!    nothing else is there). A passive ("was attacked by X") swaps them; coordinated
//!    phrases ("X and Y agreed") give one event per pair, both directions for reciprocal
//!    triggers. A pronoun subject inside a claim is the claim's speaker ("Syria says it
//!    will withdraw").
//! 4. **Modality**: "will"/"is ready to"/"offered to" turn a cooperative event into AGREE
//!    and a hostile one into THREATEN (the intended event kept under `intended`);
//!    "refused to"/"will not" make REJECT; negation, conditions ("if", "may"), attempts
//!    ("attempted to") and purposes set the `status`; events inside a claim that denies
//!    are `denied`, inside a hedged claim `hypothetical`. A reported failure ("these
//!    attempts were suppressed") makes an attempt `negated`.
//! 5. **Claims** that accuse, demand or deny without a trigger word ("Both countries
//!    claim that the Taliban provides shelter to militants") become ACCUSE, REQUEST or
//!    REJECT events of the speaker; a denial is aimed at the speakers of the claims it
//!    contradicts; "X said that Y must …" is a REQUEST of X to Y.
//! 6. **Inference**, always marked `inferred` on the side it fills: an unnamed attacker
//!    is the unidentified armed forces of the place ("a roadside bomb near Samarra" →
//!    `IRQUAF`); a titled person or a group with no country takes the country of the
//!    event's setting, or of its counterpart in a domestic pairing (rebels facing a
//!    government, police facing demonstrators); a protest, a concession or an
//!    administrative measure with no named target is aimed at the source's own country.
//!
//! # The annotation
//! * `span`: the evidence, from the source (when in the clause) through the trigger to
//!   the target, inside one sentence; `label`: the PLOVER type.
//! * `attrs`: `cameo` (code), `plover_mode`, `plover_context`,
//!   `acled_event_type`/`acled_sub_event_type` (where one applies); `source_code` and
//!   `target_code` (CAMEO-style, `---` when absent), `source`/`target` (`key`, `name`,
//!   `code`, `kind`, `country`, `sector`, `via`, `start`, `end`, `inferred`); `trigger`
//!   (`start`, `end`, `text`); `evidence` (byte spans); `status` (`happened`,
//!   `negated`, `hypothetical`, `future`, `denied`); `modality` (`asserted`, `intent`,
//!   `threat`, `refusal`, `demand`, `negated`, `conditional`, `attempt`, `purpose`);
//!   `intended` {`plover`, `cameo`} for intentions; `attempt` (`true` or `"failed"`);
//!   `claim` {`start`, `end`, `stance`, `speaker`, `relation`: `speech_act` when the
//!   claim is the event (an accusation), `reported` when it reports it}; `place` {`key`,
//!   `name`, `country`, `precision`, `start`, `end`}; `date` {`value`, `granularity`,
//!   `origin` (`text`, `claim`, `published`), `start`, `end`, `from`/`to` for ranges};
//!   `counts` {`killed`, `wounded`, `arrested`}; `indicators` [{`indicator`,
//!   `evidence`, `direction` {`from`, `to`}}]; `sentence`.
//! * `confidence`: higher with both sides named, lower for nominal triggers and
//!   subordinate clauses.
//!
//! Security indicators live on the events that raise them, and in the report's own
//! [`Layer::Indicators`] layer ([`indicators`]): one annotation per sentence and
//! indicator, also where no event raises it (armed-group strength, "terrorists may be
//! among the migrants").

pub mod frame;
pub mod indicators;
pub mod lexicon;
pub mod participants;
pub mod sentence;
#[cfg(test)]
mod tests;
pub mod words;

use crate::places::demonyms::Demonyms;
use crate::{add_all, Component, ComponentError};
use frame::{ClaimView, Frame, Modality};
use lexicon::{Family, Indicator, Lexicon, PatternRef, Plover, Trigger};
use participants::{Participant, Sources, Via};
use sentence::{Match, Sentence, Words};
use serde_json::{json, Map, Value};
use spillover_doc::{Annotation, Doc, Layer, Span};
use std::collections::BTreeMap;
use std::sync::OnceLock;
use words::WordSet;

const COMPONENT: &str = "events";

/// Words after an attempt that report its failure.
static FAILURE: WordSet = WordSet::new(&[
    "suppressed",
    "thwarted",
    "foiled",
    "repelled",
    "repulsed",
    "prevented",
    "failed",
    "averted",
    "intercepted",
    "stopped",
    "blocked",
    "defeated",
]);

/// The event coder.
pub struct EventCoder {
    lex: &'static Lexicon,
    demonyms: &'static Demonyms,
}

impl Default for EventCoder {
    fn default() -> Self {
        EventCoder::new()
    }
}

fn shared_demonyms() -> &'static Demonyms {
    static D: OnceLock<Demonyms> = OnceLock::new();
    D.get_or_init(Demonyms::builtin)
}

/// Event status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Happened,
    Negated,
    Hypothetical,
    Future,
    Denied,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Happened => "happened",
            Status::Negated => "negated",
            Status::Hypothetical => "hypothetical",
            Status::Future => "future",
            Status::Denied => "denied",
        }
    }
}

/// One coded event before it becomes an annotation.
#[derive(Debug, Clone)]
struct Event<'d> {
    sentence: usize,
    label: Plover,
    cameo: String,
    mode: Option<&'static str>,
    trigger: Span,
    evidence: Vec<Span>,
    source: Option<Participant<'d>>,
    target: Option<Participant<'d>>,
    status: Status,
    modality: &'static str,
    intended: Option<(Plover, String)>,
    attempt: Option<bool>,
    claim: Option<usize>,
    clause: Span,
    nominal: bool,
    subordinate: bool,
    /// The trigger's own claim (a speech act coded as an event).
    own_claim: Option<usize>,
}

/// Layers of the doc, each sorted by start.
struct Layers<'d> {
    /// The claims layer, for the speakers and contradictions of a claim.
    claim_anns: &'d [Annotation],
    actors: Vec<&'d Annotation>,
    places: Vec<&'d Annotation>,
    dates: Vec<&'d Annotation>,
    quantities: Vec<&'d Annotation>,
}

fn sorted(doc: &Doc, layer: Layer) -> Vec<&Annotation> {
    let mut v: Vec<&Annotation> = doc.layer(layer).iter().collect();
    if !v.is_sorted_by_key(|a| (a.span.start, a.span.end)) {
        v.sort_by_key(|a| (a.span.start, a.span.end));
    }
    v
}

fn spans_attr(a: &Annotation, key: &str) -> Vec<Span> {
    spans_of(a.attrs.get(key))
}

/// `[[start, end], …]` as spans (pairs that are no valid span left out).
fn spans_of(v: Option<&Value>) -> Vec<Span> {
    v.and_then(|v| v.as_array())
        .map(|arr| {
            arr.iter()
                .filter_map(|p| {
                    let s = p.get(0)?.as_u64()? as usize;
                    let e = p.get(1)?.as_u64()? as usize;
                    Span::new(s, e).ok()
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The first `[start, end]` pair of a span-list attribute.
fn first_span(a: &Annotation, key: &str) -> Option<Span> {
    let p = a.attrs.get(key)?.as_array()?.first()?;
    Span::new(p.get(0)?.as_u64()? as usize, p.get(1)?.as_u64()? as usize).ok()
}

fn span_of_json(v: &Value) -> Option<Span> {
    let s = v.get("start")?.as_u64()? as usize;
    let e = v.get("end")?.as_u64()? as usize;
    Span::new(s, e).ok()
}

/// The speaker mentions of a claim (byte spans of actor mentions).
fn speaker_spans(l: &Layers, index: usize) -> Vec<Span> {
    let Some(a) = l.claim_anns.get(index) else {
        return Vec::new();
    };
    let mut speakers: Vec<Span> = a
        .attrs
        .get("speakers")
        .and_then(|v| v.as_array())
        .map(|arr| arr.iter().filter_map(span_of_json).collect())
        .unwrap_or_default();
    if speakers.is_empty() {
        speakers.extend(a.attrs.get("speaker").and_then(span_of_json));
    }
    speakers
}

/// The spans of the claims a claim contradicts.
fn contradicted_spans(l: &Layers, index: usize) -> Vec<Span> {
    l.claim_anns
        .get(index)
        .and_then(|a| a.attrs.get("contradicts"))
        .and_then(|v| v.as_array())
        .map(|arr| arr.iter().filter_map(span_of_json).collect())
        .unwrap_or_default()
}

/// The claims over a sentence, as the frame reads them.
fn claim_views(doc: &Doc, sentence: Span) -> Vec<ClaimView> {
    doc.layer(Layer::Claims)
        .iter()
        .enumerate()
        .filter(|(_, a)| a.span.overlaps(sentence))
        .filter_map(|(index, a)| {
            let cue = first_span(a, "cue_spans")?;
            Some(ClaimView {
                index,
                span: a.span,
                cue,
                sources: spans_attr(a, "source_spans"),
                contents: spans_attr(a, "content_spans"),
                stance: match a.label.as_ref() {
                    "accuses" => "accuses",
                    "denies" => "denies",
                    "demands" => "demands",
                    "warns" => "warns",
                    "promises" => "promises",
                    "hedged" => "hedged",
                    _ => "asserts",
                },
                hedged: a
                    .attrs
                    .get("hedged")
                    .and_then(|v| v.as_bool())
                    .unwrap_or(false),
                reporting: {
                    let frame = a.attrs.get("frame").and_then(|v| v.as_str()).unwrap_or("");
                    let cue_text = doc.text().get(cue.start..cue.end).unwrap_or("");
                    let last = cue_text.rsplit(' ').next().unwrap_or("");
                    matches!(frame, "tell" | "according" | "concern")
                        || (frame == "speech"
                            && frame::REPORTING
                                .iter()
                                .any(|r| r.eq_ignore_ascii_case(last)))
                },
            })
        })
        .collect()
}

/// The annotations of `v` inside `span` (`v` sorted by start).
fn within<'a, 'd>(v: &'a [&'d Annotation], span: Span) -> &'a [&'d Annotation] {
    let lo = v.partition_point(|a| a.span.start < span.start);
    let hi = v.partition_point(|a| a.span.start < span.end);
    &v[lo..hi.max(lo)]
}

fn str_attr<'a>(a: &'a Annotation, k: &str) -> Option<&'a str> {
    a.attrs.get(k).and_then(|v| v.as_str())
}

/// A participant for an actor mention outside the current sentence (a claim's speaker).
fn participant_of<'d>(actors: &[&'d Annotation], span: Span) -> Option<Participant<'d>> {
    let a: &'d Annotation = actors
        .iter()
        .find(|a| a.span == span || a.span.overlaps(span))?;
    let code = str_attr(a, "code");
    let country = str_attr(a, "country").or_else(|| code.and_then(participants::country_of_code));
    Some(Participant {
        span: a.span,
        a: 0,
        b: 0,
        key: a.key.as_deref(),
        name: str_attr(a, "name"),
        code: code.map(std::borrow::Cow::Borrowed),
        country,
        kind: str_attr(a, "kind"),
        sector: None,
        via: Via::Actor,
        locative: false,
        pronoun: false,
        inferred: false,
        plural: false,
    })
}

impl EventCoder {
    pub fn new() -> EventCoder {
        EventCoder {
            lex: Lexicon::shared(),
            demonyms: shared_demonyms(),
        }
    }

    /// Codes the events of a doc.
    pub fn code(&self, doc: &Doc) -> Vec<Annotation> {
        self.code_all(doc).0
    }

    /// Codes the events of a doc and its security indicators (the annotations of
    /// [`Layer::Events`] and [`Layer::Indicators`]).
    pub fn code_all(&self, doc: &Doc) -> (Vec<Annotation>, Vec<Annotation>) {
        let text = doc.text();
        let lex = self.lex;
        let mut words = Words::default();
        let mut layers: Option<Layers> = None;
        let mut events: Vec<Event> = Vec::new();
        let mut failures: Vec<usize> = Vec::new();
        let mut cues: Vec<(usize, Vec<(Indicator, Span)>)> = Vec::new();
        let mut learned = participants::Learned::new();
        // the claims stage labels a claim with its stance
        let claim_cues: Vec<Span> = doc
            .layer(Layer::Claims)
            .iter()
            .filter(|a| matches!(a.label.as_ref(), "accuses" | "demands" | "denies"))
            .filter_map(|a| first_span(a, "cue_spans"))
            .collect();

        for (si, &sspan) in doc.sentences().iter().enumerate() {
            let toks = doc.tokens_in(sspan);
            if toks.is_empty() {
                continue;
            }
            let (hit, cue_hit) = words.fill(text, toks, lex);
            let has_claim = claim_cues.iter().any(|c| sspan.contains(*c));
            if !hit && !has_claim && !cue_hit {
                continue;
            }
            let l = layers.get_or_insert_with(|| Layers {
                claim_anns: doc.layer(Layer::Claims),
                actors: sorted(doc, Layer::Actors),
                places: sorted(doc, Layer::Places),
                dates: sorted(doc, Layer::Dates),
                quantities: sorted(doc, Layer::Quantities),
            });
            let s = Sentence {
                index: si,
                span: sspan,
                text,
                toks,
                words: &words,
            };
            let (trigs, cue_matches) = s.matches(lex);
            if !cue_matches.is_empty() {
                cues.push((
                    si,
                    cue_matches
                        .iter()
                        .filter_map(|m| match m.what {
                            PatternRef::Cue(c) => {
                                Some((lex.cues[c as usize].0, s.span_of(m.first, m.last)))
                            }
                            PatternRef::Trigger(_) => None,
                        })
                        .collect(),
                ));
            }
            if (0..s.len()).any(|i| FAILURE.contains(&s.w(i)))
                && (0..s.len()).any(|i| s.w(i).starts_with("attempt"))
            {
                failures.push(si);
            }
            if trigs.is_empty() && !has_claim {
                continue;
            }
            let src = Sources {
                lex,
                demonyms: self.demonyms,
                text,
                actors: within(&l.actors, sspan),
                places: within(&l.places, sspan)
                    .iter()
                    .copied()
                    .filter(|p| str_attr(p, "role") != Some("government"))
                    .collect(),
            };
            let parts = participants::find_learning(&s, &src, &mut learned);
            let mut date_mask = vec![false; toks.len()];
            for d in within(&l.dates, sspan) {
                let (a, b) = s.toks_in(d.span);
                date_mask[a..b].iter_mut().for_each(|x| *x = true);
            }
            let claims = claim_views(doc, sspan);
            let frame = Frame {
                s: &s,
                parts: &parts,
                claims: &claims,
                dates: &date_mask,
                retreat: false,
            };
            let first_new = events.len();
            self.code_triggers(&frame, &trigs, l, &mut events, first_new);
            self.code_claims(&frame, &trigs, l, &mut events, first_new);
        }

        // "these attempts were suppressed": attempts in that sentence or just before failed
        for &si in &failures {
            for e in events.iter_mut() {
                if e.attempt == Some(true) && e.sentence + 2 >= si && e.sentence <= si {
                    e.status = Status::Negated;
                    e.attempt = Some(false);
                }
            }
        }
        let Some(l) = layers else {
            return (Vec::new(), Vec::new());
        };
        let events = merge(events);
        let anns: Vec<Annotation> = events
            .iter()
            .map(|e| self.annotation(doc, e, &l, &cues))
            .collect();
        let found = indicators::annotations(doc, &anns, &cues, &l);
        (anns, found)
    }

    /// The events of the trigger words of one sentence.
    fn code_triggers<'d>(
        &self,
        f: &Frame<'_, 'd>,
        trigs: &[Match],
        l: &Layers<'d>,
        out: &mut Vec<Event<'d>>,
        first_new: usize,
    ) {
        let s = f.s;
        let lex = self.lex;
        let mut absorbed = vec![false; trigs.len()];
        // A capitalised trigger inside a sentence is a name ("March", "Rally"); a trigger
        // inside a date is part of it.
        for (ti, m) in trigs.iter().enumerate() {
            if (m.first > 0
                && s.is_cap(m.first)
                && !s.raw(m.first).chars().all(|c| c.is_uppercase()))
                || f.dates.get(m.first).copied().unwrap_or(false)
                || f.parts
                    .iter()
                    .any(|p| p.a <= m.first && m.first < p.b && p.via != Via::Place)
            {
                // a name, a date, or a word of an actor's name ("riot police")
                absorbed[ti] = true;
            }
        }
        let nominal_v: Vec<bool> = trigs
            .iter()
            .map(|m| match m.what {
                PatternRef::Trigger(id) => lex.triggers[id as usize].flags.noun || f.nominal(m),
                PatternRef::Cue(_) => false,
            })
            .collect();
        let clause_v: Vec<frame::Clause> = trigs
            .iter()
            .map(|m| {
                let comp_like = match m.what {
                    PatternRef::Trigger(id) => {
                        let t = &lex.triggers[id as usize];
                        t.flags.comp || matches!(t.plover, Plover::Request | Plover::Accuse)
                    }
                    PatternRef::Cue(_) => false,
                };
                f.clause(m, comp_like)
            })
            .collect();
        let index_of = |m: &Match| trigs.iter().position(|x| std::ptr::eq(x, m)).unwrap_or(0);
        let is_nominal = |m: &Match| nominal_v[index_of(m)];
        // Nouns in a clause that has a verb trigger belong to that verb ("the first
        // deployment of NATO troops have arrived").
        let verb_clauses: Vec<(usize, usize)> = trigs
            .iter()
            .enumerate()
            .filter(|(ti, m)| !absorbed[*ti] && !is_nominal(m))
            .map(|(ti, _)| (clause_v[ti].start, clause_v[ti].end))
            .collect();
        let verbs: Vec<&Match> = trigs
            .iter()
            .enumerate()
            .filter(|(ti, m)| !absorbed[*ti] && !is_nominal(m))
            .map(|(_, m)| m)
            .collect();
        for (ti, m) in trigs.iter().enumerate() {
            if !is_nominal(m) {
                continue;
            }
            // after a verb in its clause (its object), or in the subject right before it
            // ("the first deployment of NATO troops have arrived"), not in an apposition
            let owned = verbs.iter().zip(&verb_clauses).any(|(v, &(a, b))| {
                a <= m.first
                    && m.first < b
                    && (m.first > v.last || !(m.last + 1..v.first).any(|k| s.w(k) == ","))
            });
            if owned {
                absorbed[ti] = true;
            }
        }
        for ti in 0..trigs.len() {
            if absorbed[ti] {
                continue;
            }
            let m = &trigs[ti];
            let PatternRef::Trigger(id) = m.what else {
                continue;
            };
            let t: &Trigger = &lex.triggers[id as usize];
            let nominal = nominal_v[ti];
            let clause = clause_v[ti];
            // The complement ("threatened to cut off …") and the events named as objects
            // ("rejected a U.S. request") belong to this trigger.
            let mut complement: Option<(&Trigger, &Match)> = None;
            if !nominal {
                for (tj, n) in trigs.iter().enumerate().skip(ti + 1) {
                    if n.first >= clause.end {
                        break;
                    }
                    let PatternRef::Trigger(nid) = n.what else {
                        continue;
                    };
                    let nt = &lex.triggers[nid as usize];
                    let n_nominal = nominal_v[tj];
                    // what is accused, demanded, refused or threatened is not an event of
                    // its own
                    let speech_act =
                        t.flags.comp && lex.type_row(t.plover).family != Family::Cooperative;
                    if t.flags.comp && complement.is_none() && self.introduces(s, m, n) {
                        complement = Some((nt, n));
                        absorbed[tj] = true;
                    } else if n_nominal || speech_act {
                        absorbed[tj] = true;
                    }
                }
            }
            let md = f.modality(m, &clause);
            let own_claim = f.own_claim(m);
            let trigger_span = s.span_of(m.first, m.last);
            let content_claim = f
                .claims
                .iter()
                .filter(|c| Some(c.index) != own_claim && c.in_content(trigger_span))
                .min_by_key(|c| c.span.len())
                .cloned();

            // Roles.
            let mut sources: Vec<Participant> = Vec::new();
            let mut targets: Vec<Participant> = Vec::new();
            let mut pairs_within = false;
            if nominal {
                let f = &Frame {
                    retreat: t.plover == Plover::Retreat,
                    ..*f
                };
                if let Some(a) = f.noun_agent(m) {
                    sources.push(f.parts[a].clone());
                }
                if let Some(t) = f.noun_target(m, &clause) {
                    targets.push(f.parts[t].clone());
                }
                let between = f.between(m, &clause);
                if !between.is_empty() {
                    if sources.is_empty() {
                        sources = between.iter().map(|&i| f.parts[i].clone()).collect();
                        pairs_within = true;
                    } else if targets.is_empty() {
                        targets = between.iter().map(|&i| f.parts[i].clone()).collect();
                    }
                }
                // "its demand that Israel ease restrictions": the demand's addressee
                if targets.is_empty()
                    && t.flags.comp
                    && matches!(s.w(m.last + 1), "that" | "to" | "for")
                {
                    if let Some(p) = f
                        .parts
                        .iter()
                        .find(|p| p.a > m.last + 1 && p.a <= m.last + 4 && p.coded())
                    {
                        targets.push(p.clone());
                    }
                    for (tj, n) in trigs.iter().enumerate().skip(ti + 1) {
                        if n.first < clause.end {
                            absorbed[tj] = true;
                        }
                    }
                }
                if sources.is_empty() {
                    // "X, responsible for attacks on Y", "X launched … attacks"
                    let subj = f.subject(m, &clause);
                    if !targets.is_empty() || !subj.is_empty() {
                        sources = subj.iter().map(|&i| f.parts[i].clone()).collect();
                    }
                }
                if sources.iter().all(|p| !p.coded()) && targets.iter().all(|p| !p.coded()) {
                    continue;
                }
            } else {
                let subj = f.subject(m, &clause);
                let complaint = t.plover == Plover::Accuse || t.flags.protest;
                let (objs, agent) =
                    f.objects(m, &clause, &subj, complaint, t.flags.intr, md.passive);
                if md.passive {
                    sources = agent.iter().map(|&i| f.parts[i].clone()).collect();
                    targets = subj.iter().map(|&i| f.parts[i].clone()).collect();
                    if targets.is_empty() {
                        targets = objs.iter().map(|&i| f.parts[i].clone()).collect();
                    }
                } else {
                    sources = subj.iter().map(|&i| f.parts[i].clone()).collect();
                    targets = objs.iter().map(|&i| f.parts[i].clone()).collect();
                    if targets.is_empty() && !agent.is_empty() {
                        targets = agent.iter().map(|&i| f.parts[i].clone()).collect();
                    }
                }
                if t.flags.rev {
                    std::mem::swap(&mut sources, &mut targets);
                }
                if targets.is_empty() {
                    let between = f.between(m, &clause);
                    if !between.is_empty() {
                        if sources.is_empty() {
                            sources = between.iter().map(|&i| f.parts[i].clone()).collect();
                            pairs_within = true;
                        } else {
                            targets = between.iter().map(|&i| f.parts[i].clone()).collect();
                        }
                    }
                }
            }
            // A pronoun or missing subject inside a claim: the claim's speaker.
            let speaker_claim = own_claim
                .and_then(|c| f.claims.iter().find(|v| v.index == c))
                .or(content_claim.as_ref());
            if sources.iter().all(|p| p.pronoun || !p.coded()) && !md.passive {
                if let Some(c) = speaker_claim {
                    let content_start = c.contents.first().map_or(usize::MAX, |x| x.start);
                    let speaks = Some(c.index) == own_claim
                        || sources.iter().any(|p| p.pronoun)
                        || (sources.is_empty()
                            && s.toks[clause.start.min(s.len() - 1)].span.start
                                <= content_start + 1);
                    if speaks {
                        let sp = claim_speakers(f, c, l);
                        if !sp.is_empty() {
                            sources = sp;
                        }
                    }
                }
            }
            sources.retain(|p| !p.pronoun);
            // "killed one soldier and wounded two others", "opened fire …, killing one
            // person and arresting 12": a verb joined to the one before shares its
            // subject; with the same type it is the same event.
            let joined = !nominal
                && (f.adjunct(m) || (m.first > 0 && matches!(s.w(m.first - 1), "and" | "or")));
            let previous = out[first_new..]
                .iter()
                .rposition(|e| {
                    e.sentence == s.index && e.trigger.end <= trigger_span.start && !e.nominal
                })
                .map(|i| first_new + i);
            if joined {
                if let Some(pi) = previous {
                    if out[pi].label == t.plover && out[pi].status == Status::Happened {
                        let prev_trigger = out[pi].trigger;
                        for e in out[first_new..]
                            .iter_mut()
                            .filter(|e| e.trigger == prev_trigger)
                        {
                            e.evidence.push(trigger_span);
                        }
                        continue;
                    }
                    if let Some(src) = out[pi].source.clone() {
                        sources = vec![src];
                    }
                }
            }
            infer_countries(f, &clause, &mut sources, &mut targets);
            // Of coordinated phrases, the uncoded ones ("Mohammed Mamoun" beside "a member
            // of the Syrian parliament") add nothing when one is coded.
            if sources.iter().any(Participant::coded) {
                sources.retain(Participant::coded);
            }
            if targets.iter().any(Participant::coded) {
                targets.retain(Participant::coded);
            }
            // "Russia said that Sudan must return …": a demand of the speaker on Sudan.
            let demand_on = md
                .obligation
                .then_some(content_claim.as_ref())
                .flatten()
                .map(|c| claim_speakers(f, c, l));

            infer_countries(f, &clause, &mut sources, &mut targets);

            // Type and code.
            let (mut label, mut cameo, mut modality, mut intended) =
                self.recode(t, complement.map(|c| c.0), &md);
            let mut status = Status::Happened;
            if let Some(speakers) = demand_on.filter(|sp| !sp.is_empty()) {
                intended = Some((label, cameo.clone()));
                label = Plover::Request;
                cameo = lex
                    .type_row(intended.as_ref().map_or(t.plover, |i| i.0))
                    .demand_cameo
                    .unwrap_or("100")
                    .to_string();
                modality = "demand";
                targets = std::mem::replace(&mut sources, speakers);
                targets.retain(|p| !p.pronoun);
            }
            // "will withdraw … unless …": a conditional intention is a threat
            let unless = (m.last + 1..s.len()).find(|&i| s.w(i) == "unless");
            if modality == "intent" && unless.is_some() {
                label = Plover::Threaten;
                cameo = "130".into();
                modality = "threat";
            }
            // "threatened to strike unless Israel rescinded …": the one whose conduct is
            // the condition is the target
            if label == Plover::Threaten && !targets.iter().any(Participant::coded) {
                let cond = unless.or_else(|| (m.last + 1..s.len()).find(|&i| s.w(i) == "if"));
                if let Some(k) = cond {
                    if let Some(p) = f
                        .parts
                        .iter()
                        .find(|p| p.a > k && p.a <= k + 3 && p.coded())
                    {
                        targets = vec![p.clone()];
                    }
                }
            }
            // An attack with no named attacker: unidentified armed forces where it took
            // place ("a roadside bomb near Samarra killed …"), as CAMEO codes them.
            if label == Plover::Assault && sources.is_empty() && !nominal {
                if let Some(country) = setting_country(f, &clause) {
                    sources.push(Participant {
                        span: trigger_span,
                        a: m.first,
                        b: m.last + 1,
                        key: None,
                        name: Some("unidentified armed forces"),
                        code: None,
                        country: Some(country),
                        kind: None,
                        sector: Some("UAF"),
                        via: Via::Place,
                        locative: false,
                        pronoun: false,
                        inferred: true,
                        plural: false,
                    });
                }
            }
            if t.flags.protest
                && sources.iter().any(|p| {
                    matches!(
                        p.kind,
                        Some("state" | "government_body" | "igo" | "igo_body")
                    )
                })
            {
                label = Plover::Accuse;
                cameo = "114".into();
            }
            if md.negated && modality == "asserted" {
                status = Status::Negated;
                modality = "negated";
            }
            if md.hypothetical && status == Status::Happened {
                status = Status::Hypothetical;
                modality = "conditional";
            }
            if md.purpose && modality == "asserted" {
                status = Status::Future;
                modality = "purpose";
            }
            if md.future && modality == "asserted" {
                status = Status::Future;
            }
            let mut attempt = None;
            if md.attempt {
                attempt = Some(true);
                if modality == "asserted" {
                    modality = "attempt";
                }
            }
            if let Some(c) = &content_claim {
                if c.stance == "denies" {
                    status = Status::Denied;
                } else if (c.hedged || c.stance == "hedged") && status == Status::Happened {
                    status = Status::Hypothetical;
                }
            }
            if label == Plover::Reject
                && own_claim.is_some_and(|c| {
                    f.claims
                        .iter()
                        .any(|v| v.index == c && v.stance == "denies")
                })
            {
                // what is denied ("the presence of terrorist groups") is no target: those
                // whose claims the denial answers are
                let contradicted = self.contradicted_speakers(f, own_claim, l);
                if !contradicted.is_empty() {
                    targets = contradicted;
                }
            }
            if intended.is_none() && modality == "intent" {
                intended = Some((t.plover, t.cameo.to_string()));
            }
            // A subordinate clause ("after Serbian jets shot down …") is coded only when
            // both sides are named.
            let named = |ps: &[Participant]| ps.iter().any(|p| p.coded() && !p.inferred);
            let strong = named(&sources) && named(&targets);
            // "responsible for carrying out attacks": a gerund after a preposition
            let gerund = s.w(m.first).ends_with("ing")
                && m.first > 0
                && frame::PREPOSITIONS.contains(&s.w(m.first - 1));
            if ((clause.subordinate || gerund) && !strong) || (f.adjunct(m) && !named(&sources)) {
                continue;
            }
            // A protest, a concession or an administrative measure with no one named as
            // its target is aimed at the source's own country, as event coders read it
            // ("Young Algerians blocked roads", "Sudan's government lifted a state of
            // emergency"); the target is marked inferred.
            let domestic = matches!(label, Plover::Protest | Plover::Concede | Plover::Coerce)
                || (label == Plover::Threaten
                    && intended.as_ref().is_some_and(|(p, _)| *p == Plover::Coerce));
            // (not in a passive: "these attempts were suppressed by …" names its target)
            if domestic && !md.passive && !targets.iter().any(Participant::coded) {
                if let Some(src) = sources.iter().find(|p| p.country.is_some()) {
                    // where the clause sets it abroad ("Palestinian prisoners rioted at a
                    // jail in northern Israel"), it is aimed at that country
                    let country = setting_country(f, &clause).or(src.country);
                    let implicit = Participant {
                        span: trigger_span,
                        a: m.first,
                        b: m.last + 1,
                        key: None,
                        name: country,
                        code: None,
                        country,
                        kind: None,
                        sector: None,
                        via: Via::Place,
                        locative: false,
                        pronoun: false,
                        inferred: true,
                        plural: false,
                    };
                    targets = vec![implicit];
                }
            }
            // Joint exercises of several forces are military cooperation.
            if label == Plover::Mobilize
                && t.mode == Some("exercise")
                && (sources.len() >= 2 || targets.iter().any(|p| text_before_word(s, p) == "with"))
            {
                label = Plover::Cooperate;
                cameo = "062".into();
            }
            let anything_coded = sources.iter().chain(targets.iter()).any(Participant::coded);
            if !anything_coded && lex.type_row(label).family != Family::Hostile {
                continue;
            }
            if sources.is_empty() && targets.is_empty() {
                continue;
            }
            let mut evidence = vec![trigger_span];
            if let Some((_, n)) = complement {
                evidence.push(s.span_of(n.first, n.last));
            }
            let clause_span = s.span_of(
                clause.start.min(s.len() - 1),
                clause
                    .end
                    .saturating_sub(1)
                    .max(clause.start)
                    .min(s.len() - 1),
            );
            let template = Event {
                sentence: s.index,
                label,
                cameo,
                mode: t.mode,
                trigger: trigger_span,
                evidence,
                source: None,
                target: None,
                status,
                modality,
                intended,
                attempt,
                claim: content_claim.as_ref().map(|c| c.index).or(own_claim),
                clause: clause_span,
                nominal,
                subordinate: clause.subordinate,
                own_claim,
            };
            let sym = t.flags.sym || complement.is_some_and(|(c, _)| c.flags.sym);
            // The target of a reciprocal trigger acts too when it is a partner ("met with
            // X", "met X"), not when it is what was agreed to ("agreed to US mediation").
            let partner = |p: &Participant| {
                let before = text_before_word(s, p);
                before == "with" || (label == Plover::Consult && before.is_empty())
            };
            let reverse = sym && targets.iter().all(partner);
            push_pairs(
                out,
                &template,
                &sources,
                &targets,
                sym,
                pairs_within,
                reverse,
            );
        }
    }

    /// Whether trigger `n` is the complement of `m`: "to", "of", "that", "from" or "for"
    /// between them, or the object right after ("urged Eriador to respond").
    fn introduces(&self, s: &Sentence, m: &Match, n: &Match) -> bool {
        (m.last + 1..n.first)
            .any(|i| matches!(s.w(i), "to" | "of" | "that" | "from" | "for" | "on"))
            && n.first <= m.last + 12
    }

    /// The label, code, modality and intended event of a trigger in its frame.
    fn recode(
        &self,
        t: &Trigger,
        complement: Option<&Trigger>,
        md: &Modality,
    ) -> (Plover, String, &'static str, Option<(Plover, String)>) {
        let lex = self.lex;
        let row = lex.type_row(t.plover);
        let mut label = t.plover;
        let mut cameo = t.cameo.to_string();
        let mut modality = "asserted";
        let mut intended = None;
        if let Some(c) = complement {
            let crow = lex.type_row(c.plover);
            intended = Some((c.plover, c.cameo.to_string()));
            match t.plover {
                Plover::Threaten => {
                    if let Some(code) = crow.intent_cameo.filter(|_| crow.family == Family::Hostile)
                    {
                        cameo = code.to_string();
                    }
                    modality = "threat";
                }
                Plover::Reject => {
                    if let Some(code) = crow.refusal_cameo {
                        cameo = code.to_string();
                    }
                    modality = "refusal";
                }
                Plover::Request => {
                    if let Some(code) = crow.demand_cameo {
                        cameo = code.to_string();
                    }
                    modality = "demand";
                }
                Plover::Agree => match crow.family {
                    Family::Hostile if t.flags.vow => {
                        label = Plover::Threaten;
                        cameo = crow.intent_cameo.unwrap_or("130").to_string();
                        modality = "threat";
                    }
                    Family::Cooperative | Family::Hostile => {
                        if let Some(code) = crow
                            .intent_cameo
                            .filter(|_| crow.family == Family::Cooperative)
                        {
                            cameo = code.to_string();
                        }
                        modality = "intent";
                    }
                    Family::Verbal => {}
                },
                _ => intended = None,
            }
            if md.negated && t.plover == Plover::Agree {
                // "did not agree to …", "will not promise …"
                label = Plover::Reject;
                cameo = crow.refusal_cameo.unwrap_or("120").to_string();
                modality = "refusal";
            }
            return (label, cameo, modality, intended);
        }
        if md.future && !md.hypothetical {
            match (row.family, md.negated) {
                (Family::Cooperative, false) if t.plover != Plover::Agree => {
                    intended = Some((t.plover, t.cameo.to_string()));
                    label = Plover::Agree;
                    cameo = row.intent_cameo.unwrap_or("030").to_string();
                    modality = "intent";
                }
                (Family::Cooperative, false) => modality = "intent",
                (Family::Hostile, false) if t.plover != Plover::Threaten => {
                    intended = Some((t.plover, t.cameo.to_string()));
                    label = Plover::Threaten;
                    cameo = row.intent_cameo.unwrap_or("130").to_string();
                    modality = "threat";
                }
                (Family::Cooperative, true) => {
                    intended = Some((t.plover, t.cameo.to_string()));
                    label = Plover::Reject;
                    cameo = row.refusal_cameo.unwrap_or("120").to_string();
                    modality = "refusal";
                }
                _ => {}
            }
        }
        (label, cameo, modality, intended)
    }

    /// The speakers of the claims that the trigger's own claim contradicts.
    fn contradicted_speakers<'d>(
        &self,
        f: &Frame<'_, 'd>,
        own: Option<usize>,
        l: &Layers<'d>,
    ) -> Vec<Participant<'d>> {
        let Some(own) = own.and_then(|c| f.claims.iter().find(|v| v.index == c)) else {
            return Vec::new();
        };
        let mut out: Vec<Participant> = Vec::new();
        for span in &contradicted_spans(l, own.index) {
            let Some(other) = l.claim_anns.iter().position(|c| c.span == *span) else {
                continue;
            };
            for sp in &speaker_spans(l, other) {
                if let Some(p) = participant_of(&l.actors, *sp) {
                    let code = p.full_code();
                    if code.is_some() && !out.iter().any(|q| q.full_code() == code) {
                        out.push(p);
                    }
                }
            }
        }
        out
    }

    /// ACCUSE, REQUEST and REJECT events of claims whose cue is no trigger word ("Both
    /// countries claim that the Taliban provides shelter …"), and the demands a speaker
    /// makes with "X must …" when no trigger word follows ("declared that China must
    /// drop barriers").
    fn code_claims<'d>(
        &self,
        f: &Frame<'_, 'd>,
        trigs: &[Match],
        l: &Layers<'d>,
        out: &mut Vec<Event<'d>>,
        first_new: usize,
    ) {
        let s = f.s;
        for c in f.claims.iter().filter(|c| c.reporting) {
            for i in 0..s.len() {
                if !matches!(s.w(i), "must" | "should") || !c.in_content(s.toks[i].span) {
                    continue;
                }
                if out[first_new..]
                    .iter()
                    .any(|e| e.label == Plover::Request && e.clause.contains(s.toks[i].span))
                {
                    continue;
                }
                let Some(pi) = f
                    .parts
                    .iter()
                    .rposition(|p| p.b <= i && i - p.b <= 2 && p.coded())
                else {
                    continue;
                };
                let speakers = claim_speakers(f, c, l);
                if speakers.is_empty() {
                    continue;
                }
                let targets: Vec<Participant> = f
                    .coordinated(pi, 0, i)
                    .into_iter()
                    .map(|j| f.parts[j].clone())
                    .collect();
                let span = s.toks[i].span;
                let template = Event {
                    sentence: s.index,
                    label: Plover::Request,
                    cameo: "100".into(),
                    mode: None,
                    trigger: span,
                    evidence: vec![span],
                    source: None,
                    target: None,
                    status: Status::Happened,
                    modality: "demand",
                    intended: None,
                    attempt: None,
                    claim: Some(c.index),
                    clause: c.contents.first().copied().unwrap_or(c.span),
                    nominal: false,
                    subordinate: false,
                    own_claim: Some(c.index),
                };
                push_pairs(out, &template, &speakers, &targets, false, false, false);
                break;
            }
        }
        for c in f.claims {
            if !s.span.contains(c.cue) {
                continue;
            }
            let (label, cameo) = match c.stance {
                "accuses" => (Plover::Accuse, "112"),
                "demands" => (Plover::Request, "100"),
                "denies" => (Plover::Reject, "120"),
                _ => continue,
            };
            if out[first_new..]
                .iter()
                .any(|e| e.trigger.overlaps(c.cue) || e.own_claim == Some(c.index))
            {
                continue;
            }
            // a cue that is a trigger word was coded (or deliberately left out) with it;
            // a cue used as a noun ("a U.S. request") is no speech act
            let (ca, cb) = s.toks_in(c.cue);
            if trigs
                .iter()
                .any(|m| m.words.iter().any(|w| (ca..cb).contains(w)))
            {
                continue;
            }
            if cb > ca
                && f.nominal(&Match {
                    what: PatternRef::Cue(0),
                    first: ca,
                    last: cb - 1,
                    words: vec![ca],
                })
            {
                continue;
            }
            let sources = claim_speakers(f, c, l);
            if sources.is_empty() {
                continue;
            }
            let in_content = |p: &&Participant| c.contents.iter().any(|x| x.contains(p.span));
            // the accused: who acts in the events the claim reports ("X receives backing
            // from the Taliban"), else the first phrase named in it
            let mut targets: Vec<Participant> = Vec::new();
            if label == Plover::Accuse {
                for e in out[first_new..].iter().filter(|e| c.in_content(e.trigger)) {
                    if let Some(p) = e.source.as_ref().filter(|p| p.coded() && !p.inferred) {
                        if !targets
                            .iter()
                            .any(|q| q.full_code() == p.full_code() && q.key == p.key)
                        {
                            targets.push(p.clone());
                        }
                    }
                }
            }
            if targets.is_empty() {
                targets = f
                    .parts
                    .iter()
                    .filter(in_content)
                    .find(|p| p.coded() && !p.locative && p.via != Via::Place)
                    .cloned()
                    .into_iter()
                    .collect();
            }
            if targets.is_empty() && label == Plover::Reject {
                targets = self.contradicted_speakers(f, Some(c.index), l);
            }
            let template = Event {
                sentence: s.index,
                label,
                cameo: cameo.to_string(),
                mode: None,
                trigger: c.cue,
                evidence: vec![c.cue],
                source: None,
                target: None,
                status: Status::Happened,
                modality: "asserted",
                intended: None,
                attempt: None,
                claim: Some(c.index),
                clause: c.span,
                nominal: false,
                subordinate: false,
                own_claim: Some(c.index),
            };
            push_pairs(out, &template, &sources, &targets, false, false, false);
        }
    }

    /// The annotation of one event.
    fn annotation(
        &self,
        doc: &Doc,
        e: &Event,
        l: &Layers,
        cues: &[(usize, Vec<(Indicator, Span)>)],
    ) -> Annotation {
        let lex = self.lex;
        let text = doc.text();
        let sentence = doc
            .sentences()
            .get(e.sentence)
            .copied()
            .unwrap_or(e.trigger);
        // The evidence span: source, trigger and target inside the sentence.
        let mut start = e.trigger.start;
        let mut end = e.trigger.end;
        for sp in e
            .evidence
            .iter()
            .chain(e.source.as_ref().map(|p| &p.span))
            .chain(e.target.as_ref().map(|p| &p.span))
        {
            if sentence.contains(*sp) {
                start = start.min(sp.start);
                end = end.max(sp.end);
            }
        }
        let span = Span { start, end };
        let side = |p: &Option<Participant>| -> Value {
            let Some(p) = p else { return Value::Null };
            let mut m = Map::new();
            if let Some(k) = p.key {
                m.insert("key".into(), json!(k));
            }
            m.insert(
                "name".into(),
                json!(p.name.unwrap_or(&text[p.span.start..p.span.end])),
            );
            if let Some(c) = p.full_code() {
                m.insert("code".into(), json!(c));
            }
            for (k, v) in [
                ("kind", p.kind),
                ("country", p.country),
                ("sector", p.sector),
            ] {
                if let Some(v) = v {
                    m.insert(k.into(), json!(v));
                }
            }
            m.insert("via".into(), json!(p.via.as_str()));
            m.insert("start".into(), json!(p.span.start));
            m.insert("end".into(), json!(p.span.end));
            if p.inferred {
                m.insert("inferred".into(), json!(true));
            }
            Value::Object(m)
        };
        let code = |p: &Option<Participant>| {
            p.as_ref()
                .and_then(Participant::full_code)
                .unwrap_or_else(|| "---".into())
        };
        let mut attrs = Map::new();
        attrs.insert("cameo".into(), json!(e.cameo));
        attrs.insert("source_code".into(), json!(code(&e.source)));
        attrs.insert("target_code".into(), json!(code(&e.target)));
        attrs.insert("source".into(), side(&e.source));
        attrs.insert("target".into(), side(&e.target));
        if let Some(mode) = e.mode {
            attrs.insert("plover_mode".into(), json!(mode));
        }
        if let Some((t, s)) = self.acled(e) {
            attrs.insert("acled_event_type".into(), json!(t));
            attrs.insert("acled_sub_event_type".into(), json!(s));
        }
        attrs.insert(
            "trigger".into(),
            json!({"start": e.trigger.start, "end": e.trigger.end, "text": &text[e.trigger.start..e.trigger.end]}),
        );
        attrs.insert(
            "evidence".into(),
            json!(e
                .evidence
                .iter()
                .map(|s| [s.start, s.end])
                .collect::<Vec<_>>()),
        );
        attrs.insert("status".into(), json!(e.status.as_str()));
        attrs.insert("modality".into(), json!(e.modality));
        if let Some((p, c)) = &e.intended {
            attrs.insert("intended".into(), json!({"plover": p.as_str(), "cameo": c}));
        }
        match e.attempt {
            Some(true) => {
                attrs.insert("attempt".into(), json!(true));
            }
            Some(false) => {
                attrs.insert("attempt".into(), json!("failed"));
            }
            None => {}
        }
        let claim = e.claim.and_then(|i| doc.layer(Layer::Claims).get(i));
        if let Some(c) = claim {
            attrs.insert(
                "claim".into(),
                json!({
                    "start": c.span.start,
                    "end": c.span.end,
                    "stance": c.attrs.get("stance"),
                    "speaker": c.attrs.get("speaker").and_then(|s| s.get("key")),
                    // the claim is this event (an accusation, a denial) or reports it
                    "relation": if e.own_claim == e.claim { "speech_act" } else { "reported" },
                }),
            );
        }
        let place = self.place(e, l);
        if let Some(p) = place {
            attrs.insert(
                "place".into(),
                json!({
                    "key": p.key,
                    "name": p.attrs.get("name"),
                    "country": p.attrs.get("country"),
                    "precision": p.attrs.get("precision"),
                    "start": p.span.start,
                    "end": p.span.end,
                }),
            );
        }
        attrs.insert("date".into(), self.date(doc, e, l, claim));
        let counts = self.counts(e, l);
        if !counts.is_empty() {
            attrs.insert("counts".into(), Value::Object(counts));
        }
        let indicators = self.indicators(text, e, l, cues, place);
        if !indicators.is_empty() {
            attrs.insert("indicators".into(), Value::Array(indicators));
        }
        if let Some(ctx) = self.context(e) {
            attrs.insert("plover_context".into(), json!(ctx));
        }
        attrs.insert("sentence".into(), json!(e.sentence));
        let mut confidence: f32 = 0.55;
        if e.source.as_ref().is_some_and(Participant::coded) {
            confidence += 0.15;
        }
        if e.target.as_ref().is_some_and(Participant::coded) {
            confidence += 0.15;
        }
        if e.nominal {
            confidence -= 0.1;
        }
        if e.subordinate {
            confidence -= 0.1;
        }
        let _ = lex;
        Annotation::new(
            span,
            e.label.as_str(),
            COMPONENT,
            confidence.clamp(0.1, 0.95),
        )
        .with_attrs(Value::Object(attrs))
    }

    /// The ACLED type of an event: from its code, with attacks on civilians as violence
    /// against civilians.
    fn acled(&self, e: &Event) -> Option<(&'static str, &'static str)> {
        if e.status != Status::Happened {
            return None;
        }
        let row = self.lex.cameo_row(&e.cameo)?;
        let (t, s) = row.acled?;
        let civilian = e
            .target
            .as_ref()
            .is_some_and(|p| matches!(p.sector, Some("CVL" | "REF" | "MED" | "EDU" | "LAB")));
        if t == "Battles" && civilian && e.label == Plover::Assault {
            return Some(("Violence against civilians", "Attack"));
        }
        Some((t, s))
    }

    /// A PLOVER context from the actors and indicators of an event.
    fn context(&self, e: &Event) -> Option<&'static str> {
        let sectors = [e.source.as_ref(), e.target.as_ref()];
        if sectors
            .iter()
            .flatten()
            .any(|p| matches!(p.sector, Some("MIL")) || matches!(p.kind, Some("security_force")))
        {
            return Some("military");
        }
        match e.label {
            Plover::Aid if e.cameo.starts_with("073") => Some("humanitarian"),
            Plover::Aid if e.cameo.starts_with("071") => Some("economic"),
            Plover::Sanction if e.cameo.starts_with("163") || e.cameo.starts_with("162") => {
                Some("economic")
            }
            Plover::Protest => Some("political"),
            _ => None,
        }
    }

    /// The place of an event: a setting in its clause, after the trigger first.
    fn place<'d>(&self, e: &Event, l: &Layers<'d>) -> Option<&'d Annotation> {
        let cands: Vec<&&Annotation> = within(&l.places, e.clause)
            .iter()
            .filter(|p| str_attr(p, "role") != Some("government") && !acting(l, p.span))
            .collect();
        cands
            .iter()
            .find(|p| p.span.start >= e.trigger.end)
            .or_else(|| cands.iter().rev().find(|p| p.span.end <= e.trigger.start))
            .or_else(|| {
                // the target itself when it is a place
                e.target
                    .as_ref()
                    .filter(|t| t.via == Via::Place)
                    .and_then(|t| cands.iter().find(|p| p.span == t.span))
            })
            .map(|p| **p)
    }

    /// The date of an event: a date in its clause; a speech act's claim date; else the
    /// publication date.
    fn date(&self, doc: &Doc, e: &Event, l: &Layers, claim: Option<&Annotation>) -> Value {
        // dates and date ranges ("in the past two years"); not vague references
        let usable = |d: &&&Annotation| {
            let key = d.key.as_deref().unwrap_or("");
            match d.label.as_ref() {
                "DATE" => key.starts_with(|c: char| c.is_ascii_digit()),
                "DURATION" => d.attrs.get("from").is_some_and(|v| v.is_string()),
                _ => false,
            }
        };
        let in_clause: Vec<&&Annotation> = within(&l.dates, e.clause)
            .iter()
            .filter(usable)
            .filter(|d| {
                claim.is_none_or(|c| {
                    !spans_attr(c, "cue_spans")
                        .iter()
                        .any(|cs| cs.overlaps(d.span))
                })
            })
            .collect();
        if let Some(d) = in_clause
            .iter()
            .min_by_key(|d| d.span.start.abs_diff(e.trigger.start))
        {
            if d.label == "DURATION" {
                let from = d.attrs.get("from").and_then(|v| v.as_str()).unwrap_or("");
                let to = d.attrs.get("to").and_then(|v| v.as_str()).unwrap_or("");
                return json!({
                    "value": format!("{from}..{to}"),
                    "granularity": "range",
                    "from": from,
                    "to": to,
                    "origin": "text",
                    "start": d.span.start,
                    "end": d.span.end,
                });
            }
            let mut v = json!({
                "value": d.key,
                "granularity": d.attrs.get("granularity"),
                "origin": "text",
                "start": d.span.start,
                "end": d.span.end,
            });
            for k in ["from", "to"] {
                if let Some(x) = d.attrs.get(k).filter(|x| x.is_string()) {
                    v[k] = x.clone();
                }
            }
            return v;
        }
        if e.own_claim.is_some() {
            if let Some(d) = claim
                .and_then(|c| c.attrs.get("date"))
                .filter(|d| !d.is_null())
            {
                let mut d = d.clone();
                if let Some(o) = d.as_object_mut() {
                    o.insert("origin".into(), json!("claim"));
                }
                return d;
            }
        }
        match doc.report().published {
            Some(p) => json!({"value": p.to_string(), "granularity": "day", "origin": "published"}),
            None => Value::Null,
        }
    }

    /// Killed, wounded and arrested figures of a violent event's clause.
    fn counts(&self, e: &Event, l: &Layers) -> Map<String, Value> {
        let mut out = Map::new();
        if !matches!(e.label, Plover::Assault | Plover::Coerce) {
            return out;
        }
        for q in within(&l.quantities, e.clause) {
            let key = match str_attr(q, "count_type") {
                Some("KILL") => "killed",
                Some("WOUND") => "wounded",
                Some("ARREST") => "arrested",
                _ => continue,
            };
            let Some(v) = q.attrs.get("value").and_then(|v| v.as_f64()) else {
                continue;
            };
            let prev = out.get(key).and_then(|x| x.as_f64()).unwrap_or(0.0);
            if v > prev {
                out.insert(key.into(), json!(v));
            }
        }
        out
    }

    /// The security indicators an event raises, with their evidence and direction.
    fn indicators(
        &self,
        text: &str,
        e: &Event,
        l: &Layers,
        cues: &[(usize, Vec<(Indicator, Span)>)],
        place: Option<&Annotation>,
    ) -> Vec<Value> {
        let mut found: BTreeMap<Indicator, Vec<Span>> = BTreeMap::new();
        if let Some((_, v)) = cues.iter().find(|(si, _)| *si == e.sentence) {
            for (ind, sp) in v {
                found.entry(*ind).or_default().push(*sp);
            }
        }
        match (e.label, e.mode) {
            (_, Some("infiltration")) => found
                .entry(Indicator::BorderInfiltration)
                .or_default()
                .push(e.trigger),
            (Plover::Mobilize | Plover::Cooperate, Some("exercise" | "deploy")) => found
                .entry(Indicator::MilitaryExercise)
                .or_default()
                .push(e.trigger),
            (Plover::Mobilize, Some("mobilise" | "alert"))
                if !e
                    .source
                    .as_ref()
                    .is_some_and(|p| p.kind == Some("armed_group") || p.sector == Some("REB")) =>
            {
                found
                    .entry(Indicator::MilitaryExercise)
                    .or_default()
                    .push(e.trigger)
            }
            _ => {}
        }
        let src_country = e.source.as_ref().and_then(|p| p.country);
        let tgt_country = e.target.as_ref().and_then(|p| p.country);
        if matches!(e.label, Plover::Accuse | Plover::Reject | Plover::Threaten)
            && src_country.is_some()
            && tgt_country.is_some()
            && src_country != tgt_country
        {
            found
                .entry(Indicator::InterstateAccusation)
                .or_default()
                .push(e.trigger);
        }
        if let Some(src) = &e.source {
            let armed = src.kind == Some("armed_group") || matches!(src.sector, Some("REB"));
            if armed && e.label == Plover::Mobilize {
                found
                    .entry(Indicator::ArmedGroupStrength)
                    .or_default()
                    .push(src.span);
            }
            if src.code.as_deref().is_some_and(|c| c.ends_with("INS")) && e.label == Plover::Assault
            {
                found
                    .entry(Indicator::Terrorism)
                    .or_default()
                    .push(src.span);
            }
        }
        let direction = self.direction(text, e, l, place);
        found
            .into_iter()
            .map(|(ind, mut ev)| {
                ev.sort();
                ev.dedup();
                let mut v = json!({
                    "indicator": ind.as_str(),
                    "evidence": ev.iter().map(|s| [s.start, s.end]).collect::<Vec<_>>(),
                });
                if ind.crosses_borders() {
                    if let Some((from, to)) = &direction {
                        v["direction"] = json!({"from": from, "to": to});
                    }
                }
                v
            })
            .collect()
    }

    /// The direction across a border: "from X" and "to/into/toward Y" in the clause,
    /// else the source's and target's countries, completed by a border's other side.
    fn direction(
        &self,
        text: &str,
        e: &Event,
        l: &Layers,
        place: Option<&Annotation>,
    ) -> Option<(String, String)> {
        let mut from: Option<String> = None;
        let mut to: Option<String> = None;
        let mentions = within(&l.places, e.clause)
            .iter()
            .filter(|p| !acting(l, p.span))
            .chain(within(&l.actors, e.clause).iter());
        for p in mentions {
            let Some(c) = str_attr(p, "country") else {
                continue;
            };
            match word_before(text, p.span.start) {
                "from" if from.is_none() => from = Some(c.to_string()),
                "to" | "into" | "toward" | "towards" if to.is_none() => to = Some(c.to_string()),
                _ => {}
            }
        }
        // an attack, a seizure or a deployment goes from its source to its target; a
        // statement (an accusation, a denial) does not move anything
        if self.lex.type_row(e.label).family == Family::Hostile && e.label != Plover::Threaten {
            let src = e
                .source
                .as_ref()
                .filter(|p| !p.inferred)
                .and_then(|p| p.country)
                .map(str::to_string);
            let tgt = e
                .target
                .as_ref()
                .filter(|p| !p.inferred)
                .and_then(|p| p.country)
                .map(str::to_string);
            from = from.or(src);
            to = to.or(tgt);
        }
        let pair = place
            .filter(|p| str_attr(p, "precision") == Some("border"))
            .and_then(|p| p.key.as_deref())
            .and_then(|k| k.split_once('-'));
        if let Some((a, b)) = pair {
            match (&from, &to) {
                (None, Some(t)) if t == a => from = Some(b.to_string()),
                (None, Some(t)) if t == b => from = Some(a.to_string()),
                (Some(f), None) if f == a => to = Some(b.to_string()),
                (Some(f), None) if f == b => to = Some(a.to_string()),
                _ => {}
            }
        }
        match (from, to) {
            (Some(f), Some(t)) if f != t => Some((f, t)),
            _ => None,
        }
    }
}

/// The lowercase word before byte `at`, skipping "the" and compass adjectives ("from
/// northern Afghanistan" → "from").
fn word_before(text: &str, at: usize) -> &'static str {
    let mut head = text.get(..at).unwrap_or("");
    for _ in 0..3 {
        let trimmed = head.trim_end();
        let start = trimmed
            .rfind(|c: char| !c.is_alphanumeric() && c != '-')
            .map_or(0, |i| i + c_len(trimmed, i));
        let lw = trimmed[start..].to_ascii_lowercase();
        match lw.as_str() {
            "the" | "northern" | "southern" | "eastern" | "western" | "central"
            | "neighbouring" | "neighboring" => head = &trimmed[..start],
            "from" => return "from",
            "to" => return "to",
            "into" => return "into",
            "toward" => return "toward",
            "towards" => return "towards",
            _ => return "",
        }
    }
    ""
}

/// The byte length of the character at `i`.
fn c_len(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(1, char::len_utf8)
}

/// One event per (source, target) pair; both directions for reciprocal triggers; all
/// ordered pairs of coordinated partners with no one else named ("X and Y agreed").
/// Whether `span` is an actor mention used as an agent, not a setting (a place name the
/// actors stage read as an actor: "the Taliban", "Islamabad has called on …").
fn acting(l: &Layers, span: Span) -> bool {
    within(
        &l.actors,
        Span {
            start: span.start.saturating_sub(64),
            end: span.end,
        },
    )
    .iter()
    .any(|a| {
        a.span.overlaps(span)
            && !a
                .attrs
                .get("locative")
                .and_then(|v| v.as_bool())
                .unwrap_or(false)
            && str_attr(a, "kind") != Some("state")
    })
}

/// The country of the first setting of a clause ("in Algiers", "near the town of
/// Samarra", "the capital city of Algiers").
fn setting_country<'d>(f: &Frame<'_, 'd>, clause: &frame::Clause) -> Option<&'d str> {
    let s = f.s;
    let is_setting = |p: &Participant| {
        p.locative
            || p.via == Via::Place
            || (p.a >= 2
                && s.w(p.a - 1) == "of"
                && matches!(
                    s.w(p.a - 2),
                    "city" | "town" | "capital" | "province" | "region" | "village" | "district"
                ))
    };
    f.parts
        .iter()
        .find(|p| p.a >= clause.start && p.b <= clause.end && is_setting(p) && p.country.is_some())
        .and_then(|p| p.country)
}

/// Countries for phrases that name none, as a reader infers them (marked `inferred`):
/// an uncoded source (a titled person, "rebels") acts where the clause sets the event
/// ("… imposed a curfew in Algiers"), or, for civilians and rebels facing a named
/// government, in that government's country; an uncoded target of a state's security
/// forces or government ("police dispersed demonstrators") is in that state.
fn infer_countries<'d>(
    f: &Frame<'_, 'd>,
    clause: &frame::Clause,
    sources: &mut [Participant<'d>],
    targets: &mut [Participant<'d>],
) {
    const STATE: &[&str] = &["GOV", "MIL", "COP", "JUD", "LEG", "SPY"];
    const SOCIETY: &[&str] = &[
        "CVL", "REB", "OPP", "REF", "EDU", "LAB", "MED", "AGR", "BUS",
    ];
    let setting = setting_country(f, clause);
    let target_society = targets
        .iter()
        .find(|p| {
            p.country.is_some()
                && !p.inferred
                && p.via != Via::Place
                && p.sector.is_some_and(|s| SOCIETY.contains(&s))
        })
        .and_then(|p| p.country);
    let state_of = |ps: &[Participant<'d>]| -> Option<&'d str> {
        ps.iter()
            .find(|p| {
                p.country.is_some()
                    && (p.sector.is_some_and(|s| STATE.contains(&s))
                        || matches!(p.kind, Some("state" | "government_body" | "security_force")))
            })
            .and_then(|p| p.country)
    };
    let target_state = state_of(targets);
    let source_state = state_of(sources);
    for p in sources.iter_mut().filter(|p| !p.coded() && !p.pronoun) {
        let societal = p.sector.is_some_and(|s| SOCIETY.contains(&s));
        let statal = p.sector.is_some_and(|s| STATE.contains(&s)) || p.kind == Some("person");
        // "President Museveni banned Ugandan opposition candidates"
        let c = setting
            .or_else(|| target_state.filter(|_| societal))
            .or_else(|| target_society.filter(|_| statal));
        if c.is_some() {
            p.country = c;
            p.inferred = true;
        }
    }
    let source_society = sources
        .iter()
        .find(|p| p.country.is_some() && p.sector.is_some_and(|s| SOCIETY.contains(&s)))
        .and_then(|p| p.country);
    for p in targets.iter_mut().filter(|p| !p.coded() && !p.pronoun) {
        let societal = p.sector.is_some_and(|s| SOCIETY.contains(&s));
        let statal = p.sector.is_some_and(|s| STATE.contains(&s)) || p.kind == Some("person");
        let c = if societal {
            setting.or(source_state)
        } else if statal {
            // "opposition groups in Zimbabwe demand that President Mugabe …"
            source_society
        } else {
            None
        };
        if c.is_some() {
            p.country = c;
            p.inferred = true;
        }
    }
}

/// The speakers of a claim: the actors the claims stage resolved its source to, else the
/// coded phrases of its source in this sentence ("Palestinian leaders said …").
fn claim_speakers<'d>(f: &Frame<'_, 'd>, c: &ClaimView, l: &Layers<'d>) -> Vec<Participant<'d>> {
    let from_actors: Vec<Participant> = speaker_spans(l, c.index)
        .iter()
        .filter_map(|sp| participant_of(&l.actors, *sp))
        .filter(Participant::coded)
        .collect();
    if !from_actors.is_empty() {
        return from_actors;
    }
    let in_source: Vec<usize> = (0..f.parts.len())
        .filter(|&i| {
            let p = &f.parts[i];
            p.coded() && !p.locative && c.sources.iter().any(|s| s.contains(p.span))
        })
        .collect();
    let Some(&first) = in_source.first() else {
        return Vec::new();
    };
    let hi = in_source
        .iter()
        .map(|&i| f.parts[i].b)
        .max()
        .unwrap_or(f.parts[first].b);
    f.coordinated(first, f.parts[first].a, hi)
        .into_iter()
        .map(|j| f.parts[j].clone())
        .filter(Participant::coded)
        .collect()
}

/// The preposition right before a participant ("" when none).
fn text_before_word<'s>(s: &'s Sentence, p: &Participant) -> &'s str {
    if p.a == 0 || p.b == 0 {
        return "";
    }
    let w = s.w(p.a - 1);
    if frame::PREPOSITIONS.contains(&w) {
        w
    } else {
        ""
    }
}

fn push_pairs<'d>(
    out: &mut Vec<Event<'d>>,
    template: &Event<'d>,
    sources: &[Participant<'d>],
    targets: &[Participant<'d>],
    sym: bool,
    pairs_within: bool,
    reverse: bool,
) {
    let mut push = |s: Option<&Participant<'d>>, t: Option<&Participant<'d>>| {
        if let (Some(a), Some(b)) = (s, t) {
            if a.span == b.span || (a.key.is_some() && a.key == b.key) {
                return;
            }
        }
        let codes = (
            s.and_then(Participant::full_code),
            t.and_then(Participant::full_code),
        );
        if out.iter().any(|e| {
            e.trigger == template.trigger
                && e.label == template.label
                && (
                    e.source.as_ref().and_then(Participant::full_code),
                    e.target.as_ref().and_then(Participant::full_code),
                ) == codes
        }) {
            return;
        }
        let mut e = template.clone();
        e.source = s.cloned();
        e.target = t.cloned();
        for p in [s, t].into_iter().flatten() {
            e.evidence.push(p.span);
        }
        out.push(e);
    };
    if sources.len() >= 2 && (sym || pairs_within) {
        for a in sources {
            for b in sources {
                push(Some(a), Some(b));
            }
        }
        return;
    }
    let srcs: Vec<Option<&Participant<'d>>> = if sources.is_empty() {
        vec![None]
    } else {
        sources.iter().map(Some).collect()
    };
    let tgts: Vec<Option<&Participant<'d>>> = if targets.is_empty() {
        vec![None]
    } else {
        targets.iter().map(Some).collect()
    };
    for s in &srcs {
        for t in &tgts {
            push(*s, *t);
            let setting = t.is_some_and(|p| p.locative || p.via == Via::Place);
            if reverse && s.is_some() && t.is_some() && !setting {
                push(*t, *s);
            }
        }
    }
}

/// Merges events of one sentence with the same type, source and target (an attack that
/// "killed … and wounded …" is one event).
fn merge<'d>(events: Vec<Event<'d>>) -> Vec<Event<'d>> {
    let mut out: Vec<Event<'d>> = Vec::with_capacity(events.len());
    for e in events {
        let key = |x: &Event<'d>| {
            (
                x.sentence,
                x.label,
                x.source.as_ref().map(|p| (p.key, p.full_code(), p.span)),
                x.target.as_ref().map(|p| (p.key, p.full_code(), p.span)),
            )
        };
        if let Some(prev) = out.iter_mut().find(|p| key(p) == key(&e)) {
            prev.evidence.extend(e.evidence);
            prev.evidence.sort();
            prev.evidence.dedup();
            continue;
        }
        out.push(e);
    }
    out
}

impl Component for EventCoder {
    fn name(&self) -> &'static str {
        COMPONENT
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens, Layer::Actors]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Events, Layer::Indicators]
    }
    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError> {
        let (events, found) = self.code_all(doc);
        add_all(doc, Layer::Events, COMPONENT, events)?;
        add_all(doc, Layer::Indicators, COMPONENT, found)
    }
}
