//! Participants: the phrases of a sentence that can be the source or the target of an
//! event, each with a CAMEO-style code where one can be given.
//!
//! In order: actor mentions (the actors stage's registry and report-level actors; a
//! person takes the country of a demonym or state named in the title before the name,
//! "Portuguese President Mario Soares"); demonym phrases ("Israeli soldiers" → `ISRMIL`,
//! "an Indian proposal" → `IND`, "Palestinians" → `PSE`); sector heads ("rebels in the
//! Ivory Coast" → `CIVREB`, "Israel's Cabinet" → `ISRGOV`, "militants" alone: no code);
//! and places the actors stage did not take, as settings.

use super::lexicon::Lexicon;
use super::sentence::Sentence;
use super::words::WordSet;
use crate::places::demonyms::Demonyms;
use spillover_doc::{Annotation, Span};
use std::borrow::Cow;

/// How a participant was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Actor,
    Demonym,
    Sector,
    Place,
}

impl Via {
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Actor => "actor",
            Via::Demonym => "demonym",
            Via::Sector => "sector",
            Via::Place => "place",
        }
    }
}

/// A phrase that can fill the source or target role.
#[derive(Debug, Clone)]
pub struct Participant<'d> {
    pub span: Span,
    /// Token range `a..b` in the sentence.
    pub a: usize,
    pub b: usize,
    pub key: Option<&'d str>,
    pub name: Option<&'d str>,
    /// The full CAMEO-style code (`AFGREB`, `IGO`, `ISRMIL`).
    pub code: Option<Cow<'d, str>>,
    pub country: Option<&'d str>,
    pub kind: Option<&'d str>,
    pub sector: Option<&'static str>,
    pub via: Via,
    /// A setting more than an agent ("in Afghanistan").
    pub locative: bool,
    /// An unresolved personal pronoun ("it", "they").
    pub pronoun: bool,
    /// The country was inferred from the sentence, not named with the actor.
    pub inferred: bool,
    /// A plural demonym standing as a noun ("the Palestinians"), not a modifier.
    pub plural: bool,
}

impl Participant<'_> {
    /// The code to emit: the participant's own, else its country with its sector.
    pub fn full_code(&self) -> Option<String> {
        if let Some(c) = &self.code {
            return Some(c.to_string());
        }
        let country = self.country?;
        Some(match self.sector {
            Some(s) if s != "NGO" && s != "IGO" => format!("{country}{s}"),
            _ => country.to_string(),
        })
    }

    /// Whether a code can be given at all.
    pub fn coded(&self) -> bool {
        self.code.is_some() || self.country.is_some() || matches!(self.sector, Some("NGO" | "IGO"))
    }
}

/// Lowercase title and role words that may stand between a country and a person or body
/// ("Iran's religious leader Ayatollah …", "U.S. negotiator Paul Nitze").
static TITLE_WORDS: WordSet = WordSet::new(&[
    "president",
    "prime",
    "minister",
    "foreign",
    "defence",
    "defense",
    "interior",
    "secretary",
    "general",
    "secretary-general",
    "chief",
    "leader",
    "leaders",
    "religious",
    "spiritual",
    "supreme",
    "king",
    "queen",
    "emir",
    "sheikh",
    "ambassador",
    "envoy",
    "spokesman",
    "spokeswoman",
    "deputy",
    "vice",
    "senior",
    "top",
    "new",
    "former",
    "ousted",
    "interim",
    "head",
    "chairman",
    "commander",
    "mayor",
    "governor",
    "official",
    "negotiator",
    "vice-president",
    "first",
    "'s",
    "-",
    "the",
    "of",
    "military",
    "army",
    "opposition",
    "rebel",
    "district",
    "provincial",
    "state",
    "national",
    "federal",
    "main",
    "acting",
    "junior",
    "assistant",
    "special",
    "defense",
    "finance",
    "justice",
    "security",
]);

