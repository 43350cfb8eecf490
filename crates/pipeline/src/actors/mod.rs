//! Actors: every mention of a state, organisation, armed group, security force, media
//! outlet or person, resolved to one id per actor within the report.
//!
//! In order, per report:
//! 1. **Registry names** (`data/actors/`, see [`spillover_lexicon::actors`]): the longest
//!    name, alias or acronym at each word ("Tahreek-e-Taliban Pakistan", "TTP"); capitals
//!    and seats stand for governments ("Islamabad"), except after a locative preposition
//!    ("in Islamabad" is a place).
//! 2. **Acronyms defined in the text**: "Collective Security Treaty Organization (CSTO)"
//!    makes CSTO name the long form's actor, or a new report-level actor when the registry
//!    lacks it; later uses of the acronym join it.
//! 3. **Demonym phrases**: "Tajik security forces", "Pakistani troops" (security forces of
//!    the country); "Iranian authorities" (its government).
//! 4. **Entities** from the tagger that the registry lacks: persons, and organisations as
//!    report-level actors. A surname alone joins the person named in full earlier.
//! 5. **Titles and roles** of persons from the words around the name: rank ("Colonel
//!    General"), title and role ("Chief of the CSTO Joint Staff"), organisation, country.
//! 6. **Reference**: "he"/"she" to the most recent person; "the ambassador", "the Russian
//!    ambassador" to the most recent person with that title (and country); "the regime",
//!    "the organization", "the group", "the country" to the most recent actor of a
//!    compatible kind.
//!
//! The stage needs sentences, tokens and entities; when the places layer is there (the
//! standard pipeline runs places first) a name resolved as a place is not made a person.
//!
//! Each mention is a span on the `actors` layer: label the kind, key the actor id (the
//! registry id, or a report-level id starting with `doc:`), attrs with name, country,
//! CAMEO-style code, how it was found (`via`) and, for persons, role fields.

use crate::entities::lists::{name_hash, HashedMap, Lists};
use crate::entities::model::FastMap;
use crate::places::demonyms::Demonyms;
use crate::{Component, ComponentError};
use serde_json::{json, Map, Value};
use spillover_doc::{Annotation, Doc, Layer, Span, Token, TokenKind};
use spillover_lexicon::actors::{ActorKind, Entry, NameKind, Registry};
use spillover_lexicon::gazetteer::fold;
use std::collections::HashMap;

const COMPONENT: &str = "actors";

/// One actor of the report.
#[derive(Debug, Clone)]
struct Actor {
    key: String,
    name: String,
    kind: ActorKind,
    country: Option<String>,
    code: Option<String>,
    parent: Option<String>,
    registry: bool,
    role: Option<String>,
    title: Option<String>,
    rank: Option<String>,
    organisation: Option<usize>,
    /// Words that name the actor alone later in the report (a person's surname).
    short_names: Vec<String>,
    /// 'm' or 'f' once known (an honorific, or a pronoun already resolved to it).
    gender: Option<char>,
}

impl Actor {
    /// An actor with only its id, name and kind known.
    fn new(key: String, name: &str, kind: ActorKind) -> Actor {
        Actor {
            key,
            name: name.to_string(),
            kind,
            country: None,
            code: None,
            parent: None,
            registry: false,
            role: None,
            title: None,
            rank: None,
            organisation: None,
            short_names: Vec::new(),
            gender: None,
        }
    }
}

#[derive(Debug, Clone)]
struct Mention {
    span: Span,
    sentence: usize,
    actor: usize,
    via: &'static str,
    confidence: f32,
    antecedent: Option<Span>,
    /// After a locative preposition ("in Afghanistan"): a setting more than an agent.
    locative: bool,
    /// After "of" or before "'s" ("a loyalist of Prince Ranariddh", "Annan's"): not the
    /// likely referent of a following "he".
    oblique: bool,
}

/// The actor tagger.
pub struct ActorTagger {
    registry: &'static Registry,
    lists: &'static Lists,
    demonyms: Demonyms,
    /// Folded first words of registry names (a cheap test before longer lookups).
    /// Folded first word of registry names → the most tokens such a name has.
    first_words: FastMap<String, usize>,
    max_tokens: usize,
    /// (country, name without the country's demonym or name) → entry id: "Uzbekistan's
    /// Defence Ministry" finds the entry named "Uzbek Defence Ministry".
    by_country: HashMap<(String, String), String>,
}

const LOCATIVE: [&str; 10] = [
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "around",
    "across",
    "within",
    "throughout",
    "into",
];
const FORCE_NOUNS: [&str; 28] = [
    "security forces",
    "forces",
    "troops",
    "army",
    "military",
    "soldiers",
    "border guards",
    "border guard",
    "border troops",
    "guards",
    "police",
    "servicemen",
    "armed forces",
    "security services",
    // the weapons and branches a state's forces act through ("Turkish warplanes struck")
    "warplanes",
    "jets",
    "fighter jets",
    "helicopters",
    "helicopter gunships",
    "gunships",
    "tanks",
    "artillery",
    "drones",
    "aircraft",
    "navy",
    "air force",
    "warships",
    "gunboats",
];
/// The force nouns that are not the armed forces (coded as security forces, not MIL).
const SECURITY_NOUNS: [&str; 8] = [
    "security forces",
    "forces",
    "border guards",
    "border guard",
    "border troops",
    "guards",
    "police",
    "security services",
];
const GOVERNMENT_NOUNS: [&str; 6] = [
    "government",
    "authorities",
    "officials",
    "leadership",
    "administration",
    "foreign ministry",
];
const MALE: [&str; 4] = ["he", "him", "his", "himself"];
/// Verbs after "they" that make the pronoun a speaker worth resolving.
const REPORTING: [&str; 14] = [
    "said",
    "say",
    "says",
    "claimed",
    "claim",
    "denied",
    "deny",
    "accused",
    "warned",
    "added",
    "told",
    "stated",
    "insisted",
    "announced",
];
const FEMALE: [&str; 4] = ["she", "her", "hers", "herself"];

fn slug(s: &str) -> String {
    let f = fold(s);
    let mut out = String::with_capacity(f.len());
    for w in f.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(w);
    }
    out
}

impl ActorTagger {
    /// The tagger over the process registry (shipped tables plus `SPILLOVER_ACTORS`).
    pub fn standard() -> ActorTagger {
        let registry = match Registry::shared() {
            Ok(r) => r,
            // An analyst's broken folder (`SPILLOVER_ACTORS`): say so once and go on with
            // the shipped tables (`spillover actors --check` lists every problem). The
            // shipped tables themselves are checked by the tests.
            Err(e) => {
                static BUILTIN: std::sync::OnceLock<Registry> = std::sync::OnceLock::new();
                BUILTIN.get_or_init(|| {
                    eprintln!("warning: actor registry: {e}; using the shipped tables only");
                    Registry::builtin().unwrap_or_default()
                })
            }
        };
        ActorTagger::new(registry)
    }

    pub fn new(registry: &'static Registry) -> ActorTagger {
        let mut first_words: FastMap<String, usize> = FastMap::default();
        for (name, _, _) in registry.names() {
            let folded = fold(name);
            if let Some(w) = folded.split(' ').next() {
                // text may split what a name joins ("Jaish ul Adl" for "Jaish ul-Adl")
                let tokens = spillover_text::tokens::tokenize(name)
                    .len()
                    .max(folded.split(' ').count())
                    + 2;
                let m = first_words.entry(w.to_string()).or_insert(0);
                *m = (*m).max(tokens);
            }
        }
        let demonyms = Demonyms::builtin();
        let mut prefixes: HashMap<&str, Vec<String>> = HashMap::new();
        for (adj, a3) in demonyms.adjectives() {
            prefixes.entry(a3).or_default().push(fold(adj));
        }
        let mut by_country = HashMap::new();
        for e in registry.entries() {
            let Some(c) = e.country.as_deref() else {
                continue;
            };
            if e.kind == ActorKind::State {
                continue;
            }
            let mut pre: Vec<String> = prefixes.get(c).cloned().unwrap_or_default();
            if let Some(st) = registry.state(c) {
                pre.push(fold(&st.name));
                pre.extend(st.aliases.iter().map(|a| fold(a)));
            }
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                let f = fold(n);
                for p in &pre {
                    if let Some(rest) = f.strip_prefix(p.as_str()).and_then(|r| r.strip_prefix(' '))
                    {
                        by_country
                            .entry((c.to_string(), rest.to_string()))
                            .or_insert_with(|| e.id.clone());
                    }
                }
            }
        }
        ActorTagger {
            registry,
            lists: Lists::standard(),
            demonyms,
            first_words,
            max_tokens: (registry.max_words() * 2 + 1).clamp(4, 14),
            by_country,
        }
    }

    /// The actor mentions of a doc with entities.
    pub fn annotate(&self, doc: &Doc) -> Vec<Annotation> {
        let mut run = Run::new(self, doc);
        run.registry_names();
        run.acronym_definitions();
        run.demonym_phrases();
        run.dateline_outlet();
        run.entities();
        run.surnames();
        run.organisation_short_names();
        run.roles();
        run.merge_short_forms();
        run.references();
        run.finish()
    }
}