/// Pronouns that can be a subject or object.
static PRONOUNS: WordSet = WordSet::new(&[
    "he", "she", "it", "they", "we", "i", "him", "them", "us", "her",
]);
/// Possessive pronouns: modifiers, never participants.
static POSSESSIVES: WordSet = WordSet::new(&["his", "its", "their", "our", "my", "your"]);
/// Words after a sector word that show it is a head noun, not a modifier ("rebels in",
/// "police opened fire", "troops have").
static NOT_NOUNS: WordSet = WordSet::new(&[
    "in",
    "on",
    "at",
    "to",
    "with",
    "from",
    "by",
    "for",
    "of",
    "against",
    "near",
    "into",
    "and",
    "or",
    "but",
    "who",
    "which",
    "that",
    "had",
    "have",
    "has",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "said",
    "say",
    "says",
    "also",
    "still",
    "again",
    "then",
    "now",
    "today",
    "yesterday",
    "as",
    "after",
    "before",
    "during",
    "since",
    "across",
    "along",
    "outside",
    "inside",
    "loyal",
    "based",
    "there",
    "here",
    "themselves",
    "reportedly",
    "later",
    "not",
    "did",
    "do",
    "does",
    "fire",
    "kill",
    "killed",
    "attack",
    "attacked",
    "arrest",
    "shot",
    "began",
]);
/// Words of an organisation's name that make it intergovernmental or non-governmental
/// when the registry does not know it.
const ORG_HEADS: &[(&str, &str)] = &[
    ("community", "IGO"),
    ("cooperation", "IGO"),
    ("organization", "IGO"),
    ("organisation", "IGO"),
    ("league", "IGO"),
    ("alliance", "IGO"),
    ("nations", "IGO"),
    ("amnesty", "NGO"),
    ("watch", "NGO"),
    ("cross", "NGO"),
    ("crescent", "NGO"),
    ("frontieres", "NGO"),
    ("frontières", "NGO"),
    ("doctors", "NGO"),
    ("association", "NGO"),
    ("foundation", "NGO"),
    ("international", "IGO"),
];
/// Prepositions of setting.
pub static LOCATIVE: WordSet = WordSet::new(&[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "around",
    "across",
    "within",
    "throughout",
    "along",
    "into",
    "on",
    "from",
]);

fn str_attr<'a>(a: &'a Annotation, k: &str) -> Option<&'a str> {
    a.attrs.get(k).and_then(|v| v.as_str())
}

/// The country of a CAMEO-style code (`AFGREB` → `AFG`), not for `IGO`, `NGO`, `IMG`.
pub fn country_of_code(code: &str) -> Option<&str> {
    let c = code.get(..3)?;
    if !c.bytes().all(|b| b.is_ascii_uppercase()) || matches!(c, "IGO" | "NGO" | "IMG" | "MNC") {
        return None;
    }
    Some(c)
}

/// Everything the participant finder reads.
pub struct Sources<'a, 'd> {
    pub lex: &'static Lexicon,
    pub demonyms: &'static Demonyms,
    pub text: &'d str,
    /// Actor mentions of the sentence, in text order.
    pub actors: &'a [&'d Annotation],
    /// Places of the sentence, in text order.
    pub places: Vec<&'d Annotation>,
}

impl Sources<'_, '_> {
    /// The country of a demonym or demonym plural, from either table.
    pub fn demonym(&self, word: &str) -> Option<&'static str> {
        if word
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b == b' ' || b == b'.')
        {
            return self.lex.demonym_word(word);
        }
        let lower = word.to_lowercase();
        self.lex.demonym_word(&lower)
    }
}

/// What earlier sentences taught about an actor: a person's country from a title
/// ("Portuguese President Mario Soares" … "he"), keyed by actor id.
pub type Learned<'d> = std::collections::HashMap<&'d str, (Option<&'d str>, Option<Cow<'d, str>>)>;

/// Finds the participants of a sentence, in text order.
pub fn find<'d>(s: &Sentence, src: &Sources<'_, 'd>) -> Vec<Participant<'d>> {
    find_learning(s, src, &mut Learned::new())
}