struct Run<'a> {
    t: &'a ActorTagger,
    text: &'a str,
    sentences: Vec<&'a [Token]>,
    sentence_spans: Vec<Span>,
    actors: Vec<Actor>,
    by_key: HashMap<String, usize>,
    mentions: Vec<Mention>,
    /// Which bytes of the text a mention already covers (one flag a byte: every step asks
    /// this for every token, so a scan of the mentions would be quadratic).
    taken: Vec<bool>,
    /// Acronyms defined in this report → actor.
    acronyms: HashMap<String, usize>,
    entities: Vec<(Span, &'a str)>,
    places: Vec<Span>,
}

impl<'a> Run<'a> {
    fn new(t: &'a ActorTagger, doc: &'a Doc) -> Run<'a> {
        let sentence_spans: Vec<Span> = doc.sentences().to_vec();
        let sentences = sentence_spans.iter().map(|s| doc.tokens_in(*s)).collect();
        let entities = doc
            .layer(Layer::Entities)
            .iter()
            .map(|a| (a.span, a.label.as_ref()))
            .collect();
        Run {
            t,
            text: doc.text(),
            sentences,
            sentence_spans,
            actors: Vec::new(),
            by_key: HashMap::new(),
            mentions: Vec::new(),
            taken: vec![false; doc.text().len()],
            acronyms: HashMap::new(),
            entities,
            places: doc.layer(Layer::Places).iter().map(|a| a.span).collect(),
        }
    }

    fn s(&self, span: Span) -> &'a str {
        &self.text[span.start..span.end]
    }

    fn tok(&self, t: &Token) -> &'a str {
        &self.text[t.span.start..t.span.end]
    }

    fn take(&mut self, span: Span) {
        if let Some(b) = self.taken.get_mut(span.start..span.end) {
            b.fill(true);
        }
    }

    fn is_taken(&self, span: Span) -> bool {
        self.taken
            .get(span.start..span.end)
            .is_some_and(|b| b.contains(&true))
    }

    fn actor_from_entry(&mut self, e: &Entry) -> usize {
        if let Some(&i) = self.by_key.get(&e.id) {
            return i;
        }
        self.push_actor(Actor {
            country: e.country.clone(),
            code: e.code.clone(),
            parent: e.parent.clone(),
            registry: true,
            ..Actor::new(e.id.clone(), &e.name, e.kind)
        })
    }

    fn push_actor(&mut self, a: Actor) -> usize {
        if let Some(&i) = self.by_key.get(&a.key) {
            return i;
        }
        let i = self.actors.len();
        self.by_key.insert(a.key.clone(), i);
        self.actors.push(a);
        i
    }

    fn doc_actor(
        &mut self,
        key: String,
        name: &str,
        kind: ActorKind,
        country: Option<String>,
    ) -> usize {
        let code = country.as_ref().map(|c| match kind {
            ActorKind::SecurityForce => format!("{c}MIL"),
            ActorKind::GovernmentBody | ActorKind::State => format!("{c}GOV"),
            ActorKind::ArmedGroup => format!("{c}REB"),
            ActorKind::MediaOutlet => format!("{c}MED"),
            _ => c.clone(),
        });
        self.push_actor(Actor {
            country,
            code,
            ..Actor::new(key, name, kind)
        })
    }

    fn mention(
        &mut self,
        span: Span,
        sentence: usize,
        actor: usize,
        via: &'static str,
        confidence: f32,
    ) {
        let toks = self.sentences[sentence];
        let first = toks.iter().position(|t| t.span.start == span.start);
        let last = toks.iter().position(|t| t.span.end == span.end);
        let locative = first.is_some_and(|i| self.locative_before(toks, i));
        let oblique = first.is_some_and(|i| self.after_preposition(toks, i))
            || last.is_some_and(|i| {
                toks.get(i + 1)
                    .is_some_and(|t| matches!(self.tok(t), "'s" | "’s"))
            });
        self.take(span);
        self.mentions.push(Mention {
            span,
            sentence,
            actor,
            via,
            confidence,
            antecedent: None,
            locative,
            oblique,
        });
    }

    fn locative_before(&self, toks: &[Token], i: usize) -> bool {
        let mut j = i;
        // skip "the" ("in the Kremlin")
        while j > 0 {
            j -= 1;
            let w = self.tok(&toks[j]).to_lowercase();
            if w == "the" {
                continue;
            }
            return LOCATIVE.contains(&w.as_str());
        }
        false
    }

    /// Whether a preposition governs the name at token `i`, looking back over its titles
    /// and modifiers ("a loyalist of ousted Prime Minister Prince Norodom Ranariddh",
    /// "the search for Howes"): such a name is rarely what a following "he" means.
    fn after_preposition(&self, toks: &[Token], i: usize) -> bool {
        let mut j = i;
        while j > 0 && i - j < 8 {
            j -= 1;
            let w = self.tok(&toks[j]);
            if matches!(
                w,
                "of" | "for"
                    | "with"
                    | "to"
                    | "about"
                    | "against"
                    | "from"
                    | "on"
                    | "at"
                    | "into"
                    | "toward"
                    | "towards"
                    | "over"
                    | "under"
                    | "among"
                    | "between"
            ) {
                return true;
            }
            let modifier = w.chars().next().is_some_and(char::is_uppercase)
                || self.t.lists.title(w).is_some()
                || matches!(
                    w,
                    "the" | "a" | "an" | "ousted" | "former" | "late" | "then"
                );
            if !modifier {
                return false;
            }
        }
        false
    }

    /// Step 1: the longest registry name at each word.
    fn registry_names(&mut self) {
        for si in 0..self.sentences.len() {
            let toks = self.sentences[si];
            let mut i = 0;
            while i < toks.len() {
                let t0 = &toks[i];
                if t0.kind != TokenKind::Word && t0.kind != TokenKind::Number {
                    i += 1;
                    continue;
                }
                if let Some(len) = self.possessive_body(si, toks, i) {
                    i += len;
                    continue;
                }
                let w0 = self.tok(t0);
                if w0 == "the" || w0 == "The" {
                    // names are matched without their article ("the Taliban")
                    i += 1;
                    continue;
                }
                let Some(&longest) = self.t.first_words.get(first_word_key(w0).as_ref()) else {
                    i += 1;
                    continue;
                };
                let mut found = None;
                let max = longest.min(self.t.max_tokens).min(toks.len() - i);
                for len in (1..=max).rev() {
                    let last = &toks[i + len - 1];
                    if last.kind != TokenKind::Word && last.kind != TokenKind::Number {
                        continue;
                    }
                    let span = Span {
                        start: t0.span.start,
                        end: last.span.end,
                    };
                    let s = self.s(span);
                    if !s.chars().any(char::is_uppercase) {
                        continue;
                    }
                    let mut hits = registry_lookup(self.t.registry, s);
                    if hits.is_empty() && (s.contains("U.N.") || s.contains("U.S.")) {
                        hits = self
                            .t
                            .registry
                            .lookup(&s.replace("U.N.", "UN").replace("U.S.", "US"));
                    }
                    if let Some(best) = pick(&hits, self.possessor(toks, i).as_deref()) {
                        found = Some((len, span, best.0.clone(), best.1));
                        break;
                    }
                }
                let Some((len, span, entry, how)) = found else {
                    i += 1;
                    continue;
                };
                // "in Islamabad" is a place; "Ambassador to Dushanbe", "the mayor of
                // Moscow" a posting
                let posting = i >= 2
                    && matches!(self.tok(&toks[i - 1]), "to" | "of" | "in")
                    && self.t.lists.title(self.tok(&toks[i - 2])).is_some();
                // "KABUL, Jan 18 —": a dateline names a place
                let dateline =
                    how == NameKind::Metonym && !self.s(span).chars().any(char::is_lowercase);
                // "840 U.S. dollars", "a Tashkent research institute", "(Dushanbe time)",
                // "went to Moscow": the city or country, not its government
                let next = toks.get(i + len).map(|t| self.tok(t).to_lowercase());
                let modifier = next.as_deref().is_some_and(|n| {
                    matches!(n, "dollars" | "dollar" | "time" | "airport" | "residents")
                }) || (i > 0 && matches!(self.tok(&toks[i - 1]), "a" | "an"));
                let motion = i >= 2
                    && self.tok(&toks[i - 1]) == "to"
                    && matches!(
                        self.tok(&toks[i - 2]),
                        "went"
                            | "go"
                            | "goes"
                            | "travelled"
                            | "traveled"
                            | "flew"
                            | "returned"
                            | "moved"
                            | "fled"
                            | "came"
                            | "arrived"
                            | "headed"
                            | "driven"
                    );
                let currency = entry.kind == ActorKind::State
                    && next
                        .as_deref()
                        .is_some_and(|n| matches!(n, "dollars" | "dollar"));
                if currency
                    || how == NameKind::Metonym
                        && (posting
                            || dateline
                            || modifier
                            || motion
                            || self.locative_before(toks, i))
                {
                    i += len;
                    continue;
                }
                // "Northern Ireland" is a place, not the state named in it
                if entry.kind == ActorKind::State
                    && self
                        .places
                        .iter()
                        .any(|p| p.contains(span) && p.len() > span.len())
                {
                    i += len;
                    continue;
                }
                let a = self.actor_from_entry(&entry);
                let via = if how == NameKind::Metonym {
                    "metonym"
                } else if spillover_lexicon::actors::is_acronym(self.s(span)) {
                    "acronym"
                } else {
                    "name"
                };
                self.mention(span, si, a, via, 0.95);
                i += len;
            }
        }
    }

    /// The country of a possessive state right before token `i` ("Uzbekistan's").
    fn possessor(&self, toks: &[Token], i: usize) -> Option<String> {
        if i < 2 || !matches!(self.tok(&toks[i - 1]), "'s" | "’s") {
            return None;
        }
        let hits = self.t.registry.lookup(self.tok(&toks[i - 2]));
        hits.iter()
            .find(|(e, _)| e.kind == ActorKind::State)
            .and_then(|(e, _)| e.country.clone())
    }

    /// "Uzbekistan's Defence Ministry": a body named without its country, after the
    /// country's possessive. Returns the tokens taken.
    fn possessive_body(&mut self, si: usize, toks: &[Token], i: usize) -> Option<usize> {
        let c = self.possessor(toks, i)?;
        let max = 6.min(toks.len() - i);
        for len in (1..=max).rev() {
            let span = Span {
                start: toks[i].span.start,
                end: toks[i + len - 1].span.end,
            };
            let key = (c.clone(), fold(self.s(span)));
            if let Some(id) = self.t.by_country.get(&key) {
                let entry = self.t.registry.get(id)?.clone();
                let a = self.actor_from_entry(&entry);
                self.mention(span, si, a, "name", 0.9);
                return Some(len);
            }
        }
        None
    }

    /// Step 2: "Long Name (ACR)" definitions, then later uses of ACR.
    fn acronym_definitions(&mut self) {
        for si in 0..self.sentences.len() {
            let toks = self.sentences[si];
            for k in 1..toks.len().saturating_sub(2) {
                if self.tok(&toks[k]) != "(" || self.tok(&toks[k + 2]) != ")" {
                    continue;
                }
                let acr = self.tok(&toks[k + 1]);
                if !spillover_lexicon::actors::is_acronym(acr) || acr.len() > 10 {
                    continue;
                }
                let letters: Vec<char> = acr.chars().filter(|c| c.is_alphabetic()).collect();
                let Some(start) = self.long_form_start(toks, k, &letters) else {
                    continue;
                };
                let long = Span {
                    start: toks[start].span.start,
                    end: toks[k - 1].span.end,
                };
                let acr_span = toks[k + 1].span;
                // the long form's actor: a registry mention inside it, else a new one
                let inside = self
                    .mentions
                    .iter()
                    .filter(|m| long.contains(m.span))
                    .max_by_key(|m| m.span.len())
                    .map(|m| m.actor);
                let registry_acr = self
                    .mentions
                    .iter()
                    .find(|m| m.span == acr_span)
                    .map(|m| m.actor);
                let actor = match (inside, registry_acr) {
                    (Some(a), _) => a,
                    (None, Some(a)) => {
                        // the registry knows the acronym: the long form names it too
                        self.mention(long, si, a, "acronym_definition", 0.9);
                        a
                    }
                    (None, None) => {
                        let name = self.s(long).trim_start_matches("the ").to_string();
                        let kind = kind_from_head(&name);
                        let a = self.doc_actor(format!("doc:{}", slug(acr)), &name, kind, None);
                        self.mention(long, si, a, "acronym_definition", 0.8);
                        a
                    }
                };
                if registry_acr.is_none() {
                    self.mention(acr_span, si, actor, "acronym_definition", 0.9);
                }
                self.acronyms.insert(acr.to_string(), actor);
            }
        }
        self.acronyms_by_initials();
        if self.acronyms.is_empty() {
            return;
        }
        for si in 0..self.sentences.len() {
            for t in self.sentences[si] {
                let w = self.tok(t);
                if let Some(&a) = self.acronyms.get(w) {
                    if !self.is_taken(t.span) {
                        self.mention(t.span, si, a, "acronym", 0.9);
                    }
                }
            }
        }
    }

    /// An acronym the text uses without defining it ("OAU") whose letters are the
    /// initials of a capitalised name in the same report ("Organization of African
    /// Unity"): both name one actor.
    fn acronyms_by_initials(&mut self) {
        let mut runs: HashMap<String, (usize, Span)> = HashMap::new();
        for (si, toks) in self.sentences.iter().enumerate() {
            let mut i = 0;
            while i < toks.len() {
                let cap = |t: &Token| {
                    t.kind == TokenKind::Word
                        && self.tok(t).chars().next().is_some_and(char::is_uppercase)
                        && !spillover_lexicon::actors::is_acronym(self.tok(t))
                        && self.tok(t) != "The"
                };
                if !cap(&toks[i]) {
                    i += 1;
                    continue;
                }
                let start = i;
                let mut end = i;
                let mut k = i + 1;
                while k < toks.len() {
                    if cap(&toks[k]) {
                        end = k;
                        k += 1;
                    } else if matches!(self.tok(&toks[k]), "of" | "for" | "and" | "the") {
                        k += 1;
                    } else {
                        break;
                    }
                }
                let words: Vec<String> = toks[start..=end]
                    .iter()
                    .filter(|t| cap(t))
                    .map(|t| self.tok(t).to_string())
                    .collect();
                if words.len() >= 2 {
                    let span = Span {
                        start: toks[start].span.start,
                        end: toks[end].span.end,
                    };
                    runs.entry(initials(&words)).or_insert((si, span));
                }
                i = end + 1;
            }
        }
        for si in 0..self.sentences.len() {
            for t in self.sentences[si] {
                let w = self.tok(t);
                if w.len() < 2
                    || w.len() > 6
                    || !w.as_bytes()[..2].iter().all(u8::is_ascii_uppercase)
                    || !spillover_lexicon::actors::is_acronym(w)
                    || self.is_taken(t.span)
                    || self.acronyms.contains_key(w)
                {
                    continue;
                }
                let Some(&(lsi, long)) = runs.get(w) else {
                    continue;
                };
                let existing = self
                    .mentions
                    .iter()
                    .find(|m| long.contains(m.span) && m.span.len() * 2 > long.len())
                    .map(|m| m.actor);
                let actor = match existing {
                    Some(a) => a,
                    None if !self.is_taken(long) => {
                        let name = self.s(long).to_string();
                        let a = self.doc_actor(
                            format!("doc:{}", slug(w)),
                            &name,
                            kind_from_head(&name),
                            None,
                        );
                        self.mention(long, lsi, a, "acronym_definition", 0.7);
                        a
                    }
                    None => continue,
                };
                self.acronyms.insert(w.to_string(), actor);
            }
        }
    }

    /// Where the long form ending before token `paren` starts, when the initials of its
    /// capitalised words (hyphenated parts count; "of", "the", "e" do not) spell `letters`.
    fn long_form_start(&self, toks: &[Token], paren: usize, letters: &[char]) -> Option<usize> {
        let mut need = letters.len();
        let mut j = paren;
        let mut start = None;
        while j > 0 && need > 0 && paren - j < 14 {
            j -= 1;
            let t = &toks[j];
            let w = self.tok(t);
            if t.kind == TokenKind::Punct && matches!(w, "–" | "—" | "-") {
                continue;
            }
            if t.kind != TokenKind::Word {
                return None;
            }
            let parts: Vec<&str> = w
                .split('-')
                .filter(|p| p.chars().next().is_some_and(char::is_uppercase))
                .collect();
            if parts.is_empty() {
                if matches!(
                    w,
                    "of" | "the" | "and" | "for" | "on" | "in" | "de" | "al" | "e"
                ) {
                    continue;
                }
                // a lower-case content word ("province") may count with its initial
                let c = w.chars().next()?;
                if need > 0 && c.to_uppercase().next() == letters[need - 1].to_uppercase().next() {
                    need -= 1;
                    start = Some(j);
                    continue;
                }
                return None;
            }
            for p in parts.iter().rev() {
                let c = p.chars().next()?;
                if need == 0 || c != letters[need - 1].to_uppercase().next()? {
                    return None;
                }
                need -= 1;
            }
            start = Some(j);
        }
        (need == 0).then_some(start).flatten()
    }

    /// Step 3: "Tajik security forces", "Pakistani authorities".
    fn demonym_phrases(&mut self) {
        for si in 0..self.sentences.len() {
            let toks = self.sentences[si];
            for i in 0..toks.len() {
                if toks[i].kind != TokenKind::Word || self.is_taken(toks[i].span) {
                    continue;
                }
                let w = self.tok(&toks[i]);
                if !w.chars().next().is_some_and(char::is_uppercase) {
                    continue;
                }
                let Some(a3) = self.t.demonyms.adjective(w) else {
                    continue;
                };
                // "Uzbek and Russian troops": the first demonym shares the head
                let shared = toks.get(i + 1).is_some_and(|t| self.tok(t) == "and")
                    && toks
                        .get(i + 2)
                        .is_some_and(|t| self.t.demonyms.adjective(self.tok(t)).is_some());
                let h = if shared { i + 2 } else { i };
                // the noun phrase head: one or two words after the demonym
                for (nouns, kind) in [
                    (&FORCE_NOUNS[..], ActorKind::SecurityForce),
                    (&GOVERNMENT_NOUNS[..], ActorKind::GovernmentBody),
                ] {
                    let hit = (1..=2).rev().find_map(|len| {
                        let last = toks.get(h + len)?;
                        let span = Span {
                            start: toks[h + 1].span.start,
                            end: last.span.end,
                        };
                        let head = self.s(span).to_lowercase();
                        nouns.contains(&head.as_str()).then_some(span)
                    });
                    let Some(head) = hit else { continue };
                    // the mention is the demonym alone when it shares the head
                    let span = Span {
                        start: toks[i].span.start,
                        end: if shared { toks[i].span.end } else { head.end },
                    };
                    let head_key = (a3.to_string(), fold(self.s(head)));
                    if let Some(e) = self
                        .t
                        .by_country
                        .get(&head_key)
                        .and_then(|id| self.t.registry.get(id))
                    {
                        let a = self.actor_from_entry(&e.clone());
                        self.mention(span, si, a, "demonym", 0.9);
                        break;
                    }
                    // else the country's armed or security forces of the registry
                    let fallback = match kind {
                        ActorKind::SecurityForce => {
                            let head = fold(self.s(head));
                            let armed = !SECURITY_NOUNS.contains(&head.as_str());
                            let l = a3.to_lowercase();
                            let first = if armed {
                                format!("{l}.armed-forces")
                            } else {
                                format!("{l}.security-forces")
                            };
                            self.t
                                .registry
                                .get(&first)
                                .or_else(|| self.t.registry.get(&format!("{l}.security-forces")))
                                .cloned()
                        }
                        _ => None,
                    };
                    if let Some(e) = fallback {
                        let a = self.actor_from_entry(&e);
                        self.mention(span, si, a, "demonym", 0.85);
                        break;
                    }
                    let country_name = self
                        .t
                        .registry
                        .state(a3)
                        .map_or(a3.to_string(), |e| e.name.clone());
                    let (key, name) = match kind {
                        ActorKind::SecurityForce => (
                            format!("doc:{}.security-forces", a3.to_lowercase()),
                            format!("{country_name} security forces"),
                        ),
                        _ => (
                            format!("doc:{}.government", a3.to_lowercase()),
                            format!("Government of {country_name}"),
                        ),
                    };
                    let a = self.doc_actor(key, &name, kind, Some(a3.to_string()));
                    self.mention(span, si, a, "demonym", 0.85);
                    break;
                }
            }
        }
    }

    /// Whether an entity is worth an actor: a capitalised word other than a leading
    /// "The", not a pronoun, not only demonyms ("Tajik-Afghan").
    fn nameworthy(&self, name: &str) -> bool {
        let rest = name
            .strip_prefix("The ")
            .or_else(|| name.strip_prefix("the "))
            .unwrap_or(name);
        let capitalised = rest.split_whitespace().any(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && self.t.demonyms.adjective(w).is_none()
                && self.t.lists.title(w).is_none()
        });
        let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
        let pronoun = matches!(
            first.as_str(),
            "we" | "they"
                | "he"
                | "she"
                | "it"
                | "i"
                | "you"
                | "us"
                | "them"
                | "our"
                | "their"
                | "his"
                | "her"
                | "its"
                | "my"
                | "your"
        );
        let demonyms_only = name
            .split(['-', ' '])
            .all(|p| self.t.demonyms.adjective(p).is_some());
        let word = name.trim_end_matches('.').to_lowercase();
        // a title with its demonym ("Kazakh Foreign Minister") names no one
        let title_only = {
            let mut words = rest.split_whitespace().peekable();
            if words
                .peek()
                .is_some_and(|w| self.t.demonyms.adjective(w).is_some())
            {
                words.next();
            }
            let rest: Vec<&str> = words.collect();
            !rest.is_empty() && self.t.lists.title(&rest.join(" ")).is_some()
        };
        let calendar = title_only
            || crate::quantities::lexicon::month(&word)
            || crate::quantities::lexicon::weekday(&word);
        capitalised && !pronoun && !demonyms_only && !calendar
    }

    /// Headlines in title case ("Region Grows Worried as Taliban Consolidates Power")
    /// defeat the tagger's capital-letter cues.
    fn title_case(&self, si: usize) -> bool {
        let words: Vec<&str> = self.sentences[si]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| self.tok(t))
            .filter(|w| {
                !matches!(
                    *w,
                    "a" | "an"
                        | "the"
                        | "of"
                        | "in"
                        | "on"
                        | "at"
                        | "to"
                        | "for"
                        | "and"
                        | "as"
                        | "by"
                        | "or"
                        | "with"
                        | "from"
                )
            })
            .collect();
        words.len() >= 4
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    }

    /// Step 4: persons and organisations the tagger found and the registry lacks.
    fn entities(&mut self) {
        let entities = std::mem::take(&mut self.entities);
        for &(span, label) in &entities {
            let Some(si) = self.sentence_of(span) else {
                continue;
            };
            // a name right after an office or rank is a person, whatever the tagger said
            // ("President Obama", "Secretary General Ban Ki-moon")
            let titled = label != "PER" && self.after_title(si, span);
            let label = if titled { "PER" } else { label };
            if !matches!(label, "PER" | "ORG") {
                continue;
            }
            // a rank or title the tagger put inside the name ("Colonel General Anatoly
            // Sidorov") stays outside the person mention, for the role step
            let span = if label == "PER" {
                self.strip_title(si, span)
            } else {
                span
            };
            if self.is_taken(span) || self.title_case(si) || !self.nameworthy(self.s(span)) {
                continue;
            }
            // a name the place stage resolved here or elsewhere in the report is a place
            // ("Dangam", "Torkham", "KHOROG"), unless a title says it is a person
            if !titled
                && self
                    .places
                    .iter()
                    .any(|p| p.overlaps(span) || self.s(*p) == self.s(span))
            {
                continue;
            }

            let name = self.s(span);
            if label == "PER" {
                let words: Vec<&str> = name.split_whitespace().collect();
                if words.len() == 1 {
                    // a surname alone: the person named in full before, if any
                    if let Some(a) = self.person_by_short(words[0]) {
                        self.mention(span, si, a, "surname", 0.8);
                        continue;
                    }
                }
                let key = format!("doc:person:{}", slug(name));
                let a = self.doc_actor(key, name, ActorKind::Person, None);
                if words.len() > 1 {
                    if let Some(last) = words.last() {
                        let last = last.to_string();
                        if !self.actors[a].short_names.contains(&last) {
                            self.actors[a].short_names.push(last);
                        }
                    }
                }
                self.mention(span, si, a, "entity", 0.75);
            } else {
                // "Yeltsin" tagged as an organisation after "Boris Yeltsin"
                if !name.contains(' ') {
                    if let Some(a) = self.person_by_short(name) {
                        self.mention(span, si, a, "surname", 0.7);
                        continue;
                    }
                }
                let clean = name.trim_start_matches("the ").trim_start_matches("The ");
                let key = format!("doc:{}", slug(clean));
                let a = self.doc_actor(key, clean, kind_from_head(clean), None);
                self.mention(span, si, a, "entity", 0.6);
            }
        }
        self.entities = entities;
    }

    /// The name inside a person entity that the tagger stretched over what comes before
    /// it ("Pakistan Army spokesman Major General Ahmed Sharif Chaudhry" → "Ahmed Sharif
    /// Chaudhry"): everything up to the last title word, demonym or actor already found.
    fn strip_title(&self, si: usize, span: Span) -> Span {
        let toks: Vec<&Token> = self.sentences[si]
            .iter()
            .filter(|t| span.contains(t.span))
            .collect();
        for k in (1..toks.len()).rev() {
            let last = toks[k - 1];
            let w = self.tok(last);
            let cut = self.t.lists.title(w).is_some_and(|c| c != 3)
                || self.t.demonyms.adjective(w).is_some()
                || self.is_taken(last.span)
                || self.title_ending_at(&toks[..k]);
            if cut {
                return Span {
                    start: toks[k].span.start,
                    end: span.end,
                };
            }
        }
        span
    }

    /// Whether the tokens end with a title of several words ("Colonel General").
    fn title_ending_at(&self, toks: &[&Token]) -> bool {
        let n = toks.len();
        (2..=4.min(n)).any(|len| {
            let span = Span {
                start: toks[n - len].span.start,
                end: toks[n - 1].span.end,
            };
            self.t.lists.title(self.s(span)).is_some()
        })
    }

    fn after_title(&self, si: usize, span: Span) -> bool {
        let toks = self.sentences[si];
        let Some(k) = toks.iter().position(|t| t.span.start == span.start) else {
            return false;
        };
        (1..=4.min(k)).any(|len| {
            toks[k - len].kind == TokenKind::Word
                && self
                    .t
                    .lists
                    .title(self.s(Span {
                        start: toks[k - len].span.start,
                        end: toks[k - 1].span.end,
                    }))
                    .is_some_and(|c| c <= 1)
        })
    }

    /// The person a surname alone names: of those named in full with it ("Hillary
    /// Clinton", "Chelsea Clinton"), the one mentioned most so far, the latest on a tie.
    fn person_by_short(&self, word: &str) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (i, a) in self.actors.iter().enumerate() {
            if a.kind != ActorKind::Person || !a.short_names.iter().any(|s| s == word) {
                continue;
            }
            let n = self.mentions.iter().filter(|m| m.actor == i).count();
            if best.is_none_or(|(_, bn)| n >= bn) {
                best = Some((i, n));
            }
        }
        best.map(|(i, _)| i)
    }

    fn sentence_of(&self, span: Span) -> Option<usize> {
        self.sentence_spans.iter().position(|s| s.contains(span))
    }

    /// A surname alone, anywhere after the full name, even when the tagger missed it.
    fn surnames(&mut self) {
        let persons: Vec<(String, usize)> = self
            .actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.kind == ActorKind::Person)
            .flat_map(|(i, a)| a.short_names.iter().map(move |s| (s.clone(), i)))
            .collect();
        if persons.is_empty() {
            return;
        }
        for si in 0..self.sentences.len() {
            for t in self.sentences[si] {
                let w = self.tok(t);
                if persons.iter().any(|(s, _)| s == w) {
                    let Some(a) = self.person_by_short(w) else {
                        continue;
                    };
                    let a = &a;
                    let first_full = self
                        .mentions
                        .iter()
                        .filter(|m| m.actor == *a)
                        .map(|m| m.span.start)
                        .min()
                        .unwrap_or(usize::MAX);
                    if t.span.start > first_full && !self.is_taken(t.span) {
                        self.mention(t.span, si, *a, "surname", 0.8);
                    }
                }
            }
        }
    }

    /// The distinctive last word of an organisation's name standing alone anywhere in the
    /// report ("joining Ansarullah" with "Jamaat Ansarullah" named elsewhere) names it too.
    /// Generic heads ("Province", "Army") and words that are names themselves
    /// ("Pakistan") do not.
    fn organisation_short_names(&mut self) {
        const GENERIC: [&str; 26] = [
            "province",
            "state",
            "army",
            "front",
            "council",
            "group",
            "party",
            "movement",
            "organization",
            "organisation",
            "agency",
            "ministry",
            "committee",
            "forces",
            "force",
            "news",
            "times",
            "network",
            "brigade",
            "union",
            "assembly",
            "office",
            "service",
            "staff",
            "court",
            "government",
        ];
        let mut shorts: Vec<(String, usize)> = Vec::new();
        for m in &self.mentions {
            let a = &self.actors[m.actor];
            if !a.kind.is_organisation() {
                continue;
            }
            let text = self.s(m.span);
            let words: Vec<&str> = text.split_whitespace().collect();
            let Some(last) = words.last().filter(|_| words.len() >= 2) else {
                continue;
            };
            let distinctive = last.chars().count() >= 5
                && last.chars().next().is_some_and(char::is_uppercase)
                && !GENERIC.contains(&last.to_lowercase().as_str())
                && self.t.registry.lookup(last).is_empty()
                && self.t.demonyms.adjective(last).is_none();
            if distinctive && !shorts.iter().any(|(w, _)| w == last) {
                shorts.push((last.to_string(), m.actor));
            }
        }
        if shorts.is_empty() {
            return;
        }
        for si in 0..self.sentences.len() {
            for t in self.sentences[si] {
                if t.kind != TokenKind::Word || self.is_taken(t.span) {
                    continue;
                }
                let w = self.tok(t);
                if let Some((_, a)) = shorts.iter().find(|(s, _)| s == w) {
                    self.mention(t.span, si, *a, "short_name", 0.7);
                }
            }
        }
    }

    /// Step 5: titles and roles of persons from the phrase before the name (or an
    /// apposition after it).
    fn roles(&mut self) {
        let persons: Vec<(usize, usize, Span)> = self
            .mentions
            .iter()
            .filter(|m| self.actors[m.actor].kind == ActorKind::Person && m.via == "entity")
            .map(|m| (m.actor, m.sentence, m.span))
            .collect();
        for (actor, si, span) in persons {
            if self.actors[actor].title.is_some() {
                continue;
            }
            let toks = self.sentences[si];
            let Some(first) = toks.iter().position(|t| t.span.start == span.start) else {
                continue;
            };
            let Some(last) = toks.iter().position(|t| t.span.end == span.end) else {
                continue;
            };
            let r = match self.role_before(toks, first) {
                // a rank alone before the name: the apposition after may hold the title
                Some(b) if b.title.is_none() => match self.role_after(toks, last) {
                    Some(a) => Some(RolePhrase {
                        rank: b.rank,
                        honorific: b.honorific,
                        ..a
                    }),
                    None => Some(b),
                },
                Some(b) => Some(b),
                None => self.role_after(toks, last),
            };
            if let Some(r) = r {
                self.apply_role(actor, r, si);
            }
        }
    }

    /// The longest title starting at `toks[k]` ("Secretary General", not "Secretary"):
    /// its span and category.
    fn title_at(&self, toks: &[Token], k: usize) -> Option<(Span, u8)> {
        if !self
            .t
            .lists
            .may_start_title(&self.tok(&toks[k]).to_lowercase())
        {
            return None;
        }
        (1..=4.min(toks.len() - k)).rev().find_map(|len| {
            let span = Span {
                start: toks[k].span.start,
                end: toks[k + len - 1].span.end,
            };
            self.t.lists.title(self.s(span)).map(|c| (span, c))
        })
    }

    /// The first office or role title in a phrase.
    fn first_title(&self, phrase: &[Token]) -> Option<(usize, Span)> {
        (0..phrase.len()).find_map(|k| {
            self.title_at(phrase, k)
                .filter(|(_, c)| *c == 1 || *c == 3)
                .map(|(s, _)| (k, s))
        })
    }

    /// The title phrase before a name: ranks and honorifics right before it, then
    /// (after an optional comma) title words, capitalised words, "of", "the", "to",
    /// parentheses: "the Chief of the CSTO Joint Staff, Colonel General Anatoly Sidorov".
    fn role_before(&self, toks: &[Token], first: usize) -> Option<RolePhrase> {
        let mut j = first;
        let mut rank = None;
        let mut honorific = None;
        'direct: for _ in 0..3 {
            // the longest title ending right before: a rank is kept, an honorific skipped,
            // an office ends the loop (it starts the title phrase)
            for len in (1..=4.min(j)).rev() {
                if toks[j - len].kind != TokenKind::Word {
                    continue;
                }
                let span = Span {
                    start: toks[j - len].span.start,
                    end: toks[j - 1].span.end,
                };
                match self.t.lists.title(self.s(span)) {
                    Some(0) if rank.is_none() => {
                        rank = Some(span);
                        j -= len;
                        continue 'direct;
                    }
                    Some(2) => {
                        honorific = Some(span);
                        j -= len;
                        continue 'direct;
                    }
                    Some(_) => break 'direct,
                    None => {}
                }
            }
            break;
        }
        if j > 0 && self.tok(&toks[j - 1]) == "," {
            j -= 1;
        }
        let end = j;
        while j > 0 && end - j < 16 {
            let t = &toks[j - 1];
            let w = self.tok(t);
            // a lower-case word right before a title word modifies it ("information
            // chief", "deputy chief")
            let before_title = toks
                .get(j)
                .is_some_and(|n| j < end && self.t.lists.title(self.tok(n)).is_some());
            let ok = match t.kind {
                TokenKind::Word => {
                    w.chars().next().is_some_and(char::is_uppercase)
                        || matches!(
                            w,
                            "of" | "the"
                                | "to"
                                | "for"
                                | "on"
                                | "in"
                                | "'s"
                                | "’s"
                                | "province"
                                | "district"
                                | "region"
                        )
                        || self.t.lists.title(w).is_some()
                        || (before_title && w.chars().all(char::is_lowercase))
                }
                TokenKind::Punct => matches!(w, "(" | ")"),
                _ => false,
            };
            if !ok {
                break;
            }
            j -= 1;
        }
        let phrase = &toks[j..end];
        let title = self.first_title(phrase);
        if title.is_none() && rank.is_none() && honorific.is_none() {
            return None;
        }
        // the role runs from the first demonym or title to the end of the phrase
        let start = phrase.iter().enumerate().position(|(k, t)| {
            self.t.demonyms.adjective(self.tok(t)).is_some() || title.is_some_and(|(tk, _)| tk == k)
        });
        let role = start.map(|k| Span {
            start: phrase[k].span.start,
            end: phrase[phrase.len() - 1].span.end,
        });
        let whole = (!phrase.is_empty()).then(|| Span {
            start: phrase[0].span.start,
            end: phrase[phrase.len() - 1].span.end,
        });
        Some(RolePhrase {
            rank,
            role,
            title: title.map(|(_, s)| s),
            phrase: whole,
            honorific,
        })
    }

    /// An apposition after the name: ", the Kazakh Foreign Minister," / ", spokesman for X".
    fn role_after(&self, toks: &[Token], last: usize) -> Option<RolePhrase> {
        if self.tok(toks.get(last + 1)?) != "," {
            return None;
        }
        let start = last + 2;
        let mut end = start;
        while end < toks.len() && end - start < 14 {
            let w = self.tok(&toks[end]);
            if matches!(w, "," | "." | ";" | ":" | "“" | "\"") {
                break;
            }
            end += 1;
        }
        if end == start {
            return None;
        }
        let phrase = &toks[start..end];
        let (title_k, title) = self.first_title(phrase)?;
        // only noun-phrase words before the title ("the", a demonym, an organisation, one
        // modifier right before it: "the Taliban's information chief")
        if phrase[..title_k].iter().enumerate().any(|(k, t)| {
            let w = self.tok(t);
            w.chars().next().is_some_and(char::is_lowercase)
                && !matches!(w, "the" | "a" | "an")
                && k + 1 != title_k
        }) {
            return None;
        }
        let first = phrase
            .iter()
            .position(|t| !matches!(self.tok(t), "the" | "a" | "an"))
            .unwrap_or(0);
        let role = Span {
            start: phrase[first].span.start,
            end: phrase[phrase.len() - 1].span.end,
        };
        Some(RolePhrase {
            rank: None,
            role: Some(role),
            title: Some(title),
            phrase: Some(role),
            honorific: None,
        })
    }

    fn apply_role(&mut self, actor: usize, r: RolePhrase, si: usize) {
        let role = r
            .role
            .map(|s| self.s(s).trim_end_matches(',').trim().to_string());
        let title = r.title.map(|s| self.s(s).to_string());
        let rank = r.rank.map(|s| self.s(s).to_string());
        let gender = r.honorific.and_then(|s| {
            match self.s(s).trim_end_matches('.').to_lowercase().as_str() {
                "mr" | "sir" | "lord" | "sheikh" | "mullah" | "maulana" | "father" => Some('m'),
                "mrs" | "ms" | "miss" | "dame" | "lady" => Some('f'),
                _ => None,
            }
        });
        // organisation: the most specific actor mentioned inside the role phrase
        let mut organisation = None;
        let mut country = None;
        if let Some(rs) = r.phrase {
            organisation = self
                .mentions
                .iter()
                .filter(|m| rs.contains(m.span) && self.actors[m.actor].kind != ActorKind::Person)
                .max_by_key(|m| (m.span.len(), m.span.start))
                .map(|m| m.actor);
            // a demonym in the phrase gives the person's country ("Russian Ambassador")
            let toks = self.sentences[si];
            for t in toks.iter().filter(|t| rs.contains(t.span)) {
                if let Some(a3) = self.t.demonyms.adjective(self.tok(t)) {
                    country = Some(a3.to_string());
                    break;
                }
            }
        }
        if let Some(o) = organisation {
            if self.actors[o].kind == ActorKind::State {
                country = country.or_else(|| self.actors[o].country.clone());
                organisation = None;
            } else if country.is_none() {
                country = self.actors[o].country.clone();
            }
        }
        let a = &mut self.actors[actor];
        a.gender = a.gender.or(gender);
        a.role = role;
        a.title = title;
        a.rank = rank;
        a.organisation = organisation;
        if a.country.is_none() {
            a.country = country;
        }
    }

    /// "KABUL, Dec. 19 (Frontier Ledger) —": the name in parentheses of a dateline is the
    /// outlet that filed the report.
    fn dateline_outlet(&mut self) {
        for si in 0..self.sentences.len().min(3) {
            let toks = self.sentences[si];
            let dateline = toks.iter().take(12).any(|t| {
                let w = self.tok(t);
                t.kind == TokenKind::Word
                    && w.len() >= 3
                    && w.chars().all(|c| c.is_uppercase() || c == '/')
            });
            if !dateline {
                continue;
            }
            let Some(open) = toks.iter().take(16).position(|t| self.tok(t) == "(") else {
                continue;
            };
            let Some(close) = toks[open..]
                .iter()
                .take(7)
                .position(|t| self.tok(t) == ")")
                .map(|k| open + k)
            else {
                continue;
            };
            let dash = toks[close + 1..]
                .iter()
                .take(2)
                .any(|t| matches!(self.tok(t), "—" | "–" | "-" | "--"));
            let inner = &toks[open + 1..close];
            let named = !inner.is_empty()
                && inner.iter().all(|t| {
                    t.kind == TokenKind::Word
                        && self.tok(t).chars().next().is_some_and(char::is_uppercase)
                });
            if !dash || !named {
                continue;
            }
            let span = Span {
                start: inner[0].span.start,
                end: inner[inner.len() - 1].span.end,
            };
            if self.is_taken(span) {
                return;
            }
            let name = self.s(span).to_string();
            let a = self.doc_actor(
                format!("doc:{}", slug(&name)),
                &name,
                ActorKind::MediaOutlet,
                None,
            );
            self.mention(span, si, a, "dateline", 0.8);
            return;
        }
    }

    /// Short forms of an actor named in full elsewhere in the report: a person's single
    /// name ("Flynn", "Saddam") joins the one person whose full name holds it; an acronym
    /// the text never defined ("OAU") joins the one organisation whose initials spell it;
    /// a one-word registry name ("Ansarullah") joins the one actor here whose name ends
    /// with it ("Jamaat Ansarullah").
    fn merge_short_forms(&mut self) {
        let words = |n: &str| -> Vec<String> {
            n.trim_end_matches("'s")
                .trim_end_matches("’s")
                .split_whitespace()
                .map(str::to_string)
                .collect()
        };
        let used: Vec<usize> = {
            let mut u: Vec<usize> = self.mentions.iter().map(|m| m.actor).collect();
            u.sort_unstable();
            u.dedup();
            u
        };
        let mut remap: HashMap<usize, usize> = HashMap::new();
        for &a in &used {
            let actor = &self.actors[a];
            let w = words(&actor.name);
            if w.len() != 1 {
                continue;
            }
            let w = &w[0];
            let target: Vec<usize> = used
                .iter()
                .copied()
                .filter(|&b| b != a)
                .filter(|&b| {
                    let other = &self.actors[b];
                    let ow = words(&other.name);
                    if ow.len() < 2 {
                        return false;
                    }
                    match actor.kind {
                        // a single name: a person named in full, or an organisation whose
                        // name ends with it ("Ansarullah" for "Jamaat Ansarullah")
                        ActorKind::Person => {
                            (other.kind == ActorKind::Person && ow.iter().any(|x| x == w))
                                || (other.kind.is_organisation()
                                    && fold(ow.last().map_or("", String::as_str)) == fold(w))
                        }
                        _ if spillover_lexicon::actors::is_acronym(w) && !actor.registry => {
                            other.kind != ActorKind::Person && initials(&ow) == *w
                        }
                        // a state is named by its own name, never a short form
                        ActorKind::State => false,
                        _ => {
                            other.kind == actor.kind
                                && fold(ow.last().map_or("", String::as_str)) == fold(w)
                        }
                    }
                })
                .collect();
            if let [b] = target[..] {
                remap.insert(a, b);
            }
        }
        for m in &mut self.mentions {
            if let Some(&b) = remap.get(&m.actor) {
                m.actor = b;
            }
        }
    }

    /// Step 6: pronouns and definite descriptions.
    fn references(&mut self) {
        for si in 0..self.sentences.len() {
            let toks = self.sentences[si];
            let mut i = 0;
            while i < toks.len() {
                let t = &toks[i];
                if t.kind != TokenKind::Word || self.is_taken(t.span) {
                    i += 1;
                    continue;
                }
                let raw = self.tok(t);
                if raw.len() > 7 {
                    // no pronoun, "they" or "the" is longer
                    i += 1;
                    continue;
                }
                let w = raw.to_ascii_lowercase();
                if MALE.contains(&w.as_str()) || FEMALE.contains(&w.as_str()) {
                    let g = if MALE.contains(&w.as_str()) { 'm' } else { 'f' };
                    if let Some(m) = self.recent(t.span.start, si, 3, |a, m| {
                        a.kind == ActorKind::Person
                            && !m.oblique
                            && m.antecedent.is_none()
                            && a.gender.is_none_or(|x| x == g)
                    }) {
                        let (a, ante) = (self.mentions[m].actor, self.mentions[m].span);
                        self.actors[a].gender = Some(g);
                        self.refer(t.span, si, a, "pronoun", ante, 0.7);
                    }
                    i += 1;
                    continue;
                }
                // "they said": the latest organisation or group, as a speaker
                if w == "they"
                    && toks
                        .get(i + 1)
                        .is_some_and(|n| REPORTING.contains(&self.tok(n).to_lowercase().as_str()))
                {
                    if let Some(m) = self.recent(t.span.start, si, 2, |a, m| {
                        a.kind.is_organisation() && !m.oblique && !m.locative
                    }) {
                        let (a, ante) = (self.mentions[m].actor, self.mentions[m].span);
                        self.refer(t.span, si, a, "pronoun", ante, 0.6);
                    }
                    i += 1;
                    continue;
                }
                if w != "the" || i + 1 >= toks.len() {
                    i += 1;
                    continue;
                }
                // "the [Demonym] noun [noun]"
                let mut j = i + 1;
                let demonym = self
                    .t
                    .demonyms
                    .adjective(self.tok(&toks[j]))
                    .map(str::to_string);
                if demonym.is_some() {
                    j += 1;
                }
                let mut matched = None;
                for len in (1..=3).rev() {
                    let Some(last) = toks.get(j + len - 1) else {
                        continue;
                    };
                    if !toks[j..j + len].iter().all(|t| t.kind == TokenKind::Word) {
                        continue;
                    }
                    let head_span = Span {
                        start: toks[j].span.start,
                        end: last.span.end,
                    };
                    let head = self.s(head_span).to_lowercase();
                    if let Some(r) = self.describe(&head, demonym.as_deref(), t.span.start, si) {
                        matched = Some((len, r));
                        break;
                    }
                }
                if let Some((len, (actor, ante))) = matched {
                    let span = Span {
                        start: t.span.start,
                        end: toks[j + len - 1].span.end,
                    };
                    if !self.is_taken(span) && !self.locative_before(toks, i) {
                        self.refer(span, si, actor, "description", ante, 0.65);
                    }
                    i = j + len;
                    continue;
                }
                i += 1;
            }
        }
    }

    /// The actor a definite description ("ambassador", "regime", "organization") refers
    /// to: the most recent compatible one within a few sentences.
    fn describe(
        &self,
        head: &str,
        demonym: Option<&str>,
        before: usize,
        si: usize,
    ) -> Option<(usize, Span)> {
        let org_kind = |k: &[ActorKind]| {
            let k = k.to_vec();
            move |a: &Actor, _: &Mention| k.contains(&a.kind)
        };
        let m = match head {
            "regime" | "de facto authorities" | "de facto government" => self.recent(
                before,
                si,
                4,
                org_kind(&[ActorKind::GovernmentBody, ActorKind::ArmedGroup]),
            ),
            "organization" | "organisation" | "alliance" | "bloc" => {
                let m = self.recent(
                    before,
                    si,
                    4,
                    org_kind(&[ActorKind::Igo, ActorKind::IgoBody]),
                )?;
                let a = self.mentions[m].actor;
                // a body's mention stands for its organisation ("the CSTO Joint Staff …
                // the bloc")
                let parent = (self.actors[a].kind == ActorKind::IgoBody)
                    .then(|| self.actors[a].parent.as_ref())
                    .flatten()
                    .and_then(|p| self.by_key.get(p).copied());
                if let Some(pa) = parent {
                    return Some((pa, self.mentions[m].span));
                }
                Some(m)
            }
            "group" | "militant group" | "terrorist group" | "movement" | "militants" => {
                self.recent(before, si, 3, org_kind(&[ActorKind::ArmedGroup]))
            }
            // the country talked about, not one where something happened ("in Afghanistan")
            "country" => self.recent(before, si, 3, |a, m| {
                a.kind == ActorKind::State && !m.locative
            }),
            _ => {
                // a title ("ambassador", "secretary general", "general")
                self.t.lists.title(head).filter(|&c| c != 2)?;
                self.recent(before, si, 6, |a, _| {
                    a.kind == ActorKind::Person
                        && [&a.title, &a.rank, &a.role]
                            .iter()
                            .any(|t| t.as_ref().is_some_and(|t| fold(t).contains(&fold(head))))
                        && demonym.is_none_or(|d| a.country.as_deref().is_none_or(|c| c == d))
                })
            }
        }?;
        Some((self.mentions[m].actor, self.mentions[m].span))
    }

    /// The latest mention before byte `before`, at most `back` sentences back, whose actor
    /// passes `ok`.
    fn recent(
        &self,
        before: usize,
        si: usize,
        back: usize,
        ok: impl Fn(&Actor, &Mention) -> bool,
    ) -> Option<usize> {
        self.mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.span.end <= before && m.sentence + back >= si)
            .filter(|(_, m)| ok(&self.actors[m.actor], m))
            .max_by_key(|(_, m)| m.span.start)
            .map(|(i, _)| i)
    }

    fn refer(
        &mut self,
        span: Span,
        si: usize,
        actor: usize,
        via: &'static str,
        ante: Span,
        confidence: f32,
    ) {
        self.take(span);
        self.mentions.push(Mention {
            span,
            sentence: si,
            actor,
            via,
            confidence,
            antecedent: Some(ante),
            locative: false,
            oblique: false,
        });
    }

    fn finish(mut self) -> Vec<Annotation> {
        // one mention per stretch of text: where two meet, the longer wins
        self.mentions
            .sort_by_key(|m| (std::cmp::Reverse(m.span.len()), m.span.start));
        let mut kept: Vec<Mention> = Vec::with_capacity(self.mentions.len());
        for m in self.mentions.drain(..) {
            if !kept.iter().any(|k| k.span.overlaps(m.span)) {
                kept.push(m);
            }
        }
        kept.sort_by_key(|m| (m.span.start, m.span.end));
        self.mentions = kept;
        let mut out = Vec::with_capacity(self.mentions.len());
        for m in &self.mentions {
            let a = &self.actors[m.actor];
            let mut attrs = Map::new();
            attrs.insert("name".into(), json!(a.name));
            attrs.insert("kind".into(), json!(a.kind.as_str()));
            if let Some(c) = &a.country {
                attrs.insert("country".into(), json!(c));
            }
            if let Some(c) = &a.code {
                attrs.insert("code".into(), json!(c));
            } else if let Some(c) = &a.country {
                attrs.insert("code".into(), json!(c));
            }
            if let Some(p) = &a.parent {
                attrs.insert("parent".into(), json!(p));
            }
            attrs.insert("registry".into(), json!(a.registry));
            attrs.insert("via".into(), json!(m.via));
            if m.locative {
                attrs.insert("locative".into(), json!(true));
            }
            for (k, v) in [("role", &a.role), ("title", &a.title), ("rank", &a.rank)] {
                if let Some(v) = v {
                    attrs.insert(k.into(), json!(v));
                }
            }
            if let Some(o) = a.organisation {
                let o = &self.actors[o];
                attrs.insert("organisation".into(), json!(o.key));
                attrs.insert("organisation_name".into(), json!(o.name));
            }
            if let Some(ante) = m.antecedent {
                attrs.insert(
                    "antecedent".into(),
                    json!({"start": ante.start, "end": ante.end}),
                );
            }
            out.push(
                Annotation::new(m.span, a.kind.as_str(), COMPONENT, m.confidence)
                    .with_key(a.key.clone())
                    .with_attrs(Value::Object(attrs)),
            );
        }
        out
    }
}

struct RolePhrase {
    rank: Option<Span>,
    role: Option<Span>,
    title: Option<Span>,
    /// The whole phrase (organisations and demonyms are looked for in it).
    phrase: Option<Span>,
    /// "Mr", "Mrs", "Sheikh" right before the name (gives a gender where it says one).
    honorific: Option<Span>,
}

/// [`Registry::lookup`], remembered per thread for each registry: the same spans are
/// looked up at each length in report after report (bounded: cleared at 100,000 spans;
/// spans are kept as 64-bit hashes, as the entity lists' memos keep names).
fn registry_lookup(registry: &'static Registry, s: &str) -> Vec<(&'static Entry, NameKind)> {
    type Hits = Vec<(&'static Entry, NameKind)>;
    thread_local! {
        static MEMO: std::cell::RefCell<(usize, HashedMap<Hits>)> =
            std::cell::RefCell::new((0, HashedMap::default()));
    }
    // a registry is never freed ('static), so its address names it for the process
    let id = std::ptr::from_ref(registry) as usize;
    let key = name_hash(s);
    MEMO.with(|cell| {
        if let Ok(memo) = cell.try_borrow() {
            if memo.0 == id {
                if let Some(hits) = memo.1.get(&key) {
                    return hits.clone();
                }
            }
        }
        let hits = registry.lookup(s);
        if let Ok(mut memo) = cell.try_borrow_mut() {
            if memo.0 != id || memo.1.len() >= 100_000 {
                memo.0 = id;
                memo.1.clear();
            }
            memo.1.insert(key, hits.clone());
        }
        hits
    })
}

/// The first word of `w` as [`fold`] would give it, without allocating the whole fold for
/// ASCII words (the common case): lower case, up to the first separator, apostrophes
/// dropped.
fn first_word_key(w: &str) -> std::borrow::Cow<'_, str> {
    if !w.is_ascii() {
        let f = fold(w);
        let first = f.split(' ').next().unwrap_or("").to_string();
        return std::borrow::Cow::Owned(first);
    }
    let b = w.as_bytes();
    let end = b
        .iter()
        .position(|c| {
            !matches!(c, b'\'' | b'`') && (c.is_ascii_punctuation() || c.is_ascii_whitespace())
        })
        .unwrap_or(b.len());
    let head = &w[..end];
    if head
        .bytes()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    {
        std::borrow::Cow::Borrowed(head)
    } else {
        std::borrow::Cow::Owned(
            head.bytes()
                .filter(|c| !matches!(c, b'\'' | b'`'))
                .map(|c| char::from(c.to_ascii_lowercase()))
                .collect(),
        )
    }
}