/// [`find`], using and extending what earlier sentences taught about actors.
pub fn find_learning<'d>(
    s: &Sentence,
    src: &Sources<'_, 'd>,
    learned: &mut Learned<'d>,
) -> Vec<Participant<'d>> {
    let n = s.len();
    let mut covered = vec![false; n];
    let mut out: Vec<Participant<'d>> = Vec::new();

    // 1. Actor mentions.
    for &a in src.actors {
        let (mut ta, mut tb) = s.toks_in(a.span);
        // pronouns are one short word: compare its lowercase form only then
        let one_word = tb == ta + 1;
        let lower = if one_word { s.w(ta) } else { "" };
        if POSSESSIVES.contains(&lower) {
            continue;
        }
        if ta >= tb {
            // A mention inside one token: "Afghanistan-based", "Syrian-backed".
            let t = s.tok_at(a.span.start);
            let Some(tok) = s.toks.get(t) else { continue };
            let rest = &s.text[a.span.end.min(tok.span.end)..tok.span.end];
            if !(rest.eq_ignore_ascii_case("-based") || rest.eq_ignore_ascii_case("-led")) {
                continue;
            }
            ta = t;
            tb = t + 1;
        }
        if covered[ta..tb].iter().any(|c| *c) {
            continue;
        }
        let code = str_attr(a, "code");
        let content: Vec<usize> = (ta..tb)
            .filter(|&k| !matches!(s.w(k), "a" | "an" | "the"))
            .collect();
        if code.is_none()
            && str_attr(a, "country").is_none()
            && content.len() == 1
            && src.demonym(s.w(content[0])).is_some()
        {
            // a demonym the actors stage took for a name ("Ugandan rebels", "An Afghan")
            continue;
        }
        let country = str_attr(a, "country").or_else(|| code.and_then(country_of_code));
        let pronoun = PRONOUNS.contains(&lower);
        let mut p = Participant {
            span: s.span_of(ta, tb - 1),
            a: ta,
            b: tb,
            key: a.key.as_deref(),
            name: str_attr(a, "name"),
            code: code.map(Cow::Borrowed),
            country,
            kind: str_attr(a, "kind"),
            sector: None,
            via: Via::Actor,
            locative: a
                .attrs
                .get("locative")
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
            pronoun: pronoun && a.key.is_none(),
            inferred: false,
            plural: false,
        };
        if p.kind == Some("person") {
            p.sector = Some("GOV");
        }
        if p.code.is_none() && p.country.is_none() && p.kind != Some("person") {
            // An organisation the registry lacks: a country named in it ("Latvian
            // Constitutional Court"), else an IGO or NGO head word, and its sector.
            let name = &s.text[a.span.start..a.span.end];
            let mut prev_word: Option<String> = None;
            let mut org: Option<&str> = None;
            for w in name.split(|c: char| !c.is_alphanumeric() && c != '-') {
                if w.is_empty() {
                    continue;
                }
                let lw = w.to_lowercase();
                if p.country.is_none() && w.chars().next().is_some_and(char::is_uppercase) {
                    if let Some(c) = src.demonym(w) {
                        p.country = Some(c);
                    }
                }
                if let Some((_, code)) = ORG_HEADS.iter().find(|(h, _)| *h == lw) {
                    org = Some(*code);
                }
                if let Some(sec) = src.lex.sector(prev_word.as_deref(), &lw) {
                    p.sector = Some(sec);
                }
                prev_word = Some(lw);
            }
            if p.country.is_none() {
                if let Some(org) = org.or(p.sector.filter(|s| matches!(*s, "IGO" | "NGO"))) {
                    p.code = Some(Cow::Borrowed(org));
                }
            }
        }
        covered[ta..tb].iter_mut().for_each(|c| *c = true);
        out.push(p);
    }
    out.sort_by_key(|p| p.a);

    // Titles before a person or body: take the country named there ("Portuguese
    // President Mario Soares", "Iran's religious leader …") and absorb that word.
    let mut absorbed: Vec<usize> = Vec::new();
    for pi in 0..out.len() {
        if !matches!(
            out[pi].kind,
            Some("person" | "government_body" | "other" | "igo_body")
        ) {
            continue;
        }
        let mut j = out[pi].a;
        let mut steps = 0;
        while j > 0 && steps < 6 {
            j -= 1;
            steps += 1;
            let w = s.w(j);
            if let Some(qi) = out.iter().position(|q| q.b == j + 1 && q.a <= j) {
                // An earlier participant right before the title words: a state, a
                // demonym ("Portuguese President …") or an IGO ("U.N. Secretary-General …").
                let q = &out[qi];
                let igo =
                    q.country.is_none() && q.code.as_deref().is_some_and(|c| c.starts_with("IGO"));
                if qi != pi
                    && (q.country.is_some() && (q.kind == Some("state") || q.via == Via::Demonym)
                        || igo)
                {
                    if out[pi].country.is_none() && out[pi].code.is_none() {
                        if igo {
                            out[pi].code = Some(Cow::Borrowed("IGOGOV"));
                        } else {
                            out[pi].country = q.country;
                        }
                    }
                    absorbed.push(qi);
                }
                break;
            }
            if s.is_cap(j) {
                if let Some(c) = src.demonym(s.w(j)) {
                    if out[pi].country.is_none() {
                        out[pi].country = Some(c);
                    }
                    covered[j] = true;
                    break;
                }
                continue;
            }
            if !TITLE_WORDS.contains(&w) {
                break;
            }
            covered[j] = true;
        }
    }
    // "Salaheddine Sidhoum, Algeria's leading human rights activist, …", "Kenzo Oshima,
    // the United Nations Emergency Relief Coordinator, …": the apposition's country
    for pi in 0..out.len() {
        if out[pi].kind != Some("person") || out[pi].country.is_some() || out[pi].code.is_some() {
            continue;
        }
        let b = out[pi].b;
        if s.w(b) != "," {
            continue;
        }
        let k = if matches!(s.w(b + 1), "the" | "a" | "an") {
            b + 2
        } else {
            b + 1
        };
        if let Some(q) = out.iter().find(|q| q.a == k || q.a == b + 1) {
            if q.country.is_some()
                && matches!(
                    q.kind,
                    Some("state" | "igo" | "igo_body" | "government_body")
                )
                || q.via == Via::Demonym
            {
                out[pi].country = q.country;
            } else if q.country.is_none() && q.code.as_deref().is_some_and(|c| c.starts_with("IGO"))
            {
                out[pi].code = Some(Cow::Borrowed("IGOGOV"));
            }
        }
    }
    // "King Hassan of Morocco"
    for pi in 0..out.len() {
        if out[pi].kind != Some("person") || out[pi].country.is_some() || out[pi].code.is_some() {
            continue;
        }
        let b = out[pi].b;
        if s.w(b) == "of" {
            if let Some(qi) = out
                .iter()
                .position(|q| q.a == b + 1 && q.kind == Some("state"))
            {
                out[pi].country = out[qi].country;
                absorbed.push(qi);
            }
        }
    }
    absorbed.sort_unstable();
    absorbed.dedup();
    for &qi in absorbed.iter().rev() {
        out.remove(qi);
    }

    // Countries learnt from titles reach every mention of the actor.
    for p in out.iter_mut() {
        let Some(k) = p.key else { continue };
        if p.country.is_some() || p.code.is_some() {
            if p.kind == Some("person") {
                learned.entry(k).or_insert((p.country, p.code.clone()));
            }
        } else if let Some((country, code)) = learned.get(k) {
            p.country = *country;
            p.code = code.clone();
        }
    }

    // Subject pronouns the actors stage left unresolved ("it", "they"): the claim's
    // speaker may stand for them.
    for (i, c) in covered.iter_mut().enumerate() {
        if !*c && matches!(s.w(i), "it" | "they" | "we" | "he" | "she") {
            *c = true;
            out.push(Participant {
                span: s.span_of(i, i),
                a: i,
                b: i + 1,
                key: None,
                name: None,
                code: None,
                country: None,
                kind: None,
                sector: None,
                via: Via::Actor,
                locative: false,
                pronoun: true,
                inferred: false,
                plural: false,
            });
        }
    }
    out.sort_by_key(|p| p.a);

    // 2. Demonym phrases the actors stage did not take.
    let mut i = 0;
    while i < n {
        if covered[i] || !s.is_word(i) || !s.is_cap(i) {
            i += 1;
            continue;
        }
        // two-word demonyms: "South African", "Sierra Leonean"
        if i + 1 < n
            && s.is_cap(i + 1)
            && !covered[i + 1]
            && src.lex.two_word_demonym_starts.contains(s.w(i))
        {
            let two = format!("{} {}", s.raw(i), s.raw(i + 1));
            if let Some(country) = src.demonym(&two) {
                let mut end = i + 2;
                let mut sector = None;
                let mut k = end;
                while k < n
                    && k <= i + 4
                    && s.is_word(k)
                    && !covered[k]
                    && !s.is_cap(k)
                    && !matches!(s.w(k), "and" | "or")
                {
                    let prev = (k > end).then(|| s.w(k - 1));
                    if let Some(sec) = src.lex.sector(prev, s.w(k)) {
                        sector = Some(sec);
                        end = k + 1;
                        break;
                    }
                    k += 1;
                }
                covered[i..end].iter_mut().for_each(|c| *c = true);
                out.push(Participant {
                    span: s.span_of(i, end - 1),
                    a: i,
                    b: end,
                    key: None,
                    name: None,
                    code: None,
                    country: Some(country),
                    kind: None,
                    sector,
                    via: Via::Demonym,
                    locative: false,
                    pronoun: false,
                    inferred: false,
                    plural: false,
                });
                i = end;
                continue;
            }
        }
        let lw = s.w(i);
        let (head, suffix) = match lw.split_once('-') {
            Some((h, rest)) => (h, Some(rest)),
            None => (lw, None),
        };
        if suffix.is_some_and(|x| x != "led" && x != "based") {
            i += 1;
            continue;
        }
        // "Afghanistan-based", "Vietnamese-led": a country name or demonym before the suffix
        let country = if suffix.is_some() {
            src.demonym(head)
                .or_else(|| src.demonyms.short_name(head))
                .or_else(|| src.lex.extra_demonyms.short_name(head))
        } else {
            src.demonym(head)
        };
        let Some(country) = country else {
            i += 1;
            continue;
        };
        // A plural demonym is a noun ("Palestinians"); an adjective looks for its head.
        let plural = suffix.is_none() && !src.lex.demonym_words.contains_key(s.w(i));
        let mut end = i + 1;
        let mut sector = None;
        if !plural {
            let mut k = i + 1;
            while k < n
                && k <= i + 3
                && s.is_word(k)
                && !covered[k]
                && !s.is_cap(k)
                && !matches!(s.w(k), "and" | "or")
            {
                let prev = (k > i + 1).then(|| s.w(k - 1));
                if let Some(sec) = src.lex.sector(prev, s.w(k)) {
                    sector = Some(sec);
                    end = k + 1;
                    // "army reservists": the last sector word is the head
                    if !(k + 1 < n && src.lex.sector(None, s.w(k + 1)).is_some()) {
                        break;
                    }
                }
                k += 1;
            }
        }
        // "ethnic Albanians": a people, not the state
        let ethnic = i > 0 && s.w(i - 1) == "ethnic";
        covered[i..end].iter_mut().for_each(|c| *c = true);
        out.push(Participant {
            span: s.span_of(i, end - 1),
            a: i,
            b: end,
            key: None,
            name: None,
            code: None,
            country: (!ethnic).then_some(country),
            kind: None,
            sector: if ethnic {
                sector.or(Some("CVL"))
            } else {
                sector
            },
            via: Via::Demonym,
            locative: false,
            pronoun: false,
            inferred: false,
            plural,
        });
        i = end;
    }

    // 3. Sector heads: "rebels in the Ivory Coast", "Israel's Cabinet", "militants".
    out.sort_by_key(|p| p.a);
    let mut i = 0;
    while i < n {
        if covered[i] || !s.is_word(i) {
            i += 1;
            continue;
        }
        let prev = (i > 0).then(|| s.w(i - 1));
        let Some(sector) = src.lex.sector(prev, s.w(i)) else {
            i += 1;
            continue;
        };
        // "its troops" are the subject's own; "military aid", "police sources" are
        // modifiers, not heads.
        let next = s.w(i + 1);
        let modifier = i + 1 < n
            && s.is_word(i + 1)
            && !s.is_cap(i + 1)
            && !NOT_NOUNS.contains(&next)
            && !next.ends_with("ed")
            && src.lex.sector(None, next).is_none();
        // "President Bush": a title before a name belongs to the name.
        let title = s.is_cap(i) && (s.is_cap(i + 1) || out.iter().any(|p| p.a == i + 1));
        if prev.is_some_and(|w| POSSESSIVES.contains(&w)) || modifier || title {
            i += 1;
            continue;
        }
        // In a run of sector words the last is the head ("military government").
        if i + 1 < n && !covered[i + 1] && src.lex.sector(Some(s.w(i)), s.w(i + 1)).is_some() {
            i += 1;
            continue;
        }
        let mut a = i;
        if prev.is_some_and(|pw| src.lex.two_word_sector(pw, s.w(i)).is_some()) {
            a = i - 1;
        }
        let mut p = Participant {
            span: s.span_of(a, i),
            a,
            b: i + 1,
            key: None,
            name: None,
            code: None,
            country: None,
            kind: None,
            sector: Some(sector),
            via: Via::Sector,
            locative: false,
            pronoun: false,
            inferred: false,
            plural: false,
        };
        // "X's (new) government", "a top U.S. official", "U.N. helicopters": the
        // country (or IGO) of the phrase before.
        let mut j = a;
        let mut steps = 0;
        while j > 0 && steps < 4 {
            j -= 1;
            steps += 1;
            let poss = s.w(j) == "'s";
            let end = if poss { j } else { j + 1 };
            if let Some(qi) = out.iter().position(|q| q.b == end && q.a < end) {
                let q = &out[qi];
                // "Serbian military police": a phrase right before the head
                let state_like = poss
                    || q.via == Via::Demonym
                    || q.via == Via::Place
                    || matches!(q.kind, Some("state" | "igo"))
                    || (end == a && q.country.is_some());
                let code = q.country.map(Ok).or_else(|| {
                    q.code
                        .as_deref()
                        .filter(|c| *c == "IGO" || *c == "NGO")
                        .map(|c| Err(c.to_string()))
                });
                if state_like {
                    if let Some(c) = code {
                        match c {
                            Ok(country) => p.country = Some(country),
                            Err(org) => p.code = Some(Cow::Owned(format!("{org}{sector}"))),
                        }
                        p.a = q.a;
                        p.span.start = q.span.start;
                        out.remove(qi);
                    }
                }
                break;
            }
            if poss {
                break;
            }
            let w = s.w(j);
            let adjective = s.is_word(j)
                && !NOT_NOUNS.contains(&w)
                && !POSSESSIVES.contains(&w)
                && !matches!(w, "a" | "an" | "the")
                && !w.ends_with("ed")
                && !src.lex.first.contains_key(w);
            if !(s.is_cap(j) || TITLE_WORDS.contains(&w) || adjective) {
                break;
            }
        }
        // "rebels in the Ivory Coast", "soldiers from Gondor", "leaders of Romania".
        if p.country.is_none() && matches!(s.w(i + 1), "in" | "of" | "from" | "at") {
            let k = if s.w(i + 2) == "the" { i + 3 } else { i + 2 };
            if let Some(qi) = out.iter().position(|q| q.a == k || q.a == i + 2) {
                if let Some(c) = out[qi].country {
                    p.country = Some(c);
                    p.b = out[qi].b;
                    p.span.end = out[qi].span.end;
                    out.remove(qi);
                }
            } else if let Some(pl) = src.places.iter().find(|pl| s.tok_at(pl.span.start) == k) {
                if let Some(c) = str_attr(pl, "country") {
                    p.country = Some(c);
                    let (_, pb) = s.toks_in(pl.span);
                    if pb > p.b {
                        p.b = pb;
                        p.span.end = pl.span.end;
                    }
                }
            }
        }
        if matches!(sector, "NGO" | "IGO") && p.country.is_none() {
            p.code = Some(Cow::Borrowed(sector));
        }
        covered[p.a..p.b].iter_mut().for_each(|c| *c = true);
        i = p.b;
        out.push(p);
    }

    // 4. Places the actors stage left alone: settings, and targets of visits or attacks.
    for &pl in &src.places {
        let (a, b) = s.toks_in(pl.span);
        if a >= b || covered[a..b].iter().any(|c| *c) {
            continue;
        }
        if matches!(str_attr(pl, "precision"), Some("border" | "border_region")) {
            continue;
        }
        let Some(country) = str_attr(pl, "country") else {
            continue;
        };
        covered[a..b].iter_mut().for_each(|c| *c = true);
        out.push(Participant {
            span: pl.span,
            a,
            b,
            key: pl.key.as_deref(),
            name: str_attr(pl, "name"),
            code: None,
            country: Some(country),
            kind: Some("place"),
            sector: None,
            via: Via::Place,
            locative: true,
            pronoun: false,
            inferred: false,
            plural: false,
        });
    }
    // phrases after "in", "outside" … are settings ("demonstrated outside the Iranian
    // embassy")
    for p in out
        .iter_mut()
        .filter(|p| matches!(p.via, Via::Demonym | Via::Sector))
    {
        let mut k = p.a;
        if k > 0 && s.w(k - 1) == "the" {
            k -= 1;
        }
        if k > 0 && SETTING_PREPS.contains(&s.w(k - 1)) {
            p.locative = true;
        }
    }
    out.sort_by_key(|p| p.a);
    out
}

/// Prepositions that make what follows a setting.
static SETTING_PREPS: WordSet = WordSet::new(&[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "around",
    "within",
    "throughout",
    "along",
]);