/// Prefer a name over a metonym, then the entry of the possessive's country
/// ("Kyrgyzstan's State Committee for National Security"), then the first entry listed.
fn pick<'e>(
    hits: &[(&'e Entry, NameKind)],
    country: Option<&str>,
) -> Option<(&'e Entry, NameKind)> {
    let names: Vec<&(&Entry, NameKind)> =
        hits.iter().filter(|(_, k)| *k == NameKind::Name).collect();
    if let Some(c) = country {
        if let Some(h) = names.iter().find(|(e, _)| e.country.as_deref() == Some(c)) {
            return Some(**h);
        }
    }
    names.first().map(|h| **h).or_else(|| hits.first().copied())
}

/// The initials of a name's capitalised words ("Organization of African Unity" → "OAU").
fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

/// A kind for an organisation the registry lacks, from its head words.
fn kind_from_head(name: &str) -> ActorKind {
    let f = fold(name);
    let words: Vec<&str> = f.split(' ').collect();
    let has = |ws: &[&str]| words.iter().any(|w| ws.contains(w));
    if has(&[
        "army",
        "front",
        "brigade",
        "brigades",
        "battalion",
        "jihad",
        "lashkar",
        "jaish",
        "tehrik",
        "tahreek",
        "mujahideen",
        "militia",
        "liberation",
    ]) {
        ActorKind::ArmedGroup
    } else if has(&[
        "news",
        "agency",
        "times",
        "radio",
        "tv",
        "television",
        "post",
        "press",
        "gazette",
        "herald",
    ]) && !has(&["ministry", "intelligence", "security"])
    {
        ActorKind::MediaOutlet
    } else if has(&[
        "police",
        "forces",
        "guard",
        "guards",
        "troops",
        "gendarmerie",
    ]) {
        ActorKind::SecurityForce
    } else if has(&[
        "ministry",
        "department",
        "committee",
        "service",
        "directorate",
        "parliament",
        "assembly",
        "council",
        "police",
        "forces",
        "guard",
        "guards",
    ]) {
        ActorKind::GovernmentBody
    } else {
        ActorKind::Other
    }
}

impl Component for ActorTagger {
    fn name(&self) -> &'static str {
        COMPONENT
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens, Layer::Entities]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Actors]
    }
    fn process(&self, doc: &mut Doc) -> Result<(), ComponentError> {
        let found = self.annotate(doc);
        crate::add_all(doc, Layer::Actors, COMPONENT, found)
    }
}

#[cfg(test)]
mod tests;
